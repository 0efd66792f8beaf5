//! What the catalogue holds for each listing, and the borrowed view every renderer reads.

use super::seeds::{Good, Make, Pack, Variant};
use super::vendors::Vendor;

/// A master product: one make and variant of a seed good.
#[derive(Debug, Clone)]
pub(crate) struct Master {
    pub(crate) good: u16,
    pub(crate) make: u16,
    pub(crate) variant: u16,
    /// Price excluding PPN of the good's first pack, in whole rupiah.
    pub(crate) reference_price: u64,
    /// TKDN in tenths of a percent; `None` for imports and goods without a certificate.
    pub(crate) tkdn: Option<u16>,
    /// BMP in tenths of a percent.
    pub(crate) bmp: Option<u16>,
}

/// One listing on one marketplace; text is rendered on demand to keep the catalogue small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Listing {
    pub(crate) master: u32,
    pub(crate) vendor: u32,
    /// Price of the pack excluding PPN, whole rupiah, a multiple of 100.
    pub(crate) price: u64,
    pub(crate) stock: u32,
    pub(crate) pack: u8,
    /// Which of the good's names the title uses.
    pub(crate) name: u8,
    /// Which of the marketplace's title templates renders it.
    pub(crate) template: u8,
    /// Whether the marketplace shows the product's TKDN on this listing.
    pub(crate) shows_tkdn: bool,
}

/// Everything about one listing that a renderer needs, borrowed from the catalogue.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ListingView<'a> {
    pub(crate) listing: &'a Listing,
    pub(crate) master: &'a Master,
    pub(crate) good: &'a Good,
    pub(crate) make: &'a Make,
    pub(crate) variant: &'a Variant,
    pub(crate) pack: &'a Pack,
    pub(crate) vendor: &'a Vendor,
}

impl ListingView<'_> {
    /// The good's name as this listing words it.
    pub(crate) fn name(&self) -> &'static str {
        self.good.names[usize::from(self.listing.name) % self.good.names.len()]
    }

    /// PPN rate in percent: 11 for PKP vendors, 0 for those that may not charge it.
    pub(crate) fn vat_percent(&self) -> u64 {
        if self.vendor.pkp { 11 } else { 0 }
    }

    /// Price including PPN; exact because prices excluding PPN are multiples of 100.
    pub(crate) fn price_including_vat(&self) -> u64 {
        self.listing.price * (100 + self.vat_percent()) / 100
    }

    /// TKDN shown on the listing, in tenths of a percent.
    pub(crate) fn tkdn(&self) -> Option<u16> {
        self.master.tkdn.filter(|_| self.listing.shows_tkdn)
    }

    /// BMP shown on the listing, in tenths of a percent: only beside a TKDN.
    pub(crate) fn bmp(&self) -> Option<u16> {
        self.master.bmp.filter(|_| self.tkdn().is_some())
    }

    /// Whether the product is made in Indonesia (the BBI label).
    pub(crate) fn bbi(&self) -> bool {
        !self.make.imported
    }
}
