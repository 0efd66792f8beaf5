//! What a reload keeps of a marketplace's paging: an unchanged adapter keeps the verdict that it
//! serves its first page whatever is asked, as its other paging knowledge; a changed one learns
//! it again (review37 R37-7). Counted at the sandbox.

use crate::helpers::{TEST_TIMEOUT, TestApp, spawn_app_with};
use crate::paging_calls::page;
use crate::reload::{adapters_except, over, repo_adapter, until};
use pasar::sandbox::Quirks;
use serde_json::Value;
use std::path::Path;

/// Renames `id` in its adapter file, and waits until the reload serves the new name.
async fn rename(app: &TestApp, dir: &Path, id: &str, name: &str) {
    let text = repo_adapter(id).replacen("\nname = \"", &format!("\nname = \"{name} "), 1);
    std::fs::write(dir.join(format!("{id}.toml")), text).expect("write");
    until(app, name, |served| served.iter().any(|(at, named)| at == id && named.starts_with(name))).await;
}

/// The upstream calls of a first page of 60 over mbiz, and whether it said mbiz does not page.
async fn calls_and_verdict(app: &TestApp, query: &str) -> (u64, bool) {
    let (ids, response, calls) = page(app, query, 60, &Value::Null).await;
    assert_eq!(ids.len(), 50, "{response}");
    (calls, response["data"]["search"]["sources"][0]["ignoresPaging"] == true)
}

#[tokio::test]
async fn a_reload_keeps_the_not_paging_verdict_of_an_unchanged_adapter_and_forgets_a_changed_ones() {
    let dir = adapters_except(&[]);
    let app = spawn_app_with(over(dir.path(), TEST_TIMEOUT)).await;
    let single = Quirks { max_matches: Some(100), max_page_size: Some(50), ignores_paging: true, ..Quirks::default() };
    app.sandbox("mbiz").state().set_quirks(single).expect("quirks apply");
    let (_, found) = calls_and_verdict(&app, "1").await;
    assert!(found, "the first search finds mbiz does not page");
    assert_eq!(calls_and_verdict(&app, "2").await, (1, true), "the verdict stands: one call");

    rename(&app, dir.path(), "bela", "Renamed").await;
    assert_eq!(calls_and_verdict(&app, "3").await, (1, true), "mbiz unchanged: its verdict kept");

    rename(&app, dir.path(), "mbiz", "Renamed").await;
    let (calls, found) = calls_and_verdict(&app, "4").await;
    assert!(calls > 1 && found, "mbiz changed: found again ({calls} calls)");
}
