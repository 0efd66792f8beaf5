//! What operators see: Prometheus metrics, the logger (`logging.rs`), each request's notes for
//! its access line (`access.rs`) and upstream calls (`request.rs`), and OpenTelemetry traces (`trace.rs`; its
//! exporter's failures told by `export.rs`).
//!
//! Every layer records through the `metrics` facade (`metrics::counter!` and friends), so
//! recording is a call on a global recorder and costs nothing to thread through. The recorder is
//! installed once per process, first thing when the gateway is built (`Application::build`), so
//! a handle kept from then on records (a marketplace's meters are registered once and kept); in
//! a process that never builds the gateway the facade's calls do nothing.
//!
//! Labels are bounded: marketplace ids, statuses, reasons and route names, never query text,
//! client ids or offer ids.

pub mod access;
mod export;
mod gone;
mod in_flight;
pub mod logging;
pub mod masked;
pub mod request;
pub mod trace;

pub use in_flight::{Requests, Tracked};

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;

/// Seconds buckets for every histogram in seconds (request and upstream durations, waits in
/// line): 1 ms to 10 s.
const DURATION_BUCKETS: &[f64] = &[0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the recorder (once per process); later calls are free. `false` when another recorder
/// was installed first, in which case [`render`] has nothing to show.
pub fn install() -> bool {
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), DURATION_BUCKETS)
                .ok()?
                .build_recorder();
            let handle = recorder.handle();
            metrics::set_global_recorder(recorder).ok()?;
            metrics::gauge!("pasar_build_info", "version" => env!("CARGO_PKG_VERSION")).set(1.0);
            Some(handle)
        })
        .is_some()
}

/// The Prometheus text exposition of every series recorded so far, but the samples of gauge
/// families labelled with a marketplace for which `shows(family, marketplace)` is false (removed
/// by a reload, switched off: `gone.rs`).
pub fn render(shows: impl Fn(&str, &str) -> bool) -> String {
    install();
    let text = HANDLE.get().and_then(Option::as_ref).map(PrometheusHandle::render).unwrap_or_default();
    gone::without_gone_gauges(&text, shows)
}
