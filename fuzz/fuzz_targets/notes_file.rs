//! The notes-file parser on arbitrary text. A file it accepts must survive what the store does
//! with it on the next change: written back with `toml` and read again, unchanged; and its
//! anchors must resolve against a text without panicking, to ranges inside that text.
#![no_main]

use lectern::notes::{parse_file, resolve_all};
use lectern::source::SAMPLE;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(file) = parse_file(s) else {
        return;
    };
    let written = toml::to_string(&file).expect("a parsed notes file serialises");
    let again = parse_file(&written).expect("a written notes file parses");
    assert_eq!(file, again, "notes changed in a write and read:\n{written}");
    let anchors: Vec<_> = file.notes.iter().map(|n| &n.anchor).collect();
    for r in resolve_all(SAMPLE, &anchors).into_iter().flatten() {
        assert!(r.start < r.end && r.end <= SAMPLE.len());
        assert!(SAMPLE.is_char_boundary(r.start) && SAMPLE.is_char_boundary(r.end));
    }
});
