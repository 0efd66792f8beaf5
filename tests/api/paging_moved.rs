//! A list that moves between a client's pages (a listing posted at the top while a buyer pages,
//! or the order reshuffled) hands the next page rows the client was shown already. The cursor
//! carries what the walk delivered, so such a row is left out, said, and the count is not exact
//! (review37 R37-1: one offer on two pages, 48 edges for 47 offers called exact).

use crate::helpers::{TestApp, spawn_app};
use pasar::sandbox::Quirks;
use serde_json::{Value, json};
use std::collections::HashSet;

const PAGE: &str = r#"
query Page($after: String) {
  search(query: "2", first: 10, after: $after, filter: { marketplaces: ["mbiz"] }) {
    sources { message }
    offers { totalCount totalCountExact pageInfo { hasNextPage endCursor } edges { node { sourceId } } }
  }
}"#;

/// Follows `hasNextPage` (pages of 10), `change` run before page `n` (from 1): the ids
/// delivered, every page's response, and the longest cursor handed out.
async fn walk(app: &TestApp, change: impl Fn(usize)) -> (Vec<String>, Vec<Value>, usize) {
    let (mut ids, mut pages, mut after, mut longest) = (Vec::new(), Vec::new(), Value::Null, 0);
    for n in 1..=12 {
        change(n);
        let response: Value = app.graphql(PAGE, json!({ "after": after })).await;
        let offers = response["data"]["search"]["offers"].clone();
        let edges = offers["edges"].as_array().expect("edges");
        ids.extend(edges.iter().map(|e| e["node"]["sourceId"].as_str().expect("id").to_string()));
        pages.push(response);
        if offers["pageInfo"]["hasNextPage"] != true {
            return (ids, pages, longest);
        }
        after = offers["pageInfo"]["endCursor"].clone();
        longest = longest.max(after.as_str().map_or(0, str::len));
    }
    panic!("the walk did not end in twelve pages: {} offers", ids.len());
}

#[tokio::test]
async fn a_listing_posted_at_the_top_between_client_pages_delivers_no_offer_twice() {
    let app = spawn_app().await;
    let state = app.sandbox("mbiz").state();
    let (ids, pages, _) = walk(&app, |n| {
        let new_at_head = usize::from(n >= 2);
        state.set_quirks(Quirks { max_matches: Some(47), new_at_head, ..Quirks::default() }).expect("quirks apply");
    })
    .await;
    assert_eq!((ids.len(), ids.iter().collect::<HashSet<_>>().len()), (47, 47), "{ids:?}");
    let message = pages[1]["data"]["search"]["sources"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("shown on an earlier page"), "{}", pages[1]);
    let last = &pages[pages.len() - 1]["data"]["search"]["offers"];
    assert_eq!((&last["totalCount"], &last["totalCountExact"]), (&json!(47), &json!(false)), "{last}");
}
