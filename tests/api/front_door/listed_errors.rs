//! A document validation refuses for many reasons is answered with the first 20 and a count of
//! the rest, through every door: 3,000 unknown arguments in 23 KB were answered with 530 KB of
//! errors, 5.3 MB for a batch of ten (review38h R38h-2).

use super::socket;
use crate::helpers::spawn_app;
use serde_json::{Value, json};

/// `{ marketplaces(a0: 1, …) { id } }`: each argument unknown, each one validation error.
fn unknown_arguments(count: usize) -> String {
    let arguments: Vec<String> = (0..count).map(|i| format!("a{i}: 1")).collect();
    format!("{{ marketplaces({}) {{ id }} }}", arguments.join(", "))
}

/// The messages of `errors`, each checked to carry the validation code.
fn messages(errors: &Value, door: &str) -> Vec<String> {
    let errors = errors.as_array().unwrap_or_else(|| panic!("{door}: no error list: {errors}"));
    for error in errors {
        assert_eq!(error["extensions"]["code"], "GRAPHQL_VALIDATION_FAILED", "{door}: {error}");
    }
    errors.iter().map(|e| e["message"].as_str().unwrap_or_default().to_string()).collect()
}

#[tokio::test]
async fn a_document_with_hundreds_of_validation_errors_lists_twenty_and_counts_the_rest_at_every_door() {
    let app = spawn_app().await;
    let query = unknown_arguments(300);
    let url = format!("{}/graphql", app.address);
    let post: Value =
        app.client.post(&url).json(&json!({ "query": query })).send().await.expect("POST").json().await.expect("JSON");
    let batch: Value = app
        .client
        .post(&url)
        .json(&json!([{ "query": "{ marketplaces { id } }" }, { "query": query }]))
        .send()
        .await
        .expect("batch")
        .json()
        .await
        .expect("JSON");
    let get = app.client.get(&url).query(&[("query", &query)]).header("accept", "application/json").send();
    let get: Value = get.await.expect("GET").json().await.expect("JSON");
    let mut ws = socket::open_acked(&app.address, json!({})).await;
    ws.subscribe("1", json!({ "query": query })).await;
    let over_socket = ws.answer("1").await;
    assert_eq!(over_socket["type"], "error", "{over_socket}");

    for (door, errors) in [
        ("POST", &post["errors"]),
        ("batch", &batch[1]["errors"]),
        ("GET", &get["errors"]),
        ("socket", &over_socket["payload"]),
    ] {
        let said = messages(errors, door);
        assert_eq!(said.len(), 21, "{door}: {} errors listed", said.len());
        assert!(said[..20].iter().all(|m| m.contains("Unknown argument")), "{door}: {said:?}");
        assert_eq!(said[20], "280 more validation errors not listed", "{door}");
    }
    assert!(batch[0]["data"]["marketplaces"].is_array(), "the batch's other request runs: {batch}");
}

#[tokio::test]
async fn a_document_with_a_few_validation_errors_lists_them_all() {
    let app = spawn_app().await;
    let response = app.graphql(&unknown_arguments(3), json!({})).await;
    let said = messages(&response["errors"], "POST");
    assert_eq!(said.len(), 3, "{said:?}");
}
