//! A relevance page in as few upstream calls as the answer allows.
//!
//! The merged page interleaves the marketplaces by each offer's place in its own list
//! (`merge.rs`), so a page of `first` offers over n marketplaces holds about first/n of each.
//! Asking every marketplace for `first` made a 20-offer search over five fetch, normalise and
//! cache 100 offers to show 20, and a marketplace serving pages smaller than `first` cost a
//! second sequential call on every search. So each marketplace is first asked for its share,
//! and every matching offer of the pages read is kept. Only when the merged page could still take
//! an offer a marketplace has not given yet (others had fewer than their share) is that
//! marketplace asked for more, from where it stopped, within what is left of its deadline: a
//! second round for an answer most marketplaces cannot fill, never for one they can.

use super::collect::MAX_SCAN_ITEMS;
use super::fanout::{self, Earlier, Fetched, Want};
use super::fetch::FetchPath;
use super::filter::OfferFilter;
use super::outcome::SearchParams;
use super::report::{CacheStatus, SourceReport, SourceStatus};
use super::shown::Shown;
use crate::marketplace::{Registry, RegistryEntry};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

/// Rounds at most: each asks only the marketplaces the page still waits on, for what it lacks.
const MAX_ROUNDS: usize = 3;

/// What a relevance page asks of the marketplaces.
pub(super) struct Ask<'a> {
    pub(super) query: &'a str,
    /// Offers the page shows, times the margin for offers gateway-side filters may still drop.
    pub(super) wanted: u32,
    /// Where each marketplace's part of the page starts (missing: 0).
    pub(super) positions: &'a BTreeMap<String, u32>,
    /// The places before each position that delivered no offer (missing: none), when known.
    pub(super) left_out: Option<&'a BTreeMap<String, u32>>,
    /// What each marketplace delivered on the walk's earlier pages (missing: nothing).
    pub(super) shown: &'a BTreeMap<String, Shown>,
    pub(super) filter: &'a OfferFilter,
    pub(super) bypass: bool,
}

impl Ask<'_> {
    /// Where `marketplace`'s part of the page starts.
    fn start(&self, marketplace: &str) -> u32 {
        self.positions.get(marketplace).copied().unwrap_or(0)
    }

    /// The places before where `marketplace`'s part starts that delivered no offer, when known.
    fn left_out_before(&self, marketplace: &str) -> Option<u32> {
        if self.start(marketplace) == 0 {
            return Some(0);
        }
        self.left_out.map(|left_out| left_out.get(marketplace).copied().unwrap_or(0))
    }

    /// What `marketplace` delivered on the walk's earlier pages.
    fn shown(&self, marketplace: &str) -> Shown {
        self.shown.get(marketplace).cloned().unwrap_or_default()
    }
}

/// Offers a relevance page of `params` gathers: offers the vendor facts of the whole answer may
/// still drop (`umk`/`koperasi`) are gathered three-fold, so such a page is rarely short.
pub(super) fn wanted(params: &SearchParams) -> u32 {
    if params.filter.asks_vendor_facts() { params.first.saturating_mul(3) } else { params.first }
}

/// Every selected marketplace's offers for a relevance page of `ask.wanted` offers, each
/// marketplace settled (counted, logged) once.
pub(super) async fn relevance(registry: &Registry, path: &Arc<FetchPath>, ask: &Ask<'_>) -> Vec<Fetched> {
    let started = Instant::now();
    let entries = selected(registry, ask.filter);
    let mut fetched = futures::future::join_all(first_round(&entries, path, ask)).await;
    later_rounds(&entries, path, ask, &mut fetched, started).await;
    for one in &fetched {
        fanout::settle(one);
    }
    fetched
}

/// The marketplaces `filter` selects, in registry order: the order of the parts every round
/// takes and gives.
pub(super) fn selected<'r>(registry: &'r Registry, filter: &OfferFilter) -> Vec<&'r RegistryEntry> {
    registry.entries().iter().filter(|entry| filter.selects(entry.marketplace.id())).collect()
}

/// The first round, one call per marketplace of `entries` in their order: each asked for its
/// share of the page (whole pages) from where its part starts. In a task of its own: under
/// `[http] work_stealing` the runtime may run it on another worker (over the peer mocks at one
/// connection, 22.73-22.80 ms against 22.79-23.00), a panic in one marketplace's part is that
/// marketplace failing, and a streamed answer's part goes on while its client is not reading.
/// Not settled: later rounds may still ask the marketplace for more.
pub(super) fn first_round(
    entries: &[&RegistryEntry],
    path: &Arc<FetchPath>,
    ask: &Ask<'_>,
) -> Vec<impl Future<Output = Fetched> + Send + 'static + use<>> {
    let answering = entries.iter().filter(|entry| entry.enabled).count().max(1);
    let share = ask.wanted.div_ceil(u32::try_from(answering).unwrap_or(u32::MAX));
    entries
        .iter()
        .map(|entry| {
            let id = entry.marketplace.id().as_str();
            let (start, left_out_before) = (ask.start(id), ask.left_out_before(id));
            let want = Want { start, keep: share, whole_pages: true, left_out_before };
            let (query, filter) = (ask.query.to_string(), ask.filter.clone());
            let earlier = Earlier { shown: ask.shown(id), ..Earlier::default() };
            fanout::fetch_detached(
                Arc::clone(path),
                (*entry).clone(),
                (query, want, earlier),
                filter,
                ask.bypass,
                |_| (),
            )
        })
        .collect()
}

/// The rounds after the first (`fetched`, one part per marketplace of `entries` in their order,
/// asked from `started`): each asks the marketplaces the page still waits on for what it lacks,
/// from where each stopped, within what is left of its deadline, and adds it to its part.
pub(super) async fn later_rounds(
    entries: &[&RegistryEntry],
    path: &Arc<FetchPath>,
    ask: &Ask<'_>,
    fetched: &mut [Fetched],
    started: Instant,
) {
    let start = |id: &str| ask.start(id);
    for _ in 1..MAX_ROUNDS {
        let mut short = shortfall(fetched, ask.wanted as usize, &start);
        // A cursor chain goes on only from its cursor.
        short.retain(|(source, _)| !entries[*source].settings.cursor_paged || fetched[*source].next_cursor.is_some());
        if short.is_empty() {
            break;
        }
        let more = short.into_iter().map(|(source, need)| {
            let (entry, earlier) = (entries[source], &fetched[source]);
            let seen = earlier.offers.iter().map(|(index, offer)| (offer.source_id.clone(), *index)).collect();
            let cursor = earlier.next_cursor.clone();
            let stated = earlier.total.filter(|_| earlier.total_exact);
            let shown = ask.shown(entries[source].marketplace.id().as_str());
            let earlier_round = Earlier { seen, spent: started.elapsed(), cursor, stated, shown };
            let start = earlier.scanned_to;
            let want = Want { start, keep: need, whole_pages: true, left_out_before: earlier.gaps.before(start) };
            let later = detached_later(Arc::clone(path), entry.clone(), ask, want, earlier_round);
            async move { (source, later.await) }
        });
        for (source, later) in futures::future::join_all(more).await {
            absorb(&mut fetched[source], later);
        }
    }
}

/// A later round's call to one marketplace, in a task of its own as the first round's are (a
/// streamed answer's client may be slow to read its events).
fn detached_later(
    path: Arc<FetchPath>,
    entry: RegistryEntry,
    ask: &Ask<'_>,
    want: Want,
    earlier: Earlier,
) -> impl Future<Output = Fetched> + Send + 'static + use<> {
    let (id, bypass) = (entry.marketplace.id().clone(), ask.bypass);
    let (query, filter) = (ask.query.to_string(), ask.filter.clone());
    let fetch = async move { fanout::fetch_after(&path, &entry, &query, want, &filter, bypass, earlier).await };
    fanout::detached(id, bypass, want, crate::telemetry::request::carry(fetch))
}

/// The marketplaces the page still waits on, with how many more offers to ask of each: those
/// that have more, not yet read up to where the page would end. Offers order by
/// (index in their marketplace's list, marketplace), as `merge::relevance_page` takes them.
fn shortfall(fetched: &[Fetched], wanted: usize, start: &dyn Fn(&str) -> u32) -> Vec<(usize, u32)> {
    let mut keys: Vec<(u32, usize)> =
        fetched.iter().enumerate().flat_map(|(s, f)| f.offers.iter().map(move |(index, _)| (*index, s))).collect();
    keys.sort_unstable();
    // The last offer the page would show, if it is full.
    let last = keys.get(wanted.saturating_sub(1)).copied();
    let open = |(_, f): &(usize, &Fetched)| {
        let scanned = f.scanned_to.saturating_sub(start(f.report.marketplace.as_str()));
        f.error.is_none() && !f.exhausted && f.report.status != SourceStatus::Disabled && scanned < MAX_SCAN_ITEMS
    };
    let mut short: Vec<(usize, u32)> = fetched
        .iter()
        .enumerate()
        .filter(open)
        .filter_map(|(source, f)| {
            // Its next offer would sit here in the merged order.
            let next = (f.scanned_to, source);
            if last.is_some_and(|last| last < next) {
                return None;
            }
            let room = wanted - keys.partition_point(|key| *key < next);
            Some((source, u32::try_from(room).unwrap_or(u32::MAX)))
        })
        .collect();
    // Each could fill the room alone, but they fill it together: each is asked its share of it
    // (a later round asks again if one runs short).
    let askers = u32::try_from(short.len()).unwrap_or(u32::MAX);
    for (_, need) in &mut short {
        *need = need.div_ceil(askers);
    }
    short
}

/// Adds a later round's offers to a marketplace's part. A later round that failed leaves the
/// offers the earlier ones gave (more may follow: a later page can ask again), but the failure is
/// the marketplace's status and is listed with the answer's errors: the answer is not complete,
/// and is never stored as if it were.
fn absorb(part: &mut Fetched, later: Fetched) {
    if let Some(error) = later.error {
        part.report.latency_ms = part.report.latency_ms.saturating_add(later.report.latency_ms);
        part.report.fail(&error);
        let (id, offers) = (&part.report.marketplace, part.offers.len());
        part.report.message = Some(format!("{id} {error} when asked for more after {offers} offers"));
        part.error = Some(error);
        return;
    }
    merge_reports(&mut part.report, &later.report);
    part.offers.extend(later.offers);
    part.gaps.extend(later.gaps);
    part.report.offer_count = part.offers.len();
    if later.total.is_some() {
        part.total = later.total;
    }
    part.total_exact &= later.total_exact;
    part.exhausted = later.exhausted;
    part.scanned_to = later.scanned_to;
    part.next_cursor = later.next_cursor;
    part.reachable = later.reachable.or(part.reachable);
    part.moved |= later.moved;
}

/// One report for two rounds: time adds up, and what one round's pages say of freshness stays
/// said (a stale page is never hidden by a fresh one, a fetch makes hits a miss).
fn merge_reports(report: &mut SourceReport, later: &SourceReport) {
    report.latency_ms = report.latency_ms.saturating_add(later.latency_ms);
    report.cache = match (report.cache, later.cache) {
        (CacheStatus::Bypass, _) | (_, CacheStatus::Bypass) => CacheStatus::Bypass,
        (CacheStatus::Stale, _) | (_, CacheStatus::Stale) => CacheStatus::Stale,
        (CacheStatus::Miss, _) | (_, CacheStatus::Miss) => CacheStatus::Miss,
        (CacheStatus::Hit, CacheStatus::Hit) => CacheStatus::Hit,
    };
    if later.status == SourceStatus::Stale {
        report.status = SourceStatus::Stale;
    }
    report.age_seconds = report.age_seconds.max(later.age_seconds);
    if report.stale_error.is_none() {
        report.stale_error.clone_from(&later.stale_error);
    }
    report.ignores_paging |= later.ignores_paging;
    report.fresh_until = match (report.fresh_until, later.fresh_until) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if report.message.is_none() {
        report.message.clone_from(&later.message);
    }
}

#[cfg(test)]
mod tests;
