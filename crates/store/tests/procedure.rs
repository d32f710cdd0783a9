//! End-to-end tests of the store on real temp directories: ingest, assess, holds, destruction
//! with crypto-shredding, backups, audit tampering, crash recovery, no plaintext on disk.
//! Every person here is synthetic.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use grondslag_store::{
    Disposition, DocId, FindingInfo, HoldScope, NewDocument, NewFinding, NewSubject, RunId, Store,
    StoreError,
};

const NAME: &str = "Zwaantje Testmaker";
const EMAIL: &str = "z.testmaker@voorbeeld.invalid";

fn redact(text: &str, findings: &[FindingInfo]) -> Result<String, grondslag_store::RedactFailure> {
    let mut out = text.to_string();
    let mut f: Vec<_> = findings.iter().collect();
    f.sort_by_key(|x| std::cmp::Reverse(x.start));
    for x in f {
        out.replace_range(x.start..x.end, "[5.1.2e]");
    }
    Ok(out)
}

/// Ingests a text document whose findings are every occurrence of `values` (kind guessed).
fn put(store: &mut Store, path: &str, text: &str, values: &[&str], parent: Option<DocId>) -> DocId {
    let mut findings = Vec::new();
    for v in values {
        for (start, _) in text.match_indices(v) {
            let kind = if v.contains('@') { "email" } else { "person" };
            findings.push(NewFinding {
                start,
                end: start + v.len(),
                kind,
                score: 0.9,
                rule: "test",
                value: v,
            });
        }
    }
    findings.sort_by_key(|f| f.start);
    store
        .ingest(&NewDocument {
            path,
            parent,
            doc_type: "txt",
            size: text.len() as u64,
            mtime: 1,
            original: text.as_bytes(),
            text: Some(text),
            unreadable: None,
            needs_ocr: false,
            findings: &findings,
        })
        .unwrap()
        .id
}

fn open(home: &Path, user: &str) -> Store {
    let mut s = Store::open(home).unwrap();
    s.set_actor(user);
    s
}

fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(all_files(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

struct Fixture {
    _dir: tempfile::TempDir,
    home: PathBuf,
    profile: DocId,
    mail: DocId,
    attachment: DocId,
    note: DocId,
    nota: DocId,
    held_subject_doc: DocId,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let mut s = open(&home, "alice");
    let profile = put(
        &mut s,
        "holding/profiel.txt",
        &format!("Profiel van {NAME}, mail {EMAIL}.\n"),
        &[NAME, EMAIL],
        None,
    );
    let mail = put(
        &mut s,
        "holding/mail.eml",
        "Van: Bram Proefkonijn\nZie bijlage.\n",
        &["Bram Proefkonijn"],
        None,
    );
    let attachment = put(
        &mut s,
        "holding/mail.eml!bijlage.txt",
        "Bijlage over Bram Proefkonijn.\n",
        &["Bram Proefkonijn"],
        Some(mail),
    );
    let note = put(
        &mut s,
        "holding/nota.txt",
        &format!("Beleidsnota. Overleg met {NAME} gehad.\n"),
        &[NAME],
        None,
    );
    let nota = put(
        &mut s,
        "holding/nota2.txt",
        "Tweede nota met Kees Verzonnen.\n",
        &["Kees Verzonnen"],
        None,
    );
    let held_subject_doc = put(
        &mut s,
        "holding/kees.txt",
        "Kees Verzonnen schreef dit.\n",
        &["Kees Verzonnen"],
        None,
    );
    // Subjects: one per distinct person value.
    let mentions = s.mentions().unwrap();
    let mut names: Vec<String> = mentions
        .iter()
        .filter(|m| m.kind == "person")
        .map(|m| m.value.clone())
        .collect();
    names.sort();
    names.dedup();
    let subjects: Vec<NewSubject> = names
        .iter()
        .map(|n| NewSubject {
            name: n.clone(),
            mentions: mentions
                .iter()
                .filter(|m| &m.value == n)
                .map(|m| (m.finding, 0.9, "same name".to_string()))
                .collect(),
        })
        .collect();
    s.replace_subjects(&subjects).unwrap();
    Fixture {
        _dir: dir,
        home,
        profile,
        mail,
        attachment,
        note,
        nota,
        held_subject_doc,
    }
}

#[test]
fn ingest_dedup_versions_and_views() {
    let f = fixture();
    let mut s = open(&f.home, "alice");
    // Same content at another path: one document, two paths.
    let again = put(
        &mut s,
        "elders/kopie.txt",
        &format!("Profiel van {NAME}, mail {EMAIL}.\n"),
        &[NAME, EMAIL],
        None,
    );
    assert_eq!(again, f.profile);
    assert_eq!(s.path_unchanged("holding/profiel.txt", 0, 1).unwrap(), None);
    let size = format!("Profiel van {NAME}, mail {EMAIL}.\n").len() as u64;
    assert_eq!(
        s.path_unchanged("holding/profiel.txt", size, 1).unwrap(),
        Some(f.profile)
    );
    // A changed file at a known path: a new version, the old one superseded and kept.
    let v2 = put(
        &mut s,
        "holding/nota.txt",
        "Beleidsnota, herzien.\n",
        &[],
        None,
    );
    let docs = s.documents().unwrap();
    let old = docs.iter().find(|d| d.id == f.note).unwrap();
    assert_eq!(old.superseded_by, Some(v2));
    assert_eq!(docs.iter().find(|d| d.id == v2).unwrap().version, 2);
    let p = docs.iter().find(|d| d.id == f.profile).unwrap();
    assert_eq!(p.path, "holding/profiel.txt");
    assert_eq!(p.paths.len(), 2);
    assert_eq!(p.findings, 2);
    assert_eq!(p.status, "active");
    assert_eq!(
        docs.iter().find(|d| d.id == f.attachment).unwrap().parent,
        Some(f.mail)
    );
    assert_eq!(
        s.document_text(f.profile).unwrap(),
        format!("Profiel van {NAME}, mail {EMAIL}.\n")
    );
    let fi = s.document_findings(f.profile).unwrap();
    assert_eq!(
        fi.iter().map(|x| x.value.as_str()).collect::<Vec<_>>(),
        vec![NAME, EMAIL]
    );
    let sum = s.summary().unwrap();
    assert_eq!(sum.documents, 7);
    assert_eq!(sum.subjects, 3);
    let subj = s.subjects().unwrap();
    let z = subj.iter().find(|x| x.name == NAME).unwrap();
    assert_eq!(z.documents, 2);
    let detail = s.subject_detail(z.id).unwrap();
    assert_eq!(detail.documents.len(), 2);
    // Re-resolution keeps ids stable.
    let before: Vec<_> = subj.iter().map(|x| (x.id, x.name.clone())).collect();
    let mentions = s.mentions().unwrap();
    let mut again: Vec<NewSubject> = before
        .iter()
        .rev()
        .map(|(_, n)| NewSubject {
            name: n.clone(),
            mentions: mentions
                .iter()
                .filter(|m| &m.value == n)
                .map(|m| (m.finding, 0.8, "x".into()))
                .collect(),
        })
        .collect();
    again.retain(|x| !x.mentions.is_empty());
    s.replace_subjects(&again).unwrap();
    let after: Vec<_> = s
        .subjects()
        .unwrap()
        .iter()
        .map(|x| (x.id, x.name.clone()))
        .collect();
    assert_eq!(before, after);
    s.audit_verify().unwrap();
}

#[test]
fn procedure_holds_destruction_backups_and_audit() {
    let f = fixture();
    let mut s = open(&f.home, "alice");
    let kees = s
        .subjects()
        .unwrap()
        .into_iter()
        .find(|x| x.name == "Kees Verzonnen")
        .unwrap()
        .id;
    s.assess(
        &[f.profile, f.attachment, f.mail, f.held_subject_doc],
        Disposition::Destroy,
        "profiel",
    )
    .unwrap();
    s.assess(
        &[f.note, f.nota],
        Disposition::RedactAndArchive {
            retention_years: 20,
            category: "beleidsnota".into(),
        },
        "bevat slechts namen",
    )
    .unwrap();
    // A document hold covers the mail's attachment; a subject hold covers both Kees documents.
    s.hold_add("klacht", "NO-1", &[HoldScope::Document(f.mail)])
        .unwrap();
    let dry = s.plan_destruction(true, &redact).unwrap();
    assert_eq!(dry.id, RunId(0));
    let plan = s.plan_destruction(false, &redact).unwrap();
    assert_eq!(plan.destroy, vec![f.profile, f.held_subject_doc]);
    assert_eq!(plan.archive, vec![f.note, f.nota]);
    assert_eq!(plan.held, vec![f.mail, f.attachment]);
    // A hold made after planning still protects.
    let late = s
        .hold_add("Woo-verzoek", "WOO-7", &[HoldScope::Subject(kees)])
        .unwrap();

    let pre_run = f.home.parent().unwrap().join("pre.bak");
    s.backup(&pre_run).unwrap();

    s.approve(plan.id).unwrap();
    assert!(matches!(
        s.approve(plan.id),
        Err(StoreError::SameApprover { .. })
    ));
    assert!(matches!(
        s.execute(plan.id),
        Err(StoreError::NotApproved { approvals: 1, .. })
    ));
    assert_eq!(
        s.document_text(f.profile).unwrap().len(),
        format!("Profiel van {NAME}, mail {EMAIL}.\n").len()
    );
    s.set_actor("bob");
    s.approve(plan.id).unwrap();
    let report = s.execute(plan.id).unwrap();
    assert_eq!(report.destroyed, vec![f.profile]);
    assert_eq!(report.archived, vec![f.note]);
    let held: BTreeSet<_> = report.held.iter().copied().collect();
    assert_eq!(
        held,
        [f.mail, f.attachment, f.nota, f.held_subject_doc]
            .into_iter()
            .collect()
    );
    assert_eq!((report.kek_from, report.kek_to), (1, 2));
    // Idempotent.
    assert!(s.execute(plan.id).unwrap().already_executed);

    match s.document_text(f.profile) {
        Err(StoreError::Destroyed { id, run }) => assert_eq!((id, run), (f.profile, plan.id)),
        other => panic!("destroyed document readable: {other:?}"),
    }
    assert_eq!(
        s.document_text(f.note).unwrap(),
        "Beleidsnota. Overleg met [5.1.2e] gehad.\n"
    );
    assert!(s.document_text(f.attachment).is_ok());
    assert!(s.document_text(f.held_subject_doc).is_ok());
    let docs = s.documents().unwrap();
    let st = |id: DocId| docs.iter().find(|d| d.id == id).unwrap().status.clone();
    assert_eq!(st(f.profile), "destroyed");
    assert_eq!(st(f.note), "archived");
    assert_eq!(
        docs.iter().find(|d| d.id == f.note).unwrap().path,
        "holding/nota.txt"
    );
    assert!(!f.home.join("keys/kek-1.key").exists());
    assert!(f.home.join("keys/kek-2.key").exists());
    let sum = s.summary().unwrap();
    assert_eq!(sum.destroyed, 1);
    assert_eq!(sum.documents, 5);
    // Zwaantje's documents are gone or archived: the subject is removed. Kees is held.
    let names: Vec<String> = s.subjects().unwrap().into_iter().map(|x| x.name).collect();
    assert!(!names.contains(&NAME.to_string()), "{names:?}");
    assert!(names.contains(&"Kees Verzonnen".to_string()));
    let cert = s.certificate(plan.id).unwrap().to_string();
    assert!(cert.contains("crypto-shredding") && !cert.contains(NAME) && !cert.contains("Kees"));
    s.hold_lift(late, "afgehandeld").unwrap();
    s.audit_verify().unwrap();

    let post_run = f.home.parent().unwrap().join("post.bak");
    s.backup(&post_run).unwrap();
    drop(s);

    // The pre-run backup restores (it is older than the run: confirmed). What was destroyed
    // after it stays destroyed, what was archived after it stays archived, and the living
    // documents are readable: the store still holds their keys, under the current KEK.
    let mut s = open(&f.home, "carol");
    let refused = s.restore(&pre_run, &|_| false);
    assert!(
        matches!(
            refused,
            Err(StoreError::RestoreNeedsConfirmation { runs: 1 })
        ),
        "{refused:?}"
    );
    let r = s.restore(&pre_run, &|p| p.runs_after == 1).unwrap();
    assert_eq!(r.documents_unreadable, 0);
    assert_eq!((r.kept_destroyed, r.kept_archived, r.kept_runs), (1, 1, 1));
    match s.document_text(f.profile) {
        Err(StoreError::Destroyed { id, run }) => assert_eq!((id, run), (f.profile, plan.id)),
        other => panic!("pre-run backup made the destroyed document readable: {other:?}"),
    }
    assert_eq!(
        s.document_text(f.note).unwrap(),
        "Beleidsnota. Overleg met [5.1.2e] gehad.\n"
    );
    assert!(s.document_text(f.held_subject_doc).is_ok());
    // The run and its certificate survive the restore.
    assert!(s.certificate(plan.id).is_ok());
    s.audit_verify().unwrap();
    // The post-run backup restores every active and archived document.
    let r = s.restore(&post_run, &|_| true).unwrap();
    assert_eq!(r.documents_unreadable, 0);
    assert!(matches!(
        s.document_text(f.profile),
        Err(StoreError::Destroyed { .. })
    ));
    assert_eq!(
        s.document_text(f.note).unwrap(),
        "Beleidsnota. Overleg met [5.1.2e] gehad.\n"
    );
    assert!(s.document_text(f.attachment).is_ok());
    s.audit_verify().unwrap();
    // The destroyed document's blobs are not in the vault, and its key row is gone.
    let conn = rusqlite::Connection::open(f.home.join("grondslag.db")).unwrap();
    let (key, blob): (Option<i64>, Option<String>) = conn
        .query_row(
            "SELECT key_id, original_blob FROM documents WHERE id = ?1",
            [f.profile.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((key, blob), (None, None));
}

fn tampered(home: &Path, sql: &str) -> String {
    let keep = home.join("keep.db");
    drop(open(home, "x"));
    std::fs::copy(home.join("grondslag.db"), &keep).unwrap();
    let conn = rusqlite::Connection::open(home.join("grondslag.db")).unwrap();
    conn.execute_batch(sql).unwrap();
    drop(conn);
    let s = Store::open(home).unwrap();
    let err = s.audit_verify().map(|_| ()).unwrap_err().to_string();
    drop(s);
    std::fs::copy(&keep, home.join("grondslag.db")).unwrap();
    let _ = std::fs::remove_file(home.join("grondslag.db-wal"));
    err
}

#[test]
fn audit_tampering_is_caught() {
    let f = fixture();
    let mut s = open(&f.home, "alice");
    for i in 0..30 {
        s.audit_append("test", &format!("object {i}"), "n=1")
            .unwrap();
    }
    let n = s.audit_verify().unwrap().entries as i64;
    drop(s);
    let mid = n / 2;
    let e = tampered(
        &f.home,
        &format!(
            "UPDATE audit_log SET ts = substr(ts, 1, length(ts) - 1) || '#' WHERE rowid = {mid}"
        ),
    );
    assert!(e.starts_with(&format!("entry {mid}:")), "{e}");
    let e = tampered(
        &f.home,
        &format!(
            "UPDATE audit_log SET details = 'n=2' WHERE rowid = {}",
            n - 1
        ),
    );
    assert!(e.starts_with(&format!("entry {}:", n - 1)), "{e}");
    let e = tampered(
        &f.home,
        &format!("DELETE FROM audit_log WHERE rowid = {mid}"),
    );
    assert!(e.contains(&format!("entry {mid}")), "{e}");
    let e = tampered(
        &f.home,
        &format!("DELETE FROM audit_log WHERE rowid > {}", n - 3),
    );
    assert!(e.contains(&format!("entry {}", n - 2)), "{e}");
    // Swap the contents of two rows (reordering).
    let e = tampered(
        &f.home,
        &format!(
            "UPDATE audit_log SET rowid = -1 WHERE rowid = {mid};
             UPDATE audit_log SET rowid = {mid} WHERE rowid = {};
             UPDATE audit_log SET rowid = {} WHERE rowid = -1;",
            mid + 1,
            mid + 1
        ),
    );
    assert!(e.starts_with(&format!("entry {mid}:")), "{e}");
    // Insert a forged entry at the end with a correct chain hash: the signed head catches it.
    let e = tampered(
        &f.home,
        &format!("INSERT INTO audit_log(rowid, ts, user, action, object, purpose, details, prev_hash, hash)
                  SELECT {}, ts, user, action, object, purpose, details, hash, hash FROM audit_log WHERE rowid = {n}", n + 1),
    );
    assert!(e.starts_with(&format!("entry {}:", n + 1)), "{e}");
    // Untouched: still verifies.
    open(&f.home, "x").audit_verify().unwrap();
}

#[test]
fn no_plaintext_personal_data_under_home() {
    let f = fixture();
    let mut s = open(&f.home, "alice");
    s.assess(
        &[f.note],
        Disposition::Retain {
            legal_basis: format!("besluit over {NAME}"),
        },
        &format!("reden noemt {NAME}"),
    )
    .unwrap();
    s.hold_add(
        &format!("klacht van {NAME}"),
        &format!("ref {EMAIL}"),
        &[HoldScope::All],
    )
    .unwrap();
    drop(s);
    let files = all_files(&f.home);
    assert!(files.iter().any(|p| p.ends_with("grondslag.db")));
    for p in files {
        let bytes = std::fs::read(&p).unwrap();
        for needle in [
            NAME,
            EMAIL,
            "Zwaantje",
            "Testmaker",
            "Proefkonijn",
            "profiel.txt",
            "holding/",
        ] {
            assert!(
                !contains(&bytes, needle.as_bytes()),
                "{needle} in plain text in {}",
                p.display()
            );
        }
    }
}

#[test]
fn crash_during_execute_keeps_invariants() {
    let helper = env!("CARGO_BIN_EXE_store-crash-helper");
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("template");
    let out = std::process::Command::new(helper)
        .args(["setup", template.to_str().unwrap(), "40"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run: i64 = String::from_utf8(out.stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for round in 0..30 {
        let home = dir.path().join(format!("h{round}"));
        copy_dir(&template, &home);
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = std::time::Duration::from_millis(seed % 400);
        let mut child = std::process::Command::new(helper)
            .args(["execute", home.to_str().unwrap(), &run.to_string()])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        check_invariants(&home, false);
        let mut s = open(&home, "helper");
        s.execute(RunId(run)).unwrap();
        drop(s);
        check_invariants(&home, true);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

fn check_invariants(home: &Path, finished: bool) {
    let mut s = open(home, "checker");
    s.audit_verify()
        .unwrap_or_else(|e| panic!("audit after crash: {e}"));
    let docs = s.documents().unwrap();
    for d in &docs {
        match d.status.as_str() {
            "destroyed" => {
                assert!(matches!(
                    s.document_text(d.id),
                    Err(StoreError::Destroyed { .. })
                ));
                assert_ne!(d.id, DocId(2), "held document destroyed");
            }
            _ => {
                // Every document that is not destroyed is readable: no key was lost.
                s.document_text(d.id)
                    .unwrap_or_else(|e| panic!("document {} unreadable: {e}", d.id));
            }
        }
    }
    let conn = rusqlite::Connection::open(home.join("grondslag.db")).unwrap();
    let leaked: i64 = conn
        .query_row("SELECT COUNT(*) FROM documents WHERE status = 'destroyed' AND (key_id IS NOT NULL OR original_blob IS NOT NULL)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(leaked, 0);
    if finished {
        assert!(docs
            .iter()
            .filter(|d| d.id != DocId(2) && d.id.0 % 4 != 0)
            .all(|d| d.status == "destroyed"));
        assert!(docs
            .iter()
            .filter(|d| d.id.0 % 4 == 0)
            .all(|d| d.status == "archived"));
        let pending: i64 = conn
            .query_row("SELECT COUNT(*) FROM pending_blob_deletes", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(pending, 0);
        let gens: Vec<String> = std::fs::read_dir(home.join("keys"))
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.starts_with("kek-") && n.ends_with(".key"))
            .collect();
        assert_eq!(gens, vec!["kek-2.key".to_string()]);
        // Live blobs: exactly the archived copies and the held document (text = original: one blob).
        let blobs = all_files(&home.join("vault"));
        assert_eq!(
            blobs.len(),
            docs.iter().filter(|d| d.status == "archived").count() + 1,
            "{blobs:?}"
        );
    }
}
