//! A burst over a marketplace's concurrency cap waits its turn instead of being shed.

use crate::helpers::{SEARCH, TEST_PRODUCTS, TestOptions, source, spawn_app_with};
use crate::metrics::sample;
use crate::served::Served;
use pasar::sandbox::{self, SandboxOptions};
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_distinct_searches_over_the_cap_is_answered_in_full_not_shed() {
    // The test's generous deadline: a wait in line must not turn into a missed deadline on a
    // loaded machine, which would look like shedding.
    let options = TestOptions { concurrency: Some(2), ..TestOptions::default() };
    let app = Arc::new(spawn_app_with(options).await);
    for sandbox in &app.sandboxes {
        sandbox.faults().set_latency(Duration::from_millis(50));
    }
    // Twelve distinct searches at once: six times the cap on every marketplace, about 300 ms of
    // calls in line per marketplace, well inside the deadline.
    let searches: Vec<_> =
        ["kertas", "toner", "pulpen", "map", "kursi", "meja", "laptop", "tinta", "spidol", "lem", "sapu", "gula"]
            .into_iter()
            .map(|query| {
                let app = Arc::clone(&app);
                tokio::spawn(async move { app.graphql(SEARCH, json!({ "query": query, "first": 5 })).await })
            })
            .collect();
    let mut answered = 0;
    for search in searches {
        let response = search.await.expect("no panic");
        for sandbox in &app.sandboxes {
            let report = source(&response, sandbox.kind().id());
            assert_eq!(report["status"], "OK", "{report}");
        }
        answered += 1;
    }
    assert_eq!(answered, 12);
    for sandbox in &app.sandboxes {
        assert!(sandbox.requests_served() >= 12, "{} served every search", sandbox.kind().id());
    }
}

/// Review 26: the upstream histogram timed a call from before its wait in line, so a marketplace
/// looked twice as slow as it was when Pasar made its calls wait. Through the binary, whose
/// metrics are its own: two searches at once, one call allowed, each call taking `N`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upstream_time_starts_at_the_send_and_the_wait_in_line_is_timed_apart() {
    const N: f64 = 0.6;
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let mbiz = sandboxes.iter().find(|s| s.kind().id() == "mbiz").expect("mbiz");
    mbiz.faults().set_latency(Duration::from_secs_f64(N));
    let gateway = Arc::new(Served::start(&sandboxes, "", "concurrency = 1", &[]).await);
    let searches: Vec<_> = ["kertas", "toner"]
        .into_iter()
        .map(|query| {
            let (gateway, filter) = (Arc::clone(&gateway), json!({ "marketplaces": ["mbiz"] }));
            let variables = json!({ "query": query, "first": 3, "filter": filter });
            tokio::spawn(async move { gateway.graphql(&json!({ "query": SEARCH, "variables": variables })).await })
        })
        .collect();
    for search in searches {
        let answer = search.await.expect("no panic");
        assert_eq!(answer["data"]["search"]["complete"], true, "{answer}");
    }
    let text = gateway.metrics().await;
    let of = |name: &str| sample(&text, name, &["marketplace=\"mbiz\""]).unwrap_or(-1.0);
    let (calls, upstream) =
        (of("pasar_marketplace_request_duration_seconds_count"), of("pasar_marketplace_request_duration_seconds_sum"));
    // Two calls of N each: 2N and a little; timed from before the wait, N + 2N.
    assert_eq!(calls, 2.0, "{text}");
    assert!((2.0 * N..2.5 * N).contains(&upstream), "upstream seconds {upstream}, not about {}\n{text}", 2.0 * N);
    let (waits, waited) =
        (of("pasar_marketplace_queue_wait_seconds_count"), of("pasar_marketplace_queue_wait_seconds_sum"));
    assert_eq!(waits, 1.0, "the second call waited for the first: {text}");
    assert!((0.8 * N..1.5 * N).contains(&waited), "waited {waited} s for a call of {N} s\n{text}");
    assert!(text.contains("pasar_marketplace_queue_wait_seconds_bucket{"), "a histogram, as the durations: {text}");
}
