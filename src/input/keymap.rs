//! Keys as the config file spells them (`"ctrl-d"`, `"G"`, `"pagedown"`), and the keymap that
//! turns a key press into a [`Command`] for the current mode.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Command;

/// A key with its modifiers, normalised so that `G` and `shift-g` are the same combo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyCombo {
    code: KeyCodeOrd,
    ctrl: bool,
    alt: bool,
    shift: bool,
}

/// `KeyCode` is not `Ord`; we only bind these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KeyCodeOrd {
    Char(char),
    F(u8),
    Named(Named),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Named {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
}

const NAMES: &[(&str, Named)] = &[
    ("up", Named::Up),
    ("down", Named::Down),
    ("left", Named::Left),
    ("right", Named::Right),
    ("pageup", Named::PageUp),
    ("pagedown", Named::PageDown),
    ("home", Named::Home),
    ("end", Named::End),
    ("enter", Named::Enter),
    ("esc", Named::Esc),
    ("tab", Named::Tab),
    ("backtab", Named::BackTab),
    ("backspace", Named::Backspace),
    ("delete", Named::Delete),
    ("insert", Named::Insert),
];

/// Why a key string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown key `{0}` (use a character, `space`, f1…f12, {names}, with optional ctrl-/alt-/shift-)", names = NAMES.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", "))]
pub struct KeyParseError(pub String);

impl FromStr for KeyCombo {
    type Err = KeyParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || KeyParseError(s.to_string());
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.len() > 5 && lower.starts_with("ctrl-") {
                ctrl = true;
                rest = &rest[5..];
            } else if rest.len() > 4 && lower.starts_with("alt-") {
                alt = true;
                rest = &rest[4..];
            } else if rest.len() > 6 && lower.starts_with("shift-") {
                shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let lower = rest.to_ascii_lowercase();
        let code = if rest.chars().count() == 1 {
            let c = rest.chars().next().ok_or_else(err)?;
            KeyCodeOrd::Char(c)
        } else if lower == "space" {
            KeyCodeOrd::Char(' ')
        } else if let Some((_, n)) = NAMES.iter().find(|(name, _)| *name == lower) {
            KeyCodeOrd::Named(*n)
        } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            if (1..=12).contains(&n) {
                KeyCodeOrd::F(n)
            } else {
                return Err(err());
            }
        } else {
            return Err(err());
        };
        Ok(KeyCombo::normalise(code, ctrl, alt, shift))
    }
}

impl KeyCombo {
    /// Shift is part of a character (`G`), so it is only kept for non-character keys.
    fn normalise(code: KeyCodeOrd, ctrl: bool, alt: bool, shift: bool) -> Self {
        match code {
            KeyCodeOrd::Char(c) => {
                let c = if shift && c.is_ascii_lowercase() {
                    c.to_ascii_uppercase()
                } else {
                    c
                };
                // ctrl-D and ctrl-d are the same key to a terminal.
                let c = if ctrl { c.to_ascii_lowercase() } else { c };
                KeyCombo {
                    code: KeyCodeOrd::Char(c),
                    ctrl,
                    alt,
                    shift: false,
                }
            }
            _ => KeyCombo {
                code,
                ctrl,
                alt,
                shift,
            },
        }
    }

    /// The combo a terminal key event stands for; `None` for keys lectern never binds.
    pub fn from_event(key: &KeyEvent) -> Option<Self> {
        let m = key.modifiers;
        let code = match key.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::F(n) => KeyCodeOrd::F(n),
            KeyCode::Up => KeyCodeOrd::Named(Named::Up),
            KeyCode::Down => KeyCodeOrd::Named(Named::Down),
            KeyCode::Left => KeyCodeOrd::Named(Named::Left),
            KeyCode::Right => KeyCodeOrd::Named(Named::Right),
            KeyCode::PageUp => KeyCodeOrd::Named(Named::PageUp),
            KeyCode::PageDown => KeyCodeOrd::Named(Named::PageDown),
            KeyCode::Home => KeyCodeOrd::Named(Named::Home),
            KeyCode::End => KeyCodeOrd::Named(Named::End),
            KeyCode::Enter => KeyCodeOrd::Named(Named::Enter),
            KeyCode::Esc => KeyCodeOrd::Named(Named::Esc),
            KeyCode::Tab => KeyCodeOrd::Named(Named::Tab),
            KeyCode::BackTab => KeyCodeOrd::Named(Named::BackTab),
            KeyCode::Backspace => KeyCodeOrd::Named(Named::Backspace),
            KeyCode::Delete => KeyCodeOrd::Named(Named::Delete),
            KeyCode::Insert => KeyCodeOrd::Named(Named::Insert),
            _ => return None,
        };
        Some(KeyCombo::normalise(
            code,
            m.contains(KeyModifiers::CONTROL),
            m.contains(KeyModifiers::ALT),
            m.contains(KeyModifiers::SHIFT),
        ))
    }
}

impl KeyCombo {
    /// The key event a terminal sends for this combo (for `render --keys` and tests).
    pub fn to_event(self) -> KeyEvent {
        let mut m = KeyModifiers::NONE;
        if self.ctrl {
            m |= KeyModifiers::CONTROL;
        }
        if self.alt {
            m |= KeyModifiers::ALT;
        }
        if self.shift {
            m |= KeyModifiers::SHIFT;
        }
        let code = match self.code {
            KeyCodeOrd::Char(c) => {
                if c.is_uppercase() {
                    m |= KeyModifiers::SHIFT;
                }
                KeyCode::Char(c)
            }
            KeyCodeOrd::F(n) => KeyCode::F(n),
            KeyCodeOrd::Named(n) => match n {
                Named::Up => KeyCode::Up,
                Named::Down => KeyCode::Down,
                Named::Left => KeyCode::Left,
                Named::Right => KeyCode::Right,
                Named::PageUp => KeyCode::PageUp,
                Named::PageDown => KeyCode::PageDown,
                Named::Home => KeyCode::Home,
                Named::End => KeyCode::End,
                Named::Enter => KeyCode::Enter,
                Named::Esc => KeyCode::Esc,
                Named::Tab => KeyCode::Tab,
                Named::BackTab => KeyCode::BackTab,
                Named::Backspace => KeyCode::Backspace,
                Named::Delete => KeyCode::Delete,
                Named::Insert => KeyCode::Insert,
            },
        };
        KeyEvent::new(code, m)
    }
}

impl fmt::Display for KeyCombo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if self.shift {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCodeOrd::Char(' ') => f.write_str("space"),
            KeyCodeOrd::Char(c) => write!(f, "{c}"),
            KeyCodeOrd::F(n) => write!(f, "f{n}"),
            KeyCodeOrd::Named(n) => {
                let name = NAMES.iter().find(|(_, k)| *k == n).map_or("?", |(s, _)| *s);
                f.write_str(name)
            }
        }
    }
}

/// Which table of bindings applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyMode {
    /// Reading, with the focus in the reader or a panel.
    Normal,
    /// A selection is being made; keys not bound here fall back to `Normal`.
    Visual,
    /// The library's lists; keys not bound here fall back to `Normal`.
    Library,
    /// The one-line prompts (search, the library's filter) and the speaker list. No fallback:
    /// keys not bound here are typed.
    Prompt,
    /// The note editor. No fallback: keys not bound here edit the text.
    Editor,
}

impl KeyMode {
    pub fn name(self) -> &'static str {
        match self {
            KeyMode::Normal => "normal",
            KeyMode::Visual => "visual",
            KeyMode::Library => "library",
            KeyMode::Prompt => "prompt",
            KeyMode::Editor => "editor",
        }
    }
}

/// Key → command, per mode.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    tables: BTreeMap<KeyMode, BTreeMap<KeyCombo, Command>>,
    /// Each command's keys in the order the config lists them: the first is the one hints
    /// name (`tables`, ordered by key, would name `down` before `j`).
    order: BTreeMap<(KeyMode, Command), Vec<KeyCombo>>,
}

impl Keymap {
    /// Binds `keys` to `command` in `mode`, replacing the command's earlier keys there.
    pub fn bind(&mut self, mode: KeyMode, command: Command, keys: &[KeyCombo]) {
        let table = self.tables.entry(mode).or_default();
        table.retain(|_, c| *c != command);
        for k in keys {
            table.insert(*k, command);
        }
        // A key taken from another command is no longer that command's.
        for ((m, _), listed) in &mut self.order {
            if *m == mode {
                listed.retain(|k| !keys.contains(k));
            }
        }
        let mut listed: Vec<KeyCombo> = Vec::new();
        for k in keys {
            if !listed.contains(k) {
                listed.push(*k);
            }
        }
        self.order.insert((mode, command), listed);
    }

    /// The command for a key in `mode` (visual and library fall back to normal; prompts and
    /// the editor do not, as their other keys are text).
    pub fn command(&self, mode: KeyMode, key: &KeyEvent) -> Option<Command> {
        let combo = KeyCombo::from_event(key)?;
        let lookup = |m: KeyMode| self.tables.get(&m).and_then(|t| t.get(&combo)).copied();
        match mode {
            KeyMode::Normal | KeyMode::Prompt | KeyMode::Editor => lookup(mode),
            KeyMode::Visual | KeyMode::Library => lookup(mode).or_else(|| lookup(KeyMode::Normal)),
        }
    }

    /// Every command bound in `mode` with its keys, in the order of [`Command::ALL`], each
    /// command's keys in the order the config lists them (help shows `j down`, as written,
    /// not `down j`).
    pub fn bindings(&self, mode: KeyMode) -> Vec<(Command, Vec<KeyCombo>)> {
        let Some(table) = self.tables.get(&mode) else {
            return Vec::new();
        };
        Command::ALL
            .iter()
            .filter_map(|&c| {
                let mut keys = self.listed(mode, c).to_vec();
                for (k, _) in table.iter().filter(|(_, v)| **v == c) {
                    if !keys.contains(k) {
                        keys.push(*k);
                    }
                }
                (!keys.is_empty()).then_some((c, keys))
            })
            .collect()
    }

    /// The keys of `command` in `mode` in the order the config lists them.
    fn listed(&self, mode: KeyMode, command: Command) -> &[KeyCombo] {
        self.order.get(&(mode, command)).map_or(&[], Vec::as_slice)
    }

    /// The first key of `command` in `mode` as the config lists it, as text (`"ctrl-s"`), for
    /// the short hints in titles and messages; `None` when it is unbound, so that the hint
    /// is left out rather than shown without its key.
    pub fn first_key(&self, mode: KeyMode, command: Command) -> Option<String> {
        self.listed(mode, command).first().map(KeyCombo::to_string)
    }

    /// The keys of `command` in `mode`, as text (`"]"`, `"?/f1"`), in the config's order.
    pub fn keys_for(&self, mode: KeyMode, command: Command) -> String {
        self.listed(mode, command)
            .iter()
            .map(KeyCombo::to_string)
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Short hints (`"j scroll · esc closes"`): each command's first key and what it does,
    /// joined by `sep`; those of unbound commands left out.
    pub fn hints(&self, mode: KeyMode, hints: &[(Command, &str)], sep: &str) -> String {
        hints
            .iter()
            .filter_map(|&(c, what)| Some(format!("{} {what}", self.first_key(mode, c)?)))
            .collect::<Vec<_>>()
            .join(sep)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hints name the key the config lists first (not the first in key order), and nothing
    /// for an unbound command.
    #[test]
    fn the_first_key_is_the_configs_first() {
        let key = |k: &str| k.parse::<KeyCombo>().unwrap();
        let mut keymap = Keymap::default();
        keymap.bind(
            KeyMode::Normal,
            Command::ScrollDown,
            &[key("j"), key("down")],
        );
        keymap.bind(KeyMode::Normal, Command::Help, &[key("f1"), key("?")]);
        assert_eq!(
            keymap
                .first_key(KeyMode::Normal, Command::ScrollDown)
                .as_deref(),
            Some("j")
        );
        assert_eq!(keymap.keys_for(KeyMode::Normal, Command::Help), "f1/?");
        assert_eq!(keymap.first_key(KeyMode::Normal, Command::Quit), None);
        assert_eq!(keymap.keys_for(KeyMode::Normal, Command::Quit), "");
        // A key bound to another command is no longer the first one's.
        keymap.bind(KeyMode::Normal, Command::Quit, &[key("f1")]);
        assert_eq!(keymap.keys_for(KeyMode::Normal, Command::Help), "?");
        keymap.bind(KeyMode::Normal, Command::Help, &[]);
        assert_eq!(
            keymap.hints(
                KeyMode::Normal,
                &[(Command::Help, "help"), (Command::Quit, "quits")],
                " · "
            ),
            "f1 quits"
        );
        assert_eq!(
            keymap.hints(
                KeyMode::Normal,
                &[(Command::ScrollDown, "down"), (Command::Quit, "quits")],
                " · "
            ),
            "j down · f1 quits"
        );
    }

    #[test]
    fn parses_and_prints_round_trip() {
        for s in [
            "j",
            "G",
            "ctrl-d",
            "space",
            "pagedown",
            "f1",
            "alt-x",
            "shift-tab",
            "?",
            "-",
        ] {
            let k: KeyCombo = s.parse().unwrap();
            assert_eq!(k.to_string(), s);
        }
    }

    #[test]
    fn shift_letter_is_uppercase() {
        assert_eq!("shift-g".parse::<KeyCombo>(), "G".parse());
        assert_eq!("ctrl-D".parse::<KeyCombo>(), "ctrl-d".parse());
    }

    #[test]
    fn rejects_unknown_names() {
        for s in ["", "pgdn", "f13", "ctrl-", "hyper-x"] {
            assert!(s.parse::<KeyCombo>().is_err(), "{s}");
        }
    }

    #[test]
    fn events_match_combos() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(KeyCombo::from_event(&ev), "G".parse().ok());
        let ev = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(KeyCombo::from_event(&ev), "ctrl-d".parse().ok());
    }

    #[test]
    fn visual_falls_back_to_normal() {
        let mut km = Keymap::default();
        km.bind(KeyMode::Normal, Command::Quit, &["q".parse().unwrap()]);
        km.bind(KeyMode::Normal, Command::PageUp, &["b".parse().unwrap()]);
        km.bind(KeyMode::Visual, Command::WordBack, &["b".parse().unwrap()]);
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(
            km.command(KeyMode::Visual, &key('b')),
            Some(Command::WordBack)
        );
        assert_eq!(km.command(KeyMode::Visual, &key('q')), Some(Command::Quit));
        assert_eq!(
            km.command(KeyMode::Normal, &key('b')),
            Some(Command::PageUp)
        );
    }
}
