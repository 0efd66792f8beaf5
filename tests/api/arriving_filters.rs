//! The buyer page's live list under "UMK only" (review30a F3): a marketplace whose offers the
//! comparison then shows is never listed as having none while it answers.

use crate::helpers::{DEMO_PRODUCTS, TestOptions, spawn_app_with};
use regex::Regex;
use std::time::Duration;

#[tokio::test]
async fn under_umk_only_a_marketplace_in_the_comparison_lists_offers_as_it_answers() {
    let options = TestOptions { products: DEMO_PRODUCTS, timeout: Duration::from_secs(20), ..TestOptions::default() };
    let app = spawn_app_with(options).await;
    // Bela answers first, before any account stating its vendors' scale has been read.
    let later = pasar::sandbox::FaultConfig { latency_ms: 300, mode: "none".into(), ..Default::default() };
    for id in ["ekatalog", "jatim-bejo", "mbiz", "padi-umkm"] {
        app.sandbox(id).faults().apply(&later).expect("fault");
    }
    let page = app.client.get(format!("{}/?q=kertas&umk=1", app.address)).send().await.expect("page");
    let html = page.text().await.expect("html");
    let compared = Regex::new(r#"<li class="[^"]*"[^>]* data-marketplace="([a-z-]+)" data-offer="#).expect("regex");
    let mut shown: Vec<&str> = compared.captures_iter(&html).map(|c| c.get(1).expect("id").as_str()).collect();
    shown.sort_unstable();
    shown.dedup();
    assert!(
        shown.contains(&"bela"),
        "Bela's UMK offers (their scale stated by other accounts) are compared: {shown:?}"
    );
    for id in shown {
        let part =
            Regex::new(&format!(r#"(?s)<div class="arrived" data-marketplace="{id}">(.*?)</div>"#)).expect("regex");
        let arrived = part.captures(&html).unwrap_or_else(|| panic!("{id} arrived")).get(1).expect("part").as_str();
        assert!(arrived.contains("<ol class=\"arrived-offers\">"), "{id} listed nothing as it answered: {arrived}");
    }
}
