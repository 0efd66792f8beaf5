//! review39n R39n-8: a price quoted as a range (`Rp100rb - Rp120rb`) passes a price filter only
//! when both its ends do, and shows its upper end, from a stub of Mbiz's search.

use crate::helpers::{TestApp, mbiz_answer, mbiz_listing, spawn_app_with_mbiz};
use serde_json::{Value, json};

const SEARCH: &str = r#"query($f: OfferFilter) { search(query: "kursi", first: 10, filter: $f) { offers { edges { node {
  sourceId price { amount exact rangeMax rangeMaxExcludingVat rangeMaxIncludingVat amountIncludingVat } } } } } }"#;

/// One chair quoted as a range, Rp 100.000 to Rp 120.000, and one at Rp 105.000 (both including PPN).
async fn products() -> axum::Json<Value> {
    let mut range = mbiz_listing("K", 0, "Kursi Lipat Chitose Yamato", 0, "Pcs");
    range["price"] = json!("Rp100rb - Rp120rb");
    mbiz_answer(vec![range, mbiz_listing("K", 1, "Kursi Lipat Chitose Yamato", 105_000, "Pcs")])
}

async fn ids(app: &TestApp, filter: Value) -> Vec<String> {
    let response = app.graphql(SEARCH, json!({ "f": filter })).await;
    let edges = response["data"]["search"]["offers"]["edges"].as_array().unwrap_or_else(|| panic!("{response}"));
    edges.iter().map(|e| e["node"]["sourceId"].as_str().unwrap_or_default().to_owned()).collect()
}

#[tokio::test]
async fn a_range_is_under_a_maximum_only_when_its_upper_end_is() {
    let app = spawn_app_with_mbiz(products).await;
    let bounds =
        |min: Option<&str>, max: Option<&str>| json!({ "marketplaces": ["mbiz"], "minPrice": min, "maxPrice": max });
    assert_eq!(ids(&app, bounds(None, Some("110000"))).await, ["K-1"], "Rp 100rb - 120rb may cost 120.000");
    assert_eq!(ids(&app, bounds(None, Some("120000"))).await, ["K-0", "K-1"]);
    assert_eq!(ids(&app, bounds(Some("101000"), None)).await, ["K-1"], "it may cost 100.000");
    assert_eq!(ids(&app, bounds(Some("100000"), Some("120000"))).await, ["K-0", "K-1"]);
}

#[tokio::test]
async fn a_range_shows_its_upper_end_with_and_without_ppn() {
    let app = spawn_app_with_mbiz(products).await;
    let response = app.graphql(SEARCH, json!({ "f": { "marketplaces": ["mbiz"] } })).await;
    let prices: Vec<&Value> = response["data"]["search"]["offers"]["edges"]
        .as_array()
        .map(|e| e.iter().map(|e| &e["node"]["price"]).collect())
        .unwrap_or_default();
    let range = json!({ "amount": "100000", "exact": false, "rangeMax": "120000", "rangeMaxExcludingVat": "108108.11",
        "rangeMaxIncludingVat": "120000", "amountIncludingVat": "100000" });
    let single = json!({ "amount": "105000", "exact": true, "rangeMax": null, "rangeMaxExcludingVat": null,
        "rangeMaxIncludingVat": null, "amountIncludingVat": "105000" });
    assert_eq!(prices, [&range, &single], "{response}");
}
