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
