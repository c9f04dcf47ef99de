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

/// The sample with `NO_COLOR`: whatever shows must show without colour.
fn sample_no_colour() -> Reader {
    let article = load(&Input::Sample, LoadOptions::default()).expect("sample loads");
    let analysis = analyze(&article);
    let mut config = Config::defaults();
    config.theme.colour = false;
    Reader::new(article, analysis, config)
}

/// The status bar names the pane the keys go to, and the focused panel is marked by a glyph
/// (not only by its border's colour).
#[test]
fn the_focused_pane_is_named_and_marked_without_colour() {
    let mut app = sample_no_colour();
    for (w, h) in [(120, 35), (60, 20)] {
        for (key, label) in [
            (Command::QuotesPanel, "QUOTES"),
            (Command::TimelinePanel, "TIMELINE"),
            (Command::NotesPanel, "NOTES"),
        ] {
            app.update(Action::Command(key));
            let screen = render_to_string(&mut app, w, h);
            let status = screen.lines().last().unwrap();
            assert!(
                status.starts_with(&format!(" {label} ")),
                "{w}×{h}: {status}"
            );
            assert!(screen.contains('▶'), "{w}×{h}: panel not marked\n{screen}");
            // Back to the reader: the mark goes, the label says so.
            app.update(Action::Command(Command::FocusNext));
            let screen = render_to_string(&mut app, w, h);
            assert!(screen.lines().last().unwrap().starts_with(" READING "));
            assert!(!screen.contains('▶'), "{w}×{h}:\n{screen}");
        }
        app.update(Action::Command(Command::TogglePanel));
    }
}

/// The status bar fits every width: at 20 to 120 columns, with a long title, a speaker with a
/// long name at the top of the view, and the encoding warning's `⚠`, the bar ends with a whole
/// right part (never `? hel`), the mode shows whole, and the speaker is labelled.
#[test]
fn the_status_bar_never_overflows() {
    let text = "Storm Ophelia batters the entire western seaboard for a third consecutive night \
                while the caf\u{e9}s stay open\n\n\
                \u{201c}We have never seen anything like it in forty years of keeping records,\
                \u{201d} said Maximilian Alexander Fitzgerald-Worthington, the harbourmaster.\n";
    // Latin-1 bytes: opened with a warning about the encoding.
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'"'))
        .collect();
    let article = from_bytes(
        &bytes,
        "a-very-long-file-name-about-the-storm-that-hit-the-coast.txt",
        LoadOptions::default(),
    )
    .unwrap();
    assert!(!article.warnings().is_empty(), "decoded with a warning");
    let mut app = app(article);
    // The warning is said once as a message; the next key leaves the `⚠`.
    app.update(Action::Command(Command::ScrollDown));
    for width in 20..=120u16 {
        let screen = render_to_string(&mut app, width, 8);
        let status = screen.lines().last().unwrap();
        let columns = unicode_width::UnicodeWidthStr::width(status);
        assert!(columns <= usize::from(width), "{width}: {status}");
        assert!(status.starts_with(" READING "), "{width}: {status}");
        assert!(
            status.ends_with("? help") || status.ends_with('%'),
            "{width}: the right part is cut: {status:?}"
        );
        if width >= 60 {
            assert!(status.contains("quote: "), "{width}: {status}");
            assert!(status.contains('⚠'), "{width}: {status}");
        }
        if width >= 100 {
            assert!(
                status.contains("1 quotes  2 timeline  3 notes  ? help"),
                "{width}: {status}"
            );
        }
    }
}

/// Help at 60×20: taller than the screen, so it says "more below" and scrolls a page at a
/// time with space to the end; every key's whole description is on one of its pages (wrapped,
/// not cut), and `g` goes back to the top.
#[test]
fn help_scrolls_and_wraps_at_60x20() {
    let mut app = sample();
    render_to_string(&mut app, 60, 20);
    app.update(Action::Command(Command::Help));
    let first = render_to_string(&mut app, 60, 20);
    insta::assert_snapshot!("help_overlay_60x20", first);
    assert!(first.contains("more below"), "{first}");
    let mut seen = String::new();
    let mut screen = first.clone();
    for _ in 0..20 {
        seen.push_str(&screen);
        if !screen.contains("more below") {
            break;
        }
        app.update(Action::Command(Command::PageDown));
        screen = render_to_string(&mut app, 60, 20);
    }
    assert!(!screen.contains("more below"), "space reaches the end");
    // The help's words, without the border and the overlay's indents.
    let words: Vec<&str> = seen
        .lines()
        .flat_map(|l| l.split('│').nth(1).unwrap_or("").split_whitespace())
        .collect();
    let words = words.join(" ");
    let keymap = Config::defaults().keymap;
    for (c, _) in keymap.bindings(lectern::input::KeyMode::Normal) {
        assert!(
            words.contains(c.description()),
            "{:?}: {:?} not shown whole",
            c,
            c.description()
        );
    }
    app.update(Action::Command(Command::Top));
    assert_eq!(render_to_string(&mut app, 60, 20), first);
    app.update(Action::Command(Command::Bottom));
    let end = render_to_string(&mut app, 60, 20);
    assert!(end.contains("double-click"), "{end}");
    app.update(Action::Command(Command::ScrollUp));
    assert_ne!(
        render_to_string(&mut app, 60, 20),
        end,
        "k right after G scrolls"
    );
}

/// The note editor never covers the passage it annotates: below a passage in the upper part of
/// the view, above one in the lower part.
#[test]
fn the_note_editor_leaves_the_passage_readable() {
    for (w, h) in [(80, 24), (60, 20), (120, 35)] {
        for lower in [false, true] {
            let mut app = sample();
            render_to_string(&mut app, w, h);
            app.update(Action::Command(Command::SentenceForward));
            if lower {
                let rows = usize::from(h) - 1;
                while app.layout().line_of(app.cursor()) - app.top() < rows * 2 / 3 {
                    app.update(Action::Command(Command::SentenceForward));
                }
            }
            app.update(Action::Command(Command::Annotate));
            let screen = render_to_string(&mut app, w, h);
            assert!(
                screen.contains("ctrl-s save"),
                "{w}×{h}: no editor\n{screen}"
            );
            // Every row of the sentence is on screen, uncovered.
            let sentence = app
                .analysis()
                .sentences
                .iter()
                .find(|s| s.contains(&app.cursor()))
                .unwrap()
                .clone();
            let first = app.layout().line_of(sentence.start);
            let last = app.layout().line_of(sentence.end - 1);
            let text = app.article().text();
            for row in first..=last {
                let line = &app.layout().lines()[row];
                let shown = text[line.range.clone()].trim();
                let y = row - app.top();
                let on_screen = screen.lines().nth(y).unwrap();
                assert!(
                    on_screen.contains(shown),
                    "{w}×{h} lower={lower}: row {y} covered: {on_screen:?} lacks {shown:?}\n{screen}"
                );
            }
        }
    }
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

/// The note editor's save key comes from `[keys.editor]`: remapped, the new key saves, the old
/// one is text, and the editor's hint and the help name the new key; with the defaults,
/// `ctrl-s` and `alt-enter` save.
#[test]
fn the_note_editors_save_key_is_remappable() {
    use lectern::app::Effect;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let alt_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT);
    let press = |app: &mut Reader, key: KeyEvent| {
        let action = app.key_action(key);
        app.update(action)
    };
    let saved = |effects: &[Effect]| {
        effects
            .iter()
            .any(|e| matches!(e, Effect::AddNote { body, .. } if body == "x"))
    };
    let open_editor = |config: Config| {
        let article = load(&Input::Sample, LoadOptions::default()).unwrap();
        let analysis = analyze(&article);
        let mut app = Reader::new(article, analysis, config);
        render_to_string(&mut app, 60, 20);
        app.update(Action::Command(Command::SentenceForward));
        app.update(Action::Command(Command::Annotate));
        press(&mut app, KeyEvent::from(KeyCode::Char('x')));
        app
    };

    let mut config = Config::defaults();
    config
        .merge(
            "[keys.editor]\nsave_note = [\"ctrl-w\"]\ncancel = [\"f2\"]\n",
            "mine.toml",
        )
        .unwrap();
    let mut app = open_editor(config.clone());
    let screen = render_to_string(&mut app, 60, 20);
    assert!(screen.contains("ctrl-w save · f2 cancel"), "{screen}");
    assert!(
        !saved(&press(&mut app, ctrl('s'))),
        "ctrl-s is no longer save"
    );
    assert!(!saved(&press(&mut app, alt_enter)));
    assert!(!saved(&press(&mut app, KeyEvent::from(KeyCode::Esc))));
    assert!(
        render_to_string(&mut app, 60, 20).contains("ctrl-w save"),
        "esc no longer closes the editor"
    );
    // Whatever ctrl-s, alt-enter and esc did to the text, the new key saves it.
    let effects = press(&mut app, ctrl('w'));
    assert!(
        effects.iter().any(|e| matches!(e, Effect::AddNote { .. })),
        "{effects:?}"
    );
    let help = lectern::app::help::rows(&config.keymap, lectern::app::help::READER);
    let editor = help
        .iter()
        .find(|(title, _)| title.starts_with("Note editor"))
        .expect("help has the editor's keys");
    assert!(
        editor
            .1
            .iter()
            .any(|(keys, what)| keys == "ctrl-w" && what.contains("save")),
        "{editor:?}"
    );

    for key in [ctrl('s'), alt_enter] {
        let mut app = open_editor(Config::defaults());
        assert!(saved(&press(&mut app, key)), "{key:?} saves by default");
    }
}

/// A malformed or misplaced binding in the prompts' tables is the usual clear config error.
#[test]
fn a_bad_prompt_binding_is_a_config_error() {
    let e = Config::defaults()
        .merge("[keys.editor]\nsave_note = [\"ctrl-sss\"]\n", "mine.toml")
        .unwrap_err();
    assert_eq!(e.line, Some(2));
    assert!(e.to_string().contains("unknown key `ctrl-sss`"), "{e}");
    let e = Config::defaults()
        .merge("[keys.prompt]\nquit = [\"q\"]\n", "mine.toml")
        .unwrap_err();
    assert!(
        e.to_string().contains(
            "`quit` is not an action of [keys.prompt] (valid there: cancel, accept, clear_input"
        ),
        "{e}"
    );
    let e = Config::defaults()
        .merge("[keys.normal]\nsave_note = [\"x\"]\n", "mine.toml")
        .unwrap_err();
    assert!(
        e.to_string().contains("not an action of [keys.normal]"),
        "{e}"
    );
}

/// A long note on the passage under the cursor: the status bar shows as much of it as fits
/// (more at 120 columns than at 60, never cut at a fixed count), ends it with `…` and says
/// `enter` shows it all; `enter` opens it whole. A short one is shown plainly.
#[test]
fn a_long_note_fills_the_status_bar_and_enter_shows_all_of_it() {
    use lectern::notes::Note;
    let body = "check NATO's 2016 posture figures against the alliance's own report, \
                and ask the ministry why the Baltic Sea incidents are dated to the past week \
                when the talks were in April";
    let mut shown = Vec::new();
    for (w, h) in [(60, 20), (120, 35)] {
        let mut app = sample();
        render_to_string(&mut app, w, h);
        app.update(Action::Command(Command::SentenceForward));
        let sentence = app
            .analysis()
            .sentences
            .iter()
            .find(|s| s.contains(&app.cursor()))
            .unwrap()
            .clone();
        let note = Note::new("n1".into(), "yellow", body, app.article().text(), sentence);
        app.update(Action::NotesChanged(vec![note]));
        let screen = render_to_string(&mut app, w, h);
        let bar = screen.lines().last().unwrap().to_string();
        assert!(
            bar.contains("note (enter: all): check NATO's"),
            "{w}×{h}: {bar}"
        );
        assert!(bar.contains('…'), "{w}×{h}: cut with …: {bar}");
        assert!(
            unicode_width::UnicodeWidthStr::width(bar.as_str()) <= usize::from(w),
            "{bar}"
        );
        shown.push(bar.split("(enter: all): ").nth(1).unwrap().chars().count());
        // Enter: the whole note, wrapped in its editor (whose status bar no longer offers it).
        app.update(Action::Command(Command::Activate));
        let screen = render_to_string(&mut app, w, h);
        assert!(
            !screen.lines().last().unwrap().contains("note ("),
            "{w}×{h}: {screen}"
        );
        let words: Vec<&str> = screen
            .lines()
            .flat_map(|l| l.split('│').nth(1).unwrap_or("").split_whitespace())
            .collect();
        assert!(
            words.join(" ").contains(body),
            "{w}×{h}: enter shows the whole note\n{screen}"
        );
    }
    assert!(
        shown[0] >= 20 && shown[1] > shown[0] && shown[1] > 60,
        "the wider bar shows more: {shown:?}"
    );

    let mut app = sample();
    render_to_string(&mut app, 60, 20);
    app.update(Action::Command(Command::SentenceForward));
    let s = app
        .analysis()
        .sentences
        .iter()
        .find(|s| s.contains(&app.cursor()))
        .unwrap()
        .clone();
    let note = Note::new("n1".into(), "yellow", "check", app.article().text(), s);
    app.update(Action::NotesChanged(vec![note]));
    let screen = render_to_string(&mut app, 60, 20);
    let bar = screen.lines().last().unwrap();
    assert!(bar.contains("note: check ") && !bar.contains('…'), "{bar}");
}

/// The quotes panel lists the unnamed sources under one heading after the named speakers,
/// each quotation saying which source it is, never merged into the named person; `enter` on
/// the heading folds it and again unfolds it. At 120×35 (panel beside) and 60×20 (under).
#[test]
fn the_quotes_panel_groups_the_unnamed_sources() {
    use lectern::app::reader::{PanelRow, panel::quote_rows};
    for (w, h) in [(120, 35), (60, 20)] {
        let mut app = fixture("talks.txt");
        render_to_string(&mut app, w, h);
        app.update(Action::Command(Command::QuotesPanel));
        let screen = render_to_string(&mut app, w, h);
        insta::assert_snapshot!(format!("quotes_panel_unnamed_{w}x{h}"), screen);
        let rows: Vec<&str> = screen.lines().collect();
        let find = |what: &str| {
            rows.iter()
                .position(|l| l.contains(what))
                .unwrap_or_else(|| panic!("{w}×{h}: no {what:?}\n{screen}"))
        };
        let roe = find("Ann Roe (2)");
        let group = find("▾ unnamed sources (3)");
        assert!(roe < group, "named speakers first\n{screen}");
        let official = find("senior official: «");
        assert!(official == group + 1, "{screen}");
        if h >= 35 {
            // The narrow panel under the reader shows five rows: these are below it.
            assert!(rows[group + 2].contains("people familiar"), "{screen}");
            assert!(rows[group + 3].contains("diplomat: «"), "{screen}");
        }

        // Select the heading and fold it: its quotations go, the count stays.
        for _ in 0..20 {
            let rows = quote_rows(app.analysis(), &app.panel().collapsed);
            if matches!(rows.get(app.panel().quotes), Some(PanelRow::Group(_))) {
                break;
            }
            app.update(Action::Command(Command::ScrollDown));
        }
        app.update(Action::Command(Command::Activate));
        let folded = render_to_string(&mut app, w, h);
        assert!(folded.contains("▸ unnamed sources (3)"), "{folded}");
        assert!(!folded.contains("senior official: «"), "{folded}");
        app.update(Action::Command(Command::Activate));
        let open = render_to_string(&mut app, w, h);
        assert!(open.contains("senior official: «"), "{open}");
    }
}

/// The changes pane over a page that a refresh found edited: its title whole at both sizes
/// (the narrow one used to cut it), the report wrapped under its markers.
#[test]
fn changes_pane_120x35_and_60x20() {
    let article = from_bytes(
        b"<html><head><title>Council vote</title></head><body><article><h1>Council vote</h1>\
          <p>The council will vote on the budget on March 4, 2024, the mayor said.</p>\
          <p>\"We have the numbers,\" said Ana Ruiz, the council leader.</p></article></body></html>",
        "http://127.0.0.1/vote",
        LoadOptions::default(),
    )
    .expect("the page loads");
    let report = vec![
        "Quotations (1)".to_string(),
        "~ wording changed: \u{201c}We have the numbers, and the will\u{201d}".to_string(),
        "    was \u{201c}We have the numbers\u{201d}".to_string(),
        "    said by Ana Ruiz".to_string(),
        "Dates (1)".to_string(),
        "~ \u{201c}March 4, 2024\u{201d} (2024-03-04) \u{2192} \u{201c}March 11, 2024\u{201d} (2024-03-11)"
            .to_string(),
    ];
    for (width, height) in [(120, 35), (60, 20), (50, 16), (30, 10)] {
        let mut reader = app(article.clone());
        reader.update(Action::ChangeReport(report.clone()));
        reader.update(Action::Resize { width, height });
        reader.update(Action::Command(Command::Changes));
        let screen = render_to_string(&mut reader, width, height);
        let title_row = screen
            .lines()
            .find(|l| l.contains("Changes"))
            .expect("the pane has a title");
        assert!(
            title_row.contains("esc closes \u{2500}"),
            "the title is cut at {width}x{height}: {title_row}"
        );
        if width >= 60 {
            insta::assert_snapshot!(format!("changes_pane_{width}x{height}"), screen);
        }
    }
}
