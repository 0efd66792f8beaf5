//! The Redis shared by several instances, built from `[cache.redis]` and the environment.

use super::StartupError;
use crate::cache::{RedisLevel, RedisSettings};
use crate::config::{Config, REDIS_PASSWORD_ENV};
use crate::marketplace::Env;
use std::sync::Arc;

/// The Redis `[cache.redis]` names, shared by every instance using it; none without the section.
pub(super) async fn level(config: &Config, env: &Env) -> Result<Option<Arc<RedisLevel>>, StartupError> {
    let Some(redis) = &config.cache.redis else { return Ok(None) };
    let ca_pem = match &redis.ca_file {
        Some(path) => Some(
            std::fs::read(path)
                .map_err(|e| StartupError::Http(format!("[cache.redis] ca_file {}: {e}", path.display())))?,
        ),
        None => None,
    };
    let settings = RedisSettings {
        ca_pem,
        url: redis.url.clone(),
        password: env.get(REDIS_PASSWORD_ENV),
        timeout: redis.timeout,
        lock_for: redis.lock_for,
        namespace: redis.namespace.clone(),
    };
    let level = RedisLevel::new(settings).map_err(|e| StartupError::Http(e.to_string()))?;
    level.connect().await;
    Ok(Some(Arc::new(level)))
}
