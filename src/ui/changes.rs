//! The changes pane: what the last refresh of a web page changed, over the reader, scrolled
//! as the help is. Headings bold; added passages in green, removed and detached in red, changed
//! in yellow (reverse and underline without colour).

use ratatui::Frame;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::app::Reader;
use crate::app::help::{area, inner};
use crate::app::reader::changes::{is_marked, report_rows};

pub fn draw(app: &Reader, scroll: u16, frame: &mut Frame) {
    let area = area(frame.area());
    if area.width < 4 || area.height < 3 {
        return;
    }
    let text = inner(area);
    let rows = report_rows(app.changes().unwrap_or_default(), text.width);
    let max =
        u16::try_from(rows.len().saturating_sub(usize::from(text.height))).unwrap_or(u16::MAX);
    let scroll = scroll.min(max);
    let colour = app.config().theme.colour;
    let mark = |c: Color, plain: Modifier| {
        if colour {
            Style::new().fg(c)
        } else {
            Style::new().add_modifier(plain)
        }
    };
    // The style of the entry a row belongs to, carried onto its continuation rows.
    let mut current = Style::new();
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|row| {
            let trimmed = row.trim_start();
            if !row.starts_with(' ') && !is_marked(&row) {
                current = Style::new();
                return Line::styled(row, Style::new().add_modifier(Modifier::BOLD));
            }
            if row == trimmed && is_marked(trimmed) {
                current = match &trimmed[..1] {
                    "+" => mark(Color::Green, Modifier::UNDERLINED),
                    "-" | "!" => mark(Color::Red, Modifier::CROSSED_OUT),
                    _ => mark(Color::Yellow, Modifier::REVERSED),
                };
            }
            Line::styled(row, current)
        })
        .skip(usize::from(scroll))
        .take(usize::from(text.height))
        .collect();
    // The longest title that fits between the corners, so the keys are never cut off.
    let title = [
        " Changes at the last refresh — j/k scroll, esc closes ",
        " Changes — j/k scroll, esc closes ",
        " Changes — esc closes ",
        " Changes ",
    ]
    .into_iter()
    .find(|t| t.width() + 2 <= usize::from(area.width))
    .unwrap_or("");
    let mut block = Block::default().borders(Borders::ALL).title(title);
    if scroll < max {
        block = block.title_bottom(Line::from(" ↓ more below ").right_aligned());
    } else if max > 0 {
        block = block.title_bottom(Line::from(" end ").right_aligned());
    }
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines), text);
}
