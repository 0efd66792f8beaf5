//! Gateway configuration: `pasar.toml`, then `PASAR_*` environment overrides, over defaults.
//!
//! Nested keys use `__` in environment names: `PASAR_CACHE__BUDGET_MB=64`,
//! `PASAR_MARKETPLACES__MBIZ__BASE_URL=https://…` (a `-` in a marketplace id is written `_`).
//! Secrets are never configured here: adapter files name the environment variables that hold them.

use crate::marketplace::breaker::BreakerPolicy;
use crate::marketplace::retry::RetryPolicy;
use crate::marketplace::{Override, Settings};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Environment variable holding the admin token; unset disables admin mutations.
pub const ADMIN_TOKEN_ENV: &str = "PASAR_ADMIN_TOKEN";

/// `PASAR_*` variables that hold secrets rather than settings.
const SECRET_VARS: &[&str] = &[ADMIN_TOKEN_ENV, REDIS_PASSWORD_ENV, METRICS_TOKEN_ENV];

/// Environment variable holding the bearer token `/metrics` asks for (see `startup/metrics.rs`).
pub const METRICS_TOKEN_ENV: &str = "PASAR_METRICS_TOKEN";

/// Environment variable holding the Redis password (`AUTH`), never written in a file.
pub const REDIS_PASSWORD_ENV: &str = "PASAR_REDIS_PASSWORD";

/// Everything the gateway needs to start.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address the GraphQL server listens on: `127.0.0.1:8080`, `[::1]:8080`, or a host name
    /// (`localhost:8080`), resolved once at start.
    #[serde(deserialize_with = "listen::deserialize")]
    pub listen: SocketAddr,
    /// Directory of adapter files.
    pub adapters_dir: PathBuf,
    /// Load the adapter files bundled in the binary instead of `adapters_dir` (the embedded demo,
    /// which must start from any folder). Not a file setting.
    #[serde(skip)]
    pub bundled_adapters: bool,
    /// The file it was read from, for the lines of its problems. Not a file setting.
    #[serde(skip)]
    pub source: Option<PathBuf>,
    /// Settings for marketplaces whose adapter file does not set them.
    pub defaults: Defaults,
    /// The result cache.
    pub cache: CacheConfig,
    /// Limits every GraphQL request is checked against before it runs.
    pub limits: RequestLimits,
    /// Where the gateway may connect.
    pub egress: Egress,
    /// Connection timeouts and caps of the HTTP server.
    pub http: HttpConfig,
    /// Per-marketplace overrides by id (`[marketplaces.mbiz] base_url = …, timeout = "1s"`).
    pub marketplaces: BTreeMap<String, Override>,
    /// Clients known by API key (`[clients.dinas-kominfo] key_sha256 = "…"`); any other client
    /// counts as its address, whatever key it sends.
    pub clients: BTreeMap<String, ClientConfig>,
    /// How Pasar logs (`[log]`).
    pub log: LogConfig,
    /// Readiness, traces, adapter reloading (`[telemetry]`).
    pub telemetry: TelemetryConfig,
}

/// One client known by its API key. The key itself is never written in a file: only its SHA-256.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientConfig {
    /// SHA-256 of the key the client sends in `x-api-key` (64 hex digits, as
    /// `printf %s "$KEY" | sha256sum` prints it).
    pub key_sha256: String,
    /// Its own request budget; the `[limits.rate]` budget when absent.
    pub rate: Option<RateLimit>,
    /// What it may do beyond searching: `admin` runs operator mutations (as the admin token does),
    /// `transactions` lists spending transactions; any other scope is refused ([`Scope`]).
    #[serde(default)]
    pub scopes: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            adapters_dir: PathBuf::from("adapters"),
            bundled_adapters: false,
            source: None,
            defaults: Defaults::default(),
            cache: CacheConfig::default(),
            limits: RequestLimits::default(),
            egress: Egress::default(),
            http: HttpConfig::default(),
            marketplaces: BTreeMap::new(),
            clients: BTreeMap::new(),
            log: LogConfig::default(),
            telemetry: TelemetryConfig::default(),
        }
    }
}

/// Gateway-wide marketplace defaults.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Defaults {
    /// Deadline per marketplace call, e.g. `"3s"`.
    #[serde(with = "duration")]
    pub timeout: Duration,
    /// Freshness of cached results, e.g. `"60s"`.
    #[serde(with = "duration")]
    pub cache_ttl: Duration,
    /// After the TTL, how long results are served while one refresh runs.
    #[serde(with = "duration")]
    pub stale_while_revalidate: Duration,
    /// After the TTL, how long results are served when their marketplace fails.
    #[serde(with = "duration")]
    pub stale_if_error: Duration,
    /// Concurrent calls per marketplace (an adapter file's own `concurrency` wins); calls beyond
    /// it wait in line while their deadline allows, and are shed (`OVERLOADED`) when it does not.
    pub concurrency: usize,
    /// Retries of a transient failure inside the deadline (0 disables retrying).
    pub retries: u32,
    /// Consecutive failures that open a marketplace's circuit breaker (0 disables it).
    pub breaker_threshold: u32,
    /// How long an opened breaker refuses calls before one probe, e.g. `"5s"`; doubles per failed probe.
    #[serde(with = "duration")]
    pub breaker_open_for: Duration,
    /// The longest a marketplace's `Retry-After` (on a 429) holds its calls off, e.g. `"5m"`.
    #[serde(with = "duration")]
    pub max_retry_after: Duration,
}

impl Default for Defaults {
    fn default() -> Self {
        let settings = Settings::default();
        Self {
            timeout: settings.timeout,
            cache_ttl: settings.cache_ttl,
            stale_while_revalidate: settings.stale_while_revalidate,
            stale_if_error: settings.stale_if_error,
            concurrency: settings.concurrency,
            retries: settings.retry.max_retries,
            breaker_threshold: settings.breaker.threshold,
            breaker_open_for: settings.breaker.open_for,
            max_retry_after: settings.breaker.max_retry_after,
        }
    }
}

impl Defaults {
    /// As marketplace settings (page size and paging come from each adapter).
    pub fn settings(&self) -> Settings {
        Settings {
            timeout: self.timeout,
            cache_ttl: self.cache_ttl,
            stale_while_revalidate: self.stale_while_revalidate,
            stale_if_error: self.stale_if_error,
            concurrency: self.concurrency,
            retry: RetryPolicy { max_retries: self.retries, ..RetryPolicy::default() },
            breaker: BreakerPolicy {
                threshold: self.breaker_threshold,
                open_for: self.breaker_open_for,
                max_retry_after: self.max_retry_after,
                ..BreakerPolicy::default()
            },
            ..Settings::default()
        }
    }
}

/// Limits on incoming GraphQL requests; each rejection says which limit.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RequestLimits {
    /// Largest request body, in bytes.
    pub max_body_bytes: usize,
    /// Most operations in one batch.
    pub max_batch: usize,
    /// Most lexical tokens in one query.
    pub max_tokens: usize,
    /// Deepest nesting of `{`, `(` and `[` in the query text.
    pub max_nesting: usize,
    /// Most aliases in one query.
    pub max_aliases: usize,
    /// Most root fields in one query.
    pub max_root_fields: usize,
    /// Most `search`/`compare`/`searchStream`/`spending`/`spendingRanking` selections per request
    /// (each asks every marketplace, or every ledger).
    pub max_fan_out_fields: usize,
    /// Deepest path of fields, fragments spread in.
    pub max_depth: usize,
    /// Most fields of one document, every operation, fragments spread in (a fragment spread
    /// twice counts twice): async-graphql's complexity, one per field. It bounds what a few lines
    /// of fragments spreading each other can ask.
    pub max_complexity: usize,
    /// Whether introspection queries are answered (GraphiQL needs them).
    pub introspection: bool,
    /// Whether "did you mean" suggestions are given for unknown fields.
    pub suggestions: bool,
    /// Requests per client (a configured `[clients]` key, else the address; IPv6 by /64), over
    /// every door: `/graphql` (POST, each operation of a batch, GET, each WebSocket `subscribe`)
    /// and the buyer's pages.
    pub rate: RateLimit,
    /// Operations running at once on one WebSocket.
    pub max_socket_operations: usize,
    /// `searchStream` fan-outs running at once per client, over all its sockets.
    pub max_streams_per_client: usize,
}

/// A per-client request budget.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RateLimit {
    /// Sustained requests per second; 0 disables limiting.
    pub per_second: u32,
    /// Requests allowed at once above the sustained rate.
    pub burst: u32,
}

impl Default for RateLimit {
    fn default() -> Self {
        Self { per_second: 50, burst: 100 }
    }
}

impl Default for RequestLimits {
    fn default() -> Self {
        Self {
            max_body_bytes: 256 * 1024,
            max_batch: 10,
            max_tokens: 10_000,
            max_nesting: 32,
            max_aliases: 30,
            max_root_fields: 20,
            max_fan_out_fields: 4,
            max_depth: 16,
            max_complexity: 2_000,
            introspection: true,
            suggestions: true,
            rate: RateLimit::default(),
            max_socket_operations: 16,
            max_streams_per_client: 4,
        }
    }
}

/// Outbound connection policy.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Egress {
    /// Allow marketplaces on loopback, private, link-local and metadata addresses (the embedded
    /// demo's sandboxes run on loopback). Off by default.
    pub allow_private: bool,
}

/// Result cache settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CacheConfig {
    /// Memory budget of the result cache in MiB; offers kept for `offer(id)` get a quarter more.
    pub budget_mb: u64,
    /// A Redis shared by several instances, under the in-process cache; none by default.
    pub redis: Option<RedisConfig>,
}

impl Default for CacheConfig {
    fn default() -> Self {
        Self { budget_mb: crate::cache::DEFAULT_BUDGET_BYTES / (1024 * 1024), redis: None }
    }
}

impl Config {
    /// Reads `file` (when given) and the `PASAR_*` environment over the defaults; the file's
    /// relative paths are read from its folder.
    pub fn load(file: Option<&Path>) -> Result<Self, LoadError> {
        let mut builder = config::Config::builder();
        if let Some(file) = file {
            file::check(file)?;
            builder = builder.add_source(config::File::from(file).format(config::FileFormat::Toml).required(true));
        }
        // Secrets share the PASAR_ prefix but are not configuration: they are read from the
        // environment where they are used, and must not be mistaken for unknown keys here.
        let vars = std::env::vars().filter(|(name, _)| !SECRET_VARS.contains(&name.as_str())).collect();
        let env = config::Environment::with_prefix("PASAR")
            .prefix_separator("_")
            .separator("__")
            .try_parsing(true)
            // `PASAR_HTTP__CORS_ORIGINS=https://a.example,https://b.example`.
            .list_separator(",")
            .with_list_parse_key("http.cors_origins")
            .source(Some(vars));
        let mut config: Self =
            builder.add_source(env).build().and_then(config::Config::try_deserialize).map_err(|e| {
                let over = file.map(|f| format!(" over {}", f.display())).unwrap_or_default();
                LoadError(format!("the PASAR_* environment{over}: {e}"))
            })?;
        if let Some(file) = file {
            file::resolve_paths(&mut config, file);
            config.source = Some(file.to_path_buf());
        }
        Ok(config)
    }

    /// Overrides keyed by marketplace id, whichever way the id was spelt (`jatim_bejo` from the
    /// environment matches `jatim-bejo`).
    pub fn overrides(&self) -> BTreeMap<String, Override> {
        self.marketplaces.iter().map(|(id, o)| (id.replace('_', "-"), o.clone())).collect()
    }
}

/// A listen address as a server CLI takes it: an IP address and port (`0.0.0.0:8080`,
/// `[::1]:8080`), or a host name and port (`localhost:8080`), resolved to its first address.
pub fn parse_listen(text: &str) -> Result<SocketAddr, String> {
    if let Ok(addr) = text.parse() {
        return Ok(addr);
    }
    let Some((host, port)) = text.rsplit_once(':') else {
        return Err(format!("`{text}` needs a port: HOST:PORT, e.g. localhost:8080"));
    };
    let port: u16 = port.parse().map_err(|_| format!("`{text}`: `{port}` is not a port number"))?;
    let host = host.trim_start_matches('[').trim_end_matches(']');
    // The standard resolver: /etc/hosts, then DNS, as every server CLI resolves its address.
    let mut found = std::net::ToSocketAddrs::to_socket_addrs(&(host, port))
        .map_err(|e| format!("`{text}`: the host name does not resolve: {e}"))?;
    found.next().ok_or_else(|| format!("`{text}`: the host name resolves to no address"))
}

mod listen {
    use serde::{Deserialize, Deserializer};
    use std::net::SocketAddr;

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<SocketAddr, D::Error> {
        super::parse_listen(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

mod bounds;
mod file;
mod http;
mod log;
mod redis;
mod telemetry;
mod values;

pub use bounds::MAX_WORKERS;
pub use file::LoadError;
pub use http::HttpConfig;
pub use log::{LogConfig, LogFormat};
pub use redis::RedisConfig;
pub use telemetry::TelemetryConfig;
pub use values::Scope;

/// Durations as text (`"800ms"`, `"3s"`).
mod duration {
    use serde::{Deserialize, Deserializer};
    use std::time::Duration;

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        let text = String::deserialize(d)?;
        humantime::parse_duration(&text)
            .map_err(|e| serde::de::Error::custom(format!("`{text}` is not a duration like \"800ms\" or \"2s\" ({e})")))
    }
}

#[cfg(test)]
mod tests;
