//! Random WebSocket messages for a bounded time: the gateway never crashes, and every socket it
//! closes is closed with a code of the protocol.

use super::socket::{self, Heard, Socket};
use crate::helpers::spawn_app;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// How long the messages are sent for (bounded: this runs in every CI run).
const RUN_FOR: Duration = Duration::from_secs(8);
const CLOSE_CODES: &[u16] = &[1000, 1009, 4400, 4401, 4408, 4409, 4429];

fn message() -> impl Strategy<Value = String> {
    let kind = prop_oneof![
        Just("connection_init".to_string()),
        Just("subscribe".to_string()),
        Just("complete".to_string()),
        Just("ping".to_string()),
        Just("pong".to_string()),
        Just("next".to_string()),
        "[a-z_]{0,12}",
    ];
    let query = prop_oneof![
        Just("{ marketplaces { id } }".to_string()),
        Just("subscription { searchStream(query: \"kertas\", first: 1) { __typename } }".to_string()),
        (1usize..3_000).prop_map(|depth| format!("{{ a(b: {}1{}) }}", "[".repeat(depth), "]".repeat(depth))),
        (1usize..80)
            .prop_map(|n| format!("{{ {} }}", (0..n).map(|i| format!("a{i}: __typename ")).collect::<String>())),
        ".{0,300}",
    ];
    let id = prop_oneof![
        Just(json!("1")),
        Just(json!("2")),
        Just(json!(7)),
        Just(Value::Null),
        ".{0,8}".prop_map(Value::from)
    ];
    let payload = prop_oneof![
        query.prop_map(|q| json!({"query": q})),
        Just(json!({"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "00"}}})),
        Just(json!(null)),
        Just(json!([1, 2])),
        Just(json!({"query": 5, "variables": "x"})),
    ];
    let structured = (kind, id, payload)
        .prop_map(|(kind, id, payload)| json!({"type": kind, "id": id, "payload": payload}).to_string());
    prop_oneof![4 => structured, 1 => ".{0,200}", 1 => "[\\[{\"]{0,4000}"]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_messages_never_crash_the_gateway_and_closes_use_protocol_codes() {
    let app = spawn_app().await;
    let mut runner = TestRunner::deterministic();
    let strategy = message();
    let started = Instant::now();
    let (mut sent, mut closes) = (0usize, 0usize);
    let mut socket: Option<Socket> = None;
    while started.elapsed() < RUN_FOR {
        let mut open = match socket.take() {
            Some(open) => open,
            None => socket::open_acked(&app.address, json!({})).await,
        };
        let text = strategy.new_tree(&mut runner).expect("a message").current();
        open.send_text(text.clone()).await;
        sent += 1;
        match open.hear(Duration::from_millis(20)).await {
            Heard::Closed(code, reason) => {
                assert!(CLOSE_CODES.contains(&code), "closed with {code} ({reason}) after {text:.200}");
                closes += 1;
            }
            Heard::Message(_) | Heard::Nothing => socket = Some(open),
        }
    }
    println!("{sent} random messages, {closes} sockets closed by the protocol");
    assert!(sent >= 50, "only {sent} messages in {RUN_FOR:?}");
    assert!(closes > 0, "some random messages are protocol violations");
    let alive = app.client.get(format!("{}/healthz", app.address)).send().await.expect("the gateway is alive");
    assert_eq!(alive.status(), 200);
}
