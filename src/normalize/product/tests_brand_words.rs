//! A title writing only some words of a two-word brand is not that brand (review36b R36b-2):
//! `Kopi Kapal Kecil` joined Kapal Api once `Kecil` was read as no maker's word, and `Semen Roda`
//! joined Tiga Roda. Titles from the review.

use super::tests_markers::{grouped, together};

#[test]
fn a_title_naming_part_of_a_two_word_brand_does_not_join_it() {
    for (brand, part) in [
        ("Kopi Kapal Api 165 gr", "Kopi Kapal Kecil 165 gr"),
        ("Kopi Kapal Api 165 gr", "Kopi Kapal Hitam 165 gr"),
        ("Kertas HVS Sinar Dunia A4 70 gsm", "Kertas HVS Sinar Besar A4 70 gsm"),
        ("Semen Tiga Roda 50 kg", "Semen Roda 50 kg"),
        ("Semen Tiga Roda 50 kg", "Semen Tiga 50 kg"),
        ("Gula Pasir Rose Brand 1 kg", "Gula Pasir Rose 1 kg"),
        ("Air Mineral Le Minerale 600 ml", "Air Mineral Minerale 600 ml"),
    ] {
        for titles in [[brand, part], [part, brand]] {
            let groups = grouped(&titles);
            assert!(!together(&groups, brand, part), "{groups:?}");
        }
    }
}

#[test]
fn a_title_naming_the_whole_brand_elsewhere_still_joins_it() {
    let groups = grouped(&["Kopi Kapal Api 165 gr", "Kopi Bubuk 165 gr Kapal Api"]);
    assert_eq!(groups.len(), 1, "{groups:?}");
}
