//! `lectern extract FILE|DIR`: the analysis as JSON, headless. One article prints one object;
//! a folder prints one line per article, in path order, analysed on every core.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use rayon::prelude::*;

use lectern::config::Paths;
use lectern::library;
use lectern::source::{Input, LoadOptions};

/// Prints the analysis of `file` (stdin with `-`, the sample without one), or of every article
/// of a folder.
pub fn run(
    file: Option<&Path>,
    options: LoadOptions,
    date: Option<NaiveDate>,
) -> anyhow::Result<ExitCode> {
    if let Some(dir) = file.filter(|p| p.is_dir()) {
        return extract_library(dir, options, date);
    }
    let input = Input::from_arg(file);
    let article = lectern::web::load(&input, options)?.with_date(date);
    print_analysis(&article)
}

/// `lectern --refresh URL`: fetches the page again (conditionally), keeps it if it changed,
/// and prints the one-line summary, then the full report of what changed since the copy kept
/// before, with the notes made on that copy.
pub fn refresh(url: &str, paths: &Paths) -> anyhow::Result<ExitCode> {
    use lectern::web::Freshness;
    let Some(data_dir) = paths.data_dir.clone() else {
        anyhow::bail!("{url}: no data directory to keep the page in (set LECTERN_DATA)");
    };
    let page = lectern::web::refresh(url, &data_dir, &lectern::web::Options::default())?;
    let mut out = std::io::stdout().lock();
    match page.freshness {
        Freshness::Changed => {
            let old = match page.previous_article() {
                // The kept copy is lectern's own file, not the user's input: failing to read
                // it is a failure of the refresh (exit 1), not a bad file (exit 2).
                Some(old) => old.map_err(|e| anyhow::anyhow!("the copy kept before: {e}"))?,
                None => page.article.clone(),
            };
            let notes = lectern::notes::Store::open(&data_dir, &old)
                .notes()
                .to_vec();
            let changes = lectern::web::compare(&old, &page.article, &notes);
            writeln!(out, "{}", changes.summary())?;
            for line in changes.report() {
                writeln!(out, "{line}")?;
            }
        }
        Freshness::New => writeln!(out, "new: kept {}", page.version.path.display())?,
        Freshness::Unchanged | Freshness::Stored => writeln!(out, "unchanged")?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `lectern extract URL`: the analysis of a web page, fetched now (or read from the copy kept
/// in the data dir, as `lectern URL` does).
pub fn url(url: &str, paths: &Paths, date: Option<NaiveDate>) -> anyhow::Result<ExitCode> {
    let Some(data_dir) = paths.data_dir.clone() else {
        anyhow::bail!("{url}: no data directory to keep the page in (set LECTERN_DATA)");
    };
    let opened = lectern::web::open(url, &data_dir, &lectern::web::Options::default())?;
    print_analysis(&opened.article.with_date(date))
}

fn print_analysis(article: &lectern::source::Article) -> anyhow::Result<ExitCode> {
    let analysis = lectern::analysis::analyze(article);
    let json = lectern::extract::to_json(article, &analysis);
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &json).context("writing JSON")?;
    writeln!(out).context("writing JSON")?;
    Ok(ExitCode::SUCCESS)
}

/// `lectern extract --diff OLD NEW`: what changed between two versions of an article, as the
/// JSON of [`lectern::web::changes::to_json`]. Both are read as `lectern extract` reads one.
pub fn diff(
    versions: &[PathBuf],
    options: LoadOptions,
    date: Option<NaiveDate>,
) -> anyhow::Result<ExitCode> {
    let [old, new] = versions else {
        anyhow::bail!("--diff takes two files, OLD and NEW");
    };
    let load = |path: &PathBuf| {
        lectern::web::load(&Input::from_arg(Some(path)), options).map(|a| a.with_date(date))
    };
    let (old, new) = (load(old)?, load(new)?);
    let json = lectern::web::changes::to_json(&old, &new).context("writing JSON")?;
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &json).context("writing JSON")?;
    writeln!(out).context("writing JSON")?;
    Ok(ExitCode::SUCCESS)
}

/// Articles analysed together by `extract DIR` before their lines are written.
const EXTRACT_CHUNK: usize = 32;

/// `lectern extract DIR`: every article of the folder, analysed on all cores, printed in path
/// order as JSON lines. A file that can't be read gives a line with its `path` and `error`,
/// so that scripts see every file.
fn extract_library(
    dir: &Path,
    options: LoadOptions,
    date: Option<NaiveDate>,
) -> anyhow::Result<ExitCode> {
    let files = library::collect(&[dir.to_path_buf()])?;
    let line = |path: &PathBuf| {
        let name = path.display().to_string();
        let json = match lectern::web::load(&Input::Path(path.clone()), options) {
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
