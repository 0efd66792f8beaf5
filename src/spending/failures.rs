//! Ledger failures as people read them, as search failures are (`pasar::search::failures`): a
//! marketplace's first failed ledger read is logged at once with its buyer and year; further
//! ones within its 10 s window are only counted, and said in one summary line with the next failure
//! after the window or the first read that succeeds after it. A read succeeding within the
//! window leaves it open: a marketplace failing every other read would otherwise write a line
//! per failure. A ledger failing under load (every Pemda of a province, every page view) writes
//! at most two lines per window, not one per request. Each load counts once, however many
//! requests waited for it.

use crate::marketplace::MarketplaceError;
use crate::model::MarketplaceId;
use crate::search::failures::{Window, Windows, Written};
use std::time::Instant;

/// Failure lines of ledger reads per marketplace, summarised on search's windows
/// ([`Windows`]), with lines of their own.
#[derive(Default)]
pub(super) struct LedgerFailures {
    windows: Windows,
}

impl LedgerFailures {
    /// Notes how one load of `buyer`'s `year` on `id` ended.
    pub(super) fn note<T>(&self, id: &MarketplaceId, result: &Result<T, MarketplaceError>, buyer: &str, year: i32) {
        match result {
            Ok(_) => self.answered_at(id, Instant::now()),
            Err(error) => self.failed_at(id, error, buyer, year, Instant::now()),
        };
    }

    fn failed_at(&self, id: &MarketplaceId, error: &MarketplaceError, buyer: &str, year: i32, now: Instant) -> Written {
        let Some(closed) = self.windows.failure(id, error, now) else { return Written::Nothing };
        let written = match closed {
            Some(window) => {
                summarise(id, &window, now, false);
                Written::SummaryAndFailure
            }
            None => Written::Failure,
        };
        tracing::warn!(marketplace = %id, buyer, year, code = error.code(), error = %error, "ledger not read");
        written
    }

    fn answered_at(&self, id: &MarketplaceId, now: Instant) -> Written {
        let Some(window) = self.windows.answer(id, now) else { return Written::Nothing };
        summarise(id, &window, now, true);
        Written::Recovered
    }
}

fn summarise(id: &MarketplaceId, window: &Window, now: Instant, recovered: bool) {
    let seconds = now.saturating_duration_since(window.opened).as_secs();
    let times = match window.failures {
        1 => "once more".to_string(),
        n => format!("{n} more times"),
    };
    let then = if recovered { " before one was read again" } else { "" };
    tracing::warn!(
        marketplace = %id,
        failures = window.failures,
        seconds,
        last_code = window.last_code,
        "Ledger reads failed {times}{then} in {seconds} s."
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::failures::WINDOW;
    use std::time::Duration;

    fn bad() -> MarketplaceError {
        MarketplaceError::BadResponse { reason: "not JSON".into() }
    }

    #[test]
    fn a_burst_of_failed_ledgers_writes_one_line_then_a_summary_with_the_next_failure_or_read() {
        let (log, id, start) = (LedgerFailures::default(), MarketplaceId::new("jatim-bejo"), Instant::now());
        let writes: Vec<Written> =
            (0..600).map(|i| log.failed_at(&id, &bad(), "35.17", 2023, start + Duration::from_millis(i))).collect();
        assert_eq!(writes.iter().filter(|w| **w != Written::Nothing).count(), 1, "one line for the burst");
        let later = log.failed_at(&id, &bad(), "35.71", 2023, start + WINDOW + Duration::from_secs(1));
        assert_eq!(later, Written::SummaryAndFailure, "the 599 counted are said with the next failure");
        assert_eq!(
            log.failed_at(&id, &bad(), "35.71", 2023, start + WINDOW + Duration::from_secs(2)),
            Written::Nothing
        );
        let after = start + 2 * WINDOW + Duration::from_secs(2);
        assert_eq!(log.answered_at(&id, after), Written::Recovered, "the one counted is said with a read");
        assert_eq!(log.answered_at(&MarketplaceId::new("mbiz"), after), Written::Nothing, "another is apart");
    }

    #[test]
    fn reads_succeeding_between_failures_leave_the_window_open() {
        let (log, id, start) = (LedgerFailures::default(), MarketplaceId::new("jatim-bejo"), Instant::now());
        let writes: Vec<Written> = (0..300)
            .map(|i| {
                let at = start + Duration::from_millis(i);
                if i % 2 == 0 { log.failed_at(&id, &bad(), "35.17", 2023, at) } else { log.answered_at(&id, at) }
            })
            .collect();
        assert_eq!(writes.iter().filter(|w| **w != Written::Nothing).count(), 1, "one line for half failing");
        assert_eq!(log.answered_at(&id, start + WINDOW), Written::Recovered, "the 149 counted, said after the window");
    }
}
