//! Cached spending figures say when they were read from the marketplace, not when they were
//! served: `readAt` on each source, the answer and each ranking row, and "Dibaca" on /belanja
//! beside "Dibuat" (review37s R37s-7).

use crate::jatim_stub::{Books, entry, gateway, honest_recap};
use serde_json::{Value, json};
use std::time::{Duration, SystemTime};

/// Kota Kediri's one completed order of 2021.
fn one_order(buyer: &str, year: i32) -> Vec<Value> {
    match buyer {
        "35.71" if year == 2021 => vec![entry("K1", buyer, "2021-06-01 10:00:00", 1_110_000, "SELESAI")],
        _ => Vec::new(),
    }
}

const SPENDING: &str = r#"{ spending(buyer: "35.71", year: 2021, marketplaces: ["jatim-bejo"]) {
    readAt sources { readAt } } }"#;

const RANKING: &str = r#"{
  spendingRanking(province: "35", year: 2021, marketplace: "jatim-bejo", level: CITY, first: 1) { readAt } }"#;

/// `at` (RFC 3339, UTC) as the page writes a time: `2026-12-08 03:20:00 WIB`.
fn in_wib(at: &str) -> String {
    let at = humantime::parse_rfc3339(at).expect("RFC 3339") + Duration::from_secs(7 * 3600);
    let utc = humantime::format_rfc3339_seconds(at).to_string();
    format!("{} WIB", utc.trim_end_matches('Z').replacen('T', " ", 1))
}

#[tokio::test]
async fn cached_spending_figures_say_when_they_were_read_not_when_they_were_served() {
    let app = gateway(Books { ledger: one_order, recap: honest_recap }).await;
    let before = SystemTime::now() - Duration::from_secs(1);
    let first = app.graphql(SPENDING, json!({})).await;
    let read_at = first["data"]["spending"]["readAt"].as_str().unwrap_or_default().to_string();
    let read = humantime::parse_rfc3339(&read_at).unwrap_or_else(|_| panic!("a read time: {first}"));
    assert!(read >= before && read <= SystemTime::now(), "{first}");
    assert_eq!(first["data"]["spending"]["sources"][0]["readAt"], json!(read_at), "{first}");
    let ranking = app.graphql(RANKING, json!({})).await;
    assert_eq!(
        ranking["data"]["spendingRanking"][0]["readAt"],
        json!(read_at),
        "the row stands on that ledger: {ranking}"
    );
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let again = app.graphql(SPENDING, json!({})).await;
    assert_eq!(again["data"]["spending"]["readAt"], json!(read_at), "served from the cache: {again}");
    let page = app.client.get(format!("{}/belanja?wilayah=35.71&tahun=2021", app.address)).send().await;
    let page = page.expect("page").text().await.expect("text");
    let said = &page[page.find("id=\"read-at\"").expect("the page says when its figures were read")..];
    assert!(said.contains(&format!("Angka dibaca dari marketplace pada {}", in_wib(&read_at))), "{said}");
    let csv = app.client.get(format!("{}/belanja.csv?wilayah=35.71&tahun=2021", app.address)).send().await;
    let csv = csv.expect("csv").text().await.expect("text");
    assert!(csv.contains(&format!("\nDibaca;dari marketplace pada {}", in_wib(&read_at))), "{csv}");
}
