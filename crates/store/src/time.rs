//! UTC timestamps as the store writes them (`YYYY-MM-DDTHH:MM:SSZ`).

/// Now as `YYYY-MM-DDTHH:MM:SSZ`.
pub(crate) fn now() -> String {
    format_utc(chrono::Utc::now().timestamp())
}

/// Formats unix seconds as `YYYY-MM-DDTHH:MM:SSZ`.
pub(crate) fn format_utc(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats() {
        assert_eq!(super::format_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::format_utc(1_709_251_199), "2024-02-29T23:59:59Z");
        assert_eq!(super::format_utc(1_711_929_600), "2024-04-01T00:00:00Z");
    }
}
