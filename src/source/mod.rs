//! Loading articles: bytes from a file, stdin or the built-in sample become one immutable
//! [`Article`].
//!
//! Everything lectern later points at (quotes, dates, search hits, the selection, notes) is a
//! byte range into [`Article::text`], so this is the only place that decides what the text is:
//! decoded, sanitised, front matter and tags taken out, blocks joined by one blank line (list
//! items by a line break). For Markdown and web pages the text is the *rendered* text, list
//! markers included, so quotes, dates and notes anchor to what the reader shows; markup
//! survives only as block kinds and inline spans.

mod format;
mod front_matter;
mod html;
mod markdown;
mod rich;
mod sanitize;

use std::borrow::Cow;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use thiserror::Error;

pub use format::Format;
pub use front_matter::FrontMatter;
pub use sanitize::{TAB_WIDTH, is_safe, sanitize, sanitize_keep_offsets};

/// Files larger than this are refused before being read.
pub const MAX_SIZE: u64 = 256 * 1024 * 1024;
/// How much of the start of a file is checked for NUL bytes.
const SNIFF_LEN: usize = 8 * 1024;

/// The built-in sample, shown when lectern starts without a file.
pub const SAMPLE: &str = include_str!("../../assets/nato-russia-dialogue.txt");
/// The name the sample goes by in messages and in the notes store.
pub const SAMPLE_NAME: &str = "nato-russia-dialogue.txt (built-in sample)";

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Sample,
    Stdin,
    Path(PathBuf),
}

impl Input {
    /// `-` means stdin, anything else a path.
    pub fn from_arg(arg: Option<&Path>) -> Self {
        match arg {
            None => Input::Sample,
            Some(p) if p == Path::new("-") => Input::Stdin,
            Some(p) => Input::Path(p.to_path_buf()),
        }
    }

    /// How the input is named in messages.
    pub fn display_name(&self) -> String {
        match self {
            Input::Sample => SAMPLE_NAME.to_string(),
            Input::Stdin => "<stdin>".to_string(),
            Input::Path(p) => p.display().to_string(),
        }
    }
}

/// How to interpret the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Treat the whole file as body text: no title, tags or front matter, and char offsets into
    /// the text equal char offsets into the file. Overrides `format`.
    pub plain: bool,
    /// The format to read; `None` chooses by the file's extension, then by its content.
    pub format: Option<Format>,
}

impl LoadOptions {
    /// The whole input as body text (see [`LoadOptions::plain`]).
    pub const PLAIN: LoadOptions = LoadOptions {
        plain: true,
        format: None,
    };
}

#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{name}: not a text file")]
    NotText { name: String },
    #[error("{name}: file is too large ({size}; the limit is {limit} bytes)", limit = MAX_SIZE)]
    TooLarge { name: String, size: Size },
    #[error("{name}: is a directory (give one article file)")]
    Directory { name: String },
    /// The reason is part of the message, not a `source()`: one line either way it is printed.
    #[error("{name}: {error}")]
    Io { name: String, error: std::io::Error },
    #[error("{name}:{line}: front matter: {message}")]
    FrontMatter {
        name: String,
        line: usize,
        message: String,
    },
    #[error(
        "{name}: no article content found in this web page (only navigation, scripts or other page furniture)"
    )]
    NoArticle { name: String },
}

/// How big an input refused as too large is: exact for a file, a lower bound for a stream
/// (stdin, a device) that was read only up to the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    Exact(u64),
    Over(u64),
}

impl std::fmt::Display for Size {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Size::Exact(n) => write!(f, "{n} bytes"),
            Size::Over(n) => write!(f, "over {n} bytes"),
        }
    }
}

impl LoadError {
    /// Process exit code: every load error means "this input cannot be read as an article".
    pub fn exit_code(&self) -> i32 {
        2
    }
}

/// What kind of text a block holds, which decides how it is laid out and styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The article's title: drawn first, left out of the quotation analysis.
    Title,
    /// A section heading.
    Heading {
        level: HeadingLevel,
    },
    Paragraph,
    /// The first paragraph of a list item. Its text starts with the marker's text, under
    /// which the following lines hang; later paragraphs of the item are indented paragraphs.
    ListItem {
        marker: ListMarker,
    },
    /// Preformatted text: its lines (separated by `\n`) are kept, never reflowed.
    Code,
    /// A thematic break. Its text is the prose section mark [`RULE_TEXT`], so that it is
    /// part of the text like everything the reader shows.
    Rule,
}

/// The text of a [`BlockKind::Rule`].
pub const RULE_TEXT: &str = "* * *";

/// Heading levels as in HTML: `H1` is the largest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HeadingLevel {
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
}

impl HeadingLevel {
    /// Level `n` (1-based); anything past 6 is `H6`, 0 is `H1`.
    pub fn from_number(n: usize) -> Self {
        match n {
            0 | 1 => HeadingLevel::H1,
            2 => HeadingLevel::H2,
            3 => HeadingLevel::H3,
            4 => HeadingLevel::H4,
            5 => HeadingLevel::H5,
            _ => HeadingLevel::H6,
        }
    }
}

/// The marker that starts a list item's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListMarker {
    /// `• `
    Bullet,
    /// `12. `
    Number(u64),
}

impl ListMarker {
    /// The marker as it appears in the text, trailing space included.
    pub fn text(self) -> String {
        match self {
            ListMarker::Bullet => "• ".to_string(),
            ListMarker::Number(n) => format!("{n}. "),
        }
    }

    /// Display columns of [`ListMarker::text`] (all its characters are one column wide).
    pub fn width(self) -> usize {
        match self {
            ListMarker::Bullet => 2,
            ListMarker::Number(n) => n.checked_ilog10().unwrap_or(0) as usize + 3,
        }
    }

    /// Bytes of [`ListMarker::text`].
    pub fn text_len(self) -> usize {
        match self {
            ListMarker::Bullet => "• ".len(),
            ListMarker::Number(_) => self.width(),
        }
    }
}

/// Where a block sits among block quotes and lists; all zero for plain text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Nesting {
    /// Block quotes around the block (the reader draws a bar for each).
    pub quotes: u8,
    /// Columns of list indentation: the marker widths of the list items the block is in.
    pub indent: u8,
}

/// A block of text: a byte range into [`Article::text`], without the separating newlines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub range: Range<usize>,
    pub nesting: Nesting,
}

impl Block {
    /// A block outside any quote or list.
    pub fn new(kind: BlockKind, range: Range<usize>) -> Self {
        Block {
            kind,
            range,
            nesting: Nesting::default(),
        }
    }
}

/// How a run of text is styled. Markup that nests (a link in bold) is one style with both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InlineStyle {
    pub emphasis: bool,
    pub strong: bool,
    pub code: bool,
    /// Struck-out text (`~~gone~~`, `<del>`): still text, shown crossed out.
    pub struck: bool,
    /// Index into [`Article::links`].
    pub link: Option<usize>,
}

/// A styled run of text. An article's spans are sorted and never overlap, so the reader finds
/// those of a row by binary search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineSpan {
    pub range: Range<usize>,
    pub style: InlineStyle,
}

/// Facts about an article that are not its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: String,
    pub date: Option<NaiveDate>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub tags: Vec<String>,
    /// The file the article was read from; `None` for stdin and the sample.
    pub path: Option<PathBuf>,
}

impl Meta {
    /// The facts front matter gives (an absent block gives none).
    fn from_front_matter(front: Option<FrontMatter>) -> Self {
        let Some(fm) = front else {
            return Meta::default();
        };
        Meta {
            title: fm
                .title
                .map(|t| sanitize(&t).replace('\n', " "))
                .unwrap_or_default(),
            date: fm.date,
            author: fm.author.map(|a| sanitize(&a)),
            source: fm.source.map(|s| sanitize(&s)),
            url: fm.url.map(|u| sanitize(&u)),
            tags: fm.tags.iter().map(|t| sanitize(t)).collect(),
            path: None,
        }
    }
}

/// A loaded article. Immutable: analysis, layout and notes all index into `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub meta: Meta,
    text: String,
    blocks: Vec<Block>,
    spans: Vec<InlineSpan>,
    links: Vec<String>,
    warnings: Vec<String>,
}

impl Article {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Blocks in text order; they do not overlap and are separated by `\n\n`, or by `\n`
    /// between list items.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Styled runs (emphasis, strong, code, links), sorted and not overlapping.
    pub fn spans(&self) -> &[InlineSpan] {
        &self.spans
    }

    /// Link targets, indexed by [`InlineStyle::link`].
    pub fn links(&self) -> &[String] {
        &self.links
    }

    /// Body paragraphs only (no title).
    pub fn paragraphs(&self) -> impl Iterator<Item = &Block> {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
    }

    /// Things the user should know about how the file was read (encoding problems…).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Builds an article from text that is already decoded, applying the conventions of
    /// [`load`]. `name` is used in error messages. Without a format in `options` the content
    /// decides ([`Format::sniff`]).
    pub fn parse(raw: &str, name: &str, options: LoadOptions) -> Result<Self, LoadError> {
        if options.plain {
            return Ok(Self::plain(raw));
        }
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        match options.format.unwrap_or_else(|| Format::sniff(raw)) {
            Format::Text => Self::parse_text(raw, name),
            Format::Markdown => markdown::parse(raw, name),
            Format::Html => html::parse(raw, name),
        }
    }

    /// Plain text: the first paragraph is the title, blank lines separate paragraphs.
    fn parse_text(raw: &str, name: &str) -> Result<Self, LoadError> {
        let front_matter::Split {
            front,
            body,
            warning,
        } = front_matter::split(raw, name)?;
        let clean = sanitize(body);
        let Paragraphs { body, ranges } = split_paragraphs(&clean);
        let mut paragraphs = &ranges[..];
        let is_title =
            |p: &[Range<usize>], title: &str| p.first().is_some_and(|r| &body[r.clone()] == title);

        let mut meta = Meta::from_front_matter(front);
        // The first paragraph is the title unless front matter gave one (then a first line equal
        // to it is a repeat, not body).
        if meta.title.is_empty() {
            if let Some((first, rest)) = paragraphs.split_first() {
                meta.title = body[first.clone()].to_string();
                paragraphs = rest;
            }
        } else if is_title(paragraphs, &meta.title) {
            paragraphs = &paragraphs[1..];
        }
        if is_title(paragraphs, &meta.title) {
            paragraphs = &paragraphs[1..];
        }
        if let Some((last, rest)) = paragraphs.split_last()
            && let Some(tags) = body[last.clone()].strip_prefix("Tags:")
        {
            if meta.tags.is_empty() {
                meta.tags = split_tags(tags);
            }
            paragraphs = rest;
        }

        // The paragraphs kept are a run of `body`, already joined by blank lines: one copy.
        let mut text = String::with_capacity(meta.title.len() + 2 + body.len());
        let mut blocks = Vec::with_capacity(paragraphs.len() + 1);
        if !meta.title.is_empty() {
            text.push_str(&meta.title);
            blocks.push(Block::new(BlockKind::Title, 0..text.len()));
        }
        if let (Some(first), Some(last)) = (paragraphs.first(), paragraphs.last()) {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let at = text.len();
            text.push_str(&body[first.start..last.end]);
            blocks.extend(paragraphs.iter().map(|r| {
                Block::new(
                    BlockKind::Paragraph,
                    at + r.start - first.start..at + r.end - first.start,
                )
            }));
        }
        Ok(Article {
            meta,
            text,
            blocks,
            spans: Vec::new(),
            links: Vec::new(),
            warnings: warning.into_iter().collect(),
        })
    }

    /// The whole input as body text, char for char (see [`LoadOptions::plain`]).
    fn plain(raw: &str) -> Self {
        let text = sanitize_keep_offsets(raw);
        let mut blocks = Vec::new();
        let mut start: Option<usize> = None;
        let mut end = 0;
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            if content.trim().is_empty() {
                if let Some(s) = start.take() {
                    blocks.push(Block::new(BlockKind::Paragraph, s..end));
                }
            } else {
                start.get_or_insert(pos);
                end = pos + content.len();
            }
            pos += line.len();
        }
        if let Some(s) = start {
            blocks.push(Block::new(BlockKind::Paragraph, s..end));
        }
        Article {
            meta: Meta::default(),
            text,
            blocks,
            spans: Vec::new(),
            links: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// An article from rich text (Markdown, web pages); its title block, if any, names it.
    fn from_rich(mut meta: Meta, rich: rich::Rich) -> Self {
        if let Some(title) = rich.blocks.first().filter(|b| b.kind == BlockKind::Title) {
            meta.title = rich.text[title.range.clone()].to_string();
        }
        Article {
            meta,
            text: rich.text,
            blocks: rich.blocks,
            spans: rich.spans,
            links: rich.links,
            warnings: Vec::new(),
        }
    }

    /// Sets the article date (from `--date`), overriding the front matter.
    pub fn with_date(mut self, date: Option<NaiveDate>) -> Self {
        if date.is_some() {
            self.meta.date = date;
        }
        self
    }
}

/// Reflowed paragraphs: `body` holds them joined by one blank line, `ranges` says where each is.
struct Paragraphs {
    body: String,
    ranges: Vec<Range<usize>>,
}

/// Splits sanitised text into paragraphs at blank lines; lines inside a paragraph are joined by
/// one space (hard-wrapped files reflow to the pane width). Written straight into one string,
/// so that a book does not cost an allocation per paragraph.
fn split_paragraphs(text: &str) -> Paragraphs {
    let mut body = String::with_capacity(text.len());
    let mut ranges = Vec::new();
    let mut start: Option<usize> = None;
    for line in text.lines() {
        // Indentation is dropped: paragraphs are reflowed to the pane, where leading blanks
        // would only make a row of spaces before a long unbroken (CJK) line.
        let line = line.trim();
        if line.is_empty() {
            if let Some(s) = start.take() {
                ranges.push(s..body.len());
            }
            continue;
        }
        match start {
            Some(_) => body.push(' '),
            None => {
                if !ranges.is_empty() {
                    body.push_str("\n\n");
                }
                start = Some(body.len());
            }
        }
        body.push_str(line);
    }
    if let Some(s) = start {
        ranges.push(s..body.len());
    }
    Paragraphs { body, ranges }
}

fn split_tags(s: &str) -> Vec<String> {
    // News sites separate tags by two spaces, one of them often a no-break space.
    let s = s.replace('\u{a0}', " ");
    let sep = if s.contains(',') { "," } else { "  " };
    s.split(sep)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// A NUL byte near the start means binary (text in UTF-8 or a legacy 8-bit encoding has none),
/// unless a UTF-16 BOM explains it. Only the head is looked at, so a stream can be judged
/// before it is read on.
fn is_binary(bytes: &[u8]) -> bool {
    !bytes.starts_with(&[0xff, 0xfe])
        && !bytes.starts_with(&[0xfe, 0xff])
        && bytes[..bytes.len().min(SNIFF_LEN)].contains(&0)
}

/// Reads at most `limit` bytes ([`MAX_SIZE`]), giving up after the first [`SNIFF_LEN`] if they are
/// binary: whatever `reader` is (a file that grew since it was measured, `/dev/zero`, a pipe),
/// memory stays bounded and a binary stream is refused without reading it to the end.
fn read_limited(mut reader: impl Read, name: &str, limit: u64) -> Result<Vec<u8>, LoadError> {
    let io = |error| LoadError::Io {
        name: name.to_string(),
        error,
    };
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(SNIFF_LEN as u64)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if is_binary(&bytes) {
        return Err(LoadError::NotText {
            name: name.to_string(),
        });
    }
    reader
        .take((limit + 1).saturating_sub(bytes.len() as u64))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge {
            name: name.to_string(),
            size: Size::Over(limit),
        });
    }
    Ok(bytes)
}

/// Decodes raw bytes: UTF-16 by its BOM, otherwise UTF-8; bytes that are not UTF-8 in the
/// encoding a web page declares, else in the legacy encoding that fits them best, with a
/// warning saying which. `format` is the format the bytes will be read as (`None`: their
/// content decides).
///
/// UTF-8 comes first even in a page that declares another encoding: valid UTF-8 (or UTF-8 with
/// a few damaged bytes) is almost never a legacy text by chance, while a stale `<meta charset>`
/// is common in pages re-saved by an editor; browsers sniff local files for UTF-8 alike. A
/// declaration of UTF-8 itself adds nothing to bytes just found not to be UTF-8, so those are
/// guessed. The declaration is honoured with `--plain` too: it says what the bytes mean, not how
/// to lay them out.
fn decode<'a>(
    bytes: &'a [u8],
    name: &str,
    format: Option<Format>,
) -> Result<(Cow<'a, str>, Option<String>), LoadError> {
    let utf16 = |le: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        Cow::Owned(String::from_utf16_lossy(&units))
    };
    if bytes.starts_with(&[0xff, 0xfe]) {
        return Ok((utf16(true), None));
    }
    if bytes.starts_with(&[0xfe, 0xff]) {
        return Ok((utf16(false), None));
    }
    if is_binary(bytes) {
        return Err(LoadError::NotText {
            name: name.to_string(),
        });
    }
    let text = String::from_utf8_lossy(bytes);
    if matches!(text, Cow::Borrowed(_)) {
        return Ok((text, None));
    }
    // Not UTF-8. Mostly UTF-8 with a few broken bytes stays UTF-8; otherwise the text is in a
    // legacy encoding (cp1251, Latin-1…), and reading it as such beats a page of �.
    if mostly_utf8(bytes) {
        return Ok((
            text,
            Some("not valid UTF-8: undecodable bytes shown as �".into()),
        ));
    }
    let is_page = format.map_or_else(
        || Format::sniff(&text) == Format::Html,
        |f| f == Format::Html,
    );
    if is_page
        && let Some(declared) = html::declared_encoding(bytes).filter(|e| *e != encoding_rs::UTF_8)
    {
        // A UTF-8 BOM still beats the declaration, as in browsers.
        let (decoded, used, _) = declared.decode(bytes);
        let how = if used == declared {
            "declared by the page"
        } else {
            "by its byte order mark"
        };
        let warning = format!("not valid UTF-8: read as {} ({how})", used.name());
        return Ok((Cow::Owned(decoded.into_owned()), Some(warning)));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, false);
    let (decoded, _, _) = encoding.decode(bytes);
    let warning = format!("not valid UTF-8: read as {} (a guess)", encoding.name());
    Ok((Cow::Owned(decoded.into_owned()), Some(warning)))
}

/// Whether the valid multi-byte UTF-8 sequences in `bytes` outnumber the bytes that are not
/// UTF-8: a UTF-8 text with some damage, not a text in another encoding.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    valid > invalid
}

/// Builds an article from raw bytes (a file's or stdin's content); without a format in
/// `options` the content decides.
pub fn from_bytes(bytes: &[u8], name: &str, options: LoadOptions) -> Result<Article, LoadError> {
    let (text, warning) = decode(bytes, name, options.format)?;
    let mut article = Article::parse(&text, name, options)?;
    article.warnings.extend(warning);
    Ok(article)
}

/// Loads an article from a file, stdin or the sample.
pub fn load(input: &Input, options: LoadOptions) -> Result<Article, LoadError> {
    let name = input.display_name();
    match input {
        Input::Sample => Article::parse(SAMPLE, &name, options),
        Input::Stdin => {
            let bytes = read_limited(std::io::stdin().lock(), &name, MAX_SIZE)?;
            from_bytes(&bytes, &name, options)
        }
        Input::Path(path) => load_file(path, options).map(|(article, _)| article),
    }
}

/// Loads the article in the file at `path`, with the file's metadata as it was measured (on
/// the open file, before reading it): a later look at the metadata tells whether the file may
/// have changed since.
pub fn load_file(
    path: &Path,
    options: LoadOptions,
) -> Result<(Article, std::fs::Metadata), LoadError> {
    let name = path.display().to_string();
    let io = |error| LoadError::Io {
        name: name.clone(),
        error,
    };
    // Measured on the open file, so what is measured is what is read.
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(LoadError::Directory { name });
    }
    if meta.len() > MAX_SIZE {
        return Err(LoadError::TooLarge {
            name,
            size: Size::Exact(meta.len()),
        });
    }
    let bytes = read_limited(file, &name, MAX_SIZE)?;
    let options = LoadOptions {
        format: options.format.or_else(|| Format::from_extension(path)),
        ..options
    };
    let mut article = from_bytes(&bytes, &name, options)?;
    article.meta.path = Some(path.to_path_buf());
    Ok((article, meta))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Any bytes (without NUL, which ends as "not a text file" at once): an article or a
        /// clear error, never a panic; the text is safe to print
        /// and every block is a char-boundary range inside it.
        #[test]
        fn any_bytes_load_safely(bytes in proptest::collection::vec(1u8..=255, 0..600)) {
            if let Ok(article) = from_bytes(&bytes, "t", LoadOptions::default()) {
                let text = article.text();
                proptest::prop_assert!(text.chars().all(is_safe));
                for b in article.blocks() {
                    proptest::prop_assert!(b.range.start <= b.range.end && b.range.end <= text.len());
                    proptest::prop_assert!(text.is_char_boundary(b.range.start));
                    proptest::prop_assert!(text.is_char_boundary(b.range.end));
                }
            }
        }
    }

    #[test]
    fn legacy_encodings_are_read_and_damaged_utf8_stays_utf8() {
        // "Москва сказала" in Windows-1251.
        let cp1251 =
            b"\xcc\xee\xf1\xea\xe2\xe0 \xf1\xea\xe0\xe7\xe0\xeb\xe0 \xee\xe1 \xfd\xf2\xee\xec";
        let (text, warning) = decode(cp1251, "t", None).unwrap();
        assert_eq!(text, "Москва сказала об этом");
        assert_eq!(
            warning.as_deref(),
            Some("not valid UTF-8: read as windows-1251 (a guess)")
        );
        let mut damaged = "Москва сказала".as_bytes().to_vec();
        damaged.push(0xff);
        let (text, warning) = decode(&damaged, "t", None).unwrap();
        assert_eq!(text, "Москва сказала\u{fffd}");
        assert!(warning.unwrap().contains("undecodable"));
        assert_eq!(
            decode("plain".as_bytes(), "t", None).unwrap(),
            ("plain".into(), None)
        );
    }

    #[test]
    fn a_page_is_read_in_the_encoding_it_declares() {
        let page = |head: &str, body: &[u8]| {
            let mut bytes =
                format!("<!doctype html><html><head>{head}</head><body><p>").into_bytes();
            bytes.extend_from_slice(body);
            bytes
        };
        // “Café” in windows-1252.
        let cafe = b"\x93Caf\xe9\x94";
        let bytes = page("<meta charset=\"windows-1252\">", cafe);
        let (text, warning) = decode(&bytes, "p", None).unwrap();
        assert!(text.ends_with("<p>“Café”"), "{text}");
        assert_eq!(
            warning.as_deref(),
            Some("not valid UTF-8: read as windows-1252 (declared by the page)")
        );
        // Only a web page's declaration counts.
        let (_, warning) = decode(&bytes, "p", Some(Format::Text)).unwrap();
        assert!(warning.unwrap().ends_with("(a guess)"));
        // The declaration beats the guess: 0xA4 is € in ISO-8859-15, ¤ in windows-1252.
        let euro = page("<meta charset=iso-8859-15>", b"Caf\xe9 \xe0 2 \xa4");
        let (text, _) = decode(&euro, "p", None).unwrap();
        assert!(text.ends_with("Café à 2 €"), "{text}");
        let (text, _) = decode(&euro, "p", Some(Format::Text)).unwrap();
        assert!(text.ends_with("Café à 2 ¤"), "{text}");
        // Valid UTF-8 stays UTF-8 whatever the page says.
        let utf8 = page("<meta charset=koi8-r>", "“Café”".as_bytes());
        assert_eq!(decode(&utf8, "p", None).unwrap().1, None);
        // A declared UTF-8 that the bytes are not is no help: they are guessed.
        let (_, warning) = decode(&page("<meta charset=utf-8>", cafe), "p", None).unwrap();
        assert!(warning.unwrap().ends_with("(a guess)"));
        // A UTF-8 byte order mark outranks the declaration, as in browsers.
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend(page("<meta charset=koi8-r>", b"\xe9\xe9"));
        let (_, warning) = decode(&bom, "p", Some(Format::Html)).unwrap();
        assert_eq!(
            warning.as_deref(),
            Some("not valid UTF-8: read as UTF-8 (by its byte order mark)")
        );
    }

    fn parse(s: &str) -> Article {
        Article::parse(s, "test.txt", LoadOptions::default()).expect("parses")
    }

    #[test]
    fn sample_has_title_date_tags_and_no_repeated_title() {
        let a = load(&Input::Sample, LoadOptions::default()).unwrap();
        assert_eq!(a.meta.title, "NATO Resumes Dialogue with Russia");
        assert_eq!(a.meta.date, NaiveDate::from_ymd_opt(2016, 4, 21));
        assert_eq!(a.meta.tags, vec!["NATO", "Russia"]);
        assert_eq!(a.text().matches("NATO Resumes Dialogue").count(), 1);
        assert!(
            a.text()
                .starts_with("NATO Resumes Dialogue with Russia\n\nNATO and Russia held")
        );
        assert!(a.text().ends_with("back in business with each other."));
        assert!(!a.text().contains("Tags:"));
        assert_eq!(a.blocks()[0].kind, BlockKind::Title);
    }

    #[test]
    fn blocks_are_byte_ranges_separated_by_blank_lines() {
        let a = parse("Title\n\nOne\ntwo.\n\n\n  Three.\n");
        assert_eq!(a.text(), "Title\n\nOne two.\n\nThree.");
        let texts: Vec<_> = a
            .blocks()
            .iter()
            .map(|b| &a.text()[b.range.clone()])
            .collect();
        assert_eq!(texts, ["Title", "One two.", "Three."]);
    }

    #[test]
    fn tags_line_with_commas() {
        let a = parse("T\n\nBody.\n\nTags: a, b c");
        assert_eq!(a.meta.tags, ["a", "b c"]);
        let a = parse("T\n\nBody.\n\nTags: NATO\u{a0} Russia");
        assert_eq!(a.meta.tags, ["NATO", "Russia"]);
    }

    #[test]
    fn front_matter_sets_meta() {
        let a = parse(
            "+++\ntitle = \"Hello\"\ndate = 2016-04-21\ntags = [\"x\"]\n+++\nHello\n\nBody.\n",
        );
        assert_eq!(a.meta.title, "Hello");
        assert_eq!(a.meta.date, NaiveDate::from_ymd_opt(2016, 4, 21));
        assert_eq!(a.text(), "Hello\n\nBody.");
    }

    #[test]
    fn yaml_front_matter_sets_meta_of_plain_text() {
        let a = parse(
            "---\ntitle: 'Hello: again'\ndate: \"2016-04-21\"\ntags: [x, y]\n---\nHello: again\n\nBody.\n",
        );
        assert_eq!(a.meta.title, "Hello: again");
        assert_eq!(a.meta.date, NaiveDate::from_ymd_opt(2016, 4, 21));
        assert_eq!(a.meta.tags, ["x", "y"]);
        assert_eq!(a.text(), "Hello: again\n\nBody.");
        // A text that opens with a rule above prose keeps it.
        let a = parse("---\nA line.\n---\n");
        assert_eq!(a.text(), "--- A line. ---");
        // YAML it cannot read: skipped, with a warning, and the text still opens.
        let a = Article::parse(
            "---\ntitle: \"x\n---\nBody",
            "a.txt",
            LoadOptions::default(),
        )
        .unwrap();
        assert_eq!(a.text(), "Body");
        assert_eq!(
            a.warnings(),
            ["a.txt:2: front matter not read: the value opened with `\"` has no closing `\"`"]
        );
    }

    #[test]
    fn malformed_front_matter_names_file_and_line() {
        let err = Article::parse(
            "+++\ntitle = \"x\"\ndate = = 3\n+++\nBody",
            "a.txt",
            LoadOptions::default(),
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("a.txt:3: front matter"), "{msg}");
    }

    #[test]
    fn binary_is_refused() {
        let err = from_bytes(b"%PDF-1.4\0\0\x01", "x.pdf", LoadOptions::default()).unwrap_err();
        assert_eq!(err.to_string(), "x.pdf: not a text file");
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn invalid_utf8_warns() {
        let a = from_bytes(
            b"T\n\n\xcf\xf0\xe8\xe2\xe5\xf2",
            "ru.txt",
            LoadOptions::default(),
        )
        .unwrap();
        // cp1251: read as such, with a warning naming the guess.
        assert!(a.text().contains("Привет"), "{}", a.text());
        assert_eq!(a.warnings().len(), 1);
        assert!(a.warnings()[0].contains("windows-1251"));
    }

    #[test]
    fn utf16_with_bom_decodes() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "Title\n\nBody".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let a = from_bytes(&bytes, "u16.txt", LoadOptions::default()).unwrap();
        assert_eq!(a.text(), "Title\n\nBody");
    }

    #[test]
    fn escapes_crlf_and_bom_are_cleaned() {
        let a = parse("\u{feff}T\r\n\r\nred \u{1b}[31mtext\u{1b}[0m\u{7}\r\n");
        assert_eq!(a.text(), "T\n\nred text␇");
    }

    #[test]
    fn empty_input_is_an_empty_article() {
        let a = parse("");
        assert_eq!(a.text(), "");
        assert!(a.blocks().is_empty());
    }

    #[test]
    fn plain_keeps_char_offsets() {
        let raw = "Title line\n\nIt said \u{1b}[1m“hi”\tnow.\r\nMore.\n";
        let a = Article::parse(raw, "p", LoadOptions::PLAIN).unwrap();
        assert_eq!(a.text().chars().count(), raw.chars().count());
        assert_eq!(a.meta.title, "");
        assert_eq!(a.blocks().len(), 2);
        assert_eq!(&a.text()[a.blocks()[0].range.clone()], "Title line");
    }

    #[test]
    fn endless_streams_are_cut_at_the_limit_or_refused_as_binary() {
        let err = read_limited(std::io::repeat(b'a'), "endless", 100_000).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "endless: file is too large (over 100000 bytes; the limit is {MAX_SIZE} bytes)"
            )
        );
        let err = read_limited(std::io::repeat(0), "zeros", 100_000).unwrap_err();
        assert_eq!(err.to_string(), "zeros: not a text file");
        // What fits is read whole, across the sniffed head.
        let text = "word ".repeat(SNIFF_LEN);
        let bytes = read_limited(text.as_bytes(), "ok", 100_000).unwrap();
        assert_eq!(bytes, text.as_bytes());
    }

    #[test]
    fn a_device_without_a_size_is_not_read_forever() {
        let err = load(&Input::Path("/dev/zero".into()), LoadOptions::default()).unwrap_err();
        assert_eq!(err.to_string(), "/dev/zero: not a text file");
    }

    #[test]
    fn directory_and_missing_file_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let err = load(&Input::Path(dir.path().into()), LoadOptions::default()).unwrap_err();
        assert!(err.to_string().contains("is a directory"));
        let err = load(
            &Input::Path(dir.path().join("nope.txt")),
            LoadOptions::default(),
        )
        .unwrap_err();
        assert!(err.to_string().contains("nope.txt"));
    }
}
