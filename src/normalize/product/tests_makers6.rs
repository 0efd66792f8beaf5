//! Titles naming no maker among makers' titles (review33m N8): such a title went to the maker
//! whose name is a dictionary word (`Max`, `Smart`), which reads no brand and so had nothing to
//! conflict with, rather than to Joyko, Kenko, Paseo or Kapal Api.

use super::tests_markers::{grouped, together};

/// Blocks of a dictionary-word maker's title, another maker's title and a title naming none.
const TORN: [[&str; 3]; 4] = [
    ["Stapler Max HD-10", "Stapler Joyko HD-10", "Stapler HD-10"],
    ["Isi Staples Max No 10", "Isi Staples Kenko No 10", "Isi Staples No 10"],
    ["Tisu Wajah Smart 250 sheet", "Tisu Wajah Paseo 250 sheet", "Tisu Wajah 250 sheet"],
    ["Kopi Bubuk Max 165 gr", "Kopi Bubuk Kapal Api 165 gr", "Kopi Bubuk 165 gr"],
];

#[test]
fn a_title_naming_no_maker_joins_neither_maker_when_two_makers_titles_are_like_it() {
    for block in TORN {
        for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
            let titles = order.map(|i| block[i]);
            let groups = grouped(&titles);
            for maker in &block[..2] {
                assert!(!together(&groups, maker, block[2]), "{groups:?}");
            }
        }
    }
}

#[test]
fn a_title_naming_no_maker_still_joins_the_one_maker_like_it_and_its_own_twin() {
    // Negative controls: with one maker's titles only, the title naming none is that maker's
    // wording, whether the maker is a dictionary word or not; two titles naming none still meet.
    for block in TORN {
        for maker in &block[..2] {
            let groups = grouped(&[maker, block[2]]);
            assert!(together(&groups, maker, block[2]), "{groups:?}");
        }
    }
    let block = ["Stapler Max HD-10", "Stapler Joyko HD-10", "Stapler HD-10", "Stapler HD-10 Original"];
    let groups = grouped(&block);
    assert!(together(&groups, block[2], block[3]), "{groups:?}");
}
