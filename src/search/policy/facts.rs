//! A vendor's policy facts (UMK scale, koperasi, where it is) as one answer knows them.
//!
//! One marketplace may leave a vendor's scale unstated, or write a town ("Blitar") that names two
//! regions, while another marketplace's account of the same vendor states it. The facts are taken
//! from every account of the vendor that the answer itself holds, joined as the vendor directory
//! joins them (NPWP entity key first, else canonical name plus region), never from what earlier
//! searches happened to fetch: the ranking and the `umk`/`koperasi` filters then do not drift
//! with the cache or differ between instances. Each fact names the account that stated it: the
//! offer's own account when it states it, else the first other stating account in marketplace
//! order (for where the vendor is, only an account of the same office, or all agreeing).

use crate::model::{BusinessScale, LegalForm, MarketplaceId, Offer, VendorRecord};
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
    /// The 16-digit NPWP, when any account states one (for the survey's HPS file).
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
type AccountKey = (MarketplaceId, String);

/// The facts of every vendor account in one answer.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    by_account: HashMap<AccountKey, VendorFacts>,
}

impl Facts {
    /// The facts for the vendor of `offer`; its own statements when the offer was not resolved.
    pub fn of(&self, offer: &Offer) -> VendorFacts {
        let key = (offer.marketplace.clone(), offer.vendor.source_id.clone());
        self.by_account.get(&key).cloned().unwrap_or_else(|| own_statements(&offer.marketplace, &offer.vendor))
    }
}

/// Joins the vendor accounts of `offers` and gives each account its vendor's facts. An account
/// is read from every listing of it the answer holds: a marketplace may state the NPWP or the
/// scale on some listings of a seller and not on others, and the first listing alone left the
/// account's facts blank where another listing stated them.
pub fn resolve<'a>(offers: impl IntoIterator<Item = &'a Offer>) -> Facts {
    let mut accounts: BTreeMap<AccountKey, Vec<&VendorRecord>> = BTreeMap::new();
    for offer in offers {
        accounts.entry((offer.marketplace.clone(), offer.vendor.source_id.clone())).or_default().push(&offer.vendor);
    }
    // `name@region` → entity keys with that name and region: a name-only record joins the one
    // NPWP vendor of its name and region, never one of two.
    let mut named: HashMap<String, BTreeSet<&str>> = HashMap::new();
    for record in accounts.values().filter_map(|records| representative(records)) {
        if let (Some(entity), Some(name)) = (record.entity_key.as_deref(), name_region(record)) {
            named.entry(name).or_default().insert(entity);
        }
    }
    let mut vendors: BTreeMap<String, Vec<Member<'_>>> = BTreeMap::new();
    for (key, records) in &accounts {
        let Some(record) = representative(records) else { continue };
        vendors.entry(vendor_key(key, record, &named)).or_default().push((key, records.as_slice()));
    }
    let mut by_account = HashMap::new();
    for members in vendors.values() {
        for (key, _) in members {
            by_account.insert((*key).clone(), facts_for(key, members));
        }
    }
    Facts { by_account }
}

/// An account and the records of its listings in the answer.
type Member<'a> = (&'a AccountKey, &'a [&'a VendorRecord]);

/// The record that says who an account is: the first listing stating an NPWP, else the first.
fn representative<'a>(records: &[&'a VendorRecord]) -> Option<&'a VendorRecord> {
    records.iter().find(|r| r.entity_key.is_some()).or_else(|| records.first()).copied()
}

fn name_region(record: &VendorRecord) -> Option<String> {
    record.region_code.map(|region| format!("{}@{region}", record.name_key))
}

fn vendor_key(account: &AccountKey, record: &VendorRecord, named: &HashMap<String, BTreeSet<&str>>) -> String {
    if let Some(entity) = &record.entity_key {
        return format!("e:{entity}");
    }
    match name_region(record) {
        Some(name) => match named.get(&name).filter(|entities| entities.len() == 1).and_then(|e| e.first()) {
            Some(entity) => format!("e:{entity}"),
            None => format!("n:{name}"),
        },
        None => format!("a:{}:{}", account.0, account.1),
    }
}

/// Each fact as the offer's own account states it, else as the first other account of the vendor
/// (in marketplace, account, listing order) does. Where it is is an office's fact, not the
/// vendor's: branches under one NPWP entity sit in different regions, so another account's place
/// counts only when it is the same office (the same full NPWP) or every other account agrees.
fn facts_for(own: &AccountKey, members: &[Member<'_>]) -> VendorFacts {
    VendorFacts {
        scale: first(own, members, |r| (r.scale != BusinessScale::Unknown).then_some(r.scale)),
        koperasi: first(own, members, |r| {
            (r.legal_form != LegalForm::Unknown).then_some(r.legal_form == LegalForm::Koperasi)
        }),
        region: place(own, members),
        npwp: first(own, members, |r| r.npwp.clone()),
    }
}

fn first<T>(own: &AccountKey, members: &[Member<'_>], read: impl Fn(&VendorRecord) -> Option<T>) -> Option<Stated<T>> {
    let stated = |(key, records): &Member<'_>| {
        records.iter().find_map(|record| read(record)).map(|value| Stated {
            value,
            by: key.0.clone(),
            own: *key == own,
        })
    };
    members.iter().filter(|(key, _)| *key == own).find_map(stated).or_else(|| members.iter().find_map(stated))
}

fn place(own: &AccountKey, members: &[Member<'_>]) -> Option<Stated<&'static str>> {
    let region = |r: &VendorRecord| r.region_code;
    let office = members.iter().find(|(key, _)| *key == own).and_then(|(_, records)| npwp_of(records));
    let same_office: Vec<Member<'_>> = members
        .iter()
        .filter(|(key, records)| *key == own || (office.is_some() && npwp_of(records) == office))
        .copied()
        .collect();
    if let Some(stated) = first(own, &same_office, region) {
        return Some(stated);
    }
    let stated = first(own, members, region)?;
    let mut every = members.iter().filter_map(|(_, records)| records.iter().find_map(|r| r.region_code));
    every.all(|code| code == stated.value).then_some(stated)
}

/// The full NPWP (entity and office) an account's listings state.
fn npwp_of<'a>(records: &[&'a VendorRecord]) -> Option<&'a str> {
    records.iter().find_map(|r| r.npwp.as_deref())
}

fn own_statements(marketplace: &MarketplaceId, record: &VendorRecord) -> VendorFacts {
    let key = (marketplace.clone(), record.source_id.clone());
    facts_for(&key, &[(&key, &[record])])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(
        marketplace: &str,
        id: &str,
        npwp: Option<&str>,
        scale: BusinessScale,
        region: Option<&'static str>,
    ) -> Offer {
        let mut offer = Offer::sample(id);
        offer.marketplace = MarketplaceId::new(marketplace);
        offer.vendor.source_id = format!("v-{id}");
        offer.vendor.entity_key = npwp.map(String::from);
        offer.vendor.scale = scale;
        offer.vendor.region_code = region;
        offer
    }

    #[test]
    fn an_accounts_facts_come_from_any_of_its_listings_not_only_the_first() {
        let bare = account("mbiz", "a", None, BusinessScale::Unknown, None);
        let mut stating = account("mbiz", "b", Some("012345678"), BusinessScale::Kecil, Some("35.78"));
        stating.vendor.source_id = bare.vendor.source_id.clone();
        stating.vendor.npwp = Some("0123456789012345".into());
        let facts = resolve([&bare, &stating]).of(&bare);
        assert_eq!(facts.npwp.as_ref().map(|n| (n.value.as_str(), n.own)), Some(("0123456789012345", true)));
        assert!(facts.umk());
        assert_eq!(facts.region_code(), Some("35.78"));
    }

    #[test]
    fn an_unstated_scale_and_place_come_from_the_same_vendors_other_account_and_say_which() {
        let mbiz = account("mbiz", "a", Some("012345678"), BusinessScale::Unknown, None);
        let padi = account("padi-umkm", "b", Some("012345678"), BusinessScale::Kecil, Some("35.72"));
        let facts = resolve([&mbiz, &padi]).of(&mbiz);
        assert!(facts.umk());
        assert_eq!(facts.scale.as_ref().map(|s| (s.by.as_str(), s.own)), Some(("padi-umkm", false)));
        assert_eq!(facts.region_code(), Some("35.72"));
        assert!(!VendorFacts::own(&mbiz).umk(), "alone, the account states nothing");
    }

    #[test]
    fn different_npwps_are_never_joined_and_the_answer_alone_decides() {
        let mbiz = account("mbiz", "a", Some("012345678"), BusinessScale::Unknown, None);
        let other = account("padi-umkm", "b", Some("999999999"), BusinessScale::Mikro, Some("35.72"));
        let facts = resolve([&mbiz, &other]).of(&mbiz);
        assert_eq!((facts.umk(), facts.region_code()), (false, None));
    }

    #[test]
    fn the_offers_own_statement_is_named_as_its_own() {
        let own = account("bela", "a", None, BusinessScale::Mikro, Some("35.71"));
        let facts = resolve([&own]).of(&own);
        assert_eq!(facts.scale.map(|s| (s.by.as_str().to_string(), s.own)), Some(("bela".into(), true)));
    }

    #[test]
    fn an_offer_is_placed_where_its_own_office_is_not_where_another_branch_is() {
        let office = |marketplace: &str, id: &str, branch: &str, region: Option<&'static str>| {
            let mut offer = account(marketplace, id, Some("037065731"), BusinessScale::Kecil, region);
            offer.vendor.npwp = Some(format!("0037065731619{branch}"));
            offer
        };
        let branch = office("bela", "a", "001", Some("35.09"));
        let head = office("mbiz", "b", "000", Some("35.71"));
        let head_unplaced = office("padi-umkm", "c", "000", None);
        let branch_unplaced = office("jatim-bejo", "d", "001", None);
        let facts = resolve([&branch, &head, &head_unplaced, &branch_unplaced]);
        let placed = |offer: &Offer| facts.of(offer).region.map(|r| (r.value, r.by.to_string(), r.own));
        assert_eq!(placed(&head), Some(("35.71", "mbiz".into(), true)), "its own place, though bela comes first");
        assert_eq!(placed(&branch), Some(("35.09", "bela".into(), true)));
        assert_eq!(placed(&head_unplaced), Some(("35.71", "mbiz".into(), false)), "the same office's place");
        assert_eq!(placed(&branch_unplaced), Some(("35.09", "bela".into(), false)));
        let mut unknown_office = account("ekatalog", "e", Some("037065731"), BusinessScale::Kecil, None);
        unknown_office.vendor.npwp = None;
        let facts = resolve([&branch, &head, &unknown_office]);
        assert_eq!(facts.of(&unknown_office).region, None, "offices disagree: no place is guessed");
    }
}
