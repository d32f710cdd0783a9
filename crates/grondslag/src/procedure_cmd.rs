//! The procedure: `assess`, `suggest`, `hold`, `destroy`, `backup`, `restore`, `audit`,
//! `processings`. The rules live in `grondslag-store` (state machine, crypto-shredding) and
//! `grondslag-procedure` (suggestions); this module only wires and prints.

use anyhow::Context;
use std::process::ExitCode;

use grondslag_i18n::tr;
use grondslag_store::{Disposition, DocId, HoldId, HoldScope, RunId, SubjectId};

use crate::cli::{
    AssessArgs, AuditAction, AuditArgs, BackupArgs, DestroyAction, DestroyArgs, DispositionArg,
    HoldAction, HoldArgs, JsonArgs, ProcessingsArgs, RestoreArgs,
};
use crate::inventory::open;
use crate::ui;

pub fn assess(args: AssessArgs) -> anyhow::Result<ExitCode> {
    let mut store = open(&args.store)?;
    let mut ids: Vec<DocId> = args.ids.iter().copied().map(DocId).collect();
    if let Some(wanted) = args.suggested {
        use grondslag_procedure::suggest::Suggested;
        let wanted = match wanted {
            DispositionArg::Destroy => Suggested::Destroy,
            DispositionArg::RedactAndArchive => Suggested::RedactAndArchive,
            DispositionArg::Retain => anyhow::bail!(tr!(
                "procedure-grondslag-never-suggests-retain-choose-documents"
            )),
        };
        // Only documents nobody has assessed yet: a suggestion never overrides a decision.
        ids.extend(
            suggestions(&mut store)?
                .into_iter()
                .filter(|(d, s)| d.disposition.is_none() && s.disposition == wanted)
                .map(|(d, _)| d.id),
        );
    }
    if let Some(folder) = &args.folder {
        let docs = store.documents()?;
        ids.extend(
            docs.iter()
                .filter(|d| d.status == "active" && d.path.starts_with(folder.as_str()))
                .map(|d| d.id),
        );
    }
    if ids.is_empty() {
        anyhow::bail!(tr!("procedure-no-documents-given-ids-or-folder"));
    }
    let disposition = match args.disposition {
        DispositionArg::Destroy => Disposition::Destroy,
        DispositionArg::RedactAndArchive => Disposition::RedactAndArchive {
            retention_years: args.retention_years,
            category: args.category.clone().unwrap_or_default(),
        },
        DispositionArg::Retain => Disposition::Retain {
            legal_basis: args.legal_basis.clone().unwrap_or_default(),
        },
    };
    store.assess(&ids, disposition, &args.reason)?;
    println!("{} {}", ids.len(), tr!("procedure-document-s-assessed"));
    Ok(ExitCode::SUCCESS)
}

/// A suggestion for every active, readable document (the review list).
fn suggestions(
    store: &mut grondslag_store::Store,
) -> anyhow::Result<
    Vec<(
        grondslag_store::DocumentInfo,
        grondslag_procedure::suggest::Suggestion,
    )>,
> {
    use grondslag_procedure::suggest::{count_analysis_cues, suggest, DocumentFacts};
    let docs = store.documents()?;
    let mut out = Vec::new();
    for d in docs
        .into_iter()
        .filter(|d| d.status == "active" && d.readable)
    {
        let text = store.document_text(d.id)?;
        let findings = store.document_findings(d.id)?;
        let mut facts = DocumentFacts {
            text_len: text.len(),
            analysis_cues: count_analysis_cues(&text),
            ..DocumentFacts::default()
        };
        let mut subjects = std::collections::BTreeSet::new();
        for f in &findings {
            if f.kind == "person" {
                facts.person_findings += 1;
            } else if grondslag_detect::Kind::parse(&f.kind)
                .is_some_and(|k| k.is_special_category())
            {
                facts.special_findings += 1;
            } else {
                facts.other_findings += 1;
            }
            if let Some(s) = f.subject {
                subjects.insert(s.0);
            }
        }
        facts.subjects = subjects.len();
        let s = suggest(&facts);
        out.push((d, s));
    }
    Ok(out)
}

pub fn suggest(args: JsonArgs) -> anyhow::Result<ExitCode> {
    let mut store = open(&args.store)?;
    let rows: Vec<serde_json::Value> = suggestions(&mut store)?
        .into_iter()
        .map(|(d, s)| {
            serde_json::json!({
                "id": d.id, "path": d.path, "disposition": d.disposition,
                "suggestion": s.disposition, "reasons": s.reasons,
            })
        })
        .collect();
    if args.json {
        ui::print_json(&rows)?;
    } else {
        for r in &rows {
            println!(
                "{:>6}  {:<18} {}",
                r["id"],
                r["suggestion"].as_str().unwrap_or(""),
                r["reasons"]
                    .as_array()
                    .map(|a| a
                        .iter()
                        .filter_map(|x| x.as_str())
                        .collect::<Vec<_>>()
                        .join("; "))
                    .unwrap_or_default()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn hold(args: HoldArgs) -> anyhow::Result<ExitCode> {
    match args.action {
        HoldAction::Add {
            store,
            reason,
            reference,
            documents,
            subjects,
            all,
        } => {
            let mut store = open(&store)?;
            let mut scope: Vec<HoldScope> = Vec::new();
            if all {
                scope.push(HoldScope::All);
            }
            scope.extend(documents.into_iter().map(|d| HoldScope::Document(DocId(d))));
            scope.extend(
                subjects
                    .into_iter()
                    .map(|s| HoldScope::Subject(SubjectId(s))),
            );
            if scope.is_empty() {
                anyhow::bail!(tr!("procedure-a-hold-needs-a-scope-document"));
            }
            let id = store.hold_add(&reason, &reference, &scope)?;
            eprintln!("{}", tr!("procedure-hold-created"));
            println!("{}", id.0);
        }
        HoldAction::Lift { store, reason, id } => {
            let mut store = open(&store)?;
            store.hold_lift(HoldId(id), &reason)?;
            println!("{}", tr!("procedure-hold-lifted"));
        }
        HoldAction::List { store, json } => {
            let store = open(&store)?;
            let holds = store.holds()?;
            if json {
                ui::print_json(&holds)?;
            } else {
                println!("{}", serde_json::to_string_pretty(&holds)?);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn destroy(args: DestroyArgs) -> anyhow::Result<ExitCode> {
    match args.action {
        DestroyAction::Plan {
            store,
            json,
            dry_run,
        } => {
            let mut store = open(&store)?;
            let plan = store.plan_destruction(dry_run, &crate::redact_cmd::archive_redactor)?;
            for x in &plan.excluded {
                eprintln!("{}", exclusion_line(x));
            }
            if json {
                ui::print_json(&plan)?;
            } else {
                println!(
                    "{}",
                    tr!(
                        "plan-summary",
                        run = plan.id.0,
                        destroy = plan.destroy.len(),
                        archive = plan.archive.len(),
                        held = plan.held.len(),
                        excluded = plan.excluded.len()
                    )
                );
                if !dry_run {
                    eprintln!("{}", tr!("destroy-sources-remain"));
                }
            }
        }
        DestroyAction::Approve { store, id } => {
            let mut store = open(&store)?;
            store.approve(RunId(id))?;
            println!("{}", tr!("procedure-approved"));
        }
        DestroyAction::Execute {
            store,
            id,
            delete_sources,
        } => {
            let mut store = open(&store)?;
            let run = RunId(id);
            // The source paths are read before they are shredded with their documents.
            let sources = if delete_sources {
                store.run_sources(run)?
            } else {
                Vec::new()
            };
            let report = store.execute(run)?;
            crate::inventory::resolve_subjects(&mut store)?;
            println!("{}", serde_json::to_string_pretty(&report)?);
            if !report.failed.is_empty() {
                eprintln!(
                    "{}",
                    tr!(
                        "destroy-failed-documents",
                        count = report.failed.len(),
                        run = id
                    )
                );
            }
            if delete_sources {
                let gone: std::collections::BTreeSet<_> = report
                    .destroyed
                    .iter()
                    .chain(&report.archived)
                    .copied()
                    .collect();
                let sources: Vec<_> = sources
                    .into_iter()
                    .filter(|s| gone.contains(&s.document))
                    .collect();
                crate::sources::delete(&mut store, run, &sources)?;
            } else if !report.already_executed {
                eprintln!("{}", tr!("destroy-sources-remain"));
            }
        }
        DestroyAction::Cancel { store, id, reason } => {
            let mut store = open(&store)?;
            store.cancel_run(RunId(id), &reason)?;
            println!("{}", tr!("destroy-cancelled", run = id));
        }
        DestroyAction::Drop {
            store,
            id,
            document,
            reason,
        } => {
            let mut store = open(&store)?;
            store.drop_from_run(RunId(id), DocId(document), &reason)?;
            println!("{}", tr!("destroy-dropped", run = id, document = document));
        }
        DestroyAction::Certificate {
            store,
            id,
            html,
            pdf,
        } => {
            return crate::letters_cmd::certificate(&store, id, html.as_deref(), pdf.as_deref());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Asks on the terminal whether to restore a backup older than executed runs; without a
/// terminal (a script) the answer is no: `--yes` says yes.
fn ask_restore_old(p: &grondslag_store::RestorePreview) -> bool {
    use std::io::{BufRead, IsTerminal, Write};
    if !std::io::stdin().is_terminal() {
        return false;
    }
    eprint!(
        "{} ",
        tr!(
            "restore-confirm-question",
            created = p.created_at.as_str(),
            runs = p.runs_after
        )
    );
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    let _ = std::io::stdin().lock().read_line(&mut line);
    matches!(
        line.trim().to_lowercase().as_str(),
        "j" | "ja" | "y" | "yes"
    )
}

/// One line about a document left out of a plan: which, why, and what to do.
fn exclusion_line(x: &grondslag_store::Excluded) -> String {
    use grondslag_store::Exclusion as E;
    match &x.reason {
        E::RedactionUnverified { kind, start } => tr!(
            "plan-excluded-unverified",
            document = x.document.0,
            kind = kind,
            offset = *start
        ),
        E::NoText => tr!("plan-excluded-no-text", document = x.document.0),
        E::KeyGone => tr!("plan-excluded-key-gone", document = x.document.0),
    }
}

pub fn backup(args: BackupArgs) -> anyhow::Result<ExitCode> {
    let mut store = open(&args.store)?;
    store.backup(&args.out)?;
    println!(
        "{} {}",
        tr!("procedure-backup-written-to"),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn restore(args: RestoreArgs) -> anyhow::Result<ExitCode> {
    let mut store = open(&args.store)?;
    let yes = args.yes;
    let report = store
        .restore(&args.file, &|p| yes || ask_restore_old(p))
        .with_context(|| {
            tr!(
                "restore-file",
                path = crate::ui::shown(&args.file.display().to_string()).into_owned()
            )
        })?;
    println!(
        "{}",
        tr!(
            "restore-done",
            created = report.created_at.as_str(),
            documents = report.documents,
            unreadable = report.documents_unreadable,
            destroyed = report.kept_destroyed,
            archived = report.kept_archived,
            runs = report.kept_runs,
            entries = report.audit_entries
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub fn audit(args: AuditArgs) -> anyhow::Result<ExitCode> {
    match args.action {
        AuditAction::Verify { store } => {
            let store = open(&store)?;
            match store.audit_verify() {
                Ok(report) => {
                    println!(
                        "{}: {}",
                        tr!("procedure-audit-log-intact"),
                        serde_json::to_string(&report)?
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    eprintln!("grondslag: {}", crate::messages::audit_error(&e));
                    Ok(ExitCode::from(1))
                }
            }
        }
        AuditAction::Show {
            home,
            since,
            by,
            document,
            json,
        } => crate::trail_cmd::audit_show(&home, since.as_deref(), by.as_deref(), document, json),
    }
}

pub fn processings(args: ProcessingsArgs) -> anyhow::Result<ExitCode> {
    let store = open(&args.store)?;
    let p = store.processings()?;
    if args.csv {
        print!("{}", store.processings_csv()?);
    } else {
        ui::print_json(&p)?;
    }
    Ok(ExitCode::SUCCESS)
}
