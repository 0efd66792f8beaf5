//! What fetched pages leave behind for later lookups: offers for `offer(id)` and the vendors
//! merged across marketplaces for `vendor(id)`.
//!
//! With a store shared by several instances (Redis), what is written here is also written there,
//! so any instance, and this one after a restart, answers the deep links within their retention.

use super::vendors::{self, Vendor, VendorDirectory};
use crate::cache::PageStore;
use crate::model::Offer;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Layout version of the shared records; bump when `Offer` or `Vendor` changes shape.
const RECORD_VERSION: u8 = 1;

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
    offers: moka::future::Cache<String, Arc<Kept>, foldhash::fast::RandomState>,
    vendors: Arc<VendorDirectory>,
    shared: Arc<dyn PageStore>,
}

impl Remembered {
    /// Keeps offers and merged vendors within about `bytes`: a quarter of it for vendors (one
    /// vendor per several offers, each a few hundred bytes), the rest for offers; and in
    /// `shared` too when other instances share it.
    pub(super) fn new(bytes: u64, shared: Arc<dyn PageStore>) -> Self {
        let vendor_bytes = bytes / 4;
        let offers = moka::future::Cache::builder()
            .max_capacity(bytes - vendor_bytes)
            .weigher(|id: &String, kept: &Arc<Kept>| kept.offer.estimated_bytes().saturating_add(id.len() as u32))
            .time_to_live(OFFER_RETENTION + REFRESH_AFTER)
            .build_with_hasher(foldhash::fast::RandomState::default());
        Self { offers, vendors: Arc::new(VendorDirectory::new(vendor_bytes)), shared }
    }

    /// Records freshly fetched offers and merges their vendors; an offer already remembered
    /// unchanged, in an entry younger than [`REFRESH_AFTER`], is left as it is, and so is its
    /// vendor: it was recorded with the offer, and is seen again (kept for its retention) when
    /// the offer's entry is written again.
    pub(super) async fn remember(&self, offers: &[Offer]) {
        let mut written = Vec::new();
        for offer in offers {
            let id = offer.gateway_id();
            let kept = self.offers.get(&id).await;
            if kept.is_some_and(|k| k.written.elapsed() < REFRESH_AFTER && k.offer == *offer) {
                continue;
            }
            let kept = Arc::new(Kept { offer: offer.clone(), written: Instant::now() });
            self.offers.insert(id, kept).await;
            written.push(offer);
        }
        if written.is_empty() {
            return;
        }
        self.vendors.record(written.iter().copied());
        if self.shared.shared() {
            self.share(&written).await;
        }
    }

    /// Writes newly remembered offers and their merged vendors to the shared store.
    async fn share(&self, offers: &[&Offer]) {
        let mut vendors = HashMap::new();
        let mut offer_records = Vec::with_capacity(offers.len());
        for offer in offers {
            offer_records.extend(encode(*offer).map(|bytes| (offer.gateway_id(), bytes)));
            let vendor = self.vendors.vendor_of(&offer.marketplace, &offer.vendor);
            vendors.entry(vendor.id.clone()).or_insert(vendor);
        }
        let vendor_records = vendors.into_iter().filter_map(|(id, v)| Some((id, encode(v.as_ref())?))).collect();
        self.shared.keep_records("offer", offer_records, OFFER_RETENTION + REFRESH_AFTER).await;
        self.shared.keep_records("vendor", vendor_records, vendors::RETENTION).await;
    }

    /// A remembered offer by its gateway id, here or in the shared store.
    pub(super) async fn offer(&self, id: &str) -> Option<Offer> {
        if let Some(kept) = self.offers.get(id).await {
            return Some(kept.offer.clone());
        }
        decode(&self.shared.find_record("offer", id).await?)
    }

    /// A merged vendor by id (or by the id of a vendor merged into it), here or in the shared store.
    pub(super) async fn vendor(&self, id: &str) -> Option<Arc<Vendor>> {
        if let Some(vendor) = self.vendors.get(id) {
            return Some(vendor);
        }
        decode(&self.shared.find_record("vendor", id).await?).map(Arc::new)
    }

    /// The vendors merged so far.
    pub(super) fn vendors(&self) -> &VendorDirectory {
        &self.vendors
    }
}

fn encode<T: serde::Serialize>(value: &T) -> Option<Vec<u8>> {
    let mut bytes = vec![RECORD_VERSION];
    bytes.extend(postcard::to_stdvec(value).ok()?);
    Some(bytes)
}

/// `None` for another layout version or unreadable bytes: the lookup is then a miss.
fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    let (&version, body) = bytes.split_first()?;
    (version == RECORD_VERSION).then(|| postcard::from_bytes(body).ok()).flatten()
}
