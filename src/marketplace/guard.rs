//! Everything that stands between a search and one marketplace call: the concurrency cap with its
//! line ([`Queue`]: wait while the deadline allows, shed only when it cannot be met), the circuit
//! breaker, the deadline, and budgeted retries inside it.

use super::breaker::{Admission, Breaker, BreakerPolicy};
use super::connecting::Connecting;
use super::meters::Meters;
use super::probe::{Checked, LastCall};
use super::queue::Queue;
use super::retry::{RetryBudget, RetryPolicy, is_failure, is_retryable};
use super::{Marketplace, MarketplaceError, SearchPage, SearchRequest};
use std::sync::OnceLock;
use std::time::Duration;
use tokio::time::Instant;

/// Margin a retry must leave before the deadline to be worth starting.
const RETRY_HEADROOM: Duration = Duration::from_millis(20);

/// What a call through the [`Guard`] came to.
#[derive(Debug)]
pub enum Called {
    /// The marketplace answered (perhaps after retries).
    Answered(SearchPage),
    /// The marketplace was called and failed (its last attempt's error), and how long it took.
    Failed(MarketplaceError, Took),
    /// The guard refused without calling it: circuit open, shed at the concurrency cap, or asked
    /// to wait by its `Retry-After`. No call was made, so no upstream time or failure to count.
    Refused(MarketplaceError),
}

impl Called {
    /// The page, or why there is none, made or not.
    pub fn into_result(self) -> Result<SearchPage, MarketplaceError> {
        match self {
            Self::Answered(page) => Ok(page),
            Self::Failed(error, _) | Self::Refused(error) => Err(error),
        }
    }
}

/// How long a call took, the marketplace's time apart from Pasar's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Took {
    /// From the send to the last attempt's end (retries inside it), as the upstream histogram.
    pub upstream: Duration,
    /// The wait in line for the concurrency cap, if the call had to wait.
    pub waited: Option<Duration>,
}

/// Per-marketplace protection, shared by all requests.
#[derive(Debug)]
pub struct Guard {
    queue: Queue,
    breaker: Breaker,
    retry: RetryPolicy,
    budget: RetryBudget,
    /// Set by `429 Retry-After`: no call before then (reliability.md §6.1 R8).
    quiet_until: std::sync::Mutex<Option<Instant>>,
    /// The longest `Retry-After` honoured: a marketplace asking for more is asked again after
    /// this (`[defaults] max_retry_after`).
    max_retry_after: Duration,
    /// The last upstream call's outcome, for `/readyz` when the adapter has no `[probe]`.
    last: LastCall,
    /// The marketplace's meters, registered on first use (a call or a cache lookup).
    meters: OnceLock<Meters>,
}

impl Guard {
    /// A guard allowing `concurrency` calls in flight, more waiting in line.
    pub fn new(concurrency: usize, breaker: BreakerPolicy, retry: RetryPolicy) -> Self {
        Self {
            queue: Queue::new(concurrency),
            breaker: Breaker::new(breaker),
            retry,
            budget: RetryBudget::new(retry),
            quiet_until: std::sync::Mutex::new(None),
            max_retry_after: breaker.max_retry_after,
            last: LastCall::default(),
            meters: OnceLock::new(),
        }
    }

    /// The meters of `marketplace`, whose calls this guard stands before (a guard stands before
    /// one marketplace: the id only names the series the first time).
    pub fn meters(&self, marketplace: &str) -> &Meters {
        self.meters.get_or_init(|| Meters::new(marketplace))
    }

    /// Registers the meters of `marketplace` now and shows its breaker as it is. The series
    /// outlive a guard: a marketplace a reload removed and added back (or changed) showed its old
    /// guard's breaker, perhaps open, until its first call.
    pub fn show(&self, marketplace: &str) {
        self.meters(marketplace).breaker_state.set(self.breaker.level());
    }

    /// The outcome of the last upstream call, if there was one.
    pub fn last_call(&self) -> Option<Checked> {
        self.last.get()
    }

    /// Notes the readiness probe's outcome: an answer closes the breaker it finds open (a
    /// search refused for a marketplace `/readyz` saw answering, review35o O35-4).
    pub fn probed(&self, checked: &Checked) {
        if checked.reachable() {
            self.breaker.answered_at(checked.at);
            if let Some(meters) = self.meters.get() {
                meters.breaker_state.set(self.breaker.level());
            }
        }
    }

    /// Why a call made now would be refused before reaching the marketplace (it asked us to
    /// wait, or its circuit is open); `None` when it would be made.
    pub fn refusal(&self) -> Option<MarketplaceError> {
        if let Some(wait) = self.asked_to_wait() {
            return Some(MarketplaceError::RateLimited { retry_after: Some(wait.as_secs().max(1)) });
        }
        let retry_in = self.breaker.refusing()?;
        Some(MarketplaceError::CircuitOpen { retry_in_ms: u64::try_from(retry_in.as_millis()).unwrap_or(u64::MAX) })
    }

    /// How long the marketplace asked us to stay away, if it still applies.
    fn asked_to_wait(&self) -> Option<Duration> {
        let until = (*self.quiet_until.lock().ok()?)?;
        until.checked_duration_since(Instant::now()).filter(|d| !d.is_zero())
    }

    fn wait(&self, period: Duration) {
        if let Ok(mut until) = self.quiet_until.lock() {
            *until = Some(Instant::now() + period);
        }
    }

    /// Calls `marketplace` for `request` within `timeout`, retrying transient failures, unless
    /// the guard refuses the call.
    pub async fn call(&self, marketplace: &dyn Marketplace, request: &SearchRequest, timeout: Duration) -> Called {
        let deadline = Instant::now() + timeout;
        if let Some(wait) = self.asked_to_wait() {
            return Called::Refused(MarketplaceError::RateLimited { retry_after: Some(wait.as_secs().max(1)) });
        }
        let meters = self.meters(marketplace.id().as_str());
        let Ok(permit) = self.queue.enter(deadline).await else {
            meters.shed.increment(1);
            return Called::Refused(MarketplaceError::Overloaded);
        };
        let waited = permit.waited();
        if let Some(waited) = waited {
            meters.queue_wait.record(waited.as_secs_f64());
        }
        let _in_flight = InFlight::new(&meters.inflight);
        let admission = self.breaker.admit();
        meters.breaker_state.set(self.breaker.level());
        if let Admission::Refused { retry_in } = admission {
            return Called::Refused(MarketplaceError::CircuitOpen {
                retry_in_ms: u64::try_from(retry_in.as_millis()).unwrap_or(u64::MAX),
            });
        }
        self.budget.deposit();
        // Upstream time runs from the send: a wait in line for the cap is Pasar's, not the
        // marketplace's, and is timed apart (above).
        let sent = Instant::now();
        let outcome = self.attempts(marketplace, request, timeout, deadline, meters).await;
        let upstream = sent.elapsed();
        meters.duration.record(upstream.as_secs_f64());
        match outcome {
            Ok(page) => Called::Answered(page),
            Err(error) => Called::Failed(error, Took { upstream, waited }),
        }
    }

    /// The call and its retries, admitted.
    async fn attempts(
        &self,
        marketplace: &dyn Marketplace,
        request: &SearchRequest,
        timeout: Duration,
        deadline: Instant,
        meters: &Meters,
    ) -> Result<SearchPage, MarketplaceError> {
        let mut attempt = 0;
        loop {
            let outcome = tokio::time::timeout_at(deadline, marketplace.search(request))
                .await
                .unwrap_or_else(|_| Err(timed_out(timeout)));
            self.breaker.record(outcome.as_ref().map_or_else(|e| !is_failure(e), |_| true));
            self.last.note(&outcome);
            meters.breaker_state.set(self.breaker.level());
            let mut error = match outcome {
                Ok(page) => {
                    note_retries(attempt);
                    return Ok(page);
                }
                Err(error) => error,
            };
            // Capped where it is read, so what the client is told to wait is what is held.
            if let MarketplaceError::RateLimited { retry_after: Some(seconds) } = &mut error {
                *seconds = (*seconds).min(self.max_retry_after.as_secs().max(1));
                self.wait(Duration::from_secs(*seconds));
            }
            attempt += 1;
            let pause = self.retry.delay(attempt);
            let worth_it = attempt <= self.retry.max_retries
                && is_retryable(&error)
                && Instant::now() + pause + RETRY_HEADROOM < deadline
                && !self.breaker.is_open()
                && self.budget.withdraw();
            if !worth_it {
                note_retries(attempt - 1);
                return Err(error);
            }
            tokio::time::sleep(pause).await;
        }
    }
}

/// The failure of a call its deadline of `after` ended: `CONNECT_TIMEOUT` when it was still
/// connecting.
fn timed_out(after: Duration) -> MarketplaceError {
    MarketplaceError::Timeout { after, cause: Connecting::cause_here() }
}

/// The retries a call took, on the current span (the cache load's, when traces are on).
fn note_retries(retries: u32) {
    tracing::Span::current().record("retries", retries);
}

/// Counts one call in `pasar_inflight{marketplace}` while it lives.
struct InFlight(metrics::Gauge);

impl InFlight {
    fn new(gauge: &metrics::Gauge) -> Self {
        gauge.increment(1.0);
        Self(gauge.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.decrement(1.0);
    }
}
