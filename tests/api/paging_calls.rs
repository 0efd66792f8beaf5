//! What a misjudged page costs upstream and what it loses: a total stated a little high read
//! past once, not asked again at ever smaller sizes (review37 R37-2), and a marketplace found
//! not to page on a client's second page read whole in that same request (review37 R37-3).
//! Counted at the sandbox.

use crate::helpers::{TestApp, spawn_app};
use pasar::sandbox::{Quirks, TotalQuirk};
use serde_json::{Value, json};
use std::collections::HashSet;

const PAGE: &str = r#"
query Page($query: String!, $first: Int, $after: String) {
  search(query: $query, first: $first, after: $after, filter: { marketplaces: ["mbiz"] }) {
    sources { ignoresPaging }
    offers {
      totalCount totalCountExact reachableCount
      pageInfo { hasNextPage endCursor }
      edges { node { sourceId } }
    }
  }
}"#;

/// One page over mbiz: its ids, its offers' block, and the upstream calls it cost.
pub(crate) async fn page(app: &TestApp, query: &str, first: u32, after: &Value) -> (Vec<String>, Value, u64) {
    let state = app.sandbox("mbiz").state();
    state.reset_stats();
    let response = app.graphql(PAGE, json!({ "query": query, "first": first, "after": after })).await;
    assert!(response["errors"].is_null(), "{response}");
    let offers = response["data"]["search"]["offers"].clone();
    let edges = offers["edges"].as_array().expect("edges");
    let ids = edges.iter().map(|e| e["node"]["sourceId"].as_str().expect("id").to_string()).collect();
    (ids, response, state.requests_served())
}

#[tokio::test]
async fn a_total_one_too_high_costs_one_call_past_the_short_page_then_none() {
    let app = spawn_app().await;
    let high = Quirks {
        max_matches: Some(63),
        max_page_size: Some(50),
        total: TotalQuirk::OffBy,
        total_off_by: 1,
        ..Quirks::default()
    };
    app.sandbox("mbiz").state().set_quirks(high).expect("quirks apply");
    let (ids, response, calls) = page(&app, "2", 100, &Value::Null).await;
    assert_eq!((ids.len(), ids.iter().collect::<HashSet<_>>().len()), (63, 63), "{response}");
    let offers = &response["data"]["search"]["offers"];
    assert_eq!((&offers["totalCount"], &offers["totalCountExact"]), (&json!(63), &json!(true)), "{response}");
    // 100 asked, 50 served (a clamp); 50 more, 13 served; the page after, empty.
    assert_eq!(calls, 3, "{response}");
    let (_, response, calls) = page(&app, "1", 100, &Value::Null).await;
    assert!(calls <= 2, "its totals overstate: a short page at 50 is its end ({calls} calls): {response}");
}

#[tokio::test]
async fn a_marketplace_found_not_to_page_on_a_client_second_page_gives_its_whole_page_on() {
    let app = spawn_app().await;
    let single = Quirks { max_matches: Some(100), max_page_size: Some(50), ignores_paging: true, ..Quirks::default() };
    app.sandbox("mbiz").state().set_quirks(single).expect("quirks apply");
    let (mut ids, mut after, mut pages) = (Vec::new(), Value::Null, Vec::new());
    for _ in 0..8 {
        let (more, response, _) = page(&app, "2", 10, &after).await;
        ids.extend(more);
        let offers = response["data"]["search"]["offers"].clone();
        pages.push(response);
        if offers["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = offers["pageInfo"]["endCursor"].clone();
    }
    assert_eq!((ids.len(), ids.iter().collect::<HashSet<_>>().len()), (50, 50), "{pages:?}");
    assert_eq!(pages[1]["data"]["search"]["sources"][0]["ignoresPaging"], true, "{}", pages[1]);
    let last = &pages[pages.len() - 1]["data"]["search"]["offers"];
    let counts = (&last["totalCount"], &last["totalCountExact"], &last["reachableCount"]);
    assert_eq!(counts, (&json!(100), &json!(false), &json!(50)), "{last}");
}
