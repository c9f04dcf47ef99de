//! End-to-end: the real binary in a pseudo-terminal, driven by keys, read from the screen.

mod common;

use common::pty::Pty;

fn data_env(dir: &tempfile::TempDir) -> Vec<(&'static str, std::path::PathBuf)> {
    vec![
        ("LECTERN_DATA", dir.path().join("data")),
        ("LECTERN_CACHE", dir.path().join("cache")),
        ("LECTERN_CONFIG", dir.path().join("config.toml")),
    ]
}

fn spawn(args: &[&str], dir: &tempfile::TempDir, cols: u16, rows: u16) -> Pty {
    let env = data_env(dir);
    let env: Vec<(&str, &std::path::Path)> = env.iter().map(|(k, v)| (*k, v.as_path())).collect();
    Pty::spawn(args, &env, cols, rows)
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
    t.wait_for("1 matches for cybersecurity");

    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
    let raw = t.raw();
    let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(200)..]).to_string();
    assert!(
        tail.contains("\x1b[?1049l"),
        "left the alternate screen: {tail:?}"
    );
}

#[test]
fn resize_keeps_the_reading_position() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = spawn(&[], &dir, 100, 30);
    t.wait_for("? help");
    t.send("/Steinmeier\r");
    t.wait_for("matches for Steinmeier");
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
    let raw = String::from_utf8_lossy(&t.raw()).to_string();
    let entered = raw
        .find("\x1b[?1049h")
        .expect("entered the alternate screen");
    let left = raw
        .rfind("\x1b[?1049l")
        .expect("left the alternate screen on SIGTERM");
    assert!(left > entered);
}

#[test]
fn escape_sequences_in_an_article_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.txt");
    std::fs::write(
        &path,
        "Evil\n\nclip \x1b]52;c;aGVsbG8=\x07 link \x1b]8;;http://x\x1b\\here\x1b]8;;\x1b\\ red \x1b[31mtext\x1b[0m bell\x07 \u{202e}rtl\n",
    )
    .unwrap();
    let mut t = spawn(&[path.to_str().unwrap()], &dir, 80, 24);
    t.wait_for("bell");
    t.send("q");
    t.wait_exit();
    let raw = t.raw();
    let text = String::from_utf8_lossy(&raw);
    assert!(!text.contains("]52;"), "OSC 52 reached the terminal");
    assert!(!text.contains("]8;;"), "OSC 8 reached the terminal");
    assert!(
        !text.contains("\u{202e}"),
        "bidi override reached the terminal"
    );
    assert!(!raw.contains(&0x07), "BEL reached the terminal");
}

#[test]
fn annotate_quit_and_find_the_note_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = spawn(&[], &dir, 110, 30);
    t.wait_for("? help");
    t.send("/Moscow blames\r");
    t.wait_for("1 matches for Moscow blames");
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

/// Journey 5: a folder of articles, the speaker index across them, a quotation opened and the
/// list found again; the second start comes from the cache.
#[test]
fn follow_a_speaker_across_a_library() {
    let dir = tempfile::tempdir().unwrap();
    let library = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/library");
    let mut t = spawn(&[library], &dir, 100, 24);
    t.wait_for("3 articles");
    t.wait_for("Talks resume in Vienna");
    t.send("2");
    t.wait_for("Sergey Lavrov");
    t.send("\r");
    t.wait_for("Sergey Lavrov — 3 quotation(s) in 2 article(s)");
    t.send("\r");
    t.wait_for("READING");
    t.wait_for("It is fragile");
    t.send("q");
    t.wait_for("Sergey Lavrov — 3 quotation(s)");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
    let cached = std::fs::read_dir(dir.path().join("cache"))
        .unwrap()
        .flat_map(|d| std::fs::read_dir(d.unwrap().path()).unwrap())
        .count();
    assert_eq!(cached, 3, "every article's analysis is cached");
}
