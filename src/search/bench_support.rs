//! Entry points for the criterion benchmarks (`benches/gateway.rs`): normalising one page and
//! merging pages are internal steps of a search, with no public API of their own, and measuring
//! them through HTTP would drown them in the cost of the network stack. Not part of the API.

use super::fanout::Fetched;
use super::merge::relevance_page;
use super::outcome::SearchParams;
use super::report::SourceReport;
use crate::model::{MarketplaceId, Offer};
use crate::normalize::offer::normalize_offer;
use crate::normalize::raw::RawOffer;
use std::collections::BTreeMap;

/// One marketplace's normalised page.
pub struct NormalizedPage {
    marketplace: MarketplaceId,
    offers: Vec<Offer>,
}

impl NormalizedPage {
    /// How many offers it holds.
    pub fn len(&self) -> usize {
        self.offers.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.offers.is_empty()
    }
}

/// Normalises `raws` as the fetch path does for one page of `marketplace`.
pub fn normalize_page(marketplace: &str, raws: Vec<RawOffer>) -> NormalizedPage {
    let marketplace = MarketplaceId::new(marketplace);
    let offers = raws.into_iter().map(|raw| normalize_offer(&marketplace, raw)).collect();
    NormalizedPage { marketplace, offers }
}

/// Merges `pages` into the first relevance page of `first` offers, as a search does after its
/// fan-out (offers copied out of the cached pages included); returns how many edges it has.
pub fn merge(pages: &[NormalizedPage], first: u32) -> usize {
    let fetched = pages
        .iter()
        .map(|page| Fetched {
            report: SourceReport::starting(page.marketplace.clone(), false),
            offers: page.offers.iter().cloned().enumerate().map(|(i, o)| (i as u32, o)).collect(),
            total: Some(page.offers.len() as u64),
            total_exact: true,
            exhausted: false,
            scanned_to: page.offers.len() as u32,
            error: None,
        })
        .collect();
    let params = SearchParams { query: "kertas".into(), first, ..SearchParams::default() };
    relevance_page(fetched, &params, 1, BTreeMap::new()).edges.len()
}
