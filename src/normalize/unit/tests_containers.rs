//! A unit field naming a container, or one piece, beside a title counting what is inside
//! (review37m R37m-11): sheets not said of the container are one inner pack's, and things of
//! unstated size may all be what the price is for.
use super::test_support::{NOT_KNOWN, of, shown};
use super::*;
use rust_decimal_macros::dec;

#[test]
fn a_container_beside_a_title_counting_the_sheets_of_one_inner_pack_has_no_size() {
    // A box of reams at Rp 275.000 was Rp 550 a lembar; a karton of tissue packs Rp 560; a pak of
    // ten notebooks one 38-sheet pack.
    let cases = [
        ("Box", "Kertas HVS Sidu A4 70 gsm 500 lembar"),
        ("Karton", "Tissue Paseo 250 lembar"),
        ("Pak", "Buku Tulis Sidu 38 lembar"),
        // A pak of note pads holds several pads of the sheets counted (review38m R38m-2).
        ("Pak", "Post-it 653 Kuning 100 lembar"),
        ("Pak", "Bloknote A5 50 lembar"),
        ("Pak", "Memo Block Warna 100 lembar"),
        ("Pak", "Sticky Notes 3x3 100 lembar"),
        ("Dus", "Kertas HVS A4 (500 lbr)"),
        // `isi` names what a ream holds as often as a box (review38m R38m-3).
        ("Box", "Kertas HVS Sidu A4 70 gsm isi 500 lembar"),
        ("Dus", "Kertas HVS A4 80 gsm isi 500 lembar"),
        ("Karton", "Tissue Paseo isi 250 lembar"),
    ];
    for (field, title) in cases {
        assert_eq!(shown(Some(field), title), NOT_KNOWN, "{field}: {title}");
    }
}

#[test]
fn a_container_whose_title_says_it_holds_the_sheets_is_that_many() {
    assert_eq!(shown(Some("Box"), "Kertas HVS A4 Box isi 500 lembar"), of("lembar", dec!(500)));
    assert_eq!(shown(Some("Pak"), "Amplop Coklat Pak 100 lembar"), of("lembar", dec!(100)));
    assert_eq!(shown(Some("Pak"), "Kertas Origami isi 100 lembar"), of("lembar", dec!(100)));
    // A pak is the inner pack itself, of tissue or photo paper.
    assert_eq!(shown(Some("Pak"), "Tisu Wajah Jolly 3 Ply 200 Sheets"), of("lembar", dec!(200)));
    assert_eq!(shown(Some("Pak"), "Kertas Foto Glossy A4 20 lembar"), of("lembar", dec!(20)));
    assert_eq!(shown(Some("Dus"), "Tisu Wajah Nice 200 Sheet (1 Karton (48 Pak))").1, Some(dec!(9600)));
    // A box of envelopes holds the envelopes its title counts (the sandbox's PaDi listings).
    assert_eq!(shown(Some("Box"), "Jaya Amplop Kabinet Coklat (500 lbr)"), of("lembar", dec!(500)));
    assert_eq!(shown(Some("Dus"), "Label Tom & Jerry 103 (500 lembar)"), of("lembar", dec!(500)));
    // More sheets than a ream are the box's five reams.
    assert_eq!(shown(Some("box"), "Sinar Dunia Kertas HVS A4 80 gsm (2500 lbr)"), of("lembar", dec!(2500)));
}

#[test]
fn a_piece_beside_a_title_counting_things_of_unstated_size_is_never_surely_one() {
    let unsure = (Some("pcs".to_string()), Some(Decimal::ONE), false);
    for title in [
        "Buku Tulis Campus isi 10 buku @38 lembar",
        "Buku Tulis Sidu 38 lembar 1 pak isi 10 buku",
        "Amplop Putih 1 dus isi 10 pak @ 100 lembar",
        "Snack Box 100 kotak isi 3 kue",
    ] {
        assert_eq!(shown(Some("Pcs"), title), unsure, "{title}");
    }
    // Session 37's readings stand: a stapler's capacity and a notebook's pages are no pack.
    assert_eq!(shown(Some("Pcs"), "Stapler Kenko HD-10 kapasitas 20 lembar"), unsure);
    assert_eq!(shown(Some("Pcs"), "Buku Tulis Sidu 38 lembar"), unsure);
}
