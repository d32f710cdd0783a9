//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::process::Command;

/// Whether the external program `tool` (`pdftotext`, `pdftoppm`) is installed, for tests that
/// need it. Missing, the check that needs it is skipped with a visible "skipped: TOOL missing"
/// line (written past the test harness's output capture), or the test fails when
/// `GRONDSLAG_REQUIRE_TOOLS=1` (set by `.ci/run`): a machine without the tools cannot pass by
/// skipping silently.
pub fn require_tool(tool: &str) -> bool {
    if have(tool) {
        return true;
    }
    if std::env::var("GRONDSLAG_REQUIRE_TOOLS").is_ok_and(|v| v == "1") {
        panic!("{tool} missing, and GRONDSLAG_REQUIRE_TOOLS=1 requires it");
    }
    skipped(tool);
    false
}

/// Says visibly that a check was skipped because `tool` is missing (`eprintln!` would be
/// captured and never shown).
fn skipped(tool: &str) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "skipped: {tool} missing ({})",
        std::thread::current().name().unwrap_or("?")
    );
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The text `pdftotext` sees in a PDF, or `None` when poppler is not installed (see
/// [`require_tool`]).
pub fn pdftotext(pdf: &[u8]) -> Option<String> {
    if !require_tool("pdftotext") {
        return None;
    }
    let dir = tempfile::tempdir().ok()?;
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, pdf).ok()?;
    let out = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
        .expect("run pdftotext");
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
/// LibreOffice is optional (CI does not install it): its absence is reported, never required.
pub fn office_to_text(bytes: &[u8], ext: &str) -> Option<String> {
    if !have("soffice") {
        skipped("soffice");
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
