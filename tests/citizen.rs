//! lectern as a good command-line citizen, in a pseudo-terminal: an article piped in while keys
//! come from the terminal; ctrl-z suspends and `fg` brings the screen back; ctrl-c quits or
//! cancels. Unix only: pseudo-terminals and job-control signals.
#![cfg(unix)]

mod common;

use std::io::Write;
use std::process::Stdio;

use common::pty::Pty;

const TRAM: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tram-line.md");

/// `cat a.txt | lectern`: the article comes through the pipe, the keys from the terminal.
#[test]
fn a_piped_article_opens_and_keys_come_from_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let (reader, mut writer) = std::io::pipe().unwrap();
    writer
        .write_all(
            b"Piped Title\n\nThe first paragraph came through a pipe.\n\n\"It works,\" she said.\n",
        )
        .unwrap();
    drop(writer);
    let mut t = Pty::spawn_piped(&[], dir.path(), 80, 24, Stdio::from(reader));
    let screen = t.wait_for("Piped Title");
    assert!(screen.contains("came through a pipe"), "{screen}");
    t.send("?");
    t.wait_for("scroll down one line");
    t.send("\x1b");
    t.wait_for_absent("scroll down one line");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
    assert!(t.is_cooked());
}

/// `lectern < a.md`: a file on stdin is an article too (by content: Markdown reads as text).
#[test]
fn a_file_on_stdin_opens() {
    let dir = tempfile::tempdir().unwrap();
    let file = std::fs::File::open(TRAM).unwrap();
    let mut t = Pty::spawn_piped(&[], dir.path(), 80, 24, Stdio::from(file));
    t.wait_for("Council Approves Tram Line");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
}
