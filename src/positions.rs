//! Where each article was left: the byte at the top of the reader, by the hash of the text,
//! in one small TOML file in the data dir. An edited article has a new hash and opens at the
//! top, which beats opening somewhere arbitrary in a changed text.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::durable;

/// How many articles are remembered; the least recently left are forgotten first.
const KEEP: usize = 2000;

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    /// Hash → (top byte, when it was left as a sequence number).
    #[serde(default)]
    positions: BTreeMap<String, (usize, u64)>,
}

/// The reading positions file.
#[derive(Debug, Clone)]
pub struct Positions {
    path: PathBuf,
}

impl Positions {
    pub fn new(data_dir: &Path) -> Positions {
        Positions {
            path: data_dir.join("positions.toml"),
        }
    }

    fn read(&self) -> File {
        // A missing or unreadable file means no remembered positions: they are a convenience,
        // and the next save writes a good file.
        fs::read_to_string(&self.path)
            .ok()
            .and_then(|t| toml::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// The top byte `hash` was left at.
    pub fn get(&self, hash: &str) -> Option<usize> {
        self.read().positions.get(hash).map(|&(top, _)| top)
    }

    /// Remembers `top` for `hash` (atomically and durably: a crash leaves the old file or the
    /// new one), under a lock, so that two windows leaving two articles at once keep both
    /// positions; a lock held too long by a stopped lectern is an error, not a hang.
    pub fn set(&self, hash: &str, top: usize) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir)?;
        let lock = durable::lock(&self.path.with_extension("lock"), durable::LOCK_TIMEOUT)?;
        let mut file = self.read();
        let seq = file.positions.values().map(|&(_, s)| s).max().unwrap_or(0) + 1;
        file.positions.insert(hash.to_string(), (top, seq));
        if file.positions.len() > KEEP {
            let mut by_age: Vec<(u64, String)> = file
                .positions
                .iter()
                .map(|(h, &(_, s))| (s, h.clone()))
                .collect();
            by_age.sort();
            for (_, h) in by_age.iter().take(file.positions.len() - KEEP) {
                file.positions.remove(h);
            }
        }
        let text = toml::to_string(&file).map_err(std::io::Error::other)?;
        durable::write_atomic(&self.path, text.as_bytes())?;
        // Dropping `lock` releases it, after the new file is in place.
        drop(lock);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_per_hash_and_survives_a_corrupt_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = Positions::new(dir.path());
        assert_eq!(p.get("a"), None);
        p.set("a", 10).unwrap();
        p.set("b", 20).unwrap();
        p.set("a", 30).unwrap();
        assert_eq!((p.get("a"), p.get("b")), (Some(30), Some(20)));
        fs::write(dir.path().join("positions.toml"), "not = [toml").unwrap();
        assert_eq!(p.get("a"), None);
        p.set("c", 5).unwrap();
        assert_eq!(p.get("c"), Some(5));
    }

    #[test]
    fn two_writers_at_once_keep_both_positions() {
        let dir = tempfile::tempdir().unwrap();
        std::thread::scope(|s| {
            for w in 0..2 {
                let p = Positions::new(dir.path());
                s.spawn(move || {
                    for i in 0..50 {
                        p.set(&format!("w{w}-{i}"), i).unwrap();
                    }
                });
            }
        });
        let p = Positions::new(dir.path());
        for w in 0..2 {
            for i in 0..50 {
                assert_eq!(p.get(&format!("w{w}-{i}")), Some(i), "w{w}-{i}");
            }
        }
    }

    #[test]
    fn forgets_the_oldest_beyond_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let p = Positions::new(dir.path());
        let mut file = File::default();
        for i in 0..KEEP as u64 {
            file.positions.insert(format!("h{i}"), (1, i + 1));
        }
        fs::write(&p.path, toml::to_string(&file).unwrap()).unwrap();
        p.set("new", 7).unwrap();
        assert_eq!(p.get("h0"), None);
        assert_eq!(p.get("h1"), Some(1));
        assert_eq!(p.get("new"), Some(7));
    }
}
