//! The session's web side: a page fetched or refreshed on a thread of its own and compared
//! there with the version read until now, and a feed's item opened over the library.

use std::ops::Range;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

use super::{NotesEffects, Session};
use crate::analysis::Analysis;
use crate::app::Action;
use crate::input::{Opened, Start};
use crate::library::feeds::FeedEvent;
use crate::library::{self, Cache, Entry, Origin};
use crate::notes::content_hash;
use crate::source::{Article, Format, LoadError, LoadOptions};
use crate::web;

/// A page fetched, with what changed since the version read until now: made on the fetch's
/// thread ([`prepare`]).
#[derive(Debug)]
pub(super) struct Fetched {
    page: web::Opened,
    /// The status line and the report of the changes, when there was a version before.
    report: Option<(String, Vec<String>)>,
    /// Where the reader resumes in the new version: where the text it showed goes on.
    start: Option<usize>,
    /// The new headline, when a refresh found the headline edited with the story: the
    /// library's row says the new one.
    retitled: Option<String>,
    /// The new version's analysis, when the comparison made it: the reader takes it instead
    /// of analysing the page again.
    analysis: Option<Analysis>,
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
            analysis: None,
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
    let (mut report, mut start, mut retitled, mut analysis) = (None, None, None, None);
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
                    let report = (changes.summary(), changes.report());
                    analysis = Some(new_analysis);
                    report
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
        analysis,
    }
}

type ItemResult = (Result<Article, LoadError>, Option<String>);

#[derive(Debug)]
pub(super) struct OpeningItem {
    pub(super) entry: usize,
    pub(super) listed: Entry,
    pub(super) at: Option<Range<usize>>,
    pub(super) rx: Receiver<ItemResult>,
}

impl Session {
    /// `lectern feeds`: takes the news of the background fetch of the feeds
    /// ([`library::feeds::start`]) to the library as it comes.
    pub fn start_feeds(&mut self, events: Receiver<FeedEvent>, cache: Option<Cache>) {
        self.cache = cache;
        self.feeds = Some(events);
    }

    /// Opens feed item `entry` over the library: its page read from the copy kept (fetched
    /// first if there is none yet), on a thread, so a slow server does not freeze the list.
    pub(super) fn open_item(
        &mut self,
        entry: usize,
        listed: Entry,
        at: Option<Range<usize>>,
    ) -> Vec<Action> {
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
    pub(super) fn item_opened(&mut self, opening: OpeningItem, result: ItemResult) -> Vec<Action> {
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
        let opened = self.open(
            Arc::new(article),
            hash,
            Some((entry, Instant::now())),
            at,
            None,
        );
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
    pub(super) fn refresh(&mut self, top: Option<usize>) -> Vec<Action> {
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
    pub(super) fn fetched(&mut self, result: Result<Fetched, String>) -> Vec<Action> {
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
                analysis,
            }) => {
                let mut item = self.item.take();
                // Opening the new version finds the notes file again (by the page's address)
                // and re-anchors its notes to the new text.
                let article = Arc::new(page.article);
                let hash = content_hash(article.text());
                let entry = item.as_ref().map(|(e, _)| (*e, Instant::now()));
                let mut opened = self.open(article, hash, entry, None, analysis);
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
}

/// What came of opening feed item `listed` when its thread ended without a word (it
/// panicked): the fetch stopped.
pub(super) fn fetch_stopped(listed: &Entry) -> ItemResult {
    (
        Err(LoadError::Io {
            name: listed.title.clone(),
            error: std::io::Error::other("the fetch stopped"),
        }),
        None,
    )
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::app::App;

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
        let made = Analysis {
            sentences: vec![0..1, 1..2],
            ..Analysis::default()
        };
        let actions = session.fetched(Ok(Fetched {
            page: page(NEW, web::Freshness::Changed),
            report: Some(("1 paragraph changed".into(), lines.clone())),
            start: Some(7),
            retitled: None,
            analysis: Some(made.clone()),
        }));
        assert!(matches!(&actions[0], Action::Opened(o) if o.start == Start::Resume(7)));
        assert!(matches!(&actions[1], Action::ChangeReport(l) if *l == lines));
        assert!(matches!(&actions[2], Action::Message(m) if m == "1 paragraph changed"));
        assert_eq!(session.url.as_deref(), Some("https://example.org/a"));
        // The reader gets the analysis the comparison made, not one made again: this one
        // has a sentence range no analysis of NEW would give.
        let ready = session.analysis.take().unwrap().recv().unwrap().unwrap();
        assert_eq!(ready, made);
    }
}
