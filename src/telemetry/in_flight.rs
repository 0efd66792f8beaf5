//! Requests in flight and finished, counted across both doors: an HTTP request from its start to
//! its answer, a socket operation from its admission to its last message. Shutdown drains both
//! and its last line says how many; `/readyz` shows the count in flight.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Requests in flight and finished, for the shutdown line and `/readyz`.
#[derive(Debug, Default)]
pub struct Requests {
    started: AtomicU64,
    finished: AtomicU64,
}

impl Requests {
    /// Counts a request from now to the guard's drop; the guard is owned, so a socket operation
    /// running in a task of its own can keep it.
    pub fn track(self: &Arc<Self>) -> Tracked {
        self.started.fetch_add(1, Ordering::Relaxed);
        Tracked(Arc::clone(self))
    }

    /// Requests started and not finished yet.
    pub fn in_flight(&self) -> u64 {
        self.started.load(Ordering::Relaxed).saturating_sub(self.finished())
    }

    /// Requests finished so far.
    pub fn finished(&self) -> u64 {
        self.finished.load(Ordering::Relaxed)
    }
}

/// One request being served.
pub struct Tracked(Arc<Requests>);

impl Drop for Tracked {
    fn drop(&mut self) {
        self.0.finished.fetch_add(1, Ordering::Relaxed);
    }
}
