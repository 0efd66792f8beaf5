//! HTTP as clients, caches and browsers expect it (issue 31): HEAD, `Vary`, the coding chosen,
//! host names to listen on, CORS with tracing headers, request ids.

use crate::frontend::spawn_with_cors;
use serde_json::json;
use sha2::Digest;
use std::process::{Command, Stdio};
use std::time::Duration;

const COMPARE: &str =
    r#"{ compare(query: "kertas hvs a4 80", first: 3) { groups { title offers { id title price { formatted } } } } }"#;

fn raw_client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().no_gzip().build().expect("client")
}

#[tokio::test]
async fn head_answers_as_get_would_without_a_body() {
    let app = spawn_with_cors(|_| {}).await;
    let url = format!("{}/graphql", app.address);
    let get = app.client.get(&url).query(&[("query", "{ marketplaces { id } }")]).send().await.expect("GET");
    let head = app.client.head(&url).query(&[("query", "{ marketplaces { id } }")]).send().await.expect("HEAD");
    assert_eq!(head.status(), get.status());
    assert_eq!(head.status(), 200);
    assert_eq!(head.headers().get("content-type"), get.headers().get("content-type"));
    assert_eq!(head.bytes().await.expect("body").len(), 0, "HEAD has no body");
    let page = app.client.head(&url).header("accept", "text/html").send().await.expect("HEAD GraphiQL");
    assert_eq!(page.status(), 200);
    assert!(page.headers()["content-type"].to_str().unwrap_or_default().starts_with("text/html"));
}

#[tokio::test]
async fn another_method_is_refused_with_a_coded_error_and_the_methods_allowed() {
    let app = spawn_with_cors(|config| config.http.cors_origins = vec!["https://app.example.go.id".into()]).await;
    let url = format!("{}/graphql", app.address);
    for method in [reqwest::Method::PUT, reqwest::Method::PATCH, reqwest::Method::DELETE] {
        let body = json!({ "query": "{ marketplaces { id } }" });
        let answer = app.client.request(method.clone(), &url).json(&body).send().await.expect("answer");
        assert_eq!(answer.status(), 405, "{method}");
        assert_eq!(answer.headers()["allow"], "GET, HEAD, POST", "{method}");
        let refusal: serde_json::Value = answer.json().await.unwrap_or_else(|e| panic!("{method}: a JSON body ({e})"));
        assert_eq!(refusal["errors"][0]["extensions"]["code"], "METHOD_NOT_ALLOWED", "{method}: {refusal}");
    }
    // A preflight is still CORS's.
    let preflight = app
        .client
        .request(reqwest::Method::OPTIONS, &url)
        .header("origin", "https://app.example.go.id")
        .header("access-control-request-method", "POST")
        .send()
        .await
        .expect("preflight");
    assert!(preflight.status().is_success(), "{}", preflight.status());
}

#[tokio::test]
async fn a_method_a_page_or_probe_does_not_answer_is_refused_with_its_code_and_the_methods_allowed() {
    let app = crate::helpers::spawn_app().await;
    for path in ["/", "/survey.csv", "/belanja", "/metrics", "/healthz"] {
        let answer = app.client.post(format!("{}{path}", app.address)).body("x").send().await.expect("answer");
        assert_eq!(answer.status(), 405, "{path}");
        assert!(answer.headers()["allow"].to_str().is_ok_and(|allow| allow.contains("GET")), "{path}");
        let text = answer.text().await.expect("text");
        assert!(text.ends_with("(METHOD_NOT_ALLOWED)\n"), "{path}: {text:?}");
    }
}

#[tokio::test]
async fn a_body_declared_in_a_charset_other_than_utf8_is_refused_as_unsupported_content() {
    let app = crate::helpers::spawn_app().await;
    let url = format!("{}/graphql", app.address);
    let body = json!({ "query": "{ marketplaces { id } }" }).to_string();
    for (content_type, status) in [
        ("application/json; charset=iso-8859-1", 415),
        ("application/json;charset=\"windows-1252\"", 415),
        ("application/json; charset=UTF-8", 200),
        ("application/json; charset=us-ascii", 200),
        ("application/json; charset=\"utf-8\"", 200),
        ("application/graphql-response+json", 200),
    ] {
        let answer = app.client.post(&url).header("content-type", content_type).body(body.clone()).send().await;
        let answer = answer.expect("answer");
        assert_eq!(answer.status(), status, "{content_type}");
        if status == 415 {
            let refusal: serde_json::Value = answer.json().await.expect("a JSON body");
            assert_eq!(refusal["errors"][0]["extensions"]["code"], "UNSUPPORTED_CONTENT_TYPE", "{refusal}");
        }
    }
}

#[tokio::test]
async fn a_cacheable_answer_varies_by_accept_and_a_compressed_one_by_accept_encoding() {
    let app = spawn_with_cors(|_| {}).await;
    let query = "query Marketplaces { search(query: \"kertas\", first: 1) { complete } marketplaces { id name } }";
    let hash: String = sha2::Sha256::digest(query.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    let extensions = json!({"persistedQuery": {"version": 1, "sha256Hash": hash}}).to_string();
    let url = format!("{}/graphql", app.address);
    let get = |with_query: bool, encoding: &'static str| {
        let mut params = vec![("extensions", extensions.clone())];
        if with_query {
            params.push(("query", query.to_string()));
        }
        raw_client().get(&url).header("accept-encoding", encoding).query(&params).send()
    };
    get(true, "identity").await.expect("register");
    let cached = get(false, "identity").await.expect("by hash");
    let cache_control = cached.headers().get("cache-control").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(cache_control.starts_with("public"), "{cache_control}");
    let vary = |response: &reqwest::Response| -> Vec<String> {
        let values =
            response.headers().get_all("vary").iter().map(|v| v.to_str().unwrap_or_default().to_ascii_lowercase());
        values.flat_map(|v| v.split(',').map(|s| s.trim().to_string()).collect::<Vec<_>>()).collect()
    };
    assert!(vary(&cached).contains(&"accept".to_string()), "{:?}", cached.headers());
    let compressed = raw_client()
        .post(&url)
        .header("accept-encoding", "gzip")
        .json(&json!({"query": COMPARE}))
        .send()
        .await
        .expect("compare");
    assert_eq!(compressed.headers().get("content-encoding").and_then(|v| v.to_str().ok()), Some("gzip"));
    let varies = vary(&compressed);
    assert!(varies.contains(&"accept".to_string()) && varies.contains(&"accept-encoding".to_string()), "{varies:?}");
}

#[tokio::test]
async fn a_stored_answer_is_replayed_compressed_whole_in_each_coding_and_decodes_to_the_same_bytes() {
    let app = spawn_with_cors(|_| {}).await;
    let url = format!("{}/graphql", app.address);
    let post = |encoding: &'static str| {
        raw_client().post(&url).header("accept-encoding", encoding).json(&json!({"query": COMPARE})).send()
    };
    // The first answer fetches its pages, the second is built from cached pages and stored.
    for _ in 0..2 {
        post("identity").await.expect("warm");
    }
    let plain = post("identity").await.expect("replay").bytes().await.expect("body");
    assert!(plain.len() > 1024 && plain.starts_with(b"{\"data\""), "{} bytes", plain.len());
    for coding in ["gzip", "br", "zstd"] {
        for replay in 0..2 {
            let response = post(coding).await.expect("compressed replay");
            let headers = response.headers().clone();
            assert_eq!(headers.get("content-encoding").and_then(|v| v.to_str().ok()), Some(coding));
            // Compressed whole before it is sent (the layer would stream it without a length).
            let length: Option<usize> = headers.get("content-length").and_then(|v| v.to_str().ok()?.parse().ok());
            let body = response.bytes().await.expect("body");
            assert_eq!(length, Some(body.len()), "{coding} replay {replay}: {headers:?}");
            assert_eq!(decode(coding, &body), plain, "{coding} replay {replay} decodes to the stored answer");
        }
    }
}

#[tokio::test]
async fn a_fresh_answer_is_sent_compressed_whole_in_each_coding_and_decodes_to_the_stored_answer() {
    let app = spawn_with_cors(|_| {}).await;
    let url = format!("{}/graphql", app.address);
    // The answer store keys on the request's bytes: each leading space makes a fresh answer
    // (built from the cached pages, so the same data) where the same bytes would be a replay.
    let post = |encoding: &'static str, spaces: usize| {
        let query = format!("{}{COMPARE}", " ".repeat(spaces));
        raw_client().post(&url).header("accept-encoding", encoding).json(&json!({"query": query})).send()
    };
    for _ in 0..2 {
        post("identity", 0).await.expect("warm");
    }
    let plain = post("identity", 0).await.expect("replay").bytes().await.expect("body");
    assert!(plain.len() > 1024 && plain.starts_with(b"{\"data\""), "{} bytes", plain.len());
    // gzip twice: its compressor is reused, reset between answers.
    for (spaces, coding) in ["gzip", "br", "zstd", "gzip"].into_iter().enumerate() {
        let response = post(coding, spaces + 1).await.expect("fresh answer");
        let headers = response.headers().clone();
        assert_eq!(headers.get("content-encoding").and_then(|v| v.to_str().ok()), Some(coding));
        assert_eq!(headers.get("vary").and_then(|v| v.to_str().ok()), Some("accept-encoding"));
        let length: Option<usize> = headers.get("content-length").and_then(|v| v.to_str().ok()?.parse().ok());
        let body = response.bytes().await.expect("body");
        assert_eq!(length, Some(body.len()), "{coding}: {headers:?}");
        assert_eq!(decode(coding, &body), plain, "{coding} decodes to the answer stored for the same data");
    }
}

fn decode(coding: &str, body: &[u8]) -> Vec<u8> {
    let mut decoded = Vec::new();
    match coding {
        "gzip" => std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(body), &mut decoded),
        "br" => std::io::Read::read_to_end(&mut brotli::Decompressor::new(body, 4096), &mut decoded),
        _ => std::io::Read::read_to_end(&mut zstd::Decoder::new(body).expect("zstd"), &mut decoded),
    }
    .expect("decodes");
    decoded
}

#[tokio::test]
async fn the_coding_follows_q_values_then_the_best_ratio_for_text() {
    let app = spawn_with_cors(|_| {}).await;
    let url = format!("{}/graphql", app.address);
    let coding = |accepted: &'static str| {
        let request = raw_client().post(&url).header("accept-encoding", accepted).json(&json!({"query": COMPARE}));
        async move {
            let response = request.send().await.expect("compare");
            response.headers().get("content-encoding").map(|v| v.to_str().unwrap_or_default().to_string())
        }
    };
    assert_eq!(coding("gzip, deflate, br, zstd").await.as_deref(), Some("br"), "Chrome's list");
    assert_eq!(coding("gzip, zstd").await.as_deref(), Some("zstd"));
    assert_eq!(coding("br;q=0.5, gzip").await.as_deref(), Some("gzip"), "q-values first");
    assert_eq!(coding("identity").await, None);
}

#[tokio::test]
async fn an_allowed_page_may_send_tracing_headers_and_read_the_request_id() {
    let app = spawn_with_cors(|config| config.http.cors_origins = vec!["https://app.example.go.id".into()]).await;
    let url = format!("{}/graphql", app.address);
    let preflight = app
        .client
        .request(reqwest::Method::OPTIONS, &url)
        .header("origin", "https://app.example.go.id")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type,traceparent,baggage,sentry-trace")
        .send()
        .await
        .expect("preflight");
    let allowed =
        preflight.headers().get("access-control-allow-headers").and_then(|v| v.to_str().ok()).unwrap_or_default();
    for header in ["traceparent", "baggage", "sentry-trace", "content-type"] {
        assert!(allowed.contains(header), "{header} not allowed: {allowed}");
    }
    let answer = app
        .client
        .post(&url)
        .header("origin", "https://app.example.go.id")
        .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .json(&json!({"query": "{ marketplaces { id } }"}))
        .send()
        .await
        .expect("POST");
    let exposed =
        answer.headers().get("access-control-expose-headers").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(exposed.contains("x-request-id"), "{exposed}");
    let id = answer.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    let echoed = app.client.get(format!("{}/healthz", app.address)).header("x-request-id", "trace-me-42").send().await;
    assert_eq!(
        echoed.expect("healthz").headers().get("x-request-id").and_then(|v| v.to_str().ok()),
        Some("trace-me-42")
    );
}

#[tokio::test]
async fn the_binary_listens_on_a_host_name() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("free port").local_addr().expect("addr").port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_pasar"))
        .args(["serve", "--listen", &format!("localhost:{port}"), "--products", "200"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("pasar starts");
    let client = reqwest::Client::builder().no_proxy().build().expect("client");
    let mut healthy = false;
    for _ in 0..150 {
        if let Ok(response) = client.get(format!("http://localhost:{port}/healthz")).send().await
            && response.status() == 200
        {
            healthy = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(healthy, "pasar serve --listen localhost:{port} answered /healthz");
}

#[tokio::test]
async fn a_websocket_upgrade_sent_to_the_http_endpoint_is_told_where_the_socket_is() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = spawn_with_cors(|_| {}).await;
    let host = app.address.trim_start_matches("http://").to_string();
    let mut stream = tokio::net::TcpStream::connect(&host).await.expect("connect");
    let request = format!(
        "GET /graphql HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\
         Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut answer = vec![0; 4096];
    let read =
        tokio::time::timeout(Duration::from_secs(5), stream.read(&mut answer)).await.expect("answer").expect("read");
    let answer = String::from_utf8_lossy(&answer[..read]);
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains("/graphql/ws"), "{answer}");
}
