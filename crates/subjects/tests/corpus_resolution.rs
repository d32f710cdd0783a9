//! Measures resolution on the annotated development corpus (`corpus/dev/*.txt`): the gold
//! person spans carry a corpus-wide person id (`{{person|M. Haddou|p017}}`), so pairwise
//! precision and recall of "same subject" can be computed. Identifier spans are passed in
//! too, as the detector would find them.
//!
//! Run `cargo test -p grondslag-subjects --test corpus_resolution -- --nocapture` to see
//! the figures and the wrong merges and misses.

mod common;

use common::{corpus_dir, evaluate, parse_gold};

#[test]
fn pairwise_precision_and_recall_on_dev_corpus() {
    let Some(eval) = evaluate(&corpus_dir()) else {
        eprintln!("corpus/dev has no annotated person mentions yet; skipping");
        return;
    };
    println!(
        "subjects: {} mentions ({} persons) -> {} subjects; pairwise P={:.4} R={:.4} F1={:.4}",
        eval.mentions, eval.persons, eval.subjects, eval.precision, eval.recall, eval.f1
    );
    for line in &eval.report {
        println!("{line}");
    }
    assert!(
        eval.precision >= 0.95,
        "pairwise precision {:.4} < 0.95",
        eval.precision
    );
    assert!(
        eval.recall >= 0.92,
        "pairwise recall {:.4} < 0.92",
        eval.recall
    );
}

#[test]
fn gold_parser_offsets() {
    let spans = parse_gold("Voorzitter {{person|A. Ouahabi|p019}} woont in {{place|Ermelo}}.");
    assert_eq!(spans.len(), 2);
    assert_eq!(spans[0].start, "Voorzitter ".len());
    assert_eq!(spans[0].pid.as_deref(), Some("p019"));
    assert_eq!(spans[1].start, "Voorzitter A. Ouahabi woont in ".len());
    assert_eq!(spans[1].text, "Ermelo");
}
