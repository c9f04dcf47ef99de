//! End-to-end: the real binary in a pseudo-terminal, driven by keys, read from the screen.

mod common;

use common::pty::Pty;

fn spawn(args: &[&str], dir: &tempfile::TempDir, cols: u16, rows: u16) -> Pty {
    Pty::spawn_in(args, dir.path(), cols, rows)
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
