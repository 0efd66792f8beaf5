//! More of what makes another product of one model (review38m): each pair below was one group.
//! Titles from the review.

use super::product_key;
use super::tests_variants::{apart, each_apart};

#[test]
fn a_megohm_resistor_is_not_a_kilohm_one_beside_a_shared_wattage() {
    // review38m R38m-4: `1M` was read as one metre, a dimension the kilohm part does not state.
    each_apart(&[
        ("Resistor 1M Ohm 1/4W", "Resistor 1K Ohm 1/4W"),
        ("Resistor 1M 1/4W", "Resistor 1K 1/4W"),
        ("Resistor 1.2M Ohm 1/4W", "Resistor 1.2K Ohm 1/4W"),
        ("Resistor 1,2M Ohm 1/4W", "Resistor 1K Ohm 1/4W"),
        ("Resistor 1.5M Ohm 1/2W", "Resistor 150K Ohm 1/2W"),
        ("Resistor 1K Ohm 1/4W isi 125", "Resistor 1.2M Ohm 1/4W"),
        ("Resistor 1M Ohm 1/4W", "Resistor 2.2M Ohm 1/4W"),
    ]);
    for title in ["Resistor 1M Ohm", "Resistor 1MΩ", "Resistor 1 MOhm", "Resistor 1M 1/4W"] {
        assert!(product_key(title).specs.contains(&"1mohm".to_string()), "{title}: {:?}", product_key(title).specs);
    }
    assert!(!apart("Resistor 1M Ohm 1/4W", "Resistor 1MΩ 1/4W"));
    assert!(!apart("Resistor 1,2M Ohm 1/4W", "Resistor 1.2M 1/4W"));
}
