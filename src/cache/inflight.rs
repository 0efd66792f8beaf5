//! One upstream call per key at a time, driven by whoever waits for it.
//!
//! A load runs in the future of the callers waiting for it (any of them polls it), not in a task
//! of its own: a task per page cost a spawn and a wake across worker threads on every miss, in the
//! CPU of a miss and in the latency of a lone request. When the last caller stops waiting (timed
//! out, disconnected, or served a stale page and left the refresh behind), its handle hands the
//! load to a task of its own, so the load still finishes under its own deadline (set by the caller
//! of `join_or_start`) and fills the cache for the next request, and nobody restarts it.

use super::page::{CacheKey, CachedPage};
use futures::FutureExt;
use futures::future::{BoxFuture, Shared as SharedFuture};
use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use tokio::time::Instant;

/// A load that ended without an outcome (it panicked). Each error type the cache is used with
/// says what that means for its callers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadAborted;

/// A load's outcome, shareable between every waiter.
type Shared<E> = SharedFuture<BoxFuture<'static, Result<Arc<CachedPage>, E>>>;

/// A load in flight: its outcome, when it started, which load of its key it is, and whether a
/// later load of the key took its place.
struct Running<E> {
    shared: Shared<E>,
    started: Instant,
    number: u64,
    superseded: Arc<AtomicBool>,
}

/// How long before a `noCache` caller asked a load may have started and still be joined: a
/// burst of identical refreshes (a client retrying, a page's parts) then makes one call, while
/// a load sent well before the caller asked (the price it wants to be rid of) is not joined.
const JOIN_WINDOW: std::time::Duration = std::time::Duration::from_millis(50);

type Loads<E> = HashMap<CacheKey, Running<E>, foldhash::fast::RandomState>;

/// Loads in flight by key.
pub(super) struct Inflight<E> {
    loads: Arc<Mutex<Loads<E>>>,
    numbered: Arc<AtomicU64>,
}

impl<E> Clone for Inflight<E> {
    fn clone(&self) -> Self {
        Self { loads: Arc::clone(&self.loads), numbered: Arc::clone(&self.numbered) }
    }
}

impl<E> Default for Inflight<E> {
    fn default() -> Self {
        Self { loads: Arc::default(), numbered: Arc::default() }
    }
}

impl<E: Clone + From<LoadAborted> + Send + Sync + 'static> Inflight<E> {
    /// The in-flight load of `key`, or a new one running `load`. With `since`, only a load started
    /// then or later is joined: a `noCache` caller wants what the marketplace holds after it asked,
    /// and a load sent before may carry what it asked to be rid of. Such a new load takes the key's
    /// place; the older one still serves those who joined it.
    /// `load` is told (by the flag it is given) when a later load has taken its place.
    pub(super) fn join_or_start<F>(
        &self,
        key: CacheKey,
        since: Option<Instant>,
        load: impl FnOnce(Arc<AtomicBool>) -> F,
    ) -> Load<E>
    where
        F: Future<Output = Result<Arc<CachedPage>, E>> + Send + 'static,
    {
        let superseded = Arc::new(AtomicBool::new(false));
        let Ok(mut loads) = self.loads.lock() else {
            // A poisoned map only means a panic elsewhere; run this load unshared.
            return Load(Some(shared(load(superseded), None)));
        };
        let joinable = |r: &&Running<E>| since.is_none_or(|since| r.started + JOIN_WINDOW >= since);
        if let Some(running) = loads.get(&key).filter(joinable) {
            metrics::counter!("pasar_cache_coalesced_total").increment(1);
            return Load(Some(running.shared.clone()));
        }
        let number = self.numbered.fetch_add(1, Ordering::Relaxed);
        let started = shared(load(Arc::clone(&superseded)), Some((Arc::clone(&self.loads), key.clone(), number)));
        let running = Running { shared: started.clone(), started: Instant::now(), number, superseded };
        if let Some(earlier) = loads.insert(key, running) {
            earlier.superseded.store(true, Ordering::Relaxed);
        }
        Load(Some(started))
    }
}

/// A caller's wait for a load. Awaiting it drives the load; dropping it before the load ended
/// leaves the load running in a task of its own.
pub(super) struct Load<E: Clone + Send + Sync + 'static>(Option<Shared<E>>);

impl<E: Clone + Send + Sync + 'static> Future for Load<E> {
    type Output = Result<Arc<CachedPage>, E>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let Some(shared) = self.0.as_mut() else { return Poll::Pending };
        let outcome = std::task::ready!(shared.poll_unpin(cx));
        self.0 = None;
        Poll::Ready(outcome)
    }
}

impl<E: Clone + Send + Sync + 'static> Drop for Load<E> {
    fn drop(&mut self) {
        // Other callers may still wait for it, but any of them may be the next to give up: each
        // one leaving early hands it on (a waiter more, never a second upstream call).
        if let Some(shared) = self.0.take()
            && shared.peek().is_none()
            && let Ok(runtime) = tokio::runtime::Handle::try_current()
        {
            runtime.spawn(shared);
        }
    }
}

/// Where a load is registered: the map, its key and its number.
type Registration<E> = (Arc<Mutex<Loads<E>>>, CacheKey, u64);

fn shared<E, F>(load: F, registration: Option<Registration<E>>) -> Shared<E>
where
    E: Clone + From<LoadAborted> + Send + Sync + 'static,
    F: Future<Output = Result<Arc<CachedPage>, E>> + Send + 'static,
{
    let guarded: BoxFuture<'static, _> = Box::pin(async move {
        // Deregisters on completion and on panic alike, so a failed load is never shared forever.
        let _deregister = registration.map(Deregister);
        // A panic in a load fails its callers' pages, not their requests: it no longer has a task
        // of its own to stop at.
        AssertUnwindSafe(load).catch_unwind().await.unwrap_or_else(|_| Err(E::from(LoadAborted)))
    });
    guarded.shared()
}

/// Removes a finished load from the in-flight map when dropped.
struct Deregister<E>(Registration<E>);

impl<E> Drop for Deregister<E> {
    fn drop(&mut self) {
        let (loads, key, number) = &self.0;
        // A later load of the key may have taken its place: that one stays.
        if let Ok(mut loads) = loads.lock()
            && loads.get(key).is_some_and(|running| running.number == *number)
        {
            loads.remove(key);
        }
    }
}
