//! Drawing: a pure function of the [`App`] onto a ratatui frame, one file per pane or modal.
//!
//! The screen's geometry ([`Areas`]) is computed by the state machine and only read here, so
//! that what `update` thinks is on screen (the page size, the row under the mouse) is exactly
//! what `draw` puts there.

mod changes;
mod help;
mod library;
mod notes;
mod popup;
mod quotes;
mod reader;
mod sources;
mod status;
pub mod style;
mod timeline;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use crate::app::geometry::Areas;
use crate::app::{App, Focus, Library, Mode, Reader, Tab};

/// Draws whatever the app shows: the reader, or the library under it.
pub fn draw(app: &App, frame: &mut Frame) {
    match (app.reader(), app.library()) {
        (Some(reader), _) => draw_reader(reader, frame),
        (None, Some(library)) => draw_library(library, frame),
        (None, None) => {}
    }
}

/// Draws the library screen (without an article open).
pub fn draw_library(library: &Library, frame: &mut Frame) {
    library::draw(library, frame);
}

/// Draws the article screen: the reader, the side panel, the status bar, and the modal on
/// top, if any.
pub fn draw_reader(app: &Reader, frame: &mut Frame) {
    let areas = Areas::new(frame.area(), app);
    reader::draw(app, &areas, frame);
    if let Some(panel) = areas.panel {
        draw_panel(app, &areas, panel, frame);
    }
    status::draw(app, areas.status, frame);
    match app.mode() {
        Mode::Help(h) => help::draw(&app.config().keymap, help::READER, h.scroll(), frame),
        Mode::PickingSpeaker(picker) => popup::speakers(app, picker, frame),
        Mode::EditingNote(editor) => popup::note_editor(app, editor, frame),
        Mode::Changes(pane) => changes::draw(app, pane.scroll(), frame),
        _ => {}
    }
}

fn draw_panel(app: &Reader, areas: &Areas, panel: Rect, frame: &mut Frame) {
    let theme = style::Styles::new(&app.config().theme);
    let focused = app.focus() == Focus::Panel;
    // The focus shows without colour too: a marker and a bold title.
    let mut title = vec![if focused {
        Span::styled(" ▶ ", Style::new().add_modifier(Modifier::BOLD))
    } else {
        Span::raw(" ")
    }];
    let current = Tab::ALL
        .iter()
        .position(|t| *t == app.panel().tab)
        .unwrap_or(0);
    title.extend(tab_labels(
        Tab::ALL.iter().map(|t| t.title()),
        current,
        Span::styled(" │ ", theme.dim()),
        &theme,
    ));
    title.push(Span::raw(" "));
    let border = if focused { theme.accent() } else { theme.dim() };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Line::from(title));
    frame.render_widget(block, panel);
    let Some(list) = areas.panel_list else { return };
    match app.panel().tab {
        Tab::Quotes => quotes::draw(app, list, frame),
        Tab::Timeline => timeline::draw(app, areas.strip, list, frame),
        Tab::Notes => notes::draw(app, list, frame),
    }
}

/// Cuts `s` to at most `width` display columns, ending with `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut used = 0;
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return s.to_string();
    }
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// The first words of a passage, on one line.
pub fn excerpt(s: &str, width: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    truncate(&one_line, width)
}

/// One line of `text` with `mark` (a byte range of it: a date) kept in view and drawn in
/// `style`: whitespace runs collapsed, and `…` where words are cut on either side. When all
/// does not fit, the words before the mark give way first (from the left), keeping a sixth
/// of the room after it, so that the mark is always on screen with what leads up to it.
pub fn excerpt_marked(
    text: &str,
    mark: Option<std::ops::Range<usize>>,
    width: usize,
    style: Style,
) -> Line<'static> {
    use unicode_width::UnicodeWidthStr;
    let Some(m) = mark.filter(|m| m.start < m.end && text.get(m.clone()).is_some()) else {
        return Line::raw(excerpt(text, width));
    };
    let join = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let before_raw = &text[..m.start];
    let after_raw = &text[m.end..];
    let mut before = join(before_raw);
    if !before.is_empty() && before_raw.ends_with(char::is_whitespace) {
        before.push(' ');
    }
    let mut after = join(after_raw);
    if !after.is_empty() && after_raw.starts_with(char::is_whitespace) {
        after.insert(0, ' ');
    }
    let marked = join(&text[m]);
    let (bw, mw, aw) = (before.width(), marked.width(), after.width());
    if mw >= width {
        return Line::styled(truncate(&marked, width), style);
    }
    let room = width - mw;
    let reserve = aw.min((room / 6).max(4)).min(room);
    let before = if bw + reserve <= room {
        before
    } else {
        truncate_left(&before, room - reserve)
    };
    let after = truncate(&after, room - before.width().min(room));
    Line::from(vec![
        Span::raw(before),
        Span::styled(marked, style),
        Span::raw(after),
    ])
}

/// The end of `s` in at most `width` columns, starting with `…` at a word when cut.
fn truncate_left(s: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut used = 1;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        start = i;
    }
    let kept = &s[start..];
    // Start at a word: drop the cut word's tail when a whole word follows.
    let kept = match kept.find(' ') {
        Some(sp) if !s[..start].ends_with(' ') && sp + 1 < kept.len() => &kept[sp + 1..],
        _ => kept,
    };
    format!("…{kept}")
}

/// Draws one frame of the reader `app` at `width`×`height` and returns it as plain text, one
/// line per row with trailing spaces removed. Drawing changes nothing: size the reader to the
/// same screen first (`Action::Resize`), as the runtime does.
pub fn render_to_string(app: &Reader, width: u16, height: u16) -> String {
    render(width, height, |f| draw_reader(app, f))
}

/// Draws one frame of whatever `app` shows, as [`render_to_string`] does for a reader: what
/// `lectern render` prints.
pub fn render_app(app: &App, width: u16, height: u16) -> String {
    render(width, height, |f| draw(app, f))
}

fn render(width: u16, height: u16, draw: impl FnOnce(&mut Frame)) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut terminal = match Terminal::new(TestBackend::new(width, height)) {
        Ok(t) => t,
        Err(e) => match e {},
    };
    if terminal.draw(draw).is_err() {
        return String::new();
    }
    buffer_text(terminal.backend().buffer())
}

/// Tab labels `1 Quotes`, `2 Timeline`…: the current one bold and underlined, the others dim.
fn tab_labels<'a>(
    titles: impl IntoIterator<Item = &'a str>,
    current: usize,
    separator: Span<'static>,
    styles: &style::Styles,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, title) in titles.into_iter().enumerate() {
        if i > 0 {
            spans.push(separator.clone());
        }
        let label = format!("{} {title}", i + 1);
        spans.push(if i == current {
            Span::styled(
                label,
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            )
        } else {
            Span::styled(label, styles.dim())
        });
    }
    spans
}

/// The symbols of a buffer as lines of text (wide characters once, not followed by a blank).
pub fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, mark: &str, width: usize) -> (String, String) {
        let at = text.find(mark).unwrap();
        let line = excerpt_marked(text, Some(at..at + mark.len()), width, Style::new().bold());
        let all: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        let marked = line
            .spans
            .iter()
            .filter(|s| s.style.add_modifier.contains(Modifier::BOLD))
            .map(|s| s.content.to_string())
            .collect();
        (all, marked)
    }

    #[test]
    fn the_mark_stays_in_view_with_what_leads_to_it() {
        let text = "ever since the Alliance cut off all ties with Moscow in early 2014";
        assert_eq!(
            shown(text, "early 2014", 80),
            (text.to_string(), "early 2014".into())
        );
        let (all, marked) = shown(text, "early 2014", 30);
        assert_eq!(marked, "early 2014");
        assert!(
            all.starts_with('…') && all.ends_with("in early 2014"),
            "{all}"
        );
        assert!(
            unicode_width::UnicodeWidthStr::width(all.as_str()) <= 30,
            "{all}"
        );
        // Words after the mark keep a sixth of the room; the rest is cut with `…`.
        let (all, _) = shown(
            "on Friday the talks ended without any agreement at all",
            "Friday",
            20,
        );
        assert!(
            all.starts_with("on Friday the") && all.ends_with('…'),
            "{all}"
        );
        // Whitespace runs collapse on both sides of the mark.
        let (all, _) = shown("met\n  on  Monday  in\tVienna", "Monday", 40);
        assert_eq!(all, "met on Monday in Vienna");
        // Too narrow for the mark itself: the mark, cut.
        assert_eq!(shown(text, "early 2014", 6).0, "early…");
    }
}
