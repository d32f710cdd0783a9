//! Backups: one tar file with a consistent copy of the database (`VACUUM INTO`), every vault
//! blob and a manifest (store id, KEK generation, creation time, SHA-256 of every member).
//! `keys/` is never included: that is what lets crypto-shredding reach backups.
//!
//! A restore checks the manifest (same store, every member intact) before it touches anything,
//! stages the backup inside DIR, writes the store's history into the staged database (the audit
//! log, destruction runs, tombstones, users; destructions and archives since the backup), and
//! then swaps the database and the vault by renames under a journal. The keys stay. The log
//! after a restore is the store's own log plus an entry that records the restore: the head
//! never moves backwards.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use grondslag_vault::{hex, make_dir, random_hex, BlobId};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{time, DbContext, Store, StoreError};

const FORMAT: &str = "grondslag-backup-1";

/// The outcome of [`Store::restore`].
#[derive(Debug, Clone, Serialize)]
pub struct RestoreReport {
    pub created_at: String,
    pub kek_generation: u32,
    /// Documents restored (active and archived).
    pub documents: u64,
    /// Restored documents whose keys can no longer be unwrapped (none where the store still
    /// held their key).
    pub documents_unreadable: u64,
    /// Documents destroyed after the backup was made, kept destroyed.
    pub kept_destroyed: u64,
    /// Documents archived after the backup was made, kept archived (the redacted copy).
    pub kept_archived: u64,
    /// Destruction runs in the store's record, all kept.
    pub kept_runs: u64,
    /// Entries in the audit log after the restore (the store's log, plus the restore's).
    pub audit_entries: u64,
}

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: String,
    store_id: String,
    kek_generation: u32,
    created_at: String,
    members: Vec<Member>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Member {
    name: String,
    size: u64,
    sha256: String,
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

struct HashingWriter<W> {
    inner: W,
    hasher: Sha256,
    size: u64,
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn file_sha256(path: &Path) -> Result<(String, u64), StoreError> {
    let mut f = File::open(path).map_err(io_err(path))?;
    let mut w = HashingWriter {
        inner: io::sink(),
        hasher: Sha256::new(),
        size: 0,
    };
    io::copy(&mut f, &mut w).map_err(io_err(path))?;
    Ok((hex(&w.hasher.finalize()), w.size))
}

fn append_file<W: Write>(
    tar: &mut tar::Builder<W>,
    name: &str,
    path: &Path,
) -> Result<(), StoreError> {
    let mut f = File::open(path).map_err(io_err(path))?;
    let len = f.metadata().map_err(io_err(path))?.len();
    let mut h = tar::Header::new_gnu();
    h.set_size(len);
    h.set_mode(0o600);
    h.set_mtime(0);
    h.set_entry_type(tar::EntryType::Regular);
    tar.append_data(&mut h, name, &mut f).map_err(io_err(path))
}

fn new_private_file(path: &Path) -> Result<File, StoreError> {
    let mut o = fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path).map_err(io_err(path))
}

impl Store {
    /// Writes one backup file holding a consistent copy of the database and every vault blob.
    pub fn backup(&mut self, out: &Path) -> Result<(), StoreError> {
        let generation = self.vault.current_generation()?;
        let created_at = time::now();
        // Recorded first, so the backup holds the entry that made it.
        self.audit(
            "backup created",
            "backup",
            &format!("kek_generation={generation}"),
        )?;
        self.flush_head()?;
        let tmp_db = self.home.join(format!(".backup-{}.db", random_hex(8)?));
        let tmp_str = tmp_db
            .to_str()
            .ok_or_else(|| StoreError::Invalid("the home path is not UTF-8".into()))?;
        self.conn()
            .execute("VACUUM INTO ?1", [tmp_str])
            .ctx("copying the database for a backup")?;
        let result = self.write_backup(out, &tmp_db, generation, &created_at);
        let _ = fs::remove_file(&tmp_db);
        result
    }

    fn write_backup(
        &self,
        out: &Path,
        db: &Path,
        generation: u32,
        created_at: &str,
    ) -> Result<(), StoreError> {
        let mut members = Vec::new();
        let (sha, size) = file_sha256(db)?;
        members.push(Member {
            name: "grondslag.db".into(),
            size,
            sha256: sha,
        });
        let dir = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let tmp_out = dir.join(format!(".grondslag-backup-{}.tmp", random_hex(6)?));
        let file = new_private_file(&tmp_out)?;
        let result = (|| {
            let mut tar = tar::Builder::new(io::BufWriter::new(file));
            append_file(&mut tar, "grondslag.db", db)?;
            for id in self.vault.blob_ids()? {
                let bytes = self.vault.raw_blob(&id)?;
                let name = format!("vault/{}/{}", &id.as_str()[..2], id.as_str());
                members.push(Member {
                    name: name.clone(),
                    size: bytes.len() as u64,
                    sha256: hex(&Sha256::digest(&bytes)),
                });
                let mut h = tar::Header::new_gnu();
                h.set_size(bytes.len() as u64);
                h.set_mode(0o600);
                h.set_mtime(0);
                h.set_entry_type(tar::EntryType::Regular);
                tar.append_data(&mut h, &name, bytes.as_slice())
                    .map_err(io_err(&tmp_out))?;
            }
            let manifest = Manifest {
                format: FORMAT.into(),
                store_id: self.vault.store_id().to_string(),
                kek_generation: generation,
                created_at: created_at.to_string(),
                members,
            };
            let json = serde_json::to_vec_pretty(&manifest)
                .map_err(|e| StoreError::Invalid(format!("manifest: {e}")))?;
            let mut h = tar::Header::new_gnu();
            h.set_size(json.len() as u64);
            h.set_mode(0o600);
            h.set_mtime(0);
            h.set_entry_type(tar::EntryType::Regular);
            tar.append_data(&mut h, "manifest.json", json.as_slice())
                .map_err(io_err(&tmp_out))?;
            let w = tar.into_inner().map_err(io_err(&tmp_out))?;
            let f = w
                .into_inner()
                .map_err(|e| io_err(&tmp_out)(e.into_error()))?;
            f.sync_all().map_err(io_err(&tmp_out))?;
            fs::rename(&tmp_out, out).map_err(io_err(out))
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp_out);
        }
        result
    }

    /// Replaces the documents (and everything derived from them) and the vault by those of
    /// `file`, keeping `keys/` and the store's history: the audit log, every destruction run
    /// with its items, approvals and decisions, the tombstones and the users. Documents and
    /// requests destroyed after the backup stay destroyed; documents archived after it stay
    /// archived (their redacted copy is carried over). Key rows the store still holds replace
    /// the backup's, so a backup older than a run restores its living documents readable.
    ///
    /// A backup older than the last executed run is restored only when `confirm` says so.
    /// The restore is staged inside DIR and swapped in by renames under a journal: killed at
    /// any point, the next open of the store finishes it or rolls it back
    /// ([`recover_interrupted_restore`]).
    pub fn restore(
        &mut self,
        file: &Path,
        confirm: &dyn Fn(&RestorePreview) -> bool,
    ) -> Result<RestoreReport, StoreError> {
        // A log that no longer reaches its signed head is not made whole by a restore.
        self.check_head()?;
        let stage = self.home.join(format!(".restore-{}", random_hex(8)?));
        make_dir(&stage.join("vault"))?;
        write_journal(&stage, "staging")?;
        let result = self.restore_staged(file, &stage, confirm);
        if result.is_err() {
            // Before the swap nothing in DIR changed; after it the journal says "swapped" and
            // only the leftovers remain.
            let _ = fs::remove_dir_all(&stage);
        }
        result
    }

    fn restore_staged(
        &mut self,
        file: &Path,
        stage: &Path,
        confirm: &dyn Fn(&RestorePreview) -> bool,
    ) -> Result<RestoreReport, StoreError> {
        let manifest = unpack(file, stage)?;
        if manifest.store_id != self.vault.store_id() {
            return Err(StoreError::WrongStore {
                backup: manifest.store_id,
                this: self.vault.store_id().to_string(),
            });
        }
        // Runs the store executed that the backup does not know as executed: it is older.
        let staged_db = stage.join("grondslag.db");
        let executed_in_backup: std::collections::BTreeSet<i64> = {
            let b =
                Connection::open_with_flags(&staged_db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                    .ctx("opening the backup's database")?;
            let mut st = b
                .prepare("SELECT id FROM runs WHERE state = 'executed'")
                .ctx("reading the backup's runs")?;
            let v = st
                .query_map([], |r| r.get(0))
                .ctx("reading the backup's runs")?
                .collect::<Result<_, _>>()
                .ctx("reading the backup's runs")?;
            v
        };
        let runs_after = self
            .runs()?
            .iter()
            .filter(|r| r.state == "executed" && !executed_in_backup.contains(&r.id.0))
            .count() as i64;
        let preview = RestorePreview {
            created_at: manifest.created_at.clone(),
            runs_after: runs_after as u64,
        };
        if runs_after > 0 && !confirm(&preview) {
            return Err(StoreError::RestoreNeedsConfirmation {
                runs: runs_after as u64,
            });
        }
        // Everything the restore must keep is written into the backup's database, in the stage.
        self.checkpoint_now()?;
        self.conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .ctx("checkpointing the database")?;
        let (merged, blobs) = merge_into_backup(&staged_db, &self.home.join("grondslag.db"))?;
        // The vault follows the restored database: every blob it names is there (the backup's,
        // or the store's: a request, an archived copy, a prepared copy), and no other.
        let stage_vault = stage.join("vault");
        for blob in &blobs {
            let Ok(id) = BlobId::parse(blob) else {
                continue;
            };
            let target = stage_vault.join(&blob[..2]).join(id.as_str());
            if target.exists() || !self.vault.has_blob(&id) {
                continue;
            }
            let bytes = self.vault.raw_blob(&id)?;
            make_dir(&stage_vault.join(&blob[..2]))?;
            let mut f = new_private_file(&target)?;
            f.write_all(&bytes).map_err(io_err(&target))?;
            f.sync_all().map_err(io_err(&target))?;
        }
        for shard in fs::read_dir(&stage_vault)
            .map_err(io_err(&stage_vault))?
            .flatten()
        {
            for f in fs::read_dir(shard.path()).into_iter().flatten().flatten() {
                let name = f.file_name();
                if !name.to_str().is_some_and(|n| blobs.contains(n)) {
                    fs::remove_file(f.path()).map_err(io_err(&f.path()))?;
                }
            }
        }
        // Swap: from here on the journal lets the next open finish the restore.
        self.forget_cached_key();
        let placeholder = Connection::open_in_memory().ctx("opening a placeholder connection")?;
        let old = std::mem::replace(&mut self.conn, placeholder);
        old.close().map_err(|(_, e)| StoreError::Db {
            context: "closing the database before a restore",
            source: e,
        })?;
        write_journal(stage, "swapping")?;
        crash_point("restore-swapping");
        swap_in(&self.home, stage)?;
        self.conn = crate::open_db(&self.home.join("grondslag.db"))?;
        self.last_checkpoint.set(0);
        self.head_dirty.set(None);
        self.head_checked.set(false);
        self.init()?;
        let removed = self.remove_orphan_subjects()?;
        let report = self.record_restore(&manifest, &merged, removed)?;
        let _ = fs::remove_dir_all(stage);
        Ok(report)
    }

    /// The audit entry of a restore, and its report.
    fn record_restore(
        &mut self,
        manifest: &Manifest,
        merged: &Merged,
        subjects_removed: u64,
    ) -> Result<RestoreReport, StoreError> {
        let present = self.vault.kek_generations()?;
        let count = |sql: &str| -> Result<u64, StoreError> {
            self.conn()
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
                .ctx("counting documents")
        };
        let documents = count("SELECT COUNT(*) FROM documents WHERE status != 'destroyed'")?;
        let list: Vec<String> = present.iter().map(|g| g.to_string()).collect();
        let unreadable = count(&format!(
            "SELECT COUNT(*) FROM documents d JOIN keys k ON k.id = d.key_id
             WHERE d.status != 'destroyed' AND k.generation NOT IN ({})",
            if list.is_empty() {
                "-1".to_string()
            } else {
                list.join(",")
            }
        ))?;
        let entries = count("SELECT COUNT(*) FROM audit_log")?;
        let runs = count("SELECT COUNT(*) FROM runs")?;
        self.audit(
            "restored",
            "backup",
            &format!(
                "backup_created={} backup_kek_generation={} documents={documents} unreadable={unreadable} kept_destroyed={} kept_archived={} kept_runs={runs} subjects_removed={subjects_removed}",
                manifest.created_at, manifest.kek_generation, merged.kept_destroyed, merged.kept_archived
            ),
        )?;
        if let Some((rowid, hash)) = self.head_dirty.take() {
            self.write_head(rowid, &hash, true)?;
        }
        self.checkpoint_now()?;
        Ok(RestoreReport {
            created_at: manifest.created_at.clone(),
            kek_generation: manifest.kek_generation,
            documents,
            documents_unreadable: unreadable,
            kept_destroyed: merged.kept_destroyed,
            kept_archived: merged.kept_archived,
            kept_runs: runs,
            audit_entries: entries + 1,
        })
    }
}

/// The tables a restore takes from the backup: the inventory. Every other table — keys,
/// notes, decisions, holds, destruction runs, requests, users, tombstones, the audit log — is
/// the store's own and is kept as the store has it (keys and notes never reuse an id, so a key
/// or note the backup's rows name is the store's row of that id, or was shredded since).
const RESTORED_TABLES: &[&str] = &[
    "documents",
    "paths",
    "findings",
    "subjects",
    "subject_findings",
];

/// What [`merge_into_backup`] did.
#[derive(Debug, Default)]
struct Merged {
    kept_destroyed: u64,
    kept_archived: u64,
}

/// Makes the backup's database at `staged` the restored one: the store's database `current`
/// (attached read-only) gives every table but the inventory; documents destroyed or archived
/// since the backup keep that state; what the inventory names but the store has shredded
/// since is dropped. One transaction. Returns the blobs the restored database refers to.
fn merge_into_backup(
    staged: &Path,
    current: &Path,
) -> Result<(Merged, std::collections::BTreeSet<String>), StoreError> {
    let conn = Connection::open(staged).ctx("opening the backup's database")?;
    // No WAL in the stage: the file is renamed into place whole.
    // Tables are replaced whole, in an order foreign keys would object to midway.
    conn.execute_batch(
        "PRAGMA journal_mode = DELETE; PRAGMA secure_delete = ON; PRAGMA foreign_keys = OFF;",
    )
    .ctx("setting pragmas")?;
    crate::migrate::migrate(&conn)?;
    let cur = current
        .to_str()
        .ok_or_else(|| StoreError::Invalid("the home path is not UTF-8".into()))?;
    conn.execute("ATTACH DATABASE ?1 AS cur", [cur])
        .ctx("attaching the store's database")?;
    let tx = conn.unchecked_transaction().ctx("starting the merge")?;
    let mut merged = Merged::default();
    let tables: Vec<String> = {
        let mut st = tx
            .prepare("SELECT name FROM cur.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .ctx("reading the schema")?;
        let v = st
            .query_map([], |r| r.get::<_, String>(0))
            .ctx("reading the schema")?
            .collect::<Result<Vec<_>, _>>()
            .ctx("reading the schema")?;
        v
    };
    for table in tables
        .iter()
        .filter(|t| !RESTORED_TABLES.contains(&t.as_str()))
    {
        // Tables of a newer store than the backup exist in the stage after `migrate`; a table
        // the backup lacks entirely is created like the store's.
        let exists: bool = tx
            .query_row(
                "SELECT COUNT(*) > 0 FROM main.sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .ctx("reading the schema")?;
        if !exists {
            let sql: String = tx
                .query_row(
                    "SELECT sql FROM cur.sqlite_master WHERE type = 'table' AND name = ?1",
                    [table],
                    |r| r.get(0),
                )
                .ctx("reading the schema")?;
            tx.execute_batch(&sql).ctx("creating a table")?;
        }
        let columns = common_columns(&tx, table)?;
        // audit_log has no id column: its rowid is its entry number.
        let rowid = if table == "audit_log" { "rowid, " } else { "" };
        tx.execute_batch(&format!(
            "DELETE FROM main.\"{table}\";
             INSERT INTO main.\"{table}\"({rowid}{columns}) SELECT {rowid}{columns} FROM cur.\"{table}\";"
        ))
        .ctx("keeping the store's records")?;
    }
    // Documents destroyed or archived since the backup stay so: the store's row replaces the
    // backup's, and the backup's findings, path links and subject links go with it.
    let changed: Vec<(i64, String)> = {
        let mut st = tx
            .prepare(
                "SELECT b.id, c.status FROM main.documents b JOIN cur.documents c ON c.id = b.id
                 WHERE c.status IN ('destroyed', 'archived') AND b.status != c.status",
            )
            .ctx("comparing documents")?;
        let v = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .ctx("comparing documents")?
            .collect::<Result<Vec<_>, _>>()
            .ctx("comparing documents")?;
        v
    };
    for (id, status) in &changed {
        tx.execute_batch(&format!(
            "DELETE FROM main.subject_findings WHERE finding IN (SELECT id FROM main.findings WHERE doc = {id});
             DELETE FROM main.findings WHERE doc = {id};
             DELETE FROM main.paths WHERE doc = {id};
             INSERT OR REPLACE INTO main.documents SELECT * FROM cur.documents WHERE id = {id};
             INSERT INTO main.paths SELECT * FROM cur.paths WHERE doc = {id};"
        ))
        .ctx("keeping a destruction")?;
        if status == "archived" {
            merged.kept_archived += 1;
        } else {
            merged.kept_destroyed += 1;
        }
    }
    // Documents destroyed after the backup that it never held are on record as destroyed too.
    let only_in_store: i64 = tx
        .query_row(
            "SELECT COUNT(*) FROM cur.documents WHERE status = 'destroyed' AND id NOT IN (SELECT id FROM main.documents)",
            [],
            |r| r.get(0),
        )
        .ctx("comparing documents")?;
    tx.execute_batch(
        "INSERT INTO main.documents SELECT * FROM cur.documents
           WHERE status = 'destroyed' AND id NOT IN (SELECT id FROM main.documents);",
    )
    .ctx("keeping a destruction")?;
    merged.kept_destroyed += only_in_store as u64;
    // Ids are never reused, also not those the store handed out after the backup was made.
    tx.execute_batch(
        "UPDATE main.sqlite_sequence SET seq = MAX(seq, COALESCE(
           (SELECT c.seq FROM cur.sqlite_sequence c WHERE c.name = main.sqlite_sequence.name), 0));
         INSERT INTO main.sqlite_sequence(name, seq) SELECT name, seq FROM cur.sqlite_sequence
           WHERE name NOT IN (SELECT name FROM main.sqlite_sequence);",
    )
    .ctx("keeping ids unique")?;
    // Subjects whose key was shredded since the backup cannot be read: they go (resolution
    // makes them again from the restored findings).
    tx.execute_batch(
        "DELETE FROM main.subject_findings WHERE subject IN
           (SELECT id FROM main.subjects WHERE key_id NOT IN (SELECT id FROM main.keys));
         DELETE FROM main.subjects WHERE key_id NOT IN (SELECT id FROM main.keys);
         DELETE FROM main.keys WHERE id NOT IN (
           SELECT key_id FROM main.documents WHERE key_id IS NOT NULL
           UNION SELECT key_id FROM main.subjects
           UNION SELECT key_id FROM main.notes
           UNION SELECT key_id FROM main.requests WHERE key_id IS NOT NULL
           UNION SELECT prepared_key FROM main.run_items WHERE prepared_key IS NOT NULL);",
    )
    .ctx("dropping what was shredded")?;
    let blobs: std::collections::BTreeSet<String> = {
        let mut st = tx
            .prepare(
                "SELECT original_blob FROM main.documents UNION SELECT text_blob FROM main.documents
                 UNION SELECT archived_blob FROM main.documents UNION SELECT blob FROM main.requests
                 UNION SELECT prepared_blob FROM main.run_items",
            )
            .ctx("listing blobs")?;
        let v = st
            .query_map([], |r| r.get::<_, Option<String>>(0))
            .ctx("listing blobs")?
            .filter_map(|r| r.transpose())
            .collect::<Result<_, _>>()
            .ctx("listing blobs")?;
        v
    };
    tx.commit().ctx("committing the merge")?;
    conn.execute("DETACH DATABASE cur", [])
        .ctx("detaching the store's database")?;
    conn.close().map_err(|(_, e)| StoreError::Db {
        context: "closing the backup's database",
        source: e,
    })?;
    fsync(staged)?;
    Ok((merged, blobs))
}

/// The columns `table` has in both databases, comma-separated (a backup from an older version
/// may lack newer ones; `migrate` added them, so this is every column of the store's table).
fn common_columns(conn: &Connection, table: &str) -> Result<String, StoreError> {
    let mut st = conn
        .prepare(&format!(
            "SELECT name FROM cur.pragma_table_info('{table}')"
        ))
        .ctx("reading the schema")?;
    let names = st
        .query_map([], |r| r.get::<_, String>(0))
        .ctx("reading the schema")?
        .collect::<Result<Vec<_>, _>>()
        .ctx("reading the schema")?;
    let mut out = Vec::new();
    for n in names {
        if crate::migrate::has_column(conn, table, &n)? {
            out.push(format!("\"{n}\""));
        }
    }
    Ok(out.join(", "))
}

fn fsync(path: &Path) -> Result<(), StoreError> {
    File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(io_err(path))
}

/// What a restore is about to do, for the confirmation of an old backup.
#[derive(Debug, Clone, Serialize)]
pub struct RestorePreview {
    pub created_at: String,
    /// Destruction runs executed after the backup was made.
    pub runs_after: u64,
}

fn write_journal(stage: &Path, state: &str) -> Result<(), StoreError> {
    grondslag_vault::write_atomic(&stage.join("journal"), state.as_bytes(), true)?;
    Ok(())
}

/// Moves the current database and vault aside (into the stage) and the staged ones in. Every
/// step can be redone: a step whose source is gone was done.
fn swap_in(home: &Path, stage: &Path) -> Result<(), StoreError> {
    let aside = stage.join("replaced");
    make_dir(&aside)?;
    let db = home.join("grondslag.db");
    if stage.join("grondslag.db").exists() {
        for suffix in ["", "-wal", "-shm"] {
            let p = PathBuf::from(format!("{}{suffix}", db.display()));
            if p.exists() {
                fs::rename(&p, aside.join(format!("grondslag.db{suffix}"))).map_err(io_err(&p))?;
            }
        }
        crash_point("restore-db-aside");
        fs::rename(stage.join("grondslag.db"), &db).map_err(io_err(&db))?;
    }
    crash_point("restore-db-in");
    let vault = home.join("vault");
    if stage.join("vault").exists() {
        if vault.exists() {
            fs::rename(&vault, aside.join("vault")).map_err(io_err(&vault))?;
        }
        crash_point("restore-vault-aside");
        fs::rename(stage.join("vault"), &vault).map_err(io_err(&vault))?;
    }
    write_journal(stage, "swapped")?;
    crash_point("restore-swapped");
    Ok(())
}

/// Finishes or rolls back a restore that was killed: a stage still "staging" never touched
/// DIR and is removed; one "swapping" is swapped in to the end; then the leftovers go. The
/// audit entry of a restore finished here is written by the next command that writes (the
/// log itself is whole either way: the staged one holds the store's log).
pub(crate) fn recover_interrupted_restore(home: &Path) -> Result<(), StoreError> {
    let Ok(entries) = fs::read_dir(home) else {
        return Ok(());
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        if !name.starts_with(".restore-") || !e.path().is_dir() {
            continue;
        }
        let stage = e.path();
        let state = fs::read_to_string(stage.join("journal")).unwrap_or_default();
        if state.trim() == "swapping" {
            swap_in(home, &stage)?;
        }
        fs::remove_dir_all(&stage).map_err(io_err(&stage))?;
    }
    // A backup being written when the process was killed.
    for e in fs::read_dir(home).map_err(io_err(home))?.flatten() {
        let name = e.file_name();
        if name.to_str().is_some_and(|n| n.starts_with(".backup-")) {
            let _ = fs::remove_file(e.path());
        }
    }
    Ok(())
}

/// Test builds stop the process here when `GRONDSLAG_CRASH_AT` names this point (the
/// kill -9 tests of an interrupted restore); release builds have no such hook.
fn crash_point(name: &str) {
    #[cfg(debug_assertions)]
    if std::env::var("GRONDSLAG_CRASH_AT").is_ok_and(|v| v == name) {
        std::process::abort();
    }
    #[cfg(not(debug_assertions))]
    let _ = name;
}

/// Unpacks a backup into `stage` and checks it against its manifest.
fn unpack(file: &Path, stage: &Path) -> Result<Manifest, StoreError> {
    let f = File::open(file).map_err(io_err(file))?;
    let mut archive = tar::Archive::new(io::BufReader::new(f));
    let mut seen: Vec<(String, String, u64)> = Vec::new();
    let mut manifest: Option<Manifest> = None;
    // tar's errors can quote the bytes they failed on (a file that is not a backup at all):
    // they are never passed on.
    let not_a_backup =
        || StoreError::BadBackup("not a grondslag backup (no readable archive)".into());
    for entry in archive.entries().map_err(|_| not_a_backup())? {
        let mut entry = entry.map_err(|_| not_a_backup())?;
        let name = entry
            .path()
            .map_err(|_| StoreError::BadBackup("a member name is not valid".into()))?
            .to_string_lossy()
            .into_owned();
        if name == "manifest.json" {
            let mut buf = Vec::new();
            entry.read_to_end(&mut buf).map_err(|_| not_a_backup())?;
            manifest = Some(
                serde_json::from_slice(&buf)
                    .map_err(|_| StoreError::BadBackup("manifest.json is not valid".into()))?,
            );
            continue;
        }
        let target = if name == "grondslag.db" {
            stage.join("grondslag.db")
        } else {
            // Only vault/<shard>/<blob id>; anything else could point outside the stage.
            let parts: Vec<&str> = name.split('/').collect();
            match parts.as_slice() {
                ["vault", shard, id]
                    if BlobId::parse(id).is_ok() && id.starts_with(shard) && shard.len() == 2 =>
                {
                    let dir = stage.join("vault").join(shard);
                    make_dir(&dir)?;
                    dir.join(id)
                }
                _ => {
                    return Err(StoreError::BadBackup(
                        "unexpected member in the backup".into(),
                    ))
                }
            }
        };
        let out = new_private_file(&target)?;
        let mut w = HashingWriter {
            inner: io::BufWriter::new(out),
            hasher: Sha256::new(),
            size: 0,
        };
        io::copy(&mut entry, &mut w)
            .map_err(|_| StoreError::BadBackup("a member is truncated".into()))?;
        w.flush().map_err(io_err(&target))?;
        seen.push((name, hex(&w.hasher.finalize()), w.size));
    }
    let manifest =
        manifest.ok_or_else(|| StoreError::BadBackup("no manifest.json (truncated?)".into()))?;
    if manifest.format != FORMAT {
        return Err(StoreError::BadBackup(format!(
            "unknown format {}",
            manifest.format
        )));
    }
    if seen.len() != manifest.members.len() {
        return Err(StoreError::BadBackup(format!(
            "{} members, the manifest lists {}",
            seen.len(),
            manifest.members.len()
        )));
    }
    let by_name: std::collections::HashMap<&str, &Member> = manifest
        .members
        .iter()
        .map(|m| (m.name.as_str(), m))
        .collect();
    for (name, sha, size) in &seen {
        match by_name.get(name.as_str()) {
            Some(m) if &m.sha256 == sha && m.size == *size => {}
            _ => {
                return Err(StoreError::BadBackup(
                    "a member does not match the manifest (damaged)".into(),
                ))
            }
        }
    }
    if !seen.iter().any(|s| s.0 == "grondslag.db") {
        return Err(StoreError::BadBackup("no database in the backup".into()));
    }
    Ok(manifest)
}
