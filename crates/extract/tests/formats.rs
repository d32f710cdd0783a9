//! Every format through the public API, with real files: checked-in fixtures (mail, mbox, RTF,
//! HTML) and files built here with independent writers (zip, cfb, lopdf). Synthetic people only.

mod common;

use std::io::{Cursor, Write};

use grondslag_extract::{decode_text, extract, sniff, DocType, ExtractError, Limits};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// Like `unwrap_err`, without printing a (possibly huge) `Ok` value.
fn expect_err(r: Result<grondslag_extract::Extracted, ExtractError>) -> ExtractError {
    match r {
        Ok(out) => panic!("expected an error, got a {} document", out.doc_type),
        Err(e) => e,
    }
}

fn no_ocr() -> Limits {
    Limits::without_ocr()
}

fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for (name, data) in members {
        if name.ends_with('/') {
            w.add_directory(*name, opts).unwrap();
        } else {
            w.start_file(*name, opts).unwrap();
            w.write_all(data).unwrap();
        }
    }
    w.finish().unwrap().into_inner()
}

// ---------------------------------------------------------------- text

#[test]
fn utf8_text_is_returned_byte_for_byte() {
    let cases: &[&[u8]] = &[
        b"",
        b"Hallo Jan de Vries\r\nregel twee\n",
        "\u{feff}Met BOM: Zoë Ündal\n".as_bytes(),
        "geen newline aan het eind €".as_bytes(),
    ];
    for bytes in cases {
        let out = extract("notitie.txt", bytes, &no_ocr()).unwrap();
        assert_eq!(out.text.as_bytes(), *bytes);
        assert_eq!(out.doc_type, DocType::Text);
        assert!(out.warnings.is_empty());
        let md = extract("LEESMIJ.md", bytes, &no_ocr()).unwrap();
        assert_eq!(md.text.as_bytes(), *bytes);
    }
}

#[test]
fn legacy_encodings_are_transcoded_with_a_warning() {
    let latin1 = b"Ren\xe9e van Dijk, caf\xe9 \x80 5\n";
    let out = extract("oud.txt", latin1, &no_ocr()).unwrap();
    assert_eq!(out.text, "Renée van Dijk, café € 5\n");
    assert_eq!(out.warnings, vec!["decoded as windows-1252"]);

    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Zoë\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let out = extract("unicode.txt", &utf16, &no_ocr()).unwrap();
    assert_eq!(out.text, "Zoë\n");
    assert_eq!(out.warnings, vec!["decoded as UTF-16LE"]);

    let (text, enc) = decode_text(b"plain").unwrap();
    assert_eq!((text.as_ref(), enc), ("plain", None));
}

#[test]
fn binary_with_text_extension_is_an_error() {
    let err = extract(
        "stiekem.txt",
        b"abc\x00\x01\x02\x03\xff\xfe\x00\x00zz",
        &no_ocr(),
    )
    .unwrap_err();
    assert!(matches!(err, ExtractError::Binary { offset: 3 }));
    assert_eq!(err.to_string(), "not a text file: binary content at byte 3");
}

// ---------------------------------------------------------------- sniffing

#[test]
fn sniffing_table() {
    let cases: &[(&str, &[u8], DocType)] = &[
        ("a.txt", b"hallo", DocType::Text),
        ("a.md", b"# kop", DocType::Markdown),
        ("a", b"%PDF-1.7\n", DocType::Pdf),
        ("a.txt", b"%PDF-1.4\n", DocType::Pdf),
        ("a.bin", b"PK\x03\x04rest", DocType::Zip),
        ("a.docx", b"PK\x03\x04rest", DocType::Docx),
        ("a.odt", b"PK\x03\x04rest", DocType::Odt),
        ("a.xlsx", b"PK\x03\x04rest", DocType::Xlsx),
        ("a.msg", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", DocType::Msg),
        ("a.docx", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", DocType::Docx),
        ("x", b"{\\rtf1\\ansi", DocType::Rtf),
        ("scan", b"\x89PNG\r\n\x1a\n....", DocType::Image),
        ("scan.jpg", b"\xFF\xD8\xFF\xE0", DocType::Image),
        ("scan.tif", b"II*\x00", DocType::Image),
        ("a.eml", b"whatever", DocType::Mail),
        (
            "mail",
            b"From: a@example.org\nTo: b@example.org\nSubject: x\n\nbody",
            DocType::Mail,
        ),
        (
            "box",
            b"From a@b Mon Jan  1 00:00:00 2024\nFrom: a@b\nSubject: x\n\n",
            DocType::Mbox,
        ),
        ("a.mbox", b"From a@b", DocType::Mbox),
        ("pagina", b"<!DOCTYPE html><html>", DocType::Html),
        ("a.htm", b"<p>x</p>", DocType::Html),
        ("a.dat", b"\x00\x01\x02\x03\x04binary", DocType::Unknown),
        ("map/archief.zip!binnen/Nota.TXT", b"tekst", DocType::Text),
    ];
    for (name, head, want) in cases {
        assert_eq!(sniff(name, head), *want, "{name}");
    }
    assert_eq!(DocType::Xlsx.as_str(), "xlsx");
}

// ---------------------------------------------------------------- html, rtf

#[test]
fn html_visible_text() {
    let out = extract("raad.html", &fixture("raad.html"), &no_ocr()).unwrap();
    assert_eq!(
        out.text,
        "Raadsvoorstel\nBesluit\nInspreker: Mehmet Özdemir & partner\nPunt een\nPunt twee\nNaam\tPlaats\nEva Jacobs\tZwolle\n"
    );
    assert!(!out.text.contains("Geheim"));
}

#[test]
fn rtf_text() {
    let out = extract("brief.rtf", &fixture("brief.rtf"), &no_ocr()).unwrap();
    assert_eq!(out.doc_type, DocType::Rtf);
    assert_eq!(
        out.text,
        "Betreft: Renée van Dijk\nGeboren 12-03-1985 te ’s-Hertogenbosch.\nEinde\n"
    );
}

// ---------------------------------------------------------------- mail

#[test]
fn eml_headers_body_and_attachments() {
    let out = extract("verzoek.eml", &fixture("latin1_attachments.eml"), &no_ocr()).unwrap();
    assert_eq!(out.doc_type, DocType::Mail);
    let want_head = "Van: José Maïsa <jose.maisa@voorbeeld.nl>\n\
        Aan: Gemeente Voorbeeld <post@gemeente.example>, k.de.vries@voorbeeld.nl\n\
        CC: Fatima El Amrani <f.elamrani@voorbeeld.nl>\n\
        Onderwerp: Verzoek inzage - dossier éé\n\
        Datum: Mon, 15 Jan 2024 10:30:00 +0100\n\n";
    assert!(out.text.starts_with(want_head), "{}", out.text);
    assert!(out.text.contains("mevrouw Zoë Brouwer-Ündal."));
    assert!(out.text.contains("Piet de Boer"));
    let names: Vec<&str> = out.children.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["notitie.txt", "bijlage-2", "bijlage-3.eml"]);
    assert_eq!(out.children[1].bytes, b"\x00\x01binair");
    let nested = extract(&out.children[2].name, &out.children[2].bytes, &no_ocr()).unwrap();
    assert!(nested
        .text
        .starts_with("Van: Anna Visser <anna.visser@voorbeeld.nl>\n"));
    assert!(nested.text.contains("Oude mail."));
}

#[test]
fn eml_with_wrong_charset_falls_back() {
    let out = extract("klacht.eml", &fixture("broken_charset.eml"), &no_ocr()).unwrap();
    assert!(
        out.text.ends_with("mijn naam is Kees Bakker. Groet, Zoë\n"),
        "{}",
        out.text
    );
    assert_eq!(out.warnings.len(), 1);
    assert!(out.warnings[0].contains("windows-1252"));
}

#[test]
fn mbox_messages_become_children() {
    let out = extract("postvak.mbox", &fixture("drie.mbox"), &no_ocr()).unwrap();
    assert_eq!(out.text, "");
    let names: Vec<&str> = out.children.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["1", "2", "3"]);
    let second = extract("2", &out.children[1].bytes, &no_ocr()).unwrap();
    assert_eq!(second.doc_type, DocType::Mail);
    assert!(second
        .text
        .starts_with("Van: Lotte Mulder <lotte@voorbeeld.nl>\n"));
    assert!(
        second.text.contains("Bericht 2.\nFrom the start.\n"),
        "{}",
        second.text
    );
}

// ---------------------------------------------------------------- zip

#[test]
fn zip_members_become_children() {
    let bytes = zip_of(&[
        ("map/", b""),
        ("map/nota.txt", b"Nota over Jan Smit\n"),
        ("leeg.txt", b""),
        ("binnen.zip", &zip_of(&[("diep.txt", b"diep")])),
    ]);
    let out = extract("archief.zip", &bytes, &no_ocr()).unwrap();
    assert_eq!(out.doc_type, DocType::Zip);
    assert_eq!(out.text, "");
    let names: Vec<&str> = out.children.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["map/nota.txt", "leeg.txt", "binnen.zip"]);
    assert_eq!(out.children[0].bytes, b"Nota over Jan Smit\n");
    let inner = extract("binnen.zip", &out.children[2].bytes, &no_ocr()).unwrap();
    assert_eq!(inner.children[0].bytes, b"diep");
}

#[test]
fn encrypted_zip_member_is_skipped_with_a_warning() {
    use zip::unstable::write::FileOptionsExt;
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    w.start_file("open.txt", opts).unwrap();
    w.write_all(b"open").unwrap();
    w.start_file(
        "geheim/Jan Smit.txt",
        opts.with_deprecated_encryption(b"wachtwoord").unwrap(),
    )
    .unwrap();
    w.write_all(b"dicht").unwrap();
    let bytes = w.finish().unwrap().into_inner();
    let out = extract("a.zip", &bytes, &no_ocr()).unwrap();
    assert_eq!(out.children.len(), 1);
    assert_eq!(out.warnings, vec!["encrypted member skipped: member 2"]);
}

/// 300 MiB of zeros, compressed while streaming (never held in memory).
fn zip_bomb() -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    w.start_file("nullen.bin", opts).unwrap();
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..300 {
        w.write_all(&chunk).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn zip_bomb_is_refused() {
    let bytes = zip_bomb();
    assert!(bytes.len() < 4 << 20, "bomb is {} bytes", bytes.len());
    let err = expect_err(extract("bom.zip", &bytes, &no_ocr()));
    assert!(matches!(err, ExtractError::ZipBomb { .. }));
    assert_eq!(err.to_string(), "zip bomb: member 1 expands beyond 256 MiB");

    // The ratio limit catches it below the size limit too.
    let limits = Limits {
        max_member_bytes: 1 << 40,
        max_total_expanded: 1 << 40,
        max_ratio: 50,
        ..no_ocr()
    };
    let err = expect_err(extract("bom.zip", &bytes, &limits));
    assert!(err.to_string().contains("-fold"), "{err}");
}

#[test]
fn zip_actual_size_is_checked_not_only_the_declared_one() {
    // A member that really expands to 3 MiB against a limit of 2 MiB; the declared size is
    // checked first, the actual one guards against lying headers (same code path, `take`).
    let bytes = zip_of(&[("groot.txt", &vec![b'a'; 3 << 20])]);
    let limits = Limits {
        max_member_bytes: 2 << 20,
        max_ratio: 1 << 20,
        ..no_ocr()
    };
    let err = extract("a.zip", &bytes, &limits).unwrap_err();
    assert_eq!(err.to_string(), "zip bomb: member 1 expands beyond 2 MiB");
}

// ---------------------------------------------------------------- office

const DOCX_BODY: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>Besluit op het verzoek van</w:t></w:r><w:r><w:t xml:space="preserve"> Joris van Leeuwen</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>BSN</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>111222333</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>Naam</w:t><w:tab/><w:t>Yara &amp; co</w:t><w:br/><w:t>volgende regel</w:t></w:r></w:p>
</w:body></w:document>"#;

fn docx() -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", DOCX_BODY.as_bytes()),
        (
            "word/header1.xml",
            br#"<w:hdr xmlns:w="w"><w:p><w:r><w:t>Kenmerk 2024-17</w:t></w:r></w:p></w:hdr>"#,
        ),
        (
            "word/comments.xml",
            br#"<w:comments xmlns:w="w"><w:comment w:id="0" w:author="Iris Bos"><w:p><w:r><w:t>Klopt dit?</w:t></w:r></w:p></w:comment></w:comments>"#,
        ),
        (
            "docProps/core.xml",
            br#"<cp:coreProperties xmlns:cp="cp" xmlns:dc="dc"><dc:title>Besluit</dc:title><dc:creator>Iris Bos</dc:creator><cp:lastModifiedBy>Tom Kok</cp:lastModifiedBy></cp:coreProperties>"#,
        ),
    ])
}

#[test]
fn docx_body_then_other_parts() {
    let out = extract("besluit.docx", &docx(), &no_ocr()).unwrap();
    assert_eq!(out.doc_type, DocType::Docx);
    assert_eq!(
        out.text,
        "Besluit op het verzoek van Joris van Leeuwen\nBSN\n111222333\nNaam\tYara & co\nvolgende regel\n\
         ----------\n\
         Opmerking van Iris Bos:\nKlopt dit?\nKenmerk 2024-17\n\
         Titel: Besluit\nAuteur: Iris Bos\nLaatst gewijzigd door: Tom Kok\n"
    );
    // Without the telling extension the member list gives it away.
    let out = extract("besluit", &docx(), &no_ocr()).unwrap();
    assert_eq!(out.doc_type, DocType::Docx);
}

#[test]
fn password_protected_docx_is_reported() {
    let mut cfb = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    cfb.create_stream("/EncryptionInfo")
        .unwrap()
        .write_all(&[4, 0, 4, 0])
        .unwrap();
    cfb.create_stream("/EncryptedPackage")
        .unwrap()
        .write_all(&[0; 64])
        .unwrap();
    cfb.flush().unwrap();
    let bytes = cfb.into_inner().into_inner();
    let err = extract("geheim.docx", &bytes, &no_ocr()).unwrap_err();
    assert_eq!(err.to_string(), "password-protected DOCX");
}

#[test]
fn odt_text_and_meta() {
    let content = r#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>
        <text:h text:outline-level="1">Verslag</text:h>
        <text:p>Aanwezig: <text:span>Noor</text:span><text:s text:c="2"/>Hendriks<text:tab/>voorzitter</text:p>
        <text:p>Regel<text:line-break/>twee</text:p>
        </office:text></office:body></office:document-content>"#;
    let bytes = zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", content.as_bytes()),
        (
            "meta.xml",
            br#"<office:document-meta xmlns:office="o" xmlns:meta="m" xmlns:dc="dc"><office:meta><meta:initial-creator>Bram Peters</meta:initial-creator><dc:creator>Bram Peters</dc:creator></office:meta></office:document-meta>"#,
        ),
    ]);
    let out = extract("verslag.odt", &bytes, &no_ocr()).unwrap();
    assert_eq!(
        out.text,
        "Verslag\nAanwezig: Noor  Hendriks\tvoorzitter\nRegel\ntwee\n----------\nAuteur: Bram Peters\n"
    );
}

#[test]
fn xlsx_sheets_rows_cells() {
    let workbook = r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Deelnemers" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let sheet = r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="1"><c r="A1" t="inlineStr"><is><t>Naam</t></is></c><c r="B1" t="inlineStr"><is><t>Leeftijd</t></is></c></row>
        <row r="2"><c r="A2" t="inlineStr"><is><t>Lisa de Graaf</t></is></c><c r="B2"><v>42</v></c></row>
        </sheetData></worksheet>"#;
    let types = r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#;
    let root_rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let bytes = zip_of(&[
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", root_rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ]);
    let out = extract("lijst.xlsx", &bytes, &no_ocr()).unwrap();
    assert_eq!(
        out.text,
        "# Deelnemers\nNaam\tLeeftijd\nLisa de Graaf\t42\n"
    );
}

// ---------------------------------------------------------------- pdf

/// A PDF written by lopdf: one page per entry, each with the given text lines (none: a page
/// without a text layer, like a scan).
fn pdf(pages: &[&[&str]]) -> Vec<u8> {
    use pdf_extract::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut kids = Vec::new();
    for lines in pages {
        let mut content = String::new();
        for (i, line) in lines.iter().enumerate() {
            content.push_str(&format!(
                "BT /F1 24 Tf 72 {} Td ({line}) Tj ET\n",
                720 - 40 * i as i64
            ));
        }
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        });
        kids.push(Object::Reference(page_id));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources_id,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn pdf_bomb_is_refused_without_inflating_it_into_memory() {
    use pdf_extract::{Document, Object};
    // One page whose content stream inflates to 3 MiB (text, then spaces).
    let mut doc = Document::load_mem(&pdf(&[&["Zienswijze van Ruben Maas"]])).unwrap();
    let content_id = doc
        .objects
        .iter()
        .find_map(|(id, o)| match o {
            Object::Stream(s) if s.content.starts_with(b"BT") => Some(*id),
            _ => None,
        })
        .unwrap();
    if let Ok(Object::Stream(s)) = doc.get_object_mut(content_id) {
        let mut content = s.content.clone();
        content.resize(3 * 1024 * 1024, b' ');
        s.set_plain_content(content);
        s.compress().unwrap();
        assert!(s.content.len() < 64 * 1024, "the stream is compressed");
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();

    let tight = Limits {
        max_member_bytes: 1024 * 1024,
        ..Limits::without_ocr()
    };
    let err = extract("bom.pdf", &bytes, &tight).unwrap_err().to_string();
    assert_eq!(err, "PDF bomb: a stream expands beyond 1 MiB");
    let total = Limits {
        max_total_expanded: 2 * 1024 * 1024,
        ..Limits::without_ocr()
    };
    let err = extract("bom.pdf", &bytes, &total).unwrap_err().to_string();
    assert_eq!(err, "PDF bomb: streams expand beyond 2 MiB in total");
    // Within the limits the same file is read.
    let out = extract("bom.pdf", &bytes, &no_ocr()).unwrap();
    assert!(out.text.contains("Ruben Maas"));
}

#[test]
fn pdf_text_layer_with_form_feeds() {
    let bytes = pdf(&[
        &["Besluit inzake Ruben Maas"],
        &["Pagina twee", "Tweede regel"],
    ]);
    let out = extract("besluit.pdf", &bytes, &no_ocr()).unwrap();
    assert_eq!(out.doc_type, DocType::Pdf);
    assert_eq!(out.pages, Some(2));
    assert!(!out.needs_ocr);
    let pages: Vec<&str> = out.text.split('\x0c').collect();
    assert_eq!(pages.len(), 3, "{:?}", out.text);
    assert!(
        pages[0].contains("Besluit inzake Ruben Maas"),
        "{:?}",
        out.text
    );
    assert!(pages[1].contains("Pagina twee"));
    assert!(pages[1].contains("Tweede regel"));
    assert_eq!(pages[2], "");
}

#[test]
fn pdf_without_text_needs_ocr() {
    let bytes = pdf(&[&[]]);
    let out = extract("scan.pdf", &bytes, &no_ocr()).unwrap();
    assert!(out.needs_ocr);
    assert_eq!(out.text, "\x0c");
}

#[test]
fn truncated_pdf_is_an_error() {
    let bytes = pdf(&[&["Iets"]]);
    for cut in [10, bytes.len() / 3] {
        let err = extract("kapot.pdf", &bytes[..cut], &no_ocr()).unwrap_err();
        assert!(err.to_string().starts_with("corrupt PDF: "), "{err}");
    }
}

#[test]
fn image_ocr_when_tesseract_is_installed() {
    let limits = Limits::default();
    if !common::require_tool("tesseract") || !common::require_tool("pdftoppm") {
        return;
    }
    // Render a text PDF to PNG with poppler, then OCR the picture.
    let dir = tempfile::tempdir().unwrap();
    let pdf_path = dir.path().join("in.pdf");
    std::fs::write(
        &pdf_path,
        pdf(&[&["Gemeente Voorbeeld", "Verzoek van Ruben Maas"]]),
    )
    .unwrap();
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "150", "-png", "-singlefile"])
        .arg(&pdf_path)
        .arg(dir.path().join("page"))
        .status()
        .unwrap();
    assert!(status.success());
    let png = std::fs::read(dir.path().join("page.png")).unwrap();
    let out = extract("scan.png", &png, &limits).unwrap();
    assert_eq!(out.doc_type, DocType::Image);
    assert!(!out.needs_ocr);
    assert!(out.text.contains("Ruben Maas"), "{:?}", out.text);

    let out = extract("scan.png", &png, &no_ocr()).unwrap();
    assert!(out.needs_ocr);
    assert_eq!(out.text, "");
}

/// A "scanned" PDF: the page is a grey-scale picture of text, no text layer. The picture is
/// rendered by poppler from a text PDF.
fn scanned_pdf(lines: &[&str]) -> Vec<u8> {
    use pdf_extract::{dictionary, Document, Object, Stream};
    let dir = tempfile::tempdir().unwrap();
    let pdf_path = dir.path().join("tekst.pdf");
    std::fs::write(&pdf_path, pdf(&[lines])).unwrap();
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "150", "-gray", "-singlefile"])
        .arg(&pdf_path)
        .arg(dir.path().join("page"))
        .status()
        .unwrap();
    assert!(status.success());
    let pgm = std::fs::read(dir.path().join("page.pgm")).unwrap();
    // P5 header: "P5\n<w> <h>\n255\n", then one byte per pixel.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8(pgm[start..at].to_vec()).unwrap());
    }
    let (w, h): (i64, i64) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = pgm[at + 1..].to_vec();

    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut image = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => w, "Height" => h,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        pixels,
    );
    image.compress().unwrap();
    let image_id = doc.add_object(image);
    let content = b"q 612 0 0 792 0 0 cm /Im1 Do Q\n".to_vec();
    let content_id = doc.add_object(Stream::new(dictionary! {}, content));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        "Resources" => dictionary! { "XObject" => dictionary! { "Im1" => image_id } },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![Object::Reference(page_id)], "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn scanned_pdf_is_ocred_when_tesseract_is_installed() {
    let limits = Limits::default();
    if !common::require_tool("tesseract") || !common::require_tool("pdftoppm") {
        return;
    }
    let bytes = scanned_pdf(&["Zienswijze van Ruben Maas", "Dorpsstraat 12, Ede"]);
    let out = extract("scan.pdf", &bytes, &no_ocr()).unwrap();
    assert!(out.needs_ocr);
    let out = extract("scan.pdf", &bytes, &limits).unwrap();
    assert!(!out.needs_ocr, "{:?}", out.warnings);
    assert!(out.text.contains("Ruben Maas"), "{:?}", out.text);
    assert!(out.text.ends_with('\x0c'));
    assert_eq!(out.warnings, vec!["page 1: text from OCR"]);
}

// ---------------------------------------------------------------- msg

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn msg() -> Vec<u8> {
    msg_with_body(
        "/__substg1.0_1000001F",
        &utf16("Beste,\r\nGraag inzage.\r\nDaan"),
    )
}

/// A message whose body is the stream `body_path` holding `body`.
fn msg_with_body(body_path: &str, body: &[u8]) -> Vec<u8> {
    let mut c = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    let put = |c: &mut cfb::CompoundFile<Cursor<Vec<u8>>>, path: &str, data: &[u8]| {
        c.create_stream(path).unwrap().write_all(data).unwrap();
    };
    put(
        &mut c,
        "/__substg1.0_0037001F",
        &utf16("Vraag over mijn dossier"),
    );
    put(&mut c, "/__substg1.0_0C1A001F", &utf16("Daan Vermeulen"));
    put(&mut c, "/__substg1.0_5D01001F", &utf16("daan@voorbeeld.nl"));
    put(
        &mut c,
        "/__substg1.0_0E04001F",
        &utf16("Gemeente Voorbeeld"),
    );
    put(&mut c, body_path, body);
    // Fixed properties: 32-byte header, then PR_CLIENT_SUBMIT_TIME = 2024-01-15 09:30 UTC.
    let mut props = vec![0u8; 32];
    props.extend_from_slice(&0x0039_0040u32.to_le_bytes());
    props.extend_from_slice(&6u32.to_le_bytes());
    let filetime: u64 = (1_705_311_000 + 11_644_473_600) * 10_000_000;
    props.extend_from_slice(&filetime.to_le_bytes());
    put(&mut c, "/__properties_version1.0", &props);
    c.create_storage("/__attach_version1.0_#00000000").unwrap();
    put(
        &mut c,
        "/__attach_version1.0_#00000000/__substg1.0_3707001F",
        &utf16("paspoort.txt"),
    );
    put(
        &mut c,
        "/__attach_version1.0_#00000000/__substg1.0_37010102",
        b"kopie paspoort",
    );
    c.flush().unwrap();
    c.into_inner().into_inner()
}

#[test]
fn outlook_msg_like_eml() {
    let out = extract("vraag.msg", &msg(), &no_ocr()).unwrap();
    assert_eq!(out.doc_type, DocType::Msg);
    assert_eq!(
        out.text,
        "Van: Daan Vermeulen <daan@voorbeeld.nl>\nAan: Gemeente Voorbeeld\n\
         Onderwerp: Vraag over mijn dossier\nDatum: 15-01-2024 09:30 UTC\n\n\
         Beste,\nGraag inzage.\nDaan\n"
    );
    assert_eq!(out.children.len(), 1);
    assert_eq!(out.children[0].name, "paspoort.txt");
    assert_eq!(out.children[0].bytes, b"kopie paspoort");
}

#[test]
fn outlook_msg_with_only_a_compressed_rtf_body() {
    let rtf = "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}\\f0 Beste,\\par \
               Mijn BSN is 111222333, bel 06-12345678.\\par Daan\\par}";
    let compressed = compressed_rtf::compress_rtf(rtf).unwrap();
    let out = extract(
        "rtf.msg",
        &msg_with_body("/__substg1.0_10090102", &compressed),
        &no_ocr(),
    )
    .unwrap();
    assert!(
        out.text.contains("Mijn BSN is 111222333, bel 06-12345678."),
        "{:?}",
        out.text
    );
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);

    // A damaged stream (a size that lies) is a warning, not a failure or a huge allocation.
    let mut broken = compressed.clone();
    broken[4..8].copy_from_slice(&u32::MAX.to_le_bytes());
    let out = extract(
        "kapot.msg",
        &msg_with_body("/__substg1.0_10090102", &broken),
        &no_ocr(),
    )
    .unwrap();
    assert!(out.text.contains("Daan Vermeulen"));
    assert_eq!(
        out.warnings,
        vec!["message body in compressed RTF is damaged; not extracted"]
    );
}

// ---------------------------------------------------------------- robustness

#[test]
fn errors_never_quote_content() {
    // A broken DOCX whose XML holds a name: the error must not repeat it.
    let bytes = zip_of(&[("word/document.xml", b"<w:p><w:t>Geheime Naam</w:x></w:p>")]);
    let err = extract("kapot.docx", &bytes, &no_ocr()).unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("corrupt DOCX"), "{msg}");
    assert!(!msg.contains("Geheime") && !msg.contains("Naam"), "{msg}");
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    const NAMES: &[&str] = &[
        "a.txt", "a.md", "a.html", "a.rtf", "a.eml", "a.mbox", "a.msg", "a.docx", "a.odt",
        "a.xlsx", "a.pdf", "a.zip", "a.png", "a",
    ];
    const PREFIXES: &[&[u8]] = &[
        b"",
        b"%PDF-1.4\n",
        b"PK\x03\x04",
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        b"{\\rtf1 ",
        b"From a@b Mon Jan  1 00:00:00 2024\nFrom: a@b\n",
        b"From: a@b\nTo: c@d\n\n",
        b"<html>",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn extract_never_panics(name in 0..NAMES.len(), prefix in 0..PREFIXES.len(),
                                body in proptest::collection::vec(any::<u8>(), 0..600)) {
            let mut bytes = PREFIXES[prefix].to_vec();
            bytes.extend_from_slice(&body);
            let _ = extract(NAMES[name], &bytes, &Limits::without_ocr());
        }
    }

    #[test]
    fn mutated_real_files_never_panic() {
        let seeds = [
            docx(),
            msg(),
            pdf(&[&["Tekst"]]),
            fixture("latin1_attachments.eml"),
        ];
        let mut rng = 0x2545_F491_4F6C_DD1Du64;
        for seed in &seeds {
            for _ in 0..150 {
                let mut b = seed.clone();
                for _ in 0..4 {
                    rng ^= rng << 13;
                    rng ^= rng >> 7;
                    rng ^= rng << 17;
                    let i = (rng as usize) % b.len();
                    b[i] = (rng >> 32) as u8;
                }
                let _ = extract("x", &b, &Limits::without_ocr());
            }
        }
    }
}
