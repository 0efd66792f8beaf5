//! A part of a pack before its word (`1/2 Rim`, `Setengah Rim`, `1/2 Lusin`): read as the whole
//! pack, a half ream at Rp30.000 was its group's cheapest at Rp60 a sheet (review33w W33-1).
use super::test_support::{NOT_KNOWN, of, shown};
use super::*;
use rust_decimal_macros::dec;

#[test]
fn half_a_ream_or_a_dozen_in_the_unit_field_is_half_of_it() {
    let paper = "Kertas HVS PaperOne A4 70 gsm";
    for field in ["1/2 Rim", "½ Rim", "Setengah Rim", "0,5 Rim", "0.5 rim", "Separuh Rim"] {
        assert_eq!(shown(Some(field), paper), of("lembar", dec!(250)), "{field}");
        assert_eq!(parse_unit(Some(field), paper).derivation, PackDerivation::Stated, "{field}");
    }
    assert_eq!(shown(Some("1/2 Lusin"), "Ballpoint Standard"), of("pcs", dec!(6)));
    assert_eq!(shown(Some("1/4 Lusin"), "Ballpoint Standard"), of("pcs", dec!(3)));
    assert_eq!(shown(Some("1/2 Kodi"), "Kain Seragam"), of("pcs", dec!(10)));
}

#[test]
fn half_a_ream_in_a_title_with_no_unit_field_is_half_of_it() {
    assert_eq!(shown(None, "Kertas HVS A4 70 gsm 1/2 Rim"), of("lembar", dec!(250)));
    assert_eq!(shown(None, "Kertas HVS A4 70 gsm (Setengah Rim)"), of("lembar", dec!(250)));
    assert_eq!(shown(None, "Ballpoint Standard ½ lusin"), of("pcs", dec!(6)));
}

#[test]
fn whole_counts_of_packs_still_multiply_them() {
    assert_eq!(shown(Some("2 Rim"), "Kertas HVS A4 70 gsm"), of("lembar", dec!(1000)));
    assert_eq!(shown(Some("2 Lusin"), "Ballpoint Standard"), of("pcs", dec!(24)));
    assert_eq!(shown(Some("Rim"), "Kertas HVS A4 70 gsm 1 rim"), of("lembar", dec!(500)));
    assert_eq!(shown(None, "Ballpoint hitam 0,5 mm 1 lusin"), of("pcs", dec!(12)));
}

#[test]
fn a_part_of_a_pack_not_read_exactly_leaves_its_size_unknown_never_the_whole_pack() {
    // A third of 500 sheets is no whole count; a number before the part may be a mixed number
    // (`1 1/2`) or something else (`70 1/2 Rim`): not read, rather than read as a half.
    for field in ["1/3 Rim", "⅓ Rim", "1 1/2 Rim", "1½ Rim", "1.000 Rim", "1/0 Rim"] {
        assert_eq!(shown(Some(field), "Kertas HVS A4 70 gsm"), NOT_KNOWN, "{field}");
        assert!(parse_unit(Some(field), "Kertas HVS A4 70 gsm").note.is_some(), "{field}");
    }
    assert_eq!(shown(None, "Kertas HVS A4 70 1/2 Rim"), NOT_KNOWN);
    assert_eq!(shown(Some("Pak"), "Kertas HVS A4 70 gsm 1/3 rim"), NOT_KNOWN);
}

#[test]
fn a_title_stating_a_part_of_the_unit_fields_pack_leaves_its_size_unknown() {
    // Which of the two is right, the listing does not say: no unit price rather than Rp60 a sheet.
    assert_eq!(shown(Some("Rim"), "Kertas HVS A4 70 gsm (1/2 rim)"), NOT_KNOWN);
    assert_eq!(shown(Some("Rim"), "Kertas HVS A4 70 gsm 1/3 rim"), NOT_KNOWN);
    assert_eq!(shown(Some("Lusin"), "Ballpoint Standard 1/2 Lusin"), NOT_KNOWN);
    // The same part in both is one statement.
    assert_eq!(shown(Some("1/2 Rim"), "Kertas HVS A4 70 gsm 1/2 rim"), of("lembar", dec!(250)));
}

#[test]
fn a_format_two_pack_quantity_is_checked_against_the_part_the_unit_field_states() {
    assert_eq!(sizes_stated(Some("1/2 Rim"), "Kertas HVS A4 70 gsm"), (Some(dec!(250)), None));
}

#[test]
fn half_a_ream_written_after_the_pack_word_is_half_of_it_never_the_whole_ream() {
    // review33m N2: `Rim (1/2)` at Rp28.000 was Rp56 a sheet, its group's cheapest.
    for title in [
        "Kertas HVS A4 70 gr Rim (1/2)",
        "Kertas HVS A4 70 gr Rim 1/2",
        "Kertas HVS A4 Rim isi 1/2",
        "Kertas HVS A4 70 gr Rim ½",
        "Kertas HVS A4 70 gr Rim Setengah",
    ] {
        assert_eq!(shown(None, title), of("lembar", dec!(250)), "{title}");
    }
    for field in ["Rim 1/2", "Rim (1/2)", "rim isi 1/2"] {
        assert_eq!(shown(Some(field), "Kertas HVS A4 70 gr"), of("lembar", dec!(250)), "{field}");
    }
}

#[test]
fn a_part_after_a_pack_word_not_read_for_sure_leaves_the_size_unknown() {
    // A ream and a half, a third, a part followed by other words, a part after a dozen (`Lusin
    // 1/2` of taps may be half-inch ones): no size, never the whole pack.
    for title in [
        "Kertas HVS A4 70 gr 1 Rim 1/2",
        "Kertas HVS A4 70 gr Rim 1/3",
        "Kertas HVS A4 Rim 1/2 Sidu",
        "Ballpoint Standard Lusin 1/2",
    ] {
        assert_eq!(shown(None, title), NOT_KNOWN, "{title}");
    }
    assert_eq!(shown(Some("Rim"), "Kertas HVS A4 70 gr Rim 1/2"), NOT_KNOWN);
}

#[test]
fn a_paper_size_or_a_tip_after_the_pack_word_is_no_part_of_it() {
    assert_eq!(shown(None, "Kertas HVS A4 1 Rim 1/2 Folio"), of("lembar", dec!(500)));
    assert_eq!(shown(None, "Kertas HVS Rim 1/2 Kwarto"), of("lembar", dec!(500)));
    assert_eq!(shown(None, "Kran Air Lusin 1/2\""), of("pcs", dec!(12)));
    assert_eq!(shown(None, "Pulpen Gel Lusin 0,5"), of("pcs", dec!(12)));
    assert_eq!(shown(Some("Rim"), "Kertas HVS Ukuran 1/2 Folio"), of("lembar", dec!(500)));
}
