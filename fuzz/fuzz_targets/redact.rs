//! Fuzz target: the redaction path of `grondslag redact` for text, HTML and mail — extract,
//! detect, redact, extract the output again, verify — never panics, whatever the bytes. A
//! value that cannot be located is an error (the CLI then writes nothing), not a crash.
//! Run: `fuzz/ci.sh` (stable, `RUSTC_BOOTSTRAP=1`), or `cargo fuzz run redact` on nightly.
#![no_main]

use grondslag_detect::Detector;
use grondslag_extract::{extract, Limits};
use grondslag_redact::{redact, redact_text, verify, Format, Grounds, Span};
use libfuzzer_sys::fuzz_target;

const FORMATS: &[(&str, Format)] = &[
    ("a.txt", Format::Text),
    ("a.html", Format::Html),
    ("a.eml", Format::Mail),
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let (name, format) = FORMATS[selector as usize % FORMATS.len()];
    let limits = Limits {
        max_member_bytes: 1 << 20,
        max_total_expanded: 4 << 20,
        ocr: false,
        ..Limits::without_ocr()
    };
    let Ok(extracted) = extract(name, bytes, &limits) else {
        return;
    };
    let text = &extracted.text;
    let spans: Vec<Span> = Detector::new()
        .detect(text)
        .iter()
        .map(|f| Span::new(f.start, f.end, f.kind.as_str()))
        .collect();
    let grounds = Grounds::woo_default();
    let plain = redact_text(text, &spans, &grounds);
    let values: Vec<&str> = spans.iter().filter_map(|s| text.get(s.start..s.end)).collect();
    let _ = verify(&plain, &values);
    if let Ok(out) = redact(format, bytes, text, &spans, &grounds) {
        if let Ok(again) = extract(name, &out, &limits) {
            let _ = verify(&again.text, &values);
        }
    }
});
