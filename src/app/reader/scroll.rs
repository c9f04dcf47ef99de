//! Scrolling and the cursor: the view is a row of the wrapped layout plus the byte that row
//! starts at (so a resize re-finds the same sentence); the cursor is a byte offset, always on a
//! visible row.

use std::ops::Range;

use super::motion;
use super::{Mode, Reader};

impl Reader {
    pub(super) fn max_top(&self) -> usize {
        self.layout
            .len()
            .saturating_sub(self.viewport_rows().max(1))
    }

    pub(super) fn clamp_top(&mut self) {
        self.top = self.top.min(self.max_top());
        self.top_byte = self
            .layout
            .lines()
            .get(self.top)
            .map_or(0, |l| l.range.start);
    }

    pub(super) fn scroll_to_row(&mut self, row: usize) {
        self.top = row;
        self.clamp_top();
        self.keep_cursor_visible();
    }

    pub(super) fn scroll_by(&mut self, delta: isize) {
        let row = self.top.saturating_add_signed(delta);
        self.scroll_to_row(row);
    }

    /// Moves the cursor into the viewport if scrolling left it behind.
    pub(super) fn keep_cursor_visible(&mut self) {
        let rows = self.viewport_rows().max(1);
        let row = self.layout.line_of(self.cursor);
        let last = (self.top + rows).min(self.layout.len()).saturating_sub(1);
        if row < self.top {
            self.cursor = self.row_start(self.top);
        } else if row > last {
            self.cursor = self.row_start(last);
        }
    }

    /// First non-space byte of a row (its start when it is blank), so the cursor stays on it.
    pub(super) fn row_start(&self, row: usize) -> usize {
        let Some(line) = self.layout.lines().get(row) else {
            return 0;
        };
        let first = motion::skip_space(self.article.text(), line.range.start);
        if first < line.range.end {
            first
        } else {
            line.range.start
        }
    }

    /// Scrolls so the cursor is on screen, leaving some context above it when it was not.
    pub(super) fn reveal_cursor(&mut self) {
        let rows = self.viewport_rows().max(1);
        let row = self.layout.line_of(self.cursor);
        if row < self.top || row >= self.top + rows {
            self.top = row.saturating_sub(rows / 4);
            self.clamp_top();
        }
    }

    /// Moves the view to `range` and marks it as the current target.
    pub(super) fn jump(&mut self, range: Range<usize>) {
        self.cursor = range.start;
        self.target = Some(range);
        self.reveal_cursor();
    }

    pub(super) fn move_cursor(&mut self, to: usize) {
        self.cursor = to.min(self.article.text().len());
        self.reveal_cursor();
    }

    /// `j`/`k`: scroll the view; in visual mode move the cursor by a row instead.
    pub(super) fn scroll_or_move(&mut self, delta: isize) {
        if matches!(self.mode, Mode::Visual { .. }) {
            let row = self
                .layout
                .line_of(self.cursor)
                .saturating_add_signed(delta);
            let row = row.min(self.layout.len().saturating_sub(1));
            let to = self.row_start(row);
            self.move_cursor(to);
        } else {
            self.scroll_by(delta);
        }
    }

    pub(super) fn select(&mut self, r: Range<usize>) {
        let text = self.article.text();
        self.mode = Mode::Visual { anchor: r.start };
        self.cursor = motion::last_word_start(text, r);
        self.reveal_cursor();
    }

    /// Title and paragraph ranges, for paragraph motions and selection.
    pub(super) fn block_ranges(&self) -> Vec<Range<usize>> {
        self.article
            .blocks()
            .iter()
            .map(|b| b.range.clone())
            .collect()
    }
}
