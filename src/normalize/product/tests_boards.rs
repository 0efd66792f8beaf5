//! Boards of a marker maker's brand never group with its markers, erasers or inks, however the
//! board's size is written or left out (review27c H5). Listings from the reviews.

use super::tests_markers::{conflict, grouped, together};
use super::*;

/// The groups of labelled titles, each checked to hold one label only.
fn pure_groups<'a>(titles: &[(&str, &'a str)]) -> Vec<Vec<&'a str>> {
    let groups = grouped(&titles.iter().map(|(_, t)| *t).collect::<Vec<_>>());
    let label = |t: &str| titles.iter().find(|(_, x)| *x == t).map(|(l, _)| *l);
    for g in &groups {
        assert!(g.iter().all(|t| label(t) == label(g[0])), "{g:?}");
    }
    groups
}

#[test]
fn a_board_size_written_with_a_times_sign_or_units_on_both_sides_is_the_size() {
    let plain = product_key("Whiteboard Kayu 60 x 90 cm");
    for spelling in ["Whiteboard Kayu 60×90 cm", "Whiteboard Kayu 60 × 90 cm", "Whiteboard Kayu 60*90 cm"] {
        assert_eq!(product_key(spelling), plain, "{spelling}");
    }
    for spelling in ["Whiteboard Kayu 60 cm x 90 cm", "Whiteboard Kayu 60cmx90cm"] {
        assert!(conflict(spelling, "Whiteboard Kayu 60 x 90 cm").is_empty(), "{spelling}");
    }
}

#[test]
fn a_board_never_meets_a_brand_first_marker_whatever_its_size_spelling_or_none() {
    // review27c H5: `Nakula Whiteboard Hitam` (a Rp7.500 marker) met `Whiteboard Nakula 60 cm x
    // 90 cm` (median Rp128.750), and `Surya Whiteboard Hitam` met `Whiteboard Surya Kecil`.
    for board in [
        "Whiteboard Nakula 60 cm x 90 cm",
        "Whiteboard Nakula 60×90 cm",
        "Whiteboard Nakula 60*90 cm",
        "Whiteboard Nakula 60 X 90",
        "Whiteboard Nakula 60cmx90cm",
        "Whiteboard Nakula 1,2 x 2,4 m",
        "Whiteboard Nakula Kecil",
        "Whiteboard Nakula Ukuran Sedang",
        "Whiteboard Nakula",
    ] {
        assert!(!conflict("Nakula Whiteboard Hitam", board).is_empty(), "{board}");
        assert!(!conflict("Nakula White Board Biru", board).is_empty(), "{board}");
    }
    // A bottle's or an eraser's measures are no board's size.
    assert!(conflict("Penghapus Whiteboard Nakula 15 x 5 cm", "Penghapus Whiteboard Nakula").is_empty());
}

#[test]
fn the_boards_markers_erasers_and_inks_of_one_brand_each_group_apart() {
    let titles = [
        ("marker", "Kayu Whiteboard Hitam"),
        ("marker", "Kayu White Board Hitam"),
        ("marker", "Spidol Whiteboard Kayu Hitam"),
        ("eraser", "Penghapus Whiteboard Kayu"),
        ("eraser", "Hapusan Whiteboard Kayu"),
        ("eraser", "Hapusan Whiteboard Kayu Magnet"),
        ("sticker", "Sticker Whiteboard Kayu 60 x 90 cm"),
        ("cork", "Papan Gabus Kayu 60 x 90 cm"),
        ("cork", "Papan Gabus Kayu Ukuran 60 cm x 90 cm"),
        ("cork", "Papan Pengumuman Gabus Kayu 60 x 90 cm"),
        ("ink", "Refill Tinta Whiteboard Kayu 20 ml"),
        ("60x90", "Whiteboard Kayu 60 cm x 90 cm"),
        ("60x90", "Whiteboard Kayu 60 x 90 cm"),
        ("60x90", "Whiteboard Kayu 60X90"),
        ("60x90", "Whiteboard Kayu 60×90 cm"),
        ("60x90", "Whiteboard Kayu 60*90 cm"),
        ("60x90", "Papan Tulis Whiteboard Kayu 60 x 90 cm"),
        ("sedang", "Whiteboard Kayu Ukuran Sedang"),
        ("sedang", "Papan Tulis Whiteboard Kayu Ukuran Sedang"),
        ("kecil", "Whiteboard Kayu Kecil"),
    ];
    let groups = pure_groups(&titles);
    let boards: Vec<&str> = titles.iter().filter(|(l, _)| *l == "60x90").map(|(_, t)| *t).collect();
    assert!(boards.iter().all(|b| together(&groups, boards[0], b)), "{groups:?}");
    let twins = |a: &str, b: &str| together(&groups, a, b);
    assert!(twins("Whiteboard Kayu Ukuran Sedang", "Papan Tulis Whiteboard Kayu Ukuran Sedang"), "{groups:?}");
    assert!(twins("Hapusan Whiteboard Kayu", "Hapusan Whiteboard Kayu Magnet"), "{groups:?}");
    assert!(twins("Papan Gabus Kayu 60 x 90 cm", "Papan Gabus Kayu Ukuran 60 cm x 90 cm"), "{groups:?}");
}

#[test]
fn a_board_named_after_its_gift_is_the_board_never_the_gift() {
    // review27c H4: `Free Spidol Whiteboard Bima 60 x 90 cm` (a board with a free marker) met the
    // marker (median Rp134.500), `Gratis Penghapus Whiteboard Bima 60 x 90 cm` the eraser.
    let titles = [
        ("marker", "Spidol Whiteboard Mentari Hitam"),
        ("marker", "Spidol Mentari Hitam"),
        ("marker", "Mentari Whiteboard Hitam"),
        ("eraser", "Penghapus Whiteboard Mentari"),
        ("eraser", "Gratis Penghapus Whiteboard Mentari"),
        ("ink", "Refill Tinta Whiteboard Mentari 20 ml"),
        ("board", "Whiteboard Mentari 60 x 90 cm"),
        ("board", "Papan Tulis Whiteboard Mentari 60 x 90 cm"),
        ("board", "Free Spidol Whiteboard Mentari 60 x 90 cm"),
        ("board", "Gratis Penghapus Whiteboard Mentari 60 x 90 cm"),
        ("board", "Bonus Spidol Papan Tulis Whiteboard Mentari 60 x 90 cm"),
        ("board", "Gratis 2 Spidol dan Penghapus Whiteboard Mentari 60 x 90 cm"),
        ("board", "Whiteboard Mentari Free Penghapus 60 x 90 cm"),
        ("90x120", "Free Spidol Whiteboard Mentari 90 x 120 cm"),
    ];
    let groups = pure_groups(&titles);
    for (_, board) in titles.iter().filter(|(l, _)| *l == "board") {
        assert!(together(&groups, "Whiteboard Mentari 60 x 90 cm", board), "{board}: {groups:?}");
    }
    for (gift, board) in [
        ("Spidol Whiteboard Bima Hitam", "Free Spidol Whiteboard Bima 60 x 90 cm"),
        ("Penghapus Whiteboard Bima", "Gratis Penghapus Whiteboard Bima 60 x 90 cm"),
    ] {
        assert!(!conflict(gift, board).is_empty(), "{board}");
        assert!(conflict("Whiteboard Bima 60 x 90 cm", board).is_empty(), "{board}");
    }
}

#[test]
fn a_glass_board_is_a_whiteboard_never_a_green_chalkboard() {
    // review27c H9: `Green Board Rahwana` (Rp245.000) met `Glass Board Rahwana Hijau` (Rp600.000).
    let titles = [
        ("chalk", "Green Board Rahwana 60 x 90 cm"),
        ("chalk", "Papan Kapur Rahwana 60 x 90 cm"),
        ("glass", "Glass Board Rahwana Hijau 60 x 90 cm"),
        ("glass", "Papan Tulis Kaca Rahwana Hijau 60 x 90 cm"),
        ("glass", "Papan Kaca Rahwana Hijau 60 x 90 cm"),
        ("glass", "Kaca Board Rahwana Hijau 60 x 90 cm"),
        ("glass", "Glassboard Rahwana Hijau 60 x 90 cm"),
        ("marker", "Spidol Whiteboard Rahwana Hijau"),
        ("marker", "Rahwana Whiteboard Hijau"),
        ("eraser", "Penghapus Whiteboard Rahwana"),
    ];
    let groups = pure_groups(&titles);
    for (_, glass) in titles.iter().filter(|(l, _)| *l == "glass") {
        assert!(!conflict("Green Board Rahwana 60 x 90 cm", glass).is_empty(), "{glass}");
    }
    assert!(together(&groups, titles[2].1, titles[3].1), "{groups:?}");
}
