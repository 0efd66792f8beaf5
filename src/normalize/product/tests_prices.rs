//! A price in a title is no property of the product (review34m M34-5): `Printer Canon G3020 150
//! rb` had the spec `150`, and a group of one such offer was titled "Printer Canon G3020 150 Rb".

use super::product_key;

#[test]
fn a_price_written_in_a_title_is_no_spec_of_the_product() {
    for (title, specs) in [
        ("Printer Canon G3020 150 rb", &["g3020"][..]),
        ("Printer Epson L3210 2 jt", &["l3210"]),
        ("Printer Epson L3210 1,5 juta", &["l3210"]),
        ("Printer Epson L3210 2jt", &["l3210"]),
        ("Kopi Kapal Api 165 gr 15 rb", &["165g"]),
        ("Kopi Kapal Api 165 gr 15 ribu", &["165g"]),
        ("Printer Epson L3210 harga Rp 2.500.000", &["l3210"]),
        ("Printer Epson L3210 harga Rp2.500.000", &["l3210"]),
    ] {
        let key = product_key(title);
        assert_eq!(key.specs, specs, "{title}: {key:?}");
        assert!(!key.tokens.iter().any(|t| t == "harga"), "{title}: {key:?}");
    }
    // What the price rule must leave: a meterai's face value, and a code before `RB` (a price in
    // thousands is below a thousand of them; `6203 RB` is a bearing's code and its seal).
    assert_eq!(product_key("Materai Rp 10.000 (50 Lembar)").specs, ["rp10000"]);
    assert!(product_key("Bearing 6203 RB").specs.contains(&"6203".to_string()));
}

#[test]
fn a_price_written_after_rp_in_thousands_is_no_spec_of_the_product() {
    // Note34 (words34 rest): `Rp 150 rb` read the spec `rp150` and the word `rb`.
    for title in [
        "Printer Canon G3020 Rp 150 rb",
        "Printer Canon G3020 Rp150 rb",
        "Printer Canon G3020 Rp 150rb",
        "Printer Canon G3020 Rp150rb",
        "Printer Canon G3020 Rp 1,5 jt",
    ] {
        let key = product_key(title);
        assert_eq!((key.specs.as_slice(), key.tokens.as_slice()), (&["g3020".to_string()][..], &[][..]), "{title}");
    }
}

#[test]
fn a_meterais_face_value_in_thousands_is_its_face_value() {
    // The price rule took `10rb` off a meterai, which then met a 6000 one.
    for title in ["Materai 10rb", "Materai 10 rb", "Meterai Tempel 10 ribu isi 50", "Materai Rp 10 rb"] {
        assert_eq!(product_key(title).specs, ["rp10000"], "{title}");
    }
    let (ten, six) = (product_key("Materai 10rb"), product_key("Meterai Tempel Rp 6.000"));
    assert!(!super::explain(&ten, &six).same, "{ten:?} / {six:?}");
}
