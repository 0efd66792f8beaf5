//! The unified offer model every marketplace is normalised into.
//!
//! These are plain data: `normalize/` builds them, `cache` stores them, `search/` ranks them and
//! `graphql/` exposes them. Nothing here knows where an offer came from beyond its marketplace id.

use rust_decimal::Decimal;
use std::fmt;

mod price;
mod read_at;
mod transaction;
mod vendor;
pub use price::{Price, RangeMax, VatBasis};
pub use read_at::ReadAt;
pub use transaction::{Amount, PaymentMethod, Transaction, TransactionStatus, WibDate};
pub use vendor::{BusinessScale, LegalForm, VendorRecord};

/// A marketplace id as written in its adapter file (`"mbiz"`, `"jatim-bejo"`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct MarketplaceId(String);

impl MarketplaceId {
    /// Wraps an id that has already been validated by the adapter loader.
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for MarketplaceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One marketplace's offer of one product by one vendor, normalised.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Offer {
    /// The marketplace that listed it.
    pub marketplace: MarketplaceId,
    /// The listing's id on that marketplace.
    pub source_id: String,
    /// The listing title as plain text.
    pub title: String,
    /// Link to the listing, http(s) only.
    pub url: Option<String>,
    /// The price as listed (per pack), with VAT made explicit. `None` when it could not be read.
    pub price: Option<Price>,
    /// The pack the price is for.
    pub unit: Unit,
    /// Price per base unit of the pack with how it was derived; `None` when the pack size is
    /// unknown or the price could not be read.
    pub unit_price: Option<UnitPrice>,
    /// The seller as this marketplace describes it.
    pub vendor: VendorRecord,
    /// Tingkat Komponen Dalam Negeri, percent.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub tkdn: Option<Decimal>,
    /// Bobot Manfaat Perusahaan, percent.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub bmp: Option<Decimal>,
    /// Bangga Buatan Indonesia flag, where the marketplace states it.
    pub bbi: Option<bool>,
    /// Units in stock, where the marketplace states it.
    pub stock: Option<i64>,
    /// Brand, where the marketplace states it apart from the title.
    pub brand: Option<String>,
    /// Model or part number, where the marketplace states it apart from the title.
    pub model: Option<String>,
    /// Whether the offer can be ordered now, where the marketplace states it.
    pub availability: Option<Availability>,
    /// The fewest packs the seller accepts in one order, where stated.
    pub min_order: Option<u32>,
    /// The seller's account as this listing describes it.
    pub seller: Seller,
    /// What could not be normalised cleanly.
    pub issues: Vec<Issue>,
    /// When it was last read from its marketplace (not compared: see [`ReadAt`]).
    pub read_at: ReadAt,
}

/// Whether an offer can be ordered now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, async_graphql::Enum, serde::Serialize, serde::Deserialize)]
pub enum Availability {
    /// In stock.
    InStock,
    /// In stock, in small quantities.
    Limited,
    /// Made or brought in after the order (pre-order, inden).
    PreOrder,
    /// Not in stock now.
    OutOfStock,
    /// No longer sold.
    Discontinued,
}

/// A seller account on one marketplace, as one listing states it (beside the merged vendor).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Seller {
    /// The account id on the marketplace, when stated.
    pub id: Option<String>,
    /// The name as written.
    pub name: String,
    /// Link to the seller's page, http(s) only.
    pub url: Option<String>,
    /// The rating as stated (for example `4.8` of 5).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub rating: Option<Decimal>,
}

impl Offer {
    /// Rough heap size, for memory budgets: the struct, its strings and allocator overhead.
    pub fn estimated_bytes(&self) -> u32 {
        let strings = self.title.len()
            + self.source_id.len()
            + self.url.as_ref().map_or(0, String::len)
            + self.unit.name.as_ref().map_or(0, String::len)
            + self.vendor.text_bytes()
            + self.brand.as_ref().map_or(0, String::len)
            + self.model.as_ref().map_or(0, String::len)
            + self.seller.name.len()
            + self.seller.id.as_ref().map_or(0, String::len)
            + self.seller.url.as_ref().map_or(0, String::len)
            + self.issues.iter().map(|i| 64 + i.message.len()).sum::<usize>();
        u32::try_from(std::mem::size_of::<Self>() + 256 + strings).unwrap_or(u32::MAX)
    }

    /// The gateway-wide id, `"<marketplace>:<source id>"`.
    pub fn gateway_id(&self) -> String {
        gateway_id(&self.marketplace, &self.source_id)
    }
}

/// The gateway-wide id of `marketplace`'s listing `source_id`, `"<marketplace>:<source id>"`.
pub fn gateway_id(marketplace: &MarketplaceId, source_id: &str) -> String {
    // Not `format!`: every offer read and every offer answered makes one, and the formatting
    // machinery cost three times the copying.
    [marketplace.as_str(), ":", source_id].concat()
}

/// The pack a price is quoted for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Unit {
    /// The unit as the marketplace names it (`"rim"`, `"Dus"`); `None` when it sends no unit
    /// field: a name made up for it would be written into surveys as the marketplace's.
    pub name: Option<String>,
    /// The smallest countable unit (`"lembar"` for a rim), when known.
    pub base_unit: Option<String>,
    /// How many base units the pack holds (`500` for a rim); `None` when nothing states it.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub quantity: Option<Decimal>,
    /// Where `quantity` comes from.
    pub derivation: PackDerivation,
    /// Whether `quantity` may be compared with other offers' (stated or read without conflict).
    pub confident: bool,
    /// Why the pack size is unknown or not confident.
    #[serde(deserialize_with = "interned::read_option")]
    pub note: Option<StaticText>,
}

/// Where a pack size comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, async_graphql::Enum, serde::Serialize, serde::Deserialize)]
#[graphql(name = "UnitDerivation")]
pub enum PackDerivation {
    /// The marketplace's unit field states it (`Rim`, `Lusin`, `Pcs`, `box isi 12`).
    Stated,
    /// Read from the listing title (`Dus isi 24 Botol`, `(500 lbr)`).
    Title,
    /// Nothing states it: the size is unknown, and so is the unit price.
    #[graphql(
        deprecation = "never given: a pack nothing states has no size and no unit price (one piece was once assumed)"
    )]
    Assumed,
}

/// The price of one base unit and how far it can be trusted.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UnitPrice {
    /// The pack price divided by the pack size, to 4 decimals.
    pub price: Price,
    /// Where the pack size comes from.
    pub derivation: PackDerivation,
    /// Whether comparisons (cheapest, min/median/max, unit-price order) may use it: the pack size
    /// is stated or read without conflict, never assumed.
    pub confident: bool,
}

impl Offer {
    /// Whether the offer can be ordered now: its stated availability, else a stated stock above
    /// zero; an offer stating neither is not known to be in stock.
    pub fn in_stock(&self) -> bool {
        match self.availability {
            Some(a) => matches!(a, Availability::InStock | Availability::Limited),
            None => self.stock.is_some_and(|s| s > 0),
        }
    }

    /// The unit price including PPN, when it is confident enough to compare offers by.
    pub fn confident_unit_price(&self) -> Option<Decimal> {
        self.unit_price.as_ref().filter(|u| u.confident).map(|u| u.price.amount_including_vat)
    }
}

/// Something the normaliser could not read cleanly, with a stable code.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Issue {
    /// Which field it concerns (`"price"`, `"vendor.npwp"`).
    #[serde(deserialize_with = "interned::read")]
    pub field: StaticText,
    /// Stable machine-readable code (`"PRICE_UNREADABLE"`).
    #[serde(deserialize_with = "interned::read")]
    pub code: StaticText,
    /// Human-readable explanation.
    pub message: String,
}

/// Text from a fixed set compiled into Pasar (issue codes, region codes). An alias, not `&str`
/// written out, so serde does not take the field for one borrowed from its input: it is read
/// through [`interned`].
pub type StaticText = &'static str;

/// Reading back the `&'static str` fields of a stored offer (issue codes and fields, region
/// codes, notes): they come from small fixed sets, so each distinct text is kept once for the
/// life of the process instead of once per offer read.
mod interned {
    use serde::{Deserialize, Deserializer};
    use std::collections::HashSet;
    use std::sync::{Mutex, PoisonError};

    /// Distinct texts kept at most; a store that sends more is not one Pasar wrote.
    const MOST: usize = 4096;
    static TEXTS: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);

    fn intern(text: String) -> &'static str {
        let mut texts = TEXTS.lock().unwrap_or_else(PoisonError::into_inner);
        let texts = texts.get_or_insert_with(HashSet::new);
        if let Some(kept) = texts.get(text.as_str()) {
            return kept;
        }
        if texts.len() >= MOST {
            return "UNKNOWN";
        }
        let kept: &'static str = Box::leak(text.into_boxed_str());
        texts.insert(kept);
        kept
    }

    pub(super) fn read<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
        String::deserialize(d).map(intern)
    }

    pub(super) fn read_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'static str>, D::Error> {
        Option::<String>::deserialize(d).map(|text| text.map(intern))
    }
}

#[cfg(test)]
impl Offer {
    /// A plain offer for tests: a Rp100.000 unit from a large PT in Jakarta, nothing else known.
    pub(crate) fn sample(id: &str) -> Self {
        let amount = Decimal::new(100_000, 0);
        Offer {
            marketplace: MarketplaceId::new("test"),
            source_id: id.into(),
            title: id.into(),
            url: None,
            price: Some(Price {
                amount,
                includes_vat: true,
                vat_rate: Decimal::new(11, 0),
                nominal_vat_rate: Decimal::new(11, 0),
                vat_basis: VatBasis::Included,
                vat_rule: None,
                amount_excluding_vat: amount,
                amount_including_vat: amount,
                raw: None,
                exact: true,
                range_max: None,
            }),
            unit: Unit {
                name: None,
                base_unit: None,
                quantity: Some(Decimal::ONE),
                derivation: PackDerivation::Assumed,
                confident: false,
                note: None,
            },
            unit_price: None,
            vendor: VendorRecord {
                source_id: Some(id.into()),
                raw_name: id.into(),
                name: id.into(),
                legal_form: LegalForm::Pt,
                npwp: None,
                npwp15: None,
                entity_key: None,
                name_key: id.into(),
                scale: BusinessScale::Besar,
                location: None,
                region_code: Some("31.71"),
                issues: Vec::new(),
            },
            tkdn: None,
            bmp: None,
            bbi: None,
            stock: None,
            brand: None,
            model: None,
            availability: None,
            min_order: None,
            seller: Seller { id: Some(id.into()), name: id.into(), url: None, rating: None },
            read_at: ReadAt::default(),
            issues: Vec::new(),
        }
    }
}
