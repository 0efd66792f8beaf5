//! A response body that runs a closure once it is finished with: sent whole, or dropped because
//! the client went away. For a page streamed as the marketplaces answer, whose request is not
//! over when its handler returns.

use axum::body::{Body, Bytes};
use axum::response::Response;
use hyper::body::{Body as HttpBody, Frame, SizeHint};
use std::pin::Pin;
use std::task::{Context, Poll};

/// `response`, with `done` run when its body is finished with, told whether it was sent whole
/// (its last frame handed to the connection) or dropped before.
pub(super) fn at_end(response: Response, done: impl FnOnce(bool) + Send + 'static) -> Response {
    response.map(|body| Body::new(AtEnd { body, whole: false, done: Some(Box::new(done)) }))
}

struct AtEnd {
    body: Body,
    /// The body gave its last frame.
    whole: bool,
    done: Option<Box<dyn FnOnce(bool) + Send>>,
}

impl HttpBody for AtEnd {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let polled = Pin::new(&mut self.body).poll_frame(cx);
        match &polled {
            Poll::Ready(None) => self.whole = true,
            Poll::Ready(Some(Ok(_))) => self.whole = self.body.is_end_stream(),
            Poll::Ready(Some(Err(_))) | Poll::Pending => {}
        }
        polled
    }

    // Both passed on, so a body of known length keeps its `Content-Length`.
    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

impl Drop for AtEnd {
    fn drop(&mut self) {
        if let Some(done) = self.done.take() {
            done(self.whole);
        }
    }
}
