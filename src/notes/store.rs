//! The notes of one article on disk: finding its file, reading it, and changing it safely.
//!
//! Every change is a transaction on the file, not a dump of memory: under a lock on a sidecar
//! file, the current file is read again, the one change is applied to what is on disk, and the
//! result is written atomically (temporary file in the same folder, fsync, rename). Two windows
//! on one article therefore never lose each other's notes, and a note deleted in one window is
//! not brought back by the other, without any merge heuristics or tombstones. A crash at any
//! moment leaves either the old or the new file, never half of one.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::Utc;
use sha2::{Digest, Sha256};

use super::{Anchor, Note, NoteId, NotesError, NotesFile, parse_file, resolve_all};
use crate::durable::{self, LockError};
use crate::source::Article;

/// The notes file format this lectern reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// What identifies an article: the file header written with its notes.
#[derive(Debug, Clone)]
struct Identity {
    title: String,
    source: Option<String>,
    url: Option<String>,
    hash: String,
}

/// SHA-256 of an article's text, in hex: what identifies its notes file and its cached
/// analysis, whatever its path.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for b in digest {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}

/// How many notes each article has, by [`content_hash`], from every readable notes file under
/// `data_dir` (for the library list; unreadable files count as none here and are reported when
/// their article is opened).
pub fn counts(data_dir: &Path) -> HashMap<String, usize> {
    let Ok(dir) = fs::read_dir(data_dir.join("notes")) else {
        return HashMap::new();
    };
    dir.filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .filter_map(|e| fs::read_to_string(e.path()).ok())
        .filter_map(|text| parse_file(&text).ok())
        .map(|file| (file.hash, file.notes.len()))
        .collect()
}

impl Identity {
    fn of(article: &Article) -> Self {
        let hash = content_hash(article.text());
        let source = article.meta.path.as_ref().map(|p| {
            fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string()
        });
        Identity {
            title: article.meta.title.clone(),
            source,
            url: article.meta.url.clone(),
            hash,
        }
    }

    /// `<title slug>-<12 hex of the hash>.toml`: readable, and a corrupt file can still be
    /// recognised as this article's by its name.
    fn file_name(&self) -> String {
        format!("{}-{}.toml", slug(&self.title), &self.hash[..12])
    }
}

fn slug(title: &str) -> String {
    let mut s = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
        if s.chars().count() >= 48 {
            break;
        }
    }
    let s = s.trim_end_matches('-');
    if s.is_empty() {
        "untitled".to_string()
    } else {
        s.to_string()
    }
}

/// The notes of one article, as last read from or written to its file, resolved against the
/// article's current text.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    identity: Identity,
    /// Attached notes in text order, then detached ones in their old order.
    notes: Vec<Note>,
    /// Why changes are refused (the file cannot be parsed); `None` when writable.
    read_only: Option<String>,
    /// The file as this store last read or wrote it.
    snapshot: Option<Snapshot>,
}

/// A notes file as this store last read or wrote it. A change that finds the file still
/// holding exactly `text` (no other window wrote it since) takes `file` instead of parsing the
/// text again, and prints as TOML only the notes that changed: with a thousand notes, parsing
/// and printing the whole file was nearly all the time a save took, fsync aside.
#[derive(Debug)]
struct Snapshot {
    text: String,
    /// `text` parsed; its notes have no `range` (it is not stored).
    file: NotesFile,
    /// The `[[notes]]` table of each note of `file`, in order; empty when `file` was read
    /// rather than written.
    tables: Vec<String>,
}

/// One note as a TOML `[[notes]]` table: the file is its header followed by these.
#[derive(serde::Serialize)]
struct NoteTable<'a> {
    notes: [&'a Note; 1],
}

/// The TOML text of `file` and the table of each of its notes, taking over the tables of the
/// notes unchanged since `previous`.
fn to_toml(
    file: &NotesFile,
    previous: Option<Snapshot>,
) -> Result<(String, Vec<String>), toml::ser::Error> {
    let (old_notes, old_tables) =
        previous.map_or((Vec::new(), Vec::new()), |p| (p.file.notes, p.tables));
    let mut known: HashMap<&str, (&Note, String)> = old_notes
        .iter()
        .zip(old_tables)
        .map(|(n, t)| (n.id.as_str(), (n, t)))
        .collect();
    let tables = file
        .notes
        .iter()
        .map(|note| match known.remove(note.id.as_str()) {
            Some((old, table)) if old == note => Ok(table),
            _ => toml::to_string(&NoteTable { notes: [note] }),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let header = NotesFile {
        notes: Vec::new(),
        version: file.version,
        title: file.title.clone(),
        source: file.source.clone(),
        url: file.url.clone(),
        hash: file.hash.clone(),
    };
    let mut text = toml::to_string(&header)?;
    for table in &tables {
        text.push('\n');
        text.push_str(table);
    }
    Ok((text, tables))
}

impl Store {
    /// Opens the notes of `article` under `data_dir/notes/`: the file with the article's
    /// content hash, else one whose notes still anchor in it (see [`find`]); a new file
    /// (created on the first change) when none matches. Never fails: a file that cannot be read leaves the store
    /// read-only with the reason in [`Store::read_only`], and the file untouched.
    pub fn open(data_dir: &Path, article: &Article) -> Store {
        let identity = Identity::of(article);
        let dir = data_dir.join("notes");
        let mut store = Store {
            path: dir.join(identity.file_name()),
            identity,
            notes: Vec::new(),
            read_only: None,
            snapshot: None,
        };
        match find(&dir, &store.identity, article.text()) {
            Ok(Some(path)) => store.path = path,
            Ok(None) => return store,
            Err(e) => {
                store.read_only = Some(e.to_string());
                return store;
            }
        }
        match store.refresh(article) {
            // Found by its anchors: the header learns the new hash and path now, so that
            // a move followed by an edit (or the reverse) still finds the file next time.
            // Failing to is harmless: it is retried with the next change.
            Ok(false) => _ = store.change(article, |_| Ok(())),
            Ok(true) => {}
            Err(e) => store.read_only = Some(e.to_string()),
        }
        store
    }

    /// The notes file (it may not exist yet).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why notes cannot be changed, as a message for the status line; `None` when they can.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Attached notes in text order, then detached ones (`range == None`).
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    pub fn get(&self, id: &str) -> Option<&Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    /// Highlights `range` (bytes of `article.text()`) with `label` and an optional note text.
    pub fn add(
        &mut self,
        article: &Article,
        range: Range<usize>,
        label: &str,
        body: &str,
    ) -> Result<NoteId, NotesError> {
        let text = article.text();
        if range.start >= range.end
            || range.end > text.len()
            || !text.is_char_boundary(range.start)
            || !text.is_char_boundary(range.end)
        {
            return Err(NotesError::BadRange {
                start: range.start,
                end: range.end,
            });
        }
        let note = Note::new(new_id(), label, body, text, range);
        let id = note.id.clone();
        // Known here, so the save does not have to search for it; taken back if it fails.
        self.notes.push(note.clone());
        let saved = self.change(article, move |file| {
            file.notes.push(note);
            Ok(())
        });
        if saved.is_err() {
            self.notes.retain(|n| n.id != id);
        }
        saved.map(|()| id)
    }

    /// Replaces the text of note `id`.
    pub fn edit(&mut self, article: &Article, id: &str, body: &str) -> Result<(), NotesError> {
        self.update(article, id, |n| n.body = body.to_string())
    }

    /// Changes the highlight label of note `id`.
    pub fn set_label(
        &mut self,
        article: &Article,
        id: &str,
        label: &str,
    ) -> Result<(), NotesError> {
        self.update(article, id, |n| n.label = label.to_string())
    }

    /// Deletes note `id`; deleting a note already gone (in another window) is not an error.
    pub fn delete(&mut self, article: &Article, id: &str) -> Result<(), NotesError> {
        self.change(article, |file| {
            file.notes.retain(|n| n.id != id);
            Ok(())
        })
    }

    /// Adds notes from an import, skipping those already here: same id, or same quote, place
    /// and text (an annotation exported by another tool under another id). Returns how many
    /// were added.
    pub fn import(&mut self, article: &Article, notes: Vec<Note>) -> Result<usize, NotesError> {
        self.change(article, |file| {
            let mut added = 0;
            for note in notes {
                let duplicate = file.notes.iter().any(|n| {
                    n.id == note.id
                        || (n.anchor.exact == note.anchor.exact
                            && n.anchor.start == note.anchor.start
                            && n.body == note.body)
                });
                if !duplicate {
                    file.notes.push(note);
                    added += 1;
                }
            }
            Ok(added)
        })
    }

    /// Reads the file again (changes from another window). A file that now parses makes a
    /// read-only store writable again; one that does not makes it read-only.
    pub fn reload(&mut self, article: &Article) -> Result<(), NotesError> {
        self.refresh(article).map(|_| ())
    }

    /// [`Store::reload`], telling whether the file's header describes the article as it is.
    fn refresh(&mut self, article: &Article) -> Result<bool, NotesError> {
        match self.read()? {
            Ok(file) => {
                self.read_only = None;
                let current = file.hash == self.identity.hash
                    && file.title == self.identity.title
                    && file.source == self.identity.source
                    && file.url == self.identity.url;
                self.set_notes(article, file.notes);
                Ok(current)
            }
            Err(e) => {
                self.read_only = Some(e.to_string());
                Err(e)
            }
        }
    }

    fn update(
        &mut self,
        article: &Article,
        id: &str,
        f: impl FnOnce(&mut Note),
    ) -> Result<(), NotesError> {
        self.change(article, |file| {
            let note = file
                .notes
                .iter_mut()
                .find(|n| n.id == id)
                .ok_or_else(|| NotesError::NotFound { id: id.to_string() })?;
            f(note);
            note.updated = Utc::now();
            Ok(())
        })
    }

    /// The file as on disk: `Ok(Err)` when it exists but cannot be parsed, an empty file for
    /// this article when it does not exist. Parsed only when it is not the snapshot's text.
    fn read(&mut self) -> Result<Result<NotesFile, NotesError>, NotesError> {
        match fs::read_to_string(&self.path) {
            Ok(s) => {
                if let Some(snapshot) = self.snapshot.as_ref().filter(|p| p.text == s) {
                    return Ok(Ok(snapshot.file.clone()));
                }
                let file = parse_file(&s).map_err(|e| NotesError::Corrupt {
                    path: self.path.clone(),
                    message: e.message,
                });
                self.snapshot = file.as_ref().ok().map(|file| Snapshot {
                    text: s,
                    file: file.clone(),
                    tables: Vec::new(),
                });
                Ok(file)
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Ok(NotesFile {
                version: FORMAT_VERSION,
                title: self.identity.title.clone(),
                source: self.identity.source.clone(),
                url: self.identity.url.clone(),
                hash: self.identity.hash.clone(),
                notes: Vec::new(),
            })),
            Err(e) if e.kind() == io::ErrorKind::InvalidData => Ok(Err(NotesError::Corrupt {
                path: self.path.clone(),
                message: "not UTF-8".to_string(),
            })),
            Err(error) => Err(NotesError::Io {
                path: self.path.clone(),
                error,
            }),
        }
    }

    /// One transaction: lock, read the file as it is now, apply `op`, write, unlock.
    fn change<T>(
        &mut self,
        article: &Article,
        op: impl FnOnce(&mut NotesFile) -> Result<T, NotesError>,
    ) -> Result<T, NotesError> {
        if let Some(reason) = &self.read_only {
            return Err(NotesError::ReadOnly {
                path: self.path.clone(),
                reason: reason.clone(),
            });
        }
        let io_err = |path: &Path| {
            let path = path.to_path_buf();
            move |error| NotesError::Io { path, error }
        };
        let dir = self.path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir).map_err(io_err(dir))?;
        let _lock = lock(&self.path.with_extension("toml.lock"))?;
        let mut file = match self.read()? {
            Ok(file) => file,
            Err(e) => {
                self.read_only = Some(e.to_string());
                return Err(e);
            }
        };
        let out = op(&mut file)?;
        // The header follows the article as it is now, so the next lookup by hash succeeds.
        file.title = self.identity.title.clone();
        file.source = self.identity.source.clone();
        file.url = self.identity.url.clone();
        file.hash = self.identity.hash.clone();
        // Taken: its tables move into the new one (a failed write leaves none, and the next
        // change parses the file again).
        let previous = self.snapshot.take();
        let (text, tables) = to_toml(&file, previous).map_err(|e| NotesError::Io {
            path: self.path.clone(),
            error: io::Error::other(e),
        })?;
        durable::write_atomic(&self.path, text.as_bytes()).map_err(io_err(&self.path))?;
        let mut stored = file.clone();
        for note in &mut stored.notes {
            note.range = None;
        }
        self.snapshot = Some(Snapshot {
            text,
            file: stored,
            tables,
        });
        self.set_notes(article, file.notes);
        Ok(out)
    }

    /// Replaces the notes, resolving anchors against the article. Notes whose anchor is
    /// unchanged keep the range they had, or stay detached, so a save after one edit does not
    /// re-anchor a thousand notes, nor search the whole text again for a detached one.
    fn set_notes(&mut self, article: &Article, notes: Vec<Note>) {
        let known: HashMap<&str, &Note> = self.notes.iter().map(|n| (n.id.as_str(), n)).collect();
        let mut unresolved = Vec::new();
        let mut notes: Vec<Note> = notes
            .into_iter()
            .enumerate()
            .map(|(i, mut n)| {
                match known.get(n.id.as_str()).filter(|k| k.anchor == n.anchor) {
                    Some(k) => n.range = k.range.clone(),
                    None => unresolved.push(i),
                }
                n
            })
            .collect();
        drop(known);
        if !unresolved.is_empty() {
            let anchors: Vec<&Anchor> = unresolved.iter().map(|&i| &notes[i].anchor).collect();
            let ranges = resolve_all(article.text(), &anchors);
            for (i, r) in unresolved.into_iter().zip(ranges) {
                notes[i].range = r;
            }
        }
        notes.sort_by_key(|n| match &n.range {
            Some(r) => (0, r.start, r.end),
            None => (1, n.anchor.start, n.anchor.end),
        });
        self.notes = notes;
    }
}

/// How a notes file was recognised as the article's, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    /// Same title, the file's recorded source gone (moved and edited at once) or neither read
    /// from a file, and its notes still anchor in this text.
    TitleAndAnchors,
    /// Same source path: the file edited in place (its notes may all be detached now, and are
    /// listed so, not lost).
    Source,
    /// Same content hash (also a file that cannot be parsed, by the hash in its name).
    Hash,
}

/// The notes file for `identity` in `dir`: the file with the article's content hash, else the
/// one of the same source path (the article edited in place), else one of the same title whose
/// recorded source is gone (or neither has one) and whose notes still anchor in `text`. Never by title alone: two different articles with one title
/// (a copy edited apart, two agency stories headed alike) keep their own notes. A file that
/// cannot be parsed still counts when its name carries the hash, so that it is reported
/// instead of silently replaced.
fn find(dir: &Path, identity: &Identity, text: &str) -> Result<Option<PathBuf>, NotesError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => {
            return Err(NotesError::Io {
                path: dir.to_path_buf(),
                error,
            });
        }
    };
    let mut best: Option<(Match, PathBuf)> = None;
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(stem) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".toml"))
        else {
            continue;
        };
        let content = fs::read_to_string(&path).ok();
        let found = match content.as_deref().and_then(header) {
            Some(h) if h.hash == identity.hash => Some(Match::Hash),
            Some(h) => {
                // The same file, or the same page from the web (a new copy of it).
                let same_source = (h.source.is_some() && h.source == identity.source)
                    || (h.url.is_some() && h.url == identity.url);
                // Moved away from the recorded source, or never read from a file (standard
                // input, the sample) on either side.
                let moved = !h.title.is_empty()
                    && h.title == identity.title
                    && match (&h.source, &identity.source) {
                        (Some(s), _) => !Path::new(s).exists(),
                        (None, source) => source.is_none(),
                    };
                if same_source {
                    Some(Match::Source)
                } else if moved && content.as_deref().is_some_and(|c| anchors_hold(c, text)) {
                    Some(Match::TitleAndAnchors)
                } else {
                    None
                }
            }
            None => stem
                .ends_with(&format!("-{}", &identity.hash[..12]))
                .then_some(Match::Hash),
        };
        let Some(found) = found else { continue };
        // Ties go to the smallest name, so every process picks the same file.
        if best
            .as_ref()
            .is_none_or(|(m, p)| found > *m || (found == *m && path < *p))
        {
            best = Some((found, path));
        }
    }
    Ok(best.map(|(_, p)| p))
}

/// Whether the notes of the file `content` still belong in `text`: at least one, and at least
/// half of them, re-anchor there. An edited article keeps most of its passages; another
/// article that happens to share a title or a path keeps none of them.
fn anchors_hold(content: &str, text: &str) -> bool {
    let Ok(file) = parse_file(content) else {
        return false;
    };
    let anchors: Vec<&Note> = file.notes.iter().collect();
    if anchors.is_empty() {
        return false;
    }
    let found = resolve_all(text, &anchors.iter().map(|n| &n.anchor).collect::<Vec<_>>())
        .iter()
        .filter(|r| r.is_some())
        .count();
    found > 0 && found * 2 >= anchors.len()
}

/// The identity fields of a notes file, read from the part before the notes so that looking
/// through a folder of large files stays cheap; `None` when the file cannot be parsed.
fn header(s: &str) -> Option<NotesFile> {
    let head = s.find("\n[[notes]]").map_or(s, |i| &s[..i]);
    parse_file(head).ok().or_else(|| parse_file(s).ok())
}

/// Takes the lock on `path` (see [`durable::lock`]).
fn lock(path: &Path) -> Result<durable::Lock, NotesError> {
    durable::lock(path, durable::LOCK_TIMEOUT).map_err(|e| match e {
        LockError::Timeout { path } => NotesError::Locked { path },
        LockError::Io { path, error } => NotesError::Io { path, error },
    })
}

/// A note id unique across processes: time, process id and a counter.
fn new_id() -> NoteId {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = Utc::now().timestamp_nanos_opt().unwrap_or_default();
    format!(
        "{nanos:x}-{:x}-{:x}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::LoadOptions;

    fn article(text: &str) -> Article {
        Article::parse(text, "t.txt", LoadOptions::default()).unwrap()
    }

    #[test]
    fn slug_is_short_and_plain() {
        assert_eq!(
            slug("NATO Resumes Dialogue, with Russia!"),
            "nato-resumes-dialogue-with-russia"
        );
        assert_eq!(slug("  "), "untitled");
    }

    fn note(id: &str, body: &str) -> Note {
        let at = chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default();
        Note {
            id: id.to_string(),
            label: "yellow".to_string(),
            body: body.to_string(),
            created: at,
            updated: at,
            anchor: Anchor::new("a quoted \"passage\" here", 2..17),
            range: None,
        }
    }

    /// The file put together from the header and one table per note is the file TOML writes,
    /// before and after a change that reuses the tables of the notes it left alone.
    #[test]
    fn composed_file_is_what_toml_writes() {
        let mut file = NotesFile {
            version: FORMAT_VERSION,
            title: "T \"q\"".to_string(),
            source: Some("/x/a.txt".to_string()),
            url: None,
            hash: "ab".to_string(),
            notes: Vec::new(),
        };
        let (text, tables) = to_toml(&file, None).unwrap();
        assert_eq!(text, toml::to_string(&file).unwrap());
        assert!(tables.is_empty());
        file.notes = vec![note("a", "one\ntwo"), note("b", ""), note("c", "three")];
        let (text, tables) = to_toml(&file, None).unwrap();
        assert_eq!(text, toml::to_string(&file).unwrap());
        assert_eq!(parse_file(&text).unwrap(), file);
        let previous = Snapshot {
            text,
            file: file.clone(),
            tables,
        };
        file.notes[1].body = "changed".to_string();
        file.notes.remove(0);
        file.notes.push(note("d", "new"));
        let (text, _) = to_toml(&file, Some(previous)).unwrap();
        assert_eq!(text, toml::to_string(&file).unwrap());
    }

    #[test]
    fn add_edit_label_delete_reload() {
        let dir = tempfile::tempdir().unwrap();
        let a = article("Title\n\nThe first sentence here. The second sentence there.");
        let mut s = Store::open(dir.path(), &a);
        let b = a.text().find("The second").unwrap();
        let id = s.add(&a, b..b + 19, "green", "why").unwrap();
        s.edit(&a, &id, "because").unwrap();
        s.set_label(&a, &id, "blue").unwrap();
        let s2 = Store::open(dir.path(), &a);
        let n = &s2.notes()[0];
        assert_eq!((n.body.as_str(), n.label.as_str()), ("because", "blue"));
        assert_eq!(n.range, Some(b..b + 19));
        s.delete(&a, &id).unwrap();
        let mut s2 = s2;
        s2.reload(&a).unwrap();
        assert!(s2.notes().is_empty());
        assert!(matches!(
            s.add(&a, 3..3, "y", ""),
            Err(NotesError::BadRange { .. })
        ));
        assert!(matches!(
            s.edit(&a, &id, "x"),
            Err(NotesError::NotFound { .. })
        ));
    }
}
