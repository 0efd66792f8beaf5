//! A search answered marketplace by marketplace: the same fan-out as [`SearchService::search`]
//! (same validation, deadlines, cache, guards and breakers, through `fanout::fetch_one`), but
//! each marketplace's offers are yielded as soon as it answers, and the merged first page last.

use super::cursor;
use super::error::SearchError;
use super::fanout::{self, Fetched, Want};
use super::limits::{MAX_FIRST, SORT_WINDOW};
use super::merge;
use super::outcome::{self, SearchOutcome, SearchParams};
use super::policy;
use super::report::SourceReport;
use super::rounds;
use super::service::SearchService;
use super::validate;
use crate::marketplace::MarketplaceError;
use crate::model::Offer;
use futures::stream::{FuturesUnordered, Stream, StreamExt};
use std::collections::BTreeMap;
use std::pin::Pin;

/// One step of a streamed search.
#[derive(Debug, Clone)]
pub enum SearchEvent {
    /// One marketplace answered (or failed, or missed its deadline).
    Marketplace {
        /// What happened to it.
        report: SourceReport,
        /// Its matching offers, normalised, in its own order (at most `first`).
        offers: Vec<Offer>,
        /// Its failure, if it failed.
        error: Option<MarketplaceError>,
    },
    /// Every marketplace has answered: the merged first page, as `search` returns it.
    Merged(Box<SearchOutcome>),
}

type Pending = FuturesUnordered<Pin<Box<dyn Future<Output = Fetched> + Send>>>;

impl SearchService {
    /// Streams the first page of a search: one [`SearchEvent::Marketplace`] per selected
    /// marketplace in the order they answer, then [`SearchEvent::Merged`]. A cursor (`after`) is
    /// refused: later pages are plain `search` requests.
    pub fn search_stream(
        &self,
        params: SearchParams,
    ) -> Result<impl Stream<Item = SearchEvent> + Send + use<>, SearchError> {
        let registry = self.registry();
        let query = validate::admit(&params.query, params.first, MAX_FIRST, &params.filter, &registry)?.to_string();
        if params.after.is_some() {
            return Err(SearchError::Cursor(cursor::CursorError));
        }
        let search = outcome::fingerprint(&query, &params);
        // A relevance page reads as `search`'s does: whole pages, and the margin for offers the
        // vendor facts may drop (with one item asked under `koperasiOnly`, the one item read was
        // dropped and the streamed page was empty where `search`'s was not: review29d D3).
        let want = if params.sort.sorted_in_gateway() {
            Want::exactly(0, SORT_WINDOW)
        } else {
            Want { start: 0, keep: rounds::wanted(&params), whole_pages: true }
        };
        let pending: Pending = registry
            .entries()
            .iter()
            .filter(|entry| params.filter.selects(entry.marketplace.id()))
            .map(|entry| {
                let (path, filter) = (self.path.clone(), params.filter.clone());
                let fetch = fanout::fetch_detached(
                    path,
                    entry.clone(),
                    query.clone(),
                    want,
                    filter,
                    params.bypass_cache,
                    fanout::settle,
                );
                Box::pin(fetch) as Pin<Box<dyn Future<Output = Fetched> + Send>>
            })
            .collect();
        let state = State { pending, fetched: Vec::new(), params, search, done: false };
        Ok(futures::stream::unfold(state, next))
    }
}

struct State {
    pending: Pending,
    fetched: Vec<Fetched>,
    params: SearchParams,
    search: u64,
    done: bool,
}

async fn next(mut state: State) -> Option<(SearchEvent, State)> {
    if state.done {
        return None;
    }
    if let Some(fetched) = state.pending.next().await {
        let keep = state.params.first as usize;
        // The vendors' facts as far as the answers so far state them; the merged page applies
        // them over every answer.
        let filter = &state.params.filter;
        let facts = policy::resolve_facts(
            state.fetched.iter().chain([&fetched]).flat_map(|f| f.offers.iter().map(|(_, o)| &**o)),
        );
        let kept = fetched.offers.iter().filter(|(_, o)| filter.keeps_vendor_facts(&facts.of(o)));
        let event = SearchEvent::Marketplace {
            report: fetched.report.clone(),
            offers: kept.take(keep).map(|(_, offer)| offer.to_offer()).collect(),
            error: fetched.error.clone(),
        };
        state.fetched.push(fetched);
        return Some((event, state));
    }
    state.done = true;
    let mut fetched = std::mem::take(&mut state.fetched);
    // `search` lists its reports in registry order; so does the merged page here.
    fetched.sort_by(|a, b| a.report.marketplace.cmp(&b.report.marketplace));
    let outcome = if state.params.sort.sorted_in_gateway() {
        merge::window_page(fetched, &state.params, state.search, 0)
    } else {
        merge::relevance_page(fetched, &state.params, state.search, (BTreeMap::new(), 0))
    };
    Some((SearchEvent::Merged(Box::new(outcome)), state))
}
