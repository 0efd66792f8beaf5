//! Pasar: one GraphQL API over Indonesia's public-procurement marketplaces.
//!
//! # Layout
//!
//! Modules follow the request path, and imports flow one way along it (a test in
//! `tests/api/architecture.rs` fails on an upward import or an import cycle between files):
//!
//! `cli → demo → startup → server → graphql/web → spending → search → config → cache → marketplace → normalize → model`
//!
//! - [`cli`]: the command line; `demo` (feature `sandbox`): the embedded demo behind a bare `pasar`.
//! - `startup`: [`Application::build`] (adapters → service → schema → router) and the routes.
//! - `server`: the accept loop under the router: connections dealt to per-core worker threads,
//!   connection timeouts, connection caps (total, from the file-descriptor limit, and per
//!   client), HTTP/2 limits, lingering close.
//! - `graphql`: admission before parsing, the schema, the query and mutation roots, GraphQL views
//!   of the model, and the mapping of each layer's error to a stable `extensions.code`.
//! - `web`: the buyer's pages (`/`, `/survey`, `/survey.csv`): server-rendered HTML in Bahasa
//!   Indonesia over the same `SearchService::compare` as GraphQL.
//! - `spending`: a Pemda's spending from the marketplaces' transaction ledgers (`[transactions]`):
//!   ledgers read page by page and cached by (marketplace, buyer, year), exact sums by
//!   marketplace, month and payment method, the UMK/koperasi/local/TKDN shares, top vendors,
//!   and a province's ranking (totals endpoints where present, bounded concurrency).
//! - `search`: per request, which marketplaces, fan-out under deadlines, the fetch path of one
//!   page, filters (pushed down where an adapter allows), merge, sorts, policy ranking with
//!   reasons, cursors, compare/grouping, vendor merging, and the per-marketplace reports.
//! - [`config`]: `pasar.toml` plus `PASAR_*` environment overrides, with defaults.
//! - `cache`: the result cache: a [`PageStore`](cache::PageStore)-backed map of normalised pages
//!   (quick_cache in process), coalesced loads that outlive their callers, stale-while-revalidate and
//!   stale-if-error. It knows pages and keys, not searches or marketplaces' errors.
//! - `marketplace`: the `Marketplace` trait, the adapter file format and its checker, the HTTP
//!   adapter (an item sent again byte for byte is not read into fields again), the registry that
//!   loads `adapters/*.toml`, and the guard around every call
//!   (concurrency cap, circuit breaker, budgeted retries, egress policy).
//! - [`normalize`]: pure functions from marketplace values to the unified model (price, PPN,
//!   units, percentages, PDN tiers, vendor names, NPWP, regions, product keys, plain text).
//! - `model`: the unified offer model.
//! - `bounded`: how the in-process caches (pages, remembered offers, items read, stored
//!   answers, parsed documents) are made: quick_cache, sharded so their largest entry fits.
//! - `telemetry`: Prometheus metrics every layer records through the `metrics` facade.
//! - [`sandbox`] (feature `sandbox`, on by default): simulated marketplaces for the demo, the
//!   tests and the benchmarks; it imports nothing of the gateway.
//!
//! # The request path, hop by hop
//!
//! `POST /graphql` → `graphql/http.rs: handle` checks limits before parsing (body, nesting,
//! aliases, fan-out; the rate limit is checked in `startup.rs: graphql`), then async-graphql
//! parses, validates and calls `graphql/query.rs: QueryRoot::search` →
//! `search/service.rs: SearchService::search` (`validate.rs: admit`, cursor) →
//! `search/fanout.rs: fan_out` (every selected marketplace at once, each under its deadline) →
//! `fanout.rs: collect` (pages through one marketplace) → `search/fetch.rs: FetchPath::page` →
//! `cache/mod.rs: ResultCache::get_or_fetch` (hit, stale, or one coalesced load) →
//! `fetch.rs: load_page` → `marketplace/guard.rs: Guard::call` →
//! `marketplace/http.rs: HttpAdapter::search` → `search/remembered.rs: Remembered::read` (each
//! item's remembered offer when its fields match, else `normalize/offer.rs: normalize_offer`;
//! kept for `offer(id)` and vendor merging) → back in
//! `search/merge.rs: relevance_page` or `window_page` (or `search/compare.rs: group`) → data plus
//! one `SourceReport` per marketplace (`search/report.rs`) plus a GraphQL error for each one that
//! failed (`graphql/error.rs: report_failure`).
//!
//! # Conventions
//!
//! - Visibility is decided here: modules are private unless they are the public API (the
//!   binary, the black-box tests, the benchmarks and the fuzz targets use what is re-exported
//!   below, plus [`normalize`] and [`sandbox`]). `pub` inside a private module means "for the
//!   crate", and the compiler reports what nothing uses.
//! - GraphQL types: a domain enum derives `async_graphql::Enum` where it is defined, so its doc
//!   comments are the schema's descriptions and there is no mirror type; structs are exposed by
//!   `#[Object]` impls or `…View` wrappers in `graphql/`, and inputs are `graphql/inputs.rs` types
//!   converted into the search's own parameters.
//! - Each layer has one `thiserror` enum; `graphql/error.rs` maps them to codes once.

mod bounded;
mod cache;
pub mod cli;
pub(crate) mod codes;
pub mod config;
#[cfg(feature = "sandbox")]
pub mod demo;
mod graphql;
mod marketplace;
mod model;
pub mod normalize;
#[cfg(feature = "sandbox")]
pub mod sandbox;
mod search;
mod server;
mod spending;
mod startup;
mod telemetry;
mod web;

/// For the criterion benchmarks only: reading, normalising and merging pages are internal steps
/// with no public API, and benchmarking them through HTTP would mostly measure the network
/// stack. Not part of Pasar's API; may change at any time.
#[doc(hidden)]
pub mod bench_support {
    pub use crate::marketplace::bench_support::{Memo, PageReader};
    pub use crate::normalize::raw::{RawOffer, RawValue, ValueFormat};
    pub use crate::normalize::vat::VatPolicy;
    pub use crate::search::bench_support::{NormalizedPage, merge, normalize_page};
}

pub use config::{ADMIN_TOKEN_ENV, Config};
pub use graphql::sdl;
pub use marketplace::{Env, Override};
pub use startup::{Application, StartupError};
