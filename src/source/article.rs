//! The article model: one immutable text, its blocks (byte ranges, with their kind and
//! nesting), inline styles and links, and its metadata; and parsing decoded text (plain,
//! Markdown, a web page, with or without front matter) into it.

use std::ops::Range;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::{
    Format, FrontMatter, LoadError, LoadOptions, front_matter, html, markdown, rich, sanitize,
    sanitize_keep_offsets,
};

/// What kind of text a block holds, which decides how it is laid out and styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The article's title: drawn first, left out of the quotation analysis.
    Title,
    /// A section heading.
    Heading {
        level: HeadingLevel,
    },
    Paragraph,
    /// The first paragraph of a list item. Its text starts with the marker's text, under
    /// which the following lines hang; later paragraphs of the item are indented paragraphs.
    ListItem {
        marker: ListMarker,
    },
    /// Preformatted text: its lines (separated by `\n`) are kept, never reflowed.
    Code,
    /// A thematic break. Its text is the prose section mark [`RULE_TEXT`], so that it is
    /// part of the text like everything the reader shows.
    Rule,
}

/// The text of a [`BlockKind::Rule`].
pub const RULE_TEXT: &str = "* * *";

/// Heading levels as in HTML: `H1` is the largest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HeadingLevel {
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
}

impl HeadingLevel {
    /// Level `n` (1-based); anything past 6 is `H6`, 0 is `H1`.
    pub fn from_number(n: usize) -> Self {
        match n {
            0 | 1 => HeadingLevel::H1,
            2 => HeadingLevel::H2,
            3 => HeadingLevel::H3,
            4 => HeadingLevel::H4,
            5 => HeadingLevel::H5,
            _ => HeadingLevel::H6,
        }
    }
}

/// The marker that starts a list item's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListMarker {
    /// `• `
    Bullet,
    /// `12. `
    Number(u64),
}

impl ListMarker {
    /// The marker as it appears in the text, trailing space included.
    pub fn text(self) -> String {
        match self {
            ListMarker::Bullet => "• ".to_string(),
            ListMarker::Number(n) => format!("{n}. "),
        }
    }

    /// Display columns of [`ListMarker::text`] (all its characters are one column wide).
    pub fn width(self) -> usize {
        match self {
            ListMarker::Bullet => 2,
            ListMarker::Number(n) => n.checked_ilog10().unwrap_or(0) as usize + 3,
        }
    }

    /// Bytes of [`ListMarker::text`].
    pub fn text_len(self) -> usize {
        match self {
            ListMarker::Bullet => "• ".len(),
            ListMarker::Number(_) => self.width(),
        }
    }
}

/// Where a block sits among block quotes and lists; all zero for plain text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Nesting {
    /// Block quotes around the block (the reader draws a bar for each).
    pub quotes: u8,
    /// Columns of list indentation: the marker widths of the list items the block is in.
    pub indent: u8,
}

/// A block of text: a byte range into [`Article::text`], without the separating newlines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub range: Range<usize>,
    pub nesting: Nesting,
}

impl Block {
    /// A block outside any quote or list.
    pub fn new(kind: BlockKind, range: Range<usize>) -> Self {
        Block {
            kind,
            range,
            nesting: Nesting::default(),
        }
    }
}

/// How a run of text is styled. Markup that nests (a link in bold) is one style with both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InlineStyle {
    pub emphasis: bool,
    pub strong: bool,
    pub code: bool,
    /// Struck-out text (`~~gone~~`, `<del>`): still text, shown crossed out.
    pub struck: bool,
    /// Index into [`Article::links`].
    pub link: Option<usize>,
}

/// Whether a plain file's first paragraph is a headline rather than the story's first
/// paragraph. Headlines are a few words with no closing full stop ("Blair rejects call to
/// quit"); wire copy often has none and opens with its lede ("OTTAWA — Foreign Minister Ann
/// Roe says …"), which names the people the rest of the story calls "Roe" or "the minister".
/// Taking that lede for a title would leave it out of the analysis.
fn reads_as_headline(paragraph: &str) -> bool {
    const MOST_WORDS: usize = 25;
    let end = paragraph
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    let full_stop = end.ends_with('.') && !end.ends_with("...");
    !full_stop && paragraph.split_whitespace().nth(MOST_WORDS).is_none()
}

/// A styled run of text. An article's spans are sorted and never overlap, so the reader finds
/// those of a row by binary search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineSpan {
    pub range: Range<usize>,
    pub style: InlineStyle,
}

/// Facts about an article that are not its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: String,
    pub date: Option<NaiveDate>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub tags: Vec<String>,
    /// The file the article was read from; `None` for stdin and the sample.
    pub path: Option<PathBuf>,
}

impl Meta {
    /// The facts front matter gives (an absent block gives none).
    pub(super) fn from_front_matter(front: Option<FrontMatter>) -> Self {
        let Some(fm) = front else {
            return Meta::default();
        };
        Meta {
            title: fm
                .title
                .map(|t| sanitize(&t).replace('\n', " "))
                .unwrap_or_default(),
            date: fm.date,
            author: fm.author.map(|a| sanitize(&a)),
            source: fm.source.map(|s| sanitize(&s)),
            url: fm.url.map(|u| sanitize(&u)),
            tags: fm.tags.iter().map(|t| sanitize(t)).collect(),
            path: None,
        }
    }
}

/// A loaded article. Immutable: analysis, layout and notes all index into `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub meta: Meta,
    pub(super) text: String,
    pub(super) blocks: Vec<Block>,
    pub(super) spans: Vec<InlineSpan>,
    pub(super) links: Vec<String>,
    pub(super) warnings: Vec<String>,
}

impl Article {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Blocks in text order; they do not overlap and are separated by `\n\n`, or by `\n`
    /// between list items.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Styled runs (emphasis, strong, code, links), sorted and not overlapping.
    pub fn spans(&self) -> &[InlineSpan] {
        &self.spans
    }

    /// Link targets, indexed by [`InlineStyle::link`].
    pub fn links(&self) -> &[String] {
        &self.links
    }

    /// Body paragraphs only (no title).
    pub fn paragraphs(&self) -> impl Iterator<Item = &Block> {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
    }

    /// Things the user should know about how the file was read (encoding problems…).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Builds an article from text that is already decoded, applying the conventions of
    /// [`load`]. `name` is used in error messages. Without a format in `options` the content
    /// decides ([`Format::sniff`]).
    pub fn parse(raw: &str, name: &str, options: LoadOptions) -> Result<Self, LoadError> {
        if options.plain {
            return Ok(Self::plain(raw));
        }
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        match options.format.unwrap_or_else(|| Format::sniff(raw)) {
            Format::Text => Self::parse_text(raw, name),
            Format::Markdown => markdown::parse(raw, name),
            Format::Html => html::parse(raw, name),
        }
    }

    /// Plain text: the first paragraph is the title when it reads as a headline; blank lines
    /// separate paragraphs.
    fn parse_text(raw: &str, name: &str) -> Result<Self, LoadError> {
        let front_matter::Split {
            front,
            body,
            warning,
        } = front_matter::split(raw, name)?;
        let clean = sanitize(body);
        let Paragraphs { body, ranges } = split_paragraphs(&clean);
        let mut paragraphs = &ranges[..];
        let is_title =
            |p: &[Range<usize>], title: &str| p.first().is_some_and(|r| &body[r.clone()] == title);

        let mut meta = Meta::from_front_matter(front);
        // The first paragraph is the title unless front matter gave one (then a first line equal
        // to it is a repeat, not body).
        if meta.title.is_empty() {
            if let Some((first, rest)) = paragraphs.split_first()
                && reads_as_headline(&body[first.clone()])
            {
                meta.title = body[first.clone()].to_string();
                paragraphs = rest;
            }
        } else if is_title(paragraphs, &meta.title) {
            paragraphs = &paragraphs[1..];
        }
        if is_title(paragraphs, &meta.title) {
            paragraphs = &paragraphs[1..];
        }
        if let Some((last, rest)) = paragraphs.split_last()
            && let Some(tags) = body[last.clone()].strip_prefix("Tags:")
        {
            if meta.tags.is_empty() {
                meta.tags = split_tags(tags);
            }
            paragraphs = rest;
        }

        // The paragraphs kept are a run of `body`, already joined by blank lines: one copy.
        let mut text = String::with_capacity(meta.title.len() + 2 + body.len());
        let mut blocks = Vec::with_capacity(paragraphs.len() + 1);
        if !meta.title.is_empty() {
            text.push_str(&meta.title);
            blocks.push(Block::new(BlockKind::Title, 0..text.len()));
        }
        if let (Some(first), Some(last)) = (paragraphs.first(), paragraphs.last()) {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let at = text.len();
            text.push_str(&body[first.start..last.end]);
            blocks.extend(paragraphs.iter().map(|r| {
                Block::new(
                    BlockKind::Paragraph,
                    at + r.start - first.start..at + r.end - first.start,
                )
            }));
        }
        Ok(Article {
            meta,
            text,
            blocks,
            spans: Vec::new(),
            links: Vec::new(),
            warnings: warning.into_iter().collect(),
        })
    }

    /// The whole input as body text, char for char (see [`LoadOptions::plain`]).
    fn plain(raw: &str) -> Self {
        let text = sanitize_keep_offsets(raw);
        let mut blocks = Vec::new();
        let mut start: Option<usize> = None;
        let mut end = 0;
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            if content.trim().is_empty() {
                if let Some(s) = start.take() {
                    blocks.push(Block::new(BlockKind::Paragraph, s..end));
                }
            } else {
                start.get_or_insert(pos);
                end = pos + content.len();
            }
            pos += line.len();
        }
        if let Some(s) = start {
            blocks.push(Block::new(BlockKind::Paragraph, s..end));
        }
        Article {
            meta: Meta::default(),
            text,
            blocks,
            spans: Vec::new(),
            links: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// An article from rich text (Markdown, web pages); its title block, if any, names it.
    pub(super) fn from_rich(mut meta: Meta, rich: rich::Rich) -> Self {
        if let Some(title) = rich.blocks.first().filter(|b| b.kind == BlockKind::Title) {
            meta.title = rich.text[title.range.clone()].to_string();
        }
        Article {
            meta,
            text: rich.text,
            blocks: rich.blocks,
            spans: rich.spans,
            links: rich.links,
            warnings: Vec::new(),
        }
    }

    /// Sets the article date (from `--date`), overriding the front matter.
    pub fn with_date(mut self, date: Option<NaiveDate>) -> Self {
        if date.is_some() {
            self.meta.date = date;
        }
        self
    }
}

/// Reflowed paragraphs: `body` holds them joined by one blank line, `ranges` says where each is.
struct Paragraphs {
    body: String,
    ranges: Vec<Range<usize>>,
}

/// Splits sanitised text into paragraphs at blank lines; lines inside a paragraph are joined by
/// one space (hard-wrapped files reflow to the pane width). Texts that mark paragraphs by
/// indenting their first line instead (older e-texts, Russian books: often one paragraph a
/// line, no blank lines) are split at each indented line (see [`indented_paragraphs`]).
/// Written straight into one string, with the ranges of each paragraph.
fn split_paragraphs(text: &str) -> Paragraphs {
    let mut out = Paragraphs {
        body: String::with_capacity(text.len()),
        ranges: Vec::new(),
    };
    let mut block: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if indented_paragraphs(&block) {
                let mut start = 0;
                for (i, l) in block.iter().enumerate().skip(1) {
                    if starts_indented(l) {
                        out.push(&block[start..i]);
                        start = i;
                    }
                }
                out.push(&block[start..]);
            } else if !block.is_empty() {
                out.push(&block);
            }
            block.clear();
        } else {
            block.push(line);
        }
    }
    out
}

impl Paragraphs {
    /// Appends one paragraph made of `lines`, trimmed and joined by spaces.
    fn push(&mut self, lines: &[&str]) {
        if lines.is_empty() {
            return;
        }
        if !self.ranges.is_empty() {
            self.body.push_str("\n\n");
        }
        let start = self.body.len();
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                self.body.push(' ');
            }
            // Indentation is dropped: paragraphs are reflowed to the pane, where leading
            // blanks would only make a row of spaces before a long unbroken (CJK) line.
            self.body.push_str(line.trim());
        }
        self.ranges.push(start..self.body.len());
    }
}

/// A line starting with blanks (spaces, tabs, the ideographic space).
fn starts_indented(line: &str) -> bool {
    line.starts_with(char::is_whitespace)
}

/// Lines longer than this are not hard-wrapped: such a text has one paragraph a line.
const UNWRAPPED_LINE: usize = 100;

/// Whether a run of lines between blank lines holds several paragraphs, each starting with an
/// indented line: it starts indented, at least two of its lines are, and either some are not
/// (first-line indents in a hard-wrapped text) or the lines are not hard-wrapped (one
/// paragraph a line, every one indented). A block quote (every line indented, all short) and
/// a list item with an indented continuation (first line not indented) stay one paragraph.
fn indented_paragraphs(lines: &[&str]) -> bool {
    let indented = lines.iter().filter(|l| starts_indented(l)).count();
    lines.first().is_some_and(|l| starts_indented(l))
        && indented >= 2
        && (indented < lines.len()
            || lines
                .iter()
                .any(|l| l.trim().chars().count() > UNWRAPPED_LINE))
}

fn split_tags(s: &str) -> Vec<String> {
    // News sites separate tags by two spaces, one of them often a no-break space.
    let s = s.replace('\u{a0}', " ");
    let sep = if s.contains(',') { "," } else { "  " };
    s.split(sep)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<String> {
        let p = split_paragraphs(text);
        p.ranges
            .iter()
            .map(|r| p.body[r.clone()].to_string())
            .collect()
    }

    #[test]
    fn a_plain_file_that_opens_with_its_lede_has_no_title() {
        let wire = "OTTAWA — Foreign Minister Ann Roe says the talks will \"resume.\"\n\n\
                    \"We are ready,\" the minister said.";
        let a = Article::parse(wire, "w.txt", LoadOptions::default()).unwrap();
        assert_eq!(a.meta.title, "");
        assert!(a.text().starts_with("OTTAWA"));
        assert_eq!(a.blocks()[0].kind, BlockKind::Paragraph);

        for headline in [
            "Blair rejects call to quit",
            "Rivals of the £400 Apple...",
            "Is the \"golden age\" over?",
        ] {
            let a = Article::parse(
                &format!("{headline}\n\nBody."),
                "h.txt",
                LoadOptions::default(),
            )
            .unwrap();
            assert_eq!(a.meta.title, headline);
        }
        let long = "A long opening line that goes on and on ".repeat(4);
        let a =
            Article::parse(&format!("{long}\n\nBody."), "l.txt", LoadOptions::default()).unwrap();
        assert_eq!(a.meta.title, "", "{long}");
    }

    #[test]
    fn blank_lines_separate_and_wrapped_lines_join() {
        assert_eq!(
            paragraphs("One line\nwrapped here.\n\nTwo."),
            ["One line wrapped here.", "Two."]
        );
    }

    /// One paragraph a line, each indented, no blank lines between (dialogue turns stay apart).
    #[test]
    fn one_indented_paragraph_a_line() {
        let long = "word ".repeat(30);
        let text = format!("     - Hello, prince, she said. {long}\n     - Hello.\n     He bowed.");
        let p = paragraphs(&text);
        assert_eq!(p.len(), 3, "{p:?}");
        assert_eq!(p[1], "- Hello.");
    }

    /// First-line indents in a hard-wrapped text: a paragraph starts at each indented line.
    #[test]
    fn first_line_indents_in_wrapped_text() {
        let text = "  It was a cold day, and the\nwind blew hard.\n  Then it\nrained.";
        assert_eq!(
            paragraphs(text),
            [
                "It was a cold day, and the wind blew hard.",
                "Then it rained."
            ]
        );
    }

    /// A block quote (every line indented, short) and a list item with an indented
    /// continuation stay one paragraph.
    #[test]
    fn block_quotes_and_list_continuations_stay_whole() {
        assert_eq!(
            paragraphs("    quoted line one\n    quoted line two"),
            ["quoted line one quoted line two"]
        );
        assert_eq!(
            paragraphs("- an item\n  that goes on\n  and on"),
            ["- an item that goes on and on"]
        );
    }
}
