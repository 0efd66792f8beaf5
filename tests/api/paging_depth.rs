//! A walk goes on past a marketplace read to the depth the gateway pages to, and past a page
//! that a gateway-side filter left empty (review29a W4, W12).

use crate::helpers::{DEMO_PRODUCTS, TestApp, TestOptions, spawn_app_with};
use serde_json::{Value, json};
use std::collections::BTreeSet;

const PAGE: &str = r#"
query Page($query: String!, $first: Int, $after: String, $filter: OfferFilter) {
  search(query: $query, first: $first, after: $after, filter: $filter) {
    complete
    offers { reachableCount pageInfo { hasNextPage endCursor } edges { node { id } } }
  }
}"#;

/// Follows `hasNextPage` from the first page, at most `pages` pages: the ids delivered, and
/// whether the walk ended. Every page must answer without errors.
async fn walk(app: &TestApp, query: &str, first: u32, filter: Value, pages: usize) -> (Vec<String>, bool) {
    let (ids, last) = walk_to(app, query, first, filter, pages).await;
    (ids, last.is_some())
}

/// [`walk`], with the last page's `endCursor` when the walk ended.
async fn walk_to(app: &TestApp, query: &str, first: u32, filter: Value, pages: usize) -> (Vec<String>, Option<Value>) {
    let (mut ids, mut after, mut reachable) = (Vec::new(), Value::Null, None);
    for page in 1..=pages {
        let variables = json!({ "query": query, "first": first, "after": after, "filter": filter });
        let response = app.graphql(PAGE, variables).await;
        assert!(response.get("errors").is_none(), "page {page}: {response}");
        let offers = &response["data"]["search"]["offers"];
        // What walking reaches is the same figure on every page (review29d D1: 5000, then 3000
        // once two marketplaces were read to the depth).
        reachable.get_or_insert_with(|| offers["reachableCount"].clone());
        assert_eq!(reachable.as_ref(), Some(&offers["reachableCount"]), "page {page}: {response}");
        let edges = offers["edges"].as_array().expect("edges");
        ids.extend(edges.iter().map(|edge| edge["node"]["id"].as_str().expect("an id").to_string()));
        if offers["pageInfo"]["hasNextPage"] != true {
            return (ids, Some(offers["pageInfo"]["endCursor"].clone()));
        }
        after = offers["pageInfo"]["endCursor"].clone();
        assert!(after.is_string(), "page {page} promises more with no cursor: {response}");
    }
    (ids, None)
}

/// A gateway over sandboxes the size of the demo's (where the reviewer met both).
async fn demo_sized() -> TestApp {
    spawn_app_with(TestOptions { products: DEMO_PRODUCTS, ..TestOptions::default() }).await
}

fn unique(ids: &[String]) -> usize {
    ids.iter().collect::<BTreeSet<_>>().len()
}

#[tokio::test]
async fn a_filter_one_marketplace_matches_nothing_of_leaves_the_others_to_page_on() {
    // Bela and PaDi state no TKDN: the first page reads each to the depth, and every later
    // page was refused "cannot page deeper than 1000 offers" although it promised more.
    let app = demo_sized().await;
    let (ids, ended) = walk(&app, "kertas", 100, json!({ "minTkdnPlusBmp": "40" }), 30).await;
    assert!(ended, "{} offers in 30 pages and no end", ids.len());
    assert!(ids.len() > 100, "the walk stopped at its first page: {}", ids.len());
    assert_eq!(unique(&ids), ids.len());
}

#[tokio::test]
async fn a_marketplace_read_to_the_depth_on_the_first_page_ends_the_walk_there() {
    // All of e-Katalog's matches within reach are on the first page: the answer is the end.
    let app = demo_sized().await;
    let filter = json!({ "maxPrice": "45000", "marketplaces": ["ekatalog"] });
    let first = app.graphql(PAGE, json!({ "query": "kertas", "first": 100, "filter": filter })).await;
    let offers = &first["data"]["search"]["offers"];
    assert!(offers["edges"].as_array().is_some_and(|edges| !edges.is_empty() && edges.len() < 100), "{first}");
    assert_eq!(offers["pageInfo"]["hasNextPage"], false, "{first}");
}

#[tokio::test]
async fn a_page_the_vendor_filter_left_empty_is_not_the_end_of_the_list() {
    // A stretch of listings with no koperasi ended the walk at 54 offers, `complete`, with at
    // least 24 more within reach.
    let app = demo_sized().await;
    let (ids, ended) = walk(&app, "kertas", 20, json!({ "koperasiOnly": true }), 80).await;
    assert!(ended, "{} offers in 80 pages and no end", ids.len());
    assert!(ids.len() >= 78, "the walk ended at {} koperasi offers", ids.len());
    assert_eq!(unique(&ids), ids.len());
}

#[tokio::test]
async fn a_walk_ends_at_the_depth_of_every_marketplace_instead_of_promising_a_page_it_refuses() {
    // Page 50 of an unfiltered walk said `hasNextPage` and page 51 was refused.
    let app = demo_sized().await;
    let (ids, last) = walk_to(&app, "kertas", 100, json!({}), 60).await;
    assert!(last.is_some(), "{} offers in 60 pages and no end", ids.len());
    assert!(ids.len() > 4000 && ids.len() <= 5000, "five marketplaces read to 1000 each: {}", ids.len());
    assert_eq!(unique(&ids), ids.len());
    // The last page's own cursor, followed all the same, is an empty last page, as at the end of
    // any list, not a refusal (review29d D5).
    let beyond = app.graphql(PAGE, json!({ "query": "kertas", "first": 100, "after": last, "filter": {} })).await;
    assert!(beyond.get("errors").is_none(), "{beyond}");
    assert_eq!(beyond["data"]["search"]["offers"]["pageInfo"]["hasNextPage"], false, "{beyond}");
    assert_eq!(beyond["data"]["search"]["offers"]["edges"], json!([]), "{beyond}");
}

#[tokio::test]
async fn a_vendors_facts_read_past_the_depth_still_count_for_its_offers_within_it() {
    // review29d D2: UD Bumi Gemilang's Mbiz offers at 987 and 993 state no scale; its Jatim Bejo
    // listing past 1000, read on the same page, does. Cutting at the depth before the vendors
    // were joined lost them (and four more) from the `umkOnly` walk.
    let app = demo_sized().await;
    let (ids, ended) = walk(&app, "kertas", 50, json!({ "umkOnly": true }), 60).await;
    assert!(ended, "{} offers in 60 pages and no end", ids.len());
    for id in ["mbiz:MBZ-0007235", "mbiz:MBZ-0007289", "bela:BL-0007117", "mbiz:MBZ-0007299"] {
        assert!(ids.iter().any(|got| got == id), "{id} missing from {} offers", ids.len());
    }
    assert_eq!(unique(&ids), ids.len());
}
