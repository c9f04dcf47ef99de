//! Markdown articles (CommonMark with task lists and strikethrough), read with pulldown-cmark.
//!
//! The text is the *rendered* text: markup characters are gone, list markers are written as
//! `• ` and `1. `, so that quotations, dates and notes anchor to what the reader shows.
//! Headings, lists, block quotes, code and rules become block kinds; emphasis, strong, inline
//! code and links become inline spans. Raw HTML and images are left out: the reader cannot show
//! them, and their text (tags, alt text) is not the article's prose.
//!
//! Front matter (TOML between `+++` lines, YAML between `---` lines) sets the metadata as for
//! plain text. pulldown-cmark's own metadata blocks stay off: it would take any `---` block for
//! one, also one that lectern's reader leaves as text (a rule above a paragraph), and so drop
//! prose without a word.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::rich::{Builder, Mark};
use super::{Article, BlockKind, HeadingLevel, LoadError, Meta, front_matter};

/// Reads a Markdown article; `name` is used in error messages.
pub fn parse(raw: &str, name: &str) -> Result<Article, LoadError> {
    let front_matter::Split {
        front,
        body,
        warning,
    } = front_matter::split(raw, name)?;
    let meta = Meta::from_front_matter(front);
    let mut b = Builder::new(&meta.title);
    let options = Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    // Events inside an image (its alt text) are skipped.
    let mut skip = 0usize;
    for event in Parser::new_ext(body, options) {
        match event {
            Event::Start(Tag::Image { .. }) => skip += 1,
            Event::End(TagEnd::Image) => {
                skip = skip.saturating_sub(1);
            }
            _ if skip > 0 => {}
            Event::Start(tag) => start(&mut b, tag),
            Event::End(tag) => end(&mut b, tag),
            Event::Text(t) => b.text(&t),
            Event::Code(t) => {
                b.push_mark(Mark::Code);
                b.text(&t);
                b.pop_mark(Mark::Code);
            }
            Event::SoftBreak => b.text(" "),
            Event::HardBreak => b.line_break(),
            Event::Rule => b.rule(),
            Event::TaskListMarker(done) => b.text(if done { "[x] " } else { "[ ] " }),
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {}
        }
    }
    let mut article = Article::from_rich(meta, b.finish());
    article.warnings.extend(warning);
    Ok(article)
}

fn start(b: &mut Builder, tag: Tag<'_>) {
    match tag {
        Tag::Paragraph => b.start(BlockKind::Paragraph),
        Tag::Heading { level, .. } => b.start(BlockKind::Heading {
            level: HeadingLevel::from_number(level as usize),
        }),
        Tag::BlockQuote(_) => b.start_quote(),
        Tag::CodeBlock(_) => b.start(BlockKind::Code),
        Tag::List(first) => b.start_list(first),
        Tag::Item => b.start_item(),
        Tag::Emphasis => b.push_mark(Mark::Emphasis),
        Tag::Strong => b.push_mark(Mark::Strong),
        Tag::Strikethrough => b.push_mark(Mark::Struck),
        Tag::Link { dest_url, .. } => b.start_link(&dest_url),
        _ => {}
    }
}

fn end(b: &mut Builder, tag: TagEnd) {
    match tag {
        TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock => b.end(),
        TagEnd::BlockQuote(_) => b.end_quote(),
        TagEnd::List(_) => b.end_list(),
        TagEnd::Item => b.end_item(),
        TagEnd::Emphasis => b.pop_mark(Mark::Emphasis),
        TagEnd::Strong => b.pop_mark(Mark::Strong),
        TagEnd::Strikethrough => b.pop_mark(Mark::Struck),
        TagEnd::Link => b.end_link(),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{InlineStyle, ListMarker};

    fn md(s: &str) -> Article {
        parse(s, "t.md").expect("parses")
    }

    fn blocks(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks()
            .iter()
            .map(|b| (b.kind, &a.text()[b.range.clone()]))
            .collect()
    }

    #[test]
    fn headings_paragraphs_and_rules() {
        let a = md("# Title\n\nSome *soft*\nwrapped text.\n\n## Part two\n\n---\n\nEnd.");
        assert_eq!(a.meta.title, "Title");
        assert_eq!(
            blocks(&a),
            [
                (BlockKind::Title, "Title"),
                (BlockKind::Paragraph, "Some soft wrapped text."),
                (
                    BlockKind::Heading {
                        level: HeadingLevel::H2
                    },
                    "Part two"
                ),
                (BlockKind::Rule, "* * *"),
                (BlockKind::Paragraph, "End."),
            ]
        );
    }

    #[test]
    fn lists_are_tight_and_numbered_from_their_start() {
        let a = md("Intro.\n\n3. three\n4. four\n   - inner *x*\n\nAfter.");
        assert_eq!(a.text(), "Intro.\n\n3. three\n4. four\n• inner x\n\nAfter.");
        let kinds: Vec<_> = a.blocks().iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds[1],
            BlockKind::ListItem {
                marker: ListMarker::Number(3)
            }
        );
        assert_eq!(
            kinds[3],
            BlockKind::ListItem {
                marker: ListMarker::Bullet
            }
        );
        assert_eq!(a.blocks()[3].nesting.indent, 3);
    }

    #[test]
    fn loose_item_paragraphs_and_quotes_nest() {
        let a = md("- first\n\n  more of first\n- second\n\n> quoted\n>\n> > deeper");
        assert_eq!(
            a.text(),
            "• first\n\nmore of first\n\n• second\n\nquoted\n\ndeeper"
        );
        let n: Vec<(u8, u8)> = a
            .blocks()
            .iter()
            .map(|b| (b.nesting.quotes, b.nesting.indent))
            .collect();
        assert_eq!(n, [(0, 0), (0, 2), (0, 0), (1, 0), (2, 0)]);
    }

    #[test]
    fn code_keeps_lines_and_inline_styles_become_spans() {
        let a = md(
            "Run `cargo test` **now** or [read](http://x \"t\") ~~never~~.\n\n```\nfn a() {\n    b\n}\n```",
        );
        assert_eq!(
            a.text(),
            "Run cargo test now or read never.\n\nfn a() {\n    b\n}"
        );
        let spans: Vec<(&str, InlineStyle)> = a
            .spans()
            .iter()
            .map(|s| (&a.text()[s.range.clone()], s.style))
            .collect();
        assert_eq!(spans[0].0, "cargo test");
        assert!(spans[0].1.code);
        assert_eq!(spans[1].0, "now");
        assert!(spans[1].1.strong);
        assert_eq!(spans[2].0, "read");
        assert_eq!(a.links()[spans[2].1.link.unwrap()], "http://x");
        assert_eq!(spans[3].0, "never");
        assert!(spans[3].1.struck);
        assert_eq!(a.blocks()[1].kind, BlockKind::Code);
    }

    #[test]
    fn front_matter_title_and_its_repeat() {
        let a =
            md("+++\ntitle = \"Talks resume\"\ndate = 2016-04-21\n+++\n# Talks resume\n\nBody.");
        assert_eq!(a.text(), "Talks resume\n\nBody.");
        assert_eq!(a.meta.date, chrono::NaiveDate::from_ymd_opt(2016, 4, 21));
    }

    #[test]
    fn yaml_front_matter_is_read_and_not_text() {
        let a = md("---\ntitle: x\ndate: 2016-04-21\n---\n# Head\n\nBody.");
        assert_eq!(a.text(), "x\n\nHead\n\nBody.");
        assert_eq!(a.meta.date, chrono::NaiveDate::from_ymd_opt(2016, 4, 21));
        // A rule above prose is no front matter, and neither is a `---` block further down.
        let a = md("---\nNot a key.\n\n---\ntitle: y\n---\n\nEnd.");
        assert_eq!(a.text(), "* * *\n\nNot a key.\n\n* * *\n\ntitle: y\n\nEnd.");
        // YAML this reader does not know: the article opens, the block is skipped and said.
        let a = md("---\ntitle: A\ndate: April 21, 2016\n---\n# Head\n\nBody.");
        assert_eq!(a.text(), "Head\n\nBody.");
        assert_eq!(
            a.warnings(),
            ["t.md:3: front matter not read: date `April 21, 2016` is not YYYY-MM-DD"]
        );
    }

    #[test]
    fn html_images_and_entities() {
        let a = md("<div class=x>\n\n![alt text](p.jpg) A &amp; B &#27;[31m <b>x</b>\n\n</div>");
        assert_eq!(a.text(), "A & B [31m x");
    }

    #[test]
    fn hard_breaks_stay_inside_the_block() {
        let a = md("Line one  \nline two\\\nthree");
        assert_eq!(a.text(), "Line one\nline two\nthree");
        assert_eq!(a.blocks().len(), 1);
    }
}
