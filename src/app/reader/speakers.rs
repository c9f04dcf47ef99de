//! The speaker picker: a modal list of the article's speakers, narrowed as the user types;
//! choosing one jumps to their first quotation and makes them the speaker that
//! `next_by_speaker` cycles through.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Reader;
use crate::analysis::Analysis;
use crate::app::Outcome;
use crate::input::{Command, KeyMode, PromptCommand};

/// The picker's filter and selected row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerPicker {
    filter: String,
    selected: usize,
}

impl SpeakerPicker {
    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// The selected row of [`SpeakerPicker::speakers`].
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The speakers the filter leaves, most quoted first.
    pub fn speakers(&self, analysis: &Analysis) -> Vec<usize> {
        filter_speakers(analysis, &self.filter)
    }

    /// Typing narrows the list; `command` is what the prompt's key table (`[keys.prompt]`)
    /// makes of `key`: `picker_down`/`picker_up` move, `accept` chooses the selected speaker,
    /// `cancel` closes.
    pub fn key(
        &mut self,
        key: KeyEvent,
        command: Option<PromptCommand>,
        analysis: &Analysis,
    ) -> Outcome<usize> {
        match command {
            Some(PromptCommand::Cancel) => return Outcome::Closed,
            Some(PromptCommand::Accept) => {
                return match self.speakers(analysis).get(self.selected) {
                    Some(&s) => Outcome::Event(s),
                    None => Outcome::Stay,
                };
            }
            Some(PromptCommand::PickerDown) => self.selected = self.selected.saturating_add(1),
            Some(PromptCommand::PickerUp) => self.selected = self.selected.saturating_sub(1),
            Some(PromptCommand::ClearInput) => {
                self.filter.clear();
                self.selected = 0;
            }
            None => match key.code {
                KeyCode::Backspace => {
                    self.filter.pop();
                    self.selected = 0;
                }
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                    self.filter.push(c);
                    self.selected = 0;
                }
                _ => {}
            },
        }
        let n = self.speakers(analysis).len();
        self.selected = self.selected.min(n.saturating_sub(1));
        Outcome::Stay
    }
}

/// Speakers whose name, alias or role contains `filter` (case-insensitive), most quoted first.
pub fn filter_speakers(analysis: &Analysis, filter: &str) -> Vec<usize> {
    let needle = filter.to_lowercase();
    let speakers = &analysis.quotes.speakers;
    let mut out: Vec<usize> = (0..speakers.len())
        .filter(|&i| {
            let s = &speakers[i];
            needle.is_empty()
                || s.name.to_lowercase().contains(&needle)
                || s.aliases.iter().any(|a| a.to_lowercase().contains(&needle))
                || s.role
                    .as_ref()
                    .is_some_and(|r| r.to_lowercase().contains(&needle))
        })
        .collect();
    out.sort_by_key(|&i| std::cmp::Reverse(speakers[i].quotes.len()));
    out
}

impl Reader {
    /// Makes speaker `s` the one `next_by_speaker` follows and shows their first quotation.
    pub(super) fn pick_speaker(&mut self, s: usize) {
        self.mode = super::Mode::Reading;
        self.speaker = Some(s);
        let first = self.analysis.quotes.speakers[s].quotes.first().copied();
        if let Some(q) = first {
            self.jump_to_quote(q);
            self.panel.follow_quote(q, &self.analysis);
        }
        let name = &self.analysis.quotes.speakers[s].name;
        let keys = self
            .config
            .keymap
            .keys_for(KeyMode::Normal, Command::NextBySpeaker);
        self.message = Some(format!("{name}: {keys} for the next quotation"));
    }
}
