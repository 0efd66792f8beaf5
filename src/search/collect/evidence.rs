//! What a walk's pages say beyond their items: where the list ends, which offers repeat, and
//! whether the marketplace pages at all.

use super::super::fetch::FetchPath;
use super::super::outcome::SharedOffer;
use super::super::paging::{Learned, Paging};
use super::super::report::SourceReport;
use super::{Ask, Collected, MIN_PAGING_VERDICT, PAGE_SIZES, Seen};
use crate::cache::CachedPage;
use crate::marketplace::{MarketplaceError, RegistryEntry, SearchRequest, Settings};
use crate::model::Offer;
use std::sync::Arc;

/// A page asked at `offset`, at or past the count the marketplace stated (`total`, and whether it
/// is an estimate), refused as out of range or answered without its item list: the end of the
/// list, not a failure. So is one asked at `short_end`, where a short page asked across the stated
/// total ended (a count a little high); a refusal anywhere else inside the stated total stays a
/// failure (a short page far from the total is rows hidden after paging, review 26d D1).
pub(super) fn refused_past_total(
    error: &MarketplaceError,
    offset: u32,
    (total, approximate): (Option<u64>, bool),
    short_end: Option<u32>,
) -> bool {
    let past = past_stated_end(offset, (total, approximate), short_end);
    past && error.is_range_refusal()
}

/// Whether every offer of `page`, asked at `offset`, is one of `ids` listed at another index.
pub(super) fn repeats(page: &CachedPage, offset: u32, ids: &Seen) -> bool {
    let moved = |(offer, index): (&Arc<Offer>, u32)| ids.get(offer.source_id.as_str()).is_some_and(|&at| at != index);
    !page.offers.is_empty() && page.offers.iter().zip(offset..).all(moved)
}

/// Whether a page asked at `offset` lies past the end the marketplace stated (a count, not an
/// estimate) or at `short_end`, where a short page asked across that count ended.
pub(super) fn past_stated_end(offset: u32, (total, approximate): (Option<u64>, bool), short_end: Option<u32>) -> bool {
    total.is_some_and(|total| !approximate && u64::from(offset) >= total) || short_end == Some(offset)
}

/// Whether the marketplace serves the item read last, `last` at index `at`, when asked for it
/// alone. A page asked where a short page ended (below a stated total a little high) that
/// repeats items read before is either the last page served again for a page past the end
/// (Django's `get_page`) or the first page served for any position: one item asked at its own
/// position tells them apart (review 26 P2, 26c C9). Offset and numbered requests only.
pub(super) async fn serves_in_place(
    path: &FetchPath,
    entry: &RegistryEntry,
    ask: &Ask<'_>,
    report: &mut SourceReport,
    (last, at): (&str, u32),
) -> bool {
    let request = SearchRequest {
        query: ask.query.to_string(),
        offset: at,
        limit: 1,
        cursor: None,
        filters: ask.pushed.to_vec(),
    };
    let page = path.page(entry, request, ask.bypass, report).await;
    page.is_ok_and(|page| page.offers.len() == 1 && page.offers[0].source_id == last)
}

/// The ids of the marketplace's first page, when it is cached, at their indices: a walk
/// continued from a later position (a client's `after`) has seen nothing of the list, and a
/// marketplace that ignores the position would hand it that first page again as new offers. The
/// client was shown that page a moment ago, so it is almost always cached, at this walk's `size`
/// or, when the client changed `first` between pages, at another of the sizes walks ask. Only
/// the cache is read, so a walk whose first page has gone pays nothing for the check (and goes
/// unchecked).
pub(super) async fn first_page_seen(
    path: &FetchPath,
    entry: &RegistryEntry,
    ask: &Ask<'_>,
    size: u32,
    largest: u32,
) -> Option<Arc<CachedPage>> {
    // Every size walks ask, whatever was learned since: a client's first page asked at 20 before
    // a clamp to 10 was found is cached at 20 (review28a F2: its count was lost).
    let mut sizes = vec![size];
    for other in PAGE_SIZES.into_iter().chain([largest, entry.settings.page_size]) {
        if !sizes.contains(&other) {
            sizes.push(other);
        }
    }
    let first = |limit| SearchRequest {
        query: ask.query.to_string(),
        offset: 0,
        limit,
        cursor: None,
        filters: ask.pushed.to_vec(),
    };
    let (_, page) = first_cached(path, entry, sizes.into_iter().map(first).collect()).await?;
    Some(page)
}

/// The first of `requests` whose page is cached, with its index. The first is looked up alone
/// (a client's pages are almost always cached at the size it asks); on a miss the others are
/// looked up together, so a walk whose pages left the cache waits for one more round trip to a
/// shared cache, not one per size.
async fn first_cached(
    path: &FetchPath,
    entry: &RegistryEntry,
    requests: Vec<SearchRequest>,
) -> Option<(usize, Arc<CachedPage>)> {
    let (head, rest) = requests.split_first()?;
    if let Some(page) = path.cached(entry, head).await {
        return Some((0, page));
    }
    let found = futures::future::join_all(rest.iter().map(|request| path.cached(entry, request))).await;
    found.into_iter().zip(1..).find_map(|(page, at)| Some((at, page?)))
}

/// The ids of the cached `first` page a client can have been shown before `start`, at their
/// indices (a larger cached page also holds the offers the walk is to deliver).
pub(super) fn shown_first(first: Option<&CachedPage>, start: u32) -> Seen {
    let Some(page) = first else { return Seen::default() };
    let shown = page.offers.iter().zip(0..).take_while(|&(_, index)| index < start);
    shown.map(|(offer, index)| (offer.source_id.clone(), index)).collect()
}

/// The ids of the page just before a walk from a later position (`offset`), which the client's
/// previous request read (cache only), at their indices, and the count that page stated (for a
/// client whose first page has left the cache, review28a F3). Asked at the walk's `size` first,
/// then at the other sizes walks ask whose page ends at `offset` (the client changed `first`).
pub(super) async fn shown_just_before(
    path: &FetchPath,
    entry: &RegistryEntry,
    ask: &Ask<'_>,
    (offset, size): (u32, u32),
) -> (Seen, Option<u64>) {
    let others = PAGE_SIZES.into_iter().filter(|&other| other != size && offset.is_multiple_of(other));
    let before = |limit: u32| offset.checked_sub(limit).filter(|&before| before > 0).map(|before| (before, limit));
    let asked: Vec<(u32, u32)> = std::iter::once(size).chain(others).filter_map(before).collect();
    let request = |&(before, limit): &(u32, u32)| SearchRequest {
        query: ask.query.to_string(),
        offset: before,
        limit,
        cursor: None,
        filters: ask.pushed.to_vec(),
    };
    let Some((at, page)) = first_cached(path, entry, asked.iter().map(request).collect()).await else {
        return (Seen::default(), None);
    };
    let ids = page.offers.iter().zip(asked[at].0..).map(|(offer, index)| (offer.source_id.clone(), index)).collect();
    (ids, page.total.filter(|_| !page.total_approximate))
}

/// Whether a client page's first page, which repeats the page the client's previous request read
/// (`before`), is the end of the list: Django's `get_page` answers a page past the end with the
/// last page, and a client following `hasNextPage` got it again as new offers on every page
/// (review27a E1). At or past the `stated` count it is. Inside it, the last item asked alone at
/// its position tells: in place, the list ends there, short of a count stated too high or at a
/// cap (`Some(true)`: the end, the stated count not sure; review28b G0: delivered again on every
/// page up to the stated count); elsewhere, the list moved between the client's pages (listings
/// added at its head, review28a F1), and its rows are delivered as read (`None`).
pub(super) async fn last_page_again(
    path: &FetchPath,
    entry: &RegistryEntry,
    ask: &Ask<'_>,
    report: &mut SourceReport,
    before: &Seen,
    (offset, stated): (u32, Option<u64>),
) -> Option<bool> {
    if past_stated_end(offset, (stated, false), None) {
        return Some(false);
    }
    let last = before.iter().find(|&(_, &at)| at + 1 == offset).map(|(id, _)| id.as_str())?;
    serves_in_place(path, entry, ask, report, (last, offset - 1)).await.then_some(true)
}

/// Listed items a walk did not deliver, by why, for its report (their places: `search/gaps.rs`).
#[derive(Default)]
pub(super) struct LeftOut {
    /// Items that could not be read.
    pub(super) unreadable: usize,
    /// Items whose id was listed before, in this walk.
    pub(super) repeated: usize,
    /// Items delivered on the client's earlier pages (the list moved since).
    pub(super) shown_before: usize,
}

impl LeftOut {
    pub(super) fn message(&self) -> Option<String> {
        let items = |n: usize| if n == 1 { "1 item".to_string() } else { format!("{n} items") };
        let unreadable = (self.unreadable > 0).then(|| format!("{} could not be read", items(self.unreadable)));
        let repeated = (self.repeated > 0).then(|| format!("{} repeated an id listed before", items(self.repeated)));
        let shown = (self.shown_before > 0)
            .then(|| format!("{} shown on an earlier page (the list moved)", items(self.shown_before)));
        let said: Vec<String> = unreadable.into_iter().chain(repeated).chain(shown).collect();
        (!said.is_empty()).then(|| format!("{}; left out", said.join(", ")))
    }
}

/// A repeated id is dropped and its first listing shown, so `offer(id)` must answer with that
/// one too: the page that repeated it remembered its own listing over the first (only a
/// marketplace repeating ids pays for this). The first listing is one this walk kept, or one
/// of the first page a walk from a later position checked against (a client's page before).
pub(super) async fn keep_remembered_first(
    (path, entry): (&FetchPath, &RegistryEntry),
    kept: &[(u32, SharedOffer)],
    first_page: Option<&CachedPage>,
    repeat: &Offer,
) {
    let same = |shown: &Offer| shown.source_id == repeat.source_id;
    let first = kept.iter().map(|(_, shown)| shown.arc()).find(|shown| same(shown));
    let first = first.or_else(|| first_page?.offers.iter().find(|shown| same(shown)));
    if let Some(first) = first.filter(|shown| ***shown != *repeat) {
        path.remembered().keep_shown(first, entry.fingerprint).await;
    }
}

/// Whether `repeat` is the very listing the client's first page showed under its id (its title
/// and price), so met again the list moved; another listing under the same id is the list's own
/// repeat (review32w W32-5), its count still exact.
pub(super) fn same_as_shown(first_page: Option<&CachedPage>, repeat: &Offer) -> bool {
    let shown = first_page.and_then(|page| page.offers.iter().find(|shown| shown.source_id == repeat.source_id));
    shown.is_some_and(|shown| shown.title == repeat.title && shown.price == repeat.price)
}

/// A page of nothing but offers seen earlier in the walk, asked at `offset`: the marketplace
/// serves its first page whatever position is asked. The walk ends at what it has, and later
/// walks read one page at the largest size until the cache TTL has passed (what it serves may
/// change as fast as its answers do), a purge, a reload that changes its adapter or a restart.
/// Operators hear of it once per verdict.
pub(super) fn note_ignores_paging(entry: &RegistryEntry, learned: &Learned, report: &mut SourceReport, offset: u32) {
    report.ignores_paging = true;
    let keep = entry.settings.cache_ttl.max(MIN_PAGING_VERDICT);
    if learned.note_ignores_paging(keep) {
        let id = entry.marketplace.id().as_str().to_string();
        metrics::counter!("pasar_paging_ignored_total", "marketplace" => id).increment(1);
        tracing::warn!(
            marketplace = %entry.marketplace.id(),
            asked_offset = offset,
            page_size = entry.settings.page_size,
            keep_seconds = keep.as_secs(),
            "Marketplace ignores the page position asked for (it served its first page again); reading only its first page."
        );
    }
}

pub(super) fn paging_of(settings: &Settings) -> Paging {
    if settings.cursor_paged {
        Paging::Cursor
    } else if settings.page_numbered {
        Paging::Numbered
    } else {
        Paging::Offset
    }
}

/// A marketplace that serves only its first page ends a walk short of the count it states: that
/// count stands (it has the offers, paging cannot reach them), not exact, and what paging
/// reaches is said apart (review 26 P8: 100 "exact" where 250 were stated).
pub(super) fn beyond_reach(collected: &mut Collected, stated: Option<u64>) {
    if let (Some(stated), Some(reached)) = (stated, collected.total)
        && stated > reached
    {
        (collected.total, collected.total_approximate, collected.reachable) = (Some(stated), true, Some(reached));
    }
}

/// Whether a list that ended at `end` is within a few of the `total` stated: five, or one in fifty
/// of a long list.
pub(in crate::search) fn near(end: u32, total: u64) -> bool {
    total.saturating_sub(u64::from(end)) <= 5.max(total / 50)
}
