//! Food and drink (match41): a flavour is another variant as a colour is, and a glued `5G` is
//! five grams only where grams make sense.

use super::category::category;
use super::product_key;
use super::tests_variants::{apart, each_apart};

#[test]
fn a_flavour_keeps_two_variants_of_one_product_apart_as_a_colour_does() {
    // `Stroberi` was a word, one-sided beside `Coklat` (a colour): the two milks were one group.
    each_apart(&[
        ("Susu Ultra Milk Coklat 250ml", "Susu Ultra Milk Stroberi 250ml"),
        ("Susu Ultra Milk Cokelat 250ml", "Susu Ultra Milk Vanilla 250ml"),
        ("Susu Ultra Milk Full Cream 250ml", "Susu Ultra Milk Taro 250ml"),
        ("Susu Ultra Milk Plain 250ml", "Susu Ultra Milk Melon 250ml"),
        ("Susu Ultra Milk Moka 250ml", "Susu Ultra Milk Strawberry 250ml"),
    ]);
    // One flavour however written.
    for (a, b) in [
        ("Susu Ultra Milk Coklat 250ml", "Susu Ultra Milk Cokelat 250 ml"),
        ("Susu Ultra Milk Coklat 250ml", "Susu Ultra Milk Chocolate 250ml"),
        ("Susu Ultra Milk Stroberi 250ml", "Susu Ultra Milk Strawberry 250ml"),
        ("Susu Ultra Milk Vanila 250ml", "Susu Ultra Milk Vanilla 250ml"),
        ("Susu Ultra Milk Full Cream 250ml", "Susu Ultra Milk Fullcream 250ml"),
    ] {
        assert!(!apart(a, b), "{a} / {b}");
    }
}

#[test]
fn plain_is_a_flavour_on_food_only() {
    assert!(product_key("Susu Ultra Milk Plain 250ml").specs.contains(&"plain".to_string()));
    let shirt = product_key("Kaos Polos Plain Hitam");
    assert_eq!(
        (shirt.specs.as_slice(), shirt.tokens.contains(&"plain".to_string())),
        (&["hitam".to_string()][..], true)
    );
}

#[test]
fn a_glued_5g_is_five_grams_on_food_and_a_network_elsewhere() {
    // match41: off a phone's title `5G` was five grams, a weight: `Router 5G` weighed 5 g.
    for title in ["Router 5G", "Modem Huawei B311 4G", "Kartu Perdana Telkomsel 5G", "Samsung Galaxy A14 5G"] {
        let specs = product_key(title).specs;
        let network = format!("{} network", if title.contains("4G") { "4g" } else { "5g" });
        assert!(specs.contains(&network) && specs.iter().all(|s| category(s) != "weight"), "{title}: {specs:?}");
    }
    for title in ["Teh Celup Sariwangi 5G", "Gula Stick 5g", "Salep Kulit 5g"] {
        let specs = product_key(title).specs;
        assert!(specs.contains(&"5g".to_string()) && category("5g") == "weight", "{title}: {specs:?}");
    }
    each_apart(&[("Modem Huawei B311 5G", "Modem Huawei B311 4G"), ("Modem Huawei B311 5G", "Modem Huawei B311")]);
    assert!(!apart("Modem Huawei B311 4G", "Modem Huawei B311"));
}
