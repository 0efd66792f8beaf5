//! Reading one marketplace's ledger of one buyer for one year, page by page, and its totals.
//!
//! The walk ends on evidence only, and a walk that ends short of the ledger says so
//! ([`CutShort`]) rather than passing a smaller figure off as the whole: an empty page or a
//! page of nothing but entries already read before the total the marketplace states leaves the
//! ledger short of it. A page shorter than asked for while the total says more follow is taken
//! as the page size the marketplace really serves (many cap it silently), and the walk reads on
//! at that size: asking the next page at the larger size served the first page again. With no
//! total stated, a short page is the end unless it may be such a cap ([`PageSizes`]).

use super::lanes::Lanes;
use super::ledger::{CutShort, Ledger, MAX_SKIP_REASONS};
use super::page_sizes::PageSizes;
use super::repeats::{self, Repeat};
use crate::marketplace::{LedgerRequest, LedgerTotals, MarketplaceError, RegistryEntry};
use crate::model::{MarketplaceId, TransactionStatus};
use crate::normalize::region::{self, RegionLevel};
use crate::normalize::transaction::{RawTransaction, normalize_transaction};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// Pages read at most per ledger: a buyer with more is reported, not silently cut.
const MAX_PAGES: u32 = 400;
/// Entries asked per page of a marketplace that does not say its ledger's `max_page_size`.
/// One that does is asked at that size: a strict API refuses a page above its documented cap
/// (HTTP 400), and one serving larger pages costs fewer calls (review37s R37s-5).
const PAGE_SIZE: u32 = 100;
/// The shortest deadline a ledger page gets: ledgers are read off the search path.
const MIN_PAGE_TIMEOUT: Duration = Duration::from_secs(5);

/// Every page of `buyer`'s `year` on `entry`; `sizes` holds what pages have shown of the
/// marketplace's page size.
///
/// A total stated otherwise on a later page than on an earlier one means the ledger changed
/// under the walk: an order deleted moves every later entry up a place, so the one at a page
/// boundary is never served while one gone was read, and the count of distinct entries read can
/// equal the last total stated all the same (review37s R37s-3). Such a walk is done once more,
/// and if the total moves again the ledger is short ([`CutShort::Moved`]), however many were read.
pub(super) async fn load_ledger(
    entry: &RegistryEntry,
    lanes: &Lanes,
    sizes: &PageSizes,
    buyer: &str,
    year: i32,
) -> Result<Ledger, MarketplaceError> {
    let walk = walk_pages(entry, lanes, sizes, buyer, year).await?;
    if !walk.moved {
        return walk.end();
    }
    walk_pages(entry, lanes, sizes, buyer, year).await?.end()
}

/// One walk through the ledger's pages, from the first to the one that ends it.
async fn walk_pages<'a>(
    entry: &RegistryEntry,
    lanes: &Lanes,
    sizes: &PageSizes,
    buyer: &'a str,
    year: i32,
) -> Result<Walk<'a>, MarketplaceError> {
    let marketplace = &entry.marketplace;
    let id = marketplace.id();
    let timeout = entry.settings.timeout.max(MIN_PAGE_TIMEOUT);
    let mut walk = Walk::new(buyer, year);
    let limit = sizes.ask(id, marketplace.ledger_page_size().unwrap_or(PAGE_SIZE));
    let mut request = LedgerRequest { buyer: buyer.to_string(), year, offset: 0, limit, cursor: None };
    // A short page read on as a possible cap of its size: the next page tells.
    let mut maybe_cap: Option<u32> = None;
    for _ in 0..MAX_PAGES {
        let page = lanes.call(entry, timeout, marketplace.transactions(&request)).await?;
        walk.state(page.total);
        let listed = page.items.len() + page.skipped.len();
        if !walk.take(id, page.items) {
            walk.repeated = true;
            return Ok(walk);
        }
        walk.skip(page.skipped);
        let count = u32::try_from(listed).unwrap_or(u32::MAX);
        if let Some(cap) = maybe_cap.take().filter(|_| listed > 0) {
            sizes.capped(id, cap);
        }
        request.offset = request.offset.saturating_add(count);
        if let Some(cursor) = page.next_cursor {
            request.cursor = Some(cursor);
            if listed == 0 {
                return Ok(walk);
            }
            continue;
        }
        if page.by_cursor {
            return Ok(walk);
        }
        let Some((limit, testing)) = read_on(&walk, sizes, id, count, request.limit) else {
            return Ok(walk);
        };
        (request.limit, maybe_cap) = (limit, testing.then_some(limit));
    }
    Err(MarketplaceError::BadResponse { reason: format!("the ledger runs past {MAX_PAGES} pages") })
}

/// After a page of `count` entries asked at `limit` with no next cursor: the size to ask the
/// next page at, and whether that reads on past a possible cap; `None` at the ledger's end.
fn read_on(walk: &Walk, sizes: &PageSizes, id: &MarketplaceId, count: u32, limit: u32) -> Option<(u32, bool)> {
    let may_be_cap = sizes.may_be_cap(id, count, limit);
    match walk.stated {
        _ if count == 0 => None,
        Some(total) if walk.read >= total => None,
        // More are stated: a short page is the size it serves, not the end.
        Some(_) => Some((count.min(limit), false)),
        // None stated: a short page as large as any served may be a cap; the next page tells.
        None if may_be_cap => Some((count, true)),
        None if count < limit => None,
        None => Some((limit, false)),
    }
}

/// A walk's state: the ledger so far and the entries already read.
struct Walk<'a> {
    buyer: &'a str,
    year: i32,
    ledger: Ledger,
    /// Ids read, so that an entry served twice counts once, each with its place in the
    /// ledger's transactions when it was placed there.
    ids: HashMap<String, Option<usize>>,
    /// Places of transactions listed again with another amount: left out at the end.
    conflicts: HashSet<usize>,
    /// Distinct entries read, of every year and buyer, readable or not: what a stated total counts.
    read: u64,
    /// The last total the marketplace stated.
    stated: Option<u64>,
    /// The first total it stated.
    first_stated: Option<u64>,
    /// Whether a page stated another total than the page before it.
    moved: bool,
    /// Whether the walk ended on a page of nothing but entries already read.
    repeated: bool,
    /// When its first page was asked.
    started: SystemTime,
}

impl<'a> Walk<'a> {
    fn new(buyer: &'a str, year: i32) -> Self {
        Walk {
            buyer,
            year,
            ledger: Ledger::default(),
            ids: HashMap::new(),
            conflicts: HashSet::new(),
            read: 0,
            stated: None,
            first_stated: None,
            moved: false,
            repeated: false,
            started: SystemTime::now(),
        }
    }

    /// Takes the total a page states (a page stating none leaves the last one standing).
    fn state(&mut self, total: Option<u64>) {
        let Some(total) = total else { return };
        self.first_stated.get_or_insert(total);
        self.moved |= self.stated.is_some_and(|before| before != total);
        self.stated = Some(total);
    }

    /// Places a page's entries; false when it had some and every one was read already.
    fn take(&mut self, marketplace: &MarketplaceId, items: Vec<RawTransaction>) -> bool {
        let listed = items.len();
        let (mut fresh, mut here, mut repeated_here) = (0, HashSet::new(), 0);
        for raw in items {
            let first_here = here.insert(raw.offer.source_id.clone());
            let id = raw.offer.source_id.clone();
            if let Some(placed) = self.ids.get(&id) {
                repeated_here += usize::from(!first_here);
                self.again(marketplace, *placed, raw);
                continue;
            }
            fresh += 1;
            self.read += 1;
            let placed = self.place(marketplace, raw);
            self.ids.insert(id, placed);
        }
        // An id listed twice on one page that brought new entries is one transaction written
        // twice: the stated total counts it as a row, so it counts as read, never as missing.
        // (A page of nothing new, or an entry of an earlier page again, is no such proof.)
        if fresh > 0 {
            self.ledger.repeated += repeated_here;
            self.read += repeated_here as u64;
        }
        listed == 0 || fresh > 0
    }

    /// Places an entry read for the first time; its place among the transactions if it is one.
    fn place(&mut self, marketplace: &MarketplaceId, raw: RawTransaction) -> Option<usize> {
        let word = raw.status.clone().unwrap_or_default();
        let ledger = &mut self.ledger;
        match normalize_transaction(marketplace, raw) {
            Ok(t) if !same_buyer(&t.buyer, self.buyer) => ledger.other_buyer += 1,
            Ok(t) if t.date.year != self.year => {
                ledger.outside_year += 1;
                // Filed under this year, dated in the next or the one before (WIB): that year's
                // answer takes it from here (review37s R37s-2).
                if (t.date.year - self.year).abs() == 1 {
                    ledger.elsewhere.push(Arc::new(t));
                }
            }
            Ok(t) => {
                if t.status == TransactionStatus::Unknown {
                    *ledger.unknown_statuses.entry(word).or_default() += 1;
                }
                ledger.transactions.push(Arc::new(t));
                return Some(ledger.transactions.len() - 1);
            }
            Err(reason) => self.skip(vec![reason]),
        }
        None
    }

    /// An id read already, listed again ([`repeats`]): the order in a later state replaces the
    /// one placed, another amount puts it in no total.
    fn again(&mut self, marketplace: &MarketplaceId, placed: Option<usize>, raw: RawTransaction) {
        let Some(at) = placed else { return };
        let Ok(again) = normalize_transaction(marketplace, raw) else { return };
        match repeats::compare(&self.ledger.transactions[at], &again) {
            Repeat::Same => {}
            Repeat::Later => {
                self.ledger.transactions[at] = Arc::new(again);
                self.ledger.later_state += 1;
            }
            Repeat::Conflict => {
                self.conflicts.insert(at);
            }
        }
    }

    /// Entries that could not be read: they have no id to tell a repeat by.
    fn skip(&mut self, reasons: Vec<String>) {
        let ledger = &mut self.ledger;
        ledger.skipped += reasons.len();
        self.read += reasons.len() as u64;
        for reason in reasons {
            let known = ledger.skip_reasons.len() < MAX_SKIP_REASONS || ledger.skip_reasons.contains_key(&reason);
            if known {
                *ledger.skip_reasons.entry(reason).or_default() += 1;
            }
        }
    }

    /// The ledger read, short of its stated total, moved under the walk or ended on a repeated
    /// page if it was; an error when most of it states other buyers (a marketplace ignoring the
    /// buyer asked).
    fn end(mut self) -> Result<Ledger, MarketplaceError> {
        let ledger = &mut self.ledger;
        let own = ledger.transactions.len() + ledger.outside_year + ledger.skipped;
        if ledger.other_buyer > own {
            let reason = format!(
                "{} of its {} transactions state another buyer than {}: it may not filter by buyer",
                ledger.other_buyer,
                ledger.other_buyer + own,
                self.buyer
            );
            return Err(MarketplaceError::BadResponse { reason });
        }
        ledger.cut_short = match self.stated {
            Some(stated) if self.read < stated => Some(CutShort::BelowTotal { read: self.read, stated }),
            Some(to) if self.moved => Some(CutShort::Moved { from: self.first_stated.unwrap_or(to), to }),
            None if self.repeated => Some(CutShort::Repeated { read: self.read }),
            _ => None,
        };
        let (conflicts, mut at) = (&self.conflicts, 0);
        ledger.transactions.retain(|_| (!conflicts.contains(&at), at += 1).0);
        ledger.conflicting = conflicts.len();
        ledger.read_at = Some(self.started);
        Ok(self.ledger)
    }
}

/// Whether an entry's stated buyer is the one asked (its code, spaces around it aside), or one
/// of its own units.
fn same_buyer(stated: &str, asked: &str) -> bool {
    let stated = stated.trim();
    stated == asked || region::by_code(stated).is_some_and(|r| r.code == asked) || own_unit(stated, asked)
}

/// Whether `stated` is a code under the kabupaten/kota `asked`: Kemendagri codes nest by dotted
/// parts, so `35.71.01` is a kecamatan of Kota Kediri (35.71) and `35.71.01.1001` a kelurahan
/// in it, the Pemda's own units, whose purchases are its spending (review37s R37s-10). Under a
/// province's code lie its kabupaten and kota, Pemdas of their own: never the province's.
fn own_unit(stated: &str, asked: &str) -> bool {
    let Some(below) = stated.strip_prefix(asked).and_then(|rest| rest.strip_prefix('.')) else { return false };
    let kab_kota = region::by_code(asked).is_some_and(|r| r.level != RegionLevel::Province);
    kab_kota && below.split('.').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// The buyer's totals: from the totals endpoint when the file has one, else `None`.
pub(super) async fn load_totals(
    entry: &RegistryEntry,
    lanes: &Lanes,
    buyer: &str,
    year: i32,
) -> Result<Option<LedgerTotals>, MarketplaceError> {
    if !entry.marketplace.has_totals() {
        return Ok(None);
    }
    let timeout = entry.settings.timeout.max(MIN_PAGE_TIMEOUT);
    let request = LedgerRequest { buyer: buyer.to_string(), year, offset: 0, limit: 1, cursor: None };
    lanes.call(entry, timeout, entry.marketplace.transaction_totals(&request)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_unreadable_entry_is_named_not_only_the_first() {
        let mut walk = Walk::new("35.71", 2022);
        // An entry with a bad date is refused while placed; one without an amount by the page.
        walk.skip(vec!["date `2022-13-01` is not a date".into()]);
        walk.skip(vec!["transaction without amount".into(), "transaction without amount".into()]);
        let said = walk.ledger.problems().join("; ");
        assert!(said.contains("3 transactions could not be read"), "{said}");
        assert!(said.contains("`2022-13-01`") && said.contains("without amount ×2"), "{said}");
    }
}
