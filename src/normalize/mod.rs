//! Pure normalisation functions: no I/O, no async.
pub mod region;
pub mod price;
pub mod rupiah;
