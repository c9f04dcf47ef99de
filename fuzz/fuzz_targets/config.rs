//! The user's config file: merging any text over the defaults never panics, and an error
//! names a line of the file (the empty one after a final newline counts: errors at the end
//! of the file point there).
#![no_main]

use lectern::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    if let Err(e) = Config::defaults().merge(src, "config.toml") {
        let lines = src.split('\n').count();
        let line = e.line.expect("a merge error points at a line");
        assert!((1..=lines).contains(&line), "line {line} of {lines}: {e}");
    }
});
