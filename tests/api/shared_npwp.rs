//! One NPWP under two names and legal forms (review39n R39n-4): `PT Sentosa Makmur Jaya` and
//! `CV Berkah Abadi` state the same NPWP, so one of them mistyped it. What a buyer is shown of
//! the merged vendor and of each offer, over a stub Mbizmarket that states scales and forms.

use crate::helpers::{TestApp, mbiz_answer, mbiz_listing, offers, spawn_app_with_stub_in};
use axum::extract::Query;
use serde_json::{Value, json};
use std::collections::HashMap;

/// A listing `i` of `query`'s answer sold by account `seller` named `name`, stating `npwp` and
/// `scale` (each may be absent), in Kota Kediri.
fn listing(i: usize, seller: &str, name: &str, npwp: Option<&str>, scale: Option<&str>) -> Value {
    listing_in(i, seller, name, npwp, scale, "Kota Kediri")
}

/// As [`listing`], in `city`.
pub fn listing_in(i: usize, seller: &str, name: &str, npwp: Option<&str>, scale: Option<&str>, city: &str) -> Value {
    let mut listing = mbiz_listing("L", i, "Kursi Kantor Ergonomis", 750_000, "Unit");
    listing["seller"] = json!({ "id": seller, "name": name, "npwp": npwp, "scale": scale, "city": city });
    listing
}

/// The PT and the CV under one NPWP (`entity`, dotted on one and bare on the other), the PT
/// stating `Besar` and the CV no scale; `cv_first` lists the CV's offer first.
fn pt_and_cv(entity: &str, cv_first: bool) -> Vec<Value> {
    let dotted = format!("{}.{}.{}.{}-601.000", &entity[..2], &entity[2..5], &entity[5..8], &entity[8..]);
    let pt = listing(1, &format!("PT-{entity}"), "PT Sentosa Makmur Jaya", Some(&dotted), Some("Besar"));
    let cv = listing(2, &format!("CV-{entity}"), "CV Berkah Abadi", Some(&format!("{entity}601000")), None);
    if cv_first { vec![cv, pt] } else { vec![pt, cv] }
}

/// What the stub answers each query: `pt-first`, `cv-first` (each its own NPWP).
fn answer(query: &str) -> Vec<Value> {
    match query {
        "pt-first" => pt_and_cv("031112223", false),
        "cv-first" => pt_and_cv("041112223", true),
        _ => Vec::new(),
    }
}

/// A gateway whose Mbizmarket is a stub answering [`answer`], its adapter reading the seller's
/// scale too.
pub async fn gateway(adapters: &std::path::Path) -> TestApp {
    gateway_answering(adapters, answer).await
}

/// As [`gateway`], the stub answering each query `q` with `answer(q)`.
pub async fn gateway_answering(adapters: &std::path::Path, answer: fn(&str) -> Vec<Value>) -> TestApp {
    let bundled = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("adapters");
    for file in std::fs::read_dir(&bundled).expect("adapters").flatten() {
        if file.path().extension().is_some_and(|e| e == "toml") {
            std::fs::copy(file.path(), adapters.join(file.file_name())).expect("copy");
        }
    }
    let mbiz = std::fs::read_to_string(bundled.join("mbiz.toml")).expect("mbiz.toml");
    let fields = "vendor_region = \"/seller/city\"\n\n[pricing]";
    let scaled =
        mbiz.replacen(fields, "vendor_region = \"/seller/city\"\nvendor_scale = \"/seller/scale\"\n\n[pricing]", 1);
    assert_ne!(mbiz, scaled, "the search fields end where the test expects");
    std::fs::write(adapters.join("mbiz.toml"), scaled).expect("write");
    let stub = axum::Router::new().route(
        "/api/v1/products",
        axum::routing::get(move |Query(q): Query<HashMap<String, String>>| async move {
            let page = q.get("page").map_or("1", String::as_str);
            mbiz_answer(if page == "1" { answer(q.get("q").map_or("", String::as_str)) } else { Vec::new() })
        }),
    );
    spawn_app_with_stub_in("mbiz", stub, Some(adapters.to_path_buf())).await
}

const SEARCH: &str = r#"query($q: String!) { search(query: $q, first: 10, filter: { marketplaces: ["mbiz"] }) {
  offers { edges { node { sourceId seller { name }
    vendor { id name legalForm scale umk issues { code message } accounts { sourceId name legalForm } } } } } } }"#;

/// Each offer's listing id and vendor, by listing id.
async fn vendors(app: &TestApp, query: &str) -> Vec<(String, Value)> {
    let response = app.graphql(SEARCH, json!({ "q": query })).await;
    let mut found: Vec<(String, Value)> = offers(&response)
        .into_iter()
        .map(|o| (o["sourceId"].as_str().expect("id").to_string(), o["vendor"].clone()))
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(found.len(), 2, "{response}");
    found
}

#[tokio::test]
async fn a_pt_and_a_cv_under_one_npwp_are_one_vendor_that_names_both_and_states_no_form_or_scale() {
    let adapters = tempfile::tempdir().expect("dir");
    let app = gateway(adapters.path()).await;
    for (query, entity) in [("pt-first", "031112223"), ("cv-first", "041112223")] {
        for (listing, vendor) in vendors(&app, query).await {
            assert_eq!(vendor["id"], format!("npwp-{entity}"), "{listing}: {vendor}");
            assert_eq!(vendor["name"], "CV Berkah Abadi / PT Sentosa Makmur Jaya", "{query}: {vendor}");
            assert_eq!(
                (&vendor["legalForm"], &vendor["scale"], &vendor["umk"]),
                (&json!("UNKNOWN"), &json!("UNKNOWN"), &json!(false))
            );
            assert_eq!(vendor["issues"][0]["code"], "NPWP_SHARED", "{vendor}");
            let message = vendor["issues"][0]["message"].as_str().expect("message");
            assert!(message.contains("CV Berkah Abadi (CV) and PT Sentosa Makmur Jaya (PT)"), "{message}");
            assert_eq!(vendor["accounts"].as_array().map(Vec::len), Some(2), "{vendor}");
            // Listing 1 is the PT's, listing 2 the CV's: each account says which business it is.
            let form = if listing == "L-1" { "PT" } else { "CV" };
            let own = vendor["accounts"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|a| a["sourceId"].as_str().is_some_and(|id| id.starts_with(form)));
            let expected = if form == "CV" { ("CV Berkah Abadi", "CV") } else { ("PT Sentosa Makmur Jaya", "PT") };
            let own = own.unwrap_or_else(|| panic!("{listing}: {vendor}"));
            assert_eq!(
                (own["name"].as_str(), own["legalForm"].as_str()),
                (Some(expected.0), Some(expected.1)),
                "{vendor}"
            );
        }
        let id = format!("npwp-{entity}");
        let by_id = app.graphql("query($id: ID!) { vendor(id: $id) { name legalForm } }", json!({ "id": id })).await;
        assert_eq!(by_id["data"]["vendor"]["legalForm"], "UNKNOWN", "{by_id}");
    }
}
