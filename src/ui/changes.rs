//! The changes pane: what the last refresh of a web page changed, over the reader, scrolled
//! as the help is. Headings bold; added passages in green, removed and detached in red, changed
//! in yellow (reverse and underline without colour).

use ratatui::Frame;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::app::Reader;
use crate::app::help::{area, inner};
use crate::app::reader::changes::{is_marked, report_rows};
use crate::input::{Command, KeyMode, Keymap};

/// The pane's title with the keys that scroll and close it, as bound (an unbound one's hint
/// left out); the short title when the pane is narrow.
fn title(keymap: &Keymap, width: u16) -> String {
    let key = |c: Command| keymap.first_key(KeyMode::Normal, c);
    let scroll = match (key(Command::ScrollDown), key(Command::ScrollUp)) {
        (Some(down), Some(up)) => Some(format!("{down}/{up} scroll")),
        (Some(k), None) | (None, Some(k)) => Some(format!("{k} scrolls")),
        (None, None) => None,
    };
    let close = key(Command::Cancel).map(|k| format!("{k} closes"));
    let long = [scroll, close.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let hinted = |head: &str, hints: &str| match hints {
        "" => format!(" {head} "),
        _ => format!(" {head} — {hints} "),
    };
    let close = close.unwrap_or_default();
    // The longest title that fits between the corners, so the keys are never cut off.
    [
        hinted("Changes at the last refresh", &long),
        hinted("Changes", &long),
        hinted("Changes", &close),
        hinted("Changes", ""),
    ]
    .into_iter()
    .find(|t| t.width() + 2 <= usize::from(width))
    .unwrap_or_default()
}

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
    let title = title(&app.config().keymap, area.width);
    frame.render_widget(Clear, area);
    frame.render_widget(super::help::scrolled_block(title, scroll, max), area);
    frame.render_widget(Paragraph::new(lines), text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::KeyCombo;

    #[test]
    fn the_title_names_the_keys_as_bound() {
        let defaults = crate::config::Config::defaults().keymap;
        assert_eq!(
            title(&defaults, 80),
            " Changes at the last refresh — j/k scroll, esc closes "
        );
        assert_eq!(title(&defaults, 30), " Changes — esc closes ");
        let mut keymap = defaults.clone();
        let key = |k: &str| k.parse::<KeyCombo>().unwrap();
        keymap.bind(
            KeyMode::Normal,
            Command::ScrollDown,
            &[key("n"), key("down")],
        );
        keymap.bind(KeyMode::Normal, Command::ScrollUp, &[key("e")]);
        keymap.bind(KeyMode::Normal, Command::Cancel, &[]);
        assert_eq!(
            title(&keymap, 80),
            " Changes at the last refresh — n/e scroll "
        );
        // Narrow: the keys that are bound, while they fit; then the name alone.
        assert_eq!(title(&keymap, 30), " Changes — n/e scroll ");
        assert_eq!(title(&keymap, 20), " Changes ");
    }
}
