//! Feeds and the lists of feeds people already keep.
//!
//! A feed (RSS, Atom or JSON Feed, read by `feed-rs`) becomes a list of [`Item`]s: what the
//! library needs to list the day's coverage before any article is fetched. The lists of feeds
//! come from where readers keep them: an OPML export (every feed reader writes one) or
//! newsboat's `urls` file, so nothing has to be typed twice.

use chrono::{DateTime, Utc};
use quick_xml::events::Event;
use serde::Serialize;
use thiserror::Error;

use super::fetch::{self, FetchError, Options, Outcome};

/// One entry of a feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub title: String,
    /// When it was published (or, failing that, last updated).
    pub date: Option<DateTime<Utc>>,
    /// The feed it came from (its title, else its address).
    pub source: String,
    pub author: Option<String>,
    /// The article's address.
    pub link: Option<String>,
    /// The summary or the full text the feed carries, as plain text.
    pub summary: Option<String>,
}

/// A parsed feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Feed {
    pub title: String,
    pub items: Vec<Item>,
}

/// A feed someone subscribes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Subscription {
    pub url: String,
    /// The name given to it, if the list gives one (OPML `title`/`text`, newsboat `~name`).
    pub title: Option<String>,
    pub tags: Vec<String>,
}

#[derive(Debug, Error)]
pub enum FeedError {
    #[error("{name}: not a feed (RSS, Atom or JSON Feed): {reason}")]
    NotFeed { name: String, reason: String },
    #[error("{name}: not an OPML file: {reason}")]
    Opml { name: String, reason: String },
    #[error(transparent)]
    Fetch(#[from] FetchError),
}

/// Parses a feed; `name` (its address or file) names it in errors and stands in for a missing
/// title.
pub fn parse_feed(bytes: &[u8], name: &str) -> Result<Feed, FeedError> {
    let parse = |bytes: &[u8]| {
        feed_rs::parser::Builder::new()
            .base_uri(Some(name))
            .build()
            .parse(bytes)
    };
    let parsed = match parse(bytes) {
        Ok(parsed) => Ok(parsed),
        // A few bytes that are not UTF-8 in a feed that says (or, saying nothing, implies) it
        // is: the parser refuses the whole feed; the rest of it is worth reading.
        Err(_) if std::str::from_utf8(bytes).is_err() && !declares_other_encoding(bytes) => {
            parse(String::from_utf8_lossy(bytes).as_bytes())
        }
        Err(e) => Err(e),
    }
    .map_err(|e| FeedError::NotFeed {
        name: name.to_string(),
        reason: crate::source::sanitize(&e.to_string()).replace('\n', " "),
    })?;
    let title = parsed
        .title
        .as_ref()
        .map(|t| one_line(&t.content))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| name.to_string());
    let items = parsed
        .entries
        .iter()
        .map(|e| Item {
            title: e
                .title
                .as_ref()
                .map(|t| one_line(&plain(&t.content)))
                .unwrap_or_default(),
            date: e.published.or(e.updated),
            source: title.clone(),
            author: e
                .authors
                .iter()
                .filter_map(|p| p.name.as_deref().map(one_line))
                .find(|n| !n.is_empty()),
            link: e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| l.href.clone()),
            summary: e
                .summary
                .as_ref()
                .map(|s| s.content.as_str())
                .or_else(|| e.content.as_ref().and_then(|c| c.body.as_deref()))
                .map(plain)
                .filter(|s| !s.is_empty()),
        })
        .collect();
    Ok(Feed { title, items })
}

/// Whether the XML declaration at the start of `bytes` names an encoding other than UTF-8
/// (`<?xml version="1.0" encoding="ISO-8859-1"?>`), which the parser decodes itself.
fn declares_other_encoding(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_ascii_lowercase();
    let Some(decl) = head
        .trim_start_matches('\u{feff}')
        .trim_start()
        .strip_prefix("<?xml")
        .and_then(|d| d.split("?>").next())
    else {
        return false;
    };
    decl.split("encoding")
        .nth(1)
        .and_then(|rest| rest.trim_start().strip_prefix('='))
        .map(|v| v.trim_start().trim_start_matches(['"', '\'']))
        .is_some_and(|v| !v.starts_with("utf-8") && !v.starts_with("utf8"))
}

/// Fetches and parses the feed at `url`.
pub fn fetch_feed(url: &str, options: &Options) -> Result<Feed, FeedError> {
    match fetch::fetch(url, options, None)? {
        Outcome::Fetched(page) => parse_feed(&page.body, &page.final_url),
        // Not asked conditionally, so a 304 is the server's mistake; say what it said.
        Outcome::NotModified { final_url } => Err(FeedError::NotFeed {
            name: final_url,
            reason: "the server answered 304 Not Modified to a plain request".into(),
        }),
    }
}

/// Fetches every feed of `subscriptions` on up to `threads` threads (network waits, not CPU:
/// a handful is enough), calling `done(index, result)` as each ends, in whatever order they
/// end: the library shows progress as they come. Returns when all have ended.
pub fn fetch_all(
    subscriptions: &[Subscription],
    options: &Options,
    threads: usize,
    done: impl Fn(usize, Result<Feed, FeedError>) + Sync,
) {
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads.clamp(1, subscriptions.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(sub) = subscriptions.get(i) else {
                        break;
                    };
                    done(i, fetch_feed(&sub.url, options));
                }
            });
        }
    });
}

/// Markup taken out, entities decoded, whitespace collapsed: feed summaries are HTML more often
/// than not, and the library shows one line of them.
fn plain(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return one_line(html);
    }
    let doc = dom_query::Document::fragment(html);
    one_line(&doc.root().text())
}

fn one_line(s: &str) -> String {
    crate::source::sanitize(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The feeds of an OPML file: every `outline` with an `xmlUrl`, its `title` (or `text`) as
/// the name and the titles of the outlines it sits in (the folders) as its tags.
pub fn parse_opml(text: &str, name: &str) -> Result<Vec<Subscription>, FeedError> {
    let err = |reason: String| FeedError::Opml {
        name: name.to_string(),
        reason,
    };
    let mut reader = quick_xml::Reader::from_str(text);
    let mut out = Vec::new();
    // The open outlines, innermost last: a folder's name, `None` for a feed's outline.
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut seen_opml = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| err(format!("{e} (at byte {})", reader.error_position())))?;
        match event {
            Event::Start(ref tag) | Event::Empty(ref tag) => {
                let open = matches!(event, Event::Start(_));
                let local = tag.local_name();
                if local.as_ref().eq_ignore_ascii_case("opml") {
                    seen_opml = true;
                }
                if !local.as_ref().eq_ignore_ascii_case("outline") {
                    continue;
                }
                let mut url = None;
                let mut title = None;
                let mut text_attr = None;
                for attr in tag.attributes().flatten() {
                    let value = attr
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|e| err(e.to_string()))?
                        .trim()
                        .to_string();
                    match attr.key.local_name().as_ref() {
                        "xmlUrl" | "xmlurl" => url = Some(value),
                        "title" => title = Some(value),
                        "text" => text_attr = Some(value),
                        _ => {}
                    }
                }
                let title = title.or(text_attr).filter(|t| !t.is_empty());
                let url = url.filter(|u| !u.is_empty());
                if let Some(url) = &url {
                    out.push(Subscription {
                        url: url.clone(),
                        title: title.clone(),
                        tags: folders.iter().flatten().cloned().collect(),
                    });
                }
                if open {
                    // Closed by its end tag; a feed's outline is no folder.
                    folders.push(if url.is_some() { None } else { title });
                }
            }
            Event::End(ref tag) if tag.local_name().as_ref().eq_ignore_ascii_case("outline") => {
                folders.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_opml {
        return Err(err("no <opml> element".into()));
    }
    Ok(out)
}

/// The feeds of newsboat's `urls` file: one URL a line, then optional tags (`"quoted tags"`
/// may hold spaces; a tag `~Name` renames the feed, `!` hides it in newsboat and is ignored
/// here); `#` starts a comment; `query:`, `filter:` and `exec:` lines are newsboat's own
/// derived feeds and are skipped.
pub fn parse_newsboat_urls(text: &str) -> Vec<Subscription> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = split_words(line).into_iter();
        let Some(url) = words.next() else { continue };
        if ["query:", "filter:", "exec:"]
            .iter()
            .any(|p| url.starts_with(p))
        {
            continue;
        }
        let mut title = None;
        let mut tags = Vec::new();
        for word in words {
            if word.starts_with('#') {
                break;
            }
            if let Some(name) = word.strip_prefix('~') {
                title = Some(name.to_string());
            } else if word != "!" {
                tags.push(word);
            }
        }
        out.push(Subscription { url, title, tags });
    }
    out
}

/// Splits a `urls` line at spaces, keeping `"double quoted"` words whole.
fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    words.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newsboat_urls_lines() {
        let text = "# my feeds\n\
            https://example.org/feed.xml news \"long tag\" ~Example\n\
            \n\
            https://example.net/atom  # a comment after\n\
            \"query:Unread:unread = \\\"yes\\\"\"\n\
            query:Today:age < 1\n\
            https://hidden.example/rss ! tech\n";
        let subs = parse_newsboat_urls(text);
        assert_eq!(subs.len(), 3, "{subs:?}");
        assert_eq!(subs[0].url, "https://example.org/feed.xml");
        assert_eq!(subs[0].tags, ["news", "long tag"]);
        assert_eq!(subs[0].title.as_deref(), Some("Example"));
        assert_eq!(subs[1].url, "https://example.net/atom");
        assert!(subs[1].tags.is_empty());
        assert_eq!(subs[2].tags, ["tech"]);
    }

    #[test]
    fn opml_outlines_in_folders() {
        let text = r#"<?xml version="1.0"?>
            <opml version="2.0"><head><title>Subs</title></head><body>
              <outline text="World">
                <outline type="rss" text="Wire" title="The Wire" xmlUrl="https://wire.example/rss"/>
              </outline>
              <outline type="rss" text="Daily &amp; Co" xmlUrl="https://daily.example/atom?a=1&amp;b=2"/>
              <outline text="Empty folder"></outline>
            </body></opml>"#;
        let subs = parse_opml(text, "subs.opml").unwrap();
        assert_eq!(subs.len(), 2, "{subs:?}");
        assert_eq!(subs[0].title.as_deref(), Some("The Wire"));
        assert_eq!(subs[0].tags, ["World"]);
        assert_eq!(subs[1].url, "https://daily.example/atom?a=1&b=2");
        assert_eq!(subs[1].title.as_deref(), Some("Daily & Co"));
        assert!(subs[1].tags.is_empty());

        let e = parse_opml("<html><body>x</body></html>", "page.html").unwrap_err();
        assert!(
            e.to_string().starts_with("page.html: not an OPML file"),
            "{e}"
        );
        let e = parse_opml("<opml><body><outline", "cut.opml").unwrap_err();
        assert!(e.to_string().contains("cut.opml"), "{e}");
    }

    #[test]
    fn summaries_lose_their_markup() {
        assert_eq!(
            plain("<p>Talks <b>resumed</b> &amp; ended.</p>\n<p>Next</p>"),
            "Talks resumed & ended. Next"
        );
    }

    #[test]
    fn a_page_is_not_a_feed() {
        let e = parse_feed(b"<html><body><p>Hello</p></body></html>", "x.html").unwrap_err();
        assert!(e.to_string().starts_with("x.html: not a feed"), "{e}");
    }

    fn safe(s: &str) -> bool {
        s.chars().all(crate::source::is_safe)
    }

    fn rss(declaration: &str, title: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "<?xml version=\"1.0\"{declaration}?><rss version=\"2.0\"><channel>\
             <title>Ledger</title><item><title>"
        )
        .into_bytes();
        out.extend_from_slice(title);
        out.extend_from_slice(
            b"</title><link>http://127.0.0.1/a</link><author>x@y (Ana\x1b[2J Ruiz)</author>\
              </item></channel></rss>",
        );
        out
    }

    #[test]
    fn escape_sequences_in_titles_never_reach_the_terminal() {
        let feed = parse_feed(
            &rss("", b"\x1b]0;owned\x07Red \x1b[31mheadline\x1b[0m\xc2\x9b2J"),
            "http://127.0.0.1/feed",
        )
        .unwrap();
        let item = &feed.items[0];
        assert!(safe(&item.title), "{:?}", item.title);
        assert!(item.title.contains("Red headline"), "{:?}", item.title);
        assert!(!item.title.contains("owned"), "{:?}", item.title);
        assert!(item.author.as_deref().is_none_or(safe), "{:?}", item.author);
    }

    #[test]
    fn a_latin1_feed_is_read_and_bad_utf8_is_one_line() {
        let feed = parse_feed(
            &rss(" encoding=\"ISO-8859-1\"", b"Caf\xe9 society"),
            "http://127.0.0.1/latin1",
        )
        .unwrap();
        assert_eq!(feed.items[0].title, "Caf\u{e9} society");
        // Stray bytes in a feed that says (or implies) UTF-8 cost those bytes, not the feed.
        let feed = parse_feed(&rss("", b"Caf\xff\xfe society"), "http://127.0.0.1/bad").unwrap();
        assert_eq!(feed.items[0].title, "Caf\u{fffd}\u{fffd} society");
        let e = parse_feed(
            b"%PDF-1.4\n\x00\x01\x02\xff binary",
            "http://127.0.0.1/r.pdf",
        )
        .unwrap_err()
        .to_string();
        assert_eq!(e.lines().count(), 1, "{e}");
        assert!(safe(&e), "{e:?}");
    }
}
