//! Saved web pages: the article inside the page, without its navigation, scripts, ads and
//! footer.
//!
//! dom_smoothie (a port of Firefox's Readability) finds the main content and the title, byline
//! and date. Its cleaned content is HTML, which is turned into blocks and spans by walking the
//! cleaned DOM with the same [`Builder`] the Markdown reader uses. That is chosen over
//! html2text's rich output: html2text renders to wrapped lines of a fixed width with its own
//! list and quote decorations, which would have to be parsed back into blocks, and it would
//! bring a second HTML parser; the DOM maps onto blocks directly (`<p>`, `<h2>`, `<li>`,
//! `<blockquote>`, `<pre>`) through `dom_query`, which dom_smoothie already parses with.

use chrono::{DateTime, NaiveDate};
use dom_query::{Document, NodeRef};
use dom_smoothie::Readability;

use super::rich::{Builder, Mark};
use super::{Article, BlockKind, HeadingLevel, LoadError, Meta, sanitize};

/// Bylines and datelines: what they say goes to the metadata. Readability removes the byline
/// it finds only when the page's metadata did not name the author already.
const BYLINE: &str = "[class*=byline], [id*=byline], [class*=dateline], [itemprop~=author]";
/// Advertising slots. Readability drops them around the article, but keeps a short one inside
/// it, where its text would read as part of the story.
const ADS: &str = "[class~=ad], [class~=ads], [class^=ad-], [class*=' ad-'], [id^=ad-], \
                   [class*=advert], [id*=advert], [class*=sponsor], [id*=sponsor]";

/// Elements deeper than this are read as flat text, so a hostile page cannot overflow the
/// stack.
const MAX_DEPTH: usize = 200;

/// Reads the article of a web page; `name` is used in error messages.
pub fn parse(raw: &str, name: &str) -> Result<Article, LoadError> {
    let no_article = || LoadError::NoArticle {
        name: name.to_string(),
    };
    // Without a document URL and an element limit, readability fails only to find content.
    let mut readability = Readability::new(raw, None, None).map_err(|_| no_article())?;
    let doc = &readability.doc;
    // Readability takes the date from metadata only; a `<time datetime>` in the page is the
    // next best witness, looked up before parsing rearranges the document.
    let time_element = ["article time[datetime]", "time[datetime]"]
        .iter()
        .find_map(|sel| doc.try_select(sel)?.attr("datetime"))
        .map(|t| t.to_string());
    let page_byline = doc.try_select(BYLINE).map(|found| {
        let text = found.first().text().to_string();
        found.remove();
        text
    });
    if let Some(ads) = doc.try_select(ADS) {
        ads.remove();
    }
    let page = readability.parse().map_err(|_| no_article())?;

    // Metadata is shown in the status bar and the library: one line, sanitised.
    let clean = |s: &str| {
        Some(sanitize(s).split_whitespace().collect::<Vec<_>>().join(" ")).filter(|s| !s.is_empty())
    };
    let meta = Meta {
        // Set from the title block the builder writes.
        title: String::new(),
        date: page
            .published_time
            .as_deref()
            .and_then(parse_date)
            .or_else(|| time_element.as_deref().and_then(parse_date)),
        author: page
            .byline
            .as_deref()
            .or(page_byline.as_deref())
            .and_then(|b| clean(strip_by(b.trim()))),
        source: page.site_name.as_deref().and_then(clean),
        url: page.url.as_deref().and_then(clean),
        tags: Vec::new(),
        path: None,
    };
    let mut b = Builder::new(&page.title);
    let content = Document::from(page.content.as_ref());
    walk(&content.root(), &mut b, 0);
    let article = Article::from_rich(meta, b.finish());
    if !article.blocks().iter().any(|b| b.kind != BlockKind::Title) {
        return Err(no_article());
    }
    Ok(article)
}

/// Feeds the children of `node` to the builder.
fn walk(node: &NodeRef<'_>, b: &mut Builder, depth: usize) {
    for child in node.children_it(false) {
        if child.is_text() {
            b.text(&child.text());
            continue;
        }
        let Some(name) = child.node_name() else {
            continue;
        };
        if depth >= MAX_DEPTH {
            b.text(&child.text());
            continue;
        }
        let inner = |b: &mut Builder| walk(&child, b, depth + 1);
        match name.to_ascii_lowercase().as_str() {
            // Not prose, or not part of an article even if the extraction kept it.
            "head" | "script" | "style" | "noscript" | "template" | "iframe" | "object" | "svg"
            | "canvas" | "button" | "form" | "input" | "select" | "textarea" | "nav" | "img"
            | "picture" | "video" | "audio" => {}
            "p" => block(b, BlockKind::Paragraph, inner),
            "pre" => block(b, BlockKind::Code, inner),
            h @ ("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => {
                let level = HeadingLevel::from_number(usize::from(h.as_bytes()[1] - b'0'));
                block(b, BlockKind::Heading { level }, inner);
            }
            "hr" => b.rule(),
            // A date standing between blocks is the page's dateline, which is in the metadata.
            "time" if !b.is_open() => {}
            "br" => b.line_break(),
            "blockquote" => {
                b.start_quote();
                inner(b);
                b.end_quote();
            }
            "ul" | "ol" | "menu" => {
                let numbered = name.eq_ignore_ascii_case("ol");
                let first = child
                    .attr("start")
                    .and_then(|s| s.trim().parse::<u64>().ok())
                    .unwrap_or(1);
                b.start_list(numbered.then_some(first));
                inner(b);
                b.end_list();
            }
            "li" => {
                b.start_item();
                inner(b);
                b.end_item();
            }
            "em" | "i" | "cite" | "dfn" | "var" => marked(b, Mark::Emphasis, inner),
            "strong" | "b" => marked(b, Mark::Strong, inner),
            "code" | "kbd" | "samp" | "tt" => marked(b, Mark::Code, inner),
            "s" | "del" | "strike" => marked(b, Mark::Struck, inner),
            "a" => {
                b.start_link(&child.attr("href").unwrap_or_default());
                inner(b);
                b.end_link();
            }
            // Cells of a row read left to right, separated by a space.
            "td" | "th" => {
                b.text(" ");
                inner(b);
                b.text(" ");
            }
            // Containers: their loose text forms paragraphs of its own.
            "div" | "section" | "article" | "main" | "header" | "footer" | "aside" | "figure"
            | "figcaption" | "table" | "thead" | "tbody" | "tfoot" | "tr" | "caption" | "dl"
            | "dt" | "dd" | "address" | "details" | "summary" | "center" | "body" | "html" => {
                b.end();
                inner(b);
                b.end();
            }
            _ => inner(b),
        }
    }
}

fn block(b: &mut Builder, kind: BlockKind, inner: impl FnOnce(&mut Builder)) {
    b.start(kind);
    inner(b);
    b.end();
}

fn marked(b: &mut Builder, mark: Mark, inner: impl FnOnce(&mut Builder)) {
    b.push_mark(mark);
    inner(b);
    b.pop_mark(mark);
}

/// `By Jane Smith` → `Jane Smith`.
fn strip_by(byline: &str) -> &str {
    match byline.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => byline[3..].trim_start(),
        _ => byline,
    }
}

/// A publication date as pages write it: ISO 8601 (`2016-04-21`, `2016-04-21T10:00:00Z`),
/// RFC 2822, or `April 21, 2016` / `21 April 2016`.
fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(day) = s.get(..10)
        && let Ok(d) = NaiveDate::parse_from_str(day, "%Y-%m-%d")
    {
        return Some(d);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    [
        "%B %d, %Y",
        "%b %d, %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%A, %B %d, %Y",
        "%A, %d %B %Y",
    ]
    .iter()
    .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_pages_use() {
        let d = NaiveDate::from_ymd_opt(2016, 4, 21);
        for s in [
            "2016-04-21",
            "2016-04-21T10:00:00+02:00",
            "Thu, 21 Apr 2016 10:00:00 GMT",
            "April 21, 2016",
            "21 April 2016",
            "Thursday, April 21, 2016",
        ] {
            assert_eq!(parse_date(s), d, "{s}");
        }
        assert_eq!(parse_date("last Thursday"), None);
        assert_eq!(parse_date("2016-13-45"), None);
    }

    #[test]
    fn selectors_are_valid() {
        let doc = Document::from("<p class='byline ad'>x</p>");
        assert!(doc.try_select(BYLINE).is_some());
        assert!(doc.try_select(ADS).is_some());
    }

    #[test]
    fn byline_prefix() {
        assert_eq!(strip_by("By Jane Smith"), "Jane Smith");
        assert_eq!(strip_by("Bystander"), "Bystander");
        assert_eq!(strip_by("é"), "é");
    }

    #[test]
    fn a_page_without_text_is_an_error() {
        let err = parse(
            "<html><body><nav><a href=/>Home</a></nav></body></html>",
            "p.html",
        )
        .unwrap_err();
        assert!(
            err.to_string().starts_with("p.html: no article content"),
            "{err}"
        );
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn the_dom_maps_onto_blocks() {
        let page = "<html><head><title>T</title></head><body><article>\
            <h2>Part</h2><p>One <em>two</em> <a href='/x'>three</a>.</p>\
            <ul><li>a</li><li><p>b</p><ol start=3><li>c</li></ol></li></ul>\
            <blockquote><p>Said.</p></blockquote><pre>x  y\n z</pre><hr>\
            <p>Long enough paragraph of text, with commas, to look like an article body.</p>\
            </article></body></html>";
        let a = parse(page, "p.html").unwrap();
        assert_eq!(
            a.text(),
            "T\n\nPart\n\nOne two three.\n\n• a\n• b\n3. c\n\nSaid.\n\nx  y\n z\n\n* * *\n\n\
             Long enough paragraph of text, with commas, to look like an article body."
        );
        assert_eq!(a.blocks()[6].nesting.quotes, 1);
        assert_eq!(a.links(), ["/x"]);
    }
}
