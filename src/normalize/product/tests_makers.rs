//! Two makers' products never meeting through a title that names no maker, outside the goods
//! the measured sets hold (soap, glue sticks, school wear, chalk holders): review31 found that
//! making seven words "known" (7a4b5b0, reverted) moved the maker onto the generic word before
//! them (`Sabun Mandi Batang Lifebuoy` was brand `Mandi`), and the matchset, markset and devset
//! figures did not move. Listings from the review; each triple was one group under that change.

/// Two makers' titles and one naming no maker, `{}` where the maker goes.
const TRIPLES: &[&str] = &[
    "Sabun Mandi Batang {} 80 gr",
    "Sabun Cuci Batang {} 250 gr",
    "Lem Stick Batang {} 8 gr",
    "Glue Stick Batang {} 8 gr",
    "Tas Anak Sekolah {} Hitam",
    "Tas Ransel Sekolah {} Hitam",
    "Seragam Anak Sekolah {} Putih",
    "Topi Sekolah {} SD Merah",
    "Papan Tulis Kelas Sekolah {} 120x240",
    "Krayon Eceran {} 12 Warna",
    "Gelas Satuan {} 220 ml",
    "Tempat Kapur {}",
    "Dustless Chalk {} White",
    "Colour Chalk {} 12 pcs",
    "Blackboard Kapur {} 90 x 120 cm",
];

#[test]
fn a_title_naming_no_maker_never_joins_two_makers_of_soap_glue_school_wear_or_chalk_goods() {
    super::tests_makers2::makers_stay_apart(TRIPLES, ("Ujiab", "Ujicd"));
}

#[test]
fn a_known_brands_bar_soap_or_glue_stick_never_meets_another_makers() {
    // review31 R1: with the maker read as `Mandi` or `Stick`, the known brand's title holding that
    // word waived the conflict, and each pair alone was the same product.
    let pairs = [
        ("Sabun Mandi Batang Dettol 100 gr", "Sabun Mandi Batang Lifebuoy 100 gr"),
        ("Sabun Mandi Batang Nuvo 80 gr", "Sabun Mandi Batang Lifebuoy 80 gr"),
        ("Lem Stick Batang Joyko 8 gr", "Lem Stick Batang UHU 8 gr"),
        ("Glue Stick Batang Kenko 8 gr", "Glue Stick Batang Pritt 8 gr"),
    ];
    super::tests_makers2::two_makers_conflict(&pairs);
}
