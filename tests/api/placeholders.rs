//! review33m N4: placeholder prices (Rp 100 for a folder sold at Rp 5.000) that are most of a
//! product's offers, or half of a pair, never make its figures, from a stub of Mbiz's search.

use crate::helpers::{TestApp, spawn_app_with_stub};
use axum::extract::Query;
use serde_json::{Value, json};
use std::collections::HashMap;

const COMPARE: &str = r#"query($q: String!) {
  compare(query: $q, filter: { marketplaces: ["mbiz"] }, first: 5) { groups {
    title unitPriceMin unitPriceMedian cheapest { sourceId } uncounted { reason count }
  } } }"#;

/// Four folders at Rp 100 beside two at Rp 5.000 and Rp 5.200; asked for the red one, one at
/// Rp 100 beside one at Rp 5.000.
async fn products(Query(ask): Query<HashMap<String, String>>) -> axum::Json<Value> {
    let red = ask.get("q").is_some_and(|q| q.contains("merah"));
    let prices: &[u32] = if red { &[100, 5000] } else { &[100, 100, 100, 100, 5000, 5200] };
    let colour = if red { "Merah" } else { "Biru" };
    let listing = |(i, price): (usize, &u32)| {
        json!({
            "id": format!("MAP-{i}"), "name": format!("Map Plastik Bantex Kancing {colour} Folio"),
            "price": format!("Rp{}", price), "uom": "Pcs", "stock": 10, "vat_rate": 11,
            "url": format!("https://mbiz.example/p/{i}"),
            "seller": { "id": format!("S-{i}"), "name": "PT Uji", "city": "Kota Malang" },
        })
    };
    let data: Vec<Value> = prices.iter().enumerate().map(listing).collect();
    axum::Json(json!({ "data": data, "meta": { "total": prices.len() } }))
}

async fn gateway() -> TestApp {
    spawn_app_with_stub("mbiz", axum::Router::new().route("/api/v1/products", axum::routing::get(products))).await
}

async fn only_group(app: &TestApp, q: &str) -> Value {
    let response = app.graphql(COMPARE, json!({ "q": q })).await;
    let groups = response["data"]["compare"]["groups"].as_array().unwrap_or_else(|| panic!("{response}"));
    assert_eq!(groups.len(), 1, "{response}");
    groups[0].clone()
}

#[tokio::test]
async fn placeholder_prices_that_are_most_of_a_products_offers_are_left_out_of_its_figures() {
    let app = gateway().await;
    let group = only_group(&app, "map plastik bantex kancing biru folio").await;
    assert_eq!((&group["unitPriceMin"], &group["unitPriceMedian"]), (&json!("5000"), &json!("5100")), "{group}");
    assert_eq!(group["cheapest"]["sourceId"], "MAP-4", "{group}");
    assert_eq!(group["uncounted"], json!([{ "reason": "FAR_BELOW_OTHERS", "count": 4 }]), "{group}");
}

#[tokio::test]
async fn a_placeholder_beside_one_real_price_leaves_the_product_no_figures_and_says_why() {
    let app = gateway().await;
    let group = only_group(&app, "map plastik bantex kancing merah folio").await;
    assert_eq!((&group["unitPriceMin"], &group["cheapest"]), (&Value::Null, &Value::Null), "{group}");
    let why = json!([{ "reason": "FAR_BELOW_OTHERS", "count": 1 }, { "reason": "BESIDE_PLACEHOLDERS", "count": 1 }]);
    assert_eq!(group["uncounted"], why, "{group}");
}
