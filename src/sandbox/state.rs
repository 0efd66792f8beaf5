//! What a sandbox's handlers share: the state behind every marketplace, and one marketplace's app.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::sync::watch;

use super::catalogue::Catalogue;
use super::faults::Faults;
use super::index::SearchIndex;
use super::kind::MarketplaceKind;
use super::options::SandboxOptions;
use super::quirks::{QuirkSwitch, Quirks};

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
    quirks: QuirkSwitch,
    search_requests: AtomicU64,
    /// API requests being handled now, and the most at once since the last reset.
    in_flight: AtomicU64,
    peak_in_flight: AtomicU64,
    /// The `x-request-id` of the latest search request that carried one.
    last_request_id: std::sync::Mutex<Option<String>>,
    /// The `traceparent` of the latest search request that carried one.
    last_traceparent: std::sync::Mutex<Option<String>>,
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
            quirks: QuirkSwitch::default(),
            search_requests: AtomicU64::new(0),
            in_flight: AtomicU64::new(0),
            peak_in_flight: AtomicU64::new(0),
            last_request_id: std::sync::Mutex::default(),
            last_traceparent: std::sync::Mutex::default(),
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

    /// The paging quirks in force.
    pub fn quirks(&self) -> Quirks {
        self.inner.quirks.get()
    }

    /// Sets the paging quirks; says why when they make no sense.
    pub fn set_quirks(&self, quirks: Quirks) -> Result<(), String> {
        self.inner.quirks.set(quirks)
    }

    /// Search requests that reached a search handler, failed and faulted ones included.
    pub fn requests_served(&self) -> u64 {
        self.inner.search_requests.load(Ordering::Relaxed)
    }

    /// The most API requests (searches, ledger pages, totals) handled at once since the last
    /// reset: what a gateway's concurrency caps let through.
    pub fn peak_in_flight(&self) -> u64 {
        self.inner.peak_in_flight.load(Ordering::Relaxed)
    }

    /// Sets the search-request counter and the peak in flight back to zero.
    pub fn reset_stats(&self) {
        self.inner.search_requests.store(0, Ordering::Relaxed);
        self.inner.peak_in_flight.store(0, Ordering::Relaxed);
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

    /// The `x-request-id` of the latest search request that carried one (a gateway passes its
    /// own on, so tests can follow a request across).
    pub fn last_request_id(&self) -> Option<String> {
        self.inner.last_request_id.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone()
    }

    pub(crate) fn note_request_id(&self, id: Option<&str>) {
        if let Some(id) = id {
            *self.inner.last_request_id.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(id.into());
        }
    }

    /// The `traceparent` of the latest search request that carried one (a gateway exporting
    /// traces sends its span's, so tests can follow a trace across).
    pub fn last_traceparent(&self) -> Option<String> {
        self.inner.last_traceparent.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone()
    }

    pub(crate) fn note_traceparent(&self, traceparent: Option<&str>) {
        if let Some(traceparent) = traceparent {
            let mut last = self.inner.last_traceparent.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            *last = Some(traceparent.into());
        }
    }

    /// Counts one search request; it is in flight until the returned guard drops.
    pub(crate) fn count_search(&self) -> InFlight {
        self.inner.search_requests.fetch_add(1, Ordering::Relaxed);
        let now = self.inner.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        self.inner.peak_in_flight.fetch_max(now, Ordering::SeqCst);
        InFlight(Arc::clone(&self.inner))
    }

    pub(crate) fn mbiz_token(&self) -> &str {
        &self.inner.mbiz_token
    }

    pub(crate) fn ekatalog_key(&self) -> &str {
        &self.inner.ekatalog_key
    }
}

/// A request in flight at a sandbox, until dropped.
pub(crate) struct InFlight(Arc<Shared>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

/// One marketplace's app: its kind, the shared state and its own search index.
#[derive(Debug)]
pub(crate) struct App {
    pub(crate) kind: MarketplaceKind,
    pub(crate) state: SandboxState,
    pub(crate) index: SearchIndex,
    /// `http://IP:PORT`, where the listings' pages are served (`pages.rs`), so a link a buyer
    /// follows from the demo opens.
    pub(crate) base: String,
}

impl App {
    /// The number of vendor record `vendor`'s seller account here, which the marketplace's
    /// own module writes as its seller id.
    pub(crate) fn account_number(&self, vendor: u32) -> usize {
        self.state.catalogue().account_number(self.kind, vendor)
    }
}
