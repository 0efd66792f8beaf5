//! Whether a marketplace is reachable, as `/readyz` reports it: its `[probe]` (a one-item search,
//! run at most once per interval under its own deadline), or else the outcome of the last real
//! call ([`LastCall`], kept by the marketplace's guard).

use super::definition::ProbeSpec;
use super::{Marketplace, MarketplaceError, SearchRequest};
use std::time::Duration;
use tokio::sync::Mutex;
use tokio::time::Instant;

/// `[probe] interval` when the file leaves it out.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(30);
/// `[probe] timeout` when the file leaves it out.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(2);

/// One check's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// When it was made.
    pub at: Instant,
    /// `None` when the marketplace answered; else why it did not.
    pub error: Option<String>,
    /// Whether the error is a `429`: the marketplace answered, asking Pasar to ask less.
    pub rate_limited: bool,
}

impl Checked {
    /// An outcome at `at` of a call that gave `outcome`.
    pub fn of<T>(at: Instant, outcome: &Result<T, MarketplaceError>) -> Self {
        let error = outcome.as_ref().err();
        let rate_limited = matches!(error, Some(MarketplaceError::RateLimited { .. }));
        Self { at, error: error.map(ToString::to_string), rate_limited }
    }

    /// Whether the marketplace answered without an error (what closes its circuit breaker).
    pub fn reachable(&self) -> bool {
        self.error.is_none()
    }

    /// Whether it counts for readiness: it answered, a `429` included. A quota is per API key,
    /// shared by every instance: counting a `429` as down took the whole fleet out of rotation
    /// at once while it still answered from its cache (review40o R40o-5).
    pub fn ready(&self) -> bool {
        self.reachable() || self.rate_limited
    }
}

/// A marketplace's `[probe]` and its last outcome.
#[derive(Debug)]
pub struct Probe {
    query: String,
    interval: Duration,
    timeout: Duration,
    /// Held while a probe runs: concurrent `/readyz` calls wait for its outcome, never send more.
    last: Mutex<Option<Checked>>,
}

/// How soon `/readyz` asks again a marketplace without a `[probe]` whose last real call failed.
pub const RECHECK_INTERVAL: Duration = Duration::from_secs(10);

/// The search a re-check sends: a word every procurement marketplace lists (any answer will do,
/// an empty one too).
const RECHECK_QUERY: &str = "kertas";

impl Probe {
    /// The re-check of a marketplace without a `[probe]`: without it, an instance a load balancer
    /// took out of rotation after every marketplace failed once would get no search to find them
    /// back, and stay out (review32w W32-3).
    pub fn recheck() -> Self {
        Self::new(
            &ProbeSpec { query: RECHECK_QUERY.into(), interval: Some(RECHECK_INTERVAL), timeout: None },
            Duration::MAX,
        )
    }

    /// The probe a `[probe]` section describes, for a marketplace whose searches have
    /// `search_timeout`: a probe given longer found a marketplace answering in 1.8 s reachable
    /// while every search timed out at 1.5 s (review40o R40o-19).
    pub fn new(spec: &ProbeSpec, search_timeout: Duration) -> Self {
        Self {
            query: spec.query.trim().to_string(),
            interval: spec.interval.unwrap_or(DEFAULT_INTERVAL),
            timeout: spec.timeout.unwrap_or(DEFAULT_TIMEOUT).min(search_timeout),
            last: Mutex::new(None),
        }
    }

    /// The last outcome while younger than the interval, else a fresh one from `marketplace`.
    pub async fn check(&self, marketplace: &dyn Marketplace) -> Checked {
        let mut last = self.last.lock().await;
        if let Some(checked) = last.as_ref().filter(|c| c.at.elapsed() < self.interval) {
            return checked.clone();
        }
        let request =
            SearchRequest { query: self.query.clone(), offset: 0, limit: 1, cursor: None, filters: Vec::new() };
        let checked = match tokio::time::timeout(self.timeout, marketplace.search(&request)).await {
            Ok(outcome) => Checked::of(Instant::now(), &outcome),
            Err(_) => Checked {
                at: Instant::now(),
                error: Some(format!("no answer within {} ms", self.timeout.as_millis())),
                rate_limited: false,
            },
        };
        *last = Some(checked.clone());
        checked
    }
}

/// The outcome of a marketplace's last real call, kept by its guard.
#[derive(Debug, Default)]
pub struct LastCall(std::sync::Mutex<Option<Checked>>);

impl LastCall {
    /// Notes a call's outcome.
    pub fn note<T>(&self, outcome: &Result<T, MarketplaceError>) {
        if let Ok(mut last) = self.0.lock() {
            *last = Some(Checked::of(Instant::now(), outcome));
        }
    }

    /// The last outcome, if there was a call.
    pub fn get(&self) -> Option<Checked> {
        self.0.lock().ok()?.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marketplace::{MarketplaceError, SearchPage};
    use crate::model::MarketplaceId;
    use std::sync::atomic::{AtomicU32, Ordering};

    struct Counted {
        id: MarketplaceId,
        calls: AtomicU32,
        fail: bool,
    }

    #[async_trait::async_trait]
    impl Marketplace for Counted {
        fn id(&self) -> &MarketplaceId {
            &self.id
        }

        async fn search(&self, request: &SearchRequest) -> Result<SearchPage, MarketplaceError> {
            assert_eq!(request.limit, 1, "a probe asks for one item");
            self.calls.fetch_add(1, Ordering::SeqCst);
            if self.fail { Err(MarketplaceError::Status { status: 503 }) } else { Ok(SearchPage::default()) }
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_probe_is_asked_once_per_interval_and_says_why_it_failed() {
        let spec = ProbeSpec { query: "kertas".into(), interval: Some(Duration::from_secs(10)), timeout: None };
        let probe = Probe::new(&spec, Duration::MAX);
        let up = Counted { id: MarketplaceId::new("mbiz"), calls: AtomicU32::new(0), fail: false };
        for _ in 0..5 {
            assert!(probe.check(&up).await.reachable());
        }
        assert_eq!(up.calls.load(Ordering::SeqCst), 1, "cached for its interval");
        tokio::time::advance(Duration::from_secs(11)).await;
        let down = Counted { id: MarketplaceId::new("mbiz"), calls: AtomicU32::new(0), fail: true };
        let checked = probe.check(&down).await;
        assert!(checked.error.is_some_and(|e| e.contains("503")));
        assert_eq!(down.calls.load(Ordering::SeqCst), 1, "asked again after the interval");
    }
}
