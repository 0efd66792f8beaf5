//! `RankingExplanation`: why an offer ranks where it does, field by field.

use crate::normalize::pdn::PdnTier;
use crate::search::{Explanation, Locality};
use async_graphql::Object;
use rust_decimal::Decimal;

/// Why an offer ranks where it does under `sort: POLICY` or a buyer context.
#[Object(name = "RankingExplanation", serial)]
impl Explanation {
    /// The offer's PDN tier as the policy order reads it: with the TKDN another listing of the
    /// same product states when this one states none (`tkdnStatedBy`), so it may differ from
    /// `Offer.pdnTier` and the TKDN filters, which read the listing's own.
    async fn pdn_tier(&self) -> PdnTier {
        self.pdn_tier
    }
    /// Whether the PDN cascade puts it first; false means set aside (see `reasons`).
    async fn pdn_preferred(&self) -> bool {
        self.pdn_preferred
    }
    /// The TKDN the cascade read: the offer's own (`Offer.tkdn`), or, when its listing states
    /// none, the one every listing of the same product that states one agrees on
    /// (`tkdnStatedBy`): TKDN is certified per product, and Bela and PaDi UMKM publish none.
    async fn tkdn(&self) -> Option<Decimal> {
        self.tkdn
    }
    /// The listing (offer id) of the same product whose TKDN `tkdn` is, when it is not the
    /// offer's own: the product's group in `compare`, offers with the same product key in a
    /// search. Null when the offer's own listing states it, or nothing does.
    async fn tkdn_stated_by(&self) -> Option<&str> {
        self.tkdn_stated_by.as_deref()
    }
    /// Whether the vendor is an usaha mikro or kecil.
    async fn umk(&self) -> bool {
        self.umk
    }
    /// Whether the vendor is a koperasi.
    async fn koperasi(&self) -> bool {
        self.koperasi
    }
    /// How near the vendor is to the buyer. A location naming several regions (a bare "Kediri":
    /// Kabupaten or Kota Kediri) is `SAME_PROVINCE` or `NATIONAL` when every candidate lies in or
    /// outside the buyer's province, never `SAME_REGENCY`; `reasons` names the candidates.
    async fn locality(&self) -> Locality {
        self.locality
    }
    /// The marketplace whose account of the vendor stated the business scale `umk` is read
    /// from: the same vendor's accounts in this answer are joined (NPWP, else name and region),
    /// so an account that leaves its scale unstated takes another's. Null when none states it,
    /// and for a vendor whose accounts are two businesses (`NPWP_SHARED`), which states none.
    async fn scale_stated_by(&self) -> Option<&str> {
        self.facts.scale.as_ref().map(|s| s.by.as_str())
    }
    /// The marketplace whose account of the vendor stated the legal form `koperasi` is read
    /// from (as `scaleStatedBy`); null when none states it.
    async fn legal_form_stated_by(&self) -> Option<&str> {
        self.facts.koperasi.as_ref().map(|s| s.by.as_str())
    }
    /// The marketplace whose account of the vendor stated the region `locality` is read from
    /// (as `scaleStatedBy`), or the location naming several regions it is read from; null when
    /// no account's location names a region.
    async fn region_stated_by(&self) -> Option<&str> {
        let candidates = || self.facts.candidates.as_ref().map(|s| s.by.as_str());
        self.facts.region.as_ref().map(|s| s.by.as_str()).or_else(candidates)
    }
    /// The vendor's region code (Kemendagri) `locality` is read from; null when no account's
    /// location resolves to one region (then `locality` may still come from several, see there).
    async fn vendor_region_code(&self) -> Option<&str> {
        self.facts.region_code()
    }
    /// Price per base unit including PPN, when confidently known (`Offer.unitPriceBasis`) and
    /// in the base unit the product's offers are compared in (in `compare`, the unit most of
    /// the group's offers are priced per: a price per pack is not ranked against prices per
    /// sheet); null otherwise, and such offers rank after those with one.
    async fn unit_price(&self) -> Option<Decimal> {
        self.unit_price
    }
    /// Each rule applied, in order, in words a buyer can quote.
    async fn reasons(&self) -> &[String] {
        &self.reasons
    }
}
