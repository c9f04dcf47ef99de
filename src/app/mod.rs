//! The application state and its one state machine, [`App::update`].
//!
//! `update` holds all behaviour and performs no I/O: it returns [`Effect`]s (save a note, quit)
//! that the runtime carries out, feeding results back as actions. That keeps every interaction
//! testable with plain unit tests and `TestBackend`.
//!
//! Positions are byte offsets into the article text. The view is a row index into the wrapped
//! [`Layout`] plus the byte that row starts at, so that a resize re-finds the same sentence.

pub mod geometry;
pub mod library;
mod motion;
pub mod panel;
pub mod shell;

use std::ops::Range;
use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEventKind};
use ratatui::layout::{Position, Rect};
use ratatui_textarea::TextArea;

use crate::analysis::Analysis;
use crate::analysis::quotes::QuoteKind;
use crate::config::Config;
use crate::input::KeyMode;
pub use crate::input::{Action, Command};
use crate::input::{Opened, Start};
use crate::layout::Layout;
use crate::notes::{Note, NoteId};
use crate::source::Article;
use geometry::Areas;
pub use panel::{PanelRow, Tab};

/// What the runtime must do on the app's behalf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    AddNote {
        range: Range<usize>,
        label: String,
        body: String,
    },
    EditNote {
        id: NoteId,
        body: String,
    },
    SetLabel {
        id: NoteId,
        label: String,
    },
    DeleteNote {
        id: NoteId,
    },
    ExportNotes,
    /// Open library entry `entry`, showing `at` (a quotation or a sentence) when given.
    OpenArticle {
        entry: usize,
        at: Option<Range<usize>>,
    },
    /// The open library article was closed with its top byte at `top`: remember it.
    CloseArticle {
        top: usize,
    },
}

/// The note editor popup: what it will save to, and the text being typed.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    pub target: NoteTarget,
    pub textarea: TextArea<'static>,
    /// `Esc` was pressed with unsaved text: the next `Esc` discards it.
    pub confirm_discard: bool,
    original: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteTarget {
    New { range: Range<usize>, label: String },
    Existing(NoteId),
}

/// What the keyboard is doing now. `Esc` always leaves the current mode.
#[derive(Debug, Clone)]
pub enum Mode {
    Reading,
    /// Typing a search query; `origin` is the view to return to on `Esc`.
    Searching {
        input: String,
        origin: usize,
    },
    Help {
        scroll: u16,
    },
    /// Selecting from `anchor` to the cursor.
    Visual {
        anchor: usize,
    },
    EditingNote(Box<NoteEditor>),
    /// Choosing a speaker from a filterable list.
    PickingSpeaker {
        filter: String,
        selected: usize,
    },
}

impl Mode {
    pub fn name(&self) -> &'static str {
        match self {
            Mode::Reading => "READING",
            Mode::Searching { .. } => "SEARCH",
            Mode::Help { .. } => "HELP",
            Mode::Visual { .. } => "VISUAL",
            Mode::EditingNote(_) => "NOTE",
            Mode::PickingSpeaker { .. } => "SPEAKER",
        }
    }
}

/// What a command does while the help overlay is open.
pub(crate) enum HelpOutcome {
    Scroll(u16),
    Close,
    Quit,
}

/// The help overlay's keys, the same over the reader and the library: the scrolling keys
/// scroll it, `q` quits, anything else closes it.
pub(crate) fn help_command(scroll: u16, c: Command) -> HelpOutcome {
    match c {
        Command::ScrollDown => HelpOutcome::Scroll(scroll.saturating_add(1)),
        Command::ScrollUp => HelpOutcome::Scroll(scroll.saturating_sub(1)),
        Command::PageDown | Command::HalfPageDown => HelpOutcome::Scroll(scroll.saturating_add(10)),
        Command::PageUp | Command::HalfPageUp => HelpOutcome::Scroll(scroll.saturating_sub(10)),
        Command::Top => HelpOutcome::Scroll(0),
        Command::Quit => HelpOutcome::Quit,
        _ => HelpOutcome::Close,
    }
}

/// Which pane gets navigation keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Reader,
    Panel,
}

/// The last search: its query and matches (byte ranges, text order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Range<usize>>,
    /// Index of the match the view was last moved to.
    pub current: Option<usize>,
}

/// The whole state of one lectern window.
#[derive(Debug)]
pub struct App {
    /// Shared with the analysis thread and the notes executor, which read it while the reader
    /// shows it: the text is never copied.
    article: Arc<Article>,
    analysis: Analysis,
    config: Config,
    notes: Vec<Note>,
    /// Why notes can't be changed (a corrupt notes file), if they can't.
    notes_read_only: Option<String>,
    /// The analysis is still running in the background (quotes and dates not shown yet).
    analysing: bool,
    mode: Mode,
    focus: Focus,
    panel: panel::Panel,
    search: Search,
    /// Quotation, incident or note last jumped to: drawn emphasised.
    target: Option<Range<usize>>,
    /// The speaker whose quotations `next_by_speaker` cycles through.
    speaker: Option<usize>,
    /// A one-line message for the status bar, cleared by the next key.
    message: Option<String>,
    size: (u16, u16),
    layout: Layout,
    /// First visible row of the layout, and the byte it started at (kept across resizes).
    top: usize,
    top_byte: usize,
    /// The cursor: a byte offset in the text, always on a visible row in the reader.
    cursor: usize,
    quit: bool,
}

impl App {
    /// A new app; nothing is laid out until the first [`Action::Resize`] gives it a size.
    pub fn new(article: impl Into<Arc<Article>>, analysis: Analysis, config: Config) -> Self {
        let mut app = App {
            layout: Layout::empty(),
            article: article.into(),
            analysis,
            config,
            notes: Vec::new(),
            notes_read_only: None,
            analysing: false,
            mode: Mode::Reading,
            focus: Focus::Reader,
            panel: panel::Panel::default(),
            search: Search::default(),
            target: None,
            speaker: None,
            message: None,
            size: (0, 0),
            top: 0,
            top_byte: 0,
            cursor: 0,
            quit: false,
        };
        if let Some(warning) = app.article.warnings().first() {
            app.message = Some(warning.clone());
        }
        app
    }

    /// The reader of an article the runtime opened: its notes, whether they can change, where
    /// to start, and its analysis (or that it is still running).
    pub fn open(opened: Opened, config: Config) -> Self {
        let Opened {
            article,
            analysis,
            notes,
            read_only,
            warn_read_only,
            start,
            entry: _,
        } = opened;
        let analysing = analysis.is_none();
        let mut app = App::new(article, analysis.unwrap_or_default(), config);
        app.analysing = analysing;
        app.notes = notes;
        app.panel.clamp(&app.analysis, &app.notes);
        if warn_read_only && let Some(why) = &read_only {
            app.message = Some(format!("notes are read-only: {why}"));
        }
        app.notes_read_only = read_only;
        match start {
            Start::Top => {}
            Start::Resume(top) => app.restore_position(top),
            Start::Show(range) => app.show(range),
        }
        app
    }

    /// The article on screen.
    pub fn article(&self) -> &Arc<Article> {
        &self.article
    }

    /// Its analysis (empty while [`App::analysing`]).
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The article's highlights and notes, as the store last reported them.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// Why notes can't be changed, if they can't.
    pub fn notes_read_only(&self) -> Option<&str> {
        self.notes_read_only.as_deref()
    }

    /// Whether the analysis is still running in the background.
    pub fn analysing(&self) -> bool {
        self.analysing
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn panel(&self) -> &panel::Panel {
        &self.panel
    }

    /// The last search and its matches.
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// The quotation, incident or note last jumped to, drawn emphasised.
    pub fn target(&self) -> Option<Range<usize>> {
        self.target.clone()
    }

    /// The speaker whose quotations `next_by_speaker` cycles through.
    pub fn speaker(&self) -> Option<usize> {
        self.speaker
    }

    /// The status bar's one-line message.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    pub fn top(&self) -> usize {
        self.top
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The byte at the top of the view: what "where the reader was" means across resizes
    /// and restarts.
    pub fn top_byte(&self) -> usize {
        self.top_byte
    }

    /// Puts `byte` at the top of the view (a remembered reading position); before the first
    /// resize, the resize does it. A position past the end of a shorter text lands at the end.
    fn restore_position(&mut self, byte: usize) {
        self.top_byte = byte.min(self.article.text().len());
        if !self.layout.is_empty() {
            self.top = self.layout.line_of(self.top_byte);
            self.clamp_top();
            self.keep_cursor_visible();
        }
    }

    /// Shows and emphasises `range` (a quotation chosen in the library), also before the
    /// first resize.
    fn show(&mut self, range: Range<usize>) {
        let text = self.article.text();
        let start = text.floor_char_boundary(range.start);
        let range = start..text.floor_char_boundary(range.end).max(start);
        if self.layout.is_empty() {
            self.cursor = range.start;
            self.top_byte = range.start;
            self.target = Some(range);
        } else {
            self.jump(range);
        }
    }

    /// Nothing to cancel: reading, focus in the reader, no search, target or panel. `Esc` then
    /// has nothing left to do here (the library takes it as "back to the list").
    pub fn at_rest(&self) -> bool {
        matches!(self.mode, Mode::Reading)
            && self.focus == Focus::Reader
            && self.search.matches.is_empty()
            && self.target.is_none()
            && self.speaker.is_none()
            && !self.panel.open
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The screen areas for the current size and panel state.
    pub fn areas(&self) -> Areas {
        Areas::new(Rect::new(0, 0, self.size.0, self.size.1), self)
    }

    /// Rows of text the reader shows.
    pub fn viewport_rows(&self) -> usize {
        usize::from(self.areas().text.height)
    }

    /// The selected byte range in visual mode.
    pub fn selection(&self) -> Option<Range<usize>> {
        match self.mode {
            Mode::Visual { anchor } => {
                Some(motion::selection(self.article.text(), anchor, self.cursor))
            }
            _ => None,
        }
    }

    /// The key table for the current mode.
    fn key_mode(&self) -> KeyMode {
        match self.mode {
            Mode::Visual { .. } => KeyMode::Visual,
            _ => KeyMode::Normal,
        }
    }

    /// Turns a key press into an action: a bound command, or raw input for text fields.
    pub fn key_action(&self, key: KeyEvent) -> Action {
        let text_entry = matches!(
            self.mode,
            Mode::Searching { .. } | Mode::EditingNote(_) | Mode::PickingSpeaker { .. }
        );
        if text_entry {
            return Action::Key(key);
        }
        match self.config.keymap.command(self.key_mode(), &key) {
            Some(c) => Action::Command(c),
            None => Action::Key(key),
        }
    }

    /// The state machine: applies one action, returns what the runtime must do.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Resize { width, height } => {
                self.resize(width, height);
                Vec::new()
            }
            Action::NotesChanged(notes) => {
                self.notes = notes;
                self.panel.clamp(&self.analysis, &self.notes);
                Vec::new()
            }
            Action::Message(m) => {
                self.message = Some(m);
                Vec::new()
            }
            Action::AnalysisReady(analysis) => {
                self.analysis = *analysis;
                self.analysing = false;
                self.panel.clamp(&self.analysis, &self.notes);
                Vec::new()
            }
            Action::AnalysisFailed(why) => {
                self.analysing = false;
                self.message = Some(why);
                Vec::new()
            }
            // Library results concern the library, and opening an article the shell.
            Action::Analysed(_) | Action::Opened(_) => Vec::new(),
            Action::Mouse { event, .. } => {
                self.mouse(event);
                Vec::new()
            }
            Action::Paste(text) => {
                self.paste(&text);
                Vec::new()
            }
            Action::Key(key) => self.key(key),
            Action::Command(c) => {
                self.message = None;
                self.command(c)
            }
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        if self.size == (width, height) {
            return;
        }
        self.size = (width, height);
        let text_width = self.areas().text.width.max(1);
        if text_width != self.layout.width() {
            self.layout = Layout::new(&self.article, text_width);
        }
        self.top = self.layout.line_of(self.top_byte);
        self.clamp_top();
        self.keep_cursor_visible();
    }

    /// Re-wraps after the reader's width changed for a reason other than a resize.
    fn relayout(&mut self) {
        let size = self.size;
        self.size = (0, 0);
        self.resize(size.0, size.1);
    }

    // ----- scrolling and the cursor --------------------------------------------------------

    fn max_top(&self) -> usize {
        self.layout
            .len()
            .saturating_sub(self.viewport_rows().max(1))
    }

    fn clamp_top(&mut self) {
        self.top = self.top.min(self.max_top());
        self.top_byte = self
            .layout
            .lines()
            .get(self.top)
            .map_or(0, |l| l.range.start);
    }

    fn scroll_to_row(&mut self, row: usize) {
        self.top = row;
        self.clamp_top();
        self.keep_cursor_visible();
    }

    fn scroll_by(&mut self, delta: isize) {
        let row = self.top.saturating_add_signed(delta);
        self.scroll_to_row(row);
    }

    /// Moves the cursor into the viewport if scrolling left it behind.
    fn keep_cursor_visible(&mut self) {
        let rows = self.viewport_rows().max(1);
        let row = self.layout.line_of(self.cursor);
        let last = (self.top + rows).min(self.layout.len()).saturating_sub(1);
        if row < self.top {
            self.cursor = self.row_start(self.top);
        } else if row > last {
            self.cursor = self.row_start(last);
        }
    }

    /// First non-space byte of a row (its start when it is blank), so the cursor stays on it.
    fn row_start(&self, row: usize) -> usize {
        let Some(line) = self.layout.lines().get(row) else {
            return 0;
        };
        let first = motion::skip_space(self.article.text(), line.range.start);
        if first < line.range.end {
            first
        } else {
            line.range.start
        }
    }

    /// Scrolls so the cursor is on screen, leaving some context above it when it was not.
    fn reveal_cursor(&mut self) {
        let rows = self.viewport_rows().max(1);
        let row = self.layout.line_of(self.cursor);
        if row < self.top || row >= self.top + rows {
            self.top = row.saturating_sub(rows / 4);
            self.clamp_top();
        }
    }

    /// Moves the view to `range` and marks it as the current target.
    fn jump(&mut self, range: Range<usize>) {
        self.cursor = range.start;
        self.target = Some(range);
        self.reveal_cursor();
    }

    fn move_cursor(&mut self, to: usize) {
        self.cursor = to.min(self.article.text().len());
        self.reveal_cursor();
    }

    // ----- commands ------------------------------------------------------------------------

    fn command(&mut self, c: Command) -> Vec<Effect> {
        match &self.mode {
            Mode::Help { scroll } => {
                match help_command(*scroll, c) {
                    HelpOutcome::Scroll(scroll) => self.mode = Mode::Help { scroll },
                    HelpOutcome::Close => self.mode = Mode::Reading,
                    HelpOutcome::Quit => {
                        self.quit = true;
                        return vec![Effect::Quit];
                    }
                }
                return Vec::new();
            }
            Mode::Searching { .. } | Mode::EditingNote(_) | Mode::PickingSpeaker { .. } => {
                return Vec::new();
            }
            Mode::Reading | Mode::Visual { .. } => {}
        }
        if self.focus == Focus::Panel && self.panel.open && self.panel_command(c) {
            return Vec::new();
        }
        let page = self.viewport_rows().max(1) as isize;
        let text = self.article.text();
        match c {
            Command::ScrollDown => self.scroll_or_move(1),
            Command::ScrollUp => self.scroll_or_move(-1),
            Command::PageDown => self.scroll_by(page.saturating_sub(1).max(1)),
            Command::PageUp => self.scroll_by(-(page.saturating_sub(1).max(1))),
            Command::HalfPageDown => self.scroll_by((page / 2).max(1)),
            Command::HalfPageUp => self.scroll_by(-(page / 2).max(1)),
            Command::Top => {
                self.cursor = 0;
                self.scroll_to_row(0);
            }
            Command::Bottom => {
                self.scroll_to_row(usize::MAX);
                let last = self.layout.len().saturating_sub(1);
                self.cursor = self.row_start(last);
            }
            Command::Search => {
                self.mode = Mode::Searching {
                    input: String::new(),
                    origin: self.top,
                };
            }
            Command::NextMatch => self.next_match(true),
            Command::PrevMatch => self.next_match(false),
            Command::Cancel => self.cancel(),
            Command::Quit => {
                self.quit = true;
                return vec![Effect::Quit];
            }
            Command::Help => self.mode = Mode::Help { scroll: 0 },
            Command::TogglePanel => {
                self.panel.open = !self.panel.open;
                if !self.panel.open {
                    self.focus = Focus::Reader;
                }
                self.relayout();
            }
            Command::QuotesPanel => self.open_tab(Tab::Quotes),
            Command::TimelinePanel => self.open_tab(Tab::Timeline),
            // With the timeline hidden, `z` shows it as it was; on it, switches the span.
            Command::TimelineZoom => {
                if self.panel.open && self.panel.tab == Tab::Timeline {
                    self.panel.zoom = self.panel.zoom.toggled();
                } else {
                    self.open_tab(Tab::Timeline);
                }
                self.message = Some(self.panel.zoom.describe().into());
            }
            Command::NotesPanel => self.open_tab(Tab::Notes),
            Command::FocusNext => {
                if self.panel.open {
                    self.focus = match self.focus {
                        Focus::Reader => Focus::Panel,
                        Focus::Panel => Focus::Reader,
                    };
                } else {
                    self.message = Some("no side panel open (press \\ or 1, 2, 3)".into());
                }
            }
            Command::Activate => {
                if let Some(q) = self.quote_at(self.cursor) {
                    self.speaker = self.analysis.quotes.quotes[q].speaker;
                }
            }
            Command::NextQuote => self.next_quote(true, false),
            Command::PrevQuote => self.next_quote(false, false),
            Command::NextBySpeaker => self.next_quote(true, true),
            Command::PrevBySpeaker => self.next_quote(false, true),
            Command::PickSpeaker => {
                if self.analysis.quotes.speakers.is_empty() {
                    self.message = Some("no attributed quotations in this article".into());
                } else {
                    self.mode = Mode::PickingSpeaker {
                        filter: String::new(),
                        selected: 0,
                    };
                }
            }
            Command::NextIncident => self.next_incident(true),
            Command::PrevIncident => self.next_incident(false),
            Command::NextNote => self.next_note(true),
            Command::PrevNote => self.next_note(false),
            Command::WordForward => self.move_cursor(motion::word_forward(text, self.cursor)),
            Command::WordBack => self.move_cursor(motion::word_back(text, self.cursor)),
            Command::SentenceForward => {
                let to = motion::next_start(&self.analysis.sentences, self.cursor, true);
                self.move_cursor(to.unwrap_or(self.cursor));
            }
            Command::SentenceBack => {
                let to = motion::next_start(&self.analysis.sentences, self.cursor, false);
                self.move_cursor(to.unwrap_or(self.cursor));
            }
            Command::ParagraphForward | Command::ParagraphBack => {
                let blocks = self.block_ranges();
                let to = motion::next_start(&blocks, self.cursor, c == Command::ParagraphForward);
                self.move_cursor(to.unwrap_or(self.cursor));
            }
            Command::Visual => {
                self.mode = match self.mode {
                    Mode::Visual { .. } => Mode::Reading,
                    _ => Mode::Visual {
                        anchor: self.cursor,
                    },
                }
            }
            Command::SelectSentence => {
                if let Some(r) = motion::containing(&self.analysis.sentences, self.cursor) {
                    self.select(r);
                }
            }
            Command::SelectParagraph => {
                let blocks = self.block_ranges();
                if let Some(r) = motion::containing(&blocks, self.cursor) {
                    self.select(r);
                }
            }
            Command::SelectQuote => match self.quote_at(self.cursor) {
                Some(q) => {
                    let r = self.analysis.quotes.quotes[q].range.clone();
                    self.select(r);
                }
                None => self.message = Some("no quotation under the cursor".into()),
            },
            Command::Highlight | Command::Annotate => return self.annotate(c == Command::Annotate),
            Command::CycleColour => return self.cycle_colour(),
            Command::EditNote => self.edit_note(),
            Command::DeleteNote => return self.delete_note(),
            Command::ExportNotes => return vec![Effect::ExportNotes],
            // The library's own commands mean nothing in the reader.
            Command::LibraryArticles
            | Command::LibrarySpeakers
            | Command::LibraryTimeline
            | Command::NextView
            | Command::CycleSort => {}
        }
        Vec::new()
    }

    /// Title and paragraph ranges, for paragraph motions and selection.
    fn block_ranges(&self) -> Vec<Range<usize>> {
        self.article
            .blocks()
            .iter()
            .map(|b| b.range.clone())
            .collect()
    }

    /// `j`/`k`: scroll the view; in visual mode move the cursor by a row instead.
    fn scroll_or_move(&mut self, delta: isize) {
        if matches!(self.mode, Mode::Visual { .. }) {
            let row = self
                .layout
                .line_of(self.cursor)
                .saturating_add_signed(delta);
            let row = row.min(self.layout.len().saturating_sub(1));
            let to = self.row_start(row);
            self.move_cursor(to);
        } else {
            self.scroll_by(delta);
        }
    }

    fn cancel(&mut self) {
        if matches!(self.mode, Mode::Visual { .. }) {
            self.mode = Mode::Reading;
        } else if self.focus == Focus::Panel {
            self.focus = Focus::Reader;
        } else if !self.search.matches.is_empty() || self.target.is_some() || self.speaker.is_some()
        {
            self.search = Search::default();
            self.target = None;
            self.speaker = None;
        } else if self.panel.open {
            self.panel.open = false;
            self.relayout();
        }
    }

    fn open_tab(&mut self, tab: Tab) {
        if self.panel.open && self.panel.tab == tab && self.focus == Focus::Panel {
            self.focus = Focus::Reader;
            return;
        }
        let was_open = self.panel.open;
        self.panel.open = true;
        self.panel.tab = tab;
        self.focus = Focus::Panel;
        if !was_open {
            self.relayout();
        }
    }

    fn select(&mut self, r: Range<usize>) {
        let text = self.article.text();
        self.mode = Mode::Visual { anchor: r.start };
        self.cursor = motion::last_word_start(text, r);
        self.reveal_cursor();
    }

    // ----- search --------------------------------------------------------------------------

    fn run_search(&mut self, query: &str) {
        self.search = Search {
            query: query.to_string(),
            matches: motion::find_all(self.article.text(), query),
            current: None,
        };
    }

    /// Moves to the first match at or after the top of `origin`.
    fn show_first_match(&mut self, origin: usize) {
        let from = self.layout.lines().get(origin).map_or(0, |l| l.range.start);
        let m = &self.search.matches;
        if m.is_empty() {
            self.scroll_to_row(origin);
            return;
        }
        let i = m.partition_point(|r| r.start < from);
        let i = if i == m.len() { 0 } else { i };
        self.search.current = Some(i);
        let r = m[i].clone();
        self.cursor = r.start;
        let row = self.layout.line_of(r.start);
        let rows = self.viewport_rows().max(1);
        if row < origin || row >= origin + rows {
            self.reveal_cursor();
        } else {
            self.top = origin;
            self.clamp_top();
        }
    }

    fn next_match(&mut self, forward: bool) {
        if self.search.matches.is_empty() {
            self.message = Some(if self.search.query.is_empty() {
                "no search yet (press /)".into()
            } else {
                format!("pattern not found: {}", self.search.query)
            });
            return;
        }
        let m = &self.search.matches;
        let n = m.len();
        let at = self.cursor;
        let (i, wrapped) = if forward {
            let i = m.partition_point(|r| r.start <= at);
            if i == m.len() { (0, true) } else { (i, false) }
        } else {
            let i = m.partition_point(|r| r.start < at);
            if i == 0 {
                (m.len() - 1, true)
            } else {
                (i - 1, false)
            }
        };
        self.search.current = Some(i);
        let r = m[i].clone();
        self.move_cursor(r.start);
        self.message = Some(match (wrapped, forward) {
            (true, true) => format!("search hit BOTTOM, continuing at TOP ({}/{n})", i + 1),
            (true, false) => format!("search hit TOP, continuing at BOTTOM ({}/{n})", i + 1),
            _ => format!("match {}/{n}", i + 1),
        });
    }

    // ----- quotes, incidents, notes --------------------------------------------------------

    /// The speech quotation whose marks contain `at`.
    pub fn quote_at(&self, at: usize) -> Option<usize> {
        let quotes = &self.analysis.quotes.quotes;
        let i = quotes.partition_point(|q| q.outer.start <= at);
        (0..i)
            .rev()
            .take(4)
            .find(|&k| quotes[k].outer.contains(&at) && quotes[k].kind == QuoteKind::Speech)
    }

    fn next_quote(&mut self, forward: bool, same_speaker: bool) {
        let quotes = &self.analysis.quotes.quotes;
        let speaker = if same_speaker {
            let current = self
                .quote_at(self.cursor)
                .and_then(|q| quotes[q].speaker)
                .or(self.speaker);
            match current {
                Some(s) => Some(s),
                None => {
                    self.message = Some(format!(
                        "no speaker chosen: move to a quotation ({}) or pick one ({})",
                        self.config
                            .keymap
                            .keys_for(KeyMode::Normal, Command::NextQuote),
                        self.config
                            .keymap
                            .keys_for(KeyMode::Normal, Command::PickSpeaker)
                    ));
                    return;
                }
            }
        } else {
            None
        };
        let candidates: Vec<usize> = (0..quotes.len())
            .filter(|&i| quotes[i].kind == QuoteKind::Speech)
            .filter(|&i| speaker.is_none() || quotes[i].speaker == speaker)
            .collect();
        if candidates.is_empty() {
            self.message = Some("no quotations in this article".into());
            return;
        }
        let at = self.cursor;
        let pos = candidates.partition_point(|&i| quotes[i].range.start <= at);
        let (k, wrapped) = if forward {
            if pos == candidates.len() {
                (0, true)
            } else {
                (pos, false)
            }
        } else {
            let before = candidates.partition_point(|&i| quotes[i].range.start < at);
            if before == 0 {
                (candidates.len() - 1, true)
            } else {
                (before - 1, false)
            }
        };
        let q = candidates[k];
        let who = quotes[q]
            .speaker
            .map_or("unknown speaker".to_string(), |s| {
                self.analysis.quotes.speakers[s].name.clone()
            });
        if let Some(s) = quotes[q].speaker {
            self.speaker = Some(s);
        }
        let range = quotes[q].range.clone();
        self.jump(range);
        self.panel.follow_quote(q, &self.analysis);
        let n = candidates.len();
        self.message = Some(if wrapped {
            format!("{who}: wrapped round to {} of {n}", k + 1)
        } else {
            format!("{who}: quotation {} of {n}", k + 1)
        });
    }

    /// Jumps to the quotation number `q` (from the panel or the picker).
    pub(crate) fn jump_to_quote(&mut self, q: usize) {
        if let Some(quote) = self.analysis.quotes.quotes.get(q) {
            let range = quote.range.clone();
            self.speaker = quote.speaker.or(self.speaker);
            self.jump(range);
        }
    }

    fn next_incident(&mut self, forward: bool) {
        let n = self.analysis.timeline.len();
        if n == 0 {
            self.message = Some("no dated incidents in this article".into());
            return;
        }
        let i = match (self.panel.timeline, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.jump_to_incident(i);
        let label = &self.analysis.timeline[i].label;
        self.message = Some(format!("incident {} of {n}: {label}", i + 1));
    }

    pub(crate) fn jump_to_incident(&mut self, i: usize) {
        if let Some(inc) = self.analysis.timeline.get(i) {
            self.panel.timeline = Some(i);
            let timex = self
                .analysis
                .timexes
                .get(inc.timex)
                .map(|t| t.range.clone());
            let sentence = inc.sentence.clone();
            self.jump(sentence.clone());
            // The sentence is the target; the cursor sits on its date.
            if let Some(t) = timex {
                self.cursor = t.start;
                self.reveal_cursor();
            }
        }
    }

    fn next_note(&mut self, forward: bool) {
        let attached: Vec<usize> = (0..self.notes.len())
            .filter(|&i| self.notes[i].range.is_some())
            .collect();
        if attached.is_empty() {
            self.message = Some("no notes on this article".into());
            return;
        }
        let at = self.cursor;
        let start = |i: usize| self.notes[i].range.as_ref().map_or(0, |r| r.start);
        let (k, wrapped) = if forward {
            let p = attached.partition_point(|&i| start(i) <= at);
            if p == attached.len() {
                (0, true)
            } else {
                (p, false)
            }
        } else {
            let p = attached.partition_point(|&i| start(i) < at);
            if p == 0 {
                (attached.len() - 1, true)
            } else {
                (p - 1, false)
            }
        };
        self.jump_to_note(attached[k]);
        let n = attached.len();
        self.message = Some(format!(
            "note {} of {n}{}",
            k + 1,
            if wrapped { " (wrapped round)" } else { "" }
        ));
    }

    pub(crate) fn jump_to_note(&mut self, i: usize) {
        match self.notes.get(i).map(|n| n.range.clone()) {
            Some(Some(r)) => {
                self.panel.notes = i;
                self.jump(r);
            }
            Some(None) => {
                self.panel.notes = i;
                self.message =
                    Some("this note is detached: its passage is no longer in the article".into());
            }
            None => {}
        }
    }

    /// The attached note whose passage contains `at` (the innermost, latest).
    pub fn note_at(&self, at: usize) -> Option<usize> {
        self.notes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.range.as_ref().is_some_and(|r| r.contains(&at)))
            .min_by_key(|(_, n)| n.range.as_ref().map_or(usize::MAX, |r| r.len()))
            .map(|(i, _)| i)
    }

    fn check_writable(&mut self) -> bool {
        if let Some(why) = &self.notes_read_only {
            self.message = Some(format!("notes are read-only: {why}"));
            false
        } else {
            true
        }
    }

    /// Highlights the selection, or the sentence under the cursor; with `note`, opens the editor.
    fn annotate(&mut self, note: bool) -> Vec<Effect> {
        if !self.check_writable() {
            return Vec::new();
        }
        let range = self
            .selection()
            .or_else(|| motion::containing(&self.analysis.sentences, self.cursor));
        let Some(range) = range.filter(|r| !r.is_empty()) else {
            self.message = Some("nothing to highlight here".into());
            return Vec::new();
        };
        let label = self
            .config
            .theme
            .highlights
            .first()
            .map_or_else(|| "yellow".to_string(), |(l, _)| l.clone());
        self.mode = Mode::Reading;
        if note {
            self.open_editor(NoteTarget::New { range, label }, String::new());
            Vec::new()
        } else {
            self.message = Some("highlighted (a: add a note, c: change colour)".into());
            vec![Effect::AddNote {
                range,
                label,
                body: String::new(),
            }]
        }
    }

    fn open_editor(&mut self, target: NoteTarget, text: String) {
        let mut textarea = TextArea::new(text.lines().map(str::to_string).collect());
        if textarea.lines().is_empty() {
            textarea = TextArea::default();
        }
        textarea.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
        textarea.move_cursor(ratatui_textarea::CursorMove::End);
        self.mode = Mode::EditingNote(Box::new(NoteEditor {
            target,
            textarea,
            confirm_discard: false,
            original: text,
        }));
    }

    fn cycle_colour(&mut self) -> Vec<Effect> {
        if !self.check_writable() {
            return Vec::new();
        }
        let Some(i) = self.note_under_focus() else {
            self.message = Some("no highlight under the cursor".into());
            return Vec::new();
        };
        let labels = &self.config.theme.highlights;
        if labels.is_empty() {
            return Vec::new();
        }
        let note = &self.notes[i];
        let pos = labels.iter().position(|(l, _)| *l == note.label);
        let next = labels[pos.map_or(0, |p| (p + 1) % labels.len())].0.clone();
        self.message = Some(format!("colour: {next}"));
        vec![Effect::SetLabel {
            id: note.id.clone(),
            label: next,
        }]
    }

    /// The note the user means: the one selected in the notes panel when it has focus, else the
    /// one under the cursor.
    fn note_under_focus(&self) -> Option<usize> {
        if self.focus == Focus::Panel && self.panel.open && self.panel.tab == Tab::Notes {
            (self.panel.notes < self.notes.len()).then_some(self.panel.notes)
        } else {
            self.note_at(self.cursor)
        }
    }

    fn edit_note(&mut self) {
        if !self.check_writable() {
            return;
        }
        match self.note_under_focus() {
            Some(i) => {
                let note = &self.notes[i];
                self.open_editor(NoteTarget::Existing(note.id.clone()), note.body.clone());
            }
            None => self.message = Some("no note under the cursor".into()),
        }
    }

    fn delete_note(&mut self) -> Vec<Effect> {
        if !self.check_writable() {
            return Vec::new();
        }
        match self.note_under_focus() {
            Some(i) => {
                self.message = Some("note deleted".into());
                vec![Effect::DeleteNote {
                    id: self.notes[i].id.clone(),
                }]
            }
            None => {
                self.message = Some("no note under the cursor".into());
                Vec::new()
            }
        }
    }

    // ----- raw keys: prompts and popups ----------------------------------------------------

    fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match &mut self.mode {
            Mode::Searching { input, origin } => {
                let origin = *origin;
                match key.code {
                    KeyCode::Esc => {
                        self.search = Search::default();
                        self.mode = Mode::Reading;
                        self.scroll_to_row(origin);
                        return Vec::new();
                    }
                    KeyCode::Enter => {
                        let n = self.search.matches.len();
                        self.message = Some(if input.is_empty() {
                            String::new()
                        } else if n == 0 {
                            format!("pattern not found: {input}")
                        } else {
                            format!("{n} matches for {input}")
                        });
                        self.mode = Mode::Reading;
                        self.keep_cursor_visible();
                        return Vec::new();
                    }
                    KeyCode::Backspace => {
                        if input.pop().is_none() {
                            self.mode = Mode::Reading;
                            return Vec::new();
                        }
                    }
                    KeyCode::Char('u') if ctrl => input.clear(),
                    KeyCode::Char(c) if !ctrl => input.push(c),
                    _ => return Vec::new(),
                }
                let query = input.clone();
                self.run_search(&query);
                self.show_first_match(origin);
            }
            Mode::PickingSpeaker { filter, selected } => {
                match key.code {
                    KeyCode::Esc => self.mode = Mode::Reading,
                    KeyCode::Enter => {
                        let list = panel::filter_speakers(&self.analysis, filter);
                        if let Some(&s) = list.get(*selected) {
                            self.mode = Mode::Reading;
                            self.speaker = Some(s);
                            let first = self.analysis.quotes.speakers[s].quotes.first().copied();
                            if let Some(q) = first {
                                self.jump_to_quote(q);
                                self.panel.follow_quote(q, &self.analysis);
                            }
                            let name = &self.analysis.quotes.speakers[s].name;
                            let keys = self
                                .config
                                .keymap
                                .keys_for(KeyMode::Normal, Command::NextBySpeaker);
                            self.message = Some(format!("{name}: {keys} for the next quotation"));
                        }
                    }
                    KeyCode::Down | KeyCode::Tab => *selected = selected.saturating_add(1),
                    KeyCode::Char('n') if ctrl => *selected = selected.saturating_add(1),
                    KeyCode::Up | KeyCode::BackTab => *selected = selected.saturating_sub(1),
                    KeyCode::Char('p') if ctrl => *selected = selected.saturating_sub(1),
                    KeyCode::Backspace => {
                        filter.pop();
                        *selected = 0;
                    }
                    KeyCode::Char(c) if !ctrl => {
                        filter.push(c);
                        *selected = 0;
                    }
                    _ => {}
                }
                if let Mode::PickingSpeaker { filter, selected } = &mut self.mode {
                    let n = panel::filter_speakers(&self.analysis, filter).len();
                    *selected = (*selected).min(n.saturating_sub(1));
                }
            }
            Mode::EditingNote(editor) => {
                let save = (ctrl && key.code == KeyCode::Char('s'))
                    || (key.code == KeyCode::Enter && key.modifiers.contains(KeyModifiers::ALT));
                if save {
                    return self.save_note();
                }
                if key.code == KeyCode::Esc {
                    let text = editor.textarea.lines().join("\n");
                    if text == editor.original || editor.confirm_discard {
                        self.mode = Mode::Reading;
                        self.message = Some("note not saved".into());
                    } else {
                        editor.confirm_discard = true;
                    }
                    return Vec::new();
                }
                editor.confirm_discard = false;
                editor.textarea.input(key);
            }
            Mode::Reading | Mode::Visual { .. } | Mode::Help { .. } => {
                if matches!(self.mode, Mode::Help { .. }) {
                    self.mode = Mode::Reading;
                } else if let KeyCode::Char(c) = key.code {
                    let keys = self.config.keymap.keys_for(KeyMode::Normal, Command::Help);
                    self.message = Some(format!("{c}: not bound ({keys} for help)"));
                }
            }
        }
        Vec::new()
    }

    fn save_note(&mut self) -> Vec<Effect> {
        let Mode::EditingNote(editor) = std::mem::replace(&mut self.mode, Mode::Reading) else {
            return Vec::new();
        };
        let body = editor.textarea.lines().join("\n").trim_end().to_string();
        self.message = Some("note saved".into());
        match editor.target {
            NoteTarget::New { range, label } => vec![Effect::AddNote { range, label, body }],
            NoteTarget::Existing(id) => vec![Effect::EditNote { id, body }],
        }
    }

    fn paste(&mut self, text: &str) {
        match &mut self.mode {
            Mode::EditingNote(editor) => {
                editor.textarea.insert_str(crate::source::sanitize(text));
            }
            Mode::Searching { input, origin } => {
                let origin = *origin;
                input.push_str(&crate::source::sanitize(text).replace('\n', " "));
                let q = input.clone();
                self.run_search(&q);
                self.show_first_match(origin);
            }
            _ => {}
        }
    }

    // ----- mouse ---------------------------------------------------------------------------

    fn mouse(&mut self, m: ratatui::crossterm::event::MouseEvent) {
        let areas = self.areas();
        let pos = Position::new(m.column, m.row);
        let in_reader = areas.reader.contains(pos);
        let in_panel = areas.panel.is_some_and(|p| p.contains(pos));
        match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = m.kind == MouseEventKind::ScrollDown;
                if matches!(self.mode, Mode::Help { .. }) {
                    return;
                }
                if in_panel {
                    self.panel.scroll(down, &self.analysis, &self.notes);
                } else {
                    self.scroll_by(if down { 3 } else { -3 });
                }
            }
            MouseEventKind::Down(MouseButton::Left) => {
                if in_reader && let Some(at) = self.byte_at(areas.text, pos) {
                    self.focus = Focus::Reader;
                    self.cursor = at;
                    if matches!(self.mode, Mode::Visual { .. }) {
                        self.mode = Mode::Reading;
                    }
                } else if let Some(list) = areas.panel_list.filter(|l| l.contains(pos)) {
                    self.focus = Focus::Panel;
                    let row = usize::from(m.row - list.y);
                    let height = usize::from(list.height);
                    if let Some(entry) =
                        self.panel
                            .entry_at_row(row, height, &self.analysis, &self.notes)
                    {
                        self.panel.select(entry);
                        self.activate_panel_entry();
                    }
                }
            }
            MouseEventKind::Drag(MouseButton::Left) => {
                if in_reader && let Some(at) = self.byte_at(areas.text, pos) {
                    if !matches!(self.mode, Mode::Visual { .. }) {
                        self.mode = Mode::Visual {
                            anchor: self.cursor,
                        };
                    }
                    self.cursor = at;
                }
            }
            _ => {}
        }
    }

    /// The text byte under a screen position in the reader's text area.
    fn byte_at(&self, text_area: Rect, pos: Position) -> Option<usize> {
        if !text_area.contains(pos) {
            return None;
        }
        let row = self.top + usize::from(pos.y - text_area.y);
        let line = self.layout.lines().get(row)?;
        let col = usize::from((pos.x - text_area.x).saturating_sub(line.indent));
        let text = self.article.text();
        // A line break ending the row is not on screen: a click past the text stays on the row.
        let r = &line.range;
        let shown = r.start..r.end - usize::from(text[r.clone()].ends_with('\n'));
        Some(motion::byte_at_column(text, shown, col))
    }

    // ----- the side panel ------------------------------------------------------------------

    /// Navigation keys while the panel has focus; returns false for keys the panel leaves to
    /// the reader.
    fn panel_command(&mut self, c: Command) -> bool {
        match c {
            Command::ScrollDown => self.panel.step(1, &self.analysis, &self.notes),
            Command::ScrollUp => self.panel.step(-1, &self.analysis, &self.notes),
            Command::PageDown | Command::HalfPageDown => {
                self.panel.step(10, &self.analysis, &self.notes)
            }
            Command::PageUp | Command::HalfPageUp => {
                self.panel.step(-10, &self.analysis, &self.notes)
            }
            Command::Top => self.panel.step(isize::MIN / 2, &self.analysis, &self.notes),
            Command::Bottom => self.panel.step(isize::MAX / 2, &self.analysis, &self.notes),
            Command::Activate => {
                self.panel.toggle_expand(&self.analysis);
                self.activate_panel_entry();
                return true;
            }
            _ => return false,
        }
        self.preview_panel_entry();
        true
    }

    /// Moving through the panel moves the reader along, like a preview.
    fn preview_panel_entry(&mut self) {
        match self.panel.current(&self.analysis, &self.notes) {
            Some(PanelRow::Quote(q)) => self.jump_to_quote(q),
            Some(PanelRow::Incident(i)) => self.jump_to_incident(i),
            Some(PanelRow::Note(i)) => self.jump_to_note(i),
            Some(PanelRow::Speaker(s)) => self.speaker = Some(s),
            None => {}
        }
    }

    fn activate_panel_entry(&mut self) {
        match self.panel.current(&self.analysis, &self.notes) {
            Some(PanelRow::Speaker(s)) => {
                self.speaker = Some(s);
                let first = self.analysis.quotes.speakers[s].quotes.first().copied();
                if let Some(q) = first {
                    self.jump_to_quote(q);
                }
            }
            _ => self.preview_panel_entry(),
        }
    }
}

#[cfg(test)]
mod tests;
