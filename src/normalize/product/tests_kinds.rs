//! Boards and what sells beside them that the last black-box review still grouped (review28e N2–N5,
//! review28c K2, K5): each pair two products that must never group, with the neighbours each
//! split could push elsewhere. Listings from the reviews.

use super::tests_markers::{conflict, grouped, together};

/// Whether `a` and `b` conflict on a split whose text holds `what`.
fn split_on(a: &str, b: &str, what: &str) -> bool {
    conflict(a, b).iter().any(|c| c.contains(what))
}

#[test]
fn a_whiteboard_on_a_stand_or_a_magnetic_one_never_meets_a_plain_one_of_its_size() {
    // review28e N2: `Whiteboard Ujikaki Kaki 60 x 90 cm` (Rp700.000) met `Whiteboard Ujikaki 60 x
    // 90 cm` (Rp250.000), median Rp475.000; so did `Standing`, `Stand Roda` and `Magnetic` boards.
    let plain = [
        "Whiteboard Ujikaki 60 x 90 cm",
        "Papan Tulis Whiteboard Ujikaki 60 cm x 90 cm",
        "Whiteboard Ujikaki Non Magnetic 60 x 90 cm",
        "Whiteboard Ujikaki Satu Muka 60 x 90 cm",
    ];
    let stand = [
        "Whiteboard Ujikaki Kaki 60 x 90 cm",
        "Whiteboard Ujikaki Standing 60 x 90 cm",
        "Whiteboard Ujikaki Stand Roda 60 x 90 cm",
        "Papan Tulis Whiteboard + Kaki Ujikaki 60 x 90 cm",
        "Whiteboard Ujikaki Beroda 60x90",
    ];
    let magnetic = ["Whiteboard Ujikaki Magnetic 60 x 90 cm", "Whiteboard Magnet Ujikaki 60 x 90 cm"];
    for p in plain {
        for s in stand {
            assert!(split_on(p, s, "stand"), "{p} / {s}: {:?}", conflict(p, s));
        }
        for m in magnetic {
            assert!(split_on(p, m, "magnetic"), "{p} / {m}: {:?}", conflict(p, m));
        }
    }
    for s in stand {
        for m in magnetic {
            assert!(!conflict(s, m).is_empty(), "{s} / {m}");
        }
    }
    // A board on a stand and with two faces is neither the plain two-faced board nor the stand.
    assert!(split_on("Whiteboard Ujidua Kaki 2 Sisi 60 x 90 cm", "Whiteboard Ujidua 2 Sisi 60 x 90 cm", "stand"));
    // Neighbours: stand wordings (with `+`/`with` too) and magnetic ones meet their like, a
    // `Non Magnetic` board the plain ones, and a flip chart with a stand the one without.
    let twins = [
        ("Papan Tulis Whiteboard + Kaki SAKANA 60 x 90 cm", "Sakana 60 cm x 90 cm Whiteboard with Stand 1 unit"),
        ("Whiteboard Kaki Sakana 60 X 90", "SAKANA 60 x 90 cm Whiteboard Stand 1 Unit"),
        ("Whiteboard Ujikaki Standing 60 x 90 cm", "Whiteboard Ujikaki Stand Roda 60 x 90 cm"),
        (magnetic[0], magnetic[1]),
        (plain[0], plain[2]),
        ("Flip Chart Stand Sakana 60x90 1 unit", "Flipchart SAKANA 60 x 90 cm"),
    ];
    for (a, b) in twins {
        assert!(!split_on(a, b, "facet"), "{a} / {b}: {:?}", conflict(a, b));
    }
}

#[test]
fn a_board_without_a_stand_is_no_stand_board() {
    // review29c P3: `Tanpa Kaki` (without legs) was read as a board on a stand and met the
    // Rp700.000 stand board, apart from the plain board it is.
    for bare in ["Whiteboard Ujikaki Tanpa Kaki 60 x 90 cm", "Whiteboard Ujikaki Non Kaki 60 x 90 cm"] {
        assert!(!split_on(bare, "Whiteboard Ujikaki 60 x 90 cm", "stand"), "{bare}");
        assert!(split_on(bare, "Whiteboard Ujikaki Kaki 60 x 90 cm", "stand"), "{bare}");
    }
}

#[test]
fn a_board_written_bolak_balik_with_a_hyphen_is_two_faced() {
    // review29c P7: `Whiteboard Ujibb Bolak-Balik 60 x 90 cm` met the plain board, median 337.500.
    for two in ["Whiteboard Ujibb Bolak-Balik 60 x 90 cm", "Whiteboard Ujibb Bolakbalik 60 x 90 cm"] {
        assert!(
            split_on(two, "Whiteboard Ujibb 60 x 90 cm", "sided"),
            "{two}: {:?}",
            conflict(two, "Whiteboard Ujibb 60 x 90 cm")
        );
        assert!(!split_on(two, "Whiteboard Ujibb Bolak Balik 60 x 90 cm", "sided"), "{two}");
    }
}

#[test]
fn a_board_written_2_face_is_two_faced() {
    // review28e N2: `Whiteboard Ujiface 2 Face 60 x 90 cm` (Rp426.000) met the plain board.
    let face = "Whiteboard Ujiface 2 Face 60 x 90 cm";
    assert!(
        split_on(face, "Whiteboard Ujiface 60 x 90 cm", "sided"),
        "{:?}",
        conflict(face, "Whiteboard Ujiface 60 x 90 cm")
    );
    assert!(!split_on(face, "Whiteboard Ujiface 2 Sisi 60 x 90 cm", "sided"));
    let groups = grouped(&[
        "Whiteboard Ujisisi 60 x 90 cm",
        "Whiteboard Ujisisi Satu Muka 60 x 90 cm",
        "Whiteboard Ujisisi Single Side 60 x 90 cm",
        "Whiteboard Ujisisi 2 Face 60 x 90 cm",
        "Whiteboard Ujisisi Kaki 60 x 90 cm",
    ]);
    let plain = "Whiteboard Ujisisi 60 x 90 cm";
    assert!(!split_on(plain, "Whiteboard Ujisisi Satu Muka 60 x 90 cm", "facet"), "{groups:?}");
    for other in ["Whiteboard Ujisisi 2 Face 60 x 90 cm", "Whiteboard Ujisisi Kaki 60 x 90 cm"] {
        assert!(!together(&groups, plain, other), "{other}: {groups:?}");
    }
}

#[test]
fn chalk_sticks_never_meet_a_board_or_a_chalk_marker_of_any_maker() {
    // review28e N3: `Kapur Tulis Ujikp Putih` (Rp3.000) met `Papan Tulis Kapur Ujikp 60 x 90 cm`
    // (Rp230.000), median Rp116.500, and so for Sakana, Snowman and Joyko; N1, review28c K5: a
    // chalk marker `Spidol Kapur … Putih` (Rp9.000) met the chalk boxes.
    for maker in ["Snowman", "Sakana", "Joyko", "Ujikp", "Gatot"] {
        let sticks = [
            format!("Kapur Tulis {maker} Putih"),
            format!("Kapur Tulis {maker} Warna"),
            format!("Kapur {maker} Putih"),
            format!("Kapur Tulis Putih Isi 12 {maker}"),
        ];
        let others = [
            format!("Papan Tulis Kapur {maker} 60 x 90 cm"),
            format!("Papan Kapur {maker} 90 x 120 cm"),
            format!("Papan Tulis Kapur {maker}"),
            format!("Whiteboard {maker} 60 x 90 cm"),
            format!("Spidol Kapur {maker} Putih"),
            format!("Chalk Marker {maker} Putih"),
        ];
        for s in &sticks {
            for o in &others {
                assert!(split_on(s, o, "chalk sticks"), "{s} / {o}: {:?}", conflict(s, o));
            }
        }
        // Neighbours: chalk boxes are not kept apart by it, nor the chalkboard eraser from its twin.
        assert!(!split_on(&sticks[0], &sticks[2], "chalk"), "{:?}", conflict(&sticks[0], &sticks[2]));
        let erasers = (format!("Penghapus Kapur {maker}"), format!("Penghapus Papan Tulis Kapur {maker}"));
        assert!(!split_on(&erasers.0, &erasers.1, "chalk sticks"), "{:?}", conflict(&erasers.0, &erasers.1));
    }
}

#[test]
fn an_unsized_board_never_meets_a_brand_first_marker_named_by_its_model_code() {
    // review28c K2: `Wulan Whiteboard BG-12` (a Rp7.000 marker) met `Whiteboard Wulan` (a
    // Rp250.000 board), median Rp128.500.
    for maker in ["Wulan", "Snowman"] {
        let marker = format!("{maker} Whiteboard BG-12");
        for board in [format!("Whiteboard {maker}"), format!("White Board {maker}")] {
            assert!(!conflict(&marker, &board).is_empty(), "{marker} / {board}");
        }
        // Neighbours: the code written either way is one marker.
        assert!(conflict(&marker, &format!("{maker} Whiteboard BG12")).is_empty(), "{marker}");
    }
}

#[test]
fn an_eraser_never_meets_a_pencil() {
    // review28e N5: `Penghapus Pensil Ujipen` and `Penghapus Karet Ujipen Putih` met `Pensil
    // Ujipen 2B`.
    let erasers = [
        "Penghapus Pensil Ujipen",
        "Penghapus Karet Ujipen Putih",
        "Penghapus Ujipen",
        "Eraser Ujipen",
        "Pencil Eraser Ujipen",
    ];
    let pencils = ["Pensil Ujipen 2B", "Pensil Ujipen HB", "Pensil Ujipen 2B + Penghapus"];
    for e in erasers {
        for p in pencils {
            assert!(split_on(e, p, "pencil"), "{e} / {p}: {:?}", conflict(e, p));
        }
    }
    // Neighbours: a pencil sold with an eraser is still the pencil; erasers meet erasers.
    assert!(!split_on(pencils[0], pencils[2], "eraser"), "{:?}", conflict(pencils[0], pencils[2]));
    assert!(!split_on(erasers[0], erasers[1], "pencil"), "{:?}", conflict(erasers[0], erasers[1]));
}

#[test]
fn a_marker_or_a_board_that_erases_easily_is_no_eraser() {
    // review28c K4: `… Mudah Hapus` and `… Tidak Bisa Hapus` were read as erasers and split from
    // their twins.
    for (a, b) in [
        ("Spidol Whiteboard Pena Hitam Mudah Hapus", "Spidol Whiteboard Pena Hitam"),
        ("Spidol Permanent Pena Hitam Tidak Bisa Hapus", "Spidol Permanent Pena Hitam"),
        ("Whiteboard Pelangi 60 x 90 cm Mudah Hapus", "Whiteboard Pelangi 60 x 90 cm"),
    ] {
        assert!(!split_on(a, b, "eraser"), "{a} / {b}: {:?}", conflict(a, b));
    }
    // Neighbours: `Hapus` naming the eraser still does.
    assert!(split_on("Hapus Whiteboard Pena", "Spidol Whiteboard Pena Hitam", "eraser"));
    assert!(split_on("Penghapus Whiteboard Pena Mudah Hapus", "Spidol Whiteboard Pena Hitam", "eraser"));
}
