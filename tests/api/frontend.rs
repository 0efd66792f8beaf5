//! What a web frontend needs from Pasar: CORS, persisted queries, limited offer lists, streaming
//! per marketplace, and a demo that starts from any folder (compression: `frontend_encoding.rs`).

use crate::helpers::{TestApp, TestOptions, spawn_app_with};
use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

pub const APP_ORIGIN: &str = "https://app.example.go.id";

/// The README's `compare` query.
pub const README_COMPARE: &str = r#"{
  compare(query: "kertas hvs a4 80", buyer: { regionCode: "35.71" }, first: 3) {
    groups {
      title brand specs unitPriceMin unitPriceMedian unitPriceMax
      marketplaces { id }
      cheapest { id title unitPrice { amountIncludingVat } }
      matched { matchedSpecs matchedTokens }
      ranked { offer { id marketplace { id } unit { name quantity baseUnit } unitPrice { amountIncludingVat } }
               ranking { pdnTier pdnPreferred umk locality reasons } }
    }
  }
}"#;

pub async fn spawn_with_cors(configure: impl Fn(&mut pasar::Config) + Send + Sync + 'static) -> TestApp {
    spawn_app_with(TestOptions { configure: std::sync::Arc::new(configure), ..TestOptions::default() }).await
}

fn app_origin_only(config: &mut pasar::Config) {
    config.http.cors_origins = vec![APP_ORIGIN.to_string()];
}

pub(crate) fn sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn cors_headers(response: &reqwest::Response) -> Vec<String> {
    response.headers().keys().map(|k| k.as_str().to_string()).filter(|k| k.starts_with("access-control-")).collect()
}

#[tokio::test]
async fn a_listed_origin_gets_a_cached_preflight_and_others_get_no_cors_headers() {
    let app = spawn_with_cors(app_origin_only).await;
    let preflight = |origin: &str| {
        app.client
            .request(reqwest::Method::OPTIONS, format!("{}/graphql", app.address))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type")
            .send()
    };
    let allowed = preflight(APP_ORIGIN).await.expect("preflight");
    assert!(allowed.status().is_success(), "{}", allowed.status());
    let headers = allowed.headers();
    assert_eq!(headers["access-control-allow-origin"], APP_ORIGIN);
    assert_eq!(headers["access-control-max-age"], "600");
    assert!(headers["access-control-allow-methods"].to_str().expect("ascii").contains("POST"));
    assert!(headers["access-control-allow-headers"].to_str().expect("ascii").contains("content-type"));
    assert!(headers.get("access-control-allow-credentials").is_none(), "credentials are off by default");

    for other in ["http://localhost:3000", "https://app.example.go.id.evil.example", "null"] {
        let refused = preflight(other).await.expect("preflight");
        assert_eq!(cors_headers(&refused), Vec::<String>::new(), "{other}");
    }
    let post = app
        .client
        .post(format!("{}/graphql", app.address))
        .header("Origin", APP_ORIGIN)
        .json(&json!({"query": "{ marketplaces { id } }"}))
        .send()
        .await
        .expect("post");
    assert_eq!(post.headers()["access-control-allow-origin"], APP_ORIGIN);
}

#[tokio::test]
async fn without_cors_origins_a_preflight_is_not_answered_with_cors() {
    let app = spawn_with_cors(|_| {}).await;
    let response = app
        .client
        .request(reqwest::Method::OPTIONS, format!("{}/graphql", app.address))
        .header("Origin", APP_ORIGIN)
        .header("Access-Control-Request-Method", "POST")
        .send()
        .await
        .expect("preflight");
    assert_eq!(cors_headers(&response), Vec::<String>::new());
}

#[tokio::test]
async fn an_invalid_cors_origin_stops_the_gateway_at_start_with_the_reason() {
    let mut config = pasar::Config {
        listen: "127.0.0.1:0".parse().expect("address"),
        bundled_adapters: true,
        ..pasar::Config::default()
    };
    config.http.cors_origins = vec!["https://app.example.go.id/".into()];
    let env = pasar::Env::isolated().with("MBIZ_TOKEN", "x").with("EKATALOG_API_KEY", "y");
    let error = pasar::Application::build(&config, env).await.err().expect("refused");
    assert!(error.to_string().contains("is not an origin"), "{error}");
}

/// Apollo Client's persisted-query link over GET: hash only, then hash and query, then hash only.
#[tokio::test]
async fn an_apollo_style_persisted_query_exchange_registers_then_runs_by_hash() {
    let app = spawn_with_cors(|_| {}).await;
    let query = r#"query Cheap { search(query: "kertas hvs a4", first: 2) { offers { edges { node { id } } } } }"#;
    let extensions = json!({"persistedQuery": {"version": 1, "sha256Hash": sha256(query)}}).to_string();
    let get = |with_query: bool| {
        let mut params = vec![("operationName", "Cheap".to_string()), ("extensions", extensions.clone())];
        if with_query {
            params.push(("query", query.to_string()));
        }
        app.client
            .get(format!("{}/graphql", app.address))
            .header("Accept", "application/graphql-response+json,application/json;q=0.9")
            .query(&params)
            .send()
    };
    let first = get(false).await.expect("hash only");
    assert_eq!(first.status(), 200, "Apollo's link gives up on persisted queries after a 400");
    let body: Value = first.json().await.expect("JSON");
    assert_eq!(body["errors"][0]["extensions"]["code"], "PERSISTED_QUERY_NOT_FOUND", "{body}");
    assert!(body.get("data").is_none(), "{body}");

    let registered: Value = get(true).await.expect("query and hash").json().await.expect("JSON");
    assert_eq!(registered["data"]["search"]["offers"]["edges"].as_array().map(Vec::len), Some(2), "{registered}");

    let by_hash = get(false).await.expect("hash only again");
    let cache_control = by_hash.headers().get("cache-control").map(|v| v.to_str().unwrap_or_default().to_string());
    let body: Value = by_hash.json().await.expect("JSON");
    assert_eq!(body["data"], registered["data"], "the stored document runs");
    // Sandboxes answer fresh, with a 60 s TTL: the answer is cacheable for at most that.
    let max_age: u64 = cache_control
        .as_deref()
        .and_then(|v| v.strip_prefix("public, max-age="))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("Cache-Control {cache_control:?}"));
    assert!((1..=60).contains(&max_age), "{max_age}");
}

#[tokio::test]
async fn a_hash_that_is_not_the_querys_is_refused_with_a_code() {
    let app = spawn_with_cors(|_| {}).await;
    let body = json!({
        "query": "{ marketplaces { id } }",
        "extensions": {"persistedQuery": {"version": 1, "sha256Hash": sha256("{ other }")}}
    });
    let response: Value = app
        .client
        .post(format!("{}/graphql", app.address))
        .json(&body)
        .send()
        .await
        .expect("post")
        .json()
        .await
        .expect("JSON");
    assert_eq!(response["errors"][0]["extensions"]["code"], "PERSISTED_QUERY_HASH_MISMATCH", "{response}");
}

#[tokio::test]
async fn trusted_documents_mode_runs_the_manifest_and_refuses_any_other_document() {
    let app = spawn_with_cors(|config| {
        let body = "query Names { marketplaces { id } }";
        let manifest = json!({
            "format": "apollo-persisted-query-manifest", "version": 1,
            "operations": [{"id": sha256(body), "name": "Names", "type": "query", "body": body}]
        });
        let path = std::env::temp_dir().join(format!("pasar-manifest-{}.json", std::process::id()));
        std::fs::write(&path, manifest.to_string()).expect("write manifest");
        config.http.persisted_only = true;
        config.http.persisted_manifest = Some(path);
    })
    .await;
    let app = &app;
    let post = |body: Value| async move {
        let response = app.client.post(format!("{}/graphql", app.address)).json(&body).send().await.expect("post");
        response.json::<Value>().await.expect("JSON")
    };
    let listed = "query Names { marketplaces { id } }";
    let by_hash = post(json!({"extensions": {"persistedQuery": {"version": 1, "sha256Hash": sha256(listed)}}})).await;
    assert_eq!(by_hash["data"]["marketplaces"].as_array().map(Vec::len), Some(5), "{by_hash}");
    assert!(post(json!({"query": listed})).await["data"]["marketplaces"].is_array());
    let other = post(json!({"query": "{ marketplaces { id name } }"})).await;
    assert_eq!(other["errors"][0]["extensions"]["code"], "PERSISTED_QUERY_NOT_IN_LIST", "{other}");
    assert!(other.get("data").is_none());
}

#[tokio::test]
async fn a_groups_offer_list_is_limited_by_first_and_counted_in_full() {
    let app = spawn_with_cors(|_| {}).await;
    let query = r#"{ compare(query: "kertas hvs a4 80", first: 5) { groups { offerCount all: offers { id } two: offers(first: 2) { id } ranked(first: 1) { offer { id } } } } }"#;
    let response = app.graphql(query, json!({})).await;
    let groups = response["data"]["compare"]["groups"].as_array().expect("groups");
    let big = groups.iter().find(|g| g["offerCount"].as_u64() > Some(2)).expect("a group with more than two offers");
    let all = big["all"].as_array().expect("all offers");
    assert_eq!(all.len() as u64, big["offerCount"].as_u64().expect("count"));
    assert_eq!(big["two"].as_array().expect("two").as_slice(), &all[..2]);
    assert_eq!(big["ranked"].as_array().map(Vec::len), Some(1));
    let negative = app
        .graphql(r#"{ compare(query: "kertas", first: 1) { groups { offers(first: -1) { id } } } }"#, json!({}))
        .await;
    assert_eq!(negative["errors"][0]["extensions"]["code"], "BAD_USER_INPUT", "{negative}");
}

const STREAM: &str = r#"subscription { searchStream(query: "kertas hvs a4", first: 3) {
  __typename
  ... on MarketplaceAnswered { source { marketplace { id } status offerCount } offers { id marketplace { id } } }
  ... on SearchCompleted { result { complete sources { marketplace { id } } offers { edges { node { id } } } } }
} }"#;

/// graphql-ws (`graphql-transport-ws`): init, subscribe, then `next` messages until `complete`.
pub async fn subscribe(address: &str, query: &str) -> Vec<Value> {
    let url = format!("{}/graphql/ws", address.replace("http://", "ws://"));
    let mut request = url.into_client_request().expect("request");
    request.headers_mut().insert("Sec-WebSocket-Protocol", "graphql-transport-ws".parse().expect("header"));
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await.expect("websocket");
    socket.send(Message::text(json!({"type": "connection_init"}).to_string())).await.expect("init");
    let subscribe = json!({"id": "1", "type": "subscribe", "payload": {"query": query}});
    socket.send(Message::text(subscribe.to_string())).await.expect("subscribe");
    let mut events = Vec::new();
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    while let Ok(Some(message)) = tokio::time::timeout_at(deadline, socket.next()).await {
        let Ok(Message::Text(text)) = message else { continue };
        let message: Value = serde_json::from_str(&text).expect("JSON message");
        match message["type"].as_str() {
            Some("next") => events.push(message["payload"].clone()),
            Some("complete") => break,
            Some("error") => panic!("subscription refused: {message}"),
            _ => {}
        }
    }
    events
}

#[tokio::test]
async fn a_streamed_search_yields_each_marketplace_as_it_answers_then_the_merged_page() {
    let app = spawn_with_cors(|_| {}).await;
    let slow = pasar::sandbox::FaultConfig { latency_ms: 400, mode: "none".into(), ..Default::default() };
    app.sandbox("mbiz").faults().apply(&slow).expect("fault");
    let events = subscribe(&app.address, STREAM).await;
    assert_eq!(events.len(), 6, "five marketplaces then the merged page: {events:#?}");
    let kinds: Vec<&str> =
        events.iter().map(|e| e["data"]["searchStream"]["__typename"].as_str().unwrap_or("?")).collect();
    assert_eq!(
        kinds,
        [
            "MarketplaceAnswered",
            "MarketplaceAnswered",
            "MarketplaceAnswered",
            "MarketplaceAnswered",
            "MarketplaceAnswered",
            "SearchCompleted"
        ]
    );
    let order: Vec<&str> = events[..5]
        .iter()
        .map(|e| e["data"]["searchStream"]["source"]["marketplace"]["id"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(order.last(), Some(&"mbiz"), "the slow marketplace answers last: {order:?}");
    for event in &events[..5] {
        let answered = &event["data"]["searchStream"];
        let id = &answered["source"]["marketplace"]["id"];
        let offers = answered["offers"].as_array().expect("offers");
        assert!(!offers.is_empty() && offers.len() <= 3, "{answered}");
        assert!(offers.iter().all(|o| &o["marketplace"]["id"] == id), "{answered}");
        assert_eq!(answered["source"]["status"], "OK");
    }
    let merged = &events[5]["data"]["searchStream"]["result"];
    assert_eq!(merged["offers"]["edges"].as_array().map(Vec::len), Some(3), "{merged}");
    assert_eq!(merged["sources"].as_array().map(Vec::len), Some(5));
}

#[tokio::test]
async fn a_streamed_search_reports_a_failing_marketplace_as_an_event_with_a_coded_error() {
    let mut app = spawn_with_cors(|_| {}).await;
    app.stop_sandbox("padi-umkm").await;
    let events = subscribe(&app.address, STREAM).await;
    let failed = events
        .iter()
        .find(|e| e["data"]["searchStream"]["source"]["marketplace"]["id"] == "padi-umkm")
        .expect("an event for the stopped marketplace");
    assert_eq!(failed["data"]["searchStream"]["source"]["status"], "UPSTREAM_ERROR", "{failed}");
    assert_eq!(failed["errors"][0]["extensions"]["marketplace"], "padi-umkm", "{failed}");
    assert!(failed["errors"][0]["extensions"]["code"].is_string());
    assert!(events.last().is_some_and(|e| e["data"]["searchStream"]["__typename"] == "SearchCompleted"));
}

#[test]
fn the_installed_binary_serves_the_demo_from_an_empty_folder() {
    let empty = tempfile::tempdir().expect("temp dir");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_pasar"))
        .args(["serve", "--listen", "127.0.0.1:0", "--products", "300"])
        .current_dir(empty.path())
        .env_remove("PASAR_ADAPTERS_DIR")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("pasar starts");
    let mut stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    let url = loop {
        line.clear();
        let read = std::io::BufRead::read_line(&mut stdout, &mut line).expect("read stdout");
        if read == 0 {
            let _ = child.kill();
            panic!("pasar exited without serving");
        }
        if let Some(rest) = line.split("serving GraphQL at ").nth(1) {
            break rest.split_whitespace().next().expect("url").to_string();
        }
    };
    let answer: Result<Value, String> = (|| {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
        runtime.block_on(async {
            let client = reqwest::Client::builder().no_proxy().build().map_err(|e| e.to_string())?;
            let body = json!({"query": r#"{ search(query: "kertas", first: 2) { complete offers { edges { node { id } } } } }"#});
            let response = client.post(&url).json(&body).send().await.map_err(|e| e.to_string())?;
            response.json::<Value>().await.map_err(|e| e.to_string())
        })
    })();
    let _ = child.kill();
    let _ = child.wait();
    let answer = answer.expect("the demo answers");
    assert_eq!(answer["data"]["search"]["complete"], true, "{answer}");
    assert_eq!(answer["data"]["search"]["offers"]["edges"].as_array().map(Vec::len), Some(2), "{answer}");
}

#[tokio::test]
async fn a_browser_get_of_graphql_gets_graphiql_whose_every_asset_pasar_serves_itself() {
    let app = spawn_with_cors(|_| {}).await;
    let page = app
        .client
        .get(format!("{}/graphql", app.address))
        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
        .send()
        .await
        .expect("page");
    let csp = page.headers()["content-security-policy"].to_str().expect("ascii").to_string();
    assert!(csp.contains("default-src 'self'") && csp.contains("script-src 'self'"), "{csp}");
    let html = page.text().await.expect("html");
    let assets: Vec<&str> = html.split('"').filter(|part| part.starts_with("/graphiql/assets/")).collect();
    assert_eq!(assets.len(), 6, "{html}");
    assert!(!html.contains("https://") && !html.contains("http://"), "no other host: {html}");
    for asset in assets {
        let response = app.client.get(format!("{}{asset}", app.address)).send().await.expect("asset");
        assert_eq!(response.status(), 200, "{asset}");
        assert!(response.bytes().await.expect("bytes").len() > 100, "{asset}");
    }
    let licence =
        app.client.get(format!("{}/graphiql/assets/LICENSE-graphiql", app.address)).send().await.expect("licence");
    assert!(licence.text().await.expect("text").contains("MIT License"));
}
