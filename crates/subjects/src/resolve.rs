//! Resolution: person mentions → data subjects.
//!
//! Mentions are joined in passes, strongest evidence first, each pass only looking inside
//! a block of mentions that share a surname key (so the work stays linear):
//!
//! 1. the same normalised full name (given name + surname, folded and transliterated);
//! 2. spelling variants of full names (Mohammed/Muhammad, Hadou/Haddou), and a
//!    hyphenated double surname against one of its parts with the same given name;
//! 3. initials ("M. Haddou") against the one full name they fit, in the same document
//!    first, else in the whole holding;
//! 4. a surname alone ("meneer Haddou") against the one person with that surname in the
//!    same document, else in the whole holding;
//! 5. identifiers (e-mail, phone, BSN, IBAN, address, birthdate) found right after a name:
//!    the same identifier next to compatible names links them across documents.
//!
//! Every join checks that the two groups do not contradict each other (different given
//! names, different initials, different surnames, "meneer" against "mevrouw"), which is
//! what keeps family members apart. An ambiguous mention is never forced onto one
//! candidate; it stays with the mentions of the same form in its document.
//!
//! Finally the working group's [`Decision`]s are applied in order.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::fold::similar_keys;
use crate::ident::{normalise_identifier, LINKING_KINDS};
use crate::name::{normalise_name, NameForm, NameKey, SurnameMatch};
use crate::{Decision, Member, Mention, Subject};

/// How far (bytes) after the end of a name an identifier still counts as that person's
/// (a line of a contact list, an e-mail header, a signature block).
const AFTER_NAME: usize = 220;
/// How far before a name an identifier may stand and still count as that person's.
const BEFORE_NAME: usize = 40;
/// A detail this close after a name belongs to it, whatever follows.
const CLOSE_AFTER: usize = 40;
/// How far (bytes) after a full name an alias such as a kunya may stand to be read as
/// that person's alias.
const ALIAS_GAP: usize = 48;
/// Most distinct variants a group remembers for its conflict check.
const PROFILE_CAP: usize = 12;

type Reason = Cow<'static, str>;

/// A fast non-cryptographic hasher for the resolver's integer keys (the FxHash of rustc);
/// the keys are not chosen by an attacker, and SipHash dominated the profile.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(buf));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

/// Interned name keys, so the passes' indexes are keyed by integers.
#[derive(Debug, Clone, Default)]
struct Ids {
    surname: u32,
    given: u32,
    initials: u32,
    parts: Vec<u32>,
}

/// Id of "no such key".
const NONE: u32 = u32::MAX;

/// A link in the tree that explains a subject: this mention joined because of `reason`
/// with mention `to`.
#[derive(Debug, Clone)]
struct Edge {
    to: u32,
    confidence: f32,
    reason: Reason,
}

/// What a group of mentions says about its person, for the conflict check.
#[derive(Debug, Clone, Default)]
struct Profile {
    givens: Vec<String>,
    initials: u32,
    surnames: Vec<String>,
    surname_parts: Vec<Vec<String>>,
    salutation: u8,
}

impl Profile {
    fn of(key: &NameKey) -> Profile {
        let mut p = Profile::default();
        if let Some(g) = key.first_given() {
            p.givens.push(g.to_string());
        }
        if let Some(c) = key.first_initial() {
            if c.is_ascii_lowercase() {
                p.initials = 1 << (c as u32 - 'a' as u32);
            }
        }
        if !key.surname.is_empty() {
            p.surnames.push(key.surname.clone());
            p.surname_parts.push(key.surname_parts.clone());
        }
        p.salutation = match key.salutation {
            Some('m') => 1,
            Some('f') => 2,
            _ => 0,
        };
        p
    }

    fn absorb(&mut self, other: Profile) {
        for g in other.givens {
            if self.givens.len() < PROFILE_CAP && !self.givens.contains(&g) {
                self.givens.push(g);
            }
        }
        for (s, parts) in other.surnames.into_iter().zip(other.surname_parts) {
            if self.surnames.len() < PROFILE_CAP && !self.surnames.contains(&s) {
                self.surnames.push(s);
                self.surname_parts.push(parts);
            }
        }
        self.initials |= other.initials;
        self.salutation |= other.salutation;
    }

    /// Whether the two groups cannot be one person. `ignore_surname` is for a BSN, which
    /// identifies a person whatever name they were written under.
    fn conflicts(&self, other: &Profile, ignore_surname: bool) -> bool {
        if !self.givens.is_empty()
            && !other.givens.is_empty()
            && !self
                .givens
                .iter()
                .any(|a| other.givens.iter().any(|b| similar_keys(a, b)))
        {
            return true;
        }
        if self.initials != 0 && other.initials != 0 && self.initials & other.initials == 0 {
            return true;
        }
        let sal = self.salutation | other.salutation;
        if sal == 3 {
            return true;
        }
        if ignore_surname || self.surnames.is_empty() || other.surnames.is_empty() {
            return false;
        }
        let surname_fits = |a: &str, pa: &[String], b: &str, pb: &[String]| {
            similar_keys(a, b)
                || (pb.len() > 1 && pb.iter().any(|p| p == a))
                || (pa.len() > 1 && pa.iter().any(|p| p == b))
        };
        !self
            .surnames
            .iter()
            .zip(&self.surname_parts)
            .any(|(a, pa)| {
                other
                    .surnames
                    .iter()
                    .zip(&other.surname_parts)
                    .any(|(b, pb)| surname_fits(a, pa, b, pb))
            })
    }
}

struct Resolver<'a> {
    mentions: &'a [Mention],
    /// Mention index of each person mention.
    persons: Vec<usize>,
    keys: Vec<NameKey>,
    parent: Vec<u32>,
    size: Vec<u32>,
    profiles: Vec<Profile>,
    /// The explanation tree: each person mention's link towards the subject's anchor.
    tree: Vec<Option<Edge>>,
    /// Person mentions per document, in text order.
    by_doc: FxMap<u64, Vec<u32>>,
    /// Interned keys of each person mention.
    ids: Vec<Ids>,
    /// One person mention per distinct full name (surname + first given), in order.
    full_reps: Vec<u32>,
}

/// Resolves mentions into data subjects and applies the working group's decisions.
///
/// Person mentions (kind "person") become subjects; identifier mentions are linked to the
/// person named right before them and become members of that person's subject. Output is
/// deterministic: subjects ordered by their lowest mention id, members by mention id.
pub fn resolve(mentions: &[Mention], decisions: &[Decision]) -> Vec<Subject> {
    let mut r = Resolver::new(mentions);
    r.join_same_names();
    r.join_variants();
    r.join_aliases();
    r.join_initials();
    r.join_surnames();
    let attached = r.attach_identifiers();
    r.join_shared_identifiers(&attached);
    r.into_subjects(&attached, decisions)
}

impl<'a> Resolver<'a> {
    fn new(mentions: &'a [Mention]) -> Self {
        let persons: Vec<usize> = mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind == "person")
            .map(|(i, _)| i)
            .collect();
        let keys: Vec<NameKey> = persons
            .iter()
            .map(|&i| normalise_name(&mentions[i].value))
            .collect();
        let n = persons.len();
        let profiles = keys.iter().map(Profile::of).collect();
        let mut by_doc: FxMap<u64, Vec<u32>> = FxMap::default();
        for (p, &i) in persons.iter().enumerate() {
            by_doc.entry(mentions[i].doc).or_default().push(p as u32);
        }
        for v in by_doc.values_mut() {
            v.sort_by_key(|&p| mentions[persons[p as usize]].start);
        }
        fn intern<'k>(map: &mut FxMap<&'k str, u32>, s: &'k str) -> u32 {
            if s.is_empty() {
                return NONE;
            }
            let next = map.len() as u32;
            *map.entry(s).or_insert(next)
        }
        let mut interner: FxMap<&str, u32> = FxMap::default();
        let ids: Vec<Ids> = keys
            .iter()
            .map(|k| Ids {
                surname: intern(&mut interner, &k.surname),
                given: intern(&mut interner, k.first_given().unwrap_or("")),
                initials: intern(&mut interner, &k.initials),
                parts: if k.surname_parts.len() > 1 {
                    k.surname_parts
                        .iter()
                        .map(|p| intern(&mut interner, p))
                        .collect()
                } else {
                    Vec::new()
                },
            })
            .collect();
        drop(interner);
        let mut seen: FxMap<(u32, u32), ()> = FxMap::default();
        let full_reps: Vec<u32> = (0..keys.len())
            .filter(|&p| {
                keys[p].form() == NameForm::Full
                    && seen.insert((ids[p].surname, ids[p].given), ()).is_none()
            })
            .map(|p| p as u32)
            .collect();
        Resolver {
            by_doc,
            ids,
            full_reps,
            mentions,
            persons,
            keys,
            parent: (0..n as u32).collect(),
            size: vec![1; n],
            profiles,
            tree: vec![None; n],
        }
    }

    fn doc(&self, p: u32) -> u64 {
        self.mentions[self.persons[p as usize]].doc
    }

    fn form(&self, p: u32) -> NameForm {
        self.keys[p as usize].form()
    }

    fn display(&self, p: u32) -> &str {
        &self.keys[p as usize].display
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let gp = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = gp;
            x = gp;
        }
        x
    }

    /// Joins the groups of `a` and `b` unless they conflict; returns whether they are
    /// now one group. The explanation tree gets the edge `b → a`.
    fn join(&mut self, a: u32, b: u32, confidence: f32, reason: Reason, strong: bool) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        if self.profiles[ra as usize].conflicts(&self.profiles[rb as usize], strong) {
            return false;
        }
        let (big, small) = if self.size[ra as usize] >= self.size[rb as usize] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.parent[small as usize] = big;
        self.size[big as usize] += self.size[small as usize];
        let moved = std::mem::take(&mut self.profiles[small as usize]);
        self.profiles[big as usize].absorb(moved);
        self.reroot(b);
        self.tree[b as usize] = Some(Edge {
            to: a,
            confidence,
            reason,
        });
        true
    }

    /// Makes `x` the root of its explanation tree by reversing the path above it.
    fn reroot(&mut self, x: u32) {
        let mut prev: Option<Edge> = None;
        let mut cur = x;
        loop {
            let next = self.tree[cur as usize].take();
            self.tree[cur as usize] = prev;
            match next {
                Some(edge) => {
                    let up = edge.to;
                    prev = Some(Edge { to: cur, ..edge });
                    cur = up;
                }
                None => break,
            }
        }
    }

    /// Pass 1: the same folded, transliterated full name or kunya.
    fn join_same_names(&mut self) {
        let mut first: FxMap<(u32, u32), u32> = FxMap::default();
        let mut other: HashMap<(String, String), Vec<u32>> = HashMap::new();
        for p in 0..self.keys.len() as u32 {
            let k = &self.keys[p as usize];
            match k.form() {
                NameForm::Full => {
                    let key = (self.ids[p as usize].surname, self.ids[p as usize].given);
                    match first.get(&key) {
                        Some(&q) => {
                            self.join(q, p, 0.95, "same normalised name".into(), false);
                        }
                        None => {
                            first.insert(key, p);
                        }
                    }
                }
                NameForm::Other => {
                    // "Abu Ibrahim" ~ "Abou Ibrahiem": the same prefix key, a similar rest.
                    let (prefix, rest) = k.other.split_once(' ').unwrap_or(("", &k.other));
                    let block = (prefix.to_string(), crate::fold::skeleton(rest));
                    let reps = other.entry(block).or_default();
                    let hit = reps.iter().copied().find(|&q| {
                        let qk = &self.keys[q as usize].other;
                        let q_rest = qk.split_once(' ').map_or(qk.as_str(), |(_, r)| r);
                        similar_keys(q_rest, rest)
                    });
                    match hit {
                        Some(q) => {
                            let exact = self.keys[q as usize].other == self.keys[p as usize].other;
                            let reason: Reason = if exact {
                                "same normalised name".into()
                            } else {
                                format!(
                                    "spelling variant {} ~ {}",
                                    self.display(q),
                                    self.display(p)
                                )
                                .into()
                            };
                            self.join(q, p, if exact { 0.9 } else { 0.8 }, reason, false);
                        }
                        None => reps.push(p),
                    }
                }
                _ => {}
            }
        }
    }

    /// Representatives of each distinct full name, in order of first appearance.
    fn distinct_full_names(&self) -> Vec<u32> {
        self.full_reps.clone()
    }

    /// Pass 2: spelling variants of full names, and double surnames.
    fn join_variants(&mut self) {
        let reps = self.distinct_full_names();
        let mut blocks: HashMap<(String, String), Vec<u32>> = HashMap::new();
        let mut order: Vec<(String, String)> = Vec::new();
        let mut by_name: FxMap<(u32, u32), u32> = FxMap::default();
        for &p in &reps {
            let k = &self.keys[p as usize];
            let given = k.first_given().unwrap_or("");
            let block = (k.block.clone(), crate::fold::skeleton(given));
            by_name.insert(
                (self.ids[p as usize].surname, self.ids[p as usize].given),
                p,
            );
            let entry = blocks.entry(block.clone()).or_default();
            if entry.is_empty() {
                order.push(block);
            }
            entry.push(p);
        }
        for block in &order {
            let members = blocks[block].clone();
            for (i, &a) in members.iter().enumerate() {
                for &b in &members[i + 1..] {
                    let (ka, kb) = (&self.keys[a as usize], &self.keys[b as usize]);
                    let surname = ka.surname_match(kb);
                    let given = ka.given_match(kb);
                    if matches!(surname, Some(SurnameMatch::Same | SurnameMatch::Variant))
                        && given.is_some()
                    {
                        let reason =
                            format!("spelling variant {} ~ {}", self.display(a), self.display(b));
                        self.join(a, b, 0.85, reason.into(), false);
                    }
                }
            }
        }
        // "Hatice Kaya-Demir" ~ "Hatice Kaya": only when exactly one part fits.
        for &p in &reps {
            let ids = &self.ids[p as usize];
            let given = ids.given;
            let hits: Vec<u32> = ids
                .parts
                .iter()
                .filter_map(|&part| by_name.get(&(part, given)).copied())
                .collect();
            if let [q] = hits[..] {
                let reason = format!(
                    "double surname {} ~ {}, same given name",
                    self.display(p),
                    self.display(q)
                );
                self.join(q, p, 0.7, reason.into(), false);
            }
        }
    }

    /// Among `candidates`, one mention per distinct group.
    fn one_per_group(&mut self, candidates: &[u32]) -> Vec<u32> {
        let mut roots: Vec<u32> = Vec::new();
        let mut out = Vec::new();
        for &c in candidates {
            let r = self.find(c);
            if !roots.contains(&r) {
                roots.push(r);
                out.push(c);
            }
        }
        out
    }

    /// Pass 3: initials against full names.
    fn join_initials(&mut self) {
        let mut in_doc: FxMap<(u64, u32), Vec<u32>> = FxMap::default();
        let mut global: FxMap<u32, Vec<u32>> = FxMap::default();
        for &p in &self.full_reps {
            global
                .entry(self.ids[p as usize].surname)
                .or_default()
                .push(p);
        }
        for p in 0..self.keys.len() as u32 {
            if self.form(p) == NameForm::Full {
                in_doc
                    .entry((self.doc(p), self.ids[p as usize].surname))
                    .or_default()
                    .push(p);
            }
        }
        let mut unresolved: Vec<(u32, bool)> = Vec::new();
        for p in 0..self.keys.len() as u32 {
            if self.form(p) != NameForm::Initials {
                continue;
            }
            let doc = self.doc(p);
            let surname = self.ids[p as usize].surname;
            let fits =
                |r: &Self, q: &u32| r.keys[p as usize].initials_compatible(&r.keys[*q as usize]);
            let local: Vec<u32> = in_doc
                .get(&(doc, surname))
                .map(|v| v.iter().copied().filter(|q| fits(self, q)).collect())
                .unwrap_or_default();
            let local = self.one_per_group(&local);
            if let [q] = local[..] {
                let reason = format!(
                    "initials {} match {} in the same document",
                    self.display(p),
                    self.display(q)
                );
                if self.join(q, p, 0.9, reason.into(), false) {
                    continue;
                }
            }
            if local.len() > 1 {
                unresolved.push((p, false));
                continue;
            }
            let everywhere: Vec<u32> = global
                .get(&surname)
                .map(|v| v.iter().copied().filter(|q| fits(self, q)).collect())
                .unwrap_or_default();
            let everywhere = self.one_per_group(&everywhere);
            if let [q] = everywhere[..] {
                let reason = format!(
                    "initials {} match {}, the only such name in the holding",
                    self.display(p),
                    self.display(q)
                );
                if self.join(q, p, 0.75, reason.into(), false) {
                    continue;
                }
            }
            unresolved.push((p, everywhere.is_empty()));
        }
        // What is left: the same initials and surname in one document are one person;
        // across documents only when no written-out name could be meant.
        let mut local_first: FxMap<(u64, u32, char), u32> = FxMap::default();
        let mut global_first: FxMap<(u32, char), u32> = FxMap::default();
        for (p, no_full_name) in unresolved {
            let initial = self.keys[p as usize].first_initial().unwrap_or(' ');
            let surname = self.ids[p as usize].surname;
            let lkey = (self.doc(p), surname, initial);
            let gkey = (surname, initial);
            if let Some(&q) = local_first.get(&lkey) {
                self.join(
                    q,
                    p,
                    0.8,
                    "same initials and surname in the same document".into(),
                    false,
                );
            } else {
                local_first.insert(lkey, p);
            }
            if no_full_name {
                if let Some(&q) = global_first.get(&gkey) {
                    self.join(
                        q,
                        p,
                        0.6,
                        "same initials and surname; no written-out name known".into(),
                        false,
                    );
                } else {
                    global_first.insert(gkey, p);
                }
            }
        }
    }

    /// Pass 4: a surname alone against the persons with that surname.
    fn join_surnames(&mut self) {
        let mut in_doc: FxMap<(u64, u32), Vec<u32>> = FxMap::default();
        let mut parts_in_doc: FxMap<(u64, u32), Vec<u32>> = FxMap::default();
        let mut given_in_doc: FxMap<(u64, u32), Vec<u32>> = FxMap::default();
        let mut global: FxMap<u32, Vec<u32>> = FxMap::default();
        let mut seen_initials: FxMap<(u32, u32), ()> = FxMap::default();
        for p in 0..self.keys.len() as u32 {
            let doc = self.doc(p);
            let ids = &self.ids[p as usize];
            match self.form(p) {
                NameForm::Full => {
                    in_doc.entry((doc, ids.surname)).or_default().push(p);
                    for &part in &ids.parts {
                        parts_in_doc.entry((doc, part)).or_default().push(p);
                    }
                    if ids.given != NONE {
                        given_in_doc.entry((doc, ids.given)).or_default().push(p);
                    }
                }
                NameForm::Initials => {
                    in_doc.entry((doc, ids.surname)).or_default().push(p);
                    if seen_initials
                        .insert((ids.surname, ids.initials), ())
                        .is_none()
                    {
                        global.entry(ids.surname).or_default().push(p);
                    }
                }
                _ => {}
            }
        }
        let mut global_given: FxMap<u32, Vec<u32>> = FxMap::default();
        for &p in &self.full_reps {
            let ids = &self.ids[p as usize];
            global.entry(ids.surname).or_default().push(p);
            global_given.entry(ids.given).or_default().push(p);
        }
        let mut unresolved: Vec<(u32, bool)> = Vec::new();
        for p in 0..self.keys.len() as u32 {
            if self.form(p) != NameForm::SurnameOnly {
                continue;
            }
            let doc = self.doc(p);
            let surname = self.ids[p as usize].surname;
            let all_local = in_doc.get(&(doc, surname)).cloned().unwrap_or_default();
            let local = self.one_per_group(&all_local);
            if let [q] = local[..] {
                let reason = format!("surname matches {} in the same document", self.display(q));
                if self.join(q, p, 0.85, reason.into(), false) {
                    continue;
                }
            }
            if local.len() > 1 {
                if let Some(q) = self.most_named_before(p, &all_local) {
                    let reason = format!(
                        "surname fits several persons in the document; {} is named most before it",
                        self.display(q)
                    );
                    if self.join(q, p, 0.4, reason.into(), false) {
                        continue;
                    }
                }
                unresolved.push((p, false));
                continue;
            }
            let part = parts_in_doc
                .get(&(doc, surname))
                .cloned()
                .unwrap_or_default();
            if let [q] = self.one_per_group(&part)[..] {
                let reason = format!(
                    "part of the double surname {} in the same document",
                    self.display(q)
                );
                if self.join(q, p, 0.6, reason.into(), false) {
                    continue;
                }
            }
            if let Some(acronym) = acronym_of(self.display(p)) {
                let fits: Vec<u32> = self
                    .by_doc
                    .get(&doc)
                    .map(|v| {
                        v.iter()
                            .copied()
                            .filter(|&q| {
                                matches!(self.form(q), NameForm::Full | NameForm::Initials)
                                    && acronyms(&self.keys[q as usize]).contains(&acronym)
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                if let [q] = self.one_per_group(&fits)[..] {
                    let reason = format!(
                        "abbreviation {} matches the initials of {} in the same document",
                        self.display(p),
                        self.display(q)
                    );
                    let rq = self.find(q);
                    let profile = Profile {
                        initials: self.profiles[rq as usize].initials,
                        ..Profile::default()
                    };
                    if self.join_reread(q, p, profile, 0.6, reason) {
                        continue;
                    }
                }
            }
            let given = given_in_doc
                .get(&(doc, surname))
                .cloned()
                .unwrap_or_default();
            if let [q] = self.one_per_group(&given)[..] {
                let reason = format!(
                    "given name only, matches {} in the same document",
                    self.display(q)
                );
                if self.join_as_given_name(q, p, 0.55, reason) {
                    continue;
                }
            }
            let everywhere = global.get(&surname).cloned().unwrap_or_default();
            let everywhere = self.one_per_group(&everywhere);
            if let [q] = everywhere[..] {
                let reason = format!(
                    "surname matches {}, the only such name in the holding",
                    self.display(q)
                );
                if self.join(q, p, 0.65, reason.into(), false) {
                    continue;
                }
            }
            if everywhere.len() > 1 {
                // Several persons carry the surname; if only one of them is named in this
                // document in another way (an alias, a variant), that one is meant.
                let present: Vec<u32> = everywhere
                    .iter()
                    .copied()
                    .filter(|&q| self.group_in_doc(q, doc))
                    .collect();
                if let [q] = present[..] {
                    let reason = format!(
                        "surname fits several persons; only {} is named in this document",
                        self.display(q)
                    );
                    if self.join(q, p, 0.5, reason.into(), false) {
                        continue;
                    }
                }
            }
            if everywhere.is_empty() {
                let given = global_given.get(&surname).cloned().unwrap_or_default();
                if let [q] = self.one_per_group(&given)[..] {
                    let reason = format!(
                        "given name only, matches {}, the only such name in the holding",
                        self.display(q)
                    );
                    if self.join_as_given_name(q, p, 0.45, reason) {
                        continue;
                    }
                }
            }
            unresolved.push((p, everywhere.is_empty()));
        }
        let mut local_first: FxMap<(u64, u32), u32> = FxMap::default();
        let mut global_first: FxMap<u32, u32> = FxMap::default();
        for (p, no_fuller_name) in unresolved {
            let surname = self.ids[p as usize].surname;
            let lkey = (self.doc(p), surname);
            if let Some(&q) = local_first.get(&lkey) {
                self.join(q, p, 0.5, "same surname in the same document".into(), false);
            } else {
                local_first.insert(lkey, p);
            }
            if no_fuller_name {
                if let Some(&q) = global_first.get(&surname) {
                    self.join(
                        q,
                        p,
                        0.5,
                        "same surname; no fuller name known".into(),
                        false,
                    );
                } else {
                    global_first.insert(surname, p);
                }
            }
        }
    }

    /// Of the groups of `candidates`, the one with the most mentions in `p`'s document
    /// before `p` (ties: the one named last); `None` when none is named before `p`.
    fn most_named_before(&mut self, p: u32, candidates: &[u32]) -> Option<u32> {
        let (doc, start) = {
            let m = &self.mentions[self.persons[p as usize]];
            (m.doc, m.start)
        };
        let groups = self.one_per_group(candidates);
        let roots: Vec<u32> = groups.iter().map(|&q| self.find(q)).collect();
        let mut support = vec![(0usize, 0usize); roots.len()];
        let before: Vec<(u32, usize)> = self.by_doc.get(&doc).map_or(Vec::new(), |v| {
            v.iter()
                .copied()
                .map(|q| (q, self.mentions[self.persons[q as usize]].start))
                .filter(|&(_, s)| s < start)
                .collect()
        });
        for (q, s) in before {
            let r = self.find(q);
            if let Some(i) = roots.iter().position(|&x| x == r) {
                support[i].0 += 1;
                support[i].1 = support[i].1.max(s + 1);
            }
        }
        let best = (0..roots.len()).max_by_key(|&i| support[i])?;
        (support[best].0 > 0).then(|| groups[best])
    }

    /// Whether the group of `q` has a mention in document `doc`.
    fn group_in_doc(&mut self, q: u32, doc: u64) -> bool {
        let root = self.find(q);
        let in_doc = self.by_doc.get(&doc).cloned().unwrap_or_default();
        in_doc.into_iter().any(|m| self.find(m) == root)
    }

    /// Joins a one-word mention `p`, read as a given name, to the full name `q`.
    fn join_as_given_name(&mut self, q: u32, p: u32, confidence: f32, reason: String) -> bool {
        let key = &self.keys[p as usize];
        let mut as_given = Profile::of(key);
        as_given.givens = vec![key.surname.clone()];
        as_given.surnames.clear();
        as_given.surname_parts.clear();
        let rq = self.find(q);
        as_given.initials = self.profiles[rq as usize].initials;
        self.join_reread(q, p, as_given, confidence, reason)
    }

    /// Joins the one-word mention `p` to `q` under another reading than a surname (a
    /// given name, an abbreviation), described by `profile`, so that its surname reading
    /// does not block the join.
    fn join_reread(
        &mut self,
        q: u32,
        p: u32,
        profile: Profile,
        confidence: f32,
        reason: String,
    ) -> bool {
        let root = self.find(p);
        if self.size[root as usize] != 1 {
            return false;
        }
        let saved = std::mem::replace(&mut self.profiles[root as usize], profile);
        if self.join(q, p, confidence, reason.into(), false) {
            return true;
        }
        self.profiles[root as usize] = saved;
        false
    }

    /// A kunya or other alias written right after a full name ("Youssef Tahiri (Abu
    /// Ibrahim)", "Youssef Tahiri, die zich Abu Ibrahim noemt") is that person.
    fn join_aliases(&mut self) {
        let mut order: Vec<u32> = (0..self.persons.len() as u32).collect();
        order.sort_by_key(|&p| {
            let m = &self.mentions[self.persons[p as usize]];
            (m.doc, m.start)
        });
        for w in order.windows(2) {
            let (a, b) = (w[0], w[1]);
            if self.form(b) != NameForm::Other || self.form(a) != NameForm::Full {
                continue;
            }
            let (ma, mb) = (
                &self.mentions[self.persons[a as usize]],
                &self.mentions[self.persons[b as usize]],
            );
            let end = ma.start + ma.value.len();
            if ma.doc != mb.doc || mb.start < end || mb.start - end > ALIAS_GAP {
                continue;
            }
            let reason = format!(
                "alias {} written right after {}",
                self.display(b),
                self.display(a)
            );
            self.join(a, b, 0.6, reason.into(), false);
        }
    }

    /// Links each non-person mention to the person named right before it (or just after
    /// it), within the same document. Returns, per mention index, the person and the
    /// distance in bytes.
    fn attach_identifiers(&self) -> Vec<Option<(u32, usize)>> {
        let n = self.mentions.len();
        let mut person_of: Vec<Option<u32>> = vec![None; n];
        for (p, &i) in self.persons.iter().enumerate() {
            person_of[i] = Some(p as u32);
        }
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| (self.mentions[i].doc, self.mentions[i].start, i));
        let mut attached = vec![None; n];
        // Forward: the nearest person before; backward: the nearest person after.
        let mut before: Vec<Option<(u32, usize)>> = vec![None; n];
        let mut last: Option<(u64, u32, usize)> = None;
        for &i in &order {
            let m = &self.mentions[i];
            if let Some(p) = person_of[i] {
                last = Some((m.doc, p, m.start + m.value.len()));
            } else if let Some((doc, p, end)) = last {
                if doc == m.doc && m.start >= end && m.start - end <= AFTER_NAME {
                    before[i] = Some((p, m.start - end));
                }
            }
        }
        let mut next: Option<(u64, u32, usize)> = None;
        for &i in order.iter().rev() {
            let m = &self.mentions[i];
            if let Some(p) = person_of[i] {
                next = Some((m.doc, p, m.start));
                continue;
            }
            let end = m.start + m.value.len();
            let after = next.and_then(|(doc, p, start)| {
                (doc == m.doc && start >= end && start - end <= BEFORE_NAME)
                    .then(|| (p, start - end))
            });
            attached[i] = match (before[i], after) {
                // An e-mail address that spells one of the two names belongs to that one.
                (Some(b), Some(a))
                    if m.kind == "email"
                        && self.email_spells(&m.value, b.0) != self.email_spells(&m.value, a.0) =>
                {
                    Some(if self.email_spells(&m.value, b.0) {
                        b
                    } else {
                        a
                    })
                }
                // Details follow the name they belong to ("X woont in Tiel", "X, tel. 06-…");
                // only a detail far from the name before and right before the next goes there.
                (Some(b), Some(a)) => Some(if b.1 <= CLOSE_AFTER || b.1 <= a.1 * 4 {
                    b
                } else {
                    a
                }),
                (b, a) => b.or(a),
            };
        }
        attached
    }

    /// Whether the local part of e-mail address `email` contains a name part (3+ letters) of
    /// person `p` ("k.bouzidi@…" spells "Karim Bouzidi").
    fn email_spells(&self, email: &str, p: u32) -> bool {
        let local: String = email
            .split('@')
            .next()
            .unwrap_or("")
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        let local = crate::fold::fold(&local);
        let name = &self.mentions[self.persons[p as usize]].value;
        name.split(|c: char| !c.is_alphanumeric())
            .map(|w| crate::fold::fold(&w.to_lowercase()))
            .any(|w| w.chars().count() >= 3 && local.contains(w.as_str()))
    }

    /// Pass 5: the same identifier next to compatible names in different places.
    fn join_shared_identifiers(&mut self, attached: &[Option<(u32, usize)>]) {
        let mut first: FxMap<(&str, String), u32> = FxMap::default();
        for (i, m) in self.mentions.iter().enumerate() {
            let Some((p, _)) = attached[i] else { continue };
            let Some(kind) = LINKING_KINDS.iter().find(|k| **k == m.kind) else {
                continue;
            };
            let Some(value) = normalise_identifier(kind, &m.value) else {
                continue;
            };
            match first.get(&(*kind, value.clone())) {
                Some(&q) => {
                    let same_doc = self.doc(q) == self.doc(p);
                    let reason = format!(
                        "shared {} next to {} and {}{}",
                        kind_label(kind),
                        self.display(q),
                        self.display(p),
                        if same_doc {
                            " in the same document"
                        } else {
                            ""
                        }
                    );
                    self.join(q, p, 0.8, reason.into(), *kind == "bsn");
                }
                None => {
                    first.insert((kind, value), p);
                }
            }
        }
    }

    /// The weakest link on each person mention's path to its subject's anchor.
    fn confidences(&self) -> Vec<f32> {
        let n = self.tree.len();
        let mut conf: Vec<f32> = vec![f32::NAN; n];
        let mut path = Vec::new();
        for start in 0..n {
            let mut cur = start;
            let mut base = 1.0;
            while conf[cur].is_nan() {
                match &self.tree[cur] {
                    Some(edge) => {
                        path.push(cur);
                        cur = edge.to as usize;
                    }
                    None => {
                        conf[cur] = 1.0;
                        break;
                    }
                }
                if path.len() > n {
                    break; // cannot happen in a tree; guard against a bug looping forever
                }
            }
            if !conf[cur].is_nan() {
                base = conf[cur];
            }
            while let Some(node) = path.pop() {
                let edge_conf = self.tree[node].as_ref().map_or(1.0, |e| e.confidence);
                base = f32::min(base, edge_conf);
                conf[node] = base;
            }
        }
        conf
    }

    fn into_subjects(
        mut self,
        attached: &[Option<(u32, usize)>],
        decisions: &[Decision],
    ) -> Vec<Subject> {
        let n = self.mentions.len();
        let confidence = self.confidences();
        // Group node of every mention: person mentions by their root, identifiers by
        // their person, decisions on top.
        let mut node: Vec<Option<u32>> = vec![None; n];
        for p in 0..self.persons.len() as u32 {
            node[self.persons[p as usize]] = Some(self.find(p));
        }
        let mut groups = Dsu::new(self.persons.len());
        let mut decided: Vec<Option<&'static str>> = vec![None; n];
        if !decisions.is_empty() {
            let index: HashMap<u64, usize> = self
                .mentions
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id, i))
                .collect();
            let label = |node: &[Option<u32>], i: usize| {
                node[i].or_else(|| attached[i].and_then(|(p, _)| node[self.persons[p as usize]]))
            };
            for decision in decisions {
                match decision {
                    Decision::Merge { a, b } => {
                        let mut target: Option<u32> = None;
                        for id in a.iter().chain(b) {
                            let Some(&i) = index.get(id) else { continue };
                            let l = match label(&node, i) {
                                Some(l) => l,
                                None => groups.fresh(),
                            };
                            node[i] = Some(l);
                            decided[i] = Some("merged by working-group decision");
                            match target {
                                Some(t) => groups.union(t, l),
                                None => target = Some(l),
                            }
                        }
                    }
                    Decision::Split { mentions } => {
                        let fresh = groups.fresh();
                        for id in mentions {
                            let Some(&i) = index.get(id) else { continue };
                            node[i] = Some(fresh);
                            decided[i] = Some("split off by working-group decision");
                        }
                    }
                }
            }
        }
        let mut by_group: FxMap<u32, usize> = FxMap::default();
        let mut subjects: Vec<(Vec<Member>, Option<usize>)> = Vec::new();
        let mut group_of_mention: Vec<Option<usize>> = vec![None; n];
        let mut person_index: Vec<Option<u32>> = vec![None; n];
        for (p, &i) in self.persons.iter().enumerate() {
            person_index[i] = Some(p as u32);
        }
        for i in 0..n {
            let l =
                node[i].or_else(|| attached[i].and_then(|(p, _)| node[self.persons[p as usize]]));
            let Some(l) = l else { continue };
            let g = groups.find(l);
            let s = *by_group.entry(g).or_insert_with(|| {
                subjects.push((Vec::new(), None));
                subjects.len() - 1
            });
            group_of_mention[i] = Some(s);
            let m = &self.mentions[i];
            let (conf, evidence): (f32, String) = if let Some(d) = decided[i] {
                (1.0, d.to_string())
            } else if let Some(p) = person_index[i] {
                match &self.tree[p as usize] {
                    Some(edge) => (confidence[p as usize], edge.reason.to_string()),
                    None => (1.0, "name as written".to_string()),
                }
            } else if let Some((_, dist)) = attached[i] {
                let conf = if dist <= 60 {
                    0.9
                } else if dist <= 140 {
                    0.75
                } else {
                    0.6
                };
                (
                    conf,
                    format!(
                        "{} next to the name in the same document",
                        kind_label(&m.kind)
                    ),
                )
            } else {
                (1.0, "added by working-group decision".to_string())
            };
            subjects[s].0.push(Member {
                mention: m.id,
                confidence: conf,
                evidence,
            });
            if let Some(p) = person_index[i] {
                let best = &mut subjects[s].1;
                if best.is_none_or(|b| self.better_name(p, person_index[b].unwrap_or(p))) {
                    *best = Some(i);
                }
            }
        }
        let mut out: Vec<Subject> = subjects
            .into_iter()
            .filter_map(|(mut members, best)| {
                let best = best?;
                members.sort_by_key(|m| m.mention);
                let p = person_index[best]?;
                Some(Subject {
                    name: self.keys[p as usize].display.clone(),
                    members,
                })
            })
            .collect();
        out.sort_by_key(|s| s.members.first().map(|m| m.mention));
        out
    }

    /// Whether mention `a` is a fuller display name than `b`.
    fn better_name(&self, a: u32, b: u32) -> bool {
        let score = |p: u32| {
            let k = &self.keys[p as usize];
            let d = &k.display;
            (
                k.form(),
                k.givens.len(),
                k.initials.len(),
                !d.is_ascii(),
                d.chars().next().is_some_and(char::is_uppercase),
                d.len(),
            )
        };
        score(a) > score(b)
    }
}

/// A one-word mention written as an abbreviation of a name ("PJ", "MvdB"), lower-cased.
fn acronym_of(word: &str) -> Option<String> {
    let letters = word.chars().count();
    let upper = word.chars().filter(char::is_ascii_uppercase).count();
    let ok = (2..=5).contains(&letters)
        && upper >= 2
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && word.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    ok.then(|| word.to_ascii_lowercase())
}

/// The abbreviations a name may be written as: its initials alone, or followed by the
/// first letters of its tussenvoegsel and surname (parts).
fn acronyms(key: &NameKey) -> Vec<String> {
    let mut out = vec![key.initials.clone()];
    let tussen: String = key
        .tussen
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .collect();
    let parts: String = key
        .surname_parts
        .iter()
        .filter_map(|p| p.chars().next())
        .collect();
    if let Some(first) = parts.chars().next() {
        out.push(format!("{}{}{}", key.initials, tussen, first));
        out.push(format!("{}{}{}", key.initials, tussen, parts));
    }
    out
}

fn kind_label(kind: &str) -> &str {
    match kind {
        "email" => "e-mail",
        "bsn" => "BSN",
        "iban" => "IBAN",
        other => other,
    }
}

/// A plain union-find for the decision step, which can grow.
struct Dsu {
    parent: Vec<u32>,
}

impl Dsu {
    fn new(n: usize) -> Self {
        Dsu {
            parent: (0..n as u32).collect(),
        }
    }

    fn fresh(&mut self) -> u32 {
        let id = self.parent.len() as u32;
        self.parent.push(id);
        id
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let gp = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = gp;
            x = gp;
        }
        x
    }

    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[rb as usize] = ra;
        }
    }
}
