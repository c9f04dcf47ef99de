//! Writing rich text: the one place where Markdown and web pages become lectern's text, blocks
//! and inline spans.
//!
//! Both readers walk a tree of markup (pulldown-cmark's events, the cleaned DOM) and tell a
//! [`Builder`] what they meet: a block starts or ends, a list or quote opens, some text, an
//! emphasis. The builder owns the conventions, so both formats render alike: every piece of
//! text is sanitised, white space collapses as a browser would (except in code), list markers
//! are written into the text, blocks are separated by a blank line (list items by a line
//! break), empty blocks vanish, and styled runs are kept flat and sorted.

use std::ops::Range;

use super::{Block, BlockKind, InlineSpan, InlineStyle, ListMarker, Nesting, RULE_TEXT, sanitize};

/// What the builder produced: everything of an [`super::Article`] but its metadata.
#[derive(Debug, Default)]
pub struct Rich {
    pub text: String,
    pub blocks: Vec<Block>,
    pub spans: Vec<InlineSpan>,
    pub links: Vec<String>,
}

/// An inline mark that can nest.
#[derive(Debug, Clone, Copy)]
pub enum Mark {
    Emphasis,
    Strong,
    Code,
    Struck,
}

/// The block being written.
struct Open {
    kind: BlockKind,
    /// Where its separator starts: the text is cut back to here if the block stays empty.
    cut: usize,
    start: usize,
    /// Where its own content starts (after a list marker).
    content: usize,
    nesting: Nesting,
}

#[derive(Default)]
pub struct Builder {
    rich: Rich,
    open: Option<Open>,
    /// A list item whose marker waits for the item's first block, with the item's indent.
    pending_item: Option<(ListMarker, u8)>,
    /// The next number of each open list (`None` for bullets).
    lists: Vec<Option<u64>>,
    /// The content indent inside each open list item.
    items: Vec<u8>,
    quotes: u8,
    /// Nesting count of each [`Mark`].
    marks: [u32; 4],
    /// The link of each open link element (`None` when its target was empty).
    open_links: Vec<Option<usize>>,
    /// A collapsed run of white space not written yet, with the style it was met in.
    space: Option<InlineStyle>,
    /// Whether the text starts with a title block (given, or a leading heading).
    has_title: bool,
}

impl Builder {
    /// A builder whose text starts with `title` (from front matter or page metadata) when it
    /// is not empty. Without one, a leading heading becomes the title.
    pub fn new(title: &str) -> Self {
        let mut b = Builder::default();
        let title = collapse(&sanitize(title));
        if !title.is_empty() {
            b.rich.text.push_str(&title);
            b.rich
                .blocks
                .push(Block::new(BlockKind::Title, 0..b.rich.text.len()));
            b.has_title = true;
        }
        b
    }

    /// Starts a block of `kind` (ending any open one). A paragraph that opens a list item
    /// becomes the item.
    pub fn start(&mut self, kind: BlockKind) {
        self.end();
        match (self.pending_item.take(), kind) {
            (Some((marker, indent)), BlockKind::Paragraph) => self.open_item(marker, indent),
            (Some((marker, indent)), _) => {
                self.open_item(marker, indent);
                self.end();
                self.open_block(kind, self.nesting());
            }
            (None, _) => self.open_block(kind, self.nesting()),
        }
    }

    /// True while a block is being written.
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Ends the open block; an empty one is removed with its separator.
    pub fn end(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        self.space = None;
        let text = &mut self.rich.text;
        let trimmed = text.trim_end().len().max(open.start);
        text.truncate(trimmed);
        let end = text.len();
        let is_title_repeat = matches!(open.kind, BlockKind::Heading { .. })
            && self.has_title
            && self.rich.blocks.len() == 1
            && text[open.start..end] == text[self.rich.blocks[0].range.clone()];
        let empty = end == open.content && !matches!(open.kind, BlockKind::ListItem { .. });
        if empty || is_title_repeat {
            text.truncate(open.cut);
            self.clip_spans();
            return;
        }
        self.clip_spans();
        let kind = match open.kind {
            BlockKind::Heading { .. }
                if !self.has_title
                    && self.rich.blocks.is_empty()
                    && open.nesting == Nesting::default() =>
            {
                self.has_title = true;
                BlockKind::Title
            }
            kind => kind,
        };
        self.rich.blocks.push(Block {
            kind,
            range: open.start..end,
            nesting: open.nesting,
        });
    }

    pub fn start_quote(&mut self) {
        self.end();
        self.flush_item();
        self.quotes = self.quotes.saturating_add(1);
    }

    pub fn end_quote(&mut self) {
        self.end();
        self.flush_item();
        self.quotes = self.quotes.saturating_sub(1);
    }

    /// Opens a list: numbered from `first`, or bulleted.
    pub fn start_list(&mut self, first: Option<u64>) {
        self.end();
        self.flush_item();
        self.lists.push(first);
    }

    pub fn end_list(&mut self) {
        self.end();
        self.flush_item();
        self.lists.pop();
    }

    pub fn start_item(&mut self) {
        self.end();
        self.flush_item();
        let marker = match self.lists.last_mut() {
            Some(Some(n)) => {
                let m = ListMarker::Number(*n);
                *n = n.saturating_add(1);
                m
            }
            _ => ListMarker::Bullet,
        };
        let indent = self.indent();
        let width = u8::try_from(marker.width()).unwrap_or(u8::MAX);
        self.items.push(indent.saturating_add(width));
        self.pending_item = Some((marker, indent));
    }

    pub fn end_item(&mut self) {
        self.end();
        self.flush_item();
        self.items.pop();
    }

    /// A thematic break.
    pub fn rule(&mut self) {
        self.start(BlockKind::Rule);
        self.rich.text.push_str(RULE_TEXT);
        self.end();
    }

    /// A hard line break inside a block.
    pub fn line_break(&mut self) {
        let Some(open) = &self.open else { return };
        self.space = None;
        let text = &mut self.rich.text;
        if text.len() > open.content && !text.ends_with('\n') {
            let keep = text.trim_end_matches(' ').len().max(open.content);
            text.truncate(keep);
            self.clip_spans();
            self.rich.text.push('\n');
        }
    }

    /// Text of the document: sanitised, white space collapsed outside code blocks. Text
    /// outside any block opens a paragraph (loose text in a web page's `<div>`).
    pub fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let clean = sanitize(raw);
        if self.open.is_none() {
            if clean.trim().is_empty() {
                return;
            }
            self.start(BlockKind::Paragraph);
        }
        if self
            .open
            .as_ref()
            .is_some_and(|o| o.kind == BlockKind::Code)
        {
            self.write(&clean);
            return;
        }
        let mut rest = clean.as_str();
        while !rest.is_empty() {
            let word = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
            if word.len() < rest.len() {
                self.want_space();
            }
            let end = word
                .find(|c: char| c.is_ascii_whitespace())
                .unwrap_or(word.len());
            self.write(&word[..end]);
            rest = &word[end..];
        }
    }

    pub fn push_mark(&mut self, mark: Mark) {
        self.marks[mark as usize] += 1;
    }

    pub fn pop_mark(&mut self, mark: Mark) {
        self.marks[mark as usize] = self.marks[mark as usize].saturating_sub(1);
    }

    /// Opens a link to `url` (sanitised; an empty target styles nothing).
    pub fn start_link(&mut self, url: &str) {
        let url = sanitize(url.trim());
        let index = (!url.is_empty()).then(|| {
            self.rich.links.push(url);
            self.rich.links.len() - 1
        });
        self.open_links.push(index);
    }

    pub fn end_link(&mut self) {
        self.open_links.pop();
    }

    /// Ends whatever is open and hands over the result.
    pub fn finish(mut self) -> Rich {
        self.end();
        self.flush_item();
        self.rich
    }

    fn style(&self) -> InlineStyle {
        InlineStyle {
            emphasis: self.marks[Mark::Emphasis as usize] > 0,
            strong: self.marks[Mark::Strong as usize] > 0,
            code: self.marks[Mark::Code as usize] > 0,
            struck: self.marks[Mark::Struck as usize] > 0,
            link: self.open_links.iter().rev().find_map(|l| *l),
        }
    }

    fn indent(&self) -> u8 {
        self.items.last().copied().unwrap_or(0)
    }

    fn nesting(&self) -> Nesting {
        Nesting {
            quotes: self.quotes,
            indent: self.indent(),
        }
    }

    fn open_block(&mut self, kind: BlockKind, nesting: Nesting) {
        let text = &mut self.rich.text;
        let cut = text.len();
        if !text.is_empty() {
            let tight = matches!(kind, BlockKind::ListItem { .. })
                && self
                    .rich
                    .blocks
                    .last()
                    .is_some_and(|b| matches!(b.kind, BlockKind::ListItem { .. }));
            text.push_str(if tight { "\n" } else { "\n\n" });
        }
        let start = text.len();
        if let BlockKind::ListItem { marker } = kind {
            text.push_str(&marker.text());
        }
        self.open = Some(Open {
            kind,
            cut,
            start,
            content: text.len(),
            nesting,
        });
    }

    fn open_item(&mut self, marker: ListMarker, indent: u8) {
        let nesting = Nesting {
            quotes: self.quotes,
            indent,
        };
        self.open_block(BlockKind::ListItem { marker }, nesting);
    }

    /// An item that got no block of its own (`- ` alone, or a list right inside an item)
    /// still shows its marker.
    fn flush_item(&mut self) {
        if let Some((marker, indent)) = self.pending_item.take() {
            self.open_item(marker, indent);
            self.end();
        }
    }

    fn want_space(&mut self) {
        if let Some(open) = &self.open
            && self.rich.text.len() > open.content
            && !self.rich.text.ends_with('\n')
        {
            let style = self.style();
            self.space.get_or_insert(style);
        }
    }

    fn write(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if let Some(style) = self.space.take() {
            let at = self.rich.text.len();
            self.rich.text.push(' ');
            self.styled(at..at + 1, style);
        }
        let at = self.rich.text.len();
        self.rich.text.push_str(s);
        let style = self.style();
        self.styled(at..self.rich.text.len(), style);
    }

    /// Cuts the spans back to the end of the text after it was truncated.
    fn clip_spans(&mut self) {
        let end = self.rich.text.len();
        while let Some(last) = self.rich.spans.last_mut() {
            if last.range.end <= end {
                break;
            }
            if last.range.start >= end {
                self.rich.spans.pop();
            } else {
                last.range.end = end;
            }
        }
    }

    fn styled(&mut self, range: Range<usize>, style: InlineStyle) {
        if style == InlineStyle::default() {
            return;
        }
        match self.rich.spans.last_mut() {
            Some(last) if last.range.end == range.start && last.style == style => {
                last.range.end = range.end;
            }
            _ => self.rich.spans.push(InlineSpan { range, style }),
        }
    }
}

/// Runs of ASCII white space as one space, trimmed.
fn collapse(s: &str) -> String {
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::HeadingLevel;

    fn texts(r: &Rich) -> Vec<&str> {
        r.blocks.iter().map(|b| &r.text[b.range.clone()]).collect()
    }

    #[test]
    fn collapses_space_and_drops_empty_blocks() {
        let mut b = Builder::new("");
        b.start(BlockKind::Paragraph);
        b.text("  one \n\t two  ");
        b.end();
        b.start(BlockKind::Paragraph);
        b.text("   ");
        b.end();
        b.start(BlockKind::Code);
        b.text("a  b\n  c\n\n");
        let r = b.finish();
        assert_eq!(r.text, "one two\n\na  b\n  c");
        assert_eq!(texts(&r), ["one two", "a  b\n  c"]);
    }

    #[test]
    fn list_items_carry_markers_and_nesting() {
        let mut b = Builder::new("T");
        b.start_list(Some(9));
        b.start_item();
        b.text("nine");
        b.start_list(None);
        b.start_item();
        b.text("inner");
        b.end_item();
        b.end_list();
        b.end_item();
        b.start_item();
        b.text("ten");
        b.end_item();
        b.end_list();
        let r = b.finish();
        assert_eq!(r.text, "T\n\n9. nine\n• inner\n10. ten");
        let nest: Vec<u8> = r.blocks.iter().map(|b| b.nesting.indent).collect();
        assert_eq!(nest, [0, 0, 3, 0]);
        assert_eq!(
            r.blocks[3].kind,
            BlockKind::ListItem {
                marker: ListMarker::Number(10)
            }
        );
    }

    #[test]
    fn spans_are_flat_and_cover_inner_spaces() {
        let mut b = Builder::new("");
        b.start(BlockKind::Paragraph);
        b.text("a ");
        b.push_mark(Mark::Strong);
        b.text("b ");
        b.start_link("http://x");
        b.text("c");
        b.end_link();
        b.pop_mark(Mark::Strong);
        b.text(" d");
        let r = b.finish();
        assert_eq!(r.text, "a b c d");
        let spans: Vec<(&str, bool, Option<usize>)> = r
            .spans
            .iter()
            .map(|s| (&r.text[s.range.clone()], s.style.strong, s.style.link))
            .collect();
        assert_eq!(spans, [("b ", true, None), ("c", true, Some(0))]);
        assert_eq!(r.links, ["http://x"]);
    }

    #[test]
    fn leading_heading_is_the_title_and_a_repeat_is_dropped() {
        let mut b = Builder::new("");
        b.start(BlockKind::Heading {
            level: HeadingLevel::H2,
        });
        b.text("Big news");
        let r = b.finish();
        assert_eq!(r.blocks[0].kind, BlockKind::Title);

        let mut b = Builder::new("Big  news");
        b.start(BlockKind::Heading {
            level: HeadingLevel::H1,
        });
        b.text("Big news");
        b.start(BlockKind::Paragraph);
        b.text("Body");
        let r = b.finish();
        assert_eq!(r.text, "Big news\n\nBody");
        assert_eq!(texts(&r), ["Big news", "Body"]);
    }

    #[test]
    fn escapes_in_text_and_links_are_sanitised() {
        let mut b = Builder::new("\u{1b}[31mT");
        b.start_link("http://a\u{1b}]0;x\u{7}");
        b.text("x\u{1b}[2Jy\u{7}");
        let r = b.finish();
        assert_eq!(r.text, "T\n\nxy␇");
        assert_eq!(r.links, ["http://a"]);
    }
}
