//! Notes speed with 1,000 notes: one save (an edit, which rewrites the whole file), one add,
//! and opening the notes of War and Peace after the book was edited, which re-anchors every
//! note. Goals (issue 5): a save ≤ 5 ms, the open after an edit ≤ 50 ms.
//!
//! Saves include two fsyncs (the file, then its folder), whose cost depends on the disk and on
//! what else writes to it: the store lives in `TMPDIR`, so point that at the disk the notes
//! will really live on.

use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use lectern::notes::Store;
use lectern::source::{LoadOptions, from_bytes};

const WAR_AND_PEACE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/books/war_and_peace.txt"
);

#[path = "support/notes.rs"]
mod support;
use support::{NOTES, edited, store_with_notes};

fn bench(c: &mut Criterion) {
    let Ok(bytes) = std::fs::read(WAR_AND_PEACE) else {
        eprintln!("skipping: {WAR_AND_PEACE} not found");
        return;
    };
    let book = from_bytes(&bytes, "war_and_peace.txt", LoadOptions::default()).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_notes(dir.path(), &book);
    let id = store.notes()[NOTES / 2].id.clone();
    let mut flip = false;
    c.bench_function("notes/save_1000", |b| {
        b.iter(|| {
            flip = !flip;
            let body = if flip { "edited" } else { "edited again" };
            store.edit(&book, &id, body).unwrap();
        })
    });

    let start = book.text().find("Anna Pávlovna").unwrap();
    c.bench_function("notes/add_to_1000", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let t = Instant::now();
                let id = store
                    .add(&book, start..start + 14, "green", "added")
                    .unwrap();
                total += t.elapsed();
                store.delete(&book, &id).unwrap();
            }
            total
        })
    });

    let edited = edited(&book, &store);
    let file = store.path().to_path_buf();
    let saved = std::fs::read(&file).unwrap();
    c.bench_function("notes/open_1000_after_edit", |b| {
        b.iter_batched(
            // Each open is the first after the edit: it finds the file by title, re-anchors
            // every note and writes the header that follows the new text.
            || std::fs::write(&file, &saved).unwrap(),
            |()| {
                let s = Store::open(dir.path(), &edited);
                assert_eq!(s.notes().len(), NOTES);
                s
            },
            BatchSize::PerIteration,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(5));
    targets = bench
}
criterion_main!(benches);
