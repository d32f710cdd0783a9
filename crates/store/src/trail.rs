//! Reading the trail: the audit log as a list of entries (`grondslag audit show`), the history of
//! one access request (`grondslag request show`) and the facts a certificate of destruction
//! states (`grondslag destroy certificate`).
//!
//! Nothing here changes what is recorded; reading personal data (a request's requester, the
//! reasons officials typed) appends a view entry like every other view. The audit log itself
//! holds ids, counts and kinds only, so listing it shows no personal data.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::OptionalExtension;
use serde::Serialize;

use crate::{DbContext, DocId, HoldId, RequestId, RunId, Store, StoreError};

/// One entry of the audit log.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    /// Its rowid: the `entry N` that `audit verify` names.
    pub entry: i64,
    pub ts: String,
    pub user: String,
    pub action: String,
    pub object: String,
    pub purpose: String,
    pub details: String,
    /// The entry's hash in the chain (hex SHA-256).
    pub hash: String,
}

/// Which entries `audit show` lists. Empty fields match everything.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// `YYYY-MM-DD`: entries on or after that day (UTC).
    pub since: Option<String>,
    pub user: Option<String>,
    pub document: Option<DocId>,
}

/// Whether an entry concerns document `doc`: its object names it (`document 7`,
/// `documents 3,7,9`) or its details do (`scope=document 7`).
fn names_document(e: &AuditEntry, doc: DocId) -> bool {
    let want = doc.0.to_string();
    let in_list = |s: &str| {
        s.split([',', ';', ' '])
            .map(str::trim)
            .any(|x| x == want.as_str())
    };
    for text in [&e.object, &e.details] {
        for (i, _) in text.match_indices("document") {
            let rest = &text[i + "document".len()..];
            let rest = rest.strip_prefix('s').unwrap_or(rest);
            let Some(rest) = rest.strip_prefix(' ') else {
                continue;
            };
            let list: &str = rest
                .split(|c: char| !(c.is_ascii_digit() || c == ','))
                .next()
                .unwrap_or("");
            if in_list(list) {
                return true;
            }
        }
    }
    false
}

/// The sealed notes an entry's details name: `(field, note id)` for every `field=note N`.
pub fn note_refs(details: &str) -> Vec<(String, i64)> {
    let mut out = Vec::new();
    for (i, _) in details.match_indices("=note ") {
        let field: String = details[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let digits: String = details[i + "=note ".len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let (false, Ok(id)) = (field.is_empty(), digits.parse::<i64>()) {
            out.push((field, id));
        }
    }
    out
}

/// One step in an access request's history.
#[derive(Debug, Clone, Serialize)]
pub struct RequestEvent {
    pub ts: String,
    pub user: String,
    pub status: String,
    /// What the official recorded with the step (a reason), if anything.
    pub note: Option<String>,
}

/// One document in a destruction run, described without its content or path.
#[derive(Debug, Clone, Serialize)]
pub struct RunItem {
    pub document: DocId,
    /// `destroy`, `archive` or `held` (as planned).
    pub action: String,
    /// `destroyed`, `archived`, `held`, `skipped`, `missing` or none (not executed).
    pub outcome: Option<String>,
    pub doc_type: Option<String>,
    pub size: Option<i64>,
    /// Selection-list category of the assessment (archived documents).
    pub category: Option<String>,
    /// `YYYY-MM-DD`: the document's own date as the scan saw it.
    pub dated: Option<String>,
    pub assessment: Option<i64>,
    /// The document it was found inside (a mail's attachment, an archive's member).
    pub inside: Option<DocId>,
}

/// An assessment (decision) that a run carried out.
#[derive(Debug, Clone, Serialize)]
pub struct RunDecision {
    pub assessment: i64,
    pub disposition: String,
    pub decided_by: String,
    pub decided_at: String,
    pub retention_years: Option<i64>,
    pub category: Option<String>,
    /// As typed by the official: may name people; the caller redacts before it goes out.
    pub reason: Option<String>,
    pub legal_basis: Option<String>,
}

/// A hold that kept documents of the run out of it.
#[derive(Debug, Clone, Serialize)]
pub struct RunHold {
    pub id: HoldId,
    /// As typed by the official: may name people; the caller redacts before it goes out.
    pub reason: Option<String>,
    pub reference: Option<String>,
    pub created_at: String,
    pub lifted_at: Option<String>,
    /// Documents of the run it held.
    pub documents: Vec<DocId>,
}

/// Everything a certificate of destruction states about one executed run.
#[derive(Debug, Clone, Serialize)]
pub struct RunFacts {
    pub run: RunId,
    pub state: String,
    pub planned_by: String,
    pub planned_at: String,
    /// (user, time) of each approval, in order.
    pub approvals: Vec<(String, String)>,
    pub executed_at: Option<String>,
    pub kek_from: Option<u32>,
    pub kek_to: Option<u32>,
    pub subjects_removed: i64,
    /// Closed access requests destroyed by the run.
    pub requests_destroyed: i64,
    pub items: Vec<RunItem>,
    pub decisions: Vec<RunDecision>,
    pub holds: Vec<RunHold>,
    /// The audit entry that recorded the execution: (entry, hash).
    pub executed_entry: Option<(i64, String)>,
    /// What `destroy execute --delete-sources` recorded: (source files deleted, not
    /// reachable), summed over its calls; `None` when the originals were left to the user.
    pub sources_deleted: Option<(u64, u64)>,
    pub store_id: String,
}

impl Store {
    /// The audit log, oldest first, filtered.
    pub fn audit_entries(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, StoreError> {
        let rows: Vec<(i64, String, String, String, String, String, String, String)> = self.rows(
            "SELECT rowid, ts, user, action, object, purpose, details, hash FROM audit_log ORDER BY rowid",
            [],
            "reading the audit log",
        )?;
        let user = filter.user.as_deref().map(str::trim);
        Ok(rows
            .into_iter()
            .map(
                |(entry, ts, user, action, object, purpose, details, hash)| AuditEntry {
                    entry,
                    ts,
                    user,
                    action,
                    object,
                    purpose,
                    details,
                    hash,
                },
            )
            .filter(|e| {
                filter
                    .since
                    .as_deref()
                    .is_none_or(|d| e.ts.get(..10).is_some_and(|day| day >= d))
            })
            .filter(|e| user.is_none_or(|u| e.user == u))
            .filter(|e| filter.document.is_none_or(|d| names_document(e, d)))
            .collect())
    }

    /// The notes audit entries refer to (`reason=note 12`): what officials typed, sealed because
    /// it may name people. For a caller that checked the acting user's role; the reading is
    /// logged. A note whose key is gone (a restored old backup) is `None`.
    pub fn audit_notes(
        &mut self,
        entries: &[AuditEntry],
    ) -> Result<BTreeMap<i64, Option<String>>, StoreError> {
        let mut out = BTreeMap::new();
        for e in entries {
            for (_, id) in note_refs(&e.details) {
                if let std::collections::btree_map::Entry::Vacant(v) = out.entry(id) {
                    v.insert(self.get_note(Some(id))?);
                }
            }
        }
        if !out.is_empty() {
            self.audit_view(
                "audit notes viewed",
                "audit_log",
                &format!("count={}", out.len()),
            )?;
            self.flush_head()?;
        }
        Ok(out)
    }

    /// Appends the entry that records a reading of the log (`audit show`).
    pub fn audit_shown(&mut self, filter: &str, count: usize) -> Result<(), StoreError> {
        self.audit_view(
            "audit shown",
            "audit_log",
            &format!("{filter} count={count}"),
        )?;
        self.flush_head()
    }

    /// The history of a request, oldest first, with the notes officials recorded (a view of
    /// what may be personal data, logged).
    pub fn request_history(&mut self, id: RequestId) -> Result<Vec<RequestEvent>, StoreError> {
        let known: Option<i64> = self
            .conn()
            .query_row("SELECT id FROM requests WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })
            .optional()
            .ctx("reading a request")?;
        if known.is_none() {
            return Err(StoreError::Invalid(format!("request {id} does not exist")));
        }
        let rows: Vec<(String, String, String, Option<i64>)> = self.rows(
            "SELECT ts, user, status, note FROM request_events WHERE request = ?1 ORDER BY id",
            [id.0],
            "reading request events",
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for (ts, user, status, note) in rows {
            out.push(RequestEvent {
                ts,
                user,
                status,
                note: self.get_note(note)?,
            });
        }
        self.audit_view("request.view", &format!("request {id}"), "history")?;
        self.flush_head()?;
        Ok(out)
    }

    /// The facts of run `run` for its certificate of destruction. The reasons of decisions and
    /// holds are decrypted (a view, logged); the caller removes names before printing them.
    pub fn run_facts(&mut self, run: RunId) -> Result<RunFacts, StoreError> {
        type RunRow = (
            String,
            String,
            String,
            Option<String>,
            Option<u32>,
            Option<u32>,
            Option<i64>,
        );
        let row: Option<RunRow> = self
            .conn()
            .query_row(
                "SELECT state, created_by, created_at, executed_at, kek_from, kek_to, subjects_removed FROM runs WHERE id = ?1",
                [run.0],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
            )
            .optional()
            .ctx("reading a run")?;
        let Some((state, planned_by, planned_at, executed_at, kek_from, kek_to, removed)) = row
        else {
            return Err(StoreError::NoSuchRun(run));
        };
        let approvals: Vec<(String, String)> = self.rows(
            "SELECT user, ts FROM run_approvals WHERE run = ?1 ORDER BY ts, user",
            [run.0],
            "reading approvals",
        )?;
        type ItemRow = (
            i64,
            String,
            Option<String>,
            Option<String>,
            Option<i64>,
            Option<String>,
            Option<i64>,
            Option<i64>,
        );
        let rows: Vec<ItemRow> = self.rows(
            "SELECT i.doc, i.action, i.outcome, i.doc_type, i.size, i.category, i.assessment, d.parent
             FROM run_items i LEFT JOIN documents d ON d.id = i.doc WHERE i.run = ?1 ORDER BY i.doc",
            [run.0],
            "reading run items",
        )?;
        let mut items = Vec::with_capacity(rows.len());
        let mut assessments: BTreeSet<i64> = BTreeSet::new();
        for (doc, action, outcome, doc_type, size, category, assessment, parent) in rows {
            if let Some(a) = assessment {
                assessments.insert(a);
            }
            items.push(RunItem {
                document: DocId(doc),
                dated: self.document_date(DocId(doc))?,
                action,
                outcome,
                doc_type,
                size,
                category,
                assessment,
                inside: parent.map(DocId),
            });
        }
        let mut decisions = Vec::new();
        for a in assessments {
            type Row = (
                String,
                String,
                String,
                Option<i64>,
                Option<String>,
                Option<i64>,
                Option<i64>,
            );
            let row: Option<Row> = self
                .conn()
                .query_row(
                    "SELECT disposition, user, ts, retention_years, category, reason_note, legal_basis_note FROM assessments WHERE id = ?1",
                    [a],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
                )
                .optional()
                .ctx("reading an assessment")?;
            if let Some((disposition, by, at, years, category, reason, basis)) = row {
                decisions.push(RunDecision {
                    assessment: a,
                    disposition,
                    decided_by: by,
                    decided_at: at,
                    retention_years: years,
                    category,
                    reason: self.get_note(reason)?,
                    legal_basis: self.get_note(basis)?,
                });
            }
        }
        // Holds that were in force when the run executed (or now, for a run not executed) and
        // cover a document the run left untouched because of a hold.
        let held: BTreeSet<DocId> = items
            .iter()
            .filter(|i| i.action == "held" || i.outcome.as_deref() == Some("held"))
            .map(|i| i.document)
            .collect();
        let mut holds = Vec::new();
        if !held.is_empty() {
            // A document is held out at planning or, by a hold made later, at execution.
            let moments = [
                planned_at.clone(),
                executed_at.clone().unwrap_or_else(crate::time::now),
            ];
            for h in self.holds()? {
                let in_force = moments.iter().any(|at| {
                    h.created_at <= *at && h.lifted_at.as_deref().is_none_or(|l| l >= at.as_str())
                });
                let documents: Vec<DocId> = h
                    .documents
                    .iter()
                    .copied()
                    .filter(|d| held.contains(d))
                    .collect();
                if in_force && !documents.is_empty() {
                    holds.push(RunHold {
                        id: h.id,
                        reason: h.reason,
                        reference: h.reference,
                        created_at: h.created_at,
                        lifted_at: h.lifted_at,
                        documents,
                    });
                }
            }
        }
        let requests_destroyed: i64 = self
            .conn()
            .query_row(
                "SELECT COUNT(*) FROM requests WHERE destroyed_run = ?1",
                [run.0],
                |r| r.get(0),
            )
            .ctx("counting destroyed requests")?;
        let executed_entry: Option<(i64, String)> = self
            .conn()
            .query_row(
                "SELECT rowid, hash FROM audit_log WHERE action = 'destruction executed' AND object = ?1 ORDER BY rowid DESC LIMIT 1",
                [format!("run {run}")],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .ctx("reading the audit log")?;
        let source_rows: Vec<(String,)> = self.rows(
            "SELECT details FROM audit_log WHERE action = 'sources deleted' AND object = ?1 ORDER BY rowid",
            [format!("run {run}")],
            "reading the audit log",
        )?;
        let sources_deleted = (!source_rows.is_empty()).then(|| {
            let field = |details: &str, key: &str| -> u64 {
                details
                    .split(' ')
                    .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('=')?.parse().ok())
                    .unwrap_or(0)
            };
            source_rows.iter().fold((0, 0), |(d, u), (details,)| {
                (
                    d + field(details, "deleted"),
                    u + field(details, "unreachable"),
                )
            })
        });
        self.audit_view(
            "run facts viewed",
            &format!("run {run}"),
            &format!("decisions={} holds={}", decisions.len(), holds.len()),
        )?;
        self.flush_head()?;
        Ok(RunFacts {
            run,
            state,
            planned_by,
            planned_at,
            approvals,
            executed_at,
            kek_from,
            kek_to,
            subjects_removed: removed.unwrap_or(0),
            requests_destroyed,
            items,
            decisions,
            holds,
            executed_entry,
            sources_deleted,
            store_id: self.vault().store_id().to_string(),
        })
    }
}

/// Items grouped by what was done and under which selection-list category, in a stable order:
/// (outcome, category) → documents.
pub fn group_by_category(items: &[RunItem]) -> BTreeMap<(String, String), Vec<DocId>> {
    let mut out: BTreeMap<(String, String), Vec<DocId>> = BTreeMap::new();
    for i in items {
        let outcome = i.outcome.clone().unwrap_or_else(|| i.action.clone());
        out.entry((outcome, i.category.clone().unwrap_or_default()))
            .or_default()
            .push(i.document);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(object: &str, details: &str) -> AuditEntry {
        AuditEntry {
            entry: 1,
            ts: "2024-03-02T10:00:00Z".into(),
            user: "a".into(),
            action: "x".into(),
            object: object.into(),
            purpose: "inventory".into(),
            details: details.into(),
            hash: String::new(),
        }
    }

    #[test]
    fn note_references() {
        assert_eq!(
            note_refs("scope=document 7 reason=note 12 reference=note 13"),
            [("reason".to_string(), 12), ("reference".to_string(), 13)]
        );
        assert!(note_refs("disposition=destroy").is_empty());
        assert!(note_refs("x=note abc").is_empty());
    }

    #[test]
    fn document_filter() {
        let d = DocId(7);
        assert!(names_document(&entry("document 7", ""), d));
        assert!(names_document(&entry("documents 3,7,9", ""), d));
        assert!(names_document(
            &entry("hold 2", "scope=document 7;subject 3"),
            d
        ));
        assert!(!names_document(&entry("document 17", ""), d));
        assert!(!names_document(&entry("documents 70,71", ""), d));
        assert!(!names_document(&entry("run 7", ""), d));
    }
}
