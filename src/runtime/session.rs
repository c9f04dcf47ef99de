//! Carries out what the state machine asks for that needs the disk or another thread: notes
//! of the open article, reading positions, opening library articles, and the background
//! analyses (of the open article, and of the library).

use std::num::NonZero;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::thread::JoinHandle;
use std::time::Instant;

use crate::analysis::Analysis;
use crate::app::{Action, App, Effect};
use crate::input::{Opened, Start};
use crate::library::feeds::FeedEvent;
use crate::library::{self, Analysed, Analyser, Cache, Entry, Job, Origin};
use crate::notes::{Store, content_hash};
use crate::positions::Positions;
use crate::source::{Article, Format, LoadError, LoadOptions};
use crate::web;

/// The runtime's side of a lectern window.
#[derive(Debug)]
pub struct Session {
    data_dir: Option<PathBuf>,
    positions: Option<Positions>,
    /// Notes of the open article.
    notes: Option<NotesEffects>,
    /// Content hash of the open article (its reading position's key).
    hash: Option<String>,
    /// The open article's analysis, running in the background. Replaced when another
    /// article opens, so a late result never lands on the wrong article.
    analysis: Option<Receiver<Result<Analysis, String>>>,
    library: Option<Analyser>,
    /// Where the library's analyses are kept: also those of its articles the reader analysed.
    cache: Option<Cache>,
    /// The order of the library's entries last given to its analyser.
    order: Vec<usize>,
    /// Analyses the reader made of library articles whose job was no longer waiting (done
    /// before the file changed, or running): they replace the entry's summary all the same.
    reports: (Sender<Analysed>, Receiver<Analysed>),
    /// The reader's analysis threads of library articles: they report to the library even
    /// after their article is closed, so the session is busy until they end.
    reporters: Vec<JoinHandle<()>>,
    /// The page being fetched for `lectern URL` or refreshed, and its address.
    fetch: Option<(String, Receiver<Result<Fetched, String>>)>,
    /// The address of the open article, when it is a web page.
    url: Option<String>,
    /// The library entry of the open article, when it is a feed's item: a refresh keeps it
    /// over the library.
    item: Option<(usize, Entry)>,
    /// `lectern feeds`: the background fetch of the feeds and their pages.
    feeds: Option<Receiver<FeedEvent>>,
    /// A feed item being opened: its entry, the passage to show, and the article (its page,
    /// else the feed's summary, with why the page failed).
    opening: Option<OpeningItem>,
}

/// A page fetched, with what changed since the version read until now: made on the fetch's
/// thread ([`prepare`]).
#[derive(Debug)]
struct Fetched {
    page: web::Opened,
    /// The status line and the report of the changes, when there was a version before.
    report: Option<(String, Vec<String>)>,
    /// Where the reader resumes in the new version: where the text it showed goes on.
    start: Option<usize>,
    /// The new headline, when a refresh found the headline edited with the story: the
    /// library's row says the new one.
    retitled: Option<String>,
}

/// What a refresh compares the page with, taken when it starts; empty for a first fetch.
#[derive(Debug, Default)]
struct Before {
    /// The version on screen (the refreshed page is compared with it).
    shown: Option<Arc<Article>>,
    /// The notes made on it, to say which were edited.
    notes: Vec<crate::notes::Note>,
    /// The first byte the reader showed.
    top: Option<usize>,
    /// The library entry of the page, when it is a feed's item: what the page lacks of it.
    listed: Option<Entry>,
}

/// On the fetch's thread: completes a feed item's page from its entry and compares it with
/// the version before (the one shown, else the copy the fetch replaced), with `analyse`
/// guarded so that a bug in the analysis costs the report, not the session.
fn prepare(
    mut page: web::Opened,
    before: Before,
    analyse: fn(&Article) -> Result<Analysis, String>,
) -> Fetched {
    let refreshing = before.shown.is_some();
    if refreshing && page.freshness != web::Freshness::Changed {
        return Fetched {
            page,
            report: None,
            start: None,
            retitled: None,
        };
    }
    if let Some(listed) = &before.listed {
        library::feeds::complete(&mut page.article, listed);
    }
    let old = match before.shown {
        Some(shown) => Some(Ok(shown)),
        None => page.previous_article().map(|old| old.map(Arc::new)),
    };
    let new = &page.article;
    let (mut report, mut start, mut retitled) = (None, None, None);
    match old {
        Some(Ok(old)) => {
            let title = new.meta.title.trim();
            if refreshing && !title.is_empty() && title != old.meta.title.trim() {
                retitled = Some(title.to_string());
            }
            report = Some(match analyse(&old).and_then(|a| Ok((a, analyse(new)?))) {
                Ok((old_analysis, new_analysis)) => {
                    let changes = web::changes::compare_analysed(
                        &old,
                        &old_analysis,
                        new,
                        &new_analysis,
                        &before.notes,
                    );
                    (changes.summary(), changes.report())
                }
                Err(why) => (format!("changed (not compared: {why})"), Vec::new()),
            });
            start = before
                .top
                .and_then(|t| web::changes::carry(old.text(), new.text(), t));
        }
        Some(Err(e)) => {
            report = Some((
                format!("changed (the earlier copy is unreadable: {e})"),
                Vec::new(),
            ));
        }
        None => {}
    }
    Fetched {
        page,
        report,
        start,
        retitled,
    }
}

type ItemResult = (Result<Article, LoadError>, Option<String>);

#[derive(Debug)]
struct OpeningItem {
    entry: usize,
    listed: Entry,
    at: Option<Range<usize>>,
    rx: Receiver<ItemResult>,
}

impl Session {
    pub fn new(data_dir: Option<PathBuf>) -> Session {
        Session {
            positions: data_dir.as_deref().map(Positions::new),
            data_dir,
            notes: None,
            hash: None,
            analysis: None,
            library: None,
            cache: None,
            order: Vec::new(),
            reports: channel(),
            reporters: Vec::new(),
            fetch: None,
            url: None,
            item: None,
            feeds: None,
            opening: None,
        }
    }

    /// `lectern feeds`: takes the news of the background fetch of the feeds
    /// ([`library::feeds::start`]) to the library as it comes.
    pub fn start_feeds(&mut self, events: Receiver<FeedEvent>, cache: Option<Cache>) {
        self.cache = cache;
        self.feeds = Some(events);
    }

    /// Opens feed item `entry` over the library: its page read from the copy kept (fetched
    /// first if there is none yet), on a thread, so a slow server does not freeze the list.
    fn open_item(&mut self, entry: usize, listed: Entry, at: Option<Range<usize>>) -> Vec<Action> {
        let Some(dir) = self.data_dir.clone() else {
            return vec![Action::Message(
                "no data directory to keep pages in (set LECTERN_DATA)".into(),
            )];
        };
        let (tx, rx) = channel();
        let job = listed.clone();
        std::thread::spawn(move || {
            let _ = tx.send(library::feeds::item_article(
                &job,
                &dir,
                &web::Options::default(),
            ));
        });
        let what = match &listed.origin {
            Origin::Item { url: Some(url), .. } => url.clone(),
            _ => listed.title.clone(),
        };
        self.opening = Some(OpeningItem {
            entry,
            listed,
            at,
            rx,
        });
        vec![Action::Message(format!("opening {what}…"))]
    }

    /// What came of [`Session::open_item`].
    fn item_opened(&mut self, opening: OpeningItem, result: ItemResult) -> Vec<Action> {
        let OpeningItem {
            entry, listed, at, ..
        } = opening;
        let (article, why) = result;
        let article = match article {
            Ok(article) => article,
            Err(e) => return vec![Action::Message(e.to_string())],
        };
        let hash = content_hash(article.text());
        // The passage was found in the text analysed; another text (the page fetched since,
        // or only the summary now) may not have it there.
        let at = at.filter(|_| hash == listed.hash);
        let url = match (&listed.origin, &why) {
            (Origin::Item { url, .. }, None) => url.clone(),
            _ => None,
        };
        let opened = self.open(Arc::new(article), hash, Some((entry, Instant::now())), at);
        self.url = url;
        self.item = Some((entry, listed));
        let mut out = vec![Action::Opened(Box::new(opened))];
        if let Some(why) = why {
            out.push(Action::Message(format!(
                "the feed's summary: the page could not be read ({why})"
            )));
        }
        out
    }

    /// Starts fetching `url` (or reading the copy kept of it) in the background, and gives
    /// the screen to show meanwhile: the address over `fetching…`. The article arrives as
    /// [`Action::Opened`] from [`Session::poll`]; a failure as a one-line message, nothing
    /// kept (see [`web::refresh`]).
    ///
    /// # Errors
    /// When the stand-in cannot be built (an address the text reader refuses).
    pub fn start_fetch(&mut self, url: &str) -> Result<Opened, LoadError> {
        let opened = self.placeholder(url, "fetching…")?;
        self.spawn_fetch(url, web::open, Before::default());
        Ok(opened)
    }

    /// Runs `fetch` (`web::open` or `web::refresh`) for `url` on a thread of its own, and
    /// there too compares the page with the version read until now (`before`): both analyses
    /// and the diff take long on a long page, and must not freeze the screen or, should an
    /// analysis panic, end the session.
    fn spawn_fetch(
        &mut self,
        url: &str,
        fetch: fn(&str, &std::path::Path, &web::Options) -> Result<web::Opened, web::WebError>,
        before: Before,
    ) {
        let (tx, rx) = channel();
        let data_dir = self.data_dir.clone();
        let address = url.to_string();
        std::thread::spawn(move || {
            let result = match data_dir {
                Some(dir) => fetch(&address, &dir, &web::Options::default())
                    .map(|page| prepare(page, before, crate::analysis::analyze_guarded))
                    .map_err(|e| e.to_string()),
                None => Err(format!(
                    "{address}: no data directory to keep the page in (set LECTERN_DATA)"
                )),
            };
            let _ = tx.send(result);
        });
        self.fetch = Some((url.to_string(), rx));
    }

    /// `r`: fetches the open web page again in the background; `top` is the first byte the
    /// reader shows, carried over to the new version.
    fn refresh(&mut self, top: Option<usize>) -> Vec<Action> {
        if self.fetch.is_some() {
            return vec![Action::Message("already fetching…".into())];
        }
        if self.opening.is_some() {
            return vec![Action::Message("already opening…".into())];
        }
        let Some(url) = self.url.clone() else {
            // A feed item read as the feed's summary, its page having failed: try the page
            // again (it opens in place of the summary if it can be read now).
            if let Some((entry, listed)) = self.item.clone()
                && matches!(listed.origin, Origin::Item { url: Some(_), .. })
            {
                return self.open_item(entry, listed, None);
            }
            return vec![Action::Message("not a web page: nothing to refresh".into())];
        };
        // The notes made on the version read until now, to say which were edited, and that
        // version itself (what the reader's top byte points into).
        let before = Before {
            shown: self.notes.as_ref().map(|n| Arc::clone(n.article())),
            notes: self
                .notes
                .as_ref()
                .map(NotesEffects::notes)
                .unwrap_or_default(),
            top,
            listed: self.item.as_ref().map(|(_, listed)| listed.clone()),
        };
        self.spawn_fetch(&url, web::refresh, before);
        vec![Action::Message(format!("fetching {url}…"))]
    }

    /// A stand-in article saying `what` under `url`, while there is no page to show: no notes,
    /// no reading position.
    fn placeholder(&mut self, url: &str, what: &str) -> Result<Opened, LoadError> {
        let text = format!("{url}\n\n{what}\n");
        let options = LoadOptions {
            plain: false,
            format: Some(Format::Text),
        };
        let article = Arc::new(Article::parse(&text, url, options)?);
        self.analysis = None;
        self.hash = None;
        self.url = None;
        self.notes = Some(NotesEffects::disabled(Arc::clone(&article)));
        Ok(Opened {
            analysis: Some(crate::analysis::analyze(&article)),
            article,
            notes: Vec::new(),
            read_only: Some("the page is not here yet".into()),
            warn_read_only: false,
            start: Start::Top,
            entry: None,
        })
    }

    /// What came of the fetch started by [`Session::start_fetch`] or a refresh, if it ended,
    /// compared already with the version read until now (see [`prepare`]).
    fn fetched(&mut self, result: Result<Fetched, String>) -> Vec<Action> {
        let url = self.fetch.take().map(|(url, _)| url).unwrap_or_default();
        let refreshing = self.url.is_some();
        match result {
            Ok(fetched) if refreshing && fetched.page.freshness != web::Freshness::Changed => {
                vec![Action::Message("unchanged".into())]
            }
            Ok(Fetched {
                page,
                report,
                start,
                retitled,
            }) => {
                let mut item = self.item.take();
                // Opening the new version finds the notes file again (by the page's address)
                // and re-anchors its notes to the new text.
                let article = Arc::new(page.article);
                let hash = content_hash(article.text());
                let entry = item.as_ref().map(|(e, _)| (*e, Instant::now()));
                let mut opened = self.open(article, hash, entry, None);
                if let Some(at) = start {
                    opened.start = Start::Resume(at);
                }
                self.url = Some(url);
                let mut out = vec![Action::Opened(Box::new(opened))];
                if let (Some((entry, listed)), Some(title)) = (&mut item, retitled) {
                    listed.title.clone_from(&title);
                    out.push(Action::Feeds(vec![FeedEvent::Retitled {
                        entry: *entry,
                        title,
                    }]));
                }
                self.item = item;
                if let Some((summary, lines)) = report {
                    out.push(Action::ChangeReport(lines));
                    out.push(Action::Message(summary));
                }
                out
            }
            Err(why) if refreshing => vec![Action::Message(why)],
            Err(why) => {
                let mut out: Vec<Action> = self
                    .placeholder(&url, &format!("not opened: {why}"))
                    .map(|opened| Action::Opened(Box::new(opened)))
                    .into_iter()
                    .collect();
                out.push(Action::Message(why));
                out
            }
        }
    }

    /// Opens `article` for reading: its notes, its remembered position (unless `at`, a
    /// passage to show, is given), and its analysis started in the background so the text is
    /// on screen before the analysis is done.
    pub fn open_article(&mut self, article: Article, at: Option<Range<usize>>) -> Opened {
        let article = Arc::new(article);
        let hash = content_hash(article.text());
        self.open(article, hash, None, at)
    }

    /// [`Session::open_article`] for the article of library entry `entry` (if it is one, with
    /// when its text was read): its analysis comes from the library's cache when it is there; else the analysis run for the
    /// reader is also the library's (its job is taken out of the library's queue, and the
    /// result is reported to the library and cached).
    fn open(
        &mut self,
        article: Arc<Article>,
        hash: String,
        entry: Option<(usize, Instant)>,
        at: Option<Range<usize>>,
    ) -> Opened {
        let cache = entry.and(self.cache.clone());
        let cached = cache
            .as_ref()
            .and_then(|c| c.get_analysis(&hash, article.meta.date, article.text()));
        self.analysis = None;
        // A web page's address is set again by whoever opened it as one.
        self.url = None;
        if cached.is_none() {
            let report = entry.map(|(e, read)| {
                let claimed = self.library.as_ref().and_then(|l| l.claim(e));
                (e, read, claimed.unwrap_or_else(|| self.reports.0.clone()))
            });
            let reports = report.is_some();
            let (tx, rx) = channel();
            let (article, hash) = (Arc::clone(&article), hash.clone());
            let thread = std::thread::spawn(move || {
                let result = crate::analysis::analyze_guarded(&article);
                // Summarised (and cached) first: the analysis itself then moves to the reader.
                let library_result = report.is_some().then(|| {
                    result.as_ref().map_err(Clone::clone).map(|analysis| {
                        let summary = library::summarise(&article, &hash, analysis, cache.as_ref());
                        (hash.clone(), summary)
                    })
                });
                // The library first: once the reader has its result, the library's is
                // there too. The reader's receiver is gone if the article was closed first;
                // the library still takes the result.
                if let (Some((entry, read, library)), Some(result)) = (report, library_result) {
                    let _ = library.send(Analysed {
                        entry,
                        read,
                        result,
                    });
                }
                let _ = tx.send(result);
            });
            if reports {
                self.reporters.push(thread);
            }
            self.analysis = Some(rx);
        }
        let (notes, read_only, effects) = match &self.data_dir {
            Some(dir) => {
                let store = Store::open(dir, &article);
                let notes = store.notes().to_vec();
                let read_only = store.read_only().map(str::to_string);
                (
                    notes,
                    read_only,
                    NotesEffects::new(store, Arc::clone(&article)),
                )
            }
            // Said when a note is attempted, not on every start of `render`.
            None => (
                Vec::new(),
                Some("no data directory (set LECTERN_DATA)".into()),
                NotesEffects::disabled(Arc::clone(&article)),
            ),
        };
        self.notes = Some(effects);
        let start = match at {
            Some(range) => Start::Show(range),
            None => match self.positions.as_ref().and_then(|p| p.get(&hash)) {
                Some(top) => Start::Resume(top),
                None => Start::Top,
            },
        };
        self.hash = Some(hash);
        Opened {
            article,
            analysis: cached,
            notes,
            read_only,
            warn_read_only: self.data_dir.is_some(),
            start,
            entry: entry.map(|(e, _)| e),
        }
    }

    /// Starts analysing the library's entries (`jobs`) in the background on every core, the
    /// rows on screen first; `cache` keeps the results, and those the reader finds.
    pub fn start_library(&mut self, jobs: Vec<Job>, app: &App, cache: Option<Cache>) {
        self.cache = cache.clone();
        if jobs.is_empty() {
            return;
        }
        self.order = app.analysis_order();
        let workers = std::thread::available_parallelism().map_or(1, NonZero::get);
        self.library = Some(Analyser::start(jobs, &self.order, cache, workers));
    }

    /// Waits for all background work and applies its results (for `render`, which draws one
    /// finished screen).
    pub fn settle(&mut self, app: &mut App) {
        if let Some(rx) = self.feeds.take() {
            let events: Vec<FeedEvent> = rx.iter().collect();
            app.update(Action::Feeds(events));
        }
        if let Some(opening) = self.opening.take() {
            let result = opening
                .rx
                .recv()
                .unwrap_or_else(|_| fetch_stopped(&opening.listed));
            for action in self.item_opened(opening, result) {
                app.update(action);
            }
        }
        if let Some((_, rx)) = &self.fetch {
            let result = rx
                .recv()
                .unwrap_or_else(|_| Err("the fetch stopped".into()));
            for action in self.fetched(result) {
                app.update(action);
            }
        }
        if let Some(rx) = self.analysis.take()
            && let Ok(result) = rx.recv()
        {
            app.update(analysed(result));
        }
        for thread in self.reporters.drain(..) {
            let _ = thread.join();
        }
        let reports: Vec<Analysed> = self.reports.1.try_iter().collect();
        if !reports.is_empty() {
            app.update(Action::Analysed(reports));
        }
        while let Some(analyser) = &mut self.library {
            let done = analyser.wait();
            if done.is_empty() {
                self.library = None;
            } else {
                app.update(Action::Analysed(done));
            }
        }
    }

    /// Whether background work may still report.
    pub fn busy(&self) -> bool {
        self.analysis.is_some()
            || self.fetch.is_some()
            || self.feeds.is_some()
            || self.opening.is_some()
            || self.library.as_ref().is_some_and(Analyser::running)
            || self.reporters.iter().any(|t| !t.is_finished())
    }

    /// Results of background work that finished since the last call. Tells the library's
    /// analyser first which entries `app` shows now, should the user have scrolled, sorted
    /// or filtered since.
    pub fn poll(&mut self, app: &App) -> Vec<Action> {
        if let Some(analyser) = self.library.as_ref().filter(|a| a.running()) {
            let order = app.analysis_order();
            if order != self.order {
                analyser.prefer(&order);
                self.order = order;
            }
        }
        let mut out = Vec::new();
        if let Some((_, rx)) = &self.fetch {
            let result = match rx.try_recv() {
                Ok(result) => Some(result),
                Err(TryRecvError::Disconnected) => Some(Err("the fetch stopped".into())),
                Err(TryRecvError::Empty) => None,
            };
            if let Some(result) = result {
                out.extend(self.fetched(result));
            }
        }
        if let Some(rx) = &self.feeds {
            let mut events = Vec::new();
            loop {
                match rx.try_recv() {
                    Ok(event) => events.push(event),
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        self.feeds = None;
                        break;
                    }
                }
            }
            if !events.is_empty() {
                out.push(Action::Feeds(events));
            }
        }
        if let Some(opening) = &self.opening {
            let result = match opening.rx.try_recv() {
                Ok(result) => Some(result),
                Err(TryRecvError::Disconnected) => Some(fetch_stopped(&opening.listed)),
                Err(TryRecvError::Empty) => None,
            };
            if let Some(result) = result
                && let Some(opening) = self.opening.take()
            {
                out.extend(self.item_opened(opening, result));
            }
        }
        if let Some(rx) = &self.analysis {
            match rx.try_recv() {
                Ok(result) => {
                    out.push(analysed(result));
                    self.analysis = None;
                }
                Err(TryRecvError::Disconnected) => {
                    out.push(analysed(Err("the analysis stopped".into())));
                    self.analysis = None;
                }
                Err(TryRecvError::Empty) => {}
            }
        }
        self.reporters.retain(|t| !t.is_finished());
        let mut done: Vec<Analysed> = self.reports.1.try_iter().collect();
        if let Some(analyser) = &mut self.library {
            done.extend(analyser.poll());
        }
        if !done.is_empty() {
            out.push(Action::Analysed(done));
        }
        out
    }

    /// Carries out one effect; what comes of it returns as actions, in order.
    pub fn handle(&mut self, effect: Effect, app: &App) -> Vec<Action> {
        match effect {
            Effect::Quit => Vec::new(),
            Effect::OpenArticle { entry, at } => {
                // The last open wins: an item still loading must not replace this one.
                self.opening = None;
                let Some(listed) = app.library().and_then(|l| l.library().entries.get(entry))
                else {
                    return Vec::new();
                };
                if listed.origin != Origin::File {
                    return self.open_item(entry, listed.clone(), at);
                }
                let (path, listed_hash) = (listed.path.clone(), listed.hash.clone());
                let read = Instant::now();
                match library::load(&path) {
                    Ok(article) => {
                        // The passage came from the text that was analysed; if the file has
                        // changed since, its place is unknown: open at the top and say so.
                        let hash = content_hash(article.text());
                        let changed = hash != listed_hash;
                        let at = at.filter(|_| !changed);
                        let opened = self.open(Arc::new(article), hash, Some((entry, read)), at);
                        let mut out = vec![Action::Opened(Box::new(opened))];
                        if changed {
                            out.push(Action::Message(
                                "the file changed since the library was analysed".into(),
                            ));
                        }
                        out
                    }
                    Err(e) => vec![Action::Message(e.to_string())],
                }
            }
            Effect::Refresh => self.refresh(app.reader().map(crate::app::Reader::top_byte)),
            Effect::RememberSort(sort) => match &self.data_dir {
                Some(dir) => match crate::library::Prefs::new(dir).set_sort(sort) {
                    Ok(()) => Vec::new(),
                    Err(e) => vec![Action::Message(format!(
                        "sorted by {sort}, but could not remember it: {e}"
                    ))],
                },
                None => Vec::new(),
            },
            Effect::CloseArticle { top } => {
                self.remember(top);
                // A fetch or an item still loading would reopen what was just closed.
                self.fetch = None;
                self.opening = None;
                self.url = None;
                self.item = None;
                self.notes = None;
                self.analysis = None;
                Vec::new()
            }
            note_effect => match &mut self.notes {
                Some(notes) => notes.handle(note_effect),
                None => Vec::new(),
            },
        }
    }

    fn remember(&mut self, top: usize) {
        if let (Some(positions), Some(hash)) = (&self.positions, self.hash.take()) {
            // Forgetting a reading position is not worth an error on the way out.
            let _ = positions.set(&hash, top);
        }
    }

    /// At exit: remembers where the open article was left.
    pub fn finish(&mut self, app: &App) {
        if let Some(reader) = app.reader() {
            self.remember(reader.top_byte());
        }
    }
}

/// What came of opening feed item `listed` when its thread ended without a word (it
/// panicked): the fetch stopped.
fn fetch_stopped(listed: &Entry) -> ItemResult {
    (
        Err(LoadError::Io {
            name: listed.title.clone(),
            error: std::io::Error::other("the fetch stopped"),
        }),
        None,
    )
}

/// The action that delivers the open article's analysis, or says why there is none.
fn analysed(result: Result<Analysis, String>) -> Action {
    match result {
        Ok(analysis) => Action::AnalysisReady(Box::new(analysis)),
        Err(why) => Action::AnalysisFailed(why),
    }
}

/// Carries out note effects against the notes store of one article.
#[derive(Debug)]
pub struct NotesEffects {
    store: Option<Store>,
    article: Arc<Article>,
}

impl NotesEffects {
    pub fn new(store: Store, article: Arc<Article>) -> Self {
        NotesEffects {
            store: Some(store),
            article,
        }
    }

    /// For when there is nowhere to keep notes: every change is refused with a message.
    pub fn disabled(article: Arc<Article>) -> Self {
        NotesEffects {
            store: None,
            article,
        }
    }

    /// The article the notes are on.
    pub fn article(&self) -> &Arc<Article> {
        &self.article
    }

    /// The notes of the article, as kept.
    pub fn notes(&self) -> Vec<crate::notes::Note> {
        self.store
            .as_ref()
            .map(|s| s.notes().to_vec())
            .unwrap_or_default()
    }

    pub fn handle(&mut self, effect: Effect) -> Vec<Action> {
        let Some(store) = self.store.as_mut() else {
            return vec![Action::Message(
                "notes are not available: no data directory".into(),
            )];
        };
        let article = &self.article;
        let result = match effect {
            Effect::AddNote { range, label, body } => {
                store.add(article, range, &label, &body).map(|_| None)
            }
            Effect::EditNote { id, body } => store.edit(article, &id, &body).map(|()| None),
            Effect::SetLabel { id, label } => store.set_label(article, &id, &label).map(|()| None),
            Effect::DeleteNote { id } => store.delete(article, &id).map(|()| None),
            Effect::ExportNotes => {
                let md = crate::notes::to_markdown(article, store.notes(), chrono::Utc::now());
                let path = store.path().with_extension("md");
                std::fs::write(&path, md)
                    .map(|()| Some(format!("notes exported to {}", path.display())))
                    .map_err(|e| crate::notes::NotesError::Io {
                        path: path.clone(),
                        error: e,
                    })
            }
            Effect::Quit
            | Effect::OpenArticle { .. }
            | Effect::CloseArticle { .. }
            | Effect::RememberSort(_)
            | Effect::Refresh => {
                return Vec::new();
            }
        };
        let mut out = vec![Action::NotesChanged(store.notes().to_vec())];
        match result {
            Ok(Some(message)) => out.push(Action::Message(message)),
            Ok(None) => {}
            Err(e) => out.push(Action::Message(format!("notes not saved: {e}"))),
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        let options = LoadOptions {
            plain: false,
            format: Some(Format::Text),
        };
        Article::parse(text, "https://example.org/a", options).unwrap()
    }

    fn page(text: &str, freshness: web::Freshness) -> web::Opened {
        let meta = web::store::VersionMeta {
            url: "https://example.org/a".into(),
            final_url: "https://example.org/a".into(),
            fetched: chrono::Utc::now(),
            media_type: None,
            validators: Default::default(),
            published: None,
            sha256: String::new(),
            body: "1.txt".into(),
        };
        web::Opened {
            article: article(text),
            version: web::Version {
                number: 2,
                path: PathBuf::from("1.txt"),
                meta,
            },
            previous: None,
            freshness,
        }
    }

    const OLD: &str = "Title\n\nA first paragraph that the editor rewrote entirely.\n\n\
                       The second paragraph stays exactly as it was written before.";
    const NEW: &str = "Title\n\nA new opening.\n\n\
                       The second paragraph stays exactly as it was written before.";

    fn before(top: usize) -> Before {
        Before {
            shown: Some(Arc::new(article(OLD))),
            notes: Vec::new(),
            top: Some(top),
            listed: None,
        }
    }

    /// An item whose opening thread ended without a word (it panicked) says so, under its
    /// title, whether the session polls or waits for it.
    #[test]
    fn an_item_whose_fetch_stopped_says_so() {
        let listed = Entry {
            path: PathBuf::from("https://example.org/a"),
            title: "Talks resume".into(),
            date: None,
            source: None,
            words: 0,
            hash: String::new(),
            notes: 0,
            status: library::Status::Pending,
            read: None,
            origin: Origin::Item {
                url: Some("https://example.org/a".into()),
                summary: None,
            },
        };
        let app = App::new_library(crate::app::Library::new(
            library::Library::default(),
            crate::config::Config::defaults(),
        ));
        for waits in [false, true] {
            let data = tempfile::tempdir().unwrap();
            let mut session = Session::new(Some(data.path().to_path_buf()));
            let (tx, rx) = channel();
            drop(tx);
            session.opening = Some(OpeningItem {
                entry: 0,
                listed: listed.clone(),
                at: None,
                rx,
            });
            let said = if waits {
                let mut app = App::new_library(crate::app::Library::new(
                    library::Library::default(),
                    crate::config::Config::defaults(),
                ));
                session.settle(&mut app);
                app.library().and_then(|l| l.message()).map(str::to_string)
            } else {
                match session.poll(&app).as_slice() {
                    [Action::Message(m)] => Some(m.clone()),
                    other => panic!("{other:?}"),
                }
            };
            assert_eq!(said.as_deref(), Some("Talks resume: the fetch stopped"));
            assert!(session.opening.is_none());
        }
    }

    #[test]
    fn a_refresh_is_compared_on_the_fetch_thread() {
        let top = OLD.find("The second").unwrap();
        let fetched = prepare(
            page(NEW, web::Freshness::Changed),
            before(top),
            crate::analysis::analyze_guarded,
        );
        let (summary, lines) = fetched.report.expect("a report of the changes");
        assert!(summary.contains("paragraph"), "{summary}");
        assert!(!lines.is_empty());
        assert_eq!(fetched.start, NEW.find("The second"));
    }

    #[test]
    fn an_unchanged_page_is_not_compared() {
        let fetched = prepare(page(OLD, web::Freshness::Unchanged), before(0), |_| {
            panic!("no analysis for an unchanged page")
        });
        assert!(fetched.report.is_none());
    }

    #[test]
    fn a_failed_analysis_costs_the_report_not_the_page() {
        fn broken(_: &Article) -> Result<Analysis, String> {
            Err("the analysis failed (a bug in lectern): boom".into())
        }
        let top = OLD.find("The second").unwrap();
        let fetched = prepare(page(NEW, web::Freshness::Changed), before(top), broken);
        let (summary, lines) = fetched.report.unwrap();
        assert!(summary.contains("boom"), "{summary}");
        assert!(lines.is_empty());
        // The page still opens where the reader was.
        assert_eq!(fetched.start, NEW.find("The second"));
        assert_eq!(fetched.page.article.text(), article(NEW).text());
    }

    #[test]
    fn the_session_takes_a_prepared_refresh_without_analysing_it() {
        let data = tempfile::tempdir().unwrap();
        let mut session = Session::new(Some(data.path().to_path_buf()));
        let _ = session.open_article(article(OLD), None);
        session.url = Some("https://example.org/a".into());
        let (_tx, rx) = channel();
        session.fetch = Some(("https://example.org/a".into(), rx));
        let lines = vec!["Paragraphs:".to_string()];
        let actions = session.fetched(Ok(Fetched {
            page: page(NEW, web::Freshness::Changed),
            report: Some(("1 paragraph changed".into(), lines.clone())),
            start: Some(7),
            retitled: None,
        }));
        assert!(matches!(&actions[0], Action::Opened(o) if o.start == Start::Resume(7)));
        assert!(matches!(&actions[1], Action::ChangeReport(l) if *l == lines));
        assert!(matches!(&actions[2], Action::Message(m) if m == "1 paragraph changed"));
        assert_eq!(session.url.as_deref(), Some("https://example.org/a"));
    }
}
