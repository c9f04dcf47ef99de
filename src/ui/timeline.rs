//! The timeline tab: a strip with the incidents on a time axis, then the list of incidents in
//! chronological order.
//!
//! The axis spans, by default, only where most incidents lie ([`Zoom::Most`]): news mentions
//! "the 1st century" as readily as "last Tuesday", and an axis from year 1 to 2099 leaves the
//! story itself one column wide. Incidents outside are counted at the edges, never dropped.

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::style::Styles;
use super::{excerpt_marked, truncate};
use crate::analysis::timeline::label;
use crate::app::geometry::STRIP_HEIGHT;
use crate::app::reader::panel::{Zoom, list_offset};
use crate::app::{Focus, Reader};

pub fn draw(app: &Reader, strip: Option<Rect>, list: Rect, frame: &mut Frame) {
    if let Some(area) = strip {
        let timeline = &app.analysis().timeline;
        let periods: Vec<_> = timeline.iter().filter_map(|i| i.period).collect();
        let picture = Strip {
            undated: timeline.len() - periods.len(),
            periods,
            marked: app.article().meta.date,
            zoom: app.panel().zoom,
            selected: app
                .panel()
                .timeline
                .and_then(|i| timeline.get(i))
                .map(|inc| (inc.period.map(|p| p.0), inc.label.as_str())),
        };
        picture.draw(&Styles::new(&app.config().theme), area, frame);
    }
    draw_list(app, list, frame);
}

fn draw_list(app: &Reader, area: Rect, frame: &mut Frame) {
    let styles = Styles::new(&app.config().theme);
    let width = usize::from(area.width);
    let timeline = &app.analysis().timeline;
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
    let selected = app.panel().timeline;
    let offset = list_offset(selected.unwrap_or(0), height);
    let text = app.article().text();
    let timexes = &app.analysis().timexes;
    for (y, (i, inc)) in timeline
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .enumerate()
    {
        let label = truncate(&inc.label, label_w);
        let pad = label_w.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()));
        // The clause the date belongs to, the date's words in it marked.
        let clause = inc.clause(text, timexes);
        let mark = inc
            .date_range(timexes)
            .map(|d| d.start - clause.start..d.end - clause.start);
        let words = excerpt_marked(
            &text[clause],
            mark,
            width.saturating_sub(label_w + 1),
            styles.date().add_modifier(Modifier::BOLD),
        );
        let mut spans = vec![Span::styled(
            format!("{label}{} ", " ".repeat(pad)),
            styles.date(),
        )];
        spans.extend(words.spans);
        let mut line = Line::from(spans);
        if Some(i) == selected {
            line = line.patch_style(styles.selected_row(app.focus() == Focus::Panel));
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
            Scale::Days => label::day(d),
        }
    }
}

/// Share of the incidents, in tenths, that the [`Zoom::Most`] span holds.
const MOST_TENTHS: usize = 9;

/// The dates the axis spans and how many incidents start beyond each end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Window {
    min: NaiveDate,
    max: NaiveDate,
    before: usize,
    after: usize,
}

impl Window {
    /// Days from one end of the axis to the other (at least one).
    fn days(self) -> i64 {
        (self.max - self.min).num_days().max(1)
    }

    /// The scale the axis is labelled in.
    fn scale(self) -> Scale {
        Scale::for_span(self.days())
    }

    /// The column of `d` on an axis `width` columns wide (at least two); dates beyond the
    /// span sit on its edges.
    fn column(self, d: NaiveDate, width: usize) -> usize {
        let span = self.days();
        let off = (d - self.min).num_days().clamp(0, span);
        (off as usize * (width - 1)) / span as usize
    }

    /// The span of the axis for `periods` (and the `marked` date, which `All` includes).
    ///
    /// `Most` is the shortest span holding nine in ten of the incidents' starts, widened by a
    /// twentieth on each side so that its incidents are not drawn on the very edge. It is only
    /// taken when it is at most half of the whole span: trimming incidents off the axis must
    /// buy at least twice the resolution, or the strip shows them all.
    fn choose(
        periods: &[(NaiveDate, NaiveDate)],
        marked: Option<NaiveDate>,
        zoom: Zoom,
    ) -> Option<Window> {
        let min = periods.iter().map(|p| p.0).chain(marked).min()?;
        let max = periods.iter().map(|p| p.1).chain(marked).max()?;
        let all = Window {
            min,
            max,
            before: 0,
            after: 0,
        };
        let mut starts: Vec<NaiveDate> = periods.iter().map(|p| p.0).collect();
        let k = (starts.len() * MOST_TENTHS).div_ceil(10);
        if zoom == Zoom::All || k == starts.len() {
            return Some(all);
        }
        starts.sort_unstable();
        let (lo, hi) = starts
            .windows(k)
            .map(|w| (w[0], w[k - 1]))
            .min_by_key(|(lo, hi)| *hi - *lo)?;
        let pad = chrono::Days::new(((hi - lo).num_days() / 20).max(1) as u64);
        let (lo, hi) = (
            lo.checked_sub_days(pad).unwrap_or(lo),
            hi.checked_add_days(pad).unwrap_or(hi),
        );
        if (hi - lo).num_days() * 2 > (max - min).num_days() {
            return Some(all);
        }
        Some(Window {
            min: lo,
            max: hi,
            before: starts.iter().filter(|d| **d < lo).count(),
            after: starts.iter().filter(|d| **d > hi).count(),
        })
    }
}

/// The picture of a timeline: incidents' periods on an axis scaled to their span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strip<'a> {
    pub periods: Vec<(NaiveDate, NaiveDate)>,
    /// Incidents whose date could not be placed (`XXXX-12-25`, a relative date in an undated
    /// article): counted under the axis, so the strip never silently shows fewer than the list.
    pub undated: usize,
    /// A date marked above the axis (the article's date).
    pub marked: Option<NaiveDate>,
    /// The selected incident's start (if it has a place on the axis) and label, emphasised
    /// on the axis and named under it.
    pub selected: Option<(Option<NaiveDate>, &'a str)>,
    pub zoom: Zoom,
}

impl Strip<'_> {
    /// Draws the strip in `area`: four rows (mark, axis, span ends, selected label), or one
    /// ([`Strip::draw_line`]) in a smaller area.
    ///
    /// Dates beyond the span are drawn at its edges: the axis ends in `◀` or `▶`, the row
    /// under it counts the incidents there, and the marked date or the selected incident
    /// sits on the edge with its label.
    pub fn draw(&self, styles: &Styles, area: Rect, frame: &mut Frame) {
        let Some(window) = Window::choose(&self.periods, self.marked, self.zoom) else {
            let text = match self.undated {
                0 => "no resolved dates to draw".to_string(),
                n => format!("no resolved dates to draw ({n} undated)"),
            };
            frame.render_widget(
                Line::styled(truncate(&text, usize::from(area.width)), styles.dim()),
                area,
            );
            return;
        };
        if area.height < STRIP_HEIGHT {
            self.draw_line(window, styles, area, frame);
            return;
        }
        let Window {
            min,
            max,
            before,
            after,
        } = window;
        let w = usize::from(area.width).max(2);
        let scale = window.scale();
        let x = |d: NaiveDate| window.column(d, w);
        let y0 = area.y;
        // Row 0: the marked date, pointed at, or at the edge it lies beyond.
        if let Some(d) = self.marked {
            let date = label::day(d);
            let (start, text) = if d < min {
                (0, format!("◀ {date}"))
            } else if d > max {
                let text = format!("{date} ▶");
                (w.saturating_sub(text.chars().count()), text)
            } else if x(d) + date.chars().count() + 2 <= w {
                (x(d), format!("▼ {date}"))
            } else {
                let text = format!("{date} ▼");
                let col = x(d);
                (col + 1 - text.chars().count().min(col + 1), text)
            };
            frame.render_widget(
                Span::styled(text, styles.accent()),
                Rect::new(area.x + start as u16, y0, (w - start) as u16, 1),
            );
        }
        // Row 1: the axis with ticks, incident markers and arrows where incidents lie beyond.
        self.draw_axis(
            window,
            styles,
            Rect::new(area.x, y0 + 1, area.width, 1),
            frame,
        );
        // Row 2: the ends of the span, with the count of incidents beyond each.
        let mut left = scale.label(min);
        if before > 0 {
            left = format!("◀{before} {left}");
        }
        let mut right = scale.label(max);
        if after > 0 {
            right = format!("{right} {after}▶");
        }
        let used = left.chars().count() + right.chars().count();
        let undated = format!("{} undated", self.undated);
        // The undated count sits in the middle when there is room for it, with a space
        // either side.
        let ends = if self.undated > 0 && used + undated.chars().count() + 2 <= w {
            let gap = w - used - undated.chars().count();
            let l = gap / 2;
            format!(
                "{left}{}{undated}{}{right}",
                " ".repeat(l),
                " ".repeat(gap - l)
            )
        } else {
            format!("{left}{}{right}", " ".repeat(w.saturating_sub(used)))
        };
        frame.render_widget(
            Line::styled(truncate(&ends, w), styles.dim()),
            Rect::new(area.x, y0 + 2, area.width, 1),
        );
        // Row 3: the selected incident's label under its marker.
        if let Some((at, label)) = self.selected {
            let label = match at {
                Some(_) => format!("◆ {label}"),
                None => format!("◆ {label} (undated: not on the axis)"),
            };
            let lw = unicode_width::UnicodeWidthStr::width(label.as_str()).min(w);
            let col = at.map_or(0, |a| x(a).min(w - lw));
            frame.render_widget(
                Span::styled(label, styles.date().add_modifier(Modifier::BOLD)),
                Rect::new(area.x + col as u16, y0 + 3, (w - col) as u16, 1),
            );
        }
    }
}

impl Strip<'_> {
    /// The axis in `area` (one row): ticks, a marker per incident, `◀`/`▶` where incidents lie
    /// beyond, and the selected incident as `◆`.
    fn draw_axis(&self, window: Window, styles: &Styles, area: Rect, frame: &mut Frame) {
        let Window {
            min,
            max,
            before,
            after,
        } = window;
        let w = usize::from(area.width).max(2);
        let x = |d: NaiveDate| window.column(d, w);
        let mut axis: Vec<char> = vec!['─'; w];
        let tick_cols: Vec<usize> = ticks(min, max, window.scale()).into_iter().map(x).collect();
        for &col in &tick_cols {
            axis[col] = '┼';
        }
        // Only incidents that start on the axis: a century that began before it would paint
        // all of it, and is counted at the edge instead.
        for &(a, b) in self.periods.iter().filter(|(a, _)| (min..=max).contains(a)) {
            let (ca, cb) = (x(a), x(b));
            for c in axis.iter_mut().take(cb + 1).skip(ca) {
                *c = '━';
            }
            axis[ca] = '●';
        }
        // A tick under a long period stays visible: in a library, decades and years can
        // cover most of the axis.
        for &col in &tick_cols {
            if axis[col] == '━' {
                axis[col] = '╋';
            }
        }
        if before > 0 {
            axis[0] = '◀';
        }
        if after > 0 {
            axis[w - 1] = '▶';
        }
        let axis_line: String = axis.iter().collect();
        frame.render_widget(Line::from(axis_line), area);
        if let Some((Some(a), _)) = self.selected {
            frame.render_widget(
                Span::styled("◆", styles.accent().add_modifier(Modifier::BOLD)),
                Rect::new(area.x + x(a) as u16, area.y, 1, 1),
            );
        }
    }

    /// The strip in one row, when the panel has no room for four: the span's ends either
    /// side of the axis (`2002 ●━━──┼───●─●● 2016`), the axis alone when too narrow for them.
    fn draw_line(&self, window: Window, styles: &Styles, area: Rect, frame: &mut Frame) {
        let scale = window.scale();
        let (left, right) = (scale.label(window.min), scale.label(window.max));
        let ends = left.chars().count() + right.chars().count() + 2;
        let w = usize::from(area.width);
        if w < ends + 10 {
            self.draw_axis(window, styles, area, frame);
            return;
        }
        let lw = left.chars().count() as u16 + 1;
        let rw = right.chars().count() as u16 + 1;
        frame.render_widget(
            Span::styled(left, styles.dim()),
            Rect::new(area.x, area.y, lw, 1),
        );
        let axis = Rect::new(area.x + lw, area.y, area.width - lw - rw, 1);
        self.draw_axis(window, styles, axis, frame);
        frame.render_widget(
            Span::styled(format!(" {right}"), styles.dim()),
            Rect::new(axis.right(), area.y, rw, 1),
        );
    }
}

/// Most ticks on an axis: more would run into each other on a narrow strip.
const MAX_TICKS: i64 = 12;

/// The smallest round step (1, 2, 5, 10, 20, 50, …) that leaves at most [`MAX_TICKS`]
/// ticks strictly inside a span of `span` units.
fn round_step(span: i64) -> i64 {
    let mut scale = 1;
    loop {
        for s in [1, 2, 5] {
            if span / (s * scale) < MAX_TICKS {
                return s * scale;
            }
        }
        scale *= 10;
    }
}

/// Dates of the tick marks strictly inside the span, at most [`MAX_TICKS`]: the first days of
/// every round number of years (`1990`, `2000`: dates a reader would mark), of every month or
/// two, or Mondays ([`Scale`] keeps months and days to short spans).
fn ticks(min: NaiveDate, max: NaiveDate, scale: Scale) -> Vec<NaiveDate> {
    let inside = |d: &NaiveDate| min < *d && *d < max;
    match scale {
        Scale::Years => {
            let step = round_step(i64::from(max.year() - min.year()));
            let first = (i64::from(min.year()).div_euclid(step) + 1) * step;
            (0..MAX_TICKS)
                .filter_map(|k| i32::try_from(first + k * step).ok())
                .filter_map(|y| NaiveDate::from_ymd_opt(y, 1, 1))
                .filter(inside)
                .collect()
        }
        Scale::Months => {
            let index = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
            let step = round_step(index(max) - index(min));
            let first = (index(min).div_euclid(step) + 1) * step;
            (0..MAX_TICKS)
                .map(|k| first + k * step)
                .filter_map(|m| {
                    let y = i32::try_from(m.div_euclid(12)).ok()?;
                    NaiveDate::from_ymd_opt(y, u32::try_from(m.rem_euclid(12)).ok()? + 1, 1)
                })
                .filter(inside)
                .collect()
        }
        Scale::Days => {
            let step = round_step((max - min).num_days() / 7);
            let monday = min.succ_opt().and_then(|d| {
                let back = u64::from(d.weekday().num_days_from_monday());
                d.checked_add_days(chrono::Days::new((7 - back) % 7))
            });
            (0..MAX_TICKS)
                .filter_map(|k| monday?.checked_add_days(chrono::Days::new((k * step * 7) as u64)))
                .filter(inside)
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn on(d: NaiveDate) -> (NaiveDate, NaiveDate) {
        (d, d)
    }

    /// Ten incidents in spring 2016 and the two centuries a library also mentions.
    fn news_and_centuries() -> Vec<(NaiveDate, NaiveDate)> {
        let mut periods: Vec<_> = (1..=20).map(|d| on(day(2016, 4, d))).collect();
        periods.push((day(1, 1, 1), day(100, 12, 31)));
        periods.push((day(2001, 1, 1), day(2100, 12, 31)));
        periods
    }

    #[test]
    fn most_spans_the_news_and_counts_the_centuries_at_the_edges() {
        let w = Window::choose(&news_and_centuries(), None, Zoom::Most).unwrap();
        assert_eq!((w.before, w.after), (2, 0), "{w:?}");
        assert!(w.min > day(2016, 3, 1) && w.min <= day(2016, 4, 1), "{w:?}");
        assert!(
            w.max >= day(2016, 4, 20) && w.max < day(2016, 6, 1),
            "{w:?}"
        );
    }

    #[test]
    fn all_spans_every_period_and_the_marked_date() {
        let marked = day(2016, 5, 2);
        let w = Window::choose(&news_and_centuries(), Some(marked), Zoom::All).unwrap();
        assert_eq!(
            w,
            Window {
                min: day(1, 1, 1),
                max: day(2100, 12, 31),
                before: 0,
                after: 0
            }
        );
    }

    #[test]
    fn a_short_timeline_keeps_every_incident() {
        // The sample's incidents: 2002, early 2014, the past week, April 20 and 21, July 2016.
        // Nine in ten of six is all six: nothing is trimmed.
        let periods = [
            (day(2002, 1, 1), day(2002, 12, 31)),
            (day(2014, 1, 1), day(2014, 4, 30)),
            (day(2016, 4, 13), day(2016, 4, 19)),
            on(day(2016, 4, 20)),
            on(day(2016, 4, 21)),
            (day(2016, 7, 1), day(2016, 7, 31)),
        ];
        let most = Window::choose(&periods, Some(day(2016, 4, 20)), Zoom::Most);
        let all = Window::choose(&periods, Some(day(2016, 4, 20)), Zoom::All);
        assert_eq!(most, all);
        assert_eq!(most.unwrap().min, day(2002, 1, 1));
    }

    #[test]
    fn trimming_that_gains_little_is_not_done() {
        // Nineteen incidents over 2000–2016 and one in 1990: the span of most is more than
        // half of the whole, so all are shown.
        let mut periods: Vec<_> = (0..19).map(|i| on(day(2000 + i % 17, 6, 1))).collect();
        periods.push(on(day(1990, 6, 1)));
        let w = Window::choose(&periods, None, Zoom::Most).unwrap();
        assert_eq!((w.min, w.before), (day(1990, 6, 1), 0));
    }

    #[test]
    fn incidents_on_one_day_get_a_span_around_them() {
        let mut periods = vec![on(day(2016, 4, 20)); 10];
        periods.push(on(day(1990, 1, 1)));
        let w = Window::choose(&periods, None, Zoom::Most).unwrap();
        assert!(
            w.min < day(2016, 4, 20) && w.max > day(2016, 4, 20),
            "{w:?}"
        );
        assert_eq!((w.before, w.after), (1, 0));
    }

    /// The strip's rows as text, drawn `width` columns wide.
    fn rows(strip: &Strip, width: u16) -> Vec<String> {
        use ratatui::{Terminal, backend::TestBackend};
        let config = crate::config::Config::defaults();
        let mut term = Terminal::new(TestBackend::new(width, 4)).unwrap();
        term.draw(|f| strip.draw(&Styles::new(&config.theme), f.area(), f))
            .unwrap();
        let buf = term.backend().buffer();
        (0..4)
            .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    #[test]
    fn undated_incidents_are_counted_and_named_when_selected() {
        let periods = vec![on(day(2016, 4, 1)), on(day(2016, 4, 20))];
        let mut strip = Strip {
            periods,
            undated: 2,
            marked: None,
            selected: Some((None, "25 Dec")),
            zoom: Zoom::Most,
        };
        let got = rows(&strip, 60);
        assert!(got[2].contains(" 2 undated "), "{got:#?}");
        assert!(
            got[3].starts_with("◆ 25 Dec (undated: not on the axis)"),
            "{got:#?}"
        );
        assert!(!got[1].contains('◆'), "{got:#?}");
        // Ticks show through long periods.
        let decade = Strip {
            periods: vec![(day(2010, 1, 1), day(2019, 12, 31))],
            undated: 0,
            marked: None,
            selected: None,
            zoom: Zoom::All,
        };
        let axis = &rows(&decade, 40)[1];
        assert!(
            axis.starts_with('●') && axis.matches('╋').count() >= 5,
            "{axis}"
        );
        // Too narrow for the count beside the span's ends: the ends win.
        assert!(!rows(&strip, 24)[2].contains("undated"));
        // Nothing dated at all.
        strip.periods.clear();
        assert_eq!(
            rows(&strip, 60)[0].trim_end(),
            "no resolved dates to draw (2 undated)"
        );
    }

    #[test]
    fn ticks_fall_on_round_dates_across_the_whole_span() {
        let years: Vec<i32> = ticks(day(1, 1, 1), day(2016, 12, 31), Scale::Years)
            .iter()
            .map(|d| d.year())
            .collect();
        assert_eq!(years, (1..=10).map(|k| k * 200).collect::<Vec<_>>());
        let months = ticks(day(2015, 11, 20), day(2016, 7, 1), Scale::Months);
        assert_eq!(months.first(), Some(&day(2015, 12, 1)));
        assert_eq!(months.len(), 7);
        assert_eq!(months.last(), Some(&day(2016, 6, 1)));
        for (a, b) in [
            (day(2001, 6, 1), day(2026, 6, 1)),
            (day(1, 1, 1), day(9999, 1, 1)),
        ] {
            assert!(ticks(a, b, Scale::Years).len() <= MAX_TICKS as usize);
        }
        // At the end of the calendar: no overflow.
        let end = NaiveDate::MAX;
        let near_end = end.checked_sub_days(chrono::Days::new(20)).unwrap();
        assert!(ticks(near_end, end, Scale::Days).len() <= 3);
        let mondays = ticks(day(2016, 4, 1), day(2016, 4, 30), Scale::Days);
        assert_eq!(
            mondays,
            [
                day(2016, 4, 4),
                day(2016, 4, 11),
                day(2016, 4, 18),
                day(2016, 4, 25)
            ]
        );
    }

    #[test]
    fn nothing_to_draw_without_dates() {
        assert_eq!(Window::choose(&[], None, Zoom::Most), None);
        let marked = day(2016, 4, 20);
        let w = Window::choose(&[], Some(marked), Zoom::Most).unwrap();
        assert_eq!((w.min, w.max), (marked, marked));
    }
}
