//! The ledgers as each marketplace serves them: its own path, paging, field names, amount
//! format, tax convention, status and payment words, and (Jatim Bejo, e-Katalog) a totals call.
//!
//! - `jatim-bejo`: `POST /api/v1/transaksi/cari` `{kode_pemda, tahun, halaman, jumlah}`, gross
//!   integer rupiah with a `ppn` rate, WIB times without an offset; `POST /api/v1/transaksi/rekap`.
//! - `ekatalog`: `GET /api/v6/transaksi?kode_wilayah=&dari=&sampai=&offset=&limit=`, net decimal
//!   strings with a PKP flag, times with `+07:00`; `GET /api/v6/transaksi/rekap`.
//! - `mbiz`: `GET /api/v1/orders?buyer_code=&from=&to=&page=&per_page=`, gross `"Rp…"` text, UTC.
//! - `padi-umkm`: `GET /v1/transactions?buyer=&year=&limit=&cursor=`, `"IDR 1,250,000.00"`, UTC.
//! - `bela`: `POST /api/v2/transactions/search` `{buyer_code, year, limit, cursor}`, integers
//!   gross or net with a per-entry flag.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::catalogue::Catalogue;
use super::kind::MarketplaceKind;
use super::ledger::{LedgerEntry, LedgerPayment, LedgerStatus, SATKER, ledger, pemda_index};
use super::regions::{CityStyle, REGIONS};
use super::state::App;
use super::text::group_thousands;

/// Query or body of every ledger call; each marketplace names them its own way.
#[derive(Debug, Default, Deserialize)]
pub(super) struct Ask {
    #[serde(alias = "kode_pemda", alias = "kode_wilayah", alias = "buyer_code", alias = "buyer")]
    buyer: String,
    #[serde(alias = "tahun")]
    year: Option<i32>,
    #[serde(alias = "dari")]
    from: Option<String>,
    #[serde(alias = "halaman")]
    page: Option<usize>,
    #[serde(alias = "jumlah", alias = "per_page", alias = "limit")]
    size: Option<usize>,
    offset: Option<usize>,
    cursor: Option<String>,
}

impl Ask {
    fn year(&self) -> i32 {
        self.year.or_else(|| self.from.as_deref().and_then(|f| f.get(0..4)?.parse().ok())).unwrap_or(0)
    }
    fn size(&self) -> usize {
        self.size.unwrap_or(50).clamp(1, 100)
    }
    fn start(&self) -> usize {
        let by_page = self.page.map(|p| p.saturating_sub(1) * self.size());
        let by_cursor = self.cursor.as_deref().and_then(|c| c.strip_prefix("o").and_then(|n| n.parse().ok()));
        self.offset.or(by_page).or(by_cursor).unwrap_or(0)
    }
}

/// The whole year's entries of the asked buyer on `kind`, in date order.
fn entries(catalogue: &Catalogue, kind: MarketplaceKind, ask: &Ask) -> Vec<LedgerEntry> {
    let Some(pemda) = pemda_index(ask.buyer.trim()) else { return Vec::new() };
    let mut all = ledger(catalogue, kind, pemda, ask.year());
    all.sort_by_key(|e| (e.month, e.day, e.minute, e.number));
    all
}

/// `(year, month, day, hour, minute)` of an entry in WIB, or in UTC when `utc`.
fn when(year: i32, e: &LedgerEntry, utc: bool) -> String {
    let (h, m) = (i32::from(e.minute / 60), i32::from(e.minute % 60));
    if !utc {
        return format!("{year:04}-{:02}-{:02} {h:02}:{m:02}:00", e.month, e.day);
    }
    let (mut y, mut mo, mut d, mut h) = (year, i32::from(e.month), i32::from(e.day), h - 7);
    if h < 0 {
        h += 24;
        d -= 1;
        if d == 0 {
            mo -= 1;
            if mo == 0 {
                (y, mo) = (y - 1, 12);
            }
            d = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][(mo - 1) as usize];
        }
    }
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{m:02}:00Z")
}

fn tkdn(e: &LedgerEntry, comma: bool) -> String {
    e.tkdn_tenths.map_or_else(String::new, |t| {
        let text = format!("{}.{}", t / 10, t % 10);
        if comma { text.replace('.', ",") } else { text }
    })
}

fn page_of(all: &[LedgerEntry], ask: &Ask) -> (usize, Vec<LedgerEntry>) {
    let start = ask.start().min(all.len());
    let end = (start + ask.size()).min(all.len());
    (end, all[start..end].to_vec())
}

fn seller(catalogue: &Catalogue, kind: MarketplaceKind, e: &LedgerEntry) -> Value {
    let v = &catalogue.vendors[e.vendor];
    json!({
        "id": format!("S-{:05}", catalogue.account_number(kind, e.vendor as u32)),
        "name": v.canonical_name(),
        "npwp": v.npwp15,
        "scale": v.scale.id(),
        "legal_form": v.legal_form.registered(),
        "city": REGIONS[v.region].label(CityStyle::Long),
        "region_code": REGIONS[v.region].code,
    })
}

/// `POST /api/v1/transaksi/cari` (Jatim Bejo).
pub(super) async fn jatim_bejo(State(app): State<Arc<App>>, Json(ask): Json<Ask>) -> Response {
    let (year, all) = (ask.year(), entries(app.state.catalogue(), app.kind, &ask));
    let (_, page) = page_of(&all, &ask);
    let status = |s| match s {
        LedgerStatus::Completed => "SELESAI",
        LedgerStatus::Cancelled => "BATAL",
        LedgerStatus::InProgress => "DIPROSES",
    };
    let pay = |p| match p {
        LedgerPayment::VirtualAccount => "Virtual Account",
        LedgerPayment::Transfer => "Transfer Bank",
        LedgerPayment::Kkp => "KKP",
        LedgerPayment::Cms => "CMS",
    };
    let items: Vec<Value> = page
        .iter()
        .map(|e| {
            let s = seller(app.state.catalogue(), app.kind, e);
            json!({
                "no_transaksi": format!("JB-TRX-{year}-{}-{:05}", ask.buyer.replace('.', ""), e.number + 1),
                "tanggal": when(year, e, false), "kode_pemda": ask.buyer, "satker": SATKER[e.satker],
                "nilai": e.gross, "ppn": e.ppn_percent,
                "status": status(e.status), "metode_bayar": pay(e.payment), "jumlah_item": e.items,
                "tkdn": tkdn(e, true),
                "toko": { "id_toko": s["id"], "nama_toko": s["name"], "badan_usaha": s["legal_form"],
                          "kelas_umkm": s["scale"], "npwp": s["npwp"], "kota": s["city"] },
            })
        })
        .collect();
    Json(json!({ "status": "sukses", "data": { "total": all.len(), "transaksi": items } })).into_response()
}

/// Totals of completed transactions: `(gross, net, count)`.
fn sums(all: &[LedgerEntry]) -> (u64, u64, usize) {
    let done: Vec<&LedgerEntry> = all.iter().filter(|e| e.status == LedgerStatus::Completed).collect();
    (done.iter().map(|e| e.gross).sum(), done.iter().map(|e| e.net).sum(), done.len())
}

/// `POST /api/v1/transaksi/rekap` (Jatim Bejo).
pub(super) async fn jatim_bejo_totals(State(app): State<Arc<App>>, Json(ask): Json<Ask>) -> Response {
    let (gross, net, count) = sums(&entries(app.state.catalogue(), app.kind, &ask));
    Json(json!({ "status": "sukses", "data": { "nilai_total": gross.to_string(), "nilai_dpp": net.to_string(),
                                              "jumlah_transaksi": count } }))
    .into_response()
}

/// `GET /api/v6/transaksi` (e-Katalog): net amounts, PKP flag, `+07:00` times.
pub(super) async fn ekatalog(State(app): State<Arc<App>>, Query(ask): Query<Ask>) -> Response {
    let (year, all) = (ask.year(), entries(app.state.catalogue(), app.kind, &ask));
    let (_, page) = page_of(&all, &ask);
    let items: Vec<Value> = page
        .iter()
        .map(|e| {
            let s = seller(app.state.catalogue(), app.kind, e);
            json!({
                "id_paket": format!("EPURCH-{year}{:07}", e.number + 1),
                "tanggal_paket": when(year, e, false).replace(' ', "T") + "+07:00",
                "kode_wilayah_klpd": ask.buyer, "satker": { "nama": SATKER[e.satker] },
                "total_harga": format!("{}.00", e.net), "pkp": e.pkp,
                "status_paket": match e.status { LedgerStatus::Completed => "selesai",
                    LedgerStatus::Cancelled => "batal", LedgerStatus::InProgress => "proses" },
                "metode_pembayaran": match e.payment { LedgerPayment::VirtualAccount => "va",
                    LedgerPayment::Transfer => "transfer", LedgerPayment::Kkp => "kkp", LedgerPayment::Cms => "cms" },
                "jumlah_produk": e.items, "tkdn": tkdn(e, false),
                "penyedia": { "id": s["id"], "nama": s["name"], "npwp": s["npwp"], "skala_usaha": s["scale"],
                              "kode_wilayah": s["region_code"] },
            })
        })
        .collect();
    Json(json!({ "data": items, "meta": { "total": all.len() } })).into_response()
}

/// `GET /api/v6/transaksi/rekap` (e-Katalog).
pub(super) async fn ekatalog_totals(State(app): State<Arc<App>>, Query(ask): Query<Ask>) -> Response {
    let (gross, net, count) = sums(&entries(app.state.catalogue(), app.kind, &ask));
    Json(
        json!({ "total_termasuk_ppn": format!("{gross}.00"), "total_tanpa_ppn": format!("{net}.00"), "jumlah": count }),
    )
    .into_response()
}

fn english(catalogue: &Catalogue, kind: MarketplaceKind, year: i32, e: &LedgerEntry, amount: String) -> Value {
    json!({
        "id": format!("{}-{year}-{:06}", kind.id().to_uppercase(), e.number + 1),
        "created_at": when(year, e, true),
        "buyer": { "unit": SATKER[e.satker] },
        "amount": amount, "tax_included": true, "seller_pkp": e.pkp,
        "status": match e.status { LedgerStatus::Completed => "COMPLETED", LedgerStatus::Cancelled => "CANCELLED",
            LedgerStatus::InProgress => "PROCESSING" },
        "payment": match e.payment { LedgerPayment::VirtualAccount => "VIRTUAL_ACCOUNT",
            LedgerPayment::Transfer => "BANK_TRANSFER", LedgerPayment::Kkp => "GOVERNMENT_CARD",
            LedgerPayment::Cms => "CASH_MANAGEMENT" },
        "item_count": e.items, "tkdn": tkdn(e, false),
        "seller": seller(catalogue, kind, e),
    })
}

/// `GET /api/v1/orders` (Mbizmarket): page paging, `"Rp1.234.500"`, UTC times.
pub(super) async fn mbiz(State(app): State<Arc<App>>, Query(ask): Query<Ask>) -> Response {
    let (year, catalogue) = (ask.year(), app.state.catalogue());
    let all = entries(catalogue, app.kind, &ask);
    let (_, page) = page_of(&all, &ask);
    let items: Vec<Value> = page
        .iter()
        .map(|e| {
            let mut item = english(catalogue, app.kind, year, e, format!("Rp{}", group_thousands(e.gross)));
            item["buyer"]["code"] = json!(ask.buyer);
            item
        })
        .collect();
    Json(json!({ "data": items, "meta": { "total": all.len() } })).into_response()
}

/// `GET /v1/transactions` (PaDi UMKM) and `POST /api/v2/transactions/search` (Bela): cursor
/// paging; PaDi writes `"IDR 1,234,500.00"`, Bela integers, net for PKP sellers.
pub(super) async fn cursor_paged(app: &App, ask: &Ask) -> Response {
    let (year, catalogue) = (ask.year(), app.state.catalogue());
    let all = entries(catalogue, app.kind, ask);
    let (end, page) = page_of(&all, ask);
    let items: Vec<Value> = page
        .iter()
        .map(|e| {
            let bela = app.kind == MarketplaceKind::Bela;
            let text =
                if bela { String::new() } else { format!("IDR {}.00", group_thousands(e.gross).replace('.', ",")) };
            let mut item = english(catalogue, app.kind, year, e, text);
            item["buyer"]["code"] = json!(ask.buyer);
            if bela {
                item["amount"] = json!(if e.pkp { e.net } else { e.gross });
                item["tax_included"] = json!(!e.pkp);
            }
            item
        })
        .collect();
    let next = (end < all.len()).then(|| format!("o{end}"));
    Json(json!({ "items": items, "next_cursor": next })).into_response()
}

/// `GET /v1/transactions` (PaDi UMKM).
pub(super) async fn padi(State(app): State<Arc<App>>, Query(ask): Query<Ask>) -> Response {
    cursor_paged(&app, &ask).await
}

/// `POST /api/v2/transactions/search` (Bela).
pub(super) async fn bela(State(app): State<Arc<App>>, Json(ask): Json<Ask>) -> Response {
    cursor_paged(&app, &ask).await
}
