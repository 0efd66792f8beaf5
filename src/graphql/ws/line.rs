//! Each operation on a socket (each `subscribe`) is one request of its own: counted when it
//! ends and, with `[log] access`, given its own access line then, in the format of a
//! `POST /graphql`'s. A line per operation, not per socket: a socket may live for hours and run
//! hundreds of searches, and a line at its close would say neither which of them failed, nor
//! what each asked of the marketplaces, nor when. The socket's own line is its handshake's
//! (status 101, written when accepted); its operations' ids are the handshake's with `.1`,
//! `.2`, … after it, so `grep <id>` finds the socket and everything it ran.

use super::super::clients::Client;
use crate::telemetry::access::AccessLine;
use crate::telemetry::request::{Outcome, RequestNotes};
use std::sync::Arc;
use std::time::Instant;

/// One operation's notes and access line, from its `subscribe` to its end.
#[derive(Clone)]
pub(super) struct OperationLine {
    notes: Arc<RequestNotes>,
    started: Instant,
    /// How the line names the client; `None` when access lines are off.
    client: Option<String>,
}

impl OperationLine {
    /// The `n`th operation (from 1) of the socket whose handshake had id `socket`.
    pub(super) fn new(socket: &str, n: u64, client: &Client, access_log: bool) -> Self {
        let notes = RequestNotes::new(format!("{socket}.{n}"));
        Self { notes, started: Instant::now(), client: access_log.then(|| client.label()) }
    }

    /// The operation's notes: its id (sent to the marketplaces as `x-request-id`), its name and
    /// the marketplaces it asked.
    pub(super) fn notes(&self) -> Arc<RequestNotes> {
        Arc::clone(&self.notes)
    }

    /// Counts the operation as `outcome` in `pasar_http_requests_total{operation="socket"}`, as
    /// a request over HTTP is counted, and writes its line.
    pub(super) fn end(&self, outcome: Outcome) {
        metrics::counter!("pasar_http_requests_total", "operation" => "socket", "outcome" => outcome.label())
            .increment(1);
        if let Some(client) = &self.client {
            let took = self.started.elapsed();
            let notes = &self.notes;
            AccessLine { notes, method: "WS", door: "socket", status: 101, outcome, took, client }.write();
        }
    }
}
