//! Front matter at the very top of a file: TOML between `+++` lines (Hugo, Zola) or YAML
//! between `---` lines (Jekyll, Hugo, Obsidian). Both give the same [`FrontMatter`].
//!
//! TOML is read with the `toml` crate and strictly: lectern's own convention, so an unknown
//! key is a typo worth reporting. YAML is read by the small reader in [`yaml`], leniently:
//! its blocks are written for other tools, which keep many keys lectern has no use for.

mod yaml;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{LoadError, sanitize};

/// The keys a front matter block may hold; anything else is an error, so typos surface.
#[derive(Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Option<String>,
    #[serde(default, deserialize_with = "date")]
    pub date: Option<NaiveDate>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// Accepts a TOML date (`date = 2016-04-21`) or a string in the same form.
fn date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Toml(toml::value::Datetime),
        Text(String),
    }
    let text = match Raw::deserialize(d)? {
        Raw::Toml(dt) => dt.to_string(),
        Raw::Text(s) => s,
    };
    day(&text)
        .map(Some)
        .ok_or_else(|| serde::de::Error::custom(not_a_date(&text)))
}

/// The day a front matter date names: `2016-04-21`, alone or opening a date and time
/// (`2016-04-21T10:00:00Z`, or Jekyll's `2016-04-21 10:00:00 +0200`). The time is dropped: the
/// article's date anchors relative dates, which are days.
fn day(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let (day, rest) = text.split_at_checked(10)?;
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// The message for a date that is not one; the date is sanitised, as messages go to the
/// terminal.
fn not_a_date(text: &str) -> String {
    format!("date `{}` is not YYYY-MM-DD", sanitize(text))
}

/// A fenced block at the top of `raw`: what is between the opening line (`fence`, nothing
/// else but trailing blanks) and the first closing line (one of `closers`), and the body after
/// it. `None` without the opening line; an unclosed block gives its inner text and no body.
fn fenced<'a>(raw: &'a str, fence: &str, closers: &[&str]) -> Option<(&'a str, Option<&'a str>)> {
    let first = raw.split_inclusive('\n').next()?;
    if !first.ends_with('\n') || first.trim_end() != fence {
        return None;
    }
    let rest = &raw[first.len()..];
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if closers.contains(&line.trim_end()) {
            return Some((&rest[..offset], Some(&rest[offset + line.len()..])));
        }
        offset += line.len();
    }
    Some((rest, None))
}

/// What [`split`] found at the top of a text.
#[derive(Debug)]
pub struct Split<'a> {
    pub front: Option<FrontMatter>,
    /// The text after the front matter.
    pub body: &'a str,
    /// Why a YAML block was skipped unread (`FILE:LINE: front matter not read: …`).
    pub warning: Option<String>,
}

/// Splits `raw` into its front matter and the body after it.
///
/// A `+++` first line opens TOML, which must be closed and valid. A `---` first line opens
/// YAML only if the block is closed (by `---`, or YAML's `...`) and its first line that is not
/// blank or a comment is a `key: value`; anything else (a rule above some prose, say) is left
/// as text. A TOML block that cannot be read is an error naming the line: TOML front matter
/// is lectern's own format. A YAML block that cannot be read is skipped with a warning naming
/// the line: it was written for other tools (Jekyll, Hugo) with YAML this reader does not
/// know, and the article is still worth reading.
pub fn split<'a>(raw: &'a str, name: &str) -> Result<Split<'a>, LoadError> {
    let error = |line, message| LoadError::FrontMatter {
        name: name.to_string(),
        line,
        message,
    };
    if let Some((inner, body)) = fenced(raw, "+++", &["+++"]) {
        let Some(body) = body else {
            return Err(error(
                1,
                "opening `+++` has no closing `+++` line".to_string(),
            ));
        };
        let fm: FrontMatter = toml::from_str(inner).map_err(|e| {
            let line = e
                .span()
                .map(|s| inner[..s.start.min(inner.len())].matches('\n').count() + 2)
                .unwrap_or(1);
            error(line, e.message().to_string())
        })?;
        return Ok(Split {
            front: Some(fm),
            body,
            warning: None,
        });
    }
    if let Some((inner, Some(body))) = fenced(raw, "---", &["---", "..."])
        && yaml::looks_like_front_matter(inner)
    {
        // The block's first line is the file's second.
        return Ok(match yaml::parse(inner, 2) {
            Ok(fm) => Split {
                front: Some(fm),
                body,
                warning: None,
            },
            Err(e) => Split {
                front: None,
                body,
                warning: Some(format!(
                    "{name}:{}: front matter not read: {}",
                    e.line, e.message
                )),
            },
        });
    }
    Ok(Split {
        front: None,
        body: raw,
        warning: None,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn no_front_matter() {
        let Split {
            front: fm, body, ..
        } = split("Title\n\nBody", "x").unwrap();
        assert!(fm.is_none());
        assert_eq!(body, "Title\n\nBody");
    }

    #[test]
    fn unknown_key_is_an_error_with_line() {
        let err = split("+++\ntitle = \"a\"\nauthr = \"b\"\n+++\n", "x.txt").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("x.txt:3:"), "{msg}");
        assert!(msg.contains("authr"), "{msg}");
    }

    #[test]
    fn unclosed_is_an_error() {
        assert!(split("+++\ntitle = \"a\"\n", "x").is_err());
    }

    #[test]
    fn toml_dates_as_dates_or_strings() {
        for src in [
            "date = 2016-04-21",
            "date = 2016-04-21T10:00:00Z",
            "date = \"2016-04-21\"",
            "date = \"2016-04-21 10:00:00 +0200\"",
        ] {
            let Split { front: fm, .. } = split(&format!("+++\n{src}\n+++\n"), "x").unwrap();
            assert_eq!(
                fm.unwrap().date,
                NaiveDate::from_ymd_opt(2016, 4, 21),
                "{src}"
            );
        }
        let err = split("+++\ndate = \"2016-04-21x\"\n+++\n", "x").unwrap_err();
        assert!(err.to_string().contains("is not YYYY-MM-DD"), "{err}");
    }

    #[test]
    fn yaml_block_is_read_and_the_body_follows_it() {
        let Split {
            front: fm, body, ..
        } = split(
            "---\ntitle: Talks resume\ndate: 2016-04-21\n---\nBody\n",
            "x",
        )
        .unwrap();
        let fm = fm.unwrap();
        assert_eq!(fm.title.as_deref(), Some("Talks resume"));
        assert_eq!(fm.date, NaiveDate::from_ymd_opt(2016, 4, 21));
        assert_eq!(body, "Body\n");
        // YAML's document end closes the block too, and CRLF files work.
        let Split {
            front: fm, body, ..
        } = split("---\r\ntitle: T\r\n...\r\nBody", "x").unwrap();
        assert_eq!(fm.unwrap().title.as_deref(), Some("T"));
        assert_eq!(body, "Body");
    }

    #[test]
    fn a_rule_above_prose_or_an_unclosed_block_is_text() {
        for raw in [
            "---\nA story begins here.\n---\nAnd goes on.",
            "---\ntitle: no closing line\n\nBody",
            "----\ntitle: x\n----\n",
            "--- title: x\n---\n",
        ] {
            let Split {
                front: fm, body, ..
            } = split(raw, "x").unwrap();
            assert!(fm.is_none(), "{raw:?}");
            assert_eq!(body, raw);
        }
    }

    #[test]
    fn malformed_yaml_is_skipped_with_a_warning_naming_the_file_line() {
        let got = split("---\ntitle: x\nnot a key\n---\nBody", "a.md").unwrap();
        assert!(got.front.is_none());
        assert_eq!(got.body, "Body");
        let warning = got.warning.unwrap();
        assert!(
            warning.starts_with("a.md:3: front matter not read: "),
            "{warning}"
        );
        let got = split("---\n# comment\n\ndate: \"2016-04-xx\"\n---\n", "a.md").unwrap();
        assert_eq!(
            got.warning.as_deref(),
            Some("a.md:4: front matter not read: date `2016-04-xx` is not YYYY-MM-DD")
        );
    }

    proptest! {
        /// Any text, and text shaped like YAML front matter: never a panic; without front
        /// matter the text is left whole, with it the body is the text's tail.
        #[test]
        fn any_text_splits_safely(
            raw in prop_oneof![
                any::<String>(),
                proptest::collection::vec(proptest::sample::select(vec![
                    "---\n", "...\n", "title", "date", "tags", "author", ": ", ":", "\n", "  ",
                    "- ", "[", "]", ",", "{", "}", "\"", "'", "\\", "\\u12", "#", " #", "|", ">-",
                    "2016-04-21", "T10:00:00Z", "&a", "*a", "~", "é", "\r\n", "\t", "\u{1b}",
                ]), 0..40).prop_map(|parts| format!("---\n{}", parts.concat())),
            ],
        ) {
            if let Ok(Split { front, body, warning }) = split(&raw, "x") {
                prop_assert!(raw.ends_with(body));
                if front.is_none() && warning.is_none() {
                    prop_assert_eq!(body, raw.as_str());
                }
            }
        }
    }
}
