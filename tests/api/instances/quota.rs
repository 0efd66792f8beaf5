//! A client has one request budget across instances: spreading requests over three instances,
//! or rotating keys, buys nothing.

use super::harness::{Instance, Redis, sandboxes};
use futures::future::join_all;
use serde_json::json;
use sha2::{Digest, Sha256};

const KEY: &str = "quota-test-key";

/// Requests answered 200 of `count` sent round-robin over `instances`, each with `headers`.
async fn admitted(instances: &[Instance], count: usize, headers: &[(&str, &str)]) -> usize {
    let sent = (0..count).map(|i| instances[i % instances.len()].post("{ __typename }", json!({}), headers));
    let statuses: Vec<u16> = join_all(sent).await.iter().map(|r| r.status().as_u16()).collect();
    assert!(statuses.iter().all(|s| *s == 200 || *s == 429), "only answers or refusals: {statuses:?}");
    statuses.iter().filter(|s| **s == 200).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clients_budget_holds_across_three_instances() {
    let redis = Redis::start();
    let sandboxes = sandboxes().await;
    let hash: String = Sha256::digest(KEY).iter().map(|b| format!("{b:02x}")).collect();
    // One request a second sustained, so the bursts decide.
    let extra = format!(
        "[limits.rate]\nper_second = 1\nburst = 12\n\
         [clients.portal]\nkey_sha256 = \"{hash}\"\nrate = {{ per_second = 1, burst = 6 }}\n"
    );
    let mut instances = Vec::new();
    for _ in 0..3 {
        instances.push(Instance::start(&sandboxes, &redis.url(), &extra).await);
    }

    // At one a second, the budget refills by one per second the test runs.
    let started = std::time::Instant::now();
    let refilled = || started.elapsed().as_secs() as usize + 1;
    let portal = admitted(&instances, 30, &[("x-api-key", KEY)]).await;
    let most = 6 + refilled();
    assert!((6..=most).contains(&portal), "the portal's burst of 6 held across instances: {portal} of 30 admitted");

    // Every other request is anonymous, by address: rotating unknown keys changes nothing.
    let mut anonymous = 0;
    for round in 0..3 {
        let key = format!("rotated-{round}");
        anonymous += admitted(&instances, 15, &[("x-api-key", &key)]).await;
    }
    // The readiness probes of the three starts are exempt, so the address has its full burst.
    let most = 12 + refilled();
    assert!((12..=most).contains(&anonymous), "the address's burst of 12 held: {anonymous} of 45 admitted");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_body_takes_more_of_the_shared_budget() {
    let redis = Redis::start();
    let sandboxes = sandboxes().await;
    let extra = "[limits.rate]\nper_second = 1\nburst = 12\n";
    let instances = [
        Instance::start(&sandboxes, &redis.url(), extra).await,
        Instance::start(&sandboxes, &redis.url(), extra).await,
    ];
    let started = std::time::Instant::now();
    // About 200 KB, mostly a comment: 4 units of budget each (review38h R38h-10).
    let large = format!("# {}\n{{ __typename }}", "x".repeat(200 * 1024));
    let sent = (0..10).map(|i| instances[i % 2].post(&large, json!({}), &[]));
    let statuses: Vec<u16> = join_all(sent).await.iter().map(|r| r.status().as_u16()).collect();
    let admitted = statuses.iter().filter(|s| **s == 200).count();
    let most = 3 + started.elapsed().as_secs() as usize + 1;
    assert!((3..=most).contains(&admitted), "a burst of 12 holds three such bodies across instances: {statuses:?}");
}
