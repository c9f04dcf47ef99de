//! Reader speed: load + layout + first frame, and one scroll step, on the sample and on War and
//! Peace (3.3 MB) at 200×60. The scroll step must not grow with the article.
//!
//! `sample` vs `war_and_peace` is the comparison the goals name, but not an even one: at 200×60
//! the whole sample fits on one screen (49 rows), so its "step" moves nothing, redraws the same
//! cells and leaves a quarter of the screen blank, while a step in a book redraws 60 full
//! rows. `same_frames/small` vs `same_frames/large` is the fair check of "the cost must not grow
//! with the article": the sample's paragraphs repeated 3 times and about 700 times (as large as
//! War and Peace), both viewed at the start of one repetition, so both frames hold the same text.

use criterion::{Criterion, criterion_group, criterion_main};
use lectern::analysis::analyze;
use lectern::app::{Action, Command, Reader};
use lectern::config::Config;
use lectern::layout::Layout;
use lectern::source::{Article, Input, LoadOptions, from_bytes, load};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WAR_AND_PEACE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/books/war_and_peace.txt"
);

#[path = "support/reader.rs"]
mod support;
use support::{HEIGHT, WIDTH, view_at};

fn inputs() -> Vec<(&'static str, Vec<u8>)> {
    let mut out = vec![("sample", lectern::source::SAMPLE.as_bytes().to_vec())];
    match std::fs::read(WAR_AND_PEACE) {
        Ok(bytes) => out.push(("war_and_peace", bytes)),
        Err(e) => eprintln!("skipping War and Peace ({WAR_AND_PEACE}: {e})"),
    }
    out
}

/// An app on `article` with its analysis, its view starting at the row of `byte`.
fn app_at(article: Article, config: &Config, byte: usize) -> Reader {
    let analysis = analyze(&article);
    let mut app = Reader::new(article, analysis, config.clone());
    view_at(&mut app, byte);
    app
}

/// One scroll step and the frame after it, bouncing down and up so every step moves.
fn bench_scroll(c: &mut Criterion, name: &str, mut app: Reader) {
    let mut term = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
    term.draw(|f| lectern::ui::draw_reader(&app, f)).unwrap();
    let mut down = true;
    c.bench_function(&format!("{name}/scroll_step+frame"), |b| {
        b.iter(|| {
            app.update(Action::Command(if down {
                Command::ScrollDown
            } else {
                Command::ScrollUp
            }));
            down = !down;
            term.draw(|f| lectern::ui::draw_reader(&app, f)).unwrap();
        })
    });
}

fn bench(c: &mut Criterion) {
    let config = Config::defaults();
    for (name, bytes) in inputs() {
        c.bench_function(&format!("{name}/load+layout+first_frame"), |b| {
            b.iter(|| {
                let article = from_bytes(&bytes, name, LoadOptions::default()).unwrap();
                let mut app = Reader::new(article, Default::default(), config.clone());
                app.update(Action::Resize {
                    width: WIDTH,
                    height: HEIGHT,
                });
                let mut term = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
                term.draw(|f| lectern::ui::draw_reader(&app, f)).unwrap();
            })
        });
        let article = from_bytes(&bytes, name, LoadOptions::default()).unwrap();
        c.bench_function(&format!("{name}/layout_200"), |b| {
            b.iter(|| Layout::new(&article, WIDTH - 4))
        });
        // Search ignores diacritics on a folded copy of the whole text: the first search folds
        // it, each key typed after searches the copy kept by the reader.
        c.bench_function(&format!("{name}/find_all_natasha"), |b| {
            b.iter(|| lectern::find::find_all(article.text(), "natasha"))
        });
        let finder = lectern::find::Finder::default();
        c.bench_function(&format!("{name}/find_again_natasha"), |b| {
            b.iter(|| finder.find_all(article.text(), "natasha"))
        });
        // In the middle of the article.
        let middle = article.text().len() / 2;
        bench_scroll(c, name, app_at(article, &config, middle));
    }

    let sample = load(&Input::Sample, LoadOptions::default()).unwrap();
    let body = &sample.text()[sample.blocks()[1].range.start..];
    for (name, copies) in [("same_frames/small", 3), ("same_frames/large", 700)] {
        let title = &sample.meta.title;
        let raw = format!("{title}\n\n{}", vec![body; copies].join("\n\n"));
        let article = Article::parse(&raw, name, LoadOptions::default()).unwrap();
        // The first paragraph of the middle copy (copy 1 of 3, copy 350 of 700).
        let copy = title.len() + 2 + copies / 2 * (body.len() + 2);
        bench_scroll(c, name, app_at(article, &config, copy));
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
