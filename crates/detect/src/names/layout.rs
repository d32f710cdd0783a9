//! Names as government documents lay them out (issue 13): attendance lists that run names and
//! offices together and authors' names that a PDF's text puts on one line, cut where the
//! chains are read ([`chain_pieces`], so that the rules and the learned model decide each
//! name, in training as in detection); and post-passes after the chain rules and the model for
//! the list after "de heren", the King's formula of a decree, a surname after "dhr.", a surname
//! in capitals after a given name, a cabinet named after a person, a street run on after a
//! name and a few shapes of initials and particles that OCR, old minutes and Flemish lists
//! leave.
//!
//! Each pass starts from something rare (a chain of three elements or more, a word in capitals,
//! a word after "heren" or "Wij", the bytes at a finding's ends), not from every token with
//! many checks, so that it costs next to nothing on text without it.

use super::{
    is_particle, name_in_list_at, person, Ctx, El, F_DUTCH, F_FIRST, F_NONNAME, F_SURNAME,
};
use crate::lexicon;
use crate::token::Class;
use crate::{Finding, Kind};

/// Runs the passes of this module over the findings so far.
pub(super) fn layouts(cx: &mut Ctx, out: &mut Vec<Finding>) {
    drop_lone_offices(cx, out);
    cue_walk(cx, out);
    cabinet_named_after(cx, out);
    extend_found_names(cx, out);
    cut_street_after_name(cx, out);
    round_ten_passes(cx, out);
    round_eleven_passes(cx, out);
}

/// One walk over the capitalised words of the text for the passes that start at one: a word
/// in capitals glued to a dot ([`undotted_initials_name`]), after or before a given name
/// ([`given_name_capital_surname`], [`capital_surname_given_name`]), initials after "heer" or
/// "mevrouw" ([`salutation_initials_name`]), a word after an abbreviation's
/// dot ([`salutation_abbreviation_name`]), the first word after "heren" or "dames"
/// ([`gentlemen_list`]) and "Wij" ([`royal_formula`]). Each test reads the token's flags or
/// length first: nearly every word fails them all.
fn cue_walk(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let toks = cx.toks;
    let mut found = Vec::new();
    for &k in cx.caps {
        let k = k as usize;
        let t = toks[k];
        if t.all_caps {
            if let Some(f) = undotted_initials_name(cx, k) {
                found.push(f);
            } else if let Some(f) = given_name_capital_surname(cx, k) {
                found.push(f);
            } else if let Some(f) = capital_surname_given_name(cx, k) {
                found.push(f);
            }
            continue;
        }
        if k == 0 || t.nl_before > 0 {
            continue;
        }
        let p = toks[k - 1];
        if p.class == Class::Punct {
            if k >= 2 && !p.space_before && t.space_before && p.is_punct(cx.text, b'.') {
                if let Some(f) = salutation_abbreviation_name(cx, k) {
                    found.push(f);
                }
            }
            continue;
        }
        let plen = p.end() - p.start();
        if plen == 5 && matches!(p.text(cx.text), "heren" | "dames") {
            gentlemen_list(cx, k, &mut found);
        } else if plen == 3 && p.text(cx.text).eq_ignore_ascii_case("wij") {
            royal_formula(cx, k, &mut found);
        } else if (plen == 4 || plen == 7) && matches!(p.text(cx.text), "heer" | "mevrouw") {
            if let Some(f) = salutation_initials_name(cx, k) {
                found.push(f);
            }
        }
    }
    out.extend(found);
}

/// Whether token `j` is a word in capitals on the same line, after a space.
fn caps_word(cx: &Ctx, j: usize) -> bool {
    cx.toks
        .get(j)
        .is_some_and(|t| t.class == Class::Word && t.all_caps && t.nl_before == 0 && t.space_before)
}

/// The last token of a surname in capitals starting at `k`: its particles in capitals ("VAN
/// AKEN"), then a word of three letters or more with a vowel that is no particle (so "BV" or
/// "VAN" alone is no surname).
fn capital_surname_last(cx: &Ctx, k: usize) -> Option<usize> {
    let mut j = k;
    while is_particle(cx.w(j)) && caps_word(cx, j + 1) {
        j += 1;
    }
    let w = cx.w(j).as_bytes();
    let vowel = w
        .iter()
        .any(|b| matches!(b, b'A' | b'E' | b'I' | b'O' | b'U' | b'Y'));
    (w.len() >= 3 && vowel && !is_particle(cx.w(j))).then_some(j)
}

/// A given name before a surname in capitals, as Belgian minutes and lists write names
/// ("Koen ZWETSLOOT", "Leen VAN AKEN", "Els VAN DEN BROECK"): the chains stop at a word in
/// capitals (an acronym or a heading, most of the time), so the given name was found alone or
/// not at all. From word `k` in capitals after a known given name on the same line: the
/// particles in capitals, then one surname with a vowel that is no organisation word ("Jan
/// CDA", "Piet NATO" are not names), nor a place unless a particle makes it a surname ("Leen
/// VAN AKEN"), and no word in capitals after it (a heading in capitals: "Jan ZIET HET").
fn given_name_capital_surname(cx: &mut Ctx, k: usize) -> Option<Finding> {
    let toks = cx.toks;
    if k == 0 || toks[k].nl_before > 0 || !toks[k].space_before {
        return None;
    }
    let g = k - 1;
    if !cx.is_cap(g) || is_particle(cx.w(g)) || cx.features(g) & (F_FIRST | F_NONNAME) != F_FIRST {
        return None;
    }
    let j = capital_surname_last(cx, k)?;
    if caps_word(cx, j + 1) || cx.is_org(j) || (j == k && cx.is_place_toks(j, j)) {
        return None;
    }
    Some(person(
        toks[g].start(),
        toks[j].end(),
        0.7,
        "name.capital_surname",
    ))
}

/// The end of a surname in lower case after a capitalised particle, right after a name found
/// at `end` ("Burgemeester Dirk De fauw", as the Flemish name is written): a particle that
/// opens with a capital, then one lower-case word of three to ten letters that is no Dutch
/// word and no particle, ending its line or followed by a comma or semicolon.
fn lower_surname_after_particle(cx: &mut Ctx, end: usize) -> Option<usize> {
    let toks = cx.toks;
    let k = toks.partition_point(|t| t.start() < end);
    let (p, w) = (toks.get(k)?, toks.get(k + 1)?);
    let particle = p.class == Class::Word && p.cap && p.nl_before == 0 && is_particle(cx.w(k));
    let lower = w.class == Class::Word
        && !w.cap
        && w.space_before
        && w.nl_before == 0
        && (3..=10).contains(&(w.end() - w.start()))
        && !is_particle(cx.w(k + 1));
    if !particle || !lower || cx.features(k + 1) & F_DUTCH != 0 {
        return None;
    }
    // The end of a list item: the line, a comma or a semicolon (not a sentence's full stop
    // or dots: "Fernand Collin De verankeringsstrategie...").
    let ends = toks
        .get(k + 2)
        .is_none_or(|n| n.nl_before > 0 || n.is_punct(cx.text, b',') || n.is_punct(cx.text, b';'));
    ends.then(|| w.end())
}

/// A cabinet named after the head of its government names that person ("het kabinet
/// Koeiman", "het kabinet-Pisas", "het kabinet-Van Agt"), as "de motie-X" names its mover.
/// From each "abinet" in the text (rare): the capitalised word after "kabinet" (glued with a
/// hyphen, or after a space on the same line), with its particles, that is no ordinary word,
/// place, organisation or title ("het Kabinet van de Gouverneur", "Kabinet der Koningin").
fn cabinet_named_after(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let toks = cx.toks;
    let mut last = usize::MAX;
    let mut found = Vec::new();
    for p in memchr::memmem::find_iter(cx.text.as_bytes(), b"abinet") {
        let i = toks.partition_point(|t| t.end() <= p);
        if i >= toks.len() || i == last || toks[i].class != Class::Word {
            continue;
        }
        last = i;
        let w = cx.w(i);
        // One token: "kabinet-Pisas" (the tokenizer keeps a hyphenated word whole).
        if let Some((head, rest)) = w.split_once('-') {
            if head.eq_ignore_ascii_case("kabinet")
                && rest.starts_with(|c: char| c.is_uppercase())
                && !rest.contains('-')
                && lexicon::word_bits(lexicon::lower(rest, &mut cx.buf)) & lexicon::W_DUTCH == 0
            {
                let start = toks[i].start() + head.len() + 1;
                found.push(person(start, toks[i].end(), 0.7, "name.cabinet"));
            }
            continue;
        }
        if !w.eq_ignore_ascii_case("kabinet") {
            continue;
        }
        // "kabinet-Pisas" as three tokens, or "kabinet Koeiman": no particle first ("het
        // Kabinet van de Gouverneur").
        let glued = toks.get(i + 2).is_some_and(|n| !n.space_before)
            && toks[i + 1].is_punct(cx.text, b'-')
            && !toks[i + 1].space_before;
        let n = if glued { i + 2 } else { i + 1 };
        if n >= toks.len() || toks[n].nl_before > 0 || (!glued && !toks[n].space_before) {
            continue;
        }
        let Some(k) = name_in_list_at(cx, n, false) else {
            continue;
        };
        if (k > n && !glued) || cx.title_class(k).is_some() || cx.is_place_toks(k, k) {
            continue;
        }
        found.push(person(toks[n].start(), toks[k].end(), 0.7, "name.cabinet"));
    }
    out.extend(found);
}

/// A street after a name on one line, as a letterhead's or an OCR'd address block's text
/// runs them together ("Sr. M. Franco Wilhelminaplein Punda", "mw. Emily de Jongh-Elhage
/// Brionplein"): the chain ran on into the street. A capitalised word from the third on that
/// ends in "plein", "straat", "gracht" or "singel" and is no known surname ends the name
/// before it ("laan", "weg" and "dijk" end surnames too: "Verlaan", "Hogeweg", "Hoogendijk");
/// on the line under the name any street word does.
fn cut_street_after_name(cx: &mut Ctx, out: &mut [Finding]) {
    let bytes = cx.text.as_bytes();
    for f in out.iter_mut().filter(|f| f.kind == Kind::Person) {
        // A street on the line under the name, as an address block gives it ("De heer
        // Kipkoech⏎Vondellaan 194"): any street word after the line break ends the name.
        if let Some(nl) = memchr::memrchr(b'\n', &bytes[f.start..f.end]) {
            let at = f.start + nl + 1;
            let w = crate::sub(cx.text, at, f.end);
            if !w.contains(' ') && crate::ident::is_street_word(w) && !known_surname_at(cx, at) {
                let mut end = f.start + nl;
                while end > f.start && bytes[end - 1].is_ascii_whitespace() {
                    end -= 1;
                }
                f.end = end;
                continue;
            }
        }
        // The third word on: past the second space (most names have one space or none).
        let s = &bytes[f.start..f.end];
        let Some(a) = memchr::memchr(b' ', s) else {
            continue;
        };
        let Some(b) = memchr::memchr(b' ', &s[a + 1..]) else {
            continue;
        };
        let mut at = f.start + a + b + 2;
        for w in bytes[at..f.end].split(|&c| c == b' ') {
            if street_ending(w) && !known_surname_at(cx, at) {
                f.end = at - 1;
                break;
            }
            at += w.len() + 1;
        }
    }
}

/// Whether a capitalised word ends in a street suffix that ends no surname.
fn street_ending(w: &[u8]) -> bool {
    let Some(&last) = w.last() else {
        return false;
    };
    if !matches!(last, b't' | b'n' | b'l') || !w[0].is_ascii_uppercase() {
        return false;
    }
    [&b"plein"[..], b"straat", b"gracht", b"singel"]
        .iter()
        .any(|s| w.len() > s.len() + 1 && w[w.len() - s.len()..].eq_ignore_ascii_case(s))
}

/// Whether the word starting at byte `at` is a known surname.
fn known_surname_at(cx: &mut Ctx, at: usize) -> bool {
    let k = cx.toks.partition_point(|t| t.start() < at);
    k < cx.toks.len() && cx.toks[k].start() == at && cx.features(k) & F_SURNAME != 0
}

/// The start of a first initial joined by a hyphen to the initial a name found starts with,
/// as French and Flemish double given names are abbreviated ("J.-P. Snappe", "A.-M. Lievens"):
/// the chains start after the hyphen. Three bytes before the finding ("J.-"), a capital
/// that does not end a longer word.
fn hyphenated_initial_before(bytes: &[u8], start: usize) -> Option<usize> {
    if start < 3
        || bytes[start - 1] != b'-'
        || bytes[start - 2] != b'.'
        || !bytes[start - 3].is_ascii_uppercase()
        || !bytes[start].is_ascii_uppercase()
    {
        return None;
    }
    let s = start - 3;
    if s > 0 && bytes[s - 1].is_ascii_alphanumeric() {
        return None;
    }
    Some(s)
}

/// A surname in capitals before the given name, as Belgian lists also write names ("VAN AKEN
/// Leen", "ZWETSLOOT Koen, voorzitter"): an item that opens a line or follows a comma, colon
/// or semicolon, with the particles in capitals, one surname in capitals with a vowel that is
/// no organisation, title or ordinary word ("VOORZITTER Koen" is no name), then a known given
/// name that ends the item (the line, a comma, semicolon or bracket after it).
fn capital_surname_given_name(cx: &mut Ctx, k: usize) -> Option<Finding> {
    let toks = cx.toks;
    let opens = k == 0
        || toks[k].nl_before > 0
        || [b',', b':', b';']
            .iter()
            .any(|&c| toks[k - 1].is_punct(cx.text, c));
    if !opens {
        return None;
    }
    let j = capital_surname_last(cx, k)?;
    let g = j + 1;
    if g >= toks.len()
        || toks[g].nl_before > 0
        || !toks[g].space_before
        || !cx.is_cap(g)
        || is_particle(cx.w(g))
        || cx.features(g) & (F_FIRST | F_NONNAME) != F_FIRST
        || cx.common_word(j)
        || cx.title_class(j).is_some()
        || cx.is_org(j)
        || (j == k && cx.is_place_toks(j, j))
    {
        return None;
    }
    let ends = toks.get(g + 1).is_none_or(|n| {
        n.nl_before > 0 || [b',', b';', b'('].iter().any(|&c| n.is_punct(cx.text, c))
    });
    ends.then(|| person(toks[k].start(), toks[g].end(), 0.7, "name.capital_surname"))
}

/// Initials after "heer" or "mevrouw", then the particles and the surname, are a name whatever
/// the surname is ("de heer H. de Rijk", where "Rijk" is also the State; "mevrouw A. van
/// Staat"): the salutation and the initials leave no other reading. From initial `k`.
fn salutation_initials_name(cx: &mut Ctx, k: usize) -> Option<Finding> {
    let toks = cx.toks;
    let mut j = k;
    while j + 2 < toks.len() && cx.is_initial(j) && toks[j + 2].nl_before == 0 {
        j += 2;
    }
    if j == k {
        return None;
    }
    while j < toks.len()
        && toks[j].class == Class::Word
        && !toks[j].cap
        && toks[j].nl_before == 0
        && is_particle(cx.w(j))
    {
        j += 1;
    }
    if j >= toks.len() || toks[j].nl_before > 0 || !cx.is_cap(j) || is_particle(cx.w(j)) {
        return None;
    }
    Some(person(
        toks[k].start(),
        toks[j].end(),
        0.7,
        "name.salutation_initials",
    ))
}

/// Plural and collective office words of an attendance list that the title lexicon lacks
/// (it holds "burgemeester", "voorzitter", "griffier" …): Flemish minutes write "Schepenen"
/// and "Secretarie" beside the names, as headings of their part of the list.
const LIST_OFFICES: [&str; 7] = [
    "schepen",
    "schepenen",
    "secretarie",
    "raadsleden",
    "gemeenteraadsleden",
    "gemeenteraadslid",
    "wethouders",
];

/// Whether word `i` is a word of [`LIST_OFFICES`], a heading of its part of a list.
fn list_office(cx: &Ctx, i: usize) -> bool {
    let t = cx.toks[i];
    t.class == Class::Word && list_office_bytes(cx.w(i).as_bytes())
}

/// Whether a capitalised word is one of [`LIST_OFFICES`]; its first letter and length are
/// tested before the list.
fn list_office_bytes(w: &[u8]) -> bool {
    matches!(w.first(), Some(b'S' | b'R' | b'G' | b'W'))
        && (6..=18).contains(&w.len())
        && LIST_OFFICES
            .iter()
            .any(|o| w.eq_ignore_ascii_case(o.as_bytes()))
}

/// Whether word `i` of a finding whose last token is `b` is an office and no surname: a word
/// of [`LIST_OFFICES`], or a role title ("Burgemeester") with the next name after it in the
/// finding ("… Burgemeester Dirk …"). A role title that ends a name may be its surname
/// ("Dijkgraaf"), and "Koning" and "Prins" are surnames too.
fn office_word(cx: &mut Ctx, i: usize, b: usize) -> bool {
    if list_office(cx, i) {
        return true;
    }
    let t = cx.toks[i];
    if i >= b || t.class != Class::Word || !t.cap || cx.features(i) & F_SURNAME != 0 {
        return false;
    }
    cx.title_class(i) == Some(lexicon::TitleClass::Role) && cx.is_cap(i + 1)
}

/// Whether a name starts again at word `i` inside a run of capitalised words that began at
/// `a`: the run so far is a given name and at least one more word, and `i` is a given name
/// after a surname ("… van der Mark Femke Dalstra …"), that is after a word that is no given
/// name, or one that a particle makes a surname ("van der Mark"). Not after a given name
/// ("Jan Peter Balkenende"), nor where the run does not open with a known given name
/// ("Abdurahman Abdi Aden", whose names are all given names).
fn name_restarts_at(cx: &mut Ctx, a: usize, i: usize) -> bool {
    if i < a + 2 || !cx.is_cap(i) || is_particle(cx.w(i)) || cx.features(i) & F_FIRST == 0 {
        return false;
    }
    if !cx.is_cap(a) || cx.features(a) & F_FIRST == 0 {
        return false;
    }
    let p = i - 1;
    if cx.toks[i].nl_before > 0 || !cx.is_cap(p) || is_particle(cx.w(p)) {
        return false;
    }
    cx.features(p) & F_FIRST == 0 || (p > a && is_particle(cx.w(p - 1)))
}

/// The element ranges of the pieces of a chain of three elements or more that holds an office
/// word or a second name ("Annick Lambrecht Burgemeester Dirk", "Ronald van der Mark André
/// Oostdijk Rachel Beerepoot"), the chain reader
/// hands on each piece as a chain of its own, so that the rules and the model (in training as
/// in detection) decide each name, not the whole run as one wrong candidate. A word of
/// [`LIST_OFFICES`] is left out; a role title opens the next piece, where it is the title of
/// the name after it ("Burgemeester Dirk …"). Nothing is cut at the chain's first word. At
/// most four pieces; none (`n` 0) where nothing is cut.
pub(super) fn chain_pieces(cx: &mut Ctx, els: &[(usize, El)]) -> ([(usize, usize); 4], usize) {
    let e = els.len().saturating_sub(1);
    let mut pieces = [(0, e); 4];
    if els.len() < 3 {
        return (pieces, 0);
    }
    let b = els[e].0;
    let mut n = 0;
    let mut from = 0;
    for k in 1..=e {
        let (t, kind) = els[k];
        if kind != El::Cap || n == 3 || k <= from {
            continue;
        }
        if list_office(cx, t) {
            pieces[n] = (from, k - 1);
            n += 1;
            from = k + 1;
        } else if office_word(cx, t, b) || (k < e && restarts_in_piece(cx, &els[from..k], t)) {
            pieces[n] = (from, k - 1);
            n += 1;
            from = k;
        }
    }
    if n > 0 && from <= e {
        pieces[n] = (from, e);
        n += 1;
    }
    (pieces, n)
}

/// Whether a name restarts at word `t` after the piece `els` so far, read from the piece's first
/// given name: a chain may open with a word that trimming drops ("Eindrapport Rutger …").
fn restarts_in_piece(cx: &mut Ctx, els: &[(usize, El)], t: usize) -> bool {
    let Some(&(a, _)) = els
        .iter()
        .find(|&&(j, kind)| kind == El::Cap && cx.features(j) & F_FIRST != 0)
    else {
        return false;
    };
    name_restarts_at(cx, a, t)
}

/// A person finding that is one office word of an attendance list alone ("Schepenen" at the
/// end of a line of names): no name. (Runs of names and offices are cut where the chains are
/// read, [`chain_pieces`].) The first letter and length are tested before the word.
fn drop_lone_offices(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let bytes = cx.text.as_bytes();
    let lone = |f: &Finding| f.kind == Kind::Person && list_office_bytes(&bytes[f.start..f.end]);
    if out.iter().any(lone) {
        out.retain(|f| !lone(f));
    }
}

/// The surnames listed after "de heren" or "de dames" ("mevrouw Vink en de heren Bracht, Van
/// ’t Hoeve en Foppen"), from the first item's word `k`: a list of persons by its head, so
/// every item is a name, also a surname that is an ordinary word ("Bracht", "Foppen"), which
/// the list rules leave alone after heads like "de leden" that departments may follow.
fn gentlemen_list(cx: &mut Ctx, k: usize, found: &mut Vec<Finding>) {
    let toks = cx.toks;
    let mut j = k;
    let mut items = 0;
    while j < toks.len() && items < 20 {
        let Some(end) = list_item(cx, j) else { break };
        if cx.is_org(end) {
            break;
        }
        found.push(person(
            toks[j].start(),
            toks[end].end(),
            0.7,
            "name.gentlemen",
        ));
        items += 1;
        // "," or "en" and the next item on the same line.
        let sep = end + 1;
        let more = toks.get(sep).is_some_and(|t| {
            t.nl_before == 0 && (t.is_punct(cx.text, b',') || t.text(cx.text) == "en")
        });
        if !more {
            break;
        }
        j = sep + 1;
    }
}

/// The last token of a list item at `j` of initials, particles and one capitalised word that
/// is no title ("Bracht", "Van ’t Hoeve", "H. de Boer"), on one line.
fn list_item(cx: &mut Ctx, j: usize) -> Option<usize> {
    let toks = cx.toks;
    let mut k = j;
    while k + 1 < toks.len() && cx.is_initial(k) {
        k += 2;
    }
    while k < toks.len() && toks[k].class == Class::Word && is_particle(cx.w(k)) {
        k += 1;
    }
    let t = toks.get(k)?;
    if (k > j && t.nl_before > 0) || toks[j].nl_before > 0 || !cx.is_cap(k) {
        return None;
    }
    if cx.title_class(k).is_some() {
        return None;
    }
    Some(k)
}

/// The head of state in a decree's formula ("Wij Willem-Alexander, bij de gratie Gods, Koning
/// der Nederlanden"), from the name's first word `k` after "Wij", and the same name as the
/// decree's signature on a line of its own.
fn royal_formula(cx: &mut Ctx, k: usize, found: &mut Vec<Finding>) {
    let toks = cx.toks;
    let mut last = k;
    while last + 1 < toks.len() && last < k + 3 && cx.toks[last + 1].class == Class::Word {
        last += 1;
    }
    let phrase = ["bij", "de", "gratie", "Gods"];
    let formula = last + 5 < toks.len()
        && toks[last + 1].is_punct(cx.text, b',')
        && (0..4).all(|i| toks[last + 2 + i].text(cx.text) == phrase[i]);
    if !formula || !(k..=last).all(|i| toks[i].cap) {
        return;
    }
    let bytes = cx.text.as_bytes();
    let (s, e) = (toks[k].start(), toks[last].end());
    found.push(person(s, e, 0.8, "name.royal"));
    // The signature: the name alone on its line, a full stop after it at most.
    let name = &bytes[s..e];
    for q in memchr::memmem::find_iter(bytes, name) {
        if q == s {
            continue;
        }
        let line_before = bytes[..q]
            .iter()
            .rev()
            .find(|&&b| b != b' ')
            .is_none_or(|&b| b == b'\n');
        let after = &bytes[q + name.len()..];
        let line_after = after
            .iter()
            .find(|&&b| b != b' ' && b != b'.')
            .is_none_or(|&b| b == b'\n' || b == b'\r');
        if line_before && line_after {
            found.push(person(q, q + name.len(), 0.8, "name.royal"));
        }
    }
}

/// Kin nouns the title lexicon holds ("zijn zoon Daan"), which are surnames too ("Zoon",
/// "Broer", "Neef"): after an abbreviated salutation they are the surname.
const KIN: [&str; 8] = [
    "zoon", "dochter", "vader", "moeder", "broer", "zus", "neef", "oom",
];

/// A capitalised word `k` after an abbreviated salutation ("Afscheid statenlid dhr. Zoon",
/// "mw. Visser"): a surname, also one that is an ordinary word or a kin noun, unless it is
/// another title, a place or an organisation. Names of more words are the chain rules' ("dhr.
/// De Vries").
fn salutation_abbreviation_name(cx: &mut Ctx, k: usize) -> Option<Finding> {
    let toks = cx.toks;
    let abbr = toks[k - 2];
    let n = abbr.end() - abbr.start();
    // Not in capitals: "HR. Let op" is human resources.
    if abbr.class != Class::Word || abbr.all_caps || !(2..=4).contains(&n) {
        return None;
    }
    if !["dhr", "hr", "mw", "mevr"]
        .iter()
        .any(|a| abbr.text(cx.text).eq_ignore_ascii_case(a))
    {
        return None;
    }
    let alone = toks
        .get(k + 1)
        .is_none_or(|n| n.class != Class::Word || n.nl_before > 0 || !n.cap);
    let kin = KIN.iter().any(|w| cx.w(k).eq_ignore_ascii_case(w));
    if !cx.is_cap(k)
        || is_particle(cx.w(k))
        || !alone
        || (cx.title_class(k).is_some() && !kin)
        || cx.is_org(k)
        || cx.is_place_toks(k, k)
    {
        return None;
    }
    Some(person(
        toks[k].start(),
        toks[k].end(),
        0.7,
        "name.salutation_abbr",
    ))
}

/// Names found too short, extended over what belongs to them (and a name broken over a blank
/// line, [`name_broken_over_blank_line`]):
/// - a capitalised "In", "Op" or "Uit" that ends the finding and the particles and surname
///   after it ("J.M.G. In" + "den Kleef");
/// - the first word of a surname of two capitalised words in a list of surnames ("Bruins,
///   Bruins Slot, Buitenweg"), where only the second was found.
fn extend_found_names(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let bytes = cx.text.as_bytes();
    let mut found = Vec::new();
    // The ends of the names found, built for the first name that may be a second word.
    let mut ends: Option<Vec<usize>> = None;
    for f in out.iter().filter(|f| f.kind == Kind::Person) {
        // Each case is tested on the bytes at the finding's two ends first.
        if matches!(bytes[f.end - 1], b'n' | b'p' | b't') {
            let s = &bytes[f.start..f.end];
            if s.ends_with(b" In") || s.ends_with(b" Op") || s.ends_with(b" Uit") {
                if let Some(end) = particle_surname_after(cx, f.end) {
                    found.push(person(f.start, end, f.score, "name.capital_particle"));
                }
            }
        }
        if bytes.get(f.end) == Some(&b' ')
            && matches!(bytes.get(f.end + 1), Some(b'D' | b'V' | b'L'))
        {
            if let Some(end) = lower_surname_after_particle(cx, f.end) {
                found.push(person(f.start, end, f.score, "name.lower_surname"));
            }
        }
        if let Some(start) = hyphenated_initial_before(bytes, f.start) {
            found.push(person(start, f.end, f.score, "name.hyphenated_initials"));
            continue;
        }
        if f.start > 0 && bytes[f.start - 1] == b'\n' {
            if let Some(g) = name_broken_over_blank_line(cx, f) {
                found.push(g);
            }
            continue;
        }
        if !second_word_in_item(bytes, f) {
            continue;
        }
        let ends = ends.get_or_insert_with(|| crate::offsets_of(out, Kind::Person, |f| f.end));
        if let Some(start) = surname_head_in_list(cx, f, ends) {
            found.push(person(start, f.end, f.score, "name.two_word_surname"));
        }
    }
    out.extend(found);
}

/// The end of particles and a capitalised word right after byte `end` on the same line ("den
/// Kleef").
fn particle_surname_after(cx: &mut Ctx, end: usize) -> Option<usize> {
    let toks = cx.toks;
    let mut k = toks.partition_point(|t| t.start() < end);
    let p = k;
    while k < toks.len()
        && toks[k].class == Class::Word
        && !toks[k].cap
        && toks[k].nl_before == 0
        && is_particle(cx.w(k))
    {
        k += 1;
    }
    if k == p || k >= toks.len() || toks[k].nl_before > 0 || !cx.is_cap(k) {
        return None;
    }
    Some(toks[k].end())
}

/// Initials whose dots OCR dropped but the last, and a surname, as an item of a list ("(PvdA),
/// PJJ. Komen (WHD),"), from the word in capitals `k`: two to four capitals glued to a dot
/// where an item begins (after a comma, a bracket or at a line start), a capitalised word,
/// and a bracket or comma after it.
fn undotted_initials_name(cx: &mut Ctx, k: usize) -> Option<Finding> {
    let toks = cx.toks;
    let t = toks[k];
    if !(2..=4).contains(&(t.end() - t.start())) || k + 3 >= toks.len() {
        return None;
    }
    let (dot, w, after) = (toks[k + 1], k + 2, toks[k + 3]);
    let shaped = dot.is_punct(cx.text, b'.')
        && !dot.space_before
        && toks[w].space_before
        && toks[w].nl_before == 0
        && after.nl_before == 0
        && (after.is_punct(cx.text, b'(') || after.is_punct(cx.text, b','));
    if !shaped || !cx.w(k).bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let opens = k == 0
        || t.nl_before > 0
        || toks[k - 1].is_punct(cx.text, b',')
        || toks[k - 1].is_punct(cx.text, b'(');
    if !opens || !cx.is_cap(w) || is_particle(cx.w(w)) || cx.is_org(k) || cx.is_org(w) {
        return None;
    }
    Some(person(
        t.start(),
        toks[w].end(),
        0.7,
        "name.undotted_initials",
    ))
}

/// Whether a one-word finding is, by its bytes, the second word of a list item: ", Bruins
/// Slot," (a comma and a space, a capitalised word, a space, the finding, a comma or full
/// stop).
fn second_word_in_item(bytes: &[u8], f: &Finding) -> bool {
    if f.start < 5 || bytes[f.start - 1] != b' ' || !matches!(bytes.get(f.end), Some(b',' | b'.')) {
        return false;
    }
    let w = &bytes[f.start..f.end];
    if w.contains(&b' ') {
        return false;
    }
    let mut i = f.start - 1;
    while i > 0 && bytes[i - 1].is_ascii_alphabetic() {
        i -= 1;
    }
    i + 1 < f.start && i >= 2 && bytes[i].is_ascii_uppercase() && &bytes[i - 2..i] == b", "
}

/// The start of the capitalised word before a one-word name in a list of names, where that
/// word opens the item (a comma before it, a name found before the comma): "Bruins, Bruins
/// Slot, Buitenweg", a surname of two words.
fn surname_head_in_list(cx: &mut Ctx, f: &Finding, ends: &[usize]) -> Option<usize> {
    let bytes = cx.text.as_bytes();
    if f.start < 4 || bytes[f.start - 1] != b' ' || bytes[f.start..f.end].contains(&b' ') {
        return None;
    }
    let toks = cx.toks;
    let k = toks.partition_point(|t| t.start() < f.start);
    if k < 2 || k >= toks.len() || toks[k].start() != f.start || toks[k].nl_before > 0 {
        return None;
    }
    let h = k - 1;
    let item_ends = toks
        .get(k + 1)
        .is_some_and(|n| n.is_punct(cx.text, b',') || n.is_punct(cx.text, b'.'));
    let opens = toks[h - 1].is_punct(cx.text, b',') && toks[h].nl_before == 0;
    if !item_ends || !opens || !cx.is_cap(h) || is_particle(cx.w(h)) {
        return None;
    }
    let after_name = h >= 2 && ends.binary_search(&toks[h - 2].end()).is_ok();
    if !after_name || cx.is_org(h) || cx.title_class(h).is_some() || cx.is_place_toks(h, h) {
        return None;
    }
    Some(toks[h].start())
}

/// A given name and a surname that a PDF's text broke over a blank line inside an item of a
/// list (", Linda⏎⏎Verdeyen,"), from the one-word name `f` after the break: one name, as a
/// name broken at a line end is. The word before the break is a given name that a comma
/// opens, and a comma closes the item after the surname.
fn name_broken_over_blank_line(cx: &mut Ctx, f: &Finding) -> Option<Finding> {
    let toks = cx.toks;
    if f.start < 4 || cx.text.as_bytes()[f.start..f.end].contains(&b' ') {
        return None;
    }
    let b = toks.partition_point(|t| t.start() < f.start);
    if b < 2 || b + 1 >= toks.len() || toks[b].end() != f.end {
        return None;
    }
    let a = b - 1;
    let broken = (1..=2).contains(&toks[b].nl_before) && toks[a].nl_before == 0;
    let item = toks[a - 1].is_punct(cx.text, b',')
        && toks[b + 1].is_punct(cx.text, b',')
        && toks[b + 1].nl_before == 0;
    (broken && item && cx.is_cap(a) && cx.features(a) & F_FIRST != 0)
        .then(|| person(toks[a].start(), f.end, 0.7, "name.broken_item"))
}

/// The passes for what the tenth round of real government text showed (g151–g180 and the
/// misses left on g1–g150), run after the others: extensions first, then the findings they
/// and the chain rules made that are no person.
fn round_ten_passes(cx: &mut Ctx, out: &mut Vec<Finding>) {
    unlisted_given_name_before(cx, out);
    name_after_mr(cx, out);
    last_in_name_list(cx, out);
    lower_case_name_after_office(cx, out);
    belgian_party_initials(cx, out);
    dash_note_initials(cx, out);
    // One walk: the findings trimmed, then those that are no person dropped.
    out.retain_mut(|f| {
        if f.kind != Kind::Person {
            return true;
        }
        honorifics_off(cx.text, f);
        trailing_column_word(cx, f);
        f.start < f.end
            && !(venue_named_after(cx.text, f)
                || street_after_particle(cx.text, f)
                || roman_heading(cx.text, f)
                || firm_in_capitals(cx.text, f)
                || street_named(cx.text, f)
                || glued_saint(cx.text, f)
                || country_initials(cx.text, f))
    });
}

/// Words of address before a sovereign's or governor's name, or for them alone ("His
/// Majesty King Willem-Alexander", "Uwe Majesteit", "Hare Excellentie").
const HONORIFICS: [&str; 11] = [
    "His",
    "Her",
    "Hare",
    "Zijne",
    "Uwe",
    "Majesty",
    "Majesteit",
    "Excellentie",
    "Excellency",
    "Hoogheid",
    "Highness",
];

/// Takes the words of address off the front of a finding, and the "King" or "Koning" they
/// put before the name, in the finding or before it ("His Majesty King Willem-Alexander" is
/// "Willem-Alexander"); a finding of nothing else is emptied (and dropped). Tests the first
/// byte before any word.
fn honorifics_off(text: &str, f: &mut Finding) {
    let b = text.as_bytes();
    if !matches!(
        (b[f.start], b.get(f.start + 1)),
        (b'H', Some(b'i' | b'e' | b'a' | b'o'))
            | (b'Z', Some(b'i'))
            | (b'U', Some(b'w'))
            | (b'M', Some(b'a'))
            | (b'E', Some(b'x'))
            | (b'K', Some(b'i' | b'o'))
            | (b'Q', Some(b'u'))
    ) {
        return;
    }
    let first = crate::sub(text, f.start, f.end);
    let first = crate::sub(first, 0, first.find(' ').unwrap_or(first.len()));
    let sovereign_first = matches!(first, "King" | "Queen" | "Koning" | "Koningin");
    if !sovereign_first && !HONORIFICS.contains(&first) {
        return;
    }
    let mut at = f.start;
    // The words of address may stand before the finding ("Her Majesty" + "Queen X").
    let before = crate::sub(text, 0, f.start).trim_end_matches(' ');
    let mut any = sovereign_first
        && before.len() < f.start
        && HONORIFICS.iter().any(|h| {
            before.ends_with(h)
                && !crate::sub(before, 0, before.len() - h.len()).ends_with(char::is_alphabetic)
        });
    loop {
        let rest = crate::sub(text, at, f.end);
        let w = crate::sub(rest, 0, rest.find(' ').unwrap_or(rest.len()));
        let honorific = HONORIFICS.contains(&w);
        let sovereign = any && matches!(w, "King" | "Queen" | "Koning" | "Koningin");
        if !(honorific || sovereign) {
            break;
        }
        any = true;
        at += w.len();
        if at >= f.end {
            f.start = f.end;
            return;
        }
        at += 1;
    }
    f.start = at;
}

/// Cuts a capitalised ordinary word off the end of a name of three words or more that opens
/// its line, when lower-case words follow it, as a table's next column runs on after the
/// name ("Tymon de Weger Monumenten en archeologie"): a surname is no ordinary word that a
/// clause goes on from, unless a particle makes it one ("H. van de Weg en").
fn trailing_column_word(cx: &mut Ctx, f: &mut Finding) {
    let b = cx.text.as_bytes();
    let line_start = f.start == 0 || b[f.start - 1] == b'\n';
    if !line_start
        || b.get(f.end) != Some(&b' ')
        || !b.get(f.end + 1).is_some_and(u8::is_ascii_lowercase)
    {
        return;
    }
    let span = &b[f.start..f.end];
    let Some(sp) = span.iter().rposition(|&c| c == b' ') else {
        return;
    };
    if span.iter().filter(|&&c| c == b' ').count() < 2 {
        return;
    }
    let k = cx.toks.partition_point(|t| t.start() < f.start + sp + 1);
    // After a particle the word is a surname ("H. van de Weg").
    if k >= 1
        && k < cx.toks.len()
        && cx.toks[k].end() == f.end
        && cx.toks[k - 1].class == Class::Word
        && !is_particle(cx.w(k - 1))
        && cx.is_cap(k)
        && cx.common_word(k)
    {
        f.end = f.start + sp;
    }
}

/// Whether token `g` can be a given name that no name list holds ("Ursell", "Indradevie",
/// "Danguillaume"): capitalised, three letters or more, no initial, particle, ordinary Dutch
/// word, never-a-name word, surname, title, place or organisation.
fn unlisted_given_name(cx: &mut Ctx, g: usize) -> bool {
    let t = cx.toks[g];
    cx.is_cap(g)
        && t.end() - t.start() >= 3
        && !cx.is_initial(g)
        && !is_particle(cx.w(g))
        && !list_office(cx, g)
        && cx.features(g) & (F_DUTCH | F_NONNAME | F_SURNAME) == 0
        && cx.title_class(g).is_none()
        && !cx.is_org(g)
        && !cx.is_place_toks(g, g)
        && cx.w(g).chars().all(char::is_alphabetic)
}

/// A given name no list knows, before a name found from its initials or a known given name
/// ("dhr. Ursell M. Arends", "aan Indradevie Marijke Djwalapersad", "Endy J. H. Croes"):
/// Surinamese, Antillean and Aruban given names are often in no name list, so the chain
/// started after them. The word before the finding on its line is taken
/// ([`unlisted_given_name`]) where it follows a lower-case word, a comma, colon or
/// semicolon, a title's dot or the start of its line, not another capitalised word (a
/// heading, "Kabinet").
fn unlisted_given_name_before(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let (toks, text) = (cx.toks, cx.text);
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for f in out.iter().filter(|f| f.kind == Kind::Person) {
        // On the bytes first: a space, a letter before it, and that word's first letter a
        // capital (or not ASCII).
        if f.start < 4 || bytes[f.start - 1] != b' ' || !bytes[f.start - 2].is_ascii_alphabetic() {
            continue;
        }
        let w0 = bytes[f.start.saturating_sub(24)..f.start - 1]
            .iter()
            .rposition(|c| !c.is_ascii_alphabetic())
            .map_or(f.start.saturating_sub(24), |i| {
                f.start.saturating_sub(24) + i + 1
            });
        if bytes[w0].is_ascii_lowercase() {
            continue;
        }
        let k = toks.partition_point(|t| t.start() < f.start);
        if k < 1 || k >= toks.len() || toks[k].start() != f.start || toks[k].nl_before > 0 {
            continue;
        }
        let several = bytes[f.start..f.end].contains(&b' ');
        // A legal form is no initials ("do Brasil S.A.").
        let legal = [&b"S.A."[..], b"N.V.", b"B.V.", b"A.G."];
        if legal.iter().any(|l| bytes[f.start..].starts_with(l)) {
            continue;
        }
        if !(cx.is_initial(k) || (several && cx.features(k) & F_FIRST != 0)) {
            continue;
        }
        let g = k - 1;
        if !unlisted_given_name(cx, g) {
            continue;
        }
        // Before initials the line's start will do ("Endy J. H. Croes"); before a given name,
        // where a heading or an office opens lines ("Bondscoach Robert Waseige"), it will not.
        let initials = cx.is_initial(k);
        let opens = (initials && (g == 0 || toks[g].nl_before > 0))
            || g > 0 && toks[g].nl_before == 0 && {
                let p = toks[g - 1];
                match p.class {
                    // Not after a particle: "minister van Leefmilieu Vera Dua", "do Brasil S.A.".
                    Class::Word => !p.cap && !is_particle(cx.w(g - 1)),
                    Class::Punct => {
                        matches!(p.text(text), "," | ":" | ";")
                            || (p.is_punct(text, b'.') && g >= 2 && cx.title_class(g - 2).is_some())
                    }
                    _ => false,
                }
            };
        if opens {
            found.push(person(
                toks[g].start(),
                f.end,
                f.score,
                "name.unlisted_given",
            ));
        }
    }
    out.extend(found);
}

/// Whether token `j` is "mr" or "Mr", the lawyer's title (a document's head writes "Mr
/// Wortel" without the dot).
fn is_mr(cx: &Ctx, j: usize) -> bool {
    cx.toks[j].class == Class::Word && matches!(cx.w(j), "mr" | "Mr")
}

/// A surname after "mr": one in lower-case particles ("mr. van Essen", the particles of a
/// name without its initials are written in lower case), or one word alone on its line
/// after "Mr" that is also an ordinary word ("Mr Wortel", "Mr. Jörg⏎Zitting" in the head of
/// an advocate-general's conclusion). Starts from the bytes "mr." and "Mr" (two scans), and
/// from the word after the title up to three particles on.
fn name_after_mr(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let (toks, text) = (cx.toks, cx.text);
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // "mr. " by "mr.", "Mr. " and "Mr " by "Mr".
    let at_mr = memchr::memmem::find_iter(bytes, b"mr.")
        .chain(memchr::memmem::find_iter(bytes, b"Mr"))
        .filter(|&i| {
            (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
                && matches!(bytes.get(i + 2..i + 4), Some(b". ") | Some([b' ', _]))
        });
    for i in at_mr {
        let m = toks.partition_point(|t| t.start() < i);
        // The capitalised word after the title: past its dot and up to three particles.
        let mut k = m + 1;
        if toks.get(k).is_some_and(|t| t.is_punct(text, b'.')) {
            k += 1;
        }
        while k < toks.len()
            && k <= m + 5
            && toks[k].class == Class::Word
            && !toks[k].cap
            && is_particle(cx.w(k))
        {
            k += 1;
        }
        if k >= toks.len() || m >= toks.len() || toks[m].start() != i || !toks[k].cap {
            continue;
        }
        if k < 2 || toks[k].nl_before > 0 || !toks[k].space_before || toks[k].all_caps {
            continue;
        }
        // Back over lower-case particles ("van der").
        let mut j = k - 1;
        while j > 0
            && k - j <= 3
            && toks[j].class == Class::Word
            && !toks[j].cap
            && toks[j].nl_before == 0
            && is_particle(cx.w(j))
        {
            j -= 1;
        }
        let particles = j + 1 < k;
        let title = if toks[j].is_punct(text, b'.') && !toks[j].space_before && j > 0 {
            j - 1
        } else {
            j
        };
        if !is_mr(cx, title) || toks[j].nl_before > 0 {
            continue;
        }
        // A place's name after the title is a surname ("mr. van Essen", "Mr Wortel").
        if !cx.is_cap(k)
            || is_particle(cx.w(k))
            || cx.is_initial(k)
            || cx.title_class(k).is_some()
            || cx.is_org(k)
        {
            continue;
        }
        // Alone: the line ends, or a field's label follows ("Mr Wortel Zitting: 31 oktober"); not
        // a quoted nickname ("' Mr. Big '").
        let label_after = |n: usize| {
            toks.get(n + 1)
                .is_some_and(|c| !c.space_before && c.is_punct(text, b':'))
        };
        let alone = toks
            .get(k + 1)
            .is_none_or(|n| n.nl_before > 0 || (n.class == Class::Word && label_after(k + 1)));
        if particles {
            found.push(person(
                toks[j + 1].start(),
                toks[k].end(),
                0.7,
                "name.mr_particles",
            ));
        } else if alone {
            found.push(person(
                toks[k].start(),
                toks[k].end(),
                0.7,
                "name.mr_surname",
            ));
        }
    }
    out.extend(found);
}

/// The last surname of a list whose others were found ("de leden Chacor, Erkens en
/// Palmen"): after two names joined by a comma, " en " and a capitalised word (with its
/// particles) that ends the clause, no ordinary word's heading or organisation, is a name
/// too, also where it is an ordinary word ("Palmen").
fn last_in_name_list(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let (toks, text) = (cx.toks, cx.text);
    let bytes = text.as_bytes();
    // One walk: the names before " en ", and (only asked about) the ends before ", " and the
    // starts after " en ".
    let (mut spans, mut ends, mut starts) = (Vec::new(), Vec::new(), Vec::new());
    for f in out.iter().filter(|f| f.kind == Kind::Person) {
        match bytes.get(f.end..f.end + 2) {
            Some(b", ") => ends.push(f.end),
            Some(b" e") if bytes.get(f.end + 2..f.end + 4) == Some(b"n ") => {
                spans.push((f.start, f.end))
            }
            _ => {}
        }
        if f.start >= 4 && &bytes[f.start - 4..f.start] == b" en " {
            starts.push(f.start);
        }
    }
    if spans.is_empty() {
        return;
    }
    ends.sort_unstable();
    starts.sort_unstable();
    spans.sort_unstable();
    let mut found = Vec::new();
    for (s, e) in spans {
        // The name before: ", " directly before this one ends another finding.
        if s < 3 || &bytes[s - 2..s] != b", " || ends.binary_search(&(s - 2)).is_err() {
            continue;
        }
        let mut k = toks.partition_point(|t| t.start() < e + 4);
        let first = k;
        while k + 1 < toks.len() && toks[k].nl_before == 0 && is_particle(cx.w(k)) {
            k += 1;
        }
        if k >= toks.len()
            || toks[first].nl_before > 0
            || toks[k].nl_before > 0
            || starts.binary_search(&toks[first].start()).is_ok()
            || !cx.is_cap(k)
            || cx.features(k) & F_NONNAME != 0
            || cx.title_class(k).is_some()
            || cx.is_org(k)
            || cx.is_place_toks(k, k)
        {
            continue;
        }
        // The clause ends after it: punctuation or the line's end, not another word.
        let closes = toks
            .get(k + 1)
            .is_none_or(|n| n.nl_before > 0 || n.class == Class::Punct);
        if closes {
            found.push(person(
                toks[first].start(),
                toks[k].end(),
                0.7,
                "name.list_last",
            ));
        }
    }
    out.extend(found);
}

/// A surname in lower case after an office, as an OCR'd or hastily typed text has it: after
/// "commissie-" a word that is no ordinary word ("de commissie-deetman"); after
/// "gedeputeerde" a word the text names as a person in capitals there ("gedeputeerde Straat"
/// ... "van gedeputeerde straat"). A scan for "commissie-", and one for "gedeputeerde " only
/// where a person found follows it.
fn lower_case_name_after_office(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let text = cx.text;
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // The one-word persons in lower case, for the second form.
    let mut named: Option<Vec<String>> = None;
    // The second form only where the text names someone after "gedeputeerde " in capitals.
    let named_after = out.iter().any(|f| {
        f.kind == Kind::Person
            && f.start >= 13
            && bytes[f.start - 13..f.start].eq_ignore_ascii_case(b"gedeputeerde ")
    });
    let forms: &[(&[u8], bool)] = if named_after {
        &[(b"commissie-", true), (b"gedeputeerde ", false)]
    } else {
        &[(b"commissie-", true)]
    };
    for &(prefix, known) in forms {
        for at in memchr::memmem::find_iter(bytes, prefix) {
            let s = at + prefix.len();
            let e = s + bytes[s..]
                .iter()
                .position(|c| !c.is_ascii_lowercase())
                .unwrap_or(bytes.len() - s);
            if e - s < 3
                || bytes
                    .get(e)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-')
            {
                continue;
            }
            let w = &bytes[s..e];
            let bits = lexicon::ascii_word_bits(w);
            // After "commissie-" any word that is no ordinary Dutch word, place or
            // organisation: a commission is named after its chair, known or not.
            let hit = if known {
                e - s >= 4
                    && bits
                        & (lexicon::W_DUTCH
                            | lexicon::W_NONNAME
                            | lexicon::W_PLACE
                            | lexicon::W_ORG)
                        == 0
                    && !lexicon::is_org_compound(std::str::from_utf8(w).unwrap_or(""))
            } else {
                named
                    .get_or_insert_with(|| one_word_persons(text, out))
                    .binary_search_by(|n| n.as_bytes().cmp(w))
                    .is_ok()
            };
            if hit {
                found.push(person(s, e, 0.6, "name.lower_after_office"));
            }
        }
    }
    out.extend(found);
}

/// The persons of one word that start with a capital, lower-cased and sorted.
fn one_word_persons(text: &str, out: &[Finding]) -> Vec<String> {
    let mut v: Vec<String> = out
        .iter()
        .filter(|f| f.kind == Kind::Person)
        .map(|f| crate::sub(text, f.start, f.end))
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()) && !w.contains([' ', '.']))
        .map(str::to_lowercase)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Parties a Belgian court names by their initials, one to a line and closed by a comma
/// ("1. J. H.,", "P. K.,", "D. J., advocaat"): two or three capitals with a dot and a space
/// between, at the start of a line or after the item's number. Starts from ".," (rare).
fn belgian_party_initials(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let bytes = cx.text.as_bytes();
    let mut found = Vec::new();
    for at in memchr::memmem::find_iter(bytes, ".,") {
        // Back from the last initial's dot at `at`, over "X. " pairs.
        let (mut dot, mut n) = (at, 0);
        let s = loop {
            let Some(letter) = dot.checked_sub(1) else {
                break None;
            };
            if !bytes[letter].is_ascii_uppercase()
                || (letter >= 1 && bytes[letter - 1].is_ascii_alphabetic())
            {
                break None;
            }
            n += 1;
            let pair_before = n < 3
                && letter >= 3
                && bytes[letter - 1] == b' '
                && bytes[letter - 2] == b'.'
                && bytes[letter - 3].is_ascii_uppercase()
                && (letter < 4 || !bytes[letter - 4].is_ascii_alphanumeric());
            if !pair_before {
                break Some(letter);
            }
            dot = letter - 2;
        };
        let Some(s) = s.filter(|_| n >= 2) else {
            continue;
        };
        let line_start = memchr::memrchr(b'\n', &bytes[..s]).map_or(0, |i| i + 1);
        let head = &bytes[line_start..s];
        let numbered = head.len() <= 4
            && head.ends_with(b". ")
            && head[..head.len() - 2].iter().all(u8::is_ascii_digit);
        if head.is_empty() || numbered {
            found.push(person(s, at + 1, 0.6, "name.party_initials"));
        }
    }
    out.extend(found);
}

/// A note's signature after a dash at the end of its line ("... niet overnemen in het
/// besluit. - FdJ"): the initials of a person the text names ("F. de Jong": the given names'
/// initials, the particles' in lower case, the surname's). Starts from " - " (one scan) and
/// the short word with two capitals or more after it that ends its line.
fn dash_note_initials(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let (toks, bytes) = (cx.toks, cx.text.as_bytes());
    let mut found = Vec::new();
    let mut sigs: Option<Vec<Vec<u8>>> = None;
    for at in memchr::memmem::find_iter(bytes, b" - ") {
        let k = toks.partition_point(|t| t.start() < at + 3);
        let Some(&t) = toks.get(k) else {
            continue;
        };
        if t.class != Class::Word || !t.cap || t.nl_before > 0 {
            continue;
        }
        let w = &bytes[t.start()..t.end()];
        if !(2..=5).contains(&w.len())
            || t.class != Class::Word
            || !(w[1].is_ascii_uppercase() || w[w.len() - 1].is_ascii_uppercase())
            || w.iter().filter(|c| c.is_ascii_uppercase()).count() < 2
        {
            continue;
        }
        let line_ends = bytes[t.end()..]
            .iter()
            .find(|c| !matches!(c, b' ' | b'\t'))
            .is_none_or(|&c| c == b'\n' || c == b'\r');
        let dash = bytes[..t.start()].trim_ascii_end().ends_with(b" -");
        if !(line_ends && dash) {
            continue;
        }
        let sigs = sigs.get_or_insert_with(|| name_initials(cx.text, out));
        if sigs.iter().any(|s| s.as_slice() == w) {
            found.push(person(t.start(), t.end(), 0.7, "name.note_initials"));
        }
    }
    out.extend(found);
}

/// The initials of the persons found with a given name or initials: each given name's or
/// initial's capital, each particle's first letter in lower case, the surname's capital.
fn name_initials(text: &str, out: &[Finding]) -> Vec<Vec<u8>> {
    let mut v = Vec::new();
    for f in out.iter().filter(|f| f.kind == Kind::Person) {
        let words: Vec<&str> = crate::sub(text, f.start, f.end)
            .split([' ', '.', '\n'])
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() < 2 || words.len() > 5 {
            continue;
        }
        let mut sig = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let c = w.as_bytes()[0];
            if i + 1 < words.len() && is_particle(w) {
                sig.push(c.to_ascii_lowercase());
            } else {
                sig.push(c.to_ascii_uppercase());
            }
        }
        v.push(sig);
    }
    v
}

/// Whether the finding follows a lower-case word for a hall or building named after a
/// person ("zaal Alfred Van Roy"): a name of a place, as a street's is.
fn venue_named_after(text: &str, f: &Finding) -> bool {
    const VENUES: [&str; 4] = ["zaal", "aula", "auditorium", "raadzaal"];
    let b = text.as_bytes();
    if f.start < 5 || b[f.start - 1] != b' ' || !matches!(b[f.start - 2], b'l' | b'a' | b'm') {
        return false;
    }
    let w0 = b[..f.start - 1]
        .iter()
        .rposition(|c| !c.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    let w = &b[w0..f.start - 1];
    VENUES.iter().any(|v| w.eq_ignore_ascii_case(v.as_bytes()))
}

/// Whether the finding ends in a capitalised particle that a street's name goes on from
/// ("Frans Van" of "Frans Van Hombeeckplein 33"): the whole is a street named after a
/// person. A name never ends in its particle.
fn street_after_particle(text: &str, f: &Finding) -> bool {
    let b = text.as_bytes();
    if b.get(f.end) != Some(&b' ')
        || !b.get(f.end + 1).is_some_and(u8::is_ascii_uppercase)
        || !b[f.start..f.end].contains(&b' ')
    {
        return false;
    }
    let sp = b[f.start..f.end]
        .iter()
        .rposition(|&c| c == b' ')
        .unwrap_or(0);
    let last = crate::sub(text, f.start + sp + 1, f.end);
    if !is_particle(last) {
        return false;
    }
    let rest = crate::sub(text, f.end + 1, text.len());
    let w = crate::sub(
        rest,
        0,
        rest.find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len()),
    );
    street_ending(w.as_bytes()) || crate::ident::is_street_word(w)
}

/// Whether the finding is a numbered heading alone on its line ("I. Inleiding", "V.
/// Beoordeling"): a Roman numeral's letter and an ordinary Dutch word, read as an initial and
/// a surname.
fn roman_heading(text: &str, f: &Finding) -> bool {
    let b = text.as_bytes();
    if f.end - f.start < 5
        || !matches!(b[f.start], b'I' | b'V' | b'X')
        || &b[f.start + 1..f.start + 3] != b". "
    {
        return false;
    }
    let at_line_start = f.start == 0 || b[f.start - 1] == b'\n';
    let line_ends = b.get(f.end).is_none_or(|&c| c == b'\n' || c == b'\r');
    let w = crate::sub(text, f.start + 3, f.end);
    at_line_start
        && line_ends
        && w.chars().all(char::is_alphabetic)
        && lexicon::bits_any_case(w, &mut String::new()) & (lexicon::W_DUTCH | lexicon::W_SURNAME)
            == lexicon::W_DUTCH
}

/// Whether the finding is in capitals and the words in capitals after it on its line end in
/// a legal form ("TARA BEACH RESORT N.V."): a firm's name, not a person's.
fn firm_in_capitals(text: &str, f: &Finding) -> bool {
    let b = text.as_bytes();
    if !b[f.start..f.end].iter().all(|c| !c.is_ascii_lowercase()) || b.get(f.end) != Some(&b' ') {
        return false;
    }
    let line_end = memchr::memchr(b'\n', &b[f.end..]).map_or(b.len(), |i| f.end + i);
    let rest = crate::sub(text, f.end, line_end);
    for w in rest.split_whitespace() {
        let w = w.trim_end_matches(',');
        if matches!(w, "N.V." | "B.V." | "NV" | "BV" | "V.O.F.") {
            return true;
        }
        if w.bytes().any(|c| c.is_ascii_lowercase()) {
            return false;
        }
    }
    false
}

/// The passes for what the eleventh round of real texts showed (g181–g210 and earlier
/// misses): an initial before a surname in letter-spaced capitals, a name opening a table's
/// line, a given name in capitals before initials, "Surname, Given name" found as two names.
/// The findings that are a street, a saint's place or a country's abbreviation
/// ([`street_named`], [`glued_saint`], [`country_initials`]) are dropped in the one walk of
/// [`round_ten_passes`].
fn round_eleven_passes(cx: &mut Ctx, out: &mut Vec<Finding>) {
    capital_walk(cx, out);
    capital_given_name_before_initials(cx, out);
    surname_comma_given_name(cx, out);
}

/// One walk over the capitalised words for the two passes that start at one: a one-letter
/// initial ([`letter_spaced_surname`]) and a word that opens a line
/// ([`name_before_column_word`]). Nearly every word fails both tests on its offsets.
fn capital_walk(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let toks = cx.toks;
    let (mut spaced, mut column) = (Vec::new(), Vec::new());
    for &k in cx.caps {
        let k = k as usize;
        let t = toks[k];
        if t.end() - t.start() == 1 {
            if let Some(f) = letter_spaced_surname(cx, k) {
                spaced.push(f);
            }
        } else if k == 0 || t.nl_before > 0 {
            if let Some(f) = name_before_column_word(cx, k, out) {
                column.push(f);
            }
        }
    }
    if !spaced.is_empty() {
        out.retain(|f| {
            f.kind != Kind::Person || !spaced.iter().any(|g| f.start < g.end && g.start < f.end)
        });
    }
    out.extend(spaced);
    out.extend(column);
}

/// An initial before a surname whose letters an OCR'd title page spaced out ("samengesteld
/// door W. V A N M U L K E N"): the tokens are single capitals, so no rule read a surname.
/// Starts from a one-letter capital with its dot; the letters after it (four or more, one
/// space apart, on its line) are the surname.
fn letter_spaced_surname(cx: &mut Ctx, k: usize) -> Option<Finding> {
    let (toks, text) = (cx.toks, cx.text);
    if !cx.is_initial(k) {
        return None;
    }
    let mut j = k + 2;
    let mut letters = 0;
    while let Some(t) = toks.get(j) {
        let one_capital = t.end() - t.start() == 1 && t.cap;
        if !one_capital || t.nl_before > 0 || !t.space_before || t.start() != toks[j - 1].end() + 1
        {
            break;
        }
        // Another initial is no letter of the surname ("J. K. Smit").
        if toks
            .get(j + 1)
            .is_some_and(|d| !d.space_before && d.is_punct(text, b'.'))
        {
            break;
        }
        letters += 1;
        j += 1;
    }
    // A spaced heading after a section's letter is an ordinary word ("A. I N L E I D I N
    // G"), not a surname.
    (letters >= 4 && !spaced_word_is_dutch(text, toks[k + 2].start(), toks[j - 1].end())).then(
        || {
            person(
                toks[k].start(),
                toks[j - 1].end(),
                0.9,
                "name.letter_spaced",
            )
        },
    )
}

/// Whether the letters spaced out between `s` and `e` spell an ordinary Dutch word that is
/// no surname.
fn spaced_word_is_dutch(text: &str, s: usize, e: usize) -> bool {
    let word: String = crate::sub(text, s, e)
        .chars()
        .filter(|c| *c != ' ')
        .collect();
    let bits = lexicon::bits_any_case(&word, &mut String::new());
    bits & lexicon::W_DUTCH != 0 && bits & lexicon::W_SURNAME == 0
}

/// A given name in capitals before a name found from its initials, where the surname is in
/// capitals too, as a bailiff's notice writes the person summoned ("OPGEROEPEN: ANTON G.
/// FISCHMAN"): the given name belongs to the name. Starts from the findings that open with
/// an initial and end in capitals.
fn capital_given_name_before_initials(cx: &mut Ctx, out: &mut [Finding]) {
    let b = cx.text.as_bytes();
    for f in out.iter_mut().filter(|f| f.kind == Kind::Person) {
        if f.start < 3
            || b[f.start - 1] != b' '
            || !b[f.start].is_ascii_uppercase()
            || b.get(f.start + 1) != Some(&b'.')
            || b[f.start..f.end].iter().any(u8::is_ascii_lowercase)
        {
            continue;
        }
        let k = cx.toks.partition_point(|t| t.start() < f.start);
        if k == 0 || k >= cx.toks.len() || cx.toks[k].nl_before > 0 {
            continue;
        }
        let g = k - 1;
        let t = cx.toks[g];
        if !t.all_caps || t.end() + 1 != f.start {
            continue;
        }
        let bits = lexicon::bits_any_case(cx.w(g), &mut String::new());
        if bits & lexicon::W_FIRST != 0 && bits & (lexicon::W_NONNAME | lexicon::W_ORG) == 0 {
            f.start = t.start();
        }
    }
}

/// "Surname, Given name" in running text whose surname alone was found ("de exploitant,
/// Sultan, Rana met exploitatieadres"): one name, as the guidelines mark it. The word after
/// the comma is one capitalised known given name and a lower-case word goes on after it, so
/// that the two are no items of a list of names ("en" after them would make them two); the
/// surname is one word that is no never-a-name word.
fn surname_comma_given_name(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let b = cx.text.as_bytes();
    let mut taken = Vec::new();
    for (i, f) in out.iter().enumerate() {
        if f.kind != Kind::Person
            || b.get(f.end..f.end + 2) != Some(&b", "[..])
            || b[f.start..f.end].iter().any(|&x| x == b' ' || x == b'.')
        {
            continue;
        }
        let k = cx.toks.partition_point(|t| t.start() < f.end + 2);
        if k >= cx.toks.len() || cx.toks[k].start() != f.end + 2 || !cx.is_cap(k) {
            continue;
        }
        let end = cx.toks[k].end();
        let goes_on =
            b.get(end) == Some(&b' ') && b.get(end + 1).is_some_and(u8::is_ascii_lowercase);
        // Nor a particle, as given name or after it: "Van de Kamp", "Tony van Dijck" are the
        // next names of a list.
        if !goes_on
            || cx.features(k) & (F_FIRST | F_NONNAME) != F_FIRST
            || is_particle(cx.w(k))
            || cx.toks.get(k + 1).is_some_and(|_| is_particle(cx.w(k + 1)))
        {
            continue;
        }
        // "Sultan, Rana met": a conjunction after the given name would make the two items of
        // a list ("Kees, Jan en Piet").
        let next = &b[end + 1..(end + 5).min(b.len())];
        let conjunction = [&b"en "[..], b"of ", b"and ", b"& "]
            .iter()
            .any(|c| next.starts_with(c));
        let a = cx.toks.partition_point(|t| t.start() < f.start);
        if !conjunction && cx.features(a) & F_NONNAME == 0 {
            taken.push((i, cx.toks[k].start(), end));
        }
    }
    if taken.is_empty() {
        return;
    }
    for &(i, _, end) in &taken {
        out[i].end = end;
    }
    // The given name found on its own goes into the name.
    out.retain(|f| {
        f.kind != Kind::Person || !taken.iter().any(|&(_, s, e)| f.start == s && f.end == e)
    });
}

/// A given name and surname opening a line of a table flattened to text, its next column run
/// on after it ("Portefeuillehouder Thema⏎Tymon de Weger Monumenten en archeologie", "George
/// Becht Cultuur, Binnenstad"), that neither rule nor model took as a whole: the name up to
/// the capitalised ordinary word after the surname, where a comma, a slash or a lower-case
/// word goes on after that word. Starts from the capitalised words that open a line.
fn name_before_column_word(cx: &mut Ctx, k: usize, out: &[Finding]) -> Option<Finding> {
    let (toks, b) = (cx.toks, cx.text.as_bytes());
    if !cx.is_cap(k) || cx.features(k) & (F_FIRST | F_NONNAME) != F_FIRST {
        return None;
    }
    let mut s = k + 1;
    while s < toks.len() && toks[s].nl_before == 0 && is_particle(cx.w(s)) && !toks[s].cap {
        s += 1;
    }
    let c = s + 1;
    let same_line = |j: usize| {
        toks.get(j)
            .is_some_and(|t| t.nl_before == 0 && t.space_before)
    };
    if !same_line(s) || !same_line(c) || !cx.is_cap(s) || !cx.is_cap(c) {
        return None;
    }
    if cx.features(s) & F_NONNAME != 0 || cx.title_class(s).is_some() || !cx.common_word(c) {
        return None;
    }
    let after = toks[c].end();
    let goes_on = match b.get(after) {
        Some(b',' | b'/') => true,
        Some(b' ') => b.get(after + 1).is_some_and(u8::is_ascii_lowercase),
        _ => false,
    };
    let (start, end) = (toks[k].start(), toks[s].end());
    (goes_on
        && !out
            .iter()
            .any(|f| f.kind == Kind::Person && f.start < end && start < f.end))
    .then(|| person(start, end, 0.8, "name.before_column_word"))
}

/// Street words in English a Caribbean text puts after a street's name ("W.J.A. Nisbeth
/// Road"): the name before them is the street's.
const STREET_HEADS: [&str; 6] = ["Road", "Street", "Avenue", "Drive", "Lane", "Boulevard"];

/// Whether the finding is the name of a street: an English street word ends or follows it
/// ("Nisbeth Road"), or its last word ends in a street suffix that ends no surname, Flemish
/// "-lei" included, and a house number follows ("Jozef Lambrechtslei 13").
fn street_named(text: &str, f: &Finding) -> bool {
    let b = text.as_bytes();
    // On the bytes first: the street words end in 'd', 't' or 'e'; most findings are
    // followed by a comma, a line break or a lower-case word.
    if matches!(b[f.end - 1], b'd' | b't' | b'e') {
        let span = crate::sub(text, f.start, f.end);
        if let Some((_, last)) = span.rsplit_once(' ') {
            if STREET_HEADS.contains(&last) {
                return true;
            }
        }
    }
    if b.get(f.end) != Some(&b' ') {
        return false;
    }
    let next = b.get(f.end + 1).copied().unwrap_or(b' ');
    if next.is_ascii_uppercase() {
        // On bytes: a window of the text may end inside a character.
        let rest = &b[f.end + 1..(f.end + 11).min(b.len())];
        return STREET_HEADS.iter().any(|h| {
            rest.strip_prefix(h.as_bytes())
                .is_some_and(|r| !r.first().is_some_and(u8::is_ascii_alphanumeric))
        });
    }
    if !next.is_ascii_digit() {
        return false;
    }
    let span = crate::sub(text, f.start, f.end);
    let last = span.rsplit(' ').next().unwrap_or(span);
    // Suffixes that end no surname ("-dijk", "-weg" and "-laan" end many: "Arend Hoogendijk
    // 3 mei").
    (last.len() > 4 && last.ends_with("lei") || street_ending(last.as_bytes()))
        && lexicon::bits_any_case(last, &mut String::new()) & lexicon::W_SURNAME == 0
}

/// Whether the finding is a saint's name glued to "St." ("wonende op St.Maarten"): a place,
/// as "St. Maarten" is.
fn glued_saint(text: &str, f: &Finding) -> bool {
    let b = text.as_bytes();
    f.start >= 3
        && &b[f.start - 3..f.start] == b"St."
        && (f.start == 3 || !b[f.start - 4].is_ascii_alphabetic())
}

/// Country abbreviations a "Place, Initials" reading takes for initials ("Florida, U.S.A.").
const COUNTRY_INITIALS: [&str; 4] = ["U.S.A.", "U.S.", "U.K.", "V.S."];

/// Whether the finding is "Word, X.Y.Z." whose initials are a country's abbreviation.
fn country_initials(text: &str, f: &Finding) -> bool {
    // The last byte first: every abbreviation ends in a dot.
    text.as_bytes()[f.end - 1] == b'.' && {
        let span = crate::sub(text, f.start, f.end);
        COUNTRY_INITIALS.iter().any(|c| span.ends_with(c)) && span.contains(", ")
    }
}

#[cfg(test)]
mod tests {
    use crate::names::persons_in as persons;

    /// Two given names in a row are one person's, not two names run together.
    #[test]
    fn double_given_name_is_not_split() {
        assert_eq!(
            persons("Premier Jan Peter Dalhuisen sprak."),
            ["Jan Peter Dalhuisen"]
        );
    }

    /// A surname that is a given name too, last in the name, does not start a second name.
    #[test]
    fn given_name_as_last_word_is_not_split() {
        let got = persons("Tekst: Donovan Karimbaks Ali (gemeente Utrecht).");
        assert_eq!(got, ["Donovan Karimbaks Ali"]);
    }

    /// "de heren" of a speech's address names no one.
    #[test]
    fn address_of_a_speech_names_no_one() {
        assert!(persons("Dames en heren, welkom. Dames en heren Kamerleden, dank u.").is_empty());
    }

    /// The formula's phrase without "Wij" before a name marks no one.
    #[test]
    fn gratie_gods_without_wij_marks_no_one() {
        assert!(persons("Koning, bij de gratie Gods, enz.").is_empty());
    }

    /// An unknown capitalised word after a particle is no given name of the name after it.
    #[test]
    fn word_after_particle_is_no_unlisted_given_name() {
        let got = persons("Zo zei de minister van Ruimtebeheer Sanne Vermeer gisteren.");
        assert_eq!(got, ["Sanne Vermeer"]);
    }

    /// A list's office heading is no given name ("Gemeenteraadsleden Hilde ...").
    #[test]
    fn list_office_is_no_unlisted_given_name() {
        let got = persons("Aanwezig: Gemeenteraadsleden Hilde Verhaegen, Algemeen directeur");
        assert!(
            !got.iter().any(|n| n.starts_with("Gemeenteraadsleden")),
            "{got:?}"
        );
    }

    /// A quoted nickname after "Mr." is no surname.
    #[test]
    fn quoted_word_after_mr_is_no_surname() {
        assert!(persons("Zij noemde hem ' Mr. Blij ' om zijn lach.").is_empty());
    }

    /// A surname that a particle makes one is not cut as a table's next column.
    #[test]
    fn surname_after_particle_is_not_cut() {
        let got = persons("H. van de Weg en J.P. Wind (griffier).");
        assert_eq!(got, ["H. van de Weg", "J.P. Wind"]);
    }

    /// A legal form glued to a firm is no party's initials.
    #[test]
    fn legal_form_is_no_party_initials() {
        assert!(persons("voogd ad hoc van B.V.,\n\nI. RECHTSPLEGING").is_empty());
    }

    /// A salutation's abbreviation before an office marks no one.
    #[test]
    fn salutation_abbreviation_before_title_marks_no_one() {
        assert!(persons("Aanwezig: dhr. Voorzitter en de griffier.").is_empty());
    }

    /// A surname whose letters an OCR'd title page spaced out is one name with its initial.
    #[test]
    fn letter_spaced_surname_is_one_name() {
        let got = persons("samengesteld door J. D E W I T T E ARCHIEFDIENST");
        assert_eq!(got, ["J. D E W I T T E"]);
        assert!(persons("A. I N L E I D I N G\n\nDit rapport beschrijft").is_empty());
    }

    /// A given name in capitals before initials and a surname in capitals is the name's.
    #[test]
    fn capital_given_name_before_initials_is_taken() {
        let got = persons("OPGEROEPEN: PIETER H. DEKKERS, zonder bekende woonplaats.");
        assert_eq!(got, ["PIETER H. DEKKERS"]);
    }

    /// "Surname, Given name" before a clause's lower-case word is one name; before "en" it is
    /// two items of a list.
    #[test]
    fn surname_comma_given_name_is_one_name() {
        assert_eq!(
            persons("Vergunning voor de exploitant, Kaya, Emine met zetel in Genk."),
            ["Kaya, Emine"]
        );
        assert_eq!(
            persons("Aanwezig waren Kees, Jan en Piet."),
            ["Kees", "Jan", "Piet"]
        );
    }

    /// A street named after a person is no person, before an English street word or a house
    /// number.
    #[test]
    fn street_named_after_person_is_no_person() {
        assert!(persons("Imperial Building, P.J.K. Ravenhorst Road 12 Philipsburg.").is_empty());
        assert!(persons("OMV 2024/12 - Pieter Coutereellei 13 - weigering").is_empty());
    }

    /// A table's next column run on after a name opening its line is cut off.
    #[test]
    fn name_before_column_word_is_taken() {
        let got = persons("Portefeuillehouder Thema\nKoen de Bruijne Sport en recreatie, Cultuur\nMarloes Kranendonk Cultuur, Binnenstad");
        assert_eq!(got, ["Koen de Bruijne", "Marloes Kranendonk"]);
    }

    /// A saint's name glued to "St." and a country's abbreviation after a comma name no one.
    #[test]
    fn saint_place_and_country_initials_are_no_person() {
        assert!(persons("doch verblijvende te Miami, Florida, U.S.A. voor de zitting").is_empty());
        assert!(!persons("geboren op St.Maarten, wonende")
            .iter()
            .any(|n| n == "Maarten"));
    }
}
