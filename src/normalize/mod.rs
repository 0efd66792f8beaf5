//! Pure normalisation functions: no I/O, no async.
pub mod npwp;
pub mod offer;
pub mod pdn;
pub mod percent;
pub mod price;
pub mod product;
#[cfg(test)]
mod proptests;
pub mod region;
pub mod rupiah;
pub mod text;
pub mod unit;
pub mod vat;
pub mod vendor;
