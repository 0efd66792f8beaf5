//! Chalk, what holds it and the boards it is for, and what holds markers, as the last black-box
//! reviews still grouped them (review29c P6, P8, review30b Q3): each pair two products that must
//! never group, with the neighbours each split could push elsewhere. Listings from the reviews.

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

#[test]
fn chalk_of_two_makers_never_meets_through_chalk_naming_none_in_any_order() {
    // review29c P8: `Kapur Tulis Putih Sakana` and the chalk of Gatot, Ujiwb, Ujichalk, Ujikp …
    // (brand read: `Kapur`) were one group through `Kapur Tulis Putih`.
    let makers = [
        "Kapur Tulis Gatot Putih",
        "Kapur Tulis Ujiwb Putih",
        "Kapur Tulis Ujichalk Putih",
        "Kapur Tulis Ujikp Putih",
        "Kapur Tulis Putih Sakana",
        "Kapur Tulis Snowman Putih",
    ];
    let mut titles = makers.to_vec();
    titles.extend(["Kapur Tulis Putih", "Kapur Tulis Putih Isi 100", "Kapur Tulis Gatot Putih Isi 12"]);
    let groups = grouped(&titles);
    for (i, a) in makers.iter().enumerate() {
        for b in &makers[i + 1..] {
            assert!(!together(&groups, a, b), "{a} / {b}: {groups:?}");
        }
    }
    let reversed: Vec<&str> = titles.iter().rev().copied().collect();
    assert_eq!(sorted(groups.clone()), sorted(grouped(&reversed)));
    // Neighbours: a maker's chalk meets its own, boxed or not.
    assert!(together(&groups, "Kapur Tulis Gatot Putih", "Kapur Tulis Gatot Putih Isi 12"), "{groups:?}");
}

#[test]
fn coloured_or_dustless_chalk_is_never_the_white_and_chalk_is_no_pencil() {
    // review29c P8: white and coloured (`Warna`) chalk, and `Anti Debu` (dustless, Rp4.000), were
    // in one group with the plain white chalk.
    for (a, b) in [
        ("Kapur Tulis Gatot Warna", "Kapur Tulis Gatot Putih"),
        ("Kapur Warna Gatot Isi 12", "Kapur Tulis Gatot Putih Isi 12"),
        ("Kapur Tulis Putih Anti Debu", "Kapur Tulis Putih"),
        ("Kapur Tulis Gatot Dustless", "Kapur Tulis Gatot Putih"),
        ("Kapur Tulis Ujiwb Putih", "Pensil Ujiwb 2B"),
    ] {
        assert!(!conflict(a, b).is_empty(), "{a} / {b}");
    }
    // Neighbours: a count of colours still splits markers only as a set; coloured chalk meets its like.
    assert!(conflict("Kapur Tulis Gatot Warna", "Kapur Warna Gatot").is_empty());
}

#[test]
fn magnetic_is_what_a_board_is_never_its_maker() {
    // review29c P8: `Whiteboard Magnetic Baja 60 x 90 cm` was brand Magnetic, and met the magnetic
    // boards of every maker.
    let key = |t: &str| super::product_key(t).brand;
    assert_eq!(key("Papan Tulis Whiteboard Magnetic 60 x 90 cm"), None);
    assert_eq!(key("Whiteboard Magnetic Ujimg 60 x 90 cm").as_deref(), Some("Ujimg"));
    assert_eq!(key("Penghapus Whiteboard Magnet Ujiwb").as_deref(), Some("Ujiwb"));
}

#[test]
fn a_magnetic_marker_holder_never_meets_a_plain_one() {
    // review30b Q3: a magnetic marker holder (it sticks to the whiteboard) was grouped with the
    // plain one of its maker.
    let pairs = [
        ("Tempat Spidol Magnetik Ujimh", "Tempat Spidol Ujimh"),
        ("Magnetic Marker Holder Ujimh", "Marker Holder Ujimh"),
        ("Tempat Spidol Whiteboard Magnet Ujimh", "Tempat Spidol Whiteboard Ujimh"),
    ];
    for (magnetic, plain) in pairs {
        let groups = grouped(&[magnetic, plain]);
        assert!(!together(&groups, magnetic, plain), "{magnetic} / {plain}: {groups:?}");
        assert!(conflict(magnetic, plain).iter().any(|c| c.contains("magnetic")), "{magnetic} / {plain}");
    }
    // Neighbours: holders meet theirs written otherwise, magnetic or not; `Non Magnetic` is not
    // split from the plain one on its magnet; no holder is a marker.
    for (a, b) in [
        ("Tempat Spidol Magnetik Ujimh", "Tempat Spidol Whiteboard Magnetik Ujimh"),
        ("Magnetic Marker Holder Ujimh", "Marker Holder Magnetic Ujimh"),
        ("Tempat Spidol Ujimh", "Tempat Spidol Whiteboard Ujimh"),
    ] {
        assert!(together(&grouped(&[a, b]), a, b), "{a} / {b}: {:?}", conflict(a, b));
    }
    assert!(conflict("Tempat Spidol Non Magnetic Ujimh", "Tempat Spidol Ujimh").is_empty());
    assert!(!conflict("Tempat Spidol Magnetik Ujimh", "Spidol Whiteboard Ujimh Hitam").is_empty());
}

fn sorted(mut groups: Vec<Vec<&str>>) -> Vec<Vec<&str>> {
    groups.iter_mut().for_each(|g| g.sort_unstable());
    groups.sort();
    groups
}
