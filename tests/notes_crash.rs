//! Crash safety: a child process saving notes in a loop is killed (SIGKILL) at random moments;
//! the notes file must always parse and hold every note whose save had returned.

mod common;

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lectern::notes::{Store, parse_file};
use lectern::source::{Input, LoadOptions, load};

/// Set in the child: the data dir to save notes into.
const CHILD_ENV: &str = "LECTERN_NOTES_CRASH_CHILD";
const TEST_NAME: &str = "killed_while_saving_never_loses_acknowledged_notes";
const ROUNDS: usize = 30;

/// The child: adds (and now and then deletes) notes on the sample forever, printing
/// `ack <id>` once each add has returned.
fn child(data: &str) {
    let article = load(&Input::Sample, LoadOptions::default()).unwrap();
    let mut store = Store::open(std::path::Path::new(data), &article);
    let bounds: Vec<usize> = article.text().char_indices().map(|(i, _)| i).collect();
    let mut out = std::io::stdout().lock();
    for i in 0usize.. {
        let s = (i * 7919 + std::process::id() as usize) % (bounds.len() - 40);
        let id = store
            .add(
                &article,
                bounds[s]..bounds[s + 30],
                "yellow",
                &format!("note {i}"),
            )
            .unwrap();
        writeln!(out, "ack {id}").unwrap();
        out.flush().unwrap();
        if i % 5 == 4 {
            // A note added and deleted in the same breath: exercises deletes mid-run.
            let tmp = store
                .add(&article, bounds[1]..bounds[9], "red", "tmp")
                .unwrap();
            store.delete(&article, &tmp).unwrap();
        }
    }
}

/// A small xorshift: the kill moments only need to vary, not be good random numbers.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn killed_while_saving_never_loses_acknowledged_notes() {
    if let Ok(data) = std::env::var(CHILD_ENV) {
        child(&data);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let started = Instant::now();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    let mut seed = now.map_or(1, |d| d.as_nanos() as u64) | 1;
    let mut acked: Vec<String> = Vec::new();
    let mut rounds_with_saves = 0;
    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(10 + next(&mut seed) % 120));
        child.kill().unwrap();
        child.wait().unwrap();
        let mut output = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut output)
            .unwrap();
        // Only complete lines: an ack cut by the kill does not count.
        let complete = output.rsplit_once('\n').map_or("", |(done, _)| done);
        let before = acked.len();
        acked.extend(
            complete
                .lines()
                .filter_map(|l| l.strip_prefix("ack "))
                .map(str::to_string),
        );
        rounds_with_saves += usize::from(acked.len() > before);
        if acked.is_empty() {
            continue;
        }
        let files = common::notes_files(dir.path());
        assert_eq!(files.len(), 1, "round {round}: {files:?}");
        let text = std::fs::read_to_string(&files[0]).unwrap();
        let file = parse_file(&text).unwrap_or_else(|e| panic!("round {round}: {e}"));
        for id in &acked {
            assert!(
                file.notes.iter().any(|n| &n.id == id),
                "round {round}: acknowledged note {id} lost"
            );
        }
    }
    eprintln!(
        "crash test: {ROUNDS} rounds, {rounds_with_saves} got to save before the kill, {} notes acknowledged, {:?}",
        acked.len(),
        started.elapsed()
    );
    assert!(
        rounds_with_saves > ROUNDS / 3,
        "too few rounds got to save anything"
    );
}
