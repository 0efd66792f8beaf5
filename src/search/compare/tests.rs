//! Which unit prices a product group compares.

use super::*;
use crate::model::{PackDerivation, UnitPrice};

fn offer(id: &str, per_unit: i64, base: &str, confident: bool, exact: bool) -> (Offer, Option<Explanation>) {
    let mut offer = Offer::sample(id);
    offer.unit.base_unit = Some(base.to_string());
    let mut price = offer.price.clone().expect("the sample has a price");
    price.amount_including_vat = Decimal::from(per_unit);
    offer.unit_price = Some(UnitPrice { price, derivation: PackDerivation::Title, confident, exact });
    (offer, None)
}

fn group_of(offers: Vec<(Offer, Option<Explanation>)>) -> ProductGroup {
    let offers: Vec<Offer> = offers.into_iter().map(|(o, _)| o).collect();
    build(
        product::product_key("x"),
        offers,
        product::explain(&product::product_key("x"), &product::product_key("x")),
        None,
    )
}

fn cheapest_id(group: &ProductGroup) -> Option<&str> {
    group.cheapest().map(|o| o.source_id.as_str())
}

#[test]
fn an_unconfident_unit_price_never_wins_cheapest_nor_counts_in_the_range() {
    let group = group_of(vec![offer("assumed", 3, "pcs", false, true), offer("stated", 2000, "pcs", true, true)]);
    assert_eq!(cheapest_id(&group), Some("stated"));
    assert_eq!(group.unit_prices, [Decimal::from(2000)]);
}

#[test]
fn an_approximate_price_never_wins_cheapest_over_an_exact_one() {
    let group = group_of(vec![offer("compact", 1500, "pcs", true, false), offer("exact", 2000, "pcs", true, true)]);
    assert_eq!(cheapest_id(&group), Some("exact"));
    let only_compact = group_of(vec![offer("compact", 1500, "pcs", true, false)]);
    assert_eq!(cheapest_id(&only_compact), Some("compact"));
}

#[test]
fn unit_prices_in_another_base_unit_are_not_compared() {
    let group = group_of(vec![
        offer("per-sheet", 60, "lembar", true, true),
        offer("per-pack-a", 15000, "pak", true, true),
        offer("per-pack-b", 14000, "pak", true, true),
    ]);
    assert_eq!(cheapest_id(&group), Some("per-pack-b"));
    assert_eq!(group.unit_prices, [Decimal::from(14000), Decimal::from(15000)]);
}

#[test]
fn a_group_with_no_confident_unit_price_has_no_cheapest() {
    let group = group_of(vec![offer("a", 10, "pcs", false, true)]);
    assert_eq!(cheapest_id(&group), None);
    assert!(group.unit_prices.is_empty() && group.median_unit_price().is_none());
}
