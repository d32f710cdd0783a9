//! `cargo xtask gazetteer --src DIR`: regenerates the world-knowledge lexicons of the name
//! model, `crates/detect/data/famous_surnames.txt` (surnames of well-known people: football
//! players of world and European championships, Tour de France riders, members of the
//! European Parliament and of the US Congress) and `crates/detect/data/org_names.txt`
//! (football clubs, cycling teams' sponsors, large companies), from openly licensed source
//! files kept outside the repository (sources, versions and licences:
//! `crates/detect/data/build/README.md`). Newspaper text names people by surname alone and
//! organisations that look like names; neither rules nor the text itself tell them apart, a
//! list of who is known as what does.
//!
//! Deterministic: the same files give the same output, sorted by code point, one lower-case
//! entry per line. The annotated corpora are never read: the lists are knowledge from outside.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

const USAGE: &str = "\
usage: cargo xtask gazetteer --src DIR [--out DIR]

  --src DIR   the source files, laid out as:
                openfootball-clubs/       github.com/openfootball/clubs (CC0)
                openfootball-worldcup/    github.com/openfootball/worldcup (CC0)
                openfootball-euro/        github.com/openfootball/euro (CC0)
                letour/*.csv              github.com/thomascamminady/LeTourDataSet data/ (MIT)
                europarl/*_en.csv         github.com/europarl/open-data-beta-testing data/meps/
                congress/*.yaml           github.com/unitedstates/congress-legislators (CC0)
                sp500/constituents.csv    github.com/datasets/s-and-p-500-companies (PDDL)
  --out DIR   where to write (default crates/detect/data)
";

pub fn main(args: Vec<String>) -> Result<()> {
    let mut src: Option<PathBuf> = None;
    let mut out = PathBuf::from("crates/detect/data");
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--src" => src = it.next().map(PathBuf::from),
            "--out" => {
                out = it
                    .next()
                    .map(PathBuf::from)
                    .context("--out needs a value")?
            }
            _ => bail!("{USAGE}"),
        }
    }
    let Some(src) = src else {
        bail!("{USAGE}");
    };
    let mut people = BTreeSet::new();
    let mut orgs = BTreeSet::new();
    for f in files(&src.join("openfootball-clubs"))? {
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with(".clubs.txt")
            || (name.starts_with("clubs.wiki") && name.ends_with(".txt"))
        {
            clubs(&read(&f)?, &mut orgs);
        }
    }
    for dir in ["openfootball-worldcup", "openfootball-euro"] {
        for f in files(&src.join(dir))? {
            let s = f.to_string_lossy();
            if s.ends_with(".txt") && (s.contains("/squads/") || s.ends_with("_squads.txt")) {
                squad(&read(&f)?, &mut people, &mut orgs);
            }
        }
    }
    let mut teams = Vec::new();
    for f in files(&src.join("letour"))? {
        if f.extension().is_some_and(|e| e == "csv") {
            for row in csv_rows(&read(&f)?).skip(1) {
                if let Some(r) = row.get(1) {
                    add_surname(r, &mut people);
                }
                if let Some(t) = row.get(3) {
                    teams.push(t.clone());
                }
            }
        }
    }
    for f in files(&src.join("europarl"))? {
        if f.extension().is_some_and(|e| e == "csv") {
            for row in csv_rows(&read(&f)?).skip(1) {
                if let Some(r) = row.get(3) {
                    add_surname(r, &mut people);
                }
            }
        }
    }
    for f in files(&src.join("congress"))? {
        if f.extension().is_some_and(|e| e == "yaml") {
            for l in read(&f)?.lines() {
                if let Some(v) = l.trim().strip_prefix("last: ") {
                    add_surname(v.trim_matches(['\'', '"']), &mut people);
                }
            }
        }
    }
    // Cycling teams are their sponsors joined by hyphens ("DOMEX-WEINMANN"); a sponsor named
    // after a person ("Eddy Merckx" bikes) is left out: the person is the better-known one.
    for t in teams {
        for part in t.split('-') {
            let last = part.split_whitespace().last().unwrap_or("").to_lowercase();
            if part.split_whitespace().count() > 1 && people.contains(&last) {
                continue;
            }
            add_org(part, &mut orgs);
        }
    }
    let sp = src.join("sp500/constituents.csv");
    if sp.exists() {
        for row in csv_rows(&read(&sp)?).skip(1) {
            if let Some(n) = row.get(1) {
                add_org(&company(n), &mut orgs);
            }
        }
    }
    write(&out.join("famous_surnames.txt"), &people)?;
    write(&out.join("org_names.txt"), &orgs)?;
    eprintln!(
        "famous_surnames.txt: {} entries, org_names.txt: {} entries",
        people.len(),
        orgs.len()
    );
    Ok(())
}

/// Every file under `dir`, sorted (the walk order must not change the output).
fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    if !dir.exists() {
        return Ok(out);
    }
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let p = e?.path();
            if p.is_dir() {
                todo.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn read(f: &Path) -> Result<String> {
    let b = std::fs::read(f).with_context(|| format!("reading {}", f.display()))?;
    Ok(String::from_utf8_lossy(&b).into_owned())
}

fn write(f: &Path, set: &BTreeSet<String>) -> Result<()> {
    let mut s = String::new();
    for w in set {
        s.push_str(w);
        s.push('\n');
    }
    std::fs::write(f, s).with_context(|| format!("writing {}", f.display()))
}

/// The text before a `##` comment.
fn uncomment(l: &str) -> &str {
    l.split("##").next().unwrap_or("")
}

/// Club names of a football.txt clubs file: a line at the margin is a club ("RSC Anderlecht,
/// 1908, Brussels"), its first field the name; indented `| a | b` lines are other names.
fn clubs(text: &str, orgs: &mut BTreeSet<String>) {
    for l in text.lines() {
        let body = uncomment(l);
        let t = body.trim();
        if t.is_empty() || t.starts_with('=') || t.starts_with('#') {
            continue;
        }
        if let Some(aliases) = t.strip_prefix('|') {
            for a in aliases.split('|') {
                add_org(a, orgs);
            }
        } else if !l.starts_with(char::is_whitespace) {
            add_org(t.split(',').next().unwrap_or(""), orgs);
        }
    }
}

/// Players (and their clubs) of a squad list, in either of its layouts:
/// ` (1)  GK  Given Surname   ##  9, Club (BRA)` or `1, Given SURNAME, GK, ..., Club (ITA)`.
fn squad(text: &str, people: &mut BTreeSet<String>, orgs: &mut BTreeSet<String>) {
    for l in text.lines() {
        let t = l.trim();
        if t.is_empty() || t.starts_with('=') || t.starts_with('#') {
            continue;
        }
        let body = uncomment(t);
        if body.contains(',') {
            let fields: Vec<&str> = body.split(',').map(str::trim).collect();
            if fields.len() >= 3 && fields[0].chars().all(|c| c.is_ascii_digit()) {
                add_surname(fields[1], people);
                if let Some(club) = fields.last().filter(|c| c.ends_with(')')) {
                    add_org(club, orgs);
                }
            }
        } else if let Some(rest) = body.trim_start().strip_prefix('(') {
            let Some((_, rest)) = rest.split_once(')') else {
                continue;
            };
            let mut words = rest.split_whitespace().peekable();
            if words
                .peek()
                .is_some_and(|w| w.len() == 2 && w.chars().all(|c| c.is_ascii_uppercase()))
            {
                words.next();
            }
            let name: Vec<&str> = words.collect();
            add_surname(&name.join(" "), people);
            if let Some((_, club)) = t.split_once("##").and_then(|(_, c)| c.split_once(',')) {
                add_org(club, orgs);
            }
        }
    }
}

/// Adds the last word of a person's name, lower case ("Franky Van Der Elst" -> "elst"):
/// the word a newspaper names them by.
fn add_surname(name: &str, people: &mut BTreeSet<String>) {
    let name = strip_brackets(name);
    let last = name
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .find(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "" | "jr" | "sr" | "ii" | "iii" | "iv"
            )
        });
    if let Some(w) = last {
        let w = w.to_lowercase();
        if w.chars().count() >= 2
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        {
            people.insert(w);
        }
    }
}

/// Adds an organisation's name, lower case, brackets removed, spaces single.
fn add_org(name: &str, orgs: &mut BTreeSet<String>) {
    let name = strip_brackets(name);
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let joined = words.join(" ");
    if joined.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !joined.chars().any(|c| c.is_ascii_digit() || c == '*')
    {
        orgs.insert(joined);
    }
}

/// A company's name without its legal form ("Apple Inc." -> "Apple").
fn company(name: &str) -> String {
    let mut n = name.trim().to_string();
    for suffix in [
        ", Inc.",
        " Inc.",
        " Inc",
        " Corporation",
        " Corp.",
        " Company",
        " Co.",
        " plc",
        " Ltd.",
        " Holdings",
        " Group",
        " Incorporated",
    ] {
        if let Some(s) = n.strip_suffix(suffix) {
            n = s.trim_end_matches(',').trim().to_string();
        }
    }
    n
}

/// The text without parts in brackets ("Club (BRA)" -> "Club").
fn strip_brackets(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// Rows of a CSV text with double-quoted fields (no line breaks inside a field).
fn csv_rows(text: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    text.lines().map(|l| {
        let mut fields = vec![String::new()];
        let mut quoted = false;
        let mut chars = l.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    chars.next();
                    fields.last_mut().expect("one field").push('"');
                }
                '"' => quoted = !quoted,
                ',' if !quoted => fields.push(String::new()),
                _ => fields.last_mut().expect("one field").push(c),
            }
        }
        fields
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squad_lines_give_surnames_and_clubs() {
        let mut p = BTreeSet::new();
        let mut o = BTreeSet::new();
        squad(
            " (7)  MF  Jorrit Van Der Hoeven   ##  3, Sporting Nergens (BEL)\n\
             4,  Kamiel Zwartberg,  DF,  2/0 , b. 1990,  FC Voorbeeld (NED)\n\
             = Group A\n",
            &mut p,
            &mut o,
        );
        assert!(p.contains("hoeven") && p.contains("zwartberg"), "{p:?}");
        assert!(
            o.contains("sporting nergens") && o.contains("fc voorbeeld"),
            "{o:?}"
        );
    }

    #[test]
    fn club_files_give_names_and_aliases() {
        let mut o = BTreeSet::new();
        clubs(
            "= Nowhere\n\nRSC Voorbeeldstad, 1908, Voorbeeldstad  ## note\n  | Voorbeeld | Royal Voorbeeld\n",
            &mut o,
        );
        let got: Vec<&str> = o.iter().map(String::as_str).collect();
        assert_eq!(got, ["royal voorbeeld", "rsc voorbeeldstad", "voorbeeld"]);
    }

    #[test]
    fn companies_lose_their_legal_form() {
        assert_eq!(company("Voorbeeld Widgets, Inc."), "Voorbeeld Widgets");
        assert_eq!(company("Nergens Corporation"), "Nergens");
    }
}
