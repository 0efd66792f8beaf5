//! Issue 28 item 7: the comparison page shows each marketplace's offers as it answers, through
//! the real server and its response compression, and ends with the same comparison as `compare`.
//!
//! One marketplace is slowed to 2 s while the others answer from the cache, so nothing here
//! depends on how fast a loaded machine is: the evidence is what the page held when its first
//! offers appeared, not when that was.

use crate::buyer_survey::SEARCH;
use crate::helpers::{TestApp, TestOptions, spawn_app_with};
use serde_json::{Value, json};
use std::time::Duration;

/// The marketplace made to answer last.
const SLOW: &str = "mbiz";
const ADMIN: &str = "streamed-page-admin";

/// A gateway whose other marketplaces answer from the cache while [`SLOW`] takes 2 s.
async fn one_slow_marketplace() -> TestApp {
    let app = spawn_app_with(TestOptions {
        timeout: Duration::from_secs(20),
        admin_token: Some(ADMIN.into()),
        ..TestOptions::default()
    })
    .await;
    let page = app.client.get(format!("{}/?{SEARCH}", app.address)).send().await.expect("page");
    assert_eq!(page.status(), 200);
    page.text().await.expect("the whole page");
    let purge = json!({ "query": format!(r#"mutation {{ purgeCache(marketplace: "{SLOW}") {{ entriesBefore }} }}"#) });
    let purged: Value = app
        .client
        .post(format!("{}/graphql", app.address))
        .bearer_auth(ADMIN)
        .json(&purge)
        .send()
        .await
        .expect("purge")
        .json()
        .await
        .expect("JSON");
    assert!(purged["data"]["purgeCache"]["entriesBefore"].as_i64().is_some_and(|n| n > 0), "{purged}");
    app.sandbox(SLOW).faults().set_latency(Duration::from_secs(2));
    app
}

/// Installed before the page's first byte: after every change to the DOM, what it holds then.
const WATCH: &str = r#"
window.__seen = [];
new MutationObserver(() => {
  const snapshot = {
    arrived: [...document.querySelectorAll('.arrived')].map(e => e.dataset.marketplace),
    compared: document.querySelector('.compared') !== null,
  };
  const last = window.__seen[window.__seen.length - 1];
  if (!last || JSON.stringify(last) !== JSON.stringify(snapshot)) window.__seen.push(snapshot);
}).observe(document, { childList: true, subtree: true });
"#;

fn names(snapshot: &Value) -> Vec<&str> {
    snapshot["arrived"].as_array().expect("a list").iter().map(|v| v.as_str().expect("an id")).collect()
}

#[tokio::test]
async fn with_one_marketplace_slowed_to_2_s_the_first_offers_are_in_the_dom_before_it_answers_and_the_page_ends_with_the_comparison()
 {
    let app = one_slow_marketplace().await;
    let browser = crate::cdp::Browser::launch();
    let mut tab = browser.tab(1280, 900, false).await;
    tab.call("Page.enable", json!({})).await;
    tab.call("Page.addScriptToEvaluateOnNewDocument", json!({ "source": WATCH })).await;
    tab.navigate(&format!("{}/?{SEARCH}", app.address)).await;
    tab.loaded().await;
    let seen = tab.eval("window.__seen").await;
    let seen = seen.as_array().expect("snapshots");
    let first = seen.iter().find(|s| !names(s).is_empty()).expect("offers arrived before the comparison");
    assert!(!names(first).contains(&SLOW), "the slowed marketplace was not first: {first}");
    assert_eq!(first["compared"], false, "the comparison came after the first offers: {first}");
    let compared = seen.iter().find(|s| s["compared"] == true).expect("the comparison is written");
    assert!(names(compared).contains(&SLOW), "the comparison waited for the slowed marketplace: {compared}");
    // The browser's own Accept-Encoding: the page came compressed, and still in parts.
    let sizes =
        tab.eval("(t => [t.encodedBodySize, t.decodedBodySize])(performance.getEntriesByType('navigation')[0])").await;
    let (encoded, decoded) = (sizes[0].as_f64().expect("n"), sizes[1].as_f64().expect("n"));
    assert!(encoded > 0.0 && encoded < decoded / 2.0, "compressed: {encoded} of {decoded} bytes");
    // Once the comparison is there, what arrived before it is hidden, and the live region says so.
    let region = tab.eval("document.querySelector('.arriving').getAttribute('aria-live')").await;
    assert_eq!(region, "polite");
    let shown = tab.eval("[...document.querySelectorAll('.arrived')].filter(e => e.checkVisibility()).length").await;
    assert_eq!(shown, 0, "the interim lists give way to the comparison");
    let done = tab.eval("document.querySelector('.arriving > .arrived-done') !== null").await;
    assert_eq!(done, true, "the live region's last words announce the comparison");
    let page = tab
        .eval(
            "[...document.querySelectorAll('.compared section.group')].map(s => ({ \
               title: s.querySelector('h2').textContent, \
               offers: [...s.querySelectorAll('li.offer')].map(li => li.dataset.offer).sort() }))",
        )
        .await;
    assert_eq!(page, api_groups(&app).await, "the streamed page's comparison is `compare`'s");
}

/// `compare`'s groups as the page lists them: title and offer ids (sorted), in order.
async fn api_groups(app: &TestApp) -> Value {
    let groups = crate::buyer_survey::groups(app).await;
    assert!(groups.len() >= 3, "groups to compare: {}", groups.len());
    let listed = groups.iter().map(|g| {
        let mut ids: Vec<&str> =
            g["offers"].as_array().expect("offers").iter().map(|o| o["id"].as_str().expect("id")).collect();
        ids.sort_unstable();
        json!({ "title": g["title"], "offers": ids })
    });
    Value::Array(listed.collect())
}

#[tokio::test]
async fn asked_as_chromium_asks_the_page_comes_brotli_compressed_in_parts_the_slowed_marketplace_after_the_others() {
    use std::io::Write;
    let app = one_slow_marketplace().await;
    let client = reqwest::Client::builder().no_proxy().no_gzip().build().expect("client");
    let mut response = client
        .get(format!("{}/?{SEARCH}", app.address))
        .header("accept-encoding", "gzip, deflate, br, zstd")
        .send()
        .await
        .expect("page");
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-encoding"], "br");
    let mut decoded = brotli::DecompressorWriter::new(Vec::new(), 4096);
    let mut parts = 0;
    let mut first = None;
    while let Some(chunk) = response.chunk().await.expect("a part") {
        parts += 1;
        decoded.write_all(&chunk).expect("brotli");
        let text = String::from_utf8_lossy(decoded.get_ref());
        if first.is_none() && text.contains(r#"<div class="arrived""#) {
            first = Some(text.into_owned());
        }
    }
    let first = first.expect("offers arrived in a part of their own");
    let slow = format!(r#"<div class="arrived" data-marketplace="{SLOW}""#);
    assert!(!first.contains(&slow), "the slowed marketplace came with the first offers");
    assert!(!first.contains(r#"<div class="compared""#), "the comparison came with the first offers");
    let whole = String::from_utf8(decoded.into_inner().expect("the whole page")).expect("UTF-8");
    assert!(whole.contains(&slow) && whole.contains(r#"<div class="compared""#), "{parts} parts");
    assert!(whole.trim_end().ends_with("</html>"), "the page ends");
}
