//! A search answered marketplace by marketplace: the same fan-out as [`SearchService::search`]
//! (same validation, rounds, deadlines, cache, guards and breakers), but each marketplace's
//! offers are yielded as soon as it answers, and the merged first page last.
//!
//! A relevance page reads exactly as `search`'s does (`rounds`): each marketplace's event is its
//! first round, its share of the page, and the later rounds `search` would make for the
//! marketplaces the page still waits on run before the merged page. Asking each for the whole
//! page in one round instead read other accounts, so other vendor facts and another page under
//! `umkOnly`/`koperasiOnly`, and cost 2-3 times the upstream calls (review30a F2).

use super::cursor;
use super::error::SearchError;
use super::fanout::{self, Earlier, Fetched, Want};
use super::fetch::FetchPath;
use super::limits::{MAX_FIRST, SORT_WINDOW};
use super::merge;
use super::outcome::{self, SearchOutcome, SearchParams};
use super::policy;
use super::report::SourceReport;
use super::rounds;
use super::service::SearchService;
use super::shown::Shown;
use super::validate;
use crate::marketplace::{MarketplaceError, Registry};
use crate::model::Offer;
use crate::telemetry::request::{self, RequestNotes};
use futures::stream::{FuturesUnordered, Stream, StreamExt};
use std::collections::BTreeMap;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Instant;
use tracing::Instrument;

/// One step of a streamed search.
#[derive(Debug, Clone)]
pub enum SearchEvent {
    /// One marketplace answered (or failed, or missed its deadline).
    Marketplace {
        /// What happened to it.
        report: SourceReport,
        /// Its offers that may match, normalised, in its own order (at most `first`).
        offers: Vec<Offer>,
        /// Its failure, if it failed.
        error: Option<MarketplaceError>,
    },
    /// Every marketplace has answered: the merged first page, as `search` returns it.
    Merged(Box<SearchOutcome>),
}

/// Each selected marketplace's part, with its place in registry order.
type Pending = FuturesUnordered<Pin<Box<dyn Future<Output = (usize, Fetched)> + Send>>>;

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
        let started = Instant::now();
        let entries = rounds::selected(&registry, &params.filter);
        let parts: Vec<Pin<Box<dyn Future<Output = Fetched> + Send>>> = if params.sort.sorted_in_gateway() {
            let want = Want::first(SORT_WINDOW);
            let (filter, bypass) = (&params.filter, params.bypass_cache);
            let part = |entry: &&crate::marketplace::RegistryEntry| {
                let (path, entry, query) = (Arc::clone(&self.path), (*entry).clone(), query.clone());
                Box::pin(fanout::fetch_detached(
                    path,
                    entry,
                    (query, want, Earlier::default()),
                    filter.clone(),
                    bypass,
                    fanout::settle,
                )) as _
            };
            entries.iter().map(part).collect()
        } else {
            let positions = BTreeMap::new();
            let ask = ask(&query, &params, &positions);
            let first = rounds::first_round(&entries, &self.path, &ask);
            first.into_iter().map(|part| Box::pin(part) as _).collect()
        };
        let pending: Pending = parts.into_iter().enumerate().map(|(at, part)| placed(at, part)).collect();
        let (path, fetched, notes, span) =
            (Arc::clone(&self.path), Vec::new(), request::current(), tracing::Span::current());
        let tail = Tail { registry, path, query, params, search, started, notes, span };
        let state = State { pending, fetched, tail, done: false };
        Ok(futures::stream::unfold(state, next))
    }
}

fn placed(
    at: usize,
    part: Pin<Box<dyn Future<Output = Fetched> + Send>>,
) -> Pin<Box<dyn Future<Output = (usize, Fetched)> + Send>> {
    Box::pin(async move { (at, part.await) })
}

/// What a relevance page of `params` asks, from the start.
fn ask<'a>(query: &'a str, params: &'a SearchParams, positions: &'a BTreeMap<String, u32>) -> rounds::Ask<'a> {
    let (wanted, filter, bypass) = (rounds::wanted(params), &params.filter, params.bypass_cache);
    // A streamed answer is a walk's first page: nothing was shown before it.
    static NOTHING_SHOWN: BTreeMap<String, Shown> = BTreeMap::new();
    rounds::Ask { query, wanted, positions, left_out: None, shown: &NOTHING_SHOWN, filter, bypass }
}

struct State {
    pending: Pending,
    fetched: Vec<(usize, Fetched)>,
    tail: Tail,
    done: bool,
}

/// What the merged page needs once every marketplace's first part is in. The stream is polled
/// after the request's handler returned: the later rounds run within its notes and span.
struct Tail {
    registry: Arc<Registry>,
    path: Arc<FetchPath>,
    query: String,
    params: SearchParams,
    search: u64,
    started: Instant,
    notes: Option<Arc<RequestNotes>>,
    span: tracing::Span,
}

async fn next(mut state: State) -> Option<(SearchEvent, State)> {
    if state.done {
        return None;
    }
    if let Some((at, fetched)) = state.pending.next().await {
        let answered = state.fetched.iter().map(|(_, f)| f).chain([&fetched]);
        let facts = policy::resolve_facts(answered.flat_map(|f| f.offers.iter().map(|(_, o)| &**o)));
        let filter = &state.tail.params.filter;
        let kept = fetched.offers.iter().filter(|(_, o)| filter.may_still_keep(&facts.of(o)));
        let offers: Vec<Offer> = kept.take(state.tail.params.first as usize).map(|(_, o)| o.to_offer()).collect();
        // What it contributed is what the event shows, as a page's report counts its edges.
        let report = SourceReport { offer_count: offers.len(), ..fetched.report.clone() };
        let event = SearchEvent::Marketplace { report, offers, error: fetched.error.clone() };
        state.fetched.push((at, fetched));
        return Some((event, state));
    }
    state.done = true;
    let mut fetched = std::mem::take(&mut state.fetched);
    // The parts in registry order, as `search` takes and lists them.
    fetched.sort_by_key(|(at, _)| *at);
    let fetched = fetched.into_iter().map(|(_, f)| f).collect();
    let outcome = state.tail.merged(fetched).await;
    Some((SearchEvent::Merged(Box::new(outcome)), state))
}

/// A relevance stream cut before its merged page (the client's `complete`, the socket closed):
/// the parts already in are what the search came to, settled as a finished search's are
/// (counted, and noted for the access line, which said `sources=-`). A part still pending was
/// never answered and is not noted. A window sort's parts settle as each comes in
/// (`fetch_detached`'s `then`).
impl Drop for State {
    fn drop(&mut self) {
        if !self.done && !self.tail.params.sort.sorted_in_gateway() {
            self.tail.settle(self.fetched.iter().map(|(_, part)| part));
        }
    }
}

/// A relevance page's parts while the later rounds ask again: settled once final, or as they
/// stand when the stream is dropped in the middle.
struct Unsettled<'a> {
    parts: Vec<Fetched>,
    tail: &'a Tail,
}

impl Unsettled<'_> {
    fn settled(mut self) -> Vec<Fetched> {
        std::mem::take(&mut self.parts)
    }
}

impl Drop for Unsettled<'_> {
    fn drop(&mut self) {
        self.tail.settle(self.parts.iter());
    }
}

impl Tail {
    /// The merged page over the first parts, after the later rounds `search` makes.
    async fn merged(&self, fetched: Vec<Fetched>) -> SearchOutcome {
        let params = &self.params;
        if params.sort.sorted_in_gateway() {
            return merge::window_page(fetched, params, self.search, 0);
        }
        let mut asking = Unsettled { parts: fetched, tail: self };
        let later = async {
            let positions = BTreeMap::new();
            let ask = ask(&self.query, params, &positions);
            let entries = rounds::selected(&self.registry, &params.filter);
            rounds::later_rounds(&entries, &self.path, &ask, &mut asking.parts, self.started).await;
        }
        .instrument(self.span.clone());
        match self.notes.clone() {
            Some(notes) => request::scope(notes, later).await,
            None => later.await,
        }
        self.settle(asking.parts.iter());
        merge::relevance_page(asking.settled(), params, self.search, merge::Start::top())
    }

    /// Counts `parts` and notes them for the access line, within the request's notes: a stream
    /// is polled, and dropped, outside them.
    fn settle<'a>(&self, parts: impl Iterator<Item = &'a Fetched>) {
        let settle = || parts.for_each(fanout::settle);
        match self.notes.clone() {
            Some(notes) => request::within(notes, settle),
            None => settle(),
        }
    }
}
