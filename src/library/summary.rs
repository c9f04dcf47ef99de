//! What the library keeps of one article's analysis: enough to list its quotations and
//! incidents across the library without the article's text, small enough to cache as JSON.

use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::analysis::quotes::{QuoteKind, SpeakerKind};
use crate::source::Article;

/// How many characters of a quotation or sentence the library shows.
const EXCERPT_CHARS: usize = 120;

/// The analysis of one article, reduced for the library views and the cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub speakers: Vec<SpeakerSummary>,
    /// Spoken quotations in text order (mentions of words, scare quotes, are left out).
    pub quotes: Vec<QuoteSummary>,
    /// Incidents in chronological order.
    pub incidents: Vec<IncidentSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerSummary {
    pub name: String,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub kind: SourceKind,
}

/// Who a speaker is, as the library counts voices: a named person, an organisation, or a
/// source the article does not name (the analysis's `SpeakerKind`, kept in the cache).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SourceKind {
    Person,
    Organisation,
    Unnamed,
}

impl SourceKind {
    pub const ALL: [SourceKind; 3] = [
        SourceKind::Person,
        SourceKind::Organisation,
        SourceKind::Unnamed,
    ];

    /// How the library's chart names the kind.
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Person => "named people",
            SourceKind::Organisation => "organisations",
            SourceKind::Unnamed => "unnamed sources",
        }
    }
}

impl From<SpeakerKind> for SourceKind {
    fn from(kind: SpeakerKind) -> Self {
        match kind {
            SpeakerKind::Person => SourceKind::Person,
            SpeakerKind::Organisation => SourceKind::Organisation,
            SpeakerKind::Unnamed => SourceKind::Unnamed,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteSummary {
    /// Index into [`Summary::speakers`].
    pub speaker: Option<usize>,
    /// Byte range of the quotation in the article text.
    pub range: Range<usize>,
    pub excerpt: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentSummary {
    pub value: String,
    pub label: String,
    /// First and last day of the incident's period, when it resolved to one.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// Byte range of the sentence the incident belongs to.
    pub sentence: Range<usize>,
    /// The clause the date belongs to, whitespace collapsed.
    pub excerpt: String,
    /// The date's words in [`IncidentSummary::excerpt`] (a byte range of it), when they are in
    /// the incident's own sentence.
    pub mark: Option<Range<usize>>,
}

impl Summary {
    pub fn new(article: &Article, analysis: &Analysis) -> Summary {
        let text = article.text();
        let q = &analysis.quotes;
        let speakers = q
            .speakers
            .iter()
            .map(|s| SpeakerSummary {
                name: s.name.clone(),
                aliases: s.aliases.clone(),
                role: s.role.clone(),
                kind: s.kind.into(),
            })
            .collect();
        let quotes = q
            .quotes
            .iter()
            .filter(|quote| quote.kind == QuoteKind::Speech)
            .map(|quote| QuoteSummary {
                speaker: quote.speaker,
                range: quote.range.clone(),
                excerpt: excerpt(&text[quote.range.clone()]),
            })
            .collect();
        let incidents = analysis
            .timeline
            .iter()
            .map(|i| {
                let clause = i.clause(text, &analysis.timexes);
                let (excerpt, mark) = match i.date_range(&analysis.timexes) {
                    Some(d) => {
                        let (before, after) =
                            (&text[clause.start..d.start], &text[d.end..clause.end]);
                        let mut out = collapse(before);
                        if before.ends_with(char::is_whitespace) {
                            out.push(' ');
                        }
                        let start = out.len();
                        out.push_str(&collapse(&text[d]));
                        let end = out.len();
                        if after.starts_with(char::is_whitespace) {
                            out.push(' ');
                        }
                        out.push_str(&collapse(after));
                        (out, Some(start..end))
                    }
                    None => (collapse(&text[clause]), None),
                };
                IncidentSummary {
                    value: i.value.clone(),
                    label: i.label.clone(),
                    period: i.period,
                    sentence: i.sentence.clone(),
                    excerpt,
                    mark,
                }
            })
            .collect();
        Summary {
            speakers,
            quotes,
            incidents,
        }
    }
}

/// Whitespace runs as one space, none at the ends.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first [`EXCERPT_CHARS`] characters with whitespace runs collapsed, `…` when cut.
pub fn excerpt(text: &str) -> String {
    let mut out = String::new();
    let mut words = text.split_whitespace();
    let mut chars = 0;
    if let Some(first) = words.next() {
        out.push_str(first);
        chars = first.chars().count();
    }
    for word in words {
        chars += 1 + word.chars().count();
        if chars > EXCERPT_CHARS {
            out.push('…');
            return out;
        }
        out.push(' ');
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Input, LoadOptions, load};

    #[test]
    fn excerpt_collapses_space_and_cuts_at_a_word() {
        assert_eq!(excerpt("  a\n  b  "), "a b");
        let long = "word ".repeat(100);
        let e = excerpt(&long);
        assert!(e.ends_with('…'));
        assert!(e.chars().count() <= EXCERPT_CHARS + 1);
    }

    #[test]
    fn sample_summary_keeps_speakers_quotes_and_incidents() {
        let article = load(&Input::Sample, LoadOptions::default()).unwrap();
        let analysis = crate::analysis::analyze(&article);
        let s = Summary::new(&article, &analysis);
        assert!(s.speakers.iter().any(|sp| sp.name == "Sergey Lavrov"));
        assert_eq!(s.quotes.len(), 7);
        for q in &s.quotes {
            assert!(
                article.text()[q.range.clone()]
                    .starts_with(q.excerpt.trim_end_matches('…').split(' ').next().unwrap())
            );
        }
        assert_eq!(s.incidents.len(), analysis.timeline.len());
    }
}
