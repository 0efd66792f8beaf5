//! Request heads that stop arriving: a client that sends its headers slower than
//! `header_timeout` is answered `408 REQUEST_TIMEOUT` as a GraphQL error, like a body that
//! stalls, and the connection closes; a client that has sent nothing since its last answer is
//! closed without a word, as before.
//!
//! hyper's own header timer (one per request head, the first request's and every keep-alive
//! follow-up's) decides when; but hyper then ends the connection with an error and drops the
//! socket unanswered. [`Heads`] hands the socket back when hyper drops it in the middle of a
//! head, so the serving task can still answer. Nothing is added per read but a flag: in HTTP/1 a
//! byte read after the last byte written starts a request that has not been answered.
//!
//! Before hyper's timer starts, hyper-util reads a new connection's first bytes with no timer to
//! tell HTTP/1 from HTTP/2: [`first_bytes`] bounds that too.

use crate::graphql::http::Rejection;
use axum::http::{HeaderMap, HeaderName, header};
use std::fmt::Write as _;
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, ready};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::TcpStream;
use tower_http::request_id::{MakeRequestId, MakeRequestUuid};

static X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// `S`, handed back through [`Kept`] when dropped while a request is unanswered.
pub(super) struct Heads<S> {
    /// `None` only once dropped.
    inner: Option<S>,
    /// A byte has been read since the last one written.
    begun: bool,
    kept: Kept<S>,
}

/// Where a [`Heads`] leaves its stream when dropped in the middle of a request.
pub(super) struct Kept<S>(Arc<Mutex<Option<S>>>);

impl<S> Clone for Kept<S> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<S> Kept<S> {
    pub(super) fn new() -> Self {
        Self(Arc::new(Mutex::new(None)))
    }

    /// The stream, if it was dropped with a request begun and unanswered.
    pub(super) fn take(&self) -> Option<S> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take()
    }
}

impl<S> Heads<S> {
    pub(super) fn new(inner: S, kept: Kept<S>) -> Self {
        Self { inner: Some(inner), begun: false, kept }
    }

    fn inner(&mut self) -> Pin<&mut S>
    where
        S: Unpin,
    {
        Pin::new(self.inner.as_mut().expect("a stream is taken only when dropped"))
    }
}

impl<S> Drop for Heads<S> {
    fn drop(&mut self) {
        if self.begun {
            *self.kept.0.lock().unwrap_or_else(PoisonError::into_inner) = self.inner.take();
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Heads<S> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        ready!(self.inner().poll_read(cx, buf))?;
        if buf.filled().len() > before {
            self.begun = true;
        }
        Poll::Ready(Ok(()))
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Heads<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let written = ready!(self.inner().poll_write(cx, buf))?;
        self.begun &= written == 0;
        Poll::Ready(Ok(written))
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let written = ready!(self.inner().poll_write_vectored(cx, bufs))?;
        self.begun &= written == 0;
        Poll::Ready(Ok(written))
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.as_ref().is_some_and(S::is_write_vectored)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.inner().poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.inner().poll_shutdown(cx)
    }
}

/// What a new connection sent within the header timeout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FirstBytes {
    /// Nothing: it is closed without a word.
    Silent,
    /// Only the start of the HTTP/2 preface (`P`, `PR`, …), which HTTP/1's `POST` and `PUT` begin
    /// with too: it is refused as a head that stopped arriving.
    Undecided,
    /// Enough to tell HTTP/1 from HTTP/2, or the end of the stream: served.
    Told,
}

/// The connection preface of HTTP/2 over cleartext with prior knowledge (RFC 9113 §3.4).
const PREFACE: &[u8; 24] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

/// How often the first bytes are looked at again while they are a part of [`PREFACE`] (a peek
/// leaves the socket readable, so waiting for it would spin).
const LOOK_AGAIN: Duration = Duration::from_millis(20);

/// Waits up to `within` for the first bytes of `stream`, without reading them, until they tell
/// HTTP/1 from HTTP/2. hyper-util reads them with no timer of its own, and hyper's header timer
/// starts only after: a client dripping the preface was held for `idle_timeout` a byte. Usually
/// one peek: a request's first packet holds more than its first letter.
pub(super) async fn first_bytes(stream: &TcpStream, within: Duration) -> FirstBytes {
    let mut heard = false;
    let look = async {
        let mut first = [0u8; PREFACE.len()];
        // A closed or failed socket is left to hyper, which sees the same.
        while let Ok(read @ 1..) = stream.peek(&mut first).await {
            heard = true;
            if read == PREFACE.len() || first[..read] != PREFACE[..read] {
                return;
            }
            tokio::time::sleep(LOOK_AGAIN).await;
        }
    };
    match tokio::time::timeout(within, look).await {
        Ok(()) => FirstBytes::Told,
        Err(_) if heard => FirstBytes::Undecided,
        Err(_) => FirstBytes::Silent,
    }
}

/// Whether a connection ended because a request head took longer than hyper's header timer: the
/// only timeout hyper itself reports on a server connection without HTTP/2 keep-alive pings (the
/// socket's own deadlines are I/O errors).
pub(super) fn is_header_timeout(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(error);
    while let Some(error) = cause {
        if error.downcast_ref::<hyper::Error>().is_some_and(hyper::Error::is_timeout) {
            return true;
        }
        cause = error.source();
    }
    false
}

/// Answers `408 REQUEST_TIMEOUT` on a connection whose request head did not arrive within
/// `header_timeout`, then closes it (the stream's own shutdown: a lingering close).
pub(super) async fn refuse<S: AsyncRead + AsyncWrite + Unpin>(mut stream: S, header_timeout: Duration) {
    let answer = answer(Rejection::HeadTimedOut(header_timeout)).await;
    if stream.write_all(&answer).await.is_ok() {
        let _ = stream.shutdown().await;
    }
}

/// The refusal as HTTP/1.1 bytes, as the router would have written it: the media type and body
/// of a client that named no `Accept`, an `x-request-id`, `Connection: close`.
async fn answer(rejection: Rejection) -> Vec<u8> {
    let (parts, body) = rejection.respond_to(&HeaderMap::new()).into_parts();
    let body = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
    let id = MakeRequestUuid.make_request_id(&axum::http::Request::new(())).map(|id| id.into_header_value());
    let mut head = format!("HTTP/1.1 {}\r\n", parts.status);
    let headers = parts.headers.iter().filter(|(name, _)| **name != header::CONTENT_LENGTH);
    for (name, value) in headers.chain(id.iter().map(|id| (&X_REQUEST_ID, id))) {
        if let Ok(value) = value.to_str() {
            let _ = write!(head, "{name}: {value}\r\n");
        }
    }
    let _ = write!(head, "content-length: {}\r\nconnection: close\r\n\r\n", body.len());
    let mut answer = head.into_bytes();
    answer.extend_from_slice(&body);
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_answer_is_a_coded_408_that_closes_the_connection() {
        let answer = String::from_utf8(answer(Rejection::HeadTimedOut(Duration::from_secs(5))).await).expect("text");
        let (head, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
        assert!(head.starts_with("HTTP/1.1 408 Request Timeout\r\n"), "{head}");
        assert!(head.contains("\r\ncontent-type: application/json; charset=utf-8\r\n"), "{head}");
        assert!(head.contains("\r\nconnection: close"), "{head}");
        assert!(head.contains(&format!("\r\ncontent-length: {}\r\n", body.len())), "{head}");
        assert!(head.contains("\r\nx-request-id: "), "{head}");
        let body: serde_json::Value = serde_json::from_str(body).expect("JSON");
        assert_eq!(body["errors"][0]["extensions"]["code"], "REQUEST_TIMEOUT", "{body}");
    }
}
