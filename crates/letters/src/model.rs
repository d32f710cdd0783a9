//! The document model between a rendered template and a PDF: blocks of styled text, in reading
//! order, with the structure a tagged PDF needs (headings, paragraphs, lists, tables, figures).

/// How a piece of text looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Normal,
    Bold,
    /// A redaction mark (`[5.1.2e]`): set white on a dark box.
    Redacted,
}

/// A piece of text in one style. A `\n` in `text` is a forced line break.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub style: Style,
}

/// Inline content: runs in reading order.
pub type Inline = Vec<Run>;

/// How a paragraph is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParaKind {
    Normal,
    /// Smaller text (notes, the fine print of a certificate).
    Small,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        text: Inline,
    },
    Paragraph {
        kind: ParaKind,
        text: Inline,
    },
    List {
        ordered: bool,
        items: Vec<Inline>,
    },
    Table {
        caption: Option<Inline>,
        header: Vec<Inline>,
        rows: Vec<Vec<Inline>>,
    },
    /// Preformatted text (a document in an inspection package): monospaced, lines kept.
    Pre {
        text: Inline,
    },
    Image {
        data: Vec<u8>,
        alt: String,
        /// Wanted width in points (the image keeps its aspect ratio).
        width: f32,
    },
    /// A part of the document with blocks of its own (a `Sect` in the structure tree).
    Section {
        blocks: Vec<Block>,
    },
    PageBreak,
}

/// A whole document: its language, title and blocks.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    /// BCP 47 tag: `nl`, `en`.
    pub lang: String,
    pub title: String,
    /// "Pagina {page} van {pages}" as the page footer says it.
    pub page_label: String,
    pub blocks: Vec<Block>,
}

/// The plain text of inline content.
pub fn plain(inline: &[Run]) -> String {
    inline.iter().map(|r| r.text.as_str()).collect()
}

impl Doc {
    /// Every text of the document in reading order, one block per line (for tests and for
    /// checking what a reader will get).
    pub fn text(&self) -> String {
        fn walk(blocks: &[Block], out: &mut String) {
            for b in blocks {
                match b {
                    Block::Heading { text, .. }
                    | Block::Paragraph { text, .. }
                    | Block::Pre { text } => {
                        out.push_str(&plain(text));
                        out.push('\n');
                    }
                    Block::List { items, .. } => {
                        for i in items {
                            out.push_str(&plain(i));
                            out.push('\n');
                        }
                    }
                    Block::Table {
                        caption,
                        header,
                        rows,
                    } => {
                        if let Some(c) = caption {
                            out.push_str(&plain(c));
                            out.push('\n');
                        }
                        for row in std::iter::once(header).chain(rows) {
                            let cells: Vec<String> = row.iter().map(|c| plain(c)).collect();
                            out.push_str(&cells.join(" | "));
                            out.push('\n');
                        }
                    }
                    Block::Image { alt, .. } => {
                        out.push_str(alt);
                        out.push('\n');
                    }
                    Block::Section { blocks } => walk(blocks, out),
                    Block::PageBreak => {}
                }
            }
        }
        let mut out = String::new();
        walk(&self.blocks, &mut out);
        out
    }
}
