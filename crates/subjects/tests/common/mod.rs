//! Shared by the tests and `examples/eval.rs`: parses the inline gold markup of an annotated
//! corpus and scores resolution pairwise; builds mentions from a text as the binary does.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use grondslag_subjects::{resolve, Mention, Subject};

/// The index of the subject whose members include mention `id`, if any.
pub fn subject_of(subjects: &[Subject], id: u64) -> Option<usize> {
    subjects
        .iter()
        .position(|s| s.members.iter().any(|m| m.mention == id))
}

/// Mentions found in `text` at the first occurrence (from the previous one) of each
/// value, with the text before them, as the binary hands them over.
pub fn in_text(doc: u64, first_id: u64, text: &str, found: &[(&str, &str)]) -> Vec<Mention> {
    let mut from = 0;
    found
        .iter()
        .enumerate()
        .map(|(i, &(kind, value))| {
            let start = from + text[from..].find(value).expect("value in text");
            from = start + value.len();
            Mention {
                id: first_id + i as u64,
                doc,
                kind: kind.to_string(),
                value: value.to_string(),
                start,
                before: grondslag_subjects::text_before(text, start),
            }
        })
        .collect()
}

/// One gold span of the inline markup, with its byte offset in the plain text.
pub struct GoldSpan {
    pub kind: String,
    pub text: String,
    pub pid: Option<String>,
    pub start: usize,
}

/// Parses the inline gold markup `{{kind|text}}` / `{{person|text|pid}}`.
pub fn parse_gold(marked: &str) -> Vec<GoldSpan> {
    let mut spans = Vec::new();
    let mut plain_len = 0usize;
    let mut rest = marked;
    while let Some(open) = rest.find("{{") {
        plain_len += open;
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else { break };
        let inner = &after[..close];
        let mut fields = inner.splitn(3, '|');
        let kind = fields.next().unwrap_or("").to_string();
        let text = fields.next().unwrap_or("").to_string();
        let pid = fields.next().map(str::to_string);
        spans.push(GoldSpan {
            kind,
            start: plain_len,
            pid,
            text: text.clone(),
        });
        plain_len += text.len();
        rest = &after[close + 2..];
    }
    spans
}

/// The plain text of inline gold markup: every `{{kind|text|…}}` replaced by its text.
pub fn plain_text(marked: &str) -> String {
    let mut out = String::with_capacity(marked.len());
    let mut rest = marked;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            rest = &rest[open..];
            break;
        };
        out.push_str(after[..close].split('|').nth(1).unwrap_or(""));
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    out
}

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/dev")
}

pub struct Eval {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub mentions: usize,
    pub persons: usize,
    pub subjects: usize,
    pub report: Vec<String>,
}

pub fn evaluate(dir: &Path) -> Option<Eval> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut mentions = Vec::new();
    let mut truth: HashMap<u64, String> = HashMap::new();
    let mut where_: HashMap<u64, (String, String)> = HashMap::new();
    let mut next_id = 0u64;
    for (doc, path) in files.iter().enumerate() {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let plain = plain_text(&text);
        for span in parse_gold(&text) {
            next_id += 1;
            if span.kind == "person" {
                let Some(pid) = span.pid else { continue };
                truth.insert(next_id, pid.trim().to_string());
                where_.insert(next_id, (name.clone(), span.text.replace('\n', " ")));
            }
            mentions.push(Mention {
                id: next_id,
                doc: doc as u64,
                kind: span.kind,
                value: span.text,
                before: grondslag_subjects::text_before(&plain, span.start),
                start: span.start,
            });
        }
    }
    if truth.is_empty() {
        return None;
    }
    let subjects = resolve(&mentions, &[]);
    let mut predicted: HashMap<u64, usize> = HashMap::new();
    for (s, subject) in subjects.iter().enumerate() {
        for m in &subject.members {
            if truth.contains_key(&m.mention) {
                predicted.insert(m.mention, s);
            }
        }
    }
    let mut ids: Vec<u64> = truth.keys().copied().collect();
    ids.sort();
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    let mut wrong: HashMap<(String, String), usize> = HashMap::new();
    let mut missed: HashMap<(String, String), usize> = HashMap::new();
    for (i, &a) in ids.iter().enumerate() {
        for &b in &ids[i + 1..] {
            let same_true = truth[&a] == truth[&b];
            let same_pred = predicted.contains_key(&a) && predicted.get(&a) == predicted.get(&b);
            let pair = || {
                let (x, y) = (&where_[&a].1, &where_[&b].1);
                if x <= y {
                    (x.clone(), y.clone())
                } else {
                    (y.clone(), x.clone())
                }
            };
            match (same_true, same_pred) {
                (true, true) => tp += 1,
                (false, true) => {
                    fp += 1;
                    *wrong.entry(pair()).or_default() += 1;
                }
                (true, false) => {
                    fn_ += 1;
                    *missed.entry(pair()).or_default() += 1;
                }
                _ => {}
            }
        }
    }
    let precision = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let recall = if tp + fn_ == 0 {
        1.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    let mut report = Vec::new();
    let mut wrong: Vec<_> = wrong.into_iter().collect();
    wrong.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((x, y), n) in wrong.iter().take(25) {
        report.push(format!("  wrong merge x{n}: {x} ~ {y}"));
    }
    let mut missed: Vec<_> = missed.into_iter().collect();
    missed.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((x, y), n) in missed.iter().take(40) {
        report.push(format!("  missed x{n}: {x} ~ {y}"));
    }
    Some(Eval {
        precision,
        recall,
        f1,
        mentions: mentions.len(),
        persons: truth.len(),
        subjects: subjects.len(),
        report,
    })
}
