//! The `POST /graphql` endpoint: every request is checked before any work is done.
//!
//! Order matters: rate limit, content type (a CSRF guard: browsers cannot send JSON cross-site
//! without a preflight), body size while reading, JSON shape, batch size, then the linear
//! [`prescan`](super::prescan) — all before the GraphQL parser runs or any marketplace is asked.

use super::mutation::Presented;
use super::prescan::{QueryShape, scan};
use super::{PasarSchema, codes};
use crate::config::RequestLimits;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// Why a request was refused before execution.
#[derive(Debug, thiserror::Error)]
pub enum Rejection {
    /// Not JSON or GraphQL content.
    #[error("POST /graphql needs `Content-Type: application/json` (or application/graphql-response+json)")]
    ContentType,
    /// Larger than the body limit.
    #[error("the request body is larger than {0} bytes")]
    TooLarge(usize),
    /// Not a GraphQL request in JSON.
    #[error("the body is not a GraphQL request: {0}")]
    Malformed(String),
    /// Too many operations in one batch.
    #[error("a batch may hold at most {0} operations")]
    BatchTooLarge(usize),
    /// A limit the query text exceeds.
    #[error("the query exceeds the {limit} limit ({found} > {max})")]
    Limit {
        /// Which limit.
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
            Self::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Malformed(_) | Self::BatchTooLarge(_) | Self::Limit { .. } => StatusCode::BAD_REQUEST,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            Self::ContentType => codes::UNSUPPORTED_CONTENT_TYPE,
            Self::TooLarge(_) => codes::REQUEST_TOO_LARGE,
            Self::Malformed(_) => codes::BAD_REQUEST,
            Self::BatchTooLarge(_) | Self::Limit { .. } => codes::QUERY_TOO_COMPLEX,
        }
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        let limit = match &self {
            Self::Limit { limit, .. } => Some(*limit),
            _ => None,
        };
        let body = json!({ "errors": [{ "message": self.to_string(), "extensions": { "code": self.code(), "limit": limit } }] });
        (self.status(), axum::Json(body)).into_response()
    }
}

/// Checks and runs one GraphQL HTTP request.
pub async fn handle(schema: &PasarSchema, limits: &RequestLimits, headers: &HeaderMap, body: Body) -> Response {
    match admit(limits, headers, body).await {
        Ok(batch) => {
            let presented = Presented(bearer(headers));
            let batch = batch.data(presented);
            let response = async_graphql_axum::GraphQLResponse::from(schema.execute_batch(batch).await);
            response.into_response()
        }
        Err(rejection) => rejection.into_response(),
    }
}

async fn admit(
    limits: &RequestLimits,
    headers: &HeaderMap,
    body: Body,
) -> Result<async_graphql::BatchRequest, Rejection> {
    if !is_graphql_content(headers.get(header::CONTENT_TYPE)) {
        return Err(Rejection::ContentType);
    }
    let bytes = axum::body::to_bytes(body, limits.max_body_bytes)
        .await
        .map_err(|_| Rejection::TooLarge(limits.max_body_bytes))?;
    let batch: async_graphql::BatchRequest =
        serde_json::from_slice(&bytes).map_err(|e| Rejection::Malformed(e.to_string()))?;
    let requests = match &batch {
        async_graphql::BatchRequest::Single(request) => std::slice::from_ref(request),
        async_graphql::BatchRequest::Batch(requests) => requests.as_slice(),
    };
    if requests.len() > limits.max_batch {
        return Err(Rejection::BatchTooLarge(limits.max_batch));
    }
    let mut fan_out = 0;
    for request in requests {
        let shape = scan(&request.query, limits.max_tokens);
        check(&shape, limits)?;
        fan_out += shape.fan_out_fields;
    }
    check_limit("fan-out", fan_out, limits.max_fan_out_fields)?;
    Ok(batch)
}

fn check(shape: &QueryShape, limits: &RequestLimits) -> Result<(), Rejection> {
    check_limit("token", shape.tokens, limits.max_tokens)?;
    check_limit("nesting", shape.nesting, limits.max_nesting)?;
    check_limit("alias", shape.aliases, limits.max_aliases)?;
    check_limit("root field", shape.root_fields, limits.max_root_fields)
}

fn check_limit(limit: &'static str, found: usize, max: usize) -> Result<(), Rejection> {
    if found > max { Err(Rejection::Limit { limit, found, max }) } else { Ok(()) }
}

fn is_graphql_content(value: Option<&HeaderValue>) -> bool {
    let Some(mime) = value.and_then(|v| v.to_str().ok()).and_then(|v| v.split(';').next()) else {
        return false;
    };
    matches!(mime.trim().to_ascii_lowercase().as_str(), "application/json" | "application/graphql-response+json")
}

/// The bearer token a request presents, for admin mutations.
fn bearer(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    value.strip_prefix("Bearer ").map(|token| token.trim().to_string())
}
