//! One marketplace failing: the other's offers, the right status and code, within the deadline.

use crate::helpers::{SEARCH, TEST_TIMEOUT, TestApp, errors_for, offers, source, spawn_app};
use pasar::sandbox::FaultMode;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// The marketplaces left working while `mbiz` fails.
const HEALTHY: [&str; 3] = ["jatim-bejo", "ekatalog", "padi-umkm"];

/// Margin over a marketplace's deadline that a partial answer may take.
const MARGIN: Duration = Duration::from_millis(250);

/// Searches with `mbiz` broken and checks everything a partial answer must say.
async fn assert_partial(app: &TestApp, status: &str, code: &str) -> Value {
    let started = Instant::now();
    let response = app.graphql(SEARCH, json!({ "query": "kertas", "first": 20 })).await;
    let elapsed = started.elapsed();
    assert!(elapsed < TEST_TIMEOUT + MARGIN, "answered in {elapsed:?}");
    assert_eq!(response["data"]["search"]["complete"], false, "{response}");
    let failed = source(&response, "mbiz");
    assert_eq!(failed["status"], status, "{response}");
    assert_eq!(failed["offerCount"], 0);
    assert!(failed["message"].as_str().is_some_and(|m| m.contains("mbiz")), "{failed}");
    let errors = errors_for(&response, "mbiz");
    assert_eq!(errors.len(), 1, "{response}");
    assert_eq!(errors[0]["extensions"]["code"], code);
    assert_eq!(errors[0]["path"], json!(["search"]));
    let offers = offers(&response);
    assert!(!offers.is_empty() && offers.iter().all(|o| o["marketplace"]["id"] != "mbiz"), "{response}");
    for healthy in HEALTHY {
        let report = source(&response, healthy);
        assert_eq!(report["status"], "OK", "{report}");
        let theirs = offers.iter().filter(|o| o["marketplace"]["id"] == healthy).count();
        assert!(theirs > 0, "{healthy} still contributes");
        assert!(errors_for(&response, healthy).is_empty());
    }
    response
}

#[tokio::test]
async fn a_stopped_marketplace_leaves_the_others_offers_and_an_error_naming_it() {
    let mut app = spawn_app().await;
    app.stop_sandbox("mbiz").await;
    assert_partial(&app, "UPSTREAM_ERROR", "MARKETPLACE_UNAVAILABLE").await;
}

#[tokio::test]
async fn a_hanging_marketplace_times_out_within_its_deadline() {
    let app = spawn_app().await;
    app.sandbox("mbiz").faults().set_mode(FaultMode::Hang);
    let response = assert_partial(&app, "TIMEOUT", "MARKETPLACE_TIMEOUT").await;
    let latency = source(&response, "mbiz")["latencyMs"].as_u64().expect("latency");
    assert!((800..1000).contains(&latency), "the deadline is what it waited: {latency} ms");
}

#[tokio::test]
async fn a_marketplace_answering_500_is_an_upstream_error() {
    let app = spawn_app().await;
    app.sandbox("mbiz").faults().set_mode(FaultMode::Status(500));
    assert_partial(&app, "UPSTREAM_ERROR", "MARKETPLACE_UNAVAILABLE").await;
}

#[tokio::test]
async fn a_marketplace_answering_429_is_rate_limiting() {
    let app = spawn_app().await;
    app.sandbox("mbiz").faults().set_mode(FaultMode::Status(429));
    assert_partial(&app, "RATE_LIMITED", "MARKETPLACE_RATE_LIMITED").await;
}

#[tokio::test]
async fn a_marketplace_answering_malformed_json_is_a_bad_response() {
    let app = spawn_app().await;
    app.sandbox("mbiz").faults().set_mode(FaultMode::Garbage);
    assert_partial(&app, "BAD_RESPONSE", "MARKETPLACE_BAD_RESPONSE").await;
}

#[tokio::test]
async fn a_marketplace_answering_an_html_error_page_is_a_bad_response() {
    let app = spawn_app().await;
    app.sandbox("mbiz").faults().set_mode(FaultMode::Html);
    assert_partial(&app, "BAD_RESPONSE", "MARKETPLACE_BAD_RESPONSE").await;
}

#[tokio::test]
async fn a_marketplace_answering_wrong_types_is_a_bad_response() {
    let app = spawn_app().await;
    app.sandbox("mbiz").faults().set_mode(FaultMode::WrongTypes);
    assert_partial(&app, "BAD_RESPONSE", "MARKETPLACE_BAD_RESPONSE").await;
}

#[tokio::test]
async fn a_slow_marketplace_within_its_deadline_is_waited_for() {
    let app = spawn_app().await;
    app.sandbox("mbiz").faults().set_latency(Duration::from_millis(400));
    let response = app.graphql(SEARCH, json!({ "query": "kertas", "first": 20 })).await;
    assert_eq!(response["data"]["search"]["complete"], true, "{response}");
    assert!(source(&response, "mbiz")["latencyMs"].as_u64().is_some_and(|ms| ms >= 400));
}

#[tokio::test]
async fn every_marketplace_failing_still_answers_200_with_empty_offers() {
    let mut app = spawn_app().await;
    for id in ["mbiz", "jatim-bejo", "ekatalog", "padi-umkm"] {
        app.stop_sandbox(id).await;
    }
    let response = app.graphql(SEARCH, json!({ "query": "kertas" })).await;
    assert_eq!(response["data"]["search"]["offers"]["edges"], json!([]));
    assert_eq!(response["errors"].as_array().map(Vec::len), Some(4));
}

#[tokio::test]
async fn a_marketplace_failing_repeatedly_is_skipped_by_its_circuit_breaker() {
    let app = spawn_app().await;
    app.sandbox("mbiz").faults().set_mode(FaultMode::Status(500));
    for i in 0..5 {
        let response = app.graphql(SEARCH, json!({ "query": format!("kertas {i}") })).await;
        assert_eq!(source(&response, "mbiz")["status"], "UPSTREAM_ERROR");
    }
    let served = app.sandbox("mbiz").requests_served();
    let started = Instant::now();
    let response = app.graphql(SEARCH, json!({ "query": "kertas" })).await;
    assert!(started.elapsed() < Duration::from_millis(200), "an open circuit does not wait out the deadline");
    assert_eq!(source(&response, "mbiz")["status"], "CIRCUIT_OPEN");
    assert_eq!(errors_for(&response, "mbiz")[0]["extensions"]["code"], "MARKETPLACE_CIRCUIT_OPEN");
    assert_eq!(app.sandbox("mbiz").requests_served(), served, "no call reaches a marketplace behind an open circuit");
    assert!(HEALTHY.iter().all(|id| source(&response, id)["status"] == "OK"));
}

#[tokio::test]
async fn a_transient_503_is_retried_within_the_deadline() {
    let app = spawn_app().await;
    app.sandbox("mbiz").faults().set_mode(FaultMode::Status(503));
    app.sandbox("mbiz").faults().set_error_rate(0.5);
    let mut ok = 0;
    for i in 0..10 {
        let response = app.graphql(SEARCH, json!({ "query": format!("toner {i}") })).await;
        ok += usize::from(source(&response, "mbiz")["status"] == "OK");
    }
    assert!(app.sandbox("mbiz").requests_served() > 10, "some searches were retried");
    assert!(ok >= 8, "retries turn most transient failures into answers: {ok}/10");
}
