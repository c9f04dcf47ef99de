//! The whole analysis and the `extract` JSON on any article the loader accepts: never panics,
//! and every range it returns is a slice of the text.
#![no_main]

use std::ops::Range;

use lectern::analysis::analyze;
use lectern::extract::to_json;
use lectern::source::{LoadOptions, from_bytes};
use libfuzzer_sys::fuzz_target;

fn check(text: &str, r: &Range<usize>) {
    assert!(
        r.start <= r.end && r.end <= text.len(),
        "{r:?} outside 0..{}",
        text.len()
    );
    assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{r:?} splits a char"
    );
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the mode, so all modes share one corpus.
    let Some((&mode, bytes)) = data.split_first() else {
        return;
    };
    // Bit 0: plain; bits 1-2: sniffed, text, Markdown or HTML.
    let format = match (mode >> 1) & 3 {
        0 => None,
        1 => Some(lectern::source::Format::Text),
        2 => Some(lectern::source::Format::Markdown),
        _ => Some(lectern::source::Format::Html),
    };
    let options = LoadOptions {
        plain: mode & 1 == 1,
        format,
    };
    let Ok(article) = from_bytes(bytes, "fuzz", options) else {
        return;
    };
    let analysis = analyze(&article);
    let text = article.text();
    for r in &analysis.sentences {
        check(text, r);
    }
    for q in &analysis.quotes.quotes {
        check(text, &q.range);
        if let Some(c) = &q.cue {
            check(text, c);
        }
        if let Some(s) = q.speaker {
            assert!(s < analysis.quotes.speakers.len());
        }
    }
    for t in &analysis.timexes {
        check(text, &t.range);
    }
    for i in &analysis.timeline {
        check(text, &i.sentence);
    }
    let json = to_json(&article, &analysis);
    assert!(json["quotes"].is_array());
});
