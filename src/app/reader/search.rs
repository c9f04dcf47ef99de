//! Searching the text: the prompt (a modal that edits the query and reports what the reader
//! must do), the matches, and moving between them.

use std::ops::Range;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Mode, Reader};
use crate::app::Outcome;
use crate::input::PromptCommand;

/// The last search: its query and matches (byte ranges, text order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Range<usize>>,
    /// Index of the match the view was last moved to.
    pub current: Option<usize>,
}

/// The search prompt: the query being typed, and the view to return to on `Esc`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchPrompt {
    input: String,
    origin: usize,
}

/// What the prompt asks of the reader after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchEvent {
    /// The query changed: search again, from the view the prompt opened on.
    Changed,
    /// `Enter`: keep the matches and say how many there are.
    Accept,
    /// `Esc`: forget the search and go back to where it started.
    Cancel,
}

impl SearchPrompt {
    pub fn new(origin: usize) -> Self {
        SearchPrompt {
            input: String::new(),
            origin,
        }
    }

    /// The query typed so far.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The first row of the view when the prompt opened.
    pub fn origin(&self) -> usize {
        self.origin
    }

    /// Edits the query: `command` is what the prompt's key table (`[keys.prompt]`) makes of
    /// `key`, if anything; other keys are typed. `Backspace` on an empty query closes the
    /// prompt.
    pub fn key(&mut self, key: KeyEvent, command: Option<PromptCommand>) -> Outcome<SearchEvent> {
        match command {
            Some(PromptCommand::Cancel) => return Outcome::Event(SearchEvent::Cancel),
            Some(PromptCommand::Accept) => return Outcome::Event(SearchEvent::Accept),
            Some(PromptCommand::ClearInput) => {
                self.input.clear();
                return Outcome::Event(SearchEvent::Changed);
            }
            Some(PromptCommand::PickerDown | PromptCommand::PickerUp) | None => {}
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Backspace => {
                if self.input.pop().is_none() {
                    return Outcome::Closed;
                }
            }
            KeyCode::Char(c) if !ctrl => self.input.push(c),
            _ => return Outcome::Stay,
        }
        Outcome::Event(SearchEvent::Changed)
    }

    /// Pasted text joins the query on one line.
    pub fn paste(&mut self, text: &str) {
        self.input
            .push_str(&crate::source::sanitize(text).replace('\n', " "));
    }
}

impl Reader {
    /// Carries out what the search prompt asked for.
    pub(super) fn search_event(&mut self, event: SearchEvent) {
        let Mode::Searching(prompt) = &self.mode else {
            return;
        };
        let (query, origin) = (prompt.input.clone(), prompt.origin);
        match event {
            SearchEvent::Cancel => {
                self.search = Search::default();
                self.mode = Mode::Reading;
                self.scroll_to_row(origin);
            }
            SearchEvent::Accept => {
                let n = self.search.matches.len();
                self.message = Some(if query.is_empty() {
                    String::new()
                } else if n == 0 {
                    format!("pattern not found: {query}")
                } else {
                    let matches = if n == 1 { "match" } else { "matches" };
                    format!("{n} {matches} for {query}")
                });
                self.mode = Mode::Reading;
                self.keep_cursor_visible();
            }
            SearchEvent::Changed => {
                self.run_search(&query);
                self.show_first_match(origin);
            }
        }
    }

    pub(super) fn run_search(&mut self, query: &str) {
        self.search = Search {
            query: query.to_string(),
            matches: self.finder.find_all(self.article.text(), query),
            current: None,
        };
    }

    /// Moves to the first match at or after the top of `origin`.
    pub(super) fn show_first_match(&mut self, origin: usize) {
        let from = self.layout.lines().get(origin).map_or(0, |l| l.range.start);
        let m = &self.search.matches;
        if m.is_empty() {
            self.scroll_to_row(origin);
            return;
        }
        let i = m.partition_point(|r| r.start < from);
        let i = if i == m.len() { 0 } else { i };
        self.search.current = Some(i);
        let r = m[i].clone();
        self.cursor = r.start;
        let row = self.layout.line_of(r.start);
        let rows = self.viewport_rows().max(1);
        if row < origin || row >= origin + rows {
            self.reveal_cursor();
        } else {
            self.top = origin;
            self.clamp_top();
        }
    }

    pub(super) fn next_match(&mut self, forward: bool) {
        if self.search.matches.is_empty() {
            self.message = Some(if self.search.query.is_empty() {
                "no search yet (press /)".into()
            } else {
                format!("pattern not found: {}", self.search.query)
            });
            return;
        }
        let m = &self.search.matches;
        let n = m.len();
        let at = self.cursor;
        let (i, wrapped) = if forward {
            let i = m.partition_point(|r| r.start <= at);
            if i == m.len() { (0, true) } else { (i, false) }
        } else {
            let i = m.partition_point(|r| r.start < at);
            if i == 0 {
                (m.len() - 1, true)
            } else {
                (i - 1, false)
            }
        };
        self.search.current = Some(i);
        let r = m[i].clone();
        self.move_cursor(r.start);
        self.message = Some(match (wrapped, forward) {
            (true, true) => format!("search hit BOTTOM, continuing at TOP ({}/{n})", i + 1),
            (true, false) => format!("search hit TOP, continuing at BOTTOM ({}/{n})", i + 1),
            _ => format!("match {}/{n}", i + 1),
        });
    }
}
