//! Request headers sent slower than `header_timeout` are refused as a stalled body is: 408
//! `REQUEST_TIMEOUT` as a GraphQL error, `Connection: close`, then the connection closes; on a
//! new connection and on a kept-alive one alike. A client that says nothing is closed without a
//! word, and a keep-alive client that pauses between requests is not disturbed.

use crate::helpers::{TestApp, TestOptions, spawn_app_with};
use crate::metrics::{sample, scrape};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const HEADER_TIMEOUT: Duration = Duration::from_secs(1);
/// One byte of headers per this: ten bytes a header timeout, and the head never ends.
const PACE: Duration = Duration::from_millis(100);
/// How long a test waits for the connection to close: the timeout, and more than it again for a
/// loaded machine.
const WAIT: Duration = Duration::from_secs(5);

async fn app() -> TestApp {
    spawn_app_with(TestOptions {
        configure: Arc::new(|config| config.http.header_timeout = HEADER_TIMEOUT),
        ..TestOptions::default()
    })
    .await
}

async fn connect(app: &TestApp) -> TcpStream {
    TcpStream::connect(app.address.trim_start_matches("http://")).await.expect("connect")
}

/// A request head that takes longer than [`WAIT`] to drip.
fn slow_head() -> Vec<u8> {
    let head =
        format!("POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\nx-slow: {}", "a".repeat(200));
    head.into_bytes()
}

/// What the server sends, and after how long it closes (`None`: still open after [`WAIT`]),
/// while `head` is sent one byte per [`PACE`] and never finished (the socket is kept open).
async fn drip_head(stream: TcpStream, head: Vec<u8>) -> (String, Option<Duration>) {
    let (mut reader, mut writer) = stream.into_split();
    let started = Instant::now();
    let drip = tokio::spawn(async move {
        for byte in head {
            if writer.write_all(&[byte]).await.is_err() {
                break;
            }
            tokio::time::sleep(PACE).await;
        }
        std::future::pending::<()>().await;
    });
    let mut answer = Vec::new();
    let closed = tokio::time::timeout(WAIT, reader.read_to_end(&mut answer)).await.is_ok();
    drip.abort();
    (String::from_utf8_lossy(&answer).into_owned(), closed.then(|| started.elapsed()))
}

/// Sends `GET /healthz` on `stream` and reads its whole answer (`ok`, kept alive).
async fn healthz(stream: &mut TcpStream) -> String {
    stream.write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n").await.expect("request");
    let mut answer = Vec::new();
    let mut buf = [0u8; 1024];
    while !answer.ends_with(b"\r\n\r\nok") {
        let read = tokio::time::timeout(WAIT, stream.read(&mut buf)).await.expect("answered in time");
        let n = read.expect("read");
        assert!(n > 0, "closed before answering: {}", String::from_utf8_lossy(&answer));
        answer.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&answer).into_owned()
}

/// The 408 of a head that stopped arriving, with its timing.
fn assert_refused(answer: &str, closed: Option<Duration>) {
    let lower = answer.to_ascii_lowercase();
    assert!(answer.starts_with("HTTP/1.1 408 "), "{answer:?}");
    assert!(lower.contains("\r\ncontent-type: application/json"), "{answer}");
    assert!(lower.contains("\r\nconnection: close\r\n"), "{answer}");
    assert!(answer.contains(r#""code":"REQUEST_TIMEOUT""#), "{answer}");
    assert!(answer.contains("header_timeout"), "the message names the setting: {answer}");
    let closed = closed.expect("the connection is closed after the 408");
    assert!(closed >= HEADER_TIMEOUT - PACE, "refused before the header timeout: {closed:?}");
}

#[tokio::test]
async fn headers_dripped_past_the_header_timeout_get_a_coded_408_on_a_new_or_kept_alive_connection() {
    let app = app().await;
    let refused = async || sample(&scrape(&app).await, "pasar_refused_total", &[r#"reason="REQUEST_TIMEOUT""#]);
    let before = refused().await.unwrap_or(0.0);

    let (answer, closed) = drip_head(connect(&app).await, slow_head()).await;
    assert_refused(&answer, closed);

    let mut kept_alive = connect(&app).await;
    assert!(healthz(&mut kept_alive).await.starts_with("HTTP/1.1 200"));
    let (answer, closed) = drip_head(kept_alive, slow_head()).await;
    assert_refused(&answer, closed);

    let after = refused().await.unwrap_or(0.0);
    assert!(after >= before + 2.0, "both counted in pasar_refused_total: {before} then {after}");
}

#[tokio::test]
async fn a_client_that_says_nothing_is_closed_without_an_answer_and_one_that_pauses_is_served() {
    let app = app().await;
    let mut silent = connect(&app).await;
    let mut answer = Vec::new();
    let read = tokio::time::timeout(WAIT, silent.read_to_end(&mut answer)).await;
    assert!(read.is_ok() && answer.is_empty(), "a silent new connection: {:?}", String::from_utf8_lossy(&answer));

    // Pauses of half the header timeout, three of them longer than one: the timer is per head.
    let mut kept_alive = connect(&app).await;
    for _ in 0..4 {
        let answer = healthz(&mut kept_alive).await;
        assert!(answer.starts_with("HTTP/1.1 200") && answer.matches("HTTP/1.1 ").count() == 1, "{answer}");
        tokio::time::sleep(HEADER_TIMEOUT / 2).await;
    }
    let mut answer = Vec::new();
    let read = tokio::time::timeout(WAIT, kept_alive.read_to_end(&mut answer)).await;
    assert!(read.is_ok() && answer.is_empty(), "an idle keep-alive: {:?}", String::from_utf8_lossy(&answer));
}

#[tokio::test]
async fn first_bytes_that_leave_http1_and_http2_undecided_are_refused_at_the_header_timeout() {
    let app = app().await;
    // `P` alone could begin `POST` or the HTTP/2 preface; the preface dripped takes 2.4 s.
    for head in [&b"P"[..], b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"] {
        let (answer, closed) = drip_head(connect(&app).await, head.to_vec()).await;
        assert_refused(&answer, closed);
    }
}
