//! Property tests: the validators against independent reference implementations, and the
//! offset contract of `Detector::detect` on arbitrary strings.

use grondslag_detect::{validate, Detector, Kind};
use proptest::prelude::*;

/// Reference 11-proef, written from the definition with plain arithmetic on a digit vector.
fn bsn_reference(digits: &[u32]) -> bool {
    if digits.len() != 9 || digits.iter().all(|&d| d == 0) {
        return false;
    }
    let weights = [9i64, 8, 7, 6, 5, 4, 3, 2, -1];
    let sum: i64 = digits.iter().zip(weights).map(|(&d, w)| d as i64 * w).sum();
    sum.rem_euclid(11) == 0
}

/// Reference mod-97: move the first four characters to the end, expand letters to numbers,
/// and reduce the whole decimal string with u128 arithmetic in pieces.
fn iban_reference(s: &str) -> bool {
    let s: String = s.chars().filter(|c| *c != ' ').collect();
    let rearranged = format!("{}{}", &s[4..], &s[..4]);
    let mut digits = String::new();
    for c in rearranged.chars() {
        match c.to_digit(36) {
            Some(v) => digits.push_str(&v.to_string()),
            None => return false,
        }
    }
    let mut rem: u128 = 0;
    for chunk in digits.as_bytes().chunks(20) {
        let part: u128 = std::str::from_utf8(chunk).unwrap().parse().unwrap();
        rem = (rem * 10u128.pow(chunk.len() as u32) + part) % 97;
    }
    rem == 1
}

proptest! {
    #[test]
    fn bsn_matches_reference(d in proptest::collection::vec(0u32..10, 9)) {
        let s: String = d.iter().map(|x| char::from_digit(*x, 10).unwrap()).collect();
        prop_assert_eq!(validate::bsn_11_proef(&s), bsn_reference(&d));
    }

    #[test]
    fn iban_nl_matches_reference(bank in "[A-Z]{4}", acct in "[0-9]{10}", check in 0u32..100) {
        let s = format!("NL{:02}{}{}", check, bank, acct);
        prop_assert_eq!(validate::iban_mod97(&s), iban_reference(&s));
    }

    #[test]
    fn iban_any_country_matches_reference(cc in "[A-Z]{2}", check in 0u32..100, body in "[A-Z0-9]{11,30}") {
        let s = format!("{}{:02}{}", cc, check, body);
        // Length rules are ours; the checksum must agree whenever we accept.
        if validate::iban_mod97(&s) {
            prop_assert!(iban_reference(&s));
        }
    }

    #[test]
    fn detect_keeps_offset_contract(text in "\\PC{0,300}") {
        check_contract(&text);
    }

    #[test]
    fn detect_keeps_offset_contract_on_dutchish(text in "([A-Z][a-z]{1,8}|van|de|[0-9]{1,10}|[.,:;@()+-]| |\n|J\\.|06-|NL[0-9]{2} ){0,80}") {
        check_contract(&text);
    }
}

/// Words that steer the rules: every cue, particle, verb and clause word the detector keys on
/// ([`grondslag_detect::rule_words`]), in three casings, with names, pronouns, identifiers and
/// multi-byte text. Random characters almost never spell a cue, so the special-category rules
/// (where the index arithmetic lives) are only reached with these.
fn steering_word() -> impl Strategy<Value = String> {
    let mut words: Vec<String> = Vec::new();
    for w in grondslag_detect::rule_words() {
        words.push(w.to_string());
        let mut c = w.chars();
        if let Some(f) = c.next() {
            words.push(f.to_uppercase().chain(c).collect());
        }
        words.push(w.to_uppercase());
    }
    for w in [
        "Hij",
        "hij",
        "Zij",
        "ik",
        "Jan",
        "Fatima",
        "El",
        "Amrani",
        "Jansen",
        "de Vries",
        "J.",
        "M.",
        "Turkse",
        "Marokkaanse",
        "salafistische",
        "geloofsopvatting",
        "lessen",
        "Den Haag",
        "Ermelo",
        "woont in",
        "geboren op",
        "06-12345678",
        "111222333",
        "محمد",
        "عبد الله",
        "Çelik",
        "Yıldırım",
        "ë",
        "—",
        "&",
        "-",
        "(",
        ")",
        ":",
        ";",
        ",",
        ".",
        "\"",
        "'",
    ] {
        words.push(w.to_string());
    }
    proptest::sample::select(words)
}

/// Texts of steering words with spaces, line breaks, blank lines and commas between them:
/// a phrase typed twice, a clause broken by a line end, a list of cues.
fn steered_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        (
            steering_word(),
            proptest::sample::select(vec![" ", " ", " ", "\n", "\n\n", ", ", ". ", ""]),
        ),
        0..60,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(w, sep)| [w, sep.to_string()])
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn detect_keeps_offset_contract_on_cue_words(text in steered_text()) {
        check_contract(&text);
    }
}

fn check_contract(text: &str) {
    let det = Detector::new();
    let found = det.detect(text);
    let mut last_start = 0;
    let mut last_end = [0usize; 18];
    for f in &found {
        assert!(f.start < f.end && f.end <= text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert!(f.start >= last_start, "findings sorted by start");
        last_start = f.start;
        let k = Kind::ALL.iter().position(|k| *k == f.kind).unwrap();
        assert!(f.start >= last_end[k], "no same-kind overlap");
        last_end[k] = f.end;
        assert!((0.0..=1.0).contains(&f.score));
    }
    assert_eq!(det.detect(text), found, "detect is pure");
    // Streaming gives the same findings for small inputs (one chunk).
    let mut streamed = Vec::new();
    det.detect_reader(text.as_bytes(), |f, t| {
        assert_eq!(&text[f.start..f.end], t);
        streamed.push(f.clone());
    })
    .unwrap();
    assert_eq!(streamed, found);
}

#[test]
fn detect_reader_reports_invalid_utf8_offset() {
    let det = Detector::new();
    let mut bytes = b"De heer Jansen woont in Ermelo. ".to_vec();
    bytes.push(0xff);
    let err = det.detect_reader(&bytes[..], |_, _| {}).unwrap_err();
    assert!(err.to_string().contains("32"), "{err}");
}

#[test]
fn detect_reader_streams_large_input_with_stream_offsets() {
    let det = Detector::new();
    let para = "De heer J. Jansen is bereikbaar via 06-12345678 en j.jansen@example.nl.\n\n";
    let text = para.repeat(20_000); // ~1.5 MB: more than one chunk
    let mut n = 0;
    let mut last = 0;
    det.detect_reader(text.as_bytes(), |f, t| {
        assert_eq!(&text[f.start..f.end], t);
        assert!(f.start >= last);
        last = f.start;
        n += 1;
    })
    .unwrap();
    let per_para = det.detect(para).len();
    assert_eq!(n, per_para * 20_000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    /// Several pieces, cut at blank lines, line breaks or spaces: detecting them on two or
    /// three threads gives exactly what one thread gives.
    #[test]
    fn parallel_streaming_equals_sequential(
        parts in proptest::collection::vec(
            "([A-Z][a-z]{1,8}|van|de|[0-9]{1,10}|[.,:;@()+-]| |J\\.|06-|NL[0-9]{2} |woont in |geboren op ){1,30}",
            1..8,
        ),
        seps in proptest::collection::vec(0u8..3, 1..8),
    ) {
        let mut text = String::new();
        let mut i = 0;
        while text.len() < 700_000 {
            text.push_str(&parts[i % parts.len()]);
            text.push_str(["\n\n", "\n", " "][usize::from(seps[i % seps.len()])]);
            i += 1;
        }
        let det = Detector::new();
        let run = |threads: usize| {
            let mut out = Vec::new();
            det.detect_reader_parallel(text.as_bytes(), threads, |f, t| {
                assert_eq!(&text[f.start..f.end], t);
                out.push(f.clone());
            })
            .unwrap();
            out
        };
        let one = run(1);
        prop_assert_eq!(&one, &run(2));
        prop_assert_eq!(&one, &run(3));
    }
}

/// Every input a fuzz target once failed on (`fuzz/regressions/detect/`) keeps the contract.
#[test]
fn fuzz_regressions_keep_the_contract() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions/detect");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz/regressions/detect") {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        if let Ok(text) = std::str::from_utf8(&bytes) {
            check_contract(text);
            n += 1;
        }
    }
    assert!(n > 0, "no regression inputs in {}", dir.display());
}
