//! One upstream call per key at a time, owned by its own task.
//!
//! The load runs in `tokio::spawn`, not in any caller's future: when every caller has timed out
//! or disconnected, the load still finishes (under its own deadline, set by the caller of
//! `join_or_start`) and fills the cache for the next request, and nobody restarts it.

use super::page::{CacheKey, CachedPage};
use futures::FutureExt;
use futures::future::{BoxFuture, Shared as SharedFuture};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// A load that ended without an outcome (its task panicked or was cancelled). Each error type the
/// cache is used with says what that means for its callers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadAborted;

/// A load's outcome, shareable between every waiter.
pub(super) type Shared<E> = SharedFuture<BoxFuture<'static, Result<Arc<CachedPage>, E>>>;

/// Loads in flight by key.
pub(super) struct Inflight<E> {
    loads: Arc<Mutex<HashMap<CacheKey, Shared<E>>>>,
}

impl<E> Clone for Inflight<E> {
    fn clone(&self) -> Self {
        Self { loads: Arc::clone(&self.loads) }
    }
}

impl<E> Default for Inflight<E> {
    fn default() -> Self {
        Self { loads: Arc::default() }
    }
}

impl<E: Clone + From<LoadAborted> + Send + Sync + 'static> Inflight<E> {
    /// The in-flight load of `key`, or a new one running `load`.
    pub(super) fn join_or_start<F>(&self, key: CacheKey, load: F) -> Shared<E>
    where
        F: Future<Output = Result<Arc<CachedPage>, E>> + Send + 'static,
    {
        let Ok(mut loads) = self.loads.lock() else {
            // A poisoned map only means a panic elsewhere; run this load unshared.
            return spawn(load, None);
        };
        if let Some(shared) = loads.get(&key) {
            metrics::counter!("pasar_cache_coalesced_total").increment(1);
            return shared.clone();
        }
        let shared = spawn(load, Some((Arc::clone(&self.loads), key.clone())));
        loads.insert(key, shared.clone());
        shared
    }
}

type Registration<E> = (Arc<Mutex<HashMap<CacheKey, Shared<E>>>>, CacheKey);

fn spawn<E, F>(load: F, registration: Option<Registration<E>>) -> Shared<E>
where
    E: Clone + From<LoadAborted> + Send + Sync + 'static,
    F: Future<Output = Result<Arc<CachedPage>, E>> + Send + 'static,
{
    let task = tokio::spawn(async move {
        // Deregisters on completion and on panic alike, so a failed load is never shared forever.
        let _deregister = registration.map(Deregister);
        load.await
    });
    let joined: BoxFuture<'static, _> =
        Box::pin(task.map(|joined| joined.unwrap_or_else(|_| Err(E::from(LoadAborted)))));
    joined.shared()
}

/// Removes a finished load from the in-flight map when dropped.
struct Deregister<E>(Registration<E>);

impl<E> Drop for Deregister<E> {
    fn drop(&mut self) {
        let (loads, key) = &self.0;
        if let Ok(mut loads) = loads.lock() {
            loads.remove(key);
        }
    }
}
