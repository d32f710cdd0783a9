//! Backups: one tar file with a consistent copy of the database (`VACUUM INTO`), every vault
//! blob and a manifest (store id, KEK generation, creation time, SHA-256 of every member).
//! `keys/` is never included: that is what lets crypto-shredding reach backups.
//!
//! A restore checks the manifest (same store, every member intact) before it touches anything,
//! stages the backup inside DIR, and then swaps the database and the vault by renames. The keys
//! stay; an audit entry records the restore and the head it replaced, and the head is
//! re-anchored so `audit verify` passes on any intact restore.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use grondslag_vault::{hex, make_dir, random_hex, BlobId, Vault};
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
    pub documents: u64,
    /// Documents of the backup whose keys can no longer be unwrapped (the backup predates a
    /// destruction run that erased their KEK).
    pub documents_unreadable: u64,
    /// The audit entry (rowid) the restore replaced as head.
    pub replaced_head: Option<i64>,
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

    /// Replaces the database and the vault by those of `file`, keeping `keys/`. Any intact
    /// backup of this store restores (old ones too: their destroyed documents stay unreadable).
    pub fn restore(&mut self, file: &Path) -> Result<RestoreReport, StoreError> {
        let stage = self.home.join(format!(".restore-{}", random_hex(8)?));
        make_dir(&stage.join("vault"))?;
        let result = self.restore_staged(file, &stage);
        let _ = fs::remove_dir_all(&stage);
        result
    }

    fn restore_staged(&mut self, file: &Path, stage: &Path) -> Result<RestoreReport, StoreError> {
        let manifest = unpack(file, stage)?;
        if manifest.store_id != self.vault.store_id() {
            return Err(StoreError::WrongStore {
                backup: manifest.store_id,
                this: self.vault.store_id().to_string(),
            });
        }
        let old_head = self.vault.read_head()?;
        // Swap: close the database, move the current database and vault aside, move the
        // staged ones in.
        self.checkpoint_now()?;
        let placeholder = Connection::open_in_memory().ctx("opening a placeholder connection")?;
        let old = std::mem::replace(&mut self.conn, placeholder);
        old.close().map_err(|(_, e)| StoreError::Db {
            context: "closing the database before a restore",
            source: e,
        })?;
        self.forget_cached_key();
        let db = self.home.join("grondslag.db");
        let aside = stage.join("replaced");
        make_dir(&aside)?;
        for suffix in ["", "-wal", "-shm"] {
            let p = PathBuf::from(format!("{}{suffix}", db.display()));
            if p.exists() {
                fs::rename(&p, aside.join(format!("grondslag.db{suffix}"))).map_err(io_err(&p))?;
            }
        }
        fs::rename(stage.join("grondslag.db"), &db).map_err(io_err(&db))?;
        let vault_dir = self.vault.vault_dir().to_path_buf();
        if vault_dir.exists() {
            fs::rename(&vault_dir, aside.join("vault")).map_err(io_err(&vault_dir))?;
        }
        fs::rename(stage.join("vault"), &vault_dir).map_err(io_err(&vault_dir))?;
        self.conn = crate::open_db(&db)?;
        self.last_checkpoint.set(0);
        self.head_dirty.set(None);
        self.init()?;

        let present = self.vault.kek_generations()?;
        let documents: i64 = self
            .conn()
            .query_row(
                "SELECT COUNT(*) FROM documents WHERE status != 'destroyed'",
                [],
                |r| r.get(0),
            )
            .ctx("counting documents")?;
        let list: Vec<String> = present.iter().map(|g| g.to_string()).collect();
        let unreadable: i64 = self
            .conn()
            .query_row(
                &format!(
                    "SELECT COUNT(*) FROM documents d JOIN keys k ON k.id = d.key_id WHERE k.generation NOT IN ({})",
                    if list.is_empty() { "-1".to_string() } else { list.join(",") }
                ),
                [],
                |r| r.get(0),
            )
            .ctx("counting unreadable documents")?;
        let replaced = old_head
            .as_ref()
            .map(|h| format!("{}:{}", h.rowid, h.hash))
            .unwrap_or_else(|| "none".into());
        self.audit(
            "restored",
            "backup",
            &format!(
                "backup_created={} backup_kek_generation={} replaced_head={replaced} documents={documents} unreadable={unreadable}",
                manifest.created_at, manifest.kek_generation
            ),
        )?;
        if let Some((rowid, hash)) = self.head_dirty.take() {
            self.write_head(rowid, &hash, true)?;
        }
        self.checkpoint_now()?;
        Ok(RestoreReport {
            created_at: manifest.created_at,
            kek_generation: manifest.kek_generation,
            documents: documents as u64,
            documents_unreadable: unreadable as u64,
            replaced_head: old_head.map(|h| h.rowid),
        })
    }
}

/// Unpacks a backup into `stage` and checks it against its manifest.
fn unpack(file: &Path, stage: &Path) -> Result<Manifest, StoreError> {
    let f = File::open(file).map_err(io_err(file))?;
    let mut archive = tar::Archive::new(io::BufReader::new(f));
    let mut seen: Vec<(String, String, u64)> = Vec::new();
    let mut manifest: Option<Manifest> = None;
    for entry in archive.entries().map_err(io_err(file))? {
        let mut entry =
            entry.map_err(|e| StoreError::BadBackup(format!("unreadable tar entry: {e}")))?;
        let name = entry
            .path()
            .map_err(|_| StoreError::BadBackup("a member name is not valid".into()))?
            .to_string_lossy()
            .into_owned();
        if name == "manifest.json" {
            let mut buf = Vec::new();
            entry.read_to_end(&mut buf).map_err(io_err(file))?;
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
            .map_err(|e| StoreError::BadBackup(format!("truncated member: {e}")))?;
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
    let _ = Vault::write_raw_blob_in; // blobs are written directly above; the vault layout is the same
    Ok(manifest)
}
