//! What a bare count after a pack word counts where the title says what it is (review27b G10,
//! review26b F6, F8), and after the volume of each bottle (review26b F4) but no other size: read
//! so, whole-pack sizes were multiplied and multipacks missed (review28d H1, H2, H5).
use super::test_support::{of, shown};
use super::*;
use rust_decimal_macros::dec;

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
fn a_bare_count_after_a_size_that_may_be_the_whole_packs_stays_held() {
    // review28d: read as so many items of that size, these were priced wrongly and confidently
    // (H5: 12,500 sheets at Rp20; H1: 40 kg of pepper, 20 kg of sugar; H2: 4 bottles of a 6-pack
    // dus; H6: a washing machine per kg).
    for (field, title) in [
        (Some("box"), "Kertas HVS A4 80 gr 2500 Lembar Box isi 5"),
        (Some("box"), "Pensil 2B 144 pcs Box isi 12"),
        (Some("box"), "Lada Bubuk 1 kg Box isi 40"),
        (Some("dus"), "Gula Pasir 1 kg Dus isi 20"),
        (Some("dus"), "Air Mineral 600 ml 6 Pack Dus isi 4"),
        (Some("dus"), "Air Mineral 200 ml 4 Pack Dus isi 6"),
        (Some("dus"), "Air Mineral 600 ml Twin Pack Dus isi 12"),
        (Some("dus"), "Air Mineral 2 x 600 ml Dus isi 12"),
        (Some("dus"), "Mesin Cuci 7 kg Dus isi 1"),
        // A volume no one bottle holds is the pack's; two volumes do not say which is counted.
        (Some("dus"), "Sabun Cair 5 Liter Dus isi 4"),
        (Some("dus"), "Hand Sanitizer 500 ml 1 Liter Dus isi 12"),
        // A count no dus of bottles reaches, and a second pack word.
        (Some("dus"), "Air Mineral Gelas 240 ml Karton isi 96"),
        (Some("dus"), "Air Mineral 600 ml Box Dus isi 24"),
        // Another number in the title may be what is counted (a year, a model, a second size).
        (Some("dus"), "Air Mineral Kemasan 2025 600 ml Dus isi 24"),
        // review29b J1: drinks, cups and food boxes in unnamed inner packs (packs of five, sleeves
        // of fifty); J2: multipacks in one word; J3: a count no dus of bottles is.
        (Some("karton"), "Minuman Probiotik 65 ml Karton isi 10"),
        (Some("karton"), "Susu UHT Ultra 200 ml Karton isi 6"),
        (Some("dus"), "Gelas Plastik 220 ml Dus isi 20"),
        (Some("dus"), "Thinwall 500 ml Dus isi 12"),
        (Some("dus"), "Coca Cola Kaleng 330 ml Dus isi 24"),
        (Some("dus"), "Air Mineral 200 ml Twinpack Dus isi 12"),
        (Some("dus"), "Air Mineral 600 ml Sixpack Dus isi 4"),
        (Some("dus"), "Air Mineral 600 ml Shrink Dus isi 24"),
        (Some("dus"), "Air Mineral 240 ml Tray Dus isi 48"),
        (Some("dus"), "Air Mineral 330 ml Inner Dus isi 24"),
        (Some("dus"), "Air Mineral 600 ml Dus isi 2"),
        // review29c P5: words for several dus sold as one; a dispenser's capacity.
        (Some("dus"), "Air Mineral 600 ml Double Dus isi 24"),
        (Some("dus"), "Air Mineral 600 ml Combo Dus isi 24"),
        (Some("dus"), "Air Mineral 600 ml Grosir Dus isi 24"),
        (Some("dus"), "Air Mineral 600 ml Jumbo Dus isi 24"),
        (Some("dus"), "Dispenser Hand Sanitizer 1000 ml Dus isi 10"),
        // review29b J5: a unit field naming another pack than the title's may be two of them.
        (Some("karton"), "Air Mineral 600 ml Dus isi 24"),
        (Some("ctn"), "Air Mineral 600 ml Dus isi 24"),
        (Some("karton isi 2 dus"), "Air Mineral 600 ml Dus isi 24"),
    ] {
        let unit = hold_bare_count(parse_unit(field, title), field, title);
        assert_eq!((unit.quantity, unit.note), (None, Some(BARE_PACK_COUNT)), "{field:?} / {title}");
    }
}

#[test]
fn a_bare_count_after_the_volume_of_each_bottle_is_that_many_bottles() {
    // review26b F4: the commonest pack a Pemda buys for its meetings had no unit price.
    assert_eq!(shown(Some("dus"), "ADES Air Mineral 600 ml Dus isi 24"), of("botol", dec!(24)));
    assert_eq!(shown(Some("dus"), "AIR MINERAL BOTOL ADES 600ML DUS ISI 24"), of("botol", dec!(24)));
    assert_eq!(shown(Some("dus"), "Air Mineral Club 330ml Dus isi 24 Ready Stock"), of("botol", dec!(24)));
    assert_eq!(shown(Some("dus"), "HAND SANITIZER GEL NUVO 1 LITER DUS ISI 12"), of("botol", dec!(12)));
    assert_eq!(shown(Some("karton"), "Air Mineral Le Minerale 1500 ml Karton isi 12"), of("botol", dec!(12)));
    assert_eq!(shown(None, "Air Mineral 600 ml isi 24"), of("botol", dec!(24)));
    // Cups of water are pieces of that size.
    assert_eq!(shown(Some("dus"), "Air Mineral Aqua Gelas 220 ml Dus isi 48"), of("pcs", dec!(48)));
    assert_eq!(shown(Some("Dus"), "Aqua Air Minum Gelas 240ml 1 Dus isi 48"), of("pcs", dec!(48)));
}

#[test]
fn compare_weighs_a_count_of_bottles_as_a_bare_count() {
    // review29b J0: it must go through compare's check against the product's other offers.
    assert!(per_bottle(Some("dus"), "ADES Air Mineral 600 ml Dus isi 24"));
    let (held, count) = held_reading(Some("dus"), "ADES Air Mineral 600 ml Dus isi 24").expect("held");
    assert_eq!((held.base_unit.as_deref(), held.quantity, count.named), (Some("pcs"), Some(dec!(24)), None));
    assert!(!per_bottle(Some("dus"), "ADES Air Mineral 600 ml Dus isi 24 Botol"));
    assert!(!per_bottle(Some("dus"), "Masker Sensi Dus isi 24"));
}

#[test]
fn a_count_of_bottles_names_its_unit_so_compare_need_not_confirm_it() {
    let water = pack_count(Some("dus"), "ADES Air Mineral 600 ml Dus isi 24").expect("a count");
    assert_eq!((water.pack, water.quantity, water.named), (Some("dus"), 24, Some("botol")));
    assert!(!water.may_count_packs());
}
