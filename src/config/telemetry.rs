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
    /// An OTLP/HTTP collector's base URL (`http://otel-collector:4318`; spans go to its
    /// `/v1/traces`): traces are exported there. `OTEL_EXPORTER_OTLP_ENDPOINT` or
    /// `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, when set, win. Without any of them, no traces.
    pub otlp_endpoint: Option<String>,
    /// `service.name` of the traces (`pasar` when unset); `OTEL_SERVICE_NAME` wins.
    pub service_name: Option<String>,
}

impl Default for TelemetryConfig {
    fn default() -> Self {
        Self { ready_min: 1, watch_adapters: true, otlp_endpoint: None, service_name: None }
    }
}
