//! The buyer's pages: compare offers across marketplaces and take away a price survey.
//!
//! Server-rendered HTML in Bahasa Indonesia (English with `?lang=en`) that works without
//! JavaScript, over the same comparison as the GraphQL `compare` field. `GET /` is the
//! comparison page, streamed: each marketplace's offers are written as it answers, then the
//! comparison (`streamed.rs`, `arriving.rs`); `GET /survey` is the printable price survey for the
//! HPS file and `GET /survey.csv` the same rows for a spreadsheet.
//!
//! `GET /belanja?wilayah=35.71&tahun=2022` is a Pemda's spending report over the transaction
//! ledgers (`spending/`), with `/belanja.csv` and `/belanja.xlsx`; bare, or with values it cannot
//! use, `/belanja` is the form that asks for them (`belanja_form.rs`).
//!
//! Inside, one way: `routes.rs` (handlers) → `streamed.rs` (the page in parts) → `page.rs` /
//! `arriving.rs` / `survey_page.rs` / `survey_csv.rs` (views) → `offer.rs`, `layout.rs`, `survey.rs` (rows and statistics) → `sources.rs`, `words.rs` (plain
//! language) → `params.rs` (the URL contract) → `lang.rs`.

mod amounts;
mod arriving;
mod belanja;
mod belanja_chart;
mod belanja_export;
mod belanja_form;
mod belanja_page;
mod evidence;
mod fields;
mod form;
mod group;
mod lang;
mod layout;
mod offer;
mod page;
mod params;
mod routes;
mod sources;
mod streamed;
mod strip;
mod survey;
mod survey_csv;
mod survey_page;
mod survey_xlsx;
mod words;

pub use routes::router;
