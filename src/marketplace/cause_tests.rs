//! Each cause met over real sockets, as a marketplace call meets it (review35o O35-10).

use super::MarketplaceError;
use super::cause::Cause;
use super::upstream::{Body, Upstream};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

/// What a call to `url` fails with, as a search is told it.
async fn failure(url: &str) -> MarketplaceError {
    let upstream = Upstream::new(true, 0).expect("client");
    let request = axum::http::Request::get(url).body(Body::default()).expect("request");
    match upstream.call(request).await {
        Ok(answer) => panic!("{url} answered {}", answer.status()),
        Err(error) => MarketplaceError::from_transport(&error),
    }
}

fn assert_cause(error: &MarketplaceError, cause: Cause, words: &str) {
    assert_eq!(error.cause(), Some(cause), "{error}");
    assert!(error.to_string().contains(words), "{error}");
    assert_eq!(error.code(), "MARKETPLACE_UNAVAILABLE", "clients see the code they always saw");
}

#[tokio::test]
async fn a_host_name_that_does_not_resolve_is_a_dns_failure() {
    // RFC 6761: `.invalid` never resolves.
    let error = failure("http://pasar-marketplace.invalid/items").await;
    assert_cause(&error, Cause::Dns, "did not resolve");
}

#[tokio::test]
async fn a_port_nothing_listens_on_is_refused() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
    let error = failure(&format!("http://127.0.0.1:{port}/items")).await;
    assert_cause(&error, Cause::Refused, "connection refused");
}

#[tokio::test]
async fn a_peer_that_does_not_speak_tls_to_an_https_call_is_a_tls_failure() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.expect("accept");
        let _ = socket.read(&mut [0; 1024]).await;
        let _ = socket.write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n").await;
        tokio::time::sleep(Duration::from_secs(1)).await;
    });
    let error = failure(&format!("https://127.0.0.1:{port}/items")).await;
    assert_cause(&error, Cause::Tls, "TLS");
}

#[tokio::test]
async fn an_https_endpoint_with_a_self_signed_certificate_is_a_tls_failure() {
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    // Made once with `openssl req -x509 -newkey ec` for IP 127.0.0.1 (`CA:FALSE`: a CA certificate
    // as an end entity is refused before its issuer is looked at), for this test only.
    let cert = CertificateDer::from(include_bytes!("testdata/self_signed_cert.der").to_vec());
    let key = PrivateKeyDer::Pkcs8(include_bytes!("testdata/self_signed_key.der").to_vec().into());
    let provider = std::sync::Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_no_client_auth()
        .with_single_cert(vec![cert], key)
        .expect("certificate");
    let acceptor = tokio_rustls::TlsAcceptor::from(std::sync::Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    tokio::spawn(async move {
        let (socket, _) = listener.accept().await.expect("accept");
        let _ = acceptor.accept(socket).await;
    });
    let error = failure(&format!("https://127.0.0.1:{port}/items")).await;
    assert_cause(&error, Cause::Tls, "not signed by an authority Pasar trusts");
}

#[tokio::test]
async fn a_listener_whose_backlog_is_full_is_a_connect_timeout() {
    let socket = TcpSocket::new_v4().expect("socket");
    socket.bind("127.0.0.1:0".parse().expect("addr")).expect("bind");
    let listener = socket.listen(1).expect("listen");
    let addr = listener.local_addr().expect("addr");
    // Never accepted: once the queue is full the kernel drops further SYNs, as a firewall would.
    let mut held = Vec::new();
    while let Ok(Ok(stream)) = tokio::time::timeout(Duration::from_millis(300), TcpStream::connect(addr)).await {
        held.push(stream);
        assert!(held.len() < 100, "the backlog never filled");
    }
    let started = Instant::now();
    let error = failure(&format!("http://{addr}/items")).await;
    assert_cause(&error, Cause::ConnectTimeout, "connect timeout");
    assert!(started.elapsed() >= Duration::from_secs(2), "the client's 2 s connect timeout: {:?}", started.elapsed());
}
