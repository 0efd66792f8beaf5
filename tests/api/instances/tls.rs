//! Redis over TLS with a password: the password from the environment, the CA from `ca_file`.

use super::harness::{Instance, Redis, sandboxes, upstream_calls};
use crate::helpers::SEARCH;
use serde_json::json;

const PASSWORD: &str = "redis-test-password";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instances_share_pages_through_a_redis_speaking_tls_with_a_password() {
    let redis = Redis::start_tls(PASSWORD);
    let sandboxes = sandboxes().await;
    let extra = format!("ca_file = \"{}\"", redis.ca_file().display());
    let secret = [("PASAR_REDIS_PASSWORD", PASSWORD)];
    let a = Instance::start_with_env(&sandboxes, &redis.url(), &extra, &secret).await;
    let b = Instance::start_with_env(&sandboxes, &redis.url(), &extra, &secret).await;
    let variables = json!({ "query": "map plastik", "first": 5 });
    a.graphql(SEARCH, variables.clone()).await;
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let before = upstream_calls(&sandboxes);
    let answer = b.graphql(SEARCH, variables.clone()).await;
    assert_eq!(answer["data"]["search"]["complete"], true, "{answer}");
    assert_eq!(upstream_calls(&sandboxes), before, "B answered from A's pages in Redis");

    // Without the password Redis refuses every command: the instance serves alone, never fails.
    let alone = Instance::start(&sandboxes, &redis.url(), &extra).await;
    let answer = alone.graphql(SEARCH, variables).await;
    assert_eq!(answer["data"]["search"]["complete"], true, "{answer}");
    assert!(upstream_calls(&sandboxes) > before, "the instance without the password fetched for itself");
}
