//! Issue 24: a counted unit price is the price of the group's base unit, so no misread pack
//! (`200 Sheet (1 Karton (48 Pak))` read as a karton of 200 sheets) lies far from its group's
//! median. Scanned over twelve common searches of the sandboxes' demo catalogue.

use crate::helpers::spawn_app;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::str::FromStr;

const COMPARE: &str = r#"query($q: String!) { compare(query: $q, first: 50) {
  groups {
    title unitPriceMedian
    offers { title unit { baseUnit quantity } unitPrice { amountIncludingVat } unitPriceBasis { confident } }
  }
} }"#;

const SEARCHES: [&str; 12] = [
    "kertas hvs",
    "toner",
    "tinta",
    "kursi kerja",
    "meja kerja",
    "air mineral",
    "gula pasir",
    "beras",
    "pulpen",
    "amplop",
    "tisu",
    "map",
];

fn decimal(value: &Value) -> Option<Decimal> {
    value.as_str().and_then(|s| Decimal::from_str(s).ok())
}

/// The counted unit prices of a group: confident ones in the group's most common base unit
/// among them, as `compare` counts them for its median.
fn counted(group: &Value) -> Vec<(Decimal, String)> {
    let offers = group["offers"].as_array().expect("offers");
    let confident: Vec<&Value> = offers.iter().filter(|o| o["unitPriceBasis"]["confident"] == true).collect();
    let mut bases: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    confident.iter().for_each(|o| *bases.entry(o["unit"]["baseUnit"].as_str().unwrap_or("")).or_default() += 1);
    let Some((base, _)) = bases.iter().max_by_key(|(b, n)| (**n, std::cmp::Reverse(**b))) else { return Vec::new() };
    confident
        .iter()
        .filter(|o| o["unit"]["baseUnit"].as_str().unwrap_or("") == *base)
        .filter_map(|o| Some((decimal(&o["unitPrice"]["amountIncludingVat"])?, o["title"].as_str()?.to_string())))
        .collect()
}

#[tokio::test]
async fn no_counted_unit_price_lies_outside_two_fifths_to_two_and_a_half_times_its_group_median_in_twelve_searches() {
    let app = spawn_app().await;
    let (low, high) = (Decimal::from_str("0.4").expect("0.4"), Decimal::from_str("2.5").expect("2.5"));
    let (mut checked, mut outside) = (0usize, Vec::new());
    for query in SEARCHES {
        let response = app.graphql(COMPARE, json!({ "q": query })).await;
        let groups = response["data"]["compare"]["groups"].as_array().unwrap_or_else(|| panic!("{response}"));
        for group in groups {
            let Some(median) = decimal(&group["unitPriceMedian"]) else { continue };
            for (price, title) in counted(group) {
                checked += 1;
                if price < median * low || price > median * high {
                    outside.push(format!("{query}: {title}: {price} against median {median}"));
                }
            }
        }
    }
    eprintln!(
        "{checked} counted unit prices over {} searches, {} outside 0.4×–2.5× of the median",
        SEARCHES.len(),
        outside.len()
    );
    // Every search finds groups with prices to check: the scan is not empty.
    assert!(checked >= 12 * 20, "only {checked} counted unit prices");
    assert!(outside.is_empty(), "{} outside:\n{}", outside.len(), outside.join("\n"));
}
