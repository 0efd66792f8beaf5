//! `noCache` refreshes against loads in flight: what a refresh may join, and what it leaves
//! stored (review30a F5, review30c N1, N2, N9).

use super::*;
use tokio::task::JoinHandle;

type Asked = Result<(Arc<CachedPage>, Served<LoadError>), LoadError>;

/// A caller asking for "kertas" in a task of its own, answered by a load of `delay`.
fn ask(cache: &TestCache, upstream: &Upstream, delay: Duration, bypass: bool) -> JoinHandle<Asked> {
    let (cache, load) = (cache.clone(), upstream.load(delay));
    tokio::spawn(async move { cache.get_or_fetch(key("kertas"), POLICY, bypass, load).await })
}

#[tokio::test(start_paused = true)]
async fn a_no_cache_caller_never_joins_a_load_sent_before_it_asked_only_one_sent_since() {
    let cache = TestCache::in_memory(DEFAULT_BUDGET_BYTES);
    let upstream = Upstream::default();
    let spawn = |bypass: bool| ask(&cache, &upstream, Duration::from_millis(500), bypass);
    let plain = spawn(false);
    sleep(Duration::from_millis(100)).await;
    let asked = tokio::time::Instant::now();
    // Two refreshes asked at once share one call; a plain caller after them joins it too.
    let (bypassing, together) = (spawn(true), spawn(true));
    sleep(Duration::from_millis(100)).await;
    let also_plain = spawn(false);
    let (first, _) = plain.await.expect("no panic").expect("page");
    let (own, served) = bypassing.await.expect("no panic").expect("page");
    assert_eq!(served, Served::Fetched);
    assert!(own.fetched_at >= asked, "read after the caller asked, not the load already under way");
    assert!(!Arc::ptr_eq(&first, &own));
    let (joined, _) = together.await.expect("no panic").expect("page");
    assert!(Arc::ptr_eq(&joined, &own), "asked at the same moment: one call");
    let (plainly, _) = also_plain.await.expect("no panic").expect("page");
    assert!(Arc::ptr_eq(&plainly, &own), "a plain caller joins the latest load");
    assert_eq!(upstream.calls(), 2);
}

#[tokio::test(start_paused = true)]
async fn a_burst_of_refreshes_shares_one_call_and_joiners_of_a_load_are_misses_not_hits() {
    let cache = TestCache::in_memory(DEFAULT_BUDGET_BYTES);
    let upstream = Upstream::default();
    let spawn = |bypass: bool| ask(&cache, &upstream, Duration::from_millis(500), bypass);
    let mut burst = Vec::new();
    for _ in 0..5 {
        burst.push(spawn(true));
        sleep(Duration::from_millis(5)).await;
    }
    let joining = spawn(false);
    for refresh in burst {
        assert_eq!(refresh.await.expect("no panic").expect("page").1, Served::Fetched);
    }
    assert_eq!(joining.await.expect("no panic").expect("page").1, Served::Fetched, "it waited for the call");
    assert_eq!(upstream.calls(), 1, "refreshes asked within a few milliseconds share one call");
}

#[tokio::test(start_paused = true)]
async fn a_slow_load_sent_before_a_refresh_never_stores_its_older_page_over_the_refreshs() {
    let cache = TestCache::in_memory(DEFAULT_BUDGET_BYTES);
    let upstream = Upstream::default();
    let slow = ask(&cache, &upstream, Duration::from_millis(900), false);
    sleep(Duration::from_millis(100)).await;
    let (refreshed, _) =
        cache.get_or_fetch(key("kertas"), POLICY, true, upstream.load(Duration::from_millis(100))).await.expect("page");
    let (older, _) = slow.await.expect("no panic").expect("page");
    assert!(older.fetched_at < refreshed.fetched_at);
    let (now, served) =
        cache.get_or_fetch(key("kertas"), POLICY, false, upstream.load(Duration::ZERO)).await.expect("page");
    assert_eq!(served, Served::Hit);
    assert!(Arc::ptr_eq(&now, &refreshed), "the refresh's page, not the one sent before it");
}
