//! `max_root_fields` and `max_fan_out_fields` count what the README says: the fields on the
//! operation itself, fragments spread in, by their names. A fragment on another type, a
//! directive, another operation of the document or an alias named like a search is no root field
//! and no fan-out: clients sharing an "all fields" fragment per type (as codegen writes them)
//! must not be refused a limit they do not exceed, at any door.

use super::socket;
use crate::helpers::{TestApp, spawn_app};
use serde_json::{Value, json};

/// The answer of each door to one request (`query` and, when given, `operationName`).
async fn every_door(app: &TestApp, request: Value) -> Vec<(&'static str, Value)> {
    let url = format!("{}/graphql", app.address);
    let post = app.client.post(&url).json(&request).send().await.expect("POST").json().await.expect("JSON");
    let batch = json!([{"query": "{ __typename }"}, request]);
    let batch: Value = app.client.post(&url).json(&batch).send().await.expect("batch").json().await.expect("JSON");
    let mut params = vec![("query", request["query"].as_str().unwrap_or_default().to_string())];
    if let Some(name) = request["operationName"].as_str() {
        params.push(("operationName", name.to_string()));
    }
    let get = app.client.get(&url).query(&params).header("accept", "application/json").send();
    let get = get.await.expect("GET").json().await.expect("JSON");
    let mut socket = socket::open_acked(&app.address, json!({})).await;
    socket.subscribe("1", request).await;
    let heard = socket.answer("1").await;
    let socket = if heard["type"] == "next" { heard["payload"].clone() } else { json!({"errors": heard["payload"]}) };
    // A limit exceeded by one request of a batch refuses the whole batch.
    let batch = if batch.is_array() { batch[1].clone() } else { batch };
    vec![("POST", post), ("batch", batch), ("GET", get), ("socket", socket)]
}

fn aliased(prefix: &str, count: usize, field: &str) -> String {
    (0..count).map(|i| format!("{prefix}{i}: {field} ")).collect()
}

#[tokio::test]
async fn fragments_on_other_types_directives_operations_and_aliases_are_no_root_or_fan_out_fields() {
    let app = spawn_app().await;
    let cases = [
        // One root field; the fragment selects 21 fields of each marketplace.
        (
            "a fragment on Marketplace of 21 fields",
            json!({"query": format!("{{ marketplaces {{ ...M }} }} fragment M on Marketplace {{ {} }}", aliased("m", 21, "id"))}),
        ),
        // 12 root fields, each with a directive: the directives' names are not fields.
        (
            "12 root fields under @include and @skip",
            json!({"query": format!(
                "{{ marketplaces @include(if: true) {{ id }} {} }}",
                (0..11).map(|i| format!("f{i}: __typename @skip(if: false) ")).collect::<String>()
            )}),
        ),
        // Two operations of 12 root fields each: the one that runs has 12.
        (
            "two operations of 12 root fields",
            json!({
                "query": format!("query A {{ {} }} query B {{ {} }}", aliased("a", 12, "__typename"), aliased("b", 12, "__typename")),
                "operationName": "A",
            }),
        ),
        // Nothing fans out: these are aliases of `__typename`.
        (
            "aliases named like the fan-out fields",
            json!({"query": "{ search: __typename compare: __typename spending: __typename spendingRanking: __typename searchStream: __typename }"}),
        ),
    ];
    for (name, request) in cases {
        for (door, answer) in every_door(&app, request).await {
            assert!(answer["errors"].is_null(), "{name} through {door}: {answer}");
            assert!(answer["data"].is_object(), "{name} through {door}: {answer}");
        }
    }
}

#[tokio::test]
async fn root_fields_spread_in_from_a_fragment_on_query_still_count_at_every_door() {
    let app = spawn_app().await;
    let query = format!("{{ ...Q }} fragment Q on Query {{ {} }}", aliased("q", 21, "__typename"));
    for (door, answer) in every_door(&app, json!({"query": query})).await {
        let extensions = &answer["errors"][0]["extensions"];
        assert_eq!(
            (extensions["code"].as_str(), extensions["limit"].as_str()),
            (Some("QUERY_TOO_COMPLEX"), Some("max_root_fields")),
            "{door}: {answer}"
        );
    }
}

#[tokio::test]
async fn a_chain_of_fragment_spreads_deeper_than_max_nesting_is_refused_naming_the_limit_at_every_door() {
    let app = spawn_app().await;
    // Each fragment spreads the next: one brace deep in the text, 41 selection sets deep.
    let chain = |levels: usize| {
        let spreads: String = (0..levels).map(|i| format!("fragment F{i} on Query {{ ...F{} }} ", i + 1)).collect();
        format!("{{ ...F0 }} {spreads} fragment F{levels} on Query {{ __typename }}")
    };
    for (door, answer) in every_door(&app, json!({"query": chain(40)})).await {
        let extensions = &answer["errors"][0]["extensions"];
        let refused = (extensions["code"].as_str(), extensions["limit"].as_str());
        assert_eq!(refused, (Some("QUERY_TOO_COMPLEX"), Some("max_nesting")), "{door}: {answer}");
    }
    for (door, answer) in every_door(&app, json!({"query": chain(20)})).await {
        assert_eq!(answer["data"]["__typename"], "Query", "{door}: 21 deep is within the limit: {answer}");
    }
}
