//! Sockets count under the connection caps and close at shutdown; a stalled body gets 408, and
//! so does a request past its deadline, with a code; the bytes held in flight are bounded.

use super::socket;
use crate::helpers::{TestOptions, spawn_app, spawn_app_with};
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Whether a new connection from this address is served (`GET /healthz` answered).
async fn served(address: &str) -> bool {
    let Ok(mut stream) = TcpStream::connect(address.trim_start_matches("http://")).await else { return false };
    let _ = stream.write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n").await;
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer)).await;
    String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 200")
}

#[tokio::test]
async fn open_sockets_hold_their_connection_slots_and_give_them_back_when_closed() {
    let app = spawn_app_with(TestOptions {
        configure: Arc::new(|config| config.http.max_connections_per_client = 2),
        ..TestOptions::default()
    })
    .await;
    let first = socket::open_acked(&app.address, json!({})).await;
    let _second = socket::open_acked(&app.address, json!({})).await;
    assert!(!served(&app.address).await, "a third connection is over the per-client cap of 2");
    assert!(socket::open(&app.address, &[]).await.is_err(), "so is a third socket");
    drop(first);
    let mut freed = false;
    for _ in 0..50 {
        if served(&app.address).await {
            freed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(freed, "a closed socket gives its slot back");
}

#[tokio::test]
async fn shutting_down_closes_open_sockets_with_going_away() {
    let mut app = spawn_app_with(TestOptions::default()).await;
    let mut socket = socket::open_acked(&app.address, json!({})).await;
    app.shut_down();
    assert_eq!(socket.close_code(Duration::from_secs(5)).await, 1001);
}

#[tokio::test]
async fn a_body_that_stalls_gets_408_and_one_that_is_too_large_413() {
    let app = spawn_app_with(TestOptions {
        configure: Arc::new(|config| config.http.body_timeout = Duration::from_millis(300)),
        ..TestOptions::default()
    })
    .await;
    let mut stream = TcpStream::connect(app.address.trim_start_matches("http://")).await.expect("connect");
    let head = "POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n";
    stream.write_all(head.as_bytes()).await.expect("head");
    stream.write_all(b"{\"query\":").await.expect("part of the body");
    let mut answer = vec![0; 4096];
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer[..read.ok().and_then(Result::ok).unwrap_or(0)]).into_owned();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("REQUEST_TIMEOUT"), "{answer}");
    // The connection closes after it (the rest of the body never came): a keep-alive client must
    // be told, small body or not (review29a W9).
    assert!(answer.to_ascii_lowercase().contains("connection: close"), "{answer}");
    let large = app.client.post(format!("{}/graphql", app.address)).header("content-type", "application/json");
    let large = large.body(vec![b' '; 300 * 1024]).send().await.expect("answer");
    assert_eq!(large.status(), 413);
}

#[tokio::test]
async fn bodies_beyond_the_bytes_in_flight_budget_get_503_with_retry_after() {
    let app = spawn_app_with(TestOptions {
        configure: Arc::new(|config| {
            config.limits.max_body_bytes = 1024 * 1024;
            config.http.max_bytes_in_flight_mb = 1;
        }),
        ..TestOptions::default()
    })
    .await;
    // One upload holds 700 KiB of the 1 MiB budget and pauses before its last bytes; a second
    // upload of 700 KiB is then refused. Connections are served in parallel, so the second may
    // be read first and the holder refused instead: then it starts again, on a new connection.
    let length = 700 * 1024 + 10;
    let head = format!(
        "POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: {length}\r\n\r\n"
    );
    let upload = async || {
        let upload = app.client.post(format!("{}/graphql", app.address)).header("content-type", "application/json");
        upload.body(vec![b' '; 700 * 1024]).send().await.expect("answer")
    };
    let mut refused = None;
    for _ in 0..200 {
        let mut holder = TcpStream::connect(app.address.trim_start_matches("http://")).await.expect("connect");
        holder.write_all(head.as_bytes()).await.expect("head");
        holder.write_all(&vec![b' '; 700 * 1024]).await.expect("most of the body");
        // The gateway reads the holder's bytes when it gets to them, later on a loaded machine.
        tokio::time::sleep(Duration::from_millis(100)).await;
        let second = upload().await;
        if second.status() == 503 {
            refused = Some((second, holder));
            break;
        }
    }
    let (second, holder) = refused.expect("a second upload over the budget was refused with 503 within 200 tries");
    assert!(second.headers().contains_key("retry-after"));
    let body: serde_json::Value = second.json().await.expect("JSON");
    assert_eq!(body["errors"][0]["extensions"]["code"], "SERVER_BUSY");
    drop(holder);
    let after = async || {
        let after = app.client.post(format!("{}/graphql", app.address));
        let answer = after.json(&json!({"query": "{ marketplaces { id } }"})).send().await.expect("answer");
        (answer.status() == 200).then_some(())
    };
    assert!(until(after).await.is_some(), "the budget is given back");
}

/// The first `Some` of `attempt`, tried every 100 ms for up to 20 s.
async fn until<T>(attempt: impl AsyncFn() -> Option<T>) -> Option<T> {
    for _ in 0..200 {
        if let Some(found) = attempt().await {
            return Some(found);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    None
}

/// What the gateway answers, within `wait`, to `head` followed by `body` sent one byte per `pace`.
async fn dripped(address: &str, head: &str, body: &[u8], pace: Duration, wait: Duration) -> String {
    let mut stream = TcpStream::connect(address.trim_start_matches("http://")).await.expect("connect");
    stream.write_all(head.as_bytes()).await.expect("head");
    let (mut reader, mut writer) = stream.into_split();
    let body = body.to_vec();
    let drip = tokio::spawn(async move {
        for byte in body {
            tokio::time::sleep(pace).await;
            if writer.write_all(&[byte]).await.is_err() {
                break;
            }
        }
    });
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(wait, reader.read_to_end(&mut answer)).await;
    drip.abort();
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn a_request_past_its_deadline_and_a_body_in_an_unknown_coding_are_refused_with_a_code() {
    let app = spawn_app_with(TestOptions {
        configure: Arc::new(|config| config.http.request_timeout = Duration::from_secs(1)),
        ..TestOptions::default()
    })
    .await;
    // A body dripped in under `body_timeout` (10 s) but past `request_timeout` (1 s).
    let body = br#"{"query":"{ __typename }"}"#;
    let head = format!(
        "POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\naccept: application/graphql-response+json\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    let answer = dripped(&app.address, &head, body, Duration::from_millis(300), Duration::from_secs(8)).await;
    let lower = answer.to_ascii_lowercase();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(lower.contains("content-type: application/graphql-response+json"), "{answer}");
    assert!(answer.contains("\"code\":\"REQUEST_TIMEOUT\""), "{answer}");
    assert!(lower.contains("connection: close"), "the client is told the connection ends: {answer}");
    for coding in ["compress", "foo", "gzip, gzip"] {
        let url = format!("{}/graphql", app.address);
        let post = app.client.post(url).header("content-type", "application/json").header("content-encoding", coding);
        let response = post.body(body.to_vec()).send().await.expect("answer");
        assert_eq!(response.status(), 415, "{coding}");
        let accepted = response.headers().get("accept-encoding").and_then(|v| v.to_str().ok()).unwrap_or_default();
        let named: Vec<&str> = accepted.split(',').map(str::trim).collect();
        for decoded in ["gzip", "deflate", "br", "zstd"] {
            assert!(named.contains(&decoded), "{coding}: the codings decoded are named: {accepted:?}");
        }
        let answer: serde_json::Value = response.json().await.expect("a coded error");
        assert_eq!(answer["errors"][0]["extensions"]["code"], "UNSUPPORTED_CONTENT_ENCODING", "{coding}: {answer}");
    }
}

#[tokio::test]
async fn a_declared_length_past_the_size_is_refused_at_once_and_never_invited_with_100_continue() {
    // review29a W11: `Content-Length: 10000000000` with `Expect: 100-continue` was answered
    // `100 Continue`, then a 408 ten seconds later.
    let app = spawn_app().await;
    let mut stream = TcpStream::connect(app.address.trim_start_matches("http://")).await.expect("connect");
    let head = "POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n\
                content-length: 10000000000\r\nexpect: 100-continue\r\n\r\n";
    stream.write_all(head.as_bytes()).await.expect("head");
    let mut answer = vec![0; 4096];
    let read = tokio::time::timeout(Duration::from_secs(3), stream.read(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer[..read.ok().and_then(Result::ok).unwrap_or(0)]).into_owned();
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("REQUEST_TOO_LARGE"), "{answer}");
}
