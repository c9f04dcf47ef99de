//! Background analysis of a library on every core, reporting each article as it finishes.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use rayon::prelude::*;

use super::{Cache, Summary, load};

/// One finished article: its entry index and either (text hash, summary) or why it failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysed {
    pub entry: usize,
    pub result: Result<(String, Arc<Summary>), String>,
}

/// The analysis of a set of entries, running on rayon's pool until every one has reported.
#[derive(Debug)]
pub struct Analyser {
    rx: Receiver<Analysed>,
    running: bool,
}

impl Analyser {
    /// Starts analysing `jobs` (entry index, path) in the background.
    pub fn start(jobs: Vec<(usize, PathBuf)>, cache: Option<Cache>) -> Analyser {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            if let Some(cache) = &cache {
                cache.prune_stale();
            }
            jobs.into_par_iter().for_each_with(tx, |tx, (entry, path)| {
                // The receiver is gone when the user quit: the remaining work is moot.
                let _ = tx.send(Self::analyse_one(entry, &path, cache.as_ref()));
            });
        });
        Analyser { rx, running: true }
    }

    /// Loads one article and takes its summary from `cache`, or analyses and caches it (the
    /// file is read again: it may have changed since it was listed, and then the new text is
    /// what counts).
    ///
    /// A panic in the analysis (a bug) fails this article only, instead of ending the whole
    /// library's analysis with it.
    pub fn analyse_one(entry: usize, path: &Path, cache: Option<&Cache>) -> Analysed {
        let result = load(path).map_err(|e| e.to_string()).and_then(|article| {
            let hash = crate::notes::content_hash(article.text());
            if let Some(summary) = cache.and_then(|c| c.get(&hash, article.meta.date)) {
                return Ok((hash, Arc::new(summary)));
            }
            let analysis = crate::analysis::analyze_guarded(&article)?;
            let summary = Summary::new(&article, &analysis);
            if let Some(cache) = cache {
                // A cache that can't be written only costs time on the next start.
                let _ = cache.put(&hash, article.meta.date, &summary);
            }
            Ok((hash, Arc::new(summary)))
        });
        Analysed { entry, result }
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
