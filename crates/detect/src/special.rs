//! GDPR art. 9/10 special categories tied to a person: religion, ethnicity, political opinion,
//! health, sexual orientation, trade-union membership and criminal data.
//!
//! Cue words (one Aho-Corasick pass, case-insensitive; acronyms like party names in a second,
//! case-sensitive pass) mark a clause; the finding is the clause as it states the fact about the
//! person: from after its subject (pronoun, name, "die", "dat") to the clause end. A clause only
//! counts in a sentence that refers to a person (a pronoun or a person finding nearby).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::token::{Class, Tok};
use crate::{Finding, Kind};

/// (cue, kind, weight, whole word only). A higher weight wins when cues of several kinds share a
/// clause ("salafistische achtergrond" is religion, not ethnicity).
type Cue = (&'static str, Kind, u8, bool);

const CUES: &[Cue] = &[
    // religion
    ("moslim", Kind::Religion, 3, false),
    ("islam", Kind::Religion, 2, false),
    ("salafist", Kind::Religion, 3, false),
    ("soenni", Kind::Religion, 3, false),
    ("sjiiet", Kind::Religion, 3, false),
    ("sjiit", Kind::Religion, 3, false),
    ("twaalver", Kind::Religion, 3, false),
    ("christen", Kind::Religion, 3, false),
    ("katholiek", Kind::Religion, 3, false),
    ("protestant", Kind::Religion, 3, false),
    ("joods", Kind::Religion, 3, true),
    ("hindoe", Kind::Religion, 3, false),
    ("boeddhist", Kind::Religion, 3, false),
    ("atheïst", Kind::Religion, 3, false),
    ("gelovig", Kind::Religion, 3, false),
    ("geloof", Kind::Religion, 3, false),
    ("geloven", Kind::Religion, 3, false),
    ("bidt", Kind::Religion, 3, true),
    ("bid", Kind::Religion, 3, true),
    ("ramadan", Kind::Religion, 2, true),
    ("hoofddoek", Kind::Religion, 3, false),
    ("nikab", Kind::Religion, 3, false),
    ("niqab", Kind::Religion, 3, false),
    ("boerka", Kind::Religion, 3, false),
    ("hijab", Kind::Religion, 3, false),
    ("bekeerd", Kind::Religion, 3, false),
    ("bekeerde", Kind::Religion, 3, false),
    ("afgekeerd", Kind::Religion, 3, false),
    ("rechtsschool", Kind::Religion, 3, false),
    ("gülenbeweging", Kind::Religion, 3, false),
    ("gülen", Kind::Religion, 3, false),
    ("muhammadiyah", Kind::Religion, 3, false),
    ("ahmadiyya", Kind::Religion, 3, false),
    ("dopen", Kind::Religion, 3, false),
    ("gedoopt", Kind::Religion, 3, false),
    ("predikers", Kind::Religion, 2, false),
    ("studiekring", Kind::Religion, 2, false),
    ("leer uitdraagt", Kind::Religion, 3, false),
    ("strenger", Kind::Religion, 1, false),
    ("malikitisch", Kind::Religion, 3, false),
    ("naar de moskee", Kind::Religion, 2, true),
    ("in de moskee", Kind::Religion, 1, true),
    ("verkiezingen af", Kind::Religion, 2, false),
    ("bekeerling", Kind::Religion, 3, false),
    ("orthodox", Kind::Religion, 2, false),
    ("soefi", Kind::Religion, 3, false),
    ("mouride", Kind::Religion, 3, false),
    ("koran", Kind::Religion, 2, false),
    ("bidden", Kind::Religion, 3, true),
    // ethnicity
    ("afkomst", Kind::Ethnicity, 2, true),
    ("komaf", Kind::Ethnicity, 2, true),
    ("achtergrond", Kind::Ethnicity, 1, true),
    ("clan", Kind::Ethnicity, 2, false),
    ("hazara", Kind::Ethnicity, 2, true),
    ("etnisch", Kind::Ethnicity, 2, false),
    // political
    ("partij", Kind::Political, 2, false),
    ("kandidaat", Kind::Political, 2, false),
    ("verkiezingen", Kind::Political, 1, false),
    ("stemt", Kind::Political, 2, true),
    ("oppositie", Kind::Political, 2, false),
    ("sympathiseert", Kind::Political, 2, false),
    ("groenlinks", Kind::Political, 3, true),
    ("regeringspartij", Kind::Political, 3, false),
    ("politiek actief", Kind::Political, 3, false),
    // trade union
    ("vakbond", Kind::TradeUnion, 4, false),
    ("kaderlid", Kind::TradeUnion, 4, false),
    // health
    ("behandeling", Kind::Health, 2, true),
    ("ziek", Kind::Health, 3, false),
    ("depressie", Kind::Health, 3, false),
    ("depressief", Kind::Health, 3, false),
    ("burn-out", Kind::Health, 3, false),
    ("overspann", Kind::Health, 3, false),
    ("stress", Kind::Health, 3, false),
    ("reuma", Kind::Health, 3, false),
    ("suikerziekte", Kind::Health, 3, false),
    ("diabetes", Kind::Health, 3, false),
    ("slechtziend", Kind::Health, 3, false),
    ("verlamd", Kind::Health, 3, false),
    ("beroerte", Kind::Health, 3, false),
    ("hartinfarct", Kind::Health, 3, false),
    ("cardioloog", Kind::Health, 3, false),
    ("psycholoog", Kind::Health, 3, false),
    ("psychiater", Kind::Health, 3, false),
    ("huisarts", Kind::Health, 3, false),
    ("bedrijfsarts", Kind::Health, 3, false),
    ("medicatie", Kind::Health, 3, false),
    ("medicijnen", Kind::Health, 3, false),
    ("adhd", Kind::Health, 3, false),
    ("autisme", Kind::Health, 3, false),
    ("zwanger", Kind::Health, 3, false),
    ("operatie", Kind::Health, 2, false),
    ("krukken", Kind::Health, 3, false),
    ("verslaving", Kind::Health, 3, false),
    ("verslaafd", Kind::Health, 3, false),
    ("marteling", Kind::Health, 3, false),
    ("stoornis", Kind::Health, 3, false),
    ("ptss", Kind::Health, 3, false),
    ("last van", Kind::Health, 3, false),
    ("arbeidsongeschikt", Kind::Health, 3, false),
    ("slapeloze", Kind::Health, 3, false),
    ("kanker", Kind::Health, 3, false),
    ("epilepsie", Kind::Health, 3, false),
    ("gehandicapt", Kind::Health, 3, false),
    ("handicap", Kind::Health, 3, false),
    ("ziekenhuis", Kind::Health, 2, false),
    ("kampt met", Kind::Health, 3, false),
    ("hiv", Kind::Health, 3, false),
    ("trauma", Kind::Health, 3, false),
    ("pijnstiller", Kind::Health, 3, false),
    ("paniekaanval", Kind::Health, 3, false),
    ("hartaandoening", Kind::Health, 3, false),
    ("aandoening", Kind::Health, 3, false),
    ("knieoperatie", Kind::Health, 3, false),
    ("huisarts", Kind::Health, 3, false),
    // sexual orientation
    ("homoseksu", Kind::SexualOrientation, 4, false),
    ("lesbisch", Kind::SexualOrientation, 4, false),
    ("lesbienne", Kind::SexualOrientation, 4, false),
    ("biseksu", Kind::SexualOrientation, 4, false),
    ("homo", Kind::SexualOrientation, 4, true),
    ("samen met zijn vriend", Kind::SexualOrientation, 4, true),
    ("samen met haar vriendin", Kind::SexualOrientation, 4, true),
    // criminal
    ("veroordeeld", Kind::Criminal, 4, false),
    ("aangehouden", Kind::Criminal, 4, false),
    ("gearresteerd", Kind::Criminal, 4, false),
    ("verdacht", Kind::Criminal, 3, false),
    ("taakstraf", Kind::Criminal, 4, false),
    ("gevangenisstraf", Kind::Criminal, 4, false),
    ("celstraf", Kind::Criminal, 4, false),
    ("strafblad", Kind::Criminal, 4, false),
    ("vervolgd", Kind::Criminal, 4, false),
    ("veroordeling", Kind::Criminal, 4, false),
    ("gedetineerd", Kind::Criminal, 4, false),
    ("strafrechtelijk", Kind::Criminal, 3, false),
    ("zit vast", Kind::Criminal, 4, false),
];

/// Case-sensitive acronyms (party and union names).
const ACRONYMS: &[Cue] = &[
    ("PvdA", Kind::Political, 3, true),
    ("CDA", Kind::Political, 3, true),
    ("VVD", Kind::Political, 3, true),
    ("D66", Kind::Political, 3, true),
    ("DENK", Kind::Political, 3, true),
    ("SP", Kind::Political, 3, true),
    ("PVV", Kind::Political, 3, true),
    ("FvD", Kind::Political, 3, true),
    ("SGP", Kind::Political, 3, true),
    ("AKP", Kind::Political, 3, true),
    ("HDP", Kind::Political, 3, true),
    ("CHP", Kind::Political, 3, true),
    ("MHP", Kind::Political, 3, true),
    ("BIJ1", Kind::Political, 3, true),
    ("FNV", Kind::TradeUnion, 4, true),
    ("CNV", Kind::TradeUnion, 4, true),
    ("ACP", Kind::TradeUnion, 4, true),
    ("VCP", Kind::TradeUnion, 4, true),
];

struct Automata {
    words: AhoCorasick,
    acronyms: AhoCorasick,
}

fn automata() -> &'static Automata {
    static A: OnceLock<Automata> = OnceLock::new();
    A.get_or_init(|| {
        let words = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(CUES.iter().map(|c| c.0))
            .expect("cue patterns are valid");
        let acronyms = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(ACRONYMS.iter().map(|c| c.0))
            .expect("acronym patterns are valid");
        Automata { words, acronyms }
    })
}

const SUBJECTS: [&str; 10] = [
    "hij", "zij", "ze", "ik", "u", "wij", "we", "men", "hem", "je",
];
/// Object pronouns: the clause starts after them, never with the verb before them.
const OBJECTS: [&str; 1] = ["hem"];
/// Forms of "zijn" (to be) that the gold leaves out at the edges of a clause.
const COPULAS: [&str; 6] = ["ben", "is", "bent", "zijn", "was", "waren"];
const SOFT_BOUNDS: [&str; 12] = [
    "en", "die", "dat", "wat", "volgens", "aldus", "omdat", "want", "terwijl", "waarvoor", "maar",
    "waardoor",
];
const PERSON_REFS: [&str; 14] = [
    "hij", "zij", "ze", "ik", "u", "hem", "haar", "zijn", "mijn", "mij", "zijzelf", "hijzelf",
    "zich", "uw",
];

fn is_hard_bound(text: &str, t: &Tok) -> bool {
    t.class == Class::Punct
        && matches!(
            text.as_bytes()[t.start],
            b'.' | b'!' | b'?' | b';' | b':' | b'(' | b')' | b',' | b'"'
        )
}

fn word_is(text: &str, t: &Tok, list: &[&str]) -> bool {
    t.class == Class::Word && list.iter().any(|w| w.eq_ignore_ascii_case(t.text(text)))
}

pub(crate) fn detect(text: &str, toks: &[Tok], found: &[Finding]) -> Vec<Finding> {
    let a = automata();
    let bytes = text.as_bytes();
    let mut cues: Vec<(usize, usize, Kind, u8)> = Vec::new();
    let boundary_ok = |s: usize, e: usize, whole: bool| {
        let before = s == 0
            || !(bytes[s - 1].is_ascii_alphanumeric()
                || bytes[s - 1] >= 0x80
                || bytes[s - 1] == b'-');
        let after = e >= bytes.len() || !(bytes[e].is_ascii_alphanumeric() || bytes[e] >= 0x80);
        before && (!whole || after)
    };
    for m in a.words.find_iter(text) {
        let c = CUES[m.pattern().as_usize()];
        let proper = c.1 == Kind::Political
            || matches!(
                c.0,
                "gülen"
                    | "gülenbeweging"
                    | "muhammadiyah"
                    | "ahmadiyya"
                    | "hazara"
                    | "mouride"
                    | "koran"
                    | "islam"
            );
        if boundary_ok(m.start(), m.end(), c.3)
            && (proper || !capitalised_mid_sentence(text, m.start()))
        {
            if c.0 == "achtergrond" && !adjective_before(text, m.start()) {
                continue;
            }
            cues.push((m.start(), m.end(), c.1, c.2));
        }
    }
    for m in a.acronyms.find_iter(text) {
        let c = ACRONYMS[m.pattern().as_usize()];
        if boundary_ok(m.start(), m.end(), c.3) {
            cues.push((m.start(), m.end(), c.1, c.2));
        }
    }
    if cues.is_empty() {
        return Vec::new();
    }
    cues.sort_by_key(|c| c.0);
    let persons: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| f.kind == Kind::Person)
        .map(|f| (f.start, f.end))
        .collect();

    // Clause segments around each cue: (first tok, last tok, kind, weight).
    let mut segs: Vec<(usize, usize, Kind, u8)> = Vec::new();
    for (cs, _ce, kind, weight) in cues {
        let c = toks.partition_point(|t| t.end <= cs);
        if c >= toks.len() || toks[c].start > cs {
            continue;
        }
        // Left bound: a hard or soft boundary, or a line break.
        let mut l = c;
        while l > 0 {
            let p = &toks[l - 1];
            if is_hard_bound(text, p) || toks[l].nl_before > 0 || word_is(text, p, &SOFT_BOUNDS) {
                break;
            }
            l -= 1;
        }
        // Right bound.
        let mut r = c;
        while r + 1 < toks.len() {
            let n = &toks[r + 1];
            if is_hard_bound(text, n) || n.nl_before > 0 || word_is(text, n, &SOFT_BOUNDS) {
                break;
            }
            r += 1;
        }
        // Subject: a pronoun or a person name in the clause start.
        let mut start = l;
        let mut k = l;
        while k <= c + 1 && k <= r {
            let t = &toks[k];
            let is_person = covers(&persons, t.start, t.end);
            if word_is(text, t, &SUBJECTS) || is_person {
                // Skip the whole person name.
                let mut kk = k;
                while is_person && kk < r && covers(&persons, toks[kk + 1].start, toks[kk + 1].end)
                {
                    kk += 1;
                }
                if k > l
                    && toks[k - 1].class == Class::Word
                    && !toks[k - 1].cap
                    && !is_person
                    && !word_is(text, t, &OBJECTS)
                {
                    // Inversion: "bidt hij", "is hij".
                    start = k - 1;
                } else {
                    start = kk + 1;
                }
                break;
            }
            k += 1;
        }
        if start > c {
            // The cue itself was skipped: the subject came after it ("Bidt hij").
            start = if start > r { c } else { start.min(c) };
        }
        // Tie to a person: a person reference in this sentence.
        if !person_near(text, toks, start, r, &persons) {
            continue;
        }
        let (mut start, mut r) = (start, r);
        // "van Marokkaanse afkomst": the phrase itself.
        if kind == Kind::Ethnicity {
            if let Some(v) = (start..c)
                .rev()
                .take(4)
                .find(|&k| word_is(text, &toks[k], &["van"]))
            {
                start = v;
                r = c;
            }
        }
        // Leading modal or copula before "lid": "zou zich ...", "ben lid van".
        if start < c && word_is(text, &toks[start], &["zou", "zouden"]) {
            start += 1;
        }
        if start < c
            && word_is(text, &toks[start], &COPULAS)
            && toks
                .get(start + 1)
                .is_some_and(|t| word_is(text, t, &["lid"]))
        {
            start += 1;
        }
        // Trailing copula of a subordinate clause: "(omdat ik) zelf moslim ben".
        while r > c && word_is(text, &toks[r], &COPULAS) {
            r -= 1;
        }
        segs.push((start, r, kind, weight));
    }
    // One kind per segment: the strongest cue wins.
    segs.sort_by(|x, y| x.0.cmp(&y.0).then(y.3.cmp(&x.3)));
    let mut out: Vec<Finding> = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        let (s, e, kind, _) = segs[i];
        let mut j = i + 1;
        while j < segs.len() && segs[j].0 == s && segs[j].1 == e {
            j += 1;
        }
        // Merge with the previous finding of the same kind joined by "en"/"maar".
        let (start, end) = (toks[s].start, toks[e].end);
        if let Some(prev) = out.last_mut() {
            if prev.kind == kind && prev.end <= start {
                let gap = &text[prev.end..start];
                let g = gap.trim();
                if g == "maar" {
                    prev.end = end;
                    i = j;
                    continue;
                }
            }
        }
        out.push(Finding {
            start,
            end,
            kind,
            score: 0.7,
            rule: "special.cue_clause",
        });
        i = j;
    }
    out
}

/// A capitalised cue word inside a sentence is a name ("Contactorgaan Moslims").
fn capitalised_mid_sentence(text: &str, s: usize) -> bool {
    let b = text.as_bytes();
    if !b[s].is_ascii_uppercase() {
        return false;
    }
    let before = text[..s].trim_end_matches([' ', '\t']);
    !(before.is_empty() || before.ends_with(['.', '\n', ':', ';', '!', '?', '(', '"']))
}

/// "een Koerdische achtergrond": an adjective of origin right before.
fn adjective_before(text: &str, s: usize) -> bool {
    let before = text[..s].trim_end();
    let w = before.rsplit([' ', '\n']).next().unwrap_or("");
    w.chars().next().is_some_and(char::is_uppercase) && w.ends_with('e')
}

/// Whether a span in `spans` (sorted by start, not nested) covers `s..e`.
fn covers(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    let i = spans.partition_point(|&(ps, _)| ps <= s);
    i > 0 && spans[i - 1].1 >= e
}

/// Whether the sentence around tokens `s..=e` refers to a person.
fn person_near(text: &str, toks: &[Tok], s: usize, e: usize, persons: &[(usize, usize)]) -> bool {
    let mut a = s;
    while a > 0 && !(toks[a - 1].is_punct(text, b'.') || toks[a].nl_before > 1) && s - a < 40 {
        a -= 1;
    }
    let mut b = e;
    while b + 1 < toks.len() && !toks[b].is_punct(text, b'.') && b - e < 20 {
        b += 1;
    }
    // The sentence itself, or for a list fragment ("Naam - rol. Bekeerling.") its line.
    let line_start = text[..toks[s].start].rfind('\n').map_or(0, |p| p + 1);
    let (sa, sb) = (
        toks[a]
            .start
            .min(line_start.max(toks[a].start.saturating_sub(200))),
        toks[b].end,
    );
    let from = persons.partition_point(|&(ps, _)| ps < sa);
    if persons[from..]
        .iter()
        .take_while(|&&(ps, _)| ps < sb)
        .any(|&(_, pe)| pe <= sb)
    {
        return true;
    }
    toks[a..=b].iter().any(|t| word_is(text, t, &PERSON_REFS))
}
