//! Direct quotations and who said them.

use std::ops::Range;

use crate::source::Article;

/// Whether a quoted span is someone's words or just marked text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// Words someone said or wrote.
    Speech,
    /// Scare quotes, titles, terms, slogans with no source.
    Mention,
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The content without its quote marks, trimmed.
    pub range: Range<usize>,
    /// The content with its marks (the opening mark up to the closing one, or the paragraph
    /// end when unclosed).
    pub outer: Range<usize>,
    pub kind: QuoteKind,
    /// Index into [`Quotes::speakers`]; `None` when the article doesn't say who spoke.
    pub speaker: Option<usize>,
    /// The words that attribute it (`Lavrov said`), when there are any.
    pub cue: Option<Range<usize>>,
}

/// A person or body that speaks in the article, with all the names it goes by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Canonical name: the fullest form in the article.
    pub name: String,
    /// Every other form used for this speaker.
    pub aliases: Vec<String>,
    /// Title or role (`Russian Foreign Minister`), when the article gives one.
    pub role: Option<String>,
    /// Indices into [`Quotes::quotes`], in text order.
    pub quotes: Vec<usize>,
}

/// The quotations of an article (text order) and their speakers (order of first quotation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quotes {
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
}

/// Finds the quotations of `article` and attributes them.
pub fn find(_article: &Article, _sentences: &[Range<usize>]) -> Quotes {
    Quotes::default()
}
