//! Popups over the reader: the speaker picker and the note editor.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};

use super::style::Styles;
use super::{excerpt, truncate};
use crate::app::reader::{NoteEditor, NoteTarget, Reader, SpeakerPicker};
use crate::input::{Command, KeyMode};

/// A rectangle of at most `max_w` columns and `percent_h`% of the height, centred in `area`.
pub fn centered(area: Rect, max_w: u16, percent_h: u16) -> Rect {
    let w = max_w
        .min(area.width.saturating_sub(2))
        .max(area.width.min(3));
    let h = (area.height * percent_h / 100).max(area.height.min(3));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

pub fn speakers(app: &Reader, picker: &SpeakerPicker, frame: &mut Frame) {
    let (filter, selected) = (picker.filter(), picker.selected());
    let area = centered(frame.area(), 60, 60);
    if area.width < 6 || area.height < 4 {
        return;
    }
    let styles = Styles::new(&app.config().theme);
    frame.render_widget(Clear, area);
    let choose = app
        .config()
        .keymap
        .first_key(KeyMode::Prompt, Command::Accept)
        .map(|k| format!(", {k} to choose"))
        .unwrap_or_default();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" Speaker — type to narrow{choose} "));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let prompt = Line::from(vec![
        Span::raw("> "),
        Span::raw(filter.to_string()),
        Span::raw("█"),
    ]);
    frame.render_widget(prompt, Rect::new(inner.x, inner.y, inner.width, 1));
    let list = picker.speakers(app.analysis());
    let rows = usize::from(inner.height.saturating_sub(1));
    let offset = crate::app::reader::panel::list_offset(selected, rows);
    let width = usize::from(inner.width);
    for (row, (i, &s)) in list.iter().enumerate().skip(offset).take(rows).enumerate() {
        let sp = &app.analysis().quotes.speakers[s];
        let role = sp
            .role
            .as_deref()
            .map(|r| format!(" · {r}"))
            .unwrap_or_default();
        let text = truncate(&format!("{} ({}){role}", sp.name, sp.quotes.len()), width);
        let mut style = styles.speaker(s);
        if i == selected {
            style = style.add_modifier(Modifier::REVERSED);
        }
        let y = inner.y + 1 + row as u16;
        frame.render_widget(
            Span::styled(text, style),
            Rect::new(inner.x, y, inner.width, 1),
        );
    }
    if list.is_empty() {
        frame.render_widget(
            Span::styled("no speaker matches", styles.dim()),
            Rect::new(inner.x, inner.y + 1, inner.width, 1),
        );
    }
}

pub fn note_editor(app: &Reader, editor: &NoteEditor, frame: &mut Frame) {
    let area = app.note_editor_area().intersection(frame.area());
    if area.width < 6 || area.height < 4 {
        return;
    }
    let styles = Styles::new(&app.config().theme);
    frame.render_widget(Clear, area);
    let passage = match editor.target() {
        NoteTarget::New { range, .. } => app.article().text().get(range.clone()).unwrap_or(""),
        NoteTarget::Existing(id) => app
            .notes()
            .iter()
            .find(|n| &n.id == id)
            .map_or("", |n| n.anchor.exact.as_str()),
    };
    let keymap = &app.config().keymap;
    let hints: &[(Command, &str)] = if editor.confirm_discard() {
        &[
            (Command::Cancel, "again discards the note"),
            (Command::SaveNote, "saves"),
        ]
    } else {
        &[(Command::SaveNote, "save"), (Command::Cancel, "cancel")]
    };
    let hint = format!(" {} ", keymap.hints(KeyMode::Editor, hints, " · "));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(
            " Note on «{}» ",
            excerpt(passage, usize::from(area.width).saturating_sub(16))
        ))
        .title_bottom(Line::from(Span::styled(
            hint,
            if editor.confirm_discard() {
                styles.warning()
            } else {
                Style::new()
            },
        )));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(editor.textarea(), inner);
}
