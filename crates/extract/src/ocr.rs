//! OCR of images and scanned PDF pages with the external programs `tesseract` (language `nld`)
//! and `pdftoppm` (poppler).
//!
//! Nothing is written to disk: a document's bytes go to the program on its standard input and
//! what it makes (a rendered page, the recognised text) comes back on its standard output, so a
//! crash or `kill -9` leaves no plain copy in a temporary folder. Each run has a timeout and one
//! OCR thread (the machines are small and several documents may be OCRed at once).

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::{DocType, ExtractError, Extracted, Limits};

/// Longest a single tesseract or pdftoppm run may take.
const TOOL_TIMEOUT: Duration = Duration::from_secs(180);

/// Most bytes read from a program's output: a page rendered at 200 dpi is a few MB of PNG, its
/// text a few KB. A program that writes more is stopped.
const MAX_OUTPUT: u64 = 256 * 1024 * 1024;

/// Whether `tesseract` with the Dutch language data is installed (checked once).
pub(crate) fn available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| {
        Command::new("tesseract")
            .arg("--list-langs")
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .map(|o| {
                o.status.success()
                    && String::from_utf8_lossy(&o.stdout)
                        .lines()
                        .any(|l| l.trim() == "nld")
            })
            .unwrap_or(false)
    })
}

/// Whether `pdftoppm` is installed (checked once).
pub(crate) fn pdftoppm_available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| {
        Command::new("pdftoppm")
            .arg("-v")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
    })
}

fn tool_error(
    tool: &'static str,
    reason: impl Into<std::borrow::Cow<'static, str>>,
) -> ExtractError {
    ExtractError::Tool {
        tool,
        reason: reason.into(),
    }
}

/// Runs a command with `input` on its standard input and returns its standard output, or kills
/// it at the timeout or when its output passes [`MAX_OUTPUT`].
///
/// Input is written on one thread and output read on another while this one waits, so neither
/// side can block on a full pipe: a program that writes before it has read all its input, or
/// stops reading early, is fine.
fn run_piped(tool: &'static str, cmd: &mut Command, input: &[u8]) -> Result<Vec<u8>, ExtractError> {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .env("OMP_THREAD_LIMIT", "1")
        .spawn()
        .map_err(|e| tool_error(tool, format!("cannot start ({})", e.kind())))?;
    let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(tool_error(tool, "no pipes"));
    };
    let too_much = AtomicBool::new(false);
    std::thread::scope(|s| {
        s.spawn(move || {
            // A program that exits without reading everything closes the pipe: not an error
            // here (its exit status tells). Dropping stdin gives it the end of its input.
            let _ = stdin.write_all(input);
        });
        let too_much = &too_much;
        let reader = s.spawn(move || {
            let mut out = Vec::new();
            let read = stdout.take(MAX_OUTPUT + 1).read_to_end(&mut out);
            if out.len() as u64 > MAX_OUTPUT {
                too_much.store(true, Ordering::Relaxed);
            }
            read.map(|_| out)
        });
        let started = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Ok(status),
                Ok(None) if too_much.load(Ordering::Relaxed) => {
                    break Err(tool_error(tool, "output too large"))
                }
                Ok(None) if started.elapsed() > TOOL_TIMEOUT => {
                    break Err(tool_error(
                        tool,
                        format!("timed out after {} s", TOOL_TIMEOUT.as_secs()),
                    ))
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(10)),
                Err(e) => break Err(tool_error(tool, format!("wait failed ({})", e.kind()))),
            }
        };
        if status.is_err() {
            // Ending the program closes its pipes, which ends both threads.
            let _ = child.kill();
            let _ = child.wait();
        }
        let output = reader.join();
        let status = status?;
        let output = match output {
            Ok(Ok(out)) if out.len() as u64 <= MAX_OUTPUT => out,
            Ok(Ok(_)) => return Err(tool_error(tool, "output too large")),
            Ok(Err(e)) => return Err(tool_error(tool, format!("read failed ({})", e.kind()))),
            Err(_) => return Err(tool_error(tool, "output reader failed")),
        };
        if !status.success() {
            return Err(tool_error(
                tool,
                format!("exit status {}", status.code().unwrap_or(-1)),
            ));
        }
        Ok(output)
    })
}

/// The pages of one PDF for OCR: each page is rendered by `pdftoppm` from the PDF's bytes on
/// its standard input and the picture is given to `tesseract` the same way.
pub(crate) struct PdfPages<'a> {
    pdf: &'a [u8],
}

impl<'a> PdfPages<'a> {
    pub(crate) fn new(pdf: &'a [u8]) -> Self {
        PdfPages { pdf }
    }

    /// Renders page `page` (1-based) at 200 dpi and OCRs it.
    pub(crate) fn ocr_page(&self, page: u32) -> Result<String, ExtractError> {
        let n = page.to_string();
        // `-singlefile` without an output root: the one PNG goes to standard output.
        let png = run_piped(
            "pdftoppm",
            Command::new("pdftoppm").args([
                "-f",
                &n,
                "-l",
                &n,
                "-r",
                "200",
                "-png",
                "-singlefile",
                "-",
            ]),
            self.pdf,
        )?;
        tesseract(&png)
    }
}

/// OCRs one image into text (pages of a multi-page TIFF separated by form feeds).
fn tesseract(image: &[u8]) -> Result<String, ExtractError> {
    let bytes = run_piped(
        "tesseract",
        Command::new("tesseract").args(["stdin", "stdout", "-l", "nld"]),
        image,
    )?;
    let text = String::from_utf8_lossy(&bytes);
    // Tesseract ends every page with a form feed; the PDF code adds its own page separators.
    let text = text.trim_end_matches(['\x0c', '\n', ' ']);
    Ok(if text.is_empty() {
        String::new()
    } else {
        format!("{text}\n")
    })
}

pub(crate) fn extract_image(bytes: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let mut out = Extracted::new(DocType::Image, String::new());
    if !(limits.ocr && available()) {
        out.needs_ocr = true;
        return Ok(out);
    }
    out.text = tesseract(bytes)?;
    out.warnings.push("text from OCR".into());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Input and output far larger than a pipe's buffer, both at once: no deadlock.
    #[test]
    fn large_input_and_output_do_not_block() {
        let input: Vec<u8> = (0..8_000_000u32).map(|i| (i % 251) as u8).collect();
        let out = run_piped("cat", &mut Command::new("cat"), &input).unwrap();
        assert_eq!(out, input);
    }

    /// A program that reads none of its input and exits is not an error of the pipe.
    #[test]
    fn a_program_that_ignores_its_input() {
        let input = vec![b'x'; 4_000_000];
        let out = run_piped("true", &mut Command::new("true"), &input).unwrap();
        assert!(out.is_empty());
        let err = run_piped("false", &mut Command::new("false"), &input).unwrap_err();
        assert_eq!(err.to_string(), "false failed: exit status 1");
    }
}
