//! `[telemetry]`: what operators' tools read besides logs.

use serde::Deserialize;

/// Readiness, traces and adapter reloading (`[telemetry]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TelemetryConfig {
    /// `/readyz` answers 200 once at least this many enabled marketplaces are reachable.
    pub ready_min: usize,
}

impl Default for TelemetryConfig {
    fn default() -> Self {
        Self { ready_min: 1 }
    }
}
