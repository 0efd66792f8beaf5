//! `Connection: close` on an HTTP/1.1 answer given before its request's body was read to the end
//! (a refusal: 413, 503 over the bytes-in-flight budget, 408).
//!
//! hyper closes such a connection after the answer (unless it can drop the rest of the body from
//! what it has already read), but writes `Connection: close` only when it noticed the dropped body
//! before it wrote the head, and the handler's future usually drops the body as it completes,
//! after hyper's read half was polled. Without the header a client pools
//! the connection and sends its next request into a socket being closed ("connection closed
//! before message completed").

use axum::body::Body;
use axum::http::{HeaderValue, Request, Response, StatusCode, Version, header};
use hyper::body::{Body as HttpBody, Frame, Incoming, SizeHint};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

/// Whether a request's body has been read to its end.
pub(super) struct ReadToEnd(Arc<AtomicBool>);

impl ReadToEnd {
    fn done(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Bodies up to this size are left to hyper: it reads with the head what is already there, and
/// when it can drop an unread body from its buffer it keeps the connection (a rate-limited client
/// with a small `POST` keeps its connection).
const LEFT_TO_HYPER: u64 = 8 * 1024;

/// The request with its body watched, and what to ask of it once answered; `None` when there is
/// nothing to watch: no body, a small one, HTTP/2 (where a stream ends on its own) or an upgrade.
pub(super) fn watch(request: Request<Incoming>) -> (Request<Body>, Option<ReadToEnd>) {
    let small = request.body().size_hint().upper().is_some_and(|bytes| bytes <= LEFT_TO_HYPER);
    if request.version() > Version::HTTP_11 || small || request.headers().contains_key(header::UPGRADE) {
        return (request.map(Body::new), None);
    }
    let read = Arc::new(AtomicBool::new(false));
    let request = request.map(|inner| Body::new(Watched { inner, read: Arc::clone(&read) }));
    (request, Some(ReadToEnd(read)))
}

/// Adds `Connection: close` to `response` unless its request's body was read to the end, and
/// to a 408 on HTTP/1.1 whatever its size: a body that stalled was not there for hyper to drop
/// (review29a W9).
pub(super) fn close_if_unread<B>(response: &mut Response<B>, read: Option<ReadToEnd>, http1: bool) {
    let stalled = http1 && response.status() == StatusCode::REQUEST_TIMEOUT;
    if stalled || read.is_some_and(|read| !read.done()) {
        response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
}

struct Watched {
    inner: Incoming,
    read: Arc<AtomicBool>,
}

impl HttpBody for Watched {
    type Data = <Incoming as HttpBody>::Data;
    type Error = <Incoming as HttpBody>::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let polled = Pin::new(&mut self.inner).poll_frame(cx);
        if matches!(polled, Poll::Ready(None)) || self.inner.is_end_stream() {
            self.read.store(true, Ordering::Relaxed);
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}
