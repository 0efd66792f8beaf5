//! Input types of the search arguments.

use crate::search::{OfferFilter, OfferSort};
use async_graphql::{Enum, ID, InputObject};
use rust_decimal::Decimal;

/// Conditions an offer must meet.
#[derive(Debug, Clone, Default, InputObject)]
#[graphql(name = "OfferFilter")]
pub(super) struct OfferFilterInput {
    /// Only ask these marketplaces (by id); all enabled marketplaces when omitted.
    marketplaces: Option<Vec<ID>>,
    /// Lowest price including PPN, in rupiah.
    min_price: Option<Decimal>,
    /// Highest price including PPN, in rupiah.
    max_price: Option<Decimal>,
}

impl From<OfferFilterInput> for OfferFilter {
    fn from(input: OfferFilterInput) -> Self {
        Self {
            marketplaces: input.marketplaces.map(|ids| ids.into_iter().map(|id| id.0).collect()),
            min_price: input.min_price,
            max_price: input.max_price,
        }
    }
}

/// How offers are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Enum)]
#[graphql(name = "OfferSort")]
pub(super) enum OfferSortInput {
    /// Each marketplace's own relevance ranking, interleaved across marketplaces.
    #[default]
    Relevance,
    /// Cheapest first, by price including PPN, among the offers fetched for this page depth.
    PriceAsc,
    /// Dearest first, by price including PPN, among the offers fetched for this page depth.
    PriceDesc,
}

impl From<OfferSortInput> for OfferSort {
    fn from(input: OfferSortInput) -> Self {
        match input {
            OfferSortInput::Relevance => Self::Relevance,
            OfferSortInput::PriceAsc => Self::PriceAsc,
            OfferSortInput::PriceDesc => Self::PriceDesc,
        }
    }
}
