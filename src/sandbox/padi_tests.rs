//! The `padi-umkm` sandbox: its shape, cursor paging, and price texts that state the ground truth
//! exactly, shorthand included. That Pasar's own readers understand these texts is checked from
//! outside, in `tests/api/sandbox_text.rs`.

use std::collections::HashSet;
use std::str::FromStr;

use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::Value;

use super::api_tests::{padi_get, start, truth};
use super::{FaultMode, MarketplaceKind, TruthListing};

/// The amount a PaDi price text states, read by hand: `IDR 1,250,000.00`, `1,25 jt`, `Rp 75rb`.
fn stated_amount(text: &str) -> Option<Decimal> {
    if let Some(rest) = text.strip_prefix("IDR ") {
        let (whole, cents) = rest.split_once('.')?;
        return (cents == "00").then(|| Decimal::from_str(&whole.replace(',', "")).ok()).flatten();
    }
    let (number, magnitude) = match text.strip_suffix(" jt") {
        Some(number) => (number, 1_000_000),
        None => (text.strip_prefix("Rp ")?.strip_suffix("rb")?, 1_000),
    };
    Some(Decimal::from_str(&number.replace(',', ".")).ok()? * Decimal::from(magnitude))
}

/// What the listing costs with its PPN, as PaDi quotes it.
fn gross(listing: &TruthListing) -> Decimal {
    listing.price_excluding_vat * (Decimal::ONE_HUNDRED + listing.vat_rate) / Decimal::ONE_HUNDRED
}

#[tokio::test]
async fn padi_answers_in_its_documented_shape() {
    let sandbox = start(MarketplaceKind::PadiUmkm).await;
    let response = padi_get(&sandbox, "query=kertas&limit=5").await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("JSON");
    let truth = truth(&sandbox, "kertas").await;
    assert_eq!(body["total_hits"].as_u64(), Some(truth.listings.len() as u64));
    assert!(body["next_cursor"].as_str().is_some_and(|c| !c.is_empty()), "{body}");
    let items = body["items"].as_array().expect("items is a list");
    assert_eq!(items.len(), 5);
    for (item, expected) in items.iter().zip(&truth.listings) {
        assert_eq!(item["id"], expected.id.as_str());
        assert_eq!(item["title"], expected.title.as_str());
        let price = item["price"].as_str().expect("price is text");
        assert_eq!(stated_amount(price), Some(gross(expected)), "{price} for {expected:?}");
        assert_eq!(item["tax_rate"].as_u64().map(Decimal::from), Some(expected.vat_rate));
        assert_eq!(item["price_includes_tax"], !expected.vat_rate.is_zero());
        assert!(item["unit"].is_string() && item["stock"].is_u64());
        assert_eq!(item["url"], format!("{}/product/{}", sandbox.base_url(), expected.id.to_lowercase()));
        let seller = &item["seller"];
        assert_eq!(seller["id"], expected.account.as_str());
        assert!(seller["name"].is_string() && seller["city"].is_string());
        let class = seller["umkm_class"].as_str().expect("umkm_class");
        assert!(["micro", "small", "medium"].contains(&class), "{class}");
        assert!(seller["npwp"].is_string() || (seller["npwp"].is_null() && class == "micro"), "{seller}");
    }
}

#[tokio::test]
async fn walking_the_cursor_visits_every_listing_once_with_exact_prices() {
    let sandbox = start(MarketplaceKind::PadiUmkm).await;
    let truth = truth(&sandbox, "").await;
    let (mut items, mut cursor, mut pages) = (Vec::new(), None::<String>, 0);
    loop {
        let query = match &cursor {
            Some(cursor) => format!("limit=50&cursor={cursor}"),
            None => "limit=50".to_owned(),
        };
        let body: Value = padi_get(&sandbox, &query).await.json().await.expect("JSON");
        pages += 1;
        items.extend(body["items"].as_array().expect("items").iter().cloned());
        let Some(next) = body["next_cursor"].as_str() else {
            assert!(body["next_cursor"].is_null(), "the last page says null");
            break;
        };
        cursor = Some(next.to_owned());
    }
    assert_eq!(pages, truth.listings.len().div_ceil(50));
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().expect("id")).collect();
    assert_eq!(ids, truth.listings.iter().map(|l| l.id.as_str()).collect::<Vec<_>>());
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len(), "no repeats");

    let mut compact = 0usize;
    for (item, expected) in items.iter().zip(&truth.listings) {
        let price = item["price"].as_str().expect("price");
        assert_eq!(stated_amount(price), Some(gross(expected)), "{price} for {expected:?}");
        if !price.starts_with("IDR ") {
            compact += 1;
            assert!(expected.vat_rate.is_zero(), "shorthand only for bare prices: {price}");
        }
    }
    let share = compact as f64 / items.len() as f64;
    assert!((0.05..0.35).contains(&share), "{compact} of {} prices in shorthand", items.len());
}

#[tokio::test]
async fn an_edited_foreign_or_made_up_cursor_is_a_400() {
    let sandbox = start(MarketplaceKind::PadiUmkm).await;
    let first: Value = padi_get(&sandbox, "query=air&limit=5").await.json().await.expect("JSON");
    let cursor = first["next_cursor"].as_str().expect("a next page").to_owned();
    let second = padi_get(&sandbox, &format!("query=air&limit=5&cursor={cursor}")).await;
    assert_eq!(second.status(), StatusCode::OK);

    let mut edited = cursor.clone().into_bytes();
    edited[3] = if edited[3] == b'x' { b'y' } else { b'x' };
    let edited = String::from_utf8(edited).expect("ascii");
    for query in [
        format!("query=air&limit=5&cursor={edited}"),
        format!("query=kertas&limit=5&cursor={cursor}"),
        "query=air&cursor=5".to_owned(),
        "query=air&cursor=eyJvZmZzZXQiOjV9".to_owned(),
    ] {
        let response = padi_get(&sandbox, &query).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
        let body: Value = response.json().await.expect("JSON");
        assert_eq!(body["error"]["code"], "invalid_cursor", "{query}");
    }
    assert_eq!(padi_get(&sandbox, "limit=0").await.status(), StatusCode::BAD_REQUEST);
    assert_eq!(sandbox.requests_served(), 7, "rejected requests count too");
}

#[tokio::test]
async fn padi_faults_answer_in_its_own_error_shape() {
    let sandbox = start(MarketplaceKind::PadiUmkm).await;
    sandbox.faults().set_mode(FaultMode::Status(429));
    let response = padi_get(&sandbox, "query=kertas").await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers()["retry-after"], "1");
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["error"]["code"], "rate_limited");
}
