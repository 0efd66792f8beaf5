//! The search service: one per gateway, shared by every request.

use super::cursor::{self, CursorError, Position};
use super::error::SearchError;
use super::fanout::{self, Want};
use super::fetch::FetchPath;
use super::limits::{MAX_FIRST, SORT_WINDOW};
use super::merge;
use super::outcome::{self, SearchOutcome, SearchParams};
use super::rounds;
use super::validate;
use super::vendors::{Vendor, VendorDirectory};
use crate::cache::ResultCache;
use crate::marketplace::{MarketplaceError, Registry};
use crate::model::{MarketplaceId, Offer};
use arc_swap::ArcSwap;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The search orchestrator shared by all requests.
#[derive(Clone)]
pub struct SearchService {
    /// Swapped whole when adapters are reloaded; each request works on the one it loaded first.
    pub(super) current: Arc<ArcSwap<Registry>>,
    pub(super) path: Arc<FetchPath>,
}

impl SearchService {
    /// A service over `registry`, caching into `cache`; offers fetched are remembered for
    /// `offer(id)`, and their vendors merged for `vendor(id)`, within `offer_bytes` (a quarter of
    /// the cache budget is sensible).
    pub fn new(registry: Arc<Registry>, cache: ResultCache<MarketplaceError>, offer_bytes: u64) -> Self {
        let path = Arc::new(FetchPath::new(&registry, cache, offer_bytes));
        Self { current: Arc::new(ArcSwap::new(registry)), path }
    }

    /// The marketplaces served now.
    pub fn registry(&self) -> Arc<Registry> {
        self.current.load_full()
    }

    /// Runs a federated search on `registry`: the one its request loaded first and resolves its
    /// answer in, whatever a reload serves meanwhile.
    pub async fn search_in(
        &self,
        registry: &Arc<Registry>,
        params: &SearchParams,
    ) -> Result<SearchOutcome, SearchError> {
        let query = validate::admit(&params.query, params.first, MAX_FIRST, &params.filter, registry)?;
        let search = outcome::fingerprint(query, params);
        let gateway_sorted = params.sort.sorted_in_gateway();
        let start = match params.after.as_deref().map(|c| cursor::decode(search, c)).transpose()? {
            None if gateway_sorted => Position::InWindow { served: 0 },
            None => {
                let (positions, shown) = (BTreeMap::new(), BTreeMap::new());
                Position::PerMarketplace { positions, retried: 0, left_out: Some(BTreeMap::new()), shown }
            }
            Some(position) => position,
        };
        let (path, filter, bypass) = (&self.path, &params.filter, params.bypass_cache);
        match start {
            Position::PerMarketplace { positions, retried, left_out, shown } if !gateway_sorted => {
                // A marketplace read to the depth is left out of the rest of the walk (`fanout`): a
                // cursor with every one of them there (the last page's `endCursor` followed) is an
                // empty last page, as at the end of any list (review29d D5).
                let wanted = rounds::wanted(params);
                let (left_out_before, shown_before) = (left_out.as_ref(), &shown);
                let ask = rounds::Ask {
                    query,
                    wanted,
                    positions: &positions,
                    left_out: left_out_before,
                    shown: shown_before,
                    filter,
                    bypass,
                };
                let fetched = rounds::relevance(registry, path, &ask).await;
                let start = merge::Start { positions, retried, left_out, shown };
                Ok(merge::relevance_page(fetched, params, search, start))
            }
            Position::InWindow { served } if gateway_sorted => {
                let want = |_: &MarketplaceId| Want::first(SORT_WINDOW);
                let fetched = fanout::fan_out(registry, path, query, &want, filter, bypass).await;
                Ok(merge::window_page(fetched, params, search, served))
            }
            _ => Err(SearchError::Cursor(CursorError)),
        }
    }

    /// The outcome of `id`'s last upstream call, if there was one (for `/readyz`).
    pub fn last_call(&self, id: &MarketplaceId) -> Option<crate::marketplace::probe::Checked> {
        self.path.last_call(id)
    }

    /// What `/readyz`'s probe of `id` found: an answer closes its circuit breaker.
    pub fn probed(&self, id: &MarketplaceId, checked: &crate::marketplace::probe::Checked) {
        self.path.probed(id, checked);
    }

    /// An offer fetched by a recent search, by its gateway id.
    pub async fn recent_offer(&self, id: &str) -> Option<Offer> {
        self.path.remembered().offer(id).await
    }

    /// A merged vendor by id, from this instance or, with a shared store, any instance.
    pub async fn vendor(&self, id: &str) -> Option<Arc<Vendor>> {
        self.path.remembered().vendor(id).await
    }

    /// Vendors merged across marketplaces.
    pub fn vendors(&self) -> &VendorDirectory {
        self.path.remembered().vendors()
    }

    /// Purges other instances sharing the cache made (the marketplace, or `None` for all), after
    /// the cache dropped its pages; `None` without a shared cache.
    pub fn purges_elsewhere(&self) -> Option<tokio::sync::broadcast::Receiver<Option<String>>> {
        self.path.purges_elsewhere()
    }

    /// Estimated bytes of the pages this instance's cache holds.
    pub async fn cache_bytes(&self) -> u64 {
        self.path.cache_bytes().await
    }

    /// Forgets what this instance learned of a marketplace's paging, as a purge here would.
    pub fn forget_learned(&self, marketplace: Option<&str>) {
        self.path.forget_learned(marketplace);
    }

    /// Empties the result cache of one marketplace or all; returns the entries cached before.
    pub async fn purge_cache(&self, marketplace: Option<&str>) -> u64 {
        self.path.purge(marketplace).await
    }
}
