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

    // A subscription the client stops before its end ended without its answer: `cancelled`.
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
        [of("ok"), of("refused"), of("error"), of("apq_miss"), of("cancelled")]
    };
    // The stopped subscription is counted as its task is dropped, which may come a moment later.
    let mut text = gateway.metrics().await;
    for _ in 0..20 {
        if counted(&text)[4] == Some(1.0) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        text = gateway.metrics().await;
    }
    // With the handshake counted, `ok` would be 2.
    assert_eq!(counted(&text), [Some(1.0), Some(1.0), Some(1.0), Some(1.0), Some(1.0)], "{text}");
    let reason = "reason=\"GRAPHQL_VALIDATION_FAILED\"";
    assert_eq!(sample(&text, "pasar_refused_total", &[reason]), Some(1.0), "{text}");
}

/// Review 27: an operation over the socket wrote no access line, only its handshake did. Each
/// now writes its own when it ends, in the format of a `POST /graphql`'s, its id the
/// handshake's with its number after it.
#[tokio::test]
async fn every_operation_over_the_socket_writes_its_own_access_line_as_a_post_does() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let gateway = Served::start(&sandboxes, "[log]\nformat = \"json\"\naccess = true", "", &[]).await;
    let post = json!({ "query": SEARCH, "operationName": "Search", "variables": { "query": "toner", "first": 3 } });
    assert!(gateway.graphql(&post).await["errors"].is_null());
    let mut socket = socket::open(&gateway.url, &[("x-request-id", "ws-7")]).await.expect("socket opens");
    socket.send(json!({ "type": "connection_init", "payload": { "apiKey": "never-logged-key" } })).await;
    assert_eq!(socket.next_type().await, "connection_ack");
    let search = json!({ "query": SEARCH, "operationName": "Search", "variables": { "query": "kertas", "first": 3 } });
    socket.subscribe("a", search).await;
    assert!(socket.answer("a").await["payload"]["errors"].is_null());
    // Each marketplace was asked under the operation's id.
    for sandbox in &sandboxes {
        assert_eq!(sandbox.state().last_request_id().as_deref(), Some("ws-7.1"), "{:?}", sandbox.kind());
    }
    socket.subscribe("b", json!({ "query": "{ nope }" })).await;
    assert_eq!(socket.answer("b").await["payload"][0]["extensions"]["code"], "GRAPHQL_VALIDATION_FAILED");
    drop(socket);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (_, logs) = gateway.stop();

    let lines: Vec<serde_json::Value> = logs.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    // The readiness polls of the start are lines of their own (door `probe`).
    let access: Vec<_> = lines.iter().filter(|l| l["target"] == "pasar::access" && l["operation"] != "probe").collect();
    let line = |id: &str| access.iter().find(|l| l["request_id"] == id).unwrap_or_else(|| panic!("{id}: {access:?}"));
    assert_eq!((line("ws-7")["status"].as_u64(), line("ws-7")["operation"].as_str()), (Some(101), Some("socket")));
    let (ran, refused) = (line("ws-7.1"), line("ws-7.2"));
    assert_eq!(
        (&ran["method"], &ran["operation"], &ran["operation_name"]),
        (&json!("WS"), &json!("socket"), &json!("Search"))
    );
    assert_eq!((&ran["outcome"], &refused["outcome"]), (&json!("ok"), &json!("refused")), "{ran}\n{refused}");
    assert_eq!(ran["client"], "127.0.0.1", "{ran}");
    let sources = ran["sources"].as_str().expect("sources");
    for sandbox in &sandboxes {
        assert!(sources.contains(&format!("{}:OK", sandbox.kind().id())), "{ran}");
    }
    let posted = access.iter().find(|l| l["operation"] == "graphql").expect("the POST's line");
    let keys = |l: &serde_json::Value| l.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>());
    assert_eq!(keys(ran), keys(posted), "one format for both doors");
    assert_eq!(access.len(), 4, "the POST, the handshake and two operations: {access:?}");
    assert!(!logs.contains("never-logged-key"), "an API key leaked into the logs");
}

/// Review34d D34-2: an operation cut by the client's `complete` or by the socket closing was
/// logged and counted `ok`, as if answered. It is `cancelled`, and its line names the
/// marketplaces that had answered by then.
#[tokio::test]
async fn an_operation_cut_by_complete_or_by_the_socket_closing_is_logged_cancelled_with_the_marketplaces_that_answered()
{
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let slow = sandboxes.iter().find(|s| s.kind().id() == "mbiz").expect("mbiz");
    slow.faults().set_latency(Duration::from_secs(5));
    let gateway = Served::start(&sandboxes, "[log]\nformat = \"json\"\naccess = true", "", &[]).await;
    let mut completed = socket::open(&gateway.url, &[("x-request-id", "cut-1")]).await.expect("socket opens");
    let mut closed = socket::open(&gateway.url, &[("x-request-id", "cut-2")]).await.expect("socket opens");
    for socket in [&mut completed, &mut closed] {
        socket.send(json!({ "type": "connection_init" })).await;
        assert_eq!(socket.next_type().await, "connection_ack");
        socket.subscribe("s", json!({ "query": STREAM })).await;
        // The four fast marketplaces answer; mbiz takes 5 s.
        for _ in 0..4 {
            assert_eq!(socket.next_type().await, "next");
        }
    }
    completed.send(json!({ "id": "s", "type": "complete" })).await;
    drop(closed);
    let cancelled =
        |text: &str| sample(text, "pasar_http_requests_total", &["operation=\"socket\"", "outcome=\"cancelled\""]);
    let mut text = gateway.metrics().await;
    for _ in 0..20 {
        if cancelled(&text) == Some(2.0) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        text = gateway.metrics().await;
    }
    assert_eq!(cancelled(&text), Some(2.0), "{text}");
    let ok = sample(&text, "pasar_http_requests_total", &["operation=\"socket\"", "outcome=\"ok\""]);
    assert_eq!(ok, None, "{text}");
    drop(completed);
    // The line is written just after the count.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (_, logs) = gateway.stop();
    let lines: Vec<serde_json::Value> = logs.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    for id in ["cut-1.1", "cut-2.1"] {
        let line = lines.iter().find(|l| l["request_id"] == id).unwrap_or_else(|| panic!("{id}: {logs}"));
        assert_eq!(line["outcome"], "cancelled", "{line}");
        // Review34d sockets34: a cut stream's line said `sources=-`. It names the marketplaces
        // that had answered, and not the one that had not.
        let sources = line["sources"].as_str().unwrap_or_default();
        for sandbox in sandboxes.iter().filter(|s| s.kind().id() != "mbiz") {
            assert!(sources.contains(&format!("{}:OK", sandbox.kind().id())), "{line}");
        }
        assert!(!sources.contains("mbiz"), "{line}");
    }
}
