//! A document refused at admission is never registered under its hash, whichever limit refused
//! it (README, "Automatic persisted queries") and whichever door it was sent through: an Apollo
//! client retrying by hash must hear `PERSISTED_QUERY_NOT_FOUND` and resend, not the limit again.

use super::socket;
use crate::helpers::{TestApp, spawn_app};
use serde_json::{Value, json};
use sha2::Digest;

/// Five searches: one over `max_fan_out_fields` (4), counted after each document is measured.
fn five_searches(door: &str) -> String {
    let searches: String =
        (0..5).map(|i| format!("s{i}: search(query: \"kertas\", first: 1) {{ complete }} ")).collect();
    format!("# {door}\n{{ {searches} }}")
}

fn persisted(query: &str) -> Value {
    let hash: String = sha2::Sha256::digest(query.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    json!({"persistedQuery": {"version": 1, "sha256Hash": hash}})
}

/// The first error's code and limit of an answer.
fn refusal(answer: &Value) -> (String, String) {
    let extensions = &answer["errors"][0]["extensions"];
    (extensions["code"].as_str().unwrap_or("?").into(), extensions["limit"].as_str().unwrap_or("").into())
}

async fn post(app: &TestApp, body: Value) -> Value {
    let response = app.client.post(format!("{}/graphql", app.address)).json(&body).send().await.expect("POST");
    response.json().await.expect("JSON")
}

/// Sends `query` with its hash through `door`; returns the answer.
async fn register(app: &TestApp, door: &str, query: &str) -> Value {
    let request = json!({"query": query, "extensions": persisted(query)});
    match door {
        "POST" => post(app, request).await,
        "batch" => post(app, json!([{"query": "{ __typename }"}, request])).await,
        "GET" => {
            let extensions = persisted(query).to_string();
            let url = format!("{}/graphql", app.address);
            let get = app.client.get(url).query(&[("query", query), ("extensions", &extensions)]);
            get.header("accept", "application/json").send().await.expect("GET").json().await.expect("JSON")
        }
        _ => {
            let mut socket = socket::open_acked(&app.address, json!({})).await;
            socket.subscribe("1", request).await;
            let answer = socket.answer("1").await;
            json!({"errors": answer["payload"]})
        }
    }
}

#[tokio::test]
async fn a_document_over_the_fan_out_limit_is_not_registered_at_any_door() {
    let app = spawn_app().await;
    for door in ["POST", "batch", "GET", "socket"] {
        let query = five_searches(door);
        let refused = register(&app, door, &query).await;
        assert_eq!(refusal(&refused), ("QUERY_TOO_COMPLEX".into(), "max_fan_out_fields".into()), "{door}: {refused}");
        let by_hash = post(&app, json!({"extensions": persisted(&query)})).await;
        assert_eq!(
            refusal(&by_hash).0,
            "PERSISTED_QUERY_NOT_FOUND",
            "{door}: the refused document was kept: {by_hash}"
        );
    }
}

#[tokio::test]
async fn a_document_within_the_limits_is_still_registered_and_runs_by_hash() {
    let app = spawn_app().await;
    let query = "{ marketplaces { id } }";
    let registered = post(&app, json!({"query": query, "extensions": persisted(query)})).await;
    assert!(registered["data"]["marketplaces"].is_array(), "{registered}");
    let by_hash = post(&app, json!({"extensions": persisted(query)})).await;
    assert!(by_hash["data"]["marketplaces"].is_array(), "{by_hash}");
}
