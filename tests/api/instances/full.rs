//! A Redis at `maxmemory` under `noeviction` answers reads and refuses writes (`OOM`): that is
//! sharing degraded, said once and counted, not Redis lost and found again on every write
//! (review35o O35-5: 254 lines in 10 s at 15 searches a second).

use super::harness::Redis;
use crate::helpers::TEST_PRODUCTS;
use crate::served::Served;
use pasar::sandbox::{self, SandboxOptions};
use serde_json::json;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redis_refusing_writes_for_want_of_memory_is_counted_and_logged_once_not_per_write() {
    let redis = Redis::start();
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let top = format!(
        "[limits.rate]\nper_second = 100000\nburst = 100000\n[log]\nformat = \"json\"\n\
         [cache.redis]\nurl = \"{}\"\ntimeout = \"2s\"",
        redis.url()
    );
    let gateway = Served::start(&sandboxes, &top, "timeout = \"10s\"", &[]).await;
    redis.config_set("maxmemory-policy", "noeviction");
    // Less than an empty server uses: every write is refused, every read answered.
    redis.config_set("maxmemory", "1");

    let query = "query($q: String!) { search(query: $q, first: 3) { complete } }";
    for round in 0..6 {
        let searches = (0..10).map(|i| {
            let body = json!({ "query": query, "variables": { "q": format!("kertas {round} {i}") } });
            let gateway = &gateway;
            async move { gateway.graphql(&body).await }
        });
        for answer in futures::future::join_all(searches).await {
            assert_eq!(answer["data"]["search"]["complete"], true, "Redis refusing writes fails no search: {answer}");
        }
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let refusing = gateway.metrics().await;

    redis.config_set("maxmemory", "0");
    let answer = gateway.graphql(&json!({ "query": query, "variables": { "q": "kertas again" } })).await;
    assert_eq!(answer["data"]["search"]["complete"], true, "{answer}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let writing = gateway.metrics().await;
    let (_, logs) = gateway.stop();

    let about_redis: Vec<&str> = logs.lines().filter(|l| l.contains("Redis")).collect();
    assert!(about_redis.len() <= 3, "61 searches wrote {} lines about Redis:\n{logs}", about_redis.len());
    let refused = about_redis.iter().filter(|l| l.contains("refuses writes") && l.contains("OOM")).count();
    assert_eq!(refused, 1, "one line names the refusal and its cause:\n{logs}");
    assert!(about_redis.iter().any(|l| l.contains("takes writes again")), "and one its end:\n{logs}");

    let value =
        |text: &str, series: &str| text.lines().find_map(|l| l.strip_prefix(series)).map(str::trim).map(String::from);
    let count = value(&refusing, "pasar_redis_refused_writes_total{reason=\"oom\"} ").unwrap_or_default();
    assert!(count.parse::<u64>().is_ok_and(|n| n >= 60), "a refusal per page written at least: {refusing}");
    assert_eq!(value(&refusing, "pasar_redis_writes_refused ").as_deref(), Some("1"), "{refusing}");
    assert_eq!(value(&refusing, "pasar_redis_up ").as_deref(), Some("1"), "Redis is not away: {refusing}");
    assert_eq!(value(&writing, "pasar_redis_writes_refused ").as_deref(), Some("0"), "{writing}");
}
