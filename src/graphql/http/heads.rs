//! What a request's headers ask of `/graphql`: GraphiQL, a WebSocket it should ask elsewhere,
//! a body in a media type and charset it reads.

use super::super::negotiate::{Wanted, negotiate};
use axum::http::{HeaderMap, HeaderValue, header};

/// Whether a `GET /graphql` comes from a browser that wants the GraphiQL page.
pub fn wants_graphiql(headers: &HeaderMap) -> bool {
    negotiate(headers, true) == Wanted::Html
}

/// A WebSocket upgrade sent here, where many clients point their socket link by default.
pub(super) fn wants_websocket(headers: &HeaderMap) -> bool {
    headers.get(header::UPGRADE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.eq_ignore_ascii_case("websocket"))
}

/// Whether a `POST` body is JSON that `/graphql` reads: `application/json` or
/// `application/graphql-response+json`, in UTF-8.
pub(super) fn is_graphql_content(value: Option<&HeaderValue>) -> bool {
    let Some(mut parts) = value.and_then(|v| v.to_str().ok()).map(|v| v.split(';')) else {
        return false;
    };
    let mime = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
    let graphql = matches!(mime.as_str(), "application/json" | "application/graphql-response+json");
    // JSON is UTF-8 (RFC 8259 §8.1); a body declared in another charset would be read as
    // something it is not, so it is refused (GraphQL over HTTP allows the 415) (review34d D34-8).
    graphql && parts.all(|parameter| !declares_other_charset(parameter))
}

fn declares_other_charset(parameter: &str) -> bool {
    let Some((name, value)) = parameter.split_once('=') else { return false };
    let value = value.trim().trim_matches('"');
    // US-ASCII is UTF-8's first 128 characters: read the same (review34m M34-8).
    let read_as_utf8 = ["utf-8", "utf8", "us-ascii"].iter().any(|c| value.eq_ignore_ascii_case(c));
    name.trim().eq_ignore_ascii_case("charset") && !read_as_utf8
}
