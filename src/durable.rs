//! Files that several lecterns change at once and that must survive a crash: an atomic,
//! durable replace ([`write_atomic`]) and a lock on a sidecar file that gives up after a while
//! ([`lock`]).
//!
//! The notes store and the reading positions both keep a small file that two windows may
//! change at the same moment; they share these two steps so that both get the same guarantees:
//! a crash leaves the old file or the new one (never half of one, and never an empty file after
//! a power cut), and a lectern that is stopped while holding the lock makes the others report
//! it instead of hanging.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use thiserror::Error;

/// How long a change waits for another lectern holding a lock. Locks are held for
/// milliseconds; a longer wait means the holder is stopped, and the user should hear about it.
pub const LOCK_TIMEOUT: Duration = Duration::from_secs(5);

/// Why [`lock`] did not take the lock.
#[derive(Debug, Error)]
pub enum LockError {
    #[error("{}: locked by another lectern for too long; try again", path.display())]
    Timeout { path: PathBuf },
    #[error("{}: {error}", path.display())]
    Io { path: PathBuf, error: io::Error },
}

impl From<LockError> for io::Error {
    fn from(e: LockError) -> io::Error {
        match e {
            LockError::Timeout { .. } => io::Error::new(io::ErrorKind::TimedOut, e.to_string()),
            LockError::Io { error, .. } => error,
        }
    }
}

/// A lock held on a sidecar file; released when dropped, or by the OS when the process dies.
#[derive(Debug)]
#[must_use = "the lock is released as soon as this is dropped"]
pub struct Lock {
    _file: File,
}

/// Takes an exclusive lock on `path` (created if missing), waiting up to `timeout` for another
/// process or thread that holds it.
pub fn lock(path: &Path, timeout: Duration) -> Result<Lock, LockError> {
    let io_err = |error| LockError::Io {
        path: path.to_path_buf(),
        error,
    };
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(io_err)?;
    let deadline = Instant::now() + timeout;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Lock { _file: file }),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(2));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(LockError::Timeout {
                    path: path.to_path_buf(),
                });
            }
            Err(TryLockError::Error(e)) => return Err(io_err(e)),
        }
    }
}

/// Replaces `path` with `bytes` so that a crash at any moment leaves either the old or the new
/// content: a temporary file in the same folder, fsync, rename, fsync of the folder (which
/// makes the rename itself durable). The temporary file is hidden (`.NAME-XXXX.tmp`) and
/// removed if anything fails before the rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy());
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}-"))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Folders cannot be opened as files on Windows, and a rename there is made durable by the
/// file system's own journal.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn write_atomic_replaces_the_file_and_leaves_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("positions.toml");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(names(dir.path()), ["positions.toml"]);
    }

    #[test]
    fn write_atomic_into_a_missing_folder_fails_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing/notes.toml");
        assert!(write_atomic(&path, b"x").is_err());
        assert!(names(dir.path()).is_empty());
    }

    #[test]
    fn a_held_lock_makes_the_next_one_time_out_and_is_free_once_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.lock");
        let held = lock(&path, LOCK_TIMEOUT).unwrap();
        let start = Instant::now();
        let err = lock(&path, Duration::from_millis(50)).unwrap_err();
        assert!(start.elapsed() >= Duration::from_millis(50));
        assert!(matches!(err, LockError::Timeout { .. }), "{err}");
        assert!(err.to_string().contains("notes.lock"), "{err}");
        assert_eq!(io::Error::from(err).kind(), io::ErrorKind::TimedOut);
        drop(held);
        let _again = lock(&path, Duration::ZERO).unwrap();
    }

    #[test]
    fn a_lock_waits_for_a_holder_that_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.lock");
        let held = lock(&path, LOCK_TIMEOUT).unwrap();
        std::thread::scope(|s| {
            s.spawn(|| {
                std::thread::sleep(Duration::from_millis(30));
                drop(held);
            });
            let _taken = lock(&path, LOCK_TIMEOUT).expect("taken once the holder lets go");
        });
    }

    #[test]
    fn a_lock_in_a_missing_folder_is_an_io_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing/notes.lock");
        let err = lock(&path, LOCK_TIMEOUT).unwrap_err();
        assert!(matches!(err, LockError::Io { .. }), "{err}");
        assert!(err.to_string().contains("missing/notes.lock"), "{err}");
    }
}
