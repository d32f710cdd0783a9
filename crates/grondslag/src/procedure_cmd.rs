//! The procedure: `assess`, `suggest`, `hold`, `destroy`, `backup`, `restore`, `audit`,
//! `processings`. The rules live in `grondslag-store` (state machine, crypto-shredding) and
//! `grondslag-procedure` (suggestions); this module only wires and prints.

use std::process::ExitCode;

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
            DispositionArg::Retain => anyhow::bail!(ui::t(
                "grondslag stelt nooit 'retain' voor; kies documenten zelf",
                "grondslag never suggests 'retain'; choose documents yourself"
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
        anyhow::bail!(ui::t(
            "geen documenten opgegeven (ids of --folder)",
            "no documents given (ids or --folder)"
        ));
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
    println!(
        "{} {}",
        ids.len(),
        ui::t("document(en) beoordeeld", "document(s) assessed")
    );
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
                anyhow::bail!(ui::t(
                    "een hold heeft een reikwijdte nodig: --document, --subject of --all",
                    "a hold needs a scope: --document, --subject or --all"
                ));
            }
            let id = store.hold_add(&reason, &reference, &scope)?;
            eprintln!("{}", ui::t("hold aangemaakt", "hold created"));
            println!("{}", id.0);
        }
        HoldAction::Lift { store, reason, id } => {
            let mut store = open(&store)?;
            store.hold_lift(HoldId(id), &reason)?;
            println!("{}", ui::t("hold opgeheven", "hold lifted"));
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
            let plan = store.plan_destruction(dry_run)?;
            if json {
                ui::print_json(&plan)?;
            } else {
                println!(
                    "{} {}: {} {}, {} {}, {} {}",
                    ui::t("vernietigingsronde", "destruction run"),
                    plan.id.0,
                    plan.destroy.len(),
                    ui::t("vernietigen", "to destroy"),
                    plan.archive.len(),
                    ui::t("lakken en archiveren", "to redact and archive"),
                    plan.held.len(),
                    ui::t("onder hold", "held"),
                );
            }
        }
        DestroyAction::Approve { store, id } => {
            let mut store = open(&store)?;
            store.approve(RunId(id))?;
            println!("{}", ui::t("goedgekeurd", "approved"));
        }
        DestroyAction::Execute { store, id } => {
            let mut store = open(&store)?;
            let report = store.execute(RunId(id), &crate::redact_cmd::archive_redactor)?;
            crate::inventory::resolve_subjects(&mut store)?;
            println!("{}", serde_json::to_string_pretty(&report)?);
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

pub fn backup(args: BackupArgs) -> anyhow::Result<ExitCode> {
    let mut store = open(&args.store)?;
    store.backup(&args.out)?;
    println!(
        "{} {}",
        ui::t("back-up geschreven naar", "backup written to"),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn restore(args: RestoreArgs) -> anyhow::Result<ExitCode> {
    let mut store = open(&args.store)?;
    let report = store.restore(&args.file)?;
    println!("{}", serde_json::to_string_pretty(&report)?);
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
                        ui::t("auditlog intact", "audit log intact"),
                        serde_json::to_string(&report)?
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    eprintln!(
                        "grondslag: {}: {e}",
                        ui::t("auditlog aangetast", "audit log tampered")
                    );
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
