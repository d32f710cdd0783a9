//! grondslag-html: what the two readers of untrusted HTML share.
//!
//! `extract` turns HTML into the text the detector sees, and `redact` must find the detector's
//! values again in the same HTML, byte for byte. Both decode character references (`&amp;`,
//! `&#233;`, `&eacute;`); if they decoded them differently, a value the detector found could not
//! be located for redaction (or would be located in the wrong place). So there is one decoder,
//! here: [`reference_at`] for a reader that must know where each character came from, and
//! [`decode`] for one that only needs the text.
//!
//! Not a full HTML5 decoder: the numeric references and the named ones Dutch government text
//! uses. An unknown name stays as written (`&bogus;`), as does a bare `&` ("Overleg & ...").
//!
//! Input is untrusted: nothing here slices a string at an offset it did not get from an ASCII
//! byte, and nothing panics on any input (property-tested).
#![warn(clippy::string_slice)]

/// Longest reference name read after `&` (`#x10FFFF` is 8 bytes, `hellip` 6).
const MAX_NAME: usize = 11;

/// The character reference at the start of `s`, which starts with `&`: what it decodes to
/// (`None` for a reference that decodes to nothing, the soft hyphen) and its length in bytes,
/// `&` and `;` included. `None` when `s` does not start with a reference this decoder knows:
/// the `&` is then text.
///
/// Legacy references without `;` (`&nbsp ` in old mail) are read for the five common names
/// only.
pub fn reference_at(s: &str) -> Option<(Option<char>, usize)> {
    let b = s.as_bytes();
    if b.first() != Some(&b'&') {
        return None;
    }
    // The name: ASCII letters, digits and '#' after the '&', up to the first other byte.
    let len = b[1..]
        .iter()
        .take(MAX_NAME + 1)
        .position(|&c| !(c.is_ascii_alphanumeric() || c == b'#'))?;
    if len > MAX_NAME {
        return None;
    }
    // Every byte of the name is ASCII, so 1 and 1 + len are character boundaries.
    let name = s.get(1..1 + len)?;
    if b.get(1 + len) == Some(&b';') {
        return named_or_numeric(name).map(|c| (c, len + 2));
    }
    if matches!(name, "nbsp" | "amp" | "lt" | "gt" | "quot") {
        return named_or_numeric(name).map(|c| (c, len + 1));
    }
    None
}

/// `s` with every character reference [`reference_at`] knows decoded.
pub fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        // `find` returns a character boundary, and '&' is one byte.
        let (before, at) = rest.split_at(amp);
        out.push_str(before);
        match reference_at(at) {
            Some((c, used)) => {
                out.extend(c);
                rest = at.get(used..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = at.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// `Some(None)` for references that decode to nothing (soft hyphen). A numeric reference to
/// no character (a surrogate, beyond U+10FFFF, or NUL) is U+FFFD, as browsers show it.
fn named_or_numeric(name: &str) -> Option<Option<char>> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return Some(Some(
            char::from_u32(code)
                .filter(|&c| c != '\0')
                .unwrap_or('\u{FFFD}'),
        ));
    }
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        // A no-break space is a space in the text the detector sees.
        "nbsp" => ' ',
        "shy" => return Some(None),
        "euro" => '€',
        "copy" => '©',
        "reg" => '®',
        "sect" => '§',
        "deg" => '°',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "times" => '×',
        "aacute" => 'á',
        "Aacute" => 'Á',
        "agrave" => 'à',
        "Agrave" => 'À',
        "acirc" => 'â',
        "auml" => 'ä',
        "Auml" => 'Ä',
        "aring" => 'å',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "Egrave" => 'È',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "Euml" => 'Ë',
        "iacute" => 'í',
        "igrave" => 'ì',
        "icirc" => 'î',
        "iuml" => 'ï',
        "Iuml" => 'Ï',
        "ntilde" => 'ñ',
        "oacute" => 'ó',
        "Oacute" => 'Ó',
        "ograve" => 'ò',
        "ocirc" => 'ô',
        "ouml" => 'ö',
        "Ouml" => 'Ö',
        "oslash" => 'ø',
        "uacute" => 'ú',
        "Uacute" => 'Ú',
        "ugrave" => 'ù',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "yuml" => 'ÿ',
        _ => return None,
    };
    Some(Some(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn table_of_cases() {
        let cases: &[(&str, &str)] = &[
            ("x &amp; y&nbsp;z", "x & y z"),
            (
                "Jos&eacute; &#233;&#xE9;&#XE9; &bogus; 1 < 2",
                "José ééé &bogus; 1 < 2",
            ),
            ("&nbsp &amp &lt &gt &quot x", "  & < > \" x"),
            ("&eacute zonder puntkomma", "&eacute zonder puntkomma"),
            ("af&shy;breek", "afbreek"),
            ("&#0; &#xD800; &#x110000;", "\u{FFFD} \u{FFFD} \u{FFFD}"),
            ("&#99999999999999;", "&#99999999999999;"),
            ("Overleg & محمد عبد الله", "Overleg & محمد عبد الله"),
            ("&محمد; &ë; &am€ &#x1F600;", "&محمد; &ë; &am€ \u{1F600}"),
            ("&abcdefghijkl;", "&abcdefghijkl;"),
            ("&", "&"),
            ("&&amp;", "&&"),
            ("", ""),
        ];
        for (html, want) in cases {
            assert_eq!(decode(html), *want, "{html:?}");
        }
    }

    #[test]
    fn reference_lengths() {
        assert_eq!(reference_at("&amp;x"), Some((Some('&'), 5)));
        assert_eq!(reference_at("&nbsp x"), Some((Some(' '), 5)));
        assert_eq!(reference_at("&shy;"), Some((None, 5)));
        assert_eq!(reference_at("&#x1F600;"), Some((Some('\u{1F600}'), 9)));
        assert_eq!(reference_at("& x"), None);
        assert_eq!(reference_at("x&amp;"), None);
        assert_eq!(reference_at("&ë"), None);
    }

    proptest! {
        /// Never panics; a reference's length ends on a character boundary inside `s`.
        #[test]
        fn never_panics(s in "&[#xa-zA-Z0-9ëé€م;& ]{0,16}") {
            if let Some((_, len)) = reference_at(&s) {
                prop_assert!(len <= s.len() && s.is_char_boundary(len));
            }
            let _ = decode(&s);
        }

        #[test]
        fn decode_of_text_without_ampersand_is_identity(s in "[^&]{0,40}") {
            prop_assert_eq!(decode(&s), s);
        }
    }
}
