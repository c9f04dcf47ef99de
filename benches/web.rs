//! Comparing two versions of an article (`web::changes`), analyses at hand as in the reader
//! after a refresh: the fixture news article and its edit, and War and Peace with every 50th
//! paragraph edited and 1,000 notes to re-anchor (the worst a long text asks of it). The goal:
//! a refresh report well under the 100 ms a keypress may take for a news article.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use lectern::analysis::analyze;
use lectern::notes::{Anchor, Note};
use lectern::source::{Article, LoadOptions, from_bytes};
use lectern::web::changes::compare_analysed;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/web");
const WAR_AND_PEACE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/books/war_and_peace.txt"
);

fn load(bytes: &[u8], name: &str) -> Article {
    from_bytes(bytes, name, LoadOptions::default()).unwrap()
}

/// Every 50th paragraph with its first word doubled: a change in each, none moved.
fn edited(article: &Article) -> Article {
    let text = article.text();
    let mut out = String::with_capacity(text.len() + 4096);
    let mut at = 0;
    for (i, block) in article.paragraphs().enumerate() {
        if i % 50 == 25 {
            out.push_str(&text[at..block.range.start]);
            let word_end = text[block.range.clone()]
                .find(' ')
                .map_or(block.range.end, |w| block.range.start + w);
            out.push_str(&text[block.range.start..word_end]);
            out.push(' ');
            at = block.range.start;
        }
    }
    out.push_str(&text[at..]);
    load(out.as_bytes(), "edited.txt")
}

/// Notes on 1,000 paragraphs spread over the text: their first 60 bytes (at char bounds).
fn notes(article: &Article) -> Vec<Note> {
    let text = article.text();
    let paragraphs: Vec<_> = article.paragraphs().collect();
    let step = (paragraphs.len() / 1000).max(1);
    let now = chrono::Utc::now();
    paragraphs
        .iter()
        .step_by(step)
        .take(1000)
        .enumerate()
        .map(|(i, p)| {
            let mut end = (p.range.start + 60).min(p.range.end);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            Note {
                id: i.to_string(),
                label: "yellow".into(),
                body: String::new(),
                created: now,
                updated: now,
                anchor: Anchor::new(text, p.range.start..end),
                range: None,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let old = load(
        &std::fs::read(format!("{FIXTURES}/article-v1.html")).unwrap(),
        "v1.html",
    );
    let new = load(
        &std::fs::read(format!("{FIXTURES}/article-v2.html")).unwrap(),
        "v2.html",
    );
    let (oa, na) = (analyze(&old), analyze(&new));
    c.bench_function("changes/news_article", |b| {
        b.iter(|| compare_analysed(&old, &oa, &new, &na, &[]))
    });

    let Ok(bytes) = std::fs::read(WAR_AND_PEACE) else {
        eprintln!("skipping the book: {WAR_AND_PEACE} not found");
        return;
    };
    let book = load(&bytes, "war_and_peace.txt");
    let book2 = edited(&book);
    let notes = notes(&book);
    let (ba, ba2) = (analyze(&book), analyze(&book2));
    c.bench_function("changes/war_and_peace_1000_notes", |b| {
        b.iter(|| compare_analysed(&book, &ba, &book2, &ba2, &notes))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(5));
    targets = bench
}
criterion_main!(benches);
