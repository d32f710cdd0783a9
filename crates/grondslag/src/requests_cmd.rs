//! The access window: `window`, `requests [import]`, `request search|confirm|answer|object|
//! extend|close`. Deadlines and lifecycle rules live in `grondslag-procedure`; persistence (the
//! request mail encrypted like any document) in `grondslag-store`.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use grondslag_detect::Detector;
use grondslag_i18n::tr;
use grondslag_procedure::{RequestStatus, Window};
use grondslag_redact::{Grounds, Span};
use grondslag_store::{Imported, Objection, RequestId, Requester, SubjectId};

use crate::cli::{RequestAction, RequestArgs, RequestsAction, RequestsArgs, WindowArgs};
use crate::inventory::open;
use crate::ui;

fn parse_date(s: &str) -> anyhow::Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .with_context(|| format!("{s}: {}", tr!("requests-expected-yyyy-mm-dd")))
}

pub fn window(args: WindowArgs) -> anyhow::Result<ExitCode> {
    let opens = parse_date(&args.opens)?;
    let closes = parse_date(&args.closes)?;
    if closes < opens {
        anyhow::bail!(tr!("requests-the-window-closes-before-it-opens"));
    }
    let tag = args.tag.trim();
    if tag.is_empty() {
        anyhow::bail!(tr!("requests-the-subject-tag-must-not-be"));
    }
    let mut store = open(&args.store)?;
    store.set_window(&Window {
        opens,
        closes,
        tag: tag.to_string(),
    })?;
    println!(
        "{}",
        tr!(
            "requests-window-set",
            opens = opens.to_string(),
            closes = closes.to_string(),
            tag = tag
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub fn requests(args: RequestsArgs) -> anyhow::Result<ExitCode> {
    match args.action {
        Some(RequestsAction::Import {
            store,
            paths,
            imap,
            move_to,
            ca_file,
        }) => match imap {
            Some(url) => {
                crate::mailbox::import_imap(&store, &url, move_to.as_deref(), ca_file.as_deref())
            }
            None => import(&store, &paths),
        },
        None => {
            let store = open(&args.store)?;
            let today = chrono::Local::now().date_naive();
            let list = store.requests()?;
            if args.json {
                ui::print_json(&list)?;
            } else {
                println!(
                    "{:>5}  {:<10}  {:<10}  {:<17}",
                    "id",
                    tr!("request-show-received"),
                    tr!("request-show-due"),
                    tr!("request-show-status")
                );
                for r in &list {
                    let overdue = r.status.is_open() && r.due < today;
                    let mut marks = Vec::new();
                    if r.late {
                        marks.push(tr!("requests-late"));
                    }
                    if overdue {
                        marks.push(tr!("requests-overdue"));
                    }
                    println!(
                        "{:>5}  {}  {}  {:<17} {}",
                        r.id.0,
                        r.received,
                        r.due,
                        ui::label("request-status", r.status.as_str()),
                        marks.join(" ")
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Every mail file under the given Maildir folders and `.eml` paths.
fn mail_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            for e in walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .flatten()
            {
                let in_maildir = e
                    .path()
                    .parent()
                    .and_then(|d| d.file_name())
                    .is_some_and(|n| n == "cur" || n == "new");
                let is_eml = e
                    .path()
                    .extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("eml"));
                if e.file_type().is_file() && (in_maildir || is_eml) {
                    out.push(e.into_path());
                }
            }
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// What became of one mail offered to `requests import`.
pub enum MailOutcome {
    Imported,
    /// The same mail (by content or Message-ID) was imported before.
    Duplicate,
    /// Its subject lacks the window's tag: not a request, left alone.
    NotARequest,
    /// Not a mail, or no valid `Date` header: the reason in the chosen language.
    Unreadable(String),
    /// The request it was is destroyed (by this run); it is not imported again.
    Destroyed(grondslag_store::RunId),
}

/// The window's tag, lower-cased, or an error that says to configure the window first.
pub fn window_tag(store: &grondslag_store::Store) -> anyhow::Result<String> {
    let window = store
        .window()?
        .ok_or_else(|| anyhow::anyhow!(tr!("requests-no-window")))?;
    Ok(window.tag.to_lowercase())
}

/// Imports one mail if it is a request (its subject holds `tag`, lower-case) and was not
/// imported before. The date received is the date of its `Date` header in its own offset.
pub fn import_mail(
    store: &mut grondslag_store::Store,
    bytes: &[u8],
    tag: &str,
    detector: &Detector,
) -> anyhow::Result<MailOutcome> {
    let Some(mail) = mail_parser::MessageParser::default().parse(bytes) else {
        return Ok(MailOutcome::Unreadable(tr!("requests-not-a-mail")));
    };
    let subject = mail.subject().unwrap_or_default().to_lowercase();
    if !subject.contains(tag) {
        return Ok(MailOutcome::NotARequest);
    }
    let message_id = mail.message_id().unwrap_or_default().to_string();
    if let Some(known) = store.request_by_message_id(&message_id)? {
        // A request destroyed since is a tombstone, not an import.
        return Ok(match store.request_destroyed_by(known)? {
            Some(run) => MailOutcome::Destroyed(run),
            None => MailOutcome::Duplicate,
        });
    }
    // mail-parser keeps the header's own fields: the date in the mail's own offset.
    let Some(received) = mail
        .date()
        .and_then(|d| NaiveDate::from_ymd_opt(d.year as i32, u32::from(d.month), u32::from(d.day)))
    else {
        return Ok(MailOutcome::Unreadable(tr!("requests-no-date")));
    };
    let requester = requester_of(&mail, detector);
    match store.import_request_mail(bytes, received, "email", &requester)? {
        Imported::New(id) => {
            store.record_message_id(&message_id, id)?;
            Ok(MailOutcome::Imported)
        }
        Imported::Known(_) => Ok(MailOutcome::Duplicate),
        Imported::Destroyed(run) => Ok(MailOutcome::Destroyed(run)),
    }
}

/// The counts `requests import` ends with.
#[derive(Default)]
pub struct ImportCounts {
    pub imported: u64,
    pub duplicate: u64,
    pub other: u64,
    pub failed: u64,
    /// Mails of requests destroyed since, by run.
    pub destroyed: u64,
    pub destroyed_runs: std::collections::BTreeSet<i64>,
}

impl ImportCounts {
    /// Counts one outcome; prints what a person must know about it, naming the mail `shown`.
    pub fn count(&mut self, outcome: MailOutcome, shown: &str) {
        match outcome {
            MailOutcome::Imported => self.imported += 1,
            MailOutcome::Duplicate => self.duplicate += 1,
            MailOutcome::NotARequest => self.other += 1,
            MailOutcome::Unreadable(reason) => {
                eprintln!("grondslag: {shown}: {reason}");
                self.failed += 1;
            }
            MailOutcome::Destroyed(run) => {
                self.destroyed += 1;
                self.destroyed_runs.insert(run.0);
            }
        }
    }

    pub fn print(&self) {
        if self.destroyed > 0 {
            let runs: Vec<String> = self.destroyed_runs.iter().map(|r| r.to_string()).collect();
            eprintln!(
                "{}",
                tr!(
                    "requests-resurfaced",
                    count = self.destroyed,
                    runs = runs.join(", ")
                )
            );
        }
        println!(
            "{}",
            tr!(
                "requests-import-summary",
                imported = self.imported,
                duplicate = self.duplicate,
                other = self.other,
                failed = self.failed
            )
        );
    }

    pub fn exit_code(&self) -> ExitCode {
        if self.failed > 0 {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        }
    }
}

fn import(args: &crate::cli::StoreArgs, paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut store = open(args)?;
    let tag = window_tag(&store)?;
    let detector = Detector::new();
    let mut counts = ImportCounts::default();
    for path in mail_files(paths) {
        let shown = path.display();
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("grondslag: {shown}: {}", crate::detect_cmd::io_reason(&e));
                counts.failed += 1;
                continue;
            }
        };
        let outcome = import_mail(&mut store, &bytes, &tag, &detector)?;
        if matches!(outcome, MailOutcome::NotARequest) {
            eprintln!("grondslag: {shown}: {}", tr!("requests-not-tagged"));
        }
        counts.count(outcome, &shown.to_string());
    }
    counts.print();
    Ok(counts.exit_code())
}

/// What the request mail says about its sender: display name, address, and the identifiers the
/// detector finds in the body (phone, date of birth, address, postcode).
fn requester_of(mail: &mail_parser::Message, detector: &Detector) -> Requester {
    let mut r = Requester::default();
    if let Some(from) = mail.from().and_then(|f| f.first()) {
        if let Some(name) = from.name() {
            r.names.push(name.trim().to_string());
        }
        if let Some(addr) = from.address() {
            r.emails.push(addr.trim().to_lowercase());
        }
    }
    let body = mail
        .body_text(0)
        .map(|b| b.into_owned())
        .unwrap_or_default();
    for f in detector.detect(&body) {
        let v = body[f.start..f.end].trim().to_string();
        let list = match f.kind.as_str() {
            "person" => &mut r.names,
            "email" => &mut r.emails,
            "phone" => &mut r.phones,
            "birthdate" => &mut r.birthdates,
            "address" | "postcode" => &mut r.addresses,
            "place" => &mut r.places,
            _ => continue,
        };
        if !list.contains(&v) {
            list.push(v);
        }
    }
    r
}

/// What the search compares: the requester's names, contact details and towns.
fn query_of(requester: &Requester) -> grondslag_subjects::Query {
    grondslag_subjects::Query {
        names: requester.names.clone(),
        emails: requester.emails.clone(),
        phones: requester.phones.clone(),
        birthdates: requester.birthdates.clone(),
        addresses: requester.addresses.clone(),
        places: requester.places.clone(),
        ..Default::default()
    }
}

pub fn request(args: RequestArgs) -> anyhow::Result<ExitCode> {
    match args.action {
        RequestAction::Show { store, id, json } => {
            return crate::trail_cmd::request_show(&store, RequestId(id), json);
        }
        RequestAction::Search { store, id, json } => {
            let mut store = open(&store)?;
            let id = RequestId(id);
            let query = query_of(&store.request_requester(id)?);
            let (subjects, profiles): (Vec<SubjectId>, Vec<_>) =
                store.subject_profiles()?.into_iter().unzip();
            let assessed = grondslag_subjects::assess_candidates(&query, &profiles);
            let mut scored: Vec<(SubjectId, grondslag_subjects::Assessment)> = subjects
                .into_iter()
                .zip(assessed)
                .filter(|(_, a)| a.confidence > 0.0)
                .collect();
            scored.sort_by(|a, b| {
                b.1.confidence
                    .total_cmp(&a.1.confidence)
                    .then(a.0 .0.cmp(&b.0 .0))
            });
            let candidates: Vec<serde_json::Value> = scored
                .into_iter()
                .take(20)
                .map(|(sid, a)| {
                    serde_json::json!({
                        "subject": sid,
                        "confidence": ui::thousandths(a.confidence),
                        "evidence": a.evidence.iter().map(|e| ui::evidence(e)).collect::<Vec<_>>(),
                        "contradictions": a
                            .contradictions
                            .iter()
                            .map(|e| ui::evidence(e))
                            .collect::<Vec<_>>(),
                        "advice": a.advice.as_str(),
                    })
                })
                .collect();
            store.request_transition(id, RequestStatus::Searched, "")?;
            if json {
                ui::print_json(&candidates)?;
            } else {
                println!("{}", serde_json::to_string_pretty(&candidates)?);
            }
        }
        RequestAction::Confirm {
            store,
            id,
            subjects,
            identity,
        } => {
            let mut store = open(&store)?;
            let subjects: Vec<SubjectId> = subjects.into_iter().map(SubjectId).collect();
            store.request_confirm(RequestId(id), &subjects, &identity)?;
            println!("{}", tr!("requests-requester-confirmed"));
            // The human decides; the tool says plainly what in a confirmed subject is not
            // the requester's, before an answer is written.
            let query = query_of(&store.request_requester(RequestId(id))?);
            for (sid, profile) in store.subject_profiles()? {
                if !subjects.contains(&sid) {
                    continue;
                }
                let a = grondslag_subjects::assess_candidate(&query, &profile);
                if !a.contradictions.is_empty() {
                    eprintln!(
                        "grondslag: {} {}: {}; {}",
                        tr!("requests-note-subject"),
                        sid.0,
                        ui::evidence(&a.contradictions.concat()),
                        tr!("requests-split-off-what-is-not-the")
                    );
                }
            }
        }
        RequestAction::Answer { store, id, out } => {
            let mut store = open(&store)?;
            answer(&mut store, RequestId(id), &out)?;
            println!("{} {}", tr!("requests-answer-written-to"), out.display());
        }
        RequestAction::Object { store, id, reason } => {
            let mut store = open(&store)?;
            match store.request_object(RequestId(id), &reason)? {
                Objection::Hold(hold) => {
                    eprintln!("{}", tr!("request-objection-hold", hold = hold.0));
                    println!("{}", hold.0);
                }
                Objection::Pending => {
                    println!("{}", tr!("request-objection-pending", request = id));
                }
            }
        }
        RequestAction::Extend {
            store,
            id,
            reason,
            months,
            letter,
        } => {
            let mut store = open(&store)?;
            if letter.is_some() {
                // Refuse before anything is recorded when the letter cannot be written.
                crate::letters_cmd::require_org(&store)?;
            }
            let original_due = store.request_info(RequestId(id))?.due;
            let due = store.request_extend(RequestId(id), months, &reason)?;
            println!("{}: {due}", tr!("requests-new-deadline"));
            if let Some(path) = letter {
                crate::letters_cmd::write_extension(
                    &mut store,
                    RequestId(id),
                    original_due,
                    months,
                    &reason,
                    &path,
                )?;
                println!(
                    "{}",
                    grondslag_i18n::tr!("letters-written", path = path.display().to_string())
                );
            }
        }
        RequestAction::Inspected { store, id } => {
            let mut store = open(&store)?;
            store.request_transition(RequestId(id), RequestStatus::Inspected, "")?;
            println!("{}", tr!("requests-inspection-recorded"));
        }
        RequestAction::Refuse {
            store,
            id,
            reason,
            letter,
        } => {
            if reason.trim().is_empty() {
                anyhow::bail!(tr!("requests-a-refusal-needs-reasons"));
            }
            let mut store = open(&store)?;
            if letter.is_some() {
                crate::letters_cmd::require_org(&store)?;
            }
            store.request_transition(RequestId(id), RequestStatus::Refused, &reason)?;
            println!("{}", tr!("requests-request-refused"));
            if let Some(path) = letter {
                crate::letters_cmd::write_refusal(&mut store, RequestId(id), &reason, &path)?;
                println!(
                    "{}",
                    grondslag_i18n::tr!("letters-written", path = path.display().to_string())
                );
            }
        }
        RequestAction::Close { store, id } => {
            let mut store = open(&store)?;
            store.request_transition(RequestId(id), RequestStatus::Closed, "")?;
            println!("{}", tr!("requests-request-closed"));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `besluit.pdf` (the decision with the art. 15 items) and `inzage.pdf` (every document
/// in which the confirmed subjects occur, their data visible, everyone else's removed).
fn answer(store: &mut grondslag_store::Store, id: RequestId, out: &Path) -> anyhow::Result<()> {
    let subjects = store.request_subjects(id)?;
    if subjects.is_empty() {
        anyhow::bail!(tr!("requests-first-confirm-which-subjects-are-the"));
    }
    let requester = store.request_requester(id)?;
    let query = query_of(&requester);
    // Mentions of the requester stay visible; every other finding is removed. Every
    // document in which a confirmed subject occurs is shown, but not one in which the
    // subject carries a birth date or BSN that is not the requester's: that document may be
    // a namesake's, and a person looks at it first (and splits it off with `subject split`).
    // A document that names the subject without any detail of the requester's (see
    // `grondslag_subjects::split_package`) is shown and named, so that a person checks it
    // before the package is sent: a namesake the holding never describes cannot be told
    // apart by anything in the text.
    let mut own: HashSet<i64> = HashSet::new();
    let mut held: Vec<(u64, String, String)> = Vec::new();
    for s in &subjects {
        let detail = store.subject_detail(*s)?;
        for f in &detail.findings {
            own.insert(f.finding.id.0);
            held.push((
                f.finding.document.0 as u64,
                f.finding.kind.clone(),
                f.finding.value.clone(),
            ));
        }
    }
    // Every finding of those documents, read once (each read is a logged view): the
    // requester's own address or e-mail address elsewhere in a document confirms it too,
    // and the package below redacts the rest.
    let mut findings_of: BTreeMap<u64, Vec<grondslag_store::FindingInfo>> = BTreeMap::new();
    for &(d, _, _) in &held {
        if let std::collections::btree_map::Entry::Vacant(slot) = findings_of.entry(d) {
            slot.insert(store.document_findings(grondslag_store::DocId(d as i64))?);
        }
    }
    let beside = findings_of.iter().flat_map(|(&d, findings)| {
        findings
            .iter()
            .filter(|f| !own.contains(&f.id.0))
            .map(move |f| (d, f.kind.as_str(), f.value.as_str()))
    });
    let split = grondslag_subjects::split_package(
        &query,
        held.iter().map(|(d, k, v)| (*d, k.as_str(), v.as_str())),
        beside,
    );
    let mut docs: BTreeSet<grondslag_store::DocId> = split
        .confirmed
        .iter()
        .map(|&d| grondslag_store::DocId(d as i64))
        .collect();
    for &d in &split.check {
        let doc = grondslag_store::DocId(d as i64);
        if split.contradicted.contains(&d) {
            eprintln!(
                "grondslag: document {}: {}",
                doc.0,
                tr!("requests-left-out-of-the-inspection-package")
            );
        } else {
            docs.insert(doc);
            eprintln!(
                "grondslag: document {}: {}",
                doc.0,
                tr!("requests-check-name-only")
            );
        }
    }
    let grounds = Grounds::woo_default();
    let mut kinds: Vec<String> = Vec::new();
    let mut parts: Vec<crate::letters_cmd::PackagePart> = Vec::new();
    for doc in docs.iter() {
        let text = match store.document_text(*doc) {
            Ok(t) => t,
            Err(_) => continue, // destroyed meanwhile: nothing to show
        };
        let findings = findings_of.remove(&(doc.0 as u64)).unwrap_or_default();
        let mut spans = Vec::new();
        let mut values = Vec::new();
        for f in &findings {
            if own.contains(&f.id.0) {
                kinds.push(f.kind.clone());
            } else {
                spans.push(Span {
                    start: f.start,
                    end: f.end,
                    kind: f.kind.clone(),
                    label: None,
                });
                values.push(f.value.clone());
            }
        }
        // A value of someone else that also occurs as the requester's own mention stays
        // redacted only where it is someone else's; the check below looks for the rest.
        let own_values: HashSet<String> = findings
            .iter()
            .filter(|f| own.contains(&f.id.0))
            .map(|f| f.value.to_lowercase())
            .collect();
        let redacted = grondslag_redact::redact_text(&text, &spans, &grounds);
        let check: Vec<&str> = values
            .iter()
            .filter(|v| {
                let v = v.to_lowercase();
                !own_values.iter().any(|o| o.contains(&v))
            })
            .map(String::as_str)
            .collect();
        grondslag_redact::verify(&redacted, &check)?;
        parts.push(crate::letters_cmd::PackagePart {
            title: crate::letters_cmd::package_title(*doc),
            text: redacted,
        });
    }
    crate::letters_cmd::write_answer(store, id, &parts, &kinds, out)?;
    store.request_transition(id, RequestStatus::Answered, "")?;
    Ok(())
}
