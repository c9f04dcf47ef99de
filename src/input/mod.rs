//! What the user can ask for, before any screen interprets it: the [`Command`]s (one table
//! gives each its config name and help text), the [`Action`]s the state machine takes, and the
//! keys ([`KeyCombo`]) and [`Keymap`] that turn a key press into a command.
//!
//! It sits below `config` (which reads key bindings into a [`Keymap`]) and `app` (which
//! interprets actions), and imports neither: the layers above it point one way only.

mod action;
mod keymap;

pub use action::{
    Action, Command, EditorCommand, LibraryCommand, Opened, PromptCommand, ReaderCommand, Start,
};
pub use keymap::{KeyCombo, KeyMode, KeyParseError, Keymap};
