//! A library of the day's coverage: the items of a list of feeds (`lectern feeds`).
//!
//! Everything happens on background threads and arrives as [`FeedEvent`]s, in an order the
//! library can apply as it comes: a feed's items as new entries (numbered in the order they are
//! sent), a feed that failed as one entry saying why, then the analysis of each item. An
//! item's page is fetched through the web store ([`crate::web::open`]: the copy kept when there
//! is one, else a fetch that keeps one), so that opening it later reads the same text the
//! library analysed, offline; when the page cannot be fetched, the feed's own summary is what
//! is analysed and read.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use super::{Analysed, Cache, Entry, Origin, Status, summarise};
use crate::notes::content_hash;
use crate::source::{Article, Format, LoadError, LoadOptions};
use crate::web::feeds::{self, Item, Subscription};
use crate::web::{self, Options};

/// Feeds fetched at once: network waits, not CPU.
const FEED_THREADS: usize = 4;
/// Item pages fetched (and analysed) at once.
const PAGE_THREADS: usize = 4;

/// What the background fetch of the feeds reports, in the order to apply it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedEvent {
    /// Feed `feed` (an index into the subscriptions) was read: its items are the entries
    /// numbered from `first`, in order.
    Items {
        feed: usize,
        first: usize,
        entries: Vec<Entry>,
    },
    /// Feed `feed` could not be fetched or read: entry `first` says why.
    Failed {
        feed: usize,
        first: usize,
        entry: Entry,
    },
    /// Another feed (or the same one again) links the page of entry `entry`: it is listed
    /// once, with `source` added to its sources ([`add_source`]).
    AlsoIn { entry: usize, source: String },
    /// A refresh found entry `entry`'s page under a new headline: the row takes it.
    Retitled { entry: usize, title: String },
    /// An item's page (or, failing it, its summary) was analysed: its words, and the notes
    /// kept on it (from an earlier reading), as the list shows them.
    Analysed {
        done: Analysed,
        words: usize,
        notes: usize,
    },
}

/// `text` made one safe line for a row of the list: whatever came from a feed, a list of
/// feeds or a server (titles, addresses, error messages) may carry escape sequences.
fn line(text: &str) -> String {
    crate::source::sanitize(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The entry of a feed item, before its page is fetched.
fn item_entry(item: &Item) -> Entry {
    Entry {
        path: PathBuf::from(item.link.clone().unwrap_or_default()),
        title: line(if item.title.is_empty() {
            item.link.as_deref().unwrap_or("(untitled)")
        } else {
            &item.title
        }),
        date: item.date.map(|d| d.date_naive()),
        source: Some(line(&item.source)),
        words: item
            .summary
            .as_deref()
            .map_or(0, |s| s.split_whitespace().count()),
        hash: String::new(),
        notes: 0,
        status: Status::Pending,
        read: None,
        origin: Origin::Item {
            url: item.link.clone(),
            summary: item.summary.clone(),
        },
    }
}

/// Adds `source` to the sources of `entry` (a page two feeds link), once.
pub fn add_source(entry: &mut Entry, source: &str) {
    match &mut entry.source {
        Some(sources) if sources.split(SOURCES).any(|s| s == source) => {}
        Some(sources) => {
            sources.push_str(SOURCES);
            sources.push_str(source);
        }
        None => entry.source = Some(source.to_string()),
    }
}

/// Between the sources of a page several feeds link.
const SOURCES: &str = ", ";

/// Applies an event that changes an entry already listed ([`FeedEvent::AlsoIn`],
/// [`FeedEvent::Retitled`]) to `entries`; other events are left to the caller.
pub fn amend(entries: &mut [Entry], event: &FeedEvent) {
    match event {
        FeedEvent::AlsoIn { entry, source } => {
            if let Some(e) = entries.get_mut(*entry) {
                add_source(e, source);
            }
        }
        FeedEvent::Retitled { entry, title } => {
            if let Some(e) = entries.get_mut(*entry) {
                e.title = title.clone();
            }
        }
        _ => {}
    }
}

/// The entry that stands for a feed that failed, `why` naming it.
fn broken_entry(sub: &Subscription, why: &str) -> Entry {
    let why = line(why);
    Entry {
        path: PathBuf::from(&sub.url),
        title: why.clone(),
        date: None,
        source: Some(line(sub.title.as_deref().unwrap_or("feed"))),
        words: 0,
        hash: String::new(),
        notes: 0,
        status: Status::Failed(why),
        read: None,
        origin: Origin::BrokenFeed,
    }
}

/// Fills in what the page did not say from the entry the feed gave: its date (which anchors
/// the timeline) and its title. The library and the reader both apply it, so that both read
/// the same article.
pub fn complete(article: &mut Article, entry: &Entry) {
    if article.meta.date.is_none() {
        article.meta.date = entry.date;
    }
    if article.meta.title.trim().is_empty() {
        article.meta.title = entry.title.clone();
    }
    if article.meta.source.is_none() {
        article.meta.source = entry.source.clone();
    }
}

/// The feed's own summary of an item as an article, for when its page cannot be fetched: the
/// title, then the summary.
pub fn summary_article(entry: &Entry) -> Result<Article, LoadError> {
    let summary = match &entry.origin {
        Origin::Item { summary, .. } => summary.as_deref().unwrap_or(""),
        _ => "",
    };
    let text = format!("{}\n\n{summary}\n", entry.title);
    let options = LoadOptions {
        plain: false,
        format: Some(Format::Text),
    };
    let mut article = Article::parse(&text, &entry.path.display().to_string(), options)?;
    complete(&mut article, entry);
    Ok(article)
}

/// The article of a feed item: its page through the web store, else the feed's summary. The
/// error of the page, if it failed, comes along to be said.
pub fn item_article(
    entry: &Entry,
    data_dir: &Path,
    options: &Options,
) -> (Result<Article, LoadError>, Option<String>) {
    let url = match &entry.origin {
        Origin::Item { url: Some(url), .. } => url,
        _ => {
            return (
                summary_article(entry),
                Some("the feed gives no link".into()),
            );
        }
    };
    match web::open(url, data_dir, options) {
        Ok(opened) => {
            let mut article = opened.article;
            complete(&mut article, entry);
            (Ok(article), None)
        }
        Err(e) => (summary_article(entry), Some(e.to_string())),
    }
}

/// Analyses the article of feed item `index` (see [`item_article`]); `notes` counts the
/// notes kept by content hash.
fn analyse_item(
    index: usize,
    entry: &Entry,
    data_dir: &Path,
    options: &Options,
    cache: Option<&Cache>,
    notes: &HashMap<String, usize>,
) -> FeedEvent {
    let read = Instant::now();
    let (article, _) = item_article(entry, data_dir, options);
    let mut words = entry.words;
    let mut kept = 0;
    let result = article.map_err(|e| e.to_string()).and_then(|article| {
        let hash = content_hash(article.text());
        words = article.text().split_whitespace().count();
        kept = notes.get(&hash).copied().unwrap_or(0);
        if let Some(summary) = cache.and_then(|c| c.get(&hash, article.meta.date)) {
            return Ok((hash, Arc::new(summary)));
        }
        let analysis = crate::analysis::analyze_guarded(&article)?;
        let summary = summarise(&article, &hash, &analysis, cache);
        Ok((hash, summary))
    });
    FeedEvent::Analysed {
        done: Analysed {
            entry: index,
            read,
            result,
        },
        words,
        notes: kept,
    }
}

/// Starts fetching `subscriptions` and then their items' pages in the background, keeping the
/// pages in `data_dir`; the events come on the receiver, which closes when all is done.
/// Of each feed only the `per_feed` newest items are listed (and their pages fetched).
pub fn start(
    subscriptions: Vec<Subscription>,
    data_dir: PathBuf,
    cache: Option<Cache>,
    options: Options,
    per_feed: usize,
) -> Receiver<FeedEvent> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        run(
            &subscriptions,
            &data_dir,
            cache.as_ref(),
            &options,
            per_feed,
            &tx,
        );
    });
    rx
}

/// The `n` newest of a feed's `items`, newest first; the undated after the dated, in the
/// feed's order (most feeds list newest first).
fn newest(items: &[Item], n: usize) -> Vec<&Item> {
    let mut items: Vec<&Item> = items.iter().collect();
    // Stable: items of one date keep the feed's order.
    items.sort_by_key(|i| (i.date.is_none(), std::cmp::Reverse(i.date)));
    items.truncate(n);
    items
}

fn run(
    subscriptions: &[Subscription],
    data_dir: &Path,
    cache: Option<&Cache>,
    options: &Options,
    per_feed: usize,
    tx: &Sender<FeedEvent>,
) {
    let notes = crate::notes::counts(data_dir);
    let (page_tx, page_rx) = channel::<(usize, Entry)>();
    let page_rx = Mutex::new(page_rx);
    // The next entry's number and the entry of each page listed so far; held while a feed's
    // events are sent, so that entries are numbered in the order the library receives them.
    let next = Mutex::new((0usize, HashMap::<String, usize>::new()));
    std::thread::scope(|scope| {
        for _ in 0..PAGE_THREADS {
            scope.spawn(|| {
                loop {
                    let job = page_rx
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .recv();
                    let Ok((index, entry)) = job else { return };
                    let done = analyse_item(index, &entry, data_dir, options, cache, &notes);
                    // The library is gone (the user quit): the rest is moot.
                    if tx.send(done).is_err() {
                        return;
                    }
                }
            });
        }
        feeds::fetch_all(subscriptions, options, FEED_THREADS, |feed, result| {
            let mut guard = next.lock().unwrap_or_else(PoisonError::into_inner);
            let (next, listed) = &mut *guard;
            let first = *next;
            match result {
                Ok(parsed) => {
                    // A feed of thousands of items would queue thousands of fetches.
                    // A page several feeds link (a wire story, a shared syndication) is one
                    // entry with its sources, not one row per feed.
                    let mut entries: Vec<Entry> = Vec::new();
                    let mut also = Vec::new();
                    for item in newest(&parsed.items, per_feed) {
                        let key = item.link.as_deref().map(page_key);
                        match key.as_ref().and_then(|k| listed.get(k)) {
                            Some(&entry) => also.push(FeedEvent::AlsoIn {
                                entry,
                                source: line(&item.source),
                            }),
                            None => {
                                if let Some(k) = key {
                                    listed.insert(k, first + entries.len());
                                }
                                entries.push(item_entry(item));
                            }
                        }
                    }
                    *next += entries.len();
                    let jobs: Vec<(usize, Entry)> =
                        (first..).zip(entries.iter().cloned()).collect();
                    let _ = tx.send(FeedEvent::Items {
                        feed,
                        first,
                        entries,
                    });
                    for event in also {
                        let _ = tx.send(event);
                    }
                    for job in jobs {
                        let _ = page_tx.send(job);
                    }
                }
                Err(e) => {
                    *next += 1;
                    let _ = tx.send(FeedEvent::Failed {
                        feed,
                        first,
                        entry: broken_entry(&subscriptions[feed], &e.to_string()),
                    });
                }
            }
        });
        drop(page_tx);
    });
}

/// A page's address as two feeds may write it differently: without its `#fragment`, its
/// scheme and host in lower case, without a trailing `/`, and without the tracking
/// parameters (`utm_source=rss`, `at_campaign=…`) a feed adds to say where a click came
/// from: they never change the page, so two feeds tagging one story differently list it once.
/// Other parameters (`?id=42`) may be the page itself and are kept, in their order.
fn page_key(link: &str) -> String {
    let link = link.trim();
    let link = link.split('#').next().unwrap_or(link);
    let (link, query) = match link.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (link, None),
    };
    let (head, rest) = match link.find("://") {
        Some(i) => {
            let after = i + 3;
            let host_end = link[after..].find('/').map_or(link.len(), |j| after + j);
            (link[..host_end].to_ascii_lowercase(), &link[host_end..])
        }
        None => (String::new(), link),
    };
    let kept: Vec<&str> = query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter(|pair| !pair.is_empty() && !is_tracking(pair.split('=').next().unwrap_or(pair)))
        .collect();
    let rest = rest.trim_end_matches('/');
    if kept.is_empty() {
        format!("{head}{rest}")
    } else {
        format!("{head}{rest}?{}", kept.join("&"))
    }
}

/// Query parameters that say where a reader came from, never which page: Google Analytics'
/// `utm_*`, the BBC's and others' `at_*`, and the click ids of ad and mail services.
fn is_tracking(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.starts_with("utm_")
        || name.starts_with("at_")
        || matches!(
            name.as_str(),
            "fbclid" | "gclid" | "dclid" | "msclkid" | "mc_cid" | "mc_eid" | "igshid" | "ocid"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(title: &str, summary: Option<&str>) -> Item {
        Item {
            title: title.into(),
            date: chrono::DateTime::parse_from_rfc3339("2024-03-05T09:30:00Z")
                .ok()
                .map(|d| d.to_utc()),
            source: "The Ledger".into(),
            author: None,
            link: Some("http://127.0.0.1:9/a".into()),
            summary: summary.map(str::to_string),
        }
    }

    #[test]
    fn only_the_newest_items_of_a_feed_are_kept() {
        let dated = |title: &str, day: u32| Item {
            date: chrono::NaiveDate::from_ymd_opt(2024, 3, day)
                .and_then(|d| d.and_hms_opt(9, 0, 0))
                .map(|d| d.and_utc()),
            ..item(title, None)
        };
        let undated = Item {
            date: None,
            ..item("undated", None)
        };
        let items = vec![
            dated("old", 1),
            undated,
            dated("newest", 9),
            dated("middle", 5),
            dated("also middle", 5),
        ];
        let titles = |n| -> Vec<String> {
            newest(&items, n)
                .into_iter()
                .map(|i| i.title.clone())
                .collect()
        };
        assert_eq!(titles(2), ["newest", "middle"]);
        assert_eq!(
            titles(10),
            ["newest", "middle", "also middle", "old", "undated"]
        );
        assert!(titles(0).is_empty());
    }

    #[test]
    fn an_item_is_listed_from_what_the_feed_says() {
        let e = item_entry(&item("Talks resume", Some("The talks resumed today.")));
        assert_eq!(e.title, "Talks resume");
        assert_eq!(e.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(e.source.as_deref(), Some("The Ledger"));
        assert_eq!(e.words, 4);
        assert_eq!(e.status, Status::Pending);
    }

    #[test]
    fn the_summary_stands_in_for_a_page_with_the_feeds_date() {
        let e = item_entry(&item(
            "Talks resume",
            Some("\"We are ready,\" the minister said on Monday."),
        ));
        let a = summary_article(&e).unwrap();
        assert!(a.text().contains("We are ready"), "{}", a.text());
        assert_eq!(a.meta.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(a.meta.source.as_deref(), Some("The Ledger"));
    }

    #[test]
    fn a_page_two_feeds_link_is_one_entry_with_both_sources() {
        assert_eq!(
            page_key("HTTP://Example.org/news/a/#top"),
            page_key("http://example.org/news/a")
        );
        assert_ne!(
            page_key("http://example.org/a"),
            page_key("http://example.org/b")
        );
        // Tracking parameters say where the click came from, not which page it is.
        assert_eq!(
            page_key("http://example.org/a?utm_source=rss&utm_medium=feed"),
            page_key("http://example.org/a/")
        );
        assert_eq!(
            page_key("http://example.org/a?id=7&at_campaign=x&UTM_Term=y"),
            page_key("http://example.org/a?id=7")
        );
        assert_ne!(
            page_key("http://example.org/a?id=7"),
            page_key("http://example.org/a?id=8")
        );
        let mut entries = vec![item_entry(&item("Talks resume", None))];
        for source in ["The Wire", "The Wire", "The Ledger"] {
            amend(
                &mut entries,
                &FeedEvent::AlsoIn {
                    entry: 0,
                    source: source.into(),
                },
            );
        }
        assert_eq!(entries[0].source.as_deref(), Some("The Ledger, The Wire"));
        amend(
            &mut entries,
            &FeedEvent::Retitled {
                entry: 0,
                title: "Talks collapse".into(),
            },
        );
        assert_eq!(entries[0].title, "Talks collapse");
    }

    #[test]
    fn a_page_that_cannot_be_fetched_leaves_the_summary_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let mut e = item_entry(&item("Talks resume", Some("Talks resumed.")));
        e.origin = Origin::Item {
            url: Some("ftp://127.0.0.1/a".into()),
            summary: Some("Talks resumed.".into()),
        };
        let (article, why) = item_article(&e, dir.path(), &Options::default());
        assert!(article.unwrap().text().contains("Talks resumed."));
        assert!(why.is_some_and(|w| w.contains("ftp")));
    }
}
