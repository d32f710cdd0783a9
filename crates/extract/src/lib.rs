//! grondslag-extract: every document format → plain text, child documents and warnings.
//!
//! This crate owns the step from the bytes of one file to the text the detector reads. It
//! recognises the format ([`sniff`]), turns the document into UTF-8 text ([`extract`]) and hands
//! back the documents inside it — mail attachments, archive members, mbox messages — as
//! [`Child`]ren, which the caller extracts in turn (this crate never recurses by itself, so the
//! caller keeps track of nesting depth with [`Limits::max_depth`] and of names like `OUTER!inner`).
//!
//! What it must never do: print, exit the process, write any file (not even a temporary one), or put
//! document content (names, addresses, anything from inside a file) in an error or warning. Errors
//! and warnings say *what* went wrong and *where* (byte offset, member index, page number).
//!
//! Invariants:
//! - A valid UTF-8 text or Markdown file is returned byte for byte unchanged (BOM included); the
//!   detector's byte offsets point into exactly the bytes of the file.
//! - Memory is bounded by a few times the input plus the limits in [`Limits`]: archive members are
//!   read through a `take()` limit, never trusted by their declared size alone.
//! - External programs (OCR) only run when [`Limits::ocr`] is set, under a timeout, and get the
//!   document on their standard input and give their result on their standard output: no copy
//!   of a document is ever written to disk, so a crash leaves nothing behind.

use std::borrow::Cow;

mod archive;
mod html;
mod mail;
mod msg;
mod ocr;
mod office;
mod pdf;
mod rtf;
mod text;

pub use text::decode_text;

/// The format of a document, as recognised by [`sniff`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocType {
    Text,
    Markdown,
    Html,
    Rtf,
    Mail,
    Mbox,
    Msg,
    Docx,
    Odt,
    Xlsx,
    Pdf,
    Zip,
    Image,
    Unknown,
}

impl DocType {
    /// The lower-case name used in the CLI, the store and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            DocType::Text => "text",
            DocType::Markdown => "markdown",
            DocType::Html => "html",
            DocType::Rtf => "rtf",
            DocType::Mail => "mail",
            DocType::Mbox => "mbox",
            DocType::Msg => "msg",
            DocType::Docx => "docx",
            DocType::Odt => "odt",
            DocType::Xlsx => "xlsx",
            DocType::Pdf => "pdf",
            DocType::Zip => "zip",
            DocType::Image => "image",
            DocType::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for DocType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Bounds on what one call to [`extract`] may expand, read or run.
///
/// `max_depth` is *not* enforced here: [`extract`] looks at one level only. The caller, which
/// extracts each [`Child`] in turn, must stop descending once it has gone `max_depth` levels deep
/// (a zip in a zip in a mail is depth 3), and should count expanded bytes over the whole tree
/// against `max_total_expanded` too if it wants a tree-wide bound.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest decompressed size of a single archive member (declared *and* actual).
    pub max_member_bytes: u64,
    /// Largest total decompressed size of all members of one archive or office file.
    pub max_total_expanded: u64,
    /// Largest decompressed/compressed ratio of a member larger than 1 MiB.
    pub max_ratio: u64,
    /// How many levels of documents inside documents the caller should follow.
    pub max_depth: u32,
    /// Run OCR (tesseract, `nld`) on scanned PDF pages and images, where it is installed
    /// (checked once, when a document first needs it; without it such documents are marked
    /// `needs_ocr`).
    pub ocr: bool,
    /// At most this many pages of one PDF are extracted (and OCRed).
    pub max_pdf_pages: u32,
}

/// Whether OCR can run here: `tesseract` with the Dutch language data is installed (asked
/// once per process).
pub fn ocr_available() -> bool {
    ocr::available()
}

impl Default for Limits {
    /// OCR on where installed. Whether it is installed is asked only when a document needs
    /// OCR, so extracting plain text or a PDF with a text layer starts no child process.
    fn default() -> Self {
        Limits {
            ocr: true,
            ..Limits::without_ocr()
        }
    }
}

impl Limits {
    /// Default limits with OCR switched off (fast, no external programs).
    ///
    pub fn without_ocr() -> Self {
        Limits {
            max_member_bytes: 256 * 1024 * 1024,
            max_total_expanded: 1024 * 1024 * 1024,
            max_ratio: 200,
            max_depth: 4,
            ocr: false,
            max_pdf_pages: 2000,
        }
    }
}

/// A document found inside another: a mail attachment, an archive member or an mbox message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Child {
    /// Attachment file name, archive member path (`map/nota.txt`), or `1`, `2`, … for the
    /// messages of an mbox.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The result of extracting one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extracted {
    pub doc_type: DocType,
    /// The text the detector reads; byte offsets of findings point into it.
    pub text: String,
    /// Documents inside this one, to be extracted by the caller.
    pub children: Vec<Child>,
    /// Some pages (or the image) had no text layer and were not OCRed.
    pub needs_ocr: bool,
    /// Things worth knowing that did not stop extraction; never contain document content.
    pub warnings: Vec<String>,
    /// Number of pages, for paged formats (PDF).
    pub pages: Option<u32>,
}

impl Extracted {
    fn new(doc_type: DocType, text: String) -> Self {
        Extracted {
            doc_type,
            text,
            children: Vec::new(),
            needs_ocr: false,
            warnings: Vec::new(),
            pages: None,
        }
    }
}

/// Why a document could not be extracted. Messages say what and where, never what the document
/// says.
#[derive(thiserror::Error, Debug)]
#[non_exhaustive]
pub enum ExtractError {
    #[error("not a text file: binary content at byte {offset}")]
    Binary { offset: usize },
    #[error("corrupt {format}: {reason}")]
    Corrupt {
        format: &'static str,
        reason: Cow<'static, str>,
    },
    #[error("password-protected {format}")]
    Encrypted { format: &'static str },
    #[error("zip bomb: {reason}")]
    ZipBomb { reason: String },
    /// A PDF whose compressed streams expand beyond the limits.
    #[error("PDF bomb: {reason}")]
    PdfBomb { reason: String },
    #[error("unsupported format: {what}")]
    Unsupported { what: &'static str },
    #[error("{tool} failed: {reason}")]
    Tool {
        tool: &'static str,
        reason: Cow<'static, str>,
    },
}

impl ExtractError {
    pub(crate) fn corrupt(format: &'static str, reason: impl Into<Cow<'static, str>>) -> Self {
        ExtractError::Corrupt {
            format,
            reason: reason.into(),
        }
    }
}

const CFB_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Recognises a document's format: by magic bytes first, by the name's extension second, by the
/// look of the content last. `head` is the start of the file (a few KiB is plenty).
pub fn sniff(name: &str, head: &[u8]) -> DocType {
    let ext = extension(name);
    if let Some(t) = sniff_magic(head, ext.as_deref()) {
        return t;
    }
    if let Some(t) = ext.as_deref().and_then(by_extension) {
        return t;
    }
    sniff_content(head)
}

fn extension(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\', '!']).next().unwrap_or(name);
    let (stem, ext) = base.rsplit_once('.')?;
    if stem.is_empty() && ext.is_empty() {
        return None;
    }
    Some(ext.to_ascii_lowercase())
}

fn sniff_magic(head: &[u8], ext: Option<&str>) -> Option<DocType> {
    // PDF readers accept junk before the header; so do we, within the first KiB.
    let pdf_window = &head[..head.len().min(1024)];
    if head.starts_with(b"%PDF-") || memfind(pdf_window, b"%PDF-").is_some() {
        return Some(DocType::Pdf);
    }
    if head.starts_with(b"PK\x03\x04")
        || head.starts_with(b"PK\x05\x06")
        || head.starts_with(b"PK\x07\x08")
    {
        return Some(match ext {
            Some("docx" | "docm" | "dotx") => DocType::Docx,
            Some("odt" | "ott") => DocType::Odt,
            Some("xlsx" | "xlsm") => DocType::Xlsx,
            _ => office::sniff_zip_head(head).unwrap_or(DocType::Zip),
        });
    }
    if head.starts_with(CFB_MAGIC) {
        return Some(match ext {
            Some("docx" | "docm") => DocType::Docx,
            Some("xlsx" | "xlsm") => DocType::Xlsx,
            _ => DocType::Msg,
        });
    }
    if head.starts_with(b"{\\rtf") {
        return Some(DocType::Rtf);
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n")
        || head.starts_with(b"\xFF\xD8\xFF")
        || head.starts_with(b"II*\0")
        || head.starts_with(b"MM\0*")
        || head.starts_with(b"GIF87a")
        || head.starts_with(b"GIF89a")
        || (head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP"))
        || (head.starts_with(b"BM") && ext == Some("bmp"))
    {
        return Some(DocType::Image);
    }
    None
}

fn by_extension(ext: &str) -> Option<DocType> {
    Some(match ext {
        "txt" | "text" | "csv" | "tsv" | "log" | "ini" | "json" | "xml" | "yaml" | "yml" => {
            DocType::Text
        }
        "md" | "markdown" => DocType::Markdown,
        "html" | "htm" | "xhtml" => DocType::Html,
        "rtf" => DocType::Rtf,
        "eml" => DocType::Mail,
        "mbox" | "mbx" => DocType::Mbox,
        "msg" => DocType::Msg,
        "docx" | "docm" => DocType::Docx,
        "odt" => DocType::Odt,
        "xlsx" | "xlsm" => DocType::Xlsx,
        "pdf" => DocType::Pdf,
        "zip" => DocType::Zip,
        "png" | "jpg" | "jpeg" | "tif" | "tiff" | "gif" | "bmp" | "webp" => DocType::Image,
        _ => return None,
    })
}

fn sniff_content(head: &[u8]) -> DocType {
    if head.starts_with(b"From ") && mail::looks_like_mbox(head) {
        return DocType::Mbox;
    }
    if mail::looks_like_mail(head) {
        return DocType::Mail;
    }
    let lower: Vec<u8> = head
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        return DocType::Html;
    }
    if text::looks_like_text(head) {
        DocType::Text
    } else {
        DocType::Unknown
    }
}

pub(crate) fn memfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Extracts the text of one document and lists the documents inside it.
///
/// `name` is only used for its extension (to help [`sniff`]); it never appears in an error.
pub fn extract(name: &str, bytes: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let head = &bytes[..bytes.len().min(8192)];
    let doc_type = sniff(name, head);
    extract_as(doc_type, bytes, limits)
}

/// Extracts `bytes` as the given format, skipping [`sniff`].
pub fn extract_as(
    doc_type: DocType,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Extracted, ExtractError> {
    match doc_type {
        DocType::Text | DocType::Markdown => text::extract(doc_type, bytes),
        DocType::Html => html::extract(bytes),
        DocType::Rtf => rtf::extract(bytes),
        DocType::Mail => mail::extract_eml(bytes),
        DocType::Mbox => mail::extract_mbox(bytes),
        DocType::Msg => msg::extract(bytes),
        DocType::Docx => office::extract_docx(bytes, limits),
        DocType::Odt => office::extract_odt(bytes, limits),
        DocType::Xlsx => office::extract_xlsx(bytes, limits),
        DocType::Pdf => pdf::extract(bytes, limits),
        DocType::Zip => {
            // An office file without a telling extension still deserves its text.
            match office::sniff_zip(bytes) {
                Some(t) if t != DocType::Zip => extract_as(t, bytes, limits),
                _ => archive::extract_zip(bytes, limits),
            }
        }
        DocType::Image => ocr::extract_image(bytes, limits),
        DocType::Unknown => Err(ExtractError::Unsupported {
            what: "unrecognised binary content",
        }),
    }
}
