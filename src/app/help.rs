//! The help overlay as a modal: the same over the reader and the library. Its text is built
//! here from the live keymap (so help never drifts from the bindings), grouped by mode and by
//! what the keys are for, and wrapped to the overlay's width, so that the modal knows how far
//! it can scroll; `ui::help` only draws the rows.

use ratatui::layout::Rect;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Outcome;
use crate::input::{Command, KeyMode, Keymap};

/// The key tables the reader's help shows.
pub const READER: &[KeyMode] = &[
    KeyMode::Normal,
    KeyMode::Visual,
    KeyMode::Prompt,
    KeyMode::Editor,
];
/// The key tables the library's help shows (its own first: they win over reading keys).
pub const LIBRARY: &[KeyMode] = &[KeyMode::Library, KeyMode::Normal, KeyMode::Prompt];

/// Columns of the key column, its indent included.
const KEY_COLUMN: usize = 20;
/// Below this inner width the keys go on a line of their own, the description under them.
const SIDE_BY_SIDE: usize = 44;

/// The help overlay and how far it is scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Help {
    scroll: u16,
    /// The furthest it can scroll, once the screen told it ([`Help::fit`]).
    max: u16,
    /// Rows a page scrolls.
    page: u16,
}

impl Default for Help {
    fn default() -> Self {
        Help {
            scroll: 0,
            max: u16::MAX,
            page: 10,
        }
    }
}

/// The help overlay's request: quit lectern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quit;

impl Help {
    /// Rows scrolled past.
    pub fn scroll(&self) -> u16 {
        self.scroll
    }

    /// Tells the overlay how far it can scroll (the rows of text past the first page) and how
    /// many rows it shows.
    pub fn fit(&mut self, max: u16, rows: u16) {
        self.max = max;
        self.page = rows.saturating_sub(1).max(1);
        self.scroll = self.scroll.min(max);
    }

    /// The scrolling keys scroll it (as in the reader: j/k a row, space/b a page, g/G the
    /// ends), `quit` quits, any other command closes it.
    pub fn command(&mut self, c: Command) -> Outcome<Quit> {
        self.scroll = match c {
            Command::ScrollDown => self.scroll.saturating_add(1),
            Command::ScrollUp => self.scroll.saturating_sub(1),
            Command::PageDown => self.scroll.saturating_add(self.page),
            Command::PageUp => self.scroll.saturating_sub(self.page),
            Command::HalfPageDown => self.scroll.saturating_add(self.page / 2),
            Command::HalfPageUp => self.scroll.saturating_sub(self.page / 2),
            Command::Top => 0,
            Command::Bottom => u16::MAX,
            Command::Quit => return Outcome::Event(Quit),
            _ => return Outcome::Closed,
        }
        .min(self.max);
        Outcome::Stay
    }

    /// The mouse wheel scrolls three rows.
    pub fn wheel(&mut self, down: bool) {
        self.scroll = if down {
            self.scroll.saturating_add(3)
        } else {
            self.scroll.saturating_sub(3)
        }
        .min(self.max);
    }
}

/// Where the overlay goes on a screen of `screen`'s size: at most 76 columns wide, most of the
/// height, centred.
pub fn area(screen: Rect) -> Rect {
    let w = 76u16
        .min(screen.width.saturating_sub(2))
        .max(screen.width.min(3));
    let h = (screen.height * 9 / 10).max(screen.height.min(3));
    Rect::new(
        screen.x + (screen.width - w) / 2,
        screen.y + (screen.height - h) / 2,
        w,
        h,
    )
}

/// One row of the help text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A group's title.
    Heading(String),
    /// Keys (on the first row of an entry; empty on the rows its description wraps onto) and
    /// a piece of the description.
    Entry {
        keys: String,
        text: String,
    },
    /// A piece of a description under its keys, in an overlay too narrow for two columns.
    Under(String),
    Blank,
}

/// What a reading command is for: the reading keys are listed in these groups, in this order.
fn group(c: Command) -> &'static str {
    use Command::*;
    match c {
        ScrollDown | ScrollUp | PageDown | PageUp | HalfPageDown | HalfPageUp | Top | Bottom
        | WordForward | WordBack | SentenceForward | SentenceBack | ParagraphForward
        | ParagraphBack => "Moving",
        Search | NextMatch | PrevMatch => "Searching",
        TogglePanel | QuotesPanel | TimelinePanel | NotesPanel | FocusNext | Activate
        | TimelineZoom => "Side panel",
        NextQuote | PrevQuote | NextBySpeaker | PrevBySpeaker | PickSpeaker | NextIncident
        | PrevIncident => "Quotations and dates",
        Visual | SelectSentence | SelectParagraph | SelectQuote | Highlight | Annotate
        | CycleColour | EditNote | DeleteNote | NextNote | PrevNote | ExportNotes => {
            "Highlights and notes"
        }
        // A page read from the web: fetch it again, then see what the new version changed.
        Refresh | Changes => "Web pages",
        _ => "Other",
    }
}

/// What `c` does in `mode`. A command's own description fits every screen but one: `cancel`
/// in a prompt or the note editor does something more particular than leaving a mode, and
/// a reader about to lose typed text wants to know which.
fn description(mode: KeyMode, c: Command) -> &'static str {
    match (mode, c) {
        (KeyMode::Prompt, Command::Cancel) => {
            "search: back to where it started · filter: cleared · speaker list: closed"
        }
        (KeyMode::Editor, Command::Cancel) => {
            "close the editor (unsaved text: press again to discard it)"
        }
        _ => c.description(),
    }
}

const GROUPS: &[&str] = &[
    "Moving",
    "Searching",
    "Side panel",
    "Quotations and dates",
    "Highlights and notes",
    "Web pages",
    "Other",
];

/// The help text for `modes`: one section per mode, the reading keys grouped by what they are
/// for, then the keys of prompts and popups.
pub fn rows(keymap: &Keymap, modes: &[KeyMode]) -> Vec<(String, Vec<(String, String)>)> {
    let mut sections = Vec::new();
    for &mode in modes {
        let entry = |c: Command, keys: &[crate::input::KeyCombo]| {
            let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
            (keys.join(" "), description(mode, c).to_string())
        };
        let bindings = keymap.bindings(mode);
        match mode {
            KeyMode::Normal => {
                for &g in GROUPS {
                    let entries: Vec<_> = bindings
                        .iter()
                        .filter(|(c, _)| group(*c) == g)
                        .map(|(c, k)| entry(*c, k))
                        .collect();
                    if !entries.is_empty() {
                        sections.push((format!("Reading: {}", g.to_lowercase()), entries));
                    }
                }
            }
            KeyMode::Visual | KeyMode::Library | KeyMode::Prompt | KeyMode::Editor => {
                let title = match mode {
                    KeyMode::Visual => "Selecting (other keys as in Reading)",
                    KeyMode::Library => "Library (other keys as in Reading)",
                    KeyMode::Prompt => "Search, filter and speaker list (other keys are typed)",
                    _ => "Note editor (other keys edit the text)",
                };
                let entries = bindings.iter().map(|(c, k)| entry(*c, k)).collect();
                sections.push((title.to_string(), entries));
            }
        }
    }
    let mouse = [
        (
            "mouse",
            "wheel scrolls, click moves the cursor or picks an entry, drag selects",
        ),
        ("double-click", "library: open the row, as enter does"),
        ("ctrl-c", "cancel the prompt or editor; else quit"),
    ];
    sections.push((
        "Mouse and fixed keys".to_string(),
        mouse
            .iter()
            .map(|(k, d)| (k.to_string(), d.to_string()))
            .collect(),
    ));
    sections
}

/// The help text wrapped to `width` columns: descriptions wrap under their own column (or
/// under the keys, when the overlay is too narrow for two columns).
pub fn wrapped(keymap: &Keymap, modes: &[KeyMode], width: u16) -> Vec<Row> {
    let width = usize::from(width).max(1);
    let side_by_side = width >= SIDE_BY_SIDE;
    let mut out = Vec::new();
    for (title, entries) in rows(keymap, modes) {
        if !out.is_empty() {
            out.push(Row::Blank);
        }
        out.push(Row::Heading(title));
        for (keys, text) in entries {
            if side_by_side {
                let mut first = true;
                // Keys wider than their column get a row of their own.
                if keys.width() + 3 > KEY_COLUMN {
                    out.push(Row::Entry {
                        keys: keys.clone(),
                        text: String::new(),
                    });
                    first = false;
                }
                for piece in wrap(&text, width - KEY_COLUMN) {
                    let keys = if first { keys.clone() } else { String::new() };
                    first = false;
                    out.push(Row::Entry { keys, text: piece });
                }
            } else {
                out.push(Row::Entry {
                    keys,
                    text: String::new(),
                });
                for piece in wrap(&text, width.saturating_sub(4).max(1)) {
                    out.push(Row::Under(piece));
                }
            }
        }
    }
    out
}

/// How far the overlay on a `screen`-sized terminal can scroll (the rows past its first page),
/// and how many rows it shows: what [`Help::fit`] takes.
pub fn limits(keymap: &Keymap, modes: &[KeyMode], screen: Rect) -> (u16, u16) {
    let inner = inner(area(screen));
    let rows = wrapped(keymap, modes, inner.width).len();
    let max = u16::try_from(rows.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX);
    (max, inner.height)
}

/// The overlay's text area inside its border.
pub fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x.saturating_add(1),
        area.y.saturating_add(1),
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}

/// Words of `text` in lines of at most `width` columns; a word longer than a line is cut at a
/// character.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = usize::from(!line.is_empty()) + word.width();
        if !line.is_empty() && line.width() + needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        for c in word.chars() {
            if line.width() + c.width().unwrap_or(0) > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_fits() {
        let text = "highlight the selection (or the sentence under the cursor) and write a note";
        for width in 1..40 {
            let lines = wrap(text, width);
            assert!(
                lines.iter().all(|l| l.width() <= width),
                "{width}: {lines:?}"
            );
            if width >= 9 {
                assert_eq!(lines.join(" "), text, "{width}");
            }
        }
    }

    #[test]
    fn scrolling_stops_at_the_last_page() {
        let keymap = crate::config::Config::defaults().keymap;
        let screen = Rect::new(0, 0, 60, 20);
        let (max, rows) = limits(&keymap, READER, screen);
        assert!(max > 0, "the help is taller than 20 rows");
        let mut help = Help::default();
        help.fit(max, rows);
        assert_eq!(help.command(Command::Bottom), Outcome::Stay);
        assert_eq!(help.scroll(), max);
        help.command(Command::ScrollUp);
        assert_eq!(help.scroll(), max - 1, "one row up from the end, at once");
        help.command(Command::Top);
        assert_eq!(help.scroll(), 0);
        help.command(Command::PageDown);
        assert_eq!(
            help.scroll(),
            (rows - 1).min(max),
            "a page keeps one row in view"
        );
    }

    #[test]
    fn refresh_and_changes_are_listed_together_as_web_page_keys() {
        let keymap = crate::config::Config::defaults().keymap;
        let sections = rows(&keymap, READER);
        let section_of = |what: &str| {
            sections
                .iter()
                .find(|(_, entries)| entries.iter().any(|(_, d)| d == what))
                .map(|(title, _)| title.clone())
        };
        let refresh = section_of(Command::Refresh.description());
        assert_eq!(refresh.as_deref(), Some("Reading: web pages"));
        assert_eq!(section_of(Command::Changes.description()), refresh);
    }

    #[test]
    fn esc_says_what_it_does_in_each_table_and_keys_keep_the_configs_order() {
        let keymap = crate::config::Config::defaults().keymap;
        let sections = rows(&keymap, READER);
        let esc_in = |title: &str| {
            let (_, entries) = sections.iter().find(|(t, _)| t.starts_with(title)).unwrap();
            entries.iter().find(|(k, _)| k == "esc").unwrap().1.clone()
        };
        assert_eq!(esc_in("Reading: other"), Command::Cancel.description());
        assert!(esc_in("Search").contains("back to where it started"));
        assert!(esc_in("Note editor").contains("press again to discard"));
        // The default config lists `j` before `down`: help shows them as written.
        let (_, moving) = sections
            .iter()
            .find(|(t, _)| t == "Reading: moving")
            .unwrap();
        let down = moving
            .iter()
            .find(|(_, d)| d == Command::ScrollDown.description())
            .unwrap();
        assert!(down.0.starts_with("j "), "{}", down.0);
    }
}
