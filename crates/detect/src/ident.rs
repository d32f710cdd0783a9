//! Identifier scanners: e-mail, phone, BSN, IBAN, postcode, licence plate, IP addresses and
//! dates of birth. Hand-written byte scanners; checksummed identifiers are validated.
//! Street addresses need words and live in [`addresses`], run on the token stream.

use crate::token::{Class, Tok};
use crate::{validate, Finding, Kind};

fn finding(start: usize, end: usize, kind: Kind, score: f32, rule: &'static str) -> Finding {
    Finding {
        start,
        end,
        kind,
        score,
        rule,
    }
}

#[inline]
fn is_alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The first offset `>= i` whose byte is an ASCII digit, `+` or `(` (`b.len()` if none): the
/// bytes a number can start with. Most text has none of them for dozens of bytes, so this
/// tests 16 bytes at a time (SSE2, always present on x86-64) instead of one.
fn next_number_start(b: &[u8], mut i: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::*;
        // SAFETY: SSE2 is part of the x86-64 baseline; every load reads 16 bytes inside `b`
        // (`i + 16 <= b.len()`) with an unaligned load.
        unsafe {
            let lo = _mm_set1_epi8((b'0' - 1) as i8);
            let hi = _mm_set1_epi8((b'9' + 1) as i8);
            let plus = _mm_set1_epi8(b'+' as i8);
            let paren = _mm_set1_epi8(b'(' as i8);
            while i + 16 <= b.len() {
                let x = _mm_loadu_si128(b.as_ptr().add(i).cast());
                // Signed compares: bytes >= 0x80 are negative, so never digits.
                let digit = _mm_and_si128(_mm_cmpgt_epi8(x, lo), _mm_cmplt_epi8(x, hi));
                let other = _mm_or_si128(_mm_cmpeq_epi8(x, plus), _mm_cmpeq_epi8(x, paren));
                let mask = _mm_movemask_epi8(_mm_or_si128(digit, other)) as u32;
                if mask != 0 {
                    return i + mask.trailing_zeros() as usize;
                }
                i += 16;
            }
        }
    }
    while i < b.len() && !(b[i].is_ascii_digit() || b[i] == b'+' || b[i] == b'(') {
        i += 1;
    }
    i
}

/// Runs every byte scanner over `text`.
pub(crate) fn scan(text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    emails(text, &mut out);
    numbers(text, &mut out);
    ibans(text, &mut out);
    plates(text, &mut out);
    ipv6s(text, &mut out);
    out
}

fn emails(text: &str, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let local_ok = |c: u8| c.is_ascii_alphanumeric() || b"._%+-'".contains(&c);
    let domain_ok = |c: u8| c.is_ascii_alphanumeric() || c == b'.' || c == b'-';
    let mut last_end = 0;
    for at in memchr::memchr_iter(b'@', b) {
        if at < last_end {
            continue;
        }
        let mut s = at;
        while s > last_end && local_ok(b[s - 1]) {
            s -= 1;
        }
        while s < at && (b[s] == b'.' || b[s] == b'\'' || b[s] == b'-') {
            s += 1;
        }
        // A local part broken over two lines of a narrow column ("l.dek-⏎ker@...").
        if s < at && b[s] != b'.' {
            if let Some(p) = wrap_before(b, s) {
                if local_ok(b[p - 1]) && b"-._".contains(&b[p - 1]) {
                    s = p - 1;
                    while s > last_end && local_ok(b[s - 1]) {
                        s -= 1;
                    }
                }
            }
        }
        let mut e = at + 1;
        let mut wrapped = s < at && b[s..at].contains(&b'\n');
        loop {
            while e < b.len() && domain_ok(b[e]) {
                e += 1;
            }
            // A domain broken at the end of a line ("l.dekker@buurt-⏎huis-oost.nl"): after a
            // hyphen or dot, or before it has any dot (no domain ends there), the next line
            // goes on with it. The finding then holds the line break.
            let Some(next) = wrap_after(b, e) else {
                break;
            };
            let open = b[at + 1..e].iter().all(|&c| c != b'.');
            if e > at + 1
                && (b[e - 1] == b'-' || open)
                && b.get(next).is_some_and(|c| c.is_ascii_alphanumeric())
                && !wrapped
            {
                wrapped = true;
                e = next;
            } else {
                break;
            }
        }
        while e > at + 1 && (b[e - 1] == b'.' || b[e - 1] == b'-') {
            e -= 1;
        }
        if s == at || e == at + 1 {
            continue;
        }
        let domain = crate::sub(text, at + 1, e);
        let domain = domain.rsplit('\n').next().unwrap_or(domain).trim_start();
        let Some(dot) = domain.rfind('.') else {
            continue;
        };
        let tld = domain.get(dot + 1..).unwrap_or("");
        if tld.len() < 2 || !tld.bytes().all(|c| c.is_ascii_alphabetic()) || domain.starts_with('.')
        {
            continue;
        }
        last_end = e;
        if functional_mailbox(crate::sub(text, s, at)) {
            continue;
        }
        if wrapped {
            out.push(finding(s, e, Kind::Email, 0.9, "id.email_wrapped"));
        } else {
            out.push(finding(s, e, Kind::Email, 0.99, "id.email"));
        }
    }
}

/// After the spaces and one hyphen at `i` ("070 -⏎", "06-⏎"): where a line break may follow.
fn past_hyphen(b: &[u8], mut i: usize) -> usize {
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    i
}

/// Where the next line starts when `e` is at a line end (spaces, an optional CR, one LF,
/// spaces): a value broken over two lines goes on there. `None` elsewhere, and before a blank
/// line (a new paragraph is no continuation).
fn wrap_after(b: &[u8], e: usize) -> Option<usize> {
    let mut p = e;
    while b.get(p).is_some_and(|&c| c == b' ' || c == b'\t') {
        p += 1;
    }
    if b.get(p) == Some(&b'\r') {
        p += 1;
    }
    if b.get(p) != Some(&b'\n') {
        return None;
    }
    p += 1;
    while b.get(p).is_some_and(|&c| c == b' ' || c == b'\t') {
        p += 1;
    }
    (b.get(p).is_some_and(|&c| c != b'\n' && c != b'\r')).then_some(p)
}

/// The end of the previous line's text when `s` starts a line (see [`wrap_after`]): the
/// offset after its last non-space byte. `None` when `s` does not start a line.
fn wrap_before(b: &[u8], s: usize) -> Option<usize> {
    let mut p = s;
    while p > 0 && matches!(b[p - 1], b' ' | b'\t') {
        p -= 1;
    }
    if p == 0 || b[p - 1] != b'\n' {
        return None;
    }
    p -= 1;
    if p > 0 && b[p - 1] == b'\r' {
        p -= 1;
    }
    while p > 0 && matches!(b[p - 1], b' ' | b'\t') {
        p -= 1;
    }
    (p > 0 && b[p - 1] != b'\n').then_some(p)
}

/// Mailboxes of a function, not a person ("contact@", "inzage-analyses@").
fn functional_mailbox(local: &str) -> bool {
    let first = local
        .split(['.', '-', '_', '+'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        first.as_str(),
        "info"
            | "contact"
            | "secretariaat"
            | "bestuur"
            | "inzage"
            | "servicedesk"
            | "noreply"
            | "no"
            | "post"
            | "postbus"
            | "algemeen"
            | "admin"
            | "helpdesk"
            | "support"
            | "redactie"
            | "privacy"
            | "fg"
            | "woo"
            | "klachten"
            | "team"
            | "afdeling"
            | "webmaster"
            | "pers"
            | "receptie"
            | "balie"
            | "loket"
            | "gemeente"
            | "mail"
            | "office"
            | "sales"
            | "communicatie"
            | "burgerzaken"
            | "avg"
            | "functionaris"
            | "dpo"
            | "security"
            | "abuse"
            | "hostmaster"
            | "postmaster"
            | "bezwaar"
            | "juridisch"
            | "archief"
    )
}

/// A fixed-capacity list (no allocation in the per-number hot path).
#[derive(Clone, Copy)]
struct Digits<T: Copy + Default> {
    v: [T; 16],
    n: usize,
}

impl<T: Copy + Default> Default for Digits<T> {
    fn default() -> Self {
        Digits {
            v: [T::default(); 16],
            n: 0,
        }
    }
}

impl<T: Copy + Default> Digits<T> {
    fn push(&mut self, x: T) {
        if self.n < 16 {
            self.v[self.n] = x;
            self.n += 1;
        }
    }
    fn len(&self) -> usize {
        self.n
    }
    fn is_empty(&self) -> bool {
        self.n == 0
    }
    fn get(&self, i: usize) -> Option<&T> {
        self.v[..self.n].get(i)
    }
    fn last(&self) -> Option<&T> {
        self.v[..self.n].last()
    }
}

impl<T: Copy + Default> std::ops::Index<usize> for Digits<T> {
    type Output = T;
    fn index(&self, i: usize) -> &T {
        &self.v[..self.n][i]
    }
}

/// Reads a run of digits and separators starting at `i`: returns the digits (up to 16) and the
/// end offset after each digit. Separators: single space, hyphen, dot, slash, parentheses.
fn digit_run(b: &[u8], i: usize, max_digits: usize) -> (Digits<u8>, Digits<usize>) {
    digit_run_wrapped(b, i, max_digits, false)
}

/// [`digit_run`]; with `wrap`, one line break (after a group or its hyphen) is a separator
/// too: a number broken over two lines of a narrow column ("06-1234⏎5678").
fn digit_run_wrapped(
    b: &[u8],
    mut i: usize,
    max_digits: usize,
    mut wrap: bool,
) -> (Digits<u8>, Digits<usize>) {
    let mut digits = Digits::default();
    let mut ends = Digits::default();
    let mut seps = 0;
    while i < b.len() && digits.len() < max_digits {
        let c = b[i];
        if wrap && !digits.is_empty() && seps <= 1 && matches!(c, b' ' | b'\r' | b'\n' | b'-') {
            if let Some(next) = wrap_after(b, past_hyphen(b, i)) {
                if b[next].is_ascii_digit() {
                    wrap = false;
                    seps = 1;
                    i = next;
                    continue;
                }
            }
        }
        if c.is_ascii_digit() {
            digits.push(c - b'0');
            i += 1;
            ends.push(i);
            seps = 0;
        } else if c == b' '
            && b.get(i + 1) == Some(&b'-')
            && b.get(i + 2) == Some(&b' ')
            && !digits.is_empty()
            && seps == 0
        {
            // "070 - 3456789": a hyphen with a space either side is one separator.
            seps += 1;
            i += 3;
        } else if c == b' ' && b.get(i + 1) == Some(&b' ') && !digits.is_empty() && seps == 0 {
            // A doubled space (OCR output) is one separator.
            seps += 1;
            i += 2;
        } else if matches!(c, b' ' | b'-' | b'.' | b'/' | b'(' | b')') && !digits.is_empty() {
            seps += 1;
            // One separator, or a parenthesis next to a space: "(0)6", "(010) 123".
            let paren = c == b'(' || c == b')' || (i > 0 && matches!(b[i - 1], b'(' | b')'));
            if seps > 2 || (seps == 2 && !paren) {
                break;
            }
            i += 1;
        } else if c == 0xC2 && b.get(i + 1) == Some(&0xA0) && !digits.is_empty() {
            // NBSP between groups.
            seps += 1;
            if seps > 2 {
                break;
            }
            i += 2;
        } else {
            break;
        }
    }
    (digits, ends)
}

fn followed_by_digit_or_word(b: &[u8], end: usize) -> bool {
    match b.get(end) {
        Some(c) if is_alnum(*c) => true,
        // "1234-5" style continuation of the same number.
        Some(b'-' | b'.' | b'/') => b.get(end + 1).is_some_and(u8::is_ascii_digit),
        _ => false,
    }
}

/// Phone numbers, BSNs, postcodes, IPv4 addresses and dates of birth: everything anchored on a
/// digit (or `+`/`(` before one).
fn numbers(text: &str, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let mut i = 0;
    let mut phone_end = 0;
    loop {
        i = next_number_start(b, i);
        if i >= b.len() {
            break;
        }
        let c = b[i];
        let start_ok = i == 0
            || !(is_alnum(b[i - 1]) || b[i - 1] == b'.' && i >= 2 && b[i - 2].is_ascii_digit());
        if !start_ok {
            i += 1;
            continue;
        }
        // The date at `i`, found once: both the phone and the date-of-birth rule ask.
        let mut date_here = None;
        // A date ("04-03-2024 09:12", "geb. 09-06-2010") is never a phone number.
        if i >= phone_end
            && !after_iban_prefix(b, i)
            && date_here.get_or_insert_with(|| date(text, i)).is_none()
        {
            if let Some(e) = phone(b, i) {
                // "(043 2071364)": parentheses around the whole number are not part of it.
                let s = if c == b'(' && !b[i..e].contains(&b')') {
                    i + 1
                } else {
                    i
                };
                if b[s..e].contains(&b'\n') {
                    out.push(finding(s, e, Kind::Phone, 0.85, "id.phone_wrapped"));
                } else {
                    out.push(finding(s, e, Kind::Phone, 0.95, "id.phone"));
                }
                phone_end = e;
                i = e;
                continue;
            }
        }
        if !c.is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut run_end = i;
        while run_end < b.len() && b[run_end].is_ascii_digit() {
            run_end += 1;
        }
        let run = run_end - i;
        // IPv4
        if run <= 3 && b.get(run_end) == Some(&b'.') {
            let mut e = run_end;
            while e < b.len() && (b[e].is_ascii_digit() || b[e] == b'.') {
                e += 1;
            }
            let mut ee = e;
            while ee > i && b[ee - 1] == b'.' {
                ee -= 1;
            }
            if validate::ipv4(crate::sub(text, i, ee)) && !(e < b.len() && is_alnum(b[e])) {
                out.push(finding(i, ee, Kind::IpAddress, 0.95, "id.ipv4"));
                i = ee;
                continue;
            }
        }
        // BSN: nine digits, or 4.2.3 / 3.3.3 groups separated by dots or spaces. Nine digits
        // labelled as a BSN that fail the 11-proef are still one: a person's BSN mistyped
        // ("bsn: 123456780"), with a lower score.
        if let Some(e) = bsn(b, i) {
            if validate::bsn_11_proef(crate::sub(text, i, e)) {
                out.push(finding(i, e, Kind::Bsn, 0.9, "id.bsn"));
                i = e;
                continue;
            }
            if bsn_label_before(text, i) {
                out.push(finding(i, e, Kind::Bsn, 0.5, "id.bsn_labelled_unchecked"));
                i = e;
                continue;
            }
        }
        // Postcode
        if run == 4 && b[i] != b'0' {
            let mut j = run_end;
            // "1234 AB", also with the doubled space of OCR output.
            for _ in 0..2 {
                if b.get(j) == Some(&b' ') {
                    j += 1;
                }
            }
            if j + 2 <= b.len()
                && b[j].is_ascii_uppercase()
                && b[j + 1].is_ascii_uppercase()
                && !b.get(j + 2).is_some_and(|&x| is_alnum(x))
                && validate::postcode(crate::sub(text, i, j + 2))
                && !postcode_stop(b, i, j)
            {
                out.push(finding(i, j + 2, Kind::Postcode, 0.9, "id.postcode"));
                i = j + 2;
                continue;
            }
            if !b.get(j + 2).is_some_and(|&x| is_alnum(x)) && unissued_postcode(b, i, j) {
                out.push(finding(
                    i,
                    j + 2,
                    Kind::Postcode,
                    0.6,
                    "id.postcode_unissued",
                ));
                i = j + 2;
                continue;
            }
            // Broken over two lines of a narrow column: "2511⏎DP Den Haag". The letters are
            // a postcode's only before a town, a punctuation mark or the line end, and not
            // a word or abbreviation of two capitals.
            if let Some(j) = wrap_after(b, run_end) {
                if wrapped_postcode_letters(b, j) && !postcode_stop(b, i, j) {
                    let mut pc = [b' '; 7];
                    pc[..4].copy_from_slice(&b[i..run_end]);
                    pc[5..].copy_from_slice(&b[j..j + 2]);
                    if validate::postcode(std::str::from_utf8(&pc).unwrap_or("")) {
                        out.push(finding(
                            i,
                            j + 2,
                            Kind::Postcode,
                            0.8,
                            "id.postcode_wrapped",
                        ));
                        i = j + 2;
                        continue;
                    }
                }
            }
            // Lower case, written against the digits: "2511dp". Not a unit ("1500mg").
            let k = run_end;
            if k + 2 <= b.len()
                && b[k].is_ascii_lowercase()
                && b[k + 1].is_ascii_lowercase()
                && !b.get(k + 2).is_some_and(|&x| is_alnum(x))
                && !matches!(
                    &b[k..k + 2],
                    b"sa"
                        | b"sd"
                        | b"ss"
                        | b"mg"
                        | b"kg"
                        | b"km"
                        | b"cm"
                        | b"mm"
                        | b"ml"
                        | b"cl"
                        | b"dl"
                        | b"kb"
                        | b"mb"
                        | b"gb"
                        | b"tb"
                        | b"kw"
                        | b"mw"
                        | b"gw"
                        | b"pk"
                        | b"ha"
                        | b"hz"
                        | b"st"
                        | b"nd"
                        | b"rd"
                        | b"th"
                        | b"am"
                        | b"pm"
                        | b"ms"
                        | b"ct"
                        | b"cc"
                        | b"gr"
                        | b"lb"
                        | b"oz"
                        | b"ft"
                        | b"in"
                        | b"uu"
                        | b"jr"
                        | b"nr"
                        | b"ex"
                        | b"ev"
                        | b"mi"
                        | b"vs"
                )
                && (i == 0 || !(is_alnum(b[i - 1]) || matches!(b[i - 1], b'-' | b'/' | b'.')))
            {
                out.push(finding(i, k + 2, Kind::Postcode, 0.7, "id.postcode_lower"));
                i = k + 2;
                continue;
            }
        }
        // Date of birth
        if run <= 4 {
            if let Some(e) = date_here.unwrap_or_else(|| date(text, i)) {
                if birth_context(text, i, e) {
                    out.push(finding(i, e, Kind::Birthdate, 0.9, "id.birthdate"));
                    i = e;
                    continue;
                }
            }
        }
        i = run_end;
    }
}

/// Whether the two bytes at `j` (the start of a line) are the letters of a postcode whose
/// digits ended the line before: two capitals that are no common word or abbreviation, then
/// a town (a capitalised word), a punctuation mark or the line end.
fn wrapped_postcode_letters(b: &[u8], j: usize) -> bool {
    let Some(l) = b.get(j..j + 2) else {
        return false;
    };
    if !l.iter().all(u8::is_ascii_uppercase)
        || matches!(
            l,
            b"DE"
                | b"EN"
                | b"IN"
                | b"OF"
                | b"OP"
                | b"AN"
                | b"IS"
                | b"IT"
                | b"OM"
                | b"EU"
                | b"VN"
                | b"NL"
                | b"VS"
                | b"UK"
                | b"BV"
                | b"OK"
                | b"NO"
                | b"TV"
                | b"PC"
                | b"CV"
                | b"HR"
                | b"ZO"
                | b"AL"
                | b"NA"
                | b"TE"
                | b"ER"
                | b"HE"
                | b"ME"
                | b"WE"
                | b"ZE"
                | b"JE"
                | b"GE"
                | b"BE"
                | b"DO"
                | b"AM"
                | b"PM"
        )
    {
        return false;
    }
    match b.get(j + 2) {
        None | Some(b'\n' | b'\r' | b',' | b'.' | b';' | b')') => true,
        Some(b' ') => b
            .get(j + 3)
            .is_some_and(|&c| c.is_ascii_uppercase() || c == b'\n' || c == b'\r' || c == b'('),
        _ => false,
    }
}

/// "NL91 ABNA 0417 1643 01": digits continuing an (invalid) IBAN are not a phone number.
fn after_iban_prefix(b: &[u8], i: usize) -> bool {
    if i < 10 {
        return false;
    }
    let w = &b[i - 10..i];
    w[0].is_ascii_uppercase()
        && w[1].is_ascii_uppercase()
        && w[2].is_ascii_digit()
        && w[3].is_ascii_digit()
        && w[4] == b' '
        && w[5..9].iter().all(u8::is_ascii_uppercase)
        && w[9] == b' '
}

/// Whether a BSN label ("BSN", "bsn:", "burgerservicenummer") stands just before byte `i` on its
/// line.
fn bsn_label_before(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let from = i.saturating_sub(32);
    let before = &b[from..i];
    let line = match memchr::memrchr(b'\n', before) {
        Some(p) => &before[p + 1..],
        None => before,
    };
    let trimmed = line
        .iter()
        .rposition(|c| !matches!(c, b' ' | b':' | b'\t' | b'.' | b'-'))
        .map_or(&line[..0], |p| &line[..=p]);
    let ends = |w: &[u8]| {
        trimmed.len() >= w.len() && trimmed[trimmed.len() - w.len()..].eq_ignore_ascii_case(w)
    };
    ends(b"bsn") || ends(b"burgerservicenummer") || ends(b"bsn-nummer") || ends(b"sofinummer")
}

/// Years followed by a two-letter abbreviation ("2019 OM") are not postcodes.
fn postcode_stop(b: &[u8], i: usize, j: usize) -> bool {
    let year = (b[i] == b'1' && b[i + 1] == b'9') || (b[i] == b'2' && b[i + 1] == b'0');
    let letters = &b[j..j + 2];
    let abbr = matches!(
        letters,
        b"OM"
            | b"EU"
            | b"VN"
            | b"NL"
            | b"EN"
            | b"IN"
            | b"OF"
            | b"OP"
            | b"DE"
            | b"AN"
            | b"IS"
            | b"HR"
            | b"IT"
            | b"AI"
            | b"KB"
            | b"MB"
            | b"GB"
            | b"TB"
            | b"VS"
            | b"UK"
            | b"BV"
    );
    // A town after the letters makes it a postcode all the same: "Vondellaan 133, 1984 NL Oss".
    year && abbr && !town_after(b, j + 2)
}

/// A known town's name after one space from `k` (the end of a postcode's letters).
fn town_after(b: &[u8], k: usize) -> bool {
    if b.get(k) != Some(&b' ') {
        return false;
    }
    let k = k + 1;
    let w_end = (k..b.len())
        .find(|&x| !b[x].is_ascii_alphabetic() && b[x] != b'-')
        .unwrap_or(b.len());
    w_end > k + 1
        && b[k].is_ascii_uppercase()
        && b[k + 1].is_ascii_lowercase()
        && std::str::from_utf8(&b[k..w_end])
            .is_ok_and(|w| crate::lexicon::has(&w.to_lowercase(), crate::lexicon::W_PLACE))
}

/// "6893 SD Apeldoorn": a postcode with letters never issued (SA, SD, SS) before a known
/// town is still a person's postcode, mistyped or made up; found with a lower score, as
/// a BSN that fails the 11-proef is. Without the town "1933 SA" stays a year and a word.
fn unissued_postcode(b: &[u8], i: usize, j: usize) -> bool {
    j + 2 <= b.len()
        && matches!(&b[j..j + 2], b"SA" | b"SD" | b"SS")
        && b[i..i + 4].iter().all(u8::is_ascii_digit)
        && b[i] != b'0'
        && town_after(b, j + 2)
}

fn bsn(b: &[u8], i: usize) -> Option<usize> {
    // Plain nine digits.
    let mut e = i;
    while e < b.len() && b[e].is_ascii_digit() {
        e += 1;
    }
    if e - i == 9 && !followed_by_digit_or_word(b, e) {
        return Some(e);
    }
    // Grouped: 4-2-3 or 3-3-3 with a consistent separator (dot or space).
    for groups in [[4usize, 2, 3], [3, 3, 3], [2, 3, 4]] {
        let mut p = i;
        let mut sep = None;
        let mut ok = true;
        for (gi, g) in groups.iter().enumerate() {
            if gi > 0 {
                let s = b.get(p).copied();
                match (s, sep) {
                    (Some(x @ (b'.' | b' ')), None) => sep = Some(x),
                    (Some(x), Some(y)) if x == y => {}
                    _ => {
                        ok = false;
                        break;
                    }
                }
                p += 1;
                // OCR output doubles spaces: "458  971  996".
                if sep == Some(b' ') && b.get(p) == Some(&b' ') {
                    p += 1;
                }
            }
            let q = p;
            while p < b.len() && b[p].is_ascii_digit() {
                p += 1;
            }
            if p - q != *g {
                ok = false;
                break;
            }
        }
        if ok && !followed_by_digit_or_word(b, p) {
            return Some(p);
        }
    }
    None
}

/// Dutch phone numbers in the common notations; returns the end offset.
fn phone(b: &[u8], i: usize) -> Option<usize> {
    phone_run(b, i, false).or_else(|| {
        // Not a whole number on its line: perhaps the rest is on the next one ("+31 6⏎1234
        // 5678", "(070)⏎333 4412": the digits after a leading plus or parenthesis).
        let from = i + usize::from(matches!(b[i], b'+' | b'('));
        let (_, ends) = digit_run(b, from, 16);
        wrap_after(b, past_hyphen(b, *ends.last()?))?;
        // Not the digits of an IBAN after its bank code ("NL24 RBRB 0174⏎4001 69").
        let mut w = i;
        while w > 0 && b[w - 1] == b' ' {
            w -= 1;
        }
        let word = &b[w.saturating_sub(4)..w];
        let bank = word.len() == 4
            && word
                .iter()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && (w < 5 || !b[w - 5].is_ascii_alphanumeric());
        if bank {
            return None;
        }
        phone_run(b, i, true).filter(|&end| b[i..end].contains(&b'\n'))
    })
}

fn phone_run(b: &[u8], i: usize, wrap: bool) -> Option<usize> {
    let mut p = i;
    let intl;
    if b[p] == b'+' {
        if !b
            .get(p + 1)
            .is_some_and(|c| c.is_ascii_digit() && *c != b'0')
        {
            return None;
        }
        intl = true;
        p += 1;
    } else if b[p] == b'(' {
        if b.get(p + 1) != Some(&b'0') {
            return None;
        }
        intl = false;
        p += 1;
    } else if b[p] == b'0' && b.get(p + 1) == Some(&b'0') {
        intl = true;
        p += 2;
    } else if b[p] == b'0' {
        intl = false;
    } else {
        return None;
    }
    let (digits, ends) = digit_run_wrapped(b, p, 16, wrap);
    let check = |n: usize| -> Option<usize> {
        if digits.len() < n {
            return None;
        }
        let e = ends[n - 1];
        if followed_by_digit_or_word(b, e) {
            return None;
        }
        // A digit group continuing right after a single separator means a longer number.
        if digits.len() > n && e + 1 < b.len() && b[e] == b' ' && b[e + 1].is_ascii_digit() {
            // Allow "06 12345678 2024"? No: refuse ambiguous runs.
            return None;
        }
        Some(e)
    };
    if intl {
        // +31 6 12345678, +31 (0)6 12345678, 0031 70 3334412; other countries 8..=12 digits.
        if digits.len() >= 2 && digits[0] == 3 && digits[1] == 1 {
            // Skip a "(0)" trunk prefix.
            let skip0 = digits.get(2) == Some(&0);
            let n = if skip0 { 12 } else { 11 };
            return check(n);
        }
        for n in (9..=13).rev() {
            if let Some(e) = check(n) {
                if e == *ends.last()? || digits.len() == n {
                    return Some(e);
                }
            }
        }
        return None;
    }
    // National: 0 + 9 digits; service numbers 0800/0900/0906/0909 + 4..7 digits.
    if digits.len() < 8 || digits[0] != 0 || digits[1] == 0 {
        return None;
    }
    let service = digits[1] == 8 && digits[2] == 0 && digits[3] == 0
        || digits[1] == 9 && digits[2] == 0 && matches!(digits[3], 0 | 6 | 9);
    if service {
        for n in [11, 10, 8] {
            if let Some(e) = check(n) {
                if digits.len() == n {
                    return Some(e);
                }
            }
        }
        return None;
    }
    // The digits must not be separated in a way that suggests a date (06-12-2020 has 8).
    let e = check(10)?;
    if digits.len() != 10 {
        return None;
    }
    // Reject runs that contain a dot after a 2-digit group (dates like 01.02.2020 ...) or "/".
    let s = &b[i..e];
    if s.contains(&b'/') || s.iter().filter(|&&c| c == b'.').count() > 2 {
        return None;
    }
    Some(e)
}

fn ibans(text: &str, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    // An IBAN starts with two capitals and two digits: visit only digits (at `d`, the third
    // byte of a candidate) found 16 bytes at a time.
    let mut d = 0;
    loop {
        d = next_number_start(b, d);
        if d + 13 > b.len() {
            break;
        }
        if d < 2 || !b[d].is_ascii_digit() {
            d += 1;
            continue;
        }
        let i = d - 2;
        if !(b[i].is_ascii_uppercase()
            && b[i + 1].is_ascii_uppercase()
            && b[d + 1].is_ascii_digit())
            || (i > 0 && is_alnum(b[i - 1]))
        {
            // No later digit of this run can be an IBAN's third byte.
            d += 1;
            while d < b.len() && b[d].is_ascii_digit() {
                d += 1;
            }
            continue;
        }
        // Collect up to 34 alphanumerics with single spaces between groups, and at most one
        // line break (a narrow table cell or column wraps the number: "NL91 ABNA" /
        // "0417 1643 00").
        let mut p = i;
        let mut ends = [0usize; 34];
        let mut n = 0;
        let mut wrap: Option<usize> = None; // the count of characters before the line break
        while p < b.len() && n < 34 {
            if b[p].is_ascii_alphanumeric() {
                p += 1;
                ends[n] = p;
                n += 1;
            } else if b[p] == b' ' && p + 1 < b.len() && b[p + 1].is_ascii_alphanumeric() {
                p += 1;
            } else if b[p..].starts_with(b"  ")
                && b.get(p + 2).is_some_and(u8::is_ascii_alphanumeric)
            {
                // A doubled space (OCR output) between groups.
                p += 2;
            } else if let Some(q) = wrap.is_none().then(|| line_wrap(b, p)).flatten() {
                wrap = Some(n);
                p = q;
            } else {
                break;
            }
        }
        let mut found = None;
        for k in (15..=n).rev() {
            let e = ends[k - 1];
            if e < b.len() && b[e].is_ascii_alphanumeric() {
                continue;
            }
            // Over the line break when the candidate holds characters of the next line.
            let wrapped = wrap.is_some_and(|w| w < k);
            let cand = crate::sub(text, i, e);
            let ok = if wrapped {
                let joined: String = cand.chars().filter(|c| !c.is_whitespace()).collect();
                validate::iban_mod97(&joined)
            } else {
                validate::iban_mod97(cand)
            };
            if ok {
                found = Some((e, wrapped));
                break;
            }
        }
        match found {
            Some((e, false)) => {
                out.push(finding(i, e, Kind::Iban, 0.99, "id.iban"));
                d = e;
            }
            Some((e, true)) => {
                out.push(finding(i, e, Kind::Iban, 0.95, "id.iban_wrapped"));
                d = e;
            }
            None => d += 1,
        }
    }
}

/// Where the next line's text starts when `p` is at the end of a line (spaces, an optional
/// carriage return, one newline, spaces) and an alphanumeric follows; not over a blank line.
fn line_wrap(b: &[u8], p: usize) -> Option<usize> {
    wrap_after(b, p).filter(|&q| b[q].is_ascii_alphanumeric())
}

fn plates(text: &str, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let mut last = 0;
    for h in memchr::memchr_iter(b'-', b) {
        if h < last || h == 0 {
            continue;
        }
        let mut s = h;
        while s > 0 && s + 3 > h && (b[s - 1].is_ascii_uppercase() || b[s - 1].is_ascii_digit()) {
            s -= 1;
        }
        if s == h || (s > 0 && (is_alnum(b[s - 1]) || b[s - 1] == b'-')) {
            continue;
        }
        let mut e = h;
        while e < b.len()
            && e < s + 9
            && (b[e].is_ascii_uppercase() || b[e].is_ascii_digit() || b[e] == b'-')
        {
            e += 1;
        }
        if e < b.len()
            && (is_alnum(b[e]) || (b[e] == b'-' && b.get(e + 1).is_some_and(|c| is_alnum(*c))))
        {
            continue;
        }
        if validate::licence_plate(crate::sub(text, s, e)) {
            out.push(finding(s, e, Kind::LicencePlate, 0.85, "id.licence_plate"));
            last = e;
        }
    }
}

fn ipv6s(text: &str, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let mut last = 0;
    for c in memchr::memchr_iter(b':', b) {
        if c < last {
            continue;
        }
        let hexc = |x: u8| x.is_ascii_hexdigit() || x == b':';
        let mut s = c;
        while s > 0 && hexc(b[s - 1]) {
            s -= 1;
        }
        let mut e = c;
        while e < b.len() && hexc(b[e]) {
            e += 1;
        }
        last = e;
        if (s > 0 && is_alnum(b[s - 1])) || (e < b.len() && (is_alnum(b[e]) || b[e] == b'.')) {
            continue;
        }
        let mut ee = e;
        // A trailing single colon is punctuation ("adres 2001:db8::1:").
        if ee >= 2 && b[ee - 1] == b':' && b[ee - 2] != b':' {
            ee -= 1;
        }
        let cand = crate::sub(text, s, ee);
        let colons = cand.bytes().filter(|&x| x == b':').count();
        if colons >= 2 && validate::ipv6(cand) && cand.bytes().any(|x| x.is_ascii_hexdigit()) {
            out.push(finding(s, ee, Kind::IpAddress, 0.9, "id.ipv6"));
        }
    }
}

/// The Dutch month names, January first (the generator writes dates with them).
pub const MONTH_NAMES: &[&str] = MONTHS.split_at(12).0;

/// Dutch month names, then their abbreviations.
const MONTHS: [&str; 24] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "jan",
    "feb",
    "mrt",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dec",
];

/// English month names that differ from the Dutch ones (mail headers: "Sent: March 6, 2024").
const ENGLISH_MONTHS: [&str; 8] = [
    "january", "february", "march", "may", "june", "july", "august", "october",
];

/// A calendar date starting at `i`: `12-03-1985`, `12/3/1985`, `12.03.1985`, `1985-03-12`,
/// `12 maart 1985`, `12 mrt. 1985`. Returns the end offset.
pub(crate) fn date(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let num = |p: usize, min: usize, max: usize| -> Option<(u32, usize)> {
        let mut e = p;
        while e < b.len() && b[e].is_ascii_digit() && e - p < max {
            e += 1;
        }
        if e - p < min || (e < b.len() && b[e].is_ascii_digit()) {
            return None;
        }
        // At most four ASCII digits: no overflow, and no `str::parse` per number.
        let v = b[p..e]
            .iter()
            .fold(0u32, |v, &c| v * 10 + u32::from(c - b'0'));
        Some((v, e))
    };
    // ISO yyyy-mm-dd
    if let Some((y, e)) = num(i, 4, 4) {
        if b.get(e) == Some(&b'-') {
            let (m, e2) = num(e + 1, 2, 2)?;
            if b.get(e2) != Some(&b'-') {
                return None;
            }
            let (d, e3) = num(e2 + 1, 2, 2)?;
            return (valid_ymd(y, m, d) && !followed_by_digit_or_word(b, e3)).then_some(e3);
        }
        return None;
    }
    let (d, e) = num(i, 1, 2)?;
    match b.get(e) {
        Some(&sep @ (b'-' | b'/' | b'.')) => {
            let (m, e2) = num(e + 1, 1, 2)?;
            if b.get(e2) != Some(&sep) {
                return None;
            }
            let (y, e3) = num(e2 + 1, 2, 4)?;
            if e3 - (e2 + 1) == 3 {
                return None;
            }
            let y = if y < 100 { 1900 + y } else { y };
            (valid_ymd(y, m, d) && !followed_by_digit_or_word(b, e3)).then_some(e3)
        }
        Some(b' ') => {
            let ms = e + 1;
            let mut me = ms;
            while me < b.len() && b[me].is_ascii_alphabetic() {
                me += 1;
            }
            let word = crate::sub(text, ms, me);
            if !MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word)) {
                return None;
            }
            let mut p = me;
            if b.get(p) == Some(&b'.') {
                p += 1;
            }
            if b.get(p) != Some(&b' ') {
                return None;
            }
            let (y, e3) = num(p + 1, 4, 4)?;
            ((1..=31).contains(&d)
                && (1850..=2100).contains(&y)
                && !followed_by_digit_or_word(b, e3))
            .then_some(e3)
        }
        _ => None,
    }
}

fn valid_ymd(y: u32, m: u32, d: u32) -> bool {
    (1850..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// Whether the date at `s..e` is stated as someone's date of birth.
fn birth_context(text: &str, s: usize, e: usize) -> bool {
    let mut a = s.saturating_sub(48);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    // Lower-cased on the stack, not in a new `String`: this runs for every date.
    let mut buf = [0u8; 48];
    let before = &mut buf[..s - a];
    before.copy_from_slice(&text.as_bytes()[a..s]);
    before.make_ascii_lowercase();
    let before: &[u8] = before;
    const CUES: [&[u8]; 11] = [
        b"geboren",
        b"geb.",
        b"geb ",
        b"geboortedatum",
        b"geb.datum",
        b"geboorte",
        b"date of birth",
        b"born",
        b"dob",
        "° ".as_bytes(),
        b"*",
    ];
    // Only the nearest clause counts: cut at sentence or line end.
    let tail = match before.iter().rposition(|&c| c == b'\n' || c == b';') {
        Some(p) => &before[p + 1..],
        None => before,
    };
    let tail = match tail.windows(2).rposition(|w| w == b". ") {
        Some(p) if !tail[..p].ends_with(b"geb") => &tail[p + 2..],
        _ => tail,
    };
    if CUES.iter().any(|c| contains_bytes(tail, c)) {
        return true;
    }
    if table_column_birthdate(text, s) {
        return true;
    }
    let mut z = (e + 24).min(text.len());
    while !text.is_char_boundary(z) {
        z -= 1;
    }
    let after = &text.as_bytes()[e..z];
    let starts = |p: &[u8]| {
        after
            .get(..p.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(p))
    };
    starts(b" geboren") || starts(b" (geboortedatum")
}

/// Dates written right after a person's name, in parentheses or after a comma ("Peter Postma
/// (15-2-1948, Zaandam)", "P. Postma, 15 februari 1948"): a birth date, as in a list of
/// persons. Runs after the names are found (`persons`: their findings); a date already found
/// is left alone, and a date in a year after 2015 is a letter or event date.
pub(crate) fn birthdates_after_names(text: &str, found: &[Finding]) -> Vec<Finding> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for f in found.iter().filter(|f| f.kind == Kind::Person) {
        let mut i = f.end;
        while b.get(i) == Some(&b' ') {
            i += 1;
        }
        if !matches!(b.get(i), Some(b'(' | b',')) {
            continue;
        }
        i += 1;
        while b.get(i) == Some(&b' ') {
            i += 1;
        }
        if !b.get(i).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let Some(e) = date(text, i) else {
            continue;
        };
        let year = crate::sub(text, e.saturating_sub(4), e);
        if !year
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2015).contains(&y))
        {
            continue;
        }
        // The date ends the parenthesis or the list item ("(15-2-1948, Zaandam)").
        if !matches!(
            b.get(e),
            None | Some(b')' | b',' | b';' | b'\n' | b' ' | b'.')
        ) {
            continue;
        }
        if found
            .iter()
            .any(|g| g.kind == Kind::Birthdate && g.start < e && i < g.end)
        {
            continue;
        }
        out.push(finding(
            i,
            e,
            Kind::Birthdate,
            0.8,
            "id.birthdate_after_name",
        ));
    }
    out
}

/// Whether `hay` contains `needle` (not empty): a short haystack, so candidates are found by
/// their first byte.
fn contains_bytes(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memchr_iter(needle[0], hay).any(|p| hay[p..].starts_with(needle))
}

/// A date in a table row (cells separated by `;`, `|` or tabs) under a header line that names a
/// date-of-birth column.
fn table_column_birthdate(text: &str, s: usize) -> bool {
    let (line_start, line_end) = line_around(text, s);
    let line = crate::sub(text, line_start, line_end);
    if !has_cells(line) {
        return false;
    }
    let mut a = line_start.saturating_sub(2000);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    // Every date in a table comes here and reads up to 2000 bytes: bytes, no copies. Both
    // header words hold "datum", and most windows have none: one scan for its `u` answers
    // those before any line is split and counted.
    let window = crate::sub(text, a, line_start);
    if !contains_datum(window.as_bytes()) {
        return false;
    }
    window.lines().any(|l| {
        has_cells(l)
            && (contains_ignore_ascii_case(l, b"geboortedatum")
                || contains_ignore_ascii_case(l, b"geb.datum"))
    })
}

/// Whether `hay` contains "datum" in any ASCII case.
fn contains_datum(hay: &[u8]) -> bool {
    memchr::memchr2_iter(b'u', b'U', hay).any(|p| {
        p >= 3
            && hay
                .get(p - 3..p + 2)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"datum"))
    })
}

/// Whether `line` holds at least two `;`, `|` or tab bytes (ASCII bytes never occur inside
/// a multi-byte char, so counting bytes counts those chars). Every date reads its whole line
/// here: a SIMD search that stops at the second separator, not a byte loop over the line.
fn has_cells(line: &str) -> bool {
    memchr::memchr3_iter(b';', b'|', b'\t', line.as_bytes())
        .nth(1)
        .is_some()
}

/// Whether `hay` contains `needle` (lower-case ASCII) in any ASCII case.
fn contains_ignore_ascii_case(hay: &str, needle: &[u8]) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

const STREET_SUFFIXES: [&str; 40] = [
    "straat",
    "laan",
    "weg",
    "plein",
    "gracht",
    "kade",
    "singel",
    "dijk",
    "dreef",
    "pad",
    "steeg",
    "hof",
    "park",
    "markt",
    "plantsoen",
    "boulevard",
    "baan",
    "wal",
    "burgwal",
    "dam",
    "veld",
    "erf",
    "ring",
    "allee",
    "hoven",
    "kamp",
    "haven",
    "poort",
    "zijde",
    "oord",
    "akker",
    "weide",
    "brink",
    "kwartier",
    "gaarde",
    "hout",
    "voorhout",
    "berg",
    "rade",
    "stede",
];

const STREET_HEADS: [&str; 22] = [
    "laan",
    "plein",
    "weg",
    "dijk",
    "kade",
    "singel",
    "gracht",
    "markt",
    "lange",
    "korte",
    "oude",
    "nieuwe",
    "hoge",
    "lage",
    "groot",
    "klein",
    "burg",
    "burgemeester",
    "dam",
    "binnenhof",
    "buitenhof",
    "noordeinde",
];

const STREET_PARTICLES: [&str; 11] = [
    "van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "la", "le",
];

/// The key of a word's last two bytes: the low five bits of each, the same for both cases of
/// an ASCII letter.
const fn end_key(a: u8, b: u8) -> usize {
    ((a & 31) as usize) << 5 | (b & 31) as usize
}

/// For each [`end_key`], the [`STREET_SUFFIXES`] that end in bytes with that key (bit `i`:
/// suffix `i`), built at compile time: a word is compared with these suffixes only. By the
/// last letter alone, the words ending in "-n" or "-t" (most) were compared with up to a
/// dozen suffixes each.
static STREET_SUFFIX_ENDS: [u64; 1024] = {
    assert!(STREET_SUFFIXES.len() <= 64);
    let mut ends = [0u64; 1024];
    let mut i = 0;
    while i < STREET_SUFFIXES.len() {
        let s = STREET_SUFFIXES[i].as_bytes();
        ends[end_key(s[s.len() - 2], s[s.len() - 1])] |= 1 << i;
        i += 1;
    }
    ends
};

/// Whether `w` is a street name word ("Jamessingel", "Wichmanlaan").
pub(crate) fn is_street_word(w: &str) -> bool {
    let Some(&[a, b]) = w.as_bytes().last_chunk::<2>() else {
        return false;
    };
    let mut suffixes = STREET_SUFFIX_ENDS[end_key(a, b)];
    while suffixes != 0 {
        if ends_with_ci(w, STREET_SUFFIXES[suffixes.trailing_zeros() as usize]) {
            return true;
        }
        suffixes &= suffixes - 1;
    }
    false
}

/// Whether `w` ends in the suffix `suf` after at least two bytes of its own ("Kerkstraat").
fn ends_with_ci(w: &str, suf: &str) -> bool {
    w.len() > suf.len() + 1 && ends_with_ignore_ascii_case(w, suf)
}

fn ends_with_ignore_ascii_case(w: &str, suf: &str) -> bool {
    w.len() >= suf.len()
        && w.get(w.len() - suf.len()..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(suf))
}

/// Street addresses: a street name (suffix like `-straat`, or a head word like `Laan`, or any
/// capitalised name when a postcode or an "Adres:" label confirms it) followed by a house number
/// and an optional addition (`5a`, `212-III`, `12 bis`, `144 bus 3`). Addresses of
/// organisations (letterheads, signatures under an organisation name) are left out, as are
/// their postcodes.
/// Whether token `i` opens a field: first of the text or a line, after a tab, "," or ";".
fn field_start(text: &str, toks: &[Tok], i: usize) -> bool {
    i == 0
        || toks[i].nl_before > 0
        || toks[i - 1].tab_before(text, &toks[i])
        || toks[i - 1].is_punct(text, b',')
        || toks[i - 1].is_punct(text, b';')
}

/// Whether a month name follows number `ni` on its line: "3 mei 2013" is a date, and the
/// capitalised word before the day a name or a place ("… André Oostdijk 3 mei 2013" under a
/// report's authors, "Den Haag 3 mei"), no street and house number.
pub(crate) fn month_after(text: &str, toks: &[Tok], ni: usize) -> bool {
    toks.get(ni + 1).is_some_and(|t| {
        t.class == Class::Word
            && t.space_before
            && t.nl_before == 0
            && (3..=9).contains(&(t.end() - t.start()))
            && MONTH_NAMES
                .iter()
                .any(|m| m.eq_ignore_ascii_case(t.text(text)))
    })
}

/// `caps`: the capitalised words ([`crate::token::Tokens::caps`]); a house number follows one.
pub(crate) fn addresses(text: &str, toks: &[Tok], caps: &[u32], out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    // Sorted, for a binary search: a long text has thousands.
    let postcodes = crate::offsets_of(out, Kind::Postcode, |f| f.start);
    let mut found: Vec<Finding> = Vec::new();
    // A house number comes right after a capitalised word (the street name's last word): only
    // the tokens after those are visited, not every token.
    let numbers = caps
        .iter()
        .map(|&c| c as usize + 1)
        .filter(|&ni| toks.get(ni).is_some_and(|t| t.class == Class::Number));
    for ni in numbers {
        let n = &toks[ni];
        if ni == 0 || n.end() - n.start() > 5 || !n.space_before || n.nl_before > 0 {
            continue;
        }
        if b[n.start()] == b'0' || month_after(text, toks, ni) {
            continue;
        }
        // No decimals, times, ranges of amounts or percentages.
        if let Some(nx) = toks.get(ni + 1) {
            if !nx.space_before && nx.class == Class::Punct {
                let c = b[nx.start()];
                if (c == b'.' || c == b',' || c == b':')
                    && toks
                        .get(ni + 2)
                        .is_some_and(|t| t.class == Class::Number && !t.space_before)
                {
                    continue;
                }
                if c == b'%' {
                    continue;
                }
            }
        }
        let prev = &toks[ni - 1];
        if prev.class != Class::Word || !prev.cap || prev.all_caps {
            continue;
        }
        // A post-office box is an organisation's address, not a person's.
        if PO_BOX_WORDS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(prev.text(text)))
        {
            continue;
        }
        // "Burgerservicenummer 1234", "Zaaknummer 2024": a label of a number, no street.
        let pw = prev.text(text).as_bytes();
        if pw.len() > 6 && pw[pw.len() - 6..].eq_ignore_ascii_case(b"nummer") {
            continue;
        }
        // Cells of a table export are separate values: a tab never joins a street name to
        // its number, nor to the cell before it.
        if prev.tab_before(text, n) {
            continue;
        }
        // House number addition.
        let mut end = n.end();
        let mut after = ni + 1;
        if let Some(nx) = toks.get(ni + 1) {
            let w = nx.text(text);
            if nx.class == Class::Word && !nx.space_before && w.len() <= 3 {
                end = nx.end();
                after = ni + 2;
            } else if nx.is_punct(text, b'-') && !nx.space_before {
                if let Some(ad) = toks.get(ni + 2) {
                    if !ad.space_before && ad.end() - ad.start() <= 4 && ad.class != Class::Punct {
                        end = ad.end();
                        after = ni + 3;
                    }
                }
            } else if nx.class == Class::Word
                && nx.space_before
                && nx.nl_before == 0
                && matches!(
                    w,
                    "bis"
                        | "hs"
                        | "huis"
                        | "I"
                        | "II"
                        | "III"
                        | "IV"
                        | "bg"
                        | "boven"
                        | "zw"
                        | "rd"
                )
            {
                end = nx.end();
                after = ni + 2;
            } else if nx.class == Class::Word
                && nx.space_before
                && nx.nl_before == 0
                && w.len() == 1
                && nx.cap
                && toks.get(ni + 2).is_none_or(|t| {
                    t.nl_before > 0
                        || (t.class == Class::Punct && matches!(b[t.start()], b',' | b';'))
                        || nx.tab_before(text, t)
                })
            {
                // "Zuiderzeeweg 14 B, 1271 HC": a letter addition after a space.
                end = nx.end();
                after = ni + 2;
            } else if nx.class == Class::Word
                && (w == "bus" || w == "app")
                && toks
                    .get(ni + 2)
                    .is_some_and(|t| t.class == Class::Number && t.nl_before == 0)
            {
                end = toks[ni + 2].end();
                after = ni + 3;
            }
        }
        // A postcode right after (", 1234 AB", " ; ", next line) or an "Adres:" label before.
        let postcode_follows = {
            let mut k = end;
            while k < b.len()
                && matches!(
                    b[k],
                    b' ' | b'\t' | b',' | b';' | b'\n' | b'\r' | b'(' | b'-'
                )
                && k < end + 5
            {
                k += 1;
            }
            postcodes.binary_search(&k).is_ok()
                || (k + 4 <= b.len()
                    && b[k..k + 4].iter().all(u8::is_ascii_digit)
                    && b.get(k + 4)
                        .is_some_and(|c| *c == b' ' || c.is_ascii_digit()))
        };
        // Walk back over the street name: capitalised words, street particles and
        // abbreviations, on the same line.
        let mut first = ni - 1;
        let mut steps = 0;
        while first > 0 && steps < 4 {
            let t = &toks[first - 1];
            if toks[first].nl_before > 0 || t.tab_before(text, &toks[first]) {
                break;
            }
            if t.class == Class::Word
                && (t.cap && !t.all_caps
                    || STREET_PARTICLES
                        .iter()
                        .any(|p| p.eq_ignore_ascii_case(t.text(text))))
            {
                first -= 1;
            } else if t.is_punct(text, b'.')
                && !t.space_before
                && first >= 2
                && toks[first - 2].class == Class::Word
                && toks[first - 2].cap
                && toks[first - 2].end() - toks[first - 2].start() <= 5
            {
                first -= 2;
            } else {
                break;
            }
            steps += 1;
        }
        while first < ni - 1 && toks[first].class == Class::Word && !toks[first].cap {
            first += 1;
        }
        let last_word = prev.text(text);
        let suffix = STREET_SUFFIXES.iter().any(|s| ends_with_ci(last_word, s));
        let label = label_before(text, toks[first].start());
        let start_tok = if suffix {
            // Prefix words that belong to the name: "Van Ostadestraat", "Goudse Houtsingel",
            // "Burg. de Withstraat", but not a sentence word ("Volgens Kerkstraat").
            let mut k = ni - 1;
            while k > first {
                let t = &toks[k - 1];
                let w = t.text(text);
                let ok = t.class == Class::Punct
                    || STREET_PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(w))
                    || crate::lexicon::is_street_prefix(w)
                    || (t.cap && !crate::lexicon::has(&w.to_lowercase(), crate::lexicon::W_DUTCH))
                    || w.ends_with("se")
                    || STREET_HEADS.iter().any(|h| h.eq_ignore_ascii_case(w))
                    // "Almere-Buiten, Rio Grandestraat 28, 1326 KR": a capitalised word that
                    // opens an address field before a postcode belongs to the name.
                    || (t.cap && postcode_follows && field_start(text, toks, k - 1));
                if !ok {
                    break;
                }
                k -= 1;
            }
            while k < ni - 1 && !toks[k].cap {
                k += 1;
            }
            k
        } else {
            let head = toks[first].text(text);
            let head_ok = STREET_HEADS.iter().any(|h| h.eq_ignore_ascii_case(head));
            if head_ok {
                first
            } else if postcode_follows || label {
                // Any capitalised name: the number and postcode make it an address.
                let mut k = ni - 1;
                while k > first && toks[k - 1].cap {
                    k -= 1;
                }
                // "Sent: Wednesday, March 6, 2024": a date, not "March" street.
                let month = |w: &str| {
                    MONTHS
                        .iter()
                        .chain(&ENGLISH_MONTHS)
                        .any(|m| m.eq_ignore_ascii_case(w))
                };
                if month(toks[k].text(text)) {
                    continue;
                }
                k
            } else {
                continue;
            }
        };
        if organisation_block(text, toks[start_tok].start()) {
            continue;
        }
        found.push(finding(
            toks[start_tok].start(),
            end,
            Kind::Address,
            0.85,
            "id.address",
        ));
        // A foreign postcode right after the address: "2060 Antwerpen", "42117 Wuppertal".
        let num = (after..(after + 3).min(toks.len())).find(|&k| toks[k].class == Class::Number);
        if let Some(ti) = num {
            let t = &toks[ti];
            let len = t.end() - t.start();
            let gap_ok = crate::sub(text, end, t.start())
                .chars()
                .all(|c| matches!(c, ' ' | ',' | ';' | '\n'));
            let next_cap = toks.get(ti + 1).is_some_and(|x| x.cap && x.nl_before == 0);
            if gap_ok
                && (len == 4 || len == 5)
                && next_cap
                && postcodes.binary_search(&t.start()).is_err()
            {
                found.push(finding(
                    t.start(),
                    t.end(),
                    Kind::Postcode,
                    0.7,
                    "id.postcode_foreign",
                ));
            }
        }
    }
    // Postcodes of organisations go too, and the postcode of a post-office box.
    out.retain(|f| {
        f.kind != Kind::Postcode
            || !(organisation_block(text, f.start) || after_postbus(text, f.start))
    });
    out.extend(found);
}

/// "Adres: ...", "Woonadres: ..." just before `start` on the same line.
fn label_before(text: &str, start: usize) -> bool {
    let line_start = line_around(text, start).0;
    let before = crate::sub(text, line_start, start)
        .trim_end()
        .to_ascii_lowercase();
    before.ends_with("adres:") || before.ends_with(';') || before.ends_with("adres")
}

/// The words of a post-office box address ("Postbus 9022", "Antwoordnummer 1234").
const PO_BOX_WORDS: [&str; 2] = ["postbus", "antwoordnummer"];

/// Whether `start` follows "Postbus 9022, " on the same line.
fn after_postbus(text: &str, start: usize) -> bool {
    let from = crate::sub(text, 0, start)
        .char_indices()
        .rev()
        .nth(24)
        .map_or(0, |(k, _)| k);
    let before = crate::sub(text, from, start).trim_end_matches([' ', ',', ';', '\t']);
    let number = before.trim_end_matches(|c: char| c.is_ascii_digit());
    let Some(word) = number.strip_suffix(' ') else {
        return false;
    };
    number.len() < before.len()
        && PO_BOX_WORDS
            .iter()
            .any(|p| ends_with_ignore_ascii_case(word, p))
}

/// Whether the address at `start` sits under an organisation's name (a letterhead or a
/// signature): one of the three lines before it, or its own line, names an organisation or a
/// PO box, and none says the person lives there.
fn organisation_block(text: &str, start: usize) -> bool {
    let line_start = line_around(text, start).0;
    let own = crate::sub(text, line_start, start);
    let own_l = own.to_ascii_lowercase();
    if own_l.starts_with("locatie")
        || own_l.starts_with("bezoekadres")
        || own_l.starts_with("postadres")
    {
        return true;
    }
    if own_l.contains("woon")
        || own_l.contains("adres:")
        || own_l.contains("thuis")
        || own.split_whitespace().count() >= 4
    {
        return false;
    }
    // Only the lines of the same block (up to a blank line) count.
    let mut lines = crate::sub(text, 0, line_start)
        .lines()
        .rev()
        .take(3)
        .take_while(|l| !l.trim().is_empty());
    lines.any(|l| {
        let ll = l.to_lowercase();
        if ll.trim().is_empty() {
            return false;
        }
        ll.starts_with("postbus")
            || ll.contains("b.v.")
            || ll.contains("gemeente ")
            || ll.starts_with("ministerie")
            || ll.contains("ombudsman")
            || ll.contains("advocaten")
            || ll.contains("staten-generaal")
            || ll.contains("kamer der")
            || ll.contains("onderzoeksbureau")
            || ll.contains("stichting")
            || ll.contains("kompas analyse")
            || ll.starts_with("t.a.v.")
            || (l.len() > 3
                && l.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase))
    })
}

/// The line around byte `at`: where it starts (after the last `\n` before `at`) and ends (at the
/// next `\n`, or the end of the text). Searched in bytes: a newline is one byte in UTF-8.
fn line_around(text: &str, at: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let at = at.min(b.len());
    let start = memchr::memrchr(b'\n', &b[..at]).map_or(0, |p| p + 1);
    let end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |p| at + p);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_number_start_agrees_with_a_byte_loop() {
        let text = "Bel ons op (070) 333 4412 of +31 6 1234 5678; ç tot 9 uur.".repeat(3);
        let b = text.as_bytes();
        for i in 0..=b.len() {
            let slow = (i..b.len())
                .find(|&k| b[k].is_ascii_digit() || b[k] == b'+' || b[k] == b'(')
                .unwrap_or(b.len());
            assert_eq!(next_number_start(b, i), slow, "from {i}");
        }
    }
}

#[cfg(test)]
mod wrap_tests {
    use super::*;

    fn found(text: &str, kind: Kind) -> Vec<&str> {
        scan(text)
            .into_iter()
            .filter(|f| f.kind == kind)
            .map(|f| crate::sub(text, f.start, f.end))
            .collect()
    }

    /// Values broken by a narrow column: one finding holding the line break.
    #[test]
    fn values_broken_over_lines() {
        let t = "(l.dekker@buurt-\nhuis-oost.nl)";
        assert_eq!(found(t, Kind::Email), ["l.dekker@buurt-\nhuis-oost.nl"]);
        let t = "mail p.de.vries@gemeente\nvoorbeeld.nl of";
        assert_eq!(found(t, Kind::Email), ["p.de.vries@gemeente\nvoorbeeld.nl"]);
        let t = "mail l.dek-\nker@voorbeeld.nl";
        assert_eq!(found(t, Kind::Email), ["l.dek-\nker@voorbeeld.nl"]);
        assert_eq!(found("06-1234\n5678 (l.", Kind::Phone), ["06-1234\n5678"]);
        assert_eq!(found("tel. 06-\n12345678", Kind::Phone), ["06-\n12345678"]);
        assert_eq!(
            found("tel. 070 -\n3456789", Kind::Phone),
            ["070 -\n3456789"]
        );
    }

    /// A whole value at a line end is not joined with the next line.
    #[test]
    fn whole_values_are_not_joined() {
        let t = "mail j.jansen@utrecht.nl.\nDe brief volgt.";
        assert_eq!(found(t, Kind::Email), ["j.jansen@utrecht.nl"]);
        let t = "tel. 06-12345678\n2024 was een goed jaar";
        assert_eq!(found(t, Kind::Phone), ["06-12345678"]);
        // An IBAN's digits after its bank code are no phone number.
        assert!(found("NL24  RBRB  0174\n4001  69.", Kind::Phone).is_empty());
        // A new paragraph is no continuation.
        assert!(found("mail a@buurt-\n\nhuis.nl", Kind::Email).is_empty());
    }
}

#[cfg(test)]
mod birthdate_tests {
    use crate::{Detector, Kind};

    fn births(text: &str) -> Vec<String> {
        Detector::new()
            .detect(text)
            .into_iter()
            .filter(|f| f.kind == Kind::Birthdate)
            .map(|f| crate::sub(text, f.start, f.end).to_string())
            .collect()
    }

    #[test]
    fn birth_date_next_to_a_name() {
        assert_eq!(
            births("Aanwezig: Peter Postma (15-2-1948, Zaandam) en anderen."),
            ["15-2-1948"]
        );
        assert_eq!(
            births("De bewoners zijn Peter Postma, 15 februari 1948, en zijn zus."),
            ["15 februari 1948"]
        );
        assert_eq!(
            births("Hij is geboren 2 april 1950 in Tiel."),
            ["2 april 1950"]
        );
        // A letter date after a place, and a recent date after a name, are no birth dates.
        assert!(births("Den Haag, 15 februari 2024\n\nGeachte heer Postma,").is_empty());
        assert!(births("Overleg met Peter Postma (12-3-2024) over de planning.").is_empty());
    }

    /// The identifier phrases of issue 13: found, and a mistyped labelled BSN with a lower
    /// score (it is still a person's number).
    #[test]
    fn short_identifier_phrases() {
        let found = |text: &str, kind: Kind| {
            Detector::new()
                .detect(text)
                .into_iter()
                .find(|f| f.kind == kind)
                .map(|f| (crate::sub(text, f.start, f.end).to_string(), f.score))
        };
        assert_eq!(
            found("Bel 070 - 3456789", Kind::Phone).unwrap().0,
            "070 - 3456789"
        );
        assert_eq!(
            found("Postcode 2511dp Den Haag", Kind::Postcode).unwrap().0,
            "2511dp"
        );
        let (bsn, score) = found("bsn: 123456780", Kind::Bsn).unwrap();
        assert_eq!(bsn, "123456780");
        assert!(score < 0.9, "{score}");
        let (bsn, score) = found("bsn: 123456782", Kind::Bsn).unwrap();
        assert_eq!(bsn, "123456782");
        assert!(score >= 0.9, "{score}");
    }
}
