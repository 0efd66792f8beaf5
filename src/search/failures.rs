//! Marketplace failures as people read them: the first failure of a marketplace is logged at
//! once; further failures within [`WINDOW`] are only counted, and said in one summary line when
//! the next failure after the window comes or when the marketplace answers again. Under load a
//! failing marketplace writes a line every few seconds, never one per call.

use crate::marketplace::MarketplaceError;
use crate::model::MarketplaceId;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long after a logged failure further ones are only counted.
const WINDOW: Duration = Duration::from_secs(10);

/// What [`FailureLog`] wrote for one event (tests read it; operators read the lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Written {
    /// Nothing: counted into the current window.
    Nothing,
    /// The failure's own line.
    Failure,
    /// A summary of the failures counted, then the failure's own line.
    SummaryAndFailure,
    /// A summary of the failures counted, as the marketplace answered again.
    Recovered,
}

struct Window {
    opened: Instant,
    counted: u64,
    last_code: &'static str,
}

/// Failure lines per marketplace, summarised.
#[derive(Default)]
pub(super) struct FailureLog {
    windows: Mutex<HashMap<MarketplaceId, Window>>,
}

impl FailureLog {
    /// Notes a failed call.
    pub(super) fn failed(&self, id: &MarketplaceId, error: &MarketplaceError, latency_ms: u64) -> Written {
        self.failed_at(id, error, latency_ms, Instant::now())
    }

    fn failed_at(&self, id: &MarketplaceId, error: &MarketplaceError, latency_ms: u64, now: Instant) -> Written {
        let mut windows = self.windows.lock().unwrap_or_else(PoisonError::into_inner);
        let written = match windows.get_mut(id) {
            Some(window) if now.saturating_duration_since(window.opened) < WINDOW => {
                window.counted += 1;
                window.last_code = error.code();
                return Written::Nothing;
            }
            Some(window) if window.counted > 0 => {
                summarise(id, window, now, false);
                Written::SummaryAndFailure
            }
            _ => Written::Failure,
        };
        windows.insert(id.clone(), Window { opened: now, counted: 0, last_code: error.code() });
        tracing::warn!(marketplace = %id, code = error.code(), latency_ms, %error, "Marketplace call failed.");
        written
    }

    /// Notes an answer: failures counted since the last line are said now.
    pub(super) fn answered(&self, id: &MarketplaceId) -> Written {
        let mut windows = self.windows.lock().unwrap_or_else(PoisonError::into_inner);
        match windows.remove(id) {
            Some(window) if window.counted > 0 => {
                summarise(id, &window, Instant::now(), true);
                Written::Recovered
            }
            _ => Written::Nothing,
        }
    }
}

fn summarise(id: &MarketplaceId, window: &Window, now: Instant, recovered: bool) {
    let seconds = now.saturating_duration_since(window.opened).as_secs();
    let times = match window.counted {
        1 => "once more".to_string(),
        n => format!("{n} more times"),
    };
    let then = if recovered { " before answering again" } else { "" };
    tracing::warn!(
        marketplace = %id,
        failures = window.counted,
        seconds,
        last_code = window.last_code,
        "Marketplace failed {times}{then} in {seconds} s."
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thousand_failures_in_a_burst_write_one_line_and_one_summary() {
        let log = FailureLog::default();
        let id = MarketplaceId::new("mbiz");
        let start = Instant::now();
        let writes: Vec<Written> = (0..1000)
            .map(|i| log.failed_at(&id, &MarketplaceError::Overloaded, 1, start + Duration::from_millis(i)))
            .collect();
        assert_eq!(writes.iter().filter(|w| **w != Written::Nothing).count(), 1, "one line for the burst");
        assert_eq!(writes[0], Written::Failure);
        let later = log.failed_at(&id, &MarketplaceError::Overloaded, 1, start + WINDOW + Duration::from_secs(1));
        assert_eq!(later, Written::SummaryAndFailure, "the 999 counted are said with the next failure");
        assert_eq!(log.answered(&id), Written::Nothing, "nothing counted since that line");
    }

    #[test]
    fn failures_counted_before_an_answer_are_said_when_it_comes_and_each_marketplace_apart() {
        let log = FailureLog::default();
        let (a, b) = (MarketplaceId::new("mbiz"), MarketplaceId::new("bela"));
        assert_eq!(log.failed(&a, &MarketplaceError::Overloaded, 1), Written::Failure);
        assert_eq!(log.failed(&a, &MarketplaceError::Overloaded, 1), Written::Nothing);
        assert_eq!(
            log.failed(&b, &MarketplaceError::Overloaded, 1),
            Written::Failure,
            "another marketplace's own line"
        );
        assert_eq!(log.answered(&a), Written::Recovered);
        assert_eq!(log.answered(&b), Written::Nothing, "b's one failure was already said");
        assert_eq!(log.failed(&a, &MarketplaceError::Overloaded, 1), Written::Failure, "a fresh window after recovery");
    }
}
