//! Entry points for the criterion benchmarks (`benches/gateway.rs`): normalising one page and
//! merging pages are internal steps of a search, with no public API of their own, and measuring
//! them through HTTP would drown them in the cost of the network stack. Not part of the API.

use super::fanout::Fetched;
use super::gaps::Gaps;
use super::merge::{Start, relevance_page};
use super::outcome::SearchParams;
use super::outcome::SharedOffer;
use super::report::SourceReport;
use crate::cache::{CachedPage, Freshness};
use crate::model::MarketplaceId;
use crate::normalize::offer::normalize_offer;
use crate::normalize::raw::RawOffer;
use std::sync::Arc;
use std::time::Duration;

/// One marketplace's normalised page.
pub struct NormalizedPage {
    marketplace: MarketplaceId,
    page: Arc<CachedPage>,
}

impl NormalizedPage {
    /// How many offers it holds.
    pub fn len(&self) -> usize {
        self.page.offers.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.page.offers.is_empty()
    }
}

/// Normalises `raws` as the fetch path does for one page of `marketplace`.
pub fn normalize_page(marketplace: &str, raws: Vec<RawOffer>) -> NormalizedPage {
    let marketplace = MarketplaceId::new(marketplace);
    let offers = raws.iter().map(|raw| normalize_offer(&marketplace, raw)).collect();
    let freshness =
        Freshness { ttl: Duration::ZERO, stale_while_revalidate: Duration::ZERO, stale_if_error: Duration::ZERO };
    let page = CachedPage::fetched_now(offers, freshness);
    NormalizedPage { marketplace, page: Arc::new(page) }
}

/// Merges `pages` into the first relevance page of `first` offers, as a search does after its
/// fan-out (the offers shown copied out of the cached pages); returns how many edges it has.
pub fn merge(pages: &[NormalizedPage], first: u32) -> usize {
    let fetched = pages
        .iter()
        .map(|page| Fetched {
            report: SourceReport::starting(page.marketplace.clone(), false),
            offers: (0..page.len()).filter_map(|i| Some((i as u32, SharedOffer::new(&page.page, i)?))).collect(),
            total: Some(page.len() as u64),
            total_exact: true,
            exhausted: false,
            scanned_to: page.len() as u32,
            next_cursor: None,
            error: None,
            reachable: None,
            gaps: Gaps::starting(Some(0)),
            moved: false,
        })
        .collect();
    let params = SearchParams { query: "kertas".into(), first, ..SearchParams::default() };
    relevance_page(fetched, &params, 1, Start::top()).edges.len()
}
