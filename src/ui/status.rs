//! The status bar: the mode (or the focused pane), a warning flag, a middle part (a message,
//! the speaker of the quotation at the top of the view, or the title), the position, and hints
//! to the keys a newcomer needs. In search mode it is the search prompt.
//!
//! The bar never takes more columns than the terminal has: the right side is chosen from
//! forms that drop the least useful part first (the panel hints, then `? help`, then the line
//! count), the middle is cut with `…` at a whole glyph, and only then is the mode cut.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::style::Styles;
use super::{excerpt, truncate};
use crate::app::{Mode, Reader};
use crate::input::{Command, KeyMode};

/// Columns the middle part keeps before the right side gives up a part for it.
const MIN_MIDDLE: usize = 14;
/// Columns the middle part keeps before the panel hints give way to it: hints are for when
/// there is room to spare.
const MIN_MIDDLE_WITH_HINTS: usize = 36;
/// Columns a note under the cursor keeps before the position and `? help` give way to it.
const NOTE_ROOM: usize = 40;

pub fn draw(app: &Reader, area: Rect, frame: &mut Frame) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let styles = Styles::new(&app.config().theme);
    if let Mode::Searching(prompt) = app.mode() {
        let input = prompt.input();
        let n = app.search().matches.len();
        let count = if input.is_empty() {
            String::new()
        } else {
            format!("  [{n} match{}]", if n == 1 { "" } else { "es" })
        };
        let line = Line::from(vec![
            Span::styled(format!("/{input}"), Style::new()),
            Span::styled("█", Style::new().add_modifier(Modifier::SLOW_BLINK)),
            Span::styled(count, styles.dim()),
        ]);
        frame.render_widget(line, area);
        return;
    }
    frame.render_widget(reader_line(app, &styles, area.width), area);
}

/// The reader's status line for a bar `width` columns wide.
pub fn reader_line(app: &Reader, styles: &Styles, width: u16) -> Line<'static> {
    let lines = app.layout().len();
    let rows = app.viewport_rows();
    let last = (app.top() + rows).min(lines);
    let percent = if lines <= rows || lines == 0 {
        100
    } else {
        last * 100 / lines
    };
    let busy = if app.analysing() { " analysing…" } else { "" };
    let keymap = &app.config().keymap;
    let key = |c: Command| keymap.first_key(KeyMode::Normal, c);
    let help = key(Command::Help)
        .map(|k| format!("{k} help"))
        .unwrap_or_default();
    // The panels' keys, while no panel shows them in its title.
    let panels = if app.panel().open {
        String::new()
    } else {
        [
            (Command::QuotesPanel, "quotes"),
            (Command::TimelinePanel, "timeline"),
            (Command::NotesPanel, "notes"),
        ]
        .iter()
        .filter_map(|&(c, what)| Some(format!("{} {what}  ", key(c)?)))
        .collect()
    };
    let mut rights = vec![
        (
            format!("{busy} {percent:>3}%  {last}/{lines}  {panels}{help} "),
            MIN_MIDDLE_WITH_HINTS,
        ),
        (
            format!("{busy} {percent:>3}%  {last}/{lines}  {help} "),
            MIN_MIDDLE,
        ),
        (format!(" {percent:>3}%  {help} "), MIN_MIDDLE),
        (format!(" {percent:>3}% "), MIN_MIDDLE),
    ];
    // A message is said once, until the next key: the position and panel hints, there all
    // the time, give way before it is cut; the help key stays, the way out for a new user.
    if app.message().is_some() {
        for (_, keep) in &mut rights {
            *keep = usize::MAX;
        }
        let help_only = if help.is_empty() {
            String::new()
        } else {
            format!(" {help} ")
        };
        rights.push((help_only, 0));
    }
    let mode = format!(" {} ", app.mode_label());
    let warning = !app.article().warnings().is_empty() && app.message().is_none();
    let middle = match app.message() {
        // Messages quote addresses and servers' words: nothing in them may drive the terminal.
        Some(m) => crate::source::sanitize(m).replace('\n', " "),
        None => match note_at_cursor(app) {
            // As much of the note as the bar has room for; when that is not all of it, the
            // label says that `enter` shows the rest.
            Some((text, more_lines)) => {
                // The note is what the reader came to the passage for: the panel hints show
                // only beside the whole of it, and the position gives way before it is cut
                // to less than NOTE_ROOM columns.
                let note_rights = [
                    (rights[0].0.clone(), usize::MAX),
                    (rights[1].0.clone(), NOTE_ROOM),
                    (rights[2].0.clone(), NOTE_ROOM),
                    rights[3].clone(),
                ];
                let plain = format!("note: {text}");
                let (_, room) = right_and_room(&mode, warning, &plain, &note_rights, width);
                let middle = if more_lines || plain.width() > room {
                    format!("note (enter: all): {text}")
                } else {
                    plain
                };
                return fit(&mode, warning, &middle, &note_rights, styles, width);
            }
            None => speaker_at_top(app).unwrap_or_else(|| app.article().meta.title.clone()),
        },
    };
    fit(&mode, warning, &middle, &rights, styles, width)
}

/// A status line: the mode reversed, a middle part cut to fit, and the right part flush right.
pub fn bar(mode: &str, middle: &str, right: &str, styles: &Styles, width: u16) -> Line<'static> {
    fit(
        mode,
        false,
        middle,
        &[(right.to_string(), MIN_MIDDLE)],
        styles,
        width,
    )
}

/// A status line of at most `width` columns: the mode, a `⚠` when `warning`, the middle cut to
/// what is left, and the first of `rights` (longest first) that leaves the middle the columns
/// paired with it (or all it needs, if less), else the first that fits at all, else nothing.
fn fit(
    mode: &str,
    warning: bool,
    middle: &str,
    rights: &[(String, usize)],
    styles: &Styles,
    width: u16,
) -> Line<'static> {
    let style = styles.status();
    let (right, room) = right_and_room(mode, warning, middle, rights, width);
    let width = usize::from(width);
    let mode = truncate(mode, width);
    let flag = if warning { " ⚠" } else { "" };
    let middle = truncate(middle, room);
    let pad = room.saturating_sub(middle.width());
    let mut spans = vec![Span::styled(
        mode.clone(),
        style.add_modifier(Modifier::BOLD | Modifier::REVERSED),
    )];
    if warning && mode.width() + flag.width() <= width {
        spans.push(Span::styled(flag, styles.warning()));
    }
    if mode.width() + flag.width() < width {
        spans.push(Span::styled(format!(" {middle}"), style));
        spans.push(Span::styled(" ".repeat(pad), style));
        spans.push(Span::styled(right.to_string(), style));
    }
    Line::from(spans)
}

/// The right part [`fit`] chooses for a bar of `width` columns, and the columns left for the
/// middle beside it.
fn right_and_room<'a>(
    mode: &str,
    warning: bool,
    middle: &str,
    rights: &'a [(String, usize)],
    width: u16,
) -> (&'a str, usize) {
    let width = usize::from(width);
    let mode = truncate(mode, width);
    let flag = if warning { " ⚠" } else { "" };
    let fixed = mode.width() + flag.width() + 1;
    let right = rights
        .iter()
        .find(|(r, keep)| fixed + middle.width().min(*keep) + r.width() <= width)
        .or_else(|| rights.iter().find(|(r, _)| fixed + r.width() <= width))
        .map_or("", |(r, _)| r.as_str());
    (right, width.saturating_sub(fixed + right.width()))
}

/// The note on the passage under the cursor, on one line, and whether it has more lines than
/// that: the status bar shows `note: check NATO's 2016 posture figures`, as much as fits.
fn note_at_cursor(app: &Reader) -> Option<(String, bool)> {
    // Not over the note's own editor, where `enter` is a new line.
    if app.focus() != crate::app::Focus::Reader || matches!(app.mode(), Mode::EditingNote(_)) {
        return None;
    }
    let note = &app.notes()[app.note_at(app.cursor())?];
    if note.body.trim().is_empty() {
        return None;
    }
    let one_line = note.body.split_whitespace().collect::<Vec<_>>().join(" ");
    Some((one_line, note.body.trim().contains('\n')))
}

/// `quote: Lavrov «But, and we have…»` for the first speech quotation visible at the top of
/// the view.
fn speaker_at_top(app: &Reader) -> Option<String> {
    let lines = app.layout().lines();
    let top = lines.get(app.top())?.range.start;
    let bottom = lines
        .get(
            (app.top() + app.viewport_rows())
                .min(lines.len())
                .saturating_sub(1),
        )?
        .range
        .end;
    let q = &app.analysis().quotes;
    let i = q.quotes.partition_point(|x| x.outer.end <= top);
    let quote = q.quotes[i..]
        .iter()
        .take_while(|x| x.outer.start < bottom)
        .find(|x| x.speaker.is_some())?;
    let speaker = &q.speakers[quote.speaker?];
    let words = excerpt(&app.article().text()[quote.range.clone()], 28);
    Some(format!("quote: {} «{words}»", speaker.name))
}
