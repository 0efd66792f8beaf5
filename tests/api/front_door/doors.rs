//! The same hostile set through every door — `POST`, `GET`, a batch, the WebSocket and the buyer's
//! pages — gets the same code from each, and the gateway is alive afterwards.

use super::socket::{self, Heard};
use crate::helpers::{TestApp, TestOptions, spawn_app_with};
use serde_json::{Value, json};
use sha2::Digest;
use std::sync::Arc;

/// Under the head limit set below, so that a `GET` over it is still a head the server reads.
const MAX_BODY: usize = 16 * 1024;

pub(super) fn options(rate_per_second: u32, rate_burst: u32) -> TestOptions {
    TestOptions {
        rate_per_second,
        rate_burst,
        configure: Arc::new(|config| {
            config.limits.max_body_bytes = MAX_BODY;
            config.http.max_header_bytes = 64 * 1024;
            config.http.cors_origins = vec!["https://app.example.go.id".into()];
        }),
        ..TestOptions::default()
    }
}

fn nested() -> String {
    format!(
        "{{ parsePrice(text: \"1\") {{ amount }} x: resolveRegion(text: {}\"a\"{}) {{ input }} }}",
        "[".repeat(2_500),
        "]".repeat(2_500)
    )
}

/// A list nested 2,500 deep on the line after a comment ended by `terminator`.
fn after_comment(terminator: &str) -> String {
    format!("{{ parsePrice(text: #{terminator}{}\"1\"{}) {{ amount }} }}", "[".repeat(2_500), "]".repeat(2_500))
}

fn aliases() -> String {
    format!("{{ {} }}", (0..40).map(|i| format!("a{i}: parsePrice(text: \"1\") {{ amount }} ")).collect::<String>())
}

/// Five spending rankings over different years: each asks every ledger for every kab/kota.
fn rankings() -> String {
    let ranked = |i: usize| format!("r{i}: spendingRanking(province: \"35\", year: {}) {{ __typename }} ", 2020 + i);
    format!("{{ {} }}", (0..5).map(ranked).collect::<String>())
}

fn wide() -> String {
    format!("{{ {} }}", (0..5).map(|i| format!("s{i}: search(query: \"kertas\") {{ complete }} ")).collect::<String>())
}

/// `query { ...F0 }` where each fragment spreads the next twice, `levels` deep, ending in `leaf`.
pub(super) fn doubling(levels: usize, leaf: &str) -> String {
    let chain: String =
        (0..levels).map(|i| format!("fragment F{i} on Query {{ ...F{} ...F{} }} ", i + 1, i + 1)).collect();
    format!("query {{ ...F0 }} {chain} fragment F{levels} on Query {{ {leaf} }}")
}

/// `{ a { a { … } } }`, `depth` fields deep (unknown fields: admission counts before validation).
fn deep_fields(depth: usize) -> String {
    format!("{{ {}a{} }}", "a { ".repeat(depth - 1), " }".repeat(depth - 1))
}

fn huge() -> String {
    format!("{{ marketplaces {{ id }} }} #{}", "x".repeat(MAX_BODY + 1))
}

/// The code and limit of the first error of an HTTP answer.
async fn code_of(response: reqwest::Response) -> (u16, String, String) {
    let status = response.status().as_u16();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    let extensions = &body["errors"][0]["extensions"];
    (status, extensions["code"].as_str().unwrap_or("?").into(), extensions["limit"].as_str().unwrap_or("").into())
}

pub(super) async fn by_post(app: &TestApp, body: Value) -> (u16, String, String) {
    code_of(app.client.post(format!("{}/graphql", app.address)).json(&body).send().await.expect("POST")).await
}

pub(super) async fn by_get(app: &TestApp, query: &str) -> (u16, String, String) {
    let url = format!("{}/graphql", app.address);
    let response = app.client.get(url).query(&[("query", query)]).header("accept", "application/json").send();
    code_of(response.await.expect("GET")).await
}

pub(super) async fn by_socket(app: &TestApp, query: &str) -> (u16, String, String) {
    let mut socket = socket::open_acked(&app.address, json!({})).await;
    socket.subscribe("1", json!({"query": query})).await;
    let answer = socket.answer("1").await;
    assert_eq!(answer["type"], "error", "{answer}");
    let extensions = &answer["payload"][0]["extensions"];
    (0, extensions["code"].as_str().unwrap_or("?").into(), extensions["limit"].as_str().unwrap_or("").into())
}

#[tokio::test]
async fn every_door_refuses_the_same_hostile_documents_with_the_same_code_and_limit() {
    let app = spawn_app_with(options(10_000, 10_000)).await;
    let cases = [
        ("a list nested 2,500 deep", nested(), "QUERY_TOO_COMPLEX", "max_nesting"),
        // The parser ends a comment at `\r`; a scan that ended it only at `\n` let this through to
        // the parser, whose recursion over 2,500 brackets aborts the process.
        ("a list nested 2,500 deep after `#\\r`", after_comment("\r"), "QUERY_TOO_COMPLEX", "max_nesting"),
        ("a list nested 2,500 deep after `#\\r\\n`", after_comment("\r\n"), "QUERY_TOO_COMPLEX", "max_nesting"),
        ("40 aliases", aliases(), "QUERY_TOO_COMPLEX", "max_aliases"),
        ("five searches", wide(), "QUERY_TOO_COMPLEX", "max_fan_out_fields"),
        ("five spending rankings", rankings(), "QUERY_TOO_COMPLEX", "max_fan_out_fields"),
        (
            "one spending figure spread eight times",
            doubling(3, "spending(buyer: \"35.78\", year: 2025) { __typename }"),
            "QUERY_TOO_COMPLEX",
            "max_fan_out_fields",
        ),
        // 1.3 KB selecting 2^30 fields once spread: it pinned a worker and took the process past 23 GB.
        (
            "fragments spreading each other 2^30 times",
            doubling(30, "__typename"),
            "QUERY_TOO_COMPLEX",
            "max_complexity",
        ),
        (
            "one search spread eight times",
            doubling(3, "search(query: \"kertas\") { complete }"),
            "QUERY_TOO_COMPLEX",
            "max_fan_out_fields",
        ),
        // async-graphql's own depth check answered GRAPHQL_VALIDATION_FAILED, naming no limit.
        ("fields nested 17 deep", deep_fields(17), "QUERY_TOO_COMPLEX", "max_depth"),
        ("a document over the size limit", huge(), "REQUEST_TOO_LARGE", "max_body_bytes"),
    ];
    for (name, query, code, limit) in cases {
        let post = by_post(&app, json!({"query": query})).await;
        let batch = by_post(&app, json!([{"query": "{ marketplaces { id } }"}, {"query": query}])).await;
        let get = by_get(&app, &query).await;
        let socket = by_socket(&app, &query).await;
        for (door, (_, got_code, got_limit)) in [("POST", &post), ("batch", &batch), ("GET", &get), ("socket", &socket)]
        {
            assert_eq!((got_code.as_str(), got_limit.as_str()), (code, limit), "{name} through {door}");
        }
        let status = if code == "REQUEST_TOO_LARGE" { 413 } else { 400 };
        assert_eq!((post.0, batch.0, get.0), (status, status, status), "{name}");
    }
    app.assert_serving().await;
}

#[tokio::test]
async fn a_batch_of_hash_only_requests_is_measured_by_the_documents_it_names() {
    let app = spawn_app_with(options(10_000, 10_000)).await;
    let query = "{ search(query: \"kertas\", first: 1) { complete } }";
    let hash: String = sha2::Sha256::digest(query.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    let persisted = json!({"persistedQuery": {"version": 1, "sha256Hash": hash}});
    let registered = by_post(&app, json!({"query": query, "extensions": persisted})).await;
    assert_eq!(registered.0, 200);
    let batch: Vec<Value> = (0..10).map(|_| json!({"extensions": persisted})).collect();
    let (status, code, limit) = by_post(&app, json!(batch)).await;
    assert_eq!((status, code.as_str(), limit.as_str()), (400, "QUERY_TOO_COMPLEX", "max_fan_out_fields"));
    let four: Vec<Value> = (0..4).map(|_| json!({"extensions": persisted})).collect();
    let answered: Value = app
        .client
        .post(format!("{}/graphql", app.address))
        .json(&four)
        .send()
        .await
        .expect("POST")
        .json()
        .await
        .expect("JSON");
    assert_eq!(answered.as_array().map(Vec::len), Some(4), "four fit the fan-out limit: {answered}");
    assert!(
        answered.as_array().into_iter().flatten().all(|a| a["data"]["search"]["complete"].is_boolean()),
        "{answered}"
    );
}

#[tokio::test]
async fn a_page_from_a_foreign_origin_is_refused_at_every_door() {
    let app = spawn_app_with(options(10_000, 10_000)).await;
    let evil = "https://evil.example";
    let post = app.client.post(format!("{}/graphql", app.address)).header("origin", evil);
    let post = code_of(post.json(&json!({"query": "{ marketplaces { id } }"})).send().await.expect("POST")).await;
    assert_eq!((post.0, post.1.as_str()), (403, "ORIGIN_NOT_ALLOWED"));
    let refused = socket::open(&app.address, &[("origin", evil)]).await.err().expect("refused");
    assert_eq!(refused.0, 403);
    assert!(refused.1.contains("ORIGIN_NOT_ALLOWED"), "{}", refused.1);
    let allowed = socket::open(&app.address, &[("origin", "https://app.example.go.id")]).await;
    assert!(allowed.is_ok(), "a listed origin opens a socket");
    let own = format!("http://{}", app.address.trim_start_matches("http://"));
    assert!(socket::open(&app.address, &[("origin", own.as_str())]).await.is_ok(), "the gateway's own pages");
    let page = app.client.get(format!("{}/?q=kertas", app.address)).header("origin", evil).send().await.expect("page");
    assert_eq!(page.status(), 403);
    assert!(page.text().await.unwrap_or_default().contains("ORIGIN_NOT_ALLOWED"));
}

#[tokio::test]
async fn one_budget_covers_every_door_and_rotating_keys_does_not_refill_it() {
    let app = spawn_app_with(options(1, 6)).await;
    let cheap = "{ marketplaces { id } }";
    let key = |i: usize| format!("rotated-{i}");
    // Use the budget: two POSTs, a GET, a page, a socket handshake and one subscribe.
    for i in 0..2 {
        let response = app.client.post(format!("{}/graphql", app.address)).header("x-api-key", key(i));
        assert_eq!(response.json(&json!({"query": cheap})).send().await.expect("POST").status(), 200);
    }
    assert_eq!(by_get(&app, cheap).await.0, 200);
    let page = app.client.get(format!("{}/survey.csv", app.address)).header("x-api-key", key(3)).send().await;
    assert_eq!(page.expect("page").status(), 400, "no search text, but through the door");
    let mut socket = socket::open_acked(&app.address, json!({"apiKey": key(4)})).await;
    socket.subscribe("1", json!({"query": cheap})).await;
    assert_eq!(socket.answer("1").await["type"], "next");
    // Drain whatever refilled meanwhile, so what follows runs on an empty budget.
    let mut drained = false;
    for i in 0..5 {
        let post = app.client.post(format!("{}/graphql", app.address)).header("x-api-key", key(10 + i));
        if post.json(&json!({"query": cheap})).send().await.expect("POST").status() == 429 {
            drained = true;
            break;
        }
    }
    assert!(drained, "the budget of six ran out");
    let post = app.client.post(format!("{}/graphql", app.address)).header("x-api-key", key(20));
    let post = code_of(post.json(&json!({"query": cheap})).send().await.expect("POST")).await;
    let get = by_get(&app, cheap).await;
    socket.subscribe("2", json!({"query": cheap})).await;
    let subscribed = socket.answer("2").await;
    let handshake = socket::open(&app.address, &[("x-api-key", "rotated-30")]).await.err().expect("refused");
    let page =
        app.client.get(format!("{}/?q=kertas", app.address)).header("x-api-key", key(40)).send().await.expect("page");
    assert_eq!((post.0, post.1.as_str()), (429, "RATE_LIMITED"));
    assert_eq!((get.0, get.1.as_str()), (429, "RATE_LIMITED"));
    assert_eq!(subscribed["type"], "error", "{subscribed}");
    assert_eq!(subscribed["payload"][0]["extensions"]["code"], "RATE_LIMITED", "{subscribed}");
    assert_eq!(handshake.0, 429);
    assert_eq!(page.status(), 429);
    assert!(page.headers().contains_key("retry-after"));
    assert!(page.text().await.unwrap_or_default().contains("RATE_LIMITED"));
    app.assert_serving().await;
}

#[tokio::test]
async fn the_process_survives_the_hostile_set_over_one_socket() {
    let app = spawn_app_with(options(10_000, 10_000)).await;
    let mut socket = socket::open_acked(&app.address, json!({})).await;
    for (i, query) in [nested(), aliases(), wide(), huge()].iter().enumerate() {
        socket.subscribe(&i.to_string(), json!({"query": query})).await;
        assert_eq!(socket.answer(&i.to_string()).await["type"], "error");
    }
    socket.subscribe("ok", json!({"query": "{ marketplaces { id } }"})).await;
    let answer = socket.answer("ok").await;
    assert_eq!(answer["type"], "next", "the socket still serves: {answer}");
    assert!(!matches!(socket.hear(std::time::Duration::from_millis(50)).await, Heard::Closed(..)));
    app.assert_serving().await;
}

#[tokio::test]
async fn an_argument_that_does_not_coerce_is_the_clients_error_with_a_code_at_every_door() {
    let app = spawn_app_with(options(10_000, 10_000)).await;
    let queries = [
        "{ search(query: \"kertas\", first: 1099511627776) { complete } }",
        "{ search(query: \"kertas\", filter: { minPrice: \"abc\" }) { complete } }",
    ];
    for query in queries {
        let (post, get) = (by_post(&app, json!({"query": query})).await, by_get(&app, query).await);
        let mut socket = socket::open_acked(&app.address, json!({})).await;
        socket.subscribe("1", json!({"query": query})).await;
        let answer = socket.answer("1").await;
        let errors = if answer["type"] == "error" { &answer["payload"] } else { &answer["payload"]["errors"] };
        let socket_code = errors[0]["extensions"]["code"].as_str().unwrap_or("?");
        for (door, code) in [("POST", post.1.as_str()), ("GET", get.1.as_str()), ("socket", socket_code)] {
            assert!(["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"].contains(&code), "{query} through {door}: {code}");
        }
        assert_eq!((post.1.as_str(), get.1.as_str()), (socket_code, socket_code), "{query}: the same at every door");
    }
}

#[tokio::test]
async fn a_search_text_with_a_control_character_is_refused_and_never_echoed() {
    let app = spawn_app_with(options(10_000, 10_000)).await;
    let search = "query($q: String!) { search(query: $q) { complete } }";
    let answer = app.graphql(search, json!({ "q": "kertas\u{0}hvs" })).await;
    assert_eq!(answer["errors"][0]["extensions"]["code"], "BAD_USER_INPUT", "{answer}");
    let tabbed = app.graphql(search, json!({ "q": "kertas\thvs" })).await;
    assert_eq!(tabbed["data"]["search"]["complete"], true, "whitespace is no control character to refuse: {tabbed}");
    for page in ["/", "/survey", "/survey.csv"] {
        let response = app.client.get(format!("{}{page}?q=kertas%00hvs", app.address)).send().await.expect("page");
        assert_eq!(response.status(), 400, "{page}");
        let text = response.text().await.expect("text");
        assert!(!text.contains('\u{0}') && text.contains("karakter kontrol"), "{page}: {text}");
    }
}

#[tokio::test]
async fn each_operation_of_a_batch_takes_one_request_from_the_budget() {
    let app = spawn_app_with(options(1, 12)).await;
    let batch = json!((0..10).map(|_| json!({"query": "{ __typename }"})).collect::<Vec<_>>());
    let post = || app.client.post(format!("{}/graphql", app.address)).json(&batch).send();
    assert_eq!(post().await.expect("first batch").status(), 200, "10 operations of a budget of 12");
    let (status, code, _) = code_of(post().await.expect("second batch")).await;
    assert_eq!((status, code.as_str()), (429, "RATE_LIMITED"), "20 operations are over a budget of 12");
}
