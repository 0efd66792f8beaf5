//! The HTTP clients marketplaces are called with: one per worker thread (`server/workers.rs`)
//! plus one for everything else, so an upstream connection is driven on the thread whose
//! requests use it.
//!
//! Why not one client: hyper-util's client drives each pooled connection in a task of the runtime that
//! opened it. With one pool over single-threaded workers, a request on one worker would take a
//! connection opened by another, and each call would wake that worker twice (to write, and to
//! hand the answer back). The price is a pool per worker: up to `workers + 1` idle connections
//! to a marketplace where one pool would keep fewer.

use super::connecting::Connecting;
use super::egress::EgressResolver;
use axum::body::Bytes;
use axum::http::{HeaderValue, Request, Response, header};
use http_body_util::Full;
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::{HttpConnector, capture_connection};
use hyper_util::rt::{TokioExecutor, TokioTimer};
use std::cell::Cell;
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceExt;
use tower_http::decompression::{Decompression, DecompressionBody};

thread_local! {
    /// Which worker this thread is, if it is one.
    static WORKER: Cell<Option<usize>> = const { Cell::new(None) };
}

/// Marks the calling thread as worker `index`, for its whole life.
pub fn enter_worker(index: usize) {
    WORKER.set(Some(index));
}

/// The worker the calling thread is (`None` off the workers, e.g. under work stealing).
pub fn current_worker() -> Option<usize> {
    WORKER.get()
}

/// A request's body: a search's JSON, whole in memory, or nothing.
pub type Body = Full<Bytes>;

/// An answer's body, gzip decoded as it streams.
pub type Answer = DecompressionBody<hyper::body::Incoming>;

/// Why a call got no answer (connect, TLS, DNS refusal, a broken connection).
pub type CallError = hyper_util::client::legacy::Error;

type Pooled = Client<HttpsConnector<HttpConnector<EgressResolver>>, Body>;

/// The clients; cloning shares them.
///
/// hyper-util's pooled client rather than reqwest, which is built on it: per call reqwest parsed
/// the URL twice more (into a `Uri`, then back into a `Url` for its redirect policy, host mapped
/// through IDNA each time), cloned the request for a retry policy and merged default headers.
/// The load bench's two floor relays measured it at 0.061 ms of CPU per five-call search
/// (0.321 against 0.260); Pasar on this client beside Pasar on reqwest, three runs: 0.848, 0.953
/// and 0.925 against 0.929, 1.022 and 1.010 ms per uncached search (7–9 % less). What reqwest
/// gave here is a few settings below.
#[derive(Clone, Debug)]
pub struct Upstream {
    clients: Arc<[Pooled]>,
}

impl Upstream {
    /// Clients for `workers` worker threads and the threads that are none: no proxy (the gateway
    /// decides where it connects), redirects never followed (a 3xx is the marketplace's answer),
    /// connecting bounded, TLS verified by the platform's trust store with HTTP/2 offered, and
    /// unless allowed, names resolving to internal addresses refused at connect time.
    pub fn new(allow_private: bool, workers: usize) -> Result<Self, String> {
        let clients = (0..=workers).map(|_| client(allow_private)).collect::<Result<_, _>>()?;
        Ok(Self { clients })
    }

    /// Sends `request` on the calling thread's client, asking for gzip.
    pub async fn call(&self, mut request: Request<Body>) -> Result<Response<Answer>, CallError> {
        let headers = request.headers_mut();
        headers.entry(header::USER_AGENT).or_insert(HeaderValue::from_static(USER_AGENT));
        headers.entry(header::ACCEPT).or_insert(HeaderValue::from_static("*/*"));
        Connecting::sent(capture_connection(&mut request));
        // Only gzip, as before: a marketplace's other encodings are untested here.
        let answer = Decompression::new(self.client()).no_br().no_deflate().no_zstd().oneshot(request).await;
        Connecting::ended();
        answer
    }

    /// The calling thread's client.
    fn client(&self) -> &Pooled {
        let at = current_worker().map_or(0, |worker| worker + 1);
        // A worker beyond those counted (not started by this configuration) shares the last.
        &self.clients[at.min(self.clients.len() - 1)]
    }
}

const USER_AGENT: &str = concat!("pasar/", env!("CARGO_PKG_VERSION"));

fn client(allow_private: bool) -> Result<Pooled, String> {
    let mut http = HttpConnector::new_with_resolver(EgressResolver::new(allow_private));
    http.enforce_http(false);
    http.set_nodelay(true);
    http.set_connect_timeout(Some(Duration::from_secs(2)));
    let https = HttpsConnectorBuilder::new()
        .try_with_platform_verifier()
        .map_err(|e| format!("TLS: {e}"))?
        .https_or_http()
        .enable_http1()
        .enable_http2()
        .wrap_connector(http);
    Ok(Client::builder(TokioExecutor::new())
        .pool_idle_timeout(Duration::from_secs(30))
        .pool_timer(TokioTimer::new())
        .build(https))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_worker_gets_its_own_client_and_other_threads_share_one() {
        let upstream = Upstream::new(true, 2).expect("clients");
        let off_workers = std::ptr::from_ref(upstream.client());
        let on = |index| {
            let upstream = upstream.clone();
            std::thread::spawn(move || {
                enter_worker(index);
                std::ptr::from_ref(upstream.client()) as usize
            })
            .join()
            .expect("thread")
        };
        let (first, second, beyond) = (on(0), on(1), on(7));
        assert_eq!(off_workers as usize, std::ptr::from_ref(&upstream.clients[0]) as usize);
        assert_eq!(first, std::ptr::from_ref(&upstream.clients[1]) as usize);
        assert_eq!(second, std::ptr::from_ref(&upstream.clients[2]) as usize);
        assert_eq!(beyond, second);
    }
}
