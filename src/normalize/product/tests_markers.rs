//! Markers of one maker and colour (review25b F4, review26b, review26e): permanent, whiteboard and
//! OHP markers never group, and wordings of one type still meet. Listings from the reviews.

use super::*;

pub(super) fn conflict(a: &str, b: &str) -> Vec<String> {
    explain(&product_key(a), &product_key(b)).conflicts
}

/// The groups of `titles` as lists of titles.
pub(super) fn grouped<'a>(titles: &[&'a str]) -> Vec<Vec<&'a str>> {
    let keys: Vec<ProductKey> = titles.iter().map(|t| product_key(t)).collect();
    group(&keys).into_iter().map(|g| g.into_iter().map(|i| titles[i]).collect()).collect()
}

/// Whether two titles end up in one group among `titles`.
pub(super) fn together(groups: &[Vec<&str>], a: &str, b: &str) -> bool {
    groups.iter().any(|g| g.contains(&a) && g.contains(&b))
}

#[test]
fn a_permanent_marker_never_groups_with_a_whiteboard_marker_of_its_maker_and_colour() {
    let permanent =
        ["Spidol Snowman Permanent Marker Hitam", "Snowman Permanent Hitam", "Spidol Permanen Snowman Hitam"];
    let whiteboard = [
        "Spidol Snowman Whiteboard Marker Hitam",
        "Spidol Snowman White Board Marker Hitam",
        "Snowman Board Marker Hitam",
        "Spidol Papan Tulis Snowman Hitam",
    ];
    for p in permanent {
        for w in whiteboard {
            assert!(conflict(p, w).iter().any(|c| c.starts_with("marker permanent ≠ whiteboard")), "{p} / {w}");
        }
    }
}

#[test]
fn a_whiteboard_marker_saying_it_is_not_permanent_stays_with_whiteboard_markers() {
    let plain = "Spidol Whiteboard Snowman Hitam";
    for negated in [
        "Spidol Whiteboard Snowman Hitam Tidak Permanen",
        "Spidol Whiteboard Snowman Hitam Bukan Permanen",
        "Spidol Whiteboard Snowman Hitam (Bukan Spidol Permanent)",
        "Spidol Whiteboard Snowman Non Permanent Hitam",
        "Snowman Board Marker Non-Permanent Hitam",
    ] {
        let why = explain(&product_key(plain), &product_key(negated));
        assert!(why.same, "{negated}: {why:?}");
        assert!(!conflict("Spidol Snowman Permanent Hitam", negated).is_empty(), "{negated}");
    }
}

#[test]
fn ohp_pens_whiteboard_and_permanent_markers_each_stay_apart() {
    let titles = [
        "Spidol Titi Hitam",
        "Spidol Whiteboard Titi Hitam",
        "Spidol Whiteboard Titi Hitam Bisa untuk OHP",
        "Spidol Titi OHP Non Permanent Hitam",
        "Spidol Titi OHP-F Hitam",
        "Spidol Titi Permanent Hitam",
        "Titi Permanent Hitam",
        "Spidol Titi OHP Permanent Hitam",
    ];
    let groups = grouped(&titles);
    let kind = |t: &str| match t {
        _ if t.contains("Bisa untuk OHP") => "whiteboard+ohp",
        _ if t.contains("OHP Permanent") || t.contains("Permanent") => "permanent",
        _ if t.contains("OHP") => "ohp",
        _ => "whiteboard",
    };
    for g in &groups {
        assert!(g.iter().all(|t| kind(t) == kind(g[0])), "{g:?}");
    }
    assert!(together(&groups, "Spidol Titi Hitam", "Spidol Whiteboard Titi Hitam"), "{groups:?}");
    assert!(together(&groups, "Spidol Titi Permanent Hitam", "Titi Permanent Hitam"), "{groups:?}");
}

#[test]
fn erasers_refill_ink_and_boards_never_group_with_markers_or_with_each_other() {
    // review26b F9 (Joyko) and review26e E6 (Sakura): their titles name the marker or the board.
    let titles = [
        ("marker", "Joyko Whiteboard Marker BM-10 Hitam"),
        ("marker", "Whiteboard Marker Joyko Hitam"),
        ("marker", "Spidol Whiteboard Joyko BM-10 Hitam"),
        ("eraser", "Penghapus Whiteboard Marker Joyko"),
        ("eraser", "Eraser Whiteboard Marker Joyko"),
        ("eraser", "Magnetic Whiteboard Marker Eraser Joyko"),
        ("ink", "Refill Whiteboard Marker Joyko Hitam"),
        ("ink", "Tinta Whiteboard Marker Joyko 20 ml"),
        ("permanent", "Joyko Permanent Marker PM-20 Hitam"),
        ("permanent ink", "Permanent Marker Refill Ink Joyko Hitam"),
        ("permanent ink", "Joyko Permanent Marker Refill Hitam"),
        ("board", "Papan Tulis Whiteboard Sakura 60 x 90 cm"),
        ("board", "Whiteboard Sakura 60 x 90"),
        ("eraser", "Penghapus Whiteboard Sakura"),
        ("eraser", "Penghapus Papan Tulis Sakura"),
        ("eraser", "Sakura Whiteboard Eraser Magnet"),
        ("ink", "Sakura Whiteboard Refill Hitam 20 ml"),
        ("marker", "Spidol Whiteboard Snowman Hitam"),
        ("refill?", "Spidol Whiteboard Snowman Refill Hitam"),
    ];
    let groups = grouped(&titles.map(|(_, t)| t));
    let label = |t: &str| titles.iter().find(|(_, x)| *x == t).map(|(l, _)| *l);
    for g in &groups {
        assert!(g.iter().all(|t| label(t) == label(g[0])), "{g:?}");
    }
    assert!(together(&groups, "Penghapus Whiteboard Marker Joyko", "Eraser Whiteboard Marker Joyko"), "{groups:?}");
    assert!(together(&groups, "Penghapus Whiteboard Sakura", "Sakura Whiteboard Eraser Magnet"), "{groups:?}");
    assert!(together(&groups, "Papan Tulis Whiteboard Sakura 60 x 90 cm", "Whiteboard Sakura 60 x 90"), "{groups:?}");
}

#[test]
fn a_marker_naming_its_ink_is_a_marker_and_ink_bottles_of_either_type_stay_apart() {
    // review26e E1: these are markers; E2: these are bottles of ink.
    for (marker, twin) in [
        ("Spidol Snowman Hitam Permanent Tinta Tahan Air", "Spidol Snowman Hitam Permanent"),
        ("Spidol Snowman Hitam Permanen Bisa Refill", "Spidol Snowman Hitam Permanen"),
        ("Kokuyo Permanent Marker Tinta Hitam", "Kokuyo Permanent Marker Hitam"),
    ] {
        assert!(conflict(marker, twin).is_empty(), "{marker}: {:?}", conflict(marker, twin));
    }
    for ink in [
        "Snowman Permanent Hitam Refill 20 ml",
        "Snowman Permanent Ink Hitam 20 ml",
        "Isi Ulang Spidol Permanent Snowman Hitam",
        "Tinta Spidol Permanent Kokuyo Hitam",
    ] {
        assert!(conflict(ink, "Snowman Permanent Hitam").iter().any(|c| c == "product ink ≠ no ink"), "{ink}");
    }
    let (whiteboard, permanent) =
        ("Tinta Spidol Whiteboard Snowman Refill Hitam 20 ml", "Tinta Refill Spidol Permanent Snowman Hitam 20 ml");
    assert!(!conflict(whiteboard, permanent).is_empty());
}

#[test]
fn glue_tape_stamp_pads_and_labels_of_a_marker_maker_are_not_its_markers() {
    // review26e E5: they say "Permanent" too.
    for other in [
        "Artline Stamp Pad Permanent Hitam",
        "Bantalan Stempel Artline Permanent Hitam",
        "Kenko Lem Permanent",
        "Kenko Double Tape Permanent 24 mm",
        "Joyko Label Permanent 103",
        "Snowman Drawing Pen Permanent 0.5 Hitam",
        "Kenko Correction Pen Permanent",
        "Artline Highlighter Permanent Hitam",
        "Artline Paint Marker Permanent Hitam",
    ] {
        assert!(!conflict(other, "Artline Permanent Hitam").is_empty(), "{other}");
    }
    assert!(conflict("Kenko Lem Permanent", "Kenko Lem Permanent 25 gr").is_empty());
}

#[test]
fn a_white_board_marker_is_a_whiteboard_marker_never_a_white_one() {
    // The trap of review26b F4: `White Board` read as the colour putih.
    let spaced = product_key("Spidol Joyko White Board Biru");
    assert_eq!(spaced, product_key("Spidol Joyko Whiteboard Biru"));
    assert!(!spaced.specs.contains(&"putih".to_string()), "{spaced:?}");
    let black = "Spidol Snowman White Board Hitam";
    assert!(explain(&product_key(black), &product_key("Spidol Whiteboard Snowman Hitam")).same);
    assert!(!conflict(black, "Spidol Snowman Putih").is_empty());
    assert!(!conflict(black, "Spidol Snowman Permanent Hitam").is_empty());
}

#[test]
fn an_ohp_permanent_pen_and_a_set_of_colours_are_not_the_single_marker() {
    // review26e's doubt: an OHP fine tip is another pen than a bullet-tip permanent marker.
    assert!(!conflict("Spidol Titi OHP Permanent Hitam", "Spidol Permanent Titi Hitam").is_empty());
    assert!(conflict("Spidol Titi OHP Permanent Hitam", "Spidol Titi OHP Permanent Hitam isi 12").is_empty());
    // A set of twelve colours is not one blue marker (seen grouped on main).
    assert!(!conflict("Spidol Joyko Warna isi 12", "Spidol Joyko Whiteboard Biru").is_empty());
}

#[test]
fn a_marker_saying_non_permanent_without_whiteboard_never_groups_with_ohp_pens() {
    // review27 G2: it became the cheapest "OHP pen" of its maker, split from its twins.
    let titles = [
        "Spidol Whiteboard Faster Hitam",
        "Spidol Faster Hitam",
        "Spidol Faster Hitam Non Permanent",
        "Spidol Faster OHP Non Permanent Hitam",
        "Spidol Faster Permanent Hitam",
    ];
    let groups = grouped(&titles);
    assert!(!together(&groups, titles[2], titles[3]), "{groups:?}");
    assert!(!conflict(titles[2], titles[3]).is_empty());
}

#[test]
fn a_product_word_after_a_negation_is_not_that_product() {
    // review27 G3: "Tanpa Penghapus" was read as an eraser, "Non Refill" as refill ink, and each
    // marker grouped only with the product it denies.
    let titles = [
        "Spidol Whiteboard Greebel Hitam",
        "Spidol Whiteboard Greebel Hitam Tanpa Penghapus",
        "Spidol Whiteboard Greebel Hitam + Penghapus",
        "Spidol Permanent Greebel Hitam",
        "Spidol Permanent Greebel Hitam Non Refill",
        "Spidol Permanent Greebel Hitam Refill",
        "Spidol Whiteboard Greebel Hitam Tidak Perlu Refill",
        "Spidol Whiteboard Greebel Hitam Refill",
    ];
    let groups = grouped(&titles);
    for (marker, denied) in [(1, 2), (4, 5), (6, 7)] {
        assert!(!together(&groups, titles[marker], titles[denied]), "{groups:?}");
    }
    for (twin, denying) in [(0, 1), (3, 4), (0, 6)] {
        assert!(conflict(titles[twin], titles[denying]).is_empty(), "{} / {}", titles[twin], titles[denying]);
    }
}

#[test]
fn a_white_board_and_a_black_board_are_never_one_product() {
    // review27 G5: with "White Board" no longer the colour white, boards and stickers of either
    // kind were grouped.
    let pairs = [
        ("Papan Tulis White Board Cemerlang 60 x 90 cm", "Papan Tulis Black Board Cemerlang 60 x 90 cm"),
        ("Papan Tulis White Board 60 x 90 cm", "Papan Tulis Hitam 60 x 90 cm"),
        ("Papan Tulis Whiteboard 60 x 90 cm", "Papan Tulis Black Board 60 x 90 cm"),
        ("Papan Tulis Whiteboard 60 x 90 cm", "Papan Tulis Kapur 60 x 90 cm"),
        ("Sticker Vinyl White Board A4", "Sticker Vinyl Black Board A4"),
        ("Sticker Vinyl White Board A4", "Sticker Vinyl Hitam A4"),
    ];
    for (white, black) in pairs {
        assert!(!conflict(white, black).is_empty(), "{white} / {black}");
    }
    assert!(conflict("Papan Tulis White Board 60 x 90 cm", "Papan Tulis Whiteboard 60 x 90 cm").is_empty());
}

#[test]
fn a_marker_board_is_the_board_not_a_marker() {
    // review27 G12: "Marker Board" (a whiteboard) read as a marker took the markers into the
    // boards' group and split the boards.
    let titles = [
        "Marker Board Raja 60 x 90 cm",
        "Raja Magnetic Marker Board 60 x 90",
        "Whiteboard Raja 60 x 90 cm",
        "Marker Raja Hitam",
        "Spidol Whiteboard Raja Hitam",
    ];
    let groups = grouped(&titles);
    for board in &titles[..3] {
        for marker in &titles[3..] {
            assert!(!together(&groups, board, marker), "{groups:?}");
        }
    }
    assert!(conflict(titles[0], titles[2]).is_empty(), "{:?}", conflict(titles[0], titles[2]));
}

#[test]
fn an_eraser_never_groups_with_a_board_that_comes_with_one() {
    // review27 G4: boards sold "+ / Gratis / Free Penghapus" were read as erasers, and the
    // erasers were the cheapest "60 x 90 whiteboards".
    let boards = [
        "Whiteboard Bintang 60 x 90 cm",
        "Papan Tulis Whiteboard Bintang 60 x 90 cm",
        "Whiteboard Bintang 60 x 90 cm + Penghapus",
        "Papan Tulis Whiteboard Bintang 60 x 90 cm Gratis Penghapus",
        "Papan Tulis Whiteboard Bintang 60 x 90 Free Penghapus dan Spidol",
    ];
    let erasers = ["Penghapus Whiteboard Bintang", "Penghapus Papan Tulis Bintang"];
    let titles: Vec<&str> = boards.iter().chain(&erasers).copied().collect();
    let groups = grouped(&titles);
    for board in boards {
        for eraser in erasers {
            assert!(!together(&groups, board, eraser), "{groups:?}");
            assert!(!conflict(board, eraser).is_empty(), "{board} / {eraser}");
        }
    }
}

#[test]
fn a_marker_naming_what_its_ink_does_is_never_a_bottle_of_ink() {
    // review27 G8: "Tinta Tahan Air" (waterproof ink) in a brand-first marker title read as ink.
    let markers = ["Kokuyo Permanent Hitam Tinta Tahan Air", "Kokuyo Permanent Tinta Cepat Kering Hitam"];
    let bottles = ["Kokuyo Permanent Hitam Isi Ulang", "Kokuyo Permanent Hitam Refill", "Kokuyo Permanent Ink Hitam"];
    let titles: Vec<&str> = markers.iter().chain(&bottles).chain(&["Kokuyo Permanent Hitam"]).copied().collect();
    let groups = grouped(&titles);
    for marker in markers {
        for bottle in bottles {
            assert!(!together(&groups, marker, bottle), "{groups:?}");
        }
    }
}

#[test]
fn a_whiteboard_with_its_size_never_groups_with_a_whiteboard_title_stating_none() {
    // review27 G11: `Snowman Whiteboard Biru` (a Rp7.550 marker written without "spidol") was one
    // group with `Whiteboard Snowman 60 x 90 cm` (a Rp250.000 board).
    for (marker, board) in [
        ("Snowman Whiteboard Biru", "Whiteboard Snowman 60 x 90 cm"),
        ("Sakura Whiteboard Biru", "Whiteboard Sakura 60x90 cm"),
        ("Gajah Whiteboard Hitam", "Whiteboard Gajah 90 x 120 cm"),
    ] {
        assert!(!conflict(marker, board).is_empty(), "{marker} / {board}");
    }
    assert!(conflict("Whiteboard Snowman 60 x 90 cm", "Papan Tulis Whiteboard Snowman 60 x 90 cm").is_empty());
}

#[test]
fn what_comes_with_a_board_changes_neither_its_size_nor_what_a_marker_is() {
    // review27c H1: the size after the bonus word was lost, and the board met a marker; H6: a
    // marker sold "+ Refill" was read as a board and met the plain marker.
    assert!(!conflict("Yudistira Whiteboard Biru", "Whiteboard Yudistira Free Penghapus 90 x 120 cm").is_empty());
    assert!(!conflict("Srikandi Whiteboard Hitam", "Srikandi Whiteboard Hitam + Refill").is_empty());
}

#[test]
fn a_bottle_naming_what_its_ink_does_is_still_a_bottle() {
    // review27c H7: "Tinta Cepat Kering 30 ml" was read as a marker's ink and met the markers.
    let marker = "Petruk Permanent Hitam";
    for bottle in ["Petruk Permanent Hitam Tinta Cepat Kering 30 ml", "Petruk Permanent Hitam Tinta Tahan Air 20 ml"] {
        assert!(!conflict(marker, bottle).is_empty(), "{bottle}");
    }
}

#[test]
fn a_chalkboard_meets_neither_a_chalk_marker_nor_a_whiteboard() {
    // review27c H2, H3.
    assert!(!conflict("Spidol Kapur Gatot Putih", "Papan Kapur Gatot 60 x 90 cm").is_empty());
    assert!(!conflict("Papan Tulis Hitam Arjuna 60 x 90 cm", "Papan Tulis Whiteboard Arjuna 60 x 90 cm").is_empty());
    assert!(conflict("Papan Kapur Gatot 60 x 90 cm", "Papan Tulis Kapur Gatot 60 x 90 cm").is_empty());
}

#[test]
fn a_marker_for_a_black_board_is_a_whiteboard_marker_and_a_two_sided_board_no_chalkboard() {
    // review27d I1, I5: "Spidol Papan Tulis Hitam" (black ink) was read as a chalkboard marker and
    // met permanent markers and OHP pens, and was split from its twins on the demo; I4.
    assert!(!conflict("Spidol Papan Tulis Hitam Sumantri", "Spidol Permanent Hitam Sumantri").is_empty());
    assert!(!conflict("Spidol Papan Tulis Hitam Setyaki", "Spidol OHP Hitam Setyaki").is_empty());
    assert!(conflict("Snowman BG-12 | Spidol Papan Tulis Hitam", "Spidol Whiteboard Snowman BG-12 Hitam").is_empty());
    assert!(
        conflict("Papan Tulis Putih Hitam Cahaya 60 x 90 cm", "Papan Tulis Hitam Putih Cahaya 60 x 90 cm").is_empty()
    );
}

#[test]
fn a_count_of_bottles_is_no_board_size_and_an_unsized_board_with_an_eraser_is_still_a_board() {
    // review27d I2: "3 x 20 ml" made a marker with refills a sized board; I3: boards sold "Free
    // Penghapus" without an "N x M" size met the eraser again.
    assert!(!conflict("Nala Whiteboard Biru Plus Isi Ulang 3 x 20 ml", "Whiteboard Nala 60 x 90 cm").is_empty());
    assert!(!conflict("Whiteboard Karna Kecil Free Penghapus", "Penghapus Whiteboard Karna").is_empty());
    assert!(!conflict("Whiteboard Drupadi 60 cm x 90 cm Free Penghapus", "Penghapus Whiteboard Drupadi").is_empty());
}

#[test]
fn a_two_sided_board_meets_its_twin_and_neither_one_sided_board() {
    // review27f J1: read as a whiteboard, it had joined the one-sided whiteboards (median Rp400.000).
    let (black_white, white_black) =
        ("Papan Tulis Hitam Putih Durna 60 x 90 cm", "Papan Tulis Putih Hitam Durna 60 x 90 cm");
    assert!(conflict(black_white, white_black).is_empty());
    for one_sided in ["Whiteboard Durna 60 x 90 cm", "Papan Tulis Kapur Durna 60 x 90 cm"] {
        assert!(!conflict(black_white, one_sided).is_empty(), "{one_sided}");
        assert!(!conflict(white_black, one_sided).is_empty(), "{one_sided}");
    }
}

#[test]
fn an_ohp_pen_saying_non_permanent_is_one_with_the_ohp_pens_that_do_not() {
    // review27c H11: `Spidol Zebra OHP Hitam` was split from `… OHP Non Permanent Hitam`.
    let titles = [
        "Spidol Zebra OHP Hitam",
        "Spidol Zebra OHP Non Permanent Hitam",
        "Spidol Zebra Non Permanent Hitam",
        "Spidol Zebra Whiteboard Hitam",
        "Spidol Zebra Permanent Hitam",
        "Spidol Zebra OHP Permanent Hitam",
        "Spidol Zebra Whiteboard Hitam Bisa untuk OHP",
    ];
    let why = explain(&product_key(titles[0]), &product_key(titles[1]));
    assert!(why.same, "{why:?}");
    let groups = grouped(&titles);
    for other in &titles[2..] {
        assert!(!together(&groups, titles[0], other), "{groups:?}");
        assert!(!conflict(titles[1], other).is_empty(), "{other}");
    }
}

#[test]
fn a_black_board_marker_is_a_black_whiteboard_marker() {
    // review27c H10: read as a chalkboard, it was split from its whiteboard-marker twins.
    let marker = "Durna Black Board Marker";
    for twin in ["Durna Board Marker Hitam", "Spidol Whiteboard Durna Hitam"] {
        let why = explain(&product_key(marker), &product_key(twin));
        assert!(why.same, "{twin}: {why:?}");
    }
    for other in [
        "Durna Black Board 60 x 90 cm",
        "Durna Permanent Marker Black",
        "Durna Chalk Board Marker",
        "Durna Board Marker Biru",
        "Spidol Kapur Durna Putih",
    ] {
        assert!(!conflict(marker, other).is_empty(), "{other}");
    }
}
