//! What a bare count after a pack word counts when the title says it (review26b F4, review27b G10).
use super::*;
use rust_decimal_macros::dec;

/// The reading an offer shows on its own: base unit, quantity, confident.
fn shown(field: Option<&str>, title: &str) -> (Option<String>, Option<Decimal>, bool) {
    let unit = hold_bare_count(parse_unit(field, title), field, title);
    (unit.base_unit, unit.quantity, unit.confident)
}

fn of(base: &str, quantity: Decimal) -> (Option<String>, Option<Decimal>, bool) {
    (Some(base.to_string()), Some(quantity), true)
}

#[test]
fn a_bare_count_after_a_per_item_size_is_that_many_items_of_that_size() {
    assert_eq!(shown(Some("dus"), "ADES Air Mineral 600 ml Dus isi 24"), of("botol", dec!(24)));
    assert_eq!(shown(Some("dus"), "AIR MINERAL BOTOL ADES 600ML DUS ISI 24"), of("botol", dec!(24)));
    assert_eq!(shown(Some("dus"), "Air Mineral 330ml Club Dus isi 24 Ready Stock"), of("botol", dec!(24)));
    assert_eq!(shown(Some("dus"), "Hand Sanitizer Antis 500 ml Dus isi 12"), of("botol", dec!(12)));
    assert_eq!(shown(Some("dus"), "HAND SANITIZER GEL NUVO 1 LITER DUS ISI 12"), of("botol", dec!(12)));
    assert_eq!(shown(Some("dus"), "Air Mineral 600 ml isi 24"), of("botol", dec!(24)));
    // Cups and cans are pieces of that size, not bottles.
    assert_eq!(shown(Some("dus"), "Air Mineral Aqua Gelas 220 ml Dus isi 48"), of("pcs", dec!(48)));
    assert_eq!(shown(Some("dus"), "Coca Cola Kaleng 330 ml Dus isi 24"), of("pcs", dec!(24)));
    // Twenty bags of one kilogram are twenty kilograms, as `1 Dus (20 x 1 Kg)` says.
    assert_eq!(shown(Some("dus"), "Gula Pasir Gulaku 1 kg Dus isi 20"), of("kg", dec!(20)));
    assert_eq!(shown(Some("dus"), "GULA PASIR PUTIH INDOGULA 1KG DUS ISI 20"), of("kg", dec!(20)));
    // Forty-eight packs of 250 sheets, as `250 Sheet (1 Karton (48 Pak))` reads.
    assert_eq!(shown(Some("karton"), "Tisu Paseo 250 Sheet 2 Ply Karton isi 48"), of("lembar", dec!(12000)));
    assert_eq!(shown(None, "Masker Sensi 50 pcs Karton isi 40"), of("pcs", dec!(2000)));
    // The same count twice is one statement.
    assert_eq!(shown(Some("box"), "Masker Sensi 50 pcs Box isi 50"), of("pcs", dec!(50)));
}

#[test]
fn a_bare_count_the_title_does_not_size_stays_held() {
    for (field, title) in [
        (Some("karton"), "Tisu Paseo Karton isi 48"),
        (Some("karton"), "Tisu Paseo 2 Ply Karton isi 48"),
        (Some("karton"), "Masker Sensi 3 Ply Earloop Karton isi 40"),
        (Some("dus"), "Air Mineral Ades Dus isi 24"),
        (Some("box"), "Kertas HVS A4 70 gsm Sinar Dunia Box isi 5"),
        (Some("box"), "Pulpen Standard AE7 Hitam Box isi 12"),
        // A weight or volume the count cannot be many of is the whole pack's.
        (Some("dus"), "Permen Kopiko 1 kg Dus isi 300"),
        (Some("dus"), "Sabun Cair 5 Liter Dus isi 24"),
        // Two sizes: which one the count counts is not said.
        (Some("dus"), "Hand Sanitizer Antis 500 ml 1 Liter Dus isi 12"),
    ] {
        let unit = hold_bare_count(parse_unit(field, title), field, title);
        assert_eq!((unit.quantity, unit.note), (None, Some(BARE_PACK_COUNT)), "{field:?} / {title}");
    }
}

#[test]
fn a_sized_count_names_its_unit_so_compare_need_not_confirm_it() {
    let water = pack_count(Some("dus"), "ADES Air Mineral 600 ml Dus isi 24").expect("a count");
    assert_eq!((water.pack, water.quantity, water.named), (Some("dus"), 24, Some("botol")));
    assert!(!water.may_count_packs());
}

#[test]
fn a_karton_of_thousands_is_priced_per_piece_but_not_confidently() {
    for (field, title, quantity) in [
        (Some("karton"), "Masker Bedah Sensi 3 Ply Hijau karton isi 2000", dec!(2000)),
        (Some("box"), "Sarung Tangan Karet Box isi 1000", dec!(1000)),
    ] {
        let unit = hold_bare_count(parse_unit(field, title), field, title);
        let read = (unit.base_unit.as_deref(), unit.quantity, unit.confident, unit.note);
        assert_eq!(read, (Some("pcs"), Some(quantity), false, Some(LIKELY_PIECES)), "{field:?} / {title}");
    }
    // A box of a dozen may be a dozen boxes; a karton of fifty, fifty boxes; and a box of fifty
    // masks was a karton of boxes at Rp1.000.002 (review26b F7: Rp20.000 a mask).
    for (field, title) in [
        (Some("box"), "Teh Celup Sariwangi Box isi 25"),
        (Some("box"), "Masker Sensi 3 Ply Hijau Box isi 50"),
        (Some("box"), "Masker Coba Earloop Bx isi 50"),
        (None, "MASKER EARLOOP SENSI 3 PLY PUTIH BOX ISI 50"),
        (Some("karton"), "Masker Sensi 3 Ply Karton isi 50"),
        (Some("dus"), "Masker Sensi 3 Ply Dus isi 500"),
    ] {
        let unit = hold_bare_count(parse_unit(field, title), field, title);
        assert_eq!(unit.note, Some(BARE_PACK_COUNT), "{field:?} / {title}");
    }
}

#[test]
fn a_cartoon_print_or_balls_beside_a_unit_field_naming_another_pack_are_no_karton_nor_bal() {
    // review27b G10: a pak of 12 pencils with a cartoon print had no unit price.
    let pieces = |n| (Some("pcs".to_string()), Some(n), true);
    assert_eq!(shown(Some("pak"), "Ujikata Pensil 2B Cartoon isi 12"), pieces(dec!(12)));
    assert_eq!(shown(Some("Pak"), "Ujiunit Stiker Cartoon isi 12"), pieces(dec!(12)));
    assert_eq!(shown(Some("pak"), "Ujikata Bola Pingpong Ball isi 6"), pieces(dec!(6)));
    // Beside no unit field, or the same pack, they are still the karton and the bal (review26b F7).
    for (field, title) in [
        (None, "Masker Uji Earloop Cartoon isi 40"),
        (Some("Cartoon"), "Masker Uji Earloop Cartoon isi 40"),
        (Some("karton"), "Masker Uji Earloop Cartoon isi 40"),
        (Some("Ball"), "Masker Uji Earloop Ball isi 40"),
    ] {
        let unit = hold_bare_count(parse_unit(field, title), field, title);
        assert_eq!((unit.quantity, unit.note), (None, Some(BARE_PACK_COUNT)), "{field:?} / {title}");
    }
}

#[test]
fn a_sachet_of_tea_bags_is_a_kantong_and_elsewhere_a_sachet() {
    assert_eq!(shown(Some("box"), "Teh Celup Sariwangi Tubruk isi 25 Sachet"), of("kantong", dec!(25)));
    assert_eq!(shown(Some("box"), "TEH CELUP SARIWANGI ASLI ISI 25 SACHET"), of("kantong", dec!(25)));
    assert_eq!(shown(Some("renceng"), "Kopi Kapal Api Renceng isi 10 Sachet"), of("sachet", dec!(10)));
}

#[test]
fn a_unit_field_kantong_on_tea_bags_is_a_pouch_of_unstated_size_not_one_bag() {
    // review26b F8: Rp9.000 for the pouch was ranked as Rp9.000 a bag beside Rp360 a bag.
    for title in ["Teh Celup Walini Kantong", "Teh Celup Sariwangi Asli"] {
        let unit = parse_unit(Some("Kantong"), title);
        assert_eq!((unit.quantity, unit.confident), (None, false), "{title}");
    }
    assert_eq!(shown(Some("kantong"), "Teh Celup Walini 25 Kantong"), of("kantong", dec!(25)));
    assert_eq!(shown(Some("Kantong"), "Kantong Plastik Hitam"), of("kantong", dec!(1)));
    assert_eq!(shown(Some("kantong"), "Gula Pasir Gulaku 1 kg"), of("kantong", dec!(1)));
}
