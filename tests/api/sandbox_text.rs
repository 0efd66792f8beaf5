//! Pasar's readers against the sandbox's text: every PaDi UMKM price (full `IDR 1,250,000.00`
//! and shorthand `1,25 jt`, `Rp 75rb`) reads as exactly what the ground truth says it costs, and
//! every pack a title states (`box isi 12`, `(500 lbr)`) reads as the pack it is. The sandbox
//! checks its own text in `src/sandbox/padi_tests.rs`; this checks that the gateway understands it.

use std::sync::Arc;

use pasar::normalize::price::{Locale, parse_price};
use pasar::normalize::unit::parse_unit;
use pasar::sandbox::{self, Catalogue, MarketplaceKind, RunningSandbox, SandboxOptions, Truth, TruthListing};
use rust_decimal::Decimal;
use serde_json::Value;

use crate::helpers::TEST_PRODUCTS;

async fn padi() -> RunningSandbox {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let catalogue = Arc::new(Catalogue::generate(options.products, options.seed));
    let addr = "127.0.0.1:0".parse().expect("loopback address");
    sandbox::spawn(MarketplaceKind::PadiUmkm, catalogue, &options, addr).await.expect("sandbox starts")
}

async fn get_json(client: &reqwest::Client, url: String) -> Value {
    let response = client.get(url).send().await.expect("sandbox answers");
    assert_eq!(response.status(), 200);
    response.json().await.expect("JSON body")
}

/// Every listing, page after page along the cursor.
async fn every_item(client: &reqwest::Client, sandbox: &RunningSandbox) -> Vec<Value> {
    let (mut items, mut cursor) = (Vec::new(), None::<String>);
    loop {
        let query = cursor.as_ref().map_or_else(|| "limit=50".to_owned(), |c| format!("limit=50&cursor={c}"));
        let body = get_json(client, format!("{}/v1/catalog/search?{query}", sandbox.base_url())).await;
        items.extend(body["items"].as_array().expect("items is a list").iter().cloned());
        match body["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => return items,
        }
    }
}

/// What the listing costs with its PPN, as PaDi quotes it.
fn gross(listing: &TruthListing) -> Decimal {
    listing.price_excluding_vat * (Decimal::ONE_HUNDRED + listing.vat_rate) / Decimal::ONE_HUNDRED
}

#[tokio::test]
async fn pasar_reads_every_padi_price_exactly_and_every_pack_its_title_states() {
    let sandbox = padi().await;
    let client = reqwest::Client::builder().no_proxy().build().expect("client builds");
    let truth: Truth =
        serde_json::from_value(get_json(&client, format!("{}/_sandbox/truth", sandbox.base_url())).await)
            .expect("truth parses");
    let items = every_item(&client, &sandbox).await;
    assert_eq!(items.len(), TEST_PRODUCTS, "every listing, once");
    assert_eq!(truth.listings.len(), items.len());

    let (mut shorthand, mut packs, mut misread_packs) = (0usize, 0usize, Vec::new());
    for (item, expected) in items.iter().zip(&truth.listings) {
        assert_eq!(item["id"], expected.id.as_str());
        let price = item["price"].as_str().expect("price is text");
        let parsed = parse_price(price, Locale::En);
        assert_eq!(parsed.amount, Some(gross(expected)), "the gateway's parser reads {price:?} exactly");
        shorthand += usize::from(!price.starts_with("IDR "));
        let title = item["title"].as_str().expect("title");
        let unit = parse_unit(item["unit"].as_str(), title);
        // A tissue's variant states the sheets in one pak (`250 Sheet`), which the gateway's unit
        // reader takes for the pack on every marketplace: its limitation, not this title's.
        if expected.pack_quantity > 1 && expected.base_unit != "pak" {
            packs += 1;
            if unit.quantity != Some(Decimal::from(expected.pack_quantity)) {
                misread_packs.push(format!("{title} ({} × {})", expected.pack_quantity, expected.base_unit));
            }
        }
    }
    assert!(shorthand > 0, "some prices are in shorthand, so that reading is tested");
    assert!(packs > 0, "some listings are multi-unit packs, so that reading is tested");
    assert!(misread_packs.is_empty(), "packs the title does not state readably: {misread_packs:#?}");
}
