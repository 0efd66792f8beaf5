//! Federated search: which marketplaces, fan-out, merge, filter, sort, page, compare.
//!
//! Every marketplace is asked concurrently, each under its own deadline; the answer is whatever
//! came back in time plus one [`SourceReport`] per marketplace saying what happened. One
//! marketplace's failure never changes another's results.
//!
//! One request, hop by hop: [`SearchService::search`] (`service.rs`) checks the request
//! (`validate.rs`) → `rounds.rs` asks every selected marketplace for its share of a relevance
//! page (`fanout.rs: fan_out` for every marketplace's window of a sorted one), each under its
//! deadline, and asks again only those the page still waits on → `collect.rs` pages through one
//! marketplace → `fetch.rs: FetchPath::page` gets each page from the cache or, through the
//! marketplace's guard, from the adapter, normalised and remembered → `merge.rs` merges, sorts
//! and pages (or `compare.rs` groups) → `report.rs` says what each marketplace did.

#[doc(hidden)]
pub mod bench_support;
mod collect;
mod compare;
mod compare_stream;
mod cursor;
mod error;
pub(crate) mod failures;
mod fanout;
mod fetch;
mod filter;
mod gaps;
mod limits;
mod merge;
mod order;
mod outcome;
mod paging;
#[cfg(test)]
mod paging_tests;
mod policy;
mod remembered;
mod replace;
mod report;
mod rounds;
mod service;
mod shown;
mod stream;
mod validate;
mod vendors;

pub use compare::{
    CompareOutcome, CompareParams, Coverage, NearGroup, ProductGroup, Uncounted, far_apart, listed_at_stand_in, median,
};
pub use compare_stream::CompareEvent;
pub use error::SearchError;
pub use filter::OfferFilter;
pub use limits::MAX_QUERY_CHARS;
pub use order::OfferSort;

pub use outcome::{Edge, SearchOutcome, SearchParams};
pub use policy::{BuyerContext, Explanation, Facts, Locality, Stated, VendorFacts};
pub use replace::Replaced;
pub use report::{CacheStatus, SourceReport, SourceStatus, Sources};
pub use service::SearchService;
pub use stream::SearchEvent;
pub use vendors::{Account, Vendor};
