//! `ekatalog`: an LKPP Katalog Elektronik v6-like API. `GET /api/v6/produk` with `keyword`,
//! `offset` and `limit` (at most 100) and the buyer filters `harga_min`, `harga_max` (excluding
//! PPN) and `tkdn_min`, an `X-Api-Key` header, v6 field names (`kd_produk`,
//! `nama_produk`, `penyedia.kode_penyedia`), prices as decimal strings *excluding* PPN
//! (`"55000.00"`) with `ppn_persen`, KBKI codes, TKDN and BMP as `"45.50"` or `""`, `PDN`/`IMPOR`,
//! and vendors with NIB, NPWP16 (the owner's NIK for a UD or a Toko) and a Kemendagri region code.

use std::sync::Arc;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::firm::{LegalForm, Scale};
use super::listing::ListingView;
use super::regions::REGIONS;
use super::state::App;
use super::text::{capitalise, words};
use super::vendors::Vendor;

/// The header carrying the API key.
pub(super) const KEY_HEADER: &str = "x-api-key";

/// A truncated body.
pub(super) const GARBAGE: &str = r#"{"meta":{"total":120,"offset":0,"limit":20},"data":[{"kd_produk":"EK-00"#;

/// Valid JSON with the wrong types: `data` an object, `harga` a number, `penyedia` a string.
pub(super) const WRONG_TYPES: &str = r#"{"meta":{"total":"120","offset":null,"limit":"20"},"data":{"kd_produk":1,"nama_produk":["Kertas HVS"],"harga":55000,"ppn_persen":true,"stok":"ada","penyedia":"PT MAJU JAYA ABADI"}}"#;

const MAX_LIMIT: usize = 100;
const DEFAULT_LIMIT: usize = 20;

/// Crockford's base32 alphabet, as ULIDs use it.
const BASE32: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

pub(super) fn listing_id(index: usize) -> String {
    format!("EK-{:07}", index + 1)
}

/// Where listing `index` has its page on the catalogue: under its shop, named by its title.
pub(super) fn listing_path(view: &ListingView<'_>, index: usize) -> String {
    titled_path(view, index, &title(view))
}

/// [`listing_path`] for a listing whose title is already written (a search writes it anyway).
fn titled_path(view: &ListingView<'_>, index: usize, title: &str) -> String {
    let (shop, product) = (slug(&view.vendor.store_name), slug(title));
    format!("/{shop}/{product}-{}", listing_id(index).to_lowercase())
}

/// A ULID-like `kode_penyedia` (`01HQ…`, 26 characters): the account number scrambled by an odd
/// multiplier modulo 2^110, which is a bijection, so every account keeps its own code.
pub(super) fn account_id(number: usize) -> String {
    const ODD: u128 = 0x2F3C_9A5B_1D4E_8F60_7A1B_3C5D_9E0F_2A4B | 1;
    let mut value = (number as u128).wrapping_mul(ODD) & ((1u128 << 110) - 1);
    let mut code = *b"01HQ0000000000000000000000";
    for slot in code[4..].iter_mut().rev() {
        *slot = BASE32[(value & 31) as usize];
        value >>= 5;
    }
    String::from_utf8_lossy(&code).into_owned()
}

/// e-Katalog's error body: `{"status":"error","code":401,"message":"…"}`.
pub(super) fn error(status: StatusCode, message: &str) -> Response {
    let body = serde_json::json!({ "status": "error", "code": status.as_u16(), "message": message });
    (status, Json(body)).into_response()
}

/// A valid, empty result before and after a long padding string (the `Oversized` fault).
pub(super) const PADDED: (&str, &str) = (r#"{"meta":{"total":0,"offset":0,"limit":20},"data":[],"padding":""#, r#""}"#);

/// Titles as the catalogue's product master writes them: formal, with the pack spelled out.
pub(super) fn title(view: &ListingView<'_>) -> String {
    let (name, brand, model) = (view.name(), view.make.brand, view.make.model);
    let (variant, pack) = (view.variant.label, view.pack);
    let bracketed = if pack.quantity > 1 { format!("({})", pack.long) } else { String::new() };
    match view.listing.template % 3 {
        0 => words(&[name, brand, model, variant, "-", pack.long]),
        1 => words(&[brand, model, name, variant, &bracketed]),
        _ => words(&[&name.to_uppercase(), &brand.to_uppercase(), model, variant, &bracketed]),
    }
}

/// The name as the vendor registered it: uppercase legal form and name (`PT MAJU JAYA ABADI`).
fn nama_penyedia(vendor: &Vendor) -> String {
    vendor.canonical_name().to_uppercase()
}

const fn skala_usaha(scale: Scale) -> &'static str {
    match scale {
        Scale::Mikro => "Mikro",
        Scale::Kecil => "Kecil",
        Scale::Menengah => "Menengah",
        Scale::Besar => "Besar",
    }
}

/// UMKK: usaha mikro, kecil dan koperasi (the PBJ set-aside).
fn status_umkk(vendor: &Vendor) -> u8 {
    u8::from(matches!(vendor.scale, Scale::Mikro | Scale::Kecil) || vendor.legal_form == LegalForm::Koperasi)
}

/// A percentage in tenths as v6 writes it: `455` → `"45.50"`; absent → `""`.
fn percent(tenths: Option<u16>) -> String {
    tenths.map(|t| format!("{}.{}0", t / 10, t % 10)).unwrap_or_default()
}

/// A URL slug: lowercase ASCII words joined by `-`.
fn slug(text: &str) -> String {
    let mut tokens = Vec::new();
    super::text::tokens(text, &mut tokens);
    tokens.join("-")
}

#[derive(Debug, Deserialize)]
pub(super) struct Params {
    keyword: Option<String>,
    offset: Option<String>,
    limit: Option<String>,
    /// Lowest `harga` (excluding PPN), whole rupiah — v6's buyer price filter.
    harga_min: Option<String>,
    /// Highest `harga` (excluding PPN), whole rupiah.
    harga_max: Option<String>,
    /// Lowest TKDN, percent.
    tkdn_min: Option<String>,
}

#[derive(Serialize)]
struct Page {
    meta: Meta,
    data: Vec<Produk>,
}

#[derive(Serialize)]
struct Meta {
    #[serde(skip_serializing_if = "Option::is_none")]
    total: Option<usize>,
    offset: usize,
    limit: usize,
}

#[derive(Serialize)]
struct Produk {
    kd_produk: String,
    nama_produk: String,
    harga: String,
    ppn_persen: String,
    satuan: String,
    kbki: &'static str,
    tkdn_produk: String,
    nilai_bmp: String,
    jenis_produk: &'static str,
    stok: u32,
    url: String,
    penyedia: Penyedia,
}

#[derive(Serialize)]
struct Penyedia {
    kode_penyedia: String,
    nama_penyedia: String,
    nib: String,
    npwp16: String,
    bentuk_usaha: &'static str,
    status_umkk: u8,
    skala_usaha: &'static str,
    kode_wilayah: &'static str,
}

/// `GET /api/v6/produk`.
pub(super) async fn search(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    params: Result<Query<Params>, QueryRejection>,
) -> Response {
    let key = headers.get(KEY_HEADER).and_then(|v| v.to_str().ok());
    if key != Some(app.state.ekatalog_key()) {
        return error(StatusCode::UNAUTHORIZED, "API key tidak valid atau tidak ada (header X-Api-Key)");
    }
    let Ok(Query(params)) = params else {
        return error(StatusCode::BAD_REQUEST, "parameter tidak valid");
    };
    let Some(offset) = number(params.offset.as_deref(), 0) else {
        return error(StatusCode::BAD_REQUEST, "offset harus bilangan bulat 0 atau lebih");
    };
    let Some(limit) = number(params.limit.as_deref(), DEFAULT_LIMIT).filter(|&l| l > 0) else {
        return error(StatusCode::BAD_REQUEST, "limit harus bilangan bulat lebih dari 0");
    };
    let quirks = app.state.quirks();
    let limit = quirks.page_size(limit.min(MAX_LIMIT));
    let (Some(min), Some(max), Some(tkdn_min)) = (
        number(params.harga_min.as_deref(), 0),
        number(params.harga_max.as_deref(), usize::MAX),
        number(params.tkdn_min.as_deref(), 0),
    ) else {
        return error(StatusCode::BAD_REQUEST, "harga_min, harga_max dan tkdn_min harus bilangan bulat");
    };
    let hits = app.index.search(params.keyword.as_deref().unwrap_or(""));
    let hits = hits.truncate(quirks.max_matches);
    let catalogue = app.state.catalogue();
    let keep = |i: usize| {
        let view = catalogue.view(app.kind, i);
        let price = usize::try_from(view.listing.price).unwrap_or(usize::MAX);
        let tkdn_tenths = usize::from(view.tkdn().unwrap_or(0));
        (min..=max).contains(&price) && tkdn_tenths >= tkdn_min.saturating_mul(10)
    };
    let filtered = params.harga_min.is_some() || params.harga_max.is_some() || params.tkdn_min.is_some();
    let matching: Option<Vec<usize>> =
        filtered.then(|| hits.page(0, usize::MAX).into_iter().filter(|&i| keep(i)).collect());
    let listed_at = |at: usize, len: usize| match &matching {
        Some(matching) => matching.iter().skip(at).take(len).copied().collect(),
        None => hits.page(at, len),
    };
    let total = matching.as_ref().map_or(hits.len(), Vec::len);
    let start = quirks.start(offset);
    let data = listed_at(start, limit)
        .into_iter()
        .enumerate()
        .map(|(i, index)| {
            let mut item = produk(&app, index);
            let from = quirks.id_from(start + i);
            if from != start + i {
                item.kd_produk = listed_at(from, 1).first().map_or(item.kd_produk, |&other| listing_id(other));
            }
            item
        })
        .collect();
    let total = quirks.stated_total(total);
    Json(Page { meta: Meta { total, offset, limit }, data }).into_response()
}

/// A non-negative integer parameter, `default` when absent.
fn number(raw: Option<&str>, default: usize) -> Option<usize> {
    match raw.map(str::trim) {
        None | Some("") => Some(default),
        Some(text) => text.parse().ok(),
    }
}

fn produk(app: &App, index: usize) -> Produk {
    let catalogue = app.state.catalogue();
    let view = catalogue.view(app.kind, index);
    let vendor = view.vendor;
    let id = listing_id(index);
    let title = title(&view);
    Produk {
        url: format!("{}{}", app.base, titled_path(&view, index, &title)),
        kd_produk: id,
        nama_produk: title,
        harga: format!("{}.00", view.listing.price),
        ppn_persen: view.vat_percent().to_string(),
        satuan: capitalise(view.pack.unit),
        kbki: view.good.kbki,
        tkdn_produk: percent(view.tkdn()),
        nilai_bmp: percent(view.bmp()),
        jenis_produk: if view.bbi() { "PDN" } else { "IMPOR" },
        stok: view.listing.stock,
        penyedia: Penyedia {
            kode_penyedia: account_id(app.account_number(view.listing.vendor)),
            nama_penyedia: nama_penyedia(vendor),
            nib: vendor.nib(),
            npwp16: vendor.npwp16(),
            bentuk_usaha: vendor.legal_form.registered(),
            status_umkk: status_umkk(vendor),
            skala_usaha: skala_usaha(vendor.scale),
            kode_wilayah: REGIONS[vendor.region].code,
        },
    }
}
