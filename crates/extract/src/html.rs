//! HTML → visible text: scripts and styles dropped, block elements on their own lines, table
//! cells separated by tabs, entities decoded.
//!
//! A small hand tokenizer rather than a full HTML5 parser: we only need the visible words in
//! reading order, and a tokenizer that never builds a tree keeps memory at the size of the input
//! and the build light. It is forgiving by construction: any byte sequence gives some text.

use crate::{DocType, ExtractError, Extracted};

pub(crate) fn extract(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let (html, warning) = decode_html(bytes);
    let mut out = Extracted::new(DocType::Html, to_text(&html));
    out.warnings.extend(warning);
    Ok(out)
}

/// Decodes HTML bytes: UTF-8 (or a BOM) first, then the `<meta charset>` label, then
/// windows-1252.
fn decode_html(bytes: &[u8]) -> (String, Option<String>) {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), None);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_owned(), None);
    }
    let enc = meta_charset(bytes).unwrap_or(encoding_rs::WINDOWS_1252);
    let (text, _, _) = enc.decode(bytes);
    (
        text.into_owned(),
        Some(format!("decoded as {}", enc.name())),
    )
}

fn meta_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = crate::memfind(&lower, b"charset=")? + b"charset=".len();
    let label: Vec<u8> = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'')
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .copied()
        .collect();
    encoding_rs::Encoding::for_label(&label)
}

/// Elements whose start and end break the line.
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "title"
            | "tr"
            | "ul"
    )
}

/// Elements whose content is never shown.
fn is_hidden(tag: &str) -> bool {
    matches!(tag, "script" | "style" | "template" | "svg" | "object")
}

struct Writer {
    out: String,
    /// A space is owed before the next word.
    pending_space: bool,
    in_pre: usize,
}

impl Writer {
    fn at_line_start(&self) -> bool {
        self.out.is_empty() || self.out.ends_with('\n')
    }

    fn newline(&mut self) {
        self.trim_trailing_spaces();
        if !self.at_line_start() {
            self.out.push('\n');
        }
        self.pending_space = false;
    }

    fn hard_newline(&mut self) {
        self.trim_trailing_spaces();
        self.out.push('\n');
        self.pending_space = false;
    }

    fn tab(&mut self) {
        if !self.at_line_start() {
            self.trim_trailing_spaces();
            self.out.push('\t');
        }
        self.pending_space = false;
    }

    fn trim_trailing_spaces(&mut self) {
        let kept = self.out.trim_end_matches(' ').len();
        self.out.truncate(kept);
    }

    fn text(&mut self, s: &str) {
        if self.in_pre > 0 {
            self.out.push_str(s);
            return;
        }
        for (i, word) in s.split(is_html_space).enumerate() {
            if i > 0 {
                self.pending_space = true;
            }
            if word.is_empty() {
                continue;
            }
            if self.pending_space && !self.at_line_start() && !self.out.ends_with('\t') {
                self.out.push(' ');
            }
            self.pending_space = false;
            self.out.push_str(word);
        }
    }
}

fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// Converts HTML source to its visible text.
pub(crate) fn to_text(html: &str) -> String {
    let mut w = Writer {
        out: String::with_capacity(html.len() / 2),
        pending_space: false,
        in_pre: 0,
    };
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let Some(tag) = parse_tag(html, i) else {
            i += 1;
            continue;
        };
        emit_text(&mut w, &html[text_start..i]);
        i = tag.end;
        if !tag.name.is_empty() && !tag.closing && is_hidden(&tag.name) {
            i = skip_to_close(html, i, &tag.name);
        } else {
            apply_tag(&mut w, &tag);
        }
        text_start = i;
    }
    emit_text(&mut w, &html[text_start..]);
    w.trim_trailing_spaces();
    let mut out = w.out;
    let kept = out.trim_end_matches('\n').len();
    out.truncate(kept);
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

fn emit_text(w: &mut Writer, raw: &str) {
    if raw.is_empty() {
        return;
    }
    if raw.contains('&') {
        w.text(&decode_entities(raw));
    } else {
        w.text(raw);
    }
}

fn apply_tag(w: &mut Writer, tag: &Tag) {
    let name = tag.name.as_str();
    match name {
        "br" => w.hard_newline(),
        "td" | "th" if !tag.closing => w.tab(),
        "pre" => {
            w.newline();
            if tag.closing {
                w.in_pre = w.in_pre.saturating_sub(1);
            } else {
                w.in_pre += 1;
            }
        }
        "img" if !tag.closing => {
            // Alternative text is what a reader of the page sees in place of the image.
            if let Some(alt) = &tag.alt {
                w.text(&decode_entities(alt));
            }
        }
        _ if is_block(name) => w.newline(),
        _ => {}
    }
}

struct Tag {
    /// Lower-case element name; empty for comments, doctypes and processing instructions.
    name: String,
    closing: bool,
    alt: Option<String>,
    /// Byte offset just past the tag.
    end: usize,
}

/// Parses the tag starting at `<` at `start`; `None` when the `<` is just text.
fn parse_tag(html: &str, start: usize) -> Option<Tag> {
    let bytes = html.as_bytes();
    let rest = &bytes[start + 1..];
    if rest.starts_with(b"!--") {
        let end = crate::memfind(&rest[3..], b"-->")
            .map(|p| start + 1 + 3 + p + 3)
            .unwrap_or(bytes.len());
        return Some(Tag {
            name: String::new(),
            closing: false,
            alt: None,
            end,
        });
    }
    if rest.first().is_some_and(|&b| b == b'!' || b == b'?') {
        let end = rest
            .iter()
            .position(|&b| b == b'>')
            .map(|p| start + 1 + p + 1)
            .unwrap_or(bytes.len());
        return Some(Tag {
            name: String::new(),
            closing: false,
            alt: None,
            end,
        });
    }
    let (closing, name_at) = match rest.first() {
        Some(b'/') => (true, 1),
        _ => (false, 0),
    };
    if !rest.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_len = rest[name_at..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
        .count();
    let name = html[start + 1 + name_at..start + 1 + name_at + name_len].to_ascii_lowercase();
    // Attributes: find the closing '>' outside quotes.
    let mut i = start + 1 + name_at + name_len;
    let attrs_start = i;
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => break,
            None => {}
        }
        i += 1;
    }
    let attrs = &html[attrs_start..i.min(bytes.len())];
    let alt = if name == "img" {
        attr(attrs, "alt")
    } else {
        None
    };
    Some(Tag {
        name,
        closing,
        alt,
        end: (i + 1).min(bytes.len()),
    })
}

/// The value of attribute `key` in an attribute string, if present.
fn attr(attrs: &str, key: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(key) {
        let at = from + p;
        from = at + key.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let after = lower[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let value_at = attrs.len() - after.len() + 1;
        let value = attrs[value_at..].trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or("").to_owned(),
            _ => value
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or("")
                .to_owned(),
        });
    }
    None
}

/// Skips past `</name>` (case-insensitive) from `from`, or to the end.
fn skip_to_close(html: &str, from: usize, name: &str) -> usize {
    let lower_needle = format!("</{name}");
    let bytes = html.as_bytes();
    let mut i = from;
    while i + lower_needle.len() <= bytes.len() {
        if bytes[i] == b'<'
            && bytes[i..i + lower_needle.len()].eq_ignore_ascii_case(lower_needle.as_bytes())
        {
            return bytes[i..]
                .iter()
                .position(|&b| b == b'>')
                .map(|p| i + p + 1)
                .unwrap_or(bytes.len());
        }
        i += 1;
    }
    bytes.len()
}

/// Decodes character references (`&amp;`, `&#233;`, `&#xE9;`, common named ones) with the
/// decoder `redact` uses too, so that it finds every value in the same place.
pub(crate) fn decode_entities(s: &str) -> String {
    grondslag_html::decode(s)
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn table_of_cases() {
        let cases: &[(&str, &str)] = &[
            ("<p>Hallo</p><p>wereld</p>", "Hallo\nwereld\n"),
            ("a<br>b", "a\nb\n"),
            (
                "<html><head><title>T</title><style>p{}</style><script>var x='<p>';</script></head><body>x &amp; y&nbsp;z</body></html>",
                "T\nx & y z\n",
            ),
            ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a\tb\nc\n"),
            ("Jos&eacute; &#233;&#xE9; &bogus; 1 < 2", "José éé &bogus; 1 < 2\n"),
            ("<!-- verborgen --><div>zicht\n  baar</div>", "zicht baar\n"),
            ("<img alt=\"foto van iemand\" src=x>", "foto van iemand\n"),
            ("<pre>a\n  b</pre>", "a\n  b\n"),
            ("", ""),
            ("<", "<\n"),
        ];
        for (html, want) in cases {
            assert_eq!(to_text(html), *want, "html: {html:?}");
        }
    }
}
