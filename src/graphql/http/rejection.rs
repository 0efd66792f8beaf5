//! Requests refused before any GraphQL work: each answers its own HTTP status, whatever the
//! media type, with one coded error naming what was wrong (and, for limits, which one).

use super::super::codes;
use super::super::negotiate::MediaType;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// Why a request was refused before execution.
#[derive(Debug, thiserror::Error)]
pub enum Rejection {
    /// Not JSON or GraphQL content.
    #[error("POST /graphql needs `Content-Type: application/json` (or application/graphql-response+json)")]
    ContentType,
    /// The client accepts no media type Pasar writes.
    #[error("/graphql answers `application/graphql-response+json` or `application/json`; `Accept` allows neither")]
    NotAcceptable,
    /// A mutation sent with `GET`, which must not change state.
    #[error("mutations need POST: GET runs queries only")]
    MutationOverGet,
    /// Larger than the body limit.
    #[error("the request is larger than {0} bytes")]
    TooLarge(usize),
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
}

impl Rejection {
    fn status(&self) -> StatusCode {
        match self {
            Self::ContentType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::NotAcceptable => StatusCode::NOT_ACCEPTABLE,
            Self::MutationOverGet => StatusCode::METHOD_NOT_ALLOWED,
            Self::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Malformed(_) | Self::BatchTooLarge(_) | Self::Limit { .. } => StatusCode::BAD_REQUEST,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            Self::ContentType => codes::UNSUPPORTED_CONTENT_TYPE,
            Self::NotAcceptable => codes::NOT_ACCEPTABLE,
            Self::MutationOverGet => codes::METHOD_NOT_ALLOWED,
            Self::TooLarge(_) => codes::REQUEST_TOO_LARGE,
            Self::Malformed(_) => codes::BAD_REQUEST,
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

    /// The refusal, written as `media` (406 is written as `application/json`).
    pub(in crate::graphql) fn respond(self, media: MediaType) -> Response {
        let mut extensions = json!({ "code": self.code() });
        if let Some((limit, max)) = self.limit() {
            extensions["limit"] = json!(limit);
            extensions["max"] = json!(max);
        }
        let body = json!({ "errors": [{ "message": self.to_string(), "extensions": extensions }] });
        let mut response = (self.status(), body.to_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, media.content_type());
        if matches!(self, Self::MutationOverGet) {
            headers.insert(header::ALLOW, HeaderValue::from_static("POST"));
        }
        response
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        self.respond(MediaType::Json)
    }
}
