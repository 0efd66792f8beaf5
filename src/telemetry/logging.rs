//! Where log lines go and how they look: `[log] format`, `level`, and `RUST_LOG` over both; and,
//! when traces are on, the layer that turns the spans of [`trace::TARGET`] into OpenTelemetry
//! spans.
//!
//! Each layer has its own filter: the log layer never sees the trace spans (text logs would
//! otherwise prefix every line written inside a request with them), and the trace layer sees
//! nothing but them. With traces off there is no trace layer at all.

use super::trace;
use opentelemetry_sdk::trace::SdkTracer;
use tracing::Subscriber;
use tracing_subscriber::filter::{EnvFilter, LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{Layer, fmt};

/// Installs the process's logger, with `tracer` exporting the trace spans when given; a second
/// call (tests, or a logger set by an embedder) does nothing. `json` writes one object per line;
/// `level` is used when `RUST_LOG` is unset, or is no filter (then a warning says why).
pub fn init(json: bool, level: Option<&str>, tracer: Option<SdkTracer>) {
    let configured = level.map(tidy).filter(|level| level_problem(level).is_none());
    let configured = configured.as_deref().unwrap_or("info");
    let from_env = std::env::var("RUST_LOG").ok();
    let (filter, passed_over) = chosen(from_env.as_deref().map(tidy).as_deref(), configured);
    let installed = subscriber(json, filter, tracer).try_init().is_ok();
    if let (true, Some(fault)) = (installed, passed_over) {
        tracing::warn!(
            rust_log = from_env.as_deref().unwrap_or_default(),
            %fault,
            level = configured,
            "RUST_LOG is not a log filter Pasar can follow; logging at `[log] level` instead."
        );
    }
}

/// `RUST_LOG`'s filter when it reads as one, else the `configured` level's and why `RUST_LOG`
/// was passed over. Read as it was, `RUST_LOG=verbose` logged the target `verbose` alone: nothing
/// (review40o R40o-10); one that did not parse fell back without a word.
fn chosen(from_env: Option<&str>, configured: &str) -> (EnvFilter, Option<String>) {
    let configured_filter = || EnvFilter::try_new(configured).unwrap_or_else(|_| EnvFilter::new("info"));
    let Some(value) = from_env.filter(|value| !value.trim().is_empty()) else {
        return (configured_filter(), None);
    };
    match level_problem(value) {
        None => match EnvFilter::try_new(value) {
            Ok(filter) => (filter, None),
            Err(e) => (configured_filter(), Some(format!("`{value}` is not a log filter ({e})"))),
        },
        Some(fault) => (configured_filter(), Some(fault)),
    }
}

/// `value` with the spaces around each directive left out: `tracing` reads `warn ` as the target
/// `warn `, so a stray space logged nothing at all (review41 R41-4).
fn tidy(value: &str) -> String {
    value.split(',').map(str::trim).filter(|d| !d.is_empty()).collect::<Vec<_>>().join(",")
}

/// Why `level` is not a filter `[log] level` can mean, if it is not: `tracing` reads a bare word
/// as a target (`loud` logs the target `loud` and nothing else), so only level names stand alone.
pub fn level_problem(level: &str) -> Option<String> {
    if let Err(e) = EnvFilter::try_new(level) {
        return Some(format!("`{level}` is not a log filter ({e})"));
    }
    let bare = level.split(',').map(str::trim).filter(|d| !d.is_empty() && !d.contains(['=', '[']));
    let word = bare.into_iter().find(|d| d.parse::<LevelFilter>().is_err())?;
    Some(format!("`{word}` is not a level: trace, debug, info, warn, error or off (a target is written `{word}=info`)"))
}

/// The log layer under `filter`, and the trace layer when there is a `tracer`.
fn subscriber(json: bool, filter: EnvFilter, tracer: Option<SdkTracer>) -> Box<dyn Subscriber + Send + Sync> {
    // The most specific directive wins, so `RUST_LOG=trace` still leaves the trace spans out.
    let filter = match format!("{}=off", trace::TARGET).parse() {
        Ok(directive) => filter.add_directive(directive),
        Err(_) => filter,
    };
    let logs = log_layer(json).with_filter(filter);
    match tracer {
        Some(tracer) => {
            let only_spans = Targets::new().with_target(trace::TARGET, LevelFilter::TRACE);
            let spans = tracing_opentelemetry::layer()
                .with_tracer(tracer)
                .with_threads(false)
                .with_location(false)
                .with_target(false)
                .with_tracked_inactivity(false)
                .with_filter(only_spans);
            Box::new(tracing_subscriber::registry().with(logs).with(spans))
        }
        None => Box::new(tracing_subscriber::registry().with(logs)),
    }
}

/// The log lines' layer, to stderr.
fn log_layer<S>(json: bool) -> Box<dyn Layer<S> + Send + Sync>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    let layer = fmt::layer().with_writer(std::io::stderr);
    if json {
        Box::new(layer.json().flatten_event(true).with_current_span(false))
    } else {
        Box::new(layer.with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use opentelemetry::trace::{TraceContextExt, TracerProvider};
    use tracing_opentelemetry::OpenTelemetrySpanExt;

    #[test]
    fn a_rust_log_that_is_no_filter_is_passed_over_for_the_configured_level_with_its_fault() {
        for bad in ["verbose", "pasar=verbose", "[[["] {
            let (filter, fault) = chosen(Some(bad), "warn");
            assert_eq!(filter.to_string(), "warn", "RUST_LOG={bad}");
            assert!(fault.as_ref().is_some_and(|f| f.contains(&format!("`{bad}` is not a"))), "{fault:?}");
        }
        let (filter, fault) = chosen(Some("pasar=debug"), "warn");
        assert_eq!((filter.to_string(), fault), ("pasar=debug".to_string(), None));
        assert_eq!(chosen(Some(" "), "warn").0.to_string(), "warn", "set but empty: as unset");
    }

    #[test]
    fn a_level_written_with_stray_spaces_is_that_level_not_a_target() {
        for (written, most) in
            [("warn ", LevelFilter::WARN), (" warn", LevelFilter::WARN), (" warn , pasar=debug ", LevelFilter::DEBUG)]
        {
            let (filter, fault) = chosen(Some(&tidy(written)), "info");
            assert_eq!((filter.max_level_hint(), fault), (Some(most), None), "{written:?}");
        }
    }

    #[test]
    fn without_a_tracer_trace_spans_are_disabled_even_when_everything_is_logged() {
        tracing::subscriber::with_default(subscriber(false, EnvFilter::new("trace"), None), || {
            assert!(tracing::info_span!(target: trace::TARGET, "request").is_disabled());
            assert!(!tracing::info_span!("logged").is_disabled(), "other spans follow the filter");
        });
    }

    #[test]
    fn with_a_tracer_trace_spans_become_opentelemetry_spans_and_the_log_filter_still_applies() {
        let tracer = opentelemetry_sdk::trace::SdkTracerProvider::builder().build().tracer("test");
        tracing::subscriber::with_default(subscriber(false, EnvFilter::new("warn"), Some(tracer)), || {
            let span = tracing::info_span!(target: trace::TARGET, "request");
            assert!(span.context().span().span_context().is_valid(), "an OpenTelemetry span");
            assert!(tracing::info_span!("not logged").is_disabled());
        });
    }
}
