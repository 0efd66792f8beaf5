//! A comparison answered marketplace by marketplace: the same fan-out as
//! [`SearchService::compare`] (same validation, deadlines, cache, guards and breakers, through
//! `fanout::fetch_one`), but each marketplace's offers are yielded as soon as it answers, and the
//! grouped comparison last, assembled exactly as `compare` assembles it.

use super::compare::{self, CompareOutcome, CompareParams};
use super::error::SearchError;
use super::fanout::{self, Earlier, Fetched, Want};
use super::limits::{COMPARE_WINDOW, MAX_GROUPS};
use super::policy;
use super::report::SourceReport;
use super::service::SearchService;
use super::validate;
use crate::model::Offer;
use futures::stream::{FuturesUnordered, Stream, StreamExt};
use std::pin::Pin;

/// One step of a streamed comparison.
#[derive(Debug, Clone)]
pub enum CompareEvent {
    /// One marketplace answered (or failed, or missed its deadline).
    Marketplace {
        /// What happened to it.
        report: SourceReport,
        /// Its matching offers, normalised, in its own order. Offers the `umk`/`koperasi`
        /// filters drop are dropped by the vendor facts of the answers so far; the comparison
        /// applies the facts of every answer.
        offers: Vec<Offer>,
    },
    /// Every marketplace has answered or missed its deadline: the comparison, as `compare`
    /// returns it.
    Compared(Box<CompareOutcome>),
}

/// A marketplace's answer with its place in the registry, so the comparison sees them in the
/// same order as `compare` does, whatever order they arrived in.
type Pending = FuturesUnordered<Pin<Box<dyn Future<Output = (usize, Fetched)> + Send>>>;

impl SearchService {
    /// Streams a comparison: one [`CompareEvent::Marketplace`] per selected marketplace in the
    /// order they answer, then [`CompareEvent::Compared`]. Bad parameters are refused here,
    /// before anything is streamed.
    pub fn compare_stream(
        &self,
        params: CompareParams,
    ) -> Result<impl Stream<Item = CompareEvent> + Send + use<>, SearchError> {
        let registry = self.registry();
        let query = validate::admit(&params.query, params.first, MAX_GROUPS, &params.filter, &registry)?.to_string();
        let want = Want::first(COMPARE_WINDOW);
        let pending: Pending = registry
            .entries()
            .iter()
            .filter(|entry| params.filter.selects(entry.marketplace.id()))
            .enumerate()
            .map(|(at, entry)| {
                let (path, filter) = (self.path.clone(), params.filter.clone());
                let fetch = fanout::fetch_detached(
                    path,
                    entry.clone(),
                    (query.clone(), want, Earlier::default()),
                    filter,
                    false,
                    fanout::settle,
                );
                Box::pin(async move { (at, fetch.await) }) as Pin<Box<dyn Future<Output = (usize, Fetched)> + Send>>
            })
            .collect();
        let state = State { pending, fetched: Vec::new(), params, done: false };
        Ok(futures::stream::unfold(state, next))
    }
}

struct State {
    pending: Pending,
    fetched: Vec<(usize, Fetched)>,
    params: CompareParams,
    done: bool,
}

async fn next(mut state: State) -> Option<(CompareEvent, State)> {
    if state.done {
        return None;
    }
    if let Some((at, fetched)) = state.pending.next().await {
        let answered = state.fetched.iter().map(|(_, f)| f).chain([&fetched]);
        let facts = policy::resolve_facts(answered.flat_map(|f| f.offers.iter().map(|(_, o)| &**o)));
        let filter = &state.params.filter;
        let kept = fetched.offers.iter().filter(|(_, o)| filter.may_still_keep(&facts.of(o)));
        let event = CompareEvent::Marketplace {
            report: fetched.report.clone(),
            offers: kept.map(|(_, o)| o.to_offer()).collect(),
        };
        state.fetched.push((at, fetched));
        return Some((event, state));
    }
    state.done = true;
    let mut fetched = std::mem::take(&mut state.fetched);
    fetched.sort_by_key(|(at, _)| *at);
    let outcome = compare::assemble_aside(fetched.into_iter().map(|(_, f)| f).collect(), state.params.clone()).await;
    Some((CompareEvent::Compared(Box::new(outcome)), state))
}
