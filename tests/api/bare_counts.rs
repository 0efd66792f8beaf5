//! A count naming no unit after a box, dus or karton (`Karton isi 48`) may count inner packs, so
//! alone it gives no unit price (review25b F3) unless the title says what it counts: a per-item
//! size before it (`250 Sheet ... Karton isi 48`, `600 ml Dus isi 24`, review26b F4). A box of
//! fifty masks stays without one: priced as a karton of boxes it showed Rp20.000 a mask (F7).
//! The demo's listings, in `search` and the buyer page's arriving list.

use crate::helpers::spawn_app;
use serde_json::{Value, json};

const SEARCH: &str = r#"query($q: String!) { search(query: $q, first: 50) { offers { edges { node {
  id title unit { name baseUnit quantity note } unitPrice { amount } unitPriceBasis { confident note }
} } } } }"#;

/// The offers `search` gives for `query` whose title ends with `ending`.
fn ending_with(answer: &Value, ending: &str) -> Vec<Value> {
    let edges = answer["data"]["search"]["offers"]["edges"].as_array().unwrap_or_else(|| panic!("{answer}"));
    let node = |e: &Value| e["node"].clone();
    let ends = |o: &Value| o["title"].as_str().is_some_and(|t| t.to_lowercase().ends_with(ending));
    edges.iter().map(node).filter(ends).collect()
}

/// `C` of the `C Sheet` a title sizes each pack of tissue with.
fn sheets(title: &str) -> u32 {
    let words: Vec<String> = title.to_lowercase().split_whitespace().map(str::to_string).collect();
    let at = words.iter().position(|w| w == "sheet").unwrap_or_else(|| panic!("no sheets: {title}"));
    words[at - 1].parse().unwrap_or_else(|_| panic!("no sheet count: {title}"))
}

#[tokio::test]
async fn search_prices_a_karton_of_tissue_sized_per_pack_per_sheet() {
    let app = spawn_app().await;
    let answer = app.graphql(SEARCH, json!({ "q": "tisu karton isi 48" })).await;
    let kartons = ending_with(&answer, "karton isi 48");
    assert!(kartons.len() >= 3, "the demo lists kartons of tissue: {answer}");
    for offer in &kartons {
        let quantity = (sheets(offer["title"].as_str().unwrap_or_default()) * 48).to_string();
        assert_eq!((&offer["unit"]["baseUnit"], &offer["unit"]["quantity"]), (&json!("lembar"), &json!(quantity)));
        assert_eq!(offer["unitPriceBasis"]["confident"], true, "{offer}");
        assert!(offer["unitPrice"]["amount"].is_string(), "{offer}");
    }
}

#[tokio::test]
async fn search_prices_a_dus_of_bottles_sized_per_bottle() {
    let app = spawn_app().await;
    let answer = app.graphql(SEARCH, json!({ "q": "air mineral dus isi 24" })).await;
    let dus = ending_with(&answer, "dus isi 24");
    assert!(dus.len() >= 3, "the demo lists dus of water: {answer}");
    for offer in &dus {
        assert_eq!((&offer["unit"]["baseUnit"], &offer["unit"]["quantity"]), (&json!("botol"), &json!("24")));
        assert_eq!(offer["unitPriceBasis"]["confident"], true, "{offer}");
    }
}

#[tokio::test]
async fn search_gives_a_box_of_fifty_masks_no_unit_price_of_its_own() {
    let app = spawn_app().await;
    let answer = app.graphql(SEARCH, json!({ "q": "masker box isi 50" })).await;
    let boxes = ending_with(&answer, "box isi 50");
    assert!(boxes.len() >= 3, "the demo lists boxes of masks: {answer}");
    for offer in &boxes {
        assert_eq!((&offer["unit"]["quantity"], &offer["unitPrice"]), (&Value::Null, &Value::Null), "{offer}");
        assert!(offer["unit"]["note"].as_str().is_some_and(|n| n.contains("may count inner packs")), "{offer}");
    }
}

/// The lines of the buyer page's arriving list for `query` whose title holds `holding`.
async fn arriving(query: &str, holding: &str) -> Vec<String> {
    let app = spawn_app().await;
    let url = format!("{}/?q={query}&region=35.78", app.address);
    let page = app.client.get(url).send().await.expect("page").text().await.expect("html");
    let arriving = page.split(r#"<section class="arriving""#).nth(1).and_then(|s| s.split("</section>").next());
    let arriving = arriving.unwrap_or_else(|| panic!("no arriving list: {page}"));
    arriving.split("<li>").skip(1).filter(|l| l.contains(holding)).map(str::to_string).collect()
}

#[tokio::test]
async fn the_arriving_list_prices_a_sized_karton_per_sheet_and_a_box_of_masks_per_box() {
    let kartons = arriving("tisu+karton+isi+48", "Karton isi 48").await;
    assert!(!kartons.is_empty(), "the kartons arrive");
    for line in kartons {
        assert!(line.contains(" / lembar"), "{line}");
    }
    // A box of masks has no price per piece: it is priced per box.
    let boxes = arriving("masker+box+isi+50", "Box isi 50").await;
    assert!(!boxes.is_empty(), "the boxes arrive");
    for line in boxes {
        assert!(line.contains(" / box") && !line.contains(" / pcs"), "{line}");
    }
}
