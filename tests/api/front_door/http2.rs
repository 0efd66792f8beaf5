//! Over HTTP/2 a request names the gateway in `:authority`, not in `Host`: the gateway's own pages
//! must be let in there as over HTTP/1.1, at every door the origin check guards.

use crate::helpers::{TestApp, TestOptions, spawn_app_with};
use axum::body::Bytes;
use axum::http::{Request, StatusCode};
use serde_json::json;
use std::sync::Arc;
use tokio::net::TcpStream;

/// Sends one request over a fresh h2c connection (prior knowledge, no `Host` header); returns the
/// status and the body.
async fn over_h2(app: &TestApp, method: &str, path_and_query: &str, origin: &str, body: &str) -> (StatusCode, String) {
    let authority = app.address.trim_start_matches("http://");
    let request = Request::builder()
        .method(method)
        .uri(format!("http://{authority}{path_and_query}"))
        .header("origin", origin)
        .header("content-type", "application/json")
        .header("accept", "application/json")
        .body(())
        .expect("request");
    send_over_h2(app, request, body).await
}

/// Sends `request` (and `body`) over a fresh h2c connection; returns the status and the body.
pub(super) async fn send_over_h2(app: &TestApp, request: Request<()>, body: &str) -> (StatusCode, String) {
    let tcp = TcpStream::connect(app.address.trim_start_matches("http://")).await.expect("connect");
    let (client, connection) = h2::client::handshake(tcp).await.expect("h2 handshake");
    tokio::spawn(async move {
        let _ = connection.await;
    });
    let mut client = client.ready().await.expect("ready");
    let (response, mut stream) = client.send_request(request, body.is_empty()).expect("send");
    if !body.is_empty() {
        stream.send_data(Bytes::from(body.to_string()), true).expect("body");
    }
    let response = response.await.expect("response");
    let status = response.status();
    let mut body = response.into_body();
    let mut bytes = Vec::new();
    while let Some(chunk) = body.data().await {
        let chunk = chunk.expect("chunk");
        let _ = body.flow_control().release_capacity(chunk.len());
        bytes.extend_from_slice(&chunk);
    }
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

#[tokio::test]
async fn the_gateways_own_pages_may_call_it_over_http2_and_a_foreign_page_may_not() {
    let app = spawn_app_with(TestOptions {
        configure: Arc::new(|config| config.http.cors_origins = vec!["https://app.example.go.id".into()]),
        ..TestOptions::default()
    })
    .await;
    let own = app.address.clone();
    let query = json!({"query": "{ __typename }"}).to_string();
    let post = over_h2(&app, "POST", "/graphql", &own, &query).await;
    assert_eq!(post.0, StatusCode::OK, "POST: {}", post.1);
    assert!(post.1.contains("\"__typename\":\"Query\""), "POST: {}", post.1);
    let get = over_h2(&app, "GET", "/graphql?query=%7B__typename%7D", &own, "").await;
    assert_eq!(get.0, StatusCode::OK, "GET: {}", get.1);
    assert!(get.1.contains("\"__typename\":\"Query\""), "GET: {}", get.1);
    let page = over_h2(&app, "GET", "/?q=kertas", &own, "").await;
    assert_eq!(page.0, StatusCode::OK, "the buyer's page: {}", page.1);
    let foreign = over_h2(&app, "POST", "/graphql", "https://evil.example", &query).await;
    assert_eq!(foreign.0, StatusCode::FORBIDDEN);
    assert!(foreign.1.contains("ORIGIN_NOT_ALLOWED"), "{}", foreign.1);
}
