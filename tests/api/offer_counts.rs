//! `sources.offerCount`: the offers a page took from each marketplace, not those read for it
//! (review37 R37-8: 5 edges each on a page of 10 over two marketplaces, each said 10).

use crate::helpers::spawn_app;
use serde_json::{Value, json};

const PAGE: &str = r#"query($first: Int, $after: String, $sort: OfferSort) {
  search(query: "kertas", first: $first, after: $after, sort: $sort) {
    offers { pageInfo { endCursor } edges { node { marketplace { id } } } }
    sources { marketplace { id } offerCount }
  }
}"#;

/// Per marketplace of `response`'s sources: its id, the edges it has on the page, its offerCount.
fn shown_and_counted(response: &Value) -> Vec<(String, usize, u64)> {
    let search = &response["data"]["search"];
    let edges = search["offers"]["edges"].as_array().unwrap_or_else(|| panic!("edges: {response}"));
    let sources = search["sources"].as_array().unwrap_or_else(|| panic!("sources: {response}"));
    let from = |id: &str| edges.iter().filter(|edge| edge["node"]["marketplace"]["id"] == id).count();
    let source = |s: &Value| {
        let id = s["marketplace"]["id"].as_str().expect("id").to_string();
        let shown = from(&id);
        (id, shown, s["offerCount"].as_u64().expect("offerCount"))
    };
    sources.iter().map(source).collect()
}

#[tokio::test]
async fn each_marketplaces_offer_count_is_what_the_page_took_from_it_on_every_page_and_order() {
    let app = spawn_app().await;
    for sort in ["RELEVANCE", "PRICE_ASC"] {
        let mut after = Value::Null;
        for _ in 0..2 {
            let response = app.graphql(PAGE, json!({ "first": 10, "after": after, "sort": sort })).await;
            let counts = shown_and_counted(&response);
            assert!(counts.iter().filter(|(_, shown, _)| *shown > 0).count() > 1, "{sort}: {counts:?}");
            for (id, shown, counted) in &counts {
                assert_eq!(*counted, *shown as u64, "{sort}, {id}: {counts:?}");
            }
            after = response["data"]["search"]["offers"]["pageInfo"]["endCursor"].clone();
        }
    }
}
