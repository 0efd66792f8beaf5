//! One upstream call per key at a time, owned by its own task.
//!
//! The load runs in `tokio::spawn`, not in any caller's future: when every caller has timed out
//! or disconnected, the load still finishes (under its own deadline, set by the caller of
//! `join_or_start`) and fills the cache for the next request, and nobody restarts it.

use super::{CacheKey, CachedPage};
use crate::marketplace::MarketplaceError;
use futures::FutureExt;
use futures::future::{BoxFuture, Shared as SharedFuture};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// A load's outcome, shareable between every waiter.
pub(super) type Shared = SharedFuture<BoxFuture<'static, Result<Arc<CachedPage>, MarketplaceError>>>;

/// Loads in flight by key.
#[derive(Clone, Default)]
pub(super) struct Inflight {
    loads: Arc<Mutex<HashMap<CacheKey, Shared>>>,
}

impl Inflight {
    /// The in-flight load of `key` (`true`: joined) or a new one running `load` (`false`).
    pub(super) fn join_or_start<F>(&self, key: CacheKey, load: F) -> (Shared, bool)
    where
        F: Future<Output = Result<Arc<CachedPage>, MarketplaceError>> + Send + 'static,
    {
        let Ok(mut loads) = self.loads.lock() else {
            // A poisoned map only means a panic elsewhere; run this load unshared.
            return (spawn(load, None), false);
        };
        if let Some(shared) = loads.get(&key) {
            return (shared.clone(), true);
        }
        let shared = spawn(load, Some((Arc::clone(&self.loads), key.clone())));
        loads.insert(key, shared.clone());
        (shared, false)
    }
}

type Registration = (Arc<Mutex<HashMap<CacheKey, Shared>>>, CacheKey);

fn spawn<F>(load: F, registration: Option<Registration>) -> Shared
where
    F: Future<Output = Result<Arc<CachedPage>, MarketplaceError>> + Send + 'static,
{
    let task = tokio::spawn(async move {
        // Deregisters on completion and on panic alike, so a failed load is never shared forever.
        let _deregister = registration.map(Deregister);
        load.await
    });
    let joined: BoxFuture<'static, _> = Box::pin(task.map(|joined| {
        joined.unwrap_or_else(|_| Err(MarketplaceError::BadResponse { reason: "the load task failed".into() }))
    }));
    joined.shared()
}

/// Removes a finished load from the in-flight map when dropped.
struct Deregister(Registration);

impl Drop for Deregister {
    fn drop(&mut self) {
        let (loads, key) = &self.0;
        if let Ok(mut loads) = loads.lock() {
            loads.remove(key);
        }
    }
}
