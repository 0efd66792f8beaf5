//! An amount in a title is a face value until shown to be a price (review35m M35-1, M35-2): a
//! voucher, a token listrik or a meterai is what its amount says, and no table lists such goods,
//! so every amount stays one token; only an amount after `harga` is the seller's price.

use super::{explain, group, product_key};

fn same(a: &str, b: &str) -> bool {
    explain(&product_key(a), &product_key(b)).same
}

#[test]
fn an_amount_reads_as_one_token_however_it_is_written() {
    for title in [
        "Printer Canon G3020 150 rb",
        "Printer Canon G3020 150rb",
        "Printer Canon G3020 150 ribu",
        "Printer Canon G3020 Rp 150 rb",
        "Printer Canon G3020 Rp150rb",
        "Printer Canon G3020 Rp. 150 rb",
        "Printer Canon G3020 Rp 150.000",
        "Printer Canon G3020 Rp150K",
        "Printer Canon G3020 Rp 150 k",
        "Printer Canon G3020 IDR 150rb",
        "Printer Canon G3020 IDR150rb",
    ] {
        let key = product_key(title);
        assert_eq!(key.specs, ["g3020", "rp150000"], "{title}");
        assert!(key.tokens.is_empty(), "{title}: {key:?}");
    }
    // A bare `150k` is rupiah only in a title about a good sold by its value (review36b R36b-5:
    // `Resistor 100K` was `Rp 100.000`); tests_face holds those titles.
    assert!(!product_key("Printer Canon G3020 150k").specs.iter().any(|s| s.starts_with("rp")));
    for title in ["Printer Epson L3210 Rp 1,5 jt", "Printer Epson L3210 1,5 juta", "Printer Epson L3210 Rp 1.500.000"] {
        assert_eq!(product_key(title).specs, ["l3210", "rp1500000"], "{title}");
    }
}

#[test]
fn a_price_after_harga_is_dropped_with_its_word() {
    for (title, specs) in [
        // Beside another amount (review36 R36-11: the only amount is kept, as a face value).
        ("Materai 10000 harga Rp 12.000", &["10000"][..]),
        ("Materai 10000 harga Rp12.000", &["10000"]),
        ("Materai Rp 10rb Harga Rp 12 rb", &["rp10000"]),
        ("Materai 10000 Harga 12rb", &["10000"]),
        ("Materai 10000 harga 12.000", &["10000"]),
    ] {
        let key = product_key(title);
        assert_eq!(key.specs, specs, "{title}");
        assert!(key.tokens.is_empty(), "{title}: {key:?}");
    }
}

#[test]
fn goods_of_different_face_values_are_never_one_product() {
    // M35-1: each pair was one product (1.000) once `Rp N rb` was dropped as a price.
    for (a, b) in [
        ("Voucher Google Play Rp 100rb", "Voucher Google Play Rp 300rb"),
        ("Voucher Google Play Rp 100rb", "Voucher Google Play Rp 300.000"),
        ("Voucher Telkomsel Rp 25rb", "Voucher Telkomsel Rp 50rb"),
        ("Voucher Telkomsel 25rb", "Voucher Telkomsel 50rb"),
        ("Token Listrik PLN Rp 20rb", "Token Listrik PLN Rp 1jt"),
        ("Pulsa Telkomsel Rp 10rb", "Pulsa Telkomsel Rp 100rb"),
        ("Kartu Perdana Telkomsel Rp 10rb", "Kartu Perdana Telkomsel Rp 50rb"),
        ("Prangko Rp 10rb", "Prangko Rp 5rb"),
    ] {
        assert!(!same(a, b), "{a} / {b}");
    }
}

#[test]
fn listings_of_one_amount_group_together_and_apart_from_another() {
    let titles = [
        "Voucher Google Play Rp 100rb",
        "Voucher Google Play Rp 100.000",
        "Voucher Google Play Rp100K",
        "Voucher Google Play 100 ribu",
        "Voucher Google Play Rp 300rb",
        // A printer titled with its price meets its twin at that price only.
        "Printer Canon G3020 Rp 150rb",
        "Printer Canon G3020 150 ribu",
        "Printer Canon G3020 Rp 2jt",
    ];
    let keys: Vec<_> = titles.iter().map(|t| product_key(t)).collect();
    assert_eq!(group(&keys), [vec![0, 1, 2, 3], vec![4], vec![5, 6], vec![7]]);
}

#[test]
fn a_meterai_with_two_amounts_meets_neither_reading() {
    // M35-2: the 6000 meterai's price `Rp 10rb` made it a 10000 one.
    for other in ["Materai 10rb", "Materai Rp 10.000", "Meterai 10000"] {
        assert!(!same("Materai 6000 Rp 10rb", other), "{other}");
    }
}

#[test]
fn a_meterais_face_value_meets_however_it_is_written() {
    let ten = ["Meterai 10000", "Materai Rp 10.000", "Materai 10rb", "Materai 10K", "Meterai Tempel Rp10rb"];
    for (i, a) in ten.iter().enumerate() {
        for b in &ten[i + 1..] {
            assert!(same(a, b), "{a} / {b}");
        }
        assert!(!same(a, "Meterai 6000"), "{a}");
        assert!(!same(a, "Materai Rp 6.000"), "{a}");
    }
}

#[test]
fn what_the_amount_rule_leaves_alone() {
    // A code before `RB` (a price in thousands is below a thousand of them: `6203 RB` is a
    // bearing and its seal), and thousands of a unit, which are no rupiah.
    assert!(product_key("Bearing 6203 RB").specs.contains(&"6203".to_string()));
    assert!(same("Powerbank Robot 10rb mAh", "Powerbank Robot 10000 mAh"));
    assert!(!product_key("Tinta Epson 003 K").specs.iter().any(|s| s.starts_with("rp")));
}

#[test]
fn a_bare_number_below_a_thousand_is_not_the_amount_in_thousands() {
    // review36: `Voucher Belanja 100` met `Voucher Belanja 100rb`; a bare 100 is not Rp 100.000.
    assert!(!same("Voucher Belanja 100", "Voucher Belanja 100rb"));
    let groups = group(&[product_key("Voucher Belanja 100"), product_key("Voucher Belanja 100rb")]);
    assert_eq!(groups.len(), 2, "{groups:?}");
    assert!(same("Voucher Belanja 100.000", "Voucher Belanja 100rb"));
}
