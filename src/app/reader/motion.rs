//! Cursor motions over the text (words, sentences, paragraphs) and text queries the state
//! machine needs. All positions are byte offsets on char boundaries.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// The first non-space byte at or after `at` (or the end of the text).
pub fn skip_space(text: &str, at: usize) -> usize {
    let at = floor_boundary(text, at);
    text[at..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(text.len(), |(i, _)| at + i)
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Start of the next word after the one at `at`.
pub fn word_forward(text: &str, at: usize) -> usize {
    let at = floor_boundary(text, at);
    let end_of_word = text[at..]
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(text.len(), |(i, _)| at + i);
    let next = skip_space(text, end_of_word);
    if next >= text.len() { at } else { next }
}

/// Start of the word before `at` (or of the word `at` is inside).
pub fn word_back(text: &str, at: usize) -> usize {
    let at = floor_boundary(text, at);
    let before = &text[..at];
    let trimmed = before.trim_end_matches(char::is_whitespace);
    trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// End of the run of non-space characters starting at `at` (at least one char).
fn token_end(text: &str, at: usize) -> usize {
    let at = floor_boundary(text, at);
    let mut chars = text[at..].char_indices();
    let first = chars.next().map_or(0, |(_, c)| c.len_utf8());
    text[at + first..]
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(text.len(), |(i, _)| at + first + i)
}

/// The visual-mode selection between `anchor` and `cursor`, both ends inclusive of their word.
pub fn selection(text: &str, anchor: usize, cursor: usize) -> Range<usize> {
    let (a, b) = if anchor <= cursor {
        (anchor, cursor)
    } else {
        (cursor, anchor)
    };
    let a = floor_boundary(text, a);
    a..token_end(text, b).max(a)
}

/// Start of the last word of `r`, so that [`selection`] from `r.start` to it covers `r`.
pub fn last_word_start(text: &str, r: Range<usize>) -> usize {
    let s = &text[r.clone()];
    let trimmed = s.trim_end();
    trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(r.start, |(i, c)| r.start + i + c.len_utf8())
}

/// The next (or previous) range start after (before) `at` in sorted, disjoint `ranges`.
pub fn next_start(ranges: &[Range<usize>], at: usize, forward: bool) -> Option<usize> {
    if forward {
        let i = ranges.partition_point(|r| r.start <= at);
        ranges.get(i).map(|r| r.start)
    } else {
        let i = ranges.partition_point(|r| r.start < at);
        i.checked_sub(1).map(|i| ranges[i].start)
    }
}

/// The range of sorted, disjoint `ranges` that contains `at`, or the next one when `at` is
/// between two.
pub fn containing(ranges: &[Range<usize>], at: usize) -> Option<Range<usize>> {
    let i = ranges.partition_point(|r| r.end <= at);
    ranges.get(i).cloned()
}

/// The byte shown at display column `col` of the row `line`.
pub fn byte_at_column(text: &str, line: Range<usize>, col: usize) -> usize {
    let mut width = 0;
    for (i, c) in text[line.clone()].char_indices() {
        let w = c.width().unwrap_or(0);
        if width + w > col {
            return line.start + i;
        }
        width += w;
    }
    line.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        let t = "one two  three";
        assert_eq!(word_forward(t, 0), 4);
        assert_eq!(word_forward(t, 4), 9);
        assert_eq!(word_forward(t, 9), 9);
        assert_eq!(word_back(t, 9), 4);
        assert_eq!(word_back(t, 5), 4);
        assert_eq!(word_back(t, 0), 0);
    }

    #[test]
    fn selection_covers_whole_words() {
        let t = "one two three";
        assert_eq!(selection(t, 4, 4), 4..7);
        assert_eq!(selection(t, 8, 0), 0..13);
        let r = 0..13;
        assert_eq!(selection(t, 0, last_word_start(t, r.clone())), r);
    }

    #[test]
    fn ranges_navigation() {
        let r = vec![0..5, 7..10, 12..20];
        assert_eq!(next_start(&r, 0, true), Some(7));
        assert_eq!(next_start(&r, 7, false), Some(0));
        assert_eq!(next_start(&r, 12, true), None);
        assert_eq!(containing(&r, 8), Some(7..10));
        assert_eq!(containing(&r, 6), Some(7..10));
        assert_eq!(containing(&r, 25), None);
    }

    #[test]
    fn columns_map_to_bytes() {
        let t = "红楼 ab";
        assert_eq!(byte_at_column(t, 0..t.len(), 0), 0);
        assert_eq!(byte_at_column(t, 0..t.len(), 1), 0);
        assert_eq!(byte_at_column(t, 0..t.len(), 2), 3);
        assert_eq!(byte_at_column(t, 0..t.len(), 5), 7);
        assert_eq!(byte_at_column(t, 0..t.len(), 99), t.len());
    }
}
