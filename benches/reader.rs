//! Reader speed: load + analysis + layout + first frame, and one scroll step, on the sample and
//! on War and Peace (3.3 MB) at 200×60. The scroll step must not grow with the article.

use criterion::{Criterion, criterion_group, criterion_main};
use lectern::analysis::analyze;
use lectern::app::{Action, App, Command};
use lectern::config::Config;
use lectern::layout::Layout;
use lectern::source::{Input, LoadOptions, from_bytes, load};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WAR_AND_PEACE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/books/war_and_peace.txt"
);

fn inputs() -> Vec<(&'static str, Vec<u8>)> {
    let mut out = vec![("sample", lectern::source::SAMPLE.as_bytes().to_vec())];
    match std::fs::read(WAR_AND_PEACE) {
        Ok(bytes) => out.push(("war_and_peace", bytes)),
        Err(e) => eprintln!("skipping War and Peace ({WAR_AND_PEACE}: {e})"),
    }
    out
}

fn bench(c: &mut Criterion) {
    let config = Config::defaults();
    for (name, bytes) in inputs() {
        c.bench_function(&format!("{name}/load+layout+first_frame"), |b| {
            b.iter(|| {
                let article = from_bytes(&bytes, name, LoadOptions::default()).unwrap();
                let mut app = App::new(article, Default::default(), config.clone());
                app.update(Action::Resize {
                    width: 200,
                    height: 60,
                });
                let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
                term.draw(|f| lectern::ui::draw(&app, f)).unwrap();
            })
        });
        let article = from_bytes(&bytes, name, LoadOptions::default()).unwrap();
        c.bench_function(&format!("{name}/layout_200"), |b| {
            b.iter(|| Layout::new(&article, 196))
        });
        let analysis = analyze(&article);
        let mut app = App::new(article, analysis, config.clone());
        app.update(Action::Resize {
            width: 200,
            height: 60,
        });
        let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
        let mut down = true;
        c.bench_function(&format!("{name}/scroll_step+frame"), |b| {
            b.iter(|| {
                // Bounce in the middle of the article so every step really scrolls.
                app.update(Action::Command(if down {
                    Command::ScrollDown
                } else {
                    Command::ScrollUp
                }));
                down = !down;
                term.draw(|f| lectern::ui::draw(&app, f)).unwrap();
            })
        });
    }
    let _ = load(&Input::Sample, LoadOptions::default());
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
