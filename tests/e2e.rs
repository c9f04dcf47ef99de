//! End-to-end: the real binary in a pseudo-terminal, driven by keys, read from the screen.
//! Unix only: pseudo-terminals (`openpty`) and signals.
#![cfg(unix)]

mod common;

use common::pty::Pty;

fn spawn(args: &[&str], dir: &tempfile::TempDir, cols: u16, rows: u16) -> Pty {
    Pty::spawn_in(args, dir.path(), cols, rows)
}

/// After lectern exited: the terminal is as it was (journey 1, "q leaves the terminal exactly
/// as it was"): cooked mode, main screen, cursor shown, mouse and bracketed paste off, each
/// switched back after it was switched on.
fn assert_terminal_restored(t: &Pty) {
    assert!(t.is_cooked(), "raw mode left on");
    let raw = String::from_utf8_lossy(&t.raw()).to_string();
    for (on, off, what) in [
        ("\x1b[?1049h", "\x1b[?1049l", "alternate screen"),
        ("\x1b[?1000h", "\x1b[?1000l", "mouse capture"),
        ("\x1b[?2004h", "\x1b[?2004l", "bracketed paste"),
        ("\x1b[?25l", "\x1b[?25h", "hidden cursor"),
    ] {
        let last_on = raw
            .rfind(on)
            .unwrap_or_else(|| panic!("{what} never switched on"));
        let last_off = raw.rfind(off).unwrap_or_else(|| panic!("{what} left on"));
        assert!(last_off > last_on, "{what} left on");
    }
}

#[test]
fn first_minute_read_scroll_search_help_quit() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = spawn(&[], &dir, 100, 30);
    let screen = t.wait_for("? help");
    assert!(screen.contains("NATO Resumes Dialogue with Russia"));
    assert!(screen.contains("READING"));

    t.send("?");
    t.wait_for("Help");
    t.wait_for("scroll down one line");
    t.send("\x1b");
    t.wait_for("READING");

    t.send("G");
    let screen = t.wait_for("100%");
    assert!(screen.contains("back in business with each other."));
    t.send("g");
    t.wait_for("NATO Resumes Dialogue with Russia");

    t.send("/cybersecurity");
    t.wait_for("/cybersecurity");
    t.send("\r");
    t.wait_for("1 match for cybersecurity");

    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
    assert_terminal_restored(&t);
}

/// The first run shows a one-line tip about the panels and help, remembered in the data dir:
/// the second run does not show it again; at 120 columns the status bar hints the panel keys.
#[test]
fn the_first_run_shows_a_tip_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = spawn(&[], &dir, 120, 35);
    let screen = t.wait_for("tip: 1 quotes, 2 timeline, 3 notes open the side panel");
    assert!(screen.contains("? lists every key"), "{screen}");
    t.send("j");
    t.wait_for("1 quotes  2 timeline  3 notes  ? help");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
    assert!(dir.path().join("data").join("first-run-tip-shown").exists());

    let mut t = spawn(&[], &dir, 120, 35);
    let screen = t.wait_for("? help");
    assert!(!screen.contains("tip:"), "shown once only:\n{screen}");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
}

#[test]
fn resize_keeps_the_reading_position() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = spawn(&[], &dir, 100, 30);
    t.wait_for("? help");
    t.send("/Steinmeier\r");
    t.wait_for("1 match for Steinmeier");
    t.resize(60, 20);
    t.wait_for_row(19, "? help");
    t.wait_for("Steinmeier");
    t.resize(120, 40);
    t.wait_for_row(39, "? help");
    let screen = t.wait_for("Steinmeier");
    assert!(screen.contains("German Foreign Minister"));
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
}

#[test]
fn sigterm_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = spawn(&[], &dir, 80, 24);
    t.wait_for("? help");
    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(t.child.id() as i32, libc::SIGTERM) };
    t.wait_exit();
    assert_terminal_restored(&t);
}

#[test]
fn annotate_quit_and_find_the_note_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = spawn(&[], &dir, 110, 30);
    t.wait_for("? help");
    t.send("/Moscow blames\r");
    t.wait_for("1 match for Moscow blames");
    t.send("a");
    t.wait_for("ctrl-s save");
    t.send("check: NATO's 2016 posture figures");
    t.send("\x13"); // ctrl-s
    t.wait_for("note saved");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));

    let mut t = spawn(&[], &dir, 110, 30);
    t.wait_for("? help");
    t.send("3");
    let screen = t.wait_for("check: NAT");
    assert!(screen.contains("Moscow blames NATO"), "{screen}");
    t.send("\r");
    let screen = t.wait_for("✎ Moscow blames NATO");
    assert!(screen.contains("✎"));
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
}

/// Journey 2: the quotes panel, picking a speaker, cycling their quotations, and every
/// quotation in text order.
#[test]
fn who_said_what() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = spawn(&[], &dir, 110, 30);
    t.wait_for("? help");

    t.send("1");
    let screen = t.wait_for("Sergey Lavrov (2)");
    for entry in [
        "US (1)",
        "Alexander Grushko (1) · Russia’s amba",
        "Sergey Lavrov (2) · Russian Foreign M",
        "Jens Stoltenberg (2) · NATO Secretary",
        "Frank-Walter Steinmeier (1) · German",
    ] {
        assert!(screen.contains(entry), "{entry} missing:\n{screen}");
    }
    t.send("\\");
    t.wait_for_absent("Sergey Lavrov (2)");

    // Pick Lavrov by typing part of his name: the reader jumps to his first quotation.
    t.send("p");
    t.wait_for("type to narrow");
    t.send("lavr\r");
    t.wait_for("Sergey Lavrov: > for the next quotation");
    t.wait_for("judged it necessary to contact us again");
    t.send(">");
    t.wait_for("Sergey Lavrov: quotation 2 of 2");
    t.send(">");
    t.wait_for("Sergey Lavrov: wrapped round to 1 of 2");

    // Each speaker's quotations in their own colour.
    t.wait_for("NATO and Russia have profound");
    let colour = |needle: &str| {
        let at = t.find(needle);
        let &(row, col) = at
            .first()
            .unwrap_or_else(|| panic!("{needle} not on screen"));
        t.cell(row, col).fgcolor()
    };
    let lavrov = colour("judged it necessary");
    assert_ne!(lavrov, vt100::Color::Default);
    assert_eq!(colour("But, and we have made"), lavrov);
    assert_ne!(colour("NATO and Russia have profound"), lavrov);

    // Next quotation from the top: all seven, in text order, Steinmeier's statement his.
    t.send("g");
    t.wait_for_absent("wrapped round");
    for (i, speaker) in [
        "US",
        "Alexander Grushko",
        "Sergey Lavrov",
        "Sergey Lavrov",
        "Jens Stoltenberg",
        "Jens Stoltenberg",
        "Frank-Walter Steinmeier",
    ]
    .into_iter()
    .enumerate()
    {
        t.send("]");
        t.wait_for(&format!("{speaker}: quotation {} of 7", i + 1));
    }
    t.send("]");
    t.wait_for("US: wrapped round to 1 of 7");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
}

/// Journey 3: the timeline in order with the article's date marked; choosing an incident
/// shows its sentence, highlighted, in the reader.
#[test]
fn what_happened_when() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = spawn(&[], &dir, 110, 30);
    t.wait_for("? help");
    t.send("2");
    let screen = t.wait_for("21 Apr 2016 ▼");
    // The strip: the span from 2002 to 2016, a marker per incident (close ones share one).
    let lines: Vec<&str> = screen.lines().collect();
    let span = lines
        .iter()
        .position(|l| l.contains("│2002") && l.contains("2016│"))
        .unwrap_or_else(|| panic!("no 2002–2016 span:\n{screen}"));
    let strip = lines[span - 1].rsplit('│').nth(1).unwrap();
    assert!(
        strip.starts_with('●') && strip.matches('●').count() >= 3,
        "{strip}"
    );
    let order = [
        "2002 ",
        "early 2014",
        "≈ 11–17 Apr 2016",
        "20 Apr 2016",
        "21 Apr 2016",
        "≈ Jul 2016",
    ];
    let rows: Vec<u16> = order
        .iter()
        .map(|label| {
            // The label column of the list, against the panel's border: the lowest occurrence
            // (the strip's marked date and span ends are above the list).
            let at = t.find(&format!("│{label}"));
            at.iter()
                .max_by_key(|(row, _)| *row)
                .unwrap_or_else(|| panic!("{label} not listed:\n{screen}"))
                .0
        })
        .collect();
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "{rows:?}\n{screen}");

    // Choose "early 2014", the second incident (the panel has the focus once opened).
    t.send("j");
    t.send("\r");
    t.wait_until("the reader to highlight the sentence of early 2014", |_| {
        t.find("early 2014")
            .iter()
            .filter(|&&(_, col)| col < 60)
            .any(|&(row, col)| t.cell(row, col).bold())
    });
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
}

/// Journey 4 after the first session: the article is edited above the note (it stays on its
/// sentence), then the sentence is deleted (the note is listed as detached, not lost), and the
/// notes export as Markdown.
#[test]
fn a_note_survives_edits_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("nato.txt");
    let sample = lectern::source::SAMPLE;
    std::fs::write(&article, sample).unwrap();
    let path = article.to_str().unwrap();

    let mut t = spawn(&[path], &dir, 110, 30);
    t.wait_for("? help");
    t.send("/Moscow blames\r");
    t.wait_for("1 match for Moscow blames");
    t.send("a");
    t.wait_for("ctrl-s save");
    t.send("check: NATO's 2016 posture figures\x13");
    t.wait_for("note saved");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));

    // A paragraph added above: the note is found again on its sentence.
    let title_end = sample.find("\n\n").unwrap();
    let edited = format!(
        "{}\n\nA new first paragraph, added later.{}",
        &sample[..title_end],
        &sample[title_end..]
    );
    std::fs::write(&article, &edited).unwrap();
    let mut t = spawn(&[path], &dir, 110, 30);
    t.wait_for("? help");
    t.send("3");
    t.wait_for("check: NAT");
    t.send("\r");
    let screen = t.wait_for("✎ Moscow blames NATO");
    assert!(!screen.contains("detached"), "{screen}");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));

    // The sentence deleted: listed as detached, with its text.
    let sentence = edited
        .lines()
        .find(|l| l.starts_with("Moscow blames NATO"))
        .unwrap();
    std::fs::write(&article, edited.replace(sentence, "")).unwrap();
    let mut t = spawn(&[path], &dir, 110, 30);
    t.wait_for("? help");
    t.send("3");
    t.wait_for("⚠ detached  Moscow blames NATO");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));

    let notes = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_lectern"))
            .arg("notes")
            .args(args)
            .env("LECTERN_DATA", dir.path().join("data"))
            .env("LECTERN_CONFIG", dir.path().join("config.toml"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        String::from_utf8(out.stdout).unwrap()
    };
    let list = notes(&["list", path]);
    assert!(
        list.contains("check: NATO's 2016 posture figures"),
        "{list}"
    );
    let md = notes(&["export", path, "--format", "markdown"]);
    assert!(md.contains("check: NATO's 2016 posture figures"), "{md}");
    assert!(md.contains("Moscow blames NATO for increasing"), "{md}");
}

/// Key, paste and resize storms: thousands of keys typed faster than a frame, a large paste
/// into the search prompt, and the window dragged through sizes down to 1×1. lectern keeps
/// up, answers the next key, and exits cleanly.
#[test]
fn key_paste_and_resize_storms() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = spawn(&[], &dir, 100, 30);
    t.wait_for("? help");

    // Every bound key but q, in a fixed shuffled order, many times over; Esc closes whatever
    // popup a key opened.
    let keys = [
        "j", "k", " ", "b", "G", "g", "]", "[", ">", "<", "t", "T", "w", "B", ")", "(", "}", "{",
        "v", "s", "S", "'", "1", "2", "3", "\\", "\t", "\r", "n", "N", "m", "M", "?", "\x1b",
        "\x04", "\x15", "\x1b[A", "\x1b[B", "\x1b[5~", "\x1b[6~",
    ];
    let mut storm = String::new();
    for i in 0..3000usize {
        storm.push_str(keys[(i * 7919) % keys.len()]);
        if i % 50 == 0 {
            storm.push('\x1b');
        }
    }
    t.send(&storm);

    for (cols, rows) in [(40, 12), (1, 1), (200, 60), (3, 2), (79, 23), (100, 30)] {
        t.resize(cols, rows);
        t.send("j");
    }
    t.send("\x1b\x1bg/");
    t.wait_for("/");
    let paste = "Moscow ".repeat(20_000);
    t.send(&format!("\x1b[200~{paste}\x1b[201~"));
    t.send("\x1b\x1b");

    // Still answering: the help opens, closes, and q quits.
    t.send("?");
    t.wait_for("scroll down one line");
    t.send("\x1b");
    t.wait_for_absent("scroll down one line");
    t.wait_for_row(29, "? help");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
    assert_terminal_restored(&t);
}

/// Journey 5: a folder of articles, the speaker index across them, a quotation opened and the
/// list found again; the second start comes from the cache.
#[test]
fn follow_a_speaker_across_a_library() {
    let dir = tempfile::tempdir().unwrap();
    let library = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/library");
    let mut t = spawn(&[library], &dir, 100, 24);
    t.wait_for("3 articles");
    t.wait_for("Talks resume in Vienna");
    // The speakers list fills as the analysis goes on, with the selection following its
    // speaker; wait for all of it so that the first row is the one to choose.
    t.wait_for_absent("analysing");
    t.send("2");
    t.wait_for("Sergey Lavrov");
    t.send("\r");
    t.wait_for("Sergey Lavrov — 3 quotations in 2 articles");
    t.send("\r");
    t.wait_for("READING");
    t.wait_for("It is fragile");
    t.send("q");
    t.wait_for("Sergey Lavrov — 3 quotations");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
    let cached = std::fs::read_dir(dir.path().join("cache"))
        .unwrap()
        .flat_map(|d| std::fs::read_dir(d.unwrap().path()).unwrap())
        .count();
    assert_eq!(cached, 6, "every article's summary and analysis are cached");
}

/// A terminal that vanishes without a word (its emulator killed, an ssh connection dropped):
/// lectern must notice that its terminal is gone and exit, keeping the notes and the reading
/// position, rather than wait forever (or spin) on a terminal that will never send a key.
#[test]
fn a_terminal_that_vanishes_ends_lectern_with_its_notes_and_position_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (data, cache, config) = (
        dir.path().join("data"),
        dir.path().join("cache"),
        dir.path().join("config.toml"),
    );
    let envs = [
        ("LECTERN_DATA", data.as_path()),
        ("LECTERN_CACHE", cache.as_path()),
        ("LECTERN_CONFIG", config.as_path()),
    ];
    // When the master closes, the kernel sends SIGHUP to the terminal's foreground process
    // group, and lectern's SIGHUP handler alone would end it. Blocked here (a blocked signal
    // stays blocked across exec, and lectern never unblocks it), SIGHUP never arrives: what is
    // tested is that lectern sees the terminal itself go, as it must when no signal comes (a
    // process outside the foreground group, a terminal lost by a wrapper that ignores SIGHUP).
    let mut t = Pty::spawn_with(&[], &envs, 110, 30, || {
        // SAFETY: sigemptyset, sigaddset and sigprocmask are async-signal-safe and only touch
        // the set on this stack and the mask of the child.
        unsafe {
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            libc::sigaddset(&mut set, libc::SIGHUP);
            if libc::sigprocmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) == -1 {
                return Err(std::io::Error::last_os_error());
            }
        }
        Ok(())
    });
    t.wait_for("? help");
    t.send("/Moscow blames\r");
    t.wait_for("1 match for Moscow blames");
    t.send("a");
    t.wait_for("ctrl-s save");
    t.send("written before the terminal went");
    t.send("\x13"); // ctrl-s
    t.wait_for("note saved");
    t.send("G");
    t.wait_for("100%");

    t.hang_up();
    // Generous for a loaded machine; a lectern that missed the hang-up never exits.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let status = loop {
        if let Some(status) = t.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "lectern still runs 10 s after its terminal closed"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0), "lectern ended badly: {status:?}");

    let listed = std::process::Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(["notes", "list"])
        .envs(envs)
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.contains("written before the terminal went"),
        "the note is kept: {listed}"
    );
    // The position was saved on the way out: the article reopens at its end.
    let mut t = spawn(&[], &dir, 110, 30);
    t.wait_for("100%");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
}
