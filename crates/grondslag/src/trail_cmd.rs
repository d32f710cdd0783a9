//! Reading the trail: `audit show` (the log, filtered) and `request show` (one access request
//! with its history).

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use grondslag_i18n::tr;
use grondslag_store::{AuditFilter, DocId, RequestId};
use serde_json::json;

use crate::cli::StoreArgs;
use crate::inventory::open;
use crate::ui;

/// `audit show [--since D] [--user U] [--document ID] [--json]`. The log holds ids, counts and
/// kinds only. What officials typed with a decision (reasons, references: `reason=note 12`) is
/// sealed because it may name people; it is shown, and that reading logged, only to a
/// registered acting user whose role sees personal data (admin, privacy_officer, fg).
pub fn audit_show(
    home: &Path,
    since: Option<&str>,
    by: Option<&str>,
    document: Option<i64>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    if let Some(d) = since {
        if NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
            anyhow::bail!(tr!("audit-show-bad-date", date = d));
        }
    }
    let args = StoreArgs {
        home: home.to_path_buf(),
        user: std::env::var("GRONDSLAG_USER").ok(),
    };
    let mut store = open(&args)?;
    let filter = AuditFilter {
        since: since.map(str::to_string),
        user: by.map(str::to_string),
        document: document.map(DocId),
    };
    let entries = store.audit_entries(&filter)?;
    let privileged = store
        .registered_actor()?
        .is_some_and(|u| u.role.sees_personal_data());
    let described = format!(
        "since={} user={} document={}",
        since.unwrap_or("-"),
        if by.is_some() { "given" } else { "-" },
        document
            .map(|d| d.to_string())
            .unwrap_or_else(|| "-".into())
    );
    store.audit_shown(&described, entries.len())?;
    let notes = if privileged {
        store.audit_notes(&entries)?
    } else {
        Default::default()
    };
    // The notes an entry names, by field, for whoever may read them.
    let notes_of = |e: &grondslag_store::AuditEntry| -> Vec<(String, String)> {
        grondslag_store::note_refs(&e.details)
            .into_iter()
            .filter_map(|(field, id)| {
                notes
                    .get(&id)
                    .map(|t| (field, t.clone().unwrap_or_else(|| tr!("audit-note-gone"))))
            })
            .collect()
    };
    if json {
        let rows: Vec<serde_json::Value> = entries
            .iter()
            .map(|e| {
                let mut v = serde_json::to_value(e).unwrap_or_default();
                let n = notes_of(e);
                if let (Some(map), false) = (v.as_object_mut(), n.is_empty()) {
                    let obj: serde_json::Map<String, serde_json::Value> =
                        n.into_iter().map(|(k, t)| (k, t.into())).collect();
                    map.insert("notes".into(), obj.into());
                }
                v
            })
            .collect();
        ui::print_json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    if entries.is_empty() {
        println!("{}", tr!("audit-show-none"));
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:>6}  {:<20}  {:<14}  {:<22}  {:<16}  {}",
        tr!("audit-col-entry"),
        tr!("audit-col-time"),
        tr!("audit-col-user"),
        tr!("audit-col-action"),
        tr!("audit-col-object"),
        tr!("audit-col-details")
    );
    for e in &entries {
        println!(
            "{:>6}  {:<20}  {:<14}  {:<22}  {:<16}  {}",
            e.entry,
            e.ts,
            e.user,
            ui::label("audit-action", &e.action),
            ui::object_label(&e.object),
            e.details
        );
        for (field, text) in notes_of(e) {
            println!("{:>6}  {field}: {text}", "");
        }
    }
    if !privileged
        && entries
            .iter()
            .any(|e| !grondslag_store::note_refs(&e.details).is_empty())
    {
        eprintln!("{}", tr!("audit-notes-hidden"));
    }
    Ok(ExitCode::SUCCESS)
}

/// `request show ID [--json]`: requester, dates, due date, status and history.
pub fn request_show(args: &StoreArgs, id: RequestId, json: bool) -> anyhow::Result<ExitCode> {
    let mut store = open(args)?;
    let info = store.request_info(id)?;
    let history = store.request_history(id)?;
    // A destroyed request has no requester any more; everything else still shows.
    let requester = if info.status == grondslag_procedure::RequestStatus::Destroyed {
        None
    } else {
        Some(store.request_requester(id)?)
    };
    let subjects = store.request_subjects(id)?;
    let today = chrono::Local::now().date_naive();
    let overdue = info.status.is_open() && info.due < today;
    if json {
        ui::print_json(&json!({
            "id": info.id, "received": info.received, "due": info.due, "extended": info.extended,
            "late": info.late, "overdue": overdue, "status": info.status, "channel": info.channel,
            "requester": requester, "subjects": subjects, "history": history,
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    let line = |label: String, value: String| println!("{label:<22} {value}");
    println!("{}", tr!("request-show-title", id = id.0));
    line(tr!("request-show-received"), info.received.to_string());
    line(
        tr!("request-show-due"),
        if info.extended {
            format!("{} ({})", info.due, tr!("request-show-extended"))
        } else {
            info.due.to_string()
        },
    );
    line(tr!("request-show-status"), info.status.as_str().to_string());
    if info.late {
        line(String::new(), tr!("request-show-late"));
    }
    if overdue {
        line(String::new(), tr!("request-show-overdue"));
    }
    match &requester {
        Some(r) => {
            line(tr!("request-show-names"), r.names.join("; "));
            line(tr!("request-show-emails"), r.emails.join("; "));
            for (label, values) in [
                (tr!("request-show-phones"), &r.phones),
                (tr!("request-show-birthdates"), &r.birthdates),
                (tr!("request-show-addresses"), &r.addresses),
            ] {
                if !values.is_empty() {
                    line(label, values.join("; "));
                }
            }
        }
        None => line(tr!("request-show-names"), tr!("request-show-destroyed")),
    }
    if !subjects.is_empty() {
        let s: Vec<String> = subjects.iter().map(|s| s.0.to_string()).collect();
        line(tr!("request-show-subjects"), s.join(", "));
    }
    println!("{}", tr!("request-show-history"));
    for e in &history {
        println!(
            "  {}  {:<14} {:<17} {}",
            e.ts,
            e.user,
            ui::label("request-status", &e.status.to_string()),
            e.note.as_deref().unwrap_or("")
        );
    }
    Ok(ExitCode::SUCCESS)
}
