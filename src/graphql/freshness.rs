//! How long an answer stays true: the shortest remaining freshness of the marketplace pages it
//! was built from, so a CDN may cache a persisted `GET` exactly that long.

use crate::marketplace::Registry;
use crate::search::{SourceStatus, Sources};
use async_graphql::Context;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Seconds the answer stays fresh; one per request, in the request's data.
#[derive(Clone, Default)]
pub struct Freshness(Arc<AtomicU64>);

/// Nothing observed yet.
const UNKNOWN: u64 = u64::MAX;

impl Freshness {
    /// Before any source is seen.
    pub fn new() -> Self {
        Self(Arc::new(AtomicU64::new(UNKNOWN)))
    }

    /// The shortest freshness seen, if any source was seen.
    pub fn seconds(&self) -> Option<u64> {
        let seconds = self.0.load(Ordering::Relaxed);
        (seconds != UNKNOWN).then_some(seconds)
    }

    fn observe(&self, seconds: u64) {
        self.0.fetch_min(seconds, Ordering::Relaxed);
    }
}

/// Records the freshness of one search's sources: TTL minus age for each fresh answer, zero for
/// anything stale or failed (it should be asked again soon).
pub fn observe(ctx: &Context<'_>, registry: &Registry, sources: &Sources) {
    let Some(freshness) = ctx.data_opt::<Freshness>() else {
        return;
    };
    for report in &sources.reports {
        let ttl = registry.get(report.marketplace.as_str()).map(|e| e.settings.cache_ttl.as_secs());
        let seconds = match (report.status, ttl) {
            (SourceStatus::Ok, Some(ttl)) => ttl.saturating_sub(report.age_seconds),
            (SourceStatus::Disabled, _) => continue,
            _ => 0,
        };
        freshness.observe(seconds);
    }
}
