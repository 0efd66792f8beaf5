//! The trace exporter's failures, told to the operator: the SDK drops a batch its collector
//! refused without a word (its own logs are compiled out), so a collector that is down or
//! refusing showed nowhere. [`Watched`] counts each failed export in
//! `pasar_trace_export_failures_total` and logs the first at once; what follows within
//! [`WINDOW`] is only counted, and said in one summary line at the first failure after it, so a
//! collector refusing every batch under load writes one line a minute, not one per batch. The
//! first export that succeeds after a window says the exporter works again.

use opentelemetry_sdk::Resource;
use opentelemetry_sdk::error::{OTelSdkError, OTelSdkResult};
use opentelemetry_sdk::trace::{SpanData, SpanExporter};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long after a logged failure later ones are only counted.
const WINDOW: Duration = Duration::from_secs(60);

/// An exporter whose failures are counted and logged, summarised.
#[derive(Debug)]
pub(super) struct Watched<E> {
    inner: E,
    log: ExportLog,
}

impl<E> Watched<E> {
    pub(super) fn new(inner: E) -> Self {
        Self { inner, log: ExportLog::default() }
    }
}

impl<E: SpanExporter> SpanExporter for Watched<E> {
    async fn export(&self, batch: Vec<SpanData>) -> OTelSdkResult {
        let spans = batch.len() as u64;
        let result = self.inner.export(batch).await;
        match &result {
            Ok(()) => self.log.exported(Instant::now()),
            Err(error) => self.log.failed(spans, error, Instant::now()),
        };
        result
    }

    fn shutdown_with_timeout(&self, timeout: Duration) -> OTelSdkResult {
        self.inner.shutdown_with_timeout(timeout)
    }

    fn shutdown(&self) -> OTelSdkResult {
        self.inner.shutdown()
    }

    fn force_flush(&self) -> OTelSdkResult {
        self.inner.force_flush()
    }

    fn set_resource(&mut self, resource: &Resource) {
        self.inner.set_resource(resource);
    }
}

/// What one export event wrote (tests read it; operators read the lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Said {
    Nothing,
    /// The first failure's own line.
    Failure,
    /// A summary of the window just over, this failure counted in it.
    Summary,
    /// The exporter works again after a window of failures.
    Recovered,
}

/// Failures since the last line.
#[derive(Debug)]
struct Window {
    opened: Instant,
    failures: u64,
    spans: u64,
}

#[derive(Debug, Default)]
struct ExportLog {
    window: Mutex<Option<Window>>,
}

impl ExportLog {
    fn failed(&self, spans: u64, error: &OTelSdkError, now: Instant) -> Said {
        metrics::counter!("pasar_trace_export_failures_total").increment(1);
        let mut window = self.window.lock().unwrap_or_else(PoisonError::into_inner);
        let fresh = Window { opened: now, failures: 0, spans: 0 };
        let Some(open) = window.as_mut() else {
            tracing::warn!(
                spans,
                %error,
                "Traces could not be exported; failures that follow are counted and summarised once a minute."
            );
            *window = Some(fresh);
            return Said::Failure;
        };
        open.failures += 1;
        open.spans += spans;
        let seconds = now.saturating_duration_since(open.opened).as_secs();
        if seconds < WINDOW.as_secs() {
            return Said::Nothing;
        }
        let (failures, spans) = (open.failures, open.spans);
        tracing::warn!(
            failures,
            spans,
            seconds,
            %error,
            "Trace export failed {failures} more times in {seconds} s; {spans} spans were not delivered."
        );
        *open = fresh;
        Said::Summary
    }

    /// A success within a window is counted in it as nothing (a collector refusing some batches
    /// keeps its summaries); after it, the window closes with a line.
    fn exported(&self, now: Instant) -> Said {
        let mut window = self.window.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(open) = window.as_ref() else { return Said::Nothing };
        let seconds = now.saturating_duration_since(open.opened).as_secs();
        if seconds < WINDOW.as_secs() {
            return Said::Nothing;
        }
        let (failures, spans) = (open.failures, open.spans);
        tracing::info!(
            failures,
            spans,
            seconds,
            "Traces are exported again, after {failures} more failures in {seconds} s."
        );
        *window = None;
        Said::Recovered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_collector_refusing_every_batch_gets_one_line_a_minute_and_its_return_one_more() {
        let log = ExportLog::default();
        let error = OTelSdkError::InternalFailure("HTTP 500".into());
        let start = Instant::now();
        let at = |seconds: u64| start + Duration::from_secs(seconds);
        assert_eq!(log.failed(512, &error, at(0)), Said::Failure);
        let said: Vec<Said> = (1..60).map(|s| log.failed(512, &error, at(s))).collect();
        assert_eq!(said, vec![Said::Nothing; 59], "a batch a second for a minute: counted");
        assert_eq!(log.exported(at(59)), Said::Nothing, "a batch through within the window");
        assert_eq!(log.failed(512, &error, at(60)), Said::Summary);
        assert_eq!(log.failed(512, &error, at(61)), Said::Nothing, "a new window opened");
        assert_eq!(log.exported(at(121)), Said::Recovered);
        assert_eq!(log.exported(at(122)), Said::Nothing, "nothing to say once it works");
        assert_eq!(log.failed(1, &error, at(123)), Said::Failure, "a new failure after recovery");
    }
}
