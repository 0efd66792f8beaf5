//! The reviewer's listings (review 25 R4, R5), read as a marketplace sends them.

use super::super::{ProductGroup, Uncounted, group};
use crate::model::{MarketplaceId, Offer};
use crate::normalize::offer::normalize_offer;
use crate::normalize::raw::{RawOffer, RawValue, ValueFormat};
use crate::search::policy::Facts;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::Value;

/// A listing as mbiz sends it: title, display price including PPN, unit field.
pub(in crate::search::compare) fn listing(id: &str, title: &str, price: &str, uom: &str) -> Offer {
    let raw = RawOffer {
        source_id: id.into(),
        title: title.into(),
        price: RawValue { value: Value::String(price.into()), format: ValueFormat::IdrText },
        vat: std::sync::Arc::new(crate::normalize::vat::VatPolicy {
            includes_vat: Some(true),
            rate: dec!(11),
            rules: Vec::new(),
        }),
        unit: Some(uom.into()),
        vendor_name: format!("CV Toko {id}"),
        ..RawOffer::default()
    };
    normalize_offer(&MarketplaceId::new("mbiz"), &raw)
}

/// The one group of `offers`, with each offer's id and its counted unit price or why none.
pub(in crate::search::compare) fn only_group(offers: Vec<Offer>) -> ProductGroup {
    let mut groups = group(offers, None, &Facts::default());
    assert_eq!(groups.len(), 1, "{:?}", groups.iter().map(|g| &g.title).collect::<Vec<_>>());
    groups.remove(0)
}

pub(in crate::search::compare) fn verdict(group: &ProductGroup, id: &str) -> Result<Decimal, Uncounted> {
    let counted = group.counted().into_iter().find(|(o, _)| o.source_id == id).map(|(_, price)| price);
    let why = group.uncounted_by_offer().into_iter().find(|(o, _)| o.source_id == id).and_then(|(_, why)| why);
    counted.ok_or_else(|| why.expect("an offer of the group"))
}

fn masks() -> Vec<Offer> {
    vec![
        listing("box-a", "Masker Sensi 3 Ply Earloop Box isi 50 pcs", "Rp25.000", "box"),
        listing("box-b", "Masker Sensi 3 Ply Earloop Box isi 50 pcs", "Rp26.000", "box"),
        listing("box-c", "Masker Sensi 3 Ply Earloop Box isi 50 pcs", "Rp27.000", "box"),
        listing("karton", "Masker Sensi 3 Ply Earloop Karton isi 40", "Rp980.000", "karton"),
    ]
}

#[test]
fn a_karton_of_boxes_counted_bare_is_left_out_of_a_group_counted_per_piece() {
    let group = only_group(masks());
    assert_eq!(verdict(&group, "karton"), Err(Uncounted::NoConfidentPack));
    assert_eq!(group.unit_prices, [dec!(500), dec!(520), dec!(540)]);
    let (karton, _) = group.offers.iter().find(|(o, _)| o.source_id == "karton").expect("the karton");
    assert_eq!((karton.unit_price.as_ref(), karton.unit.quantity), (None, None));
    assert!(karton.unit.note.is_some_and(|n| n.contains("inner packs")));
}

#[test]
fn a_bare_box_or_karton_of_pens_is_left_out_when_no_offer_names_its_count() {
    let group = only_group(vec![
        listing("pak-a", "Pulpen Standard AE7 Hitam isi 10 pcs", "Rp30.000", "pak"),
        listing("pak-b", "Pulpen Standard AE7 Hitam isi 10 pcs", "Rp31.000", "pak"),
        listing("box", "Pulpen Standard AE7 Hitam Box isi 12", "Rp30.500", "box"),
        listing("karton", "Pulpen Standard AE7 Hitam Karton isi 12", "Rp360.000", "karton"),
    ]);
    assert_eq!(verdict(&group, "karton"), Err(Uncounted::NoConfidentPack));
    assert_eq!(verdict(&group, "box"), Err(Uncounted::NoConfidentPack));
    assert_eq!(group.unit_prices, [dec!(3000), dec!(3100)]);
}

#[test]
fn a_bare_dus_is_counted_beside_the_same_dus_and_count_named_in_bottles() {
    let mut offers = vec![
        listing("botol", "Hand Sanitizer Antis 500 ml 1 Botol", "Rp30.000", "botol"),
        listing("dus-botol", "Hand Sanitizer Antis 500 ml 1 Dus (12 Botol)", "Rp336.000", "dus"),
        listing("dus-isi", "Hand Sanitizer Antis Dus isi 12", "Rp342.000", "dus"),
    ];
    let group = only_group(offers.clone());
    assert_eq!(verdict(&group, "dus-isi"), Ok(dec!(28500)));
    assert_eq!(group.unit_prices, [dec!(28000), dec!(28500), dec!(30000)]);
    // Alone (as `search` shows it) the dus has no size; the group's other dus gives it one.
    assert_eq!(offers[2].unit.quantity, None);
    let (dus, _) = group.offers.iter().find(|(o, _)| o.source_id == "dus-isi").expect("the dus");
    let unit = &dus.unit;
    assert_eq!((unit.base_unit.as_deref(), unit.quantity, unit.note), (Some("botol"), Some(dec!(12)), None));
    // Without the dus that names its bottles, nothing says what the twelve are.
    offers.remove(1);
    assert_eq!(verdict(&only_group(offers), "dus-isi"), Err(Uncounted::NoConfidentPack));
}

#[test]
fn the_same_count_in_another_pack_confirms_nothing() {
    // A box of five rims beside a five-sheet sample pack (review 25 R4).
    let mut offers: Vec<Offer> = ["52.000", "53.000", "54.000", "55.000"]
        .iter()
        .enumerate()
        .map(|(i, price)| {
            listing(
                &format!("rim-{i}"),
                "Kertas HVS A4 70 gsm Sinar Dunia Rim isi 500 Lembar",
                &format!("Rp{price}"),
                "rim",
            )
        })
        .collect();
    offers.push(listing("sample", "Kertas HVS A4 70 gsm Sinar Dunia isi 5 Lembar", "Rp1.500", "pak"));
    offers.push(listing("box", "Kertas HVS A4 70 gsm Sinar Dunia Box isi 5", "Rp265.000", "box"));
    let group = only_group(offers);
    assert_eq!(verdict(&group, "box"), Err(Uncounted::NoConfidentPack));
    assert_eq!(group.unit_prices, [dec!(104), dec!(106), dec!(108), dec!(110), dec!(300)]);
}

#[test]
fn a_bare_pak_is_counted_in_the_sheets_another_offer_names_for_the_same_pak_and_count() {
    let group = only_group(vec![
        listing("pak-lembar", "Amplop Paperline Putih 110 Polos Pak isi 100 Lembar", "Rp26.400", "pak"),
        listing("box-lembar", "Amplop Paperline Putih 110 Polos 1 Box (500 Lembar)", "Rp125.000", "box"),
        listing("pak-isi", "Amplop Paperline Putih 110 Polos 1 Pak isi 100", "Rp25.700", "pak"),
    ]);
    assert_eq!(verdict(&group, "pak-isi"), Ok(dec!(257)));
    assert_eq!(group.unit_prices, [dec!(250), dec!(257), dec!(264)]);
}

#[test]
fn a_bare_count_is_never_read_in_a_measure() {
    let group = only_group(vec![
        listing("kg", "Gula Pasir Gulaku Kemasan 1 Kg", "Rp17.500", "kg"),
        listing("dus-kg", "Gula Pasir Gulaku 1 Dus (20 x 1 Kg)", "Rp340.000", "dus"),
        listing("dus-isi", "Gula Pasir Gulaku Dus isi 20", "Rp330.000", "dus"),
    ]);
    assert_eq!(verdict(&group, "dus-isi"), Err(Uncounted::NoConfidentPack));
    assert_eq!(group.unit_prices, [dec!(17000), dec!(17500)]);
}

#[test]
fn a_dus_of_pieces_does_not_confirm_a_karton_of_the_same_count() {
    // review25b: the pack reader spells karton as dus, but a seller's karton holds boxes.
    let offers = vec![
        listing("dus-a", "Masker Sensi 3 Ply Earloop Dus isi 50 pcs", "Rp25.000", "dus"),
        listing("dus-b", "Masker Sensi 3 Ply Earloop Dus isi 50 pcs", "Rp26.000", "dus"),
        listing("karton", "Masker Sensi 3 Ply Earloop Karton isi 50", "Rp1.250.000", "karton"),
    ];
    let group = only_group(offers);
    assert_eq!(verdict(&group, "karton"), Err(Uncounted::NoConfidentPack));
    assert_eq!(group.unit_prices, [dec!(500), dec!(520)]);
}

#[test]
fn a_bare_box_of_tea_is_counted_in_the_bags_another_box_of_it_names() {
    // review25b F6: a box of tea holds bags, and sellers write `isi 25 Kantong`, never `pcs`.
    let mut offers = vec![
        listing("kantong-a", "Teh Celup Lipton Green Tea isi 25 Kantong", "Rp9.500", "box"),
        listing("kantong-b", "Teh Celup Lipton Green Tea isi 25 Kantong", "Rp9.700", "box"),
        listing("isi", "Teh Celup Lipton Green Tea isi 25", "Rp9.600", "box"),
    ];
    let tea = only_group(offers.clone());
    assert_eq!(verdict(&tea, "isi"), Ok(dec!(384)));
    assert_eq!(tea.unit_prices, [dec!(380), dec!(384), dec!(388)]);
    // A box of another count names nothing about it.
    offers.truncate(1);
    offers.push(listing("isi-50", "Teh Celup Lipton Green Tea isi 50", "Rp19.000", "box"));
    let groups = group(offers, None, &Facts::default());
    let box_of_50 = groups.iter().find(|g| g.offers.iter().any(|(o, _)| o.source_id == "isi-50")).expect("a group");
    assert_eq!(verdict(box_of_50, "isi-50"), Err(Uncounted::NoConfidentPack));
}

#[test]
fn a_kardus_is_confirmed_only_by_a_kardus_never_by_a_dus_of_pieces() {
    // review26b F3: a kardus is the shipping carton; this one holds 40 boxes of masks.
    let masks = vec![
        listing("box", "Masker Kf94 Duckbill Putih Box isi 40 pcs", "Rp25.000", "box"),
        listing("dus", "Masker Kf94 Duckbill Putih Dus isi 40 pcs", "Rp26.000", "dus"),
        listing("kardus", "Masker Kf94 Duckbill Putih Kardus isi 40", "Rp1.000.000", "kardus"),
    ];
    let group = only_group(masks);
    assert_eq!(verdict(&group, "kardus"), Err(Uncounted::NoConfidentPack));
    assert_eq!(group.unit_prices, [dec!(625), dec!(650)]);
    // Nor does a kardus of pieces confirm a bare dus; a kardus of bottles confirms a bare kardus.
    let water = vec![
        listing("named", "Air Mineral Ades Kardus isi 24 Botol", "Rp48.000", "kardus"),
        listing("kardus", "Air Mineral Ades Kardus isi 24", "Rp48.000", "kardus"),
        listing("dus", "Air Mineral Ades Dus isi 24", "Rp48.000", "dus"),
    ];
    let group = only_group(water);
    assert_eq!(verdict(&group, "kardus"), Ok(dec!(2000)));
    assert_eq!(verdict(&group, "dus"), Err(Uncounted::NoConfidentPack));
}

#[test]
fn a_confirmed_bare_count_priced_as_that_many_packs_is_left_out() {
    // review26b F5: the last box holds 25 boxes; counted as 25 bags it was Rp6.800 "per bag".
    let offers = vec![
        listing("kantong-a", "Teh Celup Tong Tji Melati isi 25 Kantong", "Rp7.000", "box"),
        listing("kantong-b", "Teh Celup Tong Tji Melati isi 25 Kantong", "Rp7.200", "box"),
        listing("box", "Teh Celup Tong Tji Melati Box isi 25", "Rp7.100", "box"),
        listing("boxes", "Teh Celup Tong Tji Melati Box isi 25", "Rp170.000", "box"),
    ];
    let tea = only_group(offers);
    assert_eq!(verdict(&tea, "box"), Ok(dec!(284)));
    assert_eq!(verdict(&tea, "boxes"), Err(Uncounted::NoConfidentPack));
    assert_eq!(tea.unit_prices, [dec!(280), dec!(284), dec!(288)]);
}

/// The note compare gives the offer `id` of `group`.
fn note(group: &ProductGroup, id: &str) -> Option<&'static str> {
    group.offers.iter().find(|(o, _)| o.source_id == id).and_then(|(o, _)| o.unit.note)
}

#[test]
fn a_confirmed_bare_count_priced_far_below_its_peers_is_told_so_not_that_it_costs_more() {
    // review27b G9: Rp60 a bag beside Rp280 was told it "would cost far more per unit".
    let tea = only_group(vec![
        listing("kantong-a", "Teh Celup Tehuji Melati isi 25 Kantong", "Rp7.000", "box"),
        listing("kantong-b", "Teh Celup Tehuji Melati isi 25 Kantong", "Rp7.200", "box"),
        listing("cheap", "Teh Celup Tehuji Melati Box isi 25", "Rp1.500", "box"),
        listing("boxes", "Teh Celup Tehuji Melati Box isi 25", "Rp170.000", "box"),
    ]);
    assert_eq!(verdict(&tea, "cheap"), Err(Uncounted::NoConfidentPack));
    assert_eq!(note(&tea, "cheap"), Some(super::PRICED_FAR_BELOW));
    assert!(super::PRICED_FAR_BELOW.contains("far less per unit"));
    assert_eq!(note(&tea, "boxes"), Some(super::PRICED_AS_PACKS));
}

#[test]
fn tea_bags_written_sachet_or_kantong_are_one_unit_and_confirm_a_bare_box_together() {
    // review26b F6: the sachet box alone was counted; the kantong box was OTHER_UNIT, the bare one left out.
    let tea = only_group(vec![
        listing("kantong", "Teh Celup Sariwangi Tubruk isi 25 Kantong", "Rp9.000", "box"),
        listing("sachet", "Teh Celup Sariwangi Tubruk isi 25 Sachet", "Rp9.100", "box"),
        listing("bare", "Teh Celup Sariwangi Tubruk isi 25", "Rp8.900", "box"),
    ]);
    assert_eq!(tea.unit_prices, [dec!(356), dec!(360), dec!(364)]);
    let (sachet, _) = tea.offers.iter().find(|(o, _)| o.source_id == "sachet").expect("the sachet box");
    assert_eq!((sachet.unit.base_unit.as_deref(), sachet.unit.quantity), (Some("kantong"), Some(dec!(25))));
}

#[test]
fn a_pouch_of_tea_bags_sold_per_kantong_is_never_counted_per_bag() {
    // review26b F8: the pouch's Rp9.000 was the group's max "per kantong" beside Rp360 a bag.
    let offers = vec![
        listing("box-a", "Teh Celup Walini isi 25 Kantung", "Rp9.000", "box"),
        listing("box-b", "Teh Celup Walini Box isi 25 Kantong", "Rp9.100", "box"),
        listing("box-c", "Teh Celup Walini (25 Kantong)", "Rp9.200", "box"),
        listing("pouch", "Teh Celup Walini Kantong", "Rp9.000", "kantong"),
    ];
    let groups = group(offers, None, &Facts::default());
    let pouch = groups.iter().find(|g| g.offers.iter().any(|(o, _)| o.source_id == "pouch")).expect("the pouch");
    assert_eq!(verdict(pouch, "pouch"), Err(Uncounted::NoConfidentPack));
}

#[test]
fn a_dus_of_bottles_priced_as_one_bottle_or_as_ten_dus_is_left_out_as_a_bare_count_is() {
    // review29b J0: read by the volume of each bottle it skipped the check, and the dus at the
    // price of one bottle was the group's cheapest water (Rp83,33 a bottle).
    let water = vec![
        listing("named", "Sejukz Air Mineral 600 ml Dus isi 24 Botol", "Rp48.000", "dus"),
        listing("plain", "Sejukz Air Mineral 600 ml 24 Botol", "Rp47.000", "dus"),
        listing("bare", "Sejukz Air Mineral 600 ml Dus isi 24", "Rp48.500", "dus"),
        listing("one-bottle", "Sejukz Air Mineral 600 ml Dus isi 24", "Rp2.000", "dus"),
        listing("ten-dus", "Sejukz Air Mineral 600 ml Dus isi 24", "Rp480.000", "dus"),
    ];
    let group = only_group(water);
    assert_eq!(verdict(&group, "bare"), Ok(dec!(2020.8333)));
    assert_eq!(verdict(&group, "one-bottle"), Err(Uncounted::NoConfidentPack));
    assert_eq!(verdict(&group, "ten-dus"), Err(Uncounted::NoConfidentPack));
    assert_eq!(note(&group, "one-bottle"), Some(super::PRICED_FAR_BELOW));
    assert_eq!(note(&group, "ten-dus"), Some(super::PRICED_AS_PACKS));
}

#[test]
fn a_dus_of_bottles_beside_a_dus_of_pieces_confirms_as_it_did_before_it_was_read_in_bottles() {
    // review29b J4: named "botol", it disagreed with the "Pcs" dus and left two right offers out.
    let water = vec![
        listing("pcs", "Dingz Air Mineral 600 ml Dus isi 24 Pcs", "Rp48.000", "dus"),
        listing("bare", "Dingz Air Mineral 600 ml Dus isi 24", "Rp48.000", "dus"),
        listing("year", "Dingz Air Mineral 600 ml Produksi 2026 Dus isi 24", "Rp48.000", "dus"),
        listing("order", "Dingz Air Mineral 600 ml Min Order 2 Dus isi 24", "Rp48.000", "dus"),
    ];
    let group = only_group(water);
    for id in ["pcs", "bare", "year", "order"] {
        assert_eq!(verdict(&group, id), Ok(dec!(2000)), "{id}");
    }
}
