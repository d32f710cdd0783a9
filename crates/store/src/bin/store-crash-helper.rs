//! Test helper for the crash test in `tests/procedure.rs`: sets up a store with an approved
//! destruction run, or executes a run, so the test can kill it with SIGKILL at random moments.
//! Not part of the product; it only touches the home directory it is given.

use std::path::Path;
use std::process::ExitCode;

use grondslag_store::{Disposition, DocId, HoldScope, NewDocument, NewFinding, RunId, Store};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("store-crash-helper: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let (Some(mode), Some(home)) = (args.get(1), args.get(2)) else {
        return Err("usage: store-crash-helper setup|execute HOME [N|RUN]".into());
    };
    let mut store = Store::open(Path::new(home))?;
    store.set_actor("helper");
    match mode.as_str() {
        "setup" => {
            let n: usize = args.get(3).map(|s| s.parse()).transpose()?.unwrap_or(40);
            let mut ids = Vec::new();
            for i in 0..n {
                let text =
                    format!("Notitie {i}: Testpersoon{i} Synthetisch woont in Nergensdorp.\n");
                let value = format!("Testpersoon{i} Synthetisch");
                let start = text.find(&value).unwrap_or(0);
                let f = [NewFinding {
                    start,
                    end: start + value.len(),
                    kind: "person",
                    score: 0.9,
                    rule: "test",
                    value: &value,
                }];
                let path = format!("holding/doc{i}.txt");
                let ing = store.ingest(&NewDocument {
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
                })?;
                ids.push(ing.id);
            }
            let (archive, destroy): (Vec<DocId>, Vec<DocId>) =
                ids.iter().partition(|d| d.0 % 4 == 0);
            store.assess(&destroy, Disposition::Destroy, "synthetic")?;
            store.assess(
                &archive,
                Disposition::RedactAndArchive {
                    retention_years: 10,
                    category: "nota".into(),
                },
                "synthetic",
            )?;
            store.hold_add("synthetic", "T-1", &[HoldScope::Document(ids[1])])?;
            let plan = store.plan_destruction(false, &|text, findings| {
                let mut out = text.to_string();
                let mut f: Vec<_> = findings.iter().collect();
                f.sort_by_key(|x| std::cmp::Reverse(x.start));
                for x in f {
                    if x.end <= out.len()
                        && out.is_char_boundary(x.start)
                        && out.is_char_boundary(x.end)
                    {
                        out.replace_range(x.start..x.end, "[5.1.2e]");
                    }
                }
                Ok(out)
            })?;
            store.approve(plan.id)?;
            store.set_actor("helper2");
            store.approve(plan.id)?;
            println!("{}", plan.id);
        }
        "execute" => {
            let run: i64 = args.get(3).ok_or("missing RUN")?.parse()?;
            store.execute(RunId(run))?;
        }
        other => return Err(format!("unknown mode {other}").into()),
    }
    Ok(())
}
