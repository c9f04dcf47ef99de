//! Drawing: a pure function of the [`App`] onto a ratatui frame, one file per pane or modal.
//!
//! The screen's geometry ([`Areas`]) is computed by the state machine and only read here, so
//! that what `update` thinks is on screen (the page size, the row under the mouse) is exactly
//! what `draw` puts there.

mod help;
mod library;
mod notes;
mod popup;
mod quotes;
mod reader;
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
