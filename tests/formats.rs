//! Markdown and saved web pages: the loaders on fixture files, the choice of format, and
//! invariants on arbitrary input.

use std::path::PathBuf;

use chrono::NaiveDate;
use lectern::layout::{Layout, LineKind};
use lectern::source::{
    Article, BlockKind, Format, HeadingLevel, Input, ListMarker, LoadOptions, is_safe, load,
};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).join(name)
}

fn load_fixture(name: &str) -> Article {
    load(&Input::Path(fixture(name)), LoadOptions::default()).expect("fixture loads")
}

/// The text of every block whose kind matches.
fn blocks_of(a: &Article, pick: impl Fn(BlockKind) -> bool) -> Vec<&str> {
    a.blocks()
        .iter()
        .filter(|b| pick(b.kind))
        .map(|b| &a.text()[b.range.clone()])
        .collect()
}

/// The text of the spans whose style matches.
fn spans_of(a: &Article, pick: impl Fn(&lectern::source::InlineStyle) -> bool) -> Vec<&str> {
    a.spans()
        .iter()
        .filter(|s| pick(&s.style))
        .map(|s| &a.text()[s.range.clone()])
        .collect()
}

#[test]
fn markdown_article_renders_its_structure_into_the_text() {
    let a = load_fixture("harbour-strike.md");
    assert_eq!(
        a.meta.title,
        "Dock Workers End Three-Week Strike at Port of Valmora"
    );
    assert_eq!(a.meta.date, NaiveDate::from_ymd_opt(2024, 3, 8));
    assert_eq!(a.meta.author.as_deref(), Some("Ines Carvalho"));
    assert_eq!(a.meta.tags, ["labour", "ports"]);
    // The title once, no markup characters, list markers in the text.
    let text = a.text();
    assert_eq!(text.matches("Dock Workers End").count(), 1);
    for markup in ["**", "+++", "](", "# ", "> ", "`", "\n- "] {
        assert!(!text.contains(markup), "{markup:?} left in the text");
    }
    assert!(text.contains("\n• A pay rise of 6% this year and 4% next year\n• Shorter night"));
    assert!(text.contains("\n1. The union first balloted its members on February 12.\n2. "));

    assert_eq!(
        blocks_of(&a, |k| matches!(
            k,
            BlockKind::Heading {
                level: HeadingLevel::H2
            }
        )),
        ["What the deal includes", "Timeline"]
    );
    assert_eq!(blocks_of(&a, |k| k == BlockKind::Rule), ["* * *"]);
    let nested: Vec<&str> = a
        .blocks()
        .iter()
        .filter(|b| b.nesting.indent == 2)
        .map(|b| &text[b.range.clone()])
        .collect();
    assert_eq!(
        nested,
        [
            "• no shift longer than ten hours",
            "• two rest days after four nights"
        ]
    );
    let quoted: Vec<&str> = a
        .blocks()
        .iter()
        .filter(|b| b.nesting.quotes == 1)
        .map(|b| &text[b.range.clone()])
        .collect();
    assert_eq!(quoted.len(), 2);
    assert!(quoted[0].starts_with("“Nobody wins a strike"));
    assert!(a.blocks().iter().any(|b| b.kind
        == BlockKind::ListItem {
            marker: ListMarker::Number(3)
        }));

    assert_eq!(spans_of(&a, |s| s.strong), ["Port of Valmora"]);
    assert_eq!(spans_of(&a, |s| s.emphasis), ["close but clear"]);
    assert_eq!(spans_of(&a, |s| s.code), ["valmora-port.example/schedule"]);
    let link = a.spans().iter().find(|s| s.style.link.is_some()).unwrap();
    assert_eq!(&text[link.range.clone()], "independent panel");
    assert_eq!(
        a.links()[link.style.link.unwrap()],
        "https://example.org/panel"
    );
}

/// A Jekyll post: its YAML front matter gives the metadata, and the article's date anchors
/// the relative dates of the timeline.
#[test]
fn yaml_front_matter_reaches_the_article_and_extract() {
    let a = load_fixture("tram-line.md");
    assert_eq!(
        a.meta.title,
        "Council Approves Tram Line: Work Starts in Spring"
    );
    assert_eq!(a.meta.date, NaiveDate::from_ymd_opt(2019, 10, 3));
    assert_eq!(a.meta.author.as_deref(), Some("Tomás Ferreira"));
    assert_eq!(a.meta.source.as_deref(), Some("Lisbon Evening Post"));
    assert_eq!(a.meta.tags, ["trams", "city council"]);
    assert!(
        a.text()
            .starts_with("Council Approves Tram Line: Work Starts in Spring\n\nThe city council")
    );
    for absent in ["layout", "---", "NewsArticle"] {
        assert!(!a.text().contains(absent), "{absent:?} left in the text");
    }

    let out = lectern()
        .arg("extract")
        .arg(fixture("tram-line.md"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["title"],
        "Council Approves Tram Line: Work Starts in Spring"
    );
    assert_eq!(json["date"], "2019-10-03");
    assert_eq!(json["tags"], serde_json::json!(["trams", "city council"]));
    let yesterday = json["timexes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["text"] == "yesterday")
        .expect("`yesterday` is a date");
    assert_eq!(yesterday["value"], "2019-10-02");
}

#[test]
fn saved_page_keeps_the_article_and_drops_the_page_around_it() {
    let a = load_fixture("riverside-flood.html");
    assert_eq!(a.meta.title, "River Alde bursts its banks in Thornbury");
    assert_eq!(a.meta.author.as_deref(), Some("Priya Raman"));
    assert_eq!(a.meta.date, NaiveDate::from_ymd_opt(2023, 11, 14));
    assert_eq!(a.meta.source.as_deref(), Some("The Northern Courier"));
    let text = a.text();
    assert!(text.starts_with("River Alde bursts its banks in Thornbury\n\nMore than forty homes"));
    assert!(text.ends_with("The council said a plan would be presented in the spring."));
    for present in [
        "“We have never seen it rise this quickly,” said Harold Finch",
        "\n\nRoads and schools closed\n\n",
        "• the A1072 between Thornbury and Elmstead\n• Thornbury Primary School",
    ] {
        assert!(text.contains(present), "{present:?} missing");
    }
    for absent in [
        "Subscribe today",
        "Weather",
        "ADVERTISEMENT",
        "Sponsored",
        "broadband",
        "dataLayer",
        "track(",
        "ad-slot",
        "Most read",
        "Celebrity chef",
        "All rights reserved",
        "Privacy",
        "By Priya Raman",
        "14 November 2023",
    ] {
        assert!(!text.contains(absent), "{absent:?} left in the text");
    }
    assert_eq!(a.blocks()[0].kind, BlockKind::Title);
    assert_eq!(
        blocks_of(&a, |k| matches!(k, BlockKind::Heading { .. })),
        ["Roads and schools closed"]
    );
    assert_eq!(spans_of(&a, |s| s.strong), ["Harold Finch"]);
    assert_eq!(spans_of(&a, |s| s.emphasis), ["Alde Meadows"]);
    assert_eq!(a.links(), ["https://council.example/flood"]);
}

/// A page saved in windows-1252 that says so: its curly quotes and accents come out as
/// written, and the status names the declared encoding, not a guess.
#[test]
fn a_saved_page_is_read_in_its_declared_encoding() {
    let raw = std::fs::read(fixture("terrace-tax-cp1252.html")).unwrap();
    assert!(std::str::from_utf8(&raw).is_err());
    for byte in [0x93, 0x94, 0xe9] {
        assert!(raw.contains(&byte), "{byte:#x} missing from the fixture");
    }
    let a = load_fixture("terrace-tax-cp1252.html");
    assert_eq!(a.meta.title, "Café owners fight the new terrace tax");
    assert_eq!(a.meta.author.as_deref(), Some("Amélie Dupré"));
    let text = a.text();
    for present in [
        "more than sixty cafés in the old town",
        "“We survived the winter by serving coffee through a window,” said René Lefèvre",
        "the Café du Marché for thirty years. “Now they want us to pay twice for the summer.”",
        "wider pavements — a plan",
    ] {
        assert!(text.contains(present), "{present:?} missing from {text:?}");
    }
    assert!(!text.contains('\u{fffd}'));
    assert_eq!(
        a.warnings(),
        ["not valid UTF-8: read as windows-1252 (declared by the page)"]
    );
}

#[test]
fn format_by_extension_then_content_and_option_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let html = std::fs::read(fixture("riverside-flood.html")).unwrap();
    // No extension: the content says HTML.
    let bare = dir.path().join("saved-page");
    std::fs::write(&bare, &html).unwrap();
    let a = load(&Input::Path(bare.clone()), LoadOptions::default()).unwrap();
    assert_eq!(a.meta.author.as_deref(), Some("Priya Raman"));
    // `format` overrides: read as plain text, the markup is the text.
    let options = LoadOptions {
        format: Some(Format::Text),
        ..LoadOptions::default()
    };
    let a = load(&Input::Path(bare), options).unwrap();
    assert!(a.text().starts_with("<!DOCTYPE html>"));
    // Markdown is chosen by extension only.
    let md = std::fs::read(fixture("harbour-strike.md")).unwrap();
    let as_txt = dir.path().join("strike.txt");
    std::fs::write(&as_txt, &md).unwrap();
    let a = load(&Input::Path(as_txt.clone()), LoadOptions::default()).unwrap();
    assert!(a.text().contains("**Port of Valmora**"));
    let options = LoadOptions {
        format: Some(Format::Markdown),
        ..LoadOptions::default()
    };
    let a = load(&Input::Path(as_txt), options).unwrap();
    assert!(!a.text().contains("**"));
}

/// Checks the invariants of a loaded article and its layout. Row widths are checked only when
/// `widths` is set: arbitrary strings hold clusters (a space with a combining mark) that the
/// layout's cluster approximation cannot fit in one column, as with plain text.
fn check_article(a: &Article, widths: bool) -> Result<(), TestCaseError> {
    let text = a.text();
    prop_assert!(text.chars().all(is_safe), "unsafe char in {text:?}");
    let mut prev_end = 0;
    for b in a.blocks() {
        prop_assert!(b.range.start >= prev_end && b.range.start <= b.range.end);
        prop_assert!(b.range.end <= text.len());
        prop_assert!(text.is_char_boundary(b.range.start) && text.is_char_boundary(b.range.end));
        prop_assert!(text[prev_end..b.range.start].chars().all(|c| c == '\n'));
        prev_end = b.range.end;
    }
    prop_assert_eq!(prev_end, text.len());
    let mut prev_end = 0;
    for s in a.spans() {
        prop_assert!(s.range.start >= prev_end && s.range.start < s.range.end);
        prop_assert!(s.range.end <= text.len());
        prop_assert!(text.is_char_boundary(s.range.start) && text.is_char_boundary(s.range.end));
        if let Some(l) = s.style.link {
            prop_assert!(l < a.links().len());
        }
        prev_end = s.range.end;
    }
    for width in [1u16, 7, 30] {
        let layout = Layout::new(a, width);
        let mut covered = a.blocks().first().map_or(0, |b| b.range.start);
        for line in layout.lines() {
            prop_assert_eq!(line.range.start, covered);
            prop_assert!(text.is_char_boundary(line.range.end));
            covered = line.range.end;
            if widths && line.kind != LineKind::Gap {
                let shown = text[line.range.clone()].trim_end();
                prop_assert!(
                    usize::from(line.indent) + shown.width() <= usize::from(width)
                        || shown.graphemes(true).count() == 1,
                    "row {shown:?} at indent {} wider than {width}",
                    line.indent
                );
            }
        }
        prop_assert_eq!(
            covered,
            prev_end.max(a.blocks().last().map_or(0, |b| b.range.end))
        );
    }
    Ok(())
}

fn parse_as(raw: &str, format: Format) -> Option<Article> {
    let options = LoadOptions {
        format: Some(format),
        ..LoadOptions::default()
    };
    Article::parse(raw, "fuzz", options).ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn markdown_never_panics_and_stays_in_bounds(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "# ", "## ", "\n", "\n\n", "- ", "* ", "1. ", "  ", "    ", "> ", "```\n", "`", "*", "**",
            "_", "[a](http://x)", "![i](p.png)", "---\n", "+++\n", "text ", "Word", "é", "红楼",
            "\t", "\u{1b}[31m", "&#27;", "&amp;", "\u{202e}", "<b>", "\\", "  \n", "|", "[ ] ",
        ]), 0..60),
        noise in "[a-z0-9é红楼 .,*#>`_()!\\[\\]\n-]{0,40}",
    ) {
        let raw = parts.concat() + &noise;
        if let Some(a) = parse_as(&raw, Format::Markdown) {
            check_article(&a, true)?;
        }
    }

    #[test]
    fn any_string_as_markdown(raw in any::<String>()) {
        if let Some(a) = parse_as(&raw, Format::Markdown) {
            check_article(&a, false)?;
        }
    }

    #[test]
    fn html_never_panics_and_stays_in_bounds(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "<p>", "</p>", "<ul>", "</ul>", "<ol start=9>", "<li>", "</li>", "<blockquote>",
            "</blockquote>", "<pre>", "</pre>", "<a href='x\u{1b}]0;t\u{7}'>", "</a>", "<em>",
            "</em>", "<b>", "<br>", "<h2>", "</h2>", "<hr>", "<script>x()</script>",
            "<div class=ad>", "<div>", "</div>", "<time datetime=2020-01-02>", "Some words, ",
            "and more text. ", "é红", "\u{1b}[2J", "&#27;[31m", "&nbsp;", "\n", "  ",
        ]), 0..80),
    ) {
        let raw = format!("<html><body><article>{}</article></body></html>", parts.concat());
        if let Some(a) = parse_as(&raw, Format::Html) {
            check_article(&a, true)?;
        }
    }

    #[test]
    fn any_string_as_html(raw in any::<String>()) {
        if let Some(a) = parse_as(&raw, Format::Html) {
            check_article(&a, false)?;
        }
    }
}

fn lectern() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("lectern").expect("binary built");
    let home = std::env::temp_dir().join("lectern-format-tests");
    cmd.env("LECTERN_DATA", home.join("data"))
        .env("LECTERN_CONFIG", home.join("no-config.toml"));
    cmd
}

/// `extract` on Markdown: quotations are found in the rendered text, with char offsets into it.
#[test]
fn extract_markdown_offsets_point_into_the_rendered_text() {
    let out = lectern()
        .arg("extract")
        .arg(fixture("harbour-strike.md"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let article = load_fixture("harbour-strike.md");
    let chars: Vec<char> = article.text().chars().collect();
    let quotes = json["quotes"].as_array().unwrap();
    assert!(quotes.len() >= 3, "{quotes:?}");
    for q in quotes {
        let (start, end) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
        let at: String = chars[start as usize..end as usize].iter().collect();
        assert_eq!(at, q["text"].as_str().unwrap());
    }
    let said = |speaker: &str, opening: &str| {
        quotes
            .iter()
            .any(|q| q["speaker"] == speaker && q["text"].as_str().unwrap().starts_with(opening))
    };
    assert!(said("Marta Okafor", "This agreement gives our members"));
    assert!(said("Lars Brandt", "We expect the backlog"));
    assert_eq!(json["date"], "2024-03-08");
    assert!(
        json["timexes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["value"] == "2024-02-12")
    );
}

#[test]
fn stdin_is_sniffed_and_format_overrides() {
    let html = std::fs::read(fixture("riverside-flood.html")).unwrap();
    let out = lectern()
        .args(["extract", "-"])
        .write_stdin(html.clone())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["title"], "River Alde bursts its banks in Thornbury");
    assert_eq!(json["date"], "2023-11-14");

    let md = std::fs::read(fixture("harbour-strike.md")).unwrap();
    let out = lectern()
        .args([
            "render", "--format", "md", "--width", "80", "--height", "3", "-",
        ])
        .write_stdin(md)
        .output()
        .unwrap();
    let screen = String::from_utf8(out.stdout).unwrap();
    assert!(
        screen.contains("Dock Workers End Three-Week Strike"),
        "{screen}"
    );
    assert!(!screen.contains("+++"));

    lectern()
        .args(["render", "--format", "pdf", "-"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "unknown format `pdf` (valid: txt, md, html)",
        ));
}

#[test]
fn a_page_without_an_article_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("menu.html");
    std::fs::write(
        &path,
        "<!doctype html><html><head><script>x()</script></head>\
         <body><nav><a href=/>Home</a></nav><footer>© 2024</footer></body></html>",
    )
    .unwrap();
    lectern()
        .arg("extract")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(format!(
            "lectern: {}: no article content found in this web page \
             (only navigation, scripts or other page furniture)\n",
            path.display()
        ));
}

/// The cp1251 War and Peace excerpt marks paragraphs by indentation, one a line: each line is
/// a paragraph of its own, and dialogue turns (lines starting with a dash) do not run together.
#[test]
fn indented_paragraphs_of_the_cp1251_war_and_peace_are_kept() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/voyna_i_mir_tom1_ru.cp1251.txt");
    let bytes = std::fs::read(&path).unwrap();
    let article =
        lectern::source::from_bytes(&bytes, "voyna.txt", lectern::source::LoadOptions::default())
            .unwrap();
    let text = article.text();
    let decoded = encoding_rs::WINDOWS_1251.decode(&bytes).0;
    // Every indented line of the file starts a block of its own.
    let indented: Vec<&str> = decoded
        .lines()
        .filter(|l| l.starts_with("     ") && !l.trim().is_empty())
        .map(str::trim)
        .collect();
    assert!(indented.len() > 5, "the fixture has indented lines");
    for line in &indented {
        assert!(
            article
                .blocks()
                .iter()
                .any(|b| text[b.range.clone()] == **line),
            "not a paragraph of its own: {line:.60}"
        );
    }
}
