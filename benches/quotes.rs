//! Throughput of quotation extraction and attribution on a long, dialogue-heavy book.
//!
//! Reads `../shared/data/books/war_and_peace.txt` beside the checkout; skips with a one-line
//! message when it is not there, so `cargo bench` works on any checkout.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use lectern::analysis::{quotes, sentences};
use lectern::source::{self, LoadOptions};

const BOOK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/books/war_and_peace.txt"
);

fn bench(c: &mut Criterion) {
    let bytes = match std::fs::read(BOOK) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("skipping the quotes bench ({BOOK}: {e})");
            return;
        }
    };
    let Ok(article) = source::from_bytes(&bytes, BOOK, LoadOptions::default()) else {
        eprintln!("quotes bench: {BOOK} could not be loaded, skipping");
        return;
    };
    let sentences = sentences::split(&article);
    let mut group = c.benchmark_group("quotes");
    group.throughput(Throughput::Bytes(article.text().len() as u64));
    group.sample_size(10);
    group.bench_function("find/war_and_peace", |b| {
        b.iter(|| quotes::find(std::hint::black_box(&article), &sentences))
    });
    // Half the book: the time should halve (linear).
    let half = article.text().len() / 2;
    let cut = (0..=half)
        .rev()
        .find(|&i| article.text().is_char_boundary(i))
        .unwrap_or(0);
    if let Ok(first_half) = source::from_bytes(
        &article.text().as_bytes()[..cut],
        BOOK,
        LoadOptions::default(),
    ) {
        group.throughput(Throughput::Bytes(first_half.text().len() as u64));
        group.bench_function("find/war_and_peace_half", |b| {
            b.iter(|| quotes::find(std::hint::black_box(&first_half), &[]))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
