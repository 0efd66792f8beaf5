//! A registered marketplace as the API shows it.

use super::count::clamp_i32;
use crate::marketplace::RegistryEntry;
use crate::model::MarketplaceId;
use crate::search::SearchService;
use async_graphql::{Context, ID, Object};

/// A registered marketplace.
#[derive(Clone)]
pub(super) struct MarketplaceView(pub(super) RegistryEntry);

/// Looks a marketplace up for a resolver; every id in a result comes from the registry.
pub(super) fn marketplace(ctx: &Context<'_>, id: &MarketplaceId) -> async_graphql::Result<MarketplaceView> {
    let registry = ctx.data_unchecked::<SearchService>().registry();
    registry
        .get(id.as_str())
        .cloned()
        .map(MarketplaceView)
        .ok_or_else(|| format!("marketplace `{id}` is no longer registered").into())
}

/// A marketplace Pasar federates, as its adapter file describes it.
#[Object(name = "Marketplace", serial)]
impl MarketplaceView {
    /// Stable id, as in its adapter file (`"mbiz"`).
    async fn id(&self) -> ID {
        ID(self.0.marketplace.id().to_string())
    }
    /// Human-readable name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Whether searches ask it.
    async fn enabled(&self) -> bool {
        self.0.enabled
    }
    /// Its deadline per search, in milliseconds.
    async fn timeout_ms(&self) -> i32 {
        clamp_i32(self.0.settings.timeout.as_millis())
    }
    /// How long its results stay fresh in the cache, in seconds.
    async fn cache_ttl_seconds(&self) -> i32 {
        clamp_i32(self.0.settings.cache_ttl.as_secs())
    }
}
