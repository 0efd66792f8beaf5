//! What a reload did, as operators see it: a removed marketplace's gauges leave `/metrics`
//! (review35o O35-6).

use crate::helpers::{SEARCH, TestApp, spawn_app_with};
use crate::metrics::{sample, scrape};
use crate::reload::{adapters_except, over, until};
use serde_json::{Value, json};

/// The per-marketplace gauges: breaker state and calls in flight (registered at its first
/// search) and reachability (set by `/readyz`).
const GAUGES: [&str; 3] = ["pasar_breaker_state", "pasar_inflight", "pasar_marketplace_up"];

async fn readyz(url: &str, client: &reqwest::Client) -> (u16, Value) {
    let response = client.get(format!("{url}/readyz")).send().await.expect("readyz");
    (response.status().as_u16(), response.json().await.expect("JSON"))
}

async fn search_and_check(app: &TestApp) {
    let answer = app.graphql(SEARCH, json!({ "query": "kertas gauges", "first": 5 })).await;
    assert_eq!(answer["data"]["search"]["complete"], true, "{answer}");
    assert_eq!(readyz(&app.address, &app.client).await.0, 200);
}

#[tokio::test]
async fn a_marketplace_removed_by_a_reload_leaves_no_gauge_in_metrics_and_keeps_its_counters() {
    let dir = adapters_except(&[]);
    let app = spawn_app_with(over(dir.path(), crate::helpers::TEST_TIMEOUT)).await;
    search_and_check(&app).await;
    let before = scrape(&app).await;
    for gauge in GAUGES {
        for id in ["mbiz", "bela"] {
            let label = format!("marketplace=\"{id}\"");
            assert!(sample(&before, gauge, &[&label]).is_some(), "{gauge} of {id} before the reload: {before}");
        }
    }

    std::fs::remove_file(dir.path().join("mbiz.toml")).expect("remove");
    until(&app, "mbiz removed", |m| m.iter().all(|(id, _)| id != "mbiz")).await;
    search_and_check(&app).await;
    let after = scrape(&app).await;
    for gauge in GAUGES {
        assert_eq!(sample(&after, gauge, &["marketplace=\"mbiz\""]), None, "{gauge} of the removed mbiz: {after}");
        assert!(sample(&after, gauge, &["marketplace=\"bela\""]).is_some(), "{gauge} of bela stays: {after}");
    }
    let lookups = sample(&after, "pasar_cache_lookups_total", &["marketplace=\"mbiz\"", "result=\"miss\""]);
    assert!(lookups >= Some(1.0), "counters are cumulative and stay: {after}");
}
