//! The help overlay as a modal: the same over the reader and the library. It only scrolls;
//! `ui::help` draws the key table from the keymap, so help never drifts from the bindings.

use super::Outcome;
use crate::input::Command;

/// The help overlay and how far it is scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Help {
    scroll: u16,
}

/// The help overlay's request: quit lectern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quit;

impl Help {
    /// Rows scrolled past.
    pub fn scroll(&self) -> u16 {
        self.scroll
    }

    /// The scrolling keys scroll it, `quit` quits, any other command closes it.
    pub fn command(&mut self, c: Command) -> Outcome<Quit> {
        self.scroll = match c {
            Command::ScrollDown => self.scroll.saturating_add(1),
            Command::ScrollUp => self.scroll.saturating_sub(1),
            Command::PageDown | Command::HalfPageDown => self.scroll.saturating_add(10),
            Command::PageUp | Command::HalfPageUp => self.scroll.saturating_sub(10),
            Command::Top => 0,
            Command::Quit => return Outcome::Event(Quit),
            _ => return Outcome::Closed,
        };
        Outcome::Stay
    }

    /// The mouse wheel scrolls three rows.
    pub fn wheel(&mut self, down: bool) {
        self.scroll = if down {
            self.scroll.saturating_add(3)
        } else {
            self.scroll.saturating_sub(3)
        };
    }
}
