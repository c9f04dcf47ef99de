//! The library screen: a tab line, one list (articles, speakers or the timeline) of which only
//! the visible rows are drawn, and a status line with the filter, the sort and the progress of
//! the background analysis.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table};

use super::style::Styles;
use super::timeline::Strip;
use super::{excerpt_marked, help, status, tab_labels, truncate};
use crate::app::library::{Library, TimelineRow, View, plural};
use crate::input::{Command, KeyMode, Keymap};
use crate::library::SourceKind;

pub fn draw(lib: &Library, frame: &mut Frame) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let styles = Styles::new(&lib.config().theme);
    let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    status_line(lib, &styles, status, frame);
    if area.height >= 2 {
        tabs(
            lib,
            &styles,
            Rect::new(area.x, area.y, area.width, 1),
            frame,
        );
    }
    if area.height > 3 {
        let body = Rect::new(area.x, area.y + 1, area.width, area.height - 2);
        match lib.view() {
            View::Articles => articles(lib, &styles, body, frame),
            View::Speakers => match lib.speaker() {
                None if lib.chart() => super::sources::draw(lib, &styles, body, frame),
                None => speakers(lib, &styles, body, frame),
                Some((s, _)) => speaker_quotes(lib, s, &styles, body, frame),
            },
            View::Timeline => timeline(lib, &styles, body, frame),
        }
    }
    if let Some(scroll) = lib.help_scroll() {
        help::draw(&lib.config().keymap, help::LIBRARY, scroll, frame);
    }
}

fn tabs(lib: &Library, styles: &Styles, area: Rect, frame: &mut Frame) {
    let current = View::ALL.iter().position(|v| *v == lib.view()).unwrap_or(0);
    let mut spans = vec![Span::raw(" ")];
    spans.extend(tab_labels(
        View::ALL.iter().map(|v| v.title()),
        current,
        Span::raw("   "),
        styles,
    ));
    spans.push(Span::raw("   "));
    let (done, total) = lib.progress();
    if let Some((fed, feeds)) = lib.feeds_progress().filter(|(d, t)| d < t) {
        spans.push(Span::styled(
            format!("fetching feeds {fed}/{feeds}"),
            styles.accent(),
        ));
    } else if done < total {
        let width = 12usize;
        let filled = done * width / total.max(1);
        spans.push(Span::styled(
            format!(
                "analysing {done}/{total} {}{}",
                "█".repeat(filled),
                "░".repeat(width - filled)
            ),
            styles.accent(),
        ));
    }
    frame.render_widget(Line::from(spans), area);
}

/// A table of the visible rows `offset..offset + height - 1` (one row is the header).
fn table<'a>(
    header: Vec<&'a str>,
    rows: Vec<Row<'a>>,
    widths: Vec<Constraint>,
    styles: &Styles,
    area: Rect,
    frame: &mut Frame,
) {
    let header = Row::new(header).style(styles.dim().add_modifier(Modifier::BOLD));
    frame.render_widget(
        Table::new(rows, widths).header(header).column_spacing(1),
        area,
    );
}

/// The visible slice of a list of `len` rows for the cursor, and which of them is selected.
fn visible(lib: &Library, len: usize, area: Rect) -> (std::ops::Range<usize>, usize) {
    let cursor = lib.cursor();
    let height = usize::from(area.height.saturating_sub(1));
    let start = cursor.offset.min(len);
    (start..(start + height).min(len), cursor.selected)
}

/// Columns left to the one `Fill` column of a table `width` wide whose other columns are
/// `fixed` wide, a column's gap between each two: what its cells are cut to, with `…`.
fn fill_width(width: u16, fixed: &[u16]) -> usize {
    let gaps = fixed.len() as u16;
    usize::from(width.saturating_sub(fixed.iter().sum::<u16>() + gaps))
}

fn row_style(selected: bool, styles: &Styles) -> Style {
    if selected {
        styles.selected_row(true)
    } else {
        Style::new()
    }
}

fn articles(lib: &Library, styles: &Styles, area: Rect, frame: &mut Frame) {
    let (range, selected) = visible(lib, lib.articles().len(), area);
    let wide = area.width >= 70;
    let title_width = if wide {
        fill_width(area.width, &[10, 14, 6, 6, 5])
    } else {
        fill_width(area.width, &[6, 5])
    };
    let rows = range
        .map(|row| {
            let e = &lib.library().entries[lib.articles()[row]];
            let mut cells = vec![Cell::from(truncate(&e.title, title_width))];
            if wide {
                cells.push(Cell::from(
                    e.date.map_or_else(|| "—".into(), |d| d.to_string()),
                ));
                cells.push(Cell::from(truncate(
                    e.source.as_deref().unwrap_or_default(),
                    14,
                )));
                cells.push(Cell::from(format!("{:>6}", e.words)));
            }
            cells.push(Cell::from(format!("{:>6}", Library::quotes_cell(e))));
            cells.push(Cell::from(format!("{:>5}", e.notes)));
            Row::new(cells).style(row_style(row == selected, styles))
        })
        .collect();
    let (header, widths) = if wide {
        (
            vec!["Title", "Date", "Source", " Words", "Quotes", "Notes"],
            vec![
                Constraint::Fill(1),
                Constraint::Length(10),
                Constraint::Length(14),
                Constraint::Length(6),
                Constraint::Length(6),
                Constraint::Length(5),
            ],
        )
    } else {
        (
            vec!["Title", "Quotes", "Notes"],
            vec![
                Constraint::Fill(1),
                Constraint::Length(6),
                Constraint::Length(5),
            ],
        )
    };
    table(header, rows, widths, styles, area, frame);
}

fn speakers(lib: &Library, styles: &Styles, area: Rect, frame: &mut Frame) {
    let (range, selected) = visible(lib, lib.speaker_rows().len(), area);
    let role = if area.width >= 70 { 30 } else { 0 };
    let name_width = fill_width(area.width, &[role, 6, 8]);
    let rows = range
        .map(|row| {
            let s = &lib.speakers().speakers[lib.speaker_rows()[row]];
            let name_style = if s.kind == SourceKind::Unnamed {
                styles.unknown_speaker()
            } else {
                Style::new()
            };
            Row::new(vec![
                Cell::from(truncate(&s.name, name_width)).style(name_style),
                Cell::from(truncate(
                    s.role.as_deref().unwrap_or_default(),
                    usize::from(role),
                ))
                .style(styles.dim()),
                Cell::from(format!("{:>6}", s.quotes.len())),
                Cell::from(format!("{:>8}", s.articles)),
            ])
            .style(row_style(row == selected, styles))
        })
        .collect();
    table(
        vec!["Speaker", "Role", "Quotes", "Articles"],
        rows,
        vec![
            Constraint::Fill(1),
            Constraint::Length(role),
            Constraint::Length(6),
            Constraint::Length(8),
        ],
        styles,
        area,
        frame,
    );
}

fn speaker_quotes(lib: &Library, s: usize, styles: &Styles, area: Rect, frame: &mut Frame) {
    let speaker = &lib.speakers().speakers[s];
    let (quotes, articles) = (speaker.quotes.len(), speaker.articles);
    let shared = speaker.shown.iter().any(|g| g.quotes.len() > 1);
    let heading = format!(
        " {} — {quotes} {} in {articles} {}{}   Enter opens · Esc back",
        speaker.name,
        plural(quotes, "quotation", "quotations"),
        plural(articles, "article", "articles"),
        if shared {
            " (= in several, ≠ worded differently)"
        } else {
            ""
        },
    );
    frame.render_widget(
        Line::styled(truncate(&heading, usize::from(area.width)), styles.title()),
        Rect::new(area.x, area.y, area.width, 1),
    );
    let area = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    let (range, selected) = visible(lib, speaker.shown.len(), area);
    let title_width = if area.width >= 70 { 28 } else { 0 };
    let quote_width = fill_width(area.width, &[10, title_width]);
    let rows = range
        .map(|row| {
            let group = &speaker.shown[row];
            let r = group.first();
            let e = &lib.library().entries[r.entry];
            // One quotation in several articles: their sources (the feed or folder, else the
            // title) instead of the first's title, and `≠` when they word it differently.
            let article = if group.quotes.len() > 1 {
                let mut sources: Vec<&str> = group
                    .quotes
                    .iter()
                    .map(|q| {
                        let e = &lib.library().entries[q.entry];
                        e.source.as_deref().unwrap_or(&e.title)
                    })
                    .collect();
                // Articles come in library order: one outlet may come back after another.
                let mut seen = std::collections::HashSet::new();
                sources.retain(|s| seen.insert(*s));
                format!("{}: {}", group.quotes.len(), sources.join(", "))
            } else {
                e.title.clone()
            };
            let mark = match (group.quotes.len() > 1, group.reworded) {
                (true, true) => "≠ ",
                (true, false) => "= ",
                _ => "",
            };
            let quote = e.summary().and_then(|sum| {
                let q = sum.quotes.get(r.quote)?;
                // Under the unnamed sources, each quotation says which source it is.
                let source = q
                    .speaker
                    .and_then(|s| sum.speakers.get(s))
                    .filter(|_| speaker.kind == SourceKind::Unnamed)
                    .map(|s| format!("{}: ", s.name))
                    .unwrap_or_default();
                Some(format!("{mark}{source}«{}»", q.excerpt))
            });
            Row::new(vec![
                Cell::from(e.date.map_or_else(|| "—".into(), |d| d.to_string())),
                Cell::from(truncate(&article, usize::from(title_width))).style(styles.dim()),
                Cell::from(truncate(&quote.unwrap_or_default(), quote_width)),
            ])
            .style(row_style(row == selected, styles))
        })
        .collect();
    table(
        vec!["Date", "Article", "Quotation"],
        rows,
        vec![
            Constraint::Length(10),
            Constraint::Length(title_width),
            Constraint::Fill(1),
        ],
        styles,
        area,
        frame,
    );
}

fn timeline(lib: &Library, styles: &Styles, area: Rect, frame: &mut Frame) {
    let incident = |r: &TimelineRow| {
        let r = r.incident()?;
        lib.library().entries[r.entry]
            .summary()
            .and_then(|s| s.incidents.get(r.incident))
    };
    let strip = lib.strip_rows();
    if strip > 0 {
        let periods: Vec<_> = lib
            .incidents()
            .iter()
            .filter_map(incident)
            .filter_map(|i| i.period)
            .collect();
        let undated = lib
            .incidents()
            .iter()
            .find_map(|r| match r {
                TimelineRow::Undated { count, .. } => Some(*count),
                TimelineRow::Incident(_) => None,
            })
            .unwrap_or(0);
        let picture = Strip {
            undated,
            periods,
            marked: None,
            zoom: lib.zoom(),
            selected: lib
                .incidents()
                .get(lib.cursor().selected)
                .and_then(incident)
                .map(|i| (i.period.map(|p| p.0), i.label.as_str())),
        };
        picture.draw(styles, Rect::new(area.x, area.y, area.width, strip), frame);
    }
    let area = Rect::new(
        area.x,
        area.y + strip,
        area.width,
        area.height.saturating_sub(strip),
    );
    let (range, selected) = visible(lib, lib.incidents().len(), area);
    // The article's title stays at 60 columns, narrower.
    let title_width = match area.width {
        70.. => 28,
        50..70 => area.width / 4,
        _ => 0,
    };
    // The date column as wide as the widest visible label (`28 Dec 2015 – 3 Jan 2016`).
    let when_width = range
        .clone()
        .map(|row| {
            let label = incident(&lib.incidents()[row]).map_or(UNDATED, |i| i.label.as_str());
            unicode_width::UnicodeWidthStr::width(label)
        })
        .max()
        .unwrap_or(0)
        .clamp(4, usize::from(area.width / 3).max(4)) as u16;
    // Two gaps of one column between the three columns.
    let spacing = 2;
    let what_width = usize::from(
        area.width
            .saturating_sub(when_width + title_width + spacing),
    );
    let mark_style = styles.date().add_modifier(Modifier::BOLD);
    let rows = range
        .map(|row| {
            let r = lib.incidents()[row];
            let cells = match r {
                TimelineRow::Undated { count, open } => {
                    let arrow = if open { "▾" } else { "▸" };
                    let what = format!(
                        "{arrow} {count} {} with no place in time (Enter {})",
                        plural(count, "incident", "incidents"),
                        if open { "folds" } else { "lists them" }
                    );
                    vec![
                        Cell::from(truncate(UNDATED, usize::from(when_width))).style(styles.dim()),
                        Cell::from(""),
                        Cell::from(truncate(&what, what_width)).style(styles.dim()),
                    ]
                }
                TimelineRow::Incident(i) => {
                    let e = &lib.library().entries[i.entry];
                    let inc = incident(&r);
                    let label = inc.map_or("", |i| i.label.as_str());
                    let what = inc.map_or_else(Line::default, |i| {
                        excerpt_marked(&i.excerpt, i.mark.clone(), what_width, mark_style)
                    });
                    vec![
                        Cell::from(truncate(label, usize::from(when_width))).style(styles.date()),
                        Cell::from(truncate(&e.title, usize::from(title_width)))
                            .style(styles.dim()),
                        Cell::from(what),
                    ]
                }
            };
            Row::new(cells).style(row_style(row == selected, styles))
        })
        .collect();
    table(
        vec!["When", "Article", "What"],
        rows,
        vec![
            Constraint::Length(when_width),
            Constraint::Length(title_width),
            Constraint::Fill(1),
        ],
        styles,
        area,
        frame,
    );
}

/// The date column of the row standing for the undated incidents.
const UNDATED: &str = "undated";

fn status_line(lib: &Library, styles: &Styles, area: Rect, frame: &mut Frame) {
    let shown = match lib.view() {
        View::Articles => lib.articles().len(),
        View::Speakers => lib.speaker_rows().len(),
        View::Timeline => lib.incidents().len(),
    };
    if lib.filtering() {
        let line = Line::from(vec![
            Span::raw(format!("/{}", lib.filter())),
            Span::styled("█", Style::new().add_modifier(Modifier::SLOW_BLINK)),
            Span::styled(format!("  [{shown} shown]"), styles.dim()),
        ]);
        frame.render_widget(line, area);
        return;
    }
    let (at, len) = lib.position();
    let sort = lib.sort().name();
    // What the selected row has to say: why an entry failed, how an outlet rewords a quotation.
    let detail = match lib.view() {
        View::Articles => lib.articles().get(lib.cursor().selected).and_then(|&e| {
            match &lib.library().entries[e].status {
                crate::library::Status::Failed(why) => Some(why.clone()),
                _ => None,
            }
        }),
        // A quotation an outlet words differently: the words that differ.
        View::Speakers => lib.speaker().and_then(|(s, cursor)| {
            let group = lib.speakers().speakers.get(s)?.shown.get(cursor.selected)?;
            group.difference_line(|e| {
                let e = &lib.library().entries[e];
                e.source.clone().unwrap_or_else(|| e.title.clone())
            })
        }),
        View::Timeline => None,
    };
    // Messages quote addresses and servers' words: nothing in them may drive the terminal.
    let message = lib
        .message()
        .map(|m| crate::source::sanitize(m).replace('\n', " "));
    let middle = match (message.or(detail), lib.filter().is_empty()) {
        (Some(m), _) => m,
        (None, true) => {
            let n = lib.library().entries.len();
            format!("{n} {}", plural(n, "article", "articles"))
        }
        (None, false) => format!(
            "/{}  {shown} shown{}",
            lib.filter(),
            lib.config()
                .keymap
                .first_key(crate::input::KeyMode::Prompt, crate::input::Command::Cancel)
                .map(|k| format!(" ({k} clears)"))
                .unwrap_or_default()
        ),
    };
    // The key hints give way first when the message needs the room.
    let keymap = &lib.config().keymap;
    let full = format!(
        " {at}/{len}  sort: {sort}  {} ",
        hints(
            keymap,
            &[
                (Command::CycleSort, "sort"),
                (Command::Search, "filter"),
                (Command::Help, "help"),
            ]
        )
    );
    let fits = |right: &str| {
        let w = |s: &str| unicode_width::UnicodeWidthStr::width(s);
        w(" LIBRARY ") + w(&middle) + 2 + w(right) <= usize::from(area.width)
    };
    let right = if fits(&full) {
        full
    } else {
        format!(
            " {at}/{len}  sort: {sort}  {} ",
            hints(keymap, &[(Command::Help, "help")])
        )
    };
    frame.render_widget(
        status::bar(" LIBRARY ", &middle, &right, styles, area.width),
        area,
    );
}

/// The library's key hints (`s sort  / filter  ? help`) with the keys as bound: a library key,
/// else the reading key the library falls back to; an unbound command's hint left out.
fn hints(keymap: &Keymap, hints: &[(Command, &str)]) -> String {
    hints
        .iter()
        .filter_map(|&(command, what)| {
            let key = keymap
                .first_key(KeyMode::Library, command)
                .or_else(|| keymap.first_key(KeyMode::Normal, command))?;
            Some(format!("{key} {what}"))
        })
        .collect::<Vec<_>>()
        .join("  ")
}

#[cfg(test)]
mod hint_tests {
    use super::*;
    use crate::input::KeyCombo;

    #[test]
    fn the_status_hints_name_the_keys_as_bound() {
        let mut keymap = crate::config::Config::defaults().keymap;
        let wanted = [
            (Command::CycleSort, "sort"),
            (Command::Search, "filter"),
            (Command::Help, "help"),
        ];
        assert_eq!(hints(&keymap, &wanted), "s sort  / filter  ? help");
        let key = |k: &str| k.parse::<KeyCombo>().unwrap();
        keymap.bind(KeyMode::Library, Command::CycleSort, &[key("o")]);
        keymap.bind(KeyMode::Normal, Command::Help, &[]);
        assert_eq!(hints(&keymap, &wanted), "o sort  / filter");
    }
}
