//! Traces over OTLP/HTTP: a span per request, per marketplace asked and per cache load, and the
//! W3C `traceparent` taken from clients and sent upstream.
//!
//! Off unless an endpoint is configured (`OTEL_EXPORTER_OTLP_ENDPOINT`,
//! `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, or `[telemetry] otlp_endpoint`). Off, no OpenTelemetry
//! layer is installed at all: the spans live on their own target ([`TARGET`]), which the log
//! layer filters out, so each `info_span!(target: TARGET, …)` is a disabled span decided once
//! per call site, and no header is read or written ([`enabled`]).
//!
//! The SDK's batch processor exports from a thread of its own, which has no tokio runtime, so
//! the exporter posts with reqwest's blocking client (which runs its own), never the async one.

use axum::http::HeaderMap;
use opentelemetry::propagation::TextMapPropagator;
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_http::{HeaderExtractor, HeaderInjector};
use opentelemetry_otlp::WithExportConfig;
use opentelemetry_sdk::Resource;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::{SdkTracer, SdkTracerProvider};
use std::sync::atomic::{AtomicBool, Ordering};
use tracing_opentelemetry::OpenTelemetrySpanExt;

/// The `tracing` target of every span exported; the log layer never sees it.
pub const TARGET: &str = "pasar::trace";

/// The service name when neither `OTEL_SERVICE_NAME` nor `[telemetry] service_name` gives one.
const DEFAULT_SERVICE_NAME: &str = "pasar";

static ENABLED: AtomicBool = AtomicBool::new(false);

/// Whether traces are exported by this process.
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// Why traces could not be started (the gateway then serves without them).
#[derive(Debug, thiserror::Error)]
pub enum TraceError {
    /// The exporter could not be built (a malformed endpoint, most often).
    #[error("the OTLP exporter could not be built: {0}")]
    Exporter(#[from] opentelemetry_otlp::ExporterBuildError),
}

/// Where spans go, when anywhere: the endpoint and service name, environment first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceSettings {
    /// The full URL spans are posted to; `None` when the SDK reads it from the environment.
    pub traces_url: Option<String>,
    /// `service.name`; `None` when the SDK reads `OTEL_SERVICE_NAME`.
    pub service_name: Option<String>,
}

impl TraceSettings {
    /// What `[telemetry] otlp_endpoint` and `service_name` and the environment (`var`) say; `None`
    /// when traces are off. The standard variables win over the file, as `RUST_LOG` wins over
    /// `[log] level`.
    pub fn resolve(
        otlp_endpoint: Option<&str>,
        service_name: Option<&str>,
        var: &dyn Fn(&str) -> Option<String>,
    ) -> Option<Self> {
        let set = |name: &str| var(name).filter(|v| !v.trim().is_empty());
        if set("OTEL_SDK_DISABLED").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
            return None;
        }
        let from_env = set("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT").or_else(|| set("OTEL_EXPORTER_OTLP_ENDPOINT"));
        let traces_url = match (from_env, otlp_endpoint) {
            (Some(_), _) => None,
            // Read as OTEL_EXPORTER_OTLP_ENDPOINT is: the collector's base URL.
            (None, Some(base)) if !base.trim().is_empty() => Some(format!("{}/v1/traces", base.trim_end_matches('/'))),
            (None, _) => return None,
        };
        let service_name = match set("OTEL_SERVICE_NAME") {
            Some(_) => None,
            None => Some(service_name.unwrap_or(DEFAULT_SERVICE_NAME).to_string()),
        };
        Some(Self { traces_url, service_name })
    }
}

/// The running exporter; [`Traces::shutdown`] sends what is still buffered.
#[derive(Debug)]
pub struct Traces {
    provider: SdkTracerProvider,
}

impl Traces {
    /// Starts exporting as `settings` say; the tracer is for the `tracing` layer.
    pub fn start(settings: &TraceSettings) -> Result<(Self, SdkTracer), TraceError> {
        let mut exporter = opentelemetry_otlp::SpanExporter::builder().with_http();
        if let Some(url) = &settings.traces_url {
            exporter = exporter.with_endpoint(url.clone());
        }
        let mut resource = Resource::builder()
            .with_attribute(opentelemetry::KeyValue::new("service.version", env!("CARGO_PKG_VERSION")));
        if let Some(name) = &settings.service_name {
            resource = resource.with_service_name(name.clone());
        }
        // A failed export is counted and logged, summarised (`export`); the SDK says nothing.
        let exporter = super::export::Watched::new(exporter.build()?);
        let provider =
            SdkTracerProvider::builder().with_batch_exporter(exporter).with_resource(resource.build()).build();
        let tracer = provider.tracer("pasar");
        ENABLED.store(true, Ordering::Relaxed);
        Ok((Self { provider }, tracer))
    }

    /// Exports the spans still buffered and stops; blocks while it posts them.
    pub fn shutdown(self) {
        ENABLED.store(false, Ordering::Relaxed);
        if let Err(error) = self.provider.shutdown() {
            tracing::warn!(%error, "Traces still buffered at shutdown could not be sent.");
        }
    }
}

/// `endpoint` as it may be logged: a password in it (or a user name standing alone, often a
/// token) is `***`, as secrets never reach the logs; one that is not an http(s) URL is not shown.
pub fn shown_endpoint(endpoint: &str) -> String {
    let parsed = url::Url::parse(endpoint).ok().filter(|url| matches!(url.scheme(), "http" | "https"));
    let Some(mut url) = parsed else { return "(not a URL)".into() };
    let hidden = match (url.username().is_empty(), url.password().is_some()) {
        (_, true) => url.set_password(Some("***")),
        (false, false) => url.set_username("***"),
        (true, false) => Ok(()),
    };
    match hidden {
        Ok(()) => url.to_string(),
        Err(()) => "(not a URL)".into(),
    }
}

/// Makes `span` (a request's) the child of the client's `traceparent`, when it sent one.
pub fn adopt_parent(span: &tracing::Span, headers: &HeaderMap) {
    if !enabled() || !headers.contains_key("traceparent") {
        return;
    }
    let parent = TraceContextPropagator::new().extract(&HeaderExtractor(headers));
    let _ = span.set_parent(parent);
}

/// The current span's context when traces are on: a WebSocket handshake's, kept so that the
/// operations its socket runs later are children of it (the handshake's span ends at 101).
pub fn current_context() -> Option<opentelemetry::Context> {
    enabled().then(|| tracing::Span::current().context())
}

/// A span whose parent is `parent`, when there is one.
pub fn with_parent(span: tracing::Span, parent: Option<&opentelemetry::Context>) -> tracing::Span {
    if let Some(parent) = parent {
        let _ = span.set_parent(parent.clone());
    }
    span
}

/// The `traceparent` (and `tracestate`) of the current span, for an upstream call; empty when
/// traces are off or nothing is being traced.
pub fn upstream_headers() -> HeaderMap {
    let mut headers = HeaderMap::new();
    if enabled() {
        let context = tracing::Span::current().context();
        TraceContextPropagator::new().inject_context(&context, &mut HeaderInjector(&mut headers));
    }
    headers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(endpoint: Option<&str>, env: &[(&str, &str)]) -> Option<TraceSettings> {
        let env: Vec<(String, String)> = env.iter().map(|(k, v)| ((*k).into(), (*v).into())).collect();
        TraceSettings::resolve(endpoint, None, &|name| env.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    }

    #[test]
    fn traces_are_off_without_an_endpoint_and_the_environment_wins_over_the_file() {
        assert_eq!(resolve(None, &[("OTEL_SERVICE_NAME", "x")]), None);
        assert_eq!(resolve(Some(" "), &[]), None, "a blank endpoint is none");
        let file = resolve(Some("http://otel:4318/"), &[]).expect("on");
        assert_eq!(file.traces_url.as_deref(), Some("http://otel:4318/v1/traces"));
        assert_eq!(file.service_name.as_deref(), Some("pasar"));
        let env = resolve(Some("http://otel:4318"), &[("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318")]).expect("on");
        assert_eq!(env.traces_url, None, "the SDK reads the variable itself");
        let named = resolve(None, &[("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c/t"), ("OTEL_SERVICE_NAME", "p")]);
        assert_eq!(named.expect("on").service_name, None);
        assert_eq!(resolve(Some("http://otel:4318"), &[("OTEL_SDK_DISABLED", "TRUE")]), None);
    }

    /// Review 25 R8: the endpoint was logged with its user and password.
    #[test]
    fn an_endpoint_is_shown_without_its_password() {
        let shown = shown_endpoint("http://oteluser:OtelPw999@127.0.0.1:6398/v1/traces");
        assert_eq!(shown, "http://oteluser:***@127.0.0.1:6398/v1/traces");
        assert_eq!(shown_endpoint("https://tok3n@collector:4318/"), "https://***@collector:4318/");
        assert_eq!(shown_endpoint("http://otel:4318/v1/traces"), "http://otel:4318/v1/traces");
        assert_eq!(shown_endpoint("user:pw@otel 4318"), "(not a URL)");
    }
}
