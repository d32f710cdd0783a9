//! Checksums and format checks for identifiers. Pure functions on strings; they never
//! allocate on the fast path and never panic.

/// The Dutch BSN "11-proef": nine digits d1..d9 with
/// `9*d1 + 8*d2 + ... + 2*d8 - 1*d9 ≡ 0 (mod 11)`. Separators (space, dot, hyphen) are
/// ignored; exactly nine digits are required and the all-zero number is rejected.
pub fn bsn_11_proef(digits: &str) -> bool {
    let mut sum: i64 = 0;
    let mut n = 0usize;
    let mut nonzero = false;
    for b in digits.bytes() {
        match b {
            b'0'..=b'9' => {
                if n == 9 {
                    return false;
                }
                let d = i64::from(b - b'0');
                nonzero |= d != 0;
                let w = if n == 8 { -1 } else { 9 - n as i64 };
                sum += w * d;
                n += 1;
            }
            b' ' | b'.' | b'-' => {}
            _ => return false,
        }
    }
    n == 9 && nonzero && sum % 11 == 0
}

/// Expected IBAN length per country (ISO 13616 registry, the countries in use in SEPA and a
/// few more). Unknown countries are accepted at any length 15..=34 if mod-97 holds.
fn iban_length(country: &[u8]) -> Option<usize> {
    let l = match country {
        b"NL" => 18,
        b"BE" => 16,
        b"DE" => 22,
        b"FR" | b"IT" | b"MC" => 27,
        b"GB" | b"IE" => 22,
        b"ES" | b"SE" | b"SK" | b"CZ" | b"TN" | b"RO" => 24,
        b"LU" | b"AT" | b"EE" | b"LT" | b"XK" => 20,
        b"DK" | b"FI" | b"FO" | b"GL" => 18,
        b"NO" => 15,
        b"PT" => 25,
        b"PL" | b"HU" | b"CY" | b"AL" => 28,
        b"TR" => 26,
        b"CH" | b"LI" | b"HR" | b"LV" => 21,
        b"MA" => 28,
        b"SA" => 24,
        b"AE" => 23,
        b"GR" => 27,
        b"BG" => 22,
        b"SI" => 19,
        b"IS" => 26,
        b"MT" => 31,
        b"IL" => 23,
        b"JO" => 30,
        b"LB" => 28,
        b"EG" => 29,
        b"QA" => 29,
        b"KW" => 30,
        b"BH" => 22,
        _ => return None,
    };
    Some(l)
}

/// IBAN check: two letters, two check digits, up to 30 alphanumerics; spaces ignored;
/// the ISO 7064 mod-97-10 remainder must be 1 and the length must match the country.
pub fn iban_mod97(s: &str) -> bool {
    let mut chars = [0u8; 34];
    let mut n = 0;
    for b in s.bytes() {
        if b == b' ' {
            continue;
        }
        if !b.is_ascii_alphanumeric() || n == 34 {
            return false;
        }
        chars[n] = b.to_ascii_uppercase();
        n += 1;
    }
    if n < 15 {
        return false;
    }
    let c = &chars[..n];
    if !c[0].is_ascii_uppercase()
        || !c[1].is_ascii_uppercase()
        || !c[2].is_ascii_digit()
        || !c[3].is_ascii_digit()
    {
        return false;
    }
    if let Some(len) = iban_length(&c[..2]) {
        if len != n {
            return false;
        }
    }
    let mut rem: u32 = 0;
    for &b in c[4..].iter().chain(c[..4].iter()) {
        if b.is_ascii_digit() {
            rem = (rem * 10 + u32::from(b - b'0')) % 97;
        } else {
            let v = u32::from(b - b'A') + 10;
            rem = (rem * 100 + v) % 97;
        }
    }
    rem == 1
}

/// IPv4 dotted quad with every octet 0..=255 and no leading zeros beyond a single `0`.
pub fn ipv4(s: &str) -> bool {
    let mut parts = 0;
    for p in s.split('.') {
        parts += 1;
        if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        if p.len() > 1 && p.starts_with('0') {
            return false;
        }
        if p.parse::<u16>().map_or(true, |v| v > 255) {
            return false;
        }
    }
    parts == 4
}

/// IPv6 text form (RFC 4291 §2.2, without zone ids): up to eight hex groups, at most one `::`.
pub fn ipv6(s: &str) -> bool {
    if s.len() < 2 || s.len() > 39 {
        return false;
    }
    let double = s.matches("::").count();
    if double > 1 || s.contains(":::") {
        return false;
    }
    let mut groups = 0;
    for g in s.split(':') {
        if g.is_empty() {
            continue;
        }
        if g.len() > 4 || !g.bytes().all(|b| b.is_ascii_hexdigit()) {
            return false;
        }
        groups += 1;
    }
    if double == 1 {
        groups < 8
            && (s.starts_with("::") || !s.starts_with(':'))
            && (s.ends_with("::") || !s.ends_with(':'))
    } else {
        groups == 8 && !s.starts_with(':') && !s.ends_with(':')
    }
}

/// Dutch postcode: four digits not starting with 0, optional single space, two capital letters
/// other than SA, SD and SS (not issued).
pub fn postcode(s: &str) -> bool {
    let b = s.as_bytes();
    let (digits, rest) = match b.len() {
        6 => (&b[..4], &b[4..]),
        7 if b[4] == b' ' => (&b[..4], &b[5..]),
        // The doubled space of OCR output.
        8 if &b[4..6] == b"  " => (&b[..4], &b[6..]),
        _ => return false,
    };
    digits.iter().all(u8::is_ascii_digit)
        && digits[0] != b'0'
        && rest.iter().all(u8::is_ascii_uppercase)
        && !matches!(rest, b"SA" | b"SD" | b"SS")
}

/// Dutch licence plate in one of the sidecodes 1–14 (groups separated by hyphens).
pub fn licence_plate(s: &str) -> bool {
    // L = letter, D = digit.
    const SIDECODES: [&str; 16] = [
        "LL-DD-DD",
        "DD-DD-LL",
        "DD-LL-DD",
        "LL-DD-LL",
        "LL-LL-DD",
        "DD-LL-LL",
        "DD-LLL-D",
        "D-LLL-DD",
        "LL-DDD-L",
        "L-DDD-LL",
        "LLL-DD-L",
        "L-DD-LLL",
        "D-LL-DDD",
        "DDD-LL-D",
        // Newer series and motorcycles.
        "D-LLL-DDD",
        "DDD-LLL-D",
    ];
    let b = s.as_bytes();
    SIDECODES.iter().any(|code| {
        code.len() == b.len()
            && code.bytes().zip(b).all(|(c, &x)| match c {
                b'L' => x.is_ascii_uppercase(),
                b'D' => x.is_ascii_digit(),
                _ => x == b'-',
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bsn() {
        assert!(bsn_11_proef("111222333"));
        assert!(bsn_11_proef("123456782"));
        assert!(bsn_11_proef("1234.56.782"));
        assert!(!bsn_11_proef("123456789"));
        assert!(!bsn_11_proef("000000000"));
        assert!(!bsn_11_proef("12345678"));
    }

    #[test]
    fn iban() {
        assert!(iban_mod97("NL91ABNA0417164300"));
        assert!(iban_mod97("NL91 ABNA 0417 1643 00"));
        assert!(iban_mod97("DE89370400440532013000"));
        assert!(iban_mod97("BE68539007547034"));
        assert!(!iban_mod97("NL91ABNA0417164301"));
        assert!(!iban_mod97("NL91ABNA041716430"));
    }

    #[test]
    fn ips_plates_postcodes() {
        assert!(ipv4("192.168.1.10"));
        assert!(!ipv4("256.1.1.1"));
        assert!(ipv6("2001:db8::1"));
        assert!(ipv6("fe80:0:0:0:0:0:0:1"));
        assert!(!ipv6("12:30"));
        assert!(postcode("1234 AB"));
        assert!(postcode("1234AB"));
        assert!(!postcode("0123 AB"));
        assert!(!postcode("1234 SS"));
        assert!(licence_plate("12-ABC-3"));
        assert!(licence_plate("XX-99-99"));
        assert!(!licence_plate("AB-CD-EF"));
    }
}
