//! `totalCount` along a walk over a marketplace whose list holds places that deliver no offer
//! (ids listed again) or states no usable count: never below the offers already delivered, and
//! at the end the offers delivered, called exact (review32w W32-5, W32-6).

use crate::helpers::{TestApp, spawn_app};
use pasar::sandbox::{Quirks, TotalQuirk};
use serde_json::{Value, json};

const PAGE: &str = r#"
query Page($first: Int, $after: String, $marketplace: ID!) {
  search(query: "2", first: $first, after: $after, filter: { marketplaces: [$marketplace] }) {
    offers { totalCount totalCountExact pageInfo { hasNextPage endCursor } edges { node { sourceId } } }
  }
}"#;

/// One page of a walk: its count, whether exact, and the offers delivered up to it.
#[derive(Debug)]
struct Step {
    total: u64,
    exact: bool,
    delivered: usize,
}

/// Walks `after` to the end over `marketplace`, pages of 7, 3 and 10 in turn.
async fn walk(app: &TestApp, marketplace: &str) -> Vec<Step> {
    let (mut steps, mut after, mut delivered) = (Vec::new(), Value::Null, 0);
    for first in [7, 3, 10].into_iter().cycle().take(60) {
        let response = app.graphql(PAGE, json!({ "first": first, "after": after, "marketplace": marketplace })).await;
        let offers = &response["data"]["search"]["offers"];
        delivered += offers["edges"].as_array().unwrap_or_else(|| panic!("edges: {response}")).len();
        let (total, exact) = (offers["totalCount"].as_u64(), offers["totalCountExact"].as_bool());
        steps.push(Step { total: total.expect("count"), exact: exact.expect("exactness"), delivered });
        if offers["pageInfo"]["hasNextPage"] != json!(true) {
            return steps;
        }
        after = offers["pageInfo"]["endCursor"].clone();
    }
    panic!("the walk did not end: {steps:?}")
}

fn never_below_what_was_delivered(steps: &[Step]) {
    for step in steps {
        assert!(step.total >= step.delivered as u64, "a count below the offers delivered: {steps:?}");
    }
}

#[tokio::test]
async fn a_walk_over_a_list_repeating_ids_ends_on_the_offers_delivered_called_exact() {
    let app = spawn_app().await;
    // 45 places, every eleventh repeating the id before it: 41 offers.
    let quirks = Quirks { max_matches: Some(45), repeats_id_every: Some(11), ..Quirks::default() };
    app.sandbox("ekatalog").state().set_quirks(quirks).expect("quirks apply");
    let steps = walk(&app, "ekatalog").await;
    let last = steps.last().expect("a page");
    assert_eq!((last.total, last.exact, last.delivered), (41, true, 41), "{steps:?}");
    never_below_what_was_delivered(&steps);
    // Once a repeat was met, the 45 the marketplace states counts places: not exact.
    let after_repeat = steps.iter().position(|step| step.delivered > 10).expect("a page past the first repeat");
    let between = &steps[after_repeat..steps.len() - 1];
    assert!(!between.is_empty(), "pages between the first repeat and the last: {steps:?}");
    let stated_exact = between.iter().filter(|step| step.exact && step.total == 45).count();
    assert_eq!(stated_exact, 0, "{steps:?}");
}

#[tokio::test]
async fn a_walk_over_a_marketplace_stating_no_count_counts_at_least_what_it_delivered() {
    let app = spawn_app().await;
    let quirks = Quirks { max_matches: Some(45), total: TotalQuirk::Missing, ..Quirks::default() };
    app.sandbox("mbiz").state().set_quirks(quirks).expect("quirks apply");
    let steps = walk(&app, "mbiz").await;
    never_below_what_was_delivered(&steps);
    let last = steps.last().expect("a page");
    assert_eq!((last.total, last.exact, last.delivered), (45, true, 45), "{steps:?}");
    assert!(steps.len() > 5, "{steps:?}");
}

#[tokio::test]
async fn a_count_stated_below_what_was_read_is_raised_to_it_not_exact() {
    let app = spawn_app().await;
    let quirks = Quirks { max_matches: Some(45), total: TotalQuirk::OffBy, total_off_by: -20, ..Quirks::default() };
    app.sandbox("mbiz").state().set_quirks(quirks).expect("quirks apply");
    let steps = walk(&app, "mbiz").await;
    never_below_what_was_delivered(&steps);
    let last = steps.last().expect("a page");
    assert_eq!((last.total, last.exact, last.delivered), (45, true, 45), "{steps:?}");
}
