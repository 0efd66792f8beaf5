//! Refusals that tower-http's layers write bare — no body, no `extensions.code`: the 408 of a
//! request past `request_timeout` (`TimeoutLayer`) and the 415 of a body in a coding the gateway
//! does not decode (`RequestDecompressionLayer`). Each is written again as the gateway's own
//! refusals are, so clients, dashboards and `pasar_refused_total{reason}` see its code: at
//! `/graphql` a GraphQL error in the media type asked for, elsewhere plain text ending in the
//! code. A request cut at its deadline was not read to its end: its answer says
//! `Connection: close` (hyper closes the connection after it, and the client must know).

use crate::graphql::http::Rejection;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Version, header};
use axum::middleware::Next;
use axum::response::Response;
use std::time::Duration;

/// Writes a bare 408 or 415 from the layers inside as a coded refusal; `request_timeout` is the
/// deadline the 408 names.
pub(super) async fn coded(State(request_timeout): State<Duration>, request: Request, next: Next) -> Response {
    let graphql = request.uri().path().starts_with("/graphql");
    let http1 = request.version() <= Version::HTTP_11;
    let mut asked = HeaderMap::new();
    for name in [header::ACCEPT, header::CONTENT_ENCODING] {
        for value in request.headers().get_all(&name) {
            asked.append(name.clone(), value.clone());
        }
    }
    let response = next.run(request).await;
    if response.headers().contains_key(header::CONTENT_TYPE) {
        return response;
    }
    let rejection = match response.status() {
        StatusCode::REQUEST_TIMEOUT => Rejection::TimedOut(request_timeout),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => Rejection::Encoding(coding(&asked)),
        _ => return response,
    };
    let timed_out = matches!(rejection, Rejection::TimedOut(_));
    let mut coded = if graphql { rejection.respond_to(&asked) } else { rejection.respond_text() };
    let headers = coded.headers_mut();
    // The codings the gateway decodes (RFC 9110 §15.5.16), as the layer said them.
    if let Some(accepted) = response.headers().get(header::ACCEPT_ENCODING) {
        headers.insert(header::ACCEPT_ENCODING, accepted.clone());
    }
    if timed_out && http1 {
        headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    coded
}

/// The request's `Content-Encoding`, as sent (shortened: it is echoed in the message).
fn coding(asked: &HeaderMap) -> String {
    let values: Vec<&str> = asked.get_all(header::CONTENT_ENCODING).iter().filter_map(|v| v.to_str().ok()).collect();
    values.join(", ").chars().filter(|c| !c.is_control()).take(60).collect()
}
