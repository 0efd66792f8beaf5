//! A page-numbered marketplace whose request names no page size (the peer harness's peer-mbiz
//! shape) serves what it serves: more than its adapter's `max_page_size` (review 26c C2: the
//! items past 20 of every page were dropped) or fewer (26d D3: the walk stopped at page
//! ceil(total / 20), 60 of 70 called exact). Every item it lists is delivered, once.

use crate::helpers::{TestApp, TestOptions, spawn_app_with};
use crate::paging_evidence::adapters_without_a_page_size;
use pasar::sandbox::Quirks;
use serde_json::{Value, json};
use std::collections::BTreeSet;

const PAGE: &str = r#"
query Page($first: Int, $after: String) {
  search(query: "2", first: $first, after: $after, filter: { marketplaces: ["mbiz"] }) {
    complete
    offers { totalCount totalCountExact pageInfo { hasNextPage endCursor } edges { node { sourceId } } }
  }
}"#;

/// Pages of `first` with `after` until `hasNextPage` is false: the ids delivered, and the last page.
async fn walk(app: &TestApp, first: u32) -> (Vec<String>, Value) {
    let (mut seen, mut after) = (Vec::new(), Value::Null);
    for _ in 0..60 {
        let response = app.graphql(PAGE, json!({ "first": first, "after": after })).await;
        let offers = &response["data"]["search"]["offers"];
        let edges = offers["edges"].as_array().expect("edges");
        seen.extend(edges.iter().map(|e| e["node"]["sourceId"].as_str().expect("id").to_string()));
        if offers["pageInfo"]["hasNextPage"] != true {
            return (seen, response);
        }
        after = offers["pageInfo"]["endCursor"].clone();
    }
    panic!("no end after 60 pages");
}

#[tokio::test]
async fn a_marketplace_that_cannot_be_asked_a_size_is_read_whole_whatever_size_it_serves() {
    for (served, quirks) in [
        (25, Quirks { unasked_page_size: Some(25), ..Quirks::default() }),
        (15, Quirks { max_page_size: Some(15), ..Quirks::default() }),
        (10, Quirks { max_page_size: Some(10), ..Quirks::default() }),
    ] {
        let adapters = adapters_without_a_page_size();
        let dir = adapters.path().to_path_buf();
        let configure =
            std::sync::Arc::new(move |config: &mut pasar::config::Config| config.adapters_dir = dir.clone());
        let app = spawn_app_with(TestOptions { configure, ..Default::default() }).await;
        let quirks = Quirks { max_matches: Some(70), ..quirks };
        app.sandbox("mbiz").state().set_quirks(quirks).expect("quirks apply");
        for first in [20, 7, 100] {
            let (seen, last) = walk(&app, first).await;
            let distinct: BTreeSet<&String> = seen.iter().collect();
            assert_eq!((seen.len(), distinct.len()), (70, 70), "{served} a page, first {first}: {last}");
            let offers = &last["data"]["search"]["offers"];
            assert!(offers["totalCount"] == 70 || offers["totalCountExact"] == false, "{served}, {first}: {last}");
        }
    }
}
