//! `padi-umkm`: a PaDi UMKM-like API. `GET /v1/catalog/search?query=&limit=&cursor=` (limit at
//! most 50), no auth, cursor paging: the first page has no cursor, each page names the next one
//! in `next_cursor` (`null` on the last), and a cursor this sandbox did not issue for that query
//! is a 400. English-ish fields; the price is text (see `padi_text`) with `price_includes_tax`
//! and a numeric `tax_rate` per item: sellers that are PKP quote prices including PPN 11 %, the
//! others bare prices (`false`, `0`).

use std::sync::Arc;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::cursor;
use super::padi_text::{city, price_text, seller_name, seller_npwp, shows_compact, title, umkm_class};
use super::state::App;

/// A truncated body.
pub(super) const GARBAGE: &str =
    r#"{"items":[{"id":"PD00000001","title":"Kertas HVS A4 80gsm (500 lbr)","price":"IDR 61,0"#;

/// Valid JSON with the wrong types: `items` an object, the price a number, the cursor a list.
pub(super) const WRONG_TYPES: &str = r#"{"items":{"id":1,"title":null,"price":61050,"price_includes_tax":"yes","tax_rate":"sebelas","seller":["Maju Jaya Abadi, PT"]},"next_cursor":["abc"],"total_hits":"many"}"#;

const MAX_LIMIT: usize = 50;
const DEFAULT_LIMIT: usize = 20;

pub(super) fn listing_id(index: usize) -> String {
    format!("PD{:08}", index + 1)
}

/// Where listing `index` has its page on the marketplace.
pub(super) fn listing_path(index: usize) -> String {
    format!("/product/{}", listing_id(index).to_lowercase())
}

pub(super) fn account_id(number: usize) -> String {
    format!("UMKM-{number:05}")
}

/// PaDi's error body: `{"error":{"code":"invalid_cursor","message":"…"}}`.
pub(super) fn error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = serde_json::json!({ "error": { "code": code, "message": message } });
    (status, Json(body)).into_response()
}

/// A valid, empty result before and after a long padding string (the `Oversized` fault).
pub(super) const PADDED: (&str, &str) = (r#"{"items":[],"next_cursor":null,"total_hits":0,"padding":""#, r#""}"#);

#[derive(Debug, Deserialize)]
pub(super) struct Params {
    query: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

#[derive(Serialize)]
struct Results {
    items: Vec<Item>,
    next_cursor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    total_hits: Option<usize>,
}

#[derive(Serialize)]
struct Item {
    id: String,
    title: String,
    price: String,
    price_includes_tax: bool,
    /// PPN in percent inside `price`: 11 for PKP sellers, 0 for the others.
    tax_rate: u64,
    unit: &'static str,
    stock: u32,
    url: String,
    seller: Seller,
}

#[derive(Serialize)]
struct Seller {
    id: String,
    name: String,
    npwp: Option<String>,
    city: String,
    umkm_class: &'static str,
}

/// `GET /v1/catalog/search`.
pub(super) async fn search(State(app): State<Arc<App>>, params: Result<Query<Params>, QueryRejection>) -> Response {
    let Ok(Query(params)) = params else {
        return error(StatusCode::BAD_REQUEST, "bad_request", "malformed query string");
    };
    let limit = match params.limit.as_deref().map(str::trim) {
        None | Some("") => DEFAULT_LIMIT,
        Some(text) => match text.parse::<usize>() {
            Ok(n) if n > 0 => app.state.quirks().page_size(n.min(MAX_LIMIT)),
            _ => return error(StatusCode::BAD_REQUEST, "bad_request", "limit must be a positive integer"),
        },
    };
    let query = params.query.unwrap_or_default();
    let seed = app.state.catalogue().seed();
    let offset = match params.cursor.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        None => 0,
        Some(given) => match cursor::decode(seed, &query, given) {
            Some(offset) => offset,
            None => {
                let message = "unknown cursor; pass the next_cursor of the previous page for the same query";
                return error(StatusCode::BAD_REQUEST, "invalid_cursor", message);
            }
        },
    };
    let quirks = app.state.quirks();
    let hits = app.index.search(&query);
    let hits = hits.truncate(quirks.max_matches);
    let items: Vec<Item> = hits.page(quirks.start(offset), limit).into_iter().map(|i| item(&app, i)).collect();
    let next = offset.saturating_add(limit);
    let more = next < hits.len() || (quirks.trailing_empty_page && !items.is_empty());
    let next_cursor = more.then(|| cursor::encode(seed, &query, next));
    Json(Results { items, next_cursor, total_hits: quirks.stated_total(hits.len()) }).into_response()
}

fn item(app: &App, index: usize) -> Item {
    let catalogue = app.state.catalogue();
    let view = catalogue.view(app.kind, index);
    let vendor = view.vendor;
    let id = listing_id(index);
    let compact = shows_compact(view.listing, vendor);
    Item {
        url: format!("{}{}", app.base, listing_path(index)),
        id,
        title: title(&view),
        price: price_text(view.price_including_vat(), compact),
        price_includes_tax: vendor.pkp,
        tax_rate: view.vat_percent(),
        unit: view.pack.unit,
        stock: view.listing.stock,
        seller: Seller {
            id: account_id(app.account_number(view.listing.vendor)),
            name: seller_name(vendor),
            npwp: seller_npwp(vendor),
            city: city(vendor),
            umkm_class: umkm_class(vendor.scale),
        },
    }
}
