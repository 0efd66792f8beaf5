//! More of the hostile set through every door: what a document selects through fragments and a
//! vendor cycle, how its tokens and root fields are counted, and a variable of the wrong type.

use super::doors::{by_get, by_post, by_socket, doubling, options};
use super::socket;
use crate::helpers::{TestApp, TestOptions, spawn_app_with};
use serde_json::{Value, json};
use sha2::Digest;
use std::sync::Arc;

/// The JSON answer to `body` posted to `/graphql`.
async fn answer_of(app: &TestApp, body: Value) -> Value {
    let response = app.client.post(format!("{}/graphql", app.address)).json(&body).send().await.expect("POST");
    response.json().await.expect("JSON")
}

/// `Vendor.offers` nested `levels` deep through `Offer.vendor`, from vendor `$v`.
fn vendor_cycle(levels: usize) -> String {
    let open = "offers { vendor { ".repeat(levels - 1);
    let close = "} } ".repeat(levels - 1);
    format!("query($v: ID!) {{ vendor(id: $v) {{ {open}offers {{ id }} {close}}} }}")
}

#[tokio::test]
async fn no_door_lists_more_offers_through_the_vendor_cycle_than_one_request_may() {
    let app = spawn_app_with(options(10_000, 10_000)).await;
    let seen = app.graphql(crate::helpers::SEARCH, json!({ "query": "kertas", "first": 100 })).await;
    let mut vendors: Vec<String> =
        crate::helpers::offers(&seen).iter().filter_map(|o| o["vendor"]["id"].as_str().map(String::from)).collect();
    vendors.sort();
    let (v, k) = vendors
        .chunk_by(|a, b| a == b)
        .map(|same| (same[0].clone(), same.len()))
        .max_by_key(|(_, n)| *n)
        .expect("a vendor");
    assert!(k >= 4, "a vendor with 4 offers or more makes five levels ask over 1,000: {k}");
    // One level is well within the budget.
    let one = app.graphql(&vendor_cycle(1), json!({ "v": v })).await;
    assert!(one["errors"].is_null(), "{one}");
    assert!(one["data"]["vendor"]["offers"].as_array().is_some_and(|o| o.len() >= k), "{one}");
    // Five levels: k + k^2 + … + k^5 offers, at least 1,364.
    let query = vendor_cycle(5);
    let variables = json!({ "v": v });
    let post = answer_of(&app, json!({"query": query, "variables": variables})).await;
    let batch =
        answer_of(&app, json!([{"query": "{ marketplaces { id } }"}, {"query": query, "variables": variables}])).await;
    let get: Value = app
        .client
        .get(format!("{}/graphql", app.address))
        .query(&[("query", query.as_str()), ("variables", &variables.to_string())])
        .header("accept", "application/json")
        .send()
        .await
        .expect("GET")
        .json()
        .await
        .expect("JSON");
    let mut socket = socket::open_acked(&app.address, json!({})).await;
    socket.subscribe("1", json!({"query": query, "variables": variables})).await;
    let heard = socket.answer("1").await;
    for (door, answer) in [("POST", &post), ("batch", &batch[1]), ("GET", &get), ("socket", &heard["payload"])] {
        let errors = answer["errors"].as_array().unwrap_or_else(|| panic!("{door}: {answer}"));
        let refused = errors
            .iter()
            .any(|e| e["extensions"]["code"] == "QUERY_TOO_COMPLEX" && e["extensions"]["limit"] == "max_vendor_offers");
        assert!(refused, "{door}: {answer}");
        let listed = answer.to_string().matches("\"id\":").count();
        assert!(listed <= 1_000 + 10, "{door}: at most the budget's offers were listed, {listed} ids");
    }
    app.assert_serving().await;
}

#[tokio::test]
async fn a_document_refused_for_what_its_fragments_select_is_never_registered_under_its_hash() {
    let app = spawn_app_with(options(10_000, 10_000)).await;
    let query = doubling(30, "__typename");
    let hash: String = sha2::Sha256::digest(query.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    let persisted = json!({"persistedQuery": {"version": 1, "sha256Hash": hash}});
    let registered = by_post(&app, json!({"query": query, "extensions": persisted})).await;
    assert_eq!((registered.1.as_str(), registered.2.as_str()), ("QUERY_TOO_COMPLEX", "max_complexity"));
    let by_hash = by_post(&app, json!({"extensions": persisted})).await;
    assert_eq!(by_hash.1, "PERSISTED_QUERY_NOT_FOUND", "the refused document was kept under its hash");
}

#[tokio::test]
async fn every_door_counts_tokens_and_root_fields_alike() {
    let app = spawn_app_with(TestOptions {
        configure: Arc::new(|config| config.limits.max_tokens = 500),
        ..TestOptions::default()
    })
    .await;
    let tokens = format!("{{ marketplaces {{ {} }} }}", "id ".repeat(600));
    let root_fields = format!("{{ {} }}", (0..21).map(|i| format!("a{i}: __typename ")).collect::<String>());
    for (name, query, limit) in
        [("600 tokens", tokens, "max_tokens"), ("21 root fields", root_fields, "max_root_fields")]
    {
        let post = by_post(&app, json!({"query": query})).await;
        let batch = by_post(&app, json!([{"query": "{ marketplaces { id } }"}, {"query": query}])).await;
        let get = by_get(&app, &query).await;
        let socket = by_socket(&app, &query).await;
        for (door, (_, code, got)) in [("POST", &post), ("batch", &batch), ("GET", &get), ("socket", &socket)] {
            assert_eq!((code.as_str(), got.as_str()), ("QUERY_TOO_COMPLEX", limit), "{name} through {door}");
        }
        assert_eq!((post.0, batch.0, get.0), (400, 400, 400), "{name}");
    }
    app.assert_serving().await;
}

#[tokio::test]
async fn a_variable_of_the_wrong_type_is_the_clients_input_through_the_socket_as_over_post() {
    let app = spawn_app_with(options(10_000, 10_000)).await;
    let query = "query Q($n: Int) { search(query: \"x\", first: $n) { complete } }";
    let mut socket = socket::open_acked(&app.address, json!({})).await;
    socket.subscribe("1", json!({"query": query, "variables": {"n": "ten"}})).await;
    let answer = socket.answer("1").await;
    assert_eq!(answer["type"], "error", "{answer}");
    assert_eq!(answer["payload"][0]["extensions"]["code"], "BAD_USER_INPUT", "{answer}");
    let (_, code, _) = by_post(&app, json!({"query": query, "variables": {"n": "ten"}})).await;
    assert_eq!(code, "BAD_USER_INPUT");
}
