//! Two levels: the in-process store in front of Redis shared by every instance. A Redis hit
//! fills the in-process store; a page is written to both, Redis in the background so no answer
//! waits for it. A fresh page held here is the answer without asking Redis; an expired one is
//! compared with Redis's first, since another instance may have stored a later page.

use super::page::{CacheKey, CachedPage};
use super::redis::{Heard, RedisLevel};
use super::store::{MemoryStore, PageStore, Record};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast;

/// Ages travel through Redis in whole milliseconds of two clocks: the page held here, read back
/// from Redis, can look a little later than itself. Not worth taking in again.
const SAME_FETCH: Duration = Duration::from_millis(10);

/// The in-process store in front of Redis.
pub struct TieredStore {
    memory: Arc<MemoryStore>,
    shared: Arc<RedisLevel>,
    /// Purges announced by other instances, after this instance's store dropped their pages.
    purged: broadcast::Sender<Option<String>>,
}

impl TieredStore {
    /// `memory` in front of `shared`; must be called within a tokio runtime (it starts listening
    /// for other instances' purges).
    pub fn new(memory: MemoryStore, shared: Arc<RedisLevel>) -> Self {
        let memory = Arc::new(memory);
        let (announced, heard) = broadcast::channel(64);
        shared.follow_others(announced);
        let (purged, _) = broadcast::channel(64);
        // A store lives as long as its process; so do this task and the listener it keeps.
        tokio::spawn(follow(heard, Arc::clone(&memory), purged.clone()));
        Self { memory, shared, purged }
    }
}

/// Drops what other instances announced from `local`, then tells `purged` of their purges.
async fn follow(
    mut heard: broadcast::Receiver<Heard>,
    local: Arc<MemoryStore>,
    purged: broadcast::Sender<Option<String>>,
) {
    loop {
        let marketplace = match heard.recv().await {
            Ok(Heard::Purge(marketplace)) => marketplace,
            // The next read of the key finds the later page in Redis.
            Ok(Heard::Replaced(key, fetched_at)) => {
                local.drop_older(&key, fetched_at);
                continue;
            }
            // Missed messages: dropping everything is the safe reading.
            Err(broadcast::error::RecvError::Lagged(_)) => None,
            Err(broadcast::error::RecvError::Closed) => return,
        };
        local.purge(marketplace.as_deref()).await;
        let _ = purged.send(marketplace);
    }
}

#[async_trait::async_trait]
impl PageStore for TieredStore {
    async fn get(&self, key: &CacheKey) -> Option<Arc<CachedPage>> {
        let held = self.memory.get(key).await;
        if let Some(page) = &held
            && page.age() < page.freshness.ttl
        {
            return held;
        }
        // An expired page is about to be served stale or refreshed, a path already slow or
        // failing: one GET lets it be the later page another instance stored (review32w W32-4).
        let Some(shared) = self.shared.get(key).await.map(Arc::new) else { return held };
        if self.memory.predates_purge(key, &shared) {
            return held;
        }
        if held.as_ref().is_some_and(|held| held.fetched_at + SAME_FETCH >= shared.fetched_at) {
            return held;
        }
        self.memory.insert(key.clone(), Arc::clone(&shared)).await;
        Some(shared)
    }

    async fn insert(&self, key: CacheKey, page: Arc<CachedPage>) {
        if self.memory.predates_purge(&key, &page) {
            return;
        }
        let shared = Arc::clone(&self.shared);
        let (stored, written) = (key.clone(), Arc::clone(&page));
        tokio::spawn(async move { shared.put(&stored, &written).await });
        self.memory.insert(key, page).await;
    }

    async fn purge(&self, marketplace: Option<&str>) -> u64 {
        let local = self.memory.purge(marketplace).await;
        let shared = self.shared.purge(marketplace).await;
        self.shared.announce_purge(marketplace).await;
        local.max(shared)
    }

    fn purges(&self) -> Option<broadcast::Receiver<Option<String>>> {
        Some(self.purged.subscribe())
    }

    async fn insert_and_release(&self, key: CacheKey, page: Arc<CachedPage>) {
        if self.memory.predates_purge(&key, &page) {
            return self.shared.release(&key).await;
        }
        let shared = Arc::clone(&self.shared);
        let (stored, written) = (key.clone(), Arc::clone(&page));
        tokio::spawn(async move {
            shared.put(&stored, &written).await;
            shared.release(&stored).await;
        });
        self.memory.insert(key, page).await;
    }

    async fn replace_and_release(&self, key: CacheKey, page: Arc<CachedPage>) {
        if self.memory.predates_purge(&key, &page) {
            return self.shared.release(&key).await;
        }
        let shared = Arc::clone(&self.shared);
        let (stored, written) = (key.clone(), Arc::clone(&page));
        // Told once the page is in Redis, so an instance dropping its copy reads this one.
        tokio::spawn(async move {
            shared.put(&stored, &written).await;
            shared.announce_replaced(&stored, &written).await;
            shared.release(&stored).await;
        });
        self.memory.insert(key, page).await;
    }

    async fn bytes(&self) -> u64 {
        self.memory.bytes().await
    }

    fn shared(&self) -> bool {
        true
    }

    async fn keep_records(&self, kind: &'static str, records: Vec<Record>, ttl: Duration) {
        let shared = Arc::clone(&self.shared);
        tokio::spawn(async move { shared.put_records(kind, records, ttl).await });
    }

    async fn find_record(&self, kind: &'static str, id: &str) -> Option<Vec<u8>> {
        self.shared.get_record(kind, id).await
    }

    async fn claim(&self, key: &CacheKey) -> bool {
        self.shared.claim(key).await
    }

    async fn release(&self, key: &CacheKey) {
        self.shared.release(key).await;
    }

    fn claim_lasts(&self) -> Duration {
        self.shared.claim_lasts()
    }
}
