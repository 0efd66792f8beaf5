//! Chalk, what holds it and the boards it is for, as the last black-box review still grouped them
//! (review29c P6, P8): each pair two products that must never group, with the neighbours each
//! split could push elsewhere. Listings from the review.

use super::tests_markers::{conflict, grouped, together};

#[test]
fn chalk_naming_the_board_it_is_for_is_chalk_never_that_board() {
    // review29c P6: `Kapur Tulis Ujich2 untuk Papan Tulis Hitam` (Rp3.000) met `Papan Tulis Kapur
    // Ujich2` (Rp231.000), median Rp117.000; `Chalk Ujich6 White for Blackboard` met `Blackboard
    // Ujich6`.
    let pairs = [
        ("Kapur Tulis Ujich2 untuk Papan Tulis Hitam", "Papan Tulis Kapur Ujich2"),
        ("Kapur Tulis Ujich2 untuk Papan Tulis Hitam", "Papan Tulis Hitam Ujich2"),
        ("Chalk Ujich6 White for Blackboard", "Blackboard Ujich6"),
        ("Kapur Papan Tulis Ujich3 Putih", "Papan Tulis Kapur Ujich3 Putih"),
        ("Kapur Ujich5 Putih Papan Tulis", "Papan Tulis Ujich5 Putih"),
        ("Snowman Kapur Tulis Putih buat Papan Tulis Hitam", "Papan Tulis Hitam Snowman"),
    ];
    for (chalk, board) in pairs {
        let groups = grouped(&[chalk, board]);
        assert!(!together(&groups, chalk, board), "{chalk} / {board}: {groups:?}");
        assert!(!conflict(chalk, board).is_empty(), "{chalk} / {board}");
    }
    // Neighbours: the board stays a chalkboard, apart from the whiteboard; chalk meets chalk.
    assert!(!conflict("Papan Tulis Kapur Ujich2", "Whiteboard Ujich2").is_empty());
    assert!(!conflict("Chalk Board Ujich6", "Whiteboard Ujich6").is_empty());
    let chalk = ["Chalk Ujich6 White for Blackboard", "Chalk Ujich6 White"];
    assert!(together(&grouped(&chalk), chalk[0], chalk[1]), "{:?}", conflict(chalk[0], chalk[1]));
}

#[test]
fn a_chalk_holder_and_liquid_chalk_are_never_the_chalk_sticks() {
    // review29c P6: `Kapur Tulis Ujich4 Putih` (Rp3.000) met `Tempat Kapur Ujich4` (Rp15.000) and
    // `Kotak Kapur Ujich4` (Rp14.000), median Rp14.000; `Liquid Chalk Ujicd2 White` (a marker,
    // Rp9.500) met `Chalk Ujicd2 White` (Rp3.000).
    let titles = ["Kapur Tulis Ujich4 Putih", "Tempat Kapur Ujich4", "Kotak Kapur Ujich4", "Penghapus Kapur Ujich4"];
    let groups = grouped(&titles);
    for holder in &titles[1..] {
        assert!(!together(&groups, titles[0], holder), "{holder}: {groups:?}");
    }
    for liquid in ["Liquid Chalk Ujicd2 White", "Kapur Cair Ujicd2 Putih"] {
        let titles = [liquid, "Chalk Ujicd2 White", "Kapur Tulis Ujicd2 Putih"];
        let groups = grouped(&titles);
        assert!(!together(&groups, titles[0], titles[1]) && !together(&groups, titles[0], titles[2]), "{groups:?}");
    }
    // Neighbours: holders meet holders; a board with a chalk tray is still the board.
    assert!(conflict("Tempat Kapur Ujich4", "Tempat Kapur Ujich4 Plastik").is_empty());
    let boards = ["Blackboard Wisanggeni Tempat Kapur 60 x 90 cm", "Blackboard Wisanggeni 60 x 90 cm"];
    assert!(!conflict(boards[0], "Kapur Tulis Wisanggeni Putih").is_empty());
    assert!(conflict(boards[0], "Whiteboard Wisanggeni 60 x 90 cm").iter().any(|c| c.contains("blackboard")));
}
