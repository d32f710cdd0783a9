//! RTF → text: a small reader of groups and control words.
//!
//! No RTF crate we found handles code pages, `\uN` with its `\ucN` fallback skipping and
//! ignorable destinations together, so this is written by hand, deliberately small: it keeps the
//! visible text and paragraph structure and drops everything else (fonts, colours, styles,
//! pictures, embedded objects, field instructions). Malformed input never fails: unbalanced
//! braces and stray bytes just end or continue the text.

use crate::{DocType, ExtractError, Extracted};

/// Destinations whose content is not document text.
fn skipped_destination(word: &str) -> bool {
    matches!(
        word,
        "fonttbl"
            | "colortbl"
            | "stylesheet"
            | "info"
            | "pict"
            | "object"
            | "objdata"
            | "themedata"
            | "colorschememapping"
            | "datastore"
            | "latentstyles"
            | "listtable"
            | "listoverridetable"
            | "rsidtbl"
            | "generator"
            | "xmlnstbl"
            | "mmathPr"
            | "filetbl"
            | "revtbl"
            | "fldinst"
            | "datafield"
            | "nonshppict"
            | "pgdsctbl"
            | "protusertbl"
            | "userprops"
            | "wgrffmtfilter"
            | "defchp"
            | "defpap"
            | "fchars"
            | "lchars"
    )
}

#[derive(Clone, Copy)]
struct GroupState {
    skip: bool,
    /// How many fallback characters follow a `\uN`.
    uc: usize,
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    out: String,
    /// Code-page bytes waiting to be decoded together (multi-byte code pages need that).
    pending: Vec<u8>,
    encoding: &'static encoding_rs::Encoding,
    /// Fallback characters still to drop after a `\uN`.
    to_skip: usize,
}

impl Reader<'_> {
    fn flush(&mut self) {
        if !self.pending.is_empty() {
            let (text, _, _) = self.encoding.decode(&self.pending);
            self.out.push_str(&text);
            self.pending.clear();
        }
    }

    fn push_char(&mut self, c: char, state: &GroupState) {
        if state.skip {
            return;
        }
        if self.to_skip > 0 {
            self.to_skip -= 1;
            return;
        }
        self.flush();
        self.out.push(c);
    }

    fn push_byte(&mut self, b: u8, state: &GroupState) {
        if state.skip {
            return;
        }
        if self.to_skip > 0 {
            self.to_skip -= 1;
            return;
        }
        if b < 0x80 {
            self.flush();
            self.out.push(b as char);
        } else {
            self.pending.push(b);
        }
    }
}

pub(crate) fn extract(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    Ok(Extracted::new(DocType::Rtf, to_text(bytes)))
}

pub(crate) fn to_text(bytes: &[u8]) -> String {
    let mut r = Reader {
        bytes,
        pos: 0,
        out: String::with_capacity(bytes.len() / 2),
        pending: Vec::new(),
        encoding: encoding_rs::WINDOWS_1252,
        to_skip: 0,
    };
    let mut stack: Vec<GroupState> = Vec::new();
    let mut state = GroupState { skip: false, uc: 1 };
    // Set right after `{`: the next control word may name a destination.
    let mut group_start = false;
    // Guards against absurd nesting in hostile files.
    const MAX_DEPTH: usize = 1000;

    while r.pos < r.bytes.len() {
        let b = r.bytes[r.pos];
        r.pos += 1;
        match b {
            b'{' => {
                if stack.len() < MAX_DEPTH {
                    stack.push(state);
                }
                r.to_skip = 0;
                group_start = true;
                continue;
            }
            b'}' => {
                r.flush();
                r.to_skip = 0;
                match stack.pop() {
                    Some(s) => state = s,
                    None => break, // end of the document
                }
            }
            b'\\' => {
                let at_group_start = group_start;
                group_start = false;
                control(&mut r, &mut state, at_group_start);
                continue;
            }
            b'\r' | b'\n' => {}
            _ => r.push_byte(b, &state),
        }
        group_start = false;
    }
    r.flush();
    let mut text = String::with_capacity(r.out.len());
    for line in r.out.lines() {
        text.push_str(line.trim_end_matches(' '));
        text.push('\n');
    }
    let kept = text.trim_end().len();
    text.truncate(kept);
    if !text.is_empty() {
        text.push('\n');
    }
    text
}

/// Handles what follows a backslash.
fn control(r: &mut Reader<'_>, state: &mut GroupState, at_group_start: bool) {
    let Some(&c) = r.bytes.get(r.pos) else {
        return;
    };
    if !c.is_ascii_alphabetic() {
        r.pos += 1;
        match c {
            b'\'' => {
                let hex = r.bytes.get(r.pos..r.pos + 2).and_then(|h| {
                    std::str::from_utf8(h)
                        .ok()
                        .and_then(|h| u8::from_str_radix(h, 16).ok())
                });
                if let Some(v) = hex {
                    r.pos += 2;
                    r.push_byte(v, state);
                }
            }
            b'*' if at_group_start => state.skip = true,
            b'\\' | b'{' | b'}' => r.push_char(c as char, state),
            b'~' => r.push_char('\u{a0}', state),
            b'_' => r.push_char('-', state),
            b'\r' | b'\n' => r.push_char('\n', state),
            _ => {} // \- optional hyphen, \: index subentry, …
        }
        return;
    }
    let start = r.pos;
    while r.pos < r.bytes.len() && r.bytes[r.pos].is_ascii_alphabetic() && r.pos - start < 32 {
        r.pos += 1;
    }
    let word = std::str::from_utf8(&r.bytes[start..r.pos]).unwrap_or("");
    let num_start = r.pos;
    if r.bytes.get(r.pos) == Some(&b'-') {
        r.pos += 1;
    }
    while r.pos < r.bytes.len() && r.bytes[r.pos].is_ascii_digit() && r.pos - num_start < 10 {
        r.pos += 1;
    }
    let param: Option<i64> = std::str::from_utf8(&r.bytes[num_start..r.pos])
        .ok()
        .and_then(|s| s.parse().ok());
    if r.bytes.get(r.pos) == Some(&b' ') {
        r.pos += 1;
    }
    if word != "u" {
        // A control word ends the fallback run of a preceding \uN.
        if r.to_skip > 0 && word != "'" {
            r.to_skip = 0;
        }
    }
    if at_group_start && skipped_destination(word) {
        state.skip = true;
        return;
    }
    match word {
        "par" | "line" | "sect" | "page" | "row" => {
            r.push_char('\n', state);
        }
        "tab" | "cell" => r.push_char('\t', state),
        "emdash" => r.push_char('—', state),
        "endash" => r.push_char('–', state),
        "lquote" => r.push_char('‘', state),
        "rquote" => r.push_char('’', state),
        "ldblquote" => r.push_char('“', state),
        "rdblquote" => r.push_char('”', state),
        "bullet" => r.push_char('•', state),
        "emspace" | "enspace" | "qmspace" => r.push_char(' ', state),
        "u" => {
            if let Some(n) = param {
                let code = if n < 0 { n + 65536 } else { n };
                let c = u32::try_from(code)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                r.push_char(c, state);
                if !state.skip {
                    r.to_skip = state.uc;
                }
            }
        }
        "uc" => state.uc = param.unwrap_or(1).clamp(0, 10) as usize,
        "ansicpg" => {
            if let Some(cp) = param {
                r.flush();
                r.encoding = codepage(cp);
            }
        }
        "bin" => {
            // Raw binary data of the given length follows.
            let n = usize::try_from(param.unwrap_or(0)).unwrap_or(0);
            r.pos = r.pos.saturating_add(n).min(r.bytes.len());
        }
        _ => {}
    }
}

fn codepage(cp: i64) -> &'static encoding_rs::Encoding {
    let label = match cp {
        932 => "shift_jis".to_owned(),
        936 => "gbk".to_owned(),
        949 => "euc-kr".to_owned(),
        950 => "big5".to_owned(),
        65001 => "utf-8".to_owned(),
        874 | 1250..=1258 => format!("windows-{cp}"),
        _ => "windows-1252".to_owned(),
    };
    encoding_rs::Encoding::for_label(label.as_bytes()).unwrap_or(encoding_rs::WINDOWS_1252)
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn table_of_cases() {
        let cases: &[(&str, &str)] = &[
            (
                r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}{\colortbl;\red0\green0\blue0;}\f0 Hallo\par wereld}",
                "Hallo\nwereld\n",
            ),
            (r"{\rtf1\ansi Caf\'e9 \u8364?5}", "Café €5\n"),
            (r"{\rtf1 a{\*\generator Foo;}b{\*\unknowndest x}c}", "abc\n"),
            (r"{\rtf1{\info{\author Iemand}}tekst}", "tekst\n"),
            (r"{\rtf1 a\tab b\line c\\d\{e\}}", "a\tb\nc\\d{e}\n"),
            (r"{\rtf1\uc2 \u233\'65\'65 x}", "é x\n"),
            (r"{\rtf1 {\pict\pngblip 89504e47}zichtbaar}", "zichtbaar\n"),
            (r"{\rtf1\ansi\ansicpg1250 \'8a}", "Š\n"),
            ("", ""),
            (r"{\rtf1 ongesloten {groep", "ongesloten groep\n"),
        ];
        for (rtf, want) in cases {
            assert_eq!(to_text(rtf.as_bytes()), *want, "rtf: {rtf}");
        }
    }
}
