//! Goods the matcher took for one another, after review33m N5: a pack's part (`1/2 Rim`, `1/2
//! Lusin`) was read as a spec both halves shared, so half a ream of paper met half a dozen
//! notebooks; a notebook's sheet count was dropped as a pack; and copy paper met notebooks of its
//! maker because nothing named the notebook's kind.

use super::product_key;
use super::tests_markers::{conflict, grouped, together};

#[test]
fn a_part_of_a_pack_is_no_spec_of_the_product() {
    for (part, whole) in [
        ("Kertas HVS Sidu A4 70 gsm 1/2 Rim", "Kertas HVS Sidu A4 70 gsm 1 Rim"),
        ("Kertas HVS Sidu A4 70 gsm 0,5 Rim", "Kertas HVS Sidu A4 70 gsm"),
        ("Kertas HVS Sidu A4 70 gsm Setengah Rim", "Kertas HVS Sidu A4 70 gsm 1 Rim"),
        ("Buku Tulis Sidu 38 Lembar 1/2 Lusin", "Buku Tulis Sidu 38 Lembar 1 Lusin"),
    ] {
        let (p, w) = (product_key(part), product_key(whole));
        assert_eq!((&p.specs, &p.tokens), (&w.specs, &w.tokens), "{part} / {whole}");
    }
}

#[test]
fn half_a_ream_of_paper_never_meets_half_a_dozen_notebooks_of_its_maker() {
    let titles = [
        "Kertas HVS Sidu A4 70 gsm 1/2 Rim",
        "Kertas HVS Sidu A4 70 gsm 1 Rim",
        "Buku Tulis Sidu 38 Lembar 1/2 Lusin",
        "Buku Tulis Sidu 38 Lembar",
    ];
    let groups = grouped(&titles);
    for paper in &titles[..2] {
        for book in &titles[2..] {
            assert!(!conflict(paper, book).is_empty(), "{paper} / {book}");
            assert!(!together(&groups, paper, book), "{groups:?}");
        }
    }
    assert!(together(&groups, titles[0], titles[1]), "{groups:?}");
    assert!(together(&groups, titles[2], titles[3]), "{groups:?}");
}

#[test]
fn copy_paper_never_meets_a_drawing_book_of_its_maker_and_size() {
    let (paper, book) = ("Kertas HVS Sinar Dunia A4 70 gsm 1 Rim", "Buku Gambar Sinar Dunia A4");
    assert!(!conflict(paper, book).is_empty());
}

#[test]
fn notebooks_of_different_sheet_counts_are_different_products() {
    let (thin, thick) = ("Buku Tulis Sidu 38 Lembar", "Buku Tulis Sidu 58 Lbr");
    assert!(!conflict(thin, thick).is_empty());
    // The sheets of a ream are its pack, as ever.
    assert!(conflict("Kertas HVS Sidu A4 70 gsm 500 Lembar", "Kertas HVS Sidu A4 70 gsm").is_empty());
}

#[test]
fn a_size_written_before_a_pack_word_other_than_a_counted_pack_stays_a_spec() {
    // Review34m M34-1: read as parts of their packs, these sizes were dropped and met.
    for (one, other) in [
        ("Selang Air Toyox 1/2 Roll", "Selang Air Toyox 3/4 Roll"),
        ("Kabel NYA Eterna 1.5 Roll", "Kabel NYA Eterna 2.5 Roll"),
        ("Kawat Las Nikko Steel RB 2.6 Dus", "Kawat Las Nikko Steel RB 3.2 Dus"),
        ("Sarung Tangan Steril Sensi 7.5 Box", "Sarung Tangan Steril Sensi 8.5 Box"),
        ("Stop Kran Onda 1/2 Box", "Stop Kran Onda 3/4 Box"),
        ("Mata Bor Besi Nachi 6.5 Pak", "Mata Bor Besi Nachi 8.5 Pak"),
    ] {
        assert!(!conflict(one, other).is_empty(), "{one} / {other}");
    }
}

#[test]
fn drawing_paper_never_meets_a_drawing_book_of_its_maker_and_size() {
    assert!(!conflict("Kertas Gambar Sidu A4", "Buku Gambar Sidu A4").is_empty());
    assert!(conflict("Kertas Gambar Sidu A4", "Kertas Gambar A4 Sidu").is_empty());
}
