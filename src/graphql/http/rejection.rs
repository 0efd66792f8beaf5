//! Requests refused before any GraphQL work: each answers its own HTTP status, whatever the
//! media type, with one coded error naming what was wrong (and, for limits, which one). The same
//! error object is what a WebSocket `error` message and a buyer page's refusal carry.

use super::super::clients::TooManyRequests;
use super::super::codes;
use super::super::negotiate::{MediaType, Wanted, negotiate};
use crate::telemetry::request::Outcome;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// Why a request was refused before execution.
#[derive(Debug, thiserror::Error)]
pub enum Rejection {
    /// Not JSON or GraphQL content.
    #[error("POST /graphql needs `Content-Type: application/json` (or application/graphql-response+json), in UTF-8")]
    ContentType,
    /// The client accepts no media type Pasar writes.
    #[error("/graphql answers `application/graphql-response+json` or `application/json`; `Accept` allows neither")]
    NotAcceptable,
    /// A mutation sent with `GET`, which must not change state.
    #[error("mutations need POST: GET runs queries only")]
    MutationOverGet,
    /// A subscription sent to `/graphql`, which answers once: it runs on the WebSocket.
    #[error(
        "subscriptions run on the WebSocket at /graphql/ws (graphql-transport-ws); /graphql answers queries and mutations"
    )]
    SubscriptionOverHttp,
    /// A method `/graphql` does not answer (`PUT`, `PATCH`, `DELETE`, …).
    #[error("/graphql answers GET (queries) and POST")]
    Method,
    /// A path no route has: axum's own 404 had no body and no code (review38h R38h-5).
    #[error(
        "Pasar has no such address: it answers /graphql, /graphql/ws (WebSocket), /graphiql, the buyer's pages (/, /survey, /belanja), /healthz, /readyz and /metrics"
    )]
    NotFound,
    /// A request to the WebSocket door that is not a WebSocket handshake.
    #[error(
        "/graphql/ws is the WebSocket door: open it with `Upgrade: websocket` and the graphql-transport-ws subprotocol; queries over HTTP go to /graphql ({0})"
    )]
    NotAHandshake(String),
    /// A method another address (a page, a probe, `/metrics`) does not answer.
    #[error("this address does not answer this method; the `Allow` header names those it does")]
    OtherMethod,
    /// Larger than the body limit.
    #[error("the request is larger than {0} bytes")]
    TooLarge(usize),
    /// The body stopped arriving for longer than `body_timeout`.
    #[error("the request body stalled; send it without pauses")]
    Stalled,
    /// The request took longer than `request_timeout` to arrive and be answered.
    #[error("the request took longer than {} s to arrive and be answered ([http] request_timeout)", .0.as_secs_f64())]
    TimedOut(std::time::Duration),
    /// The request headers took longer than `header_timeout` to arrive.
    #[error("the request headers took longer than {} s to arrive ([http] header_timeout)", .0.as_secs_f64())]
    HeadTimedOut(std::time::Duration),
    /// The body is compressed in a coding the gateway does not decode.
    #[error(
        "the request body's Content-Encoding `{0}` is not one Pasar decodes: send it as gzip, deflate, br or zstd, or not compressed"
    )]
    Encoding(String),
    /// The body could not be read (a broken `Content-Encoding`, a reset stream).
    #[error("the request body could not be read: {0}")]
    Unreadable(String),
    /// The client went away (closed the connection, reset the stream) before its request arrived
    /// whole: nobody reads the answer, and it is counted as cancelled, not as a refusal.
    #[error("the client closed the request before it arrived whole: {0}")]
    Gone(String),
    /// The gateway holds its budget of request bytes.
    #[error("the gateway is busy reading other requests; retry after 1 s")]
    Busy,
    /// The gateway is shutting down: it finishes what it runs and starts nothing new.
    #[error("the gateway is shutting down; send the operation again on a new connection")]
    ShuttingDown,
    /// Not a GraphQL request in JSON.
    #[error("the request is not a GraphQL request: {0}")]
    Malformed(String),
    /// Too many operations in one batch.
    #[error("a batch may hold at most {0} operations")]
    BatchTooLarge(usize),
    /// A limit the query text exceeds.
    #[error("the query exceeds the `{limit}` limit ({found} > {max})")]
    Limit {
        /// Which limit, as `[limits]` in the configuration names it.
        limit: &'static str,
        /// What was found.
        found: usize,
        /// The limit.
        max: usize,
    },
    /// The client is over its request budget.
    #[error("{}", .0.message())]
    RateLimited(TooManyRequests),
    /// A page from an origin `cors_origins` does not allow.
    #[error("pages of the origin `{0}` may not call this gateway (see [http] cors_origins)")]
    Origin(String),
}

impl Rejection {
    /// The HTTP status of the refusal.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::ContentType | Self::Encoding(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::NotAcceptable => StatusCode::NOT_ACCEPTABLE,
            Self::MutationOverGet | Self::SubscriptionOverHttp | Self::Method | Self::OtherMethod => {
                StatusCode::METHOD_NOT_ALLOWED
            }
            Self::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Stalled | Self::TimedOut(_) | Self::HeadTimedOut(_) => StatusCode::REQUEST_TIMEOUT,
            Self::Busy | Self::ShuttingDown => StatusCode::SERVICE_UNAVAILABLE,
            Self::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::Origin(_) => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            // nginx's "client closed request": what the access line says of a client gone.
            Self::Gone(_) => StatusCode::from_u16(499).unwrap_or(StatusCode::BAD_REQUEST),
            Self::Unreadable(_)
            | Self::Malformed(_)
            | Self::NotAHandshake(_)
            | Self::BatchTooLarge(_)
            | Self::Limit { .. } => StatusCode::BAD_REQUEST,
        }
    }

    /// The stable `extensions.code`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::ContentType => codes::UNSUPPORTED_CONTENT_TYPE,
            Self::Encoding(_) => codes::UNSUPPORTED_CONTENT_ENCODING,
            Self::NotAcceptable => codes::NOT_ACCEPTABLE,
            Self::MutationOverGet | Self::SubscriptionOverHttp | Self::Method | Self::OtherMethod => {
                codes::METHOD_NOT_ALLOWED
            }
            Self::TooLarge(_) => codes::REQUEST_TOO_LARGE,
            Self::Stalled | Self::TimedOut(_) | Self::HeadTimedOut(_) => codes::REQUEST_TIMEOUT,
            Self::Busy => codes::SERVER_BUSY,
            Self::ShuttingDown => codes::SERVER_SHUTTING_DOWN,
            Self::RateLimited(_) => codes::RATE_LIMITED,
            Self::Origin(_) => codes::ORIGIN_NOT_ALLOWED,
            Self::Unreadable(_) | Self::Malformed(_) | Self::NotAHandshake(_) | Self::Gone(_) => codes::BAD_REQUEST,
            Self::NotFound => codes::NOT_FOUND,
            Self::BatchTooLarge(_) | Self::Limit { .. } => codes::QUERY_TOO_COMPLEX,
        }
    }

    /// The limit hit, as `[limits]` in the configuration names it.
    fn limit(&self) -> Option<(&'static str, usize)> {
        match self {
            Self::TooLarge(max) => Some(("max_body_bytes", *max)),
            Self::BatchTooLarge(max) => Some(("max_batch", *max)),
            Self::Limit { limit, max, .. } => Some((*limit, *max)),
            _ => None,
        }
    }

    fn retry_after(&self) -> Option<u64> {
        match self {
            Self::RateLimited(refused) => Some(refused.retry_after),
            Self::Busy => Some(1),
            _ => None,
        }
    }

    /// Counts the refusal in `pasar_refused_total{reason}` (every refusal is written through
    /// [`error`](Self::error) or [`respond_text`](Self::respond_text), which call this).
    pub(in crate::graphql) fn count(&self) {
        if matches!(self, Self::Gone(_)) {
            return;
        }
        metrics::counter!("pasar_refused_total", "reason" => self.code()).increment(1);
        if matches!(self, Self::RateLimited(_)) {
            metrics::counter!("pasar_rate_limited_total").increment(1);
        }
    }

    /// The GraphQL error object: `{message, extensions: {code, limit?, max?, retryAfter?}}`;
    /// writing it counts the refusal.
    pub fn error(&self) -> Value {
        self.count();
        let mut extensions = json!({ "code": self.code() });
        if let Some((limit, max)) = self.limit() {
            extensions["limit"] = json!(limit);
            extensions["max"] = json!(max);
        }
        if let Some(seconds) = self.retry_after() {
            extensions["retryAfter"] = json!(seconds);
        }
        json!({ "message": self.to_string(), "extensions": extensions })
    }

    /// The refusal, written as `media` (406 is written as `application/json`).
    pub(in crate::graphql) fn respond(self, media: MediaType) -> Response {
        let body = json!({ "errors": [self.error()] });
        let mut response = (self.status(), body.to_string()).into_response();
        if matches!(self, Self::Gone(_)) {
            response.extensions_mut().insert(Outcome::Cancelled);
        }
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, media.content_type());
        match self {
            Self::MutationOverGet => _ = headers.insert(header::ALLOW, HeaderValue::from_static("POST")),
            // RFC 9110 §15.5.6: a 405 names the methods the resource supports. A subscription
            // is refused for its door, not its method, but the header is owed all the same.
            Self::Method | Self::SubscriptionOverHttp => {
                _ = headers.insert(header::ALLOW, HeaderValue::from_static("GET, HEAD, POST"))
            }
            _ => {}
        }
        if let Some(seconds) = self.retry_after() {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }

    /// The refusal, in the media type a GraphQL client with these request headers accepts
    /// (`application/json` when it accepts none).
    pub fn respond_to(self, request: &HeaderMap) -> Response {
        match negotiate(request, false) {
            Wanted::Graphql(media) => self.respond(media),
            Wanted::Html | Wanted::Unsupported => self.respond(MediaType::Json),
        }
    }

    /// The refusal as plain text for people (the buyer's pages), code in brackets.
    pub fn respond_text(self) -> Response {
        self.count();
        let text = format!("{} ({})\n", self, self.code());
        let mut response = (self.status(), [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response();
        if let Some(seconds) = self.retry_after() {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        self.respond(MediaType::Json)
    }
}
