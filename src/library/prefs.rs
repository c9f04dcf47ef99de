//! What the library screen remembers between runs: the order of its articles list, in one
//! small TOML file in the data dir (`library.toml`). A missing or unreadable file means
//! nothing remembered: a preference is a convenience, and the next save writes a good file.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::durable;

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    /// The articles list's order, by its name (`date`, `title`, `notes`, `file`).
    #[serde(default)]
    sort: Option<String>,
}

/// The library's preferences file.
#[derive(Debug, Clone)]
pub struct Prefs {
    path: PathBuf,
}

impl Prefs {
    pub fn new(data_dir: &Path) -> Prefs {
        Prefs {
            path: data_dir.join("library.toml"),
        }
    }

    fn read(&self) -> File {
        fs::read_to_string(&self.path)
            .ok()
            .and_then(|t| toml::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// The remembered order of the articles list, by name.
    pub fn sort(&self) -> Option<String> {
        self.read().sort
    }

    /// Remembers `sort` (atomically: a crash leaves the old file or the new one).
    pub fn set_sort(&self, sort: &str) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir)?;
        let mut file = self.read();
        file.sort = Some(sort.to_string());
        let text = toml::to_string(&file).map_err(std::io::Error::other)?;
        durable::write_atomic(&self.path, text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sort_survives_and_a_bad_file_means_none() {
        let dir = tempfile::tempdir().unwrap();
        let prefs = Prefs::new(dir.path());
        assert_eq!(prefs.sort(), None);
        prefs.set_sort("title").unwrap();
        assert_eq!(Prefs::new(dir.path()).sort().as_deref(), Some("title"));
        fs::write(dir.path().join("library.toml"), "sort = [").unwrap();
        assert_eq!(prefs.sort(), None);
        prefs.set_sort("file").unwrap();
        assert_eq!(prefs.sort().as_deref(), Some("file"));
    }
}
