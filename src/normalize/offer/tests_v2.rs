//! Format 2's per-offer facts through the whole normaliser (split from `tests.rs`).

use super::*;
use crate::model::{Availability, PackDerivation, VatBasis};
use crate::normalize::vat::{RateRule, VatPolicy};
use rust_decimal_macros::dec;
use serde_json::json;
use std::sync::Arc;

fn flag(value: Value) -> Option<RawValue> {
    Some(RawValue { value, format: ValueFormat::Boolean })
}

fn number(value: Value) -> Option<RawValue> {
    Some(RawValue { value, format: ValueFormat::Number })
}

/// A net price of Rp1.000.000 on a marketplace stating 12 % with the PMK 131/2024 rule.
fn listing() -> RawOffer {
    RawOffer {
        source_id: "K-1".into(),
        title: "Laptop 14 inci".into(),
        price: RawValue { value: json!(1_000_000), format: ValueFormat::Number },
        vat: Arc::new(VatPolicy {
            includes_vat: None,
            rate: dec!(12),
            rules: vec![RateRule { stated: dec!(12), effective: dec!(11), regulation: "PMK 131/2024".into() }],
        }),
        includes_vat: flag(json!(false)),
        vat_rate: number(json!("12")),
        vendor_name: "PT Maju".into(),
        ..RawOffer::default()
    }
}

fn price_of(raw: RawOffer) -> (VatBasis, Decimal, Decimal, Decimal, Decimal) {
    let offer = normalize_offer(&MarketplaceId::new("test"), &raw);
    let p = offer.price.expect("a price");
    (p.vat_basis, p.nominal_vat_rate, p.vat_rate, p.amount_excluding_vat, p.amount_including_vat)
}

#[test]
fn a_stated_twelve_percent_on_a_net_price_adds_eleven() {
    let got = price_of(listing());
    assert_eq!(got, (VatBasis::Excluded, dec!(12), dec!(11), dec!(1000000), dec!(1110000)));
}

#[test]
fn the_per_offer_flag_says_a_price_is_gross() {
    let got = price_of(RawOffer { includes_vat: flag(json!("ya")), ..listing() });
    assert_eq!(got, (VatBasis::Included, dec!(12), dec!(11), dec!(900900.90), dec!(1000000)));
}

#[test]
fn a_seller_that_is_not_pkp_gives_one_amount_for_both() {
    let got = price_of(RawOffer { vendor_pkp: flag(json!(false)), ..listing() });
    assert_eq!(got, (VatBasis::NotPkp, dec!(0), dec!(0), dec!(1000000), dec!(1000000)));
}

#[test]
fn exempt_goods_and_regional_tax_carry_no_ppn() {
    let exempt = price_of(RawOffer { vat_exempt: flag(json!(true)), ..listing() });
    assert_eq!(exempt, (VatBasis::Exempt, dec!(0), dec!(0), dec!(1000000), dec!(1000000)));
    let pbjt = price_of(RawOffer { regional_tax: flag(json!(1)), ..listing() });
    assert_eq!(pbjt.0, VatBasis::Pbjt);
    assert_eq!((pbjt.3, pbjt.4), (dec!(1000000), dec!(1000000)));
}

#[test]
fn ppn_with_no_inclusion_stated_anywhere_gives_no_price_and_says_so() {
    let offer = normalize_offer(&MarketplaceId::new("test"), &RawOffer { includes_vat: None, ..listing() });
    assert_eq!(offer.price, None);
    assert!(offer.issues.iter().any(|i| i.code == "VAT_INCLUSION_UNKNOWN"), "{:?}", offer.issues);
}

/// Review39n R39n-6: `"110"`, `"-11"`, `"abc"` left the price split at the file's rate, exact.
#[test]
fn an_unreadable_stated_rate_gives_no_price_rather_than_one_at_the_files_rate() {
    for sent in [json!("110"), json!("-11"), json!("abc")] {
        let raw = RawOffer { vat_rate: number(sent.clone()), ..listing() };
        let offer = normalize_offer(&MarketplaceId::new("test"), &raw);
        assert_eq!(offer.price, None, "{sent}");
        let codes: Vec<_> = offer.issues.iter().map(|i| (i.field, i.code)).collect();
        assert_eq!(codes, [("price.vatRate", "VAT_RATE_UNREADABLE")], "{sent}");
    }
    let not_pkp = RawOffer { vat_rate: number(json!("abc")), vendor_pkp: flag(json!(false)), ..listing() };
    assert_eq!(price_of(not_pkp).0, VatBasis::NotPkp, "no PPN applies: the rate changes nothing");
}

/// Review39n R39n-6: a listing stating 10 %, or 12 % where the marketplace's own rate is 11,
/// was charged so without a word.
#[test]
fn a_stated_rate_no_law_has_in_force_today_is_charged_as_stated_and_flagged() {
    let ordinary = Arc::new(VatPolicy { includes_vat: None, rate: dec!(11), rules: Vec::new() });
    let charged = |policy: &Arc<VatPolicy>, rate: &str| {
        let raw = RawOffer { vat: Arc::clone(policy), vat_rate: number(json!(rate)), ..listing() };
        let offer = normalize_offer(&MarketplaceId::new("test"), &raw);
        let said = offer.issues.iter().filter(|i| i.code == "VAT_RATE_NOT_IN_FORCE").map(|i| i.message.clone());
        (offer.price.expect("a price").vat_rate, said.collect::<Vec<_>>())
    };
    let (rate, said) = charged(&ordinary, "10");
    assert_eq!(rate, dec!(10));
    assert!(said.first().is_some_and(|s| s.contains("no date since 1 April 2022")), "{said:?}");
    let (rate, said) = charged(&ordinary, "12");
    assert_eq!(rate, dec!(12));
    assert!(said.first().is_some_and(|s| s.contains("luxury goods only")), "{said:?}");
    assert_eq!(charged(&ordinary, "11"), (dec!(11), vec![]));
    let luxury = Arc::new(VatPolicy { rate: dec!(12), ..(*ordinary).clone() });
    assert_eq!(charged(&luxury, "12"), (dec!(12), vec![]), "a file of luxury goods");
    assert_eq!(charged(&listing().vat, "12"), (dec!(11), vec![]), "the PMK 131/2024 rule");
}

#[test]
fn an_unreadable_flag_is_reported_and_ignored() {
    let offer =
        normalize_offer(&MarketplaceId::new("test"), &RawOffer { vendor_pkp: flag(json!("mungkin")), ..listing() });
    assert_eq!(offer.price.map(|p| p.vat_basis), Some(VatBasis::Excluded));
    assert_eq!(offer.issues.iter().map(|i| (i.field, i.code)).collect::<Vec<_>>(), [("seller.pkp", "FLAG_UNREADABLE")]);
}

#[test]
fn a_whole_rupiah_price_with_sen_is_refused_not_read() {
    let priced = |value: Value| {
        let price = RawValue { value, format: ValueFormat::IntegerRupiah };
        let offer = normalize_offer(&MarketplaceId::new("test"), &RawOffer { price, ..listing() });
        (offer.price.map(|p| p.amount), offer.issues.iter().map(|i| (i.field, i.code)).collect::<Vec<_>>())
    };
    for sen in [json!(1250000.5), json!("1250000.50"), json!(1000000.125)] {
        assert_eq!(priced(sen.clone()), (None, vec![("price", "UNREADABLE")]), "{sen}");
    }
    assert_eq!(priced(json!(1250000.0)), (Some(dec!(1250000)), vec![]));
}

#[test]
fn an_unreadable_bbi_flag_is_null_and_reported_as_other_flags_are() {
    let offer = normalize_offer(&MarketplaceId::new("test"), &RawOffer { bbi: flag(json!("maybe")), ..listing() });
    assert_eq!(offer.bbi, None);
    assert_eq!(offer.issues.iter().map(|i| (i.field, i.code)).collect::<Vec<_>>(), [("bbi", "FLAG_UNREADABLE")]);
    let stated = normalize_offer(&MarketplaceId::new("test"), &RawOffer { bbi: flag(json!("ya")), ..listing() });
    assert_eq!((stated.bbi, stated.issues.len()), (Some(true), 0));
}

#[test]
fn brand_model_availability_minimum_order_and_seller_are_kept_as_stated() {
    let raw = RawOffer {
        brand: Some(" Sinar  Dunia ".into()),
        model: Some("SIDU-A4-80".into()),
        availability: Some("PO 7 hari".into()),
        min_order: number(json!("5")),
        vendor_id: Some("S-9".into()),
        seller_url: Some("https://example.id/toko/s-9".into()),
        seller_rating: number(json!("4,8")),
        ..listing()
    };
    let offer = normalize_offer(&MarketplaceId::new("test"), &raw);
    assert_eq!((offer.brand.as_deref(), offer.model.as_deref()), (Some("Sinar Dunia"), Some("SIDU-A4-80")));
    assert_eq!((offer.availability, offer.min_order), (Some(Availability::PreOrder), Some(5)));
    assert!(!offer.in_stock(), "a pre-order is not in stock");
    assert_eq!(offer.seller.id.as_deref(), Some("S-9"));
    assert_eq!(offer.seller.name, "PT Maju");
    assert_eq!(offer.seller.url.as_deref(), Some("https://example.id/toko/s-9"));
    assert_eq!(offer.seller.rating, Some(dec!(4.8)));
    assert!(offer.issues.is_empty(), "{:?}", offer.issues);
}

#[test]
fn unknown_availability_and_fractional_minimum_orders_are_reported_not_guessed() {
    let raw = RawOffer { availability: Some("segera".into()), min_order: number(json!(2.5)), ..listing() };
    let offer = normalize_offer(&MarketplaceId::new("test"), &raw);
    assert_eq!((offer.availability, offer.min_order), (None, None));
    let codes: Vec<&str> = offer.issues.iter().map(|i| i.code).collect();
    assert_eq!(codes, ["AVAILABILITY_UNKNOWN", "NUMBER_UNREADABLE"]);
}

#[test]
fn a_stock_sent_as_text_reads_as_its_number_and_a_word_is_reported() {
    let offer = normalize_offer(&MarketplaceId::new("test"), &RawOffer { stock: number(json!("1.000")), ..listing() });
    assert_eq!((offer.stock, offer.issues.len()), (Some(1000), 0), "{:?}", offer.issues);
    let offer = normalize_offer(&MarketplaceId::new("test"), &RawOffer { stock: number(json!("banyak")), ..listing() });
    assert_eq!(offer.stock, None);
    assert_eq!(offer.issues.iter().map(|i| (i.field, i.code)).collect::<Vec<_>>(), [("stock", "NUMBER_UNREADABLE")]);
}

#[test]
fn present_but_unreadable_values_each_leave_an_issue() {
    let codes = |raw: RawOffer| {
        let offer = normalize_offer(&MarketplaceId::new("test"), &raw);
        (offer.price.is_some(), offer.issues.iter().map(|i| (i.field, i.code)).collect::<Vec<_>>())
    };
    let priced = |value: Value| RawOffer { price: RawValue { value, format: ValueFormat::Number }, ..listing() };
    assert_eq!(codes(priced(json!("Rp 12.500"))), (false, vec![("price", "UNREADABLE")]));
    assert_eq!(codes(priced(json!("NaN"))), (false, vec![("price", "UNREADABLE")]));
    assert_eq!(codes(priced(Value::Null)), (false, vec![("price", "EMPTY")]));
    assert_eq!(codes(priced(json!("12500"))), (true, vec![]), "a number sent as text is still read");
    let listed = RawOffer { unreadable: vec!["unit"], ..listing() };
    assert_eq!(codes(listed.clone()), (true, vec![("unit", "UNREADABLE")]));
    let note = normalize_offer(&MarketplaceId::new("test"), &listed).unit.note.expect("a note");
    assert!(note.contains("cannot be read"), "{note}");
}

#[test]
fn counts_beyond_what_the_api_can_carry_are_reported_never_clamped() {
    let huge = json!(1_099_511_627_776_u64);
    let raw = RawOffer { stock: number(huge.clone()), min_order: number(huge), ..listing() };
    let offer = normalize_offer(&MarketplaceId::new("test"), &raw);
    assert_eq!(offer.stock, Some(1_099_511_627_776), "kept, so the offer still counts as in stock");
    assert_eq!(offer.min_order, None);
    assert_eq!(
        offer.issues.iter().map(|i| (i.field, i.code)).collect::<Vec<_>>(),
        [("stock", "NUMBER_UNREADABLE"), ("minOrder", "NUMBER_UNREADABLE")]
    );
    assert!(offer.issues.iter().all(|i| i.message.contains("2,147,483,647")), "{:?}", offer.issues);
}

#[test]
fn a_vendor_without_a_mapped_account_id_has_none_rather_than_its_name() {
    let offer = normalize_offer(&MarketplaceId::new("test"), &listing());
    assert_eq!(offer.vendor.source_id, None);
    assert_eq!(offer.vendor.account_key(), "PT Maju", "accounts are still told apart inside Pasar");
    let stated = RawOffer { vendor_id: Some("S-9".into()), ..listing() };
    assert_eq!(normalize_offer(&MarketplaceId::new("test"), &stated).vendor.source_id.as_deref(), Some("S-9"));
}

#[test]
fn a_stated_pack_quantity_wins_and_a_title_that_disagrees_is_reported() {
    let raw = RawOffer {
        title: "Kertas HVS A4 80gsm".into(),
        unit: Some("rim".into()),
        pack_quantity: number(json!("500")),
        ..listing()
    };
    let offer = normalize_offer(&MarketplaceId::new("test"), &raw);
    assert_eq!(
        (offer.unit.quantity, offer.unit.derivation, offer.unit.confident),
        (Some(dec!(500)), PackDerivation::Stated, true)
    );
    assert_eq!(offer.unit_price.map(|u| u.price.amount), Some(dec!(2000)));
    let stated_base = RawOffer { unit: Some("box".into()), base_unit: Some(" LBR ".into()), ..raw.clone() };
    let offer = normalize_offer(&MarketplaceId::new("test"), &stated_base);
    assert_eq!((offer.unit.base_unit.as_deref(), offer.unit.quantity), (Some("lembar"), Some(dec!(500))));
    let boxed = RawOffer { title: "Kertas HVS A4 80gsm Box isi 5 Rim".into(), unit: Some("box".into()), ..raw };
    let offer = normalize_offer(&MarketplaceId::new("test"), &boxed);
    assert_eq!((offer.unit.quantity, offer.unit.confident), (Some(dec!(500)), false));
    assert!(offer.issues.iter().any(|i| i.code == "PACK_CONFLICT"), "{:?}", offer.issues);
}

#[test]
fn a_marketplaces_own_pack_quantity_prices_a_karton_whose_title_counts_without_a_unit() {
    let raw = RawOffer {
        title: "Masker Sensi 3 Ply Earloop Karton isi 40".into(),
        unit: Some("karton".into()),
        pack_quantity: number(json!("40")),
        ..listing()
    };
    let offer = normalize_offer(&MarketplaceId::new("test"), &raw);
    assert_eq!((offer.unit.quantity, offer.unit.confident), (Some(dec!(40)), true));
}

#[test]
fn a_pack_quantity_conflicts_only_with_a_size_stated_by_itself_and_says_where() {
    let at = |title: &str, unit: &str, quantity: &str| {
        let raw = RawOffer {
            title: title.into(),
            unit: Some(unit.into()),
            pack_quantity: number(json!(quantity)),
            ..listing()
        };
        normalize_offer(&MarketplaceId::new("test"), &raw)
    };
    let conflict = |offer: &Offer| offer.issues.iter().find(|i| i.code == "PACK_CONFLICT").map(|i| i.message.clone());
    // A unit word of no size: the pack quantity says how much it holds.
    for (title, unit) in [("Beras Medium Sania", "KARUNG"), ("Jasa Tenaga Kebersihan", "ORANG-BULAN")] {
        let offer = at(title, unit, "5");
        assert_eq!((conflict(&offer), offer.unit.confident), (None, true), "{unit}");
    }
    let pens = at("Pulpen Standard AE7 Hitam", "LUSIN", "1");
    assert!(!pens.unit.confident);
    assert_eq!(
        conflict(&pens).as_deref(),
        Some("the marketplace states 1 per pack but the unit field `lusin` says 12")
    );
    let paper = at("Kertas HVS A4 Box isi 5 Rim", "rim", "500");
    assert!(!paper.unit.confident);
    assert_eq!(conflict(&paper).as_deref(), Some("the marketplace states 500 per pack but the title says 2500"));
    for (title, unit, quantity) in [("Pulpen Standard AE7", "LUSIN", "12"), ("Pulpen Standard AE7", "pcs", "12")] {
        let offer = at(title, unit, quantity);
        assert_eq!((conflict(&offer), offer.unit.confident), (None, true), "{unit} {quantity}");
    }
}
