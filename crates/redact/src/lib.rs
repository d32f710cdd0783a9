//! grondslag-redact: *lakken* — redaction that truly removes personal data from a document and
//! marks every removal with its legal ground, plus the PDF writing used for answer letters and
//! inspection packages.
//!
//! What this crate owns:
//! - [`redact_text`]: the canonical text redaction (a span becomes `[5.1.2e]` or
//!   `[Persoon 3 · 5.1.2e]`);
//! - [`redact`]: the same for a whole file in its own format (text, HTML, e-mail, DOCX, ODT, PDF),
//!   removing the bytes of every value — never merely painting over them — and stripping the
//!   places where personal data hides besides the visible text (metadata, comments, tracked
//!   changes, annotations, attachments, earlier PDF revisions);
//! - images in DOCX and ODT (`word/media/`, `Pictures/`), by this rule: when the redaction
//!   removes persons (a span of kind `person`), *every* image is replaced by a black PNG of its
//!   pixel size — a photo is personal data of whoever is on it, nothing here can tell a face from
//!   a logo, and a blacked logo is a visible over-redaction a reviewer can undo from the
//!   original, while a missed face is a leak nobody sees; otherwise (say only BSNs or e-mail
//!   addresses) only images anchored in a paragraph where a value was removed — from its text
//!   or the image's description — are replaced (a scanned ID card next to the BSN). The part
//!   keeps its name and relationship (the content type becomes PNG), so the document opens with
//!   a black area in the image's place. PDF images are painted under each box instead;
//! - [`verify`]: the check that a redacted value is no longer present in re-extracted text;
//! - [`pdf_out`]: Unicode PDF letters and joined inspection packages.
//!
//! What it must never do: print, exit, touch the file system, or put personal data (a redacted
//! value, a name, a file name) into an error. Errors name the value by its index only.
//!
//! It does not detect and does not extract: the caller extracts the text of the original, detects
//! spans in it, calls [`redact`], extracts the result again and calls [`verify`] before writing.
//! For formats other than plain text, `redact` locates each value (the span's text) in the format's
//! own structure, case- and whitespace-insensitively, and removes *every* occurrence of it.

use std::collections::HashMap;

mod html;
mod mail;
mod matcher;
mod office;
mod pdf;
pub mod pdf_out;

pub use matcher::normalise_for_search;

/// A stretch of the extracted text to redact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte offset into the extracted text, inclusive.
    pub start: usize,
    /// Byte offset into the extracted text, exclusive.
    pub end: usize,
    /// The finding kind as named in the contract (`person`, `bsn`, `religion`, ...).
    pub kind: String,
    /// An optional label shown with the ground, such as the pseudonym `Persoon 3`.
    pub label: Option<String>,
}

impl Span {
    /// A span without a label.
    pub fn new(start: usize, end: usize, kind: impl Into<String>) -> Span {
        Span {
            start,
            end,
            kind: kind.into(),
            label: None,
        }
    }
}

/// Maps finding kinds to the legal ground written on each redaction mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grounds {
    by_kind: HashMap<String, String>,
    fallback: String,
}

/// Kinds that are special categories of personal data (GDPR art. 9/10): Woo art. 5.1.1d.
const SPECIAL_CATEGORY_KINDS: &[&str] = &[
    "religion",
    "ethnicity",
    "political",
    "health",
    "sexual_orientation",
    "trade_union",
    "criminal",
];

impl Grounds {
    /// The Woo (Wet open overheid) grounds: `5.1.2e` for personal data, `5.1.1d` for special
    /// categories and `5.1.1e` for the BSN.
    pub fn woo_default() -> Grounds {
        let mut by_kind = HashMap::new();
        for kind in SPECIAL_CATEGORY_KINDS {
            by_kind.insert((*kind).to_string(), "5.1.1d".to_string());
        }
        by_kind.insert("bsn".to_string(), "5.1.1e".to_string());
        Grounds {
            by_kind,
            fallback: "5.1.2e".to_string(),
        }
    }

    /// The ground for a finding kind; kinds without their own ground get `5.1.2e`.
    pub fn ground(&self, kind: &str) -> &str {
        self.by_kind
            .get(kind)
            .map(String::as_str)
            .unwrap_or(&self.fallback)
    }

    /// Sets the ground for one kind (for example an AVG article instead of a Woo code).
    pub fn set(&mut self, kind: impl Into<String>, ground: impl Into<String>) {
        self.by_kind.insert(kind.into(), ground.into());
    }

    /// Sets the ground used for kinds that have none of their own.
    pub fn set_fallback(&mut self, ground: impl Into<String>) {
        self.fallback = ground.into();
    }
}

impl Default for Grounds {
    fn default() -> Grounds {
        Grounds::woo_default()
    }
}

/// A document format that [`redact`] can rewrite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Html,
    Mail,
    Docx,
    Odt,
    Pdf,
}

impl Format {
    /// Recognises the format from the file's first bytes, falling back to its name's extension.
    ///
    /// The error names the extension only, never the file name (which may itself be personal).
    pub fn detect(file_name: &str, bytes: &[u8]) -> Result<Format, RedactError> {
        let ext = file_name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        if bytes.starts_with(b"%PDF") {
            return Ok(Format::Pdf);
        }
        if bytes.starts_with(b"PK\x03\x04") {
            if let Some(format) = office::sniff(bytes) {
                return Ok(format);
            }
        }
        match ext.as_str() {
            "txt" | "text" | "md" | "csv" | "log" => Ok(Format::Text),
            "html" | "htm" | "xhtml" => Ok(Format::Html),
            "eml" => Ok(Format::Mail),
            "docx" => Ok(Format::Docx),
            "odt" => Ok(Format::Odt),
            "pdf" => Ok(Format::Pdf),
            _ => Err(RedactError::Unsupported {
                what: if ext.is_empty() {
                    "a file without extension".to_string()
                } else {
                    format!("extension .{ext}")
                },
            }),
        }
    }

    /// The conventional extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Html => "html",
            Format::Mail => "eml",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Pdf => "pdf",
        }
    }
}

/// Why a document could not be redacted. Never carries personal data: values are named by index.
#[derive(Debug, thiserror::Error)]
pub enum RedactError {
    #[error("unsupported format: {what}")]
    Unsupported { what: String },
    #[error("span {index} lies outside the extracted text or not on a character boundary")]
    SpanOutOfRange { index: usize },
    #[error("malformed {format} document: {reason}")]
    Malformed {
        format: &'static str,
        reason: String,
    },
    #[error("redacted value {value_index} could not be located in the {format} document")]
    ValueNotLocated {
        value_index: usize,
        format: &'static str,
    },
    #[error("page {page} holds text that cannot be removed ({reason})")]
    UnremovableText { page: u32, reason: &'static str },
    #[error("verification failed: redacted value {value_index} is still present")]
    VerificationFailed { value_index: usize },
    #[error("could not write PDF: {reason}")]
    PdfWrite { reason: String },
}

/// One redaction mark: what is written where removed text was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mark {
    pub label: Option<String>,
    pub grounds: Vec<String>,
}

impl Mark {
    pub(crate) fn new(label: Option<String>, ground: &str) -> Mark {
        Mark {
            label,
            grounds: vec![ground.to_string()],
        }
    }

    /// Merges another mark into this one (overlapping spans become one mark).
    pub(crate) fn absorb(&mut self, other: &Mark) {
        if self.label.is_none() {
            self.label.clone_from(&other.label);
        }
        for g in &other.grounds {
            if !self.grounds.contains(g) {
                self.grounds.push(g.clone());
            }
        }
    }

    /// The text without brackets: `5.1.2e` or `Persoon 3 · 5.1.2e`.
    pub(crate) fn inner(&self) -> String {
        let grounds = self.grounds.join(", ");
        match &self.label {
            Some(label) => format!("{label} · {grounds}"),
            None => grounds,
        }
    }

    pub(crate) fn render(&self) -> String {
        format!("[{}]", self.inner())
    }
}

/// Replaces each span of `text` by its mark (`[5.1.2e]`, or `[Persoon 3 · 5.1.2e]` when the span
/// has a label), and with it **every other occurrence of the span's value** in the text, as the
/// other formats do and as [`verify`] checks: a place of residence found once is also removed
/// where the same word names the municipality ("de gemeente Tiel"). That over-redaction is the
/// safe side; the Woo ground is the value's own. Overlapping spans become one mark listing each
/// ground once. Offsets that are out of range are clamped and offsets inside a character are
/// widened to the whole character, so that a bad offset removes a little more, never less.
pub fn redact_text(text: &str, spans: &[Span], grounds: &Grounds) -> String {
    let mut ranges: Vec<(usize, usize, Mark)> = spans
        .iter()
        .filter_map(|s| {
            let mut start = s.start.min(text.len());
            let mut end = s.end.min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            while !text.is_char_boundary(end) {
                end += 1;
            }
            (start < end).then(|| {
                (
                    start,
                    end,
                    Mark::new(s.label.clone(), grounds.ground(&s.kind)),
                )
            })
        })
        .collect();
    let matcher = matcher::Matcher::new(text, spans, grounds);
    let mut located = vec![false; matcher.value_count()];
    ranges.extend(matcher.find(&matcher::Haystack::from_str(text), &mut located));
    ranges.sort_by_key(|r| (r.0, r.1));
    let merged = merge_ranges(ranges);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end, mark) in merged {
        out.push_str(&text[at..start]);
        out.push_str(&mark.render());
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// Merges sorted, possibly overlapping ranges into disjoint ones.
pub(crate) fn merge_ranges(sorted: Vec<(usize, usize, Mark)>) -> Vec<(usize, usize, Mark)> {
    let mut merged: Vec<(usize, usize, Mark)> = Vec::with_capacity(sorted.len());
    for (start, end, mark) in sorted {
        match merged.last_mut() {
            Some(last) if start < last.1 => {
                last.1 = last.1.max(end);
                last.2.absorb(&mark);
            }
            _ => merged.push((start, end, mark)),
        }
    }
    merged
}

/// Writes a redacted copy of `original` in its own `format`.
///
/// `extracted_text` is the text the detector saw and `spans` index into it; the text of each span
/// is a value that is removed wherever it occurs in the document. Fails, rather than return a copy
/// that still holds a value, when a value cannot be located or a part of the document cannot be
/// rewritten. The caller still re-extracts the result and runs [`verify`].
pub fn redact(
    format: Format,
    original: &[u8],
    extracted_text: &str,
    spans: &[Span],
    grounds: &Grounds,
) -> Result<Vec<u8>, RedactError> {
    check_spans(extracted_text, spans)?;
    if format == Format::Text {
        return Ok(redact_text(extracted_text, spans, grounds).into_bytes());
    }
    // Even with nothing to remove, the hidden places (metadata, comments) are still cleaned.
    let matcher = matcher::Matcher::new(extracted_text, spans, grounds);
    let media = if spans.iter().any(|s| s.kind == "person") {
        office::MediaRule::All
    } else {
        office::MediaRule::NearValues
    };
    match format {
        Format::Text => unreachable!("handled above"),
        Format::Html => html::redact(original, &matcher),
        Format::Mail => mail::redact(original, &matcher),
        Format::Docx => office::redact(original, &matcher, office::Dialect::Docx, media),
        Format::Odt => office::redact(original, &matcher, office::Dialect::Odt, media),
        Format::Pdf => pdf::redact(original, &matcher).map(|r| r.bytes),
    }
}

/// Like [`redact`] for PDF, also returning warnings (for example an image — an XObject or an
/// inline image — under a redaction area whose encoding — JBIG2, JPX, CCITT Group 3, CMYK JPEG —
/// could not be decoded, so that it was blacked out entirely instead of only under the area).
pub fn redact_pdf_with_warnings(
    original: &[u8],
    extracted_text: &str,
    spans: &[Span],
    grounds: &Grounds,
) -> Result<(Vec<u8>, Vec<String>), RedactError> {
    check_spans(extracted_text, spans)?;
    let matcher = matcher::Matcher::new(extracted_text, spans, grounds);
    pdf::redact(original, &matcher).map(|r| (r.bytes, r.warnings))
}

fn check_spans(text: &str, spans: &[Span]) -> Result<(), RedactError> {
    for (index, s) in spans.iter().enumerate() {
        if s.start > s.end || text.get(s.start..s.end).is_none() {
            return Err(RedactError::SpanOutOfRange { index });
        }
    }
    Ok(())
}

/// Checks that none of `values` is present in `redacted_extracted_text`, ignoring case and
/// whitespace (an extractor may join or split lines differently from the original). Values
/// shorter than six letters must also stand as a word of their own, so that a place name like
/// `Ede` does not fail on `mede`. The error names the first value found by its index only.
pub fn verify(redacted_extracted_text: &str, values: &[&str]) -> Result<(), RedactError> {
    let hay = matcher::Haystack::from_str(redacted_extracted_text);
    let index = hay.first_char_index();
    // A value repeated in the document (a name on every page) is looked for once.
    let mut seen = std::collections::HashSet::new();
    for (value_index, value) in values.iter().enumerate() {
        let needle = matcher::Needle::new(value);
        if needle.is_empty() || !seen.insert(normalise_for_search(value)) {
            continue;
        }
        if hay.contains(&needle, &index) {
            return Err(RedactError::VerificationFailed { value_index });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, kind: &str) -> Span {
        Span::new(start, end, kind)
    }

    #[test]
    fn grounds_table() {
        let g = Grounds::woo_default();
        for (kind, ground) in [
            ("person", "5.1.2e"),
            ("email", "5.1.2e"),
            ("place", "5.1.2e"),
            ("bsn", "5.1.1e"),
            ("religion", "5.1.1d"),
            ("criminal", "5.1.1d"),
            ("health", "5.1.1d"),
            ("something_new", "5.1.2e"),
        ] {
            assert_eq!(g.ground(kind), ground, "{kind}");
        }
    }

    #[test]
    fn redact_text_table() {
        let g = Grounds::woo_default();
        let text = "Bram Vlinder (BSN 111222333) is lid van de moskee.";
        let cases: Vec<(Vec<Span>, &str)> = vec![
            (vec![], text),
            (
                vec![span(0, 12, "person")],
                "[5.1.2e] (BSN 111222333) is lid van de moskee.",
            ),
            (
                vec![span(0, 12, "person"), span(18, 27, "bsn")],
                "[5.1.2e] (BSN [5.1.1e]) is lid van de moskee.",
            ),
            (
                vec![span(0, 12, "person"), span(5, 16, "religion")],
                "[5.1.2e, 5.1.1d]N 111222333) is lid van de moskee.",
            ),
            (
                vec![Span {
                    label: Some("Persoon 3".into()),
                    ..span(0, 12, "person")
                }],
                "[Persoon 3 · 5.1.2e] (BSN 111222333) is lid van de moskee.",
            ),
            // Out of range is clamped, not a panic.
            (
                vec![span(40, 400, "person")],
                "Bram Vlinder (BSN 111222333) is lid van [5.1.2e]",
            ),
        ];
        for (spans, want) in cases {
            assert_eq!(redact_text(text, &spans, &g), want);
        }
    }

    #[test]
    fn redact_text_removes_every_occurrence_of_a_value() {
        let g = Grounds::woo_default();
        // The place is found once (as a residence); the municipality of the same name is not.
        let text =
            "Zij woont in Tiel. De gemeente Tiel en TIEL zijn op de hoogte; Tielse zaken niet.";
        let at = text.find("Tiel").unwrap();
        let out = redact_text(text, &[span(at, at + 4, "place")], &g);
        assert_eq!(
            out,
            "Zij woont in [5.1.2e]. De gemeente [5.1.2e] en [5.1.2e] zijn op de hoogte; Tielse zaken niet."
        );
        verify(&out, &["Tiel"]).unwrap();
    }

    #[test]
    fn redact_text_widens_inside_a_character() {
        let text = "Gül Yıldız";
        let out = redact_text(text, &[span(5, 7, "person")], &Grounds::woo_default());
        assert_eq!(out, "Gül [5.1.2e]ldız");
    }

    #[test]
    fn redact_plain_text_format() {
        let text = "Mevrouw Ayşe Doğan woont in Ermelo.";
        let spans = [span(8, 20, "person"), span(30, 36, "place")];
        let out = redact(
            Format::Text,
            text.as_bytes(),
            text,
            &spans,
            &Grounds::woo_default(),
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Mevrouw [5.1.2e] woont in [5.1.2e]."
        );
        assert!(matches!(
            redact(
                Format::Text,
                b"",
                text,
                &[span(3, 99, "person")],
                &Grounds::woo_default()
            ),
            Err(RedactError::SpanOutOfRange { index: 0 })
        ));
    }

    #[test]
    fn verify_table() {
        let cases: &[(&str, &[&str], Option<usize>)] = &[
            ("niets te zien", &["Bram Vlinder"], None),
            ("de heer BRAM\n  vlinder kwam", &["Bram Vlinder"], Some(0)),
            ("de heer BramVlinder kwam", &["Bram Vlinder"], Some(0)),
            ("het is mede bepaald", &["Ede"], None),
            ("hij woont in Ede.", &["x", "Ede"], Some(1)),
            ("[5.1.2e] woont hier", &["", "  "], None),
            (
                "mail b.vlinder@example.org",
                &["b.vlinder@example.org"],
                Some(0),
            ),
        ];
        for (text, values, want) in cases {
            let got = match verify(text, values) {
                Ok(()) => None,
                Err(RedactError::VerificationFailed { value_index }) => Some(value_index),
                Err(e) => panic!("{e}"),
            };
            assert_eq!(got, *want, "{text:?}");
        }
    }

    #[test]
    fn errors_carry_no_values() {
        let e = verify("Bram Vlinder", &["Bram Vlinder"]).unwrap_err();
        assert!(!e.to_string().contains("Bram"));
        let e = Format::detect("Bram Vlinder.xyz", b"hello").unwrap_err();
        assert!(!e.to_string().contains("Bram"));
    }

    #[test]
    fn detect_format() {
        assert_eq!(Format::detect("a.pdf", b"%PDF-1.7").unwrap(), Format::Pdf);
        assert_eq!(Format::detect("a.TXT", b"hoi").unwrap(), Format::Text);
        assert_eq!(Format::detect("a.htm", b"<p>").unwrap(), Format::Html);
        assert_eq!(Format::detect("a.eml", b"From:").unwrap(), Format::Mail);
        assert!(Format::detect("a.xls", b"x").is_err());
    }
}
