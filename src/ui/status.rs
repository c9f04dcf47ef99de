//! The status bar: mode, title, the speaker of the quotation at the top of the view, messages,
//! and the position. In search mode it is the search prompt.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::style::Styles;
use super::{excerpt, truncate};
use crate::app::{Mode, Reader};

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
    let lines = app.layout().len();
    let rows = app.viewport_rows();
    let last = (app.top() + rows).min(lines);
    let percent = if lines <= rows || lines == 0 {
        100
    } else {
        last * 100 / lines
    };
    let busy = if app.analysing() { " analysing…" } else { "" };
    let right = format!("{busy} {percent:>3}%  {last}/{lines}  ? help ");
    let mode = format!(" {} ", app.mode_label());
    let middle = match app.message() {
        Some(m) => m.to_string(),
        None => speaker_at_top(app).unwrap_or_else(|| app.article().meta.title.clone()),
    };
    let mut line = bar(&mode, &middle, &right, &styles, area.width);
    if !app.article().warnings().is_empty() && app.message().is_none() {
        line.spans.insert(1, Span::styled(" ⚠", styles.warning()));
    }
    frame.render_widget(line, area);
}

/// A status line: the mode reversed, a middle part cut to fit, and the right part flush right.
pub fn bar(mode: &str, middle: &str, right: &str, styles: &Styles, width: u16) -> Line<'static> {
    let style = styles.status();
    let width = usize::from(width);
    let used = mode.chars().count() + right.chars().count() + 2;
    let middle = truncate(middle, width.saturating_sub(used));
    let pad = width.saturating_sub(used + unicode_width::UnicodeWidthStr::width(middle.as_str()));
    Line::from(vec![
        Span::styled(
            mode.to_string(),
            style.add_modifier(Modifier::BOLD | Modifier::REVERSED),
        ),
        Span::styled(format!(" {middle}"), style),
        Span::styled(" ".repeat(pad + 1), style),
        Span::styled(right.to_string(), style),
    ])
}

/// `Lavrov «But, and we have…»` for the first speech quotation visible at the top of the view.
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
    Some(format!("{} «{words}»", speaker.name))
}
