//! A marketplace keeping its books east of WIB (WITA, +08:00) files 23:30 WIB on 31 December
//! under the year after. It belongs to the year it is dated in (WIB), and only there.

use crate::jatim_stub::{Books, entry, gateway, honest_recap};
use serde_json::{Value, json};

/// Kota Kediri's ledger, filed under the WITA year of each entry.
fn filed_by_wita(buyer: &str, year: i32) -> Vec<Value> {
    let all = [
        entry("W1", buyer, "2021-06-01T10:00:00+08:00", 1_110_000, "SELESAI"),
        // 23:30 WIB on 31 December 2021, 00:30 on 1 January 2022 in WITA.
        entry("W2", buyer, "2022-01-01T00:30:00+08:00", 2_220_000, "SELESAI"),
        entry("W3", buyer, "2022-06-01T10:00:00+08:00", 4_440_000, "SELESAI"),
    ];
    let filed = |e: &Value| e["tanggal"].as_str().is_some_and(|d| d.starts_with(&year.to_string()));
    all.into_iter().filter(|e| buyer == "35.71" && filed(e)).collect()
}

const SPENDING: &str = r#"query($year: Int!) {
  spending(buyer: "35.71", year: $year, marketplaces: ["jatim-bejo"]) {
    complete total { amountIncludingVat } transactionCount } }"#;

#[tokio::test]
async fn an_entry_filed_under_the_year_after_by_books_kept_east_of_wib_counts_in_its_wib_year_and_only_there() {
    let app = gateway(Books { ledger: filed_by_wita, recap: honest_recap }).await;
    let body = app.graphql(SPENDING, json!({ "year": 2021 })).await;
    let s = &body["data"]["spending"];
    assert_eq!(s["total"]["amountIncludingVat"], "3330000", "W1 and W2: {body}");
    assert_eq!((&s["complete"], &s["transactionCount"]), (&json!(true), &json!(2)), "{body}");
    let after = app.graphql(SPENDING, json!({ "year": 2022 })).await;
    let s = &after["data"]["spending"];
    assert_eq!((&s["total"]["amountIncludingVat"], &s["complete"]), (&json!("4440000"), &json!(true)), "{after}");
}
