//! Adapter-file reading and the HTTP adapter's request and response handling, without a network.

use super::definition::{FirstCursor, PaginationKind};
use super::http::{HttpAdapter, static_headers};
use super::placeholders::Placeholders;
use super::upstream::Upstream;
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
    let values = Placeholders::new(PaginationKind::Page, &request(40, 20), FirstCursor::Absent);
    let body = values.fill_body(def.request.body.as_ref().expect("body"));
    assert_eq!(body, json!({ "kata_kunci": "kertas a4", "halaman": 3, "jumlah": 20 }));
}

#[test]
fn text_around_a_placeholder_is_substituted_as_text() {
    let values = Placeholders::new(PaginationKind::Offset, &request(40, 20), FirstCursor::Absent);
    assert_eq!(values.fill("q={query}&from={offset}"), "q=kertas a4&from=40");
    assert_eq!(values.fill("{cursor}"), "");
    assert_eq!(values.fill("{unknown} {page_size"), "{unknown} {page_size");
}

#[test]
fn a_value_that_looks_like_a_placeholder_is_sent_as_typed() {
    let typed = SearchRequest { query: "kopi {page_size} {offset}".into(), ..request(40, 20) };
    let values = Placeholders::new(PaginationKind::Offset, &typed, FirstCursor::Absent);
    assert_eq!(values.fill("q={query}&n={page_size}"), "q=kopi {page_size} {offset}&n=20");
}

#[test]
fn a_calls_url_is_its_base_url_and_path_as_if_parsed_whole() {
    let def = definition(MBIZ);
    let bases = [
        "http://127.0.0.1:9",
        "http://127.0.0.1:9/",
        "https://api.example.co.id/v2/",
        "https://bücher.example:8443/a b",
    ];
    let paths = ["/api/v1/products", "/api/v1/produk cari", "/ä/%41", "/search?from=mbiz", "/a#b"];
    for base in bases {
        let adapter = HttpAdapter::new(def.clone(), base.into(), static_headers(&def), test_client());
        for path in paths {
            let whole = reqwest::Url::parse(&format!("{}{path}", base.trim_end_matches('/'))).expect("a URL");
            assert_eq!(adapter.url(path).map(String::from), Ok(whole.to_string()), "{base} + {path}");
        }
    }
}

#[test]
fn a_response_is_read_through_the_adapters_pointers_and_unreadable_items_are_counted() {
    let def = definition(MBIZ);
    let adapter = HttpAdapter::new(def.clone(), "http://127.0.0.1:9".into(), static_headers(&def), test_client());
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
fn a_null_price_keeps_the_item_and_a_list_where_text_was_mapped_is_noted_unreadable() {
    let def = definition(MBIZ);
    let adapter = HttpAdapter::new(def.clone(), "http://127.0.0.1:9".into(), static_headers(&def), test_client());
    let body = json!({
        "data": [{ "id": "A1", "name": "Kertas", "price": null, "uom": ["Rim"], "seller": { "name": "CV X" } }],
        "meta": { "total": "1" }
    });
    let page = adapter.parse(body.to_string().as_bytes()).expect("readable page");
    assert_eq!(page.skipped, Vec::<String>::new());
    assert_eq!((&page.items[0].price.value, page.items[0].unit.as_deref()), (&serde_json::Value::Null, None));
    assert_eq!(page.items[0].unreadable, ["unit"]);
}

#[test]
fn an_item_whose_title_ends_in_half_an_emoji_is_read_with_a_replacement_character() {
    let def = definition(MBIZ);
    let adapter = HttpAdapter::new(def.clone(), "http://127.0.0.1:9".into(), static_headers(&def), test_client());
    // As a backend cutting titles at N UTF-16 units sends it: `\ud83d` with no low half.
    let item = |id: &str| {
        format!(r#"{{"id":"{id}","name":"Kertas HVS \ud83d","price":"Rp 50.000","seller":{{"name":"CV X"}}}}"#)
    };
    let body = format!(r#"{{"data":[{},{}],"meta":{{"total":2}}}}"#, item("A1"), item("A2"));
    let page = adapter.parse(body.as_bytes()).expect("readable page");
    assert_eq!((page.items.len(), page.skipped.len()), (2, 0), "{:?}", page.skipped);
    assert_eq!(page.items[0].title, "Kertas HVS \u{FFFD}");
}

#[test]
fn a_response_without_the_item_array_is_a_bad_response() {
    let def = definition(MBIZ);
    let adapter = HttpAdapter::new(def.clone(), "http://127.0.0.1:9".into(), static_headers(&def), test_client());
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
    let broken = MBIZ.replacen("kind = \"page\"", "kind = \"pages\"", 1).replacen("items = \"/data\"", "items = 5", 1);
    let problems = parse_definition(Path::new("mbiz.toml"), &broken).expect_err("refused");
    let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["pagination.kind", "response.items"]);
}

/// Jatim Bejo's file moved to format 2 with one of each new key.
fn jatim_v2(extra_fields: &str) -> String {
    let text = format!("format = 2\n{JATIM_BEJO}");
    text.replace("[fields]\n", &format!("[fields]\n{extra_fields}\n"))
}

#[test]
fn format_two_keys_in_a_format_one_file_are_refused_with_the_key_to_add() {
    let text =
        jatim_v2("vendor_pkp = { pointer = \"/toko/pkp\", format = \"boolean\" }").replacen("format = 2\n", "", 1);
    let problems = parse_definition(Path::new("jatim-bejo.toml"), &text).expect_err("refused");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].key, "fields.vendor_pkp");
    assert!(problems[0].message.contains("format = 2"), "{}", problems[0].message);
}

#[test]
fn a_format_one_flag_naming_its_own_true_values_needs_format_two() {
    let text = JATIM_BEJO.replace(
        "bbi = { pointer = \"/bbi\", format = \"boolean\" }",
        "bbi = { pointer = \"/bbi\", true_values = [\"Y\"] }",
    );
    assert_ne!(text, JATIM_BEJO, "the bundled file maps bbi as this test expects");
    let problems = parse_definition(Path::new("jatim-bejo.toml"), &text).expect_err("refused");
    let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["fields.bbi.true_values"], "{problems:?}");
    assert!(parse_definition(Path::new("jatim-bejo.toml"), &format!("format = 2\n{text}")).is_ok());
}

#[test]
fn a_format_two_file_maps_flags_by_value_lists_and_states_rate_rules() {
    let text = jatim_v2(
        "vendor_pkp = { pointer = \"/toko/status_pajak\", true_values = [\"PKP\"] }\n\
         vat_exempt = { pointer = \"/kategori\", true_values = [\"Bahan Pokok\"] }\n\
         availability = { pointer = \"/status\", values = { READY = \"in_stock\" } }",
    ) + "\n[[pricing.rules]]\nstated = \"12\"\neffective = \"11\"\nregulation = \"PMK 131/2024\"\n";
    let def = definition(&text);
    assert_eq!(def.format, 2);
    let policy = super::http::vat_policy(&def);
    assert_eq!(policy.rules.len(), 1);
    assert_eq!((policy.rules[0].stated, policy.rules[0].effective), (12.into(), 11.into()));
    let adapter = HttpAdapter::new(def.clone(), "http://127.0.0.1:9".into(), static_headers(&def), test_client());
    let item = |status: &str, kategori: &str| {
        json!({ "kode_produk": "B1", "nama_produk": "Beras 5 kg", "harga": 70000, "status": "ready",
                "kategori": kategori, "toko": { "nama_toko": "UD Rejeki", "status_pajak": status } })
    };
    let body = json!({ "data": { "total": 2, "produk": [item("PKP", "Bahan Pokok"), item("Non-PKP", "ATK")] } });
    let page = adapter.parse(body.to_string().as_bytes()).expect("readable");
    let flags: Vec<_> = page
        .items
        .iter()
        .map(|i| (i.vendor_pkp.clone().map(|v| v.value), i.vat_exempt.clone().map(|v| v.value)))
        .collect();
    assert_eq!(flags, [(Some(json!(true)), Some(json!(true))), (Some(json!(false)), Some(json!(false)))]);
    assert_eq!(page.items[0].availability.as_deref(), Some("in_stock"), "mapped through `values`");
}

#[test]
fn vocabularies_and_rules_that_make_no_sense_are_refused() {
    let text = jatim_v2(
        "brand = { pointer = \"/merk\", true_values = [\"ya\"] }\n\
         availability = { pointer = \"/status\", values = { READY = \"siap\" } }",
    ) + "\n[[pricing.rules]]\nstated = \"12\"\neffective = \"sebelas\"\nregulation = \"\"\n";
    let problems = parse_definition(Path::new("jatim-bejo.toml"), &text).expect_err("refused");
    let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "fields.brand.true_values",
            "fields.availability.values.READY",
            "pricing.rules[0].effective",
            "pricing.rules[0].regulation"
        ]
    );
}

#[test]
fn prices_need_their_ppn_inclusion_stated_once_or_per_offer() {
    let without = JATIM_BEJO.replace("includes_vat = false\n", "");
    let problems = parse_definition(Path::new("jatim-bejo.toml"), &without).expect_err("refused");
    assert_eq!(problems.iter().map(|p| p.key.as_str()).collect::<Vec<_>>(), ["pricing.includes_vat"]);
    let per_offer =
        jatim_v2("includes_vat = { pointer = \"/harga_termasuk_ppn\" }").replace("includes_vat = false\n", "");
    assert_eq!(definition(&per_offer).pricing.includes_vat, None);
}

#[test]
fn an_approximate_total_is_marked_and_an_empty_first_cursor_is_sent() {
    let padi = include_str!("../../adapters/padi-umkm.toml");
    let text = format!("format = 2\n{padi}")
        .replace("next_cursor = \"/next_cursor\"", "next_cursor = \"/next_cursor\"\ntotal_approximate = true")
        .replace("max_page_size = 50", "max_page_size = 50\nfirst_cursor = \"empty\"");
    let def = definition(&text);
    let adapter = HttpAdapter::new(def.clone(), "http://127.0.0.1:9".into(), static_headers(&def), test_client());
    let page = adapter.parse(br#"{"items":[],"total_hits":1230,"next_cursor":null}"#).expect("readable");
    assert_eq!((page.total, page.total_approximate), (Some(1230), true));
    let first = adapter.build(&request(0, 20)).expect("a request");
    assert!(first.uri().query().is_some_and(|q| q.split('&').any(|p| p == "cursor=")), "{}", first.uri());
    let plain = definition(padi);
    let adapter = HttpAdapter::new(plain.clone(), "http://127.0.0.1:9".into(), static_headers(&plain), test_client());
    let first = adapter.build(&request(0, 20)).expect("a request");
    assert!(!first.uri().to_string().contains("cursor"), "format 1 leaves it out: {}", first.uri());
}

#[test]
fn a_total_sent_as_text_reads_as_the_number_it_writes() {
    let def = definition(include_str!("../../adapters/padi-umkm.toml"));
    let adapter = HttpAdapter::new(def.clone(), "http://127.0.0.1:9".into(), static_headers(&def), test_client());
    for (total, want) in
        [("\"1230\"", Some(1230)), ("\"1.230\"", Some(1230)), ("\"1,230\"", Some(1230)), ("\"banyak\"", None)]
    {
        let body = format!(r#"{{"items":[],"total_hits":{total},"next_cursor":null}}"#);
        assert_eq!(adapter.parse(body.as_bytes()).expect("readable").total, want, "{total}");
    }
}

#[test]
fn an_unknown_format_is_refused() {
    let problems = parse_definition(Path::new("mbiz.toml"), &format!("format = 3\n{MBIZ}")).expect_err("refused");
    assert_eq!(problems[0].key, "format");
}

fn test_client() -> Upstream {
    Upstream::new(true, 0).expect("client")
}
