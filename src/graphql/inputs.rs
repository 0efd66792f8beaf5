//! Input types of the search and compare arguments.

use super::codes;
use crate::normalize::pdn::PdnTier;
use crate::normalize::region;
use crate::search::{BuyerContext, OfferFilter, OfferSort, SearchParams};
use async_graphql::{Error, ErrorExtensions, ID, InputObject, Result};
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
    /// Only usaha mikro and kecil, by the vendor's scale as any of its accounts in the same
    /// answer states it (an account that leaves it unstated takes another's; see
    /// `RankingExplanation.scaleStatedBy`).
    #[graphql(default)]
    umk_only: bool,
    /// Only koperasi, by the legal form as any of the vendor's accounts in the answer states it.
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
    /// Kemendagri code of the delivery regency or city, dotted (`"35.71"`) or BPS style
    /// (`"3571"`), or of a province (`"35"`), read as `region(code:)` reads it. An unknown code is
    /// refused with `BAD_USER_INPUT` and `extensions.field: "buyer.regionCode"`.
    region_code: String,
}

impl BuyerContextInput {
    /// The buyer's region as `region(code:)` and the buyer page read it (`"3571"` is `"35.71"`);
    /// an unknown code is refused rather than ranking every offer as if it were far away.
    pub(super) fn resolve(self) -> Result<BuyerContext> {
        let code = self.region_code.trim();
        let region = region::by_code(code).ok_or_else(|| {
            Error::new(format!(
                "`buyer.regionCode` `{code}` is not a Kemendagri region code (e.g. \"35.71\" or \"35\")."
            ))
            .extend_with(|_, e| {
                e.set("code", codes::BAD_USER_INPUT);
                e.set("field", "buyer.regionCode");
            })
        })?;
        Ok(BuyerContext { region_code: region.code.to_string() })
    }
}

/// The buyer context of a `buyer` argument, checked.
pub(super) fn buyer_context(buyer: Option<BuyerContextInput>) -> Result<Option<BuyerContext>> {
    buyer.map(BuyerContextInput::resolve).transpose()
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
) -> Result<SearchParams> {
    Ok(SearchParams {
        query,
        filter: filter.unwrap_or_default().into(),
        sort: sort.unwrap_or_default(),
        buyer: buyer_context(buyer)?,
        first: u32::try_from(first.unwrap_or(20)).unwrap_or(0),
        after,
        bypass_cache: no_cache.unwrap_or(false),
    })
}
