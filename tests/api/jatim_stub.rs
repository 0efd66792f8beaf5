//! A stub of Jatim Bejo's ledger (`/transaksi/cari`, by `tahun`) and recap (`/transaksi/rekap`),
//! serving what a test's [`Books`] say, for what the sandbox never serves: a recap failing for
//! one Pemda, one disagreeing with the ledger, a ledger filed by UTC year.

use crate::helpers::{TestApp, spawn_app_with_stub};
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use std::sync::Arc;

/// A stub's books: the entries it lists for a buyer and `tahun`, and its recap of them (`None`
/// answers HTTP 500).
pub struct Books {
    pub ledger: fn(&str, i32) -> Vec<Value>,
    pub recap: fn(&str, &[Value]) -> Option<Value>,
}

/// A completed (`SELESAI`) or other entry of `buyer` at `rupiah` with 11 % PPN, at `date` (WIB
/// without an offset, or with one).
pub fn entry(id: &str, buyer: &str, date: &str, rupiah: u64, status: &str) -> Value {
    json!({
        "no_transaksi": id, "tanggal": date, "kode_pemda": buyer, "satker": "Dinas Uji",
        "nilai": rupiah, "ppn": 11, "status": status, "metode_bayar": "Virtual Account", "jumlah_item": 1,
        "toko": { "id_toko": "T-1", "nama_toko": "CV Uji", "kota": "Kota Malang", "kelas_umkm": "Kecil" },
    })
}

/// The recap a marketplace owes: its completed entries summed.
pub fn honest_recap(_buyer: &str, entries: &[Value]) -> Option<Value> {
    let done: Vec<u64> =
        entries.iter().filter(|e| e["status"] == "SELESAI").filter_map(|e| e["nilai"].as_u64()).collect();
    let gross: u64 = done.iter().sum();
    Some(
        json!({ "nilai_total": gross.to_string(), "nilai_dpp": (gross * 100 / 111).to_string(), "jumlah_transaksi": done.len() }),
    )
}

fn asked(body: &Value) -> (String, i32) {
    let buyer = body["kode_pemda"].as_str().unwrap_or_default().to_string();
    let year = body["tahun"].as_i64().or_else(|| body["tahun"].as_str()?.parse().ok()).unwrap_or(0);
    (buyer, i32::try_from(year).unwrap_or(0))
}

/// A gateway whose Jatim Bejo is a stub keeping `books`; every entry on one page.
pub async fn gateway(books: Books) -> TestApp {
    spawn_app_with_stub("jatim-bejo", stub(books)).await
}

/// The stub's routes, for a test that starts the gateway with options of its own.
pub fn stub(books: Books) -> axum::Router {
    let books = Arc::new(books);
    let (for_ledger, for_recap) = (Arc::clone(&books), books);
    axum::Router::new()
        .route(
            "/api/v1/transaksi/cari",
            axum::routing::post(move |Json(body): Json<Value>| async move {
                let (buyer, year) = asked(&body);
                let items = (for_ledger.ledger)(&buyer, year);
                let page = body["halaman"].as_u64().unwrap_or(1);
                let items = if page == 1 { items } else { Vec::new() };
                let total = (for_ledger.ledger)(&buyer, year).len();
                Json(json!({ "status": "sukses", "data": { "total": total, "transaksi": items } }))
            }),
        )
        .route(
            "/api/v1/transaksi/rekap",
            axum::routing::post(move |Json(body): Json<Value>| async move {
                let (buyer, year) = asked(&body);
                let recap: Response = match (for_recap.recap)(&buyer, &(for_recap.ledger)(&buyer, year)) {
                    // A failure comes back before any answer, as a quick error status does.
                    Some(data) => {
                        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                        Json(json!({ "status": "sukses", "data": data })).into_response()
                    }
                    None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
                };
                recap
            }),
        )
}
