//! Library errors turned into sentences of the catalogue (`grondslag-i18n`), in the chosen
//! language. The libraries name ids, states and paths; the words live in one place.

use grondslag_extract::ExtractError;
use grondslag_i18n::tr;
use grondslag_redact::RedactError;
use grondslag_store::{BadUserName, StoreError};
use grondslag_vault::VaultError;

/// The whole error chain as one line in the chosen language: contexts first, then the cause.
/// A library error ends the chain: its sentence already says what its source said.
pub fn error_line(err: &anyhow::Error) -> String {
    let mut parts = Vec::new();
    for cause in err.chain() {
        if let Some(e) = cause.downcast_ref::<StoreError>() {
            parts.push(store_error(e));
            break;
        }
        if let Some(e) = cause.downcast_ref::<VaultError>() {
            parts.push(vault_error(e));
            break;
        }
        if let Some(e) = cause.downcast_ref::<RedactError>() {
            parts.push(redact_error(e));
            break;
        }
        if let Some(e) = cause.downcast_ref::<ExtractError>() {
            parts.push(extract_error(e));
            break;
        }
        parts.push(cause.to_string());
    }
    parts.join(": ")
}

/// Why a document cannot be read, as the scan records it and `extract` reports it. The parser's
/// own detail (a format library's words) stays as it is, after the sentence.
pub fn extract_error(e: &ExtractError) -> String {
    use ExtractError as E;
    match e {
        E::Binary { offset } => tr!("scan-binary", offset = *offset),
        E::Corrupt { format, reason } => {
            tr!(
                "extract-corrupt",
                format = *format,
                reason = reason.as_ref()
            )
        }
        E::Encrypted { format } => tr!("extract-encrypted", format = *format),
        E::ZipBomb { reason } => tr!("extract-zip-bomb", reason = reason),
        E::PdfBomb { reason } => tr!("extract-pdf-bomb", reason = reason),
        E::Unsupported { what } => tr!("extract-unsupported", what = *what),
        E::Tool { tool, reason } => tr!("extract-tool", tool = *tool, reason = reason.as_ref()),
        other => other.to_string(),
    }
}

/// A command line clap cannot parse, said in the chosen language (`--lang`/`--lang=` among the
/// arguments, else `$GRONDSLAG_LANG`, else Dutch): what is wrong, the suggestion clap has, and
/// where help is. Help and version requests print as clap prints them.
pub fn usage_error(e: clap::Error) -> std::process::ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        e.exit();
    }
    crate::ui::set_lang(lang_from_args());
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => crate::ui::shown(s).into_owned(),
        Some(ContextValue::Strings(v)) => crate::ui::shown(&v.join(", ")).into_owned(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let mut line = match e.kind() {
        ErrorKind::InvalidSubcommand => tr!(
            "usage-unknown-command",
            command = text(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::UnknownArgument => tr!("usage-unknown-option", option = arg.as_str()),
        ErrorKind::MissingRequiredArgument => {
            tr!("usage-missing-argument", argument = arg.as_str())
        }
        ErrorKind::MissingSubcommand => tr!("usage-missing-command"),
        ErrorKind::InvalidValue => tr!(
            "usage-invalid-value",
            value = value.as_str(),
            argument = arg.as_str(),
            valid = text(ContextKind::ValidValue)
        ),
        ErrorKind::ValueValidation => tr!(
            "usage-invalid-value-detail",
            value = value.as_str(),
            argument = arg.as_str()
        ),
        ErrorKind::ArgumentConflict => tr!("usage-conflict", argument = arg.as_str()),
        ErrorKind::TooManyValues => {
            tr!(
                "usage-too-many",
                argument = arg.as_str(),
                value = value.as_str()
            )
        }
        _ => tr!("usage-other"),
    };
    let suggested = text(ContextKind::SuggestedSubcommand) + &text(ContextKind::SuggestedArg);
    if !suggested.is_empty() {
        line.push_str("; ");
        line.push_str(&tr!("usage-suggestion", suggestion = suggested));
    }
    // One line, so a script's log that keeps the last line keeps what went wrong.
    eprintln!("grondslag: {line}; {}", tr!("usage-help"));
    std::process::ExitCode::from(2)
}

/// The language asked for on the command line (also one that did not parse): `--lang`,
/// `--lang=`, else `$GRONDSLAG_LANG`, else Dutch.
pub(crate) fn lang_from_args() -> crate::cli::Lang {
    let mut args = std::env::args_os().skip(1);
    let mut asked = std::env::var("GRONDSLAG_LANG").ok();
    while let Some(a) = args.next() {
        let a = a.to_string_lossy().into_owned();
        if a == "--lang" {
            asked = args.next().map(|v| v.to_string_lossy().into_owned());
        } else if let Some(v) = a.strip_prefix("--lang=") {
            asked = Some(v.to_string());
        }
    }
    match asked.as_deref() {
        Some("en") => crate::cli::Lang::En,
        _ => crate::cli::Lang::Nl,
    }
}

pub fn store_error(e: &StoreError) -> String {
    use StoreError as E;
    match e {
        E::Db { context, source } => {
            tr!(
                "error-database",
                context = *context,
                detail = source.to_string()
            )
        }
        E::Vault(v) => vault_error(v),
        E::Io { path, source } => tr!(
            "error-io",
            path = path.display().to_string(),
            detail = source.to_string()
        ),
        E::NoSuchDocument(id) => tr!("error-no-such-document", id = id.0),
        E::Destroyed { id, run } => tr!("error-document-destroyed", id = id.0, run = run.0),
        E::KeyGone {
            id,
            run: Some(run),
            generation,
        } => tr!(
            "error-key-erased",
            id = id.0,
            run = run.0,
            generation = *generation
        ),
        E::KeyGone {
            id,
            run: None,
            generation,
        } => tr!("error-key-missing", id = id.0, generation = *generation),
        E::NoText(id) => tr!("error-no-text", id = id.0),
        E::NotActive { id, status } => tr!("error-not-active", id = id.0, status = status),
        E::NoSuchSubject(id) => tr!("error-no-such-subject", id = id.0),
        E::NoSuchHold(id) => tr!("error-no-such-hold", id = id.0),
        E::HoldLifted(id) => tr!("error-hold-lifted", id = id.0),
        E::NoSuchRun(id) => tr!("error-no-such-run", id = id.0),
        E::SameApprover { run } => tr!("error-same-approver", run = run.0),
        E::NotApproved { run, approvals } => {
            tr!("error-not-approved", run = run.0, approvals = *approvals)
        }
        E::RunState { run, state, action } => tr!(
            "error-run-state",
            run = run.0,
            state = state,
            action = *action
        ),
        E::RedactFailed(id) => tr!("error-redact-failed", id = id.0),
        E::NoLegalBasis(p) => tr!("error-no-legal-basis", processing = p),
        E::NoSuchProcessing(p) => tr!("error-no-such-processing", processing = p),
        E::BadBackup(d) => tr!("error-bad-backup", detail = d),
        E::WrongStore { backup, this } => tr!("error-wrong-store", backup = backup, this = this),
        E::Corrupt(d) => tr!("error-corrupt", detail = d),
        E::Invalid(d) => tr!("error-invalid", detail = d),
        E::BadUserName(BadUserName::Empty) => tr!("error-user-name-empty"),
        E::BadUserName(BadUserName::Invisible { position }) => {
            tr!("error-user-name-invisible", position = *position + 1)
        }
        E::UnknownUser => tr!("error-unknown-user"),
        E::UserExists => tr!("error-user-exists"),
        E::ObjectionPending(r) => tr!("error-objection-pending", request = r.0),
        E::ReasonRequired => tr!("error-reason-required"),
        E::NoSuchRequest(r) => tr!("error-no-such-request", id = r.0),
        E::NotInRun { run, doc } => tr!("error-not-in-run", run = run.0, document = doc.0),
        E::KeysMismatch { key } => tr!("error-keys-mismatch", key = *key),
        E::KekMissing { generation } => tr!("error-kek-missing", generation = *generation),
        E::KekMismatch { generation } => tr!("error-kek-mismatch", generation = *generation),
        E::AuditRollback { head, log_end } => {
            tr!("error-audit-rollback", head = *head, end = *log_end)
        }
        E::AuditHeadMissing => tr!("error-audit-head-missing"),
        E::RestoreNeedsConfirmation { runs } => tr!("error-restore-confirm", runs = *runs),
    }
}

pub fn vault_error(e: &VaultError) -> String {
    use VaultError as V;
    match e {
        V::Io { path, source } => tr!(
            "error-vault-io",
            path = path.display().to_string(),
            detail = source.to_string()
        ),
        V::Random => tr!("error-vault-random"),
        V::KekGone { generation } => tr!("error-vault-kek-gone", generation = *generation),
        V::BadKeyFile { path } => {
            tr!(
                "error-vault-bad-key-file",
                path = path.display().to_string()
            )
        }
        V::UnwrapFailed { generation } => tr!("error-vault-unwrap", generation = *generation),
        V::BlobMissing { id } => tr!("error-vault-blob-missing", id = id),
        V::BlobDamaged { id } => tr!("error-vault-blob-damaged", id = id),
        V::SealDamaged { context } => tr!("error-vault-seal-damaged", context = *context),
        V::BadBlobId => tr!("error-vault-bad-blob-id"),
        V::KeyMissing { name } => tr!("error-vault-key-missing", name = *name),
    }
}

pub fn redact_error(e: &RedactError) -> String {
    use RedactError as R;
    match e {
        R::Unsupported { what } => tr!("error-redact-unsupported", what = what),
        R::SpanOutOfRange { index } => tr!("error-redact-span", index = *index),
        R::Malformed { format, reason } => {
            tr!("error-redact-malformed", format = *format, reason = reason)
        }
        R::ValueNotLocated {
            value_index,
            format,
        } => tr!(
            "error-redact-not-located",
            index = *value_index + 1,
            format = *format
        ),
        R::UnremovableText { page, reason } => {
            tr!("error-redact-unremovable", page = *page, reason = *reason)
        }
        R::VerificationFailed { value_index } => {
            tr!("error-redact-verification", index = *value_index + 1)
        }
        R::PdfWrite { reason } => tr!("error-redact-pdf-write", reason = reason),
    }
}

/// Why `audit verify` failed. Both languages name the entry as `entry N` (the contract).
pub fn audit_error(e: &grondslag_store::AuditError) -> String {
    use grondslag_store::{AuditError, AuditFault as F};
    match e {
        AuditError::Store(e) => store_error(e),
        AuditError::Entry { entry, what } => {
            let why = match what {
                F::NotText => tr!("audit-fault-not-text"),
                F::Gap { previous, found } => {
                    tr!("audit-fault-gap", previous = *previous, found = *found)
                }
                F::Unchained => tr!("audit-fault-unchained"),
                F::Edited => tr!("audit-fault-edited"),
                F::CheckpointSignature => tr!("audit-fault-checkpoint-signature"),
                F::CheckpointBeyondEnd { named, end } => {
                    tr!("audit-fault-checkpoint-beyond", named = *named, end = *end)
                }
                F::CheckpointMismatch => tr!("audit-fault-checkpoint-mismatch"),
                F::HeadSignature => tr!("audit-fault-head-signature"),
                F::HeadBeyondEnd { named, end } => {
                    tr!("audit-fault-head-beyond", named = *named, end = *end)
                }
                F::HeadMismatch => tr!("audit-fault-head-mismatch"),
                F::HeadMissing => tr!("audit-fault-head-missing"),
            };
            tr!("audit-tampered", entry = *entry, why = why)
        }
    }
}
