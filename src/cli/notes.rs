//! `lectern notes …`: the notes of an article from the command line, for scripts and for
//! getting notes out without opening the reader.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::Utc;

use lectern::config::Paths;
use lectern::notes::{Note, NotesError, Store, from_json, to_json, to_markdown};
use lectern::source::{Article, Input, LoadOptions};

/// Export formats of `lectern notes export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Markdown,
    Json,
}

#[derive(Debug, clap::Subcommand)]
pub enum NotesCommand {
    /// List highlights and notes in text order, detached ones last.
    List {
        /// Article (`-` for stdin); without one, the built-in sample.
        file: Option<PathBuf>,
    },
    /// Print the notes as Markdown or as W3C Web Annotation JSON.
    Export {
        /// Article (`-` for stdin); without one, the built-in sample.
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Markdown)]
        format: Format,
    },
    /// Bring notes back from a Web Annotation JSON file, skipping those already there.
    Import {
        /// The JSON file, as written by `lectern notes export --format json` (`-` for stdin).
        json: PathBuf,
        /// Article the notes belong to; without one, the built-in sample.
        #[arg(long)]
        article: Option<PathBuf>,
    },
}

/// Runs one `notes` subcommand, printing to stdout (results) and stderr (summaries).
pub fn run(paths: &Paths, command: NotesCommand) -> anyhow::Result<()> {
    let data = paths.data_dir.clone().ok_or(NotesError::NoDataDir)?;
    let open = |file: Option<&Path>| -> anyhow::Result<(Article, Store)> {
        let article = lectern::web::load(&Input::from_arg(file), LoadOptions::default())?;
        let store = Store::open(&data, &article);
        // An unreadable notes file must not look like an article without notes.
        if let Some(reason) = store.read_only() {
            anyhow::bail!("{reason}");
        }
        Ok((article, store))
    };
    let mut out = std::io::stdout().lock();
    match command {
        NotesCommand::List { file } => {
            let (article, store) = open(file.as_deref())?;
            for note in store.notes() {
                writeln!(out, "{}", list_line(&article, note)).context("writing the list")?;
            }
        }
        NotesCommand::Export { file, format } => {
            let (article, store) = open(file.as_deref())?;
            match format {
                Format::Markdown => {
                    out.write_all(to_markdown(&article, store.notes(), Utc::now()).as_bytes())
                }
                Format::Json => {
                    serde_json::to_writer_pretty(&mut out, &to_json(&article, store.notes()))
                        .map_err(std::io::Error::from)
                        .and_then(|()| writeln!(out))
                }
            }
            .context("writing the export")?;
        }
        NotesCommand::Import { json, article } => {
            let from_stdin = json == Path::new("-");
            if from_stdin && article.as_deref() == Some(Path::new("-")) {
                anyhow::bail!("notes and article can't both come from stdin: name a file for one");
            }
            let text = if from_stdin {
                let mut text = String::new();
                std::io::stdin()
                    .read_to_string(&mut text)
                    .context("<stdin>: cannot read the notes")?;
                text
            } else {
                std::fs::read_to_string(&json)
                    .with_context(|| format!("{}: cannot read", json.display()))?
            };
            let notes = from_json(&text).map_err(|e| NotesError::Import {
                path: json.clone(),
                message: e.message,
            })?;
            let total = notes.len();
            let (article, mut store) = open(article.as_deref())?;
            let added = store.import(&article, notes)?;
            eprintln!(
                "{added} of {total} notes imported ({} already there) into {}",
                total - added,
                store.path().display()
            );
        }
    }
    Ok(())
}

/// `label  «excerpt»  note's first line`, with the char position for citing, or `detached`.
fn list_line(article: &Article, note: &Note) -> String {
    let (quote, place) = match &note.range {
        Some(r) => (
            article.text().get(r.clone()).unwrap_or(&note.anchor.exact),
            format!("@{}", article.text()[..r.start].chars().count()),
        ),
        None => (note.anchor.exact.as_str(), "detached".to_string()),
    };
    let quote: String = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    let excerpt: String = if quote.chars().count() > 60 {
        quote.chars().take(59).chain(['…']).collect()
    } else {
        quote
    };
    let first = note.body.lines().next().unwrap_or("");
    format!("{place}\t{}\t«{excerpt}»\t{first}", note.label)
}
