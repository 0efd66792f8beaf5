//! Spending's share of each marketplace. A ledger is up to 400 page calls and a ranking asks a
//! total of every kab/kota of a province, all off the search path; distinct (province, year)
//! pairs miss the caches. So spending calls run in a lane of their own per marketplace, a quarter
//! of its `concurrency`, over every spending request at once: however many rankings and pages
//! arrive together, a marketplace sees at most that many of their calls, and the rest wait their
//! turn (first come, first served). Searches keep the whole of their own cap.
//!
//! A lane also remembers a marketplace that is down (no answer, HTTP 502–504, refusing calls:
//! [`takes_down`]) for [`DOWN_FOR`]: the calls waiting behind the one that failed, and those
//! arriving meanwhile, are refused at once (`Down`, a `CIRCUIT_OPEN` that names the failure:
//! its own error alone claimed an answer to a call never made, review37s R37s-9). Otherwise a ranking of 29 kabupaten waited out a
//! hanging marketplace's deadline for each of them, past the request's own. Another error status
//! (a 500) is a quick answer about one buyer's call: taking the marketplace down for it skipped
//! other Pemdas of the same ranking that were never asked, and ranked them at Rp0 below ones it
//! did ask (review37s R37s-4).
//!
//! Every spending call passes here, so here it is counted (`pasar_ledger_requests_total`) and
//! timed (`pasar_ledger_request_duration_seconds`); search's series count searches only.

use crate::marketplace::{MarketplaceError, RegistryEntry};
use crate::model::MarketplaceId;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// How long a marketplace that failed a spending call is taken to be down.
const DOWN_FOR: Duration = Duration::from_secs(10);

/// Spending calls in flight to a marketplace allowed `concurrency` calls.
fn width(concurrency: usize) -> usize {
    (concurrency / 4).max(1)
}

/// One lane per marketplace, made at its first spending call (and again when a reload changed
/// its `concurrency`).
#[derive(Default)]
pub(super) struct Lanes {
    by_marketplace: Mutex<HashMap<MarketplaceId, Arc<Lane>>>,
}

struct Lane {
    width: usize,
    turns: Semaphore,
    /// When the marketplace last failed as a whole, and how; cleared by an answer.
    down: Mutex<Option<(Instant, MarketplaceError)>>,
}

impl Lanes {
    /// Makes `call` to `entry` when its turn comes, given `deadline` from then, unless the
    /// marketplace failed as a whole in the last [`DOWN_FOR`]: then it is refused at once (`Down`).
    pub(super) async fn call<T>(
        &self,
        entry: &RegistryEntry,
        deadline: Duration,
        call: impl Future<Output = Result<T, MarketplaceError>>,
    ) -> Result<T, MarketplaceError> {
        let lane = self.lane(entry);
        let id = entry.marketplace.id().as_str();
        // Lanes are never closed: a turn always comes.
        let _turn = lane.turns.acquire().await.ok();
        if let Some(error) = lane.down_now() {
            count(id, "SKIPPED");
            return Err(error);
        }
        let started = Instant::now();
        let result = tokio::time::timeout(deadline, call)
            .await
            .unwrap_or(Err(MarketplaceError::Timeout { after: deadline, cause: None }));
        let labels = [("marketplace", id.to_string())];
        metrics::histogram!("pasar_ledger_request_duration_seconds", &labels).record(started.elapsed().as_secs_f64());
        count(id, result.as_ref().map_or_else(status, |_| "OK"));
        let mut down = lane.down.lock().unwrap_or_else(PoisonError::into_inner);
        match &result {
            Err(error) if takes_down(error) => *down = Some((Instant::now(), error.clone())),
            Err(_) => {}
            Ok(_) => *down = None,
        }
        result
    }

    fn lane(&self, entry: &RegistryEntry) -> Arc<Lane> {
        let width = width(entry.settings.concurrency);
        let mut lanes = self.by_marketplace.lock().unwrap_or_else(PoisonError::into_inner);
        let id = entry.marketplace.id();
        match lanes.get(id) {
            Some(lane) if lane.width == width => Arc::clone(lane),
            _ => {
                let lane = Arc::new(Lane { width, turns: Semaphore::new(width), down: Mutex::default() });
                lanes.insert(id.clone(), Arc::clone(&lane));
                lane
            }
        }
    }
}

/// One ledger call (a page or a totals call) in `pasar_ledger_requests_total`: `OK`, the
/// failure as `sources.status` names it, or `SKIPPED` when the lane answered for a marketplace
/// taken as down and no call was made.
fn count(marketplace: &str, status: &'static str) {
    let labels = [("marketplace", marketplace.to_string()), ("status", status.to_string())];
    metrics::counter!("pasar_ledger_requests_total", &labels).increment(1);
}

/// A failed call's status, spelt as a source's `status` is.
fn status(error: &MarketplaceError) -> &'static str {
    match error {
        MarketplaceError::Timeout { .. } => "TIMEOUT",
        MarketplaceError::Unreachable { .. } | MarketplaceError::Status { .. } => "UPSTREAM_ERROR",
        MarketplaceError::RateLimited { .. } => "RATE_LIMITED",
        MarketplaceError::TooLarge { .. } | MarketplaceError::BadResponse { .. } => "BAD_RESPONSE",
        MarketplaceError::Overloaded => "OVERLOADED",
        MarketplaceError::CircuitOpen { .. } | MarketplaceError::Down { .. } => "CIRCUIT_OPEN",
        MarketplaceError::Removed => "DISABLED",
    }
}

/// Whether a failed call says the marketplace as a whole cannot answer now (no answer at all,
/// its gateway's statuses, or it refuses calls), so that the calls behind it would fail alike.
fn takes_down(error: &MarketplaceError) -> bool {
    match error {
        MarketplaceError::Timeout { .. }
        | MarketplaceError::Unreachable { .. }
        | MarketplaceError::RateLimited { .. }
        | MarketplaceError::Overloaded
        | MarketplaceError::CircuitOpen { .. }
        | MarketplaceError::Down { .. } => true,
        // Bad gateway, unavailable, gateway timeout: the service is, not the one call.
        MarketplaceError::Status { status } => (502..=504).contains(status),
        MarketplaceError::TooLarge { .. } | MarketplaceError::BadResponse { .. } | MarketplaceError::Removed => false,
    }
}

impl Lane {
    /// The refusal of a call while the marketplace is taken as down.
    fn down_now(&self) -> Option<MarketplaceError> {
        let down = self.down.lock().unwrap_or_else(PoisonError::into_inner);
        let (since, failure) = down.as_ref()?;
        let retry_in = DOWN_FOR.checked_sub(since.elapsed()).filter(|left| !left.is_zero())?;
        Some(MarketplaceError::Down {
            failure: Box::new(failure.clone()),
            retry_in_ms: u64::try_from(retry_in.as_millis()).unwrap_or(u64::MAX),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::width;

    #[test]
    fn a_lane_is_a_quarter_of_the_marketplace_and_never_closed_to_spending() {
        assert_eq!(width(32), 8);
        assert_eq!(width(8), 2);
        assert_eq!(width(3), 1);
        assert_eq!(width(0), 1);
    }
}
