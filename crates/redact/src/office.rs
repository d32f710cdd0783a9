//! DOCX and ODT: zip packages of XML parts.
//!
//! Every XML part is rewritten (body, headers, footers, footnotes, charts, relationships), not
//! only the main document: a value found anywhere is removed. Within a paragraph the text of all
//! runs is joined first, so a value split over several runs (`<w:t>Ay</w:t><w:t>şe</w:t>`) is
//! still found; the cut then falls in each run it touches. Hidden places are emptied: comments,
//! tracked changes (insertions accepted, deletions dropped), document properties, custom XML,
//! embedded objects and thumbnails. Images are blacked out by [`MediaRule`] (see the crate docs
//! and [`media`]).

use std::collections::BTreeSet;
use std::io::{Cursor, Read, Write};

use quick_xml::events::{BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};

use crate::matcher::{Haystack, Matcher};
use crate::{Format, RedactError};

mod media;
pub(crate) use media::MediaRule;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Docx,
    Odt,
}

impl Dialect {
    fn name(self) -> &'static str {
        match self {
            Dialect::Docx => "DOCX",
            Dialect::Odt => "ODT",
        }
    }

    /// Elements removed with everything inside them.
    fn dropped(self, name: &[u8]) -> bool {
        match self {
            Dialect::Docx => matches!(
                name,
                b"w:del"
                    | b"w:moveFrom"
                    | b"w:commentRangeStart"
                    | b"w:commentRangeEnd"
                    | b"w:commentReference"
                    | b"w:annotationRef"
                    | b"w:rPrChange"
                    | b"w:pPrChange"
                    | b"w:sectPrChange"
                    | b"w:tblPrChange"
                    | b"w:trPrChange"
                    | b"w:tcPrChange"
                    | b"w:numberingChange"
                    | b"w:object"
                    | b"w:moveFromRangeStart"
                    | b"w:moveFromRangeEnd"
            ),
            Dialect::Odt => matches!(
                name,
                b"office:annotation"
                    | b"office:annotation-end"
                    | b"text:tracked-changes"
                    | b"text:change"
                    | b"text:change-start"
                    | b"text:change-end"
                    | b"draw:object"
                    | b"draw:object-ole"
            ),
        }
    }

    /// Elements replaced by their content (accepted insertions, inline custom markup).
    fn unwrapped(self, name: &[u8]) -> bool {
        self == Dialect::Docx
            && matches!(
                name,
                b"w:ins" | b"w:moveTo" | b"w:smartTag" | b"w:customXml"
            )
    }

    fn is_paragraph(self, name: &[u8]) -> bool {
        match self {
            Dialect::Docx => name == b"w:p",
            Dialect::Odt => matches!(name, b"text:p" | b"text:h"),
        }
    }

    /// Whether text directly inside `name` is document text (as opposed to field codes etc.).
    fn is_text_holder(self, name: &[u8]) -> bool {
        match self {
            Dialect::Docx => name == b"w:t",
            Dialect::Odt => true,
        }
    }

    /// Empty elements that stand for whitespace inside a paragraph.
    fn is_whitespace_element(self, name: &[u8]) -> bool {
        match self {
            Dialect::Docx => matches!(name, b"w:tab" | b"w:br" | b"w:cr"),
            Dialect::Odt => matches!(name, b"text:s" | b"text:tab" | b"text:line-break"),
        }
    }

    /// Parts removed from the package.
    fn part_removed(self, path: &str) -> bool {
        match self {
            Dialect::Docx => {
                path.starts_with("customXml/")
                    || path.starts_with("word/embeddings/")
                    || path.starts_with("docProps/thumbnail")
                    || matches!(
                        path,
                        "word/comments.xml"
                            | "word/commentsExtended.xml"
                            | "word/commentsIds.xml"
                            | "word/commentsExtensible.xml"
                            | "word/people.xml"
                            | "docProps/custom.xml"
                    )
            }
            Dialect::Odt => {
                path.starts_with("Thumbnails/")
                    || path.starts_with("Object ")
                    || path.starts_with("ObjectReplacements/")
                    || path == "layout-cache"
            }
        }
    }

    /// Parts replaced by an empty version of themselves.
    fn part_emptied(self, path: &str) -> Option<&'static str> {
        match (self, path) {
            (Dialect::Docx, "docProps/core.xml") => Some(EMPTY_CORE),
            (Dialect::Docx, "docProps/app.xml") => Some(EMPTY_APP),
            (Dialect::Odt, "meta.xml") => Some(EMPTY_META),
            _ => None,
        }
    }
}

const EMPTY_CORE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></cp:coreProperties>"#;
const EMPTY_APP: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>"#;
const EMPTY_META: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"><office:meta/></office:document-meta>"#;

/// Relationship types whose targets are removed parts.
const REMOVED_RELATIONSHIP_SUFFIXES: &[&str] = &[
    "/comments",
    "/commentsExtended",
    "/commentsIds",
    "/commentsExtensible",
    "/people",
    "/customXml",
    "/oleObject",
    "/package",
    "/custom-properties",
    "/thumbnail",
];

/// Recognises DOCX and ODT packages.
pub(crate) fn sniff(bytes: &[u8]) -> Option<Format> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    if zip.by_name("word/document.xml").is_ok() {
        return Some(Format::Docx);
    }
    let mut mimetype = String::new();
    zip.by_name("mimetype")
        .ok()?
        .read_to_string(&mut mimetype)
        .ok()?;
    (mimetype.trim() == "application/vnd.oasis.opendocument.text").then_some(Format::Odt)
}

pub(crate) fn redact(
    original: &[u8],
    matcher: &Matcher,
    dialect: Dialect,
    rule: MediaRule,
) -> Result<Vec<u8>, RedactError> {
    let malformed = |reason: String| RedactError::Malformed {
        format: dialect.name(),
        reason,
    };
    let mut zip =
        zip::ZipArchive::new(Cursor::new(original)).map_err(|e| malformed(e.to_string()))?;
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    let removed: BTreeSet<String> = names
        .iter()
        .filter(|n| dialect.part_removed(n))
        .cloned()
        .collect();
    let mut located = vec![false; matcher.value_count()];

    // Read and rewrite every part first: which images go depends on all XML parts.
    let mut parts: Vec<(String, Vec<u8>)> = Vec::with_capacity(zip.len());
    // Per XML part: the image references in paragraphs where a value was removed.
    let mut flagged: Vec<(String, Vec<String>)> = Vec::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).map_err(|e| malformed(e.to_string()))?;
        let name = file
            .name()
            .map_err(|e| malformed(e.to_string()))?
            .into_owned();
        if removed.contains(&name) || file.is_dir() {
            continue;
        }
        let mut data = Vec::new();
        file.read_to_end(&mut data)
            .map_err(|e| malformed(format!("part {i}: {e}")))?;
        drop(file);
        let data = if let Some(empty) = dialect.part_emptied(&name) {
            empty.as_bytes().to_vec()
        } else if name.ends_with(".xml") || name.ends_with(".rels") {
            let (data, refs) = redact_part(&data, dialect, matcher, &mut located, &removed)
                .map_err(|reason| malformed(format!("part {i}: {reason}")))?;
            if !refs.is_empty() {
                flagged.push((name.clone(), refs));
            }
            data
        } else {
            data
        };
        parts.push((name, data));
    }
    let replaced = replaced_media(&parts, &flagged, dialect, rule);

    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    // ODF requires `mimetype` first and stored; keep the original order for everything.
    for (name, data) in parts {
        let data = if replaced.contains(&name) {
            let (w, h) = media::pixel_size(&data).unwrap_or((1, 1));
            media::black_png(w, h)
        } else if replaced.is_empty() {
            data
        } else if name == "[Content_Types].xml" {
            media::content_types(&data, &replaced)
        } else if name == "META-INF/manifest.xml" {
            media::manifest(&data, &replaced)
        } else {
            data
        };
        let method = if name == "mimetype" {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        out.start_file(name.as_str(), options)
            .map_err(|e| malformed(e.to_string()))?;
        out.write_all(&data).map_err(|e| malformed(e.to_string()))?;
    }
    let cursor = out.finish().map_err(|e| malformed(e.to_string()))?;
    Ok(cursor.into_inner())
}

/// The image parts to replace by black ones.
fn replaced_media(
    parts: &[(String, Vec<u8>)],
    flagged: &[(String, Vec<String>)],
    dialect: Dialect,
    rule: MediaRule,
) -> BTreeSet<String> {
    let media: BTreeSet<&str> = parts
        .iter()
        .map(|(name, _)| name.as_str())
        .filter(|n| media::is_media(n))
        .collect();
    if rule == MediaRule::All {
        return media.into_iter().map(str::to_string).collect();
    }
    let mut out = BTreeSet::new();
    for (part, refs) in flagged {
        match dialect {
            // DOCX refers by relationship id, resolved in the part's own relationships.
            Dialect::Docx => {
                let rels_name = media::rels_of(part);
                let Some((_, rels)) = parts.iter().find(|(n, _)| *n == rels_name) else {
                    continue;
                };
                for (id, target) in media::relationships(rels) {
                    let path = media::resolve_target(part, &target);
                    if refs.contains(&id) && media.contains(path.as_str()) {
                        out.insert(path);
                    }
                }
            }
            // ODF refers by path inside the package.
            Dialect::Odt => {
                for r in refs {
                    let path = r.trim_start_matches("./");
                    if media.contains(path) {
                        out.insert(path.to_string());
                    }
                }
            }
        }
    }
    out
}

/// Attributes by which a DOCX or ODT element refers to an image.
fn image_refs(start: &BytesStart<'_>, into: &mut Vec<String>) {
    for attr in start.attributes().flatten() {
        if matches!(
            attr.key.as_ref(),
            b"r:embed" | b"r:link" | b"r:id" | b"xlink:href"
        ) {
            if let Ok(v) = attr.unescape_value() {
                into.push(v.into_owned());
            }
        }
    }
}

/// Whether a package bookkeeping element points at a removed part.
fn refers_to_removed(start: &BytesStart<'_>, removed: &BTreeSet<String>) -> bool {
    let name = start.name();
    let name = name.as_ref();
    let attr = |key: &[u8]| {
        start
            .attributes()
            .flatten()
            .find(|a| a.key.as_ref() == key)
            .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
    };
    match name {
        b"Relationship" => attr(b"Type")
            .is_some_and(|t| REMOVED_RELATIONSHIP_SUFFIXES.iter().any(|s| t.ends_with(s))),
        b"Override" => {
            attr(b"PartName").is_some_and(|p| removed.contains(p.trim_start_matches('/')))
        }
        b"manifest:file-entry" => attr(b"manifest:full-path").is_some_and(|p| {
            removed.contains(&p)
                || removed
                    .iter()
                    .any(|r| r.starts_with(p.as_str()) && p.ends_with('/'))
        }),
        _ => false,
    }
}

/// One XML part: drop hidden elements, then remove values from paragraphs, loose text and
/// attribute values. Also returns the image references (relationship ids or paths) found in
/// paragraphs where a value was removed.
fn redact_part(
    xml: &[u8],
    dialect: Dialect,
    matcher: &Matcher,
    located: &mut [bool],
    removed: &BTreeSet<String>,
) -> Result<(Vec<u8>, Vec<String>), String> {
    // Pass 1: read, dropping and unwrapping.
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut events: Vec<Event<'static>> = Vec::new();
    let mut skip_depth = 0usize;
    let mut unwrap_stack: Vec<bool> = Vec::new();
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("XML error at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Eof => break,
            Event::Start(ref s) if skip_depth > 0 => {
                let _ = s;
                skip_depth += 1;
            }
            Event::End(_) if skip_depth > 0 => skip_depth -= 1,
            _ if skip_depth > 0 => {}
            Event::Start(s) => {
                if dialect.dropped(s.name().as_ref()) || refers_to_removed(&s, removed) {
                    skip_depth = 1;
                    continue;
                }
                let unwrap = dialect.unwrapped(s.name().as_ref());
                unwrap_stack.push(unwrap);
                if !unwrap {
                    events.push(Event::Start(s.into_owned()));
                }
            }
            Event::End(e) => {
                if !unwrap_stack.pop().unwrap_or(false) {
                    events.push(Event::End(e.into_owned()));
                }
            }
            Event::Empty(s) => {
                if !(dialect.dropped(s.name().as_ref()) || refers_to_removed(&s, removed)) {
                    events.push(Event::Empty(s.into_owned()));
                }
            }
            Event::Comment(_) => {}
            other => events.push(other.into_owned()),
        }
        buf.clear();
    }

    // Pass 2: collect paragraph text; remember which text events belong to which paragraph.
    let mut replacements: Vec<Option<String>> = vec![None; events.len()];
    let mut frames: Vec<Vec<(Option<usize>, String)>> = Vec::new();
    let mut holder_depth = 0usize;
    for (idx, event) in events.iter().enumerate() {
        match event {
            Event::Start(s) if dialect.is_paragraph(s.name().as_ref()) => frames.push(Vec::new()),
            Event::End(e) if dialect.is_paragraph(e.name().as_ref()) => {
                if let Some(frame) = frames.pop() {
                    redact_frame(&frame, matcher, located, &mut replacements);
                }
            }
            Event::Start(s) if dialect.is_text_holder(s.name().as_ref()) => holder_depth += 1,
            Event::End(e) if dialect.is_text_holder(e.name().as_ref()) => {
                holder_depth = holder_depth.saturating_sub(1)
            }
            Event::Empty(s) if dialect.is_whitespace_element(s.name().as_ref()) => {
                if let Some(frame) = frames.last_mut() {
                    frame.push((None, " ".to_string()));
                }
            }
            Event::Text(t) => {
                let text = t
                    .unescape()
                    .map_err(|e| format!("bad text: {e}"))?
                    .into_owned();
                match frames.last_mut() {
                    Some(frame) if holder_depth > 0 => frame.push((Some(idx), text)),
                    _ => {
                        let redacted = matcher.redact_str(&text, located);
                        if redacted != text {
                            replacements[idx] = Some(redacted);
                        }
                    }
                }
            }
            Event::CData(c) => {
                let text = String::from_utf8_lossy(c).into_owned();
                let redacted = matcher.redact_str(&text, located);
                if redacted != text {
                    replacements[idx] = Some(redacted);
                }
            }
            _ => {}
        }
    }
    for frame in frames {
        redact_frame(&frame, matcher, located, &mut replacements);
    }

    // Pass 3: write, with redacted text and attribute values; per open paragraph, whether a
    // value was removed in it and the images it anchors (a nested paragraph's count for the
    // outer one too).
    let mut writer = Writer::new(Vec::with_capacity(xml.len()));
    let mut paragraphs: Vec<(bool, Vec<String>)> = Vec::new();
    let mut flagged = Vec::new();
    for (idx, event) in events.into_iter().enumerate() {
        let event = match (event, replacements[idx].take()) {
            (Event::Text(_), Some(text)) | (Event::CData(_), Some(text)) => {
                if let Some(p) = paragraphs.last_mut() {
                    p.0 = true;
                }
                Event::Text(BytesText::new(&text).into_owned())
            }
            (Event::Start(s), _) => {
                let is_paragraph = dialect.is_paragraph(s.name().as_ref());
                if is_paragraph {
                    paragraphs.push((false, Vec::new()));
                }
                Event::Start(write_start(s, dialect, matcher, located, &mut paragraphs))
            }
            (Event::Empty(s), _) => {
                Event::Empty(write_start(s, dialect, matcher, located, &mut paragraphs))
            }
            (Event::End(e), _) => {
                if dialect.is_paragraph(e.name().as_ref()) {
                    if let Some((hit, refs)) = paragraphs.pop() {
                        if hit {
                            flagged.extend(refs.iter().cloned());
                        }
                        if let Some(outer) = paragraphs.last_mut() {
                            outer.1.extend(refs);
                        }
                    }
                }
                Event::End(e)
            }
            (event, _) => event,
        };
        writer
            .write_event(event)
            .map_err(|e| format!("write: {e}"))?;
    }
    Ok((writer.into_inner(), flagged))
}

/// Removes values from one paragraph's text segments, cutting across segments.
fn redact_frame(
    frame: &[(Option<usize>, String)],
    matcher: &Matcher,
    located: &mut [bool],
    replacements: &mut [Option<String>],
) {
    let mut units = Vec::new();
    let mut offset = 0;
    for (_, text) in frame {
        for (i, c) in text.char_indices() {
            units.push((offset + i, offset + i + c.len_utf8(), c));
        }
        offset += text.len();
    }
    let ranges = matcher.find(&Haystack::from_units(units), located);
    if ranges.is_empty() {
        return;
    }
    let mut seg_start = 0;
    for (event_idx, text) in frame {
        let seg_end = seg_start + text.len();
        let mut out = String::with_capacity(text.len());
        let mut changed = false;
        for (i, c) in text.char_indices() {
            let at = seg_start + i;
            match ranges.iter().find(|r| r.0 <= at && at < r.1) {
                Some(r) => {
                    changed = true;
                    if r.0 == at {
                        out.push_str(&r.2.render());
                    }
                }
                None => out.push(c),
            }
        }
        if changed {
            if let Some(idx) = event_idx {
                replacements[*idx] = Some(out);
            }
        }
        seg_start = seg_end;
    }
}

/// [`redact_attributes`], noting image references and removed values for the open paragraph.
fn write_start(
    start: BytesStart<'static>,
    dialect: Dialect,
    matcher: &Matcher,
    located: &mut [bool],
    paragraphs: &mut [(bool, Vec<String>)],
) -> BytesStart<'static> {
    let (new, changed) = redact_attributes(start, dialect, matcher, located);
    if let Some((hit, refs)) = paragraphs.last_mut() {
        *hit |= changed;
        image_refs(&new, refs);
    }
    new
}

/// Redacts attribute values (alt texts, titles, hyperlink targets); adds `xml:space="preserve"`
/// to DOCX text runs, whose edges may now start or end with a space. Also says whether a value
/// was removed.
fn redact_attributes(
    start: BytesStart<'static>,
    dialect: Dialect,
    matcher: &Matcher,
    located: &mut [bool],
) -> (BytesStart<'static>, bool) {
    let is_run_text = dialect == Dialect::Docx && start.name().as_ref() == b"w:t";
    let mut changed = false;
    let mut attributes: Vec<(Vec<u8>, String)> = Vec::new();
    let mut has_space = false;
    for attr in start.attributes().flatten() {
        let key = attr.key.as_ref().to_vec();
        let value = attr
            .unescape_value()
            .map(|v| v.into_owned())
            .unwrap_or_else(|_| String::from_utf8_lossy(&attr.value).into_owned());
        has_space |= key == b"xml:space";
        let redacted = if key.starts_with(b"xmlns") {
            value
        } else {
            let r = matcher.redact_str(&value, located);
            changed |= r != value;
            r
        };
        attributes.push((key, redacted));
    }
    let needs_space = is_run_text && !has_space;
    if !changed && !needs_space {
        return (start, false);
    }
    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
    let mut new = BytesStart::new(name);
    for (key, value) in &attributes {
        let key = String::from_utf8_lossy(key);
        new.push_attribute((key.as_ref(), value.as_str()));
    }
    if is_run_text && !has_space {
        new.push_attribute(("xml:space", "preserve"));
    }
    (new, changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Grounds, Span};

    fn matcher() -> Matcher {
        let text = "Ayşe Doğan";
        Matcher::new(
            text,
            &[Span::new(0, text.len(), "person")],
            &Grounds::woo_default(),
        )
    }

    fn part(xml: &str, dialect: Dialect) -> String {
        let mut located = vec![false];
        let out = redact_part(
            xml.as_bytes(),
            dialect,
            &matcher(),
            &mut located,
            &BTreeSet::new(),
        )
        .unwrap()
        .0;
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn docx_runs_are_cut_across() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>Mevrouw Ay</w:t></w:r><w:r><w:t>şe Do</w:t></w:r><w:r><w:t xml:space="preserve">ğan kwam</w:t></w:r></w:p></w:body></w:document>"#;
        let out = part(xml, Dialect::Docx);
        assert!(!out.contains("Ay") && !out.contains("ğan"), "{out}");
        assert!(out.contains("Mevrouw [5.1.2e]"), "{out}");
        assert!(out.contains(" kwam"), "{out}");
    }

    #[test]
    fn docx_tracked_changes_and_comments() {
        let xml = r#"<w:p><w:commentRangeStart w:id="1"/><w:del><w:r><w:delText>geheim</w:delText></w:r></w:del><w:ins><w:r><w:t>nieuw</w:t></w:r></w:ins><w:r><w:commentReference w:id="1"/></w:r><w:r><w:drawing><wp:docPr id="1" descr="foto Ayşe Doğan"/></w:drawing></w:r></w:p>"#;
        let out = part(xml, Dialect::Docx);
        assert!(
            !out.contains("geheim") && !out.contains("w:ins") && !out.contains("comment"),
            "{out}"
        );
        assert!(
            out.contains("nieuw") && out.contains("descr=\"foto [5.1.2e]\""),
            "{out}"
        );
    }

    #[test]
    fn odt_spans_and_annotations() {
        let xml = r#"<office:text><text:p>Door <text:span>Ayşe</text:span><text:s/>Doğan.<office:annotation><text:p>notitie</text:p></office:annotation></text:p><text:tracked-changes><text:changed-region><text:deletion><text:p>oud</text:p></text:deletion></text:changed-region></text:tracked-changes></office:text>"#;
        let out = part(xml, Dialect::Odt);
        assert!(
            !out.contains("Ayşe") && !out.contains("notitie") && !out.contains("oud"),
            "{out}"
        );
        assert!(
            out.contains("Door <text:span>[5.1.2e]</text:span><text:s/>."),
            "{out}"
        );
    }
}
