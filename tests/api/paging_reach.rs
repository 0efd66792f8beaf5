//! A marketplace that serves only its first page keeps the count it states: paging reaches fewer,
//! and `reachableCount` says how many (review 26 P8: `totalCount` became the count delivered,
//! called exact, where the marketplace stated more and has them).

use crate::helpers::spawn_app;
use pasar::sandbox::Quirks;
use serde_json::{Value, json};

const SEARCH: &str = r#"
query Search($query: String!) {
  search(query: $query, first: 60, filter: { marketplaces: ["mbiz"] }) {
    sources { ignoresPaging }
    offers { totalCount totalCountExact reachableCount edges { node { sourceId } } }
  }
}"#;

#[tokio::test]
async fn a_marketplace_found_not_to_page_keeps_its_stated_count_with_what_paging_reaches_apart() {
    let app = spawn_app().await;
    // Ten a page, always the first ten, of 30 it states (and has).
    let quirks = Quirks { max_page_size: Some(10), max_matches: Some(30), ignores_paging: true, ..Quirks::default() };
    app.sandbox("mbiz").state().set_quirks(quirks).expect("quirks apply");
    // The search that finds it out, then one read while the verdict stands.
    for query in ["2", "1"] {
        let response: Value = app.graphql(SEARCH, json!({ "query": query })).await;
        let search = &response["data"]["search"];
        assert_eq!(search["sources"][0]["ignoresPaging"], true, "{query}: {response}");
        let offers = &search["offers"];
        assert_eq!(offers["edges"].as_array().map(Vec::len), Some(10), "{query}: {response}");
        assert_eq!(
            (&offers["totalCount"], &offers["totalCountExact"]),
            (&json!(30), &json!(false)),
            "{query}: {response}"
        );
        assert_eq!(offers["reachableCount"], 10, "{query}: {response}");
    }
}

const PAGE: &str = r#"
query Page($after: String) {
  search(query: "3", first: 20, after: $after, filter: { marketplaces: ["mbiz"] }) {
    sources { ignoresPaging }
    offers { totalCount totalCountExact reachableCount pageInfo { endCursor } edges { node { sourceId } } }
  }
}"#;

/// The same found out on a client's `after` page, which starts with no page of its own read:
/// the count the client's first page stated stood (review27h: a marketplace serving its first
/// page again past row 40 of 70 was "40 of 40, exact"). Its one page is then read at the largest
/// size in the same request (review37 R37-3): it holds all 70, so the page goes on, and the count
/// is what it holds.
#[tokio::test]
async fn a_marketplace_found_not_to_page_on_a_clients_later_page_keeps_the_count_its_first_page_stated() {
    let app = spawn_app().await;
    app.sandbox("mbiz").state().set_quirks(Quirks { max_matches: Some(70), ..Quirks::default() }).expect("quirks");
    let first: Value = app.graphql(PAGE, json!({ "after": null })).await;
    let after = first["data"]["search"]["offers"]["pageInfo"]["endCursor"].clone();
    let quirks = Quirks { max_matches: Some(70), ignores_paging: true, ..Quirks::default() };
    app.sandbox("mbiz").state().set_quirks(quirks).expect("quirks apply");
    let response: Value = app.graphql(PAGE, json!({ "after": after })).await;
    let search = &response["data"]["search"];
    assert_eq!(search["sources"][0]["ignoresPaging"], true, "{response}");
    let offers = &search["offers"];
    assert_eq!(offers["edges"].as_array().map(Vec::len), Some(20), "{response}");
    assert_eq!((&offers["totalCount"], &offers["totalCountExact"]), (&json!(70), &json!(true)), "{response}");
    assert_eq!(offers["reachableCount"], 70, "{response}");
}

const ALL: &str = r#"
query All {
  search(query: "2", first: 60) {
    sources { marketplace { id } ignoresPaging offerCount }
    offers { totalCount totalCountExact reachableCount edges { node { sourceId } } }
  }
}"#;

/// The same found out in a later round of a search over several marketplaces (review27a E5: the
/// first page of an ordinary search said 120 exact for 100 + 250 stated). Three marketplaces have
/// nothing, so the first round asks each of the two for 12 (pages of 20) and a second round asks
/// for more.
#[tokio::test]
async fn a_marketplace_found_not_to_page_in_a_later_round_keeps_the_count_it_stated_in_the_first() {
    let app = spawn_app().await;
    for sandbox in &app.sandboxes {
        let quirks = match sandbox.kind().id() {
            "mbiz" => Quirks { max_matches: Some(100), ..Quirks::default() },
            "jatim-bejo" => Quirks { max_matches: Some(150), ignores_paging: true, ..Quirks::default() },
            _ => Quirks { max_matches: Some(0), ..Quirks::default() },
        };
        sandbox.state().set_quirks(quirks).expect("quirks apply");
    }
    let response: Value = app.graphql(ALL, json!({})).await;
    let search = &response["data"]["search"];
    let jatim = search["sources"].as_array().expect("sources").iter().find(|s| s["marketplace"]["id"] == "jatim-bejo");
    let read = jatim.filter(|s| s["ignoresPaging"] == true).and_then(|s| s["offerCount"].as_u64());
    let Some(read) = read else { panic!("jatim-bejo was found not to page: {response}") };
    let offers = &search["offers"];
    assert_eq!((&offers["totalCount"], &offers["totalCountExact"]), (&json!(250), &json!(false)), "{response}");
    assert_eq!(offers["reachableCount"], 100 + read, "{response}");
}
