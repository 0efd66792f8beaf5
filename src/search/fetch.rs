//! One page of one marketplace, the way every search and comparison gets it:
//! cache → guard → adapter → normalise → remember.
//!
//! 1. [`FetchPath::page`] asks the result cache: a fresh page is the answer, a stale one is served
//!    under the marketplace's windows, and concurrent misses of one page share one load.
//! 2. The load ([`load_page`]) belongs to the cache, not to this request: the marketplace's [`Guard`]
//!    (concurrency cap, circuit breaker, retries inside the deadline) calls the adapter,
//! 3. each raw item is normalised into an [`Offer`] (or, fetched before with the same fields,
//!    given its remembered one: `remembered.rs`),
//! 4. and the offers are remembered for `offer(id)` and vendor merging before the page is cached.
//!
//! The cache only ever sees this module's load future; it knows nothing of searches.

use super::failures::FailureLog;
use super::paging::Learned;
use super::remembered::{Reading, Remembered};
use super::report::{CacheStatus, SourceReport, SourceStatus};
use crate::cache::{CacheKey, CachedPage, Freshness, LoadAborted, ResultCache, Served, normalize_query};
use crate::marketplace::guard::{Called, Guard};
use crate::marketplace::meters::{Lookup, Meters};
use crate::marketplace::probe::Checked;
use crate::marketplace::{Connecting, MarketplaceError, Registry, RegistryEntry, SearchRequest, Settings};
use crate::model::MarketplaceId;
use crate::telemetry::request::carry;
use crate::telemetry::trace;
use arc_swap::ArcSwap;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tracing::Instrument;

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
    /// Swapped whole when adapters are reloaded (`adopt`).
    guards: ArcSwap<HashMap<MarketplaceId, Arc<Guard>>>,
    /// What each marketplace's pages taught about its real page size.
    learned: ArcSwap<HashMap<MarketplaceId, Arc<Learned>>>,
    remembered: Arc<Remembered>,
    /// Shared with the loads, which run on after the request that started them (a refresh
    /// while a stale page is served) and report to it.
    failures: Arc<FailureLog>,
}

impl FetchPath {
    /// One guard per registered marketplace, over `cache`; offers kept within `offer_bytes`.
    pub(super) fn new(registry: &Registry, cache: ResultCache<MarketplaceError>, offer_bytes: u64) -> Self {
        let remembered = Arc::new(Remembered::new(offer_bytes, cache.store()));
        let (guards, learned) = (ArcSwap::default(), ArcSwap::default());
        let path = Self { cache, guards, learned, remembered, failures: Arc::default() };
        path.adopt(registry, &|_| false);
        path
    }

    /// Guards and paging knowledge for the marketplaces of `registry`: those `keep` names keep
    /// theirs (breaker state, calls in flight, paging knowledge: page sizes and the verdict that
    /// it ignores the page position, review37 R37-7), the others start afresh. An operator whose
    /// marketplace fixed its paging purges its cache, which forgets what was learned.
    pub(super) fn adopt(&self, registry: &Registry, keep: &dyn Fn(&MarketplaceId) -> bool) {
        let (old_guards, old_learned) = (self.guards.load(), self.learned.load());
        let mut guards = HashMap::new();
        let mut learned = HashMap::new();
        for entry in registry.entries() {
            let (id, s) = (entry.marketplace.id(), &entry.settings);
            let kept = keep(id).then(|| old_guards.get(id).cloned().zip(old_learned.get(id).cloned())).flatten();
            let (guard, paging) = kept.unwrap_or_else(|| {
                let guard = Guard::new(s.concurrency, s.breaker, s.retry);
                guard.show(id.as_str());
                (Arc::new(guard), Arc::default())
            });
            guards.insert(id.clone(), guard);
            learned.insert(id.clone(), paging);
        }
        self.guards.store(Arc::new(guards));
        self.learned.store(Arc::new(learned));
        self.remembered.adopt(registry.entries().iter().map(|e| (e.marketplace.id().clone(), e.fingerprint)).collect());
    }

    /// What is known of `id`'s page size (a fresh record for a marketplace not registered).
    pub(super) fn learned(&self, id: &MarketplaceId) -> Arc<Learned> {
        self.learned.load().get(id).cloned().unwrap_or_default()
    }

    /// Empties the cache of one marketplace or all and forgets their page sizes with it, so a
    /// marketplace that changed is learned again; returns the entries cached before.
    pub(super) async fn purge(&self, marketplace: Option<&str>) -> u64 {
        self.forget_learned(marketplace);
        self.cache.purge(marketplace).await
    }

    /// Forgets what was learned of the page sizes of one marketplace or all (after another
    /// instance purged them; the store has dropped the pages itself).
    pub(super) fn forget_learned(&self, marketplace: Option<&str>) {
        for (id, learned) in self.learned.load().iter() {
            if marketplace.is_none_or(|m| m == id.as_str()) {
                learned.forget();
            }
        }
    }

    /// Estimated bytes of the pages held here.
    pub(super) async fn cache_bytes(&self) -> u64 {
        self.cache.store().bytes().await
    }

    /// Purges made by other instances sharing the cache.
    pub(super) fn purges_elsewhere(&self) -> Option<tokio::sync::broadcast::Receiver<Option<String>>> {
        self.cache.store().purges()
    }

    /// The outcome of `id`'s last upstream call, if there was one.
    pub(super) fn last_call(&self, id: &MarketplaceId) -> Option<Checked> {
        self.guards.load().get(id)?.last_call()
    }

    /// Tells `id`'s guard what its readiness probe found.
    pub(super) fn probed(&self, id: &MarketplaceId, checked: &Checked) {
        if let Some(guard) = self.guards.load().get(id) {
            guard.probed(checked);
        }
    }

    pub(super) fn remembered(&self) -> &Remembered {
        &self.remembered
    }

    /// The cached page for `request`, if there is one, whatever its age; nothing is fetched.
    pub(super) async fn cached(&self, entry: &RegistryEntry, request: &SearchRequest) -> Option<Arc<CachedPage>> {
        self.cache.store().get(&cache_key(entry, request)).await
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
        let key = cache_key(entry, &request);
        let guard = self.guards.load().get(entry.marketplace.id()).cloned().ok_or(MarketplaceError::Removed)?;
        // The load belongs to the cache (another request may drive it, or a task of its own): it
        // keeps this request's id for the upstream call, and its span is a child of the
        // marketplace's span in the search that started it.
        let parent = tracing::Span::current();
        let told = Told { remembered: Arc::clone(&self.remembered), failures: Arc::clone(&self.failures) };
        // Told only by a load this request starts: one it joins reports to its own starter.
        let connecting = Arc::new(Connecting::default());
        report.connecting = Some(Arc::clone(&connecting));
        // Boxed here, once: the load (the upstream call's futures, the HTTP client's among them, inline)
        // is several kilobytes, and the cache's wrappers around it each moved it whole, which was
        // 4 % of a miss's CPU in memcpy.
        let load =
            Box::pin(carry(connecting.watch(load_page(entry.clone(), Arc::clone(&guard), told, request, parent))));
        let policy = freshness(&entry.settings);
        // Half the deadline waiting for another instance's load leaves half for our own.
        let patience = entry.settings.timeout / 2;
        let refused = || guard.refusal();
        let fetched = self.cache.get_or_fetch_waiting(key, policy, bypass, patience, refused, load).await;
        let meters = guard.meters(entry.marketplace.id().as_str());
        let (page, served) = fetched.inspect_err(|_| meters.lookups(lookup(report, None)).increment(1))?;
        if page.imported.take() {
            self.remembered.remember(&page.offers, entry.fingerprint).await;
        }
        note_served(report, meters, &page, served);
        Ok(page)
    }
}

/// Where `request`'s page of `entry` is cached. Pages are kept apart per account the adapter
/// searches as (its partition) and per adapter file and settings (the entry's fingerprint): a
/// load still running on an adapter a reload replaced stores its page, read the old way, where
/// the new adapter never looks, and does not join the new adapter's loads either.
fn cache_key(entry: &RegistryEntry, request: &SearchRequest) -> CacheKey {
    CacheKey {
        marketplace: entry.marketplace.id().clone(),
        partition: entry.fingerprint ^ entry.marketplace.cache_partition().rotate_left(32),
        query: normalize_query(&request.query),
        offset: request.offset,
        limit: request.limit,
        cursor: request.cursor.clone(),
        filters: request.filters.clone(),
    }
}

/// How a lookup was answered; `None` when no page came. A lookup whose load failed missed as
/// surely as one whose load succeeded: a marketplace that is down still shows its misses.
fn lookup(report: &SourceReport, served: Option<&Served<MarketplaceError>>) -> Lookup {
    match (served, report.cache) {
        (_, CacheStatus::Bypass) => Lookup::Bypass,
        (Some(Served::Hit), _) => Lookup::Hit,
        (Some(Served::Stale { .. }), _) => Lookup::Stale,
        (Some(Served::Fetched) | None, _) => Lookup::Miss,
    }
}

fn note_served(report: &mut SourceReport, meters: &Meters, page: &CachedPage, served: Served<MarketplaceError>) {
    meters.lookups(lookup(report, Some(&served))).increment(1);
    let id = &report.marketplace;
    match served {
        Served::Hit => {
            let age = page.age();
            report.age_seconds = report.age_seconds.max(age.as_secs());
            // Replayable until the page expires or its age reaches the next whole second.
            let next_second = page.fetched_at + Duration::from_secs(age.as_secs() + 1);
            let until = next_second.min(page.fetched_at + page.freshness.ttl);
            report.fresh_until = Some(report.fresh_until.map_or(until, |u| u.min(until)));
        }
        Served::Fetched => {
            // A page fetched now never hides an earlier page of the walk served stale.
            if report.cache == CacheStatus::Hit {
                report.cache = CacheStatus::Miss;
            }
            // Its data is as old as its request: a slow marketplace's fresh page has less of its
            // TTL left, which `Cache-Control` must not overstate (review30c N4).
            report.age_seconds = report.age_seconds.max(page.age().as_secs());
        }
        Served::Stale { age, error } => {
            report.cache = CacheStatus::Stale;
            if let Some(error) = &error {
                report.stale_error.get_or_insert_with(|| error.clone());
            }
            report.age_seconds = report.age_seconds.max(age.as_secs());
            report.message = Some(match error {
                Some(error) => format!("{id} {error}; serving its last good answer from {} s ago", age.as_secs()),
                None => format!("serving an answer from {} s ago while it is refreshed", age.as_secs()),
            });
        }
    }
}

/// What a load tells of its call: the offers to remember and the failure log. A failure is
/// logged here, once per upstream call whoever waits for it, so one that no request sees (a
/// refresh behind a stale page, stale-if-error) is still said.
struct Told {
    remembered: Arc<Remembered>,
    failures: Arc<FailureLog>,
}

/// One upstream page, normalised and remembered; the cache's load, under the
/// marketplace's deadline (enforced by its guard), so it owns what it needs.
async fn load_page(
    entry: RegistryEntry,
    guard: Arc<Guard>,
    told: Told,
    request: SearchRequest,
    parent: tracing::Span,
) -> Result<CachedPage, MarketplaceError> {
    let id = entry.marketplace.id();
    let span = load_span(&parent, id, &request);
    // The page is what the marketplace held at some moment after this: its age and its offers'
    // read time count from here, never from its arrival (a slow answer may carry data older than a
    // faster one's sent later).
    let (sent, sent_at) = (tokio::time::Instant::now(), std::time::SystemTime::now());
    let called =
        guard.call(entry.marketplace.as_ref(), &request, entry.settings.timeout).instrument(span.clone()).await;
    let status = match &called {
        Called::Answered(_) => {
            told.failures.answered(id);
            SourceStatus::Ok
        }
        Called::Failed(error, took) => {
            told.failures.failed(id, error, *took);
            SourceStatus::of(error)
        }
        Called::Refused(error) => {
            told.failures.refused(id);
            SourceStatus::of(error)
        }
    };
    span.record("status", status.label());
    let page = called.into_result()?;
    let reading = Reading { marketplace: id, fingerprint: entry.fingerprint, sent: sent_at };
    let offers = told.remembered.read(reading, page.items).await;
    Ok(CachedPage {
        offers,
        total: page.total,
        total_approximate: page.total_approximate,
        next_cursor: page.next_cursor,
        skipped: page.skipped.len(),
        fetched_at: sent,
        arrived: tokio::time::Instant::now(),
        freshness: freshness(&entry.settings),
        imported: Default::default(),
    })
}

/// The span of one cache load: the upstream call (its queue, breaker and retries; the
/// `traceparent` sent is this span's) and the normalising of its page.
fn load_span(parent: &tracing::Span, id: &MarketplaceId, request: &SearchRequest) -> tracing::Span {
    tracing::info_span!(
        target: trace::TARGET,
        parent: parent,
        "cache.load",
        otel.name = %format_args!("load {id}"),
        otel.kind = "client",
        marketplace = %id,
        offset = request.offset,
        limit = request.limit,
        status = tracing::field::Empty,
        retries = tracing::field::Empty,
        bytes = tracing::field::Empty,
        http.response.status_code = tracing::field::Empty,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> CachedPage {
        let freshness = Freshness {
            ttl: Duration::from_secs(60),
            stale_while_revalidate: Duration::from_secs(30),
            stale_if_error: Duration::from_secs(600),
        };
        CachedPage::fetched_now(Vec::new(), freshness)
    }

    #[tokio::test]
    async fn a_page_served_stale_on_error_stays_visible_after_a_later_page_is_fetched() {
        let id = MarketplaceId::new("mbiz");
        let meters = Meters::new(id.as_str());
        let mut report = SourceReport::starting(id.clone(), false);
        let failed = MarketplaceError::Overloaded;
        let stale = Served::Stale { age: Duration::from_secs(700), error: Some(failed) };
        note_served(&mut report, &meters, &page(), stale);
        note_served(&mut report, &meters, &page(), Served::Fetched);
        note_served(&mut report, &meters, &page(), Served::Hit);
        assert_eq!(report.cache, CacheStatus::Stale);
        assert!(report.served_on_error());
        assert_eq!(report.age_seconds, 700);
    }

    #[tokio::test]
    async fn a_fetched_page_after_fresh_hits_makes_the_source_a_miss_but_never_a_bypass() {
        let id = MarketplaceId::new("mbiz");
        let meters = Meters::new(id.as_str());
        let mut report = SourceReport::starting(id.clone(), false);
        note_served(&mut report, &meters, &page(), Served::Hit);
        note_served(&mut report, &meters, &page(), Served::Fetched);
        assert_eq!(report.cache, CacheStatus::Miss);
        let mut bypassed = SourceReport::starting(id.clone(), true);
        note_served(&mut bypassed, &meters, &page(), Served::Fetched);
        assert_eq!(bypassed.cache, CacheStatus::Bypass);
    }

    #[tokio::test(start_paused = true)]
    async fn a_page_fetched_for_this_request_is_as_old_as_its_request() {
        let id = MarketplaceId::new("mbiz");
        let meters = Meters::new(id.as_str());
        let slow = page();
        // The marketplace took 3 s to answer: 3 s of the page's TTL are gone when it is served.
        tokio::time::advance(Duration::from_secs(3)).await;
        let mut report = SourceReport::starting(id.clone(), false);
        note_served(&mut report, &meters, &slow, Served::Fetched);
        assert_eq!((report.cache, report.age_seconds), (CacheStatus::Miss, 3));
    }
}
