//! One word written two ways is one word (review33w W33-4): a product written `Permanen` and
//! `Permanent` was two groups, its market figures split in two; and a price word is no
//! abbreviation of a product (`jt` of "harga 1 jt" became "Jaket" in the group's title).

use super::product_key;
use super::tests_markers::{conflict, grouped, together};

#[test]
fn a_permanent_marker_written_in_indonesian_or_english_is_one_product() {
    let (id, en) = ("Spidol Snowman Permanen Hitam", "Spidol Snowman Permanent Hitam");
    assert!(conflict(id, en).is_empty(), "{:?}", conflict(id, en));
    let groups = grouped(&[id, en, "Spidol Snowman Whiteboard Hitam"]);
    assert!(together(&groups, id, en), "{groups:?}");
    // Still never a whiteboard marker.
    assert!(!together(&groups, en, "Spidol Snowman Whiteboard Hitam"), "{groups:?}");
}

#[test]
fn a_price_word_is_read_as_written_never_as_a_product() {
    for title in ["Kaos Polos Hitam jt", "Kertas HVS A4 80 gsm harga 1 jt"] {
        let key = product_key(title);
        assert!(!key.tokens.iter().any(|t| t == "jaket"), "{title}: {key:?}");
    }
}
