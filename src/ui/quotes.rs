//! The quotes tab: named speakers with their role and count, each followed by its quotations;
//! then the unnamed sources, each quotation with its description; then speech with no speaker.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::style::Styles;
use super::{excerpt, truncate};
use crate::analysis::quotes::{QuoteKind, SpeakerKind};
use crate::app::reader::panel::{Fold, PanelRow, QuoteGroup, group_of, list_offset, quote_rows};
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
            PanelRow::Group(group) => {
                let open = !app.panel().collapsed.contains(&Fold::Group(group));
                let arrow = if open { "▾" } else { "▸" };
                let n = (0..q.quotes.len())
                    .filter(|&i| {
                        q.quotes[i].kind == QuoteKind::Speech
                            && group_of(app.analysis(), i) == Some(group)
                    })
                    .count();
                let name = match group {
                    QuoteGroup::Unnamed => "unnamed sources",
                    QuoteGroup::Unknown => "(speaker not named)",
                };
                Line::from(Span::styled(
                    truncate(&format!("{arrow} {name} ({n})"), width),
                    styles.unknown_speaker(),
                ))
            }
            PanelRow::Speaker(s) => {
                let open = !app.panel().collapsed.contains(&Fold::Speaker(s));
                let arrow = if open { "▾" } else { "▸" };
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
            PanelRow::Quote(i) => {
                let quote = &q.quotes[i];
                // Under the unnamed sources, each quotation says which source it is.
                let source = quote
                    .speaker
                    .and_then(|s| q.speakers.get(s))
                    .filter(|sp| sp.kind == SpeakerKind::Unnamed)
                    .map(|sp| format!("{}: ", sp.name))
                    .unwrap_or_default();
                let source_w = unicode_width::UnicodeWidthStr::width(source.as_str());
                let words = excerpt(
                    &text[quote.range.clone()],
                    width.saturating_sub(5 + source_w),
                );
                Line::from(vec![
                    Span::raw("   "),
                    Span::styled(truncate(&source, width.saturating_sub(3)), styles.dim()),
                    Span::raw(format!("«{words}»")),
                ])
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
