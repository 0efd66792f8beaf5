//! Writes Redis answers but refuses: at `maxmemory` under `noeviction` (`OOM`), a read-only
//! replica (`READONLY`), a failed snapshot under `stop-writes-on-bgsave-error` (`MISCONF`).
//! Reads still work, so this is not Redis being away (the breaker in `health.rs`), yet no page,
//! claim or deep link is shared any more. One WARN line when it starts, a summary at most once a
//! minute while it lasts and one INFO line when a write is taken again: the fix is the
//! operator's (an evicting `maxmemory-policy` or more memory) and per-call lines would bury it.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Shortest time between two lines about the same refusal.
const SUMMARY_EVERY: Duration = Duration::from_secs(60);

/// Why Redis refused a write: the `reason` label of `pasar_redis_refused_writes_total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refusal {
    /// `OOM`: at `maxmemory` and nothing may be evicted.
    OutOfMemory,
    /// `READONLY`: a replica.
    ReadOnly,
    /// `MISCONF`: snapshots fail and Redis stops writes until one succeeds.
    SnapshotFailing,
}

impl Refusal {
    /// The refusal `error` is, if it is one; other errors are failures.
    pub(super) fn of(error: &redis::RedisError) -> Option<Self> {
        match error.code()? {
            "OOM" => Some(Self::OutOfMemory),
            "READONLY" => Some(Self::ReadOnly),
            "MISCONF" => Some(Self::SnapshotFailing),
            _ => None,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::OutOfMemory => "oom",
            Self::ReadOnly => "read_only",
            Self::SnapshotFailing => "misconf",
        }
    }

    fn advice(self) -> &'static str {
        match self {
            Self::OutOfMemory => {
                "Redis is at maxmemory and may not evict (OOM); every key Pasar writes expires, so set \
                 maxmemory-policy allkeys-lru (or volatile-lru) or raise maxmemory"
            }
            Self::ReadOnly => "Redis is a read-only replica; point [cache.redis] url at the primary",
            Self::SnapshotFailing => "Redis stops writes because its snapshots fail (MISCONF); see its log",
        }
    }
}

#[derive(Default)]
pub(super) struct Refusals(Mutex<State>);

#[derive(Default)]
struct State {
    since: Option<Instant>,
    last_line: Option<Instant>,
    /// Refusals since the last line.
    unreported: u64,
    total: u64,
}

impl Refusals {
    pub(super) fn refused(&self, refusal: Refusal, error: &str) {
        metrics::counter!("pasar_redis_refused_writes_total", "reason" => refusal.label()).increment(1);
        let mut state = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        state.total += 1;
        state.unreported += 1;
        if state.since.is_none() {
            state.since = Some(now);
            metrics::gauge!("pasar_redis_writes_refused").set(1.0);
        } else if state.last_line.is_some_and(|last| now.duration_since(last) < SUMMARY_EVERY) {
            return;
        }
        let refused_for_s = state.since.map_or(0, |since| now.duration_since(since).as_secs());
        tracing::warn!(
            reason = refusal.label(),
            refused = state.unreported,
            refused_for_s,
            error,
            "Redis refuses writes: pages are no longer shared between instances. {}.",
            refusal.advice()
        );
        state.last_line = Some(now);
        state.unreported = 0;
    }

    pub(super) fn wrote(&self) {
        let mut state = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(since) = state.since else { return };
        metrics::gauge!("pasar_redis_writes_refused").set(0.0);
        tracing::info!(
            refused_for_ms = u64::try_from(since.elapsed().as_millis()).unwrap_or(u64::MAX),
            refused_writes = state.total,
            "Redis takes writes again; pages are shared between instances again."
        );
        *state = State::default();
    }
}
