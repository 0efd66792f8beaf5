//! Lingering close: when the server closes a connection, it first sends its FIN and then reads
//! and discards what the client still sends, for a bounded time, before the socket is closed.
//!
//! Why: hyper closes a connection whose request body was refused unread (413, 503 over the
//! bytes-in-flight budget), and closing a socket with unread bytes makes the kernel send a reset,
//! which can reach the client before it has read the refusal: it sees "connection reset"
//! instead of the answer (hyperium/hyper#2384, #3078). nginx does the same (`lingering_close`,
//! with `lingering_timeout` and `lingering_time`).

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{Instant, Sleep};

/// Closed when nothing has arrived for this long (an idle keep-alive client sends nothing).
const QUIET: Duration = Duration::from_secs(1);
/// Closed after this long in any case (a client that keeps uploading): the quiet wait never
/// runs past it.
const LONGEST: Duration = Duration::from_secs(5);

/// `S` with a lingering `poll_shutdown`.
pub(super) struct Lingering<S> {
    inner: S,
    linger: Option<Linger>,
}

struct Linger {
    quiet: Pin<Box<Sleep>>,
    until: Instant,
}

impl<S> Lingering<S> {
    pub(super) fn new(inner: S) -> Self {
        Self { inner, linger: None }
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> Lingering<S> {
    /// Discards what has arrived; ready when the client has closed, gone quiet or had its time.
    fn poll_discard(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        let Some(linger) = &mut self.linger else { return Poll::Ready(()) };
        let mut scratch = [0u8; 8192];
        loop {
            let mut buf = ReadBuf::new(&mut scratch);
            match Pin::new(&mut self.inner).poll_read(cx, &mut buf) {
                Poll::Ready(Ok(())) if buf.filled().is_empty() => return Poll::Ready(()),
                Poll::Ready(Ok(())) => {
                    let now = Instant::now();
                    if now >= linger.until {
                        return Poll::Ready(());
                    }
                    linger.quiet.as_mut().reset((now + QUIET).min(linger.until));
                }
                Poll::Ready(Err(_)) => return Poll::Ready(()),
                Poll::Pending => break,
            }
        }
        linger.quiet.as_mut().poll(cx)
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Lingering<S> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncWrite for Lingering<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = &mut *self;
        if this.linger.is_none() {
            ready!(Pin::new(&mut this.inner).poll_shutdown(cx))?;
            let now = Instant::now();
            this.linger = Some(Linger { quiet: Box::pin(tokio::time::sleep_until(now + QUIET)), until: now + LONGEST });
        }
        this.poll_discard(cx).map(Ok)
    }
}
