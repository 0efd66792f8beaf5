//! Pasar: one GraphQL API over Indonesia's public-procurement marketplaces.
//!
//! # Layout
//!
//! - [`config`]: `pasar.toml` plus `PASAR_*` environment overrides, with defaults.
//! - [`startup`]: `Application::build` (adapters → service → schema → router) and `router()`.
//! - [`graphql`]: the schema, the query root, GraphQL types and stable error codes.
//! - [`search`]: fan-out to marketplaces under per-marketplace deadlines, merge, sort, page.
//! - [`cache`]: moka-backed cache of normalised result pages, bounded by bytes.
//! - [`marketplace`]: the `Marketplace` trait, the adapter file format, its checker, the HTTP
//!   adapter and the registry that loads `adapters/*.toml`.
//! - [`normalize`]: pure functions from marketplace values to the unified model (price, PPN,
//!   percentages, vendor names, NPWP, regions).
//! - [`model`]: the unified offer model.
//! - [`sandbox`]: simulated marketplaces for the demo, the tests and the benchmarks.
//! - [`demo`]: the embedded demo behind a bare `pasar` / `cargo run --release`.
//! - [`cli`]: the command line.
//!
//! # The request path
//!
//! `POST /graphql` → [`graphql`] parses, validates and resolves → [`search`] picks the
//! marketplaces and fans out → per marketplace: [`cache`] hit, or [`marketplace`] HTTP call under
//! its deadline and concurrency cap, then [`normalize`] → [`search`] merges, filters, sorts and
//! pages → data plus one `SourceReport` per marketplace plus a GraphQL error for each one that
//! failed.

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
pub mod startup;

pub use config::Config;
pub use startup::{Application, StartupError};
