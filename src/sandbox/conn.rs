//! Connections a handler can reset: the `Reset` fault drops a connection without any HTTP
//! answer, which an ordinary axum handler cannot do.
//!
//! [`ResettableListener`] wraps each accepted socket in a [`ResettableStream`] and hands the
//! request a [`ConnectionHandle`] (as axum `ConnectInfo`). Once the handle is tripped, the
//! stream fails every read and write, so hyper drops the connection unanswered, and the socket
//! closes with `SO_LINGER` 0: the peer sees a TCP reset, not an orderly end.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use axum::extract::connect_info::Connected;
use axum::serve::{IncomingStream, Listener};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

/// A TCP listener whose connections can be reset from a handler.
#[derive(Debug)]
pub(crate) struct ResettableListener(pub(crate) TcpListener);

/// One accepted connection, with the flag that resets it.
#[derive(Debug)]
pub(crate) struct ResettableStream {
    inner: TcpStream,
    reset: Arc<AtomicBool>,
}

/// Lets a handler reset the connection its request came on.
#[derive(Debug, Clone)]
pub(crate) struct ConnectionHandle(Arc<AtomicBool>);

impl ConnectionHandle {
    /// Makes the connection fail at its next read or write, closing with a reset.
    pub(crate) fn reset(&self) {
        self.0.store(true, Ordering::Release);
    }
}

impl Listener for ResettableListener {
    type Io = ResettableStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        let (stream, addr) = Listener::accept(&mut self.0).await;
        (ResettableStream { inner: stream, reset: Arc::new(AtomicBool::new(false)) }, addr)
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.0.local_addr()
    }
}

impl Connected<IncomingStream<'_, ResettableListener>> for ConnectionHandle {
    fn connect_info(stream: IncomingStream<'_, ResettableListener>) -> Self {
        Self(Arc::clone(&stream.io().reset))
    }
}

impl ResettableStream {
    /// `Err` once reset; the first time also sets `SO_LINGER` 0 so closing sends a reset.
    fn check(&self) -> io::Result<()> {
        if !self.reset.load(Ordering::Acquire) {
            return Ok(());
        }
        // Best effort: without it the close is an orderly FIN, still without a response.
        let _ = self.inner.set_zero_linger();
        Err(io::Error::new(io::ErrorKind::ConnectionReset, "sandbox fault: connection reset"))
    }
}

impl Drop for ResettableStream {
    fn drop(&mut self) {
        // hyper may drop a connection whose response failed without touching the socket again.
        if self.reset.load(Ordering::Acquire) {
            let _ = self.inner.set_zero_linger();
        }
    }
}

impl AsyncRead for ResettableStream {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        this.check()?;
        Pin::new(&mut this.inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for ResettableStream {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        this.check()?;
        Pin::new(&mut this.inner).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        this.check()?;
        Pin::new(&mut this.inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        this.check()?;
        Pin::new(&mut this.inner).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        this.check()?;
        Pin::new(&mut this.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}
