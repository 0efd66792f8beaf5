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
    /// Vendors merged into another after both were seen: old id → surviving id.
    redirects: HashMap<String, String>,
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

/// The id a record would have on its own, before any name-to-NPWP join. A 16-digit key is a
/// NIK used as NPWP (individuals); a 9-digit key is the entity part of an NPWP15.
pub fn own_id(marketplace: &MarketplaceId, record: &VendorRecord) -> String {
    match (&record.entity_key, name_region(record)) {
        (Some(entity), _) if entity.len() == 16 => format!("nik-{entity}"),
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

    /// A vendor by id (also by the id of a vendor since merged into it).
    pub fn get(&self, id: &str) -> Option<Vendor> {
        let inner = self.inner.read().ok()?;
        inner.vendors.get(inner.follow(id)).cloned()
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
    /// The surviving id of a possibly merged vendor.
    fn follow<'a>(&'a self, mut id: &'a str) -> &'a str {
        while let Some(next) = self.redirects.get(id) {
            id = next;
        }
        id
    }

    /// Which existing vendor a record belongs to.
    fn resolve(&self, marketplace: &MarketplaceId, record: &VendorRecord) -> Option<String> {
        if record.entity_key.is_none()
            && let Some(Some(id)) = name_region(record).and_then(|key| self.by_name.get(&key))
        {
            return Some(self.follow(id).to_string());
        }
        let id = own_id(marketplace, record);
        let id = self.follow(&id).to_string();
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
    ///
    /// Two different NPWPs under one name and region stay apart (and the name stops placing
    /// name-only records). An individual's NIK and the same individual's NPWP15 cannot be
    /// compared digit by digit, so under one name and region they are taken as one vendor.
    fn link_name(&mut self, record: &VendorRecord, id: &str) {
        let Some(key) = name_region(record) else { return };
        match self.by_name.get(&key).cloned() {
            Some(Some(existing)) if self.follow(&existing) != self.follow(id) => {
                let (a, b) = (self.follow(&existing).to_string(), self.follow(id).to_string());
                if a.starts_with("nik-") != b.starts_with("nik-") {
                    let (keep, gone) = if a.starts_with("npwp-") { (a, b) } else { (b, a) };
                    self.absorb(&keep, &gone);
                    self.by_name.insert(key, Some(keep));
                } else {
                    self.by_name.insert(key, None);
                }
            }
            Some(_) => {}
            None => {
                self.by_name.insert(key.clone(), Some(id.to_string()));
                self.absorb(id, &format!("name-{key}"));
            }
        }
    }

    /// Moves vendor `gone` into `keep` and remembers where it went.
    fn absorb(&mut self, keep: &str, gone: &str) {
        if keep == gone {
            return;
        }
        if let Some(orphan) = self.vendors.remove(gone)
            && let Some(target) = self.vendors.get_mut(keep)
        {
            target.accounts.extend(orphan.accounts);
            target.offer_ids.extend(orphan.offer_ids);
            target.offer_ids.truncate(MAX_OFFERS_PER_VENDOR);
            if target.record.npwp.is_none() {
                target.record.npwp = orphan.record.npwp;
            }
            self.redirects.insert(gone.to_string(), keep.to_string());
        }
    }
}
