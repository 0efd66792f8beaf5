//! Each operation on a socket (each `subscribe`) is one request of its own: counted when it
//! ends and, with `[log] access`, given its own access line then, in the format of a
//! `POST /graphql`'s. A line per operation, not per socket: a socket may live for hours and run
//! hundreds of searches, and a line at its close would say neither which of them failed, nor
//! what each asked of the marketplaces, nor when. The socket's own line is its handshake's
//! (status 101, written when accepted); its operations' ids are the handshake's with `.1`,
//! `.2`, … after it, so `grep <id>` finds the socket and everything it ran. With traces on, each
//! operation is a span of its own too (`WS socket`), a child of the handshake's: a trace viewer
//! shows the socket's operations under the request that opened it.

use super::super::clients::Client;
use crate::telemetry::access::AccessLine;
use crate::telemetry::request::{Outcome, RequestNotes};
use crate::telemetry::trace;
use std::sync::Arc;
use std::time::Instant;

/// One operation's notes and access line, from its `subscribe` to its end.
#[derive(Clone)]
pub(super) struct OperationLine {
    notes: Arc<RequestNotes>,
    started: Instant,
    /// How the line names the client; `None` when access lines are off.
    client: Option<String>,
    /// Its span (a disabled one when traces are off).
    span: tracing::Span,
}

impl OperationLine {
    /// The `n`th operation (from 1) of the socket whose handshake had id `socket` and span
    /// context `parent`.
    pub(super) fn new(
        (socket, parent): (&str, Option<&opentelemetry::Context>),
        n: u64,
        client: &Client,
        access_log: bool,
    ) -> Self {
        let id = format!("{socket}.{n}");
        let span = tracing::info_span!(
            target: trace::TARGET,
            "request",
            otel.name = "WS socket",
            otel.kind = "server",
            pasar.door = "socket",
            pasar.request_id = id.as_str(),
            graphql.operation.name = tracing::field::Empty,
            pasar.outcome = tracing::field::Empty,
        );
        let span = trace::with_parent(span, parent);
        let notes = RequestNotes::new(id);
        Self { notes, started: Instant::now(), client: access_log.then(|| client.label()), span }
    }

    /// The operation's span, to run it in.
    pub(super) fn span(&self) -> tracing::Span {
        self.span.clone()
    }

    /// The operation's notes: its id (sent to the marketplaces as `x-request-id`), its name and
    /// the marketplaces it asked.
    pub(super) fn notes(&self) -> Arc<RequestNotes> {
        Arc::clone(&self.notes)
    }

    /// Counts the operation as `outcome` in `pasar_http_requests_total{operation="socket"}`, as
    /// a request over HTTP is counted, and writes its line.
    pub(super) fn end(&self, outcome: Outcome) {
        self.span.record("pasar.outcome", outcome.label());
        metrics::counter!("pasar_http_requests_total", "operation" => "socket", "outcome" => outcome.label())
            .increment(1);
        if let Some(client) = &self.client {
            let took = self.started.elapsed();
            let notes = &self.notes;
            AccessLine { notes, method: "WS", door: "socket", status: 101, outcome, took, client }.write();
        }
    }
}
