//! Finding redacted values again in a format's own text, case- and whitespace-insensitively.
//!
//! Every format but plain text has its own structure (runs, text nodes, glyphs) whose text differs
//! a little from what the extractor printed: other line breaks, no spaces between table cells,
//! entities. So instead of trusting offsets, each format builds a [`Haystack`] of its characters,
//! each tied to a *unit* the format can cut (a byte, a glyph), and asks the [`Matcher`] where the
//! values are. Short values must stand as a word of their own so that `Ede` does not hit `mede`.

use std::collections::HashMap;

use crate::{merge_ranges, Grounds, Mark, Span};

/// Values shorter than this many normalised characters must match whole words.
const WHOLE_WORD_BELOW: usize = 6;

/// Lower-cases and drops whitespace and invisible characters, expanding ligatures: the form in
/// which values and texts are compared.
pub fn normalise_for_search(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        push_normalised(c, &mut |n| out.push(n));
    }
    out
}

fn is_ignorable(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{0}'
        )
}

/// Calls `push` with the normalised characters of `c` (none for whitespace).
fn push_normalised(c: char, push: &mut impl FnMut(char)) {
    if is_ignorable(c) {
        return;
    }
    let expanded: &str = match c {
        '\u{fb00}' => "ff",
        '\u{fb01}' => "fi",
        '\u{fb02}' => "fl",
        '\u{fb03}' => "ffi",
        '\u{fb04}' => "ffl",
        '\u{fb05}' | '\u{fb06}' => "st",
        // Typographic quotes and dashes count as their plain forms.
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => "'",
        '\u{201c}' | '\u{201d}' | '\u{201e}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => "-",
        _ => "",
    };
    if expanded.is_empty() {
        for l in c.to_lowercase() {
            push(l);
        }
    } else {
        for e in expanded.chars() {
            push(e);
        }
    }
}

/// A value to find.
#[derive(Debug, Clone)]
pub(crate) struct Needle {
    chars: Vec<char>,
    whole_word: bool,
    pub mark: Mark,
    /// The indices of the spans whose text this is.
    pub value_indices: Vec<usize>,
}

impl Needle {
    pub fn new(value: &str) -> Needle {
        let chars: Vec<char> = normalise_for_search(value).chars().collect();
        Needle {
            whole_word: chars.len() < WHOLE_WORD_BELOW,
            chars,
            mark: Mark::new(None, "5.1.2e"),
            value_indices: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }
}

/// The normalised characters of a text, each with the source units it came from.
#[derive(Debug, Default)]
pub(crate) struct Haystack {
    chars: Vec<char>,
    /// `[start, end)` in source units of the character each normalised character came from.
    units: Vec<(usize, usize)>,
    /// Whether whitespace (or the start) came before each normalised character.
    gap_before: Vec<bool>,
}

impl Haystack {
    /// Builds from `(unit_start, unit_end, char)` triples in reading order.
    pub fn from_units(items: impl IntoIterator<Item = (usize, usize, char)>) -> Haystack {
        let mut hay = Haystack::default();
        let mut gap = true;
        for (start, end, c) in items {
            if is_ignorable(c) {
                // Soft hyphens and zero-width characters join words; whitespace separates them.
                gap |= c.is_whitespace() || c == '\u{0}';
                continue;
            }
            let mut first = true;
            push_normalised(c, &mut |n| {
                hay.chars.push(n);
                hay.units.push((start, end));
                hay.gap_before.push(gap && first);
                first = false;
            });
            gap = false;
        }
        hay
    }

    /// Builds from a string; units are byte offsets.
    pub fn from_str(text: &str) -> Haystack {
        Haystack::from_units(text.char_indices().map(|(i, c)| (i, i + c.len_utf8(), c)))
    }

    fn starts_word(&self, k: usize) -> bool {
        k == 0
            || self.gap_before[k]
            || !self.chars[k].is_alphanumeric()
            || !self.chars[k - 1].is_alphanumeric()
    }

    fn ends_word(&self, last: usize) -> bool {
        last + 1 >= self.chars.len()
            || self.gap_before[last + 1]
            || !self.chars[last].is_alphanumeric()
            || !self.chars[last + 1].is_alphanumeric()
    }

    fn matches_at(&self, needle: &Needle, k: usize) -> bool {
        let n = needle.chars.len();
        if k + n > self.chars.len() || self.chars[k..k + n] != needle.chars[..] {
            return false;
        }
        !needle.whole_word || (self.starts_word(k) && self.ends_word(k + n - 1))
    }

    /// Source unit ranges `[start, end)` of every non-overlapping occurrence of `needle`.
    pub fn find_all(&self, needle: &Needle) -> Vec<(usize, usize)> {
        let mut hits = Vec::new();
        let n = needle.chars.len();
        if n == 0 || n > self.chars.len() {
            return hits;
        }
        let first = needle.chars[0];
        let mut k = 0;
        while k + n <= self.chars.len() {
            if self.chars[k] == first && self.matches_at(needle, k) {
                hits.push((self.units[k].0, self.units[k + n - 1].1));
                k += n;
            } else {
                k += 1;
            }
        }
        hits
    }

    /// Whether `needle` occurs, looking only where its first character stands (`index`, from
    /// [`Haystack::first_char_index`]): verifying many values against a long text used to
    /// compare each value at every position.
    pub fn contains(&self, needle: &Needle, index: &HashMap<char, Vec<usize>>) -> bool {
        let Some(first) = needle.chars.first() else {
            return false;
        };
        index
            .get(first)
            .is_some_and(|at| at.iter().any(|&k| self.matches_at(needle, k)))
    }

    /// The positions of each character, for [`Haystack::contains`].
    pub fn first_char_index(&self) -> HashMap<char, Vec<usize>> {
        let mut index: HashMap<char, Vec<usize>> = HashMap::new();
        for (k, c) in self.chars.iter().enumerate() {
            index.entry(*c).or_default().push(k);
        }
        index
    }
}

/// The values of a redaction, each with its mark.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    needles: Vec<Needle>,
    value_count: usize,
}

impl Matcher {
    /// One needle per distinct value; longer values first so that they win over their parts.
    pub fn new(extracted_text: &str, spans: &[Span], grounds: &Grounds) -> Matcher {
        let mut needles: Vec<Needle> = Vec::new();
        for (index, s) in spans.iter().enumerate() {
            let Some(value) = extracted_text.get(s.start..s.end) else {
                continue;
            };
            let mut needle = Needle::new(value);
            if needle.is_empty() {
                continue;
            }
            let mark = Mark::new(s.label.clone(), grounds.ground(&s.kind));
            if let Some(existing) = needles.iter_mut().find(|n| n.chars == needle.chars) {
                existing.mark.absorb(&mark);
                existing.value_indices.push(index);
                continue;
            }
            needle.mark = mark;
            needle.value_indices.push(index);
            needles.push(needle);
        }
        needles.sort_by_key(|n| std::cmp::Reverse(n.chars.len()));
        Matcher {
            needles,
            value_count: spans.len(),
        }
    }

    pub fn value_count(&self) -> usize {
        self.value_count
    }

    /// Disjoint `[start, end)` unit ranges to remove, each with its mark, in order. Marks
    /// `located[value_index]` for every value found.
    pub fn find(&self, hay: &Haystack, located: &mut [bool]) -> Vec<(usize, usize, Mark)> {
        let mut ranges = Vec::new();
        for needle in &self.needles {
            let hits = hay.find_all(needle);
            if !hits.is_empty() {
                for &i in &needle.value_indices {
                    if let Some(l) = located.get_mut(i) {
                        *l = true;
                    }
                }
            }
            ranges.extend(hits.into_iter().map(|(s, e)| (s, e, needle.mark.clone())));
        }
        ranges.sort_by_key(|r| (r.0, r.1));
        merge_ranges(ranges)
    }

    /// Replaces every value in a plain string (an attribute, a header) by its mark.
    pub fn redact_str(&self, text: &str, located: &mut [bool]) -> String {
        let ranges = self.find(&Haystack::from_str(text), located);
        if ranges.is_empty() {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for (start, end, mark) in ranges {
            out.push_str(&text[at..start]);
            out.push_str(&mark.render());
            at = end;
        }
        out.push_str(&text[at..]);
        out
    }

    /// The first value index not located, if any.
    pub fn first_missing(&self, located: &[bool]) -> Option<usize> {
        self.needles
            .iter()
            .flat_map(|n| n.value_indices.iter().copied())
            .filter(|&i| !located.get(i).copied().unwrap_or(false))
            .min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(text: &str, spans: &[(usize, usize, &str)]) -> Matcher {
        let spans: Vec<Span> = spans.iter().map(|&(s, e, k)| Span::new(s, e, k)).collect();
        Matcher::new(text, &spans, &Grounds::woo_default())
    }

    #[test]
    fn redacts_every_occurrence_across_whitespace() {
        let m = matcher("Bram Vlinder", &[(0, 12, "person")]);
        let mut located = vec![false];
        let out = m.redact_str("Brief aan BRAM\n vlinder; cc bram vlinder.", &mut located);
        assert_eq!(out, "Brief aan [5.1.2e]; cc [5.1.2e].");
        assert_eq!(located, vec![true]);
    }

    #[test]
    fn short_values_match_whole_words_only() {
        let m = matcher("Ede", &[(0, 3, "place")]);
        let mut located = vec![false];
        assert_eq!(
            m.redact_str("mede in Ede, heden", &mut located),
            "mede in [5.1.2e], heden"
        );
    }

    #[test]
    fn missing_values_are_reported_by_index() {
        let m = matcher("Ede Zwolle", &[(0, 3, "place"), (4, 10, "place")]);
        let mut located = vec![false, false];
        m.redact_str("alleen Zwolle", &mut located);
        assert_eq!(m.first_missing(&located), Some(0));
    }
}
