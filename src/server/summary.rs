//! Turned-away connections and accept errors, summed and logged at most once per interval, so
//! an attack or a descriptor shortage never becomes a busy log loop.

use super::caps::Refused;
use std::time::Duration;

/// How often the summary is logged while something happens.
pub(crate) const INTERVAL: Duration = Duration::from_secs(10);

/// Counts since the last summary line.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    total_cap: u64,
    per_client_cap: u64,
    accept_errors: u64,
    last_error: Option<String>,
}

impl Summary {
    pub(crate) fn refused(&mut self, why: Refused) {
        match why {
            Refused::Total => self.total_cap += 1,
            Refused::PerClient => self.per_client_cap += 1,
        }
    }

    pub(crate) fn accept_error(&mut self, error: &std::io::Error) {
        self.accept_errors += 1;
        self.last_error = Some(error.to_string());
    }

    /// Logs what was counted, if anything, and starts counting afresh.
    pub(crate) fn flush(&mut self) {
        if self.total_cap + self.per_client_cap > 0 {
            tracing::warn!(
                at_total_cap = self.total_cap,
                at_per_client_cap = self.per_client_cap,
                "Connections closed at once because a connection cap was reached."
            );
        }
        if self.accept_errors > 0 {
            tracing::error!(
                count = self.accept_errors,
                last = self.last_error.as_deref().unwrap_or_default(),
                "Accepting connections failed."
            );
        }
        *self = Self::default();
    }
}

/// Pause after a failed accept: doubling from 5 ms to 1 s, so a descriptor shortage (EMFILE)
/// does not spin, and reset by the next successful accept.
#[derive(Debug)]
pub(crate) struct Backoff(Duration);

impl Default for Backoff {
    fn default() -> Self {
        Self(Self::FIRST)
    }
}

impl Backoff {
    const FIRST: Duration = Duration::from_millis(5);
    const MAX: Duration = Duration::from_secs(1);

    pub(crate) fn next(&mut self) -> Duration {
        let now = self.0;
        self.0 = (self.0 * 2).min(Self::MAX);
        now
    }

    pub(crate) fn reset(&mut self) {
        self.0 = Self::FIRST;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_backoff_doubles_up_to_a_second_and_starts_over_after_a_success() {
        let mut backoff = Backoff::default();
        let waits: Vec<_> = (0..10).map(|_| backoff.next()).collect();
        assert_eq!(waits[0], Duration::from_millis(5));
        assert_eq!(waits[1], Duration::from_millis(10));
        assert_eq!(waits[9], Duration::from_secs(1));
        backoff.reset();
        assert_eq!(backoff.next(), Duration::from_millis(5));
    }
}
