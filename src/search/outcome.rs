//! A search as the client asks for it, and the page it gets back.

use super::cursor::EdgeCursor;
use super::filter::OfferFilter;
use super::order::OfferSort;
use super::policy::{BuyerContext, Explanation};
use super::report::Sources;
use crate::cache::{CachedPage, normalize_query};
use crate::model::Offer;
use std::ops::Deref;
use std::sync::Arc;

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

/// An offer where its cached page holds it: gathering, ranking and answering a page copy no
/// offer (a copy per edge was the largest allocation of a miss). `to_offer` copies one out for
/// an answer that must own it.
#[derive(Clone)]
pub struct SharedOffer {
    page: Arc<CachedPage>,
    at: usize,
}

impl SharedOffer {
    /// Offer `at` of `page`; `None` past its end.
    pub(super) fn new(page: &Arc<CachedPage>, at: usize) -> Option<Self> {
        (at < page.offers.len()).then(|| Self { page: Arc::clone(page), at })
    }

    /// A copy of the offer, for an answer that owns its offers.
    pub fn to_offer(&self) -> Offer {
        Offer::clone(self)
    }

    /// The offer as its page shares it.
    pub(super) fn arc(&self) -> &Arc<Offer> {
        &self.page.offers[self.at]
    }
}

impl Deref for SharedOffer {
    type Target = Offer;

    fn deref(&self) -> &Offer {
        &self.page.offers[self.at]
    }
}

impl std::borrow::Borrow<Offer> for SharedOffer {
    fn borrow(&self) -> &Offer {
        self
    }
}

impl std::fmt::Debug for SharedOffer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

/// One offer of a page.
#[derive(Debug, Clone)]
pub struct Edge {
    /// Pass (encoded) as `after` to continue after this offer.
    pub cursor: EdgeCursor,
    /// The offer, where its cached page holds it.
    pub offer: SharedOffer,
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
    /// The cursor of a page with no offers that is not the end (its `endCursor`): to ask it
    /// again, when a marketplace failed where more was stated, or to go on from where the
    /// marketplaces were read, when none of what they gave passed the gateway's filter.
    pub retry_cursor: Option<EdgeCursor>,
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
            retry_cursor: None,
            total_count: 0,
            total_count_exact: true,
            reachable_count: 0,
            window: None,
            sources: Sources::default(),
        }
    }
}

/// Identifies a search (query, filter, sort, buyer) so cursors cannot cross searches. The
/// encoding is written out field by field and the hash is FNV-1a, fixed by its specification, so
/// a cursor stays valid across Rust releases and is the same on every instance.
pub(super) fn fingerprint(query: &str, params: &SearchParams) -> u64 {
    use std::hash::Hasher;
    let buyer = params.buyer.as_ref().map(|b| b.region_code.as_str()).unwrap_or_default();
    let text = format!(
        "query={}\nsort={}\nbuyer={buyer}\n{}",
        normalize_query(query),
        params.sort as u8,
        params.filter.canonical()
    );
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}
