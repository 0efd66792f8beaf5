//! Where pages are kept: a small trait so a second level (Redis, shared by several instances)
//! can sit behind the in-process store without the freshness policy or coalescing changing.

use super::page::{CacheKey, CachedPage};
use super::purged::PurgeMarks;
use crate::bounded::{Bounded, CarriedWeight, Weighed, bounded};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// A record kept for every instance sharing a store. The store never replaces a record with one
/// whose `read_ms` is earlier: a slow answer sent before a listing changed, arriving after another
/// instance kept the changed listing, stays out (review30c N3).
pub struct Record {
    pub id: String,
    /// When what the record says was read from its marketplace, in ms since the Unix epoch
    /// (0 for a record any later write may replace).
    pub read_ms: u64,
    pub bytes: Vec<u8>,
}

/// A keyed store of cached pages. It keeps pages for as long as any policy could serve them
/// ([`Freshness::servable_for`](super::Freshness::servable_for)); whether a page is fresh or stale is decided by the caller.
#[async_trait::async_trait]
pub trait PageStore: Send + Sync + 'static {
    /// The page stored under `key`, if any.
    async fn get(&self, key: &CacheKey) -> Option<Arc<CachedPage>>;
    /// Stores `page` under `key`, replacing what was there.
    async fn insert(&self, key: CacheKey, page: Arc<CachedPage>);
    /// Drops every page of one marketplace, or all pages; returns how many were stored before
    /// that could still have been served.
    async fn purge(&self, marketplace: Option<&str>) -> u64;
    /// Claims `key` for loading among instances sharing the store: false when another instance
    /// is loading it. A store of one instance always says true.
    async fn claim(&self, _key: &CacheKey) -> bool {
        true
    }
    /// Gives back a claim of [`claim`](Self::claim).
    async fn release(&self, _key: &CacheKey) {}
    /// Purges other instances made (the marketplace, or `None` for all), once this store has
    /// dropped its own copies; `None` when no other instance shares the store.
    fn purges(&self) -> Option<tokio::sync::broadcast::Receiver<Option<String>>> {
        None
    }
    /// Estimated bytes of the pages this instance holds.
    async fn bytes(&self) -> u64 {
        0
    }
    /// Whether other instances share this store (then records are worth encoding for it).
    fn shared(&self) -> bool {
        false
    }
    /// Keeps records of one kind (offers, vendors: what deep links resolve) for every instance
    /// and for `ttl`, none over a record read later; a store of one instance keeps none.
    async fn keep_records(&self, _kind: &'static str, _records: Vec<Record>, _ttl: Duration) {}
    /// A record another instance, or this one before a restart, kept.
    async fn find_record(&self, _kind: &'static str, _id: &str) -> Option<Vec<u8>> {
        None
    }
    /// Stores the page a claim was taken for, then gives the claim back: in this order, so an
    /// instance waiting on the claim finds the page once the claim is gone.
    async fn insert_and_release(&self, key: CacheKey, page: Arc<CachedPage>) {
        self.insert(key.clone(), page).await;
        self.release(&key).await;
    }
    /// As [`insert_and_release`](Self::insert_and_release), for a page loaded for a caller who
    /// refused every cached copy (`noCache`): a shared store also tells the other instances, so
    /// none goes on serving its older copy as fresh (review32w W32-4).
    async fn replace_and_release(&self, key: CacheKey, page: Arc<CachedPage>) {
        self.insert_and_release(key, page).await;
    }
    /// How long an instance waits for another's load before loading itself.
    fn claim_lasts(&self) -> Duration {
        Duration::ZERO
    }
}

/// Whether any policy could still serve `page` (see
/// [`Freshness::servable_for`](super::Freshness::servable_for)), on tokio's clock as freshness
/// itself is.
fn servable(page: &CachedPage) -> bool {
    page.age() <= page.freshness.servable_for()
}

/// The in-process store, bounded by the estimated bytes of its pages, not their count.
/// quick_cache rather than moka: a miss stores a page per marketplace, and moka's bookkeeping of
/// each write and read (queued records, its housekeeping and its map's rehashing run inline once
/// the cache is full) was about 5 % of a search's CPU at one connection. A page no policy can
/// serve any more is skipped when read (and dropped then) or goes as the cache evicts by weight.
pub struct MemoryStore {
    pages: Bounded<CacheKey, Weighed<Arc<CachedPage>>, CarriedWeight>,
    purged: PurgeMarks,
}

impl MemoryStore {
    /// A store holding at most about `budget_bytes`.
    pub fn new(budget_bytes: u64) -> Self {
        // A page of ten offers with its key weighs about 16 KB; one of a marketplace's largest
        // pages (a few hundred offers) well under 4 MiB.
        Self { pages: bounded(budget_bytes, 16 * 1024, 4 * 1024 * 1024, CarriedWeight), purged: PurgeMarks::default() }
    }

    /// Drops the page of `key` if it was fetched before `than`: another instance stored a later one.
    pub(super) fn drop_older(&self, key: &CacheKey, than: tokio::time::Instant) {
        self.pages.remove_if(key, |held| held.value.fetched_at < than);
    }

    /// Whether `page` of `key` was asked before a purge that covers it: it is then neither
    /// stored nor served (see [`PurgeMarks`]).
    pub(super) fn predates_purge(&self, key: &CacheKey, page: &CachedPage) -> bool {
        self.purged.predates(key.marketplace.as_str(), page.fetched_at)
    }

    /// The estimated bytes and the pages held.
    #[cfg(test)]
    pub(super) async fn settled_size(&self) -> (u64, u64) {
        (self.pages.weight(), self.pages.len() as u64)
    }
}

#[async_trait::async_trait]
impl PageStore for MemoryStore {
    async fn get(&self, key: &CacheKey) -> Option<Arc<CachedPage>> {
        let page = self.pages.get(key)?.value;
        if servable(&page) && !self.predates_purge(key, &page) {
            return Some(page);
        }
        // Only that page: one stored meanwhile under the key stays.
        self.pages.remove_if(key, |now| Arc::ptr_eq(&now.value, &page));
        None
    }

    async fn insert(&self, key: CacheKey, page: Arc<CachedPage>) {
        if self.predates_purge(&key, &page) {
            return;
        }
        let weight = u64::from(page.estimated_bytes()) + u64::from(key.estimated_bytes());
        self.pages.insert(key, Weighed { value: page, weight });
    }

    async fn bytes(&self) -> u64 {
        self.pages.weight()
    }

    async fn purge(&self, marketplace: Option<&str>) -> u64 {
        // Counts the pages that could still have been served: those are what a purge takes away.
        // quick_cache's `retain` takes an `Fn`.
        let counted = AtomicU64::new(0);
        // Marked first: a page stored between the mark and the sweep is swept, one stored
        // after it is refused, one stored before it is swept.
        self.purged.mark(marketplace, tokio::time::Instant::now());
        self.pages.retain(|key, held| {
            let purged = marketplace.is_none_or(|id| key.marketplace.as_str() == id);
            counted.fetch_add(u64::from(purged && servable(&held.value)), Ordering::Relaxed);
            !purged
        });
        counted.into_inner()
    }
}
