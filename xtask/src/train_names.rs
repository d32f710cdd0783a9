//! `cargo xtask train-names`: learns the weights of the detector's name model
//! (`crates/detect/src/names/model.rs`) and writes `crates/detect/data/name_model.bin`.
//!
//! The examples are the name chains the rules leave open (`grondslag_detect::name_candidates`)
//! in annotated text: CoNLL-2002 `ned.train` (read from where it lies; it is never copied into
//! the repository, only the learned weights are committed), `corpus/dev` and `corpus/gov/dev`.
//! A chain is a positive example when it is exactly a gold person span. Never `ned.testa`,
//! `corpus/test` or `corpus/gov/heldout`: those measure the result.
//!
//! Logistic regression by AdaGrad with an L2 penalty (or, with `--perceptron`, an averaged
//! perceptron), trained in a fixed order with a fixed shuffle: the same data gives
//! the same weights, byte for byte. The decision threshold is cross-validated: each fifth of
//! the documents is scored by a model learned on the other four, and over the scores of all
//! five the lowest threshold that keeps the precision of the chain decisions at
//! `--min-precision` is kept (pooled: the median of five per-fifth thresholds moved more from
//! one retraining to the next); the weights are then learned again on everything.
//! The same held-out scores teach the second stage (what a chain's other mentions in its text
//! scored): its few weights are learned with each chain's held-out first-stage score as a fixed
//! offset, so that they see scores as the detector computes them on text it has not seen.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use grondslag_detect::eval::{Report, Span};
use grondslag_detect::{
    doc_features, gold, name_candidates, other_scores, Detector, Kind, MentionKey, NameModel,
    NAME_DOC_WEIGHTS,
};

const USAGE: &str = "\
usage: cargo xtask train-names [--conll FILE] [--epochs N] [--out FILE] [--leave-out K]
                               [--perceptron] [--l2 X] [--rate X]
       cargo xtask train-names --cv [--show-fp] [--show-misses]

  --conll FILE   CoNLL-2002 training file (default ../shared/data/conll2002-nl/ned.train)
  --epochs N     passes over the examples (default 16)
  --perceptron   learn by an averaged perceptron (8 epochs unless --epochs) instead of
                 logistic regression (AdaGrad, L2 penalty). Logistic regression is the default:
                 in `--cv` on ned.train it scored person F1 0.882 (P 0.908 R 0.858) against the
                 perceptron's 0.872 (P 0.910 R 0.838)
  --l2 X         logistic regression's L2 penalty (default 0.003)
  --rate X       logistic regression's AdaGrad learning rate (default 0.1). The defaults are
                 the best `--cv` F1 on ned.train among L2 1e-4..3e-2, rate 0.1..0.5, 8..16 epochs
  --out FILE     where to write (default crates/detect/data/name_model.bin)
  --min-precision P  the threshold of chains of several words: the lowest score at which
                 their decisions on the fifths of the examples, each scored by a model learned
                 without it, keep this precision (default 0.85: `--cv` on ned.train, with the
                 layout and neighbouring-name features, P 0.920 R 0.896 F1 0.908 against
                 0.80's P 0.915 R 0.898 F1 0.907)
  --min-precision-single P  the same for one-word chains (default 0.9). The defaults are the
                 best person F1 of `--cv` on ned.train among 0.8/0.8, 0.9/0.9, 0.8/0.9 (multi/
                 single) and 0.7/0.85 that keep its precision above 0.9 (P 0.908 R 0.845)
  --veto-precision P  the score below which a name of a weak rule (first name + surname, an
                 unknown given name + a known surname) is dropped: the highest at which this
                 fraction of the dropped on held-out fifths are no names (default 0.9: `--cv`
                 scores the same F1 with 0.8, 0.85 and 0.9, and below 0.9 the veto dropped
                 'Marloes de Wit' in a table row of tests/special_cases.txt)
  --cv           measure instead of writing: for each fifth of the CoNLL articles, learn
                 without it and detect on it; person P/R over all five, next to the rules
  --show-fp, --show-misses   with --cv: list the errors (of ned.train, never a test split)
  --leave-out K  leave the CoNLL articles of fold K (a fifth of the file, in order) out of training,
                 so that `cargo xtask eval --conll FILE --fold K` measures on unseen articles
                 of the training file (a development split: look at its errors, not testa's)
";

/// Must match `MODEL_BITS` of the detector (`build.rs`).
const BITS: u32 = 18;

struct Example {
    features: Vec<u32>,
    positive: bool,
    /// A chain of one word (its own threshold).
    single: bool,
    /// A chain a weak rule accepted (the veto threshold).
    checked: bool,
    /// Which fifth of the data it belongs to (for choosing the threshold).
    fold: usize,
    /// Which text it is in, and its mention key there (the second stage).
    doc: usize,
    key: MentionKey,
}

pub fn main(args: Vec<String>) -> Result<()> {
    let mut conll = PathBuf::from("../shared/data/conll2002-nl/ned.train");
    let mut epochs: Option<usize> = None;
    let mut learner = Learner::Logistic {
        epochs: 16,
        l2: 0.003,
        rate: 0.1,
    };
    let (mut l2, mut rate): (Option<f64>, Option<f64>) = (None, None);
    let mut out = PathBuf::from("crates/detect/data/name_model.bin");
    let mut leave_out: Option<usize> = None;
    let mut min_precision = [0.9f64, 0.85];
    let mut veto_precision = 0.9f64;
    let mut cv = false;
    let (mut show_fp, mut show_misses) = (false, false);
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--conll" => conll = it.next().context("--conll needs a file")?.into(),
            "--epochs" => epochs = Some(it.next().context("--epochs needs N")?.parse()?),
            "--perceptron" => learner = Learner::Perceptron { epochs: 8 },
            "--l2" => l2 = Some(it.next().context("--l2 needs X")?.parse()?),
            "--rate" => rate = Some(it.next().context("--rate needs X")?.parse()?),
            "--out" => out = it.next().context("--out needs a file")?.into(),
            "--min-precision" => {
                min_precision[1] = it.next().context("--min-precision needs P")?.parse()?
            }
            "--leave-out" => leave_out = Some(it.next().context("--leave-out needs K")?.parse()?),
            "--min-precision-single" => {
                min_precision[0] = it
                    .next()
                    .context("--min-precision-single needs P")?
                    .parse()?
            }
            "--veto-precision" => {
                veto_precision = it.next().context("--veto-precision needs P")?.parse()?
            }
            "--cv" => cv = true,
            "--show-fp" => show_fp = true,
            "--show-misses" => show_misses = true,
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(());
            }
            other => bail!("unknown argument {other}\n{USAGE}"),
        }
    }
    match &mut learner {
        Learner::Perceptron { epochs: e } => *e = epochs.unwrap_or(*e),
        Learner::Logistic {
            epochs: e,
            l2: l,
            rate: r,
        } => {
            *e = epochs.unwrap_or(*e);
            *l = l2.unwrap_or(*l);
            *r = rate.unwrap_or(*r);
        }
    }
    let name = conll.file_name().map(|n| n.to_string_lossy().into_owned());
    if name
        .as_deref()
        .is_some_and(|n| n.contains("testa") || n.contains("testb"))
    {
        bail!("{} is a held-out split: never train on it", conll.display());
    }
    let articles = crate::eval::conll::read(&conll)?;
    let mut docs: Vec<Doc> = Vec::new();
    for (n, a) in articles.iter().enumerate() {
        let spans: Vec<(usize, usize)> = a.persons.iter().map(|p| (p.start, p.end)).collect();
        docs.push(Doc {
            text: a.text.clone(),
            persons: spans,
            article: Some(n),
            gov: None,
            fold: crate::eval::conll::fold_of(n, articles.len()),
        });
    }
    let mut gov_docs = 0;
    for dir in ["corpus/dev", "corpus/gov/dev"] {
        for f in corpus_files(Path::new(dir))? {
            let marked = std::fs::read_to_string(&f)?;
            let (plain, gold) =
                gold::parse(&marked).with_context(|| format!("gold markup in {}", f.display()))?;
            let spans: Vec<(usize, usize)> = gold
                .iter()
                .filter(|g| g.kind == Kind::Person)
                .map(|g| (g.start, g.end))
                .collect();
            let gov = dir == "corpus/gov/dev";
            docs.push(Doc {
                text: plain,
                persons: spans,
                article: None,
                gov: gov.then_some(gov_docs),
                fold: docs.len() % 5,
            });
            gov_docs += usize::from(gov);
        }
    }
    if cv {
        return cross_validate(
            &articles,
            &docs,
            learner,
            min_precision,
            veto_precision,
            show_fp,
            show_misses,
        );
    }
    let kept: Vec<&Doc> = docs
        .iter()
        .filter(|d| d.article.is_none() || leave_out != Some(d.fold))
        .collect();
    let bytes = learn(&kept, learner, min_precision, veto_precision, true);
    std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(())
}

/// An annotated text and its gold person spans; `article`: its number in the CoNLL file.
struct Doc {
    text: String,
    persons: Vec<(usize, usize)>,
    article: Option<usize>,
    /// Its number in `corpus/gov/dev`, for cross-validation there too.
    gov: Option<usize>,
    /// Which fifth it is in: a CoNLL article by its place in the file
    /// ([`crate::eval::conll::fold_of`]), another text by its number.
    fold: usize,
}

/// Learns a model from `docs` (threshold cross-validated over fifths of them) and returns it
/// in the format of `data/name_model.bin`.
fn learn(
    docs: &[&Doc],
    learner: Learner,
    min_precision: [f64; 2],
    veto_precision: f64,
    verbose: bool,
) -> Vec<u8> {
    let mut examples = Vec::new();
    for (n, d) in docs.iter().enumerate() {
        add(&mut examples, &d.text, &d.persons, d.fold, n);
    }
    let positives = examples.iter().filter(|e| e.positive).count();
    if verbose {
        eprintln!(
            "{} documents, {} open chains, {positives} of them persons",
            docs.len(),
            examples.len()
        );
    }
    // The thresholds: for each fifth, train on the other four and score that fifth; over the
    // scores of all five fifths (each by a model that did not see it), the lowest threshold
    // that keeps the precision of the decisions at `min_precision`, for one-word chains and
    // for longer ones apart, and the veto threshold of the weak rules' names.
    // The same held-out scores teach the second stage: what the scores of a chain's other
    // mentions in its text add to its own, learned on scores of text the first stage had not
    // seen, as at run time.
    let mut first_stage = vec![0f32; examples.len()];
    for fold in 0..5 {
        let train: Vec<&Example> = examples.iter().filter(|e| e.fold != fold).collect();
        let w = learner.learn(&train);
        for (i, e) in examples.iter().enumerate().filter(|(_, e)| e.fold == fold) {
            first_stage[i] = score(&w, &e.features);
        }
    }
    let second = second_stage_features(&examples, &first_stage);
    let doc_w = learn_second_stage(&examples, &first_stage, &second);
    let mut pooled: [Vec<(f32, bool)>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for (i, e) in examples.iter().enumerate() {
        let g = if e.checked { 2 } else { usize::from(!e.single) };
        let s = first_stage[i] + second[i].map_or(0.0, |f| second_score(&doc_w, &f));
        pooled[g].push((s, e.positive));
    }
    let mut threshold = [0f32; 2];
    for (g, t) in threshold.iter_mut().enumerate() {
        let (x, p, r) = threshold_for(&pooled[g], min_precision[g]);
        if verbose {
            eprintln!(
                "{}: threshold {x:.3}: chain P {p:.3} R {r:.3} (held-out fifths)",
                ["one word", "several words"][g]
            );
        }
        *t = x;
    }
    let (veto, p, n) = veto_threshold_for(&pooled[2], veto_precision);
    if verbose {
        eprintln!("veto: threshold {veto:.3}: {n} dropped, {p:.3} of them no name");
    }
    if verbose {
        eprintln!("thresholds {threshold:?}, veto {veto}");
    }
    let all: Vec<&Example> = examples.iter().collect();
    let w = learner.learn(&all);
    let nonzero: Vec<(u32, f32)> = w
        .iter()
        .enumerate()
        .filter(|(_, &x)| x.abs() > 1e-6)
        .map(|(i, &x)| (i as u32, x))
        .collect();
    let mut bytes = Vec::with_capacity(24 + 8 * nonzero.len() + 4 * doc_w.len());
    bytes.extend_from_slice(b"GNM4");
    bytes.extend_from_slice(&BITS.to_le_bytes());
    bytes.extend_from_slice(&threshold[0].to_le_bytes());
    bytes.extend_from_slice(&threshold[1].to_le_bytes());
    bytes.extend_from_slice(&veto.to_le_bytes());
    bytes.extend_from_slice(&(nonzero.len() as u32).to_le_bytes());
    for (i, x) in &nonzero {
        bytes.extend_from_slice(&i.to_le_bytes());
        bytes.extend_from_slice(&x.to_le_bytes());
    }
    for x in &doc_w {
        bytes.extend_from_slice(&(*x as f32).to_le_bytes());
    }
    bytes
}

/// The second-stage features of each open chain (none for a chain a weak rule accepted): from
/// the first-stage scores of the other open chains of its text, as the detector computes them.
fn second_stage_features(examples: &[Example], first_stage: &[f32]) -> Vec<Option<[usize; 4]>> {
    let mut out = vec![None; examples.len()];
    let mut i = 0;
    while i < examples.len() {
        let doc = examples[i].doc;
        let mut j = i;
        while j < examples.len() && examples[j].doc == doc {
            j += 1;
        }
        let open: Vec<usize> = (i..j).filter(|&k| !examples[k].checked).collect();
        if open.len() > 1 {
            let keys: Vec<MentionKey> = open.iter().map(|&k| examples[k].key).collect();
            let scores: Vec<f32> = open.iter().map(|&k| first_stage[k]).collect();
            for (&k, o) in open.iter().zip(other_scores(&keys, &scores)) {
                out[k] = Some(doc_features(examples[k].key.single, &o));
            }
        }
        i = j;
    }
    out
}

fn second_score(w: &[f64], f: &[usize; 4]) -> f32 {
    f.iter().map(|&i| w[i]).sum::<f64>() as f32
}

/// Logistic regression of the second stage: the first-stage score is a fixed offset, only the
/// `NAME_DOC_WEIGHTS` weights are learned (AdaGrad, a small L2 penalty, examples in their order:
/// deterministic).
fn learn_second_stage(
    examples: &[Example],
    first_stage: &[f32],
    second: &[Option<[usize; 4]>],
) -> Vec<f64> {
    let (l2, lr) = (0.01, 0.1);
    let mut w = vec![0f64; NAME_DOC_WEIGHTS];
    let mut g2 = vec![1e-8f64; NAME_DOC_WEIGHTS];
    for _ in 0..16 {
        for (i, e) in examples.iter().enumerate() {
            let Some(f) = second[i] else { continue };
            let y = if e.positive { 1.0 } else { 0.0 };
            let s = f64::from(first_stage[i]) + f.iter().map(|&k| w[k]).sum::<f64>();
            let g = 1.0 / (1.0 + (-s).exp()) - y;
            for &k in &f {
                let grad = g + l2 * w[k];
                g2[k] += grad * grad;
                w[k] -= lr * grad / g2[k].sqrt();
            }
        }
    }
    w
}

/// `--cv`: for each fifth of the CoNLL articles, a model learned without them (and with the
/// dev corpora) detects on them; persons are scored over the five fifths together, next to
/// the rules alone. The development measure of the model on text it has not seen: listings
/// (`--show-fp`, `--show-misses`) are of `ned.train`, which may be looked at.
fn cross_validate(
    articles: &[crate::eval::conll::Article],
    docs: &[Doc],
    learner: Learner,
    min_precision: [f64; 2],
    veto_precision: f64,
    show_fp: bool,
    show_misses: bool,
) -> Result<()> {
    let mut report = Report::new();
    let mut rules = Report::new();
    let (mut gov, mut gov_rules) = (Report::new(), Report::new());
    let rules_only = Detector::rules_only();
    let mut tally: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
    let mut missed: std::collections::BTreeMap<&str, usize> = Default::default();
    for k in 0..5 {
        let kept: Vec<&Doc> = docs
            .iter()
            .filter(|d| (d.article.is_none() && d.gov.is_none()) || d.fold != k)
            .collect();
        let bytes = learn(&kept, learner, min_precision, veto_precision, false);
        let model = NameModel::from_bytes(&bytes).context("the learned model reads back")?;
        let det = Detector::with_name_model(model);
        let mut fold = Report::new();
        for a in articles
            .iter()
            .enumerate()
            .filter(|(n, _)| crate::eval::conll::fold_of(*n, articles.len()) == k)
            .map(|x| x.1)
        {
            let spans = |d: &Detector| -> Vec<Span> {
                d.detect(&a.text)
                    .into_iter()
                    .filter(|f| f.kind == Kind::Person)
                    .map(|f| Span {
                        start: f.start,
                        end: f.end,
                        kind: f.kind,
                    })
                    .collect()
            };
            for f in det
                .detect(&a.text)
                .iter()
                .filter(|f| f.kind == Kind::Person)
            {
                let exact = a
                    .persons
                    .iter()
                    .any(|g| g.start == f.start && g.end == f.end);
                let class = if exact {
                    "tp"
                } else if a.persons.iter().any(|g| g.start < f.end && f.start < g.end) {
                    "PER-boundary"
                } else {
                    a.others
                        .iter()
                        .find(|o| o.0 < f.end && f.start < o.1)
                        .map_or("O", |o| o.2)
                };
                *tally.entry((f.rule, class)).or_insert(0usize) += 1;
            }
            let pred = spans(&det);
            let cands = name_candidates(&a.text);
            let rule_spans = spans(&rules_only);
            for g in &a.persons {
                let found = pred.iter().any(|p| p.start == g.start && p.end == g.end);
                let class = if found {
                    "found"
                } else if rule_spans
                    .iter()
                    .any(|p| p.start == g.start && p.end == g.end)
                {
                    "rules found, model lost"
                } else if cands.iter().any(|c| c.start == g.start && c.end == g.end) {
                    "open chain, model said no"
                } else if pred.iter().any(|p| p.start < g.end && g.start < p.end) {
                    "boundary"
                } else if cands.iter().any(|c| c.start < g.end && g.start < c.end) {
                    "overlapping open chain"
                } else {
                    "no candidate"
                };
                *missed.entry(class).or_insert(0usize) += 1;
                if std::env::var("GS_MISSCLASS").is_ok_and(|c| c == class) {
                    let ctx = |x: usize, y: usize| {
                        let lo = a.text.floor_char_boundary(x.saturating_sub(50));
                        let hi = a.text.ceil_char_boundary((y + 50).min(a.text.len()));
                        format!("{}[[{}]]{}", &a.text[lo..x], &a.text[x..y], &a.text[y..hi])
                            .replace('\n', "⏎")
                    };
                    let near: Vec<String> = pred
                        .iter()
                        .chain(
                            cands
                                .iter()
                                .map(|c| Span {
                                    start: c.start,
                                    end: c.end,
                                    kind: Kind::Person,
                                })
                                .collect::<Vec<_>>()
                                .iter(),
                        )
                        .filter(|p| p.start < g.end && g.start < p.end)
                        .map(|p| a.text[p.start..p.end].to_string())
                        .collect();
                    println!("{class}: {} {}  {:?}", a.name, ctx(g.start, g.end), near);
                }
            }
            fold.add_document(&a.name, &a.text, &a.persons, &pred);
            report.add_document(&a.name, &a.text, &a.persons, &pred);
            rules.add_document(&a.name, &a.text, &a.persons, &spans(&rules_only));
        }
        for d in docs.iter().filter(|d| d.gov.is_some() && d.fold == k) {
            let gold: Vec<gold::GoldSpan> = d
                .persons
                .iter()
                .map(|&(start, end)| gold::GoldSpan {
                    start,
                    end,
                    kind: Kind::Person,
                    person_id: None,
                })
                .collect();
            let found = |det: &Detector| -> Vec<Span> {
                det.detect(&d.text)
                    .into_iter()
                    .filter(|f| f.kind == Kind::Person)
                    .map(|f| Span {
                        start: f.start,
                        end: f.end,
                        kind: f.kind,
                    })
                    .collect()
            };
            let name = format!("gov{}", d.gov.unwrap_or(0));
            gov.add_document(&name, &d.text, &gold, &found(&det));
            gov_rules.add_document(&name, &d.text, &gold, &found(&rules_only));
        }
        let p = fold.sum(|k| k == Kind::Person);
        eprintln!(
            "fold {k}: person P {:.3} R {:.3} F1 {:.3}",
            p.precision(),
            p.recall(),
            p.f1()
        );
    }
    let p = report.sum(|k| k == Kind::Person);
    let r = rules.sum(|k| k == Kind::Person);
    println!(
        "cross-validated on {} articles ({} PER): model P {:.3} R {:.3} F1 {:.3} (pred {}, tp {}) | rules alone P {:.3} R {:.3} F1 {:.3}",
        articles.len(),
        p.support(),
        p.precision(),
        p.recall(),
        p.f1(),
        p.predicted(),
        p.tp,
        r.precision(),
        r.recall(),
        r.f1()
    );
    let (g, gr) = (
        gov.sum(|k| k == Kind::Person),
        gov_rules.sum(|k| k == Kind::Person),
    );
    println!(
        "cross-validated on corpus/gov/dev ({} persons): model P {:.3} R {:.3} F1 {:.3} | rules alone P {:.3} R {:.3} F1 {:.3}",
        g.support(),
        g.precision(),
        g.recall(),
        g.f1(),
        gr.precision(),
        gr.recall(),
        gr.f1()
    );
    if show_misses || show_fp {
        for m in gov.misses.iter().filter(|_| show_misses) {
            println!("  gov miss {:<8} {}", m.file, m.context);
        }
        for m in gov.false_positives.iter().filter(|_| show_fp) {
            println!("  gov fp   {:<8} {}", m.file, m.context);
        }
    }
    let mut rules: Vec<&str> = tally.keys().map(|k| k.0).collect();
    rules.dedup();
    println!("\nperson findings by rule: tp, and the others by what they overlap");
    for r in rules {
        let row: Vec<String> = tally
            .iter()
            .filter(|(k, _)| k.0 == r)
            .map(|(k, n)| format!("{} {n}", k.1))
            .collect();
        println!("  {r:<28} {}", row.join(", "));
    }
    println!("gold persons: {missed:?}");
    if show_misses {
        println!("\nMISSES (gold not found exactly):");
        for m in &report.misses {
            println!("  {:<16} {}", m.file, m.context);
        }
    }
    if show_fp {
        println!("\nFALSE POSITIVES (no exact gold match):");
        for m in &report.false_positives {
            println!("  {:<16} {}", m.file, m.context);
        }
    }
    Ok(())
}

fn add(
    examples: &mut Vec<Example>,
    text: &str,
    persons: &[(usize, usize)],
    fold: usize,
    doc: usize,
) {
    for c in name_candidates(text) {
        let positive = persons.binary_search(&(c.start, c.end)).is_ok()
            || persons.iter().any(|&(s, e)| s == c.start && e == c.end);
        let single = !text
            .get(c.start..c.end)
            .is_some_and(|w| w.contains(char::is_whitespace));
        examples.push(Example {
            features: c.features,
            positive,
            single,
            checked: c.checked,
            fold,
            doc,
            key: c.key,
        });
    }
}

/// The highest score below which the names a weak rule found are dropped while at least
/// `min_precision` of the dropped are no names (and at least three are), with that fraction and
/// the number dropped; `f32::NEG_INFINITY` (nothing dropped) when no cut keeps it.
fn veto_threshold_for(scored: &[(f32, bool)], min_precision: f64) -> (f32, f64, usize) {
    let mut scored = scored.to_vec();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut neg, mut best) = (0usize, (f32::NEG_INFINITY, 1f64, 0usize));
    for (k, &(s, pos)) in scored.iter().enumerate() {
        neg += usize::from(!pos);
        let p = neg as f64 / (k + 1) as f64;
        let cut = scored.get(k + 1).is_none_or(|n| n.0 > s);
        if cut && p >= min_precision && k + 1 >= 3 && neg > best.2 {
            let t = match scored.get(k + 1) {
                Some(n) => (s + n.0) / 2.0,
                None => s + 1.0,
            };
            best = (t, p, neg);
        }
    }
    (best.0, best.1, best.2)
}

/// The lowest threshold at which chain decisions on `test` keep precision `min_precision`,
/// with that precision and the recall.
fn threshold_for(scored: &[(f32, bool)], min_precision: f64) -> (f32, f64, f64) {
    let mut scored = scored.to_vec();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total_pos = scored.iter().filter(|s| s.1).count().max(1);
    let (mut tp, mut best, mut threshold) = (0usize, (0f64, 0f64), f32::INFINITY);
    for (k, &(s, pos)) in scored.iter().enumerate() {
        tp += usize::from(pos);
        let p = tp as f64 / (k + 1) as f64;
        let r = tp as f64 / total_pos as f64;
        let cut = scored.get(k + 1).is_none_or(|n| n.0 < s);
        if cut && p >= min_precision && r > best.1 {
            best = (p, r);
            threshold = match scored.get(k + 1) {
                Some(n) => (s + n.0) / 2.0,
                None => s - 1.0,
            };
        }
    }
    (threshold, best.0, best.1)
}

fn score(w: &[f32], features: &[u32]) -> f32 {
    features.iter().map(|&i| w[i as usize]).sum()
}

/// How the weights are learned.
#[derive(Clone, Copy, Debug)]
enum Learner {
    /// An averaged perceptron.
    Perceptron { epochs: usize },
    /// Logistic regression by AdaGrad, with an L2 penalty on the weights an example touches.
    Logistic { epochs: usize, l2: f64, rate: f64 },
}

impl Learner {
    fn learn(self, examples: &[&Example]) -> Vec<f32> {
        match self {
            Learner::Perceptron { epochs } => perceptron(examples, epochs),
            Learner::Logistic { epochs, l2, rate } => logistic(examples, epochs, l2, rate),
        }
    }
}

/// Logistic regression on 0/1 labels by AdaGrad (a step per example, each weight's step
/// scaled by its accumulated squared gradients), the L2 penalty applied to the weights an
/// example touches; the order of examples is shuffled per epoch as in [`perceptron`], so
/// training is deterministic.
fn logistic(examples: &[&Example], epochs: usize, l2: f64, lr: f64) -> Vec<f32> {
    let size = 1usize << BITS;
    let mut w = vec![0f64; size];
    let mut g2 = vec![1e-8f64; size];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let j = (seed >> 33) as usize % (i + 1);
            order.swap(i, j);
        }
        for &k in &order {
            let e = examples[k];
            let y = if e.positive { 1.0 } else { 0.0 };
            let s: f64 = e.features.iter().map(|&i| w[i as usize]).sum();
            let p = 1.0 / (1.0 + (-s).exp());
            let g = p - y;
            for &i in &e.features {
                let i = i as usize;
                let grad = g + l2 * w[i];
                g2[i] += grad * grad;
                w[i] -= lr * grad / g2[i].sqrt();
            }
        }
    }
    w.iter().map(|&x| x as f32).collect()
}

/// An averaged perceptron on ±1 labels; the order of examples is shuffled per epoch by a
/// fixed linear congruential sequence, so training is deterministic.
fn perceptron(examples: &[&Example], epochs: usize) -> Vec<f32> {
    let size = 1usize << BITS;
    let mut w = vec![0f64; size];
    // Sum of updates weighted by the step at which they were made (the averaging trick).
    let mut u = vec![0f64; size];
    let mut c = 1f64;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let j = (seed >> 33) as usize % (i + 1);
            order.swap(i, j);
        }
        for &k in &order {
            let e = examples[k];
            let y = if e.positive { 1.0 } else { -1.0 };
            let s: f64 = e.features.iter().map(|&i| w[i as usize]).sum();
            if y * s <= 0.0 {
                for &i in &e.features {
                    w[i as usize] += y;
                    u[i as usize] += y * c;
                }
            }
            c += 1.0;
        }
    }
    w.iter()
        .zip(&u)
        .map(|(&wi, &ui)| (wi - ui / c) as f32)
        .collect()
}

fn corpus_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Ok(files)
}
