//! `purgeCache` on one instance empties Redis and every other instance's own copies.

use super::harness::{ADMIN_TOKEN, Instance, Redis, sandboxes, upstream_calls};
use crate::helpers::{SEARCH, source};
use serde_json::{Value, json};
use std::time::Duration;

async fn search(instance: &Instance) -> Value {
    instance.graphql(SEARCH, json!({ "query": "kertas hvs", "first": 5 })).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_purge_on_one_instance_makes_every_instance_fetch_that_marketplace_again() {
    let redis = Redis::start();
    let sandboxes = sandboxes().await;
    let a = Instance::start(&sandboxes, &redis.url(), "").await;
    let b = Instance::start(&sandboxes, &redis.url(), "").await;
    search(&a).await;
    // B takes A's pages from Redis into its own moka; a second search is then a hit in moka.
    search(&b).await;
    let cached = search(&b).await;
    assert_eq!(source(&cached, "mbiz")["cache"], "HIT", "{cached}");

    let purge = a
        .post(
            r#"mutation { purgeCache(marketplace: "mbiz") { entriesBefore marketplace } }"#,
            json!({}),
            &[("authorization", &format!("Bearer {ADMIN_TOKEN}"))],
        )
        .await;
    let purged: Value = purge.json().await.expect("JSON");
    assert_eq!(purged["data"]["purgeCache"]["marketplace"], "mbiz", "{purged}");
    // Pub/sub reaches B within milliseconds; the second covers a stored response's life too.
    tokio::time::sleep(Duration::from_millis(1100)).await;

    let mbiz = sandboxes.iter().find(|s| s.kind().id() == "mbiz").expect("mbiz");
    let (mbiz_before, all_before) = (mbiz.requests_served(), upstream_calls(&sandboxes));
    let after = search(&b).await;
    assert_eq!(source(&after, "mbiz")["cache"], "MISS", "B dropped its mbiz pages: {after}");
    assert_eq!(source(&after, "jatim-bejo")["cache"], "HIT", "other marketplaces stay cached: {after}");
    assert_eq!(mbiz.requests_served(), mbiz_before + 1, "B fetched mbiz again");
    assert_eq!(upstream_calls(&sandboxes), all_before + 1, "and nothing else");
}
