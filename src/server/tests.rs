use super::serve;
use crate::config::HttpConfig;
use axum::Router;
use axum::routing::get;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

const BIG: usize = 64 * 1024 * 1024;

async fn start(http: HttpConfig) -> (SocketAddr, oneshot::Sender<()>, tokio::task::JoinHandle<std::io::Result<()>>) {
    let router = Router::new()
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_millis(500)).await;
                "done"
            }),
        )
        .route("/big", get(|| async { vec![b'x'; BIG] }));
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    let (stop, stopped) = oneshot::channel::<()>();
    let served = tokio::spawn(async move {
        serve(listener, router, &http, async move {
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
