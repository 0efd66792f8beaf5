//! Comparing one product across marketplaces.

use crate::helpers::spawn_app;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::str::FromStr;

const COMPARE: &str = r#"query($q: String!, $buyer: BuyerContext) { compare(query: $q, buyer: $buyer, first: 5) {
  complete
  groups {
    title brand specs unitPriceMin unitPriceMedian unitPriceMax
    marketplaces { id }
    cheapest { id }
    matched { matchedSpecs }
    offers { id title marketplace { id } unit { name baseUnit quantity } unitPrice { amountIncludingVat } }
    ranked { offer { id } ranking { pdnTier pdnPreferred umk locality reasons } }
  }
} }"#;

fn specs(group: &Value) -> Vec<&str> {
    group["specs"].as_array().expect("specs").iter().filter_map(Value::as_str).collect()
}

fn decimal(value: &Value) -> Decimal {
    Decimal::from_str(value.as_str().unwrap_or_else(|| panic!("decimal string, got {value}"))).expect("decimal")
}

#[tokio::test]
async fn paper_is_grouped_across_marketplaces_cheapest_per_sheet_first() {
    let app = spawn_app().await;
    let response = app.graphql(COMPARE, json!({ "q": "kertas hvs a4 80" })).await;
    assert_eq!(response["data"]["compare"]["complete"], true, "{response}");
    let groups = response["data"]["compare"]["groups"].as_array().expect("groups");
    assert!(!groups.is_empty(), "{response}");
    let top = &groups[0];
    assert!(top["marketplaces"].as_array().expect("marketplaces").len() >= 2, "{top}");
    let specs = specs(top);
    assert!(specs.contains(&"a4") && specs.contains(&"80gsm"), "{specs:?}");
    let offers = top["offers"].as_array().expect("offers");
    let per_sheet: Vec<Decimal> = offers.iter().map(|o| decimal(&o["unitPrice"]["amountIncludingVat"])).collect();
    assert!(per_sheet.windows(2).all(|w| w[0] <= w[1]), "cheapest per base unit first: {per_sheet:?}");
    assert!(offers.iter().all(|o| o["unit"]["baseUnit"] == "lembar"), "{offers:?}");
    assert_eq!(top["cheapest"]["id"], offers[0]["id"]);
    let (min, median, max) =
        (decimal(&top["unitPriceMin"]), decimal(&top["unitPriceMedian"]), decimal(&top["unitPriceMax"]));
    assert!(min <= median && median <= max);
    assert_eq!(min, per_sheet[0]);
    let packs: std::collections::BTreeSet<String> = offers.iter().map(|o| o["unit"]["quantity"].to_string()).collect();
    assert!(packs.len() >= 2, "a rim and a box of five rim compare in one group: {packs:?}");
}

#[tokio::test]
async fn a4_and_f4_paper_are_never_one_group() {
    let app = spawn_app().await;
    let response = app.graphql(COMPARE, json!({ "q": "kertas hvs" })).await;
    let groups = response["data"]["compare"]["groups"].as_array().expect("groups");
    for size in ["a4", "f4"] {
        assert!(groups.iter().any(|g| specs(g).contains(&size)), "some {size} group to look at: {response}");
    }
    for group in groups {
        let specs = specs(group);
        assert!(!(specs.contains(&"a4") && specs.contains(&"f4")), "{group}");
        let offers = group["offers"].as_array().expect("offers");
        assert!(!offers.is_empty(), "{group}");
        for offer in offers {
            let title = offer["title"].as_str().expect("title").to_lowercase();
            let other = if specs.contains(&"a4") { "f4" } else { "a4" };
            assert!(!title.contains(other), "{title} in a group with specs {specs:?}");
        }
    }
}

#[tokio::test]
async fn with_a_buyer_every_offer_in_a_group_says_why_it_ranks_where_it_does() {
    let app = spawn_app().await;
    let response = app.graphql(COMPARE, json!({ "q": "kursi kerja", "buyer": { "regionCode": "35.71" } })).await;
    let groups = response["data"]["compare"]["groups"].as_array().expect("groups");
    assert!(!groups.is_empty(), "{response}");
    for group in groups {
        assert!(!group["ranked"].as_array().expect("ranked").is_empty(), "{group}");
        for ranked in group["ranked"].as_array().expect("ranked") {
            let reasons = ranked["ranking"]["reasons"].as_array().expect("reasons");
            assert!(reasons.len() >= 3, "{ranked}");
        }
        let preferred: Vec<bool> =
            group["ranked"].as_array().expect("ranked").iter().map(|r| r["ranking"]["pdnPreferred"] == true).collect();
        assert!(preferred.windows(2).all(|w| w[0] >= w[1]), "set-aside offers come last: {preferred:?}");
    }
}

#[tokio::test]
async fn a_comparison_says_how_many_offers_of_each_marketplace_it_grouped_and_whether_more_exist() {
    let app = spawn_app().await;
    let response = app
        .graphql("{ compare(query: \"kertas\", first: 3) { coverage { marketplace { id } grouped more } } }", json!({}))
        .await;
    let coverage = response["data"]["compare"]["coverage"].as_array().unwrap_or_else(|| panic!("{response}"));
    assert_eq!(coverage.len(), 4, "one entry per answering marketplace: {response}");
    for entry in coverage {
        let grouped = entry["grouped"].as_u64().expect("count");
        assert!((1..=100).contains(&grouped), "{entry}");
        // Over 2 000 listings each, "kertas" matches more than the 100 a comparison groups.
        assert_eq!((grouped, &entry["more"]), (100, &json!(true)), "{entry}");
    }
}

const PENS: &str = r#"query($q: String!) { compare(query: $q, first: 10) {
  groups {
    unitPriceMin
    cheapest { id title unitPrice { amountIncludingVat } unitPriceBasis { derivation confident exact } }
    offers { id title unit { quantity } unitPrice { amountIncludingVat } unitPriceBasis { confident } }
  }
} }"#;

#[tokio::test]
async fn a_model_code_never_makes_a_pen_the_cheapest_at_a_few_rupiah() {
    let app = spawn_app().await;
    let response = app.graphql(PENS, json!({ "q": "ballpoint" })).await;
    let groups = response["data"]["compare"]["groups"].as_array().expect("groups");
    assert!(!groups.is_empty(), "{response}");
    for group in groups {
        let cheapest = &group["cheapest"];
        assert_eq!(cheapest["unitPriceBasis"]["confident"], true, "{group}");
        let per_pen = decimal(&cheapest["unitPrice"]["amountIncludingVat"]);
        // The catalogue prices a dozen at Rp24.000 and up: a pen is never a few rupiah.
        assert!(per_pen >= Decimal::from(1_000), "{} at {per_pen} per pen", cheapest["title"]);
        assert_eq!(decimal(&group["unitPriceMin"]), per_pen);
        for offer in group["offers"].as_array().expect("offers") {
            assert_eq!(offer["unitPrice"].is_null(), offer["unit"]["quantity"].is_null(), "{offer}");
            assert_eq!(offer["unitPriceBasis"].is_null(), offer["unitPrice"].is_null(), "{offer}");
            if offer["unitPriceBasis"]["confident"] == true {
                let price = decimal(&offer["unitPrice"]["amountIncludingVat"]);
                assert!(price >= Decimal::from(1_000), "{} at {price} per pen", offer["title"]);
            }
        }
    }
}

#[tokio::test]
async fn a_unit_price_sort_orders_confident_unit_prices_and_puts_the_rest_after() {
    let app = spawn_app().await;
    let query = r#"{ search(query: "masker", first: 60, sort: UNIT_PRICE_ASC) { offers { edges { node {
      unit { quantity note } unitPrice { amountIncludingVat } unitPriceBasis { confident }
    } } } } }"#;
    let response = app.graphql(query, json!({})).await;
    let edges = response["data"]["search"]["offers"]["edges"].as_array().expect("edges");
    let confident: Vec<bool> = edges.iter().map(|e| e["node"]["unitPriceBasis"]["confident"] == true).collect();
    assert!(confident.iter().any(|c| *c), "{response}");
    assert!(confident.windows(2).all(|w| w[0] >= w[1]), "confident unit prices first: {confident:?}");
    let prices: Vec<Decimal> = edges
        .iter()
        .filter(|e| e["node"]["unitPriceBasis"]["confident"] == true)
        .map(|e| decimal(&e["node"]["unitPrice"]["amountIncludingVat"]))
        .collect();
    assert!(prices.windows(2).all(|w| w[0] <= w[1]), "{prices:?}");
    for edge in edges.iter().filter(|e| e["node"]["unit"]["quantity"].is_null()) {
        assert!(edge["node"]["unitPrice"].is_null() && edge["node"]["unit"]["note"].is_string(), "{edge}");
    }
}
