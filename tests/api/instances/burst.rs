//! A cold search asked of every instance at once reaches each marketplace once.

use super::harness::{Instance, Redis, sandboxes};
use crate::helpers::SEARCH;
use futures::future::join_all;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_identical_cold_searches_over_three_instances_call_each_marketplace_once() {
    let redis = Redis::start();
    let sandboxes = sandboxes().await;
    let mut instances = Vec::new();
    for _ in 0..3 {
        // 200 requests from one address are more than its default budget, now shared by all three.
        let extra = "[limits.rate]\nper_second = 1000\nburst = 1000";
        instances.push(Instance::start(&sandboxes, &redis.url(), extra).await);
    }
    let variables = json!({ "query": "kertas hvs a4", "first": 5 });
    let answers = join_all((0..200).map(|i| instances[i % 3].graphql(SEARCH, variables.clone()))).await;

    for answer in &answers {
        assert_eq!(answer["data"]["search"]["complete"], true, "every search was answered in full: {answer}");
    }
    for source in answers[0]["data"]["search"]["sources"].as_array().expect("sources") {
        assert!(source["offerCount"].as_u64() > Some(0), "every marketplace had offers to share: {source}");
    }
    let first = &answers[0]["data"]["search"]["offers"]["edges"];
    assert!(first.as_array().is_some_and(|e| !e.is_empty()), "the search found offers: {first}");
    assert!(answers.iter().all(|a| a["data"]["search"]["offers"]["edges"] == *first), "every instance gave one answer");
    for sandbox in &sandboxes {
        assert_eq!(sandbox.requests_served(), 1, "{} was called once for 200 searches", sandbox.kind().id());
    }
}
