//! The library's "sources at a glance": the speakers listed (all, or those the filter leaves)
//! as horizontal bars of their quotations, most quoted first, the unnamed sources always one
//! bar, over a line that shares the quotations out by kind of source. The bar of the speaker
//! the list's cursor is on is marked, so that `enter` opens what it shows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::style::Styles;
use super::truncate;
use crate::app::library::{CHART_HEADER_ROWS as HEADER_ROWS, Library, plural};
use crate::input::{Command, KeyMode};
use crate::library::SourceKind;

fn kind_style(kind: SourceKind, styles: &Styles) -> Style {
    match kind {
        SourceKind::Person => styles.accent(),
        SourceKind::Organisation => styles.speaker(1),
        SourceKind::Unnamed => styles.unknown_speaker(),
    }
}

pub fn draw(lib: &Library, styles: &Styles, area: Rect, frame: &mut Frame) {
    if area.width < 8 || area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    // The bars the app has laid out, which its clicks and moves go by.
    let chart = lib.voice_chart();
    let key = lib
        .config()
        .keymap
        .first_key(KeyMode::Library, Command::SourcesChart);
    let shown = if chart.bars.len() < chart.speakers {
        format!(", top {}", chart.bars.len())
    } else {
        String::new()
    };
    let mut title = format!(
        " Share of voice — {} {} from {} {}{shown}",
        chart.total,
        plural(chart.total, "quotation", "quotations"),
        chart.speakers,
        plural(chart.speakers, "speaker", "speakers"),
    );
    // The way back to the list, when it has a key and there is room for it.
    if let Some(key) = key {
        let hint = format!("   {key}: list");
        if title.width() + hint.width() <= width {
            title.push_str(&hint);
        }
    }
    let row = |y: u16| Rect::new(area.x, area.y + y, area.width, 1);
    frame.render_widget(
        Line::styled(truncate(&title, width), styles.title()),
        row(0),
    );
    if area.height < 2 {
        return;
    }
    // By kind: the legend of the bars' colours too, in short words when narrow.
    let legend = |short: bool| {
        let mut spans = vec![Span::raw(" ")];
        for (i, (kind, n)) in chart.by_kind.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" · ", styles.dim()));
            }
            let text = if short {
                let word = match kind {
                    SourceKind::Person => "people",
                    SourceKind::Organisation => "orgs",
                    SourceKind::Unnamed => "unnamed",
                };
                format!("■ {word} {}%", chart.percent(*n))
            } else {
                format!("■ {} {} ({}%)", kind.name(), n, chart.percent(*n))
            };
            spans.push(Span::styled(text, kind_style(*kind, styles)));
        }
        Line::from(spans)
    };
    let long = legend(false);
    let line = if long.width() <= width {
        long
    } else {
        legend(true)
    };
    frame.render_widget(line, row(1));
    if chart.bars.is_empty() {
        if area.height > 2 {
            frame.render_widget(
                Line::styled(" no quotations with a speaker yet", styles.dim()),
                row(2),
            );
        }
        return;
    }
    let values: Vec<String> = chart
        .bars
        .iter()
        .map(|v| format!("{} ({}%)", v.quotes, chart.percent(v.quotes)))
        .collect();
    let value_width = values.iter().map(|v| v.width()).max().unwrap_or(0);
    let longest = chart.bars.iter().map(|v| v.name.width()).max().unwrap_or(0);
    let label_width = longest.min((width / 3).max(10));
    // " label bar value"
    let bar_room = width.saturating_sub(1 + label_width + 1 + 1 + value_width);
    let most = chart
        .bars
        .iter()
        .map(|v| v.quotes)
        .max()
        .unwrap_or(1)
        .max(1);
    let selected = lib.cursor().selected;
    for (i, (voice, value)) in chart.bars.iter().zip(&values).enumerate() {
        let y = HEADER_ROWS + i as u16;
        if y >= area.height {
            break;
        }
        let label = truncate(&voice.name, label_width);
        let pad = label_width.saturating_sub(label.width());
        let mut label_style = if voice.kind == SourceKind::Unnamed {
            styles.unknown_speaker()
        } else {
            Style::new()
        };
        if voice.row == selected {
            label_style = label_style.add_modifier(Modifier::REVERSED);
        }
        let bar = bar(voice.quotes, most, bar_room);
        let line = Line::from(vec![
            Span::raw(" "),
            Span::styled(label, label_style),
            Span::raw(" ".repeat(pad + 1)),
            Span::styled(bar.clone(), kind_style(voice.kind, styles)),
            Span::raw(" "),
            Span::styled(value.clone(), styles.dim()),
        ]);
        frame.render_widget(line, row(y));
    }
}

/// A bar `quotes / most` of `room` columns long, in eighths of a column; never empty for a
/// speaker with a quotation, so every bar shows.
fn bar(quotes: usize, most: usize, room: usize) -> String {
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let eighths = (quotes * room * 8 / most.max(1)).max(usize::from(quotes > 0 && room > 0));
    let mut s = "█".repeat(eighths / 8);
    s.push_str(EIGHTHS[eighths % 8]);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_proportional_in_eighths_and_never_vanish() {
        assert_eq!(bar(10, 10, 4), "████");
        assert_eq!(bar(5, 10, 4), "██");
        assert_eq!(bar(1, 16, 2), "▏");
        assert_eq!(bar(1, 1000, 10), "▏", "one quotation still shows");
        assert_eq!(bar(0, 10, 10), "");
        assert_eq!(bar(3, 8, 1), "▍", "three eighths");
        for q in 0..=20 {
            assert!(bar(q, 20, 7).width() <= 7);
        }
    }
}
