//! Benchmark: ingest N small synthetic documents (default 100,000; `GRONDSLAG_BENCH_DOCS`),
//! then plan, approve twice and execute a run that destroys them all, and verify the audit
//! log. Prints wall-clock times per phase. Run: `cargo bench -p grondslag-store --bench destroy`.

use std::time::Instant;

use grondslag_store::{Disposition, DocId, NewDocument, NewFinding, Store};

fn main() {
    let n: usize = std::env::var("GRONDSLAG_BENCH_DOCS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("open store");
    store.set_actor("bench-a");

    let t = Instant::now();
    let mut ids: Vec<DocId> = Vec::with_capacity(n);
    for i in 0..n {
        let text = format!(
            "Nota {i}. Aanwezig: Testpersoon{i} Bench, tel 06-{:08}.\n",
            i
        );
        let value = format!("Testpersoon{i} Bench");
        let start = text.find(&value).unwrap_or(0);
        let f = [NewFinding {
            start,
            end: start + value.len(),
            kind: "person",
            score: 0.9,
            rule: "bench",
            value: &value,
        }];
        let path = format!("holding/{}/nota-{i}.txt", i % 100);
        let doc = NewDocument {
            path: &path,
            parent: None,
            doc_type: "txt",
            size: text.len() as u64,
            mtime: 0,
            original: text.as_bytes(),
            text: Some(&text),
            unreadable: None,
            needs_ocr: false,
            findings: &f,
        };
        ids.push(store.ingest(&doc).expect("ingest").id);
    }
    let ingest = t.elapsed();
    println!(
        "ingest      {n} documents: {:>8.2} s ({:.0} docs/s)",
        ingest.as_secs_f64(),
        n as f64 / ingest.as_secs_f64()
    );

    let t = Instant::now();
    for chunk in ids.chunks(10_000) {
        store
            .assess(chunk, Disposition::Destroy, "bench")
            .expect("assess");
    }
    let plan = store
        .plan_destruction(false, &|t, _| Ok(t.to_string()))
        .expect("plan");
    store.approve(plan.id).expect("approve");
    store.set_actor("bench-b");
    store.approve(plan.id).expect("approve");
    println!(
        "assess+plan {n} documents: {:>8.2} s",
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let report = store.execute(plan.id).expect("execute");
    let exec = t.elapsed();
    assert_eq!(report.destroyed.len(), n);
    println!(
        "execute     {n} documents: {:>8.2} s ({:.0} docs/s), KEK {} -> {}",
        exec.as_secs_f64(),
        n as f64 / exec.as_secs_f64(),
        report.kek_from,
        report.kek_to
    );

    let t = Instant::now();
    let a = store.audit_verify().expect("audit verify");
    println!(
        "audit verify {} entries: {:>7.2} s",
        a.entries,
        t.elapsed().as_secs_f64()
    );
    let summary = store.summary().expect("summary");
    assert_eq!(summary.documents, 0);
}
