//! Everything that stands between a search and one marketplace call: the concurrency cap (shed,
//! never queue), the circuit breaker, the deadline, and budgeted retries inside it.

use super::breaker::{Admission, Breaker, BreakerPolicy};
use super::retry::{RetryBudget, RetryPolicy, is_failure, is_retryable};
use super::{Marketplace, MarketplaceError, SearchPage, SearchRequest};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::Instant;

/// Margin a retry must leave before the deadline to be worth starting.
const RETRY_HEADROOM: Duration = Duration::from_millis(20);

/// Per-marketplace protection, shared by all requests.
#[derive(Debug)]
pub struct Guard {
    permits: Arc<Semaphore>,
    breaker: Breaker,
    retry: RetryPolicy,
    budget: RetryBudget,
}

impl Guard {
    /// A guard allowing `concurrency` calls in flight.
    pub fn new(concurrency: usize, breaker: BreakerPolicy, retry: RetryPolicy) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(concurrency.max(1))),
            breaker: Breaker::new(breaker),
            retry,
            budget: RetryBudget::new(retry),
        }
    }

    /// Whether the breaker currently refuses calls.
    pub fn is_open(&self) -> bool {
        self.breaker.is_open()
    }

    /// Calls `marketplace` for `request` within `timeout`, retrying transient failures.
    pub async fn call(
        &self,
        marketplace: &dyn Marketplace,
        request: &SearchRequest,
        timeout: Duration,
    ) -> Result<SearchPage, MarketplaceError> {
        let deadline = Instant::now() + timeout;
        let _permit = self.permits.clone().try_acquire_owned().map_err(|_| MarketplaceError::Overloaded)?;
        if let Admission::Refused { retry_in } = self.breaker.admit() {
            return Err(MarketplaceError::CircuitOpen {
                retry_in_ms: u64::try_from(retry_in.as_millis()).unwrap_or(u64::MAX),
            });
        }
        self.budget.deposit();
        let mut attempt = 0;
        loop {
            let outcome = tokio::time::timeout_at(deadline, marketplace.search(request))
                .await
                .unwrap_or(Err(MarketplaceError::Timeout { after: timeout }));
            self.breaker.record(outcome.as_ref().map_or_else(|e| !is_failure(e), |_| true));
            let error = match outcome {
                Ok(page) => return Ok(page),
                Err(error) => error,
            };
            attempt += 1;
            let pause = self.retry.delay(attempt);
            let worth_it = attempt <= self.retry.max_retries
                && is_retryable(&error)
                && Instant::now() + pause + RETRY_HEADROOM < deadline
                && !self.breaker.is_open()
                && self.budget.withdraw();
            if !worth_it {
                return Err(error);
            }
            tokio::time::sleep(pause).await;
        }
    }
}
