//! Marketplaces: the trait every marketplace implements, and the declarative HTTP adapter that
//! implements it from an `adapters/*.toml` file.
//!
//! The trait is deliberately small (`id`, `search`, an optional cache partition): deadlines, concurrency
//! caps and caching are applied by `search/` around every marketplace alike, so an adapter written
//! in Rust gets them without doing anything.

#[doc(hidden)]
pub mod bench_support;
pub mod breaker;
mod cause;
#[cfg(test)]
mod cause_tests;
mod connecting;
pub mod definition;
mod direct;
pub mod egress;
mod error;
mod extract;
pub(crate) mod files;
pub mod freshness;
pub mod guard;
mod http;
mod http_impl;
mod ledger;
pub mod ledger_def;
mod memo;
pub mod meters;
mod parts;
mod placeholders;
pub mod probe;
mod queue;
pub mod registry;
pub mod retry;
mod surrogates;
pub mod upstream;
pub mod validate;

#[cfg(test)]
mod tests;

pub use crate::normalize::raw::RawOffer;
pub use crate::normalize::transaction::RawTransaction;
pub use cause::Cause;
pub use connecting::Connecting;
pub use error::MarketplaceError;
pub use http::read_page;
pub use registry::{Env, Override, Registry, RegistryEntry, Settings};

use crate::model::MarketplaceId;
use std::sync::Arc;

/// One page of a search as the gateway asks a marketplace for it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SearchRequest {
    /// The buyer's search text, already trimmed.
    pub query: String,
    /// 0-based index of the first item wanted.
    pub offset: u32,
    /// How many items are wanted (at most the marketplace's page size).
    pub limit: u32,
    /// Cursor returned by the previous page, for cursor-paged marketplaces.
    pub cursor: Option<String>,
    /// Filters pushed to the marketplace: (parameter, value), as its adapter declares them.
    pub filters: Vec<(String, String)>,
}

/// One page of raw results from a marketplace, not yet normalised.
#[derive(Debug, Clone, Default)]
pub struct SearchPage {
    /// The items, in the marketplace's own order; shared with the adapter's memo of items read
    /// before (`memo.rs`).
    pub items: Vec<Arc<RawOffer>>,
    /// The marketplace's count of all matches, when it reports one.
    pub total: Option<u64>,
    /// Whether `total` is the marketplace's estimate ("about 1,230"), not a count.
    pub total_approximate: bool,
    /// Cursor for the next page, for cursor-paged marketplaces.
    pub next_cursor: Option<String>,
    /// Items the marketplace sent that could not be read (missing id, title, …).
    pub skipped: Vec<String>,
}

/// A marketplace that can answer product searches.
///
/// Implementations return errors rather than log them: the caller decides what a failure means
/// for the response (see `search/fanout.rs`).
#[async_trait::async_trait]
pub trait Marketplace: Send + Sync {
    /// The marketplace id, unique in a registry.
    fn id(&self) -> &MarketplaceId;

    /// Runs one search page. Must not panic on anything the marketplace sends.
    async fn search(&self, request: &SearchRequest) -> Result<SearchPage, MarketplaceError>;

    /// Fingerprint of the account or tenant the adapter searches as: answers may differ per
    /// account, so cached results are kept apart per fingerprint. Never the secret itself.
    fn cache_partition(&self) -> u64 {
        0
    }

    /// Whether it keeps a transaction ledger Pasar can read (`[transactions]`).
    fn keeps_ledger(&self) -> bool {
        false
    }

    /// Whether it gives a buyer's totals in one call (`[transaction_totals]`).
    fn has_totals(&self) -> bool {
        false
    }

    /// The largest ledger page it serves (`[transactions.pagination] max_page_size`), the size a
    /// ledger page is asked at; `None` when it keeps no ledger or does not say.
    fn ledger_page_size(&self) -> Option<u32> {
        None
    }

    /// One page of a buyer's transactions in a year; only called when [`Self::keeps_ledger`].
    async fn transactions(&self, _request: &LedgerRequest) -> Result<LedgerPage, MarketplaceError> {
        Err(MarketplaceError::BadResponse { reason: "keeps no transaction ledger".into() })
    }

    /// A buyer's totals of completed transactions in a year; `None` without a totals endpoint.
    async fn transaction_totals(&self, _request: &LedgerRequest) -> Result<Option<LedgerTotals>, MarketplaceError> {
        Ok(None)
    }
}

/// A buyer's ledger for one year, one page of it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LedgerRequest {
    /// The buyer's Kemendagri code (`"35.71"`).
    pub buyer: String,
    /// The calendar year, in WIB.
    pub year: i32,
    /// 0-based index of the first entry wanted.
    pub offset: u32,
    /// How many entries are wanted.
    pub limit: u32,
    /// Cursor from the previous page.
    pub cursor: Option<String>,
}

/// One page of a buyer's ledger, not yet normalised.
#[derive(Debug, Clone, Default)]
pub struct LedgerPage {
    /// The entries.
    pub items: Vec<RawTransaction>,
    /// The marketplace's count of all entries, when it reports one.
    pub total: Option<u64>,
    /// Cursor for the next page.
    pub next_cursor: Option<String>,
    /// Entries that could not be read, with why.
    pub skipped: Vec<String>,
    /// Whether the ledger is paged by cursor: a page without a next cursor is then its last,
    /// however short.
    pub by_cursor: bool,
}

/// A buyer's totals of completed transactions, as a totals endpoint states them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LedgerTotals {
    /// Total including PPN.
    pub including_vat: rust_decimal::Decimal,
    /// Total excluding PPN.
    pub excluding_vat: rust_decimal::Decimal,
    /// Completed transactions.
    pub count: u64,
}
