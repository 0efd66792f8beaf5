//! Pasar: one GraphQL API over Indonesia's public-procurement marketplaces.
//!
//! # Layout
//!
//! - [`config`]: `pasar.toml` plus `PASAR_*` environment overrides, with defaults.
//! - [`startup`]: `Application::build` (adapters → service → schema → router) and `router()`.
//! - [`server`]: the accept loop: connection timeouts, connection caps, HTTP/2 limits.
//! - [`graphql`]: the schema, the query root, GraphQL types and stable error codes.
//! - [`search`]: fan-out under per-marketplace deadlines, filters (pushed down where an adapter
//!   allows), merge, sorts, policy ranking with reasons, cursors, compare/grouping, vendor merging.
//! - [`cache`]: moka-backed cache of normalised result pages: coalesced loads in their own task,
//!   stale-while-revalidate and stale-if-error, bounded by bytes.
//! - [`marketplace`]: the `Marketplace` trait, the adapter file format, its checker, the HTTP
//!   adapter, the registry that loads `adapters/*.toml`, and the guard around every call
//!   (concurrency cap, circuit breaker, budgeted retries, egress policy).
//! - [`normalize`]: pure functions from marketplace values to the unified model (price, PPN,
//!   units, percentages, PDN tiers, vendor names, NPWP, regions, product keys, plain text).
//! - [`model`]: the unified offer model.
//! - [`sandbox`]: simulated marketplaces for the demo, the tests and the benchmarks.
//! - [`demo`]: the embedded demo behind a bare `pasar` / `cargo run --release`.
//! - [`cli`]: the command line.
//!
//! # The request path
//!
//! `POST /graphql` → [`graphql`] checks limits before parsing (body, nesting, aliases, fan-out,
//! rate), then parses, validates and resolves → [`search`] picks the marketplaces and fans out →
//! per marketplace: [`cache`] hit, or [`marketplace`] HTTP call under its guard, then
//! [`normalize`] → [`search`] filters, merges, sorts or groups, and pages → data plus one
//! `SourceReport` per marketplace plus a GraphQL error for each one that failed.

pub mod cache;
pub mod cli;
pub mod config;
pub mod demo;
pub mod graphql;
pub mod marketplace;
pub mod model;
pub mod normalize;
pub mod sandbox;
pub mod search;
pub mod server;
pub mod startup;

pub use config::Config;
pub use startup::{Application, StartupError};
