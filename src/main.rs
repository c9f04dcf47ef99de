//! The `lectern` command line: parses arguments, loads the article, and hands over to the
//! terminal runtime or one of the headless subcommands. Errors end here as one line on stderr.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use lectern::source::{self, Input, LoadOptions};

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
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the analysis (quotes, speakers, dates, timeline) as JSON.
    Extract {
        file: Option<PathBuf>,
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
        Some(Command::Extract { file, plain, date }) => {
            let input = Input::from_arg(file.as_deref());
            let article = source::load(&input, LoadOptions { plain })?.with_date(date);
            let analysis = lectern::analysis::analyze(&article);
            let json = lectern::extract::to_json(&article, &analysis);
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &json).context("writing JSON")?;
            writeln!(out).context("writing JSON")?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Notes { command }) => {
            lectern::notes::run(command)?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let input = Input::from_arg(cli.file.as_deref());
            let article = source::load(&input, LoadOptions::default())?;
            println!("{}", article.text());
            Ok(ExitCode::SUCCESS)
        }
    }
}
