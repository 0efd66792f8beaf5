//! `/readyz` means ready: each marketplace checked by its `[probe]` (or its last real call),
//! ready when `[telemetry] ready_min` are reachable; `/healthz` stays liveness; shutdown says how
//! many requests it drained.

use crate::helpers::{SEARCH, TestOptions, errors_for, source, spawn_app_with};
use crate::served::{Served, until_asked};
use pasar::sandbox::FaultMode;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;

async fn ready(app: &crate::helpers::TestApp) -> (u16, Value) {
    let response = app.client.get(format!("{}/readyz", app.address)).send().await.expect("readyz");
    (response.status().as_u16(), response.json().await.expect("json"))
}

fn line<'a>(ready: &'a Value, id: &str) -> &'a Value {
    let list = ready["marketplaces"].as_array().expect("marketplaces");
    list.iter().find(|m| m["id"] == id).unwrap_or_else(|| panic!("{id} not in {ready}"))
}

fn ready_min(min: usize) -> TestOptions {
    TestOptions { configure: Arc::new(move |c| c.telemetry.ready_min = min), ..TestOptions::default() }
}

/// The repository's adapter files in a folder of their own, without their `[probe]` sections.
fn adapters_without_probes() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("adapters");
    for entry in std::fs::read_dir(repo).expect("adapters").map(|e| e.expect("entry").path()) {
        if entry.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&entry).expect("read");
            let without = text.split("\n[probe]").next().expect("text").to_string();
            std::fs::write(dir.path().join(entry.file_name().expect("name")), without).expect("write");
        }
    }
    dir
}

/// The repository's adapters without their `[probe]`, every one needed for ready; the folder
/// lives as long as the first value is kept.
fn every_marketplace_without_a_probe() -> (tempfile::TempDir, TestOptions) {
    let dir = adapters_without_probes();
    let path = dir.path().to_path_buf();
    let options = TestOptions {
        configure: Arc::new(move |c| {
            c.adapters_dir = path.clone();
            c.telemetry.ready_min = 5;
        }),
        ..TestOptions::default()
    };
    (dir, options)
}

#[tokio::test]
async fn readiness_probes_each_marketplace_once_per_interval_and_names_the_one_that_does_not_answer() {
    let app = spawn_app_with(ready_min(4)).await;
    let (status, body) = ready(&app).await;
    assert_eq!(status, 200, "{body}");
    for sandbox in &app.sandboxes {
        let id = sandbox.kind().id();
        assert_eq!(line(&body, id)["reachable"], true, "{body}");
        assert_eq!(line(&body, id)["checked_by"], "probe", "{body}");
        assert_eq!(sandbox.requests_served(), 1, "{id}: one probe");
    }
    ready(&app).await;
    assert!(app.sandboxes.iter().all(|s| s.requests_served() == 1), "the outcome is reused for its interval");

    let mut one_down = spawn_app_with(ready_min(4)).await;
    one_down.stop_sandbox("mbiz").await;
    let (status, body) = ready(&one_down).await;
    assert_eq!(status, 200, "four of five reachable is enough for ready_min = 4: {body}");
    assert_eq!(line(&body, "mbiz")["reachable"], false, "{body}");
    assert!(line(&body, "mbiz")["error"].as_str().is_some_and(|e| !e.is_empty()), "{body}");

    let mut two_down = spawn_app_with(ready_min(4)).await;
    two_down.stop_sandbox("mbiz").await;
    two_down.stop_sandbox("bela").await;
    let (status, body) = ready(&two_down).await;
    assert_eq!(status, 503, "three of five: {body}");
    assert_eq!(body["status"], "not_ready");
    assert_eq!(body["reachable"], 3);
    let health = two_down.client.get(format!("{}/healthz", two_down.address)).send().await.expect("healthz");
    assert_eq!(health.status(), 200, "liveness does not depend on the marketplaces");
}

#[tokio::test]
async fn without_a_probe_the_last_real_call_decides_and_an_unasked_marketplace_is_asked_by_readiness() {
    let (_dir, options) = every_marketplace_without_a_probe();
    let mut app = spawn_app_with(options).await;
    let (status, body) = ready(&app).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(line(&body, "padi-umkm")["checked_by"], "recheck", "{body}");
    assert!(app.sandboxes.iter().all(|s| s.requests_served() == 1), "one re-check each");

    app.stop_sandbox("padi-umkm").await;
    let answer = app.graphql(SEARCH, json!({ "query": "kertas readiness", "first": 3 })).await;
    assert_eq!(answer["data"]["search"]["complete"], false, "{answer}");
    let (status, body) = ready(&app).await;
    assert_eq!(status, 503, "{body}");
    let padi = line(&body, "padi-umkm");
    assert_eq!((padi["reachable"].clone(), padi["checked_by"].clone()), (json!(false), json!("last_call")), "{body}");
    assert_eq!(line(&body, "mbiz")["reachable"], true, "{body}");
    assert_eq!(line(&body, "mbiz")["checked_by"], "last_call", "{body}");
}

/// Review40o R40o-4: a marketplace never asked counted as reachable, so an instance whose
/// marketplaces all answer 503 was ready at start-up and again after every reload.
#[tokio::test]
async fn marketplaces_never_asked_are_not_ready_for_free_at_start_up_nor_after_a_reload() {
    let (dir, options) = every_marketplace_without_a_probe();
    let app = spawn_app_with(options).await;
    app.sandboxes.iter().for_each(|s| s.faults().set_mode(FaultMode::Status(503)));
    let (status, body) = ready(&app).await;
    assert_eq!((status, line(&body, "mbiz")["checked_by"].clone()), (503, json!("recheck")), "{body}");
    assert_eq!(body["reachable"], 0, "{body}");

    for entry in std::fs::read_dir(dir.path()).expect("adapters").map(|e| e.expect("entry").path()) {
        let text = std::fs::read_to_string(&entry).expect("read").replace("timeout = \"2s\"", "timeout = \"3s\"");
        std::fs::write(&entry, text.replace("name = \"Mbizmarket\"", "name = \"Mbizmarket r\"")).expect("write");
    }
    crate::reload::until(&app, "the reload", |now| now.iter().any(|(_, name)| name == "Mbizmarket r")).await;
    let (status, body) = ready(&app).await;
    assert_eq!(status, 503, "a reload does not make a failing marketplace reachable: {body}");
}

#[tokio::test]
async fn without_a_probe_a_marketplace_whose_last_call_failed_is_asked_again_by_readiness_itself() {
    // Traffic follows readiness: once every marketplace failed, no search comes to find them back.
    let (_dir, options) = every_marketplace_without_a_probe();
    let app = spawn_app_with(options).await;
    let padi = app.sandbox("padi-umkm");
    padi.faults().set_mode(FaultMode::Status(503));
    let answer = app.graphql(SEARCH, json!({ "query": "kertas recheck", "first": 3 })).await;
    assert_eq!(answer["data"]["search"]["complete"], false, "{answer}");
    let (status, body) = ready(&app).await;
    assert_eq!((status, line(&body, "padi-umkm")["checked_by"].clone()), (503, json!("last_call")), "{body}");

    padi.faults().set_mode(FaultMode::None);
    let asked = padi.requests_served();
    tokio::time::sleep(Duration::from_millis(10_300)).await;
    let (status, body) = ready(&app).await;
    assert_eq!(status, 200, "the failure is 10 s old, so readiness asked again: {body}");
    let line_of = line(&body, "padi-umkm");
    assert_eq!(
        (line_of["reachable"].clone(), line_of["checked_by"].clone()),
        (json!(true), json!("recheck")),
        "{body}"
    );
    ready(&app).await;
    assert_eq!(padi.requests_served(), asked + 1, "one re-check, its outcome reused for 10 s");
}

/// Review35o O35-4: searches were refused MARKETPLACE_CIRCUIT_OPEN for the rest of the open
/// time (a minute here) after `/readyz` had seen the marketplace answer again.
#[tokio::test]
async fn a_marketplace_readiness_saw_answering_again_is_no_longer_skipped_by_searches() {
    let options = TestOptions {
        configure: Arc::new(|c| {
            c.defaults.breaker_threshold = 1;
            c.defaults.breaker_open_for = Duration::from_secs(60);
            c.telemetry.ready_min = 1;
        }),
        ..TestOptions::default()
    };
    let app = spawn_app_with(options).await;
    let mbiz = app.sandbox("mbiz");
    mbiz.faults().set_mode(FaultMode::Status(503));
    let code = |answer: &Value| errors_for(answer, "mbiz").first().map(|e| e["extensions"]["code"].clone());
    let search = |query: &'static str| app.graphql(SEARCH, json!({ "query": query, "first": 5, "noCache": true }));
    assert_eq!(code(&search("kertas").await), Some(json!("MARKETPLACE_UNAVAILABLE")));
    assert_eq!(code(&search("toner").await), Some(json!("MARKETPLACE_CIRCUIT_OPEN")), "the breaker opened");

    mbiz.faults().set_mode(FaultMode::None);
    let (_, body) = ready(&app).await;
    assert_eq!(
        (line(&body, "mbiz")["reachable"].clone(), line(&body, "mbiz")["checked_by"].clone()),
        (json!(true), json!("probe"))
    );
    let answer = search("amplop").await;
    assert_eq!(code(&answer), None, "{answer}");
    assert_eq!(source(&answer, "mbiz")["status"], "OK", "{answer}");
}

#[tokio::test]
async fn shutdown_drains_the_request_in_flight_and_says_how_many_it_drained() {
    let (gateway, sandboxes) = Served::slowed(Duration::from_millis(1500)).await;
    let (client, url) = (gateway.client.clone(), gateway.url.clone());
    let body = json!({ "query": SEARCH, "variables": { "query": "kertas drained", "first": 3 } });
    let search = tokio::spawn(async move { client.post(format!("{url}/graphql")).json(&body).send().await });
    // In flight once a marketplace has been asked.
    until_asked(&sandboxes).await;
    let logs = gateway.terminate();
    let answer = search.await.expect("task").expect("the search in flight was answered");
    assert_eq!(answer.status(), 200);
    let stopped = logs.lines().find(|l| l.contains("Pasar stopped")).unwrap_or_else(|| panic!("no last line: {logs}"));
    assert!(stopped.contains("drained=1"), "{stopped}");
    assert!(logs.contains("Pasar is serving"), "the start-up line: {logs}");
}

/// Review40o R40o-5: a `429` is an answer; one quota shared by every instance must not take
/// the whole fleet out of rotation while it still answers from its cache.
#[tokio::test]
async fn a_marketplace_answering_429_stays_reachable_and_says_it_is_rate_limited() {
    let app = spawn_app_with(ready_min(5)).await;
    for sandbox in &app.sandboxes {
        sandbox.faults().set_mode(FaultMode::Status(429));
    }
    let (status, body) = ready(&app).await;
    assert_eq!(status, 200, "{body}");
    let mbiz = line(&body, "mbiz");
    assert_eq!((mbiz["reachable"].clone(), mbiz["rate_limited"].clone()), (json!(true), json!(true)), "{body}");
}

/// Review40o R40o-19: a probe given longer than the marketplace's own deadline, or answered
/// before the searches since failed, said ready while every search timed out.
#[tokio::test]
async fn a_marketplace_slower_than_its_deadline_is_not_ready_whatever_its_probe_allows() {
    let options = TestOptions {
        deadlines: vec![("mbiz", Duration::from_millis(300))],
        configure: Arc::new(|c| c.telemetry.ready_min = 5),
        ..TestOptions::default()
    };
    let app = spawn_app_with(options).await;
    app.sandbox("mbiz").faults().set_latency(Duration::from_millis(700));
    let (status, body) = ready(&app).await;
    assert_eq!(status, 503, "mbiz's probe (2 s in its file) is held to its 300 ms: {body}");
    assert!(line(&body, "mbiz")["error"].as_str().is_some_and(|e| e.contains("300 ms")), "{body}");
}

#[tokio::test]
async fn searches_failing_after_a_probe_answered_count_against_readiness_before_the_next_probe() {
    let options = TestOptions {
        deadlines: vec![("mbiz", Duration::from_millis(300))],
        configure: Arc::new(|c| c.telemetry.ready_min = 5),
        ..TestOptions::default()
    };
    let app = spawn_app_with(options).await;
    assert_eq!(ready(&app).await.0, 200, "every probe answered");
    app.sandbox("mbiz").faults().set_latency(Duration::from_millis(700));
    let answer = app.graphql(SEARCH, json!({ "query": "kertas lambat", "first": 3 })).await;
    assert_eq!(source(&answer, "mbiz")["status"], "TIMEOUT", "{answer}");
    let (status, body) = ready(&app).await;
    assert_eq!((status, line(&body, "mbiz")["checked_by"].clone()), (503, json!("last_call")), "{body}");
}
