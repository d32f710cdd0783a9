//! The procedure: assessment, holds and destruction runs with crypto-shredding and KEK
//! rotation.
//!
//! A destruction run is a persisted state machine: `planned` → `approved` (two distinct users)
//! → `executing` → `executed`. Every step of [`Store::execute`] can be redone: each document is
//! shredded in its own transaction (re-checking holds inside it), blob deletions are recorded in
//! `pending_blob_deletes` in that same transaction, and the KEK rotation records its generations
//! in the run row so that a resumed run finishes the same rotation.

use std::collections::BTreeSet;

use grondslag_vault::{BlobId, DataKey, WrappedKey};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::{time, DbContext, DocId, FindingInfo, HoldId, RunId, Store, StoreError, SubjectId};

/// What happens to a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "disposition")]
pub enum Disposition {
    /// Its purpose was processing personal data: destroy it.
    Destroy,
    /// It merely contains personal data: keep a redacted copy for `retention_years`.
    RedactAndArchive {
        retention_years: u32,
        category: String,
    },
    /// Keep it as it is, on this legal basis.
    Retain { legal_basis: String },
}

impl Disposition {
    /// The name used in the database and in `documents --json`.
    pub fn name(&self) -> &'static str {
        match self {
            Disposition::Destroy => "destroy",
            Disposition::RedactAndArchive { .. } => "redact_and_archive",
            Disposition::Retain { .. } => "retain",
        }
    }
}

/// What a hold covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum HoldScope {
    All,
    Document(DocId),
    Subject(SubjectId),
}

/// A hold as listed.
#[derive(Debug, Clone, Serialize)]
pub struct HoldInfo {
    pub id: HoldId,
    pub reason: Option<String>,
    pub reference: Option<String>,
    pub scope: Vec<HoldScope>,
    pub created_by: String,
    pub created_at: String,
    pub lifted_at: Option<String>,
    pub lifted_by: Option<String>,
    pub active: bool,
    /// Documents it covers now (children and subject documents included).
    pub documents: Vec<DocId>,
}

/// A destruction plan (`destroy plan --json`).
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// 0 for a dry run.
    pub id: RunId,
    pub destroy: Vec<DocId>,
    /// `redact_and_archive` documents whose redacted copy was made and verified at planning.
    pub archive: Vec<DocId>,
    pub held: Vec<DocId>,
    /// Assessed documents left out of the run, each with the reason.
    pub excluded: Vec<Excluded>,
}

/// A document left out of a run when it was planned.
#[derive(Debug, Clone, Serialize)]
pub struct Excluded {
    pub document: DocId,
    #[serde(flatten)]
    pub reason: Exclusion,
}

/// Why a `redact_and_archive` document could not go into a run. Ids, kinds and offsets only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Exclusion {
    /// Its redacted copy still held a value of this kind (first character at `start`).
    RedactionUnverified { kind: String, start: usize },
    /// It has no text (unreadable), so no redacted copy can be made.
    NoText,
    /// Its key cannot be unwrapped (restored from a backup older than a run).
    KeyGone,
}

/// The exclusion as recorded in `run_items.note` (codes, kinds and offsets only).
fn exclusion_note(e: &Exclusion) -> String {
    match e {
        Exclusion::RedactionUnverified { kind, start } => {
            format!("redaction_unverified kind={kind} start={start}")
        }
        Exclusion::NoText => "no_text".into(),
        Exclusion::KeyGone => "key_gone".into(),
    }
}

/// Why a redactor failed: the kind and position of the value it could not remove, never the
/// value (see [`RedactFn`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedactFailure {
    pub kind: String,
    pub start: usize,
}

/// A destruction run as stored.
#[derive(Debug, Clone, Serialize)]
pub struct RunInfo {
    pub id: RunId,
    pub state: String,
    pub created_by: String,
    pub created_at: String,
    pub approvers: Vec<String>,
    pub executed_at: Option<String>,
}

/// The outcome of [`Store::execute`].
#[derive(Debug, Clone, Serialize)]
pub struct ExecuteReport {
    pub run: RunId,
    pub destroyed: Vec<DocId>,
    pub archived: Vec<DocId>,
    /// Held at planning or at execution: left untouched.
    pub held: Vec<DocId>,
    /// Taken out of the run by `destroy drop`: left untouched.
    pub dropped: Vec<DocId>,
    /// Could not be archived at execution (left active, assessed, for a next run); the run
    /// still ended and rotated the KEK for everything it did destroy.
    pub failed: Vec<DocId>,
    pub subjects_removed: u64,
    pub kek_from: u32,
    pub kek_to: u32,
    /// True when the run had already been executed before this call.
    pub already_executed: bool,
}

/// The redactor [`Store::plan_destruction`] receives: the stored text and its findings in, the
/// verified redacted text out, or the kind and position of a value it could not remove.
pub type RedactFn = dyn Fn(&str, &[FindingInfo]) -> Result<String, RedactFailure>;

/// Documents shredded per transaction.
const DESTROY_BATCH: usize = 500;

impl Store {
    fn doc_status(&self, id: DocId) -> Result<String, StoreError> {
        self.conn()
            .query_row("SELECT status FROM documents WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })
            .optional()
            .ctx("reading a document")?
            .ok_or(StoreError::NoSuchDocument(id))
    }

    /// Sets the disposition of documents, with the reason (sealed; it may name people).
    pub fn assess(
        &mut self,
        ids: &[DocId],
        d: Disposition,
        reason: &str,
    ) -> Result<(), StoreError> {
        for id in ids {
            let status = self.doc_status(*id)?;
            if status != "active" {
                return Err(StoreError::NotActive { id: *id, status });
            }
        }
        let tx = self.conn().unchecked_transaction().ctx("starting assess")?;
        let reason_note = self.put_note(reason)?;
        let (years, category, basis) = match &d {
            Disposition::Destroy => (None, None, None),
            Disposition::RedactAndArchive {
                retention_years,
                category,
            } => (Some(*retention_years), Some(category.clone()), None),
            Disposition::Retain { legal_basis } => (None, None, Some(self.put_note(legal_basis)?)),
        };
        let list: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
        tx.execute(
            "INSERT INTO assessments(disposition, retention_years, category, legal_basis_note, reason_note, documents, user, ts)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![d.name(), years, category, basis, reason_note, list.join(","), self.actor(), time::now()],
        )
        .ctx("storing an assessment")?;
        let assessment = tx.last_insert_rowid();
        for id in ids {
            tx.execute(
                "UPDATE documents SET disposition = ?1, assessment = ?2 WHERE id = ?3",
                params![d.name(), assessment, id.0],
            )
            .ctx("setting a disposition")?;
        }
        self.audit(
            "assessed",
            &format!("documents {}", list.join(",")),
            &format!(
                "disposition={} assessment={assessment} reason=note {reason_note}",
                d.name()
            ),
        )?;
        tx.commit().ctx("committing assess")?;
        self.flush_head()
    }

    /// Creates a hold; returns its id.
    pub fn hold_add(
        &mut self,
        reason: &str,
        reference: &str,
        scope: &[HoldScope],
    ) -> Result<HoldId, StoreError> {
        let tx = self.conn().unchecked_transaction().ctx("starting hold")?;
        let id = self.hold_insert(reason, reference, scope)?;
        tx.commit().ctx("committing hold")?;
        self.flush_head()?;
        Ok(id)
    }

    /// Checks and stores a hold inside the caller's transaction.
    pub(crate) fn hold_insert(
        &self,
        reason: &str,
        reference: &str,
        scope: &[HoldScope],
    ) -> Result<HoldId, StoreError> {
        if scope.is_empty() {
            return Err(StoreError::Invalid(
                "a hold needs a scope (a document, a subject or all)".into(),
            ));
        }
        for s in scope {
            match s {
                HoldScope::Document(d) => {
                    self.doc_status(*d)?;
                }
                HoldScope::Subject(s) => {
                    let n: i64 = self
                        .conn()
                        .query_row("SELECT COUNT(*) FROM subjects WHERE id = ?1", [s.0], |r| {
                            r.get(0)
                        })
                        .ctx("reading a subject")?;
                    if n == 0 {
                        return Err(StoreError::NoSuchSubject(*s));
                    }
                }
                HoldScope::All => {}
            }
        }
        let r = self.put_note(reason)?;
        let f = self.put_note(reference)?;
        let c = self.conn();
        c.execute(
            "INSERT INTO holds(reason_note, reference_note, created_by, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![r, f, self.actor(), time::now()],
        )
        .ctx("storing a hold")?;
        let id = HoldId(c.last_insert_rowid());
        let mut desc = Vec::new();
        for s in scope {
            let (kind, target) = match s {
                HoldScope::All => ("all", None),
                HoldScope::Document(d) => ("document", Some(d.0)),
                HoldScope::Subject(s) => ("subject", Some(s.0)),
            };
            c.execute(
                "INSERT INTO hold_scopes(hold, kind, target) VALUES (?1, ?2, ?3)",
                params![id.0, kind, target],
            )
            .ctx("storing a hold scope")?;
            desc.push(match target {
                Some(t) => format!("{kind} {t}"),
                None => kind.to_string(),
            });
        }
        self.audit(
            "hold added",
            &format!("hold {id}"),
            &format!(
                "scope={} reason=note {r} reference=note {f}",
                desc.join(";")
            ),
        )?;
        Ok(id)
    }

    /// Lifts a hold.
    pub fn hold_lift(&mut self, id: HoldId, reason: &str) -> Result<(), StoreError> {
        let lifted: Option<Option<String>> = self
            .conn()
            .query_row("SELECT lifted_at FROM holds WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })
            .optional()
            .ctx("reading a hold")?;
        match lifted {
            None => return Err(StoreError::NoSuchHold(id)),
            Some(Some(_)) => return Err(StoreError::HoldLifted(id)),
            Some(None) => {}
        }
        let tx = self
            .conn()
            .unchecked_transaction()
            .ctx("starting hold lift")?;
        let note = self.put_note(reason)?;
        tx.execute(
            "UPDATE holds SET lifted_at = ?1, lifted_by = ?2, lift_reason_note = ?3 WHERE id = ?4",
            params![time::now(), self.actor(), note, id.0],
        )
        .ctx("lifting a hold")?;
        self.audit(
            "hold lifted",
            &format!("hold {id}"),
            &format!("reason=note {note}"),
        )?;
        tx.commit().ctx("committing hold lift")?;
        self.flush_head()
    }

    /// Every hold, active and lifted, with decrypted reason and reference. Logged as a view.
    pub fn holds(&self) -> Result<Vec<HoldInfo>, StoreError> {
        type Row = (
            i64,
            Option<i64>,
            Option<i64>,
            String,
            String,
            Option<String>,
            Option<String>,
        );
        let rows: Vec<Row> = self.rows("SELECT id, reason_note, reference_note, created_by, created_at, lifted_at, lifted_by FROM holds ORDER BY id", [], "listing holds")?;
        let mut out = Vec::new();
        for (id, reason, reference, created_by, created_at, lifted_at, lifted_by) in rows {
            let scope = self.hold_scope(id)?;
            let documents = self.covered(&scope)?.into_iter().collect();
            out.push(HoldInfo {
                id: HoldId(id),
                reason: self.get_note(reason)?,
                reference: self.get_note(reference)?,
                scope,
                created_by,
                created_at,
                active: lifted_at.is_none(),
                lifted_at,
                lifted_by,
                documents,
            });
        }
        self.audit_view("holds viewed", "holds", &format!("count={}", out.len()))?;
        self.flush_head()?;
        Ok(out)
    }

    fn hold_scope(&self, hold: i64) -> Result<Vec<HoldScope>, StoreError> {
        let mut st = self
            .conn()
            .prepare_cached("SELECT kind, target FROM hold_scopes WHERE hold = ?1")
            .ctx("reading hold scopes")?;
        let v = st
            .query_map([hold], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?))
            })
            .ctx("reading hold scopes")?
            .collect::<Result<Vec<_>, _>>()
            .ctx("reading hold scopes")?;
        Ok(v.into_iter()
            .filter_map(|(k, t)| match (k.as_str(), t) {
                ("all", _) => Some(HoldScope::All),
                ("document", Some(t)) => Some(HoldScope::Document(DocId(t))),
                ("subject", Some(t)) => Some(HoldScope::Subject(SubjectId(t))),
                _ => None,
            })
            .collect())
    }

    /// Documents covered by a scope: the named documents, the documents a subject occurs in,
    /// and recursively everything inside those.
    fn covered(&self, scope: &[HoldScope]) -> Result<BTreeSet<DocId>, StoreError> {
        let mut roots: Vec<i64> = Vec::new();
        for s in scope {
            match s {
                HoldScope::All => {
                    let mut st = self
                        .conn()
                        .prepare_cached("SELECT id FROM documents")
                        .ctx("listing documents")?;
                    let v = st
                        .query_map([], |r| r.get::<_, i64>(0))
                        .ctx("listing documents")?
                        .collect::<Result<BTreeSet<_>, _>>()
                        .ctx("listing documents")?;
                    return Ok(v.into_iter().map(DocId).collect());
                }
                HoldScope::Document(d) => roots.push(d.0),
                HoldScope::Subject(s) => {
                    let mut st = self
                        .conn()
                        .prepare_cached("SELECT DISTINCT f.doc FROM subject_findings sf JOIN findings f ON f.id = sf.finding WHERE sf.subject = ?1")
                        .ctx("reading subject documents")?;
                    let v = st
                        .query_map([s.0], |r| r.get::<_, i64>(0))
                        .ctx("reading subject documents")?
                        .collect::<Result<Vec<_>, _>>()
                        .ctx("reading subject documents")?;
                    roots.extend(v);
                }
            }
        }
        let mut seen: BTreeSet<i64> = BTreeSet::new();
        let mut stack = roots;
        let mut st = self
            .conn()
            .prepare_cached("SELECT id FROM documents WHERE parent = ?1 UNION SELECT doc FROM paths WHERE parent = ?1")
            .ctx("reading children")?;
        while let Some(d) = stack.pop() {
            if !seen.insert(d) {
                continue;
            }
            let kids = st
                .query_map([d], |r| r.get::<_, i64>(0))
                .ctx("reading children")?
                .collect::<Result<Vec<_>, _>>()
                .ctx("reading children")?;
            stack.extend(kids.into_iter().filter(|k| !seen.contains(k)));
        }
        Ok(seen.into_iter().map(DocId).collect())
    }

    /// Every document covered by an active hold.
    pub fn held_documents(&self) -> Result<BTreeSet<DocId>, StoreError> {
        let mut scope = Vec::new();
        let ids: Vec<i64> = {
            let mut st = self
                .conn()
                .prepare_cached("SELECT id FROM holds WHERE lifted_at IS NULL")
                .ctx("listing holds")?;
            let v = st
                .query_map([], |r| r.get(0))
                .ctx("listing holds")?
                .collect::<Result<Vec<_>, _>>()
                .ctx("listing holds")?;
            v
        };
        for id in ids {
            scope.extend(self.hold_scope(id)?);
        }
        self.covered(&scope)
    }

    /// Subjects named by an active hold (they survive losing all their documents).
    /// Whether an active hold covers everything.
    pub(crate) fn has_hold_on_all(&self) -> Result<bool, StoreError> {
        self.conn()
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM hold_scopes s JOIN holds h ON h.id = s.hold
                 WHERE h.lifted_at IS NULL AND s.kind = 'all')",
                [],
                |r| r.get(0),
            )
            .ctx("checking holds on everything")
    }

    pub(crate) fn all_subject_ids(&self) -> Result<Vec<i64>, StoreError> {
        let mut st = self
            .conn()
            .prepare("SELECT id FROM subjects")
            .ctx("listing subjects")?;
        let v = st
            .query_map([], |r| r.get(0))
            .ctx("listing subjects")?
            .collect::<Result<Vec<_>, _>>()
            .ctx("listing subjects")?;
        Ok(v)
    }

    pub(crate) fn held_subject_ids(&self) -> Result<Vec<i64>, StoreError> {
        let mut st = self
            .conn()
            .prepare_cached(
                "SELECT s.target FROM hold_scopes s JOIN holds h ON h.id = s.hold
                 WHERE h.lifted_at IS NULL AND s.kind = 'subject'",
            )
            .ctx("listing held subjects")?;
        let v = st
            .query_map([], |r| r.get(0))
            .ctx("listing held subjects")?
            .collect::<Result<Vec<_>, _>>()
            .ctx("listing held subjects")?;
        Ok(v)
    }

    /// Plans a destruction run over every assessed (destroy / redact_and_archive) active
    /// document; held ones are listed under `held`. The redacted copy of every
    /// `redact_and_archive` document is made and verified now, and stored encrypted with the
    /// run, so that executing can never fail on it; a document whose copy cannot be verified
    /// is left out of the run, with the reason, under `excluded`. A dry run records nothing
    /// (but reports the same exclusions) and has id 0. Refused while an objection to
    /// destruction waits for the confirmation of its request's subjects.
    pub fn plan_destruction(
        &mut self,
        dry_run: bool,
        redact: &RedactFn,
    ) -> Result<Plan, StoreError> {
        if let Some(request) = self.pending_objections()?.first() {
            return Err(StoreError::ObjectionPending(*request));
        }
        let held = self.held_documents()?;
        type Row = (i64, String, String, i64, Option<i64>, String);
        let rows: Vec<Row> = self.rows("SELECT d.id, d.disposition, d.doc_type, d.size, d.assessment, d.created_at FROM documents d
                     WHERE d.status = 'active' AND d.disposition IN ('destroy', 'redact_and_archive') ORDER BY d.id", [], "listing assessed documents")?;
        let mut plan = Plan {
            id: RunId(0),
            destroy: Vec::new(),
            archive: Vec::new(),
            held: Vec::new(),
            excluded: Vec::new(),
        };
        // Redacted copies made for this plan: (document, wrapped key, blob), the blobs written
        // and recorded as provisional before the plan commits.
        let mut prepared: Vec<(DocId, WrappedKey, BlobId)> = Vec::new();
        let result = (|| {
            for (id, disp, ..) in &rows {
                let id = DocId(*id);
                if held.contains(&id) {
                    plan.held.push(id);
                } else if disp == "destroy" {
                    plan.destroy.push(id);
                } else {
                    match self.prepare_archive(id, redact, dry_run)? {
                        Ok(copy) => {
                            prepared.extend(copy.map(|(k, b)| (id, k, b)));
                            plan.archive.push(id);
                        }
                        Err(reason) => plan.excluded.push(Excluded {
                            document: id,
                            reason,
                        }),
                    }
                }
            }
            if dry_run {
                return Ok(());
            }
            let tx = self.conn().unchecked_transaction().ctx("starting plan")?;
            tx.execute(
                "INSERT INTO runs(state, created_by, created_at) VALUES ('planned', ?1, ?2)",
                params![self.actor(), time::now()],
            )
            .ctx("storing a run")?;
            let run = tx.last_insert_rowid();
            {
                let mut st = tx
                    .prepare_cached(
                        "INSERT INTO run_items(run, doc, action, doc_type, size, category, created_at, assessment, note)
                         VALUES (?1, ?2, ?3, ?4, ?5, (SELECT category FROM assessments WHERE id = ?7), ?6, ?7, ?8)",
                    )
                    .ctx("storing run items")?;
                for (id, disp, doc_type, size, assessment, created) in &rows {
                    let doc = DocId(*id);
                    let (action, note) = if held.contains(&doc) {
                        ("held", None)
                    } else if disp == "destroy" {
                        ("destroy", None)
                    } else if let Some(x) = plan.excluded.iter().find(|x| x.document == doc) {
                        ("excluded", Some(exclusion_note(&x.reason)))
                    } else {
                        ("archive", None)
                    };
                    st.execute(params![
                        run, id, action, doc_type, size, created, assessment, note
                    ])
                    .ctx("storing a run item")?;
                }
            }
            for (doc, wrapped, blob) in &prepared {
                tx.execute(
                    "INSERT INTO keys(wrapped, generation) VALUES (?1, ?2)",
                    params![wrapped.bytes, wrapped.generation],
                )
                .ctx("storing a wrapped key")?;
                let key = tx.last_insert_rowid();
                tx.execute(
                    "UPDATE run_items SET prepared_key = ?1, prepared_blob = ?2 WHERE run = ?3 AND doc = ?4",
                    params![key, blob.as_str(), run, doc.0],
                )
                .ctx("storing a prepared copy")?;
                // Claimed: no longer provisional.
                tx.execute(
                    "DELETE FROM pending_blob_deletes WHERE blob = ?1",
                    [blob.as_str()],
                )
                .ctx("claiming a prepared copy")?;
            }
            self.audit(
                "destruction planned",
                &format!("run {run}"),
                &format!(
                    "destroy={} archive={} held={} excluded={}",
                    plan.destroy.len(),
                    plan.archive.len(),
                    plan.held.len(),
                    plan.excluded.len()
                ),
            )?;
            tx.commit().ctx("committing plan")?;
            self.flush_head()?;
            plan.id = RunId(run);
            Ok(())
        })();
        if let Err(e) = result {
            // The provisional copies go again (their keys were never stored).
            let _ = self.finish_pending_deletes();
            return Err(e);
        }
        Ok(plan)
    }

    /// Makes and verifies the redacted copy of one `redact_and_archive` document. Outside a dry
    /// run it is encrypted under a new key (stored) into a new blob that is recorded as
    /// provisional (deleted on the next open unless the plan claims it). The inner result says
    /// why the document cannot be archived.
    fn prepare_archive(
        &self,
        doc: DocId,
        redact: &RedactFn,
        dry_run: bool,
    ) -> Result<Result<Option<(WrappedKey, BlobId)>, Exclusion>, StoreError> {
        let key = match self.doc_key(doc) {
            Ok(k) => k,
            Err(StoreError::KeyGone { .. }) => return Ok(Err(Exclusion::KeyGone)),
            Err(e) => return Err(e),
        };
        let text_blob: Option<String> = self
            .conn()
            .query_row(
                "SELECT text_blob FROM documents WHERE id = ?1 AND readable = 1",
                [doc.0],
                |r| r.get(0),
            )
            .optional()
            .ctx("reading a document")?
            .flatten();
        let Some(text_blob) = text_blob else {
            return Ok(Err(Exclusion::NoText));
        };
        let text = String::from_utf8(self.vault.get_blob(&key, &BlobId::parse(&text_blob)?)?)
            .map_err(|_| StoreError::Corrupt(format!("text of document {doc} is not UTF-8")))?;
        let findings = self.findings_of(doc)?;
        let redacted = match redact(&text, &findings) {
            Ok(r) => r,
            Err(RedactFailure { kind, start }) => {
                return Ok(Err(Exclusion::RedactionUnverified { kind, start }))
            }
        };
        if dry_run {
            return Ok(Ok(None));
        }
        let blob = BlobId::generate()?;
        self.conn()
            .execute(
                "INSERT OR IGNORE INTO pending_blob_deletes(blob) VALUES (?1)",
                [blob.as_str()],
            )
            .ctx("recording a provisional blob")?;
        let new_key = DataKey::generate()?;
        self.vault
            .put_blob_as(&new_key, &blob, redacted.as_bytes())?;
        Ok(Ok(Some((self.vault.wrap(&new_key)?, blob))))
    }

    fn run_state(&self, run: RunId) -> Result<String, StoreError> {
        self.conn()
            .query_row("SELECT state FROM runs WHERE id = ?1", [run.0], |r| {
                r.get(0)
            })
            .optional()
            .ctx("reading a run")?
            .ok_or(StoreError::NoSuchRun(run))
    }

    fn approvers(&self, run: RunId) -> Result<Vec<String>, StoreError> {
        let mut st = self
            .conn()
            .prepare_cached("SELECT user FROM run_approvals WHERE run = ?1 ORDER BY ts, user")
            .ctx("reading approvals")?;
        let v = st
            .query_map([run.0], |r| r.get(0))
            .ctx("reading approvals")?
            .collect::<Result<Vec<_>, _>>()
            .ctx("reading approvals")?;
        Ok(v)
    }

    /// Approves a run as the acting user. The same user approving twice is refused.
    pub fn approve(&mut self, run: RunId) -> Result<(), StoreError> {
        let state = self.run_state(run)?;
        if state != "planned" && state != "approved" {
            return Err(StoreError::RunState {
                run,
                state,
                action: "approve",
            });
        }
        if self
            .approvers(run)?
            .iter()
            .any(|u| crate::users::same_user(u, self.actor()))
        {
            return Err(StoreError::SameApprover { run });
        }
        let tx = self
            .conn()
            .unchecked_transaction()
            .ctx("starting approve")?;
        tx.execute(
            "INSERT INTO run_approvals(run, user, ts) VALUES (?1, ?2, ?3)",
            params![run.0, self.actor(), time::now()],
        )
        .ctx("storing an approval")?;
        let n: i64 = tx
            .query_row(
                "SELECT COUNT(DISTINCT user) FROM run_approvals WHERE run = ?1",
                [run.0],
                |r| r.get(0),
            )
            .ctx("counting approvals")?;
        if n >= 2 {
            tx.execute("UPDATE runs SET state = 'approved' WHERE id = ?1", [run.0])
                .ctx("updating a run")?;
        }
        self.audit(
            "destruction approved",
            &format!("run {run}"),
            &format!("approvals={n}"),
        )?;
        tx.commit().ctx("committing approve")?;
        self.flush_head()
    }

    /// Every destruction run.
    pub fn runs(&self) -> Result<Vec<RunInfo>, StoreError> {
        let rows: Vec<(i64, String, String, String, Option<String>)> = self.rows(
            "SELECT id, state, created_by, created_at, executed_at FROM runs ORDER BY id",
            [],
            "listing runs",
        )?;
        rows.into_iter()
            .map(|(id, state, created_by, created_at, executed_at)| {
                Ok(RunInfo {
                    id: RunId(id),
                    state,
                    created_by,
                    created_at,
                    approvers: self.approvers(RunId(id))?,
                    executed_at,
                })
            })
            .collect()
    }

    /// Executes an approved run: shreds `destroy` documents, replaces `archive` documents by a
    /// redacted copy under a new key, removes subjects left without documents, then rotates
    /// the KEK. Refused (nothing changed) without two distinct approvers. Idempotent: a re-run
    /// of an interrupted run completes it; a re-run of an executed run returns its report.
    pub fn execute(&mut self, run: RunId) -> Result<ExecuteReport, StoreError> {
        let state = self.run_state(run)?;
        if state == "cancelled" {
            return Err(StoreError::RunState {
                run,
                state,
                action: "execute",
            });
        }
        if state == "executed" {
            // Blob deletions of a completed run may still be pending after a crash.
            self.finish_pending_deletes()?;
            let mut r = self.report(run)?;
            r.already_executed = true;
            return Ok(r);
        }
        let approvals = self
            .approvers(run)?
            .iter()
            .map(|u| crate::users::user_key(u).unwrap_or_else(|_| u.clone()))
            .collect::<BTreeSet<_>>()
            .len();
        if approvals < 2 {
            return Err(StoreError::NotApproved { run, approvals });
        }
        // Rotation and shredding must survive power loss once committed.
        self.conn()
            .execute_batch("PRAGMA synchronous = FULL")
            .ctx("setting synchronous")?;
        let result = self.execute_inner(run);
        let _ = self.conn().execute_batch("PRAGMA synchronous = NORMAL");
        result?;
        self.report(run)
    }

    fn execute_inner(&mut self, run: RunId) -> Result<(), StoreError> {
        if self.run_state(run)? != "executing" {
            let tx = self
                .conn()
                .unchecked_transaction()
                .ctx("starting execute")?;
            tx.execute("UPDATE runs SET state = 'executing' WHERE id = ?1", [run.0])
                .ctx("updating a run")?;
            self.audit("destruction started", &format!("run {run}"), "")?;
            tx.commit().ctx("committing execute start")?;
            self.flush_head()?;
        }
        self.finish_pending_deletes()?;
        // Partial blob files of an execute that was killed mid-write.
        self.vault.sweep_temp_files()?;
        let items: Vec<(i64, String)> = self.rows("SELECT doc, action FROM run_items WHERE run = ?1 AND outcome IS NULL AND action IN ('destroy', 'archive') ORDER BY doc", [run.0], "listing run items")?;
        // Destructions go in batches (one transaction each, holds re-checked per document
        // inside it); archives one by one (each swaps in its prepared copy). A document that
        // fails is recorded as failed and the run goes on: the KEK rotation below must happen
        // for everything that was destroyed.
        let (archives, destroys): (Vec<_>, Vec<_>) =
            items.into_iter().partition(|(_, a)| a == "archive");
        let destroys: Vec<DocId> = destroys.into_iter().map(|(d, _)| DocId(d)).collect();
        for batch in destroys.chunks(DESTROY_BATCH) {
            self.destroy_batch(run, batch)?;
            self.finish_pending_deletes()?;
        }
        for (doc, _) in archives {
            if self.archive_one(run, DocId(doc)).is_err() {
                self.conn()
                    .execute(
                        "UPDATE run_items SET outcome = 'failed', note = 'error' WHERE run = ?1 AND doc = ?2",
                        params![run.0, doc],
                    )
                    .ctx("recording a failed run item")?;
                self.audit(
                    "document archived",
                    &format!("document {doc}"),
                    &format!("run={run} outcome=failed"),
                )?;
            }
            self.finish_pending_deletes()?;
        }
        self.flush_head()?;

        // Closed access requests go with this run, before the rotation below, unless a hold
        // names one of their subjects (an objection) or holds everything.
        let mut held_subjects: BTreeSet<i64> = self.held_subject_ids()?.into_iter().collect();
        if self.has_hold_on_all()? {
            held_subjects.extend(self.all_subject_ids()?);
        }
        self.destroy_closed_requests(run, &held_subjects)?;

        // Subjects left without documents, unless a hold or an open request names them.
        let removed = self.remove_orphan_subjects()?;

        // KEK rotation: record the generations first so a resumed run finishes the same one.
        let (kek_from, kek_to): (Option<u32>, Option<u32>) = self
            .conn()
            .query_row(
                "SELECT kek_from, kek_to FROM runs WHERE id = ?1",
                [run.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .ctx("reading a run")?;
        let kek_from = match kek_from {
            Some(g) => g,
            None => {
                let g = self.vault.current_generation()?;
                self.conn()
                    .execute(
                        "UPDATE runs SET kek_from = ?1 WHERE id = ?2",
                        params![g, run.0],
                    )
                    .ctx("recording rotation")?;
                g
            }
        };
        let kek_to = match kek_to {
            Some(g) => g,
            None => {
                let current = self.vault.current_generation()?;
                let g = if current > kek_from {
                    current
                } else {
                    self.vault.new_generation()?
                };
                self.conn()
                    .execute(
                        "UPDATE runs SET kek_to = ?1 WHERE id = ?2",
                        params![g, run.0],
                    )
                    .ctx("recording rotation")?;
                g
            }
        };
        self.rewrap_all(kek_to)?;
        // Never erase a KEK that a live wrapped key still needs.
        let present = self.vault.kek_generations()?;
        for g in present.into_iter().filter(|g| *g < kek_to) {
            let still: i64 = self
                .conn()
                .query_row(
                    "SELECT COUNT(*) FROM keys WHERE generation = ?1",
                    [g],
                    |r| r.get(0),
                )
                .ctx("checking rotation")?;
            if still > 0 {
                return Err(StoreError::Corrupt(format!(
                    "{still} key(s) still use KEK generation {g} after rewrapping"
                )));
            }
            self.vault.erase_kek(g, run.0, &time::now())?;
        }
        let tx = self
            .conn()
            .unchecked_transaction()
            .ctx("finishing execute")?;
        tx.execute(
            "UPDATE runs SET state = 'executed', executed_at = ?1, subjects_removed = COALESCE(subjects_removed, 0) + ?2 WHERE id = ?3",
            params![time::now(), removed as i64, run.0],
        )
        .ctx("finishing a run")?;
        let (d, a, h, f): (i64, i64, i64, i64) = tx
            .query_row(
                "SELECT SUM(outcome = 'destroyed'), SUM(outcome = 'archived'), SUM(action = 'held' OR outcome = 'held'), SUM(outcome = 'failed')
                 FROM run_items WHERE run = ?1",
                [run.0],
                |r| Ok((r.get::<_, Option<i64>>(0)?.unwrap_or(0), r.get::<_, Option<i64>>(1)?.unwrap_or(0), r.get::<_, Option<i64>>(2)?.unwrap_or(0), r.get::<_, Option<i64>>(3)?.unwrap_or(0))),
            )
            .ctx("counting run items")?;
        self.audit(
            "destruction executed",
            &format!("run {run}"),
            &format!("destroyed={d} archived={a} held={h} failed={f} subjects_removed={removed} kek={kek_from}->{kek_to}"),
        )?;
        tx.commit().ctx("committing execute")?;
        if let Some((rowid, hash)) = self.head_dirty.take() {
            self.write_head(rowid, &hash, true)?;
        }
        Ok(())
    }

    /// Whether `doc` is held right now: an active hold on everything, on the document or on
    /// one it is inside, or on a subject that occurs in one of those. Checked inside the
    /// caller's transaction, so a hold made after planning still protects.
    fn is_held(&self, doc: DocId) -> Result<bool, StoreError> {
        let c = self.conn();
        let all: i64 = c
            .query_row(
                "SELECT COUNT(*) FROM hold_scopes s JOIN holds h ON h.id = s.hold WHERE h.lifted_at IS NULL AND s.kind = 'all'",
                [],
                |r| r.get(0),
            )
            .ctx("checking holds")?;
        if all > 0 {
            return Ok(true);
        }
        // The document and everything it is inside.
        let mut line: BTreeSet<i64> = BTreeSet::new();
        let mut stack = vec![doc.0];
        let mut up = c
            .prepare_cached("SELECT parent FROM documents WHERE id = ?1 AND parent IS NOT NULL UNION SELECT parent FROM paths WHERE doc = ?1 AND parent IS NOT NULL")
            .ctx("reading parents")?;
        while let Some(d) = stack.pop() {
            if !line.insert(d) {
                continue;
            }
            let parents = up
                .query_map([d], |r| r.get::<_, i64>(0))
                .ctx("reading parents")?
                .collect::<Result<Vec<_>, _>>()
                .ctx("reading parents")?;
            stack.extend(parents);
        }
        let mut held = c
            .prepare_cached(
                "SELECT EXISTS(SELECT 1 FROM hold_scopes s JOIN holds h ON h.id = s.hold
                   WHERE h.lifted_at IS NULL AND s.kind = 'document' AND s.target = ?1)
                 OR EXISTS(SELECT 1 FROM hold_scopes s JOIN holds h ON h.id = s.hold
                   JOIN subject_findings sf ON sf.subject = s.target JOIN findings f ON f.id = sf.finding
                   WHERE h.lifted_at IS NULL AND s.kind = 'subject' AND f.doc = ?1)",
            )
            .ctx("checking holds")?;
        for d in line {
            if held
                .query_row([d], |r| r.get::<_, bool>(0))
                .ctx("checking holds")?
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn destroy_batch(&self, run: RunId, docs: &[DocId]) -> Result<(), StoreError> {
        let tx = self
            .conn()
            .unchecked_transaction()
            .ctx("starting a destruction")?;
        for &doc in docs {
            type Row = (
                String,
                Option<i64>,
                Option<String>,
                Option<String>,
                Option<String>,
            );
            let row: Option<Row> = tx
                .query_row(
                    "SELECT status, key_id, original_blob, text_blob, archived_blob FROM documents WHERE id = ?1",
                    [doc.0],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )
                .optional()
                .ctx("reading a document")?;
            let outcome = match row {
                None => "missing",
                Some((status, _, _, _, _)) if status != "active" => "skipped",
                Some(_) if self.is_held(doc)? => "held",
                Some((_, key_id, o, t, a)) => {
                    self.tombstone_document(doc, run)?;
                    self.shred_rows(doc, key_id, [o, t, a])?;
                    tx.execute(
                        "UPDATE documents SET status = 'destroyed', destroyed_run = ?1, destroyed_at = ?2 WHERE id = ?3",
                        params![run.0, time::now(), doc.0],
                    )
                    .ctx("marking a document destroyed")?;
                    "destroyed"
                }
            };
            tx.execute(
                "UPDATE run_items SET outcome = ?1 WHERE run = ?2 AND doc = ?3",
                params![outcome, run.0, doc.0],
            )
            .ctx("recording a run item")?;
            let action = if outcome == "destroyed" {
                "document destroyed"
            } else {
                "destruction skipped"
            };
            self.audit(
                action,
                &format!("document {doc}"),
                &format!("run={run} outcome={outcome}"),
            )?;
        }
        tx.commit().ctx("committing a destruction")?;
        self.forget_cached_key();
        Ok(())
    }

    /// Deletes a document's key, findings, subject links and path links and queues its blobs
    /// for deletion (inside the caller's transaction).
    fn shred_rows(
        &self,
        doc: DocId,
        key_id: Option<i64>,
        blobs: [Option<String>; 3],
    ) -> Result<(), StoreError> {
        let c = self.conn();
        if let Some(k) = key_id {
            c.execute("DELETE FROM keys WHERE id = ?1", [k])
                .ctx("deleting a key")?;
        }
        c.execute(
            "DELETE FROM subject_findings WHERE finding IN (SELECT id FROM findings WHERE doc = ?1)",
            [doc.0],
        )
        .ctx("deleting subject links")?;
        c.execute("DELETE FROM findings WHERE doc = ?1", [doc.0])
            .ctx("deleting findings")?;
        c.execute("DELETE FROM paths WHERE doc = ?1", [doc.0])
            .ctx("deleting paths")?;
        for b in blobs.into_iter().flatten() {
            c.execute(
                "INSERT OR IGNORE INTO pending_blob_deletes(blob) VALUES (?1)",
                [&b],
            )
            .ctx("queueing a blob deletion")?;
        }
        c.execute(
            "UPDATE documents SET key_id = NULL, original_blob = NULL, text_blob = NULL, archived_blob = NULL,
               content_mac = NULL, findings = 0, special = '' WHERE id = ?1",
            [doc.0],
        )
        .ctx("clearing a document")?;
        Ok(())
    }

    /// Replaces an active document by the redacted copy prepared when the run was planned.
    /// A document that cannot be archived now (no prepared copy: a run planned by an older
    /// version; its copy lost) is recorded as `failed` and stays active: the run goes on.
    fn archive_one(&self, run: RunId, doc: DocId) -> Result<(), StoreError> {
        let (prepared_key, prepared_blob): (Option<i64>, Option<String>) = self
            .conn()
            .query_row(
                "SELECT prepared_key, prepared_blob FROM run_items WHERE run = ?1 AND doc = ?2",
                params![run.0, doc.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .ctx("reading a run item")?;
        let status = self.doc_status(doc)?;
        let early = if status != "active" {
            Some(("skipped", None))
        } else if self.is_held(doc)? {
            Some(("held", None))
        } else {
            match (prepared_key, prepared_blob.as_deref().map(BlobId::parse)) {
                (Some(k), Some(Ok(b))) if self.vault.has_blob(&b) => {
                    self.swap_in_archive(run, doc, k, &b)?;
                    None
                }
                _ => Some(("failed", Some("no_prepared_copy"))),
            }
        };
        if let Some((outcome, note)) = early {
            let tx = self
                .conn()
                .unchecked_transaction()
                .ctx("starting an archive")?;
            tx.execute(
                "UPDATE run_items SET outcome = ?1, note = COALESCE(?2, note) WHERE run = ?3 AND doc = ?4",
                params![outcome, note, run.0, doc.0],
            )
            .ctx("recording a run item")?;
            if outcome != "skipped" {
                self.release_prepared(run, Some(doc))?;
            }
            self.audit(
                "document archived",
                &format!("document {doc}"),
                &format!("run={run} outcome={outcome}"),
            )?;
            tx.commit().ctx("committing an archive")?;
        }
        Ok(())
    }

    /// The archive itself, in one transaction: the original's key, blobs, findings and path
    /// links go (its content is tombstoned), the prepared copy becomes the document under its
    /// own key, and the path links are kept sealed under that key.
    fn swap_in_archive(
        &self,
        run: RunId,
        doc: DocId,
        new_key_id: i64,
        blob: &BlobId,
    ) -> Result<(), StoreError> {
        let key = self.doc_key(doc)?;
        let new_key = self.load_key(new_key_id)?;
        let (text_blob, original_blob, old_key_id): (Option<String>, Option<String>, Option<i64>) =
            self.conn()
                .query_row(
                    "SELECT text_blob, original_blob, key_id FROM documents WHERE id = ?1",
                    [doc.0],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .ctx("reading a document")?;
        let paths: Vec<(i64, Vec<u8>)> = self.rows(
            "SELECT id, path_enc FROM paths WHERE doc = ?1",
            [doc.0],
            "reading paths",
        )?;
        let resealed: Vec<(i64, Vec<u8>)> = paths
            .into_iter()
            .map(|(id, p)| Ok((id, new_key.seal("path", &key.open("path", &p)?)?)))
            .collect::<Result<_, StoreError>>()?;
        let tx = self
            .conn()
            .unchecked_transaction()
            .ctx("starting an archive")?;
        // Holds are re-checked inside the transaction that changes the document.
        let outcome = if self.is_held(doc)? {
            self.release_prepared(run, Some(doc))?;
            "held"
        } else {
            self.tombstone_document(doc, run)?;
            self.shred_rows(doc, old_key_id, [original_blob, text_blob, None])?;
            // shred_rows removed the path links; the archived copy keeps them under its key.
            for (id, p) in resealed {
                tx.execute(
                    "INSERT INTO paths(id, doc, path_mac, path_enc, current) VALUES (?1, ?2, ?3, ?4, 0)",
                    params![id, doc.0, self.vault.mac("archived-path", &id.to_be_bytes()).to_vec(), p],
                )
                .ctx("keeping a path")?;
            }
            tx.execute(
                "UPDATE documents SET status = 'archived', key_id = ?1, archived_blob = ?2, destroyed_run = NULL WHERE id = ?3",
                params![new_key_id, blob.as_str(), doc.0],
            )
            .ctx("marking a document archived")?;
            tx.execute(
                "UPDATE run_items SET prepared_key = NULL, prepared_blob = NULL WHERE run = ?1 AND doc = ?2",
                params![run.0, doc.0],
            )
            .ctx("recording a run item")?;
            "archived"
        };
        tx.execute(
            "UPDATE run_items SET outcome = ?1 WHERE run = ?2 AND doc = ?3",
            params![outcome, run.0, doc.0],
        )
        .ctx("recording a run item")?;
        self.audit(
            "document archived",
            &format!("document {doc}"),
            &format!("run={run} outcome={outcome}"),
        )?;
        tx.commit().ctx("committing an archive")?;
        self.forget_cached_key();
        Ok(())
    }

    /// Deletes the prepared copies (key rows now, blobs queued) of a run, or of one document
    /// of it, inside the caller's transaction.
    fn release_prepared(&self, run: RunId, doc: Option<DocId>) -> Result<(), StoreError> {
        let items: Vec<(i64, Option<i64>, Option<String>)> = self.rows(
            "SELECT doc, prepared_key, prepared_blob FROM run_items
             WHERE run = ?1 AND (?2 IS NULL OR doc = ?2) AND (prepared_key IS NOT NULL OR prepared_blob IS NOT NULL)",
            params![run.0, doc.map(|d| d.0)],
            "reading prepared copies",
        )?;
        for (d, key, blob) in items {
            if let Some(k) = key {
                self.conn()
                    .execute("DELETE FROM keys WHERE id = ?1", [k])
                    .ctx("deleting a prepared key")?;
            }
            if let Some(b) = blob {
                self.conn()
                    .execute(
                        "INSERT OR IGNORE INTO pending_blob_deletes(blob) VALUES (?1)",
                        [&b],
                    )
                    .ctx("queueing a blob deletion")?;
            }
            self.conn()
                .execute(
                    "UPDATE run_items SET prepared_key = NULL, prepared_blob = NULL WHERE run = ?1 AND doc = ?2",
                    params![run.0, d],
                )
                .ctx("releasing a prepared copy")?;
        }
        self.forget_cached_key();
        Ok(())
    }

    /// Cancels a run that has not executed: it will never execute; its prepared copies are
    /// deleted. Refused for a run that is executing or executed.
    pub fn cancel_run(&mut self, run: RunId, reason: &str) -> Result<(), StoreError> {
        let state = self.run_state(run)?;
        if state != "planned" && state != "approved" {
            return Err(StoreError::RunState {
                run,
                state,
                action: "cancel",
            });
        }
        if reason.trim().is_empty() {
            return Err(StoreError::ReasonRequired);
        }
        let tx = self.conn().unchecked_transaction().ctx("starting cancel")?;
        let note = self.put_note(reason)?;
        tx.execute(
            "UPDATE runs SET state = 'cancelled', cancelled_at = ?1, cancelled_by = ?2, cancel_reason_note = ?3 WHERE id = ?4",
            params![time::now(), self.actor(), note, run.0],
        )
        .ctx("cancelling a run")?;
        self.release_prepared(run, None)?;
        self.audit(
            "destruction cancelled",
            &format!("run {run}"),
            &format!("reason=note {note}"),
        )?;
        tx.commit().ctx("committing cancel")?;
        self.finish_pending_deletes()?;
        self.flush_head()
    }

    /// Takes one document out of a run that has not finished with it: it is left as it is
    /// (and stays assessed, for a later run). Allowed while the run is executing, so a run can
    /// always be brought to its end.
    pub fn drop_from_run(
        &mut self,
        run: RunId,
        doc: DocId,
        reason: &str,
    ) -> Result<(), StoreError> {
        let state = self.run_state(run)?;
        if !matches!(state.as_str(), "planned" | "approved" | "executing") {
            return Err(StoreError::RunState {
                run,
                state,
                action: "drop a document",
            });
        }
        if reason.trim().is_empty() {
            return Err(StoreError::ReasonRequired);
        }
        let item: Option<(String, Option<String>)> = self
            .conn()
            .query_row(
                "SELECT action, outcome FROM run_items WHERE run = ?1 AND doc = ?2",
                params![run.0, doc.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .ctx("reading a run item")?;
        match item {
            Some((action, None)) if action == "destroy" || action == "archive" => {}
            _ => return Err(StoreError::NotInRun { run, doc }),
        }
        let tx = self.conn().unchecked_transaction().ctx("starting drop")?;
        let note = self.put_note(reason)?;
        tx.execute(
            "UPDATE run_items SET action = 'dropped', note = ?1 WHERE run = ?2 AND doc = ?3",
            params![format!("note {note}"), run.0, doc.0],
        )
        .ctx("dropping a run item")?;
        self.release_prepared(run, Some(doc))?;
        self.audit(
            "document dropped from run",
            &format!("document {doc}"),
            &format!("run={run} reason=note {note}"),
        )?;
        tx.commit().ctx("committing drop")?;
        self.finish_pending_deletes()?;
        self.flush_head()
    }

    pub(crate) fn remove_orphan_subjects(&self) -> Result<u64, StoreError> {
        let mut held: BTreeSet<i64> = self.held_subject_ids()?.into_iter().collect();
        held.extend(self.request_named_subjects()?);
        let orphans: Vec<(i64, i64)> = self.rows("SELECT id, key_id FROM subjects WHERE id NOT IN (SELECT DISTINCT subject FROM subject_findings)", [], "listing orphan subjects")?;
        let tx = self
            .conn()
            .unchecked_transaction()
            .ctx("starting subject removal")?;
        let mut n = 0;
        for (id, key_id) in orphans {
            if held.contains(&id) {
                continue;
            }
            tx.execute("DELETE FROM subjects WHERE id = ?1", [id])
                .ctx("removing a subject")?;
            tx.execute("DELETE FROM keys WHERE id = ?1", [key_id])
                .ctx("removing a subject key")?;
            n += 1;
        }
        if n > 0 {
            self.audit(
                "subjects removed",
                "subjects",
                &format!("count={n} reason=no documents left"),
            )?;
        }
        tx.commit().ctx("committing subject removal")?;
        self.forget_cached_key();
        Ok(n)
    }

    fn report(&self, run: RunId) -> Result<ExecuteReport, StoreError> {
        let (kek_from, kek_to, removed): (Option<u32>, Option<u32>, Option<i64>) = self
            .conn()
            .query_row(
                "SELECT kek_from, kek_to, subjects_removed FROM runs WHERE id = ?1",
                [run.0],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .ctx("reading a run")?;
        let items: Vec<(i64, String, Option<String>)> = self.rows(
            "SELECT doc, action, outcome FROM run_items WHERE run = ?1 ORDER BY doc",
            [run.0],
            "reading run items",
        )?;
        let pick = |o: &str| -> Vec<DocId> {
            items
                .iter()
                .filter(|i| i.2.as_deref() == Some(o))
                .map(|i| DocId(i.0))
                .collect()
        };
        Ok(ExecuteReport {
            run,
            destroyed: pick("destroyed"),
            archived: pick("archived"),
            held: items
                .iter()
                .filter(|i| i.1 == "held" || i.2.as_deref() == Some("held"))
                .map(|i| DocId(i.0))
                .collect(),
            dropped: items
                .iter()
                .filter(|i| i.1 == "dropped")
                .map(|i| DocId(i.0))
                .collect(),
            failed: pick("failed"),
            subjects_removed: removed.unwrap_or(0) as u64,
            kek_from: kek_from.unwrap_or(0),
            kek_to: kek_to.unwrap_or(0),
            already_executed: false,
        })
    }

    /// The certificate of destruction (verklaring van vernietiging) of an executed run. It holds
    /// neutral ids, types, sizes and dates, never personal data.
    pub fn certificate(&mut self, run: RunId) -> Result<serde_json::Value, StoreError> {
        let state = self.run_state(run)?;
        if state != "executed" {
            return Err(StoreError::RunState {
                run,
                state,
                action: "issue a certificate",
            });
        }
        let (created_by, created_at, executed_at, kek_from, kek_to, removed): (String, String, Option<String>, Option<u32>, Option<u32>, Option<i64>) = self
            .conn()
            .query_row(
                "SELECT created_by, created_at, executed_at, kek_from, kek_to, subjects_removed FROM runs WHERE id = ?1",
                [run.0],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
            )
            .ctx("reading a run")?;
        type Item = (
            i64,
            String,
            Option<String>,
            Option<String>,
            Option<i64>,
            Option<String>,
            Option<String>,
            Option<i64>,
        );
        let items: Vec<Item> = self.rows("SELECT i.doc, i.action, i.outcome, i.doc_type, i.size, i.category, i.created_at, i.assessment
                     FROM run_items i WHERE i.run = ?1 ORDER BY i.doc", [run.0], "reading run items")?;
        let mut decisions: BTreeSet<i64> = BTreeSet::new();
        let mut docs = Vec::new();
        let mut per_category: std::collections::BTreeMap<String, (u64, u64)> = Default::default();
        let (mut first, mut last): (Option<String>, Option<String>) = (None, None);
        // The period the records cover (Archiefbesluit): the documents' own dates, as the scan
        // found them.
        let (mut dated_from, mut dated_to): (Option<String>, Option<String>) = (None, None);
        for (doc, action, outcome, doc_type, size, category, created, assessment) in &items {
            let dated = self.document_date(DocId(*doc))?;
            if let Some(d) = &dated {
                if dated_from.as_ref().is_none_or(|f| d < f) {
                    dated_from = Some(d.clone());
                }
                if dated_to.as_ref().is_none_or(|t| d > t) {
                    dated_to = Some(d.clone());
                }
            }
            if let Some(a) = assessment {
                decisions.insert(*a);
            }
            let outcome = outcome.clone().unwrap_or_else(|| action.clone());
            if outcome == "destroyed" || outcome == "archived" {
                let cat = category
                    .clone()
                    .unwrap_or_else(|| doc_type.clone().unwrap_or_default());
                let e = per_category.entry(cat).or_default();
                if outcome == "destroyed" {
                    e.0 += 1;
                } else {
                    e.1 += 1;
                }
                if let Some(c) = created {
                    if first.as_ref().is_none_or(|f| c < f) {
                        first = Some(c.clone());
                    }
                    if last.as_ref().is_none_or(|l| c > l) {
                        last = Some(c.clone());
                    }
                }
            }
            docs.push(serde_json::json!({
                "document": doc, "outcome": outcome, "doc_type": doc_type, "size": size,
                "category": category, "stored_at": created, "dated": dated,
            }));
        }
        let mut decision_list = Vec::new();
        for a in decisions {
            let row: Option<(String, String, String, Option<i64>, Option<String>)> = self
                .conn()
                .query_row(
                    "SELECT disposition, user, ts, retention_years, category FROM assessments WHERE id = ?1",
                    [a],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )
                .optional()
                .ctx("reading an assessment")?;
            if let Some((disp, user, ts, years, cat)) = row {
                decision_list.push(serde_json::json!({
                    "assessment": a, "disposition": disp, "decided_by": user, "decided_at": ts,
                    "retention_years": years, "category": cat,
                }));
            }
        }
        let cats: Vec<serde_json::Value> = per_category
            .into_iter()
            .map(|(c, (d, a))| serde_json::json!({"category": c, "destroyed": d, "archived": a}))
            .collect();
        let cert = serde_json::json!({
            "title": "Verklaring van vernietiging",
            "store": self.vault.store_id(),
            "run": run,
            "planned_by": created_by,
            "planned_at": created_at,
            "approvers": self.approvers(run)?,
            "executed_at": executed_at,
            "decisions": decision_list,
            "method": format!(
                "crypto-shredding: data keys deleted, ciphertext deleted; KEK rotated from generation {} to {} and generation {} erased, so backups made before this run cannot be decrypted",
                kek_from.unwrap_or(0), kek_to.unwrap_or(0), kek_from.unwrap_or(0)
            ),
            "kek_from": kek_from,
            "kek_to": kek_to,
            "subjects_removed": removed.unwrap_or(0),
            "documents_stored_between": [first, last],
            "records_dated_between": [dated_from, dated_to],
            "per_category": cats,
            "documents": docs,
        });
        self.audit("certificate issued", &format!("run {run}"), "")?;
        self.flush_head()?;
        Ok(cert)
    }
}
