//! The config file's key strings: parsing never panics, and what a key prints as parses back to
//! the same key (the help overlay and error messages show keys the user can copy).
#![no_main]

use lectern::input::KeyCombo;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let Ok(key) = s.parse::<KeyCombo>() else {
        return;
    };
    let shown = key.to_string();
    let again: KeyCombo = shown
        .parse()
        .unwrap_or_else(|e| panic!("{s:?} shows as {shown:?}, which does not parse: {e}"));
    assert_eq!(key, again, "{s:?} shows as {shown:?}");
    assert_eq!(
        KeyCombo::from_event(&key.to_event()),
        Some(key),
        "{s:?} through a key event"
    );
});
