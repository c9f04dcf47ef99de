//! What changed between two versions of an article.
//!
//! News sites edit stories after publication, often silently; for a close reader a changed
//! quotation or a changed date is news in itself, and a note on a sentence that was rewritten
//! must say so rather than point at the wrong words. The comparison works on what lectern
//! already knows of each version: its blocks (paragraphs added, removed, rewritten: `similar`'s
//! Patience diff over the paragraph texts), its analysis (quotations matched by wording and
//! speaker, dates matched in text order) and the notes' anchors (re-resolved with the notes'
//! own anchoring against the new text). Every position is a byte range into the text of the
//! version it names; the whole [`Changes`] serialises for `lectern extract --diff OLD NEW`.

use std::ops::Range;

use serde::Serialize;

use crate::analysis::{self, Analysis};
use crate::notes::{Note, TextIndex};
use crate::source::Article;

mod carry;
mod dates;
mod notes;
mod paragraphs;
mod quotations;
mod report;

pub use carry::carry;
pub use quotations::same_quotation;

/// Everything that differs between two versions, in the new version's order within each list.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Changes {
    pub paragraphs: Vec<ParagraphChange>,
    pub quotations: Vec<QuotationChange>,
    pub dates: Vec<DateChange>,
    /// Only notes whose passage is no longer as it was.
    pub notes: Vec<NoteChange>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
            && self.quotations.is_empty()
            && self.dates.is_empty()
            && self.notes.is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Added,
    Removed,
    Changed,
}

/// A passage of one version: where it is and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Passage {
    pub range: Range<usize>,
    pub text: String,
}

impl Passage {
    fn of(text: &str, range: Range<usize>) -> Self {
        Passage {
            text: text[range.clone()].to_string(),
            range,
        }
    }
}

/// A block (paragraph, heading, list item) added, removed or rewritten.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParagraphChange {
    pub change: Change,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Passage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Passage>,
    /// For a rewritten paragraph, the words taken out and put in, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<WordEdit>,
}

/// One run of words replaced: `old` empty for an insertion, `new` empty for a deletion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordEdit {
    pub old: String,
    pub new: String,
}

/// A quotation (someone's words) whose wording or speaker differs, or that appears in only one
/// version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotationChange {
    pub change: Change,
    pub wording_changed: bool,
    pub speaker_changed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<QuotationSide>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<QuotationSide>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuotationSide {
    pub quote: Passage,
    /// The speaker's name as that version gives it; `None` when unattributed.
    pub speaker: Option<String>,
}

/// A date expression whose wording or resolved value differs, or that appears in only one
/// version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateChange {
    pub change: Change,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<DateSide>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<DateSide>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateSide {
    pub expression: Passage,
    /// The TIMEX3 value (`2024-03-05`, `XXXX-04-20`…).
    pub value: String,
}

/// A note whose passage was edited (found again, approximately) or is gone (detached).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteChange {
    pub id: String,
    /// The passage the note was made on.
    pub was: String,
    /// Where the note is now, `None` when it is detached.
    pub now: Option<Passage>,
}

/// Compares two versions of an article; `notes` are those made on `old` (their anchors say
/// what they were on).
pub fn compare(old: &Article, new: &Article, notes: &[Note]) -> Changes {
    compare_analysed(
        old,
        &analysis::analyze(old),
        new,
        &analysis::analyze(new),
        notes,
    )
}

/// [`compare`] with the analyses already at hand (the reader has the old one).
pub fn compare_analysed(
    old: &Article,
    old_analysis: &Analysis,
    new: &Article,
    new_analysis: &Analysis,
    notes: &[Note],
) -> Changes {
    let (paragraphs, went) = paragraphs::paragraphs(old, new);
    Changes {
        paragraphs,
        quotations: quotations::quotations(old, old_analysis, new, new_analysis),
        dates: dates::dates(old, old_analysis, new, new_analysis, &went),
        notes: notes::notes_changed(new, notes),
    }
}

/// The comparison as JSON, for `lectern extract --diff OLD NEW`: ranges in **chars**, as
/// every offset `lectern extract` prints (a byte offset means nothing to a script in another
/// language).
///
/// # Errors
/// Only if serde_json fails to represent the changes (plain strings and numbers), which it
/// does not.
pub fn to_json(old: &Article, new: &Article) -> Result<serde_json::Value, serde_json::Error> {
    let changes = compare(old, new, &[]).in_chars(old.text(), new.text());
    serde_json::to_value(changes)
}

impl Changes {
    /// The same changes with every range in char offsets instead of bytes; `old` and `new` are
    /// the texts compared.
    pub fn in_chars(mut self, old: &str, new: &str) -> Self {
        let (oi, ni) = (TextIndex::new(old), TextIndex::new(new));
        let chars = |idx: &TextIndex, p: &mut Passage| {
            p.range = idx.char_of(p.range.start)..idx.char_of(p.range.end);
        };
        for p in &mut self.paragraphs {
            p.old.iter_mut().for_each(|x| chars(&oi, x));
            p.new.iter_mut().for_each(|x| chars(&ni, x));
        }
        for q in &mut self.quotations {
            q.old.iter_mut().for_each(|x| chars(&oi, &mut x.quote));
            q.new.iter_mut().for_each(|x| chars(&ni, &mut x.quote));
        }
        for d in &mut self.dates {
            d.old.iter_mut().for_each(|x| chars(&oi, &mut x.expression));
            d.new.iter_mut().for_each(|x| chars(&ni, &mut x.expression));
        }
        for n in &mut self.notes {
            n.now.iter_mut().for_each(|x| chars(&ni, x));
        }
        self
    }
}

#[cfg(test)]
mod tests;
