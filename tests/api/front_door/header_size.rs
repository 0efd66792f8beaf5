//! One limit on a request's headers over both protocols (review34d D34-5): HTTP/1.1 read 20 KB
//! of headers where HTTP/2 refused anything over 16 KiB.

use super::http2::send_over_h2;
use crate::helpers::{TestApp, spawn_app};
use axum::http::{Request, StatusCode};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// `[http] max_header_bytes` by default.
const LIMIT: usize = 16 * 1024;
/// Each padding header's value.
const PAD: usize = 1000;
/// Padding headers under the limit by a kilobyte or more however a protocol counts them (HTTP/2
/// adds 32 bytes a field, HTTP/1 four).
const UNDER: usize = (LIMIT - 1024) / (PAD + 40);
/// Padding headers whose values alone pass the limit.
const OVER: usize = LIMIT / PAD + 1;

fn pads(count: usize) -> Vec<(String, String)> {
    (0..count).map(|i| (format!("x-pad-{i:02}"), "a".repeat(PAD))).collect()
}

const PATH: &str = "/graphql?query=%7B__typename%7D";

/// The status line of a `GET` over HTTP/1.1 with `pads`.
async fn over_h1(app: &TestApp, pads: &[(String, String)]) -> String {
    let mut head = format!("GET {PATH} HTTP/1.1\r\nhost: x\r\naccept: application/json\r\nconnection: close\r\n");
    for (name, value) in pads {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut stream = TcpStream::connect(app.address.trim_start_matches("http://")).await.expect("connect");
    stream.write_all(head.as_bytes()).await.expect("head");
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer)).await;
    assert!(matches!(read, Ok(Ok(_))), "the answer is read whole: {read:?}");
    String::from_utf8_lossy(&answer).lines().next().unwrap_or_default().to_string()
}

async fn over_h2(app: &TestApp, pads: &[(String, String)]) -> StatusCode {
    let authority = app.address.trim_start_matches("http://");
    let mut request = Request::builder().uri(format!("http://{authority}{PATH}")).header("accept", "application/json");
    for (name, value) in pads {
        request = request.header(name.as_str(), value.as_str());
    }
    send_over_h2(app, request.body(()).expect("request"), "").await.0
}

#[tokio::test]
async fn both_protocols_read_headers_just_under_the_limit_and_refuse_them_431_just_over_it() {
    let app = spawn_app().await;
    let (under, over) = (pads(UNDER), pads(OVER));
    assert_eq!(over_h1(&app, &under).await, "HTTP/1.1 200 OK", "HTTP/1.1, {UNDER} KB");
    assert_eq!(over_h2(&app, &under).await, StatusCode::OK, "HTTP/2, {UNDER} KB");
    assert!(over_h1(&app, &over).await.starts_with("HTTP/1.1 431"), "HTTP/1.1, {OVER} KB");
    assert_eq!(over_h2(&app, &over).await, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "HTTP/2, {OVER} KB");
    app.assert_serving().await;
}
