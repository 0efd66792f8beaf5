//! The compare result: product groups across marketplaces.

use super::count::clamp_i32;
use super::marketplace::{MarketplaceView, marketplace};
use super::serial::Serial;
use crate::model::Offer;
use crate::normalize::product::{MATCHER_VERSION, MatchExplanation};
use crate::search::{CompareOutcome, Coverage, Explanation, NearGroup, ProductGroup, SourceReport, Uncounted};
use async_graphql::{Context, ErrorExtensions, Object, Result};
use rust_decimal::Decimal;

/// Offers grouped into products.
pub(super) struct CompareResult(pub(super) CompareOutcome);

/// Offers grouped into products across marketplaces, with what each marketplace did.
#[Object(serial)]
impl CompareResult {
    /// Products, those carried by most marketplaces first.
    async fn groups(&self) -> Serial<GroupView<'_>> {
        self.0.groups.iter().map(GroupView).collect()
    }
    /// One report per marketplace asked, failed or not.
    async fn sources(&self) -> &[SourceReport] {
        &self.0.sources.reports
    }
    /// True when every selected marketplace contributed an answer within its freshness rules, as
    /// `SearchResult.complete` says.
    async fn complete(&self) -> bool {
        self.0.sources.complete()
    }
    /// How much of each answering marketplace's matches was grouped: a comparison groups each
    /// marketplace's first 100 matching offers, and says here whether more exist.
    async fn coverage(&self) -> Serial<CoverageView<'_>> {
        self.0.coverage.iter().map(CoverageView).collect()
    }
}

/// How much of one marketplace's matches a comparison grouped.
pub(super) struct CoverageView<'a>(&'a Coverage);

/// How much of one marketplace's matches a comparison grouped, and whether more exist.
#[Object(name = "CompareCoverage", serial)]
impl CoverageView<'_> {
    /// The marketplace.
    async fn marketplace(&self, ctx: &Context<'_>) -> Result<MarketplaceView> {
        marketplace(ctx, &self.0.marketplace)
    }
    /// Its matching offers that were grouped (of its first 100, those the filters kept, the
    /// vendor filters `umkOnly` and `koperasiOnly` too).
    async fn grouped(&self) -> i32 {
        clamp_i32(self.0.grouped)
    }
    /// Whether it has matching offers beyond those, which this comparison did not group; also
    /// when it states more than its pages reach (its report in `sources` says `ignoresPaging`).
    async fn more(&self) -> bool {
        self.0.more
    }
}

/// Offers that are the same product (same brand, kind and decisive specs), whatever the pack.
pub(super) struct GroupView<'a>(&'a ProductGroup);

/// Offers that are the same product (same brand, kind and decisive specs), whatever the pack.
#[Object(name = "ProductGroup", serial)]
impl GroupView<'_> {
    /// A stable id of this group: the same offers (by marketplace and listing id) grouped by the
    /// same `matcherVersion` get the same id in every request and on every instance, so a file
    /// can cite the grouping it used.
    async fn group_id(&self) -> &str {
        &self.0.id
    }
    /// The version of the matching rules that grouped these offers; part of `groupId`.
    async fn matcher_version(&self) -> &'static str {
        MATCHER_VERSION
    }
    /// A title built from what the offers' titles agree on: kind, brand and decisive specs, then
    /// the words that tell it apart from another group of this answer that would read the same.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// The brand, when a brand table knows it or an offer of the group states it; a word the
    /// title reader merely does not know (`Lengan` of `Lengan Panjang`) is not called a brand.
    async fn brand(&self) -> Option<&str> {
        self.0.brand()
    }
    /// The decisive specifications every offer of the group states (`"a4"`, `"80gsm"`).
    async fn specs(&self) -> &[String] {
        &self.0.key.specs
    }
    /// The offers, cheapest per base unit first, or in policy order when a buyer was given.
    async fn offers(
        &self,
        #[graphql(desc = "At most this many offers (0 or more); all when omitted.")] first: Option<i32>,
    ) -> Result<Vec<&Offer>> {
        Ok(self.0.offers.iter().take(limit(first)?).map(|(o, _)| o).collect())
    }
    /// How many offers the group has, however many `offers(first:)` lists.
    async fn offer_count(&self) -> i32 {
        i32::try_from(self.0.offers.len()).unwrap_or(i32::MAX)
    }
    /// The offers with why each ranks where it does (present when a buyer was given).
    async fn ranked(
        &self,
        #[graphql(desc = "At most this many offers (0 or more); all when omitted.")] first: Option<i32>,
    ) -> Result<Serial<RankedOffer<'_>>> {
        let offers = self.0.offers.iter().take(limit(first)?);
        Ok(offers.map(|(offer, ranking)| RankedOffer { offer, ranking: ranking.as_ref() }).collect())
    }
    /// The cheapest offer per base unit, including PPN, among offers with a confident unit price
    /// in the group's most common base unit, exact prices before approximate ones; null when none
    /// has one.
    async fn cheapest(&self) -> Option<&Offer> {
        self.0.cheapest()
    }
    /// Lowest price per base unit including PPN, over the same offers as `cheapest`.
    async fn unit_price_min(&self) -> Option<Decimal> {
        self.0.unit_prices.first().copied()
    }
    /// Median price per base unit including PPN over the same offers as `cheapest`, as
    /// spreadsheets compute it (Excel's MEDIAN): the middle value, or for an even count the mean
    /// of the two middle values (then not necessarily any offer's price). The buyer's price survey
    /// uses the same definition.
    async fn unit_price_median(&self) -> Option<Decimal> {
        self.0.median_unit_price()
    }
    /// The unit prices including PPN that `unitPriceMin`, `unitPriceMedian` and `unitPriceMax` are
    /// computed over (the offers `cheapest` considers), ascending.
    async fn unit_prices(&self) -> &[Decimal] {
        &self.0.unit_prices
    }
    /// Highest price per base unit including PPN, over the same offers as `cheapest`.
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
    /// Groups of the same kind that look most alike (at most three) but were kept apart, each with
    /// what differs decisively.
    async fn near(&self) -> Serial<NearView<'_>> {
        self.0.near.iter().map(NearView).collect()
    }
    /// How many of the offers `cheapest` and the unit-price range leave out, by why; empty when
    /// every offer is counted.
    async fn uncounted(&self) -> Vec<UncountedOffers> {
        self.0.uncounted.iter().map(|&(reason, n)| UncountedOffers { reason, count: clamp_i32(n) }).collect()
    }
}

/// Offers of a group left out of its unit-price comparison for one reason.
#[derive(async_graphql::SimpleObject)]
pub(super) struct UncountedOffers {
    /// Why they are left out.
    reason: Uncounted,
    /// How many.
    count: i32,
}

/// A list limit from `first`: none when omitted, refused when negative.
fn limit(first: Option<i32>) -> Result<usize> {
    match first {
        None => Ok(usize::MAX),
        Some(n) => usize::try_from(n).map_err(|_| {
            async_graphql::Error::new(format!("`first` must be 0 or more, not {n}."))
                .extend_with(|_, e| e.set("code", super::codes::BAD_USER_INPUT))
        }),
    }
}

/// An offer in a group and its ranking.
pub(super) struct RankedOffer<'a> {
    offer: &'a Offer,
    ranking: Option<&'a Explanation>,
}

/// An offer in a product group and why it ranks where it does.
#[Object(serial)]
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

/// Why the matcher put a group's offers together.
#[Object(name = "MatchExplanation", serial)]
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

/// A group kept apart from this one.
pub(super) struct NearView<'a>(&'a NearGroup);

/// A group of the same kind that looks alike but was kept apart, and why.
#[Object(name = "NearGroup", serial)]
impl NearView<'_> {
    /// The other group's `groupId`.
    async fn group_id(&self) -> &str {
        &self.0.id
    }
    /// The other group's title.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// The two compared: `conflicts` lists what kept them apart.
    async fn apart(&self) -> MatchView<'_> {
        MatchView(&self.0.apart)
    }
}
