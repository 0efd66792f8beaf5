//! Issue 28 item 1: a vendor's policy facts come from every account of it in the same answer.
//! Mbizmarket states no business scale and writes towns that name two regions; the same
//! vendors' accounts on other marketplaces state both, and the page and the API use them.

use crate::helpers::{TestOptions, spawn_app_with};
use regex::Regex;
use serde_json::{Value, json};

const COMPARE: &str = r#"query($filter: OfferFilter) { compare(query: "kertas hvs a4", buyer: { regionCode: "35.71" }, first: 10, filter: $filter) {
  groups { ranked { offer { id marketplace { id } } ranking { umk locality scaleStatedBy regionStatedBy vendorRegionCode reasons } } }
} }"#;

fn ranked(response: &Value) -> Vec<&Value> {
    assert!(response["errors"].is_null(), "{response}");
    response["data"]["compare"]["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .flat_map(|g| g["ranked"].as_array().expect("ranked"))
        .collect()
}

#[tokio::test]
async fn an_mbiz_offer_whose_vendor_another_marketplace_states_as_umk_is_umk_on_the_page_and_survives_the_umk_filter() {
    // Every marketplace must answer for the accounts to meet: a generous deadline on a loaded machine.
    let app =
        spawn_app_with(TestOptions { timeout: std::time::Duration::from_secs(20), ..TestOptions::default() }).await;
    let all = app.graphql(COMPARE, json!({})).await;
    let mbiz_umk: Vec<&Value> = ranked(&all)
        .into_iter()
        .filter(|o| o["offer"]["marketplace"]["id"] == "mbiz" && o["ranking"]["umk"] == true)
        .collect();
    assert!(!mbiz_umk.is_empty(), "some Mbizmarket vendors are UMK by their other accounts: {all}");
    for offer in &mbiz_umk {
        let by = offer["ranking"]["scaleStatedBy"].as_str().expect("who stated the scale");
        assert_ne!(by, "mbiz", "Mbizmarket states no scale: {offer}");
        let reasons = offer["ranking"]["reasons"].to_string();
        assert!(reasons.contains(&format!("as stated by the same vendor's account on {by}")), "{reasons}");
    }
    let placed = ranked(&all)
        .into_iter()
        .filter(|o| o["offer"]["marketplace"]["id"] == "mbiz" && o["ranking"]["vendorRegionCode"].is_string())
        .count();
    assert!(placed > 0, "Mbizmarket vendors are placed by their other accounts' regions");

    let umk_only = app.graphql(COMPARE, json!({ "filter": { "umkOnly": true } })).await;
    let kept: Vec<&str> = ranked(&umk_only).iter().map(|o| o["offer"]["id"].as_str().expect("id")).collect();
    assert!(ranked(&umk_only).iter().all(|o| o["ranking"]["umk"] == true), "only UMK offers pass umkOnly");
    let id = mbiz_umk[0]["offer"]["id"].as_str().expect("id");
    let surviving = mbiz_umk.iter().filter(|o| kept.contains(&o["offer"]["id"].as_str().unwrap_or_default())).count();
    assert!(surviving > 0, "Mbizmarket UMK offers survive umkOnly: {kept:?}");

    let page = |extra: &str| {
        let url = format!("{}/?q=kertas+hvs+a4&region=35.71{extra}", app.address);
        let client = app.client.clone();
        async move { client.get(url).send().await.expect("page").text().await.expect("html") }
    };
    let html = page("").await;
    let item = Regex::new(&format!(r#"(?s)data-offer="{}">.*?</li>"#, regex::escape(id))).expect("regex");
    let shown = item.find(&html).map(|m| m.as_str().to_string()).unwrap_or_else(|| panic!("{id} is on the page"));
    assert!(shown.contains(r#"<span class="badge">UMK</span>"#), "{shown}");
    assert!(shown.contains("Penyedia UMK") && shown.contains("akun lain penyedia ini di"), "{shown}");
    let filtered = page("&umk=1").await;
    let on_page = Regex::new(r#"data-offer="(mbiz:[^"]+)""#).expect("regex");
    let mbiz_on_page = on_page.captures_iter(&filtered).count();
    assert!(mbiz_on_page > 0, "Mbizmarket offers stay with umk=1");
}
