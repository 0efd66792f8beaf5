//! Applying the fault knobs to a search request: a middleware on the search routes that counts
//! the request, waits out the latency, then either answers in the handler's stead, lets the
//! handler answer and spoils its answer on the way out (`SlowDrip`, `Truncated`), or answers
//! nothing at all (`Hang`, `Reset`).
//!
//! Bodies are streamed, never buffered per request beyond one real answer: a 50 MB `Oversized`
//! body is a static 64 KiB chunk sent again and again, and the gzip bomb is built once.

use std::convert::Infallible;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures::{StreamExt, stream};

use super::bomb::gzip_bomb;
use super::conn::ConnectionHandle;
use super::faults::FaultMode;
use super::state::{App, SandboxState};

/// Padding chunk of `Oversized` bodies.
static PADDING: [u8; 64 * 1024] = [b'x'; 64 * 1024];

/// How long a truncated body waits before the connection breaks, so its first half is flushed.
const TRUNCATE_PAUSE: Duration = Duration::from_millis(20);

/// The middleware: see the module docs.
pub(super) async fn search_faults(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let _in_flight = app.state.count_search();
    app.state.note_request_id(request.headers().get("x-request-id").and_then(|v| v.to_str().ok()));
    app.state.note_traceparent(request.headers().get("traceparent").and_then(|v| v.to_str().ok()));
    let faults = app.state.faults();
    let latency = faults.latency();
    let fault = faults.next_fault();
    if !latency.is_zero() {
        tokio::select! {
            () = tokio::time::sleep(latency) => {}
            () = app.state.stopped() => return app.shutting_down(),
        }
    }
    match fault {
        // `next_fault` resolves flapping to `None` or `Status(503)`.
        FaultMode::None | FaultMode::Flapping { .. } => next.run(request).await,
        FaultMode::Hang => {
            app.state.stopped().await;
            app.shutting_down()
        }
        FaultMode::Status(code) => app.status_fault(code),
        FaultMode::Garbage => json_text(app.bodies().0),
        FaultMode::WrongTypes => json_text(app.bodies().1),
        FaultMode::Html => html_page(),
        FaultMode::Oversized(bytes) => oversized(app.padded_parts(), bytes),
        FaultMode::HeadersThenStall => headers_then_stall(app.state.clone()),
        FaultMode::SlowDrip { bytes_per_sec } => slow_drip(next.run(request).await, bytes_per_sec, &app.state).await,
        FaultMode::Reset => reset(&request),
        FaultMode::Truncated => truncated(next.run(request).await).await,
        FaultMode::GzipBomb => gzip_bomb_response().await,
    }
}

fn json_text(body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

fn html_page() -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        "<!DOCTYPE html><html><head><title>Service Unavailable</title></head>\
         <body><h1>Sedang dalam pemeliharaan</h1><p>Silakan coba beberapa saat lagi.</p></body></html>",
    )
        .into_response()
}

/// `open` + `bytes` × `x` + `close`, streamed from a static chunk with its exact length.
fn oversized((open, close): (&'static str, &'static str), bytes: usize) -> Response {
    let length = open.len() + bytes + close.len();
    let whole = bytes / PADDING.len();
    let rest = &PADDING[..bytes % PADDING.len()];
    let chunks = stream::once(async move { open.as_bytes() })
        .chain(stream::iter(std::iter::repeat_n(&PADDING[..], whole)))
        .chain(stream::iter([rest, close.as_bytes()]))
        .map(|chunk| Ok::<_, Infallible>(Bytes::from_static(chunk)));
    let mut response = json_response(Body::from_stream(chunks));
    response.headers_mut().insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    response
}

/// 200 and headers now; the body waits for the sandbox to stop, then breaks off.
fn headers_then_stall(state: SandboxState) -> Response {
    let never = stream::once(async move {
        state.stopped().await;
        Err::<Bytes, _>(io::Error::other("sandbox stopped"))
    });
    json_response(Body::from_stream(never))
}

/// The handler's answer in chunks of a tenth of `bytes_per_sec`, one every 100 ms (or single
/// bytes, more slowly, under 10 bytes per second).
async fn slow_drip(response: Response, bytes_per_sec: u64, state: &SandboxState) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let per_sec = bytes_per_sec.max(1);
    let (chunk, tick) = if per_sec >= 10 {
        (usize::try_from(per_sec / 10).unwrap_or(usize::MAX), Duration::from_millis(100))
    } else {
        (1, Duration::from_millis(1000 / per_sec))
    };
    parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
    let drip = stream::unfold((body, state.clone()), move |(mut rest, state)| async move {
        if rest.is_empty() {
            return None;
        }
        tokio::select! {
            () = tokio::time::sleep(tick) => {}
            () = state.stopped() => return Some((Err(io::Error::other("sandbox stopped")), (Bytes::new(), state))),
        }
        let next = rest.split_to(chunk.min(rest.len()));
        Some((Ok(next), (rest, state)))
    });
    Response::from_parts(parts, Body::from_stream(drip))
}

/// Resets the connection when there is one (a sandbox on a socket); in-process, a body that
/// fails at once is the nearest thing.
fn reset(request: &Request) -> Response {
    if let Some(ConnectInfo(connection)) = request.extensions().get::<ConnectInfo<ConnectionHandle>>() {
        connection.reset();
    }
    let broken = stream::once(async { Err::<Bytes, _>(io::Error::other("sandbox fault: connection reset")) });
    json_response(Body::from_stream(broken))
}

/// The handler's answer, announcing its full length but sending only the first half before
/// the connection breaks.
async fn truncated(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
    let half = body.slice(..body.len() / 2);
    let cut = stream::once(async move { Ok(half) }).chain(stream::once(async {
        tokio::time::sleep(TRUNCATE_PAUSE).await;
        Err(io::Error::other("sandbox fault: truncated body"))
    }));
    Response::from_parts(parts, Body::from_stream(cut))
}

/// The bomb is built on first use, which takes a moment: off the async threads.
async fn gzip_bomb_response() -> Response {
    let Ok(bomb) = tokio::task::spawn_blocking(gzip_bomb).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let headers = [(header::CONTENT_TYPE, "application/json"), (header::CONTENT_ENCODING, "gzip")];
    (headers, bomb).into_response()
}

fn json_response(body: Body) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}
