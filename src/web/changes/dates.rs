//! Dates matched across two versions: the same words in order, or words one paragraph's own
//! diff replaced one by the other.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::paragraphs::body_blocks;
use super::{Change, DateChange, DateSide, Passage};
use crate::analysis::{self, Analysis};
use crate::source::Article;

/// The dates added, removed and changed. The same words in the same order are the same date
/// (changed only if they now resolve to another day). Where the words differ, an old date and a
/// new one are one date changed only when they sit in the same place of one paragraph: blocks
/// that correspond (`went`, from [`paragraphs`]) and words the paragraph's own word diff
/// replaced one by the other (`on March 3` rewritten `last month`). Any other pair is one date
/// taken out and an unrelated one put in elsewhere, and is said so.
pub(super) fn dates(
    old: &Article,
    old_analysis: &Analysis,
    new: &Article,
    new_analysis: &Analysis,
    went: &[Option<usize>],
) -> Vec<DateChange> {
    let (ot, nt) = (old.text(), new.text());
    let side = |text: &str, t: &analysis::dates::Timex| DateSide {
        expression: Passage::of(text, t.range.clone()),
        value: t.value.clone(),
    };
    let key = |text: &str, t: &analysis::dates::Timex| text[t.range.clone()].to_lowercase();
    let ok: Vec<String> = old_analysis.timexes.iter().map(|t| key(ot, t)).collect();
    let nk: Vec<String> = new_analysis.timexes.iter().map(|t| key(nt, t)).collect();
    let (otx, ntx) = (&old_analysis.timexes, &new_analysis.timexes);
    let (ob, nb) = (body_blocks(old), body_blocks(new));
    let block_of = |blocks: &[Range<usize>], at: usize| blocks.iter().position(|b| b.contains(&at));
    let mut out = Vec::new();
    let changed = |i: usize, j: usize| DateChange {
        change: Change::Changed,
        old: Some(side(ot, &otx[i])),
        new: Some(side(nt, &ntx[j])),
    };
    let removed = |i: usize| DateChange {
        change: Change::Removed,
        old: Some(side(ot, &otx[i])),
        new: None,
    };
    let added = |j: usize| DateChange {
        change: Change::Added,
        old: None,
        new: Some(side(nt, &ntx[j])),
    };
    for op in capture_diff_slices(Algorithm::Patience, &ok, &nk) {
        match op {
            // The same words may resolve to another day: the article's date changed.
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => out.extend(
                (0..len)
                    .filter(|k| otx[old_index + k].value != ntx[new_index + k].value)
                    .map(|k| changed(old_index + k, new_index + k)),
            ),
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
                let mut taken = vec![false; new_len];
                for (i, old_date) in otx.iter().enumerate().skip(old_index).take(old_len) {
                    let o = &old_date.range;
                    let pair = block_of(&ob, o.start).and_then(|bo| {
                        let bn = went.get(bo).copied().flatten()?;
                        let spots = replaced_spots(ot, ob[bo].clone(), nt, nb[bn].clone());
                        (0..new_len).find(|&k| {
                            let n = &ntx[new_index + k].range;
                            !taken[k]
                                && nb[bn].contains(&n.start)
                                && spots
                                    .iter()
                                    .any(|(so, sn)| overlaps(so, o) && overlaps(sn, n))
                        })
                    });
                    match pair {
                        Some(k) => {
                            taken[k] = true;
                            out.push(changed(i, new_index + k));
                        }
                        None => out.push(removed(i)),
                    }
                }
                out.extend(
                    (0..new_len)
                        .filter(|&k| !taken[k])
                        .map(|k| added(new_index + k)),
                );
            }
        }
    }
    out
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The places where the word diff of one paragraph (`old_block` of `old`, rewritten as
/// `new_block` of `new`) replaced words by others: pairs of byte ranges, the old words' and
/// the new words' (insertions and deletions alone are not replacements, and are left out).
fn replaced_spots(
    old: &str,
    old_block: Range<usize>,
    new: &str,
    new_block: Range<usize>,
) -> Vec<(Range<usize>, Range<usize>)> {
    let words = |text: &str, block: Range<usize>| -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text[block.clone()].char_indices() {
            match (c.is_whitespace(), start) {
                (false, None) => start = Some(i),
                (true, Some(s)) => {
                    out.push(block.start + s..block.start + i);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push(block.start + s..block.end);
        }
        out
    };
    let (ow, nw) = (words(old, old_block), words(new, new_block));
    let os: Vec<&str> = ow.iter().map(|r| &old[r.clone()]).collect();
    let ns: Vec<&str> = nw.iter().map(|r| &new[r.clone()]).collect();
    capture_diff_slices(Algorithm::Patience, &os, &ns)
        .into_iter()
        .filter_map(|op| match op {
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => Some((
                ow[old_index].start..ow[old_index + old_len - 1].end,
                nw[new_index].start..nw[new_index + new_len - 1].end,
            )),
            _ => None,
        })
        .collect()
}
