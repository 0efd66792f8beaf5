//! A group's policy order: the PDN cascade over its comparable product (any brand), the TKDN its
//! listings agree on, and unit prices compared only in the group's base unit.

use super::tests::{offer, titled};
use super::*;
use rust_decimal_macros::dec;

fn buyer() -> BuyerContext {
    BuyerContext { region_code: "35.71".into() }
}

fn with_tkdn(mut offer: Offer, tkdn: Option<Decimal>) -> Offer {
    offer.tkdn = tkdn;
    offer
}

fn explained<'a>(groups: &'a [ProductGroup], id: &str) -> &'a Explanation {
    let found = groups.iter().flat_map(|g| &g.offers).find(|(o, _)| o.source_id == id);
    found.and_then(|(_, e)| e.as_ref()).unwrap_or_else(|| panic!("{id} is ranked"))
}

#[test]
fn an_imported_brand_is_set_aside_when_another_brand_of_the_same_paper_has_tkdn() {
    let offers = vec![
        with_tkdn(titled("mbiz", "sidu", "Kertas HVS Sinar Dunia A4 70gsm", 100), Some(dec!(79.5))),
        with_tkdn(titled("padi", "doublea", "Kertas HVS Double A A4 70gsm", 90), None),
        with_tkdn(titled("padi", "f4", "Kertas HVS Double A F4 70gsm", 90), None),
    ];
    let groups = group(offers, Some(&buyer()), &policy::Facts::default());
    let aside = explained(&groups, "doublea");
    assert!(!aside.pdn_preferred, "{:?}", aside.reasons);
    assert!(aside.reasons[0].contains("66(2)a") && aside.reasons[0].contains("mbiz:sidu"), "{:?}", aside.reasons);
    // F4 paper is another good: nothing of it states a TKDN.
    assert!(explained(&groups, "f4").pdn_preferred, "{:?}", explained(&groups, "f4").reasons);
}

#[test]
fn a_listing_that_states_no_tkdn_takes_the_one_its_products_listings_agree_on() {
    let offers = vec![
        with_tkdn(titled("jatim", "stated", "Kertas HVS Sinar Dunia A4 70gsm", 100), Some(dec!(79.5))),
        with_tkdn(titled("ekatalog", "also", "Sinar Dunia Kertas HVS A4 70 gsm", 101), Some(dec!(79.5))),
        with_tkdn(titled("bela", "silent", "Kertas HVS A4 70gsm Sinar Dunia", 99), None),
    ];
    let groups = group(offers, Some(&buyer()), &policy::Facts::default());
    assert_eq!(groups.len(), 1, "one product");
    let silent = explained(&groups, "silent");
    assert!(silent.pdn_preferred, "{:?}", silent.reasons);
    assert_eq!((silent.tkdn, silent.tkdn_stated_by.as_deref()), (Some(dec!(79.5)), Some("ekatalog:also")));
    assert_eq!(groups[0].offers[0].0.source_id, "silent", "the cheapest, now in the first tier");
    assert!(groups[0].offers[0].0.tkdn.is_none(), "the offer itself still states none");
}

#[test]
fn listings_that_disagree_on_the_tkdn_lend_none() {
    let offers = vec![
        with_tkdn(titled("jatim", "a", "Kertas HVS Sinar Dunia A4 70gsm", 100), Some(dec!(79.5))),
        with_tkdn(titled("ekatalog", "b", "Sinar Dunia Kertas HVS A4 70 gsm", 101), Some(dec!(40))),
        with_tkdn(titled("bela", "silent", "Kertas HVS A4 70gsm Sinar Dunia", 99), None),
    ];
    let groups = group(offers, Some(&buyer()), &policy::Facts::default());
    let silent = explained(&groups, "silent");
    assert!(!silent.pdn_preferred && silent.tkdn.is_none() && silent.tkdn_stated_by.is_none(), "{silent:?}");
}

#[test]
fn a_price_per_another_unit_than_the_groups_is_not_ranked_against_it() {
    let mut per_pack = offer("pack", 17_000, "pak", true, true).0;
    per_pack.title = "Tisu Nice 250 Sheet 2 Ply".into();
    let mut sheets = Vec::new();
    for (id, price) in [("s1", 80), ("s2", 75)] {
        let mut o = offer(id, price, "lembar", true, true).0;
        o.title = "Tisu Nice 250 Sheet 2 Ply".into();
        sheets.push(o);
    }
    let groups = group([vec![per_pack], sheets].concat(), Some(&buyer()), &policy::Facts::default());
    let order: Vec<&str> = groups[0].offers.iter().map(|(o, _)| o.source_id.as_str()).collect();
    assert_eq!(order, ["s2", "s1", "pack"], "Rp17.000 a pack is not taken for Rp17.000 a sheet");
    let pack = explained(&groups, "pack");
    assert_eq!(pack.unit_price, None);
    assert!(
        pack.reasons.iter().any(|r| r.contains("per pak") && r.contains("compared per lembar")),
        "{:?}",
        pack.reasons
    );
}
