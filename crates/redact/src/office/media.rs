//! Images in DOCX and ODT packages: which are blacked out, and the black PNG put in their place.
//!
//! The rule (see the crate docs): when the redaction removes persons, every image is replaced —
//! a photo is personal data of whoever is on it, and nothing here can tell a face from a logo;
//! otherwise only images anchored in a paragraph where a value was removed (from its text or
//! from the image's own description) are replaced. The part keeps its name and relationship, so
//! the document opens with a black area where the image was; its content type is set to PNG.

use std::collections::BTreeSet;
use std::io::Write;

/// Which images are replaced by black ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MediaRule {
    /// Every image part.
    All,
    /// Images anchored in a paragraph in which a value was removed.
    NearValues,
}

/// Whether a package part is an image (or other embedded picture data).
pub(super) fn is_media(path: &str) -> bool {
    path.starts_with("word/media/")
        || path.starts_with("word/glossary/media/")
        || path.starts_with("Pictures/")
}

/// The pixel size of a PNG, JPEG, GIF or BMP; `None` for others (vector formats, TIFF).
pub(super) fn pixel_size(data: &[u8]) -> Option<(u32, u32)> {
    let be32 = |at: usize| {
        data.get(at..at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let be16 = |at: usize| {
        data.get(at..at + 2)
            .map(|b| u32::from(b[0]) << 8 | u32::from(b[1]))
    };
    let le16 = |at: usize| {
        data.get(at..at + 2)
            .map(|b| u32::from(b[1]) << 8 | u32::from(b[0]))
    };
    let le32 = |at: usize| {
        data.get(at..at + 4)
            .map(|b| i32::from_le_bytes([b[0], b[1], b[2], b[3]]).unsigned_abs())
    };
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some((be32(16)?, be32(20)?));
    }
    if data.starts_with(b"GIF8") {
        return Some((le16(6)?, le16(8)?));
    }
    if data.starts_with(b"BM") {
        return Some((le32(18)?, le32(22)?));
    }
    if data.starts_with(&[0xff, 0xd8]) {
        // Walk the markers to the first start-of-frame.
        let mut at = 2;
        while at + 4 <= data.len() {
            if data[at] != 0xff {
                return None;
            }
            let marker = data[at + 1];
            if marker == 0xff {
                at += 1;
                continue;
            }
            let len = be16(at + 2)? as usize;
            if matches!(marker, 0xc0..=0xcf) && !matches!(marker, 0xc4 | 0xc8 | 0xcc) {
                return Some((be16(at + 7)?, be16(at + 5)?));
            }
            at += 2 + len;
        }
    }
    None
}

/// A black PNG of `width` × `height` pixels (1-bit grey), both capped to 4096.
pub(super) fn black_png(width: u32, height: u32) -> Vec<u8> {
    let (w, h) = (width.clamp(1, 4096), height.clamp(1, 4096));
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    // Bit depth 1, colour type 0 (grey), deflate, adaptive filtering, no interlace.
    ihdr.extend_from_slice(&[1, 0, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    let row = vec![0u8; 1 + (w as usize).div_ceil(8)];
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    for _ in 0..h {
        // Writing into a Vec cannot fail.
        let _ = encoder.write_all(&row);
    }
    let idat = encoder.finish().unwrap_or_default();
    chunk(&mut png, b"IDAT", &idat);
    chunk(&mut png, b"IEND", &[]);
    png
}

fn chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    png.extend_from_slice(&(data.len() as u32).to_be_bytes());
    png.extend_from_slice(kind);
    png.extend_from_slice(data);
    let mut crc = flate2::Crc::new();
    crc.update(kind);
    crc.update(data);
    png.extend_from_slice(&crc.sum().to_be_bytes());
}

/// The part a DOCX relationship target names, from the folder of the part that refers to it.
pub(super) fn resolve_target(part: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_string();
    }
    let mut segments: Vec<&str> = match part.rsplit_once('/') {
        Some((dir, _)) => dir.split('/').collect(),
        None => Vec::new(),
    };
    for s in target.split('/') {
        match s {
            "." | "" => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

/// The relationships file of a DOCX part (`word/document.xml` → `word/_rels/document.xml.rels`).
pub(super) fn rels_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// `(Id, Target)` of the internal relationships in a `.rels` part.
pub(super) fn relationships(xml: &[u8]) -> Vec<(String, String)> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut out = Vec::new();
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Empty(s)) | Ok(quick_xml::events::Event::Start(s))
                if s.name().as_ref() == b"Relationship" =>
            {
                let attr = |key: &[u8]| {
                    s.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == key)
                        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
                };
                if attr(b"TargetMode").as_deref() != Some("External") {
                    if let (Some(id), Some(target)) = (attr(b"Id"), attr(b"Target")) {
                        out.push((id, target));
                    }
                }
            }
            Ok(quick_xml::events::Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

/// `[Content_Types].xml` with an Override to `image/png` for each replaced part.
pub(super) fn content_types(xml: &[u8], replaced: &BTreeSet<String>) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    let Some(close) = text.rfind("</Types>") else {
        return xml.to_vec();
    };
    let mut out = String::with_capacity(text.len() + replaced.len() * 80);
    // Earlier Overrides for these parts would contradict the new one.
    let mut rest = &text[..close];
    while let Some(start) = rest.find("<Override ") {
        let Some(len) = rest[start..].find("/>") else {
            break;
        };
        let element = &rest[start..start + len + 2];
        let part = element
            .split("PartName=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or("");
        out.push_str(&rest[..start]);
        if !replaced.contains(part.trim_start_matches('/')) {
            out.push_str(element);
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    for part in replaced {
        let escaped = quick_xml::escape::escape(part.as_str());
        out.push_str(&format!(
            "<Override PartName=\"/{escaped}\" ContentType=\"image/png\"/>"
        ));
    }
    out.push_str(&text[close..]);
    out.into_bytes()
}

/// An ODF `META-INF/manifest.xml` with `image/png` as the media type of each replaced part.
pub(super) fn manifest(xml: &[u8], replaced: &BTreeSet<String>) -> Vec<u8> {
    use quick_xml::events::{BytesStart, Event};
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut writer = quick_xml::Writer::new(Vec::with_capacity(xml.len()));
    let mut buf = Vec::new();
    let rewrite = |s: &BytesStart<'_>| -> Option<BytesStart<'static>> {
        if s.name().as_ref() != b"manifest:file-entry" {
            return None;
        }
        let attrs: Vec<(String, String)> = s
            .attributes()
            .flatten()
            .map(|a| {
                (
                    String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                    a.unescape_value()
                        .map(|v| v.into_owned())
                        .unwrap_or_default(),
                )
            })
            .collect();
        let path = attrs
            .iter()
            .find(|(k, _)| k == "manifest:full-path")
            .map(|(_, v)| v.as_str())?;
        if !replaced.contains(path) {
            return None;
        }
        let mut new = BytesStart::new("manifest:file-entry");
        for (k, v) in &attrs {
            let v = if k == "manifest:media-type" {
                "image/png"
            } else {
                v.as_str()
            };
            new.push_attribute((k.as_str(), v));
        }
        Some(new)
    };
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) => break,
            Ok(Event::Empty(s)) => Event::Empty(rewrite(&s).unwrap_or(s.into_owned())),
            Ok(Event::Start(s)) => Event::Start(rewrite(&s).unwrap_or(s.into_owned())),
            Ok(e) => e.into_owned(),
            // A manifest we cannot read is kept; LibreOffice reads images by their bytes.
            Err(_) => return xml.to_vec(),
        };
        if writer.write_event(event).is_err() {
            return xml.to_vec();
        }
        buf.clear();
    }
    writer.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn black_png_has_the_size_asked() {
        let png = black_png(13, 7);
        assert_eq!(pixel_size(&png), Some((13, 7)));
        assert_eq!(&png[12..16], b"IHDR");
    }

    #[test]
    fn targets_resolve_from_the_part_folder() {
        assert_eq!(
            resolve_target("word/document.xml", "media/image1.png"),
            "word/media/image1.png"
        );
        assert_eq!(
            resolve_target("word/header1.xml", "../word/media/a.jpeg"),
            "word/media/a.jpeg"
        );
        assert_eq!(
            resolve_target("word/document.xml", "/word/media/b.png"),
            "word/media/b.png"
        );
        assert_eq!(rels_of("word/document.xml"), "word/_rels/document.xml.rels");
    }

    #[test]
    fn content_types_get_a_png_override() {
        let xml = br#"<Types><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/media/x.jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" ContentType="a"/></Types>"#;
        let replaced: BTreeSet<String> = ["word/media/x.jpeg".to_string()].into();
        let out = String::from_utf8(content_types(xml, &replaced)).unwrap();
        assert_eq!(
            out,
            r#"<Types><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" ContentType="a"/><Override PartName="/word/media/x.jpeg" ContentType="image/png"/></Types>"#
        );
    }
}
