//! Documents too large to hold in memory, sealed while they are read.
//!
//! A scan reads a large plain-text file once, as a stream, and hands each piece to three
//! consumers at the same time: the keyed content MAC (for dedup), the encrypted blob of the
//! original (the vault's 1 MiB STREAM chunks, [`grondslag_vault::BlobWriter`]) and the detector.
//! The detector's findings are spooled into a second blob under the same data key, so memory
//! stays flat whatever the size of the file or the number of its findings; the single writer
//! then reads the spool back, one finding at a time, when it stores the document. The text of a
//! UTF-8 text file is its content: one blob serves as both.
//!
//! Nothing here is ever in plain text on disk: the spool is ciphertext like every blob, under a
//! key that is stored (wrapped) only when the document is. What a crash leaves behind is
//! ciphertext under a key stored nowhere, or temp files `Vault::sweep_temp_files` removes.

use std::collections::BTreeSet;
use std::io::{BufReader, Read, Write};

use grondslag_vault::{BlobId, BlobWriter, DataKey, StreamMac, Vault};

use crate::{NewFinding, SealedBlobs, StoreError};

/// What a streamed document brings to its ingest besides its blobs.
pub(crate) struct Streamed {
    /// The keyed content MAC over every byte of the original.
    pub(crate) content_mac: [u8; 32],
    /// Its findings, spooled in the vault; `None` when it has no text.
    pub(crate) findings: Option<Spool>,
}

/// Findings spooled in a blob: `count` records (see [`SealingStream::finding`]).
pub(crate) struct Spool {
    pub(crate) blob: BlobId,
    pub(crate) count: usize,
    /// The distinct kinds among the findings.
    pub(crate) kinds: BTreeSet<String>,
}

impl Spool {
    /// Calls `f` with every spooled finding, in the order they were spooled.
    pub(crate) fn for_each(
        &self,
        vault: &Vault,
        key: &DataKey,
        mut f: impl FnMut(&NewFinding) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let damaged = || StoreError::Corrupt(format!("finding spool {}", self.blob));
        let mut r = BufReader::with_capacity(1 << 16, vault.open_blob(key, &self.blob)?);
        let (mut kind, mut rule, mut value) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..self.count {
            let mut fixed = [0u8; 20];
            r.read_exact(&mut fixed).map_err(|_| damaged())?;
            let start = u64::from_le_bytes(fixed[..8].try_into().map_err(|_| damaged())?);
            let end = u64::from_le_bytes(fixed[8..16].try_into().map_err(|_| damaged())?);
            let score = f32::from_le_bytes(fixed[16..20].try_into().map_err(|_| damaged())?);
            read_field(&mut r, &mut kind).map_err(|_| damaged())?;
            read_field(&mut r, &mut rule).map_err(|_| damaged())?;
            read_field(&mut r, &mut value).map_err(|_| damaged())?;
            let (Ok(kind), Ok(rule), Ok(value)) = (
                std::str::from_utf8(&kind),
                std::str::from_utf8(&rule),
                std::str::from_utf8(&value),
            ) else {
                return Err(damaged());
            };
            f(&NewFinding {
                start: usize::try_from(start).map_err(|_| damaged())?,
                end: usize::try_from(end).map_err(|_| damaged())?,
                kind,
                score,
                rule,
                value,
            })?;
        }
        Ok(())
    }
}

fn write_field(w: &mut impl Write, bytes: &[u8]) -> std::io::Result<()> {
    let len =
        u32::try_from(bytes.len()).map_err(|_| std::io::Error::other("finding value too long"))?;
    w.write_all(&len.to_le_bytes())?;
    w.write_all(bytes)
}

fn read_field(r: &mut impl Read, buf: &mut Vec<u8>) -> std::io::Result<()> {
    let mut len = [0u8; 4];
    r.read_exact(&mut len)?;
    buf.clear();
    buf.resize(u32::from_le_bytes(len) as usize, 0);
    r.read_exact(buf)
}

/// One document being sealed as it is read ([`crate::Sealer::stream`]): give it the original
/// bytes in order ([`SealingStream::original`]) and the findings in the order the detector
/// gives them ([`SealingStream::finding`]), then [`SealingStream::finish`] it into
/// [`SealedBlobs`] for [`crate::Store::ingest_sealed`]. Dropped unfinished, it leaves nothing.
pub struct SealingStream<'v> {
    vault: &'v Vault,
    key: DataKey,
    wrapped: grondslag_vault::WrappedKey,
    original: BlobWriter,
    mac: StreamMac,
    bytes: u64,
    spool: BlobWriter,
    count: usize,
    kinds: BTreeSet<String>,
}

impl<'v> SealingStream<'v> {
    pub(crate) fn new(vault: &'v Vault) -> Result<SealingStream<'v>, StoreError> {
        let key = DataKey::generate()?;
        let wrapped = vault.wrap(&key)?;
        let original = vault.blob_writer(&key)?;
        let spool = vault.blob_writer(&key)?;
        Ok(SealingStream {
            vault,
            mac: vault.mac_stream("content"),
            key,
            wrapped,
            original,
            bytes: 0,
            spool,
            count: 0,
            kinds: BTreeSet::new(),
        })
    }

    /// The next bytes of the original.
    pub fn original(&mut self, bytes: &[u8]) -> Result<(), StoreError> {
        self.mac.update(bytes);
        self.original
            .write_all(bytes)
            .map_err(|e| self.original.error(e))?;
        self.bytes += bytes.len() as u64;
        Ok(())
    }

    /// How many bytes of the original were given so far.
    pub fn original_len(&self) -> u64 {
        self.bytes
    }

    /// The next finding (offsets into the text, which is the original).
    pub fn finding(&mut self, f: &NewFinding) -> Result<(), StoreError> {
        if f.start > f.end {
            return Err(StoreError::Invalid(format!(
                "finding {}: start after end",
                self.count
            )));
        }
        let mut fixed = [0u8; 20];
        fixed[..8].copy_from_slice(&(f.start as u64).to_le_bytes());
        fixed[8..16].copy_from_slice(&(f.end as u64).to_le_bytes());
        fixed[16..].copy_from_slice(&f.score.to_le_bytes());
        let w = &mut self.spool;
        let written = w
            .write_all(&fixed)
            .and_then(|()| write_field(w, f.kind.as_bytes()))
            .and_then(|()| write_field(w, f.rule.as_bytes()))
            .and_then(|()| write_field(w, f.value.as_bytes()));
        written.map_err(|e| self.spool.error(e))?;
        self.count += 1;
        if !self.kinds.contains(f.kind) {
            self.kinds.insert(f.kind.to_string());
        }
        Ok(())
    }

    /// Ends the stream. With `text_is_original` the original is the document's text (a UTF-8
    /// text file) and the findings given are kept; without, the document has no text (it
    /// turned out not to be UTF-8) and any findings given are dropped.
    pub fn finish(self, text_is_original: bool) -> Result<SealedBlobs, StoreError> {
        let SealingStream {
            vault,
            key,
            wrapped,
            original,
            mac,
            spool,
            count,
            kinds,
            ..
        } = self;
        let original = original.finish()?;
        let findings = if text_is_original {
            match spool.finish() {
                Ok(blob) => Some(Spool { blob, count, kinds }),
                Err(e) => {
                    // The original is finished but will never be named: tidy it up.
                    let _ = vault.delete_blob(&original);
                    return Err(e.into());
                }
            }
        } else {
            None
        };
        Ok(SealedBlobs {
            key,
            wrapped,
            text: text_is_original.then(|| original.clone()),
            original,
            streamed: Some(Streamed {
                content_mac: mac.finish(),
                findings,
            }),
        })
    }
}
