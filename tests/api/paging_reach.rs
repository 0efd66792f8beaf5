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
