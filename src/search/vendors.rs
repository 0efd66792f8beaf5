//! Merging one vendor's accounts on several marketplaces into one `Vendor`.
//!
//! The rule (reference/domain.md §5.4): the NPWP entity key (first 9 digits of NPWP15, shared by
//! branches) decides first, and two different NPWPs are never merged, however alike the names. A
//! record without an NPWP joins by canonical name plus resolved region; with neither, it stays a
//! vendor of its own, because CV and UD names repeat across cities.
//!
//! Vendor ids are derived from the data (`npwp-012345678`, `name-PT:MAJU JAYA@35.78`), so every
//! gateway instance gives the same vendor the same id without sharing state.
//!
//! The directory is held within a byte budget (a share of the cache budget, see `remembered.rs`)
//! and a vendor not seen in any fetched page for [`RETENTION`] is forgotten, with the name links
//! and redirects that lead to it. Past the budget the vendors seen longest ago go first. Vendors
//! are shared by [`Arc`]: resolving one for an offer copies nothing.

use crate::model::{MarketplaceId, Offer, VendorRecord};
use record::{adds_to, fill, is_head_office, of_account, scales_differ};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// Most offer ids remembered per vendor for `vendor(id) { offers }`.
const MAX_OFFERS_PER_VENDOR: usize = 200;
/// How long a vendor stays known after an offer of it was last fetched: as long as such an offer
/// stays answerable by `offer(id)`, so the offer's vendor link keeps working.
pub(super) const RETENTION: Duration = Duration::from_secs(70 * 60);
/// Expired vendors are looked for at most this often (the sweep reads every vendor).
const SWEEP_EVERY: Duration = Duration::from_secs(60);
/// Per name link or redirect: the key, the target id and the hash table's own share.
const LINK_BYTES: u64 = 96;

/// One remembered vendor and what leads to it.
struct Kept {
    vendor: Arc<Vendor>,
    /// When an offer of it was last fetched.
    seen: Instant,
    bytes: u64,
    /// Name keys and old ids pointing here, forgotten with it.
    links: Vec<String>,
}

/// Maps by vendor id or name key, looked up for every offer (foldhash, as the caches).
type Keyed<V> = HashMap<String, V, foldhash::fast::RandomState>;

struct Inner {
    vendors: Keyed<Kept>,
    /// Vendors merged into another after both were seen: old id → surviving id.
    redirects: Keyed<String>,
    /// `name_key@region` → the NPWP vendor with that name and region, or `None` when two
    /// different NPWPs share it (then name-only records cannot be placed and stay apart).
    by_name: Keyed<Option<String>>,
    /// Estimated bytes of all of the above.
    bytes: u64,
    swept: Instant,
}

/// All vendors seen, merged.
pub struct VendorDirectory {
    inner: RwLock<Inner>,
    budget: u64,
}

impl VendorDirectory {
    /// A directory holding about `budget` bytes at most.
    pub fn new(budget: u64) -> Self {
        let inner = Inner {
            vendors: Keyed::default(),
            redirects: Keyed::default(),
            by_name: Keyed::default(),
            bytes: 0,
            swept: Instant::now(),
        };
        Self { inner: RwLock::new(inner), budget }
    }

    /// Estimated bytes held and vendors known.
    #[cfg(test)]
    fn size(&self) -> (u64, usize) {
        self.inner.read().map_or((0, 0), |inner| (inner.bytes, inner.vendors.len()))
    }
}

// Joined with `concat`, not `format!`: these ids are made for each offer answered and recorded,
// and the formatting machinery cost more than the copying.
fn name_region(record: &VendorRecord) -> Option<String> {
    record.region_code.map(|region| [record.name_key.as_str(), "@", region].concat())
}

/// The id a record would have on its own, before any name-to-NPWP join. A 16-digit key is a
/// NIK used as NPWP (individuals); a 9-digit key is the entity part of an NPWP15.
pub fn own_id(marketplace: &MarketplaceId, record: &VendorRecord) -> String {
    match (&record.entity_key, name_region(record)) {
        (Some(entity), _) if entity.len() == 16 => ["nik-", entity].concat(),
        (Some(entity), _) => ["npwp-", entity].concat(),
        (None, Some(name)) => ["name-", &name].concat(),
        (None, None) => ["account-", marketplace.as_str(), "-", record.account_key()].concat(),
    }
}

impl VendorDirectory {
    /// Records the vendors of freshly normalised offers, then keeps the directory within its
    /// budget and retention.
    pub fn record<'a>(&self, offers: impl IntoIterator<Item = &'a Offer>) {
        self.record_at(offers, Instant::now());
    }

    fn record_at<'a>(&self, offers: impl IntoIterator<Item = &'a Offer>, now: Instant) {
        let Ok(mut inner) = self.inner.write() else { return };
        for offer in offers {
            inner.add(offer, now);
        }
        if now.saturating_duration_since(inner.swept) >= SWEEP_EVERY {
            inner.swept = now;
            inner.forget_where(|kept| now.saturating_duration_since(kept.seen) >= RETENTION);
        }
        if inner.bytes > self.budget {
            inner.shrink_to(self.budget - self.budget / 10);
        }
    }

    /// The merged vendor of an offer's record; a single-account vendor when it was never recorded.
    pub fn vendor_of(&self, marketplace: &MarketplaceId, record: &VendorRecord) -> Arc<Vendor> {
        let found = self.inner.read().ok().and_then(|inner| {
            let id = inner.resolve(marketplace, record)?;
            inner.vendors.get(&id).map(|kept| Arc::clone(&kept.vendor))
        });
        found.unwrap_or_else(|| {
            Arc::new(Vendor {
                id: own_id(marketplace, record),
                record: record.clone(),
                accounts: BTreeSet::from([account(marketplace, record)]),
                offer_ids: Vec::new(),
                former_ids: Vec::new(),
            })
        })
    }

    /// A vendor by id (also by the id of a vendor since merged into it).
    pub fn get(&self, id: &str) -> Option<Arc<Vendor>> {
        let inner = self.inner.read().ok()?;
        inner.vendors.get(inner.follow(id)).map(|kept| Arc::clone(&kept.vendor))
    }
}

fn account(marketplace: &MarketplaceId, record: &VendorRecord) -> Account {
    Account {
        marketplace: marketplace.clone(),
        source_id: record.source_id.clone(),
        raw_name: record.raw_name.clone(),
        location: record.location.clone(),
        name: record.name.clone(),
        legal_form: record.legal_form,
        name_key: record.name_key.clone(),
        by_name: record.entity_key.is_none(),
        region_code: record.region_code.map(str::to_string),
        npwp: record.npwp.clone(),
        npwp15: record.npwp15.clone(),
        scale: record.scale,
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

    /// Which existing vendor a record belongs to. A record without an NPWP joins the NPWP vendor
    /// of its name and region unless it states another scale (see [`scales_differ`]) or that
    /// vendor's records are two businesses (`NPWP_SHARED`: a name cannot say which it would be).
    fn resolve(&self, marketplace: &MarketplaceId, record: &VendorRecord) -> Option<String> {
        if record.entity_key.is_none()
            && let Some(Some(id)) = name_region(record).and_then(|key| self.by_name.get(&key))
        {
            let id = self.follow(id);
            let fits = |kept: &Kept| !scales_differ(&kept.vendor.record, record) && !dispute::is_disputed(&kept.vendor);
            if self.vendors.get(id).is_none_or(fits) {
                return Some(id.to_string());
            }
        }
        let own = own_id(marketplace, record);
        let followed = self.follow(&own);
        let id = if std::ptr::eq(followed, own.as_str()) { own } else { followed.to_string() };
        self.vendors.contains_key(&id).then_some(id)
    }

    fn add(&mut self, offer: &Offer, now: Instant) {
        let record = &offer.vendor;
        let id = self.resolve(&offer.marketplace, record).unwrap_or_else(|| own_id(&offer.marketplace, record));
        let kept = self.vendors.entry(id.clone()).or_insert_with(|| Kept {
            vendor: Arc::new(Vendor {
                id: id.clone(),
                record: record.clone(),
                accounts: BTreeSet::new(),
                offer_ids: Vec::new(),
                former_ids: Vec::new(),
            }),
            seen: now,
            bytes: 0,
            links: Vec::new(),
        });
        kept.seen = now;
        let offer_id = offer.gateway_id();
        let account = account(&offer.marketplace, record);
        let head_office = is_head_office(record) && !is_head_office(&kept.vendor.record);
        // A disputed vendor's record leaves the scale and form unstated on purpose.
        let known = kept.vendor.accounts.contains(&account)
            && !head_office
            && (dispute::is_disputed(&kept.vendor) || !adds_to(&kept.vendor.record, record))
            && (kept.vendor.offer_ids.len() >= MAX_OFFERS_PER_VENDOR || kept.vendor.offer_ids.contains(&offer_id));
        let mut parted = (Vec::new(), Vec::new());
        // Most offers come from vendors already known as they are: then nothing is copied.
        if !known {
            let vendor = Arc::make_mut(&mut kept.vendor);
            if head_office {
                let former = std::mem::replace(&mut vendor.record, record.clone());
                fill(&mut vendor.record, &former);
            } else {
                fill(&mut vendor.record, record);
            }
            vendor.accounts.insert(account);
            if vendor.offer_ids.len() < MAX_OFFERS_PER_VENDOR && !vendor.offer_ids.contains(&offer_id) {
                vendor.offer_ids.push(offer_id);
            }
            parted = dispute::settle(vendor);
            let bytes = vendor.estimated_bytes();
            self.bytes = self.bytes.saturating_sub(kept.bytes) + bytes;
            kept.bytes = bytes;
        }
        self.part(&id, parted, now);
        if record.entity_key.is_some() {
            self.link_name(record, &id);
        }
    }

    /// Forgets every vendor `doomed` says, with the links and redirects leading to it.
    fn forget_where(&mut self, doomed: impl Fn(&Kept) -> bool) {
        let ids: Vec<String> = self.vendors.iter().filter(|(_, kept)| doomed(kept)).map(|(id, _)| id.clone()).collect();
        for id in ids {
            self.forget(&id);
        }
    }

    fn forget(&mut self, id: &str) {
        let Some(kept) = self.vendors.remove(id) else { return };
        self.bytes = self.bytes.saturating_sub(kept.bytes);
        for link in kept.links {
            if self.by_name.remove(&link).is_some() || self.redirects.remove(&link).is_some() {
                self.bytes = self.bytes.saturating_sub(LINK_BYTES);
            }
        }
    }

    /// Forgets the vendors seen longest ago until about `target` bytes are held.
    fn shrink_to(&mut self, target: u64) {
        let mut by_age: Vec<(Instant, String)> =
            self.vendors.iter().map(|(id, kept)| (kept.seen, id.clone())).collect();
        by_age.sort_unstable();
        for (_, id) in by_age {
            if self.bytes <= target {
                break;
            }
            self.forget(&id);
        }
    }

    /// Notes that `key` (a name link or an old id) leads to vendor `id`.
    fn note_link(&mut self, id: &str, key: String) {
        if let Some(kept) = self.vendors.get_mut(id) {
            kept.links.push(key);
        }
        self.bytes += LINK_BYTES;
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
                    // Either vendor forgotten takes the conflict with it.
                    if let Some(kept) = self.vendors.get_mut(&b) {
                        kept.links.push(key.clone());
                    }
                    self.by_name.insert(key, None);
                }
            }
            Some(_) => {}
            None => {
                self.by_name.insert(key.clone(), Some(id.to_string()));
                self.note_link(id, key.clone());
                let named = ["name-", &key].concat();
                let records = (self.vendors.get(id), self.vendors.get(&named));
                let apart = |a: &Kept, b: &Kept| {
                    scales_differ(&a.vendor.record, &b.vendor.record) || dispute::is_disputed(&a.vendor)
                };
                if !matches!(records, (Some(a), Some(b)) if apart(a, b)) {
                    self.absorb(id, &named);
                }
            }
        }
    }

    /// Moves vendor `gone` into `keep` and remembers where it went.
    fn absorb(&mut self, keep: &str, gone: &str) {
        if keep == gone {
            return;
        }
        if !self.vendors.contains_key(keep) {
            return;
        }
        let Some(orphan) = self.vendors.remove(gone) else { return };
        self.bytes = self.bytes.saturating_sub(orphan.bytes);
        let (mut parted, mut seen) = ((Vec::new(), Vec::new()), orphan.seen);
        if let Some(target) = self.vendors.get_mut(keep) {
            let vendor = Arc::make_mut(&mut target.vendor);
            let merged = Arc::unwrap_or_clone(orphan.vendor);
            vendor.accounts.extend(merged.accounts);
            vendor.offer_ids.extend(merged.offer_ids);
            vendor.offer_ids.truncate(MAX_OFFERS_PER_VENDOR);
            vendor.former_ids.extend(merged.former_ids);
            vendor.former_ids.push(merged.id);
            fill(&mut vendor.record, &merged.record);
            parted = dispute::settle(vendor);
            let bytes = vendor.estimated_bytes();
            self.bytes = self.bytes.saturating_sub(target.bytes) + bytes;
            target.bytes = bytes;
            target.seen = target.seen.max(orphan.seen);
            seen = target.seen;
            target.links.extend(orphan.links);
        }
        self.redirects.insert(gone.to_string(), keep.to_string());
        self.note_link(keep, gone.to_string());
        self.part(keep, parted, seen);
    }

    /// Gives the accounts that left disputed vendor `id` (see `dispute::settle`) a vendor of their
    /// own again, as their records met now would have, and forgets the ids of the name-only
    /// vendors it had absorbed, so those ids lead to the accounts' own vendors.
    fn part(&mut self, id: &str, (accounts, former): (Vec<Account>, Vec<String>), seen: Instant) {
        for old in &former {
            if self.redirects.remove(old).is_some() {
                self.bytes = self.bytes.saturating_sub(LINK_BYTES);
            }
        }
        if let Some(kept) = self.vendors.get_mut(id).filter(|_| !former.is_empty()) {
            kept.links.retain(|link| !former.contains(link));
        }
        for account in accounts {
            let record = of_account(&account);
            let own = own_id(&account.marketplace, &record);
            let kept = self.vendors.entry(own.clone()).or_insert_with(|| Kept {
                vendor: Arc::new(Vendor {
                    id: own,
                    record,
                    accounts: BTreeSet::new(),
                    offer_ids: Vec::new(),
                    former_ids: Vec::new(),
                }),
                seen,
                bytes: 0,
                links: Vec::new(),
            });
            let vendor = Arc::make_mut(&mut kept.vendor);
            vendor.accounts.insert(account);
            let bytes = vendor.estimated_bytes();
            self.bytes = self.bytes.saturating_sub(kept.bytes) + bytes;
            kept.bytes = bytes;
        }
    }
}

mod dispute;
mod vendor;
pub(super) use dispute::cannot_be_one;
pub use vendor::{Account, Vendor};
#[cfg(test)]
mod dispute_tests;
mod record;
#[cfg(test)]
mod tests;
