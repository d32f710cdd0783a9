//! grondslag-vault: the encrypted blob vault and the key store of one grondslag home.
//!
//! # What it owns
//! - `DIR/vault/`: one file per encrypted blob (original bytes, extracted text, archived redacted
//!   copies), named by a random id and sharded into `vault/<2 hex>/<id>`. Every blob is encrypted
//!   with its own random 256-bit [`DataKey`] using XChaCha20-Poly1305 in 1 MiB chunks
//!   (STREAM construction: a random 19-byte nonce prefix, a 32-bit chunk counter and a "last chunk"
//!   flag form each chunk's nonce, so chunks cannot be reordered, dropped or truncated and memory
//!   stays bounded per chunk).
//! - `DIR/keys/`: kept apart from the database and the vault and never put into a backup.
//!   - `kek-<gen>.key`: key-encryption keys by generation. Data keys are stored only *wrapped*
//!     (AEAD-encrypted) under a KEK, as a [`WrappedKey`] that the caller keeps in its database.
//!   - `lookup.key`: the HMAC key for lookups ([`Vault::mac`]): content hashes for dedup and path
//!     hashes for "unchanged file" detection, so that no plain hash of personal data is stored.
//!   - `audit-signing.key`: the ed25519 key that signs audit checkpoints and the audit head.
//!   - `audit-head`: the latest signed audit head (rowid, hash, signature), so that deleting the
//!     last audit entries in the database is detectable.
//!   - `store-id`: the identity of this store, used to match backups to it.
//!   - `kek-history`: which KEK generation was erased by which destruction run (no personal data).
//!
//! # Invariants
//! - The vault never writes a plaintext data key to disk; [`DataKey`] is zeroized on drop.
//! - Files are created 0600 and directories 0700 (on Unix).
//! - Erasing a KEK ([`Vault::erase_kek`]) overwrites, fsyncs and unlinks its file: every data key
//!   wrapped under it (for example in a backup made earlier) becomes unrecoverable. That is the
//!   crypto-shredding of backups.
//!
//! # What it must never do
//! It knows nothing about documents, findings or the database; it never prints or exits, and its
//! errors name files by blob id or generation, never by content.
//!
//! # Limits
//! Crypto-shredding protects against an attacker who gets a backup or the database and vault
//! *after* the KEK was erased. Someone who copied `keys/` and a backup before the destruction run
//! can still decrypt that backup; someone with root on the live machine sees keys in memory while
//! grondslag runs. Deleted files may survive on copy-on-write or wear-levelled storage; that is why
//! only ciphertext is ever written and the keys are what is destroyed.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::{Zeroize, Zeroizing};

/// Plaintext bytes per blob chunk.
pub const CHUNK: usize = 1 << 20;
const TAG: usize = 16;
const BLOB_MAGIC: &[u8; 4] = b"GSB1";
const WRAP_AAD: &[u8] = b"grondslag/wrap/v1";

/// Errors of the vault. They name blob ids, generations and key files, never contents.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error("vault I/O on {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("the system random number generator failed")]
    Random,
    #[error("KEK generation {generation} is not present in keys/ (erased or never created)")]
    KekGone { generation: u32 },
    #[error("key file {path} is damaged")]
    BadKeyFile { path: PathBuf },
    #[error("a wrapped key under KEK generation {generation} failed to authenticate")]
    UnwrapFailed { generation: u32 },
    #[error("blob {id} is missing from the vault")]
    BlobMissing { id: String },
    #[error("blob {id} failed to decrypt or is damaged")]
    BlobDamaged { id: String },
    #[error("sealed field ({context}) failed to decrypt or is damaged")]
    SealDamaged { context: &'static str },
    #[error("invalid blob id")]
    BadBlobId,
    #[error("keys/{name} is missing")]
    KeyMissing { name: &'static str },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> VaultError + '_ {
    move |source| VaultError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Fills `buf` from the operating system's random source.
pub fn random_bytes(buf: &mut [u8]) -> Result<(), VaultError> {
    getrandom::fill(buf).map_err(|_| VaultError::Random)
}

/// A random id as lowercase hex of `n` random bytes.
pub fn random_hex(n: usize) -> Result<String, VaultError> {
    let mut b = vec![0u8; n];
    random_bytes(&mut b)?;
    Ok(hex(&b))
}

/// Lowercase hex encoding.
pub fn hex(bytes: &[u8]) -> String {
    const H: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(H[(b >> 4) as usize] as char);
        s.push(H[(b & 15) as usize] as char);
    }
    s
}

/// Decodes lowercase or uppercase hex; `None` on anything else.
pub fn unhex(s: &str) -> Option<Vec<u8>> {
    if s.len() & 1 == 1 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// SHA-256 of `data` (not keyed; for audit hashes and manifests).
pub fn sha256(data: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    Sha256::digest(data).into()
}

/// A 256-bit data key in memory. Zeroized on drop; never written to disk unwrapped.
pub struct DataKey(Zeroizing<[u8; 32]>);

impl DataKey {
    /// A fresh random data key.
    pub fn generate() -> Result<DataKey, VaultError> {
        let mut k = Zeroizing::new([0u8; 32]);
        random_bytes(&mut k[..])?;
        Ok(DataKey(k))
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new((&*self.0).into())
    }

    /// Encrypts a small field (a path, a finding value, a reason). `context` is bound as
    /// associated data so a field cannot be moved to another column.
    pub fn seal(&self, context: &'static str, plaintext: &[u8]) -> Result<Vec<u8>, VaultError> {
        let mut nonce = [0u8; 24];
        random_bytes(&mut nonce)?;
        let ct = self
            .cipher()
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| VaultError::SealDamaged { context })?;
        let mut out = Vec::with_capacity(24 + ct.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&ct);
        Ok(out)
    }

    /// Decrypts a field sealed by [`DataKey::seal`] with the same `context`.
    pub fn open(&self, context: &'static str, sealed: &[u8]) -> Result<Vec<u8>, VaultError> {
        if sealed.len() < 24 + TAG {
            return Err(VaultError::SealDamaged { context });
        }
        self.cipher()
            .decrypt(
                XNonce::from_slice(&sealed[..24]),
                Payload {
                    msg: &sealed[24..],
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| VaultError::SealDamaged { context })
    }

    /// [`DataKey::open`] for UTF-8 text.
    pub fn open_string(&self, context: &'static str, sealed: &[u8]) -> Result<String, VaultError> {
        String::from_utf8(self.open(context, sealed)?)
            .map_err(|_| VaultError::SealDamaged { context })
    }
}

/// A data key encrypted under KEK generation `generation`; safe to store in the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedKey {
    pub generation: u32,
    pub bytes: Vec<u8>,
}

/// The id of a blob in the vault: 32 lowercase hex characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BlobId(String);

impl BlobId {
    /// Parses a stored id; refuses anything that is not 32 hex characters (so it can never
    /// name a path outside the vault).
    pub fn parse(s: &str) -> Result<BlobId, VaultError> {
        if s.len() == 32
            && s.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        {
            Ok(BlobId(s.to_string()))
        } else {
            Err(VaultError::BadBlobId)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A fresh random id.
    pub fn generate() -> Result<BlobId, VaultError> {
        Ok(BlobId(random_hex(16)?))
    }
}

impl std::fmt::Display for BlobId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A signed audit head as kept in `keys/audit-head`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditHead {
    pub rowid: i64,
    pub hash: String,
    pub signature: String,
}

/// One erased KEK generation, as recorded in `keys/kek-history`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasedKek {
    pub generation: u32,
    pub run: i64,
    pub erased_at: String,
}

/// The vault and key store of one home directory.
pub struct Vault {
    vault_dir: PathBuf,
    keys_dir: PathBuf,
    lookup: Zeroizing<[u8; 32]>,
    signing: SigningKey,
    store_id: String,
    /// KEKs read from `keys/`, so unwrapping many keys does not reread files. Emptied when a
    /// KEK is erased.
    kek_cache: std::sync::Mutex<std::collections::HashMap<u32, Zeroizing<[u8; 32]>>>,
}

impl Vault {
    /// Opens the vault of `home`, creating `vault/` and `keys/` with fresh keys where missing:
    /// for a new home only (see [`Vault::open_existing`]). A key file is created exclusively
    /// (a hard link to a finished temp file), so two processes creating a home at once end up
    /// with the same keys, never one each.
    pub fn open(home: &Path) -> Result<Vault, VaultError> {
        Vault::open_inner(home, true)
    }

    /// Opens the vault of a home that already holds data: every key must be there. A missing
    /// key file is [`VaultError::KeyMissing`], never silently made anew (a new lookup key would
    /// store every document twice; a new signing key would blame the log for tampering).
    pub fn open_existing(home: &Path) -> Result<Vault, VaultError> {
        Vault::open_inner(home, false)
    }

    fn open_inner(home: &Path, create: bool) -> Result<Vault, VaultError> {
        let vault_dir = home.join("vault");
        let keys_dir = home.join("keys");
        make_dir(home)?;
        make_dir(&vault_dir)?;
        make_dir(&keys_dir)?;
        let key = |name: &'static str| -> Result<Zeroizing<[u8; 32]>, VaultError> {
            let path = keys_dir.join(name);
            if create {
                load_or_create_key(&path)
            } else {
                load_key(&path)?.ok_or(VaultError::KeyMissing { name })
            }
        };
        let lookup = key("lookup.key")?;
        let signing_seed = key("audit-signing.key")?;
        let signing = SigningKey::from_bytes(&signing_seed);
        let id_path = keys_dir.join("store-id");
        let store_id = match fs::read_to_string(&id_path) {
            Ok(s) => s.trim().to_string(),
            Err(e) if e.kind() == io::ErrorKind::NotFound && create => {
                let id = random_hex(16)?;
                create_exclusive(&id_path, id.as_bytes())?;
                fs::read_to_string(&id_path)
                    .map_err(io_err(&id_path))?
                    .trim()
                    .to_string()
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(VaultError::KeyMissing { name: "store-id" })
            }
            Err(e) => return Err(io_err(&id_path)(e)),
        };
        let v = Vault {
            vault_dir,
            keys_dir,
            lookup,
            signing,
            store_id,
            kek_cache: Default::default(),
        };
        if v.kek_generations()?.is_empty() {
            if !create {
                return Err(VaultError::KeyMissing { name: "kek-*.key" });
            }
            // A store's first KEK. Generation numbers only grow, also across erasure.
            let next = v
                .erased_keks()?
                .iter()
                .map(|e| e.generation)
                .max()
                .unwrap_or(0)
                + 1;
            v.create_kek(next)?;
        }
        Ok(v)
    }

    /// The identity of this store (kept in `keys/`, survives restores).
    pub fn store_id(&self) -> &str {
        &self.store_id
    }

    /// The directory that holds the blobs.
    pub fn vault_dir(&self) -> &Path {
        &self.vault_dir
    }

    /// KEK generations present in `keys/`, ascending.
    pub fn kek_generations(&self) -> Result<Vec<u32>, VaultError> {
        let mut gens = Vec::new();
        for e in fs::read_dir(&self.keys_dir).map_err(io_err(&self.keys_dir))? {
            let e = e.map_err(io_err(&self.keys_dir))?;
            let name = e.file_name();
            let Some(name) = name.to_str() else { continue };
            if let Some(g) = name
                .strip_prefix("kek-")
                .and_then(|r| r.strip_suffix(".key"))
                .and_then(|g| g.parse::<u32>().ok())
            {
                gens.push(g);
            }
        }
        gens.sort_unstable();
        Ok(gens)
    }

    /// The newest KEK generation, under which new keys are wrapped.
    pub fn current_generation(&self) -> Result<u32, VaultError> {
        self.kek_generations()?
            .last()
            .copied()
            .ok_or(VaultError::KekGone { generation: 0 })
    }

    fn kek_path(&self, generation: u32) -> PathBuf {
        self.keys_dir.join(format!("kek-{generation}.key"))
    }

    fn create_kek(&self, generation: u32) -> Result<(), VaultError> {
        let mut k = Zeroizing::new([0u8; 32]);
        random_bytes(&mut k[..])?;
        create_exclusive(&self.kek_path(generation), &k[..])
    }

    fn load_kek(&self, generation: u32) -> Result<XChaCha20Poly1305, VaultError> {
        let mut cache = self.kek_cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(k) = cache.get(&generation) {
            return Ok(XChaCha20Poly1305::new((&**k).into()));
        }
        let path = self.kek_path(generation);
        let bytes = match fs::read(&path) {
            Ok(b) => Zeroizing::new(b),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(VaultError::KekGone { generation })
            }
            Err(e) => return Err(io_err(&path)(e)),
        };
        let arr: [u8; 32] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| VaultError::BadKeyFile { path: path.clone() })?;
        let k = Zeroizing::new(arr);
        let cipher = XChaCha20Poly1305::new((&*k).into());
        cache.insert(generation, k);
        Ok(cipher)
    }

    /// Creates KEK generation `current + 1` and returns it. Existing keys stay wrapped under the
    /// old generation until the caller rewraps them with [`Vault::rewrap`].
    pub fn new_generation(&self) -> Result<u32, VaultError> {
        let next = self.current_generation()? + 1;
        self.create_kek(next)?;
        Ok(next)
    }

    /// Overwrites, fsyncs and unlinks KEK `generation`, recording which run erased it.
    /// Idempotent: erasing an absent generation only records it (once).
    pub fn erase_kek(&self, generation: u32, run: i64, now: &str) -> Result<(), VaultError> {
        // Recorded before erasing, so a crash in between still explains the missing key.
        if !self
            .erased_keks()?
            .iter()
            .any(|e| e.generation == generation)
        {
            let hist = self.keys_dir.join("kek-history");
            let mut f = open_append(&hist)?;
            writeln!(f, "{generation} {run} {now}").map_err(io_err(&hist))?;
            f.sync_all().map_err(io_err(&hist))?;
        }
        self.kek_cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&generation);
        let path = self.kek_path(generation);
        if path.exists() {
            let mut f = OpenOptions::new()
                .write(true)
                .open(&path)
                .map_err(io_err(&path))?;
            let mut noise = [0u8; 32];
            random_bytes(&mut noise)?;
            f.write_all(&noise).map_err(io_err(&path))?;
            f.sync_all().map_err(io_err(&path))?;
            drop(f);
            fs::remove_file(&path).map_err(io_err(&path))?;
            sync_dir(&self.keys_dir)?;
        }
        Ok(())
    }

    /// Erased KEK generations with the destruction run that erased each.
    pub fn erased_keks(&self) -> Result<Vec<ErasedKek>, VaultError> {
        let hist = self.keys_dir.join("kek-history");
        let text = match fs::read_to_string(&hist) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_err(&hist)(e)),
        };
        Ok(text
            .lines()
            .filter_map(|l| {
                let mut it = l.split_whitespace();
                Some(ErasedKek {
                    generation: it.next()?.parse().ok()?,
                    run: it.next()?.parse().ok()?,
                    erased_at: it.next().unwrap_or("").to_string(),
                })
            })
            .collect())
    }

    /// Wraps `key` under the current KEK.
    pub fn wrap(&self, key: &DataKey) -> Result<WrappedKey, VaultError> {
        let generation = self.current_generation()?;
        self.wrap_under(key, generation)
    }

    fn wrap_under(&self, key: &DataKey, generation: u32) -> Result<WrappedKey, VaultError> {
        let kek = self.load_kek(generation)?;
        let mut nonce = [0u8; 24];
        random_bytes(&mut nonce)?;
        let aad = wrap_aad(generation);
        let ct = kek
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &key.0[..],
                    aad: &aad,
                },
            )
            .map_err(|_| VaultError::UnwrapFailed { generation })?;
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&ct);
        Ok(WrappedKey { generation, bytes })
    }

    /// Unwraps a data key. [`VaultError::KekGone`] when its KEK generation was erased.
    pub fn unwrap(&self, wrapped: &WrappedKey) -> Result<DataKey, VaultError> {
        let generation = wrapped.generation;
        let kek = self.load_kek(generation)?;
        if wrapped.bytes.len() != 24 + 32 + TAG {
            return Err(VaultError::UnwrapFailed { generation });
        }
        let aad = wrap_aad(generation);
        let mut pt = kek
            .decrypt(
                XNonce::from_slice(&wrapped.bytes[..24]),
                Payload {
                    msg: &wrapped.bytes[24..],
                    aad: &aad,
                },
            )
            .map_err(|_| VaultError::UnwrapFailed { generation })?;
        let mut k = Zeroizing::new([0u8; 32]);
        k.copy_from_slice(&pt);
        pt.zeroize();
        Ok(DataKey(k))
    }

    /// Rewraps `wrapped` under the current generation (a no-op copy when it already is).
    pub fn rewrap(&self, wrapped: &WrappedKey) -> Result<WrappedKey, VaultError> {
        let current = self.current_generation()?;
        if wrapped.generation == current {
            return Ok(wrapped.clone());
        }
        let key = self.unwrap(wrapped)?;
        self.wrap_under(&key, current)
    }

    /// A keyed lookup hash (HMAC-SHA-256 with the store's lookup key) of `data` in `domain`.
    pub fn mac(&self, domain: &str, data: &[u8]) -> [u8; 32] {
        let mut m = <Hmac<Sha256> as Mac>::new_from_slice(&self.lookup[..])
            .expect("HMAC accepts any key length");
        m.update(&(domain.len() as u64).to_be_bytes());
        m.update(domain.as_bytes());
        m.update(data);
        m.finalize().into_bytes().into()
    }

    /// The public half of the audit signing key, as hex (the store records it, so a replaced
    /// signing key is told from a tampered log).
    pub fn signing_public_key(&self) -> String {
        hex(self.signing.verifying_key().as_bytes())
    }

    /// [`Vault::mac`] over data that comes in pieces (a file streamed from disk): the same
    /// value as `mac(domain, whole)` once every piece was given to [`StreamMac::update`].
    pub fn mac_stream(&self, domain: &str) -> StreamMac {
        let mut m = <Hmac<Sha256> as Mac>::new_from_slice(&self.lookup[..])
            .expect("HMAC accepts any key length");
        m.update(&(domain.len() as u64).to_be_bytes());
        m.update(domain.as_bytes());
        StreamMac(m)
    }

    /// Signs `msg` with the audit signing key; returns the signature as hex.
    pub fn sign(&self, msg: &[u8]) -> String {
        hex(&self.signing.sign(msg).to_bytes())
    }

    /// Checks a hex signature made by [`Vault::sign`].
    pub fn verify_signature(&self, msg: &[u8], signature_hex: &str) -> bool {
        let Some(bytes) = unhex(signature_hex) else {
            return false;
        };
        let Ok(arr) = <[u8; 64]>::try_from(bytes.as_slice()) else {
            return false;
        };
        let vk: VerifyingKey = self.signing.verifying_key();
        vk.verify(msg, &Signature::from_bytes(&arr)).is_ok()
    }

    /// The signed audit head, if one was written.
    pub fn read_head(&self) -> Result<Option<AuditHead>, VaultError> {
        let path = self.keys_dir.join("audit-head");
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_err(&path)(e)),
        };
        let mut it = text.split_whitespace();
        let parsed = (|| {
            Some(AuditHead {
                rowid: it.next()?.parse().ok()?,
                hash: it.next()?.to_string(),
                signature: it.next()?.to_string(),
            })
        })();
        parsed.map(Some).ok_or(VaultError::BadKeyFile { path })
    }

    /// Writes the audit head (atomically: temp file + rename).
    pub fn write_head(&self, head: &AuditHead, durable: bool) -> Result<(), VaultError> {
        let text = format!("{} {} {}\n", head.rowid, head.hash, head.signature);
        write_atomic(&self.keys_dir.join("audit-head"), text.as_bytes(), durable)
    }

    fn blob_path(&self, id: &BlobId) -> PathBuf {
        self.vault_dir.join(&id.0[..2]).join(&id.0)
    }

    /// Encrypts `data` under `key` into a new blob and returns its id.
    pub fn put_blob(&self, key: &DataKey, data: &[u8]) -> Result<BlobId, VaultError> {
        let id = BlobId::generate()?;
        self.put_blob_as(key, &id, data)?;
        Ok(id)
    }

    /// Encrypts `data` under `key` into a blob with a chosen id (from [`BlobId::generate`]),
    /// so a caller can record the id before the blob exists (crash recovery).
    pub fn put_blob_as(&self, key: &DataKey, id: &BlobId, data: &[u8]) -> Result<(), VaultError> {
        let mut w = self.blob_writer_as(key, id)?;
        w.write_all(data).map_err(|e| w.error(e))?;
        w.finish()?;
        Ok(())
    }

    /// A new blob under `key` written as the data comes ([`BlobWriter`]): memory stays at one
    /// chunk whatever the size. The blob exists under its id only after [`BlobWriter::finish`].
    pub fn blob_writer(&self, key: &DataKey) -> Result<BlobWriter, VaultError> {
        self.blob_writer_as(key, &BlobId::generate()?)
    }

    /// [`Vault::blob_writer`] with a chosen id.
    pub fn blob_writer_as(&self, key: &DataKey, id: &BlobId) -> Result<BlobWriter, VaultError> {
        let dir = self.vault_dir.join(&id.0[..2]);
        make_dir(&dir)?;
        let path = self.blob_path(id);
        // The temp name is the one `sweep_temp_files` removes after a crash.
        let tmp = dir.join(format!(".tmp-{}-{}", std::process::id(), random_hex(6)?));
        let file = new_file_options().open(&tmp).map_err(io_err(&tmp))?;
        let mut prefix = [0u8; 19];
        random_bytes(&mut prefix)?;
        let mut out = io::BufWriter::with_capacity(CHUNK + TAG, file);
        out.write_all(BLOB_MAGIC)
            .and_then(|()| out.write_all(&prefix))
            .map_err(io_err(&tmp))?;
        Ok(BlobWriter {
            id: id.clone(),
            cipher: key.cipher(),
            prefix,
            counter: 0,
            pending: Vec::with_capacity(CHUNK),
            out: Some(out),
            tmp,
            path,
        })
    }

    /// Decrypts a whole blob.
    pub fn get_blob(&self, key: &DataKey, id: &BlobId) -> Result<Vec<u8>, VaultError> {
        let mut out = Vec::new();
        self.read_blob_into(key, id, &mut out)?;
        Ok(out)
    }

    /// Decrypts a blob chunk by chunk into `w` (memory bounded by one chunk).
    pub fn read_blob_into(
        &self,
        key: &DataKey,
        id: &BlobId,
        w: &mut dyn Write,
    ) -> Result<(), VaultError> {
        let path = self.blob_path(id);
        let mut r = self.open_blob(key, id)?;
        while let Some(chunk) = r.next_chunk()? {
            w.write_all(chunk).map_err(io_err(&path))?;
        }
        Ok(())
    }

    /// A blob to read as a stream ([`BlobReader`] is `std::io::Read`), decrypted one chunk at a
    /// time. Every chunk is authenticated before any of its bytes are given out.
    pub fn open_blob(&self, key: &DataKey, id: &BlobId) -> Result<BlobReader, VaultError> {
        let path = self.blob_path(id);
        let damaged = || VaultError::BlobDamaged { id: id.0.clone() };
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(VaultError::BlobMissing { id: id.0.clone() })
            }
            Err(e) => return Err(io_err(&path)(e)),
        };
        let total = file.metadata().map_err(io_err(&path))?.len();
        let mut r = io::BufReader::new(file);
        let mut header = [0u8; 23];
        r.read_exact(&mut header).map_err(|_| damaged())?;
        if &header[..4] != BLOB_MAGIC {
            return Err(damaged());
        }
        let prefix: [u8; 19] = header[4..].try_into().map_err(|_| damaged())?;
        Ok(BlobReader {
            id: id.clone(),
            cipher: key.cipher(),
            prefix,
            input: r,
            remaining: total.checked_sub(23).ok_or_else(damaged)?,
            counter: 0,
            done: false,
            chunk: Vec::new(),
            at: 0,
        })
    }

    /// Whether a blob file exists.
    pub fn has_blob(&self, id: &BlobId) -> bool {
        self.blob_path(id).exists()
    }

    /// Deletes a blob file. Idempotent: an absent blob is fine.
    pub fn delete_blob(&self, id: &BlobId) -> Result<(), VaultError> {
        let path = self.blob_path(id);
        match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io_err(&path)(e)),
        }
    }

    /// Every blob id present in the vault (for backups and orphan checks).
    pub fn blob_ids(&self) -> Result<Vec<BlobId>, VaultError> {
        let mut ids = Vec::new();
        for shard in fs::read_dir(&self.vault_dir).map_err(io_err(&self.vault_dir))? {
            let shard = shard.map_err(io_err(&self.vault_dir))?;
            if !shard.path().is_dir() {
                continue;
            }
            for f in fs::read_dir(shard.path()).map_err(io_err(&shard.path()))? {
                let f = f.map_err(io_err(&shard.path()))?;
                if let Some(id) = f.file_name().to_str().and_then(|n| BlobId::parse(n).ok()) {
                    ids.push(id);
                }
            }
        }
        ids.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(ids)
    }

    /// Removes temp files (`.tmp-<pid>-*`) left in the vault by a process that was killed while
    /// writing a blob. Only files of processes that no longer run are touched (Linux: checked
    /// through `/proc`; elsewhere nothing is removed). They hold ciphertext only.
    pub fn sweep_temp_files(&self) -> Result<usize, VaultError> {
        if !Path::new("/proc/self").exists() {
            return Ok(0);
        }
        let mut removed = 0;
        for shard in fs::read_dir(&self.vault_dir).map_err(io_err(&self.vault_dir))? {
            let shard = shard.map_err(io_err(&self.vault_dir))?.path();
            if !shard.is_dir() {
                continue;
            }
            for f in fs::read_dir(&shard).map_err(io_err(&shard))? {
                let f = f.map_err(io_err(&shard))?;
                let name = f.file_name();
                let Some(pid) = name
                    .to_str()
                    .and_then(|n| n.strip_prefix(".tmp-"))
                    .and_then(|r| r.split('-').next())
                else {
                    continue;
                };
                if !Path::new("/proc").join(pid).exists() {
                    let _ = fs::remove_file(f.path());
                    removed += 1;
                }
            }
        }
        Ok(removed)
    }

    /// The raw (encrypted) bytes of a blob, for backups.
    pub fn raw_blob(&self, id: &BlobId) -> Result<Vec<u8>, VaultError> {
        let path = self.blob_path(id);
        fs::read(&path).map_err(io_err(&path))
    }

    /// Writes raw (encrypted) blob bytes into `dir` laid out like the vault (for restores).
    pub fn write_raw_blob_in(dir: &Path, id: &BlobId, bytes: &[u8]) -> Result<(), VaultError> {
        let shard = dir.join(&id.0[..2]);
        make_dir(&shard)?;
        write_atomic(&shard.join(&id.0), bytes, false)
    }
}

/// An incremental [`Vault::mac`] ([`Vault::mac_stream`]).
pub struct StreamMac(Hmac<Sha256>);

impl StreamMac {
    pub fn update(&mut self, data: &[u8]) {
        self.0.update(data);
    }

    pub fn finish(self) -> [u8; 32] {
        self.0.finalize().into_bytes().into()
    }
}

/// A blob being written ([`Vault::blob_writer`]): plaintext goes in through `std::io::Write`,
/// is encrypted in [`CHUNK`]-sized chunks (the STREAM construction of [`Vault::put_blob`]) and
/// written to a temp file in the vault, which [`BlobWriter::finish`] renames to the blob's id.
/// Dropped unfinished, the temp file is removed (after a crash `sweep_temp_files` does it);
/// it only ever holds ciphertext.
pub struct BlobWriter {
    id: BlobId,
    cipher: XChaCha20Poly1305,
    prefix: [u8; 19],
    counter: u32,
    /// Plaintext not yet encrypted: a chunk is sealed only when the next byte arrives (or at
    /// `finish`), because the last chunk is sealed differently.
    pending: Vec<u8>,
    out: Option<io::BufWriter<File>>,
    tmp: PathBuf,
    path: PathBuf,
}

impl BlobWriter {
    /// The id the blob will have.
    pub fn id(&self) -> &BlobId {
        &self.id
    }

    /// An I/O error of this writer as a vault error naming its file.
    pub fn error(&self, e: io::Error) -> VaultError {
        io_err(&self.tmp)(e)
    }

    fn seal_pending(&mut self, last: bool) -> io::Result<()> {
        let nonce = chunk_nonce(&self.prefix, self.counter, last);
        let ct = self
            .cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &self.pending,
                    aad: self.id.0.as_bytes(),
                },
            )
            .map_err(|_| io::Error::other("chunk encryption failed"))?;
        self.pending.clear();
        self.counter = self
            .counter
            .checked_add(1)
            .ok_or_else(|| io::Error::other("blob too large"))?;
        match self.out.as_mut() {
            Some(out) => out.write_all(&ct),
            None => Err(io::Error::other("blob already finished")),
        }
    }

    /// Seals the last chunk, flushes, and moves the blob into place under its id.
    pub fn finish(mut self) -> Result<BlobId, VaultError> {
        // On any error the temp file goes when `self` drops (it still holds `out`).
        self.seal_pending(true).map_err(io_err(&self.tmp))?;
        let flushed = match self.out.as_mut() {
            Some(out) => out.flush(),
            None => Err(io::Error::other("blob already finished")),
        };
        flushed.map_err(io_err(&self.tmp))?;
        self.out = None;
        if let Err(e) = fs::rename(&self.tmp, &self.path) {
            let _ = fs::remove_file(&self.tmp);
            return Err(io_err(&self.path)(e));
        }
        Ok(self.id.clone())
    }
}

impl Write for BlobWriter {
    fn write(&mut self, mut buf: &[u8]) -> io::Result<usize> {
        let n = buf.len();
        while !buf.is_empty() {
            if self.pending.len() == CHUNK {
                self.seal_pending(false)?;
            }
            let take = (CHUNK - self.pending.len()).min(buf.len());
            self.pending.extend_from_slice(&buf[..take]);
            buf = &buf[take..];
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        // Whole chunks only are written; `finish` writes the rest.
        Ok(())
    }
}

impl Drop for BlobWriter {
    fn drop(&mut self) {
        self.pending.zeroize();
        if self.out.take().is_some() {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// A blob being read ([`Vault::open_blob`]) as `std::io::Read`, or chunk by chunk with
/// [`BlobReader::next_chunk`]. A damaged, truncated or reordered blob is an error
/// (`BlobDamaged`, as an `io::Error` wrapping it through `Read`), never silently short.
pub struct BlobReader {
    id: BlobId,
    cipher: XChaCha20Poly1305,
    prefix: [u8; 19],
    input: io::BufReader<File>,
    remaining: u64,
    counter: u32,
    done: bool,
    chunk: Vec<u8>,
    at: usize,
}

impl BlobReader {
    /// The next decrypted chunk, or `None` after the last.
    pub fn next_chunk(&mut self) -> Result<Option<&[u8]>, VaultError> {
        if self.done {
            return Ok(None);
        }
        let damaged = || VaultError::BlobDamaged {
            id: self.id.0.clone(),
        };
        let this = self.remaining.min((CHUNK + TAG) as u64) as usize;
        if this < TAG {
            return Err(damaged());
        }
        let mut buf = vec![0u8; this];
        self.input.read_exact(&mut buf).map_err(|_| damaged())?;
        self.remaining -= this as u64;
        let last = self.remaining == 0;
        let nonce = chunk_nonce(&self.prefix, self.counter, last);
        self.chunk.zeroize();
        self.chunk = self
            .cipher
            .decrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &buf,
                    aad: self.id.0.as_bytes(),
                },
            )
            .map_err(|_| damaged())?;
        self.at = 0;
        if last {
            self.done = true;
        } else {
            self.counter = self.counter.checked_add(1).ok_or_else(damaged)?;
        }
        Ok(Some(&self.chunk))
    }
}

impl Read for BlobReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.chunk.len() {
            if self.next_chunk().map_err(io::Error::other)?.is_none() {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.chunk.len() - self.at);
        buf[..n].copy_from_slice(&self.chunk[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

impl Drop for BlobReader {
    fn drop(&mut self) {
        self.chunk.zeroize();
    }
}

fn wrap_aad(generation: u32) -> Vec<u8> {
    let mut aad = WRAP_AAD.to_vec();
    aad.extend_from_slice(&generation.to_be_bytes());
    aad
}

fn chunk_nonce(prefix: &[u8; 19], counter: u32, last: bool) -> [u8; 24] {
    let mut n = [0u8; 24];
    n[..19].copy_from_slice(prefix);
    n[19..23].copy_from_slice(&counter.to_be_bytes());
    n[23] = u8::from(last);
    n
}

/// Creates a directory (and parents) with mode 0700 on Unix.
pub fn make_dir(dir: &Path) -> Result<(), VaultError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir).map_err(io_err(dir))
}

fn new_file_options() -> OpenOptions {
    let mut o = OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o
}

fn open_append(path: &Path) -> Result<File, VaultError> {
    let mut o = OpenOptions::new();
    o.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path).map_err(io_err(path))
}

/// Writes `bytes` to `path` through a temp file and a rename, with mode 0600. With `durable`,
/// the file and its directory are fsynced.
pub fn write_atomic(path: &Path, bytes: &[u8], durable: bool) -> Result<(), VaultError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".tmp-{}-{}", std::process::id(), random_hex(6)?));
    let mut f = new_file_options().open(&tmp).map_err(io_err(&tmp))?;
    f.write_all(bytes).map_err(io_err(&tmp))?;
    if durable {
        f.sync_all().map_err(io_err(&tmp))?;
    }
    drop(f);
    fs::rename(&tmp, path).map_err(io_err(path))?;
    if durable {
        sync_dir(dir)?;
    }
    Ok(())
}

fn sync_dir(dir: &Path) -> Result<(), VaultError> {
    #[cfg(unix)]
    {
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(io_err(dir))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Writes a new file only if `path` does not exist yet: the bytes go to a temp file (fsynced),
/// which is then hard-linked to `path`. Another process that created `path` first wins; the
/// caller reads what is there. Never a half-written key file under its final name.
fn create_exclusive(path: &Path, bytes: &[u8]) -> Result<(), VaultError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".tmp-{}-{}", std::process::id(), random_hex(6)?));
    let mut f = new_file_options().open(&tmp).map_err(io_err(&tmp))?;
    let written = f.write_all(bytes).and_then(|()| f.sync_all());
    drop(f);
    let linked = written.and_then(|()| fs::hard_link(&tmp, path));
    let _ = fs::remove_file(&tmp);
    match linked {
        Ok(()) => sync_dir(dir),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(io_err(path)(e)),
    }
}

/// Reads a 32-byte key file; `None` when it does not exist.
fn load_key(path: &Path) -> Result<Option<Zeroizing<[u8; 32]>>, VaultError> {
    match fs::read(path) {
        Ok(b) => {
            let b = Zeroizing::new(b);
            let arr: [u8; 32] = b
                .as_slice()
                .try_into()
                .map_err(|_| VaultError::BadKeyFile {
                    path: path.to_path_buf(),
                })?;
            Ok(Some(Zeroizing::new(arr)))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_err(path)(e)),
    }
}

fn load_or_create_key(path: &Path) -> Result<Zeroizing<[u8; 32]>, VaultError> {
    if let Some(k) = load_key(path)? {
        return Ok(k);
    }
    let mut k = Zeroizing::new([0u8; 32]);
    random_bytes(&mut k[..])?;
    create_exclusive(path, &k[..])?;
    // Another process may have created it first: use what is there.
    load_key(path)?.ok_or(VaultError::KeyMissing { name: "key" })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vault() -> (tempfile::TempDir, Vault) {
        let d = tempfile::tempdir().unwrap();
        let v = Vault::open(d.path()).unwrap();
        (d, v)
    }

    #[test]
    fn blob_roundtrip_sizes() {
        let (_d, v) = vault();
        let k = DataKey::generate().unwrap();
        for n in [0, 1, 100, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 7] {
            let data: Vec<u8> = (0..n).map(|i| (i * 7 % 251) as u8).collect();
            let id = v.put_blob(&k, &data).unwrap();
            assert_eq!(v.get_blob(&k, &id).unwrap(), data, "size {n}");
        }
    }

    #[test]
    fn streamed_blobs_equal_whole_ones() {
        let (_d, v) = vault();
        let k = DataKey::generate().unwrap();
        for n in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 7] {
            let data: Vec<u8> = (0..n).map(|i| (i * 13 % 251) as u8).collect();
            // Written in uneven pieces, read back whole, through `Read`, and by a whole put.
            let mut w = v.blob_writer(&k).unwrap();
            for piece in data.chunks(CHUNK / 3 + 5) {
                w.write_all(piece).unwrap();
            }
            let id = w.finish().unwrap();
            assert_eq!(v.get_blob(&k, &id).unwrap(), data, "size {n}");
            let mut back = Vec::new();
            let mut r = v.open_blob(&k, &id).unwrap();
            let mut small = [0u8; 4096 + 3];
            loop {
                let got = r.read(&mut small).unwrap();
                if got == 0 {
                    break;
                }
                back.extend_from_slice(&small[..got]);
            }
            assert_eq!(back, data, "size {n} through Read");
            let whole = v.put_blob(&k, &data).unwrap();
            assert_eq!(
                v.raw_blob(&whole).unwrap().len(),
                v.raw_blob(&id).unwrap().len()
            );
        }
        // Unfinished: nothing stays behind, not even the temp file.
        let mut w = v.blob_writer(&k).unwrap();
        w.write_all(&vec![1u8; CHUNK + 5]).unwrap();
        let id = w.id().clone();
        drop(w);
        assert!(!v.has_blob(&id));
        let shard = v.vault_dir().join(&id.as_str()[..2]);
        let left: Vec<_> = fs::read_dir(&shard)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp-"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
        // A damaged chunk is an error through `Read` too.
        let id = v.put_blob(&k, &vec![5u8; CHUNK + 10]).unwrap();
        let mut raw = v.raw_blob(&id).unwrap();
        raw[30] ^= 1;
        Vault::write_raw_blob_in(v.vault_dir(), &id, &raw).unwrap();
        let mut sink = Vec::new();
        assert!(v
            .open_blob(&k, &id)
            .unwrap()
            .read_to_end(&mut sink)
            .is_err());
    }

    #[test]
    fn a_streamed_mac_equals_the_whole_one() {
        let (_d, v) = vault();
        let data: Vec<u8> = (0..100_000u32).map(|i| (i % 253) as u8).collect();
        let mut m = v.mac_stream("content");
        for piece in data.chunks(777) {
            m.update(piece);
        }
        assert_eq!(m.finish(), v.mac("content", &data));
        assert_ne!(v.mac_stream("path").finish(), v.mac("content", b""));
    }

    #[test]
    fn blob_is_ciphertext_and_tamper_evident() {
        let (_d, v) = vault();
        let k = DataKey::generate().unwrap();
        let id = v.put_blob(&k, b"Jan Modaal jan@example.org").unwrap();
        let raw = v.raw_blob(&id).unwrap();
        assert!(!raw.windows(10).any(|w| w == b"Jan Modaal"));
        let mut bad = raw.clone();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        Vault::write_raw_blob_in(v.vault_dir(), &id, &bad).unwrap();
        assert!(matches!(
            v.get_blob(&k, &id),
            Err(VaultError::BlobDamaged { .. })
        ));
        // Truncating a whole chunk is caught by the last-chunk flag.
        let k2 = DataKey::generate().unwrap();
        let big = vec![3u8; CHUNK + 10];
        let id2 = v.put_blob(&k2, &big).unwrap();
        let raw2 = v.raw_blob(&id2).unwrap();
        Vault::write_raw_blob_in(v.vault_dir(), &id2, &raw2[..23 + CHUNK + TAG]).unwrap();
        assert!(v.get_blob(&k2, &id2).is_err());
        v.delete_blob(&id).unwrap();
        v.delete_blob(&id).unwrap();
        assert!(matches!(
            v.get_blob(&k, &id),
            Err(VaultError::BlobMissing { .. })
        ));
    }

    #[test]
    fn wrap_rotate_erase() {
        let (d, v) = vault();
        let k = DataKey::generate().unwrap();
        let sealed = k.seal("t", b"hello").unwrap();
        let w1 = v.wrap(&k).unwrap();
        assert_eq!(w1.generation, 1);
        let g2 = v.new_generation().unwrap();
        assert_eq!(g2, 2);
        let w2 = v.rewrap(&w1).unwrap();
        assert_eq!(w2.generation, 2);
        v.erase_kek(1, 7, "2024-04-01T00:00:00Z").unwrap();
        v.erase_kek(1, 7, "2024-04-01T00:00:00Z").unwrap();
        assert!(matches!(
            v.unwrap(&w1),
            Err(VaultError::KekGone { generation: 1 })
        ));
        let k2 = v.unwrap(&w2).unwrap();
        assert_eq!(k2.open("t", &sealed).unwrap(), b"hello");
        assert!(k2.open("u", &sealed).is_err());
        let erased = v.erased_keks().unwrap();
        assert_eq!(erased.len(), 1);
        assert_eq!(erased[0].run, 7);
        // Reopening keeps generation 2 and the lookup key.
        let m = v.mac("content", b"x");
        let v2 = Vault::open(d.path()).unwrap();
        assert_eq!(v2.current_generation().unwrap(), 2);
        assert_eq!(v2.mac("content", b"x"), m);
        assert_ne!(v2.mac("path", b"x"), m);
    }

    #[test]
    fn head_and_signatures() {
        let (_d, v) = vault();
        assert!(v.read_head().unwrap().is_none());
        let sig = v.sign(b"12 abc");
        assert!(v.verify_signature(b"12 abc", &sig));
        assert!(!v.verify_signature(b"13 abc", &sig));
        let h = AuditHead {
            rowid: 12,
            hash: "abc".into(),
            signature: sig,
        };
        v.write_head(&h, true).unwrap();
        assert_eq!(v.read_head().unwrap(), Some(h));
    }

    #[cfg(unix)]
    #[test]
    fn modes() {
        use std::os::unix::fs::PermissionsExt;
        let (d, _v) = vault();
        let m = fs::metadata(d.path().join("keys/kek-1.key")).unwrap();
        assert_eq!(m.permissions().mode() & 0o777, 0o600);
        let m = fs::metadata(d.path().join("keys")).unwrap();
        assert_eq!(m.permissions().mode() & 0o777, 0o700);
    }
}
