//! Library errors turned into sentences of the catalogue (`grondslag-i18n`), in the chosen
//! language. The libraries name ids, states and paths; the words live in one place.

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
        parts.push(cause.to_string());
    }
    parts.join(": ")
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
