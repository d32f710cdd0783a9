//! Access requests (AVG art. 15) and the access window: intake, lifecycle, deadlines, the
//! requester's data, and its destruction after the request is closed.
//!
//! The request mail is stored encrypted under a key of its own, like a document, but apart from
//! the inventory: it is the requester's data, kept for the processing `access_requests`, and it
//! must not feed subject resolution (the requester would otherwise find themselves). A closed
//! request is destroyed by the next destruction run, before its KEK rotation, unless a hold
//! names one of its confirmed subjects.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use grondslag_procedure::{deadline, RequestStatus, Window};
use grondslag_vault::BlobId;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::procedure::HoldScope;
use crate::{time, DbContext, HoldId, RequestId, RunId, Store, StoreError, SubjectId};

pub(crate) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS access_window(id INTEGER PRIMARY KEY CHECK (id = 1), opens TEXT NOT NULL, closes TEXT NOT NULL, tag TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS requests(
  id INTEGER PRIMARY KEY, mac BLOB UNIQUE, received TEXT NOT NULL, channel TEXT NOT NULL,
  status TEXT NOT NULL, due TEXT NOT NULL, extended_due TEXT, late INTEGER NOT NULL,
  key_id INTEGER, blob TEXT, requester_enc BLOB, identity_enc BLOB, processing INTEGER NOT NULL,
  created_at TEXT NOT NULL, destroyed_run INTEGER);
CREATE TABLE IF NOT EXISTS request_subjects(request INTEGER NOT NULL, subject INTEGER NOT NULL, PRIMARY KEY(request, subject));
CREATE TABLE IF NOT EXISTS request_events(id INTEGER PRIMARY KEY, request INTEGER NOT NULL, ts TEXT NOT NULL, user TEXT NOT NULL, status TEXT NOT NULL, note INTEGER);
";

/// What the request says about the requester: the sender and the identifiers in the mail.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requester {
    pub names: Vec<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub birthdates: Vec<String>,
    pub addresses: Vec<String>,
    /// Towns the requester lives in (absent in requests imported before it existed).
    #[serde(default)]
    pub places: Vec<String>,
}

/// What [`Store::import_request_mail`] did with a mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Imported {
    New(RequestId),
    /// Imported before, as this request.
    Known(RequestId),
    /// Destroyed by this run: not imported again; the mailbox still holds it.
    Destroyed(RunId),
}

/// What [`Store::request_object`] recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Objection {
    /// A hold on the confirmed subjects (new, or the one an earlier objection made).
    Hold(HoldId),
    /// No subject is confirmed yet: the objection becomes that hold on confirmation, and
    /// `destroy plan` is refused until then.
    Pending,
}

/// One request as `requests --json` shows it: no personal data.
#[derive(Debug, Clone, Serialize)]
pub struct RequestInfo {
    pub id: RequestId,
    pub received: NaiveDate,
    pub due: NaiveDate,
    pub extended: bool,
    pub late: bool,
    pub status: RequestStatus,
    pub channel: String,
}

impl Store {
    /// Configures the access window and the subject tag of its mailbox.
    pub fn set_window(&mut self, w: &Window) -> Result<(), StoreError> {
        self.conn()
            .execute(
                "INSERT INTO access_window(id, opens, closes, tag) VALUES (1, ?1, ?2, ?3)
                 ON CONFLICT(id) DO UPDATE SET opens = ?1, closes = ?2, tag = ?3",
                params![w.opens.to_string(), w.closes.to_string(), w.tag],
            )
            .ctx("storing the access window")?;
        self.audit(
            "window.set",
            "access_window",
            &format!("opens={} closes={}", w.opens, w.closes),
        )?;
        self.flush_head()
    }

    pub fn window(&self) -> Result<Option<Window>, StoreError> {
        let row: Option<(String, String, String)> = self
            .conn()
            .query_row(
                "SELECT opens, closes, tag FROM access_window WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .ctx("reading the access window")?;
        row.map(|(o, c, tag)| {
            Ok(Window {
                opens: parse_date(&o)?,
                closes: parse_date(&c)?,
                tag,
            })
        })
        .transpose()
    }

    /// Stores a request mail (encrypted) with what it says about the requester. `None` when
    /// the same mail was imported before, or was destroyed (see [`Store::import_request_mail`]).
    pub fn import_request(
        &mut self,
        mail: &[u8],
        received: NaiveDate,
        channel: &str,
        requester: &Requester,
    ) -> Result<Option<RequestId>, StoreError> {
        Ok(
            match self.import_request_mail(mail, received, channel, requester)? {
                Imported::New(id) => Some(id),
                Imported::Known(_) | Imported::Destroyed(_) => None,
            },
        )
    }

    /// Stores a request mail (encrypted) with what it says about the requester, unless the
    /// same mail was imported before or a destruction run destroyed it (its tombstone).
    pub fn import_request_mail(
        &mut self,
        mail: &[u8],
        received: NaiveDate,
        channel: &str,
        requester: &Requester,
    ) -> Result<Imported, StoreError> {
        let processing = self.processing_id("access_requests")?;
        let mac = self.vault().mac("request-mail", mail).to_vec();
        let known: Option<i64> = self
            .conn()
            .query_row("SELECT id FROM requests WHERE mac = ?1", [&mac], |r| {
                r.get(0)
            })
            .optional()
            .ctx("looking up a request")?;
        if let Some(id) = known {
            return Ok(Imported::Known(RequestId(id)));
        }
        if let Some(t) = self.tombstone(&mac)? {
            return Ok(Imported::Destroyed(t.run));
        }
        let late = self
            .window()?
            .is_some_and(|w| deadline::is_late(&w, received));
        let due = deadline::due_date(received);
        let tx = self
            .conn()
            .unchecked_transaction()
            .ctx("starting request import")?;
        let (key_id, key) = self.new_key()?;
        let blob = self.vault().put_blob(&key, mail)?;
        let requester_enc = key.seal(
            "requester",
            &serde_json::to_vec(requester).map_err(|e| StoreError::Invalid(e.to_string()))?,
        )?;
        tx.execute(
            "INSERT INTO requests(mac, received, channel, status, due, late, key_id, blob, requester_enc, processing, created_at)
             VALUES (?1, ?2, ?3, 'received', ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![mac, received.to_string(), channel, due.to_string(), late, key_id, blob.as_str(), requester_enc, processing, time::now()],
        )
        .ctx("storing a request")?;
        let id = self.conn().last_insert_rowid();
        self.event(id, RequestStatus::Received, None)?;
        self.audit(
            "request.import",
            &format!("request {id}"),
            &format!("channel={channel} late={late}"),
        )?;
        tx.commit().ctx("committing request import")?;
        self.flush_head()?;
        Ok(Imported::New(RequestId(id)))
    }

    fn event(
        &self,
        request: i64,
        status: RequestStatus,
        note: Option<&str>,
    ) -> Result<(), StoreError> {
        let note = match note.filter(|n| !n.trim().is_empty()) {
            Some(n) => Some(self.put_note(n)?),
            None => None,
        };
        self.conn()
            .execute(
                "INSERT INTO request_events(request, ts, user, status, note) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![request, time::now(), self.actor(), status.as_str(), note],
            )
            .ctx("recording a request event")?;
        Ok(())
    }

    /// Every request, oldest first.
    pub fn requests(&self) -> Result<Vec<RequestInfo>, StoreError> {
        let mut st = self
            .conn()
            .prepare("SELECT id, received, due, extended_due, late, status, channel FROM requests ORDER BY id")
            .ctx("listing requests")?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, bool>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                ))
            })
            .ctx("listing requests")?
            .collect::<Result<Vec<_>, _>>()
            .ctx("listing requests")?;
        rows.into_iter()
            .map(|(id, received, due, ext, late, status, channel)| {
                Ok(RequestInfo {
                    id: RequestId(id),
                    received: parse_date(&received)?,
                    due: parse_date(ext.as_deref().unwrap_or(&due))?,
                    extended: ext.is_some(),
                    late,
                    status: RequestStatus::parse(&status).ok_or_else(|| {
                        StoreError::Corrupt(format!("request {id} has status {status}"))
                    })?,
                    channel,
                })
            })
            .collect()
    }

    pub fn request_info(&self, id: RequestId) -> Result<RequestInfo, StoreError> {
        self.requests()?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or(StoreError::NoSuchRequest(id))
    }

    fn request_key(
        &self,
        id: RequestId,
    ) -> Result<
        (
            std::rc::Rc<grondslag_vault::DataKey>,
            Option<Vec<u8>>,
            Option<Vec<u8>>,
        ),
        StoreError,
    > {
        let row: Option<(Option<i64>, Option<Vec<u8>>, Option<Vec<u8>>)> = self
            .conn()
            .query_row(
                "SELECT key_id, requester_enc, identity_enc FROM requests WHERE id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .ctx("reading a request")?;
        let Some((key_id, requester, identity)) = row else {
            return Err(StoreError::NoSuchRequest(id));
        };
        let key_id =
            key_id.ok_or_else(|| StoreError::Invalid(format!("request {id} was destroyed")))?;
        Ok((self.load_key(key_id)?, requester, identity))
    }

    /// What the request says about the requester (a view of personal data, logged).
    pub fn request_requester(&mut self, id: RequestId) -> Result<Requester, StoreError> {
        let (key, requester, _) = self.request_key(id)?;
        let sealed =
            requester.ok_or_else(|| StoreError::Invalid(format!("request {id} was destroyed")))?;
        let bytes = key.open("requester", &sealed)?;
        let r = serde_json::from_slice(&bytes)
            .map_err(|e| StoreError::Corrupt(format!("request {id}: {e}")))?;
        self.audit_view("request.view", &format!("request {id}"), "requester")?;
        self.flush_head()?;
        Ok(r)
    }

    /// The subjects confirmed as the requester.
    pub fn request_subjects(&self, id: RequestId) -> Result<Vec<SubjectId>, StoreError> {
        let mut st = self
            .conn()
            .prepare("SELECT subject FROM request_subjects WHERE request = ?1 ORDER BY subject")
            .ctx("reading request subjects")?;
        let v = st
            .query_map([id.0], |r| Ok(SubjectId(r.get(0)?)))
            .ctx("reading request subjects")?
            .collect::<Result<Vec<_>, _>>()
            .ctx("reading request subjects")?;
        Ok(v)
    }

    /// Moves a request to `status`, if its lifecycle allows it; records who and why.
    pub fn request_transition(
        &mut self,
        id: RequestId,
        status: RequestStatus,
        note: &str,
    ) -> Result<(), StoreError> {
        let info = self.request_info(id)?;
        if info.status == status && status == RequestStatus::Searched {
            return Ok(());
        }
        if !info.status.can_move_to(status) {
            return Err(StoreError::Invalid(format!(
                "request {id} is {}; it cannot become {status}",
                info.status
            )));
        }
        let tx = self
            .conn()
            .unchecked_transaction()
            .ctx("starting request update")?;
        tx.execute(
            "UPDATE requests SET status = ?1 WHERE id = ?2",
            params![status.as_str(), id.0],
        )
        .ctx("updating a request")?;
        self.event(id.0, status, Some(note))?;
        self.audit(&format!("request.{status}"), &format!("request {id}"), "")?;
        tx.commit().ctx("committing request update")?;
        self.flush_head()
    }

    /// Records which subjects are the requester and how the identity was checked.
    pub fn request_confirm(
        &mut self,
        id: RequestId,
        subjects: &[SubjectId],
        identity: &str,
    ) -> Result<(), StoreError> {
        for s in subjects {
            let exists: Option<i64> = self
                .conn()
                .query_row("SELECT id FROM subjects WHERE id = ?1", [s.0], |r| r.get(0))
                .optional()
                .ctx("reading a subject")?;
            if exists.is_none() {
                return Err(StoreError::NoSuchSubject(*s));
            }
        }
        let info = self.request_info(id)?;
        let (key, _, _) = self.request_key(id)?;
        let identity_enc = key.seal("identity", identity.as_bytes())?;
        let tx = self
            .conn()
            .unchecked_transaction()
            .ctx("starting confirmation")?;
        tx.execute("DELETE FROM request_subjects WHERE request = ?1", [id.0])
            .ctx("confirming")?;
        for s in subjects {
            tx.execute(
                "INSERT INTO request_subjects(request, subject) VALUES (?1, ?2)",
                params![id.0, s.0],
            )
            .ctx("confirming")?;
        }
        tx.execute(
            "UPDATE requests SET identity_enc = ?1 WHERE id = ?2",
            params![identity_enc, id.0],
        )
        .ctx("confirming")?;
        if info.status.can_move_to(RequestStatus::IdentityChecked) {
            tx.execute(
                "UPDATE requests SET status = 'identity_checked' WHERE id = ?1",
                [id.0],
            )
            .ctx("confirming")?;
            self.event(id.0, RequestStatus::IdentityChecked, None)?;
        }
        if !subjects.is_empty() && self.pending_objections()?.contains(&id) {
            let note: Option<i64> = tx
                .query_row(
                    "SELECT objection_note FROM requests WHERE id = ?1",
                    [id.0],
                    |r| r.get(0),
                )
                .ctx("reading an objection")?;
            let reason = self.get_note(note)?.unwrap_or_default();
            self.objection_hold_create(id, subjects, &reason)?;
        }
        let list: Vec<String> = subjects.iter().map(|s| s.0.to_string()).collect();
        self.audit(
            "request.confirm",
            &format!("request {id}"),
            &format!("subjects={}", list.join(",")),
        )?;
        tx.commit().ctx("committing confirmation")?;
        self.flush_head()
    }

    /// Extends the deadline once by up to two months; returns the new deadline.
    pub fn request_extend(
        &mut self,
        id: RequestId,
        months: u32,
        reason: &str,
    ) -> Result<NaiveDate, StoreError> {
        let info = self.request_info(id)?;
        if info.extended {
            return Err(StoreError::Invalid(format!(
                "request {id} was already extended once"
            )));
        }
        if !info.status.is_open() {
            return Err(StoreError::Invalid(format!(
                "request {id} is {}; nothing to extend",
                info.status
            )));
        }
        if reason.trim().is_empty() {
            return Err(StoreError::Invalid("an extension needs a reason".into()));
        }
        let due = deadline::extended_due_date(info.received, months).ok_or_else(|| {
            StoreError::Invalid("an extension is one or two months (AVG art. 12(3))".into())
        })?;
        let tx = self
            .conn()
            .unchecked_transaction()
            .ctx("starting extension")?;
        tx.execute(
            "UPDATE requests SET extended_due = ?1 WHERE id = ?2",
            params![due.to_string(), id.0],
        )
        .ctx("extending")?;
        self.event(id.0, info.status, Some(reason))?;
        self.audit(
            "request.extend",
            &format!("request {id}"),
            &format!("months={months}"),
        )?;
        tx.commit().ctx("committing extension")?;
        self.flush_head()?;
        Ok(due)
    }

    /// Records an objection to destruction, at any stage of a request but its destruction, in
    /// one transaction: with confirmed subjects a hold on them (the request as reference);
    /// without, a pending objection that confirmation turns into that hold. Objecting again
    /// records the new reason and keeps the one hold.
    pub fn request_object(&mut self, id: RequestId, reason: &str) -> Result<Objection, StoreError> {
        if reason.trim().is_empty() {
            return Err(StoreError::ReasonRequired);
        }
        let info = self.request_info(id)?;
        if info.status == RequestStatus::Destroyed {
            return Err(StoreError::Invalid(format!("request {id} was destroyed")));
        }
        let subjects = self.request_subjects(id)?;
        let existing = self.objection_hold(id)?;
        let tx = self
            .conn()
            .unchecked_transaction()
            .ctx("starting an objection")?;
        let note = self.put_note(reason)?;
        tx.execute(
            "UPDATE requests SET objection_note = ?1 WHERE id = ?2",
            params![note, id.0],
        )
        .ctx("recording an objection")?;
        let outcome = match existing {
            Some(h) => Objection::Hold(h),
            None if subjects.is_empty() => Objection::Pending,
            None => Objection::Hold(self.objection_hold_create(id, &subjects, reason)?),
        };
        if info.status.can_move_to(RequestStatus::Objected) {
            tx.execute(
                "UPDATE requests SET status = 'objected' WHERE id = ?1",
                [id.0],
            )
            .ctx("updating a request")?;
        }
        self.event(id.0, RequestStatus::Objected, Some(reason))?;
        self.audit(
            "request.object",
            &format!("request {id}"),
            &match outcome {
                Objection::Hold(h) => format!("hold={h} reason=note {note}"),
                Objection::Pending => format!("pending confirmation reason=note {note}"),
            },
        )?;
        tx.commit().ctx("committing an objection")?;
        self.flush_head()?;
        Ok(outcome)
    }

    /// The active hold an objection of this request made, if any.
    fn objection_hold(&self, id: RequestId) -> Result<Option<HoldId>, StoreError> {
        self.conn()
            .query_row(
                "SELECT h.id FROM requests r JOIN holds h ON h.id = r.objection_hold
                 WHERE r.id = ?1 AND h.lifted_at IS NULL",
                [id.0],
                |r| Ok(HoldId(r.get(0)?)),
            )
            .optional()
            .ctx("reading an objection")
    }

    /// The hold of an objection, inside the caller's transaction.
    fn objection_hold_create(
        &self,
        id: RequestId,
        subjects: &[SubjectId],
        reason: &str,
    ) -> Result<HoldId, StoreError> {
        let scope: Vec<HoldScope> = subjects.iter().map(|s| HoldScope::Subject(*s)).collect();
        let hold = self.hold_insert(reason, &format!("inzageverzoek {}", id.0), &scope)?;
        self.conn()
            .execute(
                "UPDATE requests SET objection_hold = ?1 WHERE id = ?2",
                params![hold.0, id.0],
            )
            .ctx("recording an objection hold")?;
        Ok(hold)
    }

    /// Requests whose objection waits for the confirmation of their subjects.
    pub fn pending_objections(&self) -> Result<Vec<RequestId>, StoreError> {
        let v: Vec<(i64,)> = self.rows(
            "SELECT id FROM requests WHERE objection_note IS NOT NULL AND objection_hold IS NULL
             AND status != 'destroyed' ORDER BY id",
            [],
            "listing pending objections",
        )?;
        Ok(v.into_iter().map(|(id,)| RequestId(id)).collect())
    }

    /// Subjects named by a request that is not destroyed: they are kept even when all their
    /// documents are destroyed.
    pub fn request_named_subjects(&self) -> Result<BTreeSet<i64>, StoreError> {
        let mut st = self
            .conn()
            .prepare(
                "SELECT DISTINCT rs.subject FROM request_subjects rs JOIN requests r ON r.id = rs.request
                 WHERE r.status NOT IN ('closed', 'destroyed')",
            )
            .ctx("reading request subjects")?;
        let v = st
            .query_map([], |r| r.get(0))
            .ctx("reading request subjects")?
            .collect::<Result<BTreeSet<i64>, _>>()
            .ctx("reading request subjects")?;
        Ok(v)
    }

    /// Destroys every closed request that no hold protects: its mail, what was recorded about
    /// the requester, its notes and its subject links. Called by a destruction run before its
    /// KEK rotation, so older backups cannot bring the request back either.
    pub(crate) fn destroy_closed_requests(
        &self,
        run: RunId,
        held_subjects: &BTreeSet<i64>,
    ) -> Result<Vec<RequestId>, StoreError> {
        let closed: Vec<(i64, Option<i64>, Option<String>, Option<Vec<u8>>)> = self.rows(
            "SELECT id, key_id, blob, mac FROM requests WHERE status = 'closed'",
            [],
            "listing closed requests",
        )?;
        let mut destroyed = Vec::new();
        for (id, key_id, blob, mac) in closed {
            let subjects = self.request_subjects(RequestId(id))?;
            if subjects.iter().any(|s| held_subjects.contains(&s.0)) {
                continue;
            }
            let tx = self
                .conn()
                .unchecked_transaction()
                .ctx("starting request destruction")?;
            if let Some(b) = &blob {
                tx.execute(
                    "INSERT OR IGNORE INTO pending_blob_deletes(blob) VALUES (?1)",
                    [b],
                )
                .ctx("queueing a blob delete")?;
            }
            if let Some(k) = key_id {
                tx.execute("DELETE FROM keys WHERE id = ?1", [k])
                    .ctx("shredding a request key")?;
            }
            tx.execute(
                "DELETE FROM keys WHERE id IN (SELECT n.key_id FROM notes n JOIN request_events e ON e.note = n.id WHERE e.request = ?1)",
                [id],
            )
            .ctx("shredding request notes")?;
            tx.execute(
                "DELETE FROM notes WHERE id IN (SELECT note FROM request_events WHERE request = ?1)",
                [id],
            )
            .ctx("shredding request notes")?;
            tx.execute(
                "UPDATE request_events SET note = NULL WHERE request = ?1",
                [id],
            )
            .ctx("shredding request notes")?;
            tx.execute("DELETE FROM request_subjects WHERE request = ?1", [id])
                .ctx("unlinking request subjects")?;
            if let Some(mac) = &mac {
                self.tombstone_request(mac, run)?;
            }
            tx.execute(
                "UPDATE requests SET status = 'destroyed', key_id = NULL, blob = NULL, requester_enc = NULL,
                 identity_enc = NULL, mac = NULL, destroyed_run = ?1 WHERE id = ?2",
                params![run.0, id],
            )
            .ctx("marking a request destroyed")?;
            self.event(id, RequestStatus::Destroyed, None)?;
            self.audit(
                "request.destroy",
                &format!("request {id}"),
                &format!("run={}", run.0),
            )?;
            tx.commit().ctx("committing request destruction")?;
            if let Some(b) = blob.as_deref().and_then(|b| BlobId::parse(b).ok()) {
                self.vault().delete_blob(&b)?;
            }
            destroyed.push(RequestId(id));
        }
        self.forget_cached_key();
        Ok(destroyed)
    }

    /// Every subject with the names and identifiers linked to it, for `request search`. One
    /// audit entry records the search as a view of personal data.
    pub fn subject_profiles(
        &mut self,
    ) -> Result<Vec<(SubjectId, grondslag_subjects::SubjectProfile)>, StoreError> {
        // Which finding belongs to which subject, grouped by document so every document's
        // findings are decrypted once.
        let links: Vec<(i64, i64, i64)> = self.rows(
            "SELECT f.doc, sf.finding, sf.subject FROM subject_findings sf
                     JOIN findings f ON f.id = sf.finding ORDER BY f.doc",
            [],
            "reading subject links",
        )?;
        // (subject, document, kind, value) of every finding linked to a subject.
        let mut held: Vec<(i64, i64, String, String)> = Vec::new();
        let mut i = 0;
        while i < links.len() {
            let doc = links[i].0;
            let mut owner: std::collections::HashMap<i64, i64> = Default::default();
            while i < links.len() && links[i].0 == doc {
                owner.insert(links[i].1, links[i].2);
                i += 1;
            }
            let Ok(findings) = self.findings_of(crate::DocId(doc)) else {
                continue;
            };
            for f in findings {
                if let Some(s) = owner.get(&f.id.0) {
                    held.push((*s, doc, f.kind, f.value));
                }
            }
        }
        let ids: Vec<i64> = held
            .iter()
            .map(|h| h.0)
            .collect::<std::collections::BTreeSet<i64>>()
            .into_iter()
            .collect();
        // The profiles see the documents too: a name one document writes for two subjects.
        let profiles = grondslag_subjects::profiles(
            ids.len(),
            held.iter()
                .map(|(s, doc, kind, value)| grondslag_subjects::HeldFinding {
                    subject: ids.binary_search(s).unwrap_or_default(),
                    doc: *doc as u64,
                    kind,
                    value,
                }),
        );
        let out: Vec<(SubjectId, grondslag_subjects::SubjectProfile)> =
            ids.into_iter().map(SubjectId).zip(profiles).collect();
        self.audit_view(
            "subjects.search",
            "subjects",
            &format!("profiles={}", out.len()),
        )?;
        self.flush_head()?;
        Ok(out)
    }
}

fn parse_date(s: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| StoreError::Corrupt(format!("date {s:?} in requests")))
}
