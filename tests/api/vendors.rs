//! Vendor merging measured against the sandboxes' ground truth.

use crate::helpers::{TestApp, offers, spawn_app};
use crate::scoring::{groups_of, pairwise};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Queries covering every seed good, so most vendor accounts show up.
const QUERIES: &[&str] = &[
    "kertas",
    "toner",
    "tinta",
    "printer",
    "laptop",
    "pc",
    "proyektor",
    "kursi",
    "meja",
    "lemari",
    "ac",
    "air",
    "nasi",
    "snack",
    "ballpoint",
    "map",
    "amplop",
    "meterai",
    "flashdisk",
    "sanitizer",
    "masker",
    "seragam",
    "spanduk",
    "sewa",
    "router",
    "gula",
    "jasa",
];

const VENDORS: &str = r#"query($q: String!) { search(query: $q, first: 100) { offers { edges { node {
  sourceId marketplace { id } vendor { id name accounts { marketplace { id } sourceId } }
} } } } }"#;

/// (marketplace, listing id) → true vendor entity.
async fn truth(app: &TestApp) -> HashMap<(String, String), String> {
    let mut truth = HashMap::new();
    for sandbox in &app.sandboxes {
        let url = format!("{}/_sandbox/truth", sandbox.base_url());
        let body: Value = app.client.get(url).send().await.expect("truth").json().await.expect("json");
        for listing in body["listings"].as_array().expect("listings") {
            let id = listing["id"].as_str().expect("id").to_string();
            truth
                .insert((sandbox.kind().id().to_string(), id), listing["vendor"].as_str().expect("vendor").to_string());
        }
    }
    truth
}

#[tokio::test]
async fn vendors_merged_across_marketplaces_match_the_ground_truth() {
    let app = spawn_app().await;
    let truth = truth(&app).await;
    // account ("marketplace:account id") → predicted vendor id / true vendor entity
    let (mut predicted, mut actual) = (BTreeMap::new(), BTreeMap::new());
    let mut multi_marketplace = BTreeSet::new();
    for query in QUERIES {
        let response = app.graphql(VENDORS, json!({ "q": query })).await;
        for offer in offers(&response) {
            let marketplace = offer["marketplace"]["id"].as_str().expect("marketplace").to_string();
            let listing = offer["sourceId"].as_str().expect("source id").to_string();
            let entity = &truth[&(marketplace.clone(), listing)];
            let vendor = &offer["vendor"];
            let accounts = vendor["accounts"].as_array().expect("accounts");
            let own = accounts.iter().find(|a| a["marketplace"]["id"] == marketplace.as_str()).expect("own account");
            let account = format!("{marketplace}:{}", own["sourceId"].as_str().expect("id"));
            predicted.insert(account.clone(), vendor["id"].as_str().expect("vendor id").to_string());
            actual.insert(account, entity.clone());
            let markets: BTreeSet<&str> = accounts.iter().filter_map(|a| a["marketplace"]["id"].as_str()).collect();
            if markets.len() > 1 {
                multi_marketplace.insert(vendor["id"].as_str().expect("id").to_string());
            }
        }
    }
    // Both maps iterate the same accounts in the same (sorted) order.
    let truth: Vec<&str> = actual.values().map(String::as_str).collect();
    let (precision, recall) = pairwise(&groups_of(&predicted.values().collect::<Vec<_>>()), &truth);
    eprintln!(
        "vendor merging over {} accounts: precision {precision:.4}, recall {recall:.4}; {} vendors on several marketplaces",
        predicted.len(),
        multi_marketplace.len()
    );
    assert!(predicted.len() > 100, "the queries reach enough accounts: {}", predicted.len());
    assert!(!multi_marketplace.is_empty(), "some vendors carry accounts from several marketplaces");
    assert!(precision >= 0.98 && recall >= 0.98, "precision {precision:.4}, recall {recall:.4}");
}

#[tokio::test]
async fn a_merged_vendor_is_found_by_id_with_its_accounts_and_offers() {
    let app = spawn_app().await;
    let response = app.graphql(VENDORS, json!({ "q": "kertas" })).await;
    let vendor = offers(&response)
        .into_iter()
        .map(|o| &o["vendor"])
        .max_by_key(|v| v["accounts"].as_array().map_or(0, Vec::len))
        .expect("a vendor")
        .clone();
    let query = "query($id: ID!) { vendor(id: $id) { id name accounts { sourceId } offers { id } } }";
    let found = app.graphql(query, json!({ "id": vendor["id"] })).await;
    assert_eq!(found["data"]["vendor"]["id"], vendor["id"]);
    assert_eq!(
        found["data"]["vendor"]["accounts"].as_array().map(Vec::len),
        vendor["accounts"].as_array().map(Vec::len)
    );
    assert!(!found["data"]["vendor"]["offers"].as_array().expect("offers").is_empty());
    let missing = app.graphql(query, json!({ "id": "npwp-000000000" })).await;
    assert!(missing["data"]["vendor"].is_null());
}
