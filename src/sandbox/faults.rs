//! Fault injection: the knobs that make a sandbox slow, failing or wrong, set in-process through
//! [`Faults`] or over HTTP at `/_sandbox/faults` (as a `FaultConfig`, in `fault_config.rs`).
//!
//! What each mode sends is in `inject.rs`; the modes that break the connection itself (`Reset`,
//! `Truncated`, `HeadersThenStall`, `SlowDrip`) are meant for a sandbox serving on a socket.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::Duration;

use tokio::time::Instant;

/// How the search endpoint misbehaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FaultMode {
    /// Answer normally.
    #[default]
    None,
    /// Answer with this HTTP status and a small JSON error; 429 and 503 carry `Retry-After`
    /// (1 s unless [`Faults::set_retry_after`] says otherwise).
    Status(u16),
    /// Never answer (until the sandbox stops, when it answers 503).
    Hang,
    /// 200 with a truncated JSON body (a complete HTTP message whose JSON is cut).
    Garbage,
    /// 200 with an HTML error page.
    Html,
    /// 200 with valid JSON whose fields have the wrong types.
    WrongTypes,
    /// 200 with a valid, empty result padded to about this many bytes, streamed with its
    /// `Content-Length` (no per-request buffer, so 50 MB costs no memory).
    Oversized(usize),
    /// 200 and headers, then no body byte ever (until the sandbox stops).
    HeadersThenStall,
    /// The real answer, dripped in small chunks at about this many bytes per second.
    SlowDrip {
        /// Body bytes sent per second (at least 1).
        bytes_per_sec: u64,
    },
    /// Reads the request, then drops the connection without a response (a TCP reset).
    Reset,
    /// The real answer with `Content-Length` of the whole body, but only its first half before
    /// the connection closes.
    Truncated,
    /// 200 with `Content-Encoding: gzip`: about 100 KiB that inflate to 100 MiB of JSON padding.
    GzipBomb,
    /// Alternately healthy and 503 (with `Retry-After`) in time slices of this length, healthy
    /// first, counted from when the mode was set.
    Flapping {
        /// Length of each healthy or failing slice, in milliseconds (at least 1).
        period_ms: u64,
    },
}

impl FaultMode {
    /// The mode's name in a `FaultConfig`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Status(_) => "status",
            Self::Hang => "hang",
            Self::Garbage => "garbage",
            Self::Html => "html",
            Self::WrongTypes => "wrong_types",
            Self::Oversized(_) => "oversized",
            Self::HeadersThenStall => "headers_then_stall",
            Self::SlowDrip { .. } => "slow_drip",
            Self::Reset => "reset",
            Self::Truncated => "truncated",
            Self::GzipBomb => "gzip_bomb",
            Self::Flapping { .. } => "flapping",
        }
    }
}

/// `Retry-After` sent with 429 and 503 unless set otherwise.
pub(crate) const DEFAULT_RETRY_AFTER_SECS: u64 = 1;

/// Shared fault settings, read by the search handlers on every request.
#[derive(Debug)]
pub struct Faults {
    latency_ms: AtomicU64,
    mode: Mutex<(FaultMode, Instant)>,
    rate_permille: AtomicU32,
    retry_after_secs: AtomicU64,
    /// Search requests seen since the mode was set, to apply `rate` evenly and deterministically.
    seen: AtomicU64,
}

impl Default for Faults {
    fn default() -> Self {
        Self {
            latency_ms: AtomicU64::new(0),
            mode: Mutex::new((FaultMode::None, Instant::now())),
            rate_permille: AtomicU32::new(1000),
            retry_after_secs: AtomicU64::new(DEFAULT_RETRY_AFTER_SECS),
            seen: AtomicU64::new(0),
        }
    }
}

impl Faults {
    /// Adds `latency` before every search answer.
    pub fn set_latency(&self, latency: Duration) {
        let ms = u64::try_from(latency.as_millis()).unwrap_or(u64::MAX);
        self.latency_ms.store(ms, Ordering::Relaxed);
    }

    /// The added latency.
    pub fn latency(&self) -> Duration {
        Duration::from_millis(self.latency_ms.load(Ordering::Relaxed))
    }

    /// Makes search requests misbehave as `mode` says; flapping starts its healthy slice now.
    pub fn set_mode(&self, mode: FaultMode) {
        *self.mode.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = (mode, Instant::now());
        self.seen.store(0, Ordering::Relaxed);
    }

    /// The current mode.
    pub fn mode(&self) -> FaultMode {
        self.mode.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).0
    }

    /// Applies the mode to only this share (0–1) of search requests, spread evenly.
    pub fn set_error_rate(&self, rate: f64) {
        let permille = (rate.clamp(0.0, 1.0) * 1000.0).round() as u32;
        self.rate_permille.store(permille, Ordering::Relaxed);
        self.seen.store(0, Ordering::Relaxed);
    }

    /// The share of search requests the mode applies to.
    pub fn error_rate(&self) -> f64 {
        f64::from(self.rate_permille.load(Ordering::Relaxed)) / 1000.0
    }

    /// The `Retry-After` value, in seconds, of 429 and 503 answers (including flapping's).
    pub fn set_retry_after(&self, seconds: u64) {
        self.retry_after_secs.store(seconds, Ordering::Relaxed);
    }

    /// The `Retry-After` value of 429 and 503 answers, in seconds.
    pub fn retry_after(&self) -> u64 {
        self.retry_after_secs.load(Ordering::Relaxed)
    }

    /// Back to normal: no latency, no fault.
    pub fn clear(&self) {
        self.set_latency(Duration::ZERO);
        self.set_error_rate(1.0);
        self.set_retry_after(DEFAULT_RETRY_AFTER_SECS);
        self.set_mode(FaultMode::None);
    }

    /// The fault to apply to the search request arriving now, if any. Flapping is resolved
    /// here: `None` in a healthy slice, `Status(503)` in a failing one.
    pub(crate) fn next_fault(&self) -> FaultMode {
        let (mode, since) = *self.mode.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if mode == FaultMode::None {
            return mode;
        }
        let rate = u64::from(self.rate_permille.load(Ordering::Relaxed));
        let n = self.seen.fetch_add(1, Ordering::Relaxed);
        // Request n is faulted when the running quota (n+1)·rate crosses a whole request.
        if (n + 1) * rate / 1000 <= n * rate / 1000 {
            return FaultMode::None;
        }
        match mode {
            FaultMode::Flapping { period_ms } => {
                let slice = since.elapsed().as_millis() / u128::from(period_ms.max(1));
                if slice % 2 == 0 { FaultMode::None } else { FaultMode::Status(503) }
            }
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_faults_that_share_of_requests_evenly() {
        let faults = Faults::default();
        faults.set_mode(FaultMode::Status(503));
        faults.set_error_rate(0.25);
        let faulted = (0..100).filter(|_| faults.next_fault() != FaultMode::None).count();
        assert_eq!(faulted, 25);
    }

    #[tokio::test(start_paused = true)]
    async fn flapping_alternates_healthy_and_503_slices_starting_healthy() {
        let faults = Faults::default();
        faults.set_mode(FaultMode::Flapping { period_ms: 100 });
        let mut seen = Vec::new();
        for _ in 0..4 {
            seen.push(faults.next_fault());
            tokio::time::sleep(Duration::from_millis(50)).await;
            seen.push(faults.next_fault());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let healthy = FaultMode::None;
        let failing = FaultMode::Status(503);
        let slices = [healthy, healthy, failing, failing, healthy, healthy, failing, failing];
        assert_eq!(seen, slices);
        assert_eq!(faults.mode(), FaultMode::Flapping { period_ms: 100 }, "the mode itself stays flapping");
    }

    #[test]
    fn clearing_restores_the_default_retry_after() {
        let faults = Faults::default();
        faults.set_retry_after(30);
        assert_eq!(faults.retry_after(), 30);
        faults.clear();
        assert_eq!(faults.retry_after(), DEFAULT_RETRY_AFTER_SECS);
    }
}
