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
    let groups = groups_of(&["Kertas HVS A4 80 gsm IDR 1,250,000.00", "Kertas HVS A4 80 gsm en 01 IDR 1,250,000"]);
    let both = holding(&groups, "0");
    assert_eq!(both.offers.len(), 2, "the review saw them grouped: {:?}", both.title);
    // Both state the price (in IDR, which is rupiah); the first not the other's listing number.
    // (With `en 00` and `en 01` both were listing numbers, codes apart, once the price was no
    // code `idr1250000` both shared: review36 R36-3.)
    assert_eq!(both.key.specs, ["80gsm", "a4", "rp1250000"], "{}", both.title);
    assert_eq!(both.title, "Kertas HVS A4 80GSM Rp 1.250.000");
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

fn titles_of(titles: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = groups_of(titles).into_iter().map(|g| g.title).collect();
    out.sort();
    out
}

#[test]
fn a_face_value_shows_in_the_title_however_each_offer_writes_it() {
    // review36 R36-10: two groups both titled "Token Listrik"; "Voucher Belanja" for six
    // spellings of 150.000; "Meterai Materai 6000"; codes "RP100000", "PLN50 Rb"; "Pulsa" for XL.
    let tokens =
        ["Token Listrik PLN 20.000", "Token Listrik 20.000", "Token Listrik PLN 50.000", "Token Listrik 50.000"];
    assert_eq!(titles_of(&tokens), ["Token Listrik 20.000", "Token Listrik 50.000"]);
    assert_eq!(titles_of(&["Voucher Belanja 100 000"]), ["Voucher Belanja 100.000"]);
    let vouchers = [
        "Voucher Belanja 150rb",
        "Voucher Belanja Rp 150.000",
        "Voucher Belanja Rp150rb",
        "Voucher Belanja 150K",
        "Voucher Belanja Rp 150 ribu",
        "Voucher Belanja 150.000",
    ];
    assert_eq!(titles_of(&vouchers), ["Voucher Belanja Rp 150.000"]);
    assert_eq!(
        titles_of(&["Materai 10000", "Materai 6000", "Materai Rp 10.000"]),
        ["Meterai 6000", "Meterai Rp 10.000"]
    );
    assert_eq!(titles_of(&["Voucher Belanja Rp 100.000"]), ["Voucher Belanja Rp 100.000"]);
    assert_eq!(titles_of(&["Token Listrik PLN 50rb"]), ["Token Listrik PLN Rp 50.000"]);
    assert_eq!(titles_of(&["Pulsa XL 100.000", "Pulsa XL 100 K"]), ["Pulsa XL Rp 100.000"]);
}
