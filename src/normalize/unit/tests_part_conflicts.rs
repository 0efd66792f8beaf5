//! A part of a pack beside another count of it (`1/2 Rim 500 lembar`, `1/2 Dus isi 24`): the
//! listing does not say which the price is for, so the size is unknown (review33m N9).
use super::test_support::{of, shown};
use super::*;
use rust_decimal_macros::dec;

#[test]
fn half_a_ream_beside_a_count_of_a_whole_ream_leaves_the_size_unknown() {
    for title in ["Kertas HVS A4 70 gr 1/2 Rim 500 lembar", "Kertas HVS A4 70 gr Setengah Rim isi 500"] {
        let unit = parse_unit(None, title);
        assert_eq!((unit.quantity, unit.confident), (None, false), "{title}");
        assert!(unit.note.is_some(), "{title}");
    }
}

#[test]
fn half_a_dus_or_box_beside_its_count_leaves_the_size_unknown() {
    for (field, title) in [
        (None, "Air Mineral 600 ml 1/2 Dus isi 24"),
        (None, "Kertas HVS A4 70 gr 1/2 Box (5 Rim)"),
        (Some("Dus isi 24"), "Air Mineral 600 ml 1/2 Dus"),
    ] {
        let unit = parse_unit(field, title);
        assert_eq!((unit.quantity, unit.confident), (None, false), "{field:?} / {title}");
        assert!(unit.note.is_some(), "{field:?} / {title}");
    }
}

#[test]
fn a_part_its_count_agrees_with_or_a_count_of_something_else_is_read_as_before() {
    assert_eq!(shown(None, "Kertas HVS A4 70 gr 1/2 Rim (250 lbr)"), of("lembar", dec!(250)));
    assert_eq!(shown(None, "Kertas HVS A4 70 gr 1/2 Rim isi 250 lembar"), of("lembar", dec!(250)));
    assert_eq!(shown(None, "Buku Tulis 1/2 Lusin (6 pcs)"), of("pcs", dec!(6)));
    assert_eq!(shown(None, "Buku Tulis Sidu 38 Lembar 1/2 Lusin"), of("pcs", dec!(6)));
    assert_eq!(shown(None, "Kertas HVS A4 70 gr 5 Rim (1/2 Box)"), of("lembar", dec!(2500)));
    assert_eq!(shown(None, "Air Mineral 600 ml Dus isi 24"), of("botol", dec!(24)));
    assert_eq!(shown(Some("Dus isi 24"), "Air Mineral 600 ml"), of("botol", dec!(24)));
}
