//! Data-driven detector cases: every line of a case file is a sentence in the inline gold
//! markup; the detector must find exactly the marked spans of the kinds that file checks.
//! - `cases.txt`: persons, places and identifiers;
//! - `special_cases.txt`: special categories (GDPR art. 9/10) only; a literal `\n` in a line
//!   joins list entries.

use grondslag_detect::{gold, Detector, Kind};

/// Runs every case in `table` (named `file` in messages), comparing the kinds `checked` selects.
fn run_cases(file: &str, table: &str, checked: fn(Kind) -> bool) {
    let det = Detector::new();
    let mut failures = Vec::new();
    for (n, line) in table.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.replace("\\n", "\n");
        let (plain, spans) =
            gold::parse(&line).unwrap_or_else(|e| panic!("invalid markup in {file}: {e:?}"));
        let mut want: Vec<(usize, usize, Kind)> = spans
            .iter()
            .filter(|s| checked(s.kind))
            .map(|s| (s.start, s.end, s.kind))
            .collect();
        let mut got: Vec<(usize, usize, Kind)> = det
            .detect(&plain)
            .into_iter()
            .filter(|f| checked(f.kind))
            .map(|f| (f.start, f.end, f.kind))
            .collect();
        want.sort_by_key(|x| (x.0, x.2));
        got.sort_by_key(|x| (x.0, x.2));
        if want != got {
            let show = |v: &[(usize, usize, Kind)]| {
                v.iter()
                    .map(|&(s, e, k)| format!("{}:{}", k, &plain[s..e]))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            failures.push(format!(
                "{file} line {}: want [{}] got [{}]",
                n + 1,
                show(&want),
                show(&got)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cases_txt() {
    run_cases("cases.txt", include_str!("cases.txt"), |k| {
        k == Kind::Person || k == Kind::Place || k.is_identifier()
    });
}

#[test]
fn special_cases_txt() {
    run_cases(
        "special_cases.txt",
        include_str!("special_cases.txt"),
        Kind::is_special_category,
    );
}
