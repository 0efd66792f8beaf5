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

/// What `/readyz` says of Redis: Redis down never makes an instance unready (it serves alone).
#[derive(Debug, Clone, serde::Serialize)]
pub struct RedisState {
    /// False from the failure that made Redis be skipped (or a failed connection at start-up)
    /// until a command succeeds.
    pub up: bool,
    /// What failed, as Redis or the network said it, while not up.
    pub error: Option<String>,
}

/// What the connection at start-up failed with (`None`: no answer within 1 s), and the warning
/// that tells the cases apart. A Redis that answered with a refusal (a database it does not
/// have, `/99` of 16; a password it refuses) was said not to answer, which sent operators to
/// the network (review40o R40o-13).
pub(super) fn unusable(failed: Option<&redis::RedisError>) -> (String, &'static str) {
    match failed {
        None => {
            ("timed out after 1s".into(), "Redis does not answer; serving from this instance's own cache until it does")
        }
        Some(e) if e.is_io_error() => {
            (e.to_string(), "Redis cannot be reached; serving from this instance's own cache until it can")
        }
        Some(e) => (
            e.to_string(),
            "Redis refused this instance: check `[cache.redis] url` (its database) and PASAR_REDIS_PASSWORD; \
             serving from this instance's own cache meanwhile",
        ),
    }
}

#[derive(Default)]
pub(super) struct Health(Mutex<State>);

#[derive(Default)]
struct State {
    failures: u32,
    skip_until: Option<Instant>,
    down_since: Option<Instant>,
    failed_calls: u64,
    /// What the last failure said, kept while Redis is down.
    last_error: Option<String>,
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

    /// Redis found unusable by the connection at start-up (whose warning says why): down, with
    /// `error` as the reason, until a command succeeds.
    pub(super) fn down_at_start(&self, error: &str) {
        let mut state = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        state.down_since.get_or_insert_with(Instant::now);
        state.last_error = Some(error.to_string());
        metrics::gauge!("pasar_redis_up").set(0.0);
    }

    /// Why Redis is not used now; `None` while it is.
    pub(super) fn down_because(&self) -> Option<String> {
        let state = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        state.down_since.and(state.last_error.clone())
    }

    /// Counts a failure; true when it makes Redis be skipped (again).
    pub(super) fn failed(&self, error: &str) -> bool {
        let mut state = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        state.failures += 1;
        state.failed_calls += 1;
        state.last_error = Some(error.to_string());
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

    #[test]
    fn the_reason_redis_is_down_is_kept_until_it_answers_again() {
        let health = Health::default();
        health.failed("first");
        assert_eq!(health.down_because(), None, "one failure does not take Redis out of use");
        health.failed("second");
        health.failed("ERR DB index is out of range");
        assert_eq!(health.down_because().as_deref(), Some("ERR DB index is out of range"));
        health.succeeded();
        assert_eq!(health.down_because(), None);
        health.down_at_start("refused at start");
        assert_eq!(health.down_because().as_deref(), Some("refused at start"));
    }
}
