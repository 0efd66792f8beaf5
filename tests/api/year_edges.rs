//! A marketplace filing its ledger by UTC date: 00:30 WIB on 1 January is listed under the
//! year before. It is that year's neither, unless Pasar reads the neighbouring year's ledger
//! for it (review37s R37s-2).

use crate::jatim_stub::{Books, entry, gateway, honest_recap};
use serde_json::{Value, json};

/// Kota Kediri's ledger, filed under the UTC year of each entry.
fn filed_by_utc(buyer: &str, year: i32) -> Vec<Value> {
    let all = [
        entry("Y1", buyer, "2022-06-01T03:00:00Z", 1_110_000, "SELESAI"),
        // 00:30 WIB on 1 January 2023.
        entry("Y2", buyer, "2022-12-31T17:30:00Z", 2_220_000, "SELESAI"),
        entry("Y3", buyer, "2023-06-01T03:00:00Z", 4_440_000, "SELESAI"),
    ];
    let filed = |e: &Value| e["tanggal"].as_str().is_some_and(|d| d.starts_with(&year.to_string()));
    all.into_iter().filter(|e| buyer == "35.71" && filed(e)).collect()
}

const SPENDING: &str = r#"query($year: Int!) {
  spending(buyer: "35.71", year: $year, marketplaces: ["jatim-bejo"]) {
    complete total { amountIncludingVat } transactionCount sources { message } } }"#;

#[tokio::test]
async fn an_entry_filed_under_the_utc_year_before_counts_in_its_wib_year_and_only_there() {
    let app = gateway(Books { ledger: filed_by_utc, recap: honest_recap }).await;
    let body = app.graphql(SPENDING, json!({ "year": 2023 })).await;
    let s = &body["data"]["spending"];
    assert_eq!(s["total"]["amountIncludingVat"], "6660000", "Y2 and Y3: {body}");
    assert_eq!((&s["complete"], &s["transactionCount"]), (&json!(true), &json!(2)), "{body}");
    let message = s["sources"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("1 transactions it files under the year before or after are dated in this one"), "{body}");
    let before = app.graphql(SPENDING, json!({ "year": 2022 })).await;
    let s = &before["data"]["spending"];
    assert_eq!((&s["total"]["amountIncludingVat"], &s["complete"]), (&json!("1110000"), &json!(true)), "{before}");
    let message = s["sources"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("1 transactions dated outside the year asked (WIB) were left out"), "{before}");
}
