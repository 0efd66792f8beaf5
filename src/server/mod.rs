//! The HTTP server: an accept loop over hyper-util that cuts off slow, idle and greedy clients
//! before their requests reach the request limits (which never see a request that never arrives).
//!
//! Per connection: the first byte and then request headers within `header_timeout` (hyper's
//! header read timeout, which also bounds an idle HTTP/1 keep-alive; headers begun and not
//! finished in time are answered a coded 408 by `heads.rs`), nothing received for
//! `idle_timeout` or a response left unread for `write_timeout` closes it (read/write deadlines
//! on the socket), and past `max_connection_age` it is asked to close (`lifetime.rs`). Per
//! request: a body pause over `body_timeout` and a request over `request_timeout` are cut
//! (tower-http). Caps: in total (from the descriptor limit) and per
//! client address; HTTP/2 streams and headers bounded. Per response: an `x-request-id` (the
//! client's own only when short and plain), the compression coding chosen by `encoding.rs`, and a
//! code on the refusals tower-http writes bare (`refusals.rs`).

mod caps;
mod encoding;
mod heads;
mod lifetime;
mod linger;
mod metered;
mod refusals;
mod request_id;
mod summary;
mod unread;
pub mod workers;

use crate::config::HttpConfig;
use crate::graphql::ws::{ConnectionHold, SocketMeter};
use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use caps::{Caps, FdLimits, Slot};
use heads::{FirstBytes, Heads, Kept};
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::service::TowerToHyperService;
use linger::Lingering;
use metered::Metered;
use std::convert::Infallible;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use summary::{Backoff, Summary};
use tokio::net::{TcpListener, TcpStream};
use tokio_io_timeout::TimeoutStream;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tower::ServiceExt;
use tower::util::MapRequestLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};
use workers::Workers;

/// Reset HTTP/2 streams a client may leave for the server to accept (hyper's rapid-reset guard).
const HTTP2_MAX_PENDING_RESET_STREAMS: usize = 20;
/// Streams the server may reset for a client's protocol errors before the connection is closed.
const HTTP2_MAX_LOCAL_ERROR_RESETS: usize = 256;

/// Serves `router` on `listener` until `shutdown` completes, then stops accepting and lets every
/// open connection finish its in-flight requests. Connections are served on `workers`.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    http: &HttpConfig,
    workers: &Workers,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let caps = Caps::new(max_connections(http), http.max_connections_per_client);
    // Outermost last: every response carries an `x-request-id` (the client's own, if it sent
    // one), and the compression layer inside sees only the coding chosen here.
    let router = router
        .layer(RequestBodyTimeoutLayer::new(http.body_timeout))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, http.request_timeout))
        .layer(axum::middleware::from_fn_with_state(http.request_timeout, refusals::coded))
        .layer(MapRequestLayer::new(encoding::choose::<Body>))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(MapRequestLayer::new(request_id::only_plain::<Body>));
    let connection = Connection {
        builder: Arc::new(builder(http)),
        router,
        header_timeout: http.header_timeout,
        idle_timeout: http.idle_timeout,
        write_timeout: http.write_timeout,
        max_age: http.max_connection_age,
    };
    // Cancelled at shutdown: every connection is asked to close once its requests are answered,
    // and the tracker waits for them.
    let (closing, open) = (CancellationToken::new(), TaskTracker::new());
    let mut summary = Summary::default();
    let mut backoff = Backoff::default();
    let mut every = tokio::time::interval_at(tokio::time::Instant::now() + summary::INTERVAL, summary::INTERVAL);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            _ = every.tick() => summary.flush(),
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    backoff.reset();
                    match caps.admit(peer.ip()) {
                        Ok(slot) => connection.spawn(stream, peer, slot, (&closing, &open), workers),
                        // Dropping the stream closes it at once.
                        Err(why) => summary.refused(why),
                    }
                }
                Err(error) => {
                    summary.accept_error(&error);
                    if !is_per_connection(&error) {
                        tokio::time::sleep(backoff.next()).await;
                    }
                }
            }
        }
    }
    drop(listener);
    summary.flush();
    closing.cancel();
    open.close();
    open.wait().await;
    Ok(())
}

/// The configured total cap, or one derived from the raised descriptor limit.
fn max_connections(http: &HttpConfig) -> usize {
    let limits = FdLimits::raise();
    let total = match (http.max_connections, limits) {
        (0, Some(limits)) => limits.max_connections(),
        (0, None) => 1024,
        (configured, _) => configured,
    };
    tracing::info!(
        fd_soft_limit_before = limits.map(|l| l.before),
        fd_soft_limit = limits.map(|l| l.soft),
        fd_hard_limit = limits.map(|l| l.hard),
        max_connections = total,
        max_connections_per_client = http.max_connections_per_client,
        "Connection caps set."
    );
    total
}

/// Errors about one connection that went away before it was accepted; the next accept may work.
fn is_per_connection(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionAborted | io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionRefused
    )
}

fn builder(http: &HttpConfig) -> Builder<TokioExecutor> {
    let mut builder = Builder::new(TokioExecutor::new());
    // One head limit for both protocols (review34d D34-5: HTTP/1 read 20 KB where HTTP/2 refused
    // past 16 KiB). hyper-util's builder offers HTTP/1 no header limit of its own but the
    // connection's buffer, which a head must fit: so the buffer is the limit. It also bounds
    // each read of a body and what is queued to write at once, in chunks no smaller than this.
    let max_head = usize::try_from(http.max_header_bytes).unwrap_or(usize::MAX);
    builder.http1().timer(TokioTimer::new()).header_read_timeout(http.header_timeout).max_buf_size(max_head);
    builder
        .http2()
        .timer(TokioTimer::new())
        .max_concurrent_streams(http.http2_max_concurrent_streams)
        .max_header_list_size(http.max_header_bytes)
        .max_pending_accept_reset_streams(HTTP2_MAX_PENDING_RESET_STREAMS)
        .max_local_error_reset_streams(HTTP2_MAX_LOCAL_ERROR_RESETS);
    builder
}

/// What every connection is served with.
#[derive(Clone)]
struct Connection {
    builder: Arc<Builder<TokioExecutor>>,
    router: Router,
    header_timeout: Duration,
    idle_timeout: Duration,
    write_timeout: Duration,
    max_age: Duration,
}

impl Connection {
    /// Serves one admitted connection in its own task on the next worker; its slot is given back
    /// when it closes.
    fn spawn(
        &self,
        stream: TcpStream,
        peer: SocketAddr,
        slot: Slot,
        (closing, open): (&CancellationToken, &TaskTracker),
        workers: &Workers,
    ) {
        let _ = stream.set_nodelay(true);
        // Registered again with the worker's own I/O driver, where it is served.
        match stream.into_std() {
            Ok(stream) => workers.spawn(open.track_future(self.clone().serve(stream, peer, slot, closing.clone()))),
            Err(error) => tracing::debug!(%peer, %error, "Connection lost before it was served."),
        }
    }

    async fn serve(self, stream: std::net::TcpStream, peer: SocketAddr, slot: Slot, closing: CancellationToken) {
        let stream = match TcpStream::from_std(stream) {
            Ok(stream) => stream,
            Err(error) => return tracing::debug!(%peer, %error, "Connection lost before it was served."),
        };
        // A client's first request must start within `header_timeout`, as every later one must
        // (hyper's header timer runs only once HTTP/1 is told from HTTP/2): a connection that
        // says nothing was held for `idle_timeout`, twelve times longer, by the cheapest slowloris.
        let first = heads::first_bytes(&stream, self.header_timeout).await;
        if first == FirstBytes::Silent {
            return tracing::debug!(%peer, "Connection closed: nothing sent within header_timeout.");
        }
        keep_unsent_small(&stream, peer);
        let mut stream = TimeoutStream::new(stream);
        stream.set_read_timeout(Some(self.idle_timeout));
        stream.set_write_timeout(Some(self.write_timeout));
        let stream = Lingering::new(Box::pin(stream));
        if first == FirstBytes::Undecided {
            tracing::debug!(%peer, "Request headers not received within header_timeout: 408.");
            return heads::refuse(stream, self.header_timeout).await;
        }
        // Free for HTTP; once `/graphql/ws` upgrades the connection, what its socket reads is
        // charged to the bytes-in-flight budget until each message is whole.
        let meter = SocketMeter::default();
        let kept = Kept::new();
        let io = TokioIo::new(Metered::new(Heads::new(stream, kept.clone()), meter.clone()));
        // With upgrades: `/graphql/ws` switches to WebSocket.
        let service = TowerToHyperService::new(service(self.router, peer, ConnectionHold::new(slot), meter));
        let connection = self.builder.serve_connection_with_upgrades(io, service);
        // Bound first: the connection, and with it hyper's hold on the stream, is dropped by then.
        let served = lifetime::drive(connection.into_owned(), &closing, lifetime::age_limit(self.max_age)).await;
        if let Err(error) = served {
            match kept.take() {
                Some(stream) if heads::is_header_timeout(&*error) => {
                    tracing::debug!(%peer, "Request headers not received within header_timeout: 408.");
                    heads::refuse(stream, self.header_timeout).await;
                }
                _ => tracing::debug!(%peer, error = %error, "Connection ended with an error."),
            }
        }
    }
}

/// Unsent bytes a connection's send buffer holds before a write waits.
const UNSENT_LOW_WATER: u32 = 128 * 1024;

/// `write_timeout` times a write that waits for room in the send buffer. Linux grows that buffer
/// to 4 MiB and wakes a waiting writer only once a third of it is free: a client reading a large
/// answer at 100 KB/s freed that in more than 10 s, and the answer was cut although the client
/// never stopped reading (review38h R38h-3). Kept to 128 KiB unsent, the writer is woken each
/// 64 KiB read: the timeout measures progress. Answers smaller than that are not affected.
fn keep_unsent_small(stream: &TcpStream, peer: SocketAddr) {
    if let Err(error) = socket2::SockRef::from(stream).set_tcp_notsent_lowat(UNSENT_LOW_WATER) {
        tracing::debug!(%peer, %error, "TCP_NOTSENT_LOWAT not set; slow readers may be cut at write_timeout.");
    }
}

/// The router as one connection's requests meet it. Handlers read the client's address
/// (per-client rate limits) from `ConnectInfo`; a WebSocket keeps the connection's slot after the
/// upgrade ends the connection's task.
fn service(
    router: Router,
    peer: SocketAddr,
    hold: ConnectionHold,
    meter: SocketMeter,
) -> impl tower::Service<Request<Incoming>, Response = axum::response::Response, Error = Infallible, Future: Send> + Clone
{
    tower::service_fn(move |request: Request<Incoming>| {
        let http1 = request.version() <= axum::http::Version::HTTP_11;
        let (mut request, read) = unread::watch(request);
        request.extensions_mut().insert(ConnectInfo(peer));
        request.extensions_mut().insert(hold.clone());
        request.extensions_mut().insert(meter.clone());
        let answered = router.clone().oneshot(request);
        async move {
            let mut response = answered.await?;
            unread::close_if_unread(&mut response, read, http1);
            Ok(response)
        }
    })
}

#[cfg(test)]
mod tests;
