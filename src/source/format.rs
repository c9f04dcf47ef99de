//! Which reader a file goes to: plain text, Markdown or a saved web page.
//!
//! The extension is the writer's statement of intent, so it wins; without a known one the
//! content decides. Only HTML can be recognised from content with confidence (it announces
//! itself with `<!doctype html>` or `<html>`); Markdown is valid plain text and plain text is
//! valid Markdown, so Markdown is chosen only by extension or `--format`.

use std::path::Path;
use std::str::FromStr;

/// A format lectern reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The names `--format` accepts, first the canonical one of each format.
    const NAMES: &[(&str, Format)] = &[
        ("txt", Format::Text),
        ("md", Format::Markdown),
        ("html", Format::Html),
        ("text", Format::Text),
        ("markdown", Format::Markdown),
        ("htm", Format::Html),
    ];

    /// The format a file's extension names, if it names one.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// The format of decoded content: HTML when it opens with a doctype or an `<html>` tag
    /// (after a BOM, blank space and comments), plain text otherwise.
    pub fn sniff(content: &str) -> Format {
        let mut rest = content.trim_start_matches('\u{feff}').trim_start();
        // Saved pages often start with a `<!-- saved from url=… -->` comment.
        while let Some(after) = rest.strip_prefix("<!--") {
            match after.find("-->") {
                Some(end) => rest = after[end + 3..].trim_start(),
                None => return Format::Text,
            }
        }
        let opens = |tag: &str| {
            rest.as_bytes()
                .get(..tag.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(tag.as_bytes()))
        };
        if opens("<!doctype html") || opens("<html") {
            Format::Html
        } else {
            Format::Text
        }
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.to_ascii_lowercase();
        Format::NAMES
            .iter()
            .find(|(name, _)| *name == lower)
            .map(|(_, f)| *f)
            .ok_or_else(|| format!("unknown format `{s}` (valid: txt, md, html)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_wins_and_is_case_insensitive() {
        assert_eq!(
            Format::from_extension(Path::new("a/b.MD")),
            Some(Format::Markdown)
        );
        assert_eq!(
            Format::from_extension(Path::new("page.htm")),
            Some(Format::Html)
        );
        assert_eq!(
            Format::from_extension(Path::new("x.txt")),
            Some(Format::Text)
        );
        assert_eq!(Format::from_extension(Path::new("README")), None);
        assert_eq!(Format::from_extension(Path::new("a.pdf")), None);
    }

    #[test]
    fn sniffs_html_only_from_its_opening() {
        assert_eq!(Format::sniff("<!DOCTYPE html>\n<html>"), Format::Html);
        assert_eq!(Format::sniff("\u{feff}  <html lang=en>"), Format::Html);
        assert_eq!(
            Format::sniff("<!-- saved from url=(0042)https://x -->\n<html>"),
            Format::Html
        );
        assert_eq!(Format::sniff("<!-- unterminated <html>"), Format::Text);
        assert_eq!(Format::sniff("# A heading\n\nText"), Format::Text);
        assert_eq!(Format::sniff("Title\n\n<html> in prose"), Format::Text);
        assert_eq!(Format::sniff(""), Format::Text);
    }

    #[test]
    fn names_parse() {
        assert_eq!("md".parse(), Ok(Format::Markdown));
        assert_eq!("HTML".parse(), Ok(Format::Html));
        assert_eq!("txt".parse(), Ok(Format::Text));
        assert!(
            "pdf"
                .parse::<Format>()
                .unwrap_err()
                .contains("valid: txt, md, html")
        );
    }
}
