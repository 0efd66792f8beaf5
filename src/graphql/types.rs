//! GraphQL object types over the unified model.
//!
//! The model stays plain Rust; resolvers here decide how it is shown (ids, formatting, lookups).

use super::count::clamp_i32;
use super::lookup::{RegionView, region_by_code};
use super::marketplace::{MarketplaceView, marketplace};
use super::offer_age;
use super::serial::{Lean, Serial};
use super::vendor::VendorView;
use crate::model::{Availability, Issue, Offer, PackDerivation, Price, Seller, Unit, UnitPrice};
use crate::normalize::pdn::{self, PdnTier};
use crate::search::{CacheStatus, Edge, Explanation, SearchOutcome, SearchService, SourceReport, SourceStatus};
use async_graphql::{Context, ID, Object, SimpleObject};
use rust_decimal::Decimal;

/// The answer to a federated search.
pub(super) struct SearchResult {
    outcome: SearchOutcome,
}

impl SearchResult {
    pub(super) fn new(outcome: SearchOutcome) -> Self {
        Self { outcome }
    }
}

/// The answer to a federated search: merged offers plus one report per marketplace.
#[Object(serial)]
impl SearchResult {
    /// The merged offers, one page.
    async fn offers(&self) -> OfferConnection<'_> {
        OfferConnection(&self.outcome)
    }
    /// One report per marketplace asked, failed or not.
    async fn sources(&self) -> &[SourceReport] {
        &self.outcome.sources.reports
    }
    /// True when every marketplace asked contributed an answer within its freshness rules: fresh
    /// (`OK`), or `STALE` within its stale-while-revalidate window while one refresh runs and none
    /// has failed. False when one failed, was switched off, or was served stale because it failed
    /// (stale-if-error, or a refresh that failed; `errors` then lists the failure with its
    /// `MARKETPLACE_…` code). Each source's `status` and `cache` stay visible either way.
    async fn complete(&self) -> bool {
        self.outcome.sources.complete()
    }
}

/// A Relay connection of offers.
pub(super) struct OfferConnection<'a>(&'a SearchOutcome);

/// A page of merged offers (Relay connection).
#[Object(serial)]
impl OfferConnection<'_> {
    /// The offers of this page with their cursors.
    async fn edges(&self) -> Serial<Lean<OfferEdge<'_>>> {
        self.0.edges.iter().map(|edge| Lean(OfferEdge(edge))).collect()
    }
    /// Where this page sits.
    async fn page_info(&self) -> PageInfo {
        PageInfo {
            has_next_page: self.0.has_next_page,
            has_previous_page: self.0.has_previous_page,
            start_cursor: self.0.edges.first().map(|e| e.cursor.encode()),
            end_cursor: self.0.edges.last().map(|e| &e.cursor).or(self.0.retry_cursor.as_ref()).map(|c| c.encode()),
        }
    }
    /// Matching offers across the marketplaces that answered: the count each marketplace
    /// states (at least what paging has read of its list, where it states none or fewer),
    /// replaced by the offers delivered when paging reached its end. Paging may deliver fewer:
    /// see `reachableCount`.
    async fn total_count(&self) -> i32 {
        clamp_i32(self.0.total_count)
    }
    /// False when a filter ran in the gateway, when a marketplace states only an estimate of its
    /// matches (about 1,230) and paging did not reach its end, or when a marketplace listed items
    /// that were left out (unreadable, or repeating an id) where this page could not count them
    /// all (its count is of places in the list, not of offers). After a gateway filter, in
    /// relevance order `totalCount` is the marketplaces' count before it (at most that many
    /// match; a filter few offers pass can leave an empty page below a large count), and in the
    /// orders the gateway sorts it is the window's offers that passed it.
    async fn total_count_exact(&self) -> bool {
        self.0.total_count_exact
    }
    /// Offers that walking `after` from the first page to the last delivers. In relevance order:
    /// every match, up to the paging depth limit per marketplace (1000). In the orders sorted by
    /// the gateway: the offers of the sorted window (see `window`), all of which paging reaches.
    /// Built on the same stated counts as `totalCount`, so an estimate too when that one is.
    async fn reachable_count(&self) -> i32 {
        clamp_i32(self.0.reachable_count)
    }
    /// In orders sorted by the gateway (price, TKDN, policy), how many of each marketplace's
    /// first matching offers are sorted (200); offers past it are not reachable in that order.
    /// Null in relevance order, which reaches every match.
    async fn window(&self) -> Option<i32> {
        self.0.window.map(clamp_i32)
    }
}

/// An offer and its cursor.
pub(super) struct OfferEdge<'a>(&'a Edge);

/// One offer of a page, with its cursor.
#[Object(serial)]
impl OfferEdge<'_> {
    /// Pass as `after` to get the offers following this one.
    async fn cursor(&self) -> String {
        self.0.cursor.encode()
    }
    /// The offer.
    async fn node(&self) -> Lean<&Offer> {
        Lean(&self.0.offer)
    }
    /// Why the offer ranks where it does; present with `sort: POLICY`.
    async fn ranking(&self) -> Option<&Explanation> {
        self.0.explanation.as_ref()
    }
}

/// Relay page information.
#[derive(SimpleObject)]
pub(super) struct PageInfo {
    /// Whether offers follow this page.
    has_next_page: bool,
    /// Whether offers precede this page.
    has_previous_page: bool,
    /// Cursor of the first offer of the page.
    start_cursor: Option<String>,
    /// Cursor of the last offer of the page. A later page left without offers because a
    /// marketplace failed where more were stated has the cursor of its own start: following
    /// `hasNextPage` asks for it again, once: if it fails again, `hasNextPage` is false. A page
    /// left without offers by the `umkOnly`/`koperasiOnly` filters, with listings after the ones
    /// it read, has the cursor of where it read to: the next page goes on from there. A
    /// marketplace read to the paging depth (1000) is left out of the pages after, which go on
    /// with the others.
    end_cursor: Option<String>,
}

/// What one marketplace did in one search: status, cache use, latency, offers, message.
#[Object(serial)]
impl SourceReport {
    /// The marketplace this report is about.
    async fn marketplace(&self, ctx: &Context<'_>) -> async_graphql::Result<MarketplaceView> {
        marketplace(ctx, &self.marketplace)
    }
    /// What happened. A failure on a page after the first keeps the offers of the pages before
    /// it: the status names the failure and `offerCount` counts those of them the page shows.
    async fn status(&self) -> SourceStatus {
        self.status
    }
    /// Whether the data came from the cache. A marketplace that failed on its first page
    /// reports what was served for it: `MISS` when nothing was, `STALE` when stale-if-error
    /// served its last good answer; never `HIT`. One that failed on a later page reports how
    /// the pages before it were served.
    async fn cache(&self) -> CacheStatus {
        self.cache
    }
    /// Time spent on this marketplace, in milliseconds.
    async fn latency_ms(&self) -> i32 {
        clamp_i32(self.latency_ms)
    }
    /// Offers it contributed. In a search, the offers of this page from it (of a streamed
    /// `MarketplaceAnswered`, the offers it carries), not the whole upstream pages read for it;
    /// in a comparison, its offers read for grouping, before the vendor filters (`coverage`
    /// counts those grouped).
    async fn offer_count(&self) -> i32 {
        clamp_i32(self.offer_count)
    }
    /// Age of the data served, in seconds: for a page fetched for this request, the time since
    /// its request was sent (0 for any marketplace answering within a second).
    async fn age_seconds(&self) -> i32 {
        clamp_i32(self.age_seconds)
    }
    /// What went wrong, in plain words, when something did.
    async fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
    /// The marketplace serves its first page whatever page is asked for (it does not page), so
    /// only that page was read: its offers beyond it cannot be reached through Pasar.
    async fn ignores_paging(&self) -> bool {
        self.ignores_paging
    }
}

/// One marketplace offer in the unified model: exact price, vendor, unit, TKDN, region.
#[Object(serial)]
impl Offer {
    /// Gateway-wide id, `"<marketplace>:<source id>"`.
    async fn id(&self) -> ID {
        ID(self.gateway_id())
    }
    /// The marketplace listing it.
    async fn marketplace(&self, ctx: &Context<'_>) -> async_graphql::Result<Lean<MarketplaceView>> {
        marketplace(ctx, &self.marketplace).map(Lean)
    }
    /// The listing's id on its marketplace.
    async fn source_id(&self) -> &str {
        &self.source_id
    }
    /// Title as plain text.
    async fn title(&self) -> &str {
        &self.title
    }
    /// Link to the listing (http or https only).
    async fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
    /// The price of one pack; null when the marketplace's price could not be read (see `issues`).
    async fn price(&self) -> Option<Lean<&Price>> {
        self.price.as_ref().map(Lean)
    }
    /// The pack the price is for.
    async fn unit(&self) -> &Unit {
        &self.unit
    }
    /// Price per base unit: the pack price divided by `unit.quantity`, to 4 decimals. Null when
    /// the pack size is unknown or the price unreadable — never the pack price passed off as a
    /// unit price. `unitPriceBasis` says how it was derived and whether comparisons use it.
    async fn unit_price(&self) -> Option<&Price> {
        self.unit_price.as_ref().map(|u| &u.price)
    }
    /// How `unitPrice` was derived and whether it is confident; null when `unitPrice` is.
    async fn unit_price_basis(&self) -> Option<UnitPriceBasis<'_>> {
        self.unit_price.as_ref().map(|unit_price| UnitPriceBasis { unit_price, note: self.unit.note })
    }
    /// Where the office selling this listing is, as the listing states it (its location read as
    /// one region); null when it states none, or a place that names several regions. The vendor
    /// filter (`filter.vendorRegion`), the buyer page and the survey read this office (the page
    /// and the survey also place it by another listing of the same office when this one's place
    /// names several regions, which the filter and this field do not); `vendor`
    /// is the business merged across its accounts, and its `region` that of the account it was
    /// first known by (a head office, for a vendor selling from branches).
    async fn office_region(&self) -> Option<Lean<RegionView>> {
        self.vendor.region_code.and_then(region_by_code).map(Lean)
    }
    /// The seller, merged with its accounts on other marketplaces.
    async fn vendor(&self, ctx: &Context<'_>) -> Lean<VendorView> {
        Lean(VendorView(ctx.data_unchecked::<SearchService>().vendors().vendor_of(&self.marketplace, &self.vendor)))
    }
    /// TKDN (domestic component level), percent.
    async fn tkdn(&self) -> Option<Decimal> {
        self.tkdn
    }
    /// BMP (company benefit weight), percent.
    async fn bmp(&self) -> Option<Decimal> {
        self.bmp
    }
    /// TKDN plus BMP, percent, when TKDN is known; at most 100.
    async fn tkdn_plus_bmp(&self) -> Option<Decimal> {
        pdn::tkdn_plus_bmp(self.tkdn, self.bmp)
    }
    /// Where the offer sits on the domestic-content cascade of Perpres 46/2025 Pasal 66, by
    /// the TKDN and BMP the listing itself states (`NO_TKDN` when it states none). The policy
    /// order may read a listing that states none with another listing's TKDN for the same
    /// product: that tier is `RankingExplanation.pdnTier`.
    async fn pdn_tier(&self) -> PdnTier {
        pdn::tier(self.tkdn, self.bmp)
    }
    /// Bangga Buatan Indonesia flag, where the marketplace states it.
    async fn bbi(&self) -> Option<bool> {
        self.bbi
    }
    /// Units in stock, where the marketplace states it; null above 2,147,483,647 (the most an
    /// `Int` holds), with an entry in `issues`.
    async fn stock(&self) -> Option<i32> {
        self.stock.and_then(|n| i32::try_from(n).ok())
    }
    /// Whether the offer can be ordered now, where the marketplace states it.
    async fn availability(&self) -> Option<Availability> {
        self.availability
    }
    /// The fewest packs the seller accepts in one order, where stated.
    async fn min_order(&self) -> Option<i32> {
        self.min_order.and_then(|n| i32::try_from(n).ok())
    }
    /// Brand, where the marketplace states it apart from the title.
    async fn brand(&self) -> Option<&str> {
        self.brand.as_deref()
    }
    /// Model or part number, where the marketplace states it apart from the title.
    async fn model(&self) -> Option<&str> {
        self.model.as_deref()
    }
    /// The seller's account on this marketplace as this listing states it; `vendor` is the
    /// business behind it, merged across marketplaces.
    async fn seller(&self) -> &Seller {
        &self.seller
    }
    /// What could not be read cleanly from the marketplace's data.
    async fn issues(&self) -> &[Issue] {
        &self.issues
    }
    /// When the gateway last read this offer, as it is here, from its marketplace: the time the
    /// request that brought it was sent, RFC 3339 in UTC to the second (`"2026-12-06T04:32:05Z"`);
    /// the marketplace held it then or later. An offer served from a cached page, or by
    /// `offer(id)`, shows when it was read, not when it was served; a later read of the listing
    /// unchanged moves it on. Never later than the read it reports (with instances sharing a
    /// cache, another instance's later read may not be counted yet). Null when not known.
    async fn read_at(&self) -> Option<String> {
        self.read_at.get().map(|at| humantime::format_rfc3339_seconds(at).to_string())
    }
    /// How old `readAt` is now, and whether a search would still serve this price: `EXPIRED`
    /// past every window its marketplace's cache allows (as `offer(id)` may answer). Null when
    /// `readAt` is, or the marketplace is no longer configured.
    async fn freshness(&self, ctx: &Context<'_>) -> Option<offer_age::OfferAge> {
        let registry = super::marketplace::registry(ctx);
        let settings = &registry.get(self.marketplace.as_str())?.settings;
        Some(offer_age::of(self.read_at.get()?, std::time::SystemTime::now(), settings))
    }
}

/// The unit an offer is sold in, and how many base units it holds.
#[Object(serial)]
impl Unit {
    /// The pack as the marketplace names it; null when it sends no unit field (the title may
    /// still state the pack: see `quantity` and `baseUnit`).
    async fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }
    /// The smallest countable unit of the pack, when known.
    async fn base_unit(&self) -> Option<&str> {
        self.base_unit.as_deref()
    }
    /// Base units in the pack; null when nothing states it (a `Dus` whose content neither the
    /// unit field nor the title gives) or only a count naming no unit after a box, dus or karton
    /// does (`Karton isi 40` may be 40 boxes), and then `Offer.unitPrice` is null too. The volume
    /// of each bottle says what the count counts (`600 ml Dus isi 24`: 24 botol).
    async fn quantity(&self) -> Option<Decimal> {
        self.quantity
    }
    /// Why the pack size is unknown or not confident, when it is.
    async fn note(&self) -> Option<&str> {
        self.note
    }
}

/// The provenance of `Offer.unitPrice`.
pub(super) struct UnitPriceBasis<'a> {
    unit_price: &'a UnitPrice,
    note: Option<&'static str>,
}

/// How a unit price was derived, and whether comparisons use it.
#[Object(serial)]
impl UnitPriceBasis<'_> {
    /// Where the pack size comes from: `STATED` by the marketplace's unit field (`Rim`,
    /// `Lusin`, `Pcs`) or read from the `TITLE` (`Dus isi 24 Botol`). When nothing states it
    /// there is no unit price, so no basis.
    async fn derivation(&self) -> PackDerivation {
        self.unit_price.derivation
    }
    /// Whether `cheapest`, `unitPriceMin`/`Median`/`Max`, `UNIT_PRICE_ASC` and policy ranking
    /// use this unit price: true when the pack size is stated or read without conflict; false
    /// when the title and the unit field disagree, or the title leaves it unsure (see `note`).
    async fn confident(&self) -> bool {
        self.unit_price.confident
    }
    /// Whether the pack price is exact. False for a compact display form (`Rp 150rb`), the
    /// lower bound of a range, or a separator read by policy (issue `AMBIGUOUS_SEPARATOR`);
    /// such a price never wins `cheapest` over an exact one.
    async fn exact(&self) -> bool {
        self.unit_price.price.exact
    }
    /// Why the unit price is not confident, when it is not.
    async fn note(&self) -> Option<&str> {
        self.note
    }
}

/// Something normalisation had to note about a value it read (kept, corrected or dropped).
#[Object(name = "NormalizationIssue", serial)]
impl Issue {
    /// Which field (`"price"`, `"vendor.npwp"`).
    async fn field(&self) -> &str {
        self.field
    }
    /// Stable code. Price (`field: "price"`): `EMPTY`, `UNREADABLE`, `ON_REQUEST`,
    /// `AMBIGUOUS_SEPARATOR`, `AMBIGUOUS_MAGNITUDE`, `NEGATIVE`, `OVERFLOW`, `ZERO`,
    /// `PLACEHOLDER`, `FOREIGN_CURRENCY`, `RANGE_GIVEN`,
    /// `INVALID_RANGE`, `COMPACT_APPROXIMATE`, `ROUNDED`, `AMBIGUOUS_VAT_HINT`,
    /// `VAT_RATE_UNREADABLE`, `VAT_RATE_NOT_IN_FORCE`, `VAT_INCLUSION_UNKNOWN`, `PRICE_OUT_OF_RANGE`. Vendor:
    /// `NPWP_EMPTY`, `NPWP_WRONG_LENGTH`, `NPWP_PLACEHOLDER`, `NPWP_BAD_CHARACTERS`,
    /// `REGION_AMBIGUOUS`, `REGION_UNKNOWN`, `NPWP_SHARED` (on `Vendor.issues`). Other fields: `PERCENT_UNREADABLE`, `BMP_ABOVE_CEILING`, `URL_REJECTED`,
    /// `FLAG_UNREADABLE`, `NUMBER_UNREADABLE`, `PACK_CONFLICT`, `AVAILABILITY_UNKNOWN`. A ledger
    /// entry (`Transaction.issues`, `field: "amount"`): `VAT_RATE_NOT_IN_FORCE`, a rate it states that
    /// was not in force on its date (kept, as charged).
    async fn code(&self) -> &str {
        self.code
    }
    /// Explanation.
    async fn message(&self) -> &str {
        &self.message
    }
}
