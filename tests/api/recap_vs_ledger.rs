//! A marketplace's recap counting what its ledger does not (an order in progress): a ranking
//! row stands on the ledger where Pasar has read it, says when it stands on a recap, and the
//! `/belanja` page never gives one Pemda two totals (review37s R37s-1).

use crate::jatim_stub::{Books, entry, gateway};
use serde_json::{Value, json};

/// Kota Kediri (35.71): three completed orders and one in progress at Rp1.110.000 each; Kota
/// Blitar (35.72): one of Rp4.000.000; all in 2021.
fn kediri_and_blitar(buyer: &str, year: i32) -> Vec<Value> {
    let at = "2021-06-01 10:00:00";
    match buyer {
        _ if year != 2021 => Vec::new(),
        "35.71" => ["SELESAI", "SELESAI", "SELESAI", "DIPROSES"]
            .iter()
            .enumerate()
            .map(|(i, status)| entry(&format!("K{i}"), buyer, at, 1_110_000, status))
            .collect(),
        "35.72" => vec![entry("B0", buyer, at, 4_000_000, "SELESAI")],
        _ => Vec::new(),
    }
}

/// A recap counting every order, in progress or not.
fn counting_all(_buyer: &str, entries: &[Value]) -> Option<Value> {
    let gross: u64 = entries.iter().filter_map(|e| e["nilai"].as_u64()).sum();
    Some(
        json!({ "nilai_total": gross.to_string(), "nilai_dpp": (gross * 100 / 111).to_string(), "jumlah_transaksi": entries.len() }),
    )
}

#[tokio::test]
async fn a_ranking_row_stands_on_the_ledger_pasar_has_read_and_says_which_rows_are_recaps() {
    let app = gateway(Books { ledger: kediri_and_blitar, recap: counting_all }).await;
    let own =
        r#"{ spending(buyer: "35.71", year: 2021, marketplaces: ["jatim-bejo"]) { total { amountIncludingVat } } }"#;
    let own = app.graphql(own, json!({})).await;
    assert_eq!(own["data"]["spending"]["total"]["amountIncludingVat"], "3330000", "{own}");
    let query = r#"{ spendingRanking(province: "35", year: 2021, marketplace: "jatim-bejo", level: CITY, first: 2) {
        rank region { code } total { amountIncludingVat } fromRecap } }"#;
    let body = app.graphql(query, json!({})).await;
    let rows = &body["data"]["spendingRanking"];
    assert_eq!(rows[0]["region"]["code"], "35.72", "Blitar's Rp4.000.000 before Kediri's Rp3.330.000: {body}");
    assert_eq!((&rows[0]["total"]["amountIncludingVat"], &rows[0]["fromRecap"]), (&json!("4000000"), &json!(true)));
    assert_eq!((&rows[1]["total"]["amountIncludingVat"], &rows[1]["fromRecap"]), (&json!("3330000"), &json!(false)));
}

#[tokio::test]
async fn the_belanja_page_ranks_its_pemda_at_the_total_it_gives_above_and_says_the_others_are_recaps() {
    let app = gateway(Books { ledger: kediri_and_blitar, recap: counting_all }).await;
    let page = app.client.get(format!("{}/belanja?wilayah=35.71&tahun=2021", app.address)).send().await;
    let page = page.expect("page").text().await.expect("text");
    let total = &page[page.find("id=\"total\"").expect("a total")..];
    assert!(total.starts_with("id=\"total\">Rp3.330.000<"), "{total}");
    let row = &page[page.find("class=\"highlight\"").expect("Kediri's row")..];
    let row = &row[..row.find("</tr>").expect("a row")];
    assert!(row.contains("<td>2</td>") && row.contains("Rp3.330.000"), "{row}");
    assert!(!page.contains("Rp4.440.000"), "one total for Kota Kediri: {page}");
    assert!(page.contains("id=\"ranking-source\""), "the page says the other rows are recaps: {page}");
}
