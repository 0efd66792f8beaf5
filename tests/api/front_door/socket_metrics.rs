//! Every door, one count: an operation over `/graphql/ws` counts in `pasar_http_requests_total`
//! by its outcome, as one over `POST /graphql` does, under `operation="socket"`.

use super::socket;
use crate::helpers::{SEARCH, TEST_PRODUCTS};
use crate::metrics::sample;
use crate::served::Served;
use pasar::sandbox::{self, SandboxOptions};
use serde_json::json;
use std::time::Duration;

const STREAM: &str = r#"subscription { searchStream(query: "kertas hvs a4", first: 3) { __typename } }"#;

/// Review 26: only the handshake was counted (`ok`, whatever ran on the socket). Through the
/// binary, whose metrics are its own.
#[tokio::test]
async fn operations_over_the_socket_are_counted_by_outcome_and_its_handshake_is_not() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let slow = sandboxes.iter().find(|s| s.kind().id() == "mbiz").expect("mbiz");
    slow.faults().set_latency(Duration::from_secs(1));
    let gateway = Served::start(&sandboxes, "", "", &[]).await;
    let mut socket = socket::open_acked(&gateway.url, json!({})).await;

    // A subscription the client stops before its end ran without errors: `ok`.
    socket.subscribe("stopped", json!({ "query": STREAM })).await;
    socket.send(json!({ "id": "stopped", "type": "complete" })).await;
    socket.subscribe("ok", json!({ "query": SEARCH, "variables": { "query": "kertas", "first": 3 } })).await;
    assert!(socket.answer("ok").await["payload"]["errors"].is_null());
    socket.subscribe("refused", json!({ "query": "{ nope }" })).await;
    assert_eq!(socket.answer("refused").await["payload"][0]["extensions"]["code"], "GRAPHQL_VALIDATION_FAILED");
    let unknown_region = "{ search(query: \"kertas\", first: 3, buyer: { regionCode: \"99.99\" }) { complete } }";
    socket.subscribe("error", json!({ "query": unknown_region })).await;
    assert_eq!(socket.answer("error").await["payload"]["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    let hash = crate::frontend::sha256("{ __typename }");
    socket.subscribe("miss", json!({ "extensions": { "persistedQuery": { "version": 1, "sha256Hash": hash } } })).await;
    assert_eq!(socket.answer("miss").await["payload"][0]["extensions"]["code"], "PERSISTED_QUERY_NOT_FOUND");

    let counted = |text: &str| {
        let of = |outcome: &str| {
            let outcome = format!("outcome=\"{outcome}\"");
            sample(text, "pasar_http_requests_total", &["operation=\"socket\"", &outcome])
        };
        [of("ok"), of("refused"), of("error"), of("apq_miss")]
    };
    // The stopped subscription is counted as its task is dropped, which may come a moment later.
    let mut text = gateway.metrics().await;
    for _ in 0..20 {
        if counted(&text)[0] == Some(2.0) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        text = gateway.metrics().await;
    }
    // With the handshake counted, `ok` would be 3.
    assert_eq!(counted(&text), [Some(2.0), Some(1.0), Some(1.0), Some(1.0)], "{text}");
    let reason = "reason=\"GRAPHQL_VALIDATION_FAILED\"";
    assert_eq!(sample(&text, "pasar_refused_total", &[reason]), Some(1.0), "{text}");
}
