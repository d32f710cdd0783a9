//! Normalised forms of identifiers (e-mail, phone, BSN, IBAN, address, birthdate), so
//! that the same identifier written differently compares equal.

use crate::fold::fold;

/// The identifier kinds that link mentions of one person across documents when they sit
/// next to a name. Postcodes are left out: neighbours share them.
pub const LINKING_KINDS: &[&str] = &["email", "phone", "bsn", "iban", "address", "birthdate"];

/// Normalises an identifier of the contract `kind` for comparison; `None` when the
/// value has nothing usable or the kind is not an identifier.
pub fn normalise_identifier(kind: &str, value: &str) -> Option<String> {
    let out = match kind {
        "email" => {
            let v = value
                .trim()
                .trim_start_matches("mailto:")
                .trim_matches(|c: char| matches!(c, '<' | '>' | '(' | ')' | '.' | ',' | ';'));
            fold(v)
        }
        "phone" => normalise_phone(value),
        "bsn" => digits(value),
        "iban" => value
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect(),
        "address" | "postcode" => fold(value)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect(),
        "birthdate" => normalise_date(value)?,
        _ => return None,
    };
    (!out.is_empty()).then_some(out)
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Dutch phone numbers in national form: "+31 6 12345678", "0031 6-1234 5678" and
/// "06-12345678" all give "0612345678".
fn normalise_phone(value: &str) -> String {
    let trimmed = value.trim();
    let d = digits(trimmed);
    if let Some(rest) = d.strip_prefix("0031") {
        return format!("0{}", rest.trim_start_matches('0'));
    }
    if trimmed.starts_with('+') {
        if let Some(rest) = d.strip_prefix("31") {
            return format!("0{}", rest.trim_start_matches('0'));
        }
        return format!("+{d}");
    }
    d
}

const MONTHS: &[(&str, u32)] = &[
    ("januari", 1),
    ("jan", 1),
    ("februari", 2),
    ("feb", 2),
    ("maart", 3),
    ("mrt", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("juni", 6),
    ("jun", 6),
    ("juli", 7),
    ("jul", 7),
    ("augustus", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("oktober", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// A date as `YYYY-MM-DD` from "3 mei 1979", "12-04-1985", "12/04/1985" or
/// "1985-04-12"; `None` when it is not recognisably a date.
pub fn normalise_date(value: &str) -> Option<String> {
    let v = fold(value);
    let parts: Vec<&str> = v
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '/' | '.' | ','))
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() != 3 {
        return None;
    }
    let num = |s: &str| s.parse::<u32>().ok();
    let month_of =
        |s: &str| num(s).or_else(|| MONTHS.iter().find(|(m, _)| *m == s).map(|(_, n)| *n));
    let (y, m, d) = if parts[0].len() == 4 {
        (num(parts[0])?, month_of(parts[1])?, num(parts[2])?)
    } else {
        (num(parts[2])?, month_of(parts[1])?, num(parts[0])?)
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1800..=2100).contains(&y) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_normalise() {
        let table = [
            ("phone", "06-12345678", "0612345678"),
            ("phone", "+31 6 12345678", "0612345678"),
            ("phone", "0031 6 1234 5678", "0612345678"),
            ("phone", "(010) 123 45 67", "0101234567"),
            ("email", "<F.Haddou@Example.NL>", "f.haddou@example.nl"),
            ("iban", "nl91 abna 0417 1643 00", "NL91ABNA0417164300"),
            ("bsn", "1234.56.782", "123456782"),
            ("birthdate", "3 mei 1979", "1979-05-03"),
            ("birthdate", "03-05-1979", "1979-05-03"),
            ("birthdate", "1979-05-03", "1979-05-03"),
            (
                "address",
                "Van Ostadestraat 212-III",
                "vanostadestraat212iii",
            ),
        ];
        for (kind, input, want) in table {
            assert_eq!(
                normalise_identifier(kind, input).as_deref(),
                Some(want),
                "{kind} {input}"
            );
        }
        assert_eq!(normalise_identifier("religion", "soenniet"), None);
        assert_eq!(normalise_identifier("birthdate", "ergens in 1979"), None);
    }
}
