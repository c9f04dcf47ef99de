//! The mouse over the reader: the wheel scrolls the pane under the pointer, a click places the
//! cursor or chooses a panel entry, a drag selects.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::motion;
use super::{Focus, Mode, Reader};

impl Reader {
    pub(super) fn mouse(&mut self, m: MouseEvent) {
        let areas = self.areas();
        let pos = Position::new(m.column, m.row);
        let in_reader = areas.reader.contains(pos);
        let in_panel = areas.panel.is_some_and(|p| p.contains(pos));
        match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = m.kind == MouseEventKind::ScrollDown;
                if let Mode::Changes(pane) = &mut self.mode {
                    pane.wheel(down);
                    return;
                }
                if matches!(self.mode, Mode::Help(_)) {
                    return;
                }
                if in_panel {
                    self.panel.scroll(down, &self.analysis, &self.notes);
                } else {
                    self.scroll_by(if down { 3 } else { -3 });
                }
            }
            MouseEventKind::Down(MouseButton::Left) => {
                if in_reader && let Some(at) = self.byte_at(areas.text, pos) {
                    self.focus = Focus::Reader;
                    self.cursor = at;
                    if matches!(self.mode, Mode::Visual { .. }) {
                        self.mode = Mode::Reading;
                    }
                } else if let Some(list) = areas.panel_list.filter(|l| l.contains(pos)) {
                    self.focus = Focus::Panel;
                    let row = usize::from(m.row - list.y);
                    let height = usize::from(list.height);
                    if let Some(entry) =
                        self.panel
                            .entry_at_row(row, height, &self.analysis, &self.notes)
                    {
                        self.panel.select(entry);
                        self.activate_panel_entry();
                    }
                }
            }
            MouseEventKind::Drag(MouseButton::Left) => {
                if in_reader && let Some(at) = self.byte_at(areas.text, pos) {
                    if !matches!(self.mode, Mode::Visual { .. }) {
                        self.mode = Mode::Visual {
                            anchor: self.cursor,
                        };
                    }
                    self.cursor = at;
                }
            }
            _ => {}
        }
    }

    /// The text byte under a screen position in the reader's text area.
    pub(super) fn byte_at(&self, text_area: Rect, pos: Position) -> Option<usize> {
        if !text_area.contains(pos) {
            return None;
        }
        let row = self.top + usize::from(pos.y - text_area.y);
        let line = self.layout.lines().get(row)?;
        let col = usize::from((pos.x - text_area.x).saturating_sub(line.indent));
        let text = self.article.text();
        // A line break ending the row is not on screen: a click past the text stays on the row.
        let r = &line.range;
        let shown = r.start..r.end - usize::from(text[r.clone()].ends_with('\n'));
        Some(motion::byte_at_column(text, shown, col))
    }
}
