//! A new registry for a running service (adapters reloaded): requests in flight keep the one
//! they loaded; unchanged marketplaces keep their entry (and so their probe), guard, paging
//! knowledge and cache pages; changed and removed ones lose their pages, here and, through the
//! shared cache's purge channel, on other instances.

use super::service::SearchService;
use crate::marketplace::{Registry, RegistryEntry};
use crate::model::MarketplaceId;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Which marketplaces a new registry added, changed and removed, by id.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Replaced {
    /// Not in the old registry.
    pub added: Vec<String>,
    /// In both, with a different adapter file or settings.
    pub changed: Vec<String>,
    /// Not in the new registry.
    pub removed: Vec<String>,
}

impl Replaced {
    /// Whether any marketplace came, changed or went.
    pub fn touched(&self) -> bool {
        !(self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty())
    }
}

impl SearchService {
    /// Serves `registry` from now on; returns what differs from the registry it replaces.
    pub async fn replace_registry(&self, registry: Registry) -> Replaced {
        let old = self.registry();
        let before: BTreeMap<&MarketplaceId, &RegistryEntry> =
            old.entries().iter().map(|e| (e.marketplace.id(), e)).collect();
        let mut replaced = Replaced::default();
        let mut entries = Vec::new();
        for entry in registry.entries() {
            let id = entry.marketplace.id();
            match before.get(id) {
                Some(old) if old.fingerprint == entry.fingerprint => entries.push((*old).clone()),
                Some(_) => {
                    replaced.changed.push(id.to_string());
                    entries.push(entry.clone());
                }
                None => {
                    replaced.added.push(id.to_string());
                    entries.push(entry.clone());
                }
            }
        }
        let now: Vec<&MarketplaceId> = registry.entries().iter().map(|e| e.marketplace.id()).collect();
        replaced.removed = before.keys().filter(|id| !now.contains(id)).map(ToString::to_string).collect();
        let registry = Registry::from_entries(entries);
        let fresh = |id: &MarketplaceId| replaced.changed.iter().chain(&replaced.added).any(|c| c == id.as_str());
        self.path.adopt(&registry, &|id| !fresh(id));
        self.current.store(Arc::new(registry));
        for id in replaced.changed.iter().chain(&replaced.removed) {
            self.path.purge(Some(id)).await;
            self.path.remembered().forget_marketplace(&MarketplaceId::new(id));
        }
        replaced
    }
}
