//! The subscription root: a search streamed marketplace by marketplace over graphql-ws
//! (`/graphql/ws`), so a buyer sees the fast marketplaces without waiting for the slowest.

use super::error::report_failure;
use super::inputs::{BuyerContextInput, OfferFilterInput, search_params};
use super::types::SearchResult;
use crate::marketplace::MarketplaceError;
use crate::model::Offer;
use crate::search::{OfferSort, SearchEvent, SearchService, SourceReport};
use async_graphql::{Context, ErrorExtensions, Object, Result, Subscription, Union};
use futures::{Stream, StreamExt};

/// Streams of answers.
pub struct SubscriptionRoot;

/// Streams of answers over graphql-ws at `/graphql/ws`.
#[Subscription(name = "Subscription")]
impl SubscriptionRoot {
    /// The first page of a search, streamed: one `MarketplaceAnswered` per selected marketplace
    /// as soon as it answers (or fails, or misses its deadline), then `SearchCompleted` with the
    /// merged page exactly as `search` returns it, read the same way: a relevance page asks each
    /// marketplace its share first (the events), then asks again the ones the page still waits
    /// on, as `search` does, before `SearchCompleted`. Same limits, cache, upstream calls and
    /// circuit breakers as `search`; later pages are plain `search` requests with the page's
    /// `endCursor`.
    #[allow(clippy::too_many_arguments)]
    async fn search_stream(
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
        #[graphql(
            desc = "Page size, 1 to 100; also the most offers per marketplace event.",
            default_with = "Some(20)"
        )]
        first: Option<i32>,
        #[graphql(desc = "Skip the cache and read every marketplace fresh.", default_with = "Some(false)")]
        no_cache: Option<bool>,
        #[graphql(desc = "Who is buying, for `sort: POLICY` locality.")] buyer: Option<BuyerContextInput>,
    ) -> Result<impl Stream<Item = SearchStreamEvent> + use<>> {
        let service = ctx.data_unchecked::<SearchService>();
        let params = search_params(query, filter, sort, first, None, no_cache, buyer)?;
        let events = service.search_stream(params).map_err(|e| e.extend())?;
        Ok(events.map(|event| match event {
            SearchEvent::Marketplace { report, offers, error } => {
                SearchStreamEvent::Marketplace(MarketplaceAnswered { report, offers, error })
            }
            SearchEvent::Merged(outcome) => SearchStreamEvent::Completed(SearchCompleted { outcome: *outcome }),
        }))
    }
}

/// One event of `searchStream`.
#[derive(Union)]
pub enum SearchStreamEvent {
    /// One marketplace answered.
    Marketplace(MarketplaceAnswered),
    /// Every marketplace answered: the merged page.
    Completed(SearchCompleted),
}

/// One marketplace's answer to a streamed search.
pub struct MarketplaceAnswered {
    report: SourceReport,
    offers: Vec<Offer>,
    error: Option<MarketplaceError>,
}

/// One marketplace's answer to a streamed search: its report and its normalised offers.
#[Object]
impl MarketplaceAnswered {
    /// What happened to the marketplace in this first answer (`SearchCompleted`'s `sources` add
    /// what it was asked for after); a failure is also a GraphQL error on this event, with
    /// `extensions.code` and `extensions.marketplace`.
    async fn source(&self, ctx: &Context<'_>) -> &SourceReport {
        if let Some(error) = &self.error {
            report_failure(ctx, &self.report.marketplace, error);
        }
        &self.report
    }
    /// Its offers that match or may still match, normalised, in the marketplace's own order (at
    /// most `first`), of this first answer (a relevance page may ask it for more before the
    /// merged page). `umkOnly` and `koperasiOnly` are judged by the vendor's scale and legal form
    /// as every account of it in the answer states them: here an offer is left out only when
    /// the answers so far state its vendor is not UMK (not a koperasi); one whose vendor none of
    /// them states is kept, as a marketplace still to answer may state it, and the merged page
    /// then keeps or leaves it out by the whole answer.
    async fn offers(&self) -> &[Offer] {
        &self.offers
    }
}

/// The end of a streamed search.
pub struct SearchCompleted {
    outcome: crate::search::SearchOutcome,
}

/// The end of a streamed search: the merged first page.
#[Object]
impl SearchCompleted {
    /// The merged first page, as `search` returns it.
    async fn result(&self) -> SearchResult {
        SearchResult::new(self.outcome.clone())
    }
}
