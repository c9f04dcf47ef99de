//! One HTTP(S) GET, bounded every way a server can misbehave.
//!
//! A reader pointed at the web meets pages that never end, redirect in circles, answer with a
//! PDF or an error page, or trickle a byte a minute. Each of those becomes a [`FetchError`]
//! naming what happened in one line, and nothing is kept: the caller gets a whole [`Page`] or
//! an error. Redirects are followed here (not by ureq) so that a loop can be told from a long
//! chain, and the body is decompressed here so that its size limit holds for the bytes
//! decompressed too (a small gzip body can inflate to gigabytes).
//!
//! Blocking by design: the app calls [`fetch`] on a background thread.

use std::borrow::Cow;
use std::io::Read;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ureq::http::{HeaderMap, StatusCode};
use url::Url;

use crate::source::Format;

/// Bodies larger than this are refused (20 MB: ten times a long feature with its markup).
pub const MAX_BODY: u64 = 20 * 1024 * 1024;

/// Limits and identity of a fetch. [`Options::default`] is what the reader uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Bodies over this many bytes (compressed or not) are refused.
    pub max_body: u64,
    /// How many redirects are followed before giving up.
    pub max_redirects: u32,
    /// How long setting up a connection (DNS, TCP, TLS) may take.
    pub connect_timeout: Duration,
    /// How long the server may stay silent while the response is read.
    pub read_timeout: Duration,
    /// How long the whole fetch may take, redirects included: a server that sends one byte
    /// just before each read time-out is cut off here.
    pub total_timeout: Duration,
    pub user_agent: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_body: MAX_BODY,
            max_redirects: 10,
            connect_timeout: Duration::from_secs(15),
            read_timeout: Duration::from_secs(30),
            total_timeout: Duration::from_secs(120),
            user_agent: concat!("lectern/", env!("CARGO_PKG_VERSION")).to_string(),
        }
    }
}

/// What a server said identifies this version of a page, sent back on a refresh so an
/// unchanged page costs a `304 Not Modified` instead of a download.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validators {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

impl Validators {
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// A fetched page: its body decompressed, as the server sent it otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The address asked for.
    pub url: String,
    /// The address the body came from, after redirects.
    pub final_url: String,
    /// The media type (`text/html`), lower case, without parameters; `None` when not given.
    pub media_type: Option<String>,
    /// The charset the `Content-Type` header names, if any.
    pub charset: Option<String>,
    pub validators: Validators,
    pub fetched: DateTime<Utc>,
    pub body: Vec<u8>,
}

/// What a fetch found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Fetched(Page),
    /// The server says the version named by the validators sent is still current.
    NotModified {
        final_url: String,
    },
}

/// Why a fetch gave nothing. Each message is one line that starts with the address.
#[derive(Debug, Error)]
pub enum FetchError {
    #[error("{url}: not a web address: {reason}")]
    BadUrl { url: String, reason: String },
    #[error("{url}: lectern fetches only http:// and https:// addresses, not {scheme}:")]
    Scheme { url: String, scheme: String },
    #[error("{url}: redirect loop: {to} redirects back to an address already visited")]
    RedirectLoop { url: String, to: String },
    #[error("{url}: more than {limit} redirects (the last to {to})")]
    TooManyRedirects { url: String, limit: u32, to: String },
    #[error("{url}: redirect ({status}) without a usable Location")]
    BadRedirect { url: String, status: u16 },
    #[error("{url}: HTTP {status} {reason}")]
    Status {
        url: String,
        status: u16,
        reason: String,
    },
    #[error("{url}: is {media_type}, not a web page or text")]
    NotText { url: String, media_type: String },
    #[error("{url}: the page is larger than the limit of {limit} bytes")]
    TooLarge { url: String, limit: u64 },
    #[error("{url}: timed out ({what})")]
    Timeout { url: String, what: String },
    #[error("{url}: unknown host")]
    HostNotFound { url: String },
    #[error("{url}: cannot connect: {reason}")]
    Network { url: String, reason: String },
    #[error("{url}: body in an unsupported content encoding ({encoding})")]
    Encoding { url: String, encoding: String },
    #[error("{url}: damaged {encoding} body: {reason}")]
    Decompress {
        url: String,
        encoding: String,
        reason: String,
    },
}

/// Checks that `url` is an absolute http(s) address, and returns it parsed.
pub fn parse_url(url: &str) -> Result<Url, FetchError> {
    let parsed = Url::parse(url.trim()).map_err(|e| FetchError::BadUrl {
        url: url.to_string(),
        reason: e.to_string(),
    })?;
    match parsed.scheme() {
        "http" | "https" => Ok(parsed),
        scheme => Err(FetchError::Scheme {
            url: url.to_string(),
            scheme: scheme.to_string(),
        }),
    }
}

/// Fetches `url`, following redirects; with `validators` (from the copy kept last time) the
/// request is conditional and an unchanged page is [`Outcome::NotModified`].
pub fn fetch(
    url: &str,
    options: &Options,
    validators: Option<&Validators>,
) -> Result<Outcome, FetchError> {
    let mut current = parse_url(url)?;
    // The fragment names a place in the page, not the page: it is never sent.
    current.set_fragment(None);
    let agent = agent(options);
    let mut visited = vec![current.clone()];
    loop {
        let at = current.to_string();
        let err = |e: ureq::Error| ureq_error(&at, e, options);
        let mut request = agent
            .get(current.as_str())
            .header("Accept-Encoding", "gzip, deflate")
            .header(
                "Accept",
                "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
            );
        if let Some(v) = validators {
            if let Some(etag) = &v.etag {
                request = request.header("If-None-Match", etag.as_str());
            }
            if let Some(modified) = &v.last_modified {
                request = request.header("If-Modified-Since", modified.as_str());
            }
        }
        let response = request.call().map_err(err)?;
        let status = response.status();
        if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
            let next = response
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .and_then(|l| current.join(l).ok())
                .filter(|u| matches!(u.scheme(), "http" | "https"))
                .map(|mut u| {
                    u.set_fragment(None);
                    u
                })
                .ok_or(FetchError::BadRedirect {
                    url: at.clone(),
                    status: status.as_u16(),
                })?;
            if visited.contains(&next) {
                return Err(FetchError::RedirectLoop {
                    url: url.to_string(),
                    to: at,
                });
            }
            if visited.len() > options.max_redirects as usize {
                return Err(FetchError::TooManyRedirects {
                    url: url.to_string(),
                    limit: options.max_redirects,
                    to: next.to_string(),
                });
            }
            visited.push(next.clone());
            current = next;
            continue;
        }
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Outcome::NotModified { final_url: at });
        }
        if !status.is_success() {
            return Err(FetchError::Status {
                url: at,
                status: status.as_u16(),
                reason: status.canonical_reason().unwrap_or("").to_string(),
            });
        }
        let headers = response.headers().clone();
        let (media_type, charset) = content_type(&headers);
        if let Some(media) = media_type.as_deref().filter(|m| !is_text(m)) {
            return Err(FetchError::NotText {
                url: at,
                media_type: media.to_string(),
            });
        }
        let too_large = || FetchError::TooLarge {
            url: at.clone(),
            limit: options.max_body,
        };
        if header(&headers, "content-length")
            .and_then(|n| n.trim().parse::<u64>().ok())
            .is_some_and(|n| n > options.max_body)
        {
            return Err(too_large());
        }
        let raw = response.into_body().into_reader();
        let encoding = header(&headers, "content-encoding")
            .map(|e| e.trim().to_ascii_lowercase())
            .filter(|e| !e.is_empty() && e != "identity");
        let body = read_body(raw, encoding.as_deref(), options, &at)?;
        return Ok(Outcome::Fetched(Page {
            url: url.to_string(),
            final_url: at,
            media_type,
            charset,
            validators: Validators {
                etag: header(&headers, "etag").map(str::to_string),
                last_modified: header(&headers, "last-modified").map(str::to_string),
            },
            fetched: Utc::now(),
            body,
        }));
    }
}

fn agent(options: &Options) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_connect(Some(options.connect_timeout))
        .timeout_per_read(Some(options.read_timeout))
        .timeout_global(Some(options.total_timeout))
        .user_agent(options.user_agent.as_str())
        .build()
        .into()
}

/// Reads the body, inflating gzip and deflate, and stops one byte past the limit: what is
/// held (and, give or take the compression, what is downloaded) stays bounded.
fn read_body<'a>(
    raw: impl Read + 'a,
    encoding: Option<&str>,
    options: &Options,
    url: &str,
) -> Result<Vec<u8>, FetchError> {
    let max = options.max_body;
    let (mut reader, name): (Box<dyn Read + 'a>, &str) = match encoding {
        None => (Box::new(raw), ""),
        Some("gzip" | "x-gzip") => (Box::new(flate2::read::MultiGzDecoder::new(raw)), "gzip"),
        // "deflate" is the zlib format (RFC 9110), though some servers send raw deflate.
        Some("deflate") => (Box::new(Deflate::new(raw)), "deflate"),
        Some(other) => {
            return Err(FetchError::Encoding {
                url: url.to_string(),
                encoding: other.to_string(),
            });
        }
    };
    let mut body = Vec::new();
    let read = (&mut reader).take(max + 1).read_to_end(&mut body);
    if let Err(e) = read {
        let ureq = ureq::Error::from(e);
        return Err(match (ureq, name) {
            (ureq::Error::Io(io), decoder) if !decoder.is_empty() && is_data_error(&io) => {
                FetchError::Decompress {
                    url: url.to_string(),
                    encoding: decoder.to_string(),
                    reason: io.to_string(),
                }
            }
            (e, _) => ureq_error(url, e, options),
        });
    }
    if body.len() as u64 > max {
        return Err(FetchError::TooLarge {
            url: url.to_string(),
            limit: max,
        });
    }
    Ok(body)
}

fn is_data_error(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::InvalidData | std::io::ErrorKind::InvalidInput
    )
}

/// A deflate body: zlib-wrapped as the standard says, or raw as some servers send it, told
/// apart by the zlib header's check bits.
struct Deflate<R: Read> {
    inner: DeflateInner<R>,
}

enum DeflateInner<R: Read> {
    Start(Option<R>),
    Zlib(flate2::read::ZlibDecoder<std::io::Chain<std::io::Cursor<Vec<u8>>, R>>),
    Raw(flate2::read::DeflateDecoder<std::io::Chain<std::io::Cursor<Vec<u8>>, R>>),
}

impl<R: Read> Deflate<R> {
    fn new(raw: R) -> Self {
        Deflate {
            inner: DeflateInner::Start(Some(raw)),
        }
    }
}

impl<R: Read> Read for Deflate<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if let DeflateInner::Start(raw) = &mut self.inner {
            let Some(mut raw) = raw.take() else {
                return Err(std::io::Error::other("a deflate body started twice"));
            };
            let mut head = Vec::with_capacity(2);
            (&mut raw).take(2).read_to_end(&mut head)?;
            let zlib = head.len() == 2
                && head[0] & 0x0f == 8
                && ((u16::from(head[0]) << 8) | u16::from(head[1])) % 31 == 0;
            let whole = std::io::Cursor::new(head).chain(raw);
            self.inner = if zlib {
                DeflateInner::Zlib(flate2::read::ZlibDecoder::new(whole))
            } else {
                DeflateInner::Raw(flate2::read::DeflateDecoder::new(whole))
            };
        }
        match &mut self.inner {
            DeflateInner::Zlib(d) => d.read(buf),
            DeflateInner::Raw(d) => d.read(buf),
            DeflateInner::Start(_) => unreachable!("set just above"),
        }
    }
}

fn ureq_error(url: &str, e: ureq::Error, options: &Options) -> FetchError {
    let url = url.to_string();
    let secs = |d: Duration| d.as_secs_f32();
    match e {
        ureq::Error::Timeout(which) => FetchError::Timeout {
            url,
            what: match which {
                ureq::Timeout::Connect | ureq::Timeout::Resolve => {
                    format!("no connection within {} s", secs(options.connect_timeout))
                }
                ureq::Timeout::PerRead | ureq::Timeout::RecvResponse | ureq::Timeout::RecvBody => {
                    format!(
                        "the server sent nothing for {} s",
                        secs(options.read_timeout)
                    )
                }
                ureq::Timeout::Global => format!(
                    "the page took longer than {} s in all",
                    secs(options.total_timeout)
                ),
                other => other.to_string(),
            },
        },
        ureq::Error::HostNotFound => FetchError::HostNotFound { url },
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => FetchError::Timeout {
            url,
            what: "no answer".to_string(),
        },
        ureq::Error::BadUri(reason) => FetchError::BadUrl { url, reason },
        other => FetchError::Network {
            url,
            reason: other.to_string(),
        },
    }
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// The media type and charset of a `Content-Type` header.
fn content_type(headers: &HeaderMap) -> (Option<String>, Option<String>) {
    let Some(value) = header(headers, "content-type") else {
        return (None, None);
    };
    let mut parts = value.split(';');
    let media = parts
        .next()
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty());
    let charset = parts.find_map(|p| {
        let (key, value) = p.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
            .filter(|c| !c.is_empty())
    });
    (media, charset)
}

/// Media types lectern can read: text of any kind, XML (XHTML, feeds) and JSON (JSON Feed).
fn is_text(media: &str) -> bool {
    let (kind, sub) = media.split_once('/').unwrap_or((media, ""));
    kind == "text"
        || (kind == "application"
            && (matches!(sub, "xml" | "json" | "xhtml+xml")
                || sub.ends_with("+xml")
                || sub.ends_with("+json")))
}

impl Page {
    /// The body as UTF-8 when the header names another charset (a byte order mark still
    /// wins, as in browsers); otherwise the bytes as sent, for the loader to decode by the
    /// page's own declaration or by detection.
    ///
    /// A body that is valid UTF-8 stays UTF-8 whatever a legacy label says, as the loader
    /// treats a page's `<meta charset>`: a server configured once for Latin-1 and serving
    /// UTF-8 pages since is common, UTF-8 by chance in a Latin-1 text is not. UTF-16 labels are
    /// always honoured (ASCII in UTF-16 is valid UTF-8, NULs and all).
    pub fn body_utf8(&self) -> Cow<'_, [u8]> {
        let declared = self
            .charset
            .as_deref()
            .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()));
        let utf16 = [encoding_rs::UTF_16LE, encoding_rs::UTF_16BE];
        match declared {
            Some(enc)
                if enc != encoding_rs::UTF_8
                    && (utf16.contains(&enc) || std::str::from_utf8(&self.body).is_err()) =>
            {
                let (text, _, _) = enc.decode(&self.body);
                match text {
                    Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
                    Cow::Owned(s) => Cow::Owned(s.into_bytes()),
                }
            }
            _ => Cow::Borrowed(&self.body),
        }
    }

    /// The format the media type names; `None` leaves it to the content.
    pub fn format(&self) -> Option<Format> {
        format_of(self.media_type.as_deref()?)
    }
}

/// The format a media type names, if lectern reads it as such.
pub fn format_of(media: &str) -> Option<Format> {
    match media {
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "text/markdown" | "text/x-markdown" => Some(Format::Markdown),
        "text/plain" => Some(Format::Text),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_are_fetched() {
        for (url, word) in [
            ("file:///etc/passwd", "file:"),
            ("ftp://example.org/a", "ftp:"),
            ("javascript:alert(1)", "javascript:"),
        ] {
            let e = fetch(url, &Options::default(), None).unwrap_err();
            assert!(matches!(e, FetchError::Scheme { .. }), "{url}: {e}");
            assert!(e.to_string().contains(word), "{e}");
        }
        let e = parse_url("not a url").unwrap_err();
        assert!(matches!(e, FetchError::BadUrl { .. }), "{e}");
        assert!(parse_url("HTTPS://Example.org/x").is_ok());
    }

    #[test]
    fn media_types_read_as_text() {
        for m in [
            "text/html",
            "text/plain",
            "application/xhtml+xml",
            "application/rss+xml",
            "application/atom+xml",
            "application/xml",
            "application/feed+json",
        ] {
            assert!(is_text(m), "{m}");
        }
        for m in [
            "application/pdf",
            "image/png",
            "video/mp4",
            "application/octet-stream",
            "application/zip",
        ] {
            assert!(!is_text(m), "{m}");
        }
    }

    #[test]
    fn content_type_gives_media_type_and_charset() {
        let mut h = HeaderMap::new();
        h.insert(
            "content-type",
            "Text/HTML; Charset=\"ISO-8859-1\"".parse().unwrap(),
        );
        assert_eq!(
            content_type(&h),
            (Some("text/html".into()), Some("ISO-8859-1".into()))
        );
        h.insert("content-type", "text/plain".parse().unwrap());
        assert_eq!(content_type(&h), (Some("text/plain".into()), None));
    }

    #[test]
    fn a_header_charset_is_decoded_and_utf8_is_left_alone() {
        let page = |charset: Option<&str>, body: &[u8]| Page {
            url: String::new(),
            final_url: String::new(),
            media_type: Some("text/html".into()),
            charset: charset.map(str::to_string),
            validators: Validators::default(),
            fetched: Utc::now(),
            body: body.to_vec(),
        };
        let latin = page(Some("iso-8859-1"), b"caf\xe9");
        assert_eq!(&*latin.body_utf8(), "café".as_bytes());
        let utf8 = page(Some("utf-8"), b"caf\xe9");
        assert_eq!(&*utf8.body_utf8(), b"caf\xe9");
        // UTF-8 under a stale Latin-1 label stays UTF-8; UTF-16 is read as labelled.
        let stale = page(Some("iso-8859-1"), "café".as_bytes());
        assert_eq!(&*stale.body_utf8(), "café".as_bytes());
        let wide = page(Some("utf-16le"), b"h\0i\0");
        assert_eq!(&*wide.body_utf8(), b"hi");
        let none = page(None, b"plain");
        assert!(matches!(none.body_utf8(), Cow::Borrowed(_)));
    }

    fn cap(max_body: u64) -> Options {
        Options {
            max_body,
            ..Options::default()
        }
    }

    #[test]
    fn deflate_bodies_zlib_or_raw_are_inflated_within_the_limit() {
        use std::io::Write;
        let text = "The minister said so. ".repeat(50);
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(text.as_bytes()).unwrap();
        let zlib = z.finish().unwrap();
        let mut r = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        r.write_all(text.as_bytes()).unwrap();
        let raw = r.finish().unwrap();
        for body in [&zlib, &raw] {
            let out = read_body(&body[..], Some("deflate"), &cap(10_000), "u").unwrap();
            assert_eq!(out, text.as_bytes());
        }
        // Inflated past the limit: refused, though the compressed body is small.
        let e = read_body(&zlib[..], Some("deflate"), &cap(100), "u").unwrap_err();
        assert!(matches!(e, FetchError::TooLarge { limit: 100, .. }), "{e}");
        let e = read_body(&b"not gzip at all"[..], Some("gzip"), &cap(100), "u").unwrap_err();
        assert!(matches!(e, FetchError::Decompress { .. }), "{e}");
        let e = read_body(&b"x"[..], Some("br"), &cap(100), "u").unwrap_err();
        assert!(e.to_string().contains("br"), "{e}");
    }
}
