//! Spending's share of each marketplace. A ledger is up to 400 page calls and a ranking asks a
//! total of every kab/kota of a province, all off the search path; distinct (province, year)
//! pairs miss the caches. So spending calls run in a lane of their own per marketplace, a quarter
//! of its `concurrency`, over every spending request at once: however many rankings and pages
//! arrive together, a marketplace sees at most that many of their calls, and the rest wait their
//! turn (first come, first served) within their request's deadline. Searches keep the whole of
//! their own cap.

use crate::marketplace::RegistryEntry;
use crate::model::MarketplaceId;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Spending calls in flight to a marketplace allowed `concurrency` calls.
pub(super) fn width(concurrency: usize) -> usize {
    (concurrency / 4).max(1)
}

/// One lane per marketplace, made at its first spending call (and again when a reload changed
/// its `concurrency`).
#[derive(Default)]
pub(super) struct Lanes {
    by_marketplace: Mutex<HashMap<MarketplaceId, (usize, Arc<Semaphore>)>>,
}

impl Lanes {
    /// Waits for a turn on `entry`'s lane; the turn ends when the permit is dropped. (Lanes are
    /// never closed, so there is always a permit in the end.)
    pub(super) async fn enter(&self, entry: &RegistryEntry) -> Option<OwnedSemaphorePermit> {
        self.lane(entry).acquire_owned().await.ok()
    }

    fn lane(&self, entry: &RegistryEntry) -> Arc<Semaphore> {
        let width = width(entry.settings.concurrency);
        let mut lanes = self.by_marketplace.lock().unwrap_or_else(PoisonError::into_inner);
        let id = entry.marketplace.id();
        match lanes.get(id) {
            Some((known, lane)) if *known == width => Arc::clone(lane),
            _ => {
                let lane = Arc::new(Semaphore::new(width));
                lanes.insert(id.clone(), (width, Arc::clone(&lane)));
                lane
            }
        }
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
