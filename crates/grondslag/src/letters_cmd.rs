//! What goes out the door, wired: the organisation from the store, the facts of each letter,
//! rendered by `grondslag-letters` from its templates (HOME/templates overrides the defaults)
//! into PDF/A-2 (tagged) and HTML. Also `letters export|list` and `org set|show`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use base64::Engine as _;
use chrono::{Datelike, NaiveDate};
use grondslag_detect::Detector;
use grondslag_i18n::tr;
use grondslag_letters::{LetterError, Letters, Rendered, Stamp, Template};
use grondslag_procedure::letters::Organisation;
use grondslag_store::{RequestId, RunId, Store};
use serde_json::{json, Value};

use crate::cli::{LettersAction, LettersArgs, OrgAction, OrgArgs};
use crate::inventory::open;
use crate::ui;

/// The folder whose templates replace the defaults.
pub fn templates_dir(store: &Store) -> PathBuf {
    store.home().join("templates")
}

fn letters(store: &Store) -> Letters {
    Letters::new(Some(templates_dir(store)))
}

/// A library error of the renderer as a sentence of the catalogue.
pub fn letter_error(e: LetterError) -> anyhow::Error {
    let line = match &e {
        LetterError::Template { template, detail } => {
            tr!(
                "letters-error-template",
                template = template,
                detail = detail
            )
        }
        LetterError::Markup { template, detail } => {
            tr!("letters-error-markup", template = template, detail = detail)
        }
        LetterError::Pdf(detail) => tr!("letters-error-pdf", detail = detail),
        LetterError::Io { path, source } => tr!(
            "letters-error-io",
            path = path.display().to_string(),
            detail = source.to_string()
        ),
    };
    anyhow::anyhow!(line)
}

/// The organisation, or an error that says how to record it.
pub fn require_org(store: &Store) -> anyhow::Result<Organisation> {
    store
        .organisation()?
        .ok_or_else(|| anyhow::anyhow!(tr!("org-none")))
}

/// Warns (stderr) about descriptions of the processing the letters need and the organisation
/// has not given: the letter then says the information follows on request.
fn warn_missing(org: &Organisation) {
    let missing: Vec<String> = org
        .missing_descriptions()
        .iter()
        .map(|f| format!("--{f}"))
        .collect();
    if !missing.is_empty() {
        eprintln!(
            "grondslag: {}",
            tr!("org-missing-description", fields = missing.join(", "))
        );
    }
}

/// The organisation as every template sees it (`org.*`): fallbacks resolved, the logo as a
/// `data:` URI so that the HTML loads nothing from elsewhere.
pub fn org_context(org: &Organisation) -> Value {
    let logo = org.logo.as_ref().and_then(|bytes| {
        let kind = grondslag_procedure::letters::image_type(bytes)?;
        Some(format!(
            "data:image/{kind};base64,{}",
            base64::engine::general_purpose::STANDARD.encode(bytes)
        ))
    });
    json!({
        "name": org.name,
        "address": org.address,
        "signatory": org.signatory,
        "contact": org.contact,
        "fg_contact": org.fg_contact,
        "objection_address": org.objection_address(),
        "request_mailbox": org.request_mailbox(),
        "purpose": org.purpose,
        "recipients": org.recipients,
        "source": org.source,
        "retention": org.retention,
        "logo": logo,
    })
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn stamp(d: NaiveDate) -> Stamp {
    Stamp {
        year: d.year().clamp(0, 9999) as u16,
        month: d.month() as u8,
        day: d.day() as u8,
    }
}

/// Adds `org`, `today` to a context object.
fn with_common(mut ctx: Value, org: &Organisation, today: NaiveDate) -> Value {
    if let Some(map) = ctx.as_object_mut() {
        map.insert("org".into(), org_context(org));
        map.insert("today".into(), today.to_string().into());
    }
    ctx
}

fn render(store: &Store, template: Template, ctx: &Value) -> anyhow::Result<Rendered> {
    letters(store)
        .render(template, grondslag_i18n::lang(), ctx)
        .map_err(letter_error)
}

fn pdf_of(r: &Rendered, today: NaiveDate) -> anyhow::Result<Vec<u8>> {
    r.pdf(stamp(today)).map_err(letter_error)
}

/// `letter.pdf` → `letter.html`.
fn html_beside(pdf: &Path) -> PathBuf {
    pdf.with_extension("html")
}

/// Writes a rendered letter as PDF at `pdf` and as HTML beside it.
fn write_letter(r: &Rendered, pdf: &Path, today: NaiveDate) -> anyhow::Result<()> {
    crate::redact_cmd::write_atomically(pdf, &pdf_of(r, today)?)
        .with_context(|| pdf.display().to_string())?;
    let html = html_beside(pdf);
    crate::redact_cmd::write_atomically(&html, r.html.as_bytes())
        .with_context(|| html.display().to_string())?;
    Ok(())
}

/// Renders one letter of `template` from `ctx` and the organisation, dated today, to `path`.
fn write_one(
    store: &Store,
    org: &Organisation,
    template: Template,
    ctx: Value,
    path: &Path,
) -> anyhow::Result<()> {
    let today = today();
    let r = render(store, template, &with_common(ctx, org, today))?;
    write_letter(&r, path, today)
}

/// The reference a letter about request `id` carries.
fn request_reference(id: RequestId) -> String {
    tr!("letters-request-reference", id = id.0)
}

/// The requester as the letter addresses them.
fn requester_context(r: &grondslag_store::Requester) -> Value {
    json!({
        "name": r.names.first().cloned().unwrap_or_else(|| tr!("letters-unknown-addressee")),
        "email": r.emails.first(),
    })
}

/// The title of a document in an inspection package: its inventory number, nothing that could
/// name someone else (a path can).
pub fn package_title(doc: grondslag_store::DocId) -> String {
    tr!("letters-package-title", id = doc.0)
}

/// One redacted document of an inspection package: its title and text.
pub struct PackagePart {
    pub title: String,
    pub text: String,
}

/// Writes `besluit.pdf` (with `besluit.html`) and `inzage.pdf` (with `inzage.html`) for
/// request `id` into `out`. `parts` are the redacted documents (chosen and redacted by the
/// caller); `kinds` the kinds of the requester's own data found in them.
pub fn write_answer(
    store: &mut Store,
    id: RequestId,
    parts: &[PackagePart],
    kinds: &[String],
    out: &Path,
) -> anyhow::Result<()> {
    let org = require_org(store)?;
    warn_missing(&org);
    let info = store.request_info(id)?;
    let requester = store.request_requester(id)?;
    let today = today();
    let mut kinds: Vec<String> = kinds.to_vec();
    kinds.sort();
    kinds.dedup();
    let special = kinds
        .iter()
        .any(|k| grondslag_procedure::letters::is_special(k));
    let request = json!({
        "id": id.0, "reference": request_reference(id), "received": info.received.to_string(),
        "due": info.due.to_string(),
    });
    let answer = render(
        store,
        Template::Answer,
        &with_common(
            json!({
                "request": request, "requester": requester_context(&requester),
                "found": {"documents": parts.len(), "kinds": kinds, "special": special},
            }),
            &org,
            today,
        ),
    )?;
    let documents: Vec<Value> = parts
        .iter()
        .enumerate()
        .map(|(n, p)| json!({"number": n + 1, "title": p.title, "text": p.text}))
        .collect();
    let package = render(
        store,
        Template::Inspection,
        &with_common(
            json!({
                "request": request, "requester": requester_context(&requester),
                "documents": documents,
            }),
            &org,
            today,
        ),
    )?;
    std::fs::create_dir_all(out).with_context(|| out.display().to_string())?;
    write_letter(&answer, &out.join("besluit.pdf"), today)?;
    write_letter(&package, &out.join("inzage.pdf"), today)?;
    Ok(())
}

/// The extension letter (AVG art. 12(3)) for a request whose term was just extended.
pub fn write_extension(
    store: &mut Store,
    id: RequestId,
    original_due: NaiveDate,
    months: u32,
    reason: &str,
    path: &Path,
) -> anyhow::Result<()> {
    let org = require_org(store)?;
    let info = store.request_info(id)?;
    let requester = store.request_requester(id)?;
    write_one(
        store,
        &org,
        Template::Extension,
        json!({
            "request": {"id": id.0, "reference": request_reference(id),
                "received": info.received.to_string(), "due": original_due.to_string(),
                "new_due": info.due.to_string(), "months": months},
            "requester": requester_context(&requester), "reason": reason,
        }),
        path,
    )
}

/// The refusal (AVG art. 12(4); a decision under the Awb).
pub fn write_refusal(
    store: &mut Store,
    id: RequestId,
    reason: &str,
    path: &Path,
) -> anyhow::Result<()> {
    let org = require_org(store)?;
    let info = store.request_info(id)?;
    let requester = store.request_requester(id)?;
    write_one(
        store,
        &org,
        Template::Refusal,
        json!({
            "request": {"id": id.0, "reference": request_reference(id),
                "received": info.received.to_string()},
            "requester": requester_context(&requester), "reason": reason,
        }),
        path,
    )
}

/// The informing letter (AVG art. 14) to data subject `subject`.
pub fn write_informing(
    store: &mut Store,
    subject: grondslag_store::SubjectId,
    path: &Path,
) -> anyhow::Result<()> {
    let org = require_org(store)?;
    warn_missing(&org);
    let detail = store.subject_detail(subject)?;
    let mut kinds: Vec<String> = detail
        .findings
        .iter()
        .map(|f| f.finding.kind.clone())
        .collect();
    kinds.sort();
    kinds.dedup();
    let special = kinds
        .iter()
        .any(|k| grondslag_procedure::letters::is_special(k));
    let window = store.window()?.map(
        |w| json!({"opens": w.opens.to_string(), "closes": w.closes.to_string(), "tag": w.tag}),
    );
    write_one(
        store,
        &org,
        Template::Informing,
        json!({
            "reference": tr!("letters-subject-reference", id = subject.0),
            "subject": {"name": detail.name}, "kinds": kinds, "special": special,
            "window": window,
        }),
        path,
    )
}

/// Free text typed by officials (reasons, references) with the personal data the detector
/// finds in it redacted: a certificate or report names no data subject.
fn without_names(text: &str, detector: &Detector) -> String {
    let spans: Vec<grondslag_redact::Span> = detector
        .detect(text)
        .into_iter()
        .map(|f| grondslag_redact::Span {
            start: f.start,
            end: f.end,
            kind: f.kind.as_str().to_string(),
            label: None,
        })
        .collect();
    grondslag_redact::redact_text(text, &spans, &grondslag_redact::Grounds::woo_default())
}

/// The verification code of an audit entry: its number and the start of its hash, grouped.
pub fn verification_code(entry: i64, hash: &str) -> String {
    let head: Vec<String> = hash
        .as_bytes()
        .chunks(4)
        .take(4)
        .map(|c| String::from_utf8_lossy(c).to_uppercase())
        .collect();
    format!("{entry}-{}", head.join("-"))
}

/// The template context of the certificate of run `run`.
fn certificate_context(store: &mut Store, run: RunId) -> anyhow::Result<(Value, NaiveDate)> {
    let facts = store.run_facts(run)?;
    let detector = Detector::new();
    let count = |o: &str| {
        facts
            .items
            .iter()
            .filter(|i| i.outcome.as_deref().unwrap_or(&i.action) == o)
            .count()
    };
    let groups: Vec<Value> = grondslag_store::group_by_category(&facts.items)
        .into_iter()
        .map(|((outcome, category), docs)| {
            json!({"outcome": outcome, "category": (!category.is_empty()).then_some(category),
                "count": docs.len()})
        })
        .collect();
    let documents: Vec<Value> = facts
        .items
        .iter()
        .map(|i| {
            json!({"id": i.document.0, "outcome": i.outcome.clone().unwrap_or_else(|| i.action.clone()),
                "doc_type": i.doc_type, "size": i.size, "dated": i.dated,
                "inside": i.inside.map(|d| d.0), "category": i.category, "assessment": i.assessment})
        })
        .collect();
    let decisions: Vec<Value> = facts
        .decisions
        .iter()
        .map(|d| {
            let n = facts
                .items
                .iter()
                .filter(|i| i.assessment == Some(d.assessment))
                .count();
            json!({"assessment": d.assessment, "disposition": d.disposition,
                "decided_by": d.decided_by, "decided_at": d.decided_at, "category": d.category,
                "retention_years": d.retention_years,
                "reason": d.reason.as_deref().map(|r| without_names(r, &detector)),
                "legal_basis": d.legal_basis.as_deref().map(|r| without_names(r, &detector)),
                "documents": n})
        })
        .collect();
    let holds: Vec<Value> = facts
        .holds
        .iter()
        .map(|h| {
            let docs: Vec<String> = h.documents.iter().map(|d| d.0.to_string()).collect();
            json!({"id": h.id.0,
                "reference": h.reference.as_deref().map(|r| without_names(r, &detector)),
                "reason": h.reason.as_deref().map(|r| without_names(r, &detector)),
                "created_at": h.created_at, "documents": docs.join(", ")})
        })
        .collect();
    let verification = facts.executed_entry.as_ref().map(|(entry, hash)| {
        json!({"entry": entry, "hash": hash, "code": verification_code(*entry, hash)})
    });
    let approvals: Vec<Value> = facts
        .approvals
        .iter()
        .map(|(user, at)| json!({"user": user, "at": at}))
        .collect();
    let today = today();
    let ctx = json!({
        "store_id": facts.store_id,
        "run": {"id": run.0, "planned_by": facts.planned_by, "planned_at": facts.planned_at,
            "executed_at": facts.executed_at, "approvals": approvals, "kek_from": facts.kek_from,
            "kek_to": facts.kek_to, "subjects_removed": facts.subjects_removed,
            "requests_destroyed": facts.requests_destroyed,
            "sources_deleted": facts.sources_deleted.map(|(d, u)| json!({"deleted": d, "unreachable": u})),
            "totals": {"destroyed": count("destroyed"), "archived": count("archived"), "held": count("held"),
                "failed": count("failed")}},
        "groups": groups, "documents": documents, "decisions": decisions, "holds": holds,
        "verification": verification,
    });
    Ok((ctx, today))
}

/// `destroy certificate RUN [--html F] [--pdf F]`: the JSON on stdout as before, and the
/// certificate of destruction as HTML and/or PDF.
pub fn certificate(
    args: &crate::cli::StoreArgs,
    run: i64,
    html: Option<&Path>,
    pdf: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let mut store = open(args)?;
    let run = RunId(run);
    // Refuses a run that has not executed, and records that a certificate was issued.
    let cert = store.certificate(run)?;
    if html.is_some() || pdf.is_some() {
        let org = require_org(&store)?;
        let (ctx, today) = certificate_context(&mut store, run)?;
        let r = render(
            &store,
            Template::Certificate,
            &with_common(ctx, &org, today),
        )?;
        if let Some(path) = html {
            crate::redact_cmd::write_atomically(path, r.html.as_bytes())
                .with_context(|| path.display().to_string())?;
            eprintln!(
                "{}",
                tr!("letters-written", path = path.display().to_string())
            );
        }
        if let Some(path) = pdf {
            crate::redact_cmd::write_atomically(path, &pdf_of(&r, today)?)
                .with_context(|| path.display().to_string())?;
            eprintln!(
                "{}",
                tr!("letters-written", path = path.display().to_string())
            );
        }
    }
    ui::print_json(&cert)?;
    Ok(ExitCode::SUCCESS)
}

/// Renders the accountability report from its context (built by `report`).
pub fn write_report(
    store: &Store,
    ctx: Value,
    html: Option<&Path>,
    pdf: Option<&Path>,
) -> anyhow::Result<()> {
    let org = require_org(store)?;
    let today = today();
    let r = render(store, Template::Report, &with_common(ctx, &org, today))?;
    if let Some(path) = html {
        crate::redact_cmd::write_atomically(path, r.html.as_bytes())
            .with_context(|| path.display().to_string())?;
        eprintln!(
            "{}",
            tr!("letters-written", path = path.display().to_string())
        );
    }
    if let Some(path) = pdf {
        crate::redact_cmd::write_atomically(path, &pdf_of(&r, today)?)
            .with_context(|| path.display().to_string())?;
        eprintln!(
            "{}",
            tr!("letters-written", path = path.display().to_string())
        );
    }
    Ok(())
}

/// `letters export|list`.
pub fn letters_cmd(args: LettersArgs) -> anyhow::Result<ExitCode> {
    match args.action {
        LettersAction::Export { store } => {
            let store = open(&store)?;
            let dir = templates_dir(&store);
            let written = Letters::export_defaults(&dir).map_err(letter_error)?;
            println!(
                "{}",
                tr!(
                    "letters-exported",
                    count = written.len(),
                    dir = dir.display().to_string()
                )
            );
        }
        LettersAction::List { store } => {
            let store = open(&store)?;
            let overridden = letters(&store).overridden();
            for t in Template::ALL {
                for lang in [grondslag_i18n::Lang::Nl, grondslag_i18n::Lang::En] {
                    let file = t.file(lang);
                    let state = if overridden.contains(&file) {
                        tr!("letters-template-own")
                    } else {
                        tr!("letters-template-default")
                    };
                    println!("{file:<24} {state}");
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `org set|show`.
pub fn org(args: OrgArgs) -> anyhow::Result<ExitCode> {
    match args.action {
        OrgAction::Set {
            store,
            name,
            address,
            signatory,
            contact,
            fg_contact,
            objection_address,
            request_mailbox,
            purpose,
            recipients,
            source,
            retention,
            logo,
        } => {
            let logo = match logo {
                Some(path) => {
                    let bytes = std::fs::read(&path).with_context(|| path.display().to_string())?;
                    if grondslag_procedure::letters::image_type(&bytes).is_none()
                        || grondslag_letters::check_image(&bytes).is_err()
                    {
                        anyhow::bail!(tr!("org-logo-not-image", path = path.display().to_string()));
                    }
                    Some(bytes)
                }
                None => None,
            };
            let clean =
                |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
            let org = Organisation {
                name: name.trim().to_string(),
                address: address.trim().to_string(),
                signatory: signatory.trim().to_string(),
                contact: contact.trim().to_string(),
                fg_contact: clean(fg_contact),
                objection_address: clean(objection_address),
                request_mailbox: clean(request_mailbox),
                purpose: clean(purpose),
                recipients: clean(recipients),
                source: clean(source),
                retention: clean(retention),
                logo,
            };
            let mut store = open(&store)?;
            store.set_organisation(&org)?;
            println!("{}", tr!("org-recorded", name = org.name.as_str()));
            warn_missing(&org);
        }
        OrgAction::Show { store, json } => {
            let store = open(&store)?;
            let org = require_org(&store)?;
            let mut v = org_context(&org);
            if let Some(map) = v.as_object_mut() {
                // Show what was recorded, not the fallbacks, and the logo as a size.
                map.insert("objection_address".into(), json!(org.objection_address));
                map.insert("request_mailbox".into(), json!(org.request_mailbox));
                map.insert(
                    "logo".into(),
                    json!(org
                        .logo
                        .as_ref()
                        .map(|l| json!({"type": org.logo_type(), "bytes": l.len()}))),
                );
            }
            if json {
                ui::print_json(&v)?;
            } else if let Some(map) = v.as_object() {
                for (k, val) in map {
                    let shown = match val {
                        Value::String(s) => s.clone(),
                        Value::Null => "-".to_string(),
                        other => other.to_string(),
                    };
                    println!("{k:<18} {shown}");
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
