//! A transaction listed twice with different contents is not a duplicate: a status changed while
//! the pages were read (completed, then cancelled) or two amounts for one order (review37s R37s-6).

use crate::jatim_stub::{Books, entry, gateway, honest_recap};
use serde_json::{Value, json};

/// Kota Kediri (35.71): K2 completed, then listed again cancelled. Kota Blitar (35.72): B2 at
/// Rp1.110.000, then again at Rp9.990.000. Each has K1/B1 of Rp1.110.000 besides; all in 2021.
fn listed_twice(buyer: &str, year: i32) -> Vec<Value> {
    let at = "2021-06-01 10:00:00";
    match buyer {
        _ if year != 2021 => Vec::new(),
        "35.71" => vec![
            entry("K1", buyer, at, 1_110_000, "SELESAI"),
            entry("K2", buyer, at, 1_110_000, "SELESAI"),
            entry("K2", buyer, at, 1_110_000, "BATAL"),
        ],
        "35.72" => vec![
            entry("B1", buyer, at, 1_110_000, "SELESAI"),
            entry("B2", buyer, at, 1_110_000, "SELESAI"),
            entry("B2", buyer, at, 9_990_000, "SELESAI"),
        ],
        _ => Vec::new(),
    }
}

const SPENDING: &str = r#"query($buyer: String!) {
  spending(buyer: $buyer, year: 2021, marketplaces: ["jatim-bejo"]) {
    complete total { amountIncludingVat } transactionCount sources { message } } }"#;

#[tokio::test]
async fn a_cancellation_listed_after_completion_wins_and_two_amounts_for_one_order_leave_it_incomplete() {
    let app = gateway(Books { ledger: listed_twice, recap: honest_recap }).await;
    let cancelled = &app.graphql(SPENDING, json!({ "buyer": "35.71" })).await["data"]["spending"];
    assert_eq!(cancelled["total"]["amountIncludingVat"], "1110000", "K2 was cancelled: {cancelled}");
    assert_eq!((&cancelled["complete"], &cancelled["transactionCount"]), (&json!(true), &json!(1)), "{cancelled}");
    let message = cancelled["sources"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("1 transactions were listed again in a later state"), "{cancelled}");
    let page = app.client.get(format!("{}/belanja?wilayah=35.71&tahun=2021", app.address)).send().await;
    let page = page.expect("page").text().await.expect("text");
    assert!(page.contains("1 transaksi tercantum lagi dengan status lebih akhir"), "{page}");
    let two = &app.graphql(SPENDING, json!({ "buyer": "35.72" })).await["data"]["spending"];
    assert_eq!((&two["complete"], &two["total"]["amountIncludingVat"]), (&json!(false), &json!("1110000")), "{two}");
    let message = two["sources"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("1 transactions were listed twice with different amounts: in no total"), "{two}");
}
