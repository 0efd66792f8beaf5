//! Explaining and grouping.

use super::*;

fn explained(a: &str, b: &str) -> MatchExplanation {
    explain(&product_key(a), &product_key(b))
}

#[test]
fn the_issues_paper_pair_is_one_product_and_says_what_matched() {
    let why = explained("Kertas HVS A4 80gsm Sinar Dunia 1 rim", "SIDU HVS A4 80 gr (500 lbr)");
    assert!(why.same);
    assert_eq!(why.matched_specs, ["80gsm", "a4"]);
    assert!(why.conflicts.is_empty());
    assert!((why.score - 1.0).abs() < 1e-9);
}

#[test]
fn a_rim_and_a_box_of_five_rims_are_the_same_product() {
    assert!(
        explained("Kertas HVS A4 80gsm Sinar Dunia 1 Rim", "Sinar Dunia Kertas HVS A4 80 gsm - 1 Box (5 Rim)").same
    );
}

#[test]
fn differences_in_decisive_specs_are_named_as_conflicts() {
    let cases = [
        ("Kertas HVS A4 80gsm Sinar Dunia", "Kertas HVS F4 80gsm Sinar Dunia", "size A4 ≠ F4"),
        ("Kertas HVS A4 70gsm Sinar Dunia", "Kertas HVS A4 80gsm Sinar Dunia", "grammage 70gsm ≠ 80gsm"),
        ("Kertas HVS A4 80gsm Sinar Dunia", "Kertas HVS A4 80gsm PaperOne", "brand Sinar Dunia ≠ PaperOne"),
        ("Toner HP 85A CE285A", "Toner HP 83A CF283A", "model 85a, ce285a ≠ 83a, cf283a"),
        ("Tinta Epson 003 Black 70 ml", "Tinta Epson 003 Cyan 70 ml", "colour hitam ≠ cyan"),
        ("Air Mineral Aqua 600 ml", "Air Mineral Aqua 330 ml", "volume 600ml ≠ 330ml"),
        ("Toner HP 85A CE285A", "Printer HP 85A CE285A", "kind toner ≠ printer"),
        ("Lemari Arsip Lion L 44 4 Laci", "Filing Cabinet Lion L 44 3 Laci", "drawers 4laci ≠ 3laci"),
        (
            "Rental Mobil Toyota Avanza dengan Sopir",
            "Sewa Mobil Toyota Avanza dengan Sopir dan BBM",
            "included +sopir ≠ +bbm, +sopir",
        ),
        ("Amplop Paperline Kabinet Coklat", "Amplop Paperline Folio Coklat", "size KABINET ≠ F4"),
    ];
    for (a, b, conflict) in cases {
        let why = explained(a, b);
        assert!(!why.same, "{a} / {b}");
        assert_eq!(why.conflicts, [conflict], "{a} / {b}");
        // A conflict decides alone: the score weighs the rest (colours only when shared).
        assert!(why.score > 0.0, "{a} / {b}: {}", why.score);
    }
}

#[test]
fn english_and_indonesian_words_joined_spellings_and_left_out_specs_still_match() {
    let same = [
        ("Kursi Lipat Chitose Yamato", "chitose yamato folding chair"),
        ("Baterai ABC Alkaline AA isi 2", "ABC Alkaline Battery AA LR6 (2 pcs)"),
        ("So Klin Pembersih Lantai 800ml Sereh", "SOKLIN LANTAI SEREH 800 ML"),
        ("Kingston DataTraveler Exodia 64GB", "Kingston Data Traveler 64 GB Exodia"),
        ("Pipa PVC Rucika 3/4 inch AW", "PIPA RUCIKA 3/4\" AW 4 METER"),
        ("Isi Staples Max No. 10", "MAX STAPLES NO 10-1M"),
    ];
    for (a, b) in same {
        let why = explained(a, b);
        assert!(why.same, "{a} / {b}: {why:?}");
    }
    // Words on both sides still tell products apart.
    assert!(!explained("Nasi Kotak Ayam Bakar", "Nasi Kotak Ayam Goreng").same);
    assert!(!explained("Seragam PDH Khaki Lengan Panjang - 1 Stel", "Seragam PDH Khaki Lengan Pendek").same);
}

#[test]
fn a_colour_or_brand_on_one_side_only_weighs_in_the_score_without_conflicting() {
    let why = explained("Toner HP 85A CE285A", "Toner HP 85A CE285A Black");
    assert!(why.conflicts.is_empty() && why.same, "{why:?}");
    let why = explained("Kertas HVS A4 80gsm Sinar Dunia", "Kertas HVS A4 80gsm");
    assert!(why.conflicts.is_empty(), "{why:?}");
    assert!(why.score < 1.0, "{}", why.score);
}

#[test]
fn a_short_code_and_its_part_number_are_one_model_and_domain_spellings_agree() {
    let same = [
        ("HP 85A Black", "Toner HP LaserJet CE285A Hitam"),
        ("Toner Canon 325", "Canon CRG-325 Original"),
        ("Sidu F4 70", "Kertas HVS Sinar Dunia 215x330 mm 70 gram"),
        ("Kertas Sinar Dunia FC 80gr", "SIDU FOLIO 80 G/M2"),
        ("Laptop Lenovo IdeaPad 3 i5 8GB 512GB", "LENOVO IDEAPAD 3 CORE I5 RAM 8 GB SSD 512"),
        ("Aqua 1500ml", "Aqua 1,5 L"),
    ];
    for (a, b) in same {
        let why = explained(a, b);
        assert!(why.same, "{a} / {b}: {why:?}");
    }
    let apart = [
        ("Sidu A4 70", "Sidu F4 70"),
        ("Sidu A4 70", "Sidu A4 80gsm"),
        ("HP 85A", "HP CF283A"),
        ("Lenovo IdeaPad 3 i3 8GB", "Lenovo IdeaPad 3 i5 8GB"),
        ("Lenovo IdeaPad 3 i5 8GB 512GB", "Lenovo IdeaPad 3 i5 16GB 512GB"),
        ("Toner HP 410A Black", "Toner HP 410A Cyan"),
    ];
    for (a, b) in apart {
        let why = explained(a, b);
        assert!(!why.same && !why.conflicts.is_empty(), "{a} / {b}: {why:?}");
    }
}

#[test]
fn explanation_is_symmetric_in_its_decision_and_score() {
    let (a, b) = (product_key("Toner HP 85A CE285A"), product_key("Toner Blueprint Compatible 85A CE285A"));
    let (ab, ba) = (explain(&a, &b), explain(&b, &a));
    assert_eq!(ab.same, ba.same);
    assert!((ab.score - ba.score).abs() < 1e-12);
    assert_eq!(ab.matched_specs, ba.matched_specs);
}

const MIXED_TITLES: &[&str] = &[
    "Kertas HVS A4 80gsm Sinar Dunia 1 rim",
    "Kertas HVS F4 80gsm Sinar Dunia 1 rim",
    "SIDU HVS A4 80 gr (500 lbr)",
    "Kertas HVS A4 70gsm Sinar Dunia 1 rim",
    "Sinar Dunia Kertas HVS A4 80 gsm - 1 Box (5 Rim)",
    "Kertas HVS Folio 70 gsm Sinar Dunia Box isi 5 Rim",
    "Toner HP 85A CE285A",
    "HP Cartridge Toner 85A CE285A Original",
    "Toner HP 83A CF283A",
    "Kertas HVS F4 70 gsm Sinar Dunia (500 lbr)",
];

#[test]
fn grouping_puts_equal_keys_together_in_order_of_first_appearance() {
    let keys: Vec<ProductKey> = MIXED_TITLES.iter().map(|t| product_key(t)).collect();
    assert_eq!(group(&keys), [vec![0, 2, 4], vec![1], vec![3], vec![5, 9], vec![6, 7], vec![8]]);
    assert!(group(&[]).is_empty());
}

/// A fixed permutation of `0..n` (xorshift Fisher–Yates), so the test is reproducible.
fn shuffled(n: usize, mut seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        order.swap(i, (seed % (i as u64 + 1)) as usize);
    }
    order
}

/// Groups as sets of titles, sorted, so partitions can be compared across input orders.
fn partition(titles: &[&str]) -> Vec<Vec<String>> {
    let keys: Vec<ProductKey> = titles.iter().map(|t| product_key(t)).collect();
    let mut groups: Vec<Vec<String>> = group(&keys)
        .into_iter()
        .map(|g| {
            let mut members: Vec<String> = g.into_iter().map(|i| titles[i].to_string()).collect();
            members.sort();
            members
        })
        .collect();
    groups.sort();
    groups
}

#[test]
fn shuffling_the_input_gives_the_same_groups() {
    let titles: Vec<&str> = super::tests::SIDU_A4_80.iter().chain(MIXED_TITLES).copied().collect();
    let expected = partition(&titles);
    for seed in [1, 7, 42, 2025, 0x9E37_79B9] {
        let order = shuffled(titles.len(), seed);
        let reordered: Vec<&str> = order.iter().map(|&i| titles[i]).collect();
        assert_eq!(partition(&reordered), expected, "seed {seed}");
    }
    let keys: Vec<ProductKey> = titles.iter().map(|t| product_key(t)).collect();
    assert_eq!(group(&keys), group(&keys), "same input, same groups");
}
