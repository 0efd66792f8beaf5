use super::lex::normalize_number;
use super::*;
use proptest::prelude::*;

fn key(brand: Option<&str>, kind: &str, specs: &[&str], tokens: &[&str]) -> ProductKey {
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
    ProductKey {
        brand: brand.map(str::to_string),
        kind: kind.to_string(),
        specs: strings(specs),
        tokens: strings(tokens),
        says: Default::default(),
        place: Default::default(),
    }
}

/// One paper, as each marketplace's sellers write it, in rims and in boxes of five rims.
pub(super) const SIDU_A4_80: &[&str] = &[
    // The pair.
    "Kertas HVS A4 80gsm Sinar Dunia 1 rim",
    "SIDU HVS A4 80 gr (500 lbr)",
    // Mbiz: glued specs, pack short or after a dash, all caps, a selling point.
    "Kertas HVS A4 80gsm Sinar Dunia Box isi 5 Rim",
    "Sinar Dunia Kertas HVS Fotokopi A4 80 gsm - Rim isi 500 Lembar",
    "KERTAS COPY HVS SINAR DUNIA A4 80GSM 1 RIM",
    "Kertas HVS Sinar Dunia A4 80 gsm Box isi 5 Rim Ready Stock",
    // Jatim Bejo: pack in brackets, brand in caps first, `merk` before the brand.
    "Kertas HVS Sinar Dunia A4 80 gsm (Rim isi 500 Lembar)",
    "SINAR DUNIA Kertas HVS A4 80 gsm 1 Rim",
    "Kertas HVS A4 80 gsm merk Sinar Dunia Box isi 5 Rim",
    // e-Katalog: formal, the pack spelled out, nested brackets.
    "Kertas Fotokopi HVS Sinar Dunia A4 80 gsm - 1 Box (5 Rim)",
    "Sinar Dunia Kertas HVS A4 80 gsm (1 Box (5 Rim))",
    // PaDi UMKM: pack last, lowercase.
    "Kertas HVS Sinar Dunia A4 80gsm rim isi 500 lbr",
    "Sinar Dunia Kertas HVS A4 80 gsm box 2500 lbr",
    "sinar dunia kertas hvs a4 80 gsm (2500 lbr)",
    // Other spellings of the grammage and the pack.
    "Kertas HVS A4 80 g/m2 Sinar Dunia 5 rim",
    "Kertas HVS A4 80 gram SiDu Murah Original",
    "HVS Sinar Dunia A4 80gsm 1 Rim/500 lembar",
];

#[test]
fn one_paper_in_every_marketplace_wording_and_pack_has_one_key() {
    let expected = key(Some("Sinar Dunia"), "kertas hvs", &["80gsm", "a4"], &[]);
    for title in SIDU_A4_80 {
        assert_eq!(product_key(title), expected, "{title}");
    }
}

/// A title and the key expected from it: brand, kind, specs, words.
type Case = (&'static str, Option<&'static str>, &'static str, &'static [&'static str], &'static [&'static str]);

#[test]
fn titles_are_read_into_brand_kind_specs_and_words() {
    let cases: &[Case] = &[
        ("Toner HP 85A CE285A 1 Pcs", Some("HP"), "toner", &["85a", "ce285a"], &[]),
        (
            "Cartridge Toner Blueprint Compatible 85A CE285A",
            Some("Blueprint"),
            "toner",
            &["85a", "ce285a", "kompatibel"],
            &[],
        ),
        (
            "Tinta Printer Epson Original 003 Black 70 ml Set isi 4 Botol",
            Some("Epson"),
            "tinta",
            &["003", "70ml", "hitam"],
            &[],
        ),
        (
            "Data Print Refill Botol Tinta 003 Black 70ml (4 botol)",
            Some("Data Print"),
            "tinta",
            &["003", "70ml", "hitam"],
            &[],
        ),
        (
            "Laptop Lenovo ThinkPad E14 Core i5 / 16GB / 512GB SSD / Windows 11 Pro - 1 Unit",
            Some("Lenovo"),
            "laptop",
            &["11", "16gb", "512gb", "e14", "i5"],
            &["pro", "thinkpad", "windows"],
        ),
        (
            // `Pro` is the model's word, not the front of a code `proi5`.
            "Zyrex Sky Pro - Laptop Kantor Core i5 / 8 GB / 512 GB SSD",
            Some("Zyrex"),
            "laptop",
            &["512gb", "8gb", "i5"],
            &["pro", "sky"],
        ),
        (
            "Axioo Hype AIO PC All in One Core i5 / 8 GB / 512 GB SSD",
            Some("Axioo"),
            "pc aio",
            &["512gb", "8gb", "i5"],
            &["hype"],
        ),
        ("Gula Pasir Gulaku 1 kg dus isi 20 kg", Some("Gulaku"), "gula pasir", &["1kg"], &[]),
        ("Gula Pasir Putih Gulaku 1 kg (20 kg)", Some("Gulaku"), "gula pasir", &["1kg"], &[]),
        ("Gula Kristal Putih Gulaku 1000 gr - 1 Dus (20 x 1 Kg)", Some("Gulaku"), "gula pasir", &["1kg"], &[]),
        (
            // `1/2 Biro`: drawers on one side, another desk than the plain one.
            "Meja Kerja Expo MP 120 120 x 60cm 1/2 Biro",
            Some("Expo"),
            "meja kerja",
            &["120x60cm", "biro0.5", "mp120"],
            &[],
        ),
        ("AC Split Inverter Daikin FTKQ 1/2PK 1 Unit + Pemasangan", Some("Daikin"), "ac split", &["0.5pk"], &["ftkq"]),
        ("AC Split Sharp AH-A 1,5 PK", Some("Sharp"), "ac split", &["1.5pk"], &["aha"]),
        // `+ Air`: what the box comes with; `kue` is a word of the kind's own wording.
        ("Snack Box Isi 3 Kue + Air Mineral per Kotak", None, "snack box", &["+air", "3"], &["mineral"]),
        ("Meterai Tempel Rp10.000 Pak isi 50", None, "meterai", &["rp10000"], &[]),
        ("Materai Rp 10.000 (50 Lembar)", None, "meterai", &["rp10000"], &[]),
        ("Map Ordner Bantex 1450 Folio 7cm Pak isi 10", Some("Bantex"), "ordner", &["1450", "7cm", "f4"], &[]),
        (
            "Kursi Kantor Chairman PC-908 Jaring Hidrolik Abu-abu",
            Some("Chairman"),
            "kursi kerja",
            &["abu", "pc908"],
            &["hidrolik", "jaring"],
        ),
        (
            "Kursi Staf Chairman PC 908 Jaring Hidrolik Grey (1 Unit)",
            Some("Chairman"),
            "kursi kerja",
            &["abu", "pc908"],
            &["hidrolik", "jaring"],
        ),
        ("Tisu Facial Paseo 250 Sheet 2 Ply karton isi 48 pak", Some("Paseo"), "tisu", &["250sheet", "2ply"], &[]),
        ("Hand Sanitizer Gel Antis 1 Liter 1 Dus (12 Botol)", Some("Antis"), "hand sanitizer", &["1l"], &[]),
        ("Pembersih Tangan Antis 1000 ml", Some("Antis"), "hand sanitizer", &["1l"], &[]),
        ("Jasa Tenaga Ahli Sistem Informasi per Orang Bulan", None, "tenaga ahli", &[], &["informasi", "sistem"]),
        ("Router Wi-Fi 6 TP-Link Archer AX23", Some("TP-Link"), "router wifi", &["ax23"], &["archer"]),
        ("Air Mineral Botol Le Minerale 600 ml 1 Dus (24 Botol)", Some("Le Minerale"), "air mineral", &["600ml"], &[]),
        ("Galon Air Mineral Aqua 19L 1 Galon", Some("Aqua"), "air mineral galon", &["19l"], &[]),
        (
            "Flashdisk SanDisk Ultra Flair USB 3.2 64 GB",
            Some("SanDisk"),
            "flashdisk",
            &["64gb", "usb3.2"],
            &["flair", "ultra"],
        ),
        (
            "Proyektor Epson EB-X500 3600 Lumen XGA Garansi Resmi",
            Some("Epson"),
            "proyektor",
            &["3600lumen", "ebx500"],
            &["xga"],
        ),
        (
            "Sewa Mobil Toyota Avanza dengan Sopir dan BBM per Hari",
            Some("Toyota"),
            "sewa mobil",
            &["+bbm", "+sopir"],
            &["avanza"],
        ),
        ("Kopi Sachet Kapal Api Special Mix Dus isi 12 Renceng", Some("Kapal Api"), "kopi", &[], &["mix", "special"]),
        ("Lemari Arsip Lion L 44 4 Laci Folio", Some("Lion"), "lemari arsip", &["4laci", "f4", "l44"], &[]),
        ("Printer Tinta Isi Ulang Epson EcoTank L3210", Some("Epson"), "printer", &["l3210"], &["ecotank"]),
    ];
    for (title, brand, kind, specs, tokens) in cases {
        // What a title says of markers and ink is tested in tests_markers.
        let read = ProductKey { says: Default::default(), ..product_key(title) };
        assert_eq!(read, key(*brand, kind, specs, tokens), "{title}");
    }
}

#[test]
fn unknown_brands_and_kinds_stay_among_the_words_and_an_unknown_brand_is_read_from_its_run() {
    assert_eq!(
        product_key("Stapler Kangaro HD-10 Hitam isi 12"),
        key(Some("Kangaro"), "", &["hd10", "hitam"], &["kangaro", "stapler"])
    );
    assert_eq!(product_key(""), ProductKey::default());
    assert_eq!(product_key("  -- () / + "), ProductKey::default());
}

#[test]
fn numbers_are_read_with_indonesian_and_english_separators() {
    let cases = [
        ("0,5", "0.5"),
        ("1,50", "1.5"),
        ("10.000", "10000"),
        ("1.250.000", "1250000"),
        ("3.2", "3.2"),
        ("1/2", "0.5"),
    ];
    for (text, number) in cases {
        assert_eq!(normalize_number(text), number, "{text}");
    }
    assert_eq!(normalize_number("003"), "003");
    assert_eq!(normalize_number("1/0"), "1/0");
}

#[test]
fn table_phrases_are_written_as_the_tokenizer_reads_them() {
    let tables: Vec<&[(&str, &[&str])]> = vec![super::names::BRANDS, super::names::KINDS];
    for (name, phrases) in tables.into_iter().flatten() {
        for phrase in *phrases {
            let read: Vec<String> = super::lex::tokens(phrase).into_iter().map(|t| t.text).collect();
            assert_eq!(read.join(" "), *phrase, "{name}");
        }
    }
    let words = super::tables::PACK_WORDS.iter().chain(super::tables::NOISE).chain(super::tables::PER_WORDS);
    for word in words.chain(super::tables::UNITS.iter().map(|(w, _, _)| w)) {
        let read: Vec<String> = super::lex::tokens(word).into_iter().map(|t| t.text).collect();
        assert_eq!(read, [*word]);
    }
    for container in super::tables::CONTAINERS {
        assert!(super::tables::PACK_WORDS.contains(container), "{container}");
    }
}

/// Pack phrases sellers append; none may change the key.
const PACKS: &[&str] = &[
    "1 Rim",
    "Box isi 5 Rim",
    "(500 lbr)",
    "- 1 Box (5 Rim)",
    "rim isi 500 lbr",
    "box 2500 lbr",
    "(2500 lbr)",
    "1 Pcs",
    "per Unit",
    "isi 12",
    "1 Lusin",
    "Lusin isi 12 Pcs",
    "dus 24 botol",
    "Karton isi 40 Box",
    "Ready Stock",
];

proptest! {
    #[test]
    fn any_text_gives_a_key_without_panicking(title in "\\PC{0,80}") {
        let key = product_key(&title);
        prop_assert!(key.specs.windows(2).all(|w| w[0] < w[1]));
        prop_assert!(key.tokens.windows(2).all(|w| w[0] < w[1]));
        prop_assert!(explain(&key, &key).same);
    }

    #[test]
    fn fragments_of_titles_give_a_key_without_panicking(parts in prop::collection::vec(
        prop::sample::select(vec!["1/2", "0,5", "1.250", "rp", "Rp10.000", "x", "isi", "per", "-", "/", "(", ")",
            "80", "gsm", "g/m2", "kg", "20", "dus", "box", "A4", "PC", "908", "1/0", "9999999999999999999999",
            "Ⅻ", "²", "é", "🙂", "+", "abu-abu", ",", "."]), 0..12)) {
        let title = parts.join(" ");
        let key = product_key(&title);
        prop_assert!(explain(&key, &key).same);
        prop_assert_eq!(product_key(&parts.concat()), product_key(&parts.concat()));
    }

    #[test]
    fn appending_a_pack_phrase_never_changes_the_key(
        base in prop::sample::select(vec![
            "Kertas HVS A4 80gsm Sinar Dunia", "Toner HP 85A CE285A", "Ballpoint Standard AE7 Hitam 0,5 mm",
            "Air Mineral Aqua 600 ml", "Map Ordner Bantex 1450 Folio 7 cm", "Masker Medis Sensi 3 Ply Hijau",
        ]),
        pack in prop::sample::select(PACKS.to_vec()),
    ) {
        prop_assert_eq!(product_key(&format!("{base} {pack}")), product_key(base));
    }
}
