//! Input types of the search and compare arguments.

use super::codes;
use crate::normalize::echo::{echoed, has_hidden};
use crate::normalize::pdn::PdnTier;
use crate::normalize::price::MAX_AMOUNT;
use crate::normalize::region;
use crate::search::{BuyerContext, OfferFilter, OfferSort, SearchParams};
use async_graphql::{Error, ErrorExtensions, ID, InputObject, Result};
use rust_decimal::Decimal;

/// Conditions an offer must meet. A marketplace whose adapter declares a condition as an upstream
/// filter applies it itself (the bundled `ekatalog` does for prices and TKDN); every other
/// condition is applied by the gateway after normalisation, and then `totalCount` is not exact
/// (`totalCountExact: false`, which says what it counts then).
#[derive(Debug, Clone, Default, InputObject)]
#[graphql(name = "OfferFilter")]
pub(super) struct OfferFilterInput {
    /// Only ask these marketplaces (by id); all enabled marketplaces when omitted. An empty list
    /// is refused with `BAD_USER_INPUT` (`extensions.field: "filter.marketplaces"`): it would ask
    /// nothing and call that answer complete.
    marketplaces: Option<Vec<ID>>,
    /// Lowest price of a pack, in rupiah (including PPN unless `priceExcludesVat`); 0 to 10000000000000 (Rp 10 triliun), another value is refused (`BAD_USER_INPUT`).
    min_price: Option<Decimal>,
    /// Highest price of a pack, in rupiah (including PPN unless `priceExcludesVat`); 0 to 10000000000000 (Rp 10 triliun), another value is refused (`BAD_USER_INPUT`).
    /// A price quoted as a range passes `minPrice` and `maxPrice` only when both its ends do
    /// (`Rp 100rb - Rp 120rb` is not under a `maxPrice` of 110000).
    max_price: Option<Decimal>,
    /// Compare `minPrice`/`maxPrice` with the amount excluding PPN.
    #[graphql(default)]
    price_excludes_vat: bool,
    /// Lowest TKDN, percent (0 to 100; another value is refused, `BAD_USER_INPUT`). The TKDN
    /// filters read the TKDN the listing itself states (`Offer.tkdn`, `Offer.pdnTier`): a listing
    /// that states none (Bela and PaDi UMKM publish none) is left out, even where the policy order
    /// reads it with the TKDN of another listing of the same product (`RankingExplanation.tkdn`,
    /// `tkdnStatedBy`, `pdnTier`), which is a reading across the answer, not the listing's own.
    min_tkdn: Option<Decimal>,
    /// Lowest TKDN + BMP, percent (0 to 100), as the listing states them (see `minTkdn`).
    min_tkdn_plus_bmp: Option<Decimal>,
    /// Only offers in these PDN tiers, by the TKDN the listing states (see `minTkdn`).
    pdn_tiers: Option<Vec<PdnTier>>,
    /// Only usaha mikro and kecil, by the vendor's scale as any of its accounts in the same
    /// answer states it (an account that leaves it unstated takes another's; see
    /// `RankingExplanation.scaleStatedBy`).
    #[graphql(default)]
    umk_only: bool,
    /// Only koperasi, by the legal form as any of the vendor's accounts in the answer states it.
    #[graphql(default)]
    koperasi_only: bool,
    /// Only offers sold from an office in this region (`Offer.officeRegion`, not the merged
    /// `vendor.region`): a Kemendagri code, dotted (`"35.71"`) or BPS style (`"3571"`);
    /// a province code (`"35"`) includes its regencies and cities, and a listing whose place names
    /// several regions, all within the one asked, is kept too. An unknown code is refused
    /// with `BAD_USER_INPUT` and `extensions.field: "filter.vendorRegion"`.
    vendor_region: Option<String>,
    /// Only offers in stock: those whose availability is in stock or limited, or, where a
    /// marketplace states no availability, a stock above zero.
    #[graphql(default)]
    in_stock: bool,
}

/// A filter's conditions, checked: a percentage outside 0–100, or a price below 0 or above the
/// largest amount Pasar reads (Rp 10 triliun) matches nothing a buyer could mean, and a
/// marketplace refused such a price with a 400 that showed as the marketplace failing (review38h
/// R38h-1). The buyer page refuses the same values.
pub(super) fn offer_filter(filter: Option<OfferFilterInput>) -> Result<OfferFilter> {
    let filter = filter.unwrap_or_default();
    let percent = |value: Option<Decimal>| value.is_none_or(|v| (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&v));
    let rupiah = |value: Option<Decimal>| value.is_none_or(|v| (Decimal::ZERO..=MAX_AMOUNT).contains(&v));
    let refused = [
        ("filter.minTkdn", percent(filter.min_tkdn), "a percentage from 0 to 100"),
        ("filter.minTkdnPlusBmp", percent(filter.min_tkdn_plus_bmp), "a percentage from 0 to 100"),
        ("filter.minPrice", rupiah(filter.min_price), "an amount from 0 to 10000000000000 rupiah (Rp 10 triliun)"),
        ("filter.maxPrice", rupiah(filter.max_price), "an amount from 0 to 10000000000000 rupiah (Rp 10 triliun)"),
    ]
    .into_iter()
    .find(|(_, fits, _)| !fits);
    if let Some((field, _, wanted)) = refused {
        return Err(refusal(format!("`{field}` must be {wanted}"), field));
    }
    if let (Some(min), Some(max)) = (filter.min_price, filter.max_price)
        && min > max
    {
        // No price lies between them: the search would answer nothing under a large count.
        return Err(refusal(format!("`filter.minPrice` {min} is above `filter.maxPrice` {max}"), "filter.minPrice"));
    }
    if filter.marketplaces.as_ref().is_some_and(Vec::is_empty) {
        let said = "`filter.marketplaces` must name at least one marketplace, or be left out to ask them all";
        return Err(refusal(said.to_string(), "filter.marketplaces"));
    }
    let mut filter = OfferFilter::from(filter);
    if let Some(code) = filter.vendor_region.take() {
        // Read as `region(code:)` reads it, so "3571" finds the vendors of "35.71"; an unknown
        // code matched no vendor and answered nothing under a large `totalCount`.
        let region = region::by_code(code.trim()).ok_or_else(|| {
            let said = format!(
                "`filter.vendorRegion` `{}` is not the Kemendagri code of a province or a kabupaten/kota \
                 (e.g. \"35.71\" or \"35\"; vendors are placed no finer).",
                echoed(&code)
            );
            refusal(said, "filter.vendorRegion")
        })?;
        filter.vendor_region = Some(region.code.to_string());
    }
    Ok(filter)
}

/// Refuses a client's free text holding a control or text-direction character (a NUL, an
/// escape, U+202E), by the check the buyer pages refuse a search text with: a marketplace would
/// be asked for it, and it travels back into titles, logs and terminals. A tab or a line break
/// stays as written, as on the pages.
pub(super) fn plain_text(text: &str, field: &'static str) -> Result<()> {
    if !has_hidden(text) {
        return Ok(());
    }
    Err(refusal(format!("`{field}` holds a control or text-direction character: \"{}\"", echoed(text)), field))
}

fn refusal(message: String, field: &'static str) -> Error {
    Error::new(message).extend_with(|_, e| {
        e.set("code", codes::BAD_USER_INPUT);
        e.set("field", field);
    })
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
                "`buyer.regionCode` `{}` is not a Kemendagri region code (e.g. \"35.71\" or \"35\").",
                echoed(code)
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
    plain_text(&query, "query")?;
    let sort = sort.unwrap_or_default();
    // Policy order ranks locality to the buyer; without one it would rank every offer as of
    // unknown locality and still look like the order the rules ask for.
    if sort == OfferSort::Policy && buyer.is_none() {
        let said = "`sort: POLICY` ranks by locality to the buyer: give `buyer: { regionCode }`.".to_string();
        return Err(refusal(said, "buyer"));
    }
    Ok(SearchParams {
        query,
        filter: offer_filter(filter)?,
        sort,
        buyer: buyer_context(buyer)?,
        first: u32::try_from(first.unwrap_or(20)).unwrap_or(0),
        after,
        bypass_cache: no_cache.unwrap_or(false),
    })
}
