//! How long a failing marketplace is held off is bounded by the operator, not by what the
//! marketplace asks (review35o O35-4).

use crate::helpers::{SEARCH, TEST_TIMEOUT, TestApp, TestOptions, errors_for, source, spawn_app_with};
use crate::reload::{adapters_except, over, repo_adapter, until};
use pasar::sandbox::FaultMode;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;

async fn search(app: &TestApp, query: &str) -> Value {
    app.graphql(SEARCH, json!({ "query": query, "first": 5, "noCache": true })).await
}

#[tokio::test]
async fn a_retry_after_of_a_day_holds_the_marketplace_off_for_max_retry_after_only() {
    let options = TestOptions {
        configure: Arc::new(|c| c.defaults.max_retry_after = Duration::from_secs(2)),
        ..TestOptions::default()
    };
    let app = spawn_app_with(options).await;
    let limited = app.sandbox("jatim-bejo");
    limited.faults().set_retry_after(86_400);
    limited.faults().set_mode(FaultMode::Status(429));
    let first = search(&app, "kertas").await;
    let error = errors_for(&first, "jatim-bejo").first().map(|e| e["extensions"].clone()).unwrap_or_default();
    assert_eq!(
        (error["code"].clone(), error["retryAfter"].clone()),
        (json!("MARKETPLACE_RATE_LIMITED"), json!(2)),
        "the client is told the wait that is held: {first}"
    );

    limited.faults().set_mode(FaultMode::None);
    let held = search(&app, "toner").await;
    assert_eq!(source(&held, "jatim-bejo")["status"], "RATE_LIMITED", "held off for its 2 s: {held}");
    assert_eq!(limited.requests_served(), 1, "no call while held off");
    tokio::time::sleep(Duration::from_millis(2_200)).await;
    let after = search(&app, "amplop").await;
    assert_eq!(source(&after, "jatim-bejo")["status"], "OK", "asked again after 2 s, not a day: {after}");
}

#[tokio::test]
async fn a_reload_that_changes_a_marketplaces_adapter_ends_the_wait_its_retry_after_asked_for() {
    let dir = adapters_except(&[]);
    let app = spawn_app_with(over(dir.path(), TEST_TIMEOUT)).await;
    let limited = app.sandbox("jatim-bejo");
    limited.faults().set_retry_after(86_400);
    limited.faults().set_mode(FaultMode::Status(429));
    let status = |answer: &Value| source(answer, "jatim-bejo")["status"].clone();
    assert_eq!(status(&search(&app, "kertas").await), "RATE_LIMITED");
    limited.faults().set_mode(FaultMode::None);
    assert_eq!(status(&search(&app, "toner").await), "RATE_LIMITED", "held off");

    let renamed = repo_adapter("jatim-bejo").replacen("\nname = \"", "\nname = \"Renamed ", 1);
    std::fs::write(dir.path().join("jatim-bejo.toml"), renamed).expect("write");
    until(&app, "the renamed adapter", |m| m.iter().any(|(id, n)| id == "jatim-bejo" && n.starts_with("Renamed")))
        .await;
    let after = search(&app, "amplop").await;
    assert_eq!(status(&after), "OK", "a changed adapter starts without the old wait: {after}");
}
