//! Snapshot tests of whole screens, drawn on ratatui's `TestBackend` exactly as the terminal
//! would show them (as text: colours are checked in the unit tests of `ui`).

use lectern::analysis::analyze;
use lectern::app::{Action, Command, Reader};
use lectern::config::Config;
use lectern::source::{Input, LoadOptions, from_bytes, load};

/// One frame of `app` at `width`×`height` as text, the app sized to it first as the runtime
/// sizes it to the terminal.
fn render_to_string(app: &mut Reader, width: u16, height: u16) -> String {
    app.update(Action::Resize { width, height });
    lectern::ui::render_to_string(app, width, height)
}

fn app(article: lectern::source::Article) -> Reader {
    let analysis = analyze(&article);
    Reader::new(article, analysis, Config::defaults())
}

fn sample() -> Reader {
    app(load(&Input::Sample, LoadOptions::default()).expect("sample loads"))
}

#[test]
fn sample_80x24() {
    insta::assert_snapshot!(render_to_string(&mut sample(), 80, 24));
}

#[test]
fn sample_40x12() {
    insta::assert_snapshot!(render_to_string(&mut sample(), 40, 12));
}

#[test]
fn sample_scrolled_to_the_end_80x24() {
    let mut app = sample();
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app.update(Action::Command(Command::Bottom));
    insta::assert_snapshot!(render_to_string(&mut app, 80, 24));
}

#[test]
fn help_overlay_80x24() {
    let mut app = sample();
    app.update(Action::Command(Command::Help));
    insta::assert_snapshot!(render_to_string(&mut app, 80, 24));
}

/// Wide characters take two columns and are never split at the edge.
#[test]
fn chinese_40x12() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hongloumeng_zh.txt"
    );
    let bytes = std::fs::read(path).expect("the fixture is in the checkout");
    let cut = bytes.len().min(3000);
    let start = String::from_utf8_lossy(&bytes[..cut])
        .trim_end_matches('\u{fffd}')
        .to_string();
    let article = from_bytes(
        start.as_bytes(),
        "hongloumeng_zh.txt",
        LoadOptions::default(),
    )
    .unwrap();
    insta::assert_snapshot!(render_to_string(&mut app(article), 40, 12));
}

/// Every size from nothing to very large draws without panicking.
#[test]
fn every_size_draws() {
    let mut app = sample();
    for (w, h) in [
        (0, 0),
        (1, 1),
        (0, 5),
        (5, 0),
        (2, 2),
        (3, 1),
        (10, 3),
        (300, 100),
        (300, 1),
        (1, 100),
    ] {
        for tab in [
            Command::QuotesPanel,
            Command::TimelinePanel,
            Command::NotesPanel,
            Command::Help,
        ] {
            app.update(Action::Command(tab));
            let screen = render_to_string(&mut app, w, h);
            assert_eq!(screen.lines().count(), usize::from(h));
            app.update(Action::Command(Command::Cancel));
        }
    }
}

fn fixture(name: &str) -> Reader {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    app(load(&Input::Path(path), LoadOptions::default()).expect("fixture loads"))
}

/// Headings, emphasis, nested lists with hanging markers.
#[test]
fn markdown_80x24() {
    insta::assert_snapshot!(render_to_string(&mut fixture("harbour-strike.md"), 80, 24));
}

/// The block quote's bars, the numbered list and the centred rule.
#[test]
fn markdown_end_80x24() {
    let mut app = fixture("harbour-strike.md");
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app.update(Action::Command(Command::Bottom));
    insta::assert_snapshot!(render_to_string(&mut app, 80, 24));
}

/// Only the article of a saved page: no navigation, ads, byline line or footer.
#[test]
fn web_page_80x24() {
    insta::assert_snapshot!(render_to_string(
        &mut fixture("riverside-flood.html"),
        80,
        24
    ));
}

#[test]
fn a_wide_pane_keeps_lines_to_the_reading_width_and_centres_them() {
    let screen = render_to_string(&mut sample(), 180, 20);
    let rows: Vec<&str> = screen
        .lines()
        .take(19)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(rows.len() > 10, "{screen}");
    // 177 text columns: 100 of them centred, so text starts near column 38 and ends by 140.
    for row in &rows {
        let start = row.len() - row.trim_start().len();
        assert!((36..=40).contains(&start), "{start}: {row}");
        assert!(row.chars().count() <= 40 + 100, "{row}");
    }
    let mut config = Config::defaults();
    config.max_text_width = 0;
    let article = load(&Input::Sample, LoadOptions::default()).expect("sample loads");
    let analysis = analyze(&article);
    let mut wide = Reader::new(article, analysis, config);
    let screen = render_to_string(&mut wide, 180, 20);
    assert!(screen.lines().any(|l| l.chars().count() > 150), "{screen}");
}

/// Ten incidents in spring 2016 and one in the 1st century.
const ROMAN_COINS: &str = "+++
title = \"Roman coins on show\"
date = 2016-04-21
+++

The coins were struck in the 1st century. The museum bought them on April 4. Experts examined \
them on April 5. The board approved the show on April 6. Posters went up on April 8. Tickets \
went on sale on April 11. Schools booked visits on April 12. The catalogue was printed on \
April 13. The press saw the coins on April 14. The show opened on April 15. It closes on May 30.
";

fn roman_coins() -> Reader {
    app(from_bytes(ROMAN_COINS.as_bytes(), "coins.txt", LoadOptions::default()).unwrap())
}

/// The strip spans the spring, the 1st century counted at its left edge; `z` shows it all.
#[test]
fn timeline_strip_with_a_century_100x30() {
    let mut app = roman_coins();
    app.update(Action::Command(Command::TimelinePanel));
    insta::assert_snapshot!("timeline_most_100x30", render_to_string(&mut app, 100, 30));
    app.update(Action::Command(Command::TimelineZoom));
    insta::assert_snapshot!("timeline_all_100x30", render_to_string(&mut app, 100, 30));
}

/// At 40 columns the panel goes under the reader and the strip still fits.
#[test]
fn timeline_strip_with_a_century_40x30() {
    let mut app = roman_coins();
    app.update(Action::Command(Command::TimelinePanel));
    insta::assert_snapshot!("timeline_most_40x30", render_to_string(&mut app, 40, 30));
}

/// The sample's timeline tab at the two sizes the issue names: at 100×30 the full strip, at
/// 60×20 (panel under the reader, five rows) the one-line strip over the list. Each row is
/// the clause its date belongs to, in the one label style.
#[test]
fn sample_timeline_100x30_and_60x20() {
    let mut app = sample();
    app.update(Action::Command(Command::TimelinePanel));
    let wide = render_to_string(&mut app, 100, 30);
    assert!(wide.contains("established in 2002"), "{wide}");
    insta::assert_snapshot!("sample_timeline_100x30", wide);
    let narrow = render_to_string(&mut app, 60, 20);
    let strip = narrow
        .lines()
        .find(|l| l.contains("│2002 ") && l.ends_with(" 2016│"))
        .unwrap_or_else(|| panic!("a one-line strip from 2002 to 2016:\n{narrow}"));
    assert!(strip.contains('●'), "{strip}");
    insta::assert_snapshot!("sample_timeline_60x20", narrow);
}
