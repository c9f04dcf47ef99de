//! The help overlay, generated from the live keymap so it always tells the truth.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::popup::centered;
use crate::input::{KeyMode, Keymap};

/// The key tables the reader's help shows.
pub const READER: &[KeyMode] = &[KeyMode::Normal, KeyMode::Visual];
/// The key tables the library's help shows (its own first: they win over reading keys).
pub const LIBRARY: &[KeyMode] = &[KeyMode::Library, KeyMode::Normal];

/// Every line of the help text for `modes` (also used by tests and the README).
pub fn lines(keymap: &Keymap, modes: &[KeyMode]) -> Vec<Line<'static>> {
    let heading = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let mut out = Vec::new();
    for &mode in modes {
        let title = match mode {
            KeyMode::Normal => "Reading",
            KeyMode::Visual => "Selecting (other keys as in Reading)",
            KeyMode::Library => "Library (other keys as in Reading)",
        };
        out.push(Line::from(Span::styled(title, heading)));
        for (command, keys) in keymap.bindings(mode) {
            let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
            out.push(Line::from(vec![
                Span::styled(
                    format!("  {:<18}", keys.join(" ")),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(command.description()),
            ]));
        }
        out.push(Line::default());
    }
    out.push(Line::from(Span::styled("Prompts and popups", heading)));
    for (k, d) in [
        ("enter", "search: keep the matches · speaker list: choose"),
        (
            "esc",
            "cancel (the note editor asks once before discarding)",
        ),
        ("ctrl-s alt-enter", "note editor: save"),
        ("up down", "speaker list: move"),
        (
            "mouse",
            "wheel scrolls, click moves the cursor or picks an entry, drag selects",
        ),
        ("double-click", "library: open the row, as enter does"),
    ] {
        out.push(Line::from(vec![
            Span::styled(
                format!("  {k:<18}"),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Span::raw(d),
        ]));
    }
    out
}

pub fn draw(keymap: &Keymap, modes: &[KeyMode], scroll: u16, frame: &mut Frame) {
    let area = centered(frame.area(), 76, 90);
    if area.width < 4 || area.height < 3 {
        return;
    }
    let text = lines(keymap, modes);
    let max = (text.len() as u16).saturating_sub(area.height.saturating_sub(2));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Help — j/k scroll, any other key closes ");
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(text)
            .block(block)
            .scroll((scroll.min(max), 0)),
        Rect { ..area },
    );
}
