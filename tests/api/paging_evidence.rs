//! What a walk makes of pages that look like an end but are not, and of pages that fail: a short
//! page is the end only when the total the marketplace states agrees, a refusal past the stated
//! end is the end, and a failure deeper in a walk keeps the pages read before it (review 26 P1,
//! P3, P7).

use crate::helpers::{TestApp, spawn_app};
use pasar::sandbox::Quirks;
use serde_json::{Value, json};

const SEARCH: &str = r#"
query Search($query: String!, $first: Int) {
  search(query: $query, first: $first, filter: { marketplaces: ["mbiz"] }) {
    complete
    sources { status offerCount message }
    offers { totalCount totalCountExact pageInfo { hasNextPage } edges { node { sourceId } } }
  }
}"#;

/// Matches the mbiz sandbox lists over 170 of.
const QUERY: &str = "2";

async fn search(app: &TestApp, first: u32) -> Value {
    app.graphql(SEARCH, json!({ "query": QUERY, "first": first })).await
}

fn offers(response: &Value) -> usize {
    response["data"]["search"]["offers"]["edges"].as_array().map_or(0, Vec::len)
}

fn quirks(app: &TestApp, quirks: Quirks) {
    app.sandbox("mbiz").state().set_quirks(quirks).expect("quirks apply");
}

#[tokio::test]
async fn a_marketplace_that_lowers_its_page_size_is_still_read_to_the_end_it_states() {
    let app = spawn_app().await;
    // A page of 100 served in full: later short pages at 100 looked like the end for good.
    assert_eq!(offers(&search(&app, 100).await), 100);
    quirks(&app, Quirks { max_page_size: Some(40), ..Quirks::default() });
    let app_response = app.graphql(SEARCH, json!({ "query": "1", "first": 100 })).await;
    assert_eq!(offers(&app_response), 100, "{app_response}");
    assert_eq!(app_response["data"]["search"]["offers"]["pageInfo"]["hasNextPage"], true, "{app_response}");
}

#[tokio::test]
async fn a_page_past_the_stated_end_refused_404_ends_the_walk_with_the_offers_read() {
    let app = spawn_app().await;
    quirks(&app, Quirks { max_matches: Some(7), past_end_status: Some(404), ..Quirks::default() });
    let response = search(&app, 20).await;
    assert!(response["errors"].is_null(), "{response}");
    assert_eq!(offers(&response), 7, "{response}");
    let search = &response["data"]["search"];
    assert_eq!(search["complete"], true, "{response}");
    assert_eq!(search["offers"]["totalCount"], 7);
    assert_eq!(search["offers"]["pageInfo"]["hasNextPage"], false);
}

#[tokio::test]
async fn a_later_page_failing_keeps_the_offers_of_the_pages_before_it() {
    let app = spawn_app().await;
    // 20 a page: a search for 40 reads a second page, which fails.
    quirks(&app, Quirks { max_page_size: Some(20), fails_from: Some(20), ..Quirks::default() });
    let response = search(&app, 40).await;
    assert_eq!(offers(&response), 20, "{response}");
    let search = &response["data"]["search"];
    assert_eq!(search["complete"], false, "{response}");
    assert_eq!(search["sources"][0]["status"], "UPSTREAM_ERROR", "{response}");
    assert_eq!(search["sources"][0]["offerCount"], 20);
    let message = search["sources"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("the 20 offers of the pages before it are kept"), "{message}");
    assert_eq!(response["errors"][0]["extensions"]["code"], "MARKETPLACE_UNAVAILABLE", "{response}");
}

/// The adapters with mbiz's request naming no page size (as the peer harness's `peer-mbiz` does):
/// the sandbox then serves its default 20 a page, which the file states as `max_page_size`.
fn adapters_without_a_page_size() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/adapters")).expect("adapters") {
        let path = entry.expect("entry").path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).filter(|n| n.ends_with(".toml")) else { continue };
        let mut text = std::fs::read_to_string(&path).expect("adapter");
        if name == "mbiz.toml" {
            let search = r#"query = { q = "{query}", page = "{page}", per_page = "{page_size}" }"#;
            assert!(text.contains(search), "mbiz.toml's search request changed");
            text = text.replacen(search, r#"query = { q = "{query}", page = "{page}" }"#, 1);
            text = text.replacen("max_page_size = 100", "max_page_size = 20", 1);
        }
        std::fs::write(dir.path().join(name), text).expect("write adapter");
    }
    dir
}

#[tokio::test]
async fn a_numbered_marketplace_whose_request_names_no_page_size_is_paged_by_its_own_size() {
    let adapters = adapters_without_a_page_size();
    let dir = adapters.path().to_path_buf();
    let configure = std::sync::Arc::new(move |config: &mut pasar::config::Config| config.adapters_dir = dir.clone());
    let app = crate::helpers::spawn_app_with(crate::helpers::TestOptions { configure, ..Default::default() }).await;
    quirks(&app, Quirks { max_matches: Some(70), ..Quirks::default() });
    let (mut seen, mut after) = (Vec::new(), Value::Null);
    for _ in 0..40 {
        let variables = json!({ "query": QUERY, "first": 5, "after": after });
        let response = app.graphql(AFTER, variables).await;
        let offers = &response["data"]["search"]["offers"];
        let edges = offers["edges"].as_array().expect("edges");
        seen.extend(edges.iter().map(|e| e["node"]["sourceId"].as_str().expect("id").to_string()));
        if offers["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = offers["pageInfo"]["endCursor"].clone();
    }
    let distinct: std::collections::BTreeSet<&String> = seen.iter().collect();
    assert_eq!((seen.len(), distinct.len()), (70, 70), "pages of 10 counted in a size of 20 skip every other ten");
}

const AFTER: &str = r#"
query Page($query: String!, $first: Int, $after: String) {
  search(query: $query, first: $first, after: $after, filter: { marketplaces: ["mbiz"] }) {
    offers { pageInfo { hasNextPage endCursor } edges { node { sourceId } } }
  }
}"#;

/// The same when the later page never comes: the marketplace's deadline keeps what was read.
#[tokio::test]
async fn a_later_page_that_never_comes_keeps_the_offers_of_the_pages_before_it() {
    use crate::helpers::{TestOptions, spawn_app_with};
    let deadlines = vec![("mbiz", std::time::Duration::from_millis(800))];
    let app = spawn_app_with(TestOptions { deadlines, ..TestOptions::default() }).await;
    quirks(&app, Quirks { max_page_size: Some(20), ..Quirks::default() });
    // Every second search call hangs: the first page answers, the second never does.
    app.sandbox("mbiz").faults().set_mode(pasar::sandbox::FaultMode::Hang);
    app.sandbox("mbiz").faults().set_error_rate(0.5);
    let response = search(&app, 40).await;
    assert_eq!(offers(&response), 20, "{response}");
    let search = &response["data"]["search"];
    assert_eq!(
        (&search["complete"], &search["sources"][0]["status"]),
        (&json!(false), &json!("TIMEOUT")),
        "{response}"
    );
}

const OFFER: &str = r#"query($id: ID!) { offer(id: $id) { price { amount } } }"#;
const EKATALOG_PAGE: &str = r#"
query Page($first: Int, $after: String) {
  search(query: "2", first: $first, after: $after, filter: { marketplaces: ["ekatalog"] }) {
    offers { pageInfo { endCursor } edges { node { id price { amount } } } }
  }
}"#;

/// The buyer was shown the first listing of an id; a later client page that lists the id again
/// (another price) leaves it out, and `offer(id)` must keep answering with what was shown
/// (review 26 P4: Rp10.000 in the list, Rp15.000 from `offer`).
#[tokio::test]
async fn an_id_listed_again_on_a_later_client_page_leaves_offer_answering_with_the_listing_shown() {
    let app = spawn_app().await;
    // Position 10 carries the id of position 9: the last offer of the first page of ten.
    let quirks = Quirks { repeats_id_every: Some(11), ..Quirks::default() };
    app.sandbox("ekatalog").state().set_quirks(quirks).expect("quirks apply");
    let first = app.graphql(EKATALOG_PAGE, json!({ "first": 10 })).await;
    let last = &first["data"]["search"]["offers"]["edges"][9]["node"];
    let (id, shown) = (last["id"].clone(), last["price"]["amount"].clone());
    assert!(id.is_string(), "{first}");
    let after = first["data"]["search"]["offers"]["pageInfo"]["endCursor"].clone();
    let next = app.graphql(EKATALOG_PAGE, json!({ "first": 10, "after": after })).await;
    let ids: Vec<&Value> =
        next["data"]["search"]["offers"]["edges"].as_array().expect("edges").iter().map(|e| &e["node"]["id"]).collect();
    assert!(!ids.contains(&&id), "the repeat is left out: {next}");
    let offer = app.graphql(OFFER, json!({ "id": id })).await;
    assert_eq!(offer["data"]["offer"]["price"]["amount"], shown, "{offer}");
}

/// "Load 20 more" after 60 on a marketplace that pages: the next 20, none skipped (review 26c
/// C3: a larger cached first page taken as shown skipped offers 60–99).
#[tokio::test]
async fn twenty_more_after_sixty_are_the_next_twenty_of_a_marketplace_that_pages() {
    let app = spawn_app().await;
    let first = app.graphql(AFTER, json!({ "query": QUERY, "first": 60 })).await;
    let after = first["data"]["search"]["offers"]["pageInfo"]["endCursor"].clone();
    let next = app.graphql(AFTER, json!({ "query": QUERY, "first": 20, "after": after })).await;
    let eighty = app.graphql(AFTER, json!({ "query": QUERY, "first": 80 })).await;
    let ids = |r: &Value| -> Vec<String> {
        r["data"]["search"]["offers"]["edges"]
            .as_array()
            .expect("edges")
            .iter()
            .map(|e| e["node"]["sourceId"].to_string())
            .collect()
    };
    let walked: Vec<String> = ids(&first).into_iter().chain(ids(&next)).collect();
    assert_eq!(walked, ids(&eighty), "{next}");
}
