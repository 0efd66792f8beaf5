//! Merging one vendor's accounts on several marketplaces into one `Vendor`.
//!
//! The rule (reference/domain.md §5.4): the NPWP entity key (first 9 digits of NPWP15, shared by
//! branches) decides first, and two different NPWPs are never merged, however alike the names. A
//! record without an NPWP joins by canonical name plus resolved region; with neither, it stays a
//! vendor of its own, because CV and UD names repeat across cities.
//!
//! Vendor ids are derived from the data (`npwp-012345678`, `name-PT:MAJU JAYA@35.78`), so every
//! gateway instance gives the same vendor the same id without sharing state.

use crate::model::{BusinessScale, MarketplaceId, Offer, VendorRecord};
use std::collections::{BTreeSet, HashMap};
use std::sync::RwLock;

/// Most vendors remembered; beyond it, new vendors are served unmerged rather than growing memory.
const MAX_VENDORS: usize = 200_000;
/// Most offer ids remembered per vendor for `vendor(id) { offers }`.
const MAX_OFFERS_PER_VENDOR: usize = 200;

/// One marketplace's account of a vendor.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Account {
    /// The marketplace.
    pub marketplace: MarketplaceId,
    /// The account id there.
    pub source_id: String,
    /// The name as that marketplace writes it.
    pub raw_name: String,
    /// The location as that marketplace writes it.
    pub location: Option<String>,
}

/// A vendor merged across marketplaces.
#[derive(Debug, Clone)]
pub struct Vendor {
    /// Derived id (see the module docs).
    pub id: String,
    /// The record the vendor is shown by (the first seen with an NPWP, else the first seen).
    pub record: VendorRecord,
    /// Every account, sorted by marketplace then id.
    pub accounts: BTreeSet<Account>,
    /// Ids of offers seen from this vendor, oldest first.
    pub offer_ids: Vec<String>,
}

#[derive(Default)]
struct Inner {
    vendors: HashMap<String, Vendor>,
    /// `name_key@region` → the NPWP vendor with that name and region, or `None` when two
    /// different NPWPs share it (then name-only records cannot be placed and stay apart).
    by_name: HashMap<String, Option<String>>,
}

/// All vendors seen, merged.
#[derive(Default)]
pub struct VendorDirectory {
    inner: RwLock<Inner>,
}

fn name_region(record: &VendorRecord) -> Option<String> {
    record.region_code.map(|region| format!("{}@{region}", record.name_key))
}

/// The id a record would have on its own, before any name-to-NPWP join.
pub fn own_id(marketplace: &MarketplaceId, record: &VendorRecord) -> String {
    match (&record.entity_key, name_region(record)) {
        (Some(entity), _) => format!("npwp-{entity}"),
        (None, Some(name)) => format!("name-{name}"),
        (None, None) => format!("account-{marketplace}-{}", record.source_id),
    }
}

impl VendorDirectory {
    /// Records the vendors of freshly normalised offers.
    pub fn record(&self, offers: &[Offer]) {
        let Ok(mut inner) = self.inner.write() else { return };
        for offer in offers {
            inner.add(offer);
        }
    }

    /// The merged vendor of an offer's record; a single-account vendor when it was never recorded.
    pub fn vendor_of(&self, marketplace: &MarketplaceId, record: &VendorRecord) -> Vendor {
        let id = self.inner.read().ok().and_then(|inner| inner.resolve(marketplace, record));
        id.and_then(|id| self.get(&id)).unwrap_or_else(|| Vendor {
            id: own_id(marketplace, record),
            record: record.clone(),
            accounts: BTreeSet::from([account(marketplace, record)]),
            offer_ids: Vec::new(),
        })
    }

    /// A vendor by id.
    pub fn get(&self, id: &str) -> Option<Vendor> {
        self.inner.read().ok()?.vendors.get(id).cloned()
    }
}

fn account(marketplace: &MarketplaceId, record: &VendorRecord) -> Account {
    Account {
        marketplace: marketplace.clone(),
        source_id: record.source_id.clone(),
        raw_name: record.raw_name.clone(),
        location: record.location.clone(),
    }
}

impl Inner {
    /// Which existing vendor a record belongs to.
    fn resolve(&self, marketplace: &MarketplaceId, record: &VendorRecord) -> Option<String> {
        if record.entity_key.is_none()
            && let Some(Some(id)) = name_region(record).and_then(|key| self.by_name.get(&key))
        {
            return Some(id.clone());
        }
        let id = own_id(marketplace, record);
        self.vendors.contains_key(&id).then_some(id)
    }

    fn add(&mut self, offer: &Offer) {
        let record = &offer.vendor;
        let id = self.resolve(&offer.marketplace, record).unwrap_or_else(|| own_id(&offer.marketplace, record));
        if !self.vendors.contains_key(&id) && self.vendors.len() >= MAX_VENDORS {
            return;
        }
        let vendor = self.vendors.entry(id.clone()).or_insert_with(|| Vendor {
            id: id.clone(),
            record: record.clone(),
            accounts: BTreeSet::new(),
            offer_ids: Vec::new(),
        });
        vendor.accounts.insert(account(&offer.marketplace, record));
        if vendor.record.scale == BusinessScale::Unknown {
            vendor.record.scale = record.scale;
        }
        let offer_id = offer.gateway_id();
        if vendor.offer_ids.len() < MAX_OFFERS_PER_VENDOR && !vendor.offer_ids.contains(&offer_id) {
            vendor.offer_ids.push(offer_id);
        }
        if record.entity_key.is_some() {
            self.link_name(record, &id);
        }
    }

    /// Points `name@region` at an NPWP vendor, absorbing a name-only vendor seen before it.
    fn link_name(&mut self, record: &VendorRecord, id: &str) {
        let Some(key) = name_region(record) else { return };
        match self.by_name.get(&key) {
            Some(Some(existing)) if existing != id => {
                self.by_name.insert(key, None);
            }
            Some(_) => {}
            None => {
                self.by_name.insert(key.clone(), Some(id.to_string()));
                if let Some(orphan) = self.vendors.remove(&format!("name-{key}"))
                    && let Some(target) = self.vendors.get_mut(id)
                {
                    target.accounts.extend(orphan.accounts);
                    target.offer_ids.extend(orphan.offer_ids);
                    target.offer_ids.truncate(MAX_OFFERS_PER_VENDOR);
                }
            }
        }
    }
}
