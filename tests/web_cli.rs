//! `lectern URL` and `lectern extract URL` against a server started by each test on 127.0.0.1,
//! serving the fixtures of `tests/fixtures/web/`. No test touches any other address.

mod common;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread;

use assert_cmd::Command;
use common::pty::Pty;
use common::walk;
use tiny_http::{Header, Response, Server};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/web");

/// A local server. `/held` answers only once the test sends on `release`, so that a test can
/// look at lectern while the fetch is under way.
struct Local {
    base: String,
    release: Sender<()>,
    /// Which version of `/article` is served (1 or 2).
    edition: Arc<AtomicUsize>,
}

fn serve() -> Local {
    let server = Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    let (release, held): (Sender<()>, Receiver<()>) = channel();
    let held = Arc::new(Mutex::new(held));
    let edition = Arc::new(AtomicUsize::new(1));
    let shared = Arc::clone(&edition);
    thread::spawn(move || {
        for request in server.incoming_requests() {
            let held = Arc::clone(&held);
            let edition = shared.load(Ordering::SeqCst);
            thread::spawn(move || {
                let version = |n: usize| {
                    Response::from_data(
                        std::fs::read(Path::new(FIXTURES).join(format!("article-v{n}.html")))
                            .unwrap(),
                    )
                    .with_header(
                        Header::from_bytes(&b"Content-Type"[..], &b"text/html; charset=utf-8"[..])
                            .unwrap(),
                    )
                };
                let page = || version(1);
                let response = match request.url() {
                    "/article" => version(edition),
                    "/page" => page(),
                    "/held" => {
                        let _ = held.lock().unwrap().recv();
                        page()
                    }
                    _ => page().with_status_code(404),
                };
                let _ = request.respond(response);
            });
        }
    });
    Local {
        base: format!("http://127.0.0.1:{port}"),
        release,
        edition,
    }
}

fn lectern(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("lectern").expect("binary built");
    cmd.env("LECTERN_DATA", dir.join("data"))
        .env("LECTERN_CACHE", dir.join("cache"))
        .env("LECTERN_CONFIG", dir.join("no-config.toml"))
        .env_remove("NO_COLOR");
    cmd
}

#[test]
fn extract_url_prints_the_analysis_of_the_page_and_keeps_a_copy() {
    let local = serve();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("{}/page", local.base);
    let out = lectern(dir.path())
        .args(["extract", &url])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        json["title"], "Harbour council delays vote on the new ferry terminal",
        "{json:#}"
    );
    // The page's own date (its metadata), which anchors the timeline.
    assert_eq!(json["date"], "2024-03-05", "{json:#}");
    let quote = &json["quotes"][0];
    assert_eq!(quote["speaker"], "Elena Marsh", "{json:#}");
    assert_eq!(
        quote["text"],
        "We will not sign a contract we cannot pay for,"
    );
    // The fetched copy is kept in the data dir (notes anchor to it; it opens offline).
    let copies = walk(&dir.path().join("data").join("web"));
    assert!(
        copies
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "html")),
        "{copies:?}"
    );
}

#[test]
fn extract_url_of_a_missing_page_is_a_one_line_error_and_keeps_nothing() {
    let local = serve();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("{}/gone", local.base);
    let out = lectern(dir.path())
        .args(["extract", &url])
        .assert()
        .failure();
    let output = out.get_output();
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(&url) && stderr.contains("404"), "{stderr}");
    assert!(walk(&dir.path().join("data").join("web")).is_empty());
}

#[test]
fn a_url_shows_fetching_at_once_then_the_article() {
    let local = serve();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("{}/held", local.base);
    let mut t = Pty::spawn_in(&[&url], dir.path(), 100, 30);
    // The server has not answered yet: the first screen is already there.
    t.wait_for("fetching…");
    t.wait_for(&url);
    local.release.send(()).unwrap();
    t.wait_for("Harbour council delays vote");
    t.wait_for_absent("fetching…");
    t.wait_for("Elena Marsh");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
}

#[test]
fn a_url_that_fails_says_why_on_one_line() {
    let local = serve();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("{}/gone", local.base);
    let mut t = Pty::spawn_in(&[&url], dir.path(), 100, 30);
    t.wait_for("not opened:");
    t.wait_for("HTTP 404");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
    assert!(walk(&dir.path().join("data").join("web")).is_empty());
}

#[test]
fn r_fetches_again_and_says_what_changed_with_the_note_re_anchored() {
    let local = serve();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("{}/article", local.base);
    let mut t = Pty::spawn_in(&[&url], dir.path(), 120, 35);
    t.wait_for("Harbour council delays vote");
    t.send("r");
    t.wait_for("unchanged");
    // A highlight on the sentence the second version deletes.
    t.send("/Their survey\r");
    t.send("h");
    t.wait_for("highlighted");
    local.edition.store(2, Ordering::SeqCst);
    t.send("r");
    // v2 rewords one paragraph's quotation, cuts the noted sentence and moves a date.
    t.wait_for("changed: 3 paragraphs, 1 quotations, 1 notes");
    t.wait_for("cannot yet pay for");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
    // Both versions kept, and the one notes file now knows the new text.
    let kept = walk(&dir.path().join("data").join("web"));
    assert_eq!(
        kept.iter()
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .count(),
        2,
        "{kept:?}"
    );
    let notes: Vec<_> = walk(&dir.path().join("data").join("notes"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    let file = std::fs::read_to_string(&notes[0]).unwrap();
    assert!(file.contains("0002.html"), "{file}");
    assert!(
        file.contains("Their survey found"),
        "the note was lost: {file}"
    );
}
