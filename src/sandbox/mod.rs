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
//!
//! Outside the simulated API, `/_sandbox/` holds the knobs and the answers: `faults` (GET/PUT),
//! `stats` (GET/DELETE), `truth` (which listings are the same master product and vendor entity)
//! and `vendors` (the accounts behind the sellers). [`spawn`] serves one marketplace on a socket;
//! [`router`] gives the same app for in-process use.
//!
//! Adding a marketplace: a [`MarketplaceKind`] variant (with its arms below), a module rendering
//! titles and responses, and its arms in `server.rs` and `state.rs`; the catalogue generates its
//! listings. New kinds go at the end of [`MarketplaceKind::all`], whose position keys their data.
//! Adding a kind changes the generated catalogue (vendor presence draws one more value per kind,
//! and "sold everywhere" narrows), so never compare against numbers taken from an older build.

mod bomb;
mod catalogue;
mod conn;
mod control;
mod cursor;
mod ekatalog;
mod fault_config;
mod faults;
mod index;
mod inject;
mod jatim_bejo;
mod mbiz;
mod padi;
mod padi_text;
mod pools;
mod regions;
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

use std::fmt;
use std::str::FromStr;

pub use catalogue::Catalogue;
pub use fault_config::FaultConfig;
pub use faults::{FaultMode, Faults};
pub use server::{RunningSandbox, router, spawn, spawn_all};
pub use state::SandboxState;
pub use truth::{Truth, TruthListing, TruthVendor, TruthVendors};

/// The simulated marketplaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarketplaceKind {
    /// Mbizmarket, the commercial B2B marketplace (English JSON, prices including PPN).
    Mbiz,
    /// Jatim Bejo, Jawa Timur's regional e-purchasing (Indonesian JSON, prices excluding PPN).
    JatimBejo,
    /// LKPP Katalog Elektronik v6 (API key, offset paging, decimal-string prices excluding PPN).
    Ekatalog,
    /// PaDi UMKM, BUMN buying from UMKM (cursor paging, English-style and compact price text).
    PadiUmkm,
}

impl MarketplaceKind {
    /// Every kind, in catalogue order.
    pub fn all() -> &'static [Self] {
        &[Self::Mbiz, Self::JatimBejo, Self::Ekatalog, Self::PadiUmkm]
    }

    /// The marketplace id: `mbiz`, `jatim-bejo`, `ekatalog`, `padi-umkm`.
    pub const fn id(self) -> &'static str {
        match self {
            Self::Mbiz => "mbiz",
            Self::JatimBejo => "jatim-bejo",
            Self::Ekatalog => "ekatalog",
            Self::PadiUmkm => "padi-umkm",
        }
    }

    /// Position in [`MarketplaceKind::all`]; keys the catalogue's per-marketplace data.
    pub(crate) const fn index(self) -> usize {
        match self {
            Self::Mbiz => 0,
            Self::JatimBejo => 1,
            Self::Ekatalog => 2,
            Self::PadiUmkm => 3,
        }
    }

    /// Chance in percent that a vendor has an account here: Jatim Bejo is for Jawa Timur, PaDi
    /// UMKM for micro, small and medium businesses.
    pub(crate) const fn vendor_presence_percent(self, in_jawa_timur: bool, scale: vendors::Scale) -> u64 {
        use vendors::Scale;
        match (self, in_jawa_timur, scale) {
            (Self::Mbiz, true, _) => 80,
            (Self::Mbiz, false, _) => 100,
            (Self::JatimBejo, true, _) => 85,
            (Self::JatimBejo, false, _) => 0,
            (Self::Ekatalog, _, Scale::Mikro) => 55,
            (Self::Ekatalog, _, _) => 80,
            (Self::PadiUmkm, _, Scale::Besar) => 0,
            (Self::PadiUmkm, _, Scale::Mikro | Scale::Kecil) => 80,
            (Self::PadiUmkm, _, Scale::Menengah) => 65,
        }
    }

    /// The marketplace's id for listing `index` (0-based).
    pub(crate) fn listing_id(self, index: usize) -> String {
        match self {
            Self::Mbiz => mbiz::listing_id(index),
            Self::JatimBejo => jatim_bejo::listing_id(index),
            Self::Ekatalog => ekatalog::listing_id(index),
            Self::PadiUmkm => padi::listing_id(index),
        }
    }

    /// The marketplace's id for the seller account numbered `number` (1-based).
    pub(crate) fn account_id(self, number: usize) -> String {
        match self {
            Self::Mbiz => mbiz::account_id(number),
            Self::JatimBejo => jatim_bejo::account_id(number),
            Self::Ekatalog => ekatalog::account_id(number),
            Self::PadiUmkm => padi::account_id(number),
        }
    }

    /// The listing's title as this marketplace words it.
    pub(crate) fn title(self, view: &catalogue::ListingView<'_>) -> String {
        match self {
            Self::Mbiz => mbiz::title(view),
            Self::JatimBejo => jatim_bejo::title(view),
            Self::Ekatalog => ekatalog::title(view),
            Self::PadiUmkm => padi_text::title(view),
        }
    }

    /// The pack price excluding PPN this marketplace lists, from the catalogue's `price`: PaDi
    /// UMKM rounds the listings it shows in compact form (`"1,25 jt"`) to what the text can say.
    pub(crate) fn listed_price(self, price: u64, listing: &catalogue::Listing, vendor: &vendors::Vendor) -> u64 {
        match self {
            Self::PadiUmkm if padi_text::shows_compact(listing, vendor) => padi_text::compact_round(price),
            Self::Mbiz | Self::JatimBejo | Self::Ekatalog | Self::PadiUmkm => price,
        }
    }
}

impl fmt::Display for MarketplaceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A marketplace id that names no sandbox.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown sandbox marketplace {0:?}; expected one of: mbiz, jatim-bejo, ekatalog, padi-umkm")]
pub struct UnknownMarketplace(pub String);

impl FromStr for MarketplaceKind {
    type Err = UnknownMarketplace;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::all()
            .iter()
            .copied()
            .find(|k| k.id().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownMarketplace(s.to_owned()))
    }
}

/// How to build and serve the sandboxes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SandboxOptions {
    /// Listings per marketplace.
    pub products: usize,
    /// Catalogue seed: the same seed and size give the same catalogue.
    pub seed: u64,
    /// Bearer token `mbiz` requires.
    pub mbiz_token: String,
    /// API key `ekatalog` requires in its `X-Api-Key` header.
    pub ekatalog_key: String,
}

impl Default for SandboxOptions {
    fn default() -> Self {
        Self {
            products: 10_000,
            seed: 42,
            mbiz_token: "sandbox-mbiz-token".to_owned(),
            ekatalog_key: "sandbox-ekatalog-key".to_owned(),
        }
    }
}
