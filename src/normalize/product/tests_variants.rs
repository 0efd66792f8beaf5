//! Sizes, part numbers and variant words that make another product (review36b R36b-3): each pair
//! below was one group, the model, length or value that tells them apart lost. Titles from the
//! review.

use super::product_key;
use super::tests_markers::{grouped, together};

/// Whether `a` and `b` are apart grouped alone, in either order.
pub(super) fn apart(a: &str, b: &str) -> bool {
    [[a, b], [b, a]].iter().all(|titles| !together(&grouped(titles), a, b))
}

/// Asserts each pair is [`apart`], naming the first that is not.
pub(super) fn each_apart(pairs: &[(&str, &str)]) {
    for (a, b) in pairs {
        assert!(apart(a, b), "{a} / {b}");
    }
}

#[test]
fn a_high_yield_xl_cartridge_is_not_the_standard_one() {
    assert!(apart("Cartridge Canon PG-810", "Cartridge Canon PG-810XL"));
    assert!(!apart("Cartridge Canon PG-810XL", "Canon Cartridge PG-810XL"));
}

#[test]
fn a_bolt_of_another_length_is_another_bolt() {
    assert!(apart("Baut M8 x 20", "Baut M8 x 30"));
    assert!(!apart("Baut M8 x 20", "Baut M8 x 20 Stainless"));
}

#[test]
fn a_resistor_or_capacitor_of_another_value_is_another_part() {
    for (a, b) in [
        ("Resistor 100K Ohm", "Resistor 100 Ohm"),
        ("Kabel 100 K Ohm Resistor", "Kabel 100 Ohm Resistor"),
        ("Kapasitor 100 K", "Kapasitor 100 nF"),
        ("Kapasitor 100 uF", "Kapasitor 100 nF"),
    ] {
        assert!(apart(a, b), "{a} / {b}");
    }
    assert!(!apart("Resistor 100K Ohm", "Resistor 100 K Ohm"));
    assert!(!apart("Resistor 100 Ohm", "Resistor 100Ω"));
    assert!(product_key("Resistor 100K Ohm").specs.contains(&"100kohm".to_string()));
}

#[test]
fn a_small_and_a_large_one_of_one_model_are_apart() {
    assert!(apart("Stapler Kecil HD-10", "Stapler Besar HD-10"));
    assert!(!apart("Stapler Kecil HD-10", "Stapler HD-10 Kecil"));
}

#[test]
fn a_resistor_or_capacitor_of_another_value_or_rating_is_another_part_beside_other_specs() {
    each_apart(&[
        ("Resistor 1K Ohm 1%", "Resistor 10K Ohm 1%"),
        ("Resistor 10K Ohm 5%", "Resistor 1K Ohm 5%"),
        ("Resistor 1K 1/4W 5%", "Resistor 10K 1/4W 5%"),
        ("Resistor 1K 5%", "Resistor 10K 5%"),
        ("Kapasitor Elco 100 uF 16V", "Kapasitor Elco 100 uF 50V"),
        ("Kapasitor 100 uF 16 V", "Kapasitor 100 uF 50 V"),
        ("Kapasitor Elco 100 uF 16V", "Kapasitor Elco 470 uF 16V"),
        ("Elco 1000uF 35V", "Elco 2200uF 35V"),
        ("Kapasitor Elco 10uF 50V", "Kapasitor Elco 100uF 50V"),
        ("Kapasitor Keramik 100nF 50V", "Kapasitor Keramik 10nF 50V"),
        ("Kapasitor AC 2uF 450V", "Kapasitor AC 4uF 450V"),
        ("Kapasitor Mesin Cuci 10uF 450V", "Kapasitor Mesin Cuci 12uF 450V"),
        ("Elco 100uF/16V", "Elco 470uF/16V"),
        ("Kapasitor Elco 1000uF 16V", "Kapasitor Elco 1000uF 25V"),
    ]);
    // A decimal point is kept before a volt: `1.5V` was the code `15v`.
    assert!(apart("Adaptor 1.5V", "Adaptor 15V"));
    assert!(!apart("Resistor 1K Ohm 1%", "Resistor 1K Ohm 1% Metal Film"));
    assert!(!apart("Kapasitor Elco 100 uF 16V", "Kapasitor Elco 100uF 16V"));
}

#[test]
fn a_nut_and_bolt_set_is_not_the_bolt_alone() {
    assert!(apart("Mur Baut M8", "Baut M8 x 20"));
    assert!(apart("Mur Baut M8", "Baut M8"));
    assert!(apart("Mur Baut M8", "Mur M8"));
    assert!(!apart("Mur Baut M8", "Mur dan Baut M8"));
}

#[test]
fn xl_written_apart_after_a_code_is_the_high_yield_model_and_a_numbered_xl_is_another_model() {
    each_apart(&[
        ("Cartridge Canon PG-810", "Cartridge Canon PG-810 XL"),
        ("Tinta Canon PG-745", "Tinta Canon PG-745 XL"),
        ("Cartridge HP 680 Black", "Cartridge HP 680XL Black"),
        ("HP 680", "HP 680XL"),
        ("Tinta HP 802 Hitam", "Tinta HP 802XL Hitam"),
    ]);
    assert!(!apart("Cartridge Canon PG-810XL", "Cartridge Canon PG-810 XL"));
    assert!(product_key("Cartridge HP 680XL Black").specs.contains(&"680xl".to_string()));
}

#[test]
fn a_capacitor_or_resistor_code_of_three_digits_is_its_value() {
    each_apart(&[
        ("Kapasitor Keramik 104 50V", "Kapasitor Keramik 103 50V"),
        ("Kapasitor Keramik 104 50V", "Kapasitor Keramik 10nF 50V"),
        ("Kapasitor 104", "Kapasitor 105"),
        ("Resistor 102 1%", "Resistor 103 1%"),
    ]);
    // `104` is 10 × 10⁴ pF: the same part as `100nF`.
    assert!(!apart("Kapasitor Keramik 104 50V", "Kapasitor Keramik 100nF 50V"));
    assert!(product_key("Resistor 472").specs.contains(&"4.7kohm".to_string()));
}

#[test]
fn a_capacitors_temperature_rating_is_no_code_of_its_value() {
    // review38m R38m-1: `105°C` was read as the code `105`, 1 µF, and met a 1 µF capacitor.
    each_apart(&[
        ("Kapasitor Elco 1uF", "Kapasitor Elco 470uF 105°C"),
        ("Kapasitor Elco 1uF 50V", "Kapasitor Elco 470uF 50V 105°C"),
        ("Kapasitor Elco 1uF 50V", "Kapasitor Elco 470uF 50V 105 C"),
        ("Kapasitor Elco 1uF 50V", "Kapasitor Elco 470uF 50V Suhu 105"),
    ]);
    for title in ["Kapasitor Elco 470uF 16V 105°C", "Kapasitor Elco 470uF 16V 105 C", "Elco 470uF Suhu 105"] {
        assert!(!product_key(title).specs.contains(&"1uf".to_string()), "{title}: {:?}", product_key(title).specs);
    }
}

#[test]
fn an_adaptor_of_another_current_is_another_adaptor_beside_a_shared_voltage() {
    each_apart(&[("Adaptor 12V 1.5A", "Adaptor 12V 15A"), ("Adaptor 12V 1.5A", "Adaptor 12V 2A")]);
    assert!(!apart("Adaptor 12V 1.5A", "Adaptor 12V 1,5A"));
    assert!(!apart("Adaptor 12V 2A", "Adaptor 12V 2 A"));
    assert!(product_key("Adaptor 12V 1.5A").specs.contains(&"1.5a".to_string()));
}

#[test]
fn a_clothing_size_written_with_its_count_of_xs_is_that_size() {
    each_apart(&[
        ("Kaos Polos Hitam XL", "Kaos Polos Hitam 2XL"),
        ("Kaos Polos Hitam XL", "Kaos Polos Hitam 3XL"),
        ("Kaos Polos Hitam Size XL", "Kaos Polos Hitam Size 2XL"),
        ("Kemeja PDH XL", "Kemeja PDH 2XL"),
        ("Jas Hujan Axio XL", "Jas Hujan Axio 2XL"),
        ("Kaos Polos Hitam 2XL", "Kaos Polos Hitam 3XL"),
        ("Kaos Polos Hitam XL", "Kaos Polos Hitam XXL"),
    ]);
    assert!(!apart("Kaos Polos Hitam 2XL", "Kaos Polos Hitam XXL"));
    assert!(!apart("Kaos Polos Hitam 3XL", "Kaos Polos Hitam XXXL"));
}

#[test]
fn a_high_yield_xl_after_the_colour_and_a_colour_cartridge_are_not_the_black_one() {
    each_apart(&[
        ("Cartridge Canon PG-810 Black", "Cartridge Canon PG-810 Black XL"),
        ("Cartridge HP 680 Black", "Cartridge HP 680 Black XL"),
        ("Cartridge HP 680 Black", "Cartridge HP 680 Tricolor"),
        ("Cartridge HP 680 Black", "Cartridge HP 680 Tri-color"),
        ("Cartridge HP 680 Black", "Cartridge HP 680 Color"),
        ("Cartridge HP 680 Hitam", "Cartridge HP 680 Warna"),
        ("Cartridge HP 680 Black", "Cartridge HP 680 Combo Pack"),
        ("Cartridge HP 680 Tricolor", "Cartridge HP 680 Combo Pack"),
    ]);
    assert!(!apart("Cartridge Canon PG-810 Black XL", "Cartridge Canon PG-810 XL Black"));
    assert!(!apart("Cartridge HP 680 Tricolor", "Cartridge HP 680 Warna"));
    assert!(!apart("Cartridge HP 680 Warna Hitam", "Cartridge HP 680 Black"));
}

#[test]
fn a_maker_written_without_a_colon_or_after_the_model_is_another_maker() {
    for other in [
        "Stapler Merek Max HD-10",
        "Stapler HD-10 Merek Max",
        "Stapler Merk Max HD-10",
        "Stapler HD-10 Max",
        "Stapler HD-10 Smart",
    ] {
        assert!(apart("Kenko Stapler HD-10", other), "Kenko Stapler HD-10 / {other}");
    }
    assert!(!apart("Stapler Max HD-10", "Stapler Merek Max HD-10"));
    assert!(!apart("Stapler Max HD-10", "Stapler HD-10 Max"));
}

#[test]
fn another_line_of_one_model_number_is_another_model() {
    each_apart(&[
        ("iPhone 13 Pro Max 128GB", "iPhone 13 Pro 128GB"),
        ("iPhone 13 Pro 128GB", "iPhone 13 128GB"),
        ("Redmi Note 12 Pro 8/256", "Redmi Note 12 8/256"),
        ("Samsung Galaxy S23 Ultra 256GB", "Samsung Galaxy S23 256GB"),
        ("Stapler Max HD-10", "Stapler Max HD-10D"),
    ]);
    assert!(!apart("iPhone 13 Pro Max 128GB", "Apple iPhone 13 Pro Max 128 GB"));
    assert!(!apart("Toner HP 85A", "Toner HP CE285A"));
    // `Pro` after `LaserJet` is the printer's line, not the toner's.
    assert!(!apart("Toner HP 410A Black CF410A", "HP 410A Hitam Original LaserJet Pro M452"));
}

#[test]
fn a_bolt_written_with_its_length_joined_or_in_millimetres_is_the_bolt_written_apart() {
    for other in ["Baut M8x20", "Baut M8x20mm", "Baut M8 x 20 mm"] {
        assert!(!apart("Baut M8 x 20", other), "Baut M8 x 20 / {other}");
    }
    assert!(apart("Baut M8x20", "Baut M8 x 30"));
    assert!(apart("Baut M8x20mm", "Baut M10x20mm"));
}
