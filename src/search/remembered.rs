//! What fetched pages leave behind for later lookups: offers for `offer(id)` and the vendors
//! merged across marketplaces for `vendor(id)`.

use super::vendors::VendorDirectory;
use crate::model::Offer;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long an offer stays answerable by `offer(id)` after it was last fetched.
const OFFER_RETENTION: Duration = Duration::from_secs(3600);

/// An offer fetched again unchanged is written again only when its entry is this old: most
/// offers of a search were seen in an earlier one, and a cache write (plus a deep copy of the
/// offer) for each of them was a large share of a miss's cost. Entries live this much longer
/// than the retention, so an offer still stays answerable for the full retention after it was
/// last fetched.
const REFRESH_AFTER: Duration = Duration::from_secs(600);

/// A remembered offer and when its entry was written.
struct Kept {
    offer: Offer,
    written: Instant,
}

/// Offers and vendors seen in fetched pages.
pub(super) struct Remembered {
    offers: moka::future::Cache<String, Arc<Kept>>,
    vendors: Arc<VendorDirectory>,
}

impl Remembered {
    /// Keeps offers within about `offer_bytes`.
    pub(super) fn new(offer_bytes: u64) -> Self {
        let offers = moka::future::Cache::builder()
            .max_capacity(offer_bytes)
            .weigher(|id: &String, kept: &Arc<Kept>| kept.offer.estimated_bytes().saturating_add(id.len() as u32))
            .time_to_live(OFFER_RETENTION + REFRESH_AFTER)
            .build();
        Self { offers, vendors: Arc::default() }
    }

    /// Records freshly fetched offers and merges their vendors; an offer already remembered
    /// unchanged, in an entry younger than [`REFRESH_AFTER`], is left as it is.
    pub(super) async fn remember(&self, offers: &[Offer]) {
        self.vendors.record(offers);
        for offer in offers {
            let id = offer.gateway_id();
            let kept = self.offers.get(&id).await;
            if kept.is_some_and(|k| k.written.elapsed() < REFRESH_AFTER && k.offer == *offer) {
                continue;
            }
            let kept = Arc::new(Kept { offer: offer.clone(), written: Instant::now() });
            self.offers.insert(id, kept).await;
        }
    }

    /// A remembered offer by its gateway id.
    pub(super) async fn offer(&self, id: &str) -> Option<Offer> {
        self.offers.get(id).await.map(|kept| kept.offer.clone())
    }

    /// The vendors merged so far.
    pub(super) fn vendors(&self) -> &VendorDirectory {
        &self.vendors
    }
}
