//! Finished responses, kept while every page they were built from is fresh.
//!
//! A cached search still costs a parse, a validation, a resolve over cached pages and a
//! serialisation; a stored response costs a lookup. A response is stored only when it can be
//! replayed byte for byte:
//!
//! - it is one query (not a mutation, not a batch) that executed without any error;
//! - every root field is a `search` or `compare` (other fields read state that has no expiry
//!   this cache could follow), and each of them recorded its sources in the request's
//!   [`ResponseSources`];
//! - every marketplace of every search answered `OK` from a fresh cache page (`HIT`): a `MISS`,
//!   `STALE` or `BYPASS` source, or a failed one, is never stored, so replayed reports stay
//!   exact;
//! - it is served until the earliest moment one of its pages expires or the age a source
//!   reports (whole seconds) would change, whichever comes first;
//! - any mutation (a purge) drops every stored response, and a response whose execution
//!   overlapped one is not stored.
//!
//! One thing a replay does not follow: an offer's `vendor` is the merged vendor as the vendor
//! directory had it when the response was stored. An account merged into it since shows once
//! the response's pages expire (within the marketplaces' TTL, 60 s by default).
//!
//! The key is the request as received: method, response media type and the exact body (or query
//! string). Queries carry no client-specific answer (the bearer token only matters to
//! mutations), so there is no client class in the key.

use super::coded::Compressed;
use crate::bounded::{Bounded, bounded};
use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, Method};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::Instant;

/// Memory bound of the stored responses (keys and bodies), in bytes.
pub const RESPONSE_CACHE_BYTES: u64 = 32 * 1024 * 1024;

/// Upper bound on any stored response's life; pages expire well before.
const MAX_LIFE: Duration = Duration::from_secs(3600);

/// What identifies a replayable request.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ResponseKey {
    method: Method,
    media: HeaderValue,
    request: Bytes,
}

impl ResponseKey {
    /// The key of a request: its method, the media type of the answer, its body or query string.
    pub fn new(method: &Method, media: HeaderValue, request: Bytes) -> Self {
        Self { method: method.clone(), media, request }
    }
}

/// A finished response, as it was first sent.
pub struct Finished {
    /// The serialised response body.
    pub body: Bytes,
    /// Headers set by execution (`Cache-Control` included).
    pub headers: HeaderMap,
    /// The body compressed, per coding replayed so far.
    pub compressed: Compressed,
    /// The request's `operationName`, for the access line of each replay (which is not parsed).
    pub operation: Option<String>,
}

/// A stored finished response.
pub struct StoredResponse {
    pub response: Finished,
    valid_until: Instant,
}

/// What a stored response weighs against [`RESPONSE_CACHE_BYTES`].
#[derive(Clone)]
struct ResponseBytes;

impl quick_cache::Weighter<ResponseKey, Arc<StoredResponse>> for ResponseBytes {
    fn weight(&self, key: &ResponseKey, value: &Arc<StoredResponse>) -> u64 {
        // Its compressed forms are a fifth to a twentieth of a JSON answer each: a quarter more
        // covers the three codings.
        let body = value.response.body.len() + value.response.body.len() / 4;
        (key.request.len() + body + 256) as u64
    }
}

/// The stored responses, shared by every request. quick_cache, as the page store: a lookup is a
/// hash and a shard read lock, with no access record queued or housekeeping run inline. A
/// response past its time is dropped when read, or goes as the cache evicts by weight.
pub struct ResponseCache {
    entries: Bounded<ResponseKey, Arc<StoredResponse>, ResponseBytes>,
    /// Bumped by every mutation; a response built across a bump is not stored.
    generation: AtomicU64,
}

impl Default for ResponseCache {
    fn default() -> Self {
        Self::new(RESPONSE_CACHE_BYTES)
    }
}

impl ResponseCache {
    /// Keeps at most about `max_bytes` of keys and bodies.
    pub fn new(max_bytes: u64) -> Self {
        // A stored search answer is a few kilobytes; a `compare` over a large catalogue a few
        // hundred (188 KB in README), and 4 MiB leaves room for the largest.
        Self { entries: bounded(max_bytes, 4096, 4 * 1024 * 1024, ResponseBytes), generation: AtomicU64::new(0) }
    }

    /// The stored response for `key`, if it is still valid.
    pub async fn get(&self, key: &ResponseKey) -> Option<Arc<StoredResponse>> {
        let stored = self.entries.get(key)?;
        if Instant::now() < stored.valid_until {
            return Some(stored);
        }
        // Only that response: one stored meanwhile under the key stays.
        self.entries.remove_if(key, |now| Arc::ptr_eq(now, &stored));
        None
    }

    /// A tracker for one request about to execute.
    pub fn begin(&self) -> ResponseSources {
        ResponseSources { generation: self.generation.load(Ordering::Acquire), state: Mutex::default() }
    }

    /// Stores a finished response if `sources` allows it; `root_fields` is the number of root
    /// fields the operation selected.
    pub async fn store(&self, key: ResponseKey, sources: &ResponseSources, root_fields: usize, response: Finished) {
        let Some(valid_until) = sources.storable_until(root_fields) else { return };
        let now = Instant::now();
        if now >= valid_until {
            return;
        }
        let stored = Arc::new(StoredResponse { response, valid_until: valid_until.min(now + MAX_LIFE) });
        self.entries.insert(key.clone(), Arc::clone(&stored));
        // Checked after the insert, not before it: a mutation bumps the generation before it
        // clears, so a response built across one is either cleared with the rest or seen here
        // and taken back, whichever order the two took. Checked before, a clear landing between
        // the check and the insert left it stored.
        if self.generation.load(Ordering::Acquire) != sources.generation {
            self.entries.remove_if(&key, |now| Arc::ptr_eq(now, &stored));
        }
    }

    /// Drops every stored response (a mutation may have changed what they were built from).
    pub fn clear(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.entries.clear();
    }
}

/// Per request: what its searches were built from. Request data, filled by the search and
/// compare resolvers.
pub struct ResponseSources {
    generation: u64,
    state: Mutex<SourcesState>,
}

#[derive(Default)]
struct SourcesState {
    searches: usize,
    unfit: bool,
    valid_until: Option<Instant>,
}

impl ResponseSources {
    /// Records one search's sources: each report's `fresh_until` when it was a fresh hit, or
    /// `None` for anything else (which makes the whole response unfit to store).
    pub fn record(&self, fresh_until: impl IntoIterator<Item = Option<Instant>>) {
        let mut state = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        state.searches += 1;
        let mut any = false;
        for until in fresh_until {
            any = true;
            match until {
                Some(until) => state.valid_until = Some(state.valid_until.map_or(until, |v| v.min(until))),
                None => state.unfit = true,
            }
        }
        state.unfit |= !any;
    }

    fn storable_until(&self, root_fields: usize) -> Option<Instant> {
        let state = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if state.unfit || state.searches == 0 || state.searches != root_fields {
            return None;
        }
        state.valid_until
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(body: &'static str) -> ResponseKey {
        ResponseKey::new(
            &Method::POST,
            HeaderValue::from_static("application/json"),
            Bytes::from_static(body.as_bytes()),
        )
    }

    async fn store(cache: &ResponseCache, sources: &ResponseSources, root_fields: usize) {
        let response = Finished {
            body: Bytes::from_static(b"{}"),
            headers: HeaderMap::new(),
            compressed: Compressed::default(),
            operation: None,
        };
        cache.store(key("q"), sources, root_fields, response).await;
    }

    #[tokio::test(start_paused = true)]
    async fn a_response_of_fresh_hits_is_served_until_its_first_page_expires() {
        let cache = ResponseCache::default();
        let sources = cache.begin();
        let now = Instant::now();
        sources.record([Some(now + Duration::from_secs(5)), Some(now + Duration::from_secs(2))]);
        store(&cache, &sources, 1).await;
        assert!(cache.get(&key("q")).await.is_some());
        assert!(cache.get(&key("other")).await.is_none());
        tokio::time::advance(Duration::from_secs(2)).await;
        assert!(cache.get(&key("q")).await.is_none(), "served past its earliest page's expiry");
    }

    #[tokio::test(start_paused = true)]
    async fn a_miss_stale_or_failed_source_or_another_root_field_is_never_stored() {
        let cache = ResponseCache::default();
        let later = Instant::now() + Duration::from_secs(60);
        let unfit = cache.begin();
        unfit.record([Some(later), None]);
        store(&cache, &unfit, 1).await;
        assert!(cache.get(&key("q")).await.is_none(), "a MISS/STALE source was stored");
        let other_field = cache.begin();
        other_field.record([Some(later)]);
        store(&cache, &other_field, 2).await;
        assert!(cache.get(&key("q")).await.is_none(), "a root field without sources was stored");
        let no_search = cache.begin();
        store(&cache, &no_search, 0).await;
        assert!(cache.get(&key("q")).await.is_none(), "a response without a search was stored");
    }

    #[tokio::test(start_paused = true)]
    async fn a_mutation_drops_stored_responses_and_those_built_across_it() {
        let cache = ResponseCache::default();
        let later = Instant::now() + Duration::from_secs(60);
        let before = cache.begin();
        before.record([Some(later)]);
        store(&cache, &before, 1).await;
        let across = cache.begin();
        across.record([Some(later)]);
        cache.clear();
        assert!(cache.get(&key("q")).await.is_none(), "a purge left a stored response");
        store(&cache, &across, 1).await;
        assert!(cache.get(&key("q")).await.is_none(), "a response built across a purge was stored");
    }
}
