//! More of what makes another product of one model (review38m): each pair below was one group.
//! Titles from the review.

use super::tests_variants::{apart, each_apart};
use super::{product_key, shared_key};

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

#[test]
fn a_garment_or_shoe_of_another_size_is_another_product_beside_a_shared_code() {
    // review38m R38m-5: `S`, `M`, `L` were words weighed as detail, a shoe's number a code beside
    // the shared model code, and `XL` after a code part of it.
    each_apart(&[
        ("Kaos K123 Hitam XL", "Kaos K123 Hitam L"),
        ("Kemeja PDH K123 L", "Kemeja PDH K123 M"),
        ("Kemeja PDH K123 S", "Kemeja PDH K123 M"),
        ("Kaos Polo K123 Size L", "Kaos Polo K123 Size M"),
        ("Kaos Polos Cotton Combed 30s Hitam L", "Kaos Polos Cotton Combed 30s Hitam XL"),
        ("Kaos Polos Cotton Combed 30s Hitam M", "Kaos Polos Cotton Combed 30s Hitam L"),
        ("Popok Mamypoko Pants L 30", "Popok Mamypoko Pants XL 30"),
        ("Sepatu Safety Kings KWD 805 Size 42", "Sepatu Safety Kings KWD 805 Size 43"),
        ("Sepatu PDH Pantofel K88 40", "Sepatu PDH Pantofel K88 42"),
    ]);
    assert!(!apart("Kemeja PDH K123 XL", "Kemeja PDH XL K123"));
    assert!(!apart("Sepatu Safety Kings KWD 805 Size 42", "Sepatu Safety Kings KWD 805 42"));
    // A possessive `s` is no size: `Men's` is `Men`.
    assert!(!product_key("Kaos Men's Polo K123 XL").tokens.contains(&"s".to_string()));
    // Elsewhere `L` and `M` stay what they were: litres, metres, a code's letter.
    assert!(product_key("Kaos K123 XL").specs == ["k123"], "{:?}", product_key("Kaos K123 XL").specs);
    assert!(apart("Cartridge Canon PG-810", "Cartridge Canon PG-810 XL"));
}

#[test]
fn a_high_yield_cartridge_beside_a_printers_model_and_a_pack_of_both_are_not_the_black_one() {
    // review38m R38m-6: the `XL` went to the title's one code, and a printer's model made two;
    // `+ Tricolor` was an included item and `& Color`, `Hitam Warna` the black one's label.
    each_apart(&[
        ("Cartridge HP 680 XL Black DeskJet 2135", "Cartridge HP 680 Black DeskJet 2135"),
        ("Tinta HP 680 Black XL DeskJet 2135", "Tinta HP 680 Black DeskJet 2135"),
        ("Cartridge HP 680 Black XL untuk DeskJet 3775", "Cartridge HP 680 Black untuk DeskJet 3775"),
        ("Cartridge Canon PG-810 Black XL iP2770", "Cartridge Canon PG-810 Black iP2770"),
        ("Toner HP 85A CE285A XL", "Toner HP 85A CE285A"),
        ("Cartridge HP 680 Black", "Cartridge HP 680 Black + Tricolor"),
        ("Cartridge HP 680 Black", "Cartridge HP 680 Black & Color"),
        ("Cartridge HP 680 Hitam", "Cartridge HP 680 Hitam + Warna"),
        ("Cartridge HP 680 Hitam", "Cartridge HP 680 Hitam Warna"),
    ]);
    assert!(!apart("Cartridge HP 680 Combo", "Cartridge HP 680 Black + Tricolor"));
    assert!(!apart("Cartridge Canon PG-810 Black XL iP2770", "Cartridge Canon PG-810XL Black iP2770"));
    assert!(!apart("Cartridge HP 680 Warna Hitam", "Cartridge HP 680 Black"));
    let key = product_key("Cartridge HP 680 XL Black DeskJet 2135");
    assert!(key.specs.contains(&"680xl".to_string()) && key.specs.contains(&"2135".to_string()), "{:?}", key.specs);
}

#[test]
fn a_toners_high_yield_x_is_another_toner_and_a_group_of_one_toner_keeps_its_model() {
    // review38m R38m-7: `26x` read as a size, a dimension the `26a` toner does not state.
    each_apart(&[("Toner HP 26A", "Toner HP 26X"), ("Toner HP CF226A", "Toner HP 26X")]);
    assert!(!apart("Toner HP 26X", "Toner HP CF226X"));
    // `85A` and `CE285A` are one toner: the group says so, not `Toner HP` with no model.
    let keys = [product_key("Toner HP 85A"), product_key("Toner HP CE285A")];
    assert_eq!(shared_key(&keys).map(|k| k.specs), Some(vec!["85a".to_string()]));
    // A bolt's length and a size are still dimensions.
    assert!(apart("Baut M8 x 20", "Baut M8 x 30"));
}

#[test]
fn a_plus_fe_or_mini_line_of_one_model_is_another_model() {
    // review38m R38m-8: `Plus`, `+` and `FE` were no line words, and `Mini` was one only after
    // the code.
    each_apart(&[
        ("iPhone 15 Plus 128GB", "iPhone 15 128GB"),
        ("Redmi Note 12 Pro+ 8/256", "Redmi Note 12 Pro 8/256"),
        ("Redmi Note 12 Pro Plus 8/256", "Redmi Note 12 Pro 8/256"),
        ("Samsung Galaxy S23+ 256GB", "Samsung Galaxy S23 256GB"),
        ("Samsung Galaxy S23 FE 256GB", "Samsung Galaxy S23 256GB"),
        ("Stapler Max HD-10", "Stapler Mini HD-10"),
        ("Oppo A17 3/64", "Oppo A17 4/64"),
    ]);
    assert!(!apart("Redmi Note 12 Pro+ 8/256", "Redmi Note 12 Pro Plus 8/256"));
    assert!(!apart("Samsung Galaxy S23+ 256GB", "Samsung Galaxy S23 Plus 256GB"));
    // `3/64` on a phone is 3 GB and 64 GB, not the fraction 0.047.
    assert!(product_key("Oppo A17 3/64").specs.contains(&"3gb".to_string()));
}

#[test]
fn one_part_written_in_another_unit_or_with_a_space_is_one_part() {
    // review38m R38m-10 (recall): `0.1uF` was not `100nF`, a worn `2 XL` not `2XL`, an ink's `85 A`
    // not `85A`.
    for (a, b) in [
        ("Kapasitor Keramik 104 50V", "Kapasitor Keramik 0.1uF 50V"),
        ("Kapasitor Keramik 100nF 50V", "Kapasitor Keramik 0.1uF 50V"),
        ("Kapasitor 4700pF", "Kapasitor 4.7nF"),
        ("Resistor 1000 Ohm", "Resistor 1K Ohm"),
        ("Kaos Olahraga Anak 2XL", "Kaos Olahraga Anak 2 XL"),
        ("Toner HP 85 A", "Toner HP 85A"),
    ] {
        assert!(!apart(a, b), "{a} / {b}");
    }
    each_apart(&[
        ("Kapasitor Keramik 0.1uF 50V", "Kapasitor Keramik 0.01uF 50V"),
        ("Kaos Olahraga Anak 2 XL", "Kaos Olahraga Anak XL"),
        ("Toner HP 85 A", "Toner HP 83A"),
    ]);
}

#[test]
fn another_code_of_one_series_is_another_model_beside_a_shared_code() {
    // review37m R37m-7 (left by ec0f127): `gen4`/`gen5` and `g5`/`g7` were related through the
    // shared `e14` or `27`.
    each_apart(&[
        ("Laptop Lenovo ThinkPad E14 Gen 4", "Laptop Lenovo ThinkPad E14 Gen 5"),
        ("Monitor Samsung Odyssey G5 27", "Monitor Samsung Odyssey G7 27"),
    ]);
    // Printers an ink fits: a list naming some of them.
    assert!(!apart("Tinta Epson 664 Hitam L120 L360", "Tinta Epson 664 Hitam L360 L310"));
}

#[test]
fn a_series_named_in_words_around_a_shared_number_is_another_model() {
    // review37m R37m-7: `Slim 3`'s number and `Ink Tank`'s words were one-sided beside the shared
    // `14` or `315` (`Tank` a word of the printer's kind, `Ink Tank`).
    each_apart(&[
        ("Lenovo IdeaPad Slim 3 14", "Lenovo IdeaPad Slim 5 14"),
        ("Laptop Lenovo IdeaPad Slim 3 14", "Laptop Lenovo IdeaPad Slim 5 14"),
        ("Printer HP Ink Tank 315", "Printer HP Smart Tank 315"),
    ]);
    // One title may leave the series out, or write the one it shares otherwise.
    assert!(!apart("Printer HP Ink Tank 315", "Printer HP 315"));
    assert!(!apart("Printer Epson Ink Tank L3110", "Printer Epson EcoTank L3110"));
    assert!(!apart("Laptop Lenovo IdeaPad Slim 3 14", "Laptop Lenovo IdeaPad Slim 3 14 inch"));
    // Before the maker's name the words are the kind's and the maker's, no line.
    assert!(!apart("Stapler Max HD-10", "Hekter Max HD10"));
}

#[test]
fn a_word_one_name_adds_after_the_others_is_another_variant() {
    // review36b R36b-3, review37m R37m-7: the added word (`Mix`, the colour `Emas`, `Pro`'s `X`,
    // which was dropped as a times sign) was one-sided detail beside nothing else.
    each_apart(&[
        ("Kopi Kapal Api Special", "Kopi Kapal Api Special Mix"),
        ("Susu Kental Manis Bendera 370 gr", "Susu Kental Manis Bendera Emas 370 gr"),
        ("Mouse Logitech Pro X", "Mouse Logitech Pro"),
    ]);
    // A shared measure or code says which product it is; a name written otherwise adds nothing.
    assert!(!apart("Beras Topi Koki 5kg", "BERAS TOPI KOKI PREMIUM 5 KG"));
    assert!(!apart("Meja Kantor 120 cm - MODERA", "Meja Tulis, Merek: MODERA, Ukuran: 120x60 cm"));
    assert!(!apart("Kopi Kapal Api Special Mix", "Kapal Api Kopi Special Mix"));
    assert!(!apart("Baut M8 x 20", "Baut M8 x 20 Stainless"));
}

#[test]
fn a_fraction_like_a_phones_memory_is_memory_only_on_a_devices_title() {
    // match39 cd2e1ee read `3/64` as 3 GB and 64 GB on any title: a drill bit's 3/64 inch too.
    let bit = product_key("Mata Bor 3/64");
    assert!(
        !bit.specs.contains(&"3gb".to_string()) && bit.specs.iter().any(|s| s.contains("0.047")),
        "{:?}",
        bit.specs
    );
    // A phone's or tablet's title, or `GB` after it, says it is memory; an even memory always is.
    for title in ["Oppo A17 3/64", "HP Android 3/64", "Tablet Advan 3/64", "Mata 3/64GB", "Mata 3/64 GB"] {
        assert!(product_key(title).specs.contains(&"3gb".to_string()), "{title}: {:?}", product_key(title).specs);
    }
    assert!(product_key("acer aspire 5 i5 8/512").specs.contains(&"512gb".to_string()));
}

#[test]
fn a_cable_rated_in_amperes_is_not_one_rated_by_its_conductors() {
    // review38m kit (t50): a current and a conductor size were each one-sided beside the mains'
    // shared `220v`, which relates no two models.
    each_apart(&[
        ("Kabel 220V 2 A", "Kabel 220V 2x1.5"),
        ("Kabel 220V 2 A", "Kabel 220V 2 x 1.5"),
        ("Kabel 220V 2 A", "Kabel NYM 2x1.5"),
    ]);
    // A title may add a rating of another sort beside the one both state.
    assert!(!apart("Kabel Eterna 2x1.5", "Kabel Eterna 2x1.5 10A"));
    assert!(!apart("Adaptor 12V 2A", "Adaptor 12V 2A 24W"));
}

#[test]
fn a_phones_5g_model_is_not_the_one_naming_no_network() {
    // review38m kit (t50 F, joined on main): `5G` was read as five grams, a weight one side states.
    each_apart(&[
        ("Samsung Galaxy A14 5G", "Samsung Galaxy A14"),
        ("Samsung Galaxy A14 5G 6/128", "Samsung Galaxy A14 6/128"),
        ("Samsung Galaxy A14 5G", "Samsung Galaxy A14 4G"),
    ]);
    assert!(!apart("Redmi Note 13 4G", "Redmi Note 13"));
}

#[test]
fn a_cables_conductors_glued_with_a_decimal_read_as_written_apart() {
    // match41: `2x1.5` was the code `2x15`, so `Kabel NYM 2x1.5` was apart from `2 x 1.5 mm` and
    // one with `2 x 15`.
    for (a, b) in [
        ("Kabel NYM 2x1.5", "Kabel NYM 2 x 1.5 mm"),
        ("Kabel NYM 2x1,5", "Kabel NYM 2 x 1.5"),
        ("Kabel NYM Eterna 3x2.5mm", "Kabel NYM Eterna 3 x 2,5 mm"),
        ("Kabel NYM 2x1.5mm2", "Kabel NYM 2 x 1.5 mm"),
        ("Kabel NYA 1.5 mm2", "Kabel NYA 1,5mm"),
    ] {
        assert!(!apart(a, b), "{a} / {b}");
    }
    each_apart(&[
        ("Kabel NYM 2x1.5", "Kabel NYM 2x2.5"),
        ("Kabel NYM 2x1.5", "Kabel NYM 3x1.5"),
        ("Kabel NYM 2x1.5", "Kabel NYM 2 x 15"),
    ]);
    assert_eq!(product_key("Kabel NYM 2x1.5").specs, ["2x1.5"]);
}
