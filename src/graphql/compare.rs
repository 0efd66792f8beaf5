//! The compare result: product groups across marketplaces.

use super::marketplace::{MarketplaceView, marketplace};
use crate::model::Offer;
use crate::normalize::product::MatchExplanation;
use crate::search::{CompareOutcome, Explanation, ProductGroup, SourceReport, group_title};
use async_graphql::{Context, Object, Result};
use rust_decimal::Decimal;

/// Offers grouped into products.
pub(super) struct CompareResult(pub(super) CompareOutcome);

#[Object]
impl CompareResult {
    /// Products, those carried by most marketplaces first.
    async fn groups(&self) -> Vec<GroupView<'_>> {
        self.0.groups.iter().map(GroupView).collect()
    }
    /// One report per marketplace asked, failed or not.
    async fn sources(&self) -> &[SourceReport] {
        &self.0.sources.reports
    }
    /// True only when every marketplace answered fresh.
    async fn complete(&self) -> bool {
        self.0.sources.complete()
    }
}

/// Offers that are the same product (same brand, kind and decisive specs), whatever the pack.
pub(super) struct GroupView<'a>(&'a ProductGroup);

#[Object(name = "ProductGroup")]
impl GroupView<'_> {
    /// A title built from what the offers' titles agree on.
    async fn title(&self) -> String {
        group_title(&self.0.key)
    }
    /// The brand, when the titles name one.
    async fn brand(&self) -> Option<&str> {
        self.0.key.brand.as_deref()
    }
    /// The decisive specifications (`"a4"`, `"80gsm"`).
    async fn specs(&self) -> &[String] {
        &self.0.key.specs
    }
    /// The offers, cheapest per base unit first, or in policy order when a buyer was given.
    async fn offers(&self) -> Vec<&Offer> {
        self.0.offers.iter().map(|(o, _)| o).collect()
    }
    /// The offers with why each ranks where it does (present when a buyer was given).
    async fn ranked(&self) -> Vec<RankedOffer<'_>> {
        self.0.offers.iter().map(|(offer, ranking)| RankedOffer { offer, ranking: ranking.as_ref() }).collect()
    }
    /// The cheapest offer per base unit, including PPN.
    async fn cheapest(&self) -> Option<&Offer> {
        self.0.cheapest()
    }
    /// Lowest price per base unit including PPN.
    async fn unit_price_min(&self) -> Option<Decimal> {
        self.0.unit_prices.first().copied()
    }
    /// Median price per base unit including PPN (the lower middle for an even count).
    async fn unit_price_median(&self) -> Option<Decimal> {
        self.0.median_unit_price()
    }
    /// Highest price per base unit including PPN.
    async fn unit_price_max(&self) -> Option<Decimal> {
        self.0.unit_prices.last().copied()
    }
    /// Marketplaces that carry it.
    async fn marketplaces(&self, ctx: &Context<'_>) -> Result<Vec<MarketplaceView>> {
        self.0.marketplaces.iter().map(|id| marketplace(ctx, id)).collect()
    }
    /// Why these offers were put together: what every title shares.
    async fn matched(&self) -> MatchView<'_> {
        MatchView(&self.0.matched)
    }
}

/// An offer in a group and its ranking.
pub(super) struct RankedOffer<'a> {
    offer: &'a Offer,
    ranking: Option<&'a Explanation>,
}

#[Object]
impl RankedOffer<'_> {
    /// The offer.
    async fn offer(&self) -> &Offer {
        self.offer
    }
    /// Why it ranks where it does.
    async fn ranking(&self) -> Option<&Explanation> {
        self.ranking
    }
}

/// How the matcher decided.
pub(super) struct MatchView<'a>(&'a MatchExplanation);

#[Object(name = "MatchExplanation")]
impl MatchView<'_> {
    /// Title words every offer shares.
    async fn matched_tokens(&self) -> &[String] {
        &self.0.matched_tokens
    }
    /// Decisive specifications every offer shares.
    async fn matched_specs(&self) -> &[String] {
        &self.0.matched_specs
    }
    /// Differences that were judged not to matter (or conflicts, when any).
    async fn conflicts(&self) -> &[String] {
        &self.0.conflicts
    }
    /// Lowest pairwise similarity in the group, 0 to 1.
    async fn score(&self) -> f64 {
        self.0.score
    }
}
