//! Library speed on the 787 BBC articles of `../shared/data/bbc-library`: the first frame of
//! the list (walk, load every article, draw), and the whole background analysis on all cores,
//! cold (nothing cached) and warm (every summary from the cache).

use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use lectern::config::Config;
use lectern::library::{self, Analyser, Cache, Job, Library};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const BBC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/bbc-library");

fn first_frame(files: &[PathBuf], config: &Config) -> (Library, Vec<Job>) {
    let (lib, jobs) = Library::open(files, &Default::default());
    let mut view = lectern::app::Library::new(lib, config.clone());
    view.update(lectern::app::Action::Resize {
        width: 120,
        height: 40,
    });
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| lectern::ui::draw_library(&view, f)).unwrap();
    (view.into_library(), jobs)
}

/// Analyses every entry the way the app does (a worker per core, each taking the articles as
/// listed) and waits for all of them.
fn analyse_all(jobs: &[Job], cache: Option<Cache>) -> usize {
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let mut analyser = Analyser::start(jobs.to_vec(), &[], cache, workers);
    let mut n = 0;
    loop {
        let done = analyser.wait();
        if done.is_empty() {
            return n;
        }
        n += done.len();
    }
}

fn bench(c: &mut Criterion) {
    let files = match library::collect(&[PathBuf::from(BBC)]) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("skipping the library bench ({BBC}: {e})");
            return;
        }
    };
    let config = Config::defaults();
    let (lib, jobs) = first_frame(&files, &config);
    let mut group = c.benchmark_group("bbc_787");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("first_list_frame", |b| {
        b.iter(|| first_frame(&files, &config))
    });
    group.bench_function("full_analysis/cold", |b| {
        b.iter(|| analyse_all(&jobs, None))
    });
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(dir.path());
    assert_eq!(analyse_all(&jobs, Some(cache.clone())), lib.entries.len());
    group.bench_function("full_analysis/warm", |b| {
        b.iter(|| analyse_all(&jobs, Some(cache.clone())))
    });
    // The UI thread's share of a streamed analysis: every result (from the cache) given to
    // the library screen in batches of 4, as the runtime's polls deliver them, while the
    // speakers tab shows (its index is what results make it rebuild).
    let results: Vec<library::Analysed> = jobs
        .iter()
        .map(|job| Analyser::analyse_one(job.clone(), Some(&cache)))
        .collect();
    group.bench_function("speakers_tab_streamed", |b| {
        b.iter(|| {
            let mut view = lectern::app::Library::new(lib.clone(), config.clone());
            view.update(lectern::app::Action::Resize {
                width: 120,
                height: 40,
            });
            view.update(lectern::app::Action::Command(
                lectern::input::Command::LibrarySpeakers,
            ));
            for batch in results.chunks(4) {
                view.update(lectern::app::Action::Analysed(batch.to_vec()));
            }
            view.speakers().speakers.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
