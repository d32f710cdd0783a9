//! Data-driven special-category cases: every line of `special_cases.txt` is a sentence in the
//! inline gold markup; the detector must find exactly the marked special-category spans
//! (GDPR art. 9/10) and no others. Persons and identifiers are not checked here.

use grondslag_detect::{gold, Detector, Kind};

#[test]
fn special_cases_txt() {
    let det = Detector::new();
    let mut failures = Vec::new();
    for (n, line) in include_str!("special_cases.txt").lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        // Lines are joined list entries when they contain a literal "\n".
        let line = line.replace("\\n", "\n");
        let (plain, spans) = gold::parse(&line).expect("valid markup in special_cases.txt");
        let mut want: Vec<(usize, usize, Kind)> = spans
            .iter()
            .filter(|s| s.kind.is_special_category())
            .map(|s| (s.start, s.end, s.kind))
            .collect();
        let mut got: Vec<(usize, usize, Kind)> = det
            .detect(&plain)
            .into_iter()
            .filter(|f| f.kind.is_special_category())
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
                "line {}: want [{}] got [{}]",
                n + 1,
                show(&want),
                show(&got)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
