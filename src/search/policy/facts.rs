//! A vendor's policy facts (UMK scale, koperasi, where it is) as one answer knows them.
//!
//! One marketplace may leave a vendor's scale unstated, or write a town ("Blitar") that names two
//! regions, while another marketplace's account of the same vendor states it. The facts are taken
//! from every account of the vendor that the answer itself holds, joined as the vendor directory
//! joins them (NPWP entity key first; an individual's NIK and NPWP15 under one name and region;
//! else canonical name plus region), never from what earlier searches happened to fetch: the
//! ranking and the `umk`/`koperasi` filters then do not drift with the cache or differ between
//! instances. Each fact names the account that stated it: the offer's own account when it states
//! it, else the first other stating account in marketplace order (for where the vendor is, only
//! an account of the same office, or all agreeing; else the twin regions its own location names).

use crate::model::{BusinessScale, LegalForm, MarketplaceId, Offer, VendorRecord};
use crate::normalize::region::{Region, Resolution, resolve_remembered};
use crate::search::vendors::cannot_be_one;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A fact and the marketplace account that stated it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stated<T> {
    /// What was stated.
    pub value: T,
    /// The marketplace whose account of the vendor stated it.
    pub by: MarketplaceId,
    /// Whether that account is the offer's own (else another account of the same vendor).
    pub own: bool,
}

/// One vendor's policy facts, for one of its accounts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VendorFacts {
    /// Business scale, when any account states it.
    pub scale: Option<Stated<BusinessScale>>,
    /// Whether it is a koperasi, when any account states a legal form.
    pub koperasi: Option<Stated<bool>>,
    /// Kemendagri code of where it is, when any account's location resolves to one region.
    pub region: Option<Stated<&'static str>>,
    /// The regions it could be in, when no account places it in one but its location names several
    /// (a bare "Kediri" is Kabupaten or Kota Kediri): every candidate in one province still
    /// places it in that province.
    pub candidates: Option<Stated<Vec<&'static Region>>>,
    /// The NPWP, for the survey's HPS file: the 16-digit one (an individual's is its NIK) when any
    /// account states it, else the 15-digit one a listing wrote.
    pub npwp: Option<Stated<String>>,
}

impl VendorFacts {
    /// Whether the vendor is an usaha mikro or kecil.
    pub fn umk(&self) -> bool {
        self.scale.as_ref().is_some_and(|s| s.value.is_umk())
    }

    /// Whether the vendor is a koperasi.
    pub fn koperasi(&self) -> bool {
        self.koperasi.as_ref().is_some_and(|k| k.value)
    }

    /// The vendor's region code.
    pub fn region_code(&self) -> Option<&'static str> {
        self.region.as_ref().map(|r| r.value)
    }

    /// The offer's own statements only.
    #[cfg(test)]
    pub fn own(offer: &Offer) -> Self {
        resolve([offer]).of(offer)
    }
}

/// One account: marketplace and account id.
type AccountKey<'a> = (&'a MarketplaceId, &'a str);

/// The facts of every vendor account in one answer.
/// Maps hashed with foldhash: a policy-ordered search looks up every offer of its window here.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// By marketplace, then the account's id there: looked up without building a key.
    by_account: FastMap<MarketplaceId, FastMap<String, VendorFacts>>,
}

impl Facts {
    /// The facts for the vendor of `offer`; its own statements when the offer was not resolved.
    pub fn of(&self, offer: &Offer) -> VendorFacts {
        let known = self.by_account.get(&offer.marketplace).and_then(|ids| ids.get(offer.vendor.account_key()));
        known.cloned().unwrap_or_else(|| own_statements(&offer.marketplace, &offer.vendor))
    }
}

/// Joins the vendor accounts of `offers` and gives each account its vendor's facts. An account
/// is read from every listing of it the answer holds: a marketplace may state the NPWP or the
/// scale on some listings of a seller and not on others, and the first listing alone left the
/// account's facts blank where another listing stated them.
pub fn resolve<'a>(offers: impl IntoIterator<Item = &'a Offer>) -> Facts {
    let mut accounts: BTreeMap<AccountKey<'_>, Vec<&VendorRecord>> = BTreeMap::new();
    for offer in offers {
        accounts.entry((&offer.marketplace, offer.vendor.account_key())).or_default().push(&offer.vendor);
    }
    let joins = Joins::of(&accounts);
    let mut vendors: BTreeMap<String, Vec<Member<'_>>> = BTreeMap::new();
    for (key, records) in &accounts {
        let Some(record) = representative(records) else { continue };
        vendors.entry(joins.vendor_key(key, record)).or_default().push((key, records.as_slice()));
    }
    let mut by_account: FastMap<MarketplaceId, FastMap<String, VendorFacts>> = FastMap::default();
    for (vendor, members) in &vendors {
        let disputed = vendor.strip_prefix("e:").is_some_and(|entity| joins.disputed.contains(entity));
        for (key, _) in members {
            let facts = facts_for(key, members, disputed);
            by_account.entry(key.0.clone()).or_default().insert(key.1.to_string(), facts);
        }
    }
    Facts { by_account }
}

/// An account and the records of its listings in the answer.
type Member<'a> = (&'a AccountKey<'a>, &'a [&'a VendorRecord]);

/// The record that says who an account is: the first listing stating an NPWP, else the first.
fn representative<'a>(records: &[&'a VendorRecord]) -> Option<&'a VendorRecord> {
    records.iter().find(|r| r.entity_key.is_some()).or_else(|| records.first()).copied()
}

fn name_region(record: &VendorRecord) -> Option<String> {
    record.region_code.map(|region| format!("{}@{region}", record.name_key))
}

/// How one answer's accounts join beyond a shared NPWP entity key, by the vendor directory's
/// rules applied to the answer alone: a record without an NPWP joins the one NPWP vendor of its
/// name and region, and an individual's NIK joins the NPWP15 stated under the same name and
/// region, as the directory's `link_name` takes them as one person. Two NPWP15s, or two NIKs,
/// under one name and region join nothing; nor does a record stating another scale than the
/// entity's (review33w W33-12), nor one to an entity whose accounts are two businesses
/// (`NPWP_SHARED`: a name cannot say which), as in the directory.
struct Joins<'a> {
    /// `name@region` → the (joined) entity keys stated under it.
    named: FastMap<String, BTreeSet<&'a str>>,
    /// A NIK → the NPWP15 entity key of the same person.
    person: FastMap<&'a str, &'a str>,
    /// A (joined) entity key → the scale its accounts state first.
    scales: FastMap<&'a str, BusinessScale>,
    /// The (joined) entity keys whose accounts cannot be one business.
    disputed: BTreeSet<&'a str>,
}

impl<'a> Joins<'a> {
    fn of(accounts: &'a BTreeMap<AccountKey<'a>, Vec<&'a VendorRecord>>) -> Self {
        let mut named: FastMap<String, BTreeSet<&'a str>> = FastMap::default();
        for records in accounts.values() {
            let Some(entity) = representative(records).and_then(|r| r.entity_key.as_deref()) else { continue };
            for name in records.iter().filter_map(|record| name_region(record)) {
                named.entry(name).or_default().insert(entity);
            }
        }
        let person = same_person(&named);
        for entities in named.values_mut() {
            *entities = entities.iter().map(|entity| *person.get(entity).unwrap_or(entity)).collect();
        }
        let mut scales: FastMap<&'a str, BusinessScale> = FastMap::default();
        for records in accounts.values() {
            let Some(entity) = representative(records).and_then(|r| r.entity_key.as_deref()) else { continue };
            if let Some(scale) = records.iter().map(|r| r.scale).find(|s| *s != BusinessScale::Unknown) {
                scales.entry(*person.get(entity).unwrap_or(&entity)).or_insert(scale);
            }
        }
        let disputed = disputed(accounts, &person);
        Self { named, person, scales, disputed }
    }

    /// Whether `record` states a scale other than the one `entity`'s accounts state.
    fn other_scale(&self, entity: &str, record: &VendorRecord) -> bool {
        let stated = self.scales.get(entity).copied().unwrap_or(BusinessScale::Unknown);
        record.scale.disagrees_with(stated)
    }

    fn vendor_key(&self, account: &AccountKey<'_>, record: &VendorRecord) -> String {
        if let Some(entity) = &record.entity_key {
            return format!("e:{}", self.person.get(entity.as_str()).copied().unwrap_or(entity));
        }
        match name_region(record) {
            Some(name) => match self.named.get(&name).filter(|entities| entities.len() == 1).and_then(|e| e.first()) {
                Some(entity) if !self.other_scale(entity, record) && !self.disputed.contains(entity) => {
                    format!("e:{entity}")
                }
                _ => format!("n:{name}"),
            },
            None => format!("a:{}:{}", account.0, account.1),
        }
    }
}

/// The (joined) entity keys whose NPWP-stating listings give names or legal forms that cannot be
/// one business, as the vendor directory's dispute rule reads them.
fn disputed<'a>(
    accounts: &'a BTreeMap<AccountKey<'a>, Vec<&'a VendorRecord>>,
    person: &FastMap<&'a str, &'a str>,
) -> BTreeSet<&'a str> {
    // Distinct names only: a vendor's many listings repeat one or two, and the rule compares pairs.
    let mut parties: BTreeMap<&str, BTreeSet<(&str, LegalForm)>> = BTreeMap::new();
    for record in accounts.values().flatten() {
        let Some(entity) = record.entity_key.as_deref().filter(|_| !record.name_key.is_empty()) else { continue };
        let joined = *person.get(entity).unwrap_or(&entity);
        parties.entry(joined).or_default().insert((record.name_key.as_str(), record.legal_form));
    }
    let disputed = |named: &BTreeSet<(&str, LegalForm)>| cannot_be_one(&named.iter().copied().collect::<Vec<_>>());
    parties.into_iter().filter(|(_, named)| disputed(named)).map(|(entity, _)| entity).collect()
}

/// NIK → NPWP15 entity, for each NIK that is alone under a name and region with exactly one
/// NPWP15 entity, and only where neither meets another partner under another name: one person
/// is never joined with two NPWPs, nor one NPWP with two people.
fn same_person<'a>(named: &FastMap<String, BTreeSet<&'a str>>) -> FastMap<&'a str, &'a str> {
    let is_nik = |entity: &str| entity.len() == 16;
    let mut partners: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for entities in named.values() {
        let (niks, npwps): (Vec<&str>, Vec<&str>) = entities.iter().partition(|entity| is_nik(entity));
        if let ([nik], [npwp]) = (niks.as_slice(), npwps.as_slice()) {
            partners.entry(nik).or_default().insert(npwp);
            partners.entry(npwp).or_default().insert(nik);
        }
    }
    let alone = |entity: &str| partners.get(entity).is_some_and(|p| p.len() == 1);
    partners
        .iter()
        .filter(|(entity, found)| is_nik(entity) && found.len() == 1)
        .filter_map(|(nik, found)| found.first().filter(|npwp| alone(npwp)).map(|npwp| (*nik, *npwp)))
        .collect()
}

/// Each fact as the offer's own account states it, else as the first other account of the vendor
/// (in marketplace, account, listing order) does. Where it is is an office's fact, not the
/// vendor's: branches under one NPWP entity sit in different regions, so another account's place
/// counts only when it is the same office (the same full NPWP) or every other account agrees.
///
/// A `disputed` vendor's accounts are two businesses under one NPWP (`NPWP_SHARED`): each account
/// has only its own statements, and no scale at all, as the merged vendor states none (a scale
/// stated belongs to only one of them, and which is not knowable).
fn facts_for(own: &AccountKey<'_>, members: &[Member<'_>], disputed: bool) -> VendorFacts {
    if disputed {
        let alone: Vec<Member<'_>> = members.iter().filter(|(key, _)| *key == own).copied().collect();
        return VendorFacts { scale: None, ..facts_for(own, &alone, false) };
    }
    let region = place(own, members);
    VendorFacts {
        scale: first(own, members, |r| (r.scale != BusinessScale::Unknown).then_some(r.scale)),
        koperasi: first(own, members, |r| {
            (r.legal_form != LegalForm::Unknown).then_some(r.legal_form == LegalForm::Koperasi)
        }),
        candidates: if region.is_none() { first(own, &same_office(own, members), twin_regions) } else { None },
        region,
        npwp: first(own, members, |r| r.npwp.clone()).or_else(|| first(own, members, |r| r.npwp15.clone())),
    }
}

/// The regions a location could be, when it names several.
fn twin_regions(record: &VendorRecord) -> Option<Vec<&'static Region>> {
    match resolve_remembered(record.location.as_deref()?) {
        Resolution::Ambiguous(candidates) if record.region_code.is_none() => Some(candidates),
        _ => None,
    }
}

fn first<T>(
    own: &AccountKey<'_>,
    members: &[Member<'_>],
    read: impl Fn(&VendorRecord) -> Option<T>,
) -> Option<Stated<T>> {
    let stated = |(key, records): &Member<'_>| {
        records.iter().find_map(|record| read(record)).map(|value| Stated {
            value,
            by: key.0.clone(),
            own: *key == own,
        })
    };
    members.iter().filter(|(key, _)| *key == own).find_map(stated).or_else(|| members.iter().find_map(stated))
}

fn place(own: &AccountKey<'_>, members: &[Member<'_>]) -> Option<Stated<&'static str>> {
    let region = |r: &VendorRecord| r.region_code;
    if let Some(stated) = first(own, &same_office(own, members), region) {
        return Some(stated);
    }
    let stated = first(own, members, region)?;
    let mut every = members.iter().filter_map(|(_, records)| records.iter().find_map(|r| r.region_code));
    every.all(|code| code == stated.value).then_some(stated)
}

/// The offer's own account and every other account of the same office.
fn same_office<'a>(own: &AccountKey<'_>, members: &[Member<'a>]) -> Vec<Member<'a>> {
    let office = members.iter().find(|(key, _)| *key == own).and_then(|(_, records)| office_of(records));
    members
        .iter()
        .filter(|(key, records)| *key == own || (office.is_some() && office_of(records) == office))
        .copied()
        .collect()
}

/// The office an account's listings state: the NPWP15 (entity, tax office and branch), else the
/// 16-digit NPWP (an individual's NIK names the person).
fn office_of<'a>(records: &[&'a VendorRecord]) -> Option<&'a str> {
    records.iter().find_map(|r| r.npwp15.as_deref().or(r.npwp.as_deref()))
}

fn own_statements(marketplace: &MarketplaceId, record: &VendorRecord) -> VendorFacts {
    let key = (marketplace, record.account_key());
    facts_for(&key, &[(&key, &[record])], false)
}

#[cfg(test)]
mod tests;
