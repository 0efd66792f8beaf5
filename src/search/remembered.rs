//! What fetched pages leave behind for later lookups: offers for `offer(id)` and the vendors
//! merged across marketplaces for `vendor(id)`.
//!
//! With a store shared by several instances (Redis), what is written here is also written there,
//! so any instance, and this one after a restart, answers the deep links within their retention.

use super::vendors::{self, Vendor, VendorDirectory};
use crate::bounded::{Bounded, CarriedWeight, Weighed, bounded};
use crate::cache::{PageStore, Record};
use crate::model::{MarketplaceId, Offer, gateway_id};
use crate::normalize::offer::normalize_offer;
use crate::normalize::raw::RawOffer;
use crate::normalize::text::plain;
use arc_swap::ArcSwap;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

/// Layout version of the shared records; bump when `Offer` or `Vendor` changes shape.
const RECORD_VERSION: u8 = 4;

/// How long an offer stays answerable by `offer(id)` after it was last fetched.
const OFFER_RETENTION: Duration = Duration::from_secs(3600);

/// An offer fetched again unchanged is written again only when its entry is this old: most
/// offers of a search were seen in an earlier one, and a write (with its vendor merged and, with
/// Redis, shared) for each of them was a large share of a miss's cost. Entries live this much longer
/// than the retention, so an offer still stays answerable for the full retention after it was
/// last fetched.
const REFRESH_AFTER: Duration = Duration::from_secs(600);

/// A remembered offer, the fields it was read from (none when another instance shared it), and
/// when its entry was written.
struct Kept {
    offer: Arc<Offer>,
    raw: Option<Arc<RawOffer>>,
    written: Instant,
}

impl Kept {
    /// The entry under `id`, weighed by the estimated bytes of the offer and its fields.
    fn weighed(self, id: &str) -> Weighed<Arc<Self>> {
        let raw_bytes = self.raw.as_ref().map_or(0, |raw| raw.estimated_bytes());
        let weight = u64::from(self.offer.estimated_bytes()) + u64::from(raw_bytes) + id.len() as u64;
        Weighed { value: Arc::new(self), weight }
    }

    /// Whether the entry is still answerable at `now`: written within the retention plus the
    /// refresh interval (an entry is written again when fetched after the refresh interval).
    fn live(&self, now: Instant) -> bool {
        now.saturating_duration_since(self.written) < OFFER_RETENTION + REFRESH_AFTER
    }
}

/// Remembered offers by gateway id. quick_cache rather than moka (`bounded.rs`): every item of a
/// miss is looked up here, and moka's bookkeeping of each read (a queued access record,
/// a clock read) made its lookups 5 % of a miss's CPU. Entries past their retention are skipped
/// when read and go as the cache evicts (it is bounded by weight).
type Offers = Bounded<String, Weighed<Arc<Kept>>, CarriedWeight>;

/// Where a page's items come from: the marketplace, the fingerprint of the adapter file it was
/// read under, and when the request that brought it was sent (the marketplace's data is at least
/// that recent; a slow answer may arrive after a faster one sent later).
pub(super) struct Reading<'a> {
    pub(super) marketplace: &'a MarketplaceId,
    pub(super) fingerprint: u64,
    pub(super) sent: SystemTime,
}

/// Offers and vendors seen in fetched pages.
pub(super) struct Remembered {
    offers: Offers,
    vendors: Arc<VendorDirectory>,
    shared: Arc<dyn PageStore>,
    /// Each marketplace's current adapter fingerprint: a shared record read under another file
    /// (before a reload here, or by an instance with another file) is not this gateway's reading.
    readings: ArcSwap<HashMap<MarketplaceId, u64>>,
}

impl Remembered {
    /// Keeps offers and merged vendors within about `bytes`: a quarter of it for vendors (one
    /// vendor per several offers, each a few hundred bytes), the rest for offers; and in
    /// `shared` too when other instances share it.
    pub(super) fn new(bytes: u64, shared: Arc<dyn PageStore>) -> Self {
        let (vendor_bytes, offer_bytes) = (bytes / 4, bytes - bytes / 4);
        // An offer with its fields weighs about 2 KB; one of 256 KiB is far beyond any listing.
        let offers = bounded(offer_bytes, 2048, 256 * 1024, CarriedWeight);
        let vendors = Arc::new(VendorDirectory::new(vendor_bytes));
        Self { offers, vendors, shared, readings: ArcSwap::default() }
    }

    /// The adapter fingerprints offers are read under from now on, by marketplace.
    pub(super) fn adopt(&self, readings: HashMap<MarketplaceId, u64>) {
        self.readings.store(Arc::new(readings));
    }

    /// The entry of `id` still live at `now`, if any.
    fn kept(&self, id: &str, now: Instant) -> Option<Arc<Kept>> {
        self.offers.get(id).map(|entry| entry.value).filter(|kept| kept.live(now))
    }

    /// The offers of a page (see [`Reading`]), remembered with their vendors merged. An item
    /// remembered with the very same fields is not normalised again: normalising is pure, and
    /// most items of a miss were read in an earlier search (a fifth of a miss's CPU went to
    /// reading them again). What is left as it is follows [`Remembered::remember`].
    pub(super) async fn read(&self, page: Reading<'_>, raws: Vec<Arc<RawOffer>>) -> Vec<Arc<Offer>> {
        self.read_with(page, raws, normalize_offer).await
    }

    async fn read_with(
        &self,
        page: Reading<'_>,
        raws: Vec<Arc<RawOffer>>,
        normalize: impl Fn(&MarketplaceId, &RawOffer) -> Offer,
    ) -> Vec<Arc<Offer>> {
        let mut offers = Vec::with_capacity(raws.len());
        let mut written = Vec::new();
        // One clock read for the page: its items arrived together.
        let now = Instant::now();
        for raw in raws {
            let (offer, wrote) = self.read_one(&page, raw, now, &normalize);
            if wrote {
                written.push(offers.len());
            }
            offers.push(offer);
        }
        self.written(written.iter().map(|&i| &*offers[i]).collect(), Some(page.fingerprint)).await;
        offers
    }

    /// One item: its remembered offer when its fields match, else normalised; and whether its
    /// entry was written (new, changed or due for refresh), so its vendor is recorded again.
    fn read_one(
        &self,
        page: &Reading<'_>,
        raw: Arc<RawOffer>,
        now: Instant,
        normalize: &impl Fn(&MarketplaceId, &RawOffer) -> Offer,
    ) -> (Arc<Offer>, bool) {
        let (marketplace, sent) = (page.marketplace, page.sent);
        let id = gateway_id(marketplace, &plain(&raw.source_id));
        let kept = self.kept(&id, now);
        // The adapter hands the same fields again for an item sent again byte for byte.
        let matched = kept.as_ref().and_then(|k| k.raw.as_ref()).is_some_and(|r| Arc::ptr_eq(r, &raw) || **r == *raw);
        // `since`: when the entry of an offer that is unchanged was written.
        let (offer, since) = match &kept {
            Some(k) if matched => (Arc::clone(&k.offer), Some(k.written)),
            Some(k) => {
                let offer = normalize(marketplace, &raw);
                let since = (*k.offer == offer).then_some(k.written);
                if since.is_some() {
                    // The same reading: a later confirmation of it still holds.
                    offer.read_at.follow(&k.offer.read_at);
                }
                (Arc::new(offer), since)
            }
            None => (Arc::new(normalize(marketplace, &raw)), None),
        };
        // A remembered offer shared with cached pages was read again unchanged: every holder
        // shows the later time, the price being the same.
        offer.read_at.raise(sent);
        let young = since.filter(|since| now.saturating_duration_since(*since) < REFRESH_AFTER);
        if young.is_some() && matched {
            return (offer, false);
        }
        // Another reading, from a request sent after this one left, is the listing as it is now:
        // this page shows what it read, `offer(id)` keeps the later reading.
        if since.is_none() && kept.is_some_and(|k| k.offer.read_at.get() > Some(sent)) {
            return (offer, false);
        }
        // A young entry of the same offer read from other fields is kept with these (for the
        // next match) but not written again; anything else is written now.
        let kept = Kept { offer: Arc::clone(&offer), raw: Some(raw), written: young.unwrap_or(now) }.weighed(&id);
        self.offers.insert(id, kept);
        (offer, young.is_none())
    }

    /// Records offers another instance fetched (a page read from the shared store) and merges
    /// their vendors; an offer already remembered unchanged, in an entry younger than
    /// [`REFRESH_AFTER`], is left as it is, and so is its vendor: it was recorded with the offer,
    /// and is seen again (kept for its retention) when the offer's entry is written again.
    pub(super) async fn remember(&self, offers: &[Arc<Offer>], fingerprint: u64) {
        self.take_in(offers, fingerprint, false).await;
    }

    /// Remembers `offer` as the one `offer(id)` answers with, whatever was read of its id since:
    /// the listing a buyer was shown when the marketplace listed its id again with other fields
    /// later in the walk (the repeat is left out of the walk).
    pub(super) async fn keep_shown(&self, offer: &Arc<Offer>, fingerprint: u64) {
        self.take_in(std::slice::from_ref(offer), fingerprint, true).await;
    }

    async fn take_in(&self, offers: &[Arc<Offer>], fingerprint: u64, shown: bool) {
        let mut written = Vec::new();
        let now = Instant::now();
        for offer in offers {
            let id = offer.gateway_id();
            if let Some(k) = self.kept(&id, now) {
                if k.offer == *offer {
                    // The same reading, confirmed here or by another instance: the later holds.
                    k.offer.read_at.follow(&offer.read_at);
                    offer.read_at.follow(&k.offer.read_at);
                    if now.saturating_duration_since(k.written) < REFRESH_AFTER {
                        continue;
                    }
                } else if !shown && k.offer.read_at.get() > offer.read_at.get() {
                    // An older reading than the one kept (a page cached before the listing
                    // changed) is served as the page it is, never as the offer now.
                    continue;
                }
            }
            let kept = Kept { offer: Arc::clone(offer), raw: None, written: now }.weighed(&id);
            self.offers.insert(id, kept);
            written.push(&**offer);
        }
        // A page from the shared store was shared with its offers by the instance that read it:
        // writing them again would put an older reading over a later one another instance wrote
        // (review30c N7). The listing a walk showed is this instance's reading, and is shared.
        self.written(written, shown.then_some(fingerprint)).await;
    }

    /// Merges the vendors of offers just written and, for offers read here (`reading`: the
    /// adapter fingerprint they were read under), shares both when other instances do.
    async fn written(&self, written: Vec<&Offer>, reading: Option<u64>) {
        if written.is_empty() {
            return;
        }
        self.vendors.record(written.iter().copied());
        if let Some(fingerprint) = reading.filter(|_| self.shared.shared()) {
            self.share(&written, fingerprint).await;
        }
    }

    /// Writes newly remembered offers and their merged vendors to the shared store.
    async fn share(&self, offers: &[&Offer], fingerprint: u64) {
        let mut vendors = HashMap::new();
        let mut offer_records = Vec::with_capacity(offers.len());
        for offer in offers {
            // Another instance's later reading of the listing stays over this one (review30c N3).
            let read_ms = offer.read_at.millis();
            offer_records.extend(encode(&(fingerprint, *offer)).map(|bytes| Record {
                id: offer.gateway_id(),
                read_ms,
                bytes,
            }));
            let vendor = self.vendors.vendor_of(&offer.marketplace, &offer.vendor);
            vendors.entry(vendor.id.clone()).or_insert(vendor);
        }
        // A vendor merged from what any instance saw: the latest write holds.
        let vendor_records = vendors
            .into_iter()
            .filter_map(|(id, v)| Some(Record { id, read_ms: 0, bytes: encode(v.as_ref())? }))
            .collect();
        self.shared.keep_records("offer", offer_records, OFFER_RETENTION + REFRESH_AFTER).await;
        self.shared.keep_records("vendor", vendor_records, vendors::RETENTION).await;
    }

    /// Forgets the offers of `marketplace` remembered here: they were read under an adapter file
    /// a reload changed or removed, and `offer(id)` must not answer with that reading. (Vendors
    /// stay: they are merged across marketplaces, and the next page read records them again.
    /// Records another instance may read stay in the shared store until their retention ends.)
    pub(super) fn forget_marketplace(&self, marketplace: &MarketplaceId) {
        let prefix = gateway_id(marketplace, "");
        self.offers.retain(|id, _| !id.starts_with(&prefix));
    }

    /// A remembered offer by its gateway id: the later of this instance's reading and the shared
    /// store's. Another instance may have read the listing since this one did (a `noCache`
    /// search there), and a deep link must not show a price that depends on the instance asked
    /// (review32w W32-4); alone, a reading held here costs no lookup.
    pub(super) async fn offer(&self, id: &str) -> Option<Offer> {
        let kept = self.kept(id, Instant::now());
        let shared = match &kept {
            Some(_) if !self.shared.shared() => None,
            _ => self.shared_offer(id).await,
        };
        match (kept, shared) {
            (Some(kept), Some(shared)) if shared.read_at.get() > kept.offer.read_at.get() => Some(shared),
            (Some(kept), _) => Some(Offer::clone(&kept.offer)),
            (None, shared) => shared,
        }
    }

    /// The offer's record in the shared store, when read under the adapter file this gateway
    /// runs (any other is not its reading: review30a F4).
    async fn shared_offer(&self, id: &str) -> Option<Offer> {
        let (reading, offer): (u64, Offer) = decode(&self.shared.find_record("offer", id).await?)?;
        (self.readings.load().get(&offer.marketplace) == Some(&reading)).then_some(offer)
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
