//! The web module against a real HTTP server: one started by each test on 127.0.0.1, serving
//! the fixtures in `tests/fixtures/web/`. No test touches any other address.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use lectern::notes::{Anchor, Note};
use lectern::source::{self, LoadOptions};
use lectern::web::changes::Change;
use lectern::web::fetch::{self, FetchError, Options, Outcome};
use lectern::web::{self, Freshness, feeds};
use tiny_http::{Header, Response, Server, StatusCode};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/web");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(FIXTURES).join(name)).unwrap()
}

/// A local server; `edition` picks which version of `/article` it serves (1 or 2).
struct Local {
    base: String,
    edition: Arc<AtomicUsize>,
}

impl Local {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap()
}

fn serve() -> Local {
    let server = Arc::new(Server::http("127.0.0.1:0").unwrap());
    let port = server.server_addr().to_ip().unwrap().port();
    let edition = Arc::new(AtomicUsize::new(1));
    let shared = edition.clone();
    thread::spawn(move || {
        for request in server.incoming_requests() {
            let edition = shared.load(Ordering::SeqCst);
            // Each request on its own thread: the slow one must not hold up the others.
            thread::spawn(move || respond(request, edition));
        }
    });
    Local {
        base: format!("http://127.0.0.1:{port}"),
        edition,
    }
}

fn respond(request: tiny_http::Request, edition: usize) {
    let html = |name: &str| {
        Response::from_data(fixture(name))
            .with_header(header("Content-Type", "text/html; charset=utf-8"))
    };
    let redirect = |status: u16, to: &str| {
        Response::from_data(Vec::new())
            .with_status_code(status)
            .with_header(header("Location", to))
    };
    let url = request.url().to_string();
    let response = match url.as_str() {
        "/page" => html("page.html"),
        "/redirect/1" => redirect(302, "/redirect/2"),
        "/redirect/2" => redirect(301, "/redirect/3"),
        // Relative to the current address, as servers often write it.
        "/redirect/3" => redirect(307, "../page"),
        "/loop/a" => redirect(302, "/loop/b"),
        "/loop/b" => redirect(302, "/loop/a"),
        "/to-ftp" => redirect(302, "ftp://127.0.0.1/file"),
        "/missing" => html("page.html").with_status_code(404),
        "/broken" => html("page.html").with_status_code(500),
        "/slow" => {
            // Longer than any test waits: the client's time-out must end it.
            thread::sleep(Duration::from_secs(30));
            html("page.html")
        }
        "/big" => Response::from_data(vec![b'a'; 300_000])
            .with_header(header("Content-Type", "text/plain")),
        "/big-stream" => {
            // No Content-Length (chunked): the size is known only by reading.
            let _ = request.respond(Response::new(
                StatusCode(200),
                vec![header("Content-Type", "text/plain")],
                std::io::repeat(b'a').take(300_000),
                None,
                None,
            ));
            return;
        }
        "/report.pdf" => Response::from_data(fixture("report.pdf"))
            .with_header(header("Content-Type", "application/pdf")),
        "/latin1" => Response::from_data(fixture("latin1.html"))
            .with_header(header("Content-Type", "text/html; charset=ISO-8859-1")),
        "/gzip" => {
            let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            z.write_all(&fixture("page.html")).unwrap();
            Response::from_data(z.finish().unwrap())
                .with_header(header("Content-Type", "text/html; charset=utf-8"))
                .with_header(header("Content-Encoding", "gzip"))
        }
        "/feed.rss" => Response::from_data(fixture("feed.rss"))
            .with_header(header("Content-Type", "application/rss+xml")),
        "/feed.atom" => Response::from_data(fixture("feed.atom"))
            .with_header(header("Content-Type", "application/atom+xml")),
        "/subs.opml" => Response::from_data(fixture("subs.opml"))
            .with_header(header("Content-Type", "text/x-opml")),
        "/article" => {
            let etag = format!("\"edition-{edition}\"");
            let asked = request
                .headers()
                .iter()
                .find(|h| h.field.equiv("If-None-Match"))
                .map(|h| h.value.as_str().to_string());
            if asked.as_deref() == Some(etag.as_str()) {
                Response::from_data(Vec::new()).with_status_code(304)
            } else {
                html(&format!("article-v{edition}.html")).with_header(header("ETag", &etag))
            }
        }
        _ => Response::from_data(b"no such fixture".to_vec()).with_status_code(404),
    };
    let _ = request.respond(response);
}

fn fetched(outcome: Outcome) -> fetch::Page {
    match outcome {
        Outcome::Fetched(page) => page,
        other @ Outcome::NotModified { .. } => panic!("expected a page, got {other:?}"),
    }
}

#[test]
fn a_page_is_fetched_and_read_as_an_article() {
    let local = serve();
    let page = fetched(fetch::fetch(&local.url("/page"), &Options::default(), None).unwrap());
    assert_eq!(page.media_type.as_deref(), Some("text/html"));
    let article =
        source::from_bytes(&page.body_utf8(), &page.final_url, LoadOptions::default()).unwrap();
    assert_eq!(
        article.meta.title,
        "Night trains return to the northern line"
    );
    assert!(article.text().contains("Jonas Berg"));
    // A fragment is a place in the page: the same page is fetched.
    let same =
        fetched(fetch::fetch(&local.url("/page#tickets"), &Options::default(), None).unwrap());
    assert_eq!(same.body, page.body);
}

#[test]
fn redirects_are_followed_capped_and_loops_named() {
    let local = serve();
    let page = fetched(fetch::fetch(&local.url("/redirect/1"), &Options::default(), None).unwrap());
    assert_eq!(page.final_url, local.url("/page"));
    assert_eq!(page.url, local.url("/redirect/1"));

    let two = Options {
        max_redirects: 2,
        ..Options::default()
    };
    let e = fetch::fetch(&local.url("/redirect/1"), &two, None).unwrap_err();
    assert!(
        matches!(e, FetchError::TooManyRedirects { limit: 2, .. }),
        "{e}"
    );

    let e = fetch::fetch(&local.url("/loop/a"), &Options::default(), None).unwrap_err();
    assert!(matches!(e, FetchError::RedirectLoop { .. }), "{e}");
    assert!(e.to_string().contains("redirect loop"), "{e}");

    let e = fetch::fetch(&local.url("/to-ftp"), &Options::default(), None).unwrap_err();
    assert!(matches!(e, FetchError::BadRedirect { .. }), "{e}");
}

#[test]
fn http_errors_are_named() {
    let local = serve();
    for (path, status, words) in [("/missing", 404, "Not Found"), ("/broken", 500, "Internal")] {
        let e = fetch::fetch(&local.url(path), &Options::default(), None).unwrap_err();
        assert!(
            matches!(e, FetchError::Status { status: s, .. } if s == status),
            "{e}"
        );
        let message = e.to_string();
        assert!(
            message.contains(&status.to_string()) && message.contains(words),
            "{message}"
        );
        assert!(!message.contains('\n'));
    }
}

#[test]
fn a_silent_server_times_out() {
    let local = serve();
    let quick = Options {
        read_timeout: Duration::from_secs(1),
        total_timeout: Duration::from_secs(20),
        ..Options::default()
    };
    let e = fetch::fetch(&local.url("/slow"), &quick, None).unwrap_err();
    assert!(matches!(e, FetchError::Timeout { .. }), "{e}");
    assert!(e.to_string().contains("timed out"), "{e}");
}

#[test]
fn bodies_over_the_cap_are_refused() {
    let local = serve();
    let small = Options {
        max_body: 100_000,
        ..Options::default()
    };
    for path in ["/big", "/big-stream"] {
        let e = fetch::fetch(&local.url(path), &small, None).unwrap_err();
        assert!(
            matches!(e, FetchError::TooLarge { limit: 100_000, .. }),
            "{path}: {e}"
        );
    }
    // Under the cap, the same body is fine.
    let page = fetched(fetch::fetch(&local.url("/big"), &Options::default(), None).unwrap());
    assert_eq!(page.body.len(), 300_000);
}

#[test]
fn a_pdf_is_refused_naming_its_type() {
    let local = serve();
    let e = fetch::fetch(&local.url("/report.pdf"), &Options::default(), None).unwrap_err();
    assert!(matches!(e, FetchError::NotText { .. }), "{e}");
    assert!(e.to_string().contains("application/pdf"), "{e}");
}

#[test]
fn a_latin1_page_is_read_by_the_header_charset() {
    let local = serve();
    let page = fetched(fetch::fetch(&local.url("/latin1"), &Options::default(), None).unwrap());
    assert_eq!(page.charset.as_deref(), Some("ISO-8859-1"));
    let article =
        source::from_bytes(&page.body_utf8(), &page.final_url, LoadOptions::default()).unwrap();
    assert!(article.text().contains("Renée Dupré"), "{}", article.text());
    assert!(article.warnings().is_empty(), "{:?}", article.warnings());
}

#[test]
fn a_gzip_page_is_inflated() {
    let local = serve();
    let page = fetched(fetch::fetch(&local.url("/gzip"), &Options::default(), None).unwrap());
    assert_eq!(page.body, fixture("page.html"));
}

#[test]
fn feeds_and_opml_are_read() {
    let local = serve();
    let rss = feeds::fetch_feed(&local.url("/feed.rss"), &Options::default()).unwrap();
    assert_eq!(rss.title, "The Coastal Ledger");
    assert_eq!(rss.items.len(), 2);
    let first = &rss.items[0];
    assert_eq!(
        first.title,
        "Harbour council delays vote on the new ferry terminal"
    );
    assert_eq!(first.source, "The Coastal Ledger");
    assert_eq!(first.link.as_deref(), Some("http://127.0.0.1/article"));
    assert_eq!(
        first.summary.as_deref(),
        Some("The council postponed its vote on Monday.")
    );
    assert_eq!(
        first.date.map(|d| d.to_rfc3339()).as_deref(),
        Some("2024-03-05T09:30:00+00:00")
    );

    let atom = feeds::fetch_feed(&local.url("/feed.atom"), &Options::default()).unwrap();
    assert_eq!(atom.title, "Rail Weekly");
    assert_eq!(atom.items[0].author.as_deref(), Some("Jonas Lind"));
    // Published, not updated, is the item's date; without it, updated.
    assert_eq!(
        atom.items[0].date.map(|d| d.to_rfc3339()).as_deref(),
        Some("2024-02-10T06:00:00+00:00")
    );
    assert_eq!(atom.items[1].title, "Fares & timetables");
    assert_eq!(
        atom.items[1].summary.as_deref(),
        Some("New fares from March.")
    );
    assert_eq!(
        atom.items[1].date.map(|d| d.to_rfc3339()).as_deref(),
        Some("2024-02-12T10:00:00+00:00")
    );

    let opml = fetched(fetch::fetch(&local.url("/subs.opml"), &Options::default(), None).unwrap());
    let subs = feeds::parse_opml(&String::from_utf8(opml.body).unwrap(), "subs.opml").unwrap();
    let urls: Vec<&str> = subs.iter().map(|s| s.url.as_str()).collect();
    assert_eq!(
        urls,
        ["http://127.0.0.1/feed.rss", "http://127.0.0.1/feed.atom"]
    );
    assert_eq!(subs[0].tags, ["Local"]);

    let e = feeds::fetch_feed(&local.url("/page"), &Options::default()).unwrap_err();
    assert!(e.to_string().contains("not a feed"), "{e}");
}

#[test]
fn every_feed_of_a_list_is_fetched_and_each_failure_named() {
    let local = serve();
    let urls = format!(
        "{}/feed.rss local\n{}/feed.atom\n{}/missing\nquery:x:unread = \"yes\"\n",
        local.base, local.base, local.base
    );
    let subs = feeds::parse_newsboat_urls(&urls);
    assert_eq!(subs.len(), 3);
    let results = std::sync::Mutex::new(Vec::new());
    feeds::fetch_all(&subs, &Options::default(), 2, |i, feed| {
        results
            .lock()
            .unwrap()
            .push((i, feed.map(|f| f.title).map_err(|e| e.to_string())));
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|(i, _)| *i);
    assert_eq!(results[0].1.as_deref(), Ok("The Coastal Ledger"));
    assert_eq!(results[1].1.as_deref(), Ok("Rail Weekly"));
    let e = results[2].1.as_ref().unwrap_err();
    assert!(e.contains("404"), "{e}");
}

fn note_on(text: &str, passage: &str, id: &str) -> Note {
    let start = text
        .find(passage)
        .unwrap_or_else(|| panic!("{passage:?} in {text}"));
    let now = chrono::Utc::now();
    Note {
        id: id.into(),
        label: "yellow".into(),
        body: "checked with the minutes".into(),
        created: now,
        updated: now,
        anchor: Anchor::new(text, start..start + passage.len()),
        range: None,
    }
}

#[test]
fn an_edited_article_is_kept_in_both_versions_and_its_changes_reported() {
    let local = serve();
    let data = tempfile::tempdir().unwrap();
    let url = local.url("/article");
    let options = Options::default();

    let first = web::refresh(&url, data.path(), &options).unwrap();
    assert_eq!(first.freshness, Freshness::New);
    assert_eq!(first.version.number, 1);
    assert_eq!(first.article.meta.url.as_deref(), Some(url.as_str()));
    assert_eq!(
        first.article.meta.date,
        chrono::NaiveDate::from_ymd_opt(2024, 3, 5)
    );
    assert_eq!(
        first.version.meta.published.as_deref(),
        Some("2024-03-05T09:30:00+00:00")
    );
    let text = first.article.text();
    let notes = [
        note_on(
            text,
            "Their survey found that the seabed near the quay had risen by almost a metre in ten years.",
            "deleted",
        ),
        note_on(
            text,
            "We will not sign a contract we cannot pay for",
            "quoted",
        ),
        note_on(text, "divided residents of the old town", "kept"),
    ];

    // Unchanged on the server: a 304 to the conditional request, nothing new kept.
    let again = web::refresh(&url, data.path(), &options).unwrap();
    assert_eq!(again.freshness, Freshness::Unchanged);
    assert_eq!(again.version.number, 1);

    local.edition.store(2, Ordering::SeqCst);
    let second = web::refresh(&url, data.path(), &options).unwrap();
    assert_eq!(second.freshness, Freshness::Changed);
    assert_eq!(second.version.number, 2);
    let old = second.previous_article().unwrap().unwrap();
    assert_eq!(old.text(), first.article.text());

    let changes = web::compare(&old, &second.article, &notes);
    let quote = changes
        .quotations
        .iter()
        .find(|q| q.change == Change::Changed)
        .expect("the reworded quotation");
    assert!(quote.wording_changed && !quote.speaker_changed, "{quote:?}");
    assert_eq!(
        quote.new.as_ref().unwrap().speaker.as_deref(),
        Some("Elena Marsh")
    );
    assert!(
        quote
            .new
            .as_ref()
            .unwrap()
            .quote
            .text
            .contains("cannot yet pay")
    );

    let note = |id: &str| changes.notes.iter().find(|n| n.id == id);
    assert_eq!(
        note("deleted").expect("the deleted sentence's note").now,
        None
    );
    let quoted = note("quoted").expect("the edited quotation's note");
    assert_eq!(
        quoted.now.as_ref().unwrap().text,
        "We will not sign a contract we cannot yet pay for"
    );
    assert!(note("kept").is_none());

    assert!(
        changes
            .paragraphs
            .iter()
            .filter(|p| p.change == Change::Changed)
            .count()
            >= 2,
        "{:#?}",
        changes.paragraphs
    );
    let meeting = changes
        .dates
        .iter()
        .find(|d| d.change == Change::Changed)
        .expect("the meeting date");
    assert_eq!(meeting.old.as_ref().unwrap().value, "2024-03-19");
    assert_eq!(meeting.new.as_ref().unwrap().value, "2024-03-26");

    // The JSON `lectern extract --diff` will print.
    let json = web::changes::to_json(&old, &second.article).unwrap();
    assert!(
        json["quotations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|q| q["wording_changed"] == true)
    );

    // Opened again: the newest copy kept, without asking the server.
    let stored = web::open(&url, data.path(), &options).unwrap();
    assert_eq!(stored.freshness, Freshness::Stored);
    assert_eq!(stored.version.number, 2);
    assert_eq!(stored.article.text(), second.article.text());
}

#[test]
fn a_page_that_fails_keeps_nothing() {
    let local = serve();
    let data = tempfile::tempdir().unwrap();
    for path in ["/missing", "/report.pdf"] {
        let url = local.url(path);
        assert!(web::refresh(&url, data.path(), &Options::default()).is_err());
        assert!(web::store::versions(data.path(), &url).unwrap().is_empty());
    }
    assert!(!data.path().join("web").exists());
}
