//! One-pass tokenizer: words, numbers and punctuation with byte offsets, plus how much
//! whitespace (and how many newlines) came before each token. No allocation per token.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Letters, with inner hyphens/apostrophes (`Broek-Lamrani`, `D'Souza`) and a leading
    /// apostrophe (`'t`, `'s-Hertogenbosch`).
    Word,
    /// ASCII digits.
    Number,
    /// Any other single non-space char.
    Punct,
}

/// The longest text [`tokenize`] takes: offsets are kept in 32 bits, so that a token is 16
/// bytes and more of them stay in cache (`Detector::detect` cuts a longer text into pieces).
pub(crate) const MAX_TEXT: usize = u32::MAX as usize;

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// Byte offsets of the token in the text ([`Tok::start`], [`Tok::end`]).
    s: u32,
    e: u32,
    pub class: Class,
    /// Newlines in the whitespace before this token (saturating).
    pub nl_before: u8,
    /// Whether any whitespace separates this token from the previous one.
    pub space_before: bool,
    /// Word whose first letter is upper case (never a number or punctuation: the name rules
    /// rely on it).
    pub cap: bool,
    /// Word of two or more letters, all upper case.
    pub all_caps: bool,
    /// Word broken over two lines by the hyphen of a narrow column ("Jan-⏎nes"): its text
    /// holds the hyphen and the line break ([`Tok::joined`] gives the word without them).
    pub wrapped: bool,
    /// The first byte of the token's text, kept beside the offsets (in padding the struct had
    /// anyway): [`Tok::is_punct`] runs for nearly every token the rules look at, and read the
    /// text at a place of its own for it.
    lead: u8,
}

/// The tokens of a text, with the two lists of them that later stages visit instead of every
/// token; built in the same pass, while the bytes are in cache.
pub(crate) struct Tokens {
    pub toks: Vec<Tok>,
    /// Indices of the words with a capital first letter, in order: the name and place rules
    /// start only at these. 32 bits, as the offsets are.
    pub caps: Vec<u32>,
    /// Start offsets of the words at which a special-category cue may begin
    /// ([`crate::special::may_begin_cue`]), in order: the cue scan looks only at these.
    pub cue_starts: Vec<u32>,
}

impl Tok {
    #[inline(always)]
    pub fn start(&self) -> usize {
        self.s as usize
    }
    #[inline(always)]
    pub fn end(&self) -> usize {
        self.e as usize
    }
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        crate::sub(text, self.start(), self.end())
    }
    /// Whether the token is punctuation starting with byte `c` (`text` is the text the token
    /// came from; the byte is kept in the token).
    #[inline(always)]
    pub fn is_punct(&self, text: &str, c: u8) -> bool {
        debug_assert_eq!(text.as_bytes()[self.start()], self.lead);
        self.class == Class::Punct && self.lead == c
    }
    /// The text of a [`Tok::wrapped`] word without its line-end hyphen and line break
    /// ("Jan-⏎nes" → "Jannes"), in `buf`; any other token's text as it is.
    pub fn joined<'b>(&self, text: &'b str, buf: &'b mut String) -> &'b str {
        let w = self.text(text);
        if !self.wrapped {
            return w;
        }
        buf.clear();
        let mut parts = w.split('\n');
        if let Some(first) = parts.next() {
            buf.push_str(first.trim_end().strip_suffix('-').unwrap_or(first));
        }
        for p in parts {
            buf.push_str(p.trim_start());
        }
        buf
    }
    /// Whether a tab separates this token from the later token `next`: they stand in
    /// different cells of a tab-separated export.
    pub fn tab_before(&self, text: &str, next: &Tok) -> bool {
        text.as_bytes()[self.end()..next.start()].contains(&b'\t')
    }
}

#[inline]
fn is_letter(c: char) -> bool {
    c.is_alphabetic()
}

/// Tokenizes `text`.
pub(crate) fn tokenize(text: &str) -> Tokens {
    assert!(
        text.len() <= MAX_TEXT,
        "tokenize takes at most MAX_TEXT bytes"
    );
    let bytes = text.as_bytes();
    // Dutch prose runs about 4.2 bytes a token (the dev corpus): room for one token per three
    // bytes, so the vector is almost never grown, each growth being a copy of every token so
    // far. Untouched capacity costs no memory, only address space.
    let mut toks = Vec::with_capacity(text.len() / 3 + 16);
    let mut caps = Vec::with_capacity(text.len() / 24 + 16);
    let mut cue_starts = Vec::with_capacity(text.len() / 16 + 16);
    let mut i = 0;
    let mut nl: u8 = 0;
    let mut space = false;
    while i < bytes.len() {
        let b = bytes[i];
        if is_space(b) {
            if b == b'\n' {
                nl = nl.saturating_add(1);
            }
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let class;
        let mut wrapped = false;
        if b.is_ascii_alphabetic() {
            // Fast path for the commonest token, a plain ASCII word: scan and case it in one
            // pass. Anything that might continue the word (a joiner or a non-ASCII letter)
            // falls through to the general loop below.
            i = ascii_letters(bytes, i);
            let more = bytes
                .get(i)
                .is_some_and(|&n| n >= 0x80 || n == b'-' || n == b'\'');
            if !more {
                let cap = b.is_ascii_uppercase();
                // Most words start lower case: the rest of the word is read only after a
                // capital, and mostly only its second letter.
                let all_caps =
                    cap && i - start >= 2 && bytes[start + 1..i].iter().all(u8::is_ascii_uppercase);
                if cap {
                    caps.push(toks.len() as u32);
                }
                if crate::special::may_begin_cue(bytes, start) {
                    cue_starts.push(start as u32);
                }
                toks.push(Tok {
                    s: start as u32,
                    e: i as u32,
                    class: Class::Word,
                    nl_before: nl,
                    space_before: space,
                    cap,
                    all_caps,
                    wrapped: false,
                    lead: b,
                });
                nl = 0;
                space = false;
                continue;
            }
            i = start;
        }
        if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            class = Class::Number;
        } else {
            let c = if b < 0x80 { b as char } else { decode(text, i) };
            let apostrophe_word = (c == '\'' || c == '’')
                && next_char(text, i + c.len_utf8()).is_some_and(is_letter)
                && toks
                    .last()
                    .is_none_or(|t: &Tok| space || t.class != Class::Word);
            if is_letter(c) || apostrophe_word {
                i += c.len_utf8();
                loop {
                    // ASCII fast path: most word bytes are plain letters.
                    while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                        i += 1;
                    }
                    let Some(d) = next_char(text, i) else {
                        break;
                    };
                    let after = next_char(text, i + d.len_utf8());
                    // A lower-case word joined to a capitalised one is two tokens: "motie-Van
                    // Aalst", "oud-VVD": the name after the hyphen starts a name of its own.
                    let lower_to_capital =
                        d == '-' && c.is_lowercase() && after.is_some_and(char::is_uppercase);
                    let joiner = (d == '-' || d == '\'' || d == '’')
                        && after.is_some_and(is_letter)
                        && !lower_to_capital;
                    if is_letter(d) || (d.is_alphanumeric() && !d.is_ascii_digit()) || joiner {
                        i += d.len_utf8();
                    } else if d == '-' && i > start {
                        // A word broken at the end of a line by a hyphen, the rest lower case
                        // on the next line ("Jan-⏎nes", "gemeente-⏎lijke"): one word.
                        match hyphen_wrap(bytes, i + 1) {
                            Some(next) if next_char(text, next).is_some_and(char::is_lowercase) => {
                                i = next;
                                wrapped = true;
                            }
                            _ => break,
                        }
                    } else {
                        break;
                    }
                }
                class = Class::Word;
            } else if c.is_whitespace() {
                // Unicode space (NBSP and friends).
                space = true;
                i += c.len_utf8();
                continue;
            } else {
                i += c.len_utf8();
                class = Class::Punct;
            }
        }
        let (cap, all_caps) = if class == Class::Word {
            word_case(crate::sub(text, start, i))
        } else {
            (false, false)
        };
        if class == Class::Word {
            if cap {
                caps.push(toks.len() as u32);
            }
            if crate::special::may_begin_cue(bytes, start) {
                cue_starts.push(start as u32);
            }
        }
        toks.push(Tok {
            s: start as u32,
            e: i as u32,
            class,
            nl_before: nl,
            space_before: space,
            cap,
            all_caps,
            wrapped,
            lead: b,
        });
        nl = 0;
        space = false;
    }
    Tokens {
        toks,
        caps,
        cue_starts,
    }
}

/// Where the next line starts when `i` (just after a hyphen) is at a line end: spaces or tabs,
/// an optional CR, one LF, spaces or tabs. `None` elsewhere and before a blank line.
fn hyphen_wrap(b: &[u8], mut i: usize) -> Option<usize> {
    while b.get(i).is_some_and(|&c| c == b' ' || c == b'\t') {
        i += 1;
    }
    if b.get(i) == Some(&b'\r') {
        i += 1;
    }
    if b.get(i) != Some(&b'\n') {
        return None;
    }
    i += 1;
    while b.get(i).is_some_and(|&c| c == b' ' || c == b'\t') {
        i += 1;
    }
    Some(i)
}

/// Whether `b` is ASCII whitespace the tokenizer skips (space, tab, CR, LF, form feed): one
/// compare and one bit test instead of five compares.
#[inline(always)]
fn is_space(b: u8) -> bool {
    const SPACES: u64 = 1 << b' ' | 1 << b'\t' | 1 << b'\r' | 1 << b'\n' | 1 << 0x0c;
    b <= b' ' && SPACES >> b & 1 != 0
}

/// The end of the run of ASCII letters starting at `i`. Sixteen bytes at a time (SSE2, always
/// present on x86-64): most words end inside the first block, so a word costs one comparison
/// instead of one per letter.
#[inline]
fn ascii_letters(bytes: &[u8], mut i: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::*;
        // SAFETY: SSE2 is part of the x86-64 baseline; each load reads the 16 bytes
        // `i..i + 16`, inside `bytes`, unaligned.
        unsafe {
            let case = _mm_set1_epi8(0x20);
            let before_a = _mm_set1_epi8(b'a' as i8 - 1);
            let after_z = _mm_set1_epi8(b'z' as i8 + 1);
            while i + 16 <= bytes.len() {
                let x = _mm_loadu_si128(bytes.as_ptr().add(i).cast());
                // Signed compares: bytes >= 0x80 are negative, so never letters.
                let lower = _mm_or_si128(x, case);
                let letter = _mm_and_si128(
                    _mm_cmpgt_epi8(lower, before_a),
                    _mm_cmplt_epi8(lower, after_z),
                );
                let letters = _mm_movemask_epi8(letter) as u32;
                let run = (!letters).trailing_zeros(); // letters before the first non-letter
                i += run.min(16) as usize;
                if run < 16 {
                    return i;
                }
            }
        }
    }
    while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

fn word_case(w: &str) -> (bool, bool) {
    // ASCII: one pass (this runs for every word of the text).
    let mut first: Option<bool> = None;
    let mut letters = 0u32;
    let mut all = true;
    let mut ascii = true;
    for &c in w.as_bytes() {
        if c >= 0x80 {
            ascii = false;
            break;
        }
        if c.is_ascii_alphabetic() {
            let up = c.is_ascii_uppercase();
            first.get_or_insert(up);
            letters += 1;
            all &= up;
        }
    }
    if ascii {
        return (first == Some(true), letters >= 2 && all);
    }
    let mut letters = w.chars().filter(|c| c.is_alphabetic());
    let cap = letters.next().is_some_and(char::is_uppercase);
    let n = w.chars().filter(|c| c.is_alphabetic()).count();
    let all = n >= 2
        && w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    (cap, all)
}

#[inline]
fn decode(text: &str, i: usize) -> char {
    text.get(i..).and_then(|r| r.chars().next()).unwrap_or('\0')
}

#[inline]
fn next_char(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text.get(i..)?.chars().next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first byte kept in the token is the text's, and the token stays 16 bytes.
    #[test]
    fn lead_is_the_first_byte() {
        assert_eq!(std::mem::size_of::<Tok>(), 16);
        let text = "Jan-⏎nes, ’t Hof: é (x) 1234 AB — ‘Ans’!".replace('⏎', "\n");
        for t in tokenize(&text).toks {
            assert_eq!(t.lead, text.as_bytes()[t.start()]);
            assert!(!t.cap || t.class == Class::Word);
        }
    }

    #[test]
    fn ascii_letters_agrees_with_a_byte_loop() {
        let text = "Jansen woont in DEN Haag; o.a. ABCDEFGHIJKLMNOPQRSTUVWXYZabc ç x1 Zz".repeat(2);
        let b = text.as_bytes();
        for i in 0..b.len() {
            let mut j = i;
            while j < b.len() && b[j].is_ascii_alphabetic() {
                j += 1;
            }
            assert_eq!(ascii_letters(b, i), j, "from {i}");
        }
    }

    #[test]
    fn case_flags() {
        let t = "Den HAAG DH dH D a ABCDEFGHIJKLMNOPQRSTUVWXYZ ABCDEFGHIJKLMNOPQRSTUVWXYz";
        let flags: Vec<(bool, bool)> = tokenize(t)
            .toks
            .iter()
            .map(|k| (k.cap, k.all_caps))
            .collect();
        assert_eq!(
            flags,
            [
                (true, false),
                (true, true),
                (true, true),
                (false, false),
                (true, false),
                (false, false),
                (true, true),
                (true, false),
            ]
        );
    }

    #[test]
    fn spaces() {
        for b in 0..=255u8 {
            let expected = matches!(b, b' ' | b'\t' | b'\r' | b'\n' | 0x0c);
            assert_eq!(is_space(b), expected, "byte {b}");
        }
    }

    #[test]
    fn words_and_hyphens() {
        let t = "Mw. Van den Broek-Lamrani, van 't Hek\n06-1234";
        let toks = tokenize(t).toks;
        let words: Vec<&str> = toks.iter().map(|k| k.text(t)).collect();
        assert_eq!(
            words,
            [
                "Mw",
                ".",
                "Van",
                "den",
                "Broek-Lamrani",
                ",",
                "van",
                "'t",
                "Hek",
                "06",
                "-",
                "1234"
            ]
        );
        assert_eq!(toks[9].nl_before, 1);
        assert!(toks[4].cap);
    }

    /// A word broken by a hyphen at a line end, the rest lower case on the next line, is one
    /// token; a capital or a blank line after the hyphen is not a continuation.
    #[test]
    fn words_broken_at_a_line_end() {
        let t = "heer Jan-\nnes de Vries, gemeente-  \r\n  lijk; Noord-\nHolland; en-\n\nzo";
        let toks = tokenize(t).toks;
        let words: Vec<&str> = toks.iter().map(|k| k.text(t)).collect();
        assert_eq!(
            words,
            [
                "heer",
                "Jan-\nnes",
                "de",
                "Vries",
                ",",
                "gemeente-  \r\n  lijk",
                ";",
                "Noord",
                "-",
                "Holland",
                ";",
                "en",
                "-",
                "zo"
            ]
        );
        let mut buf = String::new();
        assert!(toks[1].wrapped && toks[1].cap);
        assert_eq!(toks[1].joined(t, &mut buf), "Jannes");
        assert_eq!(toks[5].joined(t, &mut buf), "gemeentelijk");
        assert!(!toks[3].wrapped);
        assert_eq!(toks[3].joined(t, &mut buf), "Vries");
    }
}
