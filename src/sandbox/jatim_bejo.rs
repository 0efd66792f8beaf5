//! `jatim-bejo`: Jawa Timur's regional e-purchasing. Indonesian JSON, `POST` with a JSON body
//! (`kata_kunci`, `halaman`, `jumlah`), integer rupiah *excluding* PPN with a `ppn` rate, TKDN as
//! `"45,5"`, the BBI flag, and a `toko` whose city is spelled differently from shop to shop.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::firm::Scale;
use super::listing::ListingView;
use super::regions::{CityStyle, REGIONS};
use super::state::App;
use super::text::{capitalise, tenths_comma, words};
use super::vendors::Vendor;

/// A truncated body.
pub(super) const GARBAGE: &str = r#"{"status":"sukses","data":{"total":12,"produk":[{"kode_produk":"#;

/// Valid JSON with the wrong types: `produk` an object, numbers as text, `ppn` a boolean.
pub(super) const WRONG_TYPES: &str = r#"{"status":"sukses","data":{"total":"12","halaman":[1],"jumlah":"20","produk":{"kode_produk":123,"nama_produk":["Kertas"],"harga":"Rp55.000","ppn":true,"stok":"ada","toko":"Maju Jaya Abadi"}}}"#;

const MAX_JUMLAH: u64 = 100;

pub(super) fn listing_id(index: usize) -> String {
    format!("JB-{:07}", index + 1)
}

/// Where listing `index` has its page on the marketplace.
pub(super) fn listing_path(index: usize) -> String {
    format!("/produk/{}", listing_id(index))
}

pub(super) fn account_id(number: usize) -> String {
    format!("T-{number:04}")
}

/// Jatim Bejo's error body: `{"status":"gagal","pesan":"…"}`.
pub(super) fn error(status: StatusCode, message: &str) -> Response {
    (status, Json(serde_json::json!({ "status": "gagal", "pesan": message }))).into_response()
}

/// A valid, empty result before and after a long padding string (the `Oversized` fault).
pub(super) const PADDED: (&str, &str) =
    (r#"{"status":"sukses","data":{"total":0,"halaman":1,"jumlah":20,"produk":[]},"padding":""#, r#""}"#);

/// Titles as Jatim Bejo shops write them: spaced specs, pack in brackets, `merk` before brands.
pub(super) fn title(view: &ListingView<'_>) -> String {
    let (name, brand, model) = (view.name(), view.make.brand, view.make.model);
    let (variant, pack) = (view.variant.label, view.pack);
    let bracketed = if pack.long.is_empty() { String::new() } else { format!("({})", pack.long) };
    let merk = if brand.is_empty() { "" } else { "merk" };
    match view.listing.template % 4 {
        0 => words(&[name, brand, model, variant, &bracketed]),
        1 => words(&[&brand.to_uppercase(), name, variant, model, pack.short]),
        2 => words(&[name, variant, merk, brand, model, pack.short]),
        _ => words(&[name, brand, variant, model, &bracketed]),
    }
}

/// How a shop spells its city; seed vendors keep the spellings the research names.
fn city(vendor: &Vendor) -> String {
    let style = match vendor.spelling {
        Some(spelling) => spelling.jatim_city,
        None => {
            [CityStyle::Short, CityStyle::Upper, CityStyle::Bare, CityStyle::Long][((vendor.style >> 8) % 4) as usize]
        }
    };
    REGIONS[vendor.region].label(style)
}

const fn kelas_umkm(scale: Scale) -> &'static str {
    match scale {
        Scale::Mikro => "Mikro",
        Scale::Kecil => "Kecil",
        Scale::Menengah => "Menengah",
        Scale::Besar => "Besar",
    }
}

#[derive(Debug, Deserialize)]
struct Cari {
    kata_kunci: String,
    #[serde(default = "first_page")]
    halaman: u64,
    #[serde(default = "default_jumlah")]
    jumlah: u64,
}

const fn first_page() -> u64 {
    1
}

const fn default_jumlah() -> u64 {
    20
}

#[derive(Serialize)]
struct Hasil {
    status: &'static str,
    data: Data,
}

#[derive(Serialize)]
struct Data {
    #[serde(skip_serializing_if = "Option::is_none")]
    total: Option<usize>,
    halaman: usize,
    jumlah: usize,
    produk: Vec<Produk>,
}

#[derive(Serialize)]
struct Produk {
    kode_produk: String,
    nama_produk: String,
    harga: u64,
    ppn: u64,
    satuan: String,
    stok: u32,
    tkdn: String,
    bbi: bool,
    tautan: String,
    toko: Toko,
}

#[derive(Serialize)]
struct Toko {
    id_toko: String,
    nama_toko: String,
    badan_usaha: &'static str,
    kelas_umkm: &'static str,
    npwp: String,
    kota: String,
}

/// `POST /api/v1/produk/cari`.
pub(super) async fn search(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let request: Cari = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(e) => {
            return error(StatusCode::BAD_REQUEST, &format!("permintaan tidak valid: {e}"));
        }
    };
    if request.halaman == 0 || request.jumlah == 0 {
        return error(StatusCode::BAD_REQUEST, "halaman dan jumlah harus lebih dari 0");
    }
    let quirks = app.state.quirks();
    let jumlah = quirks.page_size(request.jumlah.min(MAX_JUMLAH) as usize);
    let halaman = usize::try_from(request.halaman).unwrap_or(usize::MAX);
    let hits = app.index.search(&request.kata_kunci);
    let hits = hits.truncate(quirks.max_matches);
    let produk: Vec<Produk> = hits
        .page(quirks.start((halaman - 1).saturating_mul(jumlah)), jumlah)
        .into_iter()
        .map(|i| produk(&app, i))
        .collect();
    let data = Data { total: quirks.stated_total(hits.len()), halaman, jumlah, produk };
    Json(Hasil { status: "sukses", data }).into_response()
}

fn produk(app: &App, index: usize) -> Produk {
    let catalogue = app.state.catalogue();
    let view = catalogue.view(app.kind, index);
    let id = listing_id(index);
    let vendor = view.vendor;
    Produk {
        tautan: format!("{}{}", app.base, listing_path(index)),
        kode_produk: id,
        nama_produk: title(&view),
        harga: view.listing.price,
        ppn: view.vat_percent(),
        satuan: capitalise(view.pack.unit),
        stok: view.listing.stock,
        tkdn: view.tkdn().map(tenths_comma).unwrap_or_default(),
        bbi: view.bbi(),
        toko: Toko {
            id_toko: account_id(app.account_number(view.listing.vendor)),
            nama_toko: vendor.store_name.clone(),
            badan_usaha: vendor.legal_form.registered(),
            kelas_umkm: kelas_umkm(vendor.scale),
            npwp: vendor.npwp15.clone(),
            kota: city(vendor),
        },
    }
}
