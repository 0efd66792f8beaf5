//! Review40o R40o-13: a Redis URL naming a database Redis does not have (`/99` of the default 16)
//! was reported at start-up as "Redis does not answer", sending operators to the network, and
//! `/readyz` said nothing of Redis. The warning now says Redis refused, with what it answered,
//! and `/readyz` carries Redis's state and the reason.

use super::harness::Redis;
use crate::helpers::TEST_PRODUCTS;
use crate::served::Served;
use pasar::sandbox::{self, SandboxOptions};
use serde_json::Value;

async fn readyz(gateway: &Served) -> Value {
    let answer = gateway.client.get(format!("{}/readyz", gateway.url)).send().await.expect("/readyz answers");
    answer.json().await.expect("JSON")
}

#[tokio::test]
async fn a_database_redis_does_not_have_is_reported_with_what_redis_answered_at_start_up_and_in_readyz() {
    let redis = Redis::start();
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let top = format!("[cache.redis]\nurl = \"{}/99\"", redis.url());
    let gateway = Served::start(&sandboxes, &top, "", &[]).await;
    let ready = readyz(&gateway).await;
    assert_eq!(ready["redis"]["up"], false, "{ready}");
    let reason = ready["redis"]["error"].as_str().unwrap_or_default();
    assert!(reason.contains("DB index is out of range"), "{ready}");
    assert_eq!(ready["status"], "ready", "Redis down leaves the instance serving alone: {ready}");
    let logs = gateway.terminate();
    let warning = logs.lines().find(|line| line.contains(" WARN pasar::cache::redis: "));
    let warning = warning.unwrap_or_else(|| panic!("no start-up warning:\n{logs}"));
    assert!(
        warning.contains("Redis refused this instance") && warning.contains("DB index is out of range"),
        "{warning}"
    );

    let top = format!("[cache.redis]\nurl = \"{}/0\"", redis.url());
    let gateway = Served::start(&sandboxes, &top, "", &[]).await;
    let ready = readyz(&gateway).await;
    assert_eq!(ready["redis"], serde_json::json!({ "up": true, "error": null }), "{ready}");
}
