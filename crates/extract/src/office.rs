//! Office documents: DOCX (WordprocessingML), ODT (OpenDocument text) and XLSX (via `calamine`).
//!
//! The text is the body in reading order, then — after a separator line — the parts a reader
//! may not see at once but that hold personal data all the same: headers and footers, footnotes,
//! comments (with their authors) and the document properties (author, last editor, title).

use std::borrow::Cow;
use std::io::Cursor;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::archive::{self, Budget, Zip};
use crate::{DocType, ExtractError, Extracted, Limits, CFB_MAGIC};

/// Put between the body and the other parts of an office document.
pub(crate) const SECTION_SEPARATOR: &str = "----------\n";

/// Tells office files from plain archives by the start of a ZIP (local headers of its first
/// members).
pub(crate) fn sniff_zip_head(head: &[u8]) -> Option<DocType> {
    if crate::memfind(head, b"mimetypeapplication/vnd.oasis.opendocument.text").is_some() {
        return Some(DocType::Odt);
    }
    if crate::memfind(head, b"[Content_Types].xml").is_some() {
        if crate::memfind(head, b"word/").is_some() {
            return Some(DocType::Docx);
        }
        if crate::memfind(head, b"xl/").is_some() {
            return Some(DocType::Xlsx);
        }
    }
    None
}

/// Tells office files from plain archives by the member list.
pub(crate) fn sniff_zip(bytes: &[u8]) -> Option<DocType> {
    let zip = archive::open(bytes, "ZIP").ok()?;
    let has = |name: &str| zip.index_for_name(name).is_some();
    if has("word/document.xml") {
        Some(DocType::Docx)
    } else if has("xl/workbook.xml") {
        Some(DocType::Xlsx)
    } else if has("content.xml") && has("mimetype") {
        Some(DocType::Odt)
    } else {
        Some(DocType::Zip)
    }
}

/// An OOXML file that is a CFB container is encrypted (ECMA-376 agile/standard encryption puts
/// the package in an `EncryptedPackage` stream).
fn check_cfb(bytes: &[u8], format: &'static str) -> Result<(), ExtractError> {
    if !bytes.starts_with(CFB_MAGIC) {
        return Ok(());
    }
    match cfb::CompoundFile::open(Cursor::new(bytes)) {
        Ok(c) if c.is_stream("/EncryptedPackage") => Err(ExtractError::Encrypted { format }),
        Ok(c) if c.is_stream("/WordDocument") => Err(ExtractError::Unsupported {
            what: "legacy Word 97-2003 document",
        }),
        Ok(c) if c.is_stream("/Workbook") || c.is_stream("/Book") => {
            Err(ExtractError::Unsupported {
                what: "legacy Excel 97-2003 workbook",
            })
        }
        Ok(_) => Err(ExtractError::corrupt(
            format,
            "compound file without an office package",
        )),
        Err(_) => Err(ExtractError::corrupt(format, "damaged compound file")),
    }
}

fn read_part(
    zip: &mut Zip<'_>,
    name: &str,
    limits: &Limits,
    budget: &mut Budget,
    format: &'static str,
) -> Result<Option<String>, ExtractError> {
    let Some(index) = zip.index_for_name(name) else {
        return Ok(None);
    };
    let bytes = archive::read_member(zip, index, limits, budget, format)?;
    Ok(Some(xml_to_string(bytes, format)?))
}

fn xml_to_string(bytes: Vec<u8>, format: &'static str) -> Result<String, ExtractError> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(&bytes) {
        if enc != encoding_rs::UTF_8 {
            let (s, _) = enc.decode_without_bom_handling(&bytes[bom..]);
            return Ok(s.into_owned());
        }
    }
    String::from_utf8(bytes).map_err(|e| {
        ExtractError::corrupt(
            format,
            format!(
                "XML part is not UTF-8 at byte {}",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// The members of an archive whose names match, in name order (header1, header2, …).
fn members_matching(zip: &Zip<'_>, pred: impl Fn(&str) -> bool) -> Vec<String> {
    let mut names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| pred(n))
        .map(Cow::into_owned)
        .collect();
    names.sort();
    names
}

/// One step of an XML walk, with namespace prefixes stripped.
enum Step<'a, 'e> {
    Open(&'a str, &'a BytesStart<'e>),
    Close(&'a str),
    /// An empty element: `Open` and `Close` at once.
    Empty(&'a str, &'a BytesStart<'e>),
    Text(&'a str),
}

/// Walks an XML document, resolving entity references into text.
fn walk_xml(
    xml: &str,
    format: &'static str,
    mut f: impl FnMut(Step<'_, '_>),
) -> Result<(), ExtractError> {
    let mut reader = Reader::from_str(xml);
    loop {
        let event = reader.read_event().map_err(|e| {
            ExtractError::corrupt(
                format,
                format!(
                    "malformed XML near byte {} ({})",
                    reader.error_position(),
                    xml_error_kind(&e)
                ),
            )
        })?;
        match event {
            Event::Start(e) => {
                let q = e.name();
                let name = local(q.as_ref());
                f(Step::Open(name, &e));
            }
            Event::Empty(e) => {
                let q = e.name();
                let name = local(q.as_ref());
                f(Step::Empty(name, &e));
            }
            Event::End(e) => {
                let q = e.name();
                f(Step::Close(local(q.as_ref())));
            }
            Event::Text(t) => f(Step::Text(&t.xml10_content())),
            Event::CData(t) => f(Step::Text(&t.xml10_content())),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*r {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    let mut buf = [0u8; 4];
                    f(Step::Text(c.encode_utf8(&mut buf)));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// Error kinds only: quick-xml messages can quote element content.
fn xml_error_kind(e: &quick_xml::Error) -> &'static str {
    match e {
        quick_xml::Error::Io(_) => "read error",
        quick_xml::Error::Syntax(_) => "syntax error",
        quick_xml::Error::IllFormed(_) => "ill-formed",
        quick_xml::Error::Encoding(_) => "encoding error",
        quick_xml::Error::Escape(_) => "bad escape",
        _ => "parse error",
    }
}

fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, l)| l)
}

fn attr_value(e: &BytesStart<'_>, local_name: &str) -> Option<String> {
    e.attributes().filter_map(Result::ok).find_map(|a| {
        (local(a.key.as_ref()) == local_name)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(Cow::into_owned)
            })
            .flatten()
    })
}

/// Text of a WordprocessingML part: paragraphs on their own lines, tabs and breaks kept,
/// deleted (tracked) text included because it is still in the file, field codes and the
/// fallback copies of text boxes left out.
fn wordml_text(xml: &str, out: &mut String) -> Result<(), ExtractError> {
    let mut in_text = 0usize;
    let mut in_fallback = 0usize;
    let mut comment_open = false;
    walk_xml(xml, "DOCX", |step| match step {
        Step::Open(name, e) => match name {
            "t" | "delText" if in_fallback == 0 => in_text += 1,
            "Fallback" => in_fallback += 1,
            "comment" if in_fallback == 0 => {
                comment_open = true;
                if let Some(author) = attr_value(e, "author").filter(|a| !a.is_empty()) {
                    out.push_str("Opmerking van ");
                    out.push_str(&author);
                    out.push_str(":\n");
                }
            }
            _ => {}
        },
        Step::Empty(name, _) if in_fallback == 0 => match name {
            "tab" | "ptab" => out.push('\t'),
            "br" | "cr" => out.push('\n'),
            "noBreakHyphen" => out.push('-'),
            "p" => out.push('\n'),
            _ => {}
        },
        Step::Empty(..) => {}
        Step::Close(name) => match name {
            "t" | "delText" if in_fallback == 0 => in_text = in_text.saturating_sub(1),
            "Fallback" => in_fallback = in_fallback.saturating_sub(1),
            "p" if in_fallback == 0 => out.push('\n'),
            "comment" if comment_open => comment_open = false,
            _ => {}
        },
        Step::Text(t) => {
            if in_text > 0 && in_fallback == 0 {
                out.push_str(t);
            }
        }
    })
}

/// Core properties (`docProps/core.xml`, ODF `meta.xml`): who wrote and edited it, its title.
fn properties_text(xml: &str, format: &'static str, out: &mut String) -> Result<(), ExtractError> {
    let mut current: Option<&'static str> = None;
    let mut lines: Vec<(&'static str, String)> = Vec::new();
    walk_xml(xml, format, |step| match step {
        Step::Open(name, _) => {
            current = match name {
                "title" => Some("Titel"),
                "subject" => Some("Onderwerp"),
                "creator" | "initial-creator" => Some("Auteur"),
                "lastModifiedBy" => Some("Laatst gewijzigd door"),
                "description" => Some("Omschrijving"),
                "keywords" | "keyword" => Some("Trefwoorden"),
                _ => None,
            };
            if let Some(label) = current {
                lines.push((label, String::new()));
            }
        }
        Step::Close(_) => current = None,
        Step::Text(t) => {
            if current.is_some() {
                if let Some((_, v)) = lines.last_mut() {
                    v.push_str(t);
                }
            }
        }
        Step::Empty(..) => {}
    })?;
    let mut seen: Vec<(&str, String)> = Vec::new();
    for (label, value) in lines {
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() || seen.iter().any(|(l, v)| *l == label && *v == value) {
            continue;
        }
        out.push_str(label);
        out.push_str(": ");
        out.push_str(&value);
        out.push('\n');
        seen.push((label, value));
    }
    Ok(())
}

pub(crate) fn extract_docx(bytes: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    check_cfb(bytes, "DOCX")?;
    let mut zip = archive::open(bytes, "DOCX")?;
    let mut budget = Budget { expanded: 0 };
    let body = read_part(&mut zip, "word/document.xml", limits, &mut budget, "DOCX")?
        .ok_or_else(|| ExtractError::corrupt("DOCX", "word/document.xml not found"))?;
    let mut text = String::new();
    wordml_text(&body, &mut text)?;
    drop(body);

    let mut extra = String::new();
    let parts = members_matching(&zip, |n| {
        let Some(file) = n.strip_prefix("word/") else {
            return false;
        };
        (file.starts_with("header") || file.starts_with("footer")) && file.ends_with(".xml")
            || matches!(file, "footnotes.xml" | "endnotes.xml" | "comments.xml")
    });
    for part in parts {
        if let Some(xml) = read_part(&mut zip, &part, limits, &mut budget, "DOCX")? {
            let before = extra.len();
            wordml_text(&xml, &mut extra)?;
            if extra[before..].trim().is_empty() {
                extra.truncate(before);
            }
        }
    }
    if let Some(xml) = read_part(&mut zip, "docProps/core.xml", limits, &mut budget, "DOCX")? {
        properties_text(&xml, "DOCX", &mut extra)?;
    }
    Ok(finish(DocType::Docx, text, extra))
}

fn finish(doc_type: DocType, mut text: String, extra: String) -> Extracted {
    let extra = extra.trim_matches('\n');
    if !extra.is_empty() {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(SECTION_SEPARATOR);
        text.push_str(extra);
        text.push('\n');
    }
    Extracted::new(doc_type, text)
}

/// Text of an ODF part: `text:p`/`text:h` on their own lines, `text:s` spaces, tabs, line
/// breaks; whitespace inside paragraphs collapsed as ODF prescribes. With `only_in`, text is
/// only taken inside those elements (headers and footers of `styles.xml`).
fn odf_text(xml: &str, only_in: &[&str], out: &mut String) -> Result<(), ExtractError> {
    let mut para = 0usize;
    let mut inside = if only_in.is_empty() { 1usize } else { 0 };
    walk_xml(xml, "ODT", |step| match step {
        Step::Open(name, _) => {
            if only_in.contains(&name) {
                inside += 1;
            }
            if matches!(name, "p" | "h") {
                para += 1;
            }
        }
        Step::Close(name) => {
            if only_in.contains(&name) {
                inside = inside.saturating_sub(1);
            }
            if matches!(name, "p" | "h") {
                para = para.saturating_sub(1);
                if inside > 0 {
                    out.push('\n');
                }
            }
        }
        Step::Empty(name, e) if inside > 0 && para > 0 => match name {
            "s" => {
                let n = attr_value(e, "c")
                    .and_then(|c| c.parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(1000);
                out.extend(std::iter::repeat_n(' ', n));
            }
            "tab" => out.push('\t'),
            "line-break" => out.push('\n'),
            _ => {}
        },
        Step::Empty(name, _) if inside > 0 && matches!(name, "p" | "h") => out.push('\n'),
        Step::Empty(..) => {}
        Step::Text(t) => {
            if inside > 0 && para > 0 {
                let mut last_space = out.ends_with(' ');
                for c in t.chars() {
                    if matches!(c, ' ' | '\t' | '\n' | '\r') {
                        if !last_space {
                            out.push(' ');
                        }
                        last_space = true;
                    } else {
                        out.push(c);
                        last_space = false;
                    }
                }
            }
        }
    })
}

pub(crate) fn extract_odt(bytes: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let mut zip = archive::open(bytes, "ODT")?;
    let mut budget = Budget { expanded: 0 };
    if let Some(manifest) = read_part(
        &mut zip,
        "META-INF/manifest.xml",
        limits,
        &mut budget,
        "ODT",
    )? {
        if manifest.contains("encryption-data") {
            return Err(ExtractError::Encrypted { format: "ODT" });
        }
    }
    let content = read_part(&mut zip, "content.xml", limits, &mut budget, "ODT")?
        .ok_or_else(|| ExtractError::corrupt("ODT", "content.xml not found"))?;
    let mut text = String::new();
    odf_text(&content, &["body"], &mut text)?;
    drop(content);
    let mut extra = String::new();
    if let Some(styles) = read_part(&mut zip, "styles.xml", limits, &mut budget, "ODT")? {
        odf_text(
            &styles,
            &[
                "header",
                "footer",
                "header-left",
                "footer-left",
                "header-first",
                "footer-first",
            ],
            &mut extra,
        )?;
    }
    if let Some(meta) = read_part(&mut zip, "meta.xml", limits, &mut budget, "ODT")? {
        properties_text(&meta, "ODT", &mut extra)?;
    }
    Ok(finish(DocType::Odt, text, extra))
}

pub(crate) fn extract_xlsx(bytes: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    use calamine::{Data, Reader as _, Xlsx};
    check_cfb(bytes, "XLSX")?;
    // calamine reads the archive itself; make sure first that no member is a bomb.
    let mut zip = archive::open(bytes, "XLSX")?;
    archive::check_members(&mut zip, limits, "XLSX")?;
    drop(zip);

    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|_| ExtractError::corrupt("XLSX", "workbook structure unreadable"))?;
    let mut text = String::new();
    let mut warnings = Vec::new();
    for (n, sheet) in wb.sheet_names().into_iter().enumerate() {
        let range = match wb.worksheet_range(&sheet) {
            Ok(r) => r,
            Err(_) => {
                warnings.push(format!("sheet {} unreadable, skipped", n + 1));
                continue;
            }
        };
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str("# ");
        text.push_str(&sheet);
        text.push('\n');
        for row in range.rows() {
            let cells: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::String(s) => s.replace(['\t', '\n', '\r'], " "),
                    Data::Float(f) => format_float(*f),
                    Data::Int(i) => i.to_string(),
                    Data::Bool(b) => if *b { "WAAR" } else { "ONWAAR" }.to_owned(),
                    Data::DateTime(d) if d.is_datetime() => format_excel_date(d.as_f64()),
                    Data::DateTime(d) => format_float(d.as_f64()),
                    Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
                    Data::Error(e) => format!("#{e:?}"),
                })
                .collect();
            let line = cells.join("\t");
            let line = line.trim_end_matches('\t');
            if !line.is_empty() {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    let mut out = Extracted::new(DocType::Xlsx, text);
    out.warnings = warnings;
    Ok(out)
}

fn format_float(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// Excel serial date (1900 system, days since 1899-12-30) → `dd-mm-jjjj[ uu:mm]`, the way Dutch
/// documents write dates.
fn format_excel_date(serial: f64) -> String {
    if !(0.0..3_000_000.0).contains(&serial) {
        return format_float(serial);
    }
    let days = serial.floor() as i64;
    let (y, m, d) = civil_from_days(days - 25569); // 25569 = days from 1899-12-30 to 1970-01-01
    let secs = ((serial - serial.floor()) * 86400.0).round() as i64;
    if secs == 0 {
        format!("{d:02}-{m:02}-{y:04}")
    } else {
        format!(
            "{d:02}-{m:02}-{y:04} {:02}:{:02}",
            secs / 3600,
            secs % 3600 / 60
        )
    }
}

/// Days since 1970-01-01 → (year, month, day), Howard Hinnant's algorithm.
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_dates() {
        assert_eq!(format_excel_date(45292.0), "01-01-2024");
        assert_eq!(format_excel_date(31107.0), "01-03-1985");
        assert_eq!(format_excel_date(45292.5), "01-01-2024 12:00");
    }

    #[test]
    fn wordml_paragraphs_tabs_and_fallback() {
        let xml = r#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body>
            <w:p><w:r><w:t>Jan</w:t><w:tab/><w:t xml:space="preserve"> de Vries &amp; co</w:t></w:r></w:p>
            <w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p>
            <mc:AlternateContent><mc:Choice><w:t>box</w:t></mc:Choice><mc:Fallback><w:t>box</w:t></mc:Fallback></mc:AlternateContent>
            <w:p/></w:body></w:document>"#;
        let mut out = String::new();
        wordml_text(xml, &mut out).unwrap();
        assert_eq!(out, "Jan\t de Vries & co\na\nb\nbox\n");
    }
}
