//! Table, code and robustness tests; spelling tests live in `tests/spelling.rs`.

mod spelling;

use super::*;
use table::{by_legacy_code, regions as all};

/// The BPS style of a code: the same digits without the dot (`"3571"`).
fn bps_code(region: &Region) -> String {
    region.code.replace('.', "")
}

/// The region when exactly one matched.
fn found(resolution: &Resolution) -> Option<&'static Region> {
    match resolution {
        Resolution::Found(region) => Some(region),
        Resolution::Ambiguous(_) | Resolution::NotFound => None,
    }
}

/// The code `text` resolves to, or a description of why it did not.
fn code_of(text: &str) -> String {
    match resolve(text) {
        Resolution::Found(region) => region.code.to_owned(),
        other => format!("{other:?}"),
    }
}

fn ambiguous_codes(text: &str) -> Vec<&'static str> {
    match resolve(text) {
        Resolution::Ambiguous(regions) => regions.iter().map(|r| r.code).collect(),
        other => panic!("{text:?} should be ambiguous, got {other:?}"),
    }
}

fn assert_resolves(cases: &[(&str, &str)]) {
    for (text, code) in cases {
        assert_eq!(code_of(text), *code, "resolving {text:?}");
    }
}

#[test]
fn the_table_has_38_provinces_416_regencies_and_98_cities() {
    let count = |level| all().iter().filter(|r| r.level == level).count();
    assert_eq!(count(RegionLevel::Province), 38);
    assert_eq!(count(RegionLevel::Regency), 416);
    assert_eq!(count(RegionLevel::City), 98);
    assert_eq!(all().len(), 552);
}

#[test]
fn every_row_is_found_by_its_dotted_and_bps_code() {
    for region in all() {
        assert_eq!(by_code(region.code), Some(region));
        assert_eq!(by_code(&bps_code(region)), Some(region));
        assert_eq!(resolve(region.code), Resolution::Found(region));
        assert_eq!(resolve(&bps_code(region)), Resolution::Found(region));
    }
}

#[test]
fn every_row_has_a_consistent_level_province_and_display_name() {
    for region in all() {
        let province = province_of(region).expect("every region has a province");
        assert_eq!(province.level, RegionLevel::Province);
        assert!(region.code.starts_with(province.code));
        let suffix: u8 = region.code.get(3..).map_or(0, |s| s.parse().unwrap_or(0));
        let expected = match region.level {
            RegionLevel::Province => String::from(region.short_name),
            RegionLevel::Regency => {
                assert!((1..70).contains(&suffix), "{}", region.code);
                format!("Kabupaten {}", region.short_name)
            }
            RegionLevel::City => {
                assert!(suffix >= 70, "{}", region.code);
                format!("Kota {}", region.short_name)
            }
        };
        if region.province_code != "31" {
            assert_eq!(region.name, expected);
        }
    }
}

#[test]
fn every_regency_and_city_resolves_by_its_display_name_and_abbreviated_prefix() {
    for region in all().iter().filter(|r| r.level != RegionLevel::Province) {
        let short = region.short_name;
        let abbreviated = match region.level {
            RegionLevel::Regency => format!("Kab. {short}"),
            _ => format!("Kota {short}"),
        };
        for text in [region.name.to_owned(), abbreviated.to_uppercase(), abbreviated] {
            assert_eq!(resolve(&text), Resolution::Found(region), "{text:?}");
        }
    }
}

#[test]
fn every_province_resolves_by_its_name_with_or_without_the_provinsi_prefix() {
    for region in all().iter().filter(|r| r.level == RegionLevel::Province) {
        let prefixed = format!("Provinsi {}", region.name);
        assert_eq!(resolve(&prefixed), Resolution::Found(region));
        assert!(resolve(region.name).candidates().contains(&region));
    }
}

#[test]
fn a_bare_name_resolves_when_unique_and_is_ambiguous_between_same_named_regions() {
    for region in all() {
        let resolution = resolve(region.short_name);
        let candidates = resolution.candidates();
        assert!(candidates.contains(&region), "{}", region.short_name);
        for other in &candidates {
            let same_name = other.short_name.eq_ignore_ascii_case(region.short_name);
            let alias = other.short_name == "DI Yogyakarta" && region.short_name == "Yogyakarta";
            assert!(same_name || alias, "{} collides with {}", region.code, other.code);
        }
        if candidates.len() > 1 {
            assert!(matches!(resolution, Resolution::Ambiguous(_)));
        }
    }
    let shared = all().iter().filter(|r| found(&resolve(r.short_name)).is_none());
    let mut names: Vec<_> = shared.map(|r| r.short_name).collect();
    names.sort_unstable();
    names.dedup();
    // SOURCE.md's 26 names shared by a kabupaten and a kota (or two), plus
    // Bengkulu, Jambi and Yogyakarta, each a kota and a province.
    assert_eq!(names.len(), 26 + 3, "{names:?}");
}

#[test]
fn codes_resolve_in_dotted_bps_and_retired_form() {
    assert_resolves(&[
        ("35.71", "35.71"),
        ("3571", "35.71"),
        (" 35.06 ", "35.06"),
        ("35", "35"),
        ("92.01", "96.01"),
        ("9271", "96.71"),
    ]);
    assert_eq!(by_code("92.01"), None);
    assert_eq!(by_legacy_code("92.01").map(|r| r.code), Some("96.01"));
    assert_eq!(by_legacy_code("35.71"), None);
    for bad in ["35.7", "357", "35.710", "35..7", "3.571", "00", "99.99", ".", "35.", "١٢"] {
        assert_eq!(by_code(bad), None, "{bad:?}");
        assert_eq!(resolve(bad), Resolution::NotFound, "{bad:?}");
    }
}

/// review39n R39n-7: a vendor in `35.71.01` was REGION_UNKNOWN ("matches no Kemendagri
/// region"), though spending counts the code as Kota Kediri's own.
#[test]
fn a_kecamatan_or_kelurahan_code_resolves_to_its_kabupaten_or_kota() {
    let codes = [("35.71.01", "35.71"), ("357101", "35.71"), ("35.71.01.1001", "35.71"), ("3571011001", "35.71")];
    assert_resolves(&codes);
    assert_resolves(&[("35.01.01", "35.01")]);
    // No such kabupaten/kota, a province's own, a retired one, or not a code's shape.
    for bad in ["35.00.01", "35.01", "92.01.01", "35.71.1", "35.71.01.10", "35.71.01.1001.5", "3571011", "35.71.01."] {
        let read = found(&resolve(bad)).map(|r| r.code);
        assert!(read.is_none() || bad == "35.01", "{bad:?}: {read:?}");
    }
}

#[test]
fn province_of_a_city_is_its_province_and_of_a_province_itself() {
    let kediri = by_code("35.71").expect("Kota Kediri");
    assert_eq!(province_of(kediri).map(|p| p.name), Some("Jawa Timur"));
    let jatim = by_code("35").expect("Jawa Timur");
    assert_eq!(province_of(jatim), Some(jatim));
    let handmade = Region { province_code: "00", ..kediri.clone() };
    assert_eq!(province_of(&handmade), None);
}

#[test]
fn resolution_helpers_expose_the_match_and_the_candidates() {
    assert_eq!(found(&resolve("Surabaya")).map(|r| r.code), Some("35.78"));
    assert_eq!(resolve("Surabaya").candidates().len(), 1);
    assert_eq!(found(&resolve("Kediri")), None);
    assert_eq!(resolve("Kediri").candidates().len(), 2);
    assert!(resolve("Atlantis").candidates().is_empty());
}

#[test]
fn unknown_and_odd_text_is_not_found_and_never_panics() {
    let long = "Kediri ".repeat(1000);
    let many_words = "a ".repeat(40);
    let many_digits = "9".repeat(300);
    let odd = [
        "",
        " ",
        "\u{a0}",
        ",",
        ",,,",
        "()",
        "Kota",
        "Kab.",
        "Kabupaten",
        "Provinsi",
        "Pemerintah",
        "Pemda",
        "Kota Adm.",
        "Indonesia",
        "64111",
        "Atlantis",
        "Kota Atlantis",
        "Jawa",
        "Timur",
        "kota kota kota",
        "ß",
        "İstanbul",
        "😀 Kediri",
        "Kediri\u{0}",
        "\u{feff}",
        "🇮🇩",
        &long,
        &many_words,
        "35.71.01.1",
        "35-71",
        "-35",
        "+3571",
        &many_digits,
    ];
    for text in odd {
        let resolution = resolve(text);
        assert!(found(&resolution).is_none(), "{text:?} gave {resolution:?}");
        let _ = by_code(text);
        let _ = by_legacy_code(text);
    }
    for text in ["KeDiRi", "kediri\u{2009}", "\tKediri\n"] {
        assert_eq!(ambiguous_codes(text), ["35.06", "35.71"]);
    }
}
