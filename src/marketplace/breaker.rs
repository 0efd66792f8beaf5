//! A circuit breaker per marketplace.
//!
//! After `threshold` consecutive failures (timeouts, connection errors, 5xx, 429) the breaker
//! opens: calls fail at once with `CIRCUIT_OPEN` (and the cache may serve stale data) instead of
//! waiting out a deadline on a marketplace that is down. After the open time one probe is let
//! through; its success closes the breaker, its failure reopens it for twice as long (up to a cap).
//! An answer the marketplace gave outside the breaker (the readiness probe) closes it too: a
//! marketplace `/readyz` saw answering was refused to searches until the open time ran out
//! (review35o O35-4).
//!
//! Hand-written rather than taken from a crate (failsafe, recloser): the gateway needs the state
//! in its reports, tokio's pausable clock in tests, and exactly one half-open probe shared by
//! concurrent requests; the whole policy is the ~100 lines below.

use std::sync::Mutex;
use std::time::Duration;
use tokio::time::Instant;

/// Breaker settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BreakerPolicy {
    /// Consecutive failures that open the breaker; 0 disables it.
    pub threshold: u32,
    /// First open time.
    pub open_for: Duration,
    /// Longest open time after repeated failed probes.
    pub max_open_for: Duration,
    /// Longest a marketplace's `Retry-After` holds its calls off (the guard's, not the breaker's,
    /// but set beside it): `Retry-After: 86400` would otherwise be a day without it.
    pub max_retry_after: Duration,
}

impl Default for BreakerPolicy {
    fn default() -> Self {
        Self {
            threshold: 5,
            open_for: Duration::from_secs(5),
            max_open_for: MAX_OPEN_FOR,
            max_retry_after: Duration::from_secs(300),
        }
    }
}

/// The longest a breaker stays open after repeated failed probes, and so the longest first open
/// time `pasar check` accepts.
pub const MAX_OPEN_FOR: Duration = Duration::from_secs(120);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Closed {
        failures: u32,
    },
    Open {
        until: Instant,
        open_for: Duration,
        /// When it (last) opened: an answer older than that says nothing of the marketplace now.
        since: Instant,
    },
    /// One probe is out; everyone else is refused until it reports.
    Probing {
        open_for: Duration,
        since: Instant,
    },
}

/// Whether a call may go ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Go ahead.
    Allowed,
    /// Go ahead as the one probe of a half-open breaker.
    Probe,
    /// Refused; the breaker reopens for probing after this long.
    Refused {
        /// Time until a probe is allowed.
        retry_in: Duration,
    },
}

/// One marketplace's breaker.
#[derive(Debug)]
pub struct Breaker {
    policy: BreakerPolicy,
    state: Mutex<State>,
}

impl Breaker {
    /// A closed breaker.
    pub fn new(policy: BreakerPolicy) -> Self {
        Self { policy, state: Mutex::new(State::Closed { failures: 0 }) }
    }

    /// Asks to make a call now.
    pub fn admit(&self) -> Admission {
        let Ok(mut state) = self.state.lock() else { return Admission::Allowed };
        match *state {
            State::Closed { .. } => Admission::Allowed,
            State::Open { until, open_for, since } => {
                let now = Instant::now();
                if now >= until {
                    *state = State::Probing { open_for, since };
                    Admission::Probe
                } else {
                    Admission::Refused { retry_in: until - now }
                }
            }
            State::Probing { .. } => Admission::Refused { retry_in: Duration::ZERO },
        }
    }

    /// Reports a call's outcome: `true` when the marketplace answered usefully.
    pub fn record(&self, success: bool) {
        if self.policy.threshold == 0 {
            return;
        }
        let Ok(mut state) = self.state.lock() else { return };
        *state = match (*state, success) {
            (_, true) => State::Closed { failures: 0 },
            (State::Closed { failures }, false) if failures + 1 < self.policy.threshold => {
                State::Closed { failures: failures + 1 }
            }
            (State::Closed { .. }, false) => self.open(self.policy.open_for),
            (State::Probing { open_for, .. }, false) => self.open((open_for * 2).min(self.policy.max_open_for)),
            // A failure that started before the breaker opened changes nothing.
            (open @ State::Open { .. }, false) => open,
        };
    }

    /// Reports an answer the marketplace gave at `at` to a call outside the breaker (the
    /// readiness probe): it closes a breaker that opened before it, as a search's answer would.
    /// A failed probe is no search's failure and changes nothing.
    pub fn answered_at(&self, at: Instant) {
        let Ok(mut state) = self.state.lock() else { return };
        if let State::Open { since, .. } | State::Probing { since, .. } = *state
            && since <= at
        {
            *state = State::Closed { failures: 0 };
        }
    }

    /// The state as the `pasar_breaker_state` gauge shows it: 0 closed, 1 half-open, 2 open.
    pub fn level(&self) -> f64 {
        match self.state.lock().map(|s| *s) {
            Ok(State::Closed { .. }) | Err(_) => 0.0,
            Ok(State::Probing { .. }) => 1.0,
            Ok(State::Open { .. }) => 2.0,
        }
    }

    /// How long calls are still refused, without asking to make one (a probe in flight refuses
    /// the others too: `Some(0)`); `None` when the next call would be let through.
    pub fn refusing(&self) -> Option<Duration> {
        match *self.state.lock().ok()? {
            State::Open { until, .. } => until.checked_duration_since(Instant::now()).filter(|d| !d.is_zero()),
            State::Probing { .. } => Some(Duration::ZERO),
            State::Closed { .. } => None,
        }
    }

    /// Whether calls are currently refused.
    pub fn is_open(&self) -> bool {
        self.state.lock().is_ok_and(|s| !matches!(*s, State::Closed { .. }))
    }

    fn open(&self, open_for: Duration) -> State {
        let now = Instant::now();
        State::Open { until: now + open_for, open_for, since: now }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breaker() -> Breaker {
        Breaker::new(BreakerPolicy {
            threshold: 3,
            open_for: Duration::from_secs(5),
            max_open_for: Duration::from_secs(15),
            ..BreakerPolicy::default()
        })
    }

    #[tokio::test(start_paused = true)]
    async fn consecutive_failures_open_the_breaker_and_a_success_resets_the_count() {
        let b = breaker();
        b.record(false);
        b.record(false);
        b.record(true);
        b.record(false);
        b.record(false);
        assert_eq!(b.admit(), Admission::Allowed);
        b.record(false);
        assert!(matches!(b.admit(), Admission::Refused { .. }));
    }

    #[tokio::test(start_paused = true)]
    async fn after_the_open_time_exactly_one_probe_goes_through() {
        let b = breaker();
        (0..3).for_each(|_| b.record(false));
        tokio::time::sleep(Duration::from_secs(5)).await;
        assert_eq!(b.admit(), Admission::Probe);
        assert!(matches!(b.admit(), Admission::Refused { .. }), "concurrent calls wait for the probe");
        b.record(true);
        assert_eq!(b.admit(), Admission::Allowed);
        assert!(!b.is_open());
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_probe_reopens_for_longer_up_to_the_cap() {
        let b = breaker();
        (0..3).for_each(|_| b.record(false));
        for expected in [10, 15, 15] {
            tokio::time::sleep(Duration::from_secs(20)).await;
            assert_eq!(b.admit(), Admission::Probe);
            b.record(false);
            assert_eq!(b.admit(), Admission::Refused { retry_in: Duration::from_secs(expected) });
        }
    }

    #[tokio::test(start_paused = true)]
    async fn an_answer_outside_the_breaker_closes_it_unless_it_is_older_than_the_opening() {
        let b = breaker();
        let before = Instant::now();
        tokio::time::advance(Duration::from_millis(10)).await;
        (0..3).for_each(|_| b.record(false));
        b.answered_at(before);
        assert!(b.is_open(), "an answer from before the failures says nothing of now");
        b.answered_at(Instant::now());
        assert_eq!(b.admit(), Admission::Allowed, "closed at once, not after its open time");
        (0..3).for_each(|_| b.record(false));
        tokio::time::advance(Duration::from_secs(5)).await;
        assert_eq!(b.admit(), Admission::Probe);
        b.answered_at(Instant::now());
        assert_eq!(b.admit(), Admission::Allowed, "a half-open breaker closes too");
    }
}
