//! A unit field of one piece beside a title counting something (review36b R36b-4): what no piece
//! is (sheets, tea bags) is what the piece holds; pieces, bottles and measures leave it unsure.
use super::test_support::{of, shown};
use super::*;
use rust_decimal_macros::dec;

/// One piece, not confident: a title stating another size than the unit field.
fn unsure() -> (Option<String>, Option<Decimal>, bool) {
    (Some("pcs".to_string()), Some(Decimal::ONE), false)
}

#[test]
fn a_piece_whose_title_counts_sheets_or_tea_bags_is_one_pack_of_them() {
    assert_eq!(shown(Some("Pcs"), "Kertas A4 500 lembar"), of("lembar", dec!(500)));
    assert_eq!(shown(Some("Buah"), "Kertas A4 100 lembar"), of("lembar", dec!(100)));
    assert_eq!(shown(Some("PCS"), "HVS Sidu A4 (500 lbr)"), of("lembar", dec!(500)));
    assert_eq!(shown(Some("pcs"), "Teh Celup Sariwangi isi 25 Kantong"), of("kantong", dec!(25)));
    // A ream written any way is the same 500 sheets.
    for field in ["Rim", "1 Rim", "RIM (500 lbr)", "Rim 500 Lembar"] {
        assert_eq!(shown(Some(field), "Kertas A4 500 lembar"), of("lembar", dec!(500)), "{field}");
    }
}

#[test]
fn a_piece_whose_title_counts_pieces_bottles_or_a_measure_stays_unsure() {
    for title in ["Pulpen Joyko Isi 12 pcs", "Air Mineral 1 dus isi 24", "Amplop Pak 10 buah", "Aqua Dus 24 Botol"] {
        assert_eq!(shown(Some("Pcs"), title), unsure(), "{title}");
    }
    assert_eq!(shown(Some("Pcs"), "Beras Pandan Wangi 5 kg"), unsure());
    assert_eq!(shown(Some("Buah"), "Timbangan Digital 150 kg"), unsure());
    // The pack the title sizes, or a piece it does not count, is read as before.
    assert_eq!(shown(Some("Pak"), "Amplop Pak 10 buah"), of("pcs", dec!(10)));
    assert_eq!(shown(Some("Pcs"), "Stapler Kenko HD-10"), of("pcs", dec!(1)));
    assert!(!shown(Some("Lembar"), "Kertas A4 500 lembar").2, "a sheet is no ream");
}

#[test]
fn a_tool_or_a_book_whose_title_counts_sheets_is_not_a_pack_of_them() {
    for title in [
        "Stapler Kenko HD-10 kapasitas 20 lembar",
        "Stapler Max HD-50 100 lembar",
        "Paper Shredder Secure 10 lembar",
        "Mesin Penghancur Kertas 8 Lembar",
        "Perforator Joyko 25 lembar",
        "Alat Jilid max 20 lembar",
        "Buku Tulis Sidu 38 lembar",
        "Kwitansi Kecil 50 lembar",
        "Paper Cutter A4 10 lembar",
        "Box File Kertas 500 lembar",
    ] {
        assert_eq!(shown(Some("Pcs"), title), unsure(), "{title}");
    }
    // Paper for a machine is still sheets, and the maker Max before a model is no capacity.
    assert_eq!(shown(Some("Pcs"), "Kertas HVS untuk Mesin Fotokopi A4 500 lembar"), of("lembar", dec!(500)));
    assert_eq!(shown(Some("Pcs"), "Kertas Max HD-10 A4 500 lembar"), of("lembar", dec!(500)));
}

#[test]
fn a_piece_whose_title_counts_what_is_no_content_stays_unsure() {
    // review37m R37m-1: pockets, servings, compartments, a tray, a book's pages.
    for title in [
        "Tas Ransel Laptop 3 kantong",
        "Celana Kargo 6 Kantong",
        "Organizer Meja 6 kotak",
        "Rice Cooker Miyako 10 porsi",
        "Rak Galon 3 galon",
        "Printer Epson L3110 baki 100 lembar",
        "Kalender Dinding 2027 12 lembar",
        "Clear Holder Bantex 20 lembar",
    ] {
        assert_eq!(shown(Some("Pcs"), title), unsure(), "{title}");
    }
}

#[test]
fn a_piece_whose_title_counts_packs_of_sheets_stays_unsure() {
    // review37m R37m-2: read as one inner pack, a box of five reams was priced per 500 sheets.
    for title in [
        "Kertas HVS A4 5 Rim @500 lembar",
        "Kertas HVS A4 500 lembar x5",
        "Kertas HVS A4 isi 500 lembar (1 pack 5 rim)",
        "Kertas HVS A4 Box 5 Rim",
        "Tissue Paseo 24 pack x 250 lembar",
        "Teh Celup Sariwangi 24 kotak @ 25 kantong",
        "Teh Celup Sariwangi 25 kantong x 24",
    ] {
        assert_eq!(shown(Some("Pcs"), title), unsure(), "{title}");
    }
}
