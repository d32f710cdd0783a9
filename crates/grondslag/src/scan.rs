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

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant, UNIX_EPOCH};

use grondslag_detect::Detector;
use grondslag_extract::{DocType, Limits};
use grondslag_store::{DocId, Ingested, NewDocument, NewFinding, SealedBlobs, Sealer, Store};

use crate::cli::ScanArgs;
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
    /// Original and text already encrypted into the vault by the worker (`None` if that failed:
    /// the writer then seals them itself and reports the error).
    sealed: Option<SealedBlobs>,
}

/// Everything found in one top-level file, parent first.
struct Batch {
    docs: Vec<Prepared>,
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
    let (files, walk_errors) = walk(&args.paths);
    for p in &args.paths {
        if !p.exists() {
            anyhow::bail!(
                "{}: {}",
                p.display(),
                ui::t(
                    "bestaat niet; scan niet gestart",
                    "does not exist; scan not started"
                )
            );
        }
    }
    let mut counts = Counts::default();
    let mut writer = Writer::begin(&mut store)?;
    // Unreadable directories and vanished entries are documents too, marked unreadable.
    for (path, reason) in walk_errors {
        counts.unreadable += 1;
        counts.documents += 1;
        writer.ingest(
            &NewDocument {
                path: &path,
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
    }

    // Skip files that are unchanged since the last complete scan of their path.
    let mut todo = Vec::new();
    for path in files {
        counts.files += 1;
        let (size, mtime) = match std::fs::metadata(&path) {
            Ok(m) => (m.len(), mtime_of(&m)),
            Err(_) => (0, 0),
        };
        let shown = path.to_string_lossy().into_owned();
        if writer.store.path_unchanged(&shown, size, mtime)?.is_some() {
            counts.skipped += 1;
            continue;
        }
        todo.push(path);
    }

    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .max(1);
    let progress = Progress::new(todo.len() as u64);
    let detector = Detector::new();
    let sealer = writer.store.sealer()?;
    let (work_tx, work_rx) = crossbeam_channel::bounded::<PathBuf>(jobs * 2);
    let (done_tx, done_rx) = mpsc::sync_channel::<Batch>(jobs * 2);
    let write_result: anyhow::Result<()> = std::thread::scope(|s| {
        for _ in 0..jobs {
            let work_rx = work_rx.clone();
            let done_tx = done_tx.clone();
            let detector = &detector;
            let limits = &limits;
            let sealer = &sealer;
            s.spawn(move || {
                for path in work_rx {
                    let mut batch = prepare(&path, detector, limits);
                    for doc in &mut batch.docs {
                        doc.sealed = sealer.seal(&doc.original, doc.text.as_deref()).ok();
                    }
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
        "{}: {} {}, {} {}, {} {}, {} {}, {} {}",
        ui::t("scan klaar", "scan complete"),
        counts.files,
        ui::t("bestanden", "files"),
        counts.skipped,
        ui::t("ongewijzigd", "unchanged"),
        counts.documents,
        ui::t("documenten", "documents"),
        counts.unreadable,
        ui::t("onleesbaar", "unreadable"),
        counts.findings,
        ui::t("vondsten", "findings"),
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
    let result = store_docs(writer, &batch, &mut sealed, counts);
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
        counts.findings += findings.len() as u64;
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

/// Reads, extracts and detects one top-level file and everything inside it.
fn prepare(path: &Path, detector: &Detector, limits: &Limits) -> Batch {
    let shown = path.to_string_lossy().into_owned();
    let mut docs = Vec::new();
    let meta = std::fs::metadata(path);
    let (size, mtime) = match &meta {
        Ok(m) => (m.len(), mtime_of(m)),
        Err(_) => (0, 0),
    };
    let bytes = match meta {
        Err(e) => Err(crate::detect_cmd::io_reason(&e)),
        Ok(m) if m.len() > MAX_FILE => Err(format!(
            "te groot om in te lezen ({} bytes > {} bytes) / too large",
            m.len(),
            MAX_FILE
        )),
        Ok(_) => std::fs::read(path).map_err(|e| crate::detect_cmd::io_reason(&e)),
    };
    match bytes {
        Ok(bytes) => prepare_bytes(shown, None, bytes, mtime, 0, detector, limits, &mut docs),
        Err(reason) => docs.push(unreadable(shown, None, size, mtime, reason)),
    }
    Batch { docs }
}

#[allow(clippy::too_many_arguments)]
fn prepare_bytes(
    path: String,
    parent: Option<usize>,
    bytes: Vec<u8>,
    mtime: i64,
    depth: u32,
    detector: &Detector,
    limits: &Limits,
    docs: &mut Vec<Prepared>,
) {
    let size = bytes.len() as u64;
    let head = &bytes[..bytes.len().min(8192)];
    let sniffed = grondslag_extract::sniff(&path, head);
    match grondslag_extract::extract(&path, &bytes, limits) {
        Ok(extracted) => {
            let findings = detector
                .detect(&extracted.text)
                .into_iter()
                .map(|f| (f.start, f.end, f.kind.as_str(), f.score, f.rule))
                .collect();
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
                sealed: None,
            });
            for child in extracted.children {
                let child_path = format!("{path}!{}", child.name);
                if depth + 1 > limits.max_depth {
                    docs.push(unreadable(
                        child_path,
                        Some(index),
                        child.bytes.len() as u64,
                        mtime,
                        format!("te diep genest (> {}) / nested too deep", limits.max_depth),
                    ));
                    continue;
                }
                prepare_bytes(
                    child_path,
                    Some(index),
                    child.bytes,
                    mtime,
                    depth + 1,
                    detector,
                    limits,
                    docs,
                );
            }
        }
        Err(e) => {
            let mut doc = unreadable(path, parent, size, mtime, e.to_string());
            doc.doc_type = sniffed.as_str();
            doc.original = bytes;
            docs.push(doc);
        }
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
        sealed: None,
    }
}

fn mtime_of(m: &std::fs::Metadata) -> i64 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i64)
}

/// Every file under the given paths (sorted, for a stable order), and the entries that could
/// not be read, with a reason.
fn walk(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(String, String)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        for entry in walkdir::WalkDir::new(root)
            .follow_links(false)
            .sort_by_file_name()
        {
            match entry {
                Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
                Ok(_) => {}
                Err(e) => {
                    let path = e
                        .path()
                        .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                    let reason = e
                        .io_error()
                        .map_or_else(|| e.to_string(), crate::detect_cmd::io_reason);
                    errors.push((path, format!("map onleesbaar / unreadable: {reason}")));
                }
            }
        }
    }
    (files, errors)
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
