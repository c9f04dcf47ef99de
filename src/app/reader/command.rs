//! The reader's commands: what each bound key does while no popup or prompt is open.

use super::motion;
use super::search::SearchPrompt;
use super::speakers::SpeakerPicker;
use super::{Focus, Mode, Reader, Search, Tab};
use crate::app::help::{Help, Quit};
use crate::app::{Effect, Outcome};
use crate::input::ReaderCommand as Command;

impl Reader {
    /// A bound command: the help overlay takes it when open; prompts and popups take keys, not
    /// commands; else the reader does what it names, if it means something here.
    pub(super) fn command(&mut self, c: crate::input::Command) -> Vec<Effect> {
        match &mut self.mode {
            Mode::Help(help) | Mode::Changes(help) => {
                match help.command(c) {
                    Outcome::Stay => {}
                    Outcome::Closed => self.mode = Mode::Reading,
                    Outcome::Event(Quit) => {
                        self.quit = true;
                        return vec![Effect::Quit];
                    }
                }
                return Vec::new();
            }
            Mode::Searching(_) | Mode::EditingNote(_) | Mode::PickingSpeaker(_) => {
                return Vec::new();
            }
            Mode::Reading | Mode::Visual { .. } => {}
        }
        // The library's own commands mean nothing here.
        match c.for_reader() {
            Some(c) => self.reader_command(c),
            None => Vec::new(),
        }
    }

    pub(super) fn reader_command(&mut self, c: Command) -> Vec<Effect> {
        if self.focus == Focus::Panel && self.panel.open && self.panel_command(c) {
            return Vec::new();
        }
        let page = self.viewport_rows().max(1) as isize;
        let text = self.article.text();
        match c {
            Command::ScrollDown => self.scroll_or_move(1),
            Command::ScrollUp => self.scroll_or_move(-1),
            Command::PageDown => self.scroll_by(page.saturating_sub(1).max(1)),
            Command::PageUp => self.scroll_by(-(page.saturating_sub(1).max(1))),
            Command::HalfPageDown => self.scroll_by((page / 2).max(1)),
            Command::HalfPageUp => self.scroll_by(-(page / 2).max(1)),
            Command::Top => {
                self.cursor = 0;
                self.scroll_to_row(0);
            }
            Command::Bottom => {
                self.scroll_to_row(usize::MAX);
                let last = self.layout.len().saturating_sub(1);
                self.cursor = self.row_start(last);
            }
            Command::Search => {
                self.mode = Mode::Searching(SearchPrompt::new(self.top));
            }
            Command::NextMatch => self.next_match(true),
            Command::PrevMatch => self.next_match(false),
            Command::Cancel => self.cancel(),
            Command::Quit => {
                self.quit = true;
                return vec![Effect::Quit];
            }
            Command::Help => {
                let mut help = Help::default();
                self.fit_help(&mut help);
                self.mode = Mode::Help(help);
            }
            Command::TogglePanel => {
                self.panel.open = !self.panel.open;
                if !self.panel.open {
                    self.focus = Focus::Reader;
                }
                self.relayout();
            }
            Command::QuotesPanel => self.open_tab(Tab::Quotes),
            Command::TimelinePanel => self.open_tab(Tab::Timeline),
            // With the timeline hidden, `z` shows it as it was; on it, switches the span.
            Command::TimelineZoom => {
                if self.panel.open && self.panel.tab == Tab::Timeline {
                    self.panel.zoom = self.panel.zoom.toggled();
                } else {
                    self.open_tab(Tab::Timeline);
                }
                self.message = Some(self.panel.zoom.describe().into());
            }
            Command::NotesPanel => self.open_tab(Tab::Notes),
            Command::FocusNext => {
                if self.panel.open {
                    self.focus = match self.focus {
                        Focus::Reader => Focus::Panel,
                        Focus::Panel => Focus::Reader,
                    };
                } else {
                    self.message = Some("no side panel open (press \\ or 1, 2, 3)".into());
                }
            }
            Command::Activate => {
                // On a passage with a note: the note in full, in its editor.
                if let Some(i) = self.note_at(self.cursor)
                    && !self.notes[i].body.is_empty()
                {
                    self.edit_note();
                } else if let Some(q) = self.quote_at(self.cursor) {
                    self.speaker = self.analysis.quotes.quotes[q].speaker;
                }
            }
            Command::NextQuote => self.next_quote(true, false),
            Command::PrevQuote => self.next_quote(false, false),
            Command::NextBySpeaker => self.next_quote(true, true),
            Command::PrevBySpeaker => self.next_quote(false, true),
            Command::PickSpeaker => {
                if self.analysis.quotes.speakers.is_empty() {
                    self.message = Some("no attributed quotations in this article".into());
                } else {
                    self.mode = Mode::PickingSpeaker(SpeakerPicker::default());
                }
            }
            Command::NextIncident => self.next_incident(true),
            Command::PrevIncident => self.next_incident(false),
            Command::NextNote => self.next_note(true),
            Command::PrevNote => self.next_note(false),
            Command::WordForward => self.move_cursor(motion::word_forward(text, self.cursor)),
            Command::WordBack => self.move_cursor(motion::word_back(text, self.cursor)),
            Command::SentenceForward => {
                let to = motion::next_start(&self.analysis.sentences, self.cursor, true);
                self.move_cursor(to.unwrap_or(self.cursor));
            }
            Command::SentenceBack => {
                let to = motion::next_start(&self.analysis.sentences, self.cursor, false);
                self.move_cursor(to.unwrap_or(self.cursor));
            }
            Command::ParagraphForward | Command::ParagraphBack => {
                let blocks = self.block_ranges();
                let to = motion::next_start(&blocks, self.cursor, c == Command::ParagraphForward);
                self.move_cursor(to.unwrap_or(self.cursor));
            }
            Command::Visual => {
                self.mode = match self.mode {
                    Mode::Visual { .. } => Mode::Reading,
                    _ => Mode::Visual {
                        anchor: self.cursor,
                    },
                }
            }
            Command::SelectSentence => {
                if let Some(r) = motion::containing(&self.analysis.sentences, self.cursor) {
                    self.select(r);
                }
            }
            Command::SelectParagraph => {
                let blocks = self.block_ranges();
                if let Some(r) = motion::containing(&blocks, self.cursor) {
                    self.select(r);
                }
            }
            Command::SelectQuote => match self.quote_at(self.cursor) {
                Some(q) => {
                    let r = self.analysis.quotes.quotes[q].range.clone();
                    self.select(r);
                }
                None => self.message = Some("no quotation under the cursor".into()),
            },
            Command::Highlight | Command::Annotate => return self.annotate(c == Command::Annotate),
            Command::CycleColour => return self.cycle_colour(),
            Command::EditNote => self.edit_note(),
            Command::DeleteNote => return self.delete_note(),
            Command::ExportNotes => return vec![Effect::ExportNotes],
            Command::Refresh => return vec![Effect::Refresh],
            Command::Changes => self.show_changes(),
        }
        Vec::new()
    }

    /// Tells the help overlay how far it scrolls on this screen.
    pub(super) fn fit_help(&self, help: &mut Help) {
        let screen = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let (max, rows) =
            crate::app::help::limits(&self.config.keymap, crate::app::help::READER, screen);
        help.fit(max, rows);
    }

    pub(super) fn cancel(&mut self) {
        if matches!(self.mode, Mode::Visual { .. }) {
            self.mode = Mode::Reading;
        } else if self.focus == Focus::Panel {
            self.focus = Focus::Reader;
        } else if !self.search.matches.is_empty() || self.target.is_some() || self.speaker.is_some()
        {
            self.search = Search::default();
            self.target = None;
            self.speaker = None;
        } else if self.panel.open {
            self.panel.open = false;
            self.relayout();
        }
    }

    pub(super) fn open_tab(&mut self, tab: Tab) {
        if self.panel.open && self.panel.tab == tab && self.focus == Focus::Panel {
            self.focus = Focus::Reader;
            return;
        }
        let was_open = self.panel.open;
        self.panel.open = true;
        self.panel.tab = tab;
        self.focus = Focus::Panel;
        if !was_open {
            self.relayout();
        }
    }
}
