//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::process::Command;

/// The text `pdftotext` sees in a PDF, or `None` when poppler is not installed (tests then skip
/// the independent check rather than fail on a machine without it).
pub fn pdftotext(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().ok()?;
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, pdf).ok()?;
    let out = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
        .ok()?;
    if !out.status.success() {
        panic!("pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

use grondslag_redact::Span;

/// Builds an "extracted text" that lists the values, with one span per value. The formats find
/// values by content, so the tests need not depend on the extractor crate.
pub fn values_as_spans(values: &[(&str, &str)]) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    for (kind, value) in values {
        let start = text.len();
        text.push_str(value);
        spans.push(Span::new(start, text.len(), *kind));
        text.push('\n');
    }
    (text, spans)
}

/// The concatenated text of every XML part of a zip package, tags replaced by spaces, and the
/// names of the parts.
pub fn zip_text(bytes: &[u8]) -> (String, Vec<String>) {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut text = String::new();
    let mut names = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let s = String::from_utf8_lossy(&data);
            let mut in_tag = false;
            for c in s.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => {
                        in_tag = false;
                    }
                    _ if !in_tag => text.push(c),
                    _ => {}
                }
            }
            // Attribute values count too.
            text.push('\n');
            text.push_str(&s.replace(['<', '>', '"', '='], " "));
            text.push('\n');
        }
        names.push(name);
    }
    (text, names)
}

/// Converts an office document to PDF with LibreOffice and returns its text, or `None` when
/// LibreOffice is not installed.
pub fn office_to_text(bytes: &[u8], ext: &str) -> Option<String> {
    let which = Command::new("soffice").arg("--version").output().ok()?;
    if !which.status.success() {
        return None;
    }
    let dir = tempfile::tempdir().ok()?;
    let path = dir.path().join(format!("doc.{ext}"));
    std::fs::write(&path, bytes).ok()?;
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.path().display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&path)
        .output()
        .ok()?;
    assert!(status.status.success(), "soffice failed");
    let pdf = std::fs::read(dir.path().join("doc.pdf"))
        .expect("LibreOffice could not open the redacted file");
    pdftotext(&pdf)
}
