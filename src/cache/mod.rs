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
//! - **Memory**: moka bounds the total estimated bytes, not the entry count.

mod inflight;
mod page;
mod stats;

pub use page::{CacheKey, CachedPage, Freshness, normalize_query};
pub use stats::{CacheStats, CacheStatsSnapshot};

use crate::marketplace::MarketplaceError;
use inflight::Inflight;
use moka::notification::RemovalCause;
use std::sync::Arc;
use std::time::Duration;

/// Default memory budget of the result cache.
pub const DEFAULT_BUDGET_BYTES: u64 = 256 * 1024 * 1024;

/// How a page was obtained.
#[derive(Debug, Clone, PartialEq)]
pub enum Served {
    /// Fresh from the cache.
    Hit,
    /// Fetched upstream for this request (or a concurrent identical one).
    Fetched,
    /// Expired but served: while a refresh runs (`error: None`) or because the marketplace failed.
    Stale {
        /// Age of the data.
        age: Duration,
        /// The failure that made the stale copy the answer.
        error: Option<MarketplaceError>,
    },
}

/// The result cache shared by all marketplaces.
#[derive(Clone)]
pub struct ResultCache {
    pages: moka::future::Cache<CacheKey, Arc<CachedPage>>,
    inflight: Inflight,
    stats: Arc<CacheStats>,
}

impl ResultCache {
    /// A cache holding at most about `budget_bytes` of offers.
    pub fn new(budget_bytes: u64) -> Self {
        let stats = Arc::new(CacheStats::default());
        let counted = Arc::clone(&stats);
        let pages = moka::future::Cache::builder()
            .max_capacity(budget_bytes)
            .weigher(|key: &CacheKey, page: &Arc<CachedPage>| {
                page.estimated_bytes().saturating_add(key.estimated_bytes())
            })
            .expire_after(page::KeepWhileServable)
            .support_invalidation_closures()
            .eviction_listener(move |_key, _page, cause| {
                if cause == RemovalCause::Size {
                    counted.evicted();
                }
            })
            .build();
        Self { pages, inflight: Inflight::default(), stats }
    }

    /// Counters for the metrics endpoint.
    pub fn stats(&self) -> CacheStatsSnapshot {
        self.stats.snapshot()
    }

    /// Estimated bytes held.
    pub fn weighted_size(&self) -> u64 {
        self.pages.weighted_size()
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
    ) -> Result<(Arc<CachedPage>, Served), MarketplaceError>
    where
        F: Future<Output = Result<CachedPage, MarketplaceError>> + Send + 'static,
    {
        let cached = if bypass { None } else { self.pages.get(&key).await };
        if let Some(page) = &cached {
            let age = page.age();
            if age < policy.ttl {
                self.stats.hit();
                return Ok((Arc::clone(page), Served::Hit));
            }
            if age < policy.ttl + policy.stale_while_revalidate {
                self.stats.stale();
                drop(self.load(key, fetch));
                return Ok((Arc::clone(page), Served::Stale { age, error: None }));
            }
        }
        self.stats.miss();
        match self.load(key, fetch).await {
            Ok(page) => Ok((page, Served::Fetched)),
            Err(error) => match cached.filter(|page| page.age() < policy.ttl + policy.stale_if_error) {
                Some(page) => {
                    self.stats.stale();
                    let age = page.age();
                    Ok((page, Served::Stale { age, error: Some(error) }))
                }
                None => Err(error),
            },
        }
    }

    /// Joins the in-flight load of `key`, or starts one that stores its page when it succeeds.
    fn load<F>(&self, key: CacheKey, fetch: F) -> inflight::Shared
    where
        F: Future<Output = Result<CachedPage, MarketplaceError>> + Send + 'static,
    {
        let pages = self.pages.clone();
        let stored = key.clone();
        let (shared, joined) = self.inflight.join_or_start(key, async move {
            let page = Arc::new(fetch.await?);
            if !page.freshness.ttl.is_zero() {
                pages.insert(stored, Arc::clone(&page)).await;
            }
            Ok(page)
        });
        if joined {
            self.stats.coalesced();
        }
        shared
    }

    /// Drops every entry of one marketplace, or all entries; returns how many were cached.
    pub async fn purge(&self, marketplace: Option<&str>) -> u64 {
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

#[cfg(test)]
mod tests;
