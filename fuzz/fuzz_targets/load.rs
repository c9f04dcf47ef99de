//! The loader on arbitrary bytes, with and without `--plain`: never panics, and the article it
//! returns keeps the promises everything else indexes by.
#![no_main]

use lectern::source::{Article, LoadOptions, from_bytes, is_safe};
use libfuzzer_sys::fuzz_target;

fn check(article: &Article) {
    let text = article.text();
    let mut end = 0;
    for block in article.blocks() {
        assert!(
            block.range.start >= end,
            "blocks overlap or are out of order"
        );
        assert!(block.range.end <= text.len());
        assert!(text.is_char_boundary(block.range.start) && text.is_char_boundary(block.range.end));
        end = block.range.end;
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = from_bytes(data, "fuzz", LoadOptions::default()) {
        check(&article);
        assert!(
            article.text().chars().all(is_safe),
            "unsafe char reached the text: {:?}",
            article.text()
        );
    }
    if let Ok(article) = from_bytes(data, "fuzz", LoadOptions::PLAIN) {
        check(&article);
    }
    // `--plain` promises char offsets into the file as it is.
    if let Ok(s) = std::str::from_utf8(data)
        && let Ok(article) = Article::parse(s, "fuzz", LoadOptions::PLAIN)
    {
        assert_eq!(article.text().chars().count(), s.chars().count());
    }
});
