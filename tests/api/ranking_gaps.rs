//! A province's ranking when a marketplace's recap fails for one Pemda: the others are still
//! asked, every rank says it may change, and the failure is said at the ranking, not under a
//! Pemda's own total (review37s R37s-4, R37s-8).

use crate::jatim_stub::{Books, entry, gateway, honest_recap};
use serde_json::{Value, json};

/// Each kota of Jawa Timur (35.71 to 35.79) bought once in 2023, 35.7k for k × Rp1.110.000.
fn nine_kota(buyer: &str, year: i32) -> Vec<Value> {
    let k: u64 = buyer.strip_prefix("35.7").and_then(|k| k.parse().ok()).unwrap_or(0);
    if year != 2023 || k == 0 {
        return Vec::new();
    }
    vec![entry(&format!("JB-{buyer}"), buyer, "2023-06-01 10:00:00", k * 1_110_000, "SELESAI")]
}

/// The recap fails for Kota Blitar (35.72) alone.
fn failing_for_blitar(buyer: &str, entries: &[Value]) -> Option<Value> {
    if buyer == "35.72" { None } else { honest_recap(buyer, entries) }
}

#[tokio::test]
async fn one_pemdas_failing_recap_leaves_the_others_asked_and_every_rank_provisional() {
    let app = gateway(Books { ledger: nine_kota, recap: failing_for_blitar }).await;
    let query = r#"{ spendingRanking(province: "35", year: 2023, marketplace: "jatim-bejo", level: CITY) {
        rank region { code } total { amountIncludingVat } complete rankProvisional } }"#;
    let body = app.graphql(query, json!({})).await;
    let rows = body["data"]["spendingRanking"].as_array().unwrap_or_else(|| panic!("rows: {body}"));
    let codes: Vec<&str> = rows.iter().filter_map(|r| r["region"]["code"].as_str()).collect();
    assert_eq!(codes, ["35.79", "35.78", "35.77", "35.76", "35.75", "35.74", "35.73", "35.71", "35.72"], "{body}");
    for row in rows.iter().filter(|r| r["region"]["code"] != "35.72") {
        assert_eq!(row["complete"], true, "asked and read, not skipped for Blitar's failure: {row}");
    }
    assert_eq!(rows[0]["total"]["amountIncludingVat"], "9990000");
    assert_eq!((&rows[8]["complete"], &rows[8]["total"]["amountIncludingVat"]), (&json!(false), &json!("0")));
    assert!(rows.iter().all(|r| r["rankProvisional"] == true), "Blitar's missing total may belong anywhere: {body}");
    assert_eq!(body["errors"][0]["extensions"]["marketplace"], "jatim-bejo", "{body}");
}

#[tokio::test]
async fn a_ranking_failure_is_said_at_the_ranking_not_under_another_pemdas_own_total() {
    let app = gateway(Books { ledger: nine_kota, recap: failing_for_blitar }).await;
    let page = app.client.get(format!("{}/belanja?wilayah=35.79&tahun=2023", app.address)).send().await;
    let page = page.expect("page").text().await.expect("text");
    assert!(!page.contains("id=\"incomplete\""), "Kota Batu's own ledgers were all read: {page}");
    let note = &page[page.find("id=\"ranking-incomplete\"").expect("the ranking says it is short")..];
    assert!(note.contains("Peringkat sementara"), "{note}");
    assert!(note.contains("Jatim Bejo (menjawab HTTP 500)"), "{note}");
    let csv = app.client.get(format!("{}/belanja.csv?wilayah=35.79&tahun=2023", app.address)).send().await;
    let csv = csv.expect("csv").text().await.expect("text");
    assert!(!csv.contains("Data belum lengkap"), "{csv}");
    assert!(csv.contains("\nPeringkat sementara;"), "{csv}");
    assert!(csv.contains("(sementara);Kota Batu;"), "{csv}");
}
