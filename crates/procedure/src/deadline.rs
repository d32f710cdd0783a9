//! Deadlines of access requests (AVG art. 12(3)): one calendar month after receipt, extendable
//! once by up to two further months.

use chrono::{Months, NaiveDate};

/// The window in which requests are expected, and the subject tag of its mailbox.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Window {
    pub opens: NaiveDate,
    pub closes: NaiveDate,
    pub tag: String,
}

/// One calendar month after `received`: the same day number, or the month's last day where that
/// day does not exist (31 January 2024 gives 29 February 2024).
pub fn due_date(received: NaiveDate) -> NaiveDate {
    add_months(received, 1)
}

/// The deadline after an extension of `months` (1 or 2) beyond the first month. `None` when the
/// extension is longer than the two months the law allows.
pub fn extended_due_date(received: NaiveDate, months: u32) -> Option<NaiveDate> {
    (1..=2)
        .contains(&months)
        .then(|| add_months(received, 1 + months))
}

/// Whether a request received on `received` came after the window closed. Such requests are
/// still handled, as ordinary access requests.
pub fn is_late(window: &Window, received: NaiveDate) -> bool {
    received > window.closes
}

/// Whether the one-month period in which the requester must be told of an extension is still
/// running on `today`.
pub fn extension_allowed(received: NaiveDate, today: NaiveDate) -> bool {
    today <= due_date(received)
}

fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    // chrono clamps to the month's last day, which is what the law's "calendar month" means
    // here; the fallback is unreachable for dates in range.
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn due_dates_across_month_ends_and_leap_years() {
        // (received, due) — a table: add a line for a new case.
        let cases = [
            ("2024-03-11", "2024-04-11"),
            ("2024-01-31", "2024-02-29"),
            ("2023-01-31", "2023-02-28"),
            ("2024-01-30", "2024-02-29"),
            ("2024-01-29", "2024-02-29"),
            ("2024-01-28", "2024-02-28"),
            ("2024-03-31", "2024-04-30"),
            ("2024-05-31", "2024-06-30"),
            ("2024-08-31", "2024-09-30"),
            ("2024-12-31", "2025-01-31"),
            ("2024-12-15", "2025-01-15"),
            ("2100-01-31", "2100-02-28"),
            ("2000-01-31", "2000-02-29"),
            ("2024-02-29", "2024-03-29"),
        ];
        for (received, due) in cases {
            assert_eq!(due_date(d(received)), d(due), "received {received}");
        }
    }

    #[test]
    fn extensions() {
        assert_eq!(extended_due_date(d("2024-01-31"), 2), Some(d("2024-04-30")));
        assert_eq!(extended_due_date(d("2023-11-30"), 2), Some(d("2024-02-29")));
        assert_eq!(extended_due_date(d("2024-03-11"), 1), Some(d("2024-05-11")));
        assert_eq!(extended_due_date(d("2024-03-11"), 3), None);
        assert_eq!(extended_due_date(d("2024-03-11"), 0), None);
        assert!(extension_allowed(d("2024-01-31"), d("2024-02-29")));
        assert!(!extension_allowed(d("2024-01-31"), d("2024-03-01")));
    }

    #[test]
    fn late_requests() {
        let w = Window {
            opens: d("2024-01-01"),
            closes: d("2024-03-31"),
            tag: "t".into(),
        };
        assert!(!is_late(&w, d("2024-03-31")));
        assert!(is_late(&w, d("2024-04-01")));
    }

    proptest::proptest! {
        #[test]
        fn due_is_in_next_month_and_never_earlier(days in 0i64..80_000) {
            let received = d("1970-01-01") + chrono::Duration::days(days);
            let due = due_date(received);
            use chrono::Datelike;
            let next = if received.month() == 12 { (received.year() + 1, 1) } else { (received.year(), received.month() + 1) };
            proptest::prop_assert_eq!((due.year(), due.month()), next);
            proptest::prop_assert!(due.day() <= received.day());
            proptest::prop_assert!(due > received);
        }
    }
}
