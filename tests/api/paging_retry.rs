//! A client's `after` page whose marketplace fails at its first call comes back empty with a
//! cursor to ask it again (review 26d D8): once, so that a refusal that passes loses nothing and
//! one that never passes (a 403, a deep-paging limit) does not keep a client asking forever.

use crate::helpers::{TestApp, spawn_app};
use pasar::sandbox::Quirks;
use serde_json::{Value, json};

const PAGE: &str = r#"
query Page($first: Int, $after: String) {
  search(query: "2", first: $first, after: $after, filter: { marketplaces: ["mbiz"] }) {
    complete
    sources { status }
    offers { totalCount pageInfo { hasNextPage endCursor } edges { node { sourceId } } }
  }
}"#;

fn quirks(app: &TestApp, quirks: Quirks) {
    app.sandbox("mbiz").state().set_quirks(quirks).expect("quirks apply");
}

async fn page(app: &TestApp, after: &Value) -> Value {
    app.graphql(PAGE, json!({ "first": 20, "after": after })).await
}

fn offers(response: &Value) -> &Value {
    &response["data"]["search"]["offers"]
}

fn edges(response: &Value) -> usize {
    offers(response)["edges"].as_array().map_or(0, Vec::len)
}

/// Follows `hasNextPage` from the first page, at most `limit` pages: the pages' responses.
async fn walk(app: &TestApp, limit: usize) -> Vec<Value> {
    let mut pages: Vec<Value> = Vec::new();
    let mut after = Value::Null;
    while pages.len() < limit {
        let response = page(app, &after).await;
        let next = offers(&response)["pageInfo"]["hasNextPage"] == true;
        after = offers(&response)["pageInfo"]["endCursor"].clone();
        pages.push(response);
        if !next {
            break;
        }
    }
    pages
}

/// Review27e R2: one 404 (a WAF, a deploy) at a client page's first call, far inside an exact
/// count, ended the walk at 40 of 100 with `hasNextPage: false`. Likewise one 500 where the
/// marketplace serves 10 a page (review28a F2: the client's first page, asked at 20 before the
/// clamp was known, was not found at 10, and the count was lost with it).
#[tokio::test]
async fn a_passing_refusal_far_inside_the_stated_count_offers_the_page_again_and_loses_nothing() {
    for (status, max_page_size) in [(404, None), (404, Some(10)), (500, Some(10))] {
        let app = spawn_app().await;
        let listed = Quirks { max_matches: Some(100), max_page_size, ..Quirks::default() };
        quirks(&app, listed.clone());
        let pages = walk(&app, 2).await;
        let after = offers(&pages[1])["pageInfo"]["endCursor"].clone();
        quirks(&app, Quirks { fails_from: Some(40), fails_with: Some(status), ..listed.clone() });
        let refused = page(&app, &after).await;
        let case = format!("{status} at {max_page_size:?} a page");
        assert_eq!((edges(&refused), &refused["data"]["search"]["complete"]), (0, &json!(false)), "{case}: {refused}");
        assert_eq!(offers(&refused)["totalCount"], 100, "{case}: {refused}");
        assert_eq!(offers(&refused)["pageInfo"]["hasNextPage"], true, "{case}: {refused}");
        quirks(&app, listed);
        let mut delivered = 40;
        let mut after = offers(&refused)["pageInfo"]["endCursor"].clone();
        for _ in 0..4 {
            let response = page(&app, &after).await;
            delivered += edges(&response);
            after = offers(&response)["pageInfo"]["endCursor"].clone();
        }
        assert_eq!(delivered, 100, "{case}");
    }
}

/// A marketplace answering 403 (or 500) from row 40 on, every time: the third page is offered
/// again once, and the retry's failure ends the walk, reported (it went on for as long as the
/// client followed `hasNextPage`: 60 empty pages in review27e's run).
#[tokio::test]
async fn a_client_page_failing_every_time_is_offered_again_once_then_the_walk_ends_reported() {
    let app = spawn_app().await;
    for (status, query_quirk) in [(403, Some(403)), (500, None)] {
        let set = Quirks { max_matches: Some(100), fails_from: Some(40), fails_with: query_quirk, ..Quirks::default() };
        quirks(&app, set);
        let pages = walk(&app, 8).await;
        let sizes: Vec<usize> = pages.iter().map(edges).collect();
        assert_eq!(sizes, [20, 20, 0, 0], "{status}: {:?}", pages.last());
        let last = &pages[3]["data"]["search"];
        assert_eq!(last["complete"], false, "{status}: {last}");
        assert_eq!(last["offers"]["pageInfo"]["hasNextPage"], false, "{status}: {last}");
        assert_ne!(last["sources"][0]["status"], "OK", "{status}: {last}");
    }
}
