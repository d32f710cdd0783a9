//! Tombstones: what was destroyed stays destroyed, also when the source still holds it.
//!
//! Destroying a document (or archiving it: the original is gone, only the redacted copy is
//! kept) or an access request leaves a tombstone: the keyed HMAC of its content, under the
//! store's lookup key, with the run that destroyed it — no content, no path. A later scan that
//! meets the same content does not store it again but records that the source still holds it
//! (`resurfaced`, keyed by the path's HMAC); a later `requests import` does not re-create the
//! request. The originals on the share and in the mailbox must be deleted too: the tool reports
//! them, `destroy execute --delete-sources` deletes what it can reach.

use rusqlite::{params, OptionalExtension};

use crate::{time, DbContext, DocId, RunId, Store, StoreError};

pub(crate) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS tombstones(
  mac BLOB PRIMARY KEY, kind TEXT NOT NULL, run INTEGER NOT NULL, doc INTEGER, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS resurfaced(
  path_mac BLOB PRIMARY KEY, run INTEGER NOT NULL, scan INTEGER, seen_at TEXT NOT NULL);
";

/// A destroyed content met again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tombstone {
    pub run: RunId,
    /// The destroyed document (none for a request).
    pub doc: Option<DocId>,
}

impl Store {
    /// Leaves the tombstone of a document's content (inside the caller's transaction, before
    /// the content's HMAC is cleared).
    pub(crate) fn tombstone_document(&self, doc: DocId, run: RunId) -> Result<(), StoreError> {
        self.conn()
            .execute(
                "INSERT OR IGNORE INTO tombstones(mac, kind, run, doc, at)
                 SELECT content_mac, 'document', ?1, id, ?2 FROM documents
                 WHERE id = ?3 AND content_mac IS NOT NULL",
                params![run.0, time::now(), doc.0],
            )
            .ctx("leaving a tombstone")?;
        Ok(())
    }

    /// Leaves the tombstone of a request mail (its HMAC as `requests.mac` holds it).
    pub(crate) fn tombstone_request(&self, mac: &[u8], run: RunId) -> Result<(), StoreError> {
        self.conn()
            .execute(
                "INSERT OR IGNORE INTO tombstones(mac, kind, run, doc, at) VALUES (?1, 'request', ?2, NULL, ?3)",
                params![mac, run.0, time::now()],
            )
            .ctx("leaving a tombstone")?;
        Ok(())
    }

    /// The tombstone of a content HMAC, if that content was destroyed.
    pub(crate) fn tombstone(&self, mac: &[u8]) -> Result<Option<Tombstone>, StoreError> {
        self.conn()
            .query_row(
                "SELECT run, doc FROM tombstones WHERE mac = ?1",
                [mac],
                |r| {
                    Ok(Tombstone {
                        run: RunId(r.get(0)?),
                        doc: r.get::<_, Option<i64>>(1)?.map(DocId),
                    })
                },
            )
            .optional()
            .ctx("looking up a tombstone")
    }

    /// Records that the source at `path_mac` still holds content destroyed by `run`, as seen
    /// by the latest scan.
    pub(crate) fn record_resurfaced(&self, path_mac: &[u8], run: RunId) -> Result<(), StoreError> {
        self.conn()
            .execute(
                "INSERT INTO resurfaced(path_mac, run, scan, seen_at)
                 VALUES (?1, ?2, (SELECT MAX(id) FROM scans), ?3)
                 ON CONFLICT(path_mac) DO UPDATE SET run = ?2, scan = (SELECT MAX(id) FROM scans), seen_at = ?3",
                params![path_mac, run.0, time::now()],
            )
            .ctx("recording a resurfaced source")?;
        Ok(())
    }

    /// Sources the latest scan found still holding destroyed content.
    pub fn resurfaced_count(&self) -> Result<u64, StoreError> {
        let n: i64 = self
            .conn()
            .query_row(
                "SELECT COUNT(*) FROM resurfaced WHERE scan = (SELECT MAX(id) FROM scans)",
                [],
                |r| r.get(0),
            )
            .ctx("counting resurfaced sources")?;
        Ok(n as u64)
    }
}

/// A file a scan read, as it named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub document: DocId,
    pub path: String,
    /// False for a document inside another (`OUTER!inner`): only the outer file exists.
    pub top_level: bool,
}

impl Store {
    /// The paths at which the documents still to be destroyed or archived by `run` were found
    /// (a view of personal data: paths can hold names; logged). Read before executing, for
    /// `destroy execute --delete-sources`.
    pub fn run_sources(&mut self, run: RunId) -> Result<Vec<Source>, StoreError> {
        let docs: Vec<(i64,)> = self.rows(
            "SELECT doc FROM run_items WHERE run = ?1 AND outcome IS NULL AND action IN ('destroy', 'archive') ORDER BY doc",
            [run.0],
            "listing run items",
        )?;
        let mut out = Vec::new();
        for (doc,) in docs {
            let doc = DocId(doc);
            let Ok(key) = self.doc_key(doc) else {
                continue;
            };
            let paths: Vec<(Vec<u8>, Option<i64>)> = self.rows(
                "SELECT path_enc, parent FROM paths WHERE doc = ?1 ORDER BY id",
                [doc.0],
                "reading paths",
            )?;
            for (enc, parent) in paths {
                out.push(Source {
                    document: doc,
                    path: key.open_string("path", &enc)?,
                    top_level: parent.is_none(),
                });
            }
        }
        self.audit_view(
            "sources viewed",
            &format!("run {run}"),
            &format!("paths={}", out.len()),
        )?;
        self.flush_head()?;
        Ok(out)
    }

    /// The run that destroyed this content, if one did (its tombstone).
    pub fn destroyed_content(&self, bytes: &[u8]) -> Result<Option<RunId>, StoreError> {
        let mac = self.vault().mac("content", bytes);
        Ok(self.tombstone(&mac)?.map(|t| t.run))
    }

    /// Records in the audit log what `--delete-sources` did (counts only).
    pub fn record_sources_deleted(
        &mut self,
        run: RunId,
        deleted: usize,
        unreachable: usize,
    ) -> Result<(), StoreError> {
        self.audit(
            "sources deleted",
            &format!("run {run}"),
            &format!("deleted={deleted} unreachable={unreachable}"),
        )?;
        self.flush_head()
    }
}
