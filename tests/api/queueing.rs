//! A burst over a marketplace's concurrency cap waits its turn instead of being shed.

use crate::helpers::{SEARCH, TestOptions, source, spawn_app_with};
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
