//! Per-marketplace result cache of normalised offers: coalesced, bounded by bytes, stale-aware.
//!
//! A hit skips both the HTTP call and normalisation; ranking always runs fresh on top.
//!
//! - **Keys** hold everything that changes a marketplace's answer: marketplace, normalised query,
//!   page position and a fingerprint of the credentials the adapter sends.
//! - **Coalescing** ([`inflight`]): concurrent misses on one key make one upstream call, run as its
//!   own task under the marketplace's deadline, so a caller giving up cancels nothing (moka's
//!   `get_with` restarts the load when the caller running it is dropped).
//! - **Staleness** (RFC 5861's idea): after its TTL an entry is served for up to
//!   `stale_while_revalidate` while one background refresh runs, and for up to `stale_if_error`
//!   when the marketplace fails. Freshness is judged on tokio's clock, so tests can pause time.
//! - **Storage** ([`PageStore`]): where pages live is behind a small trait; the in-process
//!   [`MemoryStore`] (moka) bounds the total estimated bytes, not the entry count.

mod inflight;
mod page;
mod store;

pub use inflight::LoadAborted;
pub use page::{CacheKey, CachedPage, Freshness, normalize_query};
pub use store::{MemoryStore, PageStore};

use inflight::Inflight;
use std::sync::Arc;
use std::time::Duration;

/// Default memory budget of the result cache.
pub const DEFAULT_BUDGET_BYTES: u64 = 256 * 1024 * 1024;

/// How a page was obtained.
#[derive(Debug, Clone, PartialEq)]
pub enum Served<E> {
    /// Fresh from the cache.
    Hit,
    /// Fetched upstream for this request (or a concurrent identical one).
    Fetched,
    /// Expired but served: while a refresh runs (`error: None`) or because the load failed.
    Stale {
        /// Age of the data.
        age: Duration,
        /// The failure that made the stale copy the answer.
        error: Option<E>,
    },
}

/// The result cache shared by all marketplaces; `E` is the error a failed load gives.
pub struct ResultCache<E> {
    store: Arc<dyn PageStore>,
    inflight: Inflight<E>,
}

impl<E> Clone for ResultCache<E> {
    fn clone(&self) -> Self {
        Self { store: Arc::clone(&self.store), inflight: self.inflight.clone() }
    }
}

impl<E> ResultCache<E>
where
    E: Clone + From<LoadAborted> + Send + Sync + 'static,
{
    /// A cache over `store`.
    pub fn new(store: Arc<dyn PageStore>) -> Self {
        Self { store, inflight: Inflight::default() }
    }

    /// An in-process cache holding at most about `budget_bytes` of offers.
    pub fn in_memory(budget_bytes: u64) -> Self {
        Self::new(Arc::new(MemoryStore::new(budget_bytes)))
    }

    /// The page for `key`: fresh from the cache, stale under the policy, or fetched by `fetch`
    /// (coalesced with every concurrent identical miss). `bypass` skips reading the cache but the
    /// fresh page is still stored.
    pub async fn get_or_fetch<F>(
        &self,
        key: CacheKey,
        policy: Freshness,
        bypass: bool,
        fetch: F,
    ) -> Result<(Arc<CachedPage>, Served<E>), E>
    where
        F: Future<Output = Result<CachedPage, E>> + Send + 'static,
    {
        let asked = tokio::time::Instant::now();
        let cached = if bypass { None } else { self.store.get(&key).await };
        if let Some(page) = &cached {
            let age = page.age();
            if age < policy.ttl {
                return Ok((Arc::clone(page), Served::Hit));
            }
            if age < policy.ttl + policy.stale_while_revalidate {
                drop(self.load(key, fetch, Some(policy.ttl)));
                return Ok((Arc::clone(page), Served::Stale { age, error: None }));
            }
        }
        let recheck = (!bypass).then_some(policy.ttl);
        match self.load(key, fetch, recheck).await {
            // Fetched before this caller asked: the load it joined, or found stored, was another's.
            Ok(page) if page.fetched_at < asked => Ok((page, Served::Hit)),
            Ok(page) => Ok((page, Served::Fetched)),
            Err(error) => match cached.filter(|page| page.age() < policy.ttl + policy.stale_if_error) {
                Some(page) => {
                    let age = page.age();
                    Ok((page, Served::Stale { age, error: Some(error) }))
                }
                None => Err(error),
            },
        }
    }

    /// Joins the in-flight load of `key`, or starts one that stores its page when it succeeds.
    ///
    /// A new load first reads the store again (`recheck`: when a page younger than that is there,
    /// it is the answer): a caller can miss the store just before a load stores its page and
    /// reach the in-flight map just after that load left it, and must not call upstream again.
    fn load<F>(&self, key: CacheKey, fetch: F, recheck: Option<Duration>) -> inflight::Shared<E>
    where
        F: Future<Output = Result<CachedPage, E>> + Send + 'static,
    {
        let store = Arc::clone(&self.store);
        let stored = key.clone();
        self.inflight.join_or_start(key, async move {
            if let Some(ttl) = recheck
                && let Some(page) = store.get(&stored).await.filter(|page| page.age() < ttl)
            {
                return Ok(page);
            }
            let page = Arc::new(fetch.await?);
            if !page.freshness.ttl.is_zero() {
                store.insert(stored, Arc::clone(&page)).await;
            }
            Ok(page)
        })
    }

    /// Drops every entry of one marketplace, or all entries; returns how many were cached.
    pub async fn purge(&self, marketplace: Option<&str>) -> u64 {
        self.store.purge(marketplace).await
    }
}

#[cfg(test)]
mod tests;
