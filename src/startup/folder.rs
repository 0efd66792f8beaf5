//! Watching the adapters folder for reloads: each burst of changes in it, once the folder has been
//! quiet for [`DEBOUNCE`], is one trigger.
//!
//! The folder's own name is watched in its parent too. inotify follows an inode, not a name: a
//! deployment that swaps the folder (a symlink pointed at the next release, `mv -T`) left Pasar
//! watching the old one, which nobody writes to again, so neither the swap nor any later edit
//! reloaded anything (review40o R40o-11). A change of the name re-watches what it now leads to and
//! reloads. A symlink further up (`current/adapters` with `current` pointed at the next release)
//! or a chain of them changes no folder Pasar watches, so what the name leads to is also looked up
//! every [`RESOLVE_EVERY`] (one `stat`), and a different folder there counts as a swap (review41
//! R41-1).

use crate::marketplace::files;
use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_util::task::AbortOnDropHandle;

/// How long the folder must be quiet before a change is read (an editor writes in several steps).
const DEBOUNCE: Duration = Duration::from_millis(300);
/// How often the folder the name leads to is looked up.
const RESOLVE_EVERY: Duration = Duration::from_secs(1);

/// Watches `dir` until the returned task is dropped, sending a trigger on `tx` per burst of
/// changes; `None` (and a warning) when the folder cannot be watched.
pub(super) fn follow(dir: &Path, tx: mpsc::Sender<&'static str>) -> Option<AbortOnDropHandle<()>> {
    // Lexically absolute, symlinks kept: the name is what is watched, not where it leads now.
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    // One pending change covers any that follow it until the debounce reads it.
    let (changed, changes) = mpsc::channel::<()>(1);
    let swapped = Arc::new(AtomicBool::new(false));
    let handler = {
        let (dir, swapped) = (dir.clone(), Arc::clone(&swapped));
        move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else { return };
            if !is_change(&event.kind) {
                return;
            }
            if event.paths.contains(&dir) {
                swapped.store(true, Ordering::SeqCst);
            } else if only_leftovers(&event.paths) || !event.paths.iter().any(|path| path.parent() == Some(&dir)) {
                return;
            }
            let _ = changed.try_send(());
        }
    };
    let mut watcher = match notify::recommended_watcher(handler)
        .and_then(|mut w| w.watch(&dir, RecursiveMode::NonRecursive).map(|()| w))
    {
        Ok(watcher) => watcher,
        Err(error) => {
            tracing::warn!(%error, dir = %dir.display(), "The adapters folder cannot be watched: reload with SIGHUP.");
            return None;
        }
    };
    if let Some(parent) = dir.parent()
        && let Err(error) = watcher.watch(parent, RecursiveMode::NonRecursive)
    {
        tracing::warn!(%error, dir = %parent.display(), "The adapters folder's parent cannot be watched: a swapped folder is noticed within a second, not at once.");
    }
    let folder = folder_of(&dir);
    let task = debounce(changes, Following { watcher, dir, swapped, folder }, tx);
    Some(AbortOnDropHandle::new(tokio::spawn(task)))
}

/// The watcher, the folder's name and whether the name changed since the last trigger.
struct Following {
    watcher: notify::RecommendedWatcher,
    dir: PathBuf,
    swapped: Arc<AtomicBool>,
    /// The folder watched.
    folder: Option<Folder>,
}

/// A folder itself, whatever names lead to it: its device and inode.
#[cfg(unix)]
type Folder = (u64, u64);
#[cfg(not(unix))]
type Folder = PathBuf;

/// The folder `dir` leads to now, through every symlink on the way.
fn folder_of(dir: &Path) -> Option<Folder> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(dir).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(dir).ok()
    }
}

impl Following {
    /// Whether the name now leads to another folder than the one watched (a folder that is gone
    /// for now is no swap yet).
    fn moved(&self) -> bool {
        let now = folder_of(&self.dir);
        let moved = now.is_some() && now != self.folder;
        if moved {
            self.swapped.store(true, Ordering::SeqCst);
        }
        moved
    }

    /// Watches what the folder's name leads to now, when it changed.
    fn refollow(&mut self) {
        if !self.swapped.swap(false, Ordering::SeqCst) {
            return;
        }
        self.folder = folder_of(&self.dir);
        let _ = self.watcher.unwatch(&self.dir);
        if let Err(error) = self.watcher.watch(&self.dir, RecursiveMode::NonRecursive) {
            tracing::warn!(%error, dir = %self.dir.display(), "The adapters folder cannot be watched now (removed?): it is watched again once its path leads to another folder; SIGHUP reloads meanwhile.");
        }
    }
}

/// Sends one trigger per burst of changes (an editor writes in several steps).
async fn debounce(mut changes: mpsc::Receiver<()>, mut following: Following, tx: mpsc::Sender<&'static str>) {
    let mut resolve = tokio::time::interval(RESOLVE_EVERY);
    resolve.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        tokio::select! {
            change = changes.recv() => if change.is_none() { return },
            _ = resolve.tick() => if !following.moved() { continue },
        }
        while let Ok(Some(())) = tokio::time::timeout(DEBOUNCE, changes.recv()).await {}
        following.refollow();
        // A full channel already holds a reload that will read these changes too.
        if let Err(mpsc::error::TrySendError::Closed(_)) = tx.try_send("file change") {
            return;
        }
    }
}

/// Whether an event in the folder may have changed a file. inotify also reports files being
/// opened and read, and every reload reads them all: counted as changes, one reload would
/// trigger the next, for ever.
fn is_change(kind: &notify::EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode};
    match kind {
        notify::EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        notify::EventKind::Access(_) => false,
        _ => true,
    }
}

/// Whether an event touches only an editor's leftovers, which no reload reads: each save of one
/// reloaded every adapter and logged it at INFO (review40o R40o-3).
fn only_leftovers(paths: &[PathBuf]) -> bool {
    !paths.is_empty() && paths.iter().all(|path| files::is_editor_leftover(path))
}
