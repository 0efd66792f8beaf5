//! Indonesian administrative regions (levels 1–2) and a resolver for the
//! many ways marketplaces and vendors write them.
//!
//! The table holds the 38 provinces and 514 regencies/cities of Kepmendagri
//! No 300.2.2-2138 Tahun 2025, embedded at compile time from `regions.csv`
//! (see `SOURCE.md` next to this file for provenance and the MIT licence
//! notice of the upstream data).
//!
//! * [`by_code`] looks a region up by its Kemendagri code (`"35.71"`), the BPS
//!   style of the same code (`"3571"`), or a province code (`"35"`).
//! * [`resolve`] maps free text (`"KAB. KEDIRI"`, `"Kediri (Kota)"`,
//!   `"Pemkot Kediri"`, `"Jatim"`, `"Kota Kediri, Jawa Timur"`, …) to a
//!   region. A bare name shared by several regions (`"Kediri"` is both a
//!   kabupaten and a kota) is reported as [`Resolution::Ambiguous`] and is
//!   never silently picked.
//!
//! Everything here is pure (no I/O); the table and the name index are built
//! once, on first use, and every later lookup is a few hash-map probes.

mod memo;
mod resolve;
mod table;
#[cfg(test)]
mod tests;

mod types;

pub use memo::resolve_remembered;
pub use resolve::resolve;
pub use types::{Region, RegionLevel, Resolution};

/// Looks a region up by code: Kemendagri `"35.71"`, BPS `"3571"`, or a
/// province `"35"`. Surrounding whitespace is ignored. Codes that no longer
/// exist return `None` (renumbered ones are resolved by [`resolve`]).
pub fn by_code(code: &str) -> Option<&'static Region> {
    table::by_code(code)
}

/// Every province, regency and city of the table, in code order (a province before its
/// regencies and cities), for a buyer to pick from.
pub fn all() -> &'static [Region] {
    table::regions()
}

/// The province a region belongs to; for a province, the province itself.
/// `None` only for a hand-built [`Region`] whose `province_code` is unknown.
pub fn province_of(region: &Region) -> Option<&'static Region> {
    table::by_code(region.province_code).filter(|p| p.level == RegionLevel::Province)
}
