//! The `lectern` command line: parses arguments, loads the article, and hands over to the
//! terminal runtime or one of the headless subcommands. Errors end here as one line on stderr.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use lectern::app::{Action, App};
use lectern::config::{Config, Paths};
use lectern::source::{self, Format, Input, LoadOptions};
use lectern::terminal::NotesEffects;

/// Loads the config and the article and builds the app around them.
fn open_app(file: Option<&std::path::Path>, format: Option<Format>) -> anyhow::Result<App> {
    let paths = Paths::from_env();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let config = Config::load(paths.config_file.as_deref(), no_color)?;
    let options = LoadOptions {
        format,
        ..LoadOptions::default()
    };
    let article = source::load(&Input::from_arg(file), options)?;
    let analysis = lectern::analysis::analyze(&article);
    Ok(App::new(article, analysis, config))
}

#[derive(Parser, Debug)]
#[command(
    name = "lectern",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// Article to read (`-` for stdin). Without one, the built-in sample opens.
    file: Option<PathBuf>,
    /// How to read the article: txt, md or html (default: by extension, then by content).
    #[arg(long, value_parser = parse_format)]
    format: Option<Format>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Draw one screen of the reader as plain text and exit (for docs, tests and scripts).
    Render {
        file: Option<PathBuf>,
        /// How to read the article: txt, md or html (default: by extension, then by content).
        #[arg(long, value_parser = parse_format)]
        format: Option<Format>,
        #[arg(long, default_value_t = 80)]
        width: u16,
        #[arg(long, default_value_t = 24)]
        height: u16,
        /// Keys to press before drawing, as in the config file, separated by spaces
        /// (`"j j 1"`).
        #[arg(long, default_value = "")]
        keys: String,
    },
    /// Print where lectern reads its config and keeps its notes.
    Paths,
    /// Print the analysis (quotes, speakers, dates, timeline) as JSON.
    Extract {
        file: Option<PathBuf>,
        /// How to read the article: txt, md or html (default: by extension, then by content).
        #[arg(long, value_parser = parse_format)]
        format: Option<Format>,
        /// Treat the whole file as body text: offsets are char offsets into the file as it is.
        #[arg(long)]
        plain: bool,
        /// The article's date (YYYY-MM-DD), anchoring relative dates.
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    /// List, export or import highlights and notes.
    Notes {
        #[command(subcommand)]
        command: lectern::notes::NotesCommand,
    },
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("{e} (expected YYYY-MM-DD)"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            let code = err
                .downcast_ref::<source::LoadError>()
                .map_or(1, source::LoadError::exit_code);
            let _ = writeln!(std::io::stderr(), "lectern: {err:#}");
            ExitCode::from(code as u8)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Extract {
            file,
            format,
            plain,
            date,
        }) => {
            let input = Input::from_arg(file.as_deref());
            let article = source::load(&input, LoadOptions { plain, format })?.with_date(date);
            let analysis = lectern::analysis::analyze(&article);
            let json = lectern::extract::to_json(&article, &analysis);
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &json).context("writing JSON")?;
            writeln!(out).context("writing JSON")?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Render {
            file,
            format,
            width,
            height,
            keys,
        }) => {
            let mut app = open_app(file.as_deref(), format)?;
            for key in keys.split_whitespace() {
                let combo: lectern::app::keymap::KeyCombo =
                    key.parse().with_context(|| format!("--keys: {key}"))?;
                app.update(Action::Resize { width, height });
                let action = app.key_action(combo.to_event());
                app.update(action);
            }
            print!("{}", lectern::ui::render_to_string(&mut app, width, height));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Paths) => {
            let paths = Paths::from_env();
            let show =
                |p: Option<PathBuf>| p.map_or("(unknown)".to_string(), |p| p.display().to_string());
            println!("config file: {}", show(paths.config_file));
            println!("data dir:    {}", show(paths.data_dir));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Notes { command }) => {
            lectern::notes::run(command)?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let mut app = open_app(cli.file.as_deref(), cli.format)?;
            let mut handler = match Paths::from_env().data_dir {
                Some(dir) => {
                    let store = lectern::notes::Store::open(&dir, &app.article);
                    app.notes_read_only = store.read_only().map(str::to_string);
                    app.update(Action::NotesChanged(store.notes().to_vec()));
                    NotesEffects::new(store, app.article.clone())
                }
                None => {
                    app.notes_read_only = Some("no data directory (set LECTERN_DATA)".into());
                    NotesEffects::disabled(app.article.clone())
                }
            };
            if let Some(why) = &app.notes_read_only {
                app.update(Action::Message(format!("notes are read-only: {why}")));
            }
            lectern::terminal::run(app, &mut handler)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
