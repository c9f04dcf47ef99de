//! Paragraphs added, removed and rewritten: a Patience diff over the paragraph texts, and
//! within a rewritten paragraph the runs of words replaced.

use std::ops::Range;

use similar::{Algorithm, ChangeTag, DiffOp, TextDiff, capture_diff_slices};

use super::{Change, ParagraphChange, Passage, WordEdit};
use crate::source::{Article, BlockKind};

/// Paragraphs at least this similar (share of words in common, 0 to 1) are one paragraph
/// edited; below it, one removed and another added. Half: an edit that keeps half the words
/// is a revision of the paragraph, less is a new paragraph in its place.
const SAME_PARAGRAPH: f32 = 0.5;

/// How many paragraphs ahead a rewritten paragraph is looked for among those replaced. A
/// paragraph moved farther and edited too is reported removed and added; the bound keeps a
/// wholesale rewrite of a long article from comparing every paragraph with every other.
const LOOKAHEAD: usize = 12;

pub(super) fn body_blocks(article: &Article) -> Vec<Range<usize>> {
    article
        .blocks()
        .iter()
        .filter(|b| b.kind != BlockKind::Title)
        .map(|b| b.range.clone())
        .collect()
}

/// Word-level similarity of two texts, 0 (nothing shared) to 1 (the same words).
pub(super) fn similarity(a: &str, b: &str) -> f32 {
    TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_words(a, b)
        .ratio()
}

/// The paragraphs added, removed and rewritten, and where each old body block went in the new
/// version (by index into [`body_blocks`]): the same paragraph, or the one it was rewritten
/// into; `None` when it was removed.
pub(super) fn paragraphs(
    old: &Article,
    new: &Article,
) -> (Vec<ParagraphChange>, Vec<Option<usize>>) {
    let (ot, nt) = (old.text(), new.text());
    let ob = body_blocks(old);
    let nb = body_blocks(new);
    let mut went = vec![None; ob.len()];
    let otexts: Vec<&str> = ob.iter().map(|r| ot[r.clone()].trim()).collect();
    let ntexts: Vec<&str> = nb.iter().map(|r| nt[r.clone()].trim()).collect();
    let mut out = Vec::new();
    let removed = |i: usize| ParagraphChange {
        change: Change::Removed,
        old: Some(Passage::of(ot, ob[i].clone())),
        new: None,
        edits: Vec::new(),
    };
    let added = |j: usize| ParagraphChange {
        change: Change::Added,
        old: None,
        new: Some(Passage::of(nt, nb[j].clone())),
        edits: Vec::new(),
    };
    for op in capture_diff_slices(Algorithm::Patience, &otexts, &ntexts) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    went[old_index + k] = Some(new_index + k);
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => out.extend((old_index..old_index + old_len).map(removed)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => out.extend((new_index..new_index + new_len).map(added)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                // Pair each old paragraph with the next new one close enough to be it edited;
                // the rest were removed or added.
                let mut j = new_index;
                for i in old_index..old_index + old_len {
                    let found = (j..(new_index + new_len).min(j + LOOKAHEAD))
                        .find(|&k| similarity(otexts[i], ntexts[k]) >= SAME_PARAGRAPH);
                    match found {
                        Some(k) => {
                            went[i] = Some(k);
                            out.extend((j..k).map(added));
                            out.push(ParagraphChange {
                                change: Change::Changed,
                                old: Some(Passage::of(ot, ob[i].clone())),
                                new: Some(Passage::of(nt, nb[k].clone())),
                                edits: word_edits(otexts[i], ntexts[k]),
                            });
                            j = k + 1;
                        }
                        None => out.push(removed(i)),
                    }
                }
                out.extend((j..new_index + new_len).map(added));
            }
        }
    }
    (out, went)
}

/// The runs of words replaced between two versions of a paragraph.
pub(super) fn word_edits(old: &str, new: &str) -> Vec<WordEdit> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_words(old, new);
    let mut edits: Vec<WordEdit> = Vec::new();
    let mut open = false;
    for change in diff.iter_all_changes() {
        let value = change.value();
        match change.tag() {
            ChangeTag::Equal => open = false,
            tag => {
                if !open {
                    edits.push(WordEdit {
                        old: String::new(),
                        new: String::new(),
                    });
                    open = true;
                }
                if let Some(edit) = edits.last_mut() {
                    if tag == ChangeTag::Delete {
                        edit.old.push_str(value);
                    } else {
                        edit.new.push_str(value);
                    }
                }
            }
        }
    }
    for e in &mut edits {
        e.old = e.old.trim().to_string();
        e.new = e.new.trim().to_string();
    }
    edits.retain(|e| !(e.old.is_empty() && e.new.is_empty()));
    edits
}
