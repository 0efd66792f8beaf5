//! A `noCache` search takes no page loaded before it asked, so it waits for no other instance's
//! load of its key (review30c N5: it waited for the load, refused its page, then loaded itself).

use super::harness::{Instance, Redis, sandboxes};
use crate::helpers::SEARCH;
use serde_json::json;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_no_cache_search_never_waits_for_another_instances_load_of_its_key() {
    const LATENCY: Duration = Duration::from_secs(3);
    let redis = Redis::start();
    let sandboxes = sandboxes().await;
    let (a, b) =
        (Instance::start(&sandboxes, &redis.url(), "").await, Instance::start(&sandboxes, &redis.url(), "").await);
    for sandbox in &sandboxes {
        sandbox.faults().set_latency(LATENCY);
    }
    let search = json!({ "query": "kertas hvs a4", "first": 5 });
    let bypass = json!({ "query": "kertas hvs a4", "first": 5, "noCache": true });
    let loading = a.graphql(SEARCH, search);
    let bypassing = async {
        // `a` has claimed the key in Redis and is loading it.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let asked = Instant::now();
        (b.graphql(SEARCH, bypass).await, asked.elapsed())
    };
    let (first, (answer, took)) = tokio::join!(loading, bypassing);
    assert_eq!(first["data"]["search"]["complete"], true, "{first}");
    assert_eq!(answer["data"]["search"]["complete"], true, "{answer}");
    let sources = answer["data"]["search"]["sources"].as_array().expect("sources");
    assert!(sources.iter().all(|s| s["cache"] == "BYPASS"), "{answer}");
    // Its own load takes the marketplaces' 3 s; waiting for `a`'s first took 2.5 s more.
    assert!(took < LATENCY + Duration::from_millis(1200), "the noCache search took {took:?}");
}
