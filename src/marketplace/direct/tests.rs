//! The direct reading finds what `Value::pointer` finds on the parsed document.

use super::PagePlan;
use crate::marketplace::SearchPage;
use crate::marketplace::definition::AdapterDefinition;
use crate::marketplace::http::{parse_page, vat_policy};
use crate::marketplace::memo::ItemMemo;
use crate::marketplace::validate::parse_definition;
use serde_json::json;
use std::path::Path;
use std::sync::Arc;

const BUNDLED: [(&str, &str, &str); 5] = [
    ("mbiz", include_str!("../../../adapters/mbiz.toml"), include_str!("../../../adapters/samples/mbiz.json")),
    (
        "jatim-bejo",
        include_str!("../../../adapters/jatim-bejo.toml"),
        include_str!("../../../adapters/samples/jatim-bejo.json"),
    ),
    (
        "ekatalog",
        include_str!("../../../adapters/ekatalog.toml"),
        include_str!("../../../adapters/samples/ekatalog.json"),
    ),
    (
        "padi-umkm",
        include_str!("../../../adapters/padi-umkm.toml"),
        include_str!("../../../adapters/samples/padi-umkm.json"),
    ),
    ("bela", include_str!("../../../adapters/bela.toml"), include_str!("../../../adapters/samples/bela.json")),
];

fn definition(text: &str) -> AdapterDefinition {
    parse_definition(Path::new("test.toml"), text).expect("valid adapter")
}

fn plan(definition: &AdapterDefinition) -> PagePlan {
    let response = &definition.response;
    let fields = definition.fields.entries().into_iter().filter_map(|(_, spec)| spec.map(|s| s.pointer()));
    PagePlan::new(&response.items, response.total.as_deref(), response.next_cursor.as_deref(), fields)
        .expect("plannable pointers")
}

/// Both readings of `body`, as comparable text (`SearchPage` is not `PartialEq`). The direct one
/// goes through `memo`, which may know items from other pages of the same adapter, and reads
/// again through it: what comes from the memo must read as the item itself does.
fn both(definition: &AdapterDefinition, memo: &ItemMemo, body: &str) -> (String, String) {
    let vat = Arc::new(vat_policy(definition));
    let shown = |page: Result<SearchPage, _>| format!("{page:?}");
    let plan = plan(definition);
    let direct = shown(parse_page(definition, Some(&plan), Some(memo), &vat, body.as_bytes()));
    let again = shown(parse_page(definition, Some(&plan), Some(memo), &vat, body.as_bytes()));
    assert_eq!(direct, again, "read again through the memo: {body}");
    let tree = shown(parse_page(definition, None, None, &vat, body.as_bytes()));
    (direct, tree)
}

#[test]
fn every_bundled_sample_reads_the_same_directly_and_through_a_value_tree() {
    for (name, adapter, sample) in BUNDLED {
        let definition = definition(adapter);
        let (direct, tree) = both(&definition, &ItemMemo::default(), sample);
        assert!(direct.starts_with("Ok("), "{name}: {direct}");
        assert!(direct.contains("source_id"), "{name} read no item: {direct}");
        assert_eq!(direct, tree, "{name}");
    }
}

const ODD: &str = r#"
id = "odd"
name = "Odd"
base_url = "https://odd.example"
format = 2
[request]
method = "GET"
path = "/s"
query = { q = "{query}", page = "{page}", n = "{page_size}" }
[pagination]
kind = "page"
max_page_size = 10
[response]
items = "/r~1s/list"
total = "/meta/counts/1"
next_cursor = "/meta/next"
[pricing]
includes_vat = true
vat_rate = "11"
[fields]
id = "/id"
title = "/t~0x"
price = "/price/0"
vendor_name = "/seller/name"
vendor_id = "/seller/name"
unit = "/units/01"
"#;

#[test]
fn escaped_keys_array_indexes_duplicates_and_odd_values_read_the_same_either_way() {
    let definition = definition(ODD);
    let bodies = [
        json!({
            "r/s": { "list": [
                { "id": 7, "t~x": "  Kertas  ", "price": [61050, 1], "seller": { "name": "PT Maju" }, "units": ["a", "b"] },
                { "id": "B", "t~x": "Tinta", "price": ["Rp5.000"], "seller": { "name": null } },
                { "id": "C", "t~x": "Map", "price": { "0": 10 }, "seller": { "name": "CV X", "extra": [[1, {"a": 2}]] } },
                "not an item",
                { "id": true, "t~x": "", "price": [null], "seller": [] }
            ], "list2": 1 },
            "meta": { "counts": [1, "42", 3], "next": 99 },
            "noise": { "deep": [[[{ "x": "y" }]]] }
        })
        .to_string(),
        // A later duplicate key wins, as in a parsed tree.
        r#"{"r/s": {"list": [{"id": "1"}], "list": [{"id": "2", "t~x": "T", "price": [1], "seller": {"name": "N"}}]},
            "meta": {"counts": [0, 5], "counts": [0, 6]}}"#
            .to_string(),
        r#"{"r/s": {"list": {"id": "x"}}, "meta": {}}"#.to_string(),
        r#"{"r/s": {"list": [{"id": "1"}]}} trailing"#.to_string(),
        r#"{"r/s": {"list": []}, "meta": {"next": ""}}"#.to_string(),
        r#"[1, 2]"#.to_string(),
        r#"{"r/s": {"list": [{"id": "1", "t~x": "T", "price": [1], "seller": {"name": "N"}, "seller": {}}]},
            "meta": {"next": 1}, "meta": {}}"#
            .to_string(),
        r#"{"r\/s": {"list": [{"id": "\u0041", "t~x": "\ud83d\ude00", "price": [1], "seller": {"name": "N"}}]}}"#.to_string(),
    ];
    // One memo for all: the bodies reuse ids (and whole items) with other content around them.
    let memo = ItemMemo::default();
    for body in &bodies {
        let (direct, tree) = both(&definition, &memo, body);
        assert_eq!(direct, tree, "{body}");
    }
    let (first, _) = both(&definition, &ItemMemo::default(), &bodies[0]);
    assert!(first.contains("title: \"Kertas\"") && first.contains("total: Some(42)"), "{first}");
}

#[test]
fn an_item_sent_again_byte_for_byte_is_not_read_again_and_one_changed_in_a_byte_is() {
    let (_, adapter, sample) = BUNDLED[0];
    let definition = definition(adapter);
    let (vat, plan, memo) = (Arc::new(vat_policy(&definition)), plan(&definition), ItemMemo::default());
    let read = |body: &str| parse_page(&definition, Some(&plan), Some(&memo), &vat, body.as_bytes()).expect("page");
    let first = read(sample);
    assert!(first.items.len() >= 2, "the sample has items");
    assert_eq!(memo.len(), first.items.len());
    let again = read(sample);
    assert!(first.items.iter().zip(&again.items).all(|(a, b)| Arc::ptr_eq(a, b)), "every item came from the memo");
    let repriced = read(&sample.replacen("Rp62.604", "Rp62.605", 1));
    assert!(!Arc::ptr_eq(&first.items[0], &repriced.items[0]), "the changed item was read again");
    assert!(format!("{:?}", repriced.items[0].price).contains("Rp62.605"), "{:?}", repriced.items[0].price);
    assert!(first.items[1..].iter().zip(&repriced.items[1..]).all(|(a, b)| Arc::ptr_eq(a, b)));
    assert_eq!(memo.len(), first.items.len() + 1);
}

#[test]
fn only_items_that_could_be_read_are_remembered() {
    let definition = definition(ODD);
    let (vat, plan, memo) = (Arc::new(vat_policy(&definition)), plan(&definition), ItemMemo::default());
    let body = r#"{"r/s": {"list": [{"id": "1", "t~x": "T", "price": [1], "seller": {"name": "N"}}, {"id": "2"}, 7]}}"#;
    let page = parse_page(&definition, Some(&plan), Some(&memo), &vat, body.as_bytes()).expect("page");
    assert_eq!((page.items.len(), page.skipped.len(), memo.len()), (1, 2, 1));
}

#[test]
fn a_byte_that_is_not_utf8_makes_the_page_unreadable_either_way() {
    let definition = definition(ODD);
    let (vat, plan) = (Arc::new(vat_policy(&definition)), plan(&definition));
    let mut body =
        br#"{"r/s": {"list": [{"id": "1", "t~x": "T", "price": [1], "seller": {"name": "N"}, "note": "caf"#.to_vec();
    body.extend_from_slice(b"\xe9\"}]}}");
    for reading in [
        parse_page(&definition, Some(&plan), Some(&ItemMemo::default()), &vat, &body),
        parse_page(&definition, None, None, &vat, &body),
    ] {
        let error = reading.expect_err("not UTF-8, so not JSON").to_string();
        assert!(error.contains("not JSON"), "{error}");
    }
}

#[test]
fn pointers_ending_inside_one_another_have_no_direct_reading() {
    let nested = PagePlan::new("/items", None, None, ["/seller", "/seller/name"]);
    assert!(nested.is_none());
    let total_in_items = PagePlan::new("/items", Some("/items/0/count"), None, ["/id"]);
    assert!(total_in_items.is_none());
    let same_twice = PagePlan::new("/data/items", Some("/data/total"), None, ["/id", "/id", "/a/b"]);
    assert!(same_twice.is_some());
}
