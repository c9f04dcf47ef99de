//! The timeline tab: a strip with the incidents on a time axis scaled to the article's span,
//! then the list of incidents in chronological order.

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::style::Styles;
use super::{excerpt, truncate};
use crate::app::panel::list_offset;
use crate::app::{App, Focus};

pub fn draw(app: &App, strip: Option<Rect>, list: Rect, frame: &mut Frame) {
    if let Some(area) = strip {
        let timeline = &app.analysis.timeline;
        let picture = Strip {
            periods: timeline.iter().filter_map(|i| i.period).collect(),
            marked: app.article.meta.date,
            selected: app
                .panel
                .timeline
                .and_then(|i| timeline.get(i))
                .and_then(|inc| Some((inc.period?.0, inc.label.as_str()))),
        };
        picture.draw(&Styles::new(&app.config.theme), area, frame);
    }
    draw_list(app, list, frame);
}

fn draw_list(app: &App, area: Rect, frame: &mut Frame) {
    let styles = Styles::new(&app.config.theme);
    let width = usize::from(area.width);
    let timeline = &app.analysis.timeline;
    if timeline.is_empty() {
        frame.render_widget(
            Line::styled(truncate("No dated incidents found.", width), styles.dim()),
            area,
        );
        return;
    }
    let label_w = timeline
        .iter()
        .map(|i| unicode_width::UnicodeWidthStr::width(i.label.as_str()))
        .max()
        .unwrap_or(0)
        .min(width / 2);
    let height = usize::from(area.height);
    let selected = app.panel.timeline;
    let offset = list_offset(selected.unwrap_or(0), height);
    let text = app.article.text();
    for (y, (i, inc)) in timeline
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .enumerate()
    {
        let label = truncate(&inc.label, label_w);
        let pad = label_w.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()));
        let words = excerpt(
            &text[inc.sentence.clone()],
            width.saturating_sub(label_w + 1),
        );
        let mut line = Line::from(vec![
            Span::styled(format!("{label}{} ", " ".repeat(pad)), styles.date()),
            Span::raw(words),
        ]);
        if Some(i) == selected {
            line = line.patch_style(styles.selected_row(app.focus == Focus::Panel));
        }
        frame.render_widget(line, Rect::new(area.x, area.y + y as u16, area.width, 1));
    }
}

/// The scale of the axis, chosen from the span so labels stay readable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scale {
    Years,
    Months,
    Days,
}

impl Scale {
    fn for_span(days: i64) -> Self {
        if days > 2 * 365 {
            Scale::Years
        } else if days > 60 {
            Scale::Months
        } else {
            Scale::Days
        }
    }

    fn label(self, d: NaiveDate) -> String {
        match self {
            Scale::Years => d.year().to_string(),
            Scale::Months => d.format("%b %Y").to_string(),
            Scale::Days => d.format("%d %b").to_string(),
        }
    }
}

/// The picture of a timeline: incidents' periods on an axis scaled to their span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strip<'a> {
    pub periods: Vec<(NaiveDate, NaiveDate)>,
    /// A date marked above the axis (the article's date).
    pub marked: Option<NaiveDate>,
    /// The selected incident's start and label, emphasised on the axis and named under it.
    pub selected: Option<(NaiveDate, &'a str)>,
}

impl Strip<'_> {
    /// Draws the strip in `area` (four rows: mark, axis, span ends, selected label).
    pub fn draw(&self, styles: &Styles, area: Rect, frame: &mut Frame) {
        let starts = self.periods.iter().map(|p| p.0).chain(self.marked);
        let ends = self.periods.iter().map(|p| p.1).chain(self.marked);
        let (Some(min), Some(max)) = (starts.min(), ends.max()) else {
            frame.render_widget(
                Line::styled("no resolved dates to draw", styles.dim()),
                area,
            );
            return;
        };
        let w = usize::from(area.width).max(2);
        let span = (max - min).num_days().max(1);
        let scale = Scale::for_span(span);
        let x = |d: NaiveDate| -> usize {
            let off = (d - min).num_days().clamp(0, span);
            (off as usize * (w - 1)) / span as usize
        };
        let y0 = area.y;
        // Row 0: the marked date.
        if let Some(d) = self.marked {
            let col = x(d);
            let label = format!("▼ {}", d.format("%d %b %Y"));
            let lw = label.chars().count();
            let (start, text) = if col + lw <= w {
                (col, label)
            } else {
                let text = format!("{} ▼", d.format("%d %b %Y"));
                (col + 1 - text.chars().count().min(col + 1), text)
            };
            frame.render_widget(
                Span::styled(text, styles.accent()),
                Rect::new(area.x + start as u16, y0, (w - start) as u16, 1),
            );
        }
        // Row 1: the axis with ticks and incident markers.
        let mut axis: Vec<char> = vec!['─'; w];
        for col in ticks(min, max, scale).into_iter().map(x) {
            axis[col] = '┼';
        }
        for &(a, b) in &self.periods {
            let (ca, cb) = (x(a), x(b));
            for c in axis.iter_mut().take(cb + 1).skip(ca) {
                *c = '━';
            }
            axis[ca] = '●';
        }
        let axis_line: String = axis.iter().collect();
        frame.render_widget(
            Line::from(axis_line),
            Rect::new(area.x, y0 + 1, area.width, 1),
        );
        if let Some((a, _)) = self.selected {
            frame.render_widget(
                Span::styled("◆", styles.accent().add_modifier(Modifier::BOLD)),
                Rect::new(area.x + x(a) as u16, y0 + 1, 1, 1),
            );
        }
        // Row 2: the ends of the span.
        let left = scale.label(min);
        let right = scale.label(max);
        let gap = w.saturating_sub(left.chars().count() + right.chars().count());
        let ends = format!("{left}{}{right}", " ".repeat(gap));
        frame.render_widget(
            Line::styled(truncate(&ends, w), styles.dim()),
            Rect::new(area.x, y0 + 2, area.width, 1),
        );
        // Row 3: the selected incident's label under its marker.
        if let Some((a, label)) = self.selected {
            let label = format!("◆ {label}");
            let lw = unicode_width::UnicodeWidthStr::width(label.as_str()).min(w);
            let col = x(a).min(w - lw);
            frame.render_widget(
                Span::styled(label, styles.date().add_modifier(Modifier::BOLD)),
                Rect::new(area.x + col as u16, y0 + 3, (w - col) as u16, 1),
            );
        }
    }
}

/// Dates of the tick marks: year starts, month starts or Mondays, thinned to at most a dozen.
fn ticks(min: NaiveDate, max: NaiveDate, scale: Scale) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d = match scale {
        Scale::Years => NaiveDate::from_ymd_opt(min.year() + 1, 1, 1),
        Scale::Months => min
            .with_day(1)
            .and_then(|d| d.checked_add_months(chrono::Months::new(1))),
        Scale::Days => min.succ_opt(),
    };
    while let Some(day) = d.filter(|d| *d < max) {
        out.push(day);
        d = match scale {
            Scale::Years => NaiveDate::from_ymd_opt(day.year() + 1, 1, 1),
            Scale::Months => day.checked_add_months(chrono::Months::new(1)),
            Scale::Days => day.checked_add_days(chrono::Days::new(7)),
        };
        if out.len() > 400 {
            break;
        }
    }
    let step = out.len().div_ceil(12).max(1);
    out.into_iter().step_by(step).collect()
}
