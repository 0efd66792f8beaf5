//! Retries of idempotent searches: backoff with full jitter, inside the deadline, under a budget.
//!
//! A retry budget (as in Envoy and Finagle) caps retries at a share of recent requests, so a
//! marketplace that is failing is not hit with a multiple of its normal load exactly when it can
//! least take it: each first attempt deposits `ratio` tokens, each retry withdraws one.

use super::MarketplaceError;
use std::sync::Mutex;
use std::time::Duration;

/// Retry settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt; 0 disables retrying.
    pub max_retries: u32,
    /// Backoff before the first retry; doubled for each further one.
    pub base_delay: Duration,
    /// Retries allowed per first attempt, on average (0.2 = at most 20 % extra load).
    pub budget_ratio: f64,
    /// Retries always allowed, so a quiet marketplace can still retry.
    pub budget_floor: f64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self { max_retries: 2, base_delay: Duration::from_millis(50), budget_ratio: 0.2, budget_floor: 3.0 }
    }
}

impl RetryPolicy {
    /// The pause before retry number `attempt` (1-based): uniform in `[0, base × 2^(attempt-1)]`.
    pub fn delay(&self, attempt: u32) -> Duration {
        let cap = self.base_delay.saturating_mul(1 << attempt.saturating_sub(1).min(16));
        cap.mul_f64(rand::random::<f64>())
    }
}

/// Whether an error is worth retrying: the marketplace may answer the same request next time.
pub fn is_retryable(error: &MarketplaceError) -> bool {
    match error {
        MarketplaceError::Unreachable { .. } => true,
        MarketplaceError::Status { status } => matches!(status, 502..=504),
        // Retrying a 429 inside the request is what it asks us not to do (reliability.md §3.1).
        MarketplaceError::RateLimited { .. } => false,
        _ => false,
    }
}

/// Whether an error counts against the marketplace's health (breaker), not against the request.
pub fn is_failure(error: &MarketplaceError) -> bool {
    match error {
        MarketplaceError::Timeout { .. } | MarketplaceError::Unreachable { .. } => true,
        MarketplaceError::Status { status } => *status >= 500,
        MarketplaceError::RateLimited { .. } => true,
        MarketplaceError::TooLarge { .. } | MarketplaceError::BadResponse { .. } => false,
        MarketplaceError::Overloaded
        | MarketplaceError::CircuitOpen { .. }
        | MarketplaceError::Down { .. }
        | MarketplaceError::Removed => false,
    }
}

/// Tokens for retries, earned by first attempts; counted in thousandths so ratios add up exactly.
#[derive(Debug)]
pub struct RetryBudget {
    deposit: u64,
    cap: u64,
    milli_tokens: Mutex<u64>,
}

const ONE: u64 = 1000;

impl RetryBudget {
    /// A full budget.
    pub fn new(policy: RetryPolicy) -> Self {
        let floor = (policy.budget_floor.max(0.0) * ONE as f64) as u64;
        Self {
            deposit: (policy.budget_ratio.max(0.0) * ONE as f64) as u64,
            // Capped so a long quiet spell does not bank an unbounded burst of retries.
            cap: floor.max(10 * ONE),
            milli_tokens: Mutex::new(floor),
        }
    }

    /// Records a first attempt.
    pub fn deposit(&self) {
        if let Ok(mut tokens) = self.milli_tokens.lock() {
            *tokens = (*tokens + self.deposit).min(self.cap);
        }
    }

    /// Takes one retry from the budget, if there is one.
    pub fn withdraw(&self) -> bool {
        let Ok(mut tokens) = self.milli_tokens.lock() else { return false };
        let allowed = *tokens >= ONE;
        if allowed {
            *tokens -= ONE;
        }
        allowed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_stays_within_its_cap() {
        let policy = RetryPolicy::default();
        for attempt in 1..=4 {
            let cap = policy.base_delay * (1 << (attempt - 1));
            assert!((0..50).all(|_| policy.delay(attempt) <= cap));
        }
    }

    #[test]
    fn the_budget_allows_the_floor_then_only_a_share_of_first_attempts() {
        let budget = RetryBudget::new(RetryPolicy::default());
        assert_eq!((0..10).filter(|_| budget.withdraw()).count(), 3);
        for _ in 0..50 {
            budget.deposit();
        }
        assert_eq!((0..100).filter(|_| budget.withdraw()).count(), 10, "50 requests earn 10 retries");
    }

    #[test]
    fn only_transient_errors_are_retried() {
        assert!(is_retryable(&MarketplaceError::Status { status: 503 }));
        assert!(is_retryable(&MarketplaceError::Unreachable { reason: "reset".into(), cause: None }));
        assert!(!is_retryable(&MarketplaceError::Status { status: 500 }), "a 500 is a bug, not a blip");
        assert!(!is_retryable(&MarketplaceError::Status { status: 401 }));
        assert!(!is_retryable(&MarketplaceError::BadResponse { reason: "x".into() }));
        assert!(!is_retryable(&MarketplaceError::Timeout { after: Duration::from_secs(1), cause: None }));
        assert!(!is_retryable(&MarketplaceError::RateLimited { retry_after: Some(30) }));
        assert!(!is_retryable(&MarketplaceError::RateLimited { retry_after: None }));
    }
}
