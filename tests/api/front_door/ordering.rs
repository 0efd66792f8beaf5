//! Response keys follow the query's selection order at every door (README; GraphQL spec §7.2.2),
//! the socket's too: the same query answers the same bytes by `POST` and over the socket.

use super::socket;
use crate::helpers::spawn_app;
use serde_json::json;

/// Where each of `keys` (as `"key"`) first appears in `text`, in order.
fn positions(text: &str, keys: &[&str]) -> Vec<usize> {
    keys.iter().map(|k| text.find(&format!("\"{k}\"")).unwrap_or_else(|| panic!("{k} in {text}"))).collect()
}

fn ascending(found: &[usize]) -> bool {
    found.windows(2).all(|w| w[0] < w[1])
}

#[tokio::test]
async fn the_socket_answers_keys_and_error_fields_in_the_order_post_does() {
    let app = spawn_app().await;
    let queries = [
        // Sorted, `marketplaces` would come before `z`, and `id` before `name`.
        ("{ z: __typename marketplaces { name id } }", vec!["z", "marketplaces", "name", "id"]),
        // An error's fields in their own order: message, locations, path, extensions.
        (
            "{ spending(buyer: \"35.71\", year: 2022, marketplaces: []) { complete } }",
            vec!["message", "locations", "path", "extensions"],
        ),
    ];
    for (query, keys) in queries {
        let post = app.client.post(format!("{}/graphql", app.address)).json(&json!({"query": query})).send();
        let post = post.await.expect("POST").text().await.expect("text");
        let mut socket = socket::open_acked(&app.address, json!({})).await;
        socket.subscribe("1", json!({"query": query})).await;
        let heard = socket.next_text().await;
        let payload = heard
            .strip_prefix(r#"{"type":"next","id":"1","payload":"#)
            .and_then(|rest| rest.strip_suffix('}'))
            .unwrap_or_else(|| panic!("a next message: {heard}"));
        assert!(ascending(&positions(payload, &keys)), "{query}: the socket's order: {payload}");
        assert_eq!(payload, post, "{query}: the same bytes by POST and over the socket");
    }
}
