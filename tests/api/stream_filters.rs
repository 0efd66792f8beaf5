//! `searchStream`'s merged page is `search`'s first page, read the same way: the same offers,
//! cursor and per-marketplace counts, for the same upstream calls (review29d D3, review30a F2);
//! and a marketplace's event never leaves out offers that may still match (review30a F3).

use crate::frontend::subscribe;
use crate::helpers::{TestApp, offers, spawn_app};
use serde_json::{Value, json};

const FIELDS: &str = "sources { marketplace { id } offerCount } \
    offers { pageInfo { hasNextPage endCursor } edges { node { id } } }";

fn ids(offers: &Value) -> Vec<&str> {
    offers["edges"].as_array().expect("edges").iter().filter_map(|e| e["node"]["id"].as_str()).collect()
}

/// Each marketplace's id and offer count, in the answer's order.
fn counts(result: &Value) -> Vec<(String, u64)> {
    let sources = result["sources"].as_array().expect("sources");
    sources.iter().map(|s| (s["marketplace"]["id"].to_string(), s["offerCount"].as_u64().expect("count"))).collect()
}

/// `search` and `searchStream` with the same arguments: the search's result, then the stream's
/// events (the merged page last).
async fn both(app: &TestApp, arguments: &str) -> (Value, Vec<Value>) {
    let searched = app.graphql(&format!("{{ search({arguments}) {{ {FIELDS} }} }}"), json!({})).await;
    assert!(searched["errors"].is_null(), "{arguments}: {searched}");
    (searched["data"]["search"].clone(), stream(app, arguments).await)
}

async fn stream(app: &TestApp, arguments: &str) -> Vec<Value> {
    let stream = format!(
        "subscription {{ searchStream({arguments}) {{ __typename \
         ... on MarketplaceAnswered {{ source {{ marketplace {{ id }} offerCount }} offers {{ id }} }} \
         ... on SearchCompleted {{ result {{ {FIELDS} }} }} }} }}"
    );
    subscribe(&app.address, &stream).await
}

fn merged(events: &[Value]) -> &Value {
    let last = &events.last().expect("events")["data"]["searchStream"];
    assert_eq!(last["__typename"], "SearchCompleted", "{events:?}");
    &last["result"]
}

#[tokio::test]
async fn a_streamed_page_is_searchs_first_page_with_its_cursor_and_counts() {
    let app = spawn_app().await;
    let cases = [
        ("koperasiOnly: true", 1),
        ("koperasiOnly: true", 3),
        ("umkOnly: true", 1),
        ("umkOnly: true", 5),
        ("umkOnly: true", 10),
        ("umkOnly: true", 15),
        ("umkOnly: true", 20),
        ("koperasiOnly: true", 5),
        ("koperasiOnly: true", 10),
        ("koperasiOnly: true", 15),
        ("koperasiOnly: true", 20),
        ("", 20),
        ("", 100),
    ];
    for query in ["kertas", "kertas hvs a4"] {
        for (filter, first) in cases {
            let arguments = format!("query: \"{query}\", first: {first}, filter: {{ {filter} }}");
            let (searched, events) = both(&app, &arguments).await;
            let (page, streamed) = (&searched["offers"], &merged(&events)["offers"]);
            assert!(!offers(&json!({"data": {"search": searched}})).is_empty(), "{arguments}: search finds some");
            assert_eq!(ids(streamed), ids(page), "{arguments}: streamed {streamed}, searched {page}");
            assert_eq!(streamed["pageInfo"], page["pageInfo"], "{arguments}");
            assert_eq!(counts(merged(&events)), counts(&searched), "{arguments}: each marketplace's offerCount");
        }
    }
}

/// Upstream search calls all sandboxes received while `run` ran.
async fn calls<T>(app: &TestApp, run: impl Future<Output = T>) -> (T, u64) {
    app.sandboxes.iter().for_each(|s| s.reset_stats());
    let out = run.await;
    (out, app.sandboxes.iter().map(|s| s.requests_served()).sum())
}

#[tokio::test]
async fn a_streamed_search_costs_the_upstream_calls_of_a_search() {
    let app = spawn_app().await;
    for (filter, first) in [("umkOnly: true", 100), ("koperasiOnly: true", 50), ("", 100), ("umkOnly: true", 10)] {
        let arguments = format!("query: \"kertas\", first: {first}, noCache: true, filter: {{ {filter} }}");
        let search = format!("{{ search({arguments}) {{ {FIELDS} }} }}");
        // What the marketplaces' paging taught the first search is not a cost of either.
        app.graphql(&search, json!({})).await;
        let (searched, by_search) = calls(&app, app.graphql(&search, json!({}))).await;
        let (events, by_stream) = calls(&app, stream(&app, &arguments)).await;
        assert_eq!(ids(&merged(&events)["offers"]), ids(&searched["data"]["search"]["offers"]), "{arguments}");
        assert!(by_search >= 5, "{arguments}: every marketplace asked at least once: {by_search}");
        assert_eq!(by_stream, by_search, "{arguments}: upstream calls of the stream and of the search");
    }
}

#[tokio::test]
async fn a_marketplace_streams_every_offer_of_its_first_answer_the_merged_page_holds() {
    let app = spawn_app().await;
    let mut checked = 0;
    // Words of their own for each size, so every page is read upstream and its calls counted.
    for (first, query) in [(5, "kertas"), (10, "pulpen"), (20, "map")] {
        for sandbox in &app.sandboxes {
            sandbox.state().reset_stats();
        }
        let events = stream(&app, &format!("query: \"{query}\", first: {first}, filter: {{ umkOnly: true }}")).await;
        let result = merged(&events);
        let page = ids(&result["offers"]);
        for event in &events[..events.len() - 1] {
            let answered = &event["data"]["searchStream"];
            let id = answered["source"]["marketplace"]["id"].as_str().expect("marketplace");
            let shown: Vec<&str> =
                answered["offers"].as_array().expect("offers").iter().filter_map(|o| o["id"].as_str()).collect();
            let on_page: Vec<&str> = page.iter().copied().filter(|o| o.split(':').next() == Some(id)).collect();
            // Offers a later round read (a second call), or past a full event, are not the event's
            // to show. (Its `offerCount` counts what it shows, as the page's counts its edges.)
            let one_call = app.sandbox(id).state().requests_served() == 1;
            assert_eq!(answered["source"]["offerCount"].as_u64(), Some(shown.len() as u64), "{answered}");
            if on_page.is_empty() || shown.len() == first || !one_call {
                continue;
            }
            checked += 1;
            let missing: Vec<&&str> = on_page.iter().filter(|o| !shown.contains(o)).collect();
            assert!(missing.is_empty(), "first {first}: {id} streamed {shown:?}, the page then held {missing:?} too");
        }
    }
    assert!(checked >= 6, "marketplaces checked: {checked}");
}
