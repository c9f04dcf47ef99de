//! Headless analysis of an article: sentences, quotations and their speakers, dates and the
//! timeline of incidents.
//!
//! Pure functions of an [`Article`]: no I/O, no terminal, so `extract`, the benchmarks and the
//! tests use them directly. Every result is a byte range into [`Article::text`].

pub mod dates;
pub mod quotes;
pub mod sentences;
pub mod timeline;

use std::ops::Range;

use crate::source::Article;

/// Everything lectern finds in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Sentence byte ranges in text order.
    pub sentences: Vec<Range<usize>>,
    pub quotes: quotes::Quotes,
    /// Temporal expressions in text order.
    pub timexes: Vec<dates::Timex>,
    /// Paragraphs whose dates were not read, being in another language than English.
    pub languages: dates::Languages,
    /// Incidents in chronological order.
    pub timeline: Vec<timeline::Incident>,
}

/// [`analyze`], with a panic (a bug in lectern) turned into an error naming it, for callers
/// that must go on: a library with one bad article, a background thread.
pub fn analyze_guarded(article: &Article) -> Result<Analysis, String> {
    std::panic::catch_unwind(|| analyze(article)).map_err(|payload| {
        let why = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        format!("the analysis failed (a bug in lectern): {why}")
    })
}

/// Runs every analysis on `article`. The article date (if any) anchors relative dates.
pub fn analyze(article: &Article) -> Analysis {
    let sentences = sentences::split(article);
    let quotes = quotes::find(article, &sentences);
    let dates::Dates { timexes, languages } = dates::read(article, &sentences);
    let timeline = timeline::build(article, &sentences, &timexes);
    Analysis {
        sentences,
        quotes,
        timexes,
        languages,
        timeline,
    }
}
