//! Black-box tests: real sandboxes and a real gateway on port 0, spoken to over HTTP.
//!
//! Set `TEST_LOG=1` to see the gateway's logs.

// Test helpers are shared between the modules of this one binary, not exported.
#![allow(unreachable_pub)]

mod access_log;
mod architecture;
mod arriving_filters;
mod bare_counts;
mod bela;
mod belanja;
mod browser;
mod buyer_access;
mod buyer_facts;
mod buyer_page;
mod buyer_sources;
mod buyer_survey;
mod cache;
mod cdp;
mod check;
mod check_config;
mod check_sample;
mod checked_inputs;
mod compare;
mod conformance;
mod devset;
mod failure_lines;
mod faults;
mod front_door;
mod frontend;
mod frontend_browser;
mod grouping;
mod helpers;
mod hostile;
mod http_edges;
mod instances;
mod ledger_gaps;
mod ledger_logs;
mod markset;
mod matchset;
mod memory;
mod metrics;
mod office_region;
mod paging;
mod paging_counts;
mod paging_depth;
mod paging_ends;
mod paging_evidence;
mod paging_last_page;
mod paging_reach;
mod paging_retry;
mod placeholders;
mod ppn_dates;
mod queueing;
mod readiness;
mod reload;
mod reload_in_flight;
mod round_trips;
mod sandbox_text;
mod schema;
mod scoring;
mod search;
mod secrets;
mod served;
mod slow_clients;
mod soak;
mod spending;
mod stream_filters;
mod streamed_page;
mod survey_read;
mod traces;
mod traces_socket;
mod unit_spread;
mod vendors;
mod web;
mod workers;
