//! Purchases of January–March 2022 paid 10 % PPN (UU HPP raised it to 11 % on 1 April 2022):
//! the sandbox charges them so, and spending splits them at 10 %, to the rupiah.

use crate::helpers::{catalogue, spawn_app};
use pasar::sandbox::{LedgerStatus, MarketplaceKind, ledger_truth};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::str::FromStr;

const SPENDING: &str = r#"query($buyer: String!, $m: [ID!]) {
  spending(buyer: $buyer, year: 2022, marketplaces: $m) {
    total { amountIncludingVat amountExcludingVat } complete
    byMonth { month total { amountIncludingVat } }
  } }"#;

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(v.as_str().unwrap_or_else(|| panic!("a decimal string: {v}"))).expect("a decimal")
}

/// Review 27: the sandbox charged 11 % on its January–March 2022 entries. e-Katalog sends net
/// amounts (the gateway adds the PPN of the date), Jatim Bejo gross ones with their rate.
#[tokio::test]
async fn a_purchase_of_early_2022_is_split_at_ten_percent_as_the_sandbox_charged_it() {
    let app = spawn_app().await;
    for kind in [MarketplaceKind::Ekatalog, MarketplaceKind::JatimBejo] {
        let truth = ledger_truth(&catalogue(), kind, "35.71", 2022);
        let done: Vec<_> = truth.iter().map(|t| &t.entry).filter(|e| e.status == LedgerStatus::Completed).collect();
        let early: Vec<_> = done.iter().filter(|e| e.month <= 3 && e.pkp).collect();
        let first = early.first().unwrap_or_else(|| panic!("{kind}: a PKP purchase in January–March 2022"));
        // Net a multiple of 100, so 10 % is whole rupiah: Rp1.000.000 net is Rp1.100.000 paid.
        assert_eq!((first.gross * 100, first.ppn_percent), (first.net * 110, 10), "{kind}: {first:?}");

        let body = app.graphql(SPENDING, json!({ "buyer": "35.71", "m": [kind.id()] })).await;
        let s = &body["data"]["spending"];
        assert_eq!(s["complete"], true, "{body}");
        let (gross, net): (u64, u64) = (done.iter().map(|e| e.gross).sum(), done.iter().map(|e| e.net).sum());
        assert_eq!(dec(&s["total"]["amountIncludingVat"]), Decimal::from(gross), "{kind}: {body}");
        assert_eq!(dec(&s["total"]["amountExcludingVat"]), Decimal::from(net), "{kind}: {body}");
        for month in 1..=3u8 {
            let paid: u64 = done.iter().filter(|e| e.month == month).map(|e| e.gross).sum();
            let row = s["byMonth"].as_array().expect("months").iter().find(|m| m["month"] == month).cloned();
            let row = row.unwrap_or_else(|| panic!("{kind}: month {month} in {body}"));
            assert_eq!(dec(&row["total"]["amountIncludingVat"]), Decimal::from(paid), "{kind}, month {month}");
        }
    }
}
