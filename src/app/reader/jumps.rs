//! Moving between the analysis' findings: quotations (all, or one speaker's), incidents of the
//! timeline, and notes. Each move emphasises what it lands on and says where it is.

use super::Reader;
use crate::analysis::quotes::QuoteKind;
use crate::input::{Command, KeyMode};

impl Reader {
    /// The speech quotation whose marks contain `at`.
    pub fn quote_at(&self, at: usize) -> Option<usize> {
        let quotes = &self.analysis.quotes.quotes;
        let i = quotes.partition_point(|q| q.outer.start <= at);
        (0..i)
            .rev()
            .take(4)
            .find(|&k| quotes[k].outer.contains(&at) && quotes[k].kind == QuoteKind::Speech)
    }

    pub(super) fn next_quote(&mut self, forward: bool, same_speaker: bool) {
        let quotes = &self.analysis.quotes.quotes;
        let speaker = if same_speaker {
            let current = self
                .quote_at(self.cursor)
                .and_then(|q| quotes[q].speaker)
                .or(self.speaker);
            match current {
                Some(s) => Some(s),
                None => {
                    self.message = Some(format!(
                        "no speaker chosen: move to a quotation ({}) or pick one ({})",
                        self.config
                            .keymap
                            .keys_for(KeyMode::Normal, Command::NextQuote),
                        self.config
                            .keymap
                            .keys_for(KeyMode::Normal, Command::PickSpeaker)
                    ));
                    return;
                }
            }
        } else {
            None
        };
        let candidates: Vec<usize> = (0..quotes.len())
            .filter(|&i| quotes[i].kind == QuoteKind::Speech)
            .filter(|&i| speaker.is_none() || quotes[i].speaker == speaker)
            .collect();
        if candidates.is_empty() {
            self.message = Some("no quotations in this article".into());
            return;
        }
        let at = self.cursor;
        let pos = candidates.partition_point(|&i| quotes[i].range.start <= at);
        let (k, wrapped) = if forward {
            if pos == candidates.len() {
                (0, true)
            } else {
                (pos, false)
            }
        } else {
            let before = candidates.partition_point(|&i| quotes[i].range.start < at);
            if before == 0 {
                (candidates.len() - 1, true)
            } else {
                (before - 1, false)
            }
        };
        let q = candidates[k];
        let who = quotes[q]
            .speaker
            .map_or("unknown speaker".to_string(), |s| {
                self.analysis.quotes.speakers[s].name.clone()
            });
        if let Some(s) = quotes[q].speaker {
            self.speaker = Some(s);
        }
        let range = quotes[q].range.clone();
        self.jump(range);
        self.panel.follow_quote(q, &self.analysis);
        let n = candidates.len();
        self.message = Some(if wrapped {
            format!("{who}: wrapped round to {} of {n}", k + 1)
        } else {
            format!("{who}: quotation {} of {n}", k + 1)
        });
    }

    /// Jumps to the quotation number `q` (from the panel or the picker).
    pub(crate) fn jump_to_quote(&mut self, q: usize) {
        if let Some(quote) = self.analysis.quotes.quotes.get(q) {
            let range = quote.range.clone();
            self.speaker = quote.speaker.or(self.speaker);
            self.jump(range);
        }
    }

    /// The next (or previous) dated incident in the text from the cursor, whichever pane has
    /// the focus: like `]` for quotations, it counts from where the reader is, not from the
    /// timeline's selection.
    pub(super) fn next_incident(&mut self, forward: bool) {
        let n = self.analysis.timeline.len();
        if n == 0 {
            self.message = Some("no dated incidents in this article".into());
            return;
        }
        // Incidents in text order: by where their date is written.
        let at_of = |i: usize| {
            let inc = &self.analysis.timeline[i];
            self.analysis
                .timexes
                .get(inc.timex)
                .map_or(inc.sentence.start, |t| t.range.start)
        };
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| (at_of(i), i));
        let at = self.cursor;
        let (k, wrapped) = step_from(&order, at_of, at, forward);
        let i = order[k];
        self.jump_to_incident(i);
        let label = &self.analysis.timeline[i].label;
        self.message = Some(format!(
            "date {} of {n} in the text{}: {label}",
            k + 1,
            if wrapped { " (wrapped round)" } else { "" }
        ));
    }

    pub(crate) fn jump_to_incident(&mut self, i: usize) {
        if let Some(inc) = self.analysis.timeline.get(i) {
            self.panel.timeline = Some(i);
            let timex = self
                .analysis
                .timexes
                .get(inc.timex)
                .map(|t| t.range.clone());
            let sentence = inc.sentence.clone();
            self.jump(sentence.clone());
            // The sentence is the target; the cursor sits on its date.
            if let Some(t) = timex {
                self.cursor = t.start;
                self.reveal_cursor();
            }
        }
    }

    pub(super) fn next_note(&mut self, forward: bool) {
        let attached: Vec<usize> = (0..self.notes.len())
            .filter(|&i| self.notes[i].range.is_some())
            .collect();
        if attached.is_empty() {
            self.message = Some("no notes on this article".into());
            return;
        }
        let at = self.cursor;
        let start = |i: usize| self.notes[i].range.as_ref().map_or(0, |r| r.start);
        let (k, wrapped) = step_from(&attached, start, at, forward);
        self.jump_to_note(attached[k]);
        let n = attached.len();
        self.message = Some(format!(
            "note {} of {n}{}",
            k + 1,
            if wrapped { " (wrapped round)" } else { "" }
        ));
    }

    pub(crate) fn jump_to_note(&mut self, i: usize) {
        match self.notes.get(i).map(|n| n.range.clone()) {
            Some(Some(r)) => {
                self.panel.notes = i;
                self.jump(r);
            }
            Some(None) => {
                self.panel.notes = i;
                self.message =
                    Some("this note is detached: its passage is no longer in the article".into());
            }
            None => {}
        }
    }

    /// The attached note whose passage contains `at` (the innermost, latest).
    pub fn note_at(&self, at: usize) -> Option<usize> {
        self.notes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.range.as_ref().is_some_and(|r| r.contains(&at)))
            .min_by_key(|(_, n)| n.range.as_ref().map_or(usize::MAX, |r| r.len()))
            .map(|(i, _)| i)
    }
}

/// The position in `order` (sorted by `at_of`) of the next item after `at` going forward, or
/// the last one before it going back, and whether that wrapped round the end.
fn step_from(
    order: &[usize],
    at_of: impl Fn(usize) -> usize,
    at: usize,
    forward: bool,
) -> (usize, bool) {
    if forward {
        let p = order.partition_point(|&i| at_of(i) <= at);
        if p == order.len() {
            (0, true)
        } else {
            (p, false)
        }
    } else {
        let p = order.partition_point(|&i| at_of(i) < at);
        if p == 0 {
            (order.len() - 1, true)
        } else {
            (p - 1, false)
        }
    }
}
