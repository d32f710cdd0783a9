//! PDF → text, page by page, with `pdf-extract` (MIT) on top of `lopdf` (MIT).
//!
//! Pages are separated by a form feed (`\x0c`) after each page, as `pdftotext` does. A page
//! without a text layer is OCRed when [`Limits::ocr`] allows, else the document is marked
//! `needs_ocr`.
//!
//! `pdf-extract` panics on some malformed files; every page is extracted under
//! `catch_unwind`, and a panic hook installed once keeps those panics quiet (this crate never
//! prints) while passing every other panic on to the previous hook.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use pdf_extract::{Document, PlainTextOutput};

use crate::{ocr, DocType, ExtractError, Extracted, Limits};

thread_local! {
    static QUIET_PANICS: Cell<bool> = const { Cell::new(false) };
}

fn install_quiet_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET_PANICS.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Runs `f`, turning a panic into `None` without printing it.
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    install_quiet_hook();
    QUIET_PANICS.with(|q| q.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET_PANICS.with(|q| q.set(false));
    result.ok()
}

/// The variant name of a lopdf error; its message can quote strings from the file.
fn lopdf_reason(e: &pdf_extract::Error) -> String {
    let debug = format!("{e:?}");
    let kind: String = debug
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    format!("structure unreadable ({kind})")
}

pub(crate) fn extract(bytes: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let loaded = quietly(|| Document::load_mem(bytes))
        .ok_or_else(|| ExtractError::corrupt("PDF", "parser failed"))?;
    let mut doc = loaded.map_err(|e| match e {
        pdf_extract::Error::Decryption(_) => ExtractError::Encrypted { format: "PDF" },
        e => ExtractError::corrupt("PDF", lopdf_reason(&e)),
    })?;
    if doc.is_encrypted() {
        // Many PDFs are encrypted with an empty user password (only printing or copying is
        // restricted); those open. Others really need a password.
        let decrypted =
            quietly(|| doc.decrypt("")).unwrap_or(Err(pdf_extract::Error::AlreadyEncrypted));
        if decrypted.is_err() {
            return Err(ExtractError::Encrypted { format: "PDF" });
        }
    }
    let page_numbers: Vec<u32> = quietly(|| doc.get_pages().keys().copied().collect())
        .ok_or_else(|| ExtractError::corrupt("PDF", "page tree unreadable"))?;
    if page_numbers.is_empty() {
        return Err(ExtractError::corrupt("PDF", "no pages found"));
    }
    let mut out = Extracted::new(DocType::Pdf, String::new());
    out.pages = Some(page_numbers.len() as u32);
    let take = page_numbers.len().min(limits.max_pdf_pages as usize);
    if take < page_numbers.len() {
        out.warnings.push(format!(
            "only the first {take} of {} pages extracted",
            page_numbers.len()
        ));
    }
    let ocr_ready = limits.ocr && ocr::available() && ocr::pdftoppm_available();
    let mut ocr_dir: Option<ocr::Workdir> = None;
    for &page in &page_numbers[..take] {
        let mut page_text = String::new();
        let ok = quietly(|| {
            let mut output = PlainTextOutput::new(&mut page_text);
            pdf_extract::output_doc_page(&doc, &mut output, page).is_ok()
        });
        let mut page_text = match ok {
            Some(true) => tidy_page(&page_text),
            _ => {
                out.warnings
                    .push(format!("page {page}: text layer unreadable"));
                String::new()
            }
        };
        if page_text.trim().is_empty() {
            page_text.clear();
            if ocr_ready {
                let dir = match &ocr_dir {
                    Some(d) => d,
                    None => ocr_dir.insert(ocr::Workdir::with_pdf(bytes)?),
                };
                match dir.ocr_pdf_page(page) {
                    Ok(t) => {
                        page_text = t;
                        out.warnings.push(format!("page {page}: text from OCR"));
                    }
                    Err(e) => {
                        out.needs_ocr = true;
                        out.warnings.push(format!("page {page}: OCR failed: {e}"));
                    }
                }
            } else {
                out.needs_ocr = true;
            }
        }
        out.text.push_str(&page_text);
        out.text.push('\x0c');
    }
    Ok(out)
}

/// pdf-extract starts pages with blank lines and leaves trailing spaces; keep the words and the
/// line structure, end with one newline.
fn tidy_page(raw: &str) -> String {
    let mut s = String::with_capacity(raw.len());
    for line in raw.lines() {
        s.push_str(line.trim_end());
        s.push('\n');
    }
    let trimmed = s.trim_matches('\n');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("{trimmed}\n")
    }
}
