//! Simulated marketplaces: realistic stand-ins for APIs we cannot reach, for the demo, the tests
//! and the benchmarks.
//!
//! One deterministic [`Catalogue`] (seed goods × makes × variants, ~60–4000 vendors) feeds every
//! sandbox; each [`MarketplaceKind`] renders it through its own API shape and quirks:
//!
//! - `mbiz`: `GET /api/v1/products?q=&page=&per_page=` with `Authorization: Bearer <token>`,
//!   English fields, prices as text including PPN (`"Rp61.050"`), dotted NPWP, raw seller names.
//! - `jatim-bejo`: `POST /api/v1/produk/cari` with `{"kata_kunci","halaman","jumlah"}`, Indonesian
//!   fields, integer rupiah excluding PPN plus a `ppn` rate, TKDN as `"45,5"`, varied city spellings.
//! - `ekatalog`: `GET /api/v6/produk?keyword=&offset=&limit=` (and the buyer filters `harga_min`,
//!   `harga_max`, `tkdn_min`) with `X-Api-Key`, LKPP v6 field names,
//!   decimal-string prices excluding PPN (`"55000.00"`), KBKI codes, TKDN/BMP as `"45.50"` or `""`,
//!   NIB, NPWP16 (a NIK for sole traders) and Kemendagri region codes.
//! - `padi-umkm`: `GET /v1/catalog/search?query=&limit=&cursor=` with opaque, tamper-checked
//!   cursors, English separators (`"IDR 1,250,000.00"`) and compact prices (`"1,25 jt"`), packs in
//!   titles (`"box isi 12"`), names like `"Maju Jaya Abadi, PT"`, NPWP missing for some micro sellers.
//! - `bela`: `POST /api/v2/catalog/search` with `{"keyword","limit","cursor"}` (the cursor
//!   required, `""` on the first page), integer prices some gross and some net with a per-item
//!   flag, a 12 % nominal PPN rate, PKP and non-PKP sellers, staples without PPN, catering under
//!   PBJT, brand/model/pack/stock-status/minimum-order fields, seller ratings, a rounded total as text.
//!
//! Every sandbox also keeps transaction ledgers (`ledger.rs`: what each Pemda of Jawa Timur
//! bought, 2022–2024), served in each marketplace's own shape by `ledger_api.rs`.
//!
//! Each listing's `url` points at the sandbox itself, which serves a page for it (`pages.rs`; on
//! `bela` a shop page for each seller too), so a link followed from the demo opens.
//!
//! Outside the simulated API, `/_sandbox/` holds the knobs and the answers: `faults` (GET/PUT), `quirks` (GET/PUT: paging quirks),
//! `stats` (GET/DELETE), `truth` (which listings are the same master product and vendor entity)
//! and `vendors` (the accounts behind the sellers). [`spawn`] serves one marketplace on a socket;
//! [`router`] gives the same app for in-process use.
//!
//! Imports flow one way, from serving down to the generated data: `server` → `control` →
//! `truth`, `pages` → `render` → the marketplaces' modules (`mbiz`, `jatim_bejo`, `ekatalog`, `padi`, `bela`);
//! `server` → `inject` → `fault_bodies` → the marketplaces' modules → `state` → `catalogue` →
//! `padi_text`, `pools`, `listing` → `vendors` → `tax_ids`, `kind` → `firm`, with `seeds`,
//! `regions`, `rng` and `text` at the bottom. Nothing here uses the gateway, and this module only
//! declares and re-exports, so no file but the tests imports from it.
//!
//! Adding a marketplace: a [`MarketplaceKind`] variant (with its arms in `kind.rs`), a module
//! rendering titles and responses, and its arms in `render.rs`, `server.rs` and
//! `fault_bodies.rs`; the catalogue generates its listings. New kinds go at the end of
//! [`MarketplaceKind::all`], whose position keys their data. Adding a kind changes the generated
//! catalogue (vendor presence draws one more value per kind, and "sold everywhere" narrows), so
//! never compare against numbers taken from an older build.

mod bela;
mod bomb;
mod catalogue;
mod conn;
mod control;
mod cursor;
mod ekatalog;
mod fault_bodies;
mod fault_config;
mod faults;
mod firm;
mod index;
mod inject;
mod jatim_bejo;
mod kind;
mod ledger;
mod ledger_api;
mod listing;
mod mbiz;
mod options;
mod padi;
mod padi_text;
mod pages;
mod pools;
mod quirks;
mod regions;
mod render;
mod rng;
mod seeds;
mod server;
mod state;
mod tax_ids;
mod text;
mod truth;
mod vendors;

#[cfg(test)]
mod api_tests;
#[cfg(test)]
mod ekatalog_tests;
#[cfg(test)]
mod fault_mode_tests;
#[cfg(test)]
mod fault_tests;
#[cfg(test)]
mod padi_tests;
#[cfg(test)]
mod tests;

pub use catalogue::Catalogue;
pub use fault_config::FaultConfig;
pub use faults::{FaultMode, Faults};
pub use kind::{MarketplaceKind, UnknownMarketplace};
pub use ledger::{
    KEDIRI_JATIM_BEJO_2022, LedgerEntry, LedgerPayment, LedgerStatus, TruthEntry, YEARS as LEDGER_YEARS, ledger_truth,
    target as ledger_target,
};
pub use options::SandboxOptions;
pub use quirks::{Quirks, TotalQuirk};
pub use seeds::search_phrases;
pub use server::{RunningSandbox, router, spawn, spawn_all};
pub use state::SandboxState;
pub use truth::{Truth, TruthListing, TruthVendor, TruthVendors};
