//! Accountability: the Woo inventory list, the accountability report and informing decisions.

use std::collections::{BTreeMap, HashMap};
use std::process::ExitCode;

use grondslag_detect::Detector;
use grondslag_procedure::informing::NotInformingGround;
use grondslag_procedure::woo;
use grondslag_store::{DocId, SubjectId};

use grondslag_i18n::tr;

use crate::cli::{InformArgs, InformGround, ReportArgs, WooListArgs};
use crate::inventory::open;
use crate::ui;

/// The last part of a stored path (`map/x.eml!bijlage.pdf` → `bijlage.pdf`), with personal data
/// in it redacted: file names often carry names.
fn public_name(path: &str, detector: &Detector) -> String {
    let name = path.rsplit(['/', '\\', '!']).next().unwrap_or(path);
    let spans: Vec<grondslag_redact::Span> = detector
        .detect(name)
        .into_iter()
        .map(|f| grondslag_redact::Span {
            start: f.start,
            end: f.end,
            kind: f.kind.as_str().to_string(),
            label: None,
        })
        .collect();
    grondslag_redact::redact_text(name, &spans, &grondslag_redact::Grounds::woo_default())
}

/// The date of a mail as its `Date` header gives it, in the mail's own offset (`YYYY-MM-DD`),
/// from the `Datum:` line of its extracted header block.
fn mail_date(text: &str) -> Option<String> {
    let value = text
        .lines()
        .take(40)
        .find_map(|l| l.strip_prefix("Datum:"))?
        .trim();
    let header = format!("Date: {value}\r\nSubject: x\r\n\r\n");
    let d = mail_parser::MessageParser::default()
        .parse(header.as_bytes())?
        .date()
        .copied()?;
    Some(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))
}

pub fn woo_list(args: WooListArgs) -> anyhow::Result<ExitCode> {
    let context = args.context.trim();
    if context.is_empty()
        || context.len() > 255
        || !context
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~".contains(c))
    {
        anyhow::bail!(tr!("report-context-1-to-255-characters-only"));
    }
    let mut store = open(&args.store)?;
    let docs = store.documents()?;
    let parent: HashMap<DocId, Option<DocId>> = docs.iter().map(|d| (d.id, d.parent)).collect();
    let top = |mut id: DocId| {
        while let Some(Some(p)) = parent.get(&id) {
            id = *p;
        }
        id
    };
    let detector = Detector::new();
    let mut rows = Vec::new();
    for d in docs.iter().filter(|d| d.status != "destroyed") {
        if !args.ids.is_empty() && !args.ids.contains(&d.id.0) {
            continue;
        }
        let kinds: Vec<String> = if d.readable {
            store
                .document_findings(d.id)?
                .into_iter()
                .map(|f| f.kind)
                .collect()
        } else {
            Vec::new()
        };
        // An archived copy's findings were shredded with the original; its marks remain.
        let is_mail = matches!(d.doc_type.as_str(), "mail" | "msg");
        let text = if d.readable && (d.status == "archived" || is_mail) {
            store.document_text(d.id).ok()
        } else {
            None
        };
        let marked_grounds = match (&text, d.status.as_str()) {
            (Some(t), "archived") => woo::marked_grounds(t),
            _ => Vec::new(),
        };
        let mail_date = if is_mail {
            text.as_deref().and_then(mail_date)
        } else {
            None
        };
        let date = match mail_date {
            Some(d) => d,
            None => store.document_date(d.id)?.unwrap_or_default(),
        };
        let family = d.parent.map(|_| top(d.id).0);
        let doc = woo::WooDocument {
            id: d.id.0,
            family,
            name: public_name(&d.path, &detector),
            doc_type: d.doc_type.clone(),
            date,
            kinds,
            disposition: d.disposition.clone(),
            held: d.held,
            readable: d.readable,
            marked_grounds,
        };
        rows.push(woo::row(&doc, context));
    }
    if rows.is_empty() {
        anyhow::bail!(tr!("woo-list-empty"));
    }
    let ext = args
        .out
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let bytes = match ext.as_str() {
        "csv" => woo::to_csv(&rows).into_bytes(),
        "xlsx" => xlsx(&rows)?,
        _ => anyhow::bail!(tr!("report-out-must-end-in-xlsx-or")),
    };
    crate::redact_cmd::write_atomically(&args.out, &bytes)?;
    println!(
        "{} {} {}",
        rows.len(),
        tr!("report-documents-in"),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn xlsx(rows: &[[String; 14]]) -> anyhow::Result<Vec<u8>> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Inventarislijst")?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (c, h) in woo::COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, v)?;
        }
    }
    Ok(book.save_to_buffer()?)
}

pub fn report(args: ReportArgs) -> anyhow::Result<ExitCode> {
    let mut store = open(&args.store)?;
    if args.html.is_some() || args.pdf.is_some() {
        // Refuse before anything is computed when the document cannot carry a sender.
        crate::letters_cmd::require_org(&store)?;
    }
    let s = store.summary()?;
    let holds = store.holds()?;
    let requests = store.requests()?;
    let informing = store.informing_counts()?;
    let runs = store.runs()?;
    let today = chrono::Local::now().date_naive();
    let mut by_status: BTreeMap<&str, u64> = BTreeMap::new();
    for r in &requests {
        *by_status.entry(r.status.as_str()).or_default() += 1;
    }
    let report = serde_json::json!({
        "documents_found": s.documents + s.destroyed,
        "documents_active": s.documents - s.archived.min(s.documents),
        "documents_destroyed": s.destroyed,
        "documents_redacted_and_archived": s.archived,
        "documents_unreadable": s.unreadable,
        "findings": s.findings,
        "subjects": s.subjects,
        "subjects_with_special_categories": s.subjects_with_special,
        "destruction_runs_executed": runs.iter().filter(|r| r.state == "executed").count(),
        "holds_active": holds.iter().filter(|h| h.active).count(),
        "holds_total": holds.len(),
        "requests": requests.len(),
        "requests_by_status": by_status,
        "requests_late": requests.iter().filter(|r| r.late).count(),
        "requests_extended": requests.iter().filter(|r| r.extended).count(),
        "requests_overdue": requests.iter().filter(|r| r.status.is_open() && r.due < today).count(),
        "informing": informing,
    });
    if args.html.is_some() || args.pdf.is_some() {
        let mut run_rows = Vec::new();
        for r in runs.iter().filter(|r| r.state == "executed") {
            let facts = store.run_facts(r.id)?;
            let count = |o: &str| {
                facts
                    .items
                    .iter()
                    .filter(|i| i.outcome.as_deref() == Some(o))
                    .count()
            };
            run_rows.push(serde_json::json!({
                "id": r.id.0, "executed_at": r.executed_at, "destroyed": count("destroyed"),
                "archived": count("archived"), "held": count("held"),
                "code": facts.executed_entry.as_ref()
                    .map(|(e, h)| crate::letters_cmd::verification_code(*e, h)),
            }));
        }
        let entries = store.audit_entries(&grondslag_store::AuditFilter::default())?;
        let period = serde_json::json!({
            "from": entries.first().map(|e| e.ts.get(..10).unwrap_or("").to_string()),
            "to": entries.last().map(|e| e.ts.get(..10).unwrap_or("").to_string()),
        });
        let statuses: Vec<serde_json::Value> = by_status
            .iter()
            .map(|(s, n)| serde_json::json!({"status": s, "count": n}))
            .collect();
        let grounds: Vec<serde_json::Value> = informing
            .by_ground
            .iter()
            .map(|(g, n)| serde_json::json!({"ground": g, "count": n}))
            .collect();
        let ctx = serde_json::json!({
            "period": period, "figures": report, "requests_by_status": statuses,
            "informing": {"inform": informing.inform, "do_not_inform": informing.do_not_inform,
                "undecided": informing.undecided, "by_ground": grounds},
            "runs": run_rows,
        });
        crate::letters_cmd::write_report(&store, ctx, args.html.as_deref(), args.pdf.as_deref())?;
    }
    if args.json {
        ui::print_json(&report)?;
    } else {
        println!("{}", tr!("report-accountability-report"));
        print_figures(&report, "report-figure", 1);
    }
    Ok(ExitCode::SUCCESS)
}

/// The report's figures as an indented list with their names in the chosen language: a
/// figure's name from `PREFIX-KEY`, the request statuses under theirs (`request-status-…`).
fn print_figures(value: &serde_json::Value, prefix: &str, depth: usize) {
    let Some(map) = value.as_object() else { return };
    let indent = "  ".repeat(depth);
    for (k, v) in map {
        let name = ui::label(prefix, k);
        if v.is_object() {
            println!("{indent}{name}:");
            let inner = if k == "requests_by_status" {
                "request-status"
            } else {
                prefix
            };
            print_figures(v, inner, depth + 1);
        } else {
            let width = 44usize.saturating_sub(indent.len());
            println!("{indent}{name:<width$} {v}");
        }
    }
}

pub fn inform(args: InformArgs) -> anyhow::Result<ExitCode> {
    if args.yes == args.not_because.is_some() {
        anyhow::bail!(tr!("report-choose-yes-or-not-because-ground"));
    }
    let ground = args.not_because.map(|g| match g {
        InformGround::NoReliableContactDetails => NotInformingGround::NoReliableContactDetails,
        InformGround::DisproportionateEffort => NotInformingGround::DisproportionateEffort,
        InformGround::SafetyOfStaff => NotInformingGround::SafetyOfStaff,
        InformGround::Other => NotInformingGround::Other,
    });
    let decision = match ground {
        None => grondslag_procedure::informing::InformingDecision::Inform,
        Some(ground) => grondslag_procedure::informing::InformingDecision::DoNotInform {
            ground,
            explanation: args.explanation.clone(),
        },
    };
    decision.validate().map_err(|e| anyhow::anyhow!(e))?;
    let considerations = serde_json::json!({
        "explanation": args.explanation, "risk_to_person": args.risk, "damage_suffered": args.damage,
        "possible_claims": args.claims, "pending_requests": args.pending_requests,
    });
    let mut store = open(&args.store)?;
    if args.yes && args.letter.is_some() {
        // Refuse before the decision is recorded when the letter cannot be written.
        crate::letters_cmd::require_org(&store)?;
    }
    let ground_name = ground.map(|g| {
        serde_json::to_value(g)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    });
    // The letter first: a decision is recorded only once its letter exists.
    if let (true, Some(path)) = (args.yes, &args.letter) {
        crate::letters_cmd::write_informing(&mut store, SubjectId(args.subject), path)?;
        println!(
            "{}",
            tr!("letters-written", path = path.display().to_string())
        );
    }
    store.record_informing(
        SubjectId(args.subject),
        ground_name.as_deref(),
        &considerations.to_string(),
    )?;
    println!("{}", tr!("report-informing-decision-recorded"));
    Ok(ExitCode::SUCCESS)
}
