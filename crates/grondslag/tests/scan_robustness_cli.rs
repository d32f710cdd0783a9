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

/// The one document found at a path ending in `suffix` (its first path or any other).
fn doc_at<'a>(docs: &'a [Value], suffix: &str) -> &'a Value {
    let found: Vec<&Value> = docs
        .iter()
        .filter(|d| {
            d["paths"].as_array().is_some_and(|ps| {
                ps.iter()
                    .any(|p| p.as_str().is_some_and(|p| p.ends_with(suffix)))
            })
        })
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

// ------------------------------------------------------------------ 10. a panic in one document

/// A name that occurs only in the document that panics: it must not appear in any output.
const PANIC_SECRET: &str = "Wilhelmina Brouwersgracht";

/// Runs grondslag like [`Dir::run`] with extra environment variables.
fn run_env(d: &Dir, env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_grondslag"));
    c.args(args)
        .env("GRONDSLAG_USER", USER)
        .env("GRONDSLAG_HOME", d.home())
        .env_remove("GRONDSLAG_LANG")
        .current_dir(d.tmp.path());
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run grondslag")
}

#[test]
fn a_panic_in_one_document_costs_that_document_only() {
    // The trigger exists only in debug builds (the test binary's profile is the tool's).
    if !cfg!(debug_assertions) {
        return;
    }
    let d = Dir::new();
    let root = d.path("holding");
    put(&root, "a-notities.txt", NOTES);
    put(
        &root,
        "boem.txt",
        format!("Gesprek met {PANIC_SECRET}, telefoon 06-12121212.\n"),
    );
    put(
        &root,
        "c-archief.zip",
        zip_of(&[
            (
                "boem.txt",
                format!("Ook {PANIC_SECRET} in het archief.\n").as_bytes(),
            ),
            ("nota.txt", b"Nota over Bram Peterse.\n"),
        ]),
    );
    let out = run_env(
        &d,
        &[("GRONDSLAG_TEST_PANIC_ON", "boem.txt")],
        &["scan", "holding"],
    );
    let err = stderr(&out);
    assert!(out.status.success(), "scan failed: {err}");
    assert!(
        !err.contains(PANIC_SECRET) && !contains(&out.stdout, PANIC_SECRET.as_bytes()),
        "the panic's message (document text) was printed: {err}"
    );
    assert!(err.contains("interne fout"), "no word of the panic: {err}");
    let docs = documents(&d);
    for rel in ["holding/boem.txt", "holding/c-archief.zip!boem.txt"] {
        let doc = doc_at(&docs, rel);
        assert_eq!(doc["readable"], Value::Bool(false), "{rel}: {doc}");
        let reason = doc["unreadable_reason"].as_str().unwrap_or("");
        assert!(reason.contains("interne fout"), "{rel}: reason {reason:?}");
    }
    for rel in [
        "holding/a-notities.txt",
        "holding/c-archief.zip",
        "holding/c-archief.zip!nota.txt",
    ] {
        let doc = doc_at(&docs, rel);
        assert_eq!(doc["readable"], Value::Bool(true), "{rel}: {doc}");
    }
    assert!(doc_at(&docs, "holding/a-notities.txt")["findings"].as_u64() > Some(0));
    // Nothing of the panicking document reached the home in plain text either.
    assert_no_plain_text(&d.home(), &[PANIC_SECRET]);
}

#[test]
fn a_panic_in_a_large_streamed_text_costs_that_document_only() {
    if !cfg!(debug_assertions) {
        return;
    }
    let d = Dir::new();
    let root = d.path("holding");
    put(&root, "a-notities.txt", NOTES);
    put(
        &root,
        "boem.txt",
        format!("Gesprek met {PANIC_SECRET}.\n").repeat(2000),
    );
    let out = run_env(
        &d,
        &[
            ("GRONDSLAG_TEST_PANIC_ON", "boem.txt"),
            ("GRONDSLAG_TEST_STREAM_ABOVE", "1000"),
        ],
        &["scan", "holding"],
    );
    let err = stderr(&out);
    assert!(out.status.success(), "scan failed: {err}");
    assert!(!err.contains(PANIC_SECRET), "{err}");
    let docs = documents(&d);
    let doc = doc_at(&docs, "holding/boem.txt");
    assert_eq!(doc["readable"], Value::Bool(false), "{doc}");
    assert_eq!(
        doc_at(&docs, "holding/a-notities.txt")["readable"],
        Value::Bool(true)
    );
}

// ------------------------------------------------------------------ 11. large texts stream

/// Lines with names, numbers and addresses, `n` bytes or a little more.
fn big_text(n: usize) -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.len() < n {
        s.push_str(&format!(
            "Op {} maart sprak de heer Joris van Leeuwen met mevrouw Anouk Veldhuizen over \
             dossier {i}; zij is bereikbaar via 06-4821{:04} en woont aan de Dorpsstraat {}, \
             3851 AB Ermelo. ",
            i % 28 + 1,
            i % 10_000,
            i % 200 + 1
        ));
        if i % 7 == 0 {
            s.push_str("\n\n");
        }
        i += 1;
    }
    s
}

/// A text file above the streaming threshold (lowered for the test) is stored with the same
/// text, the same findings as `detect` gives and the same dedup as a small one.
#[test]
fn a_large_text_is_streamed_with_the_same_result() {
    if !cfg!(debug_assertions) {
        return;
    }
    let d = Dir::new();
    let text = big_text(1_000_000);
    put(&d.path("holding"), "groot.txt", &text);
    put(&d.path("holding"), "kopie/groot.txt", &text);
    let mut latin1 = b"Caf\xe9 de Kroon, ".repeat(1000);
    latin1.extend_from_slice(b"einde\n");
    put(&d.path("holding"), "latin1.txt", &latin1);
    let out = run_env(
        &d,
        &[("GRONDSLAG_TEST_STREAM_ABOVE", "1000")],
        &["scan", "holding"],
    );
    assert!(out.status.success(), "scan failed: {}", stderr(&out));
    let docs = documents(&d);
    assert_eq!(docs.len(), 2, "{docs:#?}");
    let doc = doc_at(&docs, "holding/groot.txt");
    assert_eq!(doc["readable"], Value::Bool(true), "{doc}");
    assert_eq!(doc["paths"].as_array().map(Vec::len), Some(2), "{doc}");
    let stored = d.run(USER, &["text", &id_of(doc)]);
    assert!(stored.status.success());
    assert!(stored.stdout == text.as_bytes(), "stored text differs");
    let detected = d.ok(USER, &["detect", "--format", "jsonl", "holding/groot.txt"]);
    assert_eq!(
        doc["findings"].as_u64(),
        Some(detected.lines().count() as u64),
        "findings differ from `detect`"
    );
    // Not UTF-8 in a streamed file: unreadable with a reason, as `extract` refuses it too.
    let bad = doc_at(&docs, "holding/latin1.txt");
    assert_eq!(bad["readable"], Value::Bool(false), "{bad}");
    assert!(
        bad["unreadable_reason"]
            .as_str()
            .is_some_and(|r| r.contains("UTF-8")),
        "{bad}"
    );
    // Encrypted at rest like everything else.
    assert_no_plain_text(&d.home(), &["Anouk Veldhuizen", "Dorpsstraat"]);
    // A re-scan finds it unchanged; `summary` counts it once.
    let out = run_env(
        &d,
        &[("GRONDSLAG_TEST_STREAM_ABOVE", "1000")],
        &["scan", "holding"],
    );
    assert!(out.status.success());
    assert_eq!(documents(&d).len(), 2);
}

// ------------------------------------------------------------------ 13. odd files and names

/// Waits for `child` at most `limit`; kills it and fails when it takes longer.
fn wait_bounded(mut child: std::process::Child, limit: Duration) -> std::process::Output {
    let started = Instant::now();
    while child.try_wait().expect("try_wait").is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("grondslag did not finish within {limit:?} (blocked on a FIFO?)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

#[test]
fn files_that_are_not_regular_are_reported_never_opened() {
    use std::os::unix::fs::symlink;
    let d = Dir::new();
    let root = d.path("holding");
    put(&root, "gewoon.txt", NOTES);
    put(
        &d.path("elders"),
        "geheim.txt",
        "Dossier van Iris Bosveld.\n",
    );
    let ok = std::process::Command::new("mkfifo")
        .arg(root.join("pijp"))
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "mkfifo failed");
    symlink(d.path("elders/geheim.txt"), root.join("naar-buiten.txt")).expect("symlink");
    symlink(d.path("elders"), root.join("map-buiten")).expect("symlink");
    symlink(root.join("lus-b"), root.join("lus-a")).expect("symlink");
    symlink(root.join("lus-a"), root.join("lus-b")).expect("symlink");
    symlink(root.join("bestaat-niet"), root.join("los")).expect("symlink");
    // A link to a file inside the scanned tree is that file found at a second path.
    symlink(root.join("gewoon.txt"), root.join("zelfde.txt")).expect("symlink");
    // A device file, where this user may make one.
    let device = std::process::Command::new("mknod")
        .arg(root.join("apparaat"))
        .args(["c", "1", "3"])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());

    let child = std::process::Command::new(env!("CARGO_BIN_EXE_grondslag"))
        .args(["scan", "holding"])
        .env("GRONDSLAG_USER", USER)
        .env("GRONDSLAG_HOME", d.home())
        .env_remove("GRONDSLAG_LANG")
        .current_dir(d.tmp.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let out = wait_bounded(child, Duration::from_secs(120));
    let err = stderr(&out);
    assert!(out.status.success(), "scan failed: {err}");
    let docs = documents(&d);
    let mut odd = vec![
        "pijp",
        "naar-buiten.txt",
        "map-buiten",
        "lus-a",
        "lus-b",
        "los",
    ];
    if device {
        odd.push("apparaat");
    }
    for name in &odd {
        let doc = doc_at(&docs, &format!("holding/{name}"));
        assert_eq!(doc["readable"], Value::Bool(false), "{name}: {doc}");
        assert!(
            doc["unreadable_reason"]
                .as_str()
                .is_some_and(|r| !r.is_empty()),
            "{name}: {doc}"
        );
        assert!(err.contains(name), "{name} not reported: {err}");
    }
    // The link out of the tree was not followed.
    assert!(
        !docs.iter().any(|d| d["findings"].as_u64() > Some(0)
            && d["path"].as_str().unwrap_or("").contains("buiten")),
        "{docs:#?}"
    );
    let gewoon = doc_at(&docs, "holding/gewoon.txt");
    assert_eq!(gewoon["readable"], Value::Bool(true));
    let paths: Vec<&str> = gewoon["paths"]
        .as_array()
        .map(|ps| ps.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert!(
        paths.iter().any(|p| p.ends_with("holding/zelfde.txt")),
        "{gewoon}"
    );
}

/// The file name that tries to colour the terminal and start a new line.
const EVIL: &str = "rood\u{1b}[31mrood\nregel\u{7}.txt";

#[test]
fn names_with_escapes_are_shown_escaped_and_json_stays_exact() {
    let d = Dir::new();
    let root = d.path("holding");
    put(&root, EVIL, NOTES);
    let ok = std::process::Command::new("mkfifo")
        .arg(root.join("pijp\u{1b}]0;titel\u{7}"))
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "mkfifo failed");
    let out = d.run(USER, &["scan", "holding"]);
    let err = stderr(&out);
    assert!(out.status.success(), "scan failed: {err}");
    let raw = |s: &[u8]| s.iter().any(|&b| b == 0x1b || b == 0x07);
    assert!(
        !raw(err.as_bytes()),
        "scan report holds raw escapes: {err:?}"
    );
    assert!(err.contains("pijp\\u{1b}]0;titel\\u{7}"), "{err:?}");

    let table = d.ok(USER, &["documents"]);
    assert!(!raw(table.as_bytes()), "documents table: {table:?}");
    assert!(
        table.contains("rood\\u{1b}[31mrood\\nregel\\u{7}.txt"),
        "{table:?}"
    );
    // One line per document (and the header): the name's line break is not a line break.
    assert_eq!(table.lines().count(), 3, "{table:?}");

    let docs = documents(&d);
    let doc = doc_at(&docs, &format!("holding/{EVIL}"));
    assert_eq!(
        doc["path"].as_str(),
        Some(format!("holding/{EVIL}").as_str())
    );
    let id = id_of(doc);
    let shown = d.ok(USER, &["document", &id]);
    assert!(!raw(shown.as_bytes()), "{shown:?}");

    // `detect` without --format: a table too. Its JSON lines name the file exactly.
    let file = format!("holding/{EVIL}");
    let human = d.ok(USER, &["detect", &file]);
    assert!(!human.is_empty() && !raw(human.as_bytes()), "{human:?}");
    let jsonl = d.ok(USER, &["detect", "--format", "jsonl", &file]);
    let first: Value =
        serde_json::from_str(jsonl.lines().next().expect("a finding")).expect("JSON");
    assert_eq!(first["file"].as_str(), Some(file.as_str()));
}
