//! Cache counters, read by the metrics endpoint.

use std::sync::atomic::{AtomicU64, Ordering};

/// Running totals since start-up.
#[derive(Debug, Default)]
pub struct CacheStats {
    hits: AtomicU64,
    misses: AtomicU64,
    stale: AtomicU64,
    evictions: AtomicU64,
    coalesced: AtomicU64,
}

/// A copy of the counters at one moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStatsSnapshot {
    /// Fresh pages served from the cache.
    pub hits: u64,
    /// Lookups that needed an upstream call.
    pub misses: u64,
    /// Expired pages served (while revalidating or after an error).
    pub stale: u64,
    /// Pages dropped to stay within the memory budget.
    pub evictions: u64,
    /// Misses that joined an upstream call already in flight.
    pub coalesced: u64,
}

impl CacheStats {
    pub(super) fn hit(&self) {
        self.hits.fetch_add(1, Ordering::Relaxed);
    }
    pub(super) fn miss(&self) {
        self.misses.fetch_add(1, Ordering::Relaxed);
    }
    pub(super) fn stale(&self) {
        self.stale.fetch_add(1, Ordering::Relaxed);
    }
    pub(super) fn evicted(&self) {
        self.evictions.fetch_add(1, Ordering::Relaxed);
    }
    pub(super) fn coalesced(&self) {
        self.coalesced.fetch_add(1, Ordering::Relaxed);
    }

    /// The counters now.
    pub fn snapshot(&self) -> CacheStatsSnapshot {
        CacheStatsSnapshot {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            stale: self.stale.load(Ordering::Relaxed),
            evictions: self.evictions.load(Ordering::Relaxed),
            coalesced: self.coalesced.load(Ordering::Relaxed),
        }
    }
}
