//! The `lectern` command line: parses arguments, loads the article, and hands over to the
//! terminal runtime or one of the headless subcommands. Errors end here as one line on stderr.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use rayon::prelude::*;

use lectern::app::{Action, App, Reader};
use lectern::config::{Config, Paths};
use lectern::library::{self, Cache, Library};
use lectern::runtime::Session;
use lectern::source::{self, Format, Input, LoadOptions};

/// Whether the arguments name a library (a folder, or several files) rather than one article.
fn is_library(files: &[PathBuf]) -> bool {
    files.len() > 1 || files.first().is_some_and(|p| p.is_dir())
}

/// Loads the config and what the arguments name, and builds the screen around it. Notes and
/// reading positions live in `data_dir`, library analyses are cached in `cache_dir` (both
/// optional: `render` uses neither).
fn open(
    files: &[PathBuf],
    format: Option<Format>,
    data_dir: Option<PathBuf>,
    cache_dir: Option<PathBuf>,
) -> anyhow::Result<(App, Session)> {
    let paths = Paths::from_env();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let config = Config::load(paths.config_file.as_deref(), no_color)?;
    let mut session = Session::new(data_dir.clone());
    if !is_library(files) {
        let options = LoadOptions {
            format,
            ..LoadOptions::default()
        };
        let article = source::load(
            &Input::from_arg(files.first().map(PathBuf::as_path)),
            options,
        )?;
        let opened = session.open_article(article, None);
        return Ok((App::new_reader(Reader::open(opened, config)), session));
    }
    if format.is_some() {
        bail!("--format applies to one article; a library chooses each file's format by its name");
    }
    let list = library::collect(files)?;
    let cache = cache_dir.as_deref().map(Cache::new);
    let notes = data_dir
        .as_deref()
        .map(lectern::notes::counts)
        .unwrap_or_default();
    let (lib, jobs) = Library::open(&list, &notes);
    if lib.entries.is_empty() {
        let (path, why) = &lib.skipped[0];
        bail!(
            "no readable articles ({} skipped; first: {}: {why})",
            lib.skipped.len(),
            path.display()
        );
    }
    let app = App::new_library(lectern::app::Library::new(lib, config));
    session.start_library(jobs, &app, cache);
    Ok((app, session))
}

#[derive(Parser, Debug)]
#[command(
    name = "lectern",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// Article to read (`-` for stdin), or a folder or several files to open as a library.
    /// Without one, the built-in sample opens.
    files: Vec<PathBuf>,
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
        /// An article, or a folder or several files (the library screen).
        files: Vec<PathBuf>,
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
    /// Print the analysis (quotes, speakers, dates, timeline) as JSON; for a folder, one JSON
    /// object per article and line, each with its `path`.
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
        // A closed pipe (`lectern extract DIR | head`) is the reader saying it has enough.
        Err(err)
            if err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            // Input lectern can't read is exit code 2, like `less` and `grep`; 1 is for the rest.
            let code = match err.downcast_ref::<source::LoadError>() {
                Some(e) => e.exit_code(),
                None if err.is::<library::LibraryError>() => 2,
                None => 1,
            };
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
            let options = LoadOptions { plain, format };
            if let Some(dir) = file.as_ref().filter(|p| p.is_dir()) {
                return extract_library(dir, options, date);
            }
            let input = Input::from_arg(file.as_deref());
            let article = source::load(&input, options)?.with_date(date);
            let analysis = lectern::analysis::analyze(&article);
            let json = lectern::extract::to_json(&article, &analysis);
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &json).context("writing JSON")?;
            writeln!(out).context("writing JSON")?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Render {
            files,
            format,
            width,
            height,
            keys,
        }) => {
            let (mut app, mut session) = open(&files, format, None, None)?;
            app.update(Action::Resize { width, height });
            session.settle(&mut app);
            for key in keys.split_whitespace() {
                let combo: lectern::input::KeyCombo =
                    key.parse().with_context(|| format!("--keys: {key}"))?;
                let action = app.key_action(combo.to_event());
                lectern::runtime::dispatch(&mut app, &mut session, [action]);
                session.settle(&mut app);
            }
            print!("{}", lectern::ui::render_app(&app, width, height));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Paths) => {
            let paths = Paths::from_env();
            let show =
                |p: Option<PathBuf>| p.map_or("(unknown)".to_string(), |p| p.display().to_string());
            println!("config file: {}", show(paths.config_file));
            println!("data dir:    {}", show(paths.data_dir));
            println!("cache dir:   {}", show(paths.cache_dir));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Notes { command }) => {
            lectern::notes::run(command)?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let paths = Paths::from_env();
            let (app, mut session) = open(&cli.files, cli.format, paths.data_dir, paths.cache_dir)?;
            lectern::runtime::run(app, &mut session)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `lectern extract DIR`: every article of the folder, analysed on all cores, printed in path
/// order as JSON lines. A file that can't be read gives a line with its `path` and `error`,
/// so that scripts see every file.
/// Articles analysed together by `extract DIR` before their lines are written.
const EXTRACT_CHUNK: usize = 32;

fn extract_library(
    dir: &std::path::Path,
    options: LoadOptions,
    date: Option<NaiveDate>,
) -> anyhow::Result<ExitCode> {
    let files = library::collect(&[dir.to_path_buf()])?;
    let line = |path: &PathBuf| {
        let name = path.display().to_string();
        let json = match source::load(&Input::Path(path.clone()), options) {
            Ok(article) => {
                let article = article.with_date(date);
                match lectern::analysis::analyze_guarded(&article) {
                    Ok(analysis) => {
                        let mut json = lectern::extract::to_json(&article, &analysis);
                        json["path"] = name.into();
                        json
                    }
                    Err(e) => serde_json::json!({ "path": name, "error": e }),
                }
            }
            Err(e) => serde_json::json!({ "path": name, "error": e.to_string() }),
        };
        json.to_string()
    };
    let mut out = std::io::stdout().lock();
    // In chunks, so that lines stream out (to `head`, to a progress watcher) while the rest is
    // analysed, in path order, on every core.
    for chunk in files.chunks(EXTRACT_CHUNK) {
        let lines: Vec<String> = chunk.par_iter().map(line).collect();
        for line in lines {
            writeln!(out, "{line}").context("writing JSON")?;
        }
        out.flush().context("writing JSON")?;
    }
    Ok(ExitCode::SUCCESS)
}
