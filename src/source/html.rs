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
use encoding_rs::Encoding;

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
    let content = Document::from(page.content.as_ref());
    let heading = content
        .try_select("h1, h2")
        .map(|h| h.first().text().to_string());
    let title = headline(&page.title, page.site_name.as_deref(), heading.as_deref());
    let mut b = Builder::new(&title);
    walk(&content.root(), &mut b, 0);
    let article = Article::from_rich(meta, b.finish());
    if !article.blocks().iter().any(|b| b.kind != BlockKind::Title) {
        return Err(no_article());
    }
    Ok(article)
}

/// What separates a headline from the site's name in a page's `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " — ", " – ", " - ", " · ", " :: ", " » "];

/// The headline of a page's `<title>`, without the site's name around it: `Storm hits coast |
/// Daily Example` → `Storm hits coast`. The part kept is the page's first heading when the
/// title is that heading plus a separated part, else the title without the site name the
/// page declares; else, by the web's convention for `|`, the part before the last `|` when
/// what follows it is a short name (at most four words, shorter than the rest).
fn headline(title: &str, site: Option<&str>, heading: Option<&str>) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let same = |a: &str, b: &str| {
        let norm = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        norm(a) == norm(b)
    };
    for sep in TITLE_SEPARATORS {
        let parts = [title.rsplit_once(sep), title.split_once(sep)];
        for (before, after) in parts.into_iter().flatten() {
            for known in [heading, site].into_iter().flatten() {
                if known.trim().is_empty() {
                    continue;
                }
                if Some(known) == heading {
                    // The title is the heading and something else: the heading.
                    if same(before, known) {
                        return before.trim().to_string();
                    }
                    if same(after, known) {
                        return after.trim().to_string();
                    }
                } else if same(after, known) {
                    return before.trim().to_string();
                } else if same(before, known) {
                    return after.trim().to_string();
                }
            }
        }
    }
    if let Some((before, after)) = title.rsplit_once(" | ") {
        let words = |s: &str| s.split_whitespace().count();
        if words(after) <= 4 && words(after) < words(before) {
            return before.trim().to_string();
        }
    }
    title
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

/// How much of a page is searched for its declared encoding: what the HTML standard's prescan
/// looks at before a browser gives up and guesses.
const PRESCAN_LEN: usize = 1024;

/// The encoding a page declares, by `<meta charset="…">` or `<meta http-equiv="Content-Type"
/// content="text/html; charset=…">` in its first [`PRESCAN_LEN`] bytes.
///
/// Found as the HTML standard's prescan finds it (§13.2.3.2), so that lectern reads a saved
/// page as a browser would: comments and other tags are skipped, attributes are parsed as a
/// browser does (a `charset` inside a comment or a script's string does not count), and the
/// label is looked up in the WHATWG Encoding Standard (`latin1` and `iso-8859-1` mean
/// windows-1252). As in browsers, a declared UTF-16 means UTF-8 (bytes that declare themselves
/// in ASCII are not UTF-16) and `x-user-defined` windows-1252. Labels of the encodings browsers
/// refuse (ISO-2022-KR and others map to the replacement encoding, which decodes a page as one
/// `�`) count as no declaration.
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let mut scan = Prescan {
        bytes: &bytes[..bytes.len().min(PRESCAN_LEN)],
        pos: 0,
    };
    let encoding = scan.run()?;
    if encoding == encoding_rs::UTF_16BE || encoding == encoding_rs::UTF_16LE {
        Some(encoding_rs::UTF_8)
    } else if encoding == encoding_rs::X_USER_DEFINED {
        Some(encoding_rs::WINDOWS_1252)
    } else if encoding == encoding_rs::REPLACEMENT {
        None
    } else {
        Some(encoding)
    }
}

/// HTML's white space, as the prescan knows it.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// The prescan's position in the bytes it looks at. Running out of them ends it without an
/// answer, as in the standard.
struct Prescan<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Prescan<'_> {
    fn byte(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Whether the bytes at the position start with `prefix`, ignoring ASCII case.
    fn at(&self, prefix: &[u8]) -> bool {
        self.bytes
            .get(self.pos..self.pos + prefix.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(prefix))
    }

    fn skip(&mut self, what: impl Fn(u8) -> bool) {
        while self.byte().is_some_and(&what) {
            self.pos += 1;
        }
    }

    /// Moves past the first `>` at or after `from`; `None` if there is none.
    fn past_gt(&mut self, from: usize) -> Option<()> {
        let gt = self.bytes.get(from..)?.iter().position(|&b| b == b'>')?;
        self.pos = from + gt + 1;
        Some(())
    }

    fn run(&mut self) -> Option<&'static Encoding> {
        while self.pos < self.bytes.len() {
            if self.at(b"<!--") {
                // The comment ends at the first `-->` after its `<`, so `<!-->` is one.
                let from = self.pos + 2;
                let end = memchr::memmem::find(self.bytes.get(from..)?, b"-->")?;
                self.pos = from + end + 3;
            } else if self.at(b"<meta")
                && self
                    .bytes
                    .get(self.pos + 5)
                    .is_some_and(|&b| is_space(b) || b == b'/')
            {
                self.pos += 5;
                if let Some(encoding) = self.meta()? {
                    return Some(encoding);
                }
                self.pos += 1;
            } else if self.at(b"<")
                && match self.bytes.get(self.pos + 1) {
                    Some(b'/') => self
                        .bytes
                        .get(self.pos + 2)
                        .is_some_and(u8::is_ascii_alphabetic),
                    b => b.is_some_and(u8::is_ascii_alphabetic),
                }
            {
                // Another tag: its attributes are read only to be stepped over.
                self.skip(|b| !is_space(b) && b != b'>');
                while self.attribute()?.is_some() {}
                self.pos += 1;
            } else if self.at(b"<!") || self.at(b"</") || self.at(b"<?") {
                self.past_gt(self.pos + 2)?;
            } else {
                self.pos += 1;
            }
        }
        None
    }

    /// The attributes of a `<meta` tag, the position just after its name: the encoding it
    /// declares (`Some(None)` when it declares none), `None` if the bytes ran out.
    fn meta(&mut self) -> Option<Option<&'static Encoding>> {
        let mut seen: Vec<Vec<u8>> = Vec::new();
        let mut got_pragma = false;
        // Whether the charset came from `content`, which counts only beside the pragma.
        let mut need_pragma = None;
        let mut charset = None;
        while let Some((name, value)) = self.attribute()? {
            if seen.contains(&name) {
                continue;
            }
            match name.as_slice() {
                b"http-equiv" => got_pragma |= value == b"content-type",
                b"content" if charset.is_none() => {
                    if let Some(found) = charset_in_content(&value).and_then(Encoding::for_label) {
                        charset = Some(found);
                        need_pragma = Some(true);
                    }
                }
                // `charset` wins over a `content` before it, as in the standard.
                b"charset" => {
                    charset = Encoding::for_label(&value);
                    need_pragma = Some(false);
                }
                _ => {}
            }
            seen.push(name);
        }
        Some(match need_pragma {
            Some(true) if !got_pragma => None,
            Some(_) => charset,
            None => None,
        })
    }

    /// The next attribute of a tag (name lower-cased, value lower-cased outside quotes as the
    /// standard has it; labels are ASCII, so nothing is lost), `Some(None)` at the tag's `>`,
    /// `None` if the bytes ran out.
    fn attribute(&mut self) -> Option<Option<(Vec<u8>, Vec<u8>)>> {
        self.skip(|b| is_space(b) || b == b'/');
        if self.byte()? == b'>' {
            return Some(None);
        }
        let mut name = Vec::new();
        let mut value = Vec::new();
        loop {
            match self.byte()? {
                b'=' if !name.is_empty() => {
                    self.pos += 1;
                    break;
                }
                b if is_space(b) => {
                    self.skip(is_space);
                    if self.byte()? != b'=' {
                        return Some(Some((name, value)));
                    }
                    self.pos += 1;
                    break;
                }
                b'/' | b'>' => return Some(Some((name, value))),
                b => name.push(b.to_ascii_lowercase()),
            }
            self.pos += 1;
        }
        self.skip(is_space);
        match self.byte()? {
            quote @ (b'"' | b'\'') => {
                self.pos += 1;
                loop {
                    let b = self.byte()?;
                    self.pos += 1;
                    if b == quote {
                        return Some(Some((name, value)));
                    }
                    value.push(b.to_ascii_lowercase());
                }
            }
            b'>' => return Some(Some((name, value))),
            _ => {}
        }
        loop {
            match self.byte()? {
                b if is_space(b) || b == b'>' => return Some(Some((name, value))),
                b => value.push(b.to_ascii_lowercase()),
            }
            self.pos += 1;
        }
    }
}

/// The label in a `content="text/html; charset=…"` value, as the standard's "extracting a
/// character encoding from a meta element" finds it.
fn charset_in_content(content: &[u8]) -> Option<&[u8]> {
    let mut pos = 0;
    loop {
        let at = content
            .get(pos..)?
            .windows(7)
            .position(|w| w.eq_ignore_ascii_case(b"charset"))?;
        pos += at + 7;
        while content.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        if content.get(pos) == Some(&b'=') {
            pos += 1;
            break;
        }
    }
    while content.get(pos).is_some_and(|&b| is_space(b)) {
        pos += 1;
    }
    let rest = content.get(pos..)?;
    match rest.first()? {
        &quote @ (b'"' | b'\'') => {
            let end = rest[1..].iter().position(|&b| b == quote)?;
            Some(&rest[1..1 + end])
        }
        _ => {
            let end = rest
                .iter()
                .position(|&b| is_space(b) || b == b';')
                .unwrap_or(rest.len());
            Some(&rest[..end])
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn declared_encodings_are_found_as_browsers_find_them() {
        let found = |page: &str| declared_encoding(page.as_bytes()).map(Encoding::name);
        for (page, name) in [
            ("<meta charset=\"windows-1252\">", Some("windows-1252")),
            (
                "<!doctype html><html><head><META CHARSET=latin1>",
                Some("windows-1252"),
            ),
            ("<meta charset='koi8-r'/>", Some("KOI8-R")),
            (
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">",
                Some("ISO-8859-2"),
            ),
            (
                "<meta content='text/html;charset=\"shift_jis\"' http-equiv=content-type>",
                Some("Shift_JIS"),
            ),
            ("<meta charset=utf-16le>", Some("UTF-8")),
            ("<meta charset=x-user-defined>", Some("windows-1252")),
            // `content` without the pragma, unknown and refused labels: no declaration.
            ("<meta content='text/html; charset=koi8-r'>", None),
            ("<meta charset=klingon><p>", None),
            ("<meta charset=iso-2022-kr>", None),
            // Not a meta tag: in a comment, another tag's attribute, a `<metadata>` tag.
            ("<!-- <meta charset=koi8-r> --><p>", None),
            ("<div title='<meta charset=koi8-r>'><p>", None),
            ("<metadata charset=koi8-r><p>", None),
            // The first meta with an encoding counts; the first of a repeated attribute too.
            (
                "<meta name=x><meta charset=koi8-r charset=cp1251>",
                Some("KOI8-R"),
            ),
            (
                "<meta http-equiv=content-type content='charset=koi8-r' charset=cp1251>",
                Some("windows-1251"),
            ),
            // `<!-->` is a whole comment.
            ("<!--><meta charset=koi8-r>", Some("KOI8-R")),
        ] {
            assert_eq!(found(page), name, "{page}");
        }
    }

    #[test]
    fn only_the_first_kilobyte_is_searched() {
        let late = format!("<!-- {} --><meta charset=koi8-r>", "x".repeat(PRESCAN_LEN));
        assert_eq!(declared_encoding(late.as_bytes()), None);
        let cut = format!("{}<meta charset=koi8-r>", " ".repeat(PRESCAN_LEN - 15));
        assert_eq!(declared_encoding(cut.as_bytes()), None);
        let early = format!("{}<meta charset=koi8-r>", " ".repeat(PRESCAN_LEN - 25));
        assert_eq!(
            declared_encoding(early.as_bytes()),
            Some(encoding_rs::KOI8_R)
        );
    }

    #[test]
    fn charset_in_a_content_value() {
        for (content, label) in [
            ("text/html; charset=utf-8", Some("utf-8")),
            ("text/html;CHARSET = 'koi8-r' x", Some("koi8-r")),
            ("charsetcharset=x;y", Some("x")),
            ("text/html; charset=\"unclosed", None),
            ("text/html; charset", None),
            ("text/html", None),
        ] {
            assert_eq!(
                charset_in_content(content.as_bytes()),
                label.map(str::as_bytes),
                "{content}"
            );
        }
    }

    proptest! {
        /// Any bytes, and bytes made of the pieces the prescan looks at: never a panic.
        #[test]
        fn the_prescan_takes_any_bytes(
            bytes in prop_oneof![
                proptest::collection::vec(any::<u8>(), 0..1100),
                proptest::collection::vec(proptest::sample::select(vec![
                    "<", ">", "/", "!", "?", "-", "<!--", "-->", "<meta", "<META ", " ", "=", "\"",
                    "'", "charset", "http-equiv", "content-type", "content", ";", "koi8-r",
                    "utf-16", "x", "<p", "</", "\t",
                ]), 0..80).prop_map(|parts| parts.concat().into_bytes()),
            ],
        ) {
            declared_encoding(&bytes);
        }
    }

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

    /// A saved page's `<title>` carries the site's name: the title is the headline alone,
    /// and the page's own heading equal to it is not shown a second time.
    #[test]
    fn the_site_name_leaves_the_title_and_the_headline_shows_once() {
        let body = "<p>Waves up to six metres hit the coast overnight, the weather service said, \
                    and thousands of homes lost power across the region.</p>";
        for (head, h1, want) in [
            (
                "<title>Storm hits coast | Daily Example</title>",
                "<h1>Storm hits coast</h1>",
                "Storm hits coast",
            ),
            (
                "<title>Daily Example - Storm hits coast</title>\
                 <meta property='og:site_name' content='Daily Example'>",
                "",
                "Storm hits coast",
            ),
            (
                "<title>Storm hits coast | Daily Example</title>",
                "",
                "Storm hits coast",
            ),
            // A dash inside a headline is not a separator without a heading or site to match.
            (
                "<title>Storm hits coast - live updates</title>",
                "",
                "Storm hits coast - live updates",
            ),
        ] {
            let page = format!(
                "<html><head>{head}</head><body><article>{h1}{body}</article></body></html>"
            );
            let a = parse(&page, "p.html").unwrap();
            assert_eq!(a.meta.title, want, "{head}");
            assert_eq!(
                a.text().matches("Storm hits coast").count(),
                1,
                "{}",
                a.text()
            );
        }
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
