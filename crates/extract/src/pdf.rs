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

use crate::archive::human;
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
    drop_image_data(&mut doc);
    check_inflation(&doc, limits)?;
    narrow_identity_cmaps(&mut doc);
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
    let ocr_pages = ocr::PdfPages::new(bytes);
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
                match ocr_pages.ocr_page(page) {
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

/// Empties the data of every image XObject in the loaded document (not in the file).
///
/// pdf-extract treats `/Name Do` on an image like a form: it decompresses the image (an A4 page
/// scanned at 300 dpi is 9 MB in grey, 26 MB in colour) and then lexes the pixels as a content
/// stream. That was half the time of extracting a scanned page, and yields no text; images are
/// OCRed from the file's bytes by pdftoppm, never from this document.
/// Refuses a PDF whose Flate streams expand beyond the limits (a "PDF bomb"): lopdf and
/// pdf-extract inflate a stream whole into memory, without a bound. Each stream is inflated
/// here into a counting sink (nothing is kept) that stops just past the limit, so memory stays
/// flat whatever the file claims. Image data is already dropped (`drop_image_data`), so a
/// large scan does not count.
fn check_inflation(doc: &Document, limits: &Limits) -> Result<(), ExtractError> {
    use std::io::Read;
    let flate = |o: &pdf_extract::Object| matches!(o, pdf_extract::Object::Name(n) if n == b"FlateDecode" || n == b"Fl");
    let mut total: u64 = 0;
    for object in doc.objects.values() {
        let pdf_extract::Object::Stream(stream) = object else {
            continue;
        };
        let inflates = match stream.dict.get(b"Filter") {
            Ok(pdf_extract::Object::Array(filters)) => filters.first().is_some_and(flate),
            Ok(f) => flate(f),
            Err(_) => false,
        };
        if !inflates {
            continue;
        }
        let cap = limits.max_member_bytes;
        let mut decoder = flate2::read::ZlibDecoder::new(&stream.content[..]).take(cap + 1);
        // A damaged stream counts what inflated before the damage; pdf-extract reports it.
        let n = std::io::copy(&mut decoder, &mut std::io::sink()).unwrap_or(0);
        if n > cap {
            return Err(ExtractError::PdfBomb {
                reason: format!("a stream expands beyond {}", human(cap)),
            });
        }
        total += n;
        if total > limits.max_total_expanded {
            return Err(ExtractError::PdfBomb {
                reason: format!(
                    "streams expand beyond {} in total",
                    human(limits.max_total_expanded)
                ),
            });
        }
    }
    Ok(())
}

fn drop_image_data(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        if let pdf_extract::Object::Stream(stream) = object {
            let is_image = matches!(
                stream.dict.get(b"Subtype"),
                Ok(pdf_extract::Object::Name(name)) if name == b"Image"
            );
            if is_image {
                stream.dict.remove(b"Filter");
                stream.dict.remove(b"DecodeParms");
                stream.set_content(Vec::new());
            }
        }
    }
}

/// Narrows the identity ToUnicode ranges of OCR text layers to the codes the document shows.
///
/// tesseract and ocrmypdf write their invisible `GlyphLessFont` (Type0, `Identity-H`) with the
/// CMap `<0000> <FFFF> <0000>`: pdf-extract expands it into a 65536-entry map of strings for
/// every page anew, which took longer than everything else done with a scanned page. Each such
/// range is replaced, in the loaded document only, by the runs of it that the content streams
/// use. The map stays exact for every code shown: the codes are read from every string operand
/// of every page and form content, parsed by the same lopdf parser pdf-extract uses, and an
/// `Identity-H`/`-V` font shows two bytes per code from the start of each string. Anything
/// unexpected (a CMap of another shape, a ToUnicode shared with another kind of font, content
/// that does not parse) leaves the document as it is.
fn narrow_identity_cmaps(doc: &mut Document) {
    use pdf_extract::Object;
    /// Ranges smaller than this are left alone: expanding them costs little.
    const WORTH_IT: u32 = 4096;
    let mut candidates: Vec<ObjectId> = Vec::new();
    let mut blocked: Vec<ObjectId> = Vec::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else {
            continue;
        };
        let Ok(to_unicode) = dict.get(b"ToUnicode") else {
            continue;
        };
        let Object::Reference(id) = to_unicode else {
            continue;
        };
        let type0 = matches!(dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Type0");
        let identity = matches!(
            dict.get(b"Encoding"),
            Ok(Object::Name(n)) if n == b"Identity-H" || n == b"Identity-V"
        );
        if type0 && identity {
            candidates.push(*id);
        } else {
            blocked.push(*id);
        }
    }
    candidates.retain(|id| !blocked.contains(id));
    candidates.sort();
    candidates.dedup();
    let mut narrowable: Vec<(ObjectId, Vec<(u32, u32)>)> = Vec::new();
    for id in candidates {
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            continue;
        };
        let data = stream_data(stream);
        if let Some(ranges) = identity_ranges(&data) {
            if ranges.iter().map(|(lo, hi)| hi - lo + 1).sum::<u32>() >= WORTH_IT {
                narrowable.push((id, ranges));
            }
        }
    }
    if narrowable.is_empty() {
        return;
    }
    let Some(used) = quietly(|| used_two_byte_codes(doc)).flatten() else {
        return;
    };
    for (id, ranges) in narrowable {
        let mut runs: Vec<(u32, u32)> = Vec::new();
        for (lo, hi) in ranges {
            for code in lo..=hi {
                if !used[code as usize] {
                    continue;
                }
                match runs.last_mut() {
                    Some(run) if run.1 + 1 == code => run.1 = code,
                    _ => runs.push((code, code)),
                }
            }
        }
        let mut cmap = String::from(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
             /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
             1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
        );
        for chunk in runs.chunks(100) {
            cmap.push_str(&format!("{} beginbfrange\n", chunk.len()));
            for (lo, hi) in chunk {
                cmap.push_str(&format!("<{lo:04X}> <{hi:04X}> <{lo:04X}>\n"));
            }
            cmap.push_str("endbfrange\n");
        }
        cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        if let Ok(Object::Stream(stream)) = doc.get_object_mut(id) {
            stream.dict.remove(b"Filter");
            stream.dict.remove(b"DecodeParms");
            stream.set_content(cmap.into_bytes());
        }
    }
}

/// A stream's data as pdf-extract reads it: decompressed when that works, else as stored.
fn stream_data(stream: &pdf_extract::Stream) -> Vec<u8> {
    if stream.filters().is_ok() {
        stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone())
    } else {
        stream.content.clone()
    }
}

/// The `(lo, hi)` ranges of a ToUnicode CMap made only of identity bfranges (`<lo> <hi> <lo>`,
/// four hex digits each); `None` for any other shape.
fn identity_ranges(data: &[u8]) -> Option<Vec<(u32, u32)>> {
    let text = std::str::from_utf8(data).ok()?;
    let tokens: Vec<&str> = text.split_ascii_whitespace().collect();
    if tokens
        .iter()
        .any(|t| t.contains("bfchar") || t.contains('['))
    {
        return None;
    }
    let hex4 = |t: &str| -> Option<u32> {
        let inner = t.strip_prefix('<')?.strip_suffix('>')?;
        (inner.len() == 4)
            .then(|| u32::from_str_radix(inner, 16).ok())
            .flatten()
    };
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] != "beginbfrange" {
            i += 1;
            continue;
        }
        let count: usize = tokens.get(i.checked_sub(1)?)?.parse().ok()?;
        i += 1;
        for _ in 0..count {
            let lo = hex4(tokens.get(i)?)?;
            let hi = hex4(tokens.get(i + 1)?)?;
            let dst = hex4(tokens.get(i + 2)?)?;
            if dst != lo || hi < lo {
                return None;
            }
            ranges.push((lo, hi));
            i += 3;
        }
        if tokens.get(i) != Some(&"endbfrange") {
            return None;
        }
    }
    (!ranges.is_empty()).then_some(ranges)
}

/// Every two-byte code (at even offsets from the start of a string) of every string operand in
/// the pages and in every other stream that parses as content (pdf-extract runs whatever a `Do`
/// names, so a form without `/Subtype /Form` counts too; images are skipped, and font programs
/// and the like simply do not parse); `None` when a page or a form does not parse.
fn used_two_byte_codes(doc: &Document) -> Option<Vec<bool>> {
    use pdf_extract::content::Content;
    use pdf_extract::Object;
    fn mark(object: &Object, used: &mut [bool]) {
        match object {
            Object::String(bytes, _) => {
                for pair in bytes.chunks_exact(2) {
                    used[usize::from(u16::from_be_bytes([pair[0], pair[1]]))] = true;
                }
            }
            Object::Array(items) => items.iter().for_each(|o| mark(o, used)),
            _ => {}
        }
    }
    let mut used = vec![false; 0x1_0000];
    // (data, whether it must parse)
    let mut contents: Vec<(Vec<u8>, bool)> = Vec::new();
    for page_id in doc.get_pages().into_values() {
        contents.push((doc.get_page_content(page_id).ok()?, true));
    }
    for object in doc.objects.values() {
        if let pdf_extract::Object::Stream(stream) = object {
            let subtype = stream.dict.get(b"Subtype").ok();
            if matches!(subtype, Some(Object::Name(n)) if n == b"Image") {
                continue;
            }
            let form = matches!(subtype, Some(Object::Name(n)) if n == b"Form");
            contents.push((stream_data(stream), form));
        }
    }
    for (data, must_parse) in contents {
        match Content::decode(&data) {
            Ok(content) => {
                for op in &content.operations {
                    op.operands.iter().for_each(|o| mark(o, &mut used));
                }
            }
            Err(_) if must_parse => return None,
            Err(_) => {}
        }
    }
    Some(used)
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

#[cfg(test)]
mod cmap_tests {
    use super::identity_ranges;

    #[test]
    fn identity_ranges_only_from_identity_bfranges() {
        // The CMap tesseract and ocrmypdf write for their GlyphLessFont.
        let tesseract = b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
            1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\
            1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\nendcmap\n";
        assert_eq!(identity_ranges(tesseract), Some(vec![(0, 0xffff)]));
        let two = b"2 beginbfrange\n<0020> <007E> <0020>\n<00A0> <00FF> <00A0>\nendbfrange";
        assert_eq!(identity_ranges(two), Some(vec![(0x20, 0x7e), (0xa0, 0xff)]));
        for other in [
            &b"1 beginbfrange\n<0000> <FFFF> <0001>\nendbfrange"[..],
            b"1 beginbfrange\n<0000> <00FF> [<0041> <0042>]\nendbfrange",
            b"1 beginbfchar\n<0003> <0020>\nendbfchar\n1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange",
            b"1 beginbfrange\n<00> <FF> <00>\nendbfrange",
            b"2 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange",
            b"no ranges at all",
        ] {
            assert_eq!(identity_ranges(other), None, "{}", String::from_utf8_lossy(other));
        }
    }
}
