//! A request refused before its body was read keeps its connection usable or says it closes it
//! (review41 R41-2: a `POST` whose small body came in a packet after its head, as Python's
//! http.client sends one, got a 429 without `Connection: close` and then a closed socket, so a
//! client resending on it after `Retry-After` met EOF).

use crate::helpers::{TestOptions, spawn_app_with};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const BODY: &str = r#"{"query":"{ __typename }"}"#;

/// Sends one `POST /graphql` with its body 20 ms after its head; returns the answer's head.
async fn post_in_two_packets(stream: &mut TcpStream) -> String {
    let head = format!(
        "POST /graphql HTTP/1.1\r\nHost: pasar\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        BODY.len()
    );
    stream.write_all(head.as_bytes()).await.expect("head sent");
    tokio::time::sleep(Duration::from_millis(20)).await;
    stream.write_all(BODY.as_bytes()).await.expect("body sent");
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    // The whole answer: its head, then as many bytes as its Content-Length says.
    loop {
        let read = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buffer)).await;
        let read = read.expect("an answer within 5 s").expect("read");
        assert!(read > 0, "closed before answering: {}", String::from_utf8_lossy(&answer));
        answer.extend_from_slice(&buffer[..read]);
        let text = String::from_utf8_lossy(&answer).to_string();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length =
                head.lines().find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length: ")?.parse().ok());
            if length.is_some_and(|length: usize| body.len() >= length) {
                return head.to_string();
            }
        }
    }
}

#[tokio::test]
async fn a_post_refused_429_before_its_late_body_came_keeps_its_connection_for_the_next_request() {
    let app = spawn_app_with(TestOptions { rate_per_second: 1, rate_burst: 1, ..TestOptions::default() }).await;
    let address = app.address.trim_start_matches("http://").to_string();
    let mut stream = TcpStream::connect(&address).await.expect("connects");
    let first = post_in_two_packets(&mut stream).await;
    assert!(first.starts_with("HTTP/1.1 200"), "{first}");
    for _ in 0..3 {
        let refused = post_in_two_packets(&mut stream).await;
        assert!(refused.starts_with("HTTP/1.1 429"), "{refused}");
        assert!(!refused.to_ascii_lowercase().contains("connection: close"), "{refused}");
    }
}
