//! One front door: every way into Pasar passes the same admission (issue 22).

mod addresses;
mod caps;
mod counting;
mod doors;
mod doors_counted;
mod draining;
mod echoes;
mod frames;
mod fuzz;
mod gzip;
mod header_size;
mod heads;
mod hostile_text;
mod http2;
mod lifetime;
mod listed_errors;
mod malformed;
mod operation_types;
mod ordering;
mod out_of_range;
mod protocol;
mod refused_kept;
mod registration;
pub(crate) mod socket;
mod socket_budget;
mod socket_metrics;
mod socket_shares;
