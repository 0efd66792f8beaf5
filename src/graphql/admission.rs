//! Admission: the one step every request passes before any GraphQL work, whichever door it came
//! through (`POST`, `GET` and batches on `/graphql`, each `subscribe` on `/graphql/ws`).
//!
//! In order: the client's budget (checked by the router for every HTTP request, here for every
//! WebSocket operation), the bytes the gateway may hold at once and the client's share of them
//! ([`in_flight`](super::in_flight)), the body's size and pace, the
//! request's shape, persisted-query resolution (so a hash-only request is measured by the document
//! it names), the linear [`prescan`](super::prescan) of each document against `[limits]`, and
//! what its operations select with fragments spread in ([`expansion`](super::expansion), on the
//! parse execution then reuses).
//! Execution needs an [`Admitted`], which only this module can make.

use super::clients::{Client, Clients};
use super::expansion::expand;
use super::http::Rejection;
pub use super::in_flight::Held;
use super::in_flight::{self, InFlight};
use super::persisted::{PersistedQueries, Resolved};
use super::prescan::{QueryShape, scan};
use super::wire::{self, WireBatch, WireRequest};
use crate::config::RequestLimits;
use async_graphql::ServerError;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, header};
use futures::StreamExt;
use std::collections::HashMap;
use std::io::ErrorKind;
use std::sync::{Arc, Mutex, PoisonError};

/// A request that passed admission: the only thing execution accepts.
pub struct Admitted {
    request: WireRequest,
    by_hash: bool,
    fan_out: usize,
}

impl Admitted {
    /// Parses the document (or reuses the parse of the same text) and finds its operation.
    pub(super) fn prepare(self, documents: &wire::Documents) -> Result<wire::Prepared, ServerError> {
        wire::parse_request(self.request, documents)
    }

    /// Whether the document was named by hash (a `GET` of it may be cached by a CDN).
    pub(super) fn by_hash(&self) -> bool {
        self.by_hash
    }

    /// How many fields of it ask every marketplace.
    pub(super) fn fan_out(&self) -> usize {
        self.fan_out
    }
}

/// The admission step of one gateway.
#[derive(Clone)]
pub struct Admission {
    limits: Arc<RequestLimits>,
    persisted: PersistedQueries,
    clients: Clients,
    in_flight: InFlight,
    streams: Arc<Mutex<HashMap<Client, usize>>>,
    /// The schema's parsed documents (see [`expand`]).
    documents: wire::Documents,
}

impl Admission {
    /// Admission under `limits`, with `in_flight_bytes` of request bytes held at once, and a
    /// client's [`share`](in_flight::share) of them.
    pub fn new(
        limits: RequestLimits,
        persisted: PersistedQueries,
        clients: Clients,
        in_flight_bytes: usize,
        documents: wire::Documents,
    ) -> Self {
        let share = in_flight::share(in_flight_bytes, limits.max_body_bytes);
        Self {
            in_flight: InFlight::new(in_flight_bytes, share),
            limits: Arc::new(limits),
            persisted,
            clients,
            streams: Arc::default(),
            documents,
        }
    }

    /// The request limits.
    pub fn limits(&self) -> &RequestLimits {
        &self.limits
    }

    /// The clients and their budgets.
    pub fn clients(&self) -> &Clients {
        &self.clients
    }

    /// Takes one request from `client`'s budget.
    pub async fn charge(&self, client: &Client) -> Result<(), Rejection> {
        self.clients.check(client).await.map_err(Rejection::RateLimited)
    }

    /// Takes what a request of `bytes` costs from `client`'s budget, as the router charges a
    /// body (a socket's `subscribe` is read as a POST body is).
    pub async fn charge_bytes(&self, client: &Client, bytes: usize) -> Result<(), Rejection> {
        let cost = super::clients::cost_of_body(u64::try_from(bytes).ok());
        self.clients.check_weighted(client, cost).await.map_err(Rejection::RateLimited)
    }

    /// The budget of request bytes held in memory (a socket's reads are charged to it too).
    pub(super) fn in_flight_budget(&self) -> InFlight {
        self.in_flight.clone()
    }

    /// Holds `bytes` of the in-flight budget for `client` until the returned value is dropped.
    pub fn hold(&self, client: &Client, bytes: usize) -> Result<Held, Rejection> {
        self.in_flight.take(client, bytes).map_err(|_| Rejection::Busy)
    }

    /// Refuses a body whose declared length (uncompressed: a coded body's size is known once
    /// decoded) is past `max_body_bytes` before a byte of it is read, so that hyper never answers
    /// `Expect: 100-continue` with 100 for an upload it will cut (review29a W11).
    pub(super) fn declared_length(&self, headers: &HeaderMap) -> Result<(), Rejection> {
        let max = self.limits.max_body_bytes;
        let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
        let identity = !headers.contains_key(header::CONTENT_ENCODING);
        if identity && declared.is_some_and(|bytes| bytes > max as u64) {
            Err(Rejection::TooLarge(max))
        } else {
            Ok(())
        }
    }

    /// Reads `client`'s body of at most `max_body_bytes`, holding its bytes in the in-flight
    /// budget as they arrive: 413 past the size, 408 when it stalls, 400 when it cannot be
    /// decoded, 503 when the gateway, or the client's share of it, holds its budget already.
    pub async fn read_body(&self, client: &Client, body: Body) -> Result<(Bytes, Held), Rejection> {
        let max = self.limits.max_body_bytes;
        let mut held = Held::none();
        let mut bytes = Vec::new();
        let mut stream = body.into_data_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| body_error(&e))?;
            if bytes.len() + chunk.len() > max {
                return Err(Rejection::TooLarge(max));
            }
            held.merge(self.hold(client, chunk.len())?);
            bytes.extend_from_slice(&chunk);
        }
        Ok((Bytes::from(bytes), held))
    }

    /// A `POST` body: one request or a batch.
    pub(super) fn admit_post(&self, body: &[u8]) -> Result<Admissions, Rejection> {
        match wire::from_body(body).map_err(Rejection::Malformed)? {
            WireBatch::Single(request) => Ok(Admissions::Single(self.admit_one(request)?)),
            WireBatch::Batch(requests) => self.admit(requests).map(Admissions::Batch),
        }
    }

    /// A `GET` query string.
    pub(super) fn admit_get(&self, query_string: &str) -> Result<Result<Admitted, ServerError>, Rejection> {
        if query_string.len() > self.limits.max_body_bytes {
            return Err(Rejection::TooLarge(self.limits.max_body_bytes));
        }
        self.admit_one(wire::from_query_string(query_string).map_err(Rejection::Malformed)?)
    }

    /// One request (a WebSocket `subscribe`'s payload, or a single `POST`).
    pub(super) fn admit_one(&self, request: WireRequest) -> Result<Result<Admitted, ServerError>, Rejection> {
        let mut admitted = self.admit(vec![request])?;
        Ok(admitted.pop().unwrap_or_else(|| Err(ServerError::new("empty batch", None))))
    }

    /// Every request of a batch: a limit exceeded by any refuses the whole request; a persisted
    /// query that cannot be resolved is that request's own error. Fan-out is summed over the batch.
    pub(super) fn admit(&self, requests: Vec<WireRequest>) -> Result<Vec<Result<Admitted, ServerError>>, Rejection> {
        let limits = &*self.limits;
        if requests.is_empty() {
            // Nothing to run and nothing refused was answered 200 `[]` (review32w W32-9).
            return Err(Rejection::Malformed("the batch holds no operation".into()));
        }
        if requests.len() > limits.max_batch {
            return Err(Rejection::BatchTooLarge(limits.max_batch));
        }
        if requests.iter().any(|r| !wire::has_document(r)) {
            return Err(Rejection::Malformed("the request has no `query`".into()));
        }
        let mut fan_out = 0;
        let mut measured = Vec::with_capacity(requests.len());
        for request in requests {
            let sent = request.query.as_deref().map(|query| self.measure(query)).transpose()?;
            let resolved = match self.persisted.resolve(request) {
                Ok(resolved) => resolved,
                Err(error) => {
                    measured.push(Err(error));
                    continue;
                }
            };
            let request_fan_out = match sent {
                Some(measured) => measured,
                None => self.measure(resolved.request.query.as_deref().unwrap_or_default())?,
            };
            fan_out += request_fan_out;
            measured.push(Ok((resolved, request_fan_out)));
        }
        check_limit("max_fan_out_fields", fan_out, limits.max_fan_out_fields)?;
        // Only now, every limit passed, may the persisted-query store keep a document sent in
        // full: a document refused here is never registered under its hash.
        let admit = |(mut resolved, fan_out): (Resolved, usize)| {
            self.persisted.keep(&mut resolved);
            Admitted { request: resolved.request, by_hash: resolved.by_hash, fan_out }
        };
        Ok(measured.into_iter().map(|one| one.map(admit)).collect())
    }

    /// Checks the linear scan's shape of `query`, then what it selects with fragments spread in;
    /// returns its fan-out.
    fn measure(&self, query: &str) -> Result<usize, Rejection> {
        check(&scan(query, self.limits.max_tokens), &self.limits)?;
        self.spread_out(query)
    }

    /// Parses `query` (once: execution reuses the parse) and checks what its operations select
    /// with their fragments spread in, depth and complexity as async-graphql counts them;
    /// returns their fan-out. A document that does not parse
    /// passes here: execution answers it with the parser's error.
    fn spread_out(&self, query: &str) -> Result<usize, Rejection> {
        let Ok(document) = self.documents.parse(query) else { return Ok(0) };
        let (measured, limits) = (expand(&document), &*self.limits);
        let largest = measured.largest;
        check_limit("max_complexity", measured.complexity, limits.max_complexity)?;
        check_limit("max_root_fields", largest.root_fields, limits.max_root_fields)?;
        check_limit("max_depth", largest.depth, limits.max_depth)?;
        // async-graphql refuses the same depth itself (limit_recursive_depth is max_nesting), as a
        // validation failure naming no limit.
        check_limit("max_nesting", largest.recursion, limits.max_nesting)?;
        Ok(largest.fan_out_fields)
    }

    /// A place for one more streamed fan-out of `client`, given back when dropped.
    pub(super) fn open_streams(&self, client: &Client, count: usize) -> Result<StreamSlots, Rejection> {
        let max = self.limits.max_streams_per_client;
        let mut streams = self.streams.lock().unwrap_or_else(PoisonError::into_inner);
        let open = streams.entry(client.clone()).or_default();
        if *open + count > max {
            let found = *open + count;
            return Err(Rejection::Limit { limit: "max_streams_per_client", found, max });
        }
        *open += count;
        Ok(StreamSlots { streams: Arc::clone(&self.streams), client: client.clone(), count })
    }
}

/// What a `POST` body admitted to.
pub(super) enum Admissions {
    /// One request.
    Single(Result<Admitted, ServerError>),
    /// A batch, in order.
    Batch(Vec<Result<Admitted, ServerError>>),
}

/// Streamed fan-outs a client holds.
pub(super) struct StreamSlots {
    streams: Arc<Mutex<HashMap<Client, usize>>>,
    client: Client,
    count: usize,
}

impl Drop for StreamSlots {
    fn drop(&mut self) {
        let mut streams = self.streams.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(open) = streams.get_mut(&self.client) {
            *open = open.saturating_sub(self.count);
            if *open == 0 {
                streams.remove(&self.client);
            }
        }
    }
}

fn check(shape: &QueryShape, limits: &RequestLimits) -> Result<(), Rejection> {
    check_limit("max_tokens", shape.tokens, limits.max_tokens)?;
    check_limit("max_nesting", shape.nesting, limits.max_nesting)?;
    check_limit("max_aliases", shape.aliases, limits.max_aliases)
}

fn check_limit(limit: &'static str, found: usize, max: usize) -> Result<(), Rejection> {
    if found > max { Err(Rejection::Limit { limit, found, max }) } else { Ok(()) }
}

/// 408 when the body timed out (tower-http's `TimeoutError`, however deep the decompression
/// layers wrapped it), else 400: the body arrived but could not be decoded.
fn body_error(error: &axum::Error) -> Rejection {
    if is_timeout(error) {
        Rejection::Stalled
    } else if is_gone(error) {
        Rejection::Gone(error.to_string())
    } else {
        Rejection::Unreadable(error.to_string())
    }
}

/// Whether the body ended because the client went away: the connection closed or broke
/// mid-body (hyper's body error caused by the socket's end), the stream reset or the connection
/// gone (HTTP/2). A body that arrived whole but does not decode is no such error, even when its
/// decoder says "unexpected end": only an end hyper met reading the connection counts.
fn is_gone(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut next = Some(error);
    let mut from_connection = false;
    for _ in 0..16 {
        let Some(error) = next else { return false };
        if let Some(hyper) = error.downcast_ref::<hyper::Error>() {
            if hyper.is_incomplete_message() || hyper.is_canceled() || hyper.is_closed() {
                return true;
            }
            from_connection = true;
        }
        if let Some(h2) = error.downcast_ref::<h2::Error>()
            && (h2.is_reset() || h2.is_go_away() || h2.is_io())
        {
            return true;
        }
        if let Some(io) = error.downcast_ref::<std::io::Error>() {
            let ended = matches!(
                io.kind(),
                ErrorKind::UnexpectedEof
                    | ErrorKind::ConnectionReset
                    | ErrorKind::ConnectionAborted
                    | ErrorKind::BrokenPipe
            );
            if from_connection && ended {
                return true;
            }
            // `io::Error::source` skips the error it wraps; `get_ref` reaches it.
            if let Some(wrapped) = io.get_ref()
                && is_gone(wrapped)
            {
                return true;
            }
        }
        next = error.source();
    }
    false
}

fn is_timeout(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut next = Some(error);
    // Bounded: error chains are short, and a cycle must not hang a request.
    for _ in 0..16 {
        let Some(error) = next else { return false };
        if error.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        // `io::Error::source` skips the error it wraps; `get_ref` reaches it.
        if let Some(wrapped) = error.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref())
            && is_timeout(wrapped)
        {
            return true;
        }
        next = error.source();
    }
    false
}
