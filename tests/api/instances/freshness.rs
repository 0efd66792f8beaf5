//! review32w W32-4: two instances on one Redis answer the later reading of a listing, not each
//! its own. The sandboxes' listings never change, so a later reading shows only in `readAt`
//! (whole seconds): each test lets a second pass between the two readings it tells apart.

use super::harness::{Instance, Redis, sandboxes};
use pasar::sandbox::FaultMode;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

const MBIZ_SEARCH: &str = r#"query($noCache: Boolean) {
  search(query: "kertas hvs", first: 3, filter: { marketplaces: ["mbiz"] }, noCache: $noCache) {
    sources { cache }
    offers { edges { node { id readAt } } }
  }
}"#;

const OFFER: &str = "query($id: ID!) { offer(id: $id) { id readAt } }";

/// Enough for two readings a second apart to show different `readAt`s.
const A_SECOND: Duration = Duration::from_millis(1100);

/// The first offer of an mbiz search: its id and `readAt`; and how mbiz was served.
async fn first_offer(instance: &Instance, no_cache: bool) -> (Value, Value, Value) {
    let answer = instance.graphql(MBIZ_SEARCH, json!({ "noCache": no_cache })).await;
    let search = &answer["data"]["search"];
    let node = &search["offers"]["edges"][0]["node"];
    assert!(node["readAt"].is_string(), "{answer}");
    (node["id"].clone(), node["readAt"].clone(), search["sources"][0]["cache"].clone())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offer_answers_the_later_reading_another_instance_kept_in_redis_not_its_own_older_one() {
    let redis = Redis::start();
    let sandboxes = sandboxes().await;
    let a = Instance::start(&sandboxes, &redis.url(), "").await;
    let b = Instance::start(&sandboxes, &redis.url(), "").await;
    let (id, read_by_a, _) = first_offer(&a, false).await;
    tokio::time::sleep(A_SECOND).await;
    let (same, read_by_b, cache) = first_offer(&b, true).await;
    assert_eq!((&same, &cache), (&id, &json!("BYPASS")));
    assert_ne!(read_by_a, read_by_b);
    // B's records reach Redis behind its answer.
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let answer = a.graphql(OFFER, json!({ "id": id })).await;
        if answer["data"]["offer"]["readAt"] == read_by_b {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "A still answers its own reading {read_by_a} over B's {read_by_b}: {answer}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_no_cache_search_on_one_instance_ends_the_other_instances_fresh_copy_of_that_page() {
    let redis = Redis::start();
    let sandboxes = sandboxes().await;
    let a = Instance::start(&sandboxes, &redis.url(), "").await;
    let b = Instance::start(&sandboxes, &redis.url(), "").await;
    let (_, read_by_a, _) = first_offer(&a, false).await;
    assert_eq!(first_offer(&a, false).await.2, "HIT", "A holds the page");
    tokio::time::sleep(A_SECOND).await;
    let (_, read_by_b, _) = first_offer(&b, true).await;
    assert_ne!(read_by_a, read_by_b);
    // Well within the page's 60 s TTL; a stored response of A's lives at most a second.
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let (_, read, cache) = first_offer(&a, false).await;
        if read == read_by_b {
            assert_eq!(cache, "HIT", "B's page, from Redis");
            break;
        }
        assert!(Instant::now() < deadline, "A still serves its own page read {read} ({cache}), not B's of {read_by_b}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instance_serving_a_page_stale_serves_the_later_one_another_instance_stored() {
    let ttl = [("PASAR_MARKETPLACES__MBIZ__CACHE_TTL", "2s")];
    let redis = Redis::start();
    let sandboxes = sandboxes().await;
    let a = Instance::start_with_env(&sandboxes, &redis.url(), "", &ttl).await;
    let b = Instance::start_with_env(&sandboxes, &redis.url(), "", &ttl).await;
    let (_, read_by_a, _) = first_offer(&a, false).await;
    tokio::time::sleep(Duration::from_millis(2100)).await;
    // B finds A's expired page in Redis, serves it stale and refreshes it.
    assert_eq!(first_offer(&b, false).await.2, "STALE");
    let deadline = Instant::now() + Duration::from_secs(2);
    let read_by_b = loop {
        let (_, read, _) = first_offer(&b, false).await;
        if read != read_by_a {
            break read;
        }
        assert!(Instant::now() < deadline, "B refreshed its page within 2 s");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let mbiz = sandboxes.iter().find(|s| s.kind().id() == "mbiz").expect("mbiz");
    mbiz.faults().set_mode(FaultMode::Status(503));
    // Both pages expired: A can only serve one stale, and B's page in Redis is the later.
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let (_, read, cache) = first_offer(&a, false).await;
    assert_eq!(cache, "STALE");
    assert_eq!(read, read_by_b, "A served its own older page (read {read_by_a}), not B's later one");
}
