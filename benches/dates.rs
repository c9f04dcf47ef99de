//! Throughput of the whole date analysis (`dates::find` + `timeline::build`) on a long book.
//!
//! Reads `../shared/data/books/war_and_peace.txt` (or `$LECTERN_BENCH_BOOK`); skips with a
//! message when it is missing, so `cargo bench` works on any checkout. Sentences are split once
//! outside the measurement: they belong to another analysis. Halves of the book are measured
//! too, to show that the cost is linear in the text.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lectern::analysis::{dates, sentences, timeline};
use lectern::source::{self, LoadOptions};

fn book() -> Option<Vec<u8>> {
    let path = std::env::var_os("LECTERN_BENCH_BOOK")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/books/war_and_peace.txt")
        });
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            eprintln!("skipping the dates benchmark: {}: {e}", path.display());
            None
        }
    }
}

fn bench(c: &mut Criterion) {
    let Some(bytes) = book() else { return };
    let mut group = c.benchmark_group("dates");
    group.sample_size(20);
    let half = bytes.len() / 2;
    let half = (half..bytes.len())
        .find(|&i| bytes[i] == b'\n')
        .unwrap_or(bytes.len());
    for (name, part) in [
        ("war_and_peace", &bytes[..]),
        ("first_half", &bytes[..half]),
    ] {
        let Ok(article) = source::from_bytes(part, "wp", LoadOptions::default()) else {
            eprintln!("skipping {name}: not loadable");
            continue;
        };
        let sents = sentences::split(&article);
        group.throughput(Throughput::Bytes(article.text().len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let t = dates::find(black_box(&article), &sents);
                timeline::build(&article, &sents, &t)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
