//! Quotations matched across two versions: the same words wherever they moved, else the most
//! similar, and whether the wording or the speaker changed.

use std::ops::Range;

use super::paragraphs::{similarity, word_edits};
use super::{Change, Passage, QuotationChange, QuotationSide, WordEdit};
use crate::analysis::{self, Analysis, quotes::QuoteKind};
use crate::source::Article;

/// Quotations at least this similar are one quotation reworded (a word changed, a clause cut);
/// below it they are different quotations.
const SAME_QUOTATION: f32 = 0.6;

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

pub(super) fn quotations(
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
