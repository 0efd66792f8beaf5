//! A registered marketplace as the API shows it.

use super::count::clamp_i32;
use crate::marketplace::{Registry, RegistryEntry};
use crate::model::MarketplaceId;
use crate::search::SearchService;
use async_graphql::{Context, ID, Object};
use std::sync::{Arc, OnceLock};

/// A registered marketplace: one entry of the registry it was looked up in. It holds the
/// registry rather than a copy of the entry: every offer of an answer resolves its marketplace,
/// and copying the entry (its name, settings and filter map) for each was 1.5 % of a miss's CPU
/// over the sandboxes.
#[derive(Clone)]
pub(super) struct MarketplaceView {
    registry: Arc<Registry>,
    at: usize,
}

impl MarketplaceView {
    /// Every registered marketplace, in the registry's order.
    pub(super) fn all(registry: &Arc<Registry>) -> Vec<Self> {
        (0..registry.entries().len()).map(|at| Self { registry: Arc::clone(registry), at }).collect()
    }

    fn entry(&self) -> &RegistryEntry {
        &self.registry.entries()[self.at]
    }
}

/// The registry one request works on, loaded by its first use and held to its end: a reload
/// that removes a marketplace while the request runs must not leave its answer naming one the
/// request can no longer resolve (review35o O35-3).
#[derive(Default)]
pub(super) struct RequestRegistry(OnceLock<Arc<Registry>>);

/// The request's registry (see [`RequestRegistry`]); the current one outside a request.
pub(super) fn registry(ctx: &Context<'_>) -> Arc<Registry> {
    let service = ctx.data_unchecked::<SearchService>();
    match ctx.data_opt::<RequestRegistry>() {
        Some(held) => Arc::clone(held.0.get_or_init(|| service.registry())),
        None => service.registry(),
    }
}

/// Looks a marketplace up for a resolver; every id in a result comes from the request's registry.
pub(super) fn marketplace(ctx: &Context<'_>, id: &MarketplaceId) -> async_graphql::Result<MarketplaceView> {
    let registry = registry(ctx);
    match registry.position(id.as_str()) {
        Some(at) => Ok(MarketplaceView { registry, at }),
        None => Err(format!("marketplace `{id}` is no longer registered").into()),
    }
}

/// A marketplace Pasar federates, as its adapter file describes it.
#[Object(name = "Marketplace", serial)]
impl MarketplaceView {
    /// Stable id, as in its adapter file (`"mbiz"`).
    async fn id(&self) -> ID {
        ID(self.entry().marketplace.id().to_string())
    }
    /// Human-readable name.
    async fn name(&self) -> &str {
        &self.entry().name
    }
    /// Whether searches ask it.
    async fn enabled(&self) -> bool {
        self.entry().enabled
    }
    /// Its deadline per search, in milliseconds.
    async fn timeout_ms(&self) -> i32 {
        clamp_i32(self.entry().settings.timeout.as_millis())
    }
    /// How long its results stay fresh in the cache, in seconds.
    async fn cache_ttl_seconds(&self) -> i32 {
        clamp_i32(self.entry().settings.cache_ttl.as_secs())
    }
}
