//! The query root.

use super::compare::CompareResult;
use super::error::{codes, report_failure};
use super::inputs::{BuyerContextInput, OfferFilterInput, buyer_context, offer_filter, plain_text, search_params};
use super::lookup::{self, ParsedPriceView, RegionLevelView, RegionView};
use super::marketplace::MarketplaceView;
use super::response_cache::ResponseSources;
use super::spending::{self, SpendingView};
use super::spending_types::RankedBuyerView;
use super::types::SearchResult;
use super::vendor::VendorView;
use crate::model::Offer;
use crate::normalize::echo::echoed;
use crate::search::{CompareParams, OfferSort, SearchService};
use crate::spending::{SpendingError, SpendingService};
use async_graphql::{Context, ErrorExtensions, ID, Object, Result};

/// The query root (its schema description is on the `impl` below).
pub struct QueryRoot;

/// Entry points of the Pasar API.
///
/// Every error carries a stable `extensions.code`: `BAD_USER_INPUT`, `BAD_CURSOR`, `BAD_REQUEST`,
/// `UNSUPPORTED_CONTENT_TYPE`, `UNSUPPORTED_CONTENT_ENCODING`, `REQUEST_TOO_LARGE`, `QUERY_TOO_COMPLEX`, `RATE_LIMITED`,
/// `REQUEST_TIMEOUT`, `SERVER_BUSY`, `SERVER_SHUTTING_DOWN`, `ORIGIN_NOT_ALLOWED`, `FORBIDDEN`, `GRAPHQL_PARSE_FAILED`,
/// `GRAPHQL_VALIDATION_FAILED`,
/// `OPERATION_RESOLUTION_FAILURE`, `PERSISTED_QUERY_NOT_FOUND`, `PERSISTED_QUERY_HASH_MISMATCH`,
/// `PERSISTED_QUERY_NOT_SUPPORTED`, `PERSISTED_QUERY_NOT_IN_LIST`, `METHOD_NOT_ALLOWED`,
/// `NOT_ACCEPTABLE`, `NOT_FOUND` (an address Pasar does not have), `OFFER_NOT_FOUND`, `VENDOR_NOT_FOUND`, `TRANSACTIONS_FORBIDDEN`; a marketplace that failed adds one error beside the partial
/// data, with `extensions.marketplace` and one of `MARKETPLACE_TIMEOUT`, `MARKETPLACE_UNAVAILABLE`,
/// `MARKETPLACE_RATE_LIMITED`, `MARKETPLACE_BAD_RESPONSE`, `MARKETPLACE_OVERLOADED`,
/// `MARKETPLACE_CIRCUIT_OPEN`, `MARKETPLACE_REMOVED` (an adapter reload removed it while the
/// search ran). A `MARKETPLACE_UNAVAILABLE` for want of a connection says why in
/// `extensions.cause`: "DNS" (its host name did not resolve), "TLS" (the handshake failed: a
/// certificate not trusted, expired or for another name), "REFUSED" (connection refused),
/// "CONNECT_TIMEOUT" (no connection within the connect timeout) or "RESET" (the connection was
/// reset or closed before the answer was whole). A `MARKETPLACE_TIMEOUT` whose deadline fell while
/// the call was still connecting says "CONNECT_TIMEOUT" too.
#[Object(name = "Query")]
impl QueryRoot {
    /// Every registered marketplace, enabled or not.
    async fn marketplaces(&self, ctx: &Context<'_>) -> Vec<MarketplaceView> {
        let service = ctx.data_unchecked::<SearchService>();
        MarketplaceView::all(&service.registry())
    }

    /// Searches every selected marketplace at once and merges the offers into one connection.
    /// Marketplaces that fail or miss their deadline are reported in `sources` and as errors
    /// with `extensions.code` and `extensions.marketplace`; the others' offers are still returned.
    #[allow(clippy::too_many_arguments)]
    async fn search(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "What the buyer is looking for, 1 to 200 characters; one holding a control or text-direction character (a NUL, U+202E) is refused."
        )]
        query: String,
        #[graphql(desc = "Conditions an offer must meet.")] filter: Option<OfferFilterInput>,
        #[graphql(desc = "Order of the merged offers.", default_with = "Some(OfferSort::Relevance)")] sort: Option<
            OfferSort,
        >,
        #[graphql(desc = "Page size, 1 to 100.", default_with = "Some(20)")] first: Option<i32>,
        #[graphql(desc = "`endCursor` of the previous page.")] after: Option<String>,
        #[graphql(desc = "Skip the cache and read every marketplace fresh.", default_with = "Some(false)")]
        no_cache: Option<bool>,
        #[graphql(desc = "Who is buying, for `sort: POLICY` locality.")] buyer: Option<BuyerContextInput>,
    ) -> Result<SearchResult> {
        let service = ctx.data_unchecked::<SearchService>();
        let params = search_params(query, filter, sort, first, after, no_cache, buyer)?;
        let registry = super::marketplace::registry(ctx);
        let outcome = service.search_in(&registry, &params).await.map_err(|e| e.extend())?;
        super::freshness::observe(ctx, &registry, &outcome.sources);
        for (marketplace, error) in &outcome.sources.failures {
            report_failure(ctx, marketplace, error);
        }
        if let Some(sources) = ctx.data_opt::<std::sync::Arc<ResponseSources>>() {
            sources.record(outcome.sources.fresh_until());
        }
        Ok(SearchResult::new(outcome))
    }

    /// Groups the offers of every marketplace into products (same brand, kind and decisive specs,
    /// whatever the pack), each with its offers cheapest per base unit first — or in policy order
    /// with reasons when `buyer` is given — its cheapest offer, min/median/max unit price and the
    /// marketplaces that carry it. Each marketplace's first 100 matching offers are grouped.
    async fn compare(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "What the buyer is looking for, 1 to 200 characters; one holding a control or text-direction character (a NUL, U+202E) is refused."
        )]
        query: String,
        #[graphql(desc = "Conditions an offer must meet.")] filter: Option<OfferFilterInput>,
        #[graphql(desc = "Who is buying: ranks each group's offers by policy.")] buyer: Option<BuyerContextInput>,
        #[graphql(desc = "How many product groups, 1 to 50.", default_with = "Some(10)")] first: Option<i32>,
    ) -> Result<CompareResult> {
        let service = ctx.data_unchecked::<SearchService>();
        plain_text(&query, "query")?;
        let params = CompareParams {
            query,
            filter: offer_filter(filter)?,
            buyer: buyer_context(buyer)?,
            first: u32::try_from(first.unwrap_or(10)).unwrap_or(0),
        };
        let registry = super::marketplace::registry(ctx);
        let outcome = service.compare_in(&registry, &params).await.map_err(|e| e.extend())?;
        super::freshness::observe(ctx, &registry, &outcome.sources);
        for (marketplace, error) in &outcome.sources.failures {
            report_failure(ctx, marketplace, error);
        }
        if let Some(sources) = ctx.data_opt::<std::sync::Arc<ResponseSources>>() {
            sources.record(outcome.sources.fresh_until());
        }
        Ok(CompareResult(outcome))
    }

    /// An offer seen in a recent search, by its id `"<marketplace>:<source id>"`, as it was when
    /// last fetched: its price may be up to 70 minutes old, `readAt` says when it was read and
    /// `freshness` whether a search would still serve it (`EXPIRED` when the reading is past
    /// every window its marketplace's cache allows: a `search` reads the marketplace again).
    /// Offers are kept for 70 minutes after they were last fetched (and within the memory
    /// budget), until a reload changes their marketplace's adapter file (what it read may have
    /// been wrong); for an id not kept, the field is null with an `OFFER_NOT_FOUND` error whose
    /// `extensions.wellFormed` and `extensions.knownMarketplace` say whether the id could ever
    /// have been one.
    async fn offer(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The offer's `id`, `\"<marketplace>:<source id>\"`.")] id: ID,
    ) -> Result<Option<Offer>> {
        let service = ctx.data_unchecked::<SearchService>();
        if let Some(offer) = service.recent_offer(&id).await {
            return Ok(Some(offer));
        }
        let (marketplace, source_id) = id.split_once(':').unwrap_or_default();
        let well_formed = !marketplace.is_empty() && !source_id.is_empty();
        let known = service.registry().get(marketplace).is_some();
        Err(async_graphql::Error::new(format!(
            "no offer `{}` was seen recently (offers are kept for 70 minutes)",
            echoed(&id)
        ))
        .extend_with(|_, e| {
            e.set("code", codes::OFFER_NOT_FOUND);
            e.set("wellFormed", well_formed);
            e.set("knownMarketplace", known);
        }))
    }

    /// A vendor by id, with every marketplace account merged into it. Vendors are kept for 70
    /// minutes after an offer of theirs was last fetched; for an id not kept, the field is null
    /// with a `VENDOR_NOT_FOUND` error, as `offer(id)` answers for an offer.
    async fn vendor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The vendor's `id`, as `Offer.vendor.id` gives it.")] id: ID,
    ) -> Result<Option<VendorView>> {
        let found = ctx.data_unchecked::<SearchService>().vendor(&id).await;
        // A null without an error would read as "no such vendor" where it is "not seen lately".
        let Some(vendor) = found else {
            let said = format!("no vendor `{}` was seen recently (vendors are kept for 70 minutes)", echoed(&id));
            return Err(async_graphql::Error::new(said).extend_with(|_, e| e.set("code", codes::VENDOR_NOT_FOUND)));
        };
        Ok(Some(VendorView(vendor)))
    }

    /// A region by Kemendagri code, dotted (`"35.71"`) or BPS style (`"3571"`).
    async fn region(
        &self,
        #[graphql(desc = "Kemendagri code, dotted (`\"35.71\"`) or BPS style (`\"3571\"`).")] code: String,
    ) -> Option<RegionView> {
        lookup::region_by_code(&code)
    }

    /// The regions a free-text location may mean: one when certain, every candidate when
    /// ambiguous (a bare `"Kediri"` is both Kota and Kabupaten Kediri), none when unknown. A text
    /// holding a control or text-direction character (a NUL, U+202E) is refused with
    /// `BAD_USER_INPUT` and `extensions.field: "text"`, as a search text is.
    async fn resolve_region(
        &self,
        #[graphql(desc = "A place name as a buyer writes it (`\"Kota Surabaya\"`, `\"Kediri\"`).")] text: String,
    ) -> Result<Vec<RegionView>> {
        // Read past, a NUL or U+202E made `Kota Surabaya` followed by one a place name.
        plain_text(&text, "text")?;
        Ok(lookup::resolve_region(&text))
    }

    /// What a Pemda (its Kemendagri code) bought on the marketplaces in a calendar year (WIB):
    /// totals by marketplace, month and payment method, the shares going to UMK, koperasi, local
    /// vendors and certified TKDN, and the largest vendors. A marketplace that fails is reported
    /// in `sources` and as an error; `complete` is then false. A province's code (`"35"`) asks
    /// for the provincial government's own purchases (`buyer.level: PROVINCE`), never its
    /// kabupaten and kota summed: each of those is a Pemda of its own, and `spendingRanking`
    /// lists them.
    async fn spending(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The Pemda's Kemendagri code: `\"35.71\"` for a kota or kabupaten, `\"35\"` for the \
                    provincial government itself (not its kabupaten and kota).")]
        buyer: String,
        #[graphql(desc = "The calendar year, in WIB.")] year: i32,
        #[graphql(
            desc = "Only these marketplaces; every one with a ledger when omitted. An empty list is refused with \
                    `BAD_USER_INPUT` (`extensions.field: \"marketplaces\"`)."
        )]
        marketplaces: Option<Vec<ID>>,
    ) -> Result<SpendingView> {
        let service = ctx.data_unchecked::<SpendingService>();
        let named: Option<Vec<String>> = marketplaces.map(|ids| ids.into_iter().map(|id| id.0).collect());
        let spending = service.spending(buyer.trim(), year, named.as_deref()).await.map_err(|e| e.extend())?;
        spending::report_sources(ctx, &spending);
        Ok(SpendingView(std::sync::Arc::new(spending)))
    }

    /// The kabupaten and kota of a province ranked by what they bought in a year (completed
    /// transactions, with PPN), on one marketplace or all with a ledger. Empty in a year in
    /// which none of them has a completed transaction and no marketplace failed: nobody is
    /// ranked, as on the `/belanja` page, rather than every one first at Rp0.
    async fn spending_ranking(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The province's Kemendagri code (`\"35\"`).")] province: String,
        #[graphql(desc = "The calendar year, in WIB.")] year: i32,
        #[graphql(desc = "Only this marketplace; every one with a ledger when omitted.")] marketplace: Option<ID>,
        #[graphql(desc = "`CITY` for kota, `REGENCY` for kabupaten; both when omitted. `PROVINCE` is refused \
                          with `BAD_USER_INPUT` (`extensions.field: \"level\"`): a ranking lists kabupaten and \
                          kota, and `spending(buyer: \"35\")` is the provincial government's own.")]
        level: Option<RegionLevelView>,
        #[graphql(desc = "How many, 1 to 100.", default = 100)] first: i32,
    ) -> Result<Vec<RankedBuyerView>> {
        let service = ctx.data_unchecked::<SpendingService>();
        let first = usize::try_from(first).ok().filter(|n| (1..=100).contains(n));
        let first = first.ok_or_else(|| SpendingError::BadFirst { max: 100 }.extend())?;
        let level = level.map(RegionLevelView::level);
        let ranking = service
            .ranking(province.trim(), year, marketplace.as_ref().map(|m| m.as_str()), level)
            .await
            .map_err(|e| e.extend().extend_with(|_, x| x.set("field", e.ranking_field())))?;
        Ok(spending::ranked(ctx, ranking, first))
    }

    /// Reads a price text exactly as Pasar reads marketplace prices, with every caveat.
    async fn parse_price(
        &self,
        #[graphql(desc = "A price as a marketplace shows it (`\"Rp 1.250.000 (incl. PPN)\"`).")] text: String,
    ) -> ParsedPriceView {
        lookup::parse_price(&text)
    }
}
