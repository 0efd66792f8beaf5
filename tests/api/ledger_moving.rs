//! A ledger that changes while Pasar reads it: an order deleted or archived between two page
//! calls moves every later entry up one place, so the entry at the page boundary is never
//! served, and one already read may be counted though it is gone (review37s R37s-3).

use crate::helpers::{TestApp, spawn_app_with_stub};
use crate::ledger_gaps::order;
use axum::extract::Query;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Orders each buyer holds before any is deleted.
const ORDERS: usize = 230;

/// Order `i`, the first (deleted first) of Rp9.990.000, the others of Rp1.110.000.
fn held(i: usize, buyer: &str) -> Value {
    let mut held = order(i, buyer, "COMPLETED");
    if i == 0 {
        held["amount"] = json!("Rp9.990.000");
    }
    held
}

/// Kota Kediri (35.71) loses its first order after the first page call (once); Kota Blitar
/// (35.72) loses one more before every call after the first, as the review's stub did.
fn deleted(buyer: &str, calls_before: usize) -> usize {
    match buyer {
        "35.71" => calls_before.min(1),
        _ => calls_before,
    }
}

/// `GET /api/v1/orders` for 2023 (other years are empty), counting each buyer's calls.
fn stub() -> axum::Router {
    let calls: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    axum::Router::new().route(
        "/api/v1/orders",
        axum::routing::get(move |Query(ask): Query<HashMap<String, String>>| async move {
            if !ask.get("from").is_some_and(|f| f.starts_with("2023")) {
                return axum::Json(json!({ "data": [], "meta": { "total": 0 } }));
            }
            let buyer = ask.get("buyer_code").cloned().unwrap_or_default();
            let before = {
                let mut calls = calls.lock().expect("calls");
                let n = calls.entry(buyer.clone()).or_default();
                *n += 1;
                *n - 1
            };
            let books: Vec<Value> = (deleted(&buyer, before)..ORDERS).map(|i| held(i, &buyer)).collect();
            let number = |k: &str| ask.get(k).and_then(|v| v.parse::<usize>().ok()).unwrap_or(1);
            let (page, size) = (number("page"), number("per_page"));
            let start = ((page - 1) * size).min(books.len());
            let data = &books[start..(start + size).min(books.len())];
            axum::Json(json!({ "data": data, "meta": { "total": books.len() } }))
        }),
    )
}

async fn spending(app: &TestApp, buyer: &str) -> Value {
    let query = r#"query($buyer: String!) {
      spending(buyer: $buyer, year: 2023, marketplaces: ["mbiz"]) {
        complete transactionCount total { amountIncludingVat } sources { message } } }"#;
    app.graphql(query, json!({ "buyer": buyer })).await["data"]["spending"].clone()
}

#[tokio::test]
async fn a_ledger_whose_stated_total_changes_during_the_read_is_read_again_or_said_incomplete() {
    let app = spawn_app_with_stub("mbiz", stub()).await;
    let once = spending(&app, "35.71").await;
    assert_eq!((&once["complete"], &once["transactionCount"]), (&json!(true), &json!(229)), "read again: {once}");
    assert_eq!(once["total"]["amountIncludingVat"], "254190000", "229 × Rp1.110.000, the deleted order out: {once}");
    let moving = spending(&app, "35.72").await;
    assert_eq!(moving["complete"], false, "a ledger moving on every call is never complete: {moving}");
    let message = moving["sources"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("the total it states changed while its pages were read"), "{moving}");
    let page = app.client.get(format!("{}/belanja?wilayah=35.72&tahun=2023", app.address)).send().await;
    let page = page.expect("page").text().await.expect("text");
    let warning = &page[page.find("id=\"incomplete\"").expect("the page says the data is incomplete")..];
    assert!(warning.contains("berubah selama halamannya dibaca"), "{warning}");
}
