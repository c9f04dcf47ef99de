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
use crate::source::Article;

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

mod notes;
mod pages;

pub use notes::NotesEffects;
use pages::{Fetched, OpeningItem, fetch_stopped};

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

    /// Opens `article` for reading: its notes, its remembered position (unless `at`, a
    /// passage to show, is given), and its analysis started in the background so the text is
    /// on screen before the analysis is done.
    pub fn open_article(&mut self, article: Article, at: Option<Range<usize>>) -> Opened {
        let article = Arc::new(article);
        let hash = content_hash(article.text());
        self.open(article, hash, None, at, None)
    }

    /// [`Session::open_article`] for the article of library entry `entry` (if it is one, with
    /// when its text was read): its analysis comes from the library's cache when it is there; else the analysis run for the
    /// reader is also the library's (its job is taken out of the library's queue, and the
    /// result is reported to the library and cached). `ready` is an analysis of `article`
    /// already made (a refresh compares the new version on the fetch's thread): it is not
    /// made twice.
    fn open(
        &mut self,
        article: Arc<Article>,
        hash: String,
        entry: Option<(usize, Instant)>,
        at: Option<Range<usize>>,
        ready: Option<Analysis>,
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
                let result = match ready {
                    Some(analysis) => Ok(analysis),
                    None => crate::analysis::analyze_guarded(&article),
                };
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
                        let opened =
                            self.open(Arc::new(article), hash, Some((entry, read)), at, None);
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

/// The action that delivers the open article's analysis, or says why there is none.
fn analysed(result: Result<Analysis, String>) -> Action {
    match result {
        Ok(analysis) => Action::AnalysisReady(Box::new(analysis)),
        Err(why) => Action::AnalysisFailed(why),
    }
}
