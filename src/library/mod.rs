//! A library: the articles of a folder (or of several files) opened together.
//!
//! Opening lists every article at once from what is cheap to know (title, date, words, notes);
//! the quotations and incidents come from a background [`Analyser`] on every core, which takes
//! them from the [`cache`](Cache) when it can. Even the cache lookups stay out of the first
//! frame: reading 787 cached summaries costs more than listing the 787 articles.

mod cache;
mod speakers;
mod summary;
mod worker;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;
use thiserror::Error;

use crate::source::{self, Article, Input, LoadOptions};

pub use cache::Cache;
pub use speakers::{IndexedSpeaker, QuoteRef, SpeakerIndex};
pub use summary::{IncidentSummary, QuoteSummary, SpeakerSummary, Summary, excerpt};
pub use worker::{Analysed, Analyser};

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

/// How deep a folder is walked: deep enough for any archive, and an end to symlink loops.
const MAX_DEPTH: usize = 16;

/// Every article file named by `paths`: files as given, folders walked recursively in name
/// order (following symlinks, skipping hidden entries). A subfolder that can't be read is
/// listed as it is, so that opening it reports why instead of it vanishing.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LibraryError> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| LibraryError::Io {
            path: path.display().to_string(),
            source,
        })?;
        if meta.is_dir() {
            let children = std::fs::read_dir(path).map_err(|source| LibraryError::Io {
                path: path.display().to_string(),
                source,
            })?;
            let before = files.len();
            walk(children, 0, &mut files);
            if files.len() == before {
                return Err(LibraryError::Empty(path.display().to_string()));
            }
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(dir: std::fs::ReadDir, depth: usize, files: &mut Vec<PathBuf>) {
    let mut children: Vec<PathBuf> = dir
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    children.sort();
    for path in children {
        if path.is_dir() {
            match std::fs::read_dir(&path) {
                Ok(sub) if depth < MAX_DEPTH => walk(sub, depth + 1, files),
                Ok(_) => {}
                Err(_) => files.push(path),
            }
        } else if path
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
        {
            files.push(path);
        }
    }
}

/// Loads one article of a library.
pub fn load(path: &Path) -> Result<Article, source::LoadError> {
    source::load(&Input::Path(path.to_path_buf()), LoadOptions::default())
}

impl Library {
    /// Lists `files` in parallel: loads each for its title, date, words and hash; every entry
    /// starts [`Status::Pending`]. `notes` maps content hashes to note counts.
    pub fn open(files: &[PathBuf], notes: &HashMap<String, usize>) -> Self {
        let loaded: Vec<Result<Entry, (PathBuf, String)>> = files
            .par_iter()
            .map(|path| {
                let article = load(path).map_err(|e| (path.clone(), e.to_string()))?;
                let hash = crate::notes::content_hash(article.text());
                Ok(Entry {
                    source: article.meta.source.clone().or_else(|| {
                        path.parent()
                            .and_then(Path::file_name)
                            .map(|n| n.to_string_lossy().into_owned())
                    }),
                    title: article.meta.title.clone(),
                    date: article.meta.date,
                    words: article.text().split_whitespace().count(),
                    notes: notes.get(&hash).copied().unwrap_or(0),
                    hash,
                    path: path.clone(),
                    status: Status::Pending,
                })
            })
            .collect();
        let mut library = Library::default();
        for item in loaded {
            match item {
                Ok(entry) => library.entries.push(entry),
                Err(skip) => library.skipped.push(skip),
            }
        }
        library
    }

    /// Indices of the entries still waiting for their analysis.
    pub fn pending(&self) -> Vec<usize> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.status == Status::Pending)
            .map(|(i, _)| i)
            .collect()
    }

    /// Takes in one finished analysis.
    pub fn apply(&mut self, done: Analysed) {
        let Some(entry) = self.entries.get_mut(done.entry) else {
            return;
        };
        match done.result {
            Ok((hash, summary)) => {
                entry.hash = hash;
                entry.status = Status::Done(summary);
            }
            Err(e) => entry.status = Status::Failed(e),
        }
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

    #[test]
    fn collect_follows_a_symlinked_folder_but_not_round_a_loop() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        write(elsewhere.path(), "x.txt", "X\n\nBody.");
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("linked")).unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        let files = collect(&[dir.path().to_path_buf()]).unwrap();
        assert!(
            files.iter().any(|f| f.ends_with("linked/x.txt")),
            "{files:?}"
        );
        assert!(files.len() <= MAX_DEPTH + 1, "{}", files.len());
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
        let library = Library::open(&[a.clone(), b.clone()], &HashMap::new());
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
    fn the_analysis_comes_from_the_cache_until_the_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(&dir.path().join("cache"));
        let a = write(dir.path(), "a.txt", "Title\n\n\"Yes,\" Ann Lee said.");
        let files = [a.clone()];
        let mut library = Library::open(&files, &HashMap::new());
        assert_eq!(library.pending(), [0]);
        library.apply(Analyser::analyse_one(0, &a, Some(&cache)));
        assert_eq!(library.finished(), 1);
        let fresh = library.entries[0].summary().unwrap().clone();
        assert_eq!(fresh.quotes.len(), 1);

        // Doctor the cached entry: a second analysis must return it, proving it was read.
        let hash = library.entries[0].hash.clone();
        let mut doctored = fresh.clone();
        doctored.quotes.clear();
        cache.put(&hash, None, &doctored).unwrap();
        let again = Analyser::analyse_one(0, &a, Some(&cache));
        assert_eq!(again.result.unwrap().1.as_ref(), &doctored);

        // A changed file has a new hash: analysed again, not served the stale entry.
        write(dir.path(), "a.txt", "Title\n\n\"No,\" Ann Lee said.");
        let changed = Analyser::analyse_one(0, &a, Some(&cache));
        let (new_hash, summary) = changed.result.unwrap();
        assert_ne!(new_hash, hash);
        assert_eq!(summary.quotes[0].excerpt, "No,");
    }
}
