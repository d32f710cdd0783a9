//! Images in DOCX and ODT: all replaced by black PNGs when persons are redacted; otherwise only
//! those anchored in a paragraph where a value was removed. The package still opens.

mod common;

use std::io::{Cursor, Read, Write};

use grondslag_redact::{redact, Format, Grounds};

const JPEG: &str = "tests/fixtures/white-200x100.jpg";

/// A white 30 × 20 RGB PNG.
fn white_png() -> Vec<u8> {
    fn chunk(png: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        png.extend_from_slice(kind);
        png.extend_from_slice(data);
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        png.extend_from_slice(&crc.sum().to_be_bytes());
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&30u32.to_be_bytes());
    ihdr.extend_from_slice(&20u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    let mut rows = Vec::new();
    for _ in 0..20 {
        rows.push(0);
        rows.extend(std::iter::repeat_n(255u8, 90));
    }
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(&rows).unwrap();
    chunk(&mut png, b"IDAT", &e.finish().unwrap());
    chunk(&mut png, b"IEND", &[]);
    png
}

fn zip(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in parts {
        let method = if *name == "mimetype" {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        w.start_file(
            *name,
            zip::write::SimpleFileOptions::default().compression_method(method),
        )
        .unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn part(package: &[u8], name: &str) -> Vec<u8> {
    let mut z = zip::ZipArchive::new(Cursor::new(package)).unwrap();
    let mut f = z.by_name(name).unwrap();
    let mut data = Vec::new();
    f.read_to_end(&mut data).unwrap();
    data
}

fn drawing(rid: &str, id: u32, descr: &str) -> String {
    format!(
        r#"<w:r><w:drawing><wp:inline><wp:extent cx="1905000" cy="952500"/><wp:docPr id="{id}" name="Afbeelding {id}" descr="{descr}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{id}" name="img{id}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1905000" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#
    )
}

/// Paragraph 1 holds the BSN and a photo (PNG); paragraph 2 a JPEG whose description names
/// the person; paragraph 3 a neutral JPEG (a logo).
fn docx() -> Vec<u8> {
    let p = |inner: String| format!("<w:p>{inner}</w:p>");
    let body = [
        p(format!(
            "<w:r><w:t>Pasfoto bij BSN 111222333:</w:t></w:r>{}",
            drawing("rId5", 1, "pasfoto")
        )),
        p(drawing("rId6", 2, "foto van Bram Vlinder")),
        p(format!(
            "<w:r><w:t>Logo van de gemeente</w:t></w:r>{}",
            drawing("rId7", 3, "logo")
        )),
    ]
    .concat();
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>{body}</w:body></w:document>"#
    );
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/><Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image2.jpeg"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image3.jpeg"/></Relationships>"#;
    let types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let root_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let jpeg = std::fs::read(JPEG).unwrap();
    zip(&[
        ("[Content_Types].xml", types.as_bytes().to_vec()),
        ("_rels/.rels", root_rels.as_bytes().to_vec()),
        ("word/document.xml", document.into_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes().to_vec()),
        ("word/media/image1.png", white_png()),
        ("word/media/image2.jpeg", jpeg.clone()),
        ("word/media/image3.jpeg", jpeg),
    ])
}

/// The same in ODT: the BSN paragraph anchors Pictures/a.png, a neutral one Pictures/b.jpg.
fn odt() -> Vec<u8> {
    let frame = |href: &str| {
        format!(
            r#"<draw:frame draw:name="{href}" text:anchor-type="as-char" svg:width="4cm" svg:height="2cm"><draw:image xlink:href="{href}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame>"#
        )
    };
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2"><office:body><office:text><text:p>Pasfoto bij BSN 111222333: {}</text:p><text:p>Logo van de gemeente {}</text:p></office:text></office:body></office:document-content>"#,
        frame("Pictures/a.png"),
        frame("Pictures/b.jpg")
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="Pictures/a.png" manifest:media-type="image/png"/><manifest:file-entry manifest:full-path="Pictures/b.jpg" manifest:media-type="image/jpeg"/></manifest:manifest>"#;
    zip(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.text".to_vec(),
        ),
        ("content.xml", content.into_bytes()),
        ("Pictures/a.png", white_png()),
        ("Pictures/b.jpg", std::fs::read(JPEG).unwrap()),
        ("META-INF/manifest.xml", manifest.as_bytes().to_vec()),
    ])
}

/// Whether a part is a PNG that is black all over (1-bit grey, all zero), and its size.
fn black_png_size(data: &[u8]) -> Option<(u32, u32)> {
    if !data.starts_with(b"\x89PNG") || data.get(24..26) != Some(&[1, 0]) {
        return None;
    }
    let w = u32::from_be_bytes(data[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(data[20..24].try_into().ok()?);
    let idat = data.windows(4).position(|c| c == b"IDAT")?;
    let len = u32::from_be_bytes(data[idat - 4..idat].try_into().ok()?) as usize;
    let mut rows = Vec::new();
    flate2::read::ZlibDecoder::new(&data[idat + 4..idat + 4 + len])
        .read_to_end(&mut rows)
        .ok()?;
    (rows.len() == h as usize * (1 + (w as usize).div_ceil(8)) && rows.iter().all(|b| *b == 0))
        .then_some((w, h))
}

fn redact_values(format: Format, original: &[u8], values: &[(&str, &str)]) -> Vec<u8> {
    let (text, spans) = common::values_as_spans(values);
    redact(format, original, &text, &spans, &Grounds::woo_default()).expect("redacted")
}

#[test]
fn docx_images_near_a_removed_value_are_blacked_out() {
    let original = docx();
    // No person among the kinds: only paragraph 1 (the BSN) loses its image.
    let out = redact_values(Format::Docx, &original, &[("bsn", "111222333")]);
    assert_eq!(
        black_png_size(&part(&out, "word/media/image1.png")),
        Some((30, 20))
    );
    for kept in ["word/media/image2.jpeg", "word/media/image3.jpeg"] {
        assert_eq!(part(&out, kept), part(&original, kept), "{kept}");
    }
    // The relationship stays; a JPEG part does not get a content type, as nothing replaced one.
    let rels = String::from_utf8(part(&out, "word/_rels/document.xml.rels")).unwrap();
    assert!(rels.contains("media/image1.png"));

    // A value in an image's description counts as a value in its paragraph.
    let out = redact_values(
        Format::Docx,
        &original,
        &[("bsn", "111222333"), ("email", "foto van Bram Vlinder")],
    );
    assert_eq!(
        black_png_size(&part(&out, "word/media/image2.jpeg")),
        Some((200, 100))
    );
    assert_eq!(
        part(&out, "word/media/image3.jpeg"),
        part(&original, "word/media/image3.jpeg")
    );
    let types = String::from_utf8(part(&out, "[Content_Types].xml")).unwrap();
    assert!(
        types.contains(r#"<Override PartName="/word/media/image2.jpeg" ContentType="image/png"/>"#),
        "{types}"
    );
}

#[test]
fn docx_redacting_persons_blacks_out_every_image() {
    let out = redact_values(Format::Docx, &docx(), &[("person", "Bram Vlinder")]);
    for (name, size) in [
        ("word/media/image1.png", (30, 20)),
        ("word/media/image2.jpeg", (200, 100)),
        ("word/media/image3.jpeg", (200, 100)),
    ] {
        assert_eq!(black_png_size(&part(&out, name)), Some(size), "{name}");
    }
    // The document still opens (LibreOffice, when installed) and its text is redacted.
    if let Some(text) = common::office_to_text(&out, "docx") {
        assert!(
            !text.contains("Vlinder") && text.contains("Logo van de gemeente"),
            "{text}"
        );
    }
}

#[test]
fn odt_pictures_follow_the_same_rule() {
    let original = odt();
    let out = redact_values(Format::Odt, &original, &[("bsn", "111222333")]);
    assert_eq!(
        black_png_size(&part(&out, "Pictures/a.png")),
        Some((30, 20))
    );
    assert_eq!(
        part(&out, "Pictures/b.jpg"),
        part(&original, "Pictures/b.jpg")
    );

    let out = redact_values(
        Format::Odt,
        &original,
        &[("bsn", "111222333"), ("person", "Logo van de gemeente")],
    );
    assert_eq!(
        black_png_size(&part(&out, "Pictures/b.jpg")),
        Some((200, 100))
    );
    let manifest = String::from_utf8(part(&out, "META-INF/manifest.xml")).unwrap();
    assert!(
        manifest.contains(r#"manifest:full-path="Pictures/b.jpg" manifest:media-type="image/png""#),
        "{manifest}"
    );
    if let Some(text) = common::office_to_text(&out, "odt") {
        assert!(!text.contains("111222333"), "{text}");
    }
}
