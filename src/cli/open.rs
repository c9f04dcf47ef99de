//! `lectern [FILE…]` and `lectern render`: loads the config and what the arguments name (one
//! article, or a folder or several files as a library), builds the app and the runtime's
//! session around it, and runs it in the terminal or draws one frame of it as text.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use lectern::app::{Action, App, Reader};
use lectern::config::Paths;
use lectern::input::KeyCombo;
use lectern::library::{self, Cache, Library};
use lectern::runtime::{self, Session};
use lectern::source::{Format, Input, LoadOptions};

/// `lectern [FILE…]`: the reader or the library in the terminal, with notes, reading positions
/// and the library's cache where the platform (or `LECTERN_*`) keeps them.
pub fn run(paths: &Paths, files: &[PathBuf], format: Option<Format>) -> anyhow::Result<ExitCode> {
    let (mut app, mut session) = open(
        paths,
        files,
        format,
        paths.data_dir.clone(),
        paths.cache_dir.clone(),
    )?;
    first_run_tip(&mut app, paths);
    runtime::run(app, &mut session)?;
    Ok(ExitCode::SUCCESS)
}

/// `lectern URL`: the reader at once, saying `fetching…` while the page is fetched (or its
/// kept copy read) in the background; the fetched copies live in the data dir.
pub fn run_url(paths: &Paths, url: &str) -> anyhow::Result<ExitCode> {
    let config = paths.load_config()?;
    let mut session = Session::new(paths.data_dir.clone());
    let opened = session.start_fetch(url)?;
    let mut app = App::new_reader(Reader::open(opened, config));
    first_run_tip(&mut app, paths);
    runtime::run(app, &mut session)?;
    Ok(ExitCode::SUCCESS)
}

/// `lectern feeds`: the library of the items of the config's feeds (or those of an OPML or
/// newsboat `urls` file), empty at first and filled as the feeds arrive; their pages are
/// fetched and kept in the data dir, and analysed, in the background.
pub fn run_feeds(paths: &Paths, list: Option<&Path>) -> anyhow::Result<ExitCode> {
    use lectern::web::feeds::{Subscription, parse_newsboat_urls, parse_opml};
    let config = paths.load_config()?;
    let subscriptions = match list {
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("{}: cannot read the list of feeds", file.display()))?;
            let name = file.display().to_string();
            // Editors on Windows start UTF-8 files with a byte-order mark, which is not white space.
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            // An OPML file is XML; newsboat's `urls` is one address a line.
            if text.trim_start().starts_with('<') {
                parse_opml(text, &name)?
            } else {
                parse_newsboat_urls(text)
            }
        }
        None => config
            .feeds
            .iter()
            .map(|url| Subscription {
                url: url.clone(),
                title: None,
                tags: Vec::new(),
            })
            .collect(),
    };
    if subscriptions.is_empty() {
        bail!(
            "no feeds: list them in the config (feeds = [\"https://…\"]; `lectern paths` says where it is) or give --opml FILE"
        );
    }
    let Some(data_dir) = paths.data_dir.clone() else {
        bail!("no data directory to keep the pages in (set LECTERN_DATA)");
    };
    let cache = paths
        .cache_dir
        .as_deref()
        .map(|dir| Cache::with_limits(dir, config.cache));
    let total = subscriptions.len();
    let events = library::feeds::start(
        subscriptions,
        data_dir.clone(),
        cache.clone(),
        lectern::web::Options::default(),
        config.feed_items,
    );
    let mut session = Session::new(Some(data_dir));
    session.start_feeds(events, cache);
    let view = lectern::app::Library::new(Library::default(), config).with_feeds(total);
    runtime::run(App::new_library(view), &mut session)?;
    Ok(ExitCode::SUCCESS)
}

/// `lectern render`: one frame as plain text after pressing `keys` (config syntax, space
/// separated), each carried out by the same dispatch as in the terminal, background work
/// awaited in between. No notes, positions or cache are read or written.
pub fn render(
    paths: &Paths,
    files: &[PathBuf],
    format: Option<Format>,
    width: u16,
    height: u16,
    keys: &str,
) -> anyhow::Result<ExitCode> {
    let (mut app, mut session) = open(paths, files, format, None, None)?;
    app.update(Action::Resize { width, height });
    session.settle(&mut app);
    for key in keys.split_whitespace() {
        let combo: KeyCombo = key.parse().with_context(|| format!("--keys: {key}"))?;
        let action = app.key_action(combo.to_event());
        runtime::dispatch(&mut app, &mut session, [action]);
        session.settle(&mut app);
    }
    print!("{}", lectern::ui::render_app(&app, width, height));
    Ok(ExitCode::SUCCESS)
}

/// On the first run, a one-line tip in the status bar. The marker is written only when the tip
/// shows; a data dir that cannot be written only means the tip may show again.
fn first_run_tip(app: &mut App, paths: &Paths) {
    if let Some(tip) = app.first_run_tip()
        && paths.first_run().unwrap_or(false)
    {
        app.update(Action::Message(tip));
    }
}

/// Whether the arguments name a library (a folder, or several files) rather than one article.
fn is_library(files: &[PathBuf]) -> bool {
    files.len() > 1 || files.first().is_some_and(|p| p.is_dir())
}

/// Loads the config and what the arguments name, and builds the screen around it. Notes and
/// reading positions live in `data_dir`, library analyses are cached in `cache_dir` (both
/// optional: `render` uses neither).
fn open(
    paths: &Paths,
    files: &[PathBuf],
    format: Option<Format>,
    data_dir: Option<PathBuf>,
    cache_dir: Option<PathBuf>,
) -> anyhow::Result<(App, Session)> {
    let config = paths.load_config()?;
    let mut session = Session::new(data_dir.clone());
    if !is_library(files) {
        let options = LoadOptions {
            format,
            ..LoadOptions::default()
        };
        let article = lectern::web::load(
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
    let cache = cache_dir
        .as_deref()
        .map(|dir| Cache::with_limits(dir, config.cache));
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
    let sort = data_dir
        .as_deref()
        .and_then(|dir| library::Prefs::new(dir).sort());
    let app = App::new_library(lectern::app::Library::new(lib, config).with_sort(sort.as_deref()));
    session.start_library(jobs, &app, cache);
    Ok((app, session))
}
