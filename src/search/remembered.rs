//! What fetched pages leave behind for later lookups: offers for `offer(id)` and the vendors
//! merged across marketplaces for `vendor(id)`.

use super::vendors::VendorDirectory;
use crate::model::Offer;
use std::sync::Arc;
use std::time::Duration;

/// How long an offer stays answerable by `offer(id)` after it was last fetched.
const OFFER_RETENTION: Duration = Duration::from_secs(3600);

/// Offers and vendors seen in fetched pages.
pub(super) struct Remembered {
    offers: moka::future::Cache<String, Offer>,
    vendors: Arc<VendorDirectory>,
}

impl Remembered {
    /// Keeps offers within about `offer_bytes`.
    pub(super) fn new(offer_bytes: u64) -> Self {
        let offers = moka::future::Cache::builder()
            .max_capacity(offer_bytes)
            .weigher(|id: &String, offer: &Offer| offer.estimated_bytes().saturating_add(id.len() as u32))
            .time_to_live(OFFER_RETENTION)
            .build();
        Self { offers, vendors: Arc::default() }
    }

    /// Records freshly fetched offers and merges their vendors.
    pub(super) async fn remember(&self, offers: &[Offer]) {
        self.vendors.record(offers);
        for offer in offers {
            self.offers.insert(offer.gateway_id(), offer.clone()).await;
        }
    }

    /// A remembered offer by its gateway id.
    pub(super) async fn offer(&self, id: &str) -> Option<Offer> {
        self.offers.get(id).await
    }

    /// The vendors merged so far.
    pub(super) fn vendors(&self) -> &VendorDirectory {
        &self.vendors
    }
}
