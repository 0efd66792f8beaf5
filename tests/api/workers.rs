//! `[http] workers` and `work_stealing`: the threads the binary serves connections on.

use crate::helpers::{SEARCH, TEST_PRODUCTS};
use crate::served::Served;
use pasar::sandbox::{self, SandboxOptions};
use serde_json::{Value, json};

/// How many of `pid`'s threads are connection workers (named `pasar-worker-N`).
fn worker_threads(pid: u32) -> usize {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).expect("the gateway's threads");
    tasks
        .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("comm")).ok())
        .filter(|name| name.starts_with("pasar-worker-"))
        .count()
}

#[tokio::test]
async fn the_configured_workers_serve_every_connection_and_work_stealing_starts_none() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    for (http, workers) in [("workers = 3", 3), ("work_stealing = true", 0)] {
        let gateway = Served::start(&sandboxes, &format!("[http]\n{http}"), "", &[]).await;
        // A client of its own per search: a connection each, dealt to every worker in turn.
        for i in 0..6 {
            let client = reqwest::Client::builder().no_proxy().build().expect("client");
            let body = json!({ "query": SEARCH, "variables": { "query": "kertas", "first": 3 + i } });
            let response = client.post(format!("{}/graphql", gateway.url)).json(&body).send().await.expect("answer");
            assert_eq!(response.status(), 200, "{http}");
            let answer: Value = response.json().await.expect("JSON");
            let edges = answer["data"]["search"]["offers"]["edges"].as_array().map_or(0, Vec::len);
            assert_eq!(edges, 3 + i, "{http}: {answer}");
            assert_eq!(answer["data"]["search"]["complete"], true, "{http}: {answer}");
        }
        assert_eq!(worker_threads(gateway.pid()), workers, "{http}");
        gateway.stop();
    }
}
