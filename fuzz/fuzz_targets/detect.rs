//! Fuzz target: `Detector::detect` on arbitrary UTF-8 keeps the offset contract and never
//! panics; `gold::parse` never panics and its spans index the plain text.
//! Run: `fuzz/ci.sh` (stable, `RUSTC_BOOTSTRAP=1`), or `cargo fuzz run detect` on nightly.
#![no_main]

use grondslag_detect::{gold, Detector};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        // Invalid UTF-8 must be reported by the streaming API, not panic.
        let _ = Detector::new().detect_reader(data, |_, _| {});
        return;
    };
    let found = Detector::new().detect(text);
    let mut last_start = 0;
    for f in &found {
        assert!(f.start < f.end && f.end <= text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert!(f.start >= last_start);
        last_start = f.start;
    }
    if let Ok((plain, spans)) = gold::parse(text) {
        for s in spans {
            assert!(plain.is_char_boundary(s.start) && plain.is_char_boundary(s.end));
            assert!(s.start < s.end && s.end <= plain.len());
        }
    }
});
