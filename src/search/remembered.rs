//! What fetched pages leave behind for later lookups: offers for `offer(id)` and the vendors
//! merged across marketplaces for `vendor(id)`.
//!
//! With a store shared by several instances (Redis), what is written here is also written there,
//! so any instance, and this one after a restart, answers the deep links within their retention.

use super::vendors::{self, Vendor, VendorDirectory};
use crate::cache::PageStore;
use crate::model::{MarketplaceId, Offer, gateway_id};
use crate::normalize::offer::normalize_offer;
use crate::normalize::raw::RawOffer;
use crate::normalize::text::plain_text;
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

/// A remembered offer, the fields it was read from (none when another instance shared it), and
/// when its entry was written.
struct Kept {
    offer: Arc<Offer>,
    raw: Option<RawOffer>,
    written: Instant,
}

impl Kept {
    fn weight(&self, id: &str) -> u32 {
        let raw = self.raw.as_ref().map_or(0, RawOffer::estimated_bytes);
        self.offer.estimated_bytes().saturating_add(raw).saturating_add(id.len() as u32)
    }
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
            .weigher(|id: &String, kept: &Arc<Kept>| kept.weight(id))
            .time_to_live(OFFER_RETENTION + REFRESH_AFTER)
            .build_with_hasher(foldhash::fast::RandomState::default());
        Self { offers, vendors: Arc::new(VendorDirectory::new(vendor_bytes)), shared }
    }

    /// The offers of a page `marketplace` sent, remembered with their vendors merged. An item
    /// remembered with the very same fields is not normalised again: normalising is pure, and
    /// most items of a miss were read in an earlier search (a third of a miss's CPU went to
    /// reading them again). What is left as it is follows [`Remembered::remember`].
    pub(super) async fn read(&self, marketplace: &MarketplaceId, raws: Vec<RawOffer>) -> Vec<Arc<Offer>> {
        self.read_with(marketplace, raws, normalize_offer).await
    }

    async fn read_with(
        &self,
        marketplace: &MarketplaceId,
        raws: Vec<RawOffer>,
        normalize: impl Fn(&MarketplaceId, &RawOffer) -> Offer,
    ) -> Vec<Arc<Offer>> {
        let mut offers = Vec::with_capacity(raws.len());
        let mut written = Vec::new();
        for raw in raws {
            let id = gateway_id(marketplace, &plain_text(&raw.source_id));
            let kept = self.offers.get(&id).await;
            let matched = kept.as_ref().is_some_and(|k| k.raw.as_ref() == Some(&raw));
            // `since`: when the entry of an offer that is unchanged was written.
            let (offer, since) = match kept {
                Some(k) if matched => (Arc::clone(&k.offer), Some(k.written)),
                Some(k) => {
                    let offer = normalize(marketplace, &raw);
                    let since = (*k.offer == offer).then_some(k.written);
                    (Arc::new(offer), since)
                }
                None => (Arc::new(normalize(marketplace, &raw)), None),
            };
            match since {
                Some(since) if since.elapsed() < REFRESH_AFTER => {
                    if !matched {
                        // The same offer read from other fields: kept with these, for the next match.
                        let kept = Arc::new(Kept { offer: Arc::clone(&offer), raw: Some(raw), written: since });
                        self.offers.insert(id, kept).await;
                    }
                }
                _ => {
                    let kept = Arc::new(Kept { offer: Arc::clone(&offer), raw: Some(raw), written: Instant::now() });
                    self.offers.insert(id, kept).await;
                    written.push(offers.len());
                }
            }
            offers.push(offer);
        }
        self.written(written.iter().map(|&i| &*offers[i]).collect()).await;
        offers
    }

    /// Records offers another instance fetched (a page read from the shared store) and merges
    /// their vendors; an offer already remembered unchanged, in an entry younger than
    /// [`REFRESH_AFTER`], is left as it is, and so is its vendor: it was recorded with the offer,
    /// and is seen again (kept for its retention) when the offer's entry is written again.
    pub(super) async fn remember(&self, offers: &[Arc<Offer>]) {
        let mut written = Vec::new();
        for offer in offers {
            let id = offer.gateway_id();
            let kept = self.offers.get(&id).await;
            if kept.is_some_and(|k| k.written.elapsed() < REFRESH_AFTER && k.offer == *offer) {
                continue;
            }
            let kept = Arc::new(Kept { offer: Arc::clone(offer), raw: None, written: Instant::now() });
            self.offers.insert(id, kept).await;
            written.push(&**offer);
        }
        self.written(written).await;
    }

    /// Merges the vendors of offers just written, and shares both when other instances do.
    async fn written(&self, written: Vec<&Offer>) {
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
            return Some(Offer::clone(&kept.offer));
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

#[cfg(test)]
#[path = "remembered_tests.rs"]
mod tests;
