//! Smaller behaviours of the store: records of processing, backups that must be refused,
//! subject decisions, plaintext on disk while the store is open. Synthetic people only.

use std::path::Path;

use grondslag_store::{
    Disposition, NewDocument, NewFinding, NewSubject, Processing, Store, StoreError,
    SubjectDecision,
};

fn doc<'a>(path: &'a str, text: &'a str, findings: &'a [NewFinding<'a>]) -> NewDocument<'a> {
    NewDocument {
        path,
        parent: None,
        doc_type: "txt",
        size: text.len() as u64,
        mtime: 5,
        original: text.as_bytes(),
        text: Some(text),
        unreadable: None,
        needs_ocr: false,
        findings,
    }
}

fn finding<'a>(text: &str, value: &'a str, kind: &'a str) -> NewFinding<'a> {
    let start = text.find(value).expect("value in text");
    NewFinding {
        start,
        end: start + value.len(),
        kind,
        score: 0.9,
        rule: "test",
        value,
    }
}

#[test]
fn processing_without_legal_basis_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    let names: Vec<String> = s
        .processings()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, vec!["inventory", "access_requests"]);
    assert!(s.processings_csv().unwrap().contains("AVG art. 15 en 12"));
    s.set_processing(&Processing {
        id: 0,
        name: "inventory".into(),
        purpose: "x".into(),
        legal_basis: None,
        categories: "x".into(),
        retention: "x".into(),
        location: "x".into(),
    })
    .unwrap();
    let t = "Tekst.\n";
    assert!(matches!(
        s.ingest(&doc("a.txt", t, &[])),
        Err(StoreError::NoLegalBasis(_))
    ));
}

#[test]
fn unreadable_documents_and_summary() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    let bad = NewDocument {
        path: "kapot.pdf",
        parent: None,
        doc_type: "pdf",
        size: 10,
        mtime: 1,
        original: b"%PDF-1.4 x",
        text: None,
        unreadable: Some("pdf: no catalog"),
        needs_ocr: false,
        findings: &[],
    };
    let id = s.ingest(&bad).unwrap().id;
    let t = "Gezondheid: Piet Fictief is ziek.\n";
    let f = [
        finding(t, "Piet Fictief", "person"),
        finding(t, "ziek", "health"),
    ];
    s.ingest(&doc("b.txt", t, &f)).unwrap();
    let sum = s.summary().unwrap();
    assert_eq!((sum.documents, sum.unreadable, sum.findings), (2, 1, 2));
    assert_eq!(sum.unreadable_reasons.get("pdf: no catalog"), Some(&1));
    assert_eq!(sum.documents_with_special, 1);
    assert!(matches!(s.document_text(id), Err(StoreError::NoText(_))));
    let docs = s.documents().unwrap();
    assert!(!docs[0].readable && docs[1].special_categories == vec!["health".to_string()]);
    assert!(matches!(
        s.assess(&[grondslag_store::DocId(99)], Disposition::Destroy, "x"),
        Err(StoreError::NoSuchDocument(_))
    ));
}

#[test]
fn backups_of_another_store_or_damaged_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let mut sa = Store::open(&a).unwrap();
    let t = "Inhoud van Anna Nepnaam.\n";
    let f = [finding(t, "Anna Nepnaam", "person")];
    let id = sa.ingest(&doc("x.txt", t, &f)).unwrap().id;
    let bak = dir.path().join("a.bak");
    sa.backup(&bak).unwrap();
    let mut sb = Store::open(&b).unwrap();
    assert!(matches!(
        sb.restore(&bak, &|_| true),
        Err(StoreError::WrongStore { .. })
    ));
    // Flip one byte inside the archive: refused, nothing replaced.
    let mut bytes = std::fs::read(&bak).unwrap();
    let mid = bytes.len() / 3;
    bytes[mid] ^= 0x55;
    let bad = dir.path().join("bad.bak");
    std::fs::write(&bad, &bytes).unwrap();
    assert!(sa.restore(&bad, &|_| true).is_err());
    std::fs::write(&bad, &bytes[..bytes.len() / 2]).unwrap();
    assert!(sa.restore(&bad, &|_| true).is_err());
    assert_eq!(sa.document_text(id).unwrap(), t);
    sa.audit_verify().unwrap();
    // The intact one restores.
    sa.restore(&bak, &|_| true).unwrap();
    assert_eq!(sa.document_text(id).unwrap(), t);
    sa.audit_verify().unwrap();
    assert!(!list(&a)
        .iter()
        .any(|n| n.contains(".restore-") || n.contains(".backup-")));
}

fn list(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn subject_decisions_survive_re_resolution() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    let t1 = "Jet Voorbeeld belde.\n";
    let t2 = "J. Voorbeeld schreef.\n";
    let f1 = [finding(t1, "Jet Voorbeeld", "person")];
    let f2 = [finding(t2, "J. Voorbeeld", "person")];
    s.ingest(&doc("1.txt", t1, &f1)).unwrap();
    s.ingest(&doc("2.txt", t2, &f2)).unwrap();
    let resolve = |s: &mut Store| {
        let m = s.mentions().unwrap();
        let clusters: Vec<NewSubject> = m
            .iter()
            .map(|x| NewSubject {
                name: x.value.clone(),
                mentions: vec![(x.finding, 0.7, "naam".into())],
            })
            .collect();
        s.replace_subjects(&clusters).unwrap();
        s.subjects().unwrap()
    };
    let subj = resolve(&mut s);
    assert_eq!(subj.len(), 2);
    s.record_subject_decision(
        &SubjectDecision::Merge(subj.iter().map(|x| x.id).collect()),
        "zelfde persoon",
    )
    .unwrap();
    assert_eq!(s.subjects().unwrap().len(), 1);
    let after = resolve(&mut s);
    assert_eq!(after.len(), 1, "merge re-applied");
    assert_eq!(after[0].documents, 2);
    assert!(subj.iter().any(|x| x.id == after[0].id), "id kept");
    let detail = s.subject_detail(after[0].id).unwrap();
    let split = vec![detail.findings[1].finding.id];
    s.record_subject_decision(&SubjectDecision::Split(split), "toch niet")
        .unwrap();
    assert_eq!(resolve(&mut s).len(), 2, "split re-applied after the merge");
    s.audit_verify().unwrap();
}

#[test]
fn no_plaintext_while_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    let t = "Contact: Rinus Verzinsel, r.verzinsel@voorbeeld.invalid, 06-11223344.\n";
    let f = [
        finding(t, "Rinus Verzinsel", "person"),
        finding(t, "r.verzinsel@voorbeeld.invalid", "email"),
        finding(t, "06-11223344", "phone"),
    ];
    s.ingest(&doc("map/Rinus Verzinsel.txt", t, &f)).unwrap();
    s.documents().unwrap();
    s.mentions().unwrap();
    // WAL and shared memory are on disk now.
    for p in walk(dir.path()) {
        let bytes = std::fs::read(&p).unwrap();
        for needle in [
            "Rinus",
            "Verzinsel",
            "verzinsel@",
            "06-11223344",
            "11223344",
        ] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "{needle} in {}",
                p.display()
            );
        }
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
