//! The changes pane: the report of what the last refresh of a web page changed (paragraphs,
//! quotations, dates, notes), wrapped to the overlay and scrolled as the help is.

use super::{Mode, Reader};
use crate::app::help::{Help, area, inner, wrap};
use crate::input::{Command, KeyMode};

impl Reader {
    /// The report's lines, if a refresh found the page changed.
    pub fn changes(&self) -> Option<&[String]> {
        self.changes.as_deref()
    }

    /// `D`: opens the changes pane, or says there is nothing to show.
    pub(super) fn show_changes(&mut self) {
        if self.changes.is_none() {
            let again = self
                .config
                .keymap
                .first_key(KeyMode::Normal, Command::Refresh)
                .map(|k| format!(": {k} fetches the page again"))
                .unwrap_or_default();
            self.message = Some(format!("no changes to show{again}"));
            return;
        }
        let mut pane = Help::default();
        self.fit_changes(&mut pane);
        self.mode = Mode::Changes(pane);
    }

    pub(super) fn fit_changes(&self, pane: &mut Help) {
        let screen = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let text = inner(area(screen));
        let rows = report_rows(self.changes.as_deref().unwrap_or_default(), text.width).len();
        let max = rows.saturating_sub(usize::from(text.height));
        pane.fit(u16::try_from(max).unwrap_or(u16::MAX), text.height);
    }
}

/// The report's lines wrapped to `width` columns: each line's indent kept, and the rows it
/// wraps onto indented two more, so an entry reads as one block.
pub fn report_rows(lines: &[String], width: u16) -> Vec<String> {
    let mut out = Vec::new();
    for line in lines {
        let indent = line.len() - line.trim_start().len();
        // The marker (`+ `, `~ `…) hangs: continuation rows line up after it.
        let hang = indent + if is_marked(line.trim_start()) { 2 } else { 0 };
        let first = usize::from(width).saturating_sub(indent).max(8);
        let rest_width = usize::from(width).saturating_sub(hang).max(8);
        let pieces = wrap(line.trim_start(), first);
        let Some((head, tail)) = pieces.split_first() else {
            out.push(String::new());
            continue;
        };
        out.push(format!("{}{head}", " ".repeat(indent)));
        let tail = tail.join(" ");
        if !tail.is_empty() {
            out.extend(
                wrap(&tail, rest_width)
                    .into_iter()
                    .map(|r| format!("{}{r}", " ".repeat(hang))),
            );
        }
    }
    out
}

/// Whether a report line starts with a change's marker.
pub fn is_marked(line: &str) -> bool {
    ["+ ", "- ", "~ ", "! "].iter().any(|m| line.starts_with(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_lines_wrap_under_their_marker() {
        let lines = vec![
            "Notes (1)".to_string(),
            "~ re-anchored: \u{201c}the council will meet again in the spring\u{201d}".to_string(),
            "    was \u{201c}the council meets in spring\u{201d}".to_string(),
        ];
        let rows = report_rows(&lines, 24);
        assert_eq!(rows[0], "Notes (1)");
        assert!(rows[1].starts_with("~ re-anchored:"), "{rows:?}");
        assert!(
            rows[2].starts_with("  ") && !rows[2].starts_with("   "),
            "{rows:?}"
        );
        assert!(rows.iter().all(|r| r.chars().count() <= 24), "{rows:?}");
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(words(&rows.join(" ")), words(&lines.join(" ")));
    }
}
