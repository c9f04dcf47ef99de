//! newsboat's pager files.
//!
//! With `pager "lectern %f"` newsboat writes the article it shows to a file and runs lectern on
//! it. The file starts with header lines (`Feed:`, `Title:`, `Author:`, `Date:`, `Link:`, each
//! only when newsboat has a value, then `Flags:` and `Podcast Download URL:`), a blank line,
//! the text rendered and wrapped at newsboat's `text-width`, and, when the article had links,
//! a `Links:` list of `[n]: url (kind)` lines. The headers are metadata, not text: a note must
//! not anchor to a `Date:` line. [`parse`] says what they hold and where the body is, so the
//! loader can read the body as plain text with these facts as its metadata.

use std::ops::Range;

use chrono::{DateTime, NaiveDate};
use serde::Serialize;

use crate::source::{Article, Format, LoadError, LoadOptions};

/// What the headers of a newsboat pager file say, and where its body is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PagerFile {
    /// The feed's title (`Feed:`).
    pub feed: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    /// The `Date:` line as written.
    pub date_text: Option<String>,
    /// Its calendar date, where it was published.
    pub date: Option<NaiveDate>,
    pub link: Option<String>,
    /// The article's text: after the blank line that ends the headers, up to the `Links:` list
    /// newsboat appends (byte range into the file's text).
    pub body: Range<usize>,
    /// The links of that list, in order (`[1]` first).
    pub links: Vec<String>,
}

/// The header names newsboat writes (English locale). A file is a pager file when its first
/// line is one of them and the headers end with a blank line.
const HEADERS: [&str; 7] = [
    "Feed",
    "Title",
    "Author",
    "Date",
    "Link",
    "Flags",
    "Podcast Download URL",
];

/// Reads the headers of a newsboat pager file; `None` when `text` is not one (its first line
/// is no newsboat header, or the headers never end in a blank line), so any other file is left
/// to the usual loader.
pub fn parse(text: &str) -> Option<PagerFile> {
    let mut file = PagerFile::default();
    let mut at = 0;
    let mut headers = 0;
    loop {
        let rest = &text[at..];
        let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let line = rest[..line_end].trim_end_matches(['\n', '\r']);
        if line_end == 0 {
            // The end of the file before a blank line: not a pager file.
            return None;
        }
        at += line_end;
        if line.trim().is_empty() {
            if headers == 0 {
                return None;
            }
            break;
        }
        let (name, value) = line.split_once(": ")?;
        if !HEADERS.contains(&name) {
            return None;
        }
        headers += 1;
        let value = Some(value.trim().to_string()).filter(|v| !v.is_empty());
        match name {
            "Feed" => file.feed = value,
            "Title" => file.title = value,
            "Author" => file.author = value,
            "Date" => {
                file.date = value.as_deref().and_then(date_of);
                file.date_text = value;
            }
            "Link" => file.link = value,
            _ => {}
        }
    }
    let (end, links) = links_list(text, at);
    file.body = at..end;
    file.links = links;
    Some(file)
}

/// Where the body ends: before a trailing `Links:` line followed only by `[n]: url (kind)`
/// lines; and those urls.
fn links_list(text: &str, body_start: usize) -> (usize, Vec<String>) {
    let body = &text[body_start..];
    let Some(at) = body
        .rfind("\nLinks:")
        .or_else(|| body.starts_with("Links:").then_some(0))
    else {
        return (text.len(), Vec::new());
    };
    let list = &body[at..];
    let mut rows = list.trim_start_matches('\n').lines();
    if rows.next().map(str::trim) != Some("Links:") {
        return (text.len(), Vec::new());
    }
    let mut links = Vec::new();
    for line in rows.map(str::trim).filter(|l| !l.is_empty()) {
        let Some(rest) = line.strip_prefix('[') else {
            return (text.len(), Vec::new());
        };
        let Some((n, url)) = rest.split_once("]: ") else {
            return (text.len(), Vec::new());
        };
        if !n.bytes().all(|b| b.is_ascii_digit()) {
            return (text.len(), Vec::new());
        }
        // `url (link)`: the kind in parentheses after the last space.
        let url = url.rsplit_once(" (").map_or(url, |(u, _)| u);
        links.push(url.to_string());
    }
    let end = body_start + body[..at].trim_end().len();
    (end, links)
}

/// Reads a newsboat pager file as an article: the body as plain text (newsboat's hard-wrapped
/// lines reflow) under the header's title, the feed, author, date and link as its metadata.
/// `None` when `text` is not a pager file; `name` is used in error messages.
pub fn to_article(text: &str, name: &str) -> Option<Result<Article, LoadError>> {
    let file = parse(text)?;
    let body = &text[file.body.clone()];
    // The title line stands first as in any plain text file, where the loader takes it.
    let raw = match &file.title {
        Some(title) => format!("{title}\n\n{body}"),
        None => body.to_string(),
    };
    let options = LoadOptions {
        plain: false,
        format: Some(Format::Text),
    };
    Some(Article::parse(&raw, name, options).map(|mut article| {
        article.meta.author = file.author.or(article.meta.author);
        article.meta.date = file.date.or(article.meta.date);
        article.meta.url = file.link.or(article.meta.url);
        article.meta.source = file.feed.or(article.meta.source);
        article
    }))
}

/// newsboat writes dates as `%a, %d %b %Y %T %z` (RFC 2822) in the user's locale; other forms
/// are tried for a configured `datetime-format`.
fn date_of(s: &str) -> Option<NaiveDate> {
    DateTime::parse_from_rfc2822(s)
        .map(|d| d.date_naive())
        .or_else(|_| DateTime::parse_from_rfc3339(s).map(|d| d.date_naive()))
        .ok()
        .or_else(|| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "Feed: The Daily Wire\n\
        Title: Talks resume after a long pause\n\
        Author: Jane Doe\n\
        Date: Tue, 05 Mar 2024 10:00:00 +0100\n\
        Link: https://daily.example/talks\n\
        \n\
        The talks resumed on Tuesday [1], officials said.\n\
        \n\
        \"We are ready,\" the minister said.\n\
        \n\
        Links: \n\
        [1]: https://daily.example/earlier (link)\n\
        [2]: https://daily.example/photo.jpg (image)\n";

    #[test]
    fn headers_become_metadata_and_the_body_stops_before_the_links() {
        let f = parse(FILE).unwrap();
        assert_eq!(f.feed.as_deref(), Some("The Daily Wire"));
        assert_eq!(f.title.as_deref(), Some("Talks resume after a long pause"));
        assert_eq!(f.author.as_deref(), Some("Jane Doe"));
        assert_eq!(f.date, NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(f.link.as_deref(), Some("https://daily.example/talks"));
        let body = &FILE[f.body.clone()];
        assert!(body.starts_with("The talks resumed"), "{body:?}");
        assert!(body.ends_with("the minister said."), "{body:?}");
        assert_eq!(
            f.links,
            [
                "https://daily.example/earlier",
                "https://daily.example/photo.jpg"
            ]
        );
    }

    #[test]
    fn a_pager_file_reads_as_an_article_with_its_headers_as_metadata() {
        let article = to_article(FILE, "newsboat").unwrap().unwrap();
        assert_eq!(article.meta.title, "Talks resume after a long pause");
        assert_eq!(article.meta.author.as_deref(), Some("Jane Doe"));
        assert_eq!(article.meta.date, NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(
            article.meta.url.as_deref(),
            Some("https://daily.example/talks")
        );
        assert_eq!(article.meta.source.as_deref(), Some("The Daily Wire"));
        let text = article.text();
        assert!(
            text.starts_with("Talks resume after a long pause\n\nThe talks resumed"),
            "{text}"
        );
        assert!(
            !text.contains("Date:") && !text.contains("Links:"),
            "{text}"
        );
        assert_eq!(article.paragraphs().count(), 2);
        assert!(to_article("Just a text\n\nBody.", "x").is_none());
    }

    #[test]
    fn missing_headers_and_no_links_list() {
        let f = parse("Title: Only a title\n\nBody text.\nLinks: are good.\n").unwrap();
        assert_eq!(f.title.as_deref(), Some("Only a title"));
        assert_eq!(f.author, None);
        // A line starting `Links:` that is not followed by a list is body text.
        assert_eq!(
            f.body.end,
            "Title: Only a title\n\nBody text.\nLinks: are good.\n".len()
        );
    }

    #[test]
    fn other_files_are_not_pager_files() {
        for text in [
            "Talks resume\n\nThe talks resumed.",
            "Subject: an email\n\nHello",
            "Title: never ends\nAuthor: x",
            "",
            "\nTitle: late",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }
}
