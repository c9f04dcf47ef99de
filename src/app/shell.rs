//! The top of the state machine: the reader alone (`lectern FILE`), or the library with an
//! article open over it (`lectern FOLDER`). Routes actions to whichever is on screen and turns
//! the reader's "quit" into "back to the list" when there is a list to go back to.

use ratatui::crossterm::event::KeyEvent;

use super::library::LibraryView;
use super::{Action, App, Command, Effect};

#[derive(Debug)]
pub struct Shell {
    pub library: Option<LibraryView>,
    pub reader: Option<App>,
    /// The library entry the reader shows.
    pub entry: Option<usize>,
    size: (u16, u16),
}

impl Shell {
    pub fn reader(app: App) -> Shell {
        Shell {
            library: None,
            reader: Some(app),
            entry: None,
            size: (0, 0),
        }
    }

    pub fn library(view: LibraryView) -> Shell {
        Shell {
            library: Some(view),
            reader: None,
            entry: None,
            size: (0, 0),
        }
    }

    /// The screen size last given by a resize.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    pub fn should_quit(&self) -> bool {
        match (&self.reader, &self.library) {
            (_, Some(lib)) => lib.should_quit(),
            (Some(app), None) => app.should_quit(),
            (None, None) => true,
        }
    }

    pub fn key_action(&self, key: KeyEvent) -> Action {
        match (&self.reader, &self.library) {
            (Some(app), _) => app.key_action(key),
            (None, Some(lib)) => lib.key_action(key),
            (None, None) => Action::Key(key),
        }
    }

    /// The library's entries in the order their analyses should run: the articles list from
    /// its first row on screen down, then the rows above it, so that what the user sees fills
    /// first. Entries the filter hides are not named (they go last).
    pub fn analysis_order(&self) -> Vec<usize> {
        let Some(lib) = &self.library else {
            return Vec::new();
        };
        let top = lib.cursors[0].offset.min(lib.articles.len());
        let (above, below) = lib.articles.split_at(top);
        below.iter().chain(above).copied().collect()
    }

    /// Shows `app` (library entry `entry`) over the library, sized to the screen.
    pub fn open(&mut self, mut app: App, entry: Option<usize>) {
        app.update(Action::Resize {
            width: self.size.0,
            height: self.size.1,
        });
        self.reader = Some(app);
        self.entry = entry;
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if let Action::Resize { width, height } = action {
            self.size = (width, height);
            let mut effects = Vec::new();
            if let Some(lib) = &mut self.library {
                effects.extend(lib.update(action.clone()));
            }
            if let Some(app) = &mut self.reader {
                effects.extend(app.update(action));
            }
            return effects;
        }
        if let Action::Analysed(_) = action {
            return match &mut self.library {
                Some(lib) => lib.update(action),
                None => Vec::new(),
            };
        }
        let Some(app) = &mut self.reader else {
            return match &mut self.library {
                Some(lib) => lib.update(action),
                None => Vec::new(),
            };
        };
        if self.library.is_none() {
            return app.update(action);
        }
        let back = action == Action::Command(Command::Cancel) && app.at_rest();
        let mut effects = if back { Vec::new() } else { app.update(action) };
        if back || effects.contains(&Effect::Quit) {
            effects.retain(|e| *e != Effect::Quit);
            effects.push(self.close());
        }
        effects
    }

    /// Closes the reader over the library, remembering its notes count for the list.
    fn close(&mut self) -> Effect {
        let app = self
            .reader
            .take()
            .expect("close is called with a reader open");
        if let (Some(lib), Some(entry)) = (&mut self.library, self.entry.take()) {
            lib.closed(entry, app.notes.len());
        }
        Effect::CloseArticle {
            top: app.top_byte(),
        }
    }
}
