//! The side panel's state: which tab shows, what is selected and expanded in each.
//!
//! Rows are computed from the analysis and the notes on demand (they are short lists), so the
//! state is just indices and can never point at an entry that no longer exists for long:
//! [`Panel::clamp`] runs whenever the notes change.

use std::collections::BTreeSet;

use crate::analysis::Analysis;
use crate::analysis::quotes::{QuoteKind, SpeakerKind};
use crate::input::ReaderCommand as Command;
use crate::notes::Note;

use super::Reader;

/// The panel's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Quotes,
    Timeline,
    Notes,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Quotes, Tab::Timeline, Tab::Notes];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Quotes => "Quotes",
            Tab::Timeline => "Timeline",
            Tab::Notes => "Notes",
        }
    }
}

/// How much of time the timeline strip spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zoom {
    /// The span where most incidents lie, the others counted at its edges: one mention of the
    /// 1st century must not squash a year of news into one column.
    #[default]
    Most,
    /// From the earliest incident to the latest.
    All,
}

impl Zoom {
    pub fn toggled(self) -> Zoom {
        match self {
            Zoom::Most => Zoom::All,
            Zoom::All => Zoom::Most,
        }
    }

    /// What the strip shows, for the status bar.
    pub fn describe(self) -> &'static str {
        match self {
            Zoom::Most => "timeline: the span where most incidents lie",
            Zoom::All => "timeline: all incidents",
        }
    }
}

/// The quotations of the quotes tab that are not under a named speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum QuoteGroup {
    /// Sources the article does not name (`a senior official`, `a spokesman`): one group, so
    /// that anonymous sourcing shows at a glance and never merges into a named person.
    Unnamed,
    /// Speech whose speaker the article does not say.
    Unknown,
}

/// What can be folded in the quotes tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fold {
    Speaker(usize),
    Group(QuoteGroup),
}

/// One row of the current tab's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelRow {
    /// A named speaker (index into the speakers).
    Speaker(usize),
    /// The heading of a group of quotations.
    Group(QuoteGroup),
    /// A quotation (index into the quotes).
    Quote(usize),
    /// An incident (index into the timeline).
    Incident(usize),
    /// A note (index into the notes).
    Note(usize),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Panel {
    pub open: bool,
    pub tab: Tab,
    /// Selected row of the quotes tab.
    pub quotes: usize,
    /// Speakers and groups whose quotations are folded away.
    pub collapsed: BTreeSet<Fold>,
    /// Selected incident.
    pub timeline: Option<usize>,
    /// The time span of the timeline strip.
    pub zoom: Zoom,
    /// Selected note.
    pub notes: usize,
}

/// The rows of the quotes tab: each named speaker followed by its quotations unless folded,
/// then the unnamed sources' quotations (text order) under one heading, then those with no
/// speaker.
pub fn quote_rows(analysis: &Analysis, collapsed: &BTreeSet<Fold>) -> Vec<PanelRow> {
    let q = &analysis.quotes;
    let mut rows = Vec::new();
    for (s, speaker) in q.speakers.iter().enumerate() {
        if speaker.kind == SpeakerKind::Unnamed {
            continue;
        }
        rows.push(PanelRow::Speaker(s));
        if !collapsed.contains(&Fold::Speaker(s)) {
            rows.extend(speaker.quotes.iter().map(|&i| PanelRow::Quote(i)));
        }
    }
    let speech = |i: &usize| q.quotes[*i].kind == QuoteKind::Speech;
    let unnamed: Vec<usize> = (0..q.quotes.len())
        .filter(speech)
        .filter(|&i| group_of(analysis, i) == Some(QuoteGroup::Unnamed))
        .collect();
    let unknown: Vec<usize> = (0..q.quotes.len())
        .filter(speech)
        .filter(|&i| group_of(analysis, i) == Some(QuoteGroup::Unknown))
        .collect();
    for (group, quotes) in [
        (QuoteGroup::Unnamed, unnamed),
        (QuoteGroup::Unknown, unknown),
    ] {
        if quotes.is_empty() {
            continue;
        }
        rows.push(PanelRow::Group(group));
        if !collapsed.contains(&Fold::Group(group)) {
            rows.extend(quotes.into_iter().map(PanelRow::Quote));
        }
    }
    rows
}

/// The group quotation `q` is listed under, if it is not under a named speaker.
pub fn group_of(analysis: &Analysis, q: usize) -> Option<QuoteGroup> {
    let quotes = &analysis.quotes;
    match quotes.quotes.get(q)?.speaker {
        None => Some(QuoteGroup::Unknown),
        Some(s) => {
            (quotes.speakers.get(s)?.kind == SpeakerKind::Unnamed).then_some(QuoteGroup::Unnamed)
        }
    }
}

/// The fold quotation `q` is listed under.
fn fold_of(analysis: &Analysis, q: usize) -> Option<Fold> {
    match group_of(analysis, q) {
        Some(g) => Some(Fold::Group(g)),
        None => analysis.quotes.quotes.get(q)?.speaker.map(Fold::Speaker),
    }
}

impl Panel {
    /// Number of rows in the current tab.
    pub fn len(&self, analysis: &Analysis, notes: &[Note]) -> usize {
        match self.tab {
            Tab::Quotes => quote_rows(analysis, &self.collapsed).len(),
            Tab::Timeline => analysis.timeline.len(),
            Tab::Notes => notes.len(),
        }
    }

    /// Index of the selected row in the current tab.
    pub fn selected(&self) -> usize {
        match self.tab {
            Tab::Quotes => self.quotes,
            Tab::Timeline => self.timeline.unwrap_or(0),
            Tab::Notes => self.notes,
        }
    }

    pub fn current(&self, analysis: &Analysis, notes: &[Note]) -> Option<PanelRow> {
        match self.tab {
            Tab::Quotes => quote_rows(analysis, &self.collapsed)
                .get(self.quotes)
                .copied(),
            Tab::Timeline => self
                .timeline
                .filter(|&i| i < analysis.timeline.len())
                .map(PanelRow::Incident),
            Tab::Notes => (self.notes < notes.len()).then_some(PanelRow::Note(self.notes)),
        }
    }

    /// Selects row `i` of the current tab.
    pub fn select(&mut self, i: usize) {
        match self.tab {
            Tab::Quotes => self.quotes = i,
            Tab::Timeline => self.timeline = Some(i),
            Tab::Notes => self.notes = i,
        }
    }

    /// Moves the selection by `delta` rows, staying inside the list.
    pub fn step(&mut self, delta: isize, analysis: &Analysis, notes: &[Note]) {
        let len = self.len(analysis, notes);
        if len == 0 {
            return;
        }
        let current = match self.tab {
            Tab::Timeline if self.timeline.is_none() => {
                self.timeline = Some(0);
                return;
            }
            _ => self.selected(),
        };
        let next = current.saturating_add_signed(delta).min(len - 1);
        self.select(next);
    }

    /// The mouse wheel over the panel.
    pub fn scroll(&mut self, down: bool, analysis: &Analysis, notes: &[Note]) {
        self.step(if down { 3 } else { -3 }, analysis, notes);
    }

    /// Folds or unfolds the selected speaker or group.
    pub fn toggle_expand(&mut self, analysis: &Analysis) {
        if self.tab != Tab::Quotes {
            return;
        }
        let fold = match quote_rows(analysis, &self.collapsed).get(self.quotes) {
            Some(PanelRow::Speaker(s)) => Fold::Speaker(*s),
            Some(PanelRow::Group(g)) => Fold::Group(*g),
            _ => return,
        };
        if !self.collapsed.remove(&fold) {
            self.collapsed.insert(fold);
        }
    }

    /// Selects quotation `q` in the quotes tab (unfolding its speaker), so the panel follows
    /// jumps made from the reader.
    pub fn follow_quote(&mut self, q: usize, analysis: &Analysis) {
        if let Some(fold) = fold_of(analysis, q) {
            self.collapsed.remove(&fold);
        }
        if let Some(i) = quote_rows(analysis, &self.collapsed)
            .iter()
            .position(|r| *r == PanelRow::Quote(q))
        {
            self.quotes = i;
        }
    }

    /// The row index shown at line `row` of a list area `height` rows tall.
    pub fn entry_at_row(
        &self,
        row: usize,
        height: usize,
        analysis: &Analysis,
        notes: &[Note],
    ) -> Option<usize> {
        let offset = list_offset(self.selected(), height);
        let i = offset + row;
        (i < self.len(analysis, notes)).then_some(i)
    }

    /// Keeps selections inside their lists after the lists changed.
    pub fn clamp(&mut self, analysis: &Analysis, notes: &[Note]) {
        self.notes = self.notes.min(notes.len().saturating_sub(1));
        self.quotes = self.quotes.min(
            quote_rows(analysis, &self.collapsed)
                .len()
                .saturating_sub(1),
        );
        self.timeline = self
            .timeline
            .map(|i| i.min(analysis.timeline.len().saturating_sub(1)));
    }
}

/// First visible row of a list `height` rows tall so that `selected` is on screen. Pure, so the
/// drawing and the mouse agree without the view storing a scroll state.
pub fn list_offset(selected: usize, height: usize) -> usize {
    if height == 0 {
        return selected;
    }
    selected.saturating_sub(height - 1)
}

impl Reader {
    /// Navigation keys while the panel has focus; returns false for keys the panel leaves to
    /// the reader.
    pub(super) fn panel_command(&mut self, c: Command) -> bool {
        match c {
            Command::ScrollDown => self.panel.step(1, &self.analysis, &self.notes),
            Command::ScrollUp => self.panel.step(-1, &self.analysis, &self.notes),
            Command::PageDown | Command::HalfPageDown => {
                self.panel.step(10, &self.analysis, &self.notes)
            }
            Command::PageUp | Command::HalfPageUp => {
                self.panel.step(-10, &self.analysis, &self.notes)
            }
            Command::Top => self.panel.step(isize::MIN / 2, &self.analysis, &self.notes),
            Command::Bottom => self.panel.step(isize::MAX / 2, &self.analysis, &self.notes),
            Command::Activate => {
                // A speaker folds here; a group's heading folds in `activate_panel_entry`
                // (as a click does), and folding it twice would leave it as it was.
                if matches!(
                    self.panel.current(&self.analysis, &self.notes),
                    Some(PanelRow::Speaker(_))
                ) {
                    self.panel.toggle_expand(&self.analysis);
                }
                self.activate_panel_entry();
                return true;
            }
            _ => return false,
        }
        self.preview_panel_entry();
        true
    }

    /// Moving through the panel moves the reader along, like a preview.
    pub(super) fn preview_panel_entry(&mut self) {
        match self.panel.current(&self.analysis, &self.notes) {
            Some(PanelRow::Quote(q)) => self.jump_to_quote(q),
            Some(PanelRow::Incident(i)) => self.jump_to_incident(i),
            Some(PanelRow::Note(i)) => self.jump_to_note(i),
            Some(PanelRow::Speaker(s)) => self.speaker = Some(s),
            Some(PanelRow::Group(_)) | None => {}
        }
    }

    pub(super) fn activate_panel_entry(&mut self) {
        match self.panel.current(&self.analysis, &self.notes) {
            Some(PanelRow::Speaker(s)) => {
                self.speaker = Some(s);
                let first = self
                    .analysis
                    .quotes
                    .speakers
                    .get(s)
                    .and_then(|sp| sp.quotes.first().copied());
                if let Some(q) = first {
                    self.jump_to_quote(q);
                }
            }
            Some(PanelRow::Group(_)) => self.panel.toggle_expand(&self.analysis),
            _ => self.preview_panel_entry(),
        }
    }
}
