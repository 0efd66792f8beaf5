//! Ordinary words read as makers (review35m M35-5, M35-6): `Kecil` (small) stood where a maker is
//! named, so `Stapler Kecil HD-10` was no generic stapler and joined Max's; `Kancing` (button),
//! `Clip` and `Extra` were brands; and a title naming no maker joined Max's and Smart's staplers
//! into one group. Titles from the review.

use super::tests_markers::{conflict, grouped, together};
use super::{offer_key, product_key};

/// The orders each block is grouped in: the input's order never decides.
const ORDERS: [[usize; 3]; 3] = [[0, 1, 2], [2, 1, 0], [1, 2, 0]];

#[test]
fn a_title_saying_only_what_the_product_is_like_joins_neither_of_two_makers_like_it() {
    for block in [
        ["Stapler Max HD-10", "Stapler Joyko HD-10", "Stapler Kecil HD-10"],
        ["Stapler Max HD-10", "Stapler Kenko HD-10", "Stapler HD-10 Halus"],
    ] {
        for order in ORDERS {
            let groups = grouped(&order.map(|i| block[i]));
            for maker in &block[..2] {
                assert!(!together(&groups, maker, block[2]), "{groups:?}");
            }
        }
    }
}

#[test]
fn a_word_of_a_dictionary_is_no_brand_unless_a_brand_field_says_so() {
    for title in ["Map Plastik Kancing Folio Biru", "Paper Clip No 3", "Isi Staples Extra No 10"] {
        assert_eq!(product_key(title).brand, None, "{title}");
    }
    assert_eq!(product_key("Map Plastik, Merek: Kancing, Ukuran: Folio").brand.as_deref(), Some("Kancing"));
    assert_eq!(offer_key("Map Plastik Kancing Folio Biru", Some("KANCING"), None).brand.as_deref(), Some("Kancing"));
    // Words no dictionary holds are still brands.
    assert_eq!(product_key("Kertas HVS Copylas A4 70 gsm").brand.as_deref(), Some("Copylas"));
}

#[test]
fn two_makers_named_by_dictionary_words_stay_apart_and_a_title_naming_none_joins_neither() {
    let block = ["Stapler Max HD-10", "Stapler Smart HD-10", "Stapler HD-10"];
    for order in ORDERS {
        let groups = grouped(&order.map(|i| block[i]));
        assert_eq!(groups.len(), 3, "{groups:?}");
    }
    // Negative controls: a dictionary word where a brand is read still keeps another maker's
    // paper apart, and two titles naming no maker still meet.
    let paper = conflict("Kertas HVS Natural A4 70 gsm", "Kertas HVS Copylas A4 70 gsm");
    assert!(paper.contains(&"maker Natural ≠ Copylas".to_string()), "{paper:?}");
    let groups = grouped(&["Stapler Max HD-10", "Stapler Smart HD-10", "Stapler HD-10", "Stapler HD-10 Original"]);
    assert!(together(&groups, "Stapler HD-10", "Stapler HD-10 Original"), "{groups:?}");
}
