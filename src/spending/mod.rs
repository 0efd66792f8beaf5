//! Spending per Pemda from the marketplaces' transaction ledgers (`[transactions]`): what a
//! buyer bought where and from whom in a year, and how the Pemdas of a province rank.
//!
//! Ledgers are cached by (marketplace, buyer, year): a closed year does not change and is kept
//! a day; the current year (WIB) is kept five minutes. Concurrent requests for one ledger share
//! one load. A marketplace that fails is reported with its error and never counted as zero.
//! Their calls run in a lane of their own per marketplace ([`lanes`]), a quarter of its
//! `concurrency`.

mod error;
mod failures;
mod fetch;
mod lanes;
mod ledger;
mod locality;
mod page_sizes;
mod ranking;
mod repeats;
mod service;
mod summary;

pub use error::SpendingError;

pub use ranking::{RankedBuyer, Ranking};
pub use service::{LedgerSource, RegistrySource, Spending, SpendingService};
pub use summary::{Share, Tally, VendorTotal};
