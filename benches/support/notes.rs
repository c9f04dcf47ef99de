//! The notes workload shared by `benches/notes.rs` and `examples/callgrind.rs`: a thousand
//! notes spread over a book, and the book after an edit that moves all of them.

use chrono::Utc;
use lectern::notes::{Note, Store, TextIndex};
use lectern::source::{Article, LoadOptions};

pub const NOTES: usize = 1000;

/// `NOTES` notes spread evenly over `article`, each on a passage of 20 to 120 bytes, half of
/// them with a body.
pub fn notes_on(article: &Article) -> Vec<Note> {
    let text = article.text();
    let idx = TextIndex::new(text);
    let step = text.len() / (NOTES + 1);
    let floor = |mut b: usize| {
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        b
    };
    (0..NOTES)
        .map(|i| {
            let start = floor(step * (i + 1));
            let end = floor(start + 20 + i % 100);
            let now = Utc::now();
            Note {
                id: format!("bench-{i}"),
                label: "yellow".to_string(),
                body: if i % 2 == 0 {
                    format!("Note {i}: why this passage matters.\nA second line.")
                } else {
                    String::new()
                },
                created: now,
                updated: now,
                anchor: idx.anchor(start..end),
                range: None,
            }
        })
        .collect()
}

/// A store under `dir` holding `NOTES` notes on `article`.
pub fn store_with_notes(dir: &std::path::Path, article: &Article) -> Store {
    let mut store = Store::open(dir, article);
    let added = store.import(article, notes_on(article)).unwrap();
    assert_eq!(added, NOTES);
    store
}

/// `book` edited: a new paragraph at the start moves every note of `store`, and a word added
/// in three notes' passages leaves them for the approximate search.
pub fn edited(book: &Article, store: &Store) -> Article {
    let mut text = book.text().to_string();
    for n in [
        &store.notes()[900],
        &store.notes()[500],
        &store.notes()[100],
    ] {
        let r = n.range.clone().unwrap();
        let word = text[r.clone()].find(' ').map_or(r.start, |i| r.start + i);
        text.insert_str(word, " indeed");
    }
    let title_end = book.blocks()[0].range.end;
    text.insert_str(title_end, "\n\nA new first paragraph, added by the editor.");
    Article::parse(&text, "war_and_peace.txt", LoadOptions::default()).unwrap()
}
