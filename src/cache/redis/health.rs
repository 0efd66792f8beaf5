//! Redis's own breaker: after a few failures in a row Redis is skipped for a second, then tried
//! again. Operators get one line when Redis goes away and one when it is back, never one per call,
//! and the metrics `pasar_redis_up` (0 while it is skipped) and `pasar_redis_failures_total`.

use std::sync::Mutex;
use std::sync::PoisonError;
use std::time::{Duration, Instant};

/// Failures in a row that make Redis be skipped.
const THRESHOLD: u32 = 3;
/// How long it is skipped before one more try.
const SKIP_FOR: Duration = Duration::from_secs(1);

#[derive(Default)]
pub(super) struct Health(Mutex<State>);

#[derive(Default)]
struct State {
    failures: u32,
    skip_until: Option<Instant>,
    down_since: Option<Instant>,
    failed_calls: u64,
}

impl Health {
    pub(super) fn allows(&self) -> bool {
        let state = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        state.skip_until.is_none_or(|until| Instant::now() >= until)
    }

    pub(super) fn succeeded(&self) {
        let mut state = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(since) = state.down_since.take() {
            metrics::gauge!("pasar_redis_up").set(1.0);
            tracing::info!(
                down_for_ms = u64::try_from(since.elapsed().as_millis()).unwrap_or(u64::MAX),
                failed_calls = state.failed_calls,
                "Redis is back; the shared cache is used again."
            );
        }
        *state = State::default();
    }

    /// Counts a failure; true when it makes Redis be skipped (again).
    pub(super) fn failed(&self, error: &str) -> bool {
        let mut state = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        state.failures += 1;
        state.failed_calls += 1;
        metrics::counter!("pasar_redis_failures_total").increment(1);
        if state.failures >= THRESHOLD {
            state.skip_until = Some(Instant::now() + SKIP_FOR);
            if state.down_since.is_none() {
                state.down_since = Some(Instant::now());
                metrics::gauge!("pasar_redis_up").set(0.0);
                tracing::warn!(
                    error,
                    "Redis is unavailable; serving from memory and the marketplaces until it is back."
                );
            }
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_failures_in_a_row_skip_redis_and_a_success_resets() {
        let health = Health::default();
        health.failed("x");
        health.failed("x");
        assert!(health.allows(), "two failures are not enough");
        health.failed("x");
        assert!(!health.allows(), "three in a row skip Redis");
        health.succeeded();
        assert!(health.allows());
    }
}
