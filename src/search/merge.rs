//! Merging marketplaces' offers into one ordered page.
//!
//! Relevance order is a k-way merge of the marketplaces' own orders, keyed on each offer's index
//! in its marketplace's list (then the marketplace), so page boundaries never repeat or skip an
//! offer and the next page asks each marketplace only for what follows. Other orders sort a
//! fixed window of each marketplace's first matching offers; the window is the same for every
//! page, so the order is too.

use super::collect::near;
use super::cursor::{EdgeCursor, Position};
use super::fanout::Fetched;
use super::gaps::Gaps;
use super::limits::{MAX_DEPTH, SORT_WINDOW};
use super::order::{OfferSort, compare};
use super::outcome::{Edge, SearchOutcome, SearchParams, SharedOffer};
use super::policy::{self, Explanation};
use super::shown::Shown;
use crate::marketplace::MarketplaceError;
use std::collections::BTreeMap;

struct Candidate {
    index: u32,
    source: usize,
    offer: SharedOffer,
}

/// The candidates of a page and what `gather` learned of them.
struct Gathered {
    candidates: Vec<Candidate>,
    /// Each marketplace's id and how far it was scanned.
    ids: Vec<(String, u32)>,
    /// Each marketplace's places that delivered no offer, in the order of `ids`.
    gaps: Vec<Gaps>,
    /// Whether each marketplace's list moved under the client's walk, in the order of `ids`.
    moved: Vec<bool>,
    /// Some marketplace has more after what it gave.
    more_upstream: bool,
    /// Some marketplace failed before giving anything where an earlier page stated more.
    failed_before_more: bool,
    facts: Option<policy::Facts>,
}

/// Totals and reports shared by both kinds of page; the vendors' facts over every candidate
/// (see `policy::facts`) when the filter or the order needs them, and the `umk`/`koperasi`
/// filters applied by them. Joining the vendors of every candidate costs as much as normalising
/// them, so a search that neither filters nor ranks by them does not pay for it.
fn gather(fetched: Vec<Fetched>, params: &SearchParams, outcome: &mut SearchOutcome) -> Gathered {
    let mut candidates = Vec::new();
    let mut ids = Vec::new();
    let (mut gaps, mut moved) = (Vec::new(), Vec::new());
    let mut more_upstream = false;
    let mut failed_before_more = false;
    for (source, f) in fetched.into_iter().enumerate() {
        let total = f.total.unwrap_or(f.offers.len() as u64);
        outcome.total_count += total;
        outcome.reachable_count += f.reachable.unwrap_or(total).min(u64::from(MAX_DEPTH));
        outcome.total_count_exact &= f.total_exact && (f.total.is_some() || f.exhausted);
        // A part with offers whose later round failed may still go on (a later page asks again),
        // as may one that failed at once where an earlier page stated more (a client's `after`).
        // A position refused as out of range a few short of the stated count is its real end:
        // not asked again (review27 E0: a count a little high had every later page retry it
        // forever). Farther inside, a refusal may pass (a WAF, a deploy): offered again once
        // (review27e R2: one 404 at row 40 of 100 ended the walk).
        let refused = f.error.as_ref().is_some_and(MarketplaceError::is_range_refusal)
            && f.total.is_some_and(|total| near(f.scanned_to, total));
        // Read to the depth the gateway pages to: nothing more is asked of it (review29a W4).
        let ended = f.exhausted || f.scanned_to >= MAX_DEPTH;
        let stated_more = f.total.is_some_and(|total| total > u64::from(f.scanned_to)) && !ended && !refused;
        more_upstream |= (f.error.is_none() || !f.offers.is_empty() || stated_more) && !ended;
        failed_before_more |= f.error.is_some() && f.offers.is_empty() && stated_more;
        ids.push((f.report.marketplace.to_string(), f.scanned_to));
        gaps.push(f.gaps);
        moved.push(f.moved);
        outcome.sources.add(f.report, f.error);
        candidates.extend(f.offers.into_iter().map(|(index, offer)| Candidate { index, source, offer }));
    }
    // The vendors' facts from every offer read, those past the depth too (review29d D2: a
    // vendor's only account stating its scale lay past it).
    let needed = params.filter.asks_vendor_facts() || params.sort == OfferSort::Policy;
    let facts = needed.then(|| policy::resolve_facts(candidates.iter().map(|c| &*c.offer)));
    if let Some(facts) = facts.as_ref().filter(|_| params.filter.asks_vendor_facts()) {
        candidates.retain(|c| params.filter.keeps_vendor_facts(&facts.of(&c.offer)));
    }
    // A walk from near the depth reads whole pages past it: what lies there is beyond reach
    // (`reachableCount`), as on any other page.
    candidates.retain(|c| c.index < MAX_DEPTH);
    Gathered { candidates, ids, gaps, moved, more_upstream, failed_before_more, facts }
}

/// A page that came back empty because a marketplace failed is offered again this many times.
const RETRIES: u8 = 1;

/// Where a relevance page starts, as its cursor says (see `cursor::Position::PerMarketplace`).
pub(super) struct Start {
    /// Each marketplace's position (missing: 0).
    pub(super) positions: BTreeMap<String, u32>,
    /// Times this page was already offered again.
    pub(super) retried: u8,
    /// The places before each position that delivered no offer, when known.
    pub(super) left_out: Option<BTreeMap<String, u32>>,
    /// What each marketplace delivered on the walk's earlier pages.
    pub(super) shown: BTreeMap<String, Shown>,
}

impl Start {
    /// The first page.
    pub(super) fn top() -> Self {
        Self { positions: BTreeMap::new(), retried: 0, left_out: Some(BTreeMap::new()), shown: BTreeMap::new() }
    }
}

/// A relevance page from `start`.
pub(super) fn relevance_page(fetched: Vec<Fetched>, params: &SearchParams, search: u64, start: Start) -> SearchOutcome {
    let Start { positions: start, retried, left_out: left_out_start, shown: shown_start } = start;
    let mut outcome = SearchOutcome::new();
    outcome.has_previous_page = start.values().any(|p| *p > 0);
    let Gathered { mut candidates, ids, gaps, moved, more_upstream, failed_before_more, .. } =
        gather(fetched, params, &mut outcome);
    let mut shown = shown_start.clone();
    for ((id, _), _) in ids.iter().zip(&moved).filter(|(_, moved)| **moved) {
        shown.entry(id.clone()).or_default().moved = true;
    }
    let at = |positions: BTreeMap<String, u32>, shown: &BTreeMap<String, Shown>| {
        let left_out = left_out_before(&positions, &ids, &gaps);
        Position::PerMarketplace { positions, retried: 0, left_out, shown: shown.clone() }
    };
    candidates.sort_by_key(|c| (c.index, c.source));
    let taken = candidates.len().min(params.first as usize);
    let rest: Vec<usize> = candidates.iter().skip(taken).map(|c| c.source).collect();
    // Without an offer on this page there is no cursor to continue from: say it is the end
    // rather than promise a page the client cannot ask for. Unless it is a client's later page
    // whose marketplace failed where more was stated: its cursor is this page's own start, so
    // following `hasNextPage` asks again (review 26d D8), once: a marketplace failing there
    // every time (a 403, a deep-paging limit) would be asked forever.
    outcome.has_next_page = taken > 0 && (candidates.len() > taken || more_upstream);
    if taken == 0 && failed_before_more && outcome.has_previous_page && retried < RETRIES {
        outcome.has_next_page = true;
        let (positions, left_out) = (start.clone(), left_out_start);
        let again = Position::PerMarketplace { positions, retried: retried + 1, left_out, shown: shown_start };
        outcome.retry_cursor = Some(EdgeCursor::new(search, again));
    } else if taken == 0
        && more_upstream
        && let Some(on) = scanned_on(&start, &ids)
    {
        // Nothing on this page passed a filter the marketplaces cannot apply (`koperasiOnly` is
        // read from the vendors of all the offers), but they were read further and have more:
        // the next page goes on from where they were read, not the end (review29a W12: 54
        // koperasi offers called complete, with more within reach).
        outcome.has_next_page = true;
        outcome.retry_cursor = Some(EdgeCursor::new(search, at(on, &shown)));
    }
    let mut positions = start;
    outcome.edges.reserve_exact(taken);
    for (i, candidate) in candidates.into_iter().take(taken).enumerate() {
        let id = &ids[candidate.source].0;
        shown.entry(id.clone()).or_default().add(&candidate.offer.source_id);
        match positions.get_mut(id) {
            Some(position) => *position = candidate.index + 1,
            None => _ = positions.insert(id.clone(), candidate.index + 1),
        }
        if i + 1 == taken {
            // A marketplace with no match left on this page has been read up to where it
            // scanned: the next page starts there, so filtered-out stretches are not re-read
            // forever.
            for (source, (id, scanned_to)) in ids.iter().enumerate() {
                if !rest.contains(&source) {
                    let position = positions.entry(id.clone()).or_insert(0);
                    *position = (*position).max(*scanned_to);
                }
            }
        }
        let cursor = EdgeCursor::new(search, at(positions.clone(), &shown));
        outcome.edges.push(Edge { cursor, offer: candidate.offer, explanation: None });
    }
    outcome.sources.count_shown(outcome.edges.iter().map(|edge| &*edge.offer));
    outcome
}

/// The places before each of `positions` that delivered no offer, marketplace by marketplace
/// (`ids`, `gaps`; none: left out of the map), or `None` where one's is not known.
fn left_out_before(
    positions: &BTreeMap<String, u32>,
    ids: &[(String, u32)],
    gaps: &[Gaps],
) -> Option<BTreeMap<String, u32>> {
    let mut left_out = BTreeMap::new();
    for ((id, _), gaps) in ids.iter().zip(gaps) {
        let before = gaps.before(positions.get(id).copied().unwrap_or(0))?;
        if before > 0 {
            left_out.insert(id.clone(), before);
        }
    }
    Some(left_out)
}

/// The positions each marketplace was read to (`ids`), when one was read past where this page
/// started (`start`): a page that read nothing further must not be offered again as the next.
fn scanned_on(start: &BTreeMap<String, u32>, ids: &[(String, u32)]) -> Option<BTreeMap<String, u32>> {
    let at = |id: &str| start.get(id).copied().unwrap_or(0);
    if !ids.iter().any(|(id, scanned_to)| *scanned_to > at(id)) {
        return None;
    }
    let mut on = start.clone();
    for (id, scanned_to) in ids {
        let position = on.entry(id.clone()).or_insert(0);
        *position = (*position).max(*scanned_to);
    }
    Some(on)
}

/// A page of a window sorted by the gateway, after `served` offers.
pub(super) fn window_page(fetched: Vec<Fetched>, params: &SearchParams, search: u64, served: u32) -> SearchOutcome {
    let mut outcome = SearchOutcome::new();
    outcome.has_previous_page = served > 0;
    let Gathered { mut candidates, facts, .. } = gather(fetched, params, &mut outcome);
    candidates.sort_by_key(|c| (c.index, c.source));
    let page = (served as usize)..(served as usize).saturating_add(params.first as usize);
    let ordered: Vec<(SharedOffer, Option<Explanation>)> =
        if let Some(facts) = facts.filter(|_| params.sort == OfferSort::Policy) {
            let offers: Vec<SharedOffer> = candidates.into_iter().map(|c| c.offer).collect();
            let (scopes, of) = policy::per_offer(&offers.iter().map(|o| &**o).collect::<Vec<_>>());
            let offers = offers.into_iter().zip(of).map(|(offer, at)| (offer, &scopes[at])).collect();
            let judged = policy::order_each(offers, params.buyer.as_ref(), &facts);
            // Only the offers this page shows are given their reasons.
            let explain = |(at, judged): (usize, policy::Judged<'_, SharedOffer>)| {
                if !page.contains(&at) {
                    return (judged.offer, None);
                }
                let (offer, explanation) = judged.explained(params.buyer.as_ref());
                (offer, Some(explanation))
            };
            judged.into_iter().enumerate().map(explain).collect()
        } else {
            candidates.sort_by(|a, b| compare(params.sort, &a.offer, &b.offer));
            candidates.into_iter().map(|c| (c.offer, None)).collect()
        };
    if !outcome.total_count_exact {
        // Only the window was filtered here: what passed is all that can be counted.
        outcome.total_count = ordered.len() as u64;
    }
    outcome.reachable_count = ordered.len() as u64;
    outcome.window = Some(SORT_WINDOW);
    outcome.has_next_page = ordered.len() > page.end;
    outcome.edges.reserve_exact(ordered.len().min(page.end).saturating_sub(page.start));
    for (position, (offer, explanation)) in
        ordered.into_iter().enumerate().skip(served as usize).take(params.first as usize)
    {
        let served = u32::try_from(position + 1).unwrap_or(u32::MAX);
        let cursor = EdgeCursor::new(search, Position::InWindow { served });
        outcome.edges.push(Edge { cursor, offer, explanation });
    }
    outcome.sources.count_shown(outcome.edges.iter().map(|edge| &*edge.offer));
    outcome
}
