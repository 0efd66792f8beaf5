//! Paging through one marketplace for one search: from a position, page by page, until enough
//! matching offers are in hand, the marketplace has no more, or the scan limit is reached. Each
//! page comes through [`FetchPath::page`]; [`Walk`] (`paging.rs`) decides what a page means.

mod evidence;
mod want;

use super::fetch::FetchPath;
use super::outcome::SharedOffer;
use super::paging::{Next, Paging, Walk};
use super::report::SourceReport;
use crate::marketplace::{MarketplaceError, RegistryEntry, SearchRequest};
pub(super) use evidence::near;
use evidence::{
    LeftOut, beyond_reach, first_page_seen, keep_remembered_first, last_page_again, note_ignores_paging, paging_of,
    past_stated_end, refused_past_total, repeats, same_as_shown, serves_in_place, shown_first, shown_just_before,
};
use std::collections::hash_map::Entry;
use std::time::Duration;
pub(super) use want::{Ask, Collected, Earlier, Seen, Want};

/// Listed items scanned at most per marketplace and request while looking for matching offers.
/// Counted in items, not pages, so what a request covers (and so a sorted window) is the same
/// whatever page size the marketplace turns out to serve.
pub(super) const MAX_SCAN_ITEMS: u32 = 1_000;
/// Page requests at most per marketplace and request: a marketplace clamping its pages to a
/// handful of items costs many requests; past this the scan stops and says so.
const MAX_PAGE_REQUESTS: u32 = 250;

/// Shortest time a marketplace found ignoring the page position is read one page only, even
/// with caching off (TTL 0): without it every search would pay the second call that finds out.
const MIN_PAGING_VERDICT: Duration = Duration::from_secs(60);

/// The page sizes walks ask for, below the marketplace's largest.
const PAGE_SIZES: [u32; 4] = [10, 20, 50, 100];

/// The page size to ask for: the smallest of a few fixed sizes that holds what is wanted, so a
/// 20-offer search does not fetch and normalise 100 offers per marketplace, while page
/// boundaries stay few and shared by similar searches (and so their cache entries).
fn page_size_for(keep: u32, max: u32) -> u32 {
    let wanted = PAGE_SIZES.into_iter().find(|&s| s >= keep).unwrap_or(u32::MAX);
    wanted.min(max).max(1)
}

/// Pages through one marketplace from `want.start` until enough matching offers are in hand,
/// it has no more, or the scan limit is reached. Pages are aligned to the page size asked for so
/// every request for the same page shares one cache entry; [`Walk`] decides what a page means.
/// An offer is taken once per walk: a repeated id is dropped, and a page of nothing but repeats
/// shows the marketplace ignores the position asked for (see [`note_ignores_paging`]).
pub(super) async fn collect(
    path: &FetchPath,
    entry: &RegistryEntry,
    ask: &Ask<'_>,
    want: Want,
    earlier: Earlier,
    report: &mut SourceReport,
    collected: &mut Collected,
) -> Result<(), MarketplaceError> {
    let Ask { query, filter, pushed, bypass, .. } = *ask;
    let learned = path.learned(entry.marketplace.id());
    let single = learned.ignores_paging();
    report.ignores_paging = single;
    let largest = learned.max_page_size(entry.settings.page_size);
    let (page_size, mut paging) = if single {
        (entry.settings.page_size, Paging::Single)
    } else if entry.settings.fixed_page_size {
        // Its own size (or the clamp it showed): numbered pages are counted in it.
        (largest, paging_of(&entry.settings))
    } else {
        (page_size_for(want.keep, largest), paging_of(&entry.settings))
    };
    let mut walk = Walk::new(want.start, page_size, paging);
    let Earlier { mut seen, cursor: resumed, stated: stated_earlier, shown, .. } = earlier;
    collected.moved = shown.moved;
    if resumed.is_some() {
        // A cursor chain continued where an earlier round left it.
        walk.offset = want.start;
    }
    // The first page, when a walk from a later position checked its ids against it, and the
    // page just before it.
    let (mut first_page, mut before) = (None, Seen::default());
    // The first page's offers the client was shown (as `seen` starts): met again, the list moved.
    let mut delivered_before = Seen::default();
    // A client's later page, not a later round of one search (that one's first round delivers).
    let client_page = seen.is_empty() && walk.offset > 0;
    if seen.is_empty() && walk.offset > 0 && matches!(paging, Paging::Offset | Paging::Numbered) {
        first_page = first_page_seen(path, entry, ask, walk.size, largest).await;
        seen = shown_first(first_page.as_deref(), want.start);
        delivered_before.clone_from(&seen);
        let (ids, stated_just_before) = shown_just_before(path, entry, ask, (walk.offset, walk.size)).await;
        before = ids;
        // What the client's pages stated (the page before was read after the first, so its
        // count is the newer): it stands if this page fails or times out at once.
        let stated_first = first_page.as_deref().and_then(|page| page.total.filter(|_| !page.total_approximate));
        collected.stated_before = stated_just_before.or(stated_first);
    }
    let (mut cursor, mut scanned, mut requests) = (resumed, 0u32, 0u32);
    let mut left_out = LeftOut::default();
    // The end of the list was found: its total is counted, not stated.
    let mut ended = false;
    // Where a short page asked across the stated total ended (a repeat there is asked about),
    // and whether within a few of it (a refusal there is the end).
    let (mut short_end, mut near_end) = (None, None);
    while collected.offers.len() < want.keep as usize && scanned < MAX_SCAN_ITEMS {
        if requests == MAX_PAGE_REQUESTS {
            report.message =
                Some(format!("stopped after {MAX_PAGE_REQUESTS} page requests (pages of {} items)", walk.size));
            break;
        }
        requests += 1;
        let (offset, size) = (walk.offset, walk.size);
        let request = SearchRequest {
            query: query.to_string(),
            offset,
            limit: size,
            cursor: cursor.take(),
            filters: pushed.to_vec(),
        };
        let page = match path.page(entry, request, bypass, report).await {
            Ok(page) => page,
            Err(error) if collected.pages == 0 => {
                // A client's page that starts where the list it was shown ends: the count the
                // first page stated (cached a moment ago) places the refusal past the end.
                if !refused_past_total(&error, offset, (collected.stated_before, false), None) {
                    // Nothing read yet: the marketplace failed.
                    return Err(error);
                }
                collected.exhausted = true;
                (collected.total, collected.total_approximate) = collected.gaps.total(offset.max(want.start));
                ended = true;
                break;
            }
            Err(error) => {
                let total = (collected.total, collected.total_approximate);
                if refused_past_total(&error, offset, total, near_end) {
                    // Asked past the end it stated, or the end a short page showed (to see
                    // whether it was a clamp), the marketplace refused: many APIs answer a page
                    // past the end 404. A numbered page read past a short one starts after
                    // where that one ended.
                    collected.exhausted = true;
                    let end = walk.past.unwrap_or(offset);
                    (collected.total, collected.total_approximate) = collected.gaps.total(end);
                    ended = true;
                } else {
                    collected.failed = Some(error);
                }
                break;
            }
        };
        collected.pages += 1;
        // Every offer seen before at another index: the first page served again. One read again
        // at its own index is no repeat (a later round's first page may start before where it
        // continues, and a widened numbered walk reads its first items again): only a page past
        // that point tells.
        let again = |ids: &Seen| repeats(&page, offset, ids);
        let repeated = again(&seen);
        if !repeated && collected.pages == 1 && again(&before) {
            // What this page states is newer than what the client's earlier pages did (a list
            // that shrank between them, review28b G2).
            let stated = page.total.filter(|_| !page.total_approximate).or(collected.stated_before);
            if let Some(unsure) = last_page_again(path, entry, ask, report, &before, (offset, stated)).await {
                collected.exhausted = true;
                (collected.total, collected.total_approximate) = collected.gaps.total(offset);
                if unsure {
                    beyond_reach(collected, stated);
                }
                collected.scanned_to = collected.scanned_to.max(offset);
                ended = true;
                break;
            }
        }
        if repeated && offset >= want.start {
            // Past the stated end, a page of items read before is the marketplace answering a
            // page out of range with its last one (Django's `get_page`): the end, no verdict.
            // Where a short page ended below the stated total, its last item asked alone tells.
            // On a client's later page, or in a later round, nothing of its own may have been read:
            // the count stated before.
            let stated =
                collected.total.filter(|_| !collected.total_approximate).or(collected.stated_before).or(stated_earlier);
            // A numbered page read past a short one: the list ended, if it did, with that one.
            let end = walk.past.unwrap_or(offset);
            let mut past = past_stated_end(end, (stated, false), None);
            let last = seen.iter().find(|&(_, &at)| at + 1 == end).map(|(id, _)| id.clone());
            let placed = matches!(paging, Paging::Offset | Paging::Numbered);
            // Told apart far below the stated total, the end is not sure either way (a
            // marketplace may serve its first rows in place and repeat them past a cap): the
            // stated count stands, not exact (review27g N1).
            let mut unsure = false;
            // Also at a client's later page's first call, under the count its first page stated:
            // the page before was read by the client's previous request.
            let asked_at_end = short_end == Some(end) || (collected.pages == 1 && collected.stated_before.is_some());
            if let Some(last) = last.filter(|_| placed && !past && asked_at_end) {
                past = serves_in_place(path, entry, ask, report, (&last, end.saturating_sub(1))).await;
                unsure = past && near_end != Some(end);
            }
            if !past {
                note_ignores_paging(entry, &learned, report, offset);
                if client_page && paging != Paging::Single && size == page_size && entry.settings.page_size > size {
                    // Its one page, at the largest size, holds more than this walk's pages did:
                    // read now, as later walks will (review37 R37-3: a client's page 2 ended
                    // the walk at 10 of 50). Not after a short page (a clamp: no larger page).
                    (paging, walk) = (Paging::Single, Walk::new(0, entry.settings.page_size, Paging::Single));
                    continue;
                }
            }
            if past && !unsure {
                // The end, found where the count said (or elsewhere), tests the count as an empty
                // page there does: a marketplace answering past its end with a page read before
                // paid a second call on every short answer, its true count never trusted
                // (review37 R37-4).
                learned.note_end(end, stated);
            }
            collected.exhausted = true;
            (collected.total, collected.total_approximate) = collected.gaps.total(end);
            if !past || unsure {
                beyond_reach(collected, stated);
            }
            ended = true;
            collected.scanned_to = collected.scanned_to.max(end);
            break;
        }
        if page.total.is_some() {
            (collected.total, collected.total_approximate) = (page.total, page.total_approximate);
        }
        // Unreadable items still took a place in the marketplace's list.
        let listed = u32::try_from(page.offers.len() + page.skipped).unwrap_or(u32::MAX);
        // An estimate says nothing about where the list ends.
        let counted = page.total.filter(|_| !page.total_approximate);
        let end = offset.saturating_add(listed);
        if let Some(total) = counted.filter(|&total| listed < size && u64::from(offset.saturating_add(size)) >= total) {
            short_end = Some(end);
            // A few short of the stated total: a count a little high (rows filtered after
            // counting) is then refused past the real end, here. Farther short it may be a clamp,
            // and a refusal after it a failure (review27 E3: 50 of 90, called exact).
            near_end = near(end, total).then_some(end);
        }
        let read_past = walk.past;
        let next = walk.after(listed, counted, page.next_cursor.is_some(), &learned);
        if next == Next::Redo {
            continue;
        }
        // A numbered page read past a short one: the places the short one left out of its page
        // deliver nothing.
        for index in read_past.map_or(0..0, |from| from..offset).filter(|&index| index >= want.start) {
            collected.gaps.note(index);
        }
        left_out.unreadable += page.skipped;
        // Unreadable items hold the places after the readable ones (those are numbered on).
        let readable = u32::try_from(page.offers.len()).unwrap_or(u32::MAX);
        for index in (offset.saturating_add(readable)..end).filter(|&index| index >= want.start) {
            collected.gaps.note(index);
        }
        let past_start = offset.saturating_add(listed).saturating_sub(offset.max(want.start));
        scanned = scanned.saturating_add(past_start);
        let mut failed = false;
        for (i, offer) in page.offers.iter().enumerate() {
            let index = offset + u32::try_from(i).unwrap_or(u32::MAX);
            match seen.entry(offer.source_id.clone()) {
                Entry::Vacant(first) => {
                    first.insert(index);
                    if index >= want.start && shown.has(&offer.source_id) {
                        // Delivered on the client's earlier page, not read here: the list moved
                        // under the client since.
                        (left_out.shown_before, collected.moved) = (left_out.shown_before + 1, true);
                        collected.gaps.note(index);
                        continue;
                    }
                }
                // Read again where an earlier round took it (pages are aligned to their size). Still
                // in place, a later copy of it is the list's own repeat, not a move.
                Entry::Occupied(taken) if *taken.get() == index => {
                    delivered_before.remove(offer.source_id.as_str());
                    continue;
                }
                Entry::Occupied(_) => {
                    let shown_there = delivered_before.contains_key(offer.source_id.as_str());
                    if shown_there && same_as_shown(first_page.as_deref(), offer) {
                        (left_out.shown_before, collected.moved) = (left_out.shown_before + 1, true);
                    } else {
                        left_out.repeated += 1;
                    }
                    if index >= want.start {
                        collected.gaps.note(index);
                    }
                    keep_remembered_first((path, entry), &collected.offers, first_page.as_deref(), offer).await;
                    continue;
                }
            }
            let room = want.whole_pages || collected.offers.len() < want.keep as usize;
            if index >= want.start && room {
                if filter.keeps(offer) {
                    collected.offers.extend(SharedOffer::new(&page, i).map(|shared| (index, shared)));
                } else {
                    failed = true;
                }
            }
        }
        if failed && ask.scans {
            // Conditions only the gateway applies dropped offers of this page: the walk is a scan
            // for matches. Sized for `keep` it made up to a hundred calls to one marketplace (pages
            // of 10 over the 1,000-item scan limit); it reads on in the largest pages, a tenth of
            // them. A first page that keeps everything is not taxed. Up to the size learned by
            // now: a clamp found during this very walk bounds it (widened past it, a numbered
            // page lands elsewhere and looks like the first page served again).
            walk.widen(learned.max_page_size(entry.settings.page_size));
        }
        cursor.clone_from(&page.next_cursor);
        // Past the page, unless it held more matches than were kept (those are still ahead).
        let whole = want.whole_pages || collected.offers.len() < want.keep as usize;
        let last_kept = collected.offers.last().map_or(want.start, |(index, _)| index + 1);
        // Read past a short page, the list is read up to where that one ended until more come.
        let read_to = walk.past.unwrap_or(walk.offset);
        collected.scanned_to = if whole { collected.scanned_to.max(read_to) } else { last_kept };
        if next == Next::End {
            // The end is known now, whatever total the marketplace stated.
            collected.exhausted = whole || last_kept >= walk.offset;
            let stated = collected.total.filter(|_| !collected.total_approximate);
            (collected.total, collected.total_approximate) = collected.gaps.total(walk.offset);
            if paging == Paging::Single {
                beyond_reach(collected, stated);
            }
            ended = true;
            break;
        }
    }
    collected.next_cursor = cursor;
    // A total the marketplace stated counts the places of a list that left items out: more than
    // the offers it delivers.
    if collected.gaps.any() && collected.total.is_some() && !ended {
        collected.total_approximate = true;
    }
    // A list that moved under the walk counts what it holds now, not what the walk delivered.
    collected.total_approximate |= collected.moved;
    // Stating no usable count (none, text, 10^30) or one below what was read, the list holds at
    // least that: this request's offers alone fell below offers already shown, page to page
    // (review32w W32-6), as did a count stated too low.
    let (read, _) = collected.gaps.total(collected.scanned_to);
    if !ended && collected.pages > 0 && collected.total < read {
        collected.total = read;
        collected.total_approximate = true;
    }
    // A walk that stopped where the count it states ends the list, without having found that end
    // (the count untested), cannot call it exact: the page would say "exact, all delivered" and
    // "more follow" at once (review37 R37-5).
    if !ended && collected.total.is_some_and(|total| total <= u64::from(collected.scanned_to)) {
        collected.total_approximate = true;
    }
    if report.message.is_none() {
        report.message = left_out.message();
    }
    Ok(())
}
