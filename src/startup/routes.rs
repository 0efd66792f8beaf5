//! The HTTP routes and the layers every door passes through: the client's admission, compression
//! and decompression, CORS.

use super::{AppState, cors, gzip, metrics, ready};
use crate::graphql::clients::Client;
use crate::graphql::graphiql;
use crate::graphql::http::Rejection;
use crate::graphql::ws::{self, ConnectionHold, SocketMeter};
use axum::Router;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::net::SocketAddr;
use tower::util::MapRequestLayer;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
use tower_http::decompression::RequestDecompressionLayer;

/// The HTTP routes; separate from `Application` so handlers can be driven in-process.
///
/// Layers, outermost first: CORS (a preflight is answered before anything else runs), the
/// client's identity and budget (every door: `/graphql`, `/graphql/ws`, the buyer's pages),
/// response compression (gzip, br or zstd as `Accept-Encoding` asks), request decompression
/// (gzip, deflate, br or zstd; the decompressed body still counts against `max_body_bytes` while
/// `/graphql` reads it; gzip every member, by [`gzip::members`]).
pub fn router(state: AppState) -> Router {
    let cors = state.cors.clone();
    let spending = crate::graphql::spending_of(&state.endpoint.schema, &state.service);
    let admit = axum::middleware::from_fn_with_state(state.clone(), admit_client);
    let measured = state.clone();
    let router = Router::new()
        .route("/graphql", get(graphql).post(graphql).fallback(|| async { Rejection::Method.into_response() }))
        .route("/graphql/ws", get(socket))
        .route("/graphiql", get(|| async { graphiql::page() }))
        .route(&format!("{}/{{name}}", graphiql::ASSETS_PATH), get(graphiql::asset))
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready::readyz))
        .route("/metrics", get(metrics::metrics))
        .merge(crate::web::router(state.service.clone(), spending))
        // Axum's own 405 has no body; every refusal says its code (review34d D34-8). Axum still
        // adds the `Allow` header.
        .method_not_allowed_fallback(|| async { Rejection::OtherMethod.respond_text() })
        .fallback(|| async { Rejection::NotFound.respond_text() })
        .with_state(state)
        .layer(RequestDecompressionLayer::new())
        .layer(MapRequestLayer::new(gzip::members))
        .layer(CompressionLayer::new().compress_when(worth_compressing()))
        .layer(admit)
        .layer(axum::middleware::from_fn_with_state(measured, metrics::measure));
    match cors {
        // A preflight from an origin not listed still gets `Allow-Methods` and the like from
        // tower-http; drop them so such origins see no CORS headers at all.
        Some(cors) => router.layer(cors).layer(axum::middleware::map_response(cors::only_for_allowed_origins)),
        None => router,
    }
}

/// Bodies over 1 KiB, except images and event streams. Small answers, refusals among them, keep
/// their `Content-Length`: a 413 sent while the client is still uploading must arrive whole
/// before the connection closes, which a chunked, compressed body does not always manage.
fn worth_compressing() -> impl Predicate {
    // The stored answers' threshold too (graphql::coded); both fit in u16.
    let from = u16::try_from(crate::graphql::coded::COMPRESS_FROM_BYTES).unwrap_or(u16::MAX);
    SizeAbove::new(from).and(NotForContentType::IMAGES).and(NotForContentType::SSE).and(NotForContentType::GRPC)
}

async fn graphql(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let get = parts.method == Method::GET || parts.method == Method::HEAD;
    if get && crate::graphql::http::wants_graphiql(&parts.headers) {
        return vary_by_accept(graphiql::page());
    }
    let client = parts.extensions.get::<Client>().cloned().unwrap_or(Client::Address(None));
    vary_by_accept(crate::graphql::http::handle(&state.endpoint, &client, &parts, body).await)
}

/// `/graphql` answers GraphiQL or JSON, in one of two media types, as `Accept` asks: a shared
/// cache must key on it.
fn vary_by_accept(mut response: Response) -> Response {
    response.headers_mut().append(header::VARY, HeaderValue::from_static("accept"));
    response
}

async fn socket(
    State(state): State<AppState>,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
    request: Request,
) -> Response {
    // axum's own refusal is bare text with no code (review38h R38h-5).
    let upgrade = match upgrade {
        Ok(upgrade) => upgrade,
        Err(refused) => return Rejection::NotAHandshake(refused.body_text()).into_response(),
    };
    let client = request.extensions().get::<Client>().cloned().unwrap_or(Client::Address(None));
    let hold = request.extensions().get::<ConnectionHold>().cloned();
    let meter = request.extensions().get::<SocketMeter>().cloned();
    ws::upgrade(&state.sockets, client, request.headers(), hold, meter, upgrade)
}

/// Every door's first check: the calling page's origin, then who is asking and whether they have
/// budget (one request, more for a large body; health probes excepted). The client is left in the request for the
/// handler.
async fn admit_client(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if path == "/healthz" || path == "/readyz" {
        return next.run(request).await;
    }
    // A browser loading GraphiQL is a person, as on the buyer's pages: told in text.
    let get = request.method() == Method::GET || request.method() == Method::HEAD;
    let graphiql = get && path == "/graphql" && crate::graphql::http::wants_graphiql(request.headers());
    let graphql = path.starts_with("/graphql") && !graphiql;
    let refuse = |rejection: Rejection| if graphql { rejection.into_response() } else { rejection.respond_text() };
    if let Err(rejection) = state.origins.check(request.headers(), request.uri()) {
        return unread_body(request, refuse(rejection)).await;
    }
    // A scrape /metrics answers is the operator's: refused for the budget of its address, it was
    // lost when the numbers mattered most (review40o R40o-7). A wrong token still pays.
    if path == "/metrics" && state.metrics.allows(request.headers()) {
        return next.run(request).await;
    }
    // Present when served by `Application`; absent when the router is driven in-process.
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(addr)| addr.ip());
    let clients = state.endpoint.admission.clients();
    let client = clients.identify_request(request.headers(), peer);
    // A large body costs more of the budget: reading it is most of what it costs.
    let length = request.headers().get(axum::http::header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse().ok());
    if let Err(refused) = clients.check_weighted(&client, crate::graphql::clients::cost_of_body(length)).await {
        return unread_body(request, refuse(Rejection::RateLimited(refused))).await;
    }
    request.extensions_mut().insert(client);
    next.run(request).await
}

/// `refusal` of `request`, answered before its body was read. A small body is read first, for a
/// moment, so the connection stays usable; else the answer says the connection closes. hyper
/// keeps a connection whose unread body it already holds and closes it otherwise, without saying
/// so unless it noticed first: a small `POST` whose body came in a packet after its head (as
/// Python's http.client sends one) got a 429 and then a closed socket (review41 R41-2). A large
/// body is `server::unread`'s.
async fn unread_body(request: Request, mut refusal: Response) -> Response {
    const SMALL: u64 = 8 * 1024;
    const WAIT: std::time::Duration = std::time::Duration::from_millis(100);
    use axum::body::HttpBody;
    let http1 = request.version() <= axum::http::Version::HTTP_11;
    // The lower bound: a decoding layer leaves the upper unknown. A larger body is watched by
    // `server::unread`, which says close when it goes unread.
    if !http1 || request.body().is_end_stream() || request.body().size_hint().lower() > SMALL {
        return refusal;
    }
    let read = tokio::time::timeout(WAIT, axum::body::to_bytes(request.into_body(), SMALL as usize)).await;
    if !matches!(read, Ok(Ok(_))) {
        refusal.headers_mut().insert(axum::http::header::CONNECTION, axum::http::HeaderValue::from_static("close"));
    }
    refusal
}
