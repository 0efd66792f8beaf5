//! How the many spellings of a region name resolve.

use super::super::table::{PROVINCE_ALIASES, REGION_ALIASES};
use super::super::*;
use super::{ambiguous_codes, assert_resolves, code_of};

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
        ("Kab./Kota Kediri", "35.06", "35.71"),
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
    assert_eq!(ambiguous_codes("Sorong, Papua Barat Daya"), ["96.01", "96.71"]);
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
    assert_resolves(&[("Jambi, Jambi", "15.71"), ("Yogyakarta, DIY", "34.71"), ("Jakarta Selatan, DKI", "31.74")]);
    assert_eq!(resolve("Kota Kediri, Jawa Barat"), Resolution::NotFound);
    assert_eq!(resolve("Kota Kediri, Kota Malang"), Resolution::NotFound);
}

#[test]
fn a_region_named_with_its_level_at_the_end_of_an_address_is_read() {
    assert_resolves(&[
        ("Jl. Dhoho 12, Kota Kediri", "35.71"),
        ("Jl. Dhoho 12, Kel. Banjaran, Kota Kediri, Jawa Timur", "35.71"),
        ("Jl. Raya 5, Kab. Malang", "35.07"),
    ]);
    assert_eq!(resolve("Jl. Dhoho 12, Kediri"), Resolution::NotFound, "a bare last word may be a street's");
    assert_eq!(resolve("Jl. Dhoho 12, Kota Kediri, Jawa Barat"), Resolution::NotFound);
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
    assert_eq!(by_code("31.74").map(|r| r.name), Some("Kota Administrasi Jakarta Selatan"));
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
        ("Kabupaten Kota Baru", "63.02"),
        ("Kab./Kota Surabaya", "35.78"),
        ("Kota Kotamobagu", "71.74"),
    ]);
}
