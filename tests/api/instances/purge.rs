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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_asked_before_another_instances_purge_is_neither_kept_nor_shared() {
    let redis = Redis::start();
    let sandboxes = sandboxes().await;
    let a = Instance::start(&sandboxes, &redis.url(), "").await;
    let b = Instance::start(&sandboxes, &redis.url(), "").await;
    let mbiz = sandboxes.iter().find(|s| s.kind().id() == "mbiz").expect("mbiz");
    mbiz.faults().set_latency(Duration::from_millis(1_500));
    // B asks mbiz; A purges mbiz while B's call is out (review40o R40o-9).
    let slow = tokio::spawn({
        let b_url = b.url.clone();
        async move {
            let client = reqwest::Client::builder().no_proxy().build().expect("client");
            let body = json!({ "query": SEARCH, "variables": { "query": "kertas hvs", "first": 5 } });
            client.post(format!("{b_url}/graphql")).json(&body).send().await.expect("B answers").json::<Value>().await
        }
    });
    tokio::time::sleep(Duration::from_millis(500)).await;
    let purge = r#"mutation { purgeCache(marketplace: "mbiz") { marketplace } }"#;
    a.post(purge, json!({}), &[("authorization", &format!("Bearer {ADMIN_TOKEN}"))]).await;
    let answered = slow.await.expect("the search ends").expect("JSON");
    assert_eq!(source(&answered, "mbiz")["cache"], "MISS", "B's caller gets the page it waited for: {answered}");
    mbiz.faults().set_latency(Duration::ZERO);
    // Written to Redis in the background when it is written at all.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let c = Instance::start(&sandboxes, &redis.url(), "").await;
    let from_c = search(&c).await;
    assert_eq!(source(&from_c, "mbiz")["cache"], "MISS", "Redis holds no page asked before the purge: {from_c}");
    // B holds none either: it reads C's page from Redis, fetched just now, where the page
    // asked before the purge would be over two seconds old.
    let again = search(&b).await;
    assert!(source(&again, "mbiz")["ageSeconds"].as_u64().is_some_and(|age| age <= 1), "nor does B: {again}");
}
