//! HTML: values are removed from text nodes (also when a value runs across inline tags), from
//! attribute values (alt, title, href, ...) and from script and style text; comments and `<meta>`
//! elements that describe the document (author, description, ...) are dropped.
//!
//! This is a small tokenizer, not a full HTML5 parser: it keeps every byte it does not need to
//! change, so the redacted page looks as the original did.

use crate::matcher::{Haystack, Matcher};
use crate::RedactError;

/// Elements that start a new line in extracted text: a value never runs across them.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
    "body",
    "head",
    "html",
];

#[derive(Debug)]
enum Token {
    Text {
        start: usize,
        end: usize,
    },
    /// A tag from `<` to `>`; `name` lower-cased, without `/`.
    Tag {
        start: usize,
        end: usize,
        name: String,
        closing: bool,
    },
    Comment,
    /// Content of script or style: not text, but values inside it are still removed.
    Raw {
        start: usize,
        end: usize,
    },
}

fn tokenize(src: &str) -> Vec<Token> {
    let bytes = src.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut text_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?') {
            i += 1;
            continue;
        }
        if text_start < i {
            tokens.push(Token::Text {
                start: text_start,
                end: i,
            });
        }
        if src[i..].starts_with("<!--") {
            let end = src[i + 4..]
                .find("-->")
                .map_or(bytes.len(), |e| i + 4 + e + 3);
            tokens.push(Token::Comment);
            i = end;
            text_start = i;
            continue;
        }
        let end = tag_end(bytes, i);
        let closing = next == b'/';
        let name_start = if closing { i + 2 } else { i + 1 };
        let name: String = src[name_start..end]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':' || *c == '!')
            .collect::<String>()
            .to_ascii_lowercase();
        tokens.push(Token::Tag {
            start: i,
            end,
            name: name.clone(),
            closing,
        });
        i = end;
        text_start = i;
        if !closing && (name == "script" || name == "style") {
            let close = format!("</{name}");
            let lower = src[i..].to_ascii_lowercase();
            let raw_end = lower.find(&close).map_or(bytes.len(), |e| i + e);
            if raw_end > i {
                tokens.push(Token::Raw {
                    start: i,
                    end: raw_end,
                });
            }
            i = raw_end;
            text_start = i;
        }
    }
    if text_start < bytes.len() {
        tokens.push(Token::Text {
            start: text_start,
            end: bytes.len(),
        });
    }
    tokens
}

/// The byte after the `>` that closes the tag starting at `start`, skipping quoted values.
fn tag_end(bytes: &[u8], start: usize) -> usize {
    let mut quote = None;
    let mut i = start + 1;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i + 1,
            None => {}
        }
        i += 1;
    }
    bytes.len()
}

/// Decodes entities in `src[start..end]`, yielding `(unit_start, unit_end, char)` with units as
/// byte offsets into `src`. The decoder is `extract`'s ([`grondslag_html::reference_at`]), so
/// the units spell the text the detector saw; a reference that decodes to nothing (the soft
/// hyphen) yields no unit, as it yields no text.
fn decode_units(src: &str, start: usize, end: usize, out: &mut Vec<(usize, usize, char)>) {
    let mut i = start;
    while let Some(rest) = src.get(i..end).filter(|r| !r.is_empty()) {
        if let Some((c, len)) = grondslag_html::reference_at(rest) {
            if let Some(c) = c {
                out.push((i, i + len, c));
            }
            i += len;
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        out.push((i, i + c.len_utf8(), c));
        i += c.len_utf8();
    }
}

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// Redacts an HTML document given as bytes (UTF-8; other bytes are read as Latin-1).
pub(crate) fn redact(original: &[u8], matcher: &Matcher) -> Result<Vec<u8>, RedactError> {
    let src: String = match std::str::from_utf8(original) {
        Ok(s) => s.to_string(),
        Err(_) => original.iter().map(|&b| char::from(b)).collect(),
    };
    let mut located = vec![false; matcher.value_count()];
    Ok(redact_str(&src, matcher, &mut located).into_bytes())
}

/// Redacts HTML source text (also used for the HTML body of a mail).
pub(crate) fn redact_str(src: &str, matcher: &Matcher, located: &mut [bool]) -> String {
    let tokens = tokenize(src);
    let mut units = Vec::new();
    for token in &tokens {
        match token {
            Token::Text { start, end } => decode_units(src, *start, *end, &mut units),
            Token::Tag { start, name, .. } if BLOCK_TAGS.contains(&name.as_str()) => {
                units.push((*start, *start, '\n'));
            }
            _ => {}
        }
    }
    let ranges = matcher.find(&Haystack::from_units(units), located);

    let mut out = String::with_capacity(src.len());
    let mut next_range = 0;
    for token in &tokens {
        match token {
            Token::Text { start, end } => {
                let mut at = *start;
                while at < *end {
                    // Skip ranges that ended before this point.
                    while next_range < ranges.len() && ranges[next_range].1 <= at {
                        next_range += 1;
                    }
                    match ranges.get(next_range) {
                        Some((rs, re, mark)) if *rs < *end => {
                            if *rs >= at {
                                out.push_str(&src[at..*rs]);
                                escape(&mark.render(), &mut out);
                            }
                            at = (*re).min(*end).max(at);
                            if *re <= *end {
                                next_range += 1;
                            }
                        }
                        _ => {
                            out.push_str(&src[at..*end]);
                            at = *end;
                        }
                    }
                }
            }
            Token::Tag {
                start,
                end,
                name,
                closing,
            } => {
                if name == "meta" && !*closing && meta_is_descriptive(&src[*start..*end]) {
                    continue;
                }
                out.push_str(&redact_tag(&src[*start..*end], matcher, located));
            }
            Token::Comment => {}
            Token::Raw { start, end } => {
                out.push_str(&matcher.redact_str(&src[*start..*end], located))
            }
        }
    }
    out
}

/// A `<meta>` that says something about the document (author, description, keywords, ...), as
/// opposed to charset, viewport and http-equiv, which are kept.
fn meta_is_descriptive(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    !(lower.contains("charset") || lower.contains("viewport") || lower.contains("http-equiv"))
}

/// Rewrites a tag when one of its attribute values holds a value; otherwise returns it unchanged.
fn redact_tag(tag: &str, matcher: &Matcher, located: &mut [bool]) -> String {
    let mut out = String::with_capacity(tag.len());
    let bytes = tag.as_bytes();
    let mut i = 0;
    let mut changed = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'=' {
            out.push('=');
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                out.push(char::from(bytes[i]));
                i += 1;
            }
            let (value_start, value_end, next) = match bytes.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let end = tag[i + 1..]
                        .find(char::from(q))
                        .map_or(tag.len(), |e| i + 1 + e);
                    (i + 1, end, (end + 1).min(tag.len()))
                }
                _ => {
                    let end = tag[i..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(tag.len(), |e| i + e);
                    (i, end, end)
                }
            };
            let mut units = Vec::new();
            decode_units(tag, value_start, value_end, &mut units);
            let decoded: String = units.iter().map(|u| u.2).collect();
            let redacted = matcher.redact_str(&decoded, located);
            if redacted != decoded {
                changed = true;
            }
            out.push('"');
            escape(&redacted, &mut out);
            out.push('"');
            i = next;
            continue;
        }
        let c = tag[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    if changed {
        out
    } else {
        tag.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Grounds, Span};

    fn run(html: &str, extracted: &str, spans: &[(usize, usize, &str)]) -> String {
        let spans: Vec<Span> = spans.iter().map(|&(s, e, k)| Span::new(s, e, k)).collect();
        let m = Matcher::new(extracted, &spans, &Grounds::woo_default());
        String::from_utf8(redact(html.as_bytes(), &m).unwrap()).unwrap()
    }

    /// A bare `&` before multi-byte text once sliced inside a character (issue 14, item 10).
    #[test]
    fn bare_ampersand_before_multibyte_text() {
        let extracted = "Overleg & محمد عبد الله";
        let s = extracted.find('م').unwrap();
        let out = run(
            "<p>Overleg & محمد عبد الله</p>",
            extracted,
            &[(s, extracted.len(), "person")],
        );
        assert_eq!(out, "<p>Overleg & [5.1.2e]</p>");
    }

    #[test]
    fn table() {
        let extracted = "Ayşe Doğan Ede";
        let spans = [(0, 12, "person"), (13, 16, "place")];
        let cases = [
            (
                "<p>Ayşe Doğan woont in Ede.</p>",
                "<p>[5.1.2e] woont in [5.1.2e].</p>",
            ),
            (
                "<p>Ay&#351;e <b>Do&#287;an</b> kwam</p>",
                "<p>[5.1.2e]<b></b> kwam</p>",
            ),
            (
                "<img alt=\"foto van Ayşe Doğan\" src=x.png>",
                "<img alt=\"foto van [5.1.2e]\" src=\"x.png\">",
            ),
            ("<!-- Ayşe Doğan --><p>mede</p>", "<p>mede</p>"),
            (
                "<meta name=author content=\"A. Doğan\"><p>x</p>",
                "<p>x</p>",
            ),
            (
                "<script>var n='Ayşe Doğan';</script>",
                "<script>var n='[5.1.2e]';</script>",
            ),
            (
                "<td>Ede</td><td>Edesse</td>",
                "<td>[5.1.2e]</td><td>Edesse</td>",
            ),
        ];
        for (html, want) in cases {
            assert_eq!(run(html, extracted, &spans), want, "{html}");
        }
    }
}
