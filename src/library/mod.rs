//! A library: the articles of a folder (or of several files) opened together.
//!
//! Opening lists every article at once from what is cheap to know (title, date, words, notes);
//! the quotations and incidents come from a background [`Analyser`] on every core, which takes
//! them from the [`cache`](Cache) when it can. Even the cache lookups stay out of the first
//! frame: reading 787 cached summaries costs more than listing the 787 articles.
//!
//! Listing has to read and decode every article anyway, so the decoded article is handed to
//! the analyser as a [`Listed`] instead of being read a second time; the file's size and
//! modification time tell the analyser whether it changed in between.

mod cache;
pub mod feeds;
mod prefs;
mod speakers;
mod summary;
mod voice;
mod worker;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use chrono::NaiveDate;
use rayon::prelude::*;
use thiserror::Error;

use crate::source::{self, Article, Input, LoadOptions};

pub use cache::{Cache, CacheLimits};
pub use prefs::Prefs;
pub use speakers::{IndexedSpeaker, QuoteGroup, QuoteRef, SpeakerIndex, UNNAMED_SOURCES};
pub use summary::{IncidentSummary, QuoteSummary, SourceKind, SpeakerSummary, Summary, excerpt};
pub use voice::{ShareOfVoice, Voice};
pub use worker::{Analysed, Analyser, Job, summarise};

/// File name endings that a folder contributes to a library; other files (images, notes,
/// hidden files) are not articles.
const EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm"];

#[derive(Debug, Error)]
pub enum LibraryError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}: no articles (.txt, .md or .html files) in it")]
    Empty(String),
}

/// Where an article's analysis is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Pending,
    Done(Arc<Summary>),
    Failed(String),
}

/// One article of the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    pub title: String,
    pub date: Option<NaiveDate>,
    /// The front matter's source, else the folder the file is in (`tech`, `politics`).
    pub source: Option<String>,
    pub words: usize,
    /// [`crate::notes::content_hash`] of the text: the key of its notes and its cache entry.
    pub hash: String,
    pub notes: usize,
    pub status: Status,
    /// When the text behind `status` was read (`None` while pending).
    pub read: Option<Instant>,
    /// Where the article comes from: a file, or an item of a feed.
    pub origin: Origin,
}

/// Where a library entry comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Origin {
    /// A file ([`Entry::path`]).
    #[default]
    File,
    /// An item of a feed (`lectern feeds`): its page is opened through the web store, and the
    /// feed's summary stands in when the page cannot be fetched.
    Item {
        url: Option<String>,
        summary: Option<String>,
    },
    /// A feed that could not be fetched or read: the entry's title says why.
    BrokenFeed,
}

impl Entry {
    pub fn summary(&self) -> Option<&Summary> {
        match &self.status {
            Status::Done(s) => Some(s),
            _ => None,
        }
    }
}

/// The articles of a library, in path order, and the files that could not be opened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    pub entries: Vec<Entry>,
    /// Files that are not readable articles (binary, too large), with the reason.
    pub skipped: Vec<(PathBuf, String)>,
}

/// How deep a folder is walked: deep enough for any archive. Symlink loops end sooner: a link
/// back to a folder being walked is not followed (see [`collect`]).
const MAX_DEPTH: usize = 16;

/// Every article file named by `paths`: files as given, folders walked recursively in name
/// order, skipping hidden entries. Symlinks are followed, except one that leads back to a
/// folder the walk is inside (`a/loop -> ..`), which would list the same files again and
/// again. A subfolder that can't be read is listed as it is, so that opening it reports why
/// instead of it vanishing.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LibraryError> {
    let mut files = Vec::new();
    for path in paths {
        let io_err = |source| LibraryError::Io {
            path: path.display().to_string(),
            source,
        };
        let meta = std::fs::metadata(path).map_err(io_err)?;
        if meta.is_dir() {
            // Read once up front so an unreadable top folder is an error of its own.
            std::fs::read_dir(path).map_err(io_err)?;
            let before = files.len();
            walk(path, &mut files);
            if files.len() == before {
                return Err(LibraryError::Empty(path.display().to_string()));
            }
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(root: &Path, files: &mut Vec<PathBuf>) {
    let entries = walkdir::WalkDir::new(root)
        .follow_links(true)
        .max_depth(MAX_DEPTH + 1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in entries {
        match entry {
            Ok(entry) if entry.file_type().is_file() && is_article(entry.path()) => {
                files.push(entry.into_path());
            }
            Ok(_) => {}
            // A link back to an ancestor: its files are listed once, through the ancestor.
            Err(e) if e.loop_ancestor().is_some() => {}
            // An unreadable folder, or a broken link named like an article: listed, so that
            // opening it says what is wrong.
            Err(e) => {
                if let Some(path) = e.path()
                    && e.depth() > 0
                    && (path.is_dir() || is_article(path))
                {
                    files.push(path.to_path_buf());
                }
            }
        }
    }
}

/// Whether a file's name ends like an article ([`EXTENSIONS`]).
fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
}

/// Loads one article of a library.
pub fn load(path: &Path) -> Result<Article, source::LoadError> {
    source::load(&Input::Path(path.to_path_buf()), LoadOptions::default())
}

/// A file stamp younger than this is not trusted to show a later change: timestamps advance
/// in ticks (a few milliseconds on Linux, two seconds on FAT), so a file written again within
/// the tick it was read in may keep its stamp. Git's index calls such entries "racy".
const RACY: Duration = Duration::from_secs(2);

/// What a file's metadata says about its content: when it was last written, and its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: SystemTime,
    len: u64,
}

impl Stamp {
    /// The stamp of `path` now (see [`Stamp::from`]).
    fn of(path: &Path) -> Option<Stamp> {
        Stamp::from(&std::fs::metadata(path).ok()?)
    }

    /// The stamp in `meta`, or `None` when it could not reveal a change: no modification
    /// time, or one too recent to be sure of (see [`RACY`]).
    fn from(meta: &std::fs::Metadata) -> Option<Stamp> {
        let modified = meta.modified().ok()?;
        let age = SystemTime::now().duration_since(modified).ok()?;
        (age >= RACY).then_some(Stamp {
            modified,
            len: meta.len(),
        })
    }
}

/// How much listed text (bytes) the library hands on to its analyser rather than have it read
/// again: all of any ordinary library, while one of thousands of books does not hold every
/// book in memory until its turn comes.
const KEEP_TEXT: usize = 256 << 20;

/// Files listed in parallel at a time: enough to keep every core busy, few enough that the
/// texts past [`KEEP_TEXT`] are let go soon after they are read.
const LIST_CHUNK: usize = 64;

/// An article as the library listed it: decoded, hashed, and stamped with its file's metadata
/// from before it was read, so that the analyser uses it instead of reading the file again,
/// unless the file has changed since.
#[derive(Debug, Clone)]
pub struct Listed {
    pub article: Arc<Article>,
    /// [`crate::notes::content_hash`] of its text.
    pub hash: String,
    stamp: Option<Stamp>,
    /// When the read began.
    pub read: Instant,
}

impl Listed {
    /// Reads the article at `path`. The stamp is taken from the open file before the read: a
    /// change during the read then shows as a changed stamp later, at the cost of one more
    /// read.
    pub fn read(path: &Path) -> Result<Listed, source::LoadError> {
        let read = Instant::now();
        let (article, meta) = source::load_file(path, LoadOptions::default())?;
        Ok(Listed {
            read,
            hash: crate::notes::content_hash(article.text()),
            article: Arc::new(article),
            stamp: Stamp::from(&meta),
        })
    }

    /// The article as it is in the file now: this one while the file's stamp is unchanged,
    /// else the file read again (its new text is what counts).
    pub fn current(self, path: &Path) -> Result<Listed, source::LoadError> {
        match self.stamp {
            Some(stamp) if Stamp::of(path) == Some(stamp) => Ok(self),
            _ => Listed::read(path),
        }
    }
}

/// The entry of the article at `path` and the article as read, or why it is skipped.
fn list_one(
    path: &Path,
    notes: &HashMap<String, usize>,
) -> Result<(Entry, Listed), (PathBuf, String)> {
    let listed = Listed::read(path).map_err(|e| (path.to_path_buf(), e.to_string()))?;
    let article = &listed.article;
    let hash = listed.hash.clone();
    let entry = Entry {
        source: article.meta.source.clone().or_else(|| {
            path.parent()
                .and_then(Path::file_name)
                .map(|n| n.to_string_lossy().into_owned())
        }),
        // A plain file that opens with its lede has no title: its name stands in.
        title: if article.meta.title.trim().is_empty() {
            path.file_stem()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        } else {
            article.meta.title.clone()
        },
        date: article.meta.date,
        words: article.text().split_whitespace().count(),
        notes: notes.get(&hash).copied().unwrap_or(0),
        hash,
        path: path.to_path_buf(),
        status: Status::Pending,
        read: None,
        origin: Origin::File,
    };
    Ok((entry, listed))
}

impl Library {
    /// Lists `files` in parallel: loads each for its title, date, words and hash; every entry
    /// starts [`Status::Pending`]. `notes` maps content hashes to note counts. Returns with
    /// the library one analysis [`Job`] per entry, which carries the loaded article on to the
    /// [`Analyser`] while the texts so carried stay within [`KEEP_TEXT`] (the library itself
    /// keeps none of them).
    pub fn open(files: &[PathBuf], notes: &HashMap<String, usize>) -> (Self, Vec<Job>) {
        Self::open_keeping(files, notes, KEEP_TEXT)
    }

    /// [`Library::open`], keeping for the analyser the texts of the first files (in the order
    /// given) that add up to at most `budget` bytes; the others are dropped once listed, and
    /// read again when their job runs.
    fn open_keeping(
        files: &[PathBuf],
        notes: &HashMap<String, usize>,
        budget: usize,
    ) -> (Self, Vec<Job>) {
        let mut library = Library::default();
        let mut jobs = Vec::new();
        let mut kept = 0;
        // In chunks, so that at most one chunk of texts past the budget is held at a time.
        for chunk in files.chunks(LIST_CHUNK) {
            let loaded: Vec<_> = chunk.par_iter().map(|path| list_one(path, notes)).collect();
            for item in loaded {
                match item {
                    Ok((entry, listed)) => {
                        kept += listed.article.text().len();
                        jobs.push(Job {
                            entry: library.entries.len(),
                            path: entry.path.clone(),
                            listed: (kept <= budget).then_some(listed),
                        });
                        library.entries.push(entry);
                    }
                    Err(skip) => library.skipped.push(skip),
                }
            }
        }
        (library, jobs)
    }

    /// Takes in one finished analysis; whether it was taken (not an older read than the
    /// one the entry holds), so that what came with it is taken only with it.
    pub fn apply(&mut self, done: Analysed) -> bool {
        let Some(entry) = self.entries.get_mut(done.entry) else {
            return false;
        };
        // A worker that read the file before the reader did may report after it: the newer
        // read stands.
        if entry.read.is_some_and(|held| done.read < held) {
            return false;
        }
        entry.read = Some(done.read);
        match done.result {
            Ok((hash, summary)) => {
                entry.hash = hash;
                entry.status = Status::Done(summary);
            }
            Err(e) => entry.status = Status::Failed(e),
        }
        true
    }

    /// How many entries have an analysis (or failed to get one).
    pub fn finished(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| e.status != Status::Pending)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn collect_walks_folders_in_order_and_keeps_only_articles() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "b/2.txt", "Two\n\nBody.");
        write(dir.path(), "a/1.md", "# One");
        write(dir.path(), "a/picture.png", "x");
        write(dir.path(), ".hidden/3.txt", "x");
        let files = collect(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|p| {
                p.strip_prefix(dir.path())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, ["a/1.md", "b/2.txt"]);
    }

    fn relative(dir: &Path, files: &[PathBuf]) -> Vec<String> {
        files
            .iter()
            .map(|p| p.strip_prefix(dir).unwrap().to_string_lossy().into_owned())
            .collect()
    }

    #[cfg(unix)]
    #[test]
    fn collect_follows_a_symlinked_folder_but_not_round_a_loop() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        write(elsewhere.path(), "x.txt", "X\n\nBody.");
        write(dir.path(), "a.txt", "A\n\nBody.");
        write(dir.path(), "sub/b.txt", "B\n\nBody.");
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("linked")).unwrap();
        // Two loops, one to the top and one to the parent: followed naively, each folder
        // is walked again through each link at every level (2^16 walks at depth 16).
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        std::os::unix::fs::symlink("..", dir.path().join("sub/up")).unwrap();
        let files = collect(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(
            relative(dir.path(), &files),
            ["a.txt", "linked/x.txt", "sub/b.txt"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_broken_link_named_like_an_article_is_listed_to_report_it() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", "A\n\nBody.");
        std::os::unix::fs::symlink("gone.txt", dir.path().join("b.txt")).unwrap();
        std::os::unix::fs::symlink("gone", dir.path().join("c")).unwrap();
        let files = collect(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(relative(dir.path(), &files), ["a.txt", "b.txt"]);
    }

    #[test]
    fn an_empty_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = collect(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(err.to_string().contains("no articles"), "{err}");
    }

    #[test]
    fn open_lists_titles_words_sources_and_skips_binary_files() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(
            dir.path(),
            "tech/a.txt",
            "Chips get faster\n\nThey do, he said.",
        );
        let b = write(dir.path(), "tech/b.txt", "bin\0ary");
        let (library, jobs) = Library::open(&[a.clone(), b.clone()], &HashMap::new());
        assert_eq!(jobs.len(), 1);
        assert_eq!(jobs[0].entry, 0);
        assert_eq!(library.entries.len(), 1);
        let e = &library.entries[0];
        assert_eq!(e.title, "Chips get faster");
        assert_eq!(e.source.as_deref(), Some("tech"));
        assert_eq!(e.words, 7);
        assert_eq!(e.status, Status::Pending);
        assert_eq!(library.skipped.len(), 1);
        assert_eq!(library.skipped[0].0, b);
        assert!(library.skipped[0].1.contains("not a text file"));
    }

    #[test]
    fn a_result_from_an_older_read_does_not_replace_a_newer_one() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "a.txt", "Title\n\n\"Yes,\" Ann Lee said.");
        let (mut library, jobs) = Library::open(std::slice::from_ref(&a), &HashMap::new());
        let old = Analyser::analyse_one(jobs[0].clone(), None);
        // Instants must differ for the order to show, on any clock resolution.
        std::thread::sleep(Duration::from_millis(2));
        std::fs::write(&a, "Title\n\n\"Yes,\" Ann Lee said. \"No,\" Bo Li said.").unwrap();
        let new = Analyser::analyse_one(
            Job {
                listed: Some(Listed::read(&a).unwrap()),
                ..jobs[0].clone()
            },
            None,
        );
        assert!(old.read < new.read);
        library.apply(new);
        library.apply(old);
        assert_eq!(
            library.entries[0].summary().map(|s| s.quotes.len()),
            Some(2)
        );
    }

    #[test]
    fn the_analysis_comes_from_the_cache_until_the_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(&dir.path().join("cache"));
        let a = write(dir.path(), "a.txt", "Title\n\n\"Yes,\" Ann Lee said.");
        let (mut library, jobs) = Library::open(std::slice::from_ref(&a), &HashMap::new());
        assert_eq!(jobs.len(), 1);
        library.apply(Analyser::analyse_one(jobs[0].clone(), Some(&cache)));
        assert_eq!(library.finished(), 1);
        let fresh = library.entries[0].summary().unwrap().clone();
        assert_eq!(fresh.quotes.len(), 1);
        let hash = library.entries[0].hash.clone();
        let analysis =
            cache.get_analysis(&hash, None, jobs[0].listed.as_ref().unwrap().article.text());
        assert_eq!(
            analysis.map(|a| a.quotes.quotes.len()),
            Some(1),
            "the whole analysis is cached for the reader"
        );

        // Doctor the cached entry: a second analysis must return it, proving it was read.
        let mut doctored = fresh.clone();
        doctored.quotes.clear();
        cache.put(&hash, None, &doctored).unwrap();
        let again = Analyser::analyse_one(jobs[0].clone(), Some(&cache));
        assert_eq!(again.result.unwrap().1.as_ref(), &doctored);

        // A changed file has a new hash: analysed again, not served the stale entry.
        write(dir.path(), "a.txt", "Title\n\n\"No,\" Ann Lee said.");
        let changed = Analyser::analyse_one(jobs[0].clone(), Some(&cache));
        let (new_hash, summary) = changed.result.unwrap();
        assert_ne!(new_hash, hash);
        assert_eq!(summary.quotes[0].excerpt, "No,");
    }

    #[test]
    fn past_the_text_budget_articles_are_read_again_when_their_turn_comes() {
        let dir = tempfile::tempdir().unwrap();
        let body = "Title\n\n\"Yes,\" Ann Lee said.";
        let files: Vec<PathBuf> = (0..3)
            .map(|i| write(dir.path(), &format!("{i}.txt"), body))
            .collect();
        let one = body.len();
        let (mut library, jobs) = Library::open_keeping(&files, &HashMap::new(), one + one / 2);
        let kept: Vec<bool> = jobs.iter().map(|j| j.listed.is_some()).collect();
        assert_eq!(
            kept,
            [true, false, false],
            "the first file in order is kept"
        );
        for job in jobs {
            library.apply(Analyser::analyse_one(job, None));
        }
        assert_eq!(library.finished(), 3);
        assert!(library.entries.iter().all(|e| e.summary().is_some()));
    }

    /// Sets the modification time of `path` to an hour ago: older than [`RACY`].
    fn age(path: &Path) -> SystemTime {
        let then = SystemTime::now() - Duration::from_secs(3600);
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(then).unwrap();
        then
    }

    #[test]
    fn the_listed_article_is_analysed_unless_the_file_changed_since() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "a.txt", "Title\n\n\"Yes,\" Ann Lee said.");
        let then = age(&a);
        let (_, jobs) = Library::open(std::slice::from_ref(&a), &HashMap::new());
        let excerpt = |job: &Job| {
            Analyser::analyse_one(job.clone(), None)
                .result
                .unwrap()
                .1
                .quotes[0]
                .excerpt
                .clone()
        };

        // New words of the same length under the old time: the stamp says unchanged, so the
        // article as listed is what is analysed (the file is not read again).
        write(dir.path(), "a.txt", "Title\n\n\"Yea,\" Ann Lee said.");
        std::fs::File::options()
            .write(true)
            .open(&a)
            .unwrap()
            .set_modified(then)
            .unwrap();
        assert_eq!(excerpt(&jobs[0]), "Yes,");

        // Another length: changed, read again.
        write(dir.path(), "a.txt", "Title\n\n\"No,\" Ann Lee said.");
        age(&a);
        assert_eq!(excerpt(&jobs[0]), "No,");
        // Written just now: too recent to trust the stamp, read again.
        write(dir.path(), "a.txt", "Title\n\n\"Oh,\" Ann Lee said.");
        assert_eq!(excerpt(&jobs[0]), "Oh,");
    }

    #[test]
    fn a_file_written_just_now_has_no_stamp_to_trust() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "a.txt", "Title\n\nBody.");
        assert_eq!(Stamp::of(&a), None);
        age(&a);
        assert_eq!(Stamp::of(&a).map(|s| s.len), Some(12));
        assert_eq!(Stamp::of(&dir.path().join("gone.txt")), None);
    }
}
