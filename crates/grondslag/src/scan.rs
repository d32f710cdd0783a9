//! `grondslag scan`: walk → read → extract (recursively into mails and archives) → detect →
//! ingest, then resolve data subjects.
//!
//! Workers (one per core) read, extract and detect; the main thread is the single SQLite writer.
//! It commits many documents per transaction ([`Store::begin_batch`]: at most
//! [`BATCH_DOCUMENTS`] documents or [`BATCH_TIME`], whichever comes first): one commit per
//! document wrote the same index pages to the WAL again for every document. A top-level file is
//! first ingested with an "incomplete" marker and only marked complete after everything inside
//! it is stored, so a scan killed at any point — also with a batch half full, or with a file's
//! children split over two batches — is finished by the next run without duplicates (documents
//! are deduplicated by content) or lost children. The workers also encrypt and write each
//! document's blobs ([`grondslag_store::Sealer`]): creating files was most of the writer's time
//! (see bench/scan.md).
//!
//! Robustness:
//! - A plain-text file above [`crate::detect_cmd::STREAM_ABOVE`] is never held in memory: one
//!   pass over the file feeds the content MAC, the encrypted original (which is also its text)
//!   and the detector, whose findings are spooled encrypted in the vault
//!   ([`grondslag_store::SealingStream`]). Memory stays flat whatever the file's size.
//! - Extracting and detecting one document runs under `catch_unwind`: a panic (a bug, on some
//!   odd input) makes that document unreadable ("interne fout") and the scan goes on. The panic
//!   hook (`main.rs`) prints only where it happened, never the message, which may quote text.
//! - Only regular files are opened, and without blocking (`O_NONBLOCK`, then checked by
//!   `fstat`): FIFOs, sockets, devices, symbolic links that loop, dangle or point outside the
//!   scanned folders are recorded as unreadable documents with a reason and reported, never
//!   followed or read. A link to a file inside the scanned folders is that file at a second
//!   path.

use std::cell::RefCell;
use std::fs::File;
use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant, UNIX_EPOCH};

use grondslag_detect::{DetectError, Detector};
use grondslag_extract::{DocType, Limits};
use grondslag_i18n::tr;
use grondslag_store::{DocId, Ingested, NewDocument, NewFinding, SealedBlobs, Sealer, Store};

use crate::cli::ScanArgs;
use crate::detect_cmd::{PIECES_ABOVE, STREAM_ABOVE};
use crate::ui;

/// Files above this size are recorded as unreadable instead of being read into memory.
const MAX_FILE: u64 = 512 * 1024 * 1024;
/// The mtime stored while a file's children are still being ingested.
const INCOMPLETE: i64 = i64::MIN;
/// At most this many documents per transaction: enough to amortise the commit, small enough
/// that a crash loses little work.
const BATCH_DOCUMENTS: usize = 200;
/// A batch is committed at the latest this long after it was opened, also while the workers are
/// slow (OCR), so the inventory on disk never lags far behind the scan.
const BATCH_TIME: Duration = Duration::from_millis(250);
/// For tests only: abort the process (no cleanup, like `kill -9`) right after this many
/// documents were ingested, i.e. in the middle of an uncommitted batch.
const CRASH_AFTER_ENV: &str = "GRONDSLAG_TEST_CRASH_AFTER_DOCUMENTS";

/// Debug builds only, for tests: panic while reading every document whose own name (after the
/// last `/` or `!`) is this, with the document's text in the message, as a detector bug would.
#[cfg(debug_assertions)]
const PANIC_ON_ENV: &str = "GRONDSLAG_TEST_PANIC_ON";
/// Debug builds only, for tests: stream plain-text files above this many bytes (instead of
/// [`STREAM_ABOVE`]), so the streaming path can be tested on small files.
#[cfg(debug_assertions)]
const STREAM_ABOVE_ENV: &str = "GRONDSLAG_TEST_STREAM_ABOVE";

/// Plain-text files above this size are streamed ([`STREAM_ABOVE`], as `extract`/`detect` do).
fn stream_above() -> u64 {
    #[cfg(debug_assertions)]
    if let Some(n) = std::env::var(STREAM_ABOVE_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
    {
        return n;
    }
    STREAM_ABOVE
}

/// Panics on the document named by [`PANIC_ON_ENV`] (debug builds; nothing in release builds).
#[cfg(debug_assertions)]
fn test_panic(path: &str, text: &str) {
    if let Ok(name) = std::env::var(PANIC_ON_ENV) {
        if path.rsplit(['/', '!']).next() == Some(name.as_str()) {
            let quote: String = text.chars().take(200).collect();
            panic!("test panic in {path}: {quote}");
        }
    }
}

#[cfg(not(debug_assertions))]
fn test_panic(_path: &str, _text: &str) {}

/// One document ready to be stored, produced by a worker.
struct Prepared {
    path: String,
    /// Index (in the same batch) of the document this one was found in.
    parent: Option<usize>,
    doc_type: &'static str,
    size: u64,
    mtime: i64,
    original: Vec<u8>,
    text: Option<String>,
    unreadable: Option<String>,
    needs_ocr: bool,
    findings: Vec<(usize, usize, &'static str, f32, &'static str)>,
    /// Findings of a streamed document: spooled in `sealed`, counted here.
    streamed_findings: u64,
    /// Original and text already encrypted into the vault by the worker (`None` if that failed:
    /// the writer then seals them itself and reports the error). Always set for a streamed
    /// document, whose original and findings exist only here.
    sealed: Option<SealedBlobs>,
}

/// Everything found in one top-level file, parent first.
struct Batch {
    docs: Vec<Prepared>,
    /// The vault could not take a streamed file: the scan stops with this message (a full disk
    /// is not a property of the document).
    fatal: Option<String>,
}

/// What the walk found at one path.
enum Entry {
    /// A regular file, read from `read_from` (itself, or the target of a link that stays
    /// inside the scanned folders).
    File { path: PathBuf, read_from: PathBuf },
    /// Something that is not opened, and why.
    Odd { path: PathBuf, reason: String },
}

#[derive(Default)]
struct Counts {
    files: u64,
    skipped: u64,
    documents: u64,
    new_documents: u64,
    unreadable: u64,
    findings: u64,
    bytes: u64,
    /// Files whose content a destruction run destroyed (not stored again), and those runs.
    resurfaced: u64,
    resurfaced_runs: std::collections::BTreeSet<i64>,
}

pub fn scan(args: ScanArgs) -> anyhow::Result<ExitCode> {
    let user = ui::user(&args.store);
    let mut store = crate::inventory::open_home(&args.store.home)?;
    store.set_actor(&user);
    let scan_id = store.begin_scan(args.paths.len())?;

    let mut limits = Limits::default();
    if args.no_ocr {
        limits.ocr = false;
    }
    for p in &args.paths {
        if !p.exists() {
            anyhow::bail!(
                "{}: {}",
                p.display(),
                tr!("scan-does-not-exist-scan-not-started")
            );
        }
    }
    let walked = walk(&args.paths);
    let mut counts = Counts::default();
    let mut writer = Writer::begin(&mut store)?;
    // Unreadable directories, vanished entries and what is not a regular file are documents
    // too, marked unreadable, and named on stderr.
    let mut todo = Vec::new();
    for entry in walked.entries {
        let (path, read_from) = match entry {
            Entry::File { path, read_from } => (path, read_from),
            Entry::Odd { path, reason } => {
                let shown = path.to_string_lossy().into_owned();
                eprintln!(
                    "{}",
                    tr!(
                        "scan-not-read",
                        path = ui::shown(&shown).into_owned(),
                        reason = ui::shown(&reason).into_owned()
                    )
                );
                counts.unreadable += 1;
                counts.documents += 1;
                writer.ingest(
                    &NewDocument {
                        path: &shown,
                        parent: None,
                        doc_type: "unknown",
                        size: 0,
                        mtime: 0,
                        original: &[],
                        text: None,
                        unreadable: Some(&reason),
                        needs_ocr: false,
                        findings: &[],
                    },
                    None,
                )?;
                continue;
            }
        };
        // Skip files that are unchanged since the last complete scan of their path.
        counts.files += 1;
        let (size, mtime) = match std::fs::metadata(&read_from) {
            Ok(m) => (m.len(), mtime_of(&m)),
            Err(_) => (0, 0),
        };
        let shown = path.to_string_lossy().into_owned();
        if writer.store.path_unchanged(&shown, size, mtime)?.is_some() {
            counts.skipped += 1;
            continue;
        }
        todo.push((path, read_from));
    }
    if walked.links_to_folders > 0 {
        eprintln!(
            "{}",
            tr!("scan-links-to-folders", count = walked.links_to_folders)
        );
    }

    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .max(1);
    let progress = Progress::new(todo.len() as u64);
    let detector = Detector::new();
    let sealer = writer.store.sealer()?;
    let (work_tx, work_rx) = crossbeam_channel::bounded::<(PathBuf, PathBuf)>(jobs * 2);
    let (done_tx, done_rx) = mpsc::sync_channel::<Batch>(jobs * 2);
    let stream_above = stream_above();
    let write_result: anyhow::Result<()> = std::thread::scope(|s| {
        for _ in 0..jobs {
            let work_rx = work_rx.clone();
            let done_tx = done_tx.clone();
            let detector = &detector;
            let limits = &limits;
            let sealer = &sealer;
            s.spawn(move || {
                for (path, read_from) in work_rx {
                    let work = Work {
                        detector,
                        limits,
                        sealer,
                        stream_above,
                        threads: jobs,
                    };
                    // Each document is guarded on its own in `prepare`; this catches what
                    // slips through (a panic while sealing), so a worker never dies.
                    let batch = catch_unwind(AssertUnwindSafe(|| {
                        let mut batch = work.prepare(&path, &read_from);
                        for doc in &mut batch.docs {
                            if doc.sealed.is_none() {
                                doc.sealed = sealer.seal(&doc.original, doc.text.as_deref()).ok();
                            }
                        }
                        batch
                    }))
                    .unwrap_or_else(|_| Batch {
                        docs: vec![unreadable(
                            path.to_string_lossy().into_owned(),
                            None,
                            0,
                            0,
                            tr!("scan-internal-error"),
                        )],
                        fatal: None,
                    });
                    if done_tx.send(batch).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let feeder = s.spawn(move || {
            for path in todo {
                if work_tx.send(path).is_err() {
                    break;
                }
            }
        });
        let mut result = Ok(());
        loop {
            let batch = match done_rx.recv_timeout(BATCH_TIME) {
                Ok(batch) => batch,
                // The workers are slow: commit what waits instead of holding it open.
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if result.is_ok() {
                        result = writer.commit_if_due();
                    }
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            };
            if result.is_ok() {
                result = store_batch(&mut writer, &sealer, batch, &mut counts);
            } else {
                // Not stored after an error: the blobs the worker wrote go again.
                for doc in batch.docs {
                    if let Some(blobs) = doc.sealed {
                        sealer.discard(blobs);
                    }
                }
            }
            progress.tick(counts.bytes);
        }
        let _ = feeder.join();
        result
    });
    progress.finish();
    // Whatever was stored before an error is kept (each document is whole or absent).
    let committed = writer.finish();
    write_result?;
    committed?;

    // Everything is stored; resolving subjects can take a while on millions of findings.
    eprintln!("{}", tr!("scan-stored", documents = counts.documents));
    crate::inventory::resolve_subjects(&mut store)?;
    store.audit_append(
        "scan",
        "inventory",
        &format!(
            "files={} unchanged={} documents={} new={} unreadable={} findings={}",
            counts.files,
            counts.skipped,
            counts.documents,
            counts.new_documents,
            counts.unreadable,
            counts.findings
        ),
    )?;
    eprintln!(
        "{}",
        tr!(
            "scan-complete",
            files = counts.files,
            unchanged = counts.skipped,
            documents = counts.documents,
            unreadable = counts.unreadable,
            findings = counts.findings
        )
    );
    store.finish_scan(
        scan_id,
        counts.files,
        counts.new_documents,
        counts.skipped,
        counts.unreadable,
    )?;
    if counts.resurfaced > 0 {
        let runs: Vec<String> = counts
            .resurfaced_runs
            .iter()
            .map(|r| r.to_string())
            .collect();
        eprintln!(
            "{}",
            grondslag_i18n::tr!(
                "scan-resurfaced",
                count = counts.resurfaced,
                runs = runs.join(", ")
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The single writer: ingests into batches and commits them when due.
struct Writer<'s> {
    store: &'s mut Store,
    opened: Instant,
    ingested: u64,
    crash_after: Option<u64>,
}

impl<'s> Writer<'s> {
    fn begin(store: &'s mut Store) -> anyhow::Result<Writer<'s>> {
        store.begin_batch()?;
        Ok(Writer {
            store,
            opened: Instant::now(),
            ingested: 0,
            crash_after: std::env::var(CRASH_AFTER_ENV)
                .ok()
                .and_then(|v| v.parse().ok()),
        })
    }

    fn ingest(
        &mut self,
        doc: &NewDocument,
        sealed: Option<SealedBlobs>,
    ) -> anyhow::Result<Ingested> {
        let ingested = match sealed {
            Some(blobs) => self.store.ingest_sealed(doc, blobs)?,
            None => self.store.ingest(doc)?,
        };
        self.ingested += 1;
        if self.crash_after == Some(self.ingested) {
            std::process::abort();
        }
        if self.store.batch_documents() >= BATCH_DOCUMENTS {
            self.commit()?;
        }
        Ok(ingested)
    }

    /// Commits the batch if it has been open for [`BATCH_TIME`] (and holds anything).
    fn commit_if_due(&mut self) -> anyhow::Result<()> {
        if self.store.batch_documents() > 0 && self.opened.elapsed() >= BATCH_TIME {
            self.commit()?;
        }
        Ok(())
    }

    fn commit(&mut self) -> anyhow::Result<()> {
        self.store.commit_batch()?;
        self.store.begin_batch()?;
        self.opened = Instant::now();
        Ok(())
    }

    /// Commits the last batch and leaves none open.
    fn finish(self) -> anyhow::Result<()> {
        self.store.commit_batch()?;
        Ok(())
    }
}

fn store_batch(
    writer: &mut Writer,
    sealer: &Sealer,
    mut batch: Batch,
    counts: &mut Counts,
) -> anyhow::Result<()> {
    let mut sealed: Vec<Option<SealedBlobs>> =
        batch.docs.iter_mut().map(|d| d.sealed.take()).collect();
    let result = match batch.fatal.take() {
        Some(message) => Err(anyhow::anyhow!(message)),
        None => store_docs(writer, &batch, &mut sealed, counts),
    };
    // After an error the blobs the workers wrote for documents not stored go again.
    for blobs in sealed.into_iter().flatten() {
        sealer.discard(blobs);
    }
    result
}

fn store_docs(
    writer: &mut Writer,
    batch: &Batch,
    sealed: &mut [Option<SealedBlobs>],
    counts: &mut Counts,
) -> anyhow::Result<()> {
    let mut ids: Vec<DocId> = Vec::with_capacity(batch.docs.len());
    let top_mtime = batch.docs.first().map(|d| d.mtime);
    for (i, doc) in batch.docs.iter().enumerate() {
        let findings: Vec<NewFinding> = match &doc.text {
            Some(text) => doc
                .findings
                .iter()
                .map(|&(start, end, kind, score, rule)| NewFinding {
                    start,
                    end,
                    kind,
                    score,
                    rule,
                    value: &text[start..end],
                })
                .collect(),
            None => Vec::new(),
        };
        // The top-level file stays "incomplete" until everything inside it is stored.
        let has_children = batch.docs.len() > 1;
        let mtime = if i == 0 && has_children {
            INCOMPLETE
        } else {
            doc.mtime
        };
        let new = NewDocument {
            path: &doc.path,
            parent: doc.parent.map(|p| ids[p]),
            doc_type: doc.doc_type,
            size: doc.size,
            mtime,
            original: &doc.original,
            text: doc.text.as_deref(),
            unreadable: doc.unreadable.as_deref(),
            needs_ocr: doc.needs_ocr,
            findings: &findings,
        };
        let ingested = writer.ingest(&new, sealed[i].take())?;
        ids.push(ingested.id);
        if let Some(run) = ingested.destroyed_by {
            counts.resurfaced += 1;
            counts.resurfaced_runs.insert(run.0);
        }
        counts.documents += 1;
        counts.new_documents += u64::from(ingested.new);
        counts.unreadable += u64::from(doc.unreadable.is_some());
        counts.findings += findings.len() as u64 + doc.streamed_findings;
        counts.bytes += if i == 0 { doc.size } else { 0 };
    }
    if batch.docs.len() > 1 {
        let top = &batch.docs[0];
        writer.ingest(
            &NewDocument {
                path: &top.path,
                parent: None,
                doc_type: top.doc_type,
                size: top.size,
                mtime: top_mtime.unwrap_or(0),
                original: &top.original,
                text: top.text.as_deref(),
                unreadable: top.unreadable.as_deref(),
                needs_ocr: top.needs_ocr,
                findings: &[],
            },
            None,
        )?;
    }
    writer.commit_if_due()
}

/// What a worker needs to prepare files.
struct Work<'a> {
    detector: &'a Detector,
    limits: &'a Limits,
    sealer: &'a Sealer,
    stream_above: u64,
    /// Threads for detecting one streamed file (its pieces are detected in parallel).
    threads: usize,
}

impl Work<'_> {
    /// Reads, extracts and detects one top-level file and everything inside it. `read_from`
    /// is `path` itself or, for a link inside the scanned folders, its target.
    fn prepare(&self, path: &Path, read_from: &Path) -> Batch {
        let shown = path.to_string_lossy().into_owned();
        let mut docs = Vec::new();
        let file = open_regular(read_from);
        let (size, mtime) = match &file {
            Ok((_, m)) => (m.len(), mtime_of(m)),
            Err(_) => (0, 0),
        };
        let mut file = match file {
            Ok((file, _)) => file,
            Err(reason) => {
                docs.push(unreadable(shown, None, size, mtime, reason));
                return Batch { docs, fatal: None };
            }
        };
        if size > self.stream_above {
            let mut head = Vec::with_capacity(8192);
            if let Err(e) = (&mut file).take(8192).read_to_end(&mut head) {
                let reason = crate::detect_cmd::io_reason(&e);
                docs.push(unreadable(shown, None, size, mtime, reason));
                return Batch { docs, fatal: None };
            }
            let doc_type = grondslag_extract::sniff(&shown, &head);
            if matches!(doc_type, DocType::Text | DocType::Markdown) {
                return self.prepare_streamed(shown, doc_type, head, file, size, mtime);
            }
        }
        let bytes = if size > MAX_FILE {
            Err(format!(
                "te groot om in te lezen ({size} bytes > {MAX_FILE} bytes) / too large"
            ))
        } else {
            let mut bytes = Vec::with_capacity(size as usize);
            // From the start again: the streaming check may have read the head.
            read_all_from_start(&mut file, &mut bytes)
                .map(|()| bytes)
                .map_err(|e| crate::detect_cmd::io_reason(&e))
        };
        match bytes {
            Ok(bytes) => self.prepare_bytes(shown, None, bytes, mtime, 0, &mut docs),
            Err(reason) => docs.push(unreadable(shown, None, size, mtime, reason)),
        }
        Batch { docs, fatal: None }
    }

    /// A large plain-text file in one pass: content MAC, encrypted original (which is its
    /// text) and detection with its findings spooled encrypted, never the whole in memory.
    fn prepare_streamed(
        &self,
        shown: String,
        doc_type: DocType,
        head: Vec<u8>,
        file: File,
        size: u64,
        mtime: i64,
    ) -> Batch {
        let fatal = |e: grondslag_store::StoreError| Batch {
            docs: Vec::new(),
            fatal: Some(tr!(
                "scan-seal-failed",
                path = ui::shown(&shown).into_owned(),
                detail = crate::messages::store_error(&e)
            )),
        };
        // As `extract` streams such a file: a NUL in its head means it is not text.
        if let Some(at) = head.iter().position(|&b| b == 0) {
            let reason = tr!("scan-binary", offset = at);
            return Batch {
                docs: vec![unreadable(shown, None, size, mtime, reason)],
                fatal: None,
            };
        }
        let stream = match self.sealer.stream() {
            Ok(s) => s,
            Err(e) => return fatal(e),
        };
        let stream = RefCell::new(stream);
        let snippet = String::from_utf8_lossy(&head[..head.len().min(200)]).into_owned();
        let mut tee = Tee {
            input: std::io::Cursor::new(head).chain(file),
            stream: &stream,
            failed: None,
        };
        let mut spool_failed = None;
        let mut findings = 0u64;
        let detected = catch_unwind(AssertUnwindSafe(|| {
            test_panic(&shown, &snippet);
            let sink = |f: &grondslag_detect::Finding, value: &str| {
                if spool_failed.is_some() {
                    return;
                }
                let spooled = stream.borrow_mut().finding(&NewFinding {
                    start: f.start,
                    end: f.end,
                    kind: f.kind.as_str(),
                    score: f.score,
                    rule: f.rule,
                    value,
                });
                match spooled {
                    Ok(()) => findings += 1,
                    Err(e) => spool_failed = Some(e),
                }
            };
            self.detector
                .detect_reader_parallel(&mut tee, self.threads, sink)
        }));
        if let Some(e) = tee.failed.take().or(spool_failed) {
            return fatal(e);
        }
        let text_is_original = match detected {
            Ok(Ok(())) => Ok(()),
            Ok(Err(DetectError::InvalidUtf8 { offset })) => {
                Err(tr!("scan-invalid-utf8", offset = offset))
            }
            Ok(Err(DetectError::Io { source, .. })) => {
                let reason = crate::detect_cmd::io_reason(&source);
                return Batch {
                    docs: vec![unreadable(shown, None, size, mtime, reason)],
                    fatal: None,
                };
            }
            Err(_) => {
                return Batch {
                    docs: vec![unreadable(
                        shown,
                        None,
                        size,
                        mtime,
                        tr!("scan-internal-error"),
                    )],
                    fatal: None,
                }
            }
        };
        // The detector stops at an invalid byte: the rest of the original is still sealed.
        if let Err(e) = std::io::copy(&mut tee, &mut std::io::sink()) {
            let reason = crate::detect_cmd::io_reason(&e);
            return Batch {
                docs: vec![unreadable(shown, None, size, mtime, reason)],
                fatal: None,
            };
        }
        if let Some(e) = tee.failed.take() {
            return fatal(e);
        }
        let stream = stream.into_inner();
        let bytes = stream.original_len();
        let sealed = match stream.finish(text_is_original.is_ok()) {
            Ok(s) => s,
            Err(e) => return fatal(e),
        };
        let unreadable_reason = text_is_original.err();
        let mut doc = unreadable(shown, None, bytes, mtime, String::new());
        doc.doc_type = doc_type.as_str();
        doc.unreadable = unreadable_reason;
        doc.streamed_findings = if doc.unreadable.is_none() {
            findings
        } else {
            0
        };
        doc.sealed = Some(sealed);
        Batch {
            docs: vec![doc],
            fatal: None,
        }
    }

    /// Extracts and detects one document (and, recursively, what is inside it). A panic while
    /// doing so makes this document unreadable; the others are not touched.
    #[allow(clippy::too_many_arguments)]
    fn prepare_bytes(
        &self,
        path: String,
        parent: Option<usize>,
        bytes: Vec<u8>,
        mtime: i64,
        depth: u32,
        docs: &mut Vec<Prepared>,
    ) {
        let size = bytes.len() as u64;
        let head = &bytes[..bytes.len().min(8192)];
        let sniffed = grondslag_extract::sniff(&path, head);
        let read = catch_unwind(AssertUnwindSafe(|| {
            let extracted = grondslag_extract::extract(&path, &bytes, self.limits)?;
            test_panic(&path, &extracted.text);
            let findings = self.detect(&extracted.text);
            Ok::<_, grondslag_extract::ExtractError>((extracted, findings))
        }));
        match read {
            Ok(Ok((extracted, findings))) => {
                let index = docs.len();
                docs.push(Prepared {
                    path: path.clone(),
                    parent,
                    doc_type: extracted.doc_type.as_str(),
                    size,
                    mtime,
                    original: bytes,
                    text: Some(extracted.text),
                    unreadable: None,
                    needs_ocr: extracted.needs_ocr,
                    findings,
                    streamed_findings: 0,
                    sealed: None,
                });
                for child in extracted.children {
                    let child_path = format!("{path}!{}", child.name);
                    if depth + 1 > self.limits.max_depth {
                        docs.push(unreadable(
                            child_path,
                            Some(index),
                            child.bytes.len() as u64,
                            mtime,
                            tr!("scan-nested-too-deep", depth = self.limits.max_depth),
                        ));
                        continue;
                    }
                    self.prepare_bytes(
                        child_path,
                        Some(index),
                        child.bytes,
                        mtime,
                        depth + 1,
                        docs,
                    );
                }
            }
            Ok(Err(e)) => {
                let mut doc = unreadable(
                    path,
                    parent,
                    size,
                    mtime,
                    crate::messages::extract_error(&e),
                );
                doc.doc_type = sniffed.as_str();
                doc.original = bytes;
                docs.push(doc);
            }
            Err(_) => {
                let mut doc = unreadable(path, parent, size, mtime, tr!("scan-internal-error"));
                doc.doc_type = sniffed.as_str();
                doc.original = bytes;
                docs.push(doc);
            }
        }
    }

    /// The findings of a text in memory, as `detect` gives them: a text above
    /// [`PIECES_ABOVE`] is detected in the detector's pieces (on this worker's thread).
    fn detect(&self, text: &str) -> Vec<(usize, usize, &'static str, f32, &'static str)> {
        let as_tuple =
            |f: &grondslag_detect::Finding| (f.start, f.end, f.kind.as_str(), f.score, f.rule);
        if text.len() > PIECES_ABOVE {
            let mut out = Vec::new();
            // A `&str` is UTF-8 and cannot fail to read.
            let _ = self
                .detector
                .detect_reader(text.as_bytes(), |f, _| out.push(as_tuple(f)));
            return out;
        }
        self.detector.detect(text).iter().map(as_tuple).collect()
    }
}

/// Reads a file's bytes from its start (after the streaming check may have read its head).
fn read_all_from_start(file: &mut File, into: &mut Vec<u8>) -> std::io::Result<()> {
    use std::io::Seek;
    file.seek(std::io::SeekFrom::Start(0))?;
    file.read_to_end(into)?;
    Ok(())
}

/// Reads the original for the detector and gives every byte to the sealing stream on the way.
struct Tee<'s, 'v, R> {
    input: R,
    stream: &'s RefCell<grondslag_store::SealingStream<'v>>,
    /// The vault failed to take the bytes: the document cannot be stored.
    failed: Option<grondslag_store::StoreError>,
}

impl<R: Read> Read for Tee<'_, '_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.failed.is_some() {
            return Err(std::io::Error::other("the vault failed"));
        }
        let n = self.input.read(buf)?;
        if let Err(e) = self.stream.borrow_mut().original(&buf[..n]) {
            self.failed = Some(e);
            return Err(std::io::Error::other("the vault failed"));
        }
        Ok(n)
    }
}

/// Opens a regular file for reading without ever blocking on what is not one (a FIFO put in
/// its place after the walk): opened non-blocking, then checked with `fstat`.
fn open_regular(path: &Path) -> Result<(File, std::fs::Metadata), String> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| crate::detect_cmd::io_reason(&e))?;
    let meta = file
        .metadata()
        .map_err(|e| crate::detect_cmd::io_reason(&e))?;
    if !meta.is_file() {
        return Err(not_regular_reason(&meta.file_type()));
    }
    Ok((file, meta))
}

/// Why an entry of this type is not read.
fn not_regular_reason(t: &std::fs::FileType) -> String {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        tr!("scan-not-regular-fifo")
    } else if t.is_socket() {
        tr!("scan-not-regular-socket")
    } else if t.is_char_device() || t.is_block_device() {
        tr!("scan-not-regular-device")
    } else {
        tr!("scan-not-regular")
    }
}

fn unreadable(
    path: String,
    parent: Option<usize>,
    size: u64,
    mtime: i64,
    reason: String,
) -> Prepared {
    Prepared {
        path,
        parent,
        doc_type: DocType::Unknown.as_str(),
        size,
        mtime,
        original: Vec::new(),
        text: None,
        unreadable: Some(reason),
        needs_ocr: false,
        findings: Vec::new(),
        streamed_findings: 0,
        sealed: None,
    }
}

fn mtime_of(m: &std::fs::Metadata) -> i64 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i64)
}

/// What the walk found.
struct Walked {
    /// In walk order (sorted by name, for a stable order).
    entries: Vec<Entry>,
    /// Symbolic links to folders inside the scanned folders: not followed (their content is
    /// read where it is), only counted.
    links_to_folders: u64,
}

/// Every entry under the given paths: regular files to read, and what is not read with the
/// reason (unreadable folders, vanished entries, FIFOs, sockets, devices, links that loop,
/// dangle or leave the scanned folders). Symbolic links are never followed by the walk itself.
fn walk(paths: &[PathBuf]) -> Walked {
    // Where a link may point: inside one of the scanned folders (or at a scanned file).
    let roots: Vec<PathBuf> = paths
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    let mut walked = Walked {
        entries: Vec::new(),
        links_to_folders: 0,
    };
    for root in paths {
        for entry in walkdir::WalkDir::new(root)
            .follow_links(false)
            .sort_by_file_name()
        {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let path = e.into_path();
                    walked.entries.push(Entry::File {
                        read_from: path.clone(),
                        path,
                    });
                }
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) if e.file_type().is_symlink() => match follow_link(e.path(), &roots) {
                    Ok(Some(target)) => walked.entries.push(Entry::File {
                        path: e.into_path(),
                        read_from: target,
                    }),
                    Ok(None) => walked.links_to_folders += 1,
                    Err(reason) => walked.entries.push(Entry::Odd {
                        path: e.into_path(),
                        reason,
                    }),
                },
                Ok(e) => {
                    let reason = not_regular_reason(&e.file_type());
                    walked.entries.push(Entry::Odd {
                        path: e.into_path(),
                        reason,
                    });
                }
                Err(e) => {
                    let path = e.path().map_or_else(|| root.clone(), Path::to_path_buf);
                    let reason = e
                        .io_error()
                        .map_or_else(|| e.to_string(), crate::detect_cmd::io_reason);
                    walked.entries.push(Entry::Odd {
                        path,
                        reason: tr!("scan-folder-unreadable", reason = reason),
                    });
                }
            }
        }
    }
    walked
}

/// Where a symbolic link inside the scanned folders leads: `Some(target)` for a regular file
/// inside them (read as this path too), `None` for a folder inside them (not followed: its
/// content is walked where it is), an error with the reason for everything else.
fn follow_link(link: &Path, roots: &[PathBuf]) -> Result<Option<PathBuf>, String> {
    let target = match std::fs::canonicalize(link) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(tr!("scan-link-dangling"))
        }
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => return Err(tr!("scan-link-loop")),
        Err(e) => {
            return Err(tr!(
                "scan-link-unreadable",
                detail = crate::detect_cmd::io_reason(&e)
            ))
        }
    };
    if !roots.iter().any(|r| target.starts_with(r)) {
        return Err(tr!("scan-link-outside"));
    }
    match std::fs::metadata(&target) {
        Ok(m) if m.is_file() => Ok(Some(target)),
        Ok(m) if m.is_dir() => Ok(None),
        Ok(_) => Err(tr!("scan-link-not-regular")),
        Err(e) => Err(tr!(
            "scan-link-unreadable",
            detail = crate::detect_cmd::io_reason(&e)
        )),
    }
}

/// A progress bar with counts and ETA, only on a terminal.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(total: u64) -> Progress {
        let bar = ui::stderr_is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(total);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} {msg} (ETA {eta})",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        Progress { bar }
    }

    fn tick(&self, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            bar.set_message(format!("{} MB", bytes / 1_000_000));
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
