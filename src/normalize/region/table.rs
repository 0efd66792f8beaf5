//! The embedded region table, its code index and the alias lists.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{Region, RegionLevel};

/// `code,parent_code,level,kind,name`, one header line, then 552 rows.
const CSV: &str = include_str!("regions.csv");

/// One parsed CSV row; every string borrows from [`CSV`].
struct Row {
    code: &'static str,
    province_code: &'static str,
    level: RegionLevel,
    short_name: &'static str,
}

/// Codes of the DKI Jakarta units whose official names carry "Administrasi".
const ADMINISTRATIVE: [&str; 6] = ["31.01", "31.71", "31.72", "31.73", "31.74", "31.75"];

/// Codes retired in 2022 when Papua Barat Daya (96) was split off Papua
/// Barat (92), with their current codes (SOURCE.md, "Notes").
const LEGACY_CODES: [(&str, &str); 6] = [
    ("92.01", "96.01"),
    ("92.04", "96.02"),
    ("92.05", "96.03"),
    ("92.09", "96.04"),
    ("92.10", "96.05"),
    ("92.71", "96.71"),
];

/// Extra names for provinces: common abbreviations and the long official
/// forms. (The "Sumatra" spelling and "Kep." need no entry: the tokenizer
/// reads them as "Sumatera" and "Kepulauan".)
pub(super) const PROVINCE_ALIASES: &[(&str, &[&str])] = &[
    ("11", &["NAD", "Nanggroe Aceh Darussalam"]),
    ("12", &["Sumut"]),
    ("13", &["Sumbar"]),
    ("16", &["Sumsel"]),
    ("19", &["Babel", "Bangka Belitung"]),
    ("21", &["Kepri"]),
    ("31", &["DKI", "Jakarta", "Daerah Khusus Ibukota Jakarta", "Daerah Khusus Jakarta"]),
    ("32", &["Jabar"]),
    ("33", &["Jateng"]),
    ("34", &["DIY", "Yogyakarta", "Daerah Istimewa Yogyakarta"]),
    ("35", &["Jatim"]),
    ("52", &["NTB"]),
    ("53", &["NTT"]),
    ("61", &["Kalbar"]),
    ("62", &["Kalteng"]),
    ("63", &["Kalsel"]),
    ("64", &["Kaltim"]),
    ("65", &["Kaltara"]),
    ("71", &["Sulut"]),
    ("72", &["Sulteng"]),
    ("73", &["Sulsel"]),
    ("74", &["Sultra"]),
    ("76", &["Sulbar"]),
    ("82", &["Malut"]),
];

/// Extra names for regencies and cities that the tokenizer cannot derive.
/// Spacing and hyphen variants (Bau Bau/Baubau, Toli-Toli/Tolitoli,
/// Palangka Raya/Palangkaraya, …) need no entry: names are compared with
/// spaces and punctuation removed.
pub(super) const REGION_ALIASES: &[(&str, &[&str])] = &[
    ("12.12", &["Toba Samosir"]), // renamed to Toba in 2020
    ("12.77", &["Padang Sidempuan"]),
    ("13.07", &["50 Kota"]),
    ("13.09", &["Mentawai"]),
    ("14.10", &["Meranti"]),
    ("21.05", &["Anambas"]),
    ("31.71", &["Jakpus"]),
    ("31.72", &["Jakut"]),
    ("31.73", &["Jakbar"]),
    ("31.74", &["Jaksel"]),
    ("31.75", &["Jaktim"]),
    ("71.03", &["Sangihe"]),
    ("71.04", &["Talaud"]),
    ("71.09", &["Sitaro"]),
    ("73.01", &["Selayar"]),
    ("73.10", &["Pangkep", "Pangkajene Kepulauan"]),
    ("81.03", &["Tanimbar", "Maluku Tenggara Barat"]), // renamed in 2019
    ("81.07", &["Aru"]),
    ("82.05", &["Sula"]),
    ("82.72", &["Tidore"]),
    ("91.05", &["Yapen"]),
];

static ROWS: LazyLock<Vec<Row>> = LazyLock::new(|| CSV.lines().skip(1).filter_map(parse_row).collect());

static DISPLAY_NAMES: LazyLock<Vec<String>> = LazyLock::new(|| ROWS.iter().map(display_name).collect());

static REGIONS: LazyLock<Vec<Region>> = LazyLock::new(|| {
    let names: &'static Vec<String> = LazyLock::force(&DISPLAY_NAMES);
    ROWS.iter()
        .zip(names)
        .map(|(row, name)| Region {
            code: row.code,
            name: name.as_str(),
            short_name: row.short_name,
            level: row.level,
            province_code: row.province_code,
        })
        .collect()
});

static BY_CODE: LazyLock<HashMap<&'static str, &'static Region>> =
    LazyLock::new(|| regions().iter().map(|r| (r.code, r)).collect());

/// Parses one CSV line; malformed lines are skipped (the tests pin the row
/// count, so a bad edit of the CSV fails loudly there, never at runtime).
fn parse_row(line: &'static str) -> Option<Row> {
    let mut fields = line.split(',');
    let code = fields.next()?.trim();
    let parent = fields.next()?.trim();
    let _level = fields.next()?;
    let kind = fields.next()?.trim();
    let short_name = fields.next()?.trim();
    if fields.next().is_some() || short_name.is_empty() || canonical_code(code) != Some(code) {
        return None;
    }
    let (level, province_code) = match kind {
        "provinsi" => (RegionLevel::Province, code),
        "kabupaten" => (RegionLevel::Regency, parent),
        "kota" => (RegionLevel::City, parent),
        _ => return None,
    };
    Some(Row { code, province_code, level, short_name })
}

fn display_name(row: &Row) -> String {
    let administrative = ADMINISTRATIVE.contains(&row.code);
    let prefix = match (row.level, administrative) {
        (RegionLevel::Province, _) => return row.short_name.to_owned(),
        (RegionLevel::Regency, false) => "Kabupaten",
        (RegionLevel::Regency, true) => "Kabupaten Administrasi",
        (RegionLevel::City, false) => "Kota",
        (RegionLevel::City, true) => "Kota Administrasi",
    };
    format!("{prefix} {}", row.short_name)
}

/// All regions in CSV (code) order.
pub(super) fn regions() -> &'static [Region] {
    &REGIONS
}

/// Returns the dotted form of a code written `"35"`, `"35.71"` or `"3571"`,
/// or `None` if `code` has another shape. Allocation-free for dotted input.
fn canonical_code(code: &str) -> Option<&str> {
    let bytes = code.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    match bytes.len() {
        2 if digits(0..2) => Some(code),
        5 if digits(0..2) && bytes[2] == b'.' && digits(3..5) => Some(code),
        _ => None,
    }
}

/// Looks up a dotted (`"35.71"`, `"35"`) or BPS (`"3571"`) code.
pub(super) fn by_code(code: &str) -> Option<&'static Region> {
    let code = code.trim();
    if code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit()) {
        // Both halves are ASCII digits, so slicing at byte 2 is safe.
        let dotted = format!("{}.{}", &code[..2], &code[2..]);
        return BY_CODE.get(dotted.as_str()).copied();
    }
    canonical_code(code).and_then(|c| BY_CODE.get(c).copied())
}

/// Maps a retired code (either style) to its current region.
pub(super) fn by_legacy_code(code: &str) -> Option<&'static Region> {
    let code = code.trim();
    LEGACY_CODES.iter().find(|(old, _)| *old == code || old.replace('.', "") == code).and_then(|(_, new)| by_code(new))
}

/// Whether `text` looks like a code (digits, optionally one dot) rather than
/// a name.
pub(super) fn looks_like_code(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.bytes().any(|b| b.is_ascii_digit())
        && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}
