//! `[cache.redis]`: the cache level several instances share.

use super::duration;
use serde::Deserialize;
use std::path::PathBuf;
use std::time::Duration;

/// The shared cache level (`[cache.redis]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RedisConfig {
    /// `redis://host:port/db` (`PASAR_CACHE__REDIS__URL`); the password comes from
    /// `PASAR_REDIS_PASSWORD`, never from here.
    pub url: String,
    /// Longest wait for one Redis command; past it the request goes on without Redis.
    #[serde(with = "duration")]
    pub timeout: Duration,
    /// How long a cold key stays claimed by the instance loading it; others wait up to this.
    #[serde(with = "duration")]
    pub lock_for: Duration,
    /// Prefix of every key, so several deployments can share one Redis.
    pub namespace: String,
    /// With a `rediss://` URL: the PEM file of the CA that signed Redis's certificate, when it
    /// is not in the system's trust store (a private CA).
    pub ca_file: Option<PathBuf>,
}

/// The shortest and longest `timeout`: 0 times every command out (Redis is never used), and a
/// request waits this long on a Redis gone silent before going on without it.
const TIMEOUT: (Duration, Duration) = (Duration::from_millis(1), Duration::from_secs(5));

/// The shortest and longest `lock_for`: Redis refuses a claim of 0 ms (`SET … PX 0`), and no load
/// outlasts the longest marketplace deadline (120 s), so a longer claim only keeps the others
/// waiting on an instance that died holding it.
const LOCK_FOR: (Duration, Duration) = (Duration::from_millis(100), Duration::from_secs(120));

impl RedisConfig {
    /// Each setting out of its bounds, as ("`[cache.redis] key`", reason) (review40o R40o-13).
    pub(super) fn problems(&self) -> Vec<(String, String)> {
        let bounded = [("timeout", self.timeout, TIMEOUT), ("lock_for", self.lock_for, LOCK_FOR)];
        bounded
            .into_iter()
            .filter(|(_, set, (least, most))| set < least || set > most)
            .map(|(key, set, (least, most))| {
                let [set, least, most] = [set, least, most].map(humantime::format_duration);
                (format!("[cache.redis] {key}"), format!("{set} must be at least {least} and at most {most}"))
            })
            .collect()
    }
}

impl Default for RedisConfig {
    fn default() -> Self {
        Self {
            url: "redis://127.0.0.1:6379".into(),
            timeout: Duration::from_millis(50),
            lock_for: Duration::from_secs(5),
            namespace: "pasar".into(),
            ca_file: None,
        }
    }
}
