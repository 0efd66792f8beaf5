//! What one client may hold and do on a socket, against everyone else (review34d): a message
//! sent in pieces is cut at the request timeout as a trickled body is, one client holds no more
//! than its share of the bytes in flight on any door, and pings refused by its budget are
//! counted and summed up in the log.

use super::socket::{self, Heard};
use crate::helpers::{TEST_PRODUCTS, TestOptions, spawn_app_with};
use crate::metrics::sample;
use crate::served::Served;
use pasar::sandbox::{self, SandboxOptions};
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;
use tokio_tungstenite::tungstenite::protocol::frame::Frame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::{Data, OpCode};

/// D34-1: a message sent in pieces was held until the idle timeout (60 s, closed `1000 "idle"`)
/// however slowly it came, where an HTTP body is cut at `request_timeout`.
#[tokio::test]
async fn a_message_still_in_pieces_after_the_request_timeout_is_closed_with_1008_and_the_reason() {
    let app = spawn_app_with(TestOptions {
        configure: Arc::new(|config| config.http.request_timeout = Duration::from_secs(1)),
        ..TestOptions::default()
    })
    .await;
    let mut socket = socket::open_acked(&app.address, json!({})).await;
    let closed = socket.hold_a_piece(|| Frame::message(b"x".to_vec(), OpCode::Data(Data::Continue), false)).await;
    assert_eq!(closed.0, 1008, "{closed:?}");
    assert!(closed.1.contains("within 1 s"), "{closed:?}");
    assert!(closed.2 < Duration::from_secs(3), "closed at the 1 s request timeout, {closed:?}");
    app.assert_serving().await;
}

/// D34-1: the bytes in flight were one pool for all, so two addresses could hold all of it and
/// every other client's larger request got 503. A client holds at most its share: 4 ×
/// `max_body_bytes`, at most half the pool (here 512 KiB of 1 MiB), on every door.
#[tokio::test]
async fn one_client_holds_no_more_than_its_share_of_the_bytes_in_flight_on_any_door() {
    let app = spawn_app_with(TestOptions {
        configure: Arc::new(|config| config.http.max_bytes_in_flight_mb = 1),
        ..TestOptions::default()
    })
    .await;
    let mut held = Vec::new();
    for _ in 0..2 {
        let mut socket = socket::open_acked(&app.address, json!({})).await;
        socket.send_frame(Frame::message(vec![b' '; 240_000], OpCode::Data(Data::Text), false)).await;
        held.push(socket);
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let body = json!({ "query": format!("{{ marketplaces {{ id }} }} #{}", "x".repeat(100_000)) });
    let post = |client: &reqwest::Client| client.post(format!("{}/graphql", app.address)).json(&body).send();
    let refused = post(&app.client).await.expect("answer");
    assert_eq!(refused.status(), 503, "480,000 held and 100,000 more are past the client's 524,288");
    let refused: serde_json::Value = refused.json().await.expect("JSON");
    assert_eq!(refused["errors"][0]["extensions"]["code"], "SERVER_BUSY", "{refused}");
    let elsewhere = reqwest::Client::builder().local_address("127.0.0.2".parse().ok()).build().expect("client");
    assert_eq!(post(&elsewhere).await.expect("answer").status(), 200, "another address has the rest of the pool");
    let mut third = socket::open_acked(&app.address, json!({})).await;
    third.send_frame(Frame::message(vec![b' '; 100_000], OpCode::Data(Data::Text), false)).await;
    assert_eq!(third.close_code(Duration::from_secs(5)).await, 1013, "the socket door refuses it the same way");
    drop(held);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(post(&app.client).await.expect("answer").status(), 200, "closed sockets give their share back");
}

/// D34-4: pings past the client's budget went unanswered and uncounted: a ping flood was
/// invisible. Each is counted as a refusal, and the log sums them up, never a line a ping.
/// sockets34: summed only when the socket closed, a socket open for hours reported them hours
/// late; the first refusal is reported at once, later ones at most once a minute, the rest when
/// the socket closes.
#[tokio::test]
async fn pings_refused_by_the_clients_budget_are_counted_and_summed_up_at_the_first_refusal_and_at_the_close() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let top = "[limits.rate]\nper_second = 1\nburst = 3\n[log]\nformat = \"json\"";
    let gateway = Served::start(&sandboxes, top, "", &[]).await;
    let mut socket = socket::open_acked(&gateway.url, json!({})).await;
    for _ in 0..12 {
        socket.send(json!({"type": "ping"})).await;
    }
    let mut pongs: u32 = 0;
    while let Heard::Message(message) = socket.hear(Duration::from_millis(300)).await {
        assert_eq!(message["type"], "pong", "{message}");
        pongs += 1;
    }
    let refused = 12 - pongs;
    assert!(refused >= 8, "a budget of 3 answers a few of 12 pings: {pongs} pongs");
    drop(socket);
    // The scrape pays the budget too.
    tokio::time::sleep(Duration::from_millis(2_100)).await;
    let text = gateway.metrics().await;
    let counted = f64::from(refused);
    assert_eq!(sample(&text, "pasar_rate_limited_total", &[]), Some(counted), "{text}");
    let reason = "reason=\"RATE_LIMITED\"";
    assert_eq!(sample(&text, "pasar_refused_total", &[reason]), Some(counted), "{text}");
    let (_, logs) = gateway.stop();
    let lines: Vec<serde_json::Value> = logs.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let summed: Vec<u64> = lines.iter().filter_map(|l| l["pings_refused"].as_u64()).collect();
    assert_eq!(summed, [1, u64::from(refused) - 1], "the first at once, the rest at the close: {logs}");
}
