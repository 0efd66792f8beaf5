//! Per-marketplace result cache of normalised offers (moka).
//!
//! A hit skips both the HTTP call and normalisation; ranking always runs fresh on top. Entries
//! expire after their marketplace's TTL and the cache is bounded by an estimate of bytes, not by
//! entry count, because one page of laptops and one page of meterai differ tenfold in size.

use crate::model::{MarketplaceId, Offer};
use moka::Expiry;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Default memory budget of the result cache.
pub const DEFAULT_BUDGET_BYTES: u64 = 256 * 1024 * 1024;

/// Everything that changes a marketplace's answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CacheKey {
    /// Which marketplace.
    pub marketplace: MarketplaceId,
    /// The query, normalised (see [`normalize_query`]).
    pub query: String,
    /// First item of the page.
    pub offset: u32,
    /// Page size asked for.
    pub limit: u32,
    /// Cursor of a cursor-paged marketplace.
    pub cursor: Option<String>,
}

/// One cached page.
#[derive(Debug)]
pub struct CachedPage {
    /// Normalised offers in the marketplace's order.
    pub offers: Vec<Offer>,
    /// The marketplace's total match count.
    pub total: Option<u64>,
    /// Cursor to the next page.
    pub next_cursor: Option<String>,
    /// Items that could not be read.
    pub skipped: usize,
    /// When it was fetched upstream.
    pub fetched_at: Instant,
    /// How long it stays fresh.
    pub ttl: Duration,
}

impl CachedPage {
    /// Rough heap size, for the memory budget.
    fn estimated_bytes(&self) -> u32 {
        let per_offer: usize = self
            .offers
            .iter()
            .map(|o| 600 + o.title.len() + o.vendor.raw_name.len() * 2 + o.url.as_ref().map_or(0, String::len))
            .sum();
        u32::try_from(256 + per_offer).unwrap_or(u32::MAX)
    }
}

struct PerEntryTtl;

impl Expiry<CacheKey, Arc<CachedPage>> for PerEntryTtl {
    fn expire_after_create(&self, _key: &CacheKey, value: &Arc<CachedPage>, _now: Instant) -> Option<Duration> {
        Some(value.ttl)
    }
}

/// The result cache shared by all marketplaces.
#[derive(Clone)]
pub struct ResultCache {
    inner: moka::future::Cache<CacheKey, Arc<CachedPage>>,
}

impl ResultCache {
    /// A cache holding at most about `budget_bytes` of offers.
    pub fn new(budget_bytes: u64) -> Self {
        let inner = moka::future::Cache::builder()
            .max_capacity(budget_bytes)
            .weigher(|_key: &CacheKey, page: &Arc<CachedPage>| page.estimated_bytes())
            .expire_after(PerEntryTtl)
            .build();
        Self { inner }
    }

    /// A fresh page, if one is cached.
    pub async fn get(&self, key: &CacheKey) -> Option<Arc<CachedPage>> {
        self.inner.get(key).await
    }

    /// Stores a page; a zero TTL means "do not cache".
    pub async fn insert(&self, key: CacheKey, page: Arc<CachedPage>) {
        if !page.ttl.is_zero() {
            self.inner.insert(key, page).await;
        }
    }
}

/// Case, whitespace and Unicode compatibility forms do not change what a marketplace returns,
/// so they must not split the cache.
pub fn normalize_query(query: &str) -> String {
    query.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_differing_only_in_case_and_spacing_share_a_key() {
        assert_eq!(normalize_query("  Kertas   HVS\tA4 "), normalize_query("kertas hvs a4"));
    }

    #[test]
    fn different_words_do_not_share_a_key() {
        assert_ne!(normalize_query("kertas a4"), normalize_query("kertas f4"));
    }
}
