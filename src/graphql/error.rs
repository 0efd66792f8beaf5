//! Stable error codes in `extensions.code`, mapped once from each layer's error type.

use crate::marketplace::MarketplaceError;
use crate::model::MarketplaceId;
use crate::search::SearchError;
use async_graphql::{Context, ErrorExtensions, ServerError};

/// The codes clients can rely on.
pub mod codes {
    /// The request's arguments are invalid.
    pub const BAD_USER_INPUT: &str = "BAD_USER_INPUT";
    /// The `after` cursor was not issued by this API.
    pub const BAD_CURSOR: &str = "BAD_CURSOR";
    /// The body is not a GraphQL request.
    pub const BAD_REQUEST: &str = "BAD_REQUEST";
    /// The content type is not JSON.
    pub const UNSUPPORTED_CONTENT_TYPE: &str = "UNSUPPORTED_CONTENT_TYPE";
    /// The body is over the size limit.
    pub const REQUEST_TOO_LARGE: &str = "REQUEST_TOO_LARGE";
    /// The query is over a nesting, token, alias, root-field, fan-out or batch limit.
    pub const QUERY_TOO_COMPLEX: &str = "QUERY_TOO_COMPLEX";
    /// The client sent too many requests.
    pub const RATE_LIMITED: &str = "RATE_LIMITED";
    /// The operation needs the admin token.
    pub const FORBIDDEN: &str = "FORBIDDEN";
    /// The query is not a GraphQL document (a syntax error, or empty).
    pub const GRAPHQL_PARSE_FAILED: &str = "GRAPHQL_PARSE_FAILED";
    /// The document does not fit the schema, or exceeds the depth or complexity limit.
    pub const GRAPHQL_VALIDATION_FAILED: &str = "GRAPHQL_VALIDATION_FAILED";
    /// `operationName` names no operation of the document, or is needed and missing.
    pub const OPERATION_RESOLUTION_FAILURE: &str = "OPERATION_RESOLUTION_FAILURE";
    /// Only a persisted-query hash was sent and no document is stored under it.
    pub const PERSISTED_QUERY_NOT_FOUND: &str = "PERSISTED_QUERY_NOT_FOUND";
    /// A mutation was sent with `GET`.
    pub const METHOD_NOT_ALLOWED: &str = "METHOD_NOT_ALLOWED";
    /// `Accept` allows no media type Pasar writes.
    pub const NOT_ACCEPTABLE: &str = "NOT_ACCEPTABLE";
}

impl ErrorExtensions for SearchError {
    fn extend(&self) -> async_graphql::Error {
        let code = match self {
            SearchError::Cursor(_) => codes::BAD_CURSOR,
            SearchError::BadQuery
            | SearchError::BadFirst { .. }
            | SearchError::TooDeep
            | SearchError::UnknownMarketplace(_) => codes::BAD_USER_INPUT,
        };
        async_graphql::Error::new(self.to_string()).extend_with(|_, e| e.set("code", code))
    }
}

/// Reports a marketplace failure as a GraphQL error beside the partial data.
pub(super) fn report_failure(ctx: &Context<'_>, marketplace: &MarketplaceId, error: &MarketplaceError) {
    let mut extended = async_graphql::Error::new(format!("Marketplace {marketplace} {error}")).extend_with(|_, e| {
        e.set("code", error.code());
        e.set("marketplace", marketplace.as_str());
    });
    if let MarketplaceError::RateLimited { retry_after: Some(seconds) } = error {
        extended = extended.extend_with(|_, e| e.set("retryAfter", *seconds));
    }
    let server_error: ServerError = extended.into_server_error(ctx.item.pos);
    ctx.add_error(ctx.set_error_path(server_error));
}
