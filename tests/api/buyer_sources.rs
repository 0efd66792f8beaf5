//! What the comparison page says of a marketplace that failed: one that could not be reached
//! and one that was reached and refused (HTTP 503) are different news for a buyer, who may try
//! the second again in a minute and should tell the first to whoever runs Pasar.

use crate::helpers::{TestOptions, spawn_app_with};
use pasar::sandbox::FaultMode;
use regex::Regex;
use std::time::Duration;

/// Everything the page says of `id`: where its answer arrived, and in the list of marketplaces.
fn said_of(html: &str, id: &str) -> Vec<String> {
    let arrived = format!(r#"<div class="arrived" data-marketplace="{id}"><h3>(.*?)</h3>"#);
    let listed = format!(r#"<li class="missing" data-marketplace="{id}">(.*?)</li>"#);
    [arrived, listed]
        .iter()
        .map(|pattern| {
            let found = Regex::new(pattern).expect("regex").captures(html);
            found.unwrap_or_else(|| panic!("no {pattern} in the page")).get(1).expect("text").as_str().to_string()
        })
        .collect()
}

#[tokio::test]
async fn a_marketplace_that_answered_503_is_said_to_have_answered_with_an_error_and_a_stopped_one_to_be_unreachable() {
    // The failing ones fail at once; the others get time to answer on a loaded machine.
    let deadlines = vec![("mbiz", Duration::from_secs(5)), ("padi-umkm", Duration::from_secs(5))];
    let mut app =
        spawn_app_with(TestOptions { timeout: Duration::from_secs(20), deadlines, ..TestOptions::default() }).await;
    app.sandbox("mbiz").faults().set_mode(FaultMode::Status(503));
    app.stop_sandbox("padi-umkm").await;
    let page = app.client.get(format!("{}/?q=kertas", app.address)).send().await.expect("page");
    let html = page.text().await.expect("html");
    for refused in said_of(&html, "mbiz") {
        assert!(refused.ends_with("tidak tersedia: menjawab dengan galat (HTTP 503)"), "{refused}");
    }
    for stopped in said_of(&html, "padi-umkm") {
        assert!(stopped.ends_with("tidak tersedia: tidak dapat dihubungi (koneksi ditolak)"), "{stopped}");
    }
}
