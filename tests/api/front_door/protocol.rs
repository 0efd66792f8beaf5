//! graphql-transport-ws as its protocol document says: each close code, ping/pong, and a socket
//! that never initialises.

use super::socket::{self, Heard};
use crate::helpers::{TestApp, TestOptions, spawn_app_with};
use pasar::sandbox::FaultMode;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;

const STREAM: &str = r#"subscription { searchStream(query: "kertas hvs a4", first: 3) { __typename } }"#;

async fn spawn() -> TestApp {
    spawn_app_with(TestOptions {
        configure: Arc::new(|config| config.http.ws_init_timeout = Duration::from_millis(500)),
        ..TestOptions::default()
    })
    .await
}

#[tokio::test]
async fn each_protocol_violation_closes_the_socket_with_its_own_code() {
    let app = spawn().await;
    let mut early = socket::open(&app.address, &[]).await.expect("opens");
    early.subscribe("1", json!({"query": "{ marketplaces { id } }"})).await;
    assert_eq!(early.close_code(Duration::from_secs(5)).await, 4401, "subscribe before connection_ack");

    let mut invalid = socket::open_acked(&app.address, json!({})).await;
    invalid.send(json!({"type": "start", "id": "1"})).await;
    match invalid.hear(Duration::from_secs(5)).await {
        Heard::Closed(code, reason) => {
            assert_eq!(code, 4400);
            assert!(reason.contains("invalid message"), "the reason is given: {reason}");
        }
        other => panic!("expected 4400, heard {other:?}"),
    }

    let mut twice = socket::open_acked(&app.address, json!({})).await;
    twice.send(json!({"type": "connection_init"})).await;
    assert_eq!(twice.close_code(Duration::from_secs(5)).await, 4429, "a second connection_init");

    let mut silent = socket::open(&app.address, &[]).await.expect("opens");
    let started = std::time::Instant::now();
    assert_eq!(silent.close_code(Duration::from_secs(5)).await, 4408, "no connection_init in time");
    assert!(started.elapsed() >= Duration::from_millis(400), "closed at the timeout, not before");
    app.assert_serving().await;
}

#[tokio::test]
async fn a_second_subscribe_with_a_running_id_closes_with_4409_and_a_finished_id_may_be_reused() {
    let app = spawn().await;
    let slow = pasar::sandbox::FaultConfig { latency_ms: 3_000, mode: "none".into(), ..Default::default() };
    app.sandbox("mbiz").faults().apply(&slow).expect("fault");
    let mut reuse = socket::open_acked(&app.address, json!({})).await;
    for _ in 0..2 {
        reuse.subscribe("same", json!({"query": "{ marketplaces { id } }"})).await;
        assert_eq!(reuse.answer("same").await["type"], "next");
        assert_eq!(reuse.answer("same").await["type"], "complete");
    }
    let mut socket = socket::open_acked(&app.address, json!({})).await;
    socket.subscribe("1", json!({"query": STREAM})).await;
    socket.subscribe("1", json!({"query": STREAM})).await;
    assert_eq!(socket.close_code(Duration::from_secs(10)).await, 4409);
}

#[tokio::test]
async fn ping_is_answered_with_pong_and_complete_stops_an_operation() {
    let app = spawn().await;
    let slow = pasar::sandbox::FaultConfig { latency_ms: 3_000, mode: "none".into(), ..Default::default() };
    app.sandbox("mbiz").faults().apply(&slow).expect("fault");
    let mut socket = socket::open_acked(&app.address, json!({})).await;
    socket.send(json!({"type": "ping"})).await;
    assert_eq!(socket.next_type().await, "pong");
    socket.subscribe("s", json!({"query": STREAM})).await;
    // The fast marketplaces' events may be on the wire before `complete` arrives.
    tokio::time::sleep(Duration::from_millis(300)).await;
    socket.send(json!({"type": "complete", "id": "s"})).await;
    while let Heard::Message(_) = socket.hear(Duration::from_millis(300)).await {}
    // The id is free again at once: a new subscribe with it is not a duplicate.
    socket.subscribe("s", json!({"query": "{ marketplaces { id } }"})).await;
    let answer = socket.answer("s").await;
    assert_eq!(answer["type"], "next", "{answer}");
    assert!(answer["payload"]["data"]["marketplaces"].is_array(), "{answer}");
}

#[tokio::test]
async fn mutations_are_refused_over_the_socket_and_operations_per_socket_are_capped() {
    let app = spawn_app_with(TestOptions {
        configure: Arc::new(|config| {
            config.limits.max_socket_operations = 2;
            config.limits.max_streams_per_client = 8;
        }),
        ..TestOptions::default()
    })
    .await;
    let slow = pasar::sandbox::FaultConfig { latency_ms: 3_000, mode: "none".into(), ..Default::default() };
    app.sandbox("mbiz").faults().apply(&slow).expect("fault");
    let mut socket = socket::open_acked(&app.address, json!({})).await;
    socket.subscribe("m", json!({"query": "mutation { purgeCache { entriesBefore } }"})).await;
    let refused = socket.answer("m").await;
    assert_eq!(refused["payload"][0]["extensions"]["code"], "METHOD_NOT_ALLOWED", "{refused}");
    socket.subscribe("a", json!({"query": STREAM})).await;
    socket.subscribe("b", json!({"query": STREAM})).await;
    socket.subscribe("c", json!({"query": STREAM})).await;
    let third = socket.answer("c").await;
    assert_eq!(third["type"], "error", "{third}");
    assert_eq!(third["payload"][0]["extensions"]["limit"], "max_socket_operations", "{third}");
}

#[tokio::test]
async fn streamed_fan_outs_are_capped_per_client_across_its_sockets() {
    let app = spawn_app_with(TestOptions {
        configure: Arc::new(|config| config.limits.max_streams_per_client = 2),
        ..TestOptions::default()
    })
    .await;
    let slow = pasar::sandbox::FaultConfig { latency_ms: 3_000, mode: "none".into(), ..Default::default() };
    app.sandbox("mbiz").faults().apply(&slow).expect("fault");
    let mut first = socket::open_acked(&app.address, json!({})).await;
    let mut second = socket::open_acked(&app.address, json!({})).await;
    first.subscribe("1", json!({"query": STREAM})).await;
    second.subscribe("1", json!({"query": STREAM})).await;
    second.subscribe("2", json!({"query": STREAM})).await;
    let refused = second.answer("2").await;
    assert_eq!(refused["type"], "error", "{refused}");
    assert_eq!(refused["payload"][0]["extensions"]["limit"], "max_streams_per_client", "{refused}");
}

#[tokio::test]
async fn a_message_past_the_sockets_bound_closes_it_with_1009_and_the_size_allowed() {
    let app = spawn().await;
    let mut socket = socket::open_acked(&app.address, json!({})).await;
    // Past the bound (the request limit, 256 KiB by default, plus 4 KiB): tungstenite stops
    // reading it. Such a socket was dropped without a close frame.
    let query = format!("{{ marketplaces {{ id }} }} # {}", "x".repeat(261 * 1024));
    socket.send(json!({"type": "subscribe", "id": "1", "payload": {"query": query}})).await;
    match socket.hear(Duration::from_secs(10)).await {
        Heard::Closed(code, reason) => {
            assert_eq!(code, 1009, "{reason}");
            assert!(reason.contains("at most 262144 bytes"), "{reason}");
        }
        other => panic!("expected a close, heard {other:?}"),
    }
    app.assert_serving().await;
}

#[tokio::test]
async fn an_operation_on_a_socket_is_cut_at_the_request_timeout_as_a_request_over_http_is() {
    // Marketplaces may take 20 s; a request, and so an operation, 1 s.
    let app = spawn_app_with(TestOptions {
        timeout: Duration::from_secs(20),
        configure: Arc::new(|config| config.http.request_timeout = Duration::from_secs(1)),
        ..TestOptions::default()
    })
    .await;
    app.sandbox("mbiz").faults().set_mode(FaultMode::Hang);
    let query = r#"{ search(query: "kertas", first: 1, filter: { marketplaces: ["mbiz"] }) { complete } }"#;
    let over_http = app.client.post(format!("{}/graphql", app.address)).json(&json!({ "query": query })).send();
    assert_eq!(over_http.await.expect("answer").status(), 408);
    let mut socket = socket::open_acked(&app.address, json!({})).await;
    let asked = std::time::Instant::now();
    socket.subscribe("1", json!({ "query": query })).await;
    let answer = socket.answer("1").await;
    assert_eq!(answer["type"], "error", "{answer}");
    assert_eq!(answer["payload"][0]["extensions"]["code"], "REQUEST_TIMEOUT", "{answer}");
    assert!(asked.elapsed() < Duration::from_secs(10), "cut near 1 s, not at the marketplace's 20 s");
    socket.subscribe("1", json!({ "query": "{ marketplaces { id } }" })).await;
    assert_eq!(socket.answer("1").await["type"], "next", "the id is free and the socket still serves");
    app.assert_serving().await;
}

#[tokio::test]
async fn a_handshake_that_does_not_offer_graphql_transport_ws_is_closed_with_4406() {
    use futures::StreamExt;
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let app = spawn().await;
    let url = format!("{}/graphql/ws", app.address.replace("http://", "ws://"));
    for offered in [None, Some("graphql-ws"), Some("foo")] {
        let mut request = url.as_str().into_client_request().expect("request");
        if let Some(protocol) = offered {
            request.headers_mut().insert("Sec-WebSocket-Protocol", protocol.parse().expect("header"));
        }
        // A client that offered other subprotocols may fail the handshake itself, since none
        // of its own is chosen (RFC 6455 §4.1); a lenient one is told by the close.
        let mut socket = match tokio_tungstenite::connect_async(request).await {
            Ok((socket, _)) => socket,
            Err(error) if offered.is_some() && format!("{error:?}").contains("SubProtocol") => continue,
            Err(error) => panic!("{offered:?}: {error}"),
        };
        let heard = tokio::time::timeout(Duration::from_secs(5), socket.next()).await;
        let code = match heard {
            Ok(Some(Ok(tokio_tungstenite::tungstenite::Message::Close(Some(frame))))) => u16::from(frame.code),
            other => panic!("{offered:?}: expected a close, heard {other:?}"),
        };
        assert_eq!(code, 4406, "{offered:?}");
    }
}

/// Review34d D34-7: a 200,000-character id was accepted and echoed in every `next` and
/// `complete`, so one message sent out several times its size.
#[tokio::test]
async fn an_id_longer_than_128_characters_closes_the_socket_with_4400_and_the_reason() {
    let app = spawn().await;
    let long = "i".repeat(129);
    for kind in ["subscribe", "complete"] {
        let mut socket = socket::open_acked(&app.address, json!({})).await;
        let payload = json!({"query": "{ marketplaces { id } }"});
        socket.send(json!({"type": kind, "id": long, "payload": payload})).await;
        match socket.hear(Duration::from_secs(5)).await {
            Heard::Closed(code, reason) => {
                assert_eq!(code, 4400, "{kind}: {reason}");
                assert!(reason.contains("at most 128 characters"), "{kind}: {reason}");
            }
            other => panic!("{kind}: expected 4400, heard {other:?}"),
        }
    }
    let mut socket = socket::open_acked(&app.address, json!({})).await;
    let at_bound = "i".repeat(128);
    socket.subscribe(&at_bound, json!({"query": "{ marketplaces { id } }"})).await;
    assert_eq!(socket.answer(&at_bound).await["type"], "next", "an id of 128 characters is read");
}

/// Review34d D34-8: `connection_init` with `"payload":"str"` was acknowledged; graphql-ws types the
/// payload `Record<string, unknown> | null`.
#[tokio::test]
async fn a_connection_init_whose_payload_is_not_an_object_closes_with_4400_and_the_reason() {
    let app = spawn().await;
    for payload in [json!("str"), json!(7), json!([1])] {
        let mut socket = socket::open(&app.address, &[]).await.expect("opens");
        socket.send(json!({"type": "connection_init", "payload": payload})).await;
        match socket.hear(Duration::from_secs(5)).await {
            Heard::Closed(code, reason) => {
                assert_eq!(code, 4400, "{payload}: {reason}");
                assert!(reason.contains("must be an object or null"), "{payload}: {reason}");
            }
            other => panic!("{payload}: expected 4400, heard {other:?}"),
        }
    }
    let mut null = socket::open(&app.address, &[]).await.expect("opens");
    null.send(json!({"type": "connection_init", "payload": null})).await;
    assert_eq!(null.next_type().await, "connection_ack", "a null payload is allowed");
}
