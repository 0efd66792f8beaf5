//! GraphQL and GraphQL over HTTP as the specs say: response key order, content negotiation,
//! status codes, `GET`, and a code on every error.

use crate::helpers::{TestApp, spawn_app};
use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::{Value, json};
use std::time::Duration;

const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

/// The keys of a JSON object in the order they were written (serde_json's `Map` sorts them).
struct KeyOrder(Vec<String>);

impl<'de> Deserialize<'de> for KeyOrder {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> Visitor<'de> for Keys {
            type Value = KeyOrder;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyOrder, A::Error> {
                let mut keys = Vec::new();
                while let Some((key, IgnoredAny)) = map.next_entry::<String, IgnoredAny>()? {
                    keys.push(key);
                }
                Ok(KeyOrder(keys))
            }
        }
        deserializer.deserialize_map(Keys)
    }
}

#[derive(Deserialize)]
struct DataKeys {
    data: KeyOrder,
}

/// POSTs `body` with an `Accept` header; returns status, content type and body text.
async fn post(app: &TestApp, accept: Option<&str>, body: Value) -> (u16, String, String) {
    let mut request = app.client.post(format!("{}/graphql", app.address)).json(&body);
    if let Some(accept) = accept {
        request = request.header("accept", accept);
    }
    read(request.send().await.expect("gateway answers")).await
}

/// GETs `/graphql` with URL-encoded parameters; returns status, content type and body text.
async fn get(app: &TestApp, accept: &str, params: &[(&str, &str)]) -> (u16, String, String) {
    let request = app.client.get(format!("{}/graphql", app.address)).query(params).header("accept", accept);
    read(request.send().await.expect("gateway answers")).await
}

async fn read(response: reqwest::Response) -> (u16, String, String) {
    let status = response.status().as_u16();
    let content_type =
        response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    (status, content_type, response.text().await.expect("body"))
}

fn json_of(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

fn first_code(body: &Value) -> &Value {
    &body["errors"][0]["extensions"]["code"]
}

#[tokio::test]
async fn root_fields_come_back_in_selection_order_even_when_the_first_finishes_last() {
    let app = spawn_app().await;
    app.sandbox("mbiz").faults().set_latency(Duration::from_millis(300));
    let query = r#"{
      z: search(query: "kertas", first: 1, filter: { marketplaces: ["mbiz"] }) { complete sources { status } }
      a: search(query: "toner", first: 1, filter: { marketplaces: ["ekatalog"] }) { sources { status } complete }
      m: marketplaces { id }
    }"#;
    let started = std::time::Instant::now();
    let (status, _, body) = post(&app, None, json!({ "query": query })).await;
    assert_eq!(status, 200, "{body}");
    assert!(started.elapsed() >= Duration::from_millis(300), "the slow marketplace was not slow");
    let parsed = json_of(&body);
    assert_eq!(parsed["data"]["z"]["complete"], true, "{body}");
    assert_eq!(parsed["data"]["a"]["complete"], true, "{body}");
    let keys: DataKeys = serde_json::from_str(&body).expect("a data object");
    assert_eq!(keys.data.0, ["z", "a", "m"], "{body}");
    // Nested selections keep their order too, whichever way round they were asked for.
    let z = body.find("\"z\":").expect("z");
    let a = body.find("\"a\":").expect("a");
    assert!(body[z..a].find("\"complete\"") < body[z..a].find("\"sources\""), "{body}");
    assert!(body[a..].find("\"sources\"") < body[a..].find("\"complete\""), "{body}");
}

#[tokio::test]
async fn the_response_media_type_follows_accept() {
    let app = spawn_app().await;
    let query = json!({ "query": "{ __typename }" });
    let cases = [
        (None, "application/json"),
        (Some("*/*"), "application/json"),
        (Some("application/json"), "application/json"),
        (Some(GRAPHQL_RESPONSE), GRAPHQL_RESPONSE),
        (Some("application/graphql-response+json, application/json;q=0.9"), GRAPHQL_RESPONSE),
    ];
    for (accept, expected) in cases {
        let (status, content_type, body) = post(&app, accept, query.clone()).await;
        assert_eq!(status, 200, "{accept:?}: {body}");
        assert!(content_type.starts_with(expected), "{accept:?} gave {content_type}");
        assert_eq!(json_of(&body)["data"]["__typename"], "Query");
    }
    let (status, _, body) = post(&app, Some("text/plain"), query).await;
    assert_eq!(status, 406, "{body}");
    assert_eq!(*first_code(&json_of(&body)), "NOT_ACCEPTABLE");
}

#[tokio::test]
async fn request_errors_are_coded_and_answer_400_without_data_only_under_the_graphql_response_type() {
    let app = spawn_app().await;
    let cases = [
        (json!({ "query": "{" }), "GRAPHQL_PARSE_FAILED"),
        (json!({ "query": "" }), "GRAPHQL_PARSE_FAILED"),
        (json!({ "query": "{ noSuchField }" }), "GRAPHQL_VALIDATION_FAILED"),
        (
            json!({ "query": "query Q($q: String!) { search(query: $q) { complete } }", "variables": { "q": null } }),
            "BAD_USER_INPUT",
        ),
        (json!({ "query": "query A { __typename }", "operationName": "B" }), "OPERATION_RESOLUTION_FAILURE"),
        // A variable of the wrong type is the values' fault, as a missing one is; the same
        // mistake written into the document is the document's.
        (
            json!({ "query": "query Q($n: Int) { search(query: \"x\", first: $n) { complete } }", "variables": { "n": "ten" } }),
            "BAD_USER_INPUT",
        ),
        (
            json!({ "query": "query Q($b: Boolean!) { marketplaces @include(if: $b) { id } }", "variables": { "b": "yes" } }),
            "BAD_USER_INPUT",
        ),
        (json!({ "query": "{ search(query: \"x\", first: \"ten\") { complete } }" }), "GRAPHQL_VALIDATION_FAILED"),
        // A literal mistake beside a variable is the document's, whatever the variable holds.
        (
            json!({ "query": "query Q($p: Decimal) { search(query: \"x\", filter: { minPrice: $p, umkOnly: \"yes\" }) { complete } }", "variables": { "p": "5" } }),
            "GRAPHQL_VALIDATION_FAILED",
        ),
        // A variable used where its type does not fit is the document's fault, whatever is sent.
        (
            json!({ "query": "query Q($n: String) { search(query: \"x\", first: $n) { complete } }" }),
            "GRAPHQL_VALIDATION_FAILED",
        ),
        (
            json!({ "query": "query Q($b: Boolean) { marketplaces @include(if: $b) { id } }" }),
            "GRAPHQL_VALIDATION_FAILED",
        ),
        // Values their type cannot hold are refused before anything runs, as a string for an Int is.
        (
            json!({ "query": "query Q($n: Int) { search(query: \"x\", first: $n) { complete } }", "variables": { "n": 1_099_511_627_776_i64 } }),
            "BAD_USER_INPUT",
        ),
        (
            json!({ "query": "query Q($f: OfferFilter) { search(query: \"x\", filter: $f) { complete } }", "variables": { "f": { "minPrice": "abc" } } }),
            "BAD_USER_INPUT",
        ),
        (
            json!({ "query": "query Q($f: OfferFilter) { search(query: \"x\", filter: $f) { complete } }", "variables": { "f": "x" } }),
            "BAD_USER_INPUT",
        ),
    ];
    for (request, code) in cases {
        for (accept, expected_status) in [(GRAPHQL_RESPONSE, 400), ("application/json", 200)] {
            let (status, content_type, body) = post(&app, Some(accept), request.clone()).await;
            assert_eq!(status, expected_status, "{request} as {accept}: {body}");
            assert!(content_type.starts_with(accept), "{content_type}");
            let parsed = json_of(&body);
            assert_eq!(*first_code(&parsed), code, "{request}: {body}");
            assert!(parsed.get("data").is_none(), "a request error has no data entry: {body}");
            let message = parsed["errors"][0]["message"].as_str().expect("message");
            assert!(!message.contains('\n') && !message.contains("-->"), "raw parser text: {message}");
        }
    }
}

#[tokio::test]
async fn malformed_requests_answer_400_whatever_the_media_type() {
    let app = spawn_app().await;
    for request in [
        json!({ "notquery": "{ __typename }" }),
        json!({ "query": 1 }),
        json!({ "query": "{ __typename }", "variables": "x" }),
        json!({ "query": "{ __typename }", "operationName": false }),
        json!({ "query": "{ __typename }", "extensions": ["x"] }),
        // A persisted query's extension that is no hash (review32w W32-9: 200 as JSON).
        json!({ "extensions": { "persistedQuery": { "version": 1, "sha256Hash": "zz" } } }),
        json!({ "query": "{ __typename }", "extensions": { "persistedQuery": { "version": 1 } } }),
        // A batch of nothing (review32w W32-9: 200 `[]`).
        json!([]),
    ] {
        for accept in [GRAPHQL_RESPONSE, "application/json"] {
            let (status, _, body) = post(&app, Some(accept), request.clone()).await;
            assert_eq!(status, 400, "{request} as {accept}: {body}");
            assert_eq!(*first_code(&json_of(&body)), "BAD_REQUEST");
        }
    }
}

#[tokio::test]
async fn a_get_runs_a_query_with_url_encoded_variables_and_operation_name() {
    let app = spawn_app().await;
    let query = "query Other { __typename } query Region($code: String!) { region(code: $code) { code name } }";
    let params = [("query", query), ("variables", r#"{"code":"35.71"}"#), ("operationName", "Region")];
    let (status, content_type, body) = get(&app, "application/json", &params).await;
    assert_eq!(status, 200, "{body}");
    assert!(content_type.starts_with("application/json"), "{content_type}");
    let parsed = json_of(&body);
    assert_eq!(parsed["data"]["region"]["code"], "35.71", "{body}");
    assert!(parsed.get("errors").is_none(), "{body}");
}

#[tokio::test]
async fn a_mutation_over_get_is_refused_with_405_and_allow_post() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(format!("{}/graphql", app.address))
        .query(&[("query", "mutation { __typename }")])
        .header("accept", GRAPHQL_RESPONSE)
        .send()
        .await
        .expect("gateway answers");
    assert_eq!(response.status(), 405);
    assert_eq!(response.headers().get("allow").and_then(|v| v.to_str().ok()), Some("POST"));
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(*first_code(&body), "METHOD_NOT_ALLOWED");
}

#[tokio::test]
async fn a_browser_gets_graphiql_and_any_other_get_is_a_graphql_request() {
    let app = spawn_app().await;
    let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    let (status, content_type, body) = get(&app, browser, &[]).await;
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/html") && body.contains("graphiql"), "{content_type}");
    let (status, _, body) = get(&app, "*/*", &[]).await;
    assert_eq!(status, 400, "a GET without a query is a malformed GraphQL request: {body}");
    assert_eq!(*first_code(&json_of(&body)), "BAD_REQUEST");
}

#[tokio::test]
async fn a_hash_only_persisted_query_gets_persisted_query_not_found_with_200() {
    let app = spawn_app().await;
    let hash = "ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38";
    let request = json!({ "extensions": { "persistedQuery": { "version": 1, "sha256Hash": hash } } });
    let (status, _, body) = post(&app, Some(GRAPHQL_RESPONSE), request).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(*first_code(&json_of(&body)), "PERSISTED_QUERY_NOT_FOUND");
}

#[tokio::test]
async fn a_refusal_before_parsing_names_the_limit_it_hit() {
    let app = spawn_app().await;
    let aliases: String = (0..100).map(|i| format!("a{i}: __typename ")).collect();
    let (status, _, body) = post(&app, Some(GRAPHQL_RESPONSE), json!({ "query": format!("{{ {aliases} }}") })).await;
    assert_eq!(status, 400, "{body}");
    let extensions = &json_of(&body)["errors"][0]["extensions"];
    assert_eq!(extensions["code"], "QUERY_TOO_COMPLEX");
    assert_eq!(extensions["limit"], "max_aliases");
    assert_eq!(extensions["max"], 30);
}

#[tokio::test]
async fn a_variable_left_out_takes_its_default_in_include_and_skip_as_in_arguments() {
    let app = spawn_app().await;
    let query = "query Q($b: Boolean = true) { shown: marketplaces @include(if: $b) { id } hidden: marketplaces @skip(if: $b) { id } }";
    let (status, _, body) = post(&app, Some("application/json"), json!({ "query": query })).await;
    assert_eq!(status, 200, "{body}");
    let parsed = json_of(&body);
    assert!(parsed["data"]["shown"].is_array(), "the default true includes it: {body}");
    assert!(parsed["data"].get("hidden").is_none(), "the default true skips it: {body}");
    let (_, _, body) =
        post(&app, Some("application/json"), json!({ "query": query, "variables": { "b": false } })).await;
    let parsed = json_of(&body);
    assert!(parsed["data"].get("shown").is_none() && parsed["data"]["hidden"].is_array(), "{body}");
}
