//! The same malformed request is refused alike at every door: a GraphQL parameter given twice is
//! `BAD_REQUEST` by `GET` as by `POST` and the socket, never one of the two run.

use super::socket::{self, Heard};
use crate::helpers::spawn_app;
use serde_json::Value;
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
        assert!(matches!(heard, Heard::Closed(4400, _)), "{repeated} by the socket: {heard:?}");
    }
}
