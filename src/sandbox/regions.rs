//! The regions vendors live in (Kemendagri codes, Kepmendagri 300.2.2-2138/2025): all of Jawa
//! Timur, where Jatim Bejo sells, and a few large cities elsewhere for national marketplaces.
//! Each marketplace spells them its own way; the bare forms (`Kediri`) are deliberately ambiguous.

use super::rng::Rng;

/// A regency (kabupaten) or city (kota).
#[derive(Debug)]
pub(crate) struct Region {
    pub(crate) code: &'static str,
    pub(crate) kota: bool,
    pub(crate) name: &'static str,
    /// How many vendors settle there relative to other regions.
    weight: u32,
}

const fn kab(code: &'static str, name: &'static str, weight: u32) -> Region {
    Region { code, kota: false, name, weight }
}

const fn kota(code: &'static str, name: &'static str, weight: u32) -> Region {
    Region { code, kota: true, name, weight }
}

#[rustfmt::skip]
pub(crate) const REGIONS: &[Region] = &[
    kab("35.01", "Pacitan", 1), kab("35.02", "Ponorogo", 1), kab("35.03", "Trenggalek", 1),
    kab("35.04", "Tulungagung", 2), kab("35.05", "Blitar", 2), kab("35.06", "Kediri", 3),
    kab("35.07", "Malang", 4), kab("35.08", "Lumajang", 1), kab("35.09", "Jember", 3),
    kab("35.10", "Banyuwangi", 2), kab("35.11", "Bondowoso", 1), kab("35.12", "Situbondo", 1),
    kab("35.13", "Probolinggo", 1), kab("35.14", "Pasuruan", 2), kab("35.15", "Sidoarjo", 8),
    kab("35.16", "Mojokerto", 2), kab("35.17", "Jombang", 2), kab("35.18", "Nganjuk", 1),
    kab("35.19", "Madiun", 1), kab("35.20", "Magetan", 1), kab("35.21", "Ngawi", 1),
    kab("35.22", "Bojonegoro", 2), kab("35.23", "Tuban", 1), kab("35.24", "Lamongan", 2),
    kab("35.25", "Gresik", 5), kab("35.26", "Bangkalan", 1), kab("35.27", "Sampang", 1),
    kab("35.28", "Pamekasan", 1), kab("35.29", "Sumenep", 1),
    kota("35.71", "Kediri", 4), kota("35.72", "Blitar", 2), kota("35.73", "Malang", 8),
    kota("35.74", "Probolinggo", 1), kota("35.75", "Pasuruan", 1), kota("35.76", "Mojokerto", 2),
    kota("35.77", "Madiun", 2), kota("35.78", "Surabaya", 20), kota("35.79", "Batu", 1),
    kota("31.71", "Jakarta Pusat", 3), kota("31.73", "Jakarta Barat", 3), kota("31.74", "Jakarta Selatan", 4),
    kota("31.75", "Jakarta Timur", 2), kota("32.73", "Bandung", 3), kota("32.75", "Bekasi", 2),
    kab("32.16", "Bekasi", 2), kota("33.74", "Semarang", 3), kota("34.71", "Yogyakarta", 2),
    kota("36.71", "Tangerang", 2), kota("51.71", "Denpasar", 1), kota("73.71", "Makassar", 1),
    kota("12.71", "Medan", 1),
];

/// Index of the region with Kemendagri `code`; the seed tables only name codes that exist.
pub(crate) fn by_code(code: &str) -> usize {
    REGIONS.iter().position(|r| r.code == code).expect("seed vendors only name regions listed in REGIONS")
}

/// A region by weight, anywhere.
pub(crate) fn pick(rng: &mut Rng) -> usize {
    let weights: Vec<u32> = REGIONS.iter().map(|r| r.weight).collect();
    rng.weighted(&weights)
}

/// A region by weight, in Jawa Timur.
pub(crate) fn pick_jatim(rng: &mut Rng) -> usize {
    let weights: Vec<u32> = REGIONS.iter().map(|r| if r.code.starts_with("35.") { r.weight } else { 0 }).collect();
    rng.weighted(&weights)
}

/// A plausible 3-digit tax office (KPP) code: Jawa Timur's offices are 6xx.
pub(crate) fn tax_office(region: usize, rng: &mut Rng) -> String {
    let first = match &REGIONS[region].code[..2] {
        "35" => 6,
        "31" => 0,
        "32" | "36" => 4,
        "33" | "34" => 5,
        _ => 9,
    };
    format!("{first}{:02}", rng.range(1, 59))
}

/// How a marketplace spells a region.
#[derive(Debug, Clone, Copy)]
pub(crate) enum CityStyle {
    /// `Kab. Kediri`, `Kota Kediri`
    Short,
    /// `KAB. KEDIRI`, `KOTA KEDIRI`
    Upper,
    /// `Kediri` — ambiguous where a kabupaten and a kota share the name.
    Bare,
    /// `Kabupaten Kediri`, `Kota Kediri`
    Long,
    /// `Kediri (Kab.)`, `Kediri (Kota)`: the kind after the name, as PaDi UMKM writes it.
    Suffix,
}

impl Region {
    /// The region's name in `style`.
    pub(crate) fn label(&self, style: CityStyle) -> String {
        let (short, long) = if self.kota { ("Kota", "Kota") } else { ("Kab.", "Kabupaten") };
        match style {
            CityStyle::Short => format!("{short} {}", self.name),
            CityStyle::Upper => format!("{short} {}", self.name).to_uppercase(),
            CityStyle::Bare => self.name.to_owned(),
            CityStyle::Long => format!("{long} {}", self.name),
            CityStyle::Suffix => format!("{} ({short})", self.name),
        }
    }
}
