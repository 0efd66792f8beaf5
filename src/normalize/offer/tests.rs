//! One raw item into an offer: what its unit price says about itself.

use super::*;
use crate::model::PackDerivation;
use rust_decimal_macros::dec;

fn raw(price: &str, unit: Option<&str>, title: &str) -> RawOffer {
    RawOffer {
        source_id: "1".into(),
        title: title.into(),
        url: None,
        price: RawValue { value: Value::String(price.into()), format: ValueFormat::IdrText },
        vat: std::sync::Arc::new(crate::normalize::vat::VatPolicy {
            includes_vat: Some(true),
            rate: dec!(11),
            rules: Vec::new(),
        }),
        unit: unit.map(str::to_string),
        stock: None,
        tkdn: None,
        bmp: None,
        bbi: None,
        vendor_id: None,
        vendor_name: "CV Maju".into(),
        vendor_legal_form: None,
        vendor_npwp: None,
        vendor_scale: None,
        vendor_region: None,
        ..RawOffer::default()
    }
}

fn offer(price: &str, unit: Option<&str>, title: &str) -> Offer {
    normalize_offer(&MarketplaceId::new("test"), &raw(price, unit, title))
}

#[test]
fn a_dozen_pens_with_a_model_code_cost_a_twelfth_each_stated_and_confident() {
    let offer = offer("Rp 40.320", Some("Lusin"), "Pulpen Faster Biru 0,5 mm C600 (Lusin isi 12 Pcs)");
    let unit_price = offer.unit_price.clone().expect("a unit price");
    assert_eq!(unit_price.price.amount_including_vat, dec!(3360));
    assert_eq!(
        (unit_price.derivation, unit_price.confident, unit_price.price.exact),
        (PackDerivation::Stated, true, true)
    );
    assert_eq!(offer.confident_unit_price(), Some(dec!(3360)));
}

#[test]
fn a_compact_price_gives_a_confident_but_inexact_unit_price() {
    let unit_price = offer("Rp 150rb", Some("pcs"), "Flashdisk 64GB").unit_price.expect("a unit price");
    assert_eq!((unit_price.confident, unit_price.price.exact), (true, false));
}

#[test]
fn a_price_says_whether_it_was_quoted_exactly_with_or_without_a_unit_price() {
    let exactness = |price: &str| offer(price, Some("DUS"), "Air Mineral 600 ml").price.map(|p| p.exact);
    assert_eq!(exactness("Rp 45.000"), Some(true));
    assert_eq!(exactness("Rp 45rb"), Some(false), "a compact form is a rounded figure");
    assert_eq!(exactness("Rp 45.000 - Rp 50.000"), Some(false), "a range's lower bound");
}

#[test]
fn a_container_of_unstated_size_has_no_unit_price() {
    let offer = offer("Rp 45.000", Some("DUS"), "Air Mineral Aqua 600 ml /DUS");
    assert!(offer.price.is_some());
    assert_eq!((offer.unit.quantity, offer.unit_price), (None, None));
}

#[test]
fn a_karton_counted_without_a_unit_has_no_unit_price_rather_than_the_price_of_a_box_per_mask() {
    // 40 boxes of 50 masks: Rp1.000.000 / 40 is Rp25.000 a box, not a mask (review25b F3).
    let karton = offer("Rp1.000.000", Some("karton"), "Masker Sensi 3 Ply Earloop Karton isi 40");
    assert_eq!((karton.unit_price, karton.unit.quantity, karton.unit.base_unit), (None, None, None));
    assert!(!karton.unit.confident && karton.unit.note.is_some_and(|n| n.contains("inner packs")));
    let named = offer("Rp25.000", Some("box"), "Masker Sensi 3 Ply Earloop Box isi 50 pcs");
    assert_eq!(named.confident_unit_price(), Some(dec!(500)));
}

/// review39n R39n-3: one piece was assumed (`ASSUMED`, not confident), and a client reading
/// `unitPrice` alone took the guess for a stated figure.
#[test]
fn with_nothing_stated_the_pack_size_and_the_unit_price_are_unknown_never_one_piece() {
    let offer = offer("Rp 95.000", None, "Tinta Epson 003 70 ml hitam");
    assert_eq!((offer.unit.quantity, offer.unit_price.as_ref()), (None, None));
    assert_eq!(offer.unit.note, Some("neither a unit field nor the title states the pack"));
    assert_eq!(offer.confident_unit_price(), None);
}

#[test]
fn a_price_text_saying_non_pkp_is_read_and_charges_no_ppn_whatever_the_adapter_assumes() {
    let price = offer("Rp 1.250.000 non-PKP", Some("Unit"), "Meja Kantor").price.expect("a price");
    let got = (price.vat_basis, price.amount_excluding_vat, price.amount_including_vat);
    assert_eq!(got, (crate::model::VatBasis::NotPkp, dec!(1250000), dec!(1250000)));
}

#[test]
fn a_zero_price_is_refused_as_a_placeholder() {
    let offer = offer("Rp 0", Some("pcs"), "Flashdisk 64GB");
    assert_eq!((offer.price, offer.unit_price), (None, None));
    assert!(offer.issues.iter().any(|i| i.field == "price" && i.code == "ZERO"), "{:?}", offer.issues);
}

#[test]
fn a_one_rupiah_ream_is_a_placeholder_with_no_price_and_no_unit_price() {
    let offer = offer("Rp 1", Some("Rim"), "Kertas HVS Sinar Dunia A4 70 gsm Rim isi 500 Lembar");
    assert_eq!((offer.price, offer.unit_price), (None, None));
    assert!(offer.issues.iter().any(|i| i.field == "price" && i.code == "PLACEHOLDER"), "{:?}", offer.issues);
}

#[test]
fn a_thousand_rupiah_item_keeps_its_exact_price() {
    let price = offer("Rp 1.000", Some("pcs"), "Penghapus Pensil Kecil").price.expect("a price");
    assert_eq!((price.amount, price.exact), (dec!(1000), true));
}

#[test]
fn a_bmp_above_the_15_percent_a_certificate_carries_is_not_counted_and_says_why() {
    let with_bmp = |bmp: &str| {
        let raw = RawOffer {
            tkdn: Some(RawValue { value: Value::String("24,99".into()), ..RawValue::default() }),
            bmp: Some(RawValue { value: Value::String(bmp.into()), ..RawValue::default() }),
            ..raw("Rp 50.000", Some("pcs"), "Kursi Kerja")
        };
        normalize_offer(&MarketplaceId::new("test"), &raw)
    };
    let above = with_bmp("15,01");
    assert_eq!(above.bmp, None);
    assert!(above.issues.iter().any(|i| i.field == "bmp" && i.code == "BMP_ABOVE_CEILING"), "{:?}", above.issues);
    let at = with_bmp("15");
    assert_eq!(at.bmp, Some(dec!(15)));
    assert!(at.issues.is_empty(), "{:?}", at.issues);
}

#[test]
fn a_ranges_upper_end_is_split_as_its_amount_and_divided_per_unit() {
    let offer = offer("Rp 111.000 - Rp 222.000", Some("Lusin"), "Pulpen Faster C600 (Lusin isi 12 Pcs)");
    let max = offer.price.as_ref().and_then(|p| p.range_max.clone()).expect("an upper end");
    assert_eq!((max.amount, max.excluding_vat, max.including_vat), (dec!(222000), dec!(200000), dec!(222000)));
    let per_unit = offer.unit_price.and_then(|u| u.price.range_max).expect("a unit price's upper end");
    assert_eq!((per_unit.amount, per_unit.excluding_vat), (dec!(18500), dec!(16666.6667)));
    assert_eq!(offer.price.map(|p| p.bounds(true)), Some((dec!(100000), dec!(200000))));
}
