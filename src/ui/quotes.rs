//! The quotes tab: speakers with their role and count, each followed by its quotations.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::style::Styles;
use super::{excerpt, truncate};
use crate::app::reader::panel::{PanelRow, UNKNOWN_SPEAKER, list_offset, quote_rows};
use crate::app::{Focus, Reader};

pub fn draw(app: &Reader, area: Rect, frame: &mut Frame) {
    let styles = Styles::new(&app.config().theme);
    let rows = quote_rows(app.analysis(), &app.panel().collapsed);
    let width = usize::from(area.width);
    if rows.is_empty() {
        let msg = "No quotations with a speaker in this article.";
        frame.render_widget(Line::styled(truncate(msg, width), styles.dim()), area);
        return;
    }
    let height = usize::from(area.height);
    let offset = list_offset(app.panel().quotes, height);
    let q = &app.analysis().quotes;
    let text = app.article().text();
    for (y, (i, row)) in rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .enumerate()
    {
        let line = match *row {
            PanelRow::Speaker(s) => {
                let open = !app.panel().collapsed.contains(&s);
                let arrow = if open { "▾" } else { "▸" };
                if s == UNKNOWN_SPEAKER {
                    let n = q
                        .quotes
                        .iter()
                        .filter(|x| {
                            x.speaker.is_none()
                                && x.kind == crate::analysis::quotes::QuoteKind::Speech
                        })
                        .count();
                    Line::from(Span::styled(
                        truncate(&format!("{arrow} (speaker not named) ({n})"), width),
                        styles.unknown_speaker(),
                    ))
                } else {
                    let sp = &q.speakers[s];
                    let head = format!("{arrow} {} ({})", sp.name, sp.quotes.len());
                    let role = sp
                        .role
                        .as_deref()
                        .map(|r| format!(" · {r}"))
                        .unwrap_or_default();
                    let head_w = unicode_width::UnicodeWidthStr::width(head.as_str());
                    Line::from(vec![
                        Span::styled(
                            truncate(&head, width),
                            styles
                                .speaker(s)
                                .add_modifier(ratatui::style::Modifier::BOLD),
                        ),
                        Span::styled(truncate(&role, width.saturating_sub(head_w)), styles.dim()),
                    ])
                }
            }
            PanelRow::Quote(i) => {
                let quote = &q.quotes[i];
                let words = excerpt(&text[quote.range.clone()], width.saturating_sub(5));
                Line::from(format!("   «{words}»"))
            }
            _ => Line::default(),
        };
        let mut line = line;
        if i == app.panel().quotes {
            line = line.patch_style(styles.selected_row(app.focus() == Focus::Panel));
        }
        frame.render_widget(line, Rect::new(area.x, area.y + y as u16, area.width, 1));
    }
}
