//! Where pages are kept: a small trait so a second level (Redis, shared by several instances)
//! can sit behind the in-process store without the freshness policy or coalescing changing.

use super::page::{CacheKey, CachedPage, KeepWhileServable};
use std::sync::Arc;
use std::time::Duration;

/// A keyed store of cached pages. It keeps pages for as long as any policy could serve them
/// ([`Freshness::servable_for`](super::Freshness::servable_for)); whether a page is fresh or stale is decided by the caller.
#[async_trait::async_trait]
pub trait PageStore: Send + Sync + 'static {
    /// The page stored under `key`, if any.
    async fn get(&self, key: &CacheKey) -> Option<Arc<CachedPage>>;
    /// Stores `page` under `key`, replacing what was there.
    async fn insert(&self, key: CacheKey, page: Arc<CachedPage>);
    /// Drops every page of one marketplace, or all pages; returns how many were stored before.
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
    /// and for `ttl`; a store of one instance keeps none.
    async fn keep_records(&self, _kind: &'static str, _records: Vec<(String, Vec<u8>)>, _ttl: Duration) {}
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
    /// How long an instance waits for another's load before loading itself.
    fn claim_lasts(&self) -> Duration {
        Duration::ZERO
    }
}

/// The in-process store: moka, bounded by the estimated bytes of its pages, not their count.
pub struct MemoryStore {
    pages: moka::future::Cache<CacheKey, Arc<CachedPage>, foldhash::fast::RandomState>,
}

impl MemoryStore {
    /// A store holding at most about `budget_bytes`.
    pub fn new(budget_bytes: u64) -> Self {
        let pages = moka::future::Cache::builder()
            .max_capacity(budget_bytes)
            .weigher(|key: &CacheKey, page: &Arc<CachedPage>| {
                page.estimated_bytes().saturating_add(key.estimated_bytes())
            })
            .expire_after(KeepWhileServable)
            .support_invalidation_closures()
            .build_with_hasher(foldhash::fast::RandomState::default());
        Self { pages }
    }

    /// Runs moka's pending maintenance and gives the estimated bytes and the pages held.
    #[cfg(test)]
    pub(super) async fn settled_size(&self) -> (u64, u64) {
        self.pages.run_pending_tasks().await;
        (self.pages.weighted_size(), self.pages.entry_count())
    }
}

#[async_trait::async_trait]
impl PageStore for MemoryStore {
    async fn get(&self, key: &CacheKey) -> Option<Arc<CachedPage>> {
        self.pages.get(key).await
    }

    async fn insert(&self, key: CacheKey, page: Arc<CachedPage>) {
        self.pages.insert(key, page).await;
    }

    async fn bytes(&self) -> u64 {
        // moka counts lazily; settle pending writes so the figure is current (only at a scrape).
        self.pages.run_pending_tasks().await;
        self.pages.weighted_size()
    }

    async fn purge(&self, marketplace: Option<&str>) -> u64 {
        // moka counts lazily; settle pending writes so the count is the real one.
        self.pages.run_pending_tasks().await;
        let before = self.pages.entry_count();
        match marketplace {
            None => self.pages.invalidate_all(),
            Some(id) => {
                let id = id.to_string();
                // Only fails when closures were not enabled at build time, which they are.
                let _ = self.pages.invalidate_entries_if(move |key, _| key.marketplace.as_str() == id);
            }
        }
        before
    }
}
