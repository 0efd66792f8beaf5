//! A socket pays as HTTP pays: each ping and subscribe from the client's budget before it is
//! read, an operation's bytes held while it runs, a message arriving in pieces held as it
//! arrives, and no message held open in pieces past the idle timeout.

use super::socket::{self, Heard};
use crate::helpers::{TestOptions, spawn_app_with};
use pasar::sandbox::FaultMode;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;
use tokio_tungstenite::tungstenite::protocol::frame::Frame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::{Data, OpCode};

#[tokio::test]
async fn pings_and_subscribes_are_charged_before_they_are_read() {
    // Three tokens: the handshake takes one, two pings the rest.
    let app = spawn_app_with(TestOptions { rate_per_second: 1, rate_burst: 3, ..TestOptions::default() }).await;
    let mut socket = socket::open_acked(&app.address, json!({})).await;
    for _ in 0..2 {
        socket.send(json!({"type": "ping"})).await;
        assert_eq!(socket.next_type().await, "pong");
    }
    socket.send(json!({"type": "ping"})).await;
    assert_eq!(socket.hear(Duration::from_millis(300)).await, Heard::Nothing, "a ping past the budget is not answered");
    // A payload that is not a request is refused BAD_REQUEST once read; past the budget it is
    // refused before that.
    socket.subscribe("1", json!({"query": 7})).await;
    let refused = socket.answer("1").await;
    assert_eq!(refused["type"], "error", "{refused}");
    assert_eq!(refused["payload"][0]["extensions"]["code"], "RATE_LIMITED", "{refused}");
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    socket.subscribe("2", json!({"query": 7})).await;
    let refused = socket.answer("2").await;
    assert_eq!(refused["payload"][0]["extensions"]["code"], "BAD_REQUEST", "paid for, read and refused: {refused}");
}

#[tokio::test]
async fn an_operation_holds_its_message_in_the_bytes_in_flight_until_it_ends() {
    // 1 MiB in flight; four running operations of 120,000 bytes each leave 568,576: not room for
    // a 600,000-byte body. Each message is held twice while the socket hands it to its operation
    // (its frame read, then the operation's hold), and a loaded machine may read all four before
    // it admits one: 960,000 at worst, still within the pool (with 250,000 each, the fourth was
    // refused SERVER_BUSY under load).
    let app = spawn_app_with(TestOptions {
        timeout: Duration::from_secs(20),
        // One client's share is the whole pool when a request may be as large as the pool.
        configure: Arc::new(|config| {
            config.http.max_bytes_in_flight_mb = 1;
            config.limits.max_body_bytes = 1024 * 1024;
        }),
        ..TestOptions::default()
    })
    .await;
    let mbiz = app.sandbox("mbiz");
    mbiz.faults().set_mode(FaultMode::Hang);
    mbiz.reset_stats();
    let mut socket = socket::open_acked(&app.address, json!({})).await;
    for id in ["1", "2", "3", "4"] {
        // Each its own search, so each running operation is seen at the marketplace.
        let search = format!(
            r#"{{ search(query: "kertas {id}", first: 1, filter: {{ marketplaces: ["mbiz"] }}) {{ complete }} }}"#
        );
        let envelope = json!({"type": "subscribe", "id": id, "payload": {"query": search}}).to_string().len();
        let query = format!("{search} #{}", "x".repeat(120_000 - envelope - 2));
        let message = json!({"type": "subscribe", "id": id, "payload": {"query": query}}).to_string();
        assert_eq!(message.len(), 120_000);
        socket.send_text(message).await;
    }
    // The operations run (the marketplace hangs): asked before the body is sent, which would
    // otherwise take the bytes first on a loaded machine and leave an operation refused.
    let asked = tokio::time::Instant::now() + Duration::from_secs(15);
    while mbiz.requests_served() < 4 && tokio::time::Instant::now() < asked {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(mbiz.requests_served(), 4, "every operation is running");
    let body = json!({ "query": format!("{{ marketplaces {{ id }} }} #{}", "x".repeat(600_000)) });
    let post = || app.client.post(format!("{}/graphql", app.address)).json(&body).send();
    assert_eq!(post().await.expect("answer").status(), 503, "the running operations hold 480,000 bytes");
    for id in ["1", "2", "3", "4"] {
        socket.send(json!({"type": "complete", "id": id})).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(post().await.expect("answer").status(), 200, "completed operations give their bytes back");
}

#[tokio::test]
async fn pings_do_not_hold_a_message_sent_in_pieces_past_the_idle_timeout() {
    let app = spawn_app_with(TestOptions {
        configure: Arc::new(|config| config.http.idle_timeout = Duration::from_secs(1)),
        ..TestOptions::default()
    })
    .await;
    let mut socket = socket::open_acked(&app.address, json!({})).await;
    let closed = socket.hold_a_piece(|| Frame::ping(Vec::new())).await;
    assert_eq!(closed.0, 1000, "{closed:?}");
    assert!(closed.2 < Duration::from_secs(4), "closed at the 1 s idle timeout, {closed:?}");
    app.assert_serving().await;
}

#[tokio::test]
async fn what_a_socket_holds_of_a_message_sent_in_pieces_counts_in_the_bytes_in_flight() {
    // 1 MiB in flight; four sockets each hold 250,000 bytes of a message not yet whole.
    let app = spawn_app_with(TestOptions {
        // One client's share is the whole pool when a request may be as large as the pool.
        configure: Arc::new(|config| {
            config.http.max_bytes_in_flight_mb = 1;
            config.limits.max_body_bytes = 1024 * 1024;
        }),
        ..TestOptions::default()
    })
    .await;
    let mut sockets = Vec::new();
    for _ in 0..4 {
        let mut socket = socket::open_acked(&app.address, json!({})).await;
        let mut piece = br#"{"type":"subscribe","id":"1","payload":{"query":"{ __typename } #"#.to_vec();
        piece.resize(250_000, b'x');
        socket.send_frame(Frame::message(piece, OpCode::Data(Data::Text), false)).await;
        // Pings between the pieces free nothing.
        socket.send_frame(Frame::ping(Vec::new())).await;
        sockets.push(socket);
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let body = json!({ "query": format!("{{ marketplaces {{ id }} }} #{}", "x".repeat(100_000)) });
    let post = || app.client.post(format!("{}/graphql", app.address)).json(&body).send();
    let refused = post().await.expect("answer");
    assert_eq!(refused.status(), 503, "four half-sent messages hold 1,000,000 bytes");
    // A fifth socket's piece is past the budget: the socket is closed saying so (1013).
    let mut fifth = socket::open_acked(&app.address, json!({})).await;
    fifth.send_frame(Frame::message(vec![b' '; 100_000], OpCode::Data(Data::Text), false)).await;
    assert_eq!(fifth.close_code(Duration::from_secs(5)).await, 1013);
    // Whole messages give their bytes back.
    for socket in &mut sockets {
        socket.send_frame(Frame::message(br#""}}"#.to_vec(), OpCode::Data(Data::Continue), true)).await;
    }
    for socket in &mut sockets {
        assert_eq!(socket.answer("1").await["type"], "next");
    }
    assert_eq!(post().await.expect("answer").status(), 200, "completed messages give their bytes back");
}
