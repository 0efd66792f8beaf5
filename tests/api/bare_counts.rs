//! review25b F3: an offer whose title counts its karton without a unit (`Karton isi 48`: 48
//! paks of tissue, not 48 tissues) has no unit price of its own, in `search` and in the buyer
//! page's arriving list as in `compare`.

use crate::helpers::spawn_app;
use serde_json::{Value, json};

const SEARCH: &str = r#"query($q: String!) { search(query: $q, first: 50) { offers { edges { node {
  id title unit { name baseUnit quantity note } unitPrice { amount } unitPriceBasis { confident note }
} } } } }"#;

/// The demo's kartons of tissue written `Karton isi 48`, as `search` gives them.
fn bare_kartons(answer: &Value) -> Vec<Value> {
    let edges = answer["data"]["search"]["offers"]["edges"].as_array().unwrap_or_else(|| panic!("{answer}"));
    let node = |e: &Value| e["node"].clone();
    edges.iter().map(node).filter(|o| o["title"].as_str().is_some_and(|t| t.ends_with("Karton isi 48"))).collect()
}

#[tokio::test]
async fn search_gives_a_karton_counted_without_a_unit_no_unit_price_and_says_why() {
    let app = spawn_app().await;
    let answer = app.graphql(SEARCH, json!({ "q": "tisu karton isi 48" })).await;
    let kartons = bare_kartons(&answer);
    assert!(kartons.len() >= 3, "the demo lists kartons of tissue: {answer}");
    for offer in &kartons {
        assert_eq!((&offer["unitPrice"], &offer["unitPriceBasis"]), (&Value::Null, &Value::Null), "{offer}");
        assert_eq!((&offer["unit"]["quantity"], &offer["unit"]["baseUnit"]), (&Value::Null, &Value::Null), "{offer}");
        assert!(offer["unit"]["note"].as_str().is_some_and(|n| n.contains("inner packs")), "{offer}");
    }
}

#[tokio::test]
async fn the_arriving_list_prices_such_a_karton_per_karton_never_per_piece() {
    let app = spawn_app().await;
    let url = format!("{}/?q=tisu+karton+isi+48&region=35.78", app.address);
    let page = app.client.get(url).send().await.expect("page").text().await.expect("html");
    let arriving = page.split(r#"<section class="arriving""#).nth(1).and_then(|s| s.split("</section>").next());
    let arriving = arriving.unwrap_or_else(|| panic!("no arriving list: {page}"));
    let lines: Vec<&str> = arriving.split("<li>").skip(1).filter(|l| l.contains("Karton isi 48")).collect();
    assert!(!lines.is_empty(), "the kartons arrive: {arriving}");
    for line in lines {
        assert!(line.contains(" / karton") && !line.contains(" / pcs"), "{line}");
    }
}
