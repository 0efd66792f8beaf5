//! Federated search: which marketplaces, fan-out, merge, filter, sort, page.
//!
//! Every marketplace is asked concurrently, each under its own deadline; the answer is whatever
//! came back in time plus one [`SourceReport`] per marketplace saying what happened. One
//! marketplace's failure never changes another's results.

pub mod compare;
mod cursor;
mod fanout;
mod filter;
mod merge;
mod order;
pub mod policy;
pub mod vendors;

pub use cursor::CursorError;
pub use fanout::{CacheStatus, SourceReport, SourceStatus};
pub use filter::OfferFilter;
pub use merge::SORT_WINDOW;
pub use order::OfferSort;
pub use policy::{BuyerContext, Explanation, Locality};

use crate::cache::ResultCache;
use crate::marketplace::guard::Guard;
use crate::marketplace::{MarketplaceError, Registry};
use crate::model::{MarketplaceId, Offer};
use cursor::Position;
use fanout::Want;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Largest `first` a client may ask for.
pub const MAX_FIRST: u32 = 100;
/// Deepest position a client may page to; deeper pages cost every marketplace too much.
pub const MAX_DEPTH: u32 = 1_000;

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
    /// One report per marketplace asked.
    pub sources: Vec<SourceReport>,
    /// Failures to mirror as GraphQL errors.
    pub failures: Vec<(MarketplaceId, MarketplaceError)>,
}

impl SearchOutcome {
    fn new() -> Self {
        Self {
            edges: Vec::new(),
            has_next_page: false,
            has_previous_page: false,
            total_count: 0,
            total_count_exact: true,
            sources: Vec::new(),
            failures: Vec::new(),
        }
    }

    /// True only when every marketplace answered fresh.
    pub fn complete(&self) -> bool {
        self.sources.iter().all(|s| s.status == SourceStatus::Ok)
    }
}

/// Why a search could not run at all (client errors; marketplace failures are partial results).
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The `after` cursor is not one this gateway issued.
    #[error(transparent)]
    Cursor(#[from] CursorError),
    /// The query text is empty or too long.
    #[error("the query must be 1 to 200 characters")]
    BadQuery,
    /// `first` out of range.
    #[error("`first` must be between 1 and {MAX_FIRST}")]
    BadFirst,
    /// Paging deeper than the gateway allows.
    #[error("cannot page deeper than {MAX_DEPTH} offers; narrow the query instead")]
    TooDeep,
    /// A filter names a marketplace that is not registered.
    #[error("unknown marketplace `{0}`")]
    UnknownMarketplace(String),
}

/// The search orchestrator shared by all requests.
#[derive(Clone)]
pub struct SearchService {
    registry: Arc<Registry>,
    cache: ResultCache,
    guards: Arc<HashMap<MarketplaceId, Guard>>,
    recent: moka::future::Cache<String, Offer>,
    vendors: Arc<vendors::VendorDirectory>,
}

/// Identifies a search (query, filter, sort, buyer) so cursors cannot cross searches.
fn fingerprint(query: &str, params: &SearchParams) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    crate::cache::normalize_query(query).hash(&mut hasher);
    format!("{:?}", params.filter).hash(&mut hasher);
    params.sort.hash(&mut hasher);
    params.buyer.as_ref().map(|b| b.region_code.clone()).hash(&mut hasher);
    hasher.finish()
}

impl SearchService {
    /// A service over `registry`, caching into `cache`; offers fetched are remembered for
    /// `offer(id)` within `recent_bytes` (a quarter of the cache budget is sensible).
    pub fn new(registry: Arc<Registry>, cache: ResultCache, recent_bytes: u64) -> Self {
        let guards = registry
            .entries()
            .iter()
            .map(|e| {
                let s = &e.settings;
                (e.marketplace.id().clone(), Guard::new(s.concurrency, s.breaker, s.retry))
            })
            .collect();
        let recent = moka::future::Cache::builder()
            .max_capacity(recent_bytes)
            .weigher(|id: &String, offer: &Offer| offer.estimated_bytes().saturating_add(id.len() as u32))
            .time_to_live(std::time::Duration::from_secs(3600))
            .build();
        Self { registry, cache, guards: Arc::new(guards), recent, vendors: Arc::default() }
    }

    /// The marketplaces served.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Runs a federated search.
    pub async fn search(&self, params: &SearchParams) -> Result<SearchOutcome, SearchError> {
        let query = params.query.trim();
        if query.is_empty() || query.chars().count() > 200 {
            return Err(SearchError::BadQuery);
        }
        if params.first == 0 || params.first > MAX_FIRST {
            return Err(SearchError::BadFirst);
        }
        if let Some(unknown) = params.filter.unknown_marketplace(&self.registry) {
            return Err(SearchError::UnknownMarketplace(unknown));
        }
        let search = fingerprint(query, params);
        let start = match params.after.as_deref().map(|c| cursor::decode(search, c)).transpose()? {
            None if params.sort.sorted_in_gateway() => Position::InWindow { served: 0 },
            None => Position::PerMarketplace { positions: BTreeMap::new() },
            Some(position) => position,
        };
        let started = std::time::Instant::now();
        let outcome = match start {
            Position::PerMarketplace { positions } if !params.sort.sorted_in_gateway() => {
                if positions.values().any(|p| *p >= MAX_DEPTH) {
                    return Err(SearchError::TooDeep);
                }
                let want = |id: &MarketplaceId| Want {
                    start: positions.get(id.as_str()).copied().unwrap_or(0),
                    keep: params.first,
                };
                let fetched = fanout::fan_out(self, query, &want, &params.filter, params.bypass_cache).await;
                merge::relevance_page(fetched, params, search, positions)
            }
            Position::InWindow { served } if params.sort.sorted_in_gateway() => {
                let want = |_: &MarketplaceId| Want { start: 0, keep: SORT_WINDOW };
                let fetched = fanout::fan_out(self, query, &want, &params.filter, params.bypass_cache).await;
                merge::window_page(fetched, params, search, served)
            }
            _ => return Err(SearchError::Cursor(CursorError)),
        };
        tracing::debug!(query, elapsed_ms = started.elapsed().as_millis() as u64, "Search answered.");
        Ok(outcome)
    }

    /// An offer fetched by a recent search, by its gateway id.
    pub async fn recent_offer(&self, id: &str) -> Option<Offer> {
        self.recent.get(id).await
    }

    /// Empties the result cache of one marketplace or all; returns the entries cached before.
    pub async fn purge_cache(&self, marketplace: Option<&str>) -> u64 {
        self.cache.purge(marketplace).await
    }

    /// The result cache, for its counters.
    pub fn cache(&self) -> &ResultCache {
        &self.cache
    }

    /// Vendors merged across marketplaces.
    pub fn vendors(&self) -> &vendors::VendorDirectory {
        &self.vendors
    }

    /// Remembers freshly fetched offers for `offer(id)` and merges their vendors.
    async fn remember(&self, offers: &[Offer]) {
        self.vendors.record(offers);
        for offer in offers {
            self.recent.insert(offer.gateway_id(), offer.clone()).await;
        }
    }
}
