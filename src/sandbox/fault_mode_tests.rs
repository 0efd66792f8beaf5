//! The transport-level fault modes over real sockets: stalls, drips, resets, truncation, the gzip
//! bomb, flapping and a streamed 50 MB body. Raw TCP where reqwest would hide what was sent.

use std::io::{self, Read};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::api_tests::{client, padi_get, start};
use super::{FaultMode, MarketplaceKind, RunningSandbox};

const PADI_SEARCH: &str = "/v1/catalog/search?query=kertas&limit=2";

/// Sends a bare GET and reads until the peer closes: what arrived, and how the read ended.
async fn raw_get(sandbox: &RunningSandbox, path: &str) -> (Vec<u8>, io::Result<()>) {
    let mut stream = TcpStream::connect(sandbox.addr()).await.expect("connects");
    let request = format!("GET {path} HTTP/1.1\r\nHost: sandbox\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.expect("request sent");
    let mut received = Vec::new();
    let mut buffer = [0; 16 * 1024];
    loop {
        let read = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buffer)).await;
        match read.expect("the sandbox does not stall") {
            Ok(0) => return (received, Ok(())),
            Ok(n) => received.extend_from_slice(&buffer[..n]),
            Err(e) => return (received, Err(e)),
        }
    }
}

/// Splits a raw response into its head and body.
fn split(raw: &[u8]) -> (String, &[u8]) {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a complete head");
    (String::from_utf8_lossy(&raw[..end]).to_lowercase(), &raw[end + 4..])
}

#[tokio::test]
async fn headers_then_stall_sends_200_and_never_a_body_byte() {
    let sandbox = start(MarketplaceKind::PadiUmkm).await;
    sandbox.faults().set_mode(FaultMode::HeadersThenStall);
    let started = Instant::now();
    let mut response = padi_get(&sandbox, "query=kertas").await;
    assert_eq!(response.status(), StatusCode::OK, "the head arrives");
    assert!(started.elapsed() < Duration::from_millis(500), "at once: {:?}", started.elapsed());
    let chunk = tokio::time::timeout(Duration::from_millis(400), response.chunk()).await;
    assert!(chunk.is_err(), "no body byte follows");
}

#[tokio::test]
async fn slow_drip_sends_the_real_body_at_the_set_pace() {
    let sandbox = start(MarketplaceKind::PadiUmkm).await;
    let normal = padi_get(&sandbox, "query=kertas&limit=2").await.bytes().await.expect("body");
    // Paced to take about half a second.
    let bytes_per_sec = normal.len() as u64 * 2;
    sandbox.faults().set_mode(FaultMode::SlowDrip { bytes_per_sec });
    let started = Instant::now();
    let mut response = padi_get(&sandbox, "query=kertas&limit=2").await;
    assert_eq!(response.content_length(), Some(normal.len() as u64));
    let (mut dripped, mut chunks) = (Vec::new(), 0);
    while let Some(chunk) = response.chunk().await.expect("an unbroken body") {
        dripped.extend_from_slice(&chunk);
        chunks += 1;
    }
    let elapsed = started.elapsed();
    assert_eq!(dripped, normal, "the same body, only slower");
    assert!(chunks >= 5, "{chunks} chunks");
    assert!((Duration::from_millis(400)..Duration::from_secs(3)).contains(&elapsed), "took {elapsed:?}");
}

#[tokio::test]
async fn reset_drops_the_connection_without_any_response() {
    let sandbox = start(MarketplaceKind::PadiUmkm).await;
    sandbox.faults().set_mode(FaultMode::Reset);
    let (received, ended) = raw_get(&sandbox, PADI_SEARCH).await;
    assert!(received.is_empty(), "not one byte: {:?}", String::from_utf8_lossy(&received));
    let error = ended.expect_err("a reset, not an orderly close");
    assert_eq!(error.kind(), io::ErrorKind::ConnectionReset);
    let through_reqwest = client().get(format!("{}{PADI_SEARCH}", sandbox.base_url())).send().await;
    assert!(through_reqwest.is_err(), "an HTTP client gets an error, not a response");
    sandbox.faults().clear();
    assert_eq!(padi_get(&sandbox, "query=kertas").await.status(), StatusCode::OK, "the sandbox still serves");
}

#[tokio::test]
async fn truncated_announces_the_whole_length_and_sends_half() {
    let sandbox = start(MarketplaceKind::PadiUmkm).await;
    let normal = padi_get(&sandbox, "query=kertas&limit=2").await.bytes().await.expect("body");
    sandbox.faults().set_mode(FaultMode::Truncated);
    let (received, _) = raw_get(&sandbox, PADI_SEARCH).await;
    let (head, body) = split(&received);
    assert!(head.starts_with("http/1.1 200"), "{head}");
    assert!(head.contains(&format!("content-length: {}", normal.len())), "{head}");
    assert_eq!(body, &normal[..normal.len() / 2]);
    assert!(serde_json::from_slice::<Value>(body).is_err());
    let through_reqwest = padi_get(&sandbox, "query=kertas&limit=2").await.bytes().await;
    assert!(through_reqwest.is_err(), "an HTTP client sees the body break off");
}

#[tokio::test]
async fn gzip_bomb_is_small_on_the_wire_and_inflates_to_json() {
    let sandbox = start(MarketplaceKind::PadiUmkm).await;
    sandbox.faults().set_mode(FaultMode::GzipBomb);
    let raw = reqwest::Client::builder().no_gzip().build().expect("client");
    let url = format!("{}{PADI_SEARCH}", sandbox.base_url());
    let response = raw.get(url).send().await.expect("answers");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-encoding"], "gzip");
    let wire = response.bytes().await.expect("body");
    assert!(wire.len() < 256 * 1024, "{} bytes on the wire", wire.len());
    let mut start = vec![0; 1 << 20];
    flate2::read::GzDecoder::new(&wire[..]).read_exact(&mut start).expect("inflates past 1 MiB");
    assert!(start.starts_with(br#"{"data":[],"padding":"xxxx"#));
}

#[tokio::test]
async fn flapping_alternates_healthy_and_503_slices() {
    let sandbox = start(MarketplaceKind::PadiUmkm).await;
    sandbox.faults().set_retry_after(7);
    // Slices of a second, asked in their middle: half a second either way for a loaded CI
    // machine (slices of 400 ms, asked 200 ms in, once met a late answer). The slicing itself is
    // tested on a paused clock (`faults::tests`).
    sandbox.faults().set_mode(FaultMode::Flapping { period_ms: 1_000 });
    let set = Instant::now();
    let mut statuses = Vec::new();
    for middle in [500, 1_500, 2_500] {
        tokio::time::sleep(Duration::from_millis(middle).saturating_sub(set.elapsed())).await;
        let response = padi_get(&sandbox, "query=kertas").await;
        if response.status() == StatusCode::SERVICE_UNAVAILABLE {
            assert_eq!(response.headers()["retry-after"], "7");
        }
        statuses.push(response.status().as_u16());
    }
    assert_eq!(statuses, [200, 503, 200]);
}

#[tokio::test]
async fn a_50_mb_oversized_body_is_streamed_with_its_exact_length() {
    let sandbox = start(MarketplaceKind::Mbiz).await;
    let bytes = 50_000_000;
    sandbox.faults().set_mode(FaultMode::Oversized(bytes));
    let url = format!("{}/api/v1/products?q=kertas", sandbox.base_url());
    let mut response = client().get(url).send().await.expect("answers");
    let announced = response.content_length().expect("a Content-Length");
    assert!(announced > bytes as u64 && announced < bytes as u64 + 200, "{announced}");
    let (mut total, mut first, mut last) = (0_u64, Vec::new(), Vec::new());
    while let Some(chunk) = response.chunk().await.expect("an unbroken body") {
        if first.is_empty() {
            first = chunk.to_vec();
        }
        total += chunk.len() as u64;
        last = chunk.to_vec();
    }
    assert_eq!(total, announced);
    assert!(first.starts_with(br#"{"data":[]"#) && last.ends_with(br#"xx"}"#));
}

#[tokio::test]
async fn status_faults_carry_the_configured_retry_after() {
    let sandbox = start(MarketplaceKind::PadiUmkm).await;
    sandbox.faults().set_mode(FaultMode::Status(429));
    assert_eq!(padi_get(&sandbox, "query=kertas").await.headers()["retry-after"], "1", "1 s by default");
    // Set over HTTP this time: the control API and the in-process handle stay in step.
    let settings = serde_json::json!({ "latency_ms": 0, "mode": "status", "status": 429, "retry_after": 30 });
    let url = format!("{}/_sandbox/faults", sandbox.base_url());
    let answer: Value = client().put(url).json(&settings).send().await.expect("answers").json().await.expect("JSON");
    assert_eq!(answer, settings);
    assert_eq!(sandbox.faults().retry_after(), 30);
    let response = padi_get(&sandbox, "query=kertas").await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers()["retry-after"], "30");
}
