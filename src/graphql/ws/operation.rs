//! One admitted operation on a socket: parsed, run, and its results sent as `next` messages.

use super::super::PasarSchema;
use super::super::admission::{Admitted, Held, StreamSlots};
use super::super::codes;
use super::super::error::{code_field_errors, coded, refused_by_validation};
use super::super::freshness::Freshness;
use super::super::http::{Caller, count_unrun, prepare};
use super::super::marketplace::RequestRegistry;
use super::super::order::in_selection_order;
use super::super::vendor::VendorOffersListed;
use super::super::wire;
use super::line::OperationLine;
use super::protocol;
use crate::telemetry::Tracked;
use crate::telemetry::request::{self, Outcome};
use async_graphql::parser::types::OperationType;
use async_graphql::{ServerError, Value};
use futures::StreamExt;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tracing::Instrument;

/// What an operation tells its socket.
pub(super) enum Event {
    /// A message of operation (id, generation) to send.
    Send(String, u64, String),
    /// The operation (id, generation) ended with this message (`complete` or `error`): its id
    /// is free again before the client can hear that. It is counted as the socket writes the
    /// message: by its outcome once written, `cancelled` if it never is.
    Done(String, u64, String, Tally),
}

pub(super) struct Operation {
    pub(super) schema: PasarSchema,
    pub(super) id: String,
    pub(super) generation: u64,
    pub(super) outbox: mpsc::Sender<Event>,
    /// How long it may run (`[http] request_timeout`, as a request over HTTP).
    pub(super) timeout: Duration,
    /// Its notes and access line.
    pub(super) line: OperationLine,
    /// Cancelled at the socket's drain deadline (shutdown): the operation ends with an `error`.
    pub(super) cut: CancellationToken,
    /// Its place among the requests in flight that shutdown drains.
    pub(super) tracked: Tracked,
}

impl Operation {
    /// Runs the operation to its last message; `held` (its stream slots and bytes in flight) is
    /// given back when it ends.
    pub(super) async fn run(self, admitted: Admitted, caller: Caller, held: (Option<StreamSlots>, Held)) {
        let (notes, span) = (self.line.notes(), self.line.span());
        request::scope(notes, self.run_noted(admitted, caller, held)).instrument(span).await;
    }

    /// [`Self::run`], inside the operation's notes: its marketplace calls carry its id, and its
    /// line says what they answered.
    async fn run_noted(self, admitted: Admitted, caller: Caller, held: (Option<StreamSlots>, Held)) {
        let mut tally = Tally { outcome: Outcome::Ok, line: self.line.clone(), ended: false };
        let ended = tokio::select! {
            ended = tokio::time::timeout(self.timeout, self.execute(admitted, caller, &mut tally)) => Some(ended),
            () = self.cut.cancelled() => None,
        };
        let stopped =
            |message: String, code| protocol::error(&self.id, &[coded(ServerError::new(message, None), code)]);
        let last = match ended {
            Some(Ok(last)) => last,
            Some(Err(_)) => {
                tally.worst(Outcome::Error);
                stopped(
                    format!("the operation ran past {} s and was stopped", self.timeout.as_secs_f64()),
                    codes::REQUEST_TIMEOUT,
                )
            }
            None => {
                tally.worst(Outcome::Error);
                stopped("the gateway shut down before the operation finished".into(), codes::SERVER_SHUTTING_DOWN)
            }
        };
        drop(held);
        drop(self.tracked);
        let _ = self.outbox.send(Event::Done(self.id.clone(), self.generation, last, tally)).await;
    }

    /// Runs the operation, sending each result; returns the message that ends it.
    async fn execute(&self, admitted: Admitted, caller: Caller, tally: &mut Tally) -> String {
        let prepared = match prepare(&self.schema, Ok(admitted)) {
            Ok(prepared) => prepared,
            Err(error) => {
                tally.worst(count_unrun(&error));
                return protocol::error(&self.id, &[error]);
            }
        };
        if prepared.operation().is_some_and(|op| op.node.ty == OperationType::Mutation) {
            let error =
                ServerError::new("mutations need POST /graphql: the socket runs queries and subscriptions", None);
            let error = coded(error, codes::METHOD_NOT_ALLOWED);
            tally.worst(count_unrun(&error));
            return protocol::error(&self.id, &[error]);
        }
        let wire::Prepared { request, document, operation_name } = prepared;
        if let Some(name) = &operation_name {
            crate::telemetry::request::note_operation(name);
            tracing::Span::current().record("graphql.operation.name", name.as_str());
        }
        let request = request
            .data(caller.presented)
            .data(caller.admin)
            .data(caller.reader)
            .data(Freshness::new())
            .data(VendorOffersListed::default())
            .data(RequestRegistry::default());
        let mut responses = self.schema.execute_stream(request);
        let mut first = true;
        while let Some(response) = responses.next().await {
            // Errors without a path come from validation: the operation never ran.
            let refused = first
                && response.data == Value::Null
                && !response.errors.is_empty()
                && response.errors.iter().all(|e| e.path.is_empty());
            if refused {
                let errors = refused_by_validation(response.errors);
                tally.worst(errors.first().map_or(Outcome::Refused, count_unrun));
                return protocol::error(&self.id, &errors);
            }
            first = false;
            if !response.errors.is_empty() {
                tally.worst(Outcome::Error);
            }
            let mut response = response;
            let operation = wire::operation(&document, operation_name.as_deref());
            code_field_errors(&mut response.errors, operation.map(|o| &o.node));
            // As over HTTP: keys in selection order, a failed field null in place.
            if let Some(operation) = operation {
                in_selection_order(&mut response.data, &response.errors, &document, &operation.node);
            }
            let next = protocol::next(&self.id, &response);
            let _ = self.outbox.send(Event::Send(self.id.clone(), self.generation, next)).await;
        }
        protocol::complete(&self.id)
    }
}

/// What an admitted operation came to, counted (and its line written) once when it ends,
/// however it ends: its last message written to the socket, or `cancelled` when it is dropped
/// before that (the client's `complete`, the socket closing or failing the write, shutdown; a
/// subscription mostly ends so). Counted when the message was written, not when it was made: a
/// `searchStream` the client cut after its first event was `ok` whenever its last event was made
/// before the socket read the cut, 1 time in 3 (review38h R38h-8). Its line lists the
/// marketplaces noted by then, those that had answered: a cut `searchStream` notes its parts as
/// its stream is dropped, before this (declared after it, dropped first).
pub(super) struct Tally {
    outcome: Outcome,
    line: OperationLine,
    /// Whether its last message was written.
    ended: bool,
}

impl Tally {
    fn worst(&mut self, outcome: Outcome) {
        self.outcome = self.outcome.max(outcome);
    }

    /// Counts the operation: by its outcome if its last message was `written`, else `cancelled`.
    pub(super) fn end(mut self, written: bool) {
        self.ended = written;
    }
}

impl Drop for Tally {
    fn drop(&mut self) {
        self.line.end(if self.ended { self.outcome } else { Outcome::Cancelled });
    }
}
