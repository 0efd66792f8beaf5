//! The shared level: pages in Redis, readable by every instance, and the claims that let one
//! instance load a cold key while the others wait for its page.
//!
//! Redis is a help, never a dependency: every command has a short deadline, failures open a
//! breaker that skips Redis for a while (one log line when it opens, one when Redis is back), and
//! the connection manager reconnects by itself. A write Redis answers but refuses (`OOM`) is
//! not a failure of Redis: it is counted apart (`refusals.rs`).

mod codec;
mod health;
mod purges;
mod quota;
mod refusals;

use super::page::{CacheKey, CachedPage};
use super::store::Record;
use arc_swap::ArcSwap;
use health::Health;
use redis::AsyncCommands;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use refusals::{Refusal, Refusals};
use sha2::{Digest, Sha256};
use std::sync::LazyLock;
use std::time::Duration;
use tokio::sync::broadcast;

pub use health::RedisState;
pub use purges::Heard;

/// How to reach Redis.
#[derive(Debug, Clone)]
pub struct RedisSettings {
    /// `redis://host:port/db`.
    pub url: String,
    /// The `AUTH` password, from the environment.
    pub password: Option<String>,
    /// PEM of the CA to trust for `rediss://` instead of the system's trust store.
    pub ca_pem: Option<Vec<u8>>,
    /// Longest wait for one command.
    pub timeout: Duration,
    /// How long a claim on a cold key lasts.
    pub lock_for: Duration,
    /// Prefix of every key.
    pub namespace: String,
}

/// The shared level of the cache.
pub struct RedisLevel {
    client: redis::Client,
    /// Replaced by a new one when commands time out (see [`redial`](Self::redial)).
    connection: ArcSwap<ConnectionManager>,
    manager: ConnectionManagerConfig,
    settings: RedisSettings,
    health: Health,
    refusals: Refusals,
    /// Written into claims, so an instance releases only its own.
    instance: String,
}

/// Why Redis cannot be used at all (a bad URL); being unreachable is not an error.
#[derive(Debug, thiserror::Error)]
#[error("[cache.redis] url: {0}")]
pub struct BadRedisUrl(String);

/// Releases a claim only if it is still this instance's.
static RELEASE: LazyLock<redis::Script> = LazyLock::new(|| {
    redis::Script::new(
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
    )
});
/// Keeps records, each only over one read no later (see [`Record`]). A record is stored as its
/// read time in [`READ_DIGITS`] digits, then its bytes, so the time kept is one `GETRANGE` away
/// (compared as numbers: Lua compares strings by the server's locale). KEYS: the records;
/// ARGV[1]: their TTL in ms; ARGV[i + 1]: record i as stored.
static KEEP: LazyLock<redis::Script> = LazyLock::new(|| {
    redis::Script::new(
        "for i, key in ipairs(KEYS) do \
           local record = ARGV[i + 1] \
           local kept = tonumber(redis.call('getrange', key, 0, 19)) or -1 \
           if kept <= tonumber(string.sub(record, 1, 20)) then \
             redis.call('set', key, record, 'px', ARGV[1]) \
           end \
         end \
         return 0",
    )
});
/// Digits of a record's read time ([`KEEP`]); `u64::MAX` has 20.
const READ_DIGITS: usize = 20;
/// Takes one request from a shared budget (see `quota.rs`).
static TAKE: LazyLock<redis::Script> = LazyLock::new(|| redis::Script::new(quota::TAKE));

impl RedisLevel {
    /// A level over `settings`; connects lazily and reconnects by itself.
    pub fn new(settings: RedisSettings) -> Result<Self, BadRedisUrl> {
        let info = redis::IntoConnectionInfo::into_connection_info(settings.url.as_str())
            .map_err(|e| BadRedisUrl(e.to_string()))?;
        let info = match &settings.password {
            Some(password) => {
                let redis = info.redis_settings().clone().set_password(password);
                info.set_redis_settings(redis)
            }
            None => info,
        };
        let client = match &settings.ca_pem {
            Some(pem) => {
                let certificates = redis::TlsCertificates { client_tls: None, root_cert: Some(pem.clone()) };
                redis::Client::build_with_tls(info, certificates)
            }
            None => redis::Client::open(info),
        }
        .map_err(|e| BadRedisUrl(e.to_string()))?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(settings.timeout.max(Duration::from_millis(200))))
            .set_response_timeout(Some(settings.timeout))
            .set_number_of_retries(1)
            .set_max_delay(Duration::from_secs(1));
        let connection = ConnectionManager::new_lazy_with_config(client.clone(), config.clone())
            .map_err(|e| BadRedisUrl(e.to_string()))?;
        let instance = format!("{:016x}", rand::random::<u64>());
        let connection = ArcSwap::from_pointee(connection);
        Ok(Self {
            client,
            connection,
            manager: config,
            settings,
            health: Health::default(),
            refusals: Refusals::default(),
            instance,
        })
    }

    /// Connects now rather than on the first request, so no request's short deadline pays for
    /// connecting; false (and a warning saying why) when Redis does not answer within a second,
    /// cannot be reached, or answers with a refusal. Pasar serves either way and connects when
    /// Redis appears.
    pub async fn connect(&self) -> bool {
        let mut connection = self.connection();
        let ping = async move { redis::cmd("PING").query_async::<String>(&mut connection).await };
        let failed = match tokio::time::timeout(Duration::from_secs(1), ping).await {
            Ok(Ok(_)) => {
                metrics::gauge!("pasar_redis_up").set(1.0);
                return true;
            }
            Ok(Err(e)) => Some(e),
            Err(_) => None,
        };
        let (error, warning) = health::unusable(failed.as_ref());
        self.health.down_at_start(&error);
        tracing::warn!(%error, "{warning}");
        false
    }

    /// Whether Redis is used now, and why not when it is not (`/readyz`).
    pub fn state(&self) -> RedisState {
        let error = self.health.down_because();
        RedisState { up: error.is_none(), error }
    }

    /// The connection commands go through now (a cheap clone of a shared handle).
    fn connection(&self) -> ConnectionManager {
        ConnectionManager::clone(&self.connection.load())
    }

    /// Replaces the connection after commands timed out: the manager reconnects when its socket
    /// fails, but one the network went silent on (a lost NAT entry, a hung proxy) never fails
    /// until TCP gives up, some 15 minutes later, and every command on it times out meanwhile
    /// (review40o R40o-6). The old socket closes once the commands on it are done.
    fn redial(&self) {
        match ConnectionManager::new_lazy_with_config(self.client.clone(), self.manager.clone()) {
            Ok(fresh) => self.connection.store(std::sync::Arc::new(fresh)),
            Err(error) => tracing::debug!(%error, "Redis connection not replaced"),
        }
    }

    /// How long a waiting instance may wait for another's load.
    pub fn claim_lasts(&self) -> Duration {
        self.settings.lock_for
    }

    fn key(&self, kind: &str, key: &CacheKey) -> String {
        let mut hash = Sha256::new();
        hash.update(key.partition.to_le_bytes());
        for part in [key.query.as_str(), key.cursor.as_deref().unwrap_or("\u{1}")] {
            hash.update(part.as_bytes());
            hash.update([0]);
        }
        hash.update(key.offset.to_le_bytes());
        hash.update(key.limit.to_le_bytes());
        for (name, value) in &key.filters {
            hash.update(name.as_bytes());
            hash.update([0]);
            hash.update(value.as_bytes());
            hash.update([0]);
        }
        let digest: String = hash.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect();
        let namespace = &self.settings.namespace;
        format!("{namespace}:v{}:{kind}:{}:{digest}", codec::VERSION, key.marketplace)
    }

    fn record_key(&self, kind: &str, id: &str) -> String {
        let digest: String = Sha256::digest(id.as_bytes()).iter().take(16).map(|b| format!("{b:02x}")).collect();
        format!("{}:v{}:{kind}:{digest}", self.settings.namespace, codec::VERSION)
    }

    /// Runs one command under the deadline and the breaker; `None` when Redis is skipped or failed.
    async fn run<T, F>(&self, command: F) -> Option<T>
    where
        F: Future<Output = redis::RedisResult<T>>,
    {
        if !self.health.allows() {
            return None;
        }
        match tokio::time::timeout(self.settings.timeout, command).await {
            Ok(Ok(value)) => {
                self.health.succeeded();
                Some(value)
            }
            // Redis answered: a refused write is no sign that it is away (review35o O35-5).
            Ok(Err(error)) => match Refusal::of(&error) {
                Some(refusal) => {
                    self.health.succeeded();
                    self.refusals.refused(refusal, &error.to_string());
                    None
                }
                // The manager's own response timeout (the same length) may win the race with
                // ours, so a silent connection's failures can come back as errors too.
                None => {
                    if self.health.failed(&error.to_string()) {
                        self.redial();
                    }
                    None
                }
            },
            Err(_) => {
                if self.health.failed("timed out") {
                    self.redial();
                }
                None
            }
        }
    }

    /// As [`run`](Self::run) for a `SET` that writes whenever it is taken: one taken ends a spell
    /// of refusals. (A script that may write proves nothing: one that deletes, or writes nothing
    /// this time, runs at `maxmemory` too.)
    async fn write<T, F>(&self, command: F) -> Option<T>
    where
        F: Future<Output = redis::RedisResult<T>>,
    {
        let written = self.run(command).await;
        if written.is_some() {
            self.refusals.wrote();
        }
        written
    }

    /// The page another instance (or this one, before a restart) stored.
    pub async fn get(&self, key: &CacheKey) -> Option<CachedPage> {
        let mut connection = self.connection();
        let name = self.key("page", key);
        let bytes: Option<Vec<u8>> = self.run(async move { connection.get(name).await }).await?;
        codec::decode(&bytes?)
    }

    /// Stores `page` for as long as any policy could serve it.
    pub async fn put(&self, key: &CacheKey, page: &CachedPage) {
        let Some(bytes) = codec::encode(page) else { return };
        let servable = page.freshness.servable_for().saturating_sub(page.age());
        let millis = u64::try_from(servable.as_millis()).unwrap_or(u64::MAX);
        if millis == 0 {
            return;
        }
        let mut connection = self.connection();
        let name = self.key("page", key);
        let _: Option<()> = self.write(async move { connection.pset_ex(name, bytes, millis).await }).await;
    }

    /// Keeps `records` of `kind` for `ttl`, in one round trip, none over a record read later.
    pub async fn put_records(&self, kind: &str, records: Vec<Record>, ttl: Duration) {
        if records.is_empty() {
            return;
        }
        let millis = u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX);
        let mut invocation = KEEP.prepare_invoke();
        invocation.arg(millis);
        for record in records {
            invocation.key(self.record_key(kind, &record.id));
            let mut value = format!("{:0READ_DIGITS$}", record.read_ms).into_bytes();
            value.extend(record.bytes);
            invocation.arg(value);
        }
        let mut connection = self.connection();
        let _: Option<i64> = self.run(async move { invocation.invoke_async(&mut connection).await }).await;
    }

    /// A record of `kind` kept by any instance (its bytes, without the read time).
    pub async fn get_record(&self, kind: &str, id: &str) -> Option<Vec<u8>> {
        let mut connection = self.connection();
        let name = self.record_key(kind, id);
        let stored: Vec<u8> = self.run(async move { connection.get::<_, Option<Vec<u8>>>(name).await }).await??;
        stored.get(READ_DIGITS..).map(<[u8]>::to_vec)
    }

    /// Takes `cost` requests from the budget of `client` shared by every instance (`per_second`,
    /// bursts of `burst`): `Ok` or how long to wait; `None` when Redis is away (the caller's own
    /// limiter decides then).
    pub async fn take(&self, client: &str, per_second: u32, burst: u32, cost: u32) -> Option<Result<(), Duration>> {
        let (interval, tolerance) = quota::arguments(per_second, burst);
        let mut connection = self.connection();
        let mut invocation = TAKE.key(format!("{}:v{}:quota:{client}", self.settings.namespace, codec::VERSION));
        invocation.arg(interval).arg(tolerance).arg(cost.max(1));
        let wait: u64 = self.run(async move { invocation.invoke_async(&mut connection).await }).await?;
        Some(quota::verdict(wait))
    }

    /// Claims `key` for loading; false when another instance holds the claim. When Redis is away
    /// every instance loads for itself, as it would without Redis.
    pub async fn claim(&self, key: &CacheKey) -> bool {
        let mut connection = self.connection();
        let name = self.key("claim", key);
        let millis = u64::try_from(self.settings.lock_for.as_millis()).unwrap_or(u64::MAX);
        let value = self.instance.clone();
        let set = redis::cmd("SET").arg(name).arg(value).arg("NX").arg("PX").arg(millis).to_owned();
        let claimed: Option<Option<String>> = self.write(async move { set.query_async(&mut connection).await }).await;
        // `Some(None)`: the key exists, another instance loads it.
        !matches!(claimed, Some(None))
    }

    /// Gives a claim back (only this instance's own).
    pub async fn release(&self, key: &CacheKey) {
        let mut connection = self.connection();
        let mut invocation = RELEASE.key(self.key("claim", key));
        invocation.arg(&self.instance);
        let _: Option<i64> = self.run(async move { invocation.invoke_async(&mut connection).await }).await;
    }

    fn channels(&self) -> purges::Channels {
        let prefix = format!("{}:v{}", self.settings.namespace, codec::VERSION);
        purges::Channels { purge: format!("{prefix}:purge"), replaced: format!("{prefix}:replaced") }
    }

    /// Tells every other instance to drop its in-process pages of `marketplace` (or all).
    pub async fn announce_purge(&self, marketplace: Option<&str>) {
        let mut connection = self.connection();
        let (channel, message) = (self.channels().purge, purges::message(&self.instance, marketplace));
        let _: Option<i64> = self.run(async move { connection.publish(channel, message).await }).await;
    }

    /// Tells every other instance that `page`, just stored for `key`, replaces what they hold:
    /// a copy fetched before it is not to be served as fresh.
    pub async fn announce_replaced(&self, key: &CacheKey, page: &CachedPage) {
        let Some(message) = purges::replaced(&self.instance, key, codec::fetched_unix_ms(page)) else { return };
        let mut connection = self.connection();
        let channel = self.channels().replaced;
        let _: Option<i64> = self.run(async move { connection.publish(channel, message).await }).await;
    }

    /// Listens for what other instances announce, sending each to `heard`, for as long as
    /// anyone receives them.
    pub fn follow_others(&self, heard: broadcast::Sender<Heard>) {
        // A ping may wait longer than a command: a resubscription costs more than one slow answer.
        let deadline = self.settings.timeout.max(Duration::from_secs(1));
        let listening = purges::listen(self.client.clone(), self.channels(), self.instance.clone(), heard, deadline);
        tokio::spawn(listening);
    }

    /// Deletes the stored pages of one marketplace, or all; returns how many there were.
    pub async fn purge(&self, marketplace: Option<&str>) -> u64 {
        let pattern = format!("{}:v{}:page:{}:*", self.settings.namespace, codec::VERSION, marketplace.unwrap_or("*"));
        let connection = self.connection();
        let mut cursor = 0u64;
        let mut deleted = 0u64;
        loop {
            let scan = redis::cmd("SCAN").arg(cursor).arg("MATCH").arg(&pattern).arg("COUNT").arg(500).to_owned();
            let mut scanning = connection.clone();
            let Some((next, keys)) =
                self.run(async move { scan.query_async::<(u64, Vec<String>)>(&mut scanning).await }).await
            else {
                return deleted;
            };
            if !keys.is_empty() {
                let mut deleting = connection.clone();
                let count = keys.len() as u64;
                if self.run(async move { deleting.unlink::<_, ()>(keys).await }).await.is_some() {
                    deleted += count;
                }
            }
            cursor = next;
            if cursor == 0 {
                return deleted;
            }
        }
    }
}

#[cfg(test)]
mod tests;
