//! What a sandbox's handlers share, and the answers fault injection borrows from each marketplace.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use tokio::sync::watch;

use super::catalogue::Catalogue;
use super::faults::Faults;
use super::index::SearchIndex;
use super::{MarketplaceKind, SandboxOptions, ekatalog, jatim_bejo, mbiz, padi};

/// What a sandbox's handlers share: the catalogue, the credentials, the fault knobs, the request
/// counter and the shutdown signal. Cheap to clone.
#[derive(Debug, Clone)]
pub struct SandboxState {
    inner: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    catalogue: Arc<Catalogue>,
    mbiz_token: String,
    ekatalog_key: String,
    faults: Faults,
    search_requests: AtomicU64,
    /// Flips to `true` once, when the sandbox stops; releases hanging and sleeping requests.
    shutdown: watch::Sender<bool>,
}

impl SandboxState {
    /// State for a sandbox serving `catalogue` with `options`' credentials.
    pub fn new(catalogue: Arc<Catalogue>, options: &SandboxOptions) -> Self {
        let shared = Shared {
            catalogue,
            mbiz_token: options.mbiz_token.clone(),
            ekatalog_key: options.ekatalog_key.clone(),
            faults: Faults::default(),
            search_requests: AtomicU64::new(0),
            shutdown: watch::channel(false).0,
        };
        Self { inner: Arc::new(shared) }
    }

    /// The shared catalogue.
    pub fn catalogue(&self) -> &Arc<Catalogue> {
        &self.inner.catalogue
    }

    /// The fault knobs.
    pub fn faults(&self) -> &Faults {
        &self.inner.faults
    }

    /// Search requests that reached a search handler, failed and faulted ones included.
    pub fn requests_served(&self) -> u64 {
        self.inner.search_requests.load(Ordering::Relaxed)
    }

    /// Sets the search-request counter back to zero.
    pub fn reset_stats(&self) {
        self.inner.search_requests.store(0, Ordering::Relaxed);
    }

    /// Tells hanging and sleeping requests to give up, and a server using
    /// [`SandboxState::stopped`] to stop.
    pub fn shut_down(&self) {
        self.inner.shutdown.send_replace(true);
    }

    /// Completes once [`SandboxState::shut_down`] has been called.
    pub async fn stopped(&self) {
        let mut rx = self.inner.shutdown.subscribe();
        // The sender lives as long as `self`, so this only ends when the flag flips.
        let _ = rx.wait_for(|&stopped| stopped).await;
    }

    /// Counts one search request.
    pub(crate) fn count_search(&self) {
        self.inner.search_requests.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn mbiz_token(&self) -> &str {
        &self.inner.mbiz_token
    }

    pub(crate) fn ekatalog_key(&self) -> &str {
        &self.inner.ekatalog_key
    }
}

/// One marketplace's app: its kind, the shared state and its own search index.
#[derive(Debug)]
pub(crate) struct App {
    pub(crate) kind: MarketplaceKind,
    pub(crate) state: SandboxState,
    pub(crate) index: SearchIndex,
}

impl App {
    /// This marketplace's seller id for vendor record `vendor`.
    pub(crate) fn account_id(&self, vendor: u32) -> String {
        self.state.catalogue().account_id(self.kind, vendor)
    }

    /// The garbage and wrong-types bodies in this marketplace's shape.
    pub(super) fn bodies(&self) -> (&'static str, &'static str) {
        match self.kind {
            MarketplaceKind::Mbiz => (mbiz::GARBAGE, mbiz::WRONG_TYPES),
            MarketplaceKind::JatimBejo => (jatim_bejo::GARBAGE, jatim_bejo::WRONG_TYPES),
            MarketplaceKind::Ekatalog => (ekatalog::GARBAGE, ekatalog::WRONG_TYPES),
            MarketplaceKind::PadiUmkm => (padi::GARBAGE, padi::WRONG_TYPES),
        }
    }

    /// An `Oversized` body's JSON before and after its padding, in this marketplace's shape.
    pub(super) fn padded_parts(&self) -> (&'static str, &'static str) {
        match self.kind {
            MarketplaceKind::Mbiz => mbiz::PADDED,
            MarketplaceKind::JatimBejo => jatim_bejo::PADDED,
            MarketplaceKind::Ekatalog => ekatalog::PADDED,
            MarketplaceKind::PadiUmkm => padi::PADDED,
        }
    }

    /// This marketplace's error answer with HTTP `code`; 429 and 503 carry `Retry-After`.
    pub(super) fn status_fault(&self, code: u16) -> Response {
        let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = self.error(status, "simulated failure");
        if matches!(code, 429 | 503) {
            let seconds = self.state.faults().retry_after();
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }

    /// The 503 a hanging or sleeping request gets when the sandbox stops.
    pub(super) fn shutting_down(&self) -> Response {
        self.error(StatusCode::SERVICE_UNAVAILABLE, "sandbox is shutting down")
    }

    /// An error in this marketplace's own error shape.
    fn error(&self, status: StatusCode, message: &str) -> Response {
        match self.kind {
            MarketplaceKind::Mbiz => {
                let code = match status.as_u16() {
                    429 => "rate_limited",
                    500.. => "server_error",
                    _ => "error",
                };
                mbiz::error(status, code, message)
            }
            MarketplaceKind::JatimBejo => jatim_bejo::error(status, message),
            MarketplaceKind::Ekatalog => ekatalog::error(status, message),
            MarketplaceKind::PadiUmkm => {
                let code = match status.as_u16() {
                    429 => "rate_limited",
                    503 => "unavailable",
                    500.. => "internal",
                    _ => "error",
                };
                padi::error(status, code, message)
            }
        }
    }
}
