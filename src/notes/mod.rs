//! Highlights and notes, anchored to passages so that they survive edits of the article.
//!
//! Headless: the store reads and writes one TOML file per article, the anchoring is pure, and
//! the export functions return strings. The TUI calls [`Store`] and draws [`Store::notes`].

mod anchor;
mod export;
mod store;

use std::ops::Range;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use anchor::{CONTEXT_CHARS, TextIndex, max_errors, resolve_all};
pub use export::{from_json, to_json, to_markdown};
pub use store::{FORMAT_VERSION, Store, content_hash, counts};

/// A stable identifier of a note, unique across processes.
pub type NoteId = String;

/// The label a note gets when none is given (import of a foreign annotation).
pub const DEFAULT_LABEL: &str = "yellow";

/// Where a note points, in the W3C Web Annotation model: the exact text with some context, and
/// its char position when it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    /// Char offsets into the article text when the note was made.
    pub start: usize,
    pub end: usize,
}

/// A highlight, with or without a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: NoteId,
    /// Highlight colour label (`yellow`, `green`…), one of the configured labels.
    pub label: String,
    /// The note's text; empty for a plain highlight.
    #[serde(default)]
    pub body: String,
    pub created: DateTime<Utc>,
    /// Last change of body or label.
    pub updated: DateTime<Utc>,
    pub anchor: Anchor,
    /// Where the anchor was found in the current text; `None` when it is detached. Never
    /// stored: it depends on the text the file is opened with.
    #[serde(skip)]
    pub range: Option<Range<usize>>,
}

impl Note {
    /// A new note on `range` of `text` (a byte range on char boundaries), made now, anchored
    /// to that passage and found there.
    pub fn new(id: NoteId, label: &str, body: &str, text: &str, range: Range<usize>) -> Note {
        let now = Utc::now();
        Note {
            id,
            label: label.to_string(),
            body: body.to_string(),
            created: now,
            updated: now,
            anchor: Anchor::new(text, range.clone()),
            range: Some(range),
        }
    }
}

/// The content of a notes file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotesFile {
    /// [`FORMAT_VERSION`]; a newer number means a newer lectern wrote it, and it is not touched.
    pub version: u32,
    /// Title of the article, to find the file again after the article moved.
    pub title: String,
    /// Where the article was last read from, to find the file again after it was edited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The address of a page from the web, whose kept copies change path with each fetch.
    /// Files written before it was recorded simply lack it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// SHA-256 of the article text (hex), to find the file after a move and a rename.
    pub hash: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

/// Why a notes file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{message}")]
pub struct ParseError {
    pub message: String,
}

/// Parses the text of a notes file and checks what the store relies on: a known version,
/// unique non-empty ids, non-empty quotes. Pure and total, so it can be fuzzed.
pub fn parse_file(text: &str) -> Result<NotesFile, ParseError> {
    let err = |message: String| ParseError { message };
    let file: NotesFile = toml::from_str(text).map_err(|e| err(e.to_string().trim().into()))?;
    if file.version != FORMAT_VERSION {
        return Err(err(format!(
            "version {} (this lectern reads version {FORMAT_VERSION})",
            file.version
        )));
    }
    let mut ids = std::collections::HashSet::new();
    for note in &file.notes {
        if note.id.is_empty() || !ids.insert(note.id.as_str()) {
            return Err(err(format!("empty or repeated note id {:?}", note.id)));
        }
        if note.anchor.exact.is_empty() || note.anchor.start > note.anchor.end {
            return Err(err(format!(
                "note {}: empty quote or bad position",
                note.id
            )));
        }
    }
    Ok(file)
}

/// What went wrong with notes, always naming the file involved.
#[derive(Debug, Error)]
pub enum NotesError {
    /// The reason is part of the message, not a `source()`: one line either way it is printed.
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error(
        "{}: not a valid notes file ({message}); it is left untouched and notes are read-only \
         until it is fixed or moved away",
        path.display()
    )]
    Corrupt { path: PathBuf, message: String },
    #[error("{}: notes are read-only ({reason})", path.display())]
    ReadOnly { path: PathBuf, reason: String },
    #[error("{}: locked by another lectern for too long; try again", path.display())]
    Locked { path: PathBuf },
    #[error("no note with id {id} (it may have been deleted in another window)")]
    NotFound { id: NoteId },
    #[error("cannot annotate bytes {start}..{end}: not a non-empty passage of the text")]
    BadRange { start: usize, end: usize },
    #[error("{}: not a Web Annotation export: {message}", path.display())]
    Import { path: PathBuf, message: String },
    #[error("no data directory for notes: set LECTERN_DATA")]
    NoDataDir,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parse_file_rejects_wrong_version_and_bad_notes() {
        let head = "version = 1\ntitle = \"T\"\nhash = \"ab\"\n";
        assert!(parse_file(head).unwrap().notes.is_empty());
        let e = parse_file("version = 9\ntitle = \"T\"\nhash = \"ab\"\n").unwrap_err();
        assert!(e.message.contains("version 9"), "{e}");
        let note = "[[notes]]\nid = \"a\"\nlabel = \"y\"\ncreated = \"2024-01-01T00:00:00Z\"\n\
                    updated = \"2024-01-01T00:00:00Z\"\n[notes.anchor]\nexact = \"\"\n\
                    prefix = \"\"\nsuffix = \"\"\nstart = 0\nend = 0\n";
        assert!(parse_file(&format!("{head}{note}")).is_err());
        assert!(parse_file("version = ").is_err());
    }

    proptest! {
        #[test]
        fn parse_file_never_panics(s in "\\PC{0,300}") {
            let _ = parse_file(&s);
        }

        #[test]
        fn parse_file_never_panics_on_near_valid(
            cut in 0usize..400,
            junk in "[\\[\\]=\"a-z0-9\\n ]{0,12}",
        ) {
            let valid = "version = 1\ntitle = \"T\"\nhash = \"ab\"\n[[notes]]\nid = \"a\"\n\
                         label = \"y\"\ncreated = \"2024-01-01T00:00:00Z\"\n\
                         updated = \"2024-01-01T00:00:00Z\"\n[notes.anchor]\nexact = \"x\"\n\
                         prefix = \"\"\nsuffix = \"\"\nstart = 0\nend = 1\n";
            let cut = cut.min(valid.len());
            let _ = parse_file(&format!("{}{junk}{}", &valid[..cut], &valid[cut..]));
        }
    }
}
