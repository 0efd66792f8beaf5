//! Words that say what a good is, read as its maker (review33m N7): `Garam Beryodium`, `Helm
//! Proyek` and the cable type `NYA` were brands, so makers named after them met; and one maker
//! written `Kupu-Kupu` and `Kupu Kupu` was two (N10).

use super::product_key;
use super::tests_markers::{conflict, grouped, together};

#[test]
fn a_phrase_naming_the_good_is_not_its_maker() {
    for (title, maker) in [
        ("Garam Beryodium Dolpin 250 gr", Some("Dolpin")),
        ("Helm Proyek SNI NHK Putih", Some("Nhk")),
        ("Helm Safety KYT SNI Putih", Some("Kyt")),
        ("Kabel NYA 1x1.5 Eterna 50 m", Some("Eterna")),
        ("Garam Beryodium 250 gr", None),
        ("Helm Proyek SNI Putih", None),
        ("Garam Dapur Dolpin 250 gr", Some("Dolpin")),
        ("Garam Halus Dolpin 250 gr", Some("Dolpin")),
        ("Garam Krosok Dolpin 1 kg", Some("Dolpin")),
        // A dictionary's word names no maker from a title alone (review35m M35-6).
        ("Sapu Lidi Gagang Panjang Gajah", None),
        ("Sapu Nilon Cap Gajah", None),
        ("Helm Konstruksi MSA Putih", Some("Msa")),
        ("Rompi Proyek Krisbow Hijau", Some("Krisbow")),
        ("Kacamata Safety Krisbow", Some("Krisbow")),
        ("Kabel Serabut Eterna 2x1.5", Some("Eterna")),
        ("Kabel Tunggal Eterna 1x1.5", Some("Eterna")),
        ("Kabel Duplex Eterna 2x1.5", Some("Eterna")),
        ("Kabel Tembaga Supreme 2x2.5", None),
        ("Kabel UTP Cat6 Belden", Some("Belden")),
        ("Kabel Coaxial RG6 Belden", Some("Belden")),
        ("Lampu Bohlam Hannochs 10W", Some("Hannochs")),
        ("Cat Tembok Avian 5 kg", Some("Avian")),
        ("Paku Beton Kaiser 5 cm", Some("Kaiser")),
        ("Semen Portland Tiga Roda 50 kg", Some("Tiga Roda")),
        ("Jas Hujan Axio Ponco", Some("Axio")),
        ("Kertas Buram Folio Gelatik", None),
        ("Minyak Goreng Sawit Bimoli 2 L", Some("Bimoli")),
        ("Garam Dapur Cap Kapal 250 gr", None),
        ("Minyak Goreng Sawit 2 L", None),
    ] {
        assert_eq!(product_key(title).brand.as_deref(), maker, "{title}");
    }
}

#[test]
fn goods_named_alike_by_different_makers_stay_apart() {
    for block in [
        ["Garam Beryodium Cap Kapal 250 gr", "Garam Beryodium Dolpin 250 gr", "Garam Beryodium 250 gr"],
        ["Helm Proyek SNI NHK Putih", "Helm Proyek SNI KYT Putih", "Helm Proyek SNI Putih"],
        ["Kabel NYA 1x1.5 Eterna 50 m", "Kabel NYA 1x1.5 Supreme 50 m", "Kabel NYA 1x1.5 50 m"],
        ["Garam Dapur Cap Kapal 250 gr", "Garam Dapur Dolpin 250 gr", "Garam Dapur 250 gr"],
        ["Kabel Serabut Eterna 2x1.5", "Kabel Serabut Supreme 2x1.5", "Kabel Serabut 2x1.5"],
        ["Cat Tembok Avian 5 kg", "Cat Tembok Dulux 5 kg", "Cat Tembok 5 kg"],
    ] {
        let groups = grouped(&block);
        assert!(!together(&groups, block[0], block[1]), "{groups:?}");
    }
    assert!(!conflict("Helm Proyek SNI NHK Putih", "Helm Proyek SNI KYT Putih").is_empty());
    assert!(!conflict("Kabel UTP Cat6 Belden", "Kabel UTP Cat6 Schneider").is_empty());
}

#[test]
fn one_maker_in_two_wordings_is_one_maker() {
    let titles = ["Sapu Ijuk Kupu-Kupu", "Sapu Ijuk Kupu Kupu", "Sapu Ijuk Gajah"];
    assert_eq!(product_key(titles[0]).brand, product_key(titles[1]).brand);
    let groups = grouped(&titles);
    assert!(together(&groups, titles[0], titles[1]), "{groups:?}");
}

#[test]
fn a_maker_written_twice_is_still_that_maker() {
    // Review34m M34-2: glued into one word, a maker written twice was a maker of its own.
    for (twice, once) in [
        ("Kertas HVS Copylas Copylas A4 70gsm", "Kertas HVS Copylas A4 70 gsm"),
        ("Lem Kertas Povinal Povinal 150", "Lem Kertas Povinal 150"),
        ("Stop Kontak Broco Broco 4 Lubang", "Stop Kontak Broco 4 Lubang"),
    ] {
        assert!(conflict(twice, once).is_empty(), "{twice} / {once}: {:?}", conflict(twice, once));
    }
}
