//! `[telemetry]`: what operators' tools read besides logs.

use serde::Deserialize;

/// Readiness, traces and adapter reloading (`[telemetry]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TelemetryConfig {
    /// `/readyz` answers 200 once at least this many enabled marketplaces are reachable.
    pub ready_min: usize,
    /// Reload the adapters when a file in the adapters folder changes (`SIGHUP` always does).
    pub watch_adapters: bool,
}

impl Default for TelemetryConfig {
    fn default() -> Self {
        Self { ready_min: 1, watch_adapters: true }
    }
}
