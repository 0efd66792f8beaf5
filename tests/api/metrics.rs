//! `/metrics`: the series an operator scrapes, and who may read them.

use crate::helpers::{SEARCH, TEST_PRODUCTS, TestOptions, spawn_app, spawn_app_with};
use crate::served::Served;
use pasar::sandbox::{self, FaultMode, Quirks, SandboxOptions};
use serde_json::json;

/// The value of the first sample of `name` whose labels include every one of `labels`.
pub(crate) fn sample(text: &str, name: &str, labels: &[&str]) -> Option<f64> {
    text.lines()
        .filter(|line| line.starts_with(&format!("{name}{{")) || line.starts_with(&format!("{name} ")))
        .find(|line| labels.iter().all(|label| line.contains(label)))
        .and_then(|line| line.rsplit(' ').next()?.parse().ok())
}

pub(crate) async fn scrape(app: &crate::helpers::TestApp) -> String {
    let response = app.client.get(format!("{}/metrics", app.address)).send().await.expect("answer");
    assert_eq!(response.status(), 200);
    response.text().await.expect("text")
}

#[tokio::test]
async fn after_a_search_metrics_show_every_marketplace_the_doors_and_the_cache() {
    let app = spawn_app().await;
    let before = scrape(&app).await;
    let first = app.graphql(SEARCH, json!({ "query": "kertas metrics", "first": 5 })).await;
    assert_eq!(first["data"]["search"]["complete"], true, "{first}");
    app.graphql(SEARCH, json!({ "query": "kertas metrics", "first": 5 })).await;
    let text = scrape(&app).await;

    for sandbox in &app.sandboxes {
        let id = format!("marketplace=\"{}\"", sandbox.kind().id());
        let name = "pasar_marketplace_requests_total";
        let (was, now) = (sample(&before, name, &[&id, "status=\"OK\""]), sample(&text, name, &[&id, "status=\"OK\""]));
        assert!(now >= Some(was.unwrap_or(0.0) + 2.0), "{id}: two searches counted ({was:?} then {now:?})");
        let upstream = sample(&text, "pasar_marketplace_request_duration_seconds_count", &[&id]);
        assert!(upstream >= Some(1.0), "{id}: upstream time recorded");
        for result in ["result=\"miss\"", "result=\"hit\""] {
            assert!(sample(&text, "pasar_cache_lookups_total", &[&id, result]) >= Some(1.0), "{id} {result}");
        }
        assert!(sample(&text, "pasar_breaker_state", &[&id]) == Some(0.0), "{id}: breaker closed");
    }
    let requests = sample(&text, "pasar_http_requests_total", &["operation=\"graphql\"", "outcome=\"ok\""]);
    assert!(requests >= Some(2.0), "GraphQL requests counted: {requests:?}");
    assert!(sample(&text, "pasar_http_request_duration_seconds_count", &["operation=\"graphql\""]) >= Some(2.0));
    // The gauge is set from this app's cache as its `/metrics` is rendered, but the recorder is
    // the process's, shared by every app this test binary runs at once: another app's scrape can
    // set it to its own cache's bytes between the two. One of a few scrapes shows this app's.
    let mut cached = Vec::new();
    for _ in 0..5 {
        cached.push(sample(&scrape(&app).await, "pasar_cache_bytes", &[]));
        if cached.last().is_some_and(|bytes| *bytes > Some(0.0)) {
            break;
        }
    }
    assert!(cached.last().is_some_and(|bytes| *bytes > Some(0.0)), "the cache holds the pages: {cached:?}");
    assert!(sample(&text, "pasar_build_info", &[env!("CARGO_PKG_VERSION")]) == Some(1.0));
    assert!(!text.contains("kertas"), "no query text in any label");
}

#[tokio::test]
async fn a_refusal_is_counted_by_its_reason() {
    let app = spawn_app().await;
    let big = "x".repeat(300_000);
    let response = app
        .client
        .post(format!("{}/graphql", app.address))
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .expect("answer");
    assert_eq!(response.status(), 413);
    let text = scrape(&app).await;
    assert!(sample(&text, "pasar_refused_total", &["reason=\"REQUEST_TOO_LARGE\""]) >= Some(1.0), "{text}");
}

#[tokio::test]
async fn with_a_metrics_token_metrics_need_it_even_on_loopback() {
    let env = vec![("PASAR_METRICS_TOKEN".to_string(), "metrics-s3cret".to_string())];
    let app = spawn_app_with(TestOptions { env, ..TestOptions::default() }).await;
    let url = format!("{}/metrics", app.address);
    let bare = app.client.get(&url).send().await.expect("answer");
    assert_eq!(bare.status(), 404, "no token, no metrics");
    let wrong = app.client.get(&url).bearer_auth("guess").send().await.expect("answer");
    assert_eq!(wrong.status(), 404);
    let right = app.client.get(&url).bearer_auth("metrics-s3cret").send().await.expect("answer");
    assert_eq!(right.status(), 200);
    // The scheme is case-insensitive (RFC 9110 §11.1; review 25 R10): scrapers send `bearer`.
    let lower = app.client.get(&url).header("authorization", "bearer metrics-s3cret").send().await.expect("answer");
    assert_eq!(lower.status(), 200);
    assert!(right.text().await.expect("text").contains("pasar_build_info"));
}

/// Through the binary, whose metrics are its own (the in-process apps of this test binary share
/// one recorder): a marketplace found ignoring the page asked for is told once, as a log line
/// and a count, however many searches read it afterwards.
#[tokio::test]
async fn a_does_not_page_verdict_is_logged_once_and_counted() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let quirks = Quirks { max_page_size: Some(10), max_matches: Some(30), ignores_paging: true, ..Quirks::default() };
    let ekatalog = sandboxes.iter().find(|s| s.kind().id() == "ekatalog").expect("ekatalog");
    ekatalog.state().set_quirks(quirks).expect("quirks apply");
    let gateway = Served::start(&sandboxes, "", "", &[]).await;
    for query in ["2", "1", "kertas"] {
        let variables = json!({ "query": query, "first": 60, "filter": { "marketplaces": ["ekatalog"] } });
        let body = json!({ "query": SEARCH, "variables": variables });
        let answer = gateway.graphql(&body).await;
        assert!(answer["errors"].is_null(), "{answer}");
    }
    let text = gateway.metrics().await;
    assert_eq!(sample(&text, "pasar_paging_ignored_total", &["marketplace=\"ekatalog\""]), Some(1.0), "{text}");
    let logs = gateway.terminate();
    let told: Vec<&str> = logs.lines().filter(|l| l.contains("ignores the page position")).collect();
    assert_eq!(told.len(), 1, "{logs}");
    assert!(told[0].contains("ekatalog") && told[0].contains("WARN"), "{}", told[0]);
}

/// Review 25 R2, R3: a search the open breaker refused was timed as an upstream call, and a
/// lookup whose load failed was not counted as a miss. Through the binary, whose metrics are
/// its own.
#[tokio::test]
async fn a_marketplace_that_is_down_shows_its_misses_and_times_only_the_calls_made() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let down = sandboxes.iter().find(|s| s.kind().id() == "mbiz").expect("mbiz");
    down.faults().set_mode(FaultMode::Status(500));
    let top = "[limits.rate]\nper_second = 100000\nburst = 100000";
    let gateway = Served::start(&sandboxes, top, "", &[]).await;
    for i in 0..30 {
        let variables = json!({ "query": format!("kertas {i}"), "first": 3, "filter": { "marketplaces": ["mbiz"] } });
        gateway.graphql(&json!({ "query": SEARCH, "variables": variables })).await;
    }
    let text = gateway.metrics().await;
    let mbiz = "marketplace=\"mbiz\"";
    let parts = |status: &str| sample(&text, "pasar_marketplace_requests_total", &[mbiz, status]).unwrap_or(0.0);
    let (failed, refused) = (parts("status=\"UPSTREAM_ERROR\""), parts("status=\"CIRCUIT_OPEN\""));
    assert!(refused >= 20.0 && failed >= 1.0, "the breaker opened: {failed} failed, {refused} refused\n{text}");
    // Only the calls made are timed; every lookup missed, whatever its load came to.
    let timed = sample(&text, "pasar_marketplace_request_duration_seconds_count", &[mbiz]);
    let misses = sample(&text, "pasar_cache_lookups_total", &[mbiz, "result=\"miss\""]);
    assert_eq!((timed, misses), (Some(failed), Some(30.0)), "(calls timed, misses)");
}

/// Review 25 R11: every GraphQL answer with 200 was counted `ok`, errors or not.
#[tokio::test]
async fn graphql_requests_are_counted_by_what_their_answer_says_not_by_its_status() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let gateway = Served::start(&sandboxes, "", "", &[]).await;
    let unknown_region = "{ search(query: \"kertas\", first: 3, buyer: { regionCode: \"99.99\" }) { complete } }";
    let asked = [("{ search(query: ", "GRAPHQL_PARSE_FAILED"), ("{ nope }", "GRAPHQL_VALIDATION_FAILED")];
    for (query, code) in asked.iter().chain(&[(unknown_region, "BAD_USER_INPUT")]) {
        let answer = gateway.graphql(&json!({ "query": query })).await;
        assert_eq!(answer["errors"][0]["extensions"]["code"], *code, "{answer}");
    }
    let fine = gateway.graphql(&json!({ "query": SEARCH, "variables": { "query": "kertas", "first": 3 } })).await;
    assert!(fine["errors"].is_null(), "{fine}");
    let text = gateway.metrics().await;
    let requests = |outcome: &str| {
        sample(&text, "pasar_http_requests_total", &["operation=\"graphql\"", &format!("outcome=\"{outcome}\"")])
    };
    assert_eq!((requests("ok"), requests("refused"), requests("error")), (Some(1.0), Some(2.0), Some(1.0)), "{text}");
    for (_, code) in asked {
        let reason = format!("reason=\"{code}\"");
        assert_eq!(sample(&text, "pasar_refused_total", &[&reason]), Some(1.0), "{code}\n{text}");
    }
}

/// An APQ hash not stored yet is how every new client's first use of a hash goes: counted
/// `refused`, it made each new browser look like an attack or a bug on a refusals dashboard.
#[tokio::test]
async fn a_persisted_query_not_found_yet_is_an_apq_miss_not_a_refusal() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let gateway = Served::start(&sandboxes, "", "", &[]).await;
    let query = "{ search(query: \"kertas apq\", first: 2) { complete } }";
    let hash = json!({ "persistedQuery": { "version": 1, "sha256Hash": crate::frontend::sha256(query) } });
    let by_hash = json!({ "extensions": hash });
    let missed = gateway.graphql(&by_hash).await;
    assert_eq!(missed["errors"][0]["extensions"]["code"], "PERSISTED_QUERY_NOT_FOUND", "{missed}");
    let registered = gateway.graphql(&json!({ "query": query, "extensions": hash })).await;
    assert!(registered["errors"].is_null(), "{registered}");
    let stored = gateway.graphql(&by_hash).await;
    assert_eq!(stored["data"], registered["data"], "{stored}");
    let text = gateway.metrics().await;
    let requests = |outcome: &str| {
        sample(&text, "pasar_http_requests_total", &["operation=\"graphql\"", &format!("outcome=\"{outcome}\"")])
    };
    assert_eq!((requests("ok"), requests("apq_miss"), requests("refused")), (Some(2.0), Some(1.0), None), "{text}");
    let reason = "reason=\"PERSISTED_QUERY_NOT_FOUND\"";
    assert_eq!(sample(&text, "pasar_refused_total", &[reason]), None, "{text}");
}
