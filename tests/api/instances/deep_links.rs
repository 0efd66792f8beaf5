//! `offer(id)` and `vendor(id)` outlive the instance that fetched them: any instance, and the same
//! one after a restart, answers them from Redis.

use super::harness::{Instance, Redis, sandboxes};
use crate::helpers::SEARCH;
use serde_json::json;
use std::time::{Duration, Instant};

const LINKS: &str = r#"query Links($offer: ID!, $vendor: ID!) {
  offer(id: $offer) { id title price { amount } vendor { id } }
  vendor(id: $vendor) { id name accounts { sourceId } offers { id } }
}"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_instance_and_a_new_one_answer_offer_and_vendor_links_from_redis() {
    let redis = Redis::start();
    let sandboxes = sandboxes().await;
    let mut a = Instance::start(&sandboxes, &redis.url(), "").await;
    let found = a.graphql(SEARCH, json!({ "query": "toner", "first": 5 })).await;
    let node = &found["data"]["search"]["offers"]["edges"][0]["node"];
    let (offer, vendor) =
        (node["id"].as_str().expect("an offer id"), node["vendor"]["id"].as_str().expect("a vendor id"));
    let variables = json!({ "offer": offer, "vendor": vendor });
    let before = a.graphql(LINKS, variables.clone()).await;
    assert_eq!(before["data"]["offer"]["id"], offer, "{before}");
    assert_eq!(before["data"]["vendor"]["id"], vendor, "{before}");

    // The records go to Redis behind the answer (`TieredStore::keep_records`), so `a` is killed
    // only once another instance reads them: killed at once, it could take an unsent write with it.
    let b = Instance::start(&sandboxes, &redis.url(), "").await;
    let deadline = Instant::now() + Duration::from_secs(5);
    while b.graphql(LINKS, variables.clone()).await.get("errors").is_some() {
        assert!(Instant::now() < deadline, "the links reach Redis within 5 s");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    a.kill();
    a.restart().await;
    for instance in [&a, &b] {
        let after = instance.graphql(LINKS, variables.clone()).await;
        assert!(after.get("errors").is_none(), "{after}");
        assert_eq!(after["data"], before["data"], "{} answered the links as the first instance did", instance.url);
    }
    // The links came from Redis: an instance whose Redis is unreachable knows nothing of them.
    let alone = Instance::start(&sandboxes, "redis://127.0.0.1:1", "").await;
    let unknown = alone.graphql(LINKS, variables).await;
    assert_eq!(unknown["data"]["offer"], serde_json::Value::Null, "{unknown}");
    assert_eq!(unknown["errors"][0]["extensions"]["code"], "OFFER_NOT_FOUND", "{unknown}");
}

/// review30a F4: a shared record of an offer read under other adapter settings (another
/// instance's file in a rolling change, or this one's before a reload) is not this gateway's
/// reading: `offer(id)` does not answer with it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instance_under_other_adapter_settings_never_answers_offer_with_anothers_reading() {
    const OFFER: &str = "query($id: ID!) { offer(id: $id) { id } }";
    let redis = Redis::start();
    let sandboxes = sandboxes().await;
    let a = Instance::start(&sandboxes, &redis.url(), "").await;
    let found = a.graphql(SEARCH, json!({ "query": "toner", "first": 5 })).await;
    let id = found["data"]["search"]["offers"]["edges"][0]["node"]["id"].clone();
    assert!(id.is_string(), "{found}");
    // An instance under the same files answers from Redis once the record is there.
    let same = Instance::start(&sandboxes, &redis.url(), "").await;
    let deadline = Instant::now() + Duration::from_secs(5);
    while same.graphql(OFFER, json!({ "id": id })).await.get("errors").is_some() {
        assert!(Instant::now() < deadline, "the record reaches Redis within 5 s");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let other = Instance::start(&sandboxes, &redis.url(), "[defaults]\nretries = 1").await;
    let answer = other.graphql(OFFER, json!({ "id": id })).await;
    assert_eq!(answer["errors"][0]["extensions"]["code"], "OFFER_NOT_FOUND", "{answer}");
}
