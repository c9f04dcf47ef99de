//! The notes tab: highlights and notes in text order, detached ones marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::style::Styles;
use super::{excerpt, truncate};
use crate::app::reader::panel::list_offset;
use crate::app::{Focus, Reader};

pub fn draw(app: &Reader, area: Rect, frame: &mut Frame) {
    let styles = Styles::new(&app.config().theme);
    let width = usize::from(area.width);
    if app.notes().is_empty() {
        let hint = "No notes yet. Put the cursor on a sentence (w, ), click) and press h to highlight or a to write a note.";
        frame.render_widget(
            ratatui::widgets::Paragraph::new(hint)
                .style(styles.dim())
                .wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let height = usize::from(area.height);
    let offset = list_offset(app.panel().notes, height);
    for (y, (i, note)) in app
        .notes()
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .enumerate()
    {
        let mark = if note.range.is_none() {
            Span::styled("⚠ detached ", styles.warning())
        } else if note.body.is_empty() {
            Span::styled("▍", styles.highlight_marker(&note.label))
        } else {
            Span::styled("✎", styles.highlight_marker(&note.label))
        };
        let mark_w = unicode_width::UnicodeWidthStr::width(mark.content.as_ref());
        let rest = width.saturating_sub(mark_w + 1);
        let quote = excerpt(&note.anchor.exact, rest.min(24).max(rest / 2));
        let body = note.body.lines().next().unwrap_or("");
        let tail = if body.is_empty() {
            String::new()
        } else {
            format!(" — {body}")
        };
        let used = unicode_width::UnicodeWidthStr::width(quote.as_str());
        let mut line = Line::from(vec![
            mark,
            Span::raw(" "),
            Span::styled(quote, styles.highlight(&note.label)),
            Span::raw(truncate(&tail, rest.saturating_sub(used))),
        ]);
        if i == app.panel().notes {
            line = line.patch_style(styles.selected_row(app.focus() == Focus::Panel));
        }
        frame.render_widget(line, Rect::new(area.x, area.y + y as u16, area.width, 1));
    }
}
