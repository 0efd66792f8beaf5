use super::table::{PROVINCE_ALIASES, REGION_ALIASES};
use super::*;

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
        assert_eq!(by_code(&region.bps_code()), Some(region));
        assert_eq!(resolve(region.code), Resolution::Found(region));
        assert_eq!(resolve(&region.bps_code()), Resolution::Found(region));
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
        for text in [
            region.name.to_owned(),
            abbreviated.to_uppercase(),
            abbreviated,
        ] {
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
            assert!(
                same_name || alias,
                "{} collides with {}",
                region.code,
                other.code
            );
        }
        if candidates.len() > 1 {
            assert!(matches!(resolution, Resolution::Ambiguous(_)));
        }
    }
    let shared = all()
        .iter()
        .filter(|r| resolve(r.short_name).found().is_none());
    let mut names: Vec<_> = shared.map(|r| r.short_name).collect();
    names.sort_unstable();
    names.dedup();
    // SOURCE.md's 26 names shared by a kabupaten and a kota (or two), plus
    // Bengkulu, Jambi and Yogyakarta, each a kota and a province.
    assert_eq!(names.len(), 26 + 3, "{names:?}");
}

#[test]
fn kediri_in_all_its_spellings_resolves_to_the_kota_or_the_kabupaten() {
    assert_resolves(&[
        ("Kota Kediri", "35.71"),
        ("KOTA KEDIRI", "35.71"),
        ("Kediri (Kota)", "35.71"),
        ("Pemkot Kediri", "35.71"),
        ("Pemerintah Kota Kediri", "35.71"),
        ("Kota Kediri, Jawa Timur", "35.71"),
        ("Kota Kediri (Jatim)", "35.71"),
        ("kotamadya kediri", "35.71"),
        ("Kab. Kediri", "35.06"),
        ("Kabupaten Kediri", "35.06"),
        ("KAB KEDIRI", "35.06"),
        ("KABUPATEN KEDIRI", "35.06"),
        ("Kediri (Kab.)", "35.06"),
        ("Pemkab Kediri", "35.06"),
        ("Pemerintah Daerah Kabupaten Kediri", "35.06"),
        ("Kab. Kediri, Prov. Jawa Timur, Indonesia", "35.06"),
        ("Kab.Kediri", "35.06"),
        ("  kab.\u{a0}\u{a0}kediri  ", "35.06"),
        ("Kab\u{202f}Kediri 64182", "35.06"),
    ]);
}

#[test]
fn a_name_that_exists_only_as_a_kota_or_only_as_a_kabupaten_resolves_bare() {
    assert_resolves(&[
        ("Surabaya", "35.78"),
        ("surabaya", "35.78"),
        ("Sidoarjo", "35.15"),
        ("Batu", "35.79"),
        ("Kota Batu", "35.79"),
    ]);
}

#[test]
fn a_stated_level_is_never_overridden() {
    assert_eq!(resolve("Kota Sidoarjo"), Resolution::NotFound);
    assert_eq!(resolve("Kabupaten Surabaya"), Resolution::NotFound);
    assert_eq!(resolve("Provinsi Kediri"), Resolution::NotFound);
    assert_eq!(resolve("Kab. Kediri (Kota)"), Resolution::NotFound);
}

#[test]
fn bare_shared_names_are_ambiguous_with_both_candidates() {
    for (name, kab, kota) in [
        ("Kediri", "35.06", "35.71"),
        ("Malang", "35.07", "35.73"),
        ("Blitar", "35.05", "35.72"),
        ("Madiun", "35.19", "35.77"),
        ("Mojokerto", "35.16", "35.76"),
        ("Pasuruan", "35.14", "35.75"),
        ("Probolinggo", "35.13", "35.74"),
        ("Bandung", "32.04", "32.73"),
        ("Pemda Kediri", "35.06", "35.71"),
    ] {
        assert_eq!(ambiguous_codes(name), [kab, kota], "{name}");
    }
    assert_eq!(ambiguous_codes("Banjar"), ["32.79", "63.03"]);
    assert_eq!(ambiguous_codes("Gorontalo"), ["75", "75.01", "75.71"]);
    assert_eq!(ambiguous_codes("Jambi"), ["15", "15.71"]);
    assert_eq!(ambiguous_codes("Yogyakarta"), ["34", "34.71"]);
}

#[test]
fn a_trailing_province_narrows_but_never_picks_between_kab_and_kota() {
    assert_eq!(ambiguous_codes("Kediri, Jawa Timur"), ["35.06", "35.71"]);
    assert_eq!(ambiguous_codes("Bandung, Jawa Barat"), ["32.04", "32.73"]);
    assert_eq!(ambiguous_codes("Gorontalo, Gorontalo"), ["75.01", "75.71"]);
    assert_eq!(
        ambiguous_codes("Sorong, Papua Barat Daya"),
        ["96.01", "96.71"]
    );
    assert_resolves(&[
        ("Banjar, Jawa Barat", "32.79"),
        ("Banjar, Kalimantan Selatan", "63.03"),
        ("Banjar Kalsel", "63.03"),
        ("Bandung Barat, Jawa Barat", "32.17"),
        ("Kota Bandung, Jabar", "32.73"),
        ("Tanjung Pinang, Kepulauan Riau", "21.72"),
        ("Maluku Tengah, Maluku", "81.01"),
        ("Jawa Timur, Indonesia", "35"),
    ]);
    assert_eq!(resolve("Kota Kediri, Jawa Barat"), Resolution::NotFound);
    assert_eq!(resolve("Kota Kediri, Kota Malang"), Resolution::NotFound);
}

#[test]
fn provinces_resolve_by_name_abbreviation_and_official_long_form() {
    assert_resolves(&[
        ("Jawa Timur", "35"),
        ("JAWA TIMUR", "35"),
        ("Jatim", "35"),
        ("JATIM", "35"),
        ("Pemprov Jatim", "35"),
        ("Provinsi Jawa Timur", "35"),
        ("Jabar", "32"),
        ("Jateng", "33"),
        ("DKI", "31"),
        ("DKI Jakarta", "31"),
        ("D.K.I. Jakarta", "31"),
        ("Jakarta", "31"),
        ("Daerah Khusus Ibukota Jakarta", "31"),
        ("DIY", "34"),
        ("D.I. Yogyakarta", "34"),
        ("Daerah Istimewa Yogyakarta", "34"),
        ("Sumatra Utara", "12"),
        ("Sumut", "12"),
        ("Kep. Riau", "21"),
        ("Kepri", "21"),
        ("Kep. Bangka Belitung", "19"),
        ("NTB", "52"),
        ("NTT", "53"),
        ("Papua Barat Daya", "96"),
        ("Prov. Papua Pegunungan", "95"),
    ]);
    for (code, aliases) in PROVINCE_ALIASES {
        for alias in *aliases {
            let found = resolve(alias).candidates().iter().any(|r| r.code == *code);
            assert!(found, "{alias} should name province {code}");
        }
    }
}

#[test]
fn jakarta_cities_resolve_with_or_without_the_administrasi_prefix() {
    assert_resolves(&[
        ("Kota Adm. Jakarta Selatan", "31.74"),
        ("Kota Administrasi Jakarta Selatan", "31.74"),
        ("Jakarta Selatan", "31.74"),
        ("Jakarta Selatan (Kota Adm.)", "31.74"),
        ("Jaksel", "31.74"),
        ("Kota Jakarta Pusat", "31.71"),
        ("Kab. Adm. Kep. Seribu", "31.01"),
        ("Kepulauan Seribu", "31.01"),
    ]);
    assert_eq!(
        by_code("31.74").map(|r| r.name),
        Some("Kota Administrasi Jakarta Selatan")
    );
}

#[test]
fn every_spelling_variant_listed_in_source_md_resolves() {
    assert_resolves(&[
        ("Bau Bau", "74.72"),
        ("Baubau", "74.72"),
        ("Kota Bau-Bau", "74.72"),
        ("Fak Fak", "92.03"),
        ("Fakfak", "92.03"),
        ("Toli-Toli", "72.04"),
        ("Tolitoli", "72.04"),
        ("Palangkaraya", "62.71"),
        ("Palangka Raya", "62.71"),
        ("Pangkal Pinang", "19.71"),
        ("Pangkalpinang", "19.71"),
        ("Tanjung Pinang", "21.72"),
        ("Tanjungpinang", "21.72"),
        ("Lubuk Linggau", "16.73"),
        ("Lubuklinggau", "16.73"),
        ("Pagar Alam", "16.72"),
        ("Pagaralam", "16.72"),
        ("Tojo Una Una", "72.09"),
        ("Tojo Una-Una", "72.09"),
        ("Parepare", "73.72"),
        ("Pare Pare", "73.72"),
        ("Mukomuko", "17.06"),
        ("Muko Muko", "17.06"),
        ("Tanjungbalai", "12.74"),
        ("Tanjung Balai", "12.74"),
        ("Pangkajene dan Kepulauan", "73.10"),
        ("Pangkep", "73.10"),
        ("Kab. Pangkep", "73.10"),
        ("Kep. Siau Tagulandang Biaro", "71.09"),
    ]);
    for (code, aliases) in REGION_ALIASES {
        for alias in *aliases {
            assert_eq!(code_of(alias), *code, "{alias}");
        }
    }
}

#[test]
fn names_ending_in_a_level_word_or_starting_with_kota_are_not_misread() {
    assert_resolves(&[
        ("Lima Puluh Kota", "13.07"),
        ("Kab. Lima Puluh Kota", "13.07"),
        ("Lima Puluh Kota (Kab.)", "13.07"),
        ("Kab. 50 Kota", "13.07"),
        ("Kotabaru", "63.02"),
        ("Kota Baru", "63.02"),
        ("Kota Kotamobagu", "71.74"),
    ]);
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
    for bad in [
        "35.7", "357", "35.710", "35..7", "3.571", "00", "99.99", ".", "35.", "١٢",
    ] {
        assert_eq!(by_code(bad), None, "{bad:?}");
        assert_eq!(resolve(bad), Resolution::NotFound, "{bad:?}");
    }
}

#[test]
fn province_of_a_city_is_its_province_and_of_a_province_itself() {
    let kediri = by_code("35.71").expect("Kota Kediri");
    assert_eq!(province_of(kediri).map(|p| p.name), Some("Jawa Timur"));
    let jatim = by_code("35").expect("Jawa Timur");
    assert_eq!(province_of(jatim), Some(jatim));
    let handmade = Region {
        province_code: "00",
        ..kediri.clone()
    };
    assert_eq!(province_of(&handmade), None);
}

#[test]
fn resolution_helpers_expose_the_match_and_the_candidates() {
    assert_eq!(resolve("Surabaya").found().map(|r| r.code), Some("35.78"));
    assert_eq!(resolve("Surabaya").candidates().len(), 1);
    assert_eq!(resolve("Kediri").found(), None);
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
        "35.71.01",
        "35-71",
        "-35",
        "+3571",
        &many_digits,
    ];
    for text in odd {
        let resolution = resolve(text);
        assert!(resolution.found().is_none(), "{text:?} gave {resolution:?}");
        let _ = by_code(text);
        let _ = by_legacy_code(text);
    }
    for text in ["KeDiRi", "kediri\u{2009}", "\tKediri\n"] {
        assert_eq!(ambiguous_codes(text), ["35.06", "35.71"]);
    }
}
