//! Ground truth: what each listing really is (master product, vendor entity, pack, net price)
//! and who each seller account really is, so tests can score the gateway's grouping and merging.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;
use super::kind::MarketplaceKind;
use super::regions::REGIONS;

/// `GET /_sandbox/truth`: every listing of one marketplace (or those matching `?q=`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Truth {
    /// Marketplace id (`mbiz`).
    pub marketplace: String,
    /// The listings, in listing-id order.
    pub listings: Vec<TruthListing>,
}

/// What one listing really is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TruthListing {
    /// The marketplace's listing id (`MBZ-0000123`, `JB-0000123`).
    pub id: String,
    /// Master product id (`P-000017`), equal across marketplaces for the same product.
    pub product: String,
    /// Vendor entity id (`V-0042`), equal across marketplaces and across a vendor's branches.
    pub vendor: String,
    /// The seller account id on this marketplace (`S-00042`, `T-0042`).
    pub account: String,
    /// The title as the marketplace shows it.
    pub title: String,
    /// Base units in the pack (500 for a rim of paper).
    pub pack_quantity: u32,
    /// The base unit (`lembar`, `pcs`, `unit`, …).
    pub base_unit: String,
    /// Pack price excluding PPN, whole rupiah.
    #[serde(with = "rust_decimal::serde::str")]
    pub price_excluding_vat: Decimal,
    /// PPN rate in percent: `11`, or `0` for vendors that are not PKP.
    #[serde(with = "rust_decimal::serde::str")]
    pub vat_rate: Decimal,
}

/// `GET /_sandbox/vendors`: who is behind every seller account of one marketplace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TruthVendors {
    /// Marketplace id.
    pub marketplace: String,
    /// One entry per seller account, ordered by account id.
    pub vendors: Vec<TruthVendor>,
}

/// One seller account and the legal entity behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TruthVendor {
    /// The seller account id on this marketplace.
    pub account: String,
    /// Vendor entity id, shared by a head office and its branches.
    pub vendor: String,
    /// Canonical name (`PT Maju Jaya Abadi`).
    pub name: String,
    /// `PT`, `CV`, `UD`, `Koperasi` or `Toko`.
    pub legal_form: String,
    /// NPWP15, digits only; its first 9 digits identify the entity.
    pub npwp15: String,
    /// Kemendagri code of the account's regency or city (`35.78`).
    pub region: String,
    /// `mikro`, `kecil`, `menengah` or `besar`.
    pub scale: String,
    /// Whether the vendor charges PPN.
    pub pkp: bool,
}

impl Catalogue {
    /// The truth about every listing of `kind`.
    pub fn truth(&self, kind: MarketplaceKind) -> Truth {
        self.truth_of(kind, 0..self.products_per_marketplace())
    }

    /// The truth about the listings of `kind` at `indices`.
    pub(crate) fn truth_of(&self, kind: MarketplaceKind, indices: impl IntoIterator<Item = usize>) -> Truth {
        let listings = indices
            .into_iter()
            .map(|i| {
                let view = self.view(kind, i);
                TruthListing {
                    id: kind.listing_id(i),
                    product: format!("P-{:06}", view.listing.master + 1),
                    vendor: view.vendor.entity_id(),
                    account: kind.account_id(self.account_number(kind, view.listing.vendor)),
                    title: kind.title(&view),
                    pack_quantity: view.pack.quantity,
                    base_unit: view.good.base_unit.to_owned(),
                    price_excluding_vat: Decimal::from(view.listing.price),
                    vat_rate: Decimal::from(kind.vat_percent(&view)),
                }
            })
            .collect();
        Truth { marketplace: kind.id().to_owned(), listings }
    }

    /// The truth about every seller account on `kind`.
    pub fn vendor_truth(&self, kind: MarketplaceKind) -> TruthVendors {
        let mut vendors: Vec<TruthVendor> = self
            .vendors
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_on(kind))
            .map(|(i, v)| TruthVendor {
                account: kind.account_id(self.account_number(kind, i as u32)),
                vendor: v.entity_id(),
                name: v.canonical_name(),
                legal_form: v.legal_form.label().to_owned(),
                npwp15: v.npwp15.clone(),
                region: REGIONS[v.region].code.to_owned(),
                scale: v.scale.id().to_owned(),
                pkp: v.pkp,
            })
            .collect();
        vendors.sort_by(|a, b| a.account.cmp(&b.account));
        TruthVendors { marketplace: kind.id().to_owned(), vendors }
    }
}
