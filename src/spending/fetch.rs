//! Reading one marketplace's ledger of one buyer for one year, page by page, and its totals.

use super::lanes::Lanes;
use crate::marketplace::{LedgerRequest, LedgerTotals, MarketplaceError, RegistryEntry};
use crate::model::{Amount, Transaction, TransactionStatus};
use crate::normalize::transaction::normalize_transaction;
use std::sync::Arc;
use std::time::Duration;

/// Pages read at most per ledger: a buyer with more is reported, not silently cut.
const MAX_PAGES: u32 = 400;
/// Entries asked per page (at most the file's `max_page_size`).
const PAGE_SIZE: u32 = 100;
/// The shortest deadline a ledger page gets: ledgers are read off the search path.
const MIN_PAGE_TIMEOUT: Duration = Duration::from_secs(5);

/// One marketplace's ledger of one buyer and year, normalised.
#[derive(Debug, Default)]
pub struct Ledger {
    /// Entries dated in the year (WIB), in the marketplace's order.
    pub transactions: Vec<Arc<Transaction>>,
    /// Entries that could not be read (missing field, unreadable date), with the first reason.
    pub skipped: usize,
    /// The first reason an entry was skipped.
    pub first_skip: Option<String>,
    /// Entries the marketplace sent dated outside the year (WIB): left out.
    pub outside_year: usize,
}

impl Ledger {
    /// Rough heap size, for the ledger caches' budget (saturating at `u32::MAX`).
    pub fn estimated_bytes(&self) -> u32 {
        let transactions: usize = self.transactions.iter().map(|t| t.estimated_bytes()).sum();
        let bytes = std::mem::size_of::<Self>() + transactions + self.first_skip.as_ref().map_or(0, String::len);
        u32::try_from(bytes).unwrap_or(u32::MAX)
    }

    /// Completed transactions whose amount could not be read: not in any total.
    pub fn unreadable(&self) -> usize {
        self.transactions.iter().filter(|t| t.status == TransactionStatus::Completed && t.amount.is_none()).count()
    }

    /// Totals of completed transactions with readable amounts.
    pub fn totals(&self) -> LedgerTotals {
        let done = self.transactions.iter().filter(|t| t.status == TransactionStatus::Completed);
        let (amount, count) =
            done.filter_map(|t| t.amount).fold((Amount::default(), 0), |(a, n), x| (a.plus(x), n + 1));
        LedgerTotals { including_vat: amount.including_vat, excluding_vat: amount.excluding_vat, count }
    }
}

/// Every page of `buyer`'s `year` on `entry`.
pub(super) async fn load_ledger(
    entry: &RegistryEntry,
    lanes: &Lanes,
    buyer: &str,
    year: i32,
) -> Result<Ledger, MarketplaceError> {
    let marketplace = &entry.marketplace;
    let timeout = entry.settings.timeout.max(MIN_PAGE_TIMEOUT);
    let mut ledger = Ledger::default();
    let mut request = LedgerRequest { buyer: buyer.to_string(), year, offset: 0, limit: PAGE_SIZE, cursor: None };
    // A page of nothing but entries already read ends the walk (a marketplace that serves its
    // first page again); an entry read twice is never counted twice.
    let mut ids = std::collections::HashSet::new();
    for _ in 0..MAX_PAGES {
        let mut fresh = 0;
        let page = lanes.call(entry, timeout, marketplace.transactions(&request)).await?;
        let read = page.items.len() + page.skipped.len();
        if ledger.first_skip.is_none() {
            ledger.first_skip = page.skipped.first().cloned();
        }
        ledger.skipped += page.skipped.len();
        for raw in page.items {
            match normalize_transaction(marketplace.id(), raw) {
                Ok(t) if !ids.insert(t.id.clone()) => {}
                Ok(t) if t.date.year == year => {
                    fresh += 1;
                    ledger.transactions.push(Arc::new(t));
                }
                Ok(_) => {
                    fresh += 1;
                    ledger.outside_year += 1;
                }
                Err(reason) => {
                    ledger.skipped += 1;
                    ledger.first_skip.get_or_insert(reason);
                }
            }
        }
        request.offset += u32::try_from(read).unwrap_or(u32::MAX);
        let seen = u64::from(request.offset);
        let done = match (&page.next_cursor, page.total) {
            (Some(cursor), _) => {
                request.cursor = Some(cursor.clone());
                false
            }
            (None, Some(total)) => seen >= total || read == 0,
            (None, None) => read < PAGE_SIZE as usize,
        };
        if done || read == 0 || (fresh == 0 && page.skipped.is_empty()) {
            return Ok(ledger);
        }
    }
    Err(MarketplaceError::BadResponse { reason: format!("the ledger runs past {MAX_PAGES} pages") })
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
