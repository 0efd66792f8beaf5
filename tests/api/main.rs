//! Black-box tests: real sandboxes and a real gateway on port 0, spoken to over HTTP.
//!
//! Set `TEST_LOG=1` to see the gateway's logs.

// Test helpers are shared between the modules of this one binary, not exported.
#![allow(unreachable_pub)]

mod architecture;
mod browser;
mod cache;
mod check;
mod compare;
mod conformance;
mod devset;
mod faults;
mod frontend;
mod frontend_browser;
mod grouping;
mod helpers;
mod hostile;
mod memory;
mod paging;
mod queueing;
mod sandbox_text;
mod schema;
mod scoring;
mod search;
mod secrets;
mod slow_clients;
mod soak;
mod vendors;
mod web;
