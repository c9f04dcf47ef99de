//! The article screen: one article, its analysis and notes, the wrapped text and the view on
//! it, the side panel, and the modals over it (search prompt, speaker picker, note editor,
//! help). [`Reader::update`] performs no I/O: it returns [`Effect`]s for the runtime.
//!
//! Positions are byte offsets into the article text. The view is a row index into the wrapped
//! [`Layout`] plus the byte that row starts at, so that a resize re-finds the same sentence.
//!
//! One file per concern: `scroll` (view and cursor), `command` (what keys do), `search`,
//! `jumps` (quotations, incidents, notes), `notes` (highlights and the note editor),
//! `speakers` (the picker), `mouse`, `panel` (the side panel).

pub mod changes;
mod command;
mod jumps;
mod motion;
mod mouse;
mod notes;
pub mod panel;
mod scroll;
mod search;
mod speakers;

use std::ops::Range;
use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

use super::geometry::Areas;
use super::help::Help;
use super::{Effect, Outcome};
use crate::analysis::Analysis;
use crate::config::Config;
use crate::input::{
    Action, Command, EditorCommand, KeyMode, Opened, PromptCommand, ReaderCommand, Start,
};
use crate::layout::Layout;
use crate::notes::Note;
use crate::source::Article;

pub use notes::{NoteEditor, NoteTarget};
pub use panel::{PanelRow, Tab};
pub use search::{Search, SearchPrompt};
pub use speakers::SpeakerPicker;

/// What the keyboard is doing now. `Esc` always leaves the current mode.
#[derive(Debug, Clone)]
pub enum Mode {
    Reading,
    /// Typing a search query.
    Searching(SearchPrompt),
    Help(Help),
    /// Selecting from `anchor` to the cursor.
    Visual {
        anchor: usize,
    },
    EditingNote(Box<NoteEditor>),
    /// Choosing a speaker from a filterable list.
    PickingSpeaker(SpeakerPicker),
    /// The report of what changed at the last refresh, scrolled as help is.
    Changes(Help),
}

impl Mode {
    pub fn name(&self) -> &'static str {
        match self {
            Mode::Reading => "READING",
            Mode::Searching(_) => "SEARCH",
            Mode::Help(_) => "HELP",
            Mode::Visual { .. } => "VISUAL",
            Mode::EditingNote(_) => "NOTE",
            Mode::PickingSpeaker(_) => "SPEAKER",
            Mode::Changes(_) => "CHANGES",
        }
    }
}

/// Which pane gets navigation keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Reader,
    Panel,
}

/// The whole state of the article screen.
#[derive(Debug)]
pub struct Reader {
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
    /// The text folded for searching, made on the first search.
    finder: crate::find::Finder,
    /// Quotation, incident or note last jumped to: drawn emphasised.
    target: Option<Range<usize>>,
    /// The speaker whose quotations `next_by_speaker` cycles through.
    speaker: Option<usize>,
    /// A one-line message for the status bar, cleared by the next key.
    message: Option<String>,
    /// A message waiting for `message` to clear: that dates went unread, behind a warning on
    /// how the file was read (a narrow status bar has room for one of them, not both).
    next_message: Option<String>,
    size: (u16, u16),
    layout: Layout,
    /// First visible row of the layout, and the byte it started at (kept across resizes).
    top: usize,
    top_byte: usize,
    /// The cursor: a byte offset in the text, always on a visible row in the reader.
    cursor: usize,
    quit: bool,
    /// What changed at the last refresh of this web page, as report lines.
    changes: Option<Vec<String>>,
}

impl Reader {
    /// A new reader; nothing is laid out until the first [`Action::Resize`] gives it a size.
    pub fn new(article: impl Into<Arc<Article>>, analysis: Analysis, config: Config) -> Self {
        let mut app = Reader {
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
            finder: crate::find::Finder::default(),
            target: None,
            speaker: None,
            message: None,
            next_message: None,
            size: (0, 0),
            top: 0,
            top_byte: 0,
            cursor: 0,
            quit: false,
            changes: None,
        };
        if let Some(warning) = app.article.warnings().first() {
            app.message = Some(warning.clone());
        }
        app.note_unread_dates();
        app
    }

    /// Tells the reader, once, when dates went unread for the article's language: at once, or
    /// after the next key when a warning is on screen (a guessed encoding often comes with it).
    fn note_unread_dates(&mut self) {
        if let Some(notice) = self.analysis.languages.notice() {
            match self.message {
                Some(_) => self.next_message = Some(notice),
                None => self.message = Some(notice),
            }
        }
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
        let mut app = Reader::new(article, analysis.unwrap_or_default(), config);
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

    /// Its analysis (empty while [`Reader::analysing`]).
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

    /// The status bar's mode label: the mode, or while reading the pane the keys go to
    /// (`QUOTES`, `TIMELINE`, `NOTES` when the side panel has the focus).
    pub fn mode_label(&self) -> &'static str {
        match (&self.mode, self.focus) {
            (Mode::Reading, Focus::Panel) if self.panel.open => match self.panel.tab {
                Tab::Quotes => "QUOTES",
                Tab::Timeline => "TIMELINE",
                Tab::Notes => "NOTES",
            },
            (mode, _) => mode.name(),
        }
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

    /// The one-line tip of a first run, from the live keymap; `None` while a message (a
    /// warning) has the status bar, so that the tip does not hide it.
    pub fn first_run_tip(&self) -> Option<String> {
        if self.message.is_some() {
            return None;
        }
        let keymap = &self.config.keymap;
        let key = |c: ReaderCommand| {
            let keys = keymap.keys_for(KeyMode::Normal, c.into());
            keys.split('/').next().unwrap_or_default().to_string()
        };
        Some(format!(
            "tip: {} quotes, {} timeline, {} notes open the side panel; {} lists every key",
            key(ReaderCommand::QuotesPanel),
            key(ReaderCommand::TimelinePanel),
            key(ReaderCommand::NotesPanel),
            key(ReaderCommand::Help),
        ))
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
                self.note_unread_dates();
                Vec::new()
            }
            Action::ChangeReport(lines) => {
                self.changes = Some(lines);
                Vec::new()
            }
            Action::AnalysisFailed(why) => {
                self.analysing = false;
                self.message = Some(why);
                Vec::new()
            }
            // Library results concern the library, and opening an article the App.
            Action::Analysed(_) | Action::Feeds(_) | Action::Opened(_) => Vec::new(),
            Action::Mouse { event, .. } => {
                self.mouse(event);
                Vec::new()
            }
            Action::Paste(text) => {
                self.paste(&text);
                Vec::new()
            }
            Action::Key(key) => self.key(key),
            Action::Interrupt => self.interrupt(),
            Action::Command(c) => {
                self.message = self.next_message.take();
                self.command(c)
            }
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        if self.size == (width, height) {
            return;
        }
        self.size = (width, height);
        if let Mode::Help(mut help) = self.mode {
            self.fit_help(&mut help);
            self.mode = Mode::Help(help);
        }
        if let Mode::Changes(mut pane) = self.mode {
            self.fit_changes(&mut pane);
            self.mode = Mode::Changes(pane);
        }
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

    /// A key no binding claims: for the open prompt or popup (what their key tables make of
    /// it, else text), else a hint.
    fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let keymap = &self.config.keymap;
        let prompt = keymap
            .command(KeyMode::Prompt, &key)
            .and_then(Command::for_prompt);
        let editor = keymap
            .command(KeyMode::Editor, &key)
            .and_then(Command::for_editor);
        self.modal_key(key, prompt, editor)
    }

    /// A key for the open prompt, picker or editor, with what their key tables make of it.
    fn modal_key(
        &mut self,
        key: KeyEvent,
        prompt: Option<PromptCommand>,
        editor: Option<EditorCommand>,
    ) -> Vec<Effect> {
        match &mut self.mode {
            Mode::Searching(p) => match p.key(key, prompt) {
                Outcome::Stay => {}
                Outcome::Closed => self.mode = Mode::Reading,
                Outcome::Event(event) => self.search_event(event),
            },
            Mode::PickingSpeaker(picker) => match picker.key(key, prompt, &self.analysis) {
                Outcome::Stay => {}
                Outcome::Closed => self.mode = Mode::Reading,
                Outcome::Event(s) => self.pick_speaker(s),
            },
            Mode::EditingNote(e) => match e.key(key, editor) {
                Outcome::Stay => {}
                Outcome::Closed => {
                    self.mode = Mode::Reading;
                    self.message = Some("note not saved".into());
                }
                Outcome::Event(notes::Save) => return self.save_note(),
            },
            Mode::Help(_) | Mode::Changes(_) => self.mode = Mode::Reading,
            Mode::Reading | Mode::Visual { .. } => {
                if let KeyCode::Char(c) = key.code {
                    let keys = self
                        .config
                        .keymap
                        .keys_for(KeyMode::Normal, ReaderCommand::Help.into());
                    self.message = Some(format!("{c}: not bound ({keys} for help)"));
                }
            }
        }
        Vec::new()
    }

    /// `ctrl-c`: a prompt, picker or editor is cancelled as `Esc` cancels it (an editor with
    /// unsaved text asks once more), help and a selection close; while reading, lectern quits.
    fn interrupt(&mut self) -> Vec<Effect> {
        match self.mode {
            Mode::Reading => {
                self.quit = true;
                vec![Effect::Quit]
            }
            Mode::Help(_) | Mode::Changes(_) | Mode::Visual { .. } => {
                self.mode = Mode::Reading;
                Vec::new()
            }
            Mode::Searching(_) | Mode::EditingNote(_) | Mode::PickingSpeaker(_) => self.modal_key(
                KeyEvent::from(KeyCode::Esc),
                Some(PromptCommand::Cancel),
                Some(EditorCommand::Cancel),
            ),
        }
    }

    /// Whether `ctrl-c` would quit (nothing open to cancel).
    pub fn interrupt_quits(&self) -> bool {
        matches!(self.mode, Mode::Reading)
    }

    fn paste(&mut self, text: &str) {
        match &mut self.mode {
            Mode::EditingNote(editor) => editor.paste(text),
            Mode::Searching(prompt) => {
                prompt.paste(text);
                self.search_event(search::SearchEvent::Changed);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
