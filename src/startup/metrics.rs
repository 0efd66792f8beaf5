//! `/metrics` (Prometheus text) and the series every request records on its way through.
//!
//! `/metrics` is not public by default: with `PASAR_METRICS_TOKEN` set it needs
//! `Authorization: Bearer <token>`; without it, it is served only when Pasar listens on loopback
//! (the embedded demo), and is a 404 otherwise.

use super::AppState;
use crate::graphql::bearer::bearer;
use crate::telemetry;
use crate::telemetry::access::AccessLine;
use crate::telemetry::request::{self, RequestNotes};
use crate::telemetry::trace;
use axum::extract::ConnectInfo;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tracing::Instrument;

/// Who may read `/metrics`.
#[derive(Debug, Clone)]
pub struct MetricsAccess {
    token: Option<String>,
    loopback: bool,
}

impl MetricsAccess {
    /// With `token`, a bearer of it; without, anyone when `loopback`, else no one.
    pub fn new(token: Option<String>, loopback: bool) -> Self {
        Self { token, loopback }
    }

    pub(super) fn allows(&self, headers: &HeaderMap) -> bool {
        match &self.token {
            Some(token) => bearer(headers).is_some_and(|given| constant_time_eq(given.as_bytes(), token.as_bytes())),
            None => self.loopback,
        }
    }
}

/// Equal bytes, compared without an early exit (the token is a secret).
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The Prometheus text exposition, gauges that are read rather than counted brought up to date.
/// A marketplace removed or switched off has no gauges; one whose reachability `/readyz` has not
/// checked since a reload gave it another adapter has no `pasar_marketplace_up` (`ready.rs`).
pub(super) async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if !state.metrics.allows(&headers) {
        return StatusCode::NOT_FOUND.into_response();
    }
    metrics::gauge!("pasar_cache_bytes").set(state.service.cache_bytes().await as f64);
    metrics::gauge!("pasar_open_sockets").set(state.sockets.open.count() as f64);
    state.adapter_files.set_gauges();
    let content_type = "text/plain; version=0.0.4; charset=utf-8";
    let registry = state.service.registry();
    let serving = |id: &str| registry.get(id).is_some_and(|entry| entry.enabled);
    let text = telemetry::render(|family, id| serving(id) && state.found.shows(family, id));
    ([(header::CONTENT_TYPE, content_type)], text).into_response()
}

/// Counts every request in `pasar_http_requests_total{operation,outcome}` and times it in
/// `pasar_http_request_duration_seconds{operation}`; the operation is the door, never the URL.
/// Sets the request's notes (id, operation name, marketplaces asked) around everything inside;
/// with `[log] access`, writes its one access-log line from them.
pub(super) async fn measure(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let operation = operation(request.uri().path());
    let _tracked = state.requests.track();
    let access = state.access_log.then(|| Access::of(&state, &request));
    let id = request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default();
    let span = request_span(&request, operation, id);
    let notes = RequestNotes::new(id);
    let head = request.method() == axum::http::Method::HEAD;
    let record = Record { operation, started: Instant::now(), notes: Arc::clone(&notes), access, head, pending: true };
    let response = request::scope(notes, next.run(request)).instrument(span.clone()).await;
    span.record("http.response.status_code", response.status().as_u16());
    if let Some(name) = record.notes.operation() {
        span.record("graphql.operation.name", name);
    }
    record.answered(response)
}

/// One request's line and series, written once: when it is answered, or, when the client goes
/// away first (hyper then drops the request before its handler returns), as `cancelled` with
/// the status nginx gives such a request, 499 (review34d D34-2: such requests left no trace).
struct Record {
    operation: &'static str,
    started: Instant,
    notes: Arc<RequestNotes>,
    access: Option<Access>,
    /// A `HEAD` request, whose body is never sent.
    head: bool,
    pending: bool,
}

/// What an access line and the series say of a request whose client went away.
const CLIENT_CLOSED: (u16, request::Outcome) = (499, request::Outcome::Cancelled);

impl Record {
    fn answered(mut self, response: Response) -> Response {
        self.pending = false;
        let status = response.status().as_u16();
        let outcome = response.extensions().get::<request::Outcome>().copied();
        let outcome = outcome.unwrap_or_else(|| request::Outcome::of_status(status));
        let (operation, started) = (self.operation, self.started);
        // A streamed page asks the marketplaces while its body is sent: its line and its count
        // wait for them, and say 499 `cancelled` when the client left before its end (review38h
        // R38h-8: a page left after its head was `ok`). A `HEAD` sends no body: answered whole.
        if response.extensions().get::<request::LineAtBodyEnd>().is_some() {
            let (access, notes, head) = (self.access.take(), Arc::clone(&self.notes), self.head);
            return super::at_end::at_end(response, move |whole| {
                let (status, outcome) = if whole || head { (status, outcome) } else { CLIENT_CLOSED };
                if let Some(access) = access {
                    access.log(&notes, operation, (status, outcome), started.elapsed());
                }
                count(operation, outcome, started);
            });
        }
        let response = match self.access.take() {
            Some(access) => {
                access.log(&self.notes, operation, (status, outcome), started.elapsed());
                response
            }
            None => response,
        };
        // An accepted handshake is no operation: each one run on the socket is counted as it
        // ends (`graphql::ws`); a refused handshake is counted here.
        if status != 101 {
            count(operation, outcome, started);
        } else {
            time(operation, started);
        }
        response
    }
}

impl Drop for Record {
    fn drop(&mut self) {
        if !self.pending {
            return;
        }
        if let Some(access) = self.access.take() {
            access.log(&self.notes, self.operation, CLIENT_CLOSED, self.started.elapsed());
        }
        count(self.operation, CLIENT_CLOSED.1, self.started);
    }
}

fn count(operation: &'static str, outcome: request::Outcome, started: Instant) {
    metrics::counter!("pasar_http_requests_total", "operation" => operation, "outcome" => outcome.label()).increment(1);
    time(operation, started);
}

fn time(operation: &'static str, started: Instant) {
    metrics::histogram!("pasar_http_request_duration_seconds", "operation" => operation)
        .record(started.elapsed().as_secs_f64());
}

/// The request's span (a disabled one when traces are off, and for probes, which load
/// balancers send every few seconds), the child of the client's `traceparent` when it sent one.
/// Named by method and door, never by URL.
fn request_span(request: &Request, operation: &'static str, id: &str) -> tracing::Span {
    if operation == "probe" {
        return tracing::Span::none();
    }
    let method = request.method().as_str();
    let span = tracing::info_span!(
        target: trace::TARGET,
        "request",
        otel.name = %format_args!("{method} {operation}"),
        otel.kind = "server",
        http.request.method = method,
        pasar.door = operation,
        pasar.request_id = id,
        graphql.operation.name = tracing::field::Empty,
        http.response.status_code = tracing::field::Empty,
    );
    trace::adopt_parent(&span, request.headers());
    span
}

/// What an access-log line says of the request, taken before it is handed on.
struct Access {
    method: String,
    client: String,
}

impl Access {
    fn of(state: &AppState, request: &Request) -> Self {
        let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(addr)| addr.ip());
        let client = state.endpoint.admission.clients().identify_request(request.headers(), peer).label();
        Self { method: request.method().to_string(), client }
    }

    /// The line: the door (`operation`), the GraphQL operation name when one was given, and
    /// each marketplace asked with its status (`bela:OK mbiz:TIMEOUT`).
    fn log(self, notes: &RequestNotes, door: &str, (status, outcome): (u16, request::Outcome), took: Duration) {
        let (method, client) = (self.method.as_str(), self.client.as_str());
        AccessLine { notes, method, door, status, outcome, took, client }.write();
    }
}

fn operation(path: &str) -> &'static str {
    match path {
        "/graphql" => "graphql",
        "/graphql/ws" => "socket",
        "/" | "/survey" | "/survey.csv" => "page",
        "/healthz" | "/readyz" | "/metrics" => "probe",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_needed_when_one_is_set_and_loopback_alone_opens_metrics_without_one() {
        let mut headers = HeaderMap::new();
        assert!(MetricsAccess::new(None, true).allows(&headers));
        assert!(!MetricsAccess::new(None, false).allows(&headers));
        let guarded = MetricsAccess::new(Some("s3cret".into()), true);
        assert!(!guarded.allows(&headers), "loopback is not enough once a token is set");
        headers.insert(header::AUTHORIZATION, "Bearer wrong".parse().expect("header"));
        assert!(!guarded.allows(&headers));
        headers.insert(header::AUTHORIZATION, "Bearer s3cret".parse().expect("header"));
        assert!(guarded.allows(&headers));
        headers.insert(header::AUTHORIZATION, "bearer s3cret".parse().expect("header"));
        assert!(guarded.allows(&headers), "the scheme is case-insensitive (RFC 9110 §11.1)");
    }

    #[test]
    fn operations_are_doors_never_urls() {
        assert_eq!(operation("/graphql"), "graphql");
        assert_eq!(operation("/survey.csv"), "page");
        assert_eq!(operation("/anything/else?q=secret"), "other");
    }
}
