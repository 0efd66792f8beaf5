//! One marketplace's meters, registered once and kept by its [`Guard`](super::guard::Guard).
//!
//! `metrics::counter!(name, "marketplace" => id.to_string())` builds its key (the label
//! allocated) and looks it up in the recorder at every use: five of them per upstream call
//! were 1.3 % of a search's CPU at one connection (perf, dwarf). A guard registers its
//! marketplace's meters once and keeps the handles: the search service's guards when they are
//! made (start-up, or a reload adding or changing the marketplace), others on first use. A
//! handle taken before the recorder is installed would record nothing for good, so
//! `Application::build` installs it first thing. Registered together, all of a marketplace's
//! series show from then on, at zero (the breaker closed) until they move.

use metrics::{Counter, Gauge, Histogram};

/// How a cache lookup was answered, as `pasar_cache_lookups_total{result}` says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    Bypass,
    Hit,
    Miss,
    Stale,
}

impl Lookup {
    const ALL: [Self; 4] = [Self::Bypass, Self::Hit, Self::Miss, Self::Stale];

    fn label(self) -> &'static str {
        match self {
            Self::Bypass => "bypass",
            Self::Hit => "hit",
            Self::Miss => "miss",
            Self::Stale => "stale",
        }
    }
}

/// The per-marketplace series a call and a cache lookup update.
pub struct Meters {
    /// `pasar_breaker_state`
    pub breaker_state: Gauge,
    /// `pasar_inflight`
    pub inflight: Gauge,
    /// `pasar_shed_total`
    pub shed: Counter,
    /// `pasar_marketplace_request_duration_seconds`: from the send, retries inside it.
    pub duration: Histogram,
    /// `pasar_marketplace_queue_wait_seconds`: only calls that waited for the concurrency cap.
    pub queue_wait: Histogram,
    /// `pasar_cache_lookups_total`, in the order of [`Lookup::ALL`].
    lookups: [Counter; 4],
}

impl Meters {
    /// Registers the series of marketplace `id`.
    pub fn new(id: &str) -> Self {
        let marketplace = || ("marketplace", id.to_string());
        Self {
            breaker_state: metrics::gauge!("pasar_breaker_state", &[marketplace()]),
            inflight: metrics::gauge!("pasar_inflight", &[marketplace()]),
            shed: metrics::counter!("pasar_shed_total", &[marketplace()]),
            duration: metrics::histogram!("pasar_marketplace_request_duration_seconds", &[marketplace()]),
            queue_wait: metrics::histogram!("pasar_marketplace_queue_wait_seconds", &[marketplace()]),
            lookups: Lookup::ALL.map(|lookup| {
                metrics::counter!("pasar_cache_lookups_total", &[marketplace(), ("result", lookup.label().to_string())])
            }),
        }
    }

    /// `pasar_cache_lookups_total{result}` of this marketplace.
    pub fn lookups(&self, lookup: Lookup) -> &Counter {
        &self.lookups[lookup as usize]
    }
}

impl std::fmt::Debug for Meters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Meters")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_lookup_indexes_its_own_counter() {
        for (at, lookup) in Lookup::ALL.into_iter().enumerate() {
            assert_eq!(lookup as usize, at, "{lookup:?}");
        }
    }
}
