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
/// kinds only; what officials typed (reasons, references) is sealed and shown by `hold list`,
/// `request show` and the certificate, not here.
// TODO(users): once registered users and roles exist (store users table), resolve the sealed
// notes an entry names (`reason=note 12`) for an acting user with the role privacy_officer, fg
// or admin, and log that view; everyone else keeps seeing ids only.
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
    let described = format!(
        "since={} user={} document={}",
        since.unwrap_or("-"),
        if by.is_some() { "given" } else { "-" },
        document
            .map(|d| d.to_string())
            .unwrap_or_else(|| "-".into())
    );
    store.audit_shown(&described, entries.len())?;
    if json {
        ui::print_json(&entries)?;
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
            e.entry, e.ts, e.user, e.action, e.object, e.details
        );
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
            e.status,
            e.note.as_deref().unwrap_or("")
        );
    }
    Ok(ExitCode::SUCCESS)
}
