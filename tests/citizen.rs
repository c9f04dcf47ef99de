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

/// Runs in the pty's child before `lectern` is executed, as a job-control shell would start
/// it: lectern in a process group of its own, in the terminal's foreground, with this
/// process (the session leader) as its parent waiting for it. Without such a parent the
/// group would be orphaned, and the kernel discards a SIGTSTP sent to an orphaned group.
/// This process never executes lectern: it ends with lectern's exit status.
fn as_a_job() -> std::io::Result<()> {
    // SAFETY: between fork and exec only async-signal-safe calls (fork, close, setpgid,
    // tcsetpgrp, tcgetpgrp, getpid, nanosleep, waitpid, _exit).
    unsafe {
        let pid = libc::fork();
        if pid < 0 {
            return Err(std::io::Error::last_os_error());
        }
        if pid == 0 {
            libc::setpgid(0, 0);
            // Wait to be the foreground job, or lectern's first write to the terminal
            // would stop it (SIGTTOU).
            while libc::tcgetpgrp(1) != libc::getpid() {
                let pause = libc::timespec {
                    tv_sec: 0,
                    tv_nsec: 1_000_000,
                };
                libc::nanosleep(&pause, std::ptr::null_mut());
            }
            return Ok(());
        }
        // std's spawn waits for the exec to close its error pipe: this process never executes
        // anything, so it closes every descriptor but the terminal's.
        for fd in 3..1024 {
            libc::close(fd);
        }
        libc::setpgid(pid, pid);
        libc::tcsetpgrp(1, pid);
        loop {
            let mut status = 0;
            if libc::waitpid(pid, &mut status, libc::WUNTRACED) == -1 {
                libc::_exit(127);
            }
            if libc::WIFEXITED(status) {
                libc::_exit(libc::WEXITSTATUS(status));
            }
            if libc::WIFSIGNALED(status) {
                libc::_exit(128 + libc::WTERMSIG(status));
            }
            // Stopped: the test continues it, as `fg` would.
        }
    }
}

/// Whether the terminal is on its main screen: the alternate screen was left after it was
/// last entered.
fn on_main_screen(t: &Pty) -> bool {
    let raw = String::from_utf8_lossy(&t.raw()).to_string();
    match (raw.rfind("\x1b[?1049h"), raw.rfind("\x1b[?1049l")) {
        (Some(on), Some(off)) => off > on,
        (None, _) => true,
        (Some(_), None) => false,
    }
}

/// The state of process `pid` as /proc tells it (`T` when stopped).
fn process_state(pid: i32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit(')').next()?.trim_start().chars().next()
}

#[test]
fn ctrl_z_suspends_and_fg_brings_the_screen_back_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (data, cache, config) = (
        dir.path().join("data"),
        dir.path().join("cache"),
        dir.path().join("config.toml"),
    );
    let mut t = Pty::spawn_with(
        &[TRAM],
        &[
            ("LECTERN_DATA", &data),
            ("LECTERN_CACHE", &cache),
            ("LECTERN_CONFIG", &config),
        ],
        80,
        24,
        as_a_job,
    );
    t.wait_for("Council Approves Tram Line");
    // Somewhere other than the top, with the panel open: all of it must come back.
    t.send("jjjjj");
    t.send("1");
    // The quotes tab has the focus once the keys are read (`READING` is on the screen before
    // them, so waiting for it raced the keys).
    t.wait_for("QUOTES");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let before = t.screen();
    let job = t.foreground_group();

    t.send("\x1a"); // ctrl-z
    t.wait_until("the terminal given back", |_| {
        t.is_cooked() && on_main_screen(&t)
    });
    if cfg!(target_os = "linux") {
        t.wait_until("lectern stopped", |_| process_state(job) == Some('T'));
    }
    let raw = String::from_utf8_lossy(&t.raw()).to_string();
    let handed_back = raw.rfind("\x1b[?1049l").unwrap();
    assert!(
        raw[handed_back..].contains("\x1b[?25h"),
        "the cursor is shown for the shell"
    );
    assert!(
        raw.rfind("\x1b[?1000l").unwrap() > raw.rfind("\x1b[?1000h").unwrap(),
        "mouse capture is off while suspended"
    );

    // `fg`: the job is continued and lectern draws the screen it left.
    // SAFETY: kill sends a signal to the job's process group.
    assert_eq!(unsafe { libc::kill(-job, libc::SIGCONT) }, 0);
    t.wait_until("the alternate screen again", |_| {
        !on_main_screen(&t) && !t.is_cooked()
    });
    let after = t.wait_until("the same screen", |s| s == before);
    assert_eq!(after, before);

    // Still working after it: a key moves, q quits and restores the terminal.
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
    assert!(t.is_cooked() && on_main_screen(&t));
}

#[test]
fn ctrl_c_cancels_the_prompt_then_the_editor_then_quits() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Pty::spawn_in(&[TRAM], dir.path(), 80, 24);
    t.wait_for("READING");

    // The search prompt: cancelled, lectern still running.
    t.send("/tram");
    t.wait_for("/tram");
    t.send("\x03");
    t.wait_for("READING");
    t.wait_for_absent("/tram");

    // The note editor with text typed: the first ctrl-c asks (as Esc does), the second
    // discards; nothing was saved.
    t.send("a");
    t.wait_for("NOTE");
    t.send("half a thought");
    t.wait_for("half a thought");
    t.send("\x03");
    t.wait_for("esc again discards");
    t.send("\x03");
    t.wait_for("note not saved");
    assert!(
        !dir.path().join("data/notes").exists()
            || common::notes_files(&dir.path().join("data")).is_empty()
    );

    // Nothing open: ctrl-c quits cleanly, exit 0, the terminal restored.
    t.send("\x03");
    assert_eq!(t.wait_exit(), Some(0));
    assert!(t.is_cooked() && on_main_screen(&t));
}

/// ctrl-c in an article opened from the library quits lectern (q goes back to the list).
#[test]
fn ctrl_c_quits_from_an_article_over_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let library = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/library");
    let mut t = Pty::spawn_in(&[library], dir.path(), 100, 30);
    t.wait_for("LIBRARY");
    t.send("\r");
    t.wait_for("READING");
    t.send("\x03");
    assert_eq!(t.wait_exit(), Some(0));
}

/// `ctrl-t` hands the mouse to the terminal (its own selection works) and back; the config's
/// `mouse = false` starts without capture.
#[test]
fn mouse_capture_is_switched_by_a_key_and_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Pty::spawn_in(&[TRAM], dir.path(), 80, 24);
    t.wait_for("READING");
    let captured = |t: &Pty| {
        let raw = String::from_utf8_lossy(&t.raw()).to_string();
        raw.rfind("\x1b[?1000h")
            .map(|on| raw.rfind("\x1b[?1000l").is_none_or(|off| on > off))
    };
    assert_eq!(captured(&t), Some(true));
    t.send("\x14"); // ctrl-t
    t.wait_for("mouse off");
    t.wait_until("capture off", |_| captured(&t) == Some(false));
    t.send("\x14");
    t.wait_for("mouse on");
    t.wait_until("capture on", |_| captured(&t) == Some(true));
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));

    std::fs::write(dir.path().join("config.toml"), "mouse = false\n").unwrap();
    let mut t = Pty::spawn_in(&[TRAM], dir.path(), 80, 24);
    t.wait_for("READING");
    assert_eq!(captured(&t), None, "no capture asked for");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
}
