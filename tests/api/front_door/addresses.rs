//! An address Pasar does not have, or the WebSocket door asked without a handshake, is told so
//! with a code: axum's own answers were an empty 404 and a bare-text 400 (review38h R38h-5).

use crate::helpers::spawn_app;

#[tokio::test]
async fn an_unknown_address_is_a_404_naming_the_addresses_pasar_has_with_a_code() {
    let app = spawn_app().await;
    for path in ["/graphql/", "/GRAPHQL", "/graphql%00", "/nope"] {
        let response = app.client.get(format!("{}{path}", app.address)).send().await.expect("answered");
        assert_eq!(response.status(), 404, "{path}");
        let text = response.text().await.expect("text");
        assert!(text.contains("(NOT_FOUND)") && text.contains("/graphql"), "{path}: {text:?}");
    }
    let known = app.client.get(format!("{}/healthz", app.address)).send().await.expect("answered");
    assert_eq!(known.status(), 200, "a known address is still served");
}

#[tokio::test]
async fn the_websocket_door_asked_without_a_handshake_says_what_it_is_with_a_code() {
    let app = spawn_app().await;
    let response = app.client.get(format!("{}/graphql/ws", app.address)).send().await.expect("answered");
    assert_eq!(response.status(), 400);
    let body: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_REQUEST", "{body}");
    let said = body["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(said.contains("WebSocket door") && said.contains("Upgrade: websocket"), "{said}");
}
