//! Splits the stationery set's development part asks for (brief 28): titles from that part, each
//! pair two products that must never group, and the neighbours each split could push elsewhere.

use super::tests_markers::{conflict, grouped, together};

#[test]
fn a_pencil_eraser_never_meets_a_whiteboard_eraser_of_its_maker() {
    let pencil = ["Penghapus Karet GREEBEL", "Pghps Pensil GREEBEL Box isi 24 pcs", "GREEBEL Rubber Eraser 1 pc"];
    let board =
        ["Greebel Whiteboard Eraser", "Penghapus WB Greebel isi 12 pcs", "Penghapus Papan Tulis GREEBEL isi 12 pcs"];
    for p in pencil {
        for b in board {
            assert!(!conflict(p, b).is_empty(), "{p} / {b}");
        }
    }
    // Neighbours: the pencil erasers still meet each other, and the board erasers each other.
    let groups =
        grouped(&["Penghapus Karet GREEBEL", "Eraser Pensil Box isi 24 pcs - GREEBEL", "Greebel Penghapus Karet"]);
    assert!(together(&groups, "Penghapus Karet GREEBEL", "Greebel Penghapus Karet"), "{groups:?}");
    assert!(conflict("Greebel Whiteboard Eraser", "Penghapus Whiteboard, Merek: GREEBEL").is_empty());
}

#[test]
fn a_double_sided_whiteboard_never_meets_a_single_sided_one() {
    let double = [
        "NEW PAPAN TULIS WHITEBOARD ICHIKO 60X90 2 SISI 1 UNIT GROSIR",
        "Whiteboard, Merek: Ichiko, Ukuran: 60 x 90 cm, Jenis: Dua Muka",
        "Ichiko 60*90 Bolak Balik Whiteboard 1 unit",
        "Papan WB Ichiko 60x90 Double Side",
    ];
    let single = [
        "Ppn Tulis WB Ichiko 60 cm x 90 cm Single Side 1 Unit",
        "PROMO PAPAN TULIS WHITEBOARD ICHIKO 60 X 90 CM SATU MUKA 1 UNIT GARANSI RESMI",
        "Papan Tulis Whiteboard Ichiko 60×90 1 Unit",
    ];
    for d in double {
        for s in single {
            assert!(!conflict(d, s).is_empty(), "{d} / {s}");
        }
    }
    // Neighbours: no wording of one face count is kept from another of the same count by it.
    for (a, b) in [(double[0], double[1]), (double[2], double[3]), (single[0], single[1]), (single[1], single[2])] {
        assert!(!conflict(a, b).iter().any(|c| c.contains("sided")), "{a} / {b}: {:?}", conflict(a, b));
    }
}

#[test]
fn a_green_chalkboard_never_meets_a_whiteboard_however_either_is_written() {
    let green = [
        "Papan Tulis Hijau, Merek: Informa, Ukuran: 90x120, Kemasan: 1 unit",
        "Ppn Tulis Hijau INFORMA 90 cm x 120 cm",
        "Green Board 120 x 90 cm 1 Unit - INFORMA",
    ];
    let white = [
        "Ppn Tulis WB INFORMA 90 cm x 120 cm",
        "Informa 120 x 90 cm Dry Erase Board",
        "Papan Whiteboard INFORMA 90×120",
    ];
    for g in green {
        for w in white {
            assert!(!conflict(g, w).is_empty(), "{g} / {w}");
        }
    }
    // Neighbours: a green marker for the whiteboard is no chalkboard.
    assert!(conflict("Spidol Papan Tulis Hijau Informa", "Spidol Whiteboard Informa Hijau").is_empty());
}

#[test]
fn a_glass_board_never_meets_a_plain_whiteboard_of_its_size() {
    let glass = [
        "[Free Penghapus] VIVERE 60*90 Glassboard 1 unit",
        "Glass Board 60x90 - VIVERE + Free Penghapus",
        "Papan Tulis Kaca Vivere 90 x 60 cm Bonus 2 Spidol",
        "HOT SALE WHITEBOARD KACA VIVERE 90 X 60 CM TERMURAH + FREE PENGHAPUS",
    ];
    let plain = [
        "WB VIVERE 60x90 1 unit + Free Penghapus",
        "[FREE PENGHAPUS] PROMO PAPAN WHITEBOARD VIVERE 60X90 1 UNIT TERMURAH",
        "BONUS 2 SPIDOL!! Whiteboard VIVERE 90 x 60 cm",
        "Papan Tulis Whiteboard, Merek: Vivere, Ukuran: 60 x 90 cm",
    ];
    for g in glass {
        for p in plain {
            assert!(!conflict(g, p).is_empty(), "{g} / {p}");
        }
    }
    // Neighbours: glass boards are not kept apart by it, whichever way written or with a gift.
    for (a, b) in [(glass[0], glass[1]), (glass[2], glass[3]), (plain[0], plain[2])] {
        assert!(!conflict(a, b).iter().any(|c| c.contains("glass")), "{a} / {b}: {:?}", conflict(a, b));
    }
}

#[test]
fn a_set_of_colours_never_meets_a_single_marker() {
    let set = ["Spidol Whiteboard Non Permanent JOYKO 4 Colors 1 set", "JOYKO Set 4 Warna Dry Erase Marker 1 set"];
    let single = [
        "Spidol Papan Tulis Blue per pcs - Joyko",
        "Joyko Blue Dry Erase Marker",
        "Board Marker JOYKO Biru 1 dus = 12 pcs",
    ];
    for s in set {
        for m in single {
            assert!(!conflict(s, m).is_empty(), "{s} / {m}");
        }
    }
    // Neighbours: a marker's colour stated as `Warna: Hitam` is one marker.
    let black = "Spidol Whiteboard Non Permanent, Merek: GREEBEL, Warna: Warna Hitam, Kemasan: 1 pcs";
    for (a, b) in [(black, "Spidol Whiteboard Greebel Hitam"), (set[0], set[1])] {
        assert!(!conflict(a, b).iter().any(|c| c.contains("set of colours")), "{a} / {b}: {:?}", conflict(a, b));
    }
}

#[test]
fn a_flip_chart_never_meets_a_whiteboard_on_a_stand() {
    let flip = [
        "Flip Chart Stand Sakana 60x90 1 unit",
        "NEW PAPAN FLIPCHART SAKANA 60*90 READY STOCK",
        "Flipchart Whiteboard, Merek: Sakana, Ukuran: 60*90",
    ];
    let stand = ["SAKANA 60 x 90 cm Whiteboard Stand 1 Unit", "Whiteboard Kaki Sakana 60 X 90"];
    for f in flip {
        for s in stand {
            assert!(!conflict(f, s).is_empty(), "{f} / {s}");
        }
    }
    assert!(conflict(flip[0], flip[2]).is_empty());
}

#[test]
fn a_green_chalkboard_never_meets_a_black_one() {
    let green = [
        "Ppn Tulis Hijau Informa 120x240 1 unit",
        "INFORMA 120 X 240 Green Board",
        "Papan Tulis Kapur Hijau Informa 120x240",
    ];
    let black = [
        "Blackboard, Merek: Informa, Ukuran: 120 X 240",
        "INFORMA 120x240 Blackboard",
        "Papan Tulis Kapur Hitam Informa 120x240",
    ];
    for g in green {
        for b in black {
            assert!(!conflict(g, b).is_empty(), "{g} / {b}");
        }
    }
    // Neighbours: green chalkboards are not kept apart by it, and a green glass board is no chalkboard.
    for (a, b) in [(green[0], green[1]), (green[1], green[2]), (black[0], black[2])] {
        assert!(!conflict(a, b).iter().any(|c| c.contains("green")), "{a} / {b}: {:?}", conflict(a, b));
    }
    assert!(
        !conflict("Glass Board Informa Hijau 120x240", "Glass Board Informa 120x240")
            .iter()
            .any(|c| c.contains("green"))
    );
}

/// review28e N1, N3: with "Kapur" known as no brand (cf52b12, reverted), chalk sticks of a maker
/// the matcher does not know met a chalkboard stating no colour (median Rp116.500 of Rp3.000 and
/// Rp230.000), and a chalk marker met the chalk boxes. They must stay apart, whatever the next
/// attempt at brand words does.
#[test]
fn chalk_sticks_a_chalk_marker_and_a_chalkboard_of_an_unknown_maker_never_meet() {
    let titles = ["Kapur Tulis Ujikp Putih Box isi 50", "Spidol Kapur Ujikp Putih", "Papan Tulis Kapur Ujikp"];
    let groups = grouped(&titles);
    for (i, a) in titles.iter().enumerate() {
        for b in &titles[i + 1..] {
            assert!(!together(&groups, a, b), "{a} / {b}: {groups:?}");
        }
    }
}
