//! `cargo xtask resolve-eval`: measures subject resolution on generated holdings of known
//! identity ([`crate::holdings`]) through the real pipeline: the detector on each document's
//! text → mentions → `grondslag_subjects::resolve`, then the access-request search on every
//! person's request mail.
//!
//! Figures printed:
//! - pairwise precision and recall of "same subject" over the person mentions the detector
//!   found (each aligned to the true person whose name span it overlaps most);
//! - subjects that join people who cannot be one (another birth date or town), namesakes
//!   among them;
//! - per access request: the share of the person's documents the confirmed candidates
//!   return, and documents returned in which the person does not occur; then how many of
//!   the returned documents `request answer` names for a check before sending (those in
//!   which a confirmed subject stands without a detail of the requester's,
//!   `grondslag_subjects::split_package`), the person's own and others', and how many
//!   documents of others it does not name.
//!
//! With `--cli BIN` the access-request figures are measured again through the binary and its
//! store (`scan`, `window`, `requests import`, `request search`, `request confirm`,
//! `subject show`).
//!
//! The development configuration (`--seed`, default 1) is the one to tune on; `--held-out`
//! uses other proportions and seed 1001 by default and is for measuring only.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use grondslag_detect::Detector;
use grondslag_subjects::{profiles, why, HeldFinding, Mention, Query, SubjectProfile};

use crate::holdings::{self, Config, Holding};

const USAGE: &str = "\
usage: cargo xtask resolve-eval [--seed S] [--held-out] [--namesake-details P] [--families N]
                                [--namesakes N] [--docs N] [--details P] [--show] [--doc NAME] [--cli BIN]

  --seed S     seed of the generated holding (default 1; held out: 1001)
  --held-out   the held-out configuration (measure only, never tune on it)
  --namesake-details P
               the chance that a namesake's full name is written with birth date and
               town (default 0.9, held out 0.85; 1 = always, as the issue's example)
  --families N, --namesakes N, --docs N
               families, namesake pairs and documents in the holding (default 14, 5 and
               90): a harder development configuration has more of each
  --details P  the chance that anyone else's full name is written with birth date and town
               (default 0.35)
  --doc NAME   print the findings of document NAME and the subject of each (repeatable)
  --show       print the wrong merges and misses, and every request with a lost or foreign
               document
  --cli BIN    also run the access requests through the binary BIN and its store
";

pub fn main(args: Vec<String>) -> Result<()> {
    let mut seed: Option<u64> = None;
    let mut held_out = false;
    let mut show = false;
    let mut cli: Option<PathBuf> = None;
    let mut details: Option<f64> = None;
    let mut other_details: Option<f64> = None;
    let mut families: Option<usize> = None;
    let mut namesakes: Option<usize> = None;
    let mut doc_count: Option<usize> = None;
    let mut docs_shown: Vec<String> = Vec::new();
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seed" => {
                seed = Some(
                    it.next()
                        .context("--seed needs a value")?
                        .parse()
                        .context("--seed: not a number")?,
                )
            }
            "--held-out" => held_out = true,
            "--show" => show = true,
            "--doc" => docs_shown.push(it.next().context("--doc needs a file name")?),
            "--namesake-details" => {
                details = Some(
                    it.next()
                        .context("--namesake-details needs a value")?
                        .parse()
                        .context("--namesake-details: not a number")?,
                )
            }
            "--details" => other_details = Some(number(it.next(), "--details")?),
            "--families" => families = Some(number(it.next(), "--families")?),
            "--namesakes" => namesakes = Some(number(it.next(), "--namesakes")?),
            "--docs" => doc_count = Some(number(it.next(), "--docs")?),
            "--cli" => cli = Some(PathBuf::from(it.next().context("--cli needs a path")?)),
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(());
            }
            other => bail!("unknown argument {other:?}\n{USAGE}"),
        }
    }
    let mut cfg = if held_out {
        Config::held_out(seed.unwrap_or(1001))
    } else {
        Config::dev(seed.unwrap_or(1))
    };
    if let Some(d) = details {
        cfg.namesake_details = d;
    }
    if let Some(d) = other_details {
        cfg.other_details = d;
    }
    if let Some(n) = families {
        cfg.families = n;
    }
    if let Some(n) = namesakes {
        cfg.namesakes = n;
    }
    if let Some(n) = doc_count {
        cfg.docs = n;
    }
    let h = holdings::generate(&cfg);
    let detector = Detector::new();
    let run = Run::new(&h, &detector);
    println!(
        "holding: seed {}{}, {} people ({} namesake pairs), {} documents, {} true person mentions",
        cfg.seed,
        if held_out { " (held out)" } else { "" },
        h.people.len(),
        h.people.iter().filter(|p| p.namesake_of.is_some()).count(),
        h.docs.len(),
        run.gold_mentions,
    );
    println!(
        "detector: {} person findings, {} aligned to a true name, {} not; {} true names not found",
        run.detected, run.aligned, run.spurious, run.gold_missed
    );
    if show {
        for e in &run.detector_errors {
            println!("{e}");
        }
    }
    for name in &docs_shown {
        run.show_doc(&h, name);
    }
    run.pairwise(&h, show);
    if show {
        run.people(&h);
    }
    run.contradictions(&h, show);
    run.requests(&h, &detector, show);
    if let Some(bin) = cli {
        cli_requests(&h, &bin, show)?;
    }
    Ok(())
}

/// Parses the value of a numeric flag.
fn number<T: std::str::FromStr>(value: Option<String>, flag: &str) -> Result<T> {
    value
        .with_context(|| format!("{flag} needs a value"))?
        .parse()
        .map_err(|_| anyhow::anyhow!("{flag}: not a number"))
}

struct Run {
    mentions: Vec<Mention>,
    subjects: Vec<grondslag_subjects::Subject>,
    /// Person mention id → true person.
    truth: HashMap<u64, usize>,
    /// Mention id → (document, text as found).
    written: HashMap<u64, (usize, String)>,
    gold_mentions: usize,
    detected: usize,
    aligned: usize,
    spurious: usize,
    gold_missed: usize,
    /// With `--show`: the person findings on no true name, and the true names not found.
    detector_errors: Vec<String>,
}

impl Run {
    fn new(h: &Holding, detector: &Detector) -> Run {
        let mut mentions = Vec::new();
        let mut truth = HashMap::new();
        let mut written = HashMap::new();
        let (mut detected, mut aligned, mut spurious, mut gold_missed) = (0, 0, 0, 0);
        let mut detector_errors = Vec::new();
        let mut next = 0u64;
        for (d, doc) in h.docs.iter().enumerate() {
            let findings = detector.detect(&doc.text);
            let mut found = vec![false; doc.persons.len()];
            for f in &findings {
                next += 1;
                let kind = f.kind.as_str();
                if kind == "person" {
                    detected += 1;
                    let best = doc
                        .persons
                        .iter()
                        .enumerate()
                        .map(|(i, &(s, e, p))| (f.end.min(e).saturating_sub(f.start.max(s)), i, p))
                        .filter(|x| x.0 > 0)
                        .max();
                    match best {
                        Some((_, i, p)) => {
                            aligned += 1;
                            found[i] = true;
                            truth.insert(next, p);
                        }
                        None => {
                            spurious += 1;
                            detector_errors.push(format!(
                                "  not a true name: {:?} [{}]",
                                &doc.text[f.start..f.end],
                                doc.name
                            ));
                        }
                    }
                    written.insert(next, (d, doc.text[f.start..f.end].replace('\n', " ")));
                }
                mentions.push(Mention {
                    id: next,
                    doc: d as u64,
                    kind: kind.to_string(),
                    value: doc.text[f.start..f.end].to_string(),
                    start: f.start,
                    before: grondslag_subjects::text_before(&doc.text, f.start),
                });
            }
            gold_missed += found.iter().filter(|x| !**x).count();
            for (i, &(s, e, p)) in doc.persons.iter().enumerate() {
                if !found[i] {
                    detector_errors.push(format!(
                        "  true name not found: {:?} [p{p} {}]",
                        &doc.text[s..e],
                        doc.name
                    ));
                }
            }
        }
        let subjects = grondslag_subjects::resolve(&mentions, &[]);
        Run {
            mentions,
            subjects,
            truth,
            written,
            gold_mentions: h.docs.iter().map(|d| d.persons.len()).sum(),
            detected,
            aligned,
            spurious,
            gold_missed,
            detector_errors,
        }
    }

    fn subject_of(&self) -> HashMap<u64, usize> {
        let mut m = HashMap::new();
        for (s, subject) in self.subjects.iter().enumerate() {
            for member in &subject.members {
                m.insert(member.mention, s);
            }
        }
        m
    }

    fn pairwise(&self, h: &Holding, show: bool) {
        let subject_of = self.subject_of();
        let mut ids: Vec<u64> = self.truth.keys().copied().collect();
        ids.sort_unstable();
        let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
        // Pairs of a person who has a namesake, counted apart: their bare mentions cannot
        // be told apart, whoever resolves them.
        let has_namesake = |p: usize| h.has_namesake(p);
        let (mut ns_tp, mut ns_fn) = (0u64, 0u64);
        let mut wrong: HashMap<(String, String), usize> = HashMap::new();
        let mut missed: HashMap<(String, String), usize> = HashMap::new();
        // Missed pairs by kind: one document or two, the person has a namesake or not,
        // and the forms of the two names as written.
        let mut missed_kinds: HashMap<String, u64> = HashMap::new();
        let form_of = |m: u64| {
            let f = grondslag_subjects::normalise_name(&self.written[&m].1).form();
            format!("{f:?}").to_lowercase()
        };
        for (i, &a) in ids.iter().enumerate() {
            for &b in &ids[i + 1..] {
                let same_true = self.truth[&a] == self.truth[&b];
                let same_pred =
                    subject_of.contains_key(&a) && subject_of.get(&a) == subject_of.get(&b);
                let pair = || {
                    let label = |m: u64| {
                        let (d, w) = &self.written[&m];
                        format!("{w} [p{} {}]", self.truth[&m], h.docs[*d].name)
                    };
                    let (x, y) = (label(a), label(b));
                    if x <= y {
                        (x, y)
                    } else {
                        (y, x)
                    }
                };
                if same_true && has_namesake(self.truth[&a]) {
                    if same_pred {
                        ns_tp += 1;
                    } else {
                        ns_fn += 1;
                    }
                }
                match (same_true, same_pred) {
                    (true, true) => tp += 1,
                    (false, true) => {
                        fp += 1;
                        if show {
                            *wrong.entry(pair()).or_default() += 1;
                        }
                    }
                    (true, false) => {
                        fn_ += 1;
                        let (fa, fb) = (form_of(a), form_of(b));
                        let (fa, fb) = if fa <= fb { (fa, fb) } else { (fb, fa) };
                        let kind = format!(
                            "{}, {}, {fa}~{fb}",
                            if self.written[&a].0 == self.written[&b].0 {
                                "one document"
                            } else {
                                "two documents"
                            },
                            if has_namesake(self.truth[&a]) {
                                "namesake"
                            } else {
                                "no namesake"
                            }
                        );
                        *missed_kinds.entry(kind).or_default() += 1;
                        if show {
                            *missed.entry(pair()).or_default() += 1;
                        }
                    }
                    _ => {}
                }
            }
        }
        let p = ratio(tp, tp + fp);
        let r = ratio(tp, tp + fn_);
        println!(
            "resolution: {} subjects; pairwise precision {p:.4} recall {r:.4} (pairs: {tp} right, {fp} wrongly joined, {fn_} missed)",
            self.subjects.len()
        );
        println!(
            "  recall for people with a namesake {:.4}, for everyone else {:.4}",
            ratio(ns_tp, ns_tp + ns_fn),
            ratio(tp - ns_tp, tp - ns_tp + fn_ - ns_fn)
        );
        let mut kinds: Vec<(String, u64)> = missed_kinds.into_iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (kind, n) in kinds.iter().take(8) {
            println!("  missed pairs: {n} {kind}");
        }
        if show {
            let mut wrong: Vec<_> = wrong.into_iter().collect();
            wrong.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for ((x, y), n) in wrong.iter().take(40) {
                println!("  wrong x{n}: {x} ~ {y}");
            }
            let mut missed: Vec<_> = missed.into_iter().collect();
            missed.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for ((x, y), n) in missed.iter().take(60) {
                println!("  missed x{n}: {x} ~ {y}");
            }
        }
    }

    /// Every finding of document `name`, with the true person of a name and the subject
    /// each finding ended in.
    fn show_doc(&self, h: &Holding, name: &str) {
        let Some(d) = h.docs.iter().position(|x| x.name == name) else {
            println!("no document {name}");
            return;
        };
        let subject_of = self.subject_of();
        let evidence: HashMap<u64, String> = self
            .subjects
            .iter()
            .flat_map(|s| &s.members)
            .map(|m| (m.mention, why::plain(&m.evidence)))
            .collect();
        println!("document {name}:");
        for m in self.mentions.iter().filter(|m| m.doc == d as u64) {
            println!(
                "  {:>5} {:<10} {:?} person {:?} subject {:?}: {}",
                m.start,
                m.kind,
                m.value,
                self.truth.get(&m.id),
                subject_of.get(&m.id),
                evidence.get(&m.id).map_or("", String::as_str)
            );
        }
    }

    /// Per person who is split over several subjects or shares one with someone else: the
    /// subjects holding their mentions, with each mention as written and its document.
    fn people(&self, h: &Holding) {
        let subject_of = self.subject_of();
        let mut by_person: HashMap<usize, Vec<u64>> = HashMap::new();
        for (&m, &p) in &self.truth {
            by_person.entry(p).or_default().push(m);
        }
        let mut pids: Vec<usize> = by_person.keys().copied().collect();
        pids.sort_unstable();
        for p in pids {
            let mut subjects: BTreeSet<Option<usize>> = BTreeSet::new();
            for m in &by_person[&p] {
                subjects.insert(subject_of.get(m).copied());
            }
            let shared = subjects.iter().flatten().any(|&s| {
                self.subjects[s]
                    .members
                    .iter()
                    .any(|m| self.truth.get(&m.mention).is_some_and(|&q| q != p))
            });
            if subjects.len() < 2 && !shared {
                continue;
            }
            println!(
                "  person p{p} {}{}:",
                h.people[p].name(),
                if h.has_namesake(p) { " (namesake)" } else { "" }
            );
            for s in subjects {
                let mut ms: Vec<u64> = by_person[&p]
                    .iter()
                    .copied()
                    .filter(|m| subject_of.get(m).copied() == s)
                    .collect();
                ms.sort_unstable();
                let written: Vec<String> = ms
                    .iter()
                    .map(|m| {
                        let (d, w) = &self.written[m];
                        format!("{w} [{}]", &h.docs[*d].name[..3])
                    })
                    .collect();
                let others: BTreeSet<usize> = s
                    .map(|s| {
                        self.subjects[s]
                            .members
                            .iter()
                            .filter_map(|m| self.truth.get(&m.mention).copied())
                            .filter(|&q| q != p)
                            .collect()
                    })
                    .unwrap_or_default();
                println!(
                    "    subject {s:?} (also {others:?}): {}",
                    written.join("; ")
                );
            }
        }
    }

    fn contradictions(&self, h: &Holding, show: bool) {
        // Contradictions the holding states: both people's birth date and town are written
        // beside their names somewhere (a namesake never described cannot be told apart).
        let (mut bad, mut namesakes, mut stated) = (0, 0, 0);
        for s in &self.subjects {
            let pids: BTreeSet<usize> = s
                .members
                .iter()
                .filter_map(|m| self.truth.get(&m.mention).copied())
                .collect();
            let pids: Vec<usize> = pids.into_iter().collect();
            let mut contradicts = false;
            let mut namesake = false;
            let mut written = false;
            for (i, &a) in pids.iter().enumerate() {
                for &b in &pids[i + 1..] {
                    if h.contradict(a, b) {
                        contradicts = true;
                        written |= h.described(a) && h.described(b);
                        namesake |= h.people[a].namesake_of == Some(b)
                            || h.people[b].namesake_of == Some(a);
                    }
                }
            }
            if contradicts {
                bad += 1;
                if show {
                    println!(
                        "  contradicting subject {:?}: people {:?}",
                        s.name,
                        pids.iter()
                            .map(|&p| format!("p{p} {}", h.people[p].name()))
                            .collect::<Vec<_>>()
                    );
                }
            }
            if namesake {
                namesakes += 1;
            }
            if written {
                stated += 1;
            }
        }
        println!(
            "contradictions: {bad} subjects join people with another birth date or town ({namesakes} of them namesakes; {stated} where the holding writes both people's)"
        );
    }

    fn requests(&self, h: &Holding, detector: &Detector, show: bool) {
        let by_id: HashMap<u64, &Mention> = self.mentions.iter().map(|m| (m.id, m)).collect();
        let mut docs_of: Vec<BTreeSet<usize>> = Vec::new();
        let mut held: Vec<HeldFinding> = Vec::new();
        for (i, s) in self.subjects.iter().enumerate() {
            let members: Vec<&Mention> = s
                .members
                .iter()
                .filter_map(|m| by_id.get(&m.mention).copied())
                .collect();
            held.extend(members.iter().map(|m| HeldFinding {
                subject: i,
                doc: m.doc,
                kind: &m.kind,
                value: &m.value,
            }));
            docs_of.push(members.iter().map(|m| m.doc as usize).collect());
        }
        // As the store builds them: the profiles see which names a document writes twice.
        let profiles: Vec<SubjectProfile> = profiles(self.subjects.len(), held);
        let mut tally = Tally::default();
        let subject_of = self.subject_of();
        for r in &h.requests {
            let query = query_of(&r.mail, detector);
            // The working group confirms what the search advises to confirm.
            let mut confirmed: Vec<String> = Vec::new();
            let mut confirmed_findings: Vec<(u64, &str, &str)> = Vec::new();
            let assessed = grondslag_subjects::assess_candidates(&query, &profiles);
            for (s, a) in assessed.iter().enumerate() {
                if a.advice == grondslag_subjects::Advice::Confirm {
                    confirmed_findings.extend(
                        self.subjects[s]
                            .members
                            .iter()
                            .filter_map(|m| by_id.get(&m.mention))
                            .map(|m| (m.doc, m.kind.as_str(), m.value.as_str())),
                    );
                    let truth: BTreeSet<usize> = self.subjects[s]
                        .members
                        .iter()
                        .filter_map(|m| self.truth.get(&m.mention).copied())
                        .collect();
                    confirmed.push(format!(
                        "{:?} (people {truth:?}) {:.2} {:?}",
                        self.subjects[s].name,
                        a.confidence,
                        plain_all(&a.evidence)
                    ));
                }
            }
            // Every document of the confirmed subjects is returned; those that do not confirm
            // the requester themselves are named for a person to check before sending.
            let mine: std::collections::HashSet<u64> = assessed
                .iter()
                .enumerate()
                .filter(|(_, a)| a.advice == grondslag_subjects::Advice::Confirm)
                .flat_map(|(s, _)| self.subjects[s].members.iter().map(|m| m.mention))
                .collect();
            let beside = self
                .mentions
                .iter()
                .filter(|m| !mine.contains(&m.id))
                .map(|m| (m.doc, m.kind.as_str(), m.value.as_str()));
            let split = grondslag_subjects::split_package(&query, confirmed_findings, beside);
            let check: BTreeSet<usize> = split.check.iter().map(|&d| d as usize).collect();
            let returned: BTreeSet<usize> = split
                .confirmed
                .iter()
                .map(|&d| d as usize)
                .chain(check.iter().copied())
                .collect();
            let truth_docs = h.docs_of(r.pid);
            let foreign = returned.iter().any(|d| !truth_docs.contains(d));
            if show && foreign {
                println!(
                    "  request of p{} confirms {confirmed:?} from {query:?}",
                    r.pid
                );
            }
            if show {
                // Why the person's other documents were not returned: the subjects that hold
                // their mentions there, and what the search said about them.
                for (s, subject) in self.subjects.iter().enumerate() {
                    let mine = subject
                        .members
                        .iter()
                        .any(|m| self.truth.get(&m.mention) == Some(&r.pid));
                    if !mine || docs_of[s].iter().all(|d| returned.contains(d)) {
                        continue;
                    }
                    let a = &assessed[s];
                    println!(
                        "  request of p{}: not confirmed {:?} ({} docs): {} {:.2} {:?} {:?}",
                        r.pid,
                        subject.name,
                        docs_of[s].len(),
                        a.advice.as_str(),
                        a.confidence,
                        plain_all(&a.evidence),
                        plain_all(&a.contradictions)
                    );
                }
            }
            for d in h.docs_of(r.pid) {
                if !returned.contains(&d) {
                    let kind =
                        self.lost_kind(h, (r.pid, d), &subject_of, &assessed, &split.contradicted);
                    *tally.lost.entry(kind).or_default() += 1;
                }
            }
            tally.add(h, r.pid, &returned, &check, show);
        }
        tally.print("access requests");
    }
}

impl Run {
    /// Why document `d` of person `pid` was not returned, as a kind for the tally: whether
    /// the person has a namesake, the fullest form their name takes in the document, and
    /// what the search advised for the subject that holds that mention (or that the
    /// document was held back as contradicting the request, or the detector missed it).
    fn lost_kind(
        &self,
        h: &Holding,
        (pid, d): (usize, usize),
        subject_of: &HashMap<u64, usize>,
        assessed: &[grondslag_subjects::Assessment],
        contradicted: &BTreeSet<u64>,
    ) -> String {
        let rank = |f: grondslag_subjects::NameForm| match f {
            grondslag_subjects::NameForm::Full => 0,
            grondslag_subjects::NameForm::Initials => 1,
            grondslag_subjects::NameForm::SurnameOnly => 2,
            _ => 3,
        };
        let best = self
            .truth
            .iter()
            .filter(|(m, p)| **p == pid && self.written[m].0 == d)
            .map(|(m, _)| {
                let form = grondslag_subjects::normalise_name(&self.written[m].1).form();
                (rank(form), format!("{form:?}").to_lowercase(), *m)
            })
            .min();
        let namesake = if h.has_namesake(pid) {
            "namesake"
        } else {
            "no namesake"
        };
        let Some((_, form, m)) = best else {
            return format!("{namesake}, name not found");
        };
        let advice = if contradicted.contains(&(d as u64)) {
            "held back as contradicting".to_string()
        } else {
            match subject_of.get(&m) {
                Some(&s) => {
                    let a = &assessed[s];
                    let mut ev: Vec<String> = plain_all(&a.evidence)
                        .into_iter()
                        .map(|e| e.split('(').next().unwrap_or("").to_string())
                        .collect();
                    ev.extend(plain_all(&a.contradictions));
                    format!("{} {ev:?}", a.advice.as_str())
                }
                None => "in no subject".to_string(),
            }
        };
        format!("{namesake}, {form}, {advice}")
    }
}

#[derive(Default)]
struct Tally {
    /// Documents not returned, by [`Run::lost_kind`].
    lost: HashMap<String, usize>,
    requests: usize,
    truth_docs: usize,
    found_docs: usize,
    /// The same for people without a namesake.
    plain_truth: usize,
    plain_found: usize,
    foreign_docs: usize,
    with_foreign: usize,
    complete: usize,
    /// Returned documents named for a person to check before sending: the person's own,
    /// and other people's.
    check_own: usize,
    check_foreign: usize,
}

impl Tally {
    fn add(
        &mut self,
        h: &Holding,
        pid: usize,
        returned: &BTreeSet<usize>,
        check: &BTreeSet<usize>,
        show: bool,
    ) {
        let truth: BTreeSet<usize> = h.docs_of(pid).into_iter().collect();
        if truth.is_empty() {
            return;
        }
        self.requests += 1;
        let found = truth.intersection(returned).count();
        let foreign: Vec<usize> = returned.difference(&truth).copied().collect();
        self.truth_docs += truth.len();
        self.found_docs += found;
        if !h.has_namesake(pid) {
            self.plain_truth += truth.len();
            self.plain_found += found;
        }
        self.foreign_docs += foreign.len();
        self.with_foreign += usize::from(!foreign.is_empty());
        self.complete += usize::from(found == truth.len());
        let check_own = check.intersection(&truth).count();
        self.check_own += check_own;
        self.check_foreign += foreign.iter().filter(|d| check.contains(d)).count();
        if show && (found < truth.len() || !foreign.is_empty()) {
            let lost: Vec<&str> = truth
                .difference(returned)
                .map(|&d| h.docs[d].name.as_str())
                .collect();
            let foreign: Vec<&str> = foreign.iter().map(|&d| h.docs[d].name.as_str()).collect();
            println!(
                "  request of p{pid} {}: {found}/{} documents; lost {lost:?}; foreign {foreign:?}",
                h.people[pid].name(),
                truth.len()
            );
        }
    }

    fn print(&self, label: &str) {
        println!(
            "{label}: {} requests; documents returned {:.4} of the person's ({}/{}), {} requests complete; {} documents of others in {} requests",
            self.requests,
            ratio(self.found_docs as u64, self.truth_docs as u64),
            self.found_docs,
            self.truth_docs,
            self.complete,
            self.foreign_docs,
            self.with_foreign
        );
        println!(
            "  documents returned to people without a namesake {:.4} ({}/{})",
            ratio(self.plain_found as u64, self.plain_truth as u64),
            self.plain_found,
            self.plain_truth
        );
        println!(
            "  named for a check before sending: {} of the person's documents, {} of others; documents of others not named: {}; confirmed without a check {:.4} of the person's",
            self.check_own,
            self.check_foreign,
            self.foreign_docs - self.check_foreign,
            ratio(
                (self.found_docs - self.check_own) as u64,
                self.truth_docs as u64
            )
        );
        let mut lost: Vec<(&String, &usize)> = self.lost.iter().collect();
        lost.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (kind, n) in lost.iter().take(12) {
            println!("  lost documents: {n} {kind}");
        }
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// What `requests import` reads from a request mail: the sender's name and address, and
/// what the detector finds in the body.
fn query_of(mail: &str, detector: &Detector) -> Query {
    let mut q = Query::default();
    let (head, body) = mail.split_once("\r\n\r\n").unwrap_or((mail, ""));
    for line in head.split("\r\n") {
        if let Some(from) = line.strip_prefix("From: ") {
            if let Some((name, addr)) = from.rsplit_once(" <") {
                q.names.push(decode_word(name.trim()));
                q.emails.push(addr.trim_end_matches('>').to_lowercase());
            }
        }
    }
    let body = body.replace("\r\n", "\n");
    for f in detector.detect(&body) {
        let v = body[f.start..f.end].trim().to_string();
        let list = match f.kind.as_str() {
            "person" => &mut q.names,
            "email" => &mut q.emails,
            "phone" => &mut q.phones,
            "birthdate" => &mut q.birthdates,
            "address" | "postcode" => &mut q.addresses,
            "place" => &mut q.places,
            _ => continue,
        };
        if !list.contains(&v) {
            list.push(v);
        }
    }
    q
}

/// Decodes the `=?UTF-8?Q?…?=` words the generator writes.
fn decode_word(s: &str) -> String {
    let Some(inner) = s
        .strip_prefix("=?UTF-8?Q?")
        .and_then(|x| x.strip_suffix("?="))
    else {
        return s.to_string();
    };
    let mut bytes = Vec::new();
    let b = inner.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'_' => bytes.push(b' '),
            b'=' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("");
                bytes.push(u8::from_str_radix(hex, 16).unwrap_or(b'?'));
                i += 2;
            }
            c => bytes.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

// ---------------------------------------------------------------------------------------------
// Through the binary
// ---------------------------------------------------------------------------------------------

fn cli_requests(h: &Holding, bin: &Path, show: bool) -> Result<()> {
    let dir = std::env::temp_dir().join(format!("grondslag-resolve-eval-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    holdings::write(h, &dir)?;
    let home = dir.join("home");
    let run = |args: &[&str]| -> Result<String> {
        let out = Command::new(bin)
            .arg("--lang")
            .arg("en")
            .args(args)
            .env("GRONDSLAG_HOME", &home)
            .env("GRONDSLAG_USER", "eval")
            .output()
            .with_context(|| format!("running {}", bin.display()))?;
        if !out.status.success() {
            bail!(
                "{} {args:?}: {}",
                bin.display(),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let holding = dir.join("holding");
    let requests_dir = dir.join("requests");
    run(&["user", "add", "eval", "--role", "admin"]).ok();
    run(&["scan", holding.to_str().unwrap_or_default()])?;
    run(&[
        "window",
        "--opens",
        "2024-01-01",
        "--closes",
        "2024-12-31",
        "--tag",
        "reflectiesessies",
    ])?;
    run(&[
        "requests",
        "import",
        requests_dir.to_str().unwrap_or_default(),
    ])?;
    let docs: serde_json::Value = serde_json::from_str(&run(&["documents", "--json"])?)?;
    let mut path_of: HashMap<i64, usize> = HashMap::new();
    for d in docs.as_array().into_iter().flatten() {
        let path = d["path"].as_str().unwrap_or_default();
        let file = Path::new(path)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(i) = h.docs.iter().position(|x| x.name == file) {
            path_of.insert(d["id"].as_i64().unwrap_or(-1), i);
        }
    }
    let requests: serde_json::Value = serde_json::from_str(&run(&["requests", "--json"])?)?;
    let ids: Vec<i64> = requests
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["id"].as_i64())
        .collect();
    if ids.len() != h.requests.len() {
        bail!(
            "{} requests imported, {} written",
            ids.len(),
            h.requests.len()
        );
    }
    let mut docs_cache: HashMap<i64, BTreeSet<usize>> = HashMap::new();
    let mut tally = Tally::default();
    for (r, id) in h.requests.iter().zip(&ids) {
        let id = id.to_string();
        let cands: serde_json::Value =
            serde_json::from_str(&run(&["request", "search", &id, "--json"])?)?;
        let chosen: Vec<i64> = cands
            .as_array()
            .into_iter()
            .flatten()
            .filter(|c| c["advice"] == "confirm")
            .filter_map(|c| c["subject"].as_i64())
            .collect();
        let mut returned = BTreeSet::new();
        for s in &chosen {
            if !docs_cache.contains_key(s) {
                let detail: serde_json::Value =
                    serde_json::from_str(&run(&["subject", "show", &s.to_string(), "--json"])?)?;
                let docs = detail["documents"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|d| d.as_i64())
                    .filter_map(|d| path_of.get(&d).copied())
                    .collect();
                docs_cache.insert(*s, docs);
            }
            returned.extend(docs_cache[s].iter().copied());
        }
        tally.add(h, r.pid, &returned, &BTreeSet::new(), show);
    }
    tally.print("access requests through the binary (every document of the confirmed subjects)");
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// Evidence codes as a developer reads them.
fn plain_all(evidence: &[String]) -> Vec<String> {
    evidence.iter().map(|e| why::plain(e)).collect()
}
