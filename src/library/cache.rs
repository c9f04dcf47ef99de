//! Analysis results on disk, keyed by the hash of the article text (and its date, which anchors
//! relative dates), so a library opens instantly the second time and a changed file is
//! re-analysed because its hash changed.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::Summary;

/// Bumped whenever the analysis or [`Summary`] changes shape or results, so old entries are
/// never read by a lectern that would analyse differently.
const VERSION: u32 = 1;

/// A folder of cached summaries, one JSON file per article text.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The cache under `cache_dir` (created on the first write).
    pub fn new(cache_dir: &Path) -> Cache {
        Cache {
            dir: cache_dir.join(format!("analysis-{}-{VERSION}", env!("CARGO_PKG_VERSION"))),
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
    fn a_corrupt_entry_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        cache.put("abc", None, &summary()).unwrap();
        fs::write(cache.path("abc", None), "{ not json").unwrap();
        assert_eq!(cache.get("abc", None), None);
    }
}
