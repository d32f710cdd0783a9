//! `grondslag extract` and `grondslag detect`: the contract commands that work on files directly,
//! without a store.

use grondslag_i18n::tr;
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use grondslag_detect::{Detector, Finding};
use grondslag_extract::{DocType, Limits};

use crate::cli::{DetectArgs, DetectFormat, ExtractArgs};
use crate::ui;

/// Plain-text files above this size are streamed from disk instead of read whole, so memory
/// stays flat. (Below it a file is read whole, so a text in another encoding than UTF-8 can be
/// transcoded with a warning; a streamed file must be UTF-8.)
pub(crate) const STREAM_ABOVE: u64 = 64 * 1024 * 1024;

/// Texts above this size (in memory) are still given to the detector in its 256 KiB pieces
/// (`Detector::detect_reader_parallel`, on every core): its working set stays in cache, which on a 20 MB text is faster
/// and uses far less memory than one pass over the whole. Name propagation then reaches within
/// a piece (some 40 pages) rather than the whole text.
pub(crate) const PIECES_ABOVE: usize = 4 * 1024 * 1024;

/// Documents other than plain text are read whole to be extracted; above this size they are
/// refused with a message instead (the same bound as `scan`).
const READ_WHOLE_MAX: u64 = 512 * 1024 * 1024;

/// The text of a file as the detector sees it, or the reason it has none.
pub enum FileText {
    /// Extracted into memory.
    Whole { text: String, warnings: Vec<String> },
    /// A large plain-text file to be streamed from disk.
    Stream(File),
}

/// Opens `path` and extracts its text, or explains in one line (no content) why it cannot.
pub fn file_text(path: &Path, limits: &Limits) -> anyhow::Result<FileText> {
    let meta = std::fs::metadata(path).map_err(|e| anyhow::anyhow!(io_reason(&e)))?;
    if meta.is_dir() {
        anyhow::bail!(tr!("detect-is-a-directory-not-a-file"));
    }
    let mut file = File::open(path).map_err(|e| anyhow::anyhow!(io_reason(&e)))?;
    let name = path.to_string_lossy();
    if meta.len() > STREAM_ABOVE {
        let mut head = [0u8; 8192];
        let n = read_head(&mut file, &mut head)?;
        if matches!(
            grondslag_extract::sniff(&name, &head[..n]),
            DocType::Text | DocType::Markdown
        ) {
            if let Some(at) = memchr_nul(&head[..n]) {
                anyhow::bail!("{} {at}", tr!("detect-not-a-text-file-binary-content"),);
            }
            let file = File::open(path).map_err(|e| anyhow::anyhow!(io_reason(&e)))?;
            return Ok(FileText::Stream(file));
        }
        if meta.len() > READ_WHOLE_MAX {
            anyhow::bail!(tr!("detect-too-large-to-read-as-a"));
        }
        file = File::open(path).map_err(|e| anyhow::anyhow!(io_reason(&e)))?;
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes)
        .map_err(|e| anyhow::anyhow!(io_reason(&e)))?;
    let extracted = grondslag_extract::extract(&name, &bytes, limits)?;
    Ok(FileText::Whole {
        text: extracted.text,
        warnings: extracted.warnings,
    })
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

fn read_head(file: &mut File, buf: &mut [u8]) -> anyhow::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        let m = file.read(&mut buf[n..])?;
        if m == 0 {
            break;
        }
        n += m;
    }
    Ok(n)
}

/// An I/O error as a short reason without the path (the caller names the file).
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => tr!("detect-no-such-file").to_string(),
        K::PermissionDenied => tr!("detect-permission-denied").to_string(),
        _ => e.to_string(),
    }
}

pub fn extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let limits = Limits::default();
    let path = &args.file;
    let text = file_text(path, &limits).with_context(|| path.display().to_string())?;
    let mut out = std::io::stdout().lock();
    match text {
        FileText::Whole { text, warnings } => {
            for w in warnings {
                eprintln!("grondslag: {}: {w}", path.display());
            }
            out.write_all(text.as_bytes())?;
        }
        FileText::Stream(file) => {
            copy_utf8(file, &mut out).with_context(|| path.display().to_string())?
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Copies a UTF-8 stream unchanged, failing at the first invalid byte (with its offset).
fn copy_utf8(mut file: File, out: &mut impl Write) -> anyhow::Result<()> {
    let mut buf = vec![0u8; 1 << 20];
    let mut carry = 0usize;
    let mut offset = 0u64;
    loop {
        let n = file.read(&mut buf[carry..])?;
        let filled = carry + n;
        if n == 0 {
            if carry > 0 {
                anyhow::bail!("ongeldige UTF-8 op byte {offset} (invalid UTF-8)");
            }
            return Ok(());
        }
        let valid = match std::str::from_utf8(&buf[..filled]) {
            Ok(_) => filled,
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(e) => anyhow::bail!(
                "ongeldige UTF-8 op byte {} (invalid UTF-8)",
                offset + e.valid_up_to() as u64
            ),
        };
        out.write_all(&buf[..valid])?;
        offset += valid as u64;
        buf.copy_within(valid..filled, 0);
        carry = filled - valid;
    }
}

pub fn detect(args: DetectArgs) -> anyhow::Result<ExitCode> {
    let detector = Detector::new();
    let limits = Limits::default();
    let colour = ui::stdout_is_terminal();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    let mut lines = JsonLines::default();
    // Large texts are detected in pieces on every core; the output is the same as on one.
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    for path in &args.files {
        let shown = path.to_string_lossy();
        lines.set_file(&shown);
        let result = file_text(path, &limits).and_then(|text| {
            let mut sink = |f: &Finding, value: &str| {
                let _ = match args.format {
                    DetectFormat::Jsonl => lines.write(&mut out, f, value),
                    DetectFormat::Human => write_human(&mut out, colour, &shown, f, value),
                };
            };
            match text {
                FileText::Whole { text, warnings } => {
                    for w in warnings {
                        eprintln!("grondslag: {shown}: {w}");
                    }
                    if text.len() > PIECES_ABOVE {
                        return detector
                            .detect_reader_parallel(text.as_bytes(), threads, sink)
                            .map_err(anyhow::Error::from);
                    }
                    for f in detector.detect(&text) {
                        sink(&f, &text[f.start..f.end]);
                    }
                    Ok(())
                }
                FileText::Stream(file) => detector
                    .detect_reader_parallel(file, threads, sink)
                    .map_err(anyhow::Error::from),
            }
        });
        if let Err(e) = result {
            out.flush()?;
            eprintln!("grondslag: {shown}: {e:#}");
            failed = true;
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes findings as the contract's JSON lines, byte for byte what `serde_json` writes for
/// `{"end","file","kind","rule","score","start","text"}` (keys sorted), but without a map or
/// formatter per finding: on a large text the output was a third of the run. The escaped file
/// name and each distinct score are made once; a value without `"`, `\` or control
/// characters (nearly all) is copied as it is.
#[derive(Default)]
struct JsonLines {
    /// `,"file":"<escaped name>"`.
    file: Vec<u8>,
    /// Score rounded to thousandths ([`ui::thousandths`]) → its JSON text.
    scores: Vec<(f64, Vec<u8>)>,
    line: Vec<u8>,
}

impl JsonLines {
    fn set_file(&mut self, name: &str) {
        self.file.clear();
        self.file.extend_from_slice(b",\"file\":");
        json_str(&mut self.file, name);
    }

    fn write(&mut self, out: &mut impl Write, f: &Finding, value: &str) -> std::io::Result<()> {
        let rounded = ui::thousandths(f.score);
        let score = match self.scores.iter().position(|(k, _)| *k == rounded) {
            Some(i) => i,
            None => {
                let text = serde_json::to_vec(&rounded).map_err(std::io::Error::from)?;
                self.scores.push((rounded, text));
                self.scores.len() - 1
            }
        };
        let mut num = itoa::Buffer::new();
        let l = &mut self.line;
        l.clear();
        l.extend_from_slice(b"{\"end\":");
        l.extend_from_slice(num.format(f.end).as_bytes());
        l.extend_from_slice(&self.file);
        l.extend_from_slice(b",\"kind\":");
        json_plain(l, f.kind.as_str());
        l.extend_from_slice(b",\"rule\":");
        json_plain(l, f.rule);
        l.extend_from_slice(b",\"score\":");
        l.extend_from_slice(&self.scores[score].1);
        l.extend_from_slice(b",\"start\":");
        l.extend_from_slice(num.format(f.start).as_bytes());
        l.extend_from_slice(b",\"text\":");
        json_str(l, value);
        l.extend_from_slice(b"}\n");
        out.write_all(l)
    }
}

/// Appends an identifier of the program (a kind or rule name: lower-case ASCII, digits,
/// `_` and `.`) as a JSON string; it needs no escaping, so it is not scanned for it.
fn json_plain(out: &mut Vec<u8>, s: &'static str) {
    debug_assert!(s
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.'));
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
}

/// Appends `s` as a JSON string, escaped as `serde_json` escapes it.
fn json_str(out: &mut Vec<u8>, s: &str) {
    if !needs_escape(s.as_bytes()) {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        // Writing into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, s);
    }
}

/// Whether `b` holds a byte JSON escapes: a control character, a quote or a backslash.
/// Eight bytes at a time (this runs for every value written): a byte below 0x20, or equal to
/// `"` or `\\`, makes the borrow of its lane reach that lane's top bit.
fn needs_escape(b: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // Any byte below `n` (exact for n <= 0x80); a zero byte of `x ^ c` is a byte equal to `c`.
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH != 0;
    let special = |x: u64| {
        below(x, 0x20)
            || below(x ^ (ONES * u64::from(b'"')), 1)
            || below(x ^ (ONES * u64::from(b'\\')), 1)
    };
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let x = u64::from_ne_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        if special(x) {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&c| c < 0x20 || c == b'"' || c == b'\\')
}

fn write_human(
    out: &mut impl Write,
    colour: bool,
    file: &str,
    f: &Finding,
    value: &str,
) -> std::io::Result<()> {
    let score = ui::thousandths(f.score);
    let kind = f.kind.as_str();
    // A human-readable table: names and values with control characters escaped.
    let (file, value) = (ui::shown(file), ui::shown(value));
    if colour {
        writeln!(
            out,
            "{file}:{}-{}\t{}{kind:<14}{}\t\x1b[1m{value}{}\t({score}, {})",
            f.start,
            f.end,
            ui::kind_colour(kind),
            ui::RESET,
            ui::RESET,
            f.rule
        )
    } else {
        writeln!(
            out,
            "{file}:{}-{}\t{kind:<14}\t{value}\t({score}, {})",
            f.start, f.end, f.rule
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use grondslag_detect::Kind;

    /// The hand-written lines are what `serde_json` writes for the same object.
    #[test]
    fn json_lines_equal_serde_json() {
        let files = ["a.txt", "map \"x\"/b\\c.txt", "tab\there.txt", "é.txt"];
        let values = [
            "Jan Jansen",
            "quote \" in",
            "back\\slash",
            "line\nbreak",
            "bell\u{7}",
            "Çelik-Şahin",
            "del\u{7f}",
            "eight by\"tes and more",
            "sixteen bytes ok, then a\\",
            "a long value with a control \u{1f} late",
            "Ünal Öztürk-van der Berg en Çelik",
        ];
        let scores = [0.7f32, 0.85, 1.0, 0.0, 0.333_33, 0.999_9];
        let mut lines = JsonLines::default();
        for file in files {
            lines.set_file(file);
            for (i, value) in values.iter().enumerate() {
                let f = Finding {
                    start: i * 1000,
                    end: i * 1000 + value.len(),
                    kind: Kind::ALL[i % Kind::ALL.len()],
                    score: scores[i % scores.len()],
                    rule: "test.rule",
                };
                let mut ours = Vec::new();
                lines.write(&mut ours, &f, value).unwrap();
                let score = ui::thousandths(f.score);
                let theirs = serde_json::json!({
                    "end": f.end, "file": file, "kind": f.kind.as_str(), "rule": f.rule,
                    "score": score, "start": f.start, "text": value,
                });
                assert_eq!(String::from_utf8(ours).unwrap(), format!("{theirs}\n"));
            }
        }
    }

    /// The eight-byte test agrees with the byte-by-byte one, at every position of the
    /// escaped byte and beside bytes of multi-byte characters.
    #[test]
    fn needs_escape_equals_the_byte_test() {
        let plain = "Jan Jansen-Çelik, Den Haag ééé";
        for special in ['"', '\\', '\n', '\u{0}', '\u{1f}', ' ', '\u{7f}', 'é'] {
            for at in 0..=plain.len() {
                if !plain.is_char_boundary(at) {
                    continue;
                }
                let s = format!("{}{special}{}", &plain[..at], &plain[at..]);
                let want = s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\');
                assert_eq!(needs_escape(s.as_bytes()), want, "{s:?}");
            }
        }
    }
}
