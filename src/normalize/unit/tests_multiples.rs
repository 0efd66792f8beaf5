//! A count of packs written with `x` beside a pack or a part of one (`2 x 1/2 Rim`, `Rim x 2`):
//! read as one pack, two half reams at Rp56.000 were Rp224 a sheet, their group's dearest, and
//! lifted its median (review33m N1).
use super::test_support::{NOT_KNOWN, of, shown};
use super::*;
use rust_decimal_macros::dec;

#[test]
fn two_times_half_a_ream_is_a_whole_ream_never_half_of_one() {
    for title in
        ["Kertas HVS A4 70 gr 2 x 1/2 Rim", "Kertas HVS A4 70 gr 1/2 Rim x 2", "Kertas HVS A4 70 gr 2x 1/2 Rim"]
    {
        assert_eq!(shown(None, title), of("lembar", dec!(500)), "{title}");
    }
    assert_eq!(shown(Some("2 x 1/2 Rim"), "Kertas HVS A4 70 gr"), of("lembar", dec!(500)));
}

#[test]
fn a_count_of_reams_written_with_x_multiplies_them() {
    for title in ["Kertas HVS A4 70 gr 2 x 1 Rim", "Kertas HVS A4 70 gr Rim x 2", "Kertas HVS A4 70 gr 1 Rim x2"] {
        assert_eq!(shown(None, title), of("lembar", dec!(1000)), "{title}");
    }
    assert_eq!(shown(None, "Ballpoint Standard 3 x 1 Lusin"), of("pcs", dec!(36)));
}

#[test]
fn a_count_of_packs_before_a_pack_of_reams_or_a_glued_multiple_leaves_the_size_unknown() {
    // `2 Pack 1/2 Rim` may be two half reams or half a ream in two packs: not read.
    for title in [
        "Kertas HVS A4 70 gr 2 Pack 1/2 Rim",
        "Kertas HVS A4 70 gr 2 Pak 1 Rim",
        "Kertas HVS A4 70 gr 2x1/2 Rim",
        "Kertas HVS A4 70 gr 1 Rim x 5 Box",
    ] {
        assert_eq!(shown(None, title), NOT_KNOWN, "{title}");
        assert!(parse_unit(None, title).note.is_some(), "{title}");
    }
}

#[test]
fn sizes_and_boxes_of_reams_beside_no_multiple_are_read_as_before() {
    assert_eq!(shown(None, "Kertas HVS A4 210 x 297 mm 1 Rim"), of("lembar", dec!(500)));
    assert_eq!(shown(None, "Kertas HVS A4 70 gr Box 5 Rim"), of("lembar", dec!(2500)));
    assert_eq!(shown(None, "Kertas HVS A4 70 gr 1/2 Rim"), of("lembar", dec!(250)));
    assert_eq!(shown(None, "Kopi Bubuk 20 x 1 kg"), of("kg", dec!(20)));
    assert_eq!(shown(Some("Rim"), "Kertas HVS A4 70 gr"), of("lembar", dec!(500)));
}
