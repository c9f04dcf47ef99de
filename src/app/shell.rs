//! The top of the state machine: the reader alone (`lectern FILE`), or the library with an
//! article open over it (`lectern FOLDER`). Routes actions to whichever is on screen and turns
//! the reader's "quit" into "back to the list" when there is a list to go back to.

use ratatui::crossterm::event::KeyEvent;

use super::library::LibraryView;
use super::{Action, App, Command, Effect};
use crate::input::Opened;

#[derive(Debug)]
pub struct Shell {
    screen: Screen,
    size: (u16, u16),
}

/// What the shell shows. One enum rather than a pair of options, so that there is always
/// something on screen and a reader over the library always knows its entry.
#[derive(Debug)]
enum Screen {
    /// `lectern FILE`: the reader alone; its "quit" quits.
    Reader(App),
    /// `lectern FOLDER`: the library, and the article of one of its entries when one is open
    /// over it.
    Library {
        /// Boxed: this variant holds a reader too, so the view is what it has beyond the other.
        view: Box<LibraryView>,
        open: Option<(App, usize)>,
    },
}

impl Shell {
    pub fn reader(app: App) -> Shell {
        Shell {
            screen: Screen::Reader(app),
            size: (0, 0),
        }
    }

    pub fn library(view: LibraryView) -> Shell {
        Shell {
            screen: Screen::Library {
                view: Box::new(view),
                open: None,
            },
            size: (0, 0),
        }
    }

    /// The screen size last given by a resize.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The reader on screen, if an article is open.
    pub fn article(&self) -> Option<&App> {
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
    pub fn library_view(&self) -> Option<&LibraryView> {
        match &self.screen {
            Screen::Library { view, .. } => Some(view),
            Screen::Reader(_) => None,
        }
    }

    pub fn should_quit(&self) -> bool {
        match &self.screen {
            Screen::Reader(app) => app.should_quit(),
            Screen::Library { view, .. } => view.should_quit(),
        }
    }

    pub fn key_action(&self, key: KeyEvent) -> Action {
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
        let Some(lib) = self.library_view() else {
            return Vec::new();
        };
        // The articles list's cursor (the first of the three views).
        let top = lib.cursors[0].offset.min(lib.articles.len());
        let (above, below) = lib.articles.split_at(top);
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
                let mut app = App::open(opened, view.config.clone());
                app.update(size);
                *open = Some((app, entry));
            }
            (Screen::Reader(app), _) => {
                let config = app.config.clone();
                *app = App::open(opened, config);
                app.update(size);
            }
            // A library article without its entry has nowhere to go back to.
            (Screen::Library { .. }, None) => {}
        }
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if let Action::Resize { width, height } = action {
            self.size = (width, height);
        }
        if let Action::Opened(opened) = action {
            self.open(*opened);
            return Vec::new();
        }
        let (view, open) = match &mut self.screen {
            Screen::Reader(app) => {
                return match action {
                    // Library results concern no reader alone.
                    Action::Analysed(_) => Vec::new(),
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
            (Action::Analysed(_), _) | (_, None) => view.update(action),
            (_, Some((app, _))) => {
                let back = action == Action::Command(Command::Cancel) && app.at_rest();
                let mut effects = if back { Vec::new() } else { app.update(action) };
                if back || effects.contains(&Effect::Quit) {
                    effects.retain(|e| *e != Effect::Quit);
                    if let Some((app, entry)) = open.take() {
                        // The list shows the notes count, which the reader may have changed.
                        view.closed(entry, app.notes.len());
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
