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
        includes_vat: true,
        default_vat_rate: dec!(11),
        vat_rate: None,
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
    }
}

fn offer(price: &str, unit: Option<&str>, title: &str) -> Offer {
    normalize_offer(&MarketplaceId::new("test"), raw(price, unit, title))
}

#[test]
fn a_dozen_pens_with_a_model_code_cost_a_twelfth_each_stated_and_confident() {
    let offer = offer("Rp 40.320", Some("Lusin"), "Pulpen Faster Biru 0,5 mm C600 (Lusin isi 12 Pcs)");
    let unit_price = offer.unit_price.clone().expect("a unit price");
    assert_eq!(unit_price.price.amount_including_vat, dec!(3360));
    assert_eq!((unit_price.derivation, unit_price.confident, unit_price.exact), (PackDerivation::Stated, true, true));
    assert_eq!(offer.confident_unit_price(), Some(dec!(3360)));
}

#[test]
fn a_compact_price_gives_a_confident_but_inexact_unit_price() {
    let unit_price = offer("Rp 150rb", Some("pcs"), "Flashdisk 64GB").unit_price.expect("a unit price");
    assert_eq!((unit_price.confident, unit_price.exact), (true, false));
}

#[test]
fn a_container_of_unstated_size_has_no_unit_price() {
    let offer = offer("Rp 45.000", Some("DUS"), "Air Mineral Aqua 600 ml /DUS");
    assert!(offer.price.is_some());
    assert_eq!((offer.unit.quantity, offer.unit_price), (None, None));
}

#[test]
fn with_nothing_stated_one_piece_is_assumed_and_never_compared() {
    let offer = offer("Rp 95.000", None, "Tinta Epson 003 70 ml hitam");
    let unit_price = offer.unit_price.as_ref().expect("a unit price");
    assert_eq!((unit_price.derivation, unit_price.confident), (PackDerivation::Assumed, false));
    assert_eq!(offer.confident_unit_price(), None);
}

#[test]
fn a_zero_price_is_refused_as_a_placeholder() {
    let offer = offer("Rp 0", Some("pcs"), "Flashdisk 64GB");
    assert_eq!((offer.price, offer.unit_price), (None, None));
    assert!(offer.issues.iter().any(|i| i.field == "price" && i.code == "ZERO"), "{:?}", offer.issues);
}
