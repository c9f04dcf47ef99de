//! `lectern feeds`, `lectern --refresh URL` and the changes pane, through the real binary in a
//! pseudo-terminal, against a server each test starts on 127.0.0.1 serving the fixtures of
//! `tests/fixtures/web/`. No test touches any other address (the dead feed is a closed port of
//! 127.0.0.1).

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

/// A local server. `/held.rss` answers (a 500) only once the test sends on `release`, so a
/// test can see the feeds library while a feed is still being fetched.
struct Local {
    base: String,
    release: Sender<()>,
    /// Which version of `/article` is served (1, 2, or 3: 2 with a new headline).
    edition: Arc<AtomicUsize>,
}

/// A fixture with the feeds' `http://127.0.0.1/` addresses pointed at this server.
fn fixture(name: &str, base: &str) -> Vec<u8> {
    let text = std::fs::read_to_string(Path::new(FIXTURES).join(name)).unwrap();
    text.replace("http://127.0.0.1/", &format!("{base}/"))
        .into_bytes()
}

fn header(value: &str) -> Header {
    Header::from_bytes(&b"Content-Type"[..], value.as_bytes()).unwrap()
}

fn serve() -> Local {
    let server = Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    let base = format!("http://127.0.0.1:{port}");
    let (release, held): (Sender<()>, Receiver<()>) = channel();
    let held = Arc::new(Mutex::new(held));
    let edition = Arc::new(AtomicUsize::new(1));
    let shared = Arc::clone(&edition);
    let here = base.clone();
    thread::spawn(move || {
        for request in server.incoming_requests() {
            let held = Arc::clone(&held);
            let edition = shared.load(Ordering::SeqCst);
            let base = here.clone();
            thread::spawn(move || {
                let html = |name: &str| {
                    Response::from_data(fixture(name, &base))
                        .with_header(header("text/html; charset=utf-8"))
                };
                let response = match request.url() {
                    "/article" => html(&format!("article-v{edition}.html")),
                    "/page" => html("page.html"),
                    "/feed.rss" => Response::from_data(fixture("feed.rss", &base))
                        .with_header(header("application/rss+xml")),
                    "/feed.atom" => Response::from_data(fixture("feed.atom", &base))
                        .with_header(header("application/atom+xml")),
                    // A page at another address carrying the same story (a wire copy).
                    "/wire-copy" => html("page.html"),
                    // Hostile and broken feeds: each must fail alone, in one line.
                    "/loop.rss" => Response::from_data(Vec::new())
                        .with_status_code(302)
                        .with_header(
                            Header::from_bytes(&b"Location"[..], &b"/loop.rss"[..]).unwrap(),
                        ),
                    "/big.rss" => Response::from_data(vec![b' '; 21 * 1024 * 1024])
                        .with_header(header("application/rss+xml")),
                    "/report.pdf" => Response::from_data(
                        std::fs::read(Path::new(FIXTURES).join("report.pdf")).unwrap(),
                    )
                    .with_header(header("application/pdf")),
                    "/binary.rss" => Response::from_data(
                        std::fs::read(Path::new(FIXTURES).join("report.pdf")).unwrap(),
                    )
                    .with_header(header("application/rss+xml")),
                    "/latin1.rss" => Response::from_data(hostile_feed(
                        " encoding=\"ISO-8859-1\"",
                        b"Caf\xe9 society returns to the harbour",
                        &format!("{base}/cafe"),
                    ))
                    .with_header(header("application/rss+xml")),
                    "/bad-utf8.rss" => Response::from_data(hostile_feed(
                        "",
                        b"Broken \xff\xfe bytes in a headline",
                        &format!("{base}/broken"),
                    ))
                    .with_header(header("application/rss+xml")),
                    "/hostile.rss" => Response::from_data(hostile_feed(
                        "",
                        b"\x1b]0;owned\x07Red \x1b[31mheadline\x1b[0m from a hostile feed",
                        &format!("{base}/red"),
                    ))
                    .with_header(header("application/rss+xml")),
                    // A page that cannot be fetched until the second edition.
                    "/late" if edition < 2 => html("page.html").with_status_code(503),
                    "/late" => html("page.html"),
                    "/late.rss" => Response::from_data(hostile_feed(
                        "",
                        b"A late story about night trains",
                        &format!("{base}/late"),
                    ))
                    .with_header(header("application/rss+xml")),
                    "/held.rss" => {
                        let _ = held.lock().unwrap().recv();
                        html("page.html").with_status_code(500)
                    }
                    _ => html("page.html").with_status_code(404),
                };
                let _ = request.respond(response);
            });
        }
    });
    Local {
        base,
        release,
        edition,
    }
}

/// An RSS feed of one item titled `title` (raw bytes, whatever they are) linking `link`, with
/// `declaration` in its XML declaration; its feed title and author carry escape sequences too.
fn hostile_feed(declaration: &str, title: &[u8], link: &str) -> Vec<u8> {
    let mut out = format!(
        "<?xml version=\"1.0\"{declaration}?><rss version=\"2.0\"><channel>\
         <title>Odd\x1b]2;feed-title\x07 Gazette</title><item><title>"
    )
    .into_bytes();
    out.extend_from_slice(title);
    out.extend_from_slice(format!("</title><link>{link}</link>").as_bytes());
    out.extend_from_slice(
        b"<author>desk@example.org (Desk\x1b]0;author\x07)</author>\
          <pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate>\
          <description>A short summary.</description></item></channel></rss>",
    );
    out
}

fn lectern(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("lectern").expect("binary built");
    cmd.env("LECTERN_DATA", dir.join("data"))
        .env("LECTERN_CACHE", dir.join("cache"))
        .env("LECTERN_CONFIG", dir.join("config.toml"))
        .env_remove("NO_COLOR");
    cmd
}

#[test]
fn the_feeds_of_the_config_become_a_library_with_each_broken_feed_saying_why() {
    let local = serve();
    let dir = tempfile::tempdir().unwrap();
    let b = &local.base;
    std::fs::write(
        dir.path().join("config.toml"),
        format!(
            "feeds = [\"{b}/feed.rss\", \"{b}/feed.atom\", \"{b}/missing.rss\", \"{b}/page\", \
             \"http://127.0.0.1:1/dead.rss\", \"{b}/held.rss\"]\n"
        ),
    )
    .unwrap();
    let mut t = Pty::spawn_in(&["feeds"], dir.path(), 120, 30);
    // Five feeds are in (or failed), the sixth is held: the library is there already.
    t.wait_for("fetching feeds 5/6");
    t.wait_for("Harbour council delays vote");
    t.wait_for(&format!("{b}/missing.rss: HTTP 404"));
    t.wait_for(&format!("{b}/page: not a feed"));
    t.wait_for("dead.rss: cannot connect");
    local.release.send(()).unwrap();
    t.wait_for(&format!("{b}/held.rss: HTTP 500"));
    t.wait_for_absent("fetching feeds");
    t.wait_for("Fares & timetables");
    t.wait_for("Rail Weekly");
    t.wait_for_absent("analysing");
    // Both feeds link the night trains page: one row, with both sources (in the order the
    // feeds arrived).
    let screen = t.screen();
    assert_eq!(screen.matches("Night trains return").count(), 1, "{screen}");
    // The filter matches sources: the row is found under either feed's name.
    t.send("/coastal");
    t.wait_for_absent("Fares & timetables");
    t.wait_for("Night trains return");
    t.send("\x1b");
    t.wait_for("Fares & timetables");
    t.send("/rail weekly");
    t.wait_for_absent("Harbour council");
    t.wait_for("Night trains return");
    t.send("\x1b");
    t.wait_for("Harbour council");
    // The speakers and the timeline across the items' pages.
    t.send("2");
    t.wait_for("Elena Marsh");
    // The wire's copy of the night trains story, at another address: the most quoted
    // speaker's quotation is one row, with both sources.
    t.send("g\r");
    t.wait_for("(= in several");
    t.wait_for("2: ");
    t.send("\x1b");
    t.wait_for_absent("in several");
    t.send("3");
    t.wait_for("first proposed in 2019");
    // Newest first: the harbour story opens as its full page, kept in the data dir.
    t.send("1");
    t.send("g\r");
    t.wait_for("We will not sign a contract we cannot pay for");
    t.send("q");
    t.wait_for("Fares & timetables");
    // The fares item links to a page that is gone: the feed's summary is what opens.
    t.send("j\r");
    t.wait_for("the feed's summary");
    t.send("q");
    t.wait_for("Fares & timetables");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
    let kept = walk(&dir.path().join("data").join("web"));
    assert!(
        kept.iter()
            .any(|p| std::fs::read_to_string(p).is_ok_and(|s| s.contains("Elena Marsh"))),
        "{kept:?}"
    );
}

/// Feeds that loop, are too big, are not feeds, are in another encoding or carry escape
/// sequences: each fails (or loads) on its own row, in one line, and the others load; nothing
/// a feed says drives the terminal.
#[test]
fn hostile_feeds_each_say_why_on_their_row_and_the_others_still_load() {
    let local = serve();
    let dir = tempfile::tempdir().unwrap();
    let b = &local.base;
    let feeds = [
        "feed.rss",
        "loop.rss",
        "big.rss",
        "report.pdf",
        "binary.rss",
        "latin1.rss",
        "bad-utf8.rss",
        "hostile.rss",
    ];
    let list: Vec<String> = feeds.iter().map(|f| format!("\"{b}/{f}\"")).collect();
    std::fs::write(
        dir.path().join("config.toml"),
        format!("feeds = [{}]\n", list.join(", ")),
    )
    .unwrap();
    let mut t = Pty::spawn_in(&["feeds"], dir.path(), 160, 30);
    t.wait_for_absent("fetching feeds");
    t.wait_for("Harbour council delays vote");
    t.wait_for(&format!("{b}/loop.rss: redirect loop"));
    t.wait_for(&format!("{b}/big.rss: the page is larger than"));
    t.wait_for(&format!("{b}/report.pdf: is application/pdf"));
    t.wait_for(&format!("{b}/binary.rss: not a feed"));
    t.wait_for("Caf\u{e9} society returns to the harbour");
    // The stray bytes become replacement characters; the rest of the title is there.
    t.wait_for("Broken");
    t.wait_for("bytes in a");
    t.wait_for("Red headline from a hostile feed");
    t.wait_for("Odd Gazette");
    let raw = String::from_utf8_lossy(&t.raw()).into_owned();
    for planted in ["owned", "feed-title", "author"] {
        assert!(
            !raw.contains(&format!("]0;{planted}")) && !raw.contains(&format!("]2;{planted}")),
            "a feed's escape sequence reached the terminal: {planted}"
        );
    }
    // Every row is one line: the screen has as many rows as the terminal, none wrapped.
    assert!(t.screen().lines().all(|l| l.chars().count() <= 160));
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
}

/// In the reader, `r` on a feed item read as the feed's summary tries its page again; a
/// refresh that changes an item's headline changes its row in the library.
#[test]
fn refreshing_feed_items_retries_their_page_and_retitles_their_row() {
    let local = serve();
    let dir = tempfile::tempdir().unwrap();
    let b = &local.base;
    std::fs::write(
        dir.path().join("config.toml"),
        format!("feeds = [\"{b}/feed.rss\", \"{b}/late.rss\"]\n"),
    )
    .unwrap();
    let mut t = Pty::spawn_in(&["feeds"], dir.path(), 120, 30);
    t.wait_for("A late story about night trains");
    t.wait_for_absent("fetching feeds");
    t.wait_for_absent("analysing");
    t.send("/late story\r");
    t.wait_for_absent("Harbour council");
    t.send("\r");
    t.wait_for("the feed's summary");
    // The server has the page now: `r` opens it in place of the summary.
    local.edition.store(2, Ordering::SeqCst);
    t.send("r");
    t.wait_for("Jonas Berg");
    t.send("q");
    t.wait_for("A late story about night trains");
    t.send("\x1b");
    t.wait_for("Harbour council delays vote");
    t.send("/harbour\r");
    t.wait_for_absent("A late story");
    t.send("\r");
    t.wait_for("We will not sign");
    // The story is edited under a new headline.
    local.edition.store(3, Ordering::SeqCst);
    t.send("r");
    t.wait_for("changed: ");
    t.send("q");
    t.send("\x1b");
    t.wait_for("A late story about night trains");
    t.wait_for("Ferry terminal vote put off as dredging costs mount");
    t.wait_for_absent("Harbour council delays vote");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
}

#[test]
fn feeds_come_from_an_opml_file_or_newsboats_urls() {
    let local = serve();
    let dir = tempfile::tempdir().unwrap();
    let opml = dir.path().join("subs.opml");
    std::fs::write(&opml, fixture("subs.opml", &local.base)).unwrap();
    let mut t = Pty::spawn_in(
        &["feeds", "--opml", opml.to_str().unwrap()],
        dir.path(),
        120,
        30,
    );
    t.wait_for("Harbour council delays vote");
    t.wait_for("Fares & timetables");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));

    let urls = dir.path().join("urls");
    std::fs::write(&urls, format!("{}/feed.atom \"rail\"\n", local.base)).unwrap();
    let mut t = Pty::spawn_in(
        &["feeds", "--opml", urls.to_str().unwrap()],
        dir.path(),
        120,
        30,
    );
    t.wait_for("Fares & timetables");
    t.wait_for_absent("fetching feeds");
    assert!(!t.screen().contains("Harbour council"), "{}", t.screen());
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
}

#[test]
fn feeds_without_any_feed_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = lectern(dir.path()).arg("feeds").assert().failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no feeds"), "{stderr}");
}

#[test]
fn refresh_prints_what_changed_without_the_reader() {
    let local = serve();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("{}/article", local.base);
    let run = |expect_ok: bool| {
        let assert = lectern(dir.path()).args(["--refresh", &url]).assert();
        let assert = if expect_ok {
            assert.success()
        } else {
            assert.failure()
        };
        let out = assert.get_output();
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (first, _) = run(true);
    assert!(first.starts_with("new: kept "), "{first}");
    let (again, _) = run(true);
    assert_eq!(again, "unchanged\n");
    local.edition.store(2, Ordering::SeqCst);
    let (changed, _) = run(true);
    assert!(
        changed.starts_with("changed: 3 paragraphs, 1 quotations"),
        "{changed}"
    );
    assert!(
        changed.contains(
            "~ wording changed: \u{201c}We will not sign a contract we cannot yet pay for,"
        ),
        "{changed}"
    );
    assert!(changed.contains("said by Elena Marsh"), "{changed}");
    assert!(changed.contains("(2024-03-19) \u{2192}"), "{changed}");
    let gone = format!("{}/gone", local.base);
    let out = lectern(dir.path())
        .args(["--refresh", &gone])
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("404"), "{stderr}");
}

/// The whole story through the real binary: a page read and annotated, edited on the server
/// (a quotation reworded, the noted sentence cut, the headline changed), refreshed with `r`:
/// the reader stays where it was, the changes pane tells what changed with the notes
/// re-anchored or detached, and the notes file is the same one (found by the page's address,
/// not its new headline).
#[test]
fn an_annotated_page_edited_on_the_server_shows_its_changes_and_keeps_its_notes() {
    let local = serve();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("{}/article", local.base);
    let mut t = Pty::spawn_in(&[&url], dir.path(), 100, 12);
    t.wait_for("Harbour council delays vote");
    t.wait_for("READING");
    // A note on the quotation the new version rewords…
    t.send("/We will not sign\r");
    t.send("a");
    t.wait_for("NOTE");
    t.send("the money question");
    t.send("\x13"); // ctrl-s
    t.wait_for("note saved");
    // …and a highlight on the sentence it cuts.
    t.send("/Their survey\r");
    t.send("h");
    t.wait_for("highlighted");
    // Somewhere down the article: which line is at the top.
    t.send("/The terminal was first\r");
    t.wait_for_absent("SEARCH");
    let top_before = first_text_row(&t.screen());
    assert!(
        !top_before.contains("Harbour council"),
        "the view did not move: {top_before}"
    );
    local.edition.store(3, Ordering::SeqCst);
    t.send("r");
    t.wait_for("changed: ");
    // The page changed above and below: the reader is still on the same passage.
    t.wait_until("the same line at the top", |s| {
        first_text_row(s) == top_before
    });
    t.send("D");
    t.wait_for("Changes at the last refresh");
    t.wait_for("wording changed");
    t.send("G");
    t.wait_for("! detached:");
    t.wait_for("Their survey found");
    t.wait_for("~ re-anchored:");
    t.send("\x1b");
    t.wait_for("READING");
    // The new headline, at the top of the new version.
    t.send("g");
    t.wait_for("Ferry terminal vote put off");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
    let notes: Vec<_> = walk(&dir.path().join("data").join("notes"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    let file = std::fs::read_to_string(&notes[0]).unwrap();
    assert!(file.contains("the money question"), "{file}");
    assert!(file.contains("Their survey found"), "{file}");
    assert!(file.contains(&url), "{file}");
}

/// The first row of the screen with text on it: the reader's top line.
fn first_text_row(screen: &str) -> String {
    screen
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim()
        .to_string()
}
