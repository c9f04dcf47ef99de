//! Fixed workloads for counting instructions with callgrind, where timings on a shared machine
//! are too noisy to compare (criterion runs a varying number of iterations, so its runs cannot
//! be counted this way). Run each workload with N and with 0 steps and take the difference:
//!
//! ```sh
//! cargo build --profile profiling --example callgrind
//! valgrind --tool=callgrind target/profiling/examples/callgrind first FILE
//! valgrind --tool=callgrind target/profiling/examples/callgrind scroll FILE 200   # and 0
//! valgrind --tool=callgrind target/profiling/examples/callgrind repeat 700 200    # and 0
//! valgrind --tool=callgrind target/profiling/examples/callgrind save FILE 20      # and 0
//! valgrind --tool=callgrind --toggle-collect='callgrind::open' \
//!     target/profiling/examples/callgrind reopen FILE
//! valgrind --tool=callgrind --toggle-collect='callgrind::find_quotes' \
//!     target/profiling/examples/callgrind quotes ../shared/data/books/war_and_peace.txt
//! ```

use std::path::Path;

use lectern::app::{Action, Command, Reader};
use lectern::config::Config;
use lectern::notes::Store;
use lectern::source::{Article, Input, LoadOptions, from_bytes, load};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "../benches/support/reader.rs"]
mod reader;
#[path = "../benches/support/notes.rs"]
mod support;

const USAGE: &str = "usage: callgrind first FILE | scroll FILE STEPS | repeat COPIES STEPS | \
                     save FILE SAVES | reopen FILE | quotes FILE";

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| {
        args.get(i)
            .map(String::as_str)
            .ok_or(anyhow::anyhow!(USAGE))
    };
    let number = |i: usize| -> anyhow::Result<usize> { Ok(arg(i)?.parse()?) };
    let article = |i: usize| -> anyhow::Result<Article> {
        let bytes = std::fs::read(arg(i)?)?;
        Ok(from_bytes(&bytes, arg(i)?, LoadOptions::default())?)
    };
    match arg(0)? {
        // Load, layout and the first frame at 200×60, as in `benches/reader.rs`.
        "first" => {
            let app = Reader::new(article(1)?, Default::default(), Config::defaults());
            scroll(app, 0, 0);
        }
        // Scroll steps with a frame each, from the middle of the article.
        "scroll" => {
            let article = article(1)?;
            let middle = article.text().len() / 2;
            scroll(analysed(article), middle, number(2)?);
        }
        // The sample's paragraphs repeated, from the start of the middle copy: the same
        // frames whatever the number of copies.
        "repeat" => {
            let copies = number(1)?;
            let sample = load(&Input::Sample, LoadOptions::default())?;
            let body = &sample.text()[sample.blocks()[1].range.start..];
            let title = &sample.meta.title;
            let raw = format!("{title}\n\n{}", vec![body; copies].join("\n\n"));
            let article = Article::parse(&raw, "repeated", LoadOptions::default())?;
            let copy = title.len() + 2 + copies / 2 * (body.len() + 2);
            scroll(analysed(article), copy, number(2)?);
        }
        // Edits of one note in a store of a thousand, each a save.
        "save" => {
            let book = article(1)?;
            let dir = tempfile::tempdir()?;
            let mut store = support::store_with_notes(dir.path(), &book);
            let id = store.notes()[support::NOTES / 2].id.clone();
            for i in 0..number(2)? {
                store.edit(&book, &id, &format!("edit {i}"))?;
            }
        }
        // Opening a thousand notes after the book was edited (count only `open`).
        "reopen" => {
            let book = article(1)?;
            let dir = tempfile::tempdir()?;
            let store = support::store_with_notes(dir.path(), &book);
            let edited = support::edited(&book, &store);
            let reopened = open(dir.path(), &edited);
            let detached = reopened
                .notes()
                .iter()
                .filter(|n| n.range.is_none())
                .count();
            eprintln!("{} notes, {detached} detached", reopened.notes().len());
        }
        // One `quotes::find` over the file, as one iteration of `benches/quotes.rs` (count
        // only `find_quotes`).
        "quotes" => {
            let article = article(1)?;
            let sentences = lectern::analysis::sentences::split(&article);
            let found = find_quotes(&article, &sentences);
            eprintln!("{} quotations", found.quotes.len());
        }
        _ => anyhow::bail!(USAGE),
    }
    Ok(())
}

fn analysed(article: Article) -> Reader {
    let analysis = lectern::analysis::analyze(&article);
    Reader::new(article, analysis, Config::defaults())
}

/// Moves the view of `app` to the row of `byte` and draws, then bounces down and up `steps`
/// times with a frame after each step, as `benches/reader.rs` does.
fn scroll(mut app: Reader, byte: usize, steps: usize) {
    reader::view_at(&mut app, byte);
    let Ok(mut term) = Terminal::new(TestBackend::new(reader::WIDTH, reader::HEIGHT));
    let _ = term.draw(|f| lectern::ui::draw_reader(&app, f));
    for i in 0..steps {
        let command = if i % 2 == 0 {
            Command::ScrollDown
        } else {
            Command::ScrollUp
        };
        app.update(Action::Command(command));
        let _ = term.draw(|f| lectern::ui::draw_reader(&app, f));
    }
}

#[inline(never)]
fn open(dir: &Path, article: &Article) -> Store {
    Store::open(dir, article)
}

#[inline(never)]
fn find_quotes(
    article: &Article,
    sentences: &[std::ops::Range<usize>],
) -> lectern::analysis::quotes::Quotes {
    lectern::analysis::quotes::find(article, sentences)
}
