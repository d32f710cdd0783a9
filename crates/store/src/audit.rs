//! The tamper-evident audit log: a hash chain in table `audit_log`, signed checkpoints in
//! `audit_checkpoint`, and the signed head in `keys/audit-head`.
//!
//! An entry's hash is SHA-256 over a length-prefixed encoding of its rowid, content and the
//! previous entry's hash, so an edit, deletion, insertion or reordering breaks the chain at
//! the first affected row. The chain alone is unkeyed (anyone can recompute it); the ed25519
//! signatures on checkpoints and on the head, made with a key kept in `keys/`, are what stop a
//! rewrite of the whole tail, and the head outside the database is what catches deleting the
//! last entries.

use grondslag_vault::{hex, sha256, AuditHead};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::{time, DbContext, Store, StoreError};

/// Entries between signed checkpoints.
const CHECKPOINT_EVERY: i64 = 100;
const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The outcome of a successful [`Store::audit_verify`].
#[derive(Debug, Clone, Serialize)]
pub struct AuditReport {
    pub entries: u64,
    pub checkpoints: u64,
    /// The rowid named by the signed head in `keys/`.
    pub head: Option<i64>,
    /// Entries after the signed head that chain correctly (left by a crash between a commit and
    /// the head write).
    pub unsigned_tail: u64,
}

/// Why the audit log failed verification. `Display` starts with `entry N` for a failing row.
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error("entry {entry}: {what}")]
    Entry { entry: i64, what: AuditFault },
    #[error("cannot read the audit log: {0}")]
    Store(#[from] StoreError),
}

/// What is wrong with the entry an [`AuditError`] names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuditFault {
    #[error("a column is not text (edited)")]
    NotText,
    #[error("missing: entry {found} follows entry {previous} (entries deleted or renumbered)")]
    Gap { previous: i64, found: i64 },
    #[error("does not chain to the entry before it (entries inserted, deleted or reordered)")]
    Unchained,
    #[error("its content does not match its hash (edited)")]
    Edited,
    #[error("its signed checkpoint has an invalid signature")]
    CheckpointSignature,
    #[error("missing: a signed checkpoint names entry {named} but the log ends at entry {end}")]
    CheckpointBeyondEnd { named: i64, end: i64 },
    #[error("does not match its signed checkpoint (the log was rewritten)")]
    CheckpointMismatch,
    #[error("the signed head in keys/audit-head has an invalid signature")]
    HeadSignature,
    #[error("missing: the signed head names entry {named} but the log ends at entry {end} (last entries deleted)")]
    HeadBeyondEnd { named: i64, end: i64 },
    #[error("does not match the signed head in keys/audit-head (the log was rewritten)")]
    HeadMismatch,
    #[error("the log has entries but keys/audit-head is missing")]
    HeadMissing,
}

pub(crate) fn entry_hash(rowid: i64, fields: [&str; 6], prev_hash: &str) -> String {
    let mut buf = Vec::with_capacity(256);
    let mut put = |s: &[u8]| {
        buf.extend_from_slice(&(s.len() as u64).to_be_bytes());
        buf.extend_from_slice(s);
    };
    put(b"grondslag-audit-v1");
    put(rowid.to_string().as_bytes());
    for f in fields {
        put(f.as_bytes());
    }
    put(prev_hash.as_bytes());
    hex(&sha256(&buf))
}

impl Store {
    fn signed_message(&self, rowid: i64, hash: &str) -> Vec<u8> {
        format!(
            "grondslag-audit-head {} {rowid} {hash}",
            self.vault.store_id()
        )
        .into_bytes()
    }

    /// Whether the log has no entry.
    pub(crate) fn audit_is_empty(&self) -> Result<bool, StoreError> {
        self.conn()
            .query_row("SELECT NOT EXISTS(SELECT 1 FROM audit_log)", [], |r| {
                r.get(0)
            })
            .ctx("reading the audit log")
    }

    /// Writes the head of an empty log: entry 0, the genesis hash.
    pub(crate) fn write_genesis_head(&self) -> Result<(), StoreError> {
        self.write_head(0, GENESIS, true)
    }

    /// The head never moves backwards: before this process writes its first entry, the log
    /// must still hold the entry the signed head in `keys/` names, with that hash. A log cut
    /// short, or an older database put back, is refused here, so no command can re-sign the
    /// head over it and make `audit verify` pass again.
    pub(crate) fn check_head(&self) -> Result<(), StoreError> {
        if self.head_checked.get() {
            return Ok(());
        }
        let last: i64 = self
            .conn()
            .query_row("SELECT COALESCE(MAX(rowid), 0) FROM audit_log", [], |r| {
                r.get(0)
            })
            .ctx("reading the audit head")?;
        match self.vault.read_head()? {
            None if last > 0 => return Err(StoreError::AuditHeadMissing),
            None => {}
            Some(h) => {
                let signed = self
                    .vault
                    .verify_signature(&self.signed_message(h.rowid, &h.hash), &h.signature);
                let holds = h.rowid == 0 && h.hash == GENESIS
                    || self
                        .conn()
                        .query_row(
                            "SELECT hash FROM audit_log WHERE rowid = ?1",
                            [h.rowid],
                            |r| r.get::<_, String>(0),
                        )
                        .optional()
                        .ctx("reading the audit head")?
                        .is_some_and(|hash| hash == h.hash);
                if !signed || !holds {
                    return Err(StoreError::AuditRollback {
                        head: h.rowid,
                        log_end: last,
                    });
                }
            }
        }
        self.head_checked.set(true);
        Ok(())
    }

    /// Appends one audit entry (inside the caller's transaction, if any). `object` and
    /// `details` must hold ids, counts and kinds only. Refused when the log no longer reaches
    /// the signed head ([`StoreError::AuditRollback`]).
    pub(crate) fn audit(
        &self,
        action: &str,
        object: &str,
        details: &str,
    ) -> Result<(), StoreError> {
        self.check_head()?;
        let last: Option<(i64, String)> = self
            .conn()
            .query_row(
                "SELECT rowid, hash FROM audit_log ORDER BY rowid DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .ctx("reading the audit head")?;
        let (prev_rowid, prev_hash) = last.unwrap_or((0, GENESIS.to_string()));
        let rowid = prev_rowid + 1;
        let ts = time::now();
        let fields = [
            ts.as_str(),
            self.actor(),
            action,
            object,
            self.purpose.as_str(),
            details,
        ];
        let hash = entry_hash(rowid, fields, &prev_hash);
        self.conn()
            .execute(
                "INSERT INTO audit_log(rowid, ts, user, action, object, purpose, details, prev_hash, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![rowid, ts, self.actor(), action, object, self.purpose, details, prev_hash, hash],
            )
            .ctx("appending to the audit log")?;
        if rowid % CHECKPOINT_EVERY == 0 {
            self.insert_checkpoint(rowid, &hash)?;
        }
        self.head_dirty.set(Some((rowid, hash)));
        Ok(())
    }

    /// A view of personal data: an audit entry like any other, with the current purpose.
    pub(crate) fn audit_view(
        &self,
        action: &str,
        object: &str,
        details: &str,
    ) -> Result<(), StoreError> {
        self.audit(action, object, details)
    }

    fn insert_checkpoint(&self, rowid: i64, hash: &str) -> Result<(), StoreError> {
        let sig = self.vault.sign(&self.signed_message(rowid, hash));
        self.conn()
            .execute(
                "INSERT INTO audit_checkpoint(entry, hash, signature) VALUES (?1, ?2, ?3)",
                params![rowid, hash, sig],
            )
            .ctx("writing an audit checkpoint")?;
        self.last_checkpoint.set(rowid);
        Ok(())
    }

    /// Writes the latest appended entry as the signed head in `keys/`. Called after the
    /// transaction that appended it committed. While an ingest batch is open its entries are
    /// not committed yet, so nothing is written: [`Store::commit_batch`] flushes after its
    /// commit. (A head ahead of the committed log would make `audit verify` fail after a crash.)
    pub(crate) fn flush_head(&self) -> Result<(), StoreError> {
        if self.batch_open() {
            return Ok(());
        }
        if let Some((rowid, hash)) = self.head_dirty.take() {
            self.write_head(rowid, &hash, false)?;
        }
        Ok(())
    }

    /// [`Store::flush_head`] for bulk work: writes the head at most twice a second. Entries
    /// not yet under the head are an unsigned tail until the next write (at the latest when the
    /// store is dropped).
    pub(crate) fn flush_head_lazy(&self) -> Result<(), StoreError> {
        let due = self
            .head_written
            .get()
            .is_none_or(|t| t.elapsed() >= std::time::Duration::from_millis(500));
        if due {
            self.flush_head()?;
        }
        Ok(())
    }

    pub(crate) fn write_head(
        &self,
        rowid: i64,
        hash: &str,
        durable: bool,
    ) -> Result<(), StoreError> {
        let signature = self.vault.sign(&self.signed_message(rowid, hash));
        self.head_written.set(Some(std::time::Instant::now()));
        self.vault.write_head(
            &AuditHead {
                rowid,
                hash: hash.to_string(),
                signature,
            },
            durable,
        )?;
        Ok(())
    }

    /// Signs a checkpoint for the last entry (if it has none yet) and writes the head. Run at
    /// the end of a command; [`Store`]'s drop does it too.
    pub fn checkpoint_now(&self) -> Result<(), StoreError> {
        self.flush_head()?;
        let last: Option<(i64, String)> = self
            .conn()
            .query_row(
                "SELECT rowid, hash FROM audit_log ORDER BY rowid DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .ctx("reading the audit head")?;
        if let Some((rowid, hash)) = last {
            if rowid > self.last_checkpoint.get() {
                // Only sign what the signed head already vouches for: never launder rows that
                // appeared in the database behind our back.
                if let Some(h) = self.vault.read_head()? {
                    if h.rowid == rowid && h.hash == hash {
                        self.insert_checkpoint(rowid, &hash)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Appends an entry for an event of the caller (the CLI's own actions).
    pub fn audit_append(
        &mut self,
        action: &str,
        object: &str,
        details: &str,
    ) -> Result<(), StoreError> {
        self.audit(action, object, details)?;
        self.flush_head()
    }

    /// Recomputes the chain and checks checkpoints and the signed head. The first failing row is
    /// named as `entry N` (N its rowid).
    pub fn audit_verify(&self) -> Result<AuditReport, AuditError> {
        let conn = self.conn();
        let mut st = conn
            .prepare("SELECT rowid, ts, user, action, object, purpose, details, prev_hash, hash FROM audit_log ORDER BY rowid")
            .ctx("reading the audit log")?;
        let mut rows = st.query([]).ctx("reading the audit log")?;
        let mut prev_rowid = 0i64;
        let mut prev_hash = GENESIS.to_string();
        let mut entries = 0u64;
        while let Some(r) = rows.next().ctx("reading the audit log")? {
            let rowid: i64 = r.get(0).ctx("reading the audit log")?;
            let text = |i: usize| -> Result<String, AuditError> {
                r.get::<_, String>(i).map_err(|_| AuditError::Entry {
                    entry: rowid,
                    what: AuditFault::NotText,
                })
            };
            let (ts, user, action, object, purpose, details, stored_prev, stored_hash) = (
                text(1)?,
                text(2)?,
                text(3)?,
                text(4)?,
                text(5)?,
                text(6)?,
                text(7)?,
                text(8)?,
            );
            if rowid != prev_rowid + 1 {
                let first_missing = prev_rowid + 1;
                return Err(AuditError::Entry {
                    entry: first_missing,
                    what: AuditFault::Gap {
                        previous: prev_rowid,
                        found: rowid,
                    },
                });
            }
            if stored_prev != prev_hash {
                return Err(AuditError::Entry {
                    entry: rowid,
                    what: AuditFault::Unchained,
                });
            }
            let computed = entry_hash(
                rowid,
                [&ts, &user, &action, &object, &purpose, &details],
                &stored_prev,
            );
            if computed != stored_hash {
                return Err(AuditError::Entry {
                    entry: rowid,
                    what: AuditFault::Edited,
                });
            }
            prev_rowid = rowid;
            prev_hash = stored_hash;
            entries += 1;
        }
        drop(rows);
        drop(st);

        // Signed checkpoints: each must name an existing entry with the same hash.
        let mut st = conn
            .prepare("SELECT entry, hash, signature FROM audit_checkpoint ORDER BY entry")
            .ctx("reading audit checkpoints")?;
        let cps = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .ctx("reading audit checkpoints")?
            .collect::<Result<Vec<_>, _>>()
            .ctx("reading audit checkpoints")?;
        let mut checkpoints = 0u64;
        for (entry, hash, sig) in &cps {
            if !self
                .vault
                .verify_signature(&self.signed_message(*entry, hash), sig)
            {
                return Err(AuditError::Entry {
                    entry: *entry,
                    what: AuditFault::CheckpointSignature,
                });
            }
            if *entry > prev_rowid {
                return Err(AuditError::Entry {
                    entry: prev_rowid + 1,
                    what: AuditFault::CheckpointBeyondEnd {
                        named: *entry,
                        end: prev_rowid,
                    },
                });
            }
            let stored: Option<String> = conn
                .query_row(
                    "SELECT hash FROM audit_log WHERE rowid = ?1",
                    [entry],
                    |r| r.get(0),
                )
                .optional()
                .ctx("reading the audit log")?;
            if stored.as_deref() != Some(hash.as_str()) {
                return Err(AuditError::Entry {
                    entry: *entry,
                    what: AuditFault::CheckpointMismatch,
                });
            }
            checkpoints += 1;
        }

        // The signed head kept outside the database.
        let head = self.vault.read_head().map_err(StoreError::from)?;
        let mut unsigned_tail = 0;
        if let Some(h) = head.as_ref().filter(|h| h.rowid > 0 || h.hash != GENESIS) {
            if !self
                .vault
                .verify_signature(&self.signed_message(h.rowid, &h.hash), &h.signature)
            {
                return Err(AuditError::Entry {
                    entry: h.rowid,
                    what: AuditFault::HeadSignature,
                });
            }
            if h.rowid > prev_rowid {
                return Err(AuditError::Entry {
                    entry: prev_rowid + 1,
                    what: AuditFault::HeadBeyondEnd {
                        named: h.rowid,
                        end: prev_rowid,
                    },
                });
            }
            let stored: Option<String> = conn
                .query_row(
                    "SELECT hash FROM audit_log WHERE rowid = ?1",
                    [h.rowid],
                    |r| r.get(0),
                )
                .optional()
                .ctx("reading the audit log")?;
            if stored.as_deref() != Some(h.hash.as_str()) {
                return Err(AuditError::Entry {
                    entry: h.rowid,
                    what: AuditFault::HeadMismatch,
                });
            }
            unsigned_tail = (prev_rowid - h.rowid) as u64;
        } else if let Some(h) = &head {
            // The head of an empty log (entry 0): still signed by this store.
            if !self
                .vault
                .verify_signature(&self.signed_message(h.rowid, &h.hash), &h.signature)
            {
                return Err(AuditError::Entry {
                    entry: 0,
                    what: AuditFault::HeadSignature,
                });
            }
            unsigned_tail = entries;
        } else if entries > 0 {
            return Err(AuditError::Entry {
                entry: 1,
                what: AuditFault::HeadMissing,
            });
        }
        Ok(AuditReport {
            entries,
            checkpoints,
            head: head.map(|h| h.rowid),
            unsigned_tail,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_covers_rowid_every_field_and_prev() {
        let f = ["2024-01-01T00:00:00Z", "u", "a", "o", "p", "d"];
        let h = entry_hash(1, f, GENESIS);
        assert_eq!(h, entry_hash(1, f, GENESIS));
        assert_eq!(h.len(), 64);
        assert_ne!(h, entry_hash(2, f, GENESIS));
        assert_ne!(h, entry_hash(1, f, &h));
        for i in 0..6 {
            let mut g = f;
            g[i] = "x";
            assert_ne!(h, entry_hash(1, g, GENESIS), "field {i}");
        }
        // Length prefixes: moving a character between fields changes the hash.
        assert_ne!(
            entry_hash(1, ["ab", "c", "", "", "", ""], GENESIS),
            entry_hash(1, ["a", "bc", "", "", "", ""], GENESIS)
        );
    }
}
