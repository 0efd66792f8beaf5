//! `max_connection_age`: a connection older than it is closed once its answers are out (HTTP/1)
//! or with a GOAWAY (HTTP/2), so a client's long-lived connections are opened again, and dealt to
//! the workers again, as it reconnects.

use crate::helpers::{TestApp, TestOptions, spawn_app_with};
use axum::http::Request;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const AGE: Duration = Duration::from_secs(1);
/// Longer than the age and its tenth of jitter, with room for a loaded machine; shorter than the
/// header and idle timeouts, which would close the connection anyway.
const WAIT: Duration = Duration::from_secs(4);

async fn app() -> TestApp {
    spawn_app_with(TestOptions {
        configure: Arc::new(|config| {
            config.http.max_connection_age = AGE;
            config.http.header_timeout = Duration::from_secs(10);
        }),
        ..TestOptions::default()
    })
    .await
}

fn authority(app: &TestApp) -> &str {
    app.address.trim_start_matches("http://")
}

#[tokio::test]
async fn a_kept_alive_http1_connection_is_closed_once_older_than_max_connection_age() {
    let app = app().await;
    let mut stream = TcpStream::connect(authority(&app)).await.expect("connect");
    let opened = Instant::now();
    stream.write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n").await.expect("request");
    let mut answer = Vec::new();
    let read = tokio::time::timeout(WAIT, stream.read_to_end(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(read.is_ok(), "still open after {WAIT:?}: {answer}");
    assert!(answer.starts_with("HTTP/1.1 200 ") && answer.ends_with("ok"), "answered first: {answer}");
    let closed = opened.elapsed();
    assert!(closed >= AGE.mul_f64(0.9), "closed at {closed:?}, before its age");
}

#[tokio::test]
async fn an_http2_connection_older_than_max_connection_age_gets_its_answers_and_a_goaway() {
    let app = app().await;
    let tcp = TcpStream::connect(authority(&app)).await.expect("connect");
    let opened = Instant::now();
    let (client, connection) = h2::client::handshake(tcp).await.expect("h2 handshake");
    let connection = tokio::spawn(connection);
    let request = Request::builder().uri(format!("http://{}/healthz", authority(&app))).body(()).expect("request");
    let mut client = client.ready().await.expect("ready");
    let (response, _) = client.send_request(request, true).expect("send");
    let response = response.await.expect("answered");
    assert_eq!(response.status(), 200);
    // The client stays ready to send; only the server's GOAWAY ends the connection in time.
    let ended = tokio::time::timeout(WAIT, connection).await;
    assert!(ended.is_ok(), "still open after {WAIT:?}");
    let closed = opened.elapsed();
    assert!(closed >= AGE.mul_f64(0.9), "closed at {closed:?}, before its age");
    let _keep = client;
}
