//! The YAML that front matter holds: a flat mapping of `key: value` lines, read without a
//! YAML crate.
//!
//! serde_yaml, the usual crate, is deprecated, and a full YAML parser is a large dependency for
//! a handful of fields. Front matter from Jekyll, Hugo and Obsidian is a flat mapping, and the
//! values lectern uses are scalars (title, date…) or a list of scalars (tags), so this reads:
//! plain, `'single'` and `"double"` quoted scalars (folded over several lines too), `|` and `>`
//! block scalars, `- item` and `[a, b]` lists, and `#` comments. Keys are matched without case,
//! as Hugo does.
//!
//! It is lenient where the block is only richer than lectern needs: keys lectern does not use
//! are skipped with whatever they hold, and a key it uses but given a nested mapping or a list
//! where one value belongs (jekyll-seo-tag's `author:` with `name:` under it) is left unset.
//! What it cannot make sense of is an error naming the line: a line that is no `key: value`,
//! an unclosed quote or list, an unknown escape, a key given twice, a date that is none, and an
//! anchor, alias or tag (`&a`, `*a`, `!!str`) on a key lectern reads, which would otherwise be
//! taken for text.

use std::borrow::Cow;

use super::{FrontMatter, day, not_a_date};

/// Why a block could not be read, and where.
#[derive(Debug, PartialEq, Eq)]
pub struct Malformed {
    /// The line in the file.
    pub line: usize,
    pub message: String,
}

/// The keys lectern reads; the rest are skipped.
const KEYS: [&str; 6] = ["title", "date", "author", "source", "url", "tags"];

/// Whether the block between `---` lines is front matter: its first line that is not blank or
/// a comment is a `key: value`, or it has none (Jekyll's empty block, which marks a page for
/// processing). A block that opens with prose is a rule above some text.
pub fn looks_like_front_matter(block: &str) -> bool {
    block
        .lines()
        .find(|l| !is_blank_or_comment(l))
        .is_none_or(|l| key_line(l).is_some())
}

/// Reads a block whose first line is line `first_line` of the file.
pub fn parse(block: &str, first_line: usize) -> Result<FrontMatter, Malformed> {
    let mut entries: Vec<Entry<'_>> = Vec::new();
    for (i, line) in block.lines().enumerate() {
        let number = first_line + i;
        let malformed = |message: &str| Malformed {
            line: number,
            message: message.to_string(),
        };
        if line.starts_with('#') {
            continue;
        }
        let item = is_item(line);
        if item || line.starts_with([' ', '\t']) || line.trim().is_empty() {
            match entries.last_mut() {
                Some(entry) if item && !is_blank_or_comment(entry.inline) => {
                    return Err(malformed("a list item under a key that has a value"));
                }
                Some(entry) => entry.more.push((number, line)),
                None if is_blank_or_comment(line) => {}
                None => return Err(malformed("an indented line or list item before any key")),
            }
            continue;
        }
        let Some((key, inline)) = key_line(line) else {
            return Err(malformed("expected `key: value`"));
        };
        entries.push(Entry {
            key,
            line: number,
            inline,
            more: Vec::new(),
        });
    }

    let mut fm = FrontMatter::default();
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for entry in &entries {
        let Some(key) = KEYS
            .into_iter()
            .find(|k| k.eq_ignore_ascii_case(&entry.key))
        else {
            continue;
        };
        let malformed = |message: String| Malformed {
            line: entry.line,
            message,
        };
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            return Err(malformed(format!(
                "`{key}` is given twice (first on line {first})"
            )));
        }
        seen.push((key, entry.line));
        let text = match entry.value().map_err(malformed)? {
            Value::Null | Value::Nested => continue,
            Value::List(items) if key == "tags" => {
                fm.tags = items;
                continue;
            }
            Value::List(_) => continue,
            Value::Text(text) => text,
        };
        match key {
            "title" => fm.title = Some(text),
            "date" => fm.date = Some(day(&text).ok_or_else(|| malformed(not_a_date(&text)))?),
            "author" => fm.author = Some(text),
            "source" => fm.source = Some(text),
            "url" => fm.url = Some(text),
            // Jekyll's `tags: one two`; a comma makes it a list of phrases.
            _ => {
                let commas = text.contains(',');
                let sep = |c: char| if commas { c == ',' } else { c.is_whitespace() };
                fm.tags = text
                    .split(sep)
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
                    .collect();
            }
        }
    }
    Ok(fm)
}

/// A top-level key with its value: the rest of its line, and the lines under it.
struct Entry<'a> {
    key: Cow<'a, str>,
    line: usize,
    /// The rest of the key's line, trimmed: the value, or blank or a comment when the value is
    /// on the lines below. Comments are taken off by each kind of value, as a `#` inside
    /// quotes is text.
    inline: &'a str,
    /// The indented, blank and `- item` lines up to the next key, with their line numbers.
    more: Vec<(usize, &'a str)>,
}

/// A value as far as lectern cares.
#[derive(Debug, PartialEq, Eq)]
enum Value {
    Null,
    Text(String),
    List(Vec<String>),
    /// A mapping, or a list holding lists or mappings: nothing lectern uses.
    Nested,
}

impl Entry<'_> {
    fn value(&self) -> Result<Value, String> {
        // The value's pieces in order: the rest of the key's line, then the lines below.
        let below = self
            .more
            .iter()
            .map(|(_, l)| l.trim())
            .filter(|l| !is_blank_or_comment(l));
        let on_key_line = !is_blank_or_comment(self.inline);
        let parts: Vec<&str> = std::iter::once(self.inline)
            .filter(|_| on_key_line)
            .chain(below.clone())
            .collect();
        let Some(&first) = parts.first() else {
            return Ok(Value::Null);
        };
        // Multi-line flow values fold their line breaks into spaces.
        let joined = || parts.join(" ");
        if !on_key_line {
            if is_item(first) {
                return block_list(below);
            }
            if key_line(first).is_some() {
                return Ok(Value::Nested);
            }
        }
        match first.bytes().next() {
            Some(b'|' | b'>') if on_key_line => self.block_scalar(),
            Some(b'[') => flow_list(&joined()),
            Some(b'{') => Ok(Value::Nested),
            Some(b'"' | b'\'') => {
                let text = joined();
                let (value, rest) = quoted(&text)?;
                if is_blank_or_comment(rest) {
                    Ok(Value::Text(value.into_owned()))
                } else {
                    Err("text after the closing quote".to_string())
                }
            }
            Some(b'&' | b'*' | b'!') => {
                Err("anchors, aliases and tags (`&`, `*`, `!`) are not supported".to_string())
            }
            _ => Ok(plain(
                &parts
                    .iter()
                    .map(|p| strip_comment(p))
                    .collect::<Vec<_>>()
                    .join(" "),
            )),
        }
    }

    /// A `|` (lines kept) or `>` (lines folded) block scalar: the indented lines under the key.
    fn block_scalar(&self) -> Result<Value, String> {
        let (style, indicators) = strip_comment(self.inline).split_at(1);
        if !indicators
            .chars()
            .all(|c| matches!(c, '+' | '-' | '1'..='9'))
            || indicators.len() > 2
        {
            return Err(format!(
                "a block scalar header is `{style}` with at most a `+`/`-` and a digit"
            ));
        }
        let indent = |l: &str| l.len() - l.trim_start_matches([' ', '\t']).len();
        let lines: Vec<&str> = self.more.iter().map(|(_, l)| *l).collect();
        let depth = lines
            .iter()
            .find(|l| !l.trim().is_empty())
            .map_or(0, |l| indent(l));
        let lines = lines.iter().map(|l| &l[indent(l).min(depth)..]);
        let text: Vec<&str> = if style == "|" {
            lines.collect()
        } else {
            lines.filter(|l| !l.trim().is_empty()).collect()
        };
        let sep = if style == "|" { "\n" } else { " " };
        Ok(plain(text.join(sep).trim()))
    }
}

/// The items of a `- item` list, from its lines (trimmed, without comments or blanks).
fn block_list<'a>(lines: impl Iterator<Item = &'a str>) -> Result<Value, String> {
    let mut items: Vec<String> = Vec::new();
    for line in lines {
        let Some(item) = line.strip_prefix('-').filter(|_| is_item(line)) else {
            // A plain item continued on the next line.
            match items.last_mut() {
                Some(last) => {
                    last.push(' ');
                    last.push_str(strip_comment(line));
                }
                None => return Ok(Value::Nested),
            }
            continue;
        };
        let item = item.trim();
        match item.bytes().next() {
            Some(b'"' | b'\'') => {
                let (value, rest) = quoted(item)?;
                if !is_blank_or_comment(rest) {
                    return Err("text after the closing quote".to_string());
                }
                items.push(value.into_owned());
            }
            Some(b'[' | b'{' | b'&' | b'*' | b'!') => return Ok(Value::Nested),
            _ if is_item(item) || key_line(item).is_some() => return Ok(Value::Nested),
            _ => items.push(strip_comment(item).to_string()),
        }
    }
    items.retain(|i| !i.is_empty());
    Ok(Value::List(items))
}

/// A `[a, "b", c]` list; nested lists and mappings in it make it [`Value::Nested`].
fn flow_list(text: &str) -> Result<Value, String> {
    let unclosed = || "`[` has no closing `]`".to_string();
    let mut rest = text.get(1..).unwrap_or_default();
    let mut items = Vec::new();
    let mut nested = false;
    loop {
        rest = rest.trim_start();
        match rest.bytes().next() {
            None => return Err(unclosed()),
            Some(b']') => break,
            Some(b'"' | b'\'') => {
                let (value, after) = quoted(rest)?;
                items.push(value.into_owned());
                rest = after;
            }
            Some(b'[' | b'{') => {
                nested = true;
                rest = &rest[balanced(rest).ok_or_else(unclosed)?..];
            }
            Some(_) => {
                let end = rest.find([',', ']', '[', '{', '}']).unwrap_or(rest.len());
                let item = rest[..end].trim();
                if !item.is_empty() {
                    items.push(item.to_string());
                }
                rest = &rest[end..];
            }
        }
        rest = rest.trim_start();
        match rest.bytes().next() {
            Some(b',') => rest = &rest[1..],
            Some(b']') => break,
            None => return Err(unclosed()),
            Some(_) => return Err("expected `,` or `]` in a `[…]` list".to_string()),
        }
    }
    if !is_blank_or_comment(&rest[1..]) {
        return Err("text after the closing `]`".to_string());
    }
    Ok(if nested {
        Value::Nested
    } else {
        Value::List(items)
    })
}

/// The length of the bracketed run that opens `text` (`[…]` or `{…}`, nesting counted;
/// brackets inside quotes are counted too, which only matters for values lectern skips).
fn balanced(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// A plain scalar: YAML's null spellings are no value.
fn plain(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        _ => Value::Text(text.to_string()),
    }
}

/// A quoted scalar at the start of `text` (which opens with `"` or `'`) and the text after its
/// closing quote.
fn quoted(text: &str) -> Result<(Cow<'_, str>, &str), String> {
    let mut chars = text.char_indices();
    let Some((_, quote)) = chars.next() else {
        return Err("expected a quoted value".to_string());
    };
    let mut value = String::new();
    while let Some((i, c)) = chars.next() {
        if c == quote {
            // In single quotes, `''` is a quote.
            if quote == '\'' && text[i + 1..].starts_with('\'') {
                chars.next();
                value.push('\'');
                continue;
            }
            return Ok((Cow::Owned(value), &text[i + 1..]));
        }
        if c == '\\' && quote == '"' {
            let Some((_, e)) = chars.next() else { break };
            value.push(match e {
                '0' => '\0',
                'a' => '\u{7}',
                'b' => '\u{8}',
                't' | '\t' => '\t',
                'n' => '\n',
                'v' => '\u{b}',
                'f' => '\u{c}',
                'r' => '\r',
                'e' => '\u{1b}',
                'N' => '\u{85}',
                '_' => '\u{a0}',
                'L' => '\u{2028}',
                'P' => '\u{2029}',
                ' ' | '"' | '/' | '\\' => e,
                'x' | 'u' | 'U' => {
                    let digits = match e {
                        'x' => 2,
                        'u' => 4,
                        _ => 8,
                    };
                    let hex: String = chars.by_ref().take(digits).map(|(_, c)| c).collect();
                    let code = (hex.len() == digits && hex.chars().all(|c| c.is_ascii_hexdigit()))
                        .then(|| u32::from_str_radix(&hex, 16).ok())
                        .flatten()
                        .and_then(char::from_u32);
                    code.ok_or_else(|| format!("`\\{e}` needs {digits} hex digits of a character"))?
                }
                _ => {
                    return Err(format!(
                        "unknown escape `\\{}` in a quoted value",
                        e.escape_debug()
                    ));
                }
            });
            continue;
        }
        value.push(c);
    }
    Err(format!(
        "the value opened with `{quote}` has no closing `{quote}`"
    ))
}

/// A top-level `key: value` line: its key and the rest of the line (trimmed). A key is plain
/// (not opening with a YAML indicator) or quoted, and ends at the first `:` followed by a blank
/// or the end of the line, so `url: https://x` is one key and one value.
fn key_line(line: &str) -> Option<(Cow<'_, str>, &str)> {
    let first = line.chars().next()?;
    let (key, after) = if first == '"' || first == '\'' {
        let (key, after) = quoted(line).ok()?;
        (
            key,
            after.trim_start_matches([' ', '\t']).strip_prefix(':')?,
        )
    } else {
        if first.is_whitespace() || "-?:,[]{}#&*!|>%@`".contains(first) {
            return None;
        }
        let bytes = line.as_bytes();
        let colon = (0..bytes.len()).find(|&i| {
            bytes[i] == b':' && bytes.get(i + 1).is_none_or(|b| *b == b' ' || *b == b'\t')
        })?;
        let key = line[..colon].trim_end();
        if key.contains(" #") || key.contains("\t#") {
            return None;
        }
        (Cow::Borrowed(key), &line[colon + 1..])
    };
    (after.is_empty() || after.starts_with([' ', '\t'])).then(|| (key, after.trim()))
}

/// `- item` or a bare `-` (an item on the lines below).
fn is_item(line: &str) -> bool {
    line.strip_prefix('-')
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
}

fn is_blank_or_comment(text: &str) -> bool {
    let text = text.trim();
    text.is_empty() || text.starts_with('#')
}

/// A plain value without its comment: `#` after a blank (or at the start) starts one, so
/// `https://x/#part` keeps its `#`.
fn strip_comment(text: &str) -> &str {
    if text.starts_with('#') {
        return "";
    }
    let bytes = text.as_bytes();
    let end = (1..bytes.len())
        .find(|&i| bytes[i] == b'#' && matches!(bytes[i - 1], b' ' | b'\t'))
        .unwrap_or(bytes.len());
    text[..end].trim()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use proptest::prelude::*;

    use super::*;

    fn read(block: &str) -> FrontMatter {
        parse(block, 2).unwrap_or_else(|e| panic!("{block:?}: {e:?}"))
    }

    fn error(block: &str) -> Malformed {
        parse(block, 2).expect_err(block)
    }

    #[test]
    fn plain_quoted_and_commented_scalars() {
        let fm = read(
            "title: NATO Resumes Dialogue # the headline\n\
             author: 'Jane O''Hara'\n\
             source: \"The \\\"Courier\\\" \\u00e9\\x21\"\n\
             url: https://example.org/a#part\n\
             tags: [\"#1\", 'a # b'] # comment\n",
        );
        assert_eq!(fm.title.as_deref(), Some("NATO Resumes Dialogue"));
        assert_eq!(fm.author.as_deref(), Some("Jane O'Hara"));
        assert_eq!(fm.source.as_deref(), Some("The \"Courier\" é!"));
        assert_eq!(fm.url.as_deref(), Some("https://example.org/a#part"));
        assert_eq!(fm.tags, ["#1", "a # b"]);
        assert_eq!(
            read("title: \"Hello #1\"  # c\n").title.as_deref(),
            Some("Hello #1")
        );
    }

    #[test]
    fn dates_in_each_form() {
        let day = NaiveDate::from_ymd_opt(2016, 4, 21);
        for value in [
            "2016-04-21",
            "2016-04-21T10:00:00Z",
            "\"2016-04-21\"",
            "'2016-04-21'",
            "2016-04-21 10:00:00 +0200",
            "2016-04-21   # published",
        ] {
            assert_eq!(read(&format!("date: {value}\n")).date, day, "{value}");
        }
        assert_eq!(read("date:\n").date, None);
        assert_eq!(read("date: ~\n").date, None);
        let e = error("title: x\ndate: April 21\n");
        assert_eq!(e.line, 3);
        assert_eq!(e.message, "date `April 21` is not YYYY-MM-DD");
    }

    #[test]
    fn tags_as_lists_or_words() {
        let want = ["NATO", "Russia"];
        for block in [
            "tags: [NATO, \"Russia\"]\n",
            "tags: [NATO,\n  Russia]\n",
            "tags:\n  - NATO\n  - 'Russia' # a comment\n",
            "tags:\n- NATO\n\n- Russia\n",
            "tags: NATO Russia\n",
            "Tags: NATO, Russia\n",
        ] {
            assert_eq!(read(block).tags, want, "{block:?}");
        }
        assert_eq!(read("tags: []\n").tags, Vec::<String>::new());
    }

    #[test]
    fn values_over_several_lines() {
        assert_eq!(
            read("title: A long\n  headline\n").title.as_deref(),
            Some("A long headline")
        );
        assert_eq!(
            read("title:\n  \"Quoted,\n  folded\"\n").title.as_deref(),
            Some("Quoted, folded")
        );
        assert_eq!(
            read("title: >-\n  Folded\n  text\n\ndate: 2016-04-21\n")
                .title
                .as_deref(),
            Some("Folded text")
        );
        assert_eq!(
            read("title: |\n  Kept\n    lines\n").title.as_deref(),
            Some("Kept\n  lines")
        );
    }

    #[test]
    fn keys_lectern_does_not_use_are_skipped_with_what_they_hold() {
        let fm = read(
            "# Jekyll\nlayout: post\ncategories:\n  - world\n  - {a: b}\n\
             author:\n  name: Jane\n  twitter: jane\nextra: {x: [1, 2]}\n\
             \"title\": Kept\naliases: [&a x, *a]\n",
        );
        assert_eq!(fm.title.as_deref(), Some("Kept"));
        assert_eq!(fm.author, None);
        let fm = read("title: [a, b]\ntags: [[a], b]\n");
        assert_eq!(fm, FrontMatter::default());
    }

    #[test]
    fn malformed_lines_are_errors_at_their_line() {
        for (block, line, message) in [
            ("title: x\njust prose\n", 3, "expected `key: value`"),
            ("  indented: x\n", 2, "before any key"),
            ("title: x\n- item\n", 3, "a list item under a key"),
            ("title: \"open\ndate: x\n", 2, "no closing `\"`"),
            ("title: 'a' b\n", 2, "text after the closing quote"),
            ("title: \"\\q\"\n", 2, "unknown escape `\\q`"),
            ("title: \"\\u12\"\n", 2, "4 hex digits"),
            ("tags: [a, b\n", 2, "no closing `]`"),
            ("tags: [a] b\n", 2, "text after the closing `]`"),
            ("tags: [a } b]\n", 2, "expected `,` or `]`"),
            (
                "title: a\n\nTITLE: b\n",
                4,
                "`title` is given twice (first on line 2)",
            ),
            ("title: *ref\n", 2, "aliases"),
            ("title: |x\n  a\n", 2, "block scalar header"),
        ] {
            let e = error(block);
            assert_eq!(e.line, line, "{block:?}: {e:?}");
            assert!(e.message.contains(message), "{block:?}: {e:?}");
        }
    }

    #[test]
    fn what_counts_as_front_matter() {
        assert!(looks_like_front_matter("title: x\n"));
        assert!(looks_like_front_matter("# generated\n\n\"title\": x\n"));
        assert!(looks_like_front_matter(""));
        assert!(!looks_like_front_matter("A story begins here.\n"));
        assert!(!looks_like_front_matter("- a list\n"));
        assert!(!looks_like_front_matter("Note:this is no key\n"));
    }

    proptest! {
        /// Arbitrary blocks, and blocks made of YAML's pieces: a value or an error on a line of
        /// the block, never a panic.
        #[test]
        fn any_block_reads_or_fails_on_one_of_its_lines(
            block in prop_oneof![
                any::<String>(),
                proptest::collection::vec(proptest::sample::select(vec![
                    "title", "date", "tags", "url", "x", ":", ": ", "\n", "\n  ", "- ", "-", "[",
                    "]", "{", "}", ",", "\"", "'", "''", "\\", "\\x4", "\\U0010ffff", "\\e", "#",
                    " #", "|", ">", "|+2", "&", "*", "!", "~", "2016-04-21", "T", "é", "\t", " ",
                ]), 0..50).prop_map(|parts| parts.concat()),
            ],
        ) {
            if let Err(e) = parse(&block, 2) {
                prop_assert!(e.line >= 2 && e.line < 2 + block.lines().count(), "{:?}", e);
            }
            looks_like_front_matter(&block);
        }
    }
}
