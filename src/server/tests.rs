use super::serve;
use super::workers::Workers;
use crate::config::HttpConfig;
use axum::Router;
use axum::routing::get;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

const BIG: usize = 64 * 1024 * 1024;
/// Larger than the send buffer Linux grows for a loopback connection (4 MiB).
const LARGE: usize = 8 * 1024 * 1024;

async fn start(http: HttpConfig) -> (SocketAddr, oneshot::Sender<()>, tokio::task::JoinHandle<std::io::Result<()>>) {
    let router = Router::new()
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_millis(500)).await;
                "done"
            }),
        )
        .route("/big", get(|| async { vec![b'x'; BIG] }))
        .route("/large", get(|| async { vec![b'x'; LARGE] }))
        .route("/refuse", axum::routing::post(|| async { (axum::http::StatusCode::PAYLOAD_TOO_LARGE, "too large") }))
        .route("/read", axum::routing::post(|body: String| async move { body.len().to_string() }));
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    let (stop, stopped) = oneshot::channel::<()>();
    let served = tokio::spawn(async move {
        let workers = Workers::start(super::workers::planned(&http))?;
        serve(listener, router, &http, &workers, async move {
            let _ = stopped.await;
        })
        .await
    });
    (address, stop, served)
}

async fn send_get(address: SocketAddr, path: &str) -> TcpStream {
    let mut stream = TcpStream::connect(address).await.expect("connect");
    let request = format!("GET {path} HTTP/1.1\r\nHost: pasar\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.expect("request");
    stream
}

#[tokio::test]
async fn a_request_in_flight_at_shutdown_is_answered_and_no_new_connection_is_served() {
    let (address, stop, served) = start(HttpConfig::default()).await;
    let mut in_flight = send_get(address, "/slow").await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    stop.send(()).expect("stop");
    let mut answer = String::new();
    in_flight.read_to_string(&mut answer).await.expect("answer");
    assert!(answer.starts_with("HTTP/1.1 200") && answer.ends_with("done"), "{answer}");
    // The server lingers on a closed connection until its client closes too.
    drop(in_flight);
    tokio::time::timeout(Duration::from_secs(2), served).await.expect("drained").expect("task").expect("served");
    assert!(TcpStream::connect(address).await.is_err(), "still accepting after shutdown");
}

#[tokio::test]
async fn a_response_the_client_does_not_read_is_abandoned_after_the_write_timeout() {
    let http = HttpConfig { write_timeout: Duration::from_millis(300), ..HttpConfig::default() };
    let (address, _stop, _served) = start(http).await;
    let mut reader = send_get(address, "/big").await;
    // Long enough for the socket buffers to fill and the write timeout to pass.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let mut received = 0;
    let mut buf = vec![0u8; 1 << 16];
    let drained = tokio::time::timeout(Duration::from_secs(5), async {
        while let Ok(n) = reader.read(&mut buf).await {
            if n == 0 {
                break;
            }
            received += n;
        }
    })
    .await;
    assert!(drained.is_ok(), "the connection stayed open");
    assert!(received > 0 && received < BIG, "received {received} of {BIG} bytes");
}

#[tokio::test]
async fn a_client_reading_slowly_but_without_pause_gets_a_large_answer_whole() {
    let http = HttpConfig { write_timeout: Duration::from_millis(250), ..HttpConfig::default() };
    let (address, _stop, _served) = start(http).await;
    // A small receive window, as a phone's on a slow link: what the client has not read yet
    // waits in the server's send buffer.
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    socket.set_recv_buffer_size(16 * 1024).expect("receive buffer");
    let mut reader = socket.connect(address).await.expect("connect");
    reader.write_all(b"GET /large HTTP/1.1\r\nHost: pasar\r\nConnection: close\r\n\r\n").await.expect("request");
    // About 2 MB/s, never pausing: each read takes what is there, then waits 8 ms.
    let mut received = 0;
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        let n =
            tokio::time::timeout(Duration::from_secs(5), reader.read(&mut buf)).await.expect("progress").expect("read");
        if n == 0 {
            break;
        }
        received += n;
        tokio::time::sleep(Duration::from_millis(8)).await;
    }
    assert!(received > LARGE, "the answer was cut after {received} of {LARGE} body bytes");
}

#[tokio::test]
async fn a_client_still_uploading_when_refused_finishes_its_upload_and_reads_the_refusal_whole() {
    let (address, _stop, _served) = start(HttpConfig::default()).await;
    let mut client = TcpStream::connect(address).await.expect("connect");
    let head = "POST /refuse HTTP/1.1\r\nHost: pasar\r\nContent-Length: 2097152\r\n\r\n";
    client.write_all(head.as_bytes()).await.expect("head");
    let part = vec![b'x'; 256 * 1024];
    client.write_all(&part).await.expect("first part of the body");
    // By now the refusal is sent and the server is closing. Without lingering its socket is
    // closed with the body unread, and what the client sends next is answered with a reset: an
    // HTTP client fails its upload there, before it reads the answer.
    tokio::time::sleep(Duration::from_millis(300)).await;
    for at in 1..8 {
        client.write_all(&part).await.unwrap_or_else(|error| panic!("part {at} of the body: {error}"));
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let mut answer = Vec::new();
    let read = client.read_to_end(&mut answer).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(read.is_ok(), "{read:?} after {answer:?}");
    assert!(answer.starts_with("HTTP/1.1 413") && answer.ends_with("too large"), "{answer}");
    assert!(answer.contains("\r\nconnection: close\r\n"), "a client would reuse the connection: {answer}");
}

#[tokio::test]
async fn a_read_body_or_a_small_refused_one_keeps_the_connection_open() {
    let (address, _stop, _served) = start(HttpConfig::default()).await;
    let mut client = TcpStream::connect(address).await.expect("connect");
    let large = format!("POST /read HTTP/1.1\r\nHost: pasar\r\nContent-Length: 16384\r\n\r\n{}", "x".repeat(16384));
    let small = "POST /refuse HTTP/1.1\r\nHost: pasar\r\nContent-Length: 5\r\n\r\nhello".to_string();
    let mut answers = String::new();
    for request in [&large, &small, &large, &small] {
        client.write_all(request.as_bytes()).await.expect("request");
        let mut answer = vec![0; 4096];
        let read = tokio::time::timeout(Duration::from_secs(5), client.read(&mut answer)).await;
        let read = read.expect("answered in time").expect("read");
        answers.push_str(&String::from_utf8_lossy(&answer[..read]));
    }
    assert_eq!(answers.matches("HTTP/1.1 200").count(), 2, "{answers}");
    assert_eq!(answers.matches("HTTP/1.1 413").count(), 2, "{answers}");
    assert!(!answers.contains("connection: close"), "{answers}");
}

#[tokio::test]
async fn a_connection_that_sends_nothing_is_closed_after_the_header_timeout_not_the_idle_timeout() {
    let http = HttpConfig { header_timeout: Duration::from_millis(300), ..HttpConfig::default() };
    let (address, _stop, _served) = start(http).await;
    let mut silent = TcpStream::connect(address).await.expect("connect");
    let started = std::time::Instant::now();
    let mut buf = [0u8; 16];
    let closed = tokio::time::timeout(Duration::from_secs(5), silent.read(&mut buf)).await;
    assert!(matches!(closed, Ok(Ok(0) | Err(_))), "still open after 5 s (idle_timeout is 60 s): {closed:?}");
    assert!(started.elapsed() >= Duration::from_millis(250), "closed at the header timeout, not before");
}

/// The `x-request-id` the server answers a `GET` sent with `sent`.
async fn request_id_answered(address: SocketAddr, sent: &str) -> String {
    let mut stream = TcpStream::connect(address).await.expect("connect");
    let request = format!("GET /none HTTP/1.1\r\nHost: pasar\r\nx-request-id: {sent}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.expect("request");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.expect("answer");
    let line = answer.lines().find(|l| l.to_ascii_lowercase().starts_with("x-request-id:")).unwrap_or_default();
    line.split_once(':').map(|(_, id)| id.trim().to_string()).unwrap_or_default()
}

#[tokio::test]
async fn a_clients_request_id_is_kept_only_when_short_and_plain() {
    let (address, _stop, _served) = start(HttpConfig::default()).await;
    assert_eq!(request_id_answered(address, "3f0c-41aa").await, "3f0c-41aa");
    let long = "r".repeat(9_000);
    let answered = request_id_answered(address, &long).await;
    assert!(!answered.is_empty() && answered.len() <= 128, "a fresh id in place of 9 KB: {} bytes", answered.len());
}
