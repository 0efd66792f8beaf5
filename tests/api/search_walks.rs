//! Walking a search's pages (sorted, filtered) and filtering it: each offer once, in the order
//! of one big page, and counts that say whether they are exact.

use crate::helpers::{SEARCH, offers, spawn_app};
use crate::search::decimal;
use rust_decimal::Decimal;
use serde_json::{Value, json};

#[tokio::test]
async fn walking_a_price_sorted_search_gives_the_same_order_as_one_page() {
    let app = spawn_app().await;
    let all = app.graphql(SEARCH, json!({ "query": "toner", "first": 60, "sort": "PRICE_ASC" })).await;
    let expected: Vec<Value> = offers(&all).into_iter().map(|o| o["id"].clone()).collect();
    assert_eq!(expected.len(), 60, "a full big page to walk: {all}");
    let mut walked = Vec::new();
    let mut after = Value::Null;
    while walked.len() < expected.len() {
        let page =
            app.graphql(SEARCH, json!({ "query": "toner", "first": 9, "after": after, "sort": "PRICE_ASC" })).await;
        let ids: Vec<Value> = offers(&page).into_iter().map(|o| o["id"].clone()).collect();
        assert!(!ids.is_empty(), "{page}");
        walked.extend(ids);
        after = page["data"]["search"]["offers"]["pageInfo"]["endCursor"].clone();
    }
    assert_eq!(walked[..expected.len()], expected[..]);
}

#[tokio::test]
async fn a_cursor_from_one_search_is_refused_by_another() {
    let app = spawn_app().await;
    let page = app.graphql(SEARCH, json!({ "query": "toner", "first": 3 })).await;
    let cursor = page["data"]["search"]["offers"]["pageInfo"]["endCursor"].clone();
    assert!(cursor.is_string(), "{page}");
    let other = app.graphql(SEARCH, json!({ "query": "kertas", "first": 3, "after": cursor })).await;
    assert_eq!(other["errors"][0]["extensions"]["code"], "BAD_CURSOR");
}

#[tokio::test]
async fn gateway_side_filters_keep_only_matching_offers_and_say_the_count_is_not_exact() {
    let app = spawn_app().await;
    let filter = json!({ "minTkdn": "40", "umkOnly": true, "vendorRegion": "35" });
    let query = r#"query($f: OfferFilter) { search(query: "kertas", first: 30, filter: $f) { offers { totalCountExact edges { node {
      tkdn vendor { umk region { code } } } } } } }"#;
    let response = app.graphql(query, json!({ "f": filter })).await;
    assert_eq!(response["data"]["search"]["offers"]["totalCountExact"], false);
    let offers = offers(&response);
    assert!(!offers.is_empty(), "{response}");
    for offer in offers {
        assert!(decimal(&offer["tkdn"]) >= Decimal::from(40), "{offer}");
        assert_eq!(offer["vendor"]["umk"], true);
        assert!(offer["vendor"]["region"]["code"].as_str().is_some_and(|c| c.starts_with("35.")), "{offer}");
    }
}

#[tokio::test]
async fn a_policy_sorted_search_explains_each_offer() {
    let app = spawn_app().await;
    let query = r#"{ search(query: "kursi", first: 10, sort: POLICY, buyer: { regionCode: "35.78" }) { offers { edges {
      ranking { pdnPreferred umk koperasi locality reasons } node { id } } } } }"#;
    let response = app.graphql(query, json!({})).await;
    let edges = response["data"]["search"]["offers"]["edges"].as_array().expect("edges");
    assert!(!edges.is_empty(), "{response}");
    assert!(edges.iter().all(|e| e["ranking"]["reasons"].as_array().is_some_and(|r| r.len() >= 3)));
    let preferred: Vec<bool> = edges.iter().map(|e| e["ranking"]["pdnPreferred"] == true).collect();
    assert!(preferred.windows(2).all(|w| w[0] >= w[1]), "{preferred:?}");
}

#[tokio::test]
async fn a_later_page_of_a_policy_sorted_search_explains_its_offers_as_one_long_page_does() {
    let app = spawn_app().await;
    let page = r#"query($first: Int, $after: String) { search(query: "kursi", first: $first, after: $after, sort: POLICY,
      buyer: { regionCode: "35.78" }) { offers { pageInfo { endCursor } edges { ranking { pdnPreferred locality reasons }
      node { id } } } } }"#;
    let edges =
        |response: &Value| response["data"]["search"]["offers"]["edges"].as_array().cloned().unwrap_or_default();
    let whole = edges(&app.graphql(page, json!({ "first": 30 })).await);
    assert_eq!(whole.len(), 30, "kursi fills three pages of ten");
    let mut paged = Vec::new();
    let mut after = Value::Null;
    for _ in 0..3 {
        let response = app.graphql(page, json!({ "first": 10, "after": after })).await;
        after = response["data"]["search"]["offers"]["pageInfo"]["endCursor"].clone();
        paged.extend(edges(&response));
    }
    assert_eq!(paged, whole, "the same offers, rankings and reasons, page by page");
    assert!(paged.iter().all(|e| e["ranking"]["reasons"].as_array().is_some_and(|r| r.len() >= 3)));
}

#[tokio::test]
async fn a_filter_the_marketplace_declares_is_applied_upstream_and_keeps_the_count_exact() {
    let app = spawn_app().await;
    let query = r#"query($f: OfferFilter) { search(query: "kertas", first: 50, filter: $f) { offers { totalCount totalCountExact
      edges { node { tkdn price { amountExcludingVat } } } } } }"#;
    let filter = json!({ "marketplaces": ["ekatalog"], "minPrice": "50000", "maxPrice": "60000", "priceExcludesVat": true, "minTkdn": "70" });
    let response = app.graphql(query, json!({ "f": filter })).await;
    let connection = &response["data"]["search"]["offers"];
    assert_eq!(connection["totalCountExact"], true, "{response}");
    let truth: Value = app
        .client
        .get(format!("{}/api/v6/produk", app.sandbox("ekatalog").base_url()))
        .header("x-api-key", pasar::sandbox::SandboxOptions::default().ekatalog_key)
        .query(&[
            ("keyword", "kertas"),
            ("harga_min", "50000"),
            ("harga_max", "60000"),
            ("tkdn_min", "70"),
            ("limit", "1"),
        ])
        .send()
        .await
        .expect("sandbox")
        .json()
        .await
        .expect("json");
    assert_eq!(connection["totalCount"], truth["meta"]["total"], "the marketplace's own count of matches");
    let offers = offers(&response);
    assert!(!offers.is_empty());
    for offer in offers {
        let net = decimal(&offer["price"]["amountExcludingVat"]);
        assert!(net >= Decimal::from(50_000) && net <= Decimal::from(60_000), "{offer}");
        assert!(decimal(&offer["tkdn"]) >= Decimal::from(70), "{offer}");
    }
    let loose = app.graphql(query, json!({ "f": { "marketplaces": ["ekatalog"], "minPrice": "50000" } })).await;
    assert_eq!(
        loose["data"]["search"]["offers"]["totalCountExact"], false,
        "a price including PPN cannot be pushed to a net-price filter"
    );
}

#[tokio::test]
async fn walking_a_filtered_search_never_repeats_an_offer_and_ends() {
    let app = spawn_app().await;
    let filter = json!({ "umkOnly": true, "minTkdn": "60" });
    let mut seen = std::collections::HashSet::new();
    let mut after = Value::Null;
    for _ in 0..200 {
        let page =
            app.graphql(SEARCH, json!({ "query": "kertas", "first": 10, "after": after, "filter": filter })).await;
        for offer in offers(&page) {
            assert!(seen.insert(offer["id"].clone()), "repeated {}", offer["id"]);
        }
        let info = &page["data"]["search"]["offers"]["pageInfo"];
        if info["hasNextPage"] != true {
            assert!(!seen.is_empty(), "some offers match: {page}");
            return;
        }
        after = info["endCursor"].clone();
        assert!(after.is_string(), "a next page comes with a cursor: {page}");
    }
    panic!("the walk did not end");
}

#[tokio::test]
async fn a_filter_nothing_passes_ends_at_once() {
    let app = spawn_app().await;
    let page = app.graphql(SEARCH, json!({ "query": "kertas", "first": 10, "filter": { "minTkdn": "100" } })).await;
    assert_eq!(page["data"]["search"]["offers"]["edges"], json!([]));
    assert_eq!(page["data"]["search"]["offers"]["pageInfo"]["hasNextPage"], false);
}
