//! A maker a `Merek:` label names is the maker even when its name is an ordinary or quality word
//! (review36b R36b-1): `Stapler HD-10 Merek: Max` joined Kenko's stapler, because `Max`, `Super`,
//! `Jumbo`, `Smart` are words the matcher knows and a labelled word was a brand only when unknown.
//! Titles from the review.

use super::product_key;
use super::tests_markers::{grouped, together};

#[test]
fn a_maker_named_by_a_brand_label_keeps_its_offer_from_another_makers_even_if_a_quality_word() {
    let kenko = "Kenko Stapler HD-10";
    for title in [
        "Stapler HD-10 Merek: Max",
        "Stapler HD-10 Merek: MAX",
        "Stapler HD-10 (Merek Max)",
        "Stapler HD-10 Brand: Max",
        "Stapler HD-10 Merek: Super",
        "Stapler HD-10 Merek: Jumbo",
        "Stapler HD-10 Merk: Smart",
        "Stapler Merek: Max HD-10",
    ] {
        for titles in [[kenko, title], [title, kenko]] {
            let groups = grouped(&titles);
            assert!(!together(&groups, kenko, title), "{groups:?}");
        }
    }
    assert_eq!(product_key("Stapler HD-10 Merek: Max").brand.as_deref(), Some("Max"));
    assert_eq!(product_key("Stapler HD-10 (Merek Max)").brand.as_deref(), Some("Max"));
    // One maker's offers, labelled or not, still meet.
    let groups = grouped(&["Stapler HD-10 Merek: Max", "Stapler HD-10 (Merek MAX)"]);
    assert_eq!(groups.len(), 1, "{groups:?}");
}
