//! Merging marketplaces' offers into one filtered, sorted, paged list.

use super::cursor;
use super::fanout::Fetched;
use super::{SearchOutcome, SearchParams};
use crate::marketplace::Registry;
use crate::model::{MarketplaceId, Offer};
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// Which offers to keep.
#[derive(Debug, Clone, Default)]
pub struct OfferFilter {
    /// Only these marketplaces (all when `None`).
    pub marketplaces: Option<Vec<String>>,
    /// Lowest price including PPN.
    pub min_price: Option<Decimal>,
    /// Highest price including PPN.
    pub max_price: Option<Decimal>,
}

impl OfferFilter {
    /// Whether the marketplace is asked at all.
    pub(super) fn selects(&self, id: &MarketplaceId) -> bool {
        self.marketplaces.as_ref().is_none_or(|ids| ids.iter().any(|m| m == id.as_str()))
    }

    /// The first named marketplace that is not registered.
    pub(super) fn unknown_marketplace(&self, registry: &Registry) -> Option<String> {
        self.marketplaces.as_ref()?.iter().find(|id| registry.get(id).is_none()).cloned()
    }

    /// Whether gateway-side conditions apply, which makes marketplace totals a lower bound.
    fn filters_in_gateway(&self) -> bool {
        self.min_price.is_some() || self.max_price.is_some()
    }

    fn keeps(&self, offer: &Offer) -> bool {
        let price = offer.price.as_ref().map(|p| p.amount_including_vat);
        let above = self.min_price.is_none_or(|min| price.is_some_and(|p| p >= min));
        let below = self.max_price.is_none_or(|max| price.is_some_and(|p| p <= max));
        above && below
    }
}

/// Orders of the merged list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OfferSort {
    /// Each marketplace's own ranking, interleaved: every marketplace's first offer, then every second.
    #[default]
    Relevance,
    /// Cheapest first (including PPN); offers without a readable price last.
    PriceAsc,
    /// Dearest first; offers without a readable price last.
    PriceDesc,
}

/// An offer with its rank inside its marketplace, for stable interleaving and tie-breaks.
struct Ranked {
    rank: usize,
    source: usize,
    offer: Offer,
}

pub(super) fn page(fetched: Vec<Fetched>, params: &SearchParams, start: u32) -> SearchOutcome {
    let mut sources = Vec::with_capacity(fetched.len());
    let mut failures = Vec::new();
    let mut ranked = Vec::new();
    let mut total = 0u64;
    for (source, f) in fetched.into_iter().enumerate() {
        total += f.total.unwrap_or(f.offers.len() as u64);
        if let Some(error) = f.error {
            failures.push((f.report.marketplace.clone(), error));
        }
        sources.push(f.report);
        ranked.extend(f.offers.into_iter().enumerate().map(|(rank, offer)| Ranked { rank, source, offer }));
    }
    ranked.retain(|r| params.filter.keeps(&r.offer));
    ranked.sort_by(|a, b| compare(params.sort, a, b));
    let exact = !params.filter.filters_in_gateway();
    let total_count = if exact { total } else { ranked.len() as u64 };
    let start = start as usize;
    let end = start.saturating_add(params.first as usize);
    let has_next_page = ranked.len() > end || (total_count as usize) > end;
    let edges = ranked
        .into_iter()
        .enumerate()
        .skip(start)
        .take(params.first as usize)
        .map(|(position, r)| (cursor::encode(u32::try_from(position).unwrap_or(u32::MAX)), r.offer))
        .collect();
    SearchOutcome {
        edges,
        has_next_page,
        has_previous_page: start > 0,
        total_count,
        total_count_exact: exact,
        sources,
        failures,
    }
}

fn compare(sort: OfferSort, a: &Ranked, b: &Ranked) -> Ordering {
    let stable = || (a.rank, a.source).cmp(&(b.rank, b.source));
    let price = |r: &Ranked| r.offer.price.as_ref().map(|p| p.amount_including_vat);
    match sort {
        OfferSort::Relevance => stable(),
        OfferSort::PriceAsc | OfferSort::PriceDesc => match (price(a), price(b)) {
            (Some(x), Some(y)) => {
                let by_price = if sort == OfferSort::PriceAsc { x.cmp(&y) } else { y.cmp(&x) };
                by_price.then_with(stable)
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => stable(),
        },
    }
}
