//! A Pemda's own units state codes under its own (a kecamatan `35.71.01`, a kelurahan
//! `35.71.01.1001`): their purchases are the Pemda's spending, not another buyer's
//! (review37s R37s-10).

use crate::jatim_stub::{Books, entry, gateway, honest_recap};
use serde_json::{Value, json};

/// Kota Kediri's 2021 ledger as the marketplace lists it under 35.71: its own code, a kecamatan's,
/// a kelurahan's, and one of Kota Blitar (35.72) and one of a code only starting alike (35.710).
fn with_units(buyer: &str, year: i32) -> Vec<Value> {
    let at = "2021-06-01 10:00:00";
    if buyer != "35.71" || year != 2021 {
        return Vec::new();
    }
    ["35.71", "35.71.01", "35.71.01.1001", "35.72", "35.710"]
        .iter()
        .enumerate()
        .map(|(i, stated)| entry(&format!("K{i}"), stated, at, 1_110_000, "SELESAI"))
        .collect()
}

#[tokio::test]
async fn a_kecamatan_or_kelurahan_code_under_the_pemda_counts_as_the_pemdas_own_spending() {
    let app = gateway(Books { ledger: with_units, recap: honest_recap }).await;
    let query = r#"{ spending(buyer: "35.71", year: 2021, marketplaces: ["jatim-bejo"]) {
        complete transactionCount total { amountIncludingVat } sources { otherBuyerCount } } }"#;
    let body = app.graphql(query, json!({})).await;
    let s = &body["data"]["spending"];
    assert_eq!((&s["transactionCount"], &s["total"]["amountIncludingVat"]), (&json!(3), &json!("3330000")), "{body}");
    assert_eq!((&s["complete"], &s["sources"][0]["otherBuyerCount"]), (&json!(true), &json!(2)), "{body}");
}
