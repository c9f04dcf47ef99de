//! The screen's geometry: where the reader's text, margin, side panel and timeline strip go,
//! and how many rows the library's lists get. Computed here, in the state machine, and only
//! read by `ui`: the page a key scrolls and the row a click lands on are the ones drawn.

use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders};

use super::reader::{Reader, Tab};

/// Rows the timeline strip takes at the top of the timeline tab, when it fits (one row when
/// only that fits, over two rows of the list).
pub const STRIP_HEIGHT: u16 = 4;
/// Narrowest panel that still shows the strip; below it the tab is a compact list.
pub const STRIP_MIN_WIDTH: u16 = 38;

/// Rows of the library screen that are not list rows: the tab line, the column header, the
/// status bar.
pub const CHROME_ROWS: u16 = 3;

/// Where each part of the reader's screen goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    /// The reader pane, margin included.
    pub reader: Rect,
    /// The wrapped text inside the reader.
    pub text: Rect,
    /// The column of note markers left of the text.
    pub margin: Option<Rect>,
    /// The side panel with its border.
    pub panel: Option<Rect>,
    /// The timeline picture inside the panel.
    pub strip: Option<Rect>,
    /// The panel's list of entries.
    pub panel_list: Option<Rect>,
    pub status: Rect,
}

impl Areas {
    pub fn new(full: Rect, app: &Reader) -> Self {
        let mut areas = Areas::default();
        if full.width == 0 || full.height == 0 {
            return areas;
        }
        let status_h = 1.min(full.height);
        areas.status = Rect::new(full.x, full.bottom() - status_h, full.width, status_h);
        let main = Rect::new(full.x, full.y, full.width, full.height - status_h);
        let mut reader = main;
        if app.panel().open && main.height > 0 {
            let side = full.width >= app.config().narrow_below;
            let panel = if side {
                let w = app.config().panel_width.min(main.width / 2);
                reader.width -= w;
                Rect::new(reader.right(), main.y, w, main.height)
            } else {
                let h = (main.height * 2 / 5).max(3.min(main.height));
                reader.height -= h;
                Rect::new(main.x, reader.bottom(), main.width, h)
            };
            areas.panel = Some(panel);
            let inner = Block::default().borders(Borders::ALL).inner(panel);
            let mut list = inner;
            if app.panel().tab == Tab::Timeline && inner.width >= STRIP_MIN_WIDTH {
                // The full strip over at least three rows of the list; else the one-line
                // strip over at least two.
                let rows = if inner.height >= STRIP_HEIGHT + 3 {
                    STRIP_HEIGHT
                } else {
                    u16::from(inner.height >= 3)
                };
                if rows > 0 {
                    areas.strip = Some(Rect::new(inner.x, inner.y, inner.width, rows));
                    list.y += rows;
                    list.height -= rows;
                }
            }
            areas.panel_list = Some(list);
        }
        areas.reader = reader;
        if reader.width >= 8 {
            let mut width = reader.width - 3;
            let mut x = reader.x;
            let max = app.config().max_text_width;
            if max > 0 && width > max {
                x += (width - max) / 2;
                width = max;
            }
            areas.margin = Some(Rect::new(x, reader.y, 1, reader.height));
            areas.text = Rect::new(x + 2, reader.y, width, reader.height);
        } else {
            areas.text = reader;
        }
        areas
    }
}
