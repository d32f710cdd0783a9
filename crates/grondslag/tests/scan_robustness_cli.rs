//! `grondslag scan` when the holding is hostile or merely odd, through the real binary on real
//! files (issue 14): OCR leaves nothing outside the home, also when the scan is killed mid-OCR;
//! a panic while reading one document costs that document only; files that are not regular
//! files are reported, never followed or opened; names with terminal escapes or line breaks are
//! shown escaped in every human-readable table. Synthetic people only.

mod fixtures;
mod harness;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fixtures::*;
use harness::*;
use serde_json::Value;

const USER: &str = "tester";

/// Text rendered into the pictures below; OCR must find the name again.
const OCR_NAME: &str = "Ruben Maasdijk";

/// A PDF page with `lines`, rendered by poppler: (width, height, grey pixels).
fn render_grey(lines: &[&str]) -> (i64, i64, Vec<u8>) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let pdf_path = tmp.path().join("p.pdf");
    std::fs::write(&pdf_path, pdf(&[lines])).expect("write");
    let ok = std::process::Command::new("pdftoppm")
        .args(["-r", "150", "-gray", "-singlefile"])
        .arg(&pdf_path)
        .arg(tmp.path().join("page"))
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "pdftoppm failed");
    let pgm = std::fs::read(tmp.path().join("page.pgm")).expect("page.pgm");
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
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    let (w, h) = (fields[1].parse().expect("w"), fields[2].parse().expect("h"));
    (w, h, pgm[at + 1..].to_vec())
}

/// A PNG picture of text (rendered by poppler).
fn png_of(lines: &[&str]) -> Vec<u8> {
    let tmp = tempfile::tempdir().expect("temp dir");
    let pdf_path = tmp.path().join("p.pdf");
    std::fs::write(&pdf_path, pdf(&[lines])).expect("write");
    let ok = std::process::Command::new("pdftoppm")
        .args(["-r", "150", "-png", "-singlefile"])
        .arg(&pdf_path)
        .arg(tmp.path().join("page"))
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "pdftoppm failed");
    std::fs::read(tmp.path().join("page.png")).expect("page.png")
}

/// A "scanned" PDF: each page a grey picture of text, without a text layer.
fn scanned_pdf(pages: &[&[&str]]) -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut kids = Vec::new();
    for lines in pages {
        let (w, h, pixels) = render_grey(lines);
        let mut image = Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => w, "Height" => h,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
            },
            pixels,
        );
        image.compress().expect("compress");
        let image_id = doc.add_object(image);
        let content = b"q 612 0 0 792 0 0 cm /Im1 Do Q\n".to_vec();
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            "Resources" => dictionary! { "XObject" => dictionary! { "Im1" => image_id } },
        });
        kids.push(Object::Reference(page_id));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("pdf save");
    out
}

/// Runs grondslag like [`Dir::run`] with `TMPDIR` set to `tmpdir`.
fn command(d: &Dir, tmpdir: &Path, args: &[&str]) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_grondslag"));
    c.args(args)
        .env("GRONDSLAG_USER", USER)
        .env("GRONDSLAG_HOME", d.home())
        .env("TMPDIR", tmpdir)
        .env_remove("GRONDSLAG_LANG")
        .current_dir(d.tmp.path());
    c
}

/// Entries of the system's temporary folder left by grondslag's OCR.
fn ocr_leftovers_in_tmp() -> Vec<PathBuf> {
    std::fs::read_dir("/tmp")
        .map(|rd| {
            rd.flatten()
                .filter(|e| {
                    e.file_name()
                        .to_string_lossy()
                        .starts_with("grondslag-ocr-")
                })
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default()
}

/// Every path under `dir`, folders included.
fn everything_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p.clone());
            }
            out.push(p);
        }
    }
    out
}

fn documents(d: &Dir) -> Vec<Value> {
    d.json(USER, &["documents", "--json"])
        .as_array()
        .expect("documents: an array")
        .clone()
}

fn doc_at<'a>(docs: &'a [Value], suffix: &str) -> &'a Value {
    let found: Vec<&Value> = docs
        .iter()
        .filter(|d| d["path"].as_str().is_some_and(|p| p.ends_with(suffix)))
        .collect();
    assert_eq!(found.len(), 1, "documents at {suffix}: {docs:#?}");
    found[0]
}

fn id_of(doc: &Value) -> String {
    doc["id"].to_string()
}

// ------------------------------------------------------------------ 6. OCR outside the home

#[test]
fn ocr_writes_nothing_outside_the_home() {
    if !require_tool("pdftoppm") || !require_tool("tesseract") {
        return;
    }
    let d = Dir::new();
    let line = format!("Verzoek van {OCR_NAME}");
    put(
        &d.path("holding"),
        "scan.png",
        png_of(&["Gemeente Voorbeeld", &line]),
    );
    put(
        &d.path("holding"),
        "scan.pdf",
        scanned_pdf(&[&["Zienswijze", &line], &["Bijlage", &line]]),
    );
    let tmpdir = d.path("tmpdir");
    std::fs::create_dir_all(&tmpdir).expect("mkdir");
    let before = ocr_leftovers_in_tmp();
    let out = command(&d, &tmpdir, &["scan", "holding"])
        .output()
        .expect("run scan");
    assert!(out.status.success(), "scan failed: {}", stderr(&out));
    let docs = documents(&d);
    for rel in ["scan.png", "scan.pdf"] {
        let doc = doc_at(&docs, rel);
        assert_eq!(doc["needs_ocr"], Value::Bool(false), "{rel}: {doc}");
        let text = d.ok(USER, &["text", &id_of(doc)]);
        assert!(text.contains("Maasdijk"), "{rel}: OCR text {text:?}");
    }
    assert_eq!(
        everything_under(&tmpdir),
        Vec::<PathBuf>::new(),
        "the scan wrote into TMPDIR"
    );
    let new: Vec<PathBuf> = ocr_leftovers_in_tmp()
        .into_iter()
        .filter(|p| !before.contains(p))
        .collect();
    assert!(new.is_empty(), "OCR left files in /tmp: {new:?}");
}

/// With `TMPDIR` naming a file (no folder can be made there), OCR still works: it needs no
/// temporary files at all.
#[test]
fn ocr_needs_no_temporary_folder() {
    if !require_tool("pdftoppm") || !require_tool("tesseract") {
        return;
    }
    let d = Dir::new();
    let line = format!("Verzoek van {OCR_NAME}");
    put(
        &d.path("holding"),
        "scan.pdf",
        scanned_pdf(&[&["Zienswijze", &line]]),
    );
    let not_a_folder = d.write("niet-een-map", "x");
    let out = command(&d, &not_a_folder, &["scan", "holding"])
        .output()
        .expect("run scan");
    assert!(out.status.success(), "scan failed: {}", stderr(&out));
    let docs = documents(&d);
    let doc = doc_at(&docs, "scan.pdf");
    assert_eq!(doc["needs_ocr"], Value::Bool(false), "{doc}");
    let text = d.ok(USER, &["text", &id_of(doc)]);
    assert!(text.contains("Maasdijk"), "OCR text {text:?}");
}

/// The pids of running processes named `name` whose parent is `parent`, other than the one
/// that asks whether the program is installed (`--list-langs`).
fn children_named(parent: u32, name: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // "pid (comm) state ppid ...": comm may hold spaces, so split after the last ')'.
        let Some((head, tail)) = stat.rsplit_once(')') else {
            continue;
        };
        let comm = head.split_once('(').map_or("", |(_, c)| c);
        let ppid = tail.split_whitespace().nth(1).and_then(|p| p.parse().ok());
        let probe = std::fs::read(format!("/proc/{pid}/cmdline"))
            .is_ok_and(|c| contains(&c, b"--list-langs"));
        if comm == name && ppid == Some(parent) && !probe {
            out.push(pid);
        }
    }
    out
}

#[test]
fn a_scan_killed_mid_ocr_leaves_nothing_outside_the_home() {
    if !require_tool("pdftoppm") || !require_tool("tesseract") {
        return;
    }
    let d = Dir::new();
    let line = format!("Verzoek van {OCR_NAME}");
    let page: &[&str] = &["Zienswijze", &line];
    put(
        &d.path("holding"),
        "scan.pdf",
        scanned_pdf(&[page, page, page, page, page, page]),
    );
    for i in 0..4 {
        put(
            &d.path("holding"),
            &format!("beeld{i}.png"),
            png_of(&["Gemeente Voorbeeld", &line, &format!("bijlage {i}")]),
        );
    }
    let tmpdir = d.path("tmpdir");
    std::fs::create_dir_all(&tmpdir).expect("mkdir");
    let before = ocr_leftovers_in_tmp();
    let mut child = command(&d, &tmpdir, &["scan", "--jobs", "1", "holding"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn scan");
    // Wait until an OCR program runs for the scan, then kill the scan with SIGKILL.
    let started = Instant::now();
    let mut ocr_seen = false;
    while started.elapsed() < Duration::from_secs(120) {
        if !children_named(child.id(), "tesseract").is_empty() {
            ocr_seen = true;
            break;
        }
        if child.try_wait().expect("try_wait").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(ocr_seen, "the scan never ran tesseract");
    assert_eq!(
        everything_under(&tmpdir),
        Vec::<PathBuf>::new(),
        "a killed scan left files in TMPDIR"
    );
    let new: Vec<PathBuf> = ocr_leftovers_in_tmp()
        .into_iter()
        .filter(|p| !before.contains(p))
        .collect();
    assert!(
        new.is_empty(),
        "a killed scan left OCR files in /tmp: {new:?}"
    );
    // The next scan finishes the job.
    let out = command(&d, &tmpdir, &["scan", "holding"])
        .output()
        .expect("run scan");
    assert!(out.status.success(), "scan failed: {}", stderr(&out));
    let docs = documents(&d);
    let doc = doc_at(&docs, "scan.pdf");
    assert_eq!(doc["needs_ocr"], Value::Bool(false), "{doc}");
    assert!(everything_under(&tmpdir).is_empty());
}
