//! The fault settings as JSON, for `PUT`/`GET /_sandbox/faults`; kept in step with [`Faults`].

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::faults::{DEFAULT_RETRY_AFTER_SECS, FaultMode, Faults};

/// The fault settings as JSON: `{"latency_ms":300,"mode":"status","status":429,"retry_after":30}`.
///
/// Modes: `none`, `status`, `hang`, `garbage`, `html`, `wrong_types`, `oversized`,
/// `headers_then_stall`, `slow_drip`, `reset`, `truncated`, `gzip_bomb` and `flapping`.
/// Optional fields: `status` (mode `status`, default 500), `bytes` (mode `oversized`, default
/// 16 MiB), `bytes_per_sec` (mode `slow_drip`, default 100), `period_ms` (mode `flapping`,
/// default 1000), `retry_after` (seconds of `Retry-After` on 429 and 503, default 1) and `rate`
/// (share of search requests the mode applies to, 0–1, default 1). Latency applies to every
/// search request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultConfig {
    /// Added latency before answering a search, in milliseconds.
    #[serde(default)]
    pub latency_ms: u64,
    /// One of the modes listed above.
    #[serde(default = "none")]
    pub mode: String,
    /// HTTP status for mode `status`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Body size for mode `oversized`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<usize>,
    /// Drip speed for mode `slow_drip`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes_per_sec: Option<u64>,
    /// Slice length for mode `flapping`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_ms: Option<u64>,
    /// `Retry-After` seconds on 429 and 503 answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// Share of search requests the mode applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<f64>,
}

fn none() -> String {
    "none".to_owned()
}

impl Default for FaultConfig {
    fn default() -> Self {
        Self {
            latency_ms: 0,
            mode: none(),
            status: None,
            bytes: None,
            bytes_per_sec: None,
            period_ms: None,
            retry_after: None,
            rate: None,
        }
    }
}

const DEFAULT_OVERSIZED_BYTES: usize = 16 << 20;
const DEFAULT_BYTES_PER_SEC: u64 = 100;
const DEFAULT_PERIOD_MS: u64 = 1000;

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
            "headers_then_stall" => FaultMode::HeadersThenStall,
            "slow_drip" => match self.bytes_per_sec.unwrap_or(DEFAULT_BYTES_PER_SEC) {
                0 => return Err("bytes_per_sec must be at least 1".to_owned()),
                bytes_per_sec => FaultMode::SlowDrip { bytes_per_sec },
            },
            "reset" => FaultMode::Reset,
            "truncated" => FaultMode::Truncated,
            "gzip_bomb" => FaultMode::GzipBomb,
            "flapping" => match self.period_ms.unwrap_or(DEFAULT_PERIOD_MS) {
                0 => return Err("period_ms must be at least 1".to_owned()),
                period_ms => FaultMode::Flapping { period_ms },
            },
            other => {
                return Err(format!(
                    "unknown mode {other:?}; expected none, status, hang, garbage, html, wrong_types, oversized, \
                     headers_then_stall, slow_drip, reset, truncated, gzip_bomb or flapping"
                ));
            }
        })
    }
}

impl Faults {
    /// The settings as JSON-ready configuration.
    pub fn config(&self) -> FaultConfig {
        let mode = self.mode();
        let rate = self.error_rate();
        let retry_after = self.retry_after();
        FaultConfig {
            latency_ms: u64::try_from(self.latency().as_millis()).unwrap_or(u64::MAX),
            mode: mode.name().to_owned(),
            status: match mode {
                FaultMode::Status(s) => Some(s),
                _ => None,
            },
            bytes: match mode {
                FaultMode::Oversized(b) => Some(b),
                _ => None,
            },
            bytes_per_sec: match mode {
                FaultMode::SlowDrip { bytes_per_sec } => Some(bytes_per_sec),
                _ => None,
            },
            period_ms: match mode {
                FaultMode::Flapping { period_ms } => Some(period_ms),
                _ => None,
            },
            retry_after: (retry_after != DEFAULT_RETRY_AFTER_SECS).then_some(retry_after),
            rate: (rate != 1.0).then_some(rate),
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
        self.set_retry_after(config.retry_after.unwrap_or(DEFAULT_RETRY_AFTER_SECS));
        self.set_mode(mode);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn every_new_mode_round_trips_through_json() {
        let cases = [
            (r#"{"mode":"headers_then_stall"}"#, FaultMode::HeadersThenStall),
            (r#"{"mode":"slow_drip","bytes_per_sec":200}"#, FaultMode::SlowDrip { bytes_per_sec: 200 }),
            (r#"{"mode":"reset","rate":0.01}"#, FaultMode::Reset),
            (r#"{"mode":"truncated"}"#, FaultMode::Truncated),
            (r#"{"mode":"gzip_bomb"}"#, FaultMode::GzipBomb),
            (r#"{"mode":"flapping","period_ms":250,"retry_after":7}"#, FaultMode::Flapping { period_ms: 250 }),
            (r#"{"mode":"status","status":429,"retry_after":30}"#, FaultMode::Status(429)),
        ];
        for (json, mode) in cases {
            let faults = Faults::default();
            let config: FaultConfig = serde_json::from_str(json).expect("valid JSON");
            faults.apply(&config).expect("valid config");
            assert_eq!(faults.mode(), mode, "{json}");
            assert_eq!(faults.config(), config, "{json}");
        }
    }

    #[test]
    fn defaults_fill_in_missing_parameters() {
        let mode = |json: &str| serde_json::from_str::<FaultConfig>(json).expect("valid JSON").fault_mode();
        assert_eq!(mode(r#"{"mode":"slow_drip"}"#), Ok(FaultMode::SlowDrip { bytes_per_sec: 100 }));
        assert_eq!(mode(r#"{"mode":"flapping"}"#), Ok(FaultMode::Flapping { period_ms: 1000 }));
        assert!(mode(r#"{"mode":"slow_drip","bytes_per_sec":0}"#).is_err());
        assert!(mode(r#"{"mode":"flapping","period_ms":0}"#).is_err());
    }

    #[test]
    fn an_unknown_mode_is_rejected_and_changes_nothing() {
        let faults = Faults::default();
        let config = FaultConfig { mode: "explode".into(), latency_ms: 5, ..FaultConfig::default() };
        assert!(faults.apply(&config).is_err());
        assert_eq!(faults.config().latency_ms, 0);
    }
}
