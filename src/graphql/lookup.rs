//! Reference lookups: regions and the price reader, exposed so integrators see what Pasar reads.

use crate::normalize::price::{self, ParsedPrice, Precision};
use crate::normalize::region::{self, Region, RegionLevel};
use crate::normalize::rupiah::format_rupiah;
use async_graphql::{Enum, Object};
use rust_decimal::Decimal;

/// An administrative region with its Kemendagri code.
pub(super) struct RegionView(pub(super) &'static Region);

/// An Indonesian region (province, city or regency) by its Kemendagri code.
#[Object(name = "Region", serial)]
impl RegionView {
    /// Kemendagri code: `"35"` for a province, `"35.71"` for a regency or city.
    async fn code(&self) -> &str {
        self.0.code
    }
    /// Display name (`"Kota Kediri"`, `"Kabupaten Kediri"`, `"Jawa Timur"`).
    async fn name(&self) -> &str {
        self.0.name
    }
    /// Province, regency (kabupaten) or city (kota).
    async fn level(&self) -> RegionLevelView {
        self.0.level.into()
    }
    /// The province it lies in (itself for a province).
    async fn province(&self) -> Option<RegionView> {
        region::province_of(self.0).map(RegionView)
    }
}

/// Level of a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(name = "RegionLevel")]
pub(super) enum RegionLevelView {
    /// Provinsi.
    Province,
    /// Kabupaten.
    Regency,
    /// Kota.
    City,
}

impl RegionLevelView {
    /// The region table's level.
    pub(super) fn level(self) -> RegionLevel {
        match self {
            Self::Province => RegionLevel::Province,
            Self::Regency => RegionLevel::Regency,
            Self::City => RegionLevel::City,
        }
    }
}

impl From<RegionLevel> for RegionLevelView {
    fn from(level: RegionLevel) -> Self {
        match level {
            RegionLevel::Province => Self::Province,
            RegionLevel::Regency => Self::Regency,
            RegionLevel::City => Self::City,
        }
    }
}

/// A region by code, dotted (`"35.71"`) or BPS style (`"3571"`).
pub(super) fn region_by_code(code: &str) -> Option<RegionView> {
    region::by_code(code).map(RegionView)
}

/// Every region free text may mean: one when certain, several when ambiguous, none when unknown.
pub(super) fn resolve_region(text: &str) -> Vec<RegionView> {
    region::resolve(text).candidates().into_iter().map(RegionView).collect()
}

/// How a price text was read.
pub(super) struct ParsedPriceView(pub(super) ParsedPrice);

/// Whether an amount is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(name = "PricePrecision")]
pub(super) enum PrecisionView {
    /// Written out in full.
    Exact,
    /// Read from a compact display form (`"1,25 jt"`); never use it for totals.
    Approximate,
}

/// Reads a price text as the gateway would (Indonesian conventions).
pub(super) fn parse_price(text: &str) -> ParsedPriceView {
    ParsedPriceView(price::parse_price(text, price::Locale::Id))
}

/// A price text read exactly as Pasar reads marketplace prices, with every caveat.
#[Object(name = "ParsedPrice", serial)]
impl ParsedPriceView {
    /// The amount in rupiah; null when no reading is defensible or the amount is a placeholder
    /// (zero, or Rp 1 to Rp 10: `ZERO`, `PLACEHOLDER`). A separator read by policy gives an
    /// amount with `AMBIGUOUS_SEPARATOR`.
    async fn amount(&self) -> Option<Decimal> {
        self.0.amount
    }
    /// Upper bound when the text gives a range; `amount` is then the lower bound.
    async fn range_max(&self) -> Option<Decimal> {
        self.0.range_max
    }
    /// How the amount is written: `EXACT` in full, `APPROXIMATE` in a compact form; null when
    /// there is no amount (a text with no price in it is neither). Whether the amount is firm (a
    /// separator read by policy, a range's lower bound) is `exact`, not this.
    async fn precision(&self) -> Option<PrecisionView> {
        self.0.amount?;
        Some(match self.0.precision {
            Precision::Exact => PrecisionView::Exact,
            Precision::Approximate => PrecisionView::Approximate,
        })
    }
    /// Whether `amount` is a firm price, as an offer's `Price.exact` would say: false for a
    /// compact form, a range's lower bound or a separator read by policy; null without an
    /// amount.
    async fn exact(&self) -> Option<bool> {
        self.0.amount.map(|_| self.0.is_firm())
    }
    /// The unit the price is per (`"rim"` from `"Rp 75.000/rim"`).
    async fn per_unit(&self) -> Option<&str> {
        self.0.per_unit.as_deref()
    }
    /// Whether the text says PPN is included; null when it does not say.
    async fn includes_vat(&self) -> Option<bool> {
        self.0.includes_vat
    }
    /// Whether the text says the seller is PKP: false for `non-PKP` (it charges no PPN, so
    /// `amount` is the price with and without it); null when the text does not say.
    async fn seller_pkp(&self) -> Option<bool> {
        self.0.pkp
    }
    /// The amount written Indonesian style.
    async fn formatted(&self) -> Option<String> {
        self.0.amount.map(format_rupiah)
    }
    /// Every caveat, with stable codes.
    async fn issues(&self) -> Vec<PriceIssueView<'_>> {
        self.0.issues.iter().map(PriceIssueView).collect()
    }
}

/// One caveat about a price text.
pub(super) struct PriceIssueView<'a>(&'a price::PriceIssue);

/// Something doubtful about a price text (a range, a missing currency, an unclear tax basis).
#[Object(name = "PriceIssue", serial)]
impl PriceIssueView<'_> {
    /// Stable code, one of the price codes listed on `NormalizationIssue.code`
    /// (`AMBIGUOUS_SEPARATOR`, `COMPACT_APPROXIMATE`, …).
    async fn code(&self) -> &str {
        self.0.code.code()
    }
    /// Explanation.
    async fn message(&self) -> &str {
        &self.0.message
    }
}
