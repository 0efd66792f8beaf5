//! How many upstream calls a search costs: a marketplace that ignores the page asked for is read
//! once per offer and then in one call, and a short answer costs one call once the marketplace
//! has shown which of its totals and page sizes can be trusted (a page over several marketplaces:
//! `shares.rs`). Counted at the sandboxes.

use crate::helpers::{TestApp, TestOptions, spawn_app, spawn_app_with};
use pasar::sandbox::{Quirks, TotalQuirk};
use serde_json::{Value, json};
use std::collections::BTreeSet;

pub const SEARCH: &str = r#"
query Search($query: String!, $first: Int, $filter: OfferFilter) {
  search(query: $query, first: $first, filter: $filter) {
    complete
    sources { marketplace { id } offerCount ignoresPaging message }
    offers { totalCount pageInfo { hasNextPage } edges { node { sourceId } } }
  }
}"#;

/// Queries each sandbox lists at least 30 matches for; each one is a cache miss the first time.
pub const QUERIES: [&str; 4] = ["2", "1", "kertas", "a"];

/// One search over marketplace `id` only: the source ids it returned and its source report.
/// Fails on a GraphQL error.
async fn search(app: &TestApp, id: &str, query: &str, first: u32) -> (Vec<String>, Value) {
    let variables = json!({ "query": query, "first": first, "filter": { "marketplaces": [id] } });
    let response = app.graphql(SEARCH, variables).await;
    assert!(response["errors"].is_null(), "{response}");
    let search = &response["data"]["search"];
    let ids = search["offers"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| e["node"]["sourceId"].as_str().expect("source id").to_string())
        .collect();
    (ids, response)
}

/// Upstream calls `id` received while `run` ran.
async fn calls<T>(app: &TestApp, id: &str, run: impl Future<Output = T>) -> (T, u64) {
    let state = app.sandbox(id).state();
    state.reset_stats();
    let out = run.await;
    (out, state.requests_served())
}

pub fn ids_of(response: &Value) -> Vec<String> {
    let edges = response["data"]["search"]["offers"]["edges"].as_array().expect("edges");
    edges.iter().map(|e| e["node"]["sourceId"].as_str().expect("source id").to_string()).collect()
}

pub fn distinct(ids: &[String]) -> usize {
    ids.iter().collect::<BTreeSet<_>>().len()
}

#[tokio::test]
async fn a_marketplace_that_ignores_the_page_asked_for_gives_each_offer_once_then_in_one_call() {
    let app = spawn_app().await;
    // Ten a page whatever is asked, always the first ten, with the true total of 30.
    let quirks = Quirks { max_page_size: Some(10), max_matches: Some(30), ignores_paging: true, ..Quirks::default() };
    for id in ["ekatalog", "mbiz", "padi-umkm", "bela"] {
        app.sandbox(id).state().set_quirks(quirks.clone()).expect("quirks apply");
        let ((first, response), learning) = calls(&app, id, search(&app, id, QUERIES[0], 60)).await;
        assert_eq!(first.len(), 10, "{id}: the ten offers it serves, once each: {response}");
        assert_eq!(distinct(&first), 10, "{id}: {response}");
        let report = &response["data"]["search"]["sources"][0];
        assert_eq!(report["offerCount"], 10, "{id}: {response}");
        assert_eq!(report["ignoresPaging"], true, "{id}: {response}");
        assert_eq!(response["data"]["search"]["offers"]["pageInfo"]["hasNextPage"], false, "{id}: {response}");
        // The repeat comes where a short page ended below the stated 30: a marketplace paged by
        // position is asked its last item alone, as one answering a page past its end with its
        // last page would serve it (a cursor cannot be asked a position). Once per verdict.
        let alone = u64::from(!["bela", "padi-umkm"].contains(&id));
        assert_eq!(learning, 2 + alone, "{id}: the first page, the page that repeated it, the last item alone");

        for query in &QUERIES[1..] {
            let ((ids, response), upstream) = calls(&app, id, search(&app, id, query, 60)).await;
            assert_eq!(upstream, 1, "{id} {query}: one call once it is known not to page: {response}");
            assert_eq!((ids.len(), distinct(&ids)), (10, 10), "{id} {query}: {response}");
            assert_eq!(response["data"]["search"]["sources"][0]["ignoresPaging"], true);
        }
    }
}

const WALK: &str = r#"
query Walk($query: String!, $first: Int, $after: String, $filter: OfferFilter) {
  search(query: $query, first: $first, after: $after, filter: $filter) {
    sources { ignoresPaging }
    offers { pageInfo { hasNextPage endCursor } edges { node { sourceId } } }
  }
}"#;

#[tokio::test]
async fn walking_after_over_a_marketplace_that_ignores_the_page_never_shows_an_offer_twice() {
    let app = spawn_app().await;
    // Pages of ten, always the first ten; a first page of ten never shows it within one request.
    let quirks = Quirks { max_page_size: Some(10), max_matches: Some(30), ignores_paging: true, ..Quirks::default() };
    for (id, query) in [("ekatalog", QUERIES[0]), ("mbiz", QUERIES[1]), ("bela", QUERIES[2])] {
        app.sandbox(id).state().set_quirks(quirks.clone()).expect("quirks apply");
        let (mut shown, mut after, mut pages) = (Vec::new(), Value::Null, 0);
        loop {
            let variables = json!({ "query": query, "first": 10, "after": after, "filter": { "marketplaces": [id] } });
            let response = app.graphql(WALK, variables).await;
            assert!(response["errors"].is_null(), "{id}: {response}");
            shown.extend(ids_of(&response));
            pages += 1;
            let info = &response["data"]["search"]["offers"]["pageInfo"];
            if info["hasNextPage"] != true || pages == 5 {
                assert_eq!(response["data"]["search"]["sources"][0]["ignoresPaging"], (pages > 1), "{id}: {response}");
                break;
            }
            after = info["endCursor"].clone();
        }
        assert_eq!(shown.len(), 10, "{id}: the ten offers it serves, each once, in {pages} pages: {shown:?}");
        assert_eq!(distinct(&shown), 10, "{id}: {shown:?}");
        assert_eq!(pages, 2, "{id}: the second page is where it shows itself, and the walk ends there");
    }
}

/// "Load 20 more" after a page of 60: the page after is read at another size than the first, and
/// the first page served again must still be known for what it is (review 26 P5: 20 of 20
/// repeated, and so on for 13 pages).
#[tokio::test]
async fn a_client_changing_first_between_pages_never_gets_the_first_page_again_as_new_offers() {
    let app = spawn_app().await;
    app.sandbox("mbiz").state().set_quirks(Quirks { ignores_paging: true, ..Quirks::default() }).expect("quirks");
    let variables = json!({ "query": QUERIES[0], "first": 60, "filter": { "marketplaces": ["mbiz"] } });
    let first = app.graphql(WALK, variables).await;
    let shown: BTreeSet<String> = ids_of(&first).into_iter().collect();
    assert_eq!(shown.len(), 60, "{first}");
    let after = first["data"]["search"]["offers"]["pageInfo"]["endCursor"].clone();
    let variables = json!({ "query": QUERIES[0], "first": 20, "after": after, "filter": { "marketplaces": ["mbiz"] } });
    let next = app.graphql(WALK, variables).await;
    let again: Vec<String> = ids_of(&next).into_iter().filter(|id| shown.contains(id)).collect();
    assert_eq!(again, Vec::<String>::new(), "shown on the page before: {next}");
    assert_eq!(next["data"]["search"]["sources"][0]["ignoresPaging"], true, "{next}");
}

#[tokio::test]
async fn a_purge_of_the_marketplace_ends_the_verdict_that_it_ignores_the_page() {
    const ADMIN: &str = "round-trips-admin";
    let app = spawn_app_with(TestOptions { admin_token: Some(ADMIN.into()), ..TestOptions::default() }).await;
    let quirks = Quirks { max_page_size: Some(10), max_matches: Some(30), ignores_paging: true, ..Quirks::default() };
    app.sandbox("ekatalog").state().set_quirks(quirks).expect("quirks apply");
    let (_, learning) = calls(&app, "ekatalog", search(&app, "ekatalog", QUERIES[0], 60)).await;
    let (_, known) = calls(&app, "ekatalog", search(&app, "ekatalog", QUERIES[1], 60)).await;
    assert_eq!((learning, known), (3, 1), "found out (the last item asked alone too), then one call");
    let purge = json!({ "query": r#"mutation { purgeCache(marketplace: "ekatalog") { entriesBefore } }"# });
    let sent = app.client.post(format!("{}/graphql", app.address)).bearer_auth(ADMIN).json(&purge).send().await;
    let purged: Value = sent.expect("purge").json().await.expect("JSON");
    assert!(purged["errors"].is_null(), "{purged}");
    let ((_, response), again) = calls(&app, "ekatalog", search(&app, "ekatalog", QUERIES[2], 60)).await;
    assert_eq!(again, 3, "after the purge it is found out again: {response}");
}

#[tokio::test]
async fn a_marketplace_that_pages_is_never_taken_for_one_that_ignores_the_page() {
    let app = spawn_app().await;
    let quirks = Quirks { max_page_size: Some(10), max_matches: Some(30), ..Quirks::default() };
    app.sandbox("ekatalog").state().set_quirks(quirks).expect("quirks apply");
    let (ids, response) = search(&app, "ekatalog", QUERIES[0], 60).await;
    assert_eq!((ids.len(), distinct(&ids)), (30, 30), "{response}");
    assert_eq!(response["data"]["search"]["sources"][0]["ignoresPaging"], false);
}

#[tokio::test]
async fn a_short_answer_costs_one_call_once_the_marketplace_total_has_proved_true() {
    let app = spawn_app().await;
    let quirks = Quirks { max_matches: Some(7), ..Quirks::default() };
    for id in ["ekatalog", "mbiz", "jatim-bejo"] {
        app.sandbox(id).state().set_quirks(quirks.clone()).expect("quirks apply");
        let ((ids, response), learning) = calls(&app, id, search(&app, id, QUERIES[0], 40)).await;
        assert_eq!(ids.len(), 7, "{id}: {response}");
        assert_eq!(learning, 2, "{id}: nothing known yet, so the short page is checked once");
        for query in &QUERIES[1..] {
            let ((ids, response), upstream) = calls(&app, id, search(&app, id, query, 40)).await;
            assert_eq!(upstream, 1, "{id} {query}: the total proved true, so a short page ending there is the end");
            assert_eq!(ids.len(), 7, "{id} {query}: {response}");
            assert_eq!(response["data"]["search"]["offers"]["totalCount"], 7);
        }
    }
}

#[tokio::test]
async fn a_total_that_was_off_never_ends_a_walk_so_a_short_answer_keeps_its_second_call() {
    let app = spawn_app().await;
    let quirks = Quirks { max_matches: Some(7), total: TotalQuirk::OffBy, total_off_by: 3, ..Quirks::default() };
    app.sandbox("ekatalog").state().set_quirks(quirks).expect("quirks apply");
    for query in QUERIES {
        let ((ids, response), upstream) = calls(&app, "ekatalog", search(&app, "ekatalog", query, 40)).await;
        assert_eq!(ids.len(), 7, "{query}: {response}");
        assert_eq!(upstream, 2, "{query}: a short page is checked while the totals are not trusted");
    }
}

#[tokio::test]
async fn a_short_answer_without_a_total_costs_one_call_at_a_page_size_once_served_in_full() {
    let app = spawn_app().await;
    let id = "ekatalog";
    let state = app.sandbox(id).state();
    state.set_quirks(Quirks { total: TotalQuirk::Missing, ..Quirks::default() }).expect("quirks apply");
    let ((ids, _), upstream) = calls(&app, id, search(&app, id, QUERIES[0], 10)).await;
    assert_eq!((ids.len(), upstream), (10, 1), "a full page of 10 served in full");

    state.set_quirks(Quirks { total: TotalQuirk::Missing, max_matches: Some(7), ..Quirks::default() }).expect("apply");
    let ((ids, response), upstream) = calls(&app, id, search(&app, id, QUERIES[1], 10)).await;
    assert_eq!(ids.len(), 7, "{response}");
    assert_eq!(upstream, 1, "10 a page was served in full before, so 7 of 10 is the end: {response}");
    let ((ids, response), upstream) = calls(&app, id, search(&app, id, QUERIES[2], 40)).await;
    assert_eq!(ids.len(), 7, "{response}");
    assert_eq!(upstream, 2, "50 a page was never served in full, so 7 of 50 may be a clamp: {response}");
}
