//! Fuzz target: `grondslag_extract::extract` never panics on arbitrary bytes, whatever format
//! the name claims, and never lets a UTF-8 `.txt` without NUL bytes change.
//! Run: `fuzz/ci.sh` (stable, `RUSTC_BOOTSTRAP=1`), or `cargo fuzz run extract` on nightly.
#![no_main]

use grondslag_extract::{extract, Limits};
use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "a.txt", "a.md", "a.html", "a.rtf", "a.eml", "a.mbox", "a.msg", "a.docx", "a.odt", "a.xlsx",
    "a.pdf", "a.zip", "a.png", "a",
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[selector as usize % NAMES.len()];
    // Small limits keep each run fast; OCR is off (no external programs while fuzzing).
    let limits = Limits {
        max_member_bytes: 1 << 20,
        max_total_expanded: 4 << 20,
        ocr: false,
        ..Limits::without_ocr()
    };
    let result = extract(name, bytes, &limits);
    // UTF-8 without NUL bytes stays as it is. With NULs it is no text a person wrote: bytes
    // with a zero in every other byte are read as UTF-16 without a BOM ("\0i\0" is "i" in
    // UTF-16BE, `text::decode_text`), others are refused as binary.
    if name == "a.txt" && !bytes.contains(&0) {
        if let (Ok(out), Ok(s)) = (&result, std::str::from_utf8(bytes)) {
            if out.doc_type == grondslag_extract::DocType::Text {
                assert_eq!(out.text, s);
            }
        }
    }
});
