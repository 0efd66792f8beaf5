//! Each marketplace's listing ids, seller ids and titles, chosen by kind: for the search index
//! and the ground truth, which speak for every marketplace. The handlers call their own module's
//! functions directly, so nothing under a marketplace depends on this file.

use super::bela;
use super::ekatalog;
use super::jatim_bejo;
use super::kind::MarketplaceKind;
use super::listing::ListingView;
use super::mbiz;
use super::padi;
use super::padi_text;

impl MarketplaceKind {
    /// The marketplace's id for listing `index` (0-based).
    pub(crate) fn listing_id(self, index: usize) -> String {
        match self {
            Self::Mbiz => mbiz::listing_id(index),
            Self::JatimBejo => jatim_bejo::listing_id(index),
            Self::Ekatalog => ekatalog::listing_id(index),
            Self::PadiUmkm => padi::listing_id(index),
            Self::Bela => bela::listing_id(index),
        }
    }

    /// The marketplace's id for the seller account numbered `number` (1-based).
    pub(crate) fn account_id(self, number: usize) -> String {
        match self {
            Self::Mbiz => mbiz::account_id(number),
            Self::JatimBejo => jatim_bejo::account_id(number),
            Self::Ekatalog => ekatalog::account_id(number),
            Self::PadiUmkm => padi::account_id(number),
            Self::Bela => bela::account_id(number),
        }
    }

    /// Where listing `index` has its page on this marketplace (a path; its `url` adds the
    /// sandbox's own address).
    pub(crate) fn listing_path(self, view: &ListingView<'_>, index: usize) -> String {
        match self {
            Self::Mbiz => mbiz::listing_path(index),
            Self::JatimBejo => jatim_bejo::listing_path(index),
            Self::Ekatalog => ekatalog::listing_path(view, index),
            Self::PadiUmkm => padi::listing_path(index),
            Self::Bela => bela::listing_path(index),
        }
    }

    /// The listing's title as this marketplace words it.
    pub(crate) fn title(self, view: &ListingView<'_>) -> String {
        match self {
            Self::Mbiz => mbiz::title(view),
            Self::JatimBejo => jatim_bejo::title(view),
            Self::Ekatalog => ekatalog::title(view),
            Self::PadiUmkm => padi_text::title(view),
            Self::Bela => bela::title(view),
        }
    }

    /// The PPN rate in percent this marketplace's listing is really charged: 11 for a PKP
    /// vendor, 0 for the others and, on `bela`, for staples and catering under PBJT.
    pub(crate) fn vat_percent(self, view: &ListingView<'_>) -> u64 {
        match self {
            Self::Bela => bela::vat_percent(view),
            Self::Mbiz | Self::JatimBejo | Self::Ekatalog | Self::PadiUmkm => view.vat_percent(),
        }
    }
}
