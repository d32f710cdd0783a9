//! CoNLL-2002 for `cargo xtask eval --conll FILE`: the tokens of each article are joined back
//! into running text (with a map from every token to its byte offsets), the detector runs on
//! that text, and PER entities are scored as `person` spans. LOC, ORG and MISC are not scored:
//! a country is no personal data, an organisation named after a person is no person.
//!
//! The data is read from where it lies (its licence is for research: it is never copied into
//! this repository); `--dump DIR` writes the joined texts and gold for other tools (the peer
//! benchmark) to a folder of the caller's choosing, which must not be in the repository.

use std::path::Path;

use anyhow::{Context, Result};
use grondslag_detect::gold::GoldSpan;
use grondslag_detect::Kind;

/// One article: its text and the gold person spans in it (byte offsets).
pub struct Article {
    pub name: String,
    pub text: String,
    pub persons: Vec<GoldSpan>,
    /// The other entities (LOC, ORG, MISC): byte offsets and the type, for training the
    /// name model with explicit negatives and for error analysis.
    pub others: Vec<(usize, usize, &'static str)>,
}

/// One token of the file: its form and its IOB2 tag.
struct Token<'a> {
    word: &'a str,
    tag: &'a str,
}

/// Reads a CoNLL-2002 file (`word POS tag` a line, a blank line between sentences,
/// `-DOCSTART-` between articles) into articles of running text.
pub fn read(path: &Path) -> Result<Vec<Article>> {
    let raw = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    // The Dutch files are Latin-1.
    let data: String = match String::from_utf8(raw) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| char::from(b)).collect(),
    };
    let stem = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut articles = Vec::new();
    let mut sentences: Vec<Vec<Token>> = Vec::new();
    let mut sentence: Vec<Token> = Vec::new();
    let mut flush_article = |sentences: &mut Vec<Vec<Token>>| {
        if sentences.iter().any(|s| !s.is_empty()) {
            let name = format!("{stem}#{:03}", articles.len() + 1);
            articles.push(join(name, sentences));
        }
        sentences.clear();
    };
    for line in data.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            if !sentence.is_empty() {
                sentences.push(std::mem::take(&mut sentence));
            }
            continue;
        }
        let mut cols = line.split(' ');
        let word = cols.next().unwrap_or("");
        if word == "-DOCSTART-" {
            if !sentence.is_empty() {
                sentences.push(std::mem::take(&mut sentence));
            }
            flush_article(&mut sentences);
            continue;
        }
        let tag = cols.next_back().unwrap_or("O");
        sentence.push(Token { word, tag });
    }
    if !sentence.is_empty() {
        sentences.push(sentence);
    }
    flush_article(&mut sentences);
    Ok(articles)
}

/// Which fifth of a file of `total` articles article `n` is in, for development splits and
/// cross-validation: consecutive articles together (articles next to each other in the file
/// often share a subject and its names, which a split by `n mod 5` would spread over the
/// fifths and so flatter a model that remembers names).
pub fn fold_of(n: usize, total: usize) -> usize {
    (n * 5 / total.max(1)).min(4)
}

/// Punctuation written against the word before it.
fn closes(w: &str) -> bool {
    matches!(
        w,
        "." | "," | ";" | ":" | "!" | "?" | ")" | "]" | "%" | "..."
    )
}

/// Punctuation written against the word after it.
fn opens(w: &str) -> bool {
    matches!(w, "(" | "[")
}

/// Joins the sentences of one article: tokens separated by a space except around punctuation
/// (a straight double quote alternates between opening and closing); a sentence that ends in a
/// full stop, question or exclamation mark is followed by a space, one that does not (a
/// headline, a byline, a caption) by a line break.
fn join(name: String, sentences: &[Vec<Token>]) -> Article {
    let mut text = String::new();
    let mut persons = Vec::new();
    let mut others = Vec::new();
    for (si, sentence) in sentences.iter().enumerate() {
        if si > 0 {
            let prev = sentences[si - 1].last().map_or("", |t| t.word);
            let before_last = sentences[si - 1].iter().rev().nth(1).map_or("", |t| t.word);
            let ended = matches!(prev, "." | "!" | "?" | "...")
                || (matches!(prev, "\"" | "'" | ")") && matches!(before_last, "." | "!" | "?"));
            text.push(if ended { ' ' } else { '\n' });
        }
        let mut quote_open = false;
        let mut no_space_next = true;
        let mut open: Option<usize> = None; // start of the person being read
        let mut other: Option<(usize, &'static str)> = None; // start and type of another
        let mut last_end = text.len();
        for tok in sentence {
            let w = tok.word;
            let is_quote = w == "\"";
            let glue = if is_quote {
                // A closing quote sticks to the word before; an opening one to the word after.
                quote_open
            } else {
                closes(w)
            };
            if !no_space_next && !glue {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(w);
            let end = text.len();
            no_space_next = opens(w) || (is_quote && !quote_open);
            if is_quote {
                quote_open = !quote_open;
            }
            // IOB2: B-PER opens a person, I-PER continues it, anything else closes it.
            let (begins, inside) = (tok.tag == "B-PER", tok.tag == "I-PER");
            if let Some(s) = open.filter(|_| !inside) {
                persons.push(person(s, last_end));
                open = None;
            }
            if begins || (inside && open.is_none()) {
                open = Some(start);
            }
            let ty = entity_type(tok.tag);
            let continues = tok.tag.starts_with("I-") && other.is_some_and(|(_, t)| Some(t) == ty);
            if let Some((s, t)) = other.filter(|_| !continues) {
                others.push((s, last_end, t));
                other = None;
            }
            if let Some(t) = ty.filter(|_| other.is_none()) {
                other = Some((start, t));
            }
            last_end = end;
        }
        if let Some(s) = open {
            persons.push(person(s, last_end));
        }
        if let Some((s, t)) = other {
            others.push((s, last_end, t));
        }
    }
    text.push('\n');
    Article {
        name,
        text,
        persons,
        others,
    }
}

/// The type of a LOC, ORG or MISC tag (`B-LOC`, `I-ORG`); `None` for persons and `O`.
fn entity_type(tag: &str) -> Option<&'static str> {
    match tag.get(2..) {
        Some("LOC") => Some("LOC"),
        Some("ORG") => Some("ORG"),
        Some("MISC") => Some("MISC"),
        _ => None,
    }
}

fn person(start: usize, end: usize) -> GoldSpan {
    GoldSpan {
        start,
        end,
        kind: Kind::Person,
        person_id: None,
    }
}

/// Writes each article as `DIR/NAME.txt` and its gold as `DIR/NAME.gold.jsonl` (the fields of
/// `detect --format jsonl`), for tools that read plain text.
pub fn dump(articles: &[Article], dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for a in articles {
        let base = a.name.replace('#', "-");
        std::fs::write(dir.join(format!("{base}.txt")), &a.text)?;
        let mut gold = String::new();
        for p in &a.persons {
            let v = serde_json::json!({
                "file": format!("{base}.txt"), "start": p.start, "end": p.end,
                "kind": "person", "text": &a.text[p.start..p.end],
            });
            gold.push_str(&v.to_string());
            gold.push('\n');
        }
        std::fs::write(dir.join(format!("{base}.gold.jsonl")), gold)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_tokens_and_maps_persons() {
        let dir = tempfile_dir();
        let p = dir.join("x.conll");
        std::fs::write(
            &p,
            "-DOCSTART- -DOCSTART- O\nDat Pron O\nzegt V O\nJan N B-PER\nde Art I-PER\nVries N I-PER\n( Punc O\nCDA N B-ORG\n) Punc O\n. Punc O\n\nKop N O\nzonder Prep O\npunt N O\n\n\" Punc O\nJa Int O\n\" Punc O\n, Punc O\nzei V O\nPeres N B-PER\n. Punc O\n",
        )
        .unwrap();
        let a = read(&p).unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(
            a[0].text,
            "Dat zegt Jan de Vries (CDA). Kop zonder punt\n\"Ja\", zei Peres.\n"
        );
        let names: Vec<&str> = a[0]
            .persons
            .iter()
            .map(|s| &a[0].text[s.start..s.end])
            .collect();
        assert_eq!(names, ["Jan de Vries", "Peres"]);
        let others: Vec<(&str, &str)> = a[0]
            .others
            .iter()
            .map(|&(s, e, t)| (&a[0].text[s..e], t))
            .collect();
        assert_eq!(others, [("CDA", "ORG")]);
    }

    fn tempfile_dir() -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("xtask-conll-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
