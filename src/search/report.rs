//! What each marketplace did in one search: the statuses a client sees in `sources`, and the
//! failures mirrored as GraphQL errors.

use crate::marketplace::{Cause, Connecting, MarketplaceError};
use crate::model::{MarketplaceId, Offer};
use std::sync::Arc;

/// What happened to one marketplace in one search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum)]
pub enum SourceStatus {
    /// Answered in time.
    Ok,
    /// Served from an expired cache entry.
    Stale,
    /// Missed its deadline.
    Timeout,
    /// Unreachable or answered an HTTP error.
    UpstreamError,
    /// Answered something unreadable.
    BadResponse,
    /// Skipped because its circuit breaker is open.
    CircuitOpen,
    /// Told us to slow down.
    RateLimited,
    /// At its concurrency cap.
    Overloaded,
    /// Switched off in its adapter file, or its file removed by a reload while the search ran.
    Disabled,
}

impl SourceStatus {
    /// The status as the schema writes it, for metric labels.
    pub(super) fn label(self) -> &'static str {
        match self {
            Self::Ok => "OK",
            Self::Stale => "STALE",
            Self::Timeout => "TIMEOUT",
            Self::UpstreamError => "UPSTREAM_ERROR",
            Self::BadResponse => "BAD_RESPONSE",
            Self::CircuitOpen => "CIRCUIT_OPEN",
            Self::RateLimited => "RATE_LIMITED",
            Self::Overloaded => "OVERLOADED",
            Self::Disabled => "DISABLED",
        }
    }

    /// The status a failure gives.
    pub(crate) fn of(error: &MarketplaceError) -> Self {
        match error {
            MarketplaceError::Timeout { .. } => Self::Timeout,
            MarketplaceError::Unreachable { .. } | MarketplaceError::Status { .. } => Self::UpstreamError,
            MarketplaceError::RateLimited { .. } => Self::RateLimited,
            MarketplaceError::TooLarge { .. } | MarketplaceError::BadResponse { .. } => Self::BadResponse,
            MarketplaceError::Overloaded => Self::Overloaded,
            MarketplaceError::CircuitOpen { .. } | MarketplaceError::Down { .. } => Self::CircuitOpen,
            // Switched off by its adapter file's removal: no failure of the marketplace's own.
            MarketplaceError::Removed => Self::Disabled,
        }
    }
}

/// Where one marketplace's data came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum)]
pub enum CacheStatus {
    /// Every page came fresh from the cache.
    Hit,
    /// At least one page was fetched upstream, or nothing was served (a marketplace that failed
    /// or is switched off).
    Miss,
    /// At least one page was served past its TTL: while it is refreshed, or because the
    /// marketplace failed (stale-if-error). Never `HIT` for a marketplace that failed.
    Stale,
    /// The client asked to skip the cache.
    Bypass,
}

impl CacheStatus {
    /// The cache use as the schema writes it, for span attributes.
    pub(super) fn label(self) -> &'static str {
        match self {
            Self::Hit => "HIT",
            Self::Miss => "MISS",
            Self::Stale => "STALE",
            Self::Bypass => "BYPASS",
        }
    }
}

/// One marketplace's part in one search.
#[derive(Debug, Clone)]
pub struct SourceReport {
    /// Which marketplace.
    pub marketplace: MarketplaceId,
    /// What happened.
    pub status: SourceStatus,
    /// Cache use.
    pub cache: CacheStatus,
    /// Time spent on it, in milliseconds.
    pub latency_ms: u64,
    /// Offers it contributed: to a search page (or streamed event), those it shows
    /// (`Sources::count_shown`); to a comparison, those read for grouping.
    pub offer_count: usize,
    /// Age of the oldest page served, in seconds.
    pub age_seconds: u64,
    /// Plain explanation when something went wrong or items were skipped.
    pub message: Option<String>,
    /// The failure a stale page was served on (stale-if-error, or a refresh that failed), not
    /// while it is refreshed (stale-while-revalidate); listed with the answer's errors.
    pub(crate) stale_error: Option<MarketplaceError>,
    /// The HTTP error status it answered, when that is what left it out of the answer: a page
    /// tells a marketplace that refused (`UPSTREAM_ERROR` with a 503 here) from one that could
    /// not be reached (`UPSTREAM_ERROR` without). A status, not the error: the report travels
    /// in every streamed event.
    pub(crate) error_status: Option<u16>,
    /// Why it could not be reached, when that left it out of the answer and is known (as
    /// `extensions.cause`): the pages say it to buyers in words.
    pub(crate) cause: Option<Cause>,
    /// The connection of the page load it is waiting for, if this search drives one: a deadline
    /// falling while it connects says `CONNECT_TIMEOUT` (`marketplace/connecting.rs`).
    pub(crate) connecting: Option<Arc<Connecting>>,
    /// The marketplace was found to serve its first page whatever position is asked, so only
    /// its first page is read (see `search/paging.rs`).
    pub ignores_paging: bool,
    /// For a source served only from fresh cache pages: when the first of them expires or its
    /// reported age changes (a stored response is valid until then). `None` otherwise.
    pub(crate) fresh_until: Option<tokio::time::Instant>,
}

impl SourceReport {
    /// A stale page was served because the marketplace failed, not while it is refreshed.
    pub fn served_on_error(&self) -> bool {
        self.stale_error.is_some()
    }

    /// Marks it left out of the answer by `error`: the status of its kind, and the HTTP status
    /// it answered when that was the failure.
    pub(crate) fn fail(&mut self, error: &MarketplaceError) {
        self.status = SourceStatus::of(error);
        self.error_status = match error {
            MarketplaceError::Status { status } => Some(*status),
            _ => None,
        };
        self.cause = error.cause();
    }

    /// The failure of a deadline of `after` falling now.
    pub(super) fn timed_out(&self, after: std::time::Duration) -> MarketplaceError {
        MarketplaceError::Timeout { after, cause: self.connecting.as_ref().and_then(|c| c.cause()) }
    }

    /// A report for a marketplace about to be asked; `bypass` when the client skips the cache.
    pub(crate) fn starting(marketplace: MarketplaceId, bypass: bool) -> Self {
        Self {
            marketplace,
            status: SourceStatus::Disabled,
            cache: if bypass { CacheStatus::Bypass } else { CacheStatus::Hit },
            latency_ms: 0,
            offer_count: 0,
            age_seconds: 0,
            message: None,
            stale_error: None,
            error_status: None,
            cause: None,
            connecting: None,
            ignores_paging: false,
            fresh_until: None,
        }
    }
}

/// Every marketplace's report for one answer, and the failures among them.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// One report per marketplace asked, in registry order.
    pub reports: Vec<SourceReport>,
    /// Failures to mirror as GraphQL errors.
    pub failures: Vec<(MarketplaceId, MarketplaceError)>,
}

impl Sources {
    /// Records one marketplace's report and its failure, if it failed.
    pub(super) fn add(&mut self, report: SourceReport, error: Option<MarketplaceError>) {
        if let Some(error) = error {
            self.failures.push((report.marketplace.clone(), error));
        }
        self.reports.push(report);
    }

    /// Sets each report's `offer_count` to the offers of `shown` (a page's) from its marketplace:
    /// what it contributed to the page, not the whole pages read for it (review37 R37-8: 10 each
    /// where a page of 10 took 5 from each of two).
    pub(super) fn count_shown<'a>(&mut self, shown: impl Iterator<Item = &'a Offer> + Clone) {
        for report in &mut self.reports {
            report.offer_count = shown.clone().filter(|offer| offer.marketplace == report.marketplace).count();
        }
    }

    /// Per marketplace, until when its part of the answer can be replayed: `Some` only for a
    /// fresh cache hit that answered `OK`.
    pub(crate) fn fresh_until(&self) -> impl Iterator<Item = Option<tokio::time::Instant>> + '_ {
        let failed = !self.failures.is_empty();
        self.reports.iter().map(move |r| {
            let fit = !failed && r.status == SourceStatus::Ok && r.cache == CacheStatus::Hit;
            r.fresh_until.filter(|_| fit)
        })
    }

    /// True when every marketplace asked contributed an answer within its freshness rules:
    /// fresh, or stale within stale-while-revalidate. A stale answer served because the
    /// marketplace failed (stale-if-error), a failure or a switched-off marketplace makes it false.
    pub fn complete(&self) -> bool {
        self.reports.iter().all(|s| match s.status {
            SourceStatus::Ok => true,
            SourceStatus::Stale => !s.served_on_error(),
            _ => false,
        })
    }
}
