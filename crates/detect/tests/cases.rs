//! Data-driven detector cases: every line of `cases.txt` is a sentence in the inline gold
//! markup; the detector must find exactly the marked spans (for persons and identifiers).

use grondslag_detect::{gold, Detector, Kind};

fn checked(k: Kind) -> bool {
    k == Kind::Person || k.is_identifier()
}

#[test]
fn cases_txt() {
    let det = Detector::new();
    let mut failures = Vec::new();
    for (n, line) in include_str!("cases.txt").lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (plain, spans) = gold::parse(line).expect("valid markup in cases.txt");
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
                "line {}: want [{}] got [{}]",
                n + 1,
                show(&want),
                show(&got)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
