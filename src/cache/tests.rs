//! Cache behaviour on tokio's paused clock: coalescing, cancellation, TTL and stale windows.

use super::*;
use crate::model::MarketplaceId;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::time::sleep;

/// The error of the test loads: the cache only needs to clone it and pass it on.
#[derive(Debug, Clone, PartialEq)]
enum LoadError {
    Unavailable,
    Aborted,
}

impl From<LoadAborted> for LoadError {
    fn from(_: LoadAborted) -> Self {
        Self::Aborted
    }
}

type TestCache = ResultCache<LoadError>;

/// A cache over a memory store the test can settle.
fn cache_and_store(budget: u64) -> (TestCache, Arc<MemoryStore>) {
    let store = Arc::new(MemoryStore::new(budget));
    (TestCache::new(Arc::clone(&store) as Arc<dyn PageStore>), store)
}

const POLICY: Freshness = Freshness {
    ttl: Duration::from_secs(60),
    stale_while_revalidate: Duration::from_secs(30),
    stale_if_error: Duration::from_secs(600),
};

fn key(query: &str) -> CacheKey {
    CacheKey {
        marketplace: MarketplaceId::new("mbiz"),
        partition: 0,
        query: query.into(),
        offset: 0,
        limit: 20,
        cursor: None,
        filters: Vec::new(),
    }
}

fn page() -> CachedPage {
    CachedPage {
        total_approximate: false,
        offers: Vec::new(),
        total: Some(7),
        next_cursor: None,
        skipped: 0,
        fetched_at: tokio::time::Instant::now(),
        arrived: tokio::time::Instant::now(),
        freshness: POLICY,
        imported: Default::default(),
    }
}

/// A loader that counts its runs, takes `delay`, and fails when `fail` is set.
#[derive(Clone, Default)]
struct Upstream {
    calls: Arc<AtomicUsize>,
    failing: Arc<std::sync::atomic::AtomicBool>,
}

impl Upstream {
    fn load(&self, delay: Duration) -> impl Future<Output = Result<CachedPage, LoadError>> + Send + 'static {
        let calls = Arc::clone(&self.calls);
        let failing = self.failing.load(Ordering::SeqCst);
        async move {
            calls.fetch_add(1, Ordering::SeqCst);
            // A page is as old as its request (`search/fetch.rs`).
            let sent = tokio::time::Instant::now();
            sleep(delay).await;
            if failing { Err(LoadError::Unavailable) } else { Ok(CachedPage { fetched_at: sent, ..page() }) }
        }
    }

    fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }
}

mod refresh;

#[tokio::test(start_paused = true)]
async fn five_hundred_concurrent_identical_misses_make_one_upstream_call() {
    let cache = TestCache::in_memory(DEFAULT_BUDGET_BYTES);
    let upstream = Upstream::default();
    let tasks: Vec<_> = (0..500)
        .map(|_| {
            let (cache, load) = (cache.clone(), upstream.load(Duration::from_millis(200)));
            tokio::spawn(async move { cache.get_or_fetch(key("kertas"), POLICY, false, load).await })
        })
        .collect();
    for task in tasks {
        assert!(task.await.expect("no panic").is_ok());
    }
    assert_eq!(upstream.calls(), 1);
}

#[tokio::test(start_paused = true)]
async fn callers_giving_up_neither_restart_nor_cancel_the_upstream_call() {
    let cache = TestCache::in_memory(DEFAULT_BUDGET_BYTES);
    let upstream = Upstream::default();
    for _ in 0..50 {
        let call = cache.get_or_fetch(key("toner"), POLICY, false, upstream.load(Duration::from_secs(10)));
        assert!(tokio::time::timeout(Duration::from_millis(100), call).await.is_err(), "the caller gives up");
    }
    assert_eq!(upstream.calls(), 1, "the one load kept running for every impatient caller");
    // Nobody waits for it now: it ends in a task of its own.
    sleep(Duration::from_secs(6)).await;
    let (_, served) =
        cache.get_or_fetch(key("toner"), POLICY, false, upstream.load(Duration::ZERO)).await.expect("page");
    assert_eq!(served, Served::Hit, "the abandoned load filled the cache");
    assert_eq!(upstream.calls(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_caller_giving_up_leaves_the_others_waiting_for_the_same_call() {
    let cache = TestCache::in_memory(DEFAULT_BUDGET_BYTES);
    let upstream = Upstream::default();
    let patient = {
        let (cache, load) = (cache.clone(), upstream.load(Duration::from_secs(1)));
        tokio::spawn(async move { cache.get_or_fetch(key("map"), POLICY, false, load).await })
    };
    tokio::task::yield_now().await;
    let impatient = cache.get_or_fetch(key("map"), POLICY, false, upstream.load(Duration::from_secs(1)));
    assert!(tokio::time::timeout(Duration::from_millis(10), impatient).await.is_err());
    let (_, served) = patient.await.expect("no panic").expect("page");
    assert_eq!((served, upstream.calls()), (Served::Fetched, 1));
}

#[tokio::test]
async fn a_load_that_panics_fails_its_callers_pages_not_their_requests_and_is_not_shared_again() {
    let cache = TestCache::in_memory(DEFAULT_BUDGET_BYTES);
    let panicking = async { panic!("an adapter bug") };
    let failed = cache.get_or_fetch(key("pena"), POLICY, false, panicking).await;
    assert_eq!(failed.err(), Some(LoadError::Aborted));
    let upstream = Upstream::default();
    let (_, served) =
        cache.get_or_fetch(key("pena"), POLICY, false, upstream.load(Duration::ZERO)).await.expect("page");
    assert_eq!((served, upstream.calls()), (Served::Fetched, 1));
}

#[tokio::test(start_paused = true)]
async fn within_the_ttl_a_repeat_is_a_hit_with_no_upstream_call() {
    let cache = TestCache::in_memory(DEFAULT_BUDGET_BYTES);
    let upstream = Upstream::default();
    cache.get_or_fetch(key("amplop"), POLICY, false, upstream.load(Duration::ZERO)).await.expect("page");
    sleep(Duration::from_secs(59)).await;
    let (_, served) =
        cache.get_or_fetch(key("amplop"), POLICY, false, upstream.load(Duration::ZERO)).await.expect("page");
    assert_eq!((served, upstream.calls()), (Served::Hit, 1));
}

#[tokio::test(start_paused = true)]
async fn after_the_ttl_stale_data_is_served_while_one_refresh_runs() {
    let cache = TestCache::in_memory(DEFAULT_BUDGET_BYTES);
    let upstream = Upstream::default();
    cache.get_or_fetch(key("kursi"), POLICY, false, upstream.load(Duration::ZERO)).await.expect("page");
    sleep(Duration::from_secs(70)).await;
    for _ in 0..3 {
        let (_, served) =
            cache.get_or_fetch(key("kursi"), POLICY, false, upstream.load(Duration::from_secs(1))).await.expect("page");
        assert!(matches!(served, Served::Stale { error: None, age } if age >= Duration::from_secs(70)), "{served:?}");
    }
    sleep(Duration::from_secs(2)).await;
    assert_eq!(upstream.calls(), 2, "one background refresh for three stale reads");
    let (_, served) =
        cache.get_or_fetch(key("kursi"), POLICY, false, upstream.load(Duration::ZERO)).await.expect("page");
    assert_eq!(served, Served::Hit);
}

#[tokio::test(start_paused = true)]
async fn once_a_refresh_failed_the_stale_page_is_served_with_its_failure_until_one_succeeds() {
    let cache = TestCache::in_memory(DEFAULT_BUDGET_BYTES);
    let upstream = Upstream::default();
    let get = |delay| cache.get_or_fetch(key("lemari"), POLICY, false, upstream.load(delay));
    get(Duration::ZERO).await.expect("page");
    upstream.failing.store(true, Ordering::SeqCst);
    sleep(Duration::from_secs(70)).await;
    let (_, served) = get(Duration::ZERO).await.expect("stale");
    assert!(matches!(served, Served::Stale { error: None, .. }), "no refresh has failed yet: {served:?}");
    sleep(Duration::from_secs(1)).await;
    let (_, served) = get(Duration::ZERO).await.expect("stale");
    assert_eq!(served, Served::Stale { age: Duration::from_secs(71), error: Some(LoadError::Unavailable) });
    // That read started another refresh, which fails too; the next one succeeds.
    upstream.failing.store(false, Ordering::SeqCst);
    sleep(Duration::from_secs(1)).await;
    let (_, served) = get(Duration::ZERO).await.expect("stale");
    assert!(matches!(served, Served::Stale { error: Some(_), .. }), "the refresh it starts has not answered yet");
    sleep(Duration::from_secs(1)).await;
    assert_eq!(get(Duration::ZERO).await.expect("page").1, Served::Hit, "a refresh succeeded");
}

#[tokio::test(start_paused = true)]
async fn after_the_ttl_a_failing_marketplace_yields_the_last_good_page_with_its_age() {
    let cache = TestCache::in_memory(DEFAULT_BUDGET_BYTES);
    let upstream = Upstream::default();
    cache.get_or_fetch(key("meja"), POLICY, false, upstream.load(Duration::ZERO)).await.expect("page");
    upstream.failing.store(true, Ordering::SeqCst);
    sleep(Duration::from_secs(300)).await;
    let (page, served) =
        cache.get_or_fetch(key("meja"), POLICY, false, upstream.load(Duration::ZERO)).await.expect("stale");
    assert_eq!(page.total, Some(7));
    assert!(matches!(served, Served::Stale { error: Some(_), age } if age == Duration::from_secs(300)), "{served:?}");
    sleep(Duration::from_secs(400)).await;
    let outcome = cache.get_or_fetch(key("meja"), POLICY, false, upstream.load(Duration::ZERO)).await;
    assert!(outcome.is_err(), "beyond stale_if_error the failure shows");
}

#[tokio::test(start_paused = true)]
async fn different_keys_never_share_an_entry() {
    let cache = TestCache::in_memory(DEFAULT_BUDGET_BYTES);
    let upstream = Upstream::default();
    let variants = [
        key("kertas"),
        CacheKey { partition: 1, ..key("kertas") },
        CacheKey { offset: 20, ..key("kertas") },
        CacheKey { cursor: Some("c2".into()), ..key("kertas") },
        CacheKey { marketplace: MarketplaceId::new("jatim-bejo"), ..key("kertas") },
        CacheKey { filters: vec![("harga_min".into(), "50000".into())], ..key("kertas") },
        key("kertas f4"),
    ];
    for k in variants {
        let (_, served) = cache.get_or_fetch(k, POLICY, false, upstream.load(Duration::ZERO)).await.expect("page");
        assert_eq!(served, Served::Fetched);
    }
    assert_eq!(upstream.calls(), 7);
}

#[tokio::test(start_paused = true)]
async fn bypass_reads_fresh_and_purge_empties_one_marketplace() {
    let (cache, store) = cache_and_store(DEFAULT_BUDGET_BYTES);
    let upstream = Upstream::default();
    cache.get_or_fetch(key("tinta"), POLICY, false, upstream.load(Duration::ZERO)).await.expect("page");
    let (_, served) =
        cache.get_or_fetch(key("tinta"), POLICY, true, upstream.load(Duration::ZERO)).await.expect("page");
    assert_eq!((served, upstream.calls()), (Served::Fetched, 2));
    cache.purge(Some("jatim-bejo")).await;
    store.settled_size().await;
    let (_, served) =
        cache.get_or_fetch(key("tinta"), POLICY, false, upstream.load(Duration::ZERO)).await.expect("page");
    assert_eq!(served, Served::Hit, "another marketplace's purge leaves mbiz alone");
    cache.purge(Some("mbiz")).await;
    store.settled_size().await;
    let (_, served) =
        cache.get_or_fetch(key("tinta"), POLICY, false, upstream.load(Duration::ZERO)).await.expect("page");
    assert_eq!(served, Served::Fetched);
}

#[tokio::test(start_paused = true)]
async fn a_page_asked_before_a_purge_goes_to_its_callers_but_is_never_stored() {
    let cache = cache_and_store(DEFAULT_BUDGET_BYTES).0;
    let upstream = Upstream::default();
    let slow = tokio::spawn({
        let (cache, load) = (cache.clone(), upstream.load(Duration::from_millis(1_200)));
        async move { cache.get_or_fetch(key("meja"), POLICY, false, load).await }
    });
    sleep(Duration::from_millis(300)).await;
    cache.purge(Some("mbiz")).await;
    let (_, served) = slow.await.expect("the load ends").expect("its callers get its page");
    assert_eq!(served, Served::Fetched);
    let (_, served) =
        cache.get_or_fetch(key("meja"), POLICY, false, upstream.load(Duration::ZERO)).await.expect("page");
    assert_eq!((served, upstream.calls()), (Served::Fetched, 2), "the page the purge meant to drop is not served");
}

#[tokio::test(start_paused = true)]
async fn a_page_no_policy_can_serve_is_not_returned_and_leaves_the_store_when_read() {
    let store = MemoryStore::new(DEFAULT_BUDGET_BYTES);
    store.insert(key("tinta"), Arc::new(page())).await;
    // TTL 60 s, then stale for at most 600 s more when the marketplace fails.
    sleep(POLICY.servable_for()).await;
    assert!(store.get(&key("tinta")).await.is_some(), "servable until its last window ends");
    sleep(Duration::from_millis(1)).await;
    assert!(store.get(&key("tinta")).await.is_none());
    assert_eq!(store.settled_size().await, (0, 0), "read past its windows, the page was dropped");
}

#[tokio::test(start_paused = true)]
async fn a_purge_counts_the_pages_it_took_that_could_still_be_served() {
    let store = MemoryStore::new(DEFAULT_BUDGET_BYTES);
    store.insert(key("old"), Arc::new(page())).await;
    sleep(POLICY.servable_for() + Duration::from_secs(1)).await;
    store.insert(key("tinta"), Arc::new(page())).await;
    store.insert(key("kertas"), Arc::new(page())).await;
    let other = CacheKey { marketplace: MarketplaceId::new("jatim-bejo"), ..key("tinta") };
    store.insert(other.clone(), Arc::new(page())).await;
    assert_eq!(store.purge(Some("mbiz")).await, 2, "two servable mbiz pages; the old one is not counted");
    assert!(store.get(&key("tinta")).await.is_none() && store.get(&key("old")).await.is_none());
    assert!(store.get(&other).await.is_some(), "another marketplace's page stays");
    assert_eq!(store.purge(None).await, 1);
    assert_eq!(store.settled_size().await, (0, 0));
}

#[test]
fn queries_differing_only_in_case_spacing_or_width_share_a_key() {
    assert_eq!(normalize_query("  Kertas   HVS\tA4 "), normalize_query("kertas hvs a4"));
    assert_eq!(normalize_query("ＨＶＳ Ａ４"), normalize_query("hvs a4"));
    assert_ne!(normalize_query("kertas a4"), normalize_query("kertas f4"));
}

#[tokio::test(start_paused = true)]
async fn a_hundred_thousand_distinct_searches_stay_within_the_byte_budget() {
    const BUDGET: u64 = 4 * 1024 * 1024;
    let (cache, store) = cache_and_store(BUDGET);
    let offer = crate::model::Offer::sample("kertas hvs a4 80 gsm sinar dunia 1 rim");
    for i in 0..100_000 {
        let load = {
            let offer = offer.clone();
            async move { Ok(CachedPage { offers: (0..5).map(|_| Arc::new(offer.clone())).collect(), ..page() }) }
        };
        cache.get_or_fetch(key(&format!("query {i}")), POLICY, false, load).await.expect("page");
    }
    let (bytes, pages) = store.settled_size().await;
    assert!(bytes <= BUDGET, "{bytes} bytes held");
    assert!((1..10_000).contains(&pages), "{pages} pages held: most were evicted, not all");
}

/// A memory store whose reads take a moment after looking, as a remote store's would: a caller
/// can miss, and meanwhile a load can store its page and leave the in-flight map.
struct SlowReads(MemoryStore);

#[async_trait::async_trait]
impl PageStore for SlowReads {
    async fn get(&self, key: &CacheKey) -> Option<Arc<CachedPage>> {
        let page = self.0.get(key).await;
        sleep(Duration::from_millis(3)).await;
        page
    }
    async fn insert(&self, key: CacheKey, page: Arc<CachedPage>) {
        self.0.insert(key, page).await;
    }
    async fn purge(&self, marketplace: Option<&str>) -> u64 {
        self.0.purge(marketplace).await
    }
}

#[tokio::test(start_paused = true)]
async fn a_cold_burst_arriving_around_the_end_of_its_load_makes_one_upstream_call_every_time() {
    let cache = TestCache::new(Arc::new(SlowReads(MemoryStore::new(DEFAULT_BUDGET_BYTES))));
    let mut single = 0;
    for burst in 0..100 {
        let upstream = Upstream::default();
        let load_time = Duration::from_millis(40);
        // Twenty callers, one every 5 ms with a per-burst jitter: the load ends among them.
        let tasks: Vec<_> = (0..20u64)
            .map(|i| {
                let (cache, load) = (cache.clone(), upstream.load(load_time));
                let arrival = Duration::from_millis(i * 5 + burst % 5);
                tokio::spawn(async move {
                    sleep(arrival).await;
                    cache.get_or_fetch(key(&format!("burst {burst}")), POLICY, false, load).await
                })
            })
            .collect();
        for task in tasks {
            assert!(task.await.expect("no panic").is_ok());
        }
        single += usize::from(upstream.calls() == 1);
    }
    assert_eq!(single, 100, "bursts with exactly one upstream call");
}
