//! The cascade, UMK preference and locality, on the regulations' own situations.

use super::cascade::Cascade;
use super::*;
use crate::model::{BusinessScale, LegalForm, PackDerivation, UnitPrice};
use rust_decimal_macros::dec;

struct Spec {
    id: &'static str,
    tkdn: Option<Decimal>,
    bmp: Option<Decimal>,
    scale: BusinessScale,
    form: LegalForm,
    region: &'static str,
    price: Decimal,
}

const BASE: Spec = Spec {
    id: "x",
    tkdn: None,
    bmp: None,
    scale: BusinessScale::Besar,
    form: LegalForm::Pt,
    region: "31.71",
    price: dec!(100000),
};

fn offer(spec: Spec) -> Offer {
    let mut offer = Offer::sample(spec.id);
    if let Some(price) = offer.price.as_mut() {
        price.amount = spec.price;
        price.amount_excluding_vat = spec.price;
        price.amount_including_vat = spec.price;
    }
    // One stated unit: only a confident unit price takes part in the price rule.
    offer.unit.quantity = Some(Decimal::ONE);
    offer.unit.derivation = PackDerivation::Stated;
    offer.unit.confident = true;
    offer.unit_price =
        offer.price.clone().map(|price| UnitPrice { price, derivation: PackDerivation::Stated, confident: true });
    offer.vendor.legal_form = spec.form;
    offer.vendor.scale = spec.scale;
    offer.vendor.region_code = Some(spec.region);
    offer.tkdn = spec.tkdn;
    offer.bmp = spec.bmp;
    offer
}

/// Ranks offers of one product, the cascade decided over them alone.
fn rank_alone(offers: Vec<Offer>, buyer: Option<&BuyerContext>) -> Vec<(Offer, Explanation)> {
    let cascade = Cascade::over(offers.iter().map(|o| (o, Read::of(o, None))));
    rank(offers, buyer, &Facts::default(), &Scope { cascade, ..Scope::default() })
}

fn order(offers: Vec<Offer>, buyer: &str) -> Vec<&'static str> {
    let buyer = BuyerContext { region_code: buyer.into() };
    rank_alone(offers, Some(&buyer))
        .into_iter()
        .map(|(o, _)| match o.source_id.as_str() {
            "a" => "a",
            "b" => "b",
            "c" => "c",
            "d" => "d",
            _ => "?",
        })
        .collect()
}

#[test]
fn when_one_offer_reaches_tkdn_plus_bmp_40_offers_below_tkdn_25_are_set_aside_with_a_reason() {
    // Pasal 66(2)a: a PDN with TKDN+BMP ≥ 40 % exists → buy PDN with TKDN ≥ 25 %.
    let offers = vec![
        offer(Spec { id: "a", tkdn: Some(dec!(20)), price: dec!(50000), ..BASE }),
        offer(Spec { id: "b", tkdn: Some(dec!(30)), bmp: Some(dec!(12)), price: dec!(90000), ..BASE }),
        offer(Spec { id: "c", tkdn: Some(dec!(26)), price: dec!(80000), ..BASE }),
    ];
    let buyer = BuyerContext { region_code: "35.71".into() };
    let ranked = rank_alone(offers, Some(&buyer));
    let ids: Vec<&str> = ranked.iter().map(|(o, _)| o.source_id.as_str()).collect();
    assert_eq!(ids, ["c", "b", "a"], "the cheapest offer is last: its TKDN is below 25 %");
    let (_, aside) = &ranked[2];
    assert!(!aside.pdn_preferred);
    assert!(aside.reasons[0].contains("66(2)a") && aside.reasons[0].contains("below 25 %"), "{:?}", aside.reasons);
}

#[test]
fn a_sum_of_40_percent_from_a_tkdn_below_25_sets_no_offer_aside() {
    // TKDN 24.99 % + BMP 15 %: clause a asks for TKDN ≥ 25 %, which nothing offered has.
    let offers = vec![
        offer(Spec { id: "a", tkdn: Some(dec!(24.99)), bmp: Some(dec!(15.01)), ..BASE }),
        offer(Spec { id: "b", tkdn: Some(dec!(10)), ..BASE }),
    ];
    let ranked = rank_alone(offers, None);
    assert!(ranked.iter().all(|(_, why)| why.pdn_preferred), "{ranked:?}");
    assert!(ranked.iter().all(|(_, why)| why.reasons[0].contains("66(2)c")), "{ranked:?}");
}

#[test]
fn an_offer_stating_no_tkdn_is_set_aside_without_being_said_to_have_zero() {
    let offers = vec![
        offer(Spec { id: "a", tkdn: None, ..BASE }),
        offer(Spec { id: "b", tkdn: Some(dec!(30)), bmp: Some(dec!(12)), ..BASE }),
    ];
    let ranked = rank_alone(offers, None);
    let (_, aside) = ranked.iter().find(|(o, _)| o.source_id == "a").expect("a");
    assert!(aside.reasons[0].contains("this one states no TKDN"), "{:?}", aside.reasons);
    assert!(!aside.reasons[0].contains("(0 %)") && !aside.reasons[0].contains("TKDN 0 %"), "{:?}", aside.reasons);
}

#[test]
fn without_a_40_percent_offer_tkdn_25_still_comes_first() {
    // Pasal 66(2)b.
    let offers = vec![
        offer(Spec { id: "a", tkdn: Some(dec!(10)), price: dec!(1), ..BASE }),
        offer(Spec { id: "b", tkdn: Some(dec!(25)), price: dec!(9), ..BASE }),
    ];
    assert_eq!(order(offers, "35.71"), ["b", "a"]);
}

#[test]
fn with_only_low_certified_tkdn_certified_offers_beat_uncertified_ones() {
    // Pasal 66(2)c.
    let offers = vec![
        offer(Spec { id: "a", tkdn: None, price: dec!(1), ..BASE }),
        offer(Spec { id: "b", tkdn: Some(dec!(5)), price: dec!(9), ..BASE }),
    ];
    assert_eq!(order(offers, "35.71"), ["b", "a"]);
}

#[test]
fn within_a_cascade_tier_umk_and_koperasi_come_before_larger_vendors() {
    let offers = vec![
        offer(Spec { id: "a", tkdn: Some(dec!(30)), price: dec!(1), ..BASE }),
        offer(Spec { id: "b", tkdn: Some(dec!(30)), scale: BusinessScale::Mikro, price: dec!(5), ..BASE }),
        offer(Spec {
            id: "c",
            tkdn: Some(dec!(30)),
            form: LegalForm::Koperasi,
            scale: BusinessScale::Unknown,
            price: dec!(3),
            ..BASE
        }),
    ];
    assert_eq!(order(offers, "31.71"), ["c", "b", "a"]);
}

#[test]
fn then_the_buyers_own_regency_then_province_then_the_rest() {
    let offers = vec![
        offer(Spec { id: "a", region: "31.71", price: dec!(1), ..BASE }),
        offer(Spec { id: "b", region: "35.06", price: dec!(2), ..BASE }),
        offer(Spec { id: "c", region: "35.71", price: dec!(3), ..BASE }),
    ];
    assert_eq!(order(offers, "35.71"), ["c", "b", "a"]);
    let buyer = BuyerContext { region_code: "35.71".into() };
    let ranked = rank_alone(vec![offer(Spec { id: "d", region: "35.06", ..BASE })], Some(&buyer));
    assert_eq!(ranked[0].1.locality, Locality::SameProvince);
}

#[test]
fn all_else_equal_the_cheapest_per_base_unit_wins_and_every_offer_explains_itself() {
    let offers = vec![
        offer(Spec { id: "a", price: dec!(300), ..BASE }),
        offer(Spec { id: "b", price: dec!(100), ..BASE }),
        offer(Spec { id: "c", price: dec!(200), ..BASE }),
    ];
    let buyer = BuyerContext { region_code: "35.71".into() };
    let ranked = rank_alone(offers, Some(&buyer));
    let ids: Vec<&str> = ranked.iter().map(|(o, _)| o.source_id.as_str()).collect();
    assert_eq!(ids, ["b", "c", "a"]);
    for (_, explanation) in &ranked {
        assert!(explanation.pdn_preferred, "with no TKDN anywhere, clause (d) sets nothing aside");
        assert_eq!(explanation.reasons.len(), 4, "{:?}", explanation.reasons);
    }
}

#[test]
fn in_a_mixed_answer_each_product_is_decided_by_its_own_offers_not_by_another_products() {
    let titled = |id: &'static str, title: &str, tkdn: Option<Decimal>| {
        let mut o = offer(Spec { id, tkdn, ..BASE });
        o.title = title.into();
        o
    };
    let offers = [
        titled("a", "Laptop HP ProBook 440 G10 Core i5 8GB 512GB", Some(dec!(34.8))),
        titled("b", "Toner HP 85A CE285A", None),
        titled("c", "Toner Printer HP 85A CE285A Original", None),
    ];
    let (scopes, of) = per_offer(&offers.iter().collect::<Vec<_>>());
    let ranked = rank_each(offers.iter().zip(of).map(|(o, at)| (o, &scopes[at])).collect(), None, &Facts::default());
    let toner = ranked.iter().find(|(o, _)| o.source_id == "b").map(|(_, e)| e).expect("b");
    assert!(toner.pdn_preferred, "a laptop's TKDN says nothing of toner: {:?}", toner.reasons);
    let laptop = ranked.iter().find(|(o, _)| o.source_id == "a").map(|(_, e)| e).expect("a");
    assert!(laptop.pdn_preferred && laptop.reasons[0].contains("66(2)b"), "{:?}", laptop.reasons);
}
