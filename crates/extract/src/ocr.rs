//! OCR of images and scanned PDF pages with the external programs `tesseract` (language `nld`)
//! and `pdftoppm` (poppler).
//!
//! Every run happens in a fresh temporary folder that is removed when done, under a timeout, with
//! one OCR thread (the machines are small and several documents may be OCRed at once).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::{DocType, ExtractError, Extracted, Limits};

/// Longest a single tesseract or pdftoppm run may take.
const TOOL_TIMEOUT: Duration = Duration::from_secs(180);

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

/// Runs a command to completion or kills it at the timeout. Output goes to files, not pipes, so
/// a chatty program can never block on a full pipe.
fn run(tool: &'static str, cmd: &mut Command) -> Result<(), ExtractError> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .env("OMP_THREAD_LIMIT", "1")
        .spawn()
        .map_err(|e| tool_error(tool, format!("cannot start ({})", e.kind())))?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                return Err(tool_error(
                    tool,
                    format!("exit status {}", status.code().unwrap_or(-1)),
                ))
            }
            Ok(None) if started.elapsed() > TOOL_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(tool_error(
                    tool,
                    format!("timed out after {} s", TOOL_TIMEOUT.as_secs()),
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(tool_error(tool, format!("wait failed ({})", e.kind()))),
        }
    }
}

/// A temporary folder holding the input of one document; removed on drop.
pub(crate) struct Workdir {
    dir: tempfile::TempDir,
    input: PathBuf,
}

impl Workdir {
    fn with_input(bytes: &[u8], file_name: &str) -> Result<Self, ExtractError> {
        let dir = tempfile::Builder::new()
            .prefix("grondslag-ocr-")
            .tempdir()
            .map_err(|e| tool_error("OCR", format!("no temporary folder ({})", e.kind())))?;
        let input = dir.path().join(file_name);
        std::fs::write(&input, bytes)
            .map_err(|e| tool_error("OCR", format!("cannot write input ({})", e.kind())))?;
        Ok(Workdir { dir, input })
    }

    pub(crate) fn with_pdf(bytes: &[u8]) -> Result<Self, ExtractError> {
        Self::with_input(bytes, "in.pdf")
    }

    /// Renders page `page` (1-based) at 200 dpi and OCRs it.
    pub(crate) fn ocr_pdf_page(&self, page: u32) -> Result<String, ExtractError> {
        let stem = self.dir.path().join("page");
        let png = self.dir.path().join("page.png");
        let n = page.to_string();
        run(
            "pdftoppm",
            Command::new("pdftoppm")
                .args(["-f", &n, "-l", &n, "-r", "200", "-png", "-singlefile"])
                .arg(&self.input)
                .arg(&stem),
        )?;
        let text = tesseract(&png, self.dir.path());
        let _ = std::fs::remove_file(&png);
        text
    }
}

/// OCRs one image file into text (pages of a multi-page TIFF separated by form feeds).
fn tesseract(image: &Path, dir: &Path) -> Result<String, ExtractError> {
    let out_base = dir.join("ocr");
    let out_txt = dir.join("ocr.txt");
    run(
        "tesseract",
        Command::new("tesseract")
            .arg(image)
            .arg(&out_base)
            .args(["-l", "nld"]),
    )?;
    let bytes = std::fs::read(&out_txt)
        .map_err(|e| tool_error("tesseract", format!("no output ({})", e.kind())))?;
    let _ = std::fs::remove_file(&out_txt);
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
    let work = Workdir::with_input(bytes, "in.img")?;
    out.text = tesseract(&work.input, work.dir.path())?;
    out.warnings.push("text from OCR".into());
    Ok(out)
}
