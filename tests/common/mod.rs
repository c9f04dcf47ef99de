//! Helpers shared by the integration tests; each test crate uses a different subset of them.
#![allow(dead_code)]

/// Pseudo-terminals (`openpty`): Unix only, like the tests that drive lectern through one.
#[cfg(unix)]
pub mod pty;

/// The notes files (`*.toml`) in the `notes` folder of data directory `data`.
pub fn notes_files(data: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(data.join("notes"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect()
}

/// Every file under `dir` (none if it does not exist).
pub fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}
