//! Group titles and specs say only what every offer of the group states (review33w W33-4): they
//! are the `produk` column of the survey, the product name of an HPS file.

use super::tests::titled;
use super::{ProductGroup, group, policy};

fn groups_of(titles: &[&str]) -> Vec<ProductGroup> {
    let offers = titles.iter().enumerate().map(|(i, t)| titled("x", &i.to_string(), t, 8_000)).collect();
    group(offers, None, &policy::Facts::default())
}

/// The group holding the offer with id `id`.
fn holding<'a>(groups: &'a [ProductGroup], id: &str) -> &'a ProductGroup {
    groups.iter().find(|g| g.offers.iter().any(|(o, _)| o.source_id == id)).expect("every offer is grouped")
}

#[test]
fn a_marker_naming_no_type_is_titled_without_one() {
    let groups = groups_of(&["Spidol Artline Hitam", "Spidol Kenko Hitam"]);
    let titles: Vec<&str> = groups.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles.contains(&"Spidol Artline Hitam") && titles.contains(&"Spidol Kenko Hitam"), "{titles:?}");
}

#[test]
fn a_group_of_typed_and_untyped_markers_is_titled_by_what_all_of_them_state() {
    let groups =
        groups_of(&["Spidol Snowman Hitam", "Spidol Snowman Whiteboard Hitam", "Spidol Snowman Papan Tulis Hitam"]);
    let untyped = holding(&groups, "0");
    assert!(!untyped.title.contains("Whiteboard"), "{}: {:?}", untyped.title, untyped.offers.len());
    let typed = groups_of(&["Spidol Snowman Whiteboard Hitam", "Spidol Snowman Papan Tulis Hitam"]);
    assert_eq!(typed.len(), 1, "both state the whiteboard type");
    assert_eq!(typed[0].title, "Spidol Whiteboard Snowman Hitam");
}

#[test]
fn a_groups_specs_are_those_every_offer_has() {
    let groups =
        groups_of(&["Kertas HVS A4 80 gsm en 00 IDR 1,250,000.00", "Kertas HVS A4 80 gsm en 01 IDR 1,250,000"]);
    let both = holding(&groups, "0");
    assert_eq!(both.offers.len(), 2, "the review saw them grouped: {:?}", both.title);
    // Both state the price; neither the other's listing number.
    assert_eq!(both.key.specs, ["80gsm", "a4", "idr1250000"], "{}", both.title);
    assert_eq!(both.title, "Kertas HVS A4 80GSM IDR1250000");
}

#[test]
fn one_listings_junk_is_no_word_of_the_groups_title() {
    let groups = groups_of(&[
        r#"=HYPERLINK("http://evil.example","Kertas HVS A4 80 gsm")"#,
        "+Kertas HVS A4 80 gsm",
        "-Kertas HVS A4 80 gsm",
    ]);
    let junk = holding(&groups, "0");
    assert_eq!(junk.offers.len(), 3, "{}", junk.title);
    assert_eq!(junk.title, "Kertas HVS A4 80GSM");
}
