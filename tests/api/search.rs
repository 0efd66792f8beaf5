//! Federated search over healthy sandboxes.

use crate::helpers::{SEARCH, errors_for, offers, source, spawn_app};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::str::FromStr;
use std::time::{Duration, Instant};

pub(crate) fn decimal(value: &Value) -> Decimal {
    Decimal::from_str(value.as_str().unwrap_or_else(|| panic!("a decimal string, got {value}"))).expect("a decimal")
}

/// Ground truth of every listing of a sandbox, by listing id.
async fn truth(app: &crate::helpers::TestApp, id: &str, query: &str) -> HashMap<String, Value> {
    let url = format!("{}/_sandbox/truth", app.sandbox(id).base_url());
    let body: Value =
        app.client.get(url).query(&[("q", query)]).send().await.expect("truth").json().await.expect("json");
    body["listings"]
        .as_array()
        .expect("listings")
        .iter()
        .map(|l| (l["id"].as_str().expect("id").to_string(), l.clone()))
        .collect()
}

#[tokio::test]
async fn a_common_query_returns_offers_from_both_marketplaces_with_exact_prices() {
    let app = spawn_app().await;
    let response = app.graphql(SEARCH, json!({ "query": "kertas", "first": 40 })).await;
    assert!(response["errors"].is_null(), "{response}");
    assert_eq!(response["data"]["search"]["complete"], true);
    for id in ["mbiz", "jatim-bejo"] {
        assert_eq!(source(&response, id)["status"], "OK");
        let truth = truth(&app, id, "kertas").await;
        let mine: Vec<_> = offers(&response).into_iter().filter(|o| o["marketplace"]["id"] == id).collect();
        assert!(!mine.is_empty(), "no offers from {id}");
        for offer in mine {
            let listing = &truth[offer["sourceId"].as_str().expect("source id")];
            let net = decimal(&listing["price_excluding_vat"]);
            let rate = decimal(&listing["vat_rate"]);
            let price = &offer["price"];
            assert_eq!(decimal(&price["amountExcludingVat"]), net, "{offer}");
            assert_eq!(
                decimal(&price["amountIncludingVat"]),
                (net * (Decimal::ONE + rate / Decimal::ONE_HUNDRED)).round_dp(2),
                "{offer}"
            );
            assert_eq!(decimal(&price["vatRate"]), rate);
            assert_eq!(price["currency"], "IDR");
            assert!(price["formatted"].as_str().expect("formatted").starts_with("Rp"), "{price}");
        }
    }
}

#[tokio::test]
async fn mbiz_prices_are_read_from_display_text_including_ppn() {
    let app = spawn_app().await;
    let response =
        app.graphql(SEARCH, json!({ "query": "kertas", "first": 10, "filter": { "marketplaces": ["mbiz"] } })).await;
    let offer = offers(&response)[0];
    let raw = offer["price"]["raw"].as_str().expect("raw text");
    assert!(raw.starts_with("Rp"), "{raw}");
    assert_eq!(offer["price"]["includesVat"], true);
    assert_eq!(
        offer["price"]["formatted"],
        raw.replace(' ', ""),
        "formatting the amount gives the marketplace's own text back"
    );
}

#[tokio::test]
async fn amounts_are_decimal_strings_never_numbers() {
    let app = spawn_app().await;
    let response = app.graphql(SEARCH, json!({ "query": "laptop", "first": 5 })).await;
    let offers = offers(&response);
    assert_eq!(offers.len(), 5, "a full page to look at: {response}");
    for offer in offers {
        for field in ["amount", "amountExcludingVat", "amountIncludingVat", "vatRate"] {
            assert!(offer["price"][field].is_string(), "{field} in {offer}");
        }
    }
}

#[tokio::test]
async fn two_marketplaces_taking_3_s_each_answer_in_well_under_6_s() {
    // Long enough that a loaded machine's few hundred milliseconds cannot blur one wait with two:
    // asked one after the other they would take 6 s, asked together 3 s and some.
    const SLOW: Duration = Duration::from_secs(3);
    let app = spawn_app().await;
    for id in ["mbiz", "jatim-bejo"] {
        app.sandbox(id).faults().set_latency(SLOW);
    }
    let started = Instant::now();
    let response = app.graphql(SEARCH, json!({ "query": "toner", "first": 5 })).await;
    let elapsed = started.elapsed();
    assert_eq!(response["data"]["search"]["complete"], true, "{response}");
    assert!(elapsed >= SLOW, "{elapsed:?}");
    assert!(elapsed < SLOW * 2 - Duration::from_millis(500), "the fan-out is concurrent: {elapsed:?}");
}

#[tokio::test]
async fn a_repeated_search_is_a_cache_hit_that_costs_the_marketplaces_nothing() {
    let app = spawn_app().await;
    let first = app.graphql(SEARCH, json!({ "query": "Kursi  Kerja", "first": 5 })).await;
    let served: Vec<u64> = app.sandboxes.iter().map(|s| s.requests_served()).collect();
    let second = app.graphql(SEARCH, json!({ "query": "kursi kerja", "first": 5 })).await;
    assert_eq!(source(&first, "mbiz")["cache"], "MISS");
    assert_eq!(source(&second, "mbiz")["cache"], "HIT");
    assert_eq!(source(&second, "jatim-bejo")["cache"], "HIT");
    assert_eq!(served, app.sandboxes.iter().map(|s| s.requests_served()).collect::<Vec<_>>());
    assert_eq!(offers(&first).len(), 5, "{first}");
    assert_eq!(offers(&first), offers(&second));
}

#[tokio::test]
async fn no_cache_reads_every_marketplace_fresh() {
    let app = spawn_app().await;
    app.graphql(SEARCH, json!({ "query": "amplop", "first": 5 })).await;
    let before = app.sandbox("mbiz").requests_served();
    let response = app.graphql(SEARCH, json!({ "query": "amplop", "first": 5, "noCache": true })).await;
    assert_eq!(source(&response, "mbiz")["cache"], "BYPASS");
    assert_eq!(app.sandbox("mbiz").requests_served(), before + 1);
}

#[tokio::test]
async fn walking_every_page_gives_each_offer_once_in_the_order_of_one_big_page() {
    let app = spawn_app().await;
    let all = app.graphql(SEARCH, json!({ "query": "kertas", "first": 60 })).await;
    let expected: Vec<Value> = offers(&all).into_iter().map(|o| o["id"].clone()).collect();
    assert_eq!(expected.len(), 60, "a full big page to walk: {all}");
    let mut walked = Vec::new();
    let mut after = Value::Null;
    while walked.len() < expected.len() {
        let page = app.graphql(SEARCH, json!({ "query": "kertas", "first": 7, "after": after })).await;
        walked.extend(offers(&page).into_iter().map(|o| o["id"].clone()));
        after = page["data"]["search"]["offers"]["pageInfo"]["endCursor"].clone();
        assert_eq!(page["data"]["search"]["offers"]["pageInfo"]["hasNextPage"], true);
    }
    assert_eq!(walked[..expected.len()], expected[..]);
}

#[tokio::test]
async fn a_price_sort_orders_offers_by_price_including_ppn() {
    let app = spawn_app().await;
    let response = app.graphql(SEARCH, json!({ "query": "kertas", "first": 30, "sort": "PRICE_ASC" })).await;
    let prices: Vec<Decimal> = offers(&response).iter().map(|o| decimal(&o["price"]["amountIncludingVat"])).collect();
    assert_eq!(prices.len(), 30, "a full page to sort: {response}");
    assert!(prices.first() < prices.last(), "prices that differ: {prices:?}");
    assert!(prices.windows(2).all(|w| w[0] <= w[1]), "{prices:?}");
}

#[tokio::test]
async fn a_filter_on_one_marketplace_asks_only_that_marketplace() {
    let app = spawn_app().await;
    let response =
        app.graphql(SEARCH, json!({ "query": "kertas", "filter": { "marketplaces": ["jatim-bejo"] } })).await;
    assert!(offers(&response).len() >= 10, "{response}");
    assert!(offers(&response).iter().all(|o| o["marketplace"]["id"] == "jatim-bejo"));
    assert_eq!(response["data"]["search"]["sources"].as_array().map(Vec::len), Some(1));
    for id in ["mbiz", "ekatalog", "padi-umkm"] {
        assert_eq!(app.sandbox(id).requests_served(), 0, "{id}");
    }
}

#[tokio::test]
async fn bad_arguments_are_client_errors_with_stable_codes_and_reach_no_marketplace() {
    let app = spawn_app().await;
    let cases = [
        (json!({ "query": "kertas", "after": "not-a-cursor" }), "BAD_CURSOR"),
        (json!({ "query": "   " }), "BAD_USER_INPUT"),
        (json!({ "query": "kertas", "first": 0 }), "BAD_USER_INPUT"),
        (json!({ "query": "kertas", "first": 5000 }), "BAD_USER_INPUT"),
        (json!({ "query": "kertas", "filter": { "marketplaces": ["tokopedia"] } }), "BAD_USER_INPUT"),
    ];
    for (variables, code) in cases {
        let response = app.graphql(SEARCH, variables.clone()).await;
        assert_eq!(response["errors"][0]["extensions"]["code"], code, "{variables}: {response}");
        assert!(errors_for(&response, "mbiz").is_empty());
    }
    assert!(app.sandboxes.iter().all(|s| s.requests_served() == 0));
}

#[tokio::test]
async fn an_offer_served_by_a_search_can_be_fetched_by_its_id() {
    let app = spawn_app().await;
    let response = app.graphql(SEARCH, json!({ "query": "toner", "first": 3 })).await;
    let id = offers(&response)[0]["id"].clone();
    let one = app.graphql("query($id: ID!) { offer(id: $id) { id title } }", json!({ "id": id })).await;
    assert_eq!(one["data"]["offer"]["id"], id);
    let none = app.graphql("{ offer(id: \"mbiz:nope\") { id } }", json!({})).await;
    assert!(none["data"]["offer"].is_null(), "{none}");
    let error = &none["errors"][0]["extensions"];
    assert_eq!(
        (&error["code"], &error["wellFormed"], &error["knownMarketplace"]),
        (&json!("OFFER_NOT_FOUND"), &json!(true), &json!(true)),
        "{none}"
    );
    let odd = app.graphql("{ offer(id: \"nowhere\") { id } }", json!({})).await;
    let error = &odd["errors"][0]["extensions"];
    assert_eq!((&error["wellFormed"], &error["knownMarketplace"]), (&json!(false), &json!(false)), "{odd}");
}

/// When `node` (an offer) says it was read.
fn read_at(node: &Value) -> std::time::SystemTime {
    humantime::parse_rfc3339(node["readAt"].as_str().unwrap_or_else(|| panic!("readAt: {node}"))).expect("RFC 3339")
}

#[tokio::test]
async fn an_offer_says_when_it_was_read_from_its_marketplace_not_when_it_was_served() {
    const READ: &str = "query($fresh: Boolean) { search(query: \"toner\", first: 3, noCache: $fresh) { \
        offers { edges { node { id readAt } } } } }";
    let app = spawn_app().await;
    // `readAt` is to the second: the bounds are whole seconds around the read.
    let whole = |t: std::time::SystemTime| t.duration_since(std::time::UNIX_EPOCH).expect("after 1970").as_secs();
    let before = whole(std::time::SystemTime::now());
    let first = app.graphql(READ, json!({})).await;
    let read = read_at(offers(&first)[0]);
    assert!((before..=before + 1).contains(&whole(read)), "read during the search: {first}");
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    let cached = app.graphql(READ, json!({})).await;
    assert_eq!(read_at(offers(&cached)[0]), read, "served from the cache, read when it was read: {cached}");
    let fresh = app.graphql(READ, json!({ "fresh": true })).await;
    let reread = read_at(offers(&fresh)[0]);
    assert!(whole(reread) > whole(read), "read again: {fresh}");
    let id = offers(&fresh)[0]["id"].clone();
    let one = app.graphql("query($id: ID!) { offer(id: $id) { readAt } }", json!({ "id": id })).await;
    assert_eq!(read_at(&one["data"]["offer"]), reread, "offer(id) says when its price was last read: {one}");
}

#[tokio::test]
async fn marketplaces_lists_all_five_sandboxes_with_their_deadlines() {
    let deadlines = vec![("ekatalog", Duration::from_millis(1_234))];
    let app = crate::helpers::spawn_app_with(crate::helpers::TestOptions { deadlines, ..Default::default() }).await;
    let response = app.graphql("{ marketplaces { id name enabled timeoutMs } }", json!({})).await;
    let ids: Vec<&str> =
        response["data"]["marketplaces"].as_array().expect("list").iter().filter_map(|m| m["id"].as_str()).collect();
    assert_eq!(ids, ["bela", "ekatalog", "jatim-bejo", "mbiz", "padi-umkm"]);
    let configured = u64::try_from(crate::helpers::TEST_TIMEOUT.as_millis()).expect("a few seconds");
    assert_eq!(response["data"]["marketplaces"][0]["timeoutMs"], configured);
    assert_eq!(response["data"]["marketplaces"][1]["timeoutMs"], 1_234, "a deadline of its own");
}

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = spawn_app().await;
    let health = app.client.get(format!("{}/healthz", app.address)).send().await.expect("healthz");
    assert_eq!(health.status(), 200);
    let ready: Value =
        app.client.get(format!("{}/readyz", app.address)).send().await.expect("readyz").json().await.expect("json");
    let ids: Vec<&Value> = ready["marketplaces"].as_array().expect("list").iter().map(|m| &m["id"]).collect();
    assert_eq!(ids, [&json!("bela"), &json!("ekatalog"), &json!("jatim-bejo"), &json!("mbiz"), &json!("padi-umkm")]);
    assert_eq!(ready["status"], "ready");
    let graphiql = app
        .client
        .get(format!("{}/graphql", app.address))
        .header("accept", "text/html")
        .send()
        .await
        .expect("graphiql");
    assert!(graphiql.text().await.expect("html").contains("graphiql"));
}

const ALL_FIELDS: &str = r#"query($q: String!, $m: [ID!]) { search(query: $q, first: 30, filter: { marketplaces: $m }) { offers { edges { node {
  id title url
  price { amount includesVat vatRate amountExcludingVat amountIncludingVat formatted raw }
  unit { name baseUnit quantity } unitPrice { amountIncludingVat }
  tkdn bmp tkdnPlusBmp pdnTier bbi stock
  vendor { id name legalForm npwp scale umk koperasi region { code name level province { code } } accounts { sourceId rawName } }
  issues { field code }
} } } } }"#;

#[tokio::test]
async fn every_marketplace_fills_the_normalised_fields_it_has_data_for() {
    let app = spawn_app().await;
    for id in ["mbiz", "jatim-bejo", "ekatalog", "padi-umkm"] {
        let response = app.graphql(ALL_FIELDS, json!({ "q": "kertas", "m": [id] })).await;
        assert!(response["errors"].is_null(), "{id}: {response}");
        let offers = offers(&response);
        assert!(offers.len() >= 10, "{id}");
        let share =
            |pred: &dyn Fn(&Value) -> bool| offers.iter().filter(|o| pred(o)).count() as f64 / offers.len() as f64;
        assert!(share(&|o| o["price"]["amountExcludingVat"].is_string()) > 0.99, "{id}: prices");
        assert!(share(&|o| o["unit"]["baseUnit"] == "lembar" && o["unitPrice"].is_object()) > 0.9, "{id}: units");
        assert!(share(&|o| o["vendor"]["region"]["code"].is_string()) > 0.6, "{id}: regions");
        assert!(share(&|o| o["vendor"]["legalForm"] != "UNKNOWN") > 0.6, "{id}: legal forms");
        assert!(
            share(&|o| o["vendor"]["name"].as_str().is_some_and(|n| !n.contains('.') && n != n.to_uppercase())) > 0.9,
            "{id}: canonical names"
        );
        assert!(share(&|o| o["pdnTier"].is_string()) == 1.0, "{id}: PDN tier");
        if id != "padi-umkm" {
            assert!(share(&|o| o["tkdn"].is_string()) > 0.5, "{id}: TKDN");
            assert!(share(&|o| o["vendor"]["npwp"].is_string()) > 0.5, "{id}: NPWP");
        }
        if id == "ekatalog" {
            assert!(share(&|o| o["bmp"].is_string() && o["tkdnPlusBmp"].is_string()) > 0.3, "{id}: BMP");
        }
    }
}

#[tokio::test]
async fn every_offers_link_opens_its_listings_page_on_its_marketplace() {
    let app = spawn_app().await;
    let query = "{ search(query: \"kertas\", first: 40) { offers { edges { node { id url } } } } }";
    let body = app.graphql(query, json!({})).await;
    let nodes: Vec<&Value> =
        body["data"]["search"]["offers"]["edges"].as_array().expect("edges").iter().map(|e| &e["node"]).collect();
    let marketplaces: std::collections::BTreeSet<&str> =
        nodes.iter().filter_map(|n| n["id"].as_str()?.split(':').next()).collect();
    assert_eq!(marketplaces.len(), 5, "offers from every marketplace: {marketplaces:?}");
    for node in nodes {
        let (id, url) = (node["id"].as_str().expect("id"), node["url"].as_str().expect("a link"));
        let page = app.client.get(url).send().await.unwrap_or_else(|e| panic!("{id}: {url} opens: {e}"));
        assert_eq!(page.status(), 200, "{id}: {url}");
        let html = page.text().await.expect("html");
        // The page names the listing by the marketplace's own id (the gateway id's tail).
        let own = id.split_once(':').expect("marketplace:id").1;
        assert!(html.contains(own), "{id}: {url} is its page: {html:.300}");
    }
}
