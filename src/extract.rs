//! `lectern extract`: the analysis as stable JSON for scripts and scorers.
//!
//! Offsets in the JSON are *character* offsets (what Python and most tools index by), computed
//! here at the edge from the byte ranges used everywhere else.

use std::ops::Range;

use serde_json::{Value, json};

use crate::analysis::Analysis;
use crate::analysis::quotes::QuoteKind;
use crate::source::Article;

/// Converts byte offsets of one text to char offsets in O(log n + 64) each.
pub struct CharIndex<'a> {
    text: &'a str,
    /// Char count before byte `i * STRIDE` (rounded down to a char boundary).
    marks: Vec<(usize, usize)>,
}

const STRIDE: usize = 64;

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut marks = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut chars = 0;
        let mut next = 0;
        for (i, _) in text.char_indices() {
            if i >= next {
                marks.push((i, chars));
                next = i + STRIDE;
            }
            chars += 1;
        }
        marks.push((text.len(), chars));
        CharIndex { text, marks }
    }

    /// Char offset of byte offset `byte` (which must be a char boundary).
    pub fn chars(&self, byte: usize) -> usize {
        let k = self
            .marks
            .partition_point(|&(b, _)| b <= byte)
            .saturating_sub(1);
        let (b, c) = self.marks[k];
        c + self.text[b..byte.min(self.text.len())].chars().count()
    }

    fn range(&self, r: &Range<usize>) -> (usize, usize) {
        (self.chars(r.start), self.chars(r.end))
    }
}

/// The JSON document printed by `lectern extract`.
pub fn to_json(article: &Article, analysis: &Analysis) -> Value {
    let text = article.text();
    let idx = CharIndex::new(text);
    let q = &analysis.quotes;
    let quotes: Vec<Value> = q
        .quotes
        .iter()
        .map(|quote| {
            let (start, end) = idx.range(&quote.range);
            let speaker = quote.speaker.map(|s| &q.speakers[s]);
            json!({
                "start": start,
                "end": end,
                "text": &text[quote.range.clone()],
                "kind": match quote.kind { QuoteKind::Speech => "speech", QuoteKind::Mention => "mention" },
                "speaker": speaker.map(|s| s.name.as_str()),
                "role": speaker.and_then(|s| s.role.as_deref()),
                "cue": quote.cue.as_ref().map(|c| &text[c.clone()]),
            })
        })
        .collect();
    let speakers: Vec<Value> = q
        .speakers
        .iter()
        .map(|s| {
            json!({
                "name": s.name,
                "aliases": s.aliases,
                "role": s.role,
                "quotes": s.quotes.len(),
            })
        })
        .collect();
    let timexes: Vec<Value> = analysis
        .timexes
        .iter()
        .map(|t| {
            let (start, end) = idx.range(&t.range);
            let mut v = json!({
                "start": start,
                "end": end,
                "text": &text[t.range.clone()],
                "type": t.kind.as_str(),
                "value": t.value,
            });
            if let Some(m) = &t.modifier {
                v["mod"] = json!(m);
            }
            v
        })
        .collect();
    let timeline: Vec<Value> = analysis
        .timeline
        .iter()
        .map(|i| {
            let (start, end) = idx.range(&i.sentence);
            json!({
                "value": i.value,
                "label": i.label,
                "sentence_start": start,
                "sentence_end": end,
                "text": &text[i.sentence.clone()],
            })
        })
        .collect();
    json!({
        "title": article.meta.title,
        "date": article.meta.date.map(|d| d.to_string()),
        "tags": article.meta.tags,
        "quotes": quotes,
        "speakers": speakers,
        "timexes": timexes,
        "timeline": timeline,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_matches_naive_count() {
        let text = "aé«b»😀 ".repeat(50);
        let idx = CharIndex::new(&text);
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(idx.chars(b), text[..b].chars().count());
        }
    }
}
