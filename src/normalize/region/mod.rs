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

mod resolve;
mod table;
#[cfg(test)]
mod tests;

pub use resolve::resolve;

/// The administrative level of a [`Region`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegionLevel {
    /// Provinsi (level 1), e.g. `35` Jawa Timur.
    Province,
    /// Kabupaten (regency, level 2), code suffix `01`–`69`, e.g. `35.06`.
    Regency,
    /// Kota (city, level 2), code suffix `70`–`99`, e.g. `35.71`.
    City,
}

/// One province, regency or city from the embedded Kemendagri table.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Region {
    /// Kemendagri code with a dot: `"35"` for a province, `"35.71"` for a
    /// regency or city.
    pub code: &'static str,
    /// Display name. Provinces use the table's name (`"Jawa Timur"`,
    /// `"DKI Jakarta"`, `"DI Yogyakarta"`); regencies are prefixed with
    /// `"Kabupaten "` and cities with `"Kota "` (`"Kabupaten Kediri"`,
    /// `"Kota Kediri"`). The six DKI Jakarta units carry their official
    /// form, `"Kota Administrasi Jakarta Selatan"` and `"Kabupaten
    /// Administrasi Kepulauan Seribu"`.
    pub name: &'static str,
    /// The name without any Kabupaten/Kota prefix, as in the source table
    /// (`"Kediri"`, `"Jakarta Selatan"`, `"Jawa Timur"`).
    pub short_name: &'static str,
    /// Province, regency or city.
    pub level: RegionLevel,
    /// Code of the province this region belongs to (`"35"`); a province's
    /// own code for a province.
    pub province_code: &'static str,
}

impl Region {
    /// The BPS style of the code: the same digits without the dot
    /// (`"3571"`, or `"35"` for a province).
    pub fn bps_code(&self) -> String {
        self.code.replace('.', "")
    }
}

/// The outcome of [`resolve`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Exactly one region matches.
    Found(&'static Region),
    /// Several regions match (at least two, ordered by code); the caller must
    /// pick one with more context or flag the value as ambiguous.
    Ambiguous(Vec<&'static Region>),
    /// Nothing matches.
    NotFound,
}

impl Resolution {
    /// The region when exactly one matched, otherwise `None`.
    pub fn found(&self) -> Option<&'static Region> {
        match self {
            Self::Found(region) => Some(region),
            Self::Ambiguous(_) | Self::NotFound => None,
        }
    }

    /// Every matching region: one for [`Resolution::Found`], all candidates
    /// for [`Resolution::Ambiguous`], none for [`Resolution::NotFound`].
    pub fn candidates(&self) -> Vec<&'static Region> {
        match self {
            Self::Found(region) => vec![*region],
            Self::Ambiguous(regions) => regions.clone(),
            Self::NotFound => Vec::new(),
        }
    }
}

/// Every region in code order: each province is followed by its regencies
/// and cities. 552 rows (38 provinces, 416 regencies, 98 cities).
pub fn all() -> &'static [Region] {
    table::regions()
}

/// Looks a region up by code: Kemendagri `"35.71"`, BPS `"3571"`, or a
/// province `"35"`. Surrounding whitespace is ignored. Codes that no longer
/// exist return `None` (see [`by_legacy_code`] for renumbered ones).
pub fn by_code(code: &str) -> Option<&'static Region> {
    table::by_code(code)
}

/// Maps a code retired when Papua Barat Daya was created (Kepmendagri
/// 100.1.1-6117/2022, e.g. `"92.01"` Sorong) to its current region
/// (`96.01`). Codes that were not renumbered return `None`.
pub fn by_legacy_code(code: &str) -> Option<&'static Region> {
    table::by_legacy_code(code)
}

/// The province a region belongs to; for a province, the province itself.
/// `None` only for a hand-built [`Region`] whose `province_code` is unknown.
pub fn province_of(region: &Region) -> Option<&'static Region> {
    table::by_code(region.province_code).filter(|p| p.level == RegionLevel::Province)
}
