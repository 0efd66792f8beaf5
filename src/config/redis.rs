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
