//! Highlights and notes, anchored to passages so that they survive edits of the article.

use std::ops::Range;

/// A stable identifier of a note, unique across processes.
pub type NoteId = String;

/// Where a note points, in the W3C Web Annotation model: the exact text with some context, and
/// its char position when it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    /// Char offsets into the article text when the note was made.
    pub start: usize,
    pub end: usize,
}

/// A highlight, with or without a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: NoteId,
    /// Highlight colour label (`yellow`, `green`…), one of the configured labels.
    pub label: String,
    /// The note's text; empty for a plain highlight.
    pub body: String,
    pub anchor: Anchor,
    /// Where the anchor was found in the current text; `None` when it is detached.
    pub range: Option<Range<usize>>,
}
