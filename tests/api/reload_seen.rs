//! What a reload did, as operators see it: a removed marketplace's gauges leave `/metrics`
//! (review35o O35-6), one added back starts afresh and a switched-off one has none, and files a
//! reload refused are named on `/readyz` and flagged in `/metrics` until a reload applies
//! (review35o O35-7). A `/readyz` check a reload overtakes leaves no gauge of the old adapter.

use crate::helpers::{SEARCH, TestApp, spawn_app_with};
use crate::metrics::{sample, scrape};
use crate::reload::{adapters_except, over, repo_adapter, served_over_a_folder, until};
use crate::served::Served;
use pasar::sandbox::FaultMode;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

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

/// Waits (up to a generous 20 s) until `/metrics` says `pasar_adapter_files_rejected` is `value`.
async fn until_files_rejected(gateway: &Served, value: f64) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = gateway.metrics().await;
        if sample(&text, "pasar_adapter_files_rejected", &[]) == Some(value) {
            return;
        }
        assert!(Instant::now() < deadline, "pasar_adapter_files_rejected never {value}: {text}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_refused_adapter_file_is_flagged_in_metrics_and_named_on_readyz_until_it_is_fixed() {
    // Its own process: the gauge is the process's, which other tests' gateways would set too.
    let (_sandboxes, dir, gateway) = served_over_a_folder().await;
    until_files_rejected(&gateway, 0.0).await;
    let (_, body) = readyz(&gateway.url, &gateway.client).await;
    assert_eq!(body["adapter_files"]["rejected"], json!([]), "{body}");
    let started = body["adapter_files"]["applied_at"].as_u64().expect("applied_at");

    let broken = repo_adapter("bela").replace("[request]", "[request]\ncolour = \"blue\"");
    std::fs::write(dir.path().join("bela.toml"), broken).expect("write");
    until_files_rejected(&gateway, 1.0).await;
    let (status, body) = readyz(&gateway.url, &gateway.client).await;
    assert_eq!((status, &body["status"]), (200, &json!("ready")), "the old set serves: {body}");
    let refused = &body["adapter_files"]["rejected"][0];
    assert_eq!(refused["file"], "bela.toml", "{body}");
    assert_eq!(refused["key"], "request.colour", "{body}");
    assert!(refused["problem"].as_str().is_some_and(|p| p.contains("colour")), "{body}");
    assert_eq!(body["adapter_files"]["applied_at"], started, "nothing applied: {body}");

    std::fs::write(dir.path().join("bela.toml"), repo_adapter("bela")).expect("write");
    until_files_rejected(&gateway, 0.0).await;
    let (_, body) = readyz(&gateway.url, &gateway.client).await;
    assert_eq!(body["adapter_files"]["rejected"], json!([]), "{body}");
    let metrics = gateway.metrics().await;
    let applied = sample(&metrics, "pasar_adapter_files_applied_timestamp_seconds", &[]);
    assert!(applied >= Some(started as f64), "the fixed files applied: {applied:?} after {started}");
}

/// Waits (up to a generous 20 s) until the gateway serves `id` (`Some(enabled)`) or not (`None`).
async fn until_serving(gateway: &Served, id: &str, serving: Option<bool>) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let answer = gateway.graphql(&json!({ "query": "{ marketplaces { id enabled } }" })).await;
        let list = answer["data"]["marketplaces"].as_array().cloned().unwrap_or_default();
        let now = list.iter().find(|m| m["id"] == id).and_then(|m| m["enabled"].as_bool());
        if now == serving {
            return;
        }
        assert!(Instant::now() < deadline, "{id} never {serving:?}: {answer}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Searches mbiz alone (failing) until `/metrics` shows its breaker open.
async fn open_the_breaker_of_mbiz(gateway: &Served) {
    let query = "query($q: String!) { search(query: $q, first: 3, filter: { marketplaces: [\"mbiz\"] }) { complete } }";
    for i in 0..20 {
        gateway.graphql(&json!({ "query": query, "variables": { "q": format!("kertas open {i}") } })).await;
        if sample(&gateway.metrics().await, "pasar_breaker_state", &["marketplace=\"mbiz\""]) == Some(2.0) {
            return;
        }
    }
    panic!("mbiz's breaker never opened: {}", gateway.metrics().await);
}

#[tokio::test]
async fn a_marketplace_added_back_by_a_reload_shows_a_closed_breaker_and_no_old_reachability() {
    // Its own process: the gauges are the process's, which other tests' gateways would set too.
    let (sandboxes, dir, gateway) = served_over_a_folder().await;
    let faults = sandboxes.iter().find(|s| s.kind().id() == "mbiz").expect("mbiz").faults();
    faults.set_mode(FaultMode::Status(500));
    open_the_breaker_of_mbiz(&gateway).await;
    readyz(&gateway.url, &gateway.client).await;
    let mbiz = ["marketplace=\"mbiz\""];
    assert_eq!(sample(&gateway.metrics().await, "pasar_marketplace_up", &mbiz), Some(0.0), "found failing");

    let file = dir.path().join("mbiz.toml");
    std::fs::remove_file(&file).expect("remove");
    until_serving(&gateway, "mbiz", None).await;
    std::fs::write(&file, repo_adapter("mbiz")).expect("write");
    until_serving(&gateway, "mbiz", Some(true)).await;
    let text = gateway.metrics().await;
    assert_eq!(sample(&text, "pasar_breaker_state", &mbiz), Some(0.0), "a new breaker is closed: {text}");
    assert_eq!(sample(&text, "pasar_marketplace_up", &mbiz), None, "not checked since it came back: {text}");
    faults.clear();
    readyz(&gateway.url, &gateway.client).await;
    let text = gateway.metrics().await;
    assert_eq!(sample(&text, "pasar_marketplace_up", &mbiz), Some(1.0), "its probe answered: {text}");
}

#[tokio::test]
async fn a_marketplace_switched_off_by_a_reload_has_no_gauges() {
    let (_sandboxes, dir, gateway) = served_over_a_folder().await;
    let body = json!({ "query": SEARCH, "variables": { "query": "kertas off", "first": 5 } });
    assert_eq!(gateway.graphql(&body).await["data"]["search"]["complete"], true);
    assert_eq!(readyz(&gateway.url, &gateway.client).await.0, 200);
    let bela = ["marketplace=\"bela\""];
    let before = gateway.metrics().await;
    for gauge in GAUGES {
        assert!(sample(&before, gauge, &bela).is_some(), "{gauge} of bela before: {before}");
    }

    let off = repo_adapter("bela").replacen("\nname = ", "\nenabled = false\nname = ", 1);
    std::fs::write(dir.path().join("bela.toml"), off).expect("write");
    until_serving(&gateway, "bela", Some(false)).await;
    readyz(&gateway.url, &gateway.client).await;
    let after = gateway.metrics().await;
    for gauge in GAUGES {
        assert_eq!(sample(&after, gauge, &bela), None, "{gauge} of the switched-off bela: {after}");
        assert!(sample(&after, gauge, &["marketplace=\"mbiz\""]).is_some(), "{gauge} of mbiz stays: {after}");
    }
}

#[tokio::test]
async fn a_readiness_check_still_running_when_a_reload_changes_the_adapter_sets_no_gauge_for_it() {
    let (sandboxes, dir, gateway) = served_over_a_folder().await;
    let faults = sandboxes.iter().find(|s| s.kind().id() == "mbiz").expect("mbiz").faults();
    // Its probe (timeout 2 s) answers after 1.5 s: the reload below lands while it waits.
    faults.set_latency(Duration::from_millis(1500));
    let (url, client) = (gateway.url.clone(), gateway.client.clone());
    let checking = tokio::spawn(async move { readyz(&url, &client).await });
    tokio::time::sleep(Duration::from_millis(200)).await;

    let changed = repo_adapter("mbiz").replace("interval = \"30s\"", "interval = \"31s\"");
    assert_ne!(changed, repo_adapter("mbiz"), "the probe's interval is in the file");
    std::fs::write(dir.path().join("mbiz.toml"), changed).expect("write");
    let applied = ["outcome=\"applied\""];
    let deadline = Instant::now() + Duration::from_secs(20);
    while sample(&gateway.metrics().await, "pasar_adapter_reloads_total", &applied).is_none() {
        assert!(Instant::now() < deadline, "the changed mbiz was never applied");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(!checking.is_finished(), "the check must outlast the reload for this test to mean anything");

    assert_eq!(checking.await.expect("readyz").0, 200);
    let text = gateway.metrics().await;
    let mbiz = ["marketplace=\"mbiz\""];
    assert_eq!(sample(&text, "pasar_marketplace_up", &mbiz), None, "found of the replaced adapter: {text}");
    assert!(sample(&text, "pasar_marketplace_up", &["marketplace=\"bela\""]).is_some(), "bela unchanged: {text}");
    faults.clear();
}
