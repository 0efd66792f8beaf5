//! review30a F6: a listing sold from a branch names the branch's region (`officeRegion`), which
//! is what `filter.vendorRegion` keeps it by, while `vendor.region` is the merged vendor's.

use crate::helpers::{TestOptions, offers, spawn_app_with};
use serde_json::json;

const SEARCH: &str = r#"query($region: String) { search(query: "kertas hvs a4", first: 100,
  filter: { vendorRegion: $region, marketplaces: ["mbiz", "padi-umkm"] }) {
  offers { edges { node { id officeRegion { code } vendor { region { code } } } } } } }"#;

#[tokio::test]
async fn the_vendor_region_filter_keeps_offers_by_the_office_they_name_which_a_branch_names_apart() {
    let app = spawn_app_with(TestOptions { products: crate::helpers::DEMO_PRODUCTS, ..TestOptions::default() }).await;
    let all = app.graphql(SEARCH, json!({})).await;
    let branches: Vec<_> = offers(&all)
        .into_iter()
        .filter(|o| o["officeRegion"]["code"].is_string() && o["officeRegion"]["code"] != o["vendor"]["region"]["code"])
        .collect();
    // The demo's vendors with branches (PT Bumi Solusi Niaga sells from Kabupaten Banyuwangi,
    // its first account is in Kota Bekasi).
    let branch = branches.first().unwrap_or_else(|| panic!("an offer sold from a branch: {all}"));
    let office = branch["officeRegion"]["code"].as_str().expect("code");
    let kept = app.graphql(SEARCH, json!({ "region": office })).await;
    let ids: Vec<_> = offers(&kept).iter().map(|o| o["id"].clone()).collect();
    assert!(ids.contains(&branch["id"]), "{branch} kept under its office {office}: {kept}");
    for offer in offers(&kept) {
        let code = &offer["officeRegion"]["code"];
        assert!(code.is_null() || code == office, "kept by its office: {offer}");
    }
}
