//! The library screen on `TestBackend`: listing, sorting, filtering, the speakers index across
//! articles, opening a quotation and coming back to the list where it was.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use lectern::app::{Action, App};
use lectern::config::Config;
use lectern::library::{self, Analyser, Cache, Library};
use lectern::runtime::{Session, dispatch};
use lectern::ui::render_app;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library")
}

/// The fixture library, fully analysed, in a shell with a session keeping notes in `data`.
fn open(data: &tempfile::TempDir) -> (App, Session) {
    let files = library::collect(&[fixtures()]).unwrap();
    let (mut lib, jobs) = Library::open(&files, &Default::default());
    for job in jobs {
        lib.apply(Analyser::analyse_one(job, None));
    }
    let config = Config::load(None, false).unwrap();
    let session = Session::new(Some(data.path().to_path_buf()));
    let mut shell = App::new_library(lectern::app::Library::new(lib, config));
    shell.update(Action::Resize {
        width: 100,
        height: 20,
    });
    (shell, session)
}

/// Presses `keys` (config syntax, space separated), carrying out effects like the runtime.
fn press(shell: &mut App, session: &mut Session, keys: &str) {
    for key in keys.split_whitespace() {
        let combo: lectern::input::KeyCombo = key.parse().unwrap();
        let action = shell.key_action(combo.to_event());
        dispatch(shell, session, [action]);
        session.settle(shell);
    }
}

fn type_text(shell: &mut App, text: &str) {
    for c in text.chars() {
        let action = shell.key_action(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        shell.update(action);
    }
}

fn screen(shell: &App) -> String {
    {
        let (w, h) = shell.size();
        render_app(shell, w, h)
    }
}

#[test]
fn lists_articles_newest_first_with_counts() {
    let data = tempfile::tempdir().unwrap();
    let (shell, _) = open(&data);
    let s = screen(&shell);
    let rows: Vec<&str> = s.lines().collect();
    assert!(
        rows[2].starts_with("Ceasefire holds over the weekend"),
        "{s}"
    );
    assert!(
        rows[2].contains("2016-05-02") && rows[2].contains("Wire"),
        "{s}"
    );
    assert!(rows[3].starts_with("Talks resume in Vienna"), "{s}");
    // Undated last; its source is its folder.
    assert!(rows[4].starts_with("Markets calm after the talks"), "{s}");
    assert!(rows[4].contains("library"), "{s}");
    assert!(s.contains("3 articles"), "{s}");
}

#[test]
fn sort_and_filter() {
    let data = tempfile::tempdir().unwrap();
    let (mut shell, mut session) = open(&data);
    press(&mut shell, &mut session, "s");
    let s = screen(&shell);
    assert!(s.contains("sorted by title"), "{s}");
    let rows: Vec<&str> = s.lines().collect();
    assert!(rows[2].starts_with("Ceasefire"), "{s}");
    assert!(rows[3].starts_with("Markets"), "{s}");
    assert!(rows[4].starts_with("Talks"), "{s}");

    press(&mut shell, &mut session, "/");
    type_text(&mut shell, "VIENNA");
    let s = screen(&shell);
    assert!(s.contains("/VIENNA"), "{s}");
    assert!(
        s.contains("Talks resume") && !s.contains("Ceasefire"),
        "{s}"
    );
    press(&mut shell, &mut session, "enter esc");
    assert!(screen(&shell).contains("Ceasefire"));
}

#[test]
fn a_speaker_across_articles_and_back_to_the_list() {
    let data = tempfile::tempdir().unwrap();
    let (mut shell, mut session) = open(&data);
    press(&mut shell, &mut session, "2");
    let s = screen(&shell);
    let lavrov = s
        .lines()
        .find(|l| l.starts_with("Sergey Lavrov"))
        .unwrap_or_else(|| panic!("{s}"));
    // Three quotations in two articles: `Lavrov` alone in one of them is the same man.
    assert!(lavrov.ends_with("3        2"), "{lavrov}");
    assert!(s.contains("Anna Berg"), "{s}");

    press(&mut shell, &mut session, "enter");
    let s = screen(&shell);
    assert!(
        s.contains("Sergey Lavrov — 3 quotations in 2 articles"),
        "{s}"
    );
    assert!(s.contains("«It is fragile,»"), "{s}");

    // The quotations are in library order: the ceasefire article comes first in path order.
    press(&mut shell, &mut session, "enter");
    let app = shell.reader().expect("the article opened");
    assert_eq!(app.article().meta.title, "Ceasefire holds over the weekend");
    let target = app.target().expect("the quotation is emphasised");
    assert_eq!(&app.article().text()[target], "It is fragile,");
    assert!(screen(&shell).contains("\"It is fragile,\""));

    // q goes back to the speaker's quotations, not out of lectern.
    press(&mut shell, &mut session, "q");
    assert!(shell.reader().is_none() && !shell.should_quit());
    assert!(screen(&shell).contains("Sergey Lavrov — 3 quotations"));
    press(&mut shell, &mut session, "esc");
    assert!(screen(&shell).contains("Anna Berg"));
    press(&mut shell, &mut session, "q");
    assert!(shell.should_quit());
}

#[test]
fn the_library_timeline_orders_incidents_of_all_articles() {
    let data = tempfile::tempdir().unwrap();
    let (mut shell, mut session) = open(&data);
    press(&mut shell, &mut session, "3");
    let s = screen(&shell);
    let vienna = s.find("18 Apr 2016").unwrap_or_else(|| panic!("{s}"));
    let weekend = s
        .find("30 Apr – 1 May 2016")
        .unwrap_or_else(|| panic!("{s}"));
    assert!(vienna < weekend, "{s}");
    press(&mut shell, &mut session, "/");
    type_text(&mut shell, "vienna");
    let s = screen(&shell);
    assert!(
        s.contains("18 Apr 2016") && !s.contains("30 Apr – 1 May 2016"),
        "{s}"
    );
}

#[test]
fn reading_position_and_notes_count_survive_closing() {
    let data = tempfile::tempdir().unwrap();
    let (mut shell, mut session) = open(&data);
    press(&mut shell, &mut session, "enter");
    assert!(shell.reader().is_some());
    // Annotate the sentence under the cursor, then leave.
    press(&mut shell, &mut session, "j j h q");
    let s = screen(&shell);
    let row = s
        .lines()
        .find(|l| l.starts_with("Ceasefire"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(
        row.trim_end().ends_with('1'),
        "the notes column counts the new highlight: {row}"
    );

    // On a short screen, scroll to the end, leave, and come back.
    shell.update(Action::Resize {
        width: 40,
        height: 8,
    });
    press(&mut shell, &mut session, "enter G");
    let top = shell.reader().unwrap().top_byte();
    assert!(top > 0);
    press(&mut shell, &mut session, "q g enter");
    let app = shell.reader().unwrap();
    assert_eq!(app.top_byte(), top, "reopened where it was left");
    assert_eq!(app.notes().len(), 1);
}

#[test]
fn snapshots_of_the_three_lists() {
    let data = tempfile::tempdir().unwrap();
    let (mut shell, mut session) = open(&data);
    insta::assert_snapshot!("library_articles", screen(&shell));
    press(&mut shell, &mut session, "2");
    insta::assert_snapshot!("library_speakers", screen(&shell));
    press(&mut shell, &mut session, "3");
    insta::assert_snapshot!("library_timeline", screen(&shell));
    shell.update(Action::Resize {
        width: 40,
        height: 8,
    });
    press(&mut shell, &mut session, "1");
    insta::assert_snapshot!("library_narrow", screen(&shell));
}

/// A mouse event at `ms` milliseconds, column 5 of screen row `row`.
fn mouse(kind: ratatui::crossterm::event::MouseEventKind, row: u16, ms: u64) -> Action {
    Action::Mouse {
        event: ratatui::crossterm::event::MouseEvent {
            kind,
            column: 5,
            row,
            modifiers: KeyModifiers::NONE,
        },
        at: std::time::Duration::from_millis(ms),
    }
}

/// A left click on screen row `row` at `ms` milliseconds, effects carried out as by the runtime.
fn click(shell: &mut App, session: &mut Session, row: u16, ms: u64) {
    use ratatui::crossterm::event::{MouseButton, MouseEventKind};
    let action = mouse(MouseEventKind::Down(MouseButton::Left), row, ms);
    dispatch(shell, session, [action]);
    session.settle(shell);
}

#[test]
fn a_click_selects_a_row_and_enter_opens_it() {
    use ratatui::crossterm::event::MouseEventKind;
    let data = tempfile::tempdir().unwrap();
    let (mut shell, mut session) = open(&data);
    // Rows: tabs, header, then the articles (Ceasefire, Talks, Markets).
    click(&mut shell, &mut session, 3, 0);
    click(&mut shell, &mut session, 3, 1000);
    assert!(
        shell.reader().is_none(),
        "two slow clicks are no double-click"
    );
    assert_eq!(shell.library().unwrap().cursor().selected, 1);
    press(&mut shell, &mut session, "enter");
    let app = shell.reader().expect("opened");
    assert_eq!(app.article().meta.title, "Talks resume in Vienna");
    // Below the list: nothing happens.
    press(&mut shell, &mut session, "q");
    click(&mut shell, &mut session, 15, 2000);
    assert_eq!(shell.library().unwrap().cursor().selected, 1);
    // Over the help, a click closes it and selects nothing.
    press(&mut shell, &mut session, "?");
    shell.update(mouse(MouseEventKind::ScrollDown, 4, 3000));
    assert_eq!(shell.library().unwrap().help_scroll(), Some(3));
    click(&mut shell, &mut session, 2, 3100);
    let lib = shell.library().unwrap();
    assert_eq!((lib.help_scroll(), lib.cursor().selected), (None, 1));
}

#[test]
fn a_double_click_opens_the_row_under_it() {
    let data = tempfile::tempdir().unwrap();
    let (mut shell, mut session) = open(&data);
    let title = |shell: &App| shell.reader().map(|a| a.article().meta.title.clone());
    click(&mut shell, &mut session, 3, 10_000);
    click(&mut shell, &mut session, 3, 10_350);
    assert_eq!(title(&shell).as_deref(), Some("Talks resume in Vienna"));
    press(&mut shell, &mut session, "q");

    // Two quick clicks on two rows select the second; a key between two clicks, or a
    // click after the first one's time is up, starts over.
    click(&mut shell, &mut session, 2, 20_000);
    click(&mut shell, &mut session, 4, 20_100);
    assert_eq!(title(&shell), None);
    assert_eq!(shell.library().unwrap().cursor().selected, 2);
    press(&mut shell, &mut session, "k j");
    click(&mut shell, &mut session, 4, 20_200);
    assert_eq!(title(&shell), None);
    click(&mut shell, &mut session, 4, 20_601);
    assert_eq!(title(&shell), None, "401 ms is too slow");
    click(&mut shell, &mut session, 4, 20_900);
    assert_eq!(
        title(&shell).as_deref(),
        Some("Markets calm after the talks")
    );
    press(&mut shell, &mut session, "q");

    // On a speaker it lists the quotations, as Enter does; on one of them it opens the article.
    press(&mut shell, &mut session, "2");
    click(&mut shell, &mut session, 2, 30_000);
    click(&mut shell, &mut session, 2, 30_200);
    let lib = shell.library().unwrap();
    assert!(
        lib.speaker().is_some(),
        "the speaker's quotations are listed"
    );
    // Under the speaker's heading and the header.
    click(&mut shell, &mut session, 3, 30_300);
    assert_eq!(
        title(&shell),
        None,
        "the click that listed them counts no more"
    );
    click(&mut shell, &mut session, 3, 30_500);
    assert!(title(&shell).is_some());
    press(&mut shell, &mut session, "q");

    // On the timeline, under its strip, it opens the article at the incident.
    press(&mut shell, &mut session, "3");
    let first = shell.library().unwrap().first_row_y();
    click(&mut shell, &mut session, first, 40_000);
    click(&mut shell, &mut session, first, 40_100);
    assert!(shell.reader().is_some(), "opened from the timeline");
}

#[test]
fn the_selection_stays_on_its_item_while_results_arrive() {
    let files = library::collect(&[fixtures()]).unwrap();
    let (lib, jobs) = Library::open(&files, &Default::default());
    let config = Config::load(None, false).unwrap();
    let mut shell = App::new_library(lectern::app::Library::new(lib, config));
    shell.update(Action::Resize {
        width: 100,
        height: 20,
    });
    let data = tempfile::tempdir().unwrap();
    let mut session = Session::new(Some(data.path().to_path_buf()));
    // Sorted by title: Ceasefire, Markets, Talks. Select Talks, then sort by notes, where all
    // have none and the order is the path order.
    press(&mut shell, &mut session, "s G");
    let title = |shell: &App| {
        let lib = shell.library().unwrap();
        lib.library().entries[lib.articles()[lib.cursor().selected]]
            .title
            .clone()
    };
    assert_eq!(title(&shell), "Talks resume in Vienna");
    // Results arrive in reverse order, one by one: the selection follows its article.
    for job in jobs.into_iter().rev() {
        shell.update(Action::Analysed(vec![Analyser::analyse_one(job, None)]));
        assert_eq!(title(&shell), "Talks resume in Vienna");
    }
}

#[test]
fn the_selected_speaker_stays_selected_when_the_index_is_rebuilt() {
    let files = library::collect(&[fixtures()]).unwrap();
    let (lib, jobs) = Library::open(&files, &Default::default());
    assert!(
        jobs[1].path.ends_with("wire/ceasefire.txt") && jobs[2].path.ends_with("wire/vienna.txt")
    );
    let config = Config::load(None, false).unwrap();
    let mut shell = App::new_library(lectern::app::Library::new(lib, config.clone()));
    shell.update(Action::Resize {
        width: 100,
        height: 20,
    });
    let data = tempfile::tempdir().unwrap();
    let mut session = Session::new(Some(data.path().to_path_buf()));
    let name = |shell: &App| {
        let lib = shell.library().unwrap();
        lib.speakers().speakers[lib.speaker_rows()[lib.cursor().selected]]
            .name
            .clone()
    };
    // The ceasefire article alone: `Anna Berg` and a bare `Lavrov`, one quotation each.
    shell.update(Action::Analysed(vec![Analyser::analyse_one(
        jobs[1].clone(),
        None,
    )]));
    press(&mut shell, &mut session, "2 j");
    assert_eq!(name(&shell), "Lavrov");
    // Vienna arrives: Lavrov is Sergey Lavrov now, with three quotations, first in the list.
    shell.update(Action::Analysed(vec![Analyser::analyse_one(
        jobs[2].clone(),
        None,
    )]));
    assert_eq!(name(&shell), "Sergey Lavrov");
    assert_eq!(shell.library().unwrap().cursor().selected, 0);
    // The same holds for a speaker whose quotations are open.
    press(&mut shell, &mut session, "enter j");
    shell.update(Action::Analysed(vec![Analyser::analyse_one(
        jobs[0].clone(),
        None,
    )]));
    let lib = shell.library().unwrap();
    let (s, cursor) = lib.speaker().expect("still open");
    assert_eq!(lib.speakers().speakers[s].name, "Sergey Lavrov");
    assert_eq!(cursor.selected, 1);
}

/// The fixture library copied into `dir`, its files written an hour ago: old enough for the
/// analyser to trust their stamps (a file written just now is always read again).
fn copy_fixtures(dir: &Path) -> Vec<PathBuf> {
    let then = SystemTime::now() - Duration::from_secs(3600);
    for from in library::collect(&[fixtures()]).unwrap() {
        let to = dir.join(from.strip_prefix(fixtures()).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&from, &to).unwrap();
        let file = std::fs::File::options().write(true).open(&to).unwrap();
        file.set_modified(then).unwrap();
    }
    library::collect(&[dir.to_path_buf()]).unwrap()
}

/// A shell on the library of `files`, not analysed yet, and its session (notes in `data`).
/// A copy of the fixture library in `dir`, analysed in the background with a cache there, and
/// settled.
fn analysed_copy(dir: &Path) -> (App, Session) {
    let files = copy_fixtures(dir);
    let cache = Cache::new(&dir.join("cache"));
    let (mut shell, mut session, jobs) = listed(&files, dir);
    session.start_library(jobs, &shell, Some(cache));
    session.settle(&mut shell);
    (shell, session)
}

fn listed(files: &[PathBuf], data: &Path) -> (App, Session, Vec<library::Job>) {
    let (lib, jobs) = Library::open(files, &Default::default());
    let config = Config::load(None, false).unwrap();
    let session = Session::new(Some(data.to_path_buf()));
    let mut shell = App::new_library(lectern::app::Library::new(lib, config));
    shell.update(Action::Resize {
        width: 100,
        height: 20,
    });
    (shell, session, jobs)
}

fn entry<'a>(shell: &'a App, title: &str) -> (usize, &'a library::Entry) {
    let entries = &shell.library().unwrap().library().entries;
    entries
        .iter()
        .enumerate()
        .find(|(_, e)| e.title == title)
        .unwrap_or_else(|| panic!("{title} listed"))
}

#[test]
fn a_file_changed_between_listing_and_analysis_is_analysed_in_its_new_form() {
    let dir = tempfile::tempdir().unwrap();
    let files = copy_fixtures(dir.path());
    let (mut shell, mut session, jobs) = listed(&files, dir.path());
    let ceasefire = dir.path().join("wire/ceasefire.txt");
    let text = std::fs::read_to_string(&ceasefire).unwrap();
    std::fs::write(
        &ceasefire,
        text.replace("It is fragile,", "It is holding up,"),
    )
    .unwrap();

    session.start_library(jobs, &shell, None);
    session.settle(&mut shell);
    let (_, e) = entry(&shell, "Ceasefire holds over the weekend");
    let quotes: Vec<&str> = e
        .summary()
        .unwrap()
        .quotes
        .iter()
        .map(|q| q.excerpt.as_str())
        .collect();
    assert!(quotes.contains(&"It is holding up,"), "{quotes:?}");
    let now = library::load(&ceasefire).unwrap();
    assert_eq!(e.hash, lectern::notes::content_hash(now.text()));
    // The unchanged articles were analysed as listed.
    let (_, vienna) = entry(&shell, "Talks resume in Vienna");
    assert!(vienna.summary().is_some_and(|s| !s.quotes.is_empty()));
}

/// Carries out `keys` like [`press`], without waiting for background work.
fn press_now(shell: &mut App, session: &mut Session, keys: &str) {
    for key in keys.split_whitespace() {
        let combo: lectern::input::KeyCombo = key.parse().unwrap();
        let action = shell.key_action(combo.to_event());
        dispatch(shell, session, [action]);
    }
}

#[test]
fn the_readers_analysis_of_a_library_article_is_the_librarys_and_is_cached() {
    let dir = tempfile::tempdir().unwrap();
    let files = copy_fixtures(dir.path());
    let cache = Cache::new(&dir.path().join("cache"));
    let (mut shell, mut session, jobs) = listed(&files, dir.path());
    session.start_library(jobs, &shell, Some(cache.clone()));
    // Opened at once and closed before its analysis is in: whether the reader or the
    // library's workers analysed it, the library gets it and both its forms are cached.
    press_now(&mut shell, &mut session, "enter q");
    session.settle(&mut shell);
    let (_, e) = entry(&shell, "Ceasefire holds over the weekend");
    assert_eq!(e.summary().map(|s| s.quotes.len()), Some(2));
    assert!(cache.get(&e.hash, e.date).is_some());
    let text = library::load(&e.path).unwrap();
    let analysis = cache.get_analysis(&e.hash, e.date, text.text()).unwrap();
    assert_eq!(analysis, lectern::analysis::analyze(&text));
    assert!(!session.busy());
}

/// A file edited after the library analysed it: opening it analyses the new text, and the
/// list takes that analysis instead of keeping the old summary.
#[test]
fn an_article_edited_after_its_analysis_is_summarised_anew_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let (mut shell, mut session) = analysed_copy(dir.path());
    let (_, e) = entry(&shell, "Ceasefire holds over the weekend");
    let (path, before) = (e.path.clone(), e.summary().map(|s| s.quotes.len()));
    assert_eq!(before, Some(2));
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\n\n\"We will not give up,\" said Omar Haddad, a farmer.\n");
    std::fs::write(&path, text).unwrap();

    // Closed at once: the reader's analysis still reaches the list, and `settle` waits for it.
    press_now(&mut shell, &mut session, "enter q");
    session.settle(&mut shell);
    assert!(!session.busy());
    let (_, e) = entry(&shell, "Ceasefire holds over the weekend");
    assert_eq!(e.summary().map(|s| s.quotes.len()), Some(3));
    assert_eq!(
        e.hash,
        lectern::notes::content_hash(library::load(&path).unwrap().text())
    );
}

#[test]
fn an_article_the_library_analysed_opens_with_its_quotes_and_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let (mut shell, mut session) = analysed_copy(dir.path());

    press_now(&mut shell, &mut session, "enter");
    let app = shell.reader().expect("opened");
    assert!(
        !app.analysing() && !session.busy(),
        "nothing left to analyse"
    );
    assert_eq!(*app.analysis(), lectern::analysis::analyze(app.article()));
    assert!(!app.analysis().timeline.is_empty());
    press_now(&mut shell, &mut session, "1");
    assert!(screen(&shell).contains("Anna Berg"), "{}", screen(&shell));
}

#[test]
fn the_analysis_fills_the_rows_on_screen_first() {
    let files = library::collect(&[fixtures()]).unwrap();
    let data = tempfile::tempdir().unwrap();
    let (mut shell, mut session, jobs) = listed(&files, data.path());
    let titles = |shell: &App, order: &[usize]| -> Vec<String> {
        let entries = &shell.library().unwrap().library().entries;
        order.iter().map(|&i| entries[i].title.clone()).collect()
    };
    // One worker reports in the order it was given: the order of the screen.
    let run = |order: &[usize]| -> Vec<usize> {
        let mut analyser = Analyser::start(jobs.clone(), order, None, 1);
        let mut got = Vec::new();
        loop {
            let done = analyser.wait();
            if done.is_empty() {
                return got;
            }
            got.extend(done.into_iter().map(|d| d.entry));
        }
    };
    // Newest first, undated last.
    let order = shell.analysis_order();
    assert_eq!(
        titles(&shell, &run(&order)),
        [
            "Ceasefire holds over the weekend",
            "Talks resume in Vienna",
            "Markets calm after the talks"
        ]
    );
    // Sorted by title, on a screen one row high, scrolled to the last row: that row first,
    // then the rows above it in list order.
    press(&mut shell, &mut session, "s");
    shell.update(Action::Resize {
        width: 100,
        height: 4,
    });
    press(&mut shell, &mut session, "G");
    let order = shell.analysis_order();
    assert_eq!(
        titles(&shell, &run(&order)),
        [
            "Talks resume in Vienna",
            "Ceasefire holds over the weekend",
            "Markets calm after the talks"
        ]
    );
}

mod random {
    use super::*;
    use lectern::app::Command;
    use proptest::prelude::*;

    fn action() -> impl Strategy<Value = Action> {
        prop_oneof![
            proptest::sample::select(Command::ALL.to_vec()).prop_map(Action::Command),
            (0u16..300, 0u16..100).prop_map(|(width, height)| Action::Resize { width, height }),
            proptest::char::any()
                .prop_map(|c| Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))),
            Just(Action::Key(KeyEvent::new(
                KeyCode::Backspace,
                KeyModifiers::NONE
            ))),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(40))]
        /// Any sequence of commands, keys and sizes: no panic, the selection within its list,
        /// and a frame can always be drawn.
        #[test]
        fn never_panics_and_keeps_the_selection_in_the_list(actions in prop::collection::vec(action(), 0..60)) {
            let data = tempfile::tempdir().unwrap();
            let (mut shell, mut session) = open(&data);
            for action in actions {
                for effect in shell.update(action) {
                    for follow in session.handle(effect, &shell) {
                        shell.update(follow);
                    }
                }
                session.settle(&mut shell);
                if let (None, Some(lib)) = (shell.reader(), shell.library()) {
                    let c = lib.cursor();
                    prop_assert!(c.selected < lib.rows().max(1));
                    prop_assert!(c.offset <= c.selected || lib.rows() == 0);
                }
                let (w, h) = shell.size();
                render_app(&shell, w, h);
                if shell.should_quit() {
                    break;
                }
            }
        }
    }
}

/// A library that mentions the 1st century: the strip spans the spring of 2016 with the
/// century counted at its edge, and `z` (shown in the help) switches to every incident.
#[test]
fn the_timeline_strip_spans_most_incidents_and_z_shows_all() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures().join("wire/vienna.txt"),
        dir.path().join("vienna.txt"),
    )
    .unwrap();
    let mut coins = String::from(
        "+++\ntitle = \"Roman coins on show\"\ndate = 2016-04-21\n+++\n\n\
         The coins were struck in the 1st century.",
    );
    for day in 1..=12 {
        coins.push_str(&format!(" Visitors came on April {day}."));
    }
    std::fs::write(dir.path().join("coins.txt"), coins).unwrap();
    let files = library::collect(&[dir.path().to_path_buf()]).unwrap();
    let (mut lib, jobs) = Library::open(&files, &Default::default());
    for job in jobs {
        lib.apply(Analyser::analyse_one(job, None));
    }
    let config = Config::load(None, false).unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut session = Session::new(Some(data.path().to_path_buf()));
    let mut shell = App::new_library(lectern::app::Library::new(lib, config));
    shell.update(Action::Resize {
        width: 80,
        height: 16,
    });
    press(&mut shell, &mut session, "3");
    let most = screen(&shell);
    assert!(most.lines().nth(3).unwrap().starts_with("◀1 "), "{most}");
    insta::assert_snapshot!("library_timeline_most", most);
    press(&mut shell, &mut session, "z");
    let all = screen(&shell);
    assert!(all.contains("timeline: all incidents"), "{all}");
    insta::assert_snapshot!("library_timeline_all", all);
    // From another list, `z` shows the timeline as it was; a second `z` switches the span.
    press(&mut shell, &mut session, "1 z");
    assert!(screen(&shell).contains("timeline: all incidents"));
    press(&mut shell, &mut session, "z");
    let most = screen(&shell);
    assert!(most.contains("timeline: the span where most"), "{most}");
    assert!(most.lines().nth(3).unwrap().starts_with("◀1 "), "{most}");
    // The help, tall enough to show the reading keys under the library's.
    shell.update(Action::Resize {
        width: 100,
        height: 90,
    });
    press(&mut shell, &mut session, "?");
    let help = screen(&shell);
    assert!(
        help.contains("z                 timeline strip: all incidents / the span of most"),
        "{help}"
    );
}

/// A library of a dated article and an undated one whose dates have no year: the undated
/// incidents.
fn with_undated(dir: &Path) -> Vec<PathBuf> {
    std::fs::copy(fixtures().join("wire/vienna.txt"), dir.join("vienna.txt")).unwrap();
    std::fs::write(
        dir.join("undated.txt"),
        "Council votes again\n\nThe council first voted on April 20. It voted again on May 3, \
         when the motion passed.\n",
    )
    .unwrap();
    library::collect(&[dir.to_path_buf()]).unwrap()
}

/// Undated incidents sit under one row that `Enter` unfolds and folds; the selection starts at
/// the top, even while results arrive and re-sort the list.
#[test]
fn undated_incidents_fold_under_one_row_and_the_selection_starts_at_the_top() {
    let dir = tempfile::tempdir().unwrap();
    let files = with_undated(dir.path());
    let (mut shell, mut session, jobs) = listed(&files, dir.path());
    press(&mut shell, &mut session, "3");
    for job in jobs.into_iter().rev() {
        shell.update(Action::Analysed(vec![Analyser::analyse_one(job, None)]));
        assert_eq!(shell.library().unwrap().cursor().selected, 0);
    }
    let s = screen(&shell);
    let rows: Vec<&str> = s.lines().collect();
    assert!(rows[6].starts_with("18 Apr 2016"), "{s}");
    assert!(s.contains("2 undated"), "the strip counts them: {s}");
    let undated = rows
        .iter()
        .position(|l| l.starts_with("undated"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(rows[undated].contains("▸ 2 incidents"), "{s}");
    assert!(!s.contains("year unknown"), "{s}");
    // Unfolded, the two are listed under their row, with their clauses.
    press(&mut shell, &mut session, "G enter");
    let s = screen(&shell);
    let rows: Vec<&str> = s.lines().collect();
    assert!(rows[undated].contains("▾ 2 incidents"), "{s}");
    assert!(
        rows[undated + 1].starts_with("20 Apr (year unknown)")
            && rows[undated + 1].contains("The council first voted on April 20"),
        "{s}"
    );
    assert!(rows[undated + 2].contains("It voted again on May 3"), "{s}");
    press(&mut shell, &mut session, "enter");
    assert!(!screen(&shell).contains("year unknown"));
}

/// The library timeline at the two sizes the issue names.
#[test]
fn snapshots_of_the_library_timeline_100x30_and_60x20() {
    let dir = tempfile::tempdir().unwrap();
    let files = with_undated(dir.path());
    let (mut shell, mut session, jobs) = listed(&files, dir.path());
    for job in jobs {
        shell.update(Action::Analysed(vec![Analyser::analyse_one(job, None)]));
    }
    press(&mut shell, &mut session, "3");
    shell.update(Action::Resize {
        width: 100,
        height: 30,
    });
    insta::assert_snapshot!("library_timeline_100x30", screen(&shell));
    shell.update(Action::Resize {
        width: 60,
        height: 20,
    });
    let narrow = screen(&shell);
    assert!(
        narrow.contains("Talks resume"),
        "the article column stays: {narrow}"
    );
    insta::assert_snapshot!("library_timeline_60x20", narrow);
}

/// A folder with no dates lists in file order; the sort chosen is remembered in the data dir
/// for the next run; the status bar says where the selection is.
#[test]
fn no_dates_sorts_by_file_and_the_sort_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    for (name, title) in [
        ("a.txt", "Zebras escape"),
        ("b.txt", "Apples ripen"),
        ("c.txt", "Mice"),
    ] {
        std::fs::write(dir.path().join(name), format!("{title}\n\nA short text.\n")).unwrap();
    }
    let files = library::collect(&[dir.path().to_path_buf()]).unwrap();
    let data = tempfile::tempdir().unwrap();
    let (mut shell, mut session, _) = listed(&files, data.path());
    let s = screen(&shell);
    let rows: Vec<&str> = s.lines().collect();
    assert!(
        rows[2].starts_with("Zebras") && rows[3].starts_with("Apples"),
        "{s}"
    );
    assert!(
        s.contains("1/3  sort: file") && s.contains("3 articles"),
        "{s}"
    );
    press(&mut shell, &mut session, "j s");
    let s = screen(&shell);
    assert!(s.contains("sorted by date"), "{s}");
    assert!(s.contains("2/3"), "{s}");
    press(&mut shell, &mut session, "s");
    assert!(screen(&shell).contains("sort: title"));
    // The next run starts sorted by title.
    let remembered = library::Prefs::new(data.path()).sort();
    assert_eq!(remembered.as_deref(), Some("title"));
    let (lib, _) = Library::open(&files, &Default::default());
    let config = Config::load(None, false).unwrap();
    let mut shell =
        App::new_library(lectern::app::Library::new(lib, config).with_sort(remembered.as_deref()));
    shell.update(Action::Resize {
        width: 100,
        height: 20,
    });
    let s = screen(&shell);
    assert!(s.lines().nth(2).unwrap().starts_with("Apples"), "{s}");
    assert!(s.contains("sort: title"), "{s}");
}

/// Cut titles end with `…`; one article and one quotation are written in the singular.
#[test]
fn cut_titles_end_with_an_ellipsis_and_counts_are_proper_plurals() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("long.txt"),
        "Former MTV VJ and the Pied Piper of a generation of television presenters takes a bow\n\n\
         \"I am done,\" said Kim Ray.\n",
    )
    .unwrap();
    let files = library::collect(&[dir.path().to_path_buf()]).unwrap();
    let data = tempfile::tempdir().unwrap();
    let (mut shell, mut session, jobs) = listed(&files, data.path());
    for job in jobs {
        shell.update(Action::Analysed(vec![Analyser::analyse_one(job, None)]));
    }
    shell.update(Action::Resize {
        width: 60,
        height: 12,
    });
    let s = screen(&shell);
    let row = s.lines().nth(2).unwrap();
    assert!(row.starts_with("Former MTV VJ") && row.contains('…'), "{s}");
    assert!(s.contains("1 article ") || s.contains("1 article\n"), "{s}");
    press(&mut shell, &mut session, "2 enter");
    let s = screen(&shell);
    assert!(s.contains("Kim Ray — 1 quotation in 1 article"), "{s}");
}

/// The library's help stops at its last page as the reader's does: `G` shows the end, more
/// `j` and `space` do not scroll past it, and one `k` right after scrolls at once. At 60×20 and
/// 120×35, and after a resize while it is open.
#[test]
fn the_librarys_help_stops_at_its_last_page() {
    let data = tempfile::tempdir().unwrap();
    let (mut shell, mut session) = open(&data);
    for (w, h) in [(60, 20), (120, 35), (60, 20)] {
        shell.update(Action::Resize {
            width: w,
            height: h,
        });
        press(&mut shell, &mut session, "?");
        press(&mut shell, &mut session, "G");
        let end = screen(&shell);
        assert!(end.contains(" end "), "{w}×{h}: G reaches the end\n{end}");
        let at_end = shell.library().unwrap().help_scroll();
        press(&mut shell, &mut session, "j space j");
        assert_eq!(
            shell.library().unwrap().help_scroll(),
            at_end,
            "{w}×{h}: no scrolling past the end"
        );
        assert_eq!(screen(&shell), end);
        press(&mut shell, &mut session, "k");
        assert_eq!(
            shell.library().unwrap().help_scroll(),
            at_end.map(|s| s - 1),
            "{w}×{h}: k right after G scrolls"
        );
        assert_ne!(screen(&shell), end, "{w}×{h}: k right after G shows it");
        press(&mut shell, &mut session, "esc");
        assert_eq!(shell.library().unwrap().help_scroll(), None);
    }
    // Opened at 60×20 and scrolled to its end, then the terminal grows: still at an end.
    press(&mut shell, &mut session, "? G");
    shell.update(Action::Resize {
        width: 120,
        height: 35,
    });
    let before = screen(&shell);
    press(&mut shell, &mut session, "k");
    assert_ne!(screen(&shell), before, "k scrolls at once after the resize");
    assert!(screen(&shell).contains("more below"));
}

/// A library of made-up local news with named people, organisations and unnamed sources,
/// analysed, at `width`×`height`.
fn open_voices(data: &tempfile::TempDir, width: u16, height: u16) -> (App, Session) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/voices");
    let files = library::collect(&[dir]).unwrap();
    let (mut lib, jobs) = Library::open(&files, &Default::default());
    for job in jobs {
        lib.apply(Analyser::analyse_one(job, None));
    }
    let config = Config::load(None, false).unwrap();
    let session = Session::new(Some(data.path().to_path_buf()));
    let mut shell = App::new_library(lectern::app::Library::new(lib, config));
    shell.update(Action::Resize { width, height });
    (shell, session)
}

/// Sources at a glance: `c` shows the speakers tab as bars of their quotations, the unnamed
/// sources one bar; the bar under the list's cursor is marked and `enter` opens it; `c` again
/// or `esc` gives the list back; the help lists the key; the filter narrows the chart.
#[test]
fn the_speakers_share_of_voice_as_bars() {
    for (w, h) in [(120, 35), (60, 20)] {
        let data = tempfile::tempdir().unwrap();
        let (mut shell, mut session) = open_voices(&data, w, h);
        press(&mut shell, &mut session, "c");
        let chart = screen(&shell);
        insta::assert_snapshot!(format!("sources_chart_{w}x{h}"), chart);
        assert!(chart.contains("15 quotations from 6 speakers"), "{chart}");
        let bar_of = |screen: &str, name: &str| {
            screen
                .lines()
                .find(|l| l.trim_start().starts_with(name))
                .unwrap_or_else(|| panic!("no bar for {name}:\n{screen}"))
                .to_string()
        };
        // Ann Roe's five quotations, the three unnamed sources as one bar, longest first.
        let roe = bar_of(&chart, "Ann Roe");
        let unnamed = bar_of(&chart, "unnamed sources");
        assert!(
            roe.contains("5 (33%)") && unnamed.contains("3 (20%)"),
            "{chart}"
        );
        let blocks = |l: &str| l.chars().filter(|c| *c == '█').count();
        assert!(blocks(&roe) > blocks(&unnamed), "{roe}\n{unnamed}");
        let rows: Vec<&str> = chart.lines().collect();
        let first_bar = rows.iter().position(|l| l.contains("Ann Roe")).unwrap();
        assert!(
            rows[first_bar..].iter().any(|l| l.contains("Met Office")),
            "every speaker fits: {chart}"
        );

        // j moves the cursor along the bars; enter lists that speaker's quotations.
        press(&mut shell, &mut session, "j");
        let lib = shell.library().unwrap();
        let second = lib.speakers().speakers[lib.speaker_rows()[1]].name.clone();
        press(&mut shell, &mut session, "enter");
        let quotes = screen(&shell);
        assert!(quotes.lines().nth(1).unwrap().contains(&second), "{quotes}");
        press(&mut shell, &mut session, "esc");
        assert!(
            screen(&shell).contains("Share of voice"),
            "back to the chart"
        );
        press(&mut shell, &mut session, "esc");
        assert!(screen(&shell).contains("Speaker"), "esc: the list");
        press(&mut shell, &mut session, "c c");
        assert!(
            !screen(&shell).contains("Share of voice"),
            "c again: the list"
        );

        // From another tab, `c` goes to the chart; the filter narrows it.
        press(&mut shell, &mut session, "1 c /");
        type_text(&mut shell, "o");
        press(&mut shell, &mut session, "enter");
        let narrowed = screen(&shell);
        assert!(narrowed.contains("Share of voice"), "{narrowed}");
        assert!(!narrowed.contains("Sam Patel"), "{narrowed}");
        assert!(bar_of(&narrowed, "Tom Okafor").contains('█'));
    }
    let help = lectern::app::help::rows(&Config::defaults().keymap, lectern::app::help::LIBRARY);
    assert!(
        help.iter()
            .flat_map(|(_, e)| e)
            .any(|(keys, what)| keys == "c" && what.contains("share of voice")),
        "{help:?}"
    );
}

/// One quotation two outlets word differently: one row marked `≠`, and the status bar says
/// which words differ and in which outlet.
#[test]
fn the_words_an_outlet_rewords_are_said_on_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let story = |source: &str, quote: &str| {
        format!(
            "+++\ntitle = \"Harbour vote\"\ndate = 2024-03-05\nsource = \"{source}\"\n+++\n\
             The council delayed its vote.\n\n\"{quote},\" said Elena Marsh, the council's \
             finance chair.\n"
        )
    };
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        story("Ledger", "We will not sign a contract we cannot pay for"),
    )
    .unwrap();
    std::fs::write(
        &b,
        story(
            "Gazette",
            "We will not sign a contract we cannot yet pay for",
        ),
    )
    .unwrap();
    let (mut shell, mut session, jobs) = listed(&[a, b], dir.path());
    for job in jobs {
        shell.update(Action::Analysed(vec![Analyser::analyse_one(job, None)]));
    }
    press(&mut shell, &mut session, "2");
    let s = screen(&shell);
    assert!(s.contains("Elena Marsh"), "{s}");
    press(&mut shell, &mut session, "enter");
    let s = screen(&shell);
    assert!(s.contains("≠ «We will not sign"), "{s}");
    assert!(s.contains("≠ Gazette: + “yet”"), "{s}");
}

/// The speaker a chart's bar opens: `enter` lists their quotations under their name.
fn opened_speaker(shell: &App) -> String {
    screen(shell).lines().nth(1).unwrap_or_default().to_string()
}

/// A click on a bar of the share-of-voice chart picks that bar's speaker (the chart's rows,
/// not the list's: the bars start under a header and go by count), and a double-click opens
/// them.
#[test]
fn a_click_on_a_bar_picks_its_speaker() {
    let data = tempfile::tempdir().unwrap();
    let (mut shell, mut session) = open_voices(&data, 120, 35);
    press(&mut shell, &mut session, "c");
    let chart = screen(&shell);
    let names: Vec<String> = {
        let lib = shell.library().unwrap();
        lib.voice_chart()
            .bars
            .iter()
            .map(|v| v.name.clone())
            .collect()
    };
    assert!(names.len() > 2, "{chart}");
    for (i, name) in names.iter().enumerate() {
        let y = chart
            .lines()
            .position(|l| l.trim_start().starts_with(name.as_str()))
            .unwrap_or_else(|| panic!("no bar for {name}:\n{chart}")) as u16;
        let ms = 10_000 * i as u64;
        click(&mut shell, &mut session, y, ms);
        click(&mut shell, &mut session, y, ms + 100);
        let opened = opened_speaker(&shell);
        assert!(opened.contains(name.as_str()), "{name}: {opened}");
        press(&mut shell, &mut session, "esc");
        assert!(screen(&shell).contains("Share of voice"));
    }
}

/// On a screen with room for fewer bars than speakers, the cursor stays on the bars: a
/// speaker the chart leaves out is never what `enter` opens.
#[test]
fn the_charts_cursor_stays_on_its_bars() {
    let data = tempfile::tempdir().unwrap();
    // Two rows of bars: 7 rows less the tab line, the status line and the chart's header.
    let (mut shell, mut session) = open_voices(&data, 60, 7);
    // The list's last speaker, whom the chart does not show.
    press(&mut shell, &mut session, "2 G c");
    let bars: Vec<String> = {
        let lib = shell.library().unwrap();
        lib.voice_chart()
            .bars
            .iter()
            .map(|v| v.name.clone())
            .collect()
    };
    assert_eq!(bars.len(), 2, "{}", screen(&shell));
    press(&mut shell, &mut session, "enter");
    assert!(opened_speaker(&shell).contains(bars[0].as_str()));
    press(&mut shell, &mut session, "esc G enter");
    assert!(opened_speaker(&shell).contains(bars[1].as_str()));
    press(&mut shell, &mut session, "esc j j enter");
    assert!(
        opened_speaker(&shell).contains(bars[1].as_str()),
        "j stops at the last bar"
    );
    press(&mut shell, &mut session, "esc k enter");
    assert!(opened_speaker(&shell).contains(bars[0].as_str()));
}

/// A feed item's analysis that reports after a newer one (of a later read) changes nothing:
/// neither the summary nor the words and notes counted with it.
#[test]
fn a_late_feed_analysis_leaves_the_newer_counts() {
    use lectern::library::feeds::FeedEvent;
    use lectern::library::{Analysed, Status};
    let data = tempfile::tempdir().unwrap();
    let (mut shell, _session) = open(&data);
    let entry = &shell.library().unwrap().library().entries[0];
    let read = entry.read.expect("analysed");
    let Status::Done(summary) = &entry.status else {
        panic!("analysed: {:?}", entry.status);
    };
    let (hash, summary) = (entry.hash.clone(), summary.clone());
    let event = |read, words| FeedEvent::Analysed {
        done: Analysed {
            entry: 0,
            read,
            result: Ok((hash.clone(), summary.clone())),
        },
        words,
        notes: words,
    };
    let newer = read + Duration::from_secs(1);
    shell.update(Action::Feeds(vec![event(newer, 100)]));
    shell.update(Action::Feeds(vec![event(read, 5)]));
    let entry = &shell.library().unwrap().library().entries[0];
    assert_eq!((entry.words, entry.notes), (100, 100));
    assert_eq!(entry.read, Some(newer));
}
