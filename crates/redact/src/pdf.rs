//! PDF: true redaction. The glyphs of each value are taken out of the content stream's text
//! operators (the rest of the line keeps its place through a TJ adjustment), a black box with the
//! ground is drawn where they were, the pixels of images under a box are painted black (a scanned
//! page keeps everything but the boxes; an image we cannot decode is blacked out whole), form
//! XObjects are inlined into the page first (OCR text layers live in them), and everything besides
//! the page content that can hold personal data is dropped: document info, XMP metadata,
//! annotations and form fields, embedded files, JavaScript and open actions, outlines, page
//! labels, the structure tree (alt texts) and marked-content ActualText. The file is written
//! anew, so earlier revisions of an incrementally updated PDF do not survive.
//!
//! Inline images (`BI … EI`) are painted like image XObjects (see [`inline`]).
//!
//! Deliberately not done: Type3 fonts without a ToUnicode map are not rewritten; forms nested
//! deeper than a few levels are not inlined. A value that cannot be found in any page's text
//! makes the redaction fail ([`RedactError::ValueNotLocated`]) rather than pass silently.

use std::collections::{BTreeMap, HashMap};

mod forms;
mod image;
mod inline;

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};

use crate::matcher::{Haystack, Matcher};
use crate::{Mark, RedactError};

pub(crate) struct Redacted {
    pub bytes: Vec<u8>,
    pub warnings: Vec<String>,
}

fn malformed(e: impl std::fmt::Display) -> RedactError {
    RedactError::Malformed {
        format: "PDF",
        reason: e.to_string(),
    }
}

/// Name of the font resource added to pages for the labels.
const LABEL_FONT: &[u8] = b"GrondslagLabel";

pub(crate) fn redact(original: &[u8], matcher: &Matcher) -> Result<Redacted, RedactError> {
    let mut doc = Document::load_mem(original).map_err(malformed)?;
    if doc.trailer.has(b"Encrypt") || doc.is_encrypted() {
        return Err(RedactError::Unsupported {
            what: "encrypted PDF".to_string(),
        });
    }
    strip_hidden(&mut doc);
    let mut warnings = Vec::new();
    let mut located = vec![false; matcher.value_count()];
    let label_font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    // Per image: the first page it was redacted on and the regions to paint, in its unit square.
    let mut image_regions: BTreeMap<ObjectId, (u32, Vec<Rect>)> = BTreeMap::new();
    // The first page with glyphs we could not map to text (a value may hide there).
    let mut unreadable_page: Option<u32> = None;

    for (page_no, page_id) in doc.get_pages() {
        let content_bytes = doc.get_page_content(page_id).map_err(malformed)?;
        let mut inline_images = inline::Table::new();
        let content = inline::decode(&content_bytes, &mut inline_images).map_err(malformed)?;
        let (operations, form_left) =
            forms::inline_forms(&mut doc, page_id, content.operations, &mut inline_images)?;
        let mut content = Content { operations };
        let fonts = page_fonts(&doc, page_id);
        let images = page_images(&doc, page_id);
        strip_actual_text(&mut content.operations);
        let layout = lay_out(&content.operations, &fonts, &images);

        let hay = Haystack::from_units(layout.units());
        let ranges = matcher.find(&hay, &mut located);
        if (layout.undecodable || form_left) && unreadable_page.is_none() {
            unreadable_page = Some(page_no);
        }
        if ranges.is_empty() {
            let bytes = inline::encode(&content.operations, &inline_images)?;
            set_page_content(&mut doc, page_id, bytes)?;
            continue;
        }
        let mut removed = vec![false; layout.glyphs.len()];
        for (start, end, _) in &ranges {
            for r in removed.iter_mut().take(*end).skip(*start) {
                *r = true;
            }
        }
        let boxes = boxes_for(&layout.glyphs, &ranges);
        let (inline, at_end) = place_boxes(&boxes, &layout.glyphs, &layout.images);
        let mut ops = vec![Operation::new("q", vec![])];
        ops.extend(remove_glyphs(
            &content.operations,
            &layout.glyphs,
            &removed,
            &inline,
        ));
        ops.push(Operation::new("Q", vec![]));
        for b in at_end {
            ops.extend(draw_box(b));
        }
        // Regions per inline image of this page (they are painted before the page is written).
        let mut inline_regions: BTreeMap<usize, Vec<Rect>> = BTreeMap::new();
        for image in &layout.images {
            let Some(to_unit) = image.ctm.inverse() else {
                continue;
            };
            for b in boxes.iter().filter(|b| b.rect.intersects(&image.rect)) {
                let r = pixel_box(&b.rect);
                let corners = [(r.x0, r.y0), (r.x1, r.y0), (r.x0, r.y1), (r.x1, r.y1)]
                    .map(|(x, y)| to_unit.apply(x, y));
                let region = Rect::around(&corners);
                match image.source {
                    ImageSource::XObject(id) => image_regions
                        .entry(id)
                        .or_insert_with(|| (page_no, Vec::new()))
                        .1
                        .push(region),
                    ImageSource::Inline(n) => inline_regions.entry(n).or_default().push(region),
                }
            }
        }
        for (n, regions) in inline_regions {
            let Some(image) = inline_images.get_mut(n) else {
                continue;
            };
            if let Some(reason) = inline::paint(&doc, page_id, image, &regions)? {
                warnings.push(format!(
                    "page {page_no}: an inline image under a redaction could not be decoded \
                     ({reason}) and was replaced by a black image"
                ));
            }
        }
        let bytes = inline::encode(&ops, &inline_images)?;
        set_page_content(&mut doc, page_id, bytes)?;
        add_label_font(&mut doc, page_id, label_font)?;
    }
    if let Some(value_index) = matcher.first_missing(&located) {
        if let Some(page) = unreadable_page {
            return Err(RedactError::UnremovableText {
                page,
                reason: "glyphs without a Unicode mapping",
            });
        }
        return Err(RedactError::ValueNotLocated {
            value_index,
            format: "PDF",
        });
    }
    for (id, (page_no, regions)) in image_regions {
        if let image::Painted::WholeImage(reason) = image::paint(&mut doc, id, &regions)? {
            warnings.push(format!(
                "page {page_no}: an image under a redaction could not be decoded ({reason}) \
                 and was replaced by a black image"
            ));
        }
    }
    doc.prune_objects();
    doc.compress();
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(malformed)?;
    Ok(Redacted {
        bytes: out,
        warnings,
    })
}

/// Gives the page a fresh content stream: the old one may be shared with other pages.
fn set_page_content(
    doc: &mut Document,
    page_id: ObjectId,
    bytes: Vec<u8>,
) -> Result<(), RedactError> {
    let mut stream = Stream::new(Dictionary::new(), bytes);
    stream.compress().map_err(malformed)?;
    let id = doc.add_object(stream);
    doc.get_dictionary_mut(page_id)
        .map_err(malformed)?
        .set("Contents", id);
    Ok(())
}

/// Removes document-level and page-level places that hold data besides the page text.
fn strip_hidden(doc: &mut Document) {
    doc.trailer.remove(b"Info");
    if let Ok(root_id) = doc.trailer.get(b"Root").and_then(Object::as_reference) {
        if let Ok(root) = doc.get_dictionary_mut(root_id) {
            for key in [
                &b"Metadata"[..],
                b"AcroForm",
                b"Names",
                b"OpenAction",
                b"AA",
                b"Outlines",
                b"PageLabels",
                b"StructTreeRoot",
                b"MarkInfo",
                b"Threads",
                b"SpiderInfo",
                b"Dests",
                b"PieceInfo",
                b"Perms",
                b"Collection",
            ] {
                root.remove(key);
            }
        }
    }
    // XMP packets can hang off any object (images, fonts, pages).
    for object in doc.objects.values_mut() {
        match object {
            Object::Dictionary(d) => {
                d.remove(b"Metadata");
                d.remove(b"PieceInfo");
            }
            Object::Stream(s) => {
                s.dict.remove(b"Metadata");
                s.dict.remove(b"PieceInfo");
            }
            _ => {}
        }
    }
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for page_id in pages {
        if let Ok(page) = doc.get_dictionary_mut(page_id) {
            for key in [
                &b"Annots"[..],
                b"AA",
                b"Metadata",
                b"PieceInfo",
                b"Thumb",
                b"B",
                b"StructParents",
            ] {
                page.remove(key);
            }
        }
    }
}

/// Drops /ActualText, /Alt and /E from inline marked-content properties: they are text too.
fn strip_actual_text(ops: &mut [Operation]) {
    for op in ops.iter_mut() {
        if op.operator == "BDC" || op.operator == "DP" {
            for operand in op.operands.iter_mut() {
                if let Object::Dictionary(d) = operand {
                    d.remove(b"ActualText");
                    d.remove(b"Alt");
                    d.remove(b"E");
                }
            }
        }
    }
}

// ---- fonts ----------------------------------------------------------------------------------

#[derive(Debug, Default)]
struct Font {
    two_byte: bool,
    /// Glyph space to text space (0.001, or a Type3 font's matrix).
    scale: f32,
    widths: HashMap<u32, f32>,
    default_width: f32,
    to_unicode: ToUnicode,
    /// For simple fonts without ToUnicode.
    encoding: Option<Box<[Option<char>; 256]>>,
}

impl Font {
    fn width(&self, code: u32) -> f32 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            * self.scale
    }

    fn text(&self, code: u32) -> Option<String> {
        if let Some(t) = self.to_unicode.get(code) {
            return Some(t);
        }
        let table = self.encoding.as_ref()?;
        table
            .get(code as usize)
            .copied()
            .flatten()
            .map(String::from)
    }
}

fn resolve<'a>(doc: &'a Document, obj: &'a Object) -> &'a Object {
    doc.dereference(obj).map(|(_, o)| o).unwrap_or(obj)
}

fn number(obj: &Object) -> Option<f32> {
    match obj {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

fn page_fonts(doc: &Document, page_id: ObjectId) -> HashMap<Vec<u8>, Font> {
    let mut out = HashMap::new();
    if let Ok(fonts) = doc.get_page_fonts(page_id) {
        for (name, dict) in fonts {
            out.insert(name, load_font(doc, dict));
        }
    }
    out
}

fn load_font(doc: &Document, dict: &Dictionary) -> Font {
    let subtype = dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    let mut font = Font {
        scale: 0.001,
        ..Font::default()
    };
    if let Ok(stream) = dict
        .get_deref(b"ToUnicode", doc)
        .and_then(Object::as_stream)
    {
        if let Ok(data) = stream
            .decompressed_content()
            .or_else(|_| Ok::<_, lopdf::Error>(stream.content.clone()))
        {
            font.to_unicode = parse_cmap(&data);
        }
    }
    if subtype == b"Type0" {
        font.two_byte = true;
        font.default_width = 1000.0;
        let descendant = dict
            .get_deref(b"DescendantFonts", doc)
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .map(|o| resolve(doc, o))
            .and_then(|o| o.as_dict().ok());
        if let Some(cid) = descendant {
            if let Some(dw) = cid.get(b"DW").ok().and_then(number) {
                font.default_width = dw;
            }
            if let Ok(w) = cid.get_deref(b"W", doc).and_then(Object::as_array) {
                parse_cid_widths(doc, w, &mut font.widths);
            }
        }
        return font;
    }
    if subtype == b"Type3" {
        if let Ok(m) = dict
            .get_deref(b"FontMatrix", doc)
            .and_then(Object::as_array)
        {
            if let Some(a) = m.first().and_then(number) {
                font.scale = a;
            }
        }
    }
    let first = dict.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as u32;
    if let Ok(widths) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) {
        for (i, w) in widths.iter().enumerate() {
            if let Some(w) = number(resolve(doc, w)) {
                font.widths.insert(first + i as u32, w);
            }
        }
        font.default_width = dict
            .get_deref(b"FontDescriptor", doc)
            .and_then(Object::as_dict)
            .ok()
            .and_then(|d| d.get(b"MissingWidth").ok().and_then(number))
            .unwrap_or(0.0);
    } else {
        standard_widths(dict, &mut font);
    }
    font.encoding = Some(simple_encoding(doc, dict));
    font
}

fn parse_cid_widths(doc: &Document, w: &[Object], widths: &mut HashMap<u32, f32>) {
    let mut i = 0;
    while i < w.len() {
        let Some(first) = number(resolve(doc, &w[i])) else {
            break;
        };
        match w.get(i + 1).map(|o| resolve(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate() {
                    if let Some(v) = number(v) {
                        widths.insert(first as u32 + k as u32, v);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(v)) = (
                    number(last),
                    w.get(i + 2).map(|o| resolve(doc, o)).and_then(number),
                ) else {
                    break;
                };
                for c in first as u32..=last as u32 {
                    widths.insert(c, v);
                }
                i += 3;
            }
            None => break,
        }
    }
}

/// Widths of the standard 14 fonts used without /Widths (Helvetica's; Courier is fixed).
fn standard_widths(dict: &Dictionary, font: &mut Font) {
    let base = dict
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    if base.starts_with(b"Courier") {
        font.default_width = 600.0;
        return;
    }
    const HELVETICA: [u16; 95] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556,
        556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722,
        722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
        667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
        556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500,
        500, 334, 260, 334, 584,
    ];
    for (i, w) in HELVETICA.iter().enumerate() {
        font.widths.insert(32 + i as u32, f32::from(*w));
    }
    font.default_width = 556.0;
}

/// Windows-1252 upper half (0x80..=0x9F); 0xA0.. equals Latin-1.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn simple_encoding(doc: &Document, dict: &Dictionary) -> Box<[Option<char>; 256]> {
    let mut table: Box<[Option<char>; 256]> = Box::new([None; 256]);
    for (i, slot) in table.iter_mut().enumerate() {
        *slot = match i {
            0x20..=0x7e => Some(char::from(i as u8)),
            0x80..=0x9f => Some(CP1252_HIGH[i - 0x80]),
            0xa0..=0xff => char::from_u32(i as u32),
            _ => None,
        };
    }
    let encoding = dict.get(b"Encoding").map(|o| resolve(doc, o));
    if let Ok(Object::Dictionary(enc)) = encoding {
        if let Ok(diffs) = enc.get(b"Differences").and_then(Object::as_array) {
            let mut code = 0usize;
            for item in diffs {
                match item {
                    Object::Integer(i) => code = (*i).clamp(0, 255) as usize,
                    Object::Name(name) => {
                        if code < 256 {
                            table[code] = glyph_name_to_char(name);
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
    }
    table
}

fn glyph_name_to_char(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    if name.len() == 1 {
        return name.chars().next();
    }
    for prefix in ["uni", "u"] {
        if let Some(hex) = name.strip_prefix(prefix) {
            if (4..=6).contains(&hex.len()) {
                if let Some(c) = u32::from_str_radix(&hex[..hex.len().min(6)], 16)
                    .ok()
                    .and_then(char::from_u32)
                {
                    return Some(c);
                }
            }
        }
    }
    const NAMES: &[(&str, char)] = &[
        ("space", ' '),
        ("exclam", '!'),
        ("quotedbl", '"'),
        ("numbersign", '#'),
        ("dollar", '$'),
        ("percent", '%'),
        ("ampersand", '&'),
        ("quotesingle", '\''),
        ("quoteright", '’'),
        ("quoteleft", '‘'),
        ("parenleft", '('),
        ("parenright", ')'),
        ("asterisk", '*'),
        ("plus", '+'),
        ("comma", ','),
        ("hyphen", '-'),
        ("period", '.'),
        ("slash", '/'),
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
        ("colon", ':'),
        ("semicolon", ';'),
        ("less", '<'),
        ("equal", '='),
        ("greater", '>'),
        ("question", '?'),
        ("at", '@'),
        ("bracketleft", '['),
        ("backslash", '\\'),
        ("bracketright", ']'),
        ("underscore", '_'),
        ("grave", '`'),
        ("braceleft", '{'),
        ("bar", '|'),
        ("braceright", '}'),
        ("asciitilde", '~'),
        ("endash", '–'),
        ("emdash", '—'),
        ("quotedblleft", '“'),
        ("quotedblright", '”'),
        ("bullet", '•'),
        ("fi", '\u{fb01}'),
        ("fl", '\u{fb02}'),
        ("eacute", 'é'),
        ("egrave", 'è'),
        ("edieresis", 'ë'),
        ("ecircumflex", 'ê'),
        ("idieresis", 'ï'),
        ("odieresis", 'ö'),
        ("udieresis", 'ü'),
        ("adieresis", 'ä'),
        ("aacute", 'á'),
        ("agrave", 'à'),
        ("oacute", 'ó'),
        ("iacute", 'í'),
        ("uacute", 'ú'),
        ("ccedilla", 'ç'),
        ("Ccedilla", 'Ç'),
        ("Eacute", 'É'),
        ("Odieresis", 'Ö'),
        ("Udieresis", 'Ü'),
        ("gbreve", 'ğ'),
        ("Gbreve", 'Ğ'),
        ("scedilla", 'ş'),
        ("Scedilla", 'Ş'),
        ("dotlessi", 'ı'),
        ("Idotaccent", 'İ'),
        ("germandbls", 'ß'),
        ("ntilde", 'ñ'),
        ("nbspace", '\u{a0}'),
        ("ij", 'ĳ'),
        ("IJ", 'Ĳ'),
    ];
    NAMES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// A parsed ToUnicode CMap. Ranges stay ranges: OCR text layers (tesseract, ocrmypdf) map all
/// 65536 codes with one `<0000> <FFFF> <0000>` bfrange, and expanding it into a map cost more
/// than the rest of redacting the page.
#[derive(Debug, Default)]
struct ToUnicode {
    /// bfchar entries and bfrange entries with an array of destinations, by code, with the
    /// order in which they were read (a later entry wins over an earlier one).
    chars: HashMap<u32, (usize, String)>,
    /// `(lo, hi, first destination, order)`: code `lo + n` maps to the destination with `n`
    /// added to its last UTF-16 unit.
    ranges: Vec<(u32, u32, Vec<u16>, usize)>,
}

impl ToUnicode {
    fn get(&self, code: u32) -> Option<String> {
        let char_hit = self.chars.get(&code);
        let range_hit = self
            .ranges
            .iter()
            .filter(|r| r.0 <= code && code <= r.1)
            .max_by_key(|r| r.3);
        match (char_hit, range_hit) {
            (Some((at, text)), range) if range.is_none_or(|r| r.3 < *at) => Some(text.clone()),
            (_, Some((lo, _, units, _))) => {
                let mut u = units.clone();
                if let Some(last) = u.last_mut() {
                    *last = last.wrapping_add((code - lo) as u16);
                }
                Some(String::from_utf16_lossy(&u))
            }
            _ => None,
        }
    }
}

/// Parses the bfchar and bfrange sections of a ToUnicode CMap.
fn parse_cmap(data: &[u8]) -> ToUnicode {
    let text = String::from_utf8_lossy(data);
    let mut map = ToUnicode::default();
    let mut order = 0usize;
    let tokens = cmap_tokens(&text);
    let mut i = 0;
    let mut mode = "";
    while i < tokens.len() {
        let t = tokens[i].as_str();
        match t {
            "beginbfchar" | "beginbfrange" => {
                mode = if t == "beginbfchar" { "char" } else { "range" }
            }
            "endbfchar" | "endbfrange" => mode = "",
            _ if mode == "char" && t.starts_with('<') => {
                if let (Some(src), Some(dst)) =
                    (hex_u32(t), tokens.get(i + 1).and_then(|d| hex_utf16(d)))
                {
                    order += 1;
                    map.chars.insert(src, (order, dst));
                }
                i += 2;
                continue;
            }
            _ if mode == "range" && t.starts_with('<') => {
                let (Some(lo), Some(hi)) = (hex_u32(t), tokens.get(i + 1).and_then(|h| hex_u32(h)))
                else {
                    i += 1;
                    continue;
                };
                let hi = hi.min(lo.saturating_add(0xffff));
                match tokens.get(i + 2).map(String::as_str) {
                    Some("[") => {
                        let mut k = i + 3;
                        let mut code = lo;
                        while k < tokens.len() && tokens[k] != "]" {
                            if let Some(dst) = hex_utf16(&tokens[k]) {
                                order += 1;
                                map.chars.insert(code, (order, dst));
                            }
                            code += 1;
                            k += 1;
                        }
                        i = k + 1;
                        continue;
                    }
                    Some(dst) => {
                        if let Some(units) = hex_units(dst) {
                            if lo <= hi {
                                order += 1;
                                map.ranges.push((lo, hi, units, order));
                            }
                        }
                        i += 3;
                        continue;
                    }
                    None => break,
                }
            }
            _ => {}
        }
        i += 1;
    }
    map
}

fn cmap_tokens(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => {
                let mut t = String::from("<");
                for c in chars.by_ref() {
                    t.push(c);
                    if c == '>' {
                        break;
                    }
                }
                tokens.push(t);
            }
            '[' | ']' => tokens.push(c.to_string()),
            '%' => {
                for c in chars.by_ref() {
                    if c == '\n' || c == '\r' {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => {}
            c => {
                let mut t = String::from(c);
                while let Some(&n) = chars.peek() {
                    if n.is_whitespace() || n == '<' || n == '[' || n == ']' {
                        break;
                    }
                    t.push(n);
                    chars.next();
                }
                tokens.push(t);
            }
        }
    }
    tokens
}

fn hex_digits(t: &str) -> Option<String> {
    let inner = t.strip_prefix('<')?.strip_suffix('>')?;
    let digits: String = inner.chars().filter(|c| !c.is_whitespace()).collect();
    Some(digits)
}

fn hex_u32(t: &str) -> Option<u32> {
    u32::from_str_radix(&hex_digits(t)?, 16).ok()
}

fn hex_units(t: &str) -> Option<Vec<u16>> {
    let digits = hex_digits(t)?;
    let mut units = Vec::new();
    let mut k = 0;
    while k + 4 <= digits.len() {
        units.push(u16::from_str_radix(&digits[k..k + 4], 16).ok()?);
        k += 4;
    }
    if units.is_empty() && !digits.is_empty() {
        units.push(u16::from_str_radix(&digits, 16).ok()?);
    }
    Some(units)
}

fn hex_utf16(t: &str) -> Option<String> {
    hex_units(t).map(|u| String::from_utf16_lossy(&u))
}

// ---- layout ---------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `other`.
    fn then(&self, other: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    fn from_operands(ops: &[Object]) -> Option<Matrix> {
        if ops.len() != 6 {
            return None;
        }
        let mut m = [0.0; 6];
        for (slot, o) in m.iter_mut().zip(ops) {
            *slot = number(o)?;
        }
        Some(Matrix(m))
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Rect {
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
}

impl Rect {
    fn around(points: &[(f32, f32)]) -> Rect {
        let mut r = Rect {
            x0: f32::MAX,
            y0: f32::MAX,
            x1: f32::MIN,
            y1: f32::MIN,
        };
        for &(x, y) in points {
            r.x0 = r.x0.min(x);
            r.y0 = r.y0.min(y);
            r.x1 = r.x1.max(x);
            r.y1 = r.y1.max(y);
        }
        r
    }

    fn union(&self, o: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
        }
    }

    fn intersects(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
}

/// One shown glyph.
#[derive(Debug, Clone)]
struct Glyph {
    /// Index of the text-showing operation.
    op: usize,
    /// Index of the string inside a TJ array (0 for Tj, ' and ").
    element: usize,
    /// Byte range of the code inside that string.
    bytes: (usize, usize),
    text: String,
    /// Horizontal displacement in unscaled TJ units (thousandths of the font size).
    tj_units: f32,
    rect: Rect,
    /// Device position of the glyph's origin and of the point after it.
    origin: (f32, f32),
    end: (f32, f32),
    height: f32,
    /// The text position right after this glyph, to resume text after a box drawn there.
    resume: OpEnd,
    /// Drawn with an invisible text render mode (an OCR text layer over a scanned image).
    invisible: bool,
    /// For invisible glyphs the whole OCR word they belong to (with its trailing space, over
    /// which OCR layers stretch the word); else the glyph's own box. See [`Glyph::cover`].
    word: Rect,
}

impl Glyph {
    /// The area a redaction of this glyph must cover. An OCR layer's glyphs are evenly spaced
    /// over the word, so they do not match the printed letters; covering the whole printed word
    /// makes sure none of the value's ink stays legible in the image.
    fn cover(&self) -> Rect {
        if self.invisible {
            self.word
        } else {
            self.rect
        }
    }
}

/// Where a drawn image's samples live.
#[derive(Debug, Clone, Copy)]
enum ImageSource {
    XObject(ObjectId),
    /// Index into the page's [`inline::Table`].
    Inline(usize),
}

struct ImageDraw {
    source: ImageSource,
    /// Index of the `Do` operation.
    op: usize,
    rect: Rect,
    /// Maps the image's unit square to default user space.
    ctm: Matrix,
}

struct Layout {
    glyphs: Vec<Glyph>,
    images: Vec<ImageDraw>,
    undecodable: bool,
}

/// Where the text stands after a glyph: the line matrix, the horizontal offset
/// from it in text space, and the graphics state needed to get back there.
#[derive(Debug, Clone, Copy)]
struct OpEnd {
    ctm: Matrix,
    tlm: Matrix,
    dx: f32,
    size: f32,
    h_scale: f32,
}

impl Layout {
    /// Characters for the haystack; a gap between glyphs that are apart becomes whitespace.
    fn units(&self) -> Vec<(usize, usize, char)> {
        let mut units = Vec::new();
        let mut prev: Option<&Glyph> = None;
        for (i, g) in self.glyphs.iter().enumerate() {
            if let Some(p) = prev {
                let dy = (g.origin.1 - p.end.1).abs();
                let dx = g.origin.0 - p.end.0;
                let h = p.height.max(g.height).max(0.1);
                if dy > h * 0.5 || dx > h * 0.2 || dx < -h {
                    units.push((i, i, ' '));
                }
            }
            for c in g.text.chars() {
                units.push((i, i + 1, c));
            }
            prev = Some(g);
        }
        units
    }
}

#[derive(Clone)]
struct TextState {
    font: Option<Vec<u8>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    h_scale: f32,
    leading: f32,
    rise: f32,
    render: i64,
}

fn lay_out(
    ops: &[Operation],
    fonts: &HashMap<Vec<u8>, Font>,
    images: &HashMap<Vec<u8>, ObjectId>,
) -> Layout {
    let mut layout = Layout {
        glyphs: Vec::new(),
        images: Vec::new(),
        undecodable: false,
    };
    // Horizontal offset of the text matrix from the line matrix, in text space.
    let mut dx = 0.0f32;
    let mut ctm = Matrix::IDENTITY;
    let mut stack: Vec<(Matrix, TextState)> = Vec::new();
    let mut ts = TextState {
        font: None,
        size: 0.0,
        char_spacing: 0.0,
        word_spacing: 0.0,
        h_scale: 1.0,
        leading: 0.0,
        rise: 0.0,
        render: 0,
    };
    let mut tm = Matrix::IDENTITY;
    let mut tlm = Matrix::IDENTITY;
    let num = |o: &[Object], i: usize| o.get(i).and_then(number).unwrap_or(0.0);

    for (op_index, op) in ops.iter().enumerate() {
        let o = &op.operands;
        match op.operator.as_str() {
            "q" => stack.push((ctm, ts.clone())),
            "Q" => {
                if let Some((m, t)) = stack.pop() {
                    ctm = m;
                    ts = t;
                }
            }
            "cm" => {
                if let Some(m) = Matrix::from_operands(o) {
                    ctm = m.then(&ctm);
                }
            }
            "BT" => {
                tm = Matrix::IDENTITY;
                tlm = Matrix::IDENTITY;
                dx = 0.0;
            }
            "Tf" => {
                ts.font = o.first().and_then(|n| n.as_name().ok()).map(<[u8]>::to_vec);
                ts.size = num(o, 1);
            }
            "Tc" => ts.char_spacing = num(o, 0),
            "Tw" => ts.word_spacing = num(o, 0),
            "Tz" => ts.h_scale = num(o, 0) / 100.0,
            "TL" => ts.leading = num(o, 0),
            "Ts" => ts.rise = num(o, 0),
            "Tr" => ts.render = num(o, 0) as i64,
            "Td" | "TD" => {
                if op.operator == "TD" {
                    ts.leading = -num(o, 1);
                }
                tlm = Matrix::translate(num(o, 0), num(o, 1)).then(&tlm);
                tm = tlm;
                dx = 0.0;
            }
            "Tm" => {
                if let Some(m) = Matrix::from_operands(o) {
                    tlm = m;
                    tm = m;
                    dx = 0.0;
                }
            }
            "T*" => {
                tlm = Matrix::translate(0.0, -ts.leading).then(&tlm);
                tm = tlm;
                dx = 0.0;
            }
            "Tj" | "'" | "\"" | "TJ" => {
                if op.operator != "Tj" && op.operator != "TJ" {
                    if op.operator == "\"" {
                        ts.word_spacing = num(o, 0);
                        ts.char_spacing = num(o, 1);
                    }
                    tlm = Matrix::translate(0.0, -ts.leading).then(&tlm);
                    tm = tlm;
                    dx = 0.0;
                }
                let font = ts.font.as_ref().and_then(|f| fonts.get(f));
                let Some(font) = font else {
                    layout.undecodable = true;
                    continue;
                };
                let elements: Vec<&Object> = match op.operator.as_str() {
                    "TJ" => o
                        .first()
                        .and_then(|a| a.as_array().ok())
                        .map(|a| a.iter().collect())
                        .unwrap_or_default(),
                    _ => o.last().into_iter().collect(),
                };
                for (element, item) in elements.into_iter().enumerate() {
                    match item {
                        Object::String(bytes, _) => {
                            dx += show(
                                bytes,
                                font,
                                &ts,
                                &mut tm,
                                &ctm,
                                (&tlm, dx),
                                op_index,
                                element,
                                &mut layout,
                            );
                        }
                        other => {
                            if let Some(n) = number(other) {
                                let tx = -n / 1000.0 * ts.size * ts.h_scale;
                                tm = Matrix::translate(tx, 0.0).then(&tm);
                                dx += tx;
                            }
                        }
                    }
                }
            }
            "Do" | inline::PLACEHOLDER => {
                let source = if op.operator == "Do" {
                    o.first()
                        .and_then(|n| n.as_name().ok())
                        .and_then(|n| images.get(n))
                        .map(|id| ImageSource::XObject(*id))
                } else {
                    inline::placeholder(op).map(ImageSource::Inline)
                };
                if let Some(source) = source {
                    let corners = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)]
                        .map(|(x, y)| ctm.apply(x, y));
                    layout.images.push(ImageDraw {
                        source,
                        op: op_index,
                        rect: Rect::around(&corners),
                        ctm,
                    });
                }
            }
            _ => {}
        }
    }
    set_words(&mut layout.glyphs);
    layout
}

/// Sets [`Glyph::word`] of invisible glyphs: the union of a word's glyphs in one string of one
/// operation, the whitespace after it included.
fn set_words(glyphs: &mut [Glyph]) {
    let mut start = 0;
    while start < glyphs.len() {
        let key = (glyphs[start].op, glyphs[start].element);
        let mut end = start;
        let mut seen_space = false;
        while end < glyphs.len() && (glyphs[end].op, glyphs[end].element) == key {
            let space = glyphs[end].text.chars().all(char::is_whitespace);
            if seen_space && !space {
                break;
            }
            seen_space |= space;
            end += 1;
        }
        let end = end.max(start + 1);
        if glyphs[start..end].iter().all(|g| g.invisible) {
            let word = glyphs[start..end]
                .iter()
                .skip(1)
                .fold(glyphs[start].rect, |r, g| r.union(&g.rect));
            for g in &mut glyphs[start..end] {
                g.word = word;
            }
        }
        start = end;
    }
}

#[allow(clippy::too_many_arguments)]
fn show(
    bytes: &[u8],
    font: &Font,
    ts: &TextState,
    tm: &mut Matrix,
    ctm: &Matrix,
    (tlm, dx): (&Matrix, f32),
    op: usize,
    element: usize,
    layout: &mut Layout,
) -> f32 {
    let mut advanced = 0.0;
    let step = if font.two_byte { 2 } else { 1 };
    let mut i = 0;
    while i + step <= bytes.len() {
        let code = if font.two_byte {
            u32::from(bytes[i]) << 8 | u32::from(bytes[i + 1])
        } else {
            u32::from(bytes[i])
        };
        let w0 = font.width(code);
        let space = if !font.two_byte && code == 32 {
            ts.word_spacing
        } else {
            0.0
        };
        let tx = (w0 * ts.size + ts.char_spacing + space) * ts.h_scale;
        let trm = Matrix([ts.size * ts.h_scale, 0.0, 0.0, ts.size, 0.0, ts.rise])
            .then(tm)
            .then(ctm);
        let corners =
            [(0.0, -0.22), (w0, -0.22), (0.0, 0.9), (w0, 0.9)].map(|(x, y)| trm.apply(x, y));
        let text = font.text(code).unwrap_or_else(|| {
            layout.undecodable = true;
            "\u{fffd}".to_string()
        });
        let origin = trm.apply(0.0, 0.0);
        let after = Matrix::translate(tx, 0.0).then(tm);
        let end = Matrix([ts.size * ts.h_scale, 0.0, 0.0, ts.size, 0.0, ts.rise])
            .then(&after)
            .then(ctm)
            .apply(0.0, 0.0);
        let top = trm.apply(0.0, 1.0);
        let height = ((top.0 - origin.0).powi(2) + (top.1 - origin.1).powi(2)).sqrt();
        layout.glyphs.push(Glyph {
            op,
            element,
            bytes: (i, i + step),
            text,
            tj_units: if ts.size.abs() > f32::EPSILON && ts.h_scale.abs() > f32::EPSILON {
                tx / (ts.size * ts.h_scale) * 1000.0
            } else {
                0.0
            },
            rect: Rect::around(&corners),
            invisible: ts.render == 3 || ts.render == 7,
            word: Rect::around(&corners),
            origin,
            end,
            height,
            resume: OpEnd {
                ctm: *ctm,
                tlm: *tlm,
                dx: dx + advanced + tx,
                size: ts.size,
                h_scale: ts.h_scale,
            },
        });
        *tm = after;
        advanced += tx;
        i += step;
    }
    advanced
}

fn page_images(doc: &Document, page_id: ObjectId) -> HashMap<Vec<u8>, ObjectId> {
    let mut out = HashMap::new();
    let Ok((resources, resource_ids)) = doc.get_page_resources(page_id) else {
        return out;
    };
    let mut dicts: Vec<&Dictionary> = resources.into_iter().collect();
    dicts.extend(
        resource_ids
            .iter()
            .filter_map(|id| doc.get_dictionary(*id).ok()),
    );
    for res in dicts {
        let Ok(xobjects) = res.get_deref(b"XObject", doc).and_then(Object::as_dict) else {
            continue;
        };
        for (name, obj) in xobjects.iter() {
            if let Ok(id) = obj.as_reference() {
                let is_image = doc
                    .get_object(id)
                    .and_then(Object::as_stream)
                    .is_ok_and(|s| {
                        s.dict
                            .get(b"Subtype")
                            .and_then(Object::as_name)
                            .is_ok_and(|n| n == b"Image")
                    });
                if is_image {
                    out.entry(name.clone()).or_insert(id);
                }
            }
        }
    }
    out
}

// ---- rewriting ------------------------------------------------------------------------------

struct RedactionBox {
    rect: Rect,
    mark: Mark,
    /// The box's last glyph: the box is drawn right after it, so that the mark comes at the
    /// value's place in the extracted text too.
    after_glyph: usize,
}

impl Matrix {
    fn inverse(&self) -> Option<Matrix> {
        let [a, b, c, d, e, f] = self.0;
        let det = a * d - b * c;
        if det.abs() < 1e-9 {
            return None;
        }
        let (ia, ib, ic, id) = (d / det, -b / det, -c / det, a / det);
        Some(Matrix([
            ia,
            ib,
            ic,
            id,
            -(e * ia + f * ic),
            -(e * ib + f * id),
        ]))
    }
}

/// Splits boxes into those drawn inline (after their operation: end the text object, draw in
/// default user space, resume the text where it stood) and those drawn at the end of the page.
fn place_boxes<'b>(
    boxes: &'b [RedactionBox],
    glyphs: &[Glyph],
    images: &[ImageDraw],
) -> (HashMap<usize, Vec<Operation>>, Vec<&'b RedactionBox>) {
    let mut inline: HashMap<usize, Vec<&RedactionBox>> = HashMap::new();
    let mut at_end = Vec::new();
    for b in boxes {
        let resumable = glyphs
            .get(b.after_glyph)
            .map(|g| &g.resume)
            .is_some_and(|end| {
                end.ctm.inverse().is_some() && (end.size * end.h_scale).abs() > f32::EPSILON
            });
        // An image drawn later over the box (ocrmypdf draws the scan after its text layer)
        // would hide the mark: such boxes go to the end of the page.
        let covered_later = glyphs.get(b.after_glyph).is_some_and(|g| {
            images
                .iter()
                .any(|i| i.op > g.op && i.rect.intersects(&b.rect))
        });
        if resumable && !covered_later {
            inline.entry(b.after_glyph).or_default().push(b);
        } else {
            at_end.push(b);
        }
    }
    let mut ops_after = HashMap::new();
    for (op, list) in inline {
        let Some(end) = glyphs.get(op).map(|g| g.resume) else {
            continue;
        };
        let Some(inverse) = end.ctm.inverse() else {
            continue;
        };
        let mut ops = vec![
            Operation::new("ET", vec![]),
            Operation::new("q", vec![]),
            Operation::new("cm", inverse.0.iter().map(|v| Object::Real(*v)).collect()),
        ];
        for b in list {
            ops.extend(draw_box(b));
        }
        ops.push(Operation::new("Q", vec![]));
        ops.push(Operation::new("BT", vec![]));
        ops.push(Operation::new(
            "Tm",
            end.tlm.0.iter().map(|v| Object::Real(*v)).collect(),
        ));
        let units = -end.dx * 1000.0 / (end.size * end.h_scale);
        ops.push(Operation::new(
            "TJ",
            vec![Object::Array(vec![Object::Real(units)])],
        ));
        ops_after.insert(op, ops);
    }
    (ops_after, at_end)
}

/// One box per line piece of each range; the mark is written in each. Glyphs join the current
/// box when they sit on its baseline and close to its right edge (runs of other fonts included).
fn boxes_for(glyphs: &[Glyph], ranges: &[(usize, usize, Mark)]) -> Vec<RedactionBox> {
    let mut boxes = Vec::new();
    for (start, end, mark) in ranges {
        let mut current: Option<(Rect, usize)> = None;
        for (gi, g) in glyphs.iter().enumerate().take(*end).skip(*start) {
            current = match current {
                Some((rect, _)) if continues(&rect, &g.cover()) => {
                    Some((rect.union(&g.cover()), gi))
                }
                Some((rect, after_glyph)) => {
                    boxes.push(RedactionBox {
                        rect,
                        mark: mark.clone(),
                        after_glyph,
                    });
                    Some((g.cover(), gi))
                }
                None => Some((g.cover(), gi)),
            };
        }
        if let Some((rect, after_glyph)) = current {
            boxes.push(RedactionBox {
                rect,
                mark: mark.clone(),
                after_glyph,
            });
        }
    }
    boxes
}

fn continues(rect: &Rect, next: &Rect) -> bool {
    let h = (rect.y1 - rect.y0).max(next.y1 - next.y0).max(0.1);
    let overlap = rect.y1.min(next.y1) - rect.y0.max(next.y0);
    overlap > 0.5 * h && next.x0 >= rect.x0 - 0.1 * h && next.x0 - rect.x1 < h
}

/// Rewrites text operations so that removed glyphs are gone and the rest stays in place.
fn remove_glyphs(
    ops: &[Operation],
    glyphs: &[Glyph],
    removed: &[bool],
    after: &HashMap<usize, Vec<Operation>>,
) -> Vec<Operation> {
    // Per operation: per element: glyphs in order.
    let mut by_op: HashMap<usize, Vec<(usize, bool)>> = HashMap::new();
    for (i, g) in glyphs.iter().enumerate() {
        by_op.entry(g.op).or_default().push((i, removed[i]));
    }
    let mut out = Vec::with_capacity(ops.len());
    for (op_index, op) in ops.iter().enumerate() {
        let Some(entries) = by_op.get(&op_index).filter(|e| e.iter().any(|(_, r)| *r)) else {
            out.push(op.clone());
            continue;
        };
        // Items of the operation as a TJ array.
        let items: Vec<Object> = match op.operator.as_str() {
            "TJ" => op
                .operands
                .first()
                .and_then(|a| a.as_array().ok())
                .cloned()
                .unwrap_or_default(),
            _ => op.operands.last().cloned().into_iter().collect(),
        };
        // The rewritten operation: TJ arrays, split where a box is drawn inline.
        let mut segments: Vec<Vec<Operation>> = Vec::new();
        let mut new_items: Vec<Object> = Vec::new();
        for (element, item) in items.iter().enumerate() {
            let Object::String(bytes, format) = item else {
                new_items.push(item.clone());
                continue;
            };
            let mut kept: Vec<u8> = Vec::new();
            let mut pending_adjust = 0.0f32;
            for &(gi, is_removed) in entries
                .iter()
                .filter(|(gi, _)| glyphs[*gi].element == element)
            {
                let g = &glyphs[gi];
                if is_removed {
                    pending_adjust += g.tj_units;
                    if let Some(inline) = after.get(&gi) {
                        // The inline box resumes at the exact position, adjustments included.
                        if !kept.is_empty() {
                            new_items.push(Object::String(std::mem::take(&mut kept), *format));
                        }
                        pending_adjust = 0.0;
                        if !new_items.is_empty() {
                            segments.push(vec![Operation::new(
                                "TJ",
                                vec![Object::Array(std::mem::take(&mut new_items))],
                            )]);
                        }
                        segments.push(inline.clone());
                    }
                } else {
                    if pending_adjust != 0.0 {
                        if !kept.is_empty() {
                            new_items.push(Object::String(std::mem::take(&mut kept), *format));
                        }
                        new_items.push(Object::Real(-pending_adjust));
                        pending_adjust = 0.0;
                    }
                    if let Some(b) = bytes.get(g.bytes.0..g.bytes.1) {
                        kept.extend_from_slice(b);
                    }
                }
            }
            if !kept.is_empty() {
                new_items.push(Object::String(kept, *format));
            }
            if pending_adjust != 0.0 {
                new_items.push(Object::Real(-pending_adjust));
            }
        }
        if !new_items.is_empty() {
            segments.push(vec![Operation::new("TJ", vec![Object::Array(new_items)])]);
        }
        match op.operator.as_str() {
            "'" => out.push(Operation::new("T*", vec![])),
            "\"" => {
                out.push(Operation::new(
                    "Tw",
                    vec![op.operands.first().cloned().unwrap_or(Object::Integer(0))],
                ));
                out.push(Operation::new(
                    "Tc",
                    vec![op.operands.get(1).cloned().unwrap_or(Object::Integer(0))],
                ));
                out.push(Operation::new("T*", vec![]));
            }
            _ => {}
        }
        out.extend(segments.into_iter().flatten());
    }
    out
}

/// The part of an image painted for a box: the box with a margin, because on a scan the
/// printed word's ink (descenders, accents, a slightly misplaced OCR word) may reach past the
/// text layer's glyph boxes.
fn pixel_box(r: &Rect) -> Rect {
    let h = (r.y1 - r.y0).max(0.0);
    // Small vertically: OCR lines are set close, and the glyph box already runs from below the
    // descenders to above the capitals.
    let (mx, my) = (h * 0.08, h * 0.03);
    Rect {
        x0: r.x0 - mx,
        y0: r.y0 - my,
        x1: r.x1 + mx,
        y1: r.y1 + my,
    }
}

/// A black box with the mark in white Helvetica, clipped to the box, in default user space.
fn draw_box(b: &RedactionBox) -> Vec<Operation> {
    let mut ops = Vec::new();
    let r = b.rect;
    let (w, h) = (r.x1 - r.x0, r.y1 - r.y0);
    if !(w.is_finite() && h.is_finite()) || w <= 0.0 || h <= 0.0 {
        return ops;
    }
    let label = winansi(&b.mark.inner());
    let base = (h * 0.7).clamp(3.0, 8.0);
    let label_width = helvetica_width(&label) * base / 1000.0;
    let size = if label_width > w - 1.0 && label_width > 0.0 {
        (base * (w - 1.0) / label_width).max(3.0)
    } else {
        base
    };
    let rect_ops = || {
        vec![
            Object::Real(r.x0),
            Object::Real(r.y0),
            Object::Real(w),
            Object::Real(h),
        ]
    };
    ops.push(Operation::new("q", vec![]));
    ops.push(Operation::new("g", vec![Object::Integer(0)]));
    ops.push(Operation::new("re", rect_ops()));
    ops.push(Operation::new("f", vec![]));
    ops.push(Operation::new("re", rect_ops()));
    ops.push(Operation::new("W", vec![]));
    ops.push(Operation::new("n", vec![]));
    ops.push(Operation::new("BT", vec![]));
    ops.push(Operation::new("g", vec![Object::Integer(1)]));
    ops.push(Operation::new("Tr", vec![Object::Integer(0)]));
    ops.push(Operation::new("Tc", vec![Object::Integer(0)]));
    ops.push(Operation::new("Tw", vec![Object::Integer(0)]));
    ops.push(Operation::new("Tz", vec![Object::Integer(100)]));
    ops.push(Operation::new("Ts", vec![Object::Integer(0)]));
    ops.push(Operation::new(
        "Tf",
        vec![Object::Name(LABEL_FONT.to_vec()), Object::Real(size)],
    ));
    ops.push(Operation::new(
        "Td",
        vec![
            Object::Real(r.x0 + 0.5),
            Object::Real(r.y0 + (h - size * 0.7) / 2.0),
        ],
    ));
    ops.push(Operation::new("Tj", vec![Object::string_literal(label)]));
    ops.push(Operation::new("ET", vec![]));
    ops.push(Operation::new("Q", vec![]));
    ops
}

/// The label in WinAnsi bytes (the middle dot and Latin-1 letters exist there).
fn winansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| {
            if (c as u32) < 256 {
                c as u32 as u8
            } else {
                b'?'
            }
        })
        .collect()
}

fn helvetica_width(bytes: &[u8]) -> f32 {
    let mut f = Font::default();
    standard_widths(&Dictionary::new(), &mut f);
    bytes
        .iter()
        .map(|b| f.widths.get(&u32::from(*b)).copied().unwrap_or(556.0))
        .sum()
}

fn add_label_font(
    doc: &mut Document,
    page_id: ObjectId,
    font_id: ObjectId,
) -> Result<(), RedactError> {
    // Make the page's resources its own direct dictionary, then add the font to it.
    let mut resources = match doc.get_page_resources(page_id) {
        Ok((Some(res), _)) => res.clone(),
        Ok((None, ids)) => ids
            .first()
            .and_then(|id| doc.get_dictionary(*id).ok())
            .cloned()
            .unwrap_or_default(),
        Err(_) => Dictionary::new(),
    };
    let mut fonts = resources
        .get(b"Font")
        .ok()
        .map(|o| resolve(doc, o))
        .and_then(|o| o.as_dict().ok())
        .cloned()
        .unwrap_or_default();
    fonts.set(LABEL_FONT.to_vec(), font_id);
    resources.set("Font", fonts);
    let page = doc.get_dictionary_mut(page_id).map_err(malformed)?;
    page.set("Resources", resources);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmap_parsing() {
        let cmap = b"1 beginbfchar\n<0003> <0020>\nendbfchar\n2 beginbfrange\n<0010> <0012> <0041>\n<0020> <0021> [<011F> <015F>]\nendbfrange";
        let map = parse_cmap(cmap);
        assert_eq!(map.get(3).as_deref(), Some(" "));
        assert_eq!(map.get(0x10).as_deref(), Some("A"));
        assert_eq!(map.get(0x12).as_deref(), Some("C"));
        assert_eq!(map.get(0x13), None);
        assert_eq!(map.get(0x21).as_deref(), Some("ş"));
    }

    #[test]
    fn cmap_later_entries_win() {
        // The identity range of OCR text layers, then an override: read in order.
        let cmap = b"1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\n1 beginbfchar\n<0041> <0042>\nendbfchar\n1 beginbfrange\n<0043> <0043> <0044>\nendbfrange";
        let map = parse_cmap(cmap);
        assert_eq!(map.get(0x41).as_deref(), Some("B"));
        assert_eq!(map.get(0x43).as_deref(), Some("D"));
        assert_eq!(map.get(0xE9).as_deref(), Some("é"));
        assert_eq!(map.get(0x1_0000), None);
        let cmap = b"1 beginbfchar\n<0041> <0042>\nendbfchar\n1 beginbfrange\n<0040> <0042> <0061>\nendbfrange";
        assert_eq!(parse_cmap(cmap).get(0x41).as_deref(), Some("b"));
    }
}
