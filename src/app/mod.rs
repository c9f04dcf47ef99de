//! The state machine: the whole program ([`App`]) and its two screens, the article
//! ([`Reader`], `reader/`) and the list of articles ([`Library`], `library/`), each with its
//! own `update(Action) -> Vec<Effect>` that performs no I/O: the runtime carries the
//! [`Effect`]s out and feeds what comes of them back as actions.
//!
//! Modals (the search prompt, the speaker picker, the note editor, help) are small components
//! with their own `key()` returning an [`Outcome`]; the screen under them acts on it. The
//! screen's geometry is computed here ([`geometry`]) and only read by `ui`.
//!
//! [`App`] routes actions to whichever screen is on top, and turns the reader's "quit" into
//! "back to the list" when there is a list to go back to.

pub mod geometry;
pub mod help;
pub mod library;
pub mod reader;

use std::ops::Range;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::input::Opened;
pub use crate::input::{Action, Command};
use crate::notes::NoteId;
pub use library::Library;
pub use reader::{Focus, Mode, Reader, Tab};

/// `ctrl-c`, the terminal's interrupt key (raw mode delivers it as a key, not as SIGINT).
fn is_interrupt(key: &KeyEvent) -> bool {
    key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)
}

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
    /// Fetch the open web page again (`r`).
    Refresh,
    /// Open library entry `entry`, showing `at` (a quotation or a sentence) when given.
    OpenArticle {
        entry: usize,
        at: Option<Range<usize>>,
    },
    /// The open library article was closed with its top byte at `top`: remember it.
    CloseArticle {
        top: usize,
    },
    /// The library's articles list is now in this order (a `Sort` name): remember it for the
    /// next run.
    RememberSort(&'static str),
}

/// What a modal says after a key: it stays open, it closed itself, or it asks the screen
/// under it to act (a search changed, a speaker was chosen, a note is to be saved).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome<T> {
    /// Still open; nothing for the screen to do.
    Stay,
    /// Closed, with nothing left to do.
    Closed,
    /// Something for the screen to do; whether the modal stays open is the screen's call.
    Event(T),
}

/// The whole program's state: the screen on top and the terminal's size.
#[derive(Debug)]
pub struct App {
    screen: Screen,
    size: (u16, u16),
    /// Whether lectern takes the mouse; the runtime makes the terminal follow.
    mouse: bool,
}

/// What the app shows. One enum rather than a pair of options, so that there is always
/// something on screen and a reader over the library always knows its entry.
#[derive(Debug)]
enum Screen {
    /// `lectern FILE`: the reader alone; its "quit" quits.
    Reader(Reader),
    /// `lectern FOLDER`: the library, and the article of one of its entries when one is open
    /// over it.
    Library {
        /// Boxed: this variant holds a reader too, so the view is what it has beyond the other.
        view: Box<Library>,
        open: Option<(Reader, usize)>,
    },
}

impl App {
    /// `lectern FILE`: the reader alone.
    pub fn new_reader(reader: Reader) -> App {
        App {
            mouse: reader.config().mouse,
            screen: Screen::Reader(reader),
            size: (0, 0),
        }
    }

    /// `lectern FOLDER`: the library, articles opening over it.
    pub fn new_library(view: Library) -> App {
        App {
            mouse: view.config().mouse,
            screen: Screen::Library {
                view: Box::new(view),
                open: None,
            },
            size: (0, 0),
        }
    }

    /// The tip a first run shows, if the screen has one to show now (the reader without a
    /// warning on screen; the library has its keys in its status bar).
    pub fn first_run_tip(&self) -> Option<String> {
        match &self.screen {
            Screen::Reader(reader) => reader.first_run_tip(),
            Screen::Library { .. } => None,
        }
    }

    /// The screen size last given by a resize.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The reader on screen, if an article is open.
    pub fn reader(&self) -> Option<&Reader> {
        match &self.screen {
            Screen::Reader(app)
            | Screen::Library {
                open: Some((app, _)),
                ..
            } => Some(app),
            Screen::Library { open: None, .. } => None,
        }
    }

    /// The library, whether or not an article is open over it.
    pub fn library(&self) -> Option<&Library> {
        match &self.screen {
            Screen::Library { view, .. } => Some(view),
            Screen::Reader(_) => None,
        }
    }

    /// Whether lectern takes the mouse (the config's `mouse`, switched by `toggle_mouse`).
    pub fn mouse_capture(&self) -> bool {
        self.mouse
    }

    pub fn should_quit(&self) -> bool {
        match &self.screen {
            Screen::Reader(app) => app.should_quit(),
            Screen::Library { view, .. } => view.should_quit(),
        }
    }

    pub fn key_action(&self, key: KeyEvent) -> Action {
        if is_interrupt(&key) {
            return Action::Interrupt;
        }
        match &self.screen {
            Screen::Reader(app)
            | Screen::Library {
                open: Some((app, _)),
                ..
            } => app.key_action(key),
            Screen::Library { view, open: None } => view.key_action(key),
        }
    }

    /// The library's entries in the order their analyses should run: the articles list from
    /// its first row on screen down, then the rows above it, so that what the user sees fills
    /// first. Entries the filter hides are not named (they go last).
    pub fn analysis_order(&self) -> Vec<usize> {
        let Some(lib) = self.library() else {
            return Vec::new();
        };
        // The articles list's cursor (the first of the three views).
        let top = lib.cursors()[0].offset.min(lib.articles().len());
        let (above, below) = lib.articles().split_at(top);
        below.iter().chain(above).copied().collect()
    }

    /// Shows the article the runtime opened, sized to the screen: over the library when it is
    /// one of its entries, else in place of the reader on screen.
    fn open(&mut self, opened: Opened) {
        let size = Action::Resize {
            width: self.size.0,
            height: self.size.1,
        };
        match (&mut self.screen, opened.entry) {
            (Screen::Library { view, open }, Some(entry)) => {
                let mut app = Reader::open(opened, view.config().clone());
                app.update(size);
                *open = Some((app, entry));
            }
            (Screen::Reader(app), _) => {
                let config = app.config().clone();
                *app = Reader::open(opened, config);
                app.update(size);
            }
            // A library article without its entry has nowhere to go back to.
            (Screen::Library { .. }, None) => {}
        }
    }

    /// Applies one action to the screen it concerns; returns what the runtime must do.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if let Action::Resize { width, height } = action {
            self.size = (width, height);
        }
        if action == Action::Command(Command::ToggleMouse) {
            self.mouse = !self.mouse;
            let said = if self.mouse {
                "mouse on: wheel scrolls, click moves, drag selects"
            } else {
                "mouse off: the terminal selects text"
            };
            return self.update(Action::Message(said.into()));
        }
        if let Action::Opened(opened) = action {
            self.open(*opened);
            return Vec::new();
        }
        // ctrl-c with nothing to cancel in the article over the list quits lectern, not the
        // article.
        if action == Action::Interrupt
            && let Screen::Library {
                view,
                open: Some((app, _)),
            } = &mut self.screen
            && app.interrupt_quits()
        {
            return view.update(Action::Interrupt);
        }
        let (view, open) = match &mut self.screen {
            Screen::Reader(app) => {
                return match action {
                    // Library results concern no reader alone.
                    Action::Analysed(_) | Action::Feeds(_) => Vec::new(),
                    _ => app.update(action),
                };
            }
            Screen::Library { view, open } => (view, open),
        };
        match (&action, open.as_mut()) {
            (Action::Resize { .. }, Some((app, _))) => {
                let mut effects = view.update(action.clone());
                effects.extend(app.update(action));
                effects
            }
            (Action::Analysed(_) | Action::Feeds(_), _) | (_, None) => view.update(action),
            (_, Some((app, _))) => {
                let back = action == Action::Command(Command::Cancel) && app.at_rest();
                let mut effects = if back { Vec::new() } else { app.update(action) };
                if back || effects.contains(&Effect::Quit) {
                    effects.retain(|e| *e != Effect::Quit);
                    if let Some((app, entry)) = open.take() {
                        // The list shows the notes count, which the reader may have changed.
                        view.closed(entry, app.notes().len());
                        effects.push(Effect::CloseArticle {
                            top: app.top_byte(),
                        });
                    }
                }
                effects
            }
        }
    }
}
