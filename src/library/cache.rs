//! Analysis results on disk, keyed by the hash of the article text (and its date, which anchors
//! relative dates), so a library opens instantly the second time and a changed file is
//! re-analysed because its hash changed.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::Summary;

/// A fingerprint of the analysis and library sources (see `build.rs`): summaries written by a
/// lectern whose rules differ are never read, without anyone remembering to bump a version.
const FINGERPRINT: &str = env!("LECTERN_ANALYSIS_FINGERPRINT");
/// Folders of this cache start with this; those of other builds are stale.
const PREFIX: &str = "analysis-";

/// A folder of cached summaries, one JSON file per article text.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The cache under `cache_dir` (created on the first write).
    pub fn new(cache_dir: &Path) -> Cache {
        Cache {
            dir: cache_dir.join(format!("{PREFIX}{FINGERPRINT}")),
        }
    }

    /// Removes the summaries of other lectern builds (best effort: it is only a cache).
    pub fn prune_stale(&self) {
        let (Some(parent), Some(own)) = (self.dir.parent(), self.dir.file_name()) else {
            return;
        };
        let Ok(entries) = fs::read_dir(parent) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            if name != own && name.to_string_lossy().starts_with(PREFIX) {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
    }

    fn path(&self, hash: &str, date: Option<NaiveDate>) -> PathBuf {
        let date = date.map_or_else(|| "undated".to_string(), |d| d.to_string());
        self.dir.join(format!("{hash}-{date}.json"))
    }

    /// The cached summary, if there is a readable one. A corrupt entry counts as missing: it
    /// is only a cache, and the analysis that replaces it overwrites it.
    pub fn get(&self, hash: &str, date: Option<NaiveDate>) -> Option<Summary> {
        let bytes = fs::read(self.path(hash, date)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Stores `summary` atomically (a reader never sees half a file).
    pub fn put(
        &self,
        hash: &str,
        date: Option<NaiveDate>,
        summary: &Summary,
    ) -> std::io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(&self.dir)?;
        serde_json::to_writer(&mut tmp, summary)?;
        tmp.flush()?;
        tmp.persist(self.path(hash, date))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary() -> Summary {
        Summary {
            speakers: Vec::new(),
            quotes: Vec::new(),
            incidents: Vec::new(),
        }
    }

    #[test]
    fn round_trip_and_keyed_by_hash_and_date() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let date = NaiveDate::from_ymd_opt(2016, 4, 21);
        assert_eq!(cache.get("abc", date), None);
        cache.put("abc", date, &summary()).unwrap();
        assert_eq!(cache.get("abc", date), Some(summary()));
        assert_eq!(cache.get("abc", None), None);
        assert_eq!(cache.get("abd", date), None);
    }

    #[test]
    fn other_builds_summaries_are_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        cache.put("abc", None, &summary()).unwrap();
        fs::create_dir_all(dir.path().join("analysis-0123456789abcdef")).unwrap();
        fs::create_dir_all(dir.path().join("unrelated")).unwrap();
        cache.prune_stale();
        let mut left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, [format!("{PREFIX}{FINGERPRINT}"), "unrelated".into()]);
        assert_eq!(cache.get("abc", None), Some(summary()));
    }

    #[test]
    fn a_corrupt_entry_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        cache.put("abc", None, &summary()).unwrap();
        fs::write(cache.path("abc", None), "{ not json").unwrap();
        assert_eq!(cache.get("abc", None), None);
    }
}
