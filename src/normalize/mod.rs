//! Pure normalisation functions: no I/O, no async.
//!
//! Public for the fuzz targets, the benchmarks and the black-box tests: the price reader, the
//! product matcher and the unit reader are what they exercise directly.
pub(crate) mod availability;
pub(crate) mod date;
pub(crate) mod echo;
mod link;
mod npwp;
pub(crate) mod number;
pub(crate) mod offer;
pub(crate) mod pdn;
pub(crate) mod percent;
pub mod price;
pub mod product;
#[cfg(test)]
mod proptests;
pub(crate) mod raw;
pub(crate) mod region;
pub(crate) mod rupiah;
pub(crate) mod text;
pub(crate) mod transaction;
pub mod unit;
pub(crate) mod vat;
pub(crate) mod vendor;
