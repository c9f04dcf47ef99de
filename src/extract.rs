//! `lectern extract`: the analysis as stable JSON for scripts and scorers.
//!
//! Offsets in the JSON are *character* offsets (what Python and most tools index by), computed
//! here at the edge from the byte ranges used everywhere else.

use serde_json::{Value, json};

use crate::analysis::Analysis;
use crate::analysis::quotes::{QuoteKind, resolved_by};
use crate::notes::TextIndex;
use crate::source::Article;

/// The JSON document printed by `lectern extract`.
pub fn to_json(article: &Article, analysis: &Analysis) -> Value {
    let text = article.text();
    let idx = TextIndex::new(text);
    let span = |r: &std::ops::Range<usize>| (idx.char_of(r.start), idx.char_of(r.end));
    let q = &analysis.quotes;
    let quotes: Vec<Value> = q
        .quotes
        .iter()
        .map(|quote| {
            let (start, end) = span(&quote.range);
            let speaker = quote.speaker.map(|s| &q.speakers[s]);
            json!({
                "start": start,
                "end": end,
                "text": &text[quote.range.clone()],
                "kind": match quote.kind { QuoteKind::Speech => "speech", QuoteKind::Mention => "mention" },
                "speaker": speaker.map(|s| s.name.as_str()),
                "role": speaker.and_then(|s| s.role.as_deref()),
                "cue": quote.cue.as_ref().map(|c| &text[c.clone()]),
                "speaker_kind": speaker.map_or("none", |s| s.kind.as_str()),
                "resolved_by": resolved_by(text, quote, &q.speakers).map(|r| r.as_str()),
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
    let entities: Vec<Value> = q
        .entities
        .iter()
        .map(|e| {
            let mentions: Vec<Value> = e
                .mentions
                .iter()
                .map(|m| {
                    let (start, end) = span(m);
                    json!({"start": start, "end": end, "text": &text[m.clone()]})
                })
                .collect();
            json!({
                "name": e.name,
                "kind": e.kind.as_str(),
                "role": e.role,
                "mentions": mentions,
            })
        })
        .collect();
    let timexes: Vec<Value> = analysis
        .timexes
        .iter()
        .map(|t| {
            let (start, end) = span(&t.range);
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
            let (start, end) = span(&i.sentence);
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
        "entities": entities,
        "timexes": timexes,
        "languages": {
            "paragraphs": analysis.languages.paragraphs,
            "not_english": analysis.languages.skipped,
            "other": analysis.languages.other.map(|l| l.eng_name()),
            "notice": analysis.languages.notice(),
        },
        "timeline": timeline,
    })
}
