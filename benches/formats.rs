//! Loading speed by format: War and Peace (3.3 MB) read as plain text, as Markdown, and wrapped
//! paragraph by paragraph in a web page (`<p>` each, inside `<article>`), then laid out at 100
//! columns. Shows what the Markdown and HTML readers cost over plain text on a large input.

use criterion::{Criterion, criterion_group, criterion_main};
use lectern::layout::Layout;
use lectern::source::{Format, LoadOptions, from_bytes};

const WAR_AND_PEACE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/books/war_and_peace.txt"
);

fn bench(c: &mut Criterion) {
    let text = match std::fs::read_to_string(WAR_AND_PEACE) {
        Ok(t) => t.replace("\r\n", "\n"),
        Err(e) => {
            eprintln!("skipping ({WAR_AND_PEACE}: {e})");
            return;
        }
    };
    let paragraphs: String = text
        .split("\n\n")
        .map(|p| format!("<p>{}</p>\n", p.replace('&', "&amp;").replace('<', "&lt;")))
        .collect();
    let page = format!(
        "<!doctype html><html><head><title>War and Peace</title></head><body><nav>\
         <a href=/>Home</a></nav><article>{paragraphs}</article></body></html>"
    );
    let mut group = c.benchmark_group("formats");
    group.sample_size(10);
    for (name, format, bytes) in [
        ("txt", Format::Text, text.as_bytes()),
        ("md", Format::Markdown, text.as_bytes()),
        ("html", Format::Html, page.as_bytes()),
    ] {
        let options = LoadOptions {
            format: Some(format),
            ..LoadOptions::default()
        };
        group.bench_function(format!("war_and_peace/{name}/load+layout_100"), |b| {
            b.iter(|| {
                let article = from_bytes(bytes, "war_and_peace", options).unwrap();
                Layout::new(&article, 100).len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
