//! An operation type a door does not run is refused the same way at every door: 405
//! `METHOD_NOT_ALLOWED`, as a mutation over `GET` or on the socket is, whatever the document's
//! validity (the schema has the subscription; the door does not run it).

use crate::helpers::spawn_app;
use serde_json::{Value, json};

const STREAM: &str = r#"subscription { searchStream(query: "kertas", first: 1) { __typename } }"#;

#[tokio::test]
async fn a_subscription_sent_to_the_http_endpoint_is_told_it_runs_on_the_socket() {
    let app = spawn_app().await;
    let url = format!("{}/graphql", app.address);
    let post = app.client.post(&url).json(&json!({"query": STREAM})).send().await.expect("POST");
    let get = app.client.get(&url).query(&[("query", STREAM)]).header("accept", "application/json").send();
    let get = get.await.expect("GET");
    for (door, response) in [("POST", post), ("GET", get)] {
        let status = response.status().as_u16();
        let allow = response.headers().get("allow").and_then(|v| v.to_str().ok()).map(str::to_string);
        assert_eq!(allow.as_deref(), Some("GET, HEAD, POST"), "{door}: a 405 names the methods (RFC 9110)");
        let body: Value = response.json().await.expect("JSON");
        let error = &body["errors"][0];
        assert_eq!((status, error["extensions"]["code"].as_str()), (405, Some("METHOD_NOT_ALLOWED")), "{door}: {body}");
        assert!(error["message"].as_str().is_some_and(|m| m.contains("/graphql/ws")), "{door}: {body}");
    }
    let batch = json!([{"query": "{ __typename }"}, {"query": STREAM}]);
    let batch: Value = app.client.post(&url).json(&batch).send().await.expect("batch").json().await.expect("JSON");
    assert_eq!(batch[0]["data"]["__typename"], "Query", "{batch}");
    assert_eq!(batch[1]["errors"][0]["extensions"]["code"], "METHOD_NOT_ALLOWED", "{batch}");
}
