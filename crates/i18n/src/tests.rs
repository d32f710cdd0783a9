use std::collections::BTreeSet;
use std::path::Path;

use fluent_bundle::FluentResource;

use super::*;

fn parse(source: &str, name: &str) -> FluentResource {
    match FluentResource::try_new(source.to_string()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{name}: {errors:?}"),
    }
}

/// The variables a message uses, so that both languages take the same arguments.
fn variables(lang: Lang) -> Vec<(String, BTreeSet<String>)> {
    let source = match lang {
        Lang::Nl => NL,
        Lang::En => EN,
    };
    let mut out = Vec::new();
    let resource = parse(source, lang.tag());
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                collect(p, &mut vars);
            }
            out.push((m.id.name.to_string(), vars));
        }
    }
    out
}

fn collect(p: &fluent_syntax::ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        if let InlineExpression::VariableReference { id } = e {
            vars.insert(id.name.to_string());
        }
    }
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            match expression {
                Expression::Inline(e) => inline(e, vars),
                Expression::Select { selector, variants } => {
                    inline(selector, vars);
                    for v in variants {
                        collect(&v.value, vars);
                    }
                }
            }
        }
    }
}

#[test]
fn both_catalogues_parse() {
    parse(NL, "nl.ftl");
    parse(EN, "en.ftl");
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_arguments() {
    let nl = variables(Lang::Nl);
    let en = variables(Lang::En);
    let nl_ids: BTreeSet<_> = nl.iter().map(|(id, _)| id.clone()).collect();
    let en_ids: BTreeSet<_> = en.iter().map(|(id, _)| id.clone()).collect();
    assert_eq!(nl_ids.len(), nl.len(), "an id is defined twice in nl.ftl");
    assert_eq!(en_ids.len(), en.len(), "an id is defined twice in en.ftl");
    let only_nl: Vec<_> = nl_ids.difference(&en_ids).collect();
    let only_en: Vec<_> = en_ids.difference(&nl_ids).collect();
    assert!(only_nl.is_empty(), "only in nl.ftl: {only_nl:?}");
    assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
    for (id, vars) in &nl {
        let theirs = &en.iter().find(|(i, _)| i == id).unwrap().1;
        assert_eq!(
            vars, theirs,
            "message {id} takes other arguments in nl and en"
        );
    }
}

/// Every `tr!("id"…)` and `message(…, "id", …)` in the workspace's sources names an entry.
#[test]
fn every_id_used_in_the_sources_is_in_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap();
    let known: BTreeSet<String> = ids(Lang::Nl).into_iter().collect();
    let mut missing = Vec::new();
    let mut files = Vec::new();
    for dir in ["crates", "xtask"] {
        walk(&root.join(dir), &mut files);
    }
    // This crate's own docs and tests show the macro with made-up ids.
    files.retain(|f| !f.starts_with(root.join("crates/i18n")));
    let mut used = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for id in used_ids(&text) {
            used += 1;
            if !known.contains(id) {
                missing.push(format!("{}: {id}", file.display()));
            }
        }
    }
    assert!(
        used > 0,
        "no use of the catalogue found: the scan is broken"
    );
    assert!(missing.is_empty(), "ids not in the catalogue: {missing:#?}");
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "target") {
                continue;
            }
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The ids in `tr!("…"` and `tr_id("…"` calls of a source file.
fn used_ids(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for marker in ["tr!(\"", "tr_id(\""] {
        let mut from = 0;
        while let Some(i) = text[from..].find(marker) {
            let at = from + i;
            from = at + marker.len();
            // `include_str!("…")` ends in `tr!("` too: the marker must start a word.
            let starts_word = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            if let (true, Some(end)) = (starts_word, text[from..].find('"')) {
                out.push(&text[from..from + end]);
            }
        }
    }
    out
}

#[test]
fn messages_fill_in_arguments_in_both_languages() {
    assert_eq!(
        message(Lang::Nl, "error-no-such-document", &[("id", 7.into())]),
        "document 7 bestaat niet"
    );
    assert_eq!(
        message(Lang::En, "error-no-such-document", &[("id", 7.into())]),
        "document 7 does not exist"
    );
    assert_eq!(
        message(Lang::Nl, "no-such-id-at-all", &[]),
        "no-such-id-at-all"
    );
}
