//! review39n R39n-5: `offer(id)` answers from a reading up to 70 minutes old; `freshness` says
//! whether a search would still serve its price, past the TTL and past every stale window.

use crate::helpers::{TestOptions, spawn_app_with};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;

const SEARCH: &str = r#"{ search(query: "meja", first: 1, filter: { marketplaces: ["mbiz"] }) {
  offers { edges { node { id freshness { ageSeconds state } } } } } }"#;
const OFFER: &str = r#"query($id: ID!) { offer(id: $id) { id readAt freshness { ageSeconds state } } }"#;

#[tokio::test]
async fn an_offer_kept_past_every_window_its_marketplace_allows_says_expired() {
    // TTL 1 s, no stale-while-revalidate, stale-if-error 1 s: stale from 1 s, expired from 2 s.
    let windows = |config: &mut pasar::config::Config| {
        config.defaults.stale_while_revalidate = Duration::ZERO;
        config.defaults.stale_if_error = Duration::from_secs(1);
    };
    let options =
        TestOptions { cache_ttl: Duration::from_secs(1), configure: Arc::new(windows), ..TestOptions::default() };
    let app = spawn_app_with(options).await;
    let found = app.graphql(SEARCH, json!({})).await;
    let node = &found["data"]["search"]["offers"]["edges"][0]["node"];
    assert_eq!(node["freshness"], json!({ "ageSeconds": 0, "state": "FRESH" }), "{found}");
    let id = node["id"].clone();
    let state = |answer: &Value| answer["data"]["offer"]["freshness"]["state"].clone();
    let fresh = app.graphql(OFFER, json!({ "id": id })).await;
    assert_eq!(state(&fresh), "FRESH", "{fresh}");
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    let stale = app.graphql(OFFER, json!({ "id": id })).await;
    assert_eq!(state(&stale), "STALE", "{stale}");
    tokio::time::sleep(Duration::from_millis(1_000)).await;
    let expired = app.graphql(OFFER, json!({ "id": id })).await;
    assert_eq!(expired["data"]["offer"]["freshness"], json!({ "ageSeconds": 2, "state": "EXPIRED" }), "{expired}");
    assert_eq!(expired["data"]["offer"]["readAt"], fresh["data"]["offer"]["readAt"], "the same reading: {expired}");
}
