//! Loading `adapters/*.toml` into the set of marketplaces the gateway serves.
//!
//! Loading is explicit (`load(dir, …)`): no registration macros, no global state. Secrets and
//! base-URL overrides are read from an [`Env`], so tests and the embedded demo can supply them
//! without touching the process environment. Base URLs can be replaced by the operator's config.

use super::Marketplace;
use super::definition::{AdapterDefinition, Auth, FilterSpec, PaginationKind};
pub use super::files::{Checked, Source, check_bundled, check_dir, check_file, read_bundled, read_dir};
use super::http::{HttpAdapter, pricing_policy, static_headers};
use super::probe::Probe;
use super::upstream::Upstream;
use super::validate::{Problem, base_url_refusal, uses_placeholder};
use crate::normalize::vat;
use axum::http::{HeaderMap, HeaderValue, header};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Environment lookups: explicit overrides first, then the process environment.
#[derive(Debug, Clone, Default)]
pub struct Env {
    overrides: BTreeMap<String, String>,
    process: bool,
}

impl Env {
    /// Reads the process environment.
    pub fn process() -> Self {
        Self { overrides: BTreeMap::new(), process: true }
    }

    /// Only the given overrides; the process environment is ignored (for tests).
    pub fn isolated() -> Self {
        Self::default()
    }

    /// Adds an override that wins over the process environment.
    pub fn with(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.overrides.insert(name.into(), value.into());
        self
    }

    /// Looks a variable up; empty values count as unset.
    pub fn get(&self, name: &str) -> Option<String> {
        let value =
            self.overrides.get(name).cloned().or_else(|| if self.process { std::env::var(name).ok() } else { None });
        value.filter(|v| !v.is_empty())
    }
}

/// Per-marketplace operating settings, resolved from the adapter file and the gateway defaults.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Deadline for one search call.
    pub timeout: Duration,
    /// How long a result stays fresh.
    pub cache_ttl: Duration,
    /// After the TTL, how long a result is served while one refresh runs.
    pub stale_while_revalidate: Duration,
    /// After the TTL, how long a result is served when the marketplace fails.
    pub stale_if_error: Duration,
    /// Most concurrent calls in flight.
    pub concurrency: usize,
    /// Largest page the marketplace serves.
    pub page_size: u32,
    /// Whether pages are chained by cursor (a page without a next cursor is the last).
    pub cursor_paged: bool,
    /// Whether pages are asked for by number (`offset / limit + 1`), so an offset that is not a
    /// multiple of the page size the marketplace really serves lands on the wrong items.
    pub page_numbered: bool,
    /// Whether the request names no page size (`{page_size}`): the marketplace serves pages of
    /// its own size, `page_size`, and a walk pages by that size only, or numbered pages would
    /// be counted in a size the marketplace never used.
    pub fixed_page_size: bool,
    /// Circuit breaker settings.
    pub breaker: super::breaker::BreakerPolicy,
    /// Retry settings.
    pub retry: super::retry::RetryPolicy,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(3),
            cache_ttl: Duration::from_secs(60),
            stale_while_revalidate: Duration::from_secs(30),
            stale_if_error: Duration::from_secs(600),
            concurrency: 32,
            page_size: 50,
            cursor_paged: false,
            page_numbered: false,
            fixed_page_size: false,
            breaker: super::breaker::BreakerPolicy::default(),
            retry: super::retry::RetryPolicy::default(),
        }
    }
}

/// One loaded marketplace and how to operate it.
#[derive(Clone)]
pub struct RegistryEntry {
    /// The marketplace.
    pub marketplace: Arc<dyn Marketplace>,
    /// Display name.
    pub name: String,
    /// Whether it is queried.
    pub enabled: bool,
    /// Deadline, TTL, concurrency.
    pub settings: Settings,
    /// Filters the marketplace applies upstream, by gateway filter name.
    pub pushdown: BTreeMap<String, FilterSpec>,
    /// Its `[probe]`, with the last outcome; `/readyz` uses the last real call without one.
    pub probe: Option<Arc<Probe>>,
    /// Without a `[probe]`: how `/readyz` asks again a marketplace whose last real call failed.
    pub recheck: Arc<Probe>,
    /// A hash of its adapter file and settings: an adapter reload keeps what it learned of a
    /// marketplace whose fingerprint is unchanged (cache pages, breaker, paging).
    pub fingerprint: u64,
}

/// The marketplaces the gateway serves, in a stable order (by id).
#[derive(Clone, Default)]
pub struct Registry {
    entries: Vec<RegistryEntry>,
}

impl Registry {
    /// A registry of already-built marketplaces (Rust adapters, tests).
    pub fn from_entries(mut entries: Vec<RegistryEntry>) -> Self {
        entries.sort_by(|a, b| a.marketplace.id().cmp(b.marketplace.id()));
        Self { entries }
    }

    /// All marketplaces.
    pub fn entries(&self) -> &[RegistryEntry] {
        &self.entries
    }

    /// One marketplace by id.
    pub fn get(&self, id: &str) -> Option<&RegistryEntry> {
        self.position(id).map(|at| &self.entries[at])
    }

    /// Where marketplace `id` is in [`entries`](Self::entries).
    pub fn position(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.marketplace.id().as_str() == id)
    }
}

/// How adapter files are turned into running marketplaces.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Where secrets are read from.
    pub env: Env,
    /// Settings for what adapter files leave out.
    pub defaults: Settings,
    /// Operator overrides by marketplace id.
    pub overrides: BTreeMap<String, Override>,
    /// Whether base URLs may point at internal addresses.
    pub allow_private: bool,
}

/// What an operator may change about a marketplace without editing its adapter file.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Override {
    /// Base URL replacing the file's (a staging endpoint, a sandbox).
    pub base_url: Option<String>,
    /// Deadline replacing the file's, e.g. `"800ms"`.
    #[serde(with = "super::definition::opt_duration")]
    pub timeout: Option<Duration>,
    /// Cache TTL replacing the file's.
    #[serde(with = "super::definition::opt_duration")]
    pub cache_ttl: Option<Duration>,
    /// Calls in flight replacing the file's (what the operator's contract with the marketplace
    /// allows may differ from what the adapter's author assumed).
    pub concurrency: Option<usize>,
}

/// Loads every adapter of `source`; all problems, including missing secrets and internal base
/// URLs of the files that are otherwise valid, are returned together.
pub fn load(source: Source<'_>, options: &LoadOptions, client: &Upstream) -> Result<Registry, Vec<Problem>> {
    let Checked { definitions, mut problems } = match source {
        Source::Dir(dir) => read_dir(dir),
        Source::Bundled => read_bundled(),
    };
    let mut entries = Vec::new();
    for name in unknown_overrides(definitions.iter().map(|(_, def)| def.id.as_str()), options) {
        tracing::warn!(marketplace = %name, "[marketplaces.{name}] overrides a marketplace no adapter file defines; it changes nothing");
    }
    for (file, def) in definitions {
        match reachable_with_secrets(&def, options) {
            Ok(headers) => entries.push(build_entry(def, headers, options, client)),
            Err(found) => {
                problems.extend(found.into_iter().map(|(key, message)| Problem::new(file.clone(), key, message)))
            }
        }
    }
    if problems.is_empty() { Ok(Registry::from_entries(entries)) } else { Err(problems) }
}

/// The ids `options` overrides that none of `ids` is: a misspelt `[marketplaces.<id>]` would
/// silently leave the file's base URL (production, say) in use.
pub fn unknown_overrides<'a>(ids: impl Iterator<Item = &'a str>, options: &LoadOptions) -> Vec<String> {
    let ids: Vec<&str> = ids.collect();
    options.overrides.keys().filter(|id| !ids.contains(&id.as_str())).cloned().collect()
}

/// File rates (after their rules) no law has in force since 1 April 2022: a `vat_rate = "10"`
/// never updated. Served all the same, so `pasar check` warns of them (review39n R39n-2).
pub fn rates_not_in_force(definitions: &[(PathBuf, AdapterDefinition)]) -> Vec<Problem> {
    let mut found = Vec::new();
    for (file, def) in definitions {
        let ledger = def.transactions.as_ref().map(|t| {
            (
                "transactions.pricing.vat_rate",
                &t.pricing,
                "ledger entries stating no rate are split at the rate of their date instead",
            )
        });
        let offers = ("pricing.vat_rate", &def.pricing, "offers stating no rate are charged it");
        for (key, pricing, effect) in std::iter::once(offers).chain(ledger) {
            let rate = pricing_policy(pricing).default_effective();
            if !vat::in_force_today(rate) {
                let message = format!(
                    "PPN of {rate} % is in force on no date since 1 April 2022 (11 %; 12 % on luxury goods): {effect}"
                );
                found.push(Problem::new(file.clone(), key, message));
            }
        }
    }
    found
}

/// What [`load`] refuses in valid adapter files under `options`: a base URL on an internal address
/// (after overrides) or a secret missing from the environment. `pasar check` reports them.
pub fn unservable(definitions: &[(PathBuf, AdapterDefinition)], options: &LoadOptions) -> Vec<Problem> {
    definitions
        .iter()
        .flat_map(|(file, def)| {
            let found = reachable_with_secrets(def, options).err().unwrap_or_default();
            found.into_iter().map(|(key, message)| Problem::new(file.clone(), key, message))
        })
        .collect()
}

/// The headers to call `def` with, once its base URL passed the egress rule; else every reason
/// it cannot be served (its URL and each secret unset), so one run of `pasar check` lists them all.
fn reachable_with_secrets(def: &AdapterDefinition, options: &LoadOptions) -> Result<HeaderMap, Vec<(String, String)>> {
    let mut problems: Vec<(String, String)> = check_egress(def, options).err().into_iter().collect();
    problems.extend(unset_secrets(def, &options.env));
    if !problems.is_empty() {
        return Err(problems);
    }
    resolve_headers(def, &options.env).map_err(|(key, message)| vec![(key.to_string(), message)])
}

/// Each secret `def` names that the environment does not hold.
fn unset_secrets(def: &AdapterDefinition, env: &Env) -> Vec<(String, String)> {
    def.auth
        .secrets()
        .into_iter()
        .filter(|(_, var)| env.get(var).is_none())
        .map(|(key, var)| (key.to_string(), format!("environment variable {var} is not set")))
        .collect()
}

/// The base URL actually used must be a public address unless the operator allows internal ones;
/// an operator's override must be a base URL the file could have held.
fn check_egress(def: &AdapterDefinition, options: &LoadOptions) -> Result<(), (String, String)> {
    let overridden = options.overrides.get(&def.id).and_then(|o| o.base_url.as_deref());
    let key =
        if overridden.is_some() { format!("(override marketplaces.{}.base_url)", def.id) } else { "base_url".into() };
    if let Some(refusal) = overridden.and_then(base_url_refusal) {
        return Err((key, refusal));
    }
    let url =
        url::Url::parse(overridden.unwrap_or(&def.base_url)).map_err(|e| (key.clone(), format!("not a URL ({e})")))?;
    if options.allow_private {
        return Ok(());
    }
    super::egress::check_base_url(&url).map_err(|message| (key, format!("`{url}` {message}")))
}

fn build_entry(def: AdapterDefinition, headers: HeaderMap, options: &LoadOptions, client: &Upstream) -> RegistryEntry {
    let defaults = options.defaults;
    let overrides = options.overrides.get(&def.id).cloned().unwrap_or_default();
    let base_url = overrides.base_url.unwrap_or_else(|| def.base_url.clone());
    let settings = Settings {
        timeout: overrides.timeout.or(def.limits.timeout).unwrap_or(defaults.timeout),
        cache_ttl: overrides.cache_ttl.or(def.limits.cache_ttl).unwrap_or(defaults.cache_ttl),
        stale_while_revalidate: def.limits.stale_while_revalidate.unwrap_or(defaults.stale_while_revalidate),
        stale_if_error: def.limits.stale_if_error.unwrap_or(defaults.stale_if_error),
        concurrency: overrides.concurrency.or(def.limits.concurrency).unwrap_or(defaults.concurrency).max(1),
        page_size: def.pagination.max_page_size,
        cursor_paged: def.pagination.kind == PaginationKind::Cursor,
        page_numbered: def.pagination.kind == PaginationKind::Page,
        fixed_page_size: !uses_placeholder(&def.request, "page_size"),
        breaker: defaults.breaker,
        retry: defaults.retry,
    };
    // The headers' values count (a rotated secret is a change); only their hash is kept.
    let fingerprint = {
        use std::hash::{Hash, Hasher};
        let mut hasher = fnv::FnvHasher::default();
        format!("{def:?}{base_url}{settings:?}").hash(&mut hasher);
        for (name, value) in &headers {
            (name.as_str(), value.as_bytes()).hash(&mut hasher);
        }
        hasher.finish()
    };
    RegistryEntry {
        fingerprint,
        probe: def.probe.as_ref().map(|spec| Arc::new(Probe::new(spec, settings.timeout))),
        recheck: Arc::new(Probe::recheck()),
        pushdown: def.filters.clone(),
        name: def.name.clone(),
        enabled: def.enabled,
        settings,
        marketplace: Arc::new(HttpAdapter::new(def, base_url, headers, client.clone())),
    }
}

/// The adapter's static headers plus its credentials, or the key and reason a secret is missing.
fn resolve_headers(def: &AdapterDefinition, env: &Env) -> Result<HeaderMap, (&'static str, String)> {
    let mut headers = static_headers(def);
    let secret = |key: &'static str, var: &str| {
        env.get(var).ok_or_else(|| (key, format!("environment variable {var} is not set")))
    };
    let sensitive = |text: String, key: &'static str| {
        let mut value =
            HeaderValue::from_str(&text).map_err(|_| (key, "the secret is not a valid header value".to_string()))?;
        value.set_sensitive(true);
        Ok::<_, (&'static str, String)>(value)
    };
    match &def.auth {
        Auth::None => {}
        Auth::Bearer { token_env } => {
            let token = secret("auth.token_env", token_env)?;
            headers.insert(header::AUTHORIZATION, sensitive(format!("Bearer {token}"), "auth.token_env")?);
        }
        Auth::ApiKeyHeader { header: name, key_env } => {
            let key = secret("auth.key_env", key_env)?;
            let name = axum::http::HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| ("auth.header", "not a valid header name".to_string()))?;
            headers.insert(name, sensitive(key, "auth.key_env")?);
        }
        Auth::Basic { username_env, password_env } => {
            use base64::Engine as _;
            let user = secret("auth.username_env", username_env)?;
            let password = secret("auth.password_env", password_env)?;
            headers.insert(
                header::AUTHORIZATION,
                sensitive(
                    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))),
                    "auth.password_env",
                )?,
            );
        }
    }
    Ok(headers)
}
