//! Hostile clients: rejected before parsing, quickly, with the limit named, at no marketplace's cost.

use crate::helpers::{SEARCH, TestApp, spawn_app};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// Posts a raw body and returns status, the `Retry-After` header and the JSON body.
async fn post(app: &TestApp, content_type: &str, body: Vec<u8>) -> (u16, Option<String>, Value) {
    let response = app
        .client
        .post(format!("{}/graphql", app.address))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .expect("gateway answers");
    let status = response.status().as_u16();
    let retry_after = response.headers().get("retry-after").and_then(|v| v.to_str().ok()).map(str::to_string);
    (status, retry_after, response.json().await.unwrap_or(Value::Null))
}

fn query(text: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({ "query": text })).expect("json")
}

fn assert_rejected(status: u16, body: &Value, expected_status: u16, code: &str) {
    assert_eq!(status, expected_status, "{body}");
    assert_eq!(body["errors"][0]["extensions"]["code"], code, "{body}");
}

#[tokio::test]
async fn hostile_requests_are_refused_fast_naming_the_limit_and_cost_no_marketplace_anything() {
    let app = spawn_app().await;
    let nested = format!(
        "{{ search(query: \"x\", filter: {{ marketplaces: {}\"mbiz\"{} }}) {{ complete }} }}",
        "[".repeat(5_000),
        "]".repeat(5_000)
    );
    let aliases: String = (0..1_000).map(|i| format!("a{i}: parsePrice(text: \"1\") {{ amount }} ")).collect();
    let batch: Vec<Value> = (0..300).map(|_| json!({ "query": "{ marketplaces { id } }" })).collect();
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        ("a 5 MB body", query(&"#".repeat(5 * 1024 * 1024)), 413, "REQUEST_TOO_LARGE"),
        ("5000 nested brackets", query(&nested), 400, "QUERY_TOO_COMPLEX"),
        ("a thousand aliases", query(&format!("{{ {aliases} }}")), 400, "QUERY_TOO_COMPLEX"),
        ("a batch of 300", serde_json::to_vec(&batch).expect("json"), 400, "QUERY_TOO_COMPLEX"),
        (
            "twenty searches by alias",
            query(&format!(
                "{{ {} }}",
                (0..20).map(|i| format!("s{i}: search(query: \"kertas\") {{ complete }} ")).collect::<String>()
            )),
            400,
            "QUERY_TOO_COMPLEX",
        ),
        ("a body that is not JSON", b"{ search".to_vec(), 400, "BAD_REQUEST"),
    ];
    for (name, body, status, code) in cases {
        let started = Instant::now();
        let (got, _, response) = post(&app, "application/json", body).await;
        // Refused before any work: well under the marketplaces' 10 s deadline even on a loaded machine.
        assert!(started.elapsed() < Duration::from_secs(3), "{name} took {:?}", started.elapsed());
        assert_rejected(got, &response, status, code);
    }
    assert!(app.sandboxes.iter().all(|s| s.requests_served() == 0), "no rejected request reached a marketplace");
    let still = app.graphql(SEARCH, json!({ "query": "kertas", "first": 3 })).await;
    assert_eq!(still["data"]["search"]["complete"], true, "the gateway is still serving");
    app.assert_serving().await;
}

#[tokio::test]
async fn a_form_post_is_refused_as_a_cross_site_request() {
    let app = spawn_app().await;
    let (status, _, body) =
        post(&app, "application/x-www-form-urlencoded", b"query=%7Bmarketplaces%7Bid%7D%7D".to_vec()).await;
    assert_rejected(status, &body, 415, "UNSUPPORTED_CONTENT_TYPE");
    let (status, _, body) = post(&app, "text/plain", query("{ marketplaces { id } }")).await;
    assert_rejected(status, &body, 415, "UNSUPPORTED_CONTENT_TYPE");
}

#[tokio::test]
async fn a_client_over_its_budget_gets_429_with_retry_after() {
    let app = crate::helpers::spawn_app_with(crate::helpers::TestOptions {
        rate_per_second: 1,
        rate_burst: 3,
        ..Default::default()
    })
    .await;
    let mut refused = None;
    for _ in 0..10 {
        let (status, retry_after, body) = post(&app, "application/json", query("{ marketplaces { id } }")).await;
        if status == 429 {
            refused = Some((retry_after, body));
            break;
        }
    }
    let (retry_after, body) = refused.expect("the fourth quick request is refused");
    assert_eq!(body["errors"][0]["extensions"]["code"], "RATE_LIMITED");
    assert!(retry_after.and_then(|s| s.parse::<u64>().ok()).is_some_and(|s| s >= 1));
}

#[tokio::test]
async fn a_browser_over_its_budget_loading_graphiql_is_told_in_text_as_on_the_buyer_pages() {
    let app = crate::helpers::spawn_app_with(crate::helpers::TestOptions {
        rate_per_second: 1,
        rate_burst: 2,
        ..Default::default()
    })
    .await;
    let load = || app.client.get(format!("{}/graphql", app.address)).header("accept", "text/html").send();
    let mut refused = None;
    for _ in 0..10 {
        let response = load().await.expect("answer");
        if response.status() == 429 {
            refused = Some(response);
            break;
        }
    }
    let refused = refused.expect("a quick load past the budget is refused");
    let content_type = refused.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(content_type.starts_with("text/plain"), "{content_type}");
    assert!(refused.text().await.unwrap_or_default().contains("(RATE_LIMITED)"));
}

#[tokio::test]
async fn purge_cache_is_refused_without_the_admin_token_and_allowed_with_it() {
    let app = crate::helpers::spawn_app_with(crate::helpers::TestOptions {
        admin_token: Some("s3cret-admin".into()),
        ..Default::default()
    })
    .await;
    app.graphql(SEARCH, json!({ "query": "amplop", "first": 3 })).await;
    let mutation = query("mutation { purgeCache { entriesBefore } }");
    let (_, _, refused) = post(&app, "application/json", mutation.clone()).await;
    assert_eq!(refused["errors"][0]["extensions"]["code"], "FORBIDDEN", "{refused}");
    let served = app.sandbox("mbiz").requests_served();
    app.graphql(SEARCH, json!({ "query": "amplop", "first": 3 })).await;
    assert_eq!(app.sandbox("mbiz").requests_served(), served, "nothing was purged");
    let response = app
        .client
        .post(format!("{}/graphql", app.address))
        // The scheme in lower case, as several clients send it (RFC 9110 §11.1; review 25 R10).
        .header("authorization", "bearer s3cret-admin")
        .header("content-type", "application/json")
        .body(mutation)
        .send()
        .await
        .expect("answer");
    let purged: Value = response.json().await.expect("json");
    assert!(purged["data"]["purgeCache"]["entriesBefore"].as_i64().is_some_and(|n| n > 0), "{purged}");
    app.graphql(SEARCH, json!({ "query": "amplop", "first": 3 })).await;
    assert!(app.sandbox("mbiz").requests_served() > served, "after the purge the marketplace is asked again");
}
