//! The same malformed request is refused alike at every door: a GraphQL parameter given twice,
//! one of the wrong type, a request written as an array, are `BAD_REQUEST` by `POST`, in a batch,
//! by `GET` and on the socket (an `error` for that operation alone), never run.

use super::socket::{self, Heard};
use crate::helpers::spawn_app;
use serde_json::{Value, json};
use std::time::Duration;

#[tokio::test]
async fn a_graphql_parameter_given_twice_is_refused_at_every_door() {
    let app = spawn_app().await;
    let url = format!("{}/graphql", app.address);
    for repeated in ["query", "operationName", "variables", "extensions"] {
        let value = if repeated == "query" || repeated == "operationName" { "\"x\"" } else { "{}" };
        let get_value = if repeated == "query" || repeated == "operationName" { "x" } else { "{}" };
        let get = app
            .client
            .get(&url)
            .query(&[("query", "{ __typename }"), (repeated, get_value), (repeated, get_value)])
            .header("accept", "application/json")
            .send()
            .await
            .expect("GET");
        let status = get.status().as_u16();
        let get: Value = get.json().await.expect("JSON");
        assert_eq!(
            (status, get["errors"][0]["extensions"]["code"].as_str()),
            (400, Some("BAD_REQUEST")),
            "{repeated}: {get}"
        );
        let body = format!(r#"{{"query":"{{ __typename }}","{repeated}":{value},"{repeated}":{value}}}"#);
        let post = app.client.post(&url).header("content-type", "application/json").body(body.clone()).send().await;
        let post = post.expect("POST");
        assert_eq!(post.status().as_u16(), 400, "{repeated} by POST");
        let mut socket = socket::open_acked(&app.address, serde_json::json!({})).await;
        socket.send_text(format!(r#"{{"type":"subscribe","id":"1","payload":{body}}}"#)).await;
        let heard = socket.hear(Duration::from_secs(5)).await;
        let Heard::Message(error) = heard else { panic!("{repeated} by the socket: {heard:?}") };
        assert_eq!(error["payload"][0]["extensions"]["code"], "BAD_REQUEST", "{repeated} by the socket: {error}");
    }
}

/// A `subscribe` whose payload had the wrong type closed the whole socket (4400), cutting the
/// client's other operations, where `"query": null` got an `error`; and `["{ … }", null, null,
/// null]` ran, serde reading a struct from an array (review38h R38h-7).
#[tokio::test]
async fn a_request_of_the_wrong_shape_is_bad_request_at_every_door_and_the_socket_runs_on() {
    let app = spawn_app().await;
    let url = format!("{}/graphql", app.address);
    let cheap = "{ marketplaces { id } }";
    let requests = [
        json!({"query": 5}),
        json!({"query": cheap, "variables": [1, 2]}),
        json!({"query": cheap, "operationName": 5}),
        json!({"query": null}),
        json!([cheap, null, null, null]),
        json!(null),
    ];
    for request in &requests {
        let bodies = [(if request.is_array() { json!([request]) } else { request.clone() }), json!([request])];
        for (door, body) in ["POST", "batch"].into_iter().zip(bodies) {
            let answer = app.client.post(&url).json(&body).send().await.expect("POST");
            let status = answer.status().as_u16();
            let answer: Value = answer.json().await.expect("JSON");
            let code = answer["errors"][0]["extensions"]["code"].as_str().unwrap_or("?").to_string();
            assert_eq!((status, code.as_str()), (400, "BAD_REQUEST"), "{request} by {door}: {answer}");
        }
    }
    // On one socket, beside an operation still running (a marketplace answers after 1 s): each
    // refused alone.
    let slow = pasar::sandbox::FaultConfig { latency_ms: 1_000, mode: "none".into(), ..Default::default() };
    app.sandbox("mbiz").faults().apply(&slow).expect("fault");
    let mut socket = socket::open_acked(&app.address, json!({})).await;
    let stream = "subscription { searchStream(query: \"kertas\", first: 1) { __typename } }";
    socket.subscribe("running", json!({"query": stream})).await;
    for (i, request) in requests.iter().enumerate() {
        socket.subscribe(&i.to_string(), request.clone()).await;
    }
    let mut heard: Vec<(String, String, Value)> = Vec::new();
    while !heard.iter().any(|(id, kind, _)| id == "running" && kind == "complete") {
        let m = match socket.hear(Duration::from_secs(20)).await {
            Heard::Message(m) => m,
            other => panic!("the socket: {other:?}, after {heard:?}"),
        };
        heard.push((m["id"].as_str().unwrap_or("?").into(), m["type"].as_str().unwrap_or("?").into(), m));
    }
    for (i, request) in requests.iter().enumerate() {
        let error = heard.iter().find(|(id, _, _)| *id == i.to_string()).map(|(_, _, m)| m);
        let code = error.map(|m| (m["type"].clone(), m["payload"][0]["extensions"]["code"].clone()));
        assert_eq!(code, Some((json!("error"), json!("BAD_REQUEST"))), "{request} on the socket: {heard:?}");
    }
}
