//! A response body that runs a closure once it is finished with: sent whole, or dropped because
//! the client went away. For a page streamed as the marketplaces answer, whose request is not
//! over when its handler returns.

use axum::body::{Body, Bytes};
use axum::response::Response;
use hyper::body::{Body as HttpBody, Frame, SizeHint};
use std::pin::Pin;
use std::task::{Context, Poll};

/// `response`, with `done` run when its body is finished with.
pub(super) fn at_end(response: Response, done: impl FnOnce() + Send + 'static) -> Response {
    response.map(|body| Body::new(AtEnd { body, done: Some(Box::new(done)) }))
}

struct AtEnd {
    body: Body,
    done: Option<Box<dyn FnOnce() + Send>>,
}

impl HttpBody for AtEnd {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
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
            done();
        }
    }
}
