//! Scores subject resolution on an annotated corpus (default `corpus/dev`) and prints
//! pairwise precision, recall and F1, then the wrong merges and misses.
//!
//! `cargo run --release -p grondslag-subjects --example eval [-- DIR]`

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::PathBuf;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(common::corpus_dir);
    let Some(eval) = common::evaluate(&dir) else {
        eprintln!("no annotated person mentions under {}", dir.display());
        std::process::exit(2);
    };
    println!(
        "subjects: {} mentions ({} persons) -> {} subjects; pairwise P={:.4} R={:.4} F1={:.4}",
        eval.mentions, eval.persons, eval.subjects, eval.precision, eval.recall, eval.f1
    );
    for line in &eval.report {
        println!("{line}");
    }
}
