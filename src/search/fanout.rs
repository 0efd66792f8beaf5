//! Asking every marketplace at once, each under its own deadline (each one paged through in
//! `collect.rs`), and what each contributed.

use super::collect::{Ask, Collected, collect};
pub(super) use super::collect::{Earlier, Want};
use super::fetch::FetchPath;
use super::filter::OfferFilter;
use super::gaps::Gaps;
use super::limits::MAX_DEPTH;
use super::outcome::SharedOffer;
use super::report::{CacheStatus, SourceReport, SourceStatus};
use crate::marketplace::{MarketplaceError, Registry, RegistryEntry};
use crate::model::MarketplaceId;
use crate::telemetry::trace;
use std::sync::Arc;
use std::time::Instant;
use tokio_util::task::AbortOnDropHandle;
use tracing::Instrument;

/// One marketplace's contribution.
pub(super) struct Fetched {
    pub(super) report: SourceReport,
    /// Matching offers with their index in the marketplace's own result list.
    pub(super) offers: Vec<(u32, SharedOffer)>,
    pub(super) total: Option<u64>,
    /// Whether `total` counts exactly the offers that pass the filter.
    pub(super) total_exact: bool,
    /// The marketplace has nothing after the offers fetched.
    pub(super) exhausted: bool,
    /// Index in the marketplace's list just past the last item examined.
    pub(super) scanned_to: u32,
    /// A cursor-paged marketplace's cursor to the page at `scanned_to`, when it has one.
    pub(super) next_cursor: Option<String>,
    pub(super) error: Option<MarketplaceError>,
    /// What paging reaches, when less than `total` (a marketplace that serves one page).
    pub(super) reachable: Option<u64>,
    /// The places of its list that delivered no offer, up to `scanned_to`.
    pub(super) gaps: Gaps,
    /// Its list moved during the client's walk: a row shown on an earlier page came again.
    pub(super) moved: bool,
}

/// Fetches what `want` says from every selected marketplace concurrently.
pub(super) async fn fan_out(
    registry: &Registry,
    path: &FetchPath,
    query: &str,
    want: &(dyn Fn(&MarketplaceId) -> Want + Sync),
    filter: &OfferFilter,
    bypass: bool,
) -> Vec<Fetched> {
    let calls = registry
        .entries()
        .iter()
        .filter(|entry| filter.selects(entry.marketplace.id()))
        .map(|entry| fetch_one(path, entry, query, want(entry.marketplace.id()), filter, bypass));
    futures::future::join_all(calls).await
}

pub(super) async fn fetch_one(
    path: &FetchPath,
    entry: &RegistryEntry,
    query: &str,
    want: Want,
    filter: &OfferFilter,
    bypass: bool,
) -> Fetched {
    let fetched = fetch_after(path, entry, query, want, filter, bypass, Earlier::default()).await;
    settle(&fetched);
    fetched
}

/// [`fetch_after`] from the start of a walk in a task of its own ([`detached`]) that carries the
/// request's notes (the id sent upstream, the access line) and span, `then` run on its result
/// within them. A streamed answer's part passes [`settle`] (as [`fetch_one`] does): a stream is
/// polled after its handler returned, outside the request's scope.
pub(super) fn fetch_detached(
    path: Arc<FetchPath>,
    entry: RegistryEntry,
    (query, want, earlier): (String, Want, Earlier),
    filter: OfferFilter,
    bypass: bool,
    then: fn(&Fetched),
) -> impl Future<Output = Fetched> + Send + 'static {
    let id = entry.marketplace.id().clone();
    let fetch = async move {
        let fetched = fetch_after(&path, &entry, &query, want, &filter, bypass, earlier).await;
        then(&fetched);
        fetched
    };
    detached(id, bypass, want, crate::telemetry::request::carry(fetch))
}

/// `fetch` (one marketplace's part of a streamed answer) in a task of its own. A stream is polled
/// only while its client reads, and a page load is driven by whoever waits for it
/// (`cache::inflight`): without a task, a client that stops reading would hold its marketplaces'
/// retries back past their deadlines, and the breaker and the latency metric would blame the
/// marketplace. Dropping the returned future (the client left) stops the walk; loads already
/// started still finish and fill the cache.
pub(super) fn detached(
    id: MarketplaceId,
    bypass: bool,
    want: Want,
    fetch: impl Future<Output = Fetched> + Send + 'static,
) -> impl Future<Output = Fetched> + Send + 'static {
    let task = AbortOnDropHandle::new(tokio::spawn(fetch.in_current_span()));
    async move { task.await.unwrap_or_else(|_| aborted(id, bypass, want)) }
}

/// A marketplace whose part of a streamed answer panicked: failed, as an unreadable answer.
fn aborted(id: MarketplaceId, bypass: bool, want: Want) -> Fetched {
    let report = SourceReport::starting(id.clone(), bypass);
    answered(&id, report, Err(MarketplaceError::from(crate::cache::LoadAborted)), (true, None), want)
}

/// [`fetch_one`] for a round of a search that may ask again, within what is left of the
/// deadline; the caller [`settle`]s the marketplace's part once it is final.
pub(super) async fn fetch_after(
    path: &FetchPath,
    entry: &RegistryEntry,
    query: &str,
    want: Want,
    filter: &OfferFilter,
    bypass: bool,
    earlier: Earlier,
) -> Fetched {
    let id = entry.marketplace.id().clone();
    let started = Instant::now();
    let mut report = SourceReport::starting(id.clone(), bypass);
    if !entry.enabled {
        report.message = Some("switched off in its adapter file".into());
        return unread(report, bypass, Want::first(0));
    }
    if want.start >= MAX_DEPTH {
        // Read to the depth this gateway pages to on an earlier page of the walk: what is left is
        // beyond reach (`reachableCount`), not a failure, and the others go on (review29a W4: a
        // filter one marketplace matched nothing of scanned it to the depth on the first page,
        // and every later page was refused).
        report.status = SourceStatus::Ok;
        report.message = Some(format!("read to the depth of {MAX_DEPTH} offers this gateway pages to"));
        return unread(report, bypass, want);
    }
    let deadline = entry.settings.timeout.saturating_sub(earlier.spent);
    let pushdown = filter.pushdown(&entry.pushdown);
    let total_exact = pushdown.complete;
    let ask = Ask { query, filter, pushed: &pushdown.params, scans: pushdown.left_here, bypass };
    let span = marketplace_span(&id);
    // Boxed: the walk's future holds its pages' loads and is large, and each wrapper around it
    // (span, deadline, the caller's `join_all`) moved it whole (memcpy was 2-3 % of a miss).
    // What the walk gathered outlives it: past the deadline the pages read before the late one
    // are kept (no timer per page: most searches read one page).
    let mut collected = Collected::new(want);
    let call =
        Box::pin(collect(path, entry, &ask, want, earlier, &mut report, &mut collected)).instrument(span.clone());
    let outcome = match tokio::time::timeout(deadline, call).await {
        Ok(walked) => walked,
        Err(_) if collected.pages > 0 => {
            collected.failed = Some(report.timed_out(deadline));
            Ok(())
        }
        Err(_) => Err(report.timed_out(deadline)),
    };
    // What the client's earlier page stated, when the walk failed or timed out before reading one.
    let stated = collected.stated_before;
    let outcome = outcome.map(|()| collected);
    report.latency_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    let fetched = answered(&id, report, outcome, (total_exact, stated), want);
    span.record("status", fetched.report.status.label());
    span.record("cache", fetched.report.cache.label());
    span.record("offers", fetched.report.offer_count);
    fetched
}

/// The span of one marketplace's part in a search (disabled when traces are off); the cache
/// loads it starts are its children.
fn marketplace_span(id: &MarketplaceId) -> tracing::Span {
    tracing::info_span!(
        target: trace::TARGET,
        "marketplace",
        otel.name = %format_args!("marketplace {id}"),
        marketplace = %id,
        status = tracing::field::Empty,
        cache = tracing::field::Empty,
        offers = tracing::field::Empty,
    )
}

/// A marketplace's part that asked it nothing: switched off (asked from the top), or read to the
/// depth at `want.start`.
fn unread(mut report: SourceReport, bypass: bool, want: Want) -> Fetched {
    let scanned_to = want.start;
    if !bypass {
        // Nothing came from the cache: HIT would say its pages were fresh there.
        report.cache = CacheStatus::Miss;
    }
    Fetched {
        report,
        offers: Vec::new(),
        // Read to the depth, it listed at least that many: the walk's counts keep its part (a
        // lower bound, not exact) instead of dropping it on every later page (review29d D1).
        total: (scanned_to > 0).then_some(u64::from(scanned_to)),
        total_exact: scanned_to == 0,
        exhausted: true,
        scanned_to,
        next_cursor: None,
        error: None,
        reachable: None,
        gaps: Gaps::starting(want.left_out_before),
        moved: false,
    }
}

/// Counts one marketplace's final part in a search (metrics, the access line). Failures are
/// logged by the loads themselves (`fetch::load_page`), once per upstream call.
pub(super) fn settle(fetched: &Fetched) {
    if fetched.report.status != SourceStatus::Disabled {
        count_source(&fetched.report.marketplace, fetched.report.status);
    }
}

/// What one marketplace contributed, from how its pages were collected.
fn answered(
    id: &MarketplaceId,
    mut report: SourceReport,
    outcome: Result<Collected, MarketplaceError>,
    (total_exact, stated): (bool, Option<u64>),
    want: Want,
) -> Fetched {
    match outcome {
        Ok(collected) => {
            report.status = if report.cache == CacheStatus::Stale { SourceStatus::Stale } else { SourceStatus::Ok };
            report.offer_count = collected.offers.len();
            // Served on a failure (stale-if-error): its offers stand, and its error is listed.
            let mut error = report.stale_error.clone();
            // A page after the first failed: the pages read before it stand, and it is listed.
            if let Some(failed) = collected.failed {
                report.fail(&failed);
                report.message = Some(format!(
                    "{id} {failed} on a later page; the {} offers of the pages before it are kept",
                    collected.offers.len()
                ));
                error = Some(failed);
            }
            Fetched {
                report,
                offers: collected.offers,
                total: collected.total,
                total_exact: total_exact && !collected.total_approximate,
                exhausted: collected.exhausted,
                scanned_to: collected.scanned_to,
                next_cursor: collected.next_cursor,
                error,
                reachable: collected.reachable,
                gaps: collected.gaps,
                moved: collected.moved,
            }
        }
        Err(error) => {
            // Nothing was served for it: a cached page read before the failure is dropped too.
            if report.cache != CacheStatus::Bypass {
                report.cache = CacheStatus::Miss;
            }
            report.stale_error = None;
            report.fail(&error);
            report.message = Some(format!("{id} {error}"));
            // A client's page that failed at once: the count its earlier page stated stands (not
            // exact), so the answer says offers still follow where it starts.
            Fetched {
                report,
                offers: Vec::new(),
                total: stated,
                total_exact: total_exact && stated.is_none(),
                exhausted: false,
                scanned_to: want.start,
                next_cursor: None,
                error: Some(error),
                reachable: None,
                gaps: Gaps::starting(want.left_out_before),
                moved: false,
            }
        }
    }
}

/// One marketplace's part in one search, in `pasar_marketplace_requests_total`.
fn count_source(id: &MarketplaceId, status: SourceStatus) {
    let labels = [("marketplace", id.as_str().to_string()), ("status", status.label().to_string())];
    metrics::counter!("pasar_marketplace_requests_total", &labels).increment(1);
    crate::telemetry::request::note_source(id.as_str(), status.label());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    /// A part that takes three 10 ms steps, counting each.
    async fn stepping(steps: Arc<AtomicUsize>) -> Fetched {
        for _ in 0..3 {
            tokio::time::sleep(Duration::from_millis(10)).await;
            steps.fetch_add(1, Ordering::SeqCst);
        }
        aborted(MarketplaceId::new("mbiz"), false, Want::first(10))
    }

    #[tokio::test(start_paused = true)]
    async fn a_streamed_part_keeps_going_while_its_stream_is_not_read() {
        let steps = Arc::new(AtomicUsize::new(0));
        let part = detached(MarketplaceId::new("mbiz"), false, Want::first(10), stepping(Arc::clone(&steps)));
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(steps.load(Ordering::SeqCst), 3, "every step ran without the part being polled");
        assert_eq!(part.await.report.marketplace, MarketplaceId::new("mbiz"));
    }

    #[tokio::test(start_paused = true)]
    async fn a_streamed_part_stops_when_its_stream_is_dropped() {
        let steps = Arc::new(AtomicUsize::new(0));
        let part = detached(MarketplaceId::new("mbiz"), false, Want::first(10), stepping(Arc::clone(&steps)));
        tokio::time::sleep(Duration::from_millis(15)).await;
        drop(part);
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(steps.load(Ordering::SeqCst), 1, "the walk stopped with its client");
    }

    #[tokio::test]
    async fn a_streamed_part_that_panics_is_a_failed_marketplace_not_a_failed_stream() {
        let panicking = async { panic!("a bug in one marketplace's part") };
        let part = detached(MarketplaceId::new("bela"), true, Want::first(10), panicking).await;
        assert_eq!(part.report.marketplace, MarketplaceId::new("bela"));
        assert!(matches!(part.error, Some(MarketplaceError::BadResponse { .. })), "{:?}", part.error);
        assert_eq!(part.report.cache, CacheStatus::Bypass);
    }
}
