//! The reader pane: only the rows in the viewport are drawn, each from its byte range, with
//! the article's own styling (headings, emphasis, code, links), then quotations, dates, notes,
//! search matches, the selection and the cursor merged per row. Quote bars and list indents
//! come from the layout.

use std::ops::Range;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::Areas;
use super::style::Styles;
use crate::analysis::quotes::QuoteKind;
use crate::app::{Focus, Reader};
use crate::layout::{LineKind, QUOTE_BAR};
use crate::source::InlineStyle;

pub fn draw(app: &Reader, areas: &Areas, frame: &mut Frame) {
    let text_area = areas.text;
    if text_area.width == 0 || text_area.height == 0 {
        return;
    }
    let styles = Styles::new(&app.config().theme);
    let text = app.article().text();
    let lines = app.layout().lines();
    let rows = usize::from(text_area.height);
    let end = (app.top() + rows).min(lines.len());
    let selection = app.selection();
    let show_cursor = app.focus() == Focus::Reader;
    for (screen_row, line) in lines[app.top()..end].iter().enumerate() {
        let y = text_area.y + screen_row as u16;
        if let Some(margin) = areas.margin {
            draw_marker(
                app,
                &styles,
                line.range.clone(),
                Rect::new(margin.x, y, 1, 1),
                frame,
            );
        }
        let row = Rect::new(text_area.x, y, text_area.width, 1);
        for bar in 0..u16::from(line.quotes) {
            let x = text_area.x + bar * QUOTE_BAR.chars().count() as u16;
            if x < row.right() {
                frame.render_widget(
                    Span::styled(QUOTE_BAR, styles.quote_bar()),
                    Rect::new(x, y, row.right() - x, 1),
                );
            }
        }
        if line.kind == LineKind::Gap || line.indent >= text_area.width {
            continue;
        }
        let r = line.range.clone();
        let base = match line.kind {
            LineKind::Title => styles.title(),
            LineKind::Heading(level) => styles.heading(level),
            LineKind::Code => styles.code(),
            LineKind::Rule => styles.dim(),
            LineKind::Text | LineKind::Gap => Style::new(),
        };
        let mut layers: Vec<(Range<usize>, Style)> = Vec::new();
        for span in overlapping(app.article().spans(), |s| &s.range, &r) {
            layers.push((span.range.clone(), inline_style(&styles, span.style)));
        }
        let quotes = &app.analysis().quotes.quotes;
        for q in overlapping(quotes, |q| &q.outer, &r) {
            let style = match (q.kind, q.speaker) {
                (QuoteKind::Mention, _) => styles.mention(),
                (QuoteKind::Speech, Some(s)) => styles.speaker(s),
                (QuoteKind::Speech, None) => styles.unknown_speaker(),
            };
            layers.push((q.outer.clone(), style));
        }
        for t in overlapping(&app.analysis().timexes, |t| &t.range, &r) {
            layers.push((t.range.clone(), styles.date()));
        }
        for n in app.notes() {
            if let Some(nr) = &n.range
                && nr.start < r.end
                && nr.end > r.start
            {
                layers.push((nr.clone(), styles.highlight(&n.label)));
            }
        }
        if let Some(t) = &app.target() {
            layers.push((t.clone(), styles.target()));
        }
        let current = app
            .search()
            .current
            .and_then(|i| app.search().matches.get(i));
        for m in overlapping(&app.search().matches, |m| m, &r) {
            let style = if Some(m) == current {
                styles.current_match()
            } else {
                styles.search()
            };
            layers.push((m.clone(), style));
        }
        if let Some(s) = &selection {
            layers.push((s.clone(), styles.selection()));
        }
        let cursor = app.cursor();
        if show_cursor && r.contains(&cursor) {
            let len = text[cursor..].chars().next().map_or(0, char::len_utf8);
            layers.push((cursor..cursor + len, styles.cursor()));
        }
        // A line break that ends the row is not drawn.
        let shown = r.start..r.end - usize::from(text[r.clone()].ends_with('\n'));
        put_row(
            text,
            &segments(text, shown, base, &layers),
            Rect::new(row.x + line.indent, y, row.width - line.indent, 1),
            frame.buffer_mut(),
        );
    }
}

/// How the article's own markup shows.
fn inline_style(styles: &Styles, inline: InlineStyle) -> Style {
    let mut style = Style::new();
    if inline.code {
        style = style.patch(styles.code());
    }
    if inline.link.is_some() {
        style = style.patch(styles.link());
    }
    if inline.emphasis {
        style = style.add_modifier(Modifier::ITALIC);
    }
    if inline.strong {
        style = style.add_modifier(Modifier::BOLD);
    }
    if inline.struck {
        style = style.add_modifier(Modifier::CROSSED_OUT);
    }
    style
}

/// Items of a list sorted by (non-overlapping) range that overlap `r`, found by binary search.
fn overlapping<'a, T>(
    items: &'a [T],
    range: impl Fn(&T) -> &Range<usize> + Copy + 'a,
    r: &Range<usize>,
) -> impl Iterator<Item = &'a T> + 'a {
    let first = items.partition_point(|x| range(x).end <= r.start);
    let end = r.end;
    items[first..]
        .iter()
        .take_while(move |x| range(x).start < end)
}

/// Splits row `r` at every layer boundary and styles each piece by patching the layers that
/// cover it, in order (later layers win).
fn segments(
    text: &str,
    r: Range<usize>,
    base: Style,
    layers: &[(Range<usize>, Style)],
) -> Vec<(Range<usize>, Style)> {
    let mut cuts = vec![r.start, r.end];
    for (l, _) in layers {
        for p in [l.start, l.end] {
            if p > r.start && p < r.end && text.is_char_boundary(p) {
                cuts.push(p);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let style = layers
                .iter()
                .filter(|(l, _)| l.start <= w[0] && w[0] < l.end)
                .fold(base, |s, (_, layer)| s.patch(*layer));
            (w[0]..w[1], style)
        })
        .collect()
}

/// Writes the pieces of a row into `row`, cut at its right edge.
///
/// Printable ASCII not followed by a char that could combine with it is written a byte to a
/// cell: that is most of a frame, and going through a [`Span`] would segment it into graphemes
/// and measure it twice for the same result. The stretches between (accents, curly quotes,
/// wide characters) are rendered as [`Span`]s, which know wide and combining characters.
fn put_row(text: &str, pieces: &[(Range<usize>, Style)], row: Rect, buf: &mut Buffer) {
    let mut x = row.x;
    for (r, style) in pieces {
        let piece = &text[r.clone()];
        let bytes = piece.as_bytes();
        let plain =
            |i: usize| matches!(bytes[i], b' '..=b'~') && bytes.get(i + 1).is_none_or(u8::is_ascii);
        let mut at = 0;
        while at < bytes.len() && x < row.right() {
            let start = at;
            let is_plain = plain(at);
            while at < bytes.len() && plain(at) == is_plain {
                at += 1;
            }
            if is_plain {
                let end = (usize::from(x) + at - start).min(row.right().into()) as u16;
                for (i, cx) in (start..).zip(x..end) {
                    buf[(cx, row.y)].set_symbol(&piece[i..=i]).set_style(*style);
                }
                x = end;
            } else {
                let span = Span::styled(&piece[start..at], *style);
                let width = u16::try_from(span.width()).unwrap_or(u16::MAX);
                span.render(Rect::new(x, row.y, row.right() - x, 1), buf);
                x = x.saturating_add(width);
            }
        }
    }
}

/// The margin mark of a row: `✎` where a note starts, `▍` along a highlight.
fn draw_marker(app: &Reader, styles: &Styles, row: Range<usize>, at: Rect, frame: &mut Frame) {
    let mut mark: Option<(char, &str)> = None;
    for n in app.notes() {
        let Some(r) = &n.range else { continue };
        let overlaps = r.start < row.end.max(row.start + 1) && r.end > row.start;
        if !overlaps {
            continue;
        }
        let starts_here = row.contains(&r.start) || (row.is_empty() && r.start == row.start);
        if !n.body.is_empty() && starts_here {
            mark = Some(('✎', &n.label));
            break;
        }
        mark.get_or_insert(('▍', &n.label));
    }
    if let Some((c, label)) = mark {
        frame.render_widget(
            Span::styled(c.to_string(), styles.highlight_marker(label)),
            at,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::app::Action;
    use crate::config::Config;
    use crate::source::{Article, Format, LoadOptions};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::buffer::Buffer;
    use ratatui::style::Color;

    /// The style of the first cell of `word` on screen.
    fn style_of(buf: &Buffer, word: &str) -> Style {
        let area = buf.area;
        for y in 0..area.height {
            let row: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
            if let Some(i) = row.find(word) {
                let x = row[..i].chars().count() as u16;
                return buf[(x, y)].style();
            }
        }
        panic!("{word:?} not on screen");
    }

    #[test]
    fn markup_is_styled_and_quotes_have_bars() {
        let md = "# Head\n\nAn *emph* **strong** `code` [link](http://x).\n\n## Sub\n\n> quoted";
        let options = LoadOptions {
            format: Some(Format::Markdown),
            ..LoadOptions::default()
        };
        let article = Article::parse(md, "t.md", options).unwrap();
        let analysis = analyze(&article);
        let mut app = Reader::new(article, analysis, Config::defaults());
        app.update(Action::Resize {
            width: 60,
            height: 10,
        });
        let mut terminal = Terminal::new(TestBackend::new(60, 10)).unwrap();
        terminal.draw(|f| crate::ui::draw_reader(&app, f)).unwrap();
        let buf = terminal.backend().buffer();
        let theme = &app.config().theme;
        assert!(
            style_of(buf, "emph")
                .add_modifier
                .contains(Modifier::ITALIC)
        );
        assert!(
            style_of(buf, "strong")
                .add_modifier
                .contains(Modifier::BOLD)
        );
        assert_eq!(style_of(buf, "code").fg, Some(theme.code));
        let link = style_of(buf, "link");
        assert_eq!(link.fg, Some(theme.link));
        assert!(link.add_modifier.contains(Modifier::UNDERLINED));
        let sub = style_of(buf, "Sub");
        assert_eq!(sub.fg, Some(theme.heading));
        assert!(sub.add_modifier.contains(Modifier::BOLD));
        assert_eq!(style_of(buf, "An").add_modifier, Modifier::empty());
        assert_eq!(style_of(buf, "│ quoted").fg, Some(Color::DarkGray));
    }

    #[test]
    fn segments_split_at_layer_boundaries() {
        let text = "abcdefgh";
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let spans = segments(text, 0..8, Style::new(), &[(2..4, bold), (3..20, bold)]);
        let pieces: Vec<&str> = spans.iter().map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(pieces, ["ab", "c", "d", "efgh"]);
        assert_eq!(spans[0].1, Style::new());
        assert_eq!(spans[3].1, bold);
    }

    /// The ASCII shortcut draws exactly what rendering the pieces as one `Line` draws, with
    /// wide and combining characters, style changes inside words and rows wider than the area.
    #[test]
    fn put_row_draws_like_a_line() {
        use ratatui::text::Line;
        let text =
            "Plain words, 红楼梦 and cafe\u{301} «quotes» — then x\u{301}\u{302}y a long tail";
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let layers = [(3..9, bold), (14..20, bold), (28..31, bold)];
        for width in 0u16..90 {
            let area = Rect::new(1, 0, width + 2, 1);
            let row = Rect::new(2, 0, width, 1);
            let pieces = segments(text, 0..text.len(), Style::new(), &layers);
            let mut ours = Buffer::empty(area);
            put_row(text, &pieces, row, &mut ours);
            let spans: Vec<Span> = pieces
                .iter()
                .map(|(r, s)| Span::styled(&text[r.clone()], *s))
                .collect();
            let mut theirs = Buffer::empty(area);
            Line::from(spans).render(row, &mut theirs);
            assert_eq!(ours, theirs, "width {width}");
        }
    }

    #[test]
    fn overlapping_uses_sorted_ranges() {
        let items = vec![0..2, 3..5, 6..9, 10..12];
        let found: Vec<_> = overlapping(&items, |r| r, &(4..7)).cloned().collect();
        assert_eq!(found, vec![3..5, 6..9]);
    }
}
