//! A tiny pseudo-terminal driver for end-to-end tests: starts the real `lectern` binary on a
//! pty of a fixed size, types keys, and reads the screen through a vt100 parser. It keeps every
//! raw byte too, so tests can assert on what reached the terminal.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

/// Held by [`Pty::spawn`] while it creates a pty and forks: see there.
static SPAWNING: Mutex<()> = Mutex::new(());

pub struct Pty {
    pub child: Child,
    /// The master side; `None` once [`Pty::hang_up`] closed it.
    master: Option<File>,
    /// Bytes to type, written by a thread of their own: a program that stops reading its
    /// input must fail the test, not block it forever in a write.
    keyboard: Option<mpsc::Sender<(Vec<u8>, mpsc::Sender<()>)>>,
    raw: Arc<Mutex<Vec<u8>>>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Tells the screen reader thread to drop its copy of the master: the terminal only
    /// hangs up when the last copy is closed.
    hung_up: Arc<AtomicBool>,
}

fn winsize(cols: u16, rows: u16) -> libc::winsize {
    libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    }
}

impl Pty {
    /// Starts `lectern ARGS` on a `cols`×`rows` terminal with `envs` set.
    pub fn spawn(args: &[&str], envs: &[(&str, &std::path::Path)], cols: u16, rows: u16) -> Pty {
        Pty::spawn_with(args, envs, cols, rows, || Ok(()))
    }

    /// As [`Pty::spawn`], running `setup` in the child just before `lectern` is executed
    /// (it must only make async-signal-safe calls).
    pub fn spawn_with(
        args: &[&str],
        envs: &[(&str, &std::path::Path)],
        cols: u16,
        rows: u16,
        setup: impl Fn() -> std::io::Result<()> + Send + Sync + 'static,
    ) -> Pty {
        Pty::spawn_full(args, envs, cols, rows, None, setup)
    }

    /// As [`Pty::spawn_in`], with stdin read from `stdin` (a file or a pipe, as in
    /// `cat a.txt | lectern`) rather than the terminal, which stays the controlling one.
    pub fn spawn_piped(
        args: &[&str],
        dir: &std::path::Path,
        cols: u16,
        rows: u16,
        stdin: Stdio,
    ) -> Pty {
        let (data, cache, config) = (dir.join("data"), dir.join("cache"), dir.join("config.toml"));
        Pty::spawn_full(
            args,
            &[
                ("LECTERN_DATA", &data),
                ("LECTERN_CACHE", &cache),
                ("LECTERN_CONFIG", &config),
            ],
            cols,
            rows,
            Some(stdin),
            || Ok(()),
        )
    }

    fn spawn_full(
        args: &[&str],
        envs: &[(&str, &std::path::Path)],
        cols: u16,
        rows: u16,
        stdin: Option<Stdio>,
        setup: impl Fn() -> std::io::Result<()> + Send + Sync + 'static,
    ) -> Pty {
        // From openpty until the child is spawned: another test's fork in between would
        // inherit these fds before they are close-on-exec.
        let spawning = SPAWNING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (mut master, mut slave) = (0, 0);
        let ws = winsize(cols, rows);
        // SAFETY: openpty writes two fds into the given ints; the name and termios are null.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &ws,
            )
        };
        assert_eq!(rc, 0, "openpty failed");
        // Not inherited by lectern (nor by the lecterns of tests running alongside): a child
        // holding a master open would never see its terminal hang up.
        for fd in [master, slave] {
            // SAFETY: fcntl on fds that openpty just returned.
            assert_ne!(
                unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) },
                -1
            );
        }
        // SAFETY: both fds were just returned by openpty and are owned here only.
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_lectern"));
        cmd.args(args)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .stdin(stdin.unwrap_or_else(|| Stdio::from(slave.try_clone().unwrap())))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        for (k, v) in envs {
            cmd.env(k, v);
        }
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                if libc::setsid() == -1 {
                    return Err(std::io::Error::last_os_error());
                }
                // On stdout, which is always the terminal (stdin may be a pipe).
                if libc::ioctl(1, libc::TIOCSCTTY as _, 0) == -1 {
                    return Err(std::io::Error::last_os_error());
                }
                setup()
            });
        }
        let child = cmd.spawn().expect("lectern starts");
        drop(spawning);
        let master = File::from(master);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let mut reader = master.try_clone().unwrap();
        let hung_up = Arc::new(AtomicBool::new(false));
        let (raw2, parser2, hung_up2) =
            (Arc::clone(&raw), Arc::clone(&parser), Arc::clone(&hung_up));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Waits for output a little at a time, so that it notices a hang-up and closes
            // its copy of the master instead of blocking in a read that keeps it open.
            let mut ready = libc::pollfd {
                fd: reader.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            while !hung_up2.load(Ordering::Relaxed) {
                // SAFETY: poll reads and writes one pollfd that lives across the call.
                if unsafe { libc::poll(&mut ready, 1, 50) } == 0 {
                    continue;
                }
                let Ok(n) = reader.read(&mut buf) else { break };
                if n == 0 {
                    break;
                }
                raw2.lock().unwrap().extend_from_slice(&buf[..n]);
                let mut parser = parser2.lock().unwrap();
                // vt100 0.16 can underflow (a panic in its debug build) on output meant for
                // the size before a resize storm; lectern redraws all of a resized screen, so
                // a fresh model of the same size catches up with the next frame.
                let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    parser.process(&buf[..n]);
                }));
                if parsed.is_err() {
                    let (rows, cols) = parser.screen().size();
                    *parser = vt100::Parser::new(rows, cols, 0);
                }
            }
        });
        let (keyboard, keys) = mpsc::channel::<(Vec<u8>, mpsc::Sender<()>)>();
        let mut writer = master.try_clone().unwrap();
        std::thread::spawn(move || {
            for (bytes, done) in keys {
                if writer
                    .write_all(&bytes)
                    .and_then(|()| writer.flush())
                    .is_err()
                {
                    break;
                }
                let _ = done.send(());
            }
        });
        Pty {
            child,
            master: Some(master),
            keyboard: Some(keyboard),
            raw,
            parser,
            hung_up,
        }
    }

    /// Closes the master side, as a terminal emulator that vanishes does: no signal is sent
    /// from here (the kernel sends SIGHUP to the foreground process group, as it must).
    pub fn hang_up(&mut self) {
        self.hung_up.store(true, Ordering::Relaxed);
        // The typing thread drops its copy when its channel closes.
        self.keyboard = None;
        self.master = None;
    }

    fn master(&self) -> &File {
        self.master.as_ref().expect("the terminal is open")
    }

    /// Starts `lectern ARGS` with its notes and config under `dir` (`dir/data`,
    /// `dir/config.toml`), so a test never sees the user's files or another test's.
    pub fn spawn_in(args: &[&str], dir: &std::path::Path, cols: u16, rows: u16) -> Pty {
        let (data, cache, config) = (dir.join("data"), dir.join("cache"), dir.join("config.toml"));
        Pty::spawn(
            args,
            &[
                ("LECTERN_DATA", &data),
                ("LECTERN_CACHE", &cache),
                ("LECTERN_CONFIG", &config),
            ],
            cols,
            rows,
        )
    }

    /// Types bytes as the user would; fails if the program does not take them within the
    /// (generous) timeout, as when it stopped reading the terminal.
    pub fn send(&mut self, bytes: &str) {
        let (done, typed) = mpsc::channel();
        self.keyboard
            .as_ref()
            .expect("the terminal is open")
            .send((bytes.as_bytes().to_vec(), done))
            .expect("the terminal is open");
        assert!(
            typed.recv_timeout(Duration::from_secs(30)).is_ok(),
            "lectern stopped reading its input; screen:\n{}",
            self.screen()
        );
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Where `needle` starts on the screen, as (row, column) cells, every occurrence.
    pub fn find(&self, needle: &str) -> Vec<(u16, u16)> {
        let parser = self.parser.lock().unwrap();
        let (_, cols) = parser.screen().size();
        let mut found = Vec::new();
        for (row, line) in parser.screen().rows(0, cols).enumerate() {
            for (i, _) in line.match_indices(needle) {
                let col = unicode_width::UnicodeWidthStr::width(&line[..i]);
                found.push((row as u16, col as u16));
            }
        }
        found
    }

    /// The cell at (row, column): its character and attributes (colour, bold…).
    pub fn cell(&self, row: u16, col: u16) -> vt100::Cell {
        let parser = self.parser.lock().unwrap();
        parser
            .screen()
            .cell(row, col)
            .expect("cell on screen")
            .clone()
    }

    /// The terminal's foreground process group (the job a shell's `fg` continues).
    pub fn foreground_group(&self) -> i32 {
        // SAFETY: tcgetpgrp only reads the pty's foreground group.
        unsafe { libc::tcgetpgrp(self.master().as_raw_fd()) }
    }

    /// Everything the program wrote to the terminal.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits (generously: CI machines are loaded) until the screen shows `needle`.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(&format!("{needle:?}"), |screen| screen.contains(needle))
    }

    /// Waits until the screen no longer shows `needle` (a message that a key clears).
    pub fn wait_for_absent(&self, needle: &str) -> String {
        self.wait_until(&format!("{needle:?} to go"), |screen| {
            !screen.contains(needle)
        })
    }

    /// Waits until `done` holds for the screen; `what` names it in the failure message.
    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Waits until row `row` of the screen shows `needle` (e.g. the status bar after a resize).
    pub fn wait_for_row(&self, row: u16, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let line = {
                let parser = self.parser.lock().unwrap();
                let (_, cols) = parser.screen().size();
                parser.screen().contents_between(row, 0, row, cols)
            };
            if line.contains(needle) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {needle:?} on row {row}; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Whether the terminal is back in cooked mode (line editing and echo on), as a shell
    /// expects it after the program exits.
    pub fn is_cooked(&self) -> bool {
        // SAFETY: termios is plain data; tcgetattr fills it from the pty's line discipline.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        let rc = unsafe { libc::tcgetattr(self.master().as_raw_fd(), &mut t) };
        assert_eq!(rc, 0, "tcgetattr failed");
        t.c_lflag & (libc::ICANON | libc::ECHO) == (libc::ICANON | libc::ECHO)
    }

    /// Changes the terminal size; the kernel sends SIGWINCH to the program.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The screen model first: lectern's redraw for the new size may arrive as soon as the
        // ioctl returns, and must not be parsed on the old size (then cut by the resize).
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        let ws = winsize(cols, rows);
        // SAFETY: TIOCSWINSZ reads a winsize from the pointer.
        let rc = unsafe { libc::ioctl(self.master().as_raw_fd(), libc::TIOCSWINSZ, &ws) };
        assert_eq!(rc, 0);
    }

    /// Waits for the program to exit and returns its exit code.
    pub fn wait_exit(&mut self) -> Option<i32> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread drain the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status.code();
            }
            assert!(
                Instant::now() < deadline,
                "lectern did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
