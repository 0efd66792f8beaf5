//! Shutdown drains socket operations as it drains HTTP requests (review34d D34-3: a running
//! `searchStream` was cut with 1001 at once, with no `next` and no `complete`, and the shutdown
//! line left it out of `in_flight`).

use super::socket::{self, Heard};
use crate::served::{Served, until_asked};
use pasar::sandbox::{self, SandboxOptions};
use serde_json::{Value, json};
use std::time::Duration;

const STREAM: &str = r#"subscription { searchStream(query: "kertas drained", first: 2) { __typename } }"#;

/// What `socket` hears until it is closed, and its close code; each message within 10 s.
async fn until_closed(socket: &mut socket::Socket) -> (Vec<Value>, u16) {
    let mut heard: Vec<Value> = Vec::new();
    loop {
        match socket.hear(Duration::from_secs(10)).await {
            Heard::Message(message) => heard.push(message),
            Heard::Closed(code, _) => return (heard, code),
            Heard::Nothing => panic!("neither closed nor finished: {heard:?}"),
        }
    }
}

#[tokio::test]
async fn shutdown_finishes_a_running_socket_operation_refuses_new_ones_and_counts_it_as_drained() {
    let (gateway, sandboxes) = Served::slowed(Duration::from_millis(1500)).await;
    let mut idle = socket::open_acked(&gateway.url, json!({})).await;
    let mut running = socket::open_acked(&gateway.url, json!({})).await;
    running.subscribe("1", json!({ "query": STREAM })).await;
    until_asked(&sandboxes).await;
    gateway.signal("-TERM");
    // Well before the marketplaces' 1.5 s: the idle socket is not held for the running one.
    assert_eq!(idle.close_code(Duration::from_secs(1)).await, 1001, "an idle socket closes at once");
    // The idle socket's close says the gateway has seen the signal.
    running.subscribe("2", json!({ "query": STREAM })).await;
    let (heard, close) = until_closed(&mut running).await;
    let of = |id: &str| heard.iter().filter(|m| m["id"] == id).collect::<Vec<_>>();
    let refused = of("2");
    assert_eq!(refused.len(), 1, "{heard:?}");
    assert_eq!(refused[0]["type"], "error", "{heard:?}");
    assert_eq!(refused[0]["payload"][0]["extensions"]["code"], "SERVER_SHUTTING_DOWN", "{heard:?}");
    let types: Vec<&str> = of("1").iter().filter_map(|m| m["type"].as_str()).collect();
    assert!(types.len() >= 2 && types[..types.len() - 1].iter().all(|t| *t == "next"), "{heard:?}");
    assert_eq!(types.last(), Some(&"complete"), "the running stream finished: {heard:?}");
    assert_eq!(close, 1001, "then the socket closes, going away");

    let logs = tokio::task::spawn_blocking(move || gateway.exited()).await.expect("stopped");
    let line = |text: &str| logs.lines().find(|l| l.contains(text)).unwrap_or_else(|| panic!("{text}: {logs}"));
    assert!(line("Shutting down").contains("in_flight=1"), "{logs}");
    let stopped = line("Pasar stopped");
    assert!(stopped.contains("drained=1") && stopped.contains("in_flight_at_signal=1"), "{stopped}");
}

/// drain34 left the drain deadline's `error` untested: an operation's own timeout was the drain's,
/// `request_timeout`, and counted from its `subscribe`, so it always ended first. With
/// `ws_drain_timeout` under the marketplaces' latency, the operation still running at the
/// deadline is stopped with its `error`, then the socket closes 1001.
#[tokio::test]
async fn an_operation_still_running_at_the_drain_deadline_gets_an_error_and_then_the_socket_closes_1001() {
    let options = SandboxOptions { products: crate::helpers::TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let gateway = Served::start(&sandboxes, "[http]\nws_drain_timeout = \"1s\"", "timeout = \"10s\"", &[]).await;
    // Nothing answers before the deadline: the stream could only end by its own `complete`, its
    // own timeout (30 s) or the drain's `error`.
    for sandbox in &sandboxes {
        sandbox.faults().set_latency(Duration::from_secs(8));
    }
    let mut running = socket::open_acked(&gateway.url, json!({})).await;
    running.subscribe("1", json!({ "query": STREAM })).await;
    until_asked(&sandboxes).await;
    gateway.signal("-TERM");
    let (heard, close) = until_closed(&mut running).await;
    assert_eq!(heard.len(), 1, "{heard:?}");
    assert_eq!((&heard[0]["id"], &heard[0]["type"]), (&json!("1"), &json!("error")), "{heard:?}");
    assert_eq!(heard[0]["payload"][0]["extensions"]["code"], "SERVER_SHUTTING_DOWN", "{heard:?}");
    assert_eq!(close, 1001, "then the socket closes, going away");
    let logs = tokio::task::spawn_blocking(move || gateway.exited()).await.expect("stopped");
    assert!(logs.contains("Pasar stopped"), "{logs}");
}
