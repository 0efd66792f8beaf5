//! Short answers, read whole on the first page: the page never says both "the count is exact and
//! all delivered" and "more follow" (review37 R37-5), and a marketplace that answers a page past
//! its end with a page already read costs one call per search once its count proved true
//! (review37 R37-4). Counted at the sandbox.

use crate::helpers::spawn_app;
use crate::paging_calls::page;
use pasar::sandbox::Quirks;
use serde_json::{Value, json};

#[tokio::test]
async fn a_cold_marketplaces_first_page_holding_its_whole_stated_count_does_not_also_promise_more() {
    let app = spawn_app().await;
    let ten = Quirks { max_matches: Some(10), ..Quirks::default() };
    app.sandbox("mbiz").state().set_quirks(ten).expect("quirks apply");
    let (ids, response, _) = page(&app, "2", 10, &Value::Null).await;
    assert_eq!(ids.len(), 10, "{response}");
    let offers = &response["data"]["search"]["offers"];
    let (exact, next) = (&offers["totalCountExact"], &offers["pageInfo"]["hasNextPage"]);
    assert_eq!(offers["totalCount"], 10, "{response}");
    assert!(!(exact == true && next == true), "exact, all delivered, and a next page: {response}");
    if next == true {
        let (more, response, _) = page(&app, "2", 10, &offers["pageInfo"]["endCursor"]).await;
        let offers = &response["data"]["search"]["offers"];
        assert!(more.is_empty(), "{response}");
        assert_eq!((&offers["totalCount"], &offers["totalCountExact"]), (&json!(10), &json!(true)), "{response}");
    }
}

/// Upstream calls of each of `queries`' first pages of 40 over mbiz listing 10 per query and
/// stating 10, with `quirks` (a page past the end: its first page again, or its last).
async fn calls_per_short_search(quirks: Quirks, queries: &[&str]) -> Vec<u64> {
    let app = spawn_app().await;
    let quirks = Quirks { max_matches: Some(10), ..quirks };
    app.sandbox("mbiz").state().set_quirks(quirks).expect("quirks apply");
    let mut calls = Vec::new();
    for query in queries {
        let (ids, response, spent) = page(&app, query, 40, &Value::Null).await;
        assert_eq!(ids.len(), 10, "{response}");
        let offers = &response["data"]["search"]["offers"];
        assert_eq!((&offers["totalCount"], &offers["totalCountExact"]), (&json!(10), &json!(true)), "{response}");
        assert_eq!(offers["pageInfo"]["hasNextPage"], false, "{response}");
        calls.push(spent);
    }
    calls
}

#[tokio::test]
async fn a_marketplace_serving_its_first_page_past_a_true_total_costs_one_call_per_short_search_once_warm() {
    let ignores = Quirks { ignores_paging: true, ..Quirks::default() };
    let calls = calls_per_short_search(ignores, &["1", "2", "3", "4"]).await;
    assert_eq!(calls[1..], [1, 1, 1], "after the first search, one call each: {calls:?}");
}

#[tokio::test]
async fn a_marketplace_serving_its_last_page_past_a_true_total_costs_one_call_per_short_search_once_warm() {
    let last_again = Quirks { past_end_last_page: true, ..Quirks::default() };
    let calls = calls_per_short_search(last_again, &["1", "2", "3", "4"]).await;
    assert_eq!(calls[1..], [1, 1, 1], "after the first search, one call each: {calls:?}");
}
