//! Reading the news where it is: web pages, feeds and newsboat, and noticing when an article
//! changed after it was read.
//!
//! Headless and blocking, like the rest of the core: the app runs [`open`] or [`refresh`] on a
//! background thread (the first screen says `fetching…` meanwhile) and gets back an
//! [`Opened`]: the article read from a copy kept in the data dir, so that notes anchor to a
//! stored text and the article opens offline later, and, when a refresh found the page edited,
//! the version before it, for [`changes::compare`].
//!
//! - [`fetch`]: one bounded HTTP(S) GET (schemes, redirects, time-outs, size, content type,
//!   charset, compression, conditional requests).
//! - [`store`]: the fetched copies, versioned, never half-written.
//! - [`published`]: the publication date a page states.
//! - [`changes`]: what differs between two versions (paragraphs, quotations, dates, notes).
//! - [`feeds`]: RSS/Atom/JSON feeds, OPML and newsboat's `urls` file.
//! - [`pager`]: the header of the files newsboat hands its pager.

pub mod changes;
pub mod feeds;
pub mod fetch;
pub mod pager;
pub mod published;
pub mod store;

use std::path::Path;

use thiserror::Error;

pub use changes::{Changes, compare};
pub use fetch::{FetchError, Options};
pub use store::{Saved, StoreError, Version};

use crate::source::{Article, Input, LoadError, LoadOptions};

/// Why a page could not be opened. One line, starting with the address or file concerned.
#[derive(Debug, Error)]
pub enum WebError {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Load(#[from] LoadError),
}

/// How the copy an [`Opened`] article was read from relates to the page on the web.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// Fetched for the first time.
    New,
    /// Fetched again and different from the copy kept before ([`Opened::previous`]).
    Changed,
    /// Fetched again and the same as the copy kept (or the server said `304 Not Modified`).
    Unchanged,
    /// Read from the copy kept, without asking the server.
    Stored,
}

/// An article opened from the web.
#[derive(Debug, Clone)]
pub struct Opened {
    pub article: Article,
    /// The copy it was read from.
    pub version: Version,
    /// The copy before it, when this fetch found the page changed.
    pub previous: Option<Version>,
    pub freshness: Freshness,
}

impl Opened {
    /// The article as it was before this fetch changed it: `None` unless
    /// [`Freshness::Changed`].
    pub fn previous_article(&self) -> Option<Result<Article, LoadError>> {
        self.previous.as_ref().map(Version::load)
    }
}

/// Loads an article as [`crate::source::load`] does, except that a newsboat pager file (see
/// [`pager`]) is read with its headers as the article's metadata: what `lectern FILE` and
/// `lectern extract FILE` use.
pub fn load(input: &Input, options: LoadOptions) -> Result<Article, LoadError> {
    crate::source::load_with(input, options, pager::to_article)
}

/// Whether a command-line argument names a web page rather than a file: it starts with
/// `http://` or `https://` (any case). Anything else, `file://` and `ftp://` included, is a
/// path to the loader, which says clearly that no such file exists.
pub fn is_url(arg: &str) -> bool {
    let head: String = arg.trim_start().chars().take(8).collect();
    let head = head.to_ascii_lowercase();
    head.starts_with("http://") || head.starts_with("https://")
}

/// Opens `url`: the copy kept in `data_dir` when there is one (no network), else a fetch.
pub fn open(url: &str, data_dir: &Path, options: &Options) -> Result<Opened, WebError> {
    fetch::parse_url(url)?;
    match store::latest(data_dir, url)? {
        Some(version) => Ok(Opened {
            article: version.load()?,
            version,
            previous: None,
            freshness: Freshness::Stored,
        }),
        None => refresh(url, data_dir, options),
    }
}

/// Fetches `url` again (conditionally, with the validators of the copy kept) and keeps the
/// page as a new version if it changed.
pub fn refresh(url: &str, data_dir: &Path, options: &Options) -> Result<Opened, WebError> {
    let latest = store::latest(data_dir, url)?;
    let validators = latest.as_ref().map(|v| &v.meta.validators);
    let page = match fetch::fetch(url, options, validators)? {
        fetch::Outcome::Fetched(page) => page,
        fetch::Outcome::NotModified { final_url } => {
            let Some(version) = latest else {
                // Validators are only sent for a kept copy, so a 304 here breaks the protocol.
                return Err(FetchError::Status {
                    url: final_url,
                    status: 304,
                    reason: "Not Modified, though nothing was asked conditionally".into(),
                }
                .into());
            };
            return Ok(Opened {
                article: version.load()?,
                version,
                previous: None,
                freshness: Freshness::Unchanged,
            });
        }
    };
    // Read before it is kept: a page lectern cannot read (no article in it) is not stored.
    let options = crate::source::LoadOptions {
        plain: false,
        format: page.format(),
    };
    crate::source::from_bytes(&page.body_utf8(), &page.final_url, options)?;
    let saved = store::save(data_dir, &page)?;
    let version = saved.version().clone();
    let article = version.load()?;
    Ok(match saved {
        Saved::Unchanged(_) => Opened {
            article,
            version,
            previous: None,
            freshness: Freshness::Unchanged,
        },
        Saved::New { previous, .. } => Opened {
            article,
            version,
            freshness: if previous.is_some() {
                Freshness::Changed
            } else {
                Freshness::New
            },
            previous: previous.map(|p| *p),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths() {
        for arg in [
            "https://example.org/a",
            "HTTP://example.org",
            "http://127.0.0.1:8080/x",
        ] {
            assert!(is_url(arg), "{arg}");
        }
        for arg in [
            "news/article.html",
            "https",
            "file:///tmp/a.html",
            "-",
            "http:/x",
            "ü",
        ] {
            assert!(!is_url(arg), "{arg}");
        }
    }
}
