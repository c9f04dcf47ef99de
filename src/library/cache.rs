//! Analysis results on disk, keyed by the hash of the article text (and its date, which anchors
//! relative dates), so a library opens instantly the second time and a changed file is
//! re-analysed because its hash changed.
//!
//! Two files per article: the [`Summary`] the library's lists need, read for every article at
//! start, and the whole [`Analysis`] the reader needs, read only when the article is opened (so
//! it shows its quotations and timeline at once, without analysing again).
//!
//! The cache is kept within [`CacheLimits`]: when a library opens, entries not used for a long
//! time go, and then the least recently used ones until the rest fits the size limit. "Used"
//! is the files' modification time, which a read moves forward (at most once an hour, so
//! opening a large library does not rewrite every file's metadata each time).

use std::collections::HashMap;
use std::fs;
use std::io::{Read, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::Summary;
use crate::analysis::Analysis;
use crate::analysis::dates::{Languages, Timex, TimexType};
use crate::analysis::quotes::{Entity, Quote, QuoteKind, Quotes, Speaker, SpeakerKind};
use crate::analysis::timeline::Incident;

/// A fingerprint of the analysis and library sources (see `build.rs`): summaries written by a
/// lectern whose rules differ are never read, without anyone remembering to bump a version.
const FINGERPRINT: &str = env!("LECTERN_ANALYSIS_FINGERPRINT");
/// Folders of this cache start with this; those of other builds are stale.
const PREFIX: &str = "analysis-";

/// A read moves an entry's time forward only when it is older than this: "least recently
/// used" needs no finer clock, and most reads then write nothing.
const TOUCH_AFTER: Duration = Duration::from_secs(60 * 60);

/// How much the cache may hold on disk: [`CacheLimits::DEFAULT`] unless the config's `[cache]`
/// table says otherwise (`max_megabytes`, `max_unused_days`); see [`Cache::with_limits`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheLimits {
    /// The most the entries may take together, in bytes; the least recently used go first.
    pub max_bytes: u64,
    /// An entry not used for this long goes whatever the size.
    pub max_unused: Duration,
}

impl CacheLimits {
    /// 256 MiB (tens of thousands of news articles, or a few hundred books) and 90 days.
    pub const DEFAULT: CacheLimits = CacheLimits {
        max_bytes: 256 << 20,
        max_unused: Duration::from_secs(90 * 24 * 60 * 60),
    };
}

impl Default for CacheLimits {
    fn default() -> Self {
        CacheLimits::DEFAULT
    }
}

/// A folder of cached summaries, one JSON file per article text.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    limits: CacheLimits,
}

impl Cache {
    /// The cache under `cache_dir` (created on the first write), within the default limits.
    pub fn new(cache_dir: &Path) -> Cache {
        Cache::with_limits(cache_dir, CacheLimits::DEFAULT)
    }

    /// The cache under `cache_dir`, kept within `limits` by [`Cache::tidy`].
    pub fn with_limits(cache_dir: &Path, limits: CacheLimits) -> Cache {
        Cache {
            dir: cache_dir.join(format!("{PREFIX}{FINGERPRINT}")),
            limits,
        }
    }

    /// Removes other builds' summaries and keeps this build's within the limits (best effort:
    /// it is only a cache). Run once when a library opens, before any lookup.
    pub fn tidy(&self) {
        self.prune_stale();
        self.trim(SystemTime::now());
    }

    /// Removes the entries unused for longer than the limit, then the least recently used
    /// until the rest fits the size limit; returns how many entries went. An entry is all the
    /// files of one article text (its summary and its analysis), kept or removed together.
    fn trim(&self, now: SystemTime) -> usize {
        let Ok(files) = fs::read_dir(&self.dir) else {
            return 0;
        };
        // Key → (last used, bytes, files).
        let mut entries: HashMap<String, (SystemTime, u64, Vec<PathBuf>)> = HashMap::new();
        for file in files.filter_map(Result::ok) {
            let Ok(meta) = file.metadata() else { continue };
            if !meta.is_file() {
                continue;
            }
            let name = file.file_name().to_string_lossy().into_owned();
            // `HASH-DATE.json` and `HASH-DATE.analysis.json` share a key; a leftover temporary
            // file (`.tmpXXXX`) is an entry of its own.
            let key = match name.split_once('.') {
                Some((key, _)) if !key.is_empty() => key.to_string(),
                _ => name,
            };
            let used = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            let entry = entries
                .entry(key)
                .or_insert((SystemTime::UNIX_EPOCH, 0, Vec::new()));
            entry.0 = entry.0.max(used);
            entry.1 += meta.len();
            entry.2.push(file.path());
        }
        let mut entries: Vec<_> = entries.into_values().collect();
        entries.sort_by_key(|&(used, ..)| std::cmp::Reverse(used));
        let (mut kept, mut full, mut removed) = (0u64, false, 0);
        for (used, bytes, files) in entries {
            let unused = now.duration_since(used).unwrap_or_default();
            full = full || kept + bytes > self.limits.max_bytes;
            if full || unused > self.limits.max_unused {
                for file in files {
                    let _ = fs::remove_file(file);
                }
                removed += 1;
            } else {
                kept += bytes;
            }
        }
        removed
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
        self.dir.join(format!("{}.json", key(hash, date)))
    }

    fn analysis_path(&self, hash: &str, date: Option<NaiveDate>) -> PathBuf {
        self.dir.join(format!("{}.analysis.json", key(hash, date)))
    }

    /// The cached summary, if there is a readable one. A corrupt entry counts as missing: it
    /// is only a cache, and the analysis that replaces it overwrites it.
    pub fn get(&self, hash: &str, date: Option<NaiveDate>) -> Option<Summary> {
        read(&self.path(hash, date))
    }

    /// Stores `summary` atomically (a reader never sees half a file).
    pub fn put(
        &self,
        hash: &str,
        date: Option<NaiveDate>,
        summary: &Summary,
    ) -> std::io::Result<()> {
        self.write(&self.path(hash, date), summary)
    }

    /// The cached analysis of `text` (whose hash is `hash`), if there is a readable one that
    /// fits it (as [`Cache::get`]): the reader slices the text with its ranges, so an entry
    /// damaged into ranges outside the text, or between the bytes of a character, is a miss
    /// rather than a crash.
    pub fn get_analysis(
        &self,
        hash: &str,
        date: Option<NaiveDate>,
        text: &str,
    ) -> Option<Analysis> {
        let stored: StoredAnalysis = read(&self.analysis_path(hash, date))?;
        stored.fits(text).then(|| Analysis::from(stored))
    }

    /// Stores `analysis` atomically.
    pub fn put_analysis(
        &self,
        hash: &str,
        date: Option<NaiveDate>,
        analysis: &Analysis,
    ) -> std::io::Result<()> {
        self.write(
            &self.analysis_path(hash, date),
            &StoredAnalysis::from(analysis),
        )
    }

    fn write(&self, path: &Path, value: &impl Serialize) -> std::io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(&self.dir)?;
        serde_json::to_writer(&mut tmp, value)?;
        tmp.flush()?;
        tmp.persist(path)?;
        Ok(())
    }
}

/// The file name of an article's entries, without extension.
fn key(hash: &str, date: Option<NaiveDate>) -> String {
    let date = date.map_or_else(|| "undated".to_string(), |d| d.to_string());
    format!("{hash}-{date}")
}

/// The entry in `path`, marked as used now (see [`TOUCH_AFTER`]).
fn read<T: DeserializeOwned>(path: &Path) -> Option<T> {
    let mut file = fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).ok()?;
    let value = serde_json::from_slice(&bytes).ok()?;
    let now = SystemTime::now();
    if let Ok(modified) = file.metadata().and_then(|m| m.modified())
        && now.duration_since(modified).is_ok_and(|d| d > TOUCH_AFTER)
    {
        // Best effort: a cache on a read-only disk still serves its entries.
        let _ = file.set_modified(now);
    }
    Some(value)
}

/// [`Analysis`] as it is written to disk. The analysis types stay free of serde (they are the
/// headless core's, and `extract` has a JSON format of its own); these mirrors are converted
/// field by field with exhaustive patterns, so a field added to the analysis fails to compile
/// here rather than being dropped from the cache unnoticed.
#[derive(Serialize, Deserialize)]
struct StoredAnalysis {
    sentences: Vec<Range<usize>>,
    quotes: Vec<StoredQuote>,
    speakers: Vec<StoredSpeaker>,
    entities: Vec<StoredEntity>,
    timexes: Vec<StoredTimex>,
    languages: StoredLanguages,
    timeline: Vec<StoredIncident>,
}

/// [`Languages`], the language by its ISO 639-3 code.
#[derive(Serialize, Deserialize)]
struct StoredLanguages {
    paragraphs: usize,
    skipped: usize,
    other: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct StoredQuote {
    range: Range<usize>,
    outer: Range<usize>,
    speech: bool,
    speaker: Option<usize>,
    cue: Option<Range<usize>>,
}

#[derive(Serialize, Deserialize)]
struct StoredSpeaker {
    name: String,
    aliases: Vec<String>,
    role: Option<String>,
    quotes: Vec<usize>,
    kind: StoredSpeakerKind,
}

#[derive(Serialize, Deserialize)]
struct StoredEntity {
    name: String,
    kind: StoredSpeakerKind,
    role: Option<String>,
    mentions: Vec<Range<usize>>,
}

impl From<SpeakerKind> for StoredSpeakerKind {
    fn from(kind: SpeakerKind) -> Self {
        match kind {
            SpeakerKind::Person => StoredSpeakerKind::Person,
            SpeakerKind::Organisation => StoredSpeakerKind::Organisation,
            SpeakerKind::Unnamed => StoredSpeakerKind::Unnamed,
        }
    }
}

impl From<StoredSpeakerKind> for SpeakerKind {
    fn from(kind: StoredSpeakerKind) -> Self {
        match kind {
            StoredSpeakerKind::Person => SpeakerKind::Person,
            StoredSpeakerKind::Organisation => SpeakerKind::Organisation,
            StoredSpeakerKind::Unnamed => SpeakerKind::Unnamed,
        }
    }
}

#[derive(Serialize, Deserialize)]
enum StoredSpeakerKind {
    Person,
    Organisation,
    Unnamed,
}

#[derive(Serialize, Deserialize)]
struct StoredTimex {
    range: Range<usize>,
    kind: StoredTimexType,
    value: String,
    modifier: Option<String>,
    period: Option<(NaiveDate, NaiveDate)>,
}

#[derive(Serialize, Deserialize)]
struct StoredIncident {
    value: String,
    label: String,
    period: Option<(NaiveDate, NaiveDate)>,
    sentence: Range<usize>,
    timex: usize,
}

#[derive(Serialize, Deserialize)]
enum StoredTimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl StoredAnalysis {
    /// Whether every range lies on character boundaries of `text` and every index points at
    /// an entry that exists.
    fn fits(&self, text: &str) -> bool {
        let range = |r: &Range<usize>| {
            r.start <= r.end && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
        };
        let (quotes, speakers) = (self.quotes.len(), self.speakers.len());
        self.sentences.iter().all(range)
            && self.quotes.iter().all(|q| {
                range(&q.range)
                    && range(&q.outer)
                    && q.cue.as_ref().is_none_or(range)
                    && q.speaker.is_none_or(|s| s < speakers)
            })
            && self
                .speakers
                .iter()
                .all(|s| s.quotes.iter().all(|&q| q < quotes))
            && self.entities.iter().all(|e| e.mentions.iter().all(range))
            && self.timexes.iter().all(|t| range(&t.range))
            && self
                .timeline
                .iter()
                .all(|i| range(&i.sentence) && i.timex < self.timexes.len())
    }
}

impl From<&Analysis> for StoredAnalysis {
    fn from(analysis: &Analysis) -> Self {
        let Analysis {
            sentences,
            quotes:
                Quotes {
                    quotes,
                    speakers,
                    entities,
                },
            timexes,
            languages:
                Languages {
                    paragraphs,
                    skipped,
                    other,
                },
            timeline,
        } = analysis;
        StoredAnalysis {
            sentences: sentences.clone(),
            quotes: quotes
                .iter()
                .map(|q| {
                    let Quote {
                        range,
                        outer,
                        kind,
                        speaker,
                        cue,
                    } = q;
                    StoredQuote {
                        range: range.clone(),
                        outer: outer.clone(),
                        speech: match kind {
                            QuoteKind::Speech => true,
                            QuoteKind::Mention => false,
                        },
                        speaker: *speaker,
                        cue: cue.clone(),
                    }
                })
                .collect(),
            speakers: speakers
                .iter()
                .map(|s| {
                    let Speaker {
                        name,
                        aliases,
                        role,
                        quotes,
                        kind,
                    } = s;
                    StoredSpeaker {
                        name: name.clone(),
                        aliases: aliases.clone(),
                        role: role.clone(),
                        quotes: quotes.clone(),
                        kind: (*kind).into(),
                    }
                })
                .collect(),
            entities: entities
                .iter()
                .map(|e| {
                    let Entity {
                        name,
                        kind,
                        role,
                        mentions,
                    } = e;
                    StoredEntity {
                        name: name.clone(),
                        kind: (*kind).into(),
                        role: role.clone(),
                        mentions: mentions.clone(),
                    }
                })
                .collect(),
            timexes: timexes
                .iter()
                .map(|t| {
                    let Timex {
                        range,
                        kind,
                        value,
                        modifier,
                        period,
                    } = t;
                    StoredTimex {
                        range: range.clone(),
                        kind: match kind {
                            TimexType::Date => StoredTimexType::Date,
                            TimexType::Time => StoredTimexType::Time,
                            TimexType::Duration => StoredTimexType::Duration,
                            TimexType::Set => StoredTimexType::Set,
                        },
                        value: value.clone(),
                        modifier: modifier.clone(),
                        period: *period,
                    }
                })
                .collect(),
            languages: StoredLanguages {
                paragraphs: *paragraphs,
                skipped: *skipped,
                other: other.map(|l| l.code().to_string()),
            },
            timeline: timeline
                .iter()
                .map(|i| {
                    let Incident {
                        value,
                        label,
                        period,
                        sentence,
                        timex,
                    } = i;
                    StoredIncident {
                        value: value.clone(),
                        label: label.clone(),
                        period: *period,
                        sentence: sentence.clone(),
                        timex: *timex,
                    }
                })
                .collect(),
        }
    }
}

impl From<StoredAnalysis> for Analysis {
    fn from(stored: StoredAnalysis) -> Self {
        Analysis {
            sentences: stored.sentences,
            quotes: Quotes {
                quotes: stored
                    .quotes
                    .into_iter()
                    .map(|q| Quote {
                        range: q.range,
                        outer: q.outer,
                        kind: if q.speech {
                            QuoteKind::Speech
                        } else {
                            QuoteKind::Mention
                        },
                        speaker: q.speaker,
                        cue: q.cue,
                    })
                    .collect(),
                speakers: stored
                    .speakers
                    .into_iter()
                    .map(|s| Speaker {
                        name: s.name,
                        aliases: s.aliases,
                        role: s.role,
                        quotes: s.quotes,
                        kind: s.kind.into(),
                    })
                    .collect(),
                entities: stored
                    .entities
                    .into_iter()
                    .map(|e| Entity {
                        name: e.name,
                        kind: e.kind.into(),
                        role: e.role,
                        mentions: e.mentions,
                    })
                    .collect(),
            },
            timexes: stored
                .timexes
                .into_iter()
                .map(|t| Timex {
                    range: t.range,
                    kind: match t.kind {
                        StoredTimexType::Date => TimexType::Date,
                        StoredTimexType::Time => TimexType::Time,
                        StoredTimexType::Duration => TimexType::Duration,
                        StoredTimexType::Set => TimexType::Set,
                    },
                    value: t.value,
                    modifier: t.modifier,
                    period: t.period,
                })
                .collect(),
            languages: Languages {
                paragraphs: stored.languages.paragraphs,
                skipped: stored.languages.skipped,
                other: stored
                    .languages
                    .other
                    .as_deref()
                    .and_then(whatlang::Lang::from_code),
            },
            timeline: stored
                .timeline
                .into_iter()
                .map(|i| Incident {
                    value: i.value,
                    label: i.label,
                    period: i.period,
                    sentence: i.sentence,
                    timex: i.timex,
                })
                .collect(),
        }
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

    /// Sets the time `path` was last used to `ago` before now.
    fn used(path: &Path, ago: Duration) {
        let file = fs::File::options().write(true).open(path).unwrap();
        file.set_modified(SystemTime::now() - ago).unwrap();
    }

    const HOUR: Duration = Duration::from_secs(60 * 60);

    #[test]
    fn beyond_the_size_limit_the_least_recently_used_entries_go() {
        let dir = tempfile::tempdir().unwrap();
        let probe = Cache::new(dir.path());
        probe.put("probe", None, &summary()).unwrap();
        let one = fs::metadata(probe.path("probe", None)).unwrap().len();
        fs::remove_file(probe.path("probe", None)).unwrap();

        let limits = CacheLimits {
            max_bytes: 2 * one,
            ..CacheLimits::DEFAULT
        };
        let cache = Cache::with_limits(dir.path(), limits);
        for (hash, hours) in [("a", 3), ("b", 2), ("c", 1)] {
            cache.put(hash, None, &summary()).unwrap();
            used(&cache.path(hash, None), hours * HOUR);
        }
        // Reading `a` makes it the most recently used: `b` is now the oldest.
        assert_eq!(cache.get("a", None), Some(summary()));
        assert_eq!(cache.trim(SystemTime::now()), 1);
        assert_eq!(cache.get("b", None), None);
        assert_eq!(cache.get("a", None), Some(summary()));
        assert_eq!(cache.get("c", None), Some(summary()));
        // Within the limit, nothing more goes.
        assert_eq!(cache.trim(SystemTime::now()), 0);
    }

    #[test]
    fn an_entry_unused_too_long_goes_with_its_analysis_and_the_rest_stays() {
        use crate::source::{Input, LoadOptions, load};
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let article = load(&Input::Sample, LoadOptions::default()).unwrap();
        let analysis = crate::analysis::analyze(&article);
        let text = article.text();
        cache.put("old", None, &summary()).unwrap();
        cache.put_analysis("old", None, &analysis).unwrap();
        cache.put("new", None, &summary()).unwrap();
        let max = CacheLimits::DEFAULT.max_unused;
        used(&cache.path("old", None), max + HOUR);
        used(&cache.analysis_path("old", None), max + HOUR);
        used(&cache.path("new", None), max.saturating_sub(HOUR));
        cache.tidy();
        assert!(!cache.path("old", None).exists());
        assert!(!cache.analysis_path("old", None).exists());
        assert_eq!(cache.get_analysis("old", None, text), None);
        assert_eq!(cache.get("new", None), Some(summary()));
    }

    #[test]
    fn a_corrupt_entry_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        cache.put("abc", None, &summary()).unwrap();
        fs::write(cache.path("abc", None), "{ not json").unwrap();
        assert_eq!(cache.get("abc", None), None);
    }

    #[test]
    fn the_whole_analysis_round_trips_and_must_fit_the_text() {
        use crate::source::{Input, LoadOptions, load};
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let article = load(&Input::Sample, LoadOptions::default()).unwrap();
        let analysis = crate::analysis::analyze(&article);
        assert!(!analysis.quotes.quotes.is_empty() && !analysis.timeline.is_empty());
        let (text, date) = (article.text(), article.meta.date);
        assert_eq!(cache.get_analysis("abc", date, text), None);
        cache.put_analysis("abc", date, &analysis).unwrap();
        assert_eq!(cache.get_analysis("abc", date, text), Some(analysis));
        assert_eq!(
            cache.get("abc", date),
            None,
            "the summary is a file of its own"
        );

        // Ranges that don't fit the text (a damaged entry): a miss, not a crash later.
        assert_eq!(
            cache.get_analysis("abc", date, &text[..text.len() / 2]),
            None
        );
        assert_eq!(cache.get_analysis("abc", date, ""), None);
    }
}
