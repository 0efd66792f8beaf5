//! Whether a marketplace call was still waiting for its connection when a deadline ended it.
//!
//! hyper-util's connector has its own connect timeout (2 s, `upstream.rs`), and a connection it
//! gives up on says `CONNECT_TIMEOUT`; a marketplace's deadline shorter than that ends the call
//! first, by dropping it, and nothing in the error said the connection never came (ops36). The
//! client's `CaptureConnection` is set once the call has its connection (made, TLS included, or
//! taken from the pool), so a call dropped with it unset was still connecting. A page load is
//! watched by a [`Connecting`] its upstream calls report to through a task-local: the guard's
//! deadline and the search's (which the load does not see) read it when they fall.

use super::cause::Cause;
use hyper_util::client::legacy::connect::CaptureConnection;
use std::sync::{Arc, Mutex, PoisonError};

tokio::task_local! {
    static WATCHED: Arc<Connecting>;
}

/// The connection of the call a page load is making, if it is making one.
#[derive(Default)]
pub struct Connecting(Mutex<Option<CaptureConnection>>);

impl std::fmt::Debug for Connecting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Connecting").field(&self.still()).finish()
    }
}

impl Connecting {
    /// Runs `load` with the upstream calls it makes watched by `self`.
    pub async fn watch<F: Future>(self: Arc<Self>, load: F) -> F::Output {
        WATCHED.scope(self, load).await
    }

    /// `CONNECT_TIMEOUT` when the call watched has no connection yet: a deadline falling now
    /// falls while it connects.
    pub fn cause(&self) -> Option<Cause> {
        self.still().then_some(Cause::ConnectTimeout)
    }

    /// [`Connecting::cause`] of the load the calling task runs, if it is watched.
    pub(super) fn cause_here() -> Option<Cause> {
        WATCHED.try_with(|watched| watched.cause()).ok().flatten()
    }

    /// The calling task's upstream call is sent (`upstream.rs`); `capture` is set once it has
    /// its connection.
    pub(super) fn sent(capture: CaptureConnection) {
        let _ = WATCHED.try_with(|watched| *watched.lock() = Some(capture));
    }

    /// The calling task's upstream call ended, answered or failed: no deadline ends it now.
    pub(super) fn ended() {
        let _ = WATCHED.try_with(|watched| *watched.lock() = None);
    }

    fn still(&self) -> bool {
        self.lock().as_ref().is_some_and(|capture| capture.connection_metadata().is_none())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<CaptureConnection>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
