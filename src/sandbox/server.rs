//! Serving a sandbox: the router, spawning on a socket, and the running-server handle.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::routing::{get, post};
use axum::{Router, middleware};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use super::bela;
use super::catalogue::Catalogue;
use super::conn::{ConnectionHandle, ResettableListener};
use super::control;
use super::ekatalog;
use super::faults::Faults;
use super::index::SearchIndex;
use super::inject;
use super::jatim_bejo;
use super::kind::MarketplaceKind;
use super::ledger_api;
use super::mbiz;
use super::options::SandboxOptions;
use super::padi;
use super::state::{App, SandboxState};

/// How long [`RunningSandbox::stop`] waits for in-flight requests before cutting them off.
const STOP_GRACE: Duration = Duration::from_secs(5);

/// The app of one sandbox marketplace: its simulated API, its listings' pages (at `base`, where
/// their `url` points) and `/_sandbox/`. Builds the search index, which takes a moment for large
/// catalogues; call it off the async threads.
pub fn router(kind: MarketplaceKind, state: SandboxState, base: String) -> Router {
    let catalogue = Arc::clone(state.catalogue());
    let index = SearchIndex::of(&catalogue, kind);
    let app = Arc::new(App { kind, state, index, base });
    let api = match kind {
        MarketplaceKind::Mbiz => {
            Router::new().route("/api/v1/products", get(mbiz::search)).route("/api/v1/orders", get(ledger_api::mbiz))
        }
        MarketplaceKind::JatimBejo => Router::new()
            .route("/api/v1/produk/cari", post(jatim_bejo::search))
            .route("/api/v1/transaksi/cari", post(ledger_api::jatim_bejo))
            .route("/api/v1/transaksi/rekap", post(ledger_api::jatim_bejo_totals)),
        MarketplaceKind::Ekatalog => Router::new()
            .route("/api/v6/produk", get(ekatalog::search))
            .route("/api/v6/transaksi", get(ledger_api::ekatalog))
            .route("/api/v6/transaksi/rekap", get(ledger_api::ekatalog_totals)),
        MarketplaceKind::PadiUmkm => Router::new()
            .route("/v1/catalog/search", get(padi::search))
            .route("/v1/transactions", get(ledger_api::padi)),
        MarketplaceKind::Bela => Router::new()
            .route("/api/v2/catalog/search", post(bela::search))
            .route("/api/v2/transactions/search", post(ledger_api::bela)),
    };
    // Only the search routes meet the fault knobs; `/_sandbox/` always answers.
    let api = api.route_layer(middleware::from_fn_with_state(Arc::clone(&app), inject::search_faults));
    api.merge(control::routes()).with_state(app)
}

/// A sandbox serving on a socket. Dropping it aborts the server; [`RunningSandbox::stop`] stops
/// it gracefully.
#[derive(Debug)]
pub struct RunningSandbox {
    kind: MarketplaceKind,
    addr: SocketAddr,
    state: SandboxState,
    task: Option<JoinHandle<io::Result<()>>>,
}

/// Binds `addr` (port 0 picks a free port) and serves `kind` from `catalogue`.
pub async fn spawn(
    kind: MarketplaceKind,
    catalogue: Arc<Catalogue>,
    options: &SandboxOptions,
    addr: SocketAddr,
) -> io::Result<RunningSandbox> {
    let listener = TcpListener::bind(addr).await?;
    let addr = listener.local_addr()?;
    let state = SandboxState::new(catalogue, options);
    let for_router = state.clone();
    let base = base_url(addr);
    let app = tokio::task::spawn_blocking(move || router(kind, for_router, base)).await.map_err(io::Error::other)?;
    let for_signal = state.clone();
    // Connections the `Reset` fault can break without answering.
    let listener = ResettableListener(listener);
    let service = app.into_make_service_with_connect_info::<ConnectionHandle>();
    let task = tokio::spawn(async move {
        axum::serve(listener, service).with_graceful_shutdown(async move { for_signal.stopped().await }).await
    });
    tracing::debug!(marketplace = kind.id(), %addr, "sandbox listening");
    Ok(RunningSandbox { kind, addr, state, task: Some(task) })
}

/// Serves every [`MarketplaceKind`] on its own free port of `host`, from one shared catalogue.
pub async fn spawn_all(options: &SandboxOptions, host: IpAddr) -> io::Result<Vec<RunningSandbox>> {
    let (products, seed) = (options.products, options.seed);
    let catalogue =
        tokio::task::spawn_blocking(move || Catalogue::generate(products, seed)).await.map_err(io::Error::other)?;
    let catalogue = Arc::new(catalogue);
    let spawns = MarketplaceKind::all()
        .iter()
        .map(|&kind| spawn(kind, Arc::clone(&catalogue), options, SocketAddr::new(host, 0)));
    futures::future::try_join_all(spawns).await
}

impl RunningSandbox {
    /// Which marketplace it simulates.
    pub fn kind(&self) -> MarketplaceKind {
        self.kind
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`; an unspecified bind address is reached over loopback.
    pub fn base_url(&self) -> String {
        base_url(self.addr)
    }

    /// The fault knobs.
    pub fn faults(&self) -> &Faults {
        self.state.faults()
    }

    /// Search requests served so far.
    pub fn requests_served(&self) -> u64 {
        self.state.requests_served()
    }

    /// The most requests it handled at once since the last reset.
    pub fn peak_in_flight(&self) -> u64 {
        self.state.peak_in_flight()
    }

    /// Sets the search-request counter and the peak in flight back to zero.
    pub fn reset_stats(&self) {
        self.state.reset_stats();
    }

    /// The shared state (catalogue, faults, counter).
    pub fn state(&self) -> &SandboxState {
        &self.state
    }

    /// Stops accepting, releases hanging requests, waits for in-flight ones (up to 5 s) and
    /// closes the socket; connections are refused afterwards.
    pub async fn stop(mut self) {
        self.state.shut_down();
        let Some(mut task) = self.task.take() else {
            return;
        };
        match tokio::time::timeout(STOP_GRACE, &mut task).await {
            Ok(Ok(Ok(()))) => {}
            Ok(Ok(Err(e))) => {
                tracing::warn!(marketplace = self.kind.id(), error = %e, "sandbox server failed")
            }
            Ok(Err(e)) => {
                tracing::warn!(marketplace = self.kind.id(), error = %e, "sandbox task failed")
            }
            Err(_) => {
                tracing::warn!(marketplace = self.kind.id(), "sandbox did not stop in time; aborting");
                task.abort();
                let _ = task.await;
            }
        }
    }
}

impl Drop for RunningSandbox {
    fn drop(&mut self) {
        // Releasing hanging requests first lets the per-connection tasks, which outlive an
        // aborted accept loop, finish instead of leaking.
        self.state.shut_down();
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

/// `http://IP:PORT` of a sandbox bound at `addr`; an unspecified bind address is reached over
/// loopback.
fn base_url(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}", SocketAddr::new(ip, addr.port()))
}
