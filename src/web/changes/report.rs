//! The changes as text: a status-bar summary and the report the changes pane and
//! `lectern --refresh` print.

use super::{Change, Changes, DateSide, QuotationSide};

impl Changes {
    /// One line for the status bar: `unchanged`, or how many paragraphs, quotations and notes
    /// changed.
    pub fn summary(&self) -> String {
        if self.is_empty() {
            return "unchanged".into();
        }
        format!(
            "changed: {} paragraphs, {} quotations, {} notes",
            self.paragraphs.len(),
            self.quotations.len(),
            self.notes.len()
        )
    }

    /// The full report as plain lines, for the reader's changes pane and `lectern --refresh`:
    /// a heading per kind of change, then one entry per change, its first line marked `+`
    /// (added), `-` (removed), `~` (changed), `!` (a note detached), its details indented.
    pub fn report(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.is_empty() {
            out.push("No differences in the text.".into());
            return out;
        }
        let quoted = |s: &str| format!("\u{201c}{}\u{201d}", s.trim());
        if !self.quotations.is_empty() {
            out.push(format!("Quotations ({})", self.quotations.len()));
            for q in &self.quotations {
                let who = |side: &Option<QuotationSide>| {
                    side.as_ref()
                        .and_then(|s| s.speaker.clone())
                        .unwrap_or_else(|| "unattributed".into())
                };
                match (&q.old, &q.new) {
                    (Some(old), Some(new)) => {
                        let what = match (q.wording_changed, q.speaker_changed) {
                            (true, true) => "wording and speaker changed",
                            (false, true) => "speaker changed",
                            _ => "wording changed",
                        };
                        out.push(format!("~ {what}: {}", quoted(&new.quote.text)));
                        if q.wording_changed {
                            out.push(format!("    was {}", quoted(&old.quote.text)));
                        }
                        if q.speaker_changed {
                            out.push(format!(
                                "    speaker: {} \u{2192} {}",
                                who(&q.old),
                                who(&q.new)
                            ));
                        } else {
                            out.push(format!("    said by {}", who(&q.new)));
                        }
                    }
                    (None, Some(new)) => {
                        out.push(format!("+ added: {}", quoted(&new.quote.text)));
                        out.push(format!("    said by {}", who(&q.new)));
                    }
                    (Some(old), None) => {
                        out.push(format!("- removed: {}", quoted(&old.quote.text)));
                        out.push(format!("    said by {}", who(&q.old)));
                    }
                    (None, None) => {}
                }
            }
        }
        if !self.paragraphs.is_empty() {
            out.push(format!("Paragraphs ({})", self.paragraphs.len()));
            for p in &self.paragraphs {
                match (&p.old, &p.new) {
                    (_, Some(new)) if p.change == Change::Added => {
                        out.push(format!("+ added: {}", new.text.trim()));
                    }
                    (Some(old), _) if p.change == Change::Removed => {
                        out.push(format!("- removed: {}", old.text.trim()));
                    }
                    (_, Some(new)) => {
                        out.push(format!("~ rewritten: {}", new.text.trim()));
                        for e in &p.edits {
                            out.push(match (e.old.is_empty(), e.new.is_empty()) {
                                (true, _) => format!("    + {}", quoted(&e.new)),
                                (_, true) => format!("    - {}", quoted(&e.old)),
                                _ => format!("    {} \u{2192} {}", quoted(&e.old), quoted(&e.new)),
                            });
                        }
                    }
                    (Some(old), None) => out.push(format!("- removed: {}", old.text.trim())),
                    (None, None) => {}
                }
            }
        }
        if !self.dates.is_empty() {
            out.push(format!("Dates ({})", self.dates.len()));
            for d in &self.dates {
                let side = |s: &DateSide| format!("{} ({})", quoted(&s.expression.text), s.value);
                out.push(match (&d.old, &d.new) {
                    (Some(old), Some(new)) => {
                        format!("~ {} \u{2192} {}", side(old), side(new))
                    }
                    (None, Some(new)) => format!("+ added: {}", side(new)),
                    (Some(old), None) => format!("- removed: {}", side(old)),
                    (None, None) => continue,
                });
            }
        }
        if !self.notes.is_empty() {
            out.push(format!("Notes ({})", self.notes.len()));
            for n in &self.notes {
                match &n.now {
                    Some(now) => {
                        out.push(format!("~ re-anchored: {}", quoted(&now.text)));
                        out.push(format!("    was {}", quoted(&n.was)));
                    }
                    None => out.push(format!("! detached: {}", quoted(&n.was))),
                }
            }
        }
        out
    }
}
