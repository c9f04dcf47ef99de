//! Fingerprints the analysis sources, so the library's cache of analysis results is keyed by
//! the code that produced them: a lectern whose quotes or dates rules changed never reads the
//! summaries an older one wrote.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::io;
use std::path::Path;

fn hash_dir(dir: &Path, hasher: &mut DefaultHasher) -> io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            hash_dir(&path, hasher)?;
        } else {
            path.file_name().hash(hasher);
            std::fs::read(&path)?.hash(hasher);
        }
    }
    Ok(())
}

/// An unreadable source stops the build with the error and the folder it was in.
fn main() -> io::Result<()> {
    let mut hasher = DefaultHasher::new();
    for dir in ["src/analysis", "src/library"] {
        hash_dir(Path::new(dir), &mut hasher)
            .map_err(|e| io::Error::new(e.kind(), format!("hashing {dir}: {e}")))?;
        println!("cargo::rerun-if-changed={dir}");
    }
    println!(
        "cargo::rustc-env=LECTERN_ANALYSIS_FINGERPRINT={:016x}",
        hasher.finish()
    );
    Ok(())
}
