//! review36b R36b-4: a listing sold by the `Pcs` whose title counts sheets (`Kertas A4 500
//! lembar`) is priced per sheet, so a ream and a pack of 100 are never one product at one price;
//! a title counting pieces beside `Pcs` (`isi 12 pcs`) still leaves the price's pack unsure, and
//! one ream's sheets beside a `Box` are not what the box holds (review37m R37m-11).
//! From a stub of Mbiz's search.

use crate::helpers::{self, TestApp, mbiz_answer, mbiz_listing, spawn_app_with_mbiz};
use axum::extract::Query;
use serde_json::{Value, json};
use std::collections::HashMap;

const COMPARE: &str = r#"query($q: String!) {
  compare(query: $q, filter: { marketplaces: ["mbiz"] }, first: 5) { groups {
    unitPriceMin unitPriceMax cheapest { sourceId } uncounted { reason count }
    offers { sourceId unit { baseUnit quantity } unitPrice { amountIncludingVat } }
  } } }"#;

/// Each listing as (title, price, unit field), chosen by the first word asked.
async fn products(Query(ask): Query<HashMap<String, String>>) -> axum::Json<Value> {
    let asked = |word: &str| ask.get("q").is_some_and(|q| q.starts_with(word));
    let listings: &[(&str, u32, &str)] = match () {
        // A ream at Rp 1.000 beside reams at Rp 55.000 and more, each pack written its own way.
        _ if asked("hvs") => &[
            ("HVS Sidu A4 500 lembar", 1000, "Pcs"),
            ("HVS Sidu A4", 55_000, "Rim"),
            ("HVS Sidu A4 (500 lbr)", 56_000, "Pcs"),
            ("HVS Sidu A4", 57_000, "RIM (500 lbr)"),
        ],
        // Reams by the Rim and the Pcs beside a box of them whose title counts one ream's sheets.
        _ if asked("sidu") => &[
            ("Kertas HVS Sidu A4 70 gsm", 55_000, "Rim"),
            ("Kertas HVS Sidu A4 70 gsm 500 lembar", 56_000, "Pcs"),
            ("Kertas HVS Sidu A4 70 gsm 500 lembar", 275_000, "Box"),
        ],
        _ if asked("pulpen") => {
            &[("Pulpen Joyko Isi 12 pcs", 30_000, "Pcs"), ("Pulpen Joyko Isi 24 pcs", 30_000, "Pcs")]
        }
        _ => &[("Kertas A4 500 lembar", 100_000, "Pcs"), ("Kertas A4 100 lembar", 100_000, "Pcs")],
    };
    let listing = |(i, (title, price, uom)): (usize, &(&str, u32, &str))| mbiz_listing("P", i, title, *price, uom);
    mbiz_answer(listings.iter().enumerate().map(listing).collect())
}

async fn gateway() -> TestApp {
    spawn_app_with_mbiz(products).await
}

async fn only_group(app: &TestApp, q: &str) -> Value {
    helpers::only_group(app, COMPARE, q).await
}

/// Each offer's (source id, base unit, pack size, unit price).
fn units(group: &Value) -> Vec<(String, Value, Value, Value)> {
    let offers = group["offers"].as_array().unwrap_or_else(|| panic!("{group}"));
    let unit = |o: &Value| {
        let id = o["sourceId"].as_str().unwrap_or_default().to_string();
        (id, o["unit"]["baseUnit"].clone(), o["unit"]["quantity"].clone(), o["unitPrice"]["amountIncludingVat"].clone())
    };
    let mut units: Vec<_> = offers.iter().map(unit).collect();
    units.sort_by(|a, b| a.0.cmp(&b.0));
    units
}

#[tokio::test]
async fn a_ream_and_a_pack_of_100_sheets_sold_by_the_piece_are_priced_per_sheet() {
    let app = gateway().await;
    let group = only_group(&app, "kertas a4 lembar").await;
    let per_sheet = [
        ("P-0".to_string(), json!("lembar"), json!("500"), json!("200")),
        ("P-1".to_string(), json!("lembar"), json!("100"), json!("1000")),
    ];
    assert_eq!(units(&group), per_sheet, "{group}");
    assert_eq!((&group["unitPriceMin"], &group["unitPriceMax"]), (&json!("200"), &json!("1000")), "{group}");
    assert_eq!((&group["cheapest"]["sourceId"], &group["uncounted"]), (&json!("P-0"), &json!([])), "{group}");
}

#[tokio::test]
async fn a_ream_by_the_piece_at_a_placeholder_is_weighed_against_reams_written_rim() {
    let app = gateway().await;
    let group = only_group(&app, "hvs sidu a4").await;
    assert_eq!((&group["unitPriceMin"], &group["cheapest"]["sourceId"]), (&json!("110"), &json!("P-1")), "{group}");
    assert_eq!(group["uncounted"], json!([{ "reason": "FAR_BELOW_OTHERS", "count": 1 }]), "{group}");
}

#[tokio::test]
async fn boxes_of_pens_by_the_piece_state_no_figure_as_which_pack_the_price_is_for_is_unsure() {
    let app = gateway().await;
    let group = only_group(&app, "pulpen joyko isi").await;
    let figures = (&group["unitPriceMin"], &group["cheapest"]);
    assert_eq!(figures, (&Value::Null, &Value::Null), "{group}");
    assert_eq!(group["uncounted"], json!([{ "reason": "NO_CONFIDENT_PACK", "count": 2 }]), "{group}");
}

#[tokio::test]
async fn a_box_whose_title_counts_one_reams_sheets_is_not_priced_as_a_ream() {
    // review37m R37m-11: the box at Rp 275.000 read 500 lembar, Rp 550, the group's max.
    let app = gateway().await;
    let group = only_group(&app, "sidu kertas hvs a4").await;
    assert_eq!((&group["unitPriceMin"], &group["unitPriceMax"]), (&json!("110"), &json!("112")), "{group}");
    assert_eq!(group["uncounted"], json!([{ "reason": "NO_CONFIDENT_PACK", "count": 1 }]), "{group}");
}
