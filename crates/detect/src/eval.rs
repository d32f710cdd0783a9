//! Scoring findings against gold spans: exact-span matching per kind (precision, recall, F1),
//! a lenient overlap score, and the misses and false positives with context for inspection.
//!
//! This module only counts; printing is the caller's business (`cargo xtask eval`).

use std::collections::BTreeMap;

use crate::gold::GoldSpan;
use crate::Kind;

/// A predicted span (ours or an external system's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// Counts for one kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predictions matching a gold span exactly (same kind, same offsets).
    pub tp: usize,
    /// Predictions without an exact gold match.
    pub fp: usize,
    /// Gold spans without an exact prediction.
    pub fn_: usize,
    /// Predictions overlapping some gold span of the same kind.
    pub lenient_pred_ok: usize,
    /// Gold spans overlapped by some prediction of the same kind.
    pub lenient_gold_ok: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Counts {
    pub fn support(&self) -> usize {
        self.tp + self.fn_
    }
    pub fn predicted(&self) -> usize {
        self.tp + self.fp
    }
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    pub fn lenient_precision(&self) -> f64 {
        ratio(self.lenient_pred_ok, self.predicted())
    }
    pub fn lenient_recall(&self) -> f64 {
        ratio(self.lenient_gold_ok, self.support())
    }
    pub fn lenient_f1(&self) -> f64 {
        f1(self.lenient_precision(), self.lenient_recall())
    }
    fn add(&mut self, o: &Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.lenient_pred_ok += o.lenient_pred_ok;
        self.lenient_gold_ok += o.lenient_gold_ok;
    }
}

/// A miss or false positive, with its surrounding text (synthetic corpora only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    pub file: String,
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Up to ~40 bytes either side, newlines shown as `⏎`.
    pub context: String,
}

/// The accumulated evaluation over documents.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub per_kind: BTreeMap<Kind, Counts>,
    pub misses: Vec<Example>,
    pub false_positives: Vec<Example>,
    pub documents: usize,
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn example(file: &str, text: &str, s: &Span) -> Example {
    let a = floor_boundary(text, s.start.saturating_sub(40));
    let b = ceil_boundary(text, s.end + 40);
    let st = floor_boundary(text, s.start);
    let en = ceil_boundary(text, s.end.max(st));
    let cut = |x: usize, y: usize| text.get(x..y).unwrap_or("");
    let context = format!("{}[[{}]]{}", cut(a, st), cut(st, en), cut(en, b)).replace('\n', "⏎");
    Example {
        file: file.to_string(),
        kind: s.kind,
        start: s.start,
        end: s.end,
        text: cut(st, en).to_string(),
        context,
    }
}

impl Report {
    pub fn new() -> Report {
        Report::default()
    }

    /// Scores one document: `gold` against `predicted` (both in offsets of `text`).
    pub fn add_document(&mut self, file: &str, text: &str, gold: &[GoldSpan], predicted: &[Span]) {
        self.documents += 1;
        let gold: Vec<Span> = gold
            .iter()
            .map(|g| Span {
                start: g.start,
                end: g.end,
                kind: g.kind,
            })
            .collect();
        for kind in Kind::ALL {
            let g: Vec<&Span> = gold.iter().filter(|s| s.kind == kind).collect();
            let p: Vec<&Span> = predicted.iter().filter(|s| s.kind == kind).collect();
            if g.is_empty() && p.is_empty() {
                continue;
            }
            let mut c = Counts::default();
            let mut gold_matched = vec![false; g.len()];
            for ps in &p {
                let exact = g
                    .iter()
                    .enumerate()
                    .find(|(i, gs)| !gold_matched[*i] && gs.start == ps.start && gs.end == ps.end);
                match exact {
                    Some((i, _)) => {
                        gold_matched[i] = true;
                        c.tp += 1;
                    }
                    None => {
                        c.fp += 1;
                        self.false_positives.push(example(file, text, ps));
                    }
                }
                if g.iter().any(|gs| gs.start < ps.end && ps.start < gs.end) {
                    c.lenient_pred_ok += 1;
                }
            }
            for (i, gs) in g.iter().enumerate() {
                if !gold_matched[i] {
                    c.fn_ += 1;
                    self.misses.push(example(file, text, gs));
                }
                if p.iter().any(|ps| gs.start < ps.end && ps.start < gs.end) {
                    c.lenient_gold_ok += 1;
                }
            }
            self.per_kind.entry(kind).or_default().add(&c);
        }
    }

    /// Micro-averaged counts over every kind.
    pub fn micro(&self) -> Counts {
        self.sum(|_| true)
    }

    /// Summed counts over the kinds selected by `pick`.
    pub fn sum(&self, pick: impl Fn(Kind) -> bool) -> Counts {
        let mut t = Counts::default();
        for (k, c) in &self.per_kind {
            if pick(*k) {
                t.add(c);
            }
        }
        t
    }

    /// Person F1 (exact spans).
    pub fn person_f1(&self) -> f64 {
        self.sum(|k| k == Kind::Person).f1()
    }

    /// Recall over the identifier kinds (email, phone, bsn, iban, postcode, address,
    /// licence_plate, ip_address, birthdate).
    pub fn identifier_recall(&self) -> f64 {
        self.sum(Kind::is_identifier).recall()
    }

    /// Recall over the special categories (religion .. criminal).
    pub fn special_recall(&self) -> f64 {
        self.sum(Kind::is_special_category).recall()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_lenient() {
        let text = "Jan de Vries woont in Ermelo.";
        let gold = vec![GoldSpan {
            start: 0,
            end: 12,
            kind: Kind::Person,
            person_id: None,
        }];
        let pred = vec![Span {
            start: 4,
            end: 12,
            kind: Kind::Person,
        }];
        let mut r = Report::new();
        r.add_document("a.txt", text, &gold, &pred);
        let c = r.per_kind[&Kind::Person];
        assert_eq!((c.tp, c.fp, c.fn_), (0, 1, 1));
        assert_eq!((c.lenient_pred_ok, c.lenient_gold_ok), (1, 1));
        assert_eq!(r.misses.len(), 1);
        assert_eq!(r.false_positives[0].text, "de Vries");
    }
}
