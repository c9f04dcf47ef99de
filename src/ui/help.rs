//! The help overlay: the rows `app::help` built from the live keymap and wrapped to the
//! overlay, scrolled, with a border that says how to scroll and whether there is more below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub use crate::app::help::{LIBRARY, READER};
use crate::app::help::{Row, area, inner, wrapped};
use crate::input::{KeyMode, Keymap};

pub fn draw(keymap: &Keymap, modes: &[KeyMode], scroll: u16, frame: &mut Frame) {
    let area = area(frame.area());
    if area.width < 4 || area.height < 3 {
        return;
    }
    let text = inner(area);
    let rows = wrapped(keymap, modes, text.width);
    let max =
        u16::try_from(rows.len().saturating_sub(usize::from(text.height))).unwrap_or(u16::MAX);
    let scroll = scroll.min(max);
    let heading = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(usize::from(scroll))
        .take(usize::from(text.height))
        .map(|row| match row {
            Row::Heading(title) => Line::from(Span::styled(title, heading)),
            Row::Entry { keys, text } if text.is_empty() => {
                Line::from(Span::styled(format!("  {keys}"), bold))
            }
            Row::Entry { keys, text } => Line::from(vec![
                Span::styled(format!("  {keys:<18}"), bold),
                Span::raw(text),
            ]),
            Row::Under(text) => Line::from(format!("    {text}")),
            Row::Blank => Line::default(),
        })
        .collect();
    let title = if area.width >= 44 {
        " Help — j/k space g/G scroll, esc closes "
    } else {
        " Help — esc closes "
    };
    frame.render_widget(Clear, area);
    frame.render_widget(scrolled_block(title, scroll, max), area);
    frame.render_widget(Paragraph::new(lines), Rect { ..text });
}

/// The frame of a scrolled overlay (help, the changes pane): `title` on top and, at the
/// bottom, `↓ more below` until the last page (`scroll == max`), then `end`.
pub fn scrolled_block<'a>(title: impl Into<Line<'a>>, scroll: u16, max: u16) -> Block<'a> {
    let block = Block::default().borders(Borders::ALL).title(title);
    if scroll < max {
        block.title_bottom(Line::from(" ↓ more below ").right_aligned())
    } else if max > 0 {
        block.title_bottom(Line::from(" end ").right_aligned())
    } else {
        block
    }
}
