//! The maker read from a title's words is never a generic word in the maker's place (review31
//! R4–R6): the first run of words the matcher does not know was the maker, and a known word ended
//! the run, so in `<generic> <known word> <maker>` the generic word became the brand of every
//! maker's title (`Sabun Mandi Cair Lifebuoy` was brand `Mandi`), and a title holding that word
//! waived the conflict with a known brand (`Tempat Spidol Magnetik Joyko` met `… Ujimh`).

use super::tests_markers::{conflict, grouped, together};

/// `<generic> <known word> <maker>` and runs of generic words longer than a brand is read.
const GENERIC_FIRST: &[&str] = &[
    "Sabun Mandi Cair {} 250 ml",
    "Kapur Tulis Halus Putih {}",
    "Kapur Tulis Anti Debu Putih {}",
    "Chalk Stick White {}",
    "Kapur Anak Sekolah {} Putih",
    "Kaos Kaki Sekolah {} Putih",
    "Kawat Las Batang {} 2.6 mm",
    "Kamper Kapur Barus {}",
    "Kapur Barus Wangi {} 100 gr",
    "Penjepit Kertas Satuan {} No 3",
    "Tempat Kapur Tulis {} Plastik",
];

/// Marker holders: `Tempat`, `Wadah`, `Non`, `Holder` were read as their maker (R4).
const HOLDERS: &[&str] = &[
    "Tempat Spidol Magnetik {}",
    "Tempat Spidol {}",
    "Wadah Spidol Magnetik {}",
    "Non Magnetic Marker Holder {}",
    "Marker Holder Non Magnetic {}",
    "Tempat Spidol Non Magnetik {}",
];

/// Each pair, two makers' titles, conflicts and so never groups.
pub(super) fn two_makers_conflict(pairs: &[(&str, &str)]) {
    for &(a, b) in pairs {
        assert!(!together(&grouped(&[a, b]), a, b), "{a} / {b}");
        assert!(!conflict(a, b).is_empty(), "{a} / {b}");
    }
}

/// Each pattern's two makers' titles never end in one group with its title naming no maker.
pub(super) fn makers_stay_apart(patterns: &[&str], (x, y): (&str, &str)) {
    for pattern in patterns {
        let (a, b) = (pattern.replace("{}", x), pattern.replace("{}", y));
        let none = pattern.replace(" {}", "");
        let titles = [a.as_str(), b.as_str(), none.as_str()];
        let groups = grouped(&titles);
        assert!(!together(&groups, &a, &b), "{a} / {b} through {none}: {groups:?}");
    }
}

#[test]
fn a_generic_word_before_a_known_word_is_never_the_maker_of_two_makers_titles() {
    makers_stay_apart(GENERIC_FIRST, ("Ujiab", "Ujicd"));
}

#[test]
fn two_makers_marker_holders_never_meet_through_a_holder_naming_no_maker() {
    makers_stay_apart(HOLDERS, ("Ujimh", "Ujixy"));
    makers_stay_apart(HOLDERS, ("Joyko", "Ujimh"));
}

#[test]
fn a_known_brand_never_meets_another_maker_through_a_generic_word_both_titles_hold() {
    let pairs = [
        ("Sabun Mandi Cair Dettol 250 ml", "Sabun Mandi Cair Lifebuoy 250 ml"),
        ("Tempat Spidol Magnetik Joyko", "Tempat Spidol Magnetik Ujimh"),
        ("Kapur Tulis Halus Putih Sakana", "Kapur Tulis Halus Putih Gatot"),
    ];
    two_makers_conflict(&pairs);
}

#[test]
fn two_makers_boards_never_meet_through_a_board_naming_no_maker_when_one_maker_is_a_known_word() {
    // R5: `Sinar` (a word of `Sinar Dunia`) and `Baja` (steel) are known words, so those boards
    // had no maker, and nothing kept them from Snowman's or Sakura's. The word in the other's
    // maker's place now does (see `place`).
    let blocks: &[&[&str]] = &[
        &["Papan Tulis Sinar 90x120", "Papan Tulis Snowman 90x120", "Papan Tulis 90x120"],
        &[
            "Papan Tulis Whiteboard Sinar 60 x 90 cm",
            "Papan Tulis Whiteboard Snowman 60 x 90 cm",
            "Papan Tulis Whiteboard 60 x 90 cm",
        ],
        &["Papan Tulis Sinar Magnetic 120x240", "Papan Tulis Snowman Magnetic 120x240", "Papan Tulis Magnetic 120x240"],
        &["Whiteboard Baja 60x90", "Whiteboard Sakura 60x90", "Whiteboard 60x90"],
    ];
    for titles in blocks {
        let groups = grouped(titles);
        assert!(!together(&groups, titles[0], titles[1]), "{groups:?}");
    }
}

#[test]
fn one_makers_product_written_two_ways_still_groups() {
    // Negative controls: the maker read with the generic word still meets its own other wording.
    let pairs = [
        ("Tempat Spidol Magnetik Ujimh", "Tempat Spidol Whiteboard Magnetik Ujimh"),
        ("Sabun Mandi Cair Lifebuoy 250 ml", "Sabun Mandi Cair Lifebuoy Refill 250 ml"),
        ("Kapur Tulis Halus Putih Gatot", "Kapur Tulis Halus Gatot Putih"),
        ("Kawat Las Batang Ujiab 2.6 mm", "Kawat Las Ujiab Batang 2.6 mm"),
    ];
    for (a, b) in pairs {
        assert!(together(&grouped(&[a, b]), a, b), "{a} / {b}");
    }
}

#[test]
fn a_labelled_brand_takes_no_word_of_the_next_field() {
    // The run passing over known words would have read `Trendee Ujung` across `Tinta: Black`, and
    // this pair of matchset's development part no longer met.
    let (a, b) = (
        "Pena, Merek: Trendee, Tinta: Black, Ujung: 0.5mm, Kemasan: 1 lusin",
        "[Promo] Trendee | Pena | Hitam | 1 lusin",
    );
    assert_eq!(super::product_key(a).brand.as_deref(), Some("Trendee"));
    assert!(together(&grouped(&[a, b]), a, b), "{a} / {b}");
}
