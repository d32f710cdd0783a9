//! grondslag-store: the embedded inventory of one grondslag home (`--home DIR`).
//!
//! # What it owns
//! - `DIR/grondslag.db` (SQLite, WAL mode, `secure_delete=ON`): documents, path links, findings,
//!   data subjects, assessments, holds, destruction runs, the records of processing (AVG art. 30)
//!   and the audit log (`audit_log`, one row per entry in rowid order, hash-chained).
//! - Through [`grondslag_vault::Vault`]: `DIR/vault/` (encrypted blobs) and `DIR/keys/` (KEKs,
//!   the lookup HMAC key, the audit signing key and the signed audit head).
//!
//! # Invariants
//! - **No personal data in plain text under DIR.** Paths, finding values, subject names and
//!   evidence, and every reason or reference typed by an official are sealed with a data key:
//!   per document the document's key, per subject the subject's key, per note its own key. Data
//!   keys live in table `keys` only wrapped under the current KEK. Lookups (dedup by content,
//!   "unchanged file" by path) use keyed HMACs, never plain hashes. Audit entries carry ids,
//!   counts and kinds only. Unreadable reasons and document types are given by the caller and
//!   must not contain personal data.
//! - **Crypto-shredding.** Destroying a document deletes its wrapped key, findings and path
//!   links in one transaction (the blob ids go to `pending_blob_deletes` in the same transaction)
//!   and then deletes its blobs. After every executed run the KEK is rotated: generation g+1 is
//!   created, every remaining wrapped key is rewrapped, the change is committed and only then
//!   `kek-g` is erased. Backups hold the database and the vault but never `keys/`, so a backup
//!   made before a run only holds keys wrapped under an erased KEK: it restores, but none of its
//!   documents can be unwrapped any more ([`StoreError::KeyGone`]). A backup made after the run
//!   restores every active and archived document (until the next run rotates again).
//! - **Destruction runs are a persisted state machine**: planned → approved (two distinct users)
//!   → executing → executed. [`Store::execute`] is idempotent and resumable after a crash at
//!   any point; holds are re-checked per document inside the transaction that destroys it, so a
//!   hold made after planning still protects. A document is never marked destroyed while its key
//!   is still stored; a KEK is erased only after every key that can still be unwrapped was
//!   rewrapped under the newer generation.
//! - **Audit log**: every action and every view of personal data appends an entry whose hash
//!   covers its rowid, content and the previous hash. Every 100 entries and when the store is
//!   dropped a checkpoint (rowid, hash) is signed with ed25519; the latest signed head is kept in
//!   `keys/audit-head`, outside the database, so deleting the last entries is caught. The head
//!   only ever names committed entries: inside an ingest batch ([`Store::begin_batch`]) it is
//!   written after [`Store::commit_batch`], never before. [`Store::audit_verify`] names the
//!   first failing row as `entry N`.
//! - **Ingest is atomic per document**, also in a batch (a savepoint per document): a document
//!   is stored whole or not at all, and its blobs are in the vault before the row naming them
//!   is committed. A batch not committed (crash, or dropped) leaves no rows.
//!
//! # Limits
//! An attacker who copied `keys/` together with a backup before a run can still read that
//! backup. Blobs written just before a crash and never committed (for a scan: up to one batch,
//! plus what its workers sealed ahead) stay in the vault as ciphertext whose key was never
//! stored. Blob files are not fsynced and SQLite runs WAL with `synchronous=NORMAL`: a kill
//! loses nothing committed; a power cut can lose the last commits, and (no ordering between
//! files without fsync) a blob written shortly before it even if its row survived. Entries appended after the last signed head (a crash between
//! commit and head write) are accepted when they chain, and reported as an unsigned tail.
//!
//! # What it must never do
//! Print, exit, or put personal data into an error message, a log line or an audit entry.

// Query rows are read into tuples named at the query; aliases would hide the column order.
#![allow(clippy::type_complexity)]

mod audit;
mod backup;
mod informing;
mod mailbox;
mod migrate;
mod org;
mod procedure;
mod requests;
mod stream;
mod subjects;
mod time;
mod tombstones;
mod trail;
mod users;
mod woo;

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use grondslag_vault::{hex, BlobId, DataKey, Vault, VaultError, WrappedKey};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

pub use audit::{AuditError, AuditFault, AuditReport};
pub use backup::{RestorePreview, RestoreReport};
pub use informing::InformingCounts;
pub use procedure::{Disposition, ExecuteReport, HoldInfo, HoldScope, Plan, RedactFn, RunInfo};
pub use procedure::{Excluded, Exclusion, RedactFailure};
pub use requests::{Imported, Objection, RequestInfo, Requester};
pub use stream::SealingStream;
pub use subjects::{NewSubject, SubjectDecision, SubjectDetail, SubjectFinding, SubjectInfo};
pub use tombstones::{Source, Tombstone};
pub use trail::{
    group_by_category, note_refs, AuditEntry, AuditFilter, RequestEvent, RunDecision, RunFacts,
    RunHold, RunItem,
};
pub use users::{user_key, BadUserName, Role, User};

macro_rules! id_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}
id_type!(
    /// A stored document (stable across commands).
    DocId
);
id_type!(
    /// A data subject (stable across re-resolution where clusters overlap).
    SubjectId
);
id_type!(
    /// A hold.
    HoldId
);
id_type!(
    /// A destruction run.
    RunId
);
id_type!(
    /// A finding in a document.
    FindingId
);
id_type!(
    /// An access request.
    RequestId
);

/// GDPR art. 9/10 kinds: special categories and criminal data.
pub const SPECIAL_KINDS: &[&str] = &[
    "religion",
    "ethnicity",
    "political",
    "health",
    "sexual_orientation",
    "trade_union",
    "criminal",
    "biometric",
    "genetic",
];

/// Errors of the store. They name ids, tables and states, never personal data.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error while {context}: {source}")]
    Db {
        context: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error("I/O error on {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("document {0} does not exist")]
    NoSuchDocument(DocId),
    #[error("document {id} was destroyed by destruction run {run}")]
    Destroyed { id: DocId, run: RunId },
    #[error("{}", key_gone_message(*.id, *.run, *.generation))]
    KeyGone {
        id: DocId,
        run: Option<RunId>,
        generation: u32,
    },
    #[error("document {0} has no extracted text (it was unreadable)")]
    NoText(DocId),
    #[error("document {id} is {status}, not active")]
    NotActive { id: DocId, status: String },
    #[error("subject {0} does not exist")]
    NoSuchSubject(SubjectId),
    #[error("hold {0} does not exist")]
    NoSuchHold(HoldId),
    #[error("hold {0} was already lifted")]
    HoldLifted(HoldId),
    #[error("destruction run {0} does not exist")]
    NoSuchRun(RunId),
    #[error("destruction run {run} was already approved by this user; a second approval must come from someone else")]
    SameApprover { run: RunId },
    #[error("destruction run {run} has {approvals} distinct approval(s); executing needs two different users")]
    NotApproved { run: RunId, approvals: usize },
    #[error("destruction run {run} is {state}; cannot {action}")]
    RunState {
        run: RunId,
        state: String,
        action: &'static str,
    },
    #[error("redaction of document {0} failed; the run stays executing and can be resumed")]
    RedactFailed(DocId),
    #[error("processing '{0}' has no legal basis: storing personal data for it is refused")]
    NoLegalBasis(String),
    #[error("processing '{0}' is not in the records of processing")]
    NoSuchProcessing(String),
    #[error("backup file is not valid: {0}")]
    BadBackup(String),
    #[error("the backup belongs to store {backup}, not to this store ({this})")]
    WrongStore { backup: String, this: String },
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error("invalid input: {0}")]
    Invalid(String),
    #[error("not a valid user name: {0:?}")]
    BadUserName(BadUserName),
    #[error("the acting user is not registered in this home")]
    UnknownUser,
    #[error("a user with this name (or one that reads the same) is already registered")]
    UserExists,
    #[error("request {0} holds an objection to destruction that waits for the confirmation of its subjects")]
    ObjectionPending(RequestId),
    #[error("a reason is required")]
    ReasonRequired,
    #[error("request {0} does not exist")]
    NoSuchRequest(RequestId),
    #[error("document {doc} is not waiting in destruction run {run}")]
    NotInRun { run: RunId, doc: DocId },
    #[error("keys/{key} does not belong to this store's database")]
    KeysMismatch { key: &'static str },
    #[error("keys/kek-{generation}.key is missing, and no destruction run erased it")]
    KekMissing { generation: u32 },
    #[error("keys/kek-{generation}.key does not unwrap this store's keys")]
    KekMismatch { generation: u32 },
    #[error("the audit log ends before the signed head (entry {head}) or forks from it")]
    AuditRollback { head: i64, log_end: i64 },
    #[error("keys/audit-head is missing while the audit log has entries")]
    AuditHeadMissing,
    #[error("the backup is older than {runs} executed destruction run(s); confirm to restore it")]
    RestoreNeedsConfirmation { runs: u64 },
}

fn key_gone_message(id: DocId, run: Option<RunId>, generation: u32) -> String {
    match run {
        Some(run) => format!(
            "the key of document {id} was erased by destruction run {run} (KEK generation {generation}): this backup predates it"
        ),
        None => format!(
            "the key of document {id} cannot be unwrapped: KEK generation {generation} is not in keys/"
        ),
    }
}

pub(crate) trait DbContext<T> {
    fn ctx(self, context: &'static str) -> Result<T, StoreError>;
}

impl<T> DbContext<T> for Result<T, rusqlite::Error> {
    fn ctx(self, context: &'static str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Db { context, source })
    }
}

/// A document to store, as the scan pipeline produced it.
#[derive(Debug, Clone)]
pub struct NewDocument<'a> {
    /// Where it was found; `OUTER!inner` for documents inside another.
    pub path: &'a str,
    /// The document it was found in (mail, archive), if any.
    pub parent: Option<DocId>,
    pub doc_type: &'a str,
    pub size: u64,
    pub mtime: i64,
    pub original: &'a [u8],
    /// The extracted text exactly as `extract` prints it; `None` when unreadable.
    pub text: Option<&'a str>,
    /// Why it could not be read (no personal data).
    pub unreadable: Option<&'a str>,
    pub needs_ocr: bool,
    pub findings: &'a [NewFinding<'a>],
}

/// A finding to store with its document.
#[derive(Debug, Clone)]
pub struct NewFinding<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: &'a str,
    pub score: f32,
    pub rule: &'a str,
    pub value: &'a str,
}

/// Writes the blobs of documents for a [`Store`] from other threads ([`Store::sealer`]).
/// Sealing is the file-creating part of ingest; a scan does it on its worker threads so the
/// single writer only runs SQL (creating files was most of the writer's time).
pub struct Sealer {
    /// Its own handle on the store's vault, so workers need no access to the store.
    vault: Vault,
}

impl Sealer {
    /// Encrypts and writes `original` and `text` (`None` when unreadable) under a new data key,
    /// wrapped under the current KEK, for [`Store::ingest_sealed`].
    pub fn seal(&self, original: &[u8], text: Option<&str>) -> Result<SealedBlobs, StoreError> {
        SealedBlobs::seal(&self.vault, original, text)
    }

    /// Deletes sealed blobs that will not be ingested.
    pub fn discard(&self, blobs: SealedBlobs) {
        blobs.discard(&self.vault);
    }

    /// Starts sealing a document as it is read, for one too large to hold in memory
    /// ([`SealingStream`]): original, content MAC and findings in one pass, memory flat.
    pub fn stream(&self) -> Result<SealingStream<'_>, StoreError> {
        SealingStream::new(&self.vault)
    }
}

/// A document's original and text encrypted under a fresh data key and written to the vault
/// ahead of [`Store::ingest_sealed`]. Until ingested the blobs are ciphertext under a key stored
/// nowhere (what a crash leaves is harmless); [`Sealer::discard`] deletes them.
pub struct SealedBlobs {
    key: DataKey,
    wrapped: WrappedKey,
    original: BlobId,
    /// Equal to `original` when the text is the content (plain text files).
    text: Option<BlobId>,
    /// Set when sealed as a stream ([`SealingStream`]): the content MAC and the spooled
    /// findings, which then replace [`NewDocument::original`] and [`NewDocument::findings`].
    streamed: Option<stream::Streamed>,
}

impl SealedBlobs {
    fn seal(vault: &Vault, original: &[u8], text: Option<&str>) -> Result<SealedBlobs, StoreError> {
        let key = DataKey::generate()?;
        let wrapped = vault.wrap(&key)?;
        let original_blob = vault.put_blob(&key, original)?;
        // A plain-text file's text is its content: one blob serves both.
        let text_blob = match text {
            Some(t) if t.as_bytes() == original => Some(original_blob.clone()),
            Some(t) => match vault.put_blob(&key, t.as_bytes()) {
                Ok(b) => Some(b),
                Err(e) => {
                    let _ = vault.delete_blob(&original_blob);
                    return Err(e.into());
                }
            },
            None => None,
        };
        Ok(SealedBlobs {
            key,
            wrapped,
            original: original_blob,
            text: text_blob,
            streamed: None,
        })
    }

    fn discard(self, vault: &Vault) {
        let _ = vault.delete_blob(&self.original);
        if let Some(t) = self.text.filter(|t| *t != self.original) {
            let _ = vault.delete_blob(&t);
        }
        if let Some(spool) = self.streamed.and_then(|s| s.findings) {
            let _ = vault.delete_blob(&spool.blob);
        }
    }
}

/// Sealed blobs handed to an ingest, deleted on drop unless taken.
struct PendingBlobs<'v> {
    vault: &'v Vault,
    blobs: Option<SealedBlobs>,
}

impl PendingBlobs<'_> {
    fn take(&mut self) -> Option<SealedBlobs> {
        self.blobs.take()
    }

    fn discard(&mut self) {
        if let Some(b) = self.blobs.take() {
            b.discard(self.vault);
        }
    }
}

impl Drop for PendingBlobs<'_> {
    fn drop(&mut self) {
        self.discard();
    }
}

/// A blob deleted on drop (a streamed document's finding spool).
struct BlobGuard<'v> {
    vault: &'v Vault,
    blob: Option<BlobId>,
}

impl Drop for BlobGuard<'_> {
    fn drop(&mut self) {
        if let Some(b) = self.blob.take() {
            let _ = self.vault.delete_blob(&b);
        }
    }
}

/// The findings of a document being ingested: given in memory, or spooled in the vault by a
/// [`SealingStream`].
enum Findings<'a> {
    Given(&'a [NewFinding<'a>]),
    Spooled(&'a stream::Spool),
}

impl Findings<'_> {
    fn count(&self) -> usize {
        match self {
            Findings::Given(f) => f.len(),
            Findings::Spooled(s) => s.count,
        }
    }

    /// The kinds among the findings (with repeats for given ones).
    fn kinds(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        match self {
            Findings::Given(f) => Box::new(f.iter().map(|f| f.kind)),
            Findings::Spooled(s) => Box::new(s.kinds.iter().map(String::as_str)),
        }
    }
}

/// The result of [`Store::ingest`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Ingested {
    pub id: DocId,
    /// False when the content was already stored (only a path link was added) or destroyed.
    pub new: bool,
    /// The run that destroyed this content before: it was not stored again (see
    /// `tombstones`), and `id` is the destroyed document.
    pub destroyed_by: Option<RunId>,
}

/// One document as `documents --json` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    pub id: DocId,
    /// Where it was first found; empty for a destroyed document (its path was shredded).
    pub path: String,
    /// Every path at which this content was found.
    pub paths: Vec<String>,
    pub doc_type: String,
    pub size: u64,
    pub readable: bool,
    pub unreadable_reason: Option<String>,
    pub needs_ocr: bool,
    pub findings: u64,
    pub special_categories: Vec<String>,
    pub status: String,
    pub disposition: Option<String>,
    pub parent: Option<DocId>,
    pub version: u32,
    pub superseded_by: Option<DocId>,
    pub held: bool,
    pub destroyed_by_run: Option<RunId>,
}

/// One finding with its decrypted value.
#[derive(Debug, Clone, Serialize)]
pub struct FindingInfo {
    pub id: FindingId,
    pub document: DocId,
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub score: f32,
    pub rule: String,
    pub value: String,
    pub subject: Option<SubjectId>,
}

/// A finding offered to subject resolution.
#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    pub finding: FindingId,
    pub document: DocId,
    pub kind: String,
    pub start: usize,
    pub end: usize,
    pub value: String,
}

/// Counts over the current inventory (destroyed documents not counted).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub documents: u64,
    pub unreadable: u64,
    pub findings: u64,
    pub subjects: u64,
    pub by_type: BTreeMap<String, u64>,
    pub findings_by_kind: BTreeMap<String, u64>,
    pub unreadable_reasons: BTreeMap<String, u64>,
    pub subjects_with_special: u64,
    pub documents_with_special: u64,
    pub needs_ocr: u64,
    pub destroyed: u64,
    pub archived: u64,
    pub assessed: u64,
    pub unassessed: u64,
    /// Files the latest scan met whose content a destruction run destroyed: the source still
    /// holds them (see `tombstones`).
    pub resurfaced: u64,
}

/// A record of processing (AVG art. 30).
#[derive(Debug, Clone, Serialize)]
pub struct Processing {
    pub id: i64,
    pub name: String,
    pub purpose: String,
    pub legal_basis: Option<String>,
    pub categories: String,
    pub retention: String,
    pub location: String,
}

/// The store of one home directory.
pub struct Store {
    home: PathBuf,
    /// The exclusive writer lock on `DIR/lock`, held as long as the store is open.
    _lock: std::fs::File,
    conn: Connection,
    vault: Vault,
    actor: String,
    purpose: String,
    /// The latest appended audit entry not yet written to `keys/audit-head`.
    head_dirty: Cell<Option<(i64, String)>>,
    /// The last checkpointed entry, to avoid re-checkpointing on drop.
    last_checkpoint: Cell<i64>,
    /// Whether this process checked that the log still reaches the signed head (before its
    /// first write: the head never moves backwards).
    head_checked: Cell<bool>,
    /// When `keys/audit-head` was last written (bulk ingest writes it at most twice a second).
    head_written: Cell<Option<std::time::Instant>>,
    key_cache: RefCell<Option<(i64, std::rc::Rc<DataKey>)>>,
    /// The open ingest batch ([`Store::begin_batch`]), if any.
    batch: RefCell<Option<OpenBatch>>,
}

/// An ingest batch: one SQLite transaction around many documents.
struct OpenBatch {
    /// The audit state when the batch began, restored if it is rolled back.
    audit: AuditState,
    /// Documents ingested into the batch so far.
    documents: usize,
    /// Blobs written for the batch: deleted again if the batch is rolled back.
    blobs: Vec<BlobId>,
}

/// The in-memory audit bookkeeping that must follow a rollback of the rows it describes.
#[derive(Clone)]
struct AuditState {
    head_dirty: Option<(i64, String)>,
    last_checkpoint: i64,
}

impl Store {
    /// Opens (creating if needed) the store in `home`, waiting for another process that has
    /// it open.
    pub fn open(home: &Path) -> Result<Store, StoreError> {
        Store::open_with(home, &|| {})
    }

    /// [`Store::open`], calling `on_wait` once if another process holds the home's writer
    /// lock (so the caller can say why nothing happens), then waiting for it.
    ///
    /// One process at a time has a home open: two scans at once would each create keys, store
    /// the same files twice and race for the audit log. Keys are made only for a new home (no
    /// database yet); a home whose database exists but whose keys are missing, or do not match
    /// its `store-id`, lookup key, signing key or KEKs, is refused, naming the key.
    pub fn open_with(home: &Path, on_wait: &dyn Fn()) -> Result<Store, StoreError> {
        grondslag_vault::make_dir(home)?;
        let lock = lock_home(home, on_wait)?;
        crate::backup::recover_interrupted_restore(home)?;
        let db = home.join("grondslag.db");
        let new_home = !db.exists();
        let vault = if new_home {
            Vault::open(home)?
        } else {
            Vault::open_existing(home)?
        };
        let conn = open_db(&db)?;
        let store = Store {
            home: home.to_path_buf(),
            _lock: lock,
            conn,
            vault,
            actor: default_actor(),
            purpose: "inventory".to_string(),
            head_dirty: Cell::new(None),
            last_checkpoint: Cell::new(0),
            head_checked: Cell::new(false),
            head_written: Cell::new(None),
            key_cache: RefCell::new(None),
            batch: RefCell::new(None),
        };
        store.init()?;
        if store.vault.read_head()?.is_none() && store.audit_is_empty()? {
            // A new log's head names "no entry yet", so that a missing head always means a
            // deleted one.
            store.write_genesis_head()?;
        }
        Ok(store)
    }

    /// The keys in `keys/` belong to this database: same store id, the lookup key and signing
    /// key it recorded (recorded now if it has not yet), and every KEK generation its wrapped
    /// keys use is present (or was erased by a run) and unwraps them.
    fn check_keys(&self) -> Result<(), StoreError> {
        let meta = |k: &str| -> Result<Option<String>, StoreError> {
            self.conn
                .query_row("SELECT v FROM meta WHERE k = ?1", [k], |r| r.get(0))
                .optional()
                .ctx("reading the store metadata")
        };
        if meta("store_id")?.as_deref() != Some(self.vault.store_id()) {
            return Err(StoreError::KeysMismatch { key: "store-id" });
        }
        let checks = [
            (
                "lookup_check",
                hex(&self.vault.mac("lookup-check", b"grondslag")),
                "lookup.key",
            ),
            (
                "audit_public_key",
                self.vault.signing_public_key(),
                "audit-signing.key",
            ),
        ];
        for (k, want, key) in checks {
            match meta(k)? {
                Some(v) if v == want => {}
                Some(_) => return Err(StoreError::KeysMismatch { key }),
                None => {
                    self.conn
                        .execute("INSERT INTO meta(k, v) VALUES (?1, ?2)", params![k, want])
                        .ctx("recording a key check")?;
                }
            }
        }
        let present = self.vault.kek_generations()?;
        let erased: Vec<u32> = self
            .vault
            .erased_keks()?
            .into_iter()
            .map(|e| e.generation)
            .collect();
        let used: Vec<(u32,)> = self.rows(
            "SELECT DISTINCT generation FROM keys ORDER BY generation",
            [],
            "reading key generations",
        )?;
        for (g,) in used {
            if present.contains(&g) {
                let (bytes,): (Vec<u8>,) = self
                    .conn
                    .query_row(
                        "SELECT wrapped FROM keys WHERE generation = ?1 LIMIT 1",
                        [g],
                        |r| Ok((r.get(0)?,)),
                    )
                    .ctx("reading a wrapped key")?;
                if self
                    .vault
                    .unwrap(&WrappedKey {
                        generation: g,
                        bytes,
                    })
                    .is_err()
                {
                    return Err(StoreError::KekMismatch { generation: g });
                }
            } else if !erased.contains(&g) {
                return Err(StoreError::KekMissing { generation: g });
            }
        }
        Ok(())
    }

    fn init(&self) -> Result<(), StoreError> {
        migrate::migrate(&self.conn)?;
        let tx = self.conn.unchecked_transaction().ctx("starting init")?;
        let id: Option<String> = tx
            .query_row("SELECT v FROM meta WHERE k = 'store_id'", [], |r| r.get(0))
            .optional()
            .ctx("reading the store id")?;
        if id.is_none() {
            tx.execute(
                "INSERT INTO meta(k, v) VALUES ('store_id', ?1), ('created_at', ?2)",
                params![self.vault.store_id(), time::now()],
            )
            .ctx("writing the store id")?;
        }
        for (name, purpose, basis, categories, retention) in DEFAULT_PROCESSINGS {
            tx.execute(
                "INSERT OR IGNORE INTO processings(name, purpose, legal_basis, categories, retention, location)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'grondslag.db en vault/ in de home-map (versleuteld)')",
                params![name, purpose, basis, categories, retention],
            )
            .ctx("seeding the records of processing")?;
        }
        tx.commit().ctx("committing init")?;
        self.check_keys()?;
        self.last_checkpoint.set(
            self.conn
                .query_row(
                    "SELECT COALESCE(MAX(entry), 0) FROM audit_checkpoint",
                    [],
                    |r| r.get(0),
                )
                .ctx("reading checkpoints")?,
        );
        self.finish_pending_deletes()?;
        self.finish_rewrap()?;
        Ok(())
    }

    /// The home directory.
    pub fn home(&self) -> &Path {
        &self.home
    }

    /// Sets the acting user recorded in the audit log.
    pub fn set_actor(&mut self, user: &str) {
        self.actor = user.to_string();
    }

    /// The acting user.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Sets the purpose recorded with views of personal data (default `inventory`).
    pub fn set_purpose(&mut self, purpose: &str) {
        self.purpose = purpose.to_string();
    }

    /// The vault (for callers that need lookup MACs or raw key operations).
    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `sql` and collects every row as `T` (a tuple of columns, in order).
    pub(crate) fn rows<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        context: &'static str,
    ) -> Result<Vec<T>, StoreError>
    where
        T: for<'r> TryFrom<&'r rusqlite::Row<'r>, Error = rusqlite::Error>,
    {
        let mut st = self.conn.prepare_cached(sql).ctx(context)?;
        let rows = st
            .query_map(params, |r| T::try_from(r))
            .ctx(context)?
            .collect::<Result<Vec<T>, _>>()
            .ctx(context);
        rows
    }

    // ---- keys ------------------------------------------------------------------------------

    /// Generates a data key, stores it wrapped and returns its row id and the key.
    pub(crate) fn new_key(&self) -> Result<(i64, DataKey), StoreError> {
        let key = DataKey::generate()?;
        let w = self.vault.wrap(&key)?;
        self.conn
            .execute(
                "INSERT INTO keys(wrapped, generation) VALUES (?1, ?2)",
                params![w.bytes, w.generation],
            )
            .ctx("storing a wrapped key")?;
        Ok((self.conn.last_insert_rowid(), key))
    }

    /// Unwraps key row `key_id`. Vault errors are returned as they are.
    pub(crate) fn load_key(&self, key_id: i64) -> Result<std::rc::Rc<DataKey>, StoreError> {
        if let Some((id, k)) = &*self.key_cache.borrow() {
            if *id == key_id {
                return Ok(k.clone());
            }
        }
        let (bytes, generation): (Vec<u8>, u32) = self
            .conn
            .query_row(
                "SELECT wrapped, generation FROM keys WHERE id = ?1",
                [key_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .ctx("reading a wrapped key")?
            .ok_or_else(|| StoreError::Corrupt(format!("key {key_id} is missing")))?;
        let k = std::rc::Rc::new(self.vault.unwrap(&WrappedKey { generation, bytes })?);
        *self.key_cache.borrow_mut() = Some((key_id, k.clone()));
        Ok(k)
    }

    pub(crate) fn forget_cached_key(&self) {
        *self.key_cache.borrow_mut() = None;
    }

    /// The key of document `id`, with [`StoreError::KeyGone`] / [`StoreError::Destroyed`]
    /// mapped for the caller.
    pub(crate) fn doc_key(&self, id: DocId) -> Result<std::rc::Rc<DataKey>, StoreError> {
        let row: Option<(String, Option<i64>, Option<i64>)> = self
            .conn
            .query_row(
                "SELECT status, key_id, destroyed_run FROM documents WHERE id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .ctx("reading a document")?;
        let Some((status, key_id, run)) = row else {
            return Err(StoreError::NoSuchDocument(id));
        };
        if status == "destroyed" {
            return Err(StoreError::Destroyed {
                id,
                run: RunId(run.unwrap_or(0)),
            });
        }
        let key_id =
            key_id.ok_or_else(|| StoreError::Corrupt(format!("document {id} has no key")))?;
        self.load_key(key_id).map_err(|e| self.map_key_error(id, e))
    }

    pub(crate) fn map_key_error(&self, id: DocId, e: StoreError) -> StoreError {
        match e {
            StoreError::Vault(VaultError::KekGone { generation }) => {
                let run = self
                    .vault
                    .erased_keks()
                    .ok()
                    .and_then(|v| v.into_iter().find(|x| x.generation == generation))
                    .map(|x| RunId(x.run));
                StoreError::KeyGone {
                    id,
                    run,
                    generation,
                }
            }
            e => e,
        }
    }

    /// On open: if a newer KEK generation exists but keys still use an older one that is still
    /// present (an interrupted rotation), rewrap them. Keys under erased generations are dead
    /// (a restored old backup) and stay as they are.
    fn finish_rewrap(&self) -> Result<(), StoreError> {
        let current = self.vault.current_generation()?;
        let present = self.vault.kek_generations()?;
        let stale: i64 = self
            .conn
            .query_row(
                "SELECT COUNT(*) FROM keys WHERE generation < ?1",
                [current],
                |r| r.get(0),
            )
            .ctx("counting stale keys")?;
        if stale == 0 {
            return Ok(());
        }
        let old: Vec<u32> = present.into_iter().filter(|g| *g < current).collect();
        if old.is_empty() {
            return Ok(());
        }
        self.rewrap_all(current)
    }

    /// Rewraps every key under a present generation older than `target` (in batches).
    pub(crate) fn rewrap_all(&self, target: u32) -> Result<(), StoreError> {
        let present = self.vault.kek_generations()?;
        for g in present.into_iter().filter(|g| *g < target) {
            loop {
                let rows: Vec<(i64, Vec<u8>)> = {
                    let mut st = self
                        .conn
                        .prepare("SELECT id, wrapped FROM keys WHERE generation = ?1 LIMIT 5000")
                        .ctx("listing keys to rewrap")?;
                    let rows = st
                        .query_map([g], |r| Ok((r.get(0)?, r.get(1)?)))
                        .ctx("listing keys to rewrap")?
                        .collect::<Result<Vec<_>, _>>()
                        .ctx("listing keys to rewrap")?;
                    rows
                };
                if rows.is_empty() {
                    break;
                }
                let tx = self.conn.unchecked_transaction().ctx("starting rewrap")?;
                for (id, bytes) in rows {
                    let w = self.vault.rewrap(&WrappedKey {
                        generation: g,
                        bytes,
                    })?;
                    tx.execute(
                        "UPDATE keys SET wrapped = ?1, generation = ?2 WHERE id = ?3",
                        params![w.bytes, w.generation, id],
                    )
                    .ctx("rewrapping a key")?;
                }
                tx.commit().ctx("committing rewrap")?;
            }
        }
        self.forget_cached_key();
        Ok(())
    }

    /// Deletes blobs whose deletion was committed but not yet done (crash recovery).
    pub(crate) fn finish_pending_deletes(&self) -> Result<(), StoreError> {
        let ids: Vec<String> = {
            let mut st = self
                .conn
                .prepare("SELECT blob FROM pending_blob_deletes")
                .ctx("listing pending deletes")?;
            let v = st
                .query_map([], |r| r.get(0))
                .ctx("listing pending deletes")?
                .collect::<Result<Vec<_>, _>>()
                .ctx("listing pending deletes")?;
            v
        };
        for id in &ids {
            if let Ok(b) = BlobId::parse(id) {
                self.vault.delete_blob(&b)?;
            }
        }
        if !ids.is_empty() {
            self.conn
                .execute("DELETE FROM pending_blob_deletes", [])
                .ctx("clearing pending deletes")?;
        }
        Ok(())
    }

    // ---- records of processing -----------------------------------------------------------

    pub(crate) fn processing_id(&self, name: &str) -> Result<i64, StoreError> {
        let row: Option<(i64, Option<String>)> = self
            .conn
            .query_row(
                "SELECT id, legal_basis FROM processings WHERE name = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .ctx("reading a processing")?;
        match row {
            None => Err(StoreError::NoSuchProcessing(name.to_string())),
            Some((_, None)) => Err(StoreError::NoLegalBasis(name.to_string())),
            Some((_, Some(b))) if b.trim().is_empty() => {
                Err(StoreError::NoLegalBasis(name.to_string()))
            }
            Some((id, Some(_))) => Ok(id),
        }
    }

    /// The records of processing (AVG art. 30).
    pub fn processings(&self) -> Result<Vec<Processing>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT id, name, purpose, legal_basis, categories, retention, location FROM processings ORDER BY id")
            .ctx("listing processings")?;
        let v = st
            .query_map([], |r| {
                Ok(Processing {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    purpose: r.get(2)?,
                    legal_basis: r.get(3)?,
                    categories: r.get(4)?,
                    retention: r.get(5)?,
                    location: r.get(6)?,
                })
            })
            .ctx("listing processings")?
            .collect::<Result<Vec<_>, _>>()
            .ctx("listing processings")?;
        Ok(v)
    }

    /// Adds or updates a record of processing. A processing without a legal basis may be
    /// recorded, but nothing can be stored for it.
    pub fn set_processing(&mut self, p: &Processing) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO processings(name, purpose, legal_basis, categories, retention, location)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT(name) DO UPDATE SET purpose = ?2, legal_basis = ?3, categories = ?4,
                   retention = ?5, location = ?6",
                params![p.name, p.purpose, p.legal_basis, p.categories, p.retention, p.location],
            )
            .ctx("writing a processing")?;
        self.audit("processing recorded", &format!("processing {}", p.name), "")?;
        self.flush_head()
    }

    /// The records of processing as CSV (header line first).
    pub fn processings_csv(&self) -> Result<String, StoreError> {
        let mut out = String::from("id,name,purpose,legal_basis,categories,retention,location\n");
        for p in self.processings()? {
            let fields = [
                p.id.to_string(),
                p.name,
                p.purpose,
                p.legal_basis.unwrap_or_default(),
                p.categories,
                p.retention,
                p.location,
            ];
            let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&line.join(","));
            out.push('\n');
        }
        Ok(out)
    }

    // ---- scan ------------------------------------------------------------------------------

    /// The current document at `path` if the file there is unchanged (same size and mtime).
    pub fn path_unchanged(
        &self,
        path: &str,
        size: u64,
        mtime: i64,
    ) -> Result<Option<DocId>, StoreError> {
        let mac = self.vault.mac("path", path.as_bytes());
        self.conn
            .query_row(
                "SELECT p.doc FROM paths p JOIN documents d ON d.id = p.doc
                 WHERE p.path_mac = ?1 AND p.current = 1 AND p.size = ?2 AND p.mtime = ?3
                   AND d.status = 'active' ORDER BY p.id DESC LIMIT 1",
                params![mac.to_vec(), size as i64, mtime],
                |r| Ok(DocId(r.get(0)?)),
            )
            .optional()
            .ctx("looking up a path")
    }

    /// Records the start of a scan; returns its id.
    pub fn begin_scan(&mut self, roots: usize) -> Result<i64, StoreError> {
        self.conn
            .execute(
                "INSERT INTO scans(started_at, user, roots) VALUES (?1, ?2, ?3)",
                params![time::now(), self.actor, roots as i64],
            )
            .ctx("recording a scan")?;
        let id = self.conn.last_insert_rowid();
        self.audit(
            "scan started",
            &format!("scan {id}"),
            &format!("roots={roots}"),
        )?;
        self.flush_head()?;
        Ok(id)
    }

    /// Records the end of a scan with its counts (no personal data).
    pub fn finish_scan(
        &mut self,
        scan: i64,
        seen: u64,
        new_documents: u64,
        unchanged: u64,
        unreadable: u64,
    ) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE scans SET finished_at = ?1, seen = ?2, new_documents = ?3, unchanged = ?4, unreadable = ?5 WHERE id = ?6",
                params![time::now(), seen as i64, new_documents as i64, unchanged as i64, unreadable as i64, scan],
            )
            .ctx("finishing a scan")?;
        self.audit(
            "scan finished",
            &format!("scan {scan}"),
            &format!(
                "seen={seen} new={new_documents} unchanged={unchanged} unreadable={unreadable}"
            ),
        )?;
        self.flush_head()
    }

    /// Opens an ingest batch: the following [`Store::ingest`] calls share one SQLite
    /// transaction (each document in a savepoint of its own, so a failing document rolls back
    /// alone) until [`Store::commit_batch`]. One commit per many documents instead of one per
    /// document is what makes a bulk scan fast on a real disk.
    ///
    /// While a batch is open the signed audit head in `keys/` is not written: it may only name
    /// entries that are committed. A batch that is never committed (a crash, or a [`Store`]
    /// dropped with the batch open) leaves nothing in the database; its blobs are ciphertext
    /// under keys that were never stored (after a crash) or are deleted (on drop). Only
    /// [`Store::ingest`] and read-only lookups ([`Store::path_unchanged`]) may be used inside a
    /// batch; other commands start transactions of their own and fail while one is open.
    pub fn begin_batch(&mut self) -> Result<(), StoreError> {
        if self.batch.borrow().is_some() {
            return Err(StoreError::Invalid(
                "an ingest batch is already open".into(),
            ));
        }
        // IMMEDIATE: take the write lock now, not at the first insert, so a concurrent writer
        // makes us wait at the start (busy timeout) instead of failing an upgrade mid-batch.
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .ctx("starting an ingest batch")?;
        *self.batch.borrow_mut() = Some(OpenBatch {
            audit: self.audit_state(),
            documents: 0,
            blobs: Vec::new(),
        });
        Ok(())
    }

    /// Commits the open ingest batch, then writes the signed audit head for the entries it
    /// committed. Without an open batch this does nothing. If the commit fails the batch is
    /// rolled back (as if it had never been opened) and the error returned.
    pub fn commit_batch(&mut self) -> Result<(), StoreError> {
        if self.batch.borrow().is_none() {
            return Ok(());
        }
        if let Err(e) = self
            .conn
            .execute_batch("COMMIT")
            .ctx("committing an ingest batch")
        {
            self.rollback_batch();
            return Err(e);
        }
        self.batch.borrow_mut().take();
        // Only now are the batch's audit entries in the committed log: the head may name them.
        self.flush_head()
    }

    /// Documents ingested into the open batch so far (0 without a batch).
    pub fn batch_documents(&self) -> usize {
        self.batch.borrow().as_ref().map_or(0, |b| b.documents)
    }

    /// Rolls the open batch back: its rows are gone, its blobs are deleted, the audit
    /// bookkeeping is as before [`Store::begin_batch`].
    fn rollback_batch(&self) {
        let Some(batch) = self.batch.borrow_mut().take() else {
            return;
        };
        // After a failed COMMIT SQLite may already have rolled back; an error here is expected.
        let _ = self.conn.execute_batch("ROLLBACK");
        self.restore_audit_state(batch.audit);
        self.forget_cached_key();
        for b in &batch.blobs {
            let _ = self.vault.delete_blob(b);
        }
    }

    fn audit_state(&self) -> AuditState {
        let head_dirty = self.head_dirty.take();
        self.head_dirty.set(head_dirty.clone());
        AuditState {
            head_dirty,
            last_checkpoint: self.last_checkpoint.get(),
        }
    }

    fn restore_audit_state(&self, state: AuditState) {
        self.head_dirty.set(state.head_dirty);
        self.last_checkpoint.set(state.last_checkpoint);
    }

    /// Whether an ingest batch is open (the audit head must not be written then).
    pub(crate) fn batch_open(&self) -> bool {
        self.batch.borrow().is_some()
    }

    /// Runs `f` in a savepoint: its own transaction outside a batch, a nested one inside. On
    /// error everything `f` wrote is rolled back, including the audit bookkeeping.
    fn in_savepoint<T>(&self, f: impl FnOnce() -> Result<T, StoreError>) -> Result<T, StoreError> {
        let before = self.audit_state();
        self.conn
            .execute_batch("SAVEPOINT ingest")
            .ctx("starting ingest")?;
        let result = f().and_then(|v| {
            // Outside a batch this is the commit.
            self.conn
                .execute_batch("RELEASE ingest")
                .ctx("committing ingest")?;
            Ok(v)
        });
        if result.is_err() {
            // A failed RELEASE (outside a batch: a failed commit) leaves the savepoint open.
            let _ = self
                .conn
                .execute_batch("ROLLBACK TO ingest; RELEASE ingest");
            self.restore_audit_state(before);
            self.forget_cached_key();
        }
        result
    }

    /// Stores one document atomically: dedup by content MAC (a known content only gets a path
    /// link), original and text encrypted under a fresh data key, findings with their values
    /// sealed. A changed file at a known path becomes a new version; the previous one is marked
    /// superseded and kept. Outside a batch the document is committed when this returns; inside
    /// one ([`Store::begin_batch`]) at [`Store::commit_batch`].
    pub fn ingest(&mut self, doc: &NewDocument) -> Result<Ingested, StoreError> {
        self.ingest_with(doc, None)
    }

    /// A [`Sealer`] for this store's vault, to be used from other threads.
    pub fn sealer(&self) -> Result<Sealer, StoreError> {
        Ok(Sealer {
            vault: Vault::open(&self.home)?,
        })
    }

    /// [`Store::ingest`] with the document's blobs already written by [`Sealer::seal`] (on a
    /// worker thread). If the content is already stored, or storing
    /// fails, the sealed blobs are deleted again.
    ///
    /// Blobs sealed as a stream ([`Sealer::stream`]) bring the content MAC and the findings:
    /// `doc.original` and `doc.findings` are then ignored (give them empty), and the findings
    /// are read back from the vault one at a time, so memory stays flat.
    pub fn ingest_sealed(
        &mut self,
        doc: &NewDocument,
        blobs: SealedBlobs,
    ) -> Result<Ingested, StoreError> {
        self.ingest_with(doc, Some(blobs))
    }

    fn ingest_with(
        &mut self,
        doc: &NewDocument,
        sealed: Option<SealedBlobs>,
    ) -> Result<Ingested, StoreError> {
        // A streamed document's findings are spooled in the vault: the spool goes whatever
        // the way out (it is only read while the document is stored).
        let mut sealed = sealed;
        let streamed = sealed.as_mut().and_then(|b| b.streamed.take());
        let spool = streamed.as_ref().and_then(|s| s.findings.as_ref());
        let _spool_guard = BlobGuard {
            vault: &self.vault,
            blob: spool.map(|s| s.blob.clone()),
        };
        let findings = match spool {
            Some(spool) => Findings::Spooled(spool),
            None => Findings::Given(doc.findings),
        };
        // Sealed blobs that end up unreferenced are deleted, whatever the way out.
        let mut sealed = PendingBlobs {
            vault: &self.vault,
            blobs: sealed,
        };
        for (i, f) in doc.findings.iter().enumerate() {
            if f.start > f.end {
                return Err(StoreError::Invalid(format!("finding {i}: start after end")));
            }
        }
        let processing = self.processing_id("inventory")?;
        // An unreadable file whose bytes were not read has no content to compare: it is a
        // document of its own, per path, not one shared "empty" content.
        let content_mac = if let Some(s) = &streamed {
            s.content_mac.to_vec()
        } else if doc.unreadable.is_some() && doc.original.is_empty() {
            self.vault
                .mac("unreadable-path", doc.path.as_bytes())
                .to_vec()
        } else {
            self.vault.mac("content", doc.original).to_vec()
        };
        let path_mac = self.vault.mac("path", doc.path.as_bytes()).to_vec();
        if let Some(t) = self.tombstone(&content_mac)? {
            // Destroyed before: never stored again; the source is reported instead.
            sealed.discard();
            self.in_savepoint(|| self.record_resurfaced(&path_mac, t.run))?;
            return Ok(Ingested {
                id: t.doc.unwrap_or(DocId(0)),
                new: false,
                destroyed_by: Some(t.run),
            });
        }
        let existing: Option<(i64, i64)> = self
            .conn
            .query_row(
                "SELECT id, key_id FROM documents WHERE content_mac = ?1 AND status = 'active' ORDER BY id LIMIT 1",
                [&content_mac],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .ctx("looking up content")?;
        if let Some((id, key_id)) = existing {
            sealed.discard();
            let id = DocId(id);
            let key = self
                .load_key(key_id)
                .map_err(|e| self.map_key_error(id, e))?;
            self.in_savepoint(|| {
                self.link_path(id, doc, &path_mac, &key)?;
                self.audit(
                    "document linked",
                    &format!("document {id}"),
                    "same content at another path",
                )
            })?;
            self.ingested()?;
            return Ok(Ingested {
                id,
                new: false,
                destroyed_by: None,
            });
        }

        // The blobs are on disk before the row that names them is committed (crash: an orphan
        // blob under a key that was never stored, which is harmless).
        let SealedBlobs {
            key,
            wrapped,
            original: original_blob,
            text: text_blob,
            ..
        } = match sealed.take() {
            Some(s) => s,
            None => SealedBlobs::seal(&self.vault, doc.original, doc.text)?,
        };
        let result = self.in_savepoint(|| {
            self.ingest_new(
                doc,
                &findings,
                processing,
                &content_mac,
                &path_mac,
                &key,
                &wrapped,
                &original_blob,
                text_blob.as_ref(),
            )
        });
        let extra_text_blob = text_blob.filter(|b| *b != original_blob);
        let id = match result {
            Ok(id) => id,
            Err(e) => {
                // The key was never committed: these blobs are unreadable already; tidy them up.
                let _ = self.vault.delete_blob(&original_blob);
                if let Some(b) = &extra_text_blob {
                    let _ = self.vault.delete_blob(b);
                }
                return Err(e);
            }
        };
        if let Some(batch) = self.batch.borrow_mut().as_mut() {
            batch.blobs.push(original_blob);
            batch.blobs.extend(extra_text_blob);
        }
        self.ingested()?;
        Ok(Ingested {
            id,
            new: true,
            destroyed_by: None,
        })
    }

    /// Bookkeeping after a document was stored: counted in the batch, or (outside a batch,
    /// where it is committed already) the audit head written now and then.
    fn ingested(&self) -> Result<(), StoreError> {
        if let Some(batch) = self.batch.borrow_mut().as_mut() {
            batch.documents += 1;
            return Ok(());
        }
        self.flush_head_lazy()
    }

    #[allow(clippy::too_many_arguments)]
    fn ingest_new(
        &self,
        doc: &NewDocument,
        findings: &Findings,
        processing: i64,
        content_mac: &[u8],
        path_mac: &[u8],
        key: &DataKey,
        wrapped: &WrappedKey,
        original_blob: &BlobId,
        text_blob: Option<&BlobId>,
    ) -> Result<DocId, StoreError> {
        // Runs inside [`Store::in_savepoint`].
        let tx = &self.conn;
        tx.execute(
            "INSERT INTO keys(wrapped, generation) VALUES (?1, ?2)",
            params![wrapped.bytes, wrapped.generation],
        )
        .ctx("storing a wrapped key")?;
        let key_id = tx.last_insert_rowid();
        // A changed file at a known path: the previous document there is superseded.
        let previous: Option<(i64, i64)> = tx
            .query_row(
                "SELECT d.id, d.version FROM paths p JOIN documents d ON d.id = p.doc
                 WHERE p.path_mac = ?1 AND p.current = 1 AND d.status = 'active'
                 ORDER BY p.id DESC LIMIT 1",
                [path_mac],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .ctx("looking up a previous version")?;
        let version = previous.map(|(_, v)| v + 1).unwrap_or(1);
        let mut special: Vec<&str> = findings
            .kinds()
            .filter(|k| SPECIAL_KINDS.contains(k))
            .collect();
        special.sort_unstable();
        special.dedup();
        let readable = text_blob.is_some() && doc.unreadable.is_none();
        tx.execute(
            "INSERT INTO documents(processing, content_mac, doc_type, size, mtime, readable,
               unreadable_reason, needs_ocr, key_id, original_blob, text_blob, status, parent,
               version, findings, special, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'active', ?12, ?13, ?14, ?15, ?16)",
            params![
                processing,
                content_mac,
                doc.doc_type,
                doc.size as i64,
                doc.mtime,
                readable,
                doc.unreadable,
                doc.needs_ocr,
                key_id,
                original_blob.as_str(),
                text_blob.map(|b| b.as_str()),
                doc.parent.map(|p| p.0),
                version,
                findings.count() as i64,
                special.join(","),
                time::now(),
            ],
        )
        .ctx("storing a document")?;
        let id = DocId(tx.last_insert_rowid());
        if let Some((prev, _)) = previous {
            tx.execute(
                "UPDATE documents SET superseded_by = ?1 WHERE id = ?2",
                params![id.0, prev],
            )
            .ctx("marking a superseded version")?;
        }
        self.link_path(id, doc, path_mac, key)?;
        {
            let mut st = tx
                .prepare_cached(
                    "INSERT INTO findings(doc, start, end_, kind, score, rule, value_enc, value_mac)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .ctx("storing findings")?;
            let store_finding = |f: &NewFinding| -> Result<(), StoreError> {
                let sealed = key.seal("finding", f.value.as_bytes())?;
                let mac = self.value_mac(f.kind, f.value);
                st.execute(params![
                    id.0,
                    f.start as i64,
                    f.end as i64,
                    f.kind,
                    f.score as f64,
                    f.rule,
                    sealed,
                    mac.to_vec()
                ])
                .ctx("storing a finding")?;
                Ok(())
            };
            match findings {
                Findings::Given(given) => given.iter().try_for_each(store_finding)?,
                Findings::Spooled(spool) => spool.for_each(&self.vault, key, store_finding)?,
            }
        }
        let details = format!(
            "type={} findings={} readable={}{}",
            doc.doc_type,
            findings.count(),
            readable,
            previous
                .map(|(p, _)| format!(" supersedes=document {p}"))
                .unwrap_or_default()
        );
        self.audit("document stored", &format!("document {id}"), &details)?;
        Ok(id)
    }

    /// A keyed MAC of a finding value for matching across documents (case and spacing
    /// normalised).
    pub fn value_mac(&self, kind: &str, value: &str) -> [u8; 32] {
        let norm: String = value
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        self.vault.mac(&format!("value:{kind}"), norm.as_bytes())
    }

    fn link_path(
        &self,
        id: DocId,
        doc: &NewDocument,
        path_mac: &[u8],
        key: &DataKey,
    ) -> Result<(), StoreError> {
        // Another document that was current at this path is no longer there.
        let others: Vec<i64> = {
            let mut st = self
                .conn
                .prepare_cached("SELECT DISTINCT doc FROM paths WHERE path_mac = ?1 AND current = 1 AND doc != ?2")
                .ctx("reading path links")?;
            let v = st
                .query_map(params![path_mac, id.0], |r| r.get(0))
                .ctx("reading path links")?
                .collect::<Result<Vec<_>, _>>()
                .ctx("reading path links")?;
            v
        };
        for o in others {
            self.conn
                .execute(
                    "UPDATE paths SET current = 0 WHERE path_mac = ?1 AND doc = ?2",
                    params![path_mac, o],
                )
                .ctx("updating path links")?;
            self.conn
                .execute(
                    "UPDATE documents SET superseded_by = COALESCE(superseded_by, ?1) WHERE id = ?2",
                    params![id.0, o],
                )
                .ctx("marking a superseded version")?;
        }
        let updated = self
            .conn
            .execute(
                "UPDATE paths SET size = ?1, mtime = ?2, current = 1, parent = COALESCE(?3, parent)
                 WHERE path_mac = ?4 AND doc = ?5",
                params![
                    doc.size as i64,
                    doc.mtime,
                    doc.parent.map(|p| p.0),
                    path_mac,
                    id.0
                ],
            )
            .ctx("updating a path link")?;
        if updated == 0 {
            let sealed = key.seal("path", doc.path.as_bytes())?;
            self.conn
                .execute(
                    "INSERT INTO paths(doc, parent, path_mac, path_enc, size, mtime, current)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)",
                    params![
                        id.0,
                        doc.parent.map(|p| p.0),
                        path_mac,
                        sealed,
                        doc.size as i64,
                        doc.mtime
                    ],
                )
                .ctx("storing a path link")?;
        }
        Ok(())
    }

    // ---- views -----------------------------------------------------------------------------

    /// Every stored document (destroyed ones included, without path). Logged as a view.
    pub fn documents(&self) -> Result<Vec<DocumentInfo>, StoreError> {
        let held = self.held_documents()?;
        let mut st = self
            .conn
            .prepare(
                "SELECT id, doc_type, size, readable, unreadable_reason, needs_ocr, findings, special,
                        status, disposition, parent, version, superseded_by, key_id, destroyed_run
                 FROM documents ORDER BY id",
            )
            .ctx("listing documents")?;
        let rows = st
            .query_map([], |r| {
                let special: String = r.get(7)?;
                Ok((
                    DocumentInfo {
                        id: DocId(r.get(0)?),
                        path: String::new(),
                        paths: Vec::new(),
                        doc_type: r.get(1)?,
                        size: r.get::<_, i64>(2)? as u64,
                        readable: r.get(3)?,
                        unreadable_reason: r.get(4)?,
                        needs_ocr: r.get(5)?,
                        findings: r.get::<_, i64>(6)? as u64,
                        special_categories: special
                            .split(',')
                            .filter(|s| !s.is_empty())
                            .map(str::to_string)
                            .collect(),
                        status: r.get(8)?,
                        disposition: r.get(9)?,
                        parent: r.get::<_, Option<i64>>(10)?.map(DocId),
                        version: r.get::<_, i64>(11)? as u32,
                        superseded_by: r.get::<_, Option<i64>>(12)?.map(DocId),
                        held: false,
                        destroyed_by_run: r.get::<_, Option<i64>>(14)?.map(RunId),
                    },
                    r.get::<_, Option<i64>>(13)?,
                ))
            })
            .ctx("listing documents")?
            .collect::<Result<Vec<_>, _>>()
            .ctx("listing documents")?;
        drop(st);
        let mut out = Vec::with_capacity(rows.len());
        let mut path_st = self
            .conn
            .prepare_cached("SELECT path_enc FROM paths WHERE doc = ?1 ORDER BY id")
            .ctx("reading paths")?;
        let mut unreadable_keys = 0usize;
        for (mut info, key_id) in rows {
            info.held = held.contains(&info.id);
            if let Some(key_id) = key_id {
                match self.load_key(key_id) {
                    Ok(key) => {
                        let sealed: Vec<Vec<u8>> = path_st
                            .query_map([info.id.0], |r| r.get(0))
                            .ctx("reading paths")?
                            .collect::<Result<Vec<_>, _>>()
                            .ctx("reading paths")?;
                        for s in sealed {
                            info.paths.push(key.open_string("path", &s)?);
                        }
                        info.path = info.paths.first().cloned().unwrap_or_default();
                    }
                    // A restored backup older than a destruction run: the path cannot be shown.
                    Err(StoreError::Vault(VaultError::KekGone { .. })) => unreadable_keys += 1,
                    Err(e) => return Err(e),
                }
            }
            out.push(info);
        }
        self.audit_view(
            "documents viewed",
            "documents",
            &format!("count={} keys_gone={unreadable_keys}", out.len()),
        )?;
        self.flush_head()?;
        Ok(out)
    }

    /// The extracted text of a document exactly as stored (the redacted copy when archived).
    /// Logged as a view.
    pub fn document_text(&mut self, id: DocId) -> Result<String, StoreError> {
        let key = self.doc_key(id)?;
        let (status, text_blob, archived_blob): (String, Option<String>, Option<String>) = self
            .conn
            .query_row(
                "SELECT status, text_blob, archived_blob FROM documents WHERE id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .ctx("reading a document")?;
        let blob = if status == "archived" {
            archived_blob
        } else {
            text_blob
        };
        let blob = blob.ok_or(StoreError::NoText(id))?;
        let bytes = self.vault.get_blob(&key, &BlobId::parse(&blob)?)?;
        let text = String::from_utf8(bytes)
            .map_err(|_| StoreError::Corrupt(format!("text of document {id} is not UTF-8")))?;
        self.audit_view(
            "text viewed",
            &format!("document {id}"),
            &format!("status={status}"),
        )?;
        self.flush_head()?;
        Ok(text)
    }

    /// The original bytes of an active document. Logged as a view.
    pub fn document_original(&mut self, id: DocId) -> Result<Vec<u8>, StoreError> {
        let key = self.doc_key(id)?;
        let blob: Option<String> = self
            .conn
            .query_row(
                "SELECT original_blob FROM documents WHERE id = ?1",
                [id.0],
                |r| r.get(0),
            )
            .ctx("reading a document")?;
        let blob = blob.ok_or(StoreError::NotActive {
            id,
            status: "archived".into(),
        })?;
        let bytes = self.vault.get_blob(&key, &BlobId::parse(&blob)?)?;
        self.audit_view("original viewed", &format!("document {id}"), "")?;
        self.flush_head()?;
        Ok(bytes)
    }

    /// The findings of a document with decrypted values. Logged as a view.
    pub fn document_findings(&mut self, id: DocId) -> Result<Vec<FindingInfo>, StoreError> {
        let v = self.findings_of(id)?;
        self.audit_view(
            "findings viewed",
            &format!("document {id}"),
            &format!("count={}", v.len()),
        )?;
        self.flush_head()?;
        Ok(v)
    }

    pub(crate) fn findings_of(&self, id: DocId) -> Result<Vec<FindingInfo>, StoreError> {
        let key = self.doc_key(id)?;
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT f.id, f.start, f.end_, f.kind, f.score, f.rule, f.value_enc,
                        (SELECT MIN(sf.subject) FROM subject_findings sf WHERE sf.finding = f.id)
                 FROM findings f WHERE f.doc = ?1 ORDER BY f.start, f.id",
            )
            .ctx("reading findings")?;
        let rows = st
            .query_map([id.0], |r| {
                Ok((
                    FindingId(r.get(0)?),
                    r.get::<_, i64>(1)? as usize,
                    r.get::<_, i64>(2)? as usize,
                    r.get::<_, String>(3)?,
                    r.get::<_, f64>(4)? as f32,
                    r.get::<_, String>(5)?,
                    r.get::<_, Vec<u8>>(6)?,
                    r.get::<_, Option<i64>>(7)?.map(SubjectId),
                ))
            })
            .ctx("reading findings")?
            .collect::<Result<Vec<_>, _>>()
            .ctx("reading findings")?;
        rows.into_iter()
            .map(|(fid, start, end, kind, score, rule, sealed, subject)| {
                Ok(FindingInfo {
                    id: fid,
                    document: id,
                    start,
                    end,
                    kind,
                    score,
                    rule,
                    value: key.open_string("finding", &sealed)?,
                    subject,
                })
            })
            .collect()
    }

    /// Counts over the current inventory; destroyed documents are not counted.
    pub fn summary(&self) -> Result<Summary, StoreError> {
        let c = &self.conn;
        let count = |sql: &str| -> Result<u64, StoreError> {
            c.query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
                .ctx("counting")
        };
        let mut s = Summary {
            documents: count("SELECT COUNT(*) FROM documents WHERE status != 'destroyed'")?,
            unreadable: count("SELECT COUNT(*) FROM documents WHERE status != 'destroyed' AND readable = 0")?,
            findings: count("SELECT COUNT(*) FROM findings f JOIN documents d ON d.id = f.doc WHERE d.status != 'destroyed'")?,
            subjects: count("SELECT COUNT(*) FROM subjects")?,
            needs_ocr: count("SELECT COUNT(*) FROM documents WHERE status != 'destroyed' AND needs_ocr = 1")?,
            destroyed: count("SELECT COUNT(*) FROM documents WHERE status = 'destroyed'")?,
            archived: count("SELECT COUNT(*) FROM documents WHERE status = 'archived'")?,
            documents_with_special: count("SELECT COUNT(*) FROM documents WHERE status != 'destroyed' AND special != ''")?,
            assessed: count("SELECT COUNT(*) FROM documents WHERE status = 'active' AND disposition IS NOT NULL")?,
            unassessed: count("SELECT COUNT(*) FROM documents WHERE status = 'active' AND disposition IS NULL")?,
            subjects_with_special: count(
                "SELECT COUNT(DISTINCT sf.subject) FROM subject_findings sf
                 JOIN findings f ON f.id = sf.finding JOIN documents d ON d.id = f.doc
                 WHERE d.status != 'destroyed' AND d.special != ''",
            )?,
            resurfaced: self.resurfaced_count()?,
            ..Summary::default()
        };
        let grouped = |sql: &str| -> Result<BTreeMap<String, u64>, StoreError> {
            let mut st = c.prepare(sql).ctx("grouping")?;
            let v = st
                .query_map([], |r| {
                    Ok((
                        r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                        r.get::<_, i64>(1)? as u64,
                    ))
                })
                .ctx("grouping")?
                .collect::<Result<BTreeMap<_, _>, _>>()
                .ctx("grouping")?;
            Ok(v)
        };
        s.by_type = grouped("SELECT doc_type, COUNT(*) FROM documents WHERE status != 'destroyed' GROUP BY doc_type")?;
        s.unreadable_reasons = grouped(
            "SELECT unreadable_reason, COUNT(*) FROM documents WHERE status != 'destroyed' AND readable = 0 GROUP BY unreadable_reason",
        )?;
        s.findings_by_kind = grouped(
            "SELECT f.kind, COUNT(*) FROM findings f JOIN documents d ON d.id = f.doc WHERE d.status != 'destroyed' GROUP BY f.kind",
        )?;
        Ok(s)
    }

    /// Findings of active documents, for subject resolution. Logged as a view.
    pub fn mentions(&mut self) -> Result<Vec<Mention>, StoreError> {
        let rows: Vec<(i64, i64, String, i64, i64, Vec<u8>, i64)> = {
            let mut st = self
                .conn
                .prepare(
                    "SELECT f.id, f.doc, f.kind, f.start, f.end_, f.value_enc, d.key_id
                     FROM findings f JOIN documents d ON d.id = f.doc
                     WHERE d.status = 'active' ORDER BY f.doc, f.start, f.id",
                )
                .ctx("listing mentions")?;
            let v = st
                .query_map([], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                    ))
                })
                .ctx("listing mentions")?
                .collect::<Result<Vec<_>, _>>()
                .ctx("listing mentions")?;
            v
        };
        let mut out = Vec::with_capacity(rows.len());
        let mut skipped = 0usize;
        for (fid, doc, kind, start, end, sealed, key_id) in rows {
            let key = match self.load_key(key_id) {
                Ok(k) => k,
                Err(StoreError::Vault(VaultError::KekGone { .. })) => {
                    skipped += 1;
                    continue;
                }
                Err(e) => return Err(e),
            };
            out.push(Mention {
                finding: FindingId(fid),
                document: DocId(doc),
                kind,
                start: start as usize,
                end: end as usize,
                value: key.open_string("finding", &sealed)?,
            });
        }
        self.audit_view(
            "mentions viewed",
            "findings",
            &format!("count={} keys_gone={skipped}", out.len()),
        )?;
        self.flush_head()?;
        Ok(out)
    }

    /// Seals a note (a reason, a reference) under its own key; returns the note id.
    pub(crate) fn put_note(&self, text: &str) -> Result<i64, StoreError> {
        let (key_id, key) = self.new_key()?;
        let sealed = key.seal("note", text.as_bytes())?;
        self.conn
            .execute(
                "INSERT INTO notes(key_id, text_enc) VALUES (?1, ?2)",
                params![key_id, sealed],
            )
            .ctx("storing a note")?;
        Ok(self.conn.last_insert_rowid())
    }

    pub(crate) fn get_note(&self, id: Option<i64>) -> Result<Option<String>, StoreError> {
        let Some(id) = id else { return Ok(None) };
        let row: Option<(i64, Vec<u8>)> = self
            .conn
            .query_row(
                "SELECT key_id, text_enc FROM notes WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .ctx("reading a note")?;
        let Some((key_id, sealed)) = row else {
            return Ok(None);
        };
        match self.load_key(key_id) {
            Ok(k) => Ok(Some(k.open_string("note", &sealed)?)),
            Err(StoreError::Vault(VaultError::KekGone { .. })) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // A batch still open here was not committed by its owner (an error path): it is rolled
        // back, as a crash would have, so the head below names committed entries only.
        self.rollback_batch();
        // Errors cannot be reported from drop; the head written by the last command stands.
        let _ = self.checkpoint_now();
    }
}

const DEFAULT_PROCESSINGS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "inventory",
        "Inventarisatie, beoordeling en vernietiging of lakking van onrechtmatig verwerkte persoonsgegevens",
        "AVG art. 6 lid 1 sub c/e; herstel onrechtmatige verwerking",
        "namen, contactgegevens, identificatoren, woonplaats, bijzondere persoonsgegevens (art. 9), strafrechtelijke gegevens (art. 10)",
        "tot vernietiging of lakking na afloop van de procedure",
    ),
    (
        "access_requests",
        "Afhandeling van inzageverzoeken van betrokkenen",
        "AVG art. 15 en 12",
        "naam, contactgegevens van de verzoeker, vastgestelde identiteit, koppeling aan betrokkenen",
        "tot afhandeling en afloop van bezwaartermijn; daarna vernietigd met de volgende vernietigingsronde",
    ),
];

fn open_db(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open(path).ctx("opening grondslag.db")?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
    conn.busy_timeout(std::time::Duration::from_secs(30))
        .ctx("setting the busy timeout")?;
    // cache_size (32 MiB) and wal_autocheckpoint (8000 pages, ~32 MiB of WAL): a scan inserts
    // findings under random keyed-MAC index keys, so a small cache rereads index pages and a
    // checkpoint every 1000 pages copied the same pages again and again (a quarter of the scan's
    // system time). Neither changes what a commit guarantees.
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA secure_delete = ON;
         PRAGMA synchronous = NORMAL;
         PRAGMA foreign_keys = ON;
         PRAGMA cache_size = -32768;
         PRAGMA wal_autocheckpoint = 8000;",
    )
    .ctx("setting pragmas")?;
    Ok(conn)
}

/// Takes the exclusive writer lock of a home (`DIR/lock`), waiting for it if another process
/// holds it. The lock goes with the file handle: a killed process never leaves it behind.
fn lock_home(home: &Path, on_wait: &dyn Fn()) -> Result<std::fs::File, StoreError> {
    let path = home.join("lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|source| StoreError::Io {
            path: path.clone(),
            source,
        })?;
    match file.try_lock() {
        Ok(()) => return Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => on_wait(),
        Err(std::fs::TryLockError::Error(source)) => return Err(StoreError::Io { path, source }),
    }
    file.lock()
        .map_err(|source| StoreError::Io { path, source })?;
    Ok(file)
}

fn default_actor() -> String {
    std::env::var("GRONDSLAG_USER")
        .or_else(|_| std::env::var("USER"))
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".to_string())
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod batch_tests {
    use super::*;

    fn doc<'a>(path: &'a str, text: &'a str) -> NewDocument<'a> {
        NewDocument {
            path,
            parent: None,
            doc_type: "txt",
            size: text.len() as u64,
            mtime: 5,
            original: text.as_bytes(),
            text: Some(text),
            unreadable: None,
            needs_ocr: false,
            findings: &[],
        }
    }

    fn last_entry(s: &Store) -> i64 {
        s.conn
            .query_row("SELECT COALESCE(MAX(rowid), 0) FROM audit_log", [], |r| {
                r.get(0)
            })
            .unwrap()
    }

    #[test]
    fn the_head_is_written_only_after_the_batch_commits() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path()).unwrap();
        s.audit_append("test", "start", "").unwrap();
        let before = s.vault.read_head().unwrap().map(|h| h.rowid);
        s.begin_batch().unwrap();
        // 250 documents: the chain passes signed checkpoints inside the batch.
        for i in 0..250 {
            let text = format!("Notitie {i}.\n");
            s.ingest(&doc(&format!("d/{i}.txt"), &text)).unwrap();
        }
        assert_eq!(s.batch_documents(), 250);
        assert_eq!(s.vault.read_head().unwrap().map(|h| h.rowid), before);
        s.commit_batch().unwrap();
        assert_eq!(s.batch_documents(), 0);
        assert_eq!(
            s.vault.read_head().unwrap().map(|h| h.rowid),
            Some(last_entry(&s))
        );
        let report = s.audit_verify().unwrap();
        assert_eq!(report.unsigned_tail, 0);
        assert!(report.checkpoints >= 2, "{report:?}");
        assert_eq!(s.summary().unwrap().documents, 250);
    }

    #[test]
    fn a_batch_dropped_without_commit_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut s = Store::open(dir.path()).unwrap();
            s.ingest(&doc("a.txt", "Eerste notitie.\n")).unwrap();
            s.begin_batch().unwrap();
            for i in 0..5 {
                let text = format!("Notitie {i} in de batch.\n");
                s.ingest(&doc(&format!("b/{i}.txt"), &text)).unwrap();
            }
            assert_eq!(s.vault.blob_ids().unwrap().len(), 6);
        }
        let s = Store::open(dir.path()).unwrap();
        assert_eq!(s.summary().unwrap().documents, 1);
        assert_eq!(s.vault.blob_ids().unwrap().len(), 1);
        s.audit_verify().unwrap();
    }

    #[test]
    fn a_failing_document_rolls_back_alone() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path()).unwrap();
        s.begin_batch().unwrap();
        s.ingest(&doc("a.txt", "Eerste.\n")).unwrap();
        let failed: Result<(), StoreError> = s.in_savepoint(|| {
            s.audit("document stored", "document 99", "")?;
            Err(StoreError::Invalid("test".into()))
        });
        assert!(failed.is_err());
        s.ingest(&doc("b.txt", "Tweede.\n")).unwrap();
        s.commit_batch().unwrap();
        assert_eq!(s.summary().unwrap().documents, 2);
        let report = s.audit_verify().unwrap();
        assert_eq!(report.head, Some(last_entry(&s)));
        let objects: Vec<(String,)> = s.rows("SELECT object FROM audit_log", [], "test").unwrap();
        assert!(!objects.iter().any(|(o,)| o == "document 99"));
    }

    #[test]
    fn sealed_blobs_are_used_once_and_discarded_for_known_content() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path()).unwrap();
        let sealer = s.sealer().unwrap();
        let text = "Dezelfde inhoud.\n";
        let first = s
            .ingest_sealed(
                &doc("a.txt", text),
                sealer.seal(text.as_bytes(), Some(text)).unwrap(),
            )
            .unwrap();
        assert!(first.new);
        assert_eq!(s.vault.blob_ids().unwrap().len(), 1);
        let again = s
            .ingest_sealed(
                &doc("b.txt", text),
                sealer.seal(text.as_bytes(), Some(text)).unwrap(),
            )
            .unwrap();
        assert_eq!((again.id, again.new), (first.id, false));
        assert_eq!(s.vault.blob_ids().unwrap().len(), 1);
        assert_eq!(s.document_text(first.id).unwrap(), text);
    }

    /// A document sealed as a stream is the same document as one sealed whole: same content
    /// MAC (dedup across both ways), same text, same findings; its finding spool is gone after
    /// the ingest, and one that turned out to have no text is unreadable.
    #[test]
    fn a_streamed_document_equals_a_whole_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path()).unwrap();
        let sealer = s.sealer().unwrap();
        let text = "Mevrouw Jansen belde. ".repeat(100_000);
        let findings: Vec<NewFinding> = (0..1000)
            .map(|i| NewFinding {
                start: i * 22 + 8,
                end: i * 22 + 14,
                kind: if i % 2 == 0 { "person" } else { "health" },
                score: 0.9,
                rule: "test",
                value: "Jansen",
            })
            .collect();
        let mut stream = sealer.stream().unwrap();
        for piece in text.as_bytes().chunks(100_003) {
            stream.original(piece).unwrap();
        }
        for f in &findings {
            stream.finding(f).unwrap();
        }
        assert_eq!(stream.original_len(), text.len() as u64);
        let blobs = stream.finish(true).unwrap();
        let streamed_doc = NewDocument {
            original: &[],
            text: None,
            ..doc("groot.txt", &text)
        };
        let first = s.ingest_sealed(&streamed_doc, blobs).unwrap();
        assert!(first.new);
        // One blob: the original, which is also the text; the spool is gone.
        assert_eq!(s.vault.blob_ids().unwrap().len(), 1);
        assert_eq!(s.document_text(first.id).unwrap(), text);
        let stored = s.document_findings(first.id).unwrap();
        assert_eq!(stored.len(), findings.len());
        assert!(stored.iter().all(|f| f.value == "Jansen"));
        let info = s.documents().unwrap();
        assert!(info[0].readable);
        assert_eq!(info[0].findings, 1000);
        // The same content sealed whole is the same document.
        let again = s
            .ingest(&NewDocument {
                findings: &findings,
                ..doc("kopie.txt", &text)
            })
            .unwrap();
        assert_eq!((again.id, again.new), (first.id, false));
        // Not UTF-8 after all: stored unreadable, without text or findings.
        let mut stream = sealer.stream().unwrap();
        stream.original(b"caf\xe9 ").unwrap();
        stream.finding(&findings[0]).unwrap();
        let blobs = stream.finish(false).unwrap();
        let bad = s
            .ingest_sealed(
                &NewDocument {
                    original: &[],
                    text: None,
                    unreadable: Some("invalid UTF-8"),
                    ..doc("latin1.txt", "")
                },
                blobs,
            )
            .unwrap();
        assert!(bad.new);
        assert!(s.document_text(bad.id).is_err());
        assert_eq!(s.document_findings(bad.id).unwrap().len(), 0);
        assert_eq!(s.vault.blob_ids().unwrap().len(), 2);
        // Dropped unfinished: nothing left in the vault.
        let mut stream = sealer.stream().unwrap();
        stream.original(b"weg").unwrap();
        drop(stream);
        assert_eq!(s.vault.blob_ids().unwrap().len(), 2);
    }
}
