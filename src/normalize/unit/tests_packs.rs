//! What a bare count after a pack word counts where the title says what it is (review27b G10,
//! review26b F6, F8). A bare count after a per-item size stays held: reading it as that many items
//! of that size (review26b F4, reverted) multiplied whole-pack sizes and missed multipacks
//! (review28d H1, H2, H5).
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

#[test]
fn a_bare_count_after_a_per_item_size_stays_held_as_the_size_may_be_the_whole_packs() {
    // review28d: read as so many items of that size, these were priced wrongly and confidently
    // (H5: 12,500 sheets at Rp20; H1: 40 kg of pepper; H2: 4 bottles of a 6-pack dus).
    for (field, title) in [
        (Some("box"), "Kertas HVS A4 80 gr 2500 Lembar Box isi 5"),
        (Some("box"), "Pensil 2B 144 pcs Box isi 12"),
        (Some("box"), "Lada Bubuk 1 kg Box isi 40"),
        (Some("dus"), "Air Mineral 600 ml 6 Pack Dus isi 4"),
        (Some("dus"), "ADES Air Mineral 600 ml Dus isi 24"),
    ] {
        let unit = hold_bare_count(parse_unit(field, title), field, title);
        assert_eq!((unit.quantity, unit.note), (None, Some(BARE_PACK_COUNT)), "{field:?} / {title}");
    }
}
