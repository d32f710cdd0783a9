//! The [`Doc`] model laid out on A4 and written as PDF/A-2a and PDF/UA-1 with krilla: every
//! piece of text is tagged in a structure tree that follows the reading order (headings,
//! paragraphs, lists, tables, figures with alternative text); page numbers and the boxes behind
//! redaction marks are artifacts. krilla checks both standards when it writes the file and
//! refuses to write one that breaks them.
//!
//! Layout is plain on purpose: one column, fixed margins, greedy line breaking, tables whose
//! rows do not split across pages (a row taller than a page runs over its bottom margin).

use std::num::NonZeroU16;
use std::sync::Arc;

use krilla::color::rgb;
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope,
    Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};

use crate::model::{Block, Doc, Inline, ParaKind, Style};
use crate::LetterError;

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");
static MONO: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansMono.ttf");

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 68.0;
const MARGIN_TOP: f32 = 60.0;
const MARGIN_BOTTOM: f32 = 72.0;
const BODY: f32 = 10.5;
const SMALL: f32 = 8.5;
const PRE: f32 = 8.5;
const TABLE: f32 = 9.0;
const LEADING: f32 = 1.38;
const CELL_PAD: f32 = 3.5;

fn heading_size(level: u8) -> f32 {
    match level {
        1 => 16.0,
        2 => 12.5,
        3 => 11.0,
        _ => 10.5,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FontId {
    Regular,
    Bold,
    Mono,
}

struct Metrics {
    face: ttf_parser::Face<'static>,
    upem: f32,
}

impl Metrics {
    fn load(data: &'static [u8]) -> Result<Metrics, LetterError> {
        let face = ttf_parser::Face::parse(data, 0)
            .map_err(|e| LetterError::Pdf(format!("embedded font: {e}")))?;
        let upem = f32::from(face.units_per_em());
        Ok(Metrics { face, upem })
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text
            .chars()
            .map(|c| {
                let g = self
                    .face
                    .glyph_index(c)
                    .or_else(|| self.face.glyph_index('?'))
                    .unwrap_or(ttf_parser::GlyphId(0));
                f32::from(self.face.glyph_hor_advance(g).unwrap_or(0))
            })
            .sum();
        units * size / self.upem
    }
}

struct Fonts {
    regular: Metrics,
    bold: Metrics,
    mono: Metrics,
}

impl Fonts {
    fn get(&self, f: FontId) -> &Metrics {
        match f {
            FontId::Regular => &self.regular,
            FontId::Bold => &self.bold,
            FontId::Mono => &self.mono,
        }
    }
}

/// What is drawn on a page, in drawing (= reading) order.
enum Item {
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        font: FontId,
        text: String,
        white: bool,
        leaf: Option<usize>,
    },
    /// An artifact rectangle: a redaction box (filled dark) or a rule (thin, grey).
    Rect {
        rect: (f32, f32, f32, f32),
        dark: bool,
    },
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        data: Arc<Vec<u8>>,
        leaf: usize,
    },
}

/// The structure tree as the layout builds it; leaves are indices of drawn content.
enum TNode {
    Group(TKind, Vec<TNode>),
    Leaf(usize),
}

enum TKind {
    /// A heading with its level and text (PDF/UA wants the text as the heading's title).
    H(u8, String),
    P,
    L(bool),
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    TH,
    TD,
    Caption,
    Figure(String),
    Sect,
    Code,
}

/// One laid-out line: pieces of text at x offsets from the line start.
struct Line {
    pieces: Vec<(f32, String, Style)>,
}

struct Layout<'f> {
    fonts: &'f Fonts,
    pages: Vec<Vec<Item>>,
    /// Top of the next line on the current page (from the top edge).
    y: f32,
    leaves: usize,
    /// (level, text, page, y) of every heading, for the outline.
    headings: Vec<(u8, String, usize, f32)>,
}

impl<'f> Layout<'f> {
    fn new(fonts: &'f Fonts) -> Layout<'f> {
        Layout {
            fonts,
            pages: vec![Vec::new()],
            y: MARGIN_TOP,
            leaves: 0,
            headings: Vec::new(),
        }
    }

    fn page(&mut self) -> &mut Vec<Item> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let n = self.pages.len() - 1;
        &mut self.pages[n]
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN_TOP;
    }

    fn at_top(&self) -> bool {
        self.y <= MARGIN_TOP + 0.01
    }

    fn room(&self) -> f32 {
        PAGE_H - MARGIN_BOTTOM - self.y
    }

    fn ensure(&mut self, height: f32) {
        if height > self.room() && !self.at_top() {
            self.new_page();
        }
    }

    fn space(&mut self, points: f32) {
        if !self.at_top() {
            self.y += points;
        }
    }

    fn leaf(&mut self) -> usize {
        self.leaves += 1;
        self.leaves - 1
    }

    fn font_of(style: Style, base: FontId) -> FontId {
        match (style, base) {
            (_, FontId::Mono) => FontId::Mono,
            (Style::Bold, _) => FontId::Bold,
            _ => base,
        }
    }

    /// Breaks inline text into lines of at most `width`. `pre` keeps spaces and breaks only
    /// where the text does or where a line is too long.
    fn break_lines(
        &self,
        text: &Inline,
        base: FontId,
        size: f32,
        width: f32,
        pre: bool,
    ) -> Vec<Line> {
        // Atoms: (text, style) words with their trailing space, and forced breaks (None).
        let mut atoms: Vec<Option<(String, Style)>> = Vec::new();
        for run in text {
            for (i, segment) in run.text.split('\n').enumerate() {
                if i > 0 {
                    atoms.push(None);
                }
                if pre {
                    if !segment.is_empty() {
                        atoms.push(Some((segment.to_string(), run.style)));
                    }
                    continue;
                }
                let mut word = String::new();
                for c in segment.chars() {
                    word.push(c);
                    if c == ' ' {
                        atoms.push(Some((std::mem::take(&mut word), run.style)));
                    }
                }
                if !word.is_empty() {
                    atoms.push(Some((word, run.style)));
                }
            }
        }
        let mut lines: Vec<Line> = Vec::new();
        let mut current = Line { pieces: Vec::new() };
        let mut x = 0.0f32;
        let width_of =
            |s: &str, style: Style| self.fonts.get(Self::font_of(style, base)).width(s, size);
        let push_piece = |line: &mut Line, x: &mut f32, s: &str, style: Style| {
            let w = width_of(s, style);
            match line.pieces.last_mut() {
                Some((_, t, st)) if *st == style => t.push_str(s),
                _ => line.pieces.push((*x, s.to_string(), style)),
            }
            *x += w;
        };
        for atom in atoms {
            let Some((word, style)) = atom else {
                lines.push(std::mem::replace(&mut current, Line { pieces: Vec::new() }));
                x = 0.0;
                continue;
            };
            let visible = if pre { word.as_str() } else { word.trim_end() };
            let w = width_of(visible, style);
            if x + w <= width || (current.pieces.is_empty() && w <= width) {
                push_piece(&mut current, &mut x, &word, style);
                continue;
            }
            if !current.pieces.is_empty() && w <= width && !pre {
                lines.push(std::mem::replace(&mut current, Line { pieces: Vec::new() }));
                x = 0.0;
                push_piece(&mut current, &mut x, &word, style);
                continue;
            }
            // Too long for any line (or pre text): break by characters.
            for c in word.chars() {
                let mut s = String::new();
                s.push(c);
                let cw = width_of(&s, style);
                if x + cw > width && !current.pieces.is_empty() && c != ' ' {
                    lines.push(std::mem::replace(&mut current, Line { pieces: Vec::new() }));
                    x = 0.0;
                }
                push_piece(&mut current, &mut x, &s, style);
            }
        }
        if !current.pieces.is_empty() || lines.is_empty() {
            lines.push(current);
        }
        lines
    }

    /// Places lines at `x0`, starting new pages as needed; returns the leaves drawn.
    fn place_lines(&mut self, lines: Vec<Line>, x0: f32, base: FontId, size: f32) -> Vec<TNode> {
        let leading = size * LEADING;
        let mut out = Vec::new();
        for line in lines {
            self.ensure(leading);
            let baseline = self.y + size;
            for (dx, text, style) in line.pieces {
                if text.is_empty() {
                    continue;
                }
                let font = Self::font_of(style, base);
                let x = x0 + dx;
                if style == Style::Redacted {
                    let w = self.fonts.get(font).width(text.trim_end(), size);
                    self.page().push(Item::Rect {
                        rect: (x - 1.0, baseline - size * 0.82, w + 2.0, size * 1.08),
                        dark: true,
                    });
                }
                let leaf = self.leaf();
                self.page().push(Item::Text {
                    x,
                    baseline,
                    size,
                    font,
                    text,
                    white: style == Style::Redacted,
                    leaf: Some(leaf),
                });
                out.push(TNode::Leaf(leaf));
            }
            self.y += leading;
        }
        out
    }

    fn inline(
        &mut self,
        text: &Inline,
        x0: f32,
        width: f32,
        base: FontId,
        size: f32,
    ) -> Vec<TNode> {
        let lines = self.break_lines(text, base, size, width, base == FontId::Mono);
        self.place_lines(lines, x0, base, size)
    }

    fn blocks(&mut self, blocks: &[Block], out: &mut Vec<TNode>) {
        let width = PAGE_W - 2.0 * MARGIN_X;
        let x0 = MARGIN_X;
        for (i, b) in blocks.iter().enumerate() {
            match b {
                Block::Heading { level, text } => {
                    let size = heading_size(*level);
                    self.space(size * 0.9);
                    // Keep a heading with at least three lines of what follows.
                    let next_is_content = blocks.get(i + 1).is_some();
                    let keep = size * LEADING * 2.0
                        + if next_is_content {
                            BODY * LEADING * 3.0
                        } else {
                            0.0
                        };
                    self.ensure(keep);
                    let title = crate::model::plain(text).replace('\n', " ");
                    self.headings
                        .push((*level, title.clone(), self.pages.len() - 1, self.y));
                    let leaves = self.inline(text, x0, width, FontId::Bold, size);
                    out.push(TNode::Group(TKind::H(*level, title), leaves));
                    self.y += size * 0.25;
                }
                Block::Paragraph { kind, text } => {
                    let size = match kind {
                        ParaKind::Normal => BODY,
                        ParaKind::Small => SMALL,
                    };
                    let leaves = self.inline(text, x0, width, FontId::Regular, size);
                    out.push(TNode::Group(TKind::P, leaves));
                    self.y += size * 0.6;
                }
                Block::List { ordered, items } => {
                    let mut lis = Vec::new();
                    for (n, item) in items.iter().enumerate() {
                        self.ensure(BODY * LEADING);
                        let label = if *ordered {
                            format!("{}.", n + 1)
                        } else {
                            "•".to_string()
                        };
                        let baseline = self.y + BODY;
                        let leaf = self.leaf();
                        self.page().push(Item::Text {
                            x: x0 + 2.0,
                            baseline,
                            size: BODY,
                            font: FontId::Regular,
                            text: format!("{label} "),
                            white: false,
                            leaf: Some(leaf),
                        });
                        let body =
                            self.inline(item, x0 + 18.0, width - 18.0, FontId::Regular, BODY);
                        lis.push(TNode::Group(
                            TKind::LI,
                            vec![
                                TNode::Group(TKind::Lbl, vec![TNode::Leaf(leaf)]),
                                TNode::Group(TKind::LBody, body),
                            ],
                        ));
                        self.y += BODY * 0.2;
                    }
                    out.push(TNode::Group(TKind::L(*ordered), lis));
                    self.y += BODY * 0.4;
                }
                Block::Table {
                    caption,
                    header,
                    rows,
                } => {
                    let node = self.table(caption.as_ref(), header, rows, x0, width);
                    out.push(node);
                    self.y += BODY * 0.8;
                }
                Block::Pre { text } => {
                    let leaves = self.inline(text, x0, width, FontId::Mono, PRE);
                    out.push(TNode::Group(TKind::Code, leaves));
                    self.y += PRE * 0.8;
                }
                Block::Image {
                    data,
                    alt,
                    width: w,
                } => {
                    let (pw, ph) = image_size(data).unwrap_or((1, 1));
                    let mut w = w.min(width);
                    let mut h = w * ph as f32 / pw.max(1) as f32;
                    if h > 90.0 {
                        w *= 90.0 / h;
                        h = 90.0;
                    }
                    self.ensure(h);
                    let leaf = self.leaf();
                    let y = self.y;
                    self.page().push(Item::Image {
                        x: x0,
                        y,
                        w,
                        h,
                        data: Arc::new(data.clone()),
                        leaf,
                    });
                    self.y += h + BODY;
                    out.push(TNode::Group(
                        TKind::Figure(alt.clone()),
                        vec![TNode::Leaf(leaf)],
                    ));
                }
                Block::Section { blocks } => {
                    let mut children = Vec::new();
                    self.blocks(blocks, &mut children);
                    out.push(TNode::Group(TKind::Sect, children));
                }
                Block::PageBreak => {
                    if !self.at_top() {
                        self.new_page();
                    }
                }
            }
        }
    }

    fn table(
        &mut self,
        caption: Option<&Inline>,
        header: &[Inline],
        rows: &[Vec<Inline>],
        x0: f32,
        width: f32,
    ) -> TNode {
        let mut children = Vec::new();
        if let Some(c) = caption {
            self.ensure(BODY * LEADING * 3.0);
            let leaves = self.inline(c, x0, width, FontId::Bold, BODY);
            children.push(TNode::Group(TKind::Caption, leaves));
            self.y += 2.0;
        }
        let ncols = std::iter::once(header.len())
            .chain(rows.iter().map(Vec::len))
            .max()
            .unwrap_or(0);
        if ncols == 0 {
            return TNode::Group(TKind::Table, children);
        }
        // Natural width of each column: its widest cell on one line.
        let mut natural = vec![20.0f32; ncols];
        for (is_header, row) in
            std::iter::once((true, header)).chain(rows.iter().map(|r| (false, r.as_slice())))
        {
            for (c, cell) in row.iter().enumerate() {
                let font = if is_header {
                    FontId::Bold
                } else {
                    FontId::Regular
                };
                let w = cell
                    .iter()
                    .flat_map(|r| r.text.split('\n'))
                    .map(|t| self.fonts.get(font).width(t, TABLE))
                    .fold(0.0f32, f32::max)
                    + 2.0 * CELL_PAD;
                natural[c] = natural[c].max(w.min(width));
            }
        }
        let widths = column_widths(&natural, width);
        let header_font = FontId::Bold;
        let lines_of = |this: &Self, row: &[Inline], font: FontId| -> Vec<Vec<Line>> {
            (0..ncols)
                .map(|c| match row.get(c) {
                    Some(cell) if !cell.is_empty() => {
                        this.break_lines(cell, font, TABLE, widths[c] - 2.0 * CELL_PAD, false)
                    }
                    _ => Vec::new(),
                })
                .collect()
        };
        let row_height = |cells: &[Vec<Line>]| {
            cells.iter().map(Vec::len).max().unwrap_or(0).max(1) as f32 * TABLE * LEADING
                + 2.0 * CELL_PAD
        };
        let header_lines = if header.is_empty() {
            None
        } else {
            Some(lines_of(self, header, header_font))
        };
        let header_h = header_lines.as_deref().map(row_height).unwrap_or(0.0);
        // Draws one row at the current position; `tagged` false for a repeated header.
        let draw_row = |this: &mut Self,
                        cells: Vec<Vec<Line>>,
                        font: FontId,
                        tagged: bool|
         -> Vec<Vec<TNode>> {
            let h = row_height(&cells);
            let top = this.y;
            let mut x = x0;
            let mut out = Vec::new();
            for (c, lines) in cells.into_iter().enumerate() {
                this.y = top + CELL_PAD;
                let leaves = if tagged {
                    this.place_lines(lines, x + CELL_PAD, font, TABLE)
                } else {
                    for line in lines {
                        let baseline = this.y + TABLE;
                        for (dx, text, _) in line.pieces {
                            this.page().push(Item::Text {
                                x: x + CELL_PAD + dx,
                                baseline,
                                size: TABLE,
                                font,
                                text,
                                white: false,
                                leaf: None,
                            });
                        }
                        this.y += TABLE * LEADING;
                    }
                    Vec::new()
                };
                out.push(leaves);
                x += widths[c];
            }
            this.y = top + h;
            let y = this.y;
            this.page().push(Item::Rect {
                rect: (x0, y - 0.3, width, 0.6),
                dark: false,
            });
            out
        };
        let mut trs = Vec::new();
        if let Some(lines) = header_lines.clone_lines() {
            self.ensure(header_h * 2.0);
            let cells = draw_row(self, lines, header_font, true);
            trs.push(TNode::Group(
                TKind::TR,
                cells
                    .into_iter()
                    .map(|l| TNode::Group(TKind::TH, l))
                    .collect(),
            ));
        }
        for row in rows {
            let lines = lines_of(self, row, FontId::Regular);
            let h = row_height(&lines);
            if h > self.room() && !self.at_top() {
                self.new_page();
                if let Some(lines) = header_lines.clone_lines() {
                    draw_row(self, lines, header_font, false);
                }
            }
            let cells = draw_row(self, lines, FontId::Regular, true);
            trs.push(TNode::Group(
                TKind::TR,
                cells
                    .into_iter()
                    .map(|l| TNode::Group(TKind::TD, l))
                    .collect(),
            ));
        }
        children.extend(trs);
        TNode::Group(TKind::Table, children)
    }
}

/// Lines can be laid out twice (a header repeated on a new page).
trait CloneLines {
    fn clone_lines(&self) -> Option<Vec<Vec<Line>>>;
}

impl CloneLines for Option<Vec<Vec<Line>>> {
    fn clone_lines(&self) -> Option<Vec<Vec<Line>>> {
        self.as_ref().map(|cells| {
            cells
                .iter()
                .map(|lines| {
                    lines
                        .iter()
                        .map(|l| Line {
                            pieces: l.pieces.clone(),
                        })
                        .collect()
                })
                .collect()
        })
    }
}

/// Column widths that fill `total`: natural widths where they fit, the rest shared out in
/// proportion to what each column lacks.
fn column_widths(natural: &[f32], total: f32) -> Vec<f32> {
    let sum: f32 = natural.iter().sum();
    if sum <= total {
        let extra = (total - sum) / natural.len() as f32;
        return natural.iter().map(|w| w + extra).collect();
    }
    let fair = total / natural.len() as f32;
    let mut widths: Vec<f32> = natural.iter().map(|w| w.min(fair)).collect();
    let left = total - widths.iter().sum::<f32>();
    let lacking: f32 = natural.iter().zip(&widths).map(|(n, w)| n - w).sum();
    if lacking > 0.0 {
        for (w, n) in widths.iter_mut().zip(natural) {
            *w += left * (n - *w) / lacking;
        }
    }
    widths
}

/// Decodes a PNG or JPEG as the writer would.
pub(crate) fn check_image(bytes: &[u8]) -> Result<(), LetterError> {
    let data: Vec<u8> = bytes.to_vec();
    let image = if bytes.starts_with(b"\x89PNG") {
        krilla::image::Image::from_png(data.into(), false)
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        krilla::image::Image::from_jpeg(data.into(), false)
    } else {
        return Err(LetterError::Pdf("not a PNG or JPEG image".into()));
    }
    .map_err(|e| LetterError::Pdf(format!("image: {e}")))?;
    // krilla decodes lazily; a small document with the image proves it can be embedded.
    let mut doc = krilla::Document::new();
    let mut page = doc.start_page();
    let mut surface = page.surface();
    let size = Size::from_wh(10.0, 10.0).ok_or_else(|| LetterError::Pdf("size".into()))?;
    surface.draw_image(image, size);
    surface.finish();
    page.finish();
    doc.finish()
        .map(|_| ())
        .map_err(|e| LetterError::Pdf(format!("image: {e:?}")))
}

/// Pixel size of a PNG or JPEG, from its header.
fn image_size(data: &[u8]) -> Option<(u32, u32)> {
    if data.starts_with(b"\x89PNG\r\n\x1a\n") && data.len() >= 24 {
        let w = u32::from_be_bytes(data[16..20].try_into().ok()?);
        let h = u32::from_be_bytes(data[20..24].try_into().ok()?);
        return Some((w, h));
    }
    if data.starts_with(&[0xFF, 0xD8]) {
        let mut i = 2;
        while i + 9 < data.len() {
            if data[i] != 0xFF {
                return None;
            }
            let marker = data[i + 1];
            let len = usize::from(u16::from_be_bytes([data[i + 2], data[i + 3]]));
            if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
                let h = u32::from(u16::from_be_bytes([data[i + 5], data[i + 6]]));
                let w = u32::from(u16::from_be_bytes([data[i + 7], data[i + 8]]));
                return Some((w, h));
            }
            i += 2 + len;
        }
    }
    None
}

fn tag_of(kind: &TKind) -> TagKind {
    match kind {
        TKind::H(level, title) => Tag::Hn(
            NonZeroU16::new(u16::from(*level).max(1)).unwrap_or(NonZeroU16::MIN),
            Some(title.clone()),
        )
        .into(),
        TKind::P => Tag::P.into(),
        TKind::L(ordered) => Tag::L(if *ordered {
            ListNumbering::Decimal
        } else {
            ListNumbering::Disc
        })
        .into(),
        TKind::LI => Tag::LI.into(),
        TKind::Lbl => Tag::Lbl.into(),
        TKind::LBody => Tag::LBody.into(),
        TKind::Table => Tag::Table.into(),
        TKind::TR => Tag::TR.into(),
        TKind::TH => Tag::TH(TableHeaderScope::Column).into(),
        TKind::TD => Tag::TD.into(),
        TKind::Caption => Tag::Caption.into(),
        TKind::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
        TKind::Sect => Tag::Section.into(),
        TKind::Code => Tag::Code.into(),
    }
}

fn to_node(n: TNode, ids: &mut [Option<Identifier>]) -> Option<Node> {
    match n {
        TNode::Leaf(i) => ids.get_mut(i).and_then(Option::take).map(Node::from),
        TNode::Group(kind, children) => {
            let children: Vec<Node> = children
                .into_iter()
                .filter_map(|c| to_node(c, ids))
                .collect();
            if children.is_empty() {
                return None;
            }
            Some(TagGroup::with_children(tag_of(&kind), children).into())
        }
    }
}

/// The bookmarks: one per heading, nested by level.
fn outline(headings: &[(u8, String, usize, f32)]) -> Outline {
    fn children(items: &[(u8, String, usize, f32)], i: &mut usize, level: u8) -> Vec<OutlineNode> {
        let mut out = Vec::new();
        while let Some((l, text, page, y)) = items.get(*i) {
            if *l < level {
                break;
            }
            *i += 1;
            let mut node = OutlineNode::new(
                text.clone(),
                XyzDestination::new(*page, Point::from_xy(MARGIN_X, *y)),
            );
            for c in children(items, i, l + 1) {
                node.push_child(c);
            }
            out.push(node);
        }
        out
    }
    let mut outline = Outline::new();
    let mut i = 0;
    while i < headings.len() {
        let level = headings[i].0;
        for n in children(headings, &mut i, level) {
            outline.push_child(n);
        }
    }
    outline
}

/// When and by whom, for the document metadata.
#[derive(Clone, Copy, Debug)]
pub struct Stamp {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Lays out and writes `doc` as a PDF/A-2a, PDF/UA-1 file.
pub fn write(doc: &Doc, stamp: Stamp) -> Result<Vec<u8>, LetterError> {
    let fonts = Fonts {
        regular: Metrics::load(REGULAR)?,
        bold: Metrics::load(BOLD)?,
        mono: Metrics::load(MONO)?,
    };
    let mut layout = Layout::new(&fonts);
    let mut tree = Vec::new();
    layout.blocks(&doc.blocks, &mut tree);
    let Layout {
        pages,
        leaves,
        headings,
        ..
    } = layout;

    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_A)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| LetterError::Pdf(format!("configuration: {e:?}")))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let font = |id: FontId| -> Result<Font, LetterError> {
        let data: &'static [u8] = match id {
            FontId::Regular => REGULAR,
            FontId::Bold => BOLD,
            FontId::Mono => MONO,
        };
        Font::new(data.into(), 0).ok_or_else(|| LetterError::Pdf("embedded font".into()))
    };
    let (regular, bold, mono) = (
        font(FontId::Regular)?,
        font(FontId::Bold)?,
        font(FontId::Mono)?,
    );
    let krilla_font = |id: FontId| match id {
        FontId::Regular => regular.clone(),
        FontId::Bold => bold.clone(),
        FontId::Mono => mono.clone(),
    };
    let mut ids: Vec<Option<Identifier>> = vec![None; leaves];
    let total = pages.len();
    let black = Fill {
        paint: rgb::Color::new(20, 20, 20).into(),
        ..Fill::default()
    };
    let white = Fill {
        paint: rgb::Color::white().into(),
        ..Fill::default()
    };
    let grey = Fill {
        paint: rgb::Color::new(120, 120, 120).into(),
        ..Fill::default()
    };
    let page_size = PageSettings::from_wh(PAGE_W, PAGE_H)
        .ok_or_else(|| LetterError::Pdf("page size".into()))?;
    for (n, items) in pages.into_iter().enumerate() {
        let mut page = document.start_page_with(page_size.clone());
        let mut surface = page.surface();
        for item in items {
            match item {
                Item::Text {
                    x,
                    baseline,
                    size,
                    font,
                    text,
                    white: is_white,
                    leaf,
                } => {
                    surface.set_fill(Some(if is_white {
                        white.clone()
                    } else {
                        black.clone()
                    }));
                    let id = match leaf {
                        Some(_) => surface.start_tagged(ContentTag::Span(SpanTag::empty())),
                        None => surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                            ArtifactType::PaginationOther,
                        ))),
                    };
                    surface.draw_text(
                        Point::from_xy(x, baseline),
                        krilla_font(font),
                        size,
                        &text,
                        false,
                        TextDirection::Auto,
                    );
                    surface.end_tagged();
                    if let Some(l) = leaf {
                        ids[l] = Some(id);
                    }
                }
                Item::Rect { rect, dark } => {
                    let (x, y, w, h) = rect;
                    let Some(r) = Rect::from_xywh(x, y, w.max(0.1), h.max(0.1)) else {
                        continue;
                    };
                    let mut pb = PathBuilder::new();
                    pb.push_rect(r);
                    let Some(path) = pb.finish() else { continue };
                    let kind = if dark {
                        ArtifactType::Redaction
                    } else {
                        ArtifactType::Layout
                    };
                    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(kind)));
                    surface.set_fill(Some(if dark { black.clone() } else { grey.clone() }));
                    surface.set_stroke(None::<Stroke>);
                    surface.draw_path(&path);
                    surface.end_tagged();
                }
                Item::Image {
                    x,
                    y,
                    w,
                    h,
                    data,
                    leaf,
                } => {
                    let bytes: Vec<u8> = data.as_ref().clone();
                    let image = if bytes.starts_with(b"\x89PNG") {
                        krilla::image::Image::from_png(bytes.into(), false)
                    } else {
                        krilla::image::Image::from_jpeg(bytes.into(), false)
                    }
                    .map_err(|e| LetterError::Pdf(format!("logo: {e}")))?;
                    let size =
                        Size::from_wh(w, h).ok_or_else(|| LetterError::Pdf("logo size".into()))?;
                    let id = surface.start_tagged(ContentTag::Other);
                    surface.push_transform(&Transform::from_translate(x, y));
                    surface.draw_image(image, size);
                    surface.pop();
                    surface.end_tagged();
                    ids[leaf] = Some(id);
                }
            }
        }
        // The page number: an artifact, not part of the text a reader reads aloud.
        let label = doc
            .page_label
            .replace("{page}", &(n + 1).to_string())
            .replace("{pages}", &total.to_string());
        let w = fonts.regular.width(&label, 8.0);
        surface.set_fill(Some(grey.clone()));
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
            ArtifactType::PageNumber,
        )));
        surface.draw_text(
            Point::from_xy(PAGE_W - MARGIN_X - w, PAGE_H - MARGIN_BOTTOM / 2.0),
            regular.clone(),
            8.0,
            &label,
            false,
            TextDirection::Auto,
        );
        surface.end_tagged();
        surface.finish();
        page.finish();
    }
    let mut tag_tree = TagTree::new().with_lang(Some(doc.lang.clone()));
    for node in tree {
        if let Some(n) = to_node(node, &mut ids) {
            tag_tree.push(n);
        }
    }
    document.set_tag_tree(tag_tree);
    document.set_outline(outline(&headings));
    document.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .language(doc.lang.clone())
            .creator("grondslag".to_string())
            .creation_date(DateTime::new(stamp.year).month(stamp.month).day(stamp.day)),
    );
    document
        .finish()
        .map_err(|e| LetterError::Pdf(format!("{e:?}")))
}
