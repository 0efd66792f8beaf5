//! A search as the client asks for it, and the page it gets back.

use super::filter::OfferFilter;
use super::order::OfferSort;
use super::policy::{BuyerContext, Explanation};
use super::report::Sources;
use crate::model::Offer;

/// A search as the client asked for it.
#[derive(Debug, Clone, Default)]
pub struct SearchParams {
    /// The buyer's search text.
    pub query: String,
    /// Which offers to keep.
    pub filter: OfferFilter,
    /// How to order them.
    pub sort: OfferSort,
    /// Who is buying, for policy ranking.
    pub buyer: Option<BuyerContext>,
    /// Page size.
    pub first: u32,
    /// Opaque cursor from a previous page's `endCursor`.
    pub after: Option<String>,
    /// Skip the cache and read fresh from every marketplace.
    pub bypass_cache: bool,
}

/// One offer of a page.
#[derive(Debug, Clone)]
pub struct Edge {
    /// Pass as `after` to continue after this offer.
    pub cursor: String,
    /// The offer.
    pub offer: Offer,
    /// Why it ranks where it does (policy order only).
    pub explanation: Option<Explanation>,
}

/// One page of merged offers.
#[derive(Debug, Clone)]
pub struct SearchOutcome {
    /// The offers of this page, each with its cursor.
    pub edges: Vec<Edge>,
    /// Whether more offers follow.
    pub has_next_page: bool,
    /// Whether offers precede this page.
    pub has_previous_page: bool,
    /// Matching offers across marketplaces that answered.
    pub total_count: u64,
    /// False when `total_count` is a lower bound (a filter the marketplaces could not apply).
    pub total_count_exact: bool,
    /// Offers that walking `after` to the end delivers: every match up to the paging depth in
    /// relevance order, the sorted window in the other orders.
    pub reachable_count: u64,
    /// In orders sorted by the gateway, how many matching offers of each marketplace are sorted.
    pub window: Option<u32>,
    /// What each marketplace did.
    pub sources: Sources,
}

impl SearchOutcome {
    pub(super) fn new() -> Self {
        Self {
            edges: Vec::new(),
            has_next_page: false,
            has_previous_page: false,
            total_count: 0,
            total_count_exact: true,
            reachable_count: 0,
            window: None,
            sources: Sources::default(),
        }
    }
}
