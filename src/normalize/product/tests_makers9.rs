//! A maker named by a known word before a model code is no part of the code (review36b R36b-7):
//! `Stapler Max HD-10` read the model `maxhd10`, so beside `Stapler HD-10 Max` the group kept
//! no model at all.

use super::tests_markers::grouped;
use super::{product_key, shared_key};

#[test]
fn a_known_word_before_a_model_code_stays_a_word() {
    let key = product_key("Stapler Max HD-10");
    assert_eq!(key.specs, ["hd10"]);
    assert!(key.tokens.contains(&"max".to_string()), "{key:?}");
}

#[test]
fn one_maker_word_in_two_places_keeps_the_model_in_the_group() {
    let titles = ["Stapler Max HD-10", "Stapler HD-10 Max"];
    let groups = grouped(&titles);
    assert_eq!(groups.len(), 1, "{groups:?}");
    let keys: Vec<_> = titles.iter().map(|t| product_key(t)).collect();
    assert_eq!(shared_key(&keys).map(|k| k.specs), Some(vec!["hd10".to_string()]));
}
