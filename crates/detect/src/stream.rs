//! Streaming detection: a byte stream of any size is cut into pieces of about
//! [`STREAM_CHUNK`] bytes, each piece is detected on its own (on one thread, or on several),
//! and the findings are handed out in stream order with offsets into the whole stream.
//!
//! The cut of every piece depends only on the bytes, never on what was found, so the pieces
//! can be detected in any order and on any thread; the seams between them (which findings of
//! the overlap were already given out) are settled afterwards, in order, by [`Seams`]. That is
//! why one thread and many give exactly the same findings.

use std::io::Read;
use std::sync::mpsc;

use crate::{DetectError, Detector, Finding, Kind};

/// Piece size; memory stays a small multiple of this (times the number of threads). 256 KiB
/// (some 40 pages) keeps the token arrays in cache (1 MiB was 15 % slower) and is still far
/// more than the reach name propagation needs.
const STREAM_CHUNK: usize = 1 << 18;
/// Bytes re-read after a cut that is not a paragraph boundary, so that a finding crossing
/// the cut is still found whole in the next piece.
const STREAM_OVERLAP: usize = 4096;

/// One piece of the stream, cut and checked to be UTF-8.
struct Piece {
    /// Stream offset of `text`'s first byte.
    base: u64,
    text: String,
    /// The piece ends at a blank line (or the end of the stream): nothing crosses it.
    clean: bool,
    /// Findings ending after this offset in `text` are left to the next piece.
    safe_end: usize,
    /// The next piece starts at this offset in `text`.
    keep_from: usize,
}

/// Cuts a reader into [`Piece`]s.
struct Pieces<R> {
    reader: R,
    buf: Vec<u8>,
    base: u64,
    eof: bool,
    done: bool,
}

impl<R: Read> Pieces<R> {
    fn new(reader: R) -> Pieces<R> {
        Pieces {
            reader,
            buf: Vec::with_capacity(STREAM_CHUNK + STREAM_CHUNK / 2),
            base: 0,
            eof: false,
            done: false,
        }
    }

    fn next_piece(&mut self) -> Option<Result<Piece, DetectError>> {
        if self.done {
            return None;
        }
        let buf = &mut self.buf;
        while !self.eof && buf.len() < STREAM_CHUNK {
            let old = buf.len();
            buf.resize(old + 64 * 1024, 0);
            match self.reader.read(&mut buf[old..]) {
                Ok(0) => {
                    buf.truncate(old);
                    self.eof = true;
                }
                Ok(n) => buf.truncate(old + n),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => buf.truncate(old),
                Err(e) => {
                    self.done = true;
                    return Some(Err(DetectError::Io {
                        offset: self.base + old as u64,
                        source: e,
                    }));
                }
            }
        }
        let (cut, clean) = if self.eof {
            (buf.len(), true)
        } else {
            stream_cut(buf)
        };
        // Where the cut is not clean, only findings that end well before it are final.
        let safe_end = if clean {
            cut
        } else {
            cut.saturating_sub(STREAM_OVERLAP)
        };
        // Keep the overlap (from a char boundary) for the next piece.
        let mut keep_from = if clean { cut } else { safe_end };
        while keep_from < cut && (buf[keep_from] & 0xC0) == 0x80 {
            keep_from += 1;
        }
        // The piece takes the buffer itself; only what follows `keep_from` is copied into the
        // next one (the bytes a drain would have moved anyway).
        let mut next = Vec::with_capacity(STREAM_CHUNK + STREAM_CHUNK / 2);
        if !self.eof {
            next.extend_from_slice(&buf[keep_from..]);
        }
        let mut bytes = std::mem::replace(buf, next);
        bytes.truncate(cut);
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                self.done = true;
                return Some(Err(DetectError::InvalidUtf8 {
                    offset: self.base + e.utf8_error().valid_up_to() as u64,
                }));
            }
        };
        let piece = Piece {
            base: self.base,
            text,
            clean,
            safe_end,
            keep_from,
        };
        if self.eof {
            self.done = true;
        } else {
            self.base += keep_from as u64;
        }
        Some(Ok(piece))
    }
}

/// Where to cut a full buffer: after the last blank line in its second half (clean: no finding
/// crosses it), else after the last line break or space (not clean: overlap needed), else at a
/// char boundary.
fn stream_cut(buf: &[u8]) -> (usize, bool) {
    let half = buf.len() / 2;
    if let Some(p) = memchr::memmem::rfind(&buf[half..], b"\n\n") {
        return (half + p + 2, true);
    }
    if let Some(p) = memchr::memrchr2(b'\n', b' ', &buf[half..]) {
        return (half + p + 1, false);
    }
    let mut cut = buf.len();
    while cut > 0 && (buf[cut - 1] & 0xC0) == 0x80 {
        cut -= 1;
    }
    // `cut - 1` is now a leading byte or ASCII; cut before it so an incomplete char stays.
    if cut > 0 && buf[cut - 1] >= 0xC0 {
        cut -= 1;
    }
    (cut.max(1), false)
}

/// Settles the seams between pieces, in stream order: a finding in the overlap is given out
/// once, and no two findings of a kind overlap across a seam.
#[derive(Default)]
struct Seams {
    /// Findings starting before this offset (in the current piece) were given out already.
    frontier: usize,
    last_kind_end: Vec<(Kind, u64)>,
}

impl Seams {
    fn emit(&mut self, piece: &Piece, found: Vec<Finding>, sink: &mut impl FnMut(&Finding, &str)) {
        let base = piece.base as usize;
        let mut max_end = self.frontier;
        for f in found {
            if f.start < self.frontier || f.end > piece.safe_end {
                continue;
            }
            let abs = Finding {
                start: f.start + base,
                end: f.end + base,
                ..f.clone()
            };
            // Guard the no-overlap promise across seams.
            match self.last_kind_end.iter_mut().find(|(k, _)| *k == f.kind) {
                Some((_, e)) if (abs.start as u64) < *e => continue,
                Some(slot) => slot.1 = abs.end as u64,
                None => self.last_kind_end.push((f.kind, abs.end as u64)),
            }
            max_end = max_end.max(f.end);
            sink(&abs, crate::sub(&piece.text, f.start, f.end));
        }
        self.frontier = if piece.clean {
            0
        } else {
            max_end.saturating_sub(piece.keep_from)
        };
    }
}

impl Detector {
    /// Streaming detection for inputs of any size with bounded memory. Reads UTF-8 in pieces
    /// cut at paragraph (or else line/space) boundaries, with an overlap where the cut is not a
    /// paragraph boundary, and calls `sink(finding, matched_text)` in ascending order with
    /// offsets into the whole stream. Name propagation works within a piece (256 KiB).
    pub fn detect_reader<R: Read>(
        &self,
        reader: R,
        mut sink: impl FnMut(&Finding, &str),
    ) -> Result<(), DetectError> {
        let mut pieces = Pieces::new(reader);
        let mut seams = Seams::default();
        while let Some(piece) = pieces.next_piece() {
            let piece = piece?;
            let found = self.detect(&piece.text);
            seams.emit(&piece, found, &mut sink);
        }
        Ok(())
    }

    /// [`Detector::detect_reader`] with the pieces detected on `threads` threads: the same
    /// findings in the same order, for about `threads` times the speed on as many idle cores.
    /// The calling thread reads and calls `sink`; memory is about three pieces per thread.
    pub fn detect_reader_parallel<R: Read>(
        &self,
        reader: R,
        threads: usize,
        mut sink: impl FnMut(&Finding, &str),
    ) -> Result<(), DetectError> {
        if threads <= 1 {
            return self.detect_reader(reader, sink);
        }
        let mut pieces = Pieces::new(reader);
        let mut seams = Seams::default();
        std::thread::scope(|scope| {
            // Piece i goes to worker i % threads and comes back from it, so results arrive
            // in stream order without a reorder buffer.
            let mut workers = Vec::with_capacity(threads);
            for _ in 0..threads {
                let (to_worker, inbox) = mpsc::sync_channel::<Piece>(1);
                let (outbox, from_worker) = mpsc::sync_channel::<(Piece, Vec<Finding>)>(1);
                scope.spawn(move || {
                    for piece in inbox {
                        let found = self.detect(&piece.text);
                        if outbox.send((piece, found)).is_err() {
                            return;
                        }
                    }
                });
                workers.push((to_worker, from_worker));
            }
            let (mut sent, mut received) = (0usize, 0usize);
            let mut failure = None;
            loop {
                // Keep every worker busy, with at most one piece queued behind the one it runs.
                while failure.is_none() && sent - received < 2 * threads {
                    match pieces.next_piece() {
                        Some(Ok(piece)) => {
                            // A worker only stops when its inbox closes, which is below.
                            if workers[sent % threads].0.send(piece).is_err() {
                                break;
                            }
                            sent += 1;
                        }
                        Some(Err(e)) => failure = Some(e),
                        None => break,
                    }
                }
                if received == sent {
                    break;
                }
                match workers[received % threads].1.recv() {
                    Ok((piece, found)) => seams.emit(&piece, found, &mut sink),
                    // The worker panicked; its panic reaches the caller when the scope ends.
                    Err(_) => break,
                }
                received += 1;
            }
            drop(workers);
            failure.map_or(Ok(()), Err)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(text: &str, threads: usize) -> Vec<(usize, usize, Kind, String)> {
        let mut out = Vec::new();
        Detector::new()
            .detect_reader_parallel(text.as_bytes(), threads, |f, t| {
                out.push((f.start, f.end, f.kind, t.to_string()))
            })
            .unwrap();
        out
    }

    #[test]
    fn parallel_pieces_give_the_same_findings_in_the_same_order() {
        // Several pieces, with and without blank lines at the cuts.
        let para = "De heer J. Jansen woont in Ermelo, Dorpsstraat 12, 3851 AB Ermelo, en is \
                    bereikbaar via 06-12345678 of j.jansen@example.nl. Zijn rekeningnummer is \
                    NL91 ABNA 0417 1643 00.";
        let mut text = String::new();
        for i in 0..6000 {
            text.push_str(para);
            text.push_str(if i % 7 == 0 { "\n\n" } else { " " });
        }
        let one = collect(&text, 1);
        assert!(one.len() > 6000 * 5, "{}", one.len());
        assert_eq!(one, collect(&text, 2));
        assert_eq!(one, collect(&text, 3));
    }

    #[test]
    fn invalid_utf8_is_reported_after_the_findings_before_it() {
        let mut bytes = "Mail naar j.jansen@example.nl graag.\n\n"
            .repeat(20_000)
            .into_bytes();
        let bad_at = bytes.len();
        bytes.extend_from_slice(b"\xff\xfe en verder");
        let mut given = Vec::new();
        for threads in [1, 2] {
            let mut n = 0;
            let err = Detector::new()
                .detect_reader_parallel(&bytes[..], threads, |_, _| n += 1)
                .unwrap_err();
            assert!(matches!(err, DetectError::InvalidUtf8 { offset } if offset == bad_at as u64));
            given.push(n);
        }
        // The pieces before the one holding the bad byte were given out, by both.
        assert!(given[0] > 0);
        assert_eq!(given[0], given[1]);
    }
}
