//! Django's `Paginator.get_page` answers a page past the end with the last page. Within one walk
//! the repeat is recognised (paging_ends.rs); on a client's `after` page that starts at the end,
//! the walk has read nothing of its own, and the last page came back as new offers on every page
//! for as long as the client followed `hasNextPage` (review27a E1: 800 delivered, 60 distinct).

use crate::helpers::{TestApp, spawn_app};
use pasar::sandbox::{Quirks, TotalQuirk};
use serde_json::{Value, json};
use std::collections::HashSet;

const PAGE: &str = r#"
query Page($after: String) {
  search(query: "2", first: 20, after: $after, filter: { marketplaces: ["mbiz"] }) {
    complete
    sources { ignoresPaging }
    offers { totalCount totalCountExact pageInfo { hasNextPage endCursor } edges { node { sourceId } } }
  }
}"#;

/// Follows `hasNextPage` from the first page, at most eight pages: the ids delivered and the
/// last page's response.
async fn walk(app: &TestApp) -> (Vec<String>, Value) {
    walk_changing(app, |_| ()).await
}

#[tokio::test]
async fn a_client_page_past_the_end_answered_with_the_last_page_again_is_the_end() {
    let app = spawn_app().await;
    let exact = Quirks { max_matches: Some(60), past_end_last_page: true, ..Quirks::default() };
    app.sandbox("mbiz").state().set_quirks(exact).expect("quirks apply");
    let (ids, last) = walk(&app).await;
    assert_eq!((ids.len(), ids.iter().collect::<HashSet<_>>().len()), (60, 60), "{last}");
    let search = &last["data"]["search"];
    assert_eq!(
        (&search["complete"], &search["offers"]["totalCount"], &search["offers"]["totalCountExact"]),
        (&json!(true), &json!(60), &json!(true)),
        "{last}"
    );
}

/// A count stated a little high: the end is not sure, the stated count stands, not exact, and
/// the marketplace is not taken for one that ignores paging (it would be read one page deep).
#[tokio::test]
async fn a_client_page_answered_with_the_last_page_again_under_a_count_a_little_high_ends_without_a_paging_verdict() {
    let app = spawn_app().await;
    let high = Quirks {
        max_matches: Some(60),
        past_end_last_page: true,
        total: TotalQuirk::OffBy,
        total_off_by: 5,
        ..Quirks::default()
    };
    app.sandbox("mbiz").state().set_quirks(high).expect("quirks apply");
    let (ids, last) = walk(&app).await;
    assert_eq!((ids.len(), ids.iter().collect::<HashSet<_>>().len()), (60, 60), "{last}");
    assert_eq!(last["data"]["search"]["offers"]["totalCount"], 65, "{last}");
}

/// Review28a F1: listings added at the head of the list between a client's pages move what was
/// listed down, so the next page holds rows the client saw on the page before. That is no end:
/// checked against the page before, the walk ended there with a false "does not page" verdict
/// and 60 of 100 lost. Nothing is lost, and the rows shown before are not shown again (review37
/// R37-1; `paging_moved.rs`).
#[tokio::test]
async fn listings_added_at_the_head_between_client_pages_lose_nothing_and_draw_no_verdict() {
    let app = spawn_app().await;
    let listed = Quirks { max_matches: Some(100), ..Quirks::default() };
    app.sandbox("mbiz").state().set_quirks(listed.clone()).expect("quirks apply");
    let (mut ids, mut after) = (Vec::new(), Value::Null);
    for n in 1..=10 {
        if n == 3 {
            let added = Quirks { new_at_head: 20, ..listed.clone() };
            app.sandbox("mbiz").state().set_quirks(added).expect("quirks apply");
        }
        let response: Value = app.graphql(PAGE, json!({ "after": after })).await;
        let search = &response["data"]["search"];
        assert_eq!(search["sources"][0]["ignoresPaging"], false, "page {n}: {response}");
        let edges = search["offers"]["edges"].as_array().expect("edges");
        ids.extend(edges.iter().map(|e| e["node"]["sourceId"].as_str().expect("id").to_string()));
        if search["offers"]["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = search["offers"]["pageInfo"]["endCursor"].clone();
    }
    // The 100 listed at first, each once: the 20 the list moved down are left out.
    assert_eq!((ids.len(), ids.iter().collect::<HashSet<_>>().len()), (100, 100));
}

const SIZED: &str = r#"
query Page($first: Int, $after: String) {
  search(query: "2", first: $first, after: $after, filter: { marketplaces: ["mbiz"] }) {
    sources { ignoresPaging }
    offers { totalCount totalCountExact pageInfo { hasNextPage endCursor } edges { node { sourceId } } }
  }
}"#;

/// Review28a F3: a client that asks its last pages 10 at a time after 20 had its page checked
/// against neither its first page's count nor its page before (both at 20): the last page came
/// back again, then the walk ended with a false "does not page" verdict and 70 called exact.
#[tokio::test]
async fn a_client_changing_first_at_the_end_of_a_django_list_ends_it_without_a_verdict() {
    let app = spawn_app().await;
    let exact = Quirks { max_matches: Some(60), past_end_last_page: true, ..Quirks::default() };
    app.sandbox("mbiz").state().set_quirks(exact).expect("quirks apply");
    let (mut delivered, mut after) = (0, Value::Null);
    for (n, first) in [20, 20, 20, 10, 10].into_iter().enumerate() {
        let response: Value = app.graphql(SIZED, json!({ "first": first, "after": after })).await;
        let search = &response["data"]["search"];
        assert_eq!(search["sources"][0]["ignoresPaging"], false, "page {}: {response}", n + 1);
        delivered += search["offers"]["edges"].as_array().map_or(0, Vec::len);
        if search["offers"]["pageInfo"]["hasNextPage"] != true {
            assert_eq!((n, delivered), (3, 60), "{response}");
            let counted = (&search["offers"]["totalCount"], &search["offers"]["totalCountExact"]);
            assert_eq!(counted, (&json!(60), &json!(true)), "{response}");
            return;
        }
        after = search["offers"]["pageInfo"]["endCursor"].clone();
    }
    panic!("the walk did not end: {delivered} delivered");
}

/// Follows `hasNextPage` (pages of 20) until the end, `change` run before page `n` (from 1):
/// the ids delivered and the last page's response.
async fn walk_changing(app: &TestApp, change: impl Fn(usize)) -> (Vec<String>, Value) {
    let (mut ids, mut after) = (Vec::new(), Value::Null);
    for n in 1..=8 {
        change(n);
        let response: Value = app.graphql(PAGE, json!({ "after": after })).await;
        let offers = &response["data"]["search"]["offers"];
        let edges = offers["edges"].as_array().expect("edges");
        ids.extend(edges.iter().map(|e| e["node"]["sourceId"].as_str().expect("id").to_string()));
        assert_eq!(response["data"]["search"]["sources"][0]["ignoresPaging"], false, "page {n}: {response}");
        if offers["pageInfo"]["hasNextPage"] != true {
            return (ids, response);
        }
        after = offers["pageInfo"]["endCursor"].clone();
    }
    panic!("the walk did not end in eight pages: {} offers", ids.len());
}

/// Review28b G0: a Django list whose count is stated ten too high: the last page came back on
/// every client page up to the stated count, which then was called exact (80 for 60).
#[tokio::test]
async fn a_django_list_stated_well_above_its_length_ends_at_its_last_page_not_at_the_stated_count() {
    let app = spawn_app().await;
    let high = Quirks {
        max_matches: Some(60),
        past_end_last_page: true,
        total: TotalQuirk::OffBy,
        total_off_by: 10,
        ..Quirks::default()
    };
    app.sandbox("mbiz").state().set_quirks(high).expect("quirks apply");
    let (ids, last) = walk_changing(&app, |_| ()).await;
    assert_eq!((ids.len(), ids.iter().collect::<HashSet<_>>().len()), (60, 60), "{last}");
    let offers = &last["data"]["search"]["offers"];
    assert_eq!((&offers["totalCount"], &offers["totalCountExact"]), (&json!(70), &json!(false)), "{last}");
}

/// Review28b G2: a Django list that lost listings at its tail between a client's pages: the
/// page's own count (80) is newer than the first page's (100), which had been called exact.
#[tokio::test]
async fn a_django_list_that_shrank_between_client_pages_ends_at_the_count_it_states_now() {
    let app = spawn_app().await;
    let state = app.sandbox("mbiz").state();
    let listed = |n| Quirks { max_matches: Some(n), past_end_last_page: true, ..Quirks::default() };
    let (ids, last) = walk_changing(&app, |n| {
        let matches = if n < 5 { 100 } else { 80 };
        state.set_quirks(listed(matches)).expect("quirks apply");
    })
    .await;
    assert_eq!((ids.len(), ids.iter().collect::<HashSet<_>>().len()), (80, 80), "{last}");
    let offers = &last["data"]["search"]["offers"];
    assert_eq!((&offers["totalCount"], &offers["totalCountExact"]), (&json!(80), &json!(true)), "{last}");
}
