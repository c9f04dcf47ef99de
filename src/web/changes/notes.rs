//! Notes whose passage the new version no longer has word for word.

use super::{NoteChange, Passage};
use crate::notes::{Note, resolve_all};
use crate::source::Article;

/// The notes whose passage is not, word for word, in the new version: found approximately
/// (edited) or not at all (detached). The anchoring is the notes' own, as when the article is
/// opened, so what this reports is what the reader will see.
pub(super) fn notes_changed(new: &Article, notes: &[Note]) -> Vec<NoteChange> {
    let text = new.text();
    let anchors: Vec<_> = notes.iter().map(|n| &n.anchor).collect();
    let found = resolve_all(text, &anchors);
    notes
        .iter()
        .zip(found)
        .filter_map(|(note, range)| {
            let now = range.map(|r| Passage::of(text, r));
            let unchanged = now.as_ref().is_some_and(|p| p.text == note.anchor.exact);
            (!unchanged).then(|| NoteChange {
                id: note.id.clone(),
                was: note.anchor.exact.clone(),
                now,
            })
        })
        .collect()
}
