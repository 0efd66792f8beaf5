//! Traces of the WebSocket door: each operation a socket runs is a span of its own in the trace
//! of the handshake that opened it, with the marketplaces it asked under it, as a `POST /graphql`
//! is (session 27 left WebSocket operations without a span: a search over the socket showed in no
//! trace, and its upstream calls started traces of their own).

use crate::front_door::socket;
use crate::helpers::SEARCH;
use crate::traces::{CLIENT_SPAN, CLIENT_TRACE, Receiver, traced};
use serde_json::json;

#[tokio::test]
async fn each_socket_operation_is_a_span_under_the_handshake_with_its_marketplaces_under_it() {
    let receiver = Receiver::start().await;
    let (gateway, sandboxes) = traced(&receiver, "").await;
    let traceparent = format!("00-{CLIENT_TRACE}-{CLIENT_SPAN}-01");
    let headers = [("traceparent", traceparent.as_str()), ("x-request-id", "sock-7")];
    let mut socket = socket::open(&gateway.url, &headers).await.expect("socket opens");
    socket.send(json!({ "type": "connection_init" })).await;
    assert_eq!(socket.next_type().await, "connection_ack");
    for (id, query) in [("1", "kertas"), ("2", "pulpen")] {
        let payload =
            json!({ "query": SEARCH, "operationName": "Search", "variables": { "query": query, "first": 3 } });
        socket.subscribe(id, payload).await;
        let answer = socket.answer(id).await;
        assert_eq!(answer["type"], "next", "{answer}");
    }
    drop(socket);
    let logs = tokio::task::spawn_blocking(move || gateway.terminate()).await.expect("stopped");
    let spans = receiver.spans();

    let door = |d: &str| spans.iter().filter(|s| s.attributes.get("pasar.door").is_some_and(|x| x == d)).count();
    let handshake = spans.iter().find(|s| s.name == "GET socket").unwrap_or_else(|| panic!("{spans:#?}\n{logs}"));
    assert_eq!((handshake.trace_id.as_str(), handshake.parent.as_str()), (CLIENT_TRACE, CLIENT_SPAN));
    let operations: Vec<_> = spans.iter().filter(|s| s.name == "WS socket").collect();
    assert_eq!((operations.len(), door("socket")), (2, 3), "two operations and the handshake: {spans:#?}");
    for (n, operation) in operations.iter().enumerate() {
        assert_eq!(operation.trace_id, CLIENT_TRACE, "{operation:?}");
        assert_eq!(operation.parent, handshake.span_id, "an operation is the handshake's child: {operation:?}");
        assert_eq!(operation.attributes["graphql.operation.name"], "Search", "{operation:?}");
        assert_eq!(operation.attributes["pasar.outcome"], "ok", "{operation:?}");
        assert!(operation.attributes["pasar.request_id"].starts_with("sock-7."), "{operation:?} ({n})");
        for sandbox in &sandboxes {
            let name = format!("marketplace {}", sandbox.kind().id());
            let under = spans.iter().filter(|s| s.name == name && s.parent == operation.span_id).count();
            assert_eq!(under, 1, "{name} under operation {n}: {spans:#?}");
        }
    }
}
