//! Ledgers that do not add up, from a stub of Mbiz's orders API: one stating more than it
//! serves, one capping its page size silently, entries of unknown statuses, of another buyer or
//! of another year.
//! The sandbox serves none of these, and each is what a real API, proxy or paging bug can send.

use crate::helpers::{TestApp, spawn_app_with_stub};
use axum::extract::Query;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Orders every buyer has in the stub, each a completed Rp1.110.000 (PPN included).
const ORDERS: usize = 150;

const SPENDING: &str = r#"query($buyer: String!) {
  spending(buyer: $buyer, year: 2023, marketplaces: ["mbiz"]) {
    complete total { amountIncludingVat } transactionCount
    sources { status transactionCount unreadableCount message }
  } }"#;

pub(crate) fn order(i: usize, buyer: &str, status: &str) -> Value {
    json!({
        "id": format!("MBIZ-2023-{i:06}"), "created_at": format!("2023-03-{:02}T03:00:00Z", 1 + i % 28),
        "buyer": { "code": buyer, "unit": "Dinas Uji" }, "amount": "Rp1.110.000", "tax_included": true,
        "seller_pkp": true, "status": status, "payment": "VIRTUAL_ACCOUNT",
        "seller": { "id": "S-1", "name": "PT Uji", "scale": "KECIL", "city": "Kota Malang" },
    })
}

/// `order` dated 2022-12-31 23:30 WIB: a marketplace filtering its year in UTC sends it for 2023.
fn last_year(mut order: Value) -> Value {
    order["created_at"] = json!("2022-12-31T16:30:00Z");
    order
}

/// `order` with an amount below zero, which no total may take.
fn negative(mut order: Value) -> Value {
    order["amount"] = json!("Rp-1.110.000");
    order
}

/// `GET /api/v1/orders`, misbehaving by buyer: 35.72 answers page 2 empty, 35.75 serves at most
/// 50 a page whatever is asked, 35.27 uses status words Pasar does not know, 35.79 sends every
/// third order of Kota Kediri, 35.78 only Kota Kediri's, 35.74 dates every fifth order on the last
/// evening of 2022 (WIB), 35.15 writes every fiftieth amount negative, 35.16 lists every
/// fiftieth order twice in a row (the second in place of the next). Every one states 150 orders, but 35.76 (capped at 50 a page too) and
/// 35.77 state no total. Any other year than 2023 (`from`) is empty.
async fn orders(Query(ask): Query<HashMap<String, String>>, asked_2023: bool) -> axum::Json<Value> {
    if !asked_2023 {
        return axum::Json(json!({ "data": [], "meta": { "total": 0 } }));
    }
    let buyer = ask.get("buyer_code").cloned().unwrap_or_default();
    let number = |k: &str, default| ask.get(k).and_then(|v| v.parse().ok()).unwrap_or(default);
    let (page, mut size): (usize, usize) = (number("page", 1), number("per_page", 50));
    let all: Vec<Value> = (0..ORDERS)
        .map(|i| match buyer.as_str() {
            "35.27" => order(i, &buyer, ["COMPLETED", "DELIVERED", "SETTLED", "PAID", "DONE"][i % 5]),
            "35.79" if i % 3 == 0 => order(i, "35.71", "COMPLETED"),
            "35.78" => order(i, "35.71", "COMPLETED"),
            "35.74" if i % 5 == 0 => last_year(order(i, &buyer, "COMPLETED")),
            "35.15" if i % 50 == 0 => negative(order(i, &buyer, "COMPLETED")),
            "35.16" if i % 50 == 1 => order(i - 1, &buyer, "COMPLETED"),
            _ => order(i, &buyer, "COMPLETED"),
        })
        .collect();
    if buyer == "35.75" || buyer == "35.76" {
        size = size.min(50);
    }
    let start = ((page - 1) * size).min(ORDERS);
    let data = if buyer == "35.72" && page == 2 { &[][..] } else { &all[start..(start + size).min(ORDERS)] };
    let meta = if ["35.76", "35.77"].contains(&buyer.as_str()) { json!({}) } else { json!({ "total": ORDERS }) };
    axum::Json(json!({ "data": data, "meta": meta }))
}

/// A gateway whose Mbiz is the stub, and the stub's count of ledger calls.
async fn gateway() -> (TestApp, Arc<AtomicUsize>) {
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&calls);
    let stub = axum::Router::new().route(
        "/api/v1/orders",
        axum::routing::get(move |Query(ask): Query<HashMap<String, String>>| {
            // The years either side are read too, for entries filed there (one empty page each).
            let asked_2023 = ask.get("from").is_some_and(|f| f.starts_with("2023"));
            counted.fetch_add(usize::from(asked_2023), Ordering::Relaxed);
            orders(Query(ask), asked_2023)
        }),
    );
    (spawn_app_with_stub("mbiz", stub).await, calls)
}

async fn spending(app: &TestApp, buyer: &str) -> Value {
    let body = app.graphql(SPENDING, json!({ "buyer": buyer })).await;
    body["data"]["spending"].clone()
}

/// `spending` with each source's count of entries stating another buyer.
async fn with_other_buyers(app: &TestApp, buyer: &str) -> Value {
    let query = SPENDING.replace("unreadableCount", "unreadableCount otherBuyerCount");
    let body = app.graphql(&query, json!({ "buyer": buyer })).await;
    body["data"]["spending"].clone()
}

#[tokio::test]
async fn a_ledger_ending_before_the_total_it_states_is_incomplete_and_says_how_much_was_read() {
    let (app, _) = gateway().await;
    let whole = spending(&app, "35.73").await;
    assert_eq!((&whole["complete"], &whole["transactionCount"]), (&json!(true), &json!(150)), "{whole}");
    let short = spending(&app, "35.72").await;
    assert_eq!(short["complete"], false, "{short}");
    assert_eq!(short["total"]["amountIncludingVat"], "111000000");
    let message = short["sources"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("read 100 of the 150 transactions it states"), "{short}");
    let page = app.client.get(format!("{}/belanja?wilayah=35.72&tahun=2023", app.address)).send().await;
    let page = page.expect("page").text().await.expect("text");
    let warning = &page[page.find("id=\"incomplete\"").expect("the page says the data is incomplete")..];
    assert!(warning.contains("hanya 100 dari 150 transaksi yang dinyatakannya terbaca"), "{warning}");
    let csv = app.client.get(format!("{}/belanja.csv?wilayah=35.72&tahun=2023", app.address)).send().await;
    let csv = csv.expect("csv").text().await.expect("text");
    assert!(csv.contains("\nData belum lengkap;Mbizmarket (hanya 100 dari 150"), "{csv}");
    assert!(csv.contains(" (belum lengkap);Kota Blitar;"), "its ranking row is marked short too: {csv}");
}

#[tokio::test]
async fn a_marketplace_capping_its_page_size_is_read_whole_at_the_size_it_serves() {
    let (app, calls) = gateway().await;
    let capped = spending(&app, "35.75").await;
    assert_eq!(capped["complete"], true, "{capped}");
    assert_eq!(
        (&capped["transactionCount"], &capped["total"]["amountIncludingVat"]),
        (&json!(150), &json!("166500000"))
    );
    assert_eq!(calls.load(Ordering::Relaxed), 3, "pages 1, 2 and 3 at 50, none read twice");
}

#[tokio::test]
async fn a_marketplace_capping_its_page_size_and_stating_no_total_is_read_whole_not_ended_at_its_first_page() {
    let (app, calls) = gateway().await;
    let capped = spending(&app, "35.76").await;
    assert_eq!((&capped["complete"], &capped["transactionCount"]), (&json!(true), &json!(150)), "{capped}");
    assert_eq!(capped["total"]["amountIncludingVat"], "166500000");
    assert_eq!(calls.load(Ordering::Relaxed), 4, "50 of 100 asked, read on at 50: 50, 50, then the empty page");
}

#[tokio::test]
async fn a_ledger_stating_no_total_ends_at_a_short_page_smaller_than_a_full_one_without_a_call_more() {
    let (app, calls) = gateway().await;
    let whole = spending(&app, "35.77").await;
    assert_eq!((&whole["complete"], &whole["transactionCount"]), (&json!(true), &json!(150)), "{whole}");
    assert_eq!(calls.load(Ordering::Relaxed), 2, "100 served in full, so the 50 after them are the end");
}

#[tokio::test]
async fn status_words_pasar_does_not_know_leave_the_answer_incomplete_and_are_named() {
    let (app, _) = gateway().await;
    let s = spending(&app, "35.27").await;
    assert_eq!(s["complete"], false, "{s}");
    assert_eq!((&s["transactionCount"], &s["sources"][0]["unreadableCount"]), (&json!(90), &json!(60)), "{s}");
    let message = s["sources"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("60 transactions with a status Pasar does not know (DELIVERED ×30, SETTLED ×30)"), "{s}");
    let page = app.client.get(format!("{}/belanja?wilayah=35.27&tahun=2023", app.address)).send().await;
    let page = page.expect("page").text().await.expect("text");
    assert!(page.contains("60 transaksi berstatus yang tidak dikenal (DELIVERED ×30, SETTLED ×30)"), "{page}");
}

#[tokio::test]
async fn entries_stating_another_buyer_are_left_out_and_counted_and_a_ledger_of_others_is_an_error() {
    let (app, _) = gateway().await;
    let s = with_other_buyers(&app, "35.79").await;
    assert_eq!((&s["transactionCount"], &s["total"]["amountIncludingVat"]), (&json!(100), &json!("111000000")), "{s}");
    assert_eq!((&s["sources"][0]["otherBuyerCount"], &s["sources"][0]["status"]), (&json!(50), &json!("OK")));
    let message = s["sources"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("50 transactions stating another buyer were left out"), "{s}");
    let page = app.client.get(format!("{}/belanja?wilayah=35.79&tahun=2023", app.address)).send().await;
    let page = page.expect("page").text().await.expect("text");
    let note = &page[page.find("id=\"left-out\"").expect("the page says what it left out")..];
    assert!(note.contains("Mbizmarket: 50 transaksi milik pembeli lain tidak dihitung."), "{note}");
    let csv = app.client.get(format!("{}/belanja.csv?wilayah=35.79&tahun=2023", app.address)).send().await;
    let csv = csv.expect("csv").text().await.expect("text");
    assert!(
        csv.contains("\nTidak dihitung;Mbizmarket: 50 transaksi milik pembeli lain tidak dihitung;;;50\n"),
        "{csv}"
    );
    let others = spending(&app, "35.78").await;
    assert_eq!((&others["complete"], &others["transactionCount"]), (&json!(false), &json!(0)), "{others}");
    let message = others["sources"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("150 of its 150 transactions state another buyer than 35.78"), "{others}");
}

#[tokio::test]
async fn entries_dated_outside_the_year_are_left_out_and_counted_on_the_api_the_page_and_the_csv() {
    let (app, _) = gateway().await;
    let query = SPENDING.replace("unreadableCount", "unreadableCount outsideYearCount");
    let body = app.graphql(&query, json!({ "buyer": "35.74" })).await;
    let s = &body["data"]["spending"];
    assert_eq!((&s["transactionCount"], &s["total"]["amountIncludingVat"]), (&json!(120), &json!("133200000")), "{s}");
    assert_eq!((&s["complete"], &s["sources"][0]["outsideYearCount"]), (&json!(true), &json!(30)), "{s}");
    let message = s["sources"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("30 transactions dated outside the year asked (WIB) were left out"), "{s}");
    let page = app.client.get(format!("{}/belanja?wilayah=35.74&tahun=2023", app.address)).send().await;
    let page = page.expect("page").text().await.expect("text");
    let note = &page[page.find("id=\"left-out\"").expect("the page says what it left out")..];
    assert!(note.contains("Mbizmarket: 30 transaksi bertanggal di luar tahun 2023 tidak dihitung."), "{note}");
    let csv = app.client.get(format!("{}/belanja.csv?wilayah=35.74&tahun=2023", app.address)).send().await;
    let csv = csv.expect("csv").text().await.expect("text");
    assert!(
        csv.contains("\nTidak dihitung;Mbizmarket: 30 transaksi bertanggal di luar tahun 2023 tidak dihitung;;;30\n"),
        "{csv}"
    );
}

#[tokio::test]
async fn unreadable_amounts_are_named_in_the_message_and_an_id_listed_twice_is_not_money_missing() {
    let (app, _) = gateway().await;
    let s = spending(&app, "35.15").await;
    assert_eq!((&s["complete"], &s["sources"][0]["unreadableCount"]), (&json!(false), &json!(3)), "{s}");
    let message = s["sources"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("3 completed transactions have an amount that could not be read"), "{s}");
    let twice = spending(&app, "35.16").await;
    assert_eq!((&twice["complete"], &twice["transactionCount"]), (&json!(true), &json!(147)), "{twice}");
    let message = twice["sources"][0]["message"].as_str().unwrap_or_default();
    assert_eq!(message, "3 entries repeated an id already read; counted once", "{twice}");
}
