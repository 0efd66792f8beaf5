//! Fault injection: the knobs that make a sandbox slow, failing or wrong, set in-process through
//! [`Faults`] or over HTTP at `/_sandbox/faults`.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// How the search endpoint misbehaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FaultMode {
    /// Answer normally.
    #[default]
    None,
    /// Answer with this HTTP status and a small JSON error; 429 and 503 carry `Retry-After: 1`.
    Status(u16),
    /// Never answer (until the sandbox stops, when it answers 503).
    Hang,
    /// 200 with a truncated JSON body.
    Garbage,
    /// 200 with an HTML error page.
    Html,
    /// 200 with valid JSON whose fields have the wrong types.
    WrongTypes,
    /// 200 with a valid, empty result padded to about this many bytes.
    Oversized(usize),
}

impl FaultMode {
    fn name(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Status(_) => "status",
            Self::Hang => "hang",
            Self::Garbage => "garbage",
            Self::Html => "html",
            Self::WrongTypes => "wrong_types",
            Self::Oversized(_) => "oversized",
        }
    }
}

/// The fault settings as JSON: `{"latency_ms":300,"mode":"status","status":500}`.
///
/// Optional fields: `status` (mode `status`, default 500), `bytes` (mode `oversized`, default
/// 16 MiB) and `rate` (share of search requests the mode applies to, 0–1, default 1). Latency
/// applies to every search request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaultConfig {
    /// Added latency before answering a search, in milliseconds.
    #[serde(default)]
    pub latency_ms: u64,
    /// `none`, `status`, `hang`, `garbage`, `html`, `wrong_types` or `oversized`.
    #[serde(default = "none")]
    pub mode: String,
    /// HTTP status for mode `status`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Body size for mode `oversized`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<usize>,
    /// Share of search requests the mode applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<f64>,
}

fn none() -> String {
    "none".to_owned()
}

impl Default for FaultConfig {
    fn default() -> Self {
        Self { latency_ms: 0, mode: none(), status: None, bytes: None, rate: None }
    }
}

const DEFAULT_OVERSIZED_BYTES: usize = 16 << 20;

impl FaultConfig {
    /// The mode this configuration names, or why it names none.
    pub fn fault_mode(&self) -> Result<FaultMode, String> {
        Ok(match self.mode.as_str() {
            "none" => FaultMode::None,
            "status" => {
                let status = self.status.unwrap_or(500);
                if !(200..=599).contains(&status) {
                    return Err(format!("status must be between 200 and 599, not {status}"));
                }
                FaultMode::Status(status)
            }
            "hang" => FaultMode::Hang,
            "garbage" => FaultMode::Garbage,
            "html" => FaultMode::Html,
            "wrong_types" => FaultMode::WrongTypes,
            "oversized" => FaultMode::Oversized(self.bytes.unwrap_or(DEFAULT_OVERSIZED_BYTES)),
            other => {
                return Err(format!(
                    "unknown mode {other:?}; expected none, status, hang, garbage, html, wrong_types or oversized"
                ));
            }
        })
    }
}

/// Shared fault settings, read by the search handlers on every request.
#[derive(Debug)]
pub struct Faults {
    latency_ms: AtomicU64,
    mode: Mutex<FaultMode>,
    rate_permille: AtomicU32,
    /// Search requests seen since the mode was set, to apply `rate` evenly and deterministically.
    seen: AtomicU64,
}

impl Default for Faults {
    fn default() -> Self {
        Self {
            latency_ms: AtomicU64::new(0),
            mode: Mutex::new(FaultMode::None),
            rate_permille: AtomicU32::new(1000),
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

    /// Makes search requests misbehave as `mode` says.
    pub fn set_mode(&self, mode: FaultMode) {
        *self.mode.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = mode;
        self.seen.store(0, Ordering::Relaxed);
    }

    /// The current mode.
    pub fn mode(&self) -> FaultMode {
        *self.mode.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Applies the mode to only this share (0–1) of search requests, spread evenly.
    pub fn set_error_rate(&self, rate: f64) {
        let permille = (rate.clamp(0.0, 1.0) * 1000.0).round() as u32;
        self.rate_permille.store(permille, Ordering::Relaxed);
        self.seen.store(0, Ordering::Relaxed);
    }

    /// Back to normal: no latency, no fault.
    pub fn clear(&self) {
        self.set_latency(Duration::ZERO);
        self.set_error_rate(1.0);
        self.set_mode(FaultMode::None);
    }

    /// The settings as JSON-ready configuration.
    pub fn config(&self) -> FaultConfig {
        let mode = self.mode();
        let permille = self.rate_permille.load(Ordering::Relaxed);
        FaultConfig {
            latency_ms: self.latency_ms.load(Ordering::Relaxed),
            mode: mode.name().to_owned(),
            status: match mode {
                FaultMode::Status(s) => Some(s),
                _ => None,
            },
            bytes: match mode {
                FaultMode::Oversized(b) => Some(b),
                _ => None,
            },
            rate: (permille != 1000).then(|| f64::from(permille) / 1000.0),
        }
    }

    /// Replaces every setting with `config`; nothing changes when it is invalid.
    pub fn apply(&self, config: &FaultConfig) -> Result<(), String> {
        let mode = config.fault_mode()?;
        let rate = config.rate.unwrap_or(1.0);
        if !(0.0..=1.0).contains(&rate) {
            return Err(format!("rate must be between 0 and 1, not {rate}"));
        }
        self.set_latency(Duration::from_millis(config.latency_ms));
        self.set_error_rate(rate);
        self.set_mode(mode);
        Ok(())
    }

    /// The fault to apply to the search request arriving now, if any.
    pub(crate) fn next_fault(&self) -> FaultMode {
        let mode = self.mode();
        if mode == FaultMode::None {
            return mode;
        }
        let rate = u64::from(self.rate_permille.load(Ordering::Relaxed));
        let n = self.seen.fetch_add(1, Ordering::Relaxed);
        // Request n is faulted when the running quota (n+1)·rate crosses a whole request.
        if (n + 1) * rate / 1000 > n * rate / 1000 { mode } else { FaultMode::None }
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

    #[test]
    fn config_round_trips_through_json() {
        let faults = Faults::default();
        let config: FaultConfig =
            serde_json::from_str(r#"{"latency_ms":300,"mode":"status","status":429}"#).expect("valid JSON");
        faults.apply(&config).expect("valid config");
        assert_eq!(faults.mode(), FaultMode::Status(429));
        assert_eq!(faults.latency(), Duration::from_millis(300));
        assert_eq!(faults.config(), config);
    }

    #[test]
    fn an_unknown_mode_is_rejected_and_changes_nothing() {
        let faults = Faults::default();
        let config = FaultConfig { mode: "explode".into(), latency_ms: 5, ..FaultConfig::default() };
        assert!(faults.apply(&config).is_err());
        assert_eq!(faults.config().latency_ms, 0);
    }
}
