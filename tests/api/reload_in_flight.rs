//! A search running while a reload removes one of its marketplaces finishes on the registry it
//! started with (review35o O35-3).

use crate::helpers::{SEARCH, TestApp, TestOptions, offers, source, spawn_app_with};
use serde_json::{Value, json};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// The repository's adapter files, in a folder of their own.
fn adapters() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("adapters");
    for id in ["bela", "ekatalog", "jatim-bejo", "mbiz", "padi-umkm"] {
        let file = format!("{id}.toml");
        std::fs::copy(repo.join(&file), dir.path().join(&file)).expect("copy adapter");
    }
    dir
}

/// A marketplace that counts its calls and answers each with a 503 once the test lets it.
struct Held {
    calls: AtomicU64,
    release: Semaphore,
}

async fn stub(held: Arc<Held>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("port");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    let router = axum::Router::new().fallback(move || {
        let held = Arc::clone(&held);
        async move {
            held.calls.fetch_add(1, Ordering::SeqCst);
            let _go = held.release.acquire().await.expect("semaphore open");
            axum::http::StatusCode::SERVICE_UNAVAILABLE
        }
    });
    tokio::spawn(async move { axum::serve(listener, router).await });
    url
}

/// Polls `/metrics` until `pasar_adapter_reloads_total{outcome="applied"}` is at least 1.
async fn until_reloaded(app: &TestApp) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = app.client.get(format!("{}/metrics", app.address)).send().await.expect("metrics");
        let text = text.text().await.expect("text");
        if text.lines().any(|l| l.starts_with("pasar_adapter_reloads_total{outcome=\"applied\"} ")) {
            return;
        }
        assert!(Instant::now() < deadline, "no reload applied");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn until_called(held: &Held) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while held.calls.load(Ordering::SeqCst) == 0 {
        assert!(Instant::now() < deadline, "the held marketplace was never called");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_search_running_when_a_reload_removes_a_marketplace_answers_with_every_marketplace_it_started_with() {
    let dir = adapters();
    let held = Arc::new(Held { calls: AtomicU64::new(0), release: Semaphore::new(0) });
    let url = stub(Arc::clone(&held)).await;
    let path = dir.path().to_path_buf();
    let options = TestOptions {
        timeout: Duration::from_secs(10),
        configure: Arc::new(move |config| {
            config.adapters_dir = path.clone();
            config.marketplaces.get_mut("mbiz").expect("mbiz configured").base_url = Some(url.clone());
        }),
        ..TestOptions::default()
    };
    let app = Arc::new(spawn_app_with(options).await);
    let searching = {
        let app = Arc::clone(&app);
        tokio::spawn(async move { app.graphql(SEARCH, json!({ "query": "kertas", "first": 20 })).await })
    };
    until_called(&held).await;
    std::fs::remove_file(dir.path().join("bela.toml")).expect("remove bela");
    until_reloaded(&app).await;
    held.release.add_permits(1_000);
    let answer: Value = searching.await.expect("search task");

    assert!(answer["data"]["search"].is_object(), "the search answered: {answer}");
    let refused =
        answer["errors"].as_array().into_iter().flatten().filter(|e| e["extensions"]["code"] == "BAD_USER_INPUT");
    assert_eq!(refused.count(), 0, "{answer}");
    assert_eq!(source(&answer, "bela")["marketplace"]["id"], "bela", "{answer}");
    assert_eq!(source(&answer, "ekatalog")["status"], "OK", "{answer}");
    assert!(offers(&answer).iter().any(|o| o["marketplace"]["id"] == "ekatalog"), "{answer}");
}
