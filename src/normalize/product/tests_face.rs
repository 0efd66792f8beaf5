//! Face values however sellers write them (review36 R36-3 to R36-7, R36-11, R36-12), from the
//! reviewer's titles: each writing reads as the amount it is, so different face values never
//! group and one face value groups however written.

use super::{explain, group, product_key};

fn same(a: &str, b: &str) -> bool {
    explain(&product_key(a), &product_key(b)).same
}

fn apart(pairs: &[(&str, &str)]) {
    for (a, b) in pairs {
        assert!(!same(a, b), "{a} / {b}: {:?} / {:?}", product_key(a).specs, product_key(b).specs);
    }
}

fn together(pairs: &[(&str, &str)]) {
    for (a, b) in pairs {
        assert!(same(a, b), "{a} / {b}: {:?} / {:?}", product_key(a).specs, product_key(b).specs);
    }
}

#[test]
fn an_amount_in_idr_is_the_same_amount_in_rupiah() {
    apart(&[
        ("Voucher Belanja Indomaret IDR 150.000", "Voucher Belanja Indomaret Rp 100.000"),
        ("Voucher Belanja IDR 150.000", "Voucher Belanja 100rb"),
        ("Voucher Belanja IDR 100.000", "Voucher Belanja Rp 150.000"),
        ("Voucher Belanja IDR150.000", "Voucher Belanja Rp 100.000"),
        ("Voucher Belanja IDR 100rb", "Voucher Belanja IDR 150.000"),
    ]);
    together(&[
        ("Voucher Belanja IDR 150.000", "Voucher Belanja Rp 150.000"),
        ("Voucher Belanja IDR 150.000", "Voucher Belanja 150rb"),
        ("Voucher Belanja IDR100rb", "Voucher Belanja IDR 100.000"),
    ]);
    let titles = [
        "Voucher Belanja Indomaret IDR 150.000",
        "Voucher Belanja Indomaret IDR 150.000",
        "Voucher Belanja Indomaret Rp 100.000",
        "Voucher Belanja Indomaret Rp 100.000",
    ];
    let keys: Vec<_> = titles.iter().map(|t| product_key(t)).collect();
    assert_eq!(group(&keys), [vec![0, 1], vec![2, 3]]);
}

#[test]
fn a_thousand_written_with_k_apart_is_an_amount_unless_the_title_is_about_ink() {
    apart(&[
        ("Pulsa Telkomsel 100 K", "Pulsa Telkomsel Rp 50.000"),
        ("Pulsa Telkomsel 100 K", "Pulsa Telkomsel 50rb"),
        ("Saldo GoPay 100K", "Saldo GoPay 50 K"),
        ("Pulsa Telkomsel 100 K", "Pulsa Telkomsel 50 K"),
    ]);
    together(&[("Pulsa Telkomsel 100 ribu", "Pulsa Telkomsel 100 K"), ("Pulsa XL 100.000", "Pulsa XL 100 K")]);
    // An ink's or a toner's black stays its colour, never an amount, and so does a `K` after a
    // model number in a title about no good sold by its value.
    for title in ["Tinta Epson 003 K", "Toner Brother 100 K", "Pita 100 C M Y K", "HP 680 K", "Canon PG 810 K"] {
        let key = product_key(title);
        assert!(!key.specs.iter().any(|s| s.starts_with("rp")), "{title}: {:?}", key.specs);
    }
}

#[test]
fn an_operators_name_before_an_amount_is_no_model_code() {
    apart(&[
        ("Token Listrik PLN 20.000", "Token Listrik PLN Rp 50.000"),
        ("Token Listrik PLN 20.000", "Token Listrik PLN 50rb"),
        ("Pulsa XL 100.000", "Pulsa XL Rp 50.000"),
        ("Pulsa XL 100rb", "Pulsa XL Rp 50.000"),
    ]);
    together(&[
        ("Token Listrik PLN 20.000", "Token Listrik PLN 20rb"),
        ("Token PLN 20K", "Token Listrik PLN Rp 20.000"),
        ("Pulsa XL 100rb", "Pulsa XL Rp 100.000"),
    ]);
    for title in ["Token Listrik PLN 20.000", "Pulsa XL 100rb"] {
        assert!(!product_key(title).specs.iter().any(|s| s.starts_with("pln") || s.starts_with("xl")), "{title}");
    }
}

#[test]
fn thousands_apart_by_a_space_are_one_amount() {
    apart(&[("Voucher Belanja 100 000", "Voucher Belanja 150 000")]);
    together(&[("Voucher Belanja 100 000", "Voucher Belanja Rp 100.000")]);
    assert_eq!(product_key("Voucher Belanja 1 500 000").specs, ["1500000"]);
    // Numbers side by side that are no run of thousands stay apart.
    assert!(!product_key("Kabel NYM 2 100").specs.iter().any(|s| s.contains("2100")));
}

#[test]
fn a_comma_before_three_digits_after_a_currency_groups_thousands() {
    together(&[
        ("Voucher Belanja Rp 100,000", "Voucher Belanja Rp 100.000"),
        ("Voucher Belanja RP 100,000", "Voucher Belanja Rp100.000"),
        ("Voucher Belanja Rp100,000", "Voucher Belanja 100rb"),
        ("Voucher Belanja Rp 100,000.00", "Voucher Belanja Rp 100.000"),
    ]);
    apart(&[("Voucher Belanja Rp 100,000", "Voucher Belanja Rp 150,000")]);
    assert_eq!(product_key("Voucher Belanja Rp 100,000").specs, ["rp100000"]);
    // A decimal comma before fewer digits stays a decimal.
    assert_eq!(product_key("Voucher Belanja Rp 1,5 jt").specs, ["rp1500000"]);
}

#[test]
fn the_only_amount_after_harga_is_the_face_value() {
    apart(&[
        ("Voucher Harga Rp 100rb", "Voucher Harga Rp 300rb"),
        ("Voucher Belanja Harga 100.000", "Voucher Belanja Harga 300.000"),
    ]);
    // Beside the face value, the amount after `harga` is the seller's price.
    together(&[
        ("Voucher Belanja Rp 100rb Harga Rp 98rb", "Voucher Belanja Rp 100rb"),
        ("Voucher Belanja Rp 100rb Hrg 98rb", "Voucher Belanja Rp 100rb"),
    ]);
}

#[test]
fn a_title_stating_no_value_joins_no_group_of_one_value_among_several() {
    let titles =
        ["Voucher Belanja Indomaret", "Voucher Belanja Indomaret Rp 100rb", "Voucher Belanja Indomaret Rp 300rb"];
    let keys: Vec<_> = titles.iter().map(|t| product_key(t)).collect();
    assert_eq!(group(&keys), [vec![0], vec![1], vec![2]]);
    let titles = ["Kartu Perdana Telkomsel 5K", "Kartu Perdana Telkomsel Rp 10.000", "Kartu Perdana Telkomsel"];
    let keys: Vec<_> = titles.iter().map(|t| product_key(t)).collect();
    assert_eq!(group(&keys), [vec![0], vec![1], vec![2]]);
    // Like one value's titles only, it is their wording.
    let keys: Vec<_> = titles[1..].iter().map(|t| product_key(t)).collect();
    assert_eq!(group(&keys), [vec![0, 1]]);
}

#[test]
fn a_thousand_glued_to_k_is_an_amount_only_in_a_title_about_a_good_sold_by_its_value() {
    // review36b R36b-5: a resistor's `100K` is its resistance, never `Rp 100.000`.
    for title in ["Resistor 100K Ohm", "Resistor 100K", "Resistor 100 K", "Resistor 4k7 Ohm", "Resistor 50k Ohm"] {
        let key = product_key(title);
        assert!(!key.specs.iter().any(|s| s.starts_with("rp")), "{title}: {:?}", key.specs);
    }
    together(&[("Resistor 100K", "Resistor 100 K")]);
    apart(&[("Resistor 100K Ohm", "Resistor 50K Ohm")]);
    for (title, amount) in [
        ("Pulsa Telkomsel 100k", "rp100000"),
        ("Saldo GoPay 100K", "rp100000"),
        ("Kartu Perdana Telkomsel 5K", "rp5000"),
    ] {
        assert!(product_key(title).specs.iter().any(|s| s == amount), "{title}: {:?}", product_key(title).specs);
    }
}
