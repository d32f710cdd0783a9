//! Writing plain PDF: text documents ([`text_document`]) and joined PDFs ([`concat`]), used as
//! fixtures by the PDF redactor's tests and benchmarks. Letters, certificates and inspection
//! packages that go out the door are made by `grondslag-letters` (PDF/A-2a, tagged).
//!
//! Text is set in DejaVu Sans, embedded as a subset CID font with a ToUnicode map, so that every
//! Dutch and Turkish letter (ë, ĳ, ğ, ş, ı, İ) survives copying and `pdftotext`. Layout is plain
//! on purpose: A4, fixed margins, wrapped paragraphs, page numbers. No metadata is written (no
//! author, no producer, no dates): a letter carries only what its text says.

use std::collections::BTreeMap;

use lopdf::{dictionary, Document, Object, ObjectId, Stream};

use crate::RedactError;

static FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 70.0;
const MARGIN_TOP: f32 = 72.0;
const MARGIN_BOTTOM: f32 = 72.0;
const BODY_SIZE: f32 = 10.5;
const HEADING_SIZE: f32 = 12.5;
const TITLE_SIZE: f32 = 16.0;
const FOOTER_SIZE: f32 = 8.0;

fn write_err(e: impl std::fmt::Display) -> RedactError {
    RedactError::PdfWrite {
        reason: e.to_string(),
    }
}

/// The embedded font: glyph lookup and widths.
struct Font<'a> {
    face: ttf_parser::Face<'a>,
    units_per_em: f32,
}

impl<'a> Font<'a> {
    fn load() -> Result<Font<'static>, RedactError> {
        let face = ttf_parser::Face::parse(FONT, 0).map_err(write_err)?;
        let units_per_em = f32::from(face.units_per_em());
        Ok(Font { face, units_per_em })
    }

    fn glyph(&self, c: char) -> u16 {
        self.face
            .glyph_index(c)
            .or_else(|| self.face.glyph_index('?'))
            .map(|g| g.0)
            .unwrap_or(0)
    }

    /// Advance in thousandths of the font size.
    fn advance(&self, glyph: u16) -> f32 {
        let units = self
            .face
            .glyph_hor_advance(ttf_parser::GlyphId(glyph))
            .unwrap_or(0);
        f32::from(units) * 1000.0 / self.units_per_em
    }

    fn text_width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| self.advance(self.glyph(c)))
            .sum::<f32>()
            * size
            / 1000.0
    }
}

/// One line placed on a page.
struct Line {
    x: f32,
    y: f32,
    size: f32,
    text: String,
}

/// Lays out text top to bottom over as many pages as it needs.
struct Layout<'f> {
    font: &'f Font<'f>,
    pages: Vec<Vec<Line>>,
    y: f32,
}

impl<'f> Layout<'f> {
    fn new(font: &'f Font<'f>) -> Layout<'f> {
        Layout {
            font,
            pages: vec![Vec::new()],
            y: PAGE_H - MARGIN_TOP,
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = PAGE_H - MARGIN_TOP;
    }

    fn space(&mut self, points: f32) {
        // Vertical space at the top of a page is dropped.
        if self.y < PAGE_H - MARGIN_TOP {
            self.y -= points;
        }
    }

    fn line(&mut self, text: &str, size: f32) {
        let leading = size * 1.38;
        if self.y - leading < MARGIN_BOTTOM {
            self.new_page();
        }
        self.y -= leading;
        let y = self.y;
        if let Some(page) = self.pages.last_mut() {
            page.push(Line {
                x: MARGIN_X,
                y,
                size,
                text: text.to_string(),
            });
        }
    }

    /// A paragraph wrapped to the text width; a word wider than a line is broken by characters.
    fn paragraph(&mut self, text: &str, size: f32) {
        let width = PAGE_W - 2.0 * MARGIN_X;
        let mut current = String::new();
        for word in text.split_whitespace() {
            let candidate = if current.is_empty() {
                word.to_string()
            } else {
                format!("{current} {word}")
            };
            if self.font.text_width(&candidate, size) <= width {
                current = candidate;
                continue;
            }
            if !current.is_empty() {
                self.line(&current, size);
                current.clear();
            }
            for c in word.chars() {
                current.push(c);
                if self.font.text_width(&current, size) > width {
                    current.pop();
                    self.line(&current, size);
                    current.clear();
                    current.push(c);
                }
            }
        }
        if !current.is_empty() {
            self.line(&current, size);
        }
    }

    fn body(&mut self, body: &str) {
        for para in body.split('\n') {
            if para.trim().is_empty() {
                self.space(BODY_SIZE * 0.7);
            } else {
                self.paragraph(para, BODY_SIZE);
            }
        }
    }
}

/// Writes a letter: a title, then sections each with an optional heading and body text. In a
/// body, each line is a paragraph and an empty line adds space.
pub fn text_document(title: &str, sections: &[(&str, &str)]) -> Result<Vec<u8>, RedactError> {
    let font = Font::load()?;
    let mut layout = Layout::new(&font);
    if !title.trim().is_empty() {
        layout.paragraph(title, TITLE_SIZE);
        layout.space(TITLE_SIZE * 0.8);
    }
    for (heading, body) in sections {
        if !heading.trim().is_empty() {
            layout.space(HEADING_SIZE * 0.6);
            layout.paragraph(heading, HEADING_SIZE);
            layout.space(HEADING_SIZE * 0.2);
        }
        layout.body(body);
    }
    let pages = layout.pages;
    render(&font, pages)
}

fn render(font: &Font<'_>, mut pages: Vec<Vec<Line>>) -> Result<Vec<u8>, RedactError> {
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let text = format!("Pagina {} van {}", i + 1, total);
        let w = font.text_width(&text, FOOTER_SIZE);
        page.push(Line {
            x: PAGE_W - MARGIN_X - w,
            y: MARGIN_BOTTOM / 2.0,
            size: FOOTER_SIZE,
            text,
        });
    }

    // Subset the font to the glyphs used; new glyph ids are the CIDs in the content.
    let mut remapper = subsetter::GlyphRemapper::new();
    let mut to_unicode: BTreeMap<u16, char> = BTreeMap::new();
    let mut widths: BTreeMap<u16, f32> = BTreeMap::new();
    for line in pages.iter().flatten() {
        for c in line.text.chars() {
            let g = font.glyph(c);
            let cid = remapper.remap(g);
            to_unicode.entry(cid).or_insert(c);
            widths.entry(cid).or_insert_with(|| font.advance(g));
        }
    }
    let subset = subsetter::subset(FONT, 0, &remapper).map_err(|e| write_err(format!("{e:?}")))?;

    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();

    let mut font_file = Stream::new(dictionary! { "Length1" => subset.len() as i64 }, subset);
    font_file.compress().map_err(write_err)?;
    let font_file_id = doc.add_object(font_file);
    let scale = 1000.0 / font.units_per_em;
    let bbox = font.face.global_bounding_box();
    let base_font = Object::Name(b"GRDSLG+DejaVuSans".to_vec());
    let descriptor_id = doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => base_font.clone(),
        "Flags" => 32,
        "FontBBox" => vec![
            (f32::from(bbox.x_min) * scale).into(),
            (f32::from(bbox.y_min) * scale).into(),
            (f32::from(bbox.x_max) * scale).into(),
            (f32::from(bbox.y_max) * scale).into(),
        ],
        "ItalicAngle" => 0,
        "Ascent" => f32::from(font.face.ascender()) * scale,
        "Descent" => f32::from(font.face.descender()) * scale,
        "CapHeight" => f32::from(font.face.capital_height().unwrap_or(font.face.ascender())) * scale,
        "StemV" => 80,
        "FontFile2" => font_file_id,
    });
    let mut w_array = Vec::new();
    for (cid, w) in &widths {
        w_array.push(Object::Integer(i64::from(*cid)));
        w_array.push(Object::Array(vec![Object::Real(w.round())]));
    }
    let cid_font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => base_font.clone(),
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => descriptor_id,
        "DW" => 1000,
        "W" => w_array,
        "CIDToGIDMap" => "Identity",
    });
    let mut cmap = Stream::new(dictionary! {}, to_unicode_cmap(&to_unicode).into_bytes());
    cmap.compress().map_err(write_err)?;
    let cmap_id = doc.add_object(cmap);
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => base_font,
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![cid_font_id.into()],
        "ToUnicode" => cmap_id,
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });

    let mut kids = Vec::new();
    for page in &pages {
        let mut content = String::new();
        for line in page {
            let mut hex = String::with_capacity(line.text.len() * 4);
            for c in line.text.chars() {
                let cid = remapper.get(font.glyph(c)).unwrap_or(0);
                hex.push_str(&format!("{cid:04X}"));
            }
            content.push_str(&format!(
                "BT /F1 {:.2} Tf {:.2} {:.2} Td <{}> Tj ET\n",
                line.size, line.x, line.y, hex
            ));
        }
        let mut stream = Stream::new(dictionary! {}, content.into_bytes());
        stream.compress().map_err(write_err)?;
        let content_id = doc.add_object(stream);
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        });
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), PAGE_W.into(), PAGE_H.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog_id);
    save(&mut doc)
}

pub(crate) fn save(doc: &mut Document) -> Result<Vec<u8>, RedactError> {
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(write_err)?;
    Ok(out)
}

fn to_unicode_cmap(map: &BTreeMap<u16, char>) -> String {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<_> = map.iter().collect();
    for chunk in entries.chunks(100) {
        s.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (cid, c) in chunk {
            let mut units = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            s.push_str(&format!("<{cid:04X}> <{hex}>\n"));
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s
}

/// One document in an inspection package.
#[derive(Debug, Clone, Copy)]
pub struct Part<'a> {
    /// The title shown in the index (a document name or number; keep it free of others' data).
    pub title: &'a str,
    /// The redacted document as PDF (use [`text_document`] for documents in other formats).
    pub pdf: &'a [u8],
}

/// Joins redacted documents into one inspection PDF, after a cover page with `title`, an
/// `intro` text and an index of the parts with the page each starts on.
///
/// Pages are copied as they are (their inherited resources made explicit); outlines, forms,
/// metadata and annotations of the parts are not carried over.
pub fn concat(title: &str, intro: &str, parts: &[Part<'_>]) -> Result<Vec<u8>, RedactError> {
    let mut loaded = Vec::with_capacity(parts.len());
    for (i, part) in parts.iter().enumerate() {
        let doc = Document::load_mem(part.pdf).map_err(|e| RedactError::PdfWrite {
            reason: format!("part {i} is not a readable PDF: {e}"),
        })?;
        loaded.push(doc);
    }
    let page_counts: Vec<usize> = loaded.iter().map(|d| d.get_pages().len()).collect();

    // The cover's own length shifts every start page, so lay it out until it is stable.
    let mut cover_pages = 1;
    let cover = loop {
        let mut index = String::new();
        let mut start = cover_pages + 1;
        for (i, (part, pages)) in parts.iter().zip(&page_counts).enumerate() {
            index.push_str(&format!(
                "{}. {} — pagina {} ({} {})\n",
                i + 1,
                part.title,
                start,
                pages,
                if *pages == 1 { "pagina" } else { "pagina's" }
            ));
            start += pages;
        }
        let cover = text_document(title, &[("", intro), ("Inhoud", &index)])?;
        let cover_doc = Document::load_mem(&cover).map_err(write_err)?;
        let n = cover_doc.get_pages().len();
        if n == cover_pages {
            break cover_doc;
        }
        cover_pages = n;
    };

    let mut out = Document::with_version("1.7");
    let pages_id = out.new_object_id();
    let mut kids = Vec::new();
    for doc in std::iter::once(cover).chain(loaded) {
        append_pages(&mut out, doc, pages_id, &mut kids)?;
    }
    let count = kids.len() as i64;
    out.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
        }),
    );
    let catalog_id = out.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    out.trailer.set("Root", catalog_id);
    out.prune_objects();
    out.compress();
    save(&mut out)
}

/// Moves every page of `doc` into `out` under `parent`, making inherited attributes explicit.
fn append_pages(
    out: &mut Document,
    mut doc: Document,
    parent: ObjectId,
    kids: &mut Vec<Object>,
) -> Result<(), RedactError> {
    doc.renumber_objects_with(out.max_id + 1);
    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for &page_id in &page_ids {
        let inherited = inherited_attributes(&doc, page_id);
        let page = doc
            .get_object_mut(page_id)
            .and_then(Object::as_dict_mut)
            .map_err(write_err)?;
        for (key, value) in inherited {
            if !page.has(&key) {
                page.set(key, value);
            }
        }
        page.set("Parent", parent);
        page.remove(b"Annots");
        kids.push(page_id.into());
    }
    out.max_id = out.max_id.max(doc.max_id);
    for (id, object) in doc.objects {
        // Old catalogs and page trees become unreachable and are pruned afterwards.
        out.objects.insert(id, object);
    }
    Ok(())
}

/// Resources, MediaBox, CropBox and Rotate as found on the page's ancestors.
fn inherited_attributes(doc: &Document, page_id: ObjectId) -> Vec<(Vec<u8>, Object)> {
    let mut found: Vec<(Vec<u8>, Object)> = Vec::new();
    let mut node = doc.get_dictionary(page_id).ok();
    let mut depth = 0;
    while let Some(dict) = node {
        for key in [&b"Resources"[..], b"MediaBox", b"CropBox", b"Rotate"] {
            if found.iter().any(|(k, _)| k == key) {
                continue;
            }
            if let Ok(value) = dict.get(key) {
                found.push((key.to_vec(), value.clone()));
            }
        }
        depth += 1;
        node = match dict.get(b"Parent").and_then(Object::as_reference) {
            Ok(id) if depth < 64 => doc.get_dictionary(id).ok(),
            _ => None,
        };
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_is_a_pdf_with_pages() {
        let long = "Dit is een zin die de regel vult. ".repeat(200);
        let pdf = text_document(
            "Besluit op uw verzoek",
            &[
                ("Geachte mevrouw Yılmaz,", &long),
                ("Slot", "Met vriendelijke groet"),
            ],
        )
        .unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        let doc = Document::load_mem(&pdf).unwrap();
        assert!(doc.get_pages().len() >= 2);
        assert!(
            pdf.len() < 200_000,
            "font should be subset, got {} bytes",
            pdf.len()
        );
    }

    #[test]
    fn concat_counts_pages() {
        let a = text_document("A", &[("", "een")]).unwrap();
        let b = text_document("B", &[("", &"twee ".repeat(2000))]).unwrap();
        let both = concat(
            "Inzage",
            "Hieronder de documenten.",
            &[
                Part {
                    title: "document 1",
                    pdf: &a,
                },
                Part {
                    title: "document 2",
                    pdf: &b,
                },
            ],
        )
        .unwrap();
        let doc = Document::load_mem(&both).unwrap();
        let expect = 1
            + Document::load_mem(&a).unwrap().get_pages().len()
            + Document::load_mem(&b).unwrap().get_pages().len();
        assert_eq!(doc.get_pages().len(), expect);
    }
}
