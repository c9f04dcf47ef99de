//! The `lectern` command line: the clap definitions, and each subcommand handed to its module
//! (`open`: the reader or the library, in the terminal or rendered once; `extract`: the
//! analysis as JSON; `notes`: notes without the reader). Errors end here as one line on
//! stderr and an exit code.

mod extract;
mod notes;
mod open;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{CommandFactory, Parser, Subcommand};

use lectern::config::Paths;
use lectern::library;
use lectern::source::{self, Format, LoadOptions};

#[derive(Parser, Debug)]
#[command(
    name = "lectern",
    version,
    about,
    args_conflicts_with_subcommands = true,
    after_help = environment_help(),
)]
struct Cli {
    /// The config file to use, in place of `LECTERN_CONFIG` and the platform's.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Article to read (`-` for stdin), or a folder or several files to open as a library.
    /// Without one, the built-in sample opens.
    files: Vec<PathBuf>,
    /// How to read the article: txt, md or html (default: by extension, then by content).
    #[arg(long, value_parser = parse_format)]
    format: Option<Format>,
    /// Fetch a web page again without the reader, keep it if it changed, and print what
    /// changed since the copy kept (exit 0; 1 when it cannot be fetched).
    #[arg(long, value_name = "URL", conflicts_with_all = ["files", "format"])]
    refresh: Option<String>,
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
    /// Print the default config, every option with what it does: a file to start from.
    Config,
    /// Print a shell completion script (`lectern completions bash > …`).
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page as roff (`lectern man > lectern.1; man ./lectern.1`).
    Man,
    /// Print the analysis (quotes, speakers, dates, timeline) as JSON; for a folder, one JSON
    /// object per article and line, each with its `path`.
    Extract {
        #[arg(conflicts_with = "diff")]
        file: Option<PathBuf>,
        /// Compare two versions of an article instead: what changed from OLD to NEW
        /// (paragraphs, quotations, dates) as JSON, with char offsets into each version's text.
        #[arg(long, num_args = 2, value_names = ["OLD", "NEW"])]
        diff: Option<Vec<PathBuf>>,
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
    /// A library of the items of the feeds in the config (`feeds = [...]`) or in an OPML
    /// file or newsboat's `urls` file; each item opens as its full page, fetched and kept.
    Feeds {
        /// An OPML export of a feed reader, or newsboat's `urls` file, instead of the config.
        #[arg(long, value_name = "FILE")]
        opml: Option<PathBuf>,
    },
    /// List, export or import highlights and notes.
    Notes {
        #[command(subcommand)]
        command: notes::NotesCommand,
    },
}

/// The shells `lectern completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// The `LECTERN_*` variables, for the end of `--help` and the man page.
fn environment_help() -> String {
    let mut text = String::from("Environment:\n");
    for (name, what) in lectern::config::ENV_VARS {
        text.push_str(&format!("  {name:<16}{what}\n"));
    }
    text.push_str(
        "\nExit status: 0 on success; 2 for a usage error or input that is not an article; 1 otherwise.",
    );
    text
}

/// Whether stdin brings an article: a pipe, a file or a socket rather than a terminal, as in
/// `curl … | lectern` or `lectern < a.txt`. Without a file argument lectern then reads it, as
/// `less` and `bat` do. `/dev/null` (what cron, CI and test harnesses give) is neither, so
/// the sample still opens there; keys come from `/dev/tty` whatever stdin is.
fn stdin_brings_text() -> bool {
    use std::io::IsTerminal;
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
            return false;
        };
        std::fs::File::from(fd).metadata().is_ok_and(|m| {
            let kind = m.file_type();
            kind.is_fifo() || kind.is_file() || kind.is_socket()
        })
    }
    #[cfg(not(unix))]
    true
}

/// `-` (stdin) in place of no argument, when stdin brings text.
fn or_stdin(file: Option<PathBuf>) -> Option<PathBuf> {
    file.or_else(|| stdin_brings_text().then(|| PathBuf::from("-")))
}

/// The web address among the arguments, when there is one argument and it is one.
fn url_arg(files: &[PathBuf]) -> Option<&str> {
    match files {
        [one] => one.to_str().filter(|s| lectern::web::is_url(s)),
        _ => None,
    }
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("{e} (expected YYYY-MM-DD)"))
}

/// Parses the arguments and runs what they ask for.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // A closed pipe (`lectern extract DIR | head`) is the reader saying it has enough.
        Err(err)
            if err.chain().any(|c| {
                let kind = c
                    .downcast_ref::<std::io::Error>()
                    .map(std::io::Error::kind)
                    // serde_json wraps the write's error in its own (`extract FILE | head`).
                    .or_else(|| c.downcast_ref::<serde_json::Error>()?.io_error_kind());
                kind == Some(std::io::ErrorKind::BrokenPipe)
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
    let paths = Paths::from_env_and(cli.config);
    match cli.command {
        Some(Command::Extract {
            file,
            diff: Some(versions),
            format,
            plain,
            date,
        }) => {
            let _ = file; // clap refuses a FILE beside --diff
            extract::diff(&versions, LoadOptions { plain, format }, date)
        }
        Some(Command::Extract {
            file,
            diff: None,
            format,
            plain,
            date,
        }) => match url_arg(file.as_slice()) {
            Some(url) => extract::url(url, &paths, date),
            None => extract::run(
                or_stdin(file).as_deref(),
                LoadOptions { plain, format },
                date,
            ),
        },
        Some(Command::Render {
            files,
            format,
            width,
            height,
            keys,
        }) => open::render(&paths, &files, format, width, height, &keys),
        Some(Command::Config) => {
            print!("{}", lectern::config::DEFAULT);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Completions { shell }) => {
            let shell = match shell {
                Shell::Bash => clap_complete::Shell::Bash,
                Shell::Zsh => clap_complete::Shell::Zsh,
                Shell::Fish => clap_complete::Shell::Fish,
            };
            let mut out = std::io::stdout().lock();
            clap_complete::generate(shell, &mut Cli::command(), "lectern", &mut out);
            out.flush().context("writing the completions")?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .context("writing the man page")?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Paths) => {
            let show =
                |p: Option<PathBuf>| p.map_or("(unknown)".to_string(), |p| p.display().to_string());
            println!("config file: {}", show(paths.config_file));
            println!("data dir:    {}", show(paths.data_dir));
            println!("cache dir:   {}", show(paths.cache_dir));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Feeds { opml }) => open::run_feeds(&paths, opml.as_deref()),
        Some(Command::Notes { command }) => {
            notes::run(&paths, command)?;
            Ok(ExitCode::SUCCESS)
        }
        None if cli.refresh.is_some() => {
            extract::refresh(cli.refresh.as_deref().unwrap_or_default(), &paths)
        }
        None if cli.files.is_empty() && stdin_brings_text() => {
            open::run(&paths, &[PathBuf::from("-")], cli.format)
        }
        None => match url_arg(&cli.files) {
            Some(url) => {
                if cli.format.is_some() {
                    anyhow::bail!("--format applies to files; a page's type says what it is");
                }
                open::run_url(&paths, url)
            }
            None => open::run(&paths, &cli.files, cli.format),
        },
    }
}
