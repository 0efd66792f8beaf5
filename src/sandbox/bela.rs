//! `bela`: a Bela Pengadaan partner store (toko daring) API, in the style of a national catalogue
//! written outside the team. `POST /api/v2/catalog/search` with `{"keyword","limit","cursor"}`:
//! at most 25 items a page, and the cursor is required on every call (`""` for the first page; a
//! missing or `null` cursor is a 400). Prices are JSON integers, some including PPN and some not,
//! with a per-item `price_includes_vat` flag; the platform states PPN at its nominal 12 % (PMK
//! 131/2024 charges 11 % on ordinary goods), sellers say whether they are PKP, staples come
//! under the category `Bahan Pokok` (no PPN) and catering carries PBJT instead of PPN. Brand,
//! model, pack content, stock status, minimum order (as text) and the seller's rating are fields
//! of their own; the total is a rounded estimate sent as text with grouped thousands (`"approx_total":
//! "1.230"`).

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::cursor;
use super::listing::ListingView;
use super::regions::{CityStyle, REGIONS};
use super::state::App;
use super::text::{dotted_npwp, group_thousands, words};

/// A truncated body.
pub(super) const GARBAGE: &str = r#"{"result":{"products":[{"sku":"BL-0000001","name":"Kertas"#;

/// Valid JSON with the wrong types: `products` an object, the price text, the flag a word.
pub(super) const WRONG_TYPES: &str = r#"{"result":{"products":{"sku":1,"name":null,"price":"enam puluh ribu","price_includes_vat":"maybe","merchant":["Maju Jaya"]},"approx_total":"banyak","next_cursor":7}}"#;

/// A valid, empty result before and after a long padding string (the `Oversized` fault).
pub(super) const PADDED: (&str, &str) =
    (r#"{"result":{"products":[],"approx_total":"0","next_cursor":null},"padding":""#, r#""}"#);

const MAX_LIMIT: usize = 25;
const DEFAULT_LIMIT: usize = 10;
/// The category staples are listed under; they carry no PPN.
pub(super) const STAPLES: &str = "Bahan Pokok";

pub(super) fn listing_id(index: usize) -> String {
    format!("BL-{:07}", index + 1)
}

/// Where listing `index` has its page on the marketplace.
pub(super) fn listing_path(index: usize) -> String {
    format!("/produk/{}", listing_id(index).to_lowercase())
}

/// Where the seller account `account` (its id) has its shop page.
pub(super) fn account_path(account: &str) -> String {
    format!("/toko/{}", account.to_lowercase())
}

pub(super) fn account_id(number: usize) -> String {
    format!("BM-{number:05}")
}

/// Bela's error body: `{"errors":[{"code":"CURSOR_REQUIRED","detail":"…"}]}`.
pub(super) fn error(status: StatusCode, code: &str, detail: &str) -> Response {
    (status, Json(serde_json::json!({ "errors": [{ "code": code, "detail": detail }] }))).into_response()
}

/// Titles as partner stores write them: the make set off from the name with a dash or a bar,
/// never the pack (that is in `uom`/`content_qty`).
pub(super) fn title(view: &ListingView<'_>) -> String {
    let (name, brand, model, variant) = (view.name(), view.make.brand, view.make.model, view.variant.label);
    if brand.is_empty() {
        return set_off(&[name], "-", &[variant]);
    }
    match view.listing.template % 3 {
        0 => set_off(&[brand, model], "-", &[name, variant]),
        1 => set_off(&[name, brand, model], "-", &[variant]),
        _ => set_off(&[brand, model], "|", &[name, variant]),
    }
}

/// `head SEP tail`, or just the head when the tail is empty: a title never ends in a dash.
fn set_off(head: &[&str], separator: &str, tail: &[&str]) -> String {
    let (head, tail) = (words(head), words(tail));
    if tail.is_empty() { head } else { words(&[&head, separator, &tail]) }
}

/// The goods' tax: staples carry no PPN, catering carries the regional PBJT instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tax {
    Ppn,
    Exempt,
    Pbjt,
}

pub(super) fn tax(view: &ListingView<'_>) -> Tax {
    match (view.good.names[0], view.good.category) {
        ("Gula Pasir", _) => Tax::Exempt,
        (_, "Makan & Minum") => Tax::Pbjt,
        _ => Tax::Ppn,
    }
}

/// The PPN actually charged, percent: 11 for PKP sellers of taxed goods, else 0.
pub(super) fn vat_percent(view: &ListingView<'_>) -> u64 {
    if tax(view) == Tax::Ppn { view.vat_percent() } else { 0 }
}

fn category(view: &ListingView<'_>) -> &'static str {
    if tax(view) == Tax::Exempt { STAPLES } else { view.good.category }
}

/// About how many matches: the count rounded to tens above ten, as a search engine estimates.
/// The hit count as the platform shows it: rounded to tens past ten, as text (`"1.230"`).
fn approx_total(count: usize) -> String {
    let rounded = if count <= 10 { count } else { (count + 5) / 10 * 10 };
    group_thousands(u64::try_from(rounded).unwrap_or(u64::MAX))
}

#[derive(Debug, Deserialize)]
struct Search {
    keyword: String,
    #[serde(default)]
    limit: Option<usize>,
    cursor: Option<String>,
}

#[derive(Serialize)]
struct Answer {
    result: SearchResult,
}

#[derive(Serialize)]
struct SearchResult {
    products: Vec<Product>,
    #[serde(skip_serializing_if = "Option::is_none")]
    approx_total: Option<String>,
    next_cursor: Option<String>,
}

#[derive(Serialize)]
struct Product {
    sku: String,
    name: String,
    brand: Option<&'static str>,
    model: Option<&'static str>,
    category: &'static str,
    price: u64,
    price_includes_vat: bool,
    /// The platform's nominal rate, as text; `null` when PBJT applies instead.
    vat_rate: Option<&'static str>,
    tax_type: &'static str,
    uom: String,
    content_qty: u32,
    base_uom: String,
    stock_status: &'static str,
    min_order: &'static str,
    url: String,
    merchant: Merchant,
}

#[derive(Serialize)]
struct Merchant {
    id: String,
    name: String,
    npwp: String,
    tax_status: &'static str,
    city: String,
    rating: String,
    url: String,
}

/// `POST /api/v2/catalog/search`.
pub(super) async fn search(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let request: Search = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(e) => return error(StatusCode::BAD_REQUEST, "BAD_REQUEST", &format!("invalid search body: {e}")),
    };
    let Some(given) = request.cursor else {
        let detail = "cursor is required: send \"\" for the first page, then the previous page's next_cursor";
        return error(StatusCode::BAD_REQUEST, "CURSOR_REQUIRED", detail);
    };
    let limit = match request.limit {
        None => DEFAULT_LIMIT,
        Some(0) => return error(StatusCode::BAD_REQUEST, "BAD_REQUEST", "limit must be at least 1"),
        Some(n) => app.state.quirks().page_size(n.min(MAX_LIMIT)),
    };
    let seed = app.state.catalogue().seed();
    let offset = match given.trim() {
        "" => 0,
        token => match cursor::decode(seed, &request.keyword, token) {
            Some(offset) => offset,
            None => return error(StatusCode::BAD_REQUEST, "INVALID_CURSOR", "unknown cursor for this keyword"),
        },
    };
    let quirks = app.state.quirks();
    let hits = app.index.search(&request.keyword).truncate(quirks.max_matches);
    let products: Vec<Product> = hits.page(quirks.start(offset), limit).into_iter().map(|i| product(&app, i)).collect();
    let next = offset.saturating_add(limit);
    let more = next < hits.len() || (quirks.trailing_empty_page && !products.is_empty());
    let next_cursor = more.then(|| cursor::encode(seed, &request.keyword, next));
    let approx_total = quirks.stated_total(hits.len()).map(approx_total);
    Json(Answer { result: SearchResult { products, approx_total, next_cursor } }).into_response()
}

fn product(app: &App, index: usize) -> Product {
    let catalogue = app.state.catalogue();
    let view = catalogue.view(app.kind, index);
    let (listing, vendor) = (view.listing, view.vendor);
    let id = listing_id(index);
    let account = account_id(app.account_number(listing.vendor));
    let taxed = vat_percent(&view) > 0;
    // PKP sellers of taxed goods show some prices gross and some net, and say which.
    let gross = taxed && (listing.template >> 2) % 2 == 0;
    let price = if gross { view.price_including_vat() } else { listing.price };
    let stock_status = match listing.stock {
        0 => "OUT_OF_STOCK",
        _ if listing.template % 11 == 0 => "PREORDER",
        1..10 => "LIMITED",
        _ => "IN_STOCK",
    };
    let non_empty = |s: &'static str| (!s.is_empty()).then_some(s);
    Product {
        url: format!("{}{}", app.base, listing_path(index)),
        sku: id,
        name: title(&view),
        brand: non_empty(view.make.brand),
        model: non_empty(view.make.model),
        category: category(&view),
        price,
        price_includes_vat: gross,
        vat_rate: (tax(&view) != Tax::Pbjt).then_some("12"),
        tax_type: if tax(&view) == Tax::Pbjt { "PBJT" } else { "PPN" },
        uom: view.pack.unit.to_uppercase(),
        content_qty: view.pack.quantity,
        base_uom: view.good.base_unit.to_uppercase(),
        stock_status,
        min_order: ["1", "1", "1", "2", "5", "10"][usize::from(listing.template) % 6],
        merchant: Merchant {
            url: format!("{}{}", app.base, account_path(&account)),
            id: account,
            name: vendor.canonical_name(),
            npwp: dotted_npwp(&vendor.npwp15),
            tax_status: if vendor.pkp { "PKP" } else { "NON_PKP" },
            city: REGIONS[vendor.region].label(CityStyle::Long),
            rating: format!("{:.1}", 3.5 + (vendor.style % 16) as f64 / 10.0),
        },
    }
}
