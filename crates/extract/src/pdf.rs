//! PDF → text, page by page, with `pdf-extract` (MIT) on top of `lopdf` (MIT).
//!
//! Pages are separated by a form feed (`\x0c`) after each page, as `pdftotext` does. A page
//! without a text layer is OCRed when [`Limits::ocr`] allows, else the document is marked
//! `needs_ocr`.
//!
//! `pdf-extract` 0.12 does not know the `'` and `"` text operators (next line, then show a
//! string), which Ghostscript writes for every line after the first; [`expand_quotes`]
//! rewrites them into the `T*` + `Tj` they abbreviate before a page is extracted.
//!
//! `pdf-extract` panics on some malformed files; every page is extracted under
//! `catch_unwind`, and a panic hook installed once keeps those panics quiet (this crate never
//! prints) while passing every other panic on to the previous hook.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use pdf_extract::{Document, ObjectId, PlainTextOutput};

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

/// Extracts one page's text layer; `false` when pdf-extract fails or panics on it.
fn page_text(doc: &Document, page: u32, text: &mut String) -> bool {
    text.clear();
    quietly(|| {
        let mut output = PlainTextOutput::new(&mut *text);
        pdf_extract::output_doc_page(doc, &mut output, page).is_ok()
    }) == Some(true)
}

/// [`page_text`] with the page's `'` and `"` operators first rewritten into the operators they
/// stand for (see [`expand_quotes`]); if the rewritten page fails, the original is read.
fn page_text_expanded(doc: &mut Document, page: u32, page_id: ObjectId, text: &mut String) -> bool {
    let original = quietly(|| doc.get_page_content(page_id).ok()).flatten();
    let rewritten = original.as_deref().and_then(expand_quotes);
    let (Some(original), Some(rewritten)) = (original, rewritten) else {
        return page_text(doc, page, text);
    };
    if quietly(|| doc.change_page_content(page_id, rewritten).is_ok()) == Some(true)
        && page_text(doc, page, text)
    {
        return true;
    }
    let _ = quietly(|| doc.change_page_content(page_id, original));
    page_text(doc, page, text)
}

fn is_pdf_space(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn is_pdf_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// The content stream `src` with every `S '` turned into `T* S Tj` and every `aw ac S "` into
/// `aw Tw ac Tc T* S Tj`; `None` when it has neither. A small lexer: strings, hex strings,
/// comments and inline image data are skipped whole, so a quote inside them is left alone.
fn expand_quotes(src: &[u8]) -> Option<Vec<u8>> {
    if !src.iter().any(|&b| b == b'\'' || b == b'"') {
        return None;
    }
    let mut out = Vec::with_capacity(src.len() + 64);
    // Start offsets (in `src`) of the operands since the last operator.
    let mut operands: Vec<usize> = Vec::new();
    let mut copied = 0; // src[..copied] is in `out`
    let mut changed = false;
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        if is_pdf_space(c) {
            i += 1;
            continue;
        }
        let start = i;
        match c {
            b'%' => {
                while i < src.len() && src[i] != b'\n' && src[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            b'(' => {
                let mut depth = 0usize;
                while i < src.len() {
                    match src[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'<' if src.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if src.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                while i < src.len() && src[i] != b'>' {
                    i += 1;
                }
                i += 1;
            }
            b'[' | b']' | b'{' | b'}' => i += 1,
            b'/' => {
                i += 1;
                while i < src.len() && !is_pdf_space(src[i]) && !is_pdf_delim(src[i]) {
                    i += 1;
                }
            }
            b'\'' | b'"' => {
                // An operator of its own.
                i += 1;
                let Some(&first) = operands.first() else {
                    continue;
                };
                let string_at = *operands.last().unwrap_or(&first);
                out.extend_from_slice(&src[copied..first]);
                if c == b'"' && operands.len() >= 3 {
                    let (aw, ac) = (operands[operands.len() - 3], operands[operands.len() - 2]);
                    out.extend_from_slice(&src[aw..ac]);
                    out.extend_from_slice(b" Tw ");
                    out.extend_from_slice(&src[ac..string_at]);
                    out.extend_from_slice(b" Tc ");
                }
                out.extend_from_slice(b"T* ");
                out.extend_from_slice(&src[string_at..start]);
                out.extend_from_slice(b" Tj");
                copied = i;
                changed = true;
                operands.clear();
                continue;
            }
            _ => {
                while i < src.len() && !is_pdf_space(src[i]) && !is_pdf_delim(src[i]) {
                    i += 1;
                }
                if i == start {
                    // A stray delimiter (")" or ">"): skip it.
                    i += 1;
                    continue;
                }
                let word = &src[start..i];
                let operand = word
                    .iter()
                    .all(|b| b.is_ascii_digit() || b"+-.".contains(b))
                    || matches!(word, b"true" | b"false" | b"null");
                if !operand {
                    if word == b"ID" {
                        // Inline image data: up to the first `EI` between white space.
                        i += 1;
                        while i + 2 <= src.len() {
                            if src[i..].starts_with(b"EI")
                                && is_pdf_space(src[i - 1])
                                && src.get(i + 2).is_none_or(|&b| is_pdf_space(b))
                            {
                                i += 2;
                                break;
                            }
                            i += 1;
                        }
                    }
                    operands.clear();
                    continue;
                }
            }
        }
        // Array and dictionary brackets belong to the operand they open.
        let closes = matches!(c, b']' | b'}') || (c == b'>' && src.get(start + 1) == Some(&b'>'));
        if !closes {
            operands.push(start);
        }
    }
    if !changed {
        return None;
    }
    out.extend_from_slice(&src[copied..]);
    Some(out)
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
    let pages: Vec<(u32, ObjectId)> = quietly(|| doc.get_pages().into_iter().collect())
        .ok_or_else(|| ExtractError::corrupt("PDF", "page tree unreadable"))?;
    let page_numbers: Vec<u32> = pages.iter().map(|p| p.0).collect();
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
    for &(page, page_id) in &pages[..take] {
        let mut raw = String::new();
        let mut page_text = match page_text_expanded(&mut doc, page, page_id, &mut raw) {
            true => tidy_page(&raw),
            false => {
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

#[cfg(test)]
mod quote_tests {
    use super::expand_quotes;

    fn expand(s: &[u8]) -> String {
        String::from_utf8_lossy(&expand_quotes(s).unwrap_or_else(|| s.to_vec())).into_owned()
    }

    #[test]
    fn quote_operators_become_next_line_and_show() {
        assert_eq!(
            expand(b"BT 16 TL (a)Tj\n(b)'\n(c) ' ET"),
            "BT 16 TL (a)Tj\nT* (b) Tj\nT* (c)  Tj ET"
        );
        assert_eq!(expand(b"1 2 (d)\""), "1  Tw 2  Tc T* (d) Tj");
        assert_eq!(
            expand(b"[(e) 3 (f)]TJ <4142>'"),
            "[(e) 3 (f)]TJ T* <4142> Tj"
        );
    }

    #[test]
    fn quotes_inside_strings_comments_and_images_stay() {
        assert!(expand_quotes(b"(it's \"so\" \\) ') Tj").is_none());
        assert!(expand_quotes(b"% a ' comment\n(x) Tj").is_none());
        assert!(expand_quotes(b"BI /W 1 /H 1 ID '\"' EI Q").is_none());
        // A stray delimiter does not stop the lexer.
        assert_eq!(expand(b") > (g)'"), ") > T* (g) Tj");
    }
}
