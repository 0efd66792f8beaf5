//! Product matching and pack reading measured on classroom and office stationery (tests/data/
//! gen_markset.py): markers, boards, erasers and refill inks, where review rounds found wrong
//! merges that no measured set held. 736 titles in gen_matchset.py's eight marketplace styles,
//! written and labelled before the matcher ran on them. Families are split by a fixed seed into a
//! development part, which the matcher may be tuned on, and a frozen part, which it never is
//! (`MARKSET_REPORT=1` prints the development part's false merges and splits, never the frozen
//! part's; `MARKSET_FAMILIES=1` prints each family's figures).

use crate::matchset::{Row, check_packs, grouping, packs, rows};

const DEV: &str = include_str!("../data/markset_dev.tsv");
const TEST: &str = include_str!("../data/markset_test.tsv");

/// Pairs of titles of two different products of one family, and how many of them have labels
/// (`kind/brand/a/b/c`) that differ in at most two parts.
fn look_alike_pairs(part: &[Row]) -> (u64, u64) {
    let (mut pairs, mut look_alike) = (0, 0);
    for (i, a) in part.iter().enumerate() {
        for b in part[i + 1..].iter().filter(|b| b.family == a.family && b.label != a.label) {
            pairs += 1;
            let differ = a.label.split('/').zip(b.label.split('/')).filter(|(x, y)| x != y).count();
            look_alike += u64::from(differ <= 2);
        }
    }
    (pairs, look_alike)
}

#[test]
fn the_stationery_set_holds_look_alike_products_with_two_fifths_of_its_titles_frozen() {
    let (dev, test) = (rows(DEV), rows(TEST));
    assert_eq!((dev.len(), test.len()), (376, 360));
    // Neither a family nor a product is in both parts: the frozen part's were never tuned on.
    assert!(test.iter().all(|t| dev.iter().all(|d| d.family != t.family && d.label != t.label)));
    for (part, floor) in [(&dev, 0.93), (&test, 0.87)] {
        let (pairs, look_alike) = look_alike_pairs(part);
        let share = look_alike as f64 / pairs as f64;
        eprintln!("{} titles, {pairs} pairs of two products of one family, {share:.3} of them look-alike", part.len());
        assert!(share >= floor, "{share}");
    }
}

#[test]
fn matching_on_the_stationery_set_keeps_markers_boards_erasers_and_inks_apart() {
    let report = std::env::var_os("MARKSET_REPORT").is_some();
    let families = std::env::var_os("MARKSET_FAMILIES").is_some();
    let (dev_p, dev_r) = grouping(&rows(DEV), report, families);
    let (test_p, test_r) = grouping(&rows(TEST), false, families);
    eprintln!(
        "markset dev: precision {dev_p:.4}, recall {dev_r:.4}; frozen test: precision {test_p:.4}, recall {test_r:.4}"
    );
    // Measured after markers4 (main 2523930: 0.6923 and 0.2325; 0.6833 and 0.3373; markers3:
    // 0.6901 and 0.3283; 0.8641 and 0.4087; markers4, tuned on the development part only, without
    // its brand words: 1.0000 and 0.3511; 0.9021 and 0.4167; markers5, boards on a stand or
    // magnetic apart, chalk, pencils: 1.0000 and 0.3511; 0.9404 and 0.4135; 2026-12-s34b,
    // permanen/permanent one word and group keys of what every title states: 1.0000 and 0.3837;
    // 0.9468 and 0.4659) and rounded down: a matcher that merges or splits more fails.
    assert!(dev_p >= 1.0 && dev_r >= 0.38, "development part: precision {dev_p:.4}, recall {dev_r:.4}");
    assert!(test_p >= 0.94 && test_r >= 0.46, "frozen part: precision {test_p:.4}, recall {test_r:.4}");
}

#[test]
fn packs_on_the_stationery_set_are_read_as_pieces_bottles_and_units() {
    let report = std::env::var_os("MARKSET_REPORT").is_some();
    let figures = (packs(&rows(DEV), report), packs(&rows(TEST), false));
    // Exact over all titles on main 2523930: 0.9415 and 0.9583, one piece assumed where nothing
    // states the pack. Since none is (review39n R39n-3), of the sizes read 0.9608 and 0.9358 are
    // right (no size is read wrong that was not before), and 0.5426 and 0.6056 of the titles are read;
    // rounded down.
    check_packs("markset", figures, (0.96, 0.93), (0.54, 0.60));
}
