//! A half ream beside whole ones (review33w W33-1): read as a whole ream, the half at Rp30.000
//! was the group's cheapest at Rp60 a sheet, dearer per sheet than every whole ream.

use super::Uncounted;
use super::pieces::tests::{listing, only_group, verdict};
use rust_decimal_macros::dec;

fn reams(half_unit: &str) -> Vec<crate::model::Offer> {
    let paper = "Kertas HVS PaperOne A4 70 gsm";
    vec![
        listing("ream-a", paper, "Rp55.000", "Rim"),
        listing("ream-b", paper, "Rp56.000", "Rim"),
        listing("ream-c", paper, "Rp57.000", "Rim"),
        listing("half", paper, "Rp30.000", half_unit),
    ]
}

#[test]
fn a_half_ream_is_compared_per_sheet_as_the_half_it_is() {
    let group = only_group(reams("1/2 Rim"));
    assert_eq!(verdict(&group, "half"), Ok(dec!(120)));
    assert_eq!(group.cheapest().map(|o| o.source_id.as_str()), Some("ream-a"));
    assert_eq!(group.unit_prices, [dec!(110), dec!(112), dec!(114), dec!(120)]);
}

#[test]
fn a_part_of_a_ream_not_read_is_left_out_not_counted_as_a_ream() {
    let group = only_group(reams("1/3 Rim"));
    assert_eq!(verdict(&group, "half"), Err(Uncounted::NoConfidentPack));
    assert_eq!(group.unit_prices, [dec!(110), dec!(112), dec!(114)]);
}
