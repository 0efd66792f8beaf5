//! Input types of the search and compare arguments.

use crate::normalize::pdn::PdnTier;
use crate::search::{BuyerContext, OfferFilter, OfferSort, SearchParams};
use async_graphql::{ID, InputObject};
use rust_decimal::Decimal;

/// Conditions an offer must meet. A marketplace whose adapter declares a condition as an upstream
/// filter applies it itself (the bundled `ekatalog` does for prices and TKDN); every other
/// condition is applied by the gateway after normalisation, and then `totalCount` is a lower
/// bound (`totalCountExact: false`).
#[derive(Debug, Clone, Default, InputObject)]
#[graphql(name = "OfferFilter")]
pub(super) struct OfferFilterInput {
    /// Only ask these marketplaces (by id); all enabled marketplaces when omitted.
    marketplaces: Option<Vec<ID>>,
    /// Lowest price of a pack, in rupiah (including PPN unless `priceExcludesVat`).
    min_price: Option<Decimal>,
    /// Highest price of a pack, in rupiah (including PPN unless `priceExcludesVat`).
    max_price: Option<Decimal>,
    /// Compare `minPrice`/`maxPrice` with the amount excluding PPN.
    #[graphql(default)]
    price_excludes_vat: bool,
    /// Lowest TKDN, percent.
    min_tkdn: Option<Decimal>,
    /// Lowest TKDN + BMP, percent.
    min_tkdn_plus_bmp: Option<Decimal>,
    /// Only offers in these PDN tiers.
    pdn_tiers: Option<Vec<PdnTier>>,
    /// Only usaha mikro and kecil.
    #[graphql(default)]
    umk_only: bool,
    /// Only koperasi.
    #[graphql(default)]
    koperasi_only: bool,
    /// Only vendors in this region: a province code (`"35"`) includes its regencies and cities.
    vendor_region: Option<String>,
    /// Only offers that state a stock above zero.
    #[graphql(default)]
    in_stock: bool,
}

impl From<OfferFilterInput> for OfferFilter {
    fn from(input: OfferFilterInput) -> Self {
        Self {
            marketplaces: input.marketplaces.map(|ids| ids.into_iter().map(|id| id.0).collect()),
            min_price: input.min_price,
            max_price: input.max_price,
            price_excludes_vat: input.price_excludes_vat,
            min_tkdn: input.min_tkdn,
            min_tkdn_plus_bmp: input.min_tkdn_plus_bmp,
            pdn_tiers: input.pdn_tiers,
            umk_only: input.umk_only,
            koperasi_only: input.koperasi_only,
            vendor_region: input.vendor_region,
            in_stock: input.in_stock,
        }
    }
}

/// Who is buying: locality in policy ranking is measured from here.
#[derive(Debug, Clone, InputObject)]
#[graphql(name = "BuyerContext")]
pub(super) struct BuyerContextInput {
    /// Kemendagri code of the delivery regency or city (`"35.71"`), or of a province (`"35"`).
    region_code: String,
}

impl From<BuyerContextInput> for BuyerContext {
    fn from(input: BuyerContextInput) -> Self {
        Self { region_code: input.region_code.trim().to_string() }
    }
}

/// A search's arguments as the search service takes them; `search` and `searchStream` share it.
pub(super) fn search_params(
    query: String,
    filter: Option<OfferFilterInput>,
    sort: Option<OfferSort>,
    first: Option<i32>,
    after: Option<String>,
    no_cache: Option<bool>,
    buyer: Option<BuyerContextInput>,
) -> SearchParams {
    SearchParams {
        query,
        filter: filter.unwrap_or_default().into(),
        sort: sort.unwrap_or_default(),
        buyer: buyer.map(Into::into),
        first: u32::try_from(first.unwrap_or(20)).unwrap_or(0),
        after,
        bypass_cache: no_cache.unwrap_or(false),
    }
}
