//! Parsing a person mention as written ("drs. M. El Khatib", "Nobel, J.N.J.",
//! "meneer Haddou") into a [`NameKey`] that resolution and search compare.

use crate::fold::{fold, similar_keys, skeleton, translit};

/// Which parts of a name a mention gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameForm {
    /// Nothing usable (only titles, punctuation).
    Empty,
    /// One word, taken to be a surname ("Benali", "meneer Haddou"). It may in fact be a
    /// given name; resolution tries that only when the surname reading finds nothing.
    SurnameOnly,
    /// A name that is not "given names + surname", such as a kunya ("Abu Ibrahim").
    Other,
    /// Initials and a surname ("M. Haddou", "J.N.J. Nobel").
    Initials,
    /// At least one written-out given name and a surname ("Mohammed Haddou").
    Full,
}

/// A normalised person name: the keys that resolution and the access-request search
/// compare. Build one with [`normalise_name`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NameKey {
    /// Transliteration keys of the written-out given names, in order.
    pub givens: Vec<String>,
    /// Folded first letters of all given names and initials, in order ("jnj").
    pub initials: String,
    /// Folded tussenvoegsel as written, lower case ("van der", "de", "el").
    pub tussen: String,
    /// Transliteration key of the surname including a Dutch tussenvoegsel but without an
    /// Arabic article (el, al): "de Vries" → "devries", "El Khatib" → "hatib".
    pub surname: String,
    /// Keys of the parts of a hyphenated surname ("Kaya-Demir" → ["kaia", "demir"]).
    pub surname_parts: Vec<String>,
    /// Blocking key: the consonant skeleton of the surname without any tussenvoegsel.
    pub block: String,
    /// For [`NameForm::Other`] names, the key of the whole name.
    pub other: String,
    /// The name as it should be displayed: titles removed, "Surname, I." turned around,
    /// white space collapsed.
    pub display: String,
    /// Gender implied by a salutation before the name ('m' for "meneer", "de heer";
    /// 'f' for "mevrouw"); used only to keep apart people who are otherwise unresolved.
    pub salutation: Option<char>,
    form: Option<NameForm>,
}

impl NameKey {
    /// Which parts of a name the mention gives.
    pub fn form(&self) -> NameForm {
        self.form.unwrap_or(NameForm::Empty)
    }

    /// The first given name's key, if written out.
    pub fn first_given(&self) -> Option<&str> {
        self.givens.first().map(String::as_str)
    }

    /// The first initial (from a given name or an initial).
    pub fn first_initial(&self) -> Option<char> {
        self.initials.chars().next()
    }

    /// Whether the initials of `self` are consistent with the given names and initials
    /// of `other`: each initial both give is equal.
    pub fn initials_compatible(&self, other: &NameKey) -> bool {
        if self.initials.is_empty() || other.initials.is_empty() {
            return true;
        }
        self.initials
            .chars()
            .zip(other.initials.chars())
            .all(|(a, b)| a == b)
    }

    /// Whether the surnames are the same name in another spelling; `None` when not,
    /// else a short reason.
    pub fn surname_match(&self, other: &NameKey) -> Option<SurnameMatch> {
        if self.surname.is_empty() || other.surname.is_empty() {
            return None;
        }
        if self.surname == other.surname {
            return Some(SurnameMatch::Same);
        }
        if similar_keys(&self.surname, &other.surname) {
            return Some(SurnameMatch::Variant);
        }
        let part_of = |a: &NameKey, b: &NameKey| {
            b.surname_parts.len() > 1 && b.surname_parts.contains(&a.surname)
        };
        if part_of(self, other) || part_of(other, self) {
            return Some(SurnameMatch::DoubleSurnamePart);
        }
        None
    }

    /// Whether the first given names are the same name in another spelling.
    pub fn given_match(&self, other: &NameKey) -> Option<bool> {
        match (self.first_given(), other.first_given()) {
            (Some(a), Some(b)) if a == b => Some(true),
            (Some(a), Some(b)) if similar_keys(a, b) => Some(false),
            _ => None,
        }
    }
}

/// The parts of a double surname with the parts a one-letter link joins made one again:
/// "Tjon-A-Fat" is one surname (Surinamese Chinese), so "Zeefuik-Tjon-A-Fat" has two
/// parts, "zefuik" and "tjonafat", and "Tjon-A-Fat" alone has one. `parts` are the keys of
/// the hyphen-separated parts of `surname_word`, in order.
fn join_linked_parts(surname_word: &str, parts: Vec<String>) -> Vec<String> {
    let raw: Vec<&str> = surname_word
        .split(['-', '\u{2010}', '\u{2011}', '\u{2013}'])
        .filter(|part| !translit(part.split_whitespace().last().unwrap_or("")).is_empty())
        .collect();
    if raw.len() != parts.len() {
        return parts;
    }
    let one_letter = |w: &str| w.trim().chars().filter(|c| c.is_alphabetic()).count() == 1;
    let mut out: Vec<String> = Vec::new();
    let mut glue = false;
    for (w, key) in raw.iter().zip(parts) {
        let link = one_letter(w) && !out.is_empty();
        match out.last_mut() {
            Some(last) if link || glue => last.push_str(&key),
            _ => out.push(key),
        }
        glue = link;
    }
    out
}

/// Whether every written-out word of `short` (at least two, the first the same given
/// name) appears in order in `long`: names of three parts (Somali: given name, father's,
/// grandfather's) are written with any two of them ("Nimco Mohamed", "Nimco Mohamed Nur").
pub(crate) fn written_part(short: &NameKey, long: &NameKey) -> bool {
    let words = |k: &NameKey| -> Vec<String> {
        k.display
            .split_whitespace()
            .map(translit)
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (a, b) = (words(short), words(long));
    if a.len() < 2 || b.len() <= a.len() || a[0] != b[0] {
        return false;
    }
    let mut rest = b.iter();
    a.iter().all(|w| rest.any(|x| x == w))
}

/// How two surnames matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurnameMatch {
    /// The same key.
    Same,
    /// A transliteration or spelling variant.
    Variant,
    /// One is a part of the other's hyphenated double surname.
    DoubleSurnamePart,
}

/// Words before a name that are titles or salutations, not part of it (folded, without
/// a trailing dot).
const TITLES: &[&str] = &[
    "meneer",
    "mevrouw",
    "mevr",
    "mw",
    "mvr",
    "mej",
    "mejuffrouw",
    "juffrouw",
    "dhr",
    "hr",
    "heer",
    "mr",
    "mrs",
    "ms",
    "drs",
    "dr",
    "ir",
    "ing",
    "ingr",
    "prof",
    "bc",
    "ds",
    "dominee",
    "pastoor",
    "pater",
    "imam",
    "sheikh",
    "sjeik",
    "sjeikh",
    "shaykh",
    "hadji",
    "hadj",
    "hajj",
    "hodja",
    "hoca",
    "ustadh",
    "ustad",
    "broeder",
    "zuster",
    "wethouder",
    "burgemeester",
    "minister",
    "staatssecretaris",
    "voorzitter",
    "secretaris",
    "penningmeester",
    "collega",
    "beste",
    "geachte",
    "lieve",
    "beste",
    "dear",
    "mister",
    "madam",
    "mevrouwe",
    "zr",
    "br",
    "mgr",
    "mag",
    "lic",
    "ma",
    "msc",
    "bsc",
    "llm",
    "phd",
    "jhr",
    "jkvr",
];

/// Dutch and other European tussenvoegsels; they are part of the surname key.
const TUSSEN: &[&str] = &[
    "van", "de", "der", "den", "het", "'t", "te", "ten", "ter", "in", "op", "aan", "bij", "onder",
    "uit", "voor", "over", "del", "della", "di", "du", "da", "dos", "das", "do", "le", "la", "les",
    "l'", "d'", "von", "zu", "vom", "vd", "v.d.", "v/d", "'s",
];

/// Arabic articles written before a surname (El Khatib, al-Amin); left out of the key so
/// that "El Khatib", "el-Khatib" and "Khatib" compare equal.
const ARTICLES: &[&str] = &[
    "el", "al", "el-", "al-", "ul", "ed", "es", "en", "an", "as", "ad",
];

/// Particles of Arabic and Berber surnames that belong to the surname itself
/// ("Ait Brahim", "ben Ali", "Ould Ahmed"); "ben" only in lower case, as "Ben" is also a
/// Dutch given name.
fn is_surname_particle(word: &str) -> bool {
    let w = fold(word);
    matches!(
        w.as_str(),
        "ait" | "ibn" | "bin" | "ould" | "oulad" | "aoulad" | "ouled" | "bint"
    ) || (matches!(w.as_str(), "ben" | "bou") && word.starts_with(['b']))
}

/// Words that make a name a kunya or similar whole-name form.
const KUNYA: &[&str] = &["abu", "abou", "aboe", "umm", "oum", "um", "oem"];

fn is_title(word: &str) -> bool {
    let w = fold(word);
    let w = w.trim_end_matches('.');
    TITLES.contains(&w)
}

fn gender_of(title: &str) -> Option<char> {
    let w = fold(title);
    match w.trim_end_matches('.') {
        "meneer" | "heer" | "dhr" | "hr" | "broeder" | "br" | "mister" => Some('m'),
        "mevrouw" | "mevr" | "mw" | "mvr" | "mej" | "mejuffrouw" | "juffrouw" | "zuster" | "zr"
        | "madam" | "mrs" | "ms" | "mevrouwe" => Some('f'),
        _ => None,
    }
}

fn is_tussen(word: &str) -> bool {
    let w = fold(word);
    TUSSEN.contains(&w.as_str()) || TUSSEN.contains(&w.trim_end_matches('.'))
}

fn is_article(word: &str) -> bool {
    let w = fold(word);
    // Capitalised "El"/"Al" or lower-case; "En"/"As" etc. only lower-case, as they are
    // also ordinary words and given names.
    matches!(w.as_str(), "el" | "al" | "el-" | "al-")
        || (word.chars().next().is_some_and(char::is_lowercase) && ARTICLES.contains(&w.as_str()))
}

/// Whether `word` is written as initials: "M.", "J.N.J.", "M", "Th.", "Chr.".
fn is_initials(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 {
        return false;
    }
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    if !first_upper {
        return false;
    }
    if letters == 1 {
        return true;
    }
    // "J.N.J." : every letter is followed by a dot.
    let mut all_dotted = true;
    let mut prev_letter = false;
    for c in word.chars() {
        if c.is_alphabetic() {
            if prev_letter {
                all_dotted = false;
            }
            prev_letter = true;
        } else if c == '.' {
            prev_letter = false;
        } else if c != '-' {
            all_dotted = false;
        }
    }
    if all_dotted && !prev_letter {
        return true;
    }
    // Dutch abbreviated given names: "Th.", "Chr.", "Joh.", "Wm."
    word.ends_with('.') && letters <= 3 && !word[..word.len() - 1].contains('.')
}

/// The letters an initials word stands for: "J.N.J." → "jnj", "Th." → "t".
fn initials_of(word: &str) -> String {
    let mut out = String::new();
    let mut take_next = true;
    for c in word.chars() {
        if c.is_alphabetic() {
            if take_next {
                out.push_str(&fold(&c.to_string()));
            }
            take_next = false;
        } else if c == '.' || c == '-' {
            take_next = true;
        }
    }
    if !word.contains('.') {
        // "M" or "JN" written without dots: every letter an initial.
        out = fold(word)
            .chars()
            .filter(char::is_ascii_lowercase)
            .collect();
    }
    out.chars().map(initial_class).collect()
}

/// Initials compare by sound class, as transliterations differ in their first letter
/// (Khalid/Chalid → K./C.). Y and I stay apart: Yasmina and Ilyas are not one initial.
fn initial_class(c: char) -> char {
    match c {
        'c' | 'q' => 'k',
        other => other,
    }
}

/// Splits a mention into words, separating glued initials ("M.Haddou") and taking a
/// hyphenated Arabic article apart ("El-Khatib" → "El", "Khatib").
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in s.split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == '"') {
        let raw = raw.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '!' | '?' | '<' | '>'));
        if raw.is_empty() {
            continue;
        }
        // "M.Haddou": initials glued to a surname.
        if let Some(pos) = raw.rfind('.') {
            let (head, tail) = raw.split_at(pos + 1);
            if !tail.is_empty()
                && tail.chars().next().is_some_and(char::is_uppercase)
                && tail.chars().filter(|c| c.is_alphabetic()).count() > 1
                && is_initials(head)
            {
                out.push(head.to_string());
                out.push(tail.to_string());
                continue;
            }
        }
        let lower = fold(raw);
        if (lower.starts_with("el-") || lower.starts_with("al-")) && raw.len() > 4 {
            let (head, tail) = raw.split_at(2);
            out.push(head.to_string());
            out.push(
                tail.trim_start_matches(['-', '\u{2010}', '\u{2011}', '\u{2013}'])
                    .to_string(),
            );
            continue;
        }
        out.push(raw.to_string());
    }
    glue_hyphenated_particles(out)
}

/// A double surname whose second part has a tussenvoegsel ("de Boer-van der Meer") splits
/// into "Boer-van", "der", "Meer" at the spaces; this puts such a part back together.
fn glue_hyphenated_particles(ws: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(ws.len());
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        let tail = w
            .rsplit(['-', '\u{2010}', '\u{2011}', '\u{2013}'])
            .next()
            .unwrap_or("");
        let hyphen_tussen = w.len() > tail.len()
            && !tail.is_empty()
            && tail.chars().next().is_some_and(char::is_lowercase)
            && is_tussen(tail);
        if hyphen_tussen {
            let mut glued = w.clone();
            let mut j = i + 1;
            while j < ws.len() && is_tussen(&ws[j]) && j + 1 < ws.len() {
                glued.push(' ');
                glued.push_str(&ws[j]);
                j += 1;
            }
            if j < ws.len() {
                glued.push(' ');
                glued.push_str(&ws[j]);
                out.push(glued);
                i = j + 1;
                continue;
            }
        }
        out.push(w.clone());
        i += 1;
    }
    out
}

/// Gender implied by the words written right before a name: a salutation or title
/// ("mevrouw", "de heer", "dhr.") or a kinship word ("zijn dochter", "haar vader").
/// `before` is the document text before the mention; only its last two words count.
pub fn gender_before(before: &str) -> Option<char> {
    let tail: Vec<&str> = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | ',' | ':' | ';'))
        .filter(|w| !w.is_empty())
        .take(2)
        .collect();
    let last = tail.first()?;
    if let Some(g) = gender_of(last) {
        // "heer" only as "de heer" or "geachte heer"; "hr." alone is also an abbreviation.
        let w = fold(last);
        let w = w.trim_end_matches('.');
        if w == "heer" {
            let prev = tail.get(1).map(|p| fold(p)).unwrap_or_default();
            return matches!(
                prev.as_str(),
                "de" | "geachte" | "beste" | "waarde" | "meneer"
            )
            .then_some('m');
        }
        return Some(g);
    }
    kinship_gender(last)
}

fn kinship_gender(word: &str) -> Option<char> {
    match fold(word).trim_end_matches('.') {
        "vader" | "zoon" | "broer" | "echtgenoot" | "grootvader" | "opa" | "oom" => Some('m'),
        "moeder" | "dochter" | "zus" | "zuster" | "echtgenote" | "grootmoeder" | "oma"
        | "tante" | "weduwe" => Some('f'),
        _ => None,
    }
}

/// Whether the words right before a name say the person is someone's relative ("zijn
/// dochter", "haar vader", "echtgenoot", "neef").
pub(crate) fn kinship_before(before: &str) -> bool {
    before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | ',' | ':' | ';'))
        .find(|w| !w.is_empty())
        .is_some_and(|w| {
            kinship_gender(w).is_some()
                || matches!(
                    fold(w).trim_end_matches('.'),
                    "neef" | "nicht" | "kind" | "ouders" | "schoonzoon" | "schoondochter"
                )
        })
}

/// Whether a person finding runs two names of a list together ("Sanne Bloem, Ahmet
/// Kaplan"): before and after the comma a written-out given name and a surname each. An
/// inverted name has one surname before the comma ("Boer, Peter de", "Ben Messaoud,
/// Hanan") or ends in its tussenvoegsel; such a finding is neither person alone.
pub(crate) fn runs_two_names(s: &str) -> bool {
    let Some((before, after)) = s.split_once(',') else {
        return false;
    };
    let full = |part: &str| {
        let ws: Vec<&str> = part.split_whitespace().collect();
        ws.len() >= 2
            && !is_surname_particle(ws[0])
            && !matches!(fold(ws[0]).as_str(), "ben" | "bou")
            && !is_tussen(ws[0])
            && !is_article(ws[0])
            && !is_title(ws[0])
            && ws.last().is_some_and(|w| !is_tussen(w))
            && ws
                .iter()
                .all(|w| !is_initials(w) && !w.chars().any(|c| c.is_ascii_digit()))
            && normalise_name(part).form() == NameForm::Full
    };
    full(before.trim()) && full(after.trim())
}

/// Normalises a person mention as written into the keys resolution compares.
///
/// Handles titles and salutations ("de heer", "mevrouw", "drs.", "imam"), the inverted
/// "Surname, Initials" form of lists, initials, Dutch tussenvoegsels in any case, Arabic
/// articles, hyphenated double surnames, kunyas and diacritics.
pub fn normalise_name(s: &str) -> NameKey {
    let mut text = s.trim().to_string();
    // "Nobel, J.N.J." / "Vries, J. de" / "Haddou, Mohammed": turn around.
    if let Some((before, after)) = text.split_once(',') {
        let after = after.trim();
        let before = before.trim();
        let starts_with_given = after
            .split_whitespace()
            .next()
            .is_some_and(|w| is_initials(w) || w.chars().next().is_some_and(char::is_uppercase));
        // The part before the comma is one surname: a word, possibly after tussenvoegsels
        // and possibly a double name ("De Boer-van der Meer").
        let one_surname = {
            let bw =
                glue_hyphenated_particles(before.split_whitespace().map(str::to_string).collect());
            bw.iter()
                .take(bw.len().saturating_sub(1))
                .all(|w| is_tussen(w) || is_article(w) || is_surname_particle(w))
        };
        if !before.is_empty() && !after.is_empty() && starts_with_given && one_surname {
            // Trailing tussenvoegsels of the "after" part belong before the surname.
            let mut aw: Vec<&str> = after.split_whitespace().collect();
            let mut tus: Vec<&str> = Vec::new();
            while aw.len() > 1 && aw.last().is_some_and(|w| is_tussen(w)) {
                if let Some(w) = aw.pop() {
                    tus.insert(0, w);
                }
            }
            let mut parts: Vec<&str> = aw;
            parts.extend(tus);
            parts.push(before);
            text = parts.join(" ");
        } else {
            text = before.to_string();
        }
    }
    let mut ws = words(&text);
    let mut salutation = None;
    // Drop leading titles and salutations, including "de heer".
    loop {
        if ws.len() >= 2 && fold(&ws[0]) == "de" && is_title(&ws[1]) {
            salutation = salutation.or(gender_of(&ws[1]));
            ws.drain(..2);
            continue;
        }
        if ws.len() > 1 && is_title(&ws[0]) {
            salutation = salutation.or(gender_of(&ws[0]));
            ws.remove(0);
            continue;
        }
        if ws.len() == 1 && is_title(&ws[0]) {
            ws.clear();
        }
        break;
    }
    // Trailing titles or letters after the name ("MSc", "PhD").
    while ws.len() > 1 && ws.last().is_some_and(|w| is_title(w) && !is_initials(w)) {
        ws.pop();
    }
    let mut key = NameKey {
        display: ws.join(" "),
        salutation,
        ..NameKey::default()
    };
    if ws.is_empty() {
        key.form = Some(NameForm::Empty);
        return key;
    }
    let first = fold(&ws[0]);
    if ws.len() >= 2 && KUNYA.contains(&first.as_str()) {
        key.other = ws.iter().map(|w| translit(w)).collect::<Vec<_>>().join(" ");
        key.form = Some(NameForm::Other);
        return key;
    }
    // The surname is the last word; walk back over tussenvoegsels and articles.
    let mut last = ws.len() - 1;
    // "Driss Ait Brahim": the particle and the last word are one surname.
    let joined;
    // "Ben"/"Bou" with a capital is also a Dutch given name; after another given name or
    // initials ("Fatima Ben Messaoud", "F. Ben Messaoud") it is the surname's particle.
    let particle = |i: usize| {
        is_surname_particle(&ws[i]) || (i > 0 && matches!(fold(&ws[i]).as_str(), "ben" | "bou"))
    };
    let surname_word: &str = if last > 0 && particle(last - 1) {
        joined = format!("{}{}", ws[last - 1], ws[last]);
        last -= 1;
        &joined
    } else {
        &ws[last]
    };
    let mut i = last;
    let mut tussen: Vec<String> = Vec::new();
    let mut dutch_tussen = String::new();
    while i > 0 {
        let w = &ws[i - 1];
        if is_article(w) {
            tussen.insert(0, fold(w).trim_end_matches('-').to_string());
        } else if is_tussen(w) {
            let f = fold(w);
            tussen.insert(0, f.clone());
            dutch_tussen.insert_str(0, &f);
        } else {
            break;
        }
        i -= 1;
    }
    key.tussen = tussen.join(" ");
    let core = translit(surname_word);
    if core.is_empty() {
        key.form = Some(NameForm::Empty);
        return key;
    }
    key.surname = format!("{}{}", translit(&dutch_tussen), core);
    key.block = skeleton(&core);
    // The parts of a double surname; the tussenvoegsel belongs to the first
    // ("de Wit-Jansen" → "dewit", "jansen"), a part's own to that part ("van der Meer").
    key.surname_parts = surname_word
        .split(['-', '\u{2010}', '\u{2011}', '\u{2013}'])
        .map(|part| {
            let pw: Vec<&str> = part.split_whitespace().collect();
            let own_tussen: String = pw
                .iter()
                .take(pw.len().saturating_sub(1))
                .map(|w| fold(w))
                .collect();
            let core = translit(pw.last().copied().unwrap_or(""));
            (translit(&own_tussen), core)
        })
        .filter(|(_, core)| !core.is_empty())
        .enumerate()
        .map(|(i, (t, core))| {
            if i == 0 {
                format!("{}{t}{core}", translit(&dutch_tussen))
            } else {
                format!("{t}{core}")
            }
        })
        .collect();
    key.surname_parts = join_linked_parts(surname_word, key.surname_parts);
    for w in &ws[..i] {
        if is_initials(w) {
            key.initials.push_str(&initials_of(w));
        } else if w.chars().any(char::is_alphabetic) {
            // "Pieter-Jan" stands for the initials P.J., and is "Pieter Jan" written with a
            // hyphen: each part is a given name.
            for part in w.split(['-', '\u{2010}', '\u{2011}', '\u{2013}']) {
                if let Some(c) = fold(part).chars().find(char::is_ascii_lowercase) {
                    key.initials.push(initial_class(c));
                }
                let t = translit(part);
                if !t.is_empty() {
                    key.givens.push(t);
                }
            }
        }
    }
    key.form = Some(if !key.givens.is_empty() {
        NameForm::Full
    } else if !key.initials.is_empty() {
        NameForm::Initials
    } else {
        NameForm::SurnameOnly
    });
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_names_run_together_are_told_from_inverted_names() {
        assert!(runs_two_names("Sanne Bloem, Ahmet Kaplan"));
        assert!(runs_two_names("Dirk de Vries, Ubah Ali Warsame"));
        for one in [
            "Boer, Peter de",
            "Warsame, Amina Hassan",
            "Ben Messaoud, Hanan",
            "Ben Messaoud, Hanan Aicha",
            "Vries, J. de",
            "De Boer-van der Meer, Anna",
            "Sanne Bloem",
        ] {
            assert!(!runs_two_names(one), "{one}");
        }
    }

    #[test]
    fn forms_and_keys() {
        // (mention, form, surname key, initials, first given)
        let table: &[(&str, NameForm, &str, &str, Option<&str>)] = &[
            (
                "Mohammed Haddou",
                NameForm::Full,
                "hadu",
                "m",
                Some("mohamed"),
            ),
            ("M. Haddou", NameForm::Initials, "hadu", "m", None),
            ("meneer Haddou", NameForm::SurnameOnly, "hadu", "", None),
            ("de heer Benali", NameForm::SurnameOnly, "benali", "", None),
            ("Haddou, M.", NameForm::Initials, "hadu", "m", None),
            ("Nobel, J.N.J.", NameForm::Initials, "nobel", "jnj", None),
            ("J.N.J. Nobel", NameForm::Initials, "nobel", "jnj", None),
            (
                "mevrouw De Vries",
                NameForm::SurnameOnly,
                "devries",
                "",
                None,
            ),
            ("Anna de Vries", NameForm::Full, "devries", "a", Some("ana")),
            (
                "Piet van der Veen",
                NameForm::Full,
                "vanderven",
                "p",
                Some("piet"),
            ),
            ("Van der Veen", NameForm::SurnameOnly, "vanderven", "", None),
            ("drs. M. El Khatib", NameForm::Initials, "hatib", "m", None),
            (
                "Rachid el Haddouchi",
                NameForm::Full,
                "haduhi",
                "r",
                Some("rahid"),
            ),
            (
                "Erdoğan Şahin",
                NameForm::Full,
                "sahin",
                "e",
                Some("erdogan"),
            ),
            (
                "Hatice Kaya-Demir",
                NameForm::Full,
                "kaiademir",
                "h",
                Some("hatike"),
            ),
            ("Abu Ibrahim", NameForm::Other, "", "", None),
            ("imam Abu Ibrahim", NameForm::Other, "", "", None),
            (
                "Marloes Tjon-A-Fat",
                NameForm::Full,
                "tjonafat",
                "m",
                Some("marlus"),
            ),
            ("M.Haddou", NameForm::Initials, "hadu", "m", None),
            ("Vries, J. de", NameForm::Initials, "devries", "j", None),
            (
                "Fatima Ben Messaoud",
                NameForm::Full,
                "benmesaud",
                "f",
                Some("fatima"),
            ),
            (
                "F. Ben Messaoud",
                NameForm::Initials,
                "benmesaud",
                "f",
                None,
            ),
            ("Ben Jansen", NameForm::Full, "jansen", "b", Some("ben")),
            (
                "Naima Aoulad Ali",
                NameForm::Full,
                "auladali",
                "n",
                Some("naima"),
            ),
        ];
        for (input, form, surname, initials, given) in table {
            let k = normalise_name(input);
            assert_eq!(k.form(), *form, "{input}: {k:?}");
            assert_eq!(k.surname, *surname, "{input}");
            assert_eq!(k.initials, *initials, "{input}");
            assert_eq!(k.first_given(), *given, "{input}");
        }
    }

    #[test]
    fn a_one_letter_link_keeps_a_hyphenated_surname_whole() {
        // "Tjon-A-Fat" is one surname (Surinamese Chinese: a one-letter link between two
        // words), so "Shirley Zeefuik-Tjon-A-Fat" is a married double name of two parts
        // whose own part is "Tjon-A-Fat", as "Kaya-Demir" is of "Kaya" and "Demir".
        let parts = |s: &str| normalise_name(s).surname_parts;
        assert_eq!(parts("Marloes Tjon-A-Fat"), vec!["tjonafat"]);
        assert_eq!(
            parts("Shirley Zeefuik-Tjon-A-Fat"),
            vec!["zefuik", "tjonafat"]
        );
        assert_eq!(parts("Hatice Kaya-Demir"), vec!["kaia", "demir"]);
    }

    #[test]
    fn display_drops_titles_and_turns_lists_around() {
        assert_eq!(normalise_name("Nobel, J.N.J.").display, "J.N.J. Nobel");
        assert_eq!(normalise_name("de heer\nBenali").display, "Benali");
        assert_eq!(normalise_name("drs. M. El Khatib").display, "M. El Khatib");
    }
}
