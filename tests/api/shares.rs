//! How many upstream calls a page over several marketplaces costs: it asks each for its share, and
//! asks again only the ones the page still waits on. Counted at the sandboxes.

use crate::helpers::{TestApp, spawn_app};
use crate::round_trips::{QUERIES, SEARCH, distinct, ids_of};
use pasar::sandbox::Quirks;
use serde_json::{Value, json};

/// Upstream calls each marketplace received for one search over all of them, by marketplace id.
async fn calls_each(app: &TestApp, query: &str, first: u32) -> (Value, Vec<(String, u64)>) {
    calls_each_of(app, query, first, None).await
}

/// As [`calls_each`], the search over `only` those marketplaces when given.
async fn calls_each_of(app: &TestApp, query: &str, first: u32, only: Option<&[&str]>) -> (Value, Vec<(String, u64)>) {
    for sandbox in &app.sandboxes {
        sandbox.state().reset_stats();
    }
    let filter = only.map(|ids| json!({ "marketplaces": ids }));
    let response = app.graphql(SEARCH, json!({ "query": query, "first": first, "filter": filter })).await;
    assert!(response["errors"].is_null(), "{response}");
    let served = app.sandboxes.iter().map(|s| (s.kind().id().to_string(), s.state().requests_served())).collect();
    (response, served)
}

#[tokio::test]
async fn a_page_over_five_marketplaces_asks_each_for_its_share_in_one_call() {
    let app = spawn_app().await;
    // 25 a page at most: asking every marketplace for all 40 offers took two calls from each.
    for sandbox in &app.sandboxes {
        sandbox.state().set_quirks(Quirks { max_page_size: Some(25), ..Quirks::default() }).expect("quirks apply");
    }
    let (response, served) = calls_each(&app, QUERIES[0], 40).await;
    let search = &response["data"]["search"];
    assert_eq!(search["offers"]["edges"].as_array().expect("edges").len(), 40, "{response}");
    assert_eq!(search["complete"], true);
    assert_eq!(served.len(), 5);
    assert!(served.iter().all(|(_, calls)| *calls == 1), "one call each, cursor-paged ones too: {served:?}");
    for report in search["sources"].as_array().expect("sources") {
        // A page of 10 holds the share of 8, read whole: the answer takes 8 (review37 R37-8).
        assert_eq!(report["offerCount"], 8, "{report}");
    }
}

#[tokio::test]
async fn after_one_warm_up_search_a_page_of_40_over_marketplaces_like_the_peers_mocks_costs_one_call_each() {
    // As the peer harness's mocks: mbiz lists 10 with a true total of 10; jatim-bejo serves the
    // same 10 whatever page is asked. The others have nothing.
    let quirks = |id: &str| match id {
        "mbiz" => Quirks { max_matches: Some(10), ..Quirks::default() },
        "jatim-bejo" => {
            Quirks { max_page_size: Some(10), max_matches: Some(30), ignores_paging: true, ..Quirks::default() }
        }
        _ => Quirks { max_matches: Some(0), ..Quirks::default() },
    };
    // The two alone (each asked for 20: mbiz's page is short), then all five (each asked for 8:
    // mbiz's page of 10 is full and ends at its total).
    for only in [Some(&["mbiz", "jatim-bejo"][..]), None] {
        let app = spawn_app().await;
        for sandbox in &app.sandboxes {
            sandbox.state().set_quirks(quirks(sandbox.kind().id())).expect("quirks apply");
        }
        let (_, warm_up) = calls_each_of(&app, QUERIES[0], 40, only).await;
        let learning: u64 = warm_up.iter().filter(|(id, _)| id == "mbiz" || id == "jatim-bejo").map(|(_, n)| n).sum();
        assert_eq!(learning, 4, "{only:?}: two each while nothing is known: {warm_up:?}");
        for query in &QUERIES[1..] {
            let (response, served) = calls_each_of(&app, query, 40, only).await;
            for (id, calls) in &served {
                let asked = only.is_none_or(|ids| ids.contains(&id.as_str()));
                assert_eq!(
                    *calls,
                    u64::from(asked),
                    "{only:?} {query} {id}: one call each after the warm-up: {served:?}"
                );
            }
            let ids = ids_of(&response);
            assert_eq!((ids.len(), distinct(&ids)), (20, 20), "{query}: ten of each, once: {response}");
            assert_eq!(response["data"]["search"]["offers"]["pageInfo"]["hasNextPage"], false, "{response}");
        }
    }
}

#[tokio::test]
async fn a_search_filtered_in_the_gateway_scans_each_marketplace_in_its_largest_pages() {
    let app = spawn_app().await;
    // No vendor is in Papua (94): every page is read and all of it dropped, up to the scan limit
    // of 1,000 items a marketplace. In pages sized for `first: 1` (10) that was up to 100 calls
    // to each, for one search anyone may send with `noCache` as often as they like.
    for sandbox in &app.sandboxes {
        sandbox.state().reset_stats();
    }
    let variables = json!({ "query": QUERIES[1], "first": 1, "noCache": true, "filter": { "vendorRegion": "94" } });
    let uncached = r#"query($query: String!, $first: Int, $noCache: Boolean, $filter: OfferFilter) {
      search(query: $query, first: $first, noCache: $noCache, filter: $filter) { offers { edges { node { sourceId } } } }
    }"#;
    let response = app.graphql(uncached, variables).await;
    assert!(response["errors"].is_null(), "{response}");
    assert_eq!(ids_of(&response).len(), 0, "{response}");
    let mut scanned_much = false;
    for sandbox in &app.sandboxes {
        let (id, calls) = (sandbox.kind().id(), sandbox.state().requests_served());
        let largest = if id == "bela" {
            25
        } else if id == "padi-umkm" {
            50
        } else {
            100
        };
        // A first page sized for `first: 1`, then the scan in the largest pages, and the empty
        // page that ends it.
        assert!(calls <= 1_000 / largest + 2, "{id}: {calls} calls in pages of {largest}: {response}");
        scanned_much |= calls >= 3;
    }
    assert!(scanned_much, "the query matches enough to need several pages somewhere");
}

#[tokio::test]
async fn when_the_others_have_nothing_the_marketplaces_with_matches_fill_the_page() {
    let app = spawn_app().await;
    for sandbox in &app.sandboxes {
        if !["mbiz", "bela"].contains(&sandbox.kind().id()) {
            sandbox.state().set_quirks(Quirks { max_matches: Some(0), ..Quirks::default() }).expect("quirks apply");
        }
    }
    // Two of five have matches (one paged by number, one by cursor): 40 wanted, 8 asked of each
    // (a page of 10), then 10 more of each, what the page still lacked shared between them.
    let (response, served) = calls_each(&app, QUERIES[0], 40).await;
    let offers = &response["data"]["search"]["offers"];
    assert_eq!(offers["edges"].as_array().expect("edges").len(), 40, "{response}");
    assert_eq!(offers["pageInfo"]["hasNextPage"], true);
    for (id, calls) in &served {
        let expected = if id == "mbiz" || id == "bela" { 2 } else { 1 };
        assert_eq!(*calls, expected, "{id}: {served:?}");
    }
    let ids = ids_of(&response);
    assert_eq!(distinct(&ids), 40, "each offer once: {response}");
    let reports = response["data"]["search"]["sources"].as_array().expect("sources");
    for id in ["mbiz", "bela"] {
        let report = reports.iter().find(|r| r["marketplace"]["id"] == id).expect("report");
        assert_eq!(report["offerCount"], 20, "{id}: {response}");
    }
}

#[tokio::test]
async fn a_marketplace_repeating_ids_gives_each_offer_once_counts_what_it_delivers_and_deep_links_what_it_showed() {
    let app = spawn_app().await;
    // 25 listed, ten a page; positions 3, 7, …, 23 repeat the id listed just before them with
    // another product: 6 repeats (within a page and across pages), 19 offers.
    let quirks =
        Quirks { max_page_size: Some(10), max_matches: Some(25), repeats_id_every: Some(4), ..Quirks::default() };
    app.sandbox("ekatalog").state().set_quirks(quirks).expect("quirks apply");
    let query = r#"query($q: String!) { search(query: $q, first: 40, filter: { marketplaces: ["ekatalog"] }) {
        sources { message } offers { totalCount totalCountExact reachableCount edges { node { id title } } } } }"#;
    let response = app.graphql(query, json!({ "q": QUERIES[0] })).await;
    let search = &response["data"]["search"];
    let shown: Vec<(String, String)> = search["offers"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| (e["node"]["id"].as_str().expect("id").into(), e["node"]["title"].as_str().expect("title").into()))
        .collect();
    let ids: Vec<String> = shown.iter().map(|(id, _)| id.clone()).collect();
    assert_eq!((ids.len(), distinct(&ids)), (19, 19), "{response}");
    let offers = &search["offers"];
    assert_eq!((&offers["totalCount"], &offers["totalCountExact"]), (&json!(19), &json!(true)), "{response}");
    assert_eq!(offers["reachableCount"], 19, "{response}");
    let message = search["sources"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("6 items repeated an id listed before"), "{message}");
    // Walked five at a time, a page's walk cannot count the repeats before it: a count it calls
    // exact is the 19 delivered, never the positions less what it saw.
    let page = r#"query($q: String!, $after: String) { search(query: $q, first: 5, after: $after,
        filter: { marketplaces: ["ekatalog"] }) { offers { totalCount totalCountExact
        pageInfo { hasNextPage endCursor } edges { node { id } } } } }"#;
    let (mut after, mut walked, mut exact_seen) = (Value::Null, Vec::new(), Vec::new());
    for _ in 0..10 {
        let response = app.graphql(page, json!({ "q": QUERIES[0], "after": after })).await;
        let offers = &response["data"]["search"]["offers"];
        let edges = offers["edges"].as_array().unwrap_or_else(|| panic!("{response}"));
        walked.extend(edges.iter().map(|e| e["node"]["id"].as_str().unwrap_or_default().to_string()));
        if offers["totalCountExact"] == true {
            exact_seen.push(offers["totalCount"].clone());
        }
        if offers["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = offers["pageInfo"]["endCursor"].clone();
    }
    assert_eq!((walked.len(), distinct(&walked)), (19, 19), "{walked:?}");
    assert!(exact_seen.iter().all(|count| *count == json!(19)), "counts called exact: {exact_seen:?}");
    // Each repeated id (the one listed at positions 2, 6, …) deep-links to the listing shown.
    for at in [2, 6, 10, 14, 18] {
        let (id, title) = &shown[at - at / 4];
        let linked = app.graphql("query($id: ID!) { offer(id: $id) { title } }", json!({ "id": id })).await;
        assert_eq!(linked["data"]["offer"]["title"].as_str(), Some(title.as_str()), "{id}: {linked}");
    }
}
