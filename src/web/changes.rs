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
use similar::{Algorithm, ChangeTag, DiffOp, TextDiff, capture_diff_slices};

use crate::analysis::{self, Analysis, quotes::QuoteKind};
use crate::notes::{Note, TextIndex, resolve_all};
use crate::source::{Article, BlockKind};

/// Paragraphs at least this similar (share of words in common, 0 to 1) are one paragraph
/// edited; below it, one removed and another added. Half: an edit that keeps half the words
/// is a revision of the paragraph, less is a new paragraph in its place.
const SAME_PARAGRAPH: f32 = 0.5;

/// How many paragraphs ahead a rewritten paragraph is looked for among those replaced. A
/// paragraph moved farther and edited too is reported removed and added; the bound keeps a
/// wholesale rewrite of a long article from comparing every paragraph with every other.
const LOOKAHEAD: usize = 12;

/// Quotations at least this similar are one quotation reworded (a word changed, a clause cut);
/// below it they are different quotations.
const SAME_QUOTATION: f32 = 0.6;

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
    let (paragraphs, went) = paragraphs(old, new);
    Changes {
        paragraphs,
        quotations: quotations(old, old_analysis, new, new_analysis),
        dates: dates(old, old_analysis, new, new_analysis, &went),
        notes: notes_changed(new, notes),
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

fn body_blocks(article: &Article) -> Vec<Range<usize>> {
    article
        .blocks()
        .iter()
        .filter(|b| b.kind != BlockKind::Title)
        .map(|b| b.range.clone())
        .collect()
}

/// Word-level similarity of two texts, 0 (nothing shared) to 1 (the same words).
fn similarity(a: &str, b: &str) -> f32 {
    TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_words(a, b)
        .ratio()
}

/// The paragraphs added, removed and rewritten, and where each old body block went in the new
/// version (by index into [`body_blocks`]): the same paragraph, or the one it was rewritten
/// into; `None` when it was removed.
fn paragraphs(old: &Article, new: &Article) -> (Vec<ParagraphChange>, Vec<Option<usize>>) {
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

/// Whether two quotations are one quotation worded differently (as two outlets report the
/// same words, or one outlet after an edit), and if so the words that differ (empty when the
/// wording is the same but for spacing). For grouping quotations across articles.
pub fn same_quotation(a: &str, b: &str) -> Option<Vec<WordEdit>> {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (a, b) = (squash(a), squash(b));
    if a == b {
        return Some(Vec::new());
    }
    (similarity(&a, &b) >= SAME_QUOTATION).then(|| word_edits(&a, &b))
}

/// The runs of words replaced between two versions of a paragraph.
fn word_edits(old: &str, new: &str) -> Vec<WordEdit> {
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

/// The speech quotations of one version, with their speakers' names.
struct Said<'a> {
    range: Range<usize>,
    words: String,
    speaker: Option<&'a analysis::quotes::Speaker>,
}

fn said<'a>(text: &str, analysis: &'a Analysis) -> Vec<Said<'a>> {
    let q = &analysis.quotes;
    q.quotes
        .iter()
        .filter(|quote| quote.kind == QuoteKind::Speech)
        .map(|quote| Said {
            range: quote.range.clone(),
            words: text[quote.range.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            speaker: quote.speaker.and_then(|s| q.speakers.get(s)),
        })
        .collect()
}

/// Whether two versions name the same speaker: one of the names the old version uses for it is
/// one the new version uses (a later edit may give the full name first: `Lavrov` and
/// `Sergei Lavrov`).
fn same_speaker(
    a: Option<&analysis::quotes::Speaker>,
    b: Option<&analysis::quotes::Speaker>,
) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            let names = |s: &analysis::quotes::Speaker| {
                std::iter::once(s.name.to_lowercase())
                    .chain(s.aliases.iter().map(|n| n.to_lowercase()))
                    .collect::<Vec<_>>()
            };
            let bn = names(b);
            names(a).iter().any(|n| bn.contains(n))
        }
        _ => false,
    }
}

fn quotations(
    old: &Article,
    old_analysis: &Analysis,
    new: &Article,
    new_analysis: &Analysis,
) -> Vec<QuotationChange> {
    let (ot, nt) = (old.text(), new.text());
    let olds = said(ot, old_analysis);
    let news = said(nt, new_analysis);
    let side = |text: &str, s: &Said| QuotationSide {
        quote: Passage::of(text, s.range.clone()),
        speaker: s.speaker.map(|sp| sp.name.clone()),
    };
    // Same words first (wherever they moved), then the most similar of the rest.
    let mut new_of_old: Vec<Option<usize>> = vec![None; olds.len()];
    let mut taken = vec![false; news.len()];
    for (i, o) in olds.iter().enumerate() {
        if let Some(j) = (0..news.len()).find(|&j| !taken[j] && news[j].words == o.words) {
            new_of_old[i] = Some(j);
            taken[j] = true;
        }
    }
    for (i, o) in olds.iter().enumerate() {
        if new_of_old[i].is_some() {
            continue;
        }
        let best = (0..news.len())
            .filter(|&j| !taken[j])
            .map(|j| (j, similarity(&o.words, &news[j].words)))
            .filter(|&(_, s)| s >= SAME_QUOTATION)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((j, _)) = best {
            new_of_old[i] = Some(j);
            taken[j] = true;
        }
    }
    let mut out: Vec<(usize, QuotationChange)> = Vec::new();
    for (i, o) in olds.iter().enumerate() {
        match new_of_old[i] {
            Some(j) => {
                let n = &news[j];
                let wording_changed = n.words != o.words;
                let speaker_changed = !same_speaker(o.speaker, n.speaker);
                if wording_changed || speaker_changed {
                    out.push((
                        n.range.start,
                        QuotationChange {
                            change: Change::Changed,
                            wording_changed,
                            speaker_changed,
                            old: Some(side(ot, o)),
                            new: Some(side(nt, n)),
                        },
                    ));
                }
            }
            None => out.push((
                // Where it was, for the order: the new text has no place for it.
                nt.len().min(o.range.start),
                QuotationChange {
                    change: Change::Removed,
                    wording_changed: false,
                    speaker_changed: false,
                    old: Some(side(ot, o)),
                    new: None,
                },
            )),
        }
    }
    for (n, _) in news.iter().zip(&taken).filter(|(_, taken)| !**taken) {
        out.push((
            n.range.start,
            QuotationChange {
                change: Change::Added,
                wording_changed: false,
                speaker_changed: false,
                old: None,
                new: Some(side(nt, n)),
            },
        ));
    }
    out.sort_by_key(|(at, _)| *at);
    out.into_iter().map(|(_, c)| c).collect()
}

/// The dates added, removed and changed. The same words in the same order are the same date
/// (changed only if they now resolve to another day). Where the words differ, an old date and a
/// new one are one date changed only when they sit in the same place of one paragraph: blocks
/// that correspond (`went`, from [`paragraphs`]) and words the paragraph's own word diff
/// replaced one by the other (`on March 3` rewritten `last month`). Any other pair is one date
/// taken out and an unrelated one put in elsewhere, and is said so.
fn dates(
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

/// The notes whose passage is not, word for word, in the new version: found approximately
/// (edited) or not at all (detached). The anchoring is the notes' own, as when the article is
/// opened, so what this reports is what the reader will see.
fn notes_changed(new: &Article, notes: &[Note]) -> Vec<NoteChange> {
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

/// Where byte `at` of the `old` version is in the `new` one: the passage that starts there,
/// found again as a note's is (its words and context, then the closest fuzzy match). When that
/// passage is gone, the next ones are tried, so a reader whose top line was cut lands where the
/// text goes on. `None` when nothing after `at` survived.
pub fn carry(old: &str, new: &str, at: usize) -> Option<usize> {
    /// Bytes of text a probe describes, and how far apart the probes are.
    const PROBE: usize = 60;
    const STEP: usize = 240;
    const PROBES: usize = 8;
    let boundary = |mut i: usize| {
        i = i.min(old.len());
        while !old.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    let mut start = boundary(at);
    for _ in 0..PROBES {
        // Skip the blank between paragraphs: a probe of whitespace matches anywhere.
        start += old[start..].len() - old[start..].trim_start().len();
        if start >= old.len() {
            return None;
        }
        let end = boundary(start + PROBE);
        let anchor = crate::notes::Anchor::new(old, start..end);
        if let Some(Some(found)) = crate::notes::resolve_all(new, &[&anchor]).first() {
            // A later probe found text past `at`: the reader lands as far before it as `at`
            // was, but not before its paragraph (what was between may be what was cut), so
            // that the text going on is read from where it goes on, not from mid-paragraph.
            let paragraph = new[..found.start].rfind("\n\n").map_or(0, |i| i + 2);
            let mut back = found
                .start
                .saturating_sub(start - at.min(start))
                .max(paragraph);
            while !new.is_char_boundary(back) {
                back += 1;
            }
            return Some(back);
        }
        start = boundary(start + STEP);
    }
    None
}

impl Changes {
    /// One line for the status bar: `unchanged`, or how many paragraphs, quotations and notes
    /// changed.
    pub fn summary(&self) -> String {
        if self.is_empty() {
            return "unchanged".into();
        }
        format!(
            "changed: {} paragraphs, {} quotations, {} notes",
            self.paragraphs.len(),
            self.quotations.len(),
            self.notes.len()
        )
    }

    /// The full report as plain lines, for the reader's changes pane and `lectern --refresh`:
    /// a heading per kind of change, then one entry per change, its first line marked `+`
    /// (added), `-` (removed), `~` (changed), `!` (a note detached), its details indented.
    pub fn report(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.is_empty() {
            out.push("No differences in the text.".into());
            return out;
        }
        let quoted = |s: &str| format!("\u{201c}{}\u{201d}", s.trim());
        if !self.quotations.is_empty() {
            out.push(format!("Quotations ({})", self.quotations.len()));
            for q in &self.quotations {
                let who = |side: &Option<QuotationSide>| {
                    side.as_ref()
                        .and_then(|s| s.speaker.clone())
                        .unwrap_or_else(|| "unattributed".into())
                };
                match (&q.old, &q.new) {
                    (Some(old), Some(new)) => {
                        let what = match (q.wording_changed, q.speaker_changed) {
                            (true, true) => "wording and speaker changed",
                            (false, true) => "speaker changed",
                            _ => "wording changed",
                        };
                        out.push(format!("~ {what}: {}", quoted(&new.quote.text)));
                        if q.wording_changed {
                            out.push(format!("    was {}", quoted(&old.quote.text)));
                        }
                        if q.speaker_changed {
                            out.push(format!(
                                "    speaker: {} \u{2192} {}",
                                who(&q.old),
                                who(&q.new)
                            ));
                        } else {
                            out.push(format!("    said by {}", who(&q.new)));
                        }
                    }
                    (None, Some(new)) => {
                        out.push(format!("+ added: {}", quoted(&new.quote.text)));
                        out.push(format!("    said by {}", who(&q.new)));
                    }
                    (Some(old), None) => {
                        out.push(format!("- removed: {}", quoted(&old.quote.text)));
                        out.push(format!("    said by {}", who(&q.old)));
                    }
                    (None, None) => {}
                }
            }
        }
        if !self.paragraphs.is_empty() {
            out.push(format!("Paragraphs ({})", self.paragraphs.len()));
            for p in &self.paragraphs {
                match (&p.old, &p.new) {
                    (_, Some(new)) if p.change == Change::Added => {
                        out.push(format!("+ added: {}", new.text.trim()));
                    }
                    (Some(old), _) if p.change == Change::Removed => {
                        out.push(format!("- removed: {}", old.text.trim()));
                    }
                    (_, Some(new)) => {
                        out.push(format!("~ rewritten: {}", new.text.trim()));
                        for e in &p.edits {
                            out.push(match (e.old.is_empty(), e.new.is_empty()) {
                                (true, _) => format!("    + {}", quoted(&e.new)),
                                (_, true) => format!("    - {}", quoted(&e.old)),
                                _ => format!("    {} \u{2192} {}", quoted(&e.old), quoted(&e.new)),
                            });
                        }
                    }
                    (Some(old), None) => out.push(format!("- removed: {}", old.text.trim())),
                    (None, None) => {}
                }
            }
        }
        if !self.dates.is_empty() {
            out.push(format!("Dates ({})", self.dates.len()));
            for d in &self.dates {
                let side = |s: &DateSide| format!("{} ({})", quoted(&s.expression.text), s.value);
                out.push(match (&d.old, &d.new) {
                    (Some(old), Some(new)) => {
                        format!("~ {} \u{2192} {}", side(old), side(new))
                    }
                    (None, Some(new)) => format!("+ added: {}", side(new)),
                    (Some(old), None) => format!("- removed: {}", side(old)),
                    (None, None) => continue,
                });
            }
        }
        if !self.notes.is_empty() {
            out.push(format!("Notes ({})", self.notes.len()));
            for n in &self.notes {
                match &n.now {
                    Some(now) => {
                        out.push(format!("~ re-anchored: {}", quoted(&now.text)));
                        out.push(format!("    was {}", quoted(&n.was)));
                    }
                    None => out.push(format!("! detached: {}", quoted(&n.was))),
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{LoadOptions, from_bytes};

    fn article(text: &str) -> Article {
        from_bytes(text.as_bytes(), "test", LoadOptions::default()).unwrap()
    }

    #[test]
    fn paragraphs_added_removed_and_edited() {
        let old = article(
            "Title\n\nThe council met on Monday to discuss the budget for next year.\n\n\
             A second paragraph that will be removed entirely from the story.\n\n\
             The last paragraph stays exactly as it was.",
        );
        let new = article(
            "Title\n\nThe council met on Tuesday to discuss the budget for next year.\n\n\
             The last paragraph stays exactly as it was.\n\n\
             An update added at the end with wholly new words.",
        );
        let changes = compare(&old, &new, &[]);
        let kinds: Vec<Change> = changes.paragraphs.iter().map(|p| p.change).collect();
        assert_eq!(kinds, [Change::Changed, Change::Removed, Change::Added]);
        let edited = &changes.paragraphs[0];
        assert_eq!(
            edited.edits,
            [WordEdit {
                old: "Monday".into(),
                new: "Tuesday".into()
            }]
        );
        let new_range = edited.new.as_ref().unwrap().range.clone();
        assert!(new.text()[new_range].contains("Tuesday"));
        assert!(compare(&old, &old, &[]).is_empty());
    }

    #[test]
    fn a_reworded_quotation_and_a_changed_speaker_are_told_apart() {
        let old = article(
            "Talks\n\n\"We will not accept these terms under any circumstances,\" said Anna Berg, \
             the foreign minister.\n\n\"The door remains open,\" said Peter Holm, a spokesman.",
        );
        let new = article(
            "Talks\n\n\"We cannot accept these terms under the present circumstances,\" said \
             Anna Berg, the foreign minister.\n\n\"The door remains open,\" said Maria Lund, \
             a spokeswoman.",
        );
        let changes = compare(&old, &new, &[]);
        assert_eq!(changes.quotations.len(), 2, "{:#?}", changes.quotations);
        let reworded = &changes.quotations[0];
        assert!(reworded.wording_changed && !reworded.speaker_changed);
        assert_eq!(
            reworded.new.as_ref().unwrap().speaker.as_deref(),
            Some("Anna Berg")
        );
        let respoken = &changes.quotations[1];
        assert!(!respoken.wording_changed && respoken.speaker_changed);
        assert_eq!(
            (
                respoken.old.as_ref().unwrap().speaker.as_deref(),
                respoken.new.as_ref().unwrap().speaker.as_deref()
            ),
            (Some("Peter Holm"), Some("Maria Lund"))
        );
    }

    #[test]
    fn one_quotation_in_two_wordings() {
        assert_eq!(
            same_quotation(
                "We will  not accept these terms",
                "We will not accept these terms"
            ),
            Some(vec![])
        );
        assert_eq!(
            same_quotation(
                "We will not accept these terms at any price",
                "We won't accept these terms at any price"
            ),
            Some(vec![WordEdit {
                old: "will not".into(),
                new: "won't".into()
            }])
        );
        assert_eq!(
            same_quotation("We will not accept these terms", "The door remains open"),
            None
        );
    }

    #[test]
    fn dates_that_changed_are_paired() {
        let old =
            article("Vote\n\nThe vote was held on March 3, 2024. Results came on March 5, 2024.");
        let new =
            article("Vote\n\nThe vote was held on March 4, 2024. Results came on March 5, 2024.");
        let changes = compare(&old, &new, &[]);
        assert_eq!(changes.dates.len(), 1, "{:#?}", changes.dates);
        let d = &changes.dates[0];
        assert_eq!(d.change, Change::Changed);
        assert_eq!(d.old.as_ref().unwrap().value, "2024-03-03");
        assert_eq!(d.new.as_ref().unwrap().value, "2024-03-04");
    }

    #[test]
    fn dates_in_unrelated_places_are_removed_and_added_not_paired() {
        // A sentence with a relative date cut, another with an exact date added elsewhere:
        // nothing says the one became the other.
        let old = article(
            "Vote\n\nThe mayor proposed the plan last month.\n\n\
             The council debated it for hours.",
        );
        let new = article(
            "Vote\n\nThe mayor proposed the plan.\n\n\
             The council debated it for hours.\n\n\
             A final vote is set for March 4, 2024.",
        );
        let changes = compare(&old, &new, &[]);
        let kinds: Vec<Change> = changes.dates.iter().map(|d| d.change).collect();
        assert_eq!(
            kinds,
            [Change::Removed, Change::Added],
            "{:#?}",
            changes.dates
        );

        // The same date rewritten in its own sentence is one date changed.
        let old = article("Vote\n\nThe mayor proposed the plan last month, aides said.");
        let new = article("Vote\n\nThe mayor proposed the plan on March 4, 2024, aides said.");
        let changes = compare(&old, &new, &[]);
        let kinds: Vec<Change> = changes.dates.iter().map(|d| d.change).collect();
        assert_eq!(kinds, [Change::Changed], "{:#?}", changes.dates);
    }

    fn note_on(article: &Article, passage: &str, id: &str) -> Note {
        let start = article.text().find(passage).unwrap();
        Note::new(
            id.into(),
            "yellow",
            "",
            article.text(),
            start..start + passage.len(),
        )
    }

    #[test]
    fn notes_on_edited_and_deleted_passages_are_reported_and_others_not() {
        let old = article(
            "Report\n\nThe bridge will close for repairs in the spring of next year. \
             Engineers found cracks in two of its main supports last month. \
             Traffic will be diverted through the town centre.",
        );
        let new = article(
            "Report\n\nThe bridge will close for repairs in the summer of next year. \
             Traffic will be diverted through the town centre.",
        );
        let notes = [
            note_on(
                &old,
                "The bridge will close for repairs in the spring of next year.",
                "edited",
            ),
            note_on(
                &old,
                "Engineers found cracks in two of its main supports last month.",
                "deleted",
            ),
            note_on(&old, "Traffic will be diverted", "kept"),
        ];
        let changes = compare(&old, &new, &notes);
        let by_id = |id: &str| changes.notes.iter().find(|n| n.id == id);
        let edited = by_id("edited").expect("the edited passage is reported");
        assert!(edited.now.as_ref().unwrap().text.contains("summer"));
        assert_eq!(by_id("deleted").unwrap().now, None);
        assert!(by_id("kept").is_none());
        // And the JSON names the kinds in words.
        let json = serde_json::to_value(&changes).unwrap();
        assert_eq!(json["paragraphs"][0]["change"], "changed");
    }

    #[test]
    fn the_report_names_each_change_in_words() {
        let old = article(
            "Talks\n\n\"The door remains open,\" said Peter Holm, a spokesman. Engineers \
             found cracks in two of its main supports last month.\n\nThe vote was held on \
             March 3, 2024.",
        );
        let new = article(
            "Talks\n\n\"The door remains open,\" said Maria Lund, a spokeswoman.\n\nThe vote \
             was held on March 4, 2024.",
        );
        let notes = [note_on(
            &old,
            "Engineers found cracks in two of its main supports last month.",
            "gone",
        )];
        let changes = compare(&old, &new, &notes);
        let report = changes.report().join("\n");
        assert!(
            report.contains("~ speaker changed: \u{201c}The door remains open,\u{201d}"),
            "{report}"
        );
        assert!(
            report.contains("speaker: Peter Holm \u{2192} Maria Lund"),
            "{report}"
        );
        assert!(
            report.contains("\u{201c}March 3, 2024\u{201d} (2024-03-03)"),
            "{report}"
        );
        assert!(
            report.contains("! detached: \u{201c}Engineers found"),
            "{report}"
        );
        assert!(
            changes.summary().starts_with("changed: 2 paragraphs"),
            "{report}"
        );
        assert_eq!(compare(&old, &old, &[]).summary(), "unchanged");
        assert_eq!(compare(&old, &old, &[]).report().len(), 1);
    }

    #[test]
    fn a_position_is_carried_to_the_new_version() {
        let old = "Title\n\nA first paragraph that the editor rewrote entirely.\n\n\
                   The second paragraph stays exactly as it was written before.\n\n\
                   A third one, kept too.";
        let new = "Title\n\nA new opening.\n\n\
                   The second paragraph stays exactly as it was written before.\n\n\
                   A third one, kept too.";
        let second = old.find("The second").unwrap();
        assert_eq!(carry(old, new, second), new.find("The second"));
        // A cut passage: the reader lands where the text goes on.
        let closing = "The closing paragraph was kept word for word by the second edition, \
                       and it runs on for a while so that the reader has somewhere to land \
                       after the passage that the editor took out of the middle of the story, \
                       which is where the probes past the cut find it again.";
        let old_cut =
            format!("{old}\n\nA paragraph the second edition cut out of the story.\n\n{closing}");
        let new_cut = format!("{new}\n\n{closing}");
        let cut = old_cut.find("A paragraph the second").unwrap();
        assert_eq!(carry(&old_cut, &new_cut, cut), new_cut.find(closing));
        // Cut with nothing after it: nowhere to land.
        let old_end = format!("{old}\n\nA paragraph the second edition cut out of the story.");
        let end = old_end.find("A paragraph the second").unwrap();
        assert_eq!(carry(&old_end, new, end), None);
        let third = old.find("A third").unwrap();
        assert_eq!(carry(old, new, third), new.find("A third"));
    }

    #[test]
    fn the_json_counts_chars() {
        let old = article("Café\n\nLe café a fermé le lundi, a dit le maire aux habitants.");
        let new = article("Café\n\nLe café a fermé le mardi, a dit le maire aux habitants.");
        let json = to_json(&old, &new).unwrap();
        let change = &json["paragraphs"][0];
        let (start, end) = (
            change["new"]["range"]["start"].as_u64().unwrap() as usize,
            change["new"]["range"]["end"].as_u64().unwrap() as usize,
        );
        let text: String = new.text().chars().skip(start).take(end - start).collect();
        assert_eq!(text, change["new"]["text"].as_str().unwrap());
        // In bytes the range ends three further on: an é (two bytes) three times before it.
        let bytes = compare(&old, &new, &[]).paragraphs[0]
            .new
            .clone()
            .unwrap()
            .range;
        assert_eq!(bytes.end, end + 3);
    }
}
