//! Background analysis of a library on every core, reporting each article as it finishes.
//!
//! The jobs wait in one queue that worker threads take from one at a time, rather than being
//! split between the threads up front (as a rayon `par_iter` does): so the order can follow the
//! screen while they run (the rows on screen fill first), and the reader can take out the job
//! of an article it analyses anyway. The workers are threads of their own, not rayon's: an
//! analysis that runs for seconds must not hold up the reader's parallel layout.

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use super::{Cache, Listed, Summary};
use crate::analysis::Analysis;
use crate::source::Article;

/// One finished article: its entry index, when its text was read, and either (text hash,
/// summary) or why it failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysed {
    pub entry: usize,
    /// When the analysed text was read: the reader and the library's workers may both
    /// analyse an entry, and a result from an older read must not replace a newer one.
    pub read: Instant,
    pub result: Result<(String, Arc<Summary>), String>,
}

/// The analysis an entry is waiting for: its file, and the article as it was listed (unless
/// the library kept no more texts, see [`super::Library::open`]).
#[derive(Debug, Clone)]
pub struct Job {
    pub entry: usize,
    pub path: PathBuf,
    pub listed: Option<Listed>,
}

/// The jobs not yet started, in the order they will be, and the sender their results go to
/// (dropped once the queue is empty, so the channel closes when the last result is in).
#[derive(Debug)]
struct Queue {
    jobs: VecDeque<Job>,
    tx: Option<Sender<Analysed>>,
}

impl Queue {
    /// Puts the jobs of the entries `first` ahead, in that order; the others keep their order
    /// behind them.
    fn prefer(&mut self, first: &[usize]) {
        let rank: HashMap<usize, usize> = first.iter().enumerate().map(|(r, &e)| (e, r)).collect();
        self.jobs
            .make_contiguous()
            .sort_by_key(|job| rank.get(&job.entry).copied().unwrap_or(usize::MAX));
    }

    /// Takes the job of `entry` out, if it is waiting, with a sender for its result.
    fn take(&mut self, entry: usize) -> Option<Sender<Analysed>> {
        let at = self.jobs.iter().position(|job| job.entry == entry)?;
        self.jobs.remove(at);
        self.tx.clone()
    }

    fn next(&mut self) -> Option<Job> {
        let job = self.jobs.pop_front();
        if job.is_none() {
            self.tx = None;
        }
        job
    }
}

/// The analysis of a set of entries, running on worker threads until every one has reported.
#[derive(Debug)]
pub struct Analyser {
    rx: Receiver<Analysed>,
    queue: Arc<Mutex<Queue>>,
    running: bool,
}

impl Analyser {
    /// Starts analysing `jobs` on `workers` threads, the entries `first` first (the order of
    /// the rows on screen), then the rest in the order given.
    pub fn start(
        jobs: Vec<Job>,
        first: &[usize],
        cache: Option<Cache>,
        workers: usize,
    ) -> Analyser {
        let (tx, rx) = channel();
        let mut queue = Queue {
            jobs: jobs.into(),
            tx: Some(tx.clone()),
        };
        queue.prefer(first);
        let queue = Arc::new(Mutex::new(queue));
        let shared = Arc::clone(&queue);
        std::thread::spawn(move || {
            if let Some(cache) = &cache {
                cache.tidy();
            }
            std::thread::scope(|scope| {
                for _ in 0..workers.max(1) {
                    let tx = tx.clone();
                    let (queue, cache) = (&shared, cache.as_ref());
                    scope.spawn(move || {
                        loop {
                            // A statement of its own: the lock is let go before the analysis
                            // (in `while let`, it would be held through the loop's body).
                            let job = lock(queue).next();
                            let Some(job) = job else { return };
                            // The receiver is gone when the user quit: the remaining work is moot.
                            if tx.send(Self::analyse_one(job, cache)).is_err() {
                                return;
                            }
                        }
                    });
                }
            });
        });
        Analyser {
            rx,
            queue,
            running: true,
        }
    }

    /// Moves the entries `first` to the front of the jobs not yet started (see
    /// [`Analyser::start`]).
    pub fn prefer(&self, first: &[usize]) {
        lock(&self.queue).prefer(first);
    }

    /// Takes the job of `entry` out of the queue, for the reader that analyses this article
    /// anyway: the result it sends on the returned sender is reported like any other. `None`
    /// when the job is no longer waiting (it runs, or has reported).
    pub fn claim(&self, entry: usize) -> Option<Sender<Analysed>> {
        lock(&self.queue).take(entry)
    }

    /// Analyses the article of `job` as it is in its file now (the listed one, unless the file
    /// changed since), taking the summary from `cache` when it has one, else caching it.
    ///
    /// A panic in the analysis (a bug) fails this article only, instead of ending the whole
    /// library's analysis with it.
    pub fn analyse_one(job: Job, cache: Option<&Cache>) -> Analysed {
        let mut read = Instant::now();
        let result = job
            .listed
            .map_or_else(
                || Listed::read(&job.path),
                |listed| listed.current(&job.path),
            )
            .map_err(|e| e.to_string())
            .and_then(|listed| {
                read = listed.read;
                let Listed { article, hash, .. } = listed;
                if let Some(summary) = cache.and_then(|c| c.get(&hash, article.meta.date)) {
                    return Ok((hash, Arc::new(summary)));
                }
                let analysis = crate::analysis::analyze_guarded(&article)?;
                let summary = summarise(&article, &hash, &analysis, cache);
                Ok((hash, summary))
            });
        Analysed {
            entry: job.entry,
            read,
            result,
        }
    }

    /// Whatever has finished since the last call; empty once everything has.
    pub fn poll(&mut self) -> Vec<Analysed> {
        let mut out = Vec::new();
        while self.running {
            match self.rx.try_recv() {
                Ok(done) => out.push(done),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => self.running = false,
            }
        }
        out
    }

    /// Blocks for the next result (and whatever else is ready); empty once everything has
    /// reported.
    pub fn wait(&mut self) -> Vec<Analysed> {
        if !self.running {
            return Vec::new();
        }
        match self.rx.recv() {
            Ok(first) => {
                let mut out = vec![first];
                out.extend(self.poll());
                out
            }
            Err(_) => {
                self.running = false;
                Vec::new()
            }
        }
    }

    /// Whether more results may come.
    pub fn running(&self) -> bool {
        self.running
    }
}

/// The library's summary of `analysis`, stored in `cache` with the analysis itself (which the
/// reader takes when the article is opened) under the text's `hash` and the article's date.
pub fn summarise(
    article: &Article,
    hash: &str,
    analysis: &Analysis,
    cache: Option<&Cache>,
) -> Arc<Summary> {
    let summary = Summary::new(article, analysis);
    if let Some(cache) = cache {
        // A cache that can't be written only costs time on the next start.
        let _ = cache.put(hash, article.meta.date, &summary);
        let _ = cache.put_analysis(hash, article.meta.date, analysis);
    }
    Arc::new(summary)
}

/// The queue, even if a worker panicked while holding it: the queue is left consistent by
/// every operation on it, and analyses (which may panic) run outside the lock.
fn lock(queue: &Mutex<Queue>) -> MutexGuard<'_, Queue> {
    queue.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A queue of jobs for entries `entries`, all of the same small article.
    fn queue(entries: &[usize]) -> (Queue, Receiver<Analysed>, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Title\n\n\"Yes,\" Ann Lee said.").unwrap();
        let listed = Listed::read(&path).unwrap();
        let jobs = entries
            .iter()
            .map(|&entry| Job {
                entry,
                path: path.clone(),
                listed: Some(listed.clone()),
            })
            .collect();
        let (tx, rx) = channel();
        (Queue { jobs, tx: Some(tx) }, rx, dir)
    }

    fn order(queue: &Queue) -> Vec<usize> {
        queue.jobs.iter().map(|j| j.entry).collect()
    }

    #[test]
    fn preferred_entries_go_first_in_their_order_and_the_rest_keep_theirs() {
        let (mut q, _rx, _dir) = queue(&[0, 1, 2, 3, 4]);
        q.prefer(&[3, 1, 9]);
        assert_eq!(order(&q), [3, 1, 0, 2, 4]);
        q.prefer(&[4, 3, 2, 1, 0]);
        assert_eq!(order(&q), [4, 3, 2, 1, 0]);
    }

    #[test]
    fn a_taken_job_is_not_run_and_its_result_still_reaches_the_analyser() {
        let (mut q, rx, _dir) = queue(&[0, 1, 2]);
        let tx = q.take(1).expect("waiting, so taken");
        assert!(q.take(1).is_none(), "taken once");
        assert_eq!(q.next().map(|j| j.entry), Some(0));
        assert_eq!(q.next().map(|j| j.entry), Some(2));
        assert!(q.next().is_none() && q.tx.is_none());
        tx.send(Analysed {
            entry: 1,
            read: Instant::now(),
            result: Err("by the reader".into()),
        })
        .unwrap();
        drop(tx);
        let got: Vec<usize> = rx.iter().map(|a| a.entry).collect();
        assert_eq!(got, [1], "the channel closes after the taken job's result");
    }

    #[test]
    fn one_worker_reports_in_queue_order() {
        let (q, _rx, dir) = queue(&[0, 1, 2, 3]);
        let jobs: Vec<Job> = q.jobs.into();
        let mut analyser = Analyser::start(jobs, &[2, 0], None, 1);
        let mut got = Vec::new();
        loop {
            let done = analyser.wait();
            if done.is_empty() {
                break;
            }
            got.extend(done.into_iter().map(|d| d.entry));
        }
        assert_eq!(got, [2, 0, 1, 3]);
        assert!(!analyser.running());
        drop(dir);
    }
}
