//! Per-marketplace result cache of normalised offers: coalesced, bounded by bytes, stale-aware.
//!
//! A hit skips both the HTTP call and normalisation; ranking always runs fresh on top.
//!
//! - **Keys** hold everything that changes a marketplace's answer: marketplace, normalised query,
//!   page position and a fingerprint of the credentials the adapter sends.
//! - **Coalescing** ([`inflight`]): concurrent misses on one key make one upstream call, driven by
//!   the callers waiting for it under the marketplace's deadline and handed to a task of its own
//!   when the last of them gives up, so a caller giving up cancels nothing (moka's `get_with`
//!   restarts the load when the caller running it is dropped).
//! - **Staleness** (RFC 5861's idea): after its TTL an entry is served for up to
//!   `stale_while_revalidate` while one background refresh runs, and for up to `stale_if_error`
//!   when the marketplace fails. Freshness is judged on tokio's clock, so tests can pause time.
//! - **Storage** ([`PageStore`]): where pages live is behind a small trait; the in-process
//!   [`MemoryStore`] (quick_cache) bounds the total estimated bytes, not the entry count, and
//!   [`TieredStore`] puts it in front of Redis shared by several instances.
//! - **Coalescing across instances**: a load first claims its key in the store; when another
//!   instance holds the claim, it waits for that instance's page instead of calling upstream.

mod inflight;
mod page;
mod purged;
mod redis;
mod store;
mod tiered;

pub use inflight::LoadAborted;
pub use page::{CacheKey, CachedPage, Freshness, normalize_query};
pub use redis::{RedisLevel, RedisSettings};
pub use store::{MemoryStore, PageStore, Record};
pub use tiered::TieredStore;

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

/// Keys whose last load failed, remembered at most: a stale page served while it is refreshed
/// says so once a refresh has failed (a few hundred bytes each).
const FAILED_LOADS_KEPT: usize = 4096;

/// The result cache shared by all marketplaces; `E` is the error a failed load gives.
pub struct ResultCache<E> {
    store: Arc<dyn PageStore>,
    inflight: Inflight<E>,
    /// The error of each key's last load, when it failed; a load that succeeds clears it.
    failed: Arc<quick_cache::sync::Cache<CacheKey, E>>,
}

impl<E> Clone for ResultCache<E> {
    fn clone(&self) -> Self {
        Self { store: Arc::clone(&self.store), inflight: self.inflight.clone(), failed: Arc::clone(&self.failed) }
    }
}

impl<E> ResultCache<E>
where
    E: Clone + From<LoadAborted> + Send + Sync + 'static,
{
    /// A cache over `store`.
    pub fn new(store: Arc<dyn PageStore>) -> Self {
        Self {
            store,
            inflight: Inflight::default(),
            failed: Arc::new(quick_cache::sync::Cache::new(FAILED_LOADS_KEPT)),
        }
    }

    /// Where the pages live (and, when it is shared, the records deep links resolve).
    pub fn store(&self) -> Arc<dyn PageStore> {
        Arc::clone(&self.store)
    }

    /// An in-process cache holding at most about `budget_bytes` of offers.
    pub fn in_memory(budget_bytes: u64) -> Self {
        Self::new(Arc::new(MemoryStore::new(budget_bytes)))
    }

    /// The page for `key`: fresh from the cache, stale under the policy, or fetched by `fetch`
    /// (coalesced with every concurrent identical miss). `bypass` skips reading the cache but the
    /// fresh page is still stored. (Tests; the search path gives its patience.)
    #[cfg(test)]
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
        self.get_or_fetch_waiting(key, policy, bypass, Duration::MAX, || None, fetch).await
    }

    /// As [`get_or_fetch`](Self::get_or_fetch), waiting at most `patience` for another instance
    /// loading the same key before loading it here (so the wait leaves time for a load of our own
    /// within the caller's deadline). `refused`: why a load started now would be refused at once
    /// (the marketplace's circuit is open), asked only of an expired page; it is then served as
    /// what it is, a page kept because the marketplace fails, not one being refreshed.
    pub async fn get_or_fetch_waiting<F, R>(
        &self,
        key: CacheKey,
        policy: Freshness,
        bypass: bool,
        patience: Duration,
        refused: R,
        fetch: F,
    ) -> Result<(Arc<CachedPage>, Served<E>), E>
    where
        F: Future<Output = Result<CachedPage, E>> + Send + 'static,
        R: FnOnce() -> Option<E>,
    {
        let asked = tokio::time::Instant::now();
        let cached = if bypass { None } else { self.store.get(&key).await };
        if let Some(page) = &cached {
            let age = page.age();
            if age < policy.ttl {
                return Ok((Arc::clone(page), Served::Hit));
            }
            if age < policy.ttl + policy.stale_while_revalidate {
                // Once a refresh has failed, the page is served because the marketplace failed
                // (stale-if-error), not while it is refreshed: the answer says so.
                let error = match refused() {
                    Some(refused) => Some(refused),
                    None => {
                        let error = self.failed.get(&key);
                        drop(self.load(key, fetch, Some(policy.ttl), patience, None));
                        error
                    }
                };
                return Ok((Arc::clone(page), Served::Stale { age, error }));
            }
        }
        let recheck = (!bypass).then_some(policy.ttl);
        match self.load(key, fetch, recheck, patience, bypass.then_some(asked)).await {
            // Here before this caller asked: found stored, another's (a load it joined is not).
            Ok(page) if page.arrived < asked => Ok((page, Served::Hit)),
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
    /// `since`: join only a load started then or later (a `noCache` caller's request).
    fn load<F>(
        &self,
        key: CacheKey,
        fetch: F,
        recheck: Option<Duration>,
        patience: Duration,
        since: Option<tokio::time::Instant>,
    ) -> inflight::Load<E>
    where
        F: Future<Output = Result<CachedPage, E>> + Send + 'static,
    {
        let store = Arc::clone(&self.store);
        let failed = Arc::clone(&self.failed);
        let stored = key.clone();
        let replaces = since.is_some();
        self.inflight.join_or_start(key, since, |superseded| async move {
            if let Some(ttl) = recheck
                && let Some(page) = store.get(&stored).await.filter(|page| page.age() < ttl)
            {
                return Ok(page);
            }
            if let Some(page) = another_instances_load(store.as_ref(), &stored, recheck, patience).await {
                return Ok(page);
            }
            let fetched = fetch.await.map(Arc::new);
            match &fetched {
                Ok(page) => {
                    failed.remove(&stored);
                    // A load sent later for a `noCache` caller holds what is newer: this one's
                    // page goes only to those who joined it, never over that one's.
                    if page.freshness.ttl.is_zero() || superseded.load(std::sync::atomic::Ordering::Relaxed) {
                        store.release(&stored).await;
                    } else if replaces {
                        store.replace_and_release(stored, Arc::clone(page)).await;
                    } else {
                        store.insert_and_release(stored, Arc::clone(page)).await;
                    }
                }
                Err(error) => {
                    failed.insert(stored.clone(), error.clone());
                    store.release(&stored).await;
                }
            }
            fetched
        })
    }

    /// Drops every entry of one marketplace, or all entries; returns how many were cached (and
    /// still servable).
    pub async fn purge(&self, marketplace: Option<&str>) -> u64 {
        self.store.purge(marketplace).await
    }
}

/// How often a waiting instance looks for another's page.
const WAIT_STEP: Duration = Duration::from_millis(10);

/// When another instance holds the claim on `key`, waits (up to the claim's life or `patience`)
/// for the page it stores; `None` when this instance should load: it holds the claim, or the
/// other took too long.
async fn another_instances_load(
    store: &dyn PageStore,
    key: &CacheKey,
    fresh_for: Option<Duration>,
    patience: Duration,
) -> Option<Arc<CachedPage>> {
    let started = tokio::time::Instant::now();
    let Some(ttl) = fresh_for else {
        // A `noCache` caller takes no page loaded before it asked, so it waits for none: it
        // claims the key when it is free (others then wait for its page) and loads.
        store.claim(key).await;
        return None;
    };
    let usable = |page: &Arc<CachedPage>| page.age() < ttl;
    let until = started + store.claim_lasts().min(patience);
    loop {
        if store.claim(key).await {
            if !store.shared() {
                return None;
            }
            // The holder may have stored its page and let go between our last look and our
            // claim: look once more before calling upstream.
            let page = store.get(key).await.filter(usable);
            if page.is_some() {
                store.release(key).await;
            }
            return page;
        }
        if tokio::time::Instant::now() >= until {
            return None;
        }
        tokio::time::sleep(WAIT_STEP).await;
        if let Some(page) = store.get(key).await.filter(usable) {
            return Some(page);
        }
    }
}

#[cfg(test)]
mod tests;
