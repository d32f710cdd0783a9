//! Inventory views: `init`, `summary`, `documents`, `document`, `subjects`, `subject`, `text`.
//! Every view of personal data is written to the audit log by the store itself.

use std::io::Write;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;
use grondslag_i18n::tr;
use grondslag_store::{DocId, FindingId, Store, SubjectDecision, SubjectId};

use crate::cli::{
    DocumentArgs, JsonArgs, StoreArgs, StoreOnly, SubjectAction, SubjectArgs, TextArgs,
};
use crate::ui;

/// Whether this process's command records a decision or shows stored personal data, so that
/// its acting user must be registered (set once by `main` from [`crate::acting::policy`]).
static REGISTERED_ONLY: AtomicBool = AtomicBool::new(false);

pub fn require_registered_user(yes: bool) {
    REGISTERED_ONLY.store(yes, Ordering::Relaxed);
}

/// Opens the store in `--home` as the acting user. For a command that decides or shows
/// personal data the acting user must be registered (`user add`); otherwise a registered
/// user is still recorded under their registered name.
pub fn open(args: &StoreArgs) -> anyhow::Result<Store> {
    let mut store = open_home(&args.home)?;
    if REGISTERED_ONLY.load(Ordering::Relaxed) {
        let Some(name) = ui::named_user(args) else {
            anyhow::bail!(tr!("error-no-acting-user"));
        };
        store.act_as(&name)?;
    } else {
        let name = ui::user(args);
        match store.find_user(&name)? {
            Some(u) => store.set_actor(&u.name),
            None => store.set_actor(&name),
        }
    }
    Ok(store)
}

/// Opens the store in `home`, saying so when another grondslag process has it and this one
/// waits for it.
pub fn open_home(home: &std::path::Path) -> anyhow::Result<Store> {
    Store::open_with(home, &|| eprintln!("{}", tr!("store-waiting")))
        .with_context(|| format!("store {}", home.display()))
}

pub fn init(args: StoreOnly) -> anyhow::Result<ExitCode> {
    open(&args.store)?;
    println!(
        "{} {}",
        tr!("inventory-store-ready-in"),
        args.store.home.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Resolves person findings of all active documents into data subjects and stores them.
pub fn resolve_subjects(store: &mut Store) -> anyhow::Result<()> {
    let stored = store.mentions()?;
    // The text before each mention: a title before a name, a sentence end before a detail.
    let contexts = store.mention_contexts(&stored)?;
    let mentions: Vec<grondslag_subjects::Mention> = stored
        .into_iter()
        .zip(contexts)
        .map(|(m, before)| grondslag_subjects::Mention {
            id: m.finding.0 as u64,
            doc: m.document.0 as u64,
            kind: m.kind,
            value: m.value,
            start: m.start,
            before,
        })
        .collect();
    // The store re-applies the working group's merge/split decisions itself.
    let subjects = grondslag_subjects::resolve(&mentions, &[]);
    let new: Vec<grondslag_store::NewSubject> = subjects
        .into_iter()
        .map(|s| grondslag_store::NewSubject {
            name: s.name,
            mentions: s
                .members
                .into_iter()
                .map(|m| (FindingId(m.mention as i64), m.confidence, m.evidence))
                .collect(),
        })
        .collect();
    store.replace_subjects(&new)?;
    Ok(())
}

pub fn summary(args: JsonArgs) -> anyhow::Result<ExitCode> {
    let store = open(&args.store)?;
    let s = store.summary()?;
    if args.json {
        ui::print_json(&s)?;
    } else {
        println!("{}: {}", tr!("inventory-documents"), s.documents);
        println!("{}: {}", tr!("inventory-unreadable"), s.unreadable);
        println!("{}: {}", tr!("inventory-findings"), s.findings);
        println!("{}: {}", tr!("inventory-data-subjects"), s.subjects);
        println!(
            "{}: {}",
            tr!("inventory-subjects-with-special-category-data"),
            s.subjects_with_special
        );
        for (t, n) in &s.by_type {
            println!("  {t:<10} {n}");
        }
        if !s.unreadable_reasons.is_empty() {
            println!("{}:", tr!("inventory-unreadable-by-reason"));
            for (reason, n) in &s.unreadable_reasons {
                println!("  {n:>5}  {}", ui::shown(reason));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn documents(args: JsonArgs) -> anyhow::Result<ExitCode> {
    let store = open(&args.store)?;
    let docs = store.documents()?;
    if args.json {
        ui::print_json(&docs)?;
    } else {
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "{:>6}  {:<8} {:>10} {:>8}  {:<9} {:<18} path",
            "id", "type", "bytes", "findings", "status", "disposition"
        )?;
        for d in &docs {
            writeln!(
                out,
                "{:>6}  {:<8} {:>10} {:>8}  {:<9} {:<18} {}{}",
                d.id.0,
                d.doc_type,
                d.size,
                d.findings,
                d.status,
                d.disposition.as_deref().unwrap_or("-"),
                ui::shown(&d.path),
                if d.readable {
                    String::new()
                } else {
                    format!("  [{}]", tr!("inventory-unreadable"))
                }
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn document(args: DocumentArgs) -> anyhow::Result<ExitCode> {
    let mut store = open(&args.store)?;
    let id = DocId(args.id);
    let text = store.document_text(id)?;
    let findings = store.document_findings(id)?;
    if args.json {
        ui::print_json(&serde_json::json!({ "id": id, "text": text, "findings": findings }))?;
        return Ok(ExitCode::SUCCESS);
    }
    let colour = ui::stdout_is_terminal();
    let mut out = std::io::stdout().lock();
    let mut at = 0;
    // The text as it is, but with no control character that could drive the terminal.
    let part = |a: usize, b: usize| ui::shown_text(text.get(a..b).unwrap_or(""));
    for f in &findings {
        if f.start < at || f.end > text.len() {
            continue;
        }
        out.write_all(part(at, f.start).as_bytes())?;
        if colour {
            write!(
                out,
                "{}{}{}",
                ui::kind_colour(&f.kind),
                ui::shown(text.get(f.start..f.end).unwrap_or("")),
                ui::RESET
            )?;
        } else {
            write!(
                out,
                "[{}: {}]",
                f.kind,
                ui::shown(text.get(f.start..f.end).unwrap_or(""))
            )?;
        }
        at = f.end;
    }
    out.write_all(part(at, text.len()).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

pub fn subjects(args: JsonArgs) -> anyhow::Result<ExitCode> {
    let mut store = open(&args.store)?;
    let subjects = store.subjects()?;
    if args.json {
        ui::print_json(&subjects)?;
    } else {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{:>6}  {:>9}  {:<30} kinds", "id", "documents", "name")?;
        for s in &subjects {
            writeln!(
                out,
                "{:>6}  {:>9}  {:<30} {}{}",
                s.id.0,
                s.documents,
                ui::shown(&s.name),
                s.kinds.join(","),
                if s.special_categories.is_empty() {
                    String::new()
                } else {
                    format!(
                        "  [{}: {}]",
                        tr!("inventory-special"),
                        s.special_categories.join(",")
                    )
                }
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn subject(args: SubjectArgs) -> anyhow::Result<ExitCode> {
    match args.action {
        SubjectAction::Show { store, json, id } => {
            let mut store = open(&store)?;
            let detail = store.subject_detail(SubjectId(id))?;
            if json {
                ui::print_json(&detail)?;
            } else {
                print_subject(&mut store, &detail)?;
            }
        }
        SubjectAction::Merge { store, reason, ids } => {
            let mut store = open(&store)?;
            let ids: Vec<SubjectId> = ids.into_iter().map(SubjectId).collect();
            store.record_subject_decision(&SubjectDecision::Merge(ids), &reason)?;
            resolve_subjects(&mut store)?;
            println!("{}", tr!("inventory-merged"));
        }
        SubjectAction::Split {
            store,
            reason,
            subject,
            findings,
        } => {
            let mut store = open(&store)?;
            let detail = store.subject_detail(SubjectId(subject))?;
            let own: Vec<FindingId> = detail.findings.iter().map(|f| f.finding.id).collect();
            let split: Vec<FindingId> = findings.into_iter().map(FindingId).collect();
            if let Some(f) = split.iter().find(|f| !own.contains(f)) {
                anyhow::bail!(
                    "{} {} {} {subject}",
                    tr!("inventory-finding"),
                    f.0,
                    tr!("inventory-does-not-belong-to-subject")
                );
            }
            store.record_subject_decision(&SubjectDecision::Split(split), &reason)?;
            resolve_subjects(&mut store)?;
            println!("{}", tr!("inventory-split"));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn text(args: TextArgs) -> anyhow::Result<ExitCode> {
    let mut store = open(&args.store)?;
    let text = store.document_text(DocId(args.id))?;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A subject with every finding in the context of its document (40 bytes either side).
fn print_subject(store: &mut Store, detail: &grondslag_store::SubjectDetail) -> anyhow::Result<()> {
    let colour = ui::stdout_is_terminal();
    println!(
        "{} {}: {}",
        tr!("inventory-subject"),
        detail.id.0,
        ui::shown(&detail.name)
    );
    let mut by_doc: std::collections::BTreeMap<DocId, Vec<&grondslag_store::SubjectFinding>> =
        Default::default();
    for f in &detail.findings {
        by_doc.entry(f.finding.document).or_default().push(f);
    }
    for (doc, findings) in by_doc {
        println!("\n  {} {}", tr!("inventory-document"), doc.0);
        let text = store.document_text(doc).ok();
        for f in findings {
            let fi = &f.finding;
            let context = text.as_deref().map(|t| {
                let mut a = fi.start.saturating_sub(40);
                while a > 0 && !t.is_char_boundary(a) {
                    a -= 1;
                }
                let mut b = (fi.end + 40).min(t.len());
                while b < t.len() && !t.is_char_boundary(b) {
                    b += 1;
                }
                let (pre, val, post) = (
                    &t[a..fi.start.min(t.len())],
                    &t[fi.start.min(t.len())..fi.end.min(t.len())],
                    &t[fi.end.min(t.len())..b],
                );
                let one = |x: &str| ui::shown(&x.replace(['\n', '\r', '\t'], " ")).into_owned();
                if colour {
                    format!(
                        "…{}{}{}{}{}…",
                        one(pre),
                        ui::kind_colour(&fi.kind),
                        one(val),
                        ui::RESET,
                        one(post)
                    )
                } else {
                    format!("…{}[{}]{}…", one(pre), one(val), one(post))
                }
            });
            println!(
                "    {:<10} {:>4.2}  {}  ({})",
                fi.kind,
                f.confidence,
                context.unwrap_or_else(|| ui::shown(&fi.value).into_owned()),
                ui::shown(&ui::evidence(&f.evidence))
            );
        }
    }
    Ok(())
}
