//! Adapter-file reading and the HTTP adapter's request and response handling, without a network.

use super::definition::PaginationKind;
use super::http::{HttpAdapter, Placeholders, static_headers};
use super::validate::parse_definition;
use super::{SearchRequest, definition::AdapterDefinition};
use serde_json::json;
use std::path::Path;

const MBIZ: &str = include_str!("../../adapters/mbiz.toml");
const JATIM_BEJO: &str = include_str!("../../adapters/jatim-bejo.toml");

fn definition(text: &str) -> AdapterDefinition {
    parse_definition(Path::new("test.toml"), text).expect("valid adapter")
}

fn request(offset: u32, limit: u32) -> SearchRequest {
    SearchRequest { query: "kertas a4".into(), offset, limit, cursor: None, filters: Vec::new() }
}

#[test]
fn the_bundled_adapter_files_are_valid() {
    assert_eq!(definition(MBIZ).id, "mbiz");
    assert_eq!(definition(JATIM_BEJO).id, "jatim-bejo");
}

#[test]
fn a_body_placeholder_alone_keeps_its_json_type() {
    let def = definition(JATIM_BEJO);
    let values = Placeholders::new(PaginationKind::Page, &request(40, 20));
    let body = values.fill_body(def.request.body.as_ref().expect("body"));
    assert_eq!(body, json!({ "kata_kunci": "kertas a4", "halaman": 3, "jumlah": 20 }));
}

#[test]
fn text_around_a_placeholder_is_substituted_as_text() {
    let values = Placeholders::new(PaginationKind::Offset, &request(40, 20));
    assert_eq!(values.fill("q={query}&from={offset}"), "q=kertas a4&from=40");
    assert_eq!(values.fill("{cursor}"), "");
}

#[test]
fn a_response_is_read_through_the_adapters_pointers_and_unreadable_items_are_counted() {
    let def = definition(MBIZ);
    let adapter =
        HttpAdapter::new(def.clone(), "http://127.0.0.1:9".into(), static_headers(&def), reqwest::Client::new());
    let body = json!({
        "data": [
            { "id": "A1", "name": "Kertas", "price": "Rp61.050", "seller": { "name": "PT. MAJU JAYA ABADI" } },
            { "id": "A2", "price": "Rp1.000", "seller": { "name": "CV X" } },
            { "id": "A3", "name": "Tinta", "price": "Rp5.000", "seller": { "name": { "nested": true } } }
        ],
        "meta": { "total": "3" }
    });
    let page = adapter.parse(body.to_string().as_bytes()).expect("readable page");
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].title, "Kertas");
    assert_eq!(page.total, Some(3));
    assert_eq!(page.skipped, ["item without title", "item without vendor name"]);
}

#[test]
fn a_response_without_the_item_array_is_a_bad_response() {
    let def = definition(MBIZ);
    let adapter =
        HttpAdapter::new(def.clone(), "http://127.0.0.1:9".into(), static_headers(&def), reqwest::Client::new());
    for body in [json!({ "data": "oops" }), json!([]), json!({ "error": "maintenance" })] {
        let error = adapter.parse(body.to_string().as_bytes()).expect_err("no items");
        assert_eq!(error.code(), "MARKETPLACE_BAD_RESPONSE", "{body}");
    }
    assert!(adapter.parse(b"<html>502</html>").is_err());
}

#[test]
fn secrets_in_adapter_files_are_refused() {
    let broken = MBIZ.replace("token_env = \"MBIZ_TOKEN\"", "token_env = \"Bearer abc123\"");
    let problems = parse_definition(Path::new("mbiz.toml"), &broken).expect_err("refused");
    assert_eq!(problems[0].key, "auth.token_env");
}

#[test]
fn every_section_is_checked_even_when_an_earlier_one_is_broken() {
    let broken = MBIZ.replace("kind = \"page\"", "kind = \"pages\"").replace("items = \"/data\"", "items = 5");
    let problems = parse_definition(Path::new("mbiz.toml"), &broken).expect_err("refused");
    let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["pagination.kind", "response.items"]);
}
