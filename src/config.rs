//! The configuration: defaults embedded from `config/default.toml`, the user's file merged over
//! them. Anything unknown in the user's file is an error naming the file, the line and the valid
//! choices, so a typo never silently does nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ratatui::style::Color;
use serde::Deserialize;
use thiserror::Error;
use toml::Spanned;

use crate::input::{Command, KeyCombo, KeyMode, Keymap};
use crate::library::CacheLimits;

/// The defaults, also the documentation of every option.
pub const DEFAULT: &str = include_str!("../config/default.toml");

#[derive(Debug, Error)]
#[error("{file}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct ConfigError {
    pub file: String,
    /// The 1-based line at fault; `None` when the file as a whole cannot be read.
    pub line: Option<usize>,
    pub message: String,
}

/// Colours of everything lectern draws. With `NO_COLOR` the theme is monochrome and the UI uses
/// modifiers (reverse, underline, bold) instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub colour: bool,
    pub title: Color,
    /// Section headings of Markdown and web pages.
    pub heading: Color,
    /// Code blocks and inline code.
    pub code: Color,
    pub link: Color,
    pub speakers: Vec<Color>,
    /// Highlight labels and their colours, in the order keys cycle through them.
    pub highlights: Vec<(String, Color)>,
    pub search: Color,
    pub dates: Color,
    pub selection: Color,
    pub status: Color,
}

impl Theme {
    /// The colour of speaker number `i`.
    pub fn speaker(&self, i: usize) -> Color {
        if self.speakers.is_empty() {
            Color::Reset
        } else {
            self.speakers[i % self.speakers.len()]
        }
    }

    /// The colour of a highlight label (unknown labels from an older config get the first).
    pub fn highlight(&self, label: &str) -> Color {
        self.highlights
            .iter()
            .find(|(l, _)| l == label)
            .or(self.highlights.first())
            .map_or(Color::Yellow, |(_, c)| *c)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    pub panel_width: u16,
    pub narrow_below: u16,
    /// Widest the text runs before it is centred in a wider pane (long lines are hard to
    /// read); 0 means no limit.
    pub max_text_width: u16,
    /// How much the library's analysis cache may keep (`[cache]`).
    pub cache: CacheLimits,
    /// Whether lectern takes the mouse (wheel, clicks, drags) at start; while it does, the
    /// terminal's own text selection needs shift (in most terminals). `toggle_mouse` switches.
    pub mouse: bool,
    /// The feeds `lectern feeds` lists (`feeds = ["https://…"]`).
    pub feeds: Vec<String>,
    /// The most items `lectern feeds` lists of one feed, the newest (`feed_items`): each is a
    /// page to fetch and analyse, and a feed can hold thousands.
    pub feed_items: usize,
}

/// Whether `command` means something in the key table `mode`: the prompts and the editor have
/// their own few actions, which mean nothing while reading.
fn belongs(mode: KeyMode, command: Command) -> bool {
    match mode {
        KeyMode::Prompt => command.for_prompt().is_some(),
        KeyMode::Editor => command.for_editor().is_some(),
        KeyMode::Normal | KeyMode::Visual | KeyMode::Library => {
            command == Command::Cancel
                || (command.for_prompt().is_none() && command.for_editor().is_none())
        }
    }
}

/// `[keys.MODE]` tables: action name → key strings, with positions for error messages.
type RawKeys = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<Vec<String>>>>;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    mouse: Option<bool>,
    feeds: Option<Vec<String>>,
    feed_items: Option<usize>,
    #[serde(default)]
    keys: RawKeys,
    theme: Option<RawTheme>,
    layout: Option<RawLayout>,
    cache: Option<RawCache>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawCache {
    max_megabytes: Option<u64>,
    max_unused_days: Option<u64>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    title: Option<Spanned<String>>,
    heading: Option<Spanned<String>>,
    code: Option<Spanned<String>>,
    link: Option<Spanned<String>>,
    speakers: Option<Vec<Spanned<String>>>,
    highlights: Option<Vec<Spanned<String>>>,
    search: Option<Spanned<String>>,
    dates: Option<Spanned<String>>,
    selection: Option<Spanned<String>>,
    status: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawLayout {
    panel_width: Option<u16>,
    narrow_below: Option<u16>,
    max_text_width: Option<u16>,
}

impl Config {
    /// The built-in defaults.
    pub fn defaults() -> Self {
        let mut config = Config {
            keymap: Keymap::default(),
            theme: Theme {
                colour: true,
                title: Color::Reset,
                heading: Color::Reset,
                code: Color::Reset,
                link: Color::Reset,
                speakers: Vec::new(),
                highlights: Vec::new(),
                search: Color::Reset,
                dates: Color::Reset,
                selection: Color::Reset,
                status: Color::Reset,
            },
            panel_width: 42,
            narrow_below: 90,
            max_text_width: 100,
            cache: CacheLimits::DEFAULT,
            mouse: true,
            feeds: Vec::new(),
            feed_items: 50,
        };
        // The embedded file is tested to merge cleanly; should it ever fail, the keymap stays
        // empty rather than taking the reader down.
        let _ = config.merge(DEFAULT, "default config");
        config
    }

    /// The defaults with the user's file at `path` merged over them (if it exists), and
    /// `NO_COLOR` honoured.
    pub fn load(path: Option<&Path>, no_color: bool) -> Result<Self, ConfigError> {
        let mut config = Config::defaults();
        if let Some(path) = path {
            match std::fs::read_to_string(path) {
                Ok(src) => config.merge(&src, &path.display().to_string())?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(ConfigError {
                        file: path.display().to_string(),
                        line: None,
                        message: e.to_string(),
                    });
                }
            }
        }
        config.theme.colour = !no_color;
        Ok(config)
    }

    /// Merges one TOML source over this config.
    pub fn merge(&mut self, src: &str, file: &str) -> Result<(), ConfigError> {
        // Bytes, not a str slice: total for any offset a parser reports.
        let line_of = |offset: usize| {
            let before = &src.as_bytes()[..offset.min(src.len())];
            before.iter().filter(|&&b| b == b'\n').count() + 1
        };
        let err = |offset: usize, message: String| ConfigError {
            file: file.to_string(),
            line: Some(line_of(offset)),
            message,
        };
        let raw: RawConfig = toml::from_str(src).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            let message = e.message().trim();
            // A value of the wrong type is explained; a syntax error says where it is already.
            if message.starts_with("invalid type") || message.starts_with("invalid length") {
                err(at, explain(src, at, message))
            } else {
                err(at, message.to_string())
            }
        })?;
        for (mode, table) in raw.keys {
            let key_mode = match mode.get_ref().as_str() {
                "normal" => KeyMode::Normal,
                "visual" => KeyMode::Visual,
                "library" => KeyMode::Library,
                "prompt" => KeyMode::Prompt,
                "editor" => KeyMode::Editor,
                other => {
                    return Err(err(
                        mode.span().start,
                        format!(
                            "unknown key table `{other}` (valid: normal, visual, library, prompt, \
                             editor)"
                        ),
                    ));
                }
            };
            for (name, keys) in table {
                let command = Command::from_name(name.get_ref()).ok_or_else(|| {
                    let valid: Vec<_> = Command::ALL.iter().map(|c| c.name()).collect();
                    err(
                        name.span().start,
                        format!(
                            "unknown action `{}` (valid: {})",
                            name.get_ref(),
                            valid.join(", ")
                        ),
                    )
                })?;
                // An action bound in a table where it means nothing would silently do nothing.
                if !belongs(key_mode, command) {
                    let valid: Vec<_> = Command::ALL
                        .iter()
                        .filter(|&&c| belongs(key_mode, c))
                        .map(|c| c.name())
                        .collect();
                    return Err(err(
                        name.span().start,
                        format!(
                            "`{}` is not an action of [keys.{}] (valid there: {})",
                            name.get_ref(),
                            key_mode.name(),
                            valid.join(", ")
                        ),
                    ));
                }
                let combos = keys
                    .get_ref()
                    .iter()
                    .map(|k| k.parse::<KeyCombo>())
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| err(keys.span().start, e.to_string()))?;
                self.keymap.bind(key_mode, command, &combos);
            }
        }
        if let Some(t) = raw.theme {
            let colour = |s: &Spanned<String>| {
                s.get_ref().parse::<Color>().map_err(|_| {
                    err(
                        s.span().start,
                        format!(
                            "unknown colour `{}` (a name, #rrggbb or 0…255)",
                            s.get_ref()
                        ),
                    )
                })
            };
            let theme = &mut self.theme;
            if let Some(c) = &t.title {
                theme.title = colour(c)?;
            }
            if let Some(list) = &t.speakers {
                theme.speakers = list.iter().map(colour).collect::<Result<_, _>>()?;
            }
            if let Some(list) = &t.highlights {
                theme.highlights = list
                    .iter()
                    .map(|s| Ok((s.get_ref().clone(), colour(s)?)))
                    .collect::<Result<_, ConfigError>>()?;
            }
            for (field, target) in [
                (&t.heading, &mut theme.heading),
                (&t.code, &mut theme.code),
                (&t.link, &mut theme.link),
                (&t.search, &mut theme.search),
                (&t.dates, &mut theme.dates),
                (&t.selection, &mut theme.selection),
                (&t.status, &mut theme.status),
            ] {
                if let Some(c) = field {
                    *target = colour(c)?;
                }
            }
        }
        if let Some(l) = raw.layout {
            self.panel_width = l.panel_width.unwrap_or(self.panel_width);
            self.narrow_below = l.narrow_below.unwrap_or(self.narrow_below);
            self.max_text_width = l.max_text_width.unwrap_or(self.max_text_width);
        }
        if let Some(mouse) = raw.mouse {
            self.mouse = mouse;
        }
        if let Some(feeds) = raw.feeds {
            self.feeds = feeds;
        }
        if let Some(n) = raw.feed_items {
            // A feed listed with none of its items would look broken.
            self.feed_items = n.max(1);
        }
        if let Some(c) = raw.cache {
            if let Some(mb) = c.max_megabytes {
                self.cache.max_bytes = mb.saturating_mul(1 << 20);
            }
            if let Some(days) = c.max_unused_days {
                self.cache.max_unused = Duration::from_secs(days.saturating_mul(24 * 60 * 60));
            }
        }
        Ok(())
    }
}

/// A parser's complaint at byte `at` of `src` said for the user: what they wrote there, what
/// the option expects with an example, then the parser's own words.
fn explain(src: &str, at: usize, message: &str) -> String {
    let at = at.min(src.len());
    let bytes = src.as_bytes();
    let start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let end = bytes[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(src.len(), |i| at + i);
    let wrote = String::from_utf8_lossy(&bytes[start..end])
        .trim()
        .to_string();
    // The option's path: the table header above the line, and the key on it.
    let header = String::from_utf8_lossy(&bytes[..start])
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('[') && l.ends_with(']'))
        .map(|l| l.trim_matches(['[', ']', ' ']).to_string());
    let key = wrote
        .split_once('=')
        .map(|(k, _)| k.trim().trim_matches('"').to_string());
    let path: Vec<String> = header
        .into_iter()
        .chain(key)
        .flat_map(|p| {
            p.split('.')
                .map(|s| s.trim().to_string())
                .collect::<Vec<_>>()
        })
        .filter(|s| !s.is_empty())
        .collect();
    let path: Vec<&str> = path.iter().map(String::as_str).collect();
    let expects = match path.as_slice() {
        ["keys"] => Some((
            "`keys` is a table per key mode (normal, visual, library)",
            "[keys.normal] then quit = [\"q\"]",
        )),
        ["keys", _] => Some((
            "a key mode is a table of actions, each with a list of keys",
            "[keys.normal] then quit = [\"q\", \"ctrl-c\"]",
        )),
        ["keys", _, _] => Some((
            "an action takes a list of keys (empty to unbind)",
            "quit = [\"q\", \"ctrl-c\"]",
        )),
        ["theme"] | ["layout"] => Some((
            "this is a table of options",
            "[theme] then search = \"yellow\"",
        )),
        ["theme", "speakers" | "highlights"] => Some((
            "a list of colours (a name, \"#rrggbb\" or \"0\"…\"255\")",
            "speakers = [\"lightcyan\", \"#ff8800\"]",
        )),
        ["theme", _] => Some((
            "a colour: a name, \"#rrggbb\" or \"0\"…\"255\", in quotes",
            "search = \"yellow\"",
        )),
        ["layout", _] => Some(("a whole number of columns (0…65535)", "panel_width = 42")),
        _ => None,
    };
    let wrote = if wrote.is_empty() {
        String::new()
    } else {
        format!("`{wrote}`: ")
    };
    match expects {
        Some((what, example)) => format!("{wrote}{what}, e.g. `{example}` ({message})"),
        None => format!("{wrote}{message}"),
    }
}

/// Whether `NO_COLOR` asks for no colour (set and not empty, as no-color.org says). With
/// [`Paths::from_env`], the only reading of the environment.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The environment variables lectern reads, with what each does: for `--help` and the README.
pub const ENV_VARS: &[(&str, &str)] = &[
    (
        "LECTERN_CONFIG",
        "the config file (default: the platform's config dir; `--config FILE` wins)",
    ),
    (
        "LECTERN_DATA",
        "where notes, reading positions and fetched pages are kept",
    ),
    ("LECTERN_CACHE", "where library analyses are cached"),
    ("NO_COLOR", "set and not empty: no colours"),
];

/// Where lectern keeps its files.
#[derive(Debug, Clone)]
pub struct Paths {
    pub config_file: Option<PathBuf>,
    /// Whether the config file was named on the command line (`--config FILE`): a file that is
    /// not there is then an error, where the platform's default file may simply not exist.
    pub config_given: bool,
    pub data_dir: Option<PathBuf>,
    /// Analysis results of library articles; deleting it only costs time.
    pub cache_dir: Option<PathBuf>,
}

impl Paths {
    /// `LECTERN_CONFIG`, `LECTERN_DATA` and `LECTERN_CACHE` override the platform's
    /// directories (`~/.config/lectern/config.toml`, `~/.local/share/lectern`,
    /// `~/.cache/lectern` on Linux). The only place lectern reads where its files go.
    pub fn from_env() -> Self {
        let dirs = directories::ProjectDirs::from("", "", "lectern");
        let config_file = std::env::var_os("LECTERN_CONFIG")
            .map(PathBuf::from)
            .or_else(|| dirs.as_ref().map(|d| d.config_dir().join("config.toml")));
        // Notes live in the data directory's `notes/` folder, reading positions beside it.
        let data_dir = std::env::var_os("LECTERN_DATA")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| dirs.as_ref().map(|d| d.data_dir().to_path_buf()));
        let cache_dir = std::env::var_os("LECTERN_CACHE")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| dirs.as_ref().map(|d| d.cache_dir().to_path_buf()));
        Paths {
            config_file,
            config_given: false,
            data_dir,
            cache_dir,
        }
    }

    /// Whether this is lectern's first run here, remembered by a marker file in the data dir
    /// written now: true once, then false. Without a data dir nothing is remembered, and no
    /// run counts as the first (a tip on every run would be noise).
    pub fn first_run(&self) -> std::io::Result<bool> {
        let Some(dir) = &self.data_dir else {
            return Ok(false);
        };
        let marker = dir.join(FIRST_RUN_MARKER);
        if marker.exists() {
            return Ok(false);
        }
        std::fs::create_dir_all(dir)?;
        std::fs::write(
            &marker,
            "lectern showed its first-run tip; delete this file to see it again\n",
        )?;
        Ok(true)
    }

    /// [`Paths::from_env`], with the config file named on the command line (`--config FILE`)
    /// in place of `LECTERN_CONFIG` and the platform's, when there is one.
    pub fn from_env_and(config_arg: Option<PathBuf>) -> Self {
        let mut paths = Paths::from_env();
        if let Some(file) = config_arg {
            paths.config_file = Some(file);
            paths.config_given = true;
        }
        paths
    }

    /// The config: the defaults with the config file merged over them, `NO_COLOR` honoured.
    ///
    /// # Errors
    /// A config file that is wrong, or named by `--config` and missing.
    pub fn load_config(&self) -> Result<Config, ConfigError> {
        if self.config_given
            && let Some(file) = &self.config_file
            && !file.exists()
        {
            return Err(ConfigError {
                file: file.display().to_string(),
                line: None,
                message: "no such config file (`lectern config` prints one to start from)".into(),
            });
        }
        Config::load(self.config_file.as_deref(), no_color())
    }
}

/// The file in the data dir whose presence means the first-run tip was shown.
pub const FIRST_RUN_MARKER: &str = "first-run-tip-shown";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_run_is_remembered_in_the_data_dir() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths {
            config_file: None,
            data_dir: Some(dir.path().join("lectern")),
            cache_dir: None,
            config_given: false,
        };
        assert!(paths.first_run().unwrap(), "a new data dir: the first run");
        assert!(dir.path().join("lectern").join(FIRST_RUN_MARKER).exists());
        assert!(!paths.first_run().unwrap(), "remembered");
        let nowhere = Paths {
            data_dir: None,
            ..paths
        };
        assert!(!nowhere.first_run().unwrap());
    }

    #[test]
    fn defaults_parse_and_bind_every_action() {
        let mut c = Config::defaults();
        c.merge(DEFAULT, "default").expect("default config parses");
        let bound: Vec<Command> = [
            KeyMode::Normal,
            KeyMode::Library,
            KeyMode::Prompt,
            KeyMode::Editor,
        ]
        .into_iter()
        .flat_map(|mode| c.keymap.bindings(mode))
        .map(|(c, _)| c)
        .collect();
        for cmd in Command::ALL {
            assert!(bound.contains(cmd), "{} has no default key", cmd.name());
        }
        assert_eq!(c.theme.highlights[0].0, "yellow");
    }

    #[test]
    fn user_file_overrides_one_action() {
        let mut c = Config::defaults();
        c.merge("[keys.normal]\nquit = [\"x\"]\n", "user.toml")
            .unwrap();
        assert_eq!(c.keymap.keys_for(KeyMode::Normal, Command::Quit), "x");
        assert_eq!(
            c.keymap.keys_for(KeyMode::Normal, Command::ScrollDown),
            "j/down"
        );
    }

    #[test]
    fn unknown_action_names_line_and_choices() {
        let mut c = Config::defaults();
        let e = c
            .merge("\n[keys.normal]\nscrol_down = [\"j\"]\n", "u.toml")
            .unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(
            e.to_string()
                .starts_with("u.toml:3: unknown action `scrol_down` (valid: scroll_down")
        );
    }

    #[test]
    fn unknown_key_and_colour_and_option() {
        let mut c = Config::defaults();
        let e = c
            .merge("[keys.normal]\nquit = [\"hyper-q\"]", "u")
            .unwrap_err();
        assert!(e.message.contains("unknown key `hyper-q`"), "{e}");
        let e = c.merge("[theme]\nsearch = \"blurple\"", "u").unwrap_err();
        assert_eq!(e.line, Some(2));
        let e = c.merge("[layout]\nwidth = 3", "u").unwrap_err();
        assert!(e.message.contains("width"), "{e}");
    }

    /// A value of the wrong type says what the user wrote, where, what the option expects and
    /// an example, not only the parser's "invalid type".
    #[test]
    fn a_wrong_type_says_what_was_written_and_what_is_expected() {
        let cases = [
            (
                "keys = \"x\"\n",
                1,
                "`keys = \"x\"`: `keys` is a table per key mode",
            ),
            (
                "# mine\n[keys.normal]\nquit = \"q\"\n",
                3,
                "`quit = \"q\"`: an action takes a list of keys (empty to unbind), e.g. \
                 `quit = [\"q\", \"ctrl-c\"]`",
            ),
            (
                "[theme]\nsearch = 3\n",
                2,
                "`search = 3`: a colour: a name, \"#rrggbb\" or \"0\"…\"255\", in quotes, e.g.",
            ),
            (
                "[layout]\npanel_width = \"wide\"\n",
                2,
                "`panel_width = \"wide\"`: a whole number of columns (0…65535), e.g. \
                 `panel_width = 42`",
            ),
            (
                "[theme]\nspeakers = \"red\"\n",
                2,
                "`speakers = \"red\"`: a list of colours",
            ),
        ];
        for (src, line, says) in cases {
            let e = Config::defaults().merge(src, "config.toml").unwrap_err();
            assert_eq!(e.line, Some(line), "{e}");
            let shown = e.to_string();
            assert!(
                shown.starts_with(&format!("config.toml:{line}: {says}")),
                "{src:?} → {shown}"
            );
            assert!(
                shown.contains("invalid type"),
                "the parser's words stay: {shown}"
            );
        }
    }

    #[test]
    fn cache_limits_come_from_the_config() {
        let c = Config::defaults();
        assert_eq!(c.cache, CacheLimits::DEFAULT);
        let mut c = Config::defaults();
        c.merge("[cache]\nmax_megabytes = 10\nmax_unused_days = 2\n", "u")
            .unwrap();
        assert_eq!(c.cache.max_bytes, 10 << 20);
        assert_eq!(c.cache.max_unused, Duration::from_secs(2 * 86_400));
        let e = c.merge("[cache]\nmax_size = 3", "u").unwrap_err();
        assert!(e.message.contains("max_size"), "{e}");
    }

    #[test]
    fn mouse_capture_is_an_option() {
        let mut c = Config::defaults();
        assert!(c.mouse);
        c.merge("mouse = false\n", "u").unwrap();
        assert!(!c.mouse);
        assert_eq!(
            c.keymap.keys_for(KeyMode::Normal, Command::ToggleMouse),
            "ctrl-t"
        );
        assert!(c.merge("mouse = \"no\"\n", "u").is_err());
    }

    #[test]
    fn items_per_feed_are_limited() {
        let mut c = Config::defaults();
        assert_eq!(c.feed_items, 50);
        c.merge("feed_items = 7\n", "u").unwrap();
        assert_eq!(c.feed_items, 7);
        c.merge("feed_items = 0\n", "u").unwrap();
        assert_eq!(c.feed_items, 1, "at least one");
        assert!(c.merge("feed_items = -3\n", "u").is_err());
    }

    #[test]
    fn feeds_are_a_list_of_addresses() {
        let mut c = Config::defaults();
        assert!(c.feeds.is_empty());
        c.merge(
            "feeds = [\"https://a.example/rss\", \"https://b.example/atom\"]\n",
            "u",
        )
        .unwrap();
        assert_eq!(c.feeds, ["https://a.example/rss", "https://b.example/atom"]);
        assert!(c.merge("feeds = \"https://a.example/rss\"\n", "u").is_err());
    }

    #[test]
    fn a_config_named_on_the_command_line_must_exist() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.toml");
        let paths = Paths::from_env_and(Some(missing.clone()));
        let e = paths.load_config().unwrap_err();
        assert!(e.to_string().contains("no such config file"), "{e}");
        std::fs::write(&missing, "[layout]\npanel_width = 30\n").unwrap();
        assert_eq!(paths.load_config().unwrap().panel_width, 30);
    }

    #[test]
    fn an_unreadable_file_is_named_without_a_line() {
        let dir = tempfile::tempdir().unwrap();
        let e = Config::load(Some(dir.path()), false).unwrap_err();
        assert_eq!(e.line, None);
        assert_eq!(
            e.to_string(),
            format!("{}: {}", dir.path().display(), e.message)
        );
    }
}
