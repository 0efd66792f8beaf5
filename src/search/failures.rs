//! Marketplace failures as people read them: the first failure of a marketplace is logged at
//! once and opens a [`WINDOW`]; what follows within it (failures, answers, searches its guard
//! refused without calling) is only counted, and said in one summary line at the first failure or
//! answer after the window. A marketplace failing every call, or only some of them, writes a few
//! lines every 10 s under load, never one per call.

use crate::marketplace::guard::Took;
use crate::marketplace::{Cause, MarketplaceError};
use crate::model::MarketplaceId;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long after a logged failure what follows is only counted.
pub(crate) const WINDOW: Duration = Duration::from_secs(10);

/// What [`FailureLog`] wrote for one event (tests read it; operators read the lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Written {
    /// Nothing: counted into the current window, or nothing to say.
    Nothing,
    /// The failure's own line.
    Failure,
    /// A summary of the window, then the failure's own line.
    SummaryAndFailure,
    /// A summary of the window, as the marketplace answered after it.
    Recovered,
}

/// What happened to one marketplace since its last failure line.
pub(crate) struct Window {
    pub(crate) opened: Instant,
    pub(crate) failures: u64,
    pub(crate) answers: u64,
    /// Searches its guard refused without a call (circuit open, at its concurrency cap, asked to
    /// wait): no call, so no failure of the marketplace's.
    pub(crate) skipped: u64,
    pub(crate) last_code: &'static str,
    /// Why the last failure could not reach the marketplace, when it could not.
    pub(crate) last_cause: Option<Cause>,
}

impl Window {
    fn open(now: Instant, error: &MarketplaceError) -> Self {
        Self { opened: now, failures: 0, answers: 0, skipped: 0, last_code: error.code(), last_cause: error.cause() }
    }

    fn is_open(&self, now: Instant) -> bool {
        now.saturating_duration_since(self.opened) < WINDOW
    }

    /// Whether a summary has anything to say an answer does not already say.
    fn worth_saying(&self) -> bool {
        self.failures > 0 || self.skipped > 0
    }
}

/// The failure windows of marketplaces: which failure gets its own line and which window is
/// summarised when. Shared with spending's ledger reads (`spending::failures`), which write
/// lines of their own.
#[derive(Default)]
pub(crate) struct Windows {
    windows: Mutex<HashMap<MarketplaceId, Window>>,
}

impl Windows {
    /// A failure at `now`: `None` when it is counted into the open window; else its own line is
    /// due, after a summary of the window it closes when that has something to say.
    pub(crate) fn failure(&self, id: &MarketplaceId, error: &MarketplaceError, now: Instant) -> Option<Option<Window>> {
        let mut windows = self.windows.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(window) = windows.get_mut(id).filter(|w| w.is_open(now)) {
            window.failures += 1;
            (window.last_code, window.last_cause) = (error.code(), error.cause());
            return None;
        }
        let closed = windows.insert(id.clone(), Window::open(now, error)).filter(Window::worth_saying);
        Some(closed)
    }

    /// An answer at `now`. Within a window it is counted (a marketplace failing half its calls
    /// answers the other half, and each answer ending the window would let the next failure
    /// write its own line); after it the window closes, and is returned when it has something
    /// to say.
    pub(crate) fn answer(&self, id: &MarketplaceId, now: Instant) -> Option<Window> {
        let mut windows = self.windows.lock().unwrap_or_else(PoisonError::into_inner);
        let window = windows.get_mut(id)?;
        if window.is_open(now) {
            window.answers += 1;
            return None;
        }
        windows.remove(id).filter(Window::worth_saying)
    }

    /// A search `id`'s guard refused without calling it: counted in the open window, if any.
    pub(crate) fn refusal(&self, id: &MarketplaceId) {
        let mut windows = self.windows.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(window) = windows.get_mut(id) {
            window.skipped += 1;
        }
    }
}

/// Failure lines per marketplace, summarised.
#[derive(Default)]
pub(super) struct FailureLog {
    windows: Windows,
}

impl FailureLog {
    /// Notes a failed call.
    pub(super) fn failed(&self, id: &MarketplaceId, error: &MarketplaceError, took: Took) -> Written {
        self.failed_at(id, error, took, Instant::now())
    }

    fn failed_at(&self, id: &MarketplaceId, error: &MarketplaceError, took: Took, now: Instant) -> Written {
        let cause = error.cause().map(Cause::as_str);
        if let Some(cause) = cause {
            metrics::counter!("pasar_marketplace_connect_failures_total", "marketplace" => id.to_string(), "cause" => cause)
                .increment(1);
        }
        let Some(closed) = self.windows.failure(id, error, now) else { return Written::Nothing };
        let written = match closed {
            Some(window) => {
                summarise(id, &window, now, false);
                Written::SummaryAndFailure
            }
            None => Written::Failure,
        };
        // The marketplace's own time; a wait in line for its concurrency cap is Pasar's, said
        // apart when there was one worth a millisecond.
        let latency_ms = millis(took.upstream);
        let queue_wait_ms = took.waited.map(millis).filter(|ms| *ms > 0);
        tracing::warn!(marketplace = %id, code = error.code(), cause, latency_ms, queue_wait_ms, %error, "Marketplace call failed.");
        written
    }

    /// Notes an answer (see [`Windows::answer`]).
    pub(super) fn answered(&self, id: &MarketplaceId) -> Written {
        self.answered_at(id, Instant::now())
    }

    fn answered_at(&self, id: &MarketplaceId, now: Instant) -> Written {
        let Some(window) = self.windows.answer(id, now) else { return Written::Nothing };
        summarise(id, &window, now, true);
        Written::Recovered
    }

    /// Notes a search that `id`'s guard refused without calling it. Counted apart, in the window
    /// of the failures that led to it; with no window (shed while the marketplace answers) it is
    /// not logged at all: `pasar_shed_total` counts it.
    pub(super) fn refused(&self, id: &MarketplaceId) {
        self.windows.refusal(id);
    }
}

fn millis(took: Duration) -> u64 {
    u64::try_from(took.as_millis()).unwrap_or(u64::MAX)
}

fn summarise(id: &MarketplaceId, window: &Window, now: Instant, recovered: bool) {
    let seconds = now.saturating_duration_since(window.opened).as_secs();
    let failed = match window.failures {
        0 => "failed no more".to_string(),
        1 => "failed once more".to_string(),
        n => format!("failed {n} more times"),
    };
    let answered = match window.answers {
        0 => String::new(),
        1 => ", answered once".to_string(),
        n => format!(", answered {n} times"),
    };
    let skipped = match window.skipped {
        0 => String::new(),
        n => format!("; {n} searches skipped it without a call (circuit open or at its concurrency cap)"),
    };
    let then = if recovered { ". It answers again" } else { "" };
    let last_cause = window.last_cause.map(Cause::as_str);
    let why =
        last_cause.filter(|_| window.failures > 0).map(|cause| format!(" (the last: {cause})")).unwrap_or_default();
    tracing::warn!(
        marketplace = %id,
        failures = window.failures,
        answers = window.answers,
        skipped = window.skipped,
        seconds,
        last_code = window.last_code,
        last_cause,
        "Marketplace {failed}{why}{answered} in {seconds} s{skipped}{then}."
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(start: Instant, millis: u64) -> Instant {
        start + Duration::from_millis(millis)
    }

    const TOOK: Took = Took { upstream: Duration::from_millis(1), waited: None };

    #[test]
    fn a_thousand_failures_in_a_burst_write_one_line_and_one_summary() {
        let log = FailureLog::default();
        let id = MarketplaceId::new("mbiz");
        let start = Instant::now();
        let writes: Vec<Written> =
            (0..1000).map(|i| log.failed_at(&id, &MarketplaceError::Overloaded, TOOK, at(start, i))).collect();
        assert_eq!(writes.iter().filter(|w| **w != Written::Nothing).count(), 1, "one line for the burst");
        assert_eq!(writes[0], Written::Failure);
        let later = log.failed_at(&id, &MarketplaceError::Overloaded, TOOK, start + WINDOW + Duration::from_secs(1));
        assert_eq!(later, Written::SummaryAndFailure, "the 999 counted are said with the next failure");
        assert_eq!(log.answered(&id), Written::Nothing, "an answer within the new window is counted");
    }

    /// Review 25 R1: an answer ended the window, so each failure after one wrote its own line.
    #[test]
    fn a_marketplace_failing_every_other_call_for_a_minute_writes_two_lines_per_window() {
        let log = FailureLog::default();
        let id = MarketplaceId::new("mbiz");
        let start = Instant::now();
        let error = MarketplaceError::BadResponse { reason: "cut".into() };
        // 3,000 calls in 60 s, every other one failing: 1,500 failures.
        let lines = (0..3000u64)
            .map(|i| match i % 2 {
                0 => log.failed_at(&id, &error, TOOK, at(start, i * 20)),
                _ => log.answered_at(&id, at(start, i * 20)),
            })
            .map(|written| match written {
                Written::Nothing => 0,
                Written::Failure | Written::Recovered => 1,
                Written::SummaryAndFailure => 2,
            })
            .sum::<u32>();
        assert!((6..=12).contains(&lines), "six 10 s windows, a line and a summary each: {lines} lines");
    }

    #[test]
    fn failures_and_answers_within_the_window_are_said_at_the_first_answer_after_it() {
        let log = FailureLog::default();
        let (a, b) = (MarketplaceId::new("mbiz"), MarketplaceId::new("bela"));
        let start = Instant::now();
        assert_eq!(log.failed_at(&a, &MarketplaceError::Overloaded, TOOK, start), Written::Failure);
        assert_eq!(log.failed_at(&a, &MarketplaceError::Overloaded, TOOK, at(start, 1)), Written::Nothing);
        assert_eq!(log.answered_at(&a, at(start, 2)), Written::Nothing, "counted");
        let other = log.failed_at(&b, &MarketplaceError::Overloaded, TOOK, at(start, 3));
        assert_eq!(other, Written::Failure, "another marketplace's own line");
        let after = start + WINDOW;
        assert_eq!(log.answered_at(&a, after), Written::Recovered);
        assert_eq!(log.answered_at(&b, after), Written::Nothing, "b's one failure was already said");
        let again = log.failed_at(&a, &MarketplaceError::Overloaded, TOOK, at(after, 1));
        assert_eq!(again, Written::Failure, "a fresh window after the summary");
    }

    /// Review 25 R9: a search the open breaker refused was counted as a failed call.
    #[test]
    fn searches_refused_without_a_call_are_counted_apart_from_failures() {
        let log = FailureLog::default();
        let id = MarketplaceId::new("bela");
        let start = Instant::now();
        log.refused(&id);
        assert!(log.windows.windows.lock().expect("lock").get(&id).is_none(), "no window, no line for a shed search");
        log.failed_at(&id, &MarketplaceError::Overloaded, TOOK, start);
        (0..500).for_each(|_| log.refused(&id));
        let windows = log.windows.windows.lock().expect("lock");
        let window = windows.get(&id).expect("window");
        assert_eq!((window.failures, window.skipped), (0, 500));
        assert!(window.worth_saying(), "the refusals are said in the summary");
    }
}
