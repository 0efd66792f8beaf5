//! The cache against the sandboxes' own request counters.

use crate::helpers::{SEARCH, TestOptions, source, spawn_app, spawn_app_with};
use pasar::sandbox::FaultMode;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_hundred_concurrent_identical_searches_cost_each_marketplace_one_request() {
    // What is measured is coalescing, not speed: a debug build answering 500 requests on two
    // threads needs more than the usual test deadline, and a deadline missed is not what this tests.
    let options = TestOptions { timeout: Duration::from_secs(10), ..TestOptions::default() };
    let app = Arc::new(spawn_app_with(options).await);
    for sandbox in &app.sandboxes {
        sandbox.faults().set_latency(Duration::from_millis(200));
    }
    let searches: Vec<_> = (0..500)
        .map(|_| {
            let app = Arc::clone(&app);
            tokio::spawn(async move { app.graphql(SEARCH, json!({ "query": "kertas hvs", "first": 10 })).await })
        })
        .collect();
    for search in searches {
        let response = search.await.expect("no panic");
        assert_eq!(response["data"]["search"]["complete"], true, "{response}");
    }
    for sandbox in &app.sandboxes {
        assert_eq!(sandbox.requests_served(), 1, "{}", sandbox.kind().id());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn impatient_clients_of_a_hanging_marketplace_cause_a_handful_of_calls_and_no_panic() {
    let app = spawn_app().await;
    app.sandbox("mbiz").faults().set_mode(FaultMode::Hang);
    let impatient = reqwest::Client::builder().no_proxy().timeout(Duration::from_millis(100)).build().expect("client");
    let body = json!({ "query": SEARCH, "variables": { "query": "toner", "first": 5 } });
    for _ in 0..10 {
        let calls: Vec<_> =
            (0..20).map(|_| impatient.post(format!("{}/graphql", app.address)).json(&body).send()).collect();
        // Most give up after 100 ms; one that joined just before the shared load timed out
        // gets that answer in time. Either way it must be an answer or the client's own
        // timeout, never a refused or dropped connection.
        for outcome in futures::future::join_all(calls).await {
            match outcome {
                Ok(response) => assert_eq!(response.status(), 200),
                Err(error) => assert!(error.is_timeout(), "only the client's own timeout: {error:?}"),
            }
        }
    }
    let calls = app.sandbox("mbiz").requests_served();
    assert!((1..=5).contains(&calls), "200 abandoned searches made {calls} upstream calls");
    let response = app.graphql(SEARCH, json!({ "query": "kertas", "first": 3 })).await;
    assert_eq!(source(&response, "jatim-bejo")["status"], "OK", "the gateway still serves");
}

#[tokio::test]
async fn after_the_ttl_a_marketplace_that_is_down_is_served_stale_with_its_age() {
    let mut app = spawn_app_with(TestOptions { cache_ttl: Duration::from_secs(1), ..TestOptions::default() }).await;
    let fresh = app.graphql(SEARCH, json!({ "query": "meja", "first": 5 })).await;
    assert_eq!(source(&fresh, "mbiz")["status"], "OK");
    app.stop_sandbox("mbiz").await;
    tokio::time::sleep(Duration::from_millis(2_100)).await;
    let stale = app.graphql(SEARCH, json!({ "query": "meja", "first": 5 })).await;
    let report = source(&stale, "mbiz");
    assert_eq!(report["status"], "STALE", "{stale}");
    assert_eq!(report["cache"], "STALE");
    assert!(report["ageSeconds"].as_u64().is_some_and(|age| age >= 2), "{report}");
    // Within stale-while-revalidate (30 s after the 1 s TTL) the answer is within the
    // marketplace's freshness rules, so it is complete; the source still says `STALE`.
    assert_eq!(stale["data"]["search"]["complete"], true);
    let ids = |r: &serde_json::Value| {
        crate::helpers::offers(r)
            .iter()
            .filter(|o| o["marketplace"]["id"] == "mbiz")
            .map(|o| o["id"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&stale), ids(&fresh), "the last good answer, not an error");
    // That read's refresh failed (mbiz is stopped): from then on the page is served because the
    // marketplace failed, and the answer says so, as stale-if-error does.
    let mut after = stale;
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        after = app.graphql(SEARCH, json!({ "query": "meja", "first": 5 })).await;
        if after["data"]["search"]["complete"] == false {
            break;
        }
    }
    assert_eq!(after["data"]["search"]["complete"], false, "{after}");
    assert_eq!(source(&after, "mbiz")["status"], "STALE", "{after}");
    assert_eq!(ids(&after), ids(&fresh), "still the last good answer");
    assert_failure_listed(&after, "mbiz");
}

/// `errors` lists `marketplace`'s failure with a `MARKETPLACE_…` code.
fn assert_failure_listed(response: &serde_json::Value, marketplace: &str) {
    let errors = response["errors"].as_array().unwrap_or_else(|| panic!("errors: {response}"));
    let listed = errors.iter().any(|e| {
        e["extensions"]["marketplace"] == marketplace
            && e["extensions"]["code"].as_str().is_some_and(|c| c.starts_with("MARKETPLACE_"))
    });
    assert!(listed, "{response}");
}

#[tokio::test]
async fn a_page_served_because_its_marketplace_failed_makes_the_answer_incomplete() {
    // No stale-while-revalidate: past the TTL only stale-if-error serves the page.
    let no_revalidate = |config: &mut pasar::config::Config| config.defaults.stale_while_revalidate = Duration::ZERO;
    let options =
        TestOptions { cache_ttl: Duration::from_secs(1), configure: Arc::new(no_revalidate), ..TestOptions::default() };
    let mut app = spawn_app_with(options).await;
    let fresh = app.graphql(SEARCH, json!({ "query": "meja", "first": 5 })).await;
    assert_eq!(fresh["data"]["search"]["complete"], true, "{fresh}");
    app.stop_sandbox("mbiz").await;
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    let stale = app.graphql(SEARCH, json!({ "query": "meja", "first": 5 })).await;
    let report = source(&stale, "mbiz");
    assert_eq!((report["status"].as_str(), report["cache"].as_str()), (Some("STALE"), Some("STALE")), "{stale}");
    assert_eq!(stale["data"]["search"]["complete"], false, "served because mbiz failed: {stale}");
    assert_failure_listed(&stale, "mbiz");
}

#[tokio::test]
async fn a_page_served_stale_stays_visible_when_a_later_page_of_the_walk_is_fetched() {
    let app = spawn_app_with(TestOptions { cache_ttl: Duration::from_secs(1), ..TestOptions::default() }).await;
    let quirks = pasar::sandbox::Quirks { max_page_size: Some(10), ..Default::default() };
    app.sandbox("mbiz").state().set_quirks(quirks).expect("quirks apply");
    let only_mbiz = |first: u32| json!({ "query": "2", "first": first, "filter": { "marketplaces": ["mbiz"] } });
    // Learns the clamp of 10 and caches the page at 10..20 of size 10.
    let warm = app.graphql(SEARCH, only_mbiz(20)).await;
    assert_eq!(crate::helpers::offers(&warm).len(), 20, "{warm}");
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    // Pages of 10: 0..10 not cached (fetched), 10..20 expired (served stale while refreshed),
    // 20..30 not cached (fetched after it).
    let walk = app.graphql(SEARCH, only_mbiz(30)).await;
    let report = source(&walk, "mbiz");
    assert_eq!(crate::helpers::offers(&walk).len(), 30, "{walk}");
    assert_eq!(report["cache"], "STALE", "{walk}");
    assert_eq!(report["status"], "STALE", "{walk}");
}

#[tokio::test]
async fn an_expired_page_is_not_said_to_be_refreshed_while_its_marketplaces_circuit_is_open() {
    let breaker = |config: &mut pasar::config::Config| {
        config.defaults.breaker_threshold = 1;
        config.defaults.breaker_open_for = Duration::from_secs(30);
    };
    let options =
        TestOptions { cache_ttl: Duration::from_secs(1), configure: Arc::new(breaker), ..TestOptions::default() };
    let app = spawn_app_with(options).await;
    let fresh = app.graphql(SEARCH, json!({ "query": "meja", "first": 5 })).await;
    assert_eq!(fresh["data"]["search"]["complete"], true, "{fresh}");
    app.sandbox("mbiz").faults().set_mode(FaultMode::Status(503));
    // One failure opens mbiz's circuit for 30 s.
    let failing = app.graphql(SEARCH, json!({ "query": "kursi", "first": 5, "noCache": true })).await;
    assert_eq!(source(&failing, "mbiz")["status"], "UPSTREAM_ERROR", "{failing}");
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    // Within stale-while-revalidate, but no refresh can run: the page is kept because mbiz fails.
    let stale = app.graphql(SEARCH, json!({ "query": "meja", "first": 5 })).await;
    let report = source(&stale, "mbiz");
    assert_eq!((report["status"].as_str(), report["cache"].as_str()), (Some("STALE"), Some("STALE")), "{stale}");
    assert_eq!(stale["data"]["search"]["complete"], false, "{stale}");
    let codes: Vec<&str> =
        stale["errors"].as_array().into_iter().flatten().filter_map(|e| e["extensions"]["code"].as_str()).collect();
    assert_eq!(codes, ["MARKETPLACE_CIRCUIT_OPEN"], "{stale}");
}
