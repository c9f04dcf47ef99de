//! Fetched copies of web pages, kept so that an article opens offline and its notes anchor to a
//! text that does not change under them.
//!
//! Layout, under the data dir given: `web/<16 hex of SHA-256 of the URL>/` holds one pair of
//! files per version, numbered from 1: `0001.html` (the body, in UTF-8 when the server named
//! another charset) and `0001.json` ([`VersionMeta`]: the URL, fetch time, validators, the
//! published date). Every file is written to a temporary file in the same folder and renamed
//! into place, the metadata last, so a version is either whole or absent: a crash, a full disk
//! or a second lectern fetching at the same moment leaves nothing half-written.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;

use super::fetch::{Page, Validators, format_of, parse_url};
use super::published;
use crate::source::{self, Article, Format, LoadError, LoadOptions};

/// What is known about one fetched copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionMeta {
    /// The address asked for.
    pub url: String,
    /// The address the body came from, after redirects.
    pub final_url: String,
    pub fetched: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    #[serde(default, flatten)]
    pub validators: Validators,
    /// When the page says it was published, as it says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// SHA-256 of the stored body (hex): an unchanged page is not stored twice.
    pub sha256: String,
    /// The body's file name, beside the metadata.
    pub body: String,
}

/// One stored copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// 1 for the first copy fetched, counting up.
    pub number: u32,
    /// The body's file.
    pub path: PathBuf,
    pub meta: VersionMeta,
}

/// Why a copy could not be kept or read back.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{path}: damaged metadata of a fetched copy: {error}")]
    Meta {
        path: PathBuf,
        error: serde_json::Error,
    },
}

/// What [`save`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// The body is the same as the latest copy's: nothing new was written.
    Unchanged(Version),
    /// A new version, and the one it follows, if any.
    New {
        version: Version,
        previous: Option<Box<Version>>,
    },
}

impl Saved {
    /// The version that holds the page now.
    pub fn version(&self) -> &Version {
        match self {
            Saved::Unchanged(v) | Saved::New { version: v, .. } => v,
        }
    }
}

/// The folder of the copies of `url`. The URL is normalised first (scheme and host in lower
/// case, the fragment dropped: `#section` is the same page).
pub fn page_dir(data_dir: &Path, url: &str) -> PathBuf {
    let key = parse_url(url)
        .map(|mut u| {
            u.set_fragment(None);
            u.to_string()
        })
        .unwrap_or_else(|_| url.trim().to_string());
    let digest = Sha256::digest(key.as_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    data_dir.join("web").join(hex)
}

/// The stored copies of `url`, oldest first. None stored is an empty list; a folder that
/// cannot be read, or metadata that cannot be parsed, is an error naming the file.
pub fn versions(data_dir: &Path, url: &str) -> Result<Vec<Version>, StoreError> {
    let dir = page_dir(data_dir, url);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(StoreError::Io { path: dir, error }),
    };
    let mut out = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|error| StoreError::Io {
                path: dir.clone(),
                error,
            })?
            .path();
        let Some(number) = version_number(&path) else {
            continue;
        };
        let text = fs::read_to_string(&path).map_err(|error| StoreError::Io {
            path: path.clone(),
            error,
        })?;
        let meta: VersionMeta = serde_json::from_str(&text).map_err(|error| StoreError::Meta {
            path: path.clone(),
            error,
        })?;
        out.push(Version {
            number,
            path: dir.join(&meta.body),
            meta,
        });
    }
    out.sort_by_key(|v| v.number);
    Ok(out)
}

/// `0007.json` → 7; anything else (temporary files, bodies) → `None`.
fn version_number(path: &Path) -> Option<u32> {
    if path.extension()? != "json" {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    (stem.len() == 4 && stem.bytes().all(|b| b.is_ascii_digit()))
        .then(|| stem.parse().ok())
        .flatten()
}

/// The newest stored copy of `url`, if any.
pub fn latest(data_dir: &Path, url: &str) -> Result<Option<Version>, StoreError> {
    Ok(versions(data_dir, url)?.pop())
}

/// Keeps `page` as the newest version of its URL, unless its body equals the latest copy's.
pub fn save(data_dir: &Path, page: &Page) -> Result<Saved, StoreError> {
    let dir = page_dir(data_dir, &page.url);
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| StoreError::Io { path, error }
    };
    fs::create_dir_all(&dir).map_err(io(&dir))?;
    let body = page.body_utf8();
    let sha256 = hex_sha256(&body);
    let previous = latest(data_dir, &page.url)?;
    if let Some(prev) = previous.as_ref().filter(|p| p.meta.sha256 == sha256) {
        return Ok(Saved::Unchanged(prev.clone()));
    }
    let format = page
        .format()
        .unwrap_or_else(|| Format::sniff(&String::from_utf8_lossy(&body)));
    let published = (format == Format::Html)
        .then(|| published::published(&String::from_utf8_lossy(&body)))
        .flatten();
    let ext = match (format, page.media_type.as_deref()) {
        (Format::Html, _) => "html",
        (Format::Markdown, _) => "md",
        (Format::Text, Some(m)) if m.contains("xml") => "xml",
        (Format::Text, Some(m)) if m.contains("json") => "json.txt",
        (Format::Text, _) => "txt",
    };
    // Two lecterns saving at once take different numbers: a name already taken is never
    // overwritten, the next number is tried.
    let mut number = previous.as_ref().map_or(1, |p| p.number + 1);
    loop {
        let body_name = format!("{number:04}.{ext}");
        let meta_path = dir.join(format!("{number:04}.json"));
        let body_path = dir.join(&body_name);
        if meta_path.exists() || body_path.exists() {
            // Another lectern (or another thread: two feeds linking one page) kept a copy
            // meanwhile; if it is this body, it is this version.
            if let Some(kept) = latest(data_dir, &page.url)?.filter(|v| v.meta.sha256 == sha256) {
                return Ok(Saved::Unchanged(kept));
            }
            number += 1;
            continue;
        }
        let meta = VersionMeta {
            url: page.url.clone(),
            final_url: page.final_url.clone(),
            fetched: page.fetched,
            media_type: page.media_type.clone(),
            validators: page.validators.clone(),
            published: published.clone(),
            sha256: sha256.clone(),
            body: body_name,
        };
        let json = serde_json::to_vec_pretty(&meta).map_err(|error| StoreError::Meta {
            path: meta_path.clone(),
            error,
        })?;
        let taken = |e: &std::io::Error| e.kind() == std::io::ErrorKind::AlreadyExists;
        match write_new(&dir, &body_path, &body) {
            // Another lectern took this number between the check and the rename: see above.
            Err(e) if taken(&e) => continue,
            Err(error) => return Err(io(&body_path)(error)),
            Ok(()) => {}
        }
        match write_new(&dir, &meta_path, &json) {
            Err(e) if taken(&e) => {
                let _ = fs::remove_file(&body_path);
            }
            Err(error) => {
                let _ = fs::remove_file(&body_path);
                return Err(io(&meta_path)(error));
            }
            Ok(()) => {
                return Ok(Saved::New {
                    version: Version {
                        number,
                        path: body_path,
                        meta,
                    },
                    previous: previous.map(Box::new),
                });
            }
        }
    }
}

/// Writes `bytes` to a temporary file in `dir`, flushed to disk, then renames it to `path`
/// unless `path` exists already.
fn write_new(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = tempfile::Builder::new().prefix(".part-").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Version {
    /// Reads this copy as an article: the loader's own decoding and extraction, then the URL
    /// and (unless the page gave one the loader found) the published date as metadata.
    pub fn load(&self) -> Result<Article, LoadError> {
        let name = self.path.display().to_string();
        let bytes = fs::read(&self.path).map_err(|error| LoadError::Io {
            name: name.clone(),
            error,
        })?;
        let options = LoadOptions {
            plain: false,
            format: self.meta.media_type.as_deref().and_then(format_of),
        };
        let mut article = source::from_bytes(&bytes, &self.meta.final_url, options)?;
        article.meta.url = Some(self.meta.final_url.clone());
        if article.meta.date.is_none() {
            article.meta.date = self.meta.published.as_deref().and_then(published::date_of);
        }
        article.meta.path = Some(self.path.clone());
        Ok(article)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(url: &str, body: &str) -> Page {
        Page {
            url: url.to_string(),
            final_url: url.to_string(),
            media_type: Some("text/html".into()),
            charset: None,
            validators: Validators {
                etag: Some("\"v1\"".into()),
                last_modified: None,
            },
            fetched: Utc::now(),
            body: body.as_bytes().to_vec(),
        }
    }

    const ONE: &str = r#"<html><head><title>Talks resume</title>
        <meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
        <body><article><h1>Talks resume</h1><p>The talks resumed on Tuesday after a long
        pause, officials said in a statement issued late on Monday evening.</p>
        <p>"We are ready," the minister said.</p></article></body></html>"#;

    #[test]
    fn versions_are_kept_whole_and_an_unchanged_body_is_not_stored_twice() {
        let dir = tempfile::tempdir().unwrap();
        let url = "https://example.org/news/talks";
        assert!(versions(dir.path(), url).unwrap().is_empty());

        let first = save(dir.path(), &page(url, ONE)).unwrap();
        let Saved::New {
            version: v1,
            previous: None,
        } = &first
        else {
            panic!("{first:?}")
        };
        assert_eq!(v1.number, 1);
        assert_eq!(v1.meta.published.as_deref(), Some("2024-03-05T10:00:00Z"));
        assert_eq!(v1.meta.validators.etag.as_deref(), Some("\"v1\""));

        let again = save(dir.path(), &page(url, ONE)).unwrap();
        assert_eq!(again, Saved::Unchanged(v1.clone()));

        let edited = ONE.replace("ready", "not ready");
        let Saved::New {
            version: v2,
            previous,
        } = save(dir.path(), &page(url, &edited)).unwrap()
        else {
            panic!("an edited page is a new version")
        };
        assert_eq!(v2.number, 2);
        assert_eq!(previous.as_deref(), Some(v1));
        // The same page under another spelling of its URL, and no temporary files left.
        let all = versions(dir.path(), "HTTPS://EXAMPLE.org/news/talks#comments").unwrap();
        assert_eq!(all.iter().map(|v| v.number).collect::<Vec<_>>(), [1, 2]);
        let names: Vec<String> = fs::read_dir(page_dir(dir.path(), url))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.starts_with(".part")), "{names:?}");
        assert_eq!(names.len(), 4, "{names:?}");

        let article = v2.load().unwrap();
        assert!(article.text().contains("not ready"), "{}", article.text());
        assert_eq!(article.meta.url.as_deref(), Some(url));
        assert_eq!(
            article.meta.date,
            chrono::NaiveDate::from_ymd_opt(2024, 3, 5)
        );
    }

    #[test]
    fn damaged_metadata_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let url = "https://example.org/a";
        save(dir.path(), &page(url, ONE)).unwrap();
        let meta = page_dir(dir.path(), url).join("0001.json");
        fs::write(&meta, "{ truncated").unwrap();
        let e = versions(dir.path(), url).unwrap_err();
        assert!(e.to_string().contains("0001.json"), "{e}");
    }
}
