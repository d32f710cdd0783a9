//! `grondslag scan` on a real folder with every supported format, checked through the
//! inventory views (`summary`, `documents`, `subjects`, `text`) and on disk (nothing personal in
//! plain text under the home folder). Synthetic people only.
//!
//! Most tests share one scanned holding (built once per test binary); the tests that change the
//! holding or kill the scan build their own.

mod fixtures;
mod harness;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

use fixtures::*;
use harness::*;
use serde_json::Value;

const USER: &str = "tester";

struct Scanned {
    d: Dir,
    holding: Holding,
    scan_stderr: String,
    docs: Vec<Value>,
}

/// A temp dir under the target dir, so the shared holding (never dropped) is not left in /tmp.
fn shared_dir() -> Dir {
    let base = Path::new(env!("CARGO_TARGET_TMPDIR"));
    // Leftovers of earlier runs: the shared holding lives in a static and is never dropped.
    if let Ok(rd) = std::fs::read_dir(base) {
        for e in rd.flatten() {
            let old = e
                .metadata()
                .ok()
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.elapsed().ok());
            if e.file_name().to_string_lossy().starts_with("scan_cli_")
                && old.is_some_and(|age| age > Duration::from_secs(3600))
            {
                restore_permissions(&e.path().join("holding"));
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
    Dir::in_temp(
        tempfile::Builder::new()
            .prefix("scan_cli_")
            .tempdir_in(base)
            .expect("temp dir"),
    )
}

fn scanned() -> &'static Scanned {
    static S: OnceLock<Scanned> = OnceLock::new();
    S.get_or_init(|| {
        let d = shared_dir();
        let root = d.path("holding");
        std::fs::create_dir_all(&root).expect("mkdir");
        let holding = write_holding(&root);
        let out = d.run(USER, &["scan", "holding"]);
        restore_permissions(&root);
        assert!(
            out.status.success(),
            "scan failed: {}\n{}",
            out.status,
            stderr(&out)
        );
        let docs = d
            .json(USER, &["documents", "--json"])
            .as_array()
            .expect("documents: an array")
            .clone();
        Scanned {
            d,
            holding,
            scan_stderr: stderr(&out),
            docs,
        }
    })
}

/// The documents at `holding/REL` (by first path or by any path they were found at).
fn at<'a>(docs: &'a [Value], rel: &str) -> Vec<&'a Value> {
    let want = format!("holding/{rel}");
    docs.iter()
        .filter(|d| {
            d["path"].as_str().is_some_and(|p| p.ends_with(&want))
                || d["paths"].as_array().is_some_and(|ps| {
                    ps.iter()
                        .any(|p| p.as_str().is_some_and(|p| p.ends_with(&want)))
                })
        })
        .collect()
}

fn one<'a>(docs: &'a [Value], rel: &str) -> &'a Value {
    let found = at(docs, rel);
    assert_eq!(
        found.len(),
        1,
        "documents at {rel}: {found:#?}\nall paths: {:#?}",
        paths(docs)
    );
    found[0]
}

fn paths(docs: &[Value]) -> Vec<&str> {
    docs.iter()
        .map(|d| d["path"].as_str().unwrap_or("?"))
        .collect()
}

fn id_of(doc: &Value) -> String {
    match &doc["id"] {
        Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

fn text_of(d: &Dir, doc: &Value) -> Vec<u8> {
    let id = id_of(doc);
    let out = d.run(USER, &["text", &id]);
    assert!(
        out.status.success(),
        "text {id} ({}) failed: {}",
        doc["path"],
        stderr(&out)
    );
    out.stdout
}

// ------------------------------------------------------------------ the shared holding

#[test]
fn summary_counts_every_document_and_the_unreadable_ones() {
    let s = scanned();
    let sum = s.d.json(USER, &["summary", "--json"]);
    // 28 documents: 20 top-level files (the copy of notities.txt is the same document), the
    // .msg attachment, 3 mail attachments, 3 mbox messages, 2 zip members, and the unreadable
    // folder or the file in it; plus the PNG when one could be rendered.
    let expected = 28 + u64::from(s.holding.png);
    assert_eq!(
        sum["documents"].as_u64(),
        Some(expected),
        "summary {sum}\npaths: {:#?}",
        paths(&s.docs)
    );
    assert_eq!(
        s.docs.len() as u64,
        expected,
        "documents --json: {:#?}",
        paths(&s.docs)
    );
    let unreadable = s
        .docs
        .iter()
        .filter(|d| d["readable"] == Value::Bool(false))
        .count() as u64;
    let broken = 4 + u64::from(s.holding.unreadable_dir);
    assert!(
        sum["unreadable"].as_u64().is_some_and(|n| n >= broken),
        "summary {sum}"
    );
    assert_eq!(
        sum["unreadable"].as_u64(),
        Some(unreadable),
        "summary vs documents --json"
    );
    assert!(
        sum["findings"].as_u64().is_some_and(|n| n > 10),
        "summary {sum}"
    );
    assert!(
        sum["subjects"].as_u64().is_some_and(|n| n >= 5),
        "summary {sum}"
    );
    let findings: u64 = s.docs.iter().filter_map(|d| d["findings"].as_u64()).sum();
    assert_eq!(
        sum["findings"].as_u64(),
        Some(findings),
        "summary vs documents --json"
    );
}

#[test]
fn documents_inside_others_are_named_outer_bang_inner() {
    let s = scanned();
    for rel in [
        "mail/met-bijlagen.eml!verzoek.pdf",
        "mail/met-bijlagen.eml!machtiging.docx",
        "mail/met-bijlagen.eml!aantekening.txt",
        "mail/box.mbox!1",
        "mail/box.mbox!2",
        "mail/box.mbox!3",
        "archief.zip!map/nota.txt",
        "archief.zip!map/sub/diep.txt",
        "vraag.msg!machtiging.txt",
    ] {
        let doc = one(&s.docs, rel);
        assert_eq!(doc["readable"], Value::Bool(true), "{rel}: {doc}");
        assert_eq!(doc["status"], "active", "{rel}: {doc}");
        assert_eq!(doc["disposition"], Value::Null, "{rel}: {doc}");
    }
    // No directory entries of the zip and nothing beyond the bomb's one member.
    assert!(
        at(&s.docs, "archief.zip!map/").is_empty(),
        "a zip folder entry became a document"
    );
    assert!(s
        .docs
        .iter()
        .all(|d| !d["path"].as_str().unwrap_or("").contains("bom.zip!")));
}

#[test]
fn every_format_is_read() {
    let s = scanned();
    for rel in [
        "notities.txt",
        "leesmij.md",
        "raad.html",
        "brief.rtf",
        "besluit.docx",
        "verslag.odt",
        "lijst.xlsx",
        "besluit.pdf",
        "vraag.msg",
        "mail/latin1.eml",
        "mail/onbekend.eml",
        "mail/met-bijlagen.eml",
        "mail/box.mbox",
        "archief.zip",
    ] {
        let doc = one(&s.docs, rel);
        assert_eq!(doc["readable"], Value::Bool(true), "{rel}: {doc}");
    }
}

#[test]
fn broken_files_are_unreadable_documents_with_a_reason() {
    let s = scanned();
    for rel in ["kapot.pdf", "geheim.docx", "binair.txt", "bom.zip"] {
        let doc = one(&s.docs, rel);
        assert_eq!(doc["readable"], Value::Bool(false), "{rel}: {doc}");
        assert_eq!(doc["findings"].as_u64(), Some(0), "{rel}: {doc}");
        if let Some(reason) = doc["unreadable_reason"].as_str() {
            assert!(!reason.is_empty(), "{rel}: empty reason");
            for secret in SECRETS {
                assert!(
                    !reason.contains(secret),
                    "{rel}: reason quotes personal data"
                );
            }
        }
    }
    if s.holding.unreadable_dir {
        let doc = one(&s.docs, "onleesbaar");
        assert_eq!(doc["readable"], Value::Bool(false), "{doc}");
    } else {
        eprintln!("unreadable folder: skipped (running as root, chmod 000 does not stop reads)");
        assert_eq!(
            one(&s.docs, "onleesbaar/dossier.txt")["readable"],
            Value::Bool(true)
        );
    }
    // A document that cannot be read has no text to show.
    let doc = one(&s.docs, "bom.zip");
    let out = s.d.run(USER, &["text", &id_of(doc)]);
    assert!(
        out.stdout.is_empty() || !out.status.success(),
        "text of the bomb: {:?}",
        out
    );
}

#[test]
fn documents_with_names_have_findings() {
    let s = scanned();
    let mut missing = Vec::new();
    for rel in [
        "notities.txt",
        "leesmij.md",
        "raad.html",
        "brief.rtf",
        "besluit.docx",
        "verslag.odt",
        "lijst.xlsx",
        "besluit.pdf",
        "vraag.msg",
        "vraag.msg!machtiging.txt",
        "mail/latin1.eml",
        "mail/onbekend.eml",
        "mail/met-bijlagen.eml",
        "mail/met-bijlagen.eml!verzoek.pdf",
        "mail/met-bijlagen.eml!machtiging.docx",
        "mail/met-bijlagen.eml!aantekening.txt",
        "mail/box.mbox!1",
        "mail/box.mbox!2",
        "mail/box.mbox!3",
        "archief.zip!map/nota.txt",
        "archief.zip!map/sub/diep.txt",
    ] {
        if one(&s.docs, rel)["findings"].as_u64().unwrap_or(0) == 0 {
            missing.push(rel);
        }
    }
    assert!(missing.is_empty(), "no findings in: {missing:?}");
}

#[test]
fn identical_files_at_two_paths_are_one_document() {
    let s = scanned();
    let a = at(&s.docs, "notities.txt");
    let b = at(&s.docs, "kopie/notities.txt");
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(b.len(), 1, "{b:#?}");
    assert_eq!(a[0]["id"], b[0]["id"]);
    if let Some(ps) = a[0]["paths"].as_array() {
        assert_eq!(ps.len(), 2, "paths {ps:?}");
    }
}

#[test]
fn one_person_in_docx_pdf_and_attachment_is_one_subject() {
    let s = scanned();
    let subjects = s.d.json(USER, &["subjects", "--json"]);
    let subjects = subjects.as_array().expect("subjects: an array");
    let p1: Vec<&Value> = subjects
        .iter()
        .filter(|x| x["name"].as_str().is_some_and(|n| n.contains("Leeuwen")))
        .collect();
    assert_eq!(p1.len(), 1, "subjects named like {P1_NAME}: {p1:#?}");
    let n = p1[0]["documents"].as_u64().unwrap_or(0);
    // besluit.docx, besluit.pdf, met-bijlagen.eml (its From and body), and its attachments.
    assert!(n >= 3, "{P1_NAME} in {n} documents: {}", p1[0]);
    assert!(p1[0].get("id").is_some());
    // Every subject's name is shown and its document count is at least one.
    for x in subjects {
        assert!(x["name"].as_str().is_some_and(|n| !n.is_empty()), "{x}");
        assert!(x["documents"].as_u64().is_some_and(|n| n >= 1), "{x}");
    }
}

#[test]
fn text_of_a_stored_document_equals_extract_of_the_file() {
    let s = scanned();
    let mut differ = Vec::new();
    for rel in [
        "notities.txt",
        "leesmij.md",
        "raad.html",
        "brief.rtf",
        "besluit.docx",
        "verslag.odt",
        "lijst.xlsx",
        "besluit.pdf",
        "vraag.msg",
        "mail/latin1.eml",
        "mail/onbekend.eml",
        "mail/met-bijlagen.eml",
        "mail/box.mbox",
        "archief.zip",
    ] {
        let file = format!("holding/{rel}");
        let extracted = s.d.run(USER, &["extract", &file]);
        assert!(
            extracted.status.success(),
            "extract {file}: {}",
            stderr(&extracted)
        );
        if text_of(&s.d, one(&s.docs, rel)) != extracted.stdout {
            differ.push(rel);
        }
    }
    assert!(
        differ.is_empty(),
        "text differs from extract for {differ:?}"
    );
    // Attachments and members: their stored text is what `extract` prints for them as files.
    let tmp = Dir::new();
    let note = format!("Aantekening: {P1_NAME} belde op {P1_PHONE} over zijn verzoek.\n");
    let f = tmp.write("aantekening.txt", &note);
    assert_eq!(
        tmp.ok(USER, &["extract", f.to_str().expect("utf-8 path")])
            .as_bytes(),
        note.as_bytes()
    );
    assert_eq!(
        text_of(&s.d, one(&s.docs, "mail/met-bijlagen.eml!aantekening.txt")),
        note.as_bytes()
    );
    let member = text_of(&s.d, one(&s.docs, "archief.zip!map/nota.txt"));
    assert_eq!(
        member,
        b"Nota aan wethouder: gesprek gevoerd met Bram Peterse over de subsidie.\n"
    );
}

#[test]
fn legacy_and_unknown_charsets_are_decoded() {
    let s = scanned();
    let latin1 =
        String::from_utf8(text_of(&s.d, one(&s.docs, "mail/latin1.eml"))).expect("utf-8 text");
    assert!(latin1.contains("café"), "{latin1:?}");
    assert!(latin1.contains("Teun Oosterveld"));
    let unknown =
        String::from_utf8(text_of(&s.d, one(&s.docs, "mail/onbekend.eml"))).expect("utf-8 text");
    assert!(unknown.contains("Anouk Veldhuizen"), "{unknown:?}");
}

#[test]
fn image_text_is_read_when_ocr_is_installed() {
    let s = scanned();
    // Without pdftoppm the holding has no PNG (`require_tool` said so when it was written).
    if !s.holding.png {
        return;
    }
    let doc = one(&s.docs, "scan.png");
    assert_eq!(doc["readable"], Value::Bool(true), "{doc}");
    if !require_tool("tesseract") {
        assert_eq!(doc["needs_ocr"], Value::Bool(true), "{doc}");
        return;
    }
    let text = String::from_utf8_lossy(&text_of(&s.d, doc)).into_owned();
    assert!(text.contains("Maasdijk"), "OCR text {text:?}");
    assert!(doc["findings"].as_u64().is_some_and(|n| n > 0), "{doc}");
}

#[test]
fn nothing_personal_is_stored_in_plain_text() {
    let s = scanned();
    // The search finds what is there: in the holding's uncompressed files, as UTF-8 and (in
    // the .msg) as UTF-16.
    let found = plain_text_leaks(&s.d.path("holding"), SECRETS);
    for secret in [
        "Marloes Brinkhuis",
        "m.brinkhuis@voorbeeld.nl",
        "06-71830254",
        "Daan Vermeulen",
    ] {
        assert!(
            found.iter().any(|l| l.ends_with(&format!("{secret:?}"))),
            "self-check: {secret:?} not found in the holding"
        );
    }
    let files = files_under(&s.d.home());
    assert!(
        files.iter().any(|f| f.ends_with("grondslag.db")),
        "no grondslag.db in {files:?}"
    );
    assert_no_plain_text(&s.d.home(), SECRETS);
    for secret in SECRETS {
        assert!(
            !s.scan_stderr.contains(secret),
            "scan's stderr quotes {secret:?}"
        );
    }
}

// ------------------------------------------------------------------ holdings of their own

#[test]
fn scan_of_a_missing_path_fails_and_says_why() {
    let d = Dir::new();
    let out = d.run(USER, &["scan", "nergens"]);
    assert!(!out.status.success(), "scan of a missing path succeeded");
    assert!(
        stderr(&out).contains("nergens"),
        "stderr does not name the path: {}",
        stderr(&out)
    );
}

fn small_holding(d: &Dir) {
    let root = d.path("holding");
    put(&root, "notities.txt", NOTES);
    put(
        &root,
        "besluit.docx",
        docx(&[&format!(
            "Het bezwaar van de heer {P1_NAME} is ontvankelijk."
        )]),
    );
    put(
        &root,
        "mail/met-bijlage.eml",
        eml_with_attachments(
            &format!("{P1_NAME} <{P1_EMAIL}>"),
            "Verzoek",
            "Zie bijlage.",
            &[(
                "aantekening.txt",
                "text/plain",
                format!("Gebeld met {P1_NAME}.\n").as_bytes(),
            )],
        ),
    );
    put(
        &root,
        "archief.zip",
        zip_of(&[("map/nota.txt", b"Nota over Bram Peterse.\n")]),
    );
}

#[test]
fn rescan_adds_nothing_and_a_changed_file_becomes_a_new_version() {
    let d = Dir::new();
    small_holding(&d);
    d.ok(USER, &["scan", "holding"]);
    let first = d.json(USER, &["documents", "--json"]);
    let sum1 = d.json(USER, &["summary", "--json"]);
    // 4 files, the mail's attachment and the zip's member.
    assert_eq!(first.as_array().map(Vec::len), Some(6), "{first:#}");

    d.ok(USER, &["scan", "holding"]);
    assert_eq!(
        d.json(USER, &["documents", "--json"]),
        first,
        "a re-scan of an unchanged holding changed the inventory"
    );
    assert_eq!(d.json(USER, &["summary", "--json"]), sum1);

    let changed = format!("{NOTES}Aanvulling: ook Teun Oosterveld belde, op 020-5558123.\n");
    d.write("holding/notities.txt", &changed);
    d.ok(USER, &["scan", "holding"]);
    let after = d.json(USER, &["documents", "--json"]);
    let after = after.as_array().expect("an array");
    assert_eq!(after.len(), 7, "one new version expected: {after:#?}");
    let versions = at(after, "notities.txt");
    assert_eq!(versions.len(), 2, "{versions:#?}");
    let newest = versions
        .iter()
        .max_by_key(|v| v["version"].as_u64().unwrap_or(0))
        .expect("two versions");
    assert_eq!(text_of(&d, newest), changed.as_bytes());
    if let (Some(v), Some(old)) = (
        newest["version"].as_u64(),
        versions.iter().find(|v| v["id"] != newest["id"]),
    ) {
        assert_eq!(v, 2, "{newest}");
        assert_eq!(old["superseded_by"], newest["id"], "{old}");
    }
    assert!(
        newest["findings"].as_u64()
            > one(first.as_array().expect("array"), "notities.txt")["findings"].as_u64()
    );
}

/// What must be equal between a clean scan and an interrupted-and-resumed one.
fn inventory_key(docs: &Value) -> Vec<(String, bool, u64, String)> {
    let mut k: Vec<_> = docs
        .as_array()
        .expect("an array")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or("").to_owned(),
                d["readable"].as_bool().unwrap_or(false),
                d["findings"].as_u64().unwrap_or(u64::MAX),
                d["status"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    k.sort();
    k
}

#[test]
fn a_scan_killed_midway_is_completed_by_the_next_without_duplicates() {
    const N: usize = 600;
    let clean = Dir::new();
    write_big_holding(&clean.path("holding"), N);
    clean.ok(USER, &["scan", "holding"]);
    let want = clean.json(USER, &["documents", "--json"]);
    let want_key = inventory_key(&want);
    // 600 files: 24 zips (3 documents each), 48 mails (2 each), 528 texts.
    assert_eq!(want_key.len(), 24 * 3 + 48 * 2 + 528);

    let d = Dir::new();
    write_big_holding(&d.path("holding"), N);
    let mut killed = 0;
    for delay in [400, 1200, 2500] {
        let mut child = spawn(&d, USER, &["scan", "holding"]);
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill(); // SIGKILL
        let status = child.wait().expect("wait for scan");
        use std::os::unix::process::ExitStatusExt;
        if status.signal() == Some(9) {
            killed += 1;
        }
    }
    eprintln!("{killed} of 3 scans were killed mid-way");
    // What a killed scan leaves behind (a WAL, a journal) holds nothing personal either.
    let secrets = big_holding_secrets(N);
    let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();
    assert_no_plain_text(&d.home(), &secrets);
    d.ok(USER, &["scan", "holding"]);
    let got = d.json(USER, &["documents", "--json"]);
    let got_key = inventory_key(&got);
    let mut seen = BTreeMap::new();
    for (path, ..) in &got_key {
        *seen.entry(path.clone()).or_insert(0) += 1;
    }
    let dups: Vec<_> = seen.iter().filter(|(_, &n)| n > 1).collect();
    assert!(
        dups.is_empty(),
        "duplicate documents after the killed scans: {dups:?}"
    );
    if got_key != want_key {
        let only_got: Vec<_> = got_key
            .iter()
            .filter(|k| !want_key.contains(k))
            .take(10)
            .collect();
        let only_want: Vec<_> = want_key
            .iter()
            .filter(|k| !got_key.contains(k))
            .take(10)
            .collect();
        panic!(
            "inventory after kill + rerun ({}) differs from a clean scan ({}):\nonly after kill: {only_got:#?}\nonly clean: {only_want:#?}",
            got_key.len(),
            want_key.len()
        );
    }
    assert_eq!(
        d.json(USER, &["summary", "--json"]),
        clean.json(USER, &["summary", "--json"])
    );
    assert!(
        killed > 0,
        "no scan was killed mid-way; the holding is too small for this machine"
    );
    let verify = d.run(USER, &["audit", "verify"]);
    assert!(
        verify.status.success(),
        "audit verify after killed scans: {}",
        stderr(&verify)
    );
}

/// `grondslag scan` that aborts itself (SIGABRT: no destructors, no cleanup, as `kill -9`)
/// right after `after` documents were ingested, i.e. inside an uncommitted batch.
fn scan_crashing_after(d: &Dir, after: u64) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_grondslag"))
        .args(["scan", "holding"])
        .env("GRONDSLAG_USER", USER)
        .env("GRONDSLAG_HOME", d.home())
        .env("GRONDSLAG_TEST_CRASH_AFTER_DOCUMENTS", after.to_string())
        .env_remove("GRONDSLAG_LANG")
        .current_dir(d.tmp.path())
        .output()
        .expect("run grondslag")
}

#[test]
fn a_scan_crashing_inside_a_batch_loses_only_that_batch_and_the_audit_log_verifies() {
    const N: usize = 400;
    // The scan commits every 200 documents (or 250 ms): after 300 ingests at least one batch
    // was committed and the open one holds at least the last document.
    const CRASH_AFTER: u64 = 300;
    let clean = Dir::new();
    write_big_holding(&clean.path("holding"), N);
    clean.ok(USER, &["scan", "holding"]);
    let want_key = inventory_key(&clean.json(USER, &["documents", "--json"]));
    assert!(want_key.len() as u64 > CRASH_AFTER, "holding too small");

    let d = Dir::new();
    write_big_holding(&d.path("holding"), N);
    let out = scan_crashing_after(&d, CRASH_AFTER);
    use std::os::unix::process::ExitStatusExt;
    assert!(
        out.status.signal().is_some(),
        "the scan did not crash: {} {}",
        out.status,
        stderr(&out)
    );
    // Some batches were committed, the open one was lost with the process.
    let stored = d.json(USER, &["summary", "--json"])["documents"]
        .as_u64()
        .expect("a count");
    assert!(
        stored > 0 && stored < CRASH_AFTER,
        "{stored} documents stored after a crash at ingest {CRASH_AFTER}"
    );
    // The signed head never runs ahead of the committed log.
    let verify = d.run(USER, &["audit", "verify"]);
    assert!(
        verify.status.success(),
        "audit verify right after the crash: {}",
        stderr(&verify)
    );
    let secrets = big_holding_secrets(N);
    let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();
    assert_no_plain_text(&d.home(), &secrets);

    d.ok(USER, &["scan", "holding"]);
    let got_key = inventory_key(&d.json(USER, &["documents", "--json"]));
    assert_eq!(
        got_key.len(),
        want_key.len(),
        "documents after crash + rerun differ in number from a clean scan"
    );
    assert_eq!(got_key, want_key, "inventory after crash + rerun");
    assert_eq!(
        d.json(USER, &["summary", "--json"]),
        clean.json(USER, &["summary", "--json"])
    );
    let verify = d.run(USER, &["audit", "verify"]);
    assert!(
        verify.status.success(),
        "audit verify after the rerun: {}",
        stderr(&verify)
    );
}

#[test]
fn unreadable_files_are_documents_of_their_own() {
    // Two files too large to read (sparse: no disk used) and an empty file are three documents;
    // an unreadable file has no content to deduplicate by, so it must not merge with another.
    let d = Dir::new();
    for (rel, len) in [
        ("holding/groot1.txt", 600u64 << 20),
        ("holding/groot2.pdf", 700 << 20),
    ] {
        let f = std::fs::File::create(d.write(rel, b"")).expect("create");
        f.set_len(len).expect("sparse file");
    }
    d.write("holding/leeg.txt", b"");
    d.write("holding/nota.txt", NOTES);
    d.ok(USER, &["scan", "holding"]);
    let docs = d.json(USER, &["documents", "--json"]);
    let docs = docs.as_array().expect("an array");
    assert_eq!(docs.len(), 4, "{docs:#?}");
    for rel in ["groot1.txt", "groot2.pdf"] {
        assert_eq!(one(docs, rel)["readable"], Value::Bool(false), "{rel}");
    }
    assert_eq!(
        one(docs, "leeg.txt")["readable"],
        Value::Bool(true),
        "an empty file is readable"
    );
    let sum = d.json(USER, &["summary", "--json"]);
    assert_eq!(sum["documents"].as_u64(), Some(4), "{sum}");
    assert_eq!(sum["unreadable"].as_u64(), Some(2), "{sum}");
}
