//! Pack sizes: how many base units an offer's price buys.
//!
//! Marketplaces state the pack in a unit field (`"Rim"`, `"Lusin"`), in the title
//! (`"box isi 12"`, `"dus 24 botol"`, `"(500 lbr)"`, `"Box 5 Rim"`), or both. Reading it lets a
//! rim and a box of five rim be compared per sheet.

use crate::model::Unit;
use rust_decimal::Decimal;

/// Packs whose size is fixed by their name.
const FIXED_PACKS: &[(&str, &str, u32)] =
    &[("rim", "lembar", 500), ("lusin", "pcs", 12), ("kodi", "pcs", 20), ("gross", "pcs", 144), ("gros", "pcs", 144)];

/// Words for one countable thing, mapped to the base unit name used across marketplaces.
const BASE_UNITS: &[(&str, &str)] = &[
    ("lembar", "lembar"),
    ("lbr", "lembar"),
    ("sheet", "lembar"),
    ("sheets", "lembar"),
    ("botol", "botol"),
    ("btl", "botol"),
    ("pcs", "pcs"),
    ("pc", "pcs"),
    ("buah", "pcs"),
    ("bh", "pcs"),
    ("unit", "unit"),
    ("sachet", "sachet"),
    ("kotak", "kotak"),
    ("porsi", "porsi"),
    ("galon", "galon"),
    ("stel", "stel"),
    ("kg", "kg"),
    ("hari", "hari"),
    ("m2", "m2"),
];

/// Words for a container holding several base units.
const CONTAINERS: &[&str] =
    &["box", "dus", "karton", "pak", "pack", "pax", "bungkus", "set", "kotak", "isi", "pak/isi"];

/// Reads the pack from the unit field and the title.
pub fn parse_unit(unit_field: Option<&str>, title: &str) -> Unit {
    let field = unit_field.map(str::trim).filter(|u| !u.is_empty()).map(str::to_lowercase);
    let name = field.clone().unwrap_or_else(|| "unit".to_string());
    let title_words = words(title);
    if let Some((base, quantity)) = from_title(&title_words) {
        return Unit { name, base_unit: Some(base.to_string()), quantity: Decimal::from(quantity) };
    }
    let field_words = words(field.as_deref().unwrap_or_default());
    if let Some((base, quantity)) = from_title(&field_words) {
        return Unit { name, base_unit: Some(base.to_string()), quantity: Decimal::from(quantity) };
    }
    let base = field_words.first().and_then(|w| base_unit(w)).map(str::to_string);
    Unit { name, base_unit: base, quantity: Decimal::ONE }
}

/// Lowercase words and numbers, with digits split from letters (`"5rim"` → `5`, `rim`).
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut digits = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let is_digit = c.is_ascii_digit();
        let is_word = c.is_alphanumeric() || c == '/';
        if (!is_word || is_digit != digits) && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if is_word {
            current.push(c);
            digits = is_digit;
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn number(word: &str) -> Option<u32> {
    word.parse().ok().filter(|n| (1..=100_000).contains(n))
}

fn base_unit(word: &str) -> Option<&'static str> {
    BASE_UNITS.iter().find(|(w, _)| *w == word).map(|(_, base)| *base)
}

fn fixed_pack(word: &str) -> Option<(&'static str, u32)> {
    FIXED_PACKS.iter().find(|(w, _, _)| *w == word).map(|(_, base, size)| (*base, *size))
}

/// The first pack statement in the words, most specific patterns first.
fn from_title(words: &[String]) -> Option<(&'static str, u32)> {
    counted_fixed_pack(words).or_else(|| counted_base_units(words)).or_else(|| container_count(words))
}

/// `"5 rim"`, `"1 lusin"`, `"rim"` alone.
fn counted_fixed_pack(words: &[String]) -> Option<(&'static str, u32)> {
    words.iter().enumerate().find_map(|(i, w)| {
        let (base, size) = fixed_pack(w)?;
        let count = i.checked_sub(1).and_then(|j| number(&words[j])).unwrap_or(1);
        Some((base, size.checked_mul(count)?))
    })
}

/// `"500 lbr"`, `"24 botol"`, `"isi 12 pcs"`; skips measures (`"600 ml"`).
fn counted_base_units(words: &[String]) -> Option<(&'static str, u32)> {
    words.windows(2).find_map(|pair| {
        let n = number(&pair[0])?;
        let base = base_unit(&pair[1])?;
        // "1 unit", "1 kg": the pack is one of them, which the unit field already says.
        (n > 1 || !matches!(base, "unit" | "kg" | "hari" | "m2")).then_some((base, n))
    })
}

/// `"box isi 12"`, `"dus 24"`, `"pak 100"`: a container and a count of unnamed pieces.
fn container_count(words: &[String]) -> Option<(&'static str, u32)> {
    words.iter().enumerate().find_map(|(i, w)| {
        if !CONTAINERS.contains(&w.as_str()) {
            return None;
        }
        let mut next = words.get(i + 1)?.as_str();
        let mut offset = 1;
        if next == "isi" {
            offset = 2;
            next = words.get(i + 2)?.as_str();
        }
        let n = number(next)?;
        match words.get(i + offset + 1) {
            // "box isi 12" at the end: twelve pieces.
            None => Some(("pcs", n)),
            Some(word) => match base_unit(word) {
                Some(base) => Some((base, n)),
                // "Karton isi 40 Box", "isi 3 Kue": a count of things whose size is not stated
                // here; no pack size beats a wrong one.
                None => None,
            },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn case(field: Option<&str>, title: &str) -> (Option<String>, Decimal) {
        let unit = parse_unit(field, title);
        (unit.base_unit, unit.quantity)
    }

    #[test]
    fn packs_are_read_from_unit_fields_and_titles() {
        let cases: &[(Option<&str>, &str, Option<&str>, Decimal)] = &[
            (Some("Rim"), "Kertas HVS A4 80gsm Sinar Dunia", Some("lembar"), dec!(500)),
            (Some("rim"), "Kertas HVS A4 80 gsm 1 rim", Some("lembar"), dec!(500)),
            (Some("box"), "Kertas HVS A4 80gsm Box 5 Rim", Some("lembar"), dec!(2500)),
            (None, "SIDU HVS A4 80 gr (500 lbr)", Some("lembar"), dec!(500)),
            (Some("Dus"), "Air Mineral 600 ml dus 24 botol", Some("botol"), dec!(24)),
            (Some("box"), "Ballpoint hitam 0,5 mm box isi 12", Some("pcs"), dec!(12)),
            (Some("Pak"), "Amplop coklat kabinet pak 100", Some("pcs"), dec!(100)),
            (Some("Lusin"), "Ballpoint Standard AE7 hitam", Some("pcs"), dec!(12)),
            (None, "Ballpoint Standard AE7 2 lusin", Some("pcs"), dec!(24)),
            (Some("Kodi"), "Kain seragam", Some("pcs"), dec!(20)),
            (Some("gross"), "Klip kertas No. 3", Some("pcs"), dec!(144)),
            (Some("Box"), "Masker medis 3-ply isi 50 pcs", Some("pcs"), dec!(50)),
            (Some("unit"), "Laptop Core i5 16GB 512GB", Some("unit"), dec!(1)),
            (Some("Kg"), "Gula pasir 1 kg", Some("kg"), dec!(1)),
            (Some("Galon"), "Air mineral galon 19 L", Some("galon"), dec!(1)),
            (None, "Tinta Epson 003 70 ml hitam", None, dec!(1)),
            (Some("pcs"), "Flashdisk 64GB", Some("pcs"), dec!(1)),
            (Some("box isi 12"), "Pulpen", Some("pcs"), dec!(12)),
            (Some("Karton"), "Masker Medis Sensi 3 Ply Hijau Karton isi 40 Box", None, dec!(1)),
            (Some("karton"), "Masker Medis Sensi 3 Ply 1 Karton (40 Box)", None, dec!(1)),
            (Some("kotak"), "Snack Box Rapat Isi 3 Kue + Air Mineral", Some("kotak"), dec!(1)),
            (Some("Rim"), "HVS A4 5rim", Some("lembar"), dec!(2500)),
        ];
        for (field, title, base, quantity) in cases {
            assert_eq!(case(*field, title), (base.map(str::to_string), *quantity), "{field:?} / {title}");
        }
    }

    #[test]
    fn the_unit_name_is_kept_as_the_marketplace_wrote_it_lowercased() {
        assert_eq!(parse_unit(Some(" Rim "), "x").name, "rim");
        assert_eq!(parse_unit(None, "x").name, "unit");
    }

    #[test]
    fn absurd_counts_are_not_taken_as_pack_sizes() {
        assert_eq!(case(None, "box isi 99999999999"), (None, dec!(1)));
        assert_eq!(case(None, "0 lembar"), (None, dec!(1)));
    }
}
