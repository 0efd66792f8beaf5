//! Pure normalisation functions: no I/O, no async.
pub mod region;
pub mod price;
pub mod rupiah;
pub mod vendor;
pub mod percent;
pub mod unit;
pub mod vat;
pub mod npwp;
pub mod offer;
pub mod pdn;
#[cfg(test)]
mod proptests;
