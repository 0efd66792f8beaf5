//! `mbiz`: a Mbizmarket-like B2B API. English JSON, `GET` with `page`/`per_page`, a bearer token,
//! prices as display text including PPN 11 % (`"Rp61.050"`), raw uppercase seller names with
//! dots (`"PT. MAJU JAYA ABADI"`, `"CV.BERKAH MANDIRI"`) and dotted NPWP15. Sellers that are not
//! PKP charge no PPN: their `price` is the bare price and `vat_rate` says `0`.

use std::sync::Arc;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::firm::LegalForm;
use super::listing::ListingView;
use super::regions::{CityStyle, REGIONS};
use super::state::App;
use super::text::{dotted_npwp, glue_units, group_thousands, words};
use super::vendors::Vendor;

/// A truncated body, as a proxy cutting a response short would leave it.
pub(super) const GARBAGE: &str = r#"{"data": [ {"id": "#;

/// Valid JSON with the wrong types: price as an object, ids as numbers, totals as strings.
pub(super) const WRONG_TYPES: &str = r#"{"data":[{"id":123,"name":null,"price":{"amount":61050,"currency":"IDR"},"uom":5,"stock":"banyak","url":false,"category":["ATK"],"tkdn":"tinggi","seller":"PT. MAJU JAYA ABADI"}],"meta":{"page":"1","per_page":"20","total":"1234","total_pages":null}}"#;

const MAX_PER_PAGE: usize = 100;
const DEFAULT_PER_PAGE: usize = 20;

pub(super) fn listing_id(index: usize) -> String {
    format!("MBZ-{:07}", index + 1)
}

/// Where listing `index` has its page on the marketplace.
pub(super) fn listing_path(index: usize) -> String {
    format!("/p/{}", listing_id(index).to_lowercase())
}

pub(super) fn account_id(number: usize) -> String {
    format!("S-{number:05}")
}

/// Mbiz's error body: `{"error":"unauthorized","message":"…"}`.
pub(super) fn error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = serde_json::json!({ "error": code, "message": message });
    (status, Json(body)).into_response()
}

/// A valid, empty result before and after a long padding string (the `Oversized` fault).
pub(super) const PADDED: (&str, &str) =
    (r#"{"data":[],"meta":{"page":1,"per_page":20,"total":0,"total_pages":0},"padding":""#, r#""}"#);

/// Titles as Mbiz sellers write them: spec glued (`80gsm`), brand late, some all in capitals.
pub(super) fn title(view: &ListingView<'_>) -> String {
    let (name, brand, model) = (view.name(), view.make.brand, view.make.model);
    let (variant, pack) = (view.variant.label, view.pack);
    let glued = glue_units(variant);
    match view.listing.template % 4 {
        0 => words(&[name, &glued, brand, model, pack.short]),
        1 if pack.long.is_empty() => words(&[brand, model, name, variant]),
        1 => words(&[brand, model, name, variant, "-", pack.long]),
        2 => words(&[name, brand, model, &glued, pack.short]).to_uppercase(),
        _ => words(&[name, brand, model, variant, pack.short, selling_point(view.good.category)]),
    }
}

fn selling_point(category: &str) -> &'static str {
    match category {
        "Komputer" | "Elektronik" | "Jaringan" => "Garansi Resmi",
        "Makan & Minum" => "Fresh",
        "Jasa" | "Jasa Transportasi" | "Percetakan" | "Tekstil" => "Profesional",
        _ => "Ready Stock",
    }
}

/// The seller's name as Mbiz shows it: uppercase legal names with inconsistent dots.
pub(super) fn seller_name(vendor: &Vendor) -> String {
    if let Some(spelling) = vendor.spelling {
        return spelling.mbiz_name.to_owned();
    }
    let name = vendor.core_name.to_uppercase();
    let tbk = if vendor.tbk { " TBK" } else { "" };
    let pick = |forms: &[String]| forms[(vendor.style % forms.len() as u64) as usize].clone();
    match vendor.legal_form {
        LegalForm::Pt => pick(&[
            format!("PT. {name}{tbk}"),
            format!("PT.{name}{tbk}"),
            format!("PT {name}{tbk}"),
            format!("{name}{tbk}, PT"),
            format!("PT. {name}{tbk} "),
            format!("PT. {}{}", vendor.core_name, if vendor.tbk { " Tbk" } else { "" }),
        ]),
        LegalForm::Cv => {
            pick(&[format!("CV. {name}"), format!("CV.{name}"), format!("CV {name}"), format!("{name}, CV")])
        }
        LegalForm::Ud => pick(&[format!("UD. {name}"), format!("UD {name}"), format!("U.D. {name}")]),
        LegalForm::Koperasi => pick(&[format!("KOPERASI {name}"), format!("KOP. {name}")]),
        LegalForm::Toko => pick(&[format!("TOKO {name}"), format!("TK. {name}")]),
    }
}

#[derive(Debug, Deserialize)]
pub(super) struct Params {
    q: Option<String>,
    page: Option<String>,
    per_page: Option<String>,
}

#[derive(Serialize)]
struct Product {
    id: String,
    name: String,
    price: String,
    uom: &'static str,
    stock: u32,
    url: String,
    category: &'static str,
    tkdn: Option<f64>,
    /// PPN in percent included in `price`: 11, or 0 for sellers that are not PKP.
    vat_rate: u64,
    seller: Seller,
}

#[derive(Serialize)]
struct Seller {
    id: String,
    name: String,
    npwp: String,
    city: String,
}

#[derive(Serialize)]
struct Page {
    data: Vec<Product>,
    meta: Meta,
}

#[derive(Serialize)]
struct Meta {
    page: usize,
    per_page: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    total: Option<usize>,
    total_pages: usize,
}

/// `GET /api/v1/products`.
pub(super) async fn search(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    params: Result<Query<Params>, QueryRejection>,
) -> Response {
    let token =
        headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    if token != Some(app.state.mbiz_token()) {
        let message = "missing or invalid bearer token in the Authorization header";
        return error(StatusCode::UNAUTHORIZED, "unauthorized", message);
    }
    let Ok(Query(params)) = params else {
        return bad_request("malformed query string");
    };
    let Some(page) = positive(params.page.as_deref(), 1) else {
        return bad_request("page must be a positive integer");
    };
    let Some(per_page) = positive(params.per_page.as_deref(), DEFAULT_PER_PAGE) else {
        return bad_request("per_page must be a positive integer");
    };
    let quirks = app.state.quirks();
    let per_page = quirks.page_size(per_page.min(MAX_PER_PAGE));
    let hits = app.index.search(params.q.as_deref().unwrap_or(""));
    let hits = hits.listed(quirks.max_matches, quirks.new_at_head);
    let total = hits.len();
    let start = quirks.start((page - 1).saturating_mul(per_page));
    if let Some(status) = quirks.page_refusal(start, total) {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        return error(status, "page_refused", "invalid page");
    }
    let start = quirks.start_within(start, per_page, total);
    let data: Vec<Product> = hits.page(start, per_page).into_iter().map(|i| product(&app, i)).collect();
    let meta = Meta { page, per_page, total: quirks.stated_total(total), total_pages: total.div_ceil(per_page) };
    Json(Page { data, meta }).into_response()
}

/// A positive integer parameter, `default` when absent, `None` when not a positive integer.
fn positive(raw: Option<&str>, default: usize) -> Option<usize> {
    match raw.map(str::trim) {
        None | Some("") => Some(default),
        Some(text) => text.parse().ok().filter(|&n| n > 0),
    }
}

fn bad_request(message: &str) -> Response {
    error(StatusCode::BAD_REQUEST, "bad_request", message)
}

fn product(app: &App, index: usize) -> Product {
    let catalogue = app.state.catalogue();
    let view = catalogue.view(app.kind, index);
    let id = listing_id(index);
    Product {
        url: format!("{}{}", app.base, listing_path(index)),
        id,
        name: title(&view),
        price: format!("Rp{}", group_thousands(view.price_including_vat())),
        uom: view.pack.unit,
        stock: view.listing.stock,
        category: view.good.category,
        tkdn: view.tkdn().map(|t| f64::from(t) / 10.0),
        vat_rate: view.vat_percent(),
        seller: Seller {
            id: account_id(app.account_number(view.listing.vendor)),
            name: seller_name(view.vendor),
            npwp: dotted_npwp(&view.vendor.npwp15),
            city: REGIONS[view.vendor.region].label(CityStyle::Short),
        },
    }
}
