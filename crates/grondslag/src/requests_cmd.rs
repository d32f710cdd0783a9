//! The access window: `window`, `requests [import]`, `request search|confirm|answer|object|
//! extend|close`. Deadlines and lifecycle rules live in `grondslag-procedure`; persistence (the
//! request mail encrypted like any document) in `grondslag-store`.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use grondslag_detect::Detector;
use grondslag_i18n::tr;
use grondslag_procedure::{letters, RequestStatus, Window};
use grondslag_redact::{Grounds, Span};
use grondslag_store::{Imported, Objection, RequestId, Requester, SubjectId};

use crate::cli::{RequestAction, RequestArgs, RequestsAction, RequestsArgs, WindowArgs};
use crate::inventory::open;
use crate::ui;

fn parse_date(s: &str) -> anyhow::Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").with_context(|| {
        format!(
            "{s}: {}",
            ui::t("verwacht JJJJ-MM-DD", "expected YYYY-MM-DD")
        )
    })
}

pub fn window(args: WindowArgs) -> anyhow::Result<ExitCode> {
    let opens = parse_date(&args.opens)?;
    let closes = parse_date(&args.closes)?;
    if closes < opens {
        anyhow::bail!(ui::t(
            "het loket sluit voordat het opent",
            "the window closes before it opens"
        ));
    }
    let tag = args.tag.trim();
    if tag.is_empty() {
        anyhow::bail!(ui::t(
            "de onderwerpcode mag niet leeg zijn",
            "the subject tag must not be empty"
        ));
    }
    let mut store = open(&args.store)?;
    store.set_window(&Window {
        opens,
        closes,
        tag: tag.to_string(),
    })?;
    println!(
        "{} {opens} – {closes}, {} '{tag}'",
        ui::t("inzageloket", "access window"),
        ui::t("onderwerp", "subject")
    );
    Ok(ExitCode::SUCCESS)
}

pub fn requests(args: RequestsArgs) -> anyhow::Result<ExitCode> {
    match args.action {
        Some(RequestsAction::Import { store, paths }) => import(&store, &paths),
        None => {
            let store = open(&args.store)?;
            let today = chrono::Local::now().date_naive();
            let list = store.requests()?;
            if args.json {
                ui::print_json(&list)?;
            } else {
                println!(
                    "{:>5}  {:<10}  {:<10}  {:<17}",
                    "id", "received", "due", "status"
                );
                for r in &list {
                    let overdue = r.status.is_open() && r.due < today;
                    println!(
                        "{:>5}  {}  {}  {:<17} {}{}",
                        r.id.0,
                        r.received,
                        r.due,
                        r.status.as_str(),
                        if r.late {
                            ui::t("te laat ingediend ", "late ")
                        } else {
                            ""
                        },
                        if overdue {
                            ui::t("TERMIJN VERSTREKEN", "OVERDUE")
                        } else {
                            ""
                        }
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

fn import(args: &crate::cli::StoreArgs, paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut store = open(args)?;
    let window = store.window()?.ok_or_else(|| {
        anyhow::anyhow!(ui::t(
            "geen inzageloket ingesteld: eerst `grondslag window`",
            "no access window configured: run `grondslag window` first"
        ))
    })?;
    let tag = window.tag.to_lowercase();
    let detector = Detector::new();
    let (mut imported, mut duplicate, mut other, mut failed) = (0, 0, 0, 0);
    let (mut destroyed, mut destroyed_runs) = (0, std::collections::BTreeSet::new());
    for path in mail_files(paths) {
        let shown = path.display();
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("grondslag: {shown}: {}", crate::detect_cmd::io_reason(&e));
                failed += 1;
                continue;
            }
        };
        let Some(mail) = mail_parser::MessageParser::default().parse(&bytes) else {
            eprintln!(
                "grondslag: {shown}: {}",
                ui::t("geen leesbare e-mail", "not a readable mail")
            );
            failed += 1;
            continue;
        };
        let subject = mail.subject().unwrap_or_default().to_lowercase();
        if !subject.contains(&tag) {
            eprintln!(
                "grondslag: {shown}: {}",
                ui::t(
                    "onderwerp zonder loketcode; niet als verzoek opgenomen",
                    "subject without the window tag; not a request"
                )
            );
            other += 1;
            continue;
        }
        let Some(received) = mail.date().and_then(|d| {
            NaiveDate::from_ymd_opt(d.year as i32, u32::from(d.month), u32::from(d.day))
        }) else {
            eprintln!(
                "grondslag: {shown}: {}",
                ui::t("geen geldige Date-kop", "no valid Date header")
            );
            failed += 1;
            continue;
        };
        // The date in the mail's own offset: mail-parser keeps the header's local fields.
        let requester = requester_of(&mail, &detector);
        match store.import_request_mail(&bytes, received, "email", &requester)? {
            Imported::New(_) => imported += 1,
            Imported::Known(_) => duplicate += 1,
            Imported::Destroyed(run) => {
                destroyed_runs.insert(run.0);
                destroyed += 1;
            }
        }
    }
    if destroyed > 0 {
        let runs: Vec<String> = destroyed_runs.iter().map(|r| r.to_string()).collect();
        eprintln!(
            "{}",
            tr!(
                "requests-resurfaced",
                count = destroyed,
                runs = runs.join(", ")
            )
        );
    }
    println!(
        "{imported} {}, {duplicate} {}, {other} {}, {failed} {}",
        ui::t("verzoeken opgenomen", "requests imported"),
        ui::t("al eerder opgenomen", "already imported"),
        ui::t("andere mails overgeslagen", "other mails left out"),
        ui::t("onleesbaar", "unreadable"),
    );
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
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
                        "evidence": a.evidence,
                        "contradictions": a.contradictions,
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
            println!("{}", ui::t("verzoeker bevestigd", "requester confirmed"));
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
                        ui::t("let op, betrokkene", "note, subject"),
                        sid.0,
                        a.contradictions.join("; "),
                        ui::t(
                            "splits wat niet van de verzoeker is af (subject split) of controleer het; documenten met een andere geboortedatum of ander BSN blijven buiten het inzagepakket",
                            "split off what is not the requester's (subject split) or check it; documents with another birth date or BSN stay out of the inspection package"
                        )
                    );
                }
            }
        }
        RequestAction::Answer { store, id, out } => {
            let mut store = open(&store)?;
            answer(&mut store, RequestId(id), &out)?;
            println!(
                "{} {}",
                ui::t("antwoord geschreven naar", "answer written to"),
                out.display()
            );
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
        } => {
            let mut store = open(&store)?;
            let due = store.request_extend(RequestId(id), months, &reason)?;
            println!("{}: {due}", ui::t("nieuwe termijn", "new deadline"));
        }
        RequestAction::Inspected { store, id } => {
            let mut store = open(&store)?;
            store.request_transition(RequestId(id), RequestStatus::Inspected, "")?;
            println!("{}", ui::t("inzage vastgelegd", "inspection recorded"));
        }
        RequestAction::Refuse { store, id, reason } => {
            if reason.trim().is_empty() {
                anyhow::bail!(ui::t(
                    "een weigering vraagt redenen",
                    "a refusal needs reasons"
                ));
            }
            let mut store = open(&store)?;
            store.request_transition(RequestId(id), RequestStatus::Refused, &reason)?;
            println!("{}", ui::t("verzoek geweigerd", "request refused"));
        }
        RequestAction::Close { store, id } => {
            let mut store = open(&store)?;
            store.request_transition(RequestId(id), RequestStatus::Closed, "")?;
            println!("{}", ui::t("verzoek gesloten", "request closed"));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `besluit.pdf` (the decision with the art. 15 items) and `inzage.pdf` (every document
/// in which the confirmed subjects occur, their data visible, everyone else's removed).
fn answer(store: &mut grondslag_store::Store, id: RequestId, out: &Path) -> anyhow::Result<()> {
    let subjects = store.request_subjects(id)?;
    if subjects.is_empty() {
        anyhow::bail!(ui::t(
            "eerst bevestigen welke betrokkenen de verzoeker zijn (request confirm)",
            "first confirm which subjects are the requester (request confirm)"
        ));
    }
    let info = store.request_info(id)?;
    let requester = store.request_requester(id)?;
    let query = query_of(&requester);
    // Mentions of the requester stay visible; every other finding is removed. Only the
    // documents in which a confirmed subject occurs are shown, and not one in which the
    // subject carries a birth date or BSN that is not the requester's: that document may be
    // a namesake's, and a person looks at it first (and splits it off with `subject split`).
    let mut own: HashSet<i64> = HashSet::new();
    let mut docs: BTreeSet<grondslag_store::DocId> = BTreeSet::new();
    let mut withheld: BTreeSet<grondslag_store::DocId> = BTreeSet::new();
    for s in &subjects {
        let detail = store.subject_detail(*s)?;
        for f in &detail.findings {
            own.insert(f.finding.id.0);
            if grondslag_subjects::contradicts_request(&query, &f.finding.kind, &f.finding.value) {
                withheld.insert(f.finding.document);
            }
        }
        docs.extend(detail.documents.iter().copied());
    }
    for doc in &withheld {
        docs.remove(doc);
        eprintln!(
            "grondslag: document {}: {}",
            doc.0,
            ui::t(
                "niet in het inzagepakket: de betrokkene heeft hier een andere geboortedatum of een ander BSN dan de verzoeker; controleer en splits (subject split)",
                "left out of the inspection package: the subject carries another birth date or BSN here than the requester; check and split (subject split)"
            )
        );
    }
    let grounds = Grounds::woo_default();
    let mut kinds: Vec<String> = Vec::new();
    let mut parts: Vec<(String, String)> = Vec::new();
    for (n, doc) in docs.iter().enumerate() {
        let text = match store.document_text(*doc) {
            Ok(t) => t,
            Err(_) => continue, // destroyed meanwhile: nothing to show
        };
        let findings = store.document_findings(*doc)?;
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
        parts.push((
            format!("Document {} (inventarisnummer {})", n + 1, doc.0),
            redacted,
        ));
    }
    kinds.sort();
    kinds.dedup();
    std::fs::create_dir_all(out)?;
    let today = chrono::Local::now().date_naive();
    let facts = letters::AnswerFacts {
        request_id: id.0,
        received: info.received.to_string(),
        answered: today.to_string(),
        requester_name: requester
            .names
            .first()
            .cloned()
            .unwrap_or_else(|| "heer/mevrouw".into()),
        documents: parts.len(),
        kinds,
        body_name: "het ministerie".into(),
    };
    let letter = letters::answer_letter(&facts);
    let letter_refs: Vec<(&str, &str)> = letter
        .iter()
        .map(|(h, b)| (h.as_str(), b.as_str()))
        .collect();
    let besluit =
        grondslag_redact::pdf_out::text_document("Besluit op uw inzageverzoek", &letter_refs)?;
    let mut index = String::new();
    for (h, _) in &parts {
        index.push_str(h);
        index.push('\n');
    }
    let mut sections: Vec<(&str, &str)> = vec![("Overzicht van de documenten", index.as_str())];
    sections.extend(parts.iter().map(|(h, b)| (h.as_str(), b.as_str())));
    let inzage = grondslag_redact::pdf_out::text_document("Inzagepakket", &sections)?;
    crate::redact_cmd::write_atomically(&out.join("besluit.pdf"), &besluit)?;
    crate::redact_cmd::write_atomically(&out.join("inzage.pdf"), &inzage)?;
    store.request_transition(id, RequestStatus::Answered, "")?;
    Ok(())
}
