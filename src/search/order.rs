//! Orders of the merged offers.

use super::policy::unit_price;
use crate::model::Offer;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// How offers are ordered. Every order but `RELEVANCE` is applied by the gateway to each
/// marketplace's first 200 matching offers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, async_graphql::Enum)]
pub enum OfferSort {
    /// Each marketplace's own relevance ranking, interleaved across marketplaces.
    #[default]
    Relevance,
    /// Cheapest pack first, including PPN.
    PriceAsc,
    /// Dearest pack first, including PPN.
    PriceDesc,
    /// Cheapest per base unit first, including PPN (a rim compares with a box of five rim); only
    /// confident unit prices (`Offer.unitPriceBasis`) are ordered, the other offers follow.
    UnitPriceAsc,
    /// Highest TKDN first.
    TkdnDesc,
    /// As procurement rules rank: PDN cascade (Perpres 46/2025), then UMK and koperasi, then
    /// locality to the buyer, then unit price. Each edge says why in `ranking`.
    Policy,
}

impl OfferSort {
    /// Whether the gateway sorts a window of each marketplace's results itself (every order but
    /// relevance: no bundled marketplace sorts by these upstream).
    pub fn sorted_in_gateway(self) -> bool {
        self != Self::Relevance
    }
}

/// Compares two offers for the orders that are a plain key (not relevance, not policy); offers
/// without the key go last, ties keep their earlier order (the sort is stable).
pub(super) fn compare(sort: OfferSort, a: &Offer, b: &Offer) -> Ordering {
    let price = |o: &Offer| o.price.as_ref().map(|p| p.amount_including_vat);
    match sort {
        OfferSort::PriceAsc => ascending(price(a), price(b)),
        // Negated so "larger first" keeps "missing last".
        OfferSort::PriceDesc => ascending(price(a).map(|p| -p), price(b).map(|p| -p)),
        OfferSort::UnitPriceAsc => ascending(unit_price(a), unit_price(b)),
        OfferSort::TkdnDesc => ascending(a.tkdn.map(|t| -t), b.tkdn.map(|t| -t)),
        OfferSort::Relevance | OfferSort::Policy => Ordering::Equal,
    }
}

/// Smaller first, missing last.
fn ascending(a: Option<Decimal>, b: Option<Decimal>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
