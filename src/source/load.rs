//! Getting an article's text: reading a file or stdin within [`MAX_SIZE`] (a binary or endless
//! input is refused, not read to the end), decoding UTF-16, UTF-8 and legacy encodings, and
//! handing the text to [`Article::parse`].

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::{Article, Format, SAMPLE, SAMPLE_NAME, html};

/// Files larger than this are refused before being read.
pub const MAX_SIZE: u64 = 256 * 1024 * 1024;
/// How much of the start of a file is checked for NUL bytes.
pub(super) const SNIFF_LEN: usize = 8 * 1024;

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

/// The opening bytes of files people pass by mistake that can go on for kilobytes without a
/// NUL (a PDF's header and uncompressed objects are 8-bit text; a JPEG's or a zip's may be):
/// PDF, PNG, JPEG, GIF, zip (also .docx and .epub), gzip, ELF.
const BINARY_MAGIC: &[&[u8]] = &[
    b"%PDF-",
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
];

/// A known binary format's signature at the start, or a NUL byte near it, means binary (text in
/// UTF-8 or a legacy 8-bit encoding has none), unless a UTF-16 BOM explains the NUL. Only the
/// head is looked at, so a stream can be judged before it is read on.
fn is_binary(bytes: &[u8]) -> bool {
    BINARY_MAGIC.iter().any(|m| bytes.starts_with(m))
        || (!bytes.starts_with(&[0xff, 0xfe])
            && !bytes.starts_with(&[0xfe, 0xff])
            && bytes[..bytes.len().min(SNIFF_LEN)].contains(&0))
}

/// Reads at most `limit` bytes ([`MAX_SIZE`]), giving up after the first [`SNIFF_LEN`] if they are
/// binary: whatever `reader` is (a file that grew since it was measured, `/dev/zero`, a pipe),
/// memory stays bounded and a binary stream is refused without reading it to the end.
pub(super) fn read_limited(
    mut reader: impl Read,
    name: &str,
    limit: u64,
) -> Result<Vec<u8>, LoadError> {
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
pub(super) fn decode<'a>(
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
    from_bytes_with(bytes, name, options, no_preread)
}

/// A reader tried on the decoded text (and the input's name) before the format's own, for
/// text files of a shape the layers above know (newsboat's pager files, read by the web
/// layer, which builds on this one): `None` passes the text on to the usual reader.
pub type Preread = fn(&str, &str) -> Option<Result<Article, LoadError>>;

fn no_preread(_: &str, _: &str) -> Option<Result<Article, LoadError>> {
    None
}

fn from_bytes_with(
    bytes: &[u8],
    name: &str,
    options: LoadOptions,
    preread: Preread,
) -> Result<Article, LoadError> {
    let (text, warning) = decode(bytes, name, options.format)?;
    // Only text that could be plain text goes to the preread: `--plain`, a page and Markdown
    // are read as asked.
    let pre = (!options.plain && options.format.is_none_or(|f| f == Format::Text))
        .then(|| preread(&text, name))
        .flatten();
    let mut article = match pre {
        Some(article) => article?,
        None => Article::parse(&text, name, options)?,
    };
    article.warnings.extend(warning);
    Ok(article)
}

/// Loads an article from a file, stdin or the sample.
pub fn load(input: &Input, options: LoadOptions) -> Result<Article, LoadError> {
    load_with(input, options, no_preread)
}

/// [`load`], trying `preread` on a file's or stdin's text first (see [`Preread`]).
pub fn load_with(
    input: &Input,
    options: LoadOptions,
    preread: Preread,
) -> Result<Article, LoadError> {
    let name = input.display_name();
    match input {
        Input::Sample => Article::parse(SAMPLE, &name, options),
        Input::Stdin => {
            let bytes = read_limited(std::io::stdin().lock(), &name, MAX_SIZE)?;
            from_bytes_with(&bytes, &name, options, preread)
        }
        Input::Path(path) => load_file_with(path, options, preread).map(|(article, _)| article),
    }
}

/// Loads the article in the file at `path`, with the file's metadata as it was measured (on
/// the open file, before reading it): a later look at the metadata tells whether the file may
/// have changed since.
pub fn load_file(
    path: &Path,
    options: LoadOptions,
) -> Result<(Article, std::fs::Metadata), LoadError> {
    load_file_with(path, options, no_preread)
}

/// [`load_file`], trying `preread` on the file's text first (see [`Preread`]).
pub fn load_file_with(
    path: &Path,
    options: LoadOptions,
    preread: Preread,
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
    let mut article = from_bytes_with(&bytes, &name, options, preread)?;
    article.meta.path = Some(path.to_path_buf());
    Ok((article, meta))
}
