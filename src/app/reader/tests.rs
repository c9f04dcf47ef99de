//! `update()` tests: feed actions, check the state.

use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::analysis::analyze;
use crate::input::Command;
use crate::source::{Input, LoadOptions, load};

fn app_with(article: Article, w: u16, h: u16) -> Reader {
    let analysis = analyze(&article);
    let mut app = Reader::new(article, analysis, Config::defaults());
    app.update(Action::Resize {
        width: w,
        height: h,
    });
    app
}

fn app_for(text: &str, w: u16, h: u16) -> Reader {
    app_with(
        Article::parse(text, "t", LoadOptions::default()).unwrap(),
        w,
        h,
    )
}

fn sample(w: u16, h: u16) -> Reader {
    app_with(load(&Input::Sample, LoadOptions::default()).unwrap(), w, h)
}

fn cmd(app: &mut Reader, c: Command) -> Vec<Effect> {
    app.update(Action::Command(c))
}

fn typed(app: &mut Reader, s: &str) {
    for c in s.chars() {
        app.update(Action::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
}

fn key(app: &mut Reader, code: KeyCode) -> Vec<Effect> {
    let action = app.key_action(KeyEvent::new(code, KeyModifiers::NONE));
    app.update(action)
}

#[test]
fn less_like_scrolling() {
    let mut app = sample(80, 24);
    let rows = app.viewport_rows();
    cmd(&mut app, Command::ScrollDown);
    assert_eq!(app.top(), 1);
    cmd(&mut app, Command::ScrollUp);
    cmd(&mut app, Command::ScrollUp);
    assert_eq!(app.top(), 0);
    cmd(&mut app, Command::PageDown);
    assert_eq!(app.top(), rows - 1);
    cmd(&mut app, Command::HalfPageUp);
    assert_eq!(app.top(), rows - 1 - rows / 2);
    cmd(&mut app, Command::Bottom);
    assert_eq!(app.top() + rows, app.layout().len());
    cmd(&mut app, Command::PageDown);
    assert_eq!(
        app.top() + rows,
        app.layout().len(),
        "never scrolls past the end"
    );
    cmd(&mut app, Command::Top);
    assert_eq!(app.top(), 0);
}

#[test]
fn cursor_stays_in_view_while_scrolling() {
    let mut app = sample(60, 12);
    for _ in 0..5 {
        cmd(&mut app, Command::PageDown);
        let row = app.layout().line_of(app.cursor());
        assert!(row >= app.top() && row < app.top() + app.viewport_rows());
    }
}

#[test]
fn resize_keeps_the_first_visible_byte_on_screen() {
    let mut app = sample(100, 30);
    for _ in 0..20 {
        cmd(&mut app, Command::ScrollDown);
    }
    let byte = app.layout().lines()[app.top()].range.start;
    for (w, h) in [(50, 20), (140, 40), (33, 9), (100, 30)] {
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        let rows = app.top()..app.top() + app.viewport_rows();
        assert!(rows.contains(&app.layout().line_of(byte)), "{w}x{h}");
    }
}

#[test]
fn search_is_incremental_smart_case_and_wraps() {
    let mut app = sample(80, 24);
    key(&mut app, KeyCode::Char('/'));
    assert!(matches!(app.mode, Mode::Searching { .. }));
    typed(&mut app, "russia");
    let insensitive = app.search.matches.len();
    assert!(insensitive > 5);
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Reading));
    let first = app.cursor();
    for _ in 0..insensitive {
        cmd(&mut app, Command::NextMatch);
    }
    assert_eq!(
        app.cursor(),
        first,
        "n cycles through every match and wraps"
    );
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("continuing at TOP")
    );
    cmd(&mut app, Command::PrevMatch);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("TOP, continuing at BOTTOM")
    );

    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "Russia’s");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.search.matches.len(), 4);
    // Matches survive a resize: they are byte ranges, not screen positions.
    app.update(Action::Resize {
        width: 41,
        height: 13,
    });
    assert_eq!(app.search.matches.len(), 4);
}

#[test]
fn escape_cancels_search_and_restores_the_view() {
    let mut app = sample(80, 24);
    cmd(&mut app, Command::ScrollDown);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "cybersecurity");
    assert!(app.top() > 1);
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode, Mode::Reading));
    assert_eq!(app.top(), 1);
    assert!(app.search.matches.is_empty());
}

#[test]
fn not_found_says_so() {
    let mut app = sample(80, 24);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "zebra");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.message.as_deref(), Some("pattern not found: zebra"));
}

#[test]
fn help_opens_and_any_key_closes() {
    let mut app = sample(80, 24);
    key(&mut app, KeyCode::Char('?'));
    assert!(matches!(app.mode, Mode::Help { .. }));
    key(&mut app, KeyCode::Char('j'));
    assert!(matches!(&app.mode, Mode::Help(help) if help.scroll() == 1));
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode, Mode::Reading));
}

#[test]
fn quit_returns_the_quit_effect() {
    let mut app = sample(80, 24);
    assert_eq!(key(&mut app, KeyCode::Char('q')), vec![Effect::Quit]);
    assert!(app.should_quit());
}

#[test]
fn panel_toggles_and_focus_moves() {
    let mut app = sample(120, 30);
    let full = app.layout().width();
    cmd(&mut app, Command::TimelinePanel);
    assert!(app.panel.open);
    assert_eq!(app.panel.tab, Tab::Timeline);
    assert_eq!(app.focus, Focus::Panel);
    assert!(
        app.layout().width() < full,
        "the reader re-wraps beside the panel"
    );
    cmd(&mut app, Command::FocusNext);
    assert_eq!(app.focus, Focus::Reader);
    cmd(&mut app, Command::TogglePanel);
    assert!(!app.panel.open);
    assert_eq!(app.layout().width(), full);
}

#[test]
fn escape_leaves_modes_one_at_a_time() {
    let mut app = sample(120, 30);
    cmd(&mut app, Command::QuotesPanel);
    cmd(&mut app, Command::Visual);
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode, Mode::Reading));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Focus::Reader);
    key(&mut app, KeyCode::Esc);
    assert!(!app.panel.open);
}

#[test]
fn select_sentence_and_highlight() {
    let mut app = app_for("T\n\nFirst one here. Second one there.", 80, 24);
    cmd(&mut app, Command::SentenceForward);
    cmd(&mut app, Command::SentenceForward);
    cmd(&mut app, Command::SelectSentence);
    let sel = app.selection().expect("selecting");
    assert_eq!(&app.article.text()[sel.clone()], "Second one there.");
    let effects = cmd(&mut app, Command::Highlight);
    assert_eq!(
        effects,
        vec![Effect::AddNote {
            range: sel,
            label: "yellow".into(),
            body: String::new()
        }]
    );
    assert!(matches!(app.mode, Mode::Reading));
}

#[test]
fn highlight_without_selection_takes_the_sentence_under_the_cursor() {
    let mut app = app_for("T\n\nFirst one here. Second one there.", 80, 24);
    cmd(&mut app, Command::WordForward);
    cmd(&mut app, Command::WordForward);
    let effects = cmd(&mut app, Command::Highlight);
    let Some(Effect::AddNote { range, .. }) = effects.first() else {
        panic!("no note added: {effects:?}")
    };
    assert_eq!(&app.article.text()[range.clone()], "First one here.");
}

#[test]
fn note_editor_saves_and_asks_before_discarding() {
    let mut app = app_for("T\n\nFirst one here. Second one there.", 80, 24);
    cmd(&mut app, Command::SentenceForward);
    cmd(&mut app, Command::Annotate);
    assert!(matches!(app.mode, Mode::EditingNote(_)));
    typed(&mut app, "check this");
    key(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.mode, Mode::EditingNote(_)),
        "first Esc only asks"
    );
    typed(&mut app, "!");
    let save = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    let effects = app.update(Action::Key(save));
    let Some(Effect::AddNote { body, .. }) = effects.first() else {
        panic!("not saved: {effects:?}")
    };
    assert_eq!(body, "check this!");
    assert!(matches!(app.mode, Mode::Reading));

    cmd(&mut app, Command::Annotate);
    typed(&mut app, "x");
    key(&mut app, KeyCode::Esc);
    let effects = key(&mut app, KeyCode::Esc);
    assert!(effects.is_empty());
    assert!(matches!(app.mode, Mode::Reading), "second Esc discards");
}

#[test]
fn read_only_notes_refuse_changes_with_a_message() {
    let mut app = app_for("T\n\nFirst one here.", 80, 24);
    app.notes_read_only = Some("notes file is corrupt".into());
    assert!(cmd(&mut app, Command::Highlight).is_empty());
    assert!(app.message.as_deref().unwrap_or("").contains("read-only"));
}

#[test]
fn visual_mode_extends_by_words() {
    let mut app = app_for("T\n\nalpha beta gamma delta", 80, 24);
    cmd(&mut app, Command::ParagraphForward);
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('w'));
    key(&mut app, KeyCode::Char('w'));
    let sel = app.selection().unwrap();
    assert_eq!(&app.article.text()[sel], "alpha beta gamma");
    key(&mut app, KeyCode::Char('b'));
    let sel = app.selection().unwrap();
    assert_eq!(&app.article.text()[sel], "alpha beta");
}

fn any_command() -> impl Strategy<Value = Command> {
    (0..Command::ALL.len()).prop_map(|i| Command::ALL[i])
}

fn any_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        4 => any_command().prop_map(Action::Command),
        1 => (0u16..300, 0u16..100).prop_map(|(width, height)| Action::Resize { width, height }),
        1 => proptest::char::range(' ', '~').prop_map(|c| Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))),
        1 => Just(Action::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE))),
        1 => Just(Action::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Random action sequences at random sizes never panic, and the view stays consistent.
    #[test]
    fn random_actions_keep_invariants(actions in proptest::collection::vec(any_action(), 1..60)) {
        let mut app = sample(80, 24);
        for a in actions {
            app.update(a);
            let len = app.article.text().len();
            prop_assert!(app.cursor() <= len);
            prop_assert!(app.top() < app.layout().len().max(1));
            if let Some(sel) = app.selection() {
                prop_assert!(sel.start <= sel.end && sel.end <= len);
            }
            if app.viewport_rows() > 0 {
                let row = app.layout().line_of(app.cursor());
                prop_assert!(row >= app.top() && row < app.top() + app.viewport_rows(),
                    "cursor row {} outside {}..+{}", row, app.top(), app.viewport_rows());
            }
            let (w, h) = app.size();
            let _ = crate::ui::render_to_string(&app, w, h);
        }
    }
}

#[test]
fn a_text_in_another_language_says_its_dates_are_not_analysed() {
    let mut app = app_for(
        "Князь Андрей смотрел на высокое небо и думал о том, что всё пустое, всё обман.\n\n\
         Тогда тысяча русских солдат перешли реку рано утром и вошли в город.",
        80,
        20,
    );
    assert_eq!(app.message(), Some("dates not analysed: Russian text"));
    // Said once: the next command clears it.
    cmd(&mut app, Command::ScrollDown);
    assert_eq!(app.message(), None);
    // English says nothing.
    let app = app_for("The vote was held on Friday.", 80, 20);
    assert_eq!(app.message(), None);
}
