//! One page of one marketplace, the way every search and comparison gets it:
//! cache → guard → adapter → normalise → remember.
//!
//! 1. [`FetchPath::page`] asks the result cache: a fresh page is the answer, a stale one is served
//!    under the marketplace's windows, and concurrent misses of one page share one load.
//! 2. The load ([`load_page`]) runs as the cache's own task: the marketplace's [`Guard`]
//!    (concurrency cap, circuit breaker, retries inside the deadline) calls the adapter,
//! 3. each raw item is normalised into an [`Offer`],
//! 4. and the offers are remembered for `offer(id)` and vendor merging before the page is cached.
//!
//! The cache only ever sees this module's load future; it knows nothing of searches.

use super::paging::Learned;
use super::remembered::Remembered;
use super::report::{CacheStatus, SourceReport};
use crate::cache::{CacheKey, CachedPage, Freshness, LoadAborted, ResultCache, Served, normalize_query};
use crate::marketplace::guard::Guard;
use crate::marketplace::{MarketplaceError, Registry, RegistryEntry, SearchRequest, Settings};
use crate::model::{MarketplaceId, Offer};
use crate::normalize::offer::normalize_offer;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// A load that ended without an answer is, for a search, an unreadable answer.
impl From<LoadAborted> for MarketplaceError {
    fn from(_: LoadAborted) -> Self {
        Self::BadResponse { reason: "the load task failed".into() }
    }
}

/// The cache policy a marketplace's settings give.
pub(super) fn freshness(settings: &Settings) -> Freshness {
    Freshness {
        ttl: settings.cache_ttl,
        stale_while_revalidate: settings.stale_while_revalidate,
        stale_if_error: settings.stale_if_error,
    }
}

/// Everything between a page request and a marketplace, shared by all requests.
pub(super) struct FetchPath {
    cache: ResultCache<MarketplaceError>,
    guards: HashMap<MarketplaceId, Arc<Guard>>,
    /// What each marketplace's pages taught about its real page size.
    learned: HashMap<MarketplaceId, Arc<Learned>>,
    remembered: Arc<Remembered>,
}

impl FetchPath {
    /// One guard per registered marketplace, over `cache`; offers kept within `offer_bytes`.
    pub(super) fn new(registry: &Registry, cache: ResultCache<MarketplaceError>, offer_bytes: u64) -> Self {
        let guards = registry
            .entries()
            .iter()
            .map(|e| {
                let s = &e.settings;
                (e.marketplace.id().clone(), Arc::new(Guard::new(s.concurrency, s.breaker, s.retry)))
            })
            .collect();
        let learned = registry.entries().iter().map(|e| (e.marketplace.id().clone(), Arc::default())).collect();
        Self { cache, guards, learned, remembered: Arc::new(Remembered::new(offer_bytes)) }
    }

    /// What is known of `id`'s page size (a fresh record for a marketplace not registered).
    pub(super) fn learned(&self, id: &MarketplaceId) -> Arc<Learned> {
        self.learned.get(id).cloned().unwrap_or_default()
    }

    /// Empties the cache of one marketplace or all and forgets their page sizes with it, so a
    /// marketplace that changed is learned again; returns the entries cached before.
    pub(super) async fn purge(&self, marketplace: Option<&str>) -> u64 {
        for (id, learned) in &self.learned {
            if marketplace.is_none_or(|m| m == id.as_str()) {
                learned.forget();
            }
        }
        self.cache.purge(marketplace).await
    }

    pub(super) fn remembered(&self) -> &Remembered {
        &self.remembered
    }

    /// One page for `request`, from the cache or the marketplace; notes in `report` how it was
    /// served (a stale page says why and how old).
    pub(super) async fn page(
        &self,
        entry: &RegistryEntry,
        request: SearchRequest,
        bypass: bool,
        report: &mut SourceReport,
    ) -> Result<Arc<CachedPage>, MarketplaceError> {
        let key = CacheKey {
            marketplace: entry.marketplace.id().clone(),
            partition: entry.marketplace.cache_partition(),
            query: normalize_query(&request.query),
            offset: request.offset,
            limit: request.limit,
            cursor: request.cursor.clone(),
            filters: request.filters.clone(),
        };
        let guard = self.guards.get(entry.marketplace.id()).cloned().ok_or(MarketplaceError::Overloaded)?;
        let load = load_page(entry.clone(), guard, Arc::clone(&self.remembered), request);
        let policy = freshness(&entry.settings);
        let (page, served) = self.cache.get_or_fetch(key, policy, bypass, load).await?;
        note_served(report, entry.marketplace.id(), &page, served, bypass);
        Ok(page)
    }
}

fn note_served(
    report: &mut SourceReport,
    id: &MarketplaceId,
    page: &CachedPage,
    served: Served<MarketplaceError>,
    bypass: bool,
) {
    match served {
        Served::Hit => {
            let age = page.age();
            report.age_seconds = report.age_seconds.max(age.as_secs());
            // Replayable until the page expires or its age reaches the next whole second.
            let next_second = page.fetched_at + Duration::from_secs(age.as_secs() + 1);
            let until = next_second.min(page.fetched_at + page.freshness.ttl);
            report.fresh_until = Some(report.fresh_until.map_or(until, |u| u.min(until)));
        }
        Served::Fetched if !bypass => report.cache = CacheStatus::Miss,
        Served::Fetched => {}
        Served::Stale { age, error } => {
            report.cache = CacheStatus::Stale;
            report.served_on_error |= error.is_some();
            report.age_seconds = report.age_seconds.max(age.as_secs());
            report.message = Some(match error {
                Some(error) => format!("{id} {error}; serving its last good answer from {} s ago", age.as_secs()),
                None => format!("serving an answer from {} s ago while it is refreshed", age.as_secs()),
            });
        }
    }
}

/// One upstream page, normalised and remembered; runs as the cache's own task under the
/// marketplace's deadline (enforced by its guard), so it owns what it needs.
async fn load_page(
    entry: RegistryEntry,
    guard: Arc<Guard>,
    remembered: Arc<Remembered>,
    request: SearchRequest,
) -> Result<CachedPage, MarketplaceError> {
    let id = entry.marketplace.id();
    let page = guard.call(entry.marketplace.as_ref(), &request, entry.settings.timeout).await?;
    let offers: Vec<Offer> = page.items.into_iter().map(|raw| normalize_offer(id, raw)).collect();
    remembered.remember(&offers).await;
    Ok(CachedPage {
        offers,
        total: page.total,
        next_cursor: page.next_cursor,
        skipped: page.skipped.len(),
        fetched_at: tokio::time::Instant::now(),
        freshness: freshness(&entry.settings),
    })
}
