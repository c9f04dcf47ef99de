//! The reader's word-wrapped layout: a table of visual lines, each a byte range into the text.
//!
//! Wrapping is done once per width and kept until the width changes; drawing a frame then only
//! looks at the rows on screen, and byte offset ↔ row lookups are binary searches, so a frame
//! costs O(viewport) whatever the size of the article. ratatui's `Paragraph` re-wraps on every
//! frame and cannot map a row back to a text offset, which jumping, selection and notes need.
//!
//! Every byte of the text belongs to exactly one visual line: a wrapped line keeps the spaces it
//! was broken at (they are not drawn), and the blank line between paragraphs is an empty range at
//! the start of the `\n\n` separator, which owns the separator's bytes. A line break inside a
//! block (code, a hard break) and the single `\n` between list items belong to the row they
//! end, and are not drawn either.
//!
//! Rows of blocks inside lists and block quotes carry an indent: the reader draws a bar for each
//! quote in it and the text after it. A list item's marker starts its first row and its other
//! rows hang under the text after the marker.

use std::ops::Range;

use rayon::prelude::*;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::source::{Article, Block, BlockKind, HeadingLevel, RULE_TEXT};

/// What the reader draws in the indent of a row for each block quote around it.
pub const QUOTE_BAR: &str = "│ ";
/// Columns of [`QUOTE_BAR`].
const QUOTE_BAR_WIDTH: usize = 2;

/// What a visual line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Heading(HeadingLevel),
    /// A row of a paragraph or list item.
    Text,
    /// A row of preformatted text.
    Code,
    /// A thematic break.
    Rule,
    /// The blank line between blocks.
    Gap,
}

/// One row of the wrapped article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    /// Bytes of the text on this row (a gap's range covers the separator).
    pub range: Range<usize>,
    pub kind: LineKind,
    /// Blank columns before the text (quote bars, list nesting, a hanging indent).
    pub indent: u16,
    /// Quote bars to draw at the start of the indent.
    pub quotes: u8,
}

/// The article wrapped at one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    width: u16,
    lines: Vec<VisualLine>,
}

impl Layout {
    /// Wraps `article` at `width` columns (at least 1).
    pub fn new(article: &Article, width: u16) -> Self {
        let width = width.max(1);
        let text = article.text();
        let blocks = article.blocks();
        let w = usize::from(width);
        if text.len() < PARALLEL_FROM {
            let mut lines = Vec::with_capacity(text.len() / w + 16);
            lay_out_blocks(text, blocks, w, &mut lines);
            return Layout { width, lines };
        }
        // Blocks wrap independently, so a long article is wrapped in chunks on every core and
        // the chunks joined with the separator between them: the first frame of a book comes
        // sooner, and the lines are exactly those of the sequential loop.
        let chunks: Vec<Vec<VisualLine>> = blocks
            .par_chunks(BLOCKS_PER_CHUNK)
            .map(|chunk| {
                let mut lines = Vec::new();
                lay_out_blocks(text, chunk, w, &mut lines);
                lines
            })
            .collect();
        let mut lines =
            Vec::with_capacity(chunks.iter().map(Vec::len).sum::<usize>() + chunks.len());
        for (i, chunk) in chunks.into_iter().enumerate() {
            if i > 0 {
                let at = i * BLOCKS_PER_CHUNK;
                separate(text, &blocks[at - 1], &blocks[at], &mut lines);
            }
            lines.extend(chunk);
        }
        Layout { width, lines }
    }

    /// No lines: the layout before the terminal's size is known.
    pub fn empty() -> Self {
        Layout {
            width: 0,
            lines: Vec::new(),
        }
    }

    pub fn width(&self) -> u16 {
        self.width
    }

    pub fn lines(&self) -> &[VisualLine] {
        &self.lines
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The row that shows byte `offset` (the last row for offsets past the end).
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.range.start <= offset)
            .saturating_sub(1)
    }

    /// Rows `start..end` that overlap the byte range `r` (empty ranges give their own row).
    pub fn lines_of(&self, r: &Range<usize>) -> Range<usize> {
        let first = self.line_of(r.start);
        let last = self.line_of(r.end.saturating_sub(1).max(r.start));
        first..last + 1
    }
}

/// Texts from this size on are wrapped in parallel (below it, splitting costs more than it
/// saves).
const PARALLEL_FROM: usize = 256 * 1024;
/// Blocks wrapped by one task of the parallel layout.
const BLOCKS_PER_CHUNK: usize = 512;

/// Wraps `blocks` in order, with the rows between them.
fn lay_out_blocks(text: &str, blocks: &[Block], width: usize, lines: &mut Vec<VisualLine>) {
    let mut prev: Option<&Block> = None;
    for block in blocks {
        if let Some(p) = prev {
            separate(text, p, block, lines);
        }
        lay_out_block(text, block, width, lines);
        prev = Some(block);
    }
}

/// What stands between two blocks: a blank row, or (between list items) nothing, the line
/// break joining the row before.
fn separate(text: &str, prev: &Block, block: &Block, lines: &mut Vec<VisualLine>) {
    let separator = prev.range.end..block.range.start;
    if text[separator.clone()].matches('\n').nth(1).is_some() {
        lines.push(VisualLine {
            range: separator,
            kind: LineKind::Gap,
            indent: 0,
            quotes: prev.nesting.quotes.min(block.nesting.quotes),
        });
    } else if let Some(last) = lines.last_mut() {
        // A line break between list items: no blank row.
        last.range.end = separator.end;
    }
}

/// Wraps one block into rows, with its indent, hanging list marker and kept line breaks.
fn lay_out_block(text: &str, block: &Block, width: usize, out: &mut Vec<VisualLine>) {
    let kind = match block.kind {
        BlockKind::Title => LineKind::Title,
        BlockKind::Heading { level } => LineKind::Heading(level),
        BlockKind::Paragraph | BlockKind::ListItem { .. } => LineKind::Text,
        BlockKind::Code => LineKind::Code,
        BlockKind::Rule => LineKind::Rule,
    };
    // Deep nesting never takes more than half the row from the text.
    let quotes = usize::from(block.nesting.quotes).min(width / 2 / QUOTE_BAR_WIDTH);
    let base = (quotes * QUOTE_BAR_WIDTH + usize::from(block.nesting.indent)).min(width / 2);
    // The marker hangs when it takes at most half the row; on a narrower one it wraps along.
    let (hang, body) = match block.kind {
        BlockKind::ListItem { marker } if marker.width() <= (width - base) / 2 => (
            marker.width(),
            block.range.start + marker.text_len().min(block.range.len()),
        ),
        _ => (0, block.range.start),
    };
    let inner = width - base - hang;
    let first = out.len();
    if text[body..block.range.end].contains('\n') {
        let mut at = body;
        for line in text[body..block.range.end].split_inclusive('\n') {
            let content = line.strip_suffix('\n').unwrap_or(line);
            wrap_block(text, at..at + content.len(), inner, kind, out);
            at += line.len();
            if let Some(last) = out.last_mut() {
                last.range.end = at;
            }
        }
    } else {
        wrap_block(text, body..block.range.end, inner, kind, out);
    }
    let indent = if block.kind == BlockKind::Rule {
        base + inner.saturating_sub(RULE_TEXT.len()) / 2
    } else {
        base + hang
    };
    for line in &mut out[first..] {
        line.indent = u16::try_from(indent).unwrap_or(u16::MAX);
        line.quotes = quotes as u8;
    }
    if let Some(line) = out.get_mut(first) {
        line.range.start = block.range.start;
        line.indent -= hang as u16;
    }
}

fn wrap_block(
    text: &str,
    range: Range<usize>,
    width: usize,
    kind: LineKind,
    out: &mut Vec<VisualLine>,
) {
    let block = &text[range.clone()];
    let base = range.start;
    let mut push = |r: Range<usize>| {
        out.push(VisualLine {
            range: base + r.start..base + r.end,
            kind,
            indent: 0,
            quotes: 0,
        })
    };
    if block.is_ascii() {
        // Every byte is one column here, and only a space is a break.
        let bytes = block.as_bytes();
        let mut at = 0;
        let units = std::iter::from_fn(|| {
            let space = *bytes.get(at)? == b' ';
            let start = at;
            at += bytes[at..]
                .iter()
                .position(|&b| (b == b' ') != space)
                .unwrap_or(bytes.len() - at);
            Some(Units {
                start,
                width: 1,
                space,
                count: at - start,
            })
        });
        wrap_units(block, units, width, &mut push);
    } else {
        wrap_units(block, clusters(block), width, &mut push);
    }
}

/// `count` user-perceived characters in a row, all spaces or all not, each `width` columns
/// wide; when `count > 1` each is one byte (a run of ASCII). Runs let the wrap take a whole
/// word, or a whole run of spaces, in one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Units {
    /// Byte offset of the first.
    start: usize,
    width: usize,
    space: bool,
    count: usize,
}

/// [`clusters`]' classes of bytes: ASCII whitespace and printable ASCII are one column wide
/// (whitespace counts as one), the rest (controls, bytes of longer chars) is looked at in full.
const SPACE: u8 = 0;
const PRINTABLE: u8 = 1;
const OTHER: u8 = 2;
const ASCII_CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b' ' | b'\t'..=b'\r' => SPACE,
            b'!'..=b'~' => PRINTABLE,
            _ => OTHER,
        };
        b += 1;
    }
    t
};

/// The user-perceived characters of `s`, as runs of [`Units`].
///
/// A char-level approximation of extended grapheme clusters that is several times faster than
/// full segmentation and agrees with it on text: zero-width chars (combining marks, variation
/// selectors, ZWJ, conjoining jamo), emoji modifiers, the char after a ZWJ and the second of a
/// pair of regional indicators all join the cluster before them, so a wrap never splits them.
///
/// No ASCII char joins the one before it, so each ASCII byte not followed by a non-ASCII one
/// (which might join it) is a character of its own; runs of them (most of a European text,
/// even in a paragraph with a few accents or curly quotes) are taken without decoding.
fn clusters(s: &str) -> impl Iterator<Item = Units> + '_ {
    let bytes = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let &b = bytes.get(at)?;
        let start = at;
        let class = ASCII_CLASS[usize::from(b)];
        if class != OTHER && bytes.get(at + 1).is_none_or(u8::is_ascii) {
            let rest = &bytes[at..];
            let mut n = rest
                .iter()
                .position(|&c| ASCII_CLASS[usize::from(c)] != class)
                .unwrap_or(rest.len());
            // The last byte of the run stays alone only if no non-ASCII char follows it.
            if rest.get(n).is_some_and(|c| !c.is_ascii()) {
                n -= 1;
            }
            at += n;
            return Some(Units {
                start,
                width: 1,
                space: class == SPACE,
                count: n,
            });
        }
        let mut chars = s[at..].chars();
        let first = chars.next()?;
        at += first.len_utf8();
        let space = first.is_whitespace();
        let width = if space { 1 } else { first.width().unwrap_or(0) };
        let mut prev = first;
        let mut before_prev = '\0';
        let mut regional_pair = is_regional(first);
        let emoji = is_pictographic(first);
        for c in chars {
            let after_zwj = prev == '\u{200d}' && before_prev != '\u{200d}';
            let joins = (emoji && after_zwj && is_pictographic(c))
                || (c != ' ' && c.width() == Some(0))
                || ('\u{1f3fb}'..='\u{1f3ff}').contains(&c)
                || (regional_pair && is_regional(c));
            if !joins {
                break;
            }
            regional_pair = false;
            before_prev = prev;
            prev = c;
            at += c.len_utf8();
        }
        Some(Units {
            start,
            width,
            space,
            count: 1,
        })
    })
}

/// Where to break a run of characters that must break near `i`: at `i`, or a few characters
/// earlier when `i` is not a place to break (see [`no_break_at`]). Never at or before
/// `line_start` (a row must advance), and never steps over a zero-width character (part of a
/// cluster): then it breaks at `i` after all.
fn break_before(block: &str, line_start: usize, i: usize) -> usize {
    let mut at = i;
    for _ in 0..4 {
        if !no_break_at(block, at) {
            return at;
        }
        match block[..at].chars().next_back() {
            Some(c) if at - c.len_utf8() > line_start && c.width().unwrap_or(0) > 0 => {
                at -= c.len_utf8();
            }
            _ => return i,
        }
    }
    i
}

/// Whether a line may not break at byte `at`: Unicode's line-breaking rules (UAX #14) forbid
/// a line starting with closing punctuation, `!`/`?` marks, infix separators or non-starters
/// (`。`，`、`」`）`！`, small kana) and ending with opening punctuation (`「`（`). Quotation
/// marks are ambiguous there; the curly ones are taken by their direction.
fn no_break_at(block: &str, at: usize) -> bool {
    use unicode_linebreak::{BreakClass, break_property};
    let next = block[at..].chars().next();
    let prev = block[..at].chars().next_back();
    let no_start = next.is_some_and(|c| {
        matches!(c, '”' | '’' | '»' | '›')
            || matches!(
                break_property(u32::from(c)),
                BreakClass::ClosePunctuation
                    | BreakClass::CloseParenthesis
                    | BreakClass::Exclamation
                    | BreakClass::InfixSeparator
                    | BreakClass::NonStarter
            )
    });
    let no_end = prev.is_some_and(|c| {
        matches!(c, '“' | '‘' | '«' | '‹')
            || break_property(u32::from(c)) == BreakClass::OpenPunctuation
    });
    no_start || no_end
}

/// Roughly Unicode's Extended_Pictographic: the emoji blocks and the older symbol blocks.
fn is_pictographic(c: char) -> bool {
    (c >= '\u{1f000}' && !is_regional(c) && !('\u{1f3fb}'..='\u{1f3ff}').contains(&c))
        || ('\u{2300}'..='\u{27bf}').contains(&c)
}

fn is_regional(c: char) -> bool {
    ('\u{1f1e6}'..='\u{1f1ff}').contains(&c)
}

/// Greedy wrapping over runs of units of `block`. Breaks after a run of spaces; a word longer
/// than the width (a line of Chinese or Japanese) is broken between units, but not before
/// closing punctuation or after opening punctuation (see [`no_break_at`]).
fn wrap_units(
    block: &str,
    units: impl Iterator<Item = Units>,
    width: usize,
    push: &mut impl FnMut(Range<usize>),
) {
    let len = block.len();
    let mut line_start = 0;
    // Width from line_start up to the current unit.
    let mut used = 0;
    // Start of the current word (after the last space run) and the width before it.
    let mut word_start = 0;
    let mut width_before_word = 0;
    let mut in_space = false;
    for run in units {
        let w = run.width;
        if run.space {
            in_space = true;
            used += w * run.count;
            continue;
        }
        if in_space {
            in_space = false;
            word_start = run.start;
            width_before_word = used;
        }
        if used + w * run.count <= width {
            // The whole run fits: no unit of it can start a new line.
            used += w * run.count;
            continue;
        }
        for i in (run.start..).take(run.count) {
            if used + w > width && i > line_start {
                if word_start > line_start {
                    // Break before the current word; it moves to the next line.
                    push(line_start..word_start);
                    used -= width_before_word;
                    line_start = word_start;
                }
                if used + w > width && i > line_start {
                    // The word alone is wider than the line: break inside it, the last
                    // characters going along when the break would put closing punctuation
                    // at the start of the next line.
                    let at = break_before(block, line_start, i);
                    push(line_start..at);
                    line_start = at;
                    word_start = at;
                    used = block[at..i].width();
                    if used + w > width && i > line_start {
                        // What went along leaves no room for this character on so narrow a
                        // row (`(红` in two columns): the width wins over the punctuation rule.
                        push(line_start..i);
                        line_start = i;
                        word_start = i;
                        used = 0;
                    }
                }
                width_before_word = 0;
            }
            used += w;
        }
    }
    if line_start < len || len == 0 {
        push(line_start..len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::LoadOptions;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn article(s: &str) -> Article {
        Article::parse(s, "t", LoadOptions::PLAIN).unwrap()
    }

    fn rows(a: &Article, width: u16) -> Vec<String> {
        Layout::new(a, width)
            .lines()
            .iter()
            .map(|l| a.text()[l.range.clone()].to_string())
            .collect()
    }

    /// Where each user-perceived character of `s` starts, by [`clusters`].
    fn cluster_starts(s: &str) -> Vec<usize> {
        clusters(s)
            .flat_map(|u| (u.start..).take(u.count))
            .collect()
    }

    #[test]
    fn wraps_at_word_boundaries() {
        let a = article("the quick brown fox jumps over");
        assert_eq!(rows(&a, 10), ["the quick ", "brown fox ", "jumps over"]);
    }

    #[test]
    fn breaks_overlong_words() {
        let a = article("abcdefghij kl");
        assert_eq!(rows(&a, 4), ["abcd", "efgh", "ij ", "kl"]);
    }

    #[test]
    fn gap_between_paragraphs() {
        let a = article("one\n\ntwo");
        let l = Layout::new(&a, 10);
        let kinds: Vec<_> = l.lines().iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [LineKind::Text, LineKind::Gap, LineKind::Text]);
        assert_eq!(l.line_of(4), 1);
        assert_eq!(l.line_of(5), 2);
    }

    /// Chinese breaks between any two characters, but never puts closing punctuation at the
    /// start of a row nor leaves opening punctuation at the end of one.
    #[test]
    fn cjk_rows_never_start_with_closing_punctuation() {
        let text = "T\n\n此开卷第一回也．作者自云：因曾历过一番梦幻之后，故将真事隐去，而借「通灵」之说，\
                    撰此《石头记》一书也。故曰“甄士隐”云云！但书中所记何事何人？自又云：“今风尘碌碌，\
                    一事无成。”";
        let a = article(text);
        // From four characters a row: narrower, a mark and its neighbours may not fit at all.
        for width in 8..40 {
            for row in rows(&a, width).iter().skip(2) {
                let first = row.chars().next().unwrap_or(' ');
                let last = row.trim_end().chars().last().unwrap_or(' ');
                assert!(
                    !"。，、．：；！？」』）》”".contains(first),
                    "width {width}: row starts with {first}: {row}"
                );
                assert!(
                    !"「『（《“".contains(last),
                    "width {width}: row ends with {last}: {row}"
                );
            }
        }
    }

    #[test]
    fn punctuation_going_along_never_makes_a_row_too_wide() {
        // Two columns: `(` may not end a row, but `(红` is three columns wide.
        let a = article("](红");
        for row in rows(&a, 2) {
            assert!(row.trim_end().width() <= 2, "{row:?}");
        }
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let a = article("红楼梦红楼梦");
        assert_eq!(rows(&a, 5), ["红楼", "梦红", "楼梦"]);
    }

    #[test]
    fn graphemes_are_never_split() {
        let a = article("e\u{301}e\u{301}e\u{301}");
        assert_eq!(rows(&a, 2), ["e\u{301}e\u{301}", "e\u{301}"]);
    }

    #[test]
    fn emoji_sequences_stay_together() {
        let a = article("a👍🏽b🇫🇷c👨\u{200d}👩x");
        let cl = cluster_starts(a.text());
        let gr: Vec<usize> = a.text().grapheme_indices(true).map(|(i, _)| i).collect();
        assert_eq!(cl, gr);
    }

    fn markdown(s: &str) -> Article {
        let options = LoadOptions {
            format: Some(crate::source::Format::Markdown),
            ..LoadOptions::default()
        };
        Article::parse(s, "t.md", options).unwrap()
    }

    /// A long article is wrapped in parallel chunks; the rows must be exactly those of one
    /// pass, also where a chunk ends inside a list (a tight separator) or a quote.
    #[test]
    fn parallel_layout_equals_the_sequential_one() {
        let unit = "Some *paragraph* text that wraps over a few rows of the narrow pane.\n\n\
                    - one item\n- two items that wrap as well, being long\n\n\
                    > a quoted line\n>\n> and more of it\n\n";
        let a = markdown(&unit.repeat(PARALLEL_FROM / unit.len() + 200));
        assert!(a.text().len() >= PARALLEL_FROM && a.blocks().len() > 3 * BLOCKS_PER_CHUNK);
        for width in [7, 40, 100] {
            let mut one_pass = Vec::new();
            lay_out_blocks(a.text(), a.blocks(), width, &mut one_pass);
            assert!(
                Layout::new(&a, width as u16).lines() == &one_pass[..],
                "width {width}"
            );
        }
    }

    /// (indent, quote bars, text) of each row.
    fn indented(a: &Article, width: u16) -> Vec<(u16, u8, String)> {
        Layout::new(a, width)
            .lines()
            .iter()
            .map(|l| (l.indent, l.quotes, a.text()[l.range.clone()].to_string()))
            .collect()
    }

    #[test]
    fn list_markers_hang_and_items_have_no_gap() {
        let a = markdown(
            "- one two three
  - four five",
        );
        assert_eq!(
            indented(&a, 12),
            [
                (0, 0, "• one two ".into()),
                (2, 0, "three\n".into()),
                (2, 0, "• four ".into()),
                (4, 0, "five".into()),
            ]
        );
    }

    #[test]
    fn code_keeps_its_lines_and_quotes_carry_bars() {
        let a = markdown("```\nfn a() {\n\n}\n```\n\n> one\n>\n> two");
        let rows = indented(&a, 20);
        assert_eq!(rows[0], (0, 0, "fn a() {\n".into()));
        assert_eq!(rows[1], (0, 0, "\n".into()));
        assert_eq!(rows[2], (0, 0, "}".into()));
        assert_eq!(rows[3].1, 0, "gap after the code");
        assert_eq!(rows[4], (2, 1, "one".into()));
        assert_eq!(rows[5].1, 1, "the gap inside the quote keeps its bar");
        assert_eq!(rows[6], (2, 1, "two".into()));
        assert_eq!(Layout::new(&a, 20).lines()[0].kind, LineKind::Code);
    }

    proptest! {
        /// The fast clusters agree with full grapheme segmentation on text made of real-world
        /// clusters (letters, combining accents, CJK, emoji with modifiers, ZWJ families, flags).
        #[test]
        fn clusters_match_graphemes(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "a", " ", "e\u{301}", "o\u{308}\u{301}", "红", "👍", "👍🏽", "👨\u{200d}👩\u{200d}👧",
                "🇫🇷", "❤\u{fe0f}", "\u{1100}\u{1161}", "’", "«", "word", ", ", "e", "\u{301}",
            ]), 0..30)) {
            let s: String = parts.concat();
            let cl = cluster_starts(&s);
            let gr: Vec<usize> = s.grapheme_indices(true).map(|(i, _)| i).collect();
            prop_assert_eq!(cl, gr);
        }

        #[test]
        fn every_byte_on_exactly_one_line(s in "[a-z \u{4e00}-\u{4e10}é\n]{0,200}", w in 1u16..30) {
            let a = article(&s);
            let l = Layout::new(&a, w);
            let text = a.text();
            let mut covered = 0;
            let first = a.blocks().first().map_or(0, |b| b.range.start);
            if !l.is_empty() { covered = first; }
            for line in l.lines() {
                prop_assert_eq!(line.range.start, covered);
                prop_assert!(text.is_char_boundary(line.range.end));
                covered = line.range.end;
                if line.kind == LineKind::Text {
                    let shown = text[line.range.clone()].trim_end();
                    prop_assert!(shown.width() <= usize::from(w) || shown.graphemes(true).count() == 1);
                }
            }
            let last = a.blocks().last().map_or(0, |b| b.range.end);
            prop_assert_eq!(covered, last);
        }
    }
}
