//! TOML front matter between `+++` lines at the very top of a file (Hugo/Zola style).

use chrono::NaiveDate;
use serde::Deserialize;

use super::LoadError;

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
    let day = text.get(..10).unwrap_or(&text);
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| serde::de::Error::custom(format!("date `{text}` is not YYYY-MM-DD")))
}

/// Splits `raw` into its front matter (if the first line is `+++`) and the body after it.
pub fn split<'a>(raw: &'a str, name: &str) -> Result<(Option<FrontMatter>, &'a str), LoadError> {
    let Some(rest) = raw
        .strip_prefix("+++")
        .and_then(|r| r.strip_prefix("\r\n").or_else(|| r.strip_prefix('\n')))
    else {
        return Ok((None, raw));
    };
    let header_len = raw.len() - rest.len();
    let mut offset = 0;
    let mut close = None;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((toml_end, body_start)) = close else {
        return Err(LoadError::FrontMatter {
            name: name.to_string(),
            line: 1,
            message: "opening `+++` has no closing `+++` line".to_string(),
        });
    };
    let toml_src = &rest[..toml_end];
    let fm: FrontMatter = toml::from_str(toml_src).map_err(|e| {
        let line = e
            .span()
            .map(|s| {
                toml_src[..s.start.min(toml_src.len())]
                    .matches('\n')
                    .count()
                    + 2
            })
            .unwrap_or(1);
        LoadError::FrontMatter {
            name: name.to_string(),
            line,
            message: e.message().to_string(),
        }
    })?;
    debug_assert!(header_len <= raw.len());
    Ok((Some(fm), &rest[body_start..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_front_matter() {
        let (fm, body) = split("Title\n\nBody", "x").unwrap();
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
}
