//! Two processes adding notes to one article at the same time keep every note: this test
//! binary starts itself twice, as two writers on one data dir, each saving note after note.
//!
//! Each writer waits to see the other's first note in the file before adding the rest, so the
//! two really write at the same time, whatever the machine's load does to their start.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lectern::notes::{Store, parse_file};
use lectern::source::{Article, Input, LoadOptions, load};

/// Set in a child: `<data dir>|<writer name>`.
const CHILD_ENV: &str = "LECTERN_NOTES_WRITER_CHILD";
const TEST_NAME: &str = "two_processes_adding_at_once_keep_every_note";
const NOTES_EACH: usize = 80;
const WRITERS: [&str; 2] = ["left", "right"];

/// Note `i` of `writer`: a 30-char passage that differs per writer and note.
fn add(store: &mut Store, article: &Article, writer: &str, i: usize) -> String {
    let bounds: Vec<usize> = article.text().char_indices().map(|(b, _)| b).collect();
    let offset = usize::from(writer == WRITERS[1]) * 500;
    let s = (offset + i * 37) % (bounds.len() - 40);
    store
        .add(
            article,
            bounds[s]..bounds[s + 30],
            "yellow",
            &format!("{writer} {i}"),
        )
        .unwrap()
}

/// A writer: adds its first note, waits until the other writer's first note is in the file,
/// then adds the rest, printing `ack <id>` after each add has returned.
fn child(data: &Path, writer: &str) {
    let article = load(&Input::Sample, LoadOptions::default()).unwrap();
    let mut store = Store::open(data, &article);
    let mut out = std::io::stdout().lock();
    // The test harness has written `test … ` without a newline: acks start on lines of their own.
    writeln!(out).unwrap();
    let other = WRITERS.iter().find(|w| **w != writer).unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    for i in 0..NOTES_EACH {
        let id = add(&mut store, &article, writer, i);
        writeln!(out, "ack {id}").unwrap();
        out.flush().unwrap();
        while i == 0 && !store.notes().iter().any(|n| n.body == format!("{other} 0")) {
            assert!(Instant::now() < deadline, "{writer}: {other} never wrote");
            std::thread::sleep(Duration::from_millis(5));
            store.reload(&article).unwrap();
        }
    }
}

#[test]
fn two_processes_adding_at_once_keep_every_note() {
    if let Ok(arg) = std::env::var(CHILD_ENV) {
        let (data, writer) = arg.split_once('|').unwrap();
        child(Path::new(data), writer);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = WRITERS
        .iter()
        .map(|writer| {
            Command::new(&exe)
                .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"])
                .env(CHILD_ENV, format!("{}|{writer}", dir.path().display()))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut acked = Vec::new();
    for child in children {
        let output = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "a writer failed: {}\n{stdout}",
            String::from_utf8_lossy(&output.stderr)
        );
        acked.extend(
            stdout
                .lines()
                .filter_map(|l| l.strip_prefix("ack "))
                .map(str::to_string),
        );
    }
    assert_eq!(acked.len(), WRITERS.len() * NOTES_EACH);

    let files = common::notes_files(dir.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let file = parse_file(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    assert_eq!(file.notes.len(), acked.len());
    for id in &acked {
        assert!(file.notes.iter().any(|n| &n.id == id), "note {id} was lost");
    }
    // Every note of both writers, each once, with its own text.
    let mut bodies: Vec<&str> = file.notes.iter().map(|n| n.body.as_str()).collect();
    bodies.sort_unstable();
    let mut expected: Vec<String> = WRITERS
        .iter()
        .flat_map(|w| (0..NOTES_EACH).map(move |i| format!("{w} {i}")))
        .collect();
    expected.sort_unstable();
    assert_eq!(bodies, expected);
}
