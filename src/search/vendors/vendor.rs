//! A vendor merged across marketplaces, and one marketplace's account of it.

use crate::model::{BusinessScale, LegalForm, MarketplaceId, VendorRecord};
use std::collections::BTreeSet;

/// One marketplace's account of a vendor.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Account {
    /// The marketplace.
    pub marketplace: MarketplaceId,
    /// The account id there, when the marketplace's adapter maps one.
    pub source_id: Option<String>,
    /// The name as that marketplace writes it.
    pub raw_name: String,
    /// The location as that marketplace writes it.
    pub location: Option<String>,
    /// The canonical name read from that account's listing (`"CV Berkah Abadi"`); empty for an
    /// account remembered by an instance that did not keep it.
    #[serde(default)]
    pub name: String,
    /// The legal form that account's listing states (by its name or a legal-form field).
    #[serde(default = "unknown_form")]
    pub legal_form: LegalForm,
    /// Legal form plus core name (`"CV:BERKAH ABADI"`): whether two accounts can be one business.
    #[serde(default)]
    pub name_key: String,
    /// Whether the listing stated no NPWP, so the account is with its vendor by name and region
    /// alone: it leaves a vendor found to be two businesses (see `dispute`). `false` for an
    /// account remembered without it, which then stays.
    #[serde(default)]
    pub by_name: bool,
    /// The region the listing places the account in (Kemendagri code): an account that leaves a
    /// vendor gets a vendor of its own from it and the scale, and a vendor whose accounts are two
    /// businesses is placed only where all of them are. Unstated for one remembered without.
    #[serde(default)]
    pub region_code: Option<String>,
    /// The 16-digit NPWP the listing states (a vendor of two businesses states one only where all
    /// of its accounts do).
    #[serde(default)]
    pub npwp: Option<String>,
    /// The 15-digit NPWP the listing states (as `npwp`).
    #[serde(default)]
    pub npwp15: Option<String>,
    /// The scale the listing states.
    #[serde(default = "unknown_scale")]
    pub scale: BusinessScale,
}

fn unknown_form() -> LegalForm {
    LegalForm::Unknown
}

fn unknown_scale() -> BusinessScale {
    BusinessScale::Unknown
}

/// A vendor merged across marketplaces.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Vendor {
    /// Derived id (see the module docs).
    pub id: String,
    /// The record the vendor is shown by: its head office's (NPWP15 branch `000`) once seen, else
    /// the first seen; completed with the scale, legal form, NPWP and place its other records
    /// state and it does not (see `fill`), whatever order they came in. A vendor whose accounts
    /// are two businesses is placed, and states an NPWP, only where all of them agree (`dispute`).
    pub record: VendorRecord,
    /// Every account, sorted by marketplace then id.
    pub accounts: BTreeSet<Account>,
    /// Ids of offers seen from this vendor, oldest first.
    pub offer_ids: Vec<String>,
    /// Ids it was answered under before it was found to be one seller with another (see
    /// [`VendorDirectory::get`]), oldest first.
    #[serde(default)]
    pub former_ids: Vec<String>,
}

impl Vendor {
    /// Rough heap size, for the budget.
    pub(super) fn estimated_bytes(&self) -> u64 {
        let record_text = self.record.text_bytes();
        let accounts: usize = self
            .accounts
            .iter()
            .map(|a| {
                96 + a.source_id.as_ref().map_or(0, String::len)
                    + a.raw_name.len()
                    + a.name.len()
                    + a.name_key.len()
                    + a.location.as_ref().map_or(0, String::len)
                    + [&a.region_code, &a.npwp, &a.npwp15]
                        .iter()
                        .map(|t| t.as_ref().map_or(0, String::len))
                        .sum::<usize>()
            })
            .sum();
        let offers: usize = self.offer_ids.iter().chain(&self.former_ids).map(|id| 24 + id.len()).sum();
        (std::mem::size_of::<Self>() + 256 + self.id.len() + record_text + accounts + offers) as u64
    }
}
