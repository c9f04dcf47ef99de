//! Loading articles: bytes from a file, stdin or the built-in sample become one immutable
//! [`Article`].
//!
//! Everything lectern later points at (quotes, dates, search hits, the selection, notes) is a
//! byte range into [`Article::text`], so this is the only place that decides what the text is:
//! decoded, sanitised, front matter and tags taken out, paragraphs joined by one blank line.

mod front_matter;
mod sanitize;

use std::borrow::Cow;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use thiserror::Error;

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
    /// the text equal char offsets into the file.
    pub plain: bool,
}

#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{name}: not a text file")]
    NotText { name: String },
    #[error("{name}: file is too large ({size} bytes; the limit is {limit} bytes)", limit = MAX_SIZE)]
    TooLarge { name: String, size: u64 },
    #[error("{name}: is a directory (give one article file)")]
    Directory { name: String },
    #[error("{name}: {source}")]
    Io {
        name: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{name}:{line}: front matter: {message}")]
    FrontMatter {
        name: String,
        line: usize,
        message: String,
    },
}

impl LoadError {
    /// Process exit code: every load error means "this input cannot be read as an article".
    pub fn exit_code(&self) -> i32 {
        2
    }
}

/// What kind of text a block holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    Paragraph,
}

/// A title or paragraph: a byte range into [`Article::text`], without the separating newlines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub range: Range<usize>,
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

/// A loaded article. Immutable: analysis, layout and notes all index into `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub meta: Meta,
    text: String,
    blocks: Vec<Block>,
    warnings: Vec<String>,
}

impl Article {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Title and paragraphs in text order; they do not overlap and are separated by `\n\n`.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
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
    /// [`load`]. `name` is used in error messages.
    pub fn parse(raw: &str, name: &str, options: LoadOptions) -> Result<Self, LoadError> {
        if options.plain {
            return Ok(Self::plain(raw));
        }
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        let (front, body) = front_matter::split(raw, name)?;
        let clean = sanitize(body);
        let Paragraphs { body, ranges } = split_paragraphs(&clean);
        let mut paragraphs = &ranges[..];
        let is_title =
            |p: &[Range<usize>], title: &str| p.first().is_some_and(|r| &body[r.clone()] == title);

        let mut meta = Meta::default();
        if let Some(fm) = front {
            meta.date = fm.date;
            meta.author = fm.author;
            meta.source = fm.source;
            meta.url = fm.url;
            meta.tags = fm.tags;
            if let Some(title) = fm.title {
                meta.title = sanitize(&title).replace('\n', " ");
            }
        }
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
            blocks.push(Block {
                kind: BlockKind::Title,
                range: 0..text.len(),
            });
        }
        if let (Some(first), Some(last)) = (paragraphs.first(), paragraphs.last()) {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let at = text.len();
            text.push_str(&body[first.start..last.end]);
            blocks.extend(paragraphs.iter().map(|r| Block {
                kind: BlockKind::Paragraph,
                range: at + r.start - first.start..at + r.end - first.start,
            }));
        }
        Ok(Article {
            meta,
            text,
            blocks,
            warnings: Vec::new(),
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
                    blocks.push(Block {
                        kind: BlockKind::Paragraph,
                        range: s..end,
                    });
                }
            } else {
                start.get_or_insert(pos);
                end = pos + content.len();
            }
            pos += line.len();
        }
        if let Some(s) = start {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                range: s..end,
            });
        }
        Article {
            meta: Meta::default(),
            text,
            blocks,
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

/// Decodes raw bytes: UTF-16 by its BOM, otherwise UTF-8, lossily with a warning.
fn decode<'a>(bytes: &'a [u8], name: &str) -> Result<(Cow<'a, str>, Option<String>), LoadError> {
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
    if bytes[..bytes.len().min(SNIFF_LEN)].contains(&0) {
        return Err(LoadError::NotText {
            name: name.to_string(),
        });
    }
    let text = String::from_utf8_lossy(bytes);
    let warning = matches!(text, Cow::Owned(_))
        .then(|| "not valid UTF-8: undecodable bytes shown as �".to_string());
    Ok((text, warning))
}

/// Builds an article from raw bytes (a file's or stdin's content).
pub fn from_bytes(bytes: &[u8], name: &str, options: LoadOptions) -> Result<Article, LoadError> {
    let (text, warning) = decode(bytes, name)?;
    let mut article = Article::parse(&text, name, options)?;
    article.warnings.extend(warning);
    Ok(article)
}

/// Loads an article from a file, stdin or the sample.
pub fn load(input: &Input, options: LoadOptions) -> Result<Article, LoadError> {
    let name = input.display_name();
    let io = |source| LoadError::Io {
        name: name.clone(),
        source,
    };
    match input {
        Input::Sample => Article::parse(SAMPLE, &name, options),
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .take(MAX_SIZE + 1)
                .read_to_end(&mut bytes)
                .map_err(io)?;
            if bytes.len() as u64 > MAX_SIZE {
                return Err(LoadError::TooLarge {
                    name,
                    size: bytes.len() as u64,
                });
            }
            from_bytes(&bytes, &name, options)
        }
        Input::Path(path) => {
            let meta = std::fs::metadata(path).map_err(io)?;
            if meta.is_dir() {
                return Err(LoadError::Directory { name });
            }
            if meta.len() > MAX_SIZE {
                return Err(LoadError::TooLarge {
                    name,
                    size: meta.len(),
                });
            }
            let bytes = std::fs::read(path).map_err(io)?;
            let mut article = from_bytes(&bytes, &name, options)?;
            article.meta.path = Some(path.clone());
            Ok(article)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(a.text().contains('\u{fffd}'));
        assert_eq!(a.warnings().len(), 1);
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
        let a = Article::parse(raw, "p", LoadOptions { plain: true }).unwrap();
        assert_eq!(a.text().chars().count(), raw.chars().count());
        assert_eq!(a.meta.title, "");
        assert_eq!(a.blocks().len(), 2);
        assert_eq!(&a.text()[a.blocks()[0].range.clone()], "Title line");
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
