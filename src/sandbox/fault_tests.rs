//! Faults, counters and stopping, over real sockets.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};

use super::FaultMode;
use super::MarketplaceKind;
use super::api_tests::{client, get_json, mbiz_get, search, start};

#[tokio::test]
async fn every_fault_mode_answers_as_configured() {
    for kind in MarketplaceKind::all().iter().copied() {
        let sandbox = start(kind).await;
        let faults = sandbox.faults();

        faults.set_mode(FaultMode::Status(500));
        assert_eq!(search(&sandbox, "kertas").await.status(), StatusCode::INTERNAL_SERVER_ERROR);

        faults.set_mode(FaultMode::Status(503));
        let response = search(&sandbox, "kertas").await;
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers()["retry-after"], "1");

        faults.set_mode(FaultMode::Garbage);
        let response = search(&sandbox, "kertas").await;
        assert_eq!(response.status(), StatusCode::OK);
        let text = response.text().await.expect("body");
        assert!(serde_json::from_str::<Value>(&text).is_err(), "{kind}: {text}");

        faults.set_mode(FaultMode::Html);
        let response = search(&sandbox, "kertas").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers()["content-type"].to_str().expect("ascii").starts_with("text/html"));

        faults.set_mode(FaultMode::WrongTypes);
        let body: Value = search(&sandbox, "kertas").await.json().await.expect("still valid JSON");
        match kind {
            MarketplaceKind::Mbiz => assert!(body["data"][0]["price"].is_object()),
            MarketplaceKind::JatimBejo => assert!(body["data"]["produk"].is_object()),
            MarketplaceKind::Ekatalog => assert!(body["data"].is_object()),
            MarketplaceKind::PadiUmkm => assert!(body["items"].is_object()),
            MarketplaceKind::Bela => assert!(body["result"]["products"].is_object()),
        }

        faults.set_mode(FaultMode::Oversized(200_000));
        let text = search(&sandbox, "kertas").await.text().await.expect("body");
        assert!(text.len() >= 200_000);
        assert!(serde_json::from_str::<Value>(&text).is_ok());

        faults.clear();
        faults.set_latency(Duration::from_millis(150));
        let started = Instant::now();
        assert_eq!(search(&sandbox, "kertas").await.status(), StatusCode::OK);
        assert!(started.elapsed() >= Duration::from_millis(150));
        faults.clear();
        assert_eq!(sandbox.requests_served(), 7);
    }
}

#[tokio::test]
async fn an_error_rate_faults_that_share_of_requests() {
    let sandbox = start(MarketplaceKind::JatimBejo).await;
    sandbox.faults().set_mode(FaultMode::Status(429));
    sandbox.faults().set_error_rate(0.5);
    let mut statuses = Vec::new();
    for _ in 0..4 {
        statuses.push(search(&sandbox, "air").await.status().as_u16());
    }
    assert_eq!(statuses.iter().filter(|&&s| s == 429).count(), 2, "{statuses:?}");
}

#[tokio::test]
async fn faults_can_be_set_and_read_over_http() {
    let sandbox = start(MarketplaceKind::Mbiz).await;
    let url = format!("{}/_sandbox/faults", sandbox.base_url());
    let settings = json!({ "latency_ms": 20, "mode": "status", "status": 502 });
    let response = client().put(&url).json(&settings).send().await.expect("answers");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(get_json(&sandbox, "/_sandbox/faults").await, settings);
    assert_eq!(sandbox.faults().mode(), FaultMode::Status(502));
    assert_eq!(search(&sandbox, "kertas").await.status(), StatusCode::BAD_GATEWAY);

    let response = client().put(&url).json(&json!({ "mode": "explode" })).send().await.expect("answers");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(sandbox.faults().mode(), FaultMode::Status(502), "a bad request changes nothing");

    client().put(&url).json(&json!({ "mode": "none" })).send().await.expect("answers");
    assert_eq!(sandbox.faults().mode(), FaultMode::None);
    assert_eq!(sandbox.faults().latency(), Duration::ZERO);
}

#[tokio::test]
async fn the_counter_counts_every_search_request() {
    let sandbox = start(MarketplaceKind::Mbiz).await;
    mbiz_get(&sandbox, "q=kertas").await;
    client().get(format!("{}/api/v1/products", sandbox.base_url())).send().await.expect("answers");
    sandbox.faults().set_mode(FaultMode::Status(500));
    mbiz_get(&sandbox, "q=kertas").await;
    get_json(&sandbox, "/_sandbox/truth?q=kertas").await;
    assert_eq!(get_json(&sandbox, "/_sandbox/stats").await, json!({ "search_requests": 3 }));
    assert_eq!(sandbox.requests_served(), 3);
    sandbox.reset_stats();
    assert_eq!(sandbox.requests_served(), 0);
    mbiz_get(&sandbox, "q=kertas").await;
    let url = format!("{}/_sandbox/stats", sandbox.base_url());
    client().delete(&url).send().await.expect("answers");
    assert_eq!(sandbox.requests_served(), 0);
}

#[tokio::test]
async fn a_hanging_sandbox_serves_other_requests_and_stops_promptly() {
    let sandbox = start(MarketplaceKind::Mbiz).await;
    sandbox.faults().set_mode(FaultMode::Hang);
    let url = format!("{}/api/v1/products?q=kertas", sandbox.base_url());
    let quick = client().get(&url).bearer_auth("sandbox-mbiz-token").timeout(Duration::from_millis(300));
    let error = quick.send().await.expect_err("a hanging request times out");
    assert!(error.is_timeout());
    let waiting = tokio::spawn(client().get(&url).bearer_auth("sandbox-mbiz-token").send());
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(get_json(&sandbox, "/_sandbox/stats").await["search_requests"], 2);

    let addr = sandbox.addr();
    let started = Instant::now();
    sandbox.stop().await;
    assert!(started.elapsed() < Duration::from_secs(3), "stop took {:?}", started.elapsed());
    let released = waiting.await.expect("task ran").expect("the hanging request gets an answer");
    assert_eq!(released.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(tokio::net::TcpStream::connect(addr).await.is_err(), "connections are refused after stop");
}

#[tokio::test]
async fn dropping_a_sandbox_releases_hanging_requests() {
    let sandbox = start(MarketplaceKind::JatimBejo).await;
    sandbox.faults().set_mode(FaultMode::Hang);
    let url = format!("{}/api/v1/produk/cari", sandbox.base_url());
    let waiting = tokio::spawn(client().post(url).json(&json!({ "kata_kunci": "air" })).send());
    tokio::time::sleep(Duration::from_millis(100)).await;
    drop(sandbox);
    let outcome = tokio::time::timeout(Duration::from_secs(3), waiting).await;
    assert!(outcome.is_ok(), "the hanging request ends soon after the drop");
}
