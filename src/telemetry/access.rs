//! The access line (`[log] access`): one per request at target `pasar::access`, whichever door
//! it came by. A `POST /graphql` writes it when answered; each operation on a WebSocket writes
//! its own when it ends, so every operation is one line in one format.

use super::request::{Outcome, RequestNotes};
use std::time::Duration;

/// Target of the access lines.
pub const TARGET: &str = "pasar::access";

/// What one access line says.
pub struct AccessLine<'a> {
    /// The request's notes: its id, operation name and the marketplaces it asked.
    pub notes: &'a RequestNotes,
    /// The HTTP method; `WS` for an operation on a socket.
    pub method: &'a str,
    /// The door (`graphql`, `socket`, …), as the metrics' `operation` label.
    pub door: &'a str,
    /// The HTTP status; an operation on a socket has none of its own and says the socket's, 101.
    pub status: u16,
    /// What it came to, as `pasar_http_requests_total{outcome}` counts it.
    pub outcome: Outcome,
    /// From its start (the request, or the `subscribe`) to its end.
    pub took: Duration,
    /// The `[clients]` name or the address, never the key.
    pub client: &'a str,
}

impl AccessLine<'_> {
    /// Writes the line.
    pub fn write(&self) {
        tracing::info!(
            target: TARGET,
            request_id = %self.notes.id,
            method = self.method,
            operation = self.door,
            operation_name = self.notes.operation().as_deref().unwrap_or("-"),
            status = self.status,
            outcome = self.outcome.label(),
            duration_ms = self.took.as_secs_f64() * 1000.0,
            sources = %self.notes.sources(),
            client = self.client,
            "request"
        );
    }
}
