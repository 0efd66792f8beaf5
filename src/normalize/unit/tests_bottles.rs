//! The dus of bottles or cups as README states it (review33w W33-3): a litre written `1,5 L` or
//! `1.5 liter`, and the count in the unit field (`Dus isi 24` beside `Air Mineral 600 ml`), had
//! no unit price where `1500 ml` and a count in the title had one.
use super::test_support::{of, shown};
use super::*;
use rust_decimal_macros::dec;

fn bottles(quantity: Decimal) -> (Option<String>, Option<Decimal>, bool) {
    of("botol", quantity)
}

fn held(field: Option<&str>, title: &str) -> (Option<Decimal>, Option<&'static str>) {
    let unit = hold_bare_count(parse_unit(field, title), field, title);
    (unit.quantity, unit.note)
}

#[test]
fn a_litre_volume_with_a_decimal_comma_or_point_is_the_volume_of_each_bottle() {
    for title in [
        "Air Mineral 1,5 L Dus isi 12",
        "Air Mineral 1.5 liter Dus isi 12",
        "Air Mineral 1,5L Dus isi 12",
        "Air Mineral 0,6 Ltr Dus isi 24",
    ] {
        let count = if title.contains("0,6") { dec!(24) } else { dec!(12) };
        assert_eq!(shown(None, title), bottles(count), "{title}");
        assert_eq!(shown(Some("dus"), title), bottles(count), "{title}");
    }
}

#[test]
fn a_decimal_volume_beyond_one_bottle_or_not_read_for_sure_stays_held() {
    // 2,5 litres is as often the pack's; `1.500 ml` may be 1500 or 1.5 and is not read.
    assert_eq!(held(Some("dus"), "Sabun Cair 2,5 Liter Dus isi 6"), (None, Some(BARE_PACK_COUNT)));
    assert_eq!(held(Some("dus"), "Air Mineral 1.500 ml Dus isi 12"), (None, Some(BARE_PACK_COUNT)));
}

#[test]
fn a_count_in_the_unit_field_is_read_by_the_volume_the_title_states() {
    assert_eq!(shown(Some("Dus isi 24"), "Air Mineral 600 ml"), bottles(dec!(24)));
    assert_eq!(shown(Some("Dus isi 24"), "Air Mineral 600 ml Dus isi 24"), bottles(dec!(24)));
    assert_eq!(shown(Some("Karton isi 12"), "Air Mineral Le Minerale 1,5 L"), bottles(dec!(12)));
    let cups = (Some("pcs".to_string()), Some(dec!(48)), true);
    assert_eq!(shown(Some("Dus isi 48"), "Air Mineral Aqua Gelas 220 ml"), cups);
    // compare weighs it as it weighs the same count in the title.
    assert!(per_bottle(Some("Dus isi 24"), "Air Mineral 600 ml"));
}

#[test]
fn a_count_in_the_unit_field_of_what_is_no_dus_of_bottles_stays_held() {
    for (field, title) in [
        (Some("Dus isi 24"), "Masker Sensi 3 Ply Earloop"),
        (Some("Dus isi 20"), "Gelas Plastik 220 ml"),
        (Some("Dus isi 24"), "Gelas 220 ml"),
        (Some("Dus isi 4"), "Air Mineral 600 ml 6 Pack"),
        (Some("Dus isi 24"), "Air Mineral 600 ml Isi 12"),
        (Some("Dus isi 20"), "Gula Pasir 1 kg"),
        (Some("Dus isi 24"), "Air Mineral 2025 600 ml"),
    ] {
        assert_eq!(held(field, title), (None, Some(BARE_PACK_COUNT)), "{field:?} / {title}");
    }
}
