//! A rendered template (XHTML: well-formed HTML) read into the [`Doc`] model that the PDF writer
//! lays out. The same text is the HTML rendition, so one template gives both.
//!
//! Understood: `html@lang`, `head/title`, `meta name="page-label"`, the headings `h1`–`h4`, `p`
//! (`class="small"` for fine print), `address`, `ul`/`ol` with `li`, `table` with `caption`,
//! `thead`/`tbody`, `tr`, `th`, `td`, `pre`, `img` (a `data:` PNG or JPEG with `alt`), `section`,
//! inline `strong`/`b`, `em`/`i`, `span class="redacted"`, `br`, `a`, and `div class="pagebreak"`.
//! Other block elements (`div`, `header`, `main`, `footer`, `article`) are containers; `style`,
//! `script` and `meta` are not content. Anything else inline contributes its text.

use std::borrow::Cow;

use base64::Engine as _;
use quick_xml::events::Event;

use crate::model::{Block, Doc, Inline, ParaKind, Run, Style};
use crate::LetterError;

/// A node of the parsed tree.
#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|x| x == class))
    }
}

fn markup_err(template: &str, detail: impl Into<String>) -> LetterError {
    LetterError::Markup {
        template: template.to_string(),
        detail: detail.into(),
    }
}

fn entity(name: &str) -> Option<Cow<'static, str>> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).map(|c| Cow::Owned(c.to_string()));
    }
    Some(Cow::Borrowed(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "euro" => "€",
        "middot" => "·",
        "ndash" => "–",
        "mdash" => "—",
        "copy" => "©",
        "sect" => "§",
        _ => return None,
    }))
}

/// Elements HTML writes without an end tag; templates may write them as `<br>` or `<br/>`.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "img" | "meta" | "hr" | "link" | "col" | "input" | "wbr"
    )
}

fn parse_tree(template: &str, xml: &str) -> Result<Element, LetterError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Element> = vec![Element {
        name: "#root".into(),
        attrs: Vec::new(),
        children: Vec::new(),
    }];
    let open = |e: &quick_xml::events::BytesStart| -> Result<Element, LetterError> {
        let name = e.local_name().as_ref().to_ascii_lowercase();
        let mut attrs = Vec::new();
        for a in e.attributes() {
            let a = a.map_err(|err| markup_err(template, format!("attribute: {err}")))?;
            let key = a.key.local_name().as_ref().to_ascii_lowercase();
            let value = a
                .normalized_value_with(quick_xml::XmlVersion::Implicit1_0, 4, |n| {
                    // Only the fixed entity table; the value is owned below.
                    entity(n).and_then(|c| match c {
                        Cow::Borrowed(s) => Some(s),
                        Cow::Owned(_) => None,
                    })
                })
                .map_err(|err| markup_err(template, format!("attribute {key}: {err}")))?;
            attrs.push((key, value.into_owned()));
        }
        Ok(Element {
            name,
            attrs,
            children: Vec::new(),
        })
    };
    let push_text = |stack: &mut Vec<Element>, text: &str| {
        if let Some(top) = stack.last_mut() {
            if let Some(Node::Text(t)) = top.children.last_mut() {
                t.push_str(text);
            } else {
                top.children.push(Node::Text(text.to_string()));
            }
        }
    };
    loop {
        let at = reader.buffer_position();
        let event = reader.read_event().map_err(|err| {
            markup_err(
                template,
                format!("not well-formed near byte {at}: {err} (write XHTML: close every element, quote attributes)"),
            )
        })?;
        match event {
            Event::Start(e) => {
                let el = open(&e)?;
                if is_void(&el.name) {
                    if let Some(top) = stack.last_mut() {
                        top.children.push(Node::Element(el));
                    }
                } else {
                    stack.push(el);
                }
            }
            Event::Empty(e) => {
                let el = open(&e)?;
                if let Some(top) = stack.last_mut() {
                    top.children.push(Node::Element(el));
                }
            }
            Event::End(e) => {
                let name = e.local_name().as_ref().to_ascii_lowercase();
                if is_void(&name) {
                    continue;
                }
                let el = stack
                    .pop()
                    .filter(|el| el.name == name && el.name != "#root")
                    .ok_or_else(|| {
                        markup_err(
                            template,
                            format!("</{name}> near byte {at} closes no open <{name}>"),
                        )
                    })?;
                if let Some(top) = stack.last_mut() {
                    top.children.push(Node::Element(el));
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(t) => push_text(&mut stack, &t.into_inner()),
            Event::GeneralRef(r) => {
                let name = r.into_inner();
                let text = entity(&name).ok_or_else(|| {
                    markup_err(template, format!("unknown entity &{name}; near byte {at}"))
                })?;
                push_text(&mut stack, &text);
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if stack.len() != 1 {
        let open: Vec<String> = stack
            .iter()
            .skip(1)
            .map(|e| format!("<{}>", e.name))
            .collect();
        return Err(markup_err(
            template,
            format!("elements not closed at the end: {}", open.join(" ")),
        ));
    }
    Ok(stack.pop().unwrap_or(Element {
        name: "#root".into(),
        attrs: Vec::new(),
        children: Vec::new(),
    }))
}

fn find<'a>(el: &'a Element, name: &str) -> Option<&'a Element> {
    for c in &el.children {
        if let Node::Element(e) = c {
            if e.name == name {
                return Some(e);
            }
            if let Some(found) = find(e, name) {
                return Some(found);
            }
        }
    }
    None
}

fn all_text(el: &Element, out: &mut String) {
    for c in &el.children {
        match c {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => all_text(e, out),
        }
    }
}

/// Collects inline content: whitespace collapsed unless `pre`.
struct InlineBuilder {
    runs: Inline,
    pre: bool,
}

impl InlineBuilder {
    fn new(pre: bool) -> InlineBuilder {
        InlineBuilder {
            runs: Vec::new(),
            pre,
        }
    }

    fn push(&mut self, text: &str, style: Style) {
        let text: String = if self.pre {
            text.to_string()
        } else {
            let mut s = String::with_capacity(text.len());
            let mut space = false;
            for c in text.chars() {
                if c.is_whitespace() && c != '\u{a0}' {
                    space = true;
                } else {
                    if space {
                        s.push(' ');
                    }
                    space = false;
                    s.push(c);
                }
            }
            if space {
                s.push(' ');
            }
            s
        };
        if text.is_empty() {
            return;
        }
        match self.runs.last_mut() {
            Some(last) if last.style == style => last.text.push_str(&text),
            _ => self.runs.push(Run { text, style }),
        }
    }

    fn element(&mut self, el: &Element, style: Style) {
        for c in &el.children {
            match c {
                Node::Text(t) => self.push(t, style),
                Node::Element(e) => match e.name.as_str() {
                    "br" => self.push_break(style),
                    "strong" | "b" => self.element(e, Style::Bold),
                    "span" if e.has_class("redacted") => self.element(e, Style::Redacted),
                    "script" | "style" => {}
                    _ => self.element(e, style),
                },
            }
        }
    }

    fn push_break(&mut self, style: Style) {
        // A forced break: trailing space before it is dropped.
        if let Some(last) = self.runs.last_mut() {
            while last.text.ends_with(' ') {
                last.text.pop();
            }
        }
        match self.runs.last_mut() {
            Some(last) if last.style == style => last.text.push('\n'),
            _ => self.runs.push(Run {
                text: "\n".into(),
                style,
            }),
        }
    }

    /// The runs with leading and trailing whitespace (and spaces around breaks) trimmed.
    fn finish(mut self) -> Inline {
        if !self.pre {
            for r in &mut self.runs {
                while r.text.contains(" \n") || r.text.contains("\n ") {
                    r.text = r.text.replace(" \n", "\n").replace("\n ", "\n");
                }
            }
            if let Some(first) = self.runs.first_mut() {
                first.text = first.text.trim_start().to_string();
            }
            if let Some(last) = self.runs.last_mut() {
                last.text = last.text.trim_end().to_string();
            }
        } else {
            // A leading newline right after <pre> is not content (HTML's rule).
            if let Some(first) = self.runs.first_mut() {
                if first.text.starts_with('\n') {
                    first.text.remove(0);
                }
            }
        }
        self.runs.retain(|r| !r.text.is_empty());
        self.runs
    }
}

fn inline_of(el: &Element, pre: bool) -> Inline {
    let mut b = InlineBuilder::new(pre);
    b.element(el, Style::Normal);
    b.finish()
}

/// A table cell: a header cell (`th`) is bold wherever it stands.
fn cell_of(el: &Element) -> Inline {
    let mut b = InlineBuilder::new(false);
    b.element(
        el,
        if el.name == "th" {
            Style::Bold
        } else {
            Style::Normal
        },
    );
    b.finish()
}

fn decode_image(template: &str, src: &str) -> Result<Vec<u8>, LetterError> {
    let data = src
        .strip_prefix("data:image/png;base64,")
        .or_else(|| src.strip_prefix("data:image/jpeg;base64,"))
        .ok_or_else(|| {
            markup_err(
                template,
                "an <img> must carry its image as src=\"data:image/png;base64,...\" or data:image/jpeg (nothing is loaded from elsewhere)",
            )
        })?;
    base64::engine::general_purpose::STANDARD
        .decode(data.trim())
        .map_err(|_| markup_err(template, "an <img> has invalid base64 data"))
}

fn blocks_of(template: &str, el: &Element, out: &mut Vec<Block>) -> Result<(), LetterError> {
    // Loose text directly in a container becomes a paragraph of its own.
    let mut loose = InlineBuilder::new(false);
    let flush = |loose: &mut InlineBuilder, out: &mut Vec<Block>| {
        let b = std::mem::replace(loose, InlineBuilder::new(false));
        let text = b.finish();
        if !text.is_empty() {
            out.push(Block::Paragraph {
                kind: ParaKind::Normal,
                text,
            });
        }
    };
    for c in &el.children {
        let e = match c {
            Node::Text(t) => {
                loose.push(t, Style::Normal);
                continue;
            }
            Node::Element(e) => e,
        };
        match e.name.as_str() {
            "strong" | "b" | "em" | "i" | "span" | "a" | "br" | "small" | "abbr" | "time" => {
                let style = match e.name.as_str() {
                    "strong" | "b" => Style::Bold,
                    "span" if e.has_class("redacted") => Style::Redacted,
                    _ => Style::Normal,
                };
                if e.name == "br" {
                    loose.push_break(Style::Normal);
                } else {
                    loose.element(e, style);
                }
                continue;
            }
            _ => flush(&mut loose, out),
        }
        match e.name.as_str() {
            "head" | "style" | "script" | "meta" | "link" | "title" | "template" => {}
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = e.name[1..].parse::<u8>().unwrap_or(2).min(4);
                out.push(Block::Heading {
                    level,
                    text: inline_of(e, false),
                });
            }
            "p" | "address" | "dd" | "dt" | "blockquote" | "figcaption" => {
                let kind = if e.has_class("small") {
                    ParaKind::Small
                } else {
                    ParaKind::Normal
                };
                let text = inline_of(e, false);
                if !text.is_empty() {
                    out.push(Block::Paragraph { kind, text });
                }
            }
            "ul" | "ol" => {
                let mut items = Vec::new();
                for c in &e.children {
                    if let Node::Element(li) = c {
                        if li.name == "li" {
                            items.push(inline_of(li, false));
                        }
                    }
                }
                if !items.is_empty() {
                    out.push(Block::List {
                        ordered: e.name == "ol",
                        items,
                    });
                }
            }
            "table" => out.push(table_of(e)),
            "pre" => out.push(Block::Pre {
                text: inline_of(e, true),
            }),
            "img" => {
                let alt = e.attr("alt").map(str::trim).unwrap_or("");
                if alt.is_empty() {
                    return Err(markup_err(
                        template,
                        "an <img> needs an alt text (accessibility: PDF/UA, WCAG)",
                    ));
                }
                let data = decode_image(template, e.attr("src").unwrap_or(""))?;
                let width = e
                    .attr("width")
                    .and_then(|w| w.trim_end_matches("px").parse::<f32>().ok())
                    .unwrap_or(120.0)
                    .clamp(10.0, 450.0);
                out.push(Block::Image {
                    data,
                    alt: alt.to_string(),
                    width,
                });
            }
            "hr" => {}
            "div" if e.has_class("pagebreak") => out.push(Block::PageBreak),
            "section" | "aside" | "nav" => {
                let mut blocks = Vec::new();
                blocks_of(template, e, &mut blocks)?;
                if !blocks.is_empty() {
                    out.push(Block::Section { blocks });
                }
            }
            _ => blocks_of(template, e, out)?,
        }
    }
    flush(&mut loose, out);
    Ok(())
}

fn table_of(e: &Element) -> Block {
    let mut caption = None;
    let mut header: Vec<Inline> = Vec::new();
    let mut rows: Vec<Vec<Inline>> = Vec::new();
    fn rows_in(el: &Element, header: &mut Vec<Inline>, rows: &mut Vec<Vec<Inline>>) {
        for c in &el.children {
            let Node::Element(e) = c else { continue };
            match e.name.as_str() {
                "thead" | "tbody" | "tfoot" => rows_in(e, header, rows),
                "tr" => {
                    let cells: Vec<(bool, Inline)> = e
                        .children
                        .iter()
                        .filter_map(|c| match c {
                            Node::Element(td) if td.name == "td" || td.name == "th" => {
                                Some((td.name == "th", cell_of(td)))
                            }
                            _ => None,
                        })
                        .collect();
                    if header.is_empty() && rows.is_empty() && cells.iter().all(|(th, _)| *th) {
                        *header = cells.into_iter().map(|(_, c)| c).collect();
                    } else {
                        rows.push(cells.into_iter().map(|(_, c)| c).collect());
                    }
                }
                _ => {}
            }
        }
    }
    for c in &e.children {
        if let Node::Element(cap) = c {
            if cap.name == "caption" {
                caption = Some(inline_of(cap, false));
            }
        }
    }
    rows_in(e, &mut header, &mut rows);
    Block::Table {
        caption,
        header,
        rows,
    }
}

/// Reads a rendered template into the model. `template` names it in errors.
pub fn parse(template: &str, xhtml: &str) -> Result<Doc, LetterError> {
    let root = parse_tree(template, xhtml)?;
    let html = find(&root, "html").ok_or_else(|| markup_err(template, "no <html> element"))?;
    let lang = html
        .attr("lang")
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .ok_or_else(|| markup_err(template, "<html> has no lang attribute"))?
        .to_string();
    let mut title = String::new();
    if let Some(t) = find(html, "title") {
        all_text(t, &mut title);
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        return Err(markup_err(template, "no <title> in <head>"));
    }
    let mut page_label = if lang.starts_with("en") {
        "Page {page} of {pages}".to_string()
    } else {
        "Pagina {page} van {pages}".to_string()
    };
    if let Some(head) = find(html, "head") {
        for c in &head.children {
            if let Node::Element(m) = c {
                if m.name == "meta" && m.attr("name") == Some("page-label") {
                    if let Some(v) = m.attr("content") {
                        page_label = v.to_string();
                    }
                }
            }
        }
    }
    let body = find(html, "body").ok_or_else(|| markup_err(template, "no <body> element"))?;
    let mut blocks = Vec::new();
    blocks_of(template, body, &mut blocks)?;
    Ok(Doc {
        lang,
        title,
        page_label,
        blocks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_structure_and_entities() {
        let doc = parse(
            "t",
            "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"/><title>Besluit &amp; zo</title>\
             <style>h1 > b { x: 1 }</style></head><body><header><p>Gemeente<br/>Postbus 1</p></header>\
             <h1>Besluit</h1><p>Geachte   mevrouw,\n  <strong>vet</strong> en &#x27;quote&#x27; &#8364;</p>\
             <ul><li>een</li><li>twee</li></ul><table><caption>Cijfers</caption><tr><th>a</th><th>b</th></tr>\
             <tr><td>1</td><td>2</td></tr></table><pre>\nregel 1\n  <span class=\"redacted\">[5.1.2e]</span> x</pre>\
             <section><h2>Deel</h2>los tekst</section></body></html>",
        )
        .unwrap();
        assert_eq!(doc.lang, "nl");
        assert_eq!(doc.title, "Besluit & zo");
        let text = doc.text();
        assert!(text.contains("Gemeente\nPostbus 1\n"), "{text}");
        assert!(
            text.contains("Geachte mevrouw, vet en 'quote' €\n"),
            "{text}"
        );
        assert!(text.contains("a | b\n1 | 2\n"), "{text}");
        assert!(text.contains("regel 1\n  [5.1.2e] x"), "{text}");
        assert!(text.contains("Deel\nlos tekst\n"), "{text}");
        let Block::Pre { text } = &doc.blocks[5] else {
            panic!("{:?}", doc.blocks[5])
        };
        assert_eq!(text[1].style, Style::Redacted);
    }

    #[test]
    fn errors_name_the_problem() {
        for (xml, want) in [
            ("<html><head><title>x</title></head><body/></html>", "lang"),
            ("<html lang=\"nl\"><body/></html>", "title"),
            (
                "<html lang=\"nl\"><head><title>x</title></head><body><p>open</body></html>",
                "not well-formed",
            ),
            (
                "<html lang=\"nl\"><head><title>x</title></head><body><img src=\"data:image/png;base64,AA==\"/></body></html>",
                "alt",
            ),
            (
                "<html lang=\"nl\"><head><title>x</title></head><body><img alt=\"logo\" src=\"https://x/logo.png\"/></body></html>",
                "nothing is loaded",
            ),
        ] {
            let err = parse("t", xml).unwrap_err().to_string();
            assert!(err.contains(want), "{xml}: {err}");
        }
    }
}
