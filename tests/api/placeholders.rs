//! review33m N4, review35m M35-3, review36 R36-1/R36-2: placeholder prices (Rp 100 for a folder
//! sold at Rp 5.000) never make a product's figures, whatever their unit field's writing, and
//! where they are as many as the prices above them neither side does, from a stub of Mbiz's search.

use crate::helpers::{self, TestApp, mbiz_answer, mbiz_listing, spawn_app_with_mbiz};
use axum::extract::Query;
use serde_json::{Value, json};
use std::collections::HashMap;

const COMPARE: &str = r#"query($q: String!) {
  compare(query: $q, filter: { marketplaces: ["mbiz"] }, first: 5) { groups {
    title unitPriceMin unitPriceMedian cheapest { sourceId } uncounted { reason count }
  } } }"#;

/// Blue folders: four at Rp 100 beside two at Rp 5.000 and Rp 5.200; red: one at Rp 100 beside
/// one at Rp 5.000; green: two at Rp 100 beside three from Rp 5.000 to Rp 5.300; orange: one at
/// Rp 100 sold by the `Buah` beside three by the `Pcs`; purple: two at Rp 1.000 beside two at
/// Rp 12.000 and Rp 13.000; yellow: three at Rp 100 and nothing else; white: three at Rp 1.000;
/// brown: one at Rp 100 beside three from Rp 500 to Rp 600 and two over Rp 6.500.
async fn products(Query(ask): Query<HashMap<String, String>>) -> axum::Json<Value> {
    let asked = |colour: &str| ask.get("q").is_some_and(|q| q.contains(colour));
    let (colour, prices): (&str, &[u32]) = match () {
        _ if asked("merah") => ("Merah", &[100, 5000]),
        _ if asked("hijau") => ("Hijau", &[100, 100, 5000, 5200, 5300]),
        _ if asked("oranye") => ("Oranye", &[100, 5000, 5200, 5300]),
        _ if asked("ungu") => ("Ungu", &[1000, 1000, 12_000, 13_000]),
        _ if asked("kuning") => ("Kuning", &[100, 100, 100]),
        _ if asked("putih") => ("Putih", &[1000, 1000, 1000]),
        _ if asked("cokelat") => ("Cokelat", &[100, 500, 550, 600, 6500, 6600]),
        _ => ("Biru", &[100, 100, 100, 100, 5000, 5200]),
    };
    let listing = |(i, price): (usize, &u32)| {
        let uom = if colour == "Oranye" && i == 0 { "Buah" } else { "Pcs" };
        mbiz_listing("MAP", i, &format!("Map Plastik Bantex Kancing {colour} Folio"), *price, uom)
    };
    mbiz_answer(prices.iter().enumerate().map(listing).collect())
}

async fn gateway() -> TestApp {
    spawn_app_with_mbiz(products).await
}

async fn only_group(app: &TestApp, q: &str) -> Value {
    helpers::only_group(app, COMPARE, q).await
}

#[tokio::test]
async fn placeholder_prices_as_many_as_the_prices_above_them_leave_the_product_no_figures() {
    let app = gateway().await;
    let group = only_group(&app, "map plastik bantex kancing biru folio").await;
    let figures = (&group["unitPriceMin"], &group["unitPriceMedian"], &group["cheapest"]);
    assert_eq!(figures, (&Value::Null, &Value::Null, &Value::Null), "{group}");
    let why = json!([{ "reason": "FAR_BELOW_OTHERS", "count": 4 }, { "reason": "BESIDE_PLACEHOLDERS", "count": 2 }]);
    assert_eq!(group["uncounted"], why, "{group}");
}

#[tokio::test]
async fn a_placeholder_beside_one_real_price_leaves_the_product_no_figures_and_says_why() {
    let app = gateway().await;
    let group = only_group(&app, "map plastik bantex kancing merah folio").await;
    assert_eq!((&group["unitPriceMin"], &group["cheapest"]), (&Value::Null, &Value::Null), "{group}");
    let why = json!([{ "reason": "FAR_BELOW_OTHERS", "count": 1 }, { "reason": "BESIDE_PLACEHOLDERS", "count": 1 }]);
    assert_eq!(group["uncounted"], why, "{group}");
}

#[tokio::test]
async fn placeholder_prices_fewer_than_the_prices_above_them_are_left_out_and_the_prices_stay() {
    let app = gateway().await;
    let group = only_group(&app, "map plastik bantex kancing hijau folio").await;
    assert_eq!((&group["unitPriceMin"], &group["unitPriceMedian"]), (&json!("5000"), &json!("5200")), "{group}");
    assert_eq!(group["cheapest"]["sourceId"], "MAP-2", "{group}");
    assert_eq!(group["uncounted"], json!([{ "reason": "FAR_BELOW_OTHERS", "count": 2 }]), "{group}");
}

#[tokio::test]
async fn a_placeholder_whose_unit_field_is_written_otherwise_is_still_weighed_against_its_pack() {
    let app = gateway().await;
    let group = only_group(&app, "map plastik bantex kancing oranye folio").await;
    assert_eq!(group["unitPriceMin"], json!("5000"), "{group}");
    assert_eq!(group["uncounted"], json!([{ "reason": "FAR_BELOW_OTHERS", "count": 1 }]), "{group}");
}

#[tokio::test]
async fn two_placeholders_beside_two_prices_far_above_leave_the_product_no_figures() {
    let app = gateway().await;
    let group = only_group(&app, "map plastik bantex kancing ungu folio").await;
    assert_eq!((&group["unitPriceMin"], &group["cheapest"]), (&Value::Null, &Value::Null), "{group}");
    let why = json!([{ "reason": "FAR_BELOW_OTHERS", "count": 2 }, { "reason": "BESIDE_PLACEHOLDERS", "count": 2 }]);
    assert_eq!(group["uncounted"], why, "{group}");
}

#[tokio::test]
async fn a_placeholder_far_below_the_real_low_side_of_a_split_is_never_the_cheapest() {
    // review37m R37m-10: the Rp 100 lay within ten times of Rp 500 and was the counted cheapest.
    let app = gateway().await;
    let group = only_group(&app, "map plastik bantex kancing cokelat folio").await;
    assert_eq!((&group["unitPriceMin"], &group["cheapest"]["sourceId"]), (&json!("500"), &json!("MAP-1")), "{group}");
    assert_eq!(group["uncounted"], json!([{ "reason": "FAR_BELOW_OTHERS", "count": 1 }]), "{group}");
}

#[tokio::test]
async fn a_product_listed_only_at_placeholder_prices_states_no_price_figure() {
    // review35m M35-8: three folders at Rp 100 gave the product a lowest price of Rp 100.
    let app = gateway().await;
    let group = only_group(&app, "map plastik bantex kancing kuning folio").await;
    let figures = (&group["unitPriceMin"], &group["unitPriceMedian"], &group["cheapest"]);
    assert_eq!(figures, (&Value::Null, &Value::Null, &Value::Null), "{group}");
    assert_eq!(group["uncounted"], json!([{ "reason": "FAR_BELOW_OTHERS", "count": 3 }]), "{group}");
}

#[tokio::test]
async fn a_survey_whose_every_offer_is_left_out_says_why_in_plain_words() {
    // review35m M35-10: "dari 0 penawaran" stood alone, and a stand-in amount was "far below the
    // others" when no other offer was there.
    let app = gateway().await;
    let url = format!("{}/survey?q=map+plastik+bantex+kancing+kuning+folio&top=3", app.address);
    let html = app.client.get(&url).send().await.expect("survey").text().await.expect("html");
    let why = "Tidak ada harga yang dihitung: setiap penawaran produk ini dikesampingkan";
    assert!(html.contains(r#"data-figures="market" data-count="0""#) && html.contains(why), "{html:.3000}");
    assert!(html.contains("tidak dihitung: harga contoh, bukan harga jual"), "{html:.3000}");
    assert!(!html.contains("jauh di bawah"), "{html:.3000}");
}

#[tokio::test]
async fn a_product_sold_at_rp_1000_everywhere_keeps_its_figures() {
    let app = gateway().await;
    let group = only_group(&app, "map plastik bantex kancing putih folio").await;
    assert_eq!((&group["unitPriceMin"], &group["uncounted"]), (&json!("1000"), &json!([])), "{group}");
}

#[tokio::test]
async fn the_survey_workbook_counts_the_offers_left_out_and_says_why_no_price_is_counted() {
    // review36 R36-9: the summary sheet said 0 offers, with no count of those left out nor why.
    let app = gateway().await;
    let url = format!("{}/survey.xlsx?q=map+plastik+bantex+kancing+kuning+folio&top=3", app.address);
    let bytes = app.client.get(&url).send().await.expect("xlsx").bytes().await.expect("bytes");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("survei-harga.xlsx");
    std::fs::write(&path, bytes).expect("write");
    let book = crate::buyer_survey::read_workbook(&path);
    let rows = book[1]["rows"].as_array().expect("summary rows");
    let cells =
        |row: &Value| -> Vec<Value> { row.as_array().expect("cells").iter().map(|c| c["value"].clone()).collect() };
    assert_eq!(cells(&rows[0])[7..9], [json!("dikesampingkan"), json!("catatan")], "{:?}", cells(&rows[0]));
    let market = cells(&rows[1]);
    assert_eq!((&market[2], &market[7]), (&json!(0), &json!(3)), "{market:?}");
    assert!(market[8].as_str().is_some_and(|n| n.starts_with("Tidak ada harga yang dihitung")), "{market:?}");
}

#[tokio::test]
async fn a_survey_of_a_product_stating_no_figure_shows_a_price_from_each_side_of_its_split() {
    // review36 R36-9: the three default rows were all Rp 100 placeholders; Rp 5.000 was hidden.
    let app = gateway().await;
    let url = format!("{}/survey?q=map+plastik+bantex+kancing+biru+folio&top=3", app.address);
    let html = app.client.get(&url).send().await.expect("survey").text().await.expect("html");
    let rows: Vec<&str> =
        html.split("<tr data-offer=\"").skip(1).map(|r| r.split("</tr>").next().unwrap_or(r)).collect();
    let ids: Vec<&str> = rows.iter().filter_map(|r| r.split('"').next()).collect();
    assert_eq!(ids, ["mbiz:MAP-0", "mbiz:MAP-1", "mbiz:MAP-4"], "{html:.3000}");
    assert!(rows[2].contains("harga lain sepuluh kali lebih murah"), "{}", rows[2]);
}

#[tokio::test]
async fn a_one_row_survey_of_a_product_stating_no_figure_shows_the_real_price_not_the_placeholder() {
    // review37m R37m-12: top=1 gave the one row Rp 100, "tidak dihitung: harga contoh".
    let app = gateway().await;
    let url = format!("{}/survey?q=map+plastik+bantex+kancing+biru+folio&top=1", app.address);
    let html = app.client.get(&url).send().await.expect("survey").text().await.expect("html");
    let ids: Vec<&str> = html.split("<tr data-offer=\"").skip(1).filter_map(|r| r.split('"').next()).collect();
    assert_eq!(ids, ["mbiz:MAP-4"], "{html:.3000}");
}

#[tokio::test]
async fn the_buyer_page_shows_a_price_from_each_side_of_the_split_before_show_more() {
    let app = gateway().await;
    let url = format!("{}/?q=map+plastik+bantex+kancing+biru+folio", app.address);
    let html = app.client.get(&url).send().await.expect("page").text().await.expect("html");
    let section = html.split("<section class=\"group\"").nth(1).unwrap_or_else(|| panic!("{html:.3000}"));
    let shown = section.split("<details class=\"more\"").next().unwrap_or(section);
    let ids = |part: &str| -> Vec<String> {
        part.split("data-offer=\"").skip(1).filter_map(|p| p.split('"').next()).map(str::to_string).collect()
    };
    assert_eq!(ids(shown), ["mbiz:MAP-0", "mbiz:MAP-1", "mbiz:MAP-2", "mbiz:MAP-4"], "{section:.4000}");
}
