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

/// `t` and `]` count from the text's position even with the focus in the panel, where `G`
/// moved the panel's selection (and the text along with it).
#[test]
fn incident_and_quote_keys_count_from_the_text_wherever_the_focus_is() {
    let mut app = sample(120, 35);
    let timeline = app.analysis().timeline.clone();
    assert!(timeline.len() > 2, "the sample has a timeline");
    let timexes = app.analysis().timexes.clone();
    let date_at = |i: usize| timexes[timeline[i].timex].range.start;
    let mut in_text: Vec<usize> = (0..timeline.len()).map(date_at).collect();
    in_text.sort_unstable();
    cmd(&mut app, Command::TimelinePanel);
    // The first key on a timeline with nothing selected selects its first incident.
    cmd(&mut app, Command::Bottom);
    cmd(&mut app, Command::Bottom);
    assert_eq!(app.focus, Focus::Panel);
    let here = app.cursor();
    assert_eq!(
        here,
        date_at(timeline.len() - 1),
        "the panel moved the text"
    );
    cmd(&mut app, Command::NextIncident);
    let expected = in_text
        .iter()
        .copied()
        .find(|&p| p > here)
        .unwrap_or(in_text[0]);
    assert_eq!(app.cursor(), expected, "{:?}", app.message());
    cmd(&mut app, Command::PrevIncident);
    assert_eq!(app.cursor(), here);
    // `]` from there: the first quotation after the cursor, not one counted from the panel.
    cmd(&mut app, Command::NextQuote);
    let quotes = &app.analysis().quotes.quotes;
    let first_after = quotes
        .iter()
        .filter(|q| q.kind == crate::analysis::quotes::QuoteKind::Speech)
        .map(|q| q.range.start)
        .find(|&s| s > here);
    if let Some(s) = first_after {
        assert_eq!(app.cursor(), s);
    }
}

/// `/Natasha` finds `Natásha` (search ignores diacritics unless the query has one), and the
/// match is the whole accented word.
#[test]
fn search_ignores_diacritics_unless_the_query_has_one() {
    let mut app = app_for("T\n\nNatásha laughed. Natasha ran. Natásha sang.", 80, 24);
    cmd(&mut app, Command::Search);
    typed(&mut app, "Natasha");
    key(&mut app, KeyCode::Enter);
    let text = app.article.text();
    let found: Vec<&str> = app
        .search
        .matches
        .iter()
        .map(|r| &text[r.clone()])
        .collect();
    assert_eq!(found, ["Natásha", "Natasha", "Natásha"]);
    assert_eq!(app.message(), Some("3 matches for Natasha"));
    cmd(&mut app, Command::Search);
    typed(&mut app, "laughed");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.message(), Some("1 match for laughed"), "singular");
    cmd(&mut app, Command::Search);
    typed(&mut app, "Natásha");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.search.matches.len(),
        2,
        "exact when the query has an accent"
    );
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

/// What the store reports back after an `AddNote`: the note, found on its passage.
fn stored(app: &mut Reader, effects: &[Effect]) -> String {
    let Some(Effect::AddNote { range, label, body }) = effects.first() else {
        panic!("no note added: {effects:?}")
    };
    let id = format!("n{}", app.notes().len());
    let note = Note::new(id.clone(), label, body, app.article.text(), range.clone());
    let mut notes = app.notes().to_vec();
    notes.push(note);
    app.update(Action::NotesChanged(notes));
    id
}

/// `h` then `a` on the same sentence makes one note: `a` writes the highlight's note; `h`
/// again adds nothing. The note's text shows in the status bar with the cursor on its
/// passage, and `enter` opens it whole.
#[test]
fn a_on_a_highlight_writes_its_note_and_the_note_shows() {
    let mut app = app_for("T\n\nFirst one here. Second one there.", 80, 24);
    cmd(&mut app, Command::SentenceForward);
    let effects = cmd(&mut app, Command::Highlight);
    let id = stored(&mut app, &effects);
    assert!(
        cmd(&mut app, Command::Highlight).is_empty(),
        "h again adds nothing"
    );
    cmd(&mut app, Command::Annotate);
    let Mode::EditingNote(editor) = &app.mode else {
        panic!("no editor: {:?}", app.mode)
    };
    assert_eq!(editor.target(), &NoteTarget::Existing(id.clone()));
    typed(&mut app, "check the figures");
    let save = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    let effects = app.update(Action::Key(save));
    assert_eq!(
        effects,
        vec![Effect::EditNote {
            id: id.clone(),
            body: "check the figures".into()
        }]
    );
    // The same with the sentence selected first.
    cmd(&mut app, Command::SelectSentence);
    cmd(&mut app, Command::Annotate);
    assert!(
        matches!(&app.mode, Mode::EditingNote(e) if e.target() == &NoteTarget::Existing(id.clone()))
    );
    key(&mut app, KeyCode::Esc);

    // The store reports the body: it shows while the cursor is on the passage.
    let mut notes = app.notes().to_vec();
    notes[0].body = "check the figures".into();
    app.update(Action::NotesChanged(notes));
    cmd(&mut app, Command::Top);
    cmd(&mut app, Command::SentenceForward);
    let screen = crate::ui::render_to_string(&app, 80, 24);
    assert!(
        screen
            .lines()
            .last()
            .unwrap()
            .contains("note: check the figures"),
        "{screen}"
    );
    cmd(&mut app, Command::SentenceForward);
    let screen = crate::ui::render_to_string(&app, 80, 24);
    assert!(!screen.contains("note: check"), "not off the passage");
    cmd(&mut app, Command::SentenceBack);
    cmd(&mut app, Command::Activate);
    assert!(
        matches!(&app.mode, Mode::EditingNote(e) if e.target() == &NoteTarget::Existing(id.clone())),
        "enter opens the note"
    );
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

/// With nothing to show, `changes` names the key that refreshes as bound, and no key when
/// refresh is unbound.
#[test]
fn no_changes_names_the_refresh_key_as_bound() {
    let mut app = app_for("Title\n\nSome text.", 80, 20);
    cmd(&mut app, Command::Changes);
    assert_eq!(
        app.message(),
        Some("no changes to show: r fetches the page again")
    );
    let key = |k: &str| k.parse::<crate::input::KeyCombo>().unwrap();
    app.config.keymap.bind(
        KeyMode::Normal,
        Command::Refresh,
        &[key("ctrl-r"), key("R")],
    );
    cmd(&mut app, Command::Changes);
    assert_eq!(
        app.message(),
        Some("no changes to show: ctrl-r fetches the page again")
    );
    app.config
        .keymap
        .bind(KeyMode::Normal, Command::Refresh, &[]);
    cmd(&mut app, Command::Changes);
    assert_eq!(app.message(), Some("no changes to show"));
}

/// Behind a warning on how the file was read (a guessed encoding), the notice that dates went
/// unread waits for the next key instead of sharing the line, where a narrow bar cut it off.
#[test]
fn unread_dates_are_told_after_an_encoding_warning() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/voyna_i_mir_tom1_ru.cp1251.txt");
    let article = load(&Input::Path(path), LoadOptions::default()).unwrap();
    let mut app = app_with(article, 60, 20);
    let first = app.message().unwrap().to_string();
    assert!(first.contains("windows-1251"), "{first}");
    assert!(!first.contains("dates"), "{first}");
    cmd(&mut app, Command::ScrollDown);
    assert_eq!(app.message(), Some("dates not analysed: Russian text"));
    let screen = crate::ui::render_to_string(&app, 60, 20);
    assert!(
        screen.contains("dates not analysed: Russian text"),
        "{screen}"
    );
    cmd(&mut app, Command::ScrollDown);
    assert_eq!(app.message(), None);
}
