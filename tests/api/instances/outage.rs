//! Redis is a help, never a dependency: killed under load, no request fails, and once it is back
//! the instances share through it again without a restart.

use super::harness::{Instance, Redis, sandboxes, upstream_calls};
use crate::helpers::SEARCH;
use futures::future::join_all;
use serde_json::json;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn killing_redis_under_load_fails_no_request_and_its_return_is_used_without_a_restart() {
    let mut redis = Redis::start();
    let sandboxes = sandboxes().await;
    let a = Instance::start(&sandboxes, &redis.url(), "").await;
    let b = Instance::start(&sandboxes, &redis.url(), "").await;

    let mut failures = Vec::new();
    let mut answered = 0;
    for round in 0..12 {
        if round == 4 {
            redis.kill();
        }
        let searches = (0..10).map(|i| {
            let instance = if i % 2 == 0 { &a } else { &b };
            instance.graphql(SEARCH, json!({ "query": format!("kertas {round} {i}"), "first": 5 }))
        });
        for answer in join_all(searches).await {
            answered += 1;
            if answer.get("errors").is_some() || answer["data"]["search"]["complete"] != true {
                failures.push(answer);
            }
        }
    }
    assert_eq!(answered, 120);
    assert!(failures.is_empty(), "{} of 120 searches failed with Redis killed: {:?}", failures.len(), failures.first());

    let down = a.metrics().await;
    assert!(down.contains("pasar_redis_up 0"), "the metrics say Redis is away: {down}");
    assert!(down.lines().any(|l| l.starts_with("pasar_redis_failures_total ") && !l.ends_with(" 0")), "{down}");

    redis.restart();
    // The breaker skips Redis for a second after it opened; then the next command tries again.
    let mut shared = false;
    for attempt in 0..20 {
        tokio::time::sleep(Duration::from_millis(250)).await;
        let variables = json!({ "query": format!("toner printer {attempt}"), "first": 5 });
        a.graphql(SEARCH, variables.clone()).await;
        // A's page reaches Redis in the background.
        tokio::time::sleep(Duration::from_millis(50)).await;
        let before = upstream_calls(&sandboxes);
        let answer = b.graphql(SEARCH, variables).await;
        assert_eq!(answer["data"]["search"]["complete"], true, "{answer}");
        if upstream_calls(&sandboxes) == before {
            shared = true;
            break;
        }
    }
    assert!(shared, "after Redis came back, B answered A's search from it within 5 s");
    assert!(a.metrics().await.contains("pasar_redis_up 1"), "and the metrics say it is back");
}
